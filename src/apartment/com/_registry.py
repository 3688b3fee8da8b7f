"""The COM class registry: CLSIDs and ProgIDs mapped to Python classes.

One :class:`~._class_entry.ClassEntry` per CLSID, kept in the SQLite file of
:mod:`._registry_store`. A ProgID (and a version-dependent ProgID) names at most one CLSID,
matched case-insensitively as the Windows registry does; registering it for another CLSID
moves it, as writing a ProgID's ``CLSID`` key does.

Errors are the HRESULTs ``CLSIDFromString`` and ``CLSIDFromProgID`` give: CO_E_CLASSSTRING for
an unknown ProgID or a malformed CLSID, REGDB_E_CLASSNOTREG for a well-formed CLSID nobody
registered.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ..errors import ClassNotRegisteredError, ClassStringError
from . import _system_classes
from ._class_entry import normalize_clsid
from ._registry_store import COLUMNS, connect, find, reading, row_to_entry, transaction

if TYPE_CHECKING:
    import uuid

    from ._class_entry import ClassEntry

__all__ = [
    "register",
    "unregister",
    "lookup",
    "lookup_clsid",
    "lookup_progid",
    "clsid_from_progid",
    "progid_from_clsid",
    "entries",
]

_FIX_REGISTER = "register it with `python -m apartment register FILE`"


def _key(progid: str | None) -> str | None:
    """The case-insensitive lookup key of a ProgID (Windows registry keys ignore case)."""
    return None if progid is None else progid.upper()


def register(entry: ClassEntry) -> None:
    """Store ``entry``, replacing any registration of its CLSID, stamped with the time now.

    Its ProgID and version-dependent ProgID are taken away from any other class that had
    them (one ProgID names one CLSID); that class stays registered by CLSID.
    """
    progid_key, verprogid_key = _key(entry.progid), _key(entry.verprogid)
    with connect() as (conn, _), transaction(conn):
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
    with connect() as (conn, _), transaction(conn):
        return conn.execute("DELETE FROM classes WHERE clsid = ?", (key,)).rowcount > 0


def lookup_clsid(clsid: str | uuid.UUID) -> ClassEntry:
    """Return the class registered under ``clsid`` (any case; braces required).

    Raises:
        ClassStringError: ``clsid`` is not a CLSID string (CO_E_CLASSSTRING).
        ClassNotRegisteredError: nothing is registered under it (REGDB_E_CLASSNOTREG).
    """
    key = normalize_clsid(clsid)
    entry, path = find("clsid", key)
    if entry is None:
        entry = _system_classes.by_clsid(key)
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
    entry, path = find("progid", progid.upper())  # the key _key() gives
    if entry is None:
        entry = _system_classes.by_progid(progid.upper())
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


def progid_from_clsid(clsid: str) -> str:
    """Return the ProgID registered for a class, as ``ProgIDFromCLSID`` does.

    That is the class's ``ProgID`` key: the version-dependent ProgID when one was registered,
    else the version-independent one. ``clsid`` may also be a ProgID (CLSIDFromString reads
    both).

    Raises:
        ClassStringError: a malformed CLSID, or an unknown ProgID (CO_E_CLASSSTRING).
        ClassNotRegisteredError: no class under that CLSID, or one without a ProgID
            (REGDB_E_CLASSNOTREG).
    """
    entry = lookup_clsid(clsid_from_progid(clsid))
    name = entry.verprogid or entry.progid
    if name is None:
        raise ClassNotRegisteredError(f"the class {entry.clsid} was registered without a ProgID")
    return name


def lookup(progid_or_clsid: str) -> ClassEntry:
    """Return the registered class a ProgID or CLSID string names (what activation needs).

    Raises:
        ClassStringError: a malformed CLSID, or an unknown ProgID (CO_E_CLASSSTRING).
        ClassNotRegisteredError: a well-formed CLSID nobody registered (REGDB_E_CLASSNOTREG).
        TypeError: ``progid_or_clsid`` is not a str.
    """
    if not isinstance(progid_or_clsid, str):
        raise TypeError(f"a class is named by a ProgID or CLSID str, not {progid_or_clsid!r}")
    if progid_or_clsid.startswith("{"):
        return lookup_clsid(progid_or_clsid)
    return lookup_progid(progid_or_clsid)


def entries() -> list[ClassEntry]:
    """Return every registered class, by ProgID (case-insensitively), then CLSID."""
    with reading() as reader:
        if reader is None:
            return []  # no registry file: nothing is registered
        rows = reader.conn.execute(
            f"SELECT {COLUMNS} FROM classes ORDER BY progid_key IS NULL, progid_key, clsid"
        ).fetchall()
    return [row_to_entry(row) for row in rows]
