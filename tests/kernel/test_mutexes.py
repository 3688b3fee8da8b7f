"""Mutexes: ownership, recursion, abandonment (semantics.md §4.2)."""

from __future__ import annotations

import threading

import pytest

from apartment.errors import NotOwnerError, Win32Error
from apartment.kernel import Event, Mutex, current_thread, start_thread, wait_all, wait_any
from apartment.testing import wait_until_blocked


def test_new_mutex_is_free_unless_created_owned() -> None:
    assert Mutex().statistics().owner is None
    owned = Mutex(initial_owner=True)
    assert owned.statistics().owner == current_thread().native_id
    assert owned.statistics().count == 1
    owned.release()


def test_owner_waits_again_without_blocking_and_releases_as_many_times() -> None:
    mutex = Mutex()
    for level in range(1, 33):
        assert mutex.wait(0)
        assert mutex.statistics().count == level
    for _ in range(32):
        mutex.release()
    assert mutex.statistics().owner is None
    with pytest.raises(NotOwnerError) as caught:
        mutex.release()
    assert caught.value.winerror == 288


def test_release_by_a_thread_that_does_not_own_it_fails_with_not_owner() -> None:
    mutex = Mutex(initial_owner=True)
    errors: list[Win32Error] = []

    def release() -> None:
        try:
            mutex.release()
        except Win32Error as error:
            errors.append(error)

    assert start_thread(release).wait(10)
    assert [error.winerror for error in errors] == [288]
    assert isinstance(errors[0], RuntimeError)
    assert mutex.statistics().count == 1
    mutex.release()


def test_release_of_a_free_mutex_fails_with_not_owner() -> None:
    with pytest.raises(NotOwnerError):
        Mutex().release()


def test_a_waiter_gets_the_mutex_when_the_owner_releases_it() -> None:
    mutex = Mutex(initial_owner=True)
    got = Event(manual_reset=True)

    def take() -> None:
        assert mutex.wait(10)
        got.set()
        mutex.release()

    waiter = start_thread(take)
    wait_until_blocked(waiter, on=mutex)
    assert not got.is_set()
    mutex.release()
    assert waiter.wait(10)
    assert got.is_set()


def test_owner_ending_abandons_the_mutex_and_the_next_wait_reports_it() -> None:
    mutex = Mutex()
    assert start_thread(mutex.wait).wait(10)
    stats = mutex.statistics()
    assert (stats.owner, stats.abandoned) == (None, True)
    result = mutex.wait(0)
    assert result is not None and result.abandoned and result.index == 0
    assert mutex.statistics().count == 1  # a fresh count, whatever the old owner held
    mutex.release()
    again = mutex.wait(0)
    assert again is not None and not again.abandoned
    mutex.release()


def test_abandonment_gives_a_fresh_count_of_one() -> None:
    mutex = Mutex()

    def hold_three_times() -> None:
        for _ in range(3):
            mutex.wait()

    assert start_thread(hold_three_times).wait(10)
    result = mutex.wait(0)
    assert result is not None and result.abandoned
    assert mutex.statistics().count == 1
    mutex.release()
    assert mutex.statistics().owner is None


def test_a_blocked_waiter_is_woken_with_abandoned_when_the_owner_ends() -> None:
    mutex = Mutex()
    release_owner = Event()
    results: list[object] = []

    def owner() -> None:
        mutex.wait()
        release_owner.wait()

    def waiter() -> None:
        results.append(mutex.wait(10))
        mutex.release()

    owner_thread = start_thread(owner)
    wait_until_blocked(owner_thread, on=release_owner)
    waiter_thread = start_thread(waiter)
    wait_until_blocked(waiter_thread, on=mutex)
    release_owner.set()
    assert waiter_thread.wait(10)
    assert len(results) == 1
    result = results[0]
    assert result is not None and result.abandoned  # type: ignore[attr-defined]


def test_a_plain_threading_thread_abandons_the_mutexes_it_held() -> None:
    mutex = Mutex()
    thread = threading.Thread(target=mutex.wait)
    thread.start()
    thread.join()
    result = mutex.wait(0)
    assert result is not None and result.abandoned
    mutex.release()


def test_wait_any_reports_abandoned_with_its_index() -> None:
    mutex = Mutex()
    assert start_thread(mutex.wait).wait(10)
    result = wait_any([Event(), Event(), mutex], 0)
    assert result is not None and (result.index, result.abandoned) == (2, True)
    mutex.release()


def test_wait_all_reports_abandoned_at_index_zero() -> None:
    mutex = Mutex()
    assert start_thread(mutex.wait).wait(10)
    result = wait_all([Event(initial_state=True), mutex], 0)
    assert result is not None and (result.index, result.abandoned) == (0, True)
    mutex.release()


def test_mutex_is_a_context_manager() -> None:
    mutex = Mutex()
    with mutex:
        assert mutex.statistics().owner == current_thread().native_id
    assert mutex.statistics().owner is None


def test_acquire_returns_false_on_timeout_like_threading() -> None:
    mutex = Mutex(initial_owner=True)
    results: list[bool] = []
    assert start_thread(lambda: results.append(mutex.acquire(0))).wait(10)
    assert results == [False]
    mutex.release()
