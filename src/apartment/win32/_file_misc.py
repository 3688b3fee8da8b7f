"""win32file's smaller names: file API code page, WOW64, encryption status, GetBinaryType.

Also the constants of calls whose subject Linux has not (EFS, SetFileInformationByHandle
classes, SQOS flags). win32file star-imports this module.

Every process here is a native 64-bit one, so WOW64's file-system redirection does not apply:
Wow64DisableWow64FsRedirection fails with ERROR_INVALID_FUNCTION (1), as it does for a 64-bit
process on Windows. No Linux file system offers EFS: FileEncryptionStatus answers
FILE_SYSTEM_NOT_SUPPORT, as Windows does on FAT. SfcIsFileProtected: no file is a protected
system file. The file APIs' code page (AreFileApisANSI) is a per-process flag, as Windows',
which this library's Unicode calls never consult.
"""

from __future__ import annotations

import threading

from .. import kernel
from ..errors import ERROR_INVALID_FUNCTION, Win32Error
from ..kernel import SCS_32BIT_BINARY as SCS_32BIT_BINARY
from ..kernel import SCS_DOS_BINARY as SCS_DOS_BINARY
from ._adapt import api
from ._api_more import GetLogicalDrives as GetLogicalDrives
from ._buffers import text_arg
from .pywintypes import OVERLAPPED as OVERLAPPED

__all__ = [
    "GetLogicalDrives", "OVERLAPPED", "AreFileApisANSI", "SetFileApisToANSI",
    "SetFileApisToOEM", "Wow64DisableWow64FsRedirection", "Wow64RevertWow64FsRedirection",
    "FileEncryptionStatus", "SfcIsFileProtected", "GetBinaryType",
    "SCS_32BIT_BINARY", "SCS_DOS_BINARY", "SCS_WOW_BINARY", "SCS_PIF_BINARY", "SCS_POSIX_BINARY",
    "SCS_OS216_BINARY", "FILE_ENCRYPTABLE", "FILE_IS_ENCRYPTED", "FILE_SYSTEM_ATTR",
    "FILE_ROOT_DIR", "FILE_SYSTEM_DIR", "FILE_UNKNOWN", "FILE_SYSTEM_NOT_SUPPORT",
    "FILE_USER_DISALLOWED", "FILE_READ_ONLY", "FILE_ATTRIBUTE_COMPRESSED",
    "FILE_ATTRIBUTE_OFFLINE", "CREATE_FOR_IMPORT", "CREATE_FOR_DIR", "OVERWRITE_HIDDEN",
    "REPLACEFILE_WRITE_THROUGH", "REPLACEFILE_IGNORE_MERGE_ERRORS", "SECURITY_ANONYMOUS",
    "SECURITY_IDENTIFICATION", "SECURITY_IMPERSONATION", "SECURITY_DELEGATION",
    "SECURITY_CONTEXT_TRACKING", "SECURITY_EFFECTIVE_ONLY",
    "SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE", "GetFileExInfoStandard", "FileNameInfo",
    "FileRenameInfo", "FileDispositionInfo", "FileAllocationInfo", "FileEndOfFileInfo",
    "FileStreamInfo", "FileCompressionInfo", "FileAttributeTagInfo", "FileIdBothDirectoryInfo",
    "FileIdBothDirectoryRestartInfo", "FileIoPriorityHintInfo", "IoPriorityHintVeryLow",
    "IoPriorityHintLow", "IoPriorityHintNormal", "FileIdType", "ObjectIdType",
]  # fmt: skip

# GetBinaryType's kinds this system never gives (16-bit Windows, PIF, POSIX, OS/2)
SCS_WOW_BINARY = 2
SCS_PIF_BINARY = 3
SCS_POSIX_BINARY = 4
SCS_OS216_BINARY = 5
# FileEncryptionStatus
FILE_ENCRYPTABLE = 0
FILE_IS_ENCRYPTED = 1
FILE_SYSTEM_ATTR = 2
FILE_ROOT_DIR = 3
FILE_SYSTEM_DIR = 4
FILE_UNKNOWN = 5
FILE_SYSTEM_NOT_SUPPORT = 6
FILE_USER_DISALLOWED = 7
FILE_READ_ONLY = 8
FILE_ATTRIBUTE_COMPRESSED = 0x800
FILE_ATTRIBUTE_OFFLINE = 0x1000
# OpenEncryptedFileRaw
CREATE_FOR_IMPORT = 1
CREATE_FOR_DIR = 2
OVERWRITE_HIDDEN = 4
REPLACEFILE_WRITE_THROUGH = 1
REPLACEFILE_IGNORE_MERGE_ERRORS = 2
# CreateFile's SECURITY_SQOS_PRESENT levels and flags
SECURITY_ANONYMOUS = 0
SECURITY_IDENTIFICATION = 0x10000
SECURITY_IMPERSONATION = 0x20000
SECURITY_DELEGATION = 0x30000
SECURITY_CONTEXT_TRACKING = 0x40000
SECURITY_EFFECTIVE_ONLY = 0x80000
SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE = 2
GetFileExInfoStandard = 1  # pywin32's value
# FILE_INFO_BY_HANDLE_CLASS (FileBasicInfo 0 and FileStandardInfo 1 are win32file's own)
FileNameInfo = 2
FileRenameInfo = 3
FileDispositionInfo = 4
FileAllocationInfo = 5
FileEndOfFileInfo = 6
FileStreamInfo = 7
FileCompressionInfo = 8
FileAttributeTagInfo = 9
FileIdBothDirectoryInfo = 10
FileIdBothDirectoryRestartInfo = 11
FileIoPriorityHintInfo = 12
IoPriorityHintVeryLow = 0
IoPriorityHintLow = 1
IoPriorityHintNormal = 2
FileIdType = 0
ObjectIdType = 1

_ansi = [True]  # the file APIs' code page: ANSI until SetFileApisToOEM
_ansi_lock = threading.Lock()


def AreFileApisANSI() -> int:
    """1 while the file APIs use the ANSI code page (the start), 0 after SetFileApisToOEM."""
    with _ansi_lock:
        return int(_ansi[0])


def SetFileApisToANSI() -> None:
    """Make the file APIs' code page ANSI (this process only)."""
    with _ansi_lock:
        _ansi[0] = True


def SetFileApisToOEM() -> None:
    """Make the file APIs' code page OEM (this process only)."""
    with _ansi_lock:
        _ansi[0] = False


def _native_64_bit(funcname: str) -> Win32Error:
    return Win32Error.from_code(
        ERROR_INVALID_FUNCTION, "a 64-bit process has no WOW64 redirection", funcname
    )


def Wow64DisableWow64FsRedirection() -> int:
    """Fails with ERROR_INVALID_FUNCTION: a native 64-bit process is never redirected."""
    raise _native_64_bit("Wow64DisableWow64FsRedirection")


def Wow64RevertWow64FsRedirection(OldValue: object, /) -> None:
    """Fails with ERROR_INVALID_FUNCTION, as its Disable does."""
    raise _native_64_bit("Wow64RevertWow64FsRedirection")


@api("FileEncryptionStatus")
def FileEncryptionStatus(FileName: object, /) -> int:
    """FILE_SYSTEM_NOT_SUPPORT for an existing file or folder: no EFS here; 2/3 if missing."""
    path = text_arg(FileName)
    kernel.file_attributes(path)  # fails as Windows does for a missing file
    return FILE_SYSTEM_NOT_SUPPORT


def SfcIsFileProtected(ProtFileName: object, /) -> bool:
    """False: Windows File Protection guards no file here."""
    text_arg(ProtFileName)
    return False


@api("GetBinaryType")
def GetBinaryType(appName: object, /) -> int:
    """SCS_* of a Windows program file; ERROR_BAD_EXE_FORMAT (193) for any other file."""
    return kernel.binary_type(text_arg(appName))
