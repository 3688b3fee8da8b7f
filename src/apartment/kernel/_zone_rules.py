"""Windows' time zone rules: TIME_ZONE_INFORMATION, read from the system's zoneinfo.

Windows describes a zone, for one year, by a TIME_ZONE_INFORMATION: a bias (minutes west of
UTC), and two yearly changes, each a :class:`~._sysinfo.TransitionDate` (the n-th weekday of a
month at a local time) with the bias added from then on. A zone whose rules changed over the
years has one such rule per year it changed in (the registry's "Dynamic DST" key); a year
before the first takes the first, a year after the last the last.

:func:`rule_for_year` derives that rule from the IANA zone the system's zoneinfo has: it finds
the year's offset changes, calls the larger offset daylight time and the smaller standard
time, and writes each change as Windows does: the wall-clock time it happens at, read on the
offset in force before it. A year with one change only (a zone that moved for good) has its
"daylight" part run from the year's start, or to its end. A year with more than two changes
(Morocco's Ramadan) keeps the first change into daylight time and the last out of it.

:func:`in_daylight` is how a wall-clock time reads under a rule, the way pywin32's
win32timezone reads it: the hour repeated when clocks go back is standard time.
"""

from __future__ import annotations

import calendar
import datetime
import zoneinfo
from typing import NamedTuple

from ._sysinfo import TransitionDate

__all__ = [
    "FIRST_RULE_YEAR",
    "LAST_RULE_YEAR",
    "ZoneRule",
    "transition_time",
    "in_daylight",
    "rule_for_year",
]

FIRST_RULE_YEAR = 2000
"""The first year the rules are derived for; earlier years take its rule.

Windows' "Dynamic DST" tables (and Wine's copy of them) start in 2000 or later, and a year
before a zone's first entry takes that entry, so no earlier history (London's all-year
British Standard Time of 1968-71, say) reaches what Windows gives for old times."""
LAST_RULE_YEAR = 2037
"""The last year the rules are derived for; later years take its rule (the zone's current one)."""

_UTC = datetime.timezone.utc
_STEP = 4 * 86400  # zones change offset at most once in 4 days
_NO_DATE = TransitionDate()


class ZoneRule(NamedTuple):
    """A zone's rule for a year, as TIME_ZONE_INFORMATION holds it; biases are minutes west.

    UTC = local time + ``bias`` + ``standard_bias`` (or ``daylight_bias`` from
    ``daylight_date`` to ``standard_date``). Dates all zero: the zone keeps standard time.
    """

    bias: int
    standard_name: str = ""
    standard_date: TransitionDate = _NO_DATE
    standard_bias: int = 0
    daylight_name: str = ""
    daylight_date: TransitionDate = _NO_DATE
    daylight_bias: int = 0

    @property
    def observes_daylight(self) -> bool:
        """Whether the rule has daylight time at all (both dates given)."""
        return bool(self.daylight_date.month and self.standard_date.month)

    def named(self, standard_name: str, daylight_name: str) -> ZoneRule:
        """The same rule under these names."""
        return self._replace(standard_name=standard_name, daylight_name=daylight_name)


def transition_time(date: TransitionDate, year: int) -> datetime.datetime:
    """The naive local time a change happens at in ``year``.

    A yearly rule (``date.year`` 0) names the ``date.day``-th ``day_of_week`` of the month,
    5 meaning the last; a date with a year is that very day.

    Raises:
        ValueError: the date is empty (month 0) or not a date.
    """
    if not 1 <= date.month <= 12:
        raise ValueError(f"{date!r} names no month")
    clock = (date.hour, date.minute, date.second, date.milliseconds * 1000)
    if date.year:
        return datetime.datetime(date.year, date.month, date.day, *clock)
    if not 1 <= date.day <= 5 or not 0 <= date.day_of_week <= 6:
        raise ValueError(f"{date!r} is no n-th weekday of a month")
    first_weekday, length = calendar.monthrange(year, date.month)  # Monday is 0
    wanted = (date.day_of_week - 1) % 7  # Windows counts from Sunday
    day = 1 + (wanted - first_weekday) % 7 + 7 * (date.day - 1)
    while day > length:  # "the fifth" is the last there is
        day -= 7
    return datetime.datetime(year, date.month, day, *clock)


def in_daylight(rule: ZoneRule, wall: datetime.datetime) -> bool:
    """Whether the naive local time ``wall`` is daylight time under ``rule``.

    The changes are local times on the clock in force before each; the hour that repeats
    when clocks go back reads as standard time (as pywin32's win32timezone has it). In the
    southern hemisphere daylight time spans the turn of the year.
    """
    if not rule.observes_daylight:
        return False
    wall = wall.replace(tzinfo=None)
    start = transition_time(rule.daylight_date, wall.year)
    end = transition_time(rule.standard_date, wall.year)
    start_read = start + datetime.timedelta(minutes=rule.standard_bias)
    end_read = end + datetime.timedelta(minutes=rule.daylight_bias)
    if start < end:
        return start_read <= wall < end_read
    return not end_read < wall <= start_read


def _offset(zone: zoneinfo.ZoneInfo, instant: int) -> int:
    """The zone's UTC offset at ``instant`` (seconds since the epoch), in seconds."""
    offset = datetime.datetime.fromtimestamp(instant, _UTC).astimezone(zone).utcoffset()
    assert offset is not None
    return int(offset.total_seconds())


def _changes(zone: zoneinfo.ZoneInfo, year: int) -> list[tuple[datetime.datetime, int, int]]:
    """The offset changes whose wall-clock time falls in ``year``: (wall, before, after).

    The wall-clock time is read on the offset before the change.
    """
    start = int(datetime.datetime(year, 1, 1, tzinfo=_UTC).timestamp()) - 2 * 86400
    end = int(datetime.datetime(year + 1, 1, 1, tzinfo=_UTC).timestamp()) + 2 * 86400
    found = []
    low, low_offset = start, _offset(zone, start)
    while low < end:
        high = min(low + _STEP, end)
        high_offset = _offset(zone, high)
        if high_offset != low_offset:
            before, after = low, high  # the change is in (before, after]
            while after - before > 1:
                middle = (before + after) // 2
                if _offset(zone, middle) == low_offset:
                    before = middle
                else:
                    after = middle
            wall = datetime.datetime.fromtimestamp(after + low_offset, _UTC).replace(tzinfo=None)
            if wall.year == year:
                found.append((wall, low_offset, high_offset))
        low, low_offset = high, high_offset
    return found


def _date_of(wall: datetime.datetime) -> TransitionDate:
    """``wall`` as a yearly rule that gives back that very day in its year."""
    length = calendar.monthrange(wall.year, wall.month)[1]
    week = 5 if wall.day + 7 > length else (wall.day + 6) // 7
    return TransitionDate(
        0, wall.month, (wall.weekday() + 1) % 7, week,
        wall.hour, wall.minute, wall.second, wall.microsecond // 1000,
    )  # fmt: skip


def rule_for_year(iana_name: str, year: int) -> ZoneRule:
    """The Windows rule of the IANA zone ``iana_name`` in ``year`` (names left empty).

    Raises:
        zoneinfo.ZoneInfoNotFoundError: the system has no such zone.
    """
    zone = zoneinfo.ZoneInfo(iana_name)
    first = datetime.datetime(year, 1, 1, tzinfo=zone).utcoffset()
    assert first is not None
    changes = _changes(zone, year)
    offsets = {int(first.total_seconds())} | {after for _, _, after in changes}
    standard, daylight = min(offsets), max(offsets)
    bias = -standard // 60
    if standard == daylight:  # no daylight time: Windows keeps its usual bias all the same
        return ZoneRule(bias, daylight_bias=-60)
    into = [wall for wall, before, after in changes if after == daylight and before != daylight]
    out_of = [wall for wall, before, after in changes if before == daylight and after != daylight]
    if into:
        start = _date_of(into[0])
    else:  # daylight time since the year's start
        start = TransitionDate(0, 1, (datetime.date(year, 1, 1).weekday() + 1) % 7, 1)
    if out_of:
        end = _date_of(out_of[-1])
    else:  # daylight time to the year's end
        end = _date_of(datetime.datetime(year, 12, 31, 23, 59, 59, 999000))
    return ZoneRule(bias, "", end, 0, "", start, -(daylight - standard) // 60)
