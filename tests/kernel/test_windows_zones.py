"""Windows' time zones: their keys mapped to IANA zones, their rules per year from zoneinfo.

The rules are pinned to the TIME_ZONE_INFORMATION Windows' registry holds for the same
zones (bias, the n-th weekday of the changes, their local times); a year takes the rule in
force then; the repeated hour reads as standard time.
"""

from __future__ import annotations

import datetime
import pickle
import zoneinfo

import pytest

from apartment import kernel
from apartment.kernel import TransitionDate, WindowsTimeZone, ZoneRule

HOUR = datetime.timedelta(hours=1)


def date(month: int, day_of_week: int, week: int, hour: int) -> TransitionDate:
    return TransitionDate(0, month, day_of_week, week, hour)


@pytest.mark.parametrize(
    ("key", "year", "bias", "standard_date", "daylight_date"),
    [
        ("Pacific Standard Time", 2011, 480, date(11, 0, 1, 2), date(3, 0, 2, 2)),
        ("Pacific Standard Time", 2003, 480, date(10, 0, 5, 2), date(4, 0, 1, 2)),
        ("W. Europe Standard Time", 2024, -60, date(10, 0, 5, 3), date(3, 0, 5, 2)),
        ("GMT Standard Time", 2024, 0, date(10, 0, 5, 2), date(3, 0, 5, 1)),
        ("AUS Eastern Standard Time", 2024, -600, date(4, 0, 1, 3), date(10, 0, 1, 2)),
    ],
)
def test_rules_are_windows_own(
    key: str, year: int, bias: int, standard_date: TransitionDate, daylight_date: TransitionDate
) -> None:
    rule = WindowsTimeZone(key).rule_for(year)
    assert (rule.bias, rule.standard_bias, rule.daylight_bias) == (bias, 0, -60)
    assert (rule.standard_date, rule.daylight_date) == (standard_date, daylight_date)
    assert rule.standard_name == key


def test_a_zone_without_daylight_time() -> None:
    tokyo = WindowsTimeZone("Tokyo Standard Time")
    rule = tokyo.rule_for(2024)
    assert (rule.bias, rule.observes_daylight) == (-540, False)
    assert tokyo.rule_history() == {}
    assert datetime.datetime(2024, 7, 1, tzinfo=tokyo).utcoffset() == 9 * HOUR
    with pytest.raises(ValueError, match="names no month"):
        tokyo.daylight_start(2024)


def test_each_year_takes_the_rule_in_force() -> None:
    pacific = WindowsTimeZone("Pacific Standard Time")
    history = pacific.rule_history()
    assert 2007 in history
    assert 2008 not in history
    assert pacific.rule_for(2010) == history[2007]
    assert pacific.rule_for(1900) == pacific.rule_for(kernel.FIRST_RULE_YEAR)
    assert pacific.rule_for(3000) == pacific.static_rule
    assert pacific.daylight_start(2006) == datetime.datetime(2006, 4, 2, 2, 0)
    assert pacific.daylight_start(2007) == datetime.datetime(2007, 3, 11, 2, 0)


def test_years_before_windows_tables_take_their_first_rule() -> None:
    """Windows' (and Wine's) "Dynamic DST" tables start in 2000 or later: an earlier year
    takes the first rule, so London's 1968-71 British Standard Time (+1 all year) is not
    GMT's; GMT with standard time fixed is UTC in every year, as pywin32's ``utc()`` is."""
    assert kernel.FIRST_RULE_YEAR == 2000
    gmt = WindowsTimeZone("GMT Standard Time")
    assert gmt.rule_history() == {}  # its rule never changed since: no "Dynamic DST"
    utc = WindowsTimeZone("GMT Standard Time", True)
    for year in (1601, 1960, 1970, 1971, 2024, 9999):
        for month in (1, 7):
            assert datetime.datetime(year, month, 1, 12, tzinfo=utc).utcoffset() == 0 * HOUR
    assert datetime.datetime(1970, 1, 1, 12, tzinfo=gmt).utcoffset() == 0 * HOUR
    assert datetime.datetime(1960, 7, 1, 12, tzinfo=gmt).utcoffset() == HOUR
    assert gmt.rule_for(1601) == gmt.static_rule


def test_a_zone_that_moved_for_good() -> None:
    """Moscow kept summer time from March 2011 (+4), then moved to +3 in October 2014."""
    moscow = WindowsTimeZone("Russian Standard Time")
    assert datetime.datetime(2012, 1, 1, tzinfo=moscow).utcoffset() == 4 * HOUR
    assert datetime.datetime(2014, 6, 1, tzinfo=moscow).utcoffset() == 4 * HOUR
    assert datetime.datetime(2014, 12, 1, tzinfo=moscow).utcoffset() == 3 * HOUR
    assert datetime.datetime(2011, 12, 31, 12, tzinfo=moscow).utcoffset() == 4 * HOUR


def test_the_offsets_agree_with_zoneinfo_away_from_the_changes() -> None:
    for key in kernel.windows_zone_names():
        zone = WindowsTimeZone(key)
        iana = zoneinfo.ZoneInfo(kernel.windows_zone_iana_name(key))
        for month in (1, 7):
            wall = datetime.datetime(2023, month, 15, 12)
            assert wall.replace(tzinfo=zone).utcoffset() == wall.replace(tzinfo=iana).utcoffset(), (
                key,
                month,
            )


def test_the_repeated_hour_reads_as_standard_time() -> None:
    eastern = WindowsTimeZone("Eastern Standard Time")
    assert datetime.datetime(2009, 11, 1, 0, 59, tzinfo=eastern).utcoffset() == -4 * HOUR
    assert datetime.datetime(2009, 11, 1, 1, 0, tzinfo=eastern).utcoffset() == -5 * HOUR
    assert datetime.datetime(2009, 3, 8, 2, 0, tzinfo=eastern).utcoffset() == -4 * HOUR
    assert datetime.datetime(2009, 3, 8, 1, 59, tzinfo=eastern).utcoffset() == -5 * HOUR


def test_names_and_lookup() -> None:
    assert kernel.windows_zone_key("pacific standard time") == "Pacific Standard Time"
    assert kernel.windows_zone_key("Coordinated Universal Time") == "UTC"
    assert kernel.windows_zone_key("Nowhere") is None
    names = kernel.windows_zone_names()
    assert names == sorted(names, key=str.lower)
    with pytest.raises(ValueError, match="no time zone is named 'Nowhere'"):
        WindowsTimeZone("Nowhere")
    with pytest.raises(TypeError):
        WindowsTimeZone(3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("tz", "key"),
    [
        ("Europe/Berlin", "W. Europe Standard Time"),
        ("Europe/Vienna", "W. Europe Standard Time"),
        (":America/New_York", "Eastern Standard Time"),
        ("UTC", "UTC"),
        ("Mars/Olympus", None),
    ],
)
def test_the_local_zone_by_tz(monkeypatch: pytest.MonkeyPatch, tz: str, key: str | None) -> None:
    monkeypatch.setenv("TZ", tz)
    assert kernel.local_windows_zone_key() == key


def test_a_zone_of_one_rule_and_fixed_standard_time() -> None:
    rule = ZoneRule(-120, "Mine", date(10, 0, 5, 3), 0, "Mine Summer", date(3, 0, 5, 2), -60)
    mine = WindowsTimeZone(rule)
    assert (mine.key_name, repr(mine)) == ("", "WindowsTimeZone('Mine')")
    assert datetime.datetime(1990, 7, 1, tzinfo=mine).utcoffset() == 3 * HOUR
    assert datetime.datetime(1990, 7, 1, tzinfo=mine).tzname() == "Mine Summer"
    fixed = WindowsTimeZone(rule, True)
    assert datetime.datetime(1990, 7, 1, tzinfo=fixed).utcoffset() == 2 * HOUR
    assert fixed != mine
    assert pickle.loads(pickle.dumps(fixed)) == fixed
    assert len({mine, mine.copy(), fixed}) == 2


def test_transition_times() -> None:
    assert kernel.transition_time(date(5, 1, 5, 0), 2021) == datetime.datetime(2021, 5, 31)
    assert kernel.transition_time(date(3, 0, 2, 2), 2021) == datetime.datetime(2021, 3, 14, 2)
    absolute = TransitionDate(2020, 2, 0, 29, 12)  # a date with a year is that day
    assert kernel.transition_time(absolute, 2024) == datetime.datetime(2020, 2, 29, 12)
    with pytest.raises(ValueError, match="weekday"):
        kernel.transition_time(date(5, 7, 1, 0), 2021)
