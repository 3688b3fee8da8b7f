r"""Contract: pipes through win32pipe and win32file (named pipes ``\\.\pipe\NAME``, CreatePipe).

Each rule was asked of the real pywin32 first (build 312, under Wine, whose named pipes
follow Windows' own tests, ``dlls/kernel32/tests/pipe.c``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32file
import win32pipe
import winerror

from ._files import RW, code_of, open_file
from ._kernel import JOIN_MS, OBJECT_0, TIMEOUT, Handles

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._files import folder as folder
from ._files import pipe_path as pipe_path
from ._kernel import handles as handles
from ._kernel import spawn as spawn

DUPLEX = win32pipe.PIPE_ACCESS_DUPLEX
OVERLAPPED_IO = win32file.FILE_FLAG_OVERLAPPED
MESSAGE = win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE


def server(path: str, open_mode: int = DUPLEX, pipe_mode: int = 0, instances: int = 1) -> Any:
    """CreateNamedPipe with the arguments tests vary."""
    return win32pipe.CreateNamedPipe(path, open_mode, pipe_mode, instances, 512, 512, 0, None)


def client(path: str, access: int = RW, flags: int = 0) -> Any:
    """CreateFile on the pipe, as a client connects."""
    return open_file(path, access, 0, win32con.OPEN_EXISTING, flags)


def overlapped_with_event(handles: Handles) -> Any:
    overlapped = pywintypes.OVERLAPPED()
    overlapped.hEvent = handles(win32event.CreateEvent(None, True, False, None))
    return overlapped


# --- names and instances ---------------------------------------------------------------------


def test_a_pipe_name_must_start_with_the_pipe_prefix() -> None:
    assert code_of(server, "not-a-pipe") == winerror.ERROR_INVALID_NAME
    with pytest.raises(TypeError):
        server(b"\\\\.\\pipe\\x")  # type: ignore[arg-type]


def test_a_pipe_nobody_serves_is_not_found(pipe_path: str) -> None:
    assert code_of(client, pipe_path) == winerror.ERROR_FILE_NOT_FOUND
    assert code_of(win32pipe.WaitNamedPipe, pipe_path, 100) == winerror.ERROR_FILE_NOT_FOUND
    assert code_of(win32pipe.CallNamedPipe, pipe_path, b"x", 10, 100) == (
        winerror.ERROR_FILE_NOT_FOUND
    )


def test_a_pipe_has_at_most_its_instances(pipe_path: str, handles: Handles) -> None:
    handles(server(pipe_path, instances=1))
    assert code_of(server, pipe_path, DUPLEX, 0, 1) == winerror.ERROR_PIPE_BUSY
    other = pipe_path + "-2"
    handles(server(other, instances=2))
    handles(server(other, instances=2))
    assert code_of(server, other, DUPLEX, 0, 2) == winerror.ERROR_PIPE_BUSY


def test_the_instances_of_a_name_go_the_same_way(pipe_path: str, handles: Handles) -> None:
    handles(server(pipe_path, DUPLEX, 0, 2))
    assert code_of(server, pipe_path, win32pipe.PIPE_ACCESS_INBOUND, 0, 2) == (
        winerror.ERROR_ACCESS_DENIED
    )


def test_names_are_case_insensitive(pipe_path: str, handles: Handles) -> None:
    handles(server(pipe_path))
    handles(client(pipe_path.upper()))


def test_a_byte_pipe_cannot_be_read_as_messages(pipe_path: str) -> None:
    mode = win32pipe.PIPE_TYPE_BYTE | win32pipe.PIPE_READMODE_MESSAGE
    assert code_of(server, pipe_path, DUPLEX, mode) == winerror.ERROR_INVALID_PARAMETER


# --- connecting ------------------------------------------------------------------------------


def test_a_listening_instance_has_no_data_yet(pipe_path: str, handles: Handles) -> None:
    pipe = handles(server(pipe_path))
    assert code_of(win32file.ReadFile, pipe, 10) == winerror.ERROR_PIPE_LISTENING
    assert code_of(win32file.WriteFile, pipe, b"x") == winerror.ERROR_PIPE_LISTENING
    assert code_of(win32pipe.PeekNamedPipe, pipe, 10) == winerror.ERROR_BAD_PIPE
    assert code_of(win32pipe.DisconnectNamedPipe, pipe) == winerror.ERROR_PIPE_LISTENING


def test_a_client_may_connect_before_connect_named_pipe(pipe_path: str, handles: Handles) -> None:
    pipe = handles(server(pipe_path))
    win32pipe.WaitNamedPipe(pipe_path, 1000)
    end = handles(client(pipe_path))
    assert win32api.GetLastError() == 0
    assert win32pipe.ConnectNamedPipe(pipe) == winerror.ERROR_PIPE_CONNECTED  # returned
    assert code_of(win32pipe.ConnectNamedPipe, end) == winerror.ERROR_INVALID_FUNCTION
    assert code_of(client, pipe_path) == winerror.ERROR_PIPE_BUSY
    assert code_of(win32pipe.WaitNamedPipe, pipe_path, 50) == winerror.ERROR_SEM_TIMEOUT
    assert code_of(win32pipe.CallNamedPipe, pipe_path, b"x", 10, 50) == winerror.ERROR_SEM_TIMEOUT
    assert win32pipe.GetNamedPipeClientProcessId(pipe) == win32api.GetCurrentProcessId()
    assert win32pipe.GetNamedPipeServerProcessId(end) == win32api.GetCurrentProcessId()


def test_connect_named_pipe_blocks_until_a_client_comes(
    pipe_path: str, handles: Handles, spawn: Any
) -> None:
    pipe = handles(server(pipe_path))
    worker = spawn(lambda: win32pipe.ConnectNamedPipe(pipe))
    assert win32event.WaitForSingleObject(worker.handle, 50) == TIMEOUT
    handles(client(pipe_path))
    assert worker.join() == 0


def test_an_overlapped_connect_is_pending_until_a_client_comes(
    pipe_path: str, handles: Handles
) -> None:
    pipe = handles(server(pipe_path, DUPLEX | OVERLAPPED_IO))
    overlapped = overlapped_with_event(handles)
    assert win32pipe.ConnectNamedPipe(pipe, overlapped) == winerror.ERROR_IO_PENDING
    assert overlapped.Internal == 0x103  # STATUS_PENDING
    assert win32event.WaitForSingleObject(overlapped.hEvent, 0) == TIMEOUT
    assert code_of(win32pipe.GetOverlappedResult, pipe, overlapped, False) == (
        winerror.ERROR_IO_INCOMPLETE
    )
    handles(client(pipe_path))
    assert win32event.WaitForSingleObject(overlapped.hEvent, JOIN_MS) == OBJECT_0
    assert win32pipe.GetOverlappedResult(pipe, overlapped, False) == 0
    assert (overlapped.Internal, overlapped.InternalHigh) == (0, 0)


def test_a_service_waits_for_a_client_and_its_stop_event_at_once(
    pipe_path: str, handles: Handles
) -> None:
    stop = handles(win32event.CreateEvent(None, False, False, None))
    pipe = handles(server(pipe_path, DUPLEX | OVERLAPPED_IO))
    overlapped = overlapped_with_event(handles)
    assert win32pipe.ConnectNamedPipe(pipe, overlapped) == winerror.ERROR_IO_PENDING
    waits = (stop, overlapped.hEvent)
    assert win32event.WaitForMultipleObjects(waits, False, 0) == TIMEOUT
    handles(client(pipe_path))
    assert win32event.WaitForMultipleObjects(waits, False, JOIN_MS) == OBJECT_0 + 1
    win32event.SetEvent(stop)
    assert win32event.WaitForMultipleObjects(waits, False, JOIN_MS) == OBJECT_0


def test_clients_are_given_the_instance_that_listened_longest(
    pipe_path: str, handles: Handles
) -> None:
    first = handles(server(pipe_path, DUPLEX | OVERLAPPED_IO, 0, 3))
    second = handles(server(pipe_path, DUPLEX | OVERLAPPED_IO, 0, 3))
    handles(client(pipe_path))
    assert win32pipe.ConnectNamedPipe(second, overlapped_with_event(handles)) == (
        winerror.ERROR_IO_PENDING
    )
    assert win32pipe.ConnectNamedPipe(first, overlapped_with_event(handles)) == (
        winerror.ERROR_PIPE_CONNECTED
    )


def test_an_inbound_pipe_takes_only_writing_clients(pipe_path: str, handles: Handles) -> None:
    pipe = handles(server(pipe_path, win32pipe.PIPE_ACCESS_INBOUND))
    assert code_of(client, pipe_path, RW) == winerror.ERROR_ACCESS_DENIED
    handles(client(pipe_path, win32con.GENERIC_WRITE))
    assert code_of(win32file.WriteFile, pipe, b"x") == winerror.ERROR_ACCESS_DENIED


# --- data: bytes and messages ----------------------------------------------------------------


@pytest.fixture
def message_pipe(pipe_path: str, handles: Handles) -> tuple[Any, Any]:
    """A connected message-type pipe: (server end in message read mode, client end)."""
    pipe = handles(server(pipe_path, DUPLEX, MESSAGE))
    end = handles(client(pipe_path))
    return pipe, end


def test_a_message_pipe_keeps_message_boundaries(message_pipe: tuple[Any, Any]) -> None:
    pipe, end = message_pipe
    assert win32file.WriteFile(end, b"hello world") == (0, 11)
    assert win32file.WriteFile(end, b"second") == (0, 6)
    assert win32file.WriteFile(end, b"") == (0, 0)
    assert win32pipe.PeekNamedPipe(pipe, 4) == (b"hell", 17, 7)
    assert win32pipe.PeekNamedPipe(pipe, 100) == (b"hello world", 17, 0)
    assert win32pipe.PeekNamedPipe(pipe, 0) == (b"", 17, 11)
    assert win32file.ReadFile(pipe, 4) == (winerror.ERROR_MORE_DATA, b"hell")  # returned
    assert win32file.ReadFile(pipe, 100) == (0, b"o world")
    assert win32file.ReadFile(pipe, 0) == (winerror.ERROR_MORE_DATA, b"")
    assert win32file.ReadFile(pipe, 100) == (0, b"second")
    assert win32file.ReadFile(pipe, 100) == (0, b"")  # the empty message
    assert win32pipe.PeekNamedPipe(pipe, 100) == (b"", 0, 0)


def test_a_client_reads_bytes_across_messages_until_it_asks_for_messages(
    message_pipe: tuple[Any, Any],
) -> None:
    pipe, end = message_pipe
    assert win32pipe.GetNamedPipeHandleState(end)[0] == 0  # a client starts in byte mode
    win32file.WriteFile(pipe, b"reply one")
    win32file.WriteFile(pipe, b"reply two")
    assert win32pipe.PeekNamedPipe(end, 100) == (b"reply one", 18, 0)  # peek: one message
    assert win32pipe.PeekNamedPipe(end, 3) == (b"rep", 18, 6)
    assert win32file.ReadFile(end, 4) == (0, b"repl")
    assert win32file.ReadFile(end, 100) == (0, b"y onereply two")
    win32pipe.SetNamedPipeHandleState(end, win32pipe.PIPE_READMODE_MESSAGE, None, None)
    assert win32pipe.GetNamedPipeHandleState(end)[0] == win32pipe.PIPE_READMODE_MESSAGE
    win32file.WriteFile(pipe, b"one")
    win32file.WriteFile(pipe, b"two")
    assert win32file.ReadFile(end, 100) == (0, b"one")


def test_a_byte_pipe_peeks_across_writes(pipe_path: str, handles: Handles) -> None:
    pipe = handles(server(pipe_path))
    end = handles(client(pipe_path))
    win32file.WriteFile(end, b"abc")
    win32file.WriteFile(end, b"def")
    assert win32pipe.PeekNamedPipe(pipe, 4) == (b"abcd", 6, -4)  # 0 minus what was read
    assert win32file.ReadFile(pipe, 100) == (0, b"abcdef")


def test_pipe_information_and_state(message_pipe: tuple[Any, Any]) -> None:
    pipe, end = message_pipe
    server_end, type_message = win32con.PIPE_SERVER_END, win32pipe.PIPE_TYPE_MESSAGE
    assert win32pipe.GetNamedPipeInfo(pipe) == [server_end | type_message, 512, 512, 1]
    assert win32pipe.GetNamedPipeInfo(end) == [type_message, 512, 512, 1]
    assert win32pipe.GetNamedPipeHandleState(pipe) == (
        win32pipe.PIPE_READMODE_MESSAGE,
        1,
        None,
        None,
        "",
    )
    state = win32pipe.GetNamedPipeHandleState(pipe, True, False)
    assert state[:2] == (win32pipe.PIPE_READMODE_MESSAGE, 1)
    assert state[2:4] == (0, 0)


def test_set_named_pipe_handle_state_checks_its_mode(pipe_path: str, handles: Handles) -> None:
    handles(server(pipe_path))
    end = handles(client(pipe_path))
    mode = win32pipe.PIPE_READMODE_MESSAGE
    assert code_of(win32pipe.SetNamedPipeHandleState, end, mode, None, None) == (
        winerror.ERROR_INVALID_PARAMETER  # a byte pipe has no messages
    )
    assert code_of(win32pipe.SetNamedPipeHandleState, end, 0x100, None, None) == (
        winerror.ERROR_INVALID_PARAMETER
    )
    with pytest.raises(TypeError):
        win32pipe.SetNamedPipeHandleState(end, "message", None, None)


# --- transactions ----------------------------------------------------------------------------


def test_transact_needs_a_message_pipe_without_unread_data(
    message_pipe: tuple[Any, Any], pipe_path: str, handles: Handles
) -> None:
    pipe, end = message_pipe
    win32pipe.SetNamedPipeHandleState(end, win32pipe.PIPE_READMODE_MESSAGE, None, None)
    win32file.WriteFile(pipe, b"unread")
    assert code_of(win32pipe.TransactNamedPipe, end, b"q", 10, None) == winerror.ERROR_PIPE_BUSY
    assert win32file.ReadFile(end, 100) == (0, b"unread")
    byte_path = pipe_path + "-bytes"
    handles(server(byte_path))
    byte_end = handles(client(byte_path))
    assert code_of(win32pipe.TransactNamedPipe, byte_end, b"q", 10, None) == (
        winerror.ERROR_BAD_PIPE
    )


def test_an_overlapped_transact_is_pending_until_the_reply(
    message_pipe: tuple[Any, Any], pipe_path: str, handles: Handles
) -> None:
    handles(server(pipe_path + "-ovl", DUPLEX, MESSAGE))
    pipe = handles(server(pipe_path + "-x", DUPLEX, MESSAGE))
    end = handles(client(pipe_path + "-x", RW, OVERLAPPED_IO))
    win32pipe.SetNamedPipeHandleState(end, win32pipe.PIPE_READMODE_MESSAGE, None, None)
    overlapped = overlapped_with_event(handles)
    buffer = win32file.AllocateReadBuffer(100)
    rc, data = win32pipe.TransactNamedPipe(end, b"question", buffer, overlapped)
    assert rc == winerror.ERROR_IO_PENDING
    assert data is buffer
    assert win32file.ReadFile(pipe, 100) == (0, b"question")
    win32file.WriteFile(pipe, b"ANSWER")
    assert win32file.GetOverlappedResult(end, overlapped, True) == 6
    assert bytes(buffer[:6]) == b"ANSWER"


def test_call_named_pipe_connects_transacts_and_closes(
    pipe_path: str, handles: Handles, spawn: Any
) -> None:
    pipe = handles(server(pipe_path, DUPLEX, MESSAGE))

    def serve() -> bytes:
        win32pipe.ConnectNamedPipe(pipe)
        _, question = win32file.ReadFile(pipe, 100)
        win32file.WriteFile(pipe, question.upper())
        win32file.FlushFileBuffers(pipe)
        return bytes(question)

    worker = spawn(serve)
    assert win32pipe.CallNamedPipe(pipe_path, b"hello", 100, win32pipe.NMPWAIT_WAIT_FOREVER) == (
        b"HELLO"
    )
    assert worker.join() == b"hello"


# --- the end of a connection -----------------------------------------------------------------


def test_disconnect_ends_the_connection_for_both_ends(pipe_path: str, handles: Handles) -> None:
    pipe = handles(server(pipe_path))
    end = handles(client(pipe_path))
    win32file.WriteFile(end, b"never read")
    win32pipe.DisconnectNamedPipe(pipe)
    assert code_of(win32file.ReadFile, pipe, 10) == winerror.ERROR_PIPE_NOT_CONNECTED
    assert code_of(win32file.WriteFile, pipe, b"x") == winerror.ERROR_PIPE_NOT_CONNECTED
    assert code_of(win32pipe.PeekNamedPipe, pipe, 10) == winerror.ERROR_BAD_PIPE
    assert code_of(win32file.ReadFile, end, 10) == winerror.ERROR_PIPE_NOT_CONNECTED
    assert code_of(win32file.WriteFile, end, b"x") == winerror.ERROR_PIPE_NOT_CONNECTED
    assert code_of(win32pipe.PeekNamedPipe, end, 10) == winerror.ERROR_PIPE_NOT_CONNECTED
    assert code_of(win32pipe.DisconnectNamedPipe, pipe) == winerror.ERROR_PIPE_NOT_CONNECTED
    assert code_of(client, pipe_path) == winerror.ERROR_PIPE_BUSY  # until it listens again


def test_a_disconnected_instance_listens_again_with_connect_named_pipe(
    pipe_path: str, handles: Handles
) -> None:
    pipe = handles(server(pipe_path, DUPLEX | OVERLAPPED_IO))
    handles(client(pipe_path))
    win32pipe.DisconnectNamedPipe(pipe)
    overlapped = overlapped_with_event(handles)
    assert win32pipe.ConnectNamedPipe(pipe, overlapped) == winerror.ERROR_IO_PENDING
    handles(client(pipe_path))
    assert win32event.WaitForSingleObject(overlapped.hEvent, JOIN_MS) == OBJECT_0


def test_when_the_client_goes_the_server_drains_then_sees_a_broken_pipe(
    pipe_path: str, handles: Handles
) -> None:
    pipe = handles(server(pipe_path))
    end = client(pipe_path)
    win32file.WriteFile(end, b"last words")
    end.Close()
    assert win32file.ReadFile(pipe, 100) == (0, b"last words")
    assert code_of(win32file.ReadFile, pipe, 100) == winerror.ERROR_BROKEN_PIPE
    assert code_of(win32pipe.PeekNamedPipe, pipe, 100) == winerror.ERROR_BROKEN_PIPE
    assert code_of(win32file.WriteFile, pipe, b"x") == winerror.ERROR_NO_DATA
    assert code_of(win32pipe.ConnectNamedPipe, pipe) == winerror.ERROR_NO_DATA
    win32pipe.DisconnectNamedPipe(pipe)


def test_a_pending_read_ends_when_the_other_end_closes(pipe_path: str, handles: Handles) -> None:
    pipe = handles(server(pipe_path, DUPLEX | OVERLAPPED_IO))
    end = client(pipe_path)
    overlapped = overlapped_with_event(handles)
    rc, _ = win32file.ReadFile(pipe, 10, overlapped)
    assert rc == winerror.ERROR_IO_PENDING
    end.Close()
    assert win32event.WaitForSingleObject(overlapped.hEvent, JOIN_MS) == OBJECT_0
    assert code_of(win32file.GetOverlappedResult, pipe, overlapped, False) == (
        winerror.ERROR_BROKEN_PIPE
    )


def test_cancel_io_aborts_a_pending_read(pipe_path: str, handles: Handles) -> None:
    pipe = handles(server(pipe_path, DUPLEX | OVERLAPPED_IO))
    end = handles(client(pipe_path))
    overlapped = overlapped_with_event(handles)
    assert win32file.ReadFile(pipe, 10, overlapped)[0] == winerror.ERROR_IO_PENDING
    win32file.CancelIo(pipe)
    assert win32event.WaitForSingleObject(overlapped.hEvent, JOIN_MS) == OBJECT_0
    assert overlapped.Internal == 0xC0000120  # STATUS_CANCELLED
    assert code_of(win32file.GetOverlappedResult, pipe, overlapped, False) == (
        winerror.ERROR_OPERATION_ABORTED
    )
    win32file.WriteFile(end, b"after")  # nothing was taken by the cancelled read
    assert win32file.ReadFile(pipe, 10, overlapped_with_event(handles))[0] == 0


def test_a_pending_read_completes_when_data_comes(pipe_path: str, handles: Handles) -> None:
    pipe = handles(server(pipe_path, DUPLEX | OVERLAPPED_IO, MESSAGE))
    end = handles(client(pipe_path))
    overlapped = overlapped_with_event(handles)
    buffer = win32file.AllocateReadBuffer(4)
    rc, data = win32file.ReadFile(pipe, buffer, overlapped)
    assert (rc, data is buffer) == (winerror.ERROR_IO_PENDING, True)
    win32file.WriteFile(end, b"longer than four")
    assert win32event.WaitForSingleObject(overlapped.hEvent, JOIN_MS) == OBJECT_0
    assert overlapped.Internal == 0x80000005  # STATUS_BUFFER_OVERFLOW
    assert overlapped.InternalHigh == 4
    assert code_of(win32file.GetOverlappedResult, pipe, overlapped, False) == (
        winerror.ERROR_MORE_DATA
    )
    assert bytes(buffer) == b"long"
    assert win32file.ReadFile(pipe, 100) == (0, b"er than four")


def test_flush_waits_until_the_client_has_read_everything(
    pipe_path: str, handles: Handles, spawn: Any
) -> None:
    pipe = handles(server(pipe_path))
    end = handles(client(pipe_path))
    win32file.WriteFile(pipe, b"x" * 100)
    worker = spawn(lambda: win32file.FlushFileBuffers(pipe))
    assert win32event.WaitForSingleObject(worker.handle, 50) == TIMEOUT
    assert win32file.ReadFile(end, 100) == (0, b"x" * 100)
    worker.join()


def test_a_nowait_pipe_does_not_block(pipe_path: str, handles: Handles) -> None:
    pipe = handles(server(pipe_path, DUPLEX, win32pipe.PIPE_NOWAIT))
    assert code_of(win32pipe.ConnectNamedPipe, pipe) == winerror.ERROR_PIPE_LISTENING
    handles(client(pipe_path))
    assert win32pipe.ConnectNamedPipe(pipe) == winerror.ERROR_PIPE_CONNECTED
    assert code_of(win32file.ReadFile, pipe, 10) == winerror.ERROR_NO_DATA


# --- anonymous pipes -------------------------------------------------------------------------


def test_create_pipe_gives_a_read_end_and_a_write_end(handles: Handles) -> None:
    read_end, write_end = win32pipe.CreatePipe(None, 0)
    handles(read_end)
    write_end = handles(write_end)
    assert win32pipe.GetNamedPipeInfo(read_end) == [win32con.PIPE_SERVER_END, 4096, 4096, 1]
    assert win32pipe.GetNamedPipeInfo(write_end) == [0, 4096, 4096, 1]
    assert win32file.WriteFile(write_end, b"abc") == (0, 3)
    assert code_of(win32file.ReadFile, write_end, 3) == winerror.ERROR_ACCESS_DENIED
    assert code_of(win32file.WriteFile, read_end, b"x") == winerror.ERROR_ACCESS_DENIED
    assert win32pipe.PeekNamedPipe(read_end, 10) == (b"abc", 3, -3)
    assert win32file.ReadFile(read_end, 10) == (0, b"abc")
    write_end.Close()
    assert code_of(win32file.ReadFile, read_end, 10) == winerror.ERROR_BROKEN_PIPE


# --- another process -------------------------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import sys
    try:
        import win32file, win32pipe
    except ImportError:  # the apartment facade, not the real pywin32
        from apartment.win32 import install
        install()
        import win32file, win32pipe
    path = sys.argv[1]
    win32pipe.WaitNamedPipe(path, 5000)
    end = win32file.CreateFile(path, 0xC0000000, 0, None, 3, 0, None)
    win32pipe.SetNamedPipeHandleState(end, 2, None, None)
    _, reply = win32pipe.TransactNamedPipe(end, b"from the child", 100, None)
    print(reply.decode(), win32pipe.GetNamedPipeServerProcessId(end))
    end.Close()
    """
)


def test_a_client_in_another_process_reaches_the_pipe(
    pipe_path: str, handles: Handles, folder: str
) -> None:
    pipe = handles(server(pipe_path, DUPLEX, MESSAGE))
    script = os.path.join(folder, "child.py")
    with open(script, "w") as stream:
        stream.write(CHILD)
    child = subprocess.Popen([sys.executable, script, pipe_path], stdout=subprocess.PIPE, text=True)
    try:
        assert win32pipe.ConnectNamedPipe(pipe) in (0, winerror.ERROR_PIPE_CONNECTED)
        assert win32file.ReadFile(pipe, 100) == (0, b"from the child")
        client_pid = win32pipe.GetNamedPipeClientProcessId(pipe)
        win32file.WriteFile(pipe, b"hello child")
        out, _ = child.communicate(timeout=JOIN_MS / 1000 * 6)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0
    assert client_pid == child.pid
    assert out.split() == ["hello", "child", str(win32api.GetCurrentProcessId())]


# --- bad input -------------------------------------------------------------------------------


def test_a_handle_that_is_no_pipe_is_an_invalid_handle(handles: Handles) -> None:
    event = handles(win32event.CreateEvent(None, True, False, None))
    assert code_of(win32pipe.ConnectNamedPipe, event) == winerror.ERROR_INVALID_HANDLE
    assert code_of(win32pipe.PeekNamedPipe, event, 1) == winerror.ERROR_INVALID_HANDLE
    assert code_of(win32pipe.DisconnectNamedPipe, 0x7FFF0000) == winerror.ERROR_INVALID_HANDLE


def test_pipe_arguments_are_checked(pipe_path: str, handles: Handles) -> None:
    pipe = handles(server(pipe_path))
    with pytest.raises(TypeError):
        win32pipe.ConnectNamedPipe(pipe, "not an overlapped")
    with pytest.raises(TypeError):
        win32pipe.PeekNamedPipe(pipe, "10")
    with pytest.raises(TypeError):
        win32pipe.CallNamedPipe(pipe_path, "text", 10, 0)
