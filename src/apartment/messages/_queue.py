"""One message queue per thread: posting, retrieval order, wake bits; the per-thread table.

A thread's queue is created by its first window-manager call (posting, even to another
thread, retrieving, sending, waiting for input, creating a window or a timer), as Windows
creates it on the first USER call; until then posts to the thread fail with
ERROR_INVALID_THREAD_ID. Its state lives under the kernel lock, so a queue can be waited on
beside kernel objects (``msg_wait_any``): its :class:`~._input.QueueInput` is the waitable
"new input has arrived" condition.

Retrieval follows Windows' order: messages sent from other threads are handled first (inside
the call, never returned), then posted messages in FIFO order, then WM_QUIT (when no matching
posted message remains, whatever the filter), then input (keyboard and mouse messages,
``hardware``, queued by ``_keyboard``), then WM_PAINT and WM_TIMER, which are synthesized from
window state and come last.

The queue holds the state; the protocols that fill it live beside it: sending across threads
(:class:`~._send.Sent`, ``send_message``) in ``_send``, timers (:class:`~._timers.WindowTimer`)
in ``_timers``, windows and posting in ``_window``.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import TYPE_CHECKING, Protocol, final

from .._fork import QUEUES, after_fork_in_child
from ..errors import AccessDeniedError, InvalidThreadIdError, NotEnoughQuotaError, Win32Error
from ..kernel import ThreadHandle, current_thread, thread_by_id
from ..kernel.lowlevel import KERNEL_LOCK, Waiter, add_exit_hook, release_waiters, wake_all
from ._constants import (
    PM_QS_INPUT,
    PM_QS_PAINT,
    PM_QS_POSTMESSAGE,
    PM_QS_SENDMESSAGE,
    PM_REMOVE,
    QS_ALLINPUT,
    QS_ALLPOSTMESSAGE,
    QS_HOTKEY,
    QS_INPUT,
    QS_PAINT,
    QS_POSTMESSAGE,
    QS_SENDMESSAGE,
    QS_TIMER,
    WM_PAINT,
    WM_QUIT,
    WM_TIMER,
)
from ._input import QueueInput
from ._message import _NO_POINT, Message, _new_message, _now_ns, make_message, posted_message

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._send import Sent
    from ._timers import WindowTimer
    from ._window import Window

__all__ = [
    "HUNG_AFTER_MS",
    "MessageQueue",
    "POSTED_MESSAGE_LIMIT",
    "THREAD_QUEUE",
    "current_queue",
    "on_queue_end",
    "on_queue_start",
    "ELSEWHERE",
    "post_thread_message",
    "queue_of",
]

POSTED_MESSAGE_LIMIT = 10_000
"""Posted messages a queue holds before posting fails with ERROR_NOT_ENOUGH_QUOTA."""

HUNG_AFTER_MS = 5000
"""A thread whose input has waited this long unretrieved counts as hung (SMTO_ABORTIFHUNG)."""

_POSTED = QS_POSTMESSAGE | QS_ALLPOSTMESSAGE
_SEEN_UNFILTERED = _POSTED | QS_HOTKEY | QS_TIMER | QS_SENDMESSAGE
_ALL_CLASSES = PM_QS_SENDMESSAGE | PM_QS_POSTMESSAGE | PM_QS_PAINT | PM_QS_INPUT

Hardware = tuple[Message, "Callable[[], None] | None"]
"""An input message and what its retrieval does (updates the thread's key state)."""


@final
class MessageQueue:
    """The message queue of one thread.

    Posting works from any thread; retrieval (``peek``) only on the owning thread, which is
    also where sent messages are handled and window procedures run. The layers above use
    only the members that ``apartment.messages.lowlevel`` lists.
    """

    __slots__ = (
        "changed_bits",
        "dead",
        "handling",
        "hardware",
        "input",
        "paint",
        "posted",
        "quit_code",
        "quit_pending",
        "sent",
        "thread",
        "timers",
        "wake_bits",
        "windows",
    )

    def __init__(self, thread: ThreadHandle) -> None:
        self.thread = thread
        self.posted: deque[Message] = deque()
        self.sent: deque[Sent] = deque()
        self.quit_pending = False
        self.quit_code = 0
        self.wake_bits = 0
        self.changed_bits = 0
        self.input = QueueInput(self)
        self.handling: list[Sent | None] = []  # the sent messages being handled, innermost last
        self.timers: dict[tuple[int, int], WindowTimer] = {}  # by (hwnd, id), set_timer's
        self.paint: dict[int, None] = {}  # windows that need painting, in order
        self.hardware: deque[Hardware] = deque()  # keyboard and mouse input, in order
        # This thread's live windows by handle. Changed under the kernel lock, and only by
        # this thread (windows are created and destroyed by their owner), so the owner reads
        # it without the lock.
        self.windows: dict[int, Window] = {}
        self.dead = False

    def __repr__(self) -> str:
        return f"<MessageQueue of {self.thread!r}>"

    # -- from any thread (kernel lock held by the caller) -----------------------------------

    def raise_bits(self, bits: int, woken: list[Waiter]) -> None:
        """Note new input of the QS_* classes in ``bits`` and wake the owner if it waits."""
        self.wake_bits |= bits
        self.changed_bits |= bits
        inp = self.input
        if not inp._ready and inp.mask & bits:
            inp._ready = True
            if inp._waiters:
                release_waiters(inp, woken)

    def settle(self) -> None:
        """Clear the bits of input that is gone; kernel lock held.

        For input removed other than by retrieval (a window painted or destroyed, a timer
        killed, a send withdrawn by its timed-out sender). Paint and sends that are gone also
        stop counting as new, as in Wine's clear_queue_bits: a waiter must not wake for them.
        """
        if not self.posted and not self.quit_pending:
            self.wake_bits &= ~_POSTED
        if not self.sent:
            self.wake_bits &= ~QS_SENDMESSAGE
            self.changed_bits &= ~QS_SENDMESSAGE
        if not self.paint:
            self.wake_bits &= ~QS_PAINT
            self.changed_bits &= ~QS_PAINT
        if not self.hardware:
            self.wake_bits &= ~QS_INPUT
            self.changed_bits &= ~QS_INPUT
        if not any(timer.expired for timer in self.timers.values()):
            self.wake_bits &= ~QS_TIMER
        if self.input._ready:
            self.input.refresh()

    def forget_window(self, hwnd: int) -> None:
        """Drop the paint, timers and posted messages of a destroyed window; kernel lock held."""
        self.paint.pop(hwnd, None)
        for key in [key for key in self.timers if key[0] == hwnd]:
            self.timers.pop(key).cancel()
        if any(message[0] == hwnd for message in self.posted):
            kept = [message for message in self.posted if message[0] != hwnd]
            self.posted.clear()
            self.posted.extend(kept)
        if any(entry[0][0] == hwnd for entry in self.hardware):
            inputs = [entry for entry in self.hardware if entry[0][0] != hwnd]
            self.hardware.clear()
            self.hardware.extend(inputs)
        self.settle()

    def post(self, message: Message, woken: list[Waiter] | None = None) -> list[Waiter] | None:
        """Append a posted message; kernel lock held. Return the waiters to wake, if any.

        The waiters it releases go into ``woken`` when given (and it is returned), else into a
        list made only then: a post that wakes nobody (the poster is the reader, say, or the
        reader is busy) allocates nothing. The caller wakes them after dropping the lock.

        Raises:
            InvalidThreadIdError: the owning thread has ended.
            NotEnoughQuotaError: the queue already holds 10,000 posted messages.
        """
        if self.dead:
            raise InvalidThreadIdError(f"thread {self.thread.native_id} has ended")
        posted = self.posted
        if len(posted) >= POSTED_MESSAGE_LIMIT:
            raise NotEnoughQuotaError(
                f"{self!r} already holds {POSTED_MESSAGE_LIMIT} posted messages; its thread "
                "is not retrieving them (is it pumping?)"
            )
        posted.append(message)
        # raise_bits(_POSTED), inlined: this is the hot path of every post
        self.wake_bits |= _POSTED
        self.changed_bits |= _POSTED
        inp = self.input
        if not inp._ready and inp.mask & _POSTED:
            inp._ready = True
            if inp._waiters:
                if woken is None:
                    woken = []
                release_waiters(inp, woken)
        return woken

    def post_new(
        self, hwnd: int, msg: int, wparam: object, lparam: object, woken: list[Waiter]
    ) -> None:
        """:meth:`post` of the message ``make_message(hwnd, msg, wparam, lparam)``; lock held.

        Built and appended in this one call: a call into an STA is posted this way. The
        waiters it releases go into ``woken``.
        """
        if self.dead:
            raise InvalidThreadIdError(f"thread {self.thread.native_id} has ended")
        posted = self.posted
        if len(posted) >= POSTED_MESSAGE_LIMIT:
            raise NotEnoughQuotaError(
                f"{self!r} already holds {POSTED_MESSAGE_LIMIT} posted messages; its thread "
                "is not retrieving them (is it pumping?)"
            )
        stamp = _now_ns() // 1_000_000 & 0xFFFFFFFF  # make_message(), inlined
        posted.append(_new_message(Message, (hwnd, msg, wparam, lparam, stamp, _NO_POINT)))
        self.wake_bits |= _POSTED
        self.changed_bits |= _POSTED
        inp = self.input
        if not inp._ready and inp.mask & _POSTED:
            inp._ready = True
            if inp._waiters:
                release_waiters(inp, woken)

    def post_quit(self, code: int) -> None:
        """Mark WM_QUIT pending with ``code`` (PostQuitMessage); owner thread."""
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            self.quit_pending = True
            self.quit_code = code
            self.raise_bits(_POSTED, woken)
        wake_all(woken)

    def put_input(self, entry: Hardware, bits: int, woken: list[Waiter]) -> None:
        """Queue a keyboard or mouse message of class ``bits`` (QS_KEY, ...); kernel lock held."""
        if self.dead:
            return  # input for a thread that has ended goes nowhere
        self.hardware.append(entry)
        self.raise_bits(bits, woken)

    def send(self, sent: Sent, woken: list[Waiter]) -> None:
        """Queue a message sent from another thread; kernel lock held."""
        if self.dead:
            raise AccessDeniedError(f"thread {self.thread.native_id} has ended")
        self.sent.append(sent)
        self.raise_bits(QS_SENDMESSAGE, woken)

    # -- owner thread -------------------------------------------------------------------------

    def peek(self, hwnd: int | None, first: int, last: int, flags: int) -> Message | None:
        """Retrieve the next message in Windows' order, handling sent messages on the way.

        ``hwnd`` None means any window and thread messages, -1 thread messages only, else
        that window. ``first``/``last`` filter by number (0, 0: no filter). PM_REMOVE in
        ``flags`` removes a posted message; PM_QS_* in the high word narrow what is examined.
        """
        classes = flags & _ALL_CLASSES or _ALL_CLASSES
        while True:
            with KERNEL_LOCK:
                if classes & PM_QS_SENDMESSAGE and self.sent:
                    sent = self.sent.popleft()
                    if not self.sent:
                        self.wake_bits &= ~QS_SENDMESSAGE
                else:
                    self.changed_bits &= ~QS_SENDMESSAGE
                    if classes == PM_QS_SENDMESSAGE:
                        self.input.refresh()
                        return None
                    found = self._look(hwnd, first, last, flags, classes)
                    self.input.refresh()
                    return found
            self.handle_sent(sent)

    def take_next(self) -> Message | Sent | None:
        """:meth:`take_or_arm` with the kernel lock taken here (owner thread)."""
        lock = KERNEL_LOCK
        with lock:
            return self.take_or_arm(None, None)

    def take_or_arm(self, thread: object, woken: object) -> Message | Sent | None:
        """Take the next message of an unfiltered GetMessage; kernel lock held, owner thread.

        The fast path of the common loop, also run by ``wait_any_after`` in the lock hold that
        starts a wait (its two arguments are the wait's, unused). A message sent from another
        thread is returned for the caller to handle outside the lock; otherwise the next posted
        (or quit, paint, timer) message is removed and returned. An empty queue arms
        ``input`` for any new input (QS_ALLINPUT) and returns None.
        """
        sent = self.sent
        if sent:
            item = sent.popleft()
            if not sent:
                self.wake_bits &= ~QS_SENDMESSAGE
            return item
        inp = self.input
        posted = self.posted
        if posted:
            message = posted.popleft()
            self.changed_bits &= ~_SEEN_UNFILTERED
            if not posted and not self.quit_pending:
                self.wake_bits &= ~_POSTED
            if inp._ready:  # inp.refresh(), inlined: a post since the last look made it ready
                inp._ready = bool(
                    (self.wake_bits if inp.available else self.changed_bits) & inp.mask
                )
            return message
        if self.quit_pending or self.paint or self.timers or self.hardware:
            self.changed_bits &= ~QS_SENDMESSAGE
            found = self._look(None, 0, 0, PM_REMOVE, _ALL_CLASSES)
            if found is not None:
                inp.refresh()
                return found
        else:
            self.changed_bits &= ~_SEEN_UNFILTERED
        inp.mask = QS_ALLINPUT  # inp.arm(QS_ALLINPUT, False), inlined
        inp.available = False
        inp._ready = bool(self.changed_bits & QS_ALLINPUT)
        return None

    def _look(
        self, hwnd: int | None, first: int, last: int, flags: int, classes: int
    ) -> Message | None:
        """Find a posted, quit, paint or timer message; kernel lock held."""
        filtered = first or last
        unfiltered_window = hwnd is None
        if classes & PM_QS_POSTMESSAGE:
            self.changed_bits &= (
                ~(QS_POSTMESSAGE | QS_HOTKEY | QS_TIMER)
                if filtered or not unfiltered_window
                else ~(_POSTED | QS_HOTKEY | QS_TIMER)
            )
            posted = self.posted
            if posted:
                if not filtered and unfiltered_window:
                    message = posted[0]
                    if flags & PM_REMOVE:
                        posted.popleft()
                        if not posted and not self.quit_pending:
                            self.wake_bits &= ~_POSTED
                    return message
                found = self._find_posted(hwnd, first, last, flags & PM_REMOVE)
                if found is not None:
                    return found
            if self.quit_pending:  # whatever the filter, once no matching posted message is left
                message = make_message(0, WM_QUIT, self.quit_code, 0)
                if flags & PM_REMOVE:
                    self.quit_pending = False
                    if not posted:
                        self.wake_bits &= ~_POSTED
                return message
        if classes & PM_QS_INPUT:
            self.changed_bits &= ~QS_INPUT
            if self.hardware:
                found = self._find_input(hwnd, first, last, flags & PM_REMOVE)
                if found is not None:
                    return found
        if classes & PM_QS_PAINT:
            self.changed_bits &= ~QS_PAINT
            for window in self.paint:
                if _matches(window, WM_PAINT, hwnd, first, last):
                    return make_message(window, WM_PAINT, 0, 0)
        if classes & PM_QS_POSTMESSAGE:
            for (window, ident), timer in self.timers.items():
                if timer.expired and _matches(window, WM_TIMER, hwnd, first, last):
                    if flags & PM_REMOVE:
                        timer.expired = False
                        if not any(t.expired for t in self.timers.values()):
                            self.wake_bits &= ~QS_TIMER
                    return make_message(window, WM_TIMER, ident, timer.callback or 0)
        return None

    def _find_posted(self, hwnd: int | None, first: int, last: int, remove: int) -> Message | None:
        posted = self.posted
        for index, message in enumerate(posted):
            if _matches(message[0], message[1], hwnd, first, last):
                if remove:
                    del posted[index]
                    if not posted and not self.quit_pending:
                        self.wake_bits &= ~_POSTED
                return message
        return None

    def _find_input(self, hwnd: int | None, first: int, last: int, remove: int) -> Message | None:
        hardware = self.hardware
        for index, (message, retrieved) in enumerate(hardware):
            if _matches(message[0], message[1], hwnd, first, last):
                if remove:
                    del hardware[index]
                    if not hardware:
                        self.wake_bits &= ~QS_INPUT
                    if retrieved is not None:
                        retrieved()
                return message
        return None

    def handle_sent(self, sent: Sent) -> None:
        """Run a message sent from another thread and reply to its sender (owner thread)."""
        self.handling.append(sent)
        result: object = 0
        try:
            result = sent.call(*sent.args)
        finally:
            self.handling.pop()
            if sent.done is not None:  # not a notify send
                sent.reply(result if isinstance(result, int) else 0)

    def handle_pending_sent(self) -> None:
        """Handle every message sent to this thread so far (a sender's wait does this)."""
        self.peek(None, 0, 0, PM_QS_SENDMESSAGE)

    def hung(self, now: int) -> bool:
        """Tell whether input has waited over 5 s unretrieved (``now`` in message ms)."""
        with KERNEL_LOCK:
            oldest = [self.posted[0].time] if self.posted else []
            oldest += [sent.when for sent in self.sent]
        return any((now - when) & 0xFFFFFFFF > HUNG_AFTER_MS for when in oldest)

    def status(self, flags: int) -> tuple[int, int]:
        """Return (changed, wake) bits for ``flags`` and clear those changed bits."""
        with KERNEL_LOCK:
            changed = self.changed_bits & flags
            self.changed_bits &= ~flags
            self.input.refresh()
            return changed, self.wake_bits & flags

    def end(self) -> None:
        """Drop the queue as its thread ends: fail pending senders, forget everything."""
        with KERNEL_LOCK:
            self.dead = True
            pending = list(self.sent)
            self.sent.clear()
            self.posted.clear()
            for timer in self.timers.values():
                timer.cancel()
            self.timers.clear()
            self.paint.clear()
            self.hardware.clear()
            if _by_thread.get(self.thread.native_id) is self:
                del _by_thread[self.thread.native_id]
        for sent in pending:  # the receiver is gone: senders get 0, as Windows gives them
            sent.reply(0, AccessDeniedError.code)


def _matches(window: int, message: int, hwnd: int | None, first: int, last: int) -> bool:
    """Whether a message passes Get/PeekMessage's filter. Kernel lock held.

    A window filter takes the messages of that window and of its child windows at any depth
    (Windows' and Wine's queues check "the window or a child of it"); -1 takes thread messages.
    """
    if (
        hwnd is not None
        and window != (0 if hwnd == -1 else hwnd)
        and (hwnd in (-1, 0) or not _descends_from or not _descends_from[0](window, hwnd))
    ):
        return False
    return not (first or last) or first <= message <= last


_descends_from: list[Callable[[int, int], bool]] = []
"""Whether a window is a child of another at any depth (kernel lock held): the window table's
``descends_from``, which it gives here (:func:`set_descendant_check`) as it is imported, since
the table imports this module."""


def set_descendant_check(check: Callable[[int, int], bool]) -> None:
    """Give the hwnd filter of Get/PeekMessage the window table's ``descends_from``."""
    _descends_from[:] = [check]


THREAD_QUEUE = threading.local()
"""Holds the calling thread's queue as ``.queue`` once the thread has one (current_queue)."""
_tls = THREAD_QUEUE
_by_thread: dict[int, MessageQueue] = {}
_exit_callbacks: list[Callable[[MessageQueue], None]] = []


def current_queue() -> MessageQueue:
    """Return the calling thread's message queue, creating it on first use."""
    try:
        queue: MessageQueue = _tls.queue
    except AttributeError:
        thread = current_thread()
        queue = MessageQueue(thread)
        with KERNEL_LOCK:
            _by_thread[thread.native_id] = queue
        _tls.queue = queue
        for callback in _start_callbacks:
            callback()
    return queue


_start_callbacks: list[Callable[[], None]] = []


def on_queue_start(callback: Callable[[], None]) -> None:
    """Run ``callback()`` on a thread that has just made its queue (its first message call)."""
    _start_callbacks.append(callback)


def queue_of(thread: ThreadHandle | int) -> MessageQueue:
    """Return the message queue of a thread (a handle or native id) that has one.

    Raises:
        InvalidThreadIdError: no such thread, or it has no message queue (yet).
    """
    native_id = thread.native_id if isinstance(thread, ThreadHandle) else thread
    with KERNEL_LOCK:
        queue = _by_thread.get(native_id)
    if queue is None:
        if isinstance(native_id, bool) or not isinstance(native_id, int):
            raise TypeError(f"a thread is a ThreadHandle or a native id (int), not {thread!r}")
        exists = thread_by_id(native_id) is not None
        raise InvalidThreadIdError(
            f"thread {native_id} has no message queue; have it call peek_message() once"
            if exists
            else f"no live thread has id {native_id}"
        )
    return queue


class _Elsewhere:
    """Where a thread message goes whose thread has no queue here; ``_post`` fills it in.

    The message layer posts to a thread of another process of the session through
    ``_foreign``, which sits above this module; it plugs itself in as it is imported.
    """

    __slots__ = ("post_thread",)

    def __init__(self) -> None:
        self.post_thread: Callable[[int, int, object, object], None] | None = None


ELSEWHERE = _Elsewhere()


class PostThreadMessage(Protocol):
    """The shape of :func:`post_thread_message` (a function :func:`thread_poster` builds)."""

    def __call__(
        self, thread: ThreadHandle | int, msg: int, wparam: object = 0, lparam: object = 0
    ) -> None: ...


def thread_poster(
    slow: Callable[[object, object, object, object], None] | None = None,
    stamp: Callable[[Win32Error], Win32Error] | None = None,
) -> PostThreadMessage:
    """Build :func:`post_thread_message`, or a PostThreadMessage that takes pywin32's arguments.

    With no ``slow``, this is the core's own function. With one, it is the facade's
    PostThreadMessage in one Python frame (a function that converted its arguments and
    called the core's would cost a frame more): it posts what the core would post only for
    the arguments whose translation changes nothing, a thread id that is an int below 2**31,
    a message an int below 2**32, and a wparam and lparam that are ints from 0 to 2**63 - 1;
    anything else goes to ``slow`` with the same arguments. A Win32Error on the
    way is raised as ``stamp(error)``. Both are the same code: the core's callers pay one
    test of ``checked`` for it.
    """
    checked = slow is not None
    slow_post = _no_slow_way if slow is None else slow

    def post_thread_message(
        thread: ThreadHandle | int, msg: int, wparam: object = 0, lparam: object = 0
    ) -> None:
        """Post a thread message (hwnd 0) to a thread's queue (PostThreadMessage).

        The thread may belong to another process of the session. The queue is looked up and
        the message posted in one hold of the kernel lock. Posting is a window-manager call: it
        makes the caller's own queue first. The message is built here (posted_message, inlined
        for WM_USER and above, which it never refuses): every PostThreadMessage comes this way,
        the facade's too, in this one call.

        Raises:
            TypeError, ValueError, MessageSyncOnlyError: see :func:`~._message.posted_message`.
            InvalidThreadIdError: no such thread, or it has no message queue.
            NotEnoughQuotaError: its queue already holds 10,000 posted messages.
        """
        if checked and not (
            type(thread) is int is type(wparam) is type(lparam)
            and not (thread >> 31 or (wparam | lparam) >> 63)
        ):
            slow_post(thread, msg, wparam, lparam)
            return
        native_id = (
            thread
            if type(thread) is int
            else thread.native_id
            if isinstance(thread, ThreadHandle)
            else thread
        )
        try:
            try:
                if type(msg) is int and 0x400 <= msg <= 0xFFFFFFFF:
                    stamp_ms = _now_ns() // 1_000_000 & 0xFFFFFFFF
                    message = _new_message(Message, (0, msg, wparam, lparam, stamp_ms, _NO_POINT))
                elif checked and not (type(msg) is int and 0 <= msg < 0x400):
                    slow_post(thread, msg, wparam, lparam)  # to be masked, or no int
                    return
                else:
                    message = posted_message(0, msg, wparam, lparam)
                try:
                    _tls.queue  # noqa: B018 - only whether the caller has a queue yet
                except AttributeError:
                    current_queue()
                woken: list[Waiter] | None = None
                lock = KERNEL_LOCK  # with, not acquire()+try: see KERNEL_LOCK
                with lock:
                    queue = _by_thread.get(native_id)
                    if queue is None or queue.dead or len(queue.posted) >= POSTED_MESSAGE_LIMIT:
                        woken = None if queue is None else queue.post(message)  # raises
                    else:  # queue.post(message), inlined: every PostThreadMessage's hot path
                        queue.posted.append(message)
                        queue.wake_bits |= _POSTED
                        queue.changed_bits |= _POSTED
                        inp = queue.input
                        if not inp._ready and inp.mask & _POSTED:
                            inp._ready = True
                            if inp._waiters:
                                woken = []
                                release_waiters(inp, woken)
                if woken:
                    wake_all(woken)
                elif queue is None:
                    queue_of(native_id)  # raises the precise error
            except InvalidThreadIdError:
                elsewhere = ELSEWHERE.post_thread
                if (
                    elsewhere is None
                    or type(native_id) is not int
                    or thread_by_id(native_id) is not None
                ):
                    raise  # a thread of this process (without a queue)
                elsewhere(native_id, msg, wparam, lparam)  # maybe another process's
        except Win32Error as error:
            if stamp is None:
                raise
            raise stamp(error) from None

    return post_thread_message


def _no_slow_way(thread: object, msg: object, wparam: object, lparam: object) -> None:
    raise AssertionError("the core's post_thread_message never hands a call on")


post_thread_message = thread_poster()


def on_queue_end(callback: Callable[[MessageQueue], None]) -> None:
    """Run ``callback(queue)`` on a thread's queue as the thread ends, before it is dropped."""
    _exit_callbacks.append(callback)


def _thread_ended(thread: ThreadHandle) -> None:
    with KERNEL_LOCK:
        queue = _by_thread.get(thread.native_id)
    if queue is None or queue.thread is not thread:
        return
    for callback in tuple(_exit_callbacks):
        callback(queue)
    queue.end()


add_exit_hook(_thread_ended)


def _after_fork_in_child() -> None:
    """File the forking thread's queue under its new id (the others ended with their threads)."""
    with KERNEL_LOCK:
        queues = list(_by_thread.values())
        _by_thread.clear()
        for queue in queues:
            _by_thread[queue.thread.native_id] = queue


after_fork_in_child(_after_fork_in_child, QUEUES)
