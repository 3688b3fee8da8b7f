"""pythoncom's ``PyIShellLink`` and ``PyIPersistFile``: the shell link object's interfaces.

pywin32's method names and argument conventions over the core's pointers
(:mod:`apartment.com`'s ShellLinkPointer and PersistFilePointer); importing this module makes
them the classes of every such pointer the core hands out.
"""

from __future__ import annotations

from typing import Any

from .. import com
from ..com import LinkTarget, PersistFilePointer, ShellLinkPointer
from ._interfaces import PyIPersist, PyIUnknown
from ._timeconv import filetime_to_datetime
from .pywintypes import TimeType

__all__ = ["PyIPersistFile", "PyIShellLink"]

_MAX_PATH = 260
_MAX_NAME = 1024
_LARGEST_FILETIME = 2**63 - 1


def _time(ticks: int) -> object:
    # a link's header holds any 64 bits: one past the largest FILETIME reads as the largest
    return filetime_to_datetime(min(ticks, _LARGEST_FILETIME), TimeType)


def _find_data(target: LinkTarget) -> tuple[object, ...]:
    """WIN32_FIND_DATA as pywin32's tuple, from what the link keeps of its target."""
    return (
        target.attributes,
        _time(target.created),
        _time(target.accessed),
        _time(target.written),
        target.size >> 32,
        target.size & 0xFFFFFFFF,
        0,
        0,
        target.name,
        "",
    )


class PyIShellLink(PyIUnknown, ShellLinkPointer):
    """pywin32's PyIShellLink (IShellLinkA and IShellLinkW alike)."""

    __slots__ = ()

    def GetPath(self, fFlags: int, cchMaxPath: int = _MAX_PATH, /) -> tuple[str, tuple[Any, ...]]:
        target = self.get_path(fFlags, cchMaxPath)
        return target.path, _find_data(target)

    def SetPath(self, path: str, /) -> None:
        self.set_path(path)

    def GetDescription(self, cchMaxName: int = _MAX_NAME, /) -> str:
        return self.get_description(cchMaxName)

    def SetDescription(self, Name: str, /) -> None:
        self.set_description(Name)

    def GetWorkingDirectory(self, cchMaxName: int = _MAX_NAME, /) -> str:
        return self.get_working_directory(cchMaxName)

    def SetWorkingDirectory(self, Dir: str, /) -> None:
        self.set_working_directory(Dir)

    def GetArguments(self, cchMaxName: int = _MAX_NAME, /) -> str:
        return self.get_arguments(cchMaxName)

    def SetArguments(self, args: str, /) -> None:
        self.set_arguments(args)

    def GetHotkey(self) -> int:
        return self.get_hotkey()

    def SetHotkey(self, wHotkey: int, /) -> None:
        self.set_hotkey(wHotkey)

    def GetShowCmd(self) -> int:
        return self.get_show_cmd()

    def SetShowCmd(self, iShowCmd: int, /) -> None:
        self.set_show_cmd(iShowCmd)

    def GetIconLocation(self, cchMaxPath: int = _MAX_PATH, /) -> tuple[str, int]:
        return self.get_icon_location(cchMaxPath)

    def SetIconLocation(self, iconPath: str, iIcon: int, /) -> None:
        self.set_icon_location(iconPath, iIcon)

    def SetRelativePath(self, relPath: str, reserved: int = 0, /) -> None:
        self.set_relative_path(relPath, reserved)

    def Resolve(self, hwnd: object, fFlags: int, /) -> None:
        self.resolve(hwnd, fFlags)

    def GetIDList(self) -> object:
        return self.get_id_list()

    def SetIDList(self, pidl: object, /) -> None:
        self.set_id_list(pidl)


class PyIPersistFile(PyIPersist, PersistFilePointer):
    """pywin32's PyIPersistFile."""

    __slots__ = ()

    def IsDirty(self) -> int:
        """The HRESULT, as pywin32 gives it: 0 (S_OK) when changed, 1 (S_FALSE) when not."""
        return 0 if self.is_dirty() else 1

    def Load(self, FileName: str, Mode: int = 0, /) -> None:
        self.load(FileName, Mode)

    def Save(self, FileName: str | None, fRemember: int, /) -> None:
        self.save(FileName, bool(fRemember))

    def SaveCompleted(self, FileName: str | None, /) -> None:
        self.save_completed(FileName)

    def GetCurFile(self) -> str | None:
        return self.get_cur_file()


com.set_interface_class(com.IID_ISHELLLINKA, PyIShellLink)
com.set_interface_class(com.IID_ISHELLLINKW, PyIShellLink)
com.set_interface_class(com.IID_IPERSISTFILE, PyIPersistFile)
