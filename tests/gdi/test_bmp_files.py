"""Bitmaps read from .bmp files (``gdi.load_bitmap_file``): what the contract tests cannot
ask Wine (its LoadImage reads a top-down file as black)."""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

import pytest

from apartment import gdi
from apartment.errors import InvalidParameterError, Win32Error

if TYPE_CHECKING:
    from pathlib import Path

RED, GREEN, BLUE, WHITE = 0x0000FF, 0x00FF00, 0xFF0000, 0xFFFFFF


def _top_down_bmp(rows: list[list[int]]) -> bytes:
    width, height = len(rows[0]), len(rows)
    stride = (width * 3 + 3) // 4 * 4
    pixels = b"".join(
        b"".join(bytes((c >> 16 & 255, c >> 8 & 255, c & 255)) for c in row).ljust(stride, b"\0")
        for row in rows
    )
    info = struct.pack("<IiiHHIIiiII", 40, width, -height, 1, 24, 0, len(pixels), 0, 0, 0, 0)
    return b"BM" + struct.pack("<IHHI", 54 + len(pixels), 0, 0, 54) + info + pixels


def test_a_top_down_file_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "top.bmp"
    path.write_bytes(_top_down_bmp([[RED, GREEN], [BLUE, WHITE]]))
    bitmap = gdi.load_bitmap_file(str(path))
    assert (bitmap.width, bitmap.height, bitmap.bits_per_pixel) == (2, 2, 32)
    assert list(bitmap.pixels) == [RED, GREEN, BLUE, WHITE]
    gdi.delete_object(bitmap.handle)


def test_monochrome_makes_it_black_and_white(tmp_path: Path) -> None:
    path = tmp_path / "mono.bmp"
    path.write_bytes(_top_down_bmp([[RED, WHITE]]))
    bitmap = gdi.load_bitmap_file(str(path), flags=gdi.LR_MONOCHROME)
    assert bitmap.bits_per_pixel == 1
    assert list(bitmap.pixels) == [0, WHITE]
    gdi.delete_object(bitmap.handle)


def test_bad_files_and_sizes_fail_at_the_door(tmp_path: Path) -> None:
    path = tmp_path / "x.bmp"
    path.write_bytes(_top_down_bmp([[RED]]))
    with pytest.raises(InvalidParameterError):
        gdi.load_bitmap_file(str(path), -1, 1)
    with pytest.raises(TypeError):
        gdi.load_bitmap_file(path)  # type: ignore[arg-type]
    path.write_bytes(b"BM" + bytes(60))
    with pytest.raises(InvalidParameterError):
        gdi.load_bitmap_file(str(path))
    with pytest.raises(Win32Error):
        gdi.load_bitmap_file(str(tmp_path / "none.bmp"))
