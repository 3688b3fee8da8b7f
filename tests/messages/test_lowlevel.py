"""The low-level API the COM layer builds on: the names and MessageQueue members it promises."""

from __future__ import annotations

import pytest

from apartment.kernel import current_thread
from apartment.kernel.lowlevel import KERNEL_LOCK, Waiter, wake_all
from apartment.messages import (
    PM_REMOVE,
    QS_POSTMESSAGE,
    WM_USER,
    Message,
    MessageQueue,
    QueueInput,
    current_queue,
    lowlevel,
)

pytestmark = pytest.mark.usefixtures("empty_queue")


def test_lowlevel_exports_what_its_docstring_promises() -> None:
    assert lowlevel.__all__ == ["make_message"]
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
