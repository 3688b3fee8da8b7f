"""Arranging windows (CascadeWindows), scrolling a window's area (ScrollWindowEx), and
updating a layered window (UpdateLayeredWindow).

The screen is not drawn here, so scrolling moves no pixels: it reports and invalidates the
area the scroll uncovers, which a window repaints on its next WM_PAINT, as on Windows.
"""  # noqa: D205

from __future__ import annotations

from ..errors import ERROR_INVALID_PARAMETER, Win32Error
from ..kernel.lowlevel import KERNEL_LOCK
from ._enum import child_windows
from ._window_table import WINDOWS, desktop_hwnd, window_of
from ._windowinfo import is_iconic
from ._windowpos import client_rect, is_window_visible, move_window, window_rect

__all__ = ["CASCADE_STEP", "cascade_windows", "scroll_window_area", "update_layered_window"]

CASCADE_STEP = 26
"""How far each cascaded window sits right of and below the previous one (a caption's height
with its frame, at 96 DPI)."""
_WS_EX_LAYERED = 0x00080000
_NULLREGION, _SIMPLEREGION = 1, 2


def cascade_windows(
    parent: int, area: tuple[int, int, int, int] | None, kids: list[int] | None
) -> int:
    """Cascade ``kids`` (None: the visible, not minimized children of ``parent``, or with
    ``parent`` 0 the top-level windows of this process) from ``area``'s corner; their count.

    Each window keeps its size; the n-th is moved to ``(left + n*step, top + n*step)``.

    Raises:
        InvalidWindowHandleError: ``parent`` or one of ``kids`` is not a window.
    """  # noqa: D205
    if parent and parent != desktop_hwnd():
        window_of(parent)
    if kids is None:
        if parent and parent != desktop_hwnd():
            candidates = [h for h in child_windows(parent) if _parent_is(h, parent)]
        else:
            with KERNEL_LOCK:
                candidates = [w.hwnd for w in WINDOWS.values() if not w.parent]
        kids = [h for h in candidates if is_window_visible(h) and not is_iconic(h)]
    left, top = (area[0], area[1]) if area is not None else (0, 0)
    for index, hwnd in enumerate(kids):
        x0, y0, x1, y1 = window_rect(hwnd)
        step = index * CASCADE_STEP
        move_window(hwnd, left + step, top + step, x1 - x0, y1 - y0)
    return len(kids)


def _parent_is(hwnd: int, parent: int) -> bool:
    with KERNEL_LOCK:
        window = WINDOWS.get(hwnd)
        return window is not None and window.parent == parent


def scroll_window_area(
    hwnd: int, dx: int, dy: int, area: tuple[int, int, int, int] | None
) -> tuple[int, tuple[int, int, int, int]]:
    """The area a scroll by ``(dx, dy)`` of ``area`` (None: the client area) uncovers:
    ``(NULLREGION or SIMPLEREGION, its bounding rectangle)``.

    Raises:
        InvalidWindowHandleError: no such window.
    """  # noqa: D205
    window_of(hwnd)
    left, top, right, bottom = area if area is not None else client_rect(hwnd)
    if not dx and not dy:
        return _NULLREGION, (0, 0, 0, 0)
    x0, x1 = (left, min(right, left + dx)) if dx > 0 else (max(left, right + dx), right)
    y0, y1 = (top, min(bottom, top + dy)) if dy > 0 else (max(top, bottom + dy), bottom)
    if not dx:
        x0, x1 = left, right
    if not dy:
        y0, y1 = top, bottom
    if dx and dy:  # an L of two strips: its bounding box is the whole area
        x0, y0, x1, y1 = left, top, right, bottom
    return _SIMPLEREGION, (x0, y0, x1, y1)


def update_layered_window(
    hwnd: int, position: tuple[int, int] | None, size: tuple[int, int] | None
) -> None:
    """Place a layered window (UpdateLayeredWindow): its new position and size, if given.

    Raises:
        InvalidWindowHandleError: no such window.
        Win32Error: ERROR_INVALID_PARAMETER, the window is not layered (WS_EX_LAYERED), or
            SetLayeredWindowAttributes already chose that way of layering it.
    """
    window = window_of(hwnd)
    with KERNEL_LOCK:
        layered = window.ex_style & _WS_EX_LAYERED and window.layered is None
    if not layered:
        raise Win32Error.from_code(
            ERROR_INVALID_PARAMETER, f"{hwnd:#x} is not layered for UpdateLayeredWindow"
        )
    x0, y0, x1, y1 = window_rect(hwnd)
    x, y = position if position is not None else (x0, y0)
    width, height = size if size is not None else (x1 - x0, y1 - y0)
    move_window(hwnd, x, y, width, height)
