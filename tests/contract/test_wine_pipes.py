"""Contract: Wine's named pipe tests (dlls/kernel32/tests/pipe.c), checks not pinned elsewhere.

Facts only; the tests are ours. test_pipes.py holds the bulk of pipe.c's rules (listening,
connected, broken and disconnected states, message reads, instances); these are the rest.
"""

from __future__ import annotations

from typing import Any

import pytest
import win32con
import win32event
import win32file
import win32pipe
import winerror

from ._files import RW, code_of, open_file
from ._kernel import OBJECT_0, Handles, Spawn

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._files import pipe_path as pipe_path
from ._kernel import handles as handles
from ._kernel import spawn as spawn

DUPLEX = win32pipe.PIPE_ACCESS_DUPLEX
MESSAGE = win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE


def server(
    path: str, open_mode: int = DUPLEX, pipe_mode: int = 0, instances: int = 1, size: int = 1024
) -> Any:
    return win32pipe.CreateNamedPipe(path, open_mode, pipe_mode, instances, size, size, 0, None)


def client(path: str, access: int = RW) -> Any:
    return open_file(path, access)


@pytest.mark.parametrize(
    "open_mode",
    [win32pipe.PIPE_ACCESS_DUPLEX, win32pipe.PIPE_ACCESS_INBOUND, win32pipe.PIPE_ACCESS_OUTBOUND],
)
def test_a_new_server_end_is_signaled(pipe_path: str, open_mode: int, handles: Handles) -> None:
    """pipe.c test_CreateNamedPipe: test_signaled(hnp) right after CreateNamedPipe."""
    pipe = handles(server(pipe_path, open_mode))
    assert win32event.WaitForSingleObject(pipe, 0) == OBJECT_0


def test_a_file_with_no_io_under_way_is_signaled(tmp_path: Any, handles: Handles) -> None:
    """A file object is signaled while no I/O of its own is pending."""
    path = str(tmp_path / "f")
    file = handles(open_file(path, RW, 0, win32con.CREATE_ALWAYS))
    win32file.WriteFile(file, b"x")
    assert win32event.WaitForSingleObject(file, 0) == OBJECT_0


def test_a_client_may_open_with_no_access(pipe_path: str, handles: Handles) -> None:
    """pipe.c: CreateFile(PIPENAME, 0, ...) on an outbound pipe connects."""
    handles(server(pipe_path, win32pipe.PIPE_ACCESS_OUTBOUND))
    handles(client(pipe_path, 0))
    assert code_of(client, pipe_path) == winerror.ERROR_PIPE_BUSY


def test_a_pipe_name_may_hold_characters_a_file_name_may_not(handles: Handles) -> None:
    """pipe.c: \\\\.\\pipe\\a<>*?|"/b is a valid pipe name."""
    path = '\\\\.\\pipe\\apartment-wine<>*?|"/b'
    handles(server(path))
    handles(client(path, 0))


def test_later_instances_may_differ_in_type_sizes_and_count(
    pipe_path: str, handles: Handles
) -> None:
    """pipe.c test_CreateNamedPipe_instances_must_match: only the access must match."""
    handles(server(pipe_path, instances=4))
    handles(server(pipe_path, DUPLEX, MESSAGE, 3, size=100))


def test_a_closed_client_keeps_the_instance_busy_until_it_listens_again(
    pipe_path: str, handles: Handles
) -> None:
    """pipe.c: ERROR_PIPE_BUSY while the client is open, after it closed, after Disconnect."""
    pipe = handles(server(pipe_path))
    first = client(pipe_path)
    assert code_of(client, pipe_path) == winerror.ERROR_PIPE_BUSY
    first.Close()
    assert code_of(client, pipe_path) == winerror.ERROR_PIPE_BUSY
    win32pipe.DisconnectNamedPipe(pipe)
    assert code_of(client, pipe_path) == winerror.ERROR_PIPE_BUSY


def test_the_rest_of_a_message_is_read_by_another_thread(
    pipe_path: str, handles: Handles, spawn: Spawn
) -> None:
    """pipe.c test 9: a partly read message stays in the pipe, not with the reading thread."""
    pipe = handles(server(pipe_path, DUPLEX, MESSAGE))
    end = handles(client(pipe_path))
    win32pipe.SetNamedPipeHandleState(end, win32pipe.PIPE_READMODE_MESSAGE, None, None)
    win32file.WriteFile(pipe, b"Bit Bucket")
    win32file.WriteFile(pipe, b"More bits")
    assert win32file.ReadFile(end, 4) == (winerror.ERROR_MORE_DATA, b"Bit ")
    assert spawn(lambda: win32file.ReadFile(end, 4)).join() == (winerror.ERROR_MORE_DATA, b"Buck")
    assert spawn(lambda: win32file.ReadFile(end, 32)).join() == (0, b"et")
    assert win32file.ReadFile(end, 32) == (0, b"More bits")


def test_a_message_read_into_a_small_buffer_then_peeked(pipe_path: str, handles: Handles) -> None:
    """pipe.c: after a 4-byte read of a message, a peek sees what is left of it."""
    pipe = handles(server(pipe_path, DUPLEX, MESSAGE))
    end = handles(client(pipe_path))
    win32file.WriteFile(end, b"Bit Bucket")
    assert win32file.ReadFile(pipe, 4) == (winerror.ERROR_MORE_DATA, b"Bit ")
    assert win32pipe.PeekNamedPipe(pipe, 32) == (b"Bucket", 6, 0)


def test_a_client_connect_is_invalid_function_and_wait_named_pipe_times_out(
    pipe_path: str, handles: Handles
) -> None:
    """pipe.c: once the only instance is taken, WaitNamedPipe ends with ERROR_SEM_TIMEOUT."""
    handles(server(pipe_path, instances=2))
    win32pipe.WaitNamedPipe(pipe_path, 100)
    handles(client(pipe_path))
    assert code_of(win32pipe.WaitNamedPipe, pipe_path, 50) == winerror.ERROR_SEM_TIMEOUT
