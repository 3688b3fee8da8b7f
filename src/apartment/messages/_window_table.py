"""The window table: every live window by handle, and the checks a handle gets.

It sits below both windows (``_window``, which adds and removes entries as windows are created
and destroyed) and the send protocol (``_send``, which looks its target up here), so neither
of those has to import the other's lookup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import InvalidWindowHandleError
from ..kernel import current_thread
from ..kernel.lowlevel import KERNEL_LOCK
from ._foreign import foreign_window
from ._queue import set_descendant_check

if TYPE_CHECKING:
    from ._window import Window

__all__ = [
    "WINDOWS",
    "descends_from",
    "desktop_hwnd",
    "is_window",
    "owned_window",
    "set_desktop_hwnd",
    "window_filter",
    "window_of",
]

WINDOWS: dict[int, Window] = {}
"""Every live window by handle. Read and changed only under the kernel lock; ``_window``
adds a window as it is created and removes it as it is destroyed."""


_desktop: list[int] = [0]
"""The desktop window's handle once ``_desktop`` has made it (0 before); kernel lock."""


def descends_from(hwnd: int, ancestor: int) -> bool:
    """Whether ``hwnd`` is a child window of ``ancestor`` at any depth. Kernel lock held."""
    window = WINDOWS.get(hwnd)
    while window is not None and window.is_child:
        if window.parent == ancestor:
            return True
        window = WINDOWS.get(window.parent)
    return False


set_descendant_check(descends_from)


def desktop_hwnd() -> int:
    """The desktop window's handle, or 0 while the desktop has not been made."""
    return _desktop[0]


def set_desktop_hwnd(hwnd: int) -> None:
    """Record the desktop window's handle (``_desktop`` only; 0 forgets it)."""
    _desktop[0] = hwnd


def window_of(hwnd: int) -> Window:
    """Return the live window with that handle.

    Raises:
        InvalidWindowHandleError: no such window, or it was destroyed.
    """
    with KERNEL_LOCK:
        window = WINDOWS.get(hwnd)
    if window is None:
        if not isinstance(hwnd, int):
            raise TypeError(f"a window handle is an int, not {hwnd!r}")
        raise InvalidWindowHandleError(
            f"there is no window {hwnd:#x} (never created, or destroyed)"
        )
    return window


def is_window(hwnd: object) -> bool:
    """Tell whether ``hwnd`` is a live window (IsWindow); any other value gives False.

    A window of another process of the session is one too.
    """
    with KERNEL_LOCK:
        if hwnd in WINDOWS:
            return True
    return foreign_window(hwnd) is not None


def owned_window(hwnd: int) -> Window:
    """Return a window of the calling thread (ERROR_INVALID_WINDOW_HANDLE otherwise)."""
    window = window_of(hwnd)
    if window.thread is not current_thread():
        raise InvalidWindowHandleError(
            f"{window!r} belongs to thread {window.thread.native_id}, not to this thread"
        )
    return window


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
