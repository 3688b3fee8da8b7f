"""pywin32's ``winnt``: the SDK's ``winnt.h`` constants (languages, images, access rights).

A constant-only module of pywin32: its values come from a generated table (``_tables``),
its macros are written here.
"""

from __future__ import annotations

from ._tables import fill as _fill
from ._tables.winnt import IIDS, VALUES


def PRIMARYLANGID(lgid: int) -> int:
    """The primary language of a language id (its low 10 bits)."""
    return lgid & 0x3FF


def SUBLANGID(lgid: int) -> int:
    """The sublanguage of a language id (the bits above the primary language)."""
    return lgid >> 10


def LANGIDFROMLCID(lcid: int) -> int:
    """The language id of a locale id: pywin32 returns the locale id itself."""
    return lcid


def SORTIDFROMLCID(lcid: int) -> int:
    """The sort id of a locale id."""
    return (lcid & 0xFFFFF) >> 16


def BTYPE(x: int) -> int:
    """The base type of a COFF symbol type."""
    return x & 0xF


def _derived(x: int, dtype: int) -> bool:
    return (x & 0x30) == (dtype << 4)


def ISPTR(x: int) -> bool:
    """Whether a COFF symbol type is a pointer."""
    return _derived(x, 1)


def ISFCN(x: int) -> bool:
    """Whether a COFF symbol type is a function."""
    return _derived(x, 2)


def ISARY(x: int) -> bool:
    """Whether a COFF symbol type is an array."""
    return _derived(x, 3)


def INCREF(x: int) -> int:
    """A COFF symbol type made a pointer to it."""
    return ((x & ~0xF) << 2) | (1 << 4) | (x & 0xF)


def DECREF(x: int) -> int:
    """A COFF symbol type with one derivation taken off."""
    return ((x >> 2) & ~0xF) | (x & 0xF)


def IMAGE_SNAP_BY_ORDINAL(Ordinal: int) -> bool:
    """Whether an import names its function by ordinal (IMAGE_ORDINAL_FLAG set)."""
    return (Ordinal & -0x80000000) != 0  # IMAGE_ORDINAL_FLAG as pywin32 has it


def IMAGE_ORDINAL(Ordinal: int) -> int:
    """The ordinal of an import by ordinal."""
    return Ordinal & 0xFFFF


__all__ = [
    "BTYPE",
    "DECREF",
    "IMAGE_ORDINAL",
    "IMAGE_SNAP_BY_ORDINAL",
    "INCREF",
    "ISARY",
    "ISFCN",
    "ISPTR",
    "LANGIDFROMLCID",
    "PRIMARYLANGID",
    "SORTIDFROMLCID",
    "SUBLANGID",
]
__all__ += _fill(globals(), VALUES, IIDS)
