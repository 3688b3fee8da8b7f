"""The keys HKEY_CLASSES_ROOT shows: those made from the class registry, and written ones.

:func:`made_tree` gives, afresh at each call, the keys Windows would hold for every class the
class registry has (``apartment.com`` makes them: it installs its :class:`ClassSource` when
it is imported, as the registry, a lower layer, cannot import it); the ``written_*``
functions read the keys written through the registry calls, row by row, from the user
registry's store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from ._store import connect as _connect
from ._values import REG_EXPAND_SZ, REG_SZ, decode

if TYPE_CHECKING:
    from ._classes import ClassesKey
    from ._keys import Key

__all__ = [
    "Node", "Value", "ClassSource", "set_class_source", "made_tree", "made_node", "changed",
    "written_values", "written_subkeys", "subkey_times", "text_of",
]  # fmt: skip

Value = tuple[str, object, int]  # name, data, type


class Node:
    """A key made from the class registry: its values and subkeys, and when it was made."""

    __slots__ = ("children", "stamp", "values")

    def __init__(self, stamp: float) -> None:
        self.values: dict[str, Value] = {}
        self.children: dict[str, tuple[str, Node]] = {}
        self.stamp = stamp

    def child(self, name: str, stamp: float) -> Node:
        found = self.children.get(name.lower())
        if found is None:
            found = (name, Node(stamp))
            self.children[name.lower()] = found
        found[1].stamp = max(found[1].stamp, stamp)
        return found[1]

    def text(self, name: str, data: str) -> None:
        self.values[name.lower()] = (name, data, REG_SZ)


class ClassSource(Protocol):
    """What the COM layer gives the view: its classes' keys, and a hook for written ones."""

    def made_tree(self) -> Node:
        """The keys of every registered class (a new tree at each call)."""
        ...

    def changed(
        self,
        key: ClassesKey,
        at: list[str],
        *,
        gone_key: bool,
        gone_value: str | None,
    ) -> None:
        """The written keys at ``at`` changed (``gone_key``: deleted; ``gone_value``: that
        value deleted): register the class they describe again."""  # noqa: D205, D209
        ...


_sources: list[ClassSource] = []  # the one apartment.com installs at its import


def set_class_source(source: ClassSource) -> None:
    """Install the class registry's side of the view (``apartment.com`` does, at import)."""
    _sources[:] = [source]


def made_tree() -> Node:
    """The keys of every registered class; only ``CLSID`` before apartment.com is loaded."""
    if _sources:
        return _sources[0].made_tree()
    root = Node(0.0)
    root.child("CLSID", 0.0)
    return root


def changed(
    key: ClassesKey, at: list[str], *, gone_key: bool = False, gone_value: str | None = None
) -> None:
    """Tell the class registry's side that written keys at ``at`` changed."""
    if _sources:
        _sources[0].changed(key, at, gone_key=gone_key, gone_value=gone_value)


def made_node(parts: list[str]) -> Node | None:
    node: Node | None = made_tree()
    for part in parts:
        if node is None:
            return None
        found = node.children.get(part.lower())
        node = None if found is None else found[1]
    return node


def written_values(key: Key) -> list[Value]:
    with _connect() as connection:
        key._row(connection)
        rows = connection.execute(
            "SELECT name, type, data FROM key_values WHERE key = ? ORDER BY seq", (key._id,)
        ).fetchall()
    return [(str(name), decode(kind, data), int(kind)) for name, kind, data in rows]


def written_subkeys(key: Key) -> list[str]:
    with _connect() as connection:
        key._row(connection)
        rows = connection.execute(
            "SELECT name FROM keys WHERE parent = ? ORDER BY name_key", (key._id,)
        ).fetchall()
    return [str(row[0]) for row in rows]


def subkey_times(key: Key) -> list[tuple[str, float]]:
    with _connect() as connection:
        key._row(connection)
        rows = connection.execute(
            "SELECT name, last_write FROM keys WHERE parent = ? ORDER BY name_key", (key._id,)
        ).fetchall()
    return [(str(name), float(written)) for name, written in rows]


def text_of(values: list[Value], name: str = "") -> str | None:
    for value_name, data, kind in values:
        if value_name.lower() == name and kind in (REG_SZ, REG_EXPAND_SZ) and data:
            return str(data)
    return None
