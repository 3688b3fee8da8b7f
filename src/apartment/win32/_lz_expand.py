r"""The SZDD format of Windows' ``compress.exe`` (what LZExpand reads), for :mod:`win32lz`.

A compressed file starts with the magic ``SZDD\x88\xf0\x27\x33``, the method ``A``, the
last character of the original name (which ``COMPRESS -r`` replaced by ``_``) and the
expanded length (little-endian uint32); then LZSS blocks: a flag byte whose bits, low bit
first, say whether the next item is one literal byte (1) or a two-byte reference (0) into a
4096-byte window that starts filled with spaces, written from position 4080: the position
is the first byte and the high nibble of the second, the length the low nibble plus 3.
"""

from __future__ import annotations

import struct

__all__ = ["HEADER_SIZE", "MAGIC", "expand", "is_compressed", "original_last_char"]

MAGIC = b"SZDD\x88\xf0\x27\x33"
HEADER_SIZE = 14
_WINDOW = 4096
_START = _WINDOW - 16


def is_compressed(head: bytes) -> bool:
    """Whether ``head`` (a file's first bytes) starts an SZDD file."""
    return len(head) >= HEADER_SIZE and head.startswith(MAGIC) and head[8:9] == b"A"


def original_last_char(head: bytes) -> str:
    """The last character of the original name, as the header keeps it ('' if none)."""
    return chr(head[9]) if head[9] else ""


def expand(data: bytes) -> bytes:
    """The original content of a whole SZDD file ``data`` (its header included)."""
    (length,) = struct.unpack_from("<I", data, 10)
    window = bytearray(b" " * _WINDOW)
    pos = _START
    out = bytearray()
    i, end = HEADER_SIZE, len(data)
    while i < end and len(out) < length:
        flags = data[i]
        i += 1
        for bit in range(8):
            if i >= end:
                break
            if flags & (1 << bit):
                byte = data[i]
                i += 1
                out.append(byte)
                window[pos] = byte
                pos = (pos + 1) % _WINDOW
                continue
            if i + 1 >= end:
                break
            low, high = data[i], data[i + 1]
            i += 2
            match = low | ((high & 0xF0) << 4)
            for k in range((high & 0x0F) + 3):
                byte = window[(match + k) % _WINDOW]
                out.append(byte)
                window[pos] = byte
                pos = (pos + 1) % _WINDOW
    return bytes(out[:length])
