"""Dates and times as text in the one locale, English (United States) (GetDateFormat, ...).

A picture is Windows' format: ``d dd ddd dddd`` (day), ``M MM MMM MMMM`` (month), ``y yy
yyyy`` (year), ``g gg`` (era) for dates; ``h hh H HH`` (hours, 12 and 24), ``m mm``, ``s ss``,
``t tt`` (A/P, AM/PM) for times; text in single quotes is literal, as is any other character.
Without a picture the locale's own are used: ``M/d/yyyy``, ``dddd, MMMM d, yyyy`` and
``h:mm:ss tt``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..errors import ERROR_INVALID_FLAGS, Win32Error

if TYPE_CHECKING:
    import datetime as _dt

__all__ = ["format_date", "format_time"]

SHORT_DATE = "M/d/yyyy"
LONG_DATE = "dddd, MMMM d, yyyy"
TIME = "h:mm:ss tt"
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
_TOKEN = re.compile(r"'([^']*)'?|(d+|M+|y+|g+|h+|H+|m+|s+|t+)|(.)", re.DOTALL)


def _tokens(picture: str) -> list[tuple[str, str]]:
    """(kind, text) pairs: kind '' is literal text, else the letter of an element."""
    found: list[tuple[str, str]] = []
    for quoted, element, other in _TOKEN.findall(picture):
        if element:
            found.append((element[0], element))
            continue
        text = quoted if other == "" else other
        if found and not found[-1][0]:  # one literal run between two elements
            found[-1] = ("", found[-1][1] + text)
        else:
            found.append(("", text))
    return found


def _date_element(element: str, when: _dt.date) -> str:
    letter, count = element[0], len(element)
    if letter == "d":
        if count >= 3:
            name = _DAYS[when.weekday()]
            return name if count >= 4 else name[:3]
        return f"{when.day:0{count}d}"
    if letter == "M":
        if count >= 3:
            name = _MONTHS[when.month - 1]
            return name if count >= 4 else name[:3]
        return f"{when.month:0{count}d}"
    if letter == "y":
        if count >= 3:
            return f"{when.year:04d}"
        return f"{when.year % 100:0{count}d}"
    return "A.D."  # g, gg: the era


def format_date(when: _dt.date, picture: str | None = None, *, long: bool = False) -> str:
    """``when`` as text: by ``picture``, else the short (or ``long``) date of English (US).

    Raises:
        Win32Error: ERROR_INVALID_FLAGS for a picture and ``long`` together.
    """
    if picture is not None and long:
        raise Win32Error.from_code(ERROR_INVALID_FLAGS, "a picture or a date kind, not both")
    text = picture if picture is not None else LONG_DATE if long else SHORT_DATE
    return "".join(
        _date_element(value, when) if kind in "dMyg" and kind else value
        for kind, value in _tokens(text)
    )


def _time_element(element: str, when: _dt.time | _dt.datetime, *, force_24: bool) -> str:
    letter, count = element[0], len(element)
    width = min(count, 2)
    if letter == "h" and not force_24:
        return f"{(when.hour % 12) or 12:0{width}d}"
    if letter in "hH":
        return f"{when.hour:0{width}d}"
    if letter == "m":
        return f"{when.minute:0{width}d}"
    if letter == "s":
        return f"{when.second:0{width}d}"
    marker = "AM" if when.hour < 12 else "PM"
    return marker if count >= 2 else marker[0]


def format_time(
    when: _dt.time | _dt.datetime,
    picture: str | None = None,
    *,
    minutes: bool = True,
    seconds: bool = True,
    marker: bool = True,
    force_24: bool = False,
) -> str:
    """``when`` as text: by ``picture``, else English (US)'s ``h:mm:ss tt``.

    ``minutes=False`` drops the minutes and the seconds, ``seconds=False`` the seconds,
    ``marker=False`` the AM/PM marker, each with the separator before it (TIME_NO* flags);
    ``force_24`` writes ``h`` as ``H`` (TIME_FORCE24HOURFORMAT; the marker stays).
    """
    dropped = set()
    if not minutes:
        dropped |= {"m", "s"}
    if not seconds:
        dropped.add("s")
    if not marker:
        dropped.add("t")
    kept: list[tuple[str, str]] = []
    for kind, value in _tokens(picture if picture is not None else TIME):
        if kind in dropped and kind:
            if kept and not kept[-1][0]:  # the separator before it goes too
                kept.pop()
            continue
        kept.append((kind, value))
    return "".join(
        _time_element(value, when, force_24=force_24) if kind in "hHmst" and kind else value
        for kind, value in kept
    )
