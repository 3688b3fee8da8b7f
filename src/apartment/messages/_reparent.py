"""SetParent: a window moves under another parent (or the desktop, or the message-only root).

What Windows and Wine agree on: the previous parent comes back (the desktop window's handle
for a top-level window); the window keeps its position relative to its parent's client area,
so it moves with the new parent; it goes on top of its new siblings; a window cannot go under
itself or one of its descendants (ERROR_INVALID_PARAMETER). The window's styles are the
caller's to change (WS_CHILD, WS_POPUP), as Windows leaves them: a window without WS_CHILD
that gets a parent stays in the top-level order here. The WM_WINDOWPOS* messages Windows
sends while it moves the window are not sent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import InvalidParameterError
from ..kernel.lowlevel import KERNEL_LOCK
from ._constants import HWND_MESSAGE
from ._window_table import WINDOWS, desktop_hwnd, window_of

if TYPE_CHECKING:
    from ._window import Window

__all__ = ["set_parent"]


def set_parent(hwnd: int, new_parent: int) -> int:
    """Make ``new_parent`` (0: the desktop, HWND_MESSAGE) the parent of ``hwnd``; the old one.

    Raises:
        InvalidWindowHandleError: either is not a window of this process.
        InvalidParameterError: ``new_parent`` is ``hwnd`` or one of its descendants.
    """
    if hwnd == desktop_hwnd():
        return 0  # the desktop window has no parent to change (Wine: NULL, and no error)
    window = window_of(hwnd)
    if new_parent and new_parent == desktop_hwnd():
        new_parent = 0  # the desktop window stands for the desktop: a top-level window again
    if new_parent not in (0, HWND_MESSAGE):
        parent = window_of(new_parent)
        with KERNEL_LOCK:
            ancestor: Window | None = parent
            while ancestor is not None:
                if ancestor is window:
                    raise InvalidParameterError(
                        f"window {new_parent:#x} is {hwnd:#x} or one of its descendants: a "
                        "window cannot be its own ancestor"
                    )
                ancestor = WINDOWS.get(ancestor.parent) if ancestor.is_child else None
    with KERNEL_LOCK:
        old = window.parent
        was_child = window.is_child
        if was_child:
            siblings = WINDOWS[old].children if old in WINDOWS else []
            if window in siblings:
                siblings.remove(window)
        window.parent = new_parent
        if window.is_child:
            WINDOWS[new_parent].children.insert(0, window)  # on top of its new siblings
        elif hwnd in WINDOWS:
            WINDOWS[hwnd] = WINDOWS.pop(hwnd)  # on top of the top-level windows
    if old:  # a window, with WS_CHILD or not, or the message-only root
        return old
    from ._desktop import desktop_window  # (made on first use: it needs this layer whole)

    return desktop_window()
