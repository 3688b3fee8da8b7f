r"""``Scripting.FileSystemObject``: scrrun.dll's files and folders object, on Linux's files.

Programs written for Windows create it by ProgID without registering anything, so it is one
of the system's classes (:mod:`._system_classes`). Its members have scrrun's DISPIDs (read
from the real object under Wine). Names are the file system's, used as given; the string
functions read ``\`` and ``/`` both as separators (:mod:`._fso_paths`); the objects it
hands out are in :mod:`._fso_items` and :mod:`._fso_text`.

Errors are scrrun's VB errors (:mod:`._vb_errors`): a file not there is 53, a folder (or a
file's folder) not there 76, a name already taken 58, a refusal (a read-only file without
``force``, a folder where a file is expected) 70, a drive that is not ``/`` 68.
``GetSpecialFolder`` answers 0 with the Windows directory (``/usr``), 1 with the system
directory (``/usr/lib``), 2 with the temporary folder; any other is E_INVALIDARG.

The object holds no state: any thread may call it (threading model Both).
"""

from __future__ import annotations

import os
import tempfile
from typing import TYPE_CHECKING, ClassVar

from ._dispatch import wrap
from ._fso_items import (
    ROOT,
    Drives,
    File,
    Folder,
    copy_folder,
    copy_one,
    create_text_file,
    delete_folder,
    drive_of,
    error_of,
    folder_part,
    move_one,
    new_stream,
)
from ._fso_paths import (
    base_name,
    build_path,
    drive_name,
    extension_name,
    file_name,
    has_wildcards,
    matching,
    parent_folder_name,
    temp_name,
    trailing_separator,
)
from ._fso_text import FOR_READING
from ._server_errors import COMException
from ._vb_errors import (
    FILE_NOT_FOUND,
    PATH_NOT_FOUND,
    vb_error,
)

if TYPE_CHECKING:
    from ._dispatch import DispatchPointer

__all__ = ["CLSID", "PROGID", "FileSystemObject"]

CLSID = "{0D43FE01-F093-11CF-8940-00A0C9054228}"  # CLSID_FileSystemObject (scrrun.dll)
PROGID = "Scripting.FileSystemObject"
_E_INVALIDARG = -2147024809
_E_FILE_NOT_FOUND_HR = -2147024894  # HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)


def _sources(spec: str, *, folders: bool) -> list[str]:
    """The files (folders) ``spec`` names, its wildcards expanded; 53 (76) for none."""
    missing = PATH_NOT_FOUND if folders else FILE_NOT_FOUND
    if has_wildcards(spec):
        found = matching(spec, folders=folders)
    else:
        spec = folder_part(spec) if folders else spec
        kind = os.path.isdir if folders else os.path.isfile
        found = [spec] if kind(spec) else []
    if not found:
        raise vb_error(missing)
    return found


class FileSystemObject:
    """IFileSystem3: names, tests, files, folders, drives and text streams."""

    _type_info_ = ("{420B2830-E718-11CF-893D-00A0C9054228}", (1, 0), "IFileSystem3")

    _reg_clsid_ = CLSID
    _reg_progid_ = PROGID
    _dispid_to_func_: ClassVar[dict[int, str]] = {
        10000: "BuildPath", 10002: "GetAbsolutePathName", 10003: "GetTempName",
        10004: "GetDriveName", 10005: "GetParentFolderName", 10006: "GetFileName",
        10007: "GetBaseName", 10008: "GetExtensionName", 10011: "GetDrive", 10012: "GetFile",
        10013: "GetFolder", 10014: "GetSpecialFolder", 10015: "DriveExists",
        10016: "FileExists", 10017: "FolderExists", 1200: "DeleteFile", 1201: "DeleteFolder",
        1202: "CopyFile", 1203: "CopyFolder", 1204: "MoveFile", 1205: "MoveFolder",
        1120: "CreateFolder", 1101: "CreateTextFile", 1100: "OpenTextFile",
        20010: "GetFileVersion",
    }  # fmt: skip
    _dispid_to_get_: ClassVar[dict[int, str]] = {10010: "Drives"}
    _public_methods_: ClassVar[list[str]] = list(_dispid_to_func_.values())
    _public_attrs_: ClassVar[list[str]] = ["Drives"]
    _readonly_attrs_: ClassVar[list[str]] = ["Drives"]

    # the names, as strings
    @staticmethod
    def build_path(path: str, name: str) -> str:
        """``name`` appended to ``path`` with one separator between."""
        return build_path(path, name)

    @staticmethod
    def get_absolute_path_name(path: str) -> str:
        """``path`` made absolute and normal (``.`` and ``..`` resolved); it need not exist."""
        return os.path.abspath(str(path) or ".")

    @staticmethod
    def get_temp_name() -> str:
        """A random name for a temporary file (``radXXXXX.tmp``); nothing is made."""
        return temp_name()

    @staticmethod
    def get_drive_name(path: str) -> str:
        """The drive part of ``path`` (``""`` for Linux's paths)."""
        return drive_name(path)

    @staticmethod
    def get_parent_folder_name(path: str) -> str:
        """All but the last part of ``path``."""
        return parent_folder_name(path)

    @staticmethod
    def get_file_name(path: str) -> str:
        """The last part of ``path``."""
        return file_name(path)

    @staticmethod
    def get_base_name(path: str) -> str:
        """The last part of ``path`` without its extension."""
        return base_name(path)

    @staticmethod
    def get_extension_name(path: str) -> str:
        """The extension of ``path``'s last part, or ``""``."""
        return extension_name(path)

    # tests
    @staticmethod
    def file_exists(path: str) -> bool:
        """Whether ``path`` is a file."""
        return os.path.isfile(str(path))

    @staticmethod
    def folder_exists(path: str) -> bool:
        """Whether ``path`` is a folder."""
        return os.path.isdir(str(path))

    @staticmethod
    def drive_exists(spec: str) -> bool:
        """Whether ``spec`` names a drive: ``/`` only."""
        return str(spec) == ROOT

    # objects
    @property
    def drives(self) -> DispatchPointer:
        """The drives: the root alone."""
        return wrap(Drives())

    @staticmethod
    def get_drive(spec: str) -> DispatchPointer:
        """The drive ``spec`` names (error 68 for one that is not ``/``)."""
        return drive_of(spec)

    @staticmethod
    def get_file(path: str) -> DispatchPointer:
        """The file at ``path`` (error 53 if there is none)."""
        if not os.path.isfile(str(path)):
            raise vb_error(FILE_NOT_FOUND)
        return wrap(File(str(path)))

    @staticmethod
    def get_folder(path: str) -> DispatchPointer:
        """The folder at ``path`` (error 76 if there is none)."""
        if not os.path.isdir(str(path)):
            raise vb_error(PATH_NOT_FOUND)
        return wrap(Folder(str(path)))

    @staticmethod
    def get_special_folder(which: int) -> DispatchPointer:
        """0 the Windows directory, 1 the system directory, 2 the temporary folder."""
        from ..kernel import system_directory, windows_directory

        folders = {0: windows_directory, 1: system_directory, 2: tempfile.gettempdir}
        found = folders.get(which) if isinstance(which, int) else None
        if found is None:
            raise vb_error(_E_INVALIDARG)
        return wrap(Folder(found()))

    @staticmethod
    def get_file_version(path: str) -> str:
        """A file's version resource: Linux's files have none (``""``).

        A file not there is HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND), the version API's
        error passed on (not VB error 53), as scrrun answers it under Wine.
        """
        if not os.path.isfile(str(path)):
            raise COMException(scode=_E_FILE_NOT_FOUND_HR, desc=f"no file {path!r}")
        return ""

    # changes
    @staticmethod
    def create_folder(path: str) -> DispatchPointer:
        """Make the folder ``path`` (58 if something is there, 76 if its folder is not)."""
        path = str(path)
        try:
            os.mkdir(path)
        except OSError as error:
            raise error_of(error, PATH_NOT_FOUND) from None
        return wrap(Folder(path))

    @staticmethod
    def create_text_file(
        path: str, overwrite: bool = True, unicode: bool = False
    ) -> DispatchPointer:
        """A new file open for writing (58 if one is there and not ``overwrite``)."""
        return create_text_file(str(path), overwrite, unicode)

    @staticmethod
    def open_text_file(
        path: str, mode: int = FOR_READING, create: bool = False, fmt: int = 0
    ) -> DispatchPointer:
        """``path`` open as a TextStream: ``mode`` 1 reading, 2 writing, 8 appending."""
        return new_stream(str(path), mode, fmt, create=bool(create))

    @staticmethod
    def delete_file(spec: str, force: bool = False) -> None:
        """Delete the files ``spec`` names (wildcards too); read-only ones only with ``force``."""
        for path in _sources(str(spec), folders=False):
            File(path).Delete(force)

    @staticmethod
    def delete_folder(spec: str, force: bool = False) -> None:
        """Delete the folders ``spec`` names (wildcards too) and all in them."""
        for path in _sources(str(spec), folders=True):
            delete_folder(path, force=bool(force))

    @staticmethod
    def copy_file(source: str, destination: str, overwrite: bool = True) -> None:
        """Copy the files ``source`` names; with wildcards ``destination`` is a folder."""
        source, destination = str(source), str(destination)
        found = _sources(source, folders=False)
        if has_wildcards(source) and not trailing_separator(destination):
            destination += os.sep
        for path in found:
            copy_one(path, destination, overwrite=bool(overwrite))

    @staticmethod
    def move_file(source: str, destination: str) -> None:
        """Move the files ``source`` names; with wildcards ``destination`` is a folder."""
        source, destination = str(source), str(destination)
        found = _sources(source, folders=False)
        if has_wildcards(source) and not trailing_separator(destination):
            destination += os.sep
        for path in found:
            move_one(path, destination)

    @staticmethod
    def copy_folder(source: str, destination: str, overwrite: bool = True) -> None:
        """Copy the folders ``source`` names (and all in them) to ``destination``."""
        source, destination = str(source), str(destination)
        found = _sources(source, folders=True)
        into = has_wildcards(source) or trailing_separator(destination)
        for path in found:
            target = destination
            if into:
                target = os.path.join(folder_part(destination), os.path.basename(path))
            copy_folder(path, target, overwrite=bool(overwrite))

    @staticmethod
    def move_folder(source: str, destination: str) -> None:
        """Move the folders ``source`` names to ``destination``."""
        source, destination = str(source), str(destination)
        found = _sources(source, folders=True)
        if has_wildcards(source) and not trailing_separator(destination):
            destination += os.sep
        for path in found:
            move_one(path, destination)

    # Automation's names
    BuildPath = build_path
    GetAbsolutePathName = get_absolute_path_name
    GetTempName = get_temp_name
    GetDriveName = get_drive_name
    GetParentFolderName = get_parent_folder_name
    GetFileName = get_file_name
    GetBaseName = get_base_name
    GetExtensionName = get_extension_name
    FileExists = file_exists
    FolderExists = folder_exists
    DriveExists = drive_exists
    Drives = drives
    GetDrive = get_drive
    GetFile = get_file
    GetFolder = get_folder
    GetSpecialFolder = get_special_folder
    GetFileVersion = get_file_version
    CreateFolder = create_folder
    CreateTextFile = create_text_file
    OpenTextFile = open_text_file
    DeleteFile = delete_file
    DeleteFolder = delete_folder
    CopyFile = copy_file
    MoveFile = move_file
    CopyFolder = copy_folder
    MoveFolder = move_folder
