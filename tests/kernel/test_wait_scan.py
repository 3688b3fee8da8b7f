"""A wait-any on a large set remembers where its scan stopped, and keeps every rule.

A thread that waits on the same objects again starts the scan where the last one found its
object (``_core._scan_any``): the objects before it were not ready then, and nothing has
announced since that one of them became ready. Each test here makes an object before the
remembered one ready in one of the ways there are, and checks that the lowest index still
wins (semantics.md §3: WaitForMultipleObjects reports the lowest ready index).
"""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING

import pytest

from apartment.kernel import (
    Event,
    Mutex,
    Semaphore,
    Waitable,
    WaitableTimer,
    WaitResult,
    publish,
    start_process,
    start_thread,
    wait_any,
)
from apartment.kernel.lowlevel import KERNEL_LOCK
from apartment.testing import FakeClock, wait_until_blocked

if TYPE_CHECKING:
    from collections.abc import Callable

SIZE = 64


def _events(last_set: bool = True) -> tuple[Event, ...]:
    """64 manual-reset events, the last one set: every scan finds it, at index 63."""
    events = tuple(Event(manual_reset=True) for _ in range(SIZE))
    if last_set:
        events[-1].set()
    return events


def _remember(objects: tuple[Waitable, ...], index: int | None = SIZE - 1) -> None:
    """Wait three times on the same tuple: the second full scan is remembered, the third uses it."""
    for _ in range(3):
        assert wait_any(objects, 0) == (None if index is None else WaitResult(index))


def _scan_after(objects: tuple[Waitable, ...], change: Callable[[], object]) -> WaitResult | None:
    """Remember a scan on a thread of its own, run ``change()`` here, then wait there again.

    The scanning thread blocks on a ``threading.Event`` meanwhile: a kernel wait of its own
    on anything else would end its remembered scan, and the test would prove nothing. This
    thread may wait on what it likes.
    """
    remembered, go = threading.Event(), threading.Event()
    results: list[WaitResult | None] = []

    def scan() -> None:
        _remember(objects)
        remembered.set()
        go.wait(10)
        results.append(wait_any(objects, 0))

    scanner = threading.Thread(target=scan)
    scanner.start()
    try:
        assert remembered.wait(10)
        change()
    finally:
        go.set()
        scanner.join(10)
    assert len(results) == 1, "the scanning thread failed"
    return results[0]


def _with(objects: tuple[Waitable, ...], index: int, obj: Waitable) -> tuple[Waitable, ...]:
    return (*objects[:index], obj, *objects[index + 1 :])


def test_an_event_set_before_the_remembered_one_wins() -> None:
    events = _events()
    _remember(events)
    events[5].set()
    assert wait_any(events, 0) == WaitResult(5)
    events[5].reset()
    assert wait_any(events, 0) == WaitResult(SIZE - 1)
    events[0].set()
    assert wait_any(events, 0) == WaitResult(0)


def test_an_event_set_by_another_thread_before_the_remembered_one_wins() -> None:
    events = _events()
    assert _scan_after(events, lambda: start_thread(events[5].set).wait(10)) == WaitResult(5)


def test_a_pulse_before_the_remembered_one_is_seen_by_nobody_but_leaves_it_right() -> None:
    events = _events()
    _remember(events)
    events[3].pulse()  # nobody pending: no effect, and the set is not ready there after it
    assert wait_any(events, 0) == WaitResult(SIZE - 1)
    events[3].set()
    assert wait_any(events, 0) == WaitResult(3)


def test_when_none_was_ready_the_first_one_set_after_wins() -> None:
    events = _events(last_set=False)
    _remember(events, None)
    events[40].set()
    assert wait_any(events, 0) == WaitResult(40)
    events[2].set()
    assert wait_any(events, 0) == WaitResult(2)


def test_the_remembered_object_taken_by_another_thread_is_looked_past() -> None:
    auto = Event()  # auto-reset: a wait takes it
    objects = _with(_events(last_set=False), 30, auto)
    for _ in range(3):  # remembered at 30 on the second
        auto.set()
        assert wait_any(objects, 0) == WaitResult(30)
    auto.set()
    assert start_thread(auto.wait, 0).wait(10)  # someone else takes it
    assert wait_any(objects, 0) is None
    objects[50].set()  # type: ignore[attr-defined]
    assert wait_any(objects, 0) == WaitResult(50)
    objects[10].set()  # type: ignore[attr-defined]
    assert wait_any(objects, 0) == WaitResult(10)


def test_a_semaphore_released_before_the_remembered_one_wins() -> None:
    semaphore = Semaphore(0, 2)
    objects = _with(_events(), 7, semaphore)
    _remember(objects)
    semaphore.release()
    assert wait_any(objects, 0) == WaitResult(7)
    assert semaphore.statistics().count == 0
    objects = _with(_events(), 7, semaphore)
    release = lambda: start_thread(semaphore.release).wait(10)  # noqa: E731
    assert _scan_after(objects, release) == WaitResult(7)


@pytest.mark.parametrize("then", ["release", "end"])
def test_a_mutex_released_or_abandoned_before_the_remembered_one_wins(then: str) -> None:
    mutex = Mutex()
    holding, release = Event(manual_reset=True), Event(manual_reset=True)

    def hold() -> None:
        mutex.wait()
        holding.set()
        release.wait()
        if then == "release":
            mutex.release()

    owner = start_thread(hold)
    assert holding.wait(10)
    objects = _with(_events(), 4, mutex)

    def let_go() -> None:
        release.set()
        assert owner.wait(10)

    assert _scan_after(objects, let_go) == WaitResult(4, abandoned=then == "end")


def test_a_mutex_this_thread_owns_is_ready_for_it_whatever_was_remembered() -> None:
    mutex = Mutex()
    objects = _with(_events(), 4, mutex)
    taken = start_thread(mutex.wait)  # another thread owns it, then ends: abandoned
    assert taken.wait(10)
    assert wait_any(objects, 0) == WaitResult(4, abandoned=True)
    for _ in range(3):
        assert wait_any(objects, 0) == WaitResult(4)  # recursively, the owner
    for _ in range(4):
        mutex.release()
    assert wait_any(objects, 0) == WaitResult(4)
    mutex.release()  # the test's thread owns nothing after it (it runs the next tests)


def test_a_timer_that_expires_before_the_remembered_one_wins() -> None:
    with FakeClock() as clock:
        timer = WaitableTimer(manual_reset=True)
        objects = _with(_events(), 12, timer)
        timer.set(1.0)
        _remember(objects)
        clock.advance(1.0)
        assert wait_any(objects, 0) == WaitResult(12)


def test_a_thread_that_ends_before_the_remembered_one_wins() -> None:
    go = Event()
    thread = start_thread(go.wait, 10.0)
    objects = _with(_events(), 20, thread)

    def end() -> None:
        go.set()
        assert thread.wait(10)

    assert _scan_after(objects, end) == WaitResult(20)


def test_a_process_that_ends_before_the_remembered_one_wins() -> None:
    process = start_process([sys.executable, "-c", "import time; time.sleep(60)"])
    objects = _with(_events(), 9, process)

    def end() -> None:
        process.terminate(1)
        assert process.wait(10)

    try:
        assert _scan_after(objects, end) == WaitResult(9)
    finally:
        if process.wait(0) is None:
            process.terminate(1)


class _Quiet(Waitable):
    """A kind that becomes ready without announcing it (as a message queue's input does)."""

    __slots__ = ()

    def _take(self, thread: object) -> bool:
        return False


def test_a_set_with_a_kind_that_does_not_announce_is_scanned_in_full() -> None:
    quiet = _Quiet()
    objects = _with(_events(), 6, quiet)
    _remember(objects)
    with KERNEL_LOCK:
        quiet._ready = True  # no release_waiters: nothing tells a remembered scan
    assert wait_any(objects, 0) == WaitResult(6)


def test_a_set_remembered_then_waited_on_until_it_times_out_keeps_the_lowest_index() -> None:
    events = _events(last_set=False)
    _remember(events, None)
    assert wait_any(events, 0.001) is None  # parks, registered already, and times out
    events[8].set()
    assert wait_any(events, 0) == WaitResult(8)


def test_a_wait_that_parked_then_waits_again_keeps_the_lowest_index() -> None:
    events = tuple(Event() for _ in range(SIZE))  # auto-reset
    gates = (Event(), Event())
    results: list[WaitResult | None] = []

    def waits() -> None:
        results.append(wait_any(events, 10.0))  # parks
        gates[0].wait(10)
        results.extend(wait_any(events, 0) for _ in range(3))  # remembered on the second
        gates[1].wait(10)
        results.append(wait_any(events, 0))

    waiter = start_thread(waits)
    wait_until_blocked(waiter, on=events[33])
    events[33].set()
    wait_until_blocked(waiter, on=gates[0])
    events[50].set()
    gates[0].set()
    wait_until_blocked(waiter, on=gates[1])
    events[1].set()
    gates[1].set()
    assert waiter.wait(10)
    assert results == [WaitResult(33), WaitResult(50), None, None, WaitResult(1)]


def test_a_remembered_set_made_shared_goes_to_the_shared_engine() -> None:
    events = _events()
    _remember(events)
    publish(events[2])
    events[2].set()
    assert wait_any(events, 0) == WaitResult(2)
