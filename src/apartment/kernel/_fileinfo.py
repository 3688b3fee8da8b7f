"""What a file's path or handle tells without reading it: attributes, times and size.

Windows keeps DOS attributes and a creation time; Linux keeps neither, so both are derived
from ``stat`` as Wine derives them (Windows' own rules where they can be mapped):

* a directory is FILE_ATTRIBUTE_DIRECTORY, any other file FILE_ATTRIBUTE_ARCHIVE;
* FILE_ATTRIBUTE_READONLY is a file the owner may not write (no ``S_IWUSR``), and setting
  it removes every write permission (clearing it gives the owner's back);
* FILE_ATTRIBUTE_HIDDEN is a name that starts with a dot (Wine's default);
* the creation time is the last write time (Linux has no creation time one can set).

Other attributes (SYSTEM, TEMPORARY, clearing ARCHIVE ...) are accepted and not kept.
Times are aware datetimes in UTC, to the microsecond.
"""

from __future__ import annotations

import datetime as _dt
import os
import stat
from typing import NamedTuple

from ..errors import ERROR_PATH_NOT_FOUND, Win32Error
from ._file import os_error
from ._filemodes import (
    FILE_ATTRIBUTE_ARCHIVE,
    FILE_ATTRIBUTE_DIRECTORY,
    FILE_ATTRIBUTE_HIDDEN,
    FILE_ATTRIBUTE_READONLY,
)

__all__ = [
    "FileInfo",
    "file_attributes",
    "file_info",
    "info_of",
    "set_file_attributes",
    "to_ns",
]

_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


class FileInfo(NamedTuple):
    """A file's attributes, times and size (GetFileAttributesEx, FileBasicInfo, find data).

    ``changed`` is the last change of the file's metadata or data (NTFS's ChangeTime);
    ``allocated`` the bytes the file takes on the disk; ``links`` its number of names;
    ``volume`` and ``file_index`` what identifies it (the device and the inode: Windows' volume
    serial number and file index, GetFileInformationByHandle).
    """

    attributes: int
    created: _dt.datetime
    accessed: _dt.datetime
    written: _dt.datetime
    changed: _dt.datetime
    size: int
    allocated: int = 0
    links: int = 1
    volume: int = 0
    file_index: int = 0


def _time(ns: int) -> _dt.datetime:
    return _EPOCH + _dt.timedelta(microseconds=ns // 1000)


def to_ns(when: _dt.datetime) -> int:
    """Nanoseconds since 1970 of a datetime; a naive one is read as UTC."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    delta = when - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000_000 + delta.microseconds * 1000


def _attributes(info: os.stat_result, name: str) -> int:
    if stat.S_ISDIR(info.st_mode):
        found = FILE_ATTRIBUTE_DIRECTORY
    else:
        found = FILE_ATTRIBUTE_ARCHIVE
        if not info.st_mode & stat.S_IWUSR:
            found |= FILE_ATTRIBUTE_READONLY
    if name.startswith(".") and name not in (".", ".."):
        found |= FILE_ATTRIBUTE_HIDDEN
    return found


def info_of(info: os.stat_result, name: str) -> FileInfo:
    """Read a ``stat`` result as Windows would show the file ``name`` (its last component)."""
    written = _time(info.st_mtime_ns)
    return FileInfo(
        _attributes(info, name),
        written,
        _time(info.st_atime_ns),
        written,
        _time(info.st_ctime_ns),
        0 if stat.S_ISDIR(info.st_mode) else info.st_size,
        info.st_blocks * 512,
        info.st_nlink,
        info.st_dev & 0xFFFFFFFF,
        info.st_ino,
    )


def _stat(path: str, doing: str) -> os.stat_result:
    if not isinstance(path, str):
        raise TypeError(f"a path is a str, not {type(path).__name__}")
    if not path:  # Windows' answer for an empty name
        raise Win32Error.from_code(ERROR_PATH_NOT_FOUND, "an empty path names nothing")
    try:
        return os.stat(path)
    except (OSError, ValueError) as exc:
        if isinstance(exc, ValueError):  # an embedded NUL
            raise Win32Error.from_code(ERROR_PATH_NOT_FOUND, f"{path!r} is not a path") from None
        raise os_error(exc, f"{doing} {path!r}") from None


def file_info(path: str) -> FileInfo:
    """The attributes, times and size of the file or directory ``path`` (GetFileAttributesEx).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND (an empty path included).
    """
    return info_of(_stat(path, "reading the attributes of"), os.path.basename(path.rstrip("/")))


def file_attributes(path: str) -> int:
    """The FILE_ATTRIBUTE_* bits of ``path`` (GetFileAttributes); raises as :func:`file_info`."""
    return file_info(path).attributes


def set_file_attributes(path: str, attributes: int) -> None:
    """Set the attributes of ``path`` (SetFileAttributes): only READONLY is kept, on files.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND, ERROR_ACCESS_DENIED.
    """
    if not isinstance(attributes, int):
        raise TypeError(f"attributes are an int, not {type(attributes).__name__}")
    info = _stat(path, "setting the attributes of")
    if stat.S_ISDIR(info.st_mode):
        return  # a directory's READONLY means nothing to Windows' file system either
    mode = stat.S_IMODE(info.st_mode)
    if attributes & FILE_ATTRIBUTE_READONLY:
        wanted = mode & ~_WRITE_BITS
    else:
        wanted = mode | stat.S_IWUSR if not mode & stat.S_IWUSR else mode
    if wanted != mode:
        try:
            os.chmod(path, wanted)
        except OSError as exc:
            raise os_error(exc, f"setting the attributes of {path!r}") from None
