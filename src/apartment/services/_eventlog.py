"""The Application event log: what services report (ReportEvent), kept in a file we can read.

Windows keeps it in the event log service; here it is a per-user file of JSON lines,
``$APARTMENT_EVENTLOG``; else ``eventlog.jsonl`` beside the class registry when
``$APARTMENT_REGISTRY`` names one (a test's files stay together); else
``$XDG_STATE_HOME/apartment/eventlog.jsonl`` (``~/.local/state``). A record is appended with
one ``write`` to a file opened ``O_APPEND``, so processes that log at once never interleave.
Read it with :func:`read_events` (``python -m apartment events`` prints it).

A record's text is its message (from the source's message table: pywin32's service messages
are the one table known here) with the inserts put in, as the Event Viewer shows it.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "EVENTLOG_ERROR_TYPE", "EVENTLOG_WARNING_TYPE", "EVENTLOG_INFORMATION_TYPE",
    "EVENTLOG_AUDIT_SUCCESS", "EVENTLOG_AUDIT_FAILURE",
    "PYS_SERVICE_STARTING", "PYS_SERVICE_STARTED", "PYS_SERVICE_STOPPING",
    "PYS_SERVICE_STOPPED", "MSG_INFO", "MSG_ERROR",
    "EventRecord", "event_log_path", "format_event", "append_event", "read_events",
]  # fmt: skip

EVENTLOG_ERROR_TYPE = 0x1
EVENTLOG_WARNING_TYPE = 0x2
EVENTLOG_INFORMATION_TYPE = 0x4
EVENTLOG_AUDIT_SUCCESS = 0x8
EVENTLOG_AUDIT_FAILURE = 0x10

# pywin32's service message table (servicemanager's PythonServiceMessages): ids and texts.
PYS_SERVICE_STARTING = 0x40001000
PYS_SERVICE_STARTED = 0x40001002
PYS_SERVICE_STOPPING = 0x40001003
PYS_SERVICE_STOPPED = 0x40001004
MSG_INFO = 0x400000FF  # "%1": LogInfoMsg's
MSG_ERROR = 0xC00000FF  # LogErrorMsg's

_MESSAGES: dict[int, str] = {
    PYS_SERVICE_STARTING: "The %1 service is starting%2.",
    PYS_SERVICE_STARTED: "The %1 service has started%2.",
    PYS_SERVICE_STOPPING: "The %1 service is stopping%2.",
    PYS_SERVICE_STOPPED: "The %1 service has stopped%2.",
    MSG_INFO: "%1",
    MSG_ERROR: "%1",
    0xC0000003: "The instance's SvcRun() method failed%n%1%n%2: %3",
    0xC0000004: "Python could not import the service's module%n%1%n%2: %3",
    0xC0000005: "Python could find the service class in the module%n%1%n%2: %3",
    0xC0000006: (
        "An attempt was made to start the service '%1', but this service is not hosted in "
        "this process."
    ),
    0xC000000A: "Python could not construct the class instance%n%1%n%2: %3",
    0xC000000B: "The Python service control handler failed.%n%1%n%2: %3",
}
"""Message id -> text (FormatMessage's: ``%1``.. are the inserts, ``%n`` a line break)."""

_TYPE_NAMES = {
    EVENTLOG_ERROR_TYPE: "Error",
    EVENTLOG_WARNING_TYPE: "Warning",
    EVENTLOG_INFORMATION_TYPE: "Info",
}
_INSERT = re.compile(r"%(\d+)|%n|%%")


class EventRecord(NamedTuple):
    """One record of the event log."""

    time: float  # seconds since the epoch
    source: str
    event_type: int  # EVENTLOG_*
    event_id: int
    strings: tuple[str, ...]  # the inserts
    text: str  # the message with the inserts put in
    pid: int

    @property
    def type_name(self) -> str:
        """``Info``, ``Warning`` or ``Error``; ``Message`` for the audit types (pywin32's)."""
        return _TYPE_NAMES.get(self.event_type, "Message")


def event_log_path() -> Path:
    """The event log's file, read from the environment at every call."""
    explicit = os.environ.get("APARTMENT_EVENTLOG")
    if explicit:
        return Path(explicit).expanduser()
    classes = os.environ.get("APARTMENT_REGISTRY")
    if classes:
        return Path(classes).expanduser().with_name("eventlog.jsonl")
    state_home = os.environ.get("XDG_STATE_HOME", "")
    base = Path(state_home) if os.path.isabs(state_home) else Path.home() / ".local" / "state"
    return base / "apartment" / "eventlog.jsonl"


def format_event(event_id: int, strings: tuple[str, ...]) -> str | None:
    """The message ``event_id`` with ``strings`` inserted; None if no table holds it."""
    template = _MESSAGES.get(event_id & 0xFFFFFFFF)
    if template is None:
        return None

    def insert(match: re.Match[str]) -> str:
        number = match.group(1)
        if number is None:
            return "\n" if match.group() == "%n" else "%"
        index = int(number) - 1
        return strings[index] if index < len(strings) else match.group()

    return _INSERT.sub(insert, template)


def append_event(
    source: str, event_type: int, event_id: int, strings: tuple[str, ...]
) -> EventRecord:
    """Append a record to the log (one atomic write) and return it.

    A message no table holds is logged with the inserts as its text, as the Event Viewer
    shows them beside "the description cannot be found".
    """
    text = format_event(event_id, strings)
    if text is None:
        text = "; ".join(strings)
    record = EventRecord(
        time.time(), source, event_type, event_id & 0xFFFFFFFF, strings, text, os.getpid()
    )
    line = json.dumps(record._asdict(), ensure_ascii=False) + "\n"
    path = event_log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line.encode())
    finally:
        os.close(fd)
    return record


def read_events(source: str | None = None) -> list[EventRecord]:
    """The log's records, oldest first (only ``source``'s if given); [] if there is no log."""
    try:
        lines = event_log_path().read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    records = []
    for line in lines:
        try:
            fields = json.loads(line)
            record = EventRecord(**{**fields, "strings": tuple(fields["strings"])})
        except (ValueError, TypeError, KeyError):
            continue  # a line cut short by a crash: skipped
        if source is None or record.source == source:
            records.append(record)
    return records
