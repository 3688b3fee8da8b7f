"""win32evtlog: the classic event log API over :mod:`apartment.services`' event logs.

Every handle is an :class:`~apartment.services.EventLog` in the kernel's handle table, as on
Windows, where OpenEventLog's and RegisterEventSource's handles are one kind (either reads
and reports); RegisterEventSource's comes back as a plain int, as pywin32 returns it. The
``Evt*`` functions (Windows Vista's API: queries, rendering, subscriptions) are in
:mod:`._api_evt`, their constants in :mod:`._evt_constants`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import ERROR_HANDLE_EOF, ERROR_INVALID_PARAMETER, RPC_S_SERVER_UNAVAILABLE, Win32Error
from ..kernel import Event, computer_name, handles
from ..services import EventLog, EventRecord
from . import _api_evt, _evt_constants
from ._adapt import api, dword
from ._api_evt import *  # noqa: F403 - the Evt* functions are part of this module
from ._evt_constants import *  # noqa: F403 - and their constants
from ._handles import PyHANDLE, handle_value, lookup
from ._security import PySID, sid_from_string, sid_to_string
from ._timeconv import pywin32_utc
from .pywintypes import TimeType
from .pywintypes import error as error

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "EVENTLOG_SEQUENTIAL_READ", "EVENTLOG_SEEK_READ", "EVENTLOG_FORWARDS_READ",
    "EVENTLOG_BACKWARDS_READ", "EVENTLOG_SUCCESS", "EVENTLOG_ERROR_TYPE",
    "EVENTLOG_WARNING_TYPE", "EVENTLOG_INFORMATION_TYPE", "EVENTLOG_AUDIT_SUCCESS",
    "EVENTLOG_AUDIT_FAILURE", "PyEVTLOG_HANDLE", "PyEventLogRecord", "error",
    "OpenEventLog", "OpenBackupEventLog", "CloseEventLog", "ReadEventLog",
    "GetNumberOfEventLogRecords", "GetOldestEventLogRecord", "ClearEventLog", "BackupEventLog",
    "RegisterEventSource", "DeregisterEventSource", "ReportEvent", "NotifyChangeEventLog",
    *_api_evt.__all__, *_evt_constants.__all__,
]  # fmt: skip

EVENTLOG_SEQUENTIAL_READ = 0x1
EVENTLOG_SEEK_READ = 0x2
EVENTLOG_FORWARDS_READ = 0x4
EVENTLOG_BACKWARDS_READ = 0x8
EVENTLOG_SUCCESS = 0x0
EVENTLOG_ERROR_TYPE = 0x1
EVENTLOG_WARNING_TYPE = 0x2
EVENTLOG_INFORMATION_TYPE = 0x4
EVENTLOG_AUDIT_SUCCESS = 0x8
EVENTLOG_AUDIT_FAILURE = 0x10


class PyEVTLOG_HANDLE(PyHANDLE):  # noqa: N801 - pywin32's type name
    """A log handle: closing it is CloseEventLog."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<PyEVTLOG_HANDLE:{self.handle}>"


class PyEventLogRecord:
    """One record as ReadEventLog returns it (EVENTLOGRECORD's fields, pywin32's names)."""

    __slots__ = (
        "ClosingRecordNumber",
        "ComputerName",
        "Data",
        "EventCategory",
        "EventID",
        "EventType",
        "RecordNumber",
        "Reserved",
        "ReservedFlags",
        "Sid",
        "SourceName",
        "StringInserts",
        "TimeGenerated",
        "TimeWritten",
    )  # fmt: skip

    def __init__(self, record: EventRecord) -> None:
        self.Reserved = 0x654C664C  # "LfLe", EVENTLOGRECORD's signature
        self.RecordNumber = record.record_number
        self.TimeGenerated = _time(record.time)
        self.TimeWritten = _time(record.time_written)
        self.EventID = record.event_id
        self.EventType = record.event_type
        self.EventCategory = record.category
        self.ReservedFlags = 0
        self.ClosingRecordNumber = 0
        self.SourceName = record.source
        self.StringInserts = record.strings or None  # pywin32: None when there are none
        self.Sid = sid_from_string(record.sid) if record.sid else None
        self.Data = record.data
        self.ComputerName = record.computer


def _time(seconds: float) -> TimeType:
    # whole seconds (EVENTLOGRECORD's are), aware and in UTC as pywin32's FILETIME times
    return TimeType.fromtimestamp(int(seconds), pywin32_utc())


def _log_name(name: object) -> str:
    if not isinstance(name, str):
        kind = type(name).__name__
        raise TypeError(f"Objects of type '{kind}' can not be converted to Unicode.")
    return name


def _reader(handle: object) -> EventLog:
    return lookup(handle, EventLog)


def _local(server: object) -> None:
    """Only this computer's logs are reachable: another server is not found."""
    if server is not None and _log_name(server) not in ("", computer_name()):
        raise Win32Error.from_code(RPC_S_SERVER_UNAVAILABLE, f"event log server {server!r}")


@api("OpenEventLogW")
def OpenEventLog(ServerName: str | None, SourceName: str, /) -> PyEVTLOG_HANDLE:
    """Open a log (Application, System, Security; an unknown name opens Application)."""
    name = _log_name(SourceName)
    _local(ServerName)
    return PyEVTLOG_HANDLE(handles.insert(EventLog(name)))


@api("OpenBackupEventLogW")
def OpenBackupEventLog(ServerName: str | None, FileName: str, /) -> PyEVTLOG_HANDLE:
    """Open a backup file that BackupEventLog or ClearEventLog wrote."""
    name = _log_name(FileName)
    _local(ServerName)
    return PyEVTLOG_HANDLE(handles.insert(EventLog(backup=name)))


@api("CloseEventLog")
def CloseEventLog(Handle: object, /) -> None:
    _reader(Handle)
    if isinstance(Handle, PyHANDLE):
        Handle.Close()
    else:
        handles.close(handle_value(Handle))


@api("ReadEventLog")
def ReadEventLog(
    Handle: object, Flags: int, Offset: int, Size: int = 0x10000, /
) -> list[PyEventLogRecord]:
    """The next records; [] at the end of the log (pywin32 turns ERROR_HANDLE_EOF into [])."""
    flags, offset = dword(Flags), dword(Offset)
    seek, sequential = flags & EVENTLOG_SEEK_READ, flags & EVENTLOG_SEQUENTIAL_READ
    forwards, backwards = flags & EVENTLOG_FORWARDS_READ, flags & EVENTLOG_BACKWARDS_READ
    if bool(seek) == bool(sequential) or bool(forwards) == bool(backwards):
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "ReadEventLog's flags")
    try:  # the flags are checked before the handle, as on Windows
        records = _reader(Handle).read(
            forwards=bool(forwards), record_number=offset if seek else None
        )
    except Win32Error as failure:
        if failure.winerror == ERROR_HANDLE_EOF:
            return []
        raise
    return [PyEventLogRecord(record) for record in records]


@api("GetNumberOfEventLogRecords")
def GetNumberOfEventLogRecords(Handle: object, /) -> int:
    return _reader(Handle).count()


@api("GetOldestEventLogRecord")
def GetOldestEventLogRecord(Handle: object, /) -> int:
    return _reader(Handle).oldest()


@api("ClearEventLogW")
def ClearEventLog(Handle: object, BackupFileName: str | None, /) -> None:
    reader = _reader(Handle)
    reader.clear(None if BackupFileName is None else _log_name(BackupFileName))


@api("BackupEventLogW")
def BackupEventLog(Handle: object, BackupFileName: str, /) -> None:
    _reader(Handle).backup(_log_name(BackupFileName))


@api("RegisterEventSourceW")
def RegisterEventSource(ServerName: str | None, SourceName: str, /) -> int:
    """A handle reporting under ``SourceName``, a plain int as pywin32 returns it."""
    name = _log_name(SourceName)
    _local(ServerName)
    return handles.insert(EventLog.for_source(name))


@api("DeregisterEventSource")
def DeregisterEventSource(Handle: object, /) -> None:
    _reader(Handle)
    handles.close(handle_value(Handle))


@api("ReportEventW")
def ReportEvent(
    EventLog: object,
    Type: int,
    Category: int,
    EventID: int,
    UserSid: PySID | None,
    Strings: Sequence[str] | None,
    RawData: bytes | None,
    /,
) -> None:
    log = _reader(EventLog)
    if UserSid is not None and not isinstance(UserSid, PySID):
        raise TypeError("The object is not a PySID object")
    if RawData is not None and not isinstance(RawData, (bytes, bytearray, memoryview)):
        raise TypeError(f"a bytes-like object is required, not '{type(RawData).__name__}'")
    log.report(
        dword(EventID),
        () if Strings is None else list(Strings),
        event_type=dword(Type) & 0xFFFF,
        category=dword(Category) & 0xFFFF,
        data=b"" if RawData is None else bytes(RawData),
        sid=None if UserSid is None else sid_to_string(UserSid),
    )


@api("NotifyChangeEventLog")
def NotifyChangeEventLog(EventLog: object, Event_: object, /) -> None:
    """Set the event when a record is written to the log (by any process), until closed."""
    _reader(EventLog).notify(lookup(Event_, Event))
