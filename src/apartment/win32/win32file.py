"""pywin32's ``win32file`` over the kernel's files: CreateFile, reads, writes, locks, OVERLAPPED.

Each function converts pywin32's arguments (handles, DWORDs, OVERLAPPEDs, buffers), calls
one core method of the :class:`~apartment.kernel.File` behind the handle and converts the
result. pywin32's own shapes are kept: ReadFile returns ``(rc, data)`` with ``rc`` 0,
ERROR_MORE_DATA or ERROR_IO_PENDING (then ``data`` is the buffer being filled), WriteFile
``(rc, written)``, and SetEndOfFile returns its BOOL instead of raising.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import kernel
from ..errors import ERROR_ALREADY_EXISTS, ERROR_IO_PENDING, NotSupportedError, Win32Error
from ..errors import WSA_IO_PENDING as WSA_IO_PENDING
from ..errors import WSA_OPERATION_ABORTED as WSA_OPERATION_ABORTED
from ..errors import WSAECONNABORTED as WSAECONNABORTED
from ..errors import WSAECONNRESET as WSAECONNRESET
from ..errors import WSAEDISCON as WSAEDISCON
from ..errors import WSAEFAULT as WSAEFAULT
from ..errors import WSAEINPROGRESS as WSAEINPROGRESS
from ..errors import WSAEINTR as WSAEINTR
from ..errors import WSAEINVAL as WSAEINVAL
from ..errors import WSAEMSGSIZE as WSAEMSGSIZE
from ..errors import WSAENETDOWN as WSAENETDOWN
from ..errors import WSAENETRESET as WSAENETRESET
from ..errors import WSAENOBUFS as WSAENOBUFS
from ..errors import WSAENOTCONN as WSAENOTCONN
from ..errors import WSAENOTSOCK as WSAENOTSOCK
from ..errors import WSAEOPNOTSUPP as WSAEOPNOTSUPP
from ..errors import WSAESHUTDOWN as WSAESHUTDOWN
from ..errors import WSAEWOULDBLOCK as WSAEWOULDBLOCK
from ..kernel import CREATE_ALWAYS as CREATE_ALWAYS
from ..kernel import CREATE_NEW as CREATE_NEW
from ..kernel import FD_ACCEPT as FD_ACCEPT
from ..kernel import FD_ADDRESS_LIST_CHANGE as FD_ADDRESS_LIST_CHANGE
from ..kernel import FD_CLOSE as FD_CLOSE
from ..kernel import FD_CONNECT as FD_CONNECT
from ..kernel import FD_GROUP_QOS as FD_GROUP_QOS
from ..kernel import FD_OOB as FD_OOB
from ..kernel import FD_QOS as FD_QOS
from ..kernel import FD_READ as FD_READ
from ..kernel import FD_ROUTING_INTERFACE_CHANGE as FD_ROUTING_INTERFACE_CHANGE
from ..kernel import FD_WRITE as FD_WRITE
from ..kernel import FILE_ALL_ACCESS as FILE_ALL_ACCESS
from ..kernel import FILE_ATTRIBUTE_ARCHIVE as FILE_ATTRIBUTE_ARCHIVE
from ..kernel import FILE_ATTRIBUTE_DIRECTORY as FILE_ATTRIBUTE_DIRECTORY
from ..kernel import FILE_ATTRIBUTE_HIDDEN as FILE_ATTRIBUTE_HIDDEN
from ..kernel import FILE_ATTRIBUTE_NORMAL as FILE_ATTRIBUTE_NORMAL
from ..kernel import FILE_ATTRIBUTE_READONLY as FILE_ATTRIBUTE_READONLY
from ..kernel import FILE_ATTRIBUTE_SYSTEM as FILE_ATTRIBUTE_SYSTEM
from ..kernel import FILE_ATTRIBUTE_TEMPORARY as FILE_ATTRIBUTE_TEMPORARY
from ..kernel import FILE_BEGIN as FILE_BEGIN
from ..kernel import FILE_CURRENT as FILE_CURRENT
from ..kernel import FILE_END as FILE_END
from ..kernel import FILE_FLAG_BACKUP_SEMANTICS as FILE_FLAG_BACKUP_SEMANTICS
from ..kernel import FILE_FLAG_DELETE_ON_CLOSE as FILE_FLAG_DELETE_ON_CLOSE
from ..kernel import FILE_FLAG_NO_BUFFERING as FILE_FLAG_NO_BUFFERING
from ..kernel import FILE_FLAG_OPEN_REPARSE_POINT as FILE_FLAG_OPEN_REPARSE_POINT
from ..kernel import FILE_FLAG_OVERLAPPED as FILE_FLAG_OVERLAPPED
from ..kernel import FILE_FLAG_POSIX_SEMANTICS as FILE_FLAG_POSIX_SEMANTICS
from ..kernel import FILE_FLAG_RANDOM_ACCESS as FILE_FLAG_RANDOM_ACCESS
from ..kernel import FILE_FLAG_SEQUENTIAL_SCAN as FILE_FLAG_SEQUENTIAL_SCAN
from ..kernel import FILE_GENERIC_READ as FILE_GENERIC_READ
from ..kernel import FILE_GENERIC_WRITE as FILE_GENERIC_WRITE
from ..kernel import FILE_SHARE_DELETE as FILE_SHARE_DELETE
from ..kernel import FILE_SHARE_READ as FILE_SHARE_READ
from ..kernel import FILE_SHARE_WRITE as FILE_SHARE_WRITE
from ..kernel import GENERIC_EXECUTE as GENERIC_EXECUTE
from ..kernel import GENERIC_WRITE as GENERIC_WRITE
from ..kernel import LOCKFILE_EXCLUSIVE_LOCK, LOCKFILE_FAIL_IMMEDIATELY, File
from ..kernel import OPEN_ALWAYS as OPEN_ALWAYS
from ..kernel import OPEN_EXISTING as OPEN_EXISTING
from ..kernel import TRUNCATE_EXISTING as TRUNCATE_EXISTING
from . import _backup_streams, _comm_ports, _file_classes, _file_misc, _file_more, _mailslots
from ._adapt import api, as_bool, dword, set_last_error, soft, stamped
from ._api_files import CALLBACK_CHUNK_FINISHED as CALLBACK_CHUNK_FINISHED
from ._api_files import CALLBACK_STREAM_SWITCH as CALLBACK_STREAM_SWITCH
from ._api_files import (
    COPY_FILE_ALLOW_DECRYPTED_DESTINATION as COPY_FILE_ALLOW_DECRYPTED_DESTINATION,
)
from ._api_files import COPY_FILE_FAIL_IF_EXISTS as COPY_FILE_FAIL_IF_EXISTS
from ._api_files import COPY_FILE_OPEN_SOURCE_FOR_WRITE as COPY_FILE_OPEN_SOURCE_FOR_WRITE
from ._api_files import COPY_FILE_RESTARTABLE as COPY_FILE_RESTARTABLE
from ._api_files import DRIVE_CDROM as DRIVE_CDROM
from ._api_files import DRIVE_FIXED as DRIVE_FIXED
from ._api_files import DRIVE_NO_ROOT_DIR as DRIVE_NO_ROOT_DIR
from ._api_files import DRIVE_RAMDISK as DRIVE_RAMDISK
from ._api_files import DRIVE_REMOTE as DRIVE_REMOTE
from ._api_files import DRIVE_REMOVABLE as DRIVE_REMOVABLE
from ._api_files import DRIVE_UNKNOWN as DRIVE_UNKNOWN
from ._api_files import MOVEFILE_COPY_ALLOWED as MOVEFILE_COPY_ALLOWED
from ._api_files import MOVEFILE_CREATE_HARDLINK as MOVEFILE_CREATE_HARDLINK
from ._api_files import MOVEFILE_DELAY_UNTIL_REBOOT as MOVEFILE_DELAY_UNTIL_REBOOT
from ._api_files import MOVEFILE_FAIL_IF_NOT_TRACKABLE as MOVEFILE_FAIL_IF_NOT_TRACKABLE
from ._api_files import MOVEFILE_REPLACE_EXISTING as MOVEFILE_REPLACE_EXISTING
from ._api_files import MOVEFILE_WRITE_THROUGH as MOVEFILE_WRITE_THROUGH
from ._api_files import PROGRESS_CANCEL as PROGRESS_CANCEL
from ._api_files import PROGRESS_CONTINUE as PROGRESS_CONTINUE
from ._api_files import PROGRESS_QUIET as PROGRESS_QUIET
from ._api_files import PROGRESS_STOP as PROGRESS_STOP
from ._api_files import CopyFileEx as CopyFileEx
from ._api_files import FindCloseChangeNotification as FindCloseChangeNotification
from ._api_files import FindFirstChangeNotification as FindFirstChangeNotification
from ._api_files import FindNextChangeNotification as FindNextChangeNotification
from ._api_files import MoveFile as MoveFile
from ._api_files import MoveFileEx as MoveFileEx
from ._api_files import MoveFileWithProgress as MoveFileWithProgress
from ._api_files import file_CopyFile as CopyFile
from ._api_files import file_CopyFileW as CopyFileW
from ._api_files import file_CreateDirectory as CreateDirectory
from ._api_files import file_CreateDirectoryEx as CreateDirectoryEx
from ._api_files import file_CreateDirectoryEx as CreateDirectoryExW
from ._api_files import file_CreateDirectoryW as CreateDirectoryW
from ._api_files import file_CreateHardLink as CreateHardLink
from ._api_files import file_CreateSymbolicLink as CreateSymbolicLink
from ._api_files import file_DeleteFileW as DeleteFileW
from ._api_files import file_GetCompressedFileSize as GetCompressedFileSize
from ._api_files import file_GetDiskFreeSpace as GetDiskFreeSpace
from ._api_files import file_GetDiskFreeSpaceEx as GetDiskFreeSpaceEx
from ._api_files import file_GetDriveType as GetDriveType
from ._api_files import file_GetDriveType as GetDriveTypeW
from ._api_files import file_GetFileInformationByHandle as GetFileInformationByHandle
from ._api_files import file_GetFinalPathNameByHandle as GetFinalPathNameByHandle
from ._api_files import file_GetFullPathName as GetFullPathName
from ._api_files import file_GetLongPathName as GetLongPathName
from ._api_files import file_GetVolumePathName as GetVolumePathName
from ._api_files import file_MoveFileExW as MoveFileExW
from ._api_files import file_MoveFileW as MoveFileW
from ._api_files import file_RemoveDirectory as RemoveDirectory
from ._api_files import file_SetCurrentDirectory as SetCurrentDirectory
from ._api_files import find_data as _find_data
from ._api_iocp import FILE_NOTIFY_INFORMATION as FILE_NOTIFY_INFORMATION
from ._api_iocp import CreateIoCompletionPort as CreateIoCompletionPort
from ._api_iocp import GetQueuedCompletionStatus as GetQueuedCompletionStatus
from ._api_iocp import PostQueuedCompletionStatus as PostQueuedCompletionStatus
from ._api_iocp import ReadDirectoryChangesW as ReadDirectoryChangesW
from ._api_sockets import SO_CONNECT_TIME as SO_CONNECT_TIME
from ._api_sockets import SO_UPDATE_ACCEPT_CONTEXT as SO_UPDATE_ACCEPT_CONTEXT
from ._api_sockets import SO_UPDATE_CONNECT_CONTEXT as SO_UPDATE_CONNECT_CONTEXT
from ._api_sockets import TF_DISCONNECT as TF_DISCONNECT
from ._api_sockets import TF_REUSE_SOCKET as TF_REUSE_SOCKET
from ._api_sockets import TF_USE_DEFAULT_WORKER as TF_USE_DEFAULT_WORKER
from ._api_sockets import TF_USE_KERNEL_APC as TF_USE_KERNEL_APC
from ._api_sockets import TF_USE_SYSTEM_THREAD as TF_USE_SYSTEM_THREAD
from ._api_sockets import TF_WRITE_BEHIND as TF_WRITE_BEHIND
from ._api_sockets import AcceptEx as AcceptEx
from ._api_sockets import CalculateSocketEndPointSize as CalculateSocketEndPointSize
from ._api_sockets import ConnectEx as ConnectEx
from ._api_sockets import GetAcceptExSockaddrs as GetAcceptExSockaddrs
from ._api_sockets import TransmitFile as TransmitFile
from ._api_sockets import WSAAsyncSelect as WSAAsyncSelect
from ._api_sockets import WSAEnumNetworkEvents as WSAEnumNetworkEvents
from ._api_sockets import WSAEventSelect as WSAEventSelect
from ._api_sockets import WSARecv as WSARecv
from ._api_sockets import WSASend as WSASend
from ._api_sockets import cancel_io as _cancel_io
from ._api_sockets import get_osfhandle as _get_osfhandle
from ._backup_streams import *  # noqa: F403  (BackupRead/Write/Seek, in their own module)
from ._buffers import data_arg, read_buffer, text_arg
from ._comm_ports import *  # noqa: F403  (serial ports, in their own module)
from ._file_misc import *  # noqa: F403  (smaller names, in their own module)
from ._file_more import *  # noqa: F403  (volumes, streams, links, EFS, IOCTLs: session 25)
from ._handles import PyHANDLE, handle_value, lookup, new_handle
from ._mailslots import *  # noqa: F403  (mailslots, in their own module)
from ._security import inherits
from ._timeconv import file_time, time_arg
from .pywintypes import TimeType, error, overlapped_arg, overlapped_core, overlapped_offset
from .win32api import CloseHandle as CloseHandle

if TYPE_CHECKING:
    import datetime as _dt
    from collections.abc import Iterator

__all__ = [
    "error",
    "CreateFile", "ReadFile", "WriteFile", "CloseHandle", "SetFilePointer", "GetFileSize",
    "SetEndOfFile", "FlushFileBuffers", "LockFile", "UnlockFile", "LockFileEx",
    "UnlockFileEx", "GetOverlappedResult", "CancelIo", "AllocateReadBuffer", "DeleteFile",
    "GetFileType", "GetFileAttributes", "GetFileAttributesW", "GetFileAttributesEx",
    "GetFileAttributesExW", "SetFileAttributes", "SetFileAttributesW", "GetFileTime",
    "SetFileTime", "GetFileInformationByHandleEx", "FindFilesW", "FindFilesIterator",
    "FindFileIterator", "CopyFile", "CopyFileW", "MoveFile", "MoveFileW", "MoveFileEx",
    "MoveFileExW", "CopyFileEx", "MoveFileWithProgress", "PROGRESS_CONTINUE", "PROGRESS_CANCEL",
    "PROGRESS_STOP", "PROGRESS_QUIET", "CALLBACK_CHUNK_FINISHED", "CALLBACK_STREAM_SWITCH",
    "CreateDirectory", "CreateDirectoryW", "RemoveDirectory", "DeleteFileW",
    "GetFullPathName", "GetLongPathName", "GetDriveType", "GetDriveTypeW", "GetDiskFreeSpace",
    "GetDiskFreeSpaceEx", "GetFileInformationByHandle", "CreateFileW", "CreateDirectoryEx",
    "CreateDirectoryExW", "CreateHardLink", "GetFinalPathNameByHandle", "GetVolumePathName",
    "CreateSymbolicLink", "GetCompressedFileSize", "SetCurrentDirectory",
    "SYMBOLIC_LINK_FLAG_DIRECTORY", "FindFirstChangeNotification", "FindNextChangeNotification",
    "FindCloseChangeNotification", "CreateIoCompletionPort", "PostQueuedCompletionStatus",
    "GetQueuedCompletionStatus", "ReadDirectoryChangesW", "FILE_NOTIFY_INFORMATION",
    "DRIVE_UNKNOWN", "DRIVE_NO_ROOT_DIR", "DRIVE_REMOVABLE", "DRIVE_FIXED", "DRIVE_REMOTE",
    "DRIVE_CDROM", "DRIVE_RAMDISK", "COPY_FILE_FAIL_IF_EXISTS", "COPY_FILE_RESTARTABLE",
    "COPY_FILE_OPEN_SOURCE_FOR_WRITE", "COPY_FILE_ALLOW_DECRYPTED_DESTINATION",
    "MOVEFILE_REPLACE_EXISTING", "MOVEFILE_COPY_ALLOWED", "MOVEFILE_DELAY_UNTIL_REBOOT",
    "MOVEFILE_WRITE_THROUGH", "MOVEFILE_CREATE_HARDLINK", "MOVEFILE_FAIL_IF_NOT_TRACKABLE",
    *_mailslots.__all__,
    *_backup_streams.__all__,
    *_file_misc.__all__,
    *_comm_ports.__all__,
    *_file_more.__all__,  # CreateFile("COM1") opens the tty APARTMENT_COMPORTS maps it to
]  # fmt: skip

# Values pywin32 gives through a C long: 0x80000000 reads negative.
GENERIC_READ = -2147483648
FILE_FLAG_WRITE_THROUGH = -2147483648
INVALID_HANDLE_VALUE = -1
FILE_TYPE_UNKNOWN = 0
FILE_TYPE_DISK = 1
FILE_TYPE_CHAR = 2
FILE_TYPE_PIPE = 3
_FILE_TYPES = {"disk": FILE_TYPE_DISK, "pipe": FILE_TYPE_PIPE, "char": FILE_TYPE_CHAR}

UNICODE = 1
SYMBOLIC_LINK_FLAG_DIRECTORY = 1
INVALID_FILE_ATTRIBUTES = -1  # GetFileAttributes' failure, through a C long

# GetFileInformationByHandleEx's classes (FILE_INFO_BY_HANDLE_CLASS) answered here.
FileBasicInfo = 0
FileStandardInfo = 1
_FILE_NAME_INFO, _FILE_ATTRIBUTE_TAG_INFO = 2, 9  # FileNameInfo, FileAttributeTagInfo
_FILE_STREAM_INFO, _FILE_COMPRESSION_INFO = 7, 8  # FileStreamInfo, FileCompressionInfo
_FILE_ID_BOTH_DIRECTORY_INFO, _FILE_ID_BOTH_DIRECTORY_RESTART_INFO = 10, 11

_NO_TRANSACTIONS = (
    "transacted file operations (TxF) are not supported: transactions cover the registry here"
)


def AllocateReadBuffer(bufSize: int, /) -> memoryview:
    """Make a writable buffer for an overlapped read (pywin32: a memoryview)."""
    size = int.__index__(bufSize) if isinstance(bufSize, int) else None
    if size is None:
        raise TypeError(f"'{type(bufSize).__name__}' object cannot be interpreted as an integer")
    if size < 0:
        raise ValueError("a read buffer's size is 0 or more")
    return kernel.read_buffer(size)


@api("CreateFile")
def CreateFile(
    fileName: str,
    desiredAccess: int,
    shareMode: int,
    attributes: object,
    CreationDisposition: int,
    flagsAndAttributes: int,
    hTemplateFile: object,
    /,
) -> PyHANDLE:
    r"""Open or create a file, or connect to a named pipe (``\\.\pipe\NAME``).

    An inheritable ``attributes`` (SECURITY_ATTRIBUTES) makes the handle inheritable; its
    descriptor and ``hTemplateFile`` are not used.
    """
    handle_value(hTemplateFile)
    sa, disposition = attributes, CreationDisposition
    return _create_file(fileName, desiredAccess, shareMode, sa, disposition, flagsAndAttributes)


@api("CreateFileW")
def CreateFileW(
    FileName: str,
    DesiredAccess: int,
    ShareMode: int,
    SecurityAttributes: object,
    CreationDisposition: int,
    FlagsAndAttributes: int,
    TemplateFile: object = None,
    Transaction: object = None,
    MiniVersion: object = None,
    ExtendedParameter: object = None,
) -> PyHANDLE:
    """CreateFile with pywin32's keyword names; a ``Transaction`` is refused (no KTM here)."""
    handle_value(TemplateFile)
    if handle_value(Transaction):
        raise NotSupportedError(_NO_TRANSACTIONS)
    if ExtendedParameter is not None:  # pywin32's checks, in its order
        raise TypeError("ExtendedParameter must be None")
    if MiniVersion is not None:
        raise ValueError("MiniVersion can only be used with a transacted operation")
    sa, disposition = SecurityAttributes, CreationDisposition
    return _create_file(FileName, DesiredAccess, ShareMode, sa, disposition, FlagsAndAttributes)


def _create_file(
    name: object, access: int, share: int, attributes: object, disposition: int, flags: int
) -> PyHANDLE:
    inherit = inherits(attributes)
    file = kernel.open_file(text_arg(name), dword(access), dword(share), dword(disposition),
                            dword(flags))  # fmt: skip
    set_last_error(ERROR_ALREADY_EXISTS if file.already_existed else 0)
    return new_handle(file, file.access, inherit=inherit)


def ReadFile(hFile: object, buffer: object, overlapped: object = None, /) -> tuple[int, object]:
    """Read from a file or pipe: ``(0 | ERROR_MORE_DATA | ERROR_IO_PENDING, data)``.

    With an OVERLAPPED the data is the buffer itself (filled as the read completes), else
    a new bytes of the length read.
    """
    try:  # errors stamped here, not by @api: a hot call saves the wrapper's frame
        file = lookup(hFile, File)
        core = overlapped_arg(overlapped)
        target, view = read_buffer(buffer)
        status, count = file.read_into(view, core)
    except Win32Error as error:
        raise stamped(error, "ReadFile") from None
    if core is not None:
        return status, target
    return status, bytes(view[:count])


def WriteFile(hFile: object, data: object, ol: object = None, /) -> tuple[int, int]:
    """Write to a file or pipe: ``(0 | ERROR_IO_PENDING, bytes written)``."""
    try:
        file = lookup(hFile, File)
        core = overlapped_arg(ol)
        return tuple(file.write(data_arg(data), core))  # type: ignore[return-value]
    except Win32Error as error:
        raise stamped(error, "WriteFile") from None


@api("SetFilePointer")
def SetFilePointer(handle: object, offset: int, moveMethod: int, /) -> int:
    """Move the file pointer and return its new position."""
    return lookup(handle, File).seek(int.__index__(offset), int.__index__(moveMethod))


@api("GetFileSize")
def GetFileSize(hFile: object, /) -> int:
    return lookup(hFile, File).size()


@soft(int)
def SetEndOfFile(hFile: object, /) -> int:
    """End the file at its pointer; returns 1, or 0 and sets GetLastError (pywin32's BOOL)."""
    lookup(hFile, File).truncate()
    return 1


@api("FlushFileBuffers")
def FlushFileBuffers(hFile: object, /) -> None:
    """Flush a file; for a pipe, wait until the other end has read everything."""
    lookup(hFile, File).flush()


def _lock(file: File, offset: int, length: int, flags: int, core: kernel.Overlapped | None) -> None:
    status, _ = file.lock(
        offset,
        length,
        exclusive=bool(flags & LOCKFILE_EXCLUSIVE_LOCK),
        fail_immediately=bool(flags & LOCKFILE_FAIL_IMMEDIATELY),
        overlapped=core,
    )
    if status == ERROR_IO_PENDING:  # pywin32 raises for any FALSE, pending included
        raise Win32Error.from_code(ERROR_IO_PENDING, "the lock is pending; wait for the event")


@api("LockFileEx")
def LockFileEx(hFile: object, dwFlags: int, nbytesLow: int, nbytesHigh: int, ol: object, /) -> None:
    """Lock a byte range starting at the OVERLAPPED's offset.

    Deviation: pywin32 passes a None OVERLAPPED on (and Windows crashes); here it is a
    TypeError. A lock that must wait on an overlapped handle raises ERROR_IO_PENDING, as
    pywin32 does, and completes later through the OVERLAPPED.
    """
    file = lookup(hFile, File)
    if ol is None:
        raise TypeError("LockFileEx needs an OVERLAPPED: its Offset is where the lock starts")
    core = overlapped_arg(ol)
    assert core is not None
    _lock(file, core.offset, dword(nbytesLow) | dword(nbytesHigh) << 32, dword(dwFlags), core)


@api("UnlockFileEx")
def UnlockFileEx(hFile: object, nbytesLow: int, nbytesHigh: int, ol: object, /) -> None:
    """Unlock exactly a range this handle locked, starting at the OVERLAPPED's offset."""
    file = lookup(hFile, File)
    if ol is None:
        raise TypeError("UnlockFileEx needs an OVERLAPPED: its Offset is where the range starts")
    file.unlock(overlapped_offset(ol), dword(nbytesLow) | dword(nbytesHigh) << 32)


@api("LockFile")
def LockFile(
    hFile: object,
    offsetLow: int,
    offsetHigh: int,
    nNumberOfBytesToLockLow: int,
    nNumberOfBytesToLockHigh: int,
    /,
) -> None:
    """Lock a byte range exclusively, failing at once if it is taken."""
    offset = dword(offsetLow) | dword(offsetHigh) << 32
    length = dword(nNumberOfBytesToLockLow) | dword(nNumberOfBytesToLockHigh) << 32
    _lock(
        lookup(hFile, File),
        offset,
        length,
        LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY,
        None,
    )


@api("UnlockFile")
def UnlockFile(
    hFile: object,
    offsetLow: int,
    offsetHigh: int,
    nNumberOfBytesToUnlockLow: int,
    nNumberOfBytesToUnlockHigh: int,
    /,
) -> None:
    """Unlock a range LockFile or LockFileEx locked."""
    offset = dword(offsetLow) | dword(offsetHigh) << 32
    length = dword(nNumberOfBytesToUnlockLow) | dword(nNumberOfBytesToUnlockHigh) << 32
    lookup(hFile, File).unlock(offset, length)


def GetOverlappedResult(hFile: object, overlapped: object, bWait: int, /) -> int:
    """Return the bytes the OVERLAPPED's operation transferred, or raise its error.

    As on Windows, the handle is only a name here: the OVERLAPPED says everything (pywin32
    crashes on a None OVERLAPPED; here it is a TypeError).
    """
    try:
        handle_value(hFile)
        return overlapped_core(overlapped).result(as_bool(bWait))
    except Win32Error as error:
        raise stamped(error, "GetOverlappedResult") from None


@api("CancelIo")
def CancelIo(handle: object, /) -> None:
    """Cancel the calling thread's pending operations on the handle (or socket descriptor)."""
    _cancel_io(handle)


@api("DeleteFile")
def DeleteFile(fileName: str, /) -> None:
    """Delete a file; refused while a handle to it does not share delete."""
    kernel.delete_file(text_arg(fileName))


@api("GetFileType")
def GetFileType(hFile: object, /) -> int:
    """FILE_TYPE_DISK or FILE_TYPE_PIPE."""
    return _FILE_TYPES.get(lookup(hFile, File).kind, FILE_TYPE_UNKNOWN)


# -- attributes, times, searches -------------------------------------------------------------


def _path_arg(value: object) -> str:
    if value is None:
        raise TypeError("None is not a valid string in this context")
    return text_arg(value)


@soft(lambda: INVALID_FILE_ATTRIBUTES)
def GetFileAttributes(FileName: str, /) -> int:
    """The FILE_ATTRIBUTE_* bits of a path; -1 and GetLastError when it is not there."""
    return kernel.file_attributes(_path_arg(FileName))


GetFileAttributesW = GetFileAttributes


@api("GetFileAttributesEx")
def GetFileAttributesEx(
    FileName: str, InfoLevelId: int = 0, Transaction: object = None, /
) -> tuple[int, _dt.datetime, _dt.datetime, _dt.datetime, int]:
    """``(attributes, created, accessed, written, size)`` of a path (GetFileExInfoStandard)."""
    path = _path_arg(FileName)
    if dword(InfoLevelId):
        raise ValueError(f"Level '{InfoLevelId}' is not supported")
    if Transaction is not None:
        raise NotSupportedError(_NO_TRANSACTIONS)
    info = kernel.file_info(path)
    return (
        info.attributes,
        file_time(info.created, TimeType),
        file_time(info.accessed, TimeType),
        file_time(info.written, TimeType),
        info.size,
    )


GetFileAttributesExW = GetFileAttributesEx


@api("SetFileAttributes")
def SetFileAttributes(FileName: str, FileAttributes: int, /) -> None:
    """Set a path's attributes; only FILE_ATTRIBUTE_READONLY is kept (see the core)."""
    kernel.set_file_attributes(_path_arg(FileName), dword(FileAttributes))


@api("SetFileAttributesW")
def SetFileAttributesW(FileName: str, FileAttributes: int, Transaction: object = None) -> None:
    """SetFileAttributes; a ``Transaction`` is refused (transacted files are not supported)."""
    if handle_value(Transaction):
        raise NotSupportedError(_NO_TRANSACTIONS)
    kernel.set_file_attributes(_path_arg(FileName), dword(FileAttributes))


@api("GetFileTime")
def GetFileTime(File: object, /) -> list[_dt.datetime]:
    """``[created, accessed, written]`` of an open file, in UTC."""
    info = lookup(File, kernel.File).file_info()
    return [file_time(t, TimeType) for t in (info.created, info.accessed, info.written)]


@api("SetFileTime")
def SetFileTime(
    File: object,
    CreationTime: object = None,
    LastAccessTime: object = None,
    LastWriteTime: object = None,
    UTCTimes: object = False,
) -> None:
    """Set an open file's times; None keeps one.

    A naive time is local time: pywin32 ignores UTCTimes on Python 3 and converts each time
    with ``astimezone``.
    """
    file = lookup(File, kernel.File)
    times = time_arg(CreationTime), time_arg(LastAccessTime), time_arg(LastWriteTime)
    file.set_times(*times)


@api("GetFileInformationByHandleEx")
def GetFileInformationByHandleEx(File: object, FileInformationClass: int, /) -> dict[str, object]:
    """FileBasicInfo, FileStandardInfo, FileCompressionInfo or FileAttributeTagInfo of an open
    file (pywin32's dict), its FileNameInfo (its path from its file system's root), its
    FileStreamInfo or a folder's FileIdBothDirectory(Restart)Info (tuples of dicts)."""  # noqa: D205, D209
    file = lookup(File, kernel.File)
    kind = int.__index__(FileInformationClass)
    if kind == _FILE_NAME_INFO:
        return kernel.volume_relative_name(file.name)  # type: ignore[return-value]
    if kind == _FILE_STREAM_INFO:
        return _file_classes.stream_info(file)  # type: ignore[return-value]
    if kind == _FILE_COMPRESSION_INFO:
        return _file_classes.compression_info(file)
    if kind in (_FILE_ID_BOTH_DIRECTORY_INFO, _FILE_ID_BOTH_DIRECTORY_RESTART_INFO):
        restart = kind == _FILE_ID_BOTH_DIRECTORY_RESTART_INFO
        return _file_classes.directory_info(file, restart)  # type: ignore[return-value]
    if kind not in (FileBasicInfo, FileStandardInfo, _FILE_ATTRIBUTE_TAG_INFO):
        raise NotImplementedError("Unsupported file information class")
    info = file.file_info()
    if kind == _FILE_ATTRIBUTE_TAG_INFO:
        tag = kernel.reparse_tag(file)
        return {"FileAttributes": info.attributes | (0x400 if tag else 0), "ReparseTag": tag}
    if kind == FileBasicInfo:
        return {
            "CreationTime": file_time(info.created, TimeType),
            "LastAccessTime": file_time(info.accessed, TimeType),
            "LastWriteTime": file_time(info.written, TimeType),
            "ChangeTime": file_time(info.changed, TimeType),
            "FileAttributes": info.attributes,
        }
    return {
        "AllocationSize": info.allocated,
        "EndOfFile": info.size,
        "NumberOfLinks": info.links,
        "DeletePending": False,
        "Directory": bool(info.attributes & FILE_ATTRIBUTE_DIRECTORY),
    }


@api("FindFirstFileW")
def FindFilesW(FileName: str, Transaction: object = None) -> list[tuple[object, ...]]:
    """Every WIN32_FIND_DATA tuple a wildcard finds; [] when nothing matches."""
    if Transaction is not None:
        raise NotSupportedError(_NO_TRANSACTIONS)
    return [_find_data(found) for found in kernel.find_files(_path_arg(FileName))]


class FindFileIterator:
    """The iterator FindFilesIterator returns: WIN32_FIND_DATA tuples, read as they go."""

    __slots__ = ("_found",)

    def __init__(self, found: Iterator[kernel.FoundFile]) -> None:
        self._found = found

    def __iter__(self) -> FindFileIterator:
        return self

    def __next__(self) -> tuple[object, ...]:
        return _find_data(next(self._found))


@api("FindFirstFileW")
def FindFilesIterator(FileName: str, Transaction: object = None) -> FindFileIterator:
    """Iterate over what a wildcard finds.

    A missing folder raises here (ERROR_PATH_NOT_FOUND), not at the first item.
    """
    if Transaction is not None:
        raise NotSupportedError(_NO_TRANSACTIONS)
    return FindFileIterator(kernel.find_files(_path_arg(FileName)))


# pywin32's constants too: `from win32file import *` gives them (pipeTestService uses it).
__all__ += [
    "CREATE_ALWAYS", "CREATE_NEW", "FILE_ALL_ACCESS", "FILE_ATTRIBUTE_ARCHIVE",
    "FILE_ATTRIBUTE_DIRECTORY", "FILE_ATTRIBUTE_HIDDEN", "FILE_ATTRIBUTE_NORMAL",
    "FILE_ATTRIBUTE_READONLY", "FILE_ATTRIBUTE_SYSTEM", "FILE_ATTRIBUTE_TEMPORARY", "FILE_BEGIN",
    "FILE_CURRENT", "FILE_END", "FILE_FLAG_BACKUP_SEMANTICS", "FILE_FLAG_DELETE_ON_CLOSE",
    "FILE_FLAG_NO_BUFFERING", "FILE_FLAG_OPEN_REPARSE_POINT", "FILE_FLAG_OVERLAPPED",
    "FILE_FLAG_POSIX_SEMANTICS", "FILE_FLAG_RANDOM_ACCESS", "FILE_FLAG_SEQUENTIAL_SCAN",
    "FILE_FLAG_WRITE_THROUGH", "FILE_GENERIC_READ", "FILE_GENERIC_WRITE", "FILE_SHARE_DELETE",
    "FILE_SHARE_READ", "FILE_SHARE_WRITE", "FILE_TYPE_CHAR", "FILE_TYPE_DISK", "FILE_TYPE_PIPE",
    "FILE_TYPE_UNKNOWN", "FileBasicInfo", "FileStandardInfo", "GENERIC_EXECUTE", "GENERIC_READ",
    "GENERIC_WRITE", "INVALID_HANDLE_VALUE", "OPEN_ALWAYS", "OPEN_EXISTING", "TRUNCATE_EXISTING",
    "UNICODE",
]  # fmt: skip

# Winsock's extensions (_api_sockets) and their constants, as pywin32's win32file has them.
__all__ += [
    "WSAEventSelect", "WSAEnumNetworkEvents", "AcceptEx", "GetAcceptExSockaddrs",
    "CalculateSocketEndPointSize", "ConnectEx", "WSASend", "WSARecv", "TransmitFile",
    "_get_osfhandle", "FD_READ", "FD_WRITE", "FD_OOB", "FD_ACCEPT", "FD_CONNECT", "FD_CLOSE",
    "FD_QOS", "FD_GROUP_QOS", "FD_ROUTING_INTERFACE_CHANGE", "FD_ADDRESS_LIST_CHANGE",
    "SO_UPDATE_ACCEPT_CONTEXT", "SO_UPDATE_CONNECT_CONTEXT", "SO_CONNECT_TIME", "TF_DISCONNECT",
    "TF_REUSE_SOCKET", "TF_WRITE_BEHIND", "TF_USE_DEFAULT_WORKER", "TF_USE_SYSTEM_THREAD",
    "TF_USE_KERNEL_APC", "WSAEWOULDBLOCK", "WSAENETDOWN", "WSAENOTCONN", "WSAEINTR",
    "WSAEINPROGRESS", "WSAENETRESET", "WSAENOTSOCK", "WSAEFAULT", "WSAEOPNOTSUPP",
    "WSAESHUTDOWN", "WSAEMSGSIZE", "WSAEINVAL", "WSAECONNABORTED", "WSAECONNRESET",
    "WSAENOBUFS", "WSAEDISCON", "WSA_IO_PENDING", "WSA_OPERATION_ABORTED",
]  # fmt: skip
__all__ += ["WSAAsyncSelect"]
