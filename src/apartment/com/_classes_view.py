r"""HKEY_CLASSES_ROOT's classes: the class registry seen as keys, and keys written by hand.

The registry (a lower layer) shows HKEY_CLASSES_ROOT as a view (``registry.ClassesKey``);
this module is the class registry's side of it, installed as the registry's class source
when ``apartment.com`` is imported:

* ``made_tree`` makes the keys Windows would hold for every registered class (what
  pywin32's ``win32com.server.register`` writes: ``CLSID\{clsid}`` with ``InprocServer32``,
  ``LocalServer32``, ``PythonCOM``...; a ProgID's ``CLSID`` and ``CurVer``), for the system
  classes (their DLLs in ``InprocServer32``, their ``TypeLib`` and ``Version``: programs probe
  these keys to see whether a class is installed) and for the registered type libraries
  (``TypeLib\{libid}\<version>``: selecttlb and makepy enumerate them);
* ``changed`` is called after a write below ``CLSID\{clsid}`` or to a ProgID's key: the
  class is registered again as the keys now read (no ``PythonCOM`` nor ``PythonCOMPolicy``:
  no Python class, and what is left of its keys stays written).

Both run on the thread that made the registry call.
"""

from __future__ import annotations

import dataclasses
import os
import sys

from .. import registry
from ..errors import ClassNotRegisteredError, ClassStringError
from ._class_entry import (
    CLSCTX_INPROC_SERVER,
    CLSCTX_LOCAL_SERVER,
    DEFAULT_THREADING_MODEL,
    ClassEntry,
    normalize_clsid,
)
from ._registry import entries, lookup_clsid, register, unregister
from ._system_classes import ServerKeys, system_classes
from ._typelibs import registered_type_libraries

__all__: list[str] = []

_Value = tuple[str, object, int]  # name, data, type


def _pythoncom_path() -> str:
    """What ``InprocServer32`` names: the facade's pythoncom module (pywin32: its DLL)."""
    return os.path.join(os.path.dirname(os.path.dirname(__file__)), "win32", "pythoncom.py")


def add_class(
    root: registry.ClassesNode, entry: ClassEntry, system: ServerKeys | None = None
) -> None:
    """Add the keys Windows would hold for ``entry`` (what pywin32's registration writes).

    ``system``: a system class's DLL, type library and version (its installer's keys).
    """
    stamp = entry.registered_at
    key = root.child("CLSID", stamp).child(entry.clsid, stamp)
    key.text("", entry.description)
    if entry.clsctx & CLSCTX_INPROC_SERVER:
        inproc = key.child("InprocServer32", stamp)
        inproc.text("", system.server if system else _pythoncom_path())
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
        ("TypeLib", system.typelib if system else None),
        ("Version", system.version if system else None),
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


def add_type_libraries(root: registry.ClassesNode) -> None:
    r"""Add ``TypeLib\{libid}`` of every registered type library (RegisterTypeLib's keys)."""
    libraries = root.child("TypeLib", 0.0)
    for library in registered_type_libraries():
        major, minor = library.version
        version = libraries.child(library.libid, 0.0).child(f"{major:x}.{minor:x}", 0.0)
        version.text("", library.description)
        version.child("FLAGS", 0.0).text("", str(library.flags))
        version.child("HELPDIR", 0.0).text("", library.help_dir)
        version.child(f"{library.lcid:x}", 0.0).child("win64", 0.0).text("", library.path)


def made_tree() -> registry.ClassesNode:
    """The keys of every class in the class registry (read afresh: other processes write it).

    The system classes' keys come first: a class registered under the same CLSID or ProgID
    writes over them, as registering over a system class does on Windows.
    """
    root = registry.ClassesNode(0.0)
    root.child("CLSID", 0.0)  # HKEY_CLASSES_ROOT\CLSID is always there
    add_type_libraries(root)
    for entry, keys in system_classes():
        add_class(root, entry, keys)
    for entry in entries():
        add_class(root, entry)
    return root


def _text_of(values: list[_Value], name: str = "") -> str | None:
    for value_name, data, kind in values:
        if (
            value_name.lower() == name
            and kind in (registry.REG_SZ, registry.REG_EXPAND_SZ)
            and data
        ):
            return str(data)
    return None


def _sync(
    key: registry.ClassesKey,
    at: list[str],
    *,
    gone_key: bool = False,
    gone_value: str | None = None,
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
    key: registry.ClassesKey,
    clsid: str,
    below: list[str],
    *,
    gone_key: bool,
    gone_value: str | None,
) -> None:
    try:
        clsid = normalize_clsid(clsid)
    except ClassStringError:
        return  # not a class's key: kept as written
    try:
        previous: ClassEntry | None = lookup_clsid(clsid)
    except ClassNotRegisteredError:
        previous = None
    if previous is not None and previous.registered_at == 0.0:
        return  # a system class, not in the class registry
    if gone_key and not below:
        if previous is not None:
            unregister(clsid)
        return
    view = key.view(["CLSID", clsid])
    there = view.exists()
    own = view.values() if there else []
    subs: dict[str, list[_Value]] = {}
    for name in view.subkey_names() if there else []:
        if gone_key and len(below) == 1 and name.lower() == below[0].lower():
            continue
        values = key.view(["CLSID", clsid, name]).values()
        if gone_value is not None and len(below) == 1 and name.lower() == below[0].lower():
            values = [v for v in values if v[0].lower() != gone_value]
        subs[name.lower()] = values
    if gone_value is not None and not below:
        own = [v for v in own if v[0].lower() != gone_value]
    entry = _derive(clsid, own, subs, previous)
    if entry is not None:
        register(entry)
    elif previous is not None:
        # What is left of the class's keys stays, as written keys (as on Windows).
        gone = ["CLSID", clsid, *below]
        tree = registry.ClassesNode(0.0)
        add_class(tree, previous)
        key.keep_written(tree, gone if gone_key else None, gone, gone_value)
        unregister(clsid)


def _derive(
    clsid: str, own: list[_Value], subs: dict[str, list[_Value]], previous: ClassEntry | None
) -> ClassEntry | None:
    """The class a CLSID's keys describe, or None when they name no Python class."""

    def text(sub: str, name: str = "") -> str | None:
        return _text_of(subs.get(sub, []), name)

    spec, policy = text("pythoncom") or "", text("pythoncompolicy")
    named, independent = text("progid"), text("versionindependentprogid")
    # VersionIndependentProgID only says which of two ProgIDs is which; ProgID names the class
    progid, verprogid = (independent, named) if independent and named else (named, None)
    found = CLSCTX_INPROC_SERVER if "inprocserver32" in subs else 0
    found |= CLSCTX_LOCAL_SERVER if "localserver32" in subs else 0
    kept = (previous.clsctx if previous else 0) & ~(CLSCTX_INPROC_SERVER | CLSCTX_LOCAL_SERVER)
    if "inprocserver32" in subs:
        model = text("inprocserver32", "threadingmodel") or ""
    else:
        model = previous.threading_model if previous else DEFAULT_THREADING_MODEL
    try:
        return ClassEntry(
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


def _sync_progid(key: registry.ClassesKey, progid: str, *, gone: bool) -> None:
    """A ProgID's key changed: the class it names takes it; a deleted one leaves its class."""
    if gone:
        for entry in entries():
            if progid.lower() in ((entry.progid or "").lower(), (entry.verprogid or "").lower()):
                if (entry.progid or "").lower() == progid.lower():
                    register(dataclasses.replace(entry, progid=None))
                else:
                    register(dataclasses.replace(entry, verprogid=None))
        return
    view = key.view([progid, "CLSID"])
    if not view.exists():
        return
    named = _text_of(view.values())
    try:
        entry = lookup_clsid(named or "")
    except (ClassStringError, ClassNotRegisteredError):
        return
    if entry.registered_at and entry.progid is None and entry.verprogid != progid:
        register(dataclasses.replace(entry, progid=progid))


class _Source:
    """The class registry's side of HKEY_CLASSES_ROOT's view (a registry.ClassSource)."""

    def made_tree(self) -> registry.ClassesNode:
        """The keys of every registered class."""
        return made_tree()

    def changed(
        self, key: registry.ClassesKey, at: list[str], *, gone_key: bool, gone_value: str | None
    ) -> None:
        """Register the class the written keys at ``at`` describe, as they now read."""
        _sync(key, at, gone_key=gone_key, gone_value=gone_value)


registry.set_class_source(_Source())
