"""win32service's window stations and desktops: ``WinSta0`` and its desktop ``Default``.

The core has one of each (``apartment.messages``' window manager assumes one screen); these
are pywin32's handles to them. ``PyHWINSTA`` and ``PyHDESK`` are handles (ints, closed when
collected) with pywin32's methods. win32service star-imports this module.

As on Windows, the process has one handle to its window station and one to its threads'
desktop, which GetProcessWindowStation and GetThreadDesktop return every time: they are in
use, so closing them fails (ERROR_ACCESS_DENIED, ERROR_BUSY) and collecting their wrappers
leaves them open. OpenWindowStation, OpenDesktop and OpenInputDesktop make new handles.
"""

from __future__ import annotations

from typing import cast

from .. import messages
from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_BUSY,
    ERROR_INVALID_PARAMETER,
    InvalidHandleError,
    Win32Error,
)
from ..kernel import handles
from ._adapt import api, as_bool, dword, text
from ._handles import PyHANDLE, handle_value, lookup, new_handle

__all__ = [
    "PyHWINSTA", "PyHDESK", "GetProcessWindowStation", "GetThreadDesktop", "OpenWindowStation",
    "OpenDesktop", "OpenInputDesktop", "EnumWindowStations", "GetUserObjectInformation",
    "UOI_FLAGS", "UOI_NAME", "UOI_TYPE", "CreateDesktop",
    "CreateWindowStation", "SetUserObjectInformation", "HWINSTAType", "HDESKType",
]  # fmt: skip

UOI_FLAGS, UOI_NAME, UOI_TYPE = messages.UOI_FLAGS, messages.UOI_NAME, messages.UOI_TYPE
_KINDS = (messages.WindowStation, messages.Desktop)


def station_handle_value() -> int:
    """The value of the process's handle to its window station (kept open for good)."""
    return messages.own_handle(messages.WINDOW_STATION)


def _close(handle: PyHANDLE, name: str, busy: int) -> None:
    """Close a window station's or desktop's handle.

    A closed one is ERROR_INVALID_HANDLE, the process's own (in use) ``busy``.
    """
    if not handle._value:
        raise InvalidHandleError("the handle is closed").with_funcname(name)
    if getattr(handle, "_in_use", False):
        raise Win32Error.from_code(busy, "the process uses it", funcname=name)
    handle.Close()


class _Kept(PyHANDLE):
    """A handle that may be one the process keeps in use: then collecting it leaves it open.

    Whether it is one is noted when it is made (``in_use``), so that ``__del__``, which the
    garbage collector may run anywhere, takes no lock.
    """

    __slots__ = ("_in_use",)

    def __init__(self, value: int | None = 0, *, in_use: bool = False) -> None:
        super().__init__(value)
        self._in_use = in_use

    def __del__(self) -> None:
        if not getattr(self, "_in_use", False):
            super().__del__()


class PyHWINSTA(_Kept):
    """A handle to a window station (pywin32's PyHWINSTA)."""

    def EnumDesktops(self) -> list[str]:
        """The names of the window station's desktops."""
        station = lookup(self, messages.WindowStation)
        return messages.desktops_of(station)

    def SetProcessWindowStation(self) -> None:
        """Make it the process's window station: it already is (there is one)."""
        lookup(self, messages.WindowStation)

    def CloseWindowStation(self) -> None:
        _close(self, "CloseWindowStation", ERROR_ACCESS_DENIED)


class PyHDESK(_Kept):
    """A handle to a desktop (pywin32's PyHDESK)."""

    def SetThreadDesktop(self) -> None:
        """Put the calling thread on the desktop: it already is (there is one)."""
        lookup(self, messages.Desktop)

    def SwitchDesktop(self) -> None:
        """Make the desktop the one that gets input: it already is."""
        lookup(self, messages.Desktop)

    def EnumDesktopWindows(self) -> list[int]:
        """The top-level windows on the desktop (this process's: windows are its own here)."""
        lookup(self, messages.Desktop)
        return list(messages.top_level_windows())

    def CloseDesktop(self) -> None:
        _close(self, "CloseDesktop", ERROR_BUSY)


def _station(obj: messages.WindowStation, inherit: bool = False) -> PyHWINSTA:
    return PyHWINSTA(new_handle(obj, inherit=inherit).Detach())


def _desktop(obj: messages.Desktop, inherit: bool = False) -> PyHDESK:
    return PyHDESK(new_handle(obj, inherit=inherit).Detach())


def GetProcessWindowStation() -> PyHWINSTA:
    """The process's handle to its window station, ``WinSta0`` (the same every call)."""
    return PyHWINSTA(station_handle_value(), in_use=True)


@api("GetThreadDesktop")
def GetThreadDesktop(ThreadId: int, /) -> PyHDESK:
    """A handle to the desktop of a thread of this process, ``Default``; 87 for another id."""
    desktop = messages.thread_desktop(dword(ThreadId))
    return PyHDESK(messages.own_handle(desktop), in_use=True)


@api("OpenWindowStation")
def OpenWindowStation(szWinSta: object, Inherit: int, DesiredAccess: int, /) -> PyHWINSTA:
    dword(DesiredAccess)
    return _station(messages.open_window_station(text(szWinSta)), as_bool(Inherit))


@api("OpenDesktop")
def OpenDesktop(szDesktop: object, Flags: int, Inherit: int, DesiredAccess: int, /) -> PyHDESK:
    dword(Flags)
    dword(DesiredAccess)
    return _desktop(messages.open_desktop(text(szDesktop)), as_bool(Inherit))


@api("CreateDesktop")
def CreateDesktop(
    Desktop: object, Flags: int, DesiredAccess: int, SecurityAttributes: object, /
) -> PyHDESK:
    """A handle to a desktop: an existing one (``Default``) is opened.

    A new one is refused (ERROR_NOT_SUPPORTED): one screen is modelled.
    """
    dword(Flags)
    dword(DesiredAccess)
    inherit = bool(getattr(SecurityAttributes, "bInheritHandle", False))
    return _desktop(messages.create_desktop(text(Desktop)), inherit)


@api("OpenInputDesktop")
def OpenInputDesktop(Flags: int, Inherit: int, DesiredAccess: int, /) -> PyHDESK:
    """A handle to the desktop that gets input: ``Default``."""
    dword(Flags)
    dword(DesiredAccess)
    return _desktop(messages.DESKTOP, as_bool(Inherit))


def EnumWindowStations() -> list[str]:
    """The names of the session's window stations: ``WinSta0``."""
    return messages.window_stations()


@api("GetUserObjectInformation")
def GetUserObjectInformation(Handle: object, _type: int, /) -> object:
    """UOI_NAME, UOI_TYPE (str) or UOI_FLAGS (pywin32's dict) of a window station or desktop."""
    value = handle_value(Handle)
    obj = cast("messages.WindowStation | messages.Desktop", lookup(value, _KINDS))
    kind = dword(_type)
    info = messages.user_object_information(obj, kind)
    if kind == UOI_FLAGS:
        return {"Inherit": handles.is_inheritable(value), "Reserved": False, "Flags": info}
    return info


HWINSTAType = PyHWINSTA  # pywin32's type objects, by their module names
HDESKType = PyHDESK


@api("CreateWindowStation")
def CreateWindowStation(
    WindowStation: object, Flags: int, DesiredAccess: int, SecurityAttributes: object, /
) -> PyHWINSTA:
    """A handle to a window station: an existing one (``WinSta0``) is opened.

    A new one is refused (ERROR_NOT_SUPPORTED): one window station is modelled.
    """
    dword(Flags)
    dword(DesiredAccess)
    inherit = bool(getattr(SecurityAttributes, "bInheritHandle", False))
    name = None if WindowStation is None else text(WindowStation)
    return _station(messages.create_window_station(name), inherit)


_FLAGS_SHAPE = (
    "Object must be a dictionary containing {'Inherit':bool, 'Reserved':bool, 'Flags':int}"
)


@api("SetUserObjectInformation")
def SetUserObjectInformation(Handle: object, info: object, type: int = UOI_FLAGS, /) -> None:
    """Set UOI_FLAGS (pywin32's dict) of a window station or desktop: the handle's
    inheritance and the object's flags."""  # noqa: D205, D209
    value = handle_value(Handle)
    obj = cast("messages.WindowStation | messages.Desktop", lookup(value, _KINDS))
    if dword(type) != UOI_FLAGS:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "only UOI_FLAGS can be set")
    if not isinstance(info, dict) or not {"Inherit", "Reserved", "Flags"} <= info.keys():
        raise TypeError(_FLAGS_SHAPE)
    handles.set_inheritable(value, as_bool(info["Inherit"]))
    messages.set_user_object_flags(obj, dword(info["Flags"]))
