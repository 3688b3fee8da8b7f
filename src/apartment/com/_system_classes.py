"""The classes every Windows has registered: found when the registry has nothing by that name.

A program written for Windows creates ``Scripting.Dictionary`` without registering it, as
the system did at install. A class registered in the registry under the same CLSID or ProgID
comes first (as registering over a system class does on Windows).
"""

from __future__ import annotations

from . import _fso, _regexp, _scripting, _shell_link, _wnetwork
from ._class_entry import ClassEntry

__all__ = ["by_clsid", "by_progid"]

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
        description="WBEM Scripting Locator",
        threading_model="Apartment",
        clsctx=1,  # in-process (wbemdisp.dll)
    ),
    ClassEntry(
        clsid=_shell_link.CLSID,
        class_spec="apartment.com._shell_link.ShellLink",
        description="Shortcut",
        threading_model="Both",
        clsctx=1,  # in-process (shell32.dll)
    ),
)
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
