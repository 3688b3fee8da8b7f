"""Where a window is and whether it shows: ShowWindow, SetWindowPos, its text, its relations.

Nothing is drawn. A window is a rectangle placed relative to its parent's client area (the
desktop's, :data:`DESKTOP_SIZE`, for a top-level window) and has no frame: its client area is
the whole window. It is visible when it and all its ancestors have WS_VISIBLE.

Changing a window sends its procedure the messages Windows sends, in Windows' order; the
model leaves out what concerns drawing, the frame, activation and focus (WM_NCCALCSIZE,
WM_GETMINMAXINFO, WM_NCPAINT, WM_ERASEBKGND, WM_ACTIVATE*, WM_NCACTIVATE, WM_SETFOCUS, ...).
ShowWindow sends WM_SHOWWINDOW then positions the window; positioning sends
WM_WINDOWPOSCHANGING (whose WindowPos the procedure may change) and, when something changed,
WM_WINDOWPOSCHANGED, from which DefWindowProc sends WM_MOVE and WM_SIZE. An overlapped window
gets its first WM_SIZE and WM_MOVE from its first ShowWindow.

The work is done on the window's own thread: from another thread it travels there as a sent
message (``call_on_owner``), as Windows does it. Queries read the window under the kernel lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import InvalidWindowHandleError
from ..kernel.lowlevel import KERNEL_LOCK
from ._constants import (
    HWND_MESSAGE,
    WM_GETTEXT,
    WM_MOVE,
    WM_PAINT,
    WM_SETTEXT,
    WM_SHOWWINDOW,
    WM_SIZE,
    WM_WINDOWPOSCHANGED,
    WM_WINDOWPOSCHANGING,
)
from ._foreign import foreign_window
from ._params import TextBuffer, WindowPos, make_lparam
from ._send import call_on_owner, send_message
from ._styles import (
    GW_CHILD,
    GW_HWNDFIRST,
    GW_HWNDLAST,
    GW_HWNDNEXT,
    GW_HWNDPREV,
    GW_OWNER,
    HWND_BOTTOM,
    HWND_NOTOPMOST,
    HWND_TOPMOST,
    SIZE_RESTORED,
    SW_FORCEMINIMIZE,
    SW_HIDE,
    SW_MAX,
    SW_MINIMIZE,
    SW_RESTORE,
    SW_SHOWDEFAULT,
    SW_SHOWMAXIMIZED,
    SW_SHOWMINIMIZED,
    SW_SHOWMINNOACTIVE,
    SW_SHOWNA,
    SW_SHOWNOACTIVATE,
    SW_SHOWNORMAL,
    SWP_FRAMECHANGED,
    SWP_HIDEWINDOW,
    SWP_NOACTIVATE,
    SWP_NOCLIENTMOVE,
    SWP_NOCLIENTSIZE,
    SWP_NOMOVE,
    SWP_NOREDRAW,
    SWP_NOSENDCHANGING,
    SWP_NOSIZE,
    SWP_NOZORDER,
    SWP_SHOWWINDOW,
    WS_EX_TOPMOST,
    WS_MAXIMIZE,
    WS_MINIMIZE,
    WS_VISIBLE,
)
from ._window_table import WINDOWS, desktop_hwnd, window_of

if TYPE_CHECKING:
    from ._window import Window

__all__ = [
    "DESKTOP_SIZE",
    "client_rect",
    "get_window",
    "get_window_text",
    "is_window_visible",
    "move_window",
    "send_size_and_move",
    "set_pos_here",
    "set_window_pos",
    "set_window_text",
    "show_here",
    "show_window",
    "update_window",
    "window_rect",
]

DESKTOP_SIZE = (1024, 768)
"""The desktop's size: top-level windows are placed on it; CW_USEDEFAULT sizes come from it."""

GETTEXT_SIZE = 512
"""The buffer get_window_text offers in WM_GETTEXT when no size is given: 511 characters."""


def _check_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {value!r}")
    return value


# -- queries (any thread) -------------------------------------------------------------------


def _origin(window: Window) -> tuple[int, int]:
    """The screen position of ``window``'s parent's client area; kernel lock held."""
    x = y = 0
    parent = WINDOWS.get(window.parent) if window.is_child else None
    while parent is not None:
        x += parent.x
        y += parent.y
        parent = WINDOWS.get(parent.parent) if parent.is_child else None
    return x, y


def window_rect(hwnd: int) -> tuple[int, int, int, int]:
    """Return ``(left, top, right, bottom)`` of the window on the screen (GetWindowRect).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    try:
        window = window_of(hwnd)
    except InvalidWindowHandleError:
        other = foreign_window(hwnd)  # a window of another process: as its process told
        if other is None:
            raise
        return other.rect
    with KERNEL_LOCK:
        x, y = _origin(window)
        x += window.x
        y += window.y
        return x, y, x + window.width, y + window.height


def client_rect(hwnd: int) -> tuple[int, int, int, int]:
    """Return ``(0, 0, width, height)``, the window's client area (GetClientRect).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    with KERNEL_LOCK:
        return 0, 0, window.width, window.height


def is_window_visible(hwnd: object) -> bool:
    """Tell whether the window and all its ancestors have WS_VISIBLE (IsWindowVisible).

    Any value that is not a live window gives False.
    """
    if isinstance(hwnd, bool) or not isinstance(hwnd, int):
        return False
    with KERNEL_LOCK:
        window = WINDOWS.get(hwnd)
        while window is not None:
            if not window.style & WS_VISIBLE:
                return False
            if not window.is_child:  # a message-only window is never visible
                return window.parent != HWND_MESSAGE
            window = WINDOWS.get(window.parent)
        if hwnd in WINDOWS:
            return False
    other = foreign_window(hwnd)
    return other is not None and other.visible


def get_window(hwnd: int, relation: int) -> int:
    """Return the window in ``relation`` (GW_*) to ``hwnd``, 0 if there is none (GetWindow).

    Siblings are in z-order, topmost first: a new top-level window goes on top of its
    siblings, a new child window below its siblings; z-order changes otherwise only as
    windows come and go. A ``relation`` that is no GW_*
    value gives 0, as Windows gives it.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    relation = _check_int("relation", relation)
    with KERNEL_LOCK:
        if relation == GW_OWNER:
            return 0 if window.is_child else window.owner
        if relation == GW_CHILD:
            if hwnd == desktop_hwnd():  # the desktop's children are the top-level windows
                top = _siblings_of_top_level(message_only=False)
                return top[0].hwnd if top else 0
            return window.children[0].hwnd if window.children else 0
        if relation not in (GW_HWNDFIRST, GW_HWNDLAST, GW_HWNDNEXT, GW_HWNDPREV):
            return 0  # GW_ENABLEDPOPUP (no window is disabled here) or no GW_* value
        siblings = _siblings(window)
        if not siblings:
            return 0
        if relation == GW_HWNDFIRST:
            return siblings[0].hwnd
        if relation == GW_HWNDLAST:
            return siblings[-1].hwnd
        index = siblings.index(window) + (1 if relation == GW_HWNDNEXT else -1)
        return siblings[index].hwnd if 0 <= index < len(siblings) else 0


def _siblings(window: Window) -> list[Window]:
    """``window`` and its siblings, topmost first; kernel lock held."""
    if window.is_child:
        parent = WINDOWS.get(window.parent)
        return list(parent.children) if parent is not None else [window]
    return _siblings_of_top_level(message_only=window.parent == HWND_MESSAGE)


def _siblings_of_top_level(*, message_only: bool) -> list[Window]:
    """The top-level (or message-only) windows, topmost first; kernel lock held.

    The desktop window is none of them.
    """
    desktop = desktop_hwnd()
    return [
        other
        for other in reversed(WINDOWS.values())
        if not other.is_child
        and (other.parent == HWND_MESSAGE) == message_only
        and other.hwnd != desktop
    ]


# -- text -------------------------------------------------------------------------------------


def get_window_text(hwnd: int, size: int = GETTEXT_SIZE) -> str:
    """Return the window's text, at most ``size - 1`` characters (GetWindowText).

    The text comes from the window procedure's answer to WM_GETTEXT (DefWindowProc gives
    the text the window keeps), sent to the window's thread as Windows sends it. For a window
    of another process nothing is sent: the text it keeps is read, as Windows does.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    buffer = TextBuffer(max(_check_int("size", size), 0))
    with KERNEL_LOCK:
        mine = hwnd in WINDOWS
    if not mine:
        other = foreign_window(hwnd)
        if other is not None:  # another process's: the text it keeps, nothing is sent
            return other.title[: max(buffer.size - 1, 0)]
    length = send_message(hwnd, WM_GETTEXT, buffer.size, buffer)
    return buffer.text[: max(length, 0)] if buffer.size else ""


def set_window_text(hwnd: int, text: str) -> bool:
    """Set the window's text by sending it WM_SETTEXT (SetWindowText).

    Returns the procedure's answer as a bool (DefWindowProc keeps the text and says True).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    if not isinstance(text, str):
        raise TypeError(f"a window text is a str, not {text!r}")
    return send_message(hwnd, WM_SETTEXT, 0, text) != 0


# -- showing and positioning -------------------------------------------------------------------


def show_window(hwnd: int, command: int) -> bool:
    """Show or hide a window (ShowWindow); returns whether it was visible before.

    SW_HIDE hides it; the other SW_* commands show it. The minimizing commands give it
    WS_MINIMIZE, SW_(SHOW)MAXIMIZE(D) WS_MAXIMIZE, the restoring ones (SW_SHOWNORMAL,
    SW_SHOWNOACTIVATE, SW_RESTORE, SW_SHOWDEFAULT) take both away; sizes are not modelled (the
    window keeps its size). WM_SHOWWINDOW comes when the visibility changes and for SW_SHOWNA,
    but not with a change of that state nor for SW_SHOWMAXIMIZED (Wine's rules, from its
    message-sequence tests of Windows). A command that is no SW_* value changes nothing. Runs
    on the window's thread.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    command = _check_int("command", command)
    return call_on_owner(window, show_here, window, command) != 0


_MINIMIZING = (SW_SHOWMINIMIZED, SW_MINIMIZE, SW_SHOWMINNOACTIVE, SW_FORCEMINIMIZE)
_RESTORING = (SW_SHOWNORMAL, SW_SHOWNOACTIVATE, SW_RESTORE, SW_SHOWDEFAULT)


def _show_state(style: int, command: int, was_visible: bool) -> int | None:
    """The WS_MINIMIZE/WS_MAXIMIZE bits ``command`` gives, or None if it changes nothing.

    -1 stands for "no state change, but go on" (show or hide as the command says).
    """
    state = style & (WS_MINIMIZE | WS_MAXIMIZE)
    if command == SW_HIDE:
        return -1 if was_visible else None
    if command in _MINIMIZING:
        return None if state & WS_MINIMIZE else WS_MINIMIZE
    if command == SW_SHOWMAXIMIZED:
        if state & WS_MAXIMIZE:
            return None if was_visible else -1
        return WS_MAXIMIZE
    if command in _RESTORING and state:
        return 0
    if command == SW_SHOWNA or not was_visible:
        return -1
    return None  # SW_SHOW or a restoring command on a visible, normal window


def show_here(window: Window, command: int) -> bool:
    """ShowWindow on the owner thread (the caller)."""
    was_visible = bool(window.style & WS_VISIBLE)
    if not 0 <= command <= SW_MAX:
        return was_visible
    state = _show_state(window.style, command, was_visible)
    if state is None:
        return was_visible  # already so: no message at all
    show = command != SW_HIDE
    changed = state != -1
    if changed:
        with KERNEL_LOCK:
            window.style = (window.style & ~(WS_MINIMIZE | WS_MAXIMIZE)) | state
    elif (show != was_visible or command == SW_SHOWNA) and command != SW_SHOWMAXIMIZED:
        window.call(WM_SHOWWINDOW, int(show), 0)
    if window.destroyed:
        return was_visible
    if window.is_child and not is_window_visible(window.parent) and not changed:
        # a child of a hidden parent only toggles WS_VISIBLE: nothing of it can be seen
        with KERNEL_LOCK:
            if show:
                window.style |= WS_VISIBLE
            else:
                window.style &= ~WS_VISIBLE
        return was_visible
    child_flags = SWP_NOACTIVATE | SWP_NOZORDER if window.is_child else 0
    if not show:
        set_pos_here(window, 0, 0, 0, 0, 0, SWP_HIDEWINDOW | SWP_NOSIZE | SWP_NOMOVE | child_flags)
        return was_visible
    set_pos_here(window, 0, 0, 0, 0, 0, SWP_SHOWWINDOW | SWP_NOSIZE | SWP_NOMOVE | child_flags)
    if window.needs_size and not window.destroyed:
        window.needs_size = False  # an overlapped window's first show sizes it
        send_size_and_move(window, window.x, window.y, window.width, window.height)
    return was_visible


def send_size_and_move(window: Window, x: int, y: int, width: int, height: int) -> None:
    """Send WM_SIZE then WM_MOVE, as creation and a first ShowWindow do (owner thread)."""
    window.call(WM_SIZE, SIZE_RESTORED, make_lparam(width, height))
    if not window.destroyed:
        window.call(WM_MOVE, 0, make_lparam(x, y))


def set_window_pos(
    hwnd: int, insert_after: int, x: int, y: int, width: int, height: int, flags: int
) -> None:
    """Move, size, show or hide a window (SetWindowPos), on the window's thread.

    ``x``/``y`` are relative to the parent's client area; SWP_NOMOVE and SWP_NOSIZE keep the
    position or size; SWP_SHOWWINDOW and SWP_HIDEWINDOW show or hide it (without
    WM_SHOWWINDOW). ``insert_after`` is passed on in the WindowPos; z-order is not modelled
    but for the topmost band: HWND_TOPMOST gives a top-level window WS_EX_TOPMOST,
    HWND_NOTOPMOST and HWND_BOTTOM take it away.
    A negative width or height is 0.

    Raises:
        InvalidWindowHandleError: no such window, or (without SWP_NOZORDER) ``insert_after``
            is neither a window nor HWND_TOP/BOTTOM/TOPMOST/NOTOPMOST.
    """
    window = window_of(hwnd)
    for name, value in (("x", x), ("y", y), ("width", width), ("height", height)):
        _check_int(name, value)
    _check_int("flags", flags)
    if not flags & SWP_NOZORDER and insert_after not in (0, 1, -1, -2):
        window_of(insert_after)  # raises for no such window, as Windows and Wine check it
    call_on_owner(window, set_pos_here, window, insert_after, x, y, width, height, flags)


def move_window(hwnd: int, x: int, y: int, width: int, height: int, repaint: bool = True) -> None:
    """Move and size a window (MoveWindow): SetWindowPos without z-order or activation.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    flags = SWP_NOZORDER | SWP_NOACTIVATE | (0 if repaint else SWP_NOREDRAW)
    set_window_pos(hwnd, 0, x, y, width, height, flags)


def set_pos_here(
    window: Window, insert_after: int, x: int, y: int, width: int, height: int, flags: int
) -> None:
    """SetWindowPos on the owner thread (the caller): ...CHANGING, the change, ...CHANGED."""
    pos = WindowPos(window.hwnd, insert_after, x, y, width, height, flags)
    if not flags & SWP_NOSENDCHANGING:
        window.call(WM_WINDOWPOSCHANGING, 0, pos)
        if window.destroyed:
            return
    flags = pos.flags
    visible = bool(window.style & WS_VISIBLE)
    # Windows' fix-ups, after WM_WINDOWPOSCHANGING: showing a visible or hiding a hidden
    # window is no change, and a change to a window that stays unseen draws nothing.
    if visible:
        flags &= ~SWP_SHOWWINDOW
    else:
        flags &= ~SWP_HIDEWINDOW
        if not flags & SWP_SHOWWINDOW:
            flags |= SWP_NOREDRAW
    if window.is_child and not is_window_visible(window.parent):
        flags |= SWP_NOREDRAW
    with KERNEL_LOCK:
        new_x, new_y = (window.x, window.y) if flags & SWP_NOMOVE else (pos.x, pos.y)
        if flags & SWP_NOSIZE:
            new_width, new_height = window.width, window.height
        else:
            new_width, new_height = max(pos.width, 0), max(pos.height, 0)
        moved = (new_x, new_y) != (window.x, window.y)
        sized = (new_width, new_height) != (window.width, window.height)
        show = bool(flags & SWP_SHOWWINDOW)
        hide = bool(flags & SWP_HIDEWINDOW)
        topmost = _topmost_after(window, insert_after, flags)
        restacked = topmost != window.ex_style & WS_EX_TOPMOST
        if not (moved or sized or show or hide or restacked or flags & SWP_FRAMECHANGED):
            return
        window.ex_style = (window.ex_style & ~WS_EX_TOPMOST) | topmost
        window.x, window.y, window.width, window.height = new_x, new_y, new_width, new_height
        if show:
            window.style |= WS_VISIBLE
        elif hide:
            window.style &= ~WS_VISIBLE
    if hide:
        window.validate()  # a hidden window is not painted
    elif (show or (sized and visible)) and not flags & SWP_NOREDRAW:
        window.invalidate()
    if not restacked:
        flags |= SWP_NOZORDER  # z-order is not modelled beyond the topmost band
    if not moved:
        flags |= SWP_NOMOVE | SWP_NOCLIENTMOVE
    if not sized:
        flags |= SWP_NOSIZE | SWP_NOCLIENTSIZE
    changed = WindowPos(window.hwnd, insert_after, new_x, new_y, new_width, new_height, flags)
    window.call(WM_WINDOWPOSCHANGED, 0, changed)


def _topmost_after(window: Window, insert_after: int, flags: int) -> int:
    """The WS_EX_TOPMOST bit a SetWindowPos leaves; kernel lock held.

    HWND_TOPMOST puts a top-level window in the topmost band, HWND_NOTOPMOST and HWND_BOTTOM
    take it out; SWP_NOZORDER, any other place, and a child window keep what was.
    """
    kept = window.ex_style & WS_EX_TOPMOST
    if flags & SWP_NOZORDER or window.is_child:
        return kept
    place = (
        insert_after - (1 << 64) if insert_after >= 1 << 63 else insert_after
    )  # HWND as a pointer
    if place == HWND_TOPMOST:
        return WS_EX_TOPMOST
    if place in (HWND_NOTOPMOST, HWND_BOTTOM):
        return 0
    return kept


def update_window(hwnd: int) -> None:
    """Send WM_PAINT now to the window, and its children, that need painting (UpdateWindow).

    Nothing is sent for a window that needs no painting.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    call_on_owner(window, _update, window)


def _update(window: Window) -> None:
    """UpdateWindow on the owner thread: the window first, then its children."""
    with KERNEL_LOCK:
        due = window.hwnd in window.queue.paint
        children = [child for child in window.children if child.thread is window.thread]
    if due:
        window.call(WM_PAINT, 0, 0)
    for child in children:
        if not child.destroyed:
            _update(child)
