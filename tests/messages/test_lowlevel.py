"""The low-level API the COM layer builds on: the names and MessageQueue members it promises."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from apartment.kernel import current_thread, start_thread
from apartment.kernel.lowlevel import KERNEL_LOCK, Waiter, wake_all
from apartment.messages import (
    PM_REMOVE,
    QS_POSTMESSAGE,
    WM_QUIT,
    WM_USER,
    Message,
    MessageQueue,
    QueueInput,
    current_queue,
    get_message,
    lowlevel,
    post_quit_message,
    post_thread_message,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from apartment.errors import Win32Error

pytestmark = pytest.mark.usefixtures("empty_queue")


def test_lowlevel_exports_what_its_docstring_promises() -> None:
    assert lowlevel.__all__ == ["flagged_getter", "make_message", "thread_poster"]
    message = lowlevel.make_message(0, WM_USER, 1, 2)
    assert isinstance(message, Message)
    assert message[:4] == (0, WM_USER, 1, 2)


def test_the_queue_members_the_layers_above_use() -> None:
    queue = current_queue()
    assert isinstance(queue, MessageQueue)
    assert queue.thread is current_thread()
    assert isinstance(queue.input, QueueInput)
    assert queue.handling == []  # nothing is being handled here
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        queue.input.arm(QS_POSTMESSAGE, False)
        queue.post(lowlevel.make_message(0, WM_USER, 3, 4), woken)
    wake_all(woken)
    message = queue.peek(None, 0, 0, PM_REMOVE)
    assert message is not None
    assert (message.message, message.wparam, message.lparam) == (WM_USER, 3, 4)
    assert message.hwnd == 0


def _getter() -> tuple[list[tuple[object, ...]], Callable[..., Any]]:
    slow_calls: list[tuple[object, ...]] = []

    def slow(hwnd: object, first: object, last: object) -> str:
        slow_calls.append((hwnd, first, last))
        return "slow"

    def failed(error: Win32Error) -> str:
        return f"failed {error.winerror}"

    return slow_calls, lowlevel.flagged_getter(slow, failed)


def test_the_flagged_getter_takes_the_next_message_as_get_message_does() -> None:
    # The facade's GetMessage: [1, message], or [0, message] for WM_QUIT, in one frame
    slow_calls, get = _getter()
    me = current_thread()
    post_thread_message(me, WM_USER, 1, 2)
    post_thread_message(me, WM_USER + 1, 3, 4)
    first = get(None, 0, 0)
    assert first[0] == 1
    assert type(first[1]) is Message
    assert first[1][:4] == (0, WM_USER, 1, 2)
    assert get(0, 0, 0)[1][:4] == (0, WM_USER + 1, 3, 4)
    post_quit_message(7)
    rc, message = get(None, 0, 0)
    assert (rc, message[1], message[2]) == (0, WM_QUIT, 7)
    assert slow_calls == []


def test_the_flagged_getter_sends_filters_and_a_first_call_the_slow_way() -> None:
    slow_calls, get = _getter()
    for args in [(None, WM_USER, WM_USER), (-1, 0, 0), (None, 0.0, 0), (False, 0, 0)]:
        assert get(*args) == "slow"
    assert slow_calls == [(None, WM_USER, WM_USER), (-1, 0, 0), (None, 0.0, 0), (False, 0, 0)]
    answers: list[object] = []
    thread = start_thread(lambda: answers.append(get(None, 0, 0)))  # no queue yet
    assert thread.wait(10)
    assert answers == ["slow"]
    assert slow_calls[-1] == (None, 0, 0)


def test_the_flagged_getter_waits_and_handles_what_comes_on_the_way() -> None:
    # Nothing queued: it waits as get_message does, and a message posted later comes out
    _, get = _getter()
    me = current_thread()
    poster = start_thread(post_thread_message, me, WM_USER + 2, 5, 6)
    rc, message = get(None, 0, 0)
    assert poster.wait(10)
    assert (rc, message[:4]) == (1, (0, WM_USER + 2, 5, 6))
    post_thread_message(me, WM_USER, 0, 0)
    assert get_message()[1] == WM_USER
