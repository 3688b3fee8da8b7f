"""What every SQLite store of the library shares (registries, clipboard, services).

Opening a store's file with its schema, and the write transaction.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

__all__ = ["BUSY_TIMEOUT", "enter_wal_mode", "immediate", "open_store"]

BUSY_TIMEOUT = 30.0
"""Seconds a writer waits for another process's transaction."""


@contextlib.contextmanager
def open_store(path: Path, schema: str) -> Iterator[sqlite3.Connection]:
    """A connection to the store at ``path``, made (with ``schema``) on first use; closed on exit.

    The connection is in autocommit mode (see :func:`immediate`) and the file in WAL mode,
    so readers never wait for a writer.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
    try:
        enter_wal_mode(connection)
        connection.executescript(schema)
        yield connection
    finally:
        connection.close()


def enter_wal_mode(connection: sqlite3.Connection) -> None:
    """Put the store's file in WAL mode (kept in the file; a no-op once it is).

    The switch needs the file alone, and SQLite reports a conflict with another process's
    new connection at once instead of calling the busy handler: two processes opening a
    fresh store together got "database is locked". Retried here until the busy timeout, as
    any other write waits. Must run outside a transaction.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
            time.sleep(0.001)
        else:
            return


@contextlib.contextmanager
def immediate(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block as one write transaction: committed on exit, rolled back on error.

    ``BEGIN IMMEDIATE`` takes the write lock up front, so two processes that both read and
    then write never deadlock on an upgrade; the other waits its busy timeout instead. The
    connection must be in autocommit mode (``isolation_level=None``).
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
