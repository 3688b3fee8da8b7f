r"""One class standing in for another: ``HKEY_CLASSES_ROOT\CLSID\{old}\TreatAs``.

``CoTreatAsClass(old, new)`` writes the key; every activation of ``old`` (by CLSID or by a
ProgID that names it) then creates ``new`` instead, as ``CoGetClassObject`` consults
``CoGetTreatAsClass`` before it looks for a class object or a server (one level: the new
class's own TreatAs is not followed, as Windows does not). The key lives in the registry
(HKEY_CLASSES_ROOT's written keys), so it holds for every process of the user and survives
the process, as on Windows.

Rules (Windows' and Wine's ``CoTreatAsClass``):

* ``old`` must have a ``CLSID\{old}`` key (a registered class, or a key written by hand):
  REGDB_E_CLASSNOTREG otherwise;
* ``new`` None, ``CLSID_NULL`` or ``old`` itself removes the emulation: TreatAs goes back to
  the ``AutoTreatAs`` value if the key has one, else TreatAs is deleted (for ``old`` itself
  with no TreatAs to delete: REGDB_E_WRITEREGDB, as Wine answers);
* a malformed CLSID is CO_E_CLASSSTRING.
"""

from __future__ import annotations

from .. import registry
from ..errors import (
    ERROR_FILE_NOT_FOUND,
    REGDB_E_WRITEREGDB,
    ClassNotRegisteredError,
    ClassStringError,
    ComError,
    Win32Error,
)
from ._class_entry import normalize_clsid

__all__ = ["CLSID_NULL", "get_treat_as_class", "treat_as_class"]

CLSID_NULL = "{00000000-0000-0000-0000-000000000000}"


def _clsid_key(clsid: str) -> registry.Key | None:
    r"""The open key ``HKEY_CLASSES_ROOT\CLSID\{clsid}``, or None if there is none."""
    root = registry.key_of_handle(registry.HKEY_CLASSES_ROOT)
    try:
        return registry.open_key(root, f"CLSID\\{clsid}")
    except Win32Error as error:
        if error.winerror != ERROR_FILE_NOT_FOUND:
            raise
        return None


def _clsid_value(key: registry.Key, subkey: str | None, name: str | None) -> str | None:
    """A CLSID held as a string value, normalized; None if absent or not a CLSID."""
    try:
        below = key if subkey is None else registry.open_key(key, subkey)
    except Win32Error:
        return None
    try:
        data, _ = below.query_value(name)
    except Win32Error:
        return None
    finally:
        if below is not key:
            below.close()
    try:
        return normalize_clsid(data) if isinstance(data, str) else None
    except ClassStringError:
        return None


def get_treat_as_class(clsid: str) -> str | None:
    """The class that stands in for ``clsid`` (CoGetTreatAsClass), or None if none does.

    Read at every activation: from the written keys only (a registration never makes a
    TreatAs), which costs a registry lookup, not HKEY_CLASSES_ROOT's whole view.

    Raises:
        ClassStringError: ``clsid`` is not a braced CLSID (CO_E_CLASSSTRING).
    """
    data = registry.written_class_value(["CLSID", normalize_clsid(clsid), "TreatAs"], None)
    try:
        return normalize_clsid(data) if isinstance(data, str) else None
    except ClassStringError:
        return None


def treat_as_class(old: str, new: str | None) -> None:
    """Make ``new`` stand in for ``old`` (CoTreatAsClass); None or CLSID_NULL undoes it.

    Raises:
        ClassStringError: a malformed CLSID (CO_E_CLASSSTRING).
        ClassNotRegisteredError: ``old`` has no ``CLSID`` key (REGDB_E_CLASSNOTREG).
        ComError: REGDB_E_WRITEREGDB, undoing an emulation ``old`` does not have by naming
            ``old`` itself.
    """
    old_clsid = normalize_clsid(old)
    new_clsid = CLSID_NULL if new is None else normalize_clsid(new)
    key = _clsid_key(old_clsid)
    if key is None:
        raise ClassNotRegisteredError(f"CLSID {old_clsid} has no key to hold its TreatAs")
    try:
        if new_clsid not in (CLSID_NULL, old_clsid):
            _write_treat_as(key, new_clsid)
            return
        automatic = _clsid_value(key, None, "AutoTreatAs")
        if automatic is not None:
            _write_treat_as(key, automatic)
            return
        try:
            registry.delete_key(key, "TreatAs")
        except Win32Error as error:
            if error.winerror != ERROR_FILE_NOT_FOUND:
                raise
            if new_clsid == old_clsid:  # Wine: the failed RegDeleteKey is reported
                raise ComError.from_hresult(
                    REGDB_E_WRITEREGDB, f"CLSID {old_clsid} has no TreatAs to remove"
                ) from None
    finally:
        key.close()


def _write_treat_as(key: registry.Key, clsid: str) -> None:
    below, _ = registry.create_key(key, "TreatAs")
    try:
        below.set_value(None, registry.REG_SZ, clsid)
    finally:
        below.close()
