"""Contract: win32evtlog and win32evtlogutil, the classic event log.

Records written (ReportEvent) and read back (ReadEventLog, sequentially or from a record
number, forwards or backwards), counts, backups, clearing, change notification across
processes, and the error codes Windows gives (Wine's advapi32 tests say which). On the facade
the logs are the test's own files; on the oracle, Wine's event log is a stub that keeps no
records (ReportEvent only traces it), so what needs a record is marked ``wine_differs``.
"""

import os
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import pywintypes
import win32api
import win32event
import win32evtlog
import win32evtlogutil
import win32process
import win32security
import winerror

from ._wine import wine_differs

SOURCE = f"ApartmentContract{os.getpid()}"
BACKWARDS = win32evtlog.EVENTLOG_BACKWARDS_READ | win32evtlog.EVENTLOG_SEQUENTIAL_READ
FORWARDS = win32evtlog.EVENTLOG_FORWARDS_READ | win32evtlog.EVENTLOG_SEQUENTIAL_READ
SEEK_FORWARDS = win32evtlog.EVENTLOG_FORWARDS_READ | win32evtlog.EVENTLOG_SEEK_READ
SEEK_BACKWARDS = win32evtlog.EVENTLOG_BACKWARDS_READ | win32evtlog.EVENTLOG_SEEK_READ
NO_RECORDS = "Wine's event log is a stub: it keeps no records (ReportEvent only traces it)"
EXIT_MS = 30_000  # safety net only: a child Python may take a while to start


@pytest.fixture(autouse=True)
def _own_log(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the facade: event logs and a user registry of the test's own (Windows ignores them)."""
    monkeypatch.setenv("APARTMENT_EVENTLOG", str(tmp_path / "eventlog.jsonl"))
    monkeypatch.setenv("APARTMENT_USER_REGISTRY", str(tmp_path / "user-registry.sqlite3"))


@pytest.fixture
def log() -> Iterator[Any]:
    handle = win32evtlog.OpenEventLog(None, "Application")
    yield handle
    handle.Close()


def _code(call: Any, *args: Any) -> int:
    with pytest.raises(pywintypes.error) as excinfo:
        call(*args)
    code: int = excinfo.value.winerror
    return code


def _my_sid() -> Any:
    token = win32security.OpenProcessToken(win32api.GetCurrentProcess(), 0x8)  # TOKEN_QUERY
    return win32security.GetTokenInformation(token, win32security.TokenUser)[0]


def _newest(handle: Any) -> Any:
    newest = win32evtlog.GetOldestEventLogRecord(handle)
    newest += win32evtlog.GetNumberOfEventLogRecords(handle) - 1
    return win32evtlog.ReadEventLog(handle, SEEK_BACKWARDS, newest)[0]


def _drain(handle: Any, flags: int) -> int:
    total = 0
    while records := win32evtlog.ReadEventLog(handle, flags, 0):
        total += len(records)
    return total


def test_open_event_log_gives_an_evtlog_handle(log: Any) -> None:
    assert repr(log).startswith("<PyEVTLOG_HANDLE:")
    assert win32evtlog.GetNumberOfEventLogRecords(log) >= 0
    assert win32evtlog.GetOldestEventLogRecord(log) >= 0


def test_reading_at_the_end_gives_an_empty_list(log: Any) -> None:
    # ERROR_HANDLE_EOF (38) ends the log; pywin32 returns [] for it rather than raise
    _drain(log, BACKWARDS)
    assert win32evtlog.ReadEventLog(log, BACKWARDS, 0) == []


def test_register_event_source_returns_a_plain_int() -> None:
    source = win32evtlog.RegisterEventSource(None, SOURCE)
    assert type(source) is int
    win32evtlog.DeregisterEventSource(source)


def test_an_unknown_log_opens_application() -> None:
    handle = win32evtlog.OpenEventLog(None, "ApartmentNoSuchLog")
    app = win32evtlog.OpenEventLog(None, "Application")
    assert win32evtlog.GetNumberOfEventLogRecords(handle) == win32evtlog.GetNumberOfEventLogRecords(
        app
    )
    handle.Close()
    app.Close()


@wine_differs(NO_RECORDS)
def test_a_reported_event_reads_back_with_its_fields(log: Any) -> None:
    sid = _my_sid()
    win32evtlogutil.ReportEvent(
        SOURCE, 0xC0000102, eventCategory=3, eventType=win32evtlog.EVENTLOG_WARNING_TYPE,
        strings=["first", "second"], data=b"Raw\0Data", sid=sid,
    )  # fmt: skip
    record = _newest(log)
    assert record.SourceName == SOURCE
    assert record.EventID & 0xFFFFFFFF == 0xC0000102  # the severity bits kept
    assert record.EventType == win32evtlog.EVENTLOG_WARNING_TYPE
    assert record.EventCategory == 3
    assert record.StringInserts == ("first", "second")
    assert record.Data == b"Raw\0Data"
    assert record.Sid == sid
    assert record.ComputerName.lower() == win32api.GetComputerName().lower()
    assert record.TimeWritten >= record.TimeGenerated
    assert isinstance(record.TimeGenerated.Format(), str)


@wine_differs(NO_RECORDS)
def test_no_inserts_read_back_as_none(log: Any) -> None:
    win32evtlogutil.ReportEvent(SOURCE, 7, strings=None)
    record = _newest(log)
    assert record.StringInserts is None
    assert record.Sid is None
    assert record.Data == b""


@wine_differs(NO_RECORDS)
def test_record_numbers_increase_and_a_seek_reads_from_one(log: Any) -> None:
    for event_id in (1, 2, 3):
        win32evtlogutil.ReportEvent(SOURCE, event_id, strings=[str(event_id)])
    newest = _newest(log).RecordNumber
    assert newest == win32evtlog.GetOldestEventLogRecord(log) + (
        win32evtlog.GetNumberOfEventLogRecords(log) - 1
    )
    back = win32evtlog.ReadEventLog(log, SEEK_BACKWARDS, newest)
    assert [r.RecordNumber for r in back[:3]] == [newest, newest - 1, newest - 2]
    forth = win32evtlog.ReadEventLog(log, SEEK_FORWARDS, newest - 2)
    assert [r.EventID for r in forth[:3]] == [1, 2, 3]


@wine_differs(NO_RECORDS)
def test_sequential_reads_see_every_record_once(log: Any) -> None:
    for event_id in (11, 12):
        win32evtlogutil.ReportEvent(SOURCE, event_id)
    count = win32evtlog.GetNumberOfEventLogRecords(log)
    assert _drain(log, BACKWARDS) == count
    other = win32evtlog.OpenEventLog(None, "Application")
    assert _drain(other, FORWARDS) == count
    win32evtlogutil.ReportEvent(SOURCE, 13)  # a forwards reader sees what comes later
    assert [r.EventID for r in win32evtlog.ReadEventLog(other, FORWARDS, 0)] == [13]
    other.Close()


@wine_differs(NO_RECORDS)
def test_a_seek_to_a_record_the_log_lacks_is_invalid_parameter(log: Any) -> None:
    win32evtlogutil.ReportEvent(SOURCE, 1)
    past = _newest(log).RecordNumber + 1000
    assert _code(win32evtlog.ReadEventLog, log, SEEK_FORWARDS, past) == 87


@pytest.mark.parametrize(
    "flags",
    [
        0,
        win32evtlog.EVENTLOG_SEQUENTIAL_READ,
        win32evtlog.EVENTLOG_SEEK_READ,
        BACKWARDS | win32evtlog.EVENTLOG_FORWARDS_READ,
        SEEK_FORWARDS | win32evtlog.EVENTLOG_BACKWARDS_READ,
        SEEK_FORWARDS | win32evtlog.EVENTLOG_SEQUENTIAL_READ,
    ],
)
@wine_differs("Wine's ReadEventLog does not check the flags (todo_wine in its tests)")
def test_bad_read_flags_are_invalid_parameter(log: Any, flags: int) -> None:
    assert _code(win32evtlog.ReadEventLog, log, flags, 0) == winerror.ERROR_INVALID_PARAMETER


@wine_differs("Wine's ReadEventLog does not check the flags (todo_wine in its tests)")
def test_the_flags_are_checked_before_the_handle() -> None:
    assert _code(win32evtlog.ReadEventLog, 0, 0, 0) == winerror.ERROR_INVALID_PARAMETER


@wine_differs("Wine's ReadEventLog does not check the handle (todo_wine in its tests)")
def test_reading_a_null_handle_is_invalid_handle() -> None:
    assert _code(win32evtlog.ReadEventLog, 0, BACKWARDS, 0) == winerror.ERROR_INVALID_HANDLE


def test_counting_a_null_handle_is_invalid_handle() -> None:
    for call in (win32evtlog.GetNumberOfEventLogRecords, win32evtlog.GetOldestEventLogRecord):
        assert _code(call, 0) == winerror.ERROR_INVALID_HANDLE


def test_clearing_a_null_handle_is_invalid_handle() -> None:
    assert _code(win32evtlog.ClearEventLog, 0, None) == winerror.ERROR_INVALID_HANDLE


@wine_differs("Wine's CloseEventLog does not fail on a closed handle (todo_wine in its tests)")
def test_closing_twice_is_invalid_handle() -> None:
    handle = win32evtlog.OpenEventLog(None, "Application")
    value = handle.Detach()
    win32evtlog.CloseEventLog(value)
    assert _code(win32evtlog.CloseEventLog, value) == winerror.ERROR_INVALID_HANDLE


def test_another_server_is_unavailable() -> None:
    code = _code(win32evtlog.OpenEventLog, "ApartmentNoSuchServer", "Application")
    assert code in (1722, 1707)  # RPC_S_SERVER_UNAVAILABLE, RPC_S_INVALID_NET_ADDR (Vista, 7)


def test_an_empty_server_name_is_this_computer() -> None:
    win32evtlog.OpenEventLog("", "Application").Close()


def test_wrong_types_raise_type_error(log: Any) -> None:
    with pytest.raises(TypeError):
        win32evtlog.OpenEventLog(None, 5)
    with pytest.raises(TypeError):
        win32evtlog.ReadEventLog("x", BACKWARDS, 0)


def test_a_missing_backup_is_file_not_found(tmp_path: Any) -> None:
    missing = str(tmp_path / "nope.evt")
    assert _code(win32evtlog.OpenBackupEventLog, None, missing) == winerror.ERROR_FILE_NOT_FOUND


@wine_differs("Wine's BackupEventLog is a stub that writes no file (todo_wine in its tests)")
def test_a_backup_reads_like_the_log_and_is_not_overwritten(log: Any, tmp_path: Any) -> None:
    win32evtlogutil.ReportEvent(SOURCE, 21, strings=["kept"])
    backup = str(tmp_path / "backup.evt")
    win32evtlog.BackupEventLog(log, backup)
    assert _code(win32evtlog.BackupEventLog, log, backup) == winerror.ERROR_ALREADY_EXISTS
    opened = win32evtlog.OpenBackupEventLog(None, backup)
    count = win32evtlog.GetNumberOfEventLogRecords(log)
    assert win32evtlog.GetNumberOfEventLogRecords(opened) == count
    assert win32evtlog.ReadEventLog(opened, BACKWARDS, 0)[0].StringInserts == ("kept",)
    # a backup can be backed up, not cleared
    win32evtlog.BackupEventLog(opened, str(tmp_path / "backup2.evt"))
    assert _code(win32evtlog.ClearEventLog, opened, None) == winerror.ERROR_INVALID_HANDLE
    win32evtlog.CloseEventLog(opened)


@wine_differs(NO_RECORDS)
def test_clearing_empties_the_log_and_the_numbers_go_on(log: Any, tmp_path: Any) -> None:
    win32evtlogutil.ReportEvent(SOURCE, 31)
    last = _newest(log).RecordNumber
    backup = str(tmp_path / "cleared.evt")
    win32evtlog.ClearEventLog(log, backup)
    assert win32evtlog.GetNumberOfEventLogRecords(log) == 0
    assert win32evtlog.ReadEventLog(log, BACKWARDS, 0) == []
    saved = win32evtlog.OpenBackupEventLog(None, backup)
    assert win32evtlog.ReadEventLog(saved, BACKWARDS, 0)[0].EventID == 31
    saved.Close()
    assert _code(win32evtlog.ClearEventLog, log, backup) == winerror.ERROR_ALREADY_EXISTS
    win32evtlogutil.ReportEvent(SOURCE, 32)
    assert _newest(log).RecordNumber > last  # Vista SP1 and later go on numbering


@wine_differs(NO_RECORDS)
def test_an_open_event_log_handle_reports_under_its_name() -> None:
    handle = win32evtlog.OpenEventLog(None, SOURCE)  # no such log: Application
    win32evtlog.ReportEvent(handle, win32evtlog.EVENTLOG_ERROR_TYPE, 0, 41, None, ["x"], None)
    assert _newest(handle).SourceName == SOURCE
    source = win32evtlog.RegisterEventSource(None, SOURCE)  # and a source's handle reads
    assert win32evtlog.GetNumberOfEventLogRecords(source) >= 1
    win32evtlog.DeregisterEventSource(source)
    handle.Close()


@wine_differs(NO_RECORDS)
def test_safe_format_message_falls_back_to_the_inserts(log: Any) -> None:
    win32evtlogutil.RemoveSourceFromRegistry(SOURCE)  # not registered: no message file
    win32evtlogutil.ReportEvent(SOURCE, 0x40000005, strings=["one", "two"])
    text = win32evtlogutil.SafeFormatMessage(_newest(log), "Application")
    assert text == (
        f"<The description for Event ID ( 5 ) in Source ( {SOURCE!r} ) could not be found. "
        "It contains the following insertion string(s):'one, two'.>"
    )
    with pytest.raises(win32api.error):
        win32evtlogutil.FormatMessage(_newest(log), "Application")


def _python(code: str) -> str:
    return f'"{sys.executable}" -c "{code}"'


def _run_child(code: str) -> Any:
    process, thread, _, _ = win32process.CreateProcess(
        None, _python(code), None, None, False, 0, None, None, win32process.STARTUPINFO()
    )
    thread.Close()
    return process


@wine_differs(NO_RECORDS)
def test_a_record_from_another_process_wakes_a_watcher_and_reads_back(log: Any) -> None:
    changed = win32event.CreateEvent(None, True, False, None)
    win32evtlog.NotifyChangeEventLog(log, changed)
    process = _run_child(
        f"import win32evtlogutil; win32evtlogutil.ReportEvent('{SOURCE}', 51, strings=['child'])"
    )
    try:
        assert win32event.WaitForSingleObject(process, EXIT_MS) == win32event.WAIT_OBJECT_0
        assert win32process.GetExitCodeProcess(process) == 0
        assert win32event.WaitForSingleObject(changed, EXIT_MS) == win32event.WAIT_OBJECT_0
    finally:
        process.Close()
    record = _newest(log)
    assert (record.SourceName, record.EventID, record.StringInserts) == (SOURCE, 51, ("child",))


@wine_differs(NO_RECORDS)
def test_a_registered_service_source_formats_the_service_messages(log: Any) -> None:
    import servicemanager

    servicemanager.SetEventSourceName(SOURCE, True)  # registers it, servicemanager's messages
    try:
        servicemanager.LogMsg(
            servicemanager.EVENTLOG_INFORMATION_TYPE,
            servicemanager.PYS_SERVICE_STARTED,
            (SOURCE, ""),
        )
        record = _newest(log)
        assert record.SourceName == SOURCE
        text = win32evtlogutil.SafeFormatMessage(record, "Application")
        assert text == f"The {SOURCE} service has started."
    finally:
        win32evtlogutil.RemoveSourceFromRegistry(SOURCE)
