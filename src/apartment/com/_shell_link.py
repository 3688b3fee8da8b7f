r"""The shell's link object (CLSID_ShellLink): IShellLink and IPersistFile over ``.lnk`` files.

A program makes a shortcut by creating the class, setting its target, arguments, folder,
description, icon, show command and hot key through IShellLink, and saving it through
IPersistFile; it reads one by loading the file and asking. The file is Windows' own format
(:mod:`._lnk_format`), so a link made here opens on Windows and one made there reads here.
WScript.Shell's ``CreateShortcut`` writes and reads the same files.

What is kept of the target when it is set (SetPath) is what Windows keeps: its attributes,
times and size, which GetPath returns as the WIN32_FIND_DATA of the target (nothing of it is
read again later). ``Resolve`` finds nothing moved: a link whose target is gone stays as it is
(SLR_NO_UI's answer on Windows when the search finds nothing), and the item ID list calls are
refused (E_NOTIMPL): a link's target is set by path here.

The object is agile in its class's sense (ThreadingModel Both): each holds a lock of its own
for its fields, taken only to copy them, never across a call out.
"""

from __future__ import annotations

import dataclasses
import os
import stat
import threading
from typing import ClassVar

from ..errors import (
    E_FAIL,
    E_INVALIDARG,
    E_NOTIMPL,
    ERROR_FILE_NOT_FOUND,
    hresult_from_win32,
)
from ..kernel.lowlevel import os_error
from ._faces import set_interface_class
from ._iids import IID_IPERSISTFILE, IID_ISHELLLINKA, IID_ISHELLLINKW
from ._lnk_format import LinkData, LinkFormatError, pack_link, unpack_link
from ._pointer import InterfacePointer
from ._server_errors import COMException
from ._typed import PersistPointer, text_arg

__all__ = [
    "CLSID",
    "ShellLink",
    "ShellLinkPointer",
    "PersistFilePointer",
    "LinkTarget",
]

CLSID = "{00021401-0000-0000-C000-000000000046}"  # CLSID_ShellLink (shell32.dll)
_UNIX_TO_FILETIME = 116444736000000000  # 100 ns ticks from 1601 to 1970
_FILE_ATTRIBUTE_READONLY = 0x1
_FILE_ATTRIBUTE_DIRECTORY = 0x10
_FILE_ATTRIBUTE_ARCHIVE = 0x20


@dataclasses.dataclass(frozen=True)
class LinkTarget:
    """What GetPath answers: the target's path and what the link keeps of it (find data)."""

    path: str
    attributes: int
    created: int  # FILETIME ticks (100 ns since 1601); 0 when not known
    accessed: int
    written: int
    size: int

    @property
    def name(self) -> str:
        """The target's last component (WIN32_FIND_DATA's cFileName)."""
        return os.path.basename(self.path.rstrip("/\\")) if self.path else ""


def _ticks(ns: int) -> int:
    return ns // 100 + _UNIX_TO_FILETIME


def _clip(text: str, max_chars: int) -> str:
    """A string as a buffer of ``max_chars`` characters holds it (its NUL included)."""
    if max_chars <= 0:
        return ""
    return text[: max_chars - 1]


def _max_chars(value: object) -> int:
    if not isinstance(value, int):
        raise TypeError(f"a buffer size is an int, not {type(value).__name__}")
    return value


class ShellLink:
    """A shell link being made or read (CLSID_ShellLink): IShellLink and IPersistFile.

    Its methods are the interfaces', called by their COM names; which thread runs them is
    the class's apartment rule (Both: the creator's apartment).
    """

    _reg_clsid_ = CLSID
    _com_interfaces_: ClassVar[list[str]] = [IID_ISHELLLINKA, IID_ISHELLLINKW, IID_IPERSISTFILE]
    _public_methods_: ClassVar[list[str]] = [
        "GetPath", "SetPath", "GetDescription", "SetDescription", "GetWorkingDirectory",
        "SetWorkingDirectory", "GetArguments", "SetArguments", "GetHotkey", "SetHotkey",
        "GetShowCmd", "SetShowCmd", "GetIconLocation", "SetIconLocation", "SetRelativePath",
        "Resolve", "GetIDList", "SetIDList", "GetClassID", "IsDirty", "Load", "Save",
        "SaveCompleted", "GetCurFile",
    ]  # fmt: skip

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._link = LinkData()
        self._file: str | None = None
        self._dirty = False

    def _set(self, **fields: object) -> None:
        with self._lock:
            self._link = dataclasses.replace(self._link, **fields)  # type: ignore[arg-type]
            self._dirty = True

    def _get(self) -> LinkData:
        with self._lock:
            return self._link

    # IShellLink
    def get_path(self, flags: int, max_chars: int) -> LinkTarget:
        """The target and what the link keeps of it (SLGP_* flags change nothing here)."""
        link = self._get()
        return LinkTarget(
            _clip(link.target, _max_chars(max_chars)),
            link.file_attributes,
            link.creation_time,
            link.access_time,
            link.write_time,
            link.file_size,
        )

    def set_path(self, path: str) -> None:
        """Set the target, keeping its attributes, times and size when it exists."""
        target = text_arg(path)
        try:
            info = os.stat(target)
        except (OSError, ValueError):
            self._set(target=target, file_attributes=0, creation_time=0, access_time=0,
                      write_time=0, file_size=0)  # fmt: skip
            return
        attributes = _FILE_ATTRIBUTE_ARCHIVE
        if stat.S_ISDIR(info.st_mode):
            attributes = _FILE_ATTRIBUTE_DIRECTORY
        if not info.st_mode & stat.S_IWUSR:
            attributes |= _FILE_ATTRIBUTE_READONLY
        written = _ticks(info.st_mtime_ns)
        self._set(
            target=target,
            file_attributes=attributes,
            creation_time=written,
            access_time=_ticks(info.st_atime_ns),
            write_time=written,
            file_size=0 if stat.S_ISDIR(info.st_mode) else info.st_size & 0xFFFFFFFF,
        )

    def get_description(self, max_chars: int) -> str:
        """The link's description (its comment)."""
        return _clip(self._get().description, _max_chars(max_chars))

    def set_description(self, text: str) -> None:
        """Set the description."""
        self._set(description=text_arg(text))

    def get_working_directory(self, max_chars: int) -> str:
        """The folder the target starts in."""
        return _clip(self._get().working_directory, _max_chars(max_chars))

    def set_working_directory(self, folder: str) -> None:
        """Set the folder the target starts in."""
        self._set(working_directory=text_arg(folder))

    def get_arguments(self, max_chars: int) -> str:
        """The target's command-line arguments."""
        return _clip(self._get().arguments, _max_chars(max_chars))

    def set_arguments(self, arguments: str) -> None:
        """Set the target's command-line arguments."""
        self._set(arguments=text_arg(arguments))

    def get_hotkey(self) -> int:
        """The hot key: the key in the low byte, HOTKEYF_* modifiers in the high byte."""
        return self._get().hotkey

    def set_hotkey(self, hotkey: int) -> None:
        """Set the hot key (a WORD)."""
        self._set(hotkey=int(hotkey) & 0xFFFF)

    def get_show_cmd(self) -> int:
        """How the target's window is shown (SW_SHOWNORMAL, SW_SHOWMAXIMIZED...)."""
        return self._get().show_command

    def set_show_cmd(self, show: int) -> None:
        """Set how the target's window is shown."""
        self._set(show_command=int(show))

    def get_icon_location(self, max_chars: int) -> tuple[str, int]:
        """The icon's file and index."""
        link = self._get()
        return _clip(link.icon_location, _max_chars(max_chars)), link.icon_index

    def set_icon_location(self, path: str, index: int) -> None:
        """Set the icon's file and index."""
        self._set(icon_location=text_arg(path), icon_index=int(index))

    def set_relative_path(self, path: str, reserved: int) -> None:
        """Set the target's path relative to the link (used to find a moved target)."""
        self._set(relative_path=text_arg(path))

    def resolve(self, hwnd: object, flags: int) -> None:
        """Find a moved target: nothing is searched here (see the module's docstring)."""
        return

    def get_id_list(self) -> object:
        """Refused: item ID lists are the shell namespace's, not modelled (E_NOTIMPL)."""
        raise _failure(E_NOTIMPL, "the shell namespace's item ID lists are not here")

    def set_id_list(self, pidl: object) -> None:
        """Refused, as GetIDList (E_NOTIMPL): set the target with SetPath."""
        raise _failure(E_NOTIMPL, "set the link's target with SetPath")

    # IPersist / IPersistFile
    def get_class_id(self) -> str:
        """CLSID_ShellLink."""
        return CLSID

    def is_dirty(self) -> bool:
        """Whether the link changed since it was loaded or saved (S_OK, else S_FALSE)."""
        with self._lock:
            return self._dirty

    def load(self, name: str, mode: int) -> None:
        """Read the link file ``name``.

        Raises:
            ComError: HRESULT_FROM_WIN32 of the error opening the file (ERROR_FILE_NOT_FOUND...);
                E_FAIL for a file that is not a link.
        """
        path = text_arg(name)
        try:
            with open(path, "rb") as file:
                data = file.read()
        except OSError as error:
            code = hresult_from_win32(_win32_code(error))
            raise _failure(code, f"cannot read the link {path!r}: {error}") from None
        try:
            link = unpack_link(data)
        except LinkFormatError as error:
            raise _failure(E_FAIL, f"{path!r} is not a shell link: {error}") from None
        with self._lock:
            self._link = link
            self._file = os.path.abspath(path)
            self._dirty = False

    def save(self, name: str | None, remember: int) -> None:
        """Write the link to ``name`` (None: the file it was loaded from or saved to).

        With ``remember``, ``name`` becomes the link's file and the link is clean.
        """
        with self._lock:
            path = self._file if name is None else text_arg(name)
            link = self._link
        if path is None:
            raise _failure(E_INVALIDARG, "the link has no file yet: give a name")
        data = pack_link(link)
        try:
            with open(path, "wb") as file:
                file.write(data)
        except OSError as error:
            code = hresult_from_win32(_win32_code(error))
            raise _failure(code, f"cannot write the link {path!r}: {error}") from None
        if remember or name is None:
            with self._lock:
                self._file = os.path.abspath(path)
                self._dirty = False

    def save_completed(self, name: str | None) -> None:
        """The caller is done saving (nothing to do: the file is closed when written)."""
        return

    def get_cur_file(self) -> str | None:
        """The link's file (None when it has none yet)."""
        with self._lock:
            return self._file

    # the interfaces' methods, by their COM names (the gateway calls them so)
    GetPath = get_path
    SetPath = set_path
    GetDescription = get_description
    SetDescription = set_description
    GetWorkingDirectory = get_working_directory
    SetWorkingDirectory = set_working_directory
    GetArguments = get_arguments
    SetArguments = set_arguments
    GetHotkey = get_hotkey
    SetHotkey = set_hotkey
    GetShowCmd = get_show_cmd
    SetShowCmd = set_show_cmd
    GetIconLocation = get_icon_location
    SetIconLocation = set_icon_location
    SetRelativePath = set_relative_path
    Resolve = resolve
    GetIDList = get_id_list
    SetIDList = set_id_list
    GetClassID = get_class_id
    IsDirty = is_dirty
    Load = load
    Save = save
    SaveCompleted = save_completed
    GetCurFile = get_cur_file


def _failure(hresult: int, why: str) -> COMException:
    """The error a method of the object raises: the caller gets ``hresult`` with ``why``."""
    return COMException(scode=hresult, desc=why)


def _win32_code(error: OSError) -> int:
    converted = os_error(error, "")
    return converted.winerror if converted.winerror else ERROR_FILE_NOT_FOUND


class ShellLinkPointer(InterfacePointer):
    """An IShellLink pointer (the A and W interfaces alike: Python strings either way)."""

    __slots__ = ()

    def get_path(self, flags: int = 0, max_chars: int = 260) -> LinkTarget:
        """The target's path (clipped to ``max_chars`` - 1) and what the link keeps of it."""
        result = self._call("GetPath", int(flags), _max_chars(max_chars))
        if isinstance(result, LinkTarget):
            return result
        return LinkTarget(*result)  # another apartment's object: its fields came as a tuple

    def set_path(self, path: str) -> None:
        """Set the target."""
        self._call("SetPath", text_arg(path))

    def get_description(self, max_chars: int = 1024) -> str:
        """The description."""
        return str(self._call("GetDescription", _max_chars(max_chars)))

    def set_description(self, text: str) -> None:
        """Set the description."""
        self._call("SetDescription", text_arg(text))

    def get_working_directory(self, max_chars: int = 1024) -> str:
        """The folder the target starts in."""
        return str(self._call("GetWorkingDirectory", _max_chars(max_chars)))

    def set_working_directory(self, folder: str) -> None:
        """Set the folder the target starts in."""
        self._call("SetWorkingDirectory", text_arg(folder))

    def get_arguments(self, max_chars: int = 1024) -> str:
        """The target's arguments."""
        return str(self._call("GetArguments", _max_chars(max_chars)))

    def set_arguments(self, arguments: str) -> None:
        """Set the target's arguments."""
        self._call("SetArguments", text_arg(arguments))

    def get_hotkey(self) -> int:
        """The hot key."""
        return int(self._call("GetHotkey"))

    def set_hotkey(self, hotkey: int) -> None:
        """Set the hot key."""
        self._call("SetHotkey", int(hotkey))

    def get_show_cmd(self) -> int:
        """The show command."""
        return int(self._call("GetShowCmd"))

    def set_show_cmd(self, show: int) -> None:
        """Set the show command."""
        self._call("SetShowCmd", int(show))

    def get_icon_location(self, max_chars: int = 260) -> tuple[str, int]:
        """The icon's file and index."""
        path, index = self._call("GetIconLocation", _max_chars(max_chars))
        return str(path), int(index)

    def set_icon_location(self, path: str, index: int) -> None:
        """Set the icon's file and index."""
        self._call("SetIconLocation", text_arg(path), int(index))

    def set_relative_path(self, path: str, reserved: int = 0) -> None:
        """Set the target's path relative to the link."""
        self._call("SetRelativePath", text_arg(path), int(reserved))

    def resolve(self, hwnd: object, flags: int) -> None:
        """Find a moved target."""
        self._call("Resolve", hwnd, int(flags))

    def get_id_list(self) -> object:
        """The target's item ID list."""
        return self._call("GetIDList")

    def set_id_list(self, pidl: object) -> None:
        """Set the target by its item ID list."""
        self._call("SetIDList", pidl)


class PersistFilePointer(PersistPointer):
    """An IPersistFile pointer: an object kept in a file of its own."""

    __slots__ = ()

    def is_dirty(self) -> bool:
        """Whether the object changed since it was loaded or saved."""
        return bool(self._call("IsDirty"))

    def load(self, name: str, mode: int) -> None:
        """Load the object from the file ``name`` (``mode``: STGM_* flags)."""
        self._call("Load", text_arg(name), int(mode))

    def save(self, name: str | None, remember: bool) -> None:
        """Save the object to ``name`` (None: its current file)."""
        self._call("Save", None if name is None else text_arg(name), int(bool(remember)))

    def save_completed(self, name: str | None) -> None:
        """Tell the object its save is complete."""
        self._call("SaveCompleted", None if name is None else text_arg(name))

    def get_cur_file(self) -> str | None:
        """The object's file, None when it has none."""
        current = self._call("GetCurFile")
        return None if current is None else str(current)


set_interface_class(IID_ISHELLLINKA, ShellLinkPointer)
set_interface_class(IID_ISHELLLINKW, ShellLinkPointer)
set_interface_class(IID_IPERSISTFILE, PersistFilePointer)
