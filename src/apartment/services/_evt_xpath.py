"""The event queries EvtQuery and EvtSubscribe take: the XPath subset Event Viewer writes.

Windows' event log service filters events with a subset of XPath 1.0 over each event's XML.
Here a query is parsed once into a predicate over :class:`~apartment.services.EventRecord`;
the forms Event Viewer's "Filter Current Log" makes are understood::

    *                                        every event
    *[System[(Level=2 or Level=3)]]          levels (1 critical .. 5 verbose; 0 audit)
    *[System[(EventID=1000) and Task=3]]     ids, tasks (categories), record ids, keywords
    *[System[Provider[@Name='X' or @Name='Y']]]
    *[System[TimeCreated[timediff(@SystemTime) <= 86400000]]]
    *[System[TimeCreated[@SystemTime>='2024-01-01T00:00:00.000Z']]]
    *[System[band(Keywords,36028797018963968)]]
    *[System[Computer='HOST' and Channel='System']]
    *[System[Security[@UserID='S-1-5-18']]]
    *[EventData[Data='text']]               an insert that is the text

(``Event`` may stand for ``*``; ``and``, ``or``, parentheses and the comparisons ``= != < <= >
>=`` combine them), and the structured form, a ``<QueryList>`` of ``<Query>`` elements whose
``<Select Path="channel">`` elements add events and ``<Suppress>`` elements take them away.
Anything else fails with ERROR_EVT_INVALID_QUERY, as a query Windows cannot parse does.
"""

from __future__ import annotations

import datetime as _dt
import re
import time
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, NamedTuple

from ..errors import ERROR_EVT_INVALID_QUERY, Win32Error

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._eventlog import EventRecord

__all__ = [
    "Select", "parse_query", "parse_query_list", "level_of", "keywords_of", "KEYWORD_CLASSIC",
]  # fmt: skip

_TOKEN = re.compile(
    r"\s*(?:(?P<num>0x[0-9a-fA-F]+|\d+)|(?P<str>'[^']*'|\"[^\"]*\")"
    r"|(?P<op><=|>=|!=|=|<|>|&lt;=|&gt;=|&lt;|&gt;)|(?P<punct>[\[\]\(\),*@])"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_\-]*))"
)
_FIELDS = ("Level", "EventID", "Task", "EventRecordID", "Keywords", "Opcode", "Version")
_AUDIT_SUCCESS, _AUDIT_FAILURE = 0x8, 0x10
KEYWORD_CLASSIC = 0x80000000000000
"""The keyword every classic (ReportEvent) event carries: EventLogClassic."""
_AUDIT_KEYWORDS = {_AUDIT_SUCCESS: 0x20000000000000, _AUDIT_FAILURE: 0x10000000000000}
_LEVELS = {0x1: 2, 0x2: 3, 0x4: 4, 0x0: 4}  # EVENTLOG_*_TYPE -> Level (audits are 0)


class Select(NamedTuple):
    """One ``<Select>`` (or ``<Suppress>``) of a query: a channel and what it takes."""

    path: str
    test: Callable[[EventRecord], bool]
    suppress: bool = False


def level_of(record: EventRecord) -> int:
    """The Level a classic event renders with: error 2, warning 3, information 4, audit 0."""
    return _LEVELS.get(record.event_type, 0)


def keywords_of(record: EventRecord) -> int:
    """The Keywords a classic event renders with: EventLogClassic, and the audit outcome."""
    return KEYWORD_CLASSIC | _AUDIT_KEYWORDS.get(record.event_type, 0)


def _field(record: EventRecord, name: str) -> int:
    if name == "Level":
        return level_of(record)
    if name == "EventID":
        return record.event_id & 0xFFFF
    if name == "Task":
        return record.category
    if name == "EventRecordID":
        return record.record_number
    if name == "Keywords":
        return keywords_of(record)
    return 0  # Opcode, Version: classic events have none


def _invalid(query: str, why: str) -> Win32Error:
    return Win32Error.from_code(ERROR_EVT_INVALID_QUERY, f"{why} in the query {query!r}")


_COMPARE: dict[str, Callable[[object, object], bool]] = {
    "=": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,  # type: ignore[operator]
    "<=": lambda a, b: a <= b,  # type: ignore[operator]
    ">": lambda a, b: a > b,  # type: ignore[operator]
    ">=": lambda a, b: a >= b,  # type: ignore[operator]
}
_ESCAPED = {"&lt;": "<", "&lt;=": "<=", "&gt;": ">", "&gt;=": ">="}


class _Parser:
    """Recursive descent over the tokens of one XPath query."""

    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens: list[tuple[str, str]] = []
        position = 0
        stripped = query.rstrip()
        while position < len(stripped):
            match = _TOKEN.match(stripped, position)
            if match is None or match.end() == position:
                raise _invalid(query, f"unexpected text at {position}")
            kind = match.lastgroup or ""
            text = match.group(kind)
            if kind == "op":
                text = _ESCAPED.get(text, text)
            self.tokens.append((kind, text))
            position = match.end()
        self.at = 0

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.at] if self.at < len(self.tokens) else ("end", "")

    def take(self, text: str | None = None, kind: str | None = None) -> str:
        token = self.peek()
        if (text is not None and token[1] != text) or (kind is not None and token[0] != kind):
            raise _invalid(self.query, f"expected {text or kind}, found {token[1] or 'the end'}")
        self.at += 1
        return token[1]

    def accept(self, text: str) -> bool:
        if self.peek()[1] == text:
            self.at += 1
            return True
        return False

    def query_test(self) -> Callable[[EventRecord], bool]:
        """``*`` or ``Event``, optionally with ``[System[...]]`` filters."""
        if not self.accept("*"):
            self.take("Event")
        test: Callable[[EventRecord], bool] = _always
        while self.accept("["):
            inner = self.or_test(self.outer_atom)
            self.take("]")
            test = _both(test, inner)
        self.take(kind="end")
        return test

    def outer_atom(self) -> Callable[[EventRecord], bool]:
        if self.accept("("):
            inner = self.or_test(self.outer_atom)
            self.take(")")
            return inner
        if self.accept("EventData"):
            self.take("[")
            inner = self.or_test(self.data_atom)
            self.take("]")
            return inner
        self.take("System")
        self.take("[")
        inner = self.or_test(self.system_atom)
        self.take("]")
        return inner

    def data_atom(self) -> Callable[[EventRecord], bool]:
        """``Data='text'`` (or ``!=``): whether an insert is (or one is not) that text.

        As XPath compares a node set: some Data item equal (or not equal) to the text.
        """
        if self.accept("("):
            inner = self.or_test(self.data_atom)
            self.take(")")
            return inner
        self.take("Data")
        operator = self.take(kind="op")
        if operator not in ("=", "!="):
            raise _invalid(self.query, f"Data compares with = or !=, not {operator}")
        text = self.take(kind="str")[1:-1]
        if operator == "=":
            return lambda r: text in r.strings
        return lambda r: any(item != text for item in r.strings)

    def or_test(
        self, atom: Callable[[], Callable[[EventRecord], bool]]
    ) -> Callable[[EventRecord], bool]:
        tests = [self.and_test(atom)]
        while self.accept("or"):
            tests.append(self.and_test(atom))
        return tests[0] if len(tests) == 1 else (lambda r: any(t(r) for t in tests))

    def and_test(
        self, atom: Callable[[], Callable[[EventRecord], bool]]
    ) -> Callable[[EventRecord], bool]:
        tests = [atom()]
        while self.accept("and"):
            tests.append(atom())
        return tests[0] if len(tests) == 1 else (lambda r: all(t(r) for t in tests))

    def system_atom(self) -> Callable[[EventRecord], bool]:
        if self.accept("("):
            inner = self.or_test(self.system_atom)
            self.take(")")
            return inner
        name = self.take(kind="name")
        if name == "band":
            self.take("(")
            field = self.take(kind="name")
            self.take(",")
            mask = _number(self.take(kind="num"))
            self.take(")")
            self._known(field)
            return lambda r: bool(_field(r, field) & mask)
        if name in _FIELDS:
            compare = _COMPARE[self.take(kind="op")]
            value = _number(self.take(kind="num"))
            return lambda r: compare(_field(r, name), value)
        if name == "Provider":
            self.take("[")
            inner = self.or_test(self.provider_atom)
            self.take("]")
            return inner
        if name in ("Computer", "Channel"):
            operator = self.take(kind="op")
            if operator not in ("=", "!="):
                raise _invalid(self.query, f"{name} compares with = or !=, not {operator}")
            compare, text = _COMPARE[operator], self.take(kind="str")[1:-1].lower()
            if name == "Computer":
                return lambda r: compare(r.computer.lower(), text)
            return lambda r: compare(r.log.lower(), text)
        if name == "Security":
            self.take("[")
            self.take("@")
            self.take("UserID")
            compare = _COMPARE[self.take(kind="op")]
            sid = self.take(kind="str")[1:-1].upper()
            self.take("]")
            return lambda r: compare((r.sid or "").upper(), sid)
        if name == "TimeCreated":
            self.take("[")
            inner = self.or_test(self.time_atom)
            self.take("]")
            return inner
        raise _invalid(self.query, f"{name} is not a filter of the System element known here")

    def _known(self, field: str) -> None:
        if field not in _FIELDS:
            raise _invalid(self.query, f"{field} is not a System field known here")

    def provider_atom(self) -> Callable[[EventRecord], bool]:
        if self.accept("("):
            inner = self.or_test(self.provider_atom)
            self.take(")")
            return inner
        self.take("@")
        self.take("Name")
        compare = _COMPARE[self.take(kind="op")]
        name = self.take(kind="str")[1:-1]
        return lambda r: compare(r.source.lower(), name.lower())

    def time_atom(self) -> Callable[[EventRecord], bool]:
        if self.accept("("):
            inner = self.or_test(self.time_atom)
            self.take(")")
            return inner
        if self.accept("timediff"):
            self.take("(")
            self.take("@")
            self.take("SystemTime")
            self.take(")")
            compare = _COMPARE[self.take(kind="op")]
            milliseconds = _number(self.take(kind="num"))
            return lambda r: compare((time.time() - r.time) * 1000, milliseconds)
        self.take("@")
        self.take("SystemTime")
        compare = _COMPARE[self.take(kind="op")]
        when = _parse_time(self.query, self.take(kind="str")[1:-1])
        return lambda r: compare(r.time, when)


def _always(record: EventRecord) -> bool:
    return True


def _both(
    first: Callable[[EventRecord], bool], second: Callable[[EventRecord], bool]
) -> Callable[[EventRecord], bool]:
    if first is _always:
        return second
    return lambda r: first(r) and second(r)


def _number(text: str) -> int:
    return int(text, 16) if text.lower().startswith("0x") else int(text)


def _parse_time(query: str, text: str) -> float:
    match = re.fullmatch(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z?", text)
    if match is None:
        raise _invalid(query, f"{text!r} is not a SystemTime")
    whole = _dt.datetime.fromisoformat(match.group(1)).replace(tzinfo=_dt.timezone.utc)
    fraction = float(f"0.{match.group(2)}") if match.group(2) else 0.0
    return whole.timestamp() + fraction


def parse_query(query: str | None) -> Callable[[EventRecord], bool]:
    """The predicate of an XPath query (None and ``*`` take every event).

    Raises:
        Win32Error: ERROR_EVT_INVALID_QUERY for a query outside the subset.
    """
    if query is None or not query.strip() or query.strip() == "*":
        return _always
    return _Parser(query.strip()).query_test()


def parse_query_list(query: str, default_path: str | None) -> list[Select] | None:
    """The selects of a structured query (``<QueryList>``); None if ``query`` is XPath.

    A Select without a Path reads ``default_path``.

    Raises:
        Win32Error: ERROR_EVT_INVALID_QUERY for a QueryList that is not well formed.
    """
    if not query.lstrip().startswith("<"):
        return None
    try:
        root = ET.fromstring(query)
    except ET.ParseError:
        raise _invalid(query, "not well-formed XML") from None
    if root.tag != "QueryList":
        raise _invalid(query, "a structured query is a QueryList")
    selects: list[Select] = []
    for element in root:
        if element.tag != "Query":
            raise _invalid(query, f"<{element.tag}> in a QueryList")
        query_path = element.get("Path", default_path)
        for item in element:
            if item.tag not in ("Select", "Suppress"):
                raise _invalid(query, f"<{item.tag}> in a Query")
            path = item.get("Path", query_path)
            if path is None:
                raise _invalid(query, "a Select names no channel")
            selects.append(Select(path, parse_query(item.text), item.tag == "Suppress"))
    if not any(not select.suppress for select in selects):
        raise _invalid(query, "a QueryList selects nothing")
    return selects
