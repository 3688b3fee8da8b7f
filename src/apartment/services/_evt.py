"""Querying the event logs as Windows Vista's Evt* API does: result sets and logs.

A :class:`EventQuery` (EvtQuery) is the events of a channel or an exported log file that a
query selects (:mod:`._evt_xpath`), oldest first or newest first, read with
:meth:`EventQuery.next` (EvtNext) and moved with :meth:`EventQuery.seek` (EvtSeek). The
result set is the log as it was when the query was made. :class:`LogInfo` (EvtOpenLog) tells a
log's size, times and records; :func:`clear_channel`, :func:`export_log` and
:func:`archive_exported_log` are EvtClearLog, EvtExportLog and EvtArchiveExportedLog (an
exported log is a file of the same format as the logs, readable by a query with ``file=True``).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import json
import os
import threading
from typing import TYPE_CHECKING

from ..errors import (
    ERROR_FILE_EXISTS,
    ERROR_FILE_NOT_FOUND,
    ERROR_INVALID_PARAMETER,
    ERROR_NO_MORE_ITEMS,
    ERROR_NOT_FOUND,
    Win32Error,
)
from ._eventlog import LOGS, EventRecord, clear_events, log_path
from ._evt_events import Bookmark, Event, EvtVarType, channel_name, log_records
from ._evt_xpath import Select, parse_query, parse_query_list

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "EventQuery", "LogInfo", "Enumeration", "SEEK_FIRST", "SEEK_LAST",
    "SEEK_CURRENT", "SEEK_BOOKMARK", "query_selects", "selected_records", "clear_channel",
    "export_log", "archive_exported_log", "channel_enum",
]  # fmt: skip

SEEK_FIRST, SEEK_LAST, SEEK_CURRENT, SEEK_BOOKMARK = 1, 2, 3, 4
"""EvtSeek's origins (EvtSeekRelativeTo*)."""


def query_selects(path: str | None, query: str | None, *, file: bool = False) -> list[Select]:
    """What a query reads: its selects (a channel or a file each, and a predicate).

    ``path`` is the channel (or with ``file`` the exported log file) an XPath query reads; a
    structured query (``<QueryList>``) names its own.

    Raises:
        Win32Error: ERROR_EVT_INVALID_QUERY (a query outside the subset);
            ERROR_EVT_CHANNEL_NOT_FOUND; ERROR_FILE_NOT_FOUND (a log file that is not there).
    """
    selects = parse_query_list(query, path) if query is not None else None
    if selects is None:
        if path is None:
            raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "a query names no channel")
        selects = [Select(path, parse_query(query))]
    resolved = []
    for select in selects:
        if file:
            if not os.path.isfile(select.path):
                raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, select.path)
            resolved.append(select)
        else:
            resolved.append(select._replace(path=channel_name(select.path)))
    return resolved


def _source(select: Select, file: bool) -> tuple[str, str]:
    """The file a select reads and the channel its records belong to."""
    if not file:
        return os.fspath(log_path(select.path)), select.path
    return select.path, "Application"


def selected_records(
    selects: list[Select], *, file: bool = False, after: dict[str, int] | None = None
) -> list[tuple[EventRecord, str]]:
    """The records the selects take (oldest first, by time across channels), each with its path.

    ``after`` skips, per path, the records up to a record number (a subscription's progress).
    """
    found: list[tuple[EventRecord, str]] = []
    paths = {select.path for select in selects if not select.suppress}
    for path in sorted(paths, key=[s.path for s in selects].index):
        mine = [s for s in selects if s.path == path]
        filename, channel = _source(mine[0], file)
        since = (after or {}).get(path, 0)
        records = log_records(filename, channel)
        start = bisect.bisect_right(records, since, key=_number) if since else 0
        for record in records[start:]:
            if any(s.test(record) for s in mine if not s.suppress) and not any(
                s.test(record) for s in mine if s.suppress
            ):
                found.append((record, path))
    if len(paths) > 1:
        found.sort(key=lambda pair: pair[0].time)
    return found


def _number(record: EventRecord) -> int:
    return record.record_number


class EventQuery:
    """The events a query selects (EvtQuery), read in turn by :meth:`next`.

    Its position is under a lock of its own: threads sharing the handle read on from each
    other's reads.
    """

    def __init__(
        self,
        path: str | None,
        query: str | None = None,
        *,
        file: bool = False,
        reverse: bool = False,
    ) -> None:
        selects = query_selects(path, query, file=file)
        found = selected_records(selects, file=file)
        if reverse:
            found.reverse()
        self._events = found
        self._lock = threading.Lock()
        self._next = 0  # the index the next read starts at
        self._closed = False

    def next(self, count: int) -> list[Event]:
        """Up to ``count`` events from the position on (EvtNext).

        Raises:
            ValueError: ``count`` is not positive.
            Win32Error: ERROR_NO_MORE_ITEMS when the result set is read to its end.
        """
        if count <= 0:
            raise ValueError("EvtNext reads one event or more")
        with self._lock:
            batch = self._events[self._next : self._next + count]
            if not batch:
                raise Win32Error.from_code(ERROR_NO_MORE_ITEMS, "the end of the result set")
            self._next += len(batch)
        return [Event(record, path) for record, path in batch]

    def seek(
        self, offset: int, origin: int, bookmark: Bookmark | None = None, *, strict: bool = False
    ) -> None:
        """Move the position ``offset`` events from ``origin`` (a SEEK_* value; EvtSeek).

        From the first event the offset is 0 or more, from the last 0 or less; from a bookmark
        it counts from the bookmarked event (without ``strict``, from the event after where
        it would be if it is gone).

        Raises:
            Win32Error: ERROR_INVALID_PARAMETER for an origin or offset out of range, or a
                bookmark origin without one; ERROR_NOT_FOUND (``strict``) for a bookmarked
                event the result set does not hold.
        """
        if (origin == SEEK_FIRST and offset < 0) or (origin == SEEK_LAST and offset > 0):
            raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "EvtSeek's offset's sign")
        with self._lock:
            if origin == SEEK_FIRST:
                target = offset
            elif origin == SEEK_LAST:
                target = len(self._events) - 1 + offset
            elif origin == SEEK_CURRENT:
                target = self._next + offset
            elif origin == SEEK_BOOKMARK and bookmark is not None:
                target = self._bookmarked(bookmark, strict) + offset
            else:
                raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "EvtSeek's origin")
            if not 0 <= target <= len(self._events):
                raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"no event at {target}")
            self._next = target

    def _bookmarked(self, bookmark: Bookmark, strict: bool) -> int:
        for index, (record, _path) in enumerate(self._events):
            if bookmark.position(record.log) == record.record_number:
                return index
        if strict:
            raise Win32Error.from_code(ERROR_NOT_FOUND, "the bookmarked event is not here")
        return 0

    def close_on_last_handle(self) -> None:
        """Forget the result set."""
        self._events = []


class LogInfo:
    """A channel's log or a log file, opened for its properties (EvtOpenLog)."""

    def __init__(self, path: str, *, file: bool = False) -> None:
        if file:
            if not isinstance(path, str):
                raise TypeError(f"a log file's path is a str, not {type(path).__name__}")
            if not os.path.isfile(path):
                raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, path)
            self.path, self.channel = path, "Application"
        else:
            self.channel = channel_name(path)
            self.path = os.fspath(log_path(self.channel))

    def records(self) -> list[EventRecord]:
        """The log's records, oldest first."""
        return log_records(self.path, self.channel)

    def times(self) -> tuple[_dt.datetime, _dt.datetime, _dt.datetime, int]:
        """Creation, last access, last write (aware UTC datetimes) and size in bytes."""
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            now = _dt.datetime.now(_dt.timezone.utc)
            return now, now, now, 0

        def moment(seconds: float) -> _dt.datetime:
            return _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc)

        return moment(info.st_ctime), moment(info.st_atime), moment(info.st_mtime), info.st_size

    def property(self, index: int) -> tuple[object, int]:
        """A property by EvtLog* index: ``(value, EvtVarType)`` (EvtGetLogInfo).

        Creation, last access and last write times (0-2), the file's size (3), its attributes
        (4), the number of records (5), the oldest record's number (6), whether it is full (7).

        Raises:
            Win32Error: ERROR_INVALID_PARAMETER for another index.
        """
        if index in (0, 1, 2, 3):
            times = self.times()
            if index == 3:
                return times[3], EvtVarType.UINT64
            return times[index], EvtVarType.FILETIME
        if index == 4:
            return 0x80, EvtVarType.UINT32  # FILE_ATTRIBUTE_NORMAL
        if index in (5, 6):
            records = self.records()
            if index == 5:
                return len(records), EvtVarType.UINT64
            return (records[0].record_number if records else 0), EvtVarType.UINT64
        if index == 7:
            return False, EvtVarType.BOOLEAN
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"no log property {index}")

    def close_on_last_handle(self) -> None:
        """Nothing to release."""


def clear_channel(channel: str, backup: str | None = None) -> None:
    """Empty a channel's log, first exporting it to ``backup`` if given (EvtClearLog).

    Raises:
        Win32Error: ERROR_EVT_CHANNEL_NOT_FOUND; ERROR_ALREADY_EXISTS if ``backup`` exists.
    """
    clear_events(channel_name(channel), backup)


def export_log(path: str, target: str, query: str | None = None, *, file: bool = False) -> int:
    """Write the events a query selects to the new file ``target`` (EvtExportLog).

    Returns how many were written.

    Raises:
        Win32Error: ERROR_FILE_EXISTS if ``target`` exists; the query's errors.
    """
    selects = query_selects(path, query, file=file)
    found = selected_records(selects, file=file)
    try:
        out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise Win32Error.from_code(ERROR_FILE_EXISTS, target) from None
    with open(out, "w", encoding="utf-8") as stream:
        for record, _path in found:
            fields = record._asdict()
            fields["data"] = record.data.hex()
            stream.write(json.dumps(fields, ensure_ascii=False) + "\n")
    return len(found)


def archive_exported_log(path: str) -> None:
    """Add the display texts to an exported log (EvtArchiveExportedLog).

    The records already hold their texts here, so only the file's presence is checked.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND.
    """
    if not os.path.isfile(path):
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, path)


class Enumeration:
    """A list read one item at a time (EvtOpenChannelEnum, EvtOpenPublisherEnum)."""

    def __init__(self, items: list[str]) -> None:
        self._items: Iterator[str] = iter(items)
        self._lock = threading.Lock()

    def next(self) -> str:
        """The next item.

        Raises:
            Win32Error: ERROR_NO_MORE_ITEMS at the end.
        """
        with self._lock:
            item = next(self._items, None)
        if item is None:
            raise Win32Error.from_code(ERROR_NO_MORE_ITEMS, "the end of the enumeration")
        return item

    def close_on_last_handle(self) -> None:
        """Nothing to release."""


def channel_enum() -> Enumeration:
    """The channels (EvtOpenChannelEnum): the logs."""
    return Enumeration(list(LOGS))
