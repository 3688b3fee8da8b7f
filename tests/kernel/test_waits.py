"""The wait engine: wait_any, wait_all, signal_and_wait, timeouts (semantics.md §3)."""

from __future__ import annotations

import pytest

from apartment.errors import (
    InvalidHandleError,
    InvalidParameterError,
    NotOwnerError,
    TooManyPostsError,
)
from apartment.kernel import (
    Event,
    Mutex,
    Semaphore,
    WaitResult,
    signal_and_wait,
    start_thread,
    wait_all,
    wait_any,
)
from apartment.testing import FakeClock, wait_until_blocked

# -- wait_any ---------------------------------------------------------------------------------


def test_wait_any_reports_the_lowest_index_among_ready_objects() -> None:
    events = [Event(), Event(initial_state=True), Event(initial_state=True)]
    assert wait_any(events, 0) == WaitResult(1)
    # only that object was acquired
    assert not events[1].is_set()
    assert events[2].is_set()


def test_wait_any_is_woken_by_the_object_that_becomes_ready() -> None:
    events = [Event() for _ in range(64)]
    results: list[WaitResult | None] = []
    waiter = start_thread(lambda: results.append(wait_any(events, 10.0)))
    wait_until_blocked(waiter, on=events[37])
    events[37].set()
    assert waiter.wait(10)
    assert results == [WaitResult(37)]
    assert all(event.statistics().threads_waiting == 0 for event in events)


def test_wait_any_allows_duplicates_and_reports_the_first_position() -> None:
    event = Event()
    other = Event()
    results: list[WaitResult | None] = []
    waiter = start_thread(lambda: results.append(wait_any([other, event, event], 10.0)))
    wait_until_blocked(waiter, on=event)
    event.set()
    assert waiter.wait(10)
    assert results == [WaitResult(1)]


def test_wait_any_times_out_with_none_and_takes_nothing() -> None:
    semaphore = Semaphore(0, 1)
    assert wait_any([semaphore, Event()], 0.01) is None
    semaphore.release()
    assert semaphore.statistics().count == 1


@pytest.mark.parametrize("count", [0, 65])
def test_wait_takes_one_to_sixty_four_objects(count: int) -> None:
    objects = [Event() for _ in range(count)]
    for wait in (wait_any, wait_all):
        with pytest.raises(InvalidParameterError) as caught:
            wait(objects, 0)
        assert caught.value.winerror == 87


def test_wait_accepts_exactly_sixty_four_objects() -> None:
    objects = [Event() for _ in range(63)] + [Event(initial_state=True)]
    assert wait_any(objects, 0) == WaitResult(63)


@pytest.mark.parametrize("bad", [None, 3, "event", object()])
def test_wait_refuses_what_is_not_a_kernel_object(bad: object) -> None:
    with pytest.raises(TypeError):
        wait_any([Event(), bad], 0)  # type: ignore[list-item]


def test_wait_refuses_a_string_of_objects() -> None:
    with pytest.raises(TypeError):
        wait_any("abc", 0)  # type: ignore[arg-type]


@pytest.mark.parametrize("timeout", [-1, -0.5, float("nan")])
def test_negative_timeout_is_a_value_error(timeout: float) -> None:
    with pytest.raises(ValueError, match="timeout"):
        Event().wait(timeout)


def test_timeout_must_be_a_number() -> None:
    with pytest.raises(TypeError):
        wait_any([Event()], "1")  # type: ignore[arg-type]


def test_infinite_timeout_means_forever() -> None:
    event = Event(initial_state=True)
    assert event.wait(float("inf"))


# -- wait_all ---------------------------------------------------------------------------------


def test_wait_all_returns_index_zero_when_all_are_ready() -> None:
    objects = [Event(initial_state=True), Semaphore(1, 1), Mutex()]
    assert wait_all(objects, 0) == WaitResult(0)
    objects[2].release()  # type: ignore[attr-defined]


def test_wait_all_takes_nothing_until_all_are_ready() -> None:
    mutex, event = Mutex(), Event(manual_reset=True)
    waiter = start_thread(wait_all, [mutex, event], 10.0)
    wait_until_blocked(waiter, on=event)
    assert mutex.statistics().owner is None
    # another thread can still take the mutex meanwhile
    took: list[bool] = []

    def take_and_release() -> None:
        took.append(mutex.wait(0) is not None)
        mutex.release()

    assert start_thread(take_and_release).wait(10)
    assert took == [True]
    event.set()
    assert waiter.wait(10)


def test_wait_all_that_times_out_takes_nothing() -> None:
    semaphore = Semaphore(1, 1)
    assert wait_all([semaphore, Event()], 0.01) is None
    assert semaphore.statistics().count == 1


def test_wait_all_acquires_every_object_atomically() -> None:
    semaphore, auto = Semaphore(1, 1), Event()
    waiter = start_thread(wait_all, [semaphore, auto], 10.0)
    wait_until_blocked(waiter, on=auto)
    auto.set()
    assert waiter.wait(10)
    assert semaphore.statistics().count == 0
    assert not auto.is_set()


def test_wait_all_refuses_the_same_object_twice() -> None:
    event = Event(initial_state=True)
    with pytest.raises(InvalidParameterError) as caught:
        wait_all([event, event], 0)
    assert caught.value.winerror == 87
    assert event.is_set()


def test_wait_all_refuses_the_same_tuple_with_a_repeat_after_wait_any_took_it() -> None:
    # wait_any allows repeats; the thread remembers the tuple it checked, and wait_all must
    # still refuse it.
    event = Event(initial_state=True, manual_reset=True)
    objects = (event, event)
    assert wait_any(objects, 0) == WaitResult(0)
    with pytest.raises(InvalidParameterError) as caught:
        wait_all(objects, 0)
    assert caught.value.winerror == 87


def test_wait_all_refuses_a_shared_object_twice() -> None:
    from apartment.kernel import publish

    event = Event(initial_state=True)
    publish(event)
    with pytest.raises(InvalidParameterError) as caught:
        wait_all([event, event], 0)
    assert caught.value.winerror == 87
    assert event.is_set()


def test_wait_all_does_not_reserve_objects_for_itself() -> None:
    semaphore, gate = Semaphore(0, 1), Event(manual_reset=True)
    all_waiter = start_thread(wait_all, [semaphore, gate], 10.0)
    wait_until_blocked(all_waiter, on=gate)
    any_waiter = start_thread(semaphore.wait, 10.0)
    wait_until_blocked(any_waiter, on=semaphore)
    semaphore.release()  # the wait-all waiter is first in line but cannot use it
    assert any_waiter.wait(10)
    gate.set()
    semaphore.release()
    assert all_waiter.wait(10)


def test_wait_all_owner_of_a_mutex_counts_it_as_ready() -> None:
    mutex = Mutex(initial_owner=True)
    assert wait_all([mutex, Event(initial_state=True)], 0) == WaitResult(0)
    assert mutex.statistics().count == 2
    mutex.release()
    mutex.release()


# -- signal_and_wait --------------------------------------------------------------------------


def test_signal_and_wait_signals_then_waits() -> None:
    signal, wait_on = Event(), Event()
    results: list[WaitResult | None] = []

    def other() -> None:
        assert signal.wait(10)
        wait_on.set()

    helper = start_thread(other)
    results.append(signal_and_wait(signal, wait_on, 10.0))
    assert helper.wait(10)
    assert results == [WaitResult(0)]


def test_signal_and_wait_on_the_same_auto_event_consumes_it() -> None:
    event = Event()
    assert signal_and_wait(event, event, 0) == WaitResult(0)
    assert not event.is_set()


def test_signal_and_wait_times_out_but_the_signal_stays_done() -> None:
    signal = Event(manual_reset=True)
    assert signal_and_wait(signal, Event(), 0.01) is None
    assert signal.is_set()


def test_signal_and_wait_releases_a_mutex_it_owns() -> None:
    mutex = Mutex(initial_owner=True)
    assert signal_and_wait(mutex, Event(initial_state=True), 0) == WaitResult(0)
    assert mutex.statistics().owner is None


def test_signal_and_wait_with_a_mutex_it_does_not_own_waits_for_nothing() -> None:
    target = Event(initial_state=True)
    with pytest.raises(NotOwnerError):
        signal_and_wait(Mutex(), target, 0)
    assert target.is_set()


def test_signal_and_wait_past_a_semaphore_maximum_waits_for_nothing() -> None:
    target = Event(initial_state=True)
    with pytest.raises(TooManyPostsError):
        signal_and_wait(Semaphore(1, 1), target, 0)
    assert target.is_set()


def test_signal_and_wait_signals_only_events_mutexes_and_semaphores() -> None:
    from apartment.kernel import current_thread

    with pytest.raises(InvalidHandleError):
        signal_and_wait(current_thread(), Event(), 0)


# -- timeouts through the clock ---------------------------------------------------------------


def test_a_wait_times_out_when_the_fake_clock_passes_its_deadline() -> None:
    event = Event()
    with FakeClock() as clock:
        waiter = start_thread(event.wait, 5.0)
        wait_until_blocked(waiter, on=event)
        clock.advance(4.999)
        assert waiter.is_alive()
        clock.advance(0.001)
        assert waiter.wait(10)
    assert event.statistics().threads_waiting == 0


def test_a_wait_satisfied_before_its_deadline_is_not_timed_out_later() -> None:
    event = Event()
    results: list[WaitResult | None] = []
    with FakeClock() as clock:
        waiter = start_thread(lambda: results.append(event.wait(5.0)))
        wait_until_blocked(waiter, on=event)
        event.set()
        assert waiter.wait(10)
        clock.advance(10)
    assert results == [WaitResult(0)]
