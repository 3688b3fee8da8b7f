"""Contract: file and pipe handles are waitable objects, signaled while no I/O of theirs pends.

Windows keeps an event in every file object: cleared as a read, write or listen starts, set
when it completes unless the operation reports to an event of its own (an OVERLAPPED's
hEvent), which is set instead (MS: "Synchronization and Overlapped Input and Output"; Wine:
``server/async.c``, ``dlls/kernel32/tests/pipe.c`` test_signaled). A wait on the handle has no
side effect. pywin32's OVERLAPPED has hEvent 0 until one is given.
"""

from __future__ import annotations

import os
from typing import Any

import ntsecuritycon
import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32file
import win32pipe
import winerror

from ._files import RW, open_file
from ._kernel import JOIN_MS, OBJECT_0, TIMEOUT, Handles, Spawn, wait0

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._files import folder as folder
from ._files import pipe_path as pipe_path
from ._kernel import handles as handles
from ._kernel import spawn as spawn

OVERLAPPED_DUPLEX = win32pipe.PIPE_ACCESS_DUPLEX | win32file.FILE_FLAG_OVERLAPPED


def server(path: str, open_mode: int = OVERLAPPED_DUPLEX) -> Any:
    return win32pipe.CreateNamedPipe(path, open_mode, 0, 1, 1024, 1024, 0, None)


def client(path: str, flags: int = win32file.FILE_FLAG_OVERLAPPED) -> Any:
    return open_file(path, RW, 0, win32con.OPEN_EXISTING, flags)


def with_event(handles: Handles) -> Any:
    overlapped = pywintypes.OVERLAPPED()
    overlapped.hEvent = handles(win32event.CreateEvent(None, True, False, None))
    return overlapped


@pytest.fixture
def pair(pipe_path: str, handles: Handles) -> tuple[Any, Any]:
    """An overlapped byte pipe: (server end, client end), connected."""
    end = handles(server(pipe_path))
    return end, handles(client(pipe_path))


def test_an_overlapped_has_no_event_until_given_one() -> None:
    assert pywintypes.OVERLAPPED().hEvent == 0


def test_both_ends_of_a_new_connection_are_signaled(pair: tuple[Any, Any]) -> None:
    end, other = pair
    assert (wait0(end), wait0(other)) == (OBJECT_0, OBJECT_0)
    assert win32event.WaitForMultipleObjects([end, other], True, 0) == OBJECT_0


def test_a_listening_server_end_is_signaled_when_a_client_connects(
    pipe_path: str, handles: Handles
) -> None:
    """ConnectNamedPipe with no event: the end is nonsignaled while it listens."""
    end = handles(server(pipe_path))
    overlapped = pywintypes.OVERLAPPED()
    assert win32pipe.ConnectNamedPipe(end, overlapped) == winerror.ERROR_IO_PENDING
    assert wait0(end) == TIMEOUT
    handles(client(pipe_path))
    assert win32event.WaitForSingleObject(end, JOIN_MS) == OBJECT_0
    assert win32file.GetOverlappedResult(end, overlapped, True) == 0


def test_a_pending_read_without_an_event_signals_its_end_when_it_completes(
    pair: tuple[Any, Any],
) -> None:
    end, other = pair
    buffer = win32file.AllocateReadBuffer(16)
    overlapped = pywintypes.OVERLAPPED()
    assert win32file.ReadFile(end, buffer, overlapped)[0] == winerror.ERROR_IO_PENDING
    assert wait0(end) == TIMEOUT
    assert wait0(other) == OBJECT_0  # the other end has no I/O of its own pending
    win32file.WriteFile(other, b"hi", pywintypes.OVERLAPPED())
    assert win32event.WaitForSingleObject(end, JOIN_MS) == OBJECT_0
    assert win32file.GetOverlappedResult(end, overlapped, False) == 2
    assert bytes(buffer[:2]) == b"hi"


def test_a_pending_read_with_an_event_sets_the_event_and_leaves_its_end_nonsignaled(
    pair: tuple[Any, Any], handles: Handles
) -> None:
    end, other = pair
    buffer = win32file.AllocateReadBuffer(16)
    overlapped = with_event(handles)
    assert win32file.ReadFile(end, buffer, overlapped)[0] == winerror.ERROR_IO_PENDING
    win32file.WriteFile(other, b"hi", pywintypes.OVERLAPPED())
    assert win32event.WaitForSingleObject(overlapped.hEvent, JOIN_MS) == OBJECT_0
    assert win32file.GetOverlappedResult(end, overlapped, False) == 2
    assert wait0(end) == TIMEOUT


def test_a_read_done_at_once_signals_its_end_unless_it_has_an_event(
    pair: tuple[Any, Any], handles: Handles
) -> None:
    end, other = pair
    buffer = win32file.AllocateReadBuffer(16)
    win32file.WriteFile(other, b"one", pywintypes.OVERLAPPED())
    assert win32file.ReadFile(end, buffer, with_event(handles))[0] == 0
    assert wait0(end) == TIMEOUT
    win32file.WriteFile(other, b"two", pywintypes.OVERLAPPED())
    assert win32file.ReadFile(end, buffer, pywintypes.OVERLAPPED())[0] == 0
    assert wait0(end) == OBJECT_0


def test_get_overlapped_result_waits_for_a_read_another_thread_completes(
    pair: tuple[Any, Any], spawn: Spawn
) -> None:
    """hEvent 0: GetOverlappedResult(..., True) waits until the operation is done."""
    end, other = pair
    buffer = win32file.AllocateReadBuffer(16)
    overlapped = pywintypes.OVERLAPPED()
    assert win32file.ReadFile(end, buffer, overlapped)[0] == winerror.ERROR_IO_PENDING
    writer = spawn(lambda: win32file.WriteFile(other, b"later", pywintypes.OVERLAPPED()))
    assert win32file.GetOverlappedResult(end, overlapped, True) == 5
    writer.join()
    assert bytes(buffer[:5]) == b"later"
    assert wait0(end) == OBJECT_0


def test_a_wait_for_any_reports_the_lowest_end_with_nothing_pending(
    pair: tuple[Any, Any],
) -> None:
    end, other = pair
    overlapped = pywintypes.OVERLAPPED()
    win32file.ReadFile(end, win32file.AllocateReadBuffer(16), overlapped)
    assert win32event.WaitForMultipleObjects([end, other], False, 0) == OBJECT_0 + 1
    assert win32event.WaitForMultipleObjects([end, other], True, 0) == TIMEOUT
    win32file.CancelIo(end)
    assert win32event.WaitForMultipleObjects([end, other], False, 0) == OBJECT_0


def test_a_cancelled_read_signals_its_end(pair: tuple[Any, Any]) -> None:
    end, _ = pair
    overlapped = pywintypes.OVERLAPPED()
    win32file.ReadFile(end, win32file.AllocateReadBuffer(16), overlapped)
    assert wait0(end) == TIMEOUT
    win32file.CancelIo(end)
    assert win32event.WaitForSingleObject(end, JOIN_MS) == OBJECT_0
    with pytest.raises(pywintypes.error) as raised:
        win32file.GetOverlappedResult(end, overlapped, True)
    assert raised.value.winerror == winerror.ERROR_OPERATION_ABORTED


def test_a_message_wait_takes_file_handles(pair: tuple[Any, Any]) -> None:
    end, other = pair
    win32file.ReadFile(end, win32file.AllocateReadBuffer(16), pywintypes.OVERLAPPED())
    found = win32event.MsgWaitForMultipleObjects([end, other], False, 0, 0)
    assert found == OBJECT_0 + 1
    win32file.CancelIo(end)


def test_a_disk_file_and_an_anonymous_pipe_are_signaled(folder: str, handles: Handles) -> None:
    path = os.path.join(folder, "f")
    file = handles(open_file(path, RW, 0, win32con.CREATE_ALWAYS))
    win32file.WriteFile(file, b"x")
    read, write = win32pipe.CreatePipe(None, 0)
    handles(read)
    handles(write)
    assert win32event.WaitForMultipleObjects([file, read, write], True, 0) == OBJECT_0


def test_a_directory_is_nonsignaled_while_a_watch_without_an_event_pends(
    folder: str, handles: Handles
) -> None:
    """ReadDirectoryChangesW is I/O on the directory's handle like any read."""
    share = win32con.FILE_SHARE_READ | win32con.FILE_SHARE_WRITE | win32con.FILE_SHARE_DELETE
    flags = win32con.FILE_FLAG_BACKUP_SEMANTICS | win32con.FILE_FLAG_OVERLAPPED
    directory = handles(
        open_file(folder, ntsecuritycon.FILE_LIST_DIRECTORY, share, win32con.OPEN_EXISTING, flags)
    )
    assert wait0(directory) == OBJECT_0
    buffer = win32file.AllocateReadBuffer(4096)
    overlapped = pywintypes.OVERLAPPED()
    names = win32con.FILE_NOTIFY_CHANGE_FILE_NAME
    win32file.ReadDirectoryChangesW(directory, buffer, False, names, overlapped)
    assert wait0(directory) == TIMEOUT
    open(os.path.join(folder, "a.txt"), "w").close()
    assert win32event.WaitForSingleObject(directory, JOIN_MS) == OBJECT_0
    count = win32file.GetOverlappedResult(directory, overlapped, True)
    assert win32file.FILE_NOTIFY_INFORMATION(buffer, count) == [(1, "a.txt")]


@pytest.mark.parametrize(
    ("access", "code"),
    [
        (win32con.KEY_READ, winerror.ERROR_ACCESS_DENIED),  # KEY_READ has no SYNCHRONIZE
        (win32con.KEY_READ | win32con.SYNCHRONIZE, winerror.ERROR_INVALID_HANDLE),
    ],
)
def test_a_registry_key_is_still_not_waitable(access: int, code: int) -> None:
    key = win32api.RegOpenKeyEx(win32con.HKEY_CURRENT_USER, "Software", 0, access)
    try:
        with pytest.raises(pywintypes.error) as raised:
            win32event.WaitForSingleObject(key, 0)
        assert raised.value.winerror == code
    finally:
        win32api.RegCloseKey(key)
