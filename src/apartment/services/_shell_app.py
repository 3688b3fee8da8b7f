r"""``Shell.Application``: the shell's scripting object (IShellDispatch), on Linux's files.

Scripts reach the shell namespace through it: ``Namespace(path or ssf number)`` gives a
Folder (Title, Items, ParseName, CopyHere, MoveHere, NewFolder, GetDetailsOf, Self,
ParentFolder), whose items are FolderItems (Count, Item(i), iteration) of FolderItem (Name,
Path, IsFolder, IsFileSystem, IsLink, Size, ModifyDate, Type, GetFolder). The folders are
the namespace's (:mod:`._shell_folder`): the desktop (``ssfDESKTOP``, 0) holds My Computer
(``ssfDRIVES``, 17, "This PC") and the Desktop folder's items; My Computer holds the drive
``/``; the other ssf numbers are the CSIDLs of :func:`folder_path`.

Windows' answers kept: a folder or name that is not there is Nothing (None), not an error
(Namespace, ParseName, Items' Item past the end); Items lists folders first, then files, by
name without case, as Explorer shows them; CopyHere and MoveHere take a path, a FolderItem or
FolderItems, and report nothing (a failure shows in the shell's dialogs on Windows, which are
not here), with the FOF_* options of SHFileOperation; NewFolder makes the folder if it is not
there. Nothing here has a window: BrowseForFolder answers None, as when the user cancels;
Windows() is an empty collection; MinimizeAll and its kin do nothing; Open and Explore hand
the folder to the desktop's opener as ShellExecute does (nothing opens it without a graphical
session). ShellExecute starts programs through :func:`apartment.kernel.shell_execute`, a
failure answered by S_FALSE (no error), as shell32 does.

The objects read the file system at each call and hold no lock: any thread of their
apartment may call them (the class is apartment-threaded, as shell32 registers it).
"""

from __future__ import annotations

import datetime
import os
import sys
from typing import TYPE_CHECKING, ClassVar

from .. import kernel
from ..com import COMException, DispatchPointer, described_members, new_enum, wrap
from ..errors import ComError, Win32Error
from ._folders import folder_path
from ._pidls import (
    MY_COMPUTER,
    MY_COMPUTER_CLSID,
    ItemKind,
    id_list_path,
    item_kind,
    name_item,
    path_id_list,
)
from ._shell_folder import folder_items, item_display_name

if TYPE_CHECKING:
    from ..com import InterfacePointer

__all__ = ["CLSID", "PROGID", "ShellApplication"]

CLSID = "{13709620-C279-11CE-A49E-444553540000}"  # CLSID_Shell (shell32.dll)
PROGID = "Shell.Application"
_SHELL32 = "{50A7E9B0-70EF-11D1-B75A-00A0C90564FE}"  # "Microsoft Shell Controls And Automation"
_FO_MOVE = 1
_FO_COPY = 2
_SSF_DESKTOP = 0
_SSF_DRIVES = 0x11
_DISPATCH_PROPERTYGET = 2
_E_INVALIDARG = -2147024809
_COLUMNS = ("Name", "Size", "Item type", "Date modified")


def _item_path(items: list[bytes]) -> str:
    """What FolderItem.Path answers: the file system path, or ``::{CLSID}``."""
    if items == [MY_COMPUTER]:
        return "::" + MY_COMPUTER_CLSID
    return id_list_path(items)


def _folder_id_list(target: object) -> list[bytes] | None:
    """The namespace folder Namespace's argument names, or None when there is none."""
    if isinstance(target, DispatchPointer):  # a FolderItem (or anything with a Path)
        target = target.invoke("Path", _DISPATCH_PROPERTYGET)
    if isinstance(target, bool):
        return None
    if isinstance(target, int):
        if target == _SSF_DESKTOP:
            return []
        if target == _SSF_DRIVES:
            return [MY_COMPUTER]
        try:
            target = folder_path(target)
        except (Win32Error, ComError):  # a CSIDL with no folder here
            return None
    if not isinstance(target, str) or not target:
        return None
    if target.upper() == "::" + MY_COMPUTER_CLSID:
        return [MY_COMPUTER]
    path = os.path.abspath(target)
    if not os.path.isdir(path):
        return None
    return path_id_list(path)


def _source_paths(value: object) -> list[str]:
    """The paths CopyHere and MoveHere take: a path, a FolderItem or FolderItems."""
    if isinstance(value, str):
        return [part for part in value.split("\0") if part]
    if isinstance(value, DispatchPointer):
        try:
            return [str(value.invoke("Path", _DISPATCH_PROPERTYGET))]
        except Exception:
            count = int(value.invoke("Count", _DISPATCH_PROPERTYGET))
            return [
                str(value.invoke("Item", 1, index).invoke("Path", _DISPATCH_PROPERTYGET))
                for index in range(count)
            ]
    raise COMException(scode=_E_INVALIDARG, desc="CopyHere takes a path or a FolderItem")


def _type_name(path: str) -> str:
    """The kind of a file in words: ``File folder``, ``TXT File``, ``File``."""
    if os.path.isdir(path):
        return "File folder"
    extension = os.path.splitext(os.path.basename(path))[1][1:]
    return f"{extension.upper()} File" if extension else "File"


def _size_text(size: int) -> str:
    """A size as Explorer's Size column shows it: in KB, rounded up (StrFormatKBSize)."""
    return f"{(size + 1023) // 1024:,} KB"


@described_members
class FolderItem:
    """FolderItem: one item of a namespace folder (the default member is its Name)."""

    _type_info_ = (_SHELL32, (1, 0), "FolderItem2")

    _public_attrs_: ClassVar[list[str]] = [
        "Name", "Path", "IsFolder", "IsFileSystem", "IsLink", "IsBrowsable", "Size",
        "ModifyDate", "Type", "GetFolder", "Parent", "Application",
    ]  # fmt: skip
    _readonly_attrs_: ClassVar[list[str]] = [n for n in _public_attrs_ if n != "Name"]
    _dispid_to_get_: ClassVar[dict[int, str]] = {0: "Name"}
    _public_methods_: ClassVar[list[str]] = []

    def __init__(self, id_list: list[bytes]) -> None:
        self._items = id_list

    def _path(self) -> str | None:
        kind = item_kind(self._items[-1]) if self._items else ItemKind.FOLDER
        return None if kind == ItemKind.COMPUTER else id_list_path(self._items)

    @property
    def name(self) -> str:
        """The item's name as the shell shows it."""
        return item_display_name(self._items) if self._items else "Desktop"

    @name.setter
    def name(self, name: str) -> None:
        path = self._path()
        if path is None or not self._items:
            raise COMException(scode=_E_INVALIDARG, desc="this item cannot be renamed")
        target = os.path.join(os.path.dirname(path), str(name))
        kernel.move_file(path, target)
        self._items = [*self._items[:-1], name_item(os.path.dirname(path), str(name))]

    @property
    def path(self) -> str:
        """The item's file system path (``::{CLSID}`` for My Computer)."""
        return _item_path(self._items)

    @property
    def is_folder(self) -> bool:
        """Whether the item is a folder (the drive and My Computer are)."""
        path = self._path()
        return path is None or os.path.isdir(path)

    @property
    def is_file_system(self) -> bool:
        """Whether the item is in the file system (My Computer is not)."""
        return self._path() is not None

    @property
    def is_link(self) -> bool:
        """Whether the item is a shortcut (a ``.lnk`` file)."""
        path = self._path()
        return path is not None and path.lower().endswith(".lnk") and os.path.isfile(path)

    @property
    def is_browsable(self) -> bool:
        """Whether the item can be browsed in place (a document with a viewer): never here."""
        return False

    @property
    def size(self) -> int:
        """The file's size in bytes (0 for a folder)."""
        path = self._path()
        if path is None or os.path.isdir(path):
            return 0
        try:
            return os.stat(path).st_size
        except OSError:
            return 0

    @property
    def modify_date(self) -> datetime.datetime:
        """When the item was last written."""
        path = self._path()
        seconds = 0.0
        if path is not None:
            try:
                seconds = os.stat(path).st_mtime
            except OSError:
                seconds = 0.0
        return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)

    @property
    def type(self) -> str:
        """The kind of item in words (``File folder``, ``TXT File``)."""
        path = self._path()
        return "System Folder" if path is None else _type_name(path)

    @property
    def get_folder(self) -> DispatchPointer:
        """The item as a Folder (E_INVALIDARG for a file)."""
        if not self.is_folder:
            raise COMException(scode=_E_INVALIDARG, desc=f"{self.path!r} is no folder")
        return wrap(Folder(list(self._items)))

    @property
    def parent(self) -> DispatchPointer:
        """The Folder holding the item."""
        return wrap(Folder(self._items[:-1]))

    @property
    def application(self) -> DispatchPointer:
        """The Shell.Application object."""
        return wrap(ShellApplication())

    Name = name
    Path = path
    IsFolder = is_folder
    IsFileSystem = is_file_system
    IsLink = is_link
    IsBrowsable = is_browsable
    Size = size
    ModifyDate = modify_date
    Type = type
    GetFolder = get_folder
    Parent = parent
    Application = application


@described_members
class FolderItems:
    """FolderItems: a folder's items, folders first (Count, Item(index), iteration)."""

    _type_info_ = (_SHELL32, (1, 0), "FolderItems3")

    _public_attrs_: ClassVar[list[str]] = ["Count", "Application", "Parent"]
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_
    _public_methods_: ClassVar[list[str]] = ["Item"]
    _dispid_to_func_: ClassVar[dict[int, str]] = {0: "Item"}

    def __init__(self, folder: list[bytes], items: list[bytes]) -> None:
        self._folder = folder
        self._items = items

    @property
    def count(self) -> int:
        """How many items there are."""
        return len(self._items)

    def item(self, index: object = None) -> DispatchPointer | None:
        """The item at ``index`` (or named ``index``); the folder itself when none is given.

        Past the end, or a name not there, it is Nothing (None).
        """
        if index is None:
            return wrap(FolderItem(list(self._folder)))
        if isinstance(index, str):
            for item in self._items:
                if item_display_name([*self._folder, item]).lower() == index.lower():
                    return wrap(FolderItem([*self._folder, item]))
            return None
        if not isinstance(index, int) or not 0 <= index < len(self._items):
            return None
        return wrap(FolderItem([*self._folder, self._items[index]]))

    def _NewEnum(self) -> InterfacePointer:  # noqa: N802
        return new_enum([wrap(FolderItem([*self._folder, item])) for item in self._items])

    @property
    def application(self) -> DispatchPointer:
        """The Shell.Application object."""
        return wrap(ShellApplication())

    @property
    def parent(self) -> DispatchPointer:
        """The Folder the items are in."""
        return wrap(Folder(self._folder))

    Count = count
    Item = item
    Application = application
    Parent = parent


@described_members
class Folder:
    """Folder (Folder3): one folder of the namespace."""

    _type_info_ = (_SHELL32, (1, 0), "Folder3")

    _public_attrs_: ClassVar[list[str]] = ["Title", "Application", "Parent", "ParentFolder", "Self"]
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_
    _public_methods_: ClassVar[list[str]] = [
        "Items", "ParseName", "NewFolder", "MoveHere", "CopyHere", "GetDetailsOf",
    ]  # fmt: skip
    _dispid_to_get_: ClassVar[dict[int, str]] = {0: "Title"}

    def __init__(self, id_list: list[bytes]) -> None:
        self._items = id_list

    def _path(self) -> str:
        if self._items == [MY_COMPUTER]:
            raise COMException(scode=_E_INVALIDARG, desc="My Computer holds no files")
        return id_list_path(self._items)

    @property
    def title(self) -> str:
        """The folder's name as the shell shows it."""
        return item_display_name(self._items) if self._items else "Desktop"

    @property
    def application(self) -> DispatchPointer:
        """The Shell.Application object."""
        return wrap(ShellApplication())

    parent = application

    @property
    def parent_folder(self) -> DispatchPointer | None:
        """The folder holding this one (Nothing for the desktop)."""
        return wrap(Folder(self._items[:-1])) if self._items else None

    @property
    def self(self) -> DispatchPointer:
        """The folder as a FolderItem."""
        return wrap(FolderItem(list(self._items)))

    def items(self) -> DispatchPointer:
        """The folder's items, folders first, then by name without case."""
        found = folder_items(self._items)
        found.sort(key=lambda item: item_kind(item) == ItemKind.FILE)  # stable: names kept
        return wrap(FolderItems(self._items, found))

    def parse_name(self, name: str) -> DispatchPointer | None:
        """The item called ``name`` in this folder (Nothing when there is none)."""
        text = str(name)
        if self._items == [MY_COMPUTER] or not text or os.sep in text.strip(os.sep):
            return None
        folder = self._path()
        if not os.path.lexists(os.path.join(folder, text)):
            return None
        return wrap(FolderItem([*self._items, name_item(folder, text)]))

    def new_folder(self, name: str, options: object = None) -> None:
        """Make the folder ``name`` here (nothing when it is there already)."""
        path = os.path.join(self._path(), str(name))
        if not os.path.isdir(path):
            kernel.create_directory(path)

    def copy_here(self, item: object, options: object = 0) -> None:
        """Copy a path, a FolderItem or FolderItems into this folder (FOF_* ``options``)."""
        self._transfer(_FO_COPY, item, options)

    def move_here(self, item: object, options: object = 0) -> None:
        """Move a path, a FolderItem or FolderItems into this folder (FOF_* ``options``)."""
        self._transfer(_FO_MOVE, item, options)

    def _transfer(self, operation: int, item: object, options: object) -> None:
        flags = options if isinstance(options, int) and not isinstance(options, bool) else 0
        target = self._path()
        kernel.file_operation(operation, _source_paths(item), [target], flags)

    def get_details_of(self, item: object, column: int) -> str:
        """Column ``column`` of an item (Name, Size, Item type, Date modified); None: headers."""
        index = int(column)
        if item is None:
            return _COLUMNS[index] if 0 <= index < len(_COLUMNS) else ""
        path = (
            str(item.invoke("Path", _DISPATCH_PROPERTYGET))
            if isinstance(item, DispatchPointer)
            else ""
        )
        if not path.startswith("/") or not os.path.lexists(path):
            return ""
        info = os.stat(path)
        folder = os.path.isdir(path)
        when = datetime.datetime.fromtimestamp(info.st_mtime)
        cells = (
            os.path.basename(path.rstrip("/")) or "/",
            "" if folder else _size_text(info.st_size),
            _type_name(path),
            when.strftime("%d/%m/%Y %H:%M"),
        )
        return cells[index] if 0 <= index < len(cells) else ""

    Title = title
    Application = application
    Parent = parent
    ParentFolder = parent_folder
    Self = self
    Items = items
    ParseName = parse_name
    NewFolder = new_folder
    CopyHere = copy_here
    MoveHere = move_here
    GetDetailsOf = get_details_of


class ShellWindows:
    """ShellWindows: the shell's open windows, none here (Count 0, Item Nothing)."""

    _public_attrs_: ClassVar[list[str]] = ["Count"]
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_
    _public_methods_: ClassVar[list[str]] = ["Item"]
    _dispid_to_func_: ClassVar[dict[int, str]] = {0: "Item"}

    Count = 0

    def item(self, index: object = None) -> None:
        """Nothing: no window is open."""
        return

    def _NewEnum(self) -> InterfacePointer:  # noqa: N802
        return new_enum([])

    Item = item


def _facade_hook() -> list[str] | None:
    # A program started for a pywin32 script gets the facade, as win32api.ShellExecute's do;
    # looked up, not imported: this layer is below the facade.
    facade = sys.modules.get("apartment.win32.win32process")
    hook = getattr(facade, "FACADE_HOOK", None)
    return [hook] if isinstance(hook, str) else None


@described_members
class ShellApplication:
    """IShellDispatch: Namespace, ShellExecute and the shell's window commands."""

    _type_info_ = (_SHELL32, (1, 0), "IShellDispatch6")

    _reg_clsid_ = CLSID
    _reg_progid_ = PROGID
    _public_attrs_: ClassVar[list[str]] = ["Application", "Parent"]
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_
    _public_methods_: ClassVar[list[str]] = [
        "NameSpace", "Namespace", "BrowseForFolder", "ShellExecute", "Open", "Explore",
        "Windows", "MinimizeAll", "UndoMinimizeALL", "TileHorizontally", "TileVertically",
        "CascadeWindows", "ToggleDesktop",
    ]  # fmt: skip

    @property
    def application(self) -> DispatchPointer:
        """The object itself."""
        return wrap(ShellApplication())

    parent = application

    @staticmethod
    def namespace(folder: object) -> DispatchPointer | None:
        """The Folder of a path, an ssf number or a FolderItem (Nothing when there is none)."""
        found = _folder_id_list(folder)
        return None if found is None else wrap(Folder(found))

    @staticmethod
    def browse_for_folder(
        hwnd: object, title: object, options: object, root: object = None
    ) -> None:
        """Nothing: there is no one to ask, as when the user cancels the dialog."""
        return

    @staticmethod
    def shell_execute(
        file: str,
        arguments: object = "",
        directory: object = "",
        operation: object = "",
        show: object = 1,
    ) -> None:
        """Open or run ``file`` as ShellExecute does; a failure is S_FALSE (no error)."""
        kernel.shell_execute(
            str(file),
            verb=str(operation) if operation else None,
            parameters=str(arguments) if arguments else None,
            directory=str(directory) if directory else None,
            python_path=_facade_hook(),
        )

    @staticmethod
    def open(folder: object) -> None:
        """Open the folder (a path, an ssf number, a FolderItem) with the desktop's opener."""
        found = _folder_id_list(folder)
        if found is not None and found != [MY_COMPUTER]:
            kernel.shell_execute(id_list_path(found), verb="open")

    explore = open

    @staticmethod
    def windows() -> DispatchPointer:
        """The shell's open windows: none."""
        return wrap(ShellWindows())

    @staticmethod
    def minimize_all() -> None:
        """Nothing: the shell has no windows here (as are the other window commands)."""
        return

    Application = application
    Parent = parent
    NameSpace = Namespace = namespace
    BrowseForFolder = browse_for_folder
    ShellExecute = shell_execute
    Open = open
    Explore = explore
    Windows = windows
    MinimizeAll = UndoMinimizeALL = TileHorizontally = TileVertically = minimize_all
    CascadeWindows = ToggleDesktop = minimize_all
