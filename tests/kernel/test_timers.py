"""Waitable timers on the fake clock: due times, periods, cancel, APCs (semantics.md §4.4)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from apartment.errors import InvalidParameterError
from apartment.kernel import ALERTED, WaitableTimer, sleep, start_thread
from apartment.testing import FakeClock, wait_until_blocked

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def clock() -> Iterator[FakeClock]:
    with FakeClock() as fake:
        yield fake


def test_a_new_timer_is_inactive_and_nonsignaled(clock: FakeClock) -> None:
    timer = WaitableTimer()
    stats = timer.statistics()
    assert (stats.signaled, stats.active) == (False, False)
    clock.advance(3600)
    assert timer.wait(0) is None


def test_a_relative_due_time_signals_when_it_passes(clock: FakeClock) -> None:
    timer = WaitableTimer(manual_reset=True)
    timer.set(2.0)
    clock.advance(1.999)
    assert not timer.is_set()
    clock.advance(0.001)
    assert timer.is_set()


def test_an_absolute_due_time_is_read_against_the_wall_clock(clock: FakeClock) -> None:
    timer = WaitableTimer(manual_reset=True)
    due = dt.datetime.fromtimestamp(clock.wall() + 10, tz=dt.timezone.utc)
    timer.set(due)
    clock.advance(9.5)
    assert not timer.is_set()
    clock.advance(0.5)
    assert timer.is_set()


def test_a_due_time_already_past_signals_at_once(clock: FakeClock) -> None:
    timer = WaitableTimer(manual_reset=True)
    timer.set(dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))
    assert timer.is_set()
    timer.set(0)
    assert timer.is_set()


def test_a_manual_timer_stays_signaled_for_every_wait(clock: FakeClock) -> None:
    timer = WaitableTimer(manual_reset=True)
    timer.set(1)
    clock.advance(1)
    assert timer.wait(0)
    assert timer.wait(0)


def test_a_synchronization_timer_releases_one_wait_and_resets(clock: FakeClock) -> None:
    timer = WaitableTimer()
    timer.set(1)
    clock.advance(1)
    assert timer.wait(0)
    assert timer.wait(0) is None


def test_a_waiting_thread_is_released_at_the_due_time(clock: FakeClock) -> None:
    timer = WaitableTimer()
    waiter = start_thread(timer.wait, None)
    wait_until_blocked(waiter, on=timer)
    timer.set(5)
    clock.advance(5)
    assert waiter.wait(10)
    assert not timer.is_set()


def test_rearming_with_a_future_due_time_makes_it_nonsignaled(clock: FakeClock) -> None:
    for manual in (True, False):
        timer = WaitableTimer(manual_reset=manual)
        timer.set(0)
        assert timer.is_set()
        timer.set(10)
        assert not timer.is_set()  # both kinds, as the NT kernel does (semantics.md §10 #8)


def test_cancel_stops_the_schedule_and_keeps_the_state(clock: FakeClock) -> None:
    timer = WaitableTimer(manual_reset=True)
    timer.set(1, period=1)
    clock.advance(1)
    timer.cancel()
    assert timer.is_set()
    assert not timer.statistics().active
    timer.set(5)
    timer.cancel()
    clock.advance(10)
    assert not timer.is_set()


def test_a_periodic_timer_fires_every_period(clock: FakeClock) -> None:
    timer = WaitableTimer()
    timer.set(1, period=2)
    fired: list[bool] = []
    for _ in range(4):
        clock.advance(1 if not fired else 2)
        fired.append(timer.wait(0) is not None)
    assert fired == [True, True, True, True]
    clock.advance(1.5)
    assert timer.wait(0) is None
    timer.cancel()


def test_a_negative_period_fails_with_invalid_parameter(clock: FakeClock) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        WaitableTimer().set(1, period=-1)
    assert caught.value.winerror == 87


def test_a_negative_relative_due_time_is_a_value_error(clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="due time"):
        WaitableTimer().set(-1)


def test_the_completion_routine_runs_as_an_apc_of_the_setting_thread(clock: FakeClock) -> None:
    timer = WaitableTimer()
    calls: list[str] = []
    timer.set(1, calls.append, "fired")
    clock.advance(1)
    assert calls == []  # it waits for an alertable wait of this thread
    assert sleep(0, alertable=True) is True
    assert calls == ["fired"]


def test_a_periodic_completion_routine_queues_once_per_period(clock: FakeClock) -> None:
    timer = WaitableTimer()
    calls: list[int] = []
    timer.set(1, calls.append, 1, period=1)
    clock.advance(3)
    timer.cancel()
    assert calls == []
    sleep(0, alertable=True)
    assert calls == []  # cancel dropped the APCs that were still queued
    timer.set(1, calls.append, 2, period=1)
    clock.advance(3)
    sleep(0, alertable=True)
    assert calls == [2, 2, 2]
    timer.cancel()


def test_an_alertable_wait_on_the_timer_reports_the_apc(clock: FakeClock) -> None:
    timer = WaitableTimer(manual_reset=True)
    calls: list[bool] = []
    timer.set(1, calls.append, True)
    clock.advance(1)
    assert timer.wait(0, alertable=True)  # the object first
    assert timer.wait(0, alertable=True)
    assert WaitableTimer().wait(0, alertable=True) is ALERTED
    assert calls == [True]


def test_the_real_clock_fires_a_timer_on_its_service_thread() -> None:
    timer = WaitableTimer()
    timer.set(0.01)
    assert timer.wait(10)
