"""win32file's names about volumes, DOS devices, streams, links, EFS and device controls.

Each converts pywin32's arguments and calls one core function of :mod:`apartment.kernel`
(``_volumes``, ``_replacefile``, ``_efs``, ``_ioctl``, ``_setfileinfo`` say how Windows
behaves and what Linux allows). win32file star-imports this module.
"""

from __future__ import annotations

import operator
from typing import Any

from .. import kernel
from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_INVALID_HANDLE,
    ERROR_INVALID_PARAMETER,
    ERROR_PRIVILEGE_NOT_HELD,
    Win32Error,
)
from ._adapt import api, as_bool, dword
from ._buffers import data_arg, text_arg
from ._handles import PyHANDLE, handle_value, lookup, new_handle
from ._timeconv import time_arg
from .pywintypes import overlapped_arg

__all__ = [
    "ReplaceFile", "ReOpenFile", "SetFileInformationByHandle", "DeviceIoControl",
    "QueryDosDevice", "DefineDosDevice", "DefineDosDeviceW", "FindStreams", "FindFileNames",
    "EncryptFile", "DecryptFile", "QueryUsersOnEncryptedFile",
    "QueryRecoveryAgentsOnEncryptedFile", "AddUsersToEncryptedFile",
    "RemoveUsersFromEncryptedFile", "DuplicateEncryptionInfoFile", "EncryptionDisable",
    "OpenEncryptedFileRaw", "ReadEncryptedFileRaw", "WriteEncryptedFileRaw",
    "CloseEncryptedFileRaw", "GetVolumeNameForVolumeMountPoint",
    "GetVolumePathNamesForVolumeName", "SetVolumeMountPoint", "DeleteVolumeMountPoint",
    "SetVolumeLabel", "SetFileShortName", "SfcGetNextProtectedFile", "FindClose",
    "OpenFileById",
]  # fmt: skip

_FILE_BASIC, _FILE_RENAME, _FILE_DISPOSITION = 0, 3, 4
_FILE_ALLOCATION, _FILE_END_OF_FILE, _FILE_IO_PRIORITY = 5, 6, 12
_OPEN_EXISTING = 3
_ATTRIBUTE_BITS = 0xFFFF  # FILE_ATTRIBUTE_*: ReOpenFile takes flags only


def _int(value: object) -> int:
    return operator.index(value)  # type: ignore[arg-type]


@api("ReplaceFile")
def ReplaceFile(
    ReplacedFileName: str,
    ReplacementFileName: str,
    BackupFileName: str | None = None,
    ReplaceFlags: int = 0,
    Exclude: object = None,
    Reserved: object = None,
    /,
) -> None:
    """Put ``ReplacementFileName`` in ``ReplacedFileName``'s place, optionally backing it up."""
    dword(ReplaceFlags)
    backup = None if BackupFileName is None else text_arg(BackupFileName)
    kernel.replace_file(text_arg(ReplacedFileName), text_arg(ReplacementFileName), backup)


@api("ReOpenFile")
def ReOpenFile(OriginalFile: object, DesiredAccess: int, ShareMode: int, Flags: int) -> PyHANDLE:
    """Open the file of ``OriginalFile`` again, with other access, sharing and flags."""
    file = lookup(OriginalFile, kernel.File)
    flags = dword(Flags)
    if flags & _ATTRIBUTE_BITS:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "ReOpenFile takes no attributes")
    again = kernel.open_file(file.name, dword(DesiredAccess), dword(ShareMode), _OPEN_EXISTING,
                             flags)  # fmt: skip
    return new_handle(again, again.access)


@api("SetFileInformationByHandle")
def SetFileInformationByHandle(File: object, FileInformationClass: int, Information: Any) -> None:  # noqa: ANN401
    """Set one class of information of an open file (pywin32's value for each class)."""
    file = lookup(File, kernel.File)
    kind = _int(FileInformationClass)
    if kind == _FILE_END_OF_FILE:
        kernel.set_end_of_file(file, _int(Information))
    elif kind == _FILE_ALLOCATION:
        kernel.set_allocation_size(file, _int(Information))
    elif kind == _FILE_BASIC:
        info = dict(Information)
        for key in ("CreationTime", "LastAccessTime", "LastWriteTime", "ChangeTime"):
            if key not in info:  # pywin32 wants each of FILE_BASIC_INFO's fields
                raise TypeError(f"function missing required argument '{key}'")
        accessed, written = info["LastAccessTime"], info["LastWriteTime"]
        kernel.set_basic_info(
            file,
            None if not accessed else time_arg(accessed),
            None if not written else time_arg(written),
            dword(info.get("FileAttributes", 0)),
        )
    elif kind == _FILE_RENAME:
        info = dict(Information)
        replace = as_bool(info.get("ReplaceIfExists", False))
        kernel.set_file_name(file, text_arg(info["FileName"]), replace=replace)
    elif kind == _FILE_DISPOSITION:
        kernel.set_delete_disposition(file, as_bool(Information))
    elif kind == _FILE_IO_PRIORITY:
        _int(Information)
    else:
        raise NotImplementedError("Unsupported file information class")


@api("DeviceIoControl")
def DeviceIoControl(
    Device: object,
    IoControlCode: int,
    InBuffer: object,
    OutBuffer: object,
    Overlapped: object = None,
) -> object:
    """Send a control code to a file or device; the output bytes (see kernel._ioctl)."""
    file = lookup(Device, kernel.File)
    data = b"" if InBuffer is None else bytes(data_arg(InBuffer))
    overlapped_arg(Overlapped)
    if OutBuffer is None:
        size = 0
    elif isinstance(OutBuffer, int):
        size = OutBuffer
    else:
        target = memoryview(OutBuffer)  # type: ignore[arg-type]
        answer = kernel.device_control(file, dword(IoControlCode), data, target.nbytes)
        target[: len(answer)] = answer
        return target[: len(answer)]
    return kernel.device_control(file, dword(IoControlCode), data, size)


@api("QueryDosDevice")
def QueryDosDevice(DeviceName: str | None, /) -> str:
    """The targets of a DOS device name (every name for None), each ending in a NUL, then a NUL."""
    name = None if DeviceName is None else text_arg(DeviceName)
    return "".join(item + "\0" for item in kernel.query_dos_device(name)) + "\0"


@api("DefineDosDevice")
def DefineDosDevice(Flags: int, DeviceName: str, TargetPath: str, /) -> None:
    r"""Define or remove a DOS device name for this process (see kernel._volumes).

    A target is stored as ``\??\TARGET`` unless DDD_RAW_TARGET_PATH says it is an NT path.
    """
    if not isinstance(TargetPath, str):
        raise TypeError(f"{TargetPath!r} is not a valid string in this context")
    flags = dword(Flags)
    target = TargetPath
    if target and not flags & (kernel.DDD_RAW_TARGET_PATH | kernel.DDD_REMOVE_DEFINITION):
        target = "\\??\\" + target
    kernel.define_dos_device(flags, text_arg(DeviceName), target or None)


DefineDosDeviceW = DefineDosDevice


@api("FindStreams")
def FindStreams(FileName: str, Transaction: object = None) -> list[tuple[int, str]]:
    """The streams of a file as ``(size, name)``: one ``::$DATA`` on Linux, none for a folder."""
    return [tuple(stream) for stream in kernel.file_streams(text_arg(FileName))]  # type: ignore[misc]


@api("FindFileNames")
def FindFileNames(FileName: str, Transaction: object = None) -> list[str]:
    """The names (hard links) of a file, from its volume's root (see kernel._volumes)."""
    return kernel.hard_link_names(text_arg(FileName))


def _efs(name: str, doing: str) -> None:
    kernel.refuse_efs(text_arg(name), doing)


@api("EncryptFile")
def EncryptFile(filename: str, /) -> None:
    _efs(filename, "encrypting")


@api("DecryptFile")
def DecryptFile(FileName: str, /) -> None:
    _efs(FileName, "decrypting")


@api("QueryUsersOnEncryptedFile")
def QueryUsersOnEncryptedFile(FileName: str, /) -> tuple[object, ...]:
    _efs(FileName, "listing the users of")
    return ()


@api("QueryRecoveryAgentsOnEncryptedFile")
def QueryRecoveryAgentsOnEncryptedFile(FileName: str, /) -> tuple[object, ...]:
    _efs(FileName, "listing the recovery agents of")
    return ()


@api("AddUsersToEncryptedFile")
def AddUsersToEncryptedFile(FileName: str, EncryptionCertificates: object, /) -> None:
    _efs(FileName, "adding users to")


@api("RemoveUsersFromEncryptedFile")
def RemoveUsersFromEncryptedFile(FileName: str, pHashes: object, /) -> None:
    _efs(FileName, "removing users from")


@api("DuplicateEncryptionInfoFile")
def DuplicateEncryptionInfoFile(
    SrcFileName: str,
    DstFileName: str,
    CreationDisposition: int,
    Attributes: int,
    SecurityAttributes: object = None,
) -> None:
    text_arg(DstFileName)
    _efs(SrcFileName, "copying the encryption of")


@api("EncryptionDisable")
def EncryptionDisable(DirPath: str, Disable: object, /) -> None:
    """Forbid (or allow) encryption in a folder: no folder here can be encrypted anyway."""
    as_bool(Disable)
    _efs(DirPath, "disabling encryption in")


@api("OpenEncryptedFileRaw")
def OpenEncryptedFileRaw(FileName: str, Flags: int, /) -> object:
    dword(Flags)
    _efs(FileName, "opening the raw encrypted data of")
    return None  # pragma: no cover - refused above


def _no_context(Context: object) -> None:
    raise TypeError("The object is not a PyCObject (a raw encrypted file's context)")


@api("ReadEncryptedFileRaw")
def ReadEncryptedFileRaw(
    ExportCallback: object, CallbackContext: object, Context: object, /
) -> None:
    _no_context(Context)  # OpenEncryptedFileRaw never gives one here


@api("WriteEncryptedFileRaw")
def WriteEncryptedFileRaw(
    ImportCallback: object, CallbackContext: object, Context: object, /
) -> None:
    _no_context(Context)


@api("CloseEncryptedFileRaw")
def CloseEncryptedFileRaw(Context: object, /) -> None:
    _no_context(Context)


@api("GetVolumeNameForVolumeMountPoint")
def GetVolumeNameForVolumeMountPoint(VolumeMountPoint: str) -> str:
    r"""The ``\\?\Volume{GUID}\`` name of the file system mounted on a folder."""
    return kernel.volume_name_of_mount_point(text_arg(VolumeMountPoint))


@api("GetVolumePathNamesForVolumeName")
def GetVolumePathNamesForVolumeName(VolumeName: str) -> list[str]:
    """The folders a volume is mounted on."""
    return kernel.mount_points_of_volume(text_arg(VolumeName))


@api("SetVolumeMountPoint")
def SetVolumeMountPoint(VolumeMountPoint: str, VolumeName: str) -> None:
    kernel.set_volume_mount_point(text_arg(VolumeMountPoint), text_arg(VolumeName))


@api("DeleteVolumeMountPoint")
def DeleteVolumeMountPoint(VolumeMountPoint: str) -> None:
    kernel.delete_volume_mount_point(text_arg(VolumeMountPoint))


@api("SetVolumeLabel")
def SetVolumeLabel(RootPathName: str | None, VolumeName: str | None, /) -> None:
    root = None if RootPathName is None else text_arg(RootPathName)
    kernel.set_volume_label(root, None if VolumeName is None else text_arg(VolumeName))


@api("SetFileShortName")
def SetFileShortName(hFile: object, ShortName: str, /) -> None:
    """Refused: setting a short (8.3) name needs SeRestorePrivilege, an administrator's."""
    lookup(hFile, kernel.File)
    text_arg(ShortName)
    raise Win32Error.from_code(ERROR_PRIVILEGE_NOT_HELD, "a short name needs SeRestorePrivilege")


def SfcGetNextProtectedFile() -> list[str]:
    """The files System File Protection guards: none here (SfcIsFileProtected agrees)."""
    return []


@api("FindClose")
def FindClose(hFindFile: object, /) -> None:
    """Close a find handle: none of this library's handles is one (ERROR_INVALID_HANDLE)."""
    value = handle_value(hFindFile)
    raise Win32Error.from_code(ERROR_INVALID_HANDLE, f"{value:#x} is no find handle")


@api("OpenFileById")
def OpenFileById(
    File: object,
    FileId: object,
    DesiredAccess: int,
    ShareMode: int,
    Flags: int,
    SecurityAttributes: object = None,
) -> PyHANDLE:
    """Refused: Linux opens a file by its number only with CAP_DAC_READ_SEARCH."""
    lookup(File, kernel.File)
    dword(DesiredAccess)
    dword(ShareMode)
    dword(Flags)
    raise Win32Error.from_code(ERROR_ACCESS_DENIED, "opening a file by its id needs a privilege")
