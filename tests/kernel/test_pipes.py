"""Pipes in the kernel: the runtime directory, the handshake, big and cancelled writes, fork.

The contract tests pin what Windows shows through win32pipe; these pin what only this
implementation has: sockets in the per-user runtime directory, refused strangers, stale
sockets of dead processes, chunked messages, and a child made by fork().
"""

from __future__ import annotations

import array
import os
import select
import socket
import stat
import uuid
import warnings
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import (
    ERROR_ACCESS_DENIED,
    ERROR_FILE_NOT_FOUND,
    ERROR_IO_PENDING,
    ERROR_MORE_DATA,
    ERROR_NO_DATA,
    ERROR_OPERATION_ABORTED,
    PipeBusyError,
    Win32Error,
)
from apartment.kernel import (
    FILE_FLAG_OVERLAPPED,
    GENERIC_READ,
    GENERIC_WRITE,
    PIPE_ACCESS_DUPLEX,
    PIPE_READMODE_MESSAGE,
    PIPE_TYPE_MESSAGE,
    Overlapped,
    _pipebuf,
    _pipeio,
    _pipeserver,
    open_file,
)
from apartment.kernel._pipename import address
from apartment.kernel._pipename import folder as pipe_folder

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

RW = GENERIC_READ | GENERIC_WRITE
MESSAGE = PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE


@pytest.fixture(autouse=True)
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A runtime directory of the test's own (a long path: sockets are reached through /proc)."""
    where = tmp_path / ("a-runtime-directory-with-a-long-name-" * 2)
    monkeypatch.setenv("APARTMENT_RUNTIME_DIR", str(where))
    return where


@pytest.fixture
def name() -> str:
    return "\\\\.\\pipe\\kernel-test-" + uuid.uuid4().hex


@pytest.fixture
def pair(name: str) -> Iterator[tuple[kernel.PipeServer, kernel.PipeEnd]]:
    """A connected message pipe: (overlapped server end in message mode, client end)."""
    server = kernel.create_named_pipe(
        name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, MESSAGE, 1, 0, 0, 0
    )
    client = open_file(name, RW, 0, kernel.OPEN_EXISTING, FILE_FLAG_OVERLAPPED)
    assert isinstance(client, kernel.PipeEnd)
    yield server, client
    client.close()
    server.close()


def test_a_pipe_lives_in_the_runtime_directory_for_its_user_alone(name: str, runtime: Path) -> None:
    with kernel.create_named_pipe(name, PIPE_ACCESS_DUPLEX, 0, 1, 0, 0, 0):
        where = pipe_folder(name[len("\\\\.\\pipe\\") :])
        assert where.startswith(str(runtime))
        assert stat.S_IMODE(os.stat(where).st_mode) == 0o700
        (socket_name,) = os.listdir(where)
        assert stat.S_IMODE(os.stat(os.path.join(where, socket_name)).st_mode) == 0o600
    assert not os.path.exists(where)  # the last instance took its socket and folder along


def test_a_stranger_is_refused_with_access_denied(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def another_user(sock: socket.socket) -> int:
        raise PermissionError("refused a connection from process 1 of user 12345")

    monkeypatch.setattr(_pipeserver, "check_peer", another_user)
    with kernel.create_named_pipe(name, PIPE_ACCESS_DUPLEX, 0, 1, 0, 0, 0) as server:
        with pytest.raises(Win32Error) as caught:
            open_file(name, RW)
        assert caught.value.winerror == ERROR_ACCESS_DENIED
        assert server.listening


def test_a_broken_handshake_ends_that_connection_only(name: str) -> None:
    with kernel.create_named_pipe(name, PIPE_ACCESS_DUPLEX, 0, 1, 0, 0, 0):
        where = pipe_folder(name[len("\\\\.\\pipe\\") :])
        (socket_name,) = os.listdir(where)
        for junk in (b"\x00\x00\x00\x02\xc1\xc1", b"\xff\xff\xff\xff", b"\x00\x00\x00\x01\x05"):
            rogue = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            with address(os.path.join(where, socket_name)) as reachable:
                rogue.connect(reachable)
            rogue.sendall(junk)
            rogue.settimeout(10)
            assert rogue.recv(100) == b""  # closed on us
            rogue.close()
        open_file(name, RW).close()  # and a real client still gets in


def test_a_socket_left_by_a_dead_process_is_removed_by_a_client(name: str) -> None:
    short = name[len("\\\\.\\pipe\\") :]
    where = pipe_folder(short)
    os.makedirs(where, mode=0o700)
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with address(os.path.join(where, "99999999-dead")) as reachable:  # no such pid
        dead.bind(reachable)
    dead.close()  # bound, never listening: what a killed server leaves behind
    with pytest.raises(Win32Error) as caught:
        open_file(name, RW)
    assert caught.value.winerror == ERROR_FILE_NOT_FOUND
    assert os.listdir(where) == []


def test_a_refusing_socket_of_a_live_process_is_left_alone(name: str) -> None:
    where = pipe_folder(name[len("\\\\.\\pipe\\") :])
    os.makedirs(where, mode=0o700)
    mine = f"{os.getpid()}-settingup"
    quiet = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with address(os.path.join(where, mine)) as reachable:
        quiet.bind(reachable)
    try:
        with pytest.raises(Win32Error):
            open_file(name, RW)
        assert os.listdir(where) == [mine]  # its process lives: not ours to remove
    finally:
        quiet.close()


def test_a_message_bigger_than_a_frame_arrives_whole(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_pipebuf, "MAX_CHUNK", 5)
    monkeypatch.setattr(_pipeio, "ONE_FRAME", 5)  # what write() frames inline, without frames()
    server, client = pair
    client.write(b"a message of many chunks")
    client.write(b"short")
    buffer = bytearray(100)
    assert server.read_into(buffer) == (0, 24)
    assert buffer[:24] == b"a message of many chunks"
    assert server.read(100) == b"short"


def test_a_write_that_does_not_fit_waits_for_the_reader(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = pair
    big = os.urandom(4 << 20)  # more than a socket holds
    overlapped = Overlapped()
    assert server.write(big, overlapped).status == 997
    assert overlapped.pending
    got = bytearray()
    while len(got) < len(big):
        got += client.read(1 << 20)
    assert overlapped.wait(10)
    assert overlapped.result() == len(big)
    assert got == big


def test_a_write_cancelled_part_way_is_dropped_by_the_reader(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = pair
    client.set_mode(PIPE_READMODE_MESSAGE)
    overlapped = Overlapped()
    assert server.write(os.urandom(4 << 20), overlapped).status == 997
    behind = Overlapped()
    writer = kernel.start_thread(lambda: server.write(b"the next message", behind).status)
    assert writer.wait(10)
    assert writer.exit_code == 997  # queued behind the big one
    server.cancel_io()  # this thread's write only
    assert overlapped.status == ERROR_OPERATION_ABORTED
    buffer = bytearray(8 << 20)  # room for the whole torn message: it is never returned
    assert client.read_into(buffer) == (0, 16)
    assert buffer[:16] == b"the next message"
    assert behind.wait(10)
    assert behind.result() == 16


def test_busy_instances_are_busy_to_every_process(name: str) -> None:
    with kernel.create_named_pipe(name, PIPE_ACCESS_DUPLEX, 0, 1, 0, 0, 0):
        first = open_file(name, RW)
        with pytest.raises(PipeBusyError):
            open_file(name, RW)
        first.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
def test_a_forked_child_leaves_the_parents_pipe_alone_and_makes_its_own(name: str) -> None:
    server = kernel.create_named_pipe(name, PIPE_ACCESS_DUPLEX, 0, 2, 0, 0, 0)
    read_fd, write_fd = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork() with threads, 3.12+
        pid = os.fork()
    if pid == 0:  # the child: its own pipe works; the parent's instance is the parent's
        code = 1
        try:
            own = name + "-child"
            mine = kernel.create_named_pipe(own, PIPE_ACCESS_DUPLEX, 0, 1, 0, 0, 0)
            with mine, open_file(own, RW) as end:
                end.write(b"child")
                code = 0 if mine.read(10) == b"child" else 2
            with open_file(name, RW) as parent_end:  # served by the parent's I/O thread
                parent_end.write(b"from the child")
        finally:
            os.write(write_fd, bytes([code]))
            os._exit(code)
    os.close(write_fd)
    try:
        ready, _, _ = select.select([read_fd], [], [], 10)
        assert ready, "the forked child hung"
        assert os.read(read_fd, 1) == b"\x00"
        with pytest.raises(Win32Error) as caught:  # the child wrote and left: ERROR_NO_DATA
            server.connect()
        assert caught.value.winerror == ERROR_NO_DATA
        assert server.read(100) == b"from the child"
    finally:
        os.close(read_fd)
        os.waitpid(pid, 0)
        server.close()


def test_a_read_takes_data_already_there_whatever_the_last_read_did(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    """ReadFile completes at once when data is there, and pends when none is, after either.

    An end looks at its socket before it receives, or receives straight away, by what its
    last read found: neither may change what the read reports.
    """
    server, client = pair
    overlapped, buffer = Overlapped(), bytearray(8)
    assert server.read_into(buffer, overlapped).status == ERROR_IO_PENDING  # nothing there
    client.write(b"one")
    assert overlapped.result(wait=True) == 3
    client.write(b"two")  # in the server's socket as the call returns: read at once
    assert server.read_into(buffer, overlapped) == (0, 3)
    assert not overlapped.pending and bytes(buffer[:3]) == b"two"
    assert server.read_into(buffer, overlapped).status == ERROR_IO_PENDING  # after a hit
    client.write(b"three")
    assert overlapped.result(wait=True) == 5
    assert bytes(buffer[:5]) == b"three"


def test_a_driven_read_of_a_longer_message_reports_more_data(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    """GetOverlappedResult of a pending message read whose buffer is short: ERROR_MORE_DATA.

    The waiting thread serves the read itself; the rest of the message stays for the next
    read, and its Overlapped and event report the read as Windows does.
    """
    server, client = pair
    event = kernel.Event(manual_reset=True)  # set inline by the read that completes inline
    overlapped, short = Overlapped(), bytearray(2)
    assert server.read_into(short, overlapped).status == ERROR_IO_PENDING
    client.write(b"longer")
    with pytest.raises(Win32Error) as raised:
        overlapped.result(wait=True)
    assert raised.value.winerror == ERROR_MORE_DATA
    assert (overlapped.status, overlapped.transferred, bytes(short)) == (ERROR_MORE_DATA, 2, b"lo")
    rest = bytearray(8)
    assert server.read_into(rest, Overlapped(event=event)) == (0, 4)
    assert bytes(rest[:4]) == b"nger" and event.is_set()


def test_a_read_takes_any_writable_buffer_as_bytes_and_refuses_a_read_only_one(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    """A bytearray goes straight in; other buffers are read as bytes; bytes are refused."""
    server, client = pair
    client.write(b"abcdefgh")
    with pytest.raises(TypeError, match="writable"):
        server.read_into(b"\0" * 8)
    words = array.array("i", [0, 0])
    assert server.read_into(words) == (0, 8)
    assert words.tobytes() == b"abcdefgh"
    client.write(b"xyz")
    plain = bytearray(8)
    assert server.read_into(plain) == (0, 3)
    assert plain[:3] == b"xyz"
