"""win32api's names about power, the file cache, system colours, window words and help.

win32api star-imports this module. Each converts pywin32's arguments and calls one core
function: :mod:`apartment.kernel` for power and the file cache, :mod:`apartment.gdi` for the
system colours, :mod:`apartment.messages` for window and class words.
"""

from __future__ import annotations

import operator

from .. import gdi, kernel, messages
from ..errors import InvalidWindowHandleError, Win32Error
from ._adapt import api, dword, soft
from ._api_system import PySYSTEM_CPU_SET_INFORMATION
from ._handles import handle_value

__all__ = [
    "GetComputerObjectName", "GetPwrCapabilities", "GetSystemFileCacheSize",
    "SetSystemFileCacheSize", "SetSysColors", "SetWindowWord", "SetClassWord", "WinHelp",
    "PySYSTEM_CPU_SET_INFORMATIONType",
]  # fmt: skip

ERROR_CANT_ACCESS_DOMAIN_INFO = 1351
PySYSTEM_CPU_SET_INFORMATIONType = PySYSTEM_CPU_SET_INFORMATION  # pywin32's type object


def _int(value: object) -> int:
    return operator.index(value)  # type: ignore[arg-type]


@api("GetComputerObjectName")
def GetComputerObjectName(NameFormat: int, /) -> str:
    """The computer's name in a directory service: this machine is in no domain.

    Windows answers ERROR_CANT_ACCESS_DOMAIN_INFO on a computer that joined none (MS docs).
    """
    dword(NameFormat)
    raise Win32Error.from_code(ERROR_CANT_ACCESS_DOMAIN_INFO, "this computer is in no domain")


def _scale() -> tuple[dict[str, int], ...]:
    return tuple({"Granularity": 0, "Capacity": 0} for _ in range(3))


def GetPwrCapabilities() -> dict[str, object]:
    """SYSTEM_POWER_CAPABILITIES as pywin32's dict (see kernel._power for Linux's answers)."""
    caps = kernel.power_capabilities()
    states = caps.sleep_states
    return {
        "PowerButtonPresent": True, "SleepButtonPresent": False, "LidPresent": caps.lid,
        "SystemS1": 1 in states, "SystemS2": 2 in states, "SystemS3": 3 in states,
        "SystemS4": 4 in states, "SystemS5": 5 in states,
        "HiberFilePresent": caps.hibernate_file, "FullWake": True, "VideoDimPresent": False,
        "ApmPresent": False, "UpsPresent": caps.ups, "ThermalControl": False,
        "ProcessorThrottle": False, "ProcessorMinThrottle": 100, "ProcessorMaxThrottle": 100,
        "FastSystemS4": 4 in states, "spare2": None, "DiskSpinDown": True, "spare3": None,
        "SystemBatteriesPresent": caps.batteries, "BatteriesAreShortTerm": False,
        "BatteryScale": _scale(), "AcOnLineWake": 0, "SoftLidWake": 0, "RtcWake": 0,
        "MinDeviceWakeState": 0, "DefaultLowLatencyWake": 0,
    }  # fmt: skip


@api("GetSystemFileCacheSize")
def GetSystemFileCacheSize() -> tuple[int, int, int]:
    """(smallest, largest working set of the file cache, FILE_CACHE_* flags)."""
    return tuple(kernel.file_cache_size())  # type: ignore[return-value]


@api("SetSystemFileCacheSize")
def SetSystemFileCacheSize(
    MinimumFileCacheSize: int, MaximumFileCacheSize: int, Flags: int = 0
) -> None:
    """Refused for a standard user: ERROR_PRIVILEGE_NOT_HELD (see kernel._power)."""
    kernel.set_file_cache_size(_int(MinimumFileCacheSize), _int(MaximumFileCacheSize),
                               dword(Flags))  # fmt: skip


@api("SetSysColors")
def SetSysColors(Elements: object, RgbValues: object, /) -> None:
    """Give COLOR_* elements new colours; GetSysColor reads them back (see gdi's stock)."""
    shape = "SetSysColors: Arguments must be equal length tuples of ints"
    if not isinstance(Elements, tuple) or not isinstance(RgbValues, tuple):
        raise TypeError(shape)
    if len(Elements) != len(RgbValues):
        raise TypeError(shape)
    elements = [_int(item) for item in Elements]
    colors = [_int(item) for item in RgbValues]
    gdi.set_sys_colors(list(zip(elements, colors, strict=True)))


@soft(int)
def SetWindowWord(hwnd: int, offset: int, val: int, /) -> int:
    """Set a WORD of a window's extra bytes; the previous one (see messages._windowlong).

    pywin32 does not check the result: a failure answers 0 and sets GetLastError.
    """
    return messages.set_window_word(handle_value(hwnd), _int(offset), _int(val))


@soft(int)
def SetClassWord(hwnd: int, offset: int, val: int, /) -> int:
    """Set a WORD of a window class's extra bytes; the previous one (0 on failure, as
    SetWindowWord)."""  # noqa: D205, D209
    return messages.set_class_word(handle_value(hwnd), _int(offset), _int(val))


@api("WinHelp")
def WinHelp(hwnd: int, hlpFile: str, cmd: int, data: object = None, /) -> None:
    """Ask WinHelp to show a .hlp file: Windows no longer ships WinHelp, nor does Linux.

    Windows (Vista and later) answers by telling the user WinHelp is gone and returns
    success; so does this call, once its window argument names a window (or is 0).
    """
    value = handle_value(hwnd)
    if value and not messages.is_window(value):
        raise InvalidWindowHandleError(f"{value:#x} is no window")
    if not isinstance(hlpFile, str):
        raise TypeError(f"hlpFile must be a str, not {type(hlpFile).__name__}")
    dword(cmd)
