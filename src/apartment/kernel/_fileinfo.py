"""What a file's path or handle tells without reading it: attributes, times and size.

Windows keeps DOS attributes and a creation time; Linux keeps neither, so both are derived
from ``stat`` as Wine derives them (Windows' own rules where they can be mapped):

* a directory is FILE_ATTRIBUTE_DIRECTORY, any other file FILE_ATTRIBUTE_ARCHIVE;
* FILE_ATTRIBUTE_READONLY is a file the owner may not write (no ``S_IWUSR``), and setting
  it removes every write permission (clearing it gives the owner's back);
* FILE_ATTRIBUTE_HIDDEN is a name that starts with a dot (Wine's default);
* what SetFileAttributes set beyond READONLY (HIDDEN, SYSTEM, a cleared ARCHIVE ...) is kept
  in the file's ``user.DOSATTRIB`` extended attribute (:mod:`._dosattrib`) and, once kept,
  replaces the two rules above; a file with no attribute left is FILE_ATTRIBUTE_NORMAL;
* the creation time is the last write time (Linux has no creation time one can set).

Times are aware datetimes in UTC, to the microsecond.
"""

from __future__ import annotations

import datetime as _dt
import os
import stat
from typing import NamedTuple

from ..errors import ERROR_PATH_NOT_FOUND, Win32Error
from ._dosattrib import keep_attributes, kept_attributes
from ._file import os_error
from ._filemodes import (
    FILE_ATTRIBUTE_ARCHIVE,
    FILE_ATTRIBUTE_DIRECTORY,
    FILE_ATTRIBUTE_HIDDEN,
    FILE_ATTRIBUTE_NORMAL,
    FILE_ATTRIBUTE_READONLY,
)
from ._verbatim import local_path

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


def _attributes(info: os.stat_result, name: str, path: str | int | None) -> int:
    kept = None if path is None else kept_attributes(path, info)
    if stat.S_ISDIR(info.st_mode):
        found = FILE_ATTRIBUTE_DIRECTORY
    else:
        found = FILE_ATTRIBUTE_ARCHIVE if kept is None else 0
        if not info.st_mode & stat.S_IWUSR:
            found |= FILE_ATTRIBUTE_READONLY
    if kept is not None:
        found |= kept
    elif name.startswith(".") and name not in (".", ".."):
        found |= FILE_ATTRIBUTE_HIDDEN
    return found or FILE_ATTRIBUTE_NORMAL


def info_of(info: os.stat_result, name: str, path: str | int | None = None) -> FileInfo:
    """Read a ``stat`` result as Windows would show the file ``name`` (its last component).

    ``path`` (or an open fd) names the file for the attributes kept beside it; without it they
    are derived.
    """
    written = _time(info.st_mtime_ns)
    return FileInfo(
        _attributes(info, name, path),
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
    path = local_path(path)
    info = _stat(path, "reading the attributes of")
    return info_of(info, os.path.basename(path.rstrip("/")), path)


def file_attributes(path: str) -> int:
    """The FILE_ATTRIBUTE_* bits of ``path`` (GetFileAttributes); raises as :func:`file_info`."""
    return file_info(path).attributes


def set_file_attributes(path: str, attributes: int) -> None:
    """Set the attributes of ``path`` to ``attributes`` (SetFileAttributes).

    A file's READONLY is its write bits; the rest is kept beside it (:mod:`._dosattrib`), before
    the write bits go (an extended attribute needs them) and after they come back.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND, ERROR_ACCESS_DENIED.
    """
    if not isinstance(attributes, int):
        raise TypeError(f"attributes are an int, not {type(attributes).__name__}")
    info = _stat(path, "setting the attributes of")
    if stat.S_ISDIR(info.st_mode):
        _keep(path, info, attributes)
        return
    if attributes & FILE_ATTRIBUTE_READONLY:
        _keep(path, info, attributes)
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
    if not attributes & FILE_ATTRIBUTE_READONLY:
        _keep(path, info, attributes)


def _keep(path: str, info: os.stat_result, attributes: int) -> None:
    try:
        keep_attributes(path, info, attributes)
    except OSError as exc:
        raise os_error(exc, f"setting the attributes of {path!r}") from None
