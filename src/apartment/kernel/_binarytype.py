r"""What kind of program a file is (GetBinaryType), read from its header as Windows reads it.

A Windows executable starts with ``MZ`` (the DOS header); at offset 0x3C it names where its
``PE\0\0`` header is, followed by the file header (20 bytes) and the optional header, whose
magic says PE32 (32 bits) or PE32+ (64 bits). An ``MZ`` file without a PE header is a DOS
program. Anything else, an ELF program of this system included, is not a Windows binary:
ERROR_BAD_EXE_FORMAT, as GetBinaryType fails on a text file. Only the headers are read
(Windows maps the whole image, so it also refuses a damaged one). Any thread.
"""

from __future__ import annotations

import struct

from ..errors import ERROR_BAD_EXE_FORMAT, Win32Error
from ._file import os_error

__all__ = ["SCS_32BIT_BINARY", "SCS_64BIT_BINARY", "SCS_DOS_BINARY", "binary_type"]

SCS_32BIT_BINARY = 0
SCS_DOS_BINARY = 1
SCS_64BIT_BINARY = 6

_PE32_MAGIC = 0x10B  # IMAGE_OPTIONAL_HEADER's magic of a 32-bit image
_PE32_PLUS_MAGIC = 0x20B  # and of a 64-bit one


def binary_type(path: str) -> int:
    """SCS_32BIT_BINARY, SCS_64BIT_BINARY or SCS_DOS_BINARY for the program at ``path``.

    Raises:
        Win32Error: ERROR_BAD_EXE_FORMAT for a file that is no Windows program; the code of
            the open's failure (2, 3, 5) for a file that cannot be read.
    """
    if not isinstance(path, str):
        raise TypeError(f"a path is a str, not {type(path).__name__}")
    try:
        with open(path, "rb") as program:
            head = program.read(0x40)
            if len(head) < 0x40 or head[:2] != b"MZ":
                raise Win32Error.from_code(ERROR_BAD_EXE_FORMAT, f"{path!r} is no Windows program")
            (offset,) = struct.unpack_from("<I", head, 0x3C)
            program.seek(offset)
            pe = program.read(26)  # signature, IMAGE_FILE_HEADER, the optional header's magic
    except OSError as exc:
        raise os_error(exc, f"reading {path!r}") from None
    if pe[:4] != b"PE\0\0":
        return SCS_DOS_BINARY
    magic = struct.unpack_from("<H", pe, 24)[0] if len(pe) == 26 else None
    if magic == _PE32_PLUS_MAGIC:
        return SCS_64BIT_BINARY
    if magic == _PE32_MAGIC:
        return SCS_32BIT_BINARY
    raise Win32Error.from_code(ERROR_BAD_EXE_FORMAT, f"{path!r} has a damaged PE header")
