"""pywin32's ``win32timezone``: tzinfo objects for Windows' time zones, by their names.

The zones are Windows' (the keys of the registry's "Time Zones" key, with their display,
standard and daylight names); their rules, year by year, come from the system's zoneinfo
(``apartment.kernel.WindowsTimeZone``). pywin32's test of this module runs the doctests
below (``doctest.testmod(win32timezone)``).

The facade's times (file times, process times, COM dates) carry :meth:`TimeZoneInfo.utc`
as pywin32's do, so this module imports no facade module that converts times (the core's
zone for GetTimeZoneInformation, the two loader functions from their own modules):
``_timeconv`` imports it on first use, from any module, without a cycle.

>>> import datetime, pickle
>>> "Central Europe Standard Time" in TimeZoneInfo.get_sorted_time_zone_names()
True
>>> cet = TimeZoneInfo("Central Europe Standard Time")
>>> cet
TimeZoneInfo('Central Europe Standard Time')
>>> str(cet)
'(UTC+01:00) Belgrade, Bratislava, Budapest, Ljubljana, Prague'

Summer and winter, and the names of each:

>>> july = datetime.datetime(2019, 7, 14, 12, 30, tzinfo=cet)
>>> july.isoformat(), july.tzname()
('2019-07-14T12:30:00+02:00', 'Central Europe Daylight Time')
>>> january = datetime.datetime(2019, 1, 14, 12, 30, tzinfo=cet)
>>> january.isoformat(), january.tzname()
('2019-01-14T12:30:00+01:00', 'Central Europe Standard Time')
>>> tuple(july.utctimetuple())[:6]
(2019, 7, 14, 10, 30, 0)

With standard time fixed, summer keeps the winter offset:

>>> datetime.datetime(2019, 7, 14, tzinfo=TimeZoneInfo(cet.timeZoneName, True)).utcoffset()
datetime.timedelta(seconds=3600)

From one zone to another, across the hemispheres:

>>> sydney = TimeZoneInfo("AUS Eastern Standard Time")
>>> datetime.datetime(2019, 7, 14, 20, 0, tzinfo=sydney).astimezone(cet).isoformat()
'2019-07-14T12:00:00+02:00'
>>> datetime.datetime(2019, 12, 24, 20, 0, tzinfo=sydney).astimezone(cet).isoformat()
'2019-12-24T10:00:00+01:00'

The rules of each year: the United States moved their changes in 2007.

>>> eastern = TimeZoneInfo("Eastern Standard Time")
>>> eastern.GetDSTStartTime(2005), eastern.GetDSTStartTime(2009)
(datetime.datetime(2005, 4, 3, 2, 0), datetime.datetime(2009, 3, 8, 2, 0))
>>> eastern.GetDSTEndTime(2009)
datetime.datetime(2009, 11, 1, 2, 0)
>>> datetime.datetime(2006, 3, 20, tzinfo=eastern).utcoffset() == datetime.timedelta(hours=-5)
True
>>> datetime.datetime(2008, 3, 20, tzinfo=eastern).utcoffset() == datetime.timedelta(hours=-4)
True
>>> years = eastern.dynamicInfo
>>> 2007 in years, 2008 in years
(True, False)
>>> years[2009] == years[2007] == eastern.getWinInfo(2030)
True
>>> eastern._getStandardBias(datetime.datetime(2009, 1, 1))
datetime.timedelta(seconds=18000)
>>> eastern._getDaylightBias(datetime.datetime(2009, 1, 1))
datetime.timedelta(seconds=14400)

A zone that never changed its rules has no years of its own:

>>> getattr(TimeZoneInfo("Tokyo Standard Time"), "dynamicInfo", None) is None
True

The hour that repeats when the clocks go back reads as standard time, and UTC times on
either side of the change land on each side of it:

>>> utc = TimeZoneInfo.utc()
>>> utc
TimeZoneInfo('GMT Standard Time', True)
>>> before = datetime.datetime(2009, 11, 1, 4, 59, tzinfo=utc).astimezone(eastern)
>>> after = datetime.datetime(2009, 11, 1, 6, 0, tzinfo=utc).astimezone(eastern)
>>> before.isoformat(), after.isoformat()
('2009-11-01T00:59:00-04:00', '2009-11-01T01:00:00-05:00')
>>> datetime.datetime(2009, 11, 1, 1, 30, tzinfo=eastern).tzname()
'Eastern Standard Time'

Zones pickle, and compare by what they are:

>>> cet == pickle.loads(pickle.dumps(cet)), cet == TimeZoneInfo("W. Europe Standard Time")
(True, False)

A zone can be made from a TIME_ZONE_INFORMATION, the local one among them:

>>> code, info = TimeZoneDefinition.current()
>>> TimeZoneInfo(info, not code) == TimeZoneInfo.local()
True
>>> mine = TimeZoneDefinition(-120, "Somewhere", (0, 10, 0, 5, 3, 0, 0, 0), 0,
...                           "Somewhere Summer", (0, 3, 0, 5, 2, 0, 0, 0), -60)
>>> here = TimeZoneInfo(mine)
>>> here, here.displayName, datetime.datetime(2030, 11, 1, tzinfo=here).tzname()
(TimeZoneInfo('Somewhere'), 'Unknown', 'Somewhere')
>>> datetime.datetime(2030, 6, 1, tzinfo=here).isoformat()
'2030-06-01T00:00:00+03:00'

Wrong names fail at once:

>>> TimeZoneInfo("Nowhere Standard Time")
Traceback (most recent call last):
...
ValueError: Timezone Name 'Nowhere Standard Time' not found
>>> TimeZoneInfo("")
Traceback (most recent call last):
...
ValueError: subkey name cannot be empty
"""

from __future__ import annotations

import datetime
import logging
import operator
import re
import struct
import threading
from typing import TYPE_CHECKING, Any, ClassVar

from apartment import kernel
from apartment.errors import Win32Error  # pywintypes.error
from apartment.kernel import TransitionDate, WindowsTimeZone, ZoneRule
from apartment.win32._api_more import LoadLibrary
from apartment.win32._api_resources import LoadString
from apartment.win32._rangemap import RangeMap

if TYPE_CHECKING:
    from collections.abc import Callable

    from typing_extensions import Self

__all__ = [
    "log",
    "SYSTEMTIME",
    "TIME_ZONE_INFORMATION",
    "DYNAMIC_TIME_ZONE_INFORMATION",
    "TimeZoneDefinition",
    "TimeZoneInfo",
    "utcnow",
    "now",
    "GetTZCapabilities",
    "DLLHandleCache",
    "DLLCache",
    "resolveMUITimeZone",
    "RangeMap",
]

log = logging.getLogger(__file__)
_ERROR_PRIVILEGE_NOT_HELD = 1314  # winerror's (which imports pywintypes: no cycle this way)


class _SimpleStruct:
    """A C structure as pywin32's module models one: fields by position or by name.

    Each field is converted to its type: None gives the type's default, a tuple its
    arguments, a value of the type stays as it is.
    """

    _fields_: ClassVar[list[tuple[str, type]]] = []

    def __init__(self, *args: Any, **kw: Any) -> None:  # noqa: ANN401
        for index, (name, kind) in enumerate(self._fields_):
            value = kw.get(name, args[index] if index < len(args) else None)
            if value is None:
                value = kind()
            elif isinstance(value, tuple):
                value = kind(*value)
            elif not isinstance(value, kind):
                value = kind(value)
            setattr(self, name, value)

    def field_names(self) -> list[str]:
        """The structure's field names, in order."""
        return [name for name, _ in self._fields_]

    def __eq__(self, other: object) -> bool:
        if getattr(other, "_fields_", None) != self._fields_:
            return False
        return all(getattr(self, name) == getattr(other, name) for name, _ in self._fields_)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value


class SYSTEMTIME(_SimpleStruct):
    """A SYSTEMTIME: in a zone's rule, ``day`` is the week of the month (5: the last)."""

    _fields_: ClassVar[list[tuple[str, type]]] = [
        ("year", int), ("month", int), ("day_of_week", int), ("day", int),
        ("hour", int), ("minute", int), ("second", int), ("millisecond", int),
    ]  # fmt: skip


class TIME_ZONE_INFORMATION(_SimpleStruct):  # noqa: N801 - pywin32's name
    """A TIME_ZONE_INFORMATION; biases are minutes west of UTC."""

    _fields_: ClassVar[list[tuple[str, type]]] = [
        ("bias", int), ("standard_name", str), ("standard_start", SYSTEMTIME),
        ("standard_bias", int), ("daylight_name", str), ("daylight_start", SYSTEMTIME),
        ("daylight_bias", int),
    ]  # fmt: skip


class DYNAMIC_TIME_ZONE_INFORMATION(TIME_ZONE_INFORMATION):  # noqa: N801 - pywin32's name
    """A DYNAMIC_TIME_ZONE_INFORMATION: a TIME_ZONE_INFORMATION with its zone's key."""

    _fields_: ClassVar[list[tuple[str, type]]] = [
        *TIME_ZONE_INFORMATION._fields_,
        ("key_name", str),
        ("dynamic_daylight_time_disabled", bool),
    ]


def _as_rule(info: TIME_ZONE_INFORMATION) -> ZoneRule:
    """The core's rule for a structure (its raw minutes)."""
    raw = object.__getattribute__

    def date(start: SYSTEMTIME) -> TransitionDate:
        # pywin32 reads every date as a yearly rule, a year in it or not (Windows would take
        # a date with a year as that one day)
        fields = [getattr(start, name) for name in start.field_names()]
        return TransitionDate(0, *fields[1:])

    return ZoneRule(
        raw(info, "bias"), raw(info, "standard_name"), date(raw(info, "standard_start")),
        raw(info, "standard_bias"), raw(info, "daylight_name"), date(raw(info, "daylight_start")),
        raw(info, "daylight_bias"),
    )  # fmt: skip


class TimeZoneDefinition(DYNAMIC_TIME_ZONE_INFORMATION):
    """A zone's rule: a DYNAMIC_TIME_ZONE_INFORMATION whose biases read as timedeltas.

    Made from the structure's fields, from another such structure, or from the 44 bytes of a
    registry TZI value (three biases, then the two SYSTEMTIMEs).

    >>> TimeZoneDefinition(300, "Here").bias
    datetime.timedelta(seconds=18000)
    >>> TimeZoneDefinition(TIME_ZONE_INFORMATION(-60, "There")).standard_name
    'There'
    >>> tzi = struct.pack("<3l8h8h", 480, 0, -60, 0, 11, 0, 1, 2, 0, 0, 0, 0, 3, 0, 2, 2, 0, 0, 0)
    >>> TimeZoneDefinition(tzi).locate_daylight_start(2021)
    datetime.datetime(2021, 3, 14, 2, 0)
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        if len(args) == 1 and not kwargs and isinstance(args[0], TIME_ZONE_INFORMATION):
            other = args[0]
            super().__init__()  # a plain TIME_ZONE_INFORMATION has no key: it stays empty
            for name in other.field_names():
                setattr(self, name, object.__getattribute__(other, name))
            return
        if args and isinstance(args[0], (bytes, bytearray)):
            self._from_bytes(*args, **kwargs)
            return
        try:
            super().__init__(*args, **kwargs)
        except (TypeError, ValueError):
            raise TypeError(f"Invalid arguments for {self.__class__}") from None

    def _from_bytes(self, data: bytes, standard_name: str = "", daylight_name: str = "",
                    key_name: str = "", daylight_disabled: bool = False) -> None:  # fmt: skip
        try:
            values = struct.unpack("<3l8h8h", data)  # LONGs and WORDs, little-endian
        except struct.error:
            raise TypeError(f"Invalid arguments for {self.__class__}") from None
        bias, standard_bias, daylight_bias = values[:3]
        super().__init__(
            bias, standard_name, SYSTEMTIME(*values[3:11]), standard_bias, daylight_name,
            SYSTEMTIME(*values[11:19]), daylight_bias, key_name, daylight_disabled,
        )  # fmt: skip

    def __getattribute__(self, attr: str) -> Any:  # noqa: ANN401
        value = super().__getattribute__(attr)
        if "bias" in attr:
            return datetime.timedelta(minutes=value)
        return value

    @classmethod
    def of(cls, rule: ZoneRule, key_name: str = "") -> Self:
        """The definition of a core rule."""
        return cls(
            rule.bias, rule.standard_name, tuple(rule.standard_date), rule.standard_bias,
            rule.daylight_name, tuple(rule.daylight_date), rule.daylight_bias, key_name,
        )  # fmt: skip

    @classmethod
    def current(cls) -> tuple[int, Self]:
        """The machine's zone now (GetTimeZoneInformation): (TIME_ZONE_ID_*, definition)."""
        zone = kernel.time_zone()  # what win32api.GetTimeZoneInformation(True) gives
        code = 0 if zone.in_daylight is None else 2 if zone.in_daylight else 1
        return code, cls(
            zone.bias, zone.standard_name, tuple(zone.standard_date), zone.standard_bias,
            zone.daylight_name, tuple(zone.daylight_date), zone.daylight_bias,
        )  # fmt: skip

    def set(self) -> None:
        """Make this the machine's zone (SetTimeZoneInformation): not this process's to do."""
        raise Win32Error(
            _ERROR_PRIVILEGE_NOT_HELD,
            "SetTimeZoneInformation",
            "A required privilege is not held by the client.",
        )

    def copy(self) -> Self:
        """A new definition with the same fields."""
        return self.__class__(self)

    def locate_daylight_start(self, year: int) -> datetime.datetime:
        """When daylight time starts in ``year`` (naive local time)."""
        return kernel.transition_time(_as_rule(self).daylight_date, year)

    def locate_standard_start(self, year: int) -> datetime.datetime:
        """When standard time starts in ``year`` (naive local time)."""
        return kernel.transition_time(_as_rule(self).standard_date, year)

    @staticmethod
    def _locate_day(year: int, cutoff: SYSTEMTIME) -> datetime.datetime:
        """The day a SYSTEMTIME rule names in ``year``: the 2nd Sunday of March 2022 here.

        >>> TimeZoneDefinition._locate_day(2022, SYSTEMTIME(0, 3, 0, 2))
        datetime.datetime(2022, 3, 13, 0, 0)
        """
        fields = [getattr(cutoff, name) for name in cutoff.field_names()]
        return kernel.transition_time(TransitionDate(0, *fields[1:]), year)


class TimeZoneInfo(WindowsTimeZone):
    """A Windows time zone as a tzinfo: ``TimeZoneInfo(name, fix_standard_time=False)``.

    ``name`` is a zone's key (or its standard time's name), or a :class:`TimeZoneDefinition`.
    """

    tzRegKey: ClassVar[str] = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Time Zones"
    _utc_lock = threading.Lock()
    _tzutc: ClassVar[TimeZoneInfo | None] = None

    def __init__(self, param: str | TimeZoneDefinition, fix_standard_time: bool = False) -> None:
        if isinstance(param, TimeZoneDefinition):
            super().__init__(_as_rule(param), fix_standard_time)
            return
        if not param:
            raise ValueError("subkey name cannot be empty")
        try:
            super().__init__(param, fix_standard_time)
        except ValueError:
            raise ValueError(f"Timezone Name {param!r} not found") from None

    @property
    def timeZoneName(self) -> str:
        """The zone's key (its standard name for one made from a definition)."""
        return self.key_name or self.standard_name

    @property
    def displayName(self) -> str:
        """The zone's display name ('Unknown' for one made from a definition)."""
        return self.display_name or "Unknown"

    @property
    def standardName(self) -> str:
        """The name of the zone's standard time."""
        return self.standard_name

    @property
    def daylightName(self) -> str:
        """The name of the zone's daylight time."""
        return self.daylight_name

    @property
    def fixedStandardTime(self) -> bool:
        """Whether the zone keeps standard time all year."""
        return self.fixed_standard_time

    @property
    def staticInfo(self) -> TimeZoneDefinition:
        """The zone's current rule (the registry's TZI value)."""
        return TimeZoneDefinition.of(self.static_rule, self.key_name)

    @property
    def dynamicInfo(self) -> RangeMap[int, TimeZoneDefinition]:
        """The rule of each year it changed in; a year takes the latest before it."""
        history = self.rule_history()
        if not history:
            raise AttributeError("dynamicInfo")  # a zone whose rules never changed has none
        return RangeMap(
            ((year, TimeZoneDefinition.of(rule, self.key_name)) for year, rule in history.items()),
            sort_params={"reverse": True},
            key_match_comparator=operator.ge,
        )

    def __str__(self) -> str:
        return self.displayName

    def getWinInfo(self, targetYear: int) -> TimeZoneDefinition:
        """The zone's rule in ``targetYear``."""
        return TimeZoneDefinition.of(self.rule_for(targetYear), self.key_name)

    def _getStandardBias(self, dt: datetime.datetime) -> datetime.timedelta:
        rule = self.rule_for(dt.year)
        return datetime.timedelta(minutes=rule.bias + rule.standard_bias)

    def _getDaylightBias(self, dt: datetime.datetime) -> datetime.timedelta:
        rule = self.rule_for(dt.year)
        return datetime.timedelta(minutes=rule.bias + rule.daylight_bias)

    def GetDSTStartTime(self, year: int) -> datetime.datetime:
        """When daylight time starts in ``year`` (naive local time)."""
        return self.daylight_start(year)

    def GetDSTEndTime(self, year: int) -> datetime.datetime:
        """When daylight time ends in ``year`` (naive local time)."""
        return self.standard_start(year)

    @classmethod
    def local(cls) -> Self:
        """The machine's zone, from GetTimeZoneInformation (its rule of this year)."""
        code, info = TimeZoneDefinition.current()
        return cls(info, not code)

    @classmethod
    def utc(cls) -> Self:
        """UTC: ``TimeZoneInfo('GMT Standard Time', True)``, made once."""
        with TimeZoneInfo._utc_lock:
            if cls._tzutc is None or type(cls._tzutc) is not cls:
                cls._tzutc = cls("GMT Standard Time", True)
            return cls._tzutc

    @staticmethod
    def get_sorted_time_zone_names() -> list[str]:
        """The zones' standard names, west to east."""
        return [zone.standardName for zone in TimeZoneInfo.get_sorted_time_zones()]

    @staticmethod
    def get_all_time_zones() -> list[TimeZoneInfo]:
        """Every zone, in the registry's order."""
        return [TimeZoneInfo(name) for name in kernel.windows_zone_names()]

    @staticmethod
    def get_sorted_time_zones(
        key: Callable[[TimeZoneInfo], Any] | None = None,
    ) -> list[TimeZoneInfo]:
        """Every zone, sorted by ``key`` (west to east by default, as Windows lists them)."""
        zones = TimeZoneInfo.get_all_time_zones()
        zones.sort(key=key or (lambda zone: -zone.staticInfo.bias))
        return zones


def utcnow() -> datetime.datetime:
    """The time now, in :meth:`TimeZoneInfo.utc`.

    >>> utcnow().utcoffset()
    datetime.timedelta(0)
    """
    return datetime.datetime.now(TimeZoneInfo.utc())


def now() -> datetime.datetime:
    """The time now, in :meth:`TimeZoneInfo.local`.

    >>> abs(now() - utcnow()) < datetime.timedelta(seconds=5)
    True
    """
    return datetime.datetime.now(TimeZoneInfo.local())


def GetTZCapabilities() -> dict[str, bool]:
    """What the zones know: ``MissingTZPatch`` (not 2007's US rules), ``DynamicTZSupport``.

    >>> GetTZCapabilities()
    {'MissingTZPatch': False, 'DynamicTZSupport': True}
    """
    mountain = TimeZoneInfo("Mountain Standard Time")
    late = datetime.datetime(2007, 11, 2, tzinfo=mountain).utctimetuple()[:4]
    early = datetime.datetime(2003, 11, 2, tzinfo=mountain).utctimetuple()[:4]
    missing = late != (2007, 11, 2, 6)
    return {"MissingTZPatch": missing, "DynamicTZSupport": not missing and early[3] == 7}


class DLLHandleCache:
    """Module handles by file name (LoadLibrary once for each)."""

    def __init__(self) -> None:
        self._handles: dict[str, int] = {}
        self._lock = threading.Lock()

    def __getitem__(self, filename: str) -> int:
        key = filename.lower()
        with self._lock:
            if key not in self._handles:
                self._handles[key] = LoadLibrary(key)
            return self._handles[key]


DLLCache = DLLHandleCache()

_MUI = re.compile(r"@(?P<dllname>.*),-(?P<index>\d+)(?:;(?P<comment>.*))?")


def resolveMUITimeZone(spec: str) -> str | None:
    """The string an MUI reference (``@tzres.dll,-ID``) names, or None if it cannot be read.

    tzres.dll's strings are the zones' names (numbered as Wine's registry cites them).

    >>> resolveMUITimeZone("@tzres.dll,-11232;Pacific")
    'Pacific Standard Time'
    >>> resolveMUITimeZone("@tzres.dll,-1") is None
    True
    """
    found = _MUI.match(spec)
    assert found, "Could not parse MUI spec"
    name, index = found.group("dllname"), int(found.group("index"))
    if name.lower() == "tzres.dll":
        return kernel.time_zone_string(index)
    try:
        return str(LoadString(DLLCache[name], index))
    except (Win32Error, AttributeError):
        return None
