"""The win32file and win32pipe facade: where it differs from pywin32 on purpose, and GC.

The contract tests pin what pywin32 does; these pin what the facade does where pywin32
crashes (a None OVERLAPPED) and how a handle dropped to the collector lets its file go.
"""

from __future__ import annotations

import gc
import os
import warnings
from typing import TYPE_CHECKING

import pytest

from apartment.win32 import pywintypes, win32api, win32con, win32file, win32pipe

if TYPE_CHECKING:
    from pathlib import Path

RW = win32con.GENERIC_READ | win32con.GENERIC_WRITE


@pytest.fixture(autouse=True)
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APARTMENT_RUNTIME_DIR", str(tmp_path / "runtime"))


@pytest.fixture
def path(tmp_path: Path) -> str:
    target = tmp_path / "data.bin"
    target.write_bytes(b"0123456789")
    return str(target)


def test_lock_file_ex_with_no_overlapped_is_a_type_error(path: str) -> None:
    handle = win32file.CreateFile(path, RW, 0, None, win32con.OPEN_EXISTING, 0, None)
    with handle:
        with pytest.raises(TypeError, match="OVERLAPPED"):
            win32file.LockFileEx(handle, 2, 1, 0, None)
        with pytest.raises(TypeError, match="OVERLAPPED"):
            win32file.UnlockFileEx(handle, 1, 0, None)
        with pytest.raises(TypeError, match="PyOVERLAPPED"):
            win32file.GetOverlappedResult(handle, None, False)


def test_a_negative_offset_wraps_with_pywin32s_warning() -> None:
    overlapped = pywintypes.OVERLAPPED()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        overlapped.Offset = -1
    assert overlapped.Offset == 0xFFFFFFFF
    assert [str(w.message) for w in caught] == ["Writing negative value into unsigned field"]


def test_a_handle_dropped_to_the_collector_lets_its_file_go(path: str) -> None:
    handle = win32file.CreateFile(path, RW, 0, None, win32con.OPEN_EXISTING, 0, None)
    del handle
    gc.collect()
    again = win32file.CreateFile(path, RW, 0, None, win32con.OPEN_EXISTING, 0, None)
    again.Close()


def test_an_instance_dropped_to_the_collector_frees_its_place() -> None:
    name = "\\\\.\\pipe\\facade-gc-" + os.urandom(6).hex()
    pipe = win32pipe.CreateNamedPipe(name, win32pipe.PIPE_ACCESS_DUPLEX, 0, 1, 0, 0, 0, None)
    del pipe
    gc.collect()
    win32pipe.CreateNamedPipe(name, win32pipe.PIPE_ACCESS_DUPLEX, 0, 1, 0, 0, 0, None).Close()


def test_get_file_type_tells_disks_from_pipes(path: str) -> None:
    with win32file.CreateFile(path, RW, 0, None, win32con.OPEN_EXISTING, 0, None) as handle:
        assert win32file.GetFileType(handle) == win32file.FILE_TYPE_DISK
    read_end, write_end = win32pipe.CreatePipe(None, 0)
    with read_end, write_end:
        assert win32file.GetFileType(read_end) == win32file.FILE_TYPE_PIPE


def test_full_path_name_keeps_a_backslash_in_a_name_as_create_file_does(tmp_path: Path) -> None:
    # Linux paths: '\\' is a character of a name for every file call here (CreateFile makes
    # 'sub\\new.txt' beside 'sub'), so GetFullPathName must not split there: the name it gives
    # would lead the next file call to another file than the name it was given.
    (tmp_path / "sub").mkdir()
    name = str(tmp_path / "sub\\..\\new.txt")
    win32file.CreateFile(name, RW, 0, None, win32con.CREATE_NEW, 0, None).Close()
    assert "sub\\..\\new.txt" in os.listdir(tmp_path)
    assert win32api.GetFullPathName(name) == name
    assert win32file.GetFullPathName(name) == name
    attributes = win32file.GetFileAttributes(win32file.GetFullPathName(name))
    assert attributes == win32con.FILE_ATTRIBUTE_ARCHIVE  # the file made, not the folder
