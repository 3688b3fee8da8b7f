"""Our stand-in for pywin32's ``win32timezone``: UTC, the local zone, and ``now()``.

pywin32's module reads the time zones from the Windows registry (``winreg``). Its tests use
only ``TimeZoneInfo.utc()``, ``TimeZoneInfo.local()`` and ``now()``/``utcnow()``: here the
local zone is the C library's (``time.localtime``), which knows the same rules for the
machine's zone. test_win32file imports the module at the top; its tests of file times are
left out, with their reason.
"""

from __future__ import annotations

import datetime
import time

__all__ = ["TimeZoneInfo", "now", "utcnow"]

_ZERO = datetime.timedelta(0)


class TimeZoneInfo(datetime.tzinfo):
    """A time zone: ``TimeZoneInfo.utc()`` or ``TimeZoneInfo.local()``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"

    @classmethod
    def utc(cls) -> TimeZoneInfo:
        """Coordinated Universal Time."""
        return _Utc("UTC")

    @classmethod
    def local(cls) -> TimeZoneInfo:
        """The machine's zone, daylight saving included."""
        return _Local("Local")

    def utcoffset(self, dt: datetime.datetime | None) -> datetime.timedelta:
        raise NotImplementedError

    def dst(self, dt: datetime.datetime | None) -> datetime.timedelta:
        raise NotImplementedError

    def tzname(self, dt: datetime.datetime | None) -> str:
        return self.name


class _Utc(TimeZoneInfo):
    def utcoffset(self, dt: datetime.datetime | None) -> datetime.timedelta:
        return _ZERO

    def dst(self, dt: datetime.datetime | None) -> datetime.timedelta:
        return _ZERO

    def fromutc(self, dt: datetime.datetime) -> datetime.datetime:
        return dt


def _local_time(dt: datetime.datetime) -> time.struct_time:
    """The C library's reading of the wall-clock time ``dt`` (naive) in the local zone."""
    stamp = time.mktime((dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, 0, 0, -1))
    return time.localtime(stamp)


class _Local(TimeZoneInfo):
    def utcoffset(self, dt: datetime.datetime | None) -> datetime.timedelta:
        if dt is None:
            return datetime.timedelta(seconds=-time.timezone)
        return datetime.timedelta(seconds=_local_time(dt).tm_gmtoff)

    def dst(self, dt: datetime.datetime | None) -> datetime.timedelta:
        if dt is None or not _local_time(dt).tm_isdst:
            return _ZERO
        return datetime.timedelta(seconds=_local_time(dt).tm_gmtoff + time.timezone)

    def fromutc(self, dt: datetime.datetime) -> datetime.datetime:
        stamp = (dt.replace(tzinfo=None) - datetime.datetime(1970, 1, 1)).total_seconds()
        offset = datetime.timedelta(seconds=time.localtime(stamp).tm_gmtoff)
        return dt + offset


def now() -> datetime.datetime:
    """The time now, in the local zone."""
    return datetime.datetime.now(TimeZoneInfo.local())


def utcnow() -> datetime.datetime:
    """The time now, in UTC."""
    return datetime.datetime.now(TimeZoneInfo.utc())
