"""Windows' time zones by their names, as a tzinfo: what the registry's "Time Zones" key holds.

Windows names its zones by keys (``Pacific Standard Time``, ``W. Europe Standard Time``) and
keeps, for each, a display name, the names of its standard and daylight times, and its rules
(:mod:`._zone_rules`): the current one, and one for each year they changed in. Here the keys
and names are Windows' (:mod:`._zone_table`), the IANA zone each stands for is CLDR's
(windowsZones), and the rules come from the system's zoneinfo for that IANA zone, per year,
when first asked for.

:class:`WindowsTimeZone` is a :class:`datetime.tzinfo` that follows a zone's Windows rules,
year by year, or one rule for every year (a zone made from a TIME_ZONE_INFORMATION);
``fixed_standard_time`` keeps it on standard time all year.
"""

from __future__ import annotations

import datetime
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._zone_rules import (
    FIRST_RULE_YEAR,
    LAST_RULE_YEAR,
    ZoneRule,
    in_daylight,
    rule_for_year,
    transition_time,
)
from ._zone_table import NAMES, ZONES, zone_names

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "WindowsTimeZone",
    "windows_zone_names",
    "windows_zone_key",
    "windows_zone_iana_name",
    "local_windows_zone_key",
    "time_zone_string",
]

_lock = threading.Lock()  # the rules found so far (any thread may ask)
_rules: dict[tuple[str, int], ZoneRule] = {}
_history: dict[str, dict[int, ZoneRule]] = {}
_by_lower = {key.lower(): key for key in ZONES}
_by_standard_name = {zone_names(key)[1]: key for key in ZONES}
_strings: dict[int, str] = {}  # tzres.dll's ids: standard name, daylight name, display name
for _key, (_, _first) in NAMES.items():
    _display, _standard, _daylight = zone_names(_key)
    _strings.update({_first: _standard, _first + 1: _daylight, _first + 2: _display})
_by_iana = {iana: key for key, names in ZONES.items() for iana in names.split()}


def windows_zone_names() -> list[str]:
    """The keys of Windows' zones, in the registry's order (alphabetical, case ignored)."""
    return sorted(ZONES, key=str.lower)


def windows_zone_key(name: str) -> str | None:
    """The key of the zone ``name`` names: its key (case ignored) or its standard time's name."""
    return _by_standard_name.get(name) or _by_lower.get(name.lower())


def windows_zone_iana_name(key: str) -> str:
    """The IANA zone the Windows zone ``key`` stands for (CLDR's default for it)."""
    return ZONES[key].split()[0]


def local_windows_zone_key() -> str | None:
    """The key of the machine's zone (``$TZ``, else /etc/localtime, mapped by CLDR).

    None when the zone is none that Windows has, or has no name.
    """
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        try:
            target = Path(os.readlink("/etc/localtime"))
        except OSError:
            return _by_iana.get("Etc/UTC") if not Path("/etc/localtime").exists() else None
        parts = target.parts
        name = "/".join(parts[parts.index("zoneinfo") + 1 :]) if "zoneinfo" in parts else ""
    elif name.startswith("/"):
        return None  # a file, not a name
    return _by_iana.get(name) or _by_iana.get({"UTC": "Etc/UTC", "GMT": "Etc/GMT"}.get(name, ""))


def time_zone_string(string_id: int) -> str | None:
    """A string of Windows' tzres.dll by its id; None for an id it does not have.

    The strings are the zones' display, standard and daylight names, as the registry's
    ``MUI_Display``, ``MUI_Std`` and ``MUI_Dlt`` values cite them.
    """
    return _strings.get(string_id)


def _rule(key: str, year: int) -> ZoneRule:
    """The rule of zone ``key`` in ``year`` (the first or last year's outside the range)."""
    year = min(max(year, FIRST_RULE_YEAR), LAST_RULE_YEAR)
    with _lock:
        found = _rules.get((key, year))
    if found is None:
        _, standard, daylight = zone_names(key)
        found = rule_for_year(ZONES[key].split()[0], year).named(standard, daylight)
        with _lock:
            _rules[(key, year)] = found
    return found


def _rule_history(key: str) -> dict[int, ZoneRule]:
    """The years zone ``key``'s rule changed in, each with its rule (the first year's too)."""
    with _lock:
        found = _history.get(key)
    if found is None:
        found = {}
        last: ZoneRule | None = None
        for year in range(FIRST_RULE_YEAR, LAST_RULE_YEAR + 1):
            rule = _rule(key, year)
            if rule != last:
                found[year] = last = rule
        with _lock:
            _history[key] = found
    return dict(found)


class WindowsTimeZone(datetime.tzinfo):
    """A tzinfo that follows a Windows zone's rules (:mod:`._zone_rules` says how it reads).

    ``WindowsTimeZone("Pacific Standard Time")`` follows the zone's rule of each year;
    ``WindowsTimeZone(rule)`` one rule for every year. With ``fixed_standard_time`` it keeps
    standard time all year (``WindowsTimeZone("GMT Standard Time", True)`` is UTC).

    Raises:
        TypeError: ``zone`` is neither a name nor a :class:`ZoneRule`.
        ValueError: no zone has that name.
    """

    def __init__(self, zone: str | ZoneRule, fixed_standard_time: bool = False) -> None:
        if isinstance(zone, ZoneRule):
            self._key = ""
            self._static = zone
            self.display_name = ""
            self.standard_name, self.daylight_name = zone.standard_name, zone.daylight_name
        elif isinstance(zone, str):
            key = windows_zone_key(zone)
            if key is None:
                raise ValueError(f"no time zone is named {zone!r}")
            self._key = key
            self._static = _rule(key, LAST_RULE_YEAR)
            self.display_name, self.standard_name, self.daylight_name = zone_names(key)
        else:
            raise TypeError(f"a zone is a name or a ZoneRule, not {type(zone).__name__}")
        self.fixed_standard_time = bool(fixed_standard_time)

    @property
    def key_name(self) -> str:
        """The zone's key ('' for one made from a rule)."""
        return self._key

    @property
    def static_rule(self) -> ZoneRule:
        """The zone's current rule (the registry's TZI value)."""
        return self._static

    def rule_history(self) -> dict[int, ZoneRule]:
        """The years the rule changed in, with each rule ("Dynamic DST"); {} if it never did."""
        if not self._key:
            return {}
        history = _rule_history(self._key)
        return history if len(history) > 1 else {}

    def rule_for(self, year: int) -> ZoneRule:
        """The rule in force in ``year``."""
        return _rule(self._key, year) if self._key else self._static

    def daylight_start(self, year: int) -> datetime.datetime:
        """When daylight time starts in ``year`` (naive local time; ValueError if it has none)."""
        return transition_time(self.rule_for(year).daylight_date, year)

    def standard_start(self, year: int) -> datetime.datetime:
        """When standard time starts in ``year`` (naive local time; ValueError if it has none)."""
        return transition_time(self.rule_for(year).standard_date, year)

    def utcoffset(self, dt: datetime.datetime | None) -> datetime.timedelta | None:
        """The offset from UTC at the local time ``dt`` (None for None)."""
        if dt is None:
            return None
        dst = self.dst(dt)
        assert dst is not None
        return datetime.timedelta(minutes=-self.rule_for(dt.year).bias) + dst

    def dst(self, dt: datetime.datetime | None) -> datetime.timedelta | None:
        """How far daylight time moves the clock at ``dt`` (None for None)."""
        if dt is None:
            return None
        rule = self.rule_for(dt.year)
        daylight = not self.fixed_standard_time and in_daylight(rule, dt)
        return datetime.timedelta(minutes=-(rule.daylight_bias if daylight else rule.standard_bias))

    def tzname(self, dt: datetime.datetime | None) -> str | None:
        """The name of standard or daylight time at ``dt`` (None for None)."""
        if dt is None:
            return None
        rule = self.rule_for(dt.year)
        if not self.fixed_standard_time and in_daylight(rule, dt):
            return self.daylight_name
        return self.standard_name

    def __repr__(self) -> str:
        fixed = ", True" if self.fixed_standard_time else ""
        return f"{type(self).__name__}({(self._key or self.standard_name)!r}{fixed})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WindowsTimeZone):
            return NotImplemented
        return self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())

    def _identity(self) -> tuple[Any, ...]:
        return (self._key, self._static, self.fixed_standard_time, self.display_name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self._key or self._static, self.fixed_standard_time))

    def copy(self) -> Self:
        """The same zone, a new object."""
        return type(self)(self._key or self._static, self.fixed_standard_time)
