"""pywin32's ``win32com.server.register``: write a server class's ``_reg_*_`` attributes.

pywin32 writes ``HKEY_CLASSES_ROOT``; here the same attributes, with the same defaults, become
one row of the class registry (``apartment.com``, an SQLite file named by
``APARTMENT_REGISTRY``). The usual server script works unchanged::

    if __name__ == "__main__":
        import win32com.server.register
        win32com.server.register.UseCommandLine(MyServer)

Differences from pywin32: there is no elevation retry (the registry is a per-user file, so
``--unattended`` changes nothing; :func:`ReExecuteElevated` fails as a refused elevation
prompt does), no type library, icon or component-category registration,
and unregistering a class removes only its own ProgIDs, not a ProgID since moved to another
CLSID. ``debug`` is accepted and reported, but no debugging dispatcher is stored.
"""

from __future__ import annotations

import re
import sys

from .... import com
from ....errors import ComError
from ..._adapt import api
from ...pywintypes import error as _win32_error

__all__ = [
    "RegisterClasses",
    "UnregisterClasses",
    "UnregisterInfoClasses",
    "UseCommandLine",
    "RegisterServer",
    "UnregisterServer",
    "GetUnregisterServerKeys",
    "GetRegisteredServerOption",
    "RegisterPyComCategory",
    "CATID_PythonCOMServer",
    "recurse_delete_key",
    "ReExecuteElevated",
]

CATID_PythonCOMServer = "{B3EF80D0-68E2-11D0-A689-00C04FD658FF}"

_HKEY_CLASSES_ROOT = -2147483648  # win32con.HKEY_CLASSES_ROOT, as pywin32 gives it


def RegisterServer(
    clsid: object,
    pythonInstString: str | None = None,
    desc: str | None = None,
    progID: str | None = None,
    verProgID: str | None = None,
    defIcon: str | None = None,
    threadingModel: str | None = "both",
    policy: str | None = None,
    catids: list[str] | None = None,
    other: dict[str, str] | None = None,
    addPyComCat: bool | None = None,
    dispatcher: str | None = None,
    clsctx: int | None = None,
    addnPath: str | None = None,
) -> None:
    """Register one server from explicit values (icon, categories and extras are ignored)."""
    if not pythonInstString and not policy:
        raise TypeError(
            "You must specify either the Python Class or Python Policy which implement the "
            "COM object."
        )
    com.register(
        com.ClassEntry(
            clsid=com.clsid_of(clsid),
            class_spec=pythonInstString or "",
            progid=progID,
            verprogid=verProgID,
            description=desc or "",
            threading_model=threadingModel or "",
            clsctx=clsctx or com.DEFAULT_CLSCTX,
            python_path=addnPath,
            policy_spec=policy,
        )
    )


def GetUnregisterServerKeys(
    clsid: object,
    progID: str | None = None,
    verProgID: str | None = None,
    customKeys: list[tuple[str, int]] | None = None,
) -> list[tuple[str, int]]:
    """Return the ``(key, root)`` pairs pywin32 deletes to unregister a server."""
    keys = [(f"CLSID\\{clsid}", _HKEY_CLASSES_ROOT)]
    if verProgID:
        keys.append((verProgID, _HKEY_CLASSES_ROOT))
    if progID:
        keys.append((progID, _HKEY_CLASSES_ROOT))
    keys.append((f"AppID\\{clsid}", _HKEY_CLASSES_ROOT))
    return keys + list(customKeys or [])


def UnregisterServer(
    clsid: object,
    progID: str | None = None,
    verProgID: str | None = None,
    customKeys: list[tuple[str, int]] | None = None,
) -> None:
    """Remove the registration of ``clsid`` (its ProgIDs go with it)."""
    com.unregister(com.clsid_of(clsid))


@api("RegCreateKey")  # pywin32 writes HKEY_CLASSES_ROOT with RegCreateKey first
def RegisterClasses(*classes: type, **flags: object) -> None:
    """Register each class from its ``_reg_*_`` attributes; print ``Registered: <name>``."""
    quiet = flags.get("quiet", 0)
    debugging = "(for debugging)" if flags.get("debug", 0) else ""
    for cls in classes:  # pywin32's output: a line as each class is registered
        entry = com.register_class(cls)
        if not quiet:
            print("Registered:", entry.progid or entry.class_spec, debugging)
    finalize = flags.get("finalize_register")
    if callable(finalize):
        finalize()


def UnregisterClasses(*classes: type, **flags: object) -> None:
    """Unregister each class by its ``_reg_clsid_``; print ``Unregistered: <name>``."""
    quiet = flags.get("quiet", 0)
    for cls in classes:  # pywin32's output: a line as each class is unregistered
        com.unregister_class(cls)
        if not quiet:
            print("Unregistered:", getattr(cls, "_reg_progid_", None) or cls._reg_clsid_)  # type: ignore[attr-defined]
    finalize = flags.get("finalize_unregister")
    if callable(finalize):
        finalize()


def UnregisterInfoClasses(*classes: type, **flags: object) -> list[tuple[str, int]]:
    """Return the registry keys unregistering the classes would delete (for installers)."""
    keys: list[tuple[str, int]] = []
    for cls in classes:  # pywin32's registry keys: there are none here, only their names
        keys += GetUnregisterServerKeys(
            cls._reg_clsid_,  # type: ignore[attr-defined]
            getattr(cls, "_reg_progid_", None),
            getattr(cls, "_reg_verprogid_", None),
            getattr(cls, "_reg_remove_keys_", None),
        )
    return keys


def UseCommandLine(*classes: type, **flags: object) -> list[tuple[str, int]] | None:
    """Register, or unregister, the classes as ``sys.argv`` asks.

    Reads ``--unregister``, ``--unregister_info`` (return the keys instead of acting),
    ``--quiet``, ``--debug`` and ``--unattended``; with none of the first two, registers.
    """
    flags["quiet"] = flags.get("quiet", 0) or "--quiet" in sys.argv
    flags["debug"] = flags.get("debug", 0) or "--debug" in sys.argv
    flags["unattended"] = flags.get("unattended", 0) or "--unattended" in sys.argv
    if "--unregister_info" in sys.argv:
        return UnregisterInfoClasses(*classes, **flags)
    if "--unregister" in sys.argv:
        UnregisterClasses(*classes, **flags)
    else:
        RegisterClasses(*classes, **flags)
    return None


_ERROR_FILE_NOT_FOUND = 2
_ERROR_CANCELLED = 1223
_CLSID_KEY = re.compile(r"CLSID\\(\{[^\\{}]*\})", re.IGNORECASE)


def _option(entry: com.ClassEntry, name: str) -> str | None:
    r"""The value pywin32 registers under ``CLSID\\{clsid}\\<name>``, from the entry."""
    values = {
        "pythoncom": entry.class_spec or None,
        "pythoncompolicy": entry.policy_spec,
        "pythoncompath": entry.python_path,
        "progid": entry.verprogid or entry.progid,
        "versionindependentprogid": entry.progid if entry.verprogid else None,
        "debugging": "0",  # no debugging dispatcher is stored
    }
    return values.get(name.lower())


def GetRegisteredServerOption(clsid: object, optionName: str) -> str | None:
    """The value of a registered server's option (``PythonCOM``, ``Debugging``...), or None."""
    try:
        entry = com.lookup_clsid(str(clsid))
    except (ComError, TypeError, ValueError):
        return None  # pywin32 reads a missing key as None
    return _option(entry, optionName)


def RegisterPyComCategory() -> None:
    """Register the "Python COM Server" component category: there are no categories here."""


def recurse_delete_key(path: str, base: int = _HKEY_CLASSES_ROOT) -> None:
    r"""Delete a registry key and its subkeys; a missing key is no error.

    Under ``HKEY_CLASSES_ROOT`` only a class's key ``CLSID\\{clsid}`` exists here (the class
    registry): deleting it unregisters the class. Other keys go through ``RegDeleteTree``.
    """
    from apartment.win32 import win32api

    if base == _HKEY_CLASSES_ROOT:
        found = _CLSID_KEY.fullmatch(path)
        if found is not None:
            com.unregister(com.clsid_of(found.group(1)))
        return
    try:
        win32api.RegDeleteTree(base, path)
    except _win32_error as error:
        if error.winerror != _ERROR_FILE_NOT_FOUND:
            raise


def ReExecuteElevated(flags: dict[str, object]) -> None:
    """Run the script again elevated: no elevation prompt here, so it is refused.

    Raises:
        pywintypes.error: ERROR_CANCELLED from ShellExecuteEx, as when the user refuses
            Windows' prompt.
    """
    if not flags.get("quiet"):
        print("Requesting elevation and retrying...")
    raise _win32_error(
        _ERROR_CANCELLED, "ShellExecuteEx", "The operation was canceled by the user."
    )
