"""What every SQLite store of the library shares (registries, clipboard, services).

Opening a store's file with its schema, and the write transaction.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

__all__ = ["BUSY_TIMEOUT", "immediate", "open_store"]

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
        connection.execute("PRAGMA journal_mode=WAL")
        connection.executescript(schema)
        yield connection
    finally:
        connection.close()


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
