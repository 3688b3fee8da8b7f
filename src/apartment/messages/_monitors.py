"""Display monitors: the one screen the window manager assumes, as Windows describes monitors.

The screen is :data:`DESKTOP_SIZE` at (0, 0), the primary (and only) monitor, named
``DISPLAY1``, with no taskbar: its work area is all of it. MonitorFromPoint,
MonitorFromRect and MonitorFromWindow find it for what lies on it and, for what does not,
answer by their flag: MONITOR_DEFAULTTONULL gives 0, the others the primary monitor (the
nearest is the only one).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ERROR_INVALID_MONITOR_HANDLE, InvalidWindowHandleError, Win32Error
from ._windowpos import DESKTOP_SIZE, window_rect

__all__ = [
    "PRIMARY_MONITOR",
    "MONITOR_DEFAULTTONULL",
    "MONITOR_DEFAULTTOPRIMARY",
    "MONITOR_DEFAULTTONEAREST",
    "MONITORINFOF_PRIMARY",
    "MonitorInfo",
    "monitor_from_point",
    "monitor_from_rect",
    "monitor_from_window",
    "monitor_info",
    "display_monitors",
]

PRIMARY_MONITOR = 0x10001
"""The primary monitor's handle (HMONITOR): the value Windows gives its first monitor."""
MONITOR_DEFAULTTONULL = 0
MONITOR_DEFAULTTOPRIMARY = 1
MONITOR_DEFAULTTONEAREST = 2
MONITORINFOF_PRIMARY = 1
_DEVICE = "\\\\.\\DISPLAY1"

Rect = tuple[int, int, int, int]


@dataclass(frozen=True)
class MonitorInfo:
    """MONITORINFOEX: where the monitor is, its work area, flags and device name."""

    monitor: Rect
    work: Rect
    flags: int
    device: str


def _screen() -> Rect:
    width, height = DESKTOP_SIZE
    return (0, 0, width, height)


def _flagged(found: bool, flags: int) -> int:
    return PRIMARY_MONITOR if found or flags != MONITOR_DEFAULTTONULL else 0


def monitor_from_point(x: int, y: int, flags: int = MONITOR_DEFAULTTONULL) -> int:
    """The monitor holding point (x, y), else by ``flags`` (0 or the primary monitor)."""
    left, top, right, bottom = _screen()
    return _flagged(left <= x < right and top <= y < bottom, flags)


def monitor_from_rect(rect: Rect, flags: int = MONITOR_DEFAULTTONULL) -> int:
    """The monitor a rectangle overlaps most, else by ``flags`` (0 or the primary monitor).

    An empty rectangle overlaps nothing: like a point, it is on the monitor holding its
    top-left corner.
    """
    left, top, right, bottom = rect
    if right <= left or bottom <= top:
        return monitor_from_point(left, top, flags)
    s_left, s_top, s_right, s_bottom = _screen()
    overlaps = left < s_right and s_left < right and top < s_bottom and s_top < bottom
    return _flagged(overlaps, flags)


def monitor_from_window(hwnd: int, flags: int = MONITOR_DEFAULTTONULL) -> int:
    """The monitor a window's rectangle overlaps most, else by ``flags``.

    A handle that is no window is on no monitor (no error), as Windows answers it.
    """
    try:
        rect = window_rect(hwnd)
    except InvalidWindowHandleError:
        return _flagged(False, flags)
    return monitor_from_rect(rect, flags)


def monitor_info(monitor: int) -> MonitorInfo:
    """Describe a monitor (GetMonitorInfo).

    Raises:
        Win32Error: ERROR_INVALID_MONITOR_HANDLE for anything but the primary monitor.
    """
    if monitor != PRIMARY_MONITOR:
        raise Win32Error.from_code(
            ERROR_INVALID_MONITOR_HANDLE,
            f"{monitor:#x} is no monitor: the one is {PRIMARY_MONITOR:#x}",
        )
    screen = _screen()
    return MonitorInfo(screen, screen, MONITORINFOF_PRIMARY, _DEVICE)


def display_monitors(clip: Rect | None = None) -> list[tuple[int, Rect]]:
    """The monitors (EnumDisplayMonitors) overlapping ``clip`` (None: all), with their parts.

    Each is ``(handle, rectangle)``: the monitor's rectangle cut to ``clip``.
    """
    screen = _screen()
    if clip is None:
        return [(PRIMARY_MONITOR, screen)]
    left, top = max(clip[0], screen[0]), max(clip[1], screen[1])
    right, bottom = min(clip[2], screen[2]), min(clip[3], screen[3])
    if right <= left or bottom <= top:
        return []
    return [(PRIMARY_MONITOR, (left, top, right, bottom))]
