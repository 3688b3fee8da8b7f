"""Changing the resources of a PE file: BeginUpdateResource, UpdateResource, EndUpdateResource.

An update starts from the file's resources (or none, with ``delete_existing``), collects
additions, replacements and deletions (no data deletes), and on EndUpdateResource writes a
new resource section: a directory in Windows' order (named entries first, case-insensitively
sorted, then numbered ones ascending) followed by the data. The section is appended to the
file (a new ``.rsrc`` section header where the headers have room; the old section's bytes stay,
no longer pointed at) and the data directory, section count and image size are updated.
Nothing is written when the update is discarded.
"""

from __future__ import annotations

import itertools
import struct
import threading

from .._fork import OUTER, hold_across_fork
from ..errors import ERROR_NOT_ENOUGH_MEMORY, InvalidHandleError, Win32Error
from ._peresources import ResourceId, read_resources

__all__ = ["begin_update_resource", "end_update_resource", "update_resource"]

Resources = dict[tuple[ResourceId, ResourceId, int], bytes]


class _Updates:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.pending: dict[int, tuple[str, Resources]] = {}
        self.handles = itertools.count(0x7D0000000000, 0x10)


_state = _Updates()


def _key(value: ResourceId) -> ResourceId:
    if isinstance(value, str):
        return int(value[1:]) if value.startswith("#") and value[1:].isdigit() else value.upper()
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 0xFFFF:
        raise TypeError("a resource id is an int (0-65535) or a str")
    return value


def begin_update_resource(path: str, delete_existing: bool) -> int:
    """Start changing the resources of the PE file at ``path``; the update's handle.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND, ERROR_BAD_EXE_FORMAT.
    """
    resources = read_resources(path)  # checks it is a PE file
    with _state.lock:
        handle = next(_state.handles)
        _state.pending[handle] = (path, {} if delete_existing else dict(resources))
    return handle


def update_resource(
    handle: int, kind: ResourceId, name: ResourceId, data: bytes | None, language: int = 0
) -> None:
    """Add, replace (``data``) or delete (None) a resource in a pending update.

    Raises:
        InvalidHandleError: no such update.
    """
    key = (_key(kind), _key(name), int(language) & 0xFFFF)
    with _state.lock:
        pending = _state.pending.get(handle)
        if pending is None:
            raise InvalidHandleError(f"{handle!r} is no resource update (BeginUpdateResource)")
        if data is None:
            pending[1].pop(key, None)
        else:
            pending[1][key] = bytes(data)


def end_update_resource(handle: int, discard: bool) -> None:
    """Write the update into its file, or drop it with ``discard``.

    Raises:
        InvalidHandleError: no such update.
        Win32Error: ERROR_NOT_ENOUGH_MEMORY when the headers have no room for a new section
            (as Windows fails then), or the file's own errors.
    """
    with _state.lock:
        pending = _state.pending.pop(handle, None)
    if pending is None:
        raise InvalidHandleError(f"{handle!r} is no resource update (BeginUpdateResource)")
    if discard:
        return
    path, resources = pending
    with open(path, "rb") as file:
        data = bytearray(file.read())
    _write_section(data, resources, path)
    with open(path, "wb") as file:
        file.write(data)


def _order(keys: set[ResourceId]) -> list[ResourceId]:
    names = sorted((key for key in keys if isinstance(key, str)), key=str.upper)
    return [*names, *sorted(key for key in keys if isinstance(key, int))]


def _directory(resources: Resources, rva: int) -> bytes:
    """The resource section's bytes for section address ``rva``."""
    tree: dict[ResourceId, dict[ResourceId, dict[int, bytes]]] = {}
    for (kind, name, language), blob in resources.items():
        tree.setdefault(kind, {}).setdefault(name, {})[language] = blob
    # Sizes: directories (16 + 8 per entry), then data entries (16 each), strings, data.
    layout: list[tuple[str, object]] = []

    def plan(node: dict[ResourceId, object], depth: int) -> None:
        layout.append(("dir", node))
        for key in _order(set(node)):
            child = node[key]
            if depth < 2:
                plan(child, depth + 1)  # type: ignore[arg-type]

    plan(tree, 0)  # type: ignore[arg-type]
    offsets: dict[int, int] = {}
    at = 0
    for _kind, node in layout:
        offsets[id(node)] = at
        at += 16 + 8 * len(node)  # type: ignore[arg-type]
    leaves = [
        (kind, name, language)
        for kind in _order(set(tree))
        for name in _order(set(tree[kind]))
        for language in sorted(tree[kind][name])
    ]
    leaf_at = {leaf: at + 16 * index for index, leaf in enumerate(leaves)}
    at += 16 * len(leaves)
    strings: dict[str, int] = {}
    for _kind, node in layout:
        for key in node:  # type: ignore[attr-defined]
            if isinstance(key, str) and key not in strings:
                strings[key] = at
                at += 2 + 2 * len(key)
    at = (at + 7) & ~7
    data_at: dict[tuple[ResourceId, ResourceId, int], int] = {}
    for leaf in leaves:
        data_at[leaf] = at
        at = (at + len(resources[leaf]) + 7) & ~7
    out = bytearray(at)

    def write_dir(node: dict[ResourceId, object], path: tuple[ResourceId, ...]) -> None:
        keys = _order(set(node))
        named = sum(isinstance(key, str) for key in keys)
        base = offsets[id(node)]
        struct.pack_into("<IIHHHH", out, base, 0, 0, 0, 0, named, len(keys) - named)
        for index, key in enumerate(keys):
            ident = 0x80000000 | strings[key] if isinstance(key, str) else int(key)
            child = node[key]
            if len(path) < 2:
                target = 0x80000000 | offsets[id(child)]
                write_dir(child, (*path, key))  # type: ignore[arg-type]
            else:
                target = leaf_at[(path[0], path[1], int(key))]
            struct.pack_into("<II", out, base + 16 + 8 * index, ident, target)

    write_dir(tree, ())  # type: ignore[arg-type]
    for leaf in leaves:
        struct.pack_into(
            "<IIII", out, leaf_at[leaf], rva + data_at[leaf], len(resources[leaf]), 0, 0
        )
        out[data_at[leaf] : data_at[leaf] + len(resources[leaf])] = resources[leaf]
    for text, offset in strings.items():
        struct.pack_into("<H", out, offset, len(text))
        out[offset + 2 : offset + 2 + 2 * len(text)] = text.encode("utf-16-le")
    return bytes(out)


def _align(value: int, alignment: int) -> int:
    return (value + alignment - 1) // alignment * alignment if alignment else value


def _write_section(data: bytearray, resources: Resources, path: str) -> None:
    (pe,) = struct.unpack_from("<I", data, 0x3C)
    count, optional_size = struct.unpack_from("<H12xH", data, pe + 6)
    optional = pe + 24
    (magic,) = struct.unpack_from("<H", data, optional)
    section_alignment, file_alignment = struct.unpack_from("<II", data, optional + 32)
    (headers_size,) = struct.unpack_from("<I", data, optional + 60)
    directories = optional + (96 if magic == 0x10B else 112)
    table = optional + optional_size
    last_end_va, first_raw = 0, len(data)
    for index in range(count):
        vsize, va, raw_size, raw = struct.unpack_from("<IIII", data, table + 40 * index + 8)
        last_end_va = max(last_end_va, va + max(vsize, raw_size))
        if raw:
            first_raw = min(first_raw, raw)
    header_at = table + 40 * count
    if header_at + 40 > min(first_raw, headers_size or first_raw):
        raise Win32Error.from_code(
            ERROR_NOT_ENOUGH_MEMORY, f"{path!r} has no room for another section header"
        )
    va = _align(last_end_va, section_alignment or 0x1000)
    section = _directory(resources, va)
    raw = _align(len(data), file_alignment or 0x200)
    raw_size = _align(len(section), file_alignment or 0x200)
    data.extend(bytes(raw - len(data)))
    data.extend(section.ljust(raw_size, b"\0"))
    header = b".rsrc\0\0\0" + struct.pack("<IIII", len(section), va, raw_size, raw)
    header += struct.pack("<IIHHI", 0, 0, 0, 0, 0x40000040)  # initialized data, readable
    data[header_at : header_at + 40] = header
    struct.pack_into("<H", data, pe + 6, count + 1)
    struct.pack_into(
        "<I", data, optional + 56, _align(va + len(section), section_alignment or 0x1000)
    )
    struct.pack_into("<II", data, directories + 2 * 8, va, len(section))
