"""The machine's power capabilities and the system file cache's limits, read from Linux.

GetPwrCapabilities: the sleep states come from ``/sys/power/state`` (``freeze`` is S1,
``standby`` S2, ``mem`` S3, ``disk`` S4 and hibernation; S5, soft off, every machine has),
batteries and UPSes from ``/sys/class/power_supply`` (type ``Battery`` / ``UPS``), the lid
from ``/proc/acpi/button/lid``. What Linux does not say (buttons, throttling, wake states)
gets the answer of a desktop without them.

GetSystemFileCacheSize: Linux's page cache has no configured limits: the answer is Windows'
"no limit" one, the smallest working set Windows reports (1 MiB) and all of memory as the
largest, with no FILE_CACHE_*_HARD_ENABLE flag. SetSystemFileCacheSize needs
SeIncreaseQuotaPrivilege, which a standard user has not: ERROR_PRIVILEGE_NOT_HELD.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from ..errors import ERROR_PRIVILEGE_NOT_HELD, Win32Error

__all__ = [
    "FileCacheSize",
    "PowerCapabilities",
    "file_cache_size",
    "power_capabilities",
    "set_file_cache_size",
]


class PowerCapabilities(NamedTuple):
    """SYSTEM_POWER_CAPABILITIES' answers that differ between machines."""

    sleep_states: frozenset[int]  # of 1..5 (S1..S5)
    hibernate_file: bool
    lid: bool
    batteries: bool
    ups: bool


class FileCacheSize(NamedTuple):
    """The system file cache's working-set limits in bytes, and FILE_CACHE_* flags."""

    minimum: int
    maximum: int
    flags: int


def _read(path: str) -> str:
    try:
        with open(path, encoding="ascii", errors="replace") as stream:
            return stream.read()
    except OSError:
        return ""


def _supplies() -> set[str]:
    kinds: set[str] = set()
    folder = "/sys/class/power_supply"
    try:
        names = os.listdir(folder)
    except OSError:
        return kinds
    for name in names:
        kinds.add(_read(os.path.join(folder, name, "type")).strip())
    return kinds


def power_capabilities() -> PowerCapabilities:
    """What this machine can do about power (GetPwrCapabilities); see the module."""
    offered = _read("/sys/power/state").split()
    states = {5}
    for word, state in (("freeze", 1), ("standby", 2), ("mem", 3), ("disk", 4)):
        if word in offered:
            states.add(state)
    supplies = _supplies()
    return PowerCapabilities(
        sleep_states=frozenset(states),
        hibernate_file=4 in states,
        lid=os.path.isdir("/proc/acpi/button/lid"),
        batteries="Battery" in supplies,
        ups="UPS" in supplies,
    )


def file_cache_size() -> FileCacheSize:
    """The file cache's limits (GetSystemFileCacheSize): none set; see the module."""
    try:
        total = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        total = 2**32
    return FileCacheSize(1 << 20, total, 0)


def set_file_cache_size(minimum: int, maximum: int, flags: int) -> None:
    """Refuse to set the file cache's limits (SetSystemFileCacheSize): a privilege is missing.

    Raises:
        Win32Error: ERROR_PRIVILEGE_NOT_HELD, always.
    """
    raise Win32Error.from_code(
        ERROR_PRIVILEGE_NOT_HELD, "limiting the file cache needs SeIncreaseQuotaPrivilege"
    )
