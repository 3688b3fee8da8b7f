"""win32api's names about the system: clock, version, processors, metrics, locale, environment.

Re-exported by :mod:`.win32api`. The values come from :mod:`apartment.kernel` (Linux's answers
or fixed, documented ones); the SDK's word macros (MAKELONG, LOBYTE, RGB, ...) are arithmetic
on C longs with pywin32's overflow errors and need no core call.
"""

from __future__ import annotations

import datetime as _dt
import operator
from typing import final

from .. import kernel, messages
from ..errors import ERROR_INVALID_FLAGS, ERROR_INVALID_PARAMETER, Win32Error
from ._adapt import api, as_bool, dword
from ._buffers import text_arg

__all__ = [
    "GetLocalTime", "GetSystemTime", "GetVersion", "GetVersionEx", "GetWindowsDirectory",
    "GetSystemDirectory", "GetEnvironmentVariable", "GetEnvironmentVariableW",
    "ExpandEnvironmentStrings", "GetComputerNameEx", "GetSystemInfo", "GetNativeSystemInfo",
    "GetSystemMetrics", "Beep", "MAKELONG", "MAKEWORD", "LOBYTE", "HIBYTE", "RGB", "MAKELANGID",
    "GetUserDefaultLCID", "GetUserDefaultLangID", "GetSystemDefaultLCID",
    "GetSystemDefaultLangID", "GetThreadLocale", "SetEnvironmentVariable",
    "SetEnvironmentVariableW", "GlobalMemoryStatus", "GlobalMemoryStatusEx", "OutputDebugString",
    "MessageBeep", "SetErrorMode", "SetConsoleCtrlHandler", "GenerateConsoleCtrlEvent",
    "GetDateFormat", "GetTimeFormat", "GetKeyState", "GetAsyncKeyState",
    "GetSystemCpuSetInformation", "PySYSTEM_CPU_SET_INFORMATION",
]  # fmt: skip


def _c_long(value: object) -> int:
    """Read an argument as a C long (32 bits on Windows), as pywin32 does."""
    number = operator.index(value)  # type: ignore[arg-type]
    if not -(2**31) <= number < 2**31:
        raise OverflowError("Python int too large to convert to C long")
    return number


def _signed32(value: int) -> int:
    return value - 2**32 if value >= 2**31 else value


def GetLocalTime() -> tuple[int, int, int, int, int, int, int, int]:
    """SYSTEMTIME of the local clock: (year, month, weekday (0 Sunday), day, h, m, s, ms)."""
    return tuple(kernel.local_time())  # type: ignore[return-value]


def GetSystemTime() -> tuple[int, int, int, int, int, int, int, int]:
    """SYSTEMTIME of the clock in UTC, GetLocalTime's shape."""
    return tuple(kernel.system_time())  # type: ignore[return-value]


def GetVersion() -> int:
    """The version as a DWORD: major in the low byte, minor in the next, build above."""
    version = kernel.windows_version()
    return version.major | version.minor << 8 | (version.build & 0xFFFF) << 16


def GetVersionEx(format: int = 0, /) -> tuple[object, ...]:
    """OSVERSIONINFO (format 0: five items) or OSVERSIONINFOEX (format 1: ten items)."""
    kind = _c_long(format)
    if kind not in (0, 1):
        raise ValueError(f"format must be 0 or 1 (got {kind})")
    v = kernel.windows_version()
    short = (v.major, v.minor, v.build, v.platform_id, v.service_pack)
    if kind == 0:
        return short
    extra = (v.service_pack_major, v.service_pack_minor, v.suite_mask, v.product_type, 0)
    return short + extra


def GetWindowsDirectory() -> str:
    return kernel.windows_directory()


def GetSystemDirectory() -> str:
    return kernel.system_directory()


def GetEnvironmentVariable(variable: str, /) -> str | None:
    """A variable's value, None when it is not set; names match in any case, as on Windows."""
    return kernel.environment_variable(text_arg(variable))


GetEnvironmentVariableW = GetEnvironmentVariable


@api("SetEnvironmentVariableW")
def SetEnvironmentVariable(Name: str, Value: str | None, /) -> None:
    """Set a variable of this process (None removes it); children inherit it.

    Deviation: os.environ changes too (Linux has one environment; Windows' Python keeps a copy).
    """
    kernel.set_environment_variable(text_arg(Name), None if Value is None else text_arg(Value))


SetEnvironmentVariableW = SetEnvironmentVariable


def ExpandEnvironmentStrings(in_: str, /) -> str:
    """Replace each ``%NAME%`` of a set variable; others stay."""
    return kernel.expand_environment(text_arg(in_))


# COMPUTER_NAME_FORMAT: NetBIOS, DnsHostname, DnsDomain, DnsFullyQualified, then the
# Physical* four, the same here (no cluster).
_NAME_FORMATS = 8


@api("GetComputerNameExW")
def GetComputerNameEx(NameType: int, /) -> str:
    """The computer's name in a COMPUTER_NAME_FORMAT (0 to 7); another fails (87)."""
    kind = _c_long(NameType)
    if not 0 <= kind < _NAME_FORMATS:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"{kind} is no COMPUTER_NAME_FORMAT")
    return kernel.host_names()[kind % 4]


def _system_info() -> tuple[object, ...]:
    info = kernel.system_info()
    return (
        info.architecture,
        info.page_size,
        info.minimum_address,
        info.maximum_address,
        info.active_processor_mask,
        info.processors,
        info.processor_type,
        info.allocation_granularity,
        (info.level, info.revision),
    )


def GetSystemInfo() -> tuple[object, ...]:
    """SYSTEM_INFO: (architecture, page size, min and max address, processor mask, count,
    processor type, allocation granularity, (level, revision))."""  # noqa: D205, D209
    return _system_info()


def GetNativeSystemInfo() -> tuple[object, ...]:
    """GetSystemInfo's answer: a 64-bit Python sees the machine as it is."""
    return _system_info()


@final
class PySYSTEM_CPU_SET_INFORMATION:  # noqa: N801 (pywin32's name)
    """One CPU set (SYSTEM_CPU_SET_INFORMATION's CpuSet member), read-only."""

    __slots__ = ("_set",)

    def __init__(self, cpu_set: kernel.CpuSet) -> None:
        self._set = cpu_set

    Id = property(lambda self: self._set.id)
    Group = property(lambda self: self._set.group)
    LogicalProcessorIndex = property(lambda self: self._set.logical_processor_index)
    CoreIndex = property(lambda self: self._set.core_index)
    LastLevelCacheIndex = property(lambda self: self._set.last_level_cache_index)
    NumaNodeIndex = property(lambda self: self._set.numa_node_index)
    EfficiencyClass = property(lambda self: self._set.efficiency_class)
    SchedulingClass = property(lambda self: self._set.scheduling_class)
    AllocationTag = property(lambda self: self._set.allocation_tag)
    Parked = property(lambda self: self._set.parked)
    Allocated = property(lambda self: self._set.allocated)
    AllocatedToTargetProcess = property(lambda self: self._set.allocated_to_target_process)
    RealTime = property(lambda self: self._set.real_time)

    def __repr__(self) -> str:
        cpu = self._set
        return (
            f"PySYSTEM_CPU_SET_INFORMATION(Id={cpu.id}, LP={cpu.logical_processor_index}, "
            f"Core={cpu.core_index}, Eff={cpu.efficiency_class}, Sched={cpu.scheduling_class})"
        )


def GetSystemCpuSetInformation() -> list[PySYSTEM_CPU_SET_INFORMATION]:
    """The machine's CPU sets, one per logical processor (sysfs's topology)."""
    return [PySYSTEM_CPU_SET_INFORMATION(cpu_set) for cpu_set in kernel.cpu_sets()]


def GetSystemMetrics(index: int, /) -> int:
    """A system metric from a fixed table (a 1024x768 screen); 0 for an unknown index."""
    return kernel.system_metric(_c_long(index))


def Beep(freq: int, dur: int, /) -> None:
    """Accepted and silent: there is no speaker to drive (pywin32 returns None)."""
    _c_long(freq)
    _c_long(dur)


def MAKELONG(low: int, high: int, /) -> int:
    """``low``'s and ``high``'s low 16 bits as one signed 32-bit long."""
    return _signed32((_c_long(low) & 0xFFFF) | (_c_long(high) & 0xFFFF) << 16)


def MAKEWORD(low: int, high: int, /) -> int:
    return (_c_long(low) & 0xFF) | (_c_long(high) & 0xFF) << 8


def LOBYTE(val: int, /) -> int:
    return _c_long(val) & 0xFF


def HIBYTE(val: int, /) -> int:
    return (_c_long(val) >> 8) & 0xFF


def RGB(red: int, green: int, blue: int, /) -> int:
    """A COLORREF: each component's low byte, red lowest."""
    return (_c_long(red) & 0xFF) | (_c_long(green) & 0xFF) << 8 | (_c_long(blue) & 0xFF) << 16


def MAKELANGID(PrimaryLanguage: int, SubLanguage: int, /) -> int:
    """A LANGID: the sublanguage (a WORD) shifted by 10 over the primary language (a WORD)."""
    return (_c_long(SubLanguage) & 0xFFFF) << 10 | (_c_long(PrimaryLanguage) & 0xFFFF)


def GetUserDefaultLCID() -> int:
    """English (United States), 0x0409: the one locale (see the kernel's machine module)."""
    return kernel.LOCALE_ID


def GetUserDefaultLangID() -> int:
    return kernel.LOCALE_ID & 0xFFFF


def GetSystemDefaultLCID() -> int:
    return kernel.LOCALE_ID


def GetSystemDefaultLangID() -> int:
    return kernel.LOCALE_ID & 0xFFFF


def GetThreadLocale() -> int:
    return kernel.thread_locale()


def _memory() -> dict[str, int]:
    status = kernel.memory_status()
    return {
        "MemoryLoad": status.load,
        "TotalPhys": status.total_physical,
        "AvailPhys": status.available_physical,
        "TotalPageFile": status.total_page_file,
        "AvailPageFile": status.available_page_file,
        "TotalVirtual": status.total_virtual,
        "AvailVirtual": status.available_virtual,
    }


def GlobalMemoryStatus() -> dict[str, int]:
    """MEMORYSTATUS as pywin32's dict: Length 56, then the load and the byte counts."""
    return {"Length": 56, **_memory()}


def GlobalMemoryStatusEx() -> dict[str, int]:
    """MEMORYSTATUSEX as pywin32's dict: Length 64, GlobalMemoryStatus's keys and
    AvailExtendedVirtual (always 0, as on Windows)."""  # noqa: D205, D209
    return {"Length": 64, **_memory(), "AvailExtendedVirtual": 0}


def OutputDebugString(msg: str, /) -> None:
    """Accepted and dropped: no debugger listens (Windows drops it too when none does)."""
    text_arg(msg)


def MessageBeep(type: int = 0, /) -> None:
    """Accepted and silent: no sound is played."""
    _c_long(type)


def SetErrorMode(errorMode: int, /) -> int:
    """Set the process's SEM_* error mode and return the previous one (kept, not acted on)."""
    return kernel.set_error_mode(_c_long(errorMode) & 0xFFFFFFFF)


def SetConsoleCtrlHandler(ctrlHandler: object, bAdd: int = True, /) -> None:
    """Add (or remove) ``ctrlHandler(event) -> bool``, called on a new thread for Ctrl+C
    (SIGINT), Ctrl+Break (SIGQUIT) and a closed console (SIGHUP), the last added first.

    None makes the process ignore Ctrl+C (or heed it again). The first handler must be added
    from the main thread (Python's rule for signals). Removing one that is not registered
    raises ValueError, as pywin32 does.
    """  # noqa: D205
    add = as_bool(bAdd)
    if ctrlHandler is None:
        kernel.ignore_ctrl_c(add)
    elif not callable(ctrlHandler):
        raise TypeError(f"First argument must be callable (got {type(ctrlHandler).__name__})")
    elif add:
        kernel.add_ctrl_handler(ctrlHandler)
    else:
        kernel.remove_ctrl_handler(ctrlHandler)


@api("GenerateConsoleCtrlEvent")
def GenerateConsoleCtrlEvent(controlEvent: int, processGroupId: int, /) -> None:
    """Send CTRL_C_EVENT, CTRL_BREAK_EVENT or CTRL_CLOSE_EVENT to a process group (0: the
    caller's, the caller included); 87 for another event or an unknown group."""  # noqa: D205, D209
    kernel.raise_ctrl_event(dword(controlEvent), dword(processGroupId))


# The locales answered: English (United States), the user's, the system's and neutral.
_LOCALES = {kernel.LOCALE_ID, 0, 0x400, 0x800, 0x7F}
_DATE_SHORTDATE, _DATE_LONGDATE = 0x1, 0x2
_TIME_NOMINUTESORSECONDS, _TIME_NOSECONDS, _TIME_NOTIMEMARKER, _TIME_FORCE24HOURFORMAT = 1, 2, 4, 8


def _when(time: object) -> _dt.datetime:
    if time is None:
        return _dt.datetime.now()
    if not isinstance(time, _dt.datetime):
        raise TypeError(f"must be a pywintypes time object (got {type(time).__name__})")
    return time


def _locale(locale: object) -> None:
    if dword(locale) not in _LOCALES:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "the one locale is English (US)")


def _picture(format: object) -> str | None:
    return None if format is None else text_arg(format)


@api("GetDateFormat")
def GetDateFormat(
    locale: int, flags: int, time: object = None, format: str | None = None, /
) -> str:
    """A date as English (US) writes it: DATE_SHORTDATE ``M/d/yyyy``, DATE_LONGDATE, or a
    picture; another locale than the user's or the system's fails with 87."""  # noqa: D205, D209
    _locale(locale)
    bits = dword(flags)
    when = _when(time)
    if (bits & _DATE_SHORTDATE and bits & _DATE_LONGDATE) or (format is not None and bits):
        raise Win32Error.from_code(ERROR_INVALID_FLAGS, "DATE_* flags with a picture, or both")
    return kernel.format_date(when, _picture(format), long=bool(bits & _DATE_LONGDATE))


@api("GetTimeFormat")
def GetTimeFormat(
    locale: int, flags: int, time: object = None, format: str | None = None, /
) -> str:
    """A time as English (US) writes it (``h:mm:ss tt``) or by a picture, with TIME_* flags."""
    _locale(locale)
    bits = dword(flags)
    return kernel.format_time(
        _when(time),
        _picture(format),
        minutes=not bits & _TIME_NOMINUTESORSECONDS,
        seconds=not bits & _TIME_NOSECONDS,
        marker=not bits & _TIME_NOTIMEMARKER,
        force_24=bool(bits & _TIME_FORCE24HOURFORMAT),
    )


def GetKeyState(key: int, /) -> int:
    """The key's state as of the thread's last key message: < 0 down, bit 0 toggled."""
    return messages.key_state(_c_long(key))


def GetAsyncKeyState(key: int, /) -> int:
    """The key's state now: -32768 (0x8000) down, | 1 if pressed since the last call."""
    return messages.async_key_state(_c_long(key))
