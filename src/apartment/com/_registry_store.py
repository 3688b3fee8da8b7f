"""The class registry's SQLite file: where it is, its schema, and the connections to it.

Windows keeps the class registry in ``HKEY_CLASSES_ROOT``; we keep it in one SQLite database
(DESIGN decision 7) at ``$APARTMENT_REGISTRY``, by default
``$XDG_DATA_HOME/apartment/registry.sqlite3``. The path is read at every call, so a test (or a
second registry) only needs to set the variable.

Several processes may register at once (a setup script registering while a client activates),
so every write opens its own connection (:func:`connect`), the file runs in WAL mode with a 30 s
busy timeout, and every write is one ``BEGIN IMMEDIATE`` transaction (:func:`transaction`),
checkpointed into the file at once. Reads (activation's lookups) reuse one connection per
thread (:func:`reading`), as opening one costs far more than the lookup; every call checks it
is as good as a fresh one: see :class:`_Reader`. ``PRAGMA user_version`` holds
:data:`SCHEMA_VERSION`; a file with another version is refused with the fix in the message,
never silently rewritten.

:mod:`._registry` builds the registry's operations on these.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import threading
import urllib.parse
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._sqlite import BUSY_TIMEOUT, enter_wal_mode, immediate
from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_BADDB,
    ERROR_PATH_NOT_FOUND,
    RegistryReadError,
    RegistryWriteError,
)
from ._class_entry import ClassEntry

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "SCHEMA_VERSION",
    "COLUMNS",
    "registry_path",
    "connect",
    "transaction",
    "reading",
    "find",
    "row_to_entry",
]

SCHEMA_VERSION = 1
"""The ``PRAGMA user_version`` of a registry file this code reads and writes."""

_FOUND_MAX = 256  # lookups a thread's reader remembers between commits
COLUMNS = (
    "clsid, progid, verprogid, description, threading_model, clsctx, class_spec,"
    " python_path, policy_spec, registered_at"
)
_LOOKUPS = {
    "clsid": f"SELECT {COLUMNS} FROM classes WHERE clsid = :key",
    # A ProgID names its class by either ProgID column; the version-independent one first.
    "progid": f"SELECT {COLUMNS} FROM classes WHERE progid_key = :key OR verprogid_key = :key"
    " ORDER BY progid_key = :key DESC",
}
_SCHEMA = """
CREATE TABLE IF NOT EXISTS classes (
    clsid           TEXT PRIMARY KEY,   -- canonical: braces, upper case
    progid          TEXT,
    progid_key      TEXT UNIQUE,        -- upper(progid): ProgIDs match case-insensitively
    verprogid       TEXT,
    verprogid_key   TEXT UNIQUE,
    description     TEXT NOT NULL,
    threading_model TEXT NOT NULL,      -- as given; '' = no ThreadingModel (main STA)
    clsctx          INTEGER NOT NULL,
    class_spec      TEXT NOT NULL,      -- 'module.ClassName'
    python_path     TEXT,               -- added to sys.path before importing the module
    policy_spec     TEXT,
    registered_at   REAL NOT NULL       -- time.time() of the registration
)
"""


class _UnusableError(Exception):
    """The file cannot serve as a registry; ``code`` is the Win32 code a writer reports."""

    def __init__(self, detail: str, code: int = ERROR_BADDB) -> None:
        super().__init__(detail)
        self.detail = detail
        self.code = code


def _write_error(exc: _UnusableError) -> RegistryWriteError:
    return RegistryWriteError(exc.code, detail=exc.detail)


def _read_error(exc: _UnusableError) -> RegistryReadError:
    return RegistryReadError(exc.detail)


def registry_path() -> Path:
    """Return the registry file: ``$APARTMENT_REGISTRY``, else the user's data directory.

    The default follows the XDG base-directory spec:
    ``$XDG_DATA_HOME/apartment/registry.sqlite3``, with ``~/.local/share`` when
    ``XDG_DATA_HOME`` is unset or not absolute.
    """
    explicit = os.environ.get("APARTMENT_REGISTRY")
    if explicit:
        return Path(explicit).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME", "")
    base = Path(data_home) if os.path.isabs(data_home) else Path.home() / ".local" / "share"
    return base / "apartment" / "registry.sqlite3"


_FIX = "point APARTMENT_REGISTRY at another file"


def _os_code(exc: OSError) -> int:
    """The Win32 code a registry call gives for an OS failure on the registry's path."""
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ERROR_ACCESS_DENIED
    return ERROR_PATH_NOT_FOUND


def _open_for_writing(path: Path) -> sqlite3.Connection:
    """Open a connection that may write (creating the file and its directory if needed).

    Raises:
        _UnusableError: the directory cannot be made or written, or the file cannot be opened.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _UnusableError(
            f"cannot create the directory of the class registry {path}: {exc.strerror}; {_FIX}",
            _os_code(exc),
        ) from exc
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise _UnusableError(
            f"the class registry {path} is read-only here (registering needs write access to "
            f"the file and its directory); {_FIX}, or register as its owner",
            ERROR_ACCESS_DENIED,
        )
    try:
        # isolation_level=None: we issue BEGIN IMMEDIATE / COMMIT ourselves.
        return sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
    except sqlite3.Error as exc:
        raise _UnusableError(f"cannot open the class registry {path}: {exc}; {_FIX}") from exc


def _open_for_reading(path: Path) -> sqlite3.Connection:
    """Open a connection that never writes: HKEY_CLASSES_ROOT is readable by every user.

    In a directory this process cannot write, SQLite cannot make the WAL's shared-memory
    file, so the file is opened as immutable: nobody can write it there either (a writer
    needs that directory too), and the reader's checks of the file's size and time still
    notice a file replaced behind it.
    """
    immutable = "" if os.access(path.parent, os.W_OK) else "&immutable=1"
    uri = f"file:{urllib.parse.quote(str(path))}?mode=ro{immutable}"
    try:
        return sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise _UnusableError(f"cannot open the class registry {path}: {exc}; {_FIX}") from exc


def _damaged(path: Path, exc: sqlite3.Error) -> _UnusableError:
    """What an SQLite failure on an open registry means, with the fix."""
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return _UnusableError(
            f"the class registry {path} is read-only here; {_FIX}", ERROR_ACCESS_DENIED
        )
    return _UnusableError(
        f"the class registry {path} cannot be used: {exc}; if the file is damaged, delete it "
        "and register your classes again (`python -m apartment register FILE`), or "
        f"{_FIX}"
    )


@contextlib.contextmanager
def connect() -> Iterator[tuple[sqlite3.Connection, Path]]:
    """Open the registry for one call (a write).

    Raises:
        RegistryWriteError: the file or its directory cannot be written, or the file is
            not a registry of ours (the Win32 code says which); the file is left as it is.
    """
    path = registry_path()
    try:
        conn = _open_for_writing(path)
        try:
            try:
                _prepare(conn, path)
                yield conn, path
            except sqlite3.Error as exc:
                raise _damaged(path, exc) from exc
        finally:
            conn.close()
    except _UnusableError as exc:
        raise _write_error(exc) from exc.__cause__


_Stat = tuple[int, int, int, int]  # a file's device, inode, size and mtime_ns


class _Reader:
    """One thread's open read connection to one registry file; closed when dropped.

    Each query runs in its own implicit read transaction, so it sees every commit made before
    it. What a cached connection could miss is a different file at the path (deleted or
    replaced: another device and inode than ``stat`` recorded), a file written behind
    SQLite's back (see :meth:`refresh`) and a changed schema. ``found`` remembers the lookups
    answered since another connection last committed.

    The finalizer closes the connection when the thread ends (its ``threading.local`` value
    goes) or at exit, maybe from another thread, hence ``check_same_thread=False``; only its
    own thread uses it otherwise.
    """

    __slots__ = (
        "__weakref__",
        "close",
        "conn",
        "data_version",
        "found",
        "path",
        "pid",
        "stat",
    )

    def __init__(self, path: Path, stat: _Stat | None) -> None:
        self.conn = _open_for_reading(path)
        self.path = path
        self.stat = stat  # None: SQLite creates the file; the next call opens again
        self.pid = os.getpid()  # SQLite forbids using a connection across fork()
        self.data_version: int | None = None  # None: not read yet
        self.found: dict[tuple[str, str], ClassEntry | None] = {}  # (query, key) -> class
        self.close = weakref.finalize(self, self.conn.close)

    def reaches(self, path: Path, stat: _Stat | None) -> bool:
        """Whether ``path``, now ``stat``, is still the file this connection has open."""
        return (
            self.close.alive
            and stat is not None
            and self.stat is not None
            and stat[:2] == self.stat[:2]
            and path == self.path
            and os.getpid() == self.pid
        )

    def refresh(self, stat: _Stat | None) -> bool:
        """Get ready to read the file, now ``stat``; False if this connection may be stale.

        ``PRAGMA data_version`` changes when SQLite drops the connection's page cache, as it
        does after another connection's commit; then the schema is checked again as a fresh
        open would, ``found`` is forgotten, and the file's new size and time are accepted.
        A size or time that changed while it did not means the file was written behind
        SQLite's back (a backup copied over it), and the cached pages may be stale.
        """
        row = _first(self.conn, "PRAGMA data_version")
        version = None if row is None else int(row[0])  # it always has its one row
        if version is None or version != self.data_version:
            self.found.clear()
            _check(self.conn, self.path)
            self.data_version, self.stat = version, stat  # read before: a race rechecks
            return True
        return stat == self.stat


_local = threading.local()  # .reader: the thread's _Reader; the thread's end drops it


def _stat(path: Path) -> _Stat | None:
    """The file at ``path`` as (device, inode, size, mtime_ns), or None when there is none."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns


@contextlib.contextmanager
def reading() -> Iterator[_Reader | None]:
    """The thread's reader of the registry: the cached one while it is as good as a new one.

    None when there is no registry file: nothing is registered (and nothing is created).
    Any failure closes the connection, so the next call opens afresh.

    Raises:
        RegistryReadError: the file is not a registry of ours, or cannot be read.
    """
    path = registry_path()
    stat = _stat(path)  # before opening: if the file changes after, the next call sees it
    reader: _Reader | None = getattr(_local, "reader", None)
    if stat is None:
        if reader is not None:
            reader.close()
            _local.reader = None
        yield None
        return
    try:
        try:
            if reader is None or not reader.reaches(path, stat) or not reader.refresh(stat):
                if reader is not None:
                    reader.close()
                _local.reader = None  # not a closed one, if opening fails
                _local.reader = reader = _Reader(path, stat)
                reader.refresh(stat)
            yield reader
        except sqlite3.Error as exc:
            raise _damaged(path, exc) from exc
    except BaseException as exc:
        if reader is not None:
            reader.close()
        if isinstance(exc, _UnusableError):
            raise _read_error(exc) from exc.__cause__
        raise


def find(query: str, key: str) -> tuple[ClassEntry | None, Path]:
    """Run a lookup from :data:`_LOOKUPS` for ``key``: the class found (or None), and the path.

    The thread's reader answers it from ``found`` while no other connection has committed.
    """
    with reading() as reader:
        if reader is None:
            return None, registry_path()
        if (query, key) not in reader.found:
            if len(reader.found) >= _FOUND_MAX:
                reader.found.clear()  # bounded: a client looking up endless names
            row = _first(reader.conn, _LOOKUPS[query], {"key": key})
            reader.found[query, key] = None if row is None else row_to_entry(row)
        return reader.found[query, key], reader.path


def _first(
    conn: sqlite3.Connection, sql: str, params: dict[str, str] | None = None
) -> tuple[Any, ...] | None:
    """Run a query and return its first row (or None), closing the cursor at once.

    Closing resets the statement, so no read transaction stays open on a cached connection
    (it would pin an old snapshot for the thread's later lookups).
    """
    cursor = conn.execute(sql, params or {})
    try:
        row: tuple[Any, ...] | None = cursor.fetchone()
    finally:
        cursor.close()
    return row


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """Run the block as one write transaction; IMMEDIATE takes the write lock up front.

    The commit is then checkpointed into the database file and the WAL emptied, as the last
    connection's close would do; cached readers keep the file open, so no close is the last.
    Left in the WAL, committed frames would be applied to whatever file next sits at the path
    (a backup copied over it, a replacement), mixing two registries.
    """
    with immediate(conn):
        yield
    _first(conn, "PRAGMA wal_checkpoint(TRUNCATE)")  # busy readers: it reports, not raises


def _state(conn: sqlite3.Connection) -> tuple[int, list[str]]:
    """Read the schema version and the table names in one statement: one consistent snapshot.

    Read apart, a racing process could create the schema in between, and a fresh file would
    look like someone else's database.
    """
    version, names = conn.execute(
        "SELECT (SELECT user_version FROM pragma_user_version),"
        " (SELECT group_concat(name, ',') FROM sqlite_master WHERE type = 'table')"
    ).fetchone()
    return int(version), sorted(names.split(",")) if names else []


def _check(conn: sqlite3.Connection, path: Path) -> None:
    """Check, without writing, that a reader's file is a registry (an empty one is)."""
    version, tables = _state(conn)
    if version != SCHEMA_VERSION:
        _check_version(path, version, tables)


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    """Check the schema version; create the schema in a new (empty) file."""
    version, tables = _state(conn)
    if version == SCHEMA_VERSION:
        return
    _check_version(path, version, tables)  # before touching a file that is not ours
    enter_wal_mode(conn)
    with transaction(conn):
        version, tables = _state(conn)  # another process may have won the race
        if version != SCHEMA_VERSION:
            _check_version(path, version, tables)
            conn.execute(_SCHEMA)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _check_version(path: Path, version: int, tables: list[str]) -> None:
    """Refuse a file written by another schema version, or a database that is not ours."""
    if version == 0:
        if not tables:
            return
        raise _UnusableError(
            f"{path} is an SQLite database but not an apartment class registry (it holds "
            f"{', '.join(tables)}); {_FIX}"
        )
    newer = "a newer" if version > SCHEMA_VERSION else "an unknown"
    raise _UnusableError(
        f"the class registry {path} has schema version {version}, written by {newer} version "
        f"of apartment (this one reads version {SCHEMA_VERSION}); upgrade apartment, or point "
        "APARTMENT_REGISTRY at another file, or delete the file and register your classes "
        "again with `python -m apartment register FILE`"
    )


def row_to_entry(row: tuple[object, ...]) -> ClassEntry:
    (clsid, progid, verprogid, desc, model, clsctx, spec, path, policy, when) = row
    return ClassEntry(
        clsid=str(clsid),
        progid=None if progid is None else str(progid),
        verprogid=None if verprogid is None else str(verprogid),
        description=str(desc),
        threading_model=str(model),
        clsctx=int(clsctx),  # type: ignore[call-overload]
        class_spec=str(spec),
        python_path=None if path is None else str(path),
        policy_spec=None if policy is None else str(policy),
        registered_at=float(when),  # type: ignore[arg-type]
    )
