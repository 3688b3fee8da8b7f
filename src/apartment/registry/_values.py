"""Registry value types, and the bytes Windows stores for each (what RegQueryValueEx reads).

A value is kept as its type and its bytes, so a type this library does not know (REG_NONE,
REG_LINK, REG_DWORD_BIG_ENDIAN, 99) round-trips as bytes, as on Windows. :func:`decode` keeps
everything the bytes say (a string's embedded NULs, a multi-string's empty strings), so each
facade can give a value as the library it stands for reads it: pywin32 and CPython's winreg
read strings and multi-strings differently.
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

_INTS = {REG_DWORD: ("<I", 32), REG_QWORD: ("<Q", 64)}


def encode(kind: int, data: object) -> bytes:
    """The bytes of a value, as Windows stores them.

    ``data`` is a str (REG_SZ, REG_EXPAND_SZ), a list of str (REG_MULTI_SZ), an unsigned int
    (REG_DWORD, REG_QWORD), else bytes; bytes are stored as they are for any type (Windows
    takes a value's bytes: a string written without its NUL reads back all the same).

    Raises:
        TypeError: ``data`` is not of the type's kind.
        OverflowError: an int does not fit the type.
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
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
    raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")


def decode(kind: int, raw: bytes) -> object:
    """The Python value of stored bytes (the inverse of :func:`encode`).

    A string is its text without the one terminating NUL (embedded NULs stay); a multi-string
    is every string of its text up to the final NUL, empty ones included (an odd last byte,
    half a character, is dropped: one such byte alone is the empty list), so that
    ``decode(REG_MULTI_SZ, encode(REG_MULTI_SZ, x)) == x`` for every list ``x``; a
    multi-string of no bytes at all (written as bytes, or by pywin32 for None: encode never
    makes one) is its bytes, ``b""``, since Windows' readers tell it from an empty list
    (CPython's winreg gives None, pywin32 ``[]``); an int type of the wrong size, and any
    other type, is its bytes.
    """
    if kind in (REG_SZ, REG_EXPAND_SZ):
        text = _whole_characters(raw)
        return text[:-1] if text.endswith("\0") else text
    if kind == REG_MULTI_SZ and raw:
        text = _whole_characters(raw)
        if text.endswith("\0"):
            text = text[:-1]  # the list's terminator
        strings = text.split("\0") if text else []
        return strings[:-1] if text.endswith("\0") else strings  # the last string's own NUL
    if kind in _INTS and len(raw) == struct.calcsize(_INTS[kind][0]):
        return int(struct.unpack(_INTS[kind][0], raw)[0])
    return raw


def _whole_characters(raw: bytes) -> str:
    """The UTF-16 text of a string value; an odd last byte is half a character, not read.

    Windows stores what a program wrote, odd sizes included; its readers (CPython's winreg,
    pywin32) count a string's characters as its size in bytes halved, so that byte is lost.
    """
    return raw[: len(raw) // 2 * 2].decode("utf-16-le", "replace")
