"""Whole-file calls by path, in win32api's and win32file's spellings, and their constants.

Both modules have CopyFile, MoveFile, GetDiskFreeSpace and friends with small differences
(an argument optional in one, a list instead of a tuple in the other, the name pywin32 puts
in the error); the functions here are win32api's, and win32file's variants beside them.
Each converts its arguments and calls one :mod:`apartment.kernel` function.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from .. import kernel
from ..errors import NotSupportedError
from ._adapt import api, as_bool, dword, long_param
from ._buffers import text_arg
from ._handles import PyHANDLE, handle_value, lookup, new_handle
from ._timeconv import file_time
from .pywintypes import TimeType

if TYPE_CHECKING:
    import datetime as _dt
    from collections.abc import Callable

__all__ = [
    "GetTempFileName", "GetFullPathName", "GetFileAttributes", "CopyFile", "DeleteFile",
    "MoveFile", "MoveFileEx", "GetDiskFreeSpace", "GetDiskFreeSpaceEx", "GetLogicalDriveStrings",
    "DRIVE_UNKNOWN", "DRIVE_NO_ROOT_DIR", "DRIVE_REMOVABLE", "DRIVE_FIXED", "DRIVE_REMOTE",
    "DRIVE_CDROM", "DRIVE_RAMDISK", "COPY_FILE_FAIL_IF_EXISTS", "COPY_FILE_RESTARTABLE",
    "COPY_FILE_OPEN_SOURCE_FOR_WRITE", "COPY_FILE_ALLOW_DECRYPTED_DESTINATION",
    "MOVEFILE_REPLACE_EXISTING", "MOVEFILE_COPY_ALLOWED", "MOVEFILE_DELAY_UNTIL_REBOOT",
    "MOVEFILE_WRITE_THROUGH", "MOVEFILE_CREATE_HARDLINK", "MOVEFILE_FAIL_IF_NOT_TRACKABLE",
    "SetFileAttributes", "FindFiles", "SearchPath", "GetVolumeInformation",
    "FindFirstChangeNotification", "FindNextChangeNotification", "FindCloseChangeNotification",
]  # fmt: skip

DRIVE_UNKNOWN = kernel.DRIVE_UNKNOWN
DRIVE_NO_ROOT_DIR = kernel.DRIVE_NO_ROOT_DIR
DRIVE_REMOVABLE = 2
DRIVE_FIXED = kernel.DRIVE_FIXED
DRIVE_REMOTE = 4
DRIVE_CDROM = 5
DRIVE_RAMDISK = 6
COPY_FILE_FAIL_IF_EXISTS = 1
COPY_FILE_RESTARTABLE = 2
COPY_FILE_OPEN_SOURCE_FOR_WRITE = 4
COPY_FILE_ALLOW_DECRYPTED_DESTINATION = 8
MOVEFILE_REPLACE_EXISTING = 1
MOVEFILE_COPY_ALLOWED = 2
MOVEFILE_DELAY_UNTIL_REBOOT = 4
MOVEFILE_WRITE_THROUGH = 8
MOVEFILE_CREATE_HARDLINK = 16
MOVEFILE_FAIL_IF_NOT_TRACKABLE = 32
PROGRESS_CONTINUE = kernel.PROGRESS_CONTINUE
PROGRESS_CANCEL = kernel.PROGRESS_CANCEL
PROGRESS_STOP = kernel.PROGRESS_STOP
PROGRESS_QUIET = kernel.PROGRESS_QUIET
CALLBACK_CHUNK_FINISHED = kernel.CALLBACK_CHUNK_FINISHED
CALLBACK_STREAM_SWITCH = kernel.CALLBACK_STREAM_SWITCH
_SHARE_ALL = kernel.FILE_SHARE_READ | kernel.FILE_SHARE_WRITE | kernel.FILE_SHARE_DELETE

_NO_REBOOT = "MOVEFILE_DELAY_UNTIL_REBOOT: there is no reboot to wait for"
_NO_TRANSACTIONS = (
    "transacted file operations (TxF) are not supported: transactions cover the registry here"
)


def find_data(found: kernel.FoundFile) -> tuple[object, ...]:
    """WIN32_FIND_DATA as pywin32's tuple.

    Attributes, three times, size high and low, two reserved DWORDs, the name and the 8.3
    name (none here).
    """
    info = found.info
    return (
        info.attributes,
        file_time(info.created, TimeType),
        file_time(info.accessed, TimeType),
        file_time(info.written, TimeType),
        info.size >> 32,
        info.size & 0xFFFFFFFF,
        0,
        0,
        found.name,
        "",
    )


def _root(path: object) -> str | None:
    return None if path is None else text_arg(path)


@api("GetTempFileName")
def GetTempFileName(path: str, prefix: str, nUnique: int = 0, /) -> tuple[str, int]:
    """(a new name ``path/PPPXXXX.TMP``, its number); with nUnique 0 the file is created."""
    return kernel.temp_file_name(text_arg(path), text_arg(prefix), dword(nUnique))


@api("GetFullPathName")
def GetFullPathName(fileName: str, /) -> str:
    """The absolute form of a path; nothing needs to exist."""
    return kernel.full_path_name(text_arg(fileName))


@api("GetFileAttributes")
def GetFileAttributes(pathName: str, /) -> int:
    """FILE_ATTRIBUTE_* bits; unlike win32file's, a missing path raises."""
    return kernel.file_attributes(text_arg(pathName))


@api("CopyFile")
def CopyFile(src: str, dest: str, bFailOnExist: int = 0, /) -> None:
    """Copy a file's data, permissions and times; an existing ``dest`` is replaced unless asked."""
    kernel.copy_file(text_arg(src), text_arg(dest), fail_if_exists=as_bool(bFailOnExist))


@api("SetFileAttributes")
def SetFileAttributes(pathName: str, attrs: int, /) -> None:
    """Set a path's attributes; only FILE_ATTRIBUTE_READONLY is kept (see the kernel)."""
    kernel.set_file_attributes(text_arg(pathName), long_param(attrs) & 0xFFFFFFFF)  # a C int


@api("FindFirstFile")
def FindFiles(fileSpec: str, /) -> list[tuple[object, ...]]:
    """win32file.FindFilesW's WIN32_FIND_DATA tuples, for a wildcard."""
    return [find_data(found) for found in kernel.find_files(text_arg(fileSpec))]


@api("SearchPath")
def SearchPath(path: str | None, fileName: str, fileExt: str | None = None, /) -> tuple[str, int]:
    """(the full path of a file found, where its name starts); None searches the program's
    folder, the current folder and PATH."""  # noqa: D205, D209
    extension = None if fileExt is None else text_arg(fileExt)
    return kernel.search_path(_root(path), text_arg(fileName), extension)


@api("DeleteFile")
def DeleteFile(fileName: str, /) -> None:
    kernel.delete_file(text_arg(fileName))


@api("MoveFile")
def MoveFile(srcName: str, destName: str, /) -> None:
    """Rename a file or folder; a file may move to another file system (by a copy)."""
    kernel.move_file(text_arg(srcName), text_arg(destName))


def _move_ex(source: object, target: object, flags: object) -> None:
    bits = dword(flags)
    if bits & MOVEFILE_DELAY_UNTIL_REBOOT or target is None:
        raise NotSupportedError(_NO_REBOOT)
    kernel.move_file(
        text_arg(source),
        text_arg(target),
        replace=bool(bits & MOVEFILE_REPLACE_EXISTING),
        copy_allowed=bool(bits & MOVEFILE_COPY_ALLOWED),
    )


@api("MoveFileEx")
def MoveFileEx(srcName: str, destName: str, flag: int, /) -> None:
    """MoveFile with MOVEFILE_* flags: REPLACE_EXISTING and COPY_ALLOWED are honoured,
    WRITE_THROUGH needs nothing, DELAY_UNTIL_REBOOT (or a None target) is not supported."""  # noqa: D205, D209
    _move_ex(srcName, destName, flag)


def _disk(root: object) -> kernel.DiskSpace:
    return kernel.disk_space(_root(root))


def _clusters(space: kernel.DiskSpace) -> tuple[int, int, int, int]:
    sector = 512
    return space.cluster // sector, sector, space.free_clusters, space.total_clusters


@api("GetDiskSpaceFree")  # sic: the name pywin32 puts in the error
def GetDiskFreeSpace(rootPath: str | None = None, /) -> tuple[int, int, int, int]:
    """(sectors per cluster, bytes per sector, free clusters, total clusters) of a folder's disk."""
    return _clusters(_disk(rootPath))


@api("GetDiskSpaceFreeEx")  # sic: the name pywin32 puts in the error
def GetDiskFreeSpaceEx(rootPath: str | None = None, /) -> tuple[int, int, int]:
    """(bytes free to the caller, total bytes, free bytes) of a folder's disk."""
    space = _disk(rootPath)
    return space.free_to_caller, space.total, space.free


def GetLogicalDriveStrings() -> str:
    """The drives' roots, each ended by a NUL: Linux has one, ``/``."""
    return "".join(root + "\0" for root in kernel.drive_roots())


@api("GetVolumeInformation")
def GetVolumeInformation(path: str, /) -> tuple[str, int, int, int, str]:
    """(label '', serial, longest name, FILE_* flags, file system type) of a volume, named by
    its root (a mount point here; any other folder is ERROR_DIR_NOT_ROOT)."""  # noqa: D205, D209
    info = kernel.volume_info(text_arg(path), root=True)
    return info.name, _signed32(info.serial), info.max_component, info.flags, info.file_system


def _signed32(value: int) -> int:
    return value - 2**32 if value >= 2**31 else value


@api("FindFirstChangeNotification")
def FindFirstChangeNotification(pathName: str, bSubDirs: int, _filter: int, /) -> PyHANDLE:
    """A handle, signaled when the folder changes as the FILE_NOTIFY_CHANGE_* filter says
    (seen within 50 ms); wait on it, then FindNextChangeNotification."""  # noqa: D205, D209
    watch = kernel.watch_folder(text_arg(pathName), as_bool(bSubDirs), dword(_filter))
    return new_handle(watch)


@api("FindNextChangeNotification")
def FindNextChangeNotification(handle: object, /) -> None:
    """Wait for the next change: resets the handle unless another change came meanwhile."""
    lookup(handle, kernel.ChangeNotification).rearm()


@api("FindCloseChangeNotification")
def FindCloseChangeNotification(handle: object, /) -> None:
    lookup(handle, kernel.ChangeNotification)
    if isinstance(handle, PyHANDLE):
        handle.Close()
    else:
        kernel.handles.close(handle_value(handle))


# -- win32file's spellings --------------------------------------------------------------------


def _no_transaction(transaction: object) -> None:
    if transaction is not None:
        raise NotSupportedError(_NO_TRANSACTIONS)


@api("CopyFile")
def file_CopyFile(_from: str, to: str, bFailIfExists: int, /) -> None:
    kernel.copy_file(text_arg(_from), text_arg(to), fail_if_exists=as_bool(bFailIfExists))


@api("CopyFileW")
def file_CopyFileW(_from: str, to: str, bFailIfExists: int, /) -> None:
    kernel.copy_file(text_arg(_from), text_arg(to), fail_if_exists=as_bool(bFailIfExists))


@api("MoveFileW")
def file_MoveFileW(existingFileName: str, newFileName: str, /) -> None:
    kernel.move_file(text_arg(existingFileName), text_arg(newFileName))


@api("MoveFileExW")
def file_MoveFileExW(existingFileName: str, newFileName: str, flags: int, /) -> None:
    _move_ex(existingFileName, newFileName, flags)


@api("CreateDirectory")
def file_CreateDirectory(name: str, sa: object, /) -> None:
    """Make a folder; the SECURITY_ATTRIBUTES are accepted and not used."""
    kernel.create_directory(text_arg(name))


@api("CreateDirectoryW")
def file_CreateDirectoryW(name: str, sa: object, /) -> None:
    kernel.create_directory(text_arg(name))


@api("RemoveDirectory")
def file_RemoveDirectory(PathName: str, Transaction: object = None) -> None:
    """Remove an empty folder."""
    _no_transaction(Transaction)
    kernel.remove_directory(text_arg(PathName))


@api("DeleteFileW")
def file_DeleteFileW(FileName: str, Transaction: object = None) -> None:
    _no_transaction(Transaction)
    kernel.delete_file(text_arg(FileName))


@api("GetFullPathName")
def file_GetFullPathName(FileName: str, Transaction: object = None) -> str:
    _no_transaction(Transaction)
    return kernel.full_path_name(text_arg(FileName))


@api("GetLongPathName")
def file_GetLongPathName(ShortPath: str, Transaction: object = None) -> str:
    """The long form of an existing path: the path itself (Linux has no short names)."""
    _no_transaction(Transaction)
    return kernel.long_path_name(text_arg(ShortPath))


@api("GetDriveType")
def file_GetDriveType(rootPathName: str, /) -> int:
    """DRIVE_FIXED for an existing folder, DRIVE_NO_ROOT_DIR for anything else."""
    if rootPathName is None:
        raise TypeError("None is not a valid string in this context")
    return kernel.drive_type(text_arg(rootPathName))


@api("GetDiskFreeSpace")
def file_GetDiskFreeSpace(rootPathName: str, /) -> list[int]:
    """win32api's tuple as a list, as win32file gives it."""
    return list(_clusters(_disk(rootPathName)))


@api("GetDiskFreeSpaceEx")
def file_GetDiskFreeSpaceEx(rootPathName: str, /) -> list[int]:
    space = _disk(rootPathName)
    return [space.free_to_caller, space.total, space.free]


@api("GetFileInformationByHandle")
def file_GetFileInformationByHandle(handle: object, /) -> tuple[object, ...]:
    """BY_HANDLE_FILE_INFORMATION: (attributes, created, accessed, written, volume serial,
    size high, size low, links, index high, index low)."""  # noqa: D205, D209
    info = lookup(handle, kernel.File).file_info()
    times: list[_dt.datetime] = [
        file_time(when, TimeType) for when in (info.created, info.accessed, info.written)
    ]
    return (
        info.attributes, *times, info.volume, info.size >> 32, info.size & 0xFFFFFFFF,
        info.links, info.file_index >> 32, info.file_index & 0xFFFFFFFF,
    )  # fmt: skip


@api("CreateDirectoryEx")
def file_CreateDirectoryEx(
    templateName: str, newDirectory: str, sa: object = None, /, Transaction: object = None
) -> None:
    """Make a folder; the template folder's attributes are not copied (Linux keeps none)."""
    _no_transaction(Transaction)
    text_arg(templateName)
    kernel.create_directory(text_arg(newDirectory))


@api("CreateHardLink")
def file_CreateHardLink(
    FileName: str,
    ExistingFileName: str,
    SecurityAttributes: object = None,
    Transaction: object = None,
) -> None:
    """Give an existing file a second name."""
    _no_transaction(Transaction)
    kernel.hard_link(text_arg(FileName), text_arg(ExistingFileName))


@api("GetFinalPathNameByHandle")
def file_GetFinalPathNameByHandle(File: object, Flags: int, /) -> str:
    """The open file's path now, links resolved (Linux's: no long-path prefix)."""
    dword(Flags)
    return kernel.final_path(lookup(File, kernel.File))


@api("GetVolumePathName")
def file_GetVolumePathName(FileName: str, /) -> str:
    """The mount point of the file system holding a path, ending in ``/``."""
    return kernel.mount_point(text_arg(FileName))


@api("CreateSymbolicLink")
def file_CreateSymbolicLink(
    SymlinkFileName: str, TargetFileName: str, Flags: int = 0, Transaction: object = None
) -> None:
    """A symbolic link to a file or folder (SYMBOLIC_LINK_FLAG_DIRECTORY is not needed)."""
    _no_transaction(Transaction)
    dword(Flags)
    kernel.symbolic_link(text_arg(SymlinkFileName), text_arg(TargetFileName))


@api("GetCompressedFileSize")
def file_GetCompressedFileSize(FileName: str, /) -> int:
    """The file's size: Linux file systems here do not compress."""
    return kernel.file_info(text_arg(FileName)).size


@api("SetCurrentDirectoryW")
def file_SetCurrentDirectory(PathName: str, /) -> None:
    kernel.set_current_directory(text_arg(PathName))


class _ProgressRoutine:
    """pywin32's CopyProgressRoutine behind the kernel's progress callback.

    Called on the copying thread. The routine gets handles to the two files, as Windows
    gives (open while the copy runs), and answers with a PROGRESS_* value.
    """

    def __init__(self, routine: Any, data: object, source: str, target: str) -> None:  # noqa: ANN401
        if not callable(routine):
            raise TypeError("ProgressRoutine must be callable")
        self._routine: Callable[..., object] = routine
        self._data = data
        self._paths = (source, target)
        self._handles: list[int] = []

    def __call__(self, total: int, copied: int, reason: int) -> int:
        if not self._handles:  # the first call: the new file exists by now
            for path in self._paths:
                opened = kernel.open_file(path, kernel.GENERIC_READ, _SHARE_ALL)
                self._handles.append(kernel.handles.insert(opened, kernel.GENERIC_READ))
        answer = self._routine(total, copied, total, copied, 1, reason, *self._handles, self._data)
        return answer  # type: ignore[return-value]  # the kernel refuses a non-int (TypeError)

    def close(self) -> None:
        for value in self._handles:
            kernel.handles.close(value)


def _with_progress(
    routine: object, data: object, source: str, target: str, copy: Callable[..., None]
) -> None:
    if routine is None:
        copy(progress=None)
        return
    progress = _ProgressRoutine(routine, data, source, target)
    try:
        copy(progress=progress)
    finally:
        progress.close()


@api("CopyFileEx")
def CopyFileEx(
    ExistingFileName: str,
    NewFileName: str,
    ProgressRoutine: object = None,
    Data: object = None,
    Cancel: int = False,
    CopyFlags: int = 0,
    Transaction: object = None,
) -> None:
    """CopyFile that tells ``ProgressRoutine`` how it goes (on this thread); ``Cancel``
    true cancels it (ERROR_REQUEST_ABORTED), as does the routine's PROGRESS_CANCEL or
    PROGRESS_STOP. Of the COPY_FILE_* flags, FAIL_IF_EXISTS counts; the others need nothing."""  # noqa: D205, D209
    source, target = text_arg(ExistingFileName), text_arg(NewFileName)
    flags, cancelled = dword(CopyFlags), as_bool(Cancel)
    _no_transaction(Transaction)
    cancel = kernel.Event(manual_reset=True, initial_state=cancelled) if cancelled else None
    _with_progress(
        ProgressRoutine,
        Data,
        source,
        target,
        functools.partial(
            kernel.copy_file,
            source,
            target,
            fail_if_exists=bool(flags & COPY_FILE_FAIL_IF_EXISTS),
            cancel=cancel,
        ),
    )


@api("MoveFileWithProgress")
def MoveFileWithProgress(
    ExistingFileName: str,
    NewFileName: str | None,
    ProgressRoutine: object = None,
    Data: object = None,
    Flags: int = 0,
    Transaction: object = None,
) -> None:
    """MoveFileEx that tells ``ProgressRoutine`` of a copy to another file system (a rename
    moves no data: the routine is not called)."""  # noqa: D205, D209
    bits = dword(Flags)
    _no_transaction(Transaction)
    if bits & MOVEFILE_DELAY_UNTIL_REBOOT or NewFileName is None:
        raise NotSupportedError(_NO_REBOOT)
    source, target = text_arg(ExistingFileName), text_arg(NewFileName)
    _with_progress(
        ProgressRoutine,
        Data,
        source,
        target,
        functools.partial(
            kernel.move_file,
            source,
            target,
            replace=bool(bits & MOVEFILE_REPLACE_EXISTING),
            copy_allowed=bool(bits & MOVEFILE_COPY_ALLOWED),
        ),
    )
