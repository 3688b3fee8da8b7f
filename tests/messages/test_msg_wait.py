"""MsgWaitForMultipleObjects: objects and queue input together (semantics.md §3.6)."""

from __future__ import annotations

import pytest

from apartment.errors import InvalidParameterError
from apartment.kernel import ALERTED, Event, WaitResult, current_thread, queue_apc, start_thread
from apartment.messages import (
    QS_ALLINPUT,
    QS_POSTMESSAGE,
    QS_SENDMESSAGE,
    QS_TIMER,
    WM_USER,
    msg_wait_any,
    peek_message,
    post_thread_message,
    pump_waiting_messages,
    queue_status,
)
from apartment.testing import wait_until_blocked

pytestmark = pytest.mark.usefixtures("empty_queue")


def test_input_returns_one_past_the_last_object() -> None:
    objects = [Event(), Event()]
    post_thread_message(current_thread(), WM_USER)
    assert msg_wait_any(objects, 0) == WaitResult(2)


def test_zero_objects_waits_for_input_only() -> None:
    assert msg_wait_any([], 0) is None
    post_thread_message(current_thread(), WM_USER)
    assert msg_wait_any([], 0) == WaitResult(0)


def test_a_signaled_object_wins_over_input() -> None:
    post_thread_message(current_thread(), WM_USER)
    assert msg_wait_any([Event(initial_state=True)], 0) == WaitResult(0)


def test_it_wakes_when_a_message_is_posted_from_another_thread() -> None:
    results: list[WaitResult | None] = []
    event = Event()

    def waiter() -> None:
        peek_message()
        results.append(msg_wait_any([event], 10))

    thread = start_thread(waiter)
    wait_until_blocked(thread)
    post_thread_message(thread, WM_USER)
    assert thread.wait(10)
    assert results == [WaitResult(1)]


def test_only_input_new_since_the_last_look_wakes_it() -> None:
    post_thread_message(current_thread(), WM_USER)
    assert peek_message(flags=0) is not None  # seen, but left in the queue
    assert msg_wait_any([], 0) is None
    assert msg_wait_any([], 0, input_available=True) == WaitResult(0)


def test_it_does_not_consume_input_until_the_thread_looks() -> None:
    post_thread_message(current_thread(), WM_USER)
    assert msg_wait_any([], 0) == WaitResult(0)
    assert msg_wait_any([], 0) == WaitResult(0)  # it only reports
    assert pump_waiting_messages() is None
    assert msg_wait_any([], 0) is None


def test_the_mask_selects_the_kinds_of_input() -> None:
    post_thread_message(current_thread(), WM_USER)
    assert msg_wait_any([], 0, QS_SENDMESSAGE | QS_TIMER) is None
    assert msg_wait_any([], 0, QS_POSTMESSAGE) == WaitResult(0)


def test_wait_all_needs_every_object_and_input_at_once() -> None:
    event = Event(manual_reset=True, initial_state=True)
    assert msg_wait_any([event], 0, wait_all_objects=True) is None
    post_thread_message(current_thread(), WM_USER)
    assert msg_wait_any([event], 0, wait_all_objects=True) == WaitResult(0)


def test_an_alertable_message_wait_runs_apcs() -> None:
    ran: list[bool] = []
    queue_apc(current_thread(), ran.append, True)
    assert msg_wait_any([], 10, alertable=True) is ALERTED
    assert ran == [True]


def test_at_most_sixty_three_objects() -> None:
    with pytest.raises(InvalidParameterError):
        msg_wait_any([Event() for _ in range(64)], 0)
    assert msg_wait_any([Event() for _ in range(63)], 0) is None


def test_queue_status_reports_and_clears_new_bits() -> None:
    post_thread_message(current_thread(), WM_USER)
    new, present = queue_status(QS_ALLINPUT)
    assert new & QS_POSTMESSAGE
    assert present & QS_POSTMESSAGE
    new, present = queue_status(QS_ALLINPUT)
    assert not new & QS_POSTMESSAGE
    assert present & QS_POSTMESSAGE
    assert msg_wait_any([], 0) is None  # the status call counted as a look
