"""System parameters (SystemParametersInfo's SPI_GET*/SPI_SET*): numbers, switches, the wallpaper.

Each parameter starts at Windows 10's default and keeps what a SPI_SET* call gives it for
the life of the process (Windows keeps it for the session, and in the user's profile with
SPIF_UPDATEINIFILE: here no other process sees it). Windows' clamps hold: the keyboard delay
is 0 to 3, the keyboard speed 0 to 31, the mouse speed 1 to 20. The double-click rectangle
(SPI_SETDOUBLECLKWIDTH/HEIGHT) and the drag rectangle (SPI_SETDRAGWIDTH/HEIGHT) are system
metrics: GetSystemMetrics (SM_CXDOUBLECLK, ...) answers what was set.
"""

from __future__ import annotations

import threading
from typing import Final

from .._fork import OUTER, hold_across_fork

__all__ = [
    "SYSTEM_PARAMETERS",
    "is_metric_setter",
    "metric_override",
    "set_system_parameter",
    "system_parameter",
]

_INT, _BOOL = "int", "bool"
SYSTEM_PARAMETERS: Final[tuple[tuple[int, int, object, str], ...]] = (
    (0x0070, 0x0071, 10, _INT),  # MOUSESPEED
    (0x2002, 0x2003, 0, _INT),  # ACTIVEWNDTRKTIMEOUT
    (0x2006, 0x2007, 1, _INT),  # CARETWIDTH
    (0x2004, 0x2005, 3, _INT),  # FOREGROUNDFLASHCOUNT
    (0x2000, 0x2001, 200000, _INT),  # FOREGROUNDLOCKTIMEOUT
    (0x0068, 0x0069, 3, _INT),  # WHEELSCROLLLINES
    (0x0016, 0x0017, 1, _INT),  # KEYBOARDDELAY
    (0x000A, 0x000B, 31, _INT),  # KEYBOARDSPEED
    (0x0064, 0x0065, 4, _INT),  # MOUSEHOVERHEIGHT
    (0x0062, 0x0063, 4, _INT),  # MOUSEHOVERWIDTH
    (0x0066, 0x0067, 400, _INT),  # MOUSEHOVERTIME
    (0x000E, 0x000F, 600, _INT),  # SCREENSAVETIMEOUT
    (0x006A, 0x006B, 400, _INT),  # MENUSHOWDELAY
    (0x0005, 0x0006, 1, _INT),  # BORDER
    (0x200C, 0x200D, 1200, _INT),  # FONTSMOOTHINGCONTRAST
    (0x200A, 0x200B, 2, _INT),  # FONTSMOOTHINGTYPE
    (0x2010, 0x2011, 1, _INT),  # FOCUSBORDERHEIGHT
    (0x200E, 0x200F, 1, _INT),  # FOCUSBORDERWIDTH
    (0x2008, 0x2009, 1200, _INT),  # MOUSECLICKLOCKTIME
    (0x1022, 0x1023, True, _BOOL),  # FLATMENU
    (0x1024, 0x1025, True, _BOOL),  # DROPSHADOW
    (0x100A, 0x100B, False, _BOOL),  # KEYBOARDCUES
    (0x1012, 0x1013, True, _BOOL),  # MENUFADE
    (0x1004, 0x1005, True, _BOOL),  # COMBOBOXANIMATION
    (0x101A, 0x101B, True, _BOOL),  # CURSORSHADOW
    (0x1008, 0x1009, True, _BOOL),  # GRADIENTCAPTIONS
    (0x100E, 0x100F, True, _BOOL),  # HOTTRACKING
    (0x1006, 0x1007, True, _BOOL),  # LISTBOXSMOOTHSCROLLING
    (0x1002, 0x1003, True, _BOOL),  # MENUANIMATION
    (0x1014, 0x1015, True, _BOOL),  # SELECTIONFADE
    (0x1016, 0x1017, True, _BOOL),  # TOOLTIPANIMATION
    (0x1018, 0x1019, True, _BOOL),  # TOOLTIPFADE
    (0x103E, 0x103F, True, _BOOL),  # UIEFFECTS
    (0x1000, 0x1001, False, _BOOL),  # ACTIVEWINDOWTRACKING
    (0x100C, 0x100D, False, _BOOL),  # ACTIVEWNDTRKZORDER
    (0x004A, 0x004B, True, _BOOL),  # FONTSMOOTHING
    (0x0019, 0x001A, True, _BOOL),  # ICONTITLEWRAP
    (0x0001, 0x0002, True, _BOOL),  # BEEP
    (0x1026, 0x1027, False, _BOOL),  # BLOCKSENDINPUTRESETS
    (0x0044, 0x0045, False, _BOOL),  # KEYBOARDPREF
    (0x001B, 0x001C, False, _BOOL),  # MENUDROPALIGNMENT
    (0x0026, 0x0025, True, _BOOL),  # DRAGFULLWINDOWS
    (0x006E, 0x006F, True, _BOOL),  # SHOWIMEUI
    (0x0010, 0x0011, True, _BOOL),  # SCREENSAVEACTIVE
    (0x0073, 0x0014, "", "str"),  # DESKWALLPAPER
)
"""(SPI_GET* action, SPI_SET* action, default, kind): the parameters kept here."""

_CLAMPS = {0x0017: (0, 3), 0x000B: (0, 31), 0x0071: (1, 20)}
# SPI_SET* of a system metric -> the metric (SM_*) and its default
_METRIC_SETTERS = {0x001D: (36, 4), 0x001E: (37, 4), 0x004C: (68, 4), 0x004D: (69, 4)}

_GETTERS = {get: (set_, default, kind) for get, set_, default, kind in SYSTEM_PARAMETERS}
_SETTERS = {set_: get for get, set_, _default, _kind in SYSTEM_PARAMETERS}


class _Parameters:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.values: dict[int, object] = {}  # by SPI_GET* action
        self.metrics: dict[int, int] = {}  # by SM_* index


_state = _Parameters()


def system_parameter(action: int) -> object:
    """The value of a SPI_GET* parameter (an int, a bool or a str).

    Raises:
        KeyError: an action that is no SPI_GET* kept here.
    """
    set_, default, _kind = _GETTERS[action]
    del set_
    with _state.lock:
        return _state.values.get(action, default)


def set_system_parameter(action: int, value: object) -> None:
    """Set a parameter by its SPI_SET* action (clamped as Windows clamps it).

    Raises:
        KeyError: an action that is no SPI_SET* kept here.
        TypeError: a value of the wrong kind.
    """
    if action in _METRIC_SETTERS:
        metric, _default = _METRIC_SETTERS[action]
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"the parameter is an int, not {value!r}")
        with _state.lock:
            _state.metrics[metric] = value
        return
    get = _SETTERS[action]
    kind = _GETTERS[get][2]
    if kind == _BOOL:
        value = bool(value)
    elif kind == _INT:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"the parameter is an int, not {value!r}")
        low, high = _CLAMPS.get(action, (0, 0xFFFFFFFF))
        value = min(max(value, low), high)
    elif not isinstance(value, str):
        raise TypeError(f"the parameter is a str, not {value!r}")
    with _state.lock:
        _state.values[get] = value


def metric_override(index: int) -> int | None:
    """A system metric a SPI_SET* call changed, or None (for GetSystemMetrics)."""
    with _state.lock:
        return _state.metrics.get(index)


def is_metric_setter(action: int) -> bool:
    """Whether a SPI_SET* action sets a system metric."""
    return action in _METRIC_SETTERS
