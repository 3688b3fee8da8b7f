"""Stress: many threads, the interpreter switching as often as it can, nothing lost.

Each test checks a conservation law at the end: every unit released is taken exactly once,
a critical section never has two threads in it, every ping gets its pong.
"""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING

import pytest

from apartment.kernel import Event, Mutex, Semaphore, start_thread, wait_all, wait_any

if TYPE_CHECKING:
    from collections.abc import Iterator

THREADS = 8
ROUNDS = 300


@pytest.fixture(autouse=True)
def fast_switching() -> Iterator[None]:
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


def test_a_mutex_admits_one_thread_at_a_time() -> None:
    mutex = Mutex()
    inside = [0]
    worst = [0]
    total = [0]

    def worker() -> None:
        for _ in range(ROUNDS):
            with mutex:
                inside[0] += 1
                worst[0] = max(worst[0], inside[0])
                value = total[0]
                total[0] = value + 1
                inside[0] -= 1

    threads = [start_thread(worker) for _ in range(THREADS)]
    assert wait_all(threads, 60)
    assert worst[0] == 1
    assert total[0] == THREADS * ROUNDS


def test_semaphore_units_are_each_taken_exactly_once() -> None:
    semaphore = Semaphore(0, THREADS * ROUNDS)
    taken = [0]
    lock = threading.Lock()

    def consumer() -> None:
        for _ in range(ROUNDS):
            assert semaphore.wait(60)
            with lock:
                taken[0] += 1

    def producer() -> None:
        for _ in range(ROUNDS):
            semaphore.release()

    consumers = [start_thread(consumer) for _ in range(THREADS)]
    producers = [start_thread(producer) for _ in range(THREADS)]
    assert wait_all(consumers + producers, 60)
    assert taken[0] == THREADS * ROUNDS
    assert semaphore.statistics().count == 0


def test_wait_all_and_wait_any_on_shared_mutexes_never_deadlock() -> None:
    first, second = Mutex(), Mutex()
    done = [0]
    lock = threading.Lock()

    def both() -> None:
        for _ in range(ROUNDS):
            assert wait_all([first, second], 60)
            assert first.statistics().owner == second.statistics().owner
            second.release()
            first.release()
            with lock:
                done[0] += 1

    def one(mutex: Mutex) -> None:
        for _ in range(ROUNDS):
            result = wait_any([mutex], 60)
            assert result is not None
            mutex.release()
            with lock:
                done[0] += 1

    threads = [start_thread(both) for _ in range(3)]
    threads += [start_thread(one, first), start_thread(one, second)]
    assert wait_all(threads, 60)
    assert done[0] == 5 * ROUNDS


def test_ping_pong_loses_no_signal() -> None:
    ping, pong = Event(), Event()
    count = 2000

    def responder() -> None:
        for _ in range(count):
            assert ping.wait(60)
            pong.set()

    thread = start_thread(responder)
    for _ in range(count):
        ping.set()
        assert pong.wait(60)
    assert thread.wait(60)


def test_manual_event_broadcasts_reach_every_waiter() -> None:
    go = Event(manual_reset=True)
    arrived = Semaphore(0, THREADS)
    threads = [start_thread(lambda: (go.wait(60), arrived.release())) for _ in range(THREADS)]
    go.set()
    for _ in range(THREADS):
        assert arrived.wait(60)
    assert wait_all(threads, 60)


def test_wait_any_over_many_events_sees_every_signal_exactly_once() -> None:
    events = [Event() for _ in range(16)]
    acks = [Event() for _ in events]
    seen = [0] * len(events)
    per_event = 30

    def signaller(index: int) -> None:
        for _ in range(per_event):
            events[index].set()
            assert acks[index].wait(60)  # the consumer took it

    def consumer() -> None:
        for _ in range(per_event * len(events)):
            result = wait_any(events, 60)
            assert result is not None
            seen[result.index] += 1
            acks[result.index].set()

    reader = start_thread(consumer)
    writers = [start_thread(signaller, index) for index in range(len(events))]
    assert wait_all([reader, *writers], 60)
    assert seen == [per_event] * len(events)
