"""Processes: a child's handle is signaled at exit, with its exit code (§5.3)."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import pytest

from apartment.errors import AccessDeniedError
from apartment.kernel import (
    STILL_ACTIVE,
    Event,
    WaitResult,
    current_process,
    start_process,
    wait_any,
)

if TYPE_CHECKING:
    from pathlib import Path


def _child(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_a_child_process_signals_its_handle_and_reports_its_exit_code() -> None:
    process = start_process(_child("import sys; sys.exit(7)"))
    assert process.wait(30)
    assert process.exit_code == 7
    assert process.primary_thread.wait(0)
    assert process.primary_thread.exit_code == 7


def test_a_running_child_reports_still_active() -> None:
    process = start_process(_child("import signal; signal.pause()"))
    try:
        assert process.exit_code == STILL_ACTIVE
        assert process.wait(0) is None
    finally:
        process.terminate(9)
    assert process.wait(30)
    assert process.exit_code == 9


def test_a_process_handle_works_in_a_multi_object_wait() -> None:
    process = start_process(_child("pass"))
    assert wait_any([Event(), process], 30) == WaitResult(1)


def test_terminating_an_exited_process_is_access_denied() -> None:
    process = start_process(_child("pass"))
    assert process.wait(30)
    with pytest.raises(AccessDeniedError):
        process.terminate(1)


def test_the_primary_thread_id_is_the_process_id_on_linux() -> None:
    process = start_process(_child("pass"))
    assert process.primary_thread.native_id == process.pid
    assert process.wait(30)


def test_suspending_the_primary_thread_stops_the_child() -> None:
    process = start_process(_child("import signal; signal.pause()"))
    thread = process.primary_thread
    try:
        assert thread.suspend() == 0
        assert thread.suspend() == 1
        assert thread.resume() == 2
        assert thread.resume() == 1
    finally:
        process.terminate(0)
    assert process.wait(30)


def test_a_child_started_suspended_runs_nothing_until_resumed(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    process = start_process(_child(f"open({str(marker)!r}, 'w').close()"), suspended=True)
    assert process.primary_thread.statistics().suspend_count == 1
    assert process.wait(0.2) is None
    assert not marker.exists()  # stopped before its program's first instruction
    assert process.primary_thread.resume() == 1
    assert process.wait(30)
    assert process.exit_code == 0
    assert marker.exists()


def test_a_missing_program_started_suspended_is_file_not_found() -> None:
    with pytest.raises(FileNotFoundError):
        start_process(["/nonexistent/program"], suspended=True)


def test_a_missing_program_is_file_not_found() -> None:
    with pytest.raises(FileNotFoundError):
        start_process(["/nonexistent/program"])


def test_the_current_process_is_never_signaled() -> None:
    assert current_process().pid == os.getpid()
    assert current_process().wait(0) is None
