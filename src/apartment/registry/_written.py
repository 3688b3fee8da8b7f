r"""Fast reads of written HKEY_CLASSES_ROOT values, for lookups made at every COM activation.

COM reads ``CLSID\{clsid}\TreatAs`` each time it activates a class. A registry call opens the
store afresh (a new SQLite connection each time) and HKEY_CLASSES_ROOT's view builds the keys
made from the class registry too: milliseconds, where an activation takes tens of
microseconds. A value no registration makes is read here instead, from the written keys only
(``Software\Classes`` of HKEY_CURRENT_USER over HKEY_LOCAL_MACHINE's), through one read
connection per thread that keeps its answers while ``PRAGMA data_version`` (which moves on
any other connection's commit, in any process) and the file's identity stay the same.

Each thread has its own connection and answers (``threading.local``): no state is shared, so
no lock is needed, with or without the GIL; a forked child opens its own.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from typing import TYPE_CHECKING

from ..errors import Win32Error
from ._keys import HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE, _walk, root_of_handle
from ._store import user_registry_path
from ._values import decode

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["written_class_value"]

_UNKNOWN = object()  # not looked up yet
_ABSENT = object()  # looked up: no such value
_local = threading.local()


class _Reader:
    """One thread's read connection to the user registry and the answers it gave.

    The finalizer closes the connection when the reader goes (its thread ended, or the file
    changed); a child of fork() drops its parent's reader unclosed, as SQLite requires.
    """

    __slots__ = ("__weakref__", "close", "conn", "found", "identity", "version")

    def __init__(self, path: Path, identity: tuple[int, int, int]) -> None:
        self.conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        self.identity = identity
        self.version: int | None = None
        self.found: dict[tuple[tuple[str, ...], str], object] = {}
        self.close = weakref.finalize(self, _close_in, self.conn, identity[2])


def _close_in(conn: sqlite3.Connection, pid: int) -> None:
    """Close ``conn`` if this is the process that opened it (never across fork())."""
    if os.getpid() == pid:
        conn.close()


def _reader() -> _Reader | None:
    """The thread's reader, fresh when the file or its contents changed; None with no file."""
    path = user_registry_path()
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    identity = (stat.st_dev, stat.st_ino, os.getpid())
    reader: _Reader | None = getattr(_local, "reader", None)
    if reader is None or reader.identity != identity:
        if reader is not None:
            reader.close()
        reader = _local.reader = _Reader(path, identity)
    version = reader.conn.execute("PRAGMA data_version").fetchone()[0]
    if version != reader.version:
        reader.found.clear()
        reader.version = version
    return reader


def _read(conn: sqlite3.Connection, parts: list[str], name: str | None) -> object:
    for handle in (HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE):
        try:
            key_id, _, _ = _walk(
                conn, root_of_handle(handle), ["Software", "Classes", *parts], create=False
            )
        except Win32Error:
            continue  # no such key (or no such root yet) in this layer
        row = conn.execute(
            "SELECT type, data FROM key_values WHERE key = ? AND name_key = ?",
            (key_id, (name or "").lower()),
        ).fetchone()
        if row is not None:
            return decode(row[0], row[1])
    return _ABSENT


def written_class_value(parts: list[str], name: str | None) -> object | None:
    r"""The value ``name`` written at HKEY_CLASSES_ROOT's ``parts``; None if there is none.

    Only written keys are read, never the keys made from the class registry: use it for
    values no registration makes (``["CLSID", clsid, "TreatAs"]``'s default value). A file
    SQLite cannot read as a registry holds none (the registry calls report it; an activation
    that only looks for a TreatAs does not fail on it).
    """
    try:
        reader = _reader()
        if reader is None:
            return None
        wanted = (tuple(part.lower() for part in parts), (name or "").lower())
        found = reader.found.get(wanted, _UNKNOWN)
        if found is _UNKNOWN:
            try:
                found = reader.found[wanted] = _read(reader.conn, parts, name)
            finally:
                reader.conn.rollback()  # end the read transaction: no snapshot stays pinned
    except sqlite3.Error:  # a store that is not (yet) a registry: it holds no such value
        _forget()
        return None
    return None if found is _ABSENT else found


def _forget() -> None:
    """Drop the thread's reader, to open the file afresh next time."""
    reader: _Reader | None = getattr(_local, "reader", None)
    _local.reader = None
    if reader is not None:
        reader.close()
