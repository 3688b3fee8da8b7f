"""Transacted keys (RegOpenKeyTransacted, RegCreateKeyTransacted): changes kept until commit.

A :class:`TransactedKey` is a key seen through a kernel :class:`~apartment.kernel.Transaction`.
What it changes (values set or deleted, keys created or deleted) is kept in the transaction's
work, not in the store: handles of the same transaction see the committed state with those
changes on top; every other handle, of this process or another, sees the committed state
only. At commit the changes are applied in one write of the store (so other processes see all
of them or none), in the order they were made; at rollback, or when the transaction's last
handle closes uncommitted, they are dropped. A key the transaction changed is locked until it
ends (:mod:`._txlocks`): a change to it from outside fails with ERROR_TRANSACTIONAL_CONFLICT.

Reads through a transacted key see changes committed by others meanwhile, where the
transaction has not changed the same key (read committed, as Windows' transacted registry).
RegDeleteTree, RegCopyTree, RegSaveKey, RegRestoreKey, key security and change notifications
are not transacted here: through a transacted key they fail with ERROR_NOT_SUPPORTED.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_FILE_NOT_FOUND,
    ERROR_KEY_DELETED,
    ERROR_NO_MORE_ITEMS,
    ERROR_NOT_SUPPORTED,
    ERROR_TRANSACTION_NOT_ACTIVE,
    ERROR_TRANSACTIONAL_CONFLICT,
    Win32Error,
)
from . import _notify, _txlocks
from ._keys import Key, KeyInfo, _touch, _walk, check_value_name, require_writable, root_key
from ._store import connect as _connect
from ._store import transaction
from ._values import decode, encode

if TYPE_CHECKING:
    import sqlite3

    from .. import kernel

__all__ = ["TransactedKey", "transacted_key"]

_KIND = "registry"
_ROOT_NAMES = ("HKEY_CURRENT_USER", "HKEY_LOCAL_MACHINE")  # HKEY_USERS' alias is not walked
_Value = tuple[str, int, bytes]  # name, type, the stored bytes


def _lookup(connection: sqlite3.Connection, path: str) -> tuple[int, str] | None:
    """The stored key at ``path``: its id and its path as stored (case kept), or None."""
    root = _root_of(path)
    key_id, shown = root._id, root.path
    for part in path.split("\\")[1:]:
        row = connection.execute(
            "SELECT id, name FROM keys WHERE parent = ? AND name_key = ?", (key_id, part.lower())
        ).fetchone()
        if row is None:
            return None
        key_id, shown = int(row[0]), f"{shown}\\{row[1]}"
    return key_id, shown


class _Work:
    """One transaction's changes to the registry: its enlistment in the kernel Transaction.

    Every field is guarded by ``_lock``; ``commit`` and ``rollback`` run on the thread that
    ends the transaction.
    """

    def __init__(self, owner: kernel.Transaction) -> None:
        self.owner = owner
        self._lock = threading.Lock()
        self._ended = False
        self._created: dict[str, str] = {}  # lower-cased path -> the path as created
        self._deleted: set[str] = set()  # stored keys deleted (a later create brings it back)
        self._cleared: set[str] = set()  # keys whose stored values are hidden (deleted here)
        self._values: dict[str, dict[str, _Value | None]] = {}  # None: deleted here
        self._made_at: dict[str, float] = {}
        self._ops: list[tuple[str, str, _Value | None]] = []  # replayed at commit

    # -- the view (lock held) ---------------------------------------------------------------

    def _check(self) -> None:
        if self._ended:
            raise Win32Error.from_code(ERROR_TRANSACTION_NOT_ACTIVE, "the transaction has ended")

    def _find(self, connection: sqlite3.Connection, path: str) -> str | None:
        """The key at ``path`` as this transaction sees it: its path with stored case, or None."""
        low = path.lower()
        if low in self._created:
            return self._created[low]
        if low in self._deleted:
            return None
        found = _lookup(connection, path)
        return None if found is None else found[1]

    def _subkeys(self, connection: sqlite3.Connection, path: str) -> list[tuple[str, float]]:
        low = path.lower()
        seen: dict[str, tuple[str, float]] = {}
        found = None if low in self._deleted else _lookup(connection, path)
        if found is not None:
            for name, name_key, written in connection.execute(
                "SELECT name, name_key, last_write FROM keys WHERE parent = ?", (found[0],)
            ):
                child = f"{low}\\{name_key}"
                if child not in self._deleted or child in self._created:
                    seen[name_key] = (str(name), float(written))
        for child, shown in self._created.items():
            above, _, name_key = child.rpartition("\\")
            if above == low and name_key not in seen:
                seen[name_key] = (shown.rpartition("\\")[2], self._made_at.get(child, 0.0))
        return [seen[name_key] for name_key in sorted(seen)]

    def _values_of(self, connection: sqlite3.Connection, path: str) -> list[_Value]:
        low = path.lower()
        changed = self._values.get(low, {})
        shown: list[_Value] = []
        stored = None if low in self._cleared else _lookup(connection, path)
        if stored is not None:
            for name, kind, data in connection.execute(
                "SELECT name, type, data FROM key_values WHERE key = ? ORDER BY seq", (stored[0],)
            ):
                name_key = str(name).lower()
                if name_key not in changed:
                    shown.append((str(name), int(kind), bytes(data)))
                elif (value := changed[name_key]) is not None:
                    shown.append((str(name), value[1], value[2]))
            stored_names = {value[0].lower() for value in shown}
        else:
            stored_names = set()
        shown += [
            value
            for name_key, value in changed.items()
            if value is not None and name_key not in stored_names
        ]
        return shown

    def _existing(self, connection: sqlite3.Connection, path: str) -> str:
        found = self._find(connection, path)
        if found is None:
            raise Win32Error.from_code(ERROR_KEY_DELETED, f"{path} was deleted")
        return found

    # -- reads and changes through a TransactedKey -----------------------------------------

    def query(self, path: str, name: str | None) -> _Value | None:
        with self._lock, _connect() as connection:
            self._check()
            self._existing(connection, path)
            name_key = (name or "").lower()
            for value in self._values_of(connection, path):
                if value[0].lower() == name_key:
                    return value
        return None

    def values(self, path: str) -> list[_Value]:
        with self._lock, _connect() as connection:
            self._check()
            self._existing(connection, path)
            return self._values_of(connection, path)

    def subkeys(self, path: str) -> list[tuple[str, float]]:
        with self._lock, _connect() as connection:
            self._check()
            self._existing(connection, path)
            return self._subkeys(connection, path)

    def info(self, path: str) -> KeyInfo:
        with self._lock, _connect() as connection:
            self._check()
            self._existing(connection, path)
            subkeys = self._subkeys(connection, path)
            values = self._values_of(connection, path)
            found = None if path.lower() in self._deleted else _lookup(connection, path)
            if found is not None:
                (written,) = connection.execute(
                    "SELECT last_write FROM keys WHERE id = ?", (found[0],)
                ).fetchone()
            else:
                written = self._made_at.get(path.lower(), 0.0)
        return KeyInfo(
            len(subkeys),
            len(values),
            float(written),
            max((len(name) for name, _ in subkeys), default=0),
            max((len(value[0]) for value in values), default=0),
            max((len(value[2]) for value in values), default=0),
        )

    def set_value(self, path: str, name: str, kind: int, raw: bytes) -> None:
        with self._lock, _connect() as connection:
            self._check()
            self._existing(connection, path)
            _txlocks.lock(self, [path])
            self._values.setdefault(path.lower(), {})[name.lower()] = (name, kind, raw)
            self._ops.append(("set", path, (name, kind, raw)))

    def delete_value(self, path: str, name: str) -> None:
        with self._lock, _connect() as connection:
            self._check()
            self._existing(connection, path)
            if all(value[0].lower() != name.lower() for value in self._values_of(connection, path)):
                raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no value {name!r}")
            _txlocks.lock(self, [path])
            self._values.setdefault(path.lower(), {})[name.lower()] = None
            self._ops.append(("delete value", path, (name, 0, b"")))

    def walk(self, path: str, parts: list[str], *, create: bool) -> tuple[str, bool]:
        """The path of the key at ``parts`` below ``path`` (made if ``create``), and if made."""
        with self._lock, _connect() as connection:
            self._check()
            current, made = self._existing(connection, path), False
            for part in parts:
                child = self._find(connection, f"{current}\\{part}")
                if child is None:
                    if not create:
                        raise Win32Error.from_code(
                            ERROR_FILE_NOT_FOUND, f"no key {current}\\{part}"
                        )
                    child = f"{current}\\{part}"
                    _txlocks.lock(self, [current, child])
                    self._created[child.lower()] = child
                    self._made_at[child.lower()] = time.time()
                    self._ops.append(("create", child, None))
                    made = True
                current = child
            return current, made

    def delete_key(self, path: str) -> None:
        with self._lock, _connect() as connection:
            self._check()
            shown = self._existing(connection, path)
            if self._subkeys(connection, shown):
                raise Win32Error.from_code(ERROR_ACCESS_DENIED, f"{shown} has subkeys")
            low = shown.lower()
            _txlocks.lock(self, [shown, shown.rpartition("\\")[0]])
            if self._created.pop(low, None) is None or _lookup(connection, shown) is not None:
                self._deleted.add(low)
            self._cleared.add(low)
            self._values[low] = {}
            self._ops.append(("delete key", shown, None))

    # -- the Enlistment protocol: the transaction ends ---------------------------------------

    def commit(self) -> None:
        """Apply the changes in one write of the store, in the order they were made."""
        with self._lock:
            try:
                with _txlocks.acting_for(self), transaction() as connection:
                    for op, path, value in self._ops:
                        _replay(connection, op, path, value)
            finally:
                self._end()
        _notify.poll()

    def rollback(self) -> None:
        """Drop the changes."""
        with self._lock:
            self._end()

    def _end(self) -> None:
        self._ended = True
        self._ops.clear()
        self._values.clear()
        self._created.clear()
        _txlocks.unlock_all(self)


def _root_of(path: str) -> Key:
    """The root key ``path`` starts at (one of ``_ROOT_NAMES``: ``transacted_key`` checks)."""
    root = root_key(path.split("\\")[0])
    assert root is not None, f"{path} starts at no root"
    return root


def _replay(connection: sqlite3.Connection, op: str, path: str, value: _Value | None) -> None:
    parts = path.split("\\")[1:]
    if op == "create":
        _walk(connection, _root_of(path), parts, create=True)
        return
    assert op == "delete key" or value is not None, "a value's change names its value"
    if op == "set" and value is not None:
        key_id, _, _ = _walk(connection, _root_of(path), parts, create=True)
        connection.execute(
            "INSERT INTO key_values (key, name, name_key, type, data) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (key, name_key) DO UPDATE SET type = excluded.type,"
            " data = excluded.data",
            (key_id, value[0], value[0].lower(), value[1], value[2]),
        )
        _touch(connection, key_id, _notify.REG_NOTIFY_CHANGE_LAST_SET)
        return
    found = _lookup(connection, path)
    if found is None:
        return  # deleted meanwhile by another process: the outcome is the same
    key_id = found[0]
    if op == "delete value" and value is not None:
        connection.execute(
            "DELETE FROM key_values WHERE key = ? AND name_key = ?", (key_id, value[0].lower())
        )
        _touch(connection, key_id, _notify.REG_NOTIFY_CHANGE_LAST_SET)
        return
    if connection.execute("SELECT 1 FROM keys WHERE parent = ?", (key_id,)).fetchone():
        # another process made a subkey meanwhile: nothing of this transaction is applied
        raise Win32Error.from_code(ERROR_TRANSACTIONAL_CONFLICT, f"{path} has subkeys now")
    (above,) = connection.execute("SELECT parent FROM keys WHERE id = ?", (key_id,)).fetchone()
    _touch(connection, key_id, _notify.REG_NOTIFY_CHANGE_LAST_SET)
    _touch(connection, above, _notify.REG_NOTIFY_CHANGE_NAME)
    connection.execute("DELETE FROM key_values WHERE key = ?", (key_id,))
    connection.execute("DELETE FROM keys WHERE id = ?", (key_id,))


class TransactedKey(Key):
    """A key seen through a transaction: what it changes waits for the commit."""

    __slots__ = ("transaction",)

    def __init__(self, path: str, owner: kernel.Transaction) -> None:
        super().__init__(-1, path)
        self.transaction = owner

    def __repr__(self) -> str:
        return f"<registry Key {self.path!r} in {self.transaction!r}>"

    def _work(self) -> _Work:
        return self.transaction.enlist(_KIND, _Work)

    def _row(self, connection: sqlite3.Connection) -> None:
        raise Win32Error.from_code(
            ERROR_NOT_SUPPORTED, f"{self.path}: this call is not transacted here"
        )

    def set_value(self, name: str | None, kind: int, data: object) -> None:
        """Set the value ``name`` in the transaction."""
        require_writable(self.path)
        check_value_name(name)
        self._work().set_value(self.path, name or "", kind, encode(kind, data))

    def query_value(self, name: str | None) -> tuple[object, int]:
        """The value as the transaction sees it; ERROR_FILE_NOT_FOUND if it is not set."""
        found = self._work().query(self.path, name)
        if found is None:
            raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"{self.path} has no value {name!r}")
        return decode(found[1], found[2]), found[1]

    def delete_value(self, name: str | None) -> None:
        """Delete the value ``name`` in the transaction."""
        require_writable(self.path)
        self._work().delete_value(self.path, name or "")

    def value_at(self, index: int) -> tuple[str, object, int]:
        """The ``index``-th value as the transaction sees it."""
        values = self._work().values(self.path)
        if not 0 <= index < len(values):
            raise Win32Error.from_code(ERROR_NO_MORE_ITEMS, f"{self.path} has no value {index}")
        name, kind, raw = values[index]
        return name, decode(kind, raw), kind

    def subkey_at(self, index: int) -> str:
        """The ``index``-th subkey's name as the transaction sees it."""
        names = self._work().subkeys(self.path)
        if not 0 <= index < len(names):
            raise Win32Error.from_code(ERROR_NO_MORE_ITEMS, f"{self.path} has no subkey {index}")
        return names[index][0]

    def subkeys_with_times(self) -> list[tuple[str, float]]:
        """Every subkey's name and last write as the transaction sees them."""
        return self._work().subkeys(self.path)

    def info(self) -> KeyInfo:
        """RegQueryInfoKey as the transaction sees the key."""
        return self._work().info(self.path)

    def notify(self, event: kernel.Event, *, subtree: bool, changes: int) -> None:
        """Not transacted here: ERROR_NOT_SUPPORTED."""
        self._row(None)  # type: ignore[arg-type]

    def _open_subkey(self, parts: list[str]) -> Key:
        path, _ = self._work().walk(self.path, parts, create=False)
        return TransactedKey(path, self.transaction)

    def _create_subkey(self, parts: list[str]) -> tuple[Key, bool]:
        try:
            return self._open_subkey(parts), False
        except Win32Error as error:
            if error.winerror != ERROR_FILE_NOT_FOUND:
                raise
        require_writable(self.path)  # a key is to be made: a write
        path, made = self._work().walk(self.path, parts, create=True)
        return TransactedKey(path, self.transaction), made

    def _delete_subkey(self, parts: list[str]) -> None:
        require_writable(self.path)
        work = self._work()
        path, _ = work.walk(self.path, parts, create=False)
        work.delete_key(path)


def transacted_key(key: Key, owner: kernel.Transaction) -> TransactedKey:
    r"""``key`` seen through the transaction ``owner`` (RegOpenKeyTransacted's parent).

    Raises:
        Win32Error: ERROR_TRANSACTION_NOT_ACTIVE if ``owner`` has ended; ERROR_NOT_SUPPORTED
            for a key outside HKEY_CURRENT_USER and HKEY_LOCAL_MACHINE, or in a classes
            view (HKEY_CLASSES_ROOT, a root's ``Software\Classes``).
    """
    from ._classes import ClassesKey

    owner.check_active()
    if isinstance(key, ClassesKey) or key.path.split("\\")[0] not in _ROOT_NAMES:
        raise Win32Error.from_code(ERROR_NOT_SUPPORTED, f"{key.path} is not transacted here")
    return TransactedKey(key.path, owner)
