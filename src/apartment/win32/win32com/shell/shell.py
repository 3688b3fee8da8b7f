"""pywin32's ``win32com.shell.shell``: the shell's data formats and file operation.

Here: ``PIDLAsString``/``StringAsPIDL`` (an item ID list is a list of bytes),
``CIDAAsString``/``StringAsCIDA`` (a CIDA is ``(parent, [child, ...])``),
``FILEGROUPDESCRIPTORAsString``/``StringAsFILEGROUPDESCRIPTOR`` (a list of dicts keyed by
FILEDESCRIPTOR's field names) onto :mod:`apartment.com`'s shell formats, and
``SHFileOperation`` onto :func:`apartment.kernel.file_operation`; the special folders
(``SHGetFolderPath``, ``SHGetSpecialFolderPath``, ``SHGetKnownFolderPath``,
``SHGetFolderLocation``, ``SHGetPathFromIDList``, the ``FOLDERID_*``) onto
:mod:`apartment.services`' folders, which says where each is on Linux, and ``IsUserAnAdmin``
onto the thread's token; the namespace (``SHGetDesktopFolder``, ``SHParseDisplayName``,
``SHILCreateFromPath``, ``SHGetIDListFromObject``: PyIShellFolder and PyIEnumIDList) onto
:mod:`apartment.services`' shell folders, where My Computer holds one drive, ``/``. The rest
(shell items, change notifications, dialogs) exists and raises com_error E_NOTIMPL
(``_unavailable``); every int and
IID of pywin32's module is here (``_tables/shell.py``). Errors are pywin32's: com_error with
the HRESULT (HRESULT_FROM_WIN32 of a Win32 error); SHGetSpecialFolderPath and
SHGetPathFromIDList, whose API answers only FALSE, raise E_FAIL.

pywin32's quirks kept: a FILEDESCRIPTOR's ``dwFlags`` is the given one OR'd with the flags of
the fields that are there, and always comes back, with ``cFileName``; unknown keys are
ignored; the W form is the default, and a buffer of neither form's size needs
``make_unicode``; the A form's ``cFileName`` comes back as bytes. Where pywin32 fails with
SystemError (an argument that is not the tuple it parses) this raises TypeError.
"""

from __future__ import annotations

import datetime as _dt
import os
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .... import com, kernel, services
from ....com import FileDescriptor, pack_cida, pack_file_group, pack_id_list
from ....com import unpack_cida as _unpack_cida
from ....com import unpack_file_group as _unpack_file_group
from ....com import unpack_id_list as _unpack_id_list
from ....errors import (
    E_FAIL,
    E_INVALIDARG,
    E_NOINTERFACE,
    ComError,
    Win32Error,
    hresult_from_win32,
)
from ..._com_door import guard_functions as _guard_functions
from ..._shell_faces import PyIShellFolder
from ..._tables import fill as _fill
from ..._tables.shell import IIDS as _IIDS
from ..._tables.shell import VALUES as _VALUES
from ..._timeconv import file_time, time_arg
from ..._unavailable import unavailable_com as _unavailable_com
from ...pywintypes import IID, TimeType, clsid_text
from ._folder_ids import *  # noqa: F403
from ._folder_ids import __all__ as _folder_id_names

__all__ = [
    *_folder_id_names,
    "CIDAAsString",
    "FILEGROUPDESCRIPTORAsString",
    "IsUserAnAdmin",
    "PIDLAsString",
    "SHFileOperation",
    "SHGetDesktopFolder",
    "SHGetIDListFromObject",
    "SHILCreateFromPath",
    "SHParseDisplayName",
    "SHGetFolderLocation",
    "SHGetFolderPath",
    "SHGetKnownFolderPath",
    "SHGetPathFromIDList",
    "SHGetPathFromIDListW",
    "SHGetSpecialFolderLocation",
    "SHGetSpecialFolderPath",
    "StringAsCIDA",
    "StringAsFILEGROUPDESCRIPTOR",
    "StringAsPIDL",
]

_EPOCH_1601 = _dt.datetime(1601, 1, 1, tzinfo=_dt.timezone.utc)
_TIMES = (
    ("ftCreationTime", "created"),
    ("ftLastAccessTime", "accessed"),
    ("ftLastWriteTime", "written"),
)


def _id_list(pidl: object) -> list[bytes]:
    if not isinstance(pidl, list | tuple):
        raise TypeError(f"{pidl!r} is not a valid ITEMIDLIST in this context")
    for item in pidl:
        if not isinstance(item, bytes):
            raise TypeError(f"ITEMIDLIST sub-items must be strings (got {type(item).__name__})")
    return list(pidl)


def PIDLAsString(pidl: object, /) -> bytes:
    """An item ID list (a list of bytes, one per item) as the bytes of an ITEMIDLIST."""
    return pack_id_list(_id_list(pidl))


def StringAsPIDL(pidl: object, /) -> list[bytes]:
    """The items of the ITEMIDLIST in ``pidl``'s bytes (ValueError for an item too short)."""
    if not isinstance(pidl, bytes | bytearray | memoryview):
        raise TypeError(f"an ITEMIDLIST is a bytes object, not {type(pidl).__name__}")
    return _unpack_id_list(bytes(pidl))


def CIDAAsString(cida: object, /) -> bytes:
    """A CIDA, ``(parent_pidl, [child_pidl, ...])``, as bytes (CFSTR_SHELLIDLIST's)."""
    if not isinstance(cida, tuple) or len(cida) != 2:
        raise TypeError("a CIDA is a tuple (parent_pidl, [child_pidl, ...])")
    parent, children = cida
    if not isinstance(children, list | tuple):
        raise TypeError("a CIDA's children are a sequence of ITEMIDLISTs")
    return pack_cida(_id_list(parent), [_id_list(child) for child in children])


def StringAsCIDA(data: object, /) -> tuple[list[bytes], list[list[bytes]]]:
    """The ``(parent_pidl, [child_pidl, ...])`` of a CIDA's bytes."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"a CIDA is a bytes object, not {type(data).__name__}")
    return _unpack_cida(bytes(data))


def _pair(value: object, name: str) -> tuple[int, int]:
    if not isinstance(value, tuple) or len(value) != 2:
        raise TypeError(f"{name} must be a tuple of 2 integers")
    return (int(value[0]), int(value[1]))


def _ticks(value: object) -> int:
    when = time_arg(value)
    if when is None:
        raise TypeError("a FILEDESCRIPTOR's time must be a pywintypes time object")
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    return (when - _EPOCH_1601) // _dt.timedelta(microseconds=1) * 10


def _descriptor(item: object) -> FileDescriptor:
    if not isinstance(item, Mapping):
        raise TypeError(f"sub-items must be mapping objects (got '{type(item).__name__}')")
    name = item.get("cFileName", "")
    if not isinstance(name, str | bytes):
        raise TypeError(f"Objects of type '{type(name).__name__}' can not be converted to Unicode.")
    size = item.get("nFileSize")
    if size is not None and int(size) < 0:
        raise OverflowError("can't convert negative int to unsigned")
    has_size = "sizel" in item or "pointl" in item
    descriptor = FileDescriptor(
        name=name,
        flags=int(item.get("dwFlags", 0)),
        clsid=uuid.UUID(clsid_text(item["clsid"])) if "clsid" in item else None,
        size=_pair(item.get("sizel", (0, 0)), "sizel") if has_size else None,
        point=_pair(item.get("pointl", (0, 0)), "pointl") if has_size else None,
        attributes=int(item["dwFileAttributes"]) if "dwFileAttributes" in item else None,
        file_size=None if size is None else int(size),
    )
    for key, field in _TIMES:
        if key in item:
            setattr(descriptor, field, _ticks(item[key]))
    descriptor.flags = (descriptor.flags or 0) | descriptor.present_flags()  # pywin32 ORs them
    return descriptor


def FILEGROUPDESCRIPTORAsString(files: object, make_unicode: object = True, /) -> bytes:
    """A FILEGROUPDESCRIPTOR (W, or A when ``make_unicode`` is false) of a list of dicts."""
    if not isinstance(files, list | tuple):
        raise TypeError("a FILEGROUPDESCRIPTOR is a sequence of dicts")
    return pack_file_group([_descriptor(item) for item in files], unicode=bool(make_unicode))


def StringAsFILEGROUPDESCRIPTOR(
    data: object, make_unicode: object = None, /
) -> list[dict[str, Any]]:
    """The dicts of a FILEGROUPDESCRIPTOR's bytes: dwFlags, cFileName and the flagged fields."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"a FILEGROUPDESCRIPTOR is a bytes object, not {type(data).__name__}")
    unicode = None if make_unicode is None else bool(make_unicode)
    found = []
    for one in _unpack_file_group(bytes(data), unicode=unicode):
        item: dict[str, Any] = {"dwFlags": one.flags}
        if one.clsid is not None:
            item["clsid"] = IID("{" + str(one.clsid).upper() + "}")
        if one.size is not None and one.point is not None:
            item["sizel"] = one.size
            item["pointl"] = one.point
        if one.attributes is not None:
            item["dwFileAttributes"] = one.attributes
        for key, field in _TIMES:
            ticks = getattr(one, field)
            if ticks is not None:
                when = _EPOCH_1601 + _dt.timedelta(microseconds=ticks // 10)
                item[key] = file_time(when, TimeType)
        if one.file_size is not None:
            item["nFileSize"] = one.file_size
        item["cFileName"] = one.name
        found.append(item)
    return found


def _paths(value: object) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, str):
        raise TypeError(
            f"Objects of type '{type(value).__name__}' can not be converted to Unicode."
        )
    return [part for part in value.split("\0") if part]


def SHFileOperation(operation: object, /) -> tuple[int, bool]:
    """Copy, move, rename or delete files: ``(hwnd, wFunc, pFrom, pTo[, fFlags, ...])``.

    ``pFrom`` and ``pTo`` hold several paths separated by NULs. Answers ``(code, aborted)``:
    0 or the Win32 error of what failed, and whether anything was cancelled (never here).
    """
    if not isinstance(operation, tuple):
        raise TypeError("SHFileOperation takes a tuple (hwnd, wFunc, pFrom, pTo, ...)")
    if len(operation) < 4:
        raise TypeError(f"function takes at least 4 arguments ({len(operation)} given)")
    _hwnd, function, sources, targets, *rest = operation
    flags = int(rest[0]) if rest else 0
    return kernel.file_operation(int(function), _paths(sources), _paths(targets), flags)


_SHGFP_TYPE_DEFAULT = 1


def _int(value: object) -> int:
    if not isinstance(value, int):
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return value


def _com_error(exc: Win32Error) -> ComError:
    # HRESULT_FROM_WIN32 of the error, with the Win32 error's text (as FormatMessage's).
    return ComError(hresult_from_win32(exc.winerror), exc.strerror, None, None, detail=exc.detail)


def _folder(csidl: object, *, default: bool = False) -> str:
    try:
        return services.folder_path(_int(csidl), default=default)
    except Win32Error as exc:
        raise _com_error(exc) from None


def SHGetFolderPath(hwndOwner: object, nFolder: object, handle: object, flags: object, /) -> str:
    """The path of the special folder ``nFolder`` (CSIDL_*, with CSIDL_FLAG_CREATE if wanted).

    ``flags`` is SHGFP_TYPE_CURRENT (0) or SHGFP_TYPE_DEFAULT (1), the folder's default place;
    ``hwndOwner`` and the token ``handle`` change nothing (there is one user).
    """
    kind = _int(flags)
    if kind not in (0, _SHGFP_TYPE_DEFAULT):
        raise ComError.from_hresult(E_INVALIDARG, f"SHGFP_TYPE {kind} is neither 0 nor 1")
    return _folder(nFolder, default=kind == _SHGFP_TYPE_DEFAULT)


def SHGetSpecialFolderPath(hwndOwner: object, nFolder: object, bCreate: object = 0, /) -> str:
    """The path of the special folder ``nFolder``, made if ``bCreate``; E_FAIL if none."""
    csidl = _int(nFolder)
    try:
        return services.folder_path(csidl | (services.CSIDL_FLAG_CREATE if bCreate else 0))
    except (Win32Error, ComError):
        raise ComError.from_hresult(E_FAIL, f"no special folder {csidl:#x}") from None


def SHGetKnownFolderPath(fid: object, flags: object = 0, token: object = None, /) -> str:
    """The path of the known folder ``fid`` (a FOLDERID_* PyIID or its string), KF_FLAG_* flags."""
    folder_id = uuid.UUID(str(IID(clsid_text(fid))))
    try:
        return services.known_folder_path(folder_id, _int(flags))
    except Win32Error as exc:
        raise _com_error(exc) from None


def SHGetFolderLocation(
    hwndOwner: object, nFolder: object, hToken: object = None, reserved: object = 0, /
) -> list[bytes]:
    """The item ID list (PIDL) of the special folder ``nFolder``: [] for CSIDL_DESKTOP."""
    try:
        return services.folder_id_list(_int(nFolder))
    except Win32Error as exc:
        raise _com_error(exc) from None


def SHGetSpecialFolderLocation(hwndOwner: object, nFolder: object, /) -> list[bytes]:
    """The item ID list (PIDL) of the special folder ``nFolder``, as SHGetFolderLocation."""
    return SHGetFolderLocation(hwndOwner, nFolder)


def SHGetPathFromIDListW(pidl: object, /) -> str:
    """The file system path of an item ID list (E_FAIL for one that names no folder)."""
    try:
        return services.id_list_path(_id_list(pidl))
    except ComError:
        raise ComError.from_hresult(E_FAIL, "the item ID list names no folder") from None


def SHGetPathFromIDList(pidl: object, /) -> bytes:
    """The file system path of an item ID list as bytes (the A form, as pywin32 gives it)."""
    return os.fsencode(SHGetPathFromIDListW(pidl))


def SHGetDesktopFolder() -> PyIShellFolder:
    """The shell namespace's root folder (the desktop), as a PyIShellFolder."""
    return PyIShellFolder.of(services.desktop_folder())


def SHParseDisplayName(
    Name: object, Attributes: object = 0, BindCtx: object = None
) -> tuple[list[bytes], int]:
    """(the item ID list of the path or ``::{CLSID}`` ``Name``, its requested SFGAO_* bits)."""
    if not isinstance(Name, str):
        raise TypeError(f"a display name is a str, not {type(Name).__name__}")
    desktop = SHGetDesktopFolder()
    _eaten, found, wanted = desktop.ParseDisplayName(0, BindCtx, Name, _int(Attributes))
    return found, wanted


def SHILCreateFromPath(Path: object, Flags: object, /) -> tuple[list[bytes], int]:
    """(the item ID list of the file system path ``Path``, its SFGAO_* bits of ``Flags``)."""
    return SHParseDisplayName(Path, _int(Flags))


def SHGetIDListFromObject(unk: object, /) -> list[bytes]:
    """The item ID list of a namespace object (a PyIShellFolder): E_NOINTERFACE for others."""
    if not isinstance(unk, com.InterfacePointer):
        raise TypeError("SHGetIDListFromObject takes a COM object")
    try:
        folder = unk.query_interface(com.IID_ISHELLFOLDER)
    except ComError:
        raise ComError.from_hresult(E_NOINTERFACE, "the object is not of the namespace") from None
    assert isinstance(folder, PyIShellFolder)
    return folder.get_cur_folder()


def IsUserAnAdmin() -> bool:
    """Whether the calling thread acts as an administrator: root, with no limited token."""
    return services.is_user_an_admin()


# pywin32's shell functions with no Linux feature behind them (_unavailable's rule).
AddressAsPIDL = _unavailable_com("AddressAsPIDL", "shell namespace objects")
AssocCreate = _unavailable_com("AssocCreate", "file associations")
AssocCreateForClasses = _unavailable_com("AssocCreateForClasses", "file associations")
DragQueryFile = _unavailable_com("DragQueryFile", "dropped-file handles (HDROP)")
DragQueryFileW = _unavailable_com("DragQueryFileW", "dropped-file handles (HDROP)")
DragQueryPoint = _unavailable_com("DragQueryPoint", "dropped-file handles (HDROP)")
GetCurrentProcessExplicitAppUserModelID = _unavailable_com(
    "GetCurrentProcessExplicitAppUserModelID", "taskbar application ids"
)
SHAddToRecentDocs = _unavailable_com("SHAddToRecentDocs", "shell namespace objects")
SHBrowseForFolder = _unavailable_com("SHBrowseForFolder", "shell dialogs")
SHChangeNotify = _unavailable_com("SHChangeNotify", "shell change notifications")
SHChangeNotifyDeregister = _unavailable_com(
    "SHChangeNotifyDeregister", "shell change notifications"
)
SHChangeNotifyRegister = _unavailable_com("SHChangeNotifyRegister", "shell change notifications")
SHCreateDataObject = _unavailable_com("SHCreateDataObject", "shell namespace objects")
SHCreateDefaultContextMenu = _unavailable_com(
    "SHCreateDefaultContextMenu", "shell namespace objects"
)
SHCreateDefaultExtractIcon = _unavailable_com(
    "SHCreateDefaultExtractIcon", "shell namespace objects"
)
SHCreateItemFromIDList = _unavailable_com("SHCreateItemFromIDList", "shell namespace objects")
SHCreateItemFromParsingName = _unavailable_com(
    "SHCreateItemFromParsingName", "shell namespace objects"
)
SHCreateItemFromRelativeName = _unavailable_com(
    "SHCreateItemFromRelativeName", "shell namespace objects"
)
SHCreateItemInKnownFolder = _unavailable_com("SHCreateItemInKnownFolder", "shell namespace objects")
SHCreateItemWithParent = _unavailable_com("SHCreateItemWithParent", "shell namespace objects")
SHCreateShellFolderView = _unavailable_com("SHCreateShellFolderView", "shell namespace objects")
SHCreateShellItem = _unavailable_com("SHCreateShellItem", "shell namespace objects")
SHCreateShellItemArray = _unavailable_com("SHCreateShellItemArray", "shell namespace objects")
SHCreateShellItemArrayFromDataObject = _unavailable_com(
    "SHCreateShellItemArrayFromDataObject", "shell namespace objects"
)
SHCreateShellItemArrayFromIDLists = _unavailable_com(
    "SHCreateShellItemArrayFromIDLists", "shell namespace objects"
)
SHCreateShellItemArrayFromShellItem = _unavailable_com(
    "SHCreateShellItemArrayFromShellItem", "shell namespace objects"
)
SHCreateStreamOnFileEx = _unavailable_com("SHCreateStreamOnFileEx", "shell namespace objects")
SHEmptyRecycleBin = _unavailable_com("SHEmptyRecycleBin", "recycle bins")
SHGetFileInfo = _unavailable_com("SHGetFileInfo", "shell namespace objects")
SHGetInstanceExplorer = _unavailable_com("SHGetInstanceExplorer", "shell namespace objects")
SHGetNameFromIDList = _unavailable_com("SHGetNameFromIDList", "shell namespace objects")
SHGetSettings = _unavailable_com("SHGetSettings", "shell namespace objects")
SHGetViewStatePropertyBag = _unavailable_com("SHGetViewStatePropertyBag", "shell namespace objects")
SHOpenFolderAndSelectItems = _unavailable_com(
    "SHOpenFolderAndSelectItems", "shell namespace objects"
)
SHQueryRecycleBin = _unavailable_com("SHQueryRecycleBin", "recycle bins")
SHSetFolderPath = _unavailable_com("SHSetFolderPath", "shell namespace objects")
SHUpdateImage = _unavailable_com("SHUpdateImage", "shell change notifications")
SetCurrentProcessExplicitAppUserModelID = _unavailable_com(
    "SetCurrentProcessExplicitAppUserModelID", "taskbar application ids"
)
ShellExecuteEx = _unavailable_com("ShellExecuteEx", "shell verbs")

error = ComError  # pywin32's shell.error is com_error

__all__ += [
    "AddressAsPIDL",
    "AssocCreate",
    "AssocCreateForClasses",
    "DragQueryFile",
    "DragQueryFileW",
    "DragQueryPoint",
    "GetCurrentProcessExplicitAppUserModelID",
    "SHAddToRecentDocs",
    "SHBrowseForFolder",
    "SHChangeNotify",
    "SHChangeNotifyDeregister",
    "SHChangeNotifyRegister",
    "SHCreateDataObject",
    "SHCreateDefaultContextMenu",
    "SHCreateDefaultExtractIcon",
    "SHCreateItemFromIDList",
    "SHCreateItemFromParsingName",
    "SHCreateItemFromRelativeName",
    "SHCreateItemInKnownFolder",
    "SHCreateItemWithParent",
    "SHCreateShellFolderView",
    "SHCreateShellItem",
    "SHCreateShellItemArray",
    "SHCreateShellItemArrayFromDataObject",
    "SHCreateShellItemArrayFromIDLists",
    "SHCreateShellItemArrayFromShellItem",
    "SHCreateStreamOnFileEx",
    "SHEmptyRecycleBin",
    "SHGetFileInfo",
    "SHGetInstanceExplorer",
    "SHGetNameFromIDList",
    "SHGetSettings",
    "SHGetViewStatePropertyBag",
    "SHOpenFolderAndSelectItems",
    "SHQueryRecycleBin",
    "SHSetFolderPath",
    "SHUpdateImage",
    "SetCurrentProcessExplicitAppUserModelID",
    "ShellExecuteEx",
    "error",
]
__all__ += _fill(globals(), _VALUES, _IIDS)
_guard_functions(globals(), __all__)  # pywin32's classes for the core's errors (_com_door)

if TYPE_CHECKING:  # the table's names, which the type checker cannot see

    def __getattr__(name: str) -> Any:  # noqa: ANN401
        ...
