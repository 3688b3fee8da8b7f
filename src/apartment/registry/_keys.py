"""Registry keys: open, create and delete them, and read and write their typed values.

A :class:`Key` is an open key: the kernel's handle table holds it with the access it was
opened for, as Windows does (a key opened for KEY_READ cannot set a value:
ERROR_ACCESS_DENIED). Keys and values are found case-insensitively and keep the case they were
created with. A key deleted while a handle is open fails every later call with
ERROR_KEY_DELETED.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any, NamedTuple

from .. import kernel
from .._fork import CLOCK, hold_across_fork
from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_BAD_PATHNAME,
    ERROR_FILE_NOT_FOUND,
    ERROR_INVALID_HANDLE,
    ERROR_INVALID_PARAMETER,
    ERROR_KEY_DELETED,
    ERROR_NO_MORE_ITEMS,
    Win32Error,
)
from . import _notify, _txlocks
from ._machine import MACHINE_NAME, USERS_NAME, user_alias
from ._store import MACHINE_ID, ROOT_ID, USERS_ID, transaction
from ._store import connect as _connect
from ._values import decode, encode

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable

__all__ = [
    "HKEY_CURRENT_USER", "HKEY_LOCAL_MACHINE", "HKEY_USERS",
    "KEY_QUERY_VALUE", "KEY_SET_VALUE", "KEY_CREATE_SUB_KEY", "KEY_ENUMERATE_SUB_KEYS",
    "KEY_NOTIFY", "KEY_READ", "KEY_WRITE", "KEY_ALL_ACCESS",
    "Key", "KeyInfo", "open_key", "create_key", "delete_key", "key_of_handle", "root_key",
    "refuse_root", "require_writable", "root_of_handle", "install_views", "check_value_name",
    "MAX_KEY_NAME", "MAX_VALUE_NAME", "override_predefined",
]  # fmt: skip

HKEY_CURRENT_USER = 0x80000001  # the predefined handle: the root of the user registry
HKEY_LOCAL_MACHINE = 0x80000002  # the machine's keys (kept per Linux user: see _machine)
HKEY_USERS = 0x80000003  # .DEFAULT and the user's SID (HKEY_CURRENT_USER's root)
KEY_QUERY_VALUE = 0x1
KEY_SET_VALUE = 0x2
KEY_CREATE_SUB_KEY = 0x4
KEY_ENUMERATE_SUB_KEYS = 0x8
KEY_NOTIFY = 0x10
KEY_READ = 0x20019
KEY_WRITE = 0x20006
KEY_ALL_ACCESS = 0xF003F
_PREDEFINED = range(0x80000000, 0x80000100)
_CLASSES_ROOT = 0x80000000  # HKEY_CLASSES_ROOT: see _classes


class KeyInfo(NamedTuple):
    """RegQueryInfoKey's counts, the last write as seconds since the epoch, and the longest
    subkey name, value name (characters) and value data (bytes)."""  # noqa: D205, D209

    subkeys: int
    values: int
    last_write: float
    longest_subkey: int = 0
    longest_value_name: int = 0
    longest_value: int = 0


class Key:
    """An open registry key (the object an HKEY names)."""

    __slots__ = ("__weakref__", "_id", "path")

    def __init__(self, key_id: int, path: str) -> None:
        self._id = key_id
        self.path = path

    def __repr__(self) -> str:
        return f"<registry Key {self.path!r}>"

    def _row(self, connection: sqlite3.Connection) -> None:
        if connection.execute("SELECT 1 FROM keys WHERE id = ?", (self._id,)).fetchone() is None:
            raise Win32Error.from_code(ERROR_KEY_DELETED, f"{self.path} was deleted")

    def set_value(self, name: str | None, kind: int, data: object) -> None:
        """Create or replace the value ``name`` (None or '': the default value)."""
        check_value_name(name)
        raw = encode(kind, data)
        name = name or ""
        _txlocks.check(self.path)
        with transaction() as connection:
            self._row(connection)
            connection.execute(
                "INSERT INTO key_values (key, name, name_key, type, data) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (key, name_key) DO UPDATE SET type = excluded.type,"
                " data = excluded.data",
                (self._id, name, name.lower(), kind, raw),
            )
            _touch(connection, self._id, _notify.REG_NOTIFY_CHANGE_LAST_SET)
        _notify.poll()

    def query_value(self, name: str | None) -> tuple[object, int]:
        """The value's data and type; ERROR_FILE_NOT_FOUND if it is not set."""
        with _connect() as connection:
            self._row(connection)
            row = connection.execute(
                "SELECT type, data FROM key_values WHERE key = ? AND name_key = ?",
                (self._id, (name or "").lower()),
            ).fetchone()
        if row is None:
            raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"{self.path} has no value {name!r}")
        return decode(row[0], row[1]), row[0]

    def delete_value(self, name: str | None) -> None:
        """Remove the value ``name``; ERROR_FILE_NOT_FOUND if it is not set."""
        _txlocks.check(self.path)
        with transaction() as connection:
            self._row(connection)
            gone = connection.execute(
                "DELETE FROM key_values WHERE key = ? AND name_key = ?",
                (self._id, (name or "").lower()),
            ).rowcount
            if not gone:
                raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no value {name!r}")
            _touch(connection, self._id, _notify.REG_NOTIFY_CHANGE_LAST_SET)
        _notify.poll()

    def value_at(self, index: int) -> tuple[str, object, int]:
        """The ``index``-th value (name, data, type); ERROR_NO_MORE_ITEMS past the last."""
        with _connect() as connection:
            self._row(connection)
            row = connection.execute(
                "SELECT name, type, data FROM key_values WHERE key = ? ORDER BY seq"
                " LIMIT 1 OFFSET ?",
                (self._id, index),
            ).fetchone()
        if row is None or index < 0:
            raise Win32Error.from_code(ERROR_NO_MORE_ITEMS, f"{self.path} has no value {index}")
        return row[0], decode(row[1], row[2]), row[1]

    def subkey_at(self, index: int) -> str:
        """The name of the ``index``-th subkey; ERROR_NO_MORE_ITEMS past the last."""
        with _connect() as connection:
            self._row(connection)
            row = connection.execute(
                "SELECT name FROM keys WHERE parent = ? ORDER BY name_key LIMIT 1 OFFSET ?",
                (self._id, index),
            ).fetchone()
        if row is None or index < 0:
            raise Win32Error.from_code(ERROR_NO_MORE_ITEMS, f"{self.path} has no subkey {index}")
        return str(row[0])

    def info(self) -> KeyInfo:
        """How many subkeys and values the key has, and when it was last written."""
        with _connect() as connection:
            self._row(connection)
            subkeys, longest_subkey = connection.execute(
                "SELECT count(*), coalesce(max(length(name)), 0) FROM keys WHERE parent = ?",
                (self._id,),
            ).fetchone()
            values, longest_name, longest_value = connection.execute(
                "SELECT count(*), coalesce(max(length(name)), 0), coalesce(max(length(data)), 0)"
                " FROM key_values WHERE key = ?",
                (self._id,),
            ).fetchone()
            (written,) = connection.execute(
                "SELECT last_write FROM keys WHERE id = ?", (self._id,)
            ).fetchone()
        return KeyInfo(subkeys, values, written, longest_subkey, longest_name, longest_value)

    def notify(self, event: kernel.Event, *, subtree: bool, changes: int) -> None:
        """Set ``event`` once, at the next change of ``changes`` kinds under this key.

        ``changes``: REG_NOTIFY_CHANGE_NAME (a subkey created or deleted) and/or
        REG_NOTIFY_CHANGE_LAST_SET (a value set or deleted); ``subtree`` watches every key
        below too. A change made by any process of the user counts; one made by this process
        sets the event before its call returns. As on Windows, the event is also set when
        this key is closed (:meth:`close`), or when the calling thread ends unless
        ``changes`` holds REG_NOTIFY_THREAD_AGNOSTIC.
        """
        with _connect() as connection:
            self._row(connection)
        _notify.watch(self._id, event, subtree=subtree, changes=changes, owner=self)

    def wait_for_change(self, *, subtree: bool, changes: int) -> None:
        """Block until the next change of ``changes`` kinds under this key, or its close.

        The synchronous RegNotifyChangeKeyValue. A Ctrl+C in the main thread interrupts it
        (KeyboardInterrupt), and the watch it made ends with it.
        """
        changed = kernel.Event(manual_reset=True)
        self.notify(changed, subtree=subtree, changes=changes | _notify.REG_NOTIFY_THREAD_AGNOSTIC)
        try:
            changed.wait()
        finally:
            _notify.end_watch_setting(changed)

    def _open_subkey(self, parts: list[str]) -> Key:
        with _connect() as connection:
            key_id, path, _ = _walk(connection, self, parts, create=False)
        return Key(key_id, path)

    def _create_subkey(self, parts: list[str]) -> tuple[Key, bool]:
        with transaction() as connection:
            key_id, path, made = _walk(connection, self, parts, create=True)
        if made:
            _notify.poll()
        return Key(key_id, path), made

    def _delete_subkey(self, parts: list[str]) -> None:
        with transaction() as connection:
            key_id, path, _ = _walk(connection, self, parts, create=False)
            refuse_root(key_id, path)
            if connection.execute("SELECT 1 FROM keys WHERE parent = ?", (key_id,)).fetchone():
                raise Win32Error.from_code(ERROR_ACCESS_DENIED, f"{path} has subkeys")
            _txlocks.check(path, path.rpartition("\\")[0])
            (above,) = connection.execute(
                "SELECT parent FROM keys WHERE id = ?", (key_id,)
            ).fetchone()
            _touch(connection, key_id, _notify.REG_NOTIFY_CHANGE_LAST_SET)
            _touch(connection, above, _notify.REG_NOTIFY_CHANGE_NAME)
            connection.execute("DELETE FROM key_values WHERE key = ?", (key_id,))
            connection.execute("DELETE FROM keys WHERE id = ?", (key_id,))
        _notify.poll()

    def close(self) -> None:
        """Close this open key: the watches made through it end, setting their events.

        The facade calls it when the key's last handle closes (RegCloseKey); it does nothing
        to a predefined root, which is never closed.
        """
        if all(self is not root for root in _ROOTS.values()):
            _notify.end_watches_of(self)

    close_on_last_handle = close  # the handle table's hook: RegCloseKey, CloseHandle


def _touch(connection: sqlite3.Connection, key_id: int, kind: int) -> None:
    """Stamp the key's last write and record the change for the notifications.

    Every write to a key passes here, inside its transaction: a write below a machine-wide
    root by a token that is not elevated fails (ERROR_ACCESS_DENIED), as Windows refuses it.
    """
    chain: list[int] = []
    current: int | None = key_id
    while current is not None:
        chain.append(current)
        (current,) = connection.execute(
            "SELECT parent FROM keys WHERE id = ?", (current,)
        ).fetchone()
    if chain[-1] != ROOT_ID:
        _require_elevation(MACHINE_NAME if chain[-1] == MACHINE_ID else USERS_NAME)
    connection.execute("UPDATE keys SET last_write = ? WHERE id = ?", (time.time(), key_id))
    connection.execute(
        "INSERT INTO changes (key, kind, chain) VALUES (?, ?, ?)",
        (key_id, kind, "/" + "/".join(map(str, chain)) + "/"),
    )


def require_writable(path: str) -> None:
    """Refuse a write to the key at ``path`` as :func:`_touch` would (a transacted write)."""
    root = path.split("\\")[0]
    if root != _ROOT.path:
        _require_elevation(root)


def _require_elevation(name: str) -> None:
    """Refuse a write below the machine-wide root ``name`` unless the caller's token is elevated.

    Windows gives the machine's keys to Administrators and SYSTEM; the token here is an
    elevated administrator's when the process runs as root (``kernel.Token``), or one a
    thread impersonates.
    """
    if not kernel.effective_token(kernel.current_thread()).elevated:
        raise Win32Error.from_code(
            ERROR_ACCESS_DENIED, f"writing below {name} needs an elevated administrator's token"
        )


MAX_KEY_NAME = 256  # characters of one key's name (Wine's limit: 257 gives 87)
MAX_VALUE_NAME = 16383  # characters of a value's name (the SDK's registry element limits)


def check_value_name(name: str | None) -> None:
    """ERROR_INVALID_PARAMETER for a value name longer than Windows keeps."""
    if name is not None and len(name) > MAX_VALUE_NAME:
        raise Win32Error.from_code(
            ERROR_INVALID_PARAMETER,
            f"a value's name has at most {MAX_VALUE_NAME} characters, not {len(name)}",
        )


def _parts(subkey: str | None) -> list[str]:
    if subkey is None:
        return []
    if not isinstance(subkey, str):
        raise TypeError(f"a subkey must be a str or None, not {type(subkey).__name__}")
    if subkey.startswith("\\"):
        raise Win32Error.from_code(ERROR_BAD_PATHNAME, f"{subkey!r} starts with a backslash")
    parts = [part for part in subkey.split("\\") if part]
    for part in parts:
        if len(part) > MAX_KEY_NAME:
            raise Win32Error.from_code(
                ERROR_INVALID_PARAMETER,
                f"a key's name has at most {MAX_KEY_NAME} characters, not {len(part)}",
            )
    return parts


def _walk(
    connection: sqlite3.Connection, parent: Key, parts: list[str], *, create: bool
) -> tuple[int, str, bool]:
    """Find (or make) the key at ``parts`` under ``parent``: its id, its path, made or not."""
    parent._row(connection)
    key_id, path, made = parent._id, parent.path, False
    for part in parts:
        row = connection.execute(
            "SELECT id, name FROM keys WHERE parent = ? AND name_key = ?", (key_id, part.lower())
        ).fetchone()
        if row is None:
            if not create:
                raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no key {path}\\{part}")
            _txlocks.check(path, f"{path}\\{part}")
            cursor = connection.execute(
                "INSERT INTO keys (parent, name, name_key, last_write) VALUES (?, ?, ?, ?)",
                (key_id, part, part.lower(), time.time()),
            )
            _touch(connection, key_id, _notify.REG_NOTIFY_CHANGE_NAME)
            row, made = (cursor.lastrowid, part), True
        if key_id == USERS_ID and user_alias(str(row[1])):
            key_id, path = ROOT_ID, _ROOT.path  # HKEY_USERS\<the user's SID> is HKCU's root
            continue
        key_id, path = int(row[0]), f"{path}\\{row[1]}"
    return key_id, path, made


_views: list[Callable[..., Any]] = []  # _classes' classes_view and view_below, at its import


def install_views(
    root: Callable[[], Key], below: Callable[[Key, list[str]], tuple[Key, list[str]] | None]
) -> None:
    """Install HKEY_CLASSES_ROOT's view (:mod:`._classes` does, as it is imported)."""
    _views[:] = [root, below]


def _routed(parent: Key, parts: list[str]) -> tuple[Key, list[str]]:
    r"""Where ``parts`` below ``parent`` lead: a root's ``Software\Classes`` is a classes view."""
    found = _views[1](parent, parts) if _views else None
    return (parent, parts) if found is None else found


def open_key(parent: Key, subkey: str | None) -> Key:
    r"""Open an existing key; ERROR_FILE_NOT_FOUND if it does not exist.

    Through a transacted key (:func:`transacted_key`), the key opened is in its transaction.
    A root's ``Software\Classes`` and the keys below it are HKEY_CLASSES_ROOT's view of the
    class registry (:mod:`._classes`).
    """
    below, parts = _routed(parent, _parts(subkey))
    return below._open_subkey(parts)


def create_key(parent: Key, subkey: str | None) -> tuple[Key, bool]:
    """Open a key, creating it and the keys above it as needed; True if it was created."""
    below, parts = _routed(parent, _parts(subkey))
    return below._create_subkey(parts)


def delete_key(parent: Key, subkey: str) -> None:
    """Delete a key and its values; ERROR_ACCESS_DENIED if it has subkeys (as Windows).

    An empty ``subkey`` names ``parent`` itself, which is deleted (Windows opens the subkey
    relative to ``parent`` and deletes what it opened); a root is never deleted.
    """
    below, parts = _routed(parent, _parts(subkey))
    below._delete_subkey(parts)


def refuse_root(key_id: int, path: str) -> None:
    """ERROR_ACCESS_DENIED for deleting a root (HKEY_USERS' SID key leads to HKCU's)."""
    if key_id in (ROOT_ID, MACHINE_ID, USERS_ID):
        raise Win32Error.from_code(ERROR_ACCESS_DENIED, f"{path} is a root: it cannot be deleted")


_ROOT = Key(ROOT_ID, "HKEY_CURRENT_USER")
_ROOTS = {
    HKEY_CURRENT_USER: _ROOT,
    HKEY_LOCAL_MACHINE: Key(MACHINE_ID, MACHINE_NAME),
    HKEY_USERS: Key(USERS_ID, USERS_NAME),
}


def root_of_handle(handle: int) -> Key:
    """The root key of a modelled predefined handle (HKEY_CURRENT_USER...)."""
    return _ROOTS[handle]


def root_key(name: str) -> Key | None:
    """The root key named ``name`` (``HKEY_LOCAL_MACHINE``...), any case; None for no root."""
    folded = name.upper()
    return next((root for root in _ROOTS.values() if root.path == folded), None)


# RegOverridePredefKey's map: a predefined handle's 32-bit value -> the key it names in this
# process instead of its own. Process-wide, as on Windows; guarded by its own lock.
_OVERRIDABLE = frozenset(range(0x80000000, 0x80000006))  # HKCR, HKCU, HKLM, HKU, perf, config
_overrides: dict[int, Key] = {}
_overrides_lock = threading.Lock()  # a leaf: nothing is taken under it
hold_across_fork(_overrides_lock, CLOCK)


def override_predefined(handle: int, key: Key | None) -> None:
    """Make the predefined ``handle`` name ``key`` in this process; None restores its own.

    RegOverridePredefKey: later uses of the predefined handle (opening a subkey, reading a
    value...) go to ``key`` even after the handle ``key`` came from is closed, as the system
    keeps its own reference. Only the six overridable roots are accepted.

    Raises:
        InvalidHandleError: ``handle`` is not HKEY_CLASSES_ROOT, HKEY_CURRENT_USER,
            HKEY_LOCAL_MACHINE, HKEY_USERS, HKEY_PERFORMANCE_DATA or HKEY_CURRENT_CONFIG.
    """
    low = handle & 0xFFFFFFFF
    if low not in _OVERRIDABLE or handle not in (low, low - 2**32):
        raise Win32Error.from_code(ERROR_INVALID_HANDLE, f"{handle:#x} cannot be overridden")
    with _overrides_lock:
        if key is None:
            _overrides.pop(low, None)
        else:
            _overrides[low] = key


def key_of_handle(value: int, access: int = 0) -> Key:
    """The key a handle names: a modelled predefined key, or an open key's with ``access``.

    A root that :func:`override_predefined` mapped names its override. Otherwise
    HKEY_CLASSES_ROOT, HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE and HKEY_USERS are modelled,
    each as its 32-bit value or pywin32's signed one; HKEY_CLASSES_ROOT is a view of the
    class registry (:mod:`._classes`).

    Raises:
        InvalidHandleError: not a key (or another predefined key: HKEY_CURRENT_CONFIG...).
        AccessDeniedError: the handle lacks ``access``.
    """
    low = value & 0xFFFFFFFF
    if low in _PREDEFINED and value in (low, low - 2**32):
        with _overrides_lock:
            override = _overrides.get(low)
        if override is not None:
            return override
        root = _ROOTS.get(low)
        if low == _CLASSES_ROOT and _views:
            return _views[0]()  # type: ignore[no-any-return]
        if root is None:
            raise Win32Error.from_code(
                ERROR_INVALID_HANDLE, f"predefined key {low:#x} is not modelled"
            )
        return root
    return kernel.handles.get_typed(value, Key, access)
