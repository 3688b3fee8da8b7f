"""The clipboard's SQLite file: where it is, its schema, one transaction per operation.

Windows keeps one clipboard per window station, which every process of the user's session
shares. Here it lives in ``clipboard.sqlite3`` in the user's runtime directory (0700, the
one every session-wide object meets in: :mod:`apartment._runtime`). Each clipboard operation
is one ``BEGIN IMMEDIATE`` transaction in WAL mode, so operations of every thread of every
process are serialized, and what one commits the next one sees.

The ``clipboard`` table has one row: the sequence number, who has the clipboard open (a
thread, named by process, thread id and their start times) and with which window, and which
window owns it. A window is named by its process (pid and start time; 0 for no window) and
its handle. ``formats`` lists the formats in the order they were put on the clipboard, each
with its data (NULL for one rendered on request: delayed, or synthesized from ``source``).
``names`` holds the registered format names.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import TYPE_CHECKING, NamedTuple

from .._runtime import runtime_dir

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

__all__ = ["FILE_NAME", "NO_WINDOW", "Row", "Window", "clipboard_path", "read_row", "transaction"]

FILE_NAME = "clipboard.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS clipboard (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    seqno         INTEGER NOT NULL,
    open_seqno    INTEGER NOT NULL,     -- the sequence number when it was opened
    opener_pid    INTEGER NOT NULL,     -- 0: nobody has the clipboard open
    opener_ptoken INTEGER NOT NULL,
    opener_tid    INTEGER NOT NULL,
    opener_token  INTEGER NOT NULL,
    open_pid      INTEGER NOT NULL,     -- the window it is open with (0: none)
    open_ptoken   INTEGER NOT NULL,
    open_hwnd     INTEGER NOT NULL,
    owner_pid     INTEGER NOT NULL,     -- the window that owns it (0: none)
    owner_ptoken  INTEGER NOT NULL,
    owner_hwnd    INTEGER NOT NULL
);
INSERT OR IGNORE INTO clipboard VALUES (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
CREATE TABLE IF NOT EXISTS formats (
    position INTEGER PRIMARY KEY AUTOINCREMENT,  -- enumeration follows placement
    format   INTEGER NOT NULL UNIQUE,            -- as a UINT (0 .. 2**32 - 1)
    source   INTEGER NOT NULL,                   -- synthesized from this format, or 0
    seqno    INTEGER NOT NULL,                   -- when its data was set
    data     BLOB                                -- NULL: rendered on request
);
CREATE TABLE IF NOT EXISTS names (
    format   INTEGER PRIMARY KEY,                -- 0xC000 .. 0xFFFF
    name     TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE                -- lower(name): names match without case
);
"""
_BUSY_TIMEOUT = 30.0


class Window(NamedTuple):
    """A window as the clipboard records it: its process and handle (all 0: no window)."""

    pid: int
    ptoken: int
    hwnd: int


NO_WINDOW = Window(0, 0, 0)


class Row(NamedTuple):
    """The clipboard's one row, as read at the start of an operation."""

    seqno: int
    open_seqno: int
    opener: tuple[int, int, int, int]  # (pid, process token, tid, thread token); pid 0: none
    open_window: Window
    owner: Window


def clipboard_path() -> Path:
    """The clipboard's file in the user's runtime directory (made on first use)."""
    return runtime_dir() / FILE_NAME


@contextlib.contextmanager
def transaction() -> Iterator[sqlite3.Connection]:
    """One write transaction on the clipboard: committed on exit, rolled back on error."""
    connection = sqlite3.connect(clipboard_path(), timeout=_BUSY_TIMEOUT, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.executescript(_SCHEMA)
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    finally:
        connection.close()


def read_row(db: sqlite3.Connection) -> Row:
    """The clipboard's row."""
    values = db.execute("SELECT * FROM clipboard WHERE id = 1").fetchone()
    return Row(
        values[1], values[2], tuple(values[3:7]), Window(*values[7:10]), Window(*values[10:13])
    )
