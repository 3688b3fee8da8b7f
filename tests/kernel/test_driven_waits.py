"""A wait on a pending pipe read's event (or Overlapped) does the read on the waiting thread.

The common pattern ``ReadFile(h, buf, ov)`` -> ERROR_IO_PENDING -> ``WaitForSingleObject(
ov.hEvent)`` costs no I/O-thread hand-off: the wait polls the pipe's socket itself and
completes the read (``_iodrive.drive_until``). These tests pin that, and that nothing else
changes: the event is set (and an auto-reset one taken by the wait), a wait on the event and
other objects ends on whichever is signaled first, CancelIo and a close from another thread
end the wait, a completion port still gets its packet, an APC still alerts an alertable wait,
and a write another thread queues on the end meanwhile is served too.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apartment import kernel
from apartment.errors import ERROR_IO_PENDING, ERROR_OPERATION_ABORTED, Win32Error
from apartment.kernel import (
    ALERTED,
    FILE_FLAG_OVERLAPPED,
    GENERIC_READ,
    GENERIC_WRITE,
    PIPE_ACCESS_DUPLEX,
    CompletionPort,
    Event,
    Overlapped,
    _iodrive,
    _ioservice,
    open_file,
    wait_any,
)
from apartment.testing import wait_until_blocked

from .conftest import BIG, MESSAGE

pytestmark = pytest.mark.usefixtures("overlapped_runtime")


def _pending_read(
    server: kernel.PipeServer, event: Event | None, size: int = 64
) -> tuple[Overlapped, bytearray]:
    overlapped = Overlapped(event=event)
    buffer = bytearray(size)
    assert server.read_into(buffer, overlapped).status == ERROR_IO_PENDING
    return overlapped, buffer


class _IoThreadCalls:
    """Counts what is handed to the I/O thread: arming a descriptor, or a call on it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        self._lock = threading.Lock()
        service = _ioservice.service
        for name in ("arm", "call_later"):
            original = getattr(service, name)
            monkeypatch.setattr(service, name, self._counted(original))

    def _counted(self, original: object) -> object:
        def counted(*args: object) -> object:
            with self._lock:
                self.count += 1
            return original(*args)  # type: ignore[operator]

        return counted


@pytest.mark.usefixtures("no_sweep")
def test_waiting_on_the_event_does_the_read_on_the_waiting_thread(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, client = overlapped_pair
    event = Event()  # auto-reset: the wait takes it
    overlapped, buffer = _pending_read(server, event)
    calls = _IoThreadCalls(monkeypatch)
    me = kernel.current_thread()

    def write_once_it_waits() -> None:
        wait_until_blocked(me, on=event)
        client.write(b"hi")

    writer = kernel.start_thread(write_once_it_waits)
    assert event.wait() is not None
    assert calls.count == 0  # nothing went through the I/O thread
    assert overlapped.result() == 2
    assert bytes(buffer[:2]) == b"hi"
    assert event.wait(0) is None  # the wait took the auto-reset event
    assert writer.wait(30)


@pytest.mark.usefixtures("no_sweep")
def test_waiting_on_the_overlapped_does_the_read_too(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, client = overlapped_pair
    overlapped, _ = _pending_read(server, None)
    calls = _IoThreadCalls(monkeypatch)
    client.write(b"hello")
    assert wait_any((overlapped,)) is not None
    assert calls.count == 0
    assert overlapped.result() == 5


@pytest.mark.usefixtures("no_sweep")
def test_a_wait_on_the_event_and_another_object_ends_on_the_other(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = overlapped_pair
    event, stop = Event(), Event()
    overlapped, _ = _pending_read(server, event)
    waiter = kernel.start_thread(wait_any, (event, stop))
    wait_until_blocked(waiter, on=event)
    stop.set()
    assert waiter.wait(30)
    assert waiter.exit_code == 0
    assert overlapped.pending  # the read goes on: the I/O thread has it now
    client.write(b"later")
    assert overlapped.wait(30)
    assert overlapped.result() == 5
    assert event.wait(0) is not None


@pytest.mark.usefixtures("no_sweep")
def test_a_wait_on_the_event_and_another_object_ends_on_the_read(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = overlapped_pair
    event, stop = Event(), Event()
    overlapped, _ = _pending_read(server, event)
    results: list[object] = []
    waiter = kernel.start_thread(lambda: results.append(wait_any((stop, event))))
    wait_until_blocked(waiter, on=event)
    client.write(b"now")
    assert waiter.wait(30)
    assert results[0] == kernel.WaitResult(1)
    assert overlapped.result() == 3
    assert not stop.is_set()


@pytest.mark.usefixtures("no_sweep")
@pytest.mark.parametrize("how", ["cancel", "close"])
def test_cancelling_or_closing_from_another_thread_ends_a_driven_wait(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd], how: str
) -> None:
    server, _ = overlapped_pair
    event = Event(manual_reset=True)
    overlapped, _ = _pending_read(server, event)
    waiter = kernel.start_thread(event.wait)
    wait_until_blocked(waiter, on=event)
    if how == "cancel":
        server.cancel_io(all_threads=True)
    else:
        server.close()
    assert waiter.wait(30)
    assert waiter.exit_code == 0
    assert not overlapped.pending
    if how == "cancel":
        assert overlapped.status == ERROR_OPERATION_ABORTED


@pytest.mark.usefixtures("no_sweep")
def test_a_completion_port_gets_the_packet_of_a_driven_read(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = overlapped_pair
    port = CompletionPort()
    port.associate(server, 7)
    event = Event(manual_reset=True)
    overlapped, _ = _pending_read(server, event)
    client.write(b"packet")
    assert event.wait() is not None
    packet = port.get(0)
    assert packet is not None
    assert (packet.key, packet.transferred, packet.overlapped) == (7, 6, overlapped)


@pytest.mark.usefixtures("no_sweep")
def test_a_read_that_reports_to_a_port_is_served_with_nobody_waiting_on_it(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    # Its thread waits on the port (GetQueuedCompletionStatus), which knows nothing of the
    # Overlapped: the read goes to the I/O thread at once, not at the next sweep.
    server, client = overlapped_pair
    port = CompletionPort()
    port.associate(server, 7)
    for message in (b"one", b"two"):
        overlapped, buffer = _pending_read(server, None)
        client.write(message)
        packet = port.get(30)  # (the sweep is an hour away: only the arming serves it)
        assert packet is not None
        assert (packet.key, packet.transferred, packet.overlapped) == (7, 3, overlapped)
        assert bytes(buffer[:3]) == message


def test_a_read_completed_on_its_own_thread_leaves_the_next_reads_rules_alone(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    # A read its thread completed itself lends its request to the next read: that one is
    # cancelled, served, or fails as any.
    server, client = overlapped_pair
    first, buffer = _pending_read(server, None)
    client.write(b"first")
    assert first.result(wait=True) == 5
    second, _ = _pending_read(server, None)
    server.cancel_io()
    with pytest.raises(Win32Error) as caught:
        second.result(wait=True)
    assert caught.value.winerror == ERROR_OPERATION_ABORTED
    third, buffer = _pending_read(server, None)
    fourth, later = _pending_read(server, None)
    client.write(b"third")
    client.write(b"fourth!")
    assert third.result(wait=True) == 5
    assert fourth.result(wait=True) == 7
    assert (bytes(buffer[:5]), bytes(later[:7])) == (b"third", b"fourth!")
    assert first is not third and not third.pending and not fourth.pending


def test_a_read_completed_on_its_own_thread_lets_go_of_its_buffer(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    # Nothing of ours holds the caller's buffer once its read is done: it can be resized.
    server, client = overlapped_pair
    overlapped, buffer = _pending_read(server, None)
    client.write(b"done")
    assert overlapped.result(wait=True) == 4
    buffer.extend(b"more")  # BufferError if a view of it were still held
    assert len(buffer) == 68


@pytest.mark.usefixtures("no_sweep")
def test_an_apc_alerts_a_driven_alertable_wait(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = overlapped_pair
    event = Event(manual_reset=True)
    overlapped, _ = _pending_read(server, event)
    ran: list[int] = []
    results: list[object] = []
    waiter = kernel.start_thread(lambda: results.append(event.wait(alertable=True)))
    wait_until_blocked(waiter, on=event)
    kernel.queue_apc(waiter, ran.append, 1)
    assert waiter.wait(30)
    assert (results, ran) == ([ALERTED], [1])
    client.write(b"after")
    assert overlapped.wait(30)
    assert overlapped.result() == 5


@pytest.mark.usefixtures("no_sweep")
def test_a_driven_wait_serves_a_write_another_thread_queues_meanwhile(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    # The waiting thread polls the socket for the read alone; a write queued on the same end
    # (too big for the socket) must be polled for too, or its reader never gets the end of it
    # and never answers.
    server, client = overlapped_pair
    event = Event(manual_reset=True)
    overlapped, _ = _pending_read(server, event)
    reader = kernel.start_thread(event.wait)
    wait_until_blocked(reader, on=event)
    writer = kernel.start_thread(server.write, b"w" * BIG)
    got, buffer = 0, bytearray(BIG)
    while got < BIG:  # the client reads bytes: what has come each time
        got += client.read_into(memoryview(buffer)[got:]).transferred
    assert writer.wait(30)
    client.write(b"answer")
    assert reader.wait(30)
    assert overlapped.result() == 6


def _cancel(server: kernel.PipeServer, times: int) -> None:
    for _ in range(times):
        server.cancel_io(all_threads=True)


def _send(client: kernel.PipeEnd, numbers: range) -> None:
    for number in numbers:
        client.write(number.to_bytes(8, "little"))


_WAYS = ["event", "event and another", "overlapped", "result", "poll"]


def _read_until_the_end(
    server: kernel.PipeServer, ways: list[tuple[str, bool]], got: list[int], issued: list[int]
) -> None:
    """Read messages until an end mark, each read waited for a way of ``ways`` in turn."""
    never = Event(manual_reset=True)
    buffer = bytearray(8)
    for step in range(10**9):
        way, cancel = ways[step % len(ways)]
        overlapped = Overlapped(event=Event(manual_reset=step % 2 == 0))
        status, count = server.read_into(buffer, overlapped)
        issued.append(1)
        if status == ERROR_IO_PENDING:
            if cancel:
                server.cancel_io()
            if way == "event":
                assert overlapped.event is not None
                overlapped.event.wait()
            elif way == "event and another":
                assert overlapped.event is not None
                assert wait_any((never, overlapped.event)) == kernel.WaitResult(1)
            elif way == "overlapped":
                wait_any((overlapped,))
            elif way == "poll":
                while overlapped.pending:
                    kernel.sleep(0.0005)
            try:  # "result" waits here (GetOverlappedResult with bWait)
                status, count = 0, overlapped.result(wait=True)
            except Win32Error as error:
                if error.winerror == ERROR_OPERATION_ABORTED:
                    continue
                raise
        assert (status, count) == (0, 8)
        number = int.from_bytes(buffer, "little")
        if number < 0 or number >= 2**63:
            return
        got.append(number)


@settings(max_examples=12, deadline=None)
@given(
    readers=st.lists(
        st.lists(st.tuples(st.sampled_from(_WAYS), st.booleans()), min_size=1, max_size=6),
        min_size=1,
        max_size=4,
    ),
    writers=st.integers(1, 3),
    messages=st.integers(0, 150),
    cancels=st.integers(0, 30),
)
def test_many_readers_and_writers_with_cancels_take_every_message_once(
    readers: list[list[tuple[str, bool]]], writers: int, messages: int, cancels: int
) -> None:
    """Readers wait for their reads every way (driven or not) while others cancel at random.

    Every message is read exactly once (a cancelled read takes none), and every read issued
    completes exactly once: the completion port gets one packet per read.
    """
    name = "\\\\.\\pipe\\driven-stress-" + uuid.uuid4().hex
    server = kernel.create_named_pipe(
        name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, MESSAGE, 1, 0, 0, 0
    )
    client = open_file(name, GENERIC_READ | GENERIC_WRITE, 0, kernel.OPEN_EXISTING, 0)
    assert isinstance(client, kernel.PipeEnd)
    port = CompletionPort()
    port.associate(server, 1)
    got: list[list[int]] = [[] for _ in readers]
    issued: list[list[int]] = [[] for _ in readers]
    try:
        threads = [
            kernel.start_thread(_read_until_the_end, server, ways, got[i], issued[i])
            for i, ways in enumerate(readers)
        ]
        canceller = kernel.start_thread(_cancel, server, cancels)
        share = [range(w, messages, writers) for w in range(writers)]
        senders = [kernel.start_thread(_send, client, part) for part in share]
        for sender in senders:
            assert sender.wait(60)
            assert sender.exit_code == 0
        for _ in readers:  # one end mark each
            client.write((2**63).to_bytes(8, "little"))
        assert canceller.wait(60)
        for thread in threads:
            assert thread.wait(60)
            assert thread.exit_code == 0
        received = sorted(n for numbers in got for n in numbers)
        assert received == list(range(messages))
        packets = []  # each holds its Overlapped: their ids stay distinct
        while (packet := port.get(0)) is not None:
            packets.append(packet)
        assert len(packets) == sum(map(len, issued))  # one packet for each read
        assert len({id(packet.overlapped) for packet in packets}) == len(packets)  # none twice
    finally:
        client.close()
        server.close()


@pytest.mark.usefixtures("no_sweep")
def test_ctrl_c_interrupts_a_driven_wait_in_the_main_thread_and_takes_nothing(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = overlapped_pair
    event = Event()  # auto-reset: an interrupted wait must not have taken it
    overlapped, _ = _pending_read(server, event)
    main = kernel.current_thread()

    def interrupt() -> None:
        wait_until_blocked(main, on=event)
        signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)

    helper = kernel.start_thread(interrupt)
    with pytest.raises(KeyboardInterrupt):
        event.wait()
    assert helper.wait(30)
    client.write(b"after")  # the read goes on without the interrupted wait
    assert overlapped.wait(30)
    assert overlapped.result() == 5
    assert event.wait(0) is not None  # set by the read, and nobody took it


@pytest.mark.usefixtures("no_sweep")
def test_a_timed_wait_on_the_event_does_the_read_on_the_waiting_thread_too(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, client = overlapped_pair
    event = Event()
    overlapped, _ = _pending_read(server, event)
    calls = _IoThreadCalls(monkeypatch)
    client.write(b"timed")
    assert event.wait(30.0) is not None
    assert calls.count == 0
    assert overlapped.result() == 5


@pytest.mark.usefixtures("no_sweep")
def test_a_timed_driven_wait_times_out_and_leaves_the_read_pending(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = overlapped_pair
    event = Event()
    overlapped, _ = _pending_read(server, event)
    assert event.wait(0.02) is None  # nothing came: the wait timed out, taking nothing
    assert wait_any((Event(), event), 0.02) is None
    assert overlapped.pending
    client.write(b"late")  # the I/O thread has the read now
    assert overlapped.wait(30)
    assert overlapped.result() == 4
    assert event.wait(0) is not None


def _join_native(handle: kernel.ThreadHandle) -> None:
    for thread in threading.enumerate():
        if thread.ident == handle.ident:
            thread.join(30)


def test_a_drive_kits_eventfd_outlives_its_thread_for_late_wake_ups(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    # A wake-up is written after the lock hold that decided it, maybe once its thread ended:
    # the eventfd it goes to is never closed (its number could name another file by then),
    # but kept for the next thread's kit.
    server, client = overlapped_pair

    def drive_once() -> int:
        overlapped, _ = _pending_read(server, None)
        client.write(b"x")
        assert overlapped.result(wait=True) == 1
        return _iodrive.wake_fd()

    first = kernel.start_thread(drive_once)
    assert first.wait(30)
    _join_native(first)  # its handle is signaled before the thread's locals go
    gc.collect()
    assert first.exit_code in _iodrive._spare_fds
    os.fstat(first.exit_code)  # still open
    spares = set(_iodrive._spare_fds)
    second = kernel.start_thread(drive_once)
    assert second.wait(30)
    assert second.exit_code in spares  # a spare one, reused
