"""pywin32's ``win32com.server.register``: write a server class's ``_reg_*_`` attributes.

pywin32 writes ``HKEY_CLASSES_ROOT``; here the same attributes, with the same defaults, become
one row of the class registry (``apartment.com``, an SQLite file named by
``APARTMENT_REGISTRY``). The usual server script works unchanged::

    if __name__ == "__main__":
        import win32com.server.register
        win32com.server.register.UseCommandLine(MyServer)

Differences from pywin32: there is no elevation retry (the registry is a per-user file, so
``--unattended`` changes nothing), no type library, icon or component-category registration,
and unregistering a class removes only its own ProgIDs, not a ProgID since moved to another
CLSID. ``debug`` is accepted and reported, but no debugging dispatcher is stored.
"""

from __future__ import annotations

import sys

from .... import com
from ..._adapt import api

__all__ = [
    "RegisterClasses",
    "UnregisterClasses",
    "UnregisterInfoClasses",
    "UseCommandLine",
    "RegisterServer",
    "UnregisterServer",
    "GetUnregisterServerKeys",
]

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
