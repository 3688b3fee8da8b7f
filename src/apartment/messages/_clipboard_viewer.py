"""The clipboard viewer chain: windows told when the clipboard's contents change.

Windows keeps the first window of the chain (SetClipboardViewer makes a window the first and
returns the one it displaces, which the new viewer must remember and pass messages on to):

* **WM_DRAWCLIPBOARD** (wParam: the clipboard's owner) goes to the first viewer when it
  joins and whenever the clipboard is closed after a change; each viewer passes it on to the
  next with SendMessage.
* **ChangeClipboardChain(remove, next)**: if ``remove`` is the first viewer, ``next`` takes
  its place and the call returns 1 (TRUE); else the first viewer is sent
  **WM_CHANGECBCHAIN** (wParam ``remove``, lParam ``next``) and passes it along the chain
  until the window before ``remove`` links to ``next``, and the call returns what the first
  viewer's handler returned (0 with no viewer).
* A first viewer destroyed without leaving the chain leaves it empty.

The messages are sent as SendNotifyMessage sends them (the first viewer's thread handles
them; the sender does not wait). Windows are a process's own here, so the chain is this
process's: changes other processes make to the clipboard do not reach it
(docs/differences-from-windows.md).
"""

from __future__ import annotations

import contextlib
import threading

from .._fork import OUTER, THREADS, after_fork_in_child, hold_across_fork
from ..errors import InvalidWindowHandleError
from ._clipboard_rules import settle
from ._clipboard_store import transaction
from ._destroy import on_window_gone
from ._liveness import current_identity
from ._send import send_message, send_notify_message
from ._window_table import window_of

__all__ = [
    "WM_DRAWCLIPBOARD",
    "WM_CHANGECBCHAIN",
    "set_clipboard_viewer",
    "clipboard_viewer",
    "change_clipboard_chain",
    "clipboard_changed",
]

WM_DRAWCLIPBOARD = 0x0308
WM_CHANGECBCHAIN = 0x030D


class _Chain:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.first = 0


_chain = _Chain()


def _draw(viewer: int, owner: int) -> None:
    with contextlib.suppress(InvalidWindowHandleError):  # destroyed meanwhile
        send_notify_message(viewer, WM_DRAWCLIPBOARD, owner, 0)


def _owner() -> int:
    """The clipboard's owner if it is a window of this process, else 0."""
    with transaction() as db:
        owner = settle(db).owner
    pid, ptoken, _, _ = current_identity()
    return owner.hwnd if (owner.pid, owner.ptoken) == (pid, ptoken) else 0


def set_clipboard_viewer(hwnd: int) -> int:
    """Make ``hwnd`` the first clipboard viewer; return the previous first (0: none).

    ``hwnd`` is sent WM_DRAWCLIPBOARD (wParam: the clipboard's owner) at once.

    Raises:
        InvalidWindowHandleError: ``hwnd`` is not a window.
    """
    window_of(hwnd)
    with _chain.lock:
        previous, _chain.first = _chain.first, hwnd
    _draw(hwnd, _owner())
    return previous


def clipboard_viewer() -> int:
    """The first window of the clipboard viewer chain, 0 if none (GetClipboardViewer)."""
    with _chain.lock:
        return _chain.first


def change_clipboard_chain(remove: int, next_viewer: int) -> int:
    """Take ``remove`` out of the chain, linking its predecessor to ``next_viewer``.

    Returns 1 if ``remove`` was the first viewer, else the first viewer's answer to
    WM_CHANGECBCHAIN (0 with no viewer).

    Raises:
        InvalidWindowHandleError: ``remove`` is not a window.
    """
    window_of(remove)
    with _chain.lock:
        first = _chain.first
        if first == remove:
            _chain.first = next_viewer
            return 1
    if not first:
        return 0
    try:
        return send_message(first, WM_CHANGECBCHAIN, remove, next_viewer)
    except InvalidWindowHandleError:
        return 0


def clipboard_changed(owner: int) -> None:
    """The clipboard was closed after a change: tell the first viewer (WM_DRAWCLIPBOARD)."""
    with _chain.lock:
        first = _chain.first
    if first:
        _draw(first, owner)


def _window_gone(hwnd: int) -> None:
    with _chain.lock:
        if _chain.first == hwnd:
            _chain.first = 0


def _forget_after_fork() -> None:
    with _chain.lock:
        _chain.first = 0


on_window_gone(_window_gone)
after_fork_in_child(_forget_after_fork, THREADS)
