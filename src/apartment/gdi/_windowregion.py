"""Window regions (SetWindowRgn, GetWindowRgn, GetWindowRgnBox): the part of a window shown.

Nothing is drawn, so a window's region is only kept: SetWindowRgn takes a copy of the
region (in window coordinates; None removes it), GetWindowRgn copies it into another region
object and answers its complexity, or ERROR (0) for a window without one, as Windows does.
A region belongs to its window: a destroyed window's is gone with it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from .._fork import OUTER, hold_across_fork
from ..messages import Region, window_of
from ._regions import set_region

if TYPE_CHECKING:
    from ..messages import Window
    from ._objects import RegionObject

__all__ = ["set_window_region", "window_region", "window_region_into"]

_lock = threading.Lock()
hold_across_fork(_lock, OUTER)
_regions: dict[int, tuple[Window, Region]] = {}


def set_window_region(hwnd: int, region: RegionObject | None) -> None:
    """Give a window a region (a copy of ``region``'s), or none (SetWindowRgn).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    with _lock:
        if region is None:
            _regions.pop(hwnd, None)
        else:
            _regions[hwnd] = (window, region.region)


def window_region(hwnd: int) -> Region | None:
    """The window's region, None without one.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    with _lock:
        found = _regions.get(hwnd)
        if found is not None and found[0] is not window:  # a window gone, its handle reused
            del _regions[hwnd]
            found = None
    return None if found is None else found[1]


def window_region_into(hwnd: int, dest: RegionObject) -> int:
    """Copy the window's region into ``dest`` (GetWindowRgn); its complexity, 0 without one."""
    region = window_region(hwnd)
    if region is None:
        return 0
    return set_region(dest, region)
