"""A thread that waits for its lone pending pipe read blocks in the socket's recv for it.

GetOverlappedResult with bWait (and a blocking ReadFile) on a read that is the end's only
request costs one blocking recv, not a poll and a recv (``PipeServing._drive``, and
``_block`` for what is not one whole message). These tests
pin that the thread does block there (and goes on polling once the socket's receive timeout
has passed), and that Windows' rules still hold around it: a cancel from another thread ends
the wait with ERROR_OPERATION_ABORTED, in either, a close from another thread
ends it, the peer's death ends it with ERROR_BROKEN_PIPE, a Ctrl-C interrupts it in the main
thread and leaves the read pending, a longer message reads as ERROR_MORE_DATA, and what other
threads do meanwhile (a write, another read, a peek) neither stalls nor steals the read's
data. An empty message, a message whose header came in part, and other threads waiting on
the end or the Overlapped all see the read complete. A stress test mixes reads, peeks and
cancels at random.
"""

from __future__ import annotations

import os
import signal
import struct
import subprocess
import sys
import threading
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apartment import kernel
from apartment.errors import (
    ERROR_BROKEN_PIPE,
    ERROR_IO_PENDING,
    ERROR_MORE_DATA,
    ERROR_OPERATION_ABORTED,
    Win32Error,
)
from apartment.kernel import (
    FILE_FLAG_OVERLAPPED,
    GENERIC_READ,
    GENERIC_WRITE,
    PIPE_ACCESS_DUPLEX,
    Overlapped,
    _pipeio,
    _pipeserve,
    open_file,
)
from apartment.testing import wait_until_blocked

from .conftest import BIG, MESSAGE

if TYPE_CHECKING:
    from collections.abc import Callable

pytestmark = pytest.mark.usefixtures("overlapped_runtime", "no_sweep")


def _slice(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    whole, part = divmod(round(seconds * 1_000_000), 1_000_000)
    monkeypatch.setattr(_pipeio, "RECEIVE_SLICE", struct.pack("ll", whole, part))


@pytest.fixture
def long_slice(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pipes made now block in recv for the test's whole wait (60 s) before they poll."""
    _slice(monkeypatch, 60.0)


@pytest.fixture
def mid_slice(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pipes made now block in recv for 3 s before they poll (a cancel is seen then)."""
    _slice(monkeypatch, 3.0)


@pytest.fixture
def short_slice(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pipes made now block in recv for 1 ms, then poll."""
    _slice(monkeypatch, 0.001)


def _pending(server: kernel.PipeEnd, size: int = 64) -> tuple[Overlapped, bytearray]:
    overlapped, buffer = Overlapped(), bytearray(size)
    assert server.read_into(buffer, overlapped).status == ERROR_IO_PENDING
    return overlapped, buffer


def _outcome(overlapped: Overlapped, into: list[object]) -> Callable[[], None]:
    """A thread body: GetOverlappedResult(wait=True), its count or its error code kept."""

    def run() -> None:
        try:
            into.append(overlapped.result(wait=True))
        except Win32Error as error:
            into.append(("error", error.winerror))

    return run


def _blocked_in_recv(
    server: kernel.PipeEnd, overlapped: Overlapped, into: list[object]
) -> kernel.ThreadHandle:
    thread = kernel.start_thread(_outcome(overlapped, into))
    wait_until_blocked(thread, on=overlapped)
    with kernel._ioservice.IO_LOCK:
        assert server._blocked  # in the socket's recv, not polling
    return thread


@pytest.mark.usefixtures("long_slice")
@pytest.mark.parametrize("data", [b"hello", b""])
def test_the_waiting_thread_blocks_in_recv_and_takes_its_message(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd], data: bytes
) -> None:
    # (b"": a message pipe's 0-byte WriteFile is a message, which completes the read with 0)
    server, client = overlapped_pair
    overlapped, buffer = _pending(server)
    got: list[object] = []
    thread = _blocked_in_recv(server, overlapped, got)
    client.write(data)
    assert thread.wait(30)
    assert got == [len(data)]
    assert buffer[: len(data)] == data
    assert not overlapped.pending
    with kernel._ioservice.IO_LOCK:
        assert not server._blocked and not server._driving


@pytest.mark.usefixtures("long_slice")
def test_a_longer_message_reads_as_more_data_and_the_rest_stays(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = overlapped_pair
    overlapped, buffer = _pending(server, 4)
    got: list[object] = []
    thread = _blocked_in_recv(server, overlapped, got)
    client.write(b"0123456789")
    assert thread.wait(30)
    assert got == [("error", ERROR_MORE_DATA)]
    assert overlapped.transferred == 4 and buffer == b"0123"
    rest = bytearray(16)
    assert server.read_into(rest) == (0, 6)
    assert rest[:6] == b"456789"


@pytest.mark.usefixtures("mid_slice")
def test_a_cancel_from_another_thread_ends_the_wait_with_operation_aborted(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = overlapped_pair
    overlapped, buffer = _pending(server)
    got: list[object] = []
    thread = _blocked_in_recv(server, overlapped, got)
    server.cancel_io()  # CancelIo: this thread's requests only, not the waiting thread's
    server.cancel_io(all_threads=True)  # CancelIoEx: seen when the recv's timeout ends it
    assert thread.wait(30)
    assert got == [("error", ERROR_OPERATION_ABORTED)]
    client.write(b"later")  # the cancelled read took nothing: the next read gets it
    assert server.read_into(buffer) == (0, 5)


@pytest.mark.usefixtures("long_slice")
def test_a_close_from_another_thread_ends_the_wait(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, _ = overlapped_pair
    overlapped, _ = _pending(server)
    got: list[object] = []
    thread = _blocked_in_recv(server, overlapped, got)
    server.close()
    assert thread.wait(30)
    assert got == [("error", ERROR_BROKEN_PIPE)]


@pytest.mark.usefixtures("long_slice")
def test_the_other_end_closing_ends_the_wait_with_broken_pipe(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = overlapped_pair
    overlapped, _ = _pending(server)
    got: list[object] = []
    thread = _blocked_in_recv(server, overlapped, got)
    client.close()
    assert thread.wait(30)
    assert got == [("error", ERROR_BROKEN_PIPE)]


_CLIENT = """
import sys
from apartment.kernel import GENERIC_READ, GENERIC_WRITE, OPEN_EXISTING, open_file
client = open_file(sys.argv[1], GENERIC_READ | GENERIC_WRITE, 0, OPEN_EXISTING, 0)
print("open", flush=True)
sys.stdin.read()
"""


@pytest.mark.usefixtures("long_slice")
def test_the_other_process_killed_ends_the_wait_with_broken_pipe(tmp_path: Path) -> None:
    name = "\\\\.\\pipe\\blocking-recv-" + uuid.uuid4().hex
    server = kernel.create_named_pipe(
        name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, MESSAGE, 1, 0, 0, 0
    )
    source = str(Path(kernel.__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": source}
    child = subprocess.Popen(
        [sys.executable, "-c", _CLIENT, name],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    )
    try:
        server.connect()
        assert child.stdout is not None
        assert child.stdout.readline() == b"open\n"
        overlapped, _ = _pending(server)
        got: list[object] = []
        thread = _blocked_in_recv(server, overlapped, got)
        child.kill()
        child.wait(30)
        assert thread.wait(30)
        assert got == [("error", ERROR_BROKEN_PIPE)]
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(30)
        if child.stdin is not None:
            child.stdin.close()
        if child.stdout is not None:
            child.stdout.close()
        server.close()


def test_ctrl_c_interrupts_the_wait_in_the_main_thread_and_leaves_the_read_pending(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    # (The library's own receive timeout: a signal that lands just before the recv starts
    # is seen when it ends, as a parked main thread sees it when its slice ends.)
    server, client = overlapped_pair
    overlapped, buffer = _pending(server)
    main = kernel.current_thread()

    def interrupt() -> None:
        wait_until_blocked(main, on=overlapped)
        signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)

    helper = kernel.start_thread(interrupt)
    with pytest.raises(KeyboardInterrupt):
        overlapped.result(wait=True)
    assert helper.wait(30)
    assert overlapped.pending
    with kernel._ioservice.IO_LOCK:
        assert not server._blocked and not server._driving
    client.write(b"after")  # the read goes on without its waiter: the I/O thread serves it
    assert overlapped.wait(30)
    assert overlapped.result() == 5
    assert buffer[:5] == b"after"


def test_ctrl_c_sent_to_another_thread_is_seen_within_a_slice(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    # A process's SIGINT may land on any thread: Python's handler then runs in the main
    # thread at its next step, which a recv that never returns would never take.
    server, _ = overlapped_pair
    overlapped, _ = _pending(server)
    main = kernel.current_thread()

    def interrupt() -> None:
        wait_until_blocked(main, on=overlapped)
        signal.raise_signal(signal.SIGINT)  # delivered to this thread

    helper = kernel.start_thread(interrupt)
    with pytest.raises(KeyboardInterrupt):
        overlapped.result(wait=True)
    assert helper.wait(30)
    server.cancel_io()
    assert overlapped.status == ERROR_OPERATION_ABORTED


@pytest.mark.usefixtures("long_slice")
def test_a_write_queued_by_another_thread_meanwhile_goes_out(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    # The blocked thread only receives: a write too big for the socket, queued behind it,
    # is the I/O thread's to finish, or its reader never gets the end of it and never answers.
    server, client = overlapped_pair
    overlapped, _ = _pending(server)
    got: list[object] = []
    reader = _blocked_in_recv(server, overlapped, got)
    writer = kernel.start_thread(server.write, b"w" * BIG)
    received, buffer = 0, bytearray(BIG)
    while received < BIG:
        received += client.read_into(memoryview(buffer)[received:]).transferred
    assert writer.wait(30)
    assert writer.exit_code == 0
    client.write(b"answer")
    assert reader.wait(30)
    assert got == [6]


@pytest.mark.usefixtures("long_slice")
def test_a_read_queued_by_another_thread_meanwhile_gets_the_next_message(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = overlapped_pair
    first, one = _pending(server)
    got: list[object] = []
    reader = _blocked_in_recv(server, first, got)
    second, two = Overlapped(), bytearray(64)
    queued = kernel.start_thread(lambda: server.read_into(two, second))
    assert queued.wait(30)
    assert second.pending
    client.write(b"one")
    client.write(b"two!")
    assert reader.wait(30)
    assert got == [3]
    assert second.wait(30)
    assert second.result() == 4
    assert one[:3] == b"one" and two[:4] == b"two!"


@pytest.mark.usefixtures("long_slice")
def test_a_peek_meanwhile_takes_nothing_from_the_blocked_read(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = overlapped_pair
    overlapped, buffer = _pending(server)
    got: list[object] = []
    reader = _blocked_in_recv(server, overlapped, got)
    assert server.peek(64)[1] == 0  # nothing has come
    client.write(b"mine")
    data, available, _ = server.peek(64)  # the pending read takes it first, as on Windows
    assert (data, available) in ((b"", 0),)
    assert reader.wait(30)
    assert got == [4]
    assert buffer[:4] == b"mine"
    assert server.peek(64)[1] == 0


@pytest.mark.usefixtures("long_slice")
def test_a_blocking_read_on_a_synchronous_end_blocks_in_recv_too(
    overlapped_runtime: Path,
) -> None:
    name = "\\\\.\\pipe\\blocking-sync-" + uuid.uuid4().hex
    server = kernel.create_named_pipe(name, PIPE_ACCESS_DUPLEX, MESSAGE, 1, 0, 0, 0)
    client = open_file(name, GENERIC_READ | GENERIC_WRITE, 0, kernel.OPEN_EXISTING, 0)
    got: list[object] = []
    buffer = bytearray(64)
    try:
        reader = kernel.start_thread(lambda: got.append(server.read_into(buffer)))
        wait_until_blocked(reader)
        with kernel._ioservice.IO_LOCK:
            assert server._blocked
        client.write(b"sync")
        assert reader.wait(30)
        assert got == [(0, 4)]
    finally:
        client.close()
        server.close()


def _reader(server: kernel.PipeEnd, plan: list[bool], got: list[bytes], ended: list[int]) -> None:
    """Read until an end mark; each pending read waited for (GetOverlappedResult, bWait)."""
    buffer = bytearray(8)
    for step in range(10**9):
        overlapped = Overlapped()
        status, count = server.read_into(buffer, overlapped)
        if status == ERROR_IO_PENDING:
            if plan[step % len(plan)]:
                server.cancel_io()  # its own: never blocked in recv then
            try:
                count = overlapped.result(wait=True)
            except Win32Error as error:
                if error.winerror == ERROR_OPERATION_ABORTED:
                    continue
                raise
        if bytes(buffer[:count]) == b"the end!":
            ended.append(1)
            return
        got.append(bytes(buffer[:count]))


def _disturb(server: kernel.PipeEnd, actions: list[str], stop: threading.Event) -> None:
    writes = 200  # a few: nobody reads them, and the socket's buffer must not fill
    while not stop.is_set():
        for action in actions:
            if action == "peek":
                server.peek(8)
            elif action == "cancel all":
                server.cancel_io(all_threads=True)
            elif writes:
                writes -= 1
                server.write(b"x")


@settings(max_examples=10, deadline=None)
@given(
    readers=st.lists(st.lists(st.booleans(), min_size=1, max_size=4), min_size=1, max_size=3),
    actions=st.lists(st.sampled_from(["peek", "cancel all", "write"]), min_size=1, max_size=4),
    messages=st.integers(0, 120),
)
def test_reads_peeks_and_cancels_interleaved_take_every_message_once(
    readers: list[list[bool]], actions: list[str], messages: int
) -> None:
    """Readers block in recv while others peek, cancel every thread's reads and write."""
    name = "\\\\.\\pipe\\blocking-stress-" + uuid.uuid4().hex
    server = kernel.create_named_pipe(
        name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, MESSAGE, 1, 0, 0, 0
    )
    client = open_file(name, GENERIC_READ | GENERIC_WRITE, 0, kernel.OPEN_EXISTING, 0)
    assert isinstance(client, kernel.PipeEnd)
    got: list[list[bytes]] = [[] for _ in readers]
    ended: list[int] = []
    stop = threading.Event()
    try:
        threads = [
            kernel.start_thread(_reader, server, plan, got[i], ended)
            for i, plan in enumerate(readers)
        ]
        disturber = kernel.start_thread(_disturb, server, actions, stop)
        for number in range(messages):
            client.write(number.to_bytes(8, "little"))
        for _ in readers:  # an end mark each (a cancelled read takes none)
            client.write(b"the end!")
        stop.set()
        assert disturber.wait(30)
        assert disturber.exit_code == 0
        for thread in threads:
            assert thread.wait(30)
            assert thread.exit_code == 0
        received = sorted(int.from_bytes(m, "little") for ms in got for m in ms)
        assert received == list(range(messages))
    finally:
        stop.set()
        client.close()
        server.close()


class _Polls:
    """Tells when a blocked wait has gone on to poll (its receive timeout passed)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started = threading.Event()
        original = _pipeserve.PipeServing._poll

        def poll(end: _pipeserve.PipeServing, *args: object) -> object:
            self.started.set()
            return original(end, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(_pipeserve.PipeServing, "_poll", poll)


@pytest.mark.usefixtures("short_slice")
@pytest.mark.parametrize("then", ["message", "cancel"])
def test_a_wait_longer_than_the_receive_timeout_goes_on_polling(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
    monkeypatch: pytest.MonkeyPatch,
    then: str,
) -> None:
    polls = _Polls(monkeypatch)
    server, client = overlapped_pair
    overlapped, buffer = _pending(server)
    got: list[object] = []
    thread = kernel.start_thread(_outcome(overlapped, got))
    assert polls.started.wait(30)
    wait_until_blocked(thread, on=overlapped)
    with kernel._ioservice.IO_LOCK:
        assert server._driving and not server._blocked
    if then == "message":
        client.write(b"late")
        assert thread.wait(30)
        assert got == [4]
        assert buffer[:4] == b"late"
    else:
        server.cancel_io(all_threads=True)  # pokes the polling thread: seen at once
        assert thread.wait(30)
        assert got == [("error", ERROR_OPERATION_ABORTED)]
    with kernel._ioservice.IO_LOCK:
        assert not server._driving


@pytest.mark.usefixtures("short_slice")
def test_a_write_queued_while_blocked_is_served_by_the_poll_that_follows(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd], monkeypatch: pytest.MonkeyPatch
) -> None:
    polls = _Polls(monkeypatch)
    server, client = overlapped_pair
    overlapped, _ = _pending(server)
    got: list[object] = []
    reader = kernel.start_thread(_outcome(overlapped, got))
    writer = kernel.start_thread(server.write, b"w" * BIG)
    received, buffer = 0, bytearray(BIG)
    while received < BIG:
        received += client.read_into(memoryview(buffer)[received:]).transferred
    assert writer.wait(30)
    assert polls.started.wait(30)
    client.write(b"answer")
    assert reader.wait(30)
    assert got == [6]


@pytest.mark.usefixtures("long_slice")
def test_a_message_whose_header_came_in_part_is_read_whole_once_the_rest_comes(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    # Half a frame's header is in the end's inbox as the read blocks: the recv brings the
    # rest, which is not a frame of its own, and the read gets the whole message.
    server, client = overlapped_pair
    frame = struct.pack(">I", 5) + b"hello"
    client._sock.send(frame[:2])  # type: ignore[union-attr]
    overlapped, buffer = _pending(server)
    got: list[object] = []
    reader = _blocked_in_recv(server, overlapped, got)
    client._sock.send(frame[2:])  # type: ignore[union-attr]
    assert reader.wait(30)
    assert got == [5]
    assert buffer[:5] == b"hello"
    with kernel._ioservice.IO_LOCK:
        assert not server._blocked and not server._driving


@pytest.mark.usefixtures("long_slice")
@pytest.mark.parametrize("on", ["end", "overlapped"])
def test_a_thread_waiting_on_the_end_or_overlapped_wakes_when_the_blocked_read_completes(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd], on: str
) -> None:
    # The end is nonsignaled while its read pends and signaled again as it completes, and
    # the Overlapped signaled, whoever completes it: here the thread blocked in recv for it.
    # A waiter on either (WaitForSingleObject) sees the same completion, status and count.
    server, client = overlapped_pair
    overlapped, _ = _pending(server)
    got: list[object] = []
    reader = _blocked_in_recv(server, overlapped, got)
    target: kernel.Waitable = server if on == "end" else overlapped
    woke: list[object] = []
    watcher = kernel.start_thread(lambda: woke.append(kernel.wait_any([target], 30)))
    wait_until_blocked(watcher, on=target)
    client.write(b"both")
    assert reader.wait(30) and watcher.wait(30)
    assert got == [4]
    assert woke == [(0, False, False)]
    assert overlapped.result() == 4
