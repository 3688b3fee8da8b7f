"""Whole subtrees of the registry: delete one, copy one, list subkeys with their times.

RegDeleteTree, RegCopyTree and RegEnumKeyEx. Each is one transaction of the registry's
store, so other processes see the tree before or after, never half of it; the notifications
fire as for the single-key calls.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ..errors import NotSupportedError
from . import _notify, _txlocks
from ._classes import ClassesKey
from ._keys import Key, _parts, _routed, _touch, _walk, refuse_root
from ._store import connect, transaction
from ._transacted import TransactedKey

if TYPE_CHECKING:
    import sqlite3

__all__ = ["delete_tree", "copy_tree", "subkeys_with_times"]


def _descendants(connection: sqlite3.Connection, key_id: int) -> list[int]:
    """The keys below ``key_id``, deepest last (children after their parent)."""
    found: list[int] = []
    level = [key_id]
    while level:
        marks = ",".join("?" * len(level))
        rows = connection.execute(f"SELECT id FROM keys WHERE parent IN ({marks})", level)
        level = [int(row[0]) for row in rows]
        found.extend(level)
    return found


def _parent_of(connection: sqlite3.Connection, key_id: int) -> int:
    (above,) = connection.execute("SELECT parent FROM keys WHERE id = ?", (key_id,)).fetchone()
    return int(above)


def delete_tree(parent: Key, subkey: str | None) -> None:
    """Delete ``subkey`` of ``parent`` with everything below it (RegDeleteTree).

    With ``subkey`` None (or empty) the key itself stays and loses its subkeys and values.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND for a subkey that does not exist.
    """
    parent, parts = _routed(parent, _parts(subkey))
    if isinstance(parent, ClassesKey):
        _delete_view_tree(parent, parts)
        return
    with transaction() as connection:
        key_id, path, _ = _walk(connection, parent, parts, create=False)
        _txlocks.check_subtree(path)
        if not parts:
            _empty(connection, key_id)
        else:
            refuse_root(key_id, path)
            above = _parent_of(connection, key_id)
            _delete_keys(connection, [key_id, *_descendants(connection, key_id)])
            _touch(connection, above, _notify.REG_NOTIFY_CHANGE_NAME)
    _notify.poll()


def _delete_view_tree(parent: ClassesKey, parts: list[str]) -> None:
    """RegDeleteTree in HKEY_CLASSES_ROOT's view: key by key, deepest first, so each
    deletion keeps the class registry in step (not one transaction: two stores)."""  # noqa: D205, D209
    top = parent._open_subkey(parts)
    assert isinstance(top, ClassesKey)  # a view's subkeys are views
    pending: list[ClassesKey] = [top]
    order: list[ClassesKey] = []
    while pending:
        key = pending.pop()
        order.append(key)
        pending.extend(
            ClassesKey(f"{key.path}\\{name}", [*key._at, name], key._layers)
            for name in key._subkeys()
        )
    for key in reversed(order):
        if key is not top or parts:
            below = key.path.split("\\")[len(parent.path.split("\\")) :]
            parent._delete_subkey(below)
    if not parts:
        for name, _, _ in top._values():
            top.delete_value(name)


def _refuse_view(key: Key, doing: str) -> None:
    if isinstance(key, ClassesKey):
        raise NotSupportedError(f"{doing} {key.path}: HKEY_CLASSES_ROOT's keys are a view here")


def _delete_keys(connection: sqlite3.Connection, doomed: list[int]) -> None:
    """Delete keys with their values, the last first (``_descendants``' order: children last)."""
    for gone in reversed(doomed):
        connection.execute("DELETE FROM key_values WHERE key = ?", (gone,))
        connection.execute("DELETE FROM keys WHERE id = ?", (gone,))


def _empty(connection: sqlite3.Connection, key_id: int) -> None:
    """Take every subkey and value from a key that stays, and record both kinds of change."""
    _delete_keys(connection, _descendants(connection, key_id))
    connection.execute("DELETE FROM key_values WHERE key = ?", (key_id,))
    _touch(connection, key_id, _notify.REG_NOTIFY_CHANGE_NAME)
    _touch(connection, key_id, _notify.REG_NOTIFY_CHANGE_LAST_SET)


Tree = tuple[list[tuple[str, str, int, bytes]], list[tuple[str, str, "Tree"]]]
"""A key's values (name, its folded name, type, data) and subkeys (name, folded, tree)."""


def _read_tree(connection: sqlite3.Connection, key_id: int) -> Tree:
    """A key's values and subkeys, read whole before any is written.

    A copy into the source's own subtree so copies what was there at the start.
    """
    values = [
        (str(name), str(name_key), int(kind), bytes(data))
        for name, name_key, kind, data in connection.execute(
            "SELECT name, name_key, type, data FROM key_values WHERE key = ? ORDER BY seq",
            (key_id,),
        )
    ]
    children = connection.execute(
        "SELECT id, name, name_key FROM keys WHERE parent = ? ORDER BY name_key", (key_id,)
    ).fetchall()
    return values, [
        (str(name), str(nk), _read_tree(connection, int(c))) for c, name, nk in children
    ]


def _write_tree(connection: sqlite3.Connection, tree: Tree, target: int) -> None:
    values, children = tree
    for name, name_key, kind, data in values:
        connection.execute(
            "INSERT OR REPLACE INTO key_values (key, name, name_key, type, data) "
            "VALUES (?, ?, ?, ?, ?)",
            (target, name, name_key, kind, data),
        )
    for name, name_key, subtree in children:
        row = connection.execute(
            "SELECT id FROM keys WHERE parent = ? AND name_key = ?", (target, name_key)
        ).fetchone()
        if row is None:
            cursor = connection.execute(
                "INSERT INTO keys (parent, name, name_key, last_write) VALUES (?, ?, ?, ?)",
                (target, name, name_key, time.time()),
            )
            row = (cursor.lastrowid,)
        _write_tree(connection, subtree, int(row[0]))


def copy_tree(source: Key, subkey: str | None, target: Key) -> None:
    """Copy the values and subkeys of ``subkey`` of ``source`` into ``target`` (RegCopyTree).

    What ``target`` has already stays, except values of the same name, which are replaced.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND for a subkey that does not exist.
    """
    source, parts = _routed(source, _parts(subkey))
    _refuse_view(source, "copying")
    _refuse_view(target, "copying into")
    with transaction() as connection:
        source_id, _, _ = _walk(connection, source, parts, create=False)
        target._row(connection)
        _write_tree(connection, _read_tree(connection, source_id), target._id)
        _touch(connection, target._id, _notify.REG_NOTIFY_CHANGE_NAME)
        _touch(connection, target._id, _notify.REG_NOTIFY_CHANGE_LAST_SET)
    _notify.poll()


def subkeys_with_times(key: Key) -> list[tuple[str, float]]:
    """Every subkey's name and last write (seconds since the epoch), in RegEnumKey's order."""
    if isinstance(key, (TransactedKey, ClassesKey)):  # what its transaction (view) sees
        return key.subkeys_with_times()
    with connect() as connection:
        key._row(connection)
        rows = connection.execute(
            "SELECT name, last_write FROM keys WHERE parent = ? ORDER BY name_key", (key._id,)
        ).fetchall()
    return [(str(name), float(written)) for name, written in rows]


def read_tree(key: Key) -> Tree:
    """``key``'s values and subkeys, whole (what RegSaveKey writes)."""
    _refuse_view(key, "saving")
    with connect() as connection:
        key._row(connection)
        return _read_tree(connection, key._id)


def replace_tree(key: Key, tree: Tree) -> None:
    """Make ``key``'s values and subkeys those of ``tree``, in one transaction (RegRestoreKey)."""
    _refuse_view(key, "restoring")
    with transaction() as connection:
        key._row(connection)
        _empty(connection, key._id)
        _write_tree(connection, tree, key._id)
    _notify.poll()
