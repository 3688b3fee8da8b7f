"""The event logs (Application, System, Security): what services and programs report.

Windows keeps them in the event log service; here each log is a per-user file of JSON lines,
shared by the user's processes. The Application log is ``$APARTMENT_EVENTLOG``; else
``eventlog.jsonl`` beside the class registry when ``$APARTMENT_REGISTRY`` names one (a test's
files stay together); else ``$XDG_STATE_HOME/apartment/eventlog.jsonl`` (``~/.local/state``).
Another log is a file beside it, ``eventlog-system.jsonl``. A record is appended under an
exclusive ``flock`` of the file (its record number is the last one's plus one) with one
``write``, so processes that log at once never interleave or share a number. Read a log with
:func:`read_events` (``python -m apartment events`` prints it) or an
:class:`~apartment.services.EventLog`.

A record's text is its message (from the source's message table: pywin32's service messages
are the one table known here) with the inserts put in, as the Event Viewer shows it.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..errors import ERROR_ALREADY_EXISTS, Win32Error
from ..kernel import computer_name

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "EVENTLOG_ERROR_TYPE", "EVENTLOG_WARNING_TYPE", "EVENTLOG_INFORMATION_TYPE",
    "EVENTLOG_AUDIT_SUCCESS", "EVENTLOG_AUDIT_FAILURE",
    "PYS_SERVICE_STARTING", "PYS_SERVICE_STARTED", "PYS_SERVICE_STOPPING",
    "PYS_SERVICE_STOPPED", "MSG_INFO", "MSG_ERROR",
    "EventRecord", "event_log_path", "format_event", "append_event", "read_events",
    "LOGS", "log_name", "log_path", "parse_records", "clear_events", "backup_events",
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


LOGS = ("Application", "System", "Security")
"""The logs every system has; a name not among them opens Application, as on Windows."""


class EventRecord(NamedTuple):
    """One record of an event log: EVENTLOGRECORD's fields, and the text and writer's pid."""

    time: float  # seconds since the epoch: TimeGenerated
    source: str
    event_type: int  # EVENTLOG_*
    event_id: int  # with its severity, customer and facility bits
    strings: tuple[str, ...]  # the inserts
    text: str  # the message with the inserts put in
    pid: int
    record_number: int = 0  # 1, 2, ... in its log (restarts at 1 when the log is cleared)
    time_written: float = 0.0
    category: int = 0
    computer: str = ""
    data: bytes = b""
    sid: str | None = None  # the user's SID as text (S-1-...), if the writer gave one
    log: str = "Application"

    @property
    def type_name(self) -> str:
        """``Info``, ``Warning`` or ``Error``; ``Message`` for the audit types (pywin32's)."""
        return _TYPE_NAMES.get(self.event_type, "Message")


def log_name(name: str) -> str:
    """The log that ``name`` opens: a known log's own spelling, else Application."""
    if not isinstance(name, str):
        raise TypeError(f"a log name is a str, not {type(name).__name__}")
    for known in LOGS:
        if known.lower() == name.lower():
            return known
    return "Application"


def log_path(log: str = "Application") -> Path:
    """The file of the log ``log`` (see :func:`log_name`), read from the environment."""
    application = event_log_path()
    name = log_name(log)
    if name == "Application":
        return application
    return application.with_name(f"{application.stem}-{name.lower()}{application.suffix}")


def event_log_path() -> Path:
    """The Application log's file, read from the environment at every call."""
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


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[int]:
    """The log's file, opened for appending and locked against the other writers."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)  # releases the lock


def _last_number(fd: int) -> int:
    """The record number of the file's last record (0 if none), read from its tail."""
    size = os.fstat(fd).st_size
    if not size:
        return 0
    tail = os.pread(fd, min(size, 1 << 16), max(0, size - (1 << 16)))
    for line in reversed(tail.splitlines()):
        try:
            number = json.loads(line).get("record_number")
        except (ValueError, AttributeError):
            continue
        if isinstance(number, int) and number > 0:
            return number
        break  # a line of the old format (no numbers): count them
    return len(parse_records(os.pread(fd, size, 0).decode("utf-8", "replace"), "Application"))


def append_event(
    source: str,
    event_type: int,
    event_id: int,
    strings: tuple[str, ...],
    *,
    log: str = "Application",
    category: int = 0,
    data: bytes = b"",
    sid: str | None = None,
) -> EventRecord:
    """Append a record to ``log`` (Application by default) and return it.

    A message no table holds is logged with the inserts as its text, as the Event Viewer
    shows them beside "the description cannot be found". Safe across threads and processes:
    the file is locked while the number is chosen and the line written.
    """
    text = format_event(event_id, strings)
    if text is None:
        text = "; ".join(strings)
    name = log_name(log)
    now = time.time()
    with _locked(log_path(name)) as fd:
        record = EventRecord(
            now, source, event_type, event_id & 0xFFFFFFFF, tuple(strings), text, os.getpid(),
            _last_number(fd) + 1, time.time(), category & 0xFFFF, computer_name(),
            bytes(data), sid, name,
        )  # fmt: skip
        fields = record._asdict()
        fields["data"] = record.data.hex()
        os.write(fd, (json.dumps(fields, ensure_ascii=False) + "\n").encode())
    return record


def parse_records(text: str, log: str) -> list[EventRecord]:
    """The records of a log file's text, oldest first; lines cut short by a crash skipped.

    Lines of the first format (no record numbers) are numbered by their place.
    """
    records: list[EventRecord] = []
    for line in text.splitlines():
        try:
            fields = json.loads(line)
            fields["strings"] = tuple(fields["strings"])  # KeyError for the cleared mark
            fields["data"] = bytes.fromhex(fields.get("data", ""))
            fields.setdefault("log", log)
            if not fields.get("record_number"):
                fields["record_number"] = records[-1].record_number + 1 if records else 1
            fields.setdefault("time_written", fields["time"])
            record = EventRecord(**fields)
        except (ValueError, TypeError, KeyError):
            continue
        records.append(record)
    return records


def read_events(source: str | None = None, *, log: str = "Application") -> list[EventRecord]:
    """A log's records, oldest first (only ``source``'s if given); [] if there is no log."""
    try:
        text = log_path(log).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [r for r in parse_records(text, log_name(log)) if source is None or r.source == source]


def backup_events(path: str | os.PathLike[str], backup: str | os.PathLike[str]) -> None:
    """Copy the log file ``path`` (a log's, or a backup) to the new file ``backup``.

    Raises:
        Win32Error: ERROR_ALREADY_EXISTS if ``backup`` exists.
    """
    with _locked(Path(path)) as fd:
        _write_backup(fd, backup)


def clear_events(log: str, backup: str | os.PathLike[str] | None = None) -> None:
    """Empty ``log``, first copying it to ``backup`` if given.

    The numbering goes on (as on Windows since Vista SP1): a line that is no record keeps
    the last number for the next writer.
    """
    with _locked(log_path(log)) as fd:
        if backup is not None:
            _write_backup(fd, backup)
        last = _last_number(fd)
        os.ftruncate(fd, 0)
        if last:
            os.write(fd, (json.dumps({"cleared": True, "record_number": last}) + "\n").encode())


def _write_backup(fd: int, backup: str | os.PathLike[str]) -> None:
    try:
        out = os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise Win32Error.from_code(ERROR_ALREADY_EXISTS, os.fspath(backup)) from None
    with open(out, "wb") as target, open(os.dup(fd), "rb") as source:
        source.seek(0)
        shutil.copyfileobj(source, target)
