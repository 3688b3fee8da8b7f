"""Sending messages across threads: the round trip, notify sends, and the receiver's view.

A thread that sends to another thread's window blocks until the owner has handled the message,
and while it waits it handles messages sent to itself, so threads that send to each other do
not deadlock. The message travels as a :class:`Sent` in the receiver's ``MessageQueue.sent``;
the receiver runs it inside its next get/peek (``MessageQueue.handle_sent``) and replies
through it. A send to a window of the calling thread runs the procedure at once. A send to
a window of another process goes through that process's window server (:mod:`._foreign`).
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from .. import _clock
from ..errors import (
    AccessDeniedError,
    InvalidWindowHandleError,
    MessageSyncOnlyError,
    MessageTimeoutError,
    Win32Error,
)
from ..kernel.lowlevel import (
    KERNEL_LOCK,
    Waiter,
    recycle_event,
    set_event_locked,
    spare_event,
    wait_any_unchecked,
    wake_all,
)
from ._constants import (
    HWND_BROADCAST,
    ISMEX_NOSEND,
    ISMEX_NOTIFY,
    ISMEX_REPLIED,
    ISMEX_SEND,
    QS_SENDMESSAGE,
    SMTO_ABORTIFHUNG,
    SMTO_BLOCK,
)
from ._foreign import foreign_windows, send_elsewhere
from ._message import SYNC_ONLY_MESSAGES, check_message, ticks
from ._queue import current_queue
from ._window_table import WINDOWS, window_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..kernel import Event
    from ._queue import MessageQueue
    from ._window import Window

__all__ = [
    "Sent",
    "call_on_owner",
    "in_send_message",
    "in_send_message_ex",
    "reply_message",
    "send_message",
    "send_notify_message",
]


class Sent:
    """A message sent to another thread's window, waiting there for its reply.

    ``call(*args)`` runs the window procedure on the receiving thread. The sender waits on
    ``done``; ``result`` is valid once it is set. A send without ``done`` is a notify send
    (SendNotifyMessage), which expects no reply.
    """

    __slots__ = ("args", "call", "done", "error", "replied", "result", "when")

    def __init__(
        self, call: Callable[..., object], args: tuple[Any, ...], done: Event | None = None
    ) -> None:
        self.call = call
        self.args = args
        self.done = done
        self.result = 0
        self.replied = False
        self.error = 0  # a Win32 error code when the receiver could not answer
        self.when = ticks()

    @property
    def notify(self) -> bool:
        """True for a notify send, which nobody waits for."""
        return self.done is None

    def reply(self, result: int, error: int = 0) -> bool:
        """Release the sender with ``result``; only the first reply counts.

        Runs on the receiving thread: in reply_message, when the handler returns, or as the
        thread ends with the message unhandled (``error`` is then ERROR_ACCESS_DENIED).
        """
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            if self.replied:
                return False
            self.replied = True
            self.result = result
            self.error = error
            if self.done is not None:
                set_event_locked(self.done, woken)
        if woken:
            wake_all(woken)
        return True


def send_message(
    hwnd: int,
    msg: int,
    wparam: object = 0,
    lparam: object = 0,
    *,
    timeout: float | None = None,
    flags: int = 0,
) -> int:
    """Deliver a message to a window and return its procedure's result (SendMessage).

    For a window of the calling thread the procedure runs at once. For another thread's
    window the caller blocks until that thread handles it (inside its next get/peek) and,
    meanwhile, handles messages sent to itself (not with SMTO_BLOCK in ``flags``). A
    ``timeout`` in seconds gives SendMessageTimeout.

    Raises:
        InvalidWindowHandleError: no such window.
        MessageTimeoutError: no answer within ``timeout``, or the owner is hung and
            SMTO_ABORTIFHUNG was given.
        AccessDeniedError: the owning thread ended before it answered.
    """
    if type(msg) is not int:
        msg = check_message(msg)
    try:
        window = window_of(hwnd)
    except InvalidWindowHandleError:
        if hwnd == HWND_BROADCAST:
            _broadcast(msg, wparam, lparam, timeout, flags, notify=False)
            return 1  # whatever the windows answered, as user32's broadcast reports
        result = send_elsewhere(hwnd, msg, wparam, lparam, timeout=timeout, flags=flags)
        if result is None:  # no other process has it either
            raise
        return result
    me = current_queue()  # sending is a message call: it creates the caller's queue
    if window.thread is me.thread:
        return _call_here(me, window, msg, wparam, lparam)
    target = window.queue
    if flags & SMTO_ABORTIFHUNG and target.hung(ticks()):
        raise MessageTimeoutError(f"thread {window.thread.native_id} is not pumping messages")
    done = spare_event()
    sent = Sent(window.proc, (hwnd, msg, wparam, lparam), done)
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        target.send(sent, woken)
    wake_all(woken)
    _await_reply(sent, done, me, target, timeout, not flags & SMTO_BLOCK)
    recycle_event(done)  # answered: nothing sets it now (a send that timed out keeps its own)
    if sent.error:
        raise AccessDeniedError(
            f"thread {window.thread.native_id} ended before it handled message {msg:#x}"
        )
    return sent.result


def call_on_owner(window: Window, fn: Callable[..., object], *args: object) -> int:
    """Run ``fn(*args)`` on the thread that owns ``window`` and return its int result.

    What Windows does for a window of another thread (ShowWindow, SetWindowPos, ...): the
    work travels to the owner as a sent message and runs inside its next get/peek, the
    caller waiting as for send_message (and serving sends to itself meanwhile). On the
    owner itself it runs at once.

    Raises:
        AccessDeniedError: the owning thread ended before it ran ``fn``.
    """
    me = current_queue()
    if window.thread is me.thread:
        result = fn(*args)
        return result if isinstance(result, int) else 0
    target = window.queue
    done = spare_event()
    sent = Sent(fn, args, done)
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        target.send(sent, woken)
    wake_all(woken)
    _await_reply(sent, done, me, target, None, True)
    recycle_event(done)
    if sent.error:
        raise AccessDeniedError(f"thread {window.thread.native_id} ended before it answered")
    return sent.result


def _call_here(me: MessageQueue, window: Window, msg: int, wparam: object, lparam: object) -> int:
    """Run a window procedure for a send from its own thread: no queue, no receipt.

    The message another thread sent, if this thread is handling one, stays the one
    InSendMessage and ReplyMessage see inside (as win32k and Wine keep it).
    """
    handling = me.handling
    handling.append(handling[-1] if handling else None)
    try:
        return window.call(msg, wparam, lparam)
    finally:
        me.handling.pop()


def _await_reply(
    sent: Sent,
    done: Event,
    me: MessageQueue,
    target: MessageQueue,
    timeout: float | None,
    serve: bool,
) -> None:
    """Wait for a sent message's reply, handling messages sent to this thread meanwhile."""
    clock = _clock.get_clock()
    deadline = None if timeout is None else clock.now() + timeout
    objects = (done, me.input) if serve else (done,)
    while True:
        remaining = None if deadline is None else max(deadline - clock.now(), 0.0)
        if serve:
            with KERNEL_LOCK:
                replied = sent.replied  # often, by the time this thread has the GIL again
                if not replied:
                    me.input.arm(QS_SENDMESSAGE, True)
            if replied:
                return
        result = wait_any_unchecked(objects, remaining)
        if result is None:
            with KERNEL_LOCK:
                if sent in target.sent:  # not started: withdraw it
                    target.sent.remove(sent)
                    target.settle()
                replied = sent.replied
            if not replied:
                raise MessageTimeoutError(
                    f"no answer from thread {target.thread.native_id} in time"
                )
            return
        if result.index == 0:
            return
        me.handle_pending_sent()


def send_notify_message(hwnd: int, msg: int, wparam: object = 0, lparam: object = 0) -> None:
    """Send without waiting for the result (SendNotifyMessage).

    To another thread the message is queued with sent-message priority; to a window of the
    calling thread it is handled at once.
    """
    msg = check_message(msg)
    try:
        window = window_of(hwnd)
    except InvalidWindowHandleError:
        if hwnd == HWND_BROADCAST:
            _broadcast(msg, wparam, lparam, None, 0, notify=True)
            return
        if msg in SYNC_ONLY_MESSAGES:
            raise MessageSyncOnlyError(
                f"message {msg:#x} carries pointers: send it with send_message, which waits"
            ) from None
        if send_elsewhere(hwnd, msg, wparam, lparam, notify=True) is None:
            raise
        return
    me = current_queue()
    if window.thread is me.thread:
        _call_here(me, window, msg, wparam, lparam)
        return
    if msg in SYNC_ONLY_MESSAGES:  # across threads it is queued, as a post is
        raise MessageSyncOnlyError(
            f"message {msg:#x} carries pointers: send it with send_message, which waits"
        )
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        window.queue.send(Sent(window.proc, (hwnd, msg, wparam, lparam)), woken)
    wake_all(woken)


def _broadcast(
    msg: int, wparam: object, lparam: object, timeout: float | None, flags: int, *, notify: bool
) -> None:
    """Send to every top-level window of the session, one after the other (HWND_BROADCAST).

    A window that has gone meanwhile, or does not answer in time, is skipped.
    """
    with KERNEL_LOCK:
        mine = [w.hwnd for w in WINDOWS.values() if not w.parent and not w.is_child]
    for hwnd in mine:
        with contextlib.suppress(Win32Error):
            if notify:
                send_notify_message(hwnd, msg, wparam, lparam)
            else:
                send_message(hwnd, msg, wparam, lparam, timeout=timeout, flags=flags)
    for other in foreign_windows():
        if other.top_level:
            with contextlib.suppress(Win32Error):
                send_elsewhere(
                    other.hwnd, msg, wparam, lparam, timeout=timeout, flags=flags, notify=notify
                )


def reply_message(result: int) -> bool:
    """Release the sender of the message being handled now with ``result`` (ReplyMessage).

    Returns True while handling a message sent from another thread, answered or not (a
    second reply changes nothing but still succeeds, as Windows' does), also inside a
    message this thread sends itself or dispatches meanwhile; the procedure's own return
    value is then discarded.
    """
    handling = current_queue().handling
    sent = handling[-1] if handling else None
    if sent is None or sent.notify:
        return False
    sent.reply(result)  # only the first reply counts
    return True


def in_send_message() -> bool:
    """Tell whether the message being handled was sent from another thread (InSendMessage)."""
    handling = current_queue().handling
    return bool(handling) and handling[-1] is not None


def in_send_message_ex() -> int:
    """Describe the message being handled: ISMEX_SEND/NOTIFY, ISMEX_REPLIED (InSendMessageEx)."""
    handling = current_queue().handling
    sent = handling[-1] if handling else None
    if sent is None:
        return ISMEX_NOSEND
    kind = ISMEX_NOTIFY if sent.notify else ISMEX_SEND
    return kind | (ISMEX_REPLIED if sent.replied and not sent.notify else 0)
