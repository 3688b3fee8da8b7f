r"""Version resources of Windows programs and DLLs (PE files): GetFileVersionInfo's answers.

A PE file keeps its version in a resource of type RT_VERSION: a VS_VERSIONINFO block with
a VS_FIXEDFILEINFO (numbers) and StringFileInfo / VarFileInfo children (texts per language
and code page, and the list of translations). :func:`query_version` reads the file and
answers a VerQueryValue path: ``\`` the fixed numbers, ``\VarFileInfo\Translation`` the
(language, code page) pairs, ``\StringFileInfo\040904B0\FileVersion`` a text; None for a
path the resource does not have. As on Windows (where the image loader's ERROR_BAD_EXE_FORMAT
does not reach the caller), a file that is no PE image (a Linux program, a text file) and a
PE file without a resource section answer ERROR_RESOURCE_DATA_NOT_FOUND, "The specified image
file did not contain a resource section"; a PE file with resources but no version resource
ERROR_RESOURCE_TYPE_NOT_FOUND.
"""

from __future__ import annotations

import struct
from typing import Final

from ..errors import (
    ERROR_BAD_EXE_FORMAT,
    ERROR_FILE_NOT_FOUND,
    ERROR_RESOURCE_DATA_NOT_FOUND,
    ERROR_RESOURCE_TYPE_NOT_FOUND,
    Win32Error,
)

__all__ = ["FixedFileInfo", "query_version"]

FixedFileInfo = tuple[int, int, int, int, int, int, int, int, int, int, int, int, int]
"""VS_FIXEDFILEINFO's 13 DWORDs, Signature first, FileDateMS and FileDateLS last."""

_RT_VERSION: Final = 16
_MAX_FILE: Final = 256 << 20
_Block = tuple[str, bytes, int, list["_Block"]]  # key, value, type (1: text), children


def _bad(path: str) -> Win32Error:
    return Win32Error.from_code(ERROR_BAD_EXE_FORMAT, f"{path!r} is not a Windows program")


def _no_resources(path: str) -> Win32Error:
    return Win32Error.from_code(
        ERROR_RESOURCE_DATA_NOT_FOUND, f"{path!r} is no Windows image with a resource section"
    )


def _resource_section(data: bytes, path: str) -> tuple[int, int, list[tuple[int, int, int]]]:
    """The resource directory's RVA and size, and the sections as (RVA, size, file offset)."""
    if data[:2] != b"MZ" or len(data) < 0x40:
        raise _bad(path)
    (pe,) = struct.unpack_from("<I", data, 0x3C)
    if data[pe : pe + 4] != b"PE\0\0":
        raise _bad(path)
    sections, optional_size = struct.unpack_from("<H12xH", data, pe + 6)
    optional = pe + 24
    (magic,) = struct.unpack_from("<H", data, optional)
    directories = optional + (96 if magic == 0x10B else 112)
    rva, size = struct.unpack_from("<II", data, directories + 2 * 8)
    table = optional + optional_size
    found = []
    for index in range(sections):
        virtual_size, address, raw_size, raw = struct.unpack_from(
            "<IIII", data, table + 40 * index + 8
        )
        found.append((address, max(virtual_size, raw_size), raw))
    return rva, size, found


def _offset(rva: int, sections: list[tuple[int, int, int]], path: str) -> int:
    for address, size, raw in sections:
        if address <= rva < address + size:
            return raw + rva - address
    raise _bad(path)


def _first_entry(data: bytes, base: int, directory: int, wanted: int | None) -> int | None:
    """The offset (within the resource section) an entry of a resource directory points to."""
    named, ids = struct.unpack_from("<12xHH", data, base + directory)
    for index in range(named + ids):
        ident, target = struct.unpack_from("<II", data, base + directory + 16 + 8 * index)
        if wanted is None or (not ident & 0x80000000 and ident == wanted):
            return int(target)
    return None


def _version_resource(data: bytes, path: str) -> bytes:
    rva, size, sections = _resource_section(data, path)
    if not rva or not size:
        raise _no_resources(path)
    base = _offset(rva, sections, path)
    entry: int | None = 0
    for wanted in (_RT_VERSION, None, None):  # type, then the first name and language
        entry = _first_entry(data, base, entry & 0x7FFFFFFF, wanted) if entry is not None else None
        if entry is None:
            raise Win32Error.from_code(
                ERROR_RESOURCE_TYPE_NOT_FOUND, f"{path!r} has no version resource"
            )
    data_rva, data_size = struct.unpack_from("<II", data, base + (entry or 0))
    start = _offset(data_rva, sections, path)
    return data[start : start + data_size]


def _align(offset: int) -> int:
    return (offset + 3) & ~3


def _block(data: bytes, offset: int) -> tuple[_Block, int]:
    length, value_length, kind = struct.unpack_from("<HHH", data, offset)
    end = offset + length
    key_end = offset + 6
    while data[key_end : key_end + 2] != b"\0\0" and key_end < end:
        key_end += 2
    key = data[offset + 6 : key_end].decode("utf-16-le", "replace")
    at = _align(key_end + 2)
    size = value_length * 2 if kind == 1 else value_length
    value = data[at : at + size]
    at = _align(at + size)
    children: list[_Block] = []
    while at + 6 <= end:
        child, following = _block(data, at)
        if following <= at:
            break
        children.append(child)
        at = _align(following)
    return (key, value, kind, children), end


def _find(block: _Block, parts: list[str]) -> _Block | None:
    for part in parts:
        matches = [child for child in block[3] if child[0].casefold() == part.casefold()]
        if not matches:
            return None
        block = matches[0]
    return block


def query_version(path: str, sub_block: str) -> FixedFileInfo | list[tuple[int, int]] | str | None:
    r"""Answer a VerQueryValue path from the version resource of the PE file at ``path``.

    ``\`` gives the 13 fixed numbers (None if the resource has none), a path ending in
    ``\VarFileInfo\Translation`` the (language, code page) pairs, a path into
    ``\StringFileInfo`` the text; None for a path the resource does not have.

    Raises:
        TypeError: not str arguments.
        Win32Error: ERROR_FILE_NOT_FOUND, ERROR_RESOURCE_DATA_NOT_FOUND (no PE file, or no
            resource section), ERROR_RESOURCE_TYPE_NOT_FOUND (no version resource).
    """
    if not isinstance(path, str) or not isinstance(sub_block, str):
        raise TypeError("a path and a sub-block are str")
    try:
        with open(path, "rb") as file:
            data = file.read(_MAX_FILE)
    except FileNotFoundError:
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no file {path!r}") from None
    except OSError:
        raise _no_resources(path) from None
    try:
        resource = _version_resource(data, path)
        root, _ = _block(resource, 0)
    except (struct.error, IndexError):
        raise _no_resources(path) from None
    except Win32Error as error:
        if error.winerror == ERROR_BAD_EXE_FORMAT:
            raise _no_resources(path) from None
        raise
    parts = [part for part in sub_block.split("\\") if part]
    if not parts:
        value = root[1]
        if len(value) < 52:
            return None
        fixed: FixedFileInfo = struct.unpack_from("<13I", value)
        return fixed
    found = _find(root, parts)
    if found is None:
        return None
    _, value, kind, _ = found
    if parts[0].casefold() == "varfileinfo":
        return [struct.unpack_from("<HH", value, at) for at in range(0, len(value) - 3, 4)]
    if kind == 1 or parts[0].casefold() == "stringfileinfo":
        return value.decode("utf-16-le", "replace").split("\0", 1)[0]
    return None
