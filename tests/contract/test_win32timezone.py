"""Contract: win32timezone's zones, by Windows' names, as tzinfo objects.

The zones are Windows' (their keys, display and standard names); their rules those of each
year (the US moved their changes in 2007). The hour that repeats when the clocks go back
reads as standard time. Zones pickle and compare by value; bad names fail at once with
pywin32's messages; the structures convert their fields as pywin32's module does.
"""

from __future__ import annotations

import datetime
import pickle
from typing import Any

import pytest
import win32timezone
from win32timezone import (
    SYSTEMTIME,
    TIME_ZONE_INFORMATION,
    RangeMap,
    TimeZoneDefinition,
    TimeZoneInfo,
)

HOUR = datetime.timedelta(hours=1)


def at(zone: Any, *fields: int) -> datetime.datetime:
    return datetime.datetime(*fields, tzinfo=zone)  # type: ignore[arg-type,misc]


@pytest.mark.timeout(300)  # pywin32 reads every zone's key once per zone: minutes under Wine
def test_the_zones_are_windows_own() -> None:
    names = TimeZoneInfo.get_sorted_time_zone_names()
    for name in ("Pacific Standard Time", "W. Europe Standard Time", "Tokyo Standard Time"):
        assert name in names
    assert names.index("Pacific Standard Time") < names.index("Tokyo Standard Time")  # west first
    pacific = TimeZoneInfo("Pacific Standard Time")
    assert repr(pacific) == "TimeZoneInfo('Pacific Standard Time')"
    assert str(pacific) == pacific.displayName == "(UTC-08:00) Pacific Time (US & Canada)"
    assert (pacific.standardName, pacific.daylightName) == (
        "Pacific Standard Time",
        "Pacific Daylight Time",
    )
    zones = TimeZoneInfo.get_all_time_zones()
    assert len(zones) > 100
    assert all(isinstance(zone, TimeZoneInfo) for zone in zones)


def test_summer_and_winter() -> None:
    pacific = TimeZoneInfo("Pacific Standard Time")
    assert at(pacific, 2011, 7, 1).utcoffset() == -7 * HOUR
    assert at(pacific, 2011, 7, 1).dst() == HOUR
    assert at(pacific, 2011, 7, 1).tzname() == "Pacific Daylight Time"
    assert at(pacific, 2011, 1, 1).utcoffset() == -8 * HOUR
    assert at(pacific, 2011, 1, 1).tzname() == "Pacific Standard Time"
    assert pacific.utcoffset(None) is None
    assert pacific.tzname(None) is None
    fixed = TimeZoneInfo("Pacific Standard Time", True)
    assert repr(fixed) == "TimeZoneInfo('Pacific Standard Time', True)"
    assert at(fixed, 2011, 7, 1).utcoffset() == -8 * HOUR


def test_the_rules_of_each_year() -> None:
    pacific = TimeZoneInfo("Pacific Standard Time")
    assert pacific.GetDSTStartTime(2011) == datetime.datetime(2011, 3, 13, 2, 0)
    assert pacific.GetDSTEndTime(2011) == datetime.datetime(2011, 11, 6, 2, 0)
    assert pacific.GetDSTStartTime(2005) == datetime.datetime(2005, 4, 3, 2, 0)
    assert at(pacific, 2005, 3, 20).utcoffset() == -8 * HOUR
    assert at(pacific, 2011, 3, 20).utcoffset() == -7 * HOUR
    info = pacific.getWinInfo(2011)
    assert isinstance(info, TimeZoneDefinition)
    assert (info.bias, info.standard_bias, info.daylight_bias) == (8 * HOUR, 0 * HOUR, -HOUR)
    assert pacific._getStandardBias(datetime.datetime(2011, 1, 1)) == 8 * HOUR
    assert pacific._getDaylightBias(datetime.datetime(2011, 1, 1)) == 7 * HOUR
    capabilities = win32timezone.GetTZCapabilities()
    assert capabilities["DynamicTZSupport"] is True
    assert capabilities["MissingTZPatch"] is False


def test_the_repeated_hour_reads_as_standard_time() -> None:
    pacific, utc = TimeZoneInfo("Pacific Standard Time"), TimeZoneInfo.utc()
    assert at(pacific, 2011, 11, 6, 0, 59).utcoffset() == -7 * HOUR
    assert at(pacific, 2011, 11, 6, 1, 30).utcoffset() == -8 * HOUR
    assert at(utc, 2011, 11, 6, 9, 0).astimezone(pacific) == at(pacific, 2011, 11, 6, 1, 0)
    assert at(utc, 2011, 11, 6, 7, 59).astimezone(pacific).hour == 0


def test_utc_local_and_now() -> None:
    utc = TimeZoneInfo.utc()
    assert repr(utc) == "TimeZoneInfo('GMT Standard Time', True)"
    assert TimeZoneInfo.utc() is utc
    assert at(utc, 2011, 7, 1).utcoffset() == datetime.timedelta(0)
    code, info = TimeZoneDefinition.current()
    assert code in (0, 1, 2)
    assert TimeZoneInfo(info, not code) == TimeZoneInfo.local()
    assert TimeZoneInfo.local().displayName == "Unknown"
    real = datetime.datetime.now(datetime.timezone.utc)
    assert abs(win32timezone.now() - real) < datetime.timedelta(seconds=5)
    assert abs(win32timezone.utcnow() - real) < datetime.timedelta(seconds=5)
    assert type(win32timezone.utcnow().tzinfo) is TimeZoneInfo


def test_zones_pickle_and_compare_by_value() -> None:
    pacific = TimeZoneInfo("Pacific Standard Time")
    assert pickle.loads(pickle.dumps(pacific)) == pacific
    assert pacific == TimeZoneInfo("Pacific Standard Time")
    assert pacific != TimeZoneInfo("Pacific Standard Time", True)
    assert pacific != TimeZoneInfo("Mountain Standard Time")
    made = TimeZoneInfo(TimeZoneDefinition(-60, "Mine", None, 0, "Mine Summer", None, -60))
    assert pickle.loads(pickle.dumps(made)) == made
    assert repr(made) == "TimeZoneInfo('Mine')"
    assert at(made, 2011, 7, 1).utcoffset() == HOUR  # no dates: no daylight time


def test_bad_names_fail_at_once() -> None:
    with pytest.raises(ValueError, match=r"^Timezone Name 'Nowhere Time' not found$"):
        TimeZoneInfo("Nowhere Time")
    with pytest.raises(ValueError, match=r"^subkey name cannot be empty$"):
        TimeZoneInfo("")
    with pytest.raises(ValueError, match=r"^subkey name cannot be empty$"):
        TimeZoneInfo(None)
    with pytest.raises(TypeError, match=r"^Invalid arguments for"):
        TimeZoneDefinition(object())


def test_the_structures() -> None:
    when = SYSTEMTIME(2000, 3, 0, 2, 2)
    assert (when.month, when.day, when.hour, when.second) == (3, 2, 2, 0)
    assert when.field_names()[:3] == ["year", "month", "day_of_week"]
    assert when == SYSTEMTIME(2000, 3, 0, 2, 2, 0, 0, 0)
    assert when != SYSTEMTIME(2000, 3, 0, 3, 2)
    info = TIME_ZONE_INFORMATION(300, "Here", (0, 11, 0, 1, 2), 0, "There", when, -60)
    assert isinstance(info.standard_start, SYSTEMTIME)
    assert info.bias == 300  # minutes in the plain structure
    definition = TimeZoneDefinition(info)
    assert definition.bias == datetime.timedelta(minutes=300)  # a timedelta in a definition
    assert definition.standard_name == "Here"
    assert definition.locate_daylight_start(2021) == datetime.datetime(2021, 3, 14, 2, 0)
    assert definition.locate_standard_start(2021) == datetime.datetime(2021, 11, 7, 2, 0)
    assert TimeZoneDefinition._locate_day(2021, SYSTEMTIME(0, 5, 1, 5)) == datetime.datetime(
        2021, 5, 31
    )  # the fifth Monday of May is its last
    copied = TimeZoneDefinition(-60, "A", None, 0, "B", None, -60, "Key").copy()
    assert (copied.standard_name, copied.key_name) == ("A", "Key")
    raw = bytes(range(44))
    assert TimeZoneDefinition(raw).bias == TimeZoneDefinition(raw).copy().bias
    assert TIME_ZONE_INFORMATION(0, "français").standard_name == "français"


def test_range_map() -> None:
    ranges: RangeMap[int, str] = RangeMap({3: "a", 6: "b"})
    assert [ranges[n] for n in (0, 3, 4, 6)] == ["a", "a", "b", "b"]
    with pytest.raises(KeyError):
        ranges[7]
    assert ranges.get(7, "none") == "none"
    assert ranges[RangeMap.last_item] == "b"
    assert ranges.bounds() == (3, 6)
    left = RangeMap.left({2000: "x", 2010: "y", 2020: RangeMap.undefined_value})
    assert [left[n] for n in (2000, 2009, 2010, 2019)] == ["x", "x", "y", "y"]
    assert left.get(2025, "gone") == "gone"
    assert left.get(1999, "before") == "before"
