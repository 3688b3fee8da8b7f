"""Window classes and windows owned by their thread: creating, destroying, posting, dispatching.

A window belongs for life to the thread that created it: only that thread runs its window
procedure, which it does when it dispatches a posted message, when it handles a message sent
from another thread (inside its next get/peek), or directly for a send from the same thread.
A window procedure is a callable ``proc(hwnd, msg, wparam, lparam) -> int``.

The table of live windows and the lookups by handle are in ``_window_table``, below this
module and the send protocol (``_send``) alike; sending is in ``_send``, timers in ``_timers``.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, TypeAlias, final

from ..errors import (
    AccessDeniedError,
    ClassAlreadyExistsError,
    ClassDoesNotExistError,
    ClassNotFoundError,
    InvalidWindowHandleError,
    WindowOfOtherThreadError,
)
from ..kernel import ThreadHandle, current_thread
from ..kernel.lowlevel import KERNEL_LOCK, Waiter, wake_all
from ._constants import (
    HWND_BROADCAST,
    HWND_MESSAGE,
    QS_PAINT,
    WM_CLOSE,
    WM_CREATE,
    WM_DESTROY,
    WM_NCCREATE,
    WM_NCDESTROY,
    WM_PAINT,
    WM_TIMER,
)
from ._message import Message, posted_message
from ._queue import current_queue, on_queue_end, post_to_thread
from ._send import send_message
from ._window_table import WINDOWS, window_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._queue import MessageQueue

__all__ = [
    "WindowProc",
    "WindowClass",
    "Window",
    "register_class",
    "unregister_class",
    "create_window",
    "destroy_window",
    "def_window_proc",
    "dispatch_message",
    "post_message",
    "post_thread_message",
    "post_quit_message",
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
_hwnds = itertools.count(0x10010, 2)


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
        if parent not in (0, HWND_MESSAGE) and parent not in WINDOWS:
            raise InvalidWindowHandleError(f"the parent window {parent:#x} does not exist")
        window = Window(next(_hwnds), wclass, title, parent, queue)
        WINDOWS[window.hwnd] = window
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
        WINDOWS.pop(window.hwnd, None)
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
            targets = [w for w in WINDOWS.values() if not w.parent]
        for window in targets:
            _post(window.queue, window.hwnd, msg, wparam, lparam)
        return
    message = posted_message(hwnd, msg, wparam, lparam)
    woken: list[Waiter] = []
    with KERNEL_LOCK:  # find the window and post in one hold, as post_to_thread does
        found = WINDOWS.get(hwnd)
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
    post_to_thread(native_id, posted_message(0, msg, wparam, lparam))


def _post(queue: MessageQueue, hwnd: int, msg: int, wparam: object, lparam: object) -> None:
    message = posted_message(hwnd, msg, wparam, lparam)
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


def _windows_end(queue: MessageQueue) -> None:
    """A thread ends: its windows go without their procedures being called."""
    for window in list(queue.windows.values()):
        _forget(window)


on_queue_end(_windows_end)
