r"""pywin32's ``regutil``: helpers that register Python things in the registry.

A pure-Python module of pywin32, written here over the facade's :mod:`win32api` (so over the
registry of the facade: the user's store, or ``APARTMENT_REGISTRY``'s). Python's own key is
``Software\Python\PythonCore\<sys.winver>`` under HKEY_CURRENT_USER when it exists there,
else under HKEY_LOCAL_MACHINE (:func:`GetRootKey`); Linux's Python has no ``sys.winver``, so
the version is spelled as Windows' Python spells it (``3.13``, ``3.13t`` when free-threaded).
Each helper sets or reads a key's default value (REG_SZ); the ``Unregister*`` ones take a
key that is already gone (ERROR_FILE_NOT_FOUND) as done.
"""

from __future__ import annotations

import os
import sys
import sysconfig

from ..errors import Win32Error
from . import win32api, win32con

__all__ = [
    "BuildDefaultPythonKey",
    "CLSIDPyFile",
    "GetAppPathsKey",
    "GetRegisteredExe",
    "GetRegisteredHelpFile",
    "GetRegisteredNamedPath",
    "GetRegistryDefaultValue",
    "GetRootKey",
    "RegisterCoreDLL",
    "RegisterDDECommand",
    "RegisterFileExtensions",
    "RegisterHelpFile",
    "RegisterModule",
    "RegisterNamedPath",
    "RegisterPythonExe",
    "RegisterShellCommand",
    "RegistryIDPyFile",
    "RegistryIDPycFile",
    "SetRegistryDefaultValue",
    "UnregisterHelpFile",
    "UnregisterModule",
    "UnregisterNamedPath",
    "UnregisterPythonExe",
]

CLSIDPyFile = "{b51df050-06ae-11cf-ad3b-524153480001}"
"""The CLSID pywin32 gives the .py file type."""
RegistryIDPyFile = "Python.File"
RegistryIDPycFile = "Python.CompiledFile"

_ERROR_FILE_NOT_FOUND = 2
_CLASSES = win32con.HKEY_CLASSES_ROOT


def _winver() -> str:
    """Python's registry version, as Windows' Python has it in ``sys.winver``."""
    winver = getattr(sys, "winver", None)
    if isinstance(winver, str):
        return winver
    free_threaded = "t" if sysconfig.get_config_var("Py_GIL_DISABLED") else ""
    return f"{sys.version_info.major}.{sys.version_info.minor}{free_threaded}"


def _set(root: object, subkey: str, value: str) -> None:
    win32api.RegSetValue(root, subkey, win32con.REG_SZ, value)


def _delete_key(root: object, subkey: str) -> None:
    """Delete a key; one that does not exist is already deleted."""
    try:
        win32api.RegDeleteKey(root, subkey)
    except Win32Error as error:
        if error.winerror != _ERROR_FILE_NOT_FOUND:
            raise


def BuildDefaultPythonKey() -> str:
    r"""The registry path of this Python's key (``Software\Python\PythonCore\3.13``)."""
    return "Software\\Python\\PythonCore\\" + _winver()


def GetRootKey() -> int:
    """HKEY_CURRENT_USER if this Python's key is there, else HKEY_LOCAL_MACHINE."""
    try:
        win32api.RegOpenKey(win32con.HKEY_CURRENT_USER, BuildDefaultPythonKey()).Close()
    except Win32Error:
        return win32con.HKEY_LOCAL_MACHINE
    return win32con.HKEY_CURRENT_USER


def GetRegistryDefaultValue(subkey: str, rootkey: object = None) -> str:
    """The default value of ``subkey`` (under :func:`GetRootKey` unless ``rootkey``)."""
    return win32api.RegQueryValue(GetRootKey() if rootkey is None else rootkey, subkey)


def SetRegistryDefaultValue(subKey: str, value: str | int, rootkey: object = None) -> None:
    """Set the default value of ``subKey``: a str (REG_SZ); an int (REG_DWORD) is refused."""
    if isinstance(value, str):
        kind = win32con.REG_SZ
    elif isinstance(value, int):
        kind = win32con.REG_DWORD
    else:
        raise TypeError(f"Value must be string or integer - was passed {value!r}")
    # RegSetValue takes REG_SZ only: an int is refused there (TypeError), as in pywin32
    win32api.RegSetValue(GetRootKey() if rootkey is None else rootkey, subKey, kind, value)  # type: ignore[arg-type]


def GetAppPathsKey() -> str:
    """The key under which programs register their paths (``App Paths``)."""
    return "Software\\Microsoft\\Windows\\CurrentVersion\\App Paths"


def RegisterPythonExe(
    exeFullPath: str, exeAlias: str | None = None, exeAppPath: str | None = None
) -> None:
    """Register a program under ``App Paths`` (by its file name, unless ``exeAlias``).

    ``exeAppPath`` (an application path) is not supported: ValueError, as in pywin32.
    """
    if exeAppPath:
        raise ValueError("Do not support exeAppPath argument currently")
    alias = os.path.basename(exeFullPath) if exeAlias is None else exeAlias
    _set(GetRootKey(), GetAppPathsKey() + "\\" + alias, exeFullPath)


def GetRegisteredExe(exeAlias: str) -> str:
    """The path registered for a program alias."""
    return win32api.RegQueryValue(GetRootKey(), GetAppPathsKey() + "\\" + exeAlias)


def UnregisterPythonExe(exeAlias: str) -> None:
    """Remove a program alias from ``App Paths``."""
    _delete_key(GetRootKey(), GetAppPathsKey() + "\\" + exeAlias)


def _python_path_key(name: str | None) -> str:
    key = BuildDefaultPythonKey() + "\\PythonPath"
    return key + "\\" + name if name else key


def RegisterNamedPath(name: str | None, path: str) -> None:
    """Register a PythonPath entry (the main one when ``name`` is empty)."""
    _set(GetRootKey(), _python_path_key(name), path)


def UnregisterNamedPath(name: str) -> None:
    """Remove a named PythonPath entry."""
    _delete_key(GetRootKey(), BuildDefaultPythonKey() + "\\PythonPath\\" + name)


def GetRegisteredNamedPath(name: str | None) -> str | None:
    """A PythonPath entry's value, or None if it is not registered."""
    try:
        return win32api.RegQueryValue(GetRootKey(), _python_path_key(name))
    except Win32Error as error:
        if error.winerror != _ERROR_FILE_NOT_FOUND:
            raise
        return None


def RegisterModule(modName: str, modPath: str) -> None:
    """Register a module's file under this Python's ``Modules`` key (warns if it is missing)."""
    if not os.path.exists(modPath):
        print(f"Warning: Registering non-existant module {modPath}")
    _set(GetRootKey(), BuildDefaultPythonKey() + "\\Modules\\" + modName, modPath)


def UnregisterModule(modName: str) -> None:
    """Remove a module's registration."""
    _delete_key(GetRootKey(), BuildDefaultPythonKey() + "\\Modules\\" + modName)


def GetRegisteredHelpFile(helpDesc: str) -> str | None:
    """The help file registered under ``helpDesc`` (the root key, then HKCU), or None."""
    subkey = BuildDefaultPythonKey() + "\\Help\\" + helpDesc
    for root in (None, win32con.HKEY_CURRENT_USER):
        try:
            return GetRegistryDefaultValue(subkey, root)
        except Win32Error:
            continue
    return None


def RegisterHelpFile(
    helpFile: str, helpPath: str, helpDesc: str | None = None, bCheckFile: int = 1
) -> None:
    """Register a help file (``helpPath``/``helpFile``) under this Python's ``Help`` key.

    ValueError if ``bCheckFile`` and the file does not exist.
    """
    full = os.path.join(helpPath, helpFile)
    if bCheckFile and not os.path.exists(full):
        raise ValueError("Help file does not exist")
    description = helpFile if helpDesc is None else helpDesc
    _set(GetRootKey(), BuildDefaultPythonKey() + "\\Help\\" + description, full)


def UnregisterHelpFile(helpFile: str, helpDesc: str | None = None) -> None:
    """Remove a help file from Windows' help list (HKLM) and from this Python's key."""
    key = win32api.RegOpenKey(
        win32con.HKEY_LOCAL_MACHINE,
        "Software\\Microsoft\\Windows\\Help",
        0,
        win32con.KEY_ALL_ACCESS,
    )
    try:
        win32api.RegDeleteValue(key, helpFile)
    except Win32Error as error:
        if error.winerror != _ERROR_FILE_NOT_FOUND:
            raise
    finally:
        win32api.RegCloseKey(key)
    description = helpFile if helpDesc is None else helpDesc
    _delete_key(GetRootKey(), BuildDefaultPythonKey() + "\\Help\\" + description)


def RegisterCoreDLL(coredllName: str | None = None) -> None:
    """Register Python's core library (this process's, by default) and make it current."""
    if coredllName is None:
        coredllName = win32api.GetModuleFileName(getattr(sys, "dllhandle", 0))
    elif not os.path.exists(coredllName):
        print(f"Warning: Registering non-existant core DLL {coredllName}")
    key = win32api.RegCreateKey(GetRootKey(), BuildDefaultPythonKey())
    try:
        _set(key, "Dll", coredllName)
    finally:
        win32api.RegCloseKey(key)
    _set(GetRootKey(), "Software\\Python\\PythonCore\\CurrentVersion", _winver())


def _file_type(type_id: str, description: str, icon: str, run_command: str) -> None:
    _set(_CLASSES, type_id, description)
    _set(_CLASSES, type_id + "\\DefaultIcon", icon)
    _set(_CLASSES, type_id + "\\Shell\\Open", "Run")
    _set(_CLASSES, type_id + "\\Shell\\Open\\Command", run_command)


def RegisterFileExtensions(defPyIcon: str, defPycIcon: str, runCommand: str) -> None:
    """Register .py and .pyc as Python's file types, with their icons and run command."""
    _set(_CLASSES, ".py", RegistryIDPyFile)
    _set(_CLASSES, RegistryIDPyFile + "\\CLSID", CLSIDPyFile)
    _file_type(RegistryIDPyFile, "Python File", defPyIcon, runCommand)
    _set(_CLASSES, ".pyc", RegistryIDPycFile)
    _file_type(RegistryIDPycFile, "Compiled Python File", defPycIcon, runCommand)


def RegisterShellCommand(
    shellCommand: str, exeCommand: str, shellUserCommand: str | None = None
) -> None:
    """Add a verb to .py files' shell menu (named ``shellUserCommand`` if given)."""
    base = RegistryIDPyFile + "\\Shell\\" + shellCommand
    if shellUserCommand:
        _set(_CLASSES, base, shellUserCommand)
    _set(_CLASSES, base + "\\Command", exeCommand)


def RegisterDDECommand(shellCommand: str, ddeApp: str, ddeTopic: str, ddeCommand: str) -> None:
    """Make a .py verb a DDE command (its application and topic)."""
    base = RegistryIDPyFile + "\\Shell\\" + shellCommand + "\\ddeexec"
    _set(_CLASSES, base, ddeCommand)
    _set(_CLASSES, base + "\\Application", ddeApp)
    _set(_CLASSES, base + "\\Topic", ddeTopic)
