"""Painting windows: window contexts, update regions, BeginPaint and EndPaint.

A window needs painting while its update region (``Window.update_region``, client
coordinates) is not validated: WM_PAINT comes from its message loop until then.
``invalidate_rect`` adds to it (nothing for a hidden window, as Windows: it has nothing to
show), ``validate_rect`` takes from it, and ``begin_paint`` validates it all and gives a
context clipped to it, so a message loop does not spin on WM_PAINT.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..messages import Region, is_window_visible, window_of
from ._dc import DeviceContext, create_window_dc, dc_of
from ._objects import GDI_LOCK, lookup

__all__ = [
    "PaintInfo",
    "get_dc",
    "release_dc",
    "begin_paint",
    "end_paint",
    "invalidate_rect",
    "invalidate_region",
    "validate_region",
    "validate_rect",
    "update_region",
    "window_from_dc",
]


@dataclass(frozen=True)
class PaintInfo:
    """What BeginPaint tells (PAINTSTRUCT): the context, erase flag and the rectangle to paint.

    ``erase`` is False: the background is taken as erased (WM_ERASEBKGND is not sent).
    """

    hdc: int
    erase: bool
    rect: tuple[int, int, int, int]


def get_dc(hwnd: int) -> DeviceContext:
    """A context for a window's client area, or for the screen when ``hwnd`` is 0 (GetDC).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    if hwnd:
        window_of(hwnd)
    return create_window_dc(hwnd)


def release_dc(hwnd: int, hdc: int) -> bool:
    """Give back a context from GetDC (ReleaseDC); False for anything else or a second time."""
    with GDI_LOCK:
        try:
            dc = lookup(hdc, DeviceContext)
        except Exception:
            return False
        assert isinstance(dc, DeviceContext)
        if dc.memory:
            return False
        dc.delete()
        return True


def begin_paint(hwnd: int) -> tuple[DeviceContext, PaintInfo]:
    """Start painting a window (BeginPaint): validate its update region, clip a context to it.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    region = window_of(hwnd).take_update_region()
    dc = create_window_dc(hwnd)
    with GDI_LOCK:
        dc.state.clip = region
    return dc, PaintInfo(dc.handle, False, region.box)


def end_paint(hwnd: int, hdc: int) -> None:
    """End painting (EndPaint): the context from BeginPaint goes."""
    with GDI_LOCK:
        try:
            dc = dc_of(hdc)
        except Exception:
            return
        if not dc.memory and dc.window == hwnd:
            dc.delete()


def invalidate_rect(hwnd: int, rect: tuple[int, int, int, int] | None) -> None:
    """Add a rectangle (None: the client area) to a visible window's update region.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    if is_window_visible(hwnd):
        window.invalidate(rect)


def invalidate_region(hwnd: int, region: Region | None) -> None:
    """Add a region (client coordinates; None: the client area) to the update region.

    InvalidateRgn: rectangle by rectangle, as for a visible window's InvalidateRect.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    if region is None:
        invalidate_rect(hwnd, None)
        return
    for rect in region.rects():
        invalidate_rect(hwnd, rect)


def validate_region(hwnd: int, region: Region | None) -> None:
    """Take a region (None: everything) out of a window's update region (ValidateRgn).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    if region is None:
        validate_rect(hwnd, None)
        return
    window = window_of(hwnd)
    for rect in region.rects():
        window.validate(rect)


def validate_rect(hwnd: int, rect: tuple[int, int, int, int] | None) -> None:
    """Take a rectangle (None: everything) out of a window's update region (ValidateRect).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window_of(hwnd).validate(rect)


def update_region(hwnd: int) -> Region:
    """A window's update region, client coordinates (GetUpdateRgn).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    return window_of(hwnd).update_region


def window_from_dc(dc: DeviceContext) -> int:
    """The window a context draws on (WindowFromDC); 0 for the screen or a memory context."""
    return dc.window
