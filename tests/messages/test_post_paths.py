"""The posting fast paths leave a queue exactly as ``MessageQueue.post`` does.

``post_thread_message`` appends to the queue itself (``post`` inlined), and an STA call is
posted with ``MessageQueue.post_new`` (the message built in the same call). Each case here
starts a queue in some state (wake bits, what its input is armed for, how full it is),
posts one way, records the queue, puts the state back and posts the other way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apartment.errors import InvalidThreadIdError, NotEnoughQuotaError
from apartment.kernel import Event, WaitResult, current_thread, start_thread
from apartment.kernel.lowlevel import KERNEL_LOCK, Waiter, wake_all
from apartment.messages import (
    PM_REMOVE,
    POSTED_MESSAGE_LIMIT,
    QS_ALLINPUT,
    QS_POSTMESSAGE,
    QS_SENDMESSAGE,
    QS_TIMER,
    WM_USER,
    current_queue,
    msg_wait_any,
    peek_message,
    post_thread_message,
)
from apartment.messages.lowlevel import make_message
from apartment.testing import wait_until_blocked

if TYPE_CHECKING:
    from apartment.messages import Message, MessageQueue

pytestmark = pytest.mark.usefixtures("empty_queue")

BITS = st.sampled_from([0, QS_POSTMESSAGE, QS_SENDMESSAGE, QS_TIMER, QS_ALLINPUT])


def _state(queue: MessageQueue) -> tuple[Any, ...]:
    inp = queue.input
    posted = [(m[0], m[1], m[2], m[3]) for m in queue.posted]  # not the time stamps
    return (posted, queue.wake_bits, queue.changed_bits, inp._ready, inp.mask, inp.available)


def _set(queue: MessageQueue, state: tuple[Any, ...]) -> None:
    posted, wake, changed, ready, mask, available = state
    queue.posted.clear()
    queue.posted.extend(make_message(*m) for m in posted)
    queue.wake_bits, queue.changed_bits = wake, changed
    inp = queue.input
    inp._ready, inp.mask, inp.available = ready, mask, available


def _post_general(queue: MessageQueue, hwnd: int, msg: int, wparam: object) -> None:
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        queue.post(make_message(hwnd, msg, wparam, 0), woken)
    wake_all(woken)


def _post_new(queue: MessageQueue, hwnd: int, msg: int, wparam: object) -> None:
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        queue.post_new(hwnd, msg, wparam, 0, woken)
    wake_all(woken)


def _post_thread(queue: MessageQueue, hwnd: int, msg: int, wparam: object) -> None:
    post_thread_message(current_thread(), msg, wparam, 0)


@settings(max_examples=80, deadline=None)
@given(
    before=st.integers(0, 3),
    wake=BITS,
    changed=BITS,
    ready=st.booleans(),
    mask=BITS,
    available=st.booleans(),
    msg=st.integers(0x400, 0xFFFFFFFF),
    way=st.sampled_from(["post_new", "post_thread_message"]),
)
def test_a_post_leaves_the_queue_as_post_does(
    before: int,
    wake: int,
    changed: int,
    ready: bool,
    mask: int,
    available: bool,
    msg: int,
    way: str,
) -> None:
    queue = current_queue()
    start = ([(0, WM_USER, i, 0) for i in range(before)], wake, changed, ready, mask, available)
    fast = _post_new if way == "post_new" else _post_thread
    results = []
    try:
        for post in (_post_general, fast):
            with KERNEL_LOCK:
                _set(queue, start)
            post(queue, 0, msg, 7)
            with KERNEL_LOCK:
                results.append(_state(queue))
    finally:
        with KERNEL_LOCK:
            _set(queue, ([], 0, 0, False, 0, False))
    assert results[0] == results[1]


@pytest.mark.parametrize("way", ["general", "post_new", "post_thread_message"])
def test_a_full_queue_refuses_the_post_and_keeps_its_state(way: str) -> None:
    queue = current_queue()
    post = {"general": _post_general, "post_new": _post_new}.get(way, _post_thread)
    try:
        with KERNEL_LOCK:
            _set(queue, ([(0, WM_USER, 0, 0)] * POSTED_MESSAGE_LIMIT, 0, 0, False, 0, False))
            before = _state(queue)
        with pytest.raises(NotEnoughQuotaError):
            post(queue, 0, WM_USER + 1, 0)
        with KERNEL_LOCK:
            assert _state(queue) == before
    finally:
        with KERNEL_LOCK:
            _set(queue, ([], 0, 0, False, 0, False))


@pytest.mark.parametrize("way", ["general", "post_new"])
def test_a_dead_queue_refuses_the_post(way: str) -> None:
    box: list[MessageQueue] = []
    start_thread(lambda: box.append(current_queue())).wait(10)
    queue = box[0]  # its thread has ended
    post = _post_general if way == "general" else _post_new
    with pytest.raises(InvalidThreadIdError):
        post(queue, 0, WM_USER, 0)


@pytest.mark.parametrize("way", ["post_new", "post_thread_message"])
def test_a_post_wakes_the_thread_waiting_for_input(way: str) -> None:
    ready = Event(manual_reset=True)
    woke: list[WaitResult | None] = []
    got: list[Message | None] = []
    box: list[MessageQueue] = []

    def reader() -> None:
        box.append(current_queue())
        ready.set()
        woke.append(msg_wait_any((), None, QS_POSTMESSAGE))
        got.append(peek_message(flags=PM_REMOVE))

    t = start_thread(reader)
    assert ready.wait(10)
    wait_until_blocked(t, on=box[0].input)
    if way == "post_new":
        _post_new(box[0], 0, WM_USER + 5, 9)
    else:
        post_thread_message(t, WM_USER + 5, 9, 0)
    assert t.wait(10)
    assert woke == [WaitResult(0)]
    message = got[0]
    assert message is not None
    assert (message[0], message[1], message[2]) == (0, WM_USER + 5, 9)
