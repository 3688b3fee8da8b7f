"""The write transaction every SQLite store of the library makes (registries, clipboard)."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterator

__all__ = ["immediate"]


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
