"""Scroll bars' state: range, page and position of a window's horizontal and vertical bars.

Nothing is drawn; a scroll bar is its numbers, Windows' rules kept (as Wine's scroll.c): a
window made with WS_HSCROLL or WS_VSCROLL has that bar, at range 0-100, page 0, position 0;
SetScrollInfo gives any window the bar. The page is kept within the range's size, and the
position within [min, max - (page - 1)]. GetScrollInfo of a bar the window does not have is
ERROR_NO_SCROLLBARS (1447). SB_CTL (a scroll bar control) is refused (no such control here).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import ERROR_INVALID_PARAMETER, Win32Error
from ..kernel.lowlevel import KERNEL_LOCK
from ._destroy import on_window_gone
from ._styles import WS_HSCROLL, WS_VSCROLL
from ._window_table import window_of

__all__ = [
    "ScrollInfo",
    "scroll_info",
    "set_scroll_info",
]

SB_HORZ, SB_VERT, SB_CTL = 0, 1, 2
SIF_RANGE, SIF_PAGE, SIF_POS, SIF_DISABLENOSCROLL, SIF_TRACKPOS = 0x1, 0x2, 0x4, 0x8, 0x10
SIF_ALL = SIF_RANGE | SIF_PAGE | SIF_POS | SIF_TRACKPOS
ERROR_NO_SCROLLBARS = 1447


@dataclass(frozen=True)
class ScrollInfo:
    """SCROLLINFO's numbers."""

    min: int = 0
    max: int = 100
    page: int = 0
    pos: int = 0
    track_pos: int = 0


_bars: dict[tuple[int, int], ScrollInfo] = {}


def _bar(bar: int) -> int:
    if isinstance(bar, bool) or not isinstance(bar, int):
        raise TypeError(f"a scroll bar is SB_HORZ or SB_VERT, not {bar!r}")
    if bar not in (SB_HORZ, SB_VERT):
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"no scroll bar {bar} here")
    return bar


def scroll_info(hwnd: int, bar: int) -> ScrollInfo:
    """A window's scroll bar (GetScrollInfo).

    Raises:
        InvalidWindowHandleError: no such window.
        Win32Error: ERROR_NO_SCROLLBARS for a bar the window does not have.
    """
    _bar(bar)
    window = window_of(hwnd)
    with KERNEL_LOCK:
        found = _bars.get((hwnd, bar))
        if found is not None:
            return found
        if window.style & (WS_VSCROLL if bar == SB_VERT else WS_HSCROLL):
            return ScrollInfo()
    raise Win32Error.from_code(ERROR_NO_SCROLLBARS, f"window {hwnd:#x} has no such scroll bar")


def set_scroll_info(
    hwnd: int,
    bar: int,
    mask: int,
    *,
    minimum: int = 0,
    maximum: int = 0,
    page: int = 0,
    pos: int = 0,
) -> int:
    """Set what ``mask`` (SIF_RANGE, SIF_PAGE, SIF_POS) names; the position after (SetScrollInfo).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    _bar(bar)
    window_of(hwnd)
    with KERNEL_LOCK:
        try:
            info = scroll_info_locked(hwnd, bar)
        except KeyError:
            info = ScrollInfo()
        if mask & SIF_RANGE:
            info = replace(info, min=minimum, max=maximum)
        if mask & SIF_PAGE:
            info = replace(info, page=page)
        if mask & SIF_POS:
            info = replace(info, pos=pos)
        size = max(info.max - info.min + 1, 0)
        page_now = min(max(info.page, 0), size)
        top = max(info.max - max(page_now - 1, 0), info.min)
        position = min(max(info.pos, info.min), top)
        info = replace(info, page=page_now, pos=position, track_pos=position)
        _bars[(hwnd, bar)] = info
        return info.pos


def scroll_info_locked(hwnd: int, bar: int) -> ScrollInfo:
    """The bar's state set so far; kernel lock held.

    Raises:
        KeyError: none set yet.
    """
    return _bars[(hwnd, bar)]


def _window_gone(hwnd: int) -> None:
    with KERNEL_LOCK:
        for key in [key for key in _bars if key[0] == hwnd]:
            del _bars[key]


on_window_gone(_window_gone)
