"""The one window station and desktop every thread of the session works on, and GUI counts.

Windows puts the interactive user's processes on window station ``WinSta0`` and their
threads on its desktop ``Default``; the window manager of this package models exactly that
one screen, so there is one :class:`WindowStation` and one :class:`Desktop`, made at import.
GetProcessWindowStation and GetThreadDesktop return handles to them.

:func:`gui_object_count` answers GetGuiResources: this process's USER objects are its
windows; GDI objects are not counted (the model draws nothing), so they are 0.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import final

from ..errors import InvalidParameterError
from ..kernel.lowlevel import KERNEL_LOCK
from ._window_table import WINDOWS

__all__ = [
    "WindowStation",
    "Desktop",
    "WINDOW_STATION",
    "DESKTOP",
    "GR_GDIOBJECTS",
    "GR_USEROBJECTS",
    "GR_GDIOBJECTS_PEAK",
    "GR_USEROBJECTS_PEAK",
    "gui_object_count",
]

GR_GDIOBJECTS = 0
GR_USEROBJECTS = 1
GR_GDIOBJECTS_PEAK = 2
GR_USEROBJECTS_PEAK = 4


@final
@dataclass(frozen=True, eq=False)
class WindowStation:
    """A window station: a clipboard, an atom table and desktops (only ``WinSta0`` here)."""

    name: str


@final
@dataclass(frozen=True, eq=False)
class Desktop:
    """A desktop of a window station, where windows and input live (only ``Default`` here)."""

    name: str
    station: WindowStation


WINDOW_STATION = WindowStation("WinSta0")
"""The interactive window station, every process's."""
DESKTOP = Desktop("Default", WINDOW_STATION)
"""The interactive desktop, every thread's."""


class _Peaks:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.user = 0


_peaks = _Peaks()


def gui_object_count(kind: int) -> int:
    """Count this process's GUI objects of ``kind`` (GetGuiResources' GR_* values).

    The peak is the most this process has been seen to have when asked.

    Raises:
        InvalidParameterError: ``kind`` is not one of the four GR_* values.
    """
    if kind not in (GR_GDIOBJECTS, GR_USEROBJECTS, GR_GDIOBJECTS_PEAK, GR_USEROBJECTS_PEAK):
        raise InvalidParameterError(
            f"{kind} is no GUI object kind: use GR_GDIOBJECTS (0), GR_USEROBJECTS (1) or "
            "their _PEAK (2, 4)"
        )
    with KERNEL_LOCK:
        windows = len(WINDOWS)
    with _peaks.lock:
        _peaks.user = max(_peaks.user, windows)
        peak = _peaks.user
    if kind == GR_USEROBJECTS:
        return windows
    return peak if kind == GR_USEROBJECTS_PEAK else 0
