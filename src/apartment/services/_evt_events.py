"""Events as the Evt* API sees them: channels, rendering (XML, values), messages, bookmarks.

The Evt* API (Windows Vista's) reads the same logs as the classic one: a *channel* is a log
(Application, System, Security) and an event is one of its records, rendered as the event
XML Windows gives a classic event (:func:`render_xml`), as typed values
(:func:`render_system`, :func:`render_user`), or as its message (:func:`format_message`).
:func:`log_records` reads a log file for every query and subscription of the process,
parsing only what was appended since its last read.
"""

from __future__ import annotations

import datetime as _dt
import os
import threading
import xml.etree.ElementTree as ET
from typing import NamedTuple
from xml.sax.saxutils import escape

from .._fork import OUTER, hold_across_fork
from ..errors import (
    ERROR_EVT_CHANNEL_NOT_FOUND,
    ERROR_EVT_MESSAGE_ID_NOT_FOUND,
    ERROR_EVT_MESSAGE_NOT_FOUND,
    ERROR_INVALID_PARAMETER,
    Win32Error,
)
from ._eventlog import LOGS, EventRecord, format_event, log_path, parse_records
from ._evt_xpath import keywords_of, level_of

__all__ = [
    "EvtVarType", "Event", "Bookmark", "channel_name", "log_records", "render_xml",
    "render_system", "render_user", "format_message", "RenderContext",
    "SYSTEM_PROPERTIES", "LEVEL_NAMES",
]  # fmt: skip


class EvtVarType:
    """EVT_VARIANT_TYPE: the type of a rendered value (the SDK's numbers)."""

    NULL = 0
    STRING = 1
    BYTE = 4
    UINT16 = 6
    UINT32 = 8
    UINT64 = 10
    BOOLEAN = 13
    BINARY = 14
    GUID = 15
    FILETIME = 17
    SID = 19
    HEXINT64 = 21


SYSTEM_PROPERTIES = 18
"""How many values a system render gives (EvtSystemPropertyIdEND), by EvtSystem* index."""

LEVEL_NAMES = {1: "Critical", 2: "Error", 3: "Warning", 4: "Information", 5: "Verbose"}
_CURRENT = " IsCurrent='true'"
_EVENT_NS = "http://schemas.microsoft.com/win/2004/08/events/event"


def channel_name(path: object) -> str:
    """The channel ``path`` names (a log's own spelling; case does not matter).

    Raises:
        TypeError: ``path`` is not a str.
        Win32Error: ERROR_EVT_CHANNEL_NOT_FOUND for a channel no log is.
    """
    if not isinstance(path, str):
        raise TypeError(f"a channel path is a str, not {type(path).__name__}")
    for log in LOGS:
        if log.lower() == path.lower():
            return log
    raise Win32Error.from_code(ERROR_EVT_CHANNEL_NOT_FOUND, f"no channel {path!r}")


class _Tail(NamedTuple):
    inode: int
    offset: int  # bytes parsed so far (up to the last complete line)
    head: bytes  # the file's first bytes: a clear rewrites them
    records: list[EventRecord]


_tails: dict[str, _Tail] = {}
_tails_lock = threading.Lock()
hold_across_fork(_tails_lock, OUTER)


def log_records(path: str | os.PathLike[str], log: str) -> list[EventRecord]:
    """The records of the log file ``path`` (channel ``log``), oldest first; [] if none.

    The process keeps each file's records and reads only what was appended since; a file
    cleared or replaced is read again. The list returned is shared: an append makes a new
    one, so it never changes, and the caller must not change it.
    """
    key = os.fspath(path)
    with _tails_lock:
        try:
            with open(key, "rb") as file:
                info = os.fstat(file.fileno())
                head = file.read(64)
                tail = _tails.get(key)
                if (
                    tail is None
                    or tail.inode != info.st_ino
                    or info.st_size < tail.offset
                    or not head.startswith(tail.head[: len(head)])
                    or len(head) < len(tail.head)
                ):
                    tail = _Tail(info.st_ino, 0, head, [])
                file.seek(tail.offset)
                data = file.read()
        except FileNotFoundError:
            _tails.pop(key, None)
            return []
        end = data.rfind(b"\n") + 1
        if end:
            fresh = parse_records(data[:end].decode("utf-8", "replace"), log)
            tail = _Tail(tail.inode, tail.offset + end, head, tail.records + fresh)
        _tails[key] = tail
        return tail.records


def channel_records(channel: str) -> list[EventRecord]:
    """The records of the channel (a log's name, as :func:`channel_name` gives it)."""
    return log_records(log_path(channel), channel)


class Event:
    """One event of a result set or a subscription: a record and where it came from."""

    __slots__ = ("path", "record")

    def __init__(self, record: EventRecord, path: str) -> None:
        self.record = record
        self.path = path  # the channel (or the log file) it was read from

    def close_on_last_handle(self) -> None:
        """Nothing to release: the record is a value."""


def _attr(value: str) -> str:
    """An attribute's value in single quotes, as Windows writes event XML."""
    return "'" + escape(value, {"'": "&apos;", '"': "&quot;"}) + "'"


def _system_time(seconds: float) -> str:
    moment = _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond:06d}0Z"


def render_xml(record: EventRecord) -> str:
    """The event's XML, as EvtRender(EvtRenderEventXml) gives a classic event's.

    System holds what a classic event has: Provider, EventID (its Qualifiers are the id's
    high 16 bits), Level, Task (the category), Keywords, TimeCreated, EventRecordID, Channel,
    Computer and Security (with the writer's SID if it gave one); EventData holds the inserts
    as Data items and the raw data as Binary (hex).
    """
    security = f"<Security UserID={_attr(record.sid)}/>" if record.sid else "<Security/>"
    data = "".join(f"<Data>{escape(text)}</Data>" for text in record.strings)
    if record.data:
        data += f"<Binary>{record.data.hex().upper()}</Binary>"
    return (
        f"<Event xmlns='{_EVENT_NS}'><System>"
        f"<Provider Name={_attr(record.source)}/>"
        f"<EventID Qualifiers='{record.event_id >> 16}'>{record.event_id & 0xFFFF}</EventID>"
        f"<Level>{level_of(record)}</Level>"
        f"<Task>{record.category}</Task>"
        f"<Keywords>0x{keywords_of(record):x}</Keywords>"
        f"<TimeCreated SystemTime='{_system_time(record.time)}'/>"
        f"<EventRecordID>{record.record_number}</EventRecordID>"
        f"<Channel>{escape(record.log)}</Channel>"
        f"<Computer>{escape(record.computer)}</Computer>"
        f"{security}</System>"
        f"<EventData>{data}</EventData></Event>"
    )


def render_system(record: EventRecord) -> list[tuple[object, int]]:
    """The System values (EvtRenderContextSystem): ``(value, EvtVarType)`` by EvtSystem* index.

    What a classic event lacks (provider GUID, opcode, activity ids, process and thread,
    version) is ``(None, NULL)``; TimeCreated is an aware UTC datetime, UserID a SID's text.
    """
    null: tuple[object, int] = (None, EvtVarType.NULL)
    values = [null] * SYSTEM_PROPERTIES
    values[0] = (record.source, EvtVarType.STRING)
    values[2] = (record.event_id & 0xFFFF, EvtVarType.UINT16)
    values[3] = (record.event_id >> 16, EvtVarType.UINT16)
    values[4] = (level_of(record), EvtVarType.BYTE)
    values[5] = (record.category, EvtVarType.UINT16)
    values[7] = (keywords_of(record), EvtVarType.HEXINT64)
    values[8] = (_dt.datetime.fromtimestamp(record.time, _dt.timezone.utc), EvtVarType.FILETIME)
    values[9] = (record.record_number, EvtVarType.UINT64)
    values[14] = (record.log, EvtVarType.STRING)
    values[15] = (record.computer, EvtVarType.STRING)
    if record.sid:
        values[16] = (record.sid, EvtVarType.SID)
    return values


def render_user(record: EventRecord) -> list[tuple[object, int]]:
    """The EventData values (EvtRenderContextUser): the inserts, then the binary data."""
    values: list[tuple[object, int]] = [(text, EvtVarType.STRING) for text in record.strings]
    if record.data:
        values.append((record.data, EvtVarType.BINARY))
    return values


def format_message(record: EventRecord, what: str, resource_id: int = 0) -> str | list[str]:
    """The event's text of kind ``what`` (EvtFormatMessage), as the Event Viewer shows it.

    ``event`` is the message from the source's message table with the inserts put in (as the
    classic API formats it); ``level``, ``task``, ``keyword`` (a list), ``channel`` and
    ``provider`` name those (``opcode`` is Info: classic events have opcode 0); ``xml`` is
    the event's XML with its RenderingInfo (those texts); ``id`` is the message
    ``resource_id`` of the table, without inserts.

    Raises:
        Win32Error: ERROR_EVT_MESSAGE_NOT_FOUND when no message table holds the event's id
            (or a task other than 0: classic categories have no table here).
    """
    if what == "event":
        text = format_event(record.event_id, record.strings)
        if text is None:
            raise Win32Error.from_code(
                ERROR_EVT_MESSAGE_NOT_FOUND, f"no message {record.event_id:#x} for {record.source}"
            )
        return text
    if what == "level":
        level = level_of(record)
        return LEVEL_NAMES.get(level, "Information")
    if what == "task":
        if record.category:
            raise Win32Error.from_code(
                ERROR_EVT_MESSAGE_NOT_FOUND, f"no text for category {record.category}"
            )
        return "None"
    if what == "keyword":
        names = {0x20000000000000: "Audit Success", 0x10000000000000: "Audit Failure"}
        return [*(name for bit, name in names.items() if keywords_of(record) & bit), "Classic"]
    if what == "channel":
        return record.log
    if what == "provider":
        return record.source
    if what == "xml":
        return _rendered_xml(record)
    if what == "opcode":
        return "Info"
    if what == "id":
        text = format_event(resource_id, ())
        if text is None:
            raise Win32Error.from_code(
                ERROR_EVT_MESSAGE_ID_NOT_FOUND, f"no message {resource_id:#x}"
            )
        return text
    raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"no message of kind {what!r}")


def _rendered_xml(record: EventRecord) -> str:
    """The event's XML with the texts Event Viewer shows (EvtFormatMessageXml): RenderingInfo.

    The Message is left out when no table holds it; the task, provider and channel are
    empty, as Windows leaves them for a classic event.
    """
    message = format_event(record.event_id, record.strings)
    keywords = format_message(record, "keyword")
    info = (
        "<RenderingInfo Culture='en-US'>"
        + ("" if message is None else f"<Message>{escape(message)}</Message>")
        + f"<Level>{format_message(record, 'level')}</Level><Task></Task>"
        + "<Opcode>Info</Opcode><Channel></Channel><Provider></Provider><Keywords>"
        + "".join(f"<Keyword>{keyword}</Keyword>" for keyword in keywords)
        + "</Keywords></RenderingInfo>"
    )
    xml = render_xml(record)
    return xml[: -len("</Event>")] + info + "</Event>"


class RenderContext:
    """What EvtRender renders of an event (EvtCreateRenderContext): System or EventData values.

    Args:
        user: the EventData values (EvtRenderContextUser) rather than the System ones.
    """

    __slots__ = ("user",)

    def __init__(self, *, user: bool = False) -> None:
        self.user = user

    def render(self, record: EventRecord) -> list[tuple[object, int]]:
        """The values of ``record`` this context selects (EvtRender(EvtRenderEventValues))."""
        return render_user(record) if self.user else render_system(record)

    def close_on_last_handle(self) -> None:
        """Nothing to release."""


class Bookmark:
    """Where a reader got to in each channel (EvtCreateBookmark): the last record seen.

    Updated from one thread at a time (the reader's), as a bookmark handle on Windows.
    """

    __slots__ = ("current", "positions")

    def __init__(self, xml: str | None = None) -> None:
        self.positions: dict[str, int] = {}  # channel -> record id
        self.current: str | None = None
        if xml is not None:
            self._parse(xml)

    def _parse(self, xml: str) -> None:
        try:
            root = ET.fromstring(xml)
        except ET.ParseError:
            raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "a bookmark's XML") from None
        if root.tag != "BookmarkList":
            raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "a bookmark is a BookmarkList")
        for item in root:
            channel, record = item.get("Channel"), item.get("RecordId")
            if item.tag != "Bookmark" or channel is None or not (record or "").isdigit():
                raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "a Bookmark's attributes")
            self.positions[channel] = int(record or 0)
            if item.get("IsCurrent") == "true":
                self.current = channel

    def update(self, event: Event) -> None:
        """Move the bookmark to ``event`` (EvtUpdateBookmark)."""
        self.positions[event.record.log] = event.record.record_number
        self.current = event.record.log

    def position(self, channel: str) -> int | None:
        """The last record seen in ``channel``, if the bookmark has one there."""
        for name, number in self.positions.items():
            if name.lower() == channel.lower():
                return number
        return None

    def xml(self) -> str:
        """The bookmark as EvtRender(EvtRenderBookmark) gives it."""
        items = "".join(
            f"  <Bookmark Channel={_attr(channel)} RecordId='{number}'"
            f"{_CURRENT if channel == self.current else ''}/>\r\n"
            for channel, number in self.positions.items()
        )
        return f"<BookmarkList>\r\n{items}</BookmarkList>"

    def close_on_last_handle(self) -> None:
        """Nothing to release."""
