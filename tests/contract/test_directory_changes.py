"""Contract: win32file.ReadDirectoryChangesW and FILE_NOTIFY_INFORMATION on a directory handle.

Runs on the facade and on the real pywin32 (the oracle). Changes are made before a read, or
by the test while an overlapped read is pending, and waited for through its event.
"""

from __future__ import annotations

import os
import threading
from typing import Any

import ntsecuritycon
import pytest
import pywintypes
import win32con
import win32event
import win32file
import winerror

from ._files import folder
from ._wine import wine_differs

__all__ = ["folder"]

NAMES = win32con.FILE_NOTIFY_CHANGE_FILE_NAME
SHARE = win32con.FILE_SHARE_READ | win32con.FILE_SHARE_WRITE | win32con.FILE_SHARE_DELETE
OVERLAPPED_DIR = win32con.FILE_FLAG_BACKUP_SEMANTICS | win32con.FILE_FLAG_OVERLAPPED


def _open(
    path: str, access: int = ntsecuritycon.FILE_LIST_DIRECTORY, flags: int = OVERLAPPED_DIR
) -> Any:
    return win32file.CreateFile(path, access, SHARE, None, win32con.OPEN_EXISTING, flags, None)


class _Reader:
    """An overlapped read of changes with its own buffer and event."""

    def __init__(self, handle: Any, changes: int = NAMES, size: int = 8192) -> None:
        self.handle = handle
        self.buffer = win32file.AllocateReadBuffer(size)
        self.overlapped = pywintypes.OVERLAPPED()
        self.overlapped.hEvent = win32event.CreateEvent(None, 1, 0, None)
        self.changes = changes

    def start(self) -> None:
        win32event.ResetEvent(self.overlapped.hEvent)
        got = win32file.ReadDirectoryChangesW(
            self.handle, self.buffer, False, self.changes, self.overlapped
        )
        assert got is None

    def result(self) -> list[tuple[int, str]]:
        assert win32event.WaitForSingleObject(self.overlapped.hEvent, 5000) == 0
        count = win32file.GetOverlappedResult(self.handle, self.overlapped, True)
        changes: list[tuple[int, str]] = win32file.FILE_NOTIFY_INFORMATION(self.buffer, count)
        return changes

    def close(self) -> None:
        self.overlapped.hEvent.Close()


def _touch(path: str) -> None:
    open(path, "w").close()


def test_an_added_file_is_reported_by_its_name(folder: str) -> None:
    handle = _open(folder)
    reader = _Reader(handle)
    reader.start()
    _touch(os.path.join(folder, "a.txt"))
    assert reader.result() == [(1, "a.txt")]
    handle.Close()


def test_renames_and_removals_between_reads_are_kept(folder: str) -> None:
    handle = _open(folder)
    reader = _Reader(handle)
    reader.start()
    _touch(os.path.join(folder, "a.txt"))
    assert reader.result() == [(1, "a.txt")]
    os.rename(os.path.join(folder, "a.txt"), os.path.join(folder, "c.txt"))
    reader.start()
    assert reader.result() == [(4, "a.txt"), (5, "c.txt")]
    os.remove(os.path.join(folder, "c.txt"))
    reader.start()
    assert reader.result() == [(2, "c.txt")]
    handle.Close()


def test_a_write_is_a_modification_under_last_write(folder: str) -> None:
    path = os.path.join(folder, "s.txt")
    _touch(path)
    os.utime(path, (0, 0))
    handle = _open(folder)
    reader = _Reader(handle, win32con.FILE_NOTIFY_CHANGE_LAST_WRITE)
    reader.start()
    with open(path, "w") as stream:
        stream.write("x")
    assert reader.result() == [(3, "s.txt")]
    handle.Close()


def test_a_synchronous_read_returns_the_list(folder: str) -> None:
    handle = _open(folder, flags=win32con.FILE_FLAG_BACKUP_SEMANTICS)
    results: list[Any] = []
    thread = threading.Thread(
        target=lambda: results.append(win32file.ReadDirectoryChangesW(handle, 1024, False, NAMES)),
        daemon=True,
    )
    thread.start()
    _until_waiting(thread)
    _touch(os.path.join(folder, "s.txt"))
    thread.join(10)
    assert results == [[(1, "s.txt")]]
    handle.Close()


def _until_waiting(thread: threading.Thread) -> None:
    """Return once ``thread`` waits (the real pywin32 cannot tell: give it time there)."""
    try:
        from apartment.testing import wait_until_blocked
    except ImportError:
        import time

        time.sleep(0.3)
        return
    wait_until_blocked(thread)


def test_cancel_io_aborts_a_pending_read(folder: str) -> None:
    handle = _open(folder)
    reader = _Reader(handle)
    reader.start()
    win32file.CancelIo(handle)
    with pytest.raises(win32file.error) as caught:
        win32file.GetOverlappedResult(handle, reader.overlapped, True)
    assert caught.value.winerror == winerror.ERROR_OPERATION_ABORTED
    del caught
    reader.close()
    handle.Close()


@wine_differs(
    "Wine fails the read with ERROR_HANDLES_CLOSED; Windows completes it with "
    "STATUS_NOTIFY_CLEANUP, a success of 0 bytes (pywin32's own test relies on it)"
)
def test_closing_the_handle_ends_a_pending_read_with_no_bytes(folder: str) -> None:
    handle = _open(folder)
    reader = _Reader(handle)
    reader.start()
    handle.Close()
    assert win32event.WaitForSingleObject(reader.overlapped.hEvent, 5000) == 0
    assert win32file.GetOverlappedResult(handle, reader.overlapped, True) == 0


def test_a_directory_on_a_port_queues_its_reads(folder: str) -> None:
    handle = _open(folder)
    port = win32file.CreateIoCompletionPort(handle, None, 42, 0)
    reader = _Reader(handle)
    reader.start()
    _touch(os.path.join(folder, "p.txt"))
    rc, count, key, overlapped = win32file.GetQueuedCompletionStatus(port, 5000)
    assert (rc, key) == (0, 42)
    assert overlapped is reader.overlapped
    assert win32file.FILE_NOTIFY_INFORMATION(reader.buffer, count) == [(1, "p.txt")]
    handle.Close()


def test_bad_arguments(folder: str) -> None:
    handle = _open(folder, flags=win32con.FILE_FLAG_BACKUP_SEMANTICS)
    for changes in (0, 0x10000):
        with pytest.raises(win32file.error) as caught:
            win32file.ReadDirectoryChangesW(handle, 1024, False, changes)
        assert caught.value.winerror == winerror.ERROR_INVALID_PARAMETER
    with pytest.raises(TypeError):
        win32file.ReadDirectoryChangesW(handle, "x", False, NAMES)
    with pytest.raises(ValueError, match="overlappedRoutine"):
        win32file.ReadDirectoryChangesW(handle, 10, False, NAMES, None, 5)
    event = win32event.CreateEvent(None, 1, 0, None)
    with pytest.raises(win32file.error) as caught:
        win32file.ReadDirectoryChangesW(event, 1024, False, NAMES)
    assert caught.value.winerror == winerror.ERROR_INVALID_HANDLE
    event.Close()
    path = os.path.join(folder, "plain.txt")
    _touch(path)
    plain = win32file.CreateFile(path, win32con.GENERIC_READ, SHARE, None, 3, 0, None)
    with pytest.raises(win32file.error) as caught:
        win32file.ReadDirectoryChangesW(plain, 1024, False, NAMES)
    assert caught.value.winerror == winerror.ERROR_INVALID_HANDLE
    plain.Close()
    handle.Close()


@wine_differs(
    "Wine does not check the right; Windows references the handle for FILE_LIST_DIRECTORY"
)
def test_a_handle_without_the_list_right_is_refused(folder: str) -> None:
    handle = _open(folder, access=ntsecuritycon.FILE_READ_ATTRIBUTES)
    reader = _Reader(handle)
    with pytest.raises(win32file.error) as caught:
        reader.start()
    assert caught.value.winerror == winerror.ERROR_ACCESS_DENIED
    del caught
    reader.close()
    handle.Close()


def test_file_notify_information_decodes_and_checks_the_size() -> None:
    with pytest.raises(ValueError, match="only 3 bytes"):
        win32file.FILE_NOTIFY_INFORMATION(b"abc", 10)
    assert win32file.FILE_NOTIFY_INFORMATION(b"\0" * 12, 12) == []
    record = (0).to_bytes(4, "little") + (1).to_bytes(4, "little") + (2).to_bytes(4, "little")
    assert win32file.FILE_NOTIFY_INFORMATION(record + "x".encode("utf-16-le"), 14) == [(1, "x")]
    with pytest.raises(TypeError):
        win32file.FILE_NOTIFY_INFORMATION("abc", 1)


def test_the_file_rights_in_ntsecuritycon() -> None:
    values = {
        name: getattr(ntsecuritycon, name)
        for name in (
            "FILE_READ_DATA", "FILE_LIST_DIRECTORY", "FILE_WRITE_DATA", "FILE_ADD_FILE",
            "FILE_APPEND_DATA", "FILE_ADD_SUBDIRECTORY", "FILE_CREATE_PIPE_INSTANCE",
            "FILE_READ_EA", "FILE_WRITE_EA", "FILE_EXECUTE", "FILE_TRAVERSE",
            "FILE_DELETE_CHILD", "FILE_READ_ATTRIBUTES", "FILE_WRITE_ATTRIBUTES",
            "FILE_ALL_ACCESS", "FILE_GENERIC_READ", "FILE_GENERIC_WRITE", "FILE_GENERIC_EXECUTE",
        )
    }  # fmt: skip
    assert values == {
        "FILE_READ_DATA": 1, "FILE_LIST_DIRECTORY": 1, "FILE_WRITE_DATA": 2, "FILE_ADD_FILE": 2,
        "FILE_APPEND_DATA": 4, "FILE_ADD_SUBDIRECTORY": 4, "FILE_CREATE_PIPE_INSTANCE": 4,
        "FILE_READ_EA": 8, "FILE_WRITE_EA": 16, "FILE_EXECUTE": 32, "FILE_TRAVERSE": 32,
        "FILE_DELETE_CHILD": 64, "FILE_READ_ATTRIBUTES": 128, "FILE_WRITE_ATTRIBUTES": 256,
        "FILE_ALL_ACCESS": 0x1F01FF, "FILE_GENERIC_READ": 0x120089,
        "FILE_GENERIC_WRITE": 0x120116, "FILE_GENERIC_EXECUTE": 0x1200A0,
    }  # fmt: skip
