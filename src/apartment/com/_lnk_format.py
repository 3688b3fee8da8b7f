r"""Shell link files (``.lnk``) in Windows' own format, MS-SHLLINK: read and written.

A link written here opens on Windows (the target in the LinkInfo structure's local base
path, the strings in Unicode), and a link made on Windows reads here: its target from the
LinkInfo (a local path, or a network share's name and the path in it), else from its
environment-variable block; its item ID list is skipped (the shell's items are Windows'). A
target is kept as given, a Linux path here.

Pure functions over bytes: no file access, no lock; callable from any thread.
"""

from __future__ import annotations

import dataclasses
import struct
import uuid

__all__ = ["LinkData", "LinkFormatError", "pack_link", "unpack_link", "FILETIME_ZERO"]

LINK_CLSID = uuid.UUID("00021401-0000-0000-c000-000000000046")
FILETIME_ZERO = 0

# LinkFlags
_HAS_ID_LIST = 0x1
_HAS_LINK_INFO = 0x2
_HAS_NAME = 0x4
_HAS_RELATIVE_PATH = 0x8
_HAS_WORKING_DIR = 0x10
_HAS_ARGUMENTS = 0x20
_HAS_ICON_LOCATION = 0x40
_IS_UNICODE = 0x80
_HAS_EXP_STRING = 0x200

# LinkInfoFlags
_VOLUME_ID_AND_LOCAL_BASE_PATH = 0x1
_COMMON_NETWORK_RELATIVE_LINK = 0x2

_HEADER = struct.Struct("<I16sIIQQQIiIHHII")  # 76 bytes: ShellLinkHeader
_LINK_INFO_HEADER = struct.Struct("<IIIIIII")  # size, header size, flags, 4 offsets
_LINK_INFO_UNICODE_HEADER_SIZE = 0x24  # with the two Unicode offsets
_DRIVE_FIXED = 3
_ENVIRONMENT_BLOCK = 0xA0000001
_SW_SHOWNORMAL = 1


class LinkFormatError(ValueError):
    """The bytes are not a shell link (too short, another header, a structure cut off)."""


@dataclasses.dataclass
class LinkData:
    """What a shell link holds (IShellLink's fields) and what the header says of its target."""

    target: str = ""
    arguments: str = ""
    working_directory: str = ""
    description: str = ""
    relative_path: str = ""
    icon_location: str = ""
    icon_index: int = 0
    show_command: int = _SW_SHOWNORMAL
    hotkey: int = 0
    file_attributes: int = 0
    creation_time: int = FILETIME_ZERO  # FILETIME ticks (100 ns since 1601)
    access_time: int = FILETIME_ZERO
    write_time: int = FILETIME_ZERO
    file_size: int = 0


def _counted(text: str) -> bytes:
    data = text.encode("utf-16-le")
    return struct.pack("<H", len(data) // 2) + data


def _link_info(path: str) -> bytes:
    volume = struct.pack("<IIII", 0x11, _DRIVE_FIXED, 0, 0x10) + b"\0"  # no label
    ansi = path.encode("cp1252", "replace") + b"\0"
    suffix = b"\0"
    unicode_path = path.encode("utf-16-le") + b"\0\0"
    unicode_suffix = b"\0\0"
    volume_at = _LINK_INFO_UNICODE_HEADER_SIZE
    base_at = volume_at + len(volume)
    suffix_at = base_at + len(ansi)
    unicode_base_at = suffix_at + len(suffix)
    unicode_suffix_at = unicode_base_at + len(unicode_path)
    size = unicode_suffix_at + len(unicode_suffix)
    header = _LINK_INFO_HEADER.pack(
        size,
        _LINK_INFO_UNICODE_HEADER_SIZE,
        _VOLUME_ID_AND_LOCAL_BASE_PATH,
        volume_at,
        base_at,
        0,  # no network share
        suffix_at,
    ) + struct.pack("<II", unicode_base_at, unicode_suffix_at)
    return header + volume + ansi + suffix + unicode_path + unicode_suffix


def pack_link(link: LinkData) -> bytes:
    """The ``.lnk`` file's bytes for ``link`` (Unicode strings; the target in a LinkInfo)."""
    flags = _IS_UNICODE
    strings = b""
    for text, flag in (
        (link.description, _HAS_NAME),
        (link.relative_path, _HAS_RELATIVE_PATH),
        (link.working_directory, _HAS_WORKING_DIR),
        (link.arguments, _HAS_ARGUMENTS),
        (link.icon_location, _HAS_ICON_LOCATION),
    ):
        if text:
            flags |= flag
            strings += _counted(text)
    info = b""
    if link.target:
        flags |= _HAS_LINK_INFO
        info = _link_info(link.target)
    header = _HEADER.pack(
        _HEADER.size,
        LINK_CLSID.bytes_le,
        flags,
        link.file_attributes & 0xFFFFFFFF,
        link.creation_time,
        link.access_time,
        link.write_time,
        link.file_size & 0xFFFFFFFF,
        link.icon_index,
        link.show_command & 0xFFFFFFFF,
        link.hotkey & 0xFFFF,
        0,
        0,
        0,
    )
    return header + info + strings + b"\0\0\0\0"  # the terminal extra data block


class _Reader:
    __slots__ = ("at", "data")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def take(self, count: int, what: str) -> bytes:
        if count < 0 or self.at + count > len(self.data):
            raise LinkFormatError(f"the link ends inside its {what}")
        chunk = self.data[self.at : self.at + count]
        self.at += count
        return chunk

    def word(self, what: str) -> int:
        value: int = struct.unpack("<H", self.take(2, what))[0]
        return value

    def dword(self, what: str) -> int:
        value: int = struct.unpack("<I", self.take(4, what))[0]
        return value


def _ansi_at(data: bytes, offset: int) -> str:
    end = data.find(b"\0", offset)
    if offset < 0 or offset >= len(data) or end < 0:
        return ""
    return data[offset:end].decode("cp1252", "replace")


def _unicode_at(data: bytes, offset: int) -> str:
    end = offset
    while end + 1 < len(data) and data[end : end + 2] != b"\0\0":
        end += 2
    if offset <= 0 or end + 1 >= len(data):
        return ""
    return data[offset:end].decode("utf-16-le", "replace")


def _target_of_link_info(info: bytes) -> str:
    if len(info) < _LINK_INFO_HEADER.size:
        raise LinkFormatError("the link's LinkInfo is cut off")
    _size, header_size, flags, _volume, base, network, suffix = _LINK_INFO_HEADER.unpack_from(info)
    unicode_base = unicode_suffix = 0
    if min(header_size, len(info)) >= _LINK_INFO_UNICODE_HEADER_SIZE:
        unicode_base, unicode_suffix = struct.unpack_from("<II", info, _LINK_INFO_HEADER.size)
    tail = _unicode_at(info, unicode_suffix) if unicode_suffix else _ansi_at(info, suffix or -1)
    if flags & _VOLUME_ID_AND_LOCAL_BASE_PATH:
        head = _unicode_at(info, unicode_base) if unicode_base else _ansi_at(info, base or -1)
        return head + tail
    if flags & _COMMON_NETWORK_RELATIVE_LINK and 0 < network < len(info) - 12:
        net_name_at = struct.unpack_from("<I", info, network + 8)[0]
        share = _ansi_at(info, network + net_name_at)
        return share + ("\\" if share and tail and not share.endswith("\\") else "") + tail
    return ""


def unpack_link(data: bytes) -> LinkData:
    """Read a ``.lnk`` file's bytes.

    Raises:
        LinkFormatError: not a shell link (another header size or class), or cut off.
    """
    if len(data) < _HEADER.size:
        raise LinkFormatError(f"{len(data)} bytes: a link's header alone is {_HEADER.size}")
    (
        size,
        clsid,
        flags,
        attributes,
        created,
        accessed,
        written,
        file_size,
        icon_index,
        show,
        hotkey,
        *_reserved,
    ) = _HEADER.unpack_from(data)
    if size != _HEADER.size or clsid != LINK_CLSID.bytes_le:
        raise LinkFormatError("not a shell link: its header is not ShellLinkHeader's")
    link = LinkData(
        icon_index=icon_index,
        show_command=show,
        hotkey=hotkey,
        file_attributes=attributes,
        creation_time=created,
        access_time=accessed,
        write_time=written,
        file_size=file_size,
    )
    reader = _Reader(data)
    reader.at = _HEADER.size
    if flags & _HAS_ID_LIST:
        reader.take(reader.word("item ID list size"), "item ID list")
    if flags & _HAS_LINK_INFO:
        info_size = reader.dword("LinkInfo size")
        reader.at -= 4  # the size is the structure's first field
        link.target = _target_of_link_info(reader.take(info_size, "LinkInfo"))
    unicode = bool(flags & _IS_UNICODE)
    for flag, field in (
        (_HAS_NAME, "description"),
        (_HAS_RELATIVE_PATH, "relative_path"),
        (_HAS_WORKING_DIR, "working_directory"),
        (_HAS_ARGUMENTS, "arguments"),
        (_HAS_ICON_LOCATION, "icon_location"),
    ):
        if flags & flag:
            count = reader.word(field)
            raw = reader.take(count * 2 if unicode else count, field)
            text = raw.decode("utf-16-le" if unicode else "cp1252", "replace")
            setattr(link, field, text.rstrip("\0"))  # Wine counts (and writes) a NUL
    if not link.target and flags & _HAS_EXP_STRING:
        link.target = _environment_target(reader)
    return link


def _environment_target(reader: _Reader) -> str:
    # ExtraData blocks (size, signature, data) until a block smaller than 4 bytes.
    while reader.at + 8 <= len(reader.data):
        size, signature = struct.unpack_from("<II", reader.data, reader.at)
        if size < 8 or reader.at + size > len(reader.data):
            return ""
        block = reader.data[reader.at + 8 : reader.at + size]
        reader.at += size
        if signature == _ENVIRONMENT_BLOCK and len(block) >= 260 + 520:
            wide = block[260 : 260 + 520]
            end = next((i for i in range(0, len(wide), 2) if wide[i : i + 2] == b"\0\0"), 520)
            return wide[:end].decode("utf-16-le", "replace") or _ansi_at(block, 0)
    return ""
