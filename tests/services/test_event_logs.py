"""The event logs' core: logs by name, record numbers, readers, clearing, watching."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from typing import TYPE_CHECKING

import pytest

from apartment import services
from apartment.errors import (
    ERROR_ALREADY_EXISTS,
    ERROR_FILE_NOT_FOUND,
    ERROR_HANDLE_EOF,
    ERROR_INVALID_HANDLE,
    ERROR_INVALID_PARAMETER,
    Win32Error,
)
from apartment.kernel import Event

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(autouse=True)
def _own_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APARTMENT_EVENTLOG", str(tmp_path / "eventlog.jsonl"))
    monkeypatch.setenv("APARTMENT_USER_REGISTRY", str(tmp_path / "user-registry.sqlite3"))


def _code(error: pytest.ExceptionInfo[Win32Error]) -> int:
    return error.value.winerror


def test_logs_by_name_have_files_and_numbers_of_their_own(tmp_path: Path) -> None:
    app = services.EventLog("Application", source="app")
    system = services.EventLog("system", source="sys")  # names are case-insensitive
    assert system.log == "System"
    assert [app.report(1).record_number, app.report(2).record_number] == [1, 2]
    assert system.report(3).record_number == 1
    assert services.log_path("System") == tmp_path / "eventlog-system.jsonl"
    assert services.EventLog("NoSuchLog").log == "Application"  # as Windows opens it
    assert [r.event_id for r in services.read_events(log="System")] == [3]


def test_a_record_keeps_windows_fields() -> None:
    log = services.EventLog(source="src")
    log.report(
        0xC0000005, ["a", "b"], event_type=services.EVENTLOG_WARNING_TYPE, category=7,
        data=b"\0raw", sid="S-1-5-21-1-2-3-1000",
    )  # fmt: skip
    (record,) = services.read_events()
    assert record.event_id == 0xC0000005
    assert (record.category, record.data, record.sid) == (7, b"\0raw", "S-1-5-21-1-2-3-1000")
    assert record.strings == ("a", "b")
    assert record.time_written >= record.time
    assert record.computer


def test_sequential_reads_go_on_and_end_with_eof() -> None:
    log = services.EventLog(source="s")
    for event_id in range(1, 6):
        log.report(event_id)
    reader = services.EventLog()
    assert [r.event_id for r in reader.read(forwards=False, limit=2)] == [5, 4]
    assert [r.event_id for r in reader.read(forwards=False)] == [3, 2, 1]
    with pytest.raises(Win32Error) as error:
        reader.read(forwards=False)
    assert _code(error) == ERROR_HANDLE_EOF
    assert [r.event_id for r in reader.read(forwards=True, record_number=4)] == [4, 5]
    log.report(6)  # a forwards reader at the end sees the next record
    assert [r.event_id for r in reader.read(forwards=True)] == [6]
    with pytest.raises(Win32Error) as error:
        reader.read(forwards=True, record_number=99)
    assert _code(error) == ERROR_INVALID_PARAMETER


def test_clearing_keeps_a_backup_and_the_numbering() -> None:
    log = services.EventLog(source="s")
    log.report(1)
    log.report(2)
    backup = str(services.log_path().with_name("backup.jsonl"))
    log.clear(backup)
    assert (log.count(), log.oldest()) == (0, 0)
    assert log.report(3).record_number == 3
    saved = services.EventLog(backup=backup)
    assert [r.event_id for r in saved.read(forwards=True)] == [1, 2]
    with pytest.raises(Win32Error) as error:
        log.clear(backup)
    assert _code(error) == ERROR_ALREADY_EXISTS
    with pytest.raises(Win32Error) as error:
        saved.clear()
    assert _code(error) == ERROR_INVALID_HANDLE
    with pytest.raises(Win32Error) as error:
        services.EventLog(backup=backup + ".missing")
    assert _code(error) == ERROR_FILE_NOT_FOUND


def test_lines_of_the_first_format_are_numbered_by_place() -> None:
    path = services.log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    old = {"time": 1.0, "source": "s", "event_type": 4, "event_id": 1, "strings": [],
           "text": "", "pid": 1}  # fmt: skip
    path.write_text(json.dumps(old) + "\n" + json.dumps(old) + "\n")
    assert [r.record_number for r in services.read_events()] == [1, 2]
    assert services.EventLog(source="s").report(2).record_number == 3


def test_a_closed_log_is_an_invalid_handle() -> None:
    log = services.EventLog()
    log.close()
    with pytest.raises(Win32Error) as error:
        log.count()
    assert _code(error) == ERROR_INVALID_HANDLE


def test_bad_input_fails_at_the_door() -> None:
    with pytest.raises(TypeError):
        services.EventLog(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        services.EventLog().report(1, [1])  # type: ignore[list-item]


def test_a_watch_is_set_by_a_write_here() -> None:
    log = services.EventLog(source="w")
    changed = Event(manual_reset=True)
    log.notify(changed)
    writer = threading.Thread(target=log.report, args=(1,))
    writer.start()
    writer.join()
    assert changed.wait(10) is not None
    log.close()


def test_appends_from_processes_at_once_get_distinct_numbers() -> None:
    code = (
        "from apartment import services\n"
        "log = services.EventLog(source='p')\n"
        "for i in range(20): log.report(i)\n"
    )
    children = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(3)]
    for child in children:
        assert child.wait(60) == 0
    numbers = [r.record_number for r in services.read_events()]
    assert sorted(numbers) == list(range(1, 61))


def test_a_source_reports_to_the_log_it_is_registered_under() -> None:
    from apartment import registry

    root = registry.key_of_handle(registry.HKEY_CURRENT_USER)
    path = "SYSTEM\\CurrentControlSet\\Services\\EventLog\\System\\MyDriver"
    registry.create_key(root, path)
    try:
        assert services.EventLog.for_source("MyDriver").log == "System"
        assert services.EventLog.for_source("Unregistered").log == "Application"
    finally:
        registry.delete_key(root, path)
