"""Registry value types, and the bytes Windows stores for each (what RegQueryValueEx reads).

A value is kept as its type and its bytes, so a type this library does not know (REG_NONE,
REG_LINK, 99) round-trips as bytes, as on Windows.
"""

from __future__ import annotations

import struct

__all__ = [
    "REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD", "REG_DWORD_BIG_ENDIAN",
    "REG_LINK", "REG_MULTI_SZ", "REG_QWORD",
    "encode", "decode",
]  # fmt: skip

REG_NONE = 0
REG_SZ = 1
REG_EXPAND_SZ = 2
REG_BINARY = 3
REG_DWORD = 4
REG_DWORD_BIG_ENDIAN = 5
REG_LINK = 6
REG_MULTI_SZ = 7
REG_QWORD = 11

_INTS = {REG_DWORD: ("<I", 32), REG_DWORD_BIG_ENDIAN: (">I", 32), REG_QWORD: ("<Q", 64)}


def encode(kind: int, data: object) -> bytes:
    """The bytes of a value, as Windows stores them.

    ``data`` is a str (REG_SZ, REG_EXPAND_SZ), a list of str (REG_MULTI_SZ), an unsigned int
    (REG_DWORD, REG_QWORD), else bytes.

    Raises:
        TypeError: ``data`` is not of the type's kind.
        OverflowError: an int does not fit the type.
    """
    if kind in (REG_SZ, REG_EXPAND_SZ):
        if not isinstance(data, str):
            raise TypeError(f"a registry string must be a str, not {type(data).__name__}")
        return (data + "\0").encode("utf-16-le")
    if kind == REG_MULTI_SZ:
        if isinstance(data, str) or not all(isinstance(s, str) for s in data):  # type: ignore[attr-defined]
            raise TypeError("REG_MULTI_SZ data must be a sequence of str")
        return "".join(s + "\0" for s in data).encode("utf-16-le") + b"\0\0"  # type: ignore[attr-defined]
    if kind in _INTS:
        if not isinstance(data, int):
            raise TypeError(f"an integer is required, not {type(data).__name__}")
        layout, bits = _INTS[kind]
        if not 0 <= data < 2**bits:
            raise OverflowError(f"{data} does not fit in {bits} unsigned bits")
        return struct.pack(layout, data)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"a bytes-like object is required, not {type(data).__name__}")
    return bytes(data)


def decode(kind: int, raw: bytes) -> object:
    """The Python value of stored bytes (the inverse of :func:`encode`)."""
    if kind in (REG_SZ, REG_EXPAND_SZ):
        return raw.decode("utf-16-le", "replace").split("\0", 1)[0]
    if kind == REG_MULTI_SZ:
        text = raw.decode("utf-16-le", "replace")
        strings = text.split("\0")
        end = strings.index("") if "" in strings else len(strings)
        return strings[:end]
    if kind in _INTS and len(raw) == struct.calcsize(_INTS[kind][0]):
        return int(struct.unpack(_INTS[kind][0], raw)[0])
    return raw
