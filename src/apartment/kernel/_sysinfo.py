"""What the system says about itself: the user, the computer, the time zone, the power supply.

Each answer comes from Linux (the password database, the host name, the C library's time
zone); where Linux has no counterpart the answer is a fixed, documented one (the power status:
on AC power, no battery).
"""

from __future__ import annotations

import calendar
import datetime
import getpass
import os
import socket
import time
from typing import NamedTuple

from ..errors import ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND, Win32Error
from ._verbatim import local_path

__all__ = [
    "user_name",
    "computer_name",
    "HostNames",
    "host_names",
    "TransitionDate",
    "TimeZone",
    "time_zone",
    "PowerStatus",
    "power_status",
    "long_path_name",
    "short_path_name",
]

_MAX_COMPUTERNAME = 15  # NetBIOS names: what GetComputerName gives


def user_name() -> str:
    """The login name of the user running the process (GetUserName)."""
    return getpass.getuser()


def computer_name() -> str:
    r"""The computer's NetBIOS-style name: the host name's first label, upper case, 15 chars.

    A local account's domain on Windows is this name (GetDomainName, ``DOMAIN\\user``).
    """
    label = socket.gethostname().split(".")[0] or "LOCALHOST"
    return label.upper()[:_MAX_COMPUTERNAME]


class HostNames(NamedTuple):
    """The computer's names, in COMPUTER_NAME_FORMAT's order (GetComputerNameEx).

    ``netbios`` is :func:`computer_name`; ``host`` the host name's first label as Linux
    spells it; ``domain`` the rest of the host name ('' when it has none); and
    ``fully_qualified`` the whole host name. No resolver is asked: the names are the kernel's.
    """

    netbios: str
    host: str
    domain: str
    fully_qualified: str


def host_names() -> HostNames:
    """The computer's NetBIOS name and DNS names, from the host name alone."""
    full = socket.gethostname()
    host, _, domain = full.partition(".")
    return HostNames(computer_name(), host, domain, full)


class TransitionDate(NamedTuple):
    """When a zone changes offset, as SYSTEMTIME says it: ``day`` is the week of ``month``.

    ``year`` 0 makes it a yearly rule: the ``day``-th (5: the last) ``day_of_week`` (0 is
    Sunday) of ``month``, at ``hour``:``minute`` local time. All zero: the zone has no change.
    """

    year: int = 0
    month: int = 0
    day_of_week: int = 0
    day: int = 0
    hour: int = 0
    minute: int = 0
    second: int = 0
    milliseconds: int = 0


class TimeZone(NamedTuple):
    """The local time zone in TIME_ZONE_INFORMATION's terms; biases are minutes west of UTC."""

    bias: int
    standard_name: str
    standard_date: TransitionDate
    standard_bias: int
    daylight_name: str
    daylight_date: TransitionDate
    daylight_bias: int
    in_daylight: bool | None  # None: the zone has no daylight saving time


def _transition(start: float, end: float, *, to_dst: bool) -> TransitionDate:
    """Find where in [start, end) the zone enters (or leaves) daylight time, as a yearly rule."""
    low, high = int(start), int(end)
    while high - low > 1:  # the last second before the change is ``low``
        middle = (low + high) // 2
        if (time.localtime(middle).tm_isdst > 0) == to_dst:
            high = middle
        else:
            low = middle
    # the wall clock at the change, read on the offset in force before it
    wall = datetime.datetime(*time.localtime(low)[:6]) + datetime.timedelta(seconds=1)
    week = (
        5 if wall.day + 7 > calendar.monthrange(wall.year, wall.month)[1] else (wall.day + 6) // 7
    )
    return TransitionDate(0, wall.month, (wall.weekday() + 1) % 7, week, wall.hour, wall.minute)


def time_zone() -> TimeZone:
    """The C library's local zone (``TZ`` or /etc/localtime), with this year's change dates.

    The names are the zone's abbreviations (``CET``, ``CEST``), not Windows' long names.
    """
    time.tzset()
    bias = time.timezone // 60
    standard, daylight = time.tzname
    if not time.daylight:
        none = TransitionDate()
        return TimeZone(bias, standard, none, 0, daylight, none, 0, None)
    year = time.localtime().tm_year
    start = time.mktime((year, 1, 1, 0, 0, 0, 0, 0, -1))
    middle = time.mktime((year, 7, 1, 0, 0, 0, 0, 0, -1))
    end = time.mktime((year + 1, 1, 1, 0, 0, 0, 0, 0, -1))
    northern = time.localtime(middle).tm_isdst > 0
    first, second = (start, middle), (middle, end)
    dst_start = _transition(*(first if northern else second), to_dst=True)
    dst_end = _transition(*(second if northern else first), to_dst=False)
    daylight_bias = (time.altzone - time.timezone) // 60
    return TimeZone(
        bias, standard, dst_end, 0, daylight, dst_start, daylight_bias,
        time.localtime().tm_isdst > 0,
    )  # fmt: skip


class PowerStatus(NamedTuple):
    """SYSTEM_POWER_STATUS: always on AC power with no battery (Linux's is not read)."""

    ac_line_status: int = 1  # online
    battery_flag: int = 128  # no system battery
    battery_life_percent: int = 255  # unknown
    system_status_flag: int = 0  # battery saver off
    battery_life_time: int = -1  # unknown (0xFFFFFFFF)
    battery_full_life_time: int = -1


def power_status() -> PowerStatus:
    """The power supply's state (GetSystemPowerStatus): on AC power, no battery."""
    return PowerStatus()


def _existing(path: str) -> str:
    """Check that ``path`` exists; fail as Windows' path-name calls do."""
    if not isinstance(path, str):
        raise TypeError(f"path must be a str, not {type(path).__name__}")
    if not path:  # Windows: an empty path is a path not found
        raise Win32Error.from_code(ERROR_PATH_NOT_FOUND, "an empty path names nothing")
    if not os.path.lexists(path):
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"{path!r} does not exist")
    return path


def long_path_name(path: str) -> str:
    """The long form of an existing path (GetLongPathName): on Linux, the path as given."""
    _existing(local_path(path))
    return path  # a verbatim path keeps its prefix, as Windows gives it back


def short_path_name(path: str) -> str:
    """The 8.3 form of an existing path (GetShortPathName): Linux has none, so the path itself."""
    _existing(local_path(path))
    return path
