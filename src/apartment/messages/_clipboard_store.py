"""The clipboard's SQLite file: where it is, its schema, one transaction per operation.

Windows keeps one clipboard per window station, which every process of the user's session
shares. Here it lives in ``clipboard-v1.sqlite3`` in the user's runtime directory (0700, the
one every session-wide object meets in: :mod:`apartment._runtime`). Each clipboard operation
is one ``BEGIN IMMEDIATE`` transaction in WAL mode, on a connection the thread keeps, so
operations of every thread of every process are serialized, and what one commits the next
one sees.

The ``clipboard`` table has one row: the sequence number, who has the clipboard open (a
thread, named by process, thread id and their start times) and with which window, and which
window owns it. A window is named by its process (pid and start time; 0 for no window) and
its handle. Every piece of data put there gets a new *stamp*, so a process can tell whether
the block it keeps for a format still holds that format's data. ``formats`` lists the
formats in the order they were put on the clipboard, each with its data (NULL for one
rendered on request: delayed, or synthesized from ``source``). ``names`` holds the
registered format names and window messages (one atom table, as Windows has). ``hwnd_blocks``
records which process claimed which block of window handles (:mod:`._hwnd_blocks`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from typing import TYPE_CHECKING, NamedTuple

from .._fork import CLOCK, hold_across_fork
from .._runtime import runtime_dir
from .._sqlite import BUSY_TIMEOUT, enter_wal_mode, immediate

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

__all__ = ["FILE_NAME", "NO_WINDOW", "Row", "Window", "clipboard_path", "read_row", "transaction"]

FILE_NAME = "clipboard-v1.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS clipboard (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    seqno         INTEGER NOT NULL,
    open_seqno    INTEGER NOT NULL,     -- the sequence number when it was opened
    stamp         INTEGER NOT NULL,     -- the last stamp given to a format's data
    rendering     INTEGER NOT NULL,     -- owners asked to render: their data changes no seqno
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
INSERT OR IGNORE INTO clipboard VALUES (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
CREATE TABLE IF NOT EXISTS formats (
    position INTEGER PRIMARY KEY AUTOINCREMENT,  -- enumeration follows placement
    format   INTEGER NOT NULL UNIQUE,            -- as a UINT (0 .. 2**32 - 1)
    source   INTEGER NOT NULL,                   -- synthesized from this format, or 0
    stamp    INTEGER NOT NULL,                   -- new with every change of its data
    data     BLOB                                -- NULL: rendered on request
);
CREATE TABLE IF NOT EXISTS names (
    format   INTEGER PRIMARY KEY,                -- 0xC000 .. 0xFFFF
    name     TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE                -- lower(name): names match without case
);
CREATE TABLE IF NOT EXISTS hwnd_blocks (         -- window handles claimed (_hwnd_blocks)
    base     INTEGER PRIMARY KEY,                -- the block's first value
    pid      INTEGER NOT NULL,                   -- the process that claimed it
    ptoken   INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS hwnd_next (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    base     INTEGER NOT NULL                    -- the next block to claim
);
INSERT OR IGNORE INTO hwnd_next VALUES (1, 65536);
"""
_made: set[str] = set()  # the files this process has made sure of (schema, row, WAL)
_made_lock = threading.Lock()
hold_across_fork(_made_lock, CLOCK)  # a leaf
_local = threading.local()  # .connection: (pid, path, the thread's connection)
_inherited: list[sqlite3.Connection] = []  # a forked child's copies of its parent's


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
    stamp: int
    rendering: int
    opener: tuple[int, int, int, int]  # (pid, process token, tid, thread token); pid 0: none
    open_window: Window
    owner: Window


def clipboard_path() -> Path:
    """The clipboard's file in the user's runtime directory (made on first use)."""
    return runtime_dir() / FILE_NAME


def _connection(path: str) -> sqlite3.Connection:
    """The calling thread's connection to ``path``, made (with the file) on first use.

    A thread keeps its connection (opening one costs more than most operations); a forked
    child makes its own, and keeps the parent's unused and unclosed, as SQLite asks.
    """
    kept: _Kept | None = getattr(_local, "connection", None)
    if kept is not None:
        if kept.pid == os.getpid() and kept.path == path and os.path.exists(path):
            return kept.connection
        if kept.pid != os.getpid():
            _inherited.append(kept.connection)  # never closed in the child
            kept.pid = -1
        _local.connection = None  # closes ours
    with _made_lock:
        made = path in _made and os.path.exists(path)  # (the directory may be new)
    if not made:  # the user's alone (SQLite gives its journal files the file's mode)
        os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600))
    # check_same_thread off: only this thread uses it, but its end may close it from another
    connection = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
    )
    try:
        if not made:
            enter_wal_mode(connection)
            connection.executescript(_SCHEMA)
            with _made_lock:
                _made.add(path)
    except BaseException:
        connection.close()
        raise
    _local.connection = _Kept(path, connection)
    return connection


class _Kept:
    """A thread's connection, closed when the thread's locals go (the thread ended)."""

    __slots__ = ("connection", "path", "pid")

    def __init__(self, path: str, connection: sqlite3.Connection) -> None:
        self.pid = os.getpid()
        self.path = path
        self.connection = connection

    def __del__(self) -> None:
        if self.pid == os.getpid():  # a forked child leaves its parent's alone
            with contextlib.suppress(Exception):
                self.connection.close()


@contextlib.contextmanager
def transaction() -> Iterator[sqlite3.Connection]:
    """One write transaction on the clipboard: committed on exit, rolled back on error."""
    with immediate(_connection(str(clipboard_path()))) as connection:
        yield connection


def read_row(db: sqlite3.Connection) -> Row:
    """The clipboard's row."""
    values = db.execute("SELECT * FROM clipboard WHERE id = 1").fetchone()
    seqno, open_seqno, stamp, rendering = values[1:5]
    opener = (values[5], values[6], values[7], values[8])
    return Row(
        seqno, open_seqno, stamp, rendering, opener, Window(*values[9:12]), Window(*values[12:15])
    )
