"""Contract: win32file.CopyFileEx and MoveFileWithProgress.

Wine copies without calling the progress routine at all; Windows' documentation says how it
is called (CALLBACK_STREAM_SWITCH first, CALLBACK_CHUNK_FINISHED after each chunk) and what
PROGRESS_CANCEL and a set cancel flag do (ERROR_REQUEST_ABORTED): those checks are marked.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import pytest
import pywintypes
import win32file
import winerror

from ._wine import wine_differs

if TYPE_CHECKING:
    from pathlib import Path

ERROR_REQUEST_ABORTED = 1235  # winerror has it; spelled here so the check reads plainly


@pytest.fixture
def source(tmp_path: Path) -> str:
    path = tmp_path / "source.bin"
    path.write_bytes(b"x" * 300_000)
    return str(path)


def _code(call: Any, *args: Any) -> int:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)
    assert caught.value.funcname == call.__name__
    return int(caught.value.winerror)


def test_the_names_and_values() -> None:
    assert (win32file.PROGRESS_CONTINUE, win32file.PROGRESS_CANCEL) == (0, 1)
    assert (win32file.PROGRESS_STOP, win32file.PROGRESS_QUIET) == (2, 3)
    assert (win32file.CALLBACK_CHUNK_FINISHED, win32file.CALLBACK_STREAM_SWITCH) == (0, 1)
    assert winerror.ERROR_REQUEST_ABORTED == ERROR_REQUEST_ABORTED


def test_copy_file_ex_copies_and_refuses_what_copy_file_refuses(
    source: str, tmp_path: Path
) -> None:
    target = str(tmp_path / "target.bin")
    assert win32file.CopyFileEx(source, target) is None
    with open(target, "rb") as copied:
        assert copied.read() == b"x" * 300_000
    flags = win32file.COPY_FILE_FAIL_IF_EXISTS
    assert _code(win32file.CopyFileEx, source, target, None, None, False, flags) == (
        winerror.ERROR_FILE_EXISTS
    )
    assert _code(win32file.CopyFileEx, source + ".none", target) == winerror.ERROR_FILE_NOT_FOUND


def test_copy_file_ex_takes_keywords_and_refuses_a_routine_that_is_not_callable(
    source: str, tmp_path: Path
) -> None:
    target = str(tmp_path / "target.bin")
    win32file.CopyFileEx(
        ExistingFileName=source,
        NewFileName=target,
        ProgressRoutine=None,
        Data="data",
        Cancel=False,
        CopyFlags=win32file.COPY_FILE_RESTARTABLE,
        Transaction=None,
    )
    with pytest.raises(TypeError, match="ProgressRoutine must be callable"):
        win32file.CopyFileEx(source, target, 42)


def test_a_rename_with_progress_calls_no_routine(source: str, tmp_path: Path) -> None:
    calls: list[tuple[Any, ...]] = []

    def progress(*call: Any) -> int:
        calls.append(call)
        return int(win32file.PROGRESS_CONTINUE)

    target = str(tmp_path / "moved.bin")
    win32file.MoveFileWithProgress(source, target, progress, "data", 0)
    assert calls == []
    assert os.path.exists(target) and not os.path.exists(source)


@wine_differs("Wine's CopyFileEx never calls the progress routine")
def test_the_routine_hears_the_start_then_the_chunks_with_its_data_and_handles(
    source: str, tmp_path: Path
) -> None:
    calls: list[tuple[Any, ...]] = []

    def progress(*call: Any) -> int:
        calls.append(call)
        return int(win32file.PROGRESS_CONTINUE)

    win32file.CopyFileEx(source, str(tmp_path / "target.bin"), progress, "data")
    first, last = calls[0], calls[-1]
    assert first[:6] == (300_000, 0, 300_000, 0, 1, win32file.CALLBACK_STREAM_SWITCH)
    assert last[:6] == (300_000, 300_000, 300_000, 300_000, 1, win32file.CALLBACK_CHUNK_FINISHED)
    assert all(isinstance(call[6], int) and isinstance(call[7], int) for call in calls)
    assert {call[8] for call in calls} == {"data"}


@wine_differs("Wine's CopyFileEx never calls the progress routine")
def test_progress_cancel_aborts_the_copy_and_deletes_it(source: str, tmp_path: Path) -> None:
    target = tmp_path / "target.bin"
    calls: list[tuple[Any, ...]] = []

    def cancel(*call: Any) -> int:
        calls.append(call)
        return int(win32file.PROGRESS_CANCEL)

    assert _code(win32file.CopyFileEx, source, str(target), cancel) == ERROR_REQUEST_ABORTED
    assert len(calls) == 1
    assert not target.exists()


@wine_differs("Wine's CopyFileEx ignores the cancel flag")
def test_a_set_cancel_flag_aborts_the_copy(source: str, tmp_path: Path) -> None:
    target = tmp_path / "target.bin"
    assert _code(win32file.CopyFileEx, source, str(target), None, None, True) == (
        ERROR_REQUEST_ABORTED
    )
    assert not target.exists()


@wine_differs("Wine's CopyFileEx never calls the progress routine")
def test_an_exception_in_the_routine_propagates_and_the_copy_is_deleted(
    source: str, tmp_path: Path
) -> None:
    target = tmp_path / "target.bin"

    def fails(*call: Any) -> int:
        raise LookupError("the user's")

    with pytest.raises(LookupError, match="the user's"):
        win32file.CopyFileEx(source, str(target), fails)
    assert not target.exists()
