"""Events: auto and manual reset, set, reset, pulse (semantics.md §4.1)."""

from __future__ import annotations

from apartment.kernel import Event, start_thread, wait_any
from apartment.testing import wait_until_blocked


def test_new_event_is_nonsignaled_unless_asked() -> None:
    assert Event().wait(0) is None
    assert Event(initial_state=True).wait(0)


def test_auto_reset_event_resets_when_a_wait_takes_it() -> None:
    event = Event(initial_state=True)
    assert event.wait(0)
    assert event.wait(0) is None
    assert not event.is_set()


def test_manual_reset_event_stays_set_until_reset() -> None:
    event = Event(manual_reset=True, initial_state=True)
    assert event.wait(0)
    assert event.wait(0)
    event.reset()
    assert event.wait(0) is None


def test_set_on_a_set_event_is_a_no_op() -> None:
    event = Event()
    event.set()
    event.set()
    assert event.wait(0)
    assert event.wait(0) is None


def test_auto_reset_set_releases_exactly_one_waiter_fifo() -> None:
    event = Event()
    first = start_thread(event.wait, 10.0)
    wait_until_blocked(first, on=event)
    second = start_thread(event.wait, 10.0)
    wait_until_blocked(second, on=event)
    event.set()
    assert first.wait(10)
    assert event.statistics().threads_waiting == 1
    assert not event.is_set()  # the release consumed the set
    event.set()
    assert second.wait(10)


def test_auto_reset_set_with_no_waiter_stays_set_for_the_next_wait() -> None:
    event = Event()
    event.set()
    waiter = start_thread(event.wait, 10.0)
    assert waiter.wait(10)
    assert waiter.exit_code == 0
    assert not event.is_set()


def test_manual_reset_set_releases_every_waiter() -> None:
    event = Event(manual_reset=True)
    waiters = [start_thread(event.wait, 10.0) for _ in range(3)]
    for waiter in waiters:
        wait_until_blocked(waiter, on=event)
    event.set()
    for waiter in waiters:
        assert waiter.wait(10)
    assert event.is_set()


def test_pulse_releases_the_waiters_of_that_instant_and_leaves_it_nonsignaled() -> None:
    event = Event(manual_reset=True)
    waiters = [start_thread(event.wait, 10.0) for _ in range(2)]
    for waiter in waiters:
        wait_until_blocked(waiter, on=event)
    event.pulse()
    for waiter in waiters:
        assert waiter.wait(10)
    assert not event.is_set()
    assert event.wait(0) is None


def test_pulse_of_an_auto_reset_event_releases_at_most_one() -> None:
    event = Event()
    waiters = []
    for _ in range(2):  # one at a time: FIFO order is the order the waits began
        waiters.append(start_thread(event.wait, 10.0))
        wait_until_blocked(waiters[-1], on=event)
    event.pulse()
    assert waiters[0].wait(10)
    assert event.statistics().threads_waiting == 1
    assert not event.is_set()
    event.set()
    assert waiters[1].wait(10)


def test_pulse_with_no_waiter_leaves_the_event_nonsignaled() -> None:
    event = Event(initial_state=True)
    event.pulse()
    assert event.wait(0) is None


def test_pulse_releases_a_wait_all_waiter_only_if_its_other_objects_are_ready() -> None:
    from apartment.kernel import wait_all

    pulsed, other = Event(manual_reset=True), Event(manual_reset=True)
    waiter = start_thread(wait_all, [pulsed, other], 10.0)
    wait_until_blocked(waiter, on=pulsed)
    pulsed.pulse()
    assert waiter.wait(0) is None  # `other` was not ready at that instant
    other.set()
    pulsed.set()
    assert waiter.wait(10)


def test_statistics_report_state_kind_and_waiters() -> None:
    event = Event(manual_reset=True)
    stats = event.statistics()
    assert (stats.threads_waiting, stats.signaled, stats.manual_reset) == (0, False, True)
    waiter = start_thread(wait_any, [event], 10.0)
    wait_until_blocked(waiter, on=event)
    assert event.statistics().threads_waiting == 1
    event.set()
    assert waiter.wait(10)
    assert event.statistics().threads_waiting == 0
