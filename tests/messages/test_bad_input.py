"""Bad arguments to the message layer fail at the call and never reach a queue."""

from __future__ import annotations

from typing import Any

import pytest

from apartment import messages
from apartment.errors import MessageSyncOnlyError
from apartment.kernel import current_thread

WM_APP = 0x8000


@pytest.fixture
def queue_ready() -> None:
    messages.peek_message()  # the calling thread has a queue
    while messages.peek_message(flags=messages.PM_REMOVE) is not None:
        pass


def _queued() -> list[int]:
    got = []
    while (message := messages.peek_message(flags=messages.PM_REMOVE)) is not None:
        got.append(message.message)
    return got


@pytest.mark.parametrize("msg", ["x", None, 1.5, object(), b"1"], ids=repr)
@pytest.mark.usefixtures("queue_ready")
def test_a_message_number_of_another_type_is_a_type_error(msg: Any) -> None:
    me = current_thread()
    with pytest.raises(TypeError, match="message number"):
        messages.post_thread_message(me, msg)
    with pytest.raises(TypeError, match="message number"):
        messages.post_message(0, msg)
    messages.post_thread_message(me, WM_APP)
    assert _queued() == [WM_APP]  # the queue still works, filtered retrieval too
    messages.post_thread_message(me, WM_APP + 1)
    assert messages.peek_message(first=WM_APP, last=WM_APP + 5) is not None


@pytest.mark.parametrize("msg", [-1, 2**32, 2**70], ids=repr)
@pytest.mark.usefixtures("queue_ready")
def test_a_message_number_out_of_32_bits_is_a_value_error(msg: int) -> None:
    with pytest.raises(ValueError, match="32-bit"):
        messages.post_thread_message(current_thread(), msg)
    assert _queued() == []


@pytest.mark.parametrize("msg", [messages.WM_CREATE, 0x000C, 0x004A, messages.WM_NCCREATE])
@pytest.mark.usefixtures("queue_ready")
def test_a_message_that_carries_pointers_cannot_be_posted(msg: int) -> None:
    with pytest.raises(MessageSyncOnlyError) as caught:
        messages.post_thread_message(current_thread(), msg)
    assert caught.value.winerror == 1159
    assert isinstance(caught.value, ValueError)
    assert _queued() == []


@pytest.mark.parametrize("bound", [None, "x", 1.5], ids=repr)
@pytest.mark.usefixtures("queue_ready")
def test_filter_bounds_must_be_ints(bound: Any) -> None:
    messages.post_thread_message(current_thread(), WM_APP)
    with pytest.raises(TypeError):
        messages.peek_message(first=bound)
    with pytest.raises(TypeError):
        messages.get_message(first=bound)
    with pytest.raises(TypeError):
        messages.pump_waiting_messages(bound)
    assert _queued() == [WM_APP]


@pytest.mark.parametrize("hwnd", ["x", 1.5, object()], ids=repr)
def test_a_window_handle_of_another_type_is_a_type_error(hwnd: Any) -> None:
    with pytest.raises(TypeError, match="window handle"):
        messages.window_of(hwnd)
    with pytest.raises(TypeError, match="window handle"):
        messages.post_message(hwnd, WM_APP)
    with pytest.raises(TypeError, match="window handle"):
        messages.send_message(hwnd, WM_APP)


@pytest.mark.parametrize("thread", ["x", 1.5, None], ids=repr)
def test_a_thread_of_another_type_is_a_type_error(thread: Any) -> None:
    with pytest.raises(TypeError, match="native id"):
        messages.post_thread_message(thread, WM_APP)
    with pytest.raises(TypeError, match="native id"):
        messages.queue_of(thread)
