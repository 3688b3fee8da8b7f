r"""Rules the session-30 probe of named pipes and mailslots found (tools/probes/pipe_probe.py).

CreateNamedPipe's numbers and open modes, instance limits, how Win32 reads a pipe's name, the
errors of WaitNamedPipe/CallNamedPipe/CreateFile for paths that name no pipe, a client that
wrote and left before ConnectNamedPipe, zero-length writes and flushes once the other end has
gone, which ends GetNamedPipeInfo/GetNamedPipeHandleState may query, mailslot names.

Each test passes on the facade and on the real pywin32 (``make oracle``), but for the ones
marked ``wine_differs``, where Windows' behaviour is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
import pywintypes
import win32con
import win32event
import win32file
import win32pipe
import winerror

from ._files import code_of, open_file
from ._wine import wine_differs

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._files import pipe_path as pipe_path
from ._kernel import handles as handles

if TYPE_CHECKING:
    from ._kernel import Handles

DUPLEX = win32pipe.PIPE_ACCESS_DUPLEX
MESSAGE = win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE
WRITE_DAC = 0x00040000
FIRST_INSTANCE = 0x00080000  # FILE_FLAG_FIRST_PIPE_INSTANCE


def server(
    path: str, open_mode: int = DUPLEX, pipe_mode: int = 0, instances: int = 1, size: int = 512
) -> Any:
    return win32pipe.CreateNamedPipe(path, open_mode, pipe_mode, instances, size, size, 0, None)


# --- CreateNamedPipe's arguments and instances ---------------------------------------------------


def test_create_named_pipe_reads_its_numbers_as_c_longs(pipe_path: str, handles: Handles) -> None:
    with pytest.raises(OverflowError):  # FILE_FLAG_WRITE_THROUGH only as -0x80000000
        server(pipe_path, DUPLEX | 0x80000000)
    with pytest.raises(OverflowError):
        server(pipe_path, size=2**31)
    with pytest.raises(OverflowError):
        win32pipe.CreateNamedPipe(pipe_path, DUPLEX, 0, 1, 0, 0, 0xFFFFFFFF, None)
    handles(server(pipe_path, DUPLEX - 2**31, size=-1))  # -1 is 0xFFFFFFFF: a size, accepted
    assert win32pipe.GetNamedPipeInfo(handles(open_file(pipe_path)))[0] == 0  # a client end


def test_an_open_mode_may_ask_for_write_dac(pipe_path: str, handles: Handles) -> None:
    handles(server(pipe_path, DUPLEX | WRITE_DAC, instances=2))
    handles(server(pipe_path, DUPLEX, instances=2))  # the same direction: another instance


def test_unlimited_instances_are_more_than_255(pipe_path: str, handles: Handles) -> None:
    made = [
        handles(server(pipe_path, instances=win32pipe.PIPE_UNLIMITED_INSTANCES)) for _ in range(256)
    ]
    assert win32pipe.GetNamedPipeHandleState(made[0])[1] == 256


@wine_differs("Wine ignores FILE_FLAG_FIRST_PIPE_INSTANCE (Windows: ERROR_ACCESS_DENIED)")
def test_first_pipe_instance_refuses_a_name_in_use(pipe_path: str, handles: Handles) -> None:
    handles(server(pipe_path, DUPLEX | FIRST_INSTANCE, instances=3))
    assert code_of(server, pipe_path, DUPLEX | FIRST_INSTANCE, 0, 3) == (
        winerror.ERROR_ACCESS_DENIED
    )


# --- names ------------------------------------------------------------------------------------


def test_a_pipe_name_is_read_as_win32_reads_a_device_path(pipe_path: str, handles: Handles) -> None:
    tail = pipe_path[len("\\\\.\\pipe\\") :]
    handles(server("\\\\.\\pipe/" + tail, instances=3))  # '/' becomes '\' in a \\.\ path
    handles(open_file(pipe_path))
    handles(server("\\\\?\\pipe\\" + tail, instances=3))  # the verbatim form names it too
    handles(open_file("//./PIPE/" + tail))
    assert code_of(server, "") == winerror.ERROR_PATH_NOT_FOUND
    assert code_of(server, "\\\\.\\pipe\\" + "x" * 251) == winerror.ERROR_FILENAME_EXCED_RANGE
    handles(server("\\\\.\\pipe\\" + "y" * 250))  # 259 characters in all: not too long


def test_wait_and_call_of_a_path_that_names_no_pipe() -> None:
    assert code_of(win32pipe.WaitNamedPipe, "no-pipe", 0) == winerror.ERROR_PATH_NOT_FOUND
    assert code_of(win32pipe.WaitNamedPipe, "", 0) == winerror.ERROR_PATH_NOT_FOUND
    assert code_of(win32pipe.WaitNamedPipe, "\\\\.\\pipe\\", 0) == (
        winerror.ERROR_INVALID_PARAMETER
    )
    assert code_of(win32pipe.CallNamedPipe, "no-pipe", b"x", 10, 0) == (
        winerror.ERROR_PATH_NOT_FOUND
    )


def test_create_file_checks_its_disposition_before_the_pipe(
    pipe_path: str, handles: Handles
) -> None:
    handles(server(pipe_path))
    for disposition in (0, 6):
        assert code_of(open_file, pipe_path, 0, 0, disposition) == (
            winerror.ERROR_INVALID_PARAMETER
        )
    handles(open_file(pipe_path, disposition=win32con.OPEN_EXISTING))  # still listening


def test_an_empty_mailslot_name_is_no_path() -> None:
    assert code_of(win32file.CreateMailslot, "", 0, 0, None) == winerror.ERROR_PATH_NOT_FOUND


# --- clients that leave ------------------------------------------------------------------------


def test_a_client_that_wrote_and_left_before_connect_is_no_data(
    pipe_path: str, handles: Handles
) -> None:
    pipe = handles(server(pipe_path, DUPLEX | win32file.FILE_FLAG_OVERLAPPED))
    end = open_file(pipe_path)
    win32file.WriteFile(end, b"before")
    end.Close()
    overlapped = pywintypes.OVERLAPPED()
    assert code_of(win32pipe.ConnectNamedPipe, pipe, overlapped) == winerror.ERROR_NO_DATA
    assert win32file.ReadFile(pipe, 10) == (0, b"before")  # what it wrote is still there
    assert code_of(win32file.ReadFile, pipe, 10) == winerror.ERROR_BROKEN_PIPE


def test_a_zero_length_write_to_a_pipe_whose_client_left(pipe_path: str, handles: Handles) -> None:
    pipe = handles(server(pipe_path))
    open_file(pipe_path).Close()
    assert code_of(win32file.WriteFile, pipe, b"") == winerror.ERROR_NO_DATA


@pytest.mark.parametrize("pipe_mode", [0, MESSAGE])
def test_a_flush_once_the_other_end_closed_succeeds(
    pipe_path: str, handles: Handles, pipe_mode: int
) -> None:
    pipe = handles(server(pipe_path, pipe_mode=pipe_mode))
    open_file(pipe_path).Close()
    win32file.FlushFileBuffers(pipe)  # nothing is left to wait for
    pipe = handles(server(pipe_path + "-2", pipe_mode=pipe_mode))
    end = handles(open_file(pipe_path + "-2"))
    win32file.WriteFile(pipe, b"never read")
    pipe.Close()
    win32file.FlushFileBuffers(end)


# --- which ends may be queried -----------------------------------------------------------------


def test_an_outbound_server_end_cannot_be_queried(pipe_path: str, handles: Handles) -> None:
    outbound = handles(server(pipe_path, win32pipe.PIPE_ACCESS_OUTBOUND))  # no READ_ATTRIBUTES
    assert code_of(win32pipe.GetNamedPipeInfo, outbound) == winerror.ERROR_ACCESS_DENIED
    assert code_of(win32pipe.GetNamedPipeHandleState, outbound) == winerror.ERROR_ACCESS_DENIED
    end = handles(open_file(pipe_path, win32file.GENERIC_READ))
    assert win32pipe.GetNamedPipeInfo(end)[0] == 0
    inbound = handles(server(pipe_path + "-in", win32pipe.PIPE_ACCESS_INBOUND))
    assert win32pipe.GetNamedPipeInfo(inbound)[0] == 1  # PIPE_SERVER_END
    no_access = handles(open_file(pipe_path + "-in", 0))
    assert win32pipe.GetNamedPipeHandleState(no_access)[:2] == (0, 1)


def test_a_disconnected_client_cannot_be_queried(pipe_path: str, handles: Handles) -> None:
    pipe = handles(server(pipe_path))
    end = handles(open_file(pipe_path))
    win32pipe.DisconnectNamedPipe(pipe)
    assert code_of(win32pipe.GetNamedPipeInfo, end) == winerror.ERROR_PIPE_NOT_CONNECTED
    assert code_of(win32pipe.GetNamedPipeHandleState, end) == winerror.ERROR_PIPE_NOT_CONNECTED
    assert win32pipe.GetNamedPipeInfo(pipe)[0] == 1  # the server end may


@pytest.mark.parametrize("pipe_mode", [0, MESSAGE])
def test_disconnect_discards_what_the_client_has_not_read(
    pipe_path: str, handles: Handles, pipe_mode: int
) -> None:
    pipe = handles(server(pipe_path, pipe_mode=pipe_mode))
    end = handles(open_file(pipe_path))
    win32file.WriteFile(pipe, b"unread")
    win32file.WriteFile(pipe, b"unread2")
    assert win32pipe.PeekNamedPipe(end, 100)[1] == 13  # the client has it, not yet read
    win32pipe.DisconnectNamedPipe(pipe)
    assert code_of(win32pipe.PeekNamedPipe, end, 10) == winerror.ERROR_PIPE_NOT_CONNECTED
    assert code_of(win32file.ReadFile, end, 10) == winerror.ERROR_PIPE_NOT_CONNECTED


def test_a_read_pending_when_the_reply_came_keeps_it_after_a_disconnect(
    pipe_path: str, handles: Handles
) -> None:
    pipe = handles(server(pipe_path, pipe_mode=MESSAGE))
    end = handles(open_file(pipe_path, flags=win32file.FILE_FLAG_OVERLAPPED))
    win32pipe.SetNamedPipeHandleState(end, win32pipe.PIPE_READMODE_MESSAGE, None, None)
    overlapped = pywintypes.OVERLAPPED()
    overlapped.hEvent = handles(win32event.CreateEvent(None, True, False, None))
    rc, buffer = win32file.ReadFile(end, 100, overlapped)
    assert rc == winerror.ERROR_IO_PENDING
    win32file.WriteFile(pipe, b"reply")  # taken by the pending read as it is written
    win32pipe.DisconnectNamedPipe(pipe)
    assert win32file.GetOverlappedResult(end, overlapped, True) == 5
    assert bytes(buffer[:5]) == b"reply"
    assert code_of(win32file.ReadFile, end, 10, overlapped) == winerror.ERROR_PIPE_NOT_CONNECTED


def test_a_flush_of_a_disconnected_client_fails(pipe_path: str, handles: Handles) -> None:
    pipe = handles(server(pipe_path))
    end = handles(open_file(pipe_path))
    win32pipe.DisconnectNamedPipe(pipe)
    assert code_of(win32file.FlushFileBuffers, end) == winerror.ERROR_PIPE_NOT_CONNECTED


@wine_differs("Wine grants ACCESS_SYSTEM_SECURITY (Windows: SeSecurityPrivilege, not enabled)")
def test_an_open_mode_asking_for_the_sacl_needs_the_privilege(pipe_path: str) -> None:
    assert code_of(server, pipe_path, DUPLEX | 0x01000000) == winerror.ERROR_PRIVILEGE_NOT_HELD
