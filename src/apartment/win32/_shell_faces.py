"""pythoncom's shell interfaces: PyIShellLink, PyIPersistFile, PyIShellFolder, PyIEnumIDList.

pywin32's method names and argument conventions over the core's pointers
(:mod:`apartment.com`'s ShellLinkPointer and PersistFilePointer, :mod:`apartment.services`'
ShellFolderPointer and EnumIDListPointer); importing this module makes them the classes of
every such pointer the core hands out. pywin32 builds the SFGAO_* results with ``l``: they
come back signed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import com
from ..com import LinkTarget, PersistFilePointer, ShellLinkPointer
from ..services import EnumIDListPointer, ShellFolderPointer
from ._interfaces import PyIPersist, PyIUnknown
from ._timeconv import filetime_to_datetime
from .pywintypes import TimeType

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["PyIEnumIDList", "PyIPersistFile", "PyIShellFolder", "PyIShellLink"]

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


def _signed(value: int) -> int:
    """A ULONG as pywin32 builds it with ``l``: a signed 32-bit int."""
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value & 0x80000000 else value


def _hwnd(value: object) -> None:
    if value is not None and not isinstance(value, int):
        raise TypeError(f"a window handle is an int or None, not {type(value).__name__}")


class PyIEnumIDList(PyIUnknown, EnumIDListPointer):
    """pywin32's PyIEnumIDList: ``Next(num=1)``, Skip, Reset, Clone; iterable."""

    __slots__ = ()

    def Next(self, num: int = 1, /) -> list[list[bytes]]:
        return self.next(num)

    def Skip(self, num: int, /) -> None:
        self.skip(num)

    def Reset(self) -> None:
        self.reset()

    def Clone(self) -> PyIEnumIDList:
        return PyIEnumIDList.of(self.clone())

    def __iter__(self) -> Iterator[list[bytes]]:
        while True:
            found = self.next(1)
            if not found:
                return
            yield found[0]


_ALL_ITEMS = 0x20 | 0x40 | 0x80  # SHCONTF_FOLDERS | SHCONTF_NONFOLDERS | SHCONTF_INCLUDEHIDDEN


class PyIShellFolder(PyIUnknown, ShellFolderPointer):
    """pywin32's PyIShellFolder; iterating it walks ``EnumObjects()``."""

    __slots__ = ()

    def ParseDisplayName(
        self, hwndOwner: object, pbc: object, DisplayName: str, Attributes: int = 0, /
    ) -> tuple[int, list[bytes], int]:
        _hwnd(hwndOwner)
        eaten, found, wanted = self.parse_display_name(DisplayName, Attributes)
        return eaten, found, _signed(wanted)

    def EnumObjects(self, hwndOwner: object = None, grfFlags: int = _ALL_ITEMS, /) -> Any:  # noqa: ANN401
        _hwnd(hwndOwner)
        return PyIEnumIDList.of(self.enum_objects(grfFlags))

    def BindToObject(self, pidl: object, pbc: object, riid: object, /) -> Any:  # noqa: ANN401
        return self.bind_to_object(_pidl(pidl), riid)

    def CompareIDs(self, lparam: int, pidl1: object, pidl2: object, /) -> int:
        return self.compare_ids(lparam, _pidl(pidl1), _pidl(pidl2))

    def GetAttributesOf(self, pidl: object, rgfInOut: int, /) -> int:
        if not isinstance(pidl, list | tuple):
            raise TypeError("GetAttributesOf takes a sequence of item ID lists")
        return _signed(self.get_attributes_of([_pidl(one) for one in pidl], rgfInOut))

    def GetDisplayNameOf(self, pidl: object, uFlags: int, /) -> str:
        return self.get_display_name_of(_pidl(pidl), uFlags)

    def __iter__(self) -> Iterator[list[bytes]]:
        return iter(PyIEnumIDList.of(self.enum_objects(_ALL_ITEMS)))


def _pidl(value: object) -> list[bytes]:
    """An item ID list as pywin32 takes one: a sequence (not a string) of bytes items."""
    if isinstance(value, str | bytes) or not isinstance(value, list | tuple):
        raise TypeError(
            "Only sequences (but not strings) are valid ITEMIDLIST objects "
            f"(got {type(value).__name__})."
        )
    for item in value:
        if not isinstance(item, bytes):
            raise TypeError(f"ITEMIDLIST sub-items must be strings (got {type(item).__name__})")
    return list(value)


com.set_interface_class(com.IID_ISHELLFOLDER, PyIShellFolder)
com.set_interface_class(com.IID_IENUMIDLIST, PyIEnumIDList)
