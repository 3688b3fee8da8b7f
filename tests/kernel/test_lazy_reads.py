"""An overlapped read left to its own thread still goes on for everyone else.

A pending overlapped read on a pipe is not handed to the I/O thread when it starts: its thread
most often waits for it next and does the I/O itself. These tests pin that nothing else can
tell: a wait on its Overlapped or event by anyone (another thread, wait-any with other
objects, asyncio), a poll of them, and nobody at all (the pipe still drains, as Windows'
pending read drains it, so a writer blocked on a full pipe goes on).
"""

from __future__ import annotations

import asyncio
import functools

import pytest

from apartment import kernel, messages
from apartment.errors import ERROR_IO_PENDING
from apartment.kernel import (
    Event,
    Overlapped,
    _ioservice,
    wait_any,
)
from apartment.testing import wait_until_blocked

from .conftest import BIG

pytestmark = pytest.mark.usefixtures("overlapped_runtime")


def _pending_read(server: kernel.PipeServer, event: Event | None = None) -> Overlapped:
    overlapped = Overlapped(event=event)
    buffer = bytearray(BIG)
    assert server.read_into(buffer, overlapped).status == ERROR_IO_PENDING
    return overlapped


@pytest.mark.usefixtures("no_sweep")
def test_another_thread_waiting_on_the_event_gets_the_read_done(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = overlapped_pair
    event = Event(manual_reset=True)
    overlapped = _pending_read(server, event)
    waiter = kernel.start_thread(event.wait, 30.0)
    wait_until_blocked(waiter, on=event)
    client.write(b"hello")
    assert waiter.wait(30)
    assert overlapped.result() == 5


@pytest.mark.usefixtures("no_sweep")
def test_a_wait_any_on_the_overlapped_and_another_object_gets_the_read_done(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = overlapped_pair
    overlapped = _pending_read(server)
    stop = Event()
    waiter = kernel.start_thread(wait_any, (stop, overlapped), 30.0)
    wait_until_blocked(waiter, on=overlapped)
    client.write(b"hello")
    assert waiter.wait(30)
    assert overlapped.result() == 5
    assert not stop.is_set()


@pytest.mark.usefixtures("no_sweep")
@pytest.mark.parametrize(
    "poll",
    [
        lambda overlapped: not overlapped.pending,
        lambda overlapped: overlapped.status != ERROR_IO_PENDING,
        lambda overlapped: overlapped.event.is_set(),
        lambda overlapped: overlapped.event.wait(0) is not None,
        lambda overlapped: wait_any((overlapped,), 0) is not None,
    ],
    ids=["pending", "status", "is_set", "event wait 0", "wait_any 0"],
)
def test_polling_the_read_gets_it_done(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd], poll: object
) -> None:
    server, client = overlapped_pair
    overlapped = _pending_read(server, Event(manual_reset=True))
    client.write(b"hello")
    done = kernel.Event(manual_reset=True)
    # A poll arms the read; the I/O thread then completes it: poll until it has.
    for _ in range(10_000):
        if poll(overlapped):  # type: ignore[operator]
            done.set()
            break
        kernel.sleep(0.001)
    assert done.is_set()
    assert overlapped.result() == 5


@pytest.mark.usefixtures("no_sweep")
def test_an_asyncio_wait_on_the_event_gets_the_read_done(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = overlapped_pair
    event = Event(manual_reset=True)
    overlapped = _pending_read(server, event)

    async def main() -> object:
        waiting = asyncio.ensure_future(messages.wait_async(event, 30.0))
        await asyncio.sleep(0)  # the wait is registered before the data comes
        client.write(b"hello")
        return await waiting

    assert asyncio.run(main())
    assert overlapped.result() == 5


def test_a_read_nobody_waits_for_still_drains_the_pipe(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    # As a pending ReadFile on Windows takes the data as it comes: a writer whose message
    # does not fit in the pipe goes on, though this thread never waits for the read.
    server, client = overlapped_pair
    overlapped = _pending_read(server)
    writer = kernel.start_thread(client.write, b"x" * (BIG // 2))
    assert writer.wait(30)  # the I/O thread's sweep armed the read, which took it all
    assert writer.exit_code == 0
    assert overlapped.wait(30)
    assert overlapped.result() == BIG // 2


def test_the_thread_that_waits_for_its_read_does_the_io_itself(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd], no_sweep: None
) -> None:
    server, client = overlapped_pair
    overlapped = _pending_read(server)
    writer = kernel.start_thread(client.write, b"hello")
    assert overlapped.result(wait=True) == 5  # GetOverlappedResult drives: nothing armed
    assert writer.wait(30)
    assert overlapped not in kernel._core.UNARMED


def test_sweeps_that_find_every_read_taken_back_off_and_one_that_arms_comes_back() -> None:
    # A program whose threads wait for their own reads leaves the sweep nothing to do: the
    # I/O thread then wakes for it ever more rarely (up to SWEEP_BACKOFF times SWEEP_DELAY),
    # until a sweep finds a read left to nobody.
    service = _ioservice._Service()  # a service of the test's own: nothing else sweeps it
    armed = [False] * 6 + [True, False]
    factors = []
    for arms in armed:
        service._sweeps = {functools.partial(bool, arms): None}  # an end's arm, as it ends
        service._sweep()
        factors.append(service._sweep_factor)
    assert factors == [2, 4, 8, 16, 16, 16, 1, 2]
    assert _ioservice.SWEEP_BACKOFF == 16


def test_a_sweep_waits_as_long_as_the_back_off_says(monkeypatch: pytest.MonkeyPatch) -> None:
    service = _ioservice._Service()
    delays: list[float] = []

    def call_later(delay: float, fn: object) -> None:
        delays.append(delay)

    monkeypatch.setattr(service, "call_later", call_later)
    service._sweep_factor = 8
    service.sweep_soon(lambda: False)
    assert delays == [pytest.approx(8 * _ioservice.SWEEP_DELAY)]


def test_a_read_left_to_nobody_is_armed_by_the_sweep_and_resets_its_back_off(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = overlapped_pair
    overlapped = _pending_read(server)
    assert server._arm_now() is True  # what the sweep calls: a read nobody drives, armed
    client.write(b"hello")
    assert overlapped.wait(30)  # the I/O thread served it
    assert overlapped.result() == 5
    assert server._arm_now() is False  # nothing pending now
