"""Destroying windows: DestroyWindow, and what goes with a window or a thread.

Destroying a window sends its procedure Windows' messages in Windows' order: a child first
notifies its parent (WM_PARENTNOTIFY); a visible window is hidden (a child with ShowWindow, so
WM_SHOWWINDOW comes too; a top-level window with SetWindowPos); a top-level window's owned
windows are destroyed, newest first; then WM_DESTROY goes to the window and its children top
down, and WM_NCDESTROY to the children and the window bottom up. A child of another thread is
destroyed on its own thread, as a sent message. A thread's windows go, without messages, when
the thread ends. Whatever keeps a window's handle beyond the window (the clipboard's owner)
hears of its destruction through :func:`on_window_destroying` (before WM_DESTROY, on the
window's thread) and of its end through :func:`on_window_gone`.

The module needs the Window class only in annotations: ``_window`` (which makes windows)
imports it, not the other way round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import AccessDeniedError
from ..kernel import current_thread
from ..kernel.lowlevel import KERNEL_LOCK
from ._constants import WM_DESTROY, WM_NCDESTROY, WM_PARENTNOTIFY
from ._menus import destroy_menu, is_menu
from ._params import make_lparam
from ._queue import on_queue_end
from ._send import call_on_owner, send_message
from ._styles import (
    SW_HIDE,
    SWP_HIDEWINDOW,
    SWP_NOACTIVATE,
    SWP_NOMOVE,
    SWP_NOSIZE,
    SWP_NOZORDER,
    WS_CHILD,
    WS_EX_NOPARENTNOTIFY,
    WS_POPUP,
    WS_VISIBLE,
)
from ._window_table import WINDOWS, window_of
from ._windowpos import set_pos_here, show_here

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._queue import MessageQueue
    from ._window import Window

__all__ = ["destroy_window", "forget", "notify_parent", "on_window_destroying", "on_window_gone"]

_destroying_hooks: list[Callable[[int], None]] = []
_gone_hooks: list[Callable[[int], None]] = []


def on_window_destroying(hook: Callable[[int], None]) -> None:
    """Run ``hook(hwnd)`` as a window is destroyed, before WM_DESTROY, on the window's thread.

    Not for the windows that go without messages as their thread ends.
    """
    _destroying_hooks.append(hook)


def on_window_gone(hook: Callable[[int], None]) -> None:
    """Run ``hook(hwnd)`` for every window that goes, once it is gone (no lock held).

    It runs on the thread that destroyed the window, or on the window's thread as it ends.
    """
    _gone_hooks.append(hook)


def notify_parent(window: Window, event: int) -> None:
    """Send WM_PARENTNOTIFY to a child's parent, unless the child has WS_EX_NOPARENTNOTIFY.

    Only the parent hears of a creation or destruction (as Wine and ReactOS send it; the
    ancestors further up hear of mouse clicks, which are not modelled).
    """
    if window.style & (WS_CHILD | WS_POPUP) != WS_CHILD or window.ex_style & WS_EX_NOPARENTNOTIFY:
        return
    parent = WINDOWS.get(window.parent)
    if parent is not None:
        wparam = make_lparam(event, window.child_id)
        send_message(parent.hwnd, WM_PARENTNOTIFY, wparam, window.hwnd)


def destroy_window(hwnd: int) -> None:
    """Destroy a window of the calling thread (DestroyWindow).

    The messages (module docstring) go to the window, its owned windows and its children;
    their timers, paint state and queued messages go with them.

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
    if window.destroying:
        return  # DestroyWindow again from one of its own destruction messages
    window.destroying = True
    try:
        _destroy(window)
    finally:
        if not window.destroyed:
            forget(window)


def _destroy(window: Window) -> None:
    """Destroy a window of this thread with its owned windows and children."""
    if window.is_child:
        notify_parent(window, WM_DESTROY)
    if window.style & WS_VISIBLE and not window.destroyed:
        if window.is_child:  # only a child gets WM_SHOWWINDOW here
            show_here(window, SW_HIDE)
        else:
            hide = SWP_HIDEWINDOW | SWP_NOACTIVATE | SWP_NOZORDER | SWP_NOMOVE | SWP_NOSIZE
            set_pos_here(window, 0, 0, 0, 0, 0, hide)
    if not window.is_child:  # its owned windows go first, topmost (newest) first
        with KERNEL_LOCK:
            owned = [other for other in reversed(WINDOWS.values()) if other.owner == window.hwnd]
            for other in owned:
                if other.thread is not window.thread:
                    other.owner = 0  # another thread's window outlives its owner
        for other in owned:
            if other.thread is window.thread and not other.destroying:
                destroy_window(other.hwnd)
    _send_destroy(window)
    _free(window)


def _send_destroy(window: Window) -> None:
    """WM_DESTROY to the window, then to its children (pre-order)."""
    window.destroying = True
    for hook in _destroying_hooks:
        hook(window.hwnd)
    window.call(WM_DESTROY, 0, 0)
    for child in list(window.children):
        if child.destroyed:
            continue
        if child.thread is window.thread:
            _send_destroy(child)
        else:  # a child of another thread is destroyed on its thread, as a sent message does
            call_on_owner(child, _destroy_subtree, child)


def _destroy_subtree(window: Window) -> None:
    if not window.destroyed:
        _send_destroy(window)
        _free(window)


def _free(window: Window) -> None:
    """WM_NCDESTROY to the children, then to the window (post-order), and forget them."""
    for child in list(window.children):
        if not child.destroyed and child.thread is window.thread:
            _free(child)
    if not window.destroyed:
        window.call(WM_NCDESTROY, 0, 0)
        forget(window)


def forget(window: Window) -> None:
    """Drop a window, its children and everything queued for them, calling no procedure.

    A top-level window's menu bar goes with it, as DestroyWindow documents.
    """
    with KERNEL_LOCK:
        doomed = [window]
        index = 0
        while index < len(doomed):
            doomed.extend(doomed[index].children)
            index += 1
        parent = WINDOWS.get(window.parent)
        if parent is not None and window in parent.children:
            parent.children.remove(window)
        for gone in doomed:
            gone.destroyed = True
            gone.children = []
            WINDOWS.pop(gone.hwnd, None)
            gone.queue.windows.pop(gone.hwnd, None)
            gone.queue.forget_window(gone.hwnd)
        menus = [gone.menu for gone in doomed if gone.menu and not gone.is_child]
    for menu in menus:
        if is_menu(menu):
            destroy_menu(menu)
    for hook in _gone_hooks:
        for gone in doomed:
            hook(gone.hwnd)


def _windows_end(queue: MessageQueue) -> None:
    """A thread ends: its windows go without their procedures being called."""
    for window in list(queue.windows.values()):
        if not window.destroyed:
            forget(window)


on_queue_end(_windows_end)
