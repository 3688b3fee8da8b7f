"""The COM class registry: CLSIDs and ProgIDs mapped to Python classes, in an SQLite file.

Windows keeps this in ``HKEY_CLASSES_ROOT``; we keep it in one SQLite database (DESIGN decision
7) at ``$APARTMENT_REGISTRY``, by default ``$XDG_DATA_HOME/apartment/registry.sqlite3``. The path
is read at every call, so a test (or a second registry) only needs to set the variable.

Several processes may register at once (a setup script registering while a client activates),
so every write opens its own connection, the file runs in WAL mode with a 30 s busy timeout,
and every write is one ``BEGIN IMMEDIATE`` transaction, checkpointed into the file at once.
Reads (activation's lookups) reuse one connection per thread, as opening one costs far more
than the lookup; every call checks it is as good as a fresh one: see :class:`_Reader`.
``PRAGMA user_version`` holds :data:`SCHEMA_VERSION`; a file with another version is refused
with the fix in the message, never silently rewritten.

One row per CLSID. A ProgID (and a version-dependent ProgID) names at most one CLSID, matched
case-insensitively as the Windows registry does; registering it for another CLSID moves it, as
writing a ProgID's ``CLSID`` key does. :func:`entry_from_class` reads pywin32's ``_reg_*_``
class attributes with pywin32's defaults (``win32com/server/register.py``).

Errors are the HRESULTs ``CLSIDFromString``, ``CLSIDFromProgID`` and ``CoCreateInstance``
give: CO_E_CLASSSTRING for an unknown ProgID or a malformed CLSID, REGDB_E_CLASSNOTREG for a
well-formed CLSID nobody registered, and for a registered class whose code is gone
CO_E_DLLNOTFOUND (its module does not import: the "DLL" of a Python class is its module) or
CLASS_E_CLASSNOTAVAILABLE (the module has no such class).
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import os
import re
import sqlite3
import sys
import threading
import time
import uuid
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ClassNotRegisteredError, ClassStringError, ComError, hresult_message

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "ClassEntry",
    "ClassLoadError",
    "RegistryError",
    "SCHEMA_VERSION",
    "CLSCTX_INPROC_HANDLER",
    "CLSCTX_INPROC_SERVER",
    "CLSCTX_LOCAL_SERVER",
    "CLSCTX_SERVER",
    "DEFAULT_CLSCTX",
    "DEFAULT_THREADING_MODEL",
    "registry_path",
    "normalize_clsid",
    "clsid_of",
    "entry_from_class",
    "register",
    "unregister",
    "register_class",
    "unregister_class",
    "lookup",
    "lookup_clsid",
    "lookup_progid",
    "clsid_from_progid",
    "entries",
    "load_class",
]

SCHEMA_VERSION = 1
"""The ``PRAGMA user_version`` of a registry file this code reads and writes."""

CLSCTX_INPROC_SERVER = 0x1
CLSCTX_INPROC_HANDLER = 0x2
CLSCTX_LOCAL_SERVER = 0x4
CLSCTX_SERVER = 0x15
DEFAULT_CLSCTX = CLSCTX_INPROC_SERVER | CLSCTX_LOCAL_SERVER
"""pywin32's default for ``_reg_clsctx_``."""

DEFAULT_THREADING_MODEL = "both"
"""pywin32's default ``_reg_threading_``, stored (like the registry value) as given."""

_CO_E_DLLNOTFOUND = -2147221000
_CLASS_E_CLASSNOTAVAILABLE = -2147221231

_BUSY_TIMEOUT = 30.0  # seconds a writer waits for another process's transaction
_FOUND_MAX = 256  # lookups a thread's reader remembers between commits
_FIX_REGISTER = "register it with `python -m apartment register FILE`"
_CLSID_RE = re.compile(
    r"\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}\Z"
)
_COLUMNS = (
    "clsid, progid, verprogid, description, threading_model, clsctx, class_spec,"
    " python_path, policy_spec, registered_at"
)
_LOOKUPS = {
    "clsid": f"SELECT {_COLUMNS} FROM classes WHERE clsid = :key",
    # A ProgID names its class by either ProgID column; the version-independent one first.
    "progid": f"SELECT {_COLUMNS} FROM classes WHERE progid_key = :key OR verprogid_key = :key"
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

# sys.path is process-wide: check-then-insert under a lock so two threads activating
# classes from one directory add it once.
_path_lock = threading.Lock()


class RegistryError(RuntimeError):
    """The registry file cannot be used: wrong schema version, not a registry, or I/O failed."""


class ClassLoadError(ComError, ImportError):
    """A registered class cannot be loaded: its module or the class itself no longer imports.

    ``hresult`` is CO_E_DLLNOTFOUND when the module fails to import (the module is a Python
    class's "DLL") and CLASS_E_CLASSNOTAVAILABLE when the module lacks the class; ``detail``
    names what failed and ``__cause__`` holds the original exception.
    """


@dataclasses.dataclass(frozen=True, kw_only=True)
class ClassEntry:
    """One registered class: what a CLSID's registry key and its ProgID keys hold.

    Attributes:
        clsid: the canonical CLSID string ``{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}``, upper
            case; any accepted spelling is normalized on construction.
        progid: the version-independent ProgID, or None.
        verprogid: the version-dependent ProgID (``CurVer``), or None.
        description: the class's description (pywin32 defaults it to the ProgID).
        threading_model: the ``ThreadingModel`` value as given ("both" by default; ""
            when ``_reg_threading_`` is None: no model, the class lives in the main STA).
            Activation compares it case-insensitively.
        clsctx: the CLSCTX bits the class is registered for (default 5: in-process and local).
        class_spec: ``"module.ClassName"``, imported at activation ("" only when a
            ``policy_spec`` creates the object by itself).
        python_path: a directory to put on ``sys.path`` before importing, or None.
        policy_spec: ``"module.PolicyClass"`` for a custom dispatch policy, or None.
        registered_at: when :func:`register` stored it (``time.time()``); 0.0 before.
    """

    clsid: str
    class_spec: str
    progid: str | None = None
    verprogid: str | None = None
    description: str = ""
    threading_model: str = DEFAULT_THREADING_MODEL
    clsctx: int = DEFAULT_CLSCTX
    python_path: str | None = None
    policy_spec: str | None = None
    registered_at: float = 0.0

    def __post_init__(self) -> None:
        # Frozen: normalizing the CLSID here means every stored key is canonical.
        object.__setattr__(self, "clsid", normalize_clsid(self.clsid))
        for name in ("progid", "verprogid"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise TypeError(f"ClassEntry.{name} must be a str or None, not {value!r}")
            if value == "":  # pywin32 tests ProgIDs for truth: an empty one is none
                object.__setattr__(self, name, None)
        if not isinstance(self.class_spec, str):
            raise TypeError(f"class_spec must be a str, not {self.class_spec!r}")
        # pywin32 lets a policy alone create the object, with no class spec.
        if "." not in self.class_spec and not (self.class_spec == "" and self.policy_spec):
            raise ValueError(
                f"class_spec must be 'module.ClassName', not {self.class_spec!r}; "
                "set _reg_class_spec_ on the class"
            )
        if not isinstance(self.threading_model, str):
            raise TypeError(f"threading_model must be a str, not {self.threading_model!r}")
        if isinstance(self.clsctx, bool) or not isinstance(self.clsctx, int):
            raise TypeError(f"clsctx must be an int of CLSCTX bits, not {self.clsctx!r}")


# -- the file ----------------------------------------------------------------------------


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


def _open(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """Open a connection to the registry file; failures become :class:`RegistryError`."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we issue BEGIN IMMEDIATE / COMMIT ourselves.
        return sqlite3.connect(
            path,
            timeout=_BUSY_TIMEOUT,
            isolation_level=None,
            check_same_thread=check_same_thread,
        )
    except (OSError, sqlite3.Error) as exc:
        raise RegistryError(
            f"cannot open the class registry {path}: {exc}; "
            "point APARTMENT_REGISTRY at a writable file"
        ) from exc


def _failed(path: Path, exc: sqlite3.Error) -> RegistryError:
    """The :class:`RegistryError` for an SQLite failure on an open registry."""
    return RegistryError(
        f"the class registry {path} failed: {exc}; if the file is damaged, delete it and "
        "register your classes again (`python -m apartment register FILE`), or point "
        "APARTMENT_REGISTRY at another file"
    )


@contextlib.contextmanager
def _connect() -> Iterator[tuple[sqlite3.Connection, Path]]:
    """Open the registry for one call (a write); SQLite failures become RegistryError."""
    path = registry_path()
    conn = _open(path)
    try:
        _prepare(conn, path)
        yield conn, path
    except sqlite3.Error as exc:
        raise _failed(path, exc) from exc
    finally:
        conn.close()


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
        self.conn = _open(path, check_same_thread=False)
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
            _prepare(self.conn, self.path)
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
def _reading() -> Iterator[_Reader]:
    """The thread's reader of the registry: the cached one while it is as good as a new one.

    SQLite failures become :class:`RegistryError`; any failure closes the connection, so the
    next call opens afresh.
    """
    path = registry_path()
    stat = _stat(path)  # before opening: if the file changes after, the next call sees it
    reader: _Reader | None = getattr(_local, "reader", None)
    try:
        if reader is None or not reader.reaches(path, stat) or not reader.refresh(stat):
            if reader is not None:
                reader.close()
            _local.reader = None  # not a closed one, if opening fails
            _local.reader = reader = _Reader(path, stat)
            reader.refresh(stat)
        yield reader
    except BaseException as exc:
        if reader is not None:
            reader.close()
        if isinstance(exc, sqlite3.Error):
            raise _failed(path, exc) from exc
        raise


def _find(query: str, key: str) -> tuple[ClassEntry | None, Path]:
    """Run a lookup from :data:`_LOOKUPS` for ``key``: the class found (or None), and the path.

    The thread's reader answers it from ``found`` while no other connection has committed.
    """
    with _reading() as reader:
        if (query, key) not in reader.found:
            if len(reader.found) >= _FOUND_MAX:
                reader.found.clear()  # bounded: a client looking up endless names
            row = _first(reader.conn, _LOOKUPS[query], {"key": key})
            reader.found[query, key] = None if row is None else _row_to_entry(row)
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
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """Run the block as one write transaction; IMMEDIATE takes the write lock up front.

    The commit is then checkpointed into the database file and the WAL emptied, as the last
    connection's close would do; cached readers keep the file open, so no close is the last.
    Left in the WAL, committed frames would be applied to whatever file next sits at the path
    (a backup copied over it, a replacement), mixing two registries.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
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


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    """Check the schema version; create the schema in a new (empty) file."""
    version, tables = _state(conn)
    if version == SCHEMA_VERSION:
        return
    _check_version(path, version, tables)  # before touching a file that is not ours
    _enter_wal_mode(conn)
    with _transaction(conn):
        version, tables = _state(conn)  # another process may have won the race
        if version != SCHEMA_VERSION:
            _check_version(path, version, tables)
            conn.execute(_SCHEMA)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _enter_wal_mode(conn: sqlite3.Connection) -> None:
    """Switch a new file to WAL, which lets readers run beside a writer.

    The mode is persistent and cannot change inside a transaction, so it is set before the
    schema (a no-op if a racing creator already did). The switch needs an exclusive lock,
    and SQLite reports a conflict with another new connection at once instead of calling
    the busy handler, so retry here until the busy timeout. Only a brand-new file gets here.
    """
    deadline = time.monotonic() + _BUSY_TIMEOUT
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.001)
        else:
            return


def _check_version(path: Path, version: int, tables: list[str]) -> None:
    """Refuse a file written by another schema version, or a database that is not ours."""
    if version == 0:
        if not tables:
            return
        raise RegistryError(
            f"{path} is an SQLite database but not an apartment class registry (it holds "
            f"{', '.join(tables)}); point APARTMENT_REGISTRY at another file"
        )
    newer = "a newer" if version > SCHEMA_VERSION else "an unknown"
    raise RegistryError(
        f"the class registry {path} has schema version {version}, written by {newer} version "
        f"of apartment (this one reads version {SCHEMA_VERSION}); upgrade apartment, or point "
        "APARTMENT_REGISTRY at another file, or delete the file and register your classes "
        "again with `python -m apartment register FILE`"
    )


def _row_to_entry(row: tuple[object, ...]) -> ClassEntry:
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


def _key(progid: str | None) -> str | None:
    """The case-insensitive lookup key of a ProgID (Windows registry keys ignore case)."""
    return None if progid is None else progid.upper()


# -- CLSID strings -------------------------------------------------------------------------


def normalize_clsid(value: str | uuid.UUID) -> str:
    """Return the canonical ``{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`` form of a CLSID.

    Accepts what ``CLSIDFromString`` accepts for a GUID: the braced form in any case (plus a
    :class:`uuid.UUID`). The braces are required, as on Windows.

    Raises:
        ClassStringError: the string is not a braced GUID (CO_E_CLASSSTRING).
    """
    if isinstance(value, uuid.UUID):
        return "{" + str(value).upper() + "}"
    if not isinstance(value, str):
        raise TypeError(f"a CLSID must be a str like '{{...}}' or a uuid.UUID, not {value!r}")
    if not _CLSID_RE.match(value):
        example = normalize_clsid(uuid.uuid4())
        raise ClassStringError(
            f"{value!r} is not a CLSID string; write it with the braces, as "
            f"'{{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}' ({example} is a new one)"
        )
    return value.upper()


def clsid_of(value: object) -> str:
    """The canonical CLSID string of a ``_reg_clsid_``: a str, a uuid.UUID or an IID object.

    Raises:
        ClassStringError: it does not name a braced GUID (CO_E_CLASSSTRING).
    """
    return normalize_clsid(value if isinstance(value, (str, uuid.UUID)) else str(value))


# -- reading pywin32's class attributes -----------------------------------------------------


def _import_root(file: str, module_name: str) -> str:
    """Return the directory to put on sys.path so that ``module_name`` imports from ``file``."""
    root = os.path.dirname(os.path.abspath(file))
    levels = module_name.count(".")
    if os.path.splitext(os.path.basename(file))[0] == "__init__":
        levels += 1
    for _ in range(levels):
        root = os.path.dirname(root)
    return root


def _class_location(cls: type) -> tuple[str, str | None]:
    """Return the module name that imports ``cls`` and the directory that module needs.

    A class defined in a script run as ``__main__`` is imported later by the script's file
    name, from the script's directory, as pywin32 does (it uses ``sys.argv[0]``; we prefer the
    module's own ``__file__``, and ``__spec__`` for ``python -m pkg.mod``).
    """
    name = cls.__module__
    module = sys.modules.get(name)
    file = getattr(module, "__file__", None)
    if name != "__main__":
        return name, None if file is None else _import_root(file, name)
    spec = getattr(module, "__spec__", None)
    if spec is not None and spec.name and spec.name != "__main__" and file:
        return spec.name, _import_root(file, spec.name)
    script = file or (sys.argv[0] if sys.argv else "")
    if not script or not os.path.isfile(script):
        raise TypeError(
            "Can't locate the script hosting the COM object - please set _reg_class_spec_ "
            "in your object"
        )
    stem = os.path.splitext(os.path.basename(script))[0]
    return stem, os.path.dirname(os.path.abspath(script))


def entry_from_class(cls: type) -> ClassEntry:
    """Build the :class:`ClassEntry` pywin32's ``RegisterClasses`` would write for ``cls``.

    Reads ``_reg_clsid_`` (required), ``_reg_progid_``, ``_reg_verprogid_``, ``_reg_desc_``
    (default: the ProgID), ``_reg_threading_`` (default "both"; None stores "", the legacy
    no-ThreadingModel case), ``_reg_clsctx_`` (default, also for 0: 5),
    ``_reg_class_spec_`` (default ``"<module>.<ClassName>"``) and ``_reg_policy_spec_``, each
    looked up through the base classes. ``python_path`` is the directory the class's module
    imports from (for ``__main__``: the script's directory).

    Raises:
        AttributeError: the class has no ``_reg_clsid_``.
        ClassStringError: ``_reg_clsid_`` is not a CLSID string.
        TypeError: the class comes from ``__main__`` but the script file cannot be found;
            set ``_reg_class_spec_``.
    """
    clsid = clsid_of(cls._reg_clsid_)  # type: ignore[attr-defined]  # AttributeError, as pywin32
    progid = getattr(cls, "_reg_progid_", None) or None
    description = getattr(cls, "_reg_desc_", progid)
    threading_model = getattr(cls, "_reg_threading_", DEFAULT_THREADING_MODEL)
    clsctx = getattr(cls, "_reg_clsctx_", None) or DEFAULT_CLSCTX  # RegisterServer: `if not`
    spec = getattr(cls, "_reg_class_spec_", None)
    module_name, python_path = _class_location(cls)
    if spec is None:
        spec = f"{module_name}.{cls.__name__}"
    elif spec.rpartition(".")[0] != module_name:
        python_path = None  # an explicit spec elsewhere: its module brings its own path
    return ClassEntry(
        clsid=clsid,
        progid=progid,
        verprogid=getattr(cls, "_reg_verprogid_", None) or None,
        description="" if description is None else str(description),
        threading_model="" if threading_model is None else str(threading_model),
        clsctx=int(clsctx),
        class_spec=spec,
        python_path=python_path,
        policy_spec=getattr(cls, "_reg_policy_spec_", None),
    )


# -- reading and writing --------------------------------------------------------------------


def register(entry: ClassEntry) -> None:
    """Store ``entry``, replacing any registration of its CLSID, stamped with the time now.

    Its ProgID and version-dependent ProgID are taken away from any other class that had
    them (one ProgID names one CLSID); that class stays registered by CLSID.
    """
    progid_key, verprogid_key = _key(entry.progid), _key(entry.verprogid)
    with _connect() as (conn, _), _transaction(conn):
        for key in {progid_key, verprogid_key} - {None}:
            conn.execute(
                "UPDATE classes SET progid = NULL, progid_key = NULL"
                " WHERE progid_key = ? AND clsid <> ?",
                (key, entry.clsid),
            )
            conn.execute(
                "UPDATE classes SET verprogid = NULL, verprogid_key = NULL"
                " WHERE verprogid_key = ? AND clsid <> ?",
                (key, entry.clsid),
            )
        conn.execute(
            "INSERT OR REPLACE INTO classes (clsid, progid, progid_key, verprogid,"
            " verprogid_key, description, threading_model, clsctx, class_spec, python_path,"
            " policy_spec, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry.clsid,
                entry.progid,
                progid_key,
                entry.verprogid,
                verprogid_key,
                entry.description,
                entry.threading_model,
                entry.clsctx,
                entry.class_spec,
                entry.python_path,
                entry.policy_spec,
                time.time(),
            ),
        )


def unregister(clsid: str | uuid.UUID) -> bool:
    """Remove the class registered under ``clsid``, with its ProgIDs.

    Returns:
        True if it was registered, False if there was nothing to remove.

    Raises:
        ClassStringError: ``clsid`` is not a CLSID string.
    """
    key = normalize_clsid(clsid)
    with _connect() as (conn, _), _transaction(conn):
        return conn.execute("DELETE FROM classes WHERE clsid = ?", (key,)).rowcount > 0


def register_class(cls: type) -> ClassEntry:
    """Register a COM server class from its ``_reg_*_`` attributes; return what was stored."""
    entry = entry_from_class(cls)
    register(entry)
    return entry


def unregister_class(cls: type) -> bool:
    """Unregister a COM server class by its ``_reg_clsid_``; False if it was not registered."""
    return unregister(clsid_of(cls._reg_clsid_))  # type: ignore[attr-defined]


def lookup_clsid(clsid: str | uuid.UUID) -> ClassEntry:
    """Return the class registered under ``clsid`` (any case; braces required).

    Raises:
        ClassStringError: ``clsid`` is not a CLSID string (CO_E_CLASSSTRING).
        ClassNotRegisteredError: nothing is registered under it (REGDB_E_CLASSNOTREG).
    """
    key = normalize_clsid(clsid)
    entry, path = _find("clsid", key)
    if entry is None:
        raise ClassNotRegisteredError(f"CLSID {key} is not registered in {path}; {_FIX_REGISTER}")
    return entry


def lookup_progid(progid: str) -> ClassEntry:
    """Return the class a ProgID (or version-dependent ProgID) names, ignoring case.

    Raises:
        ClassStringError: no class has that ProgID (CO_E_CLASSSTRING, as CLSIDFromProgID).
    """
    if not isinstance(progid, str):
        raise TypeError(f"a ProgID must be a str, not {progid!r}")
    entry, path = _find("progid", progid.upper())  # the key _key() gives
    if entry is None:
        raise ClassStringError(
            f"no class is registered with the ProgID {progid!r} in {path}; {_FIX_REGISTER}"
        )
    return entry


def clsid_from_progid(progid_or_clsid: str) -> str:
    """Return the CLSID a string names, as ``CLSIDFromString`` does.

    A string starting with ``{`` is parsed as a CLSID (registered or not); anything else is
    looked up as a ProgID.

    Raises:
        ClassStringError: a malformed CLSID, or an unknown ProgID (CO_E_CLASSSTRING).
    """
    if isinstance(progid_or_clsid, str) and progid_or_clsid.startswith("{"):
        return normalize_clsid(progid_or_clsid)
    return lookup_progid(progid_or_clsid).clsid


def lookup(progid_or_clsid: str) -> ClassEntry:
    """Return the registered class a ProgID or CLSID string names (what activation needs).

    Raises:
        ClassStringError: a malformed CLSID, or an unknown ProgID (CO_E_CLASSSTRING).
        ClassNotRegisteredError: a well-formed CLSID nobody registered (REGDB_E_CLASSNOTREG).
    """
    if isinstance(progid_or_clsid, str) and progid_or_clsid.startswith("{"):
        return lookup_clsid(progid_or_clsid)
    return lookup_progid(progid_or_clsid)


def entries() -> list[ClassEntry]:
    """Return every registered class, by ProgID (case-insensitively), then CLSID."""
    with _reading() as reader:
        rows = reader.conn.execute(
            f"SELECT {_COLUMNS} FROM classes ORDER BY progid_key IS NULL, progid_key, clsid"
        ).fetchall()
    return [_row_to_entry(row) for row in rows]


# -- activation support ----------------------------------------------------------------------


def _load_error(hresult: int, entry: ClassEntry, what: str) -> ClassLoadError:
    names = entry.clsid if entry.progid is None else f"{entry.progid} ({entry.clsid})"
    where = f" from {entry.python_path}" if entry.python_path else ""
    return ClassLoadError(
        hresult,
        hresult_message(hresult),
        None,
        None,
        detail=(
            f"the class {names} is registered as {entry.class_spec!r}{where}, but {what}; "
            "restore the file, or register the class again from where it now lives with "
            "`python -m apartment register FILE`"
        ),
    )


def load_class(entry: ClassEntry) -> type:
    """Import the class ``entry`` names and return it.

    Puts ``entry.python_path`` at the front of ``sys.path`` if it is not there yet (as
    pywin32 does with ``PythonCOMPath``), then imports the module of ``entry.class_spec``. A
    class registered from a script run as ``__main__`` is imported by the script's file name,
    so the script's module-level code runs again in that module (as under pywin32).

    Raises:
        ClassLoadError: the module fails to import (CO_E_DLLNOTFOUND), or has no such class
            (CLASS_E_CLASSNOTAVAILABLE).
    """
    module_name, _, class_name = entry.class_spec.rpartition(".")
    if entry.python_path:
        with _path_lock:
            if entry.python_path not in sys.path:
                sys.path.insert(0, entry.python_path)
    if module_name not in sys.modules:
        importlib.invalidate_caches()  # the file may be newer than a finder's cached listing
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        what = f"its module {module_name!r} does not import ({type(exc).__name__}: {exc})"
        raise _load_error(_CO_E_DLLNOTFOUND, entry, what) from exc
    found = getattr(module, class_name, None)
    if not isinstance(found, type):
        what = (
            f"the module {module_name!r} has no class {class_name!r}"
            if found is None
            else f"{entry.class_spec!r} is {type(found).__name__}, not a class"
        )
        raise _load_error(_CLASS_E_CLASSNOTAVAILABLE, entry, what)
    return found
