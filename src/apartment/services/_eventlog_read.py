"""Reading the event logs (OpenEventLog, ReadEventLog), reporting to them, and watching them.

An :class:`EventLog` is an open log (OpenEventLog, RegisterEventSource: on Windows both give
the same kind of handle) or a backup file of one (OpenBackupEventLog). It reads forwards or
backwards, sequentially from where its last read stopped or from a record number, as
ReadEventLog does, and reports records under its source name. A watch
(:meth:`EventLog.notify`, NotifyChangeEventLog) sets a kernel event when a record is
written to the log by any process: one watcher thread per process compares the watched
files' size and modification time every :data:`POLL_SECONDS` (the standard library cannot
reach inotify), so a record is seen within that time.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Protocol

from ..errors import (
    ERROR_FILE_NOT_FOUND,
    ERROR_HANDLE_EOF,
    ERROR_INVALID_HANDLE,
    ERROR_INVALID_PARAMETER,
    Win32Error,
)
from ..registry import HKEY_CURRENT_USER, key_of_handle, open_key
from ._eventlog import (
    EVENTLOG_INFORMATION_TYPE,
    LOGS,
    EventRecord,
    append_event,
    backup_events,
    clear_events,
    log_name,
    log_path,
    parse_records,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

__all__ = ["EventLog", "POLL_SECONDS", "BATCH"]

POLL_SECONDS = 0.05
_SOURCES = "SYSTEM\\CurrentControlSet\\Services\\EventLog"
BATCH = 64
"""Records one read returns at most (ReadEventLog fills a buffer: pywin32's holds many)."""


class _Settable(Protocol):
    def set(self) -> None: ...


class EventLog:
    """An open log: ``log`` (Application if not a known log), or the backup file ``backup``.

    Records it reports go under ``source`` (by default the name it was opened with, as
    OpenEventLog's handles report under it). Its read position is under a lock of its own:
    threads that share a handle read on from each other's reads, as on Windows.
    """

    def __init__(
        self, log: str = "Application", *, source: str | None = None, backup: str | None = None
    ) -> None:
        if not isinstance(log, str) or not isinstance(source, (str, type(None))):
            raise TypeError("a log's and a source's names are str")
        self.log = log_name(log)
        self.source = log if source is None else source
        if backup is not None:
            if not os.path.isfile(backup):
                raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, backup)
            self._path: Path | str = backup
        else:
            self._path = log_path(self.log)
        self.is_backup = backup is not None
        self._lock = threading.Lock()  # the position and the cache
        self._position: int | None = None  # the record number the next sequential read is at
        self._closed = False
        self._cache: tuple[tuple[int, int, int], list[EventRecord]] | None = None

    @classmethod
    def for_source(cls, source: str) -> EventLog:
        r"""A log handle for ``source`` (RegisterEventSource): the log it is registered under.

        A source is registered under its log's key below Windows' ``...\Services\EventLog``
        in the user's registry (``win32evtlogutil.AddSourceToRegistry``); one that is not
        reports to Application, as on Windows.
        """
        if not isinstance(source, str):
            raise TypeError(f"a source name is a str, not {type(source).__name__}")
        root = key_of_handle(HKEY_CURRENT_USER)
        for log in LOGS:
            try:
                open_key(root, f"{_SOURCES}\\{log}\\{source}")
            except Win32Error:
                continue
            return cls(log, source=source)
        return cls("Application", source=source)

    def _records(self) -> list[EventRecord]:
        if self._closed:
            raise Win32Error.from_code(ERROR_INVALID_HANDLE, "the event log handle is closed")
        try:
            info = os.stat(self._path)
        except FileNotFoundError:
            return []
        key = (info.st_ino, info.st_size, info.st_mtime_ns)
        if self._cache is None or self._cache[0] != key:
            with open(self._path, encoding="utf-8", errors="replace") as file:
                self._cache = (key, parse_records(file.read(), self.log))
        return self._cache[1]

    def count(self) -> int:
        """How many records the log holds (GetNumberOfEventLogRecords)."""
        with self._lock:
            return len(self._records())

    def oldest(self) -> int:
        """The oldest record's number; 0 when the log is empty (GetOldestEventLogRecord)."""
        with self._lock:
            records = self._records()
        return records[0].record_number if records else 0

    def read(
        self, *, forwards: bool, record_number: int | None = None, limit: int = BATCH
    ) -> list[EventRecord]:
        """The next records in the direction asked, from a record number or the last read.

        A seek starts at ``record_number``; a sequential read goes on from the last read (the
        first starts at the oldest record, or the newest).

        Raises:
            Win32Error: ERROR_HANDLE_EOF at the end of the log; ERROR_INVALID_PARAMETER for a
                record number the log does not hold; ERROR_INVALID_HANDLE once closed.
        """
        with self._lock:
            return self._read(forwards, record_number, limit)

    def _read(self, forwards: bool, record_number: int | None, limit: int) -> list[EventRecord]:
        records = self._records()
        if record_number is not None:
            start = _index_of(records, record_number)
            if start is None:
                raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"no record {record_number}")
        elif self._position is None:
            start = 0 if forwards else len(records) - 1
        else:
            start = _index_at(records, self._position, forwards)
        if forwards:
            batch = records[start : start + limit] if start >= 0 else []
        else:
            batch = records[max(0, start - limit + 1) : start + 1][::-1] if start >= 0 else []
        if not batch:
            raise Win32Error.from_code(ERROR_HANDLE_EOF, "the end of the event log")
        self._position = batch[-1].record_number + (1 if forwards else -1)
        return batch

    def clear(self, backup: str | None = None) -> None:
        """Empty the log, first copying it to ``backup`` if given (ClearEventLog).

        Raises:
            Win32Error: ERROR_INVALID_HANDLE on a backup (or closed) log;
                ERROR_ALREADY_EXISTS if ``backup`` exists.
        """
        self._check_live()
        clear_events(self.log, backup)

    def backup(self, path: str) -> None:
        """Copy the log (a backup too) to ``path``: ERROR_ALREADY_EXISTS if it exists."""
        with self._lock:
            self._records()  # ERROR_INVALID_HANDLE once closed
        backup_events(self._path, path)

    def report(
        self,
        event_id: int,
        strings: Sequence[str] = (),
        *,
        event_type: int = EVENTLOG_INFORMATION_TYPE,
        category: int = 0,
        data: bytes = b"",
        sid: str | None = None,
    ) -> EventRecord:
        """Write a record under the source's name (ReportEvent); safe across processes."""
        self._check_live()
        for text in strings:
            if not isinstance(text, str):
                raise TypeError(f"an insert is a str, not {type(text).__name__}")
        return append_event(
            self.source, event_type, event_id, tuple(strings),
            log=self.log, category=category, data=data, sid=sid,
        )  # fmt: skip

    def notify(self, event: _Settable) -> None:
        """Set ``event`` whenever a record is written to the log, until the reader closes.

        The watcher thread sets it (within :data:`POLL_SECONDS`); any process's writes count.
        """
        self._check_live()
        _watcher.add(self, str(self._path), event)

    def close(self) -> None:
        """Close the handle; its watches end. A second close does nothing."""
        self._closed = True
        _watcher.remove(self)

    close_on_last_handle = close  # the kernel's handle table closes it with its last handle

    def _check_live(self) -> None:
        if self._closed or self.is_backup:
            raise Win32Error.from_code(ERROR_INVALID_HANDLE, "not a live event log handle")


def _index_of(records: list[EventRecord], number: int) -> int | None:
    for index, record in enumerate(records):
        if record.record_number == number:
            return index
    return None


def _index_at(records: list[EventRecord], number: int, forwards: bool) -> int:
    """Where a sequential read at ``number`` starts: -1 (or past the end) if none is left."""
    if forwards:
        for index, record in enumerate(records):
            if record.record_number >= number:
                return index
        return len(records)
    for index in range(len(records) - 1, -1, -1):
        if records[index].record_number <= number:
            return index
    return -1


class _Watcher:
    """The process's watcher thread and what it watches, under ``_lock``."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._watches: dict[int, tuple[EventLog, str, list[_Settable]]] = {}
        self._thread: threading.Thread | None = None
        self._wake = threading.Event()
        self._seen: dict[str, tuple[int, int, int] | None] = {}  # each path's last state

    def add(self, reader: EventLog, path: str, event: _Settable) -> None:
        with self._lock:
            entry = self._watches.setdefault(id(reader), (reader, path, []))
            entry[2].append(event)
            if path not in self._seen:  # a write from now on is a change
                self._seen[path] = _state(path)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="apartment-eventlog-watch", daemon=True
                )
                self._thread.start()

    def remove(self, reader: EventLog) -> None:
        with self._lock:
            self._watches.pop(id(reader), None)

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._watches:
                    self._thread = None
                    self._seen.clear()
                    return
                watches = [(path, list(events)) for _, path, events in self._watches.values()]
            for path in {path for path, _ in watches}:
                state = _state(path)
                with self._lock:
                    changed, self._seen[path] = self._seen.get(path) != state, state
                if changed and state is not None:
                    for watched, events in watches:
                        if watched == path:
                            for event in events:
                                event.set()
            self._wake.wait(POLL_SECONDS)


def _state(path: str) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


_watcher = _Watcher()
