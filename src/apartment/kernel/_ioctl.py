"""DeviceIoControl on files: the controls programs send most, answered as Windows answers them.

* FSCTL_GET_REPARSE_POINT: a symbolic link opened with FILE_FLAG_OPEN_REPARSE_POINT gives its
  REPARSE_DATA_BUFFER (tag IO_REPARSE_TAG_SYMLINK, the target as substitute and print name,
  SYMLINK_FLAG_RELATIVE for a relative target); any other file ERROR_NOT_A_REPARSE_POINT.
  An output buffer smaller than the header is ERROR_INSUFFICIENT_BUFFER, one smaller than
  the whole ERROR_MORE_DATA.
* FSCTL_SET_REPARSE_POINT: a symbolic link's tag needs SeCreateSymbolicLinkPrivilege, which
  a standard user has not: ERROR_PRIVILEGE_NOT_HELD; a buffer too short for its header
  ERROR_INVALID_REPARSE_DATA; other tags (junctions, vendors' tags) are not supported here.
* FSCTL_DELETE_REPARSE_POINT: ERROR_NOT_A_REPARSE_POINT unless the file is a link (then the
  privilege is missing, as for SET).
* FSCTL_SET_SPARSE: accepted (Linux files are sparse wherever never written).
* IOCTL_DISK_GET_DRIVE_GEOMETRY (and the other disk controls, device type 7): a file is no
  disk: ERROR_NOT_SUPPORTED, as the oracle answers;
* every other control: ERROR_INVALID_FUNCTION (STATUS_INVALID_DEVICE_REQUEST).

FSCTL_GET_REPARSE_POINT without an output buffer is ERROR_INVALID_USER_BUFFER.
"""

from __future__ import annotations

import os
import stat
import struct

from ..errors import (
    ERROR_INSUFFICIENT_BUFFER,
    ERROR_INVALID_FUNCTION,
    ERROR_MORE_DATA,
    ERROR_NOT_SUPPORTED,
    ERROR_PRIVILEGE_NOT_HELD,
    Win32Error,
)
from ._file import File, os_error
from ._volumes import ERROR_NOT_A_REPARSE_POINT

__all__ = [
    "ERROR_INVALID_REPARSE_DATA",
    "FSCTL_DELETE_REPARSE_POINT",
    "FSCTL_GET_REPARSE_POINT",
    "FSCTL_SET_REPARSE_POINT",
    "FSCTL_SET_SPARSE",
    "IO_REPARSE_TAG_SYMLINK",
    "device_control",
    "reparse_tag",
    "symlink_reparse_data",
]

FSCTL_SET_REPARSE_POINT = 0x900A4
FSCTL_GET_REPARSE_POINT = 0x900A8
FSCTL_DELETE_REPARSE_POINT = 0x900AC
FSCTL_SET_SPARSE = 0x900C4
IO_REPARSE_TAG_SYMLINK = 0xA000000C
ERROR_INVALID_REPARSE_DATA = 4392
ERROR_INVALID_USER_BUFFER = 1784
_SYMLINK_FLAG_RELATIVE = 1
_FILE_DEVICE_DISK = 7  # IOCTL_DISK_*'s device type (CTL_CODE's high word)
_HEADER = struct.Struct("<IHH")  # ReparseTag, ReparseDataLength, Reserved
_SYMLINK = struct.Struct("<HHHHI")  # substitute offset/length, print offset/length, flags


def symlink_reparse_data(target: str) -> bytes:
    """The REPARSE_DATA_BUFFER of a symbolic link to ``target`` (``/`` kept as it is)."""
    name = target.encode("utf-16-le")
    relative = not target.startswith("/")
    body = _SYMLINK.pack(0, len(name), len(name), len(name), _SYMLINK_FLAG_RELATIVE * relative)
    body += name + name
    return _HEADER.pack(IO_REPARSE_TAG_SYMLINK, len(body), 0) + body


def _link_target(file: File) -> str | None:
    """The target of ``file`` if it is a symbolic link opened itself, else None."""
    descriptor = getattr(file, "descriptor", None)
    if descriptor is None:
        return None
    fd = descriptor()
    try:
        if not stat.S_ISLNK(os.fstat(fd).st_mode):
            return None
        return os.readlink(file.name)
    except OSError as exc:
        raise os_error(exc, f"reading the link {file.name!r}") from None


def reparse_tag(file: File) -> int:
    """IO_REPARSE_TAG_SYMLINK for a symbolic link opened itself, else 0 (no reparse point)."""
    return IO_REPARSE_TAG_SYMLINK if _link_target(file) is not None else 0


def device_control(file: File, code: int, data: bytes, out_size: int) -> bytes:
    """Send control ``code`` with input ``data`` to ``file``; the output, at most ``out_size``.

    Raises:
        Win32Error: the codes of the module docstring.
    """
    if code == FSCTL_GET_REPARSE_POINT:
        if not out_size:
            raise Win32Error.from_code(ERROR_INVALID_USER_BUFFER, "no output buffer")
        target = _link_target(file)
        if target is None:
            raise Win32Error.from_code(ERROR_NOT_A_REPARSE_POINT, f"{file.name!r} is no link")
        answer = symlink_reparse_data(target)
        if out_size < _HEADER.size:
            raise Win32Error.from_code(ERROR_INSUFFICIENT_BUFFER, "no room for the header")
        if out_size < len(answer):
            raise Win32Error.from_code(ERROR_MORE_DATA, f"the data needs {len(answer)} bytes")
        return answer
    if code == FSCTL_SET_REPARSE_POINT:
        if len(data) < _HEADER.size:
            raise Win32Error.from_code(ERROR_INVALID_REPARSE_DATA, "no reparse header")
        tag = _HEADER.unpack_from(data)[0]
        if tag == IO_REPARSE_TAG_SYMLINK:
            raise Win32Error.from_code(
                ERROR_PRIVILEGE_NOT_HELD, "a symbolic link needs SeCreateSymbolicLinkPrivilege"
            )
        raise Win32Error.from_code(ERROR_INVALID_FUNCTION, f"reparse tag {tag:#x} is not served")
    if code == FSCTL_DELETE_REPARSE_POINT:
        if _link_target(file) is None:
            raise Win32Error.from_code(ERROR_NOT_A_REPARSE_POINT, f"{file.name!r} is no link")
        raise Win32Error.from_code(
            ERROR_PRIVILEGE_NOT_HELD, "removing a link's reparse data needs a privilege"
        )
    if code == FSCTL_SET_SPARSE:
        return b""
    if code >> 16 == _FILE_DEVICE_DISK:
        raise Win32Error.from_code(ERROR_NOT_SUPPORTED, f"{file.name!r} is no disk")
    raise Win32Error.from_code(
        ERROR_INVALID_FUNCTION, f"control {code:#x} is not served for {file.name!r}"
    )
