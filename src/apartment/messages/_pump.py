"""Retrieving and pumping messages, and waiting for messages beside kernel objects.

``msg_wait_any`` is MsgWaitForMultipleObjectsEx: it wakes when one of the objects is
signaled, or when input of the asked kinds arrives in the calling thread's queue; the queue
counts as one more object, after the others (so a signaled object wins a tie). It only
reports: the caller then pumps. By default only input that arrived since the thread last
looked at its queue wakes it; ``input_available`` also counts input already seen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import InvalidParameterError, Win32Error
from ..kernel import Waitable, WaitResult, wait_all, wait_any
from ..kernel.lowlevel import (
    KERNEL_LOCK,
    check_timeout,
    wait_any_after,
    wait_any_forever,
)
from ._constants import (
    PM_NOREMOVE,
    PM_REMOVE,
    QS_ALLINPUT,
    WM_QUIT,
    WM_TIMER,
)
from ._message import Message, check_message, quit_code
from ._queue import THREAD_QUEUE, current_queue
from ._send import Sent
from ._window import dispatch_message
from ._window_table import window_filter

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ._input import QueueInput
    from ._queue import MessageQueue

__all__ = [
    "MAXIMUM_MSG_WAIT_OBJECTS",
    "flagged_getter",
    "get_message",
    "peek_message",
    "wait_message",
    "msg_wait_any",
    "pump_waiting_messages",
    "pump_messages",
    "queue_status",
]

MAXIMUM_MSG_WAIT_OBJECTS = 63
"""Objects a message wait takes besides the queue (MAXIMUM_WAIT_OBJECTS - 1)."""


def peek_message(
    hwnd: int | None = None, first: int = 0, last: int = 0, flags: int = PM_NOREMOVE
) -> Message | None:
    """Return the next message without blocking, or None (PeekMessage).

    Messages sent from other threads are handled on the way. ``hwnd``: None (or 0) for any
    window and thread messages, -1 for thread messages only, or a window of this thread.
    ``flags``: PM_REMOVE to remove it (PM_NOREMOVE leaves it), PM_QS_* to narrow the kinds.

    Raises:
        InvalidWindowHandleError: ``hwnd`` is not a window of the calling thread.
    """
    window = window_filter(hwnd)
    if type(first) is not int or type(last) is not int:
        first, last = check_message(first), check_message(last)
    return current_queue().peek(window, first, last, flags)


def get_message(hwnd: int | None = None, first: int = 0, last: int = 0) -> Message:
    """Remove and return the next message, blocking until there is one (GetMessage).

    WM_QUIT is returned like any message (its wparam is the exit code): a loop ends on it.
    Messages sent from other threads are handled while it waits.
    """
    try:
        queue: MessageQueue = THREAD_QUEUE.queue  # current_queue(), written out: the hot path
    except AttributeError:
        queue = current_queue()
    if hwnd is None and first == 0 and last == 0:  # None is no 0: it goes below, and is refused
        take = queue.take_or_arm
        lock = KERNEL_LOCK  # queue.take_next(), written out: this is every loop's hot path
        with lock:
            item: Message | Sent | WaitResult | None = take(None, None)
        if type(item) is Message:
            return item
        return _next_message(queue, item)
    window = window_filter(hwnd)
    first, last = check_message(first), check_message(last)
    inp = queue.input
    waiting = (inp,)
    while True:
        message = queue.peek(window, first, last, PM_REMOVE)
        if message is not None:
            return message
        wait_any_after(_arm_any(inp), waiting)


_R = TypeVar("_R")


def flagged_getter(
    slow: Callable[[object, object, object], _R], failed: Callable[[Win32Error], _R]
) -> Callable[[object, object, object], list[Any] | _R]:
    """Build a GetMessage that answers ``[0 if WM_QUIT else 1, message]``, in one frame.

    For the facade's GetMessage (pywin32's shape of the result), which every message loop
    calls: a function that translated its arguments and called :func:`get_message` would
    cost a frame more than the core call. So the unfiltered call, ``(None or 0, 0, 0)``
    (ints 0 by identity), takes the next message here as :func:`get_message` does (keep the
    two in step). Any other arguments, or a thread without a queue yet, go to the caller's
    ``slow`` with the same arguments; a Win32Error on the way is given to ``failed``, whose
    answer is returned. Runs on the calling thread; messages sent to it are handled inside.
    """
    lock = KERNEL_LOCK
    zero = 0

    def get_flagged(hwnd: object, first: object, last: object, /) -> list[Any] | _R:
        if (hwnd is None or hwnd is zero) and first is zero and last is zero:
            try:
                queue: MessageQueue = THREAD_QUEUE.queue
            except AttributeError:  # the thread's first window-manager call: the slow way
                return slow(hwnd, first, last)
            try:
                take = queue.take_or_arm
                with lock:
                    item: Message | Sent | WaitResult | None = take(None, None)
                if type(item) is not Message:
                    item = _next_message(queue, item)
            except Win32Error as error:
                return failed(error)
            return [0 if item[1] == WM_QUIT else 1, item]
        return slow(hwnd, first, last)

    return get_flagged


def _next_message(queue: MessageQueue, item: Message | Sent | WaitResult | None) -> Message:
    """Go on with an unfiltered GetMessage from what ``queue.take_or_arm`` gave.

    A Message is returned; a sent message is handled and an empty queue waited on, until a
    Message comes (on the calling thread, the queue's owner).
    """
    take = queue.take_or_arm
    lock = KERNEL_LOCK
    waiting = (queue.input,)
    while True:
        if isinstance(item, Message):
            return item
        if isinstance(item, Sent):
            queue.handle_sent(item)
            # Most often nothing else came meanwhile: look and start the wait in one hold.
            item = wait_any_forever(waiting, take)
        elif item is None:  # nothing yet, and the input is armed: wait for some
            wait_any_forever(waiting)
            lock.acquire()  # queue.take_next(), written out: the woken STA's first step
            try:
                item = take(None, None)
            finally:
                lock.release()
        else:  # input came while the wait was starting
            item = queue.take_next()


def wait_message() -> None:
    """Block until new input arrives in the calling thread's queue (WaitMessage)."""
    inp = current_queue().input
    wait_any_after(_arm_any(inp), (inp,))


def _arm_any(inp: QueueInput) -> Callable[[object, object], None]:
    """A ``wait_any_after`` hook that arms ``inp`` for any new input in the wait's lock hold."""

    def arm(thread: object, woken: object) -> None:
        inp.arm(QS_ALLINPUT, False)

    return arm


def msg_wait_any(
    objects: Sequence[Waitable],
    timeout: float | None = None,
    mask: int = QS_ALLINPUT,
    *,
    wait_all_objects: bool = False,
    alertable: bool = False,
    input_available: bool = False,
) -> WaitResult | None:
    """Wait for an object or for queue input (MsgWaitForMultipleObjectsEx).

    Returns ``WaitResult(len(objects))`` for input, ``WaitResult(i)`` for object ``i``
    (lowest index first), ``ALERTED``, or None on timeout. With ``wait_all_objects`` it
    returns ``WaitResult(0)`` only when every object is signaled *and* input is there at
    the same time. Takes 0 to 63 objects. Creates the thread's queue if it has none.

    Raises:
        InvalidParameterError: more than 63 objects.
    """
    objs = tuple(objects)
    if len(objs) > MAXIMUM_MSG_WAIT_OBJECTS:
        raise InvalidParameterError(
            f"a message wait takes at most {MAXIMUM_MSG_WAIT_OBJECTS} objects, not {len(objs)}"
        )
    timeout = check_timeout(timeout)
    queue = current_queue()
    with KERNEL_LOCK:
        queue.input.arm(mask, input_available)
    waiting = (*objs, queue.input)
    if wait_all_objects:
        return wait_all(waiting, timeout, alertable=alertable)
    return wait_any(waiting, timeout, alertable=alertable)


def pump_waiting_messages(first: int = 0, last: int = 0) -> int | None:
    """Dispatch every message already queued; stop at WM_QUIT, which is consumed.

    Returns WM_QUIT's exit code if it was seen, else None.
    """
    first, last = check_message(first), check_message(last)
    queue = current_queue()
    while True:
        message = queue.peek(None, first, last, PM_REMOVE)
        if message is None:
            return None
        if message[1] == WM_QUIT:
            return quit_code(message)
        dispatch_message(message)


def pump_messages() -> int:
    """Run a message loop until WM_QUIT and return its exit code (PumpMessages).

    ``get_message()`` then ``dispatch_message()`` for each message, their common cases
    written out: a posted message to one of this thread's windows (a call into an STA, say)
    is taken in one lock hold and handed to its window's procedure without either call.
    Anything else (a sent message, an empty queue's wait, a timer's callback, a thread
    message) goes through them.
    """
    try:
        queue: MessageQueue = THREAD_QUEUE.queue  # current_queue(), written out
    except AttributeError:
        queue = current_queue()
    take = queue.take_or_arm
    windows = queue.windows  # this thread's own windows: read without the lock
    handling = queue.handling
    lock = KERNEL_LOCK
    waiting = (queue.input,)
    while True:
        # Take the next message, or (none yet: the input armed) start the wait for one in the
        # same lock hold; once woken, take it.
        item: Message | Sent | WaitResult | None = wait_any_forever(waiting, take)
        if type(item) is WaitResult:
            with lock:
                item = take(None, None)
        message = item if type(item) is Message else _next_message(queue, item)
        msg = message[1]
        if msg == WM_QUIT:
            return quit_code(message)
        hwnd = message[0]
        if hwnd and msg != WM_TIMER:  # dispatch_message(), its common case written out
            window = windows.get(hwnd)
            if window is not None:
                # A posted message is no receipt: the sent message being handled (if any)
                # stays the one InSendMessage and ReplyMessage see inside.
                handling.append(handling[-1] if handling else None)
                try:
                    window.proc(hwnd, msg, message[2], message[3])
                finally:
                    handling.pop()
                continue
        dispatch_message(message)


def queue_status(flags: int = QS_ALLINPUT) -> tuple[int, int]:
    """Return (new, present) QS_* bits of the calling thread's queue (GetQueueStatus).

    The "new" bits asked for are cleared: input seen here no longer wakes a message wait.
    """
    return current_queue().status(flags)
