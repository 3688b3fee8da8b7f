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

from .._fork import CLOCK, hold_across_fork
from ..errors import InvalidParameterError, NameNotFoundError, NotSupportedError
from ..kernel import handles, thread_by_id
from ..kernel.lowlevel import KERNEL_LOCK
from ._window_table import WINDOWS

__all__ = [
    "own_handle",
    "own_handle_values",
    "UOI_FLAGS",
    "UOI_NAME",
    "UOI_TYPE",
    "open_window_station",
    "open_desktop",
    "create_desktop",
    "create_window_station",
    "set_user_object_flags",
    "thread_desktop",
    "window_stations",
    "desktops_of",
    "user_object_information",
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

UOI_FLAGS, UOI_NAME, UOI_TYPE = 1, 2, 3
_WSF_VISIBLE = 1  # a window station with a screen
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


class _Own:
    """The process's own handles to its window station and desktop, made on first use."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.values: dict[type, int] = {}


_own = _Own()


def own_handle(obj: WindowStation | Desktop) -> int:
    """The process's handle to its window station or its threads' desktop (one each).

    Windows gives a process these at its start (GetProcessWindowStation, GetThreadDesktop);
    here they are made on first use and stay open for the life of the process.
    """
    with _own.lock:
        known = _own.values.get(type(obj))
        if known is None:
            known = _own.values[type(obj)] = handles.insert(obj)
        return known


def own_handle_values() -> set[int]:
    """The values of the handles :func:`own_handle` made (they last, as the standard ones)."""
    with _own.lock:
        return set(_own.values.values())


def open_window_station(name: str) -> WindowStation:
    """The window station of that name (OpenWindowStation): ``WinSta0``, in any case.

    Raises:
        TypeError: ``name`` is not a str.
        NameNotFoundError: any other name (ERROR_FILE_NOT_FOUND).
    """
    if not isinstance(name, str):
        raise TypeError(f"a window station's name is a str, not {type(name).__name__}")
    if name.casefold() != WINDOW_STATION.name.casefold():
        raise NameNotFoundError(f"no window station {name!r}: the one is {WINDOW_STATION.name}")
    return WINDOW_STATION


def open_desktop(name: str) -> Desktop:
    """The desktop of that name on the window station (OpenDesktop): ``Default``, in any case.

    Raises:
        TypeError: ``name`` is not a str.
        NameNotFoundError: any other name (ERROR_FILE_NOT_FOUND).
    """
    if not isinstance(name, str):
        raise TypeError(f"a desktop's name is a str, not {type(name).__name__}")
    if name.casefold() != DESKTOP.name.casefold():
        raise NameNotFoundError(f"no desktop {name!r}: the one is {DESKTOP.name}")
    return DESKTOP


def create_desktop(name: str) -> Desktop:
    """The desktop of that name (CreateDesktop): an existing one is opened, as Windows does.

    Raises:
        TypeError: ``name`` is not a str.
        InvalidParameterError: an empty name, or one with a backslash.
        NotSupportedError: a new desktop (the model has one screen: ``Default``).
    """
    if not isinstance(name, str):
        raise TypeError(f"a desktop's name is a str, not {type(name).__name__}")
    if not name or "\\" in name:
        raise InvalidParameterError(f"{name!r} is no desktop name")
    if name.casefold() != DESKTOP.name.casefold():
        raise NotSupportedError(f"no new desktop {name!r}: the model has one, {DESKTOP.name}")
    return DESKTOP


def create_window_station(name: str | None) -> WindowStation:
    """The window station of that name (CreateWindowStation): an existing one is opened.

    None names the interactive one (Windows makes a name from the logon session, and
    programs that pass None want their own station: they get ``WinSta0``).

    Raises:
        TypeError: ``name`` is not a str or None.
        InvalidParameterError: an empty name, or one with a backslash.
        NotSupportedError: a new window station (the model has one: ``WinSta0``).
    """
    if name is None:
        return WINDOW_STATION
    if not isinstance(name, str):
        raise TypeError(f"a window station's name is a str, not {type(name).__name__}")
    if not name or "\\" in name:
        raise InvalidParameterError(f"{name!r} is no window station name")
    if name.casefold() != WINDOW_STATION.name.casefold():
        raise NotSupportedError(f"no new window station {name!r}: the model has one, WinSta0")
    return WINDOW_STATION


_flags: dict[str, int] = {}  # "station" / "desktop" -> UOI_FLAGS set by this process
_flags_lock = threading.Lock()  # a leaf
hold_across_fork(_flags_lock, CLOCK)


def set_user_object_flags(obj: WindowStation | Desktop, flags: int) -> None:
    """Set a window station's or desktop's UOI_FLAGS (SetUserObjectInformation).

    Kept for this process (the model's objects are every process's own copy).
    """
    key = "station" if isinstance(obj, WindowStation) else "desktop"
    with _flags_lock:
        _flags[key] = flags & 0xFFFFFFFF


def thread_desktop(thread_id: int) -> Desktop:
    """The desktop a thread of this process is on (GetThreadDesktop).

    Raises:
        InvalidParameterError: no live thread of this process has that id.
    """
    if thread_by_id(thread_id) is None:
        raise InvalidParameterError(f"no thread {thread_id} in this process")
    return DESKTOP


def window_stations() -> list[str]:
    """The names of the session's window stations (EnumWindowStations)."""
    return [WINDOW_STATION.name]


def desktops_of(station: WindowStation) -> list[str]:
    """The names of a window station's desktops (EnumDesktops)."""
    return [DESKTOP.name] if station is WINDOW_STATION else []


def user_object_information(obj: WindowStation | Desktop, kind: int) -> str | int:
    """A window station's or desktop's name, type or flags (GetUserObjectInformation).

    UOI_NAME is the name, UOI_TYPE ``"WindowStation"`` or ``"Desktop"``, UOI_FLAGS the
    object's flags (WSF_VISIBLE for the window station, 0 for the desktop).

    Raises:
        InvalidParameterError: another kind (UOI_USER_SID and above are not kept).
    """
    if kind == UOI_NAME:
        return obj.name
    if kind == UOI_TYPE:
        return "WindowStation" if isinstance(obj, WindowStation) else "Desktop"
    if kind == UOI_FLAGS:
        key = "station" if isinstance(obj, WindowStation) else "desktop"
        with _flags_lock:
            kept = _flags.get(key)
        if kept is not None:
            return kept
        return _WSF_VISIBLE if isinstance(obj, WindowStation) else 0
    raise InvalidParameterError(f"{kind} is no UOI_ kind this answers: UOI_FLAGS, _NAME, _TYPE")


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
