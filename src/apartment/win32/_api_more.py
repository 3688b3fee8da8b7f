"""win32api's libraries, message boxes, monitors, console title, clock setting and constants.

Kept in their own module (win32api star-imports it). What is pywin32's own is said where it
is done; the rules are the core's (``apartment.kernel``, ``apartment.messages``).
"""

from __future__ import annotations

import datetime as _dt
import operator
import os
import signal
from typing import TYPE_CHECKING, Any

from .. import kernel, messages
from ..errors import InvalidParameterError
from ._adapt import api, dword, text
from ._handles import PyHANDLE, handle_value

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "GetFileVersionInfo", "LoadLibrary", "LoadLibraryEx", "FreeLibrary", "GetProcAddress",
    "GetLogicalDrives",
    "GetConsoleTitle", "SetConsoleTitle", "MessageBox", "MessageBoxEx", "Apply", "DebugBreak",
    "SetLocalTime", "SetSystemTime", "SetTimeZoneInformation",
    "MonitorFromPoint", "MonitorFromRect", "MonitorFromWindow", "GetMonitorInfo",
    "EnumDisplayMonitors",
    "VS_FF_DEBUG", "VS_FF_PRERELEASE", "VS_FF_PATCHED", "VS_FF_PRIVATEBUILD",
    "VS_FF_INFOINFERRED", "VS_FF_SPECIALBUILD",
    "VOS_UNKNOWN", "VOS_DOS", "VOS_OS216", "VOS_OS232", "VOS_NT", "VOS__WINDOWS16",
    "VOS__PM16", "VOS__PM32", "VOS__WINDOWS32", "VOS_DOS_WINDOWS16", "VOS_DOS_WINDOWS32",
    "VOS_OS216_PM16", "VOS_OS232_PM32", "VOS_NT_WINDOWS32",
    "VFT_UNKNOWN", "VFT_APP", "VFT_DLL", "VFT_DRV", "VFT_FONT", "VFT_VXD", "VFT_STATIC_LIB",
]  # fmt: skip

# VS_FIXEDFILEINFO's flags, operating systems and file types (verrsrc.h), those pywin32 has.
VS_FF_DEBUG = 0x1
VS_FF_PRERELEASE = 0x2
VS_FF_PATCHED = 0x4
VS_FF_PRIVATEBUILD = 0x8
VS_FF_INFOINFERRED = 0x10
VS_FF_SPECIALBUILD = 0x20
VOS_UNKNOWN = 0x0
VOS_DOS = 0x10000
VOS_OS216 = 0x20000
VOS_OS232 = 0x30000
VOS_NT = 0x40000
VOS__WINDOWS16 = 0x1
VOS__PM16 = 0x2
VOS__PM32 = 0x3
VOS__WINDOWS32 = 0x4
VOS_DOS_WINDOWS16 = 0x10001
VOS_DOS_WINDOWS32 = 0x10004
VOS_OS216_PM16 = 0x20002
VOS_OS232_PM32 = 0x30003
VOS_NT_WINDOWS32 = 0x40004
VFT_UNKNOWN = 0x0
VFT_APP = 0x1
VFT_DLL = 0x2
VFT_DRV = 0x3
VFT_FONT = 0x4
VFT_VXD = 0x5
VFT_STATIC_LIB = 0x7


# -- libraries ---------------------------------------------------------------------------------


def _module(value: object) -> int:
    """A module handle argument: an int, a PyHANDLE or None, read as a pointer."""
    return handle_value(value) % 2**64


@api("LoadLibrary")
def LoadLibrary(fileName: object, /) -> int:
    """Load a shared object (another reference to one already loaded); its module handle."""
    return kernel.load_library(text(fileName))


@api("LoadLibraryEx")
def LoadLibraryEx(fileName: object, handle: object, flags: int, /) -> int:
    """LoadLibrary; as a data file (or image resource) a Windows program read for resources."""
    as_data = bool(dword(flags) & _AS_DATA)  # (the search-path flags change nothing here)
    return kernel.load_library(text(fileName), as_data=as_data)


_AS_DATA = 0x02 | 0x20 | 0x40  # LOAD_LIBRARY_AS_DATAFILE(_EXCLUSIVE), _AS_IMAGE_RESOURCE


@api("FreeLibrary")
def FreeLibrary(hModule: object, /) -> None:
    kernel.free_library(_module(hModule))


@api("GetProcAddress")
def GetProcAddress(hModule: object, functionName: object, /) -> int:
    """The address of an exported function: a name, or an ordinal (an int, or a PyHANDLE).

    An ordinal is the module's n-th exported name in order (kernel's ``_elfexports``).
    """
    module = _module(hModule)
    if isinstance(functionName, bytes):  # pywin32 takes an ANSI name too
        return kernel.proc_address(module, functionName.decode("latin-1"))
    if isinstance(functionName, str):
        return kernel.proc_address(module, functionName)
    ordinal = handle_value(functionName)  # a number, as pywin32 reads a resource id
    if not 0 <= ordinal <= _MAX_ORDINAL:
        raise TypeError(f"Resource id/name must be string or int in the range 0-{_MAX_ORDINAL}")
    return kernel.proc_address(module, ordinal)


_MAX_ORDINAL = 65536


def _signed32(value: int) -> int:
    return value - 2**32 if value >= 2**31 else value


_FIXED_KEYS = (
    "Signature", "StrucVersion", "FileVersionMS", "FileVersionLS", "ProductVersionMS",
    "ProductVersionLS", "FileFlagsMask", "FileFlags", "FileOS", "FileType", "FileSubtype",
)  # fmt: skip


@api("GetFileVersionInfo:GetFileVersionInfoSize")  # pywin32's name for the first failure
def GetFileVersionInfo(Filename: object, SubBlock: object, /) -> object:
    r"""A PE file's version resource at a VerQueryValue path (pywin32's shapes).

    ``\`` a dict of VS_FIXEDFILEINFO (DWORDs as C longs, FileDate None when 0),
    ``\VarFileInfo\Translation`` a tuple of (language, code page), a string's path a str,
    None for a path the resource does not have.
    """
    answer = kernel.query_version(text(Filename), text(SubBlock))
    if isinstance(answer, tuple):
        info: dict[str, object] = {
            key: _signed32(value) for key, value in zip(_FIXED_KEYS, answer, strict=False)
        }
        date = answer[11] << 32 | answer[12]
        info["FileDate"] = date or None
        return info
    if isinstance(answer, list):
        return tuple(answer)
    return answer


def GetLogicalDrives() -> int:
    """The drive letters as a bit mask: none, Linux has no drive letters (its root is ``/``).

    A program that lists drives by their roots should use GetLogicalDriveStrings: ``/``.
    """
    return 0


# -- the console's title -----------------------------------------------------------------------


@api("GetConsoleTitle")
def GetConsoleTitle() -> str:
    return kernel.console_title()


@api("SetConsoleTitle")
def SetConsoleTitle(title: object, /) -> None:
    kernel.set_console_title(text(title))


# -- message boxes -----------------------------------------------------------------------------


def _owner(hwnd: object) -> int:
    return 0 if hwnd is None else operator.index(hwnd)  # type: ignore[arg-type]


def _caption(title: object) -> str | None:
    return None if title is None else text(title)


@api("MessageBox")
def MessageBox(
    hwnd: object, message: object, title: object = None, style: int = 0, language: int = 0, /
) -> int:
    """Show a message box: written to stderr, answered with its default button (IDOK ...).

    ``apartment.messages.set_message_box_chooser`` installs another answer.
    """
    return messages.message_box(_owner(hwnd), text(message), _caption(title), dword(style))


@api("MessageBoxEx")
def MessageBoxEx(
    hwnd: object, message: object, title: object = None, style: int = 0, language: int = 0, /
) -> int:
    """MessageBox: the language of the buttons changes nothing here."""
    return messages.message_box(_owner(hwnd), text(message), _caption(title), dword(style))


def Apply(exceptionHandler: object, func: Callable[..., Any], args: object, /) -> Any:  # noqa: ANN401
    """Call ``func(*args)``.

    pywin32's own: ``exceptionHandler`` is called for Windows' structured exceptions, which
    Python code does not raise; a Python exception goes through as it is.
    """
    if not isinstance(args, tuple):
        raise TypeError("argument list must be a tuple")
    return func(*args)


def DebugBreak() -> None:
    """Break into a debugger: SIGTRAP, which ends the process unless one is attached.

    As on Windows, where a breakpoint exception without a debugger ends the program.
    """
    os.kill(os.getpid(), signal.SIGTRAP)


# -- the clock and the time zone -------------------------------------------------------------


@api("SetLocalTime")
def SetLocalTime(SystemTime: object, /) -> None:
    """Set the clock from a local time (needs SeSystemtimePrivilege enabled)."""
    if not isinstance(SystemTime, _dt.datetime):
        raise TypeError(f"must be a pywintypes time object (got {type(SystemTime).__name__})")
    when = SystemTime if SystemTime.tzinfo else SystemTime.astimezone()
    kernel.set_system_time(when)


@api("SetSystemTime")
def SetSystemTime(
    year: int,
    month: int,
    dayOfWeek: int,
    day: int,
    hour: int,
    minute: int,
    second: int,
    millseconds: int,
    /,
) -> None:
    """Set the clock from a UTC SYSTEMTIME (needs SeSystemtimePrivilege enabled)."""
    y, mo, d, h, mi, sec, ms = (
        operator.index(v) for v in (year, month, day, hour, minute, second, millseconds)
    )
    try:
        when = _dt.datetime(y, mo, d, h, mi, sec, ms * 1000, tzinfo=_dt.timezone.utc)
    except ValueError:
        raise InvalidParameterError("that SYSTEMTIME is no valid time") from None
    kernel.set_system_time(when)


@api("SetTimeZoneInformation")
def SetTimeZoneInformation(tzi: object, /) -> None:
    """Set the system's time zone (needs SeTimeZonePrivilege; refused here even with it)."""
    if not isinstance(tzi, tuple):
        raise TypeError("tzi must be a TIME_ZONE_INFORMATION tuple")
    kernel.set_time_zone_information(tzi)


# -- monitors ----------------------------------------------------------------------------------


def _monitor(value: int) -> PyHANDLE | None:
    return PyHANDLE(value) if value else None


def _rect(value: object) -> tuple[int, int, int, int]:
    if not isinstance(value, tuple) or len(value) != 4:
        raise TypeError("a rectangle is a tuple of 4 ints")
    left, top, right, bottom = (operator.index(v) for v in value)
    return left, top, right, bottom


def MonitorFromPoint(pt: object, Flags: int = 0) -> PyHANDLE | None:
    """The monitor holding a point; for one off the screen, by Flags (0: None)."""
    if not isinstance(pt, tuple) or len(pt) != 2:
        raise TypeError("a point is a tuple of 2 ints")
    x, y = (operator.index(v) for v in pt)
    return _monitor(messages.monitor_from_point(x, y, dword(Flags)))


def MonitorFromRect(rc: object, Flags: int = 0) -> PyHANDLE | None:
    """The monitor a rectangle overlaps most; for one off the screen, by Flags (0: None)."""
    return _monitor(messages.monitor_from_rect(_rect(rc), dword(Flags)))


@api("MonitorFromWindow")
def MonitorFromWindow(hwnd: object, Flags: int = 0) -> PyHANDLE | None:
    """The monitor a window is on; for one off the screen, by Flags (0: None)."""
    return _monitor(messages.monitor_from_window(_owner(hwnd), dword(Flags)))


@api("GetMonitorInfo")
def GetMonitorInfo(hMonitor: object) -> dict[str, object]:
    """MONITORINFOEX as pywin32's dict: Monitor, Work, Flags, Device."""
    info = messages.monitor_info(_module(hMonitor))
    return {"Monitor": info.monitor, "Work": info.work, "Flags": info.flags, "Device": info.device}


def EnumDisplayMonitors(
    hdc: object = None, rcClip: object = None
) -> list[tuple[PyHANDLE, PyHANDLE, tuple[int, int, int, int]]]:
    """``(monitor, hdc, rectangle)`` of each monitor (overlapping ``rcClip``)."""
    clip = None if rcClip is None else _rect(rcClip)
    dc = PyHANDLE(0) if hdc is None else PyHANDLE(_module(hdc))
    return [(PyHANDLE(h), dc, rect) for h, rect in messages.display_monitors(clip)]
