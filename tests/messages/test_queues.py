"""Per-thread queues: creation, posting, retrieval order, filters, limits (§6.1-6.2)."""

from __future__ import annotations

import threading

import pytest

from apartment.errors import InvalidThreadIdError, NotEnoughQuotaError
from apartment.kernel import Event, current_thread, start_thread
from apartment.kernel.lowlevel import KERNEL_LOCK, wake_all
from apartment.messages import (
    PM_NOREMOVE,
    PM_QS_SENDMESSAGE,
    PM_REMOVE,
    POSTED_MESSAGE_LIMIT,
    WM_APP,
    WM_PAINT,
    WM_QUIT,
    WM_TIMER,
    WM_USER,
    create_window,
    current_queue,
    def_window_proc,
    destroy_window,
    get_message,
    msg_wait_any,
    peek_message,
    post_message,
    post_quit_message,
    post_thread_message,
    queue_of,
    queue_status,
    register_class,
    register_window_message,
    send_message,
    set_timer,
    unregister_class,
)
from apartment.messages.lowlevel import make_message
from apartment.testing import FakeClock, wait_until_blocked

from ._helpers import Pumper, drain

pytestmark = pytest.mark.usefixtures("empty_queue")


def test_a_thread_without_a_queue_cannot_be_posted_to() -> None:
    gate, created = Event(), Event()

    def body() -> None:
        gate.wait()
        peek_message()
        created.set()
        gate.wait()

    thread = start_thread(body)
    wait_until_blocked(thread, on=gate)
    with pytest.raises(InvalidThreadIdError) as caught:
        post_thread_message(thread, WM_USER)
    assert caught.value.winerror == 1444
    gate.set()
    assert created.wait(10)
    wait_until_blocked(thread, on=gate)
    post_thread_message(thread, WM_USER)  # now it has a queue
    gate.set()
    assert thread.wait(10)


def test_posting_to_an_unknown_thread_id_is_invalid_thread_id() -> None:
    with pytest.raises(InvalidThreadIdError):
        post_thread_message(0x7FFFFFFF, WM_USER)


def test_posted_messages_arrive_in_fifo_order() -> None:
    me = threading.get_native_id()
    for n in range(5):
        post_thread_message(me, WM_USER + n, n, -n)
    got = [peek_message(flags=PM_REMOVE) for _ in range(5)]
    assert [(m.message, m.wparam, m.lparam) for m in got if m] == [
        (WM_USER + n, n, -n) for n in range(5)
    ]
    assert got[0] is not None and got[0].hwnd == 0
    assert peek_message() is None


def test_peek_without_remove_leaves_the_message() -> None:
    post_thread_message(current_thread(), WM_USER, 1)
    first = peek_message(flags=PM_NOREMOVE)
    again = peek_message(flags=PM_REMOVE)
    assert first == again
    assert peek_message() is None


def test_a_range_filter_skips_other_messages_but_keeps_them() -> None:
    me = current_thread()
    post_thread_message(me, WM_USER)
    post_thread_message(me, WM_APP)
    message = peek_message(None, WM_APP, WM_APP, PM_REMOVE)
    assert message is not None and message.message == WM_APP
    rest = peek_message(flags=PM_REMOVE)
    assert rest is not None and rest.message == WM_USER


def test_hwnd_minus_one_retrieves_thread_messages_only() -> None:
    register_class("queue-test-thread-only", def_window_proc)
    try:
        window = create_window("queue-test-thread-only")
        post_message(window.hwnd, WM_USER + 1)
        post_thread_message(current_thread(), WM_USER + 2)
        message = peek_message(-1, 0, 0, PM_REMOVE)
        assert message is not None and (message.hwnd, message.message) == (0, WM_USER + 2)
        message = peek_message(window.hwnd, 0, 0, PM_REMOVE)
        assert message is not None and message.message == WM_USER + 1
        window.destroy()
    finally:
        unregister_class("queue-test-thread-only")


def test_wm_quit_comes_after_the_posted_messages() -> None:
    post_quit_message(7)
    post_thread_message(current_thread(), WM_USER)
    first = get_message()
    second = get_message()
    assert (first.message, second.message, second.wparam) == (WM_USER, WM_QUIT, 7)
    assert peek_message() is None  # retrieving WM_QUIT cleared it


def test_wm_quit_ignores_the_range_filter() -> None:
    post_quit_message(3)
    post_thread_message(current_thread(), WM_APP)
    message = peek_message(None, WM_USER, WM_USER, PM_REMOVE)
    assert message is not None and (message.message, message.wparam) == (WM_QUIT, 3)
    leftover = peek_message(flags=PM_REMOVE)
    assert leftover is not None and leftover.message == WM_APP


def test_posting_wm_quit_makes_an_ordinary_posted_message() -> None:
    me = current_thread()
    post_thread_message(me, WM_QUIT, 5)
    post_thread_message(me, WM_USER)
    assert get_message().message == WM_QUIT
    assert get_message().message == WM_USER


def test_the_queue_holds_at_most_ten_thousand_posted_messages() -> None:
    me = current_thread()
    for _ in range(POSTED_MESSAGE_LIMIT):
        post_thread_message(me, WM_USER)
    with pytest.raises(NotEnoughQuotaError) as caught:
        post_thread_message(me, WM_USER)
    assert caught.value.winerror == 1816
    assert not KERNEL_LOCK.locked()  # the refused post let go of the lock
    assert peek_message(flags=PM_REMOVE) is not None
    post_thread_message(me, WM_USER)  # room again
    drain()


def test_a_post_that_wakes_nobody_hands_back_no_wake_up_list() -> None:
    # The poster is the reader (or the reader is busy): nothing to wake, nothing allocated
    queue = current_queue()
    with KERNEL_LOCK:
        assert queue.post(make_message(0, WM_USER, 0, 0)) is None
    drain()


def test_a_post_to_a_reader_waiting_in_get_message_hands_back_its_waiter() -> None:
    got: list[int] = []
    ready = Event()

    def reader() -> None:
        peek_message()
        ready.set()
        got.append(get_message()[1])

    thread = start_thread(reader)
    assert ready.wait(10)
    queue = queue_of(thread)
    wait_until_blocked(thread, on=queue.input)
    with KERNEL_LOCK:
        woken = queue.post(make_message(0, WM_APP, 0, 0))
    assert woken is not None
    assert len(woken) == 1
    wake_all(woken)
    assert thread.wait(10)
    assert got == [WM_APP]


def test_sent_messages_are_handled_before_posted_ones() -> None:
    order: list[str] = []

    def proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
        if msg < WM_USER:
            return def_window_proc(hwnd, msg, wparam, lparam)
        order.append(f"sent {msg - WM_USER}")
        return 0

    register_class("queue-test-order", proc)
    try:
        window = create_window("queue-test-order")
        post_thread_message(current_thread(), WM_USER + 99)

        def sender() -> int:
            return send_message(window.hwnd, WM_USER + 1)

        helper = start_thread(sender)
        wait_until_blocked(helper)
        message = peek_message(flags=PM_REMOVE)
        assert order == ["sent 1"]  # handled inside the call, never returned
        assert message is not None and message.message == WM_USER + 99
        assert helper.wait(10)
        window.destroy()
    finally:
        unregister_class("queue-test-order")


def test_pm_qs_sendmessage_only_handles_sent_messages() -> None:
    post_thread_message(current_thread(), WM_USER)
    assert peek_message(None, 0, 0, PM_REMOVE | PM_QS_SENDMESSAGE) is None
    assert peek_message(flags=PM_REMOVE) is not None


def test_paint_and_timer_come_after_posted_messages() -> None:
    register_class("queue-test-synth", def_window_proc)
    try:
        window = create_window("queue-test-synth")
        with FakeClock() as clock:
            set_timer(window.hwnd, 1, 1.0)
            clock.advance(1.0)
            window.invalidate()
            post_message(window.hwnd, WM_USER)
            kinds = []
            for _ in range(3):
                message = peek_message(flags=PM_REMOVE)
                assert message is not None
                kinds.append(message.message)
                if message.message == WM_PAINT:
                    window.validate()
            assert kinds == [WM_USER, WM_PAINT, WM_TIMER]
            window.destroy()
    finally:
        unregister_class("queue-test-synth")


def test_wm_paint_recurs_until_the_window_is_validated() -> None:
    register_class("queue-test-paint", def_window_proc)
    try:
        window = create_window("queue-test-paint")
        window.invalidate()
        for _ in range(2):
            message = peek_message(flags=PM_REMOVE)
            assert message is not None and message.message == WM_PAINT
        window.validate()
        assert peek_message() is None
        window.destroy()
    finally:
        unregister_class("queue-test-paint")


def test_timer_expirations_coalesce_into_one_wm_timer() -> None:
    register_class("queue-test-timer", def_window_proc)
    try:
        window = create_window("queue-test-timer")
        with FakeClock() as clock:
            set_timer(window.hwnd, 9, 1.0)
            clock.advance(5.0)
            message = peek_message(flags=PM_REMOVE)
            assert message is not None and (message.message, message.wparam) == (WM_TIMER, 9)
            assert peek_message() is None
            window.destroy()
    finally:
        unregister_class("queue-test-timer")


def test_registered_messages_share_one_number_per_name() -> None:
    first = register_window_message("apartment-test-message")
    again = register_window_message("APARTMENT-TEST-MESSAGE")
    other = register_window_message("apartment-test-other")
    assert first == again
    assert other != first
    assert 0xC000 <= first <= 0xFFFF


def test_queue_of_finds_a_pumping_thread() -> None:
    pumper = Pumper()
    assert queue_of(pumper.thread).thread is pumper.thread
    assert pumper.stop(4) == 4


def test_current_queue_is_one_per_thread() -> None:
    assert current_queue() is current_queue()
    assert current_queue().thread is current_thread()


def test_a_thread_that_ended_drops_its_queue() -> None:
    pumper = Pumper()
    native_id = pumper.thread.native_id
    pumper.stop()
    with pytest.raises(InvalidThreadIdError) as caught:
        post_thread_message(native_id, WM_USER)
    assert caught.value.winerror == 1444


def test_paint_taken_back_before_it_is_retrieved_is_no_new_input() -> None:
    """ValidateRect clears QS_PAINT as new input too (Wine's clear_queue_bits)."""
    register_class("queue-test-validated", def_window_proc)
    try:
        window = create_window("queue-test-validated")
        window.invalidate()
        window.validate()
        assert msg_wait_any((), 0) is None  # a message wait would block, not spin
        assert queue_status() == (0, 0)
        window.destroy()
    finally:
        unregister_class("queue-test-validated")


def test_destroying_a_window_takes_back_its_queued_input() -> None:
    register_class("queue-test-destroyed", def_window_proc)
    try:
        window = create_window("queue-test-destroyed")
        post_message(window.hwnd, WM_USER)
        window.invalidate()
        destroy_window(window.hwnd)
        assert queue_status()[1] == 0  # nothing present: its posts and paint went with it
        assert msg_wait_any((), 0, input_available=True) is None
        assert peek_message(flags=PM_REMOVE) is None
    finally:
        unregister_class("queue-test-destroyed")
