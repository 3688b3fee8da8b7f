"""The shell's data-transfer formats: item ID lists, CIDA and FILEGROUPDESCRIPTOR, as bytes.

A shell namespace object is named by an item ID list (ITEMIDLIST, shtypes.h): items, each a
USHORT byte count (the count's own two bytes included) and the item's bytes, ended by a count
of zero. The clipboard carries a selection of them as CFSTR_SHELLIDLIST, a CIDA (shlobj.h):
the UINT number of children, the UINT offsets of the parent's list and of each child's, then
the lists. CFSTR_FILEDESCRIPTOR carries a FILEGROUPDESCRIPTOR: a UINT count and that many
FILEDESCRIPTORs, whose ``flags`` (FD_*) say which of their fields hold something.

These are the layouts of Windows (little-endian, as every Windows target is); the helpers are
pure functions of the caller's thread. :mod:`apartment.win32`'s ``win32com.shell.shell``
translates pywin32's lists and dicts onto them.
"""

from __future__ import annotations

import dataclasses
import struct
import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "FD_ACCESSTIME",
    "FD_ATTRIBUTES",
    "FD_CLSID",
    "FD_CREATETIME",
    "FD_FILESIZE",
    "FD_SIZEPOINT",
    "FD_WRITESTIME",
    "FileDescriptor",
    "pack_cida",
    "pack_file_group",
    "pack_id_list",
    "unpack_cida",
    "unpack_file_group",
    "unpack_id_list",
]

FD_CLSID = 0x1
FD_SIZEPOINT = 0x2
FD_ATTRIBUTES = 0x4
FD_CREATETIME = 0x8
FD_ACCESSTIME = 0x10
FD_WRITESTIME = 0x20
FD_FILESIZE = 0x40

_MAX_PATH = 260
_ANSI = "cp1252"
_USHORT = struct.Struct("<H")
_UINT = struct.Struct("<I")
# dwFlags, clsid, sizel (cx, cy), pointl (x, y), dwFileAttributes, three FILETIMEs,
# nFileSizeHigh, nFileSizeLow; then cFileName[MAX_PATH] (WCHARs, or CHARs in the A form)
_HEAD = struct.Struct("<I16s2i2iIQQQII")
_WIDE = _HEAD.size + 2 * _MAX_PATH  # FILEDESCRIPTORW: 592 bytes
_NARROW = _HEAD.size + _MAX_PATH  # FILEDESCRIPTORA: 332 bytes


def pack_id_list(items: Sequence[bytes]) -> bytes:
    """An item ID list of ``items`` (each an item's bytes, without its count).

    Raises:
        TypeError: an item that is not bytes.
        ValueError: an item over 65533 bytes, which a USHORT count cannot hold.
    """
    parts = []
    for item in items:
        if not isinstance(item, bytes | bytearray | memoryview):
            raise TypeError(f"an item of an ID list is bytes, not {type(item).__name__}")
        data = bytes(item)
        if len(data) + 2 > 0xFFFF:
            raise ValueError(f"an item of {len(data)} bytes is too long for an ID list")
        parts.append(_USHORT.pack(len(data) + 2) + data)
    parts.append(b"\0\0")
    return b"".join(parts)


def unpack_id_list(data: bytes, offset: int = 0) -> list[bytes]:
    """The items of the ID list at ``offset`` of ``data``, up to its zero count.

    Raises:
        ValueError: an item whose count is under 3 (no bytes of its own) or runs past the
            data, or a list that is not ended by a zero count (empty data is the empty list).
    """
    data = bytes(data)
    items: list[bytes] = []
    if offset >= len(data):
        return items  # nothing at all: the empty list
    while True:
        if offset + 2 > len(data):
            raise ValueError("This string has an invalid sub-item (too short): no end")
        (count,) = _USHORT.unpack_from(data, offset)
        if count == 0:
            return items
        if count < 3 or offset + count > len(data):
            raise ValueError("This string has an invalid sub-item (too short)")
        items.append(data[offset + 2 : offset + count])
        offset += count


def pack_cida(parent: Sequence[bytes], children: Sequence[Sequence[bytes]]) -> bytes:
    """A CIDA: the parent folder's ID list and its children's (relative to it).

    Raises:
        TypeError, ValueError: as :func:`pack_id_list`.
    """
    lists = [pack_id_list(parent), *(pack_id_list(child) for child in children)]
    offset = _UINT.size * (len(lists) + 1)
    offsets = []
    for packed in lists:
        offsets.append(offset)
        offset += len(packed)
    return struct.pack(f"<{len(offsets) + 1}I", len(children), *offsets) + b"".join(lists)


def unpack_cida(data: bytes) -> tuple[list[bytes], list[list[bytes]]]:
    """The parent's ID list and the children's of a CIDA.

    Raises:
        ValueError: data shorter than its header says, or an ID list as :func:`unpack_id_list`.
    """
    data = bytes(data)
    if len(data) < _UINT.size:
        raise ValueError("This string is too short to be a CIDA")
    (count,) = _UINT.unpack_from(data)
    if len(data) < _UINT.size * (count + 2):
        raise ValueError("This string is too short for the CIDA it claims to be")
    offsets = struct.unpack_from(f"<{count + 1}I", data, _UINT.size)
    lists = [unpack_id_list(data, offset) for offset in offsets]
    return lists[0], lists[1:]


@dataclasses.dataclass
class FileDescriptor:
    """One FILEDESCRIPTOR. A field of None is not there: its FD_* flag is clear.

    ``created``, ``accessed`` and ``written`` are FILETIMEs (100 ns since 1601, UTC);
    ``flags`` None means "the flags of the fields that are there". ``name`` is bytes in the
    ANSI code page when read from the A form (FILEDESCRIPTORA holds CHARs), else a str;
    either is written to either form.
    """

    name: str | bytes = ""
    flags: int | None = None
    clsid: uuid.UUID | None = None
    size: tuple[int, int] | None = None
    point: tuple[int, int] | None = None
    attributes: int | None = None
    created: int | None = None
    accessed: int | None = None
    written: int | None = None
    file_size: int | None = None

    def present_flags(self) -> int:
        """The FD_* flags of the fields that are not None."""
        flags = 0
        for flag, value in (
            (FD_CLSID, self.clsid),
            (FD_SIZEPOINT, self.size if self.size is not None else self.point),
            (FD_ATTRIBUTES, self.attributes),
            (FD_CREATETIME, self.created),
            (FD_ACCESSTIME, self.accessed),
            (FD_WRITESTIME, self.written),
            (FD_FILESIZE, self.file_size),
        ):
            if value is not None:
                flags |= flag
        return flags


def pack_file_group(descriptors: Sequence[FileDescriptor], *, unicode: bool = True) -> bytes:
    """A FILEGROUPDESCRIPTOR (W, or A when not ``unicode``) of ``descriptors``.

    Raises:
        ValueError: a name of MAX_PATH characters or more, a field out of its C type's range.

    A name the A form's code page (Windows-1252, the ANSI code page of English Windows)
    cannot hold has ``?`` for what it lacks, as WideCharToMultiByte gives.
    """
    parts = [_UINT.pack(len(descriptors))]
    for one in descriptors:
        flags = one.present_flags() if one.flags is None else one.flags
        file_size = one.file_size or 0
        try:
            head = _HEAD.pack(
                flags & 0xFFFFFFFF,
                (one.clsid or uuid.UUID(int=0)).bytes_le,
                *(one.size or (0, 0)),
                *(one.point or (0, 0)),
                one.attributes or 0,
                one.created or 0,
                one.accessed or 0,
                one.written or 0,
                file_size >> 32,
                file_size & 0xFFFFFFFF,
            )
        except struct.error as error:
            raise ValueError(f"a file descriptor's field is out of range: {error}") from None
        if len(one.name) >= _MAX_PATH:
            raise ValueError(f"a file name of {len(one.name)} characters is over MAX_PATH")
        text = one.name if isinstance(one.name, str) else one.name.decode(_ANSI, "replace")
        if unicode:
            name = text.encode("utf-16-le").ljust(2 * _MAX_PATH, b"\0")
        elif isinstance(one.name, bytes):
            name = one.name.ljust(_MAX_PATH, b"\0")
        else:
            name = one.name.encode(_ANSI, "replace").ljust(_MAX_PATH, b"\0")
        parts.append(head + name)
    return b"".join(parts)


def unpack_file_group(data: bytes, *, unicode: bool | None = None) -> list[FileDescriptor]:
    """The descriptors of a FILEGROUPDESCRIPTOR: W, or A when not ``unicode``.

    With ``unicode`` None the form is told by the size, which must then be one form's exactly.

    Raises:
        ValueError: data too short for its count in the form asked for, or of neither form's
            size when none was asked for.
    """
    data = bytes(data)
    if len(data) < _UINT.size:
        raise ValueError("The buffer is way too small!")
    (count,) = _UINT.unpack_from(data)
    narrow, wide = _UINT.size + count * _NARROW, _UINT.size + count * _WIDE
    if unicode is None:
        if len(data) not in (narrow, wide):
            raise ValueError(
                f"You must specify a value for make_unicode - got a buffer of {len(data)} "
                f"bytes, but an ascii one would be {narrow} bytes, and unicode {wide} bytes"
            )
        unicode = len(data) == wide
    if len(data) < (wide if unicode else narrow):
        raise ValueError(f"This buffer is too short for {count} file descriptors")
    width = _WIDE if unicode else _NARROW
    found = []
    for index in range(count):
        offset = _UINT.size + index * width
        head = _HEAD.unpack_from(data, offset)
        flags, clsid, cx, cy, x, y, attributes, created, accessed, written, high, low = head
        raw = data[offset + _HEAD.size : offset + width]
        name: str | bytes
        if unicode:
            name = raw.decode("utf-16-le", "replace").split("\0", 1)[0]
        else:
            name = raw.split(b"\0", 1)[0]
        found.append(
            FileDescriptor(
                name=name,
                flags=flags,
                clsid=uuid.UUID(bytes_le=clsid) if flags & FD_CLSID else None,
                size=(cx, cy) if flags & FD_SIZEPOINT else None,
                point=(x, y) if flags & FD_SIZEPOINT else None,
                attributes=attributes if flags & FD_ATTRIBUTES else None,
                created=created if flags & FD_CREATETIME else None,
                accessed=accessed if flags & FD_ACCESSTIME else None,
                written=written if flags & FD_WRITESTIME else None,
                file_size=(high << 32 | low) if flags & FD_FILESIZE else None,
            )
        )
    return found
