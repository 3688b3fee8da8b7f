r"""``WScript.Shell`` (wshom.ocx's WshShell): the environment, programs, registry, shortcuts.

Programs written for Windows create it by ProgID without registering anything, so it is one
of the system's classes (:mod:`apartment.com._system_classes`). Members have wshom's
DISPIDs (read from the real object under Wine):

* ``ExpandEnvironmentStrings(text)``, ``Environment(kind)`` and ``SpecialFolders(name)``
  (:mod:`._wsh_env`); ``CurrentDirectory`` (get and put: the process's).
* ``Run(command, style, wait)`` and ``Exec(command)`` (:mod:`._wsh_exec`).
* ``RegRead``, ``RegWrite``, ``RegDelete`` (:mod:`._wsh_registry`).
* ``Popup(text, seconds, title, type)``: the message box the messages layer shows headless
  (written to stderr; the chooser, if one is installed, answers; else the default button),
  with "Windows Script Host" as the title by default; the button's id is the answer.
* ``CreateShortcut(path)`` (WshShortcut for ``.lnk``, WshUrlShortcut for ``.url``), both
  in Windows' formats: a ``.url`` is an INI file with ``[InternetShortcut]`` and ``URL=``, a
  ``.lnk`` a shell link (MS-SHLLINK, :mod:`._wsh_links`), the file CLSID_ShellLink's
  IShellLink/IPersistFile write and read. Any other extension is E_INVALIDARG.
* ``LogEvent(type, message)``: a record in the Application log under the source ``WSH``
  (type 0 success, 1 error, 2 warning, 4 information, 8 and 16 audits); True.
* ``AppActivate`` and ``SendKeys`` are E_NOTIMPL: no program here has a window to activate
  or keys to be sent to.

The object holds no state of its own: any thread may call it (threading model Apartment,
as wshom registers it).
"""

from __future__ import annotations

import configparser
import os
import threading
from typing import ClassVar

from ..com import COMException, DispatchPointer, LinkFormatError, pack_link, unpack_link, wrap
from ..errors import E_NOTIMPL
from ._wsh_env import Environment, SpecialFolders, special_folder
from ._wsh_exec import ScriptExec, expand, run
from ._wsh_links import fields_of, link_of
from ._wsh_registry import reg_delete, reg_read, reg_write

__all__ = ["CLSID", "PROGID", "Shortcut", "UrlShortcut", "WshShell"]

CLSID = "{72C24DD5-D70A-438B-8A42-98424B88AFB8}"  # CLSID_WshShell (wshom.ocx)
PROGID = "WScript.Shell"
_E_INVALIDARG = -2147024809
_MISSING = object()
_cwd_lock = threading.Lock()


class _ShortcutFile:
    """A shortcut file's fields, read when made and written by Save."""

    _section: ClassVar[str] = "Shortcut"
    _fields: ClassVar[dict[str, str | int]] = {}

    def __init__(self, path: str) -> None:
        self._path = os.path.abspath(path)
        for field, default in self._fields.items():
            setattr(self, field, default)
        self._read()

    def _read(self) -> None:
        parser = configparser.ConfigParser(interpolation=None)
        parser.optionxform = str  # type: ignore[assignment, method-assign]
        try:
            parser.read(self._path, encoding="utf-8")
        except (OSError, configparser.Error):
            return
        if parser.has_section(self._section):
            for field in self._fields:
                key = (
                    "URL"
                    if field == "TargetPath" and self._section == "InternetShortcut"
                    else field
                )
                if parser.has_option(self._section, key):
                    value = parser.get(self._section, key)
                    setattr(self, field, int(value) if field in ("WindowStyle",) else value)

    @property
    def full_name(self) -> str:
        """The shortcut file's full path."""
        return self._path

    def load(self, path: str) -> None:
        """Read the shortcut at ``path``."""
        self._path = os.path.abspath(str(path))
        self._read()

    def save(self) -> None:
        """Write the shortcut file."""
        parser = configparser.ConfigParser(interpolation=None)
        parser.optionxform = str  # type: ignore[assignment, method-assign]
        parser.add_section(self._section)
        for field in self._fields:
            key = "URL" if field == "TargetPath" and self._section == "InternetShortcut" else field
            parser.set(self._section, key, str(getattr(self, field)))
        try:
            with open(self._path, "w", encoding="utf-8") as file:
                parser.write(file)
        except OSError as error:
            raise COMException(scode=-2147024893, desc=str(error)) from None  # path not found

    # Automation's names
    FullName = full_name
    Load = load
    Save = save


class Shortcut(_ShortcutFile):
    """WshShortcut: a ``.lnk`` shell link: target, arguments, folder, style, hot key, icon."""

    _type_info_ = ("{F935DC20-1CF0-11D0-ADB9-00C04FD58A0B}", (1, 0), "IWshShortcut")

    _fields: ClassVar[dict[str, str | int]] = {
        "Arguments": "", "Description": "", "Hotkey": "", "IconLocation": ",0",
        "RelativePath": "", "TargetPath": "", "WindowStyle": 1, "WorkingDirectory": "",
    }  # fmt: skip
    _public_methods_: ClassVar[list[str]] = ["Load", "Save"]
    _public_attrs_: ClassVar[list[str]] = ["FullName", *_fields]
    _readonly_attrs_: ClassVar[list[str]] = ["FullName"]
    _dispid_to_get_: ClassVar[dict[int, str]] = {
        0: "FullName", 1000: "Arguments", 1001: "Description", 1002: "Hotkey",
        1003: "IconLocation", 1004: "RelativePath", 1005: "TargetPath", 1006: "WindowStyle",
        1007: "WorkingDirectory",
    }  # fmt: skip
    _dispid_to_put_: ClassVar[dict[int, str]] = {k: v for k, v in _dispid_to_get_.items() if k}
    _dispid_to_func_: ClassVar[dict[int, str]] = {2000: "Load", 2001: "Save"}

    def _read(self) -> None:
        try:
            with open(self._path, "rb") as file:
                link = unpack_link(file.read())
        except (OSError, LinkFormatError):
            return  # a new shortcut (or not a link): the defaults, as wshom starts
        for field, value in fields_of(link).items():
            setattr(self, field, value)

    def save(self) -> None:
        """Write the shortcut file (a shell link)."""
        fields = {field: getattr(self, field) for field in self._fields}
        try:
            data = pack_link(link_of(fields))
        except ValueError as error:
            raise COMException(scode=_E_INVALIDARG, desc=str(error)) from None
        try:
            with open(self._path, "wb") as file:
                file.write(data)
        except OSError as error:
            raise COMException(scode=-2147024893, desc=str(error)) from None  # path not found

    Save = save


class UrlShortcut(_ShortcutFile):
    """WshUrlShortcut: a ``.url`` file, Windows' own format."""

    _section: ClassVar[str] = "InternetShortcut"
    _fields: ClassVar[dict[str, str | int]] = {"TargetPath": ""}
    _public_methods_: ClassVar[list[str]] = ["Load", "Save"]
    _public_attrs_: ClassVar[list[str]] = ["FullName", "TargetPath"]
    _readonly_attrs_: ClassVar[list[str]] = ["FullName"]
    _dispid_to_get_: ClassVar[dict[int, str]] = {0: "FullName", 1005: "TargetPath"}
    _dispid_to_put_: ClassVar[dict[int, str]] = {1005: "TargetPath"}
    _dispid_to_func_: ClassVar[dict[int, str]] = {2000: "Load", 2001: "Save"}


class WshShell:
    """IWshShell3: see the module docstring."""

    _type_info_ = ("{F935DC20-1CF0-11D0-ADB9-00C04FD58A0B}", (1, 0), "IWshShell3")

    _reg_clsid_ = CLSID
    _reg_progid_ = PROGID
    _dispid_to_get_: ClassVar[dict[int, str]] = {
        100: "SpecialFolders", 200: "Environment", 3013: "CurrentDirectory",
    }  # fmt: skip
    _dispid_to_put_: ClassVar[dict[int, str]] = {3013: "CurrentDirectory"}
    _dispid_to_func_: ClassVar[dict[int, str]] = {
        1000: "Run", 1001: "Popup", 1002: "CreateShortcut", 1006: "ExpandEnvironmentStrings",
        2000: "RegRead", 2001: "RegWrite", 2002: "RegDelete", 3000: "LogEvent",
        3010: "AppActivate", 3011: "SendKeys", 3012: "Exec",
    }  # fmt: skip
    _public_methods_: ClassVar[list[str]] = list(_dispid_to_func_.values())
    _public_attrs_: ClassVar[list[str]] = ["SpecialFolders", "Environment", "CurrentDirectory"]
    _readonly_attrs_: ClassVar[list[str]] = ["SpecialFolders", "Environment"]

    def special_folders(self, name: object = _MISSING) -> object:
        """The collection of special folders, or the path of the folder ``name``."""
        if name is _MISSING:
            return wrap(SpecialFolders())
        return special_folder(str(name))

    def environment(self, kind: object = "System") -> DispatchPointer:
        """The environment of ``kind``: Process, User, System (the default) or Volatile."""
        return wrap(Environment(kind))

    @property
    def current_directory(self) -> str:
        """The process's current folder; setting it changes it."""
        return os.getcwd()

    @current_directory.setter
    def current_directory(self, path: str) -> None:
        with _cwd_lock:
            try:
                os.chdir(str(path))
            except OSError as error:
                raise COMException(scode=-2147024893, desc=str(error)) from None

    @staticmethod
    def expand_environment_strings(text: str) -> str:
        """``text`` with ``%NAME%`` replaced by the process environment's values."""
        return expand(str(text))

    @staticmethod
    def run(command: str, style: int = 1, wait: bool = False) -> int:
        """Start ``command``; its exit code if ``wait``, else 0."""
        return run(command, wait)

    @staticmethod
    def exec(command: str) -> DispatchPointer:
        """Start ``command`` with pipes; a WshScriptExec."""
        return wrap(ScriptExec(command))

    @staticmethod
    def reg_read(name: str) -> object:
        """The registry value ``name`` names."""
        return reg_read(name)

    @staticmethod
    def reg_write(name: str, value: object, kind: str = "REG_SZ") -> None:
        """Write the registry value ``name``."""
        reg_write(name, value, kind)

    @staticmethod
    def reg_delete(name: str) -> None:
        """Delete the registry value (or key, ending with a backslash) ``name``."""
        reg_delete(name)

    @staticmethod
    def popup(
        text: str, seconds: int = 0, title: str = "Windows Script Host", kind: int = 0
    ) -> int:
        """Show a message box; the id of the button chosen."""
        from ..messages import message_box

        return message_box(0, str(text), str(title), int(kind))

    @staticmethod
    def create_shortcut(path: str) -> DispatchPointer:
        """The shortcut at ``path`` (read if it exists): ``.lnk`` or ``.url``."""
        extension = os.path.splitext(str(path))[1].lower()
        if extension == ".lnk":
            return wrap(Shortcut(str(path)))
        if extension == ".url":
            return wrap(UrlShortcut(str(path)))
        raise COMException(scode=_E_INVALIDARG, desc=f"{path!r} is no .lnk nor .url")

    @staticmethod
    def log_event(kind: int, message: str, target: str = "") -> bool:
        """Write ``message`` to the Application log under the source WSH."""
        from ._eventlog_read import EventLog

        types = {0: 0, 1: 1, 2: 2, 4: 4, 8: 8, 16: 16}
        event_type = types.get(int(kind))
        if event_type is None:
            raise COMException(scode=_E_INVALIDARG, desc=f"no event type {kind!r}")
        EventLog.for_source("WSH").report(0, [str(message)], event_type=event_type)
        return True

    @staticmethod
    def app_activate(title: object, wait: object = None) -> bool:
        """Refused: no window to activate (E_NOTIMPL)."""
        raise COMException(scode=E_NOTIMPL, desc="no window to activate")

    @staticmethod
    def send_keys(keys: object, wait: object = None) -> None:
        """Refused: no window to send keys to (E_NOTIMPL)."""
        raise COMException(scode=E_NOTIMPL, desc="no window to send keys to")

    # Automation's names
    SpecialFolders = special_folders
    Environment = environment
    CurrentDirectory = current_directory
    ExpandEnvironmentStrings = expand_environment_strings
    Run = run
    Exec = exec
    RegRead = reg_read
    RegWrite = reg_write
    RegDelete = reg_delete
    Popup = popup
    CreateShortcut = create_shortcut
    LogEvent = log_event
    AppActivate = app_activate
    SendKeys = send_keys
