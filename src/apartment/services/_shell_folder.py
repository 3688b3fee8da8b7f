r"""The shell namespace's folders (IShellFolder) and their enumerators (IEnumIDList).

A program walks the namespace from the desktop (SHGetDesktopFolder): it parses a name into an
item ID list (ParseDisplayName), lists a folder (EnumObjects), asks an item's name and
attributes (GetDisplayNameOf, GetAttributesOf), orders two items (CompareIDs) and binds to a
subfolder (BindToObject). :mod:`._pidls` says what the items are; file system folders are
Linux's folders, named by their paths (``/`` is the one drive).

Windows' rules kept: a name that is not there is HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND),
an empty one E_INVALIDARG; binding to a file is ERROR_FILE_NOT_FOUND's too, asking a folder
for an interface other than IShellFolder E_NOINTERFACE; GetAttributesOf answers the
requested SFGAO_* bits the items all have; CompareIDs puts folders before files, then orders
by name without case; a name starting with a dot is hidden (FILE_ATTRIBUTE_HIDDEN's rule
here), listed only with SHCONTF_INCLUDEHIDDEN. Display names: SHGDN_FORPARSING alone is the
full path (``::{CLSID}`` for My Computer), with SHGDN_INFOLDER the item's own name; the
other forms are the item's name (``/`` for the drive, ``My Computer``).

The objects keep no state but their item ID list and are agile (ThreadingModel Both): any
thread of their apartment may call them, and they read the file system at each call.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any, ClassVar

from ..com import (
    IID_IENUMIDLIST,
    IID_ISHELLFOLDER,
    COMException,
    InterfacePointer,
    iid_text,
    set_interface_class,
    wrap,
)
from ..errors import (
    E_INVALIDARG,
    E_NOINTERFACE,
    ERROR_FILE_NOT_FOUND,
    hresult_from_win32,
)
from ._pidls import (
    DRIVE,
    MY_COMPUTER,
    MY_COMPUTER_CLSID,
    ItemKind,
    id_list_path,
    item_kind,
    item_name,
    name_item,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "EnumIDListPointer",
    "ShellFolderPointer",
    "desktop_folder",
    "folder_items",
    "item_display_name",
    "MY_COMPUTER_NAME",
    "SHCONTF_FOLDERS",
    "SHCONTF_NONFOLDERS",
    "SHCONTF_INCLUDEHIDDEN",
    "SHGDN_INFOLDER",
    "SHGDN_FORPARSING",
]

SHCONTF_FOLDERS = 0x20
SHCONTF_NONFOLDERS = 0x40
SHCONTF_INCLUDEHIDDEN = 0x80
SHGDN_INFOLDER = 0x1
SHGDN_FORPARSING = 0x8000

# SFGAO_* bits of each kind of item (as Windows' file system folder answers them)
_CAN = 0x177  # CANCOPY CANMOVE CANLINK CANRENAME CANDELETE HASPROPSHEET DROPTARGET
_SFGAO_STORAGE = 0x8
_SFGAO_READONLY = 0x40000
_SFGAO_HIDDEN = 0x80000
_SFGAO_STREAM = 0x400000
_SFGAO_STORAGEANCESTOR = 0x800000
_SFGAO_FILESYSANCESTOR = 0x10000000
_SFGAO_FOLDER = 0x20000000
_SFGAO_FILESYSTEM = 0x40000000
_SFGAO_HASSUBFOLDER = 0x80000000
_FILE_ATTRIBUTES = _CAN | _SFGAO_STREAM | _SFGAO_FILESYSTEM
_FOLDER_ATTRIBUTES = (
    _CAN | _SFGAO_STORAGE | _SFGAO_STORAGEANCESTOR | _SFGAO_FILESYSANCESTOR | _SFGAO_FOLDER
    | _SFGAO_FILESYSTEM | _SFGAO_HASSUBFOLDER
)  # fmt: skip
_COMPUTER_ATTRIBUTES = _SFGAO_HASSUBFOLDER | _SFGAO_FOLDER | _SFGAO_FILESYSANCESTOR
_NOT_FOUND = hresult_from_win32(ERROR_FILE_NOT_FOUND)
MY_COMPUTER_NAME = "This PC"  # Windows 10's name for it (Wine's: My Computer)


def _failure(hresult: int, why: str) -> COMException:
    return COMException(scode=hresult, desc=why)


def _id_list(value: object) -> list[bytes]:
    if not isinstance(value, list | tuple) or any(not isinstance(i, bytes) for i in value):
        raise TypeError("an item ID list is a list of bytes")
    return list(value)


def _hidden(name: str) -> bool:
    return name.startswith(".")


class _Folder:
    """What a folder of the namespace is: its item ID list and what it holds."""

    def __init__(self, id_list: list[bytes]) -> None:
        self.id_list = id_list

    def path(self) -> str | None:
        """The folder's file system path (None for My Computer)."""
        if self.id_list == [MY_COMPUTER]:
            return None
        return id_list_path(self.id_list)

    def children(self) -> list[bytes]:
        """The items inside, in the order Windows lists them."""
        if self.id_list == [MY_COMPUTER]:
            return [DRIVE]
        path = self.path()
        assert path is not None  # only My Computer has none
        try:
            names = sorted(os.listdir(path), key=lambda n: (n.lower(), n))
        except OSError:
            names = []
        found = [name_item(path, name) for name in names]
        return [MY_COMPUTER, *found] if not self.id_list else found

    def item_path(self, item: bytes) -> str | None:
        """The path of ``item`` inside this folder (None when it has none)."""
        return None if item == MY_COMPUTER else id_list_path([*self.id_list, item])


def _attributes(kind: int, path: str | None) -> int:
    if kind == ItemKind.COMPUTER:
        return _COMPUTER_ATTRIBUTES
    if kind == ItemKind.DRIVE:
        return _FOLDER_ATTRIBUTES
    assert path is not None
    found = _FOLDER_ATTRIBUTES if os.path.isdir(path) else _FILE_ATTRIBUTES
    name = os.path.basename(path)
    if _hidden(name):
        found |= _SFGAO_HIDDEN
    if kind == ItemKind.FILE and os.path.exists(path) and not os.access(path, os.W_OK):
        found |= _SFGAO_READONLY
    return found


class ShellFolder:
    """One folder of the namespace: IShellFolder (the methods by their COM names)."""

    _com_interfaces_: ClassVar[list[str]] = [IID_ISHELLFOLDER]
    _public_methods_: ClassVar[list[str]] = [
        "ParseDisplayName", "EnumObjects", "BindToObject", "CompareIDs", "GetAttributesOf",
        "GetDisplayNameOf", "GetCurFolder",
    ]  # fmt: skip

    def __init__(self, id_list: list[bytes]) -> None:
        self._folder = _Folder(id_list)

    def parse_display_name(self, name: str, attributes: int) -> tuple[int, list[bytes], int]:
        """(0, the item ID list of ``name`` relative to this folder, its ``attributes``)."""
        text = str(name)
        if not text:
            raise _failure(E_INVALIDARG, "an empty name names nothing")
        if self._folder.id_list == [] and text.upper() == "::" + MY_COMPUTER_CLSID:
            found = [MY_COMPUTER]
        else:
            found = self._parse(text)
        wanted = int(attributes) & 0xFFFFFFFF
        if wanted:
            wanted &= self._attributes_of(found)
        return 0, found, wanted

    def enum_objects(self, flags: int) -> InterfacePointer:
        """An IEnumIDList over the items the SHCONTF_* ``flags`` ask for."""
        wanted: list[bytes] = []
        for item in self._folder.children():
            kind = item_kind(item)
            folder = kind != ItemKind.FILE
            if folder and not flags & SHCONTF_FOLDERS:
                continue
            if not folder and not flags & SHCONTF_NONFOLDERS:
                continue
            named = kind in (ItemKind.FOLDER, ItemKind.FILE)
            if named and _hidden(item_name(item)) and not flags & SHCONTF_INCLUDEHIDDEN:
                continue
            wanted.append(item)
        return wrap(EnumIDList([[item] for item in wanted]), IID_IENUMIDLIST)

    def bind_to_object(self, id_list: list[bytes], iid: object) -> InterfacePointer:
        """The IShellFolder of the subfolder ``id_list`` names (relative to this one)."""
        items = _id_list(id_list)
        if iid_text(iid) != IID_ISHELLFOLDER:
            raise _failure(E_NOINTERFACE, "a folder binds to IShellFolder only here")
        full = [*self._folder.id_list, *items]
        if full != [MY_COMPUTER]:
            path = id_list_path(full)
            if not os.path.isdir(path):
                raise _failure(_NOT_FOUND, f"{path!r} is no folder")
        return wrap(ShellFolder(full), IID_ISHELLFOLDER)

    def compare_ids(self, lparam: int, first: list[bytes], second: list[bytes]) -> int:
        """-1, 0 or 1: folders before files, then by name without case, level by level."""
        one, two = _id_list(first), _id_list(second)
        for a, b in zip(one, two, strict=False):
            order = _order(a, b)
            if order:
                return order
        return (len(one) > len(two)) - (len(one) < len(two))

    def get_attributes_of(self, items: list[list[bytes]], wanted: int) -> int:
        """The SFGAO_* bits of ``wanted`` that every item has."""
        found = int(wanted) & 0xFFFFFFFF
        for item in items:
            found &= self._attributes_of(_id_list(item))
        return found

    def get_display_name_of(self, id_list: list[bytes], flags: int) -> str:
        """The name of the item ``id_list`` names (see the module's docstring for the forms)."""
        items = _id_list(id_list)
        if not items:
            raise _failure(E_INVALIDARG, "an empty item ID list has no name here")
        full = [*self._folder.id_list, *items]
        last = full[-1]
        kind = item_kind(last)
        parsing = bool(flags & SHGDN_FORPARSING) and not flags & SHGDN_INFOLDER
        if kind == ItemKind.COMPUTER:
            return "::" + MY_COMPUTER_CLSID.lower() if parsing else MY_COMPUTER_NAME
        if kind == ItemKind.DRIVE:
            return "/"
        if parsing:
            return id_list_path(full)
        return item_name(last)

    def get_cur_folder(self) -> list[bytes]:
        """The folder's item ID list from the desktop (IPersistFolder2's)."""
        return list(self._folder.id_list)

    ParseDisplayName = parse_display_name
    EnumObjects = enum_objects
    BindToObject = bind_to_object
    CompareIDs = compare_ids
    GetAttributesOf = get_attributes_of
    GetDisplayNameOf = get_display_name_of
    GetCurFolder = get_cur_folder

    def _parse(self, text: str) -> list[bytes]:
        """The items from this folder to the path ``text`` names (an absolute one from here)."""
        base, folder = self._folder.id_list, self._folder.path()
        if folder is None or (not base and os.path.isabs(text)):
            base, folder = [MY_COMPUTER, DRIVE], "/"  # a path, from My Computer's drive
            prefix = [DRIVE] if self._folder.path() is None else [MY_COMPUTER, DRIVE]
        else:
            prefix = []
        full = os.path.normpath(os.path.join(folder, text))
        rest = os.path.relpath(full, folder)
        if ".." in text.replace("\\", "/").split("/") or rest.split(os.sep)[0] == "..":
            raise _failure(E_INVALIDARG, f"{text!r} leaves the folder")
        if not os.path.lexists(full):
            raise _failure(_NOT_FOUND, f"{full!r} is not there")
        items = list(prefix)
        for name in [] if rest == "." else rest.split(os.sep):
            items.append(name_item(folder, name))
            folder = os.path.join(folder, name)
        return items

    def _attributes_of(self, items: list[bytes]) -> int:
        full = [*self._folder.id_list, *items]
        if not items:
            raise _failure(E_INVALIDARG, "an empty item ID list has no attributes")
        kind = item_kind(full[-1])
        path = None if kind == ItemKind.COMPUTER else id_list_path(full)
        return _attributes(kind, path)


def _order(a: bytes, b: bytes) -> int:
    folder_a, folder_b = item_kind(a) != ItemKind.FILE, item_kind(b) != ItemKind.FILE
    if folder_a != folder_b:
        return -1 if folder_a else 1
    key_a, key_b = a.lower(), b.lower()
    return (key_a > key_b) - (key_a < key_b)


class EnumIDList:
    """IEnumIDList over a snapshot of item ID lists (Next, Skip, Reset, Clone)."""

    _com_interfaces_: ClassVar[list[str]] = [IID_IENUMIDLIST]
    _public_methods_: ClassVar[list[str]] = ["Next", "Skip", "Reset", "Clone"]

    def __init__(self, items: Sequence[list[bytes]], index: int = 0) -> None:
        self._items = list(items)  # never changed: a snapshot
        self._index = index
        self._lock = threading.Lock()  # for the place: an MTA's threads may share it

    def next(self, count: int) -> list[list[bytes]]:
        """The next ``count`` lists (fewer at the end)."""
        with self._lock:
            found = self._items[self._index : self._index + max(int(count), 0)]
            self._index += len(found)
        return found

    def skip(self, count: int) -> None:
        """Skip ``count`` lists (not past the end)."""
        with self._lock:
            self._index = min(self._index + max(int(count), 0), len(self._items))

    def reset(self) -> None:
        """Go back to the first list."""
        with self._lock:
            self._index = 0

    def clone(self) -> InterfacePointer:
        """A new enumerator at the same place."""
        with self._lock:
            index = self._index
        return wrap(EnumIDList(self._items, index), IID_IENUMIDLIST)

    Next, Skip, Reset, Clone = next, skip, reset, clone  # IEnumIDList's names


class ShellFolderPointer(InterfacePointer):
    """An IShellFolder pointer."""

    __slots__ = ()

    def parse_display_name(self, name: str, attributes: int = 0) -> tuple[int, list[bytes], int]:
        """(characters eaten, the item ID list of ``name``, its requested SFGAO_* bits)."""
        if not isinstance(name, str):
            raise TypeError(f"a display name is a str, not {type(name).__name__}")
        eaten, found, wanted = self._call("ParseDisplayName", name, int(attributes))
        return int(eaten), list(found), int(wanted)

    def enum_objects(self, flags: int) -> EnumIDListPointer:
        """An enumerator over the items the SHCONTF_* ``flags`` ask for."""
        found: EnumIDListPointer = self._call("EnumObjects", int(flags))
        return found

    def bind_to_object(self, id_list: list[bytes], iid: object = IID_ISHELLFOLDER) -> Any:  # noqa: ANN401
        """The interface ``iid`` of the subfolder ``id_list`` names."""
        return self._call("BindToObject", _id_list(id_list), iid_text(iid))

    def compare_ids(self, lparam: int, first: list[bytes], second: list[bytes]) -> int:
        """-1 when ``first`` comes first, 1 when ``second`` does, 0 when equal."""
        return int(self._call("CompareIDs", int(lparam), _id_list(first), _id_list(second)))

    def get_attributes_of(self, items: Sequence[list[bytes]], wanted: int) -> int:
        """The SFGAO_* bits of ``wanted`` every item has (unsigned)."""
        lists = [_id_list(item) for item in items]
        return int(self._call("GetAttributesOf", lists, int(wanted)))

    def get_display_name_of(self, id_list: list[bytes], flags: int) -> str:
        """The name of the item ``id_list`` names, in the SHGDN_* form ``flags`` asks for."""
        return str(self._call("GetDisplayNameOf", _id_list(id_list), int(flags)))

    def get_cur_folder(self) -> list[bytes]:
        """The folder's item ID list from the desktop."""
        return list(self._call("GetCurFolder"))


class EnumIDListPointer(InterfacePointer):
    """An IEnumIDList pointer."""

    __slots__ = ()

    def next(self, count: int = 1) -> list[list[bytes]]:
        """The next ``count`` item ID lists (fewer at the end)."""
        return [list(item) for item in self._call("Next", int(count))]

    def skip(self, count: int) -> None:
        """Skip ``count`` lists."""
        self._call("Skip", int(count))

    def reset(self) -> None:
        """Go back to the first list."""
        self._call("Reset")

    def clone(self) -> EnumIDListPointer:
        """A new enumerator at the same place."""
        found: EnumIDListPointer = self._call("Clone")
        return found


set_interface_class(IID_ISHELLFOLDER, ShellFolderPointer)
set_interface_class(IID_IENUMIDLIST, EnumIDListPointer)


def desktop_folder() -> ShellFolderPointer:
    """The namespace's root (SHGetDesktopFolder), a COM object of the calling apartment."""
    found = wrap(ShellFolder([]), IID_ISHELLFOLDER)
    assert isinstance(found, ShellFolderPointer)  # the class set_interface_class gave it
    return found


def folder_items(id_list: list[bytes]) -> list[bytes]:
    """The items of the folder ``id_list`` Explorer shows: all but the hidden ones."""
    return [
        item
        for item in _Folder(id_list).children()
        if item_kind(item) not in (ItemKind.FOLDER, ItemKind.FILE) or not _hidden(item_name(item))
    ]


def item_display_name(id_list: list[bytes]) -> str:
    """The normal display name (SHGDN_NORMAL) of the item ``id_list`` names from the desktop."""
    return ShellFolder([]).get_display_name_of(id_list, 0)
