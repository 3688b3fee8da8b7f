"""Every SQLite store of the library can be made by several processes at once.

Switching a fresh file to WAL needs it alone, and SQLite reports the conflict at once instead
of waiting: before the switch was retried, processes that started together in a fresh session
failed with "database is locked" (first seen as a flaky local-server test, where two clients
and their server made the clipboard store together).
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from typing import TYPE_CHECKING

import pytest

from apartment import _sqlite
from apartment._sqlite import enter_wal_mode, immediate, open_store
from apartment.com import _registry_store
from apartment.messages import _clipboard_store

if TYPE_CHECKING:
    from collections.abc import Callable
    from multiprocessing.synchronize import Barrier
    from pathlib import Path

_PROCESSES = 12
_ROUNDS = 15
_CONTEXT = multiprocessing.get_context("fork")
_SCHEMA = "CREATE TABLE IF NOT EXISTS things (n INTEGER NOT NULL);"


def _shared_store(path: Path) -> None:
    with open_store(path, _SCHEMA) as connection, immediate(connection):
        connection.execute("INSERT INTO things VALUES (1)")


def _clipboard(path: Path) -> None:
    _clipboard_store._connection(str(path)).execute("SELECT 1").fetchall()


def _class_registry(path: Path) -> None:
    os.environ["APARTMENT_REGISTRY"] = str(path)
    with _registry_store.connect():
        pass


def _open_together(make: Callable[[Path], None], path: Path, start: Barrier) -> None:
    start.wait(timeout=30)
    try:
        make(path)
    except sqlite3.OperationalError as error:
        print(f"{os.getpid()}: {error}", flush=True)
        os._exit(3)
    os._exit(0)


@pytest.mark.parametrize("make", [_shared_store, _clipboard, _class_registry])
def test_processes_that_make_a_fresh_store_at_once_all_open_it(
    make: Callable[[Path], None], tmp_path: Path
) -> None:
    for round_ in range(_ROUNDS):
        path = tmp_path / f"store-{round_}.sqlite3"
        start = _CONTEXT.Barrier(_PROCESSES)
        children = [
            _CONTEXT.Process(target=_open_together, args=(make, path, start))
            for _ in range(_PROCESSES)
        ]
        for child in children:
            child.start()
        for child in children:
            child.join(timeout=60)
        assert [child.exitcode for child in children] == [0] * _PROCESSES, f"round {round_}"
        with sqlite3.connect(path) as check:
            assert check.execute("PRAGMA journal_mode").fetchone() == ("wal",)


class _LockedAtFirst:
    """A connection whose first switches to WAL meet another process's new connection."""

    def __init__(self, conflicts: int, error: str = "database is locked") -> None:
        self.conflicts = conflicts
        self.error = error
        self.calls = 0

    def execute(self, sql: str) -> None:
        assert sql == "PRAGMA journal_mode=WAL"
        self.calls += 1
        if self.calls <= self.conflicts:
            raise sqlite3.OperationalError(self.error)


def test_the_switch_to_wal_is_retried_while_another_process_holds_the_file() -> None:
    connection = _LockedAtFirst(conflicts=3)
    enter_wal_mode(connection)  # type: ignore[arg-type]
    assert connection.calls == 4


def test_any_other_failure_of_the_switch_is_raised_at_once() -> None:
    connection = _LockedAtFirst(conflicts=1, error="disk I/O error")
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        enter_wal_mode(connection)  # type: ignore[arg-type]
    assert connection.calls == 1


def test_a_file_locked_past_the_busy_timeout_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_sqlite, "BUSY_TIMEOUT", 0.05)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        enter_wal_mode(_LockedAtFirst(conflicts=10**9))  # type: ignore[arg-type]
