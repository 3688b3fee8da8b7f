"""Win32 time units: FILETIME due times (100 ns), millisecond periods, file times."""

from __future__ import annotations

import datetime as _dt
import operator
import warnings
from typing import TypeVar

from ..errors import ERROR_INVALID_PARAMETER, InvalidParameterError, Win32Error
from ._adapt import long_param

__all__ = [
    "due_time", "file_time", "filetime_to_datetime", "large_integer", "period", "pywin32_utc",
    "time_arg",
]  # fmt: skip

T = TypeVar("T", bound=_dt.datetime)

_EPOCH_1601 = _dt.datetime(1601, 1, 1, tzinfo=_dt.timezone.utc)


def pywin32_utc() -> _dt.tzinfo:
    """The tzinfo of the times pywin32 gives: ``win32timezone.TimeZoneInfo.utc()``.

    pywin32's file times, process times and COM dates carry ``TimeZoneInfo('GMT Standard
    Time', True)`` (their repr, tzname and ``%Z`` show it): UTC in every year. Imported on
    first use, as win32timezone imports none of the modules that convert times; made once
    (under its lock), on whichever thread converts a time first.
    """
    from .win32timezone import TimeZoneInfo

    return TimeZoneInfo.utc()


def due_time(value: object) -> float | _dt.datetime:
    """Read SetWaitableTimer's due time: negative is relative (100 ns), positive absolute UTC.

    An absolute FILETIME becomes an aware datetime; a relative one becomes seconds. The value
    is a LARGE_INTEGER (:func:`large_integer`): a datetime is refused, as pywin32 refuses it.
    """
    ticks = large_integer(value)
    if ticks < 0:
        return -ticks / 10_000_000
    return _EPOCH_1601 + _dt.timedelta(microseconds=ticks // 10)


def large_integer(value: object) -> int:
    """Read a LARGE_INTEGER argument as pywin32 reads one: an int, or (high, low) with a warning.

    Anything else but an int warns first (pywin32 tries the pair after the warning), then
    fails with pywin32's TypeError unless it is a pair of ints.
    """
    if isinstance(value, int):
        if not -(2**63) <= value < 2**63:  # a C long long, as pywin32 converts it
            raise OverflowError("Python int too large to convert to C long long")
        return int(value)
    warnings.warn(
        "Support for passing 2 integers to create a 64bit value is deprecated - pass a long "
        "instead",
        DeprecationWarning,
        stacklevel=5,  # the caller of SetWaitableTimer (due_time, the function, its @api)
    )
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
        high, low = value
        return int(high) * 2**32 + (int(low) & 0xFFFFFFFF)
    try:
        return operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError("LARGE_INTEGER must be 'int', or '(int, int)'") from None


def period(value: object) -> float:
    """Read a period in milliseconds (a signed LONG: OverflowError past 32 bits) as seconds."""
    return long_param(value) / 1000.0


def filetime_to_datetime(ticks: int, kind: type[_dt.datetime] = _dt.datetime) -> _dt.datetime:
    """Read a FILETIME (100 ns since 1601, UTC) as an aware ``kind``, to the millisecond.

    Past the year 9999 it is the naive ``datetime.max``, as pywin32 gives it.

    Raises:
        Win32Error: a negative value (ERROR_INVALID_PARAMETER, as FileTimeToSystemTime).
        OverflowError: a value over 64 bits.
    """
    if ticks >= 2**64:
        raise OverflowError("int too big to convert")
    if ticks < 0 or ticks >= 2**63:  # a negative LARGE_INTEGER
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "a FILETIME is not negative")
    milliseconds = ticks // 10_000
    if milliseconds >= _MAX_MILLISECONDS:
        return _dt.datetime.max
    when = _EPOCH_1601 + _dt.timedelta(milliseconds=milliseconds)
    return kind(
        when.year, when.month, when.day, when.hour, when.minute, when.second,
        when.microsecond, tzinfo=pywin32_utc(),
    )  # fmt: skip


# Milliseconds from 1601 to the end of the year 9999, past which a datetime cannot go.
_MAX_MILLISECONDS = (_dt.datetime(9999, 12, 31, 23, 59, 59, 999000) - _dt.datetime(1601, 1, 1)) // (
    _dt.timedelta(milliseconds=1)
) + 1


def file_time(when: _dt.datetime, kind: type[T]) -> T:
    """A file time as pywin32 gives it: ``kind`` (pywintypes' time), in UTC, to the millisecond.

    pywin32 goes through a SYSTEMTIME, which has milliseconds: the rest is dropped.
    """
    when = when.astimezone(_dt.timezone.utc)
    return kind(
        when.year, when.month, when.day, when.hour, when.minute, when.second,
        when.microsecond // 1000 * 1000, tzinfo=pywin32_utc(),
    )  # fmt: skip


def time_arg(value: object) -> _dt.datetime | None:
    """Read a file time argument: a datetime (naive is local time, as pywin32 reads it) or None.

    pywin32 converts it with ``astimezone``; Windows' C runtime then fails (OSError) for a
    naive time before 1970, which Linux's reads.

    Raises:
        TypeError: not a datetime, as pywin32 refuses ints, floats and tuples here.
        InvalidParameterError: a time before 1601, which no FILETIME holds.
    """
    if value is None:
        return None
    if not isinstance(value, _dt.datetime):
        raise TypeError(f"must be a pywintypes time object (got {type(value).__name__})")
    try:
        when = value.astimezone(_dt.timezone.utc)
    except OverflowError:
        raise InvalidParameterError(f"{value!r} is outside what a FILETIME holds") from None
    if when < _EPOCH_1601:
        raise InvalidParameterError(f"{value!r} is before 1601: no FILETIME holds it")
    return when
