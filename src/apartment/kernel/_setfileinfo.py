"""SetFileInformationByHandle's classes on an open disk file.

* end of file (FileEndOfFileInfo): the file's size becomes the value, the file pointer stays;
* allocation (FileAllocationInfo): a size below the end of file cuts the file there (Windows
  moves the end of file down with the allocation); a larger one is accepted (Linux allocates
  on write);
* basic (FileBasicInfo): the access and write times (a time of None or 0 is kept, as
  Windows keeps a zero LARGE_INTEGER) and the attributes (READONLY kept, as SetFileAttributes);
* rename (FileRenameInfo): a move of the open file to a new name, replacing an existing file
  only when asked; the handle then names the new path;
* disposition (FileDispositionInfo): delete the file when its last handle closes (needs
  DELETE access), or take that back;
* I/O priority hint: accepted, not used.

Each change needs the access Windows asks for (FILE_WRITE_DATA for sizes,
FILE_WRITE_ATTRIBUTES for basic information, DELETE for a rename or delete):
ERROR_ACCESS_DENIED otherwise.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..errors import ERROR_ACCESS_DENIED, ERROR_INVALID_PARAMETER, Win32Error
from ._diskfile import DiskFile
from ._file import File, os_error
from ._fileinfo import set_file_attributes
from ._filemodes import DELETE, FILE_APPEND_DATA, FILE_WRITE_ATTRIBUTES, FILE_WRITE_DATA
from ._ioservice import IO_LOCK
from ._pathops import move_file

if TYPE_CHECKING:
    from datetime import datetime

__all__ = [
    "set_allocation_size",
    "set_basic_info",
    "set_delete_disposition",
    "set_end_of_file",
    "set_file_name",
]


def _disk(file: File, access: int, doing: str) -> DiskFile:
    if not isinstance(file, DiskFile):
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"{file!r} is not a disk file")
    if not file.access & access:
        raise Win32Error.from_code(ERROR_ACCESS_DENIED, f"{file.name!r} was not opened to {doing}")
    return file


def set_end_of_file(file: File, size: int) -> None:
    """Make ``file`` ``size`` bytes long (FileEndOfFileInfo); the file pointer stays."""
    disk = _disk(file, FILE_WRITE_DATA | FILE_APPEND_DATA, "change its size")
    if size < 0:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "a size is 0 or more")
    try:
        os.ftruncate(disk.descriptor(), size)
    except OSError as exc:
        raise os_error(exc, f"setting the end of {file.name!r}") from None


def set_allocation_size(file: File, size: int) -> None:
    """Set the space kept for ``file`` (FileAllocationInfo): below its size, it is cut."""
    disk = _disk(file, FILE_WRITE_DATA | FILE_APPEND_DATA, "change its allocation")
    if size < 0:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "a size is 0 or more")
    if size < disk.size():
        set_end_of_file(disk, size)


def set_basic_info(
    file: File, accessed: datetime | None, written: datetime | None, attributes: int
) -> None:
    """Set ``file``'s access and write times (None keeps one) and attributes (0 keeps them)."""
    disk = _disk(file, FILE_WRITE_ATTRIBUTES, "set its attributes")
    disk.set_times(None, accessed, written)
    if attributes:
        set_file_attributes(disk.name, attributes)


def set_file_name(file: File, name: str, *, replace: bool) -> None:
    """Move the open ``file`` to ``name`` (FileRenameInfo); the handle follows it."""
    disk = _disk(file, DELETE, "rename it")
    move_file(disk.name, name, replace=replace, copy_allowed=False)
    with IO_LOCK:
        disk.name = disk._path = os.path.abspath(name)


def set_delete_disposition(file: File, delete: bool) -> None:
    """Have ``file`` deleted when its last handle closes (FileDispositionInfo), or not."""
    disk = _disk(file, DELETE, "delete it")
    with IO_LOCK:
        disk._delete_on_close = delete
        record = disk._record
    if delete and record is not None:
        record.delete_on_close(disk.name)
