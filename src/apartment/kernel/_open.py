r"""CreateFile's entry point: a disk file, or a named pipe (``\\.\pipe\``), mailslot or COM port."""

from __future__ import annotations

import os
import stat

from ..errors import ERROR_ACCESS_DENIED, ERROR_PATH_NOT_FOUND, InvalidParameterError, Win32Error
from ._commopen import comm_port_name, open_comm_port
from ._diskfile import open_disk_file
from ._file import File, os_error
from ._filemodes import CREATE_NEW, OPEN_EXISTING, REMOVE, SHARE_ALL, TRUNCATE_EXISTING
from ._handles import SYNCHRONIZE, handles
from ._mailslot import mailslot_name, open_mailslot_client
from ._pipeclient import open_pipe_client
from ._pipename import pipe_name
from ._share import claim
from ._verbatim import local_path

__all__ = ["delete_file", "open_file"]


def open_file(
    path: str,
    access: int,
    share: int = 0,
    disposition: int = OPEN_EXISTING,
    flags: int = 0,
) -> File:
    r"""Open a file, a directory or the client end of a named pipe, as CreateFile does.

    ``access`` (GENERIC_READ, GENERIC_WRITE, file rights), ``share`` (FILE_SHARE_*),
    ``disposition`` (CREATE_NEW ... TRUNCATE_EXISTING) and ``flags`` (FILE_FLAG_*,
    FILE_ATTRIBUTE_*) have CreateFile's values and meaning. A path ``\\.\pipe\NAME``
    connects to a listening instance of that pipe; anything else is a path of the file
    system. ``already_existed`` tells whether CREATE_ALWAYS or OPEN_ALWAYS found the file.
    The file's access always has SYNCHRONIZE, which CreateFile adds (Wine, ReactOS:
    ``CreateFileW``), so a handle opened with any access can be waited on.

    Raises:
        Win32Error: with CreateFile's codes (ERROR_FILE_NOT_FOUND, ERROR_SHARING_VIOLATION,
            ERROR_PIPE_BUSY, ...).
    """
    if not isinstance(path, str):
        raise TypeError(f"a path is a str, not {type(path).__name__}")
    if not path or "\0" in path:
        raise InvalidParameterError(f"{path!r} is not a path")
    if not CREATE_NEW <= disposition <= TRUNCATE_EXISTING:  # checked first, for every kind
        raise InvalidParameterError(f"{disposition!r} is not a creation disposition")
    handles.collect()  # a handle dropped to the collector still holds its file: let it go
    access |= SYNCHRONIZE  # CreateFile always asks for it: any file handle may be waited on
    if pipe_name(path) is not None:
        return open_pipe_client(path, access, flags)
    if mailslot_name(path) is not None:
        return open_mailslot_client(path, access, share)
    if comm_port_name(path) is not None:  # COM1, \\.\COM3: a serial port (APARTMENT_COMPORTS)
        return open_comm_port(path, access, flags)
    return open_disk_file(local_path(path), access, share, disposition, flags)


def delete_file(path: str) -> None:
    """Delete a file (DeleteFile): refused while a handle to it does not share delete.

    A read-only file (FILE_ATTRIBUTE_READONLY: its owner may not write it) is refused with
    ERROR_ACCESS_DENIED, as Windows refuses it, although Linux would unlink it.

    Raises:
        SharingViolationError: a handle to the file is open without FILE_SHARE_DELETE.
        Win32Error: ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND, ERROR_ACCESS_DENIED.
    """
    handles.collect()
    if not path:  # Windows: an empty path is a path not found
        raise Win32Error.from_code(ERROR_PATH_NOT_FOUND, "an empty path names no file")
    path = local_path(path)
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError as exc:
        raise os_error(exc, f"deleting {path!r}") from None
    if stat.S_ISREG(info.st_mode) and not info.st_mode & stat.S_IWUSR:
        raise Win32Error.from_code(
            ERROR_ACCESS_DENIED,
            f"{path!r} is read-only: clear FILE_ATTRIBUTE_READONLY (SetFileAttributes) first",
        )
    record = claim(info.st_dev, info.st_ino, REMOVE, SHARE_ALL, path)
    try:
        os.unlink(path)
    except OSError as exc:
        raise os_error(exc, f"deleting {path!r}") from None
    finally:
        record.release()
