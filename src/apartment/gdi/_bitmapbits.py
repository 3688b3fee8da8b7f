"""A bitmap's pixels as bytes: GetBitmapBits' layout, a DIB's, and a .bmp file of it.

A bitmap keeps COLORREFs (``0x00BBGGRR``); its bits go out in the device's layout:

* GetBitmapBits: top row first, each row ``width_bytes`` long (padded to a WORD); 32 bits
  per pixel are blue, green, red and a zero byte (Wine's GetBitmapBits gives ``11 22 33 00``
  for the COLORREF 0x112233), 24 the same without the zero, 16 are 5-5-5, and 1 bit per
  pixel is packed from the high bit, 1 for white. 4 and 8 bits per pixel are indices into
  the default palette (the nearest of its 20 colours).
* A DIB (GetDIBits, a .bmp file): the same pixels bottom row first, rows padded to 4 bytes,
  with a colour table for 1, 4 and 8 bits per pixel.

The .bmp file is the one pywin32's ``PyCBitmap.SaveBitmapFile`` writes: BITMAPFILEHEADER,
a 40-byte BITMAPINFOHEADER with the bitmap's planes and bits per pixel, no compression and no
resolution, the colour table (2, 16 or 256 entries), then the DIB's rows.
"""

from __future__ import annotations

import struct
import sys
from typing import TYPE_CHECKING, Final

from ._objects import GDI_LOCK
from ._stock import DEFAULT_PALETTE_COLORS

if TYPE_CHECKING:
    from ._objects import Bitmap

__all__ = ["bitmap_bits", "bitmap_file_bytes", "dib_bits", "save_bitmap_file"]

_WHITE: Final = 0xFFFFFF
_FILE_HEADER: Final = 14
_INFO_HEADER: Final = 40


def _nearest(color: int) -> int:
    """The index of the default palette's colour nearest ``color``."""
    red, green, blue = color & 0xFF, color >> 8 & 0xFF, color >> 16 & 0xFF

    def distance(index: int) -> int:
        entry = DEFAULT_PALETTE_COLORS[index]
        return (
            (red - (entry & 0xFF)) ** 2
            + (green - (entry >> 8 & 0xFF)) ** 2
            + (blue - (entry >> 16 & 0xFF)) ** 2
        )

    return min(range(len(DEFAULT_PALETTE_COLORS)), key=distance)


def _packed(row: list[int], bits: int) -> bytes:
    """A row of 1, 4 or 8 bits per pixel, high bits first."""
    per_byte = 8 // bits
    out = bytearray((len(row) * bits + 7) // 8)
    for x, color in enumerate(row):
        index = (1 if color == _WHITE else 0) if bits == 1 else _nearest(color)
        out[x // per_byte] |= index << (8 - bits * (x % per_byte + 1))
    return bytes(out)


def _rows(bitmap: Bitmap, bits: int) -> list[bytes]:
    """Each row's bytes, top row first, without padding (lock held)."""
    width, height = bitmap.width, bitmap.height
    if bits in (24, 32):
        pixels = bitmap.pixels
        if sys.byteorder == "big":  # the array's bytes must be red, green, blue, zero
            pixels = pixels[:]
            pixels.byteswap()
        raw = pixels.tobytes()
        out = bytearray(len(raw))
        out[0::4], out[1::4], out[2::4] = raw[2::4], raw[1::4], raw[0::4]
        if bits == 24:
            del out[3::4]
        stride = width * bits // 8
        return [bytes(out[y * stride : (y + 1) * stride]) for y in range(height)]
    rows = [list(bitmap.pixels[y * width : (y + 1) * width]) for y in range(height)]
    if bits == 16:
        return [
            b"".join(
                struct.pack(
                    "<H", (p & 0xFF) >> 3 << 10 | (p >> 8 & 0xFF) >> 3 << 5 | (p >> 16 & 0xFF) >> 3
                )
                for p in row
            )
            for row in rows
        ]
    return [_packed(row, bits) for row in rows]


def _format(bitmap: Bitmap) -> int:
    """The bits per pixel its bytes take: 1, 4, 8, 16, 24 or 32."""
    bits = bitmap.bits_per_pixel * bitmap.planes
    return next(b for b in (1, 4, 8, 16, 24, 32) if bits <= b)


def bitmap_bits(bitmap: Bitmap) -> bytes:
    """The bitmap's bits as GetBitmapBits gives them: top row first, rows padded to a WORD."""
    with GDI_LOCK:
        rows = _rows(bitmap, _format(bitmap))
        stride = bitmap.width_bytes
    return b"".join(row.ljust(stride, b"\0") for row in rows)


def dib_bits(bitmap: Bitmap) -> bytes:
    """The bitmap's bits as a DIB of its format: bottom row first, rows padded to 4 bytes."""
    with GDI_LOCK:
        bits = _format(bitmap)
        rows = _rows(bitmap, bits)
    stride = (bitmap.width * bits + 31) // 32 * 4
    return b"".join(row.ljust(stride, b"\0") for row in reversed(rows))


def _color_table(bits: int) -> bytes:
    """RGBQUADs (blue, green, red, 0) for 1, 4 or 8 bits per pixel; none above."""
    if bits == 1:
        colors = [0, _WHITE]
    elif bits <= 8:
        colors = DEFAULT_PALETTE_COLORS[: 1 << bits]
        colors = colors + [0] * ((1 << bits) - len(colors))
    else:
        return b""
    return b"".join(bytes((c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF, 0)) for c in colors)


def bitmap_file_bytes(bitmap: Bitmap) -> bytes:
    """The .bmp file of a bitmap, as pywin32's SaveBitmapFile writes it."""
    with GDI_LOCK:
        bits = _format(bitmap)
        pixels = dib_bits(bitmap)
        width, height = bitmap.width, bitmap.height
        planes, bits_per_pixel = bitmap.planes, bitmap.bits_per_pixel
    table = _color_table(bits)
    offset = _FILE_HEADER + _INFO_HEADER + len(table)
    header = struct.pack("<2sIHHI", b"BM", offset + len(pixels), 0, 0, offset)
    info = struct.pack(
        "<IiiHHIIiiII",
        _INFO_HEADER,
        width,
        height,
        planes,
        bits_per_pixel,
        0,  # BI_RGB
        len(pixels),
        0,
        0,
        len(table) // 4,
        0,
    )
    return header + info + table + pixels


def save_bitmap_file(bitmap: Bitmap, path: str) -> None:
    """Write the bitmap to a .bmp file (created or replaced).

    Raises:
        OSError: the file cannot be written.
    """
    data = bitmap_file_bytes(bitmap)
    with open(path, "wb") as file:
        file.write(data)
