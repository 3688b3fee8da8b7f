"""The names a shared object exports, in order: what an export ordinal counts here.

A Windows DLL numbers its exports (ordinals), and its linker numbers them in the order of
their names when nothing else says; an ELF shared object has names only. Here ordinal ``n``
of a module is its ``n``-th exported name in that order: a name's ordinal is stable for one
file, as a DLL's is. The exports are the dynamic symbol table's defined global and weak
functions (IFUNCs too) and objects of default visibility (``.dynsym``); a file that is not a 64-bit
little-endian ELF exports none.
"""

from __future__ import annotations

import mmap
import struct
import threading

__all__ = ["exported_names"]

_SHT_DYNSYM = 11
_BINDINGS = (1, 2)  # STB_GLOBAL, STB_WEAK
_TYPES = (1, 2, 10)  # STT_OBJECT, STT_FUNC, STT_GNU_IFUNC (a function picked at load)
_SHN_ABS = 0xFFF1  # an absolute symbol: a version name (GLIBC_2.2.5), no export
_cache: dict[str, tuple[str, ...]] = {}
_lock = threading.Lock()


def exported_names(path: str) -> tuple[str, ...]:
    """The exported names of the ELF file ``path``, sorted; () if it is none or unreadable."""
    with _lock:
        known = _cache.get(path)
    if known is not None:
        return known
    try:
        with open(path, "rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
            names = _read(data)
    except (OSError, ValueError, struct.error):
        names = ()
    with _lock:
        _cache[path] = names
    return names


def _read(data: mmap.mmap) -> tuple[str, ...]:
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:  # ELFCLASS64, little-endian
        return ()
    (section_table,) = struct.unpack_from("<Q", data, 0x28)
    entry_size, count = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, section_table + i * entry_size)
        for i in range(count)
    ]
    names: set[str] = set()
    for _, kind, _, _, offset, size, link, _, _, symbol_size in sections:
        if kind != _SHT_DYNSYM or not symbol_size:
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, symbol_size):
            name, info, other, index = struct.unpack_from("<IBBH", data, at)
            if not name or index in (0, _SHN_ABS) or other & 3 or info >> 4 not in _BINDINGS:
                continue
            if info & 0xF not in _TYPES:
                continue
            end = data.find(b"\0", strings + name)
            names.add(data[strings + name : end].decode("latin-1"))
    return tuple(sorted(names))
