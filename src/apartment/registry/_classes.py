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
import os
import sys
from typing import TYPE_CHECKING

from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_FILE_NOT_FOUND,
    ERROR_NO_MORE_ITEMS,
    ClassNotRegisteredError,
    ClassStringError,
    Win32Error,
)
from ._keys import HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE, Key, KeyInfo, root_of_handle
from ._store import connect as _connect
from ._values import REG_EXPAND_SZ, REG_SZ, decode, encode

if TYPE_CHECKING:
    from .. import kernel
    from ..com import ClassEntry

__all__ = ["HKEY_CLASSES_ROOT", "ClassesKey", "classes_view", "view_below"]

HKEY_CLASSES_ROOT = 0x80000000
_CLASSES = ("software", "classes")
_Value = tuple[str, object, int]  # name, data, type


class _Node:
    """A key made from the class registry: its values and subkeys, and when it was made."""

    __slots__ = ("children", "stamp", "values")

    def __init__(self, stamp: float) -> None:
        self.values: dict[str, _Value] = {}
        self.children: dict[str, tuple[str, _Node]] = {}
        self.stamp = stamp

    def child(self, name: str, stamp: float) -> _Node:
        found = self.children.get(name.lower())
        if found is None:
            found = (name, _Node(stamp))
            self.children[name.lower()] = found
        found[1].stamp = max(found[1].stamp, stamp)
        return found[1]

    def text(self, name: str, data: str) -> None:
        self.values[name.lower()] = (name, data, REG_SZ)


def _pythoncom_path() -> str:
    """What ``InprocServer32`` names: the facade's pythoncom module (pywin32: its DLL)."""
    return os.path.join(os.path.dirname(os.path.dirname(__file__)), "win32", "pythoncom.py")


def _add_class(root: _Node, entry: ClassEntry) -> None:
    """Add the keys Windows would hold for ``entry`` (what pywin32's registration writes)."""
    from ..com import CLSCTX_INPROC_SERVER, CLSCTX_LOCAL_SERVER

    stamp = entry.registered_at
    key = root.child("CLSID", stamp).child(entry.clsid, stamp)
    key.text("", entry.description)
    if entry.clsctx & CLSCTX_INPROC_SERVER:
        inproc = key.child("InprocServer32", stamp)
        inproc.text("", _pythoncom_path())
        if entry.threading_model:
            inproc.text("ThreadingModel", entry.threading_model)
    if entry.clsctx & CLSCTX_LOCAL_SERVER:
        command = f'"{sys.executable}" -m apartment serve {entry.clsid}'
        key.child("LocalServer32", stamp).text("", command)
    for name, text in (
        ("PythonCOM", entry.class_spec),
        ("PythonCOMPolicy", entry.policy_spec),
        ("PythonCOMPath", entry.python_path),
        ("ProgID", entry.verprogid or entry.progid),
        ("VersionIndependentProgID", entry.progid if entry.verprogid else None),
    ):
        if text:
            key.child(name, stamp).text("", text)
    for progid in (entry.progid, entry.verprogid):
        if progid:
            named = root.child(progid, stamp)
            named.text("", entry.description)
            named.child("CLSID", stamp).text("", entry.clsid)
            if progid == entry.progid and entry.verprogid:
                named.child("CurVer", stamp).text("", entry.verprogid)


def _made_tree() -> _Node:
    """The keys of every class in the class registry (read afresh: other processes write it)."""
    from .. import com

    root = _Node(0.0)
    root.child("CLSID", 0.0)  # HKEY_CLASSES_ROOT\CLSID is always there
    for entry in com.entries():
        _add_class(root, entry)
    return root


def _made_node(parts: list[str]) -> _Node | None:
    node: _Node | None = _made_tree()
    for part in parts:
        if node is None:
            return None
        found = node.children.get(part.lower())
        node = None if found is None else found[1]
    return node


def _written_values(key: Key) -> list[_Value]:
    with _connect() as connection:
        key._row(connection)
        rows = connection.execute(
            "SELECT name, type, data FROM key_values WHERE key = ? ORDER BY seq", (key._id,)
        ).fetchall()
    return [(str(name), decode(kind, data), int(kind)) for name, kind, data in rows]


def _written_subkeys(key: Key) -> list[str]:
    with _connect() as connection:
        key._row(connection)
        rows = connection.execute(
            "SELECT name FROM keys WHERE parent = ? ORDER BY name_key", (key._id,)
        ).fetchall()
    return [str(row[0]) for row in rows]


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
        return bool(self._written(at)) or _made_node(at) is not None

    def _check(self) -> None:
        if not self._exists(self._at):
            raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"{self.path} was deleted")

    def _values(self) -> list[_Value]:
        """The key's values: the written and the made, the newer winning a name both hold."""
        self._check()
        written: dict[str, _Value] = {}
        newest = 0.0
        for key in self._written():
            newest = max(newest, key.info().last_write)
            for value in _written_values(key):
                written.setdefault(value[0].lower(), value)
        made = _made_node(self._at)
        if made is None:
            return list(written.values())
        first, second = (made.values, written) if made.stamp > newest else (written, made.values)
        return list(first.values()) + [v for k, v in second.items() if k not in first]

    def _subkeys(self, at: list[str] | None = None) -> list[str]:
        names: dict[str, str] = {}
        for key in self._written(at):
            for name in _written_subkeys(key):
                names.setdefault(name.lower(), name)
        made = _made_node(self._at if at is None else at)
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
            for name, _ in _subkey_times(key):
                times[name.lower()] = max(times.get(name.lower(), 0.0), _)
        made = _made_node(self._at)
        if made is not None:
            for lowered, (_, node) in made.children.items():
                times[lowered] = max(times.get(lowered, 0.0), node.stamp)
        return [(name, times.get(name.lower(), 0.0)) for name in self._subkeys()]

    def info(self) -> KeyInfo:
        """How many subkeys and values the key has, and when it was last written."""
        values = self._values()
        subkeys = self._subkeys()
        written = [key.info().last_write for key in self._written()]
        made = _made_node(self._at)
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

    # -- writing -------------------------------------------------------------------------

    def _target(self) -> Key:
        return self._layers[0]._create_subkey(["Software", "Classes", *self._at])[0]

    def set_value(self, name: str | None, kind: int, data: object) -> None:
        """Set a value of the written key; a class's key registers the class again."""
        self._check()
        self._target().set_value(name, kind, data)
        _sync(self, self._at)

    def delete_value(self, name: str | None) -> None:
        """Remove the value ``name``; ERROR_FILE_NOT_FOUND if it is not set."""
        self.query_value(name)  # ERROR_FILE_NOT_FOUND when it is in neither
        for key in self._written():
            with contextlib.suppress(Win32Error):
                key.delete_value(name)
        _sync(self, self._at, gone_value=(name or "").lower())

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
        _sync(opened, at)
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
        _sync(self, at, gone_key=True)


def _joined(path: str, parts: list[str]) -> str:
    return "\\".join([path, *parts])


def _subkey_times(key: Key) -> list[tuple[str, float]]:
    with _connect() as connection:
        key._row(connection)
        rows = connection.execute(
            "SELECT name, last_write FROM keys WHERE parent = ? ORDER BY name_key", (key._id,)
        ).fetchall()
    return [(str(name), float(written)) for name, written in rows]


# -- keeping the class registry in step --------------------------------------------------


def _text_of(values: list[_Value], name: str = "") -> str | None:
    for value_name, data, kind in values:
        if value_name.lower() == name and kind in (REG_SZ, REG_EXPAND_SZ) and data:
            return str(data)
    return None


def _sync(
    key: ClassesKey, at: list[str], *, gone_key: bool = False, gone_value: str | None = None
) -> None:
    """Register (or unregister) the class whose keys ``at`` is among, as they now read.

    ``gone_key``: the key at ``at`` was deleted; ``gone_value``: that value of it was.
    """
    lowered = [part.lower() for part in at]
    if len(at) >= 2 and lowered[0] == "clsid":
        _sync_class(key, at[1], at[2:], gone_key=gone_key, gone_value=gone_value)
    elif at and lowered[0] != "clsid" and (len(at) == 1 or lowered[1:] in (["clsid"], ["curver"])):
        _sync_progid(key, at[0], gone=gone_key and lowered[1:] in ([], ["clsid"]))


def _sync_class(
    key: ClassesKey, clsid: str, below: list[str], *, gone_key: bool, gone_value: str | None
) -> None:
    from .. import com

    try:
        clsid = com.normalize_clsid(clsid)
    except ClassStringError:
        return  # not a class's key: kept as written
    try:
        previous: ClassEntry | None = com.lookup_clsid(clsid)
    except ClassNotRegisteredError:
        previous = None
    if previous is not None and previous.registered_at == 0.0:
        return  # a system class, not in the class registry
    if gone_key and not below:
        if previous is not None:
            com.unregister(clsid)
        return
    view = ClassesKey(key.path, ["CLSID", clsid], key._layers)
    own = view._values() if view._exists(view._at) else []
    subs: dict[str, list[_Value]] = {}
    for name in view._subkeys() if view._exists(view._at) else []:
        if gone_key and len(below) == 1 and name.lower() == below[0].lower():
            continue
        values = ClassesKey(key.path, ["CLSID", clsid, name], key._layers)._values()
        if gone_value is not None and len(below) == 1 and name.lower() == below[0].lower():
            values = [v for v in values if v[0].lower() != gone_value]
        subs[name.lower()] = values
    if gone_value is not None and not below:
        own = [v for v in own if v[0].lower() != gone_value]
    entry = _derive(clsid, own, subs, previous)
    if entry is not None:
        com.register(entry)
    elif previous is not None:
        # What is left of the class's keys stays, as written keys (as on Windows).
        gone = ["CLSID", clsid, *below]
        _materialize(key._layers[0], previous, gone if gone_key else None, gone, gone_value)
        com.unregister(clsid)


def _materialize(
    layer: Key, entry: ClassEntry, skip: list[str] | None, at: list[str], value: str | None
) -> None:
    r"""Write ``entry``'s made keys into ``layer``'s Software\Classes (what a write lacks).

    Leaves out the key ``skip`` (and what is below it) and the value ``value`` of the key
    ``at``: the ones just deleted.
    """
    root = _Node(0.0)
    _add_class(root, entry)
    lowered_skip = None if skip is None else [part.lower() for part in skip]
    lowered_at = [part.lower() for part in at]
    pending: list[tuple[list[str], _Node]] = [([], root)]
    while pending:
        path, node = pending.pop()
        for name, child in node.children.values():
            pending.append(([*path, name], child))
        lowered = [part.lower() for part in path]
        if not path or (lowered_skip is not None and lowered[: len(lowered_skip)] == lowered_skip):
            continue
        key = layer._create_subkey(["Software", "Classes", *path])[0]
        present = {name.lower() for name, _, _ in _written_values(key)}
        for lowered_name, (name, data, kind) in node.values.items():
            if lowered_name in present or (lowered == lowered_at and lowered_name == value):
                continue
            key.set_value(name, kind, data)


def _derive(
    clsid: str, own: list[_Value], subs: dict[str, list[_Value]], previous: ClassEntry | None
) -> ClassEntry | None:
    """The class a CLSID's keys describe, or None when they name no Python class."""
    from .. import com

    def text(sub: str, name: str = "") -> str | None:
        return _text_of(subs.get(sub, []), name)

    spec, policy = text("pythoncom") or "", text("pythoncompolicy")
    named, independent = text("progid"), text("versionindependentprogid")
    # VersionIndependentProgID only says which of two ProgIDs is which; ProgID names the class
    progid, verprogid = (independent, named) if independent and named else (named, None)
    found = com.CLSCTX_INPROC_SERVER if "inprocserver32" in subs else 0
    found |= com.CLSCTX_LOCAL_SERVER if "localserver32" in subs else 0
    kept = (previous.clsctx if previous else 0) & ~(
        com.CLSCTX_INPROC_SERVER | com.CLSCTX_LOCAL_SERVER
    )
    if "inprocserver32" in subs:
        model = text("inprocserver32", "threadingmodel") or ""
    else:
        model = previous.threading_model if previous else com.DEFAULT_THREADING_MODEL
    try:
        return com.ClassEntry(
            clsid=clsid,
            class_spec=spec,
            progid=progid,
            verprogid=verprogid,
            description=_text_of(own) or "",
            threading_model=model,
            clsctx=found | kept,  # no server key: not creatable (REGDB_E_CLASSNOTREG)
            python_path=text("pythoncompath"),
            policy_spec=policy,
        )
    except (TypeError, ValueError):
        return None  # no PythonCOM (or no "module.Class" in it): not a Python class


def _sync_progid(key: ClassesKey, progid: str, *, gone: bool) -> None:
    """A ProgID's key changed: the class it names takes it; a deleted one leaves its class."""
    import dataclasses

    from .. import com

    if gone:
        for entry in com.entries():
            if progid.lower() in ((entry.progid or "").lower(), (entry.verprogid or "").lower()):
                if (entry.progid or "").lower() == progid.lower():
                    com.register(dataclasses.replace(entry, progid=None))
                else:
                    com.register(dataclasses.replace(entry, verprogid=None))
        return
    view = ClassesKey(key.path, [progid, "CLSID"], key._layers)
    if not view._exists(view._at):
        return
    named = _text_of(view._values())
    try:
        entry = com.lookup_clsid(named or "")
    except (ClassStringError, ClassNotRegisteredError):
        return
    if entry.registered_at and entry.progid is None and entry.verprogid != progid:
        com.register(dataclasses.replace(entry, progid=progid))


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
