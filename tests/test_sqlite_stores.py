"""Every SQLite store of the library can be made by several processes at once.

Switching a fresh file to WAL needs it alone, and SQLite reports the conflict at once instead
of waiting: before the switch was retried, processes that started together in a fresh session
failed with "database is locked" (first seen as a flaky local-server test, where two clients
and their server made the clipboard store together).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from apartment import _sqlite
from apartment._sqlite import enter_wal_mode

if TYPE_CHECKING:
    from pathlib import Path

_PROCESSES = 12
_ROUNDS = 15

# Run in a fresh single-threaded interpreter: forking this test process, which has threads of
# its own by now, could leave a child waiting for a lock one of them held (free-threaded builds).
_OPEN_TOGETHER = """
import multiprocessing, os, sqlite3, sys
from pathlib import Path

from apartment._sqlite import immediate, open_store
from apartment.com import _registry_store
from apartment.messages import _clipboard_store

def shared_store(path):
    with open_store(path, "CREATE TABLE IF NOT EXISTS things (n INTEGER NOT NULL);") as db:
        with immediate(db):
            db.execute("INSERT INTO things VALUES (1)")

def clipboard(path):
    _clipboard_store._connection(str(path)).execute("SELECT 1").fetchall()

def class_registry(path):
    os.environ["APARTMENT_REGISTRY"] = str(path)
    with _registry_store.connect():
        pass

def together(make, path, start):
    start.wait(timeout=30)
    try:
        make(path)
    except sqlite3.OperationalError as error:
        print(f"{os.getpid()}: {error}", flush=True)
        os._exit(3)
    os._exit(0)

make, folder, processes, rounds = globals()[sys.argv[1]], Path(sys.argv[2]), *map(int, sys.argv[3:])
context = multiprocessing.get_context("fork")
for round_ in range(rounds):
    path = folder / f"store-{round_}.sqlite3"
    start = context.Barrier(processes)
    children = [
        context.Process(target=together, args=(make, path, start)) for _ in range(processes)
    ]
    for child in children:
        child.start()
    for child in children:
        child.join(timeout=60)
    codes = [child.exitcode for child in children]
    if codes != [0] * processes:
        sys.exit(f"round {round_}: exit codes {codes}")
    db = sqlite3.connect(path)
    mode = db.execute("PRAGMA journal_mode").fetchone()
    db.close()
    if mode != ("wal",):
        sys.exit(f"round {round_}: journal mode {mode}")
print("ok")
"""


@pytest.mark.parametrize("make", ["shared_store", "clipboard", "class_registry"])
def test_processes_that_make_a_fresh_store_at_once_all_open_it(make: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _OPEN_TOGETHER, make, str(tmp_path), str(_PROCESSES), str(_ROUNDS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "ok"), done.stdout + done.stderr


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
