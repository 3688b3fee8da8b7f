"""A bitmap's bits as bytes (GetBitmapBits, DIBs, .bmp files), device caps, the copy blit.

The byte layouts are Wine's (the oracle): GetBitmapBits of a 32 bpp bitmap holding the
COLORREF 0x112233 then white starts ``11 22 33 00 ff ff ff 00``, and GetDIBits gives the same
pixels bottom row first (probed with ctypes under the pywin32 oracle; see
tests/contract/test_capture.py, which pins them on both sides).
"""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

import pytest

from apartment import gdi
from apartment.messages import Region

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.fixture
def memdc() -> Iterator[gdi.DeviceContext]:
    dc = gdi.create_memory_dc()
    yield dc
    with gdi.GDI_LOCK:
        dc.delete()


def _bitmap(dc: gdi.DeviceContext, width: int, height: int, bits: int = 32) -> gdi.Bitmap:
    bitmap = gdi.create_bitmap(width, height, 1, bits)
    dc.select(bitmap)
    return bitmap


def test_32_bpp_bits_are_blue_green_red_zero_top_row_first(memdc: gdi.DeviceContext) -> None:
    bitmap = _bitmap(memdc, 3, 2)
    gdi.set_pixel(memdc, 0, 0, 0x112233)
    gdi.set_pixel(memdc, 1, 0, 0xFFFFFF)
    gdi.set_pixel(memdc, 2, 1, 0x0000FF)
    bits = gdi.bitmap_bits(bitmap)
    assert len(bits) == bitmap.width_bytes * bitmap.height == 24
    assert bits[:12] == bytes.fromhex("11223300 ffffff00 00000000")
    assert bits[12:] == bytes.fromhex("00000000 00000000 0000ff00")


def test_a_dib_is_bottom_row_first(memdc: gdi.DeviceContext) -> None:
    bitmap = _bitmap(memdc, 3, 2)
    gdi.set_pixel(memdc, 0, 0, 0x112233)
    dib = gdi.dib_bits(bitmap)
    assert dib[12:16] == bytes.fromhex("11223300")
    assert dib[:12] == bytes(12)


def test_monochrome_bits_pack_from_the_high_bit_with_white_as_one(
    memdc: gdi.DeviceContext,
) -> None:
    bitmap = _bitmap(memdc, 10, 2, bits=1)
    gdi.set_pixel(memdc, 0, 0, 0xFFFFFF)
    gdi.set_pixel(memdc, 9, 0, 0xFFFFFF)
    gdi.set_pixel(memdc, 1, 1, 0xFFFFFF)
    bits = gdi.bitmap_bits(bitmap)
    assert bitmap.width_bytes == 2  # rows padded to a WORD
    assert bits == bytes((0x80, 0x40, 0x40, 0x00))
    dib = gdi.dib_bits(bitmap)  # rows padded to 4 bytes, bottom row first
    assert dib == bytes((0x40, 0, 0, 0, 0x80, 0x40, 0, 0))


def test_24_bpp_rows_are_padded_to_a_word_and_a_dib_s_to_four_bytes(
    memdc: gdi.DeviceContext,
) -> None:
    bitmap = _bitmap(memdc, 1, 2, bits=24)
    gdi.set_pixel(memdc, 0, 1, 0x010203)
    assert gdi.bitmap_bits(bitmap) == bytes.fromhex("000000 00 010203 00")
    assert gdi.dib_bits(bitmap) == bytes.fromhex("01020300 00000000")


def test_the_bmp_file_has_pywin32_s_headers_and_reads_back(
    memdc: gdi.DeviceContext, tmp_path: Path
) -> None:
    bitmap = _bitmap(memdc, 5, 3)
    gdi.fill_rect(memdc, (1, 1, 4, 3), gdi.create_brush(0, 0x00FF00))
    gdi.set_pixel(memdc, 4, 0, 0x123456)
    path = tmp_path / "shot.bmp"
    gdi.save_bitmap_file(bitmap, str(path))
    data = path.read_bytes()
    kind, size, _, _, offset = struct.unpack_from("<2sIHHI", data)
    assert (kind, size, offset) == (b"BM", len(data), 54)
    header = struct.unpack_from("<IiiHHIIiiII", data, 14)
    assert header == (40, 5, 3, 1, 32, 0, 5 * 4 * 3, 0, 0, 0, 0)
    copy = gdi.load_bitmap_file(str(path))
    assert (copy.width, copy.height) == (5, 3)
    assert list(copy.pixels) == list(bitmap.pixels)


def test_a_monochrome_bmp_file_has_a_black_and_white_colour_table(
    memdc: gdi.DeviceContext, tmp_path: Path
) -> None:
    bitmap = _bitmap(memdc, 3, 1, bits=1)
    gdi.set_pixel(memdc, 1, 0, 0xFFFFFF)
    data = gdi.bitmap_file_bytes(bitmap)
    assert struct.unpack_from("<I", data, 10)[0] == 14 + 40 + 8
    assert struct.unpack_from("<I", data, 46)[0] == 2  # biClrUsed
    assert data[54:62] == bytes.fromhex("00000000 ffffff00")
    assert data[62:] == bytes((0x40, 0, 0, 0))


def test_every_context_has_the_screen_s_capabilities() -> None:
    assert gdi.device_caps(8) == gdi.HORZRES == 1024  # HORZRES
    assert gdi.device_caps(10) == gdi.VERTRES == 768
    assert gdi.device_caps(12) == 32  # BITSPIXEL
    assert gdi.device_caps(88) == gdi.device_caps(90) == 96  # LOGPIXELSX/Y
    assert gdi.device_caps(118) == 1024  # DESKTOPHORZRES
    assert gdi.device_caps(24) == -1  # NUMCOLORS above 8 bpp
    assert gdi.device_caps(200) == 0


def _pattern(dc: gdi.DeviceContext, width: int, height: int) -> None:
    for y in range(height):
        for x in range(width):
            gdi.set_pixel(dc, x, y, (x * 37 + y * 101) & 0xFFFFFF)


@pytest.mark.parametrize(
    ("x", "y", "sx", "sy"),
    [(0, 0, 0, 0), (3, 2, 0, 0), (-2, -1, 1, 1), (0, 0, 5, 4), (4, 4, -3, -2)],
)
def test_the_row_copy_gives_what_the_pixel_loop_gives(x: int, y: int, sx: int, sy: int) -> None:
    """SRCCOPY without stretch or clip copies rows; a clip the size of the bitmap (which
    changes nothing) sends the same blit through the pixel loop: the results must agree."""
    source = gdi.create_memory_dc()
    _bitmap(source, 9, 7)
    _pattern(source, 9, 7)
    results = []
    for clip in (None, Region.rect(0, 0, 8, 6)):
        dest = gdi.create_memory_dc()
        bitmap = _bitmap(dest, 8, 6)
        gdi.fill_rect(dest, (0, 0, 8, 6), gdi.create_brush(0, 0xABCDEF))
        dest.state.clip = clip
        gdi.bit_blt(dest, x, y, 7, 5, source, sx, sy, 0x00CC0020)
        results.append(list(bitmap.pixels))
        with gdi.GDI_LOCK:
            dest.delete()
    with gdi.GDI_LOCK:
        source.delete()
    assert results[0] == results[1]


def test_a_copy_from_the_screen_is_black_every_time() -> None:
    """The screen shows nothing (no context of a window or the screen has pixels)."""
    screen = gdi.create_window_dc(0)
    shots = []
    for _ in range(2):
        dc = gdi.create_memory_dc()
        bitmap = gdi.create_compatible_bitmap(screen, 16, 8)
        dc.select(bitmap)
        gdi.fill_rect(dc, (0, 0, 16, 8), gdi.create_brush(0, 0xFFFFFF))
        gdi.bit_blt(dc, 0, 0, 16, 8, screen, 100, 100, 0x00CC0020)
        shots.append(gdi.bitmap_bits(bitmap))
        with gdi.GDI_LOCK:
            dc.delete()
    with gdi.GDI_LOCK:
        screen.delete()
    assert shots[0] == shots[1] == bytes(16 * 8 * 4)
