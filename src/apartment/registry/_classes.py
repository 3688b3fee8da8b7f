r"""``HKEY_CLASSES_ROOT``: the keys of COM classes, kept in step with the class registry.

On Windows HKEY_CLASSES_ROOT merges ``HKEY_CURRENT_USER\Software\Classes`` over
``HKEY_LOCAL_MACHINE\Software\Classes``, and COM reads its classes from there. Here COM reads
its classes from the class registry (:mod:`apartment.com`, an SQLite file of its own), so a
:class:`ClassesKey` shows both:

* the keys Windows would have for every registered class, made from its entry
  (``CLSID\{clsid}`` with ``InprocServer32``, ``LocalServer32``, ``PythonCOM``,
  ``PythonCOMPath``, ``PythonCOMPolicy``, ``ProgID``, ``VersionIndependentProgID``; a ProgID's
  key with ``CLSID`` and ``CurVer``), and
* the keys written through the registry API, kept in the user registry's
  ``Software\Classes`` (HKEY_CURRENT_USER's; HKEY_LOCAL_MACHINE's is read below it, and written
  when opened through HKEY_LOCAL_MACHINE, which needs an elevated token).

A write below ``CLSID\{clsid}`` or to a ProgID's key registers the class again as those keys
now describe it (what pywin32's ``win32com.server.register`` writes, or a hand-made key), so
``CoCreateInstance`` finds it; deleting ``CLSID\{clsid}`` unregisters it. A class needs a
``PythonCOM`` (or ``PythonCOMPolicy``) value to be a class here: a CLSID key without one is
kept as keys only. Where a made key and a written one hold the same value, the later of the
key's last write and the class's registration wins. Other keys (AppID, TypeLib, Interface,
extensions) are kept as written. Change notifications see the written keys, not a
registration made through :mod:`apartment.com`.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from ..errors import ERROR_ACCESS_DENIED, ERROR_FILE_NOT_FOUND, ERROR_NO_MORE_ITEMS, Win32Error
from ._classtree import (
    Node,
    Value,
    changed,
    made_node,
    subkey_times,
    written_subkeys,
    written_values,
)
from ._keys import (
    HKEY_CURRENT_USER,
    HKEY_LOCAL_MACHINE,
    Key,
    KeyInfo,
    install_views,
    root_of_handle,
)
from ._values import encode

if TYPE_CHECKING:
    from .. import kernel

__all__ = ["HKEY_CLASSES_ROOT", "ClassesKey", "classes_view", "view_below"]

HKEY_CLASSES_ROOT = 0x80000000
_CLASSES = ("software", "classes")


def _plain(root: Key, parts: list[str]) -> Key | None:
    r"""The written key at ``root``'s ``Software\Classes\<parts>``, or None."""
    try:
        return root._open_subkey(["Software", "Classes", *parts])
    except Win32Error as error:
        if error.winerror != ERROR_FILE_NOT_FOUND:
            raise
        return None


class ClassesKey(Key):
    r"""An open key of HKEY_CLASSES_ROOT (or of a root's ``Software\Classes``).

    ``_layers`` are the roots whose ``Software\Classes`` hold its written keys, the one
    written first; ``_at`` is its path below them.
    """

    __slots__ = ("_at", "_layers")

    def __init__(self, path: str, at: list[str], layers: tuple[Key, ...]) -> None:
        super().__init__(0, path)  # no row of its own: the store's helpers refuse it
        self._at = at
        self._layers = layers

    def __repr__(self) -> str:
        return f"<registry ClassesKey {self.path!r}>"

    # -- reading -------------------------------------------------------------------------

    def _written(self, at: list[str] | None = None) -> list[Key]:
        parts = self._at if at is None else at
        return [key for key in (_plain(root, parts) for root in self._layers) if key is not None]

    def _exists(self, at: list[str]) -> bool:
        return bool(self._written(at)) or made_node(at) is not None

    def _check(self) -> None:
        if not self._exists(self._at):
            raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"{self.path} was deleted")

    def _values(self) -> list[Value]:
        """The key's values: the written and the made, the newer winning a name both hold."""
        self._check()
        written: dict[str, Value] = {}
        newest = 0.0
        for key in self._written():
            newest = max(newest, key.info().last_write)
            for value in written_values(key):
                written.setdefault(value[0].lower(), value)
        made = made_node(self._at)
        if made is None:
            return list(written.values())
        first, second = (made.values, written) if made.stamp > newest else (written, made.values)
        return list(first.values()) + [v for k, v in second.items() if k not in first]

    def _subkeys(self, at: list[str] | None = None) -> list[str]:
        names: dict[str, str] = {}
        for key in self._written(at):
            for name in written_subkeys(key):
                names.setdefault(name.lower(), name)
        made = made_node(self._at if at is None else at)
        if made is not None:
            for lowered, (name, _) in made.children.items():
                names.setdefault(lowered, name)
        return [names[k] for k in sorted(names)]

    def query_value(self, name: str | None) -> tuple[object, int]:
        """The value's data and type; ERROR_FILE_NOT_FOUND if it is not set."""
        wanted = (name or "").lower()
        for value_name, data, kind in self._values():
            if value_name.lower() == wanted:
                return data, kind
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"{self.path} has no value {name!r}")

    def value_at(self, index: int) -> tuple[str, object, int]:
        """The ``index``-th value (name, data, type); ERROR_NO_MORE_ITEMS past the last."""
        values = self._values()
        if not 0 <= index < len(values):
            raise Win32Error.from_code(ERROR_NO_MORE_ITEMS, f"{self.path} has no value {index}")
        return values[index]

    def subkey_at(self, index: int) -> str:
        """The name of the ``index``-th subkey; ERROR_NO_MORE_ITEMS past the last."""
        self._check()
        names = self._subkeys()
        if not 0 <= index < len(names):
            raise Win32Error.from_code(ERROR_NO_MORE_ITEMS, f"{self.path} has no subkey {index}")
        return names[index]

    def subkeys_with_times(self) -> list[tuple[str, float]]:
        """Each subkey's name and last write (RegEnumKeyEx): the later of written and made."""
        self._check()
        times: dict[str, float] = {}
        for key in self._written():
            for name, _ in subkey_times(key):
                times[name.lower()] = max(times.get(name.lower(), 0.0), _)
        made = made_node(self._at)
        if made is not None:
            for lowered, (_, node) in made.children.items():
                times[lowered] = max(times.get(lowered, 0.0), node.stamp)
        return [(name, times.get(name.lower(), 0.0)) for name in self._subkeys()]

    def info(self) -> KeyInfo:
        """How many subkeys and values the key has, and when it was last written."""
        values = self._values()
        subkeys = self._subkeys()
        written = [key.info().last_write for key in self._written()]
        made = made_node(self._at)
        last = max([*written, 0.0 if made is None else made.stamp])
        return KeyInfo(
            len(subkeys),
            len(values),
            last,
            max((len(name) for name in subkeys), default=0),
            max((len(name) for name, _, _ in values), default=0),
            max((len(encode(kind, data)) for _, data, kind in values), default=0),
        )

    def notify(self, event: kernel.Event, *, subtree: bool, changes: int) -> None:
        """Watch the written keys (see the module's note): the first layer's, made if need be."""
        self._check()
        self._layers[0]._create_subkey(["Software", "Classes", *self._at])[0].notify(
            event, subtree=subtree, changes=changes
        )

    def close(self) -> None:
        """Nothing to end: a watch is made on the written key, which ends with its own."""

    close_on_last_handle = close

    # -- for the class registry's side (apartment.com) ---------------------------------------

    def view(self, at: list[str]) -> ClassesKey:
        """The key at ``at`` below the view's root (it may not exist)."""
        return ClassesKey(_joined(self.path.split("\\")[0], at), at, self._layers)

    def exists(self) -> bool:
        """Whether the key is there, written or made."""
        return self._exists(self._at)

    def values(self) -> list[Value]:
        """The key's values (name, data, type), written and made."""
        return self._values()

    def subkey_names(self) -> list[str]:
        """The key's subkeys' names, written and made."""
        return self._subkeys()

    def keep_written(
        self, tree: Node, skip: list[str] | None, at: list[str], value: str | None
    ) -> None:
        r"""Write ``tree``'s keys into the first layer's Software\Classes, where missing.

        Leaves out the key ``skip`` (and what is below it) and the value ``value`` of the key
        ``at``: the ones just deleted. What is left of a class's made keys, when it stops
        being a class, so stays.
        """
        lowered_skip = None if skip is None else [part.lower() for part in skip]
        lowered_at = [part.lower() for part in at]
        pending: list[tuple[list[str], Node]] = [([], tree)]
        while pending:
            path, node = pending.pop()
            for name, child in node.children.values():
                pending.append(([*path, name], child))
            lowered = [part.lower() for part in path]
            if not path or (
                lowered_skip is not None and lowered[: len(lowered_skip)] == lowered_skip
            ):
                continue
            key = self._layers[0]._create_subkey(["Software", "Classes", *path])[0]
            present = {name.lower() for name, _, _ in written_values(key)}
            for lowered_name, (name, data, kind) in node.values.items():
                if lowered_name in present or (lowered == lowered_at and lowered_name == value):
                    continue
                key.set_value(name, kind, data)

    # -- writing -------------------------------------------------------------------------

    def _target(self) -> Key:
        return self._layers[0]._create_subkey(["Software", "Classes", *self._at])[0]

    def set_value(self, name: str | None, kind: int, data: object) -> None:
        """Set a value of the written key; a class's key registers the class again."""
        self._check()
        self._target().set_value(name, kind, data)
        changed(self, self._at)

    def delete_value(self, name: str | None) -> None:
        """Remove the value ``name``; ERROR_FILE_NOT_FOUND if it is not set."""
        self.query_value(name)  # ERROR_FILE_NOT_FOUND when it is in neither
        for key in self._written():
            with contextlib.suppress(Win32Error):
                key.delete_value(name)
        changed(self, self._at, gone_value=(name or "").lower())

    def _open_subkey(self, parts: list[str]) -> Key:
        at = [*self._at, *parts]
        if not self._exists(at):
            raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no key {_joined(self.path, parts)}")
        return ClassesKey(_joined(self.path, parts), at, self._layers)

    def _create_subkey(self, parts: list[str]) -> tuple[Key, bool]:
        at = [*self._at, *parts]
        existed = self._exists(at)
        self._layers[0]._create_subkey(["Software", "Classes", *at])
        opened = ClassesKey(_joined(self.path, parts), at, self._layers)
        changed(opened, at)
        return opened, not existed

    def _delete_subkey(self, parts: list[str]) -> None:
        at = [*self._at, *parts]
        if not self._exists(at):
            raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no key {_joined(self.path, parts)}")
        if self._subkeys(at):
            raise Win32Error.from_code(
                ERROR_ACCESS_DENIED, f"{_joined(self.path, parts)} has subkeys"
            )
        for root in self._layers:
            if _plain(root, at) is not None:
                root._delete_subkey(["Software", "Classes", *at])
        changed(self, at, gone_key=True)


def _joined(path: str, parts: list[str]) -> str:
    return "\\".join([path, *parts])


# -- keeping the class registry in step --------------------------------------------------


# -- where views come from ---------------------------------------------------------------


def classes_view() -> ClassesKey:
    """HKEY_CLASSES_ROOT: the user's classes over the machine's."""
    user, machine = root_of_handle(HKEY_CURRENT_USER), root_of_handle(HKEY_LOCAL_MACHINE)
    return ClassesKey("HKEY_CLASSES_ROOT", [], (user, machine))


def view_below(parent: Key, parts: list[str]) -> tuple[ClassesKey, list[str]] | None:
    r"""The view to use for ``parts`` below ``parent`` when they reach ``Software\Classes``.

    Returns the view of that root's ``Software\Classes`` and the parts left below it; None
    for any other key.
    """
    if type(parent) is not Key:
        return None
    segments = [*parent.path.split("\\"), *parts]
    if len(segments) < 3 or [s.lower() for s in segments[1:3]] != list(_CLASSES):
        return None
    for handle in (HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE):
        root = root_of_handle(handle)
        if root.path == segments[0]:
            view = ClassesKey(f"{root.path}\\{segments[1]}\\{segments[2]}", [], (root,))
            return view, segments[3:]
    return None


install_views(classes_view, view_below)  # _keys reaches the views through these
