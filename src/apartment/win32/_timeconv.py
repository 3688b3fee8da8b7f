"""Win32 time units: FILETIME due times (100 ns) and millisecond periods."""

from __future__ import annotations

import datetime as _dt
import operator

__all__ = ["due_time", "period"]

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
