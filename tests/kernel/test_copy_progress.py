"""CopyFileEx's progress: when the routine is called, what its answers do, and cancelling."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import ERROR_FILE_EXISTS, ERROR_REQUEST_ABORTED, Win32Error

if TYPE_CHECKING:
    from pathlib import Path

_MB = 1 << 20


@pytest.fixture
def source(tmp_path: Path) -> str:
    path = tmp_path / "source"
    path.write_bytes(os.urandom(2 * _MB + 5))
    return str(path)


def test_the_routine_hears_the_start_then_each_chunk_on_the_calling_thread(
    source: str, tmp_path: Path
) -> None:
    calls: list[tuple[int, int, int, object]] = []
    target = str(tmp_path / "target")

    def progress(total: int, copied: int, reason: int) -> int:
        calls.append((total, copied, reason, kernel.current_thread()))
        return kernel.PROGRESS_CONTINUE

    kernel.copy_file(source, target, progress=progress)
    size = 2 * _MB + 5
    me = kernel.current_thread()
    assert calls == [
        (size, 0, kernel.CALLBACK_STREAM_SWITCH, me),
        (size, _MB, kernel.CALLBACK_CHUNK_FINISHED, me),
        (size, 2 * _MB, kernel.CALLBACK_CHUNK_FINISHED, me),
        (size, size, kernel.CALLBACK_CHUNK_FINISHED, me),
    ]
    with open(source, "rb") as one, open(target, "rb") as other:
        assert one.read() == other.read()


def test_an_empty_file_is_only_announced(tmp_path: Path) -> None:
    source, calls = tmp_path / "empty", []
    source.write_bytes(b"")

    def progress(*call: int) -> int:
        calls.append(call)
        return kernel.PROGRESS_CONTINUE

    kernel.copy_file(str(source), str(tmp_path / "copy"), progress=progress)
    assert calls == [(0, 0, kernel.CALLBACK_STREAM_SWITCH)]
    assert (tmp_path / "copy").read_bytes() == b""


@pytest.mark.parametrize(
    ("answer", "kept"), [(kernel.PROGRESS_CANCEL, False), (kernel.PROGRESS_STOP, True)]
)
def test_cancel_deletes_the_copy_and_stop_keeps_it(
    source: str, tmp_path: Path, answer: int, kept: bool
) -> None:
    target = tmp_path / "target"
    answers = iter([kernel.PROGRESS_CONTINUE, kernel.PROGRESS_CONTINUE, answer])
    with pytest.raises(Win32Error) as caught:
        kernel.copy_file(source, str(target), progress=lambda *call: next(answers))
    assert caught.value.winerror == ERROR_REQUEST_ABORTED
    assert target.exists() is kept
    if kept:
        assert target.stat().st_size == 2 * _MB  # the chunks copied before the answer


def test_quiet_goes_on_without_calling_again(source: str, tmp_path: Path) -> None:
    calls: list[tuple[int, ...]] = []

    def progress(*call: int) -> int:
        calls.append(call)
        return kernel.PROGRESS_QUIET

    kernel.copy_file(source, str(tmp_path / "target"), progress=progress)
    assert len(calls) == 1
    assert (tmp_path / "target").stat().st_size == 2 * _MB + 5


def test_an_exception_in_the_routine_cancels_and_propagates(source: str, tmp_path: Path) -> None:
    def progress(total: int, copied: int, reason: int) -> int:
        if copied:
            raise LookupError("the user's")
        return kernel.PROGRESS_CONTINUE

    with pytest.raises(LookupError, match="the user's"):
        kernel.copy_file(source, str(tmp_path / "target"), progress=progress)
    assert not (tmp_path / "target").exists()


def test_an_answer_that_is_not_a_number_is_a_type_error(source: str, tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="PROGRESS_"):
        kernel.copy_file(source, str(tmp_path / "target"), progress=lambda *call: "go on")  # type: ignore[arg-type]
    assert not (tmp_path / "target").exists()


def test_a_set_cancel_event_stops_the_copy_before_its_next_chunk(
    source: str, tmp_path: Path
) -> None:
    cancel = kernel.Event(manual_reset=True)

    def progress(total: int, copied: int, reason: int) -> int:
        if copied:
            cancel.set()  # as another thread would
        return kernel.PROGRESS_CONTINUE

    with pytest.raises(Win32Error) as caught:
        kernel.copy_file(source, str(tmp_path / "target"), progress=progress, cancel=cancel)
    assert caught.value.winerror == ERROR_REQUEST_ABORTED
    assert not (tmp_path / "target").exists()
    with pytest.raises(Win32Error) as caught:  # set before: nothing is made
        kernel.copy_file(source, str(tmp_path / "other"), cancel=cancel)
    assert caught.value.winerror == ERROR_REQUEST_ABORTED
    assert not (tmp_path / "other").exists()


def test_a_refused_copy_never_calls_the_routine(source: str, tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.write_bytes(b"there")
    calls: list[object] = []

    def progress(*call: int) -> int:
        calls.append(call)
        return kernel.PROGRESS_CONTINUE

    with pytest.raises(Win32Error) as caught:
        kernel.copy_file(source, str(target), fail_if_exists=True, progress=progress)
    assert caught.value.winerror == ERROR_FILE_EXISTS
    assert calls == []
    assert target.read_bytes() == b"there"


def test_a_routine_that_is_not_callable_is_refused_at_the_door(source: str, tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="callable"):
        kernel.copy_file(source, str(tmp_path / "target"), progress=3)  # type: ignore[arg-type]
    assert not (tmp_path / "target").exists()
