"""Win32 time units: FILETIME due times (100 ns) and millisecond periods."""

from __future__ import annotations

import datetime as _dt
import operator

from ..errors import ERROR_INVALID_PARAMETER, Win32Error

__all__ = ["due_time", "filetime_to_datetime", "period"]

_EPOCH_1601 = _dt.datetime(1601, 1, 1, tzinfo=_dt.timezone.utc)


def due_time(value: object) -> float | _dt.datetime:
    """Read SetWaitableTimer's due time: negative is relative (100 ns), positive absolute UTC.

    An absolute FILETIME becomes an aware datetime; a relative one becomes seconds.
    """
    ticks = operator.index(value)  # type: ignore[arg-type]
    if ticks < 0:
        return -ticks / 10_000_000
    return _EPOCH_1601 + _dt.timedelta(microseconds=ticks // 10)


def period(value: object) -> float:
    """Read a period in milliseconds (a signed LONG) as seconds."""
    return operator.index(value) / 1000.0  # type: ignore[arg-type]


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
        when.microsecond, tzinfo=_dt.timezone.utc,
    )  # fmt: skip


# Milliseconds from 1601 to the end of the year 9999, past which a datetime cannot go.
_MAX_MILLISECONDS = (_dt.datetime(9999, 12, 31, 23, 59, 59, 999000) - _dt.datetime(1601, 1, 1)) // (
    _dt.timedelta(milliseconds=1)
) + 1
