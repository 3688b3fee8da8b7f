"""What the machine and the system are: the clock, the version, the processors, the locale.

Each answer comes from Linux where Linux has one (the clock, the processors from
``/proc/cpuinfo``, the environment); where it has none the answer is a fixed, documented one:
the system says it is Windows 10 22H2 (10.0.19045), its locale is English (United States)
(LCID 0x0409, the keyboard layout's language), its screen is 1024 by 768 (the screen of the
message layer, which has no display) and its Windows and system directories are ``/usr`` and
``/usr/lib``, where Linux keeps what Windows keeps there.
"""

from __future__ import annotations

import datetime as _dt
import os
import platform
import re
import threading
from typing import NamedTuple

from ..errors import ERROR_INVALID_PARAMETER, Win32Error
from ._sysparams import metric_override

__all__ = [
    "SystemTime",
    "local_time",
    "system_time",
    "WindowsVersion",
    "windows_version",
    "windows_directory",
    "system_directory",
    "SystemInfo",
    "system_info",
    "system_metric",
    "LOCALE_ID",
    "environment_variable",
    "set_environment_variable",
    "expand_environment",
    "MemoryStatus",
    "memory_status",
    "set_error_mode",
]

LOCALE_ID = 0x0409  # English (United States): LANG_ENGLISH, SUBLANG_ENGLISH_US


class SystemTime(NamedTuple):
    """A point in time as SYSTEMTIME says it; ``day_of_week`` 0 is Sunday."""

    year: int
    month: int
    day_of_week: int
    day: int
    hour: int
    minute: int
    second: int
    milliseconds: int


def _system_time(when: _dt.datetime) -> SystemTime:
    return SystemTime(
        when.year,
        when.month,
        (when.weekday() + 1) % 7,
        when.day,
        when.hour,
        when.minute,
        when.second,
        when.microsecond // 1000,
    )


def local_time() -> SystemTime:
    """The wall clock in the local time zone (GetLocalTime)."""
    return _system_time(_dt.datetime.now())


def system_time() -> SystemTime:
    """The wall clock in UTC (GetSystemTime)."""
    return _system_time(_dt.datetime.now(_dt.timezone.utc))


class WindowsVersion(NamedTuple):
    """OSVERSIONINFOEX: the version the system reports, always Windows 10 22H2 here.

    ``platform_id`` 2 is VER_PLATFORM_WIN32_NT; ``suite_mask`` 0x100 VER_SUITE_SINGLEUSERTS;
    ``product_type`` 1 VER_NT_WORKSTATION.
    """

    major: int = 10
    minor: int = 0
    build: int = 19045
    platform_id: int = 2
    service_pack: str = ""
    service_pack_major: int = 0
    service_pack_minor: int = 0
    suite_mask: int = 0x100
    product_type: int = 1


def windows_version() -> WindowsVersion:
    """The Windows version the system answers (GetVersionEx): 10.0.19045, a workstation.

    A program manifested for Windows 10 sees this on Windows 10 22H2; there is no older answer
    to compatibility-shim, since every program here is one process of the same system.
    """
    return WindowsVersion()


def windows_directory() -> str:
    """The Windows directory (GetWindowsDirectory): ``/usr``, the system's shared tree."""
    return "/usr"


def system_directory() -> str:
    """The system directory (GetSystemDirectory): ``/usr/lib``, where shared libraries are."""
    return "/usr/lib"


class SystemInfo(NamedTuple):
    """SYSTEM_INFO from Linux: the machine's architecture, page size and processors.

    ``architecture`` is PROCESSOR_ARCHITECTURE_* (9 AMD64, 12 ARM64, 0 INTEL);
    ``processor_type`` PROCESSOR_* (8664, 586, 0 for ARM as Windows gives); ``level`` and
    ``revision`` the CPU family and ``model << 8 | stepping`` from ``/proc/cpuinfo``.
    """

    architecture: int
    page_size: int
    minimum_address: int
    maximum_address: int
    active_processor_mask: int
    processors: int
    processor_type: int
    allocation_granularity: int
    level: int
    revision: int


_ARCHITECTURES = {
    "x86_64": (9, 8664),
    "amd64": (9, 8664),
    "aarch64": (12, 0),
    "arm64": (12, 0),
    "i386": (0, 586),
    "i686": (0, 586),
}
_CPUINFO_FIELD = re.compile(r"^(cpu family|model|stepping)\s*:\s*(\d+)\s*$", re.MULTILINE)


def _cpu_family() -> tuple[int, int]:
    """(family, model << 8 | stepping) of the first processor in /proc/cpuinfo, else zeros."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as stream:
            text = stream.read(8192)
    except OSError:
        return 0, 0
    fields: dict[str, int] = {}
    for name, value in _CPUINFO_FIELD.findall(text):
        fields.setdefault(name, int(value))
    model = fields.get("model", 0) & 0xFF
    return fields.get("cpu family", 0), model << 8 | fields.get("stepping", 0) & 0xFF


def system_info() -> SystemInfo:
    """The machine as SYSTEM_INFO describes it (GetSystemInfo, GetNativeSystemInfo).

    The address range and the allocation granularity are Windows x64's (64 KiB), which
    is what Windows programs allocate by; the rest is read from Linux.
    """
    architecture, processor_type = _ARCHITECTURES.get(platform.machine().lower(), (0xFFFF, 0))
    count = os.cpu_count() or 1
    family, revision = _cpu_family()
    return SystemInfo(
        architecture,
        os.sysconf("SC_PAGE_SIZE"),
        0x10000,
        0x7FFFFFFEFFFF,
        (1 << min(count, 64)) - 1,
        count,
        processor_type,
        0x10000,
        family,
        revision,
    )


# GetSystemMetrics' fixed answers: a 1024x768 screen without a mouse wheel or a network.
_METRICS = {
    0: 1024,  # SM_CXSCREEN
    1: 768,  # SM_CYSCREEN
    2: 17,  # SM_CXVSCROLL
    3: 17,  # SM_CYHSCROLL
    4: 23,  # SM_CYCAPTION
    5: 1,  # SM_CXBORDER
    6: 1,  # SM_CYBORDER
    11: 32,  # SM_CXICON
    12: 32,  # SM_CYICON
    13: 32,  # SM_CXCURSOR
    14: 32,  # SM_CYCURSOR
    15: 19,  # SM_CYMENU
    16: 1024,  # SM_CXFULLSCREEN
    19: 1,  # SM_MOUSEPRESENT
    23: 0,  # SM_SWAPBUTTON
    32: 4,  # SM_CXFRAME
    33: 4,  # SM_CYFRAME
    43: 3,  # SM_CMOUSEBUTTONS
    67: 0,  # SM_CLEANBOOT: a normal boot
    75: 1,  # SM_MOUSEWHEELPRESENT
    76: 0,  # SM_XVIRTUALSCREEN
    77: 0,  # SM_YVIRTUALSCREEN
    78: 1024,  # SM_CXVIRTUALSCREEN
    79: 768,  # SM_CYVIRTUALSCREEN
    80: 1,  # SM_CMONITORS
    4096: 0,  # SM_REMOTESESSION
    36: 4,  # SM_CXDOUBLECLK
    37: 4,  # SM_CYDOUBLECLK
    68: 4,  # SM_CXDRAG
    69: 4,  # SM_CYDRAG
}


def system_metric(index: int) -> int:
    """A GetSystemMetrics value from a fixed table (the screen is 1024x768); 0 for the rest.

    Windows answers 0 for an index it does not know, so an unknown index is not an error.
    The double-click and drag rectangles are what SystemParametersInfo set (``_sysparams``).
    """
    changed = metric_override(index)
    return changed if changed is not None else _METRICS.get(index, 0)


def environment_variable(name: str) -> str | None:
    """The value of an environment variable, None when unset.

    Windows' names are case-insensitive: an exact match wins, else any case matches.
    """
    if not isinstance(name, str):
        raise TypeError(f"a variable's name is a str, not {type(name).__name__}")
    if not name or "=" in name:
        return None
    value = os.environ.get(name)
    if value is not None:
        return value
    folded = name.casefold()
    for key, found in os.environ.items():
        if key.casefold() == folded:
            return found
    return None


def set_environment_variable(name: str, value: str | None) -> None:
    """Set (None: remove) a variable of this process's environment (SetEnvironmentVariable).

    ``os.environ`` and the C library's environment both change, so children see it. A name
    that is empty or holds ``=`` fails with ERROR_INVALID_PARAMETER, as on Windows.
    """
    if not isinstance(name, str):
        raise TypeError(f"a variable's name is a str, not {type(name).__name__}")
    if value is not None and not isinstance(value, str):
        raise TypeError(f"a variable's value is a str or None, not {type(value).__name__}")
    if not name or "=" in name or "\0" in name or (value is not None and "\0" in value):
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"{name!r} cannot name a variable")
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


_REFERENCE = re.compile(r"%([^%]+)%")


def expand_environment(text: str) -> str:
    """Replace each ``%NAME%`` of a set variable by its value (ExpandEnvironmentStrings).

    A reference to an unset variable, ``%%`` and a lone ``%`` stay as they are.
    """
    if not isinstance(text, str):
        raise TypeError(f"the text is a str, not {type(text).__name__}")

    def replace(match: re.Match[str]) -> str:
        value = environment_variable(match.group(1))
        return match.group(0) if value is None else value

    return _REFERENCE.sub(replace, text)


class MemoryStatus(NamedTuple):
    """MEMORYSTATUSEX in bytes, from ``/proc/meminfo`` and this process's address space.

    ``load`` is the percentage of physical memory in use; the page file is Windows' commit
    limit (memory plus swap); the virtual figures are this process's x64 user address space.
    """

    load: int
    total_physical: int
    available_physical: int
    total_page_file: int
    available_page_file: int
    total_virtual: int
    available_virtual: int


_USER_SPACE = 0x7FFFFFFE0000  # Windows x64's user address space: 128 TiB less 128 KiB


def _kib_fields(path: str) -> dict[str, int]:
    """``Name: value kB`` lines of a /proc file, as bytes."""
    found: dict[str, int] = {}
    try:
        with open(path, encoding="ascii", errors="replace") as stream:
            for line in stream:
                name, _, rest = line.partition(":")
                parts = rest.split()
                if parts and parts[0].isdigit():
                    found[name] = int(parts[0]) * (1024 if parts[1:] == ["kB"] else 1)
    except OSError:
        pass
    return found


def memory_status() -> MemoryStatus:
    """The machine's memory and this process's address space (GlobalMemoryStatusEx)."""
    info = _kib_fields("/proc/meminfo")
    total = info.get("MemTotal", 0)
    available = info.get("MemAvailable", info.get("MemFree", 0))
    swap, swap_free = info.get("SwapTotal", 0), info.get("SwapFree", 0)
    used_virtual = _kib_fields("/proc/self/status").get("VmSize", 0)
    load = (total - available) * 100 // total if total else 0
    return MemoryStatus(
        load,
        total,
        available,
        total + swap,
        available + swap_free,
        _USER_SPACE,
        max(_USER_SPACE - used_virtual, 0),
    )


_error_mode_lock = threading.Lock()
_error_mode = 0


def set_error_mode(mode: int) -> int:
    """Set the process's error mode (SEM_* bits) and return the previous one (SetErrorMode).

    Kept, not acted on: no dialog box is ever shown here, whatever the mode says.
    """
    global _error_mode
    with _error_mode_lock:
        previous, _error_mode = _error_mode, mode
    return previous
