"""More about a window and its place: ancestors, dialog ids, points, placement, z-order.

Queries read the window table under the kernel lock; changes (placement, z-order, showing)
go through ``_windowpos``, which runs them on the window's thread. A window has no frame, so
its client area's origin is its top left corner on the screen (``ClientToScreen``).

Nothing is drawn: FlashWindow and AnimateWindow change what they would leave changed (the
window shown or hidden, activated) and nothing else. A minimized window is one with
WS_MINIMIZE (CloseWindow sets it); its size does not change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..errors import InvalidParameterError, InvalidWindowHandleError
from ..kernel.lowlevel import KERNEL_LOCK
from ._constants import HWND_MESSAGE
from ._desktop import desktop_window
from ._focus import input_state, set_active_window, top_level_of
from ._gui_constants import GA_PARENT, GA_ROOT, GA_ROOTOWNER
from ._styles import (
    GW_CHILD,
    SW_HIDE,
    SW_SHOW,
    SW_SHOWMAXIMIZED,
    SW_SHOWMINIMIZED,
    SW_SHOWNORMAL,
    SWP_NOACTIVATE,
    SWP_NOZORDER,
    WS_CHILD,
    WS_DISABLED,
    WS_EX_LAYERED,
    WS_MAXIMIZE,
    WS_MINIMIZE,
    WS_POPUP,
    WS_VISIBLE,
)
from ._window_table import WINDOWS, descends_from, window_of
from ._windowlong import GWL_ID, window_long
from ._windowpos import get_window, set_window_pos, show_window, window_rect

if TYPE_CHECKING:
    from ._window import Window

__all__ = [
    "AW_ACTIVATE",
    "AW_HIDE",
    "Placement",
    "animate_window",
    "bring_window_to_top",
    "child_window_from_point",
    "client_to_screen",
    "close_window",
    "dialog_item",
    "dialog_control_id",
    "flash_window",
    "get_ancestor",
    "get_parent",
    "is_child",
    "is_iconic",
    "layered_attributes",
    "screen_to_client",
    "set_layered_attributes",
    "set_window_placement",
    "top_window",
    "window_from_point",
    "window_placement",
]

AW_HIDE: Final = 0x00010000
AW_ACTIVATE: Final = 0x00020000

Placement = tuple[int, int, tuple[int, int], tuple[int, int], tuple[int, int, int, int]]
"""WINDOWPLACEMENT: ``(flags, show_cmd, min_position, max_position, normal_rect)``."""


def top_window(hwnd: int) -> int:
    """The topmost child of ``hwnd`` (of the desktop for 0), or 0 (GetTopWindow).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    return get_window(hwnd or desktop_window(), GW_CHILD)


def get_parent(hwnd: int) -> int:
    """Return the parent of a child window, the owner of a WS_POPUP window, else 0 (GetParent).

    A WS_CHILD window at the top level (moved there by SetParent, or given WS_CHILD by
    SetWindowLong) has the desktop as its parent, as on Windows and Wine.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    with KERNEL_LOCK:
        if window.is_child:
            return window.parent
        if not window.style & WS_CHILD or window.parent == HWND_MESSAGE:
            return window.owner if window.style & WS_POPUP else 0
    return desktop_window()


def get_ancestor(hwnd: int, flags: int) -> int:
    """The window's parent, root or root owner (GetAncestor with GA_PARENT, GA_ROOT, ...).

    GA_PARENT of a top-level window is the desktop window; GA_ROOT is the top-level window a
    window is in; GA_ROOTOWNER follows GetParent (the owner of a popup) from there. Any other
    ``flags`` give 0.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    if flags == GA_PARENT:
        if window.is_child:
            return window.parent
        return 0 if window.parent == HWND_MESSAGE else desktop_window()
    if flags not in (GA_ROOT, GA_ROOTOWNER):
        return 0
    with KERNEL_LOCK:
        root = top_level_of(window)
        if flags == GA_ROOTOWNER:
            while root.style & WS_POPUP and root.owner in WINDOWS:
                root = top_level_of(WINDOWS[root.owner])
        return root.hwnd


def is_child(parent: int, hwnd: int) -> bool:
    """Whether ``hwnd`` is a child or descendant of ``parent`` (IsChild); False for bad ones."""
    with KERNEL_LOCK:
        return descends_from(hwnd, parent)


def dialog_control_id(hwnd: int) -> int:
    """A child window's id (GetDlgCtrlID); a top-level window's GWL_ID (its menu).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    return window_long(hwnd, GWL_ID)


def dialog_item(hwnd: int, control_id: int) -> int:
    """The first child of ``hwnd`` whose id is ``control_id``, or 0 (GetDlgItem).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    with KERNEL_LOCK:
        for child in window.children:
            if child.child_id == control_id:
                return child.hwnd
    return 0


def _point(point: tuple[int, int]) -> tuple[int, int]:
    x, y = point
    for value in (x, y):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"a point is a tuple of 2 ints, not {point!r}")
    return x, y


def client_to_screen(hwnd: int, point: tuple[int, int]) -> tuple[int, int]:
    """A point of the window's client area in screen coordinates (ClientToScreen).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    x, y = _point(point)
    left, top, _, _ = window_rect(hwnd)
    return x + left, y + top


def screen_to_client(hwnd: int, point: tuple[int, int]) -> tuple[int, int]:
    """A screen point in the window's client coordinates (ScreenToClient).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    x, y = _point(point)
    left, top, _, _ = window_rect(hwnd)
    return x - left, y - top


def _contains(window: Window, x: int, y: int) -> bool:
    """Whether a point relative to the window's parent is in it; kernel lock held."""
    return window.x <= x < window.x + window.width and window.y <= y < window.y + window.height


def child_window_from_point(hwnd: int, point: tuple[int, int], skip: int = 0) -> int:
    """The child of ``hwnd`` at a point of its client area (ChildWindowFromPoint(Ex)).

    ``hwnd`` itself if no child is there, 0 if the point is outside it. Hidden and disabled
    children count, as Windows counts them, unless ``skip`` has CWP_SKIPINVISIBLE (1),
    CWP_SKIPDISABLED (2) or CWP_SKIPTRANSPARENT (4: WS_EX_TRANSPARENT).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    x, y = _point(point)
    window = window_of(hwnd)
    with KERNEL_LOCK:
        if not (0 <= x < window.width and 0 <= y < window.height):
            return 0
        for child in window.children:
            if _contains(child, x, y) and not _skipped(child, skip):
                return child.hwnd
    return hwnd


def _skipped(window: Window, skip: int) -> bool:
    """Whether ChildWindowFromPointEx's CWP_* flags pass over the window; kernel lock held."""
    return bool(
        (skip & 1 and not window.style & WS_VISIBLE)
        or (skip & 2 and window.style & WS_DISABLED)
        or (skip & 4 and window.ex_style & 0x20)
    )


def window_from_point(point: tuple[int, int]) -> int:
    """The visible window at a screen point, the deepest child there (WindowFromPoint).

    The desktop window when no window is there.
    """
    x, y = _point(point)
    desktop = desktop_window()
    with KERNEL_LOCK:
        candidates = [
            window
            for window in reversed(WINDOWS.values())
            if not window.is_child and window.parent != HWND_MESSAGE and window.hwnd != desktop
        ]
        found = None
        while True:
            hit = next(
                (
                    window
                    for window in candidates
                    if window.style & WS_VISIBLE and _contains(window, x, y)
                ),
                None,
            )
            if hit is None:
                break
            found = hit
            x, y = x - hit.x, y - hit.y
            candidates = hit.children
    return found.hwnd if found is not None else desktop


def window_placement(hwnd: int) -> Placement:
    """The window's show state and normal rectangle (GetWindowPlacement).

    The show command is SW_SHOWMINIMIZED or SW_SHOWMAXIMIZED for a window with WS_MINIMIZE
    or WS_MAXIMIZE, else SW_SHOWNORMAL (hidden or not, as Windows says); the positions of
    the minimized and maximized window are (-1, -1); the rectangle is relative to the
    parent's client area (the desktop's for a top-level window).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    with KERNEL_LOCK:
        if window.style & WS_MINIMIZE:
            show = SW_SHOWMINIMIZED
        elif window.style & WS_MAXIMIZE:
            show = SW_SHOWMAXIMIZED
        else:
            show = SW_SHOWNORMAL
        rect = (window.x, window.y, window.x + window.width, window.y + window.height)
    minimized = (-32000, -32000) if show == SW_SHOWMINIMIZED else (-1, -1)
    return 0, show, minimized, (-1, -1), rect


def set_window_placement(hwnd: int, show_command: int, rect: tuple[int, int, int, int]) -> None:
    """Place a window at its normal rectangle, then ShowWindow it (SetWindowPlacement).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    left, top, right, bottom = rect
    flags = SWP_NOZORDER | SWP_NOACTIVATE
    set_window_pos(hwnd, 0, left, top, right - left, bottom - top, flags)
    show_window(hwnd, show_command)


def bring_window_to_top(hwnd: int) -> None:
    """Put the window on top of its siblings; a top-level one is activated (BringWindowToTop).

    Only if the caller shares the window's input state, as SetActiveWindow requires.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    with KERNEL_LOCK:
        if window.is_child:
            parent = WINDOWS.get(window.parent)
            if parent is not None and window in parent.children:
                parent.children.remove(window)
                parent.children.insert(0, window)
            return
        WINDOWS[hwnd] = WINDOWS.pop(hwnd)  # the table's order is the top-level z-order
    if window.queue in input_state().queues:
        set_active_window(hwnd)


def flash_window(hwnd: int) -> bool:
    """FlashWindow(Ex): nothing flashes. Whether the window was the active one of its thread.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    return input_state().active == window.hwnd


def close_window(hwnd: int) -> None:
    """Minimize a window (CloseWindow): it gets WS_MINIMIZE; its size stays.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    with KERNEL_LOCK:
        if window.style & (WS_CHILD | WS_POPUP) == WS_CHILD:
            raise InvalidParameterError("CloseWindow minimizes top-level windows only")
        window.style |= WS_MINIMIZE


def is_iconic(hwnd: int) -> bool:
    """Whether the window is minimized (WS_MINIMIZE; IsIconic); False for a bad handle."""
    with KERNEL_LOCK:
        window = WINDOWS.get(hwnd)
        return window is not None and bool(window.style & WS_MINIMIZE)


def animate_window(hwnd: int, flags: int) -> bool:
    """Show or hide a window at once (AnimateWindow): no animation is drawn.

    AW_HIDE hides it; otherwise it is shown, and activated with AW_ACTIVATE. Returns False
    (nothing done) when it is already shown or hidden, as Windows does.

    Raises:
        InvalidParameterError: no such window (Windows' code for it, as Wine gives it).
    """
    with KERNEL_LOCK:
        window = WINDOWS.get(hwnd)
        visible = window is not None and bool(window.style & WS_VISIBLE)
    if window is None:
        raise InvalidParameterError(f"there is no window {hwnd!r} to animate")
    hide = bool(flags & AW_HIDE)
    if visible != hide:
        return False
    show_window(hwnd, SW_HIDE if hide else SW_SHOW)
    if flags & AW_ACTIVATE and not hide:
        set_active_window(hwnd)
    return True


def set_layered_attributes(hwnd: int, key: int, alpha: int, flags: int) -> None:
    """Keep a layered window's color key and opacity (SetLayeredWindowAttributes).

    ``flags`` (LWA_COLORKEY, LWA_ALPHA) are kept as given.

    Raises:
        InvalidWindowHandleError: no such window, or one without WS_EX_LAYERED (Windows'
            code for it, as Wine gives it).
    """
    window = window_of(hwnd)
    with KERNEL_LOCK:
        if not window.ex_style & WS_EX_LAYERED:
            raise InvalidWindowHandleError(f"{window!r} is not layered (WS_EX_LAYERED)")
        window.layered = (key & 0xFFFFFFFF, alpha & 0xFF, flags)


def layered_attributes(hwnd: int) -> tuple[int, int, int]:
    """``(key, alpha, flags)`` of a layered window (GetLayeredWindowAttributes).

    Raises:
        InvalidWindowHandleError: no such window, or one not layered or with no attributes
            set (Windows' code for it, as Wine gives it).
    """
    window = window_of(hwnd)
    with KERNEL_LOCK:
        if not window.ex_style & WS_EX_LAYERED or window.layered is None:
            raise InvalidWindowHandleError(f"{window!r} has no layered attributes")
        return window.layered
