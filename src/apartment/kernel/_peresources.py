"""The resources of Windows programs and DLLs (PE files), loaded as data files.

LoadLibraryEx with LOAD_LIBRARY_AS_DATAFILE (or LOAD_LIBRARY_AS_IMAGE_RESOURCE) maps a PE
file for its resources only: here its resource directory is read (the same walk as the
version reader's, ``_peversion``) into a table of (type, name, language) -> bytes, behind a
handle that, as on Windows, has its low bit set (it is no module: GetProcAddress fails on it).
EnumResourceTypes, EnumResourceNames and EnumResourceLanguages list the table in the file's
order (named entries first, then numbered, as the directory sorts them); LoadResource gives
the bytes; LoadString reads string tables (RT_STRING: 16 strings a block, block ``id // 16 +
1``). A missing type is ERROR_RESOURCE_TYPE_NOT_FOUND (1813), name 1814, language 1815.
"""

from __future__ import annotations

import itertools
import struct
import threading
from typing import Final

from .._fork import OUTER, hold_across_fork
from ..errors import (
    ERROR_FILE_NOT_FOUND,
    ERROR_RESOURCE_TYPE_NOT_FOUND,
    InvalidHandleError,
    Win32Error,
)
from ._peversion import _offset, _resource_section

__all__ = [
    "ERROR_RESOURCE_LANG_NOT_FOUND",
    "ERROR_RESOURCE_NAME_NOT_FOUND",
    "ResourceId",
    "free_data_file",
    "is_data_file",
    "load_data_file",
    "load_resource",
    "load_string",
    "read_resources",
    "resource_languages",
    "resource_names",
    "resource_types",
]

ERROR_RESOURCE_NAME_NOT_FOUND: Final = 1814
ERROR_RESOURCE_LANG_NOT_FOUND: Final = 1815
RT_STRING: Final = 6
_MAX_FILE: Final = 256 << 20

ResourceId = int | str
Resources = dict[tuple[ResourceId, ResourceId, int], bytes]


def _entries(data: bytes, base: int, directory: int) -> list[tuple[ResourceId, int]]:
    """(id or name, target) of a resource directory's entries, in the file's order."""
    named, ids = struct.unpack_from("<12xHH", data, base + directory)
    found: list[tuple[ResourceId, int]] = []
    for index in range(named + ids):
        ident, target = struct.unpack_from("<II", data, base + directory + 16 + 8 * index)
        if ident & 0x80000000:
            at = base + (ident & 0x7FFFFFFF)
            (length,) = struct.unpack_from("<H", data, at)
            name: ResourceId = data[at + 2 : at + 2 + 2 * length].decode("utf-16-le", "replace")
        else:
            name = ident & 0xFFFF
        found.append((name, target))
    return found


def read_resources(path: str) -> Resources:
    """Every resource of the PE file at ``path``, by (type, name, language).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND, ERROR_BAD_EXE_FORMAT for what is no PE file.
    """
    try:
        with open(path, "rb") as file:
            data = file.read(_MAX_FILE)
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no file {path!r}") from None
    rva, size, sections = _resource_section(data, path)
    if not rva or not size:
        return {}
    base = _offset(rva, sections, path)
    table: Resources = {}
    for kind, kinds in _entries(data, base, 0):
        for name, names in _entries(data, base, kinds & 0x7FFFFFFF):
            for language, leaf in _entries(data, base, names & 0x7FFFFFFF):
                data_rva, data_size = struct.unpack_from("<II", data, base + leaf)
                start = _offset(data_rva, sections, path)
                table[(kind, name, int(language))] = data[start : start + data_size]
    return table


class _DataFiles:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.files: dict[int, Resources] = {}
        self.handles = itertools.count(0x7E0000000001, 0x10000)


_state = _DataFiles()


def load_data_file(path: str) -> int:
    """Load a PE file for its resources (LoadLibraryEx as a data file); its handle (odd).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND, ERROR_BAD_EXE_FORMAT.
    """
    if not isinstance(path, str):
        raise TypeError(f"a file name is a str, not {type(path).__name__}")
    resources = read_resources(path)
    with _state.lock:
        handle = next(_state.handles)
        _state.files[handle] = resources
    return handle


def is_data_file(handle: int) -> bool:
    """Whether ``handle`` is a PE file loaded for its resources."""
    with _state.lock:
        return handle in _state.files


def free_data_file(handle: int) -> bool:
    """Forget a data file (FreeLibrary); False if ``handle`` was none."""
    with _state.lock:
        return _state.files.pop(handle, None) is not None


def _table(handle: int) -> Resources:
    with _state.lock:
        found = _state.files.get(handle)
    if found is None:
        raise InvalidHandleError(
            f"{handle!r} is no module loaded for its resources (LoadLibraryEx as a data file)"
        )
    return found


def _key(value: ResourceId) -> ResourceId:
    """A resource id as the directory keeps it: a number, or a name (upper case, no ``#``)."""
    if isinstance(value, str) and value.startswith("#") and value[1:].isdigit():
        return int(value[1:])
    return value.upper() if isinstance(value, str) else value


def _same(a: ResourceId, b: ResourceId) -> bool:
    return _key(a) == _key(b)


def resource_types(handle: int) -> list[ResourceId]:
    """The resource types of a data file (EnumResourceTypes), in the file's order."""
    return list(dict.fromkeys(kind for kind, _name, _lang in _table(handle)))


def resource_names(handle: int, kind: ResourceId) -> list[ResourceId]:
    """The names of the resources of a type (EnumResourceNames).

    Raises:
        Win32Error: ERROR_RESOURCE_TYPE_NOT_FOUND.
    """
    names = [name for k, name, _lang in _table(handle) if _same(k, kind)]
    if not names:
        raise Win32Error.from_code(ERROR_RESOURCE_TYPE_NOT_FOUND, f"no resource of type {kind!r}")
    return list(dict.fromkeys(names))


def resource_languages(handle: int, kind: ResourceId, name: ResourceId) -> list[int]:
    """The languages of a resource (EnumResourceLanguages).

    Raises:
        Win32Error: ERROR_RESOURCE_TYPE_NOT_FOUND, ERROR_RESOURCE_NAME_NOT_FOUND.
    """
    names = resource_names(handle, kind)
    if not any(_same(n, name) for n in names):
        raise Win32Error.from_code(ERROR_RESOURCE_NAME_NOT_FOUND, f"no resource {name!r}")
    return [lang for k, n, lang in _table(handle) if _same(k, kind) and _same(n, name)]


def load_resource(
    handle: int, kind: ResourceId, name: ResourceId, language: int | None = None
) -> bytes:
    """A resource's bytes (FindResourceEx + LoadResource); the first language for None.

    Raises:
        Win32Error: ERROR_RESOURCE_TYPE_NOT_FOUND, _NAME_NOT_FOUND, _LANG_NOT_FOUND.
    """
    languages = resource_languages(handle, kind, name)
    if language is None or language == 0:
        language = languages[0]
    elif language not in languages:
        raise Win32Error.from_code(
            ERROR_RESOURCE_LANG_NOT_FOUND, f"no resource {name!r} in language {language:#x}"
        )
    for (k, n, lang), data in _table(handle).items():
        if _same(k, kind) and _same(n, name) and lang == language:
            return data
    raise AssertionError("unreachable: the language was listed")  # pragma: no cover


def load_string(handle: int, string_id: int) -> str:
    """A string of the string tables (LoadString).

    Raises:
        Win32Error: ERROR_RESOURCE_TYPE_NOT_FOUND (no string table),
            ERROR_RESOURCE_NAME_NOT_FOUND (no such string).
    """
    if isinstance(string_id, bool) or not isinstance(string_id, int):
        raise TypeError(f"a string id is an int, not {type(string_id).__name__}")
    block = load_resource(handle, RT_STRING, (string_id >> 4) + 1)
    at = 0
    for index in range(16):
        if at + 2 > len(block):
            break
        (length,) = struct.unpack_from("<H", block, at)
        if index == string_id & 15:
            if not length:
                break
            return block[at + 2 : at + 2 + 2 * length].decode("utf-16-le", "replace")
        at += 2 + 2 * length
    raise Win32Error.from_code(ERROR_RESOURCE_NAME_NOT_FOUND, f"no string {string_id}")
