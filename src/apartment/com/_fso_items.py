"""The objects Scripting.FileSystemObject hands out: File, Folder, their collections, Drive.

A File or Folder names a path; each property reads the file system when asked, as scrrun's
do. What maps to what on Linux:

* ``Attributes``: ReadOnly (1) is the owner's lacking write permission, Hidden (2) a name
  starting with a dot, Directory (16) a folder, Archive (32) every file (as a new file on
  Windows), Alias (1024) a symbolic link. Setting them changes ReadOnly only (chmod).
* ``DateCreated`` is the inode's change time (Linux keeps no birth time every file system
  has), ``DateLastModified``/``DateLastAccessed`` its mtime/atime: VT_DATE values.
* ``ShortName``/``ShortPath`` are the name and the path (no 8.3 names); ``Type`` is
  ``File folder`` for a folder and ``<EXT> File`` for a file (no registered file types).
* There is one drive, the root ``/`` (as GetLogicalDriveStrings gives): ``DriveLetter`` is
  ``""``, ``DriveType`` 2 (fixed), its space and file system those of ``/``.
"""

from __future__ import annotations

import datetime
import errno
import os
import shutil
import stat
from typing import TYPE_CHECKING, ClassVar

from ..errors import DISP_E_PARAMNOTOPTIONAL
from ._collections import new_enum
from ._dispatch import wrap
from ._fso_paths import file_name, parent_folder_name, trailing_separator
from ._fso_text import FOR_APPENDING, FOR_READING, FOR_WRITING, open_stream
from ._server_errors import COMException
from ._vb_errors import (
    DEVICE_UNAVAILABLE,
    FILE_EXISTS,
    FILE_NOT_FOUND,
    INVALID_CALL,
    PATH_NOT_FOUND,
    PERMISSION_DENIED,
    vb_error,
)

if TYPE_CHECKING:
    from ._dispatch import DispatchPointer
    from ._pointer import InterfacePointer

__all__ = [
    "Drive",
    "Drives",
    "File",
    "Files",
    "Folder",
    "Folders",
    "copy_folder",
    "error_of",
    "new_stream",
    "copy_one",
    "create_text_file",
    "delete_folder",
    "drive_of",
    "folder_part",
    "move_one",
    "read_only",
    "ROOT",
]

ROOT = "/"
_READ_ONLY, _HIDDEN, _DIRECTORY, _ARCHIVE, _ALIAS = 1, 2, 16, 32, 1024
_UTC = datetime.timezone.utc
_MISSING = object()
_E_INVALIDARG = -2147024809


def error_of(error: OSError, missing: int = FILE_NOT_FOUND) -> COMException:
    """The VB error for an OSError: ``missing`` for a name not there, 70 for refusals."""
    if error.errno == errno.ENOENT:
        return vb_error(missing)
    if error.errno == errno.EEXIST:
        return vb_error(FILE_EXISTS)
    if error.errno == errno.ENOTDIR:
        return vb_error(PATH_NOT_FOUND)
    return vb_error(PERMISSION_DENIED)


def new_stream(path: str, mode: int, fmt: int, *, create: bool) -> DispatchPointer:
    """``path`` open as a TextStream (OpenTextFile's rules); the errors as scrrun's."""
    mode, fmt = int(mode), int(fmt)
    if mode not in (FOR_READING, FOR_WRITING, FOR_APPENDING):
        raise vb_error(-2147024809)  # E_INVALIDARG, as scrrun answers an unknown mode
    if os.path.isdir(path):
        raise vb_error(PERMISSION_DENIED)
    if not os.path.exists(path):
        folder = os.path.dirname(path) or "."
        if not os.path.isdir(folder):
            raise vb_error(PATH_NOT_FOUND)
        if not create:
            raise vb_error(FILE_NOT_FOUND)
    try:
        return wrap(open_stream(path, mode, fmt))
    except OSError as error:
        raise error_of(error) from None


def _date(seconds: float) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(seconds, _UTC)


def _attributes(path: str, info: os.stat_result) -> int:
    value = 0
    if not info.st_mode & stat.S_IWUSR:
        value |= _READ_ONLY
    if file_name(path).startswith("."):
        value |= _HIDDEN
    if stat.S_ISDIR(info.st_mode):
        value |= _DIRECTORY
    else:
        value |= _ARCHIVE
    if os.path.islink(path):
        value |= _ALIAS
    return value


def read_only(path: str) -> bool:
    """Whether ``path`` is read-only (its owner may not write it)."""
    try:
        return not os.stat(path).st_mode & stat.S_IWUSR
    except OSError:
        return False


def copy_folder(source: str, destination: str, *, overwrite: bool) -> None:
    """Copy the folder ``source`` to ``destination``, merging into one that exists."""
    if os.path.isfile(destination):
        raise vb_error(FILE_EXISTS)
    try:
        os.makedirs(destination, exist_ok=True)
        for name in sorted(os.listdir(source)):
            src, dst = os.path.join(source, name), os.path.join(destination, name)
            if os.path.isdir(src):
                copy_folder(src, dst, overwrite=overwrite)
                continue
            if os.path.exists(dst) and not overwrite:
                raise vb_error(FILE_EXISTS)
            shutil.copy2(src, dst)
    except OSError as error:
        raise error_of(error, PATH_NOT_FOUND) from None


def folder_part(path: str) -> str:
    return path.rstrip("/\\") or path[:1]


def drive_of(spec: object) -> DispatchPointer:
    """The Drive ``spec`` names: the root ``/`` (a path on it too); else error 68."""
    if not isinstance(spec, str):
        raise vb_error(_E_INVALIDARG)
    if spec.startswith("/"):
        return wrap(Drive())
    raise vb_error(DEVICE_UNAVAILABLE)


def copy_one(source: str, destination: str, *, overwrite: bool) -> None:
    """Copy the file ``source`` to the file (or existing folder) ``destination``."""
    if trailing_separator(destination):
        folder = folder_part(destination)
        if not os.path.isdir(folder):
            raise vb_error(PATH_NOT_FOUND)
        destination = os.path.join(folder, os.path.basename(source))
    elif os.path.isdir(destination):
        raise vb_error(PERMISSION_DENIED)
    if os.path.exists(destination):
        if not overwrite:
            raise vb_error(FILE_EXISTS)
        if read_only(destination):
            raise vb_error(PERMISSION_DENIED)
    elif not os.path.isdir(os.path.dirname(destination) or "."):
        raise vb_error(PATH_NOT_FOUND)
    try:
        shutil.copy2(source, destination)
    except OSError as error:
        raise error_of(error) from None


def move_one(source: str, destination: str) -> str:
    """Move ``source`` to ``destination`` (into it, if it ends with a separator); the new path."""
    if trailing_separator(destination):
        folder = folder_part(destination)
        if not os.path.isdir(folder):
            raise vb_error(PATH_NOT_FOUND)
        destination = os.path.join(folder, os.path.basename(source.rstrip("/\\")))
    if os.path.lexists(destination):
        raise vb_error(FILE_EXISTS)
    if not os.path.isdir(os.path.dirname(os.path.abspath(destination))):
        raise vb_error(PATH_NOT_FOUND)
    try:
        shutil.move(source, destination)
    except OSError as error:
        raise error_of(error) from None
    return os.path.abspath(destination)


def delete_folder(path: str, *, force: bool) -> None:
    """Delete the folder ``path`` and all in it (a read-only file in it only with ``force``)."""
    if not force:
        for folder, _, names in os.walk(path):
            if any(read_only(os.path.join(folder, name)) for name in names):
                raise vb_error(PERMISSION_DENIED)
    try:
        shutil.rmtree(path)
    except OSError as error:
        raise error_of(error, PATH_NOT_FOUND) from None


def create_text_file(path: str, overwrite: object, unicode: object) -> DispatchPointer:
    """A new file at ``path`` open for writing (58 if one is there and not ``overwrite``)."""
    if os.path.isdir(path):
        raise vb_error(PERMISSION_DENIED)
    if os.path.exists(path) and not overwrite:
        raise vb_error(FILE_EXISTS)
    return new_stream(path, 2, -1 if unicode else 0, create=True)


class _Item:
    """What File and Folder share: a path, read each time a property is asked for."""

    _missing: ClassVar[int] = FILE_NOT_FOUND
    _public_attrs_: ClassVar[list[str]] = [
        "Path", "Name", "ShortName", "ShortPath", "Attributes", "Drive", "ParentFolder",
        "DateCreated", "DateLastModified", "DateLastAccessed", "Size", "Type",
    ]  # fmt: skip
    _readonly_attrs_: ClassVar[list[str]] = [
        name for name in _public_attrs_ if name not in ("Name", "Attributes")
    ]
    _dispid_to_get_: ClassVar[dict[int, str]] = {
        0: "Path", 1000: "Name", 1001: "ShortName", 1002: "ShortPath", 1003: "Attributes",
        1004: "Drive", 1005: "ParentFolder", 1006: "DateCreated", 1007: "DateLastModified",
        1008: "DateLastAccessed", 1009: "Size", 1010: "Type",
    }  # fmt: skip
    _dispid_to_put_: ClassVar[dict[int, str]] = {1000: "Name", 1003: "Attributes"}

    def __init__(self, path: str) -> None:
        self._path = os.path.abspath(path)

    def _stat(self) -> os.stat_result:
        try:
            return os.stat(self._path)
        except OSError as error:
            raise error_of(error, self._missing) from None

    @property
    def path(self) -> str:
        """The full path (the default member)."""
        return self._path

    ShortPath = path

    @property
    def name(self) -> str:
        """The last part of the path; setting it renames the file or folder."""
        return file_name(self._path) or self._path

    @name.setter
    def name(self, name: str) -> None:
        target = os.path.join(os.path.dirname(self._path), str(name))
        if os.path.lexists(target):
            raise vb_error(FILE_EXISTS)
        try:
            os.rename(self._path, target)
        except OSError as error:
            raise error_of(error, self._missing) from None
        self._path = target

    ShortName = name

    @property
    def attributes(self) -> int:
        """FileAttribute flags (see the module docstring)."""
        return _attributes(self._path, self._stat())

    @attributes.setter
    def attributes(self, value: int) -> None:
        mode = self._stat().st_mode
        if int(value) & _READ_ONLY:
            mode &= ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
        else:
            mode |= stat.S_IWUSR
        try:
            os.chmod(self._path, stat.S_IMODE(mode))
        except OSError as error:
            raise error_of(error, self._missing) from None

    @property
    def drive(self) -> DispatchPointer:
        """The drive the item is on: the root."""
        return wrap(Drive())

    @property
    def parent_folder(self) -> DispatchPointer | None:
        """The folder holding the item (Nothing for the root)."""
        parent = parent_folder_name(self._path)
        return wrap(Folder(parent)) if parent else None

    @property
    def date_created(self) -> datetime.datetime:
        """When the item was made (the inode's change time on Linux)."""
        return _date(self._stat().st_ctime)

    @property
    def date_last_modified(self) -> datetime.datetime:
        """When the item was last written."""
        return _date(self._stat().st_mtime)

    @property
    def date_last_accessed(self) -> datetime.datetime:
        """When the item was last read."""
        return _date(self._stat().st_atime)

    @property
    def size(self) -> int:
        """The size in bytes."""
        return self._stat().st_size

    @property
    def type(self) -> str:
        """The kind of item, in words."""
        self._stat()
        extension = os.path.splitext(file_name(self._path))[1][1:]
        return f"{extension.upper()} File" if extension else "File"

    # Automation's names
    Path = path
    Name = name
    Attributes = attributes
    Drive = drive
    ParentFolder = parent_folder
    DateCreated = date_created
    DateLastModified = date_last_modified
    DateLastAccessed = date_last_accessed
    Size = size
    Type = type


class File(_Item):
    """IFile: a file by its path; Delete, Copy, Move, OpenAsTextStream."""

    _type_info_ = ("{420B2830-E718-11CF-893D-00A0C9054228}", (1, 0), "IFile")

    _public_methods_: ClassVar[list[str]] = ["Delete", "Copy", "Move", "OpenAsTextStream"]
    _dispid_to_func_: ClassVar[dict[int, str]] = {
        1200: "Delete", 1202: "Copy", 1204: "Move", 1100: "OpenAsTextStream",
    }  # fmt: skip

    def delete(self, force: bool = False) -> None:
        """Delete the file (a read-only one only with ``force``: else error 70)."""
        self._stat()
        if read_only(self._path) and not force:
            raise vb_error(PERMISSION_DENIED)
        try:
            os.remove(self._path)
        except OSError as error:
            raise error_of(error) from None

    def copy(self, destination: str, overwrite: bool = True) -> None:
        """Copy the file to ``destination`` (error 58 if it exists and not ``overwrite``)."""
        self._stat()
        copy_one(self._path, str(destination), overwrite=bool(overwrite))

    def move(self, destination: str) -> None:
        """Move the file to ``destination`` (error 58 if something is there)."""
        self._stat()
        self._path = move_one(self._path, str(destination))

    def open_as_text_stream(self, mode: int = FOR_READING, fmt: int = 0) -> DispatchPointer:
        """The file open as a TextStream (``mode`` 1, 2 or 8)."""
        self._stat()
        return new_stream(self._path, mode, fmt, create=False)

    # Automation's names
    Delete = delete
    Copy = copy
    Move = move
    OpenAsTextStream = open_as_text_stream


class Folder(_Item):
    """IFolder: a folder by its path; Files, SubFolders, IsRootFolder, CreateTextFile..."""

    _type_info_ = ("{420B2830-E718-11CF-893D-00A0C9054228}", (1, 0), "IFolder")

    _missing: ClassVar[int] = PATH_NOT_FOUND
    _public_attrs_: ClassVar[list[str]] = [
        *_Item._public_attrs_,
        "IsRootFolder",
        "SubFolders",
        "Files",
    ]
    _readonly_attrs_: ClassVar[list[str]] = [
        *_Item._readonly_attrs_, "IsRootFolder", "SubFolders", "Files",
    ]  # fmt: skip
    _dispid_to_get_: ClassVar[dict[int, str]] = {
        **_Item._dispid_to_get_, 10000: "IsRootFolder", 10001: "SubFolders", 10002: "Files",
    }  # fmt: skip
    _public_methods_: ClassVar[list[str]] = ["Delete", "Copy", "Move", "CreateTextFile"]
    _dispid_to_func_: ClassVar[dict[int, str]] = {
        1201: "Delete", 1203: "Copy", 1205: "Move", 1101: "CreateTextFile",
    }  # fmt: skip

    @property
    def is_root_folder(self) -> bool:
        """Whether this is the root ``/``."""
        return self._path == ROOT

    @property
    def size(self) -> int:
        """The bytes of every file inside, at any depth."""
        self._stat()
        total = 0
        for folder, _, names in os.walk(self._path):
            for name in names:
                try:
                    total += os.lstat(os.path.join(folder, name)).st_size
                except OSError:
                    continue
        return total

    @property
    def type(self) -> str:
        """``File folder``."""
        self._stat()
        return "File folder"

    def _names(self, *, folders: bool) -> list[str]:
        self._stat()
        try:
            names = sorted(os.listdir(self._path))
        except OSError as error:
            raise error_of(error, PATH_NOT_FOUND) from None
        return [name for name in names if os.path.isdir(os.path.join(self._path, name)) == folders]

    @property
    def files(self) -> DispatchPointer:
        """The files in the folder, as a collection."""
        return wrap(Files(self._path, self._names(folders=False)))

    @property
    def sub_folders(self) -> DispatchPointer:
        """The folders in the folder, as a collection."""
        return wrap(Folders(self._path, self._names(folders=True)))

    def delete(self, force: bool = False) -> None:
        """Delete the folder and everything in it."""
        self._stat()
        delete_folder(self._path, force=bool(force))

    def copy(self, destination: str, overwrite: bool = True) -> None:
        """Copy the folder and everything in it to ``destination``."""
        self._stat()
        copy_folder(self._path, str(destination), overwrite=bool(overwrite))

    def move(self, destination: str) -> None:
        """Move the folder to ``destination`` (error 58 if something is there)."""
        self._stat()
        self._path = move_one(self._path, str(destination))

    def create_text_file(
        self, name: str, overwrite: bool = True, unicode: bool = False
    ) -> DispatchPointer:
        """A new file in the folder open for writing (as the FileSystemObject's)."""
        return create_text_file(os.path.join(self._path, str(name)), overwrite, unicode)

    # Automation's names
    IsRootFolder = is_root_folder
    Size = size
    Type = type
    Files = files
    SubFolders = sub_folders
    Delete = delete
    Copy = copy
    Move = move
    CreateTextFile = create_text_file


class _Collection:
    """Item(name), Count, _NewEnum over the names in one folder."""

    _missing: ClassVar[int] = FILE_NOT_FOUND
    _public_methods_: ClassVar[list[str]] = []
    _public_attrs_: ClassVar[list[str]] = ["Item", "Count"]
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_
    _dispid_to_get_: ClassVar[dict[int, str]] = {0: "Item", 1: "Count"}
    _dispid_to_func_: ClassVar[dict[int, str]] = {0: "Item"}

    def __init__(self, folder: str, names: list[str]) -> None:
        self._folder = folder
        self._names = names

    def _make(self, path: str) -> _Item:
        return File(path)

    def item(self, name: object = _MISSING) -> DispatchPointer:
        """The item called ``name`` (by name, not by index: an index is error 5).

        Read as a property with no name it is DISP_E_PARAMNOTOPTIONAL, which tells a client
        without type information to call it as a method.
        """
        if name is _MISSING:
            raise COMException(scode=DISP_E_PARAMNOTOPTIONAL)
        if not isinstance(name, str):
            raise vb_error(INVALID_CALL)
        for known in self._names:
            if known.lower() == name.lower():
                return wrap(self._make(os.path.join(self._folder, known)))
        raise vb_error(self._missing)

    @property
    def count(self) -> int:
        """How many items there are."""
        return len(self._names)

    def _NewEnum(self) -> InterfacePointer:  # noqa: N802
        return new_enum([wrap(self._make(os.path.join(self._folder, n))) for n in self._names])

    # Automation's names
    Item = item
    Count = count


class Files(_Collection):
    """IFileCollection: the files of a folder, in name order."""

    _type_info_ = ("{420B2830-E718-11CF-893D-00A0C9054228}", (1, 0), "IFileCollection")


class Folders(_Collection):
    """IFolderCollection: the folders of a folder, in name order; Add(name) makes one."""

    _type_info_ = ("{420B2830-E718-11CF-893D-00A0C9054228}", (1, 0), "IFolderCollection")

    _missing: ClassVar[int] = PATH_NOT_FOUND
    _public_methods_: ClassVar[list[str]] = ["Add"]
    _dispid_to_func_: ClassVar[dict[int, str]] = {0: "Item", 2: "Add"}

    def _make(self, path: str) -> _Item:
        return Folder(path)

    def add(self, name: str) -> DispatchPointer:
        """Make the folder ``name`` inside (error 58 if it exists)."""
        path = os.path.join(self._folder, str(name))
        try:
            os.mkdir(path)
        except OSError as error:
            raise error_of(error, PATH_NOT_FOUND) from None
        self._names.append(str(name))
        return wrap(Folder(path))

    # Automation's names
    Add = add


class Drive:
    """IDrive: the one drive, the root ``/``."""

    _type_info_ = ("{420B2830-E718-11CF-893D-00A0C9054228}", (1, 0), "IDrive")

    _public_methods_: ClassVar[list[str]] = []
    _public_attrs_: ClassVar[list[str]] = [
        "Path", "DriveLetter", "ShareName", "DriveType", "RootFolder", "AvailableSpace",
        "FreeSpace", "TotalSize", "VolumeName", "FileSystem", "SerialNumber", "IsReady",
    ]  # fmt: skip
    _readonly_attrs_: ClassVar[list[str]] = [n for n in _public_attrs_ if n != "VolumeName"]
    _dispid_to_get_: ClassVar[dict[int, str]] = {0: "Path"}

    Path = ROOT
    DriveLetter = ""
    ShareName = ""
    DriveType = 2  # Fixed
    IsReady = True

    def __init__(self) -> None:
        self.VolumeName = ""

    @property
    def root_folder(self) -> DispatchPointer:
        """The root folder."""
        return wrap(Folder(ROOT))

    @property
    def available_space(self) -> int:
        """The bytes a user may still write."""
        info = os.statvfs(ROOT)
        return info.f_bavail * info.f_frsize

    @property
    def free_space(self) -> int:
        """The free bytes."""
        info = os.statvfs(ROOT)
        return info.f_bfree * info.f_frsize

    @property
    def total_size(self) -> int:
        """The size in bytes."""
        info = os.statvfs(ROOT)
        return info.f_blocks * info.f_frsize

    @property
    def file_system(self) -> str:
        """The file system's type, as the kernel reads it from /proc/self/mounts."""
        from ..kernel import volume_info

        return volume_info(ROOT).file_system

    @property
    def serial_number(self) -> int:
        """The device number of the root."""
        value = os.stat(ROOT).st_dev & 0xFFFFFFFF
        return value - (1 << 32) if value >= 1 << 31 else value

    # Automation's names
    RootFolder = root_folder
    AvailableSpace = available_space
    FreeSpace = free_space
    TotalSize = total_size
    FileSystem = file_system
    SerialNumber = serial_number


class Drives:
    """IDriveCollection: the one drive."""

    _type_info_ = ("{420B2830-E718-11CF-893D-00A0C9054228}", (1, 0), "IDriveCollection")

    _public_methods_: ClassVar[list[str]] = []
    _public_attrs_: ClassVar[list[str]] = ["Item", "Count"]
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_
    _dispid_to_get_: ClassVar[dict[int, str]] = {0: "Item", 1: "Count"}
    _dispid_to_func_: ClassVar[dict[int, str]] = {0: "Item"}
    Count = 1

    def item(self, spec: object = _MISSING) -> DispatchPointer:
        """The drive ``spec`` names: ``/`` only."""
        if spec is _MISSING:
            raise COMException(scode=DISP_E_PARAMNOTOPTIONAL)
        return drive_of(spec)

    def _NewEnum(self) -> InterfacePointer:  # noqa: N802
        return new_enum([wrap(Drive())])

    # Automation's names
    Item = item
