"""The classes every Windows has registered: found when the registry has nothing by that name.

A program written for Windows creates ``Scripting.Dictionary`` without registering it, as
the system did at install. A class registered in the registry under the same CLSID or ProgID
comes first (as registering over a system class does on Windows).
"""

from __future__ import annotations

from typing import NamedTuple

from . import _fso, _regexp, _scripting, _shell_link, _wnetwork
from ._class_entry import ClassEntry

__all__ = ["ServerKeys", "by_clsid", "by_progid", "system_classes"]

_SHELL_APPLICATION = "{13709620-C279-11CE-A49E-444553540000}"  # CLSID_Shell (shell32.dll)
_CLASSES = (
    ClassEntry(
        clsid=_scripting.CLSID,
        class_spec="apartment.com._scripting.ScriptingDictionary",
        progid=_scripting.PROGID,
        description="Scripting.Dictionary",
        threading_model="Both",
        clsctx=1,  # in-process (scrrun.dll)
    ),
    ClassEntry(
        clsid=_regexp.CLSID,
        class_spec="apartment.com._regexp.RegExp",
        progid=_regexp.PROGID,
        description="VBScript.RegExp",
        threading_model="Both",
        clsctx=1,  # in-process (vbscript.dll)
    ),
    ClassEntry(
        clsid=_fso.CLSID,
        class_spec="apartment.com._fso.FileSystemObject",
        progid=_fso.PROGID,
        description="FileSystem Object",
        threading_model="Both",
        clsctx=1,  # in-process (scrrun.dll)
    ),
    ClassEntry(
        clsid="{72C24DD5-D70A-438B-8A42-98424B88AFB8}",  # CLSID_WshShell (wshom.ocx)
        class_spec="apartment.services._wshell.WshShell",  # a service's: it places folders
        progid="WScript.Shell",
        verprogid="WScript.Shell.1",  # what ProgIDFromCLSID answers, as wshom.ocx registers
        description="Windows Script Host Shell Object",
        threading_model="Apartment",
        clsctx=1,  # in-process (wshom.ocx)
    ),
    ClassEntry(
        clsid=_wnetwork.CLSID,
        class_spec="apartment.com._wnetwork.WshNetwork",
        progid=_wnetwork.PROGID,
        verprogid="WScript.Network.1",
        description="Windows Script Host Network Object",
        threading_model="Apartment",
        clsctx=1,  # in-process (wshom.ocx)
    ),
    ClassEntry(
        clsid="{172BDDF8-CEEA-11D1-8B05-00600806D9B6}",  # CLSID_SWbemParseDN (wbemdisp.dll)
        class_spec="apartment.services._wmi.Parser",  # a service's: it reads the services
        progid="WinMgMts",
        description="Windows Management Instrumentation moniker (winmgmts:)",
        threading_model="Apartment",
        clsctx=1,  # in-process (wbemdisp.dll)
    ),
    ClassEntry(
        clsid="{76A64158-CB41-11D1-8B02-00600806D9B6}",  # CLSID_SWbemLocator (wbemdisp.dll)
        class_spec="apartment.services._wmi.Locator",
        progid="WbemScripting.SWbemLocator",
        verprogid="WbemScripting.SWbemLocator.1",
        description="WBEM Scripting Locator",
        threading_model="Apartment",
        clsctx=1,  # in-process (wbemdisp.dll)
    ),
    ClassEntry(
        clsid=_SHELL_APPLICATION,
        class_spec="apartment.services._shell_app.ShellApplication",  # a service's: folders
        progid="Shell.Application",
        verprogid="Shell.Application.1",
        description="Shell Automation Service",
        threading_model="Apartment",
        clsctx=1,  # in-process (shell32.dll)
    ),
    ClassEntry(
        clsid=_shell_link.CLSID,
        class_spec="apartment.com._shell_link.ShellLink",
        description="Shortcut",
        threading_model="Both",
        clsctx=1,  # in-process (shell32.dll)
    ),
)


class ServerKeys(NamedTuple):
    r"""What a system class's ``CLSID\{clsid}`` key holds besides its ProgIDs.

    ``server``: ``InprocServer32``'s value, the DLL (Windows' path); ``typelib``: the LIBID
    of the library describing it (its ``TypeLib`` key), or None; ``version``: its
    ``Version`` key, or None. As Wine's registry has them (the oracle's).
    """

    server: str
    typelib: str | None
    version: str | None


_SCRRUN = "{420B2830-E718-11CF-893D-00A0C9054228}"
_WSHOM = "{F935DC20-1CF0-11D0-ADB9-00C04FD58A0B}"
_SYSTEM32 = "C:\\windows\\system32\\"
_SERVERS = {
    _scripting.CLSID: ServerKeys(_SYSTEM32 + "scrrun.dll", _SCRRUN, "1.0"),
    _regexp.CLSID: ServerKeys(_SYSTEM32 + "vbscript.dll", None, "5.5"),
    _fso.CLSID: ServerKeys(_SYSTEM32 + "scrrun.dll", _SCRRUN, "1.0"),
    "{72C24DD5-D70A-438B-8A42-98424B88AFB8}": ServerKeys(_SYSTEM32 + "wshom.ocx", _WSHOM, "1.0"),
    _wnetwork.CLSID: ServerKeys(_SYSTEM32 + "wshom.ocx", _WSHOM, "1.0"),
    "{172BDDF8-CEEA-11D1-8B05-00600806D9B6}": ServerKeys(
        _SYSTEM32 + "wbem\\wbemdisp.dll", None, None
    ),
    "{76A64158-CB41-11D1-8B02-00600806D9B6}": ServerKeys(
        _SYSTEM32 + "wbem\\wbemdisp.dll", "{565783C6-CB41-11D1-8B02-00600806D9B6}", "1.2"
    ),
    _shell_link.CLSID: ServerKeys(_SYSTEM32 + "shell32.dll", None, None),
    _SHELL_APPLICATION: ServerKeys(_SYSTEM32 + "shell32.dll", None, None),
}
_BY_CLSID = {entry.clsid: entry for entry in _CLASSES}
_BY_PROGID = {
    name.upper(): entry for entry in _CLASSES for name in (entry.progid, entry.verprogid) if name
}


def by_clsid(clsid: str) -> ClassEntry | None:
    """The system class with this canonical CLSID, or None."""
    return _BY_CLSID.get(clsid)


def by_progid(key: str) -> ClassEntry | None:
    """The system class with this ProgID or versioned ProgID (upper-cased), or None."""
    return _BY_PROGID.get(key)


def system_classes() -> tuple[tuple[ClassEntry, ServerKeys], ...]:
    """Every system class with its keys' facts (HKEY_CLASSES_ROOT shows them)."""
    return tuple((entry, _SERVERS[entry.clsid]) for entry in _CLASSES)
