"""A lone waiter is decided in place by release_waiters, as _satisfy decides it.

``release_waiters`` writes out ``_satisfy`` and ``finish`` for an object's only waiter when
its wait is a plain wait-any; these cases check each part of that: the index within the
waiter's set, the object's side effect (auto-reset, count, ownership, abandonment), and an
eager waiter's entries dropped once it is decided.
"""

from __future__ import annotations

import pytest

from apartment.kernel import (
    Event,
    Mutex,
    Semaphore,
    WaitResult,
    start_thread,
    wait_any,
)
from apartment.kernel.lowlevel import KERNEL_LOCK, begin_async_wait, cancel_async_wait
from apartment.testing import wait_until_blocked


@pytest.mark.parametrize("index", [0, 2])
def test_the_index_is_the_objects_place_in_the_waiters_set(index: int) -> None:
    events = (Event(), Event(), Event())
    results: list[WaitResult | None] = []
    t = start_thread(lambda: results.append(wait_any(events)))
    wait_until_blocked(t, on=events[index])
    events[index].set()
    assert t.wait(10)
    assert results == [WaitResult(index)]
    assert not events[index].statistics().signaled  # auto-reset: taken by the waiter


def test_a_semaphore_count_is_taken_once() -> None:
    semaphore = Semaphore(0, 5)
    results: list[WaitResult | None] = []
    t = start_thread(lambda: results.append(wait_any((semaphore,))))
    wait_until_blocked(t, on=semaphore)
    semaphore.release(3)
    assert t.wait(10)
    assert results == [WaitResult(0)]
    assert semaphore.statistics().count == 2


def test_an_abandoned_mutex_goes_to_its_lone_waiter_as_abandoned() -> None:
    mutex, gate, other = Mutex(), Event(manual_reset=True), Event()
    holder = start_thread(lambda: (mutex.wait(), gate.wait()))
    wait_until_blocked(holder, on=gate)
    results: list[WaitResult | None] = []
    owners: list[int | None] = []

    def waiter() -> None:
        results.append(wait_any((other, mutex)))
        owners.append(mutex.statistics().owner)
        mutex.release()

    t = start_thread(waiter)
    wait_until_blocked(t, on=mutex)
    gate.set()  # the holder ends owning the mutex
    assert holder.wait(10)
    assert t.wait(10)
    assert results == [WaitResult(1, abandoned=True)]
    assert owners == [t.native_id]


def test_an_eager_waiter_leaves_no_entry_once_decided() -> None:
    event = Event()
    woken: list[int] = []
    waiter = begin_async_wait((event,), False, lambda: woken.append(1))
    assert not isinstance(waiter, WaitResult)
    event.set()
    assert woken == [1]
    assert waiter.result == WaitResult(0)
    with KERNEL_LOCK:
        assert not event._waiters  # finish() drops an eager waiter's entries
    cancel_async_wait(waiter)  # nothing left to undo but the grant: the event is set again
    assert event.statistics().signaled
