"""Bitmaps read from .bmp files (LoadImage with IMAGE_BITMAP and LR_LOADFROMFILE).

A .bmp file is a BITMAPFILEHEADER, a BITMAPINFOHEADER (or a later, longer one, or the old
BITMAPCOREHEADER), a colour table for 1, 4 and 8 bits per pixel, and rows of pixels padded to
4 bytes, bottom row first unless the height is negative. Uncompressed files (BI_RGB, and
BI_BITFIELDS with the standard 5-6-5 or 8-8-8 masks) are read; run-length ones (BI_RLE4,
BI_RLE8), JPEG and PNG ones are refused as Windows refuses what it cannot read.

The bitmap made is compatible with the screen (32 bits per pixel), as LoadImage makes a
device-dependent bitmap unless asked for a DIB section; LR_MONOCHROME makes it black and
white. A size other than the file's stretches it (nearest pixel).
"""

from __future__ import annotations

import struct
from array import array
from typing import Final

from ..errors import ERROR_FILE_NOT_FOUND, InvalidParameterError, Win32Error
from ._objects import Bitmap, insert
from ._stock import sys_color

__all__ = ["LR_LOADTRANSPARENT", "LR_MONOCHROME", "load_bitmap_bytes", "load_bitmap_file"]

LR_MONOCHROME: Final = 0x0001
LR_LOADTRANSPARENT: Final = 0x0020
_COLOR_WINDOW: Final = 5
_BI_RGB: Final = 0
_BI_BITFIELDS: Final = 3


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read()
    except FileNotFoundError:
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no bitmap file {path!r}") from None
    except OSError as error:
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"{path!r}: {error}") from None


def _header(data: bytes) -> tuple[int, int, int, int, int, int, int]:
    """The header's fields: pixels offset, width, height, bits, compression, colours used, table.

    The height is negative for a top-down bitmap.
    """
    if len(data) < 26 or data[:2] != b"BM":
        raise InvalidParameterError("the file is no bitmap (no 'BM' header)")
    offset = struct.unpack_from("<I", data, 10)[0]
    size = struct.unpack_from("<I", data, 14)[0]
    if size == 12:  # BITMAPCOREHEADER
        width, height, _, bits = struct.unpack_from("<HHHH", data, 18)
        return offset, width, height, bits, _BI_RGB, 0, 14 + size
    if size < 40 or len(data) < 14 + 40:
        raise InvalidParameterError(f"a bitmap header of {size} bytes")
    width, height, _, bits, compression = struct.unpack_from("<iiHHI", data, 18)
    used = struct.unpack_from("<I", data, 46)[0]
    return offset, width, height, bits, compression, used, 14 + size


def _palette(data: bytes, at: int, count: int, entry: int) -> list[int]:
    """The colour table as COLORREFs (its entries are blue, green, red[, reserved])."""
    colours = []
    for index in range(count):
        blue, green, red = data[at + index * entry : at + index * entry + 3].ljust(3, b"\0")
        colours.append(red | green << 8 | blue << 16)
    return colours


def _pixels(data: bytes, width: int, height: int, bits: int, colours: list[int]) -> list[int]:
    """The pixels as COLORREFs, row by row, top row first (``data`` bottom row first)."""
    stride = (width * bits + 31) // 32 * 4
    if len(data) < stride * height:
        raise InvalidParameterError("the file holds fewer pixels than its header says")
    out: list[int] = []
    for row in range(height - 1, -1, -1):
        line = data[row * stride : (row + 1) * stride]
        if bits == 32:
            out += [line[i + 2] | line[i + 1] << 8 | line[i] << 16 for i in range(0, 4 * width, 4)]
        elif bits == 24:
            out += [line[i + 2] | line[i + 1] << 8 | line[i] << 16 for i in range(0, 3 * width, 3)]
        elif bits == 16:  # 5-5-5
            for x in range(width):
                word = line[2 * x] | line[2 * x + 1] << 8
                red, green, blue = (word >> 10) & 31, (word >> 5) & 31, word & 31
                out.append((red * 255 // 31) | (green * 255 // 31) << 8 | (blue * 255 // 31) << 16)
        else:
            per_byte, mask = 8 // bits, (1 << bits) - 1
            for x in range(width):
                index = (line[x // per_byte] >> (8 - bits * (x % per_byte + 1))) & mask
                out.append(colours[index] if index < len(colours) else 0)
    return out


def load_bitmap_file(path: str, width: int = 0, height: int = 0, flags: int = 0) -> Bitmap:
    """A bitmap of a .bmp file's pixels (LoadImage, IMAGE_BITMAP, LR_LOADFROMFILE).

    ``width`` and ``height`` 0 keep the file's; others stretch it. LR_LOADTRANSPARENT gives
    the colour-table entry of the first pixel of the bits (of a bottom-up file, its bottom
    row's first) the window colour (COLOR_WINDOW), for every pixel using it (a file without
    a colour table is left as it is); LR_MONOCHROME makes the
    bitmap black and white (1 bit per pixel).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND for a file that cannot be read.
        InvalidParameterError: a file that is no uncompressed .bmp, or a negative size.
    """
    if not isinstance(path, str):
        raise TypeError(f"a bitmap file's path is a str, not {type(path).__name__}")
    if width < 0 or height < 0:
        raise InvalidParameterError(f"no bitmap of {width} x {height}")
    return load_bitmap_bytes(_read(path), width, height, flags)


def load_bitmap_bytes(data: bytes, width: int = 0, height: int = 0, flags: int = 0) -> Bitmap:
    """A bitmap of a .bmp file's bytes (win32ui's LoadBitmapFile reads a file object).

    Raises:
        InvalidParameterError: as ``load_bitmap_file``.
    """
    offset, file_width, file_height, bits, compression, used, table = _header(data)
    if bits not in (1, 4, 8, 16, 24, 32) or file_width <= 0 or file_height == 0:
        raise InvalidParameterError(f"a bitmap of {file_width} x {file_height} x {bits} bpp")
    if compression not in (_BI_RGB, _BI_BITFIELDS) or (
        compression == _BI_BITFIELDS and bits not in (16, 32)
    ):
        raise InvalidParameterError(f"bitmap compression {compression} is not read here")
    colours: list[int] = []
    if bits <= 8:
        entry = 3 if table == 14 + 12 else 4
        colours = _palette(data, table, used or 1 << bits, entry)
    top_down, rows = file_height < 0, abs(file_height)
    if flags & LR_LOADTRANSPARENT and colours:  # the first pixel of the bits (bottom-up: the
        first = data[offset : offset + 1] or b"\0"  # bottom row's) names the entry (as Wine)
        index = first[0] >> (8 - bits)
        if index < len(colours):
            colours[index] = sys_color(_COLOR_WINDOW)
    pixels = _pixels(data[offset:], file_width, rows, bits, colours)
    if top_down:
        lines = [pixels[y * file_width : (y + 1) * file_width] for y in range(rows)]
        pixels = [p for line in reversed(lines) for p in line]
    if flags & LR_MONOCHROME:
        pixels = [0xFFFFFF if sum(p >> s & 0xFF for s in (0, 8, 16)) >= 384 else 0 for p in pixels]
    width, height = width or file_width, height or rows
    bitmap = Bitmap(width, height, 1, 1 if flags & LR_MONOCHROME else 32)
    bitmap.pixels = array(
        "I",
        (
            pixels[(y * rows // height) * file_width + x * file_width // width]
            for y in range(height)
            for x in range(width)
        ),
    )
    insert(bitmap)
    return bitmap
