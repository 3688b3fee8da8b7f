"""Window classes and windows owned by their thread; posting, sending and dispatching.

A window belongs for life to the thread that created it: only that thread runs its window
procedure, which it does when it dispatches a posted message, when it handles a message sent
from another thread (inside its next get/peek), or directly for a send from the same thread.
A window procedure is a callable ``proc(hwnd, msg, wparam, lparam) -> int``.

A thread that sends to another thread's window blocks until the owner has handled the message,
and while it waits it handles messages sent to itself, so threads that send to each other do
not deadlock.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, TypeAlias, final

from .. import _clock
from ..errors import (
    AccessDeniedError,
    ClassAlreadyExistsError,
    ClassDoesNotExistError,
    ClassNotFoundError,
    InvalidParameterError,
    InvalidWindowHandleError,
    MessageTimeoutError,
    NotEnoughQuotaError,
    WindowOfOtherThreadError,
)
from ..kernel import Event, ThreadHandle, current_thread
from ..kernel.lowlevel import (
    KERNEL_LOCK,
    Waiter,
    recycle_event,
    spare_event,
    wait_any_unchecked,
    wake_all,
)
from ._constants import (
    HWND_BROADCAST,
    HWND_MESSAGE,
    ISMEX_NOSEND,
    ISMEX_NOTIFY,
    ISMEX_REPLIED,
    ISMEX_SEND,
    QS_PAINT,
    QS_SENDMESSAGE,
    QS_TIMER,
    SMTO_ABORTIFHUNG,
    SMTO_BLOCK,
    WM_CLOSE,
    WM_CREATE,
    WM_DESTROY,
    WM_NCCREATE,
    WM_NCDESTROY,
    WM_PAINT,
    WM_TIMER,
)
from ._queue import (
    Message,
    MessageQueue,
    Sent,
    cancel_timer,
    current_queue,
    make_message,
    on_queue_end,
    post_to_thread,
    ticks,
)

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "WindowProc",
    "WindowClass",
    "Window",
    "register_class",
    "unregister_class",
    "create_window",
    "destroy_window",
    "is_window",
    "window_of",
    "def_window_proc",
    "dispatch_message",
    "post_message",
    "post_thread_message",
    "post_quit_message",
    "send_message",
    "send_notify_message",
    "reply_message",
    "in_send_message",
    "in_send_message_ex",
    "set_timer",
    "kill_timer",
    "register_window_message",
]

WindowProc: TypeAlias = "Callable[[int, int, Any, Any], int | None]"
"""A window procedure: ``proc(hwnd, msg, wparam, lparam)`` returns the message's result."""


@final
class WindowClass:
    """A registered window class: a name and the window procedure its windows use."""

    __slots__ = ("atom", "name", "proc", "style")

    def __init__(self, name: str, proc: WindowProc, style: int, atom: int) -> None:
        self.name = name
        self.proc = proc
        self.style = style
        self.atom = atom

    def __repr__(self) -> str:
        return f"<WindowClass {self.name!r} atom={self.atom:#x}>"


@final
class Window:
    """A window, owned by the thread that created it. Only the runtime creates these."""

    __slots__ = ("destroyed", "hwnd", "parent", "proc", "queue", "thread", "title", "wclass")

    def __init__(
        self, hwnd: int, wclass: WindowClass, title: str, parent: int, queue: MessageQueue
    ) -> None:
        self.hwnd = hwnd
        self.wclass = wclass
        self.title = title
        self.parent = parent
        self.proc = wclass.proc
        self.queue = queue
        self.thread: ThreadHandle = queue.thread
        self.destroyed = False

    def __repr__(self) -> str:
        state = " destroyed" if self.destroyed else ""
        return (
            f"<Window {self.hwnd:#x} {self.wclass.name!r} of thread {self.thread.native_id}{state}>"
        )

    @property
    def message_only(self) -> bool:
        """True for a message-only window (created with parent HWND_MESSAGE)."""
        return self.parent == HWND_MESSAGE

    def call(self, msg: int, wparam: object, lparam: object) -> int:
        """Run the window procedure now, on the calling thread (which must own the window)."""
        result = self.proc(self.hwnd, msg, wparam, lparam)
        return result if isinstance(result, int) else 0

    def post(self, msg: int, wparam: object = 0, lparam: object = 0) -> None:
        """Post a message to this window's thread (PostMessage)."""
        post_message(self.hwnd, msg, wparam, lparam)

    def send(
        self, msg: int, wparam: object = 0, lparam: object = 0, timeout: float | None = None
    ) -> int:
        """Send a message and return the window procedure's result (SendMessage)."""
        return send_message(self.hwnd, msg, wparam, lparam, timeout=timeout)

    def destroy(self) -> None:
        """Destroy the window (DestroyWindow); only its own thread may."""
        destroy_window(self.hwnd)

    def invalidate(self) -> None:
        """Mark the window as needing paint: WM_PAINT comes once nothing else is queued."""
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            self._check_alive()
            self.queue.paint[self.hwnd] = None
            self.queue.raise_bits(QS_PAINT, woken)
        wake_all(woken)

    def validate(self) -> None:
        """Mark the window as painted: WM_PAINT stops coming."""
        with KERNEL_LOCK:
            self.queue.paint.pop(self.hwnd, None)
            self.queue.settle()

    def _check_alive(self) -> None:
        if self.destroyed:
            raise InvalidWindowHandleError(f"{self!r} has been destroyed")


_classes: dict[str, WindowClass] = {}
_atoms = itertools.count(0xC000)
_windows: dict[int, Window] = {}
_hwnds = itertools.count(0x10010, 2)
_registered_messages: dict[str, int] = {}
_message_ids = itertools.count(0xC000)


def register_class(name: str, proc: WindowProc, *, style: int = 0) -> WindowClass:
    """Register a window class whose windows run ``proc`` (RegisterClass).

    Class names are compared without regard to case, as atoms are.

    Raises:
        ClassAlreadyExistsError: a class of that name is registered.
    """
    if not isinstance(name, str) or not name:
        raise TypeError(f"a window class name must be a non-empty str, not {name!r}")
    if not callable(proc):
        raise TypeError(f"a window procedure must be callable, not {proc!r}")
    with KERNEL_LOCK:
        if name.lower() in _classes:
            raise ClassAlreadyExistsError(f"a window class named {name!r} is already registered")
        wclass = WindowClass(name, proc, style, next(_atoms))
        _classes[name.lower()] = wclass
        return wclass


def unregister_class(name: str | int) -> None:
    """Forget a window class, by name or atom (UnregisterClass).

    Raises:
        ClassDoesNotExistError: no such class.
    """
    with KERNEL_LOCK:
        wclass = _lookup_class(name)
        if wclass is not None:
            del _classes[wclass.name.lower()]
            return
    raise ClassDoesNotExistError(f"no window class {name!r} is registered")


def create_window(class_name: str | int, title: str = "", *, parent: int = 0) -> Window:
    """Create a window of a registered class, owned by the calling thread (CreateWindow).

    WM_NCCREATE and WM_CREATE reach the window procedure before this returns; a 0 from the
    first or -1 from the second ends the creation (the window is destroyed, None is not
    returned: InvalidWindowHandleError is raised). ``parent=HWND_MESSAGE`` makes a
    message-only window.

    Raises:
        ClassNotFoundError: no class of that name or atom.
    """
    queue = current_queue()
    with KERNEL_LOCK:
        wclass = _find_class(class_name)
        if parent not in (0, HWND_MESSAGE) and parent not in _windows:
            raise InvalidWindowHandleError(f"the parent window {parent:#x} does not exist")
        window = Window(next(_hwnds), wclass, title, parent, queue)
        _windows[window.hwnd] = window
        queue.windows[window.hwnd] = window
    try:
        created = window.call(WM_NCCREATE, 0, 0) != 0 and window.call(WM_CREATE, 0, 0) != -1
    except BaseException:
        _forget(window)
        raise
    if not created:
        _forget(window)
        raise InvalidWindowHandleError(f"the procedure of {wclass!r} refused the creation")
    return window


def _lookup_class(class_name: str | int) -> WindowClass | None:
    """The class of that name (any case) or atom; kernel lock held."""
    if isinstance(class_name, str):
        return _classes.get(class_name.lower())
    return next((wclass for wclass in _classes.values() if wclass.atom == class_name), None)


def _find_class(class_name: str | int) -> WindowClass:
    wclass = _lookup_class(class_name)
    if wclass is not None:
        return wclass
    raise ClassNotFoundError(f"no window class {class_name!r} is registered; register it first")


def window_of(hwnd: int) -> Window:
    """Return the live window with that handle.

    Raises:
        InvalidWindowHandleError: no such window, or it was destroyed.
    """
    with KERNEL_LOCK:
        window = _windows.get(hwnd)
    if window is None:
        raise InvalidWindowHandleError(
            f"there is no window {hwnd:#x} (never created, or destroyed)"
        )
    return window


def is_window(hwnd: object) -> bool:
    """Tell whether ``hwnd`` is a live window (IsWindow); any other value gives False."""
    with KERNEL_LOCK:
        return hwnd in _windows


def window_filter(hwnd: int | None) -> int | None:
    """Check a retrieval's window filter and return it as ``MessageQueue.peek`` takes it.

    None and 0 mean any window and thread messages, -1 thread messages only; any other value
    must be a window of the calling thread.

    Raises:
        InvalidWindowHandleError: ``hwnd`` is not a window of the calling thread.
    """
    if hwnd is not None and hwnd not in (0, -1):
        owned_window(hwnd)
    return None if hwnd == 0 else hwnd


def owned_window(hwnd: int) -> Window:
    """Return a window of the calling thread (ERROR_INVALID_WINDOW_HANDLE otherwise)."""
    window = window_of(hwnd)
    if window.thread is not current_thread():
        raise InvalidWindowHandleError(
            f"{window!r} belongs to thread {window.thread.native_id}, not to this thread"
        )
    return window


def destroy_window(hwnd: int) -> None:
    """Destroy a window of the calling thread (DestroyWindow).

    The procedure gets WM_DESTROY then WM_NCDESTROY; the window's timers, paint state and
    queued messages go with it.

    Raises:
        AccessDeniedError: the window belongs to another thread.
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    if window.thread is not current_thread():
        raise AccessDeniedError(
            f"{window!r} belongs to thread {window.thread.native_id}; only that thread may "
            "destroy it (post it WM_CLOSE instead)"
        )
    try:
        window.call(WM_DESTROY, 0, 0)
        window.call(WM_NCDESTROY, 0, 0)
    finally:
        _forget(window)


def _forget(window: Window) -> None:
    """Drop a window and everything queued for it, without calling its procedure."""
    with KERNEL_LOCK:
        window.destroyed = True
        _windows.pop(window.hwnd, None)
        window.queue.windows.pop(window.hwnd, None)
        window.queue.forget_window(window.hwnd)


def def_window_proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
    """Default handling of a message (DefWindowProc).

    WM_CLOSE destroys the window, WM_PAINT validates it, WM_NCCREATE allows the creation;
    every other message gives 0.
    """
    if msg == WM_NCCREATE:
        return 1
    if msg == WM_CLOSE:
        destroy_window(hwnd)
    elif msg == WM_PAINT:
        window_of(hwnd).validate()
    return 0


def dispatch_message(message: Message | tuple[Any, ...]) -> int:
    """Run the window procedure of a retrieved message and return its result (DispatchMessage).

    A thread message (hwnd 0) has no procedure and gives 0. A WM_TIMER whose lparam is a
    callable calls it instead, as a TIMERPROC.

    Raises:
        WindowOfOtherThreadError: the window belongs to another thread.
    """
    hwnd, msg, wparam, lparam = message[0], message[1], message[2], message[3]
    if msg == WM_TIMER and callable(lparam):
        lparam(hwnd, msg, wparam, message[4])
        return 0
    if not hwnd:
        return 0
    queue = current_queue()
    window = queue.windows.get(hwnd)  # this thread's own windows: read without the lock
    if window is None:
        window = window_of(hwnd)  # raises InvalidWindowHandleError if there is none
        raise WindowOfOtherThreadError(
            f"{window!r} belongs to thread {window.thread.native_id}; its messages are "
            "dispatched there"
        )
    queue.handling.append(None)  # not a sent message: InSendMessage is false inside
    try:
        result = window.proc(hwnd, msg, wparam, lparam)
    finally:
        queue.handling.pop()
    return result if isinstance(result, int) else 0


def post_message(hwnd: int, msg: int, wparam: object = 0, lparam: object = 0) -> None:
    """Post a message to the queue of the thread that owns ``hwnd`` (PostMessage).

    hwnd 0 posts a thread message to the calling thread; HWND_BROADCAST posts to every
    top-level window.

    Raises:
        InvalidWindowHandleError: no such window.
        NotEnoughQuotaError: the target queue already holds 10,000 posted messages.
    """
    if not hwnd:
        _post(current_queue(), 0, msg, wparam, lparam)
        return
    if hwnd == HWND_BROADCAST:
        with KERNEL_LOCK:
            targets = [w for w in _windows.values() if not w.parent]
        for window in targets:
            _post(window.queue, window.hwnd, msg, wparam, lparam)
        return
    message = make_message(hwnd, msg, wparam, lparam)
    woken: list[Waiter] = []
    with KERNEL_LOCK:  # find the window and post in one hold, as post_to_thread does
        found = _windows.get(hwnd)
        if found is not None:
            found.queue.post(message, woken)
    if found is None:
        window_of(hwnd)  # raises the precise error
    if woken:
        wake_all(woken)


def post_thread_message(
    thread: ThreadHandle | int, msg: int, wparam: object = 0, lparam: object = 0
) -> None:
    """Post a thread message (hwnd 0) to a thread's queue (PostThreadMessage).

    Raises:
        InvalidThreadIdError: no such thread, or it has no message queue.
        NotEnoughQuotaError: its queue already holds 10,000 posted messages.
    """
    native_id = thread.native_id if isinstance(thread, ThreadHandle) else thread
    post_to_thread(native_id, make_message(0, msg, wparam, lparam))


def _post(queue: MessageQueue, hwnd: int, msg: int, wparam: object, lparam: object) -> None:
    message = make_message(hwnd, msg, wparam, lparam)
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        queue.post(message, woken)
    if woken:
        wake_all(woken)


def post_quit_message(exit_code: int = 0) -> None:
    """Ask the calling thread's message loop to end (PostQuitMessage).

    WM_QUIT is not queued: it is flagged, and retrieved once no matching posted message
    remains.
    """
    current_queue().post_quit(exit_code)


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
    window = window_of(hwnd)
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


def _call_here(me: MessageQueue, window: Window, msg: int, wparam: object, lparam: object) -> int:
    """Run a window procedure for a send from its own thread: no queue, not InSendMessage."""
    me.handling.append(None)
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
    window = window_of(hwnd)
    me = current_queue()
    if window.thread is me.thread:
        _call_here(me, window, msg, wparam, lparam)
        return
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        window.queue.send(Sent(window.proc, (hwnd, msg, wparam, lparam)), woken)
    wake_all(woken)


def reply_message(result: int) -> bool:
    """Release the sender of the message being handled now with ``result`` (ReplyMessage).

    Returns True only while handling a message sent from another thread that has not been
    answered yet; the procedure's own return value is then discarded.
    """
    handling = current_queue().handling
    sent = handling[-1] if handling else None
    if sent is None or sent.notify:
        return False
    return sent.reply(result)


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


# -- timers -----------------------------------------------------------------------------------

_thread_timer_ids = itertools.count(1)


def set_timer(
    hwnd: int, timer_id: int, elapse: float, callback: Callable[..., object] | None = None
) -> int:
    """Deliver WM_TIMER to a window of the calling thread every ``elapse`` seconds (SetTimer).

    Expirations are not queued: WM_TIMER is synthesized when the queue has nothing else,
    and several expirations coalesce into one. hwnd 0 makes a thread timer with a fresh id.
    Setting an existing (hwnd, id) timer again replaces it. ``callback`` is called by
    dispatch_message as ``callback(hwnd, WM_TIMER, id, time)`` (a TIMERPROC).

    Raises:
        InvalidWindowHandleError: the window is not the calling thread's.
    """
    if elapse < 0:
        raise InvalidParameterError(f"a timer period must be >= 0 seconds, not {elapse!r}")
    queue = owned_window(hwnd).queue if hwnd else current_queue()
    clock = _clock.get_clock()
    entry: list[Any] = [False, None, callback]
    key = (hwnd, timer_id)

    def fire() -> None:
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            if queue.timers.get(key) is not entry:
                return  # killed or replaced since
            entry[0] = True
            entry[1] = clock.call_at(clock.now() + max(elapse, 0.001), fire)
            queue.raise_bits(QS_TIMER, woken)
        wake_all(woken)

    with KERNEL_LOCK:
        if not hwnd:
            timer_id = next(_thread_timer_ids)
            key = (hwnd, timer_id)
        old = queue.timers.pop(key, None)
        if old is not None:
            cancel_timer(old)
        queue.timers[key] = entry
        entry[1] = clock.call_at(clock.now() + max(elapse, 0.001), fire)
    return timer_id


def kill_timer(hwnd: int, timer_id: int) -> bool:
    """Stop a timer of the calling thread (KillTimer); False if there is no such timer."""
    queue = owned_window(hwnd).queue if hwnd else current_queue()
    with KERNEL_LOCK:
        entry = queue.timers.pop((hwnd, timer_id), None)
        if entry is None:
            return False
        cancel_timer(entry)
        queue.settle()
    return True


def register_window_message(name: str) -> int:
    """Return the message number for ``name``, the same for every caller (0xC000-0xFFFF).

    Raises:
        NotEnoughQuotaError: all 16,384 registered message numbers are taken.
    """
    if not isinstance(name, str) or not name:
        raise InvalidParameterError("a registered message needs a non-empty name")
    with KERNEL_LOCK:
        number = _registered_messages.get(name.lower())
        if number is None:
            number = next(_message_ids)
            if number > 0xFFFF:
                raise NotEnoughQuotaError("every registered message number is taken")
            _registered_messages[name.lower()] = number
        return number


def _windows_end(queue: MessageQueue) -> None:
    """A thread ends: its windows go without their procedures being called."""
    for window in list(queue.windows.values()):
        _forget(window)


on_queue_end(_windows_end)
