r"""The shell namespace's item ID lists (PIDLs) for Linux's one tree, and what each item is.

The namespace is a tree rooted at the desktop (the empty list). Its children are My Computer
and what the user's Desktop folder holds; My Computer holds one drive, ``/`` (Linux has one
tree, not drives: :func:`apartment.kernel.drive_roots`); a folder holds its files and folders.
An item is bytes, as pywin32 gives each ``SHITEMID`` (its size word left out):

- My Computer: ``0x1F 0x00`` and CLSID_MyComputer's 16 bytes, Windows' own item;
- the drive: ``#/`` (Windows' drive item starts with ``#`` and holds ``C:\``);
- a folder: ``1`` and its name's bytes, a file: ``2`` and its name's (Windows' file system
  items start with 0x31 and 0x32 too; theirs hold times and sizes, read here from the file).

A path's list is therefore ``[My Computer, drive, name, ...]``, and a list that starts with a
name is inside the Desktop folder, as a desktop item's is on Windows. Lists made before My
Computer led them (``[drive, name, ...]``) still read.
"""

from __future__ import annotations

import enum
import os
import uuid
from typing import TYPE_CHECKING

from ..errors import E_INVALIDARG, ComError
from ._folders import folder_path

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "MY_COMPUTER",
    "MY_COMPUTER_CLSID",
    "DRIVE",
    "ItemKind",
    "item_kind",
    "item_name",
    "name_item",
    "path_id_list",
    "id_list_path",
    "desktop_directory",
    "folder_id_list",
]

MY_COMPUTER_CLSID = "{20D04FE0-3AEA-1069-A2D8-08002B30309D}"
MY_COMPUTER = b"\x1f\x00" + uuid.UUID(MY_COMPUTER_CLSID).bytes_le
DRIVE = b"#/"
_FOLDER_TAG = b"1"
_FILE_TAG = b"2"


class ItemKind(enum.IntEnum):
    """What an item names."""

    COMPUTER = 1
    DRIVE = 2
    FOLDER = 3
    FILE = 4


def item_kind(item: bytes) -> int:
    """The kind of ``item``; E_INVALIDARG for an item no list of this namespace holds."""
    if item == MY_COMPUTER:
        return ItemKind.COMPUTER
    if item == DRIVE:
        return ItemKind.DRIVE
    if len(item) > 1 and item[:1] == _FOLDER_TAG:
        return ItemKind.FOLDER
    if len(item) > 1 and item[:1] == _FILE_TAG:
        return ItemKind.FILE
    raise ComError.from_hresult(E_INVALIDARG, "the item ID list names nothing of this namespace")


def item_name(item: bytes) -> str:
    """The file system name a folder or file item holds."""
    return os.fsdecode(item[1:])


def name_item(folder: str, name: str) -> bytes:
    """The item of ``name`` inside the folder ``folder``: a file's when it is one."""
    path = os.path.join(folder, name)
    is_file = os.path.lexists(path) and not os.path.isdir(path)
    return (_FILE_TAG if is_file else _FOLDER_TAG) + os.fsencode(name)


_CSIDL_DESKTOP = 0x0
_CSIDL_DRIVES = 0x11
_CSIDL_FLAG_MASK = 0xFF00


def folder_id_list(csidl: int) -> list[bytes]:
    """The item ID list of the special folder ``csidl`` (SHGetFolderLocation).

    The desktop's is the empty list and My Computer's its one item (CSIDL_DRIVES, a virtual
    folder the namespace has); the others are their paths' lists (:func:`folder_path`'s
    rules and errors, CSIDL_FLAG_* included).
    """
    which = csidl & ~_CSIDL_FLAG_MASK
    if which == _CSIDL_DESKTOP:
        return []  # the namespace's root, which is always there
    if which == _CSIDL_DRIVES:
        return [MY_COMPUTER]
    return path_id_list(folder_path(csidl))


def desktop_directory() -> str:
    """The user's Desktop folder: what the namespace's root holds besides My Computer."""
    return folder_path(0x10)  # CSIDL_DESKTOPDIRECTORY


def path_id_list(path: str) -> list[bytes]:
    """The item ID list of an absolute ``path``: My Computer, the drive, a name per part."""
    if not os.path.isabs(path):
        raise ComError.from_hresult(E_INVALIDARG, f"{path!r} is not an absolute path")
    items = [MY_COMPUTER, DRIVE]
    folder = "/"
    for name in (part for part in os.path.normpath(path).split(os.sep) if part):
        items.append(name_item(folder, name))
        folder = os.path.join(folder, name)
    return items


def id_list_path(items: Sequence[bytes]) -> str:
    """The file system path of an item ID list: the Desktop folder's for the empty list.

    Raises:
        ComError: E_INVALIDARG for a list that names no file system item (My Computer
            itself, an item no list of this namespace holds).
    """
    names = list(items)
    if names[:1] == [MY_COMPUTER]:
        names = names[1:]
        if not names:
            raise ComError.from_hresult(E_INVALIDARG, "My Computer is no file system folder")
    if names[:1] == [DRIVE]:
        base, names = "/", names[1:]
    else:
        base = desktop_directory()
    for item in names:
        if item_kind(item) not in (ItemKind.FOLDER, ItemKind.FILE):
            raise ComError.from_hresult(E_INVALIDARG, "the item ID list names no file system item")
    return os.path.join(base, *(item_name(item) for item in names))
