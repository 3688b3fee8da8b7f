"""Kernel-layer benchmarks: cross-thread wakes through events and wait_any, and fast paths.

Every sample builds fresh objects, so no state leaks from one sample into the next. Loop
bodies are written the way a user would write them, ours and peers alike.
"""

from __future__ import annotations

import _thread
import queue
import threading
from functools import partial
from typing import TYPE_CHECKING

from apartment.kernel import Event, Mutex, Semaphore, start_thread, wait_any

from ._harness import Benchmark, Case, Peer, on_pool, one_thread, two_threads

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

    from ._harness import Loop, Workload

__all__ = ["benchmarks"]

TARGET = 1.2
"""The issue's target for cross-thread wakes: ours/peer <= 1.2."""


# -- cross-thread wakes: each main-loop step is one round trip (one wake each way) ---------------


def _event_ping_pong(timeout: float | None = None) -> tuple[Loop, Loop]:
    ping, pong = Event(), Event()  # auto-reset: a wait consumes the signal

    def main(n: int) -> None:
        for _ in range(n):
            ping.set()
            pong.wait(timeout)

    def partner(n: int) -> None:
        for _ in range(n):
            ping.wait(timeout)
            pong.set()

    return main, partner


def _threading_event_ping_pong(timeout: float | None = None) -> tuple[Loop, Loop]:
    ping, pong = threading.Event(), threading.Event()

    def main(n: int) -> None:
        for _ in range(n):
            ping.set()
            pong.wait(timeout)
            pong.clear()

    def partner(n: int) -> None:
        for _ in range(n):
            ping.wait(timeout)
            ping.clear()
            pong.set()

    return main, partner


def _lock_ping_pong() -> tuple[Loop, Loop]:
    """Two held _thread locks released across threads: the floor of any cross-thread wake."""
    ping, pong = _thread.allocate_lock(), _thread.allocate_lock()
    ping.acquire()
    pong.acquire()

    def main(n: int) -> None:
        for _ in range(n):
            ping.release()
            pong.acquire()

    def partner(n: int) -> None:
        for _ in range(n):
            ping.acquire()
            pong.release()

    return main, partner


def _queue_ping_pong() -> tuple[Loop, Loop]:
    ping: queue.Queue[None] = queue.Queue()
    pong: queue.Queue[None] = queue.Queue()

    def main(n: int) -> None:
        for _ in range(n):
            ping.put(None)
            pong.get()

    def partner(n: int) -> None:
        for _ in range(n):
            ping.get()
            pong.put(None)

    return main, partner


def _nothing() -> None:
    return None


def _executor_round_trip(pool: ThreadPoolExecutor) -> Loop:
    """submit(f).result() on the one-worker pool of :func:`on_pool`."""

    def loop(count: int) -> None:
        for _ in range(count):
            pool.submit(_nothing).result()

    return loop


def _wait_any_fan_in(count: int, index: int) -> Workload:
    """The partner blocks in wait_any over ``count`` auto-reset events; main sets one."""

    def setup() -> tuple[Loop, Loop]:
        events = tuple(Event() for _ in range(count))
        wake, reply = events[index], Event()

        def main(n: int) -> None:
            for _ in range(n):
                wake.set()
                reply.wait()

        def partner(n: int) -> None:
            # The first round trip checks that the waiter sees the index we meant.
            result = wait_any(events)
            if result is None or result.index != index:
                raise AssertionError(f"wait_any returned {result}, expected index {index}")
            reply.set()
            for _ in range(n - 1):
                wait_any(events)
                reply.set()

        return main, partner

    return two_threads(setup)


# -- single-thread fast paths: one uncontended acquire (and release) per step -------------------


def _signaled_event_wait() -> Loop:
    event = Event(manual_reset=True, initial_state=True)

    def loop(n: int) -> None:
        for _ in range(n):
            event.wait()

    return loop


def _threading_set_event_wait() -> Loop:
    event = threading.Event()
    event.set()

    def loop(n: int) -> None:
        for _ in range(n):
            event.wait()

    return loop


def _mutex_wait_release() -> Loop:
    mutex = Mutex()

    def loop(n: int) -> None:
        for _ in range(n):
            mutex.wait()
            mutex.release()

    return loop


def _semaphore_wait_release() -> Loop:
    semaphore = Semaphore(1, 1)

    def loop(n: int) -> None:
        for _ in range(n):
            semaphore.wait()
            semaphore.release()

    return loop


def _acquire_release(make: type[threading.Lock | threading.RLock | threading.Semaphore]) -> Loop:
    lock = make()

    def loop(n: int) -> None:
        for _ in range(n):
            lock.acquire()
            lock.release()

    return loop


def _lock_loop() -> Loop:
    return _acquire_release(threading.Lock)


def _rlock_loop() -> Loop:
    return _acquire_release(threading.RLock)


def _threading_semaphore_loop() -> Loop:
    return _acquire_release(threading.Semaphore)


def _start_thread_join() -> Loop:
    """start_thread(f).wait(), then join the Python thread so none is left behind."""

    def body(box: list[threading.Thread]) -> None:
        box.append(threading.current_thread())

    def loop(n: int) -> None:
        for _ in range(n):
            box: list[threading.Thread] = []
            start_thread(body, box).wait()
            box[0].join()

    return loop


def _threading_start_join() -> Loop:
    def loop(n: int) -> None:
        for _ in range(n):
            thread = threading.Thread(target=_nothing)
            thread.start()
            thread.join()

    return loop


# -- the suite ---------------------------------------------------------------------------------


def benchmarks() -> list[Benchmark]:
    """Return the kernel benchmarks, in the order the tables show them."""
    threading_event = Case("threading.Event", two_threads(_threading_event_ping_pong))
    lock = Case("threading.Lock", one_thread(_lock_loop))
    found = [
        Benchmark(
            "event ping-pong",
            Case("apartment Event", two_threads(_event_ping_pong)),
            [
                Peer(threading_event, TARGET),
                Peer(Case("_thread lock pair (floor)", two_threads(_lock_ping_pong))),
                Peer(Case("queue.Queue", two_threads(_queue_ping_pong))),
                Peer(Case("ThreadPoolExecutor(1)", on_pool(_executor_round_trip))),
            ],
        )
    ]
    found.append(
        Benchmark(  # the timed park: pywin32-style code passes a timeout to every wait
            "event ping-pong, timeout=10s",
            Case("apartment Event", two_threads(partial(_event_ping_pong, 10.0))),
            [Peer(Case("threading.Event", two_threads(partial(_threading_event_ping_pong, 10.0))))],
        )
    )
    for count in (1, 8, 64):
        for index in sorted({0, count - 1}):
            found.append(
                Benchmark(
                    f"wait_any N={count} i={index}",
                    Case("apartment wait_any", _wait_any_fan_in(count, index)),
                    [Peer(threading_event, TARGET)],
                )
            )
    found += [
        Benchmark(
            "signaled manual Event.wait",
            Case("apartment Event", one_thread(_signaled_event_wait)),
            [
                Peer(Case("threading.Event (set)", one_thread(_threading_set_event_wait))),
                Peer(lock),
            ],
            threads=1,
        ),
        Benchmark(
            "Mutex wait+release",
            Case("apartment Mutex", one_thread(_mutex_wait_release)),
            [Peer(lock), Peer(Case("threading.RLock", one_thread(_rlock_loop)))],
            threads=1,
        ),
        Benchmark(
            "Semaphore wait+release",
            Case("apartment Semaphore", one_thread(_semaphore_wait_release)),
            [
                Peer(lock),
                Peer(Case("threading.Semaphore", one_thread(_threading_semaphore_loop))),
            ],
            threads=1,
        ),
        Benchmark(
            "thread start+join",
            Case("apartment start_thread", one_thread(_start_thread_join)),
            [Peer(Case("threading.Thread", one_thread(_threading_start_join)))],
            threads=1,
        ),
    ]
    return found
