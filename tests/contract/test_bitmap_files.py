"""Contract: bitmaps loaded from .bmp files (LoadImage with IMAGE_BITMAP and LR_LOADFROMFILE),
as win32gui_menu.py loads its menu's pictures; bitmaps on the clipboard (CF_BITMAP), as
win32clipboard_bitmapdemo.py and test_clipboard.py use them; and the program's own icon
(LoadIcon of GetModuleHandle(None), 1), as win32gui_dialog.py and desktopmanager.py load it."""

from __future__ import annotations

import struct
import sys
from typing import TYPE_CHECKING, Any

import pytest
import pywintypes
import win32api
import win32clipboard
import win32con
import win32event
import win32gui
import win32process
import winerror

if TYPE_CHECKING:
    from pathlib import Path

RED, GREEN, BLUE, WHITE = 0x0000FF, 0x00FF00, 0xFF0000, 0xFFFFFF  # COLORREFs


def _bmp(rows: list[list[int]]) -> bytes:
    """A 24 bpp .bmp of ``rows`` (top row first) of COLORREFs, bottom-up."""
    width, height = len(rows[0]), len(rows)
    stride = (width * 3 + 3) // 4 * 4
    pixels = b"".join(
        b"".join(bytes((c >> 16 & 255, c >> 8 & 255, c & 255)) for c in row).ljust(stride, b"\0")
        for row in rows[::-1]
    )
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 14 + 40 + len(pixels), 0, 0, 54) + info + pixels


def _bmp8(rows: list[list[int]], palette: list[int]) -> bytes:
    """An 8 bpp .bmp of ``rows`` (top row first) of indexes into ``palette`` (COLORREFs)."""
    width, height = len(rows[0]), len(rows)
    stride = (width + 3) // 4 * 4
    pixels = b"".join(bytes(row).ljust(stride, b"\0") for row in rows[::-1])
    table = b"".join(bytes((c >> 16 & 255, c >> 8 & 255, c & 255, 0)) for c in palette)
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 8, 0, len(pixels), 2835, 2835,
                       len(palette), 0)  # fmt: skip
    offset = 14 + 40 + len(table)
    return b"BM" + struct.pack("<IHHI", offset + len(pixels), 0, 0, offset) + info + table + pixels


def _load(path: Path, width: int = 0, height: int = 0, flags: int = 0) -> Any:
    return win32gui.LoadImage(
        0, str(path), win32con.IMAGE_BITMAP, width, height, win32con.LR_LOADFROMFILE | flags
    )


def _pixels(bitmap: Any, width: int, height: int) -> list[list[int]]:
    dc = win32gui.CreateCompatibleDC(0)
    try:
        old = win32gui.SelectObject(dc, bitmap)
        rows = [[win32gui.GetPixel(dc, x, y) for x in range(width)] for y in range(height)]
        win32gui.SelectObject(dc, old)
        return rows
    finally:
        win32gui.DeleteDC(dc)


def test_a_bmp_file_loads_as_a_bitmap_handle(tmp_path: Path) -> None:
    path = tmp_path / "three.bmp"
    path.write_bytes(_bmp([[RED, GREEN, BLUE], [WHITE, 0, RED]]))
    bitmap = _load(path)
    try:
        assert isinstance(bitmap, int)  # a plain handle, not a PyGdiHANDLE
        assert win32gui.GetObjectType(bitmap) == win32con.OBJ_BITMAP
        info = win32gui.GetObject(bitmap)
        assert (info.bmWidth, info.bmHeight) == (3, 2)
        assert _pixels(bitmap, 3, 2) == [[RED, GREEN, BLUE], [WHITE, 0, RED]]
    finally:
        win32gui.DeleteObject(bitmap)


def test_a_size_stretches_the_bitmap(tmp_path: Path) -> None:
    path = tmp_path / "two.bmp"
    path.write_bytes(_bmp([[RED, GREEN], [BLUE, WHITE]]))
    bitmap = _load(path, 4, 4)
    info = win32gui.GetObject(bitmap)
    assert (info.bmWidth, info.bmHeight) == (4, 4)
    rows = _pixels(bitmap, 4, 4)
    assert [rows[0][0], rows[0][3], rows[3][0], rows[3][3]] == [RED, GREEN, BLUE, WHITE]
    win32gui.DeleteObject(bitmap)


def test_load_transparent_gives_the_first_pixels_colour_the_window_colour(
    tmp_path: Path,
) -> None:
    path = tmp_path / "eight.bmp"
    path.write_bytes(_bmp8([[0, 1, 0], [1, 0, 2]], [RED, GREEN, BLUE]))
    window = win32gui.GetSysColor(win32con.COLOR_WINDOW)
    bitmap = _load(path, flags=win32con.LR_LOADTRANSPARENT)
    # the first pixel of the bits: a bottom-up file's bottom row comes first (GREEN)
    assert _pixels(bitmap, 3, 2) == [[RED, window, RED], [window, RED, BLUE]]
    win32gui.DeleteObject(bitmap)
    plain = _load(path)
    assert _pixels(plain, 3, 2) == [[RED, GREEN, RED], [GREEN, RED, BLUE]]
    win32gui.DeleteObject(plain)


def test_a_missing_bmp_file_fails_with_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(pywintypes.error) as caught:
        _load(tmp_path / "none.bmp")
    assert caught.value.winerror == winerror.ERROR_FILE_NOT_FOUND
    assert caught.value.funcname == "LoadImage"


def test_a_file_that_is_no_bitmap_fails(tmp_path: Path) -> None:
    path = tmp_path / "text.bmp"
    path.write_bytes(b"this is no bitmap, only some text in a file")
    with pytest.raises(pywintypes.error) as caught:
        _load(path)
    assert caught.value.funcname == "LoadImage"


def test_the_program_has_its_icon_as_resource_1() -> None:
    program = win32api.GetModuleHandle(None)
    icon = win32gui.LoadIcon(program, 1)  # python.exe's icon: pywin32's demos load it
    assert icon
    assert win32gui.LoadIcon(program, 1) == icon  # a resource icon is shared: one handle
    with pytest.raises(pywintypes.error) as caught:
        win32gui.LoadIcon(program, 135)  # Pythonwin's icon: python.exe has none
    assert caught.value.winerror == winerror.ERROR_RESOURCE_TYPE_NOT_FOUND


def _red_bitmap(width: int, height: int) -> int:
    dc = win32gui.CreateCompatibleDC(0)
    screen = win32gui.GetDC(0)
    bitmap = win32gui.CreateCompatibleBitmap(screen, width, height)
    win32gui.ReleaseDC(0, screen)
    old = win32gui.SelectObject(dc, bitmap)
    brush = win32gui.CreateSolidBrush(RED)
    win32gui.FillRect(dc, (0, 0, width, height), brush)
    win32gui.DeleteObject(brush)
    win32gui.SelectObject(dc, old)
    win32gui.DeleteDC(dc)
    handle: int = bitmap.Detach()
    return handle


def _empty_clipboard() -> None:
    win32clipboard.OpenClipboard()
    win32clipboard.EmptyClipboard()
    win32clipboard.CloseClipboard()


def test_a_bitmap_on_the_clipboard_comes_back_as_its_handle() -> None:
    bitmap = _red_bitmap(4, 3)
    win32clipboard.OpenClipboard()
    try:
        win32clipboard.EmptyClipboard()
        assert win32clipboard.SetClipboardData(win32con.CF_BITMAP, bitmap) == bitmap
        assert win32clipboard.GetClipboardDataHandle(win32con.CF_BITMAP) == bitmap
        assert win32clipboard.GetClipboardData(win32con.CF_BITMAP) == bitmap
        assert win32clipboard.IsClipboardFormatAvailable(win32con.CF_BITMAP)
    finally:
        win32clipboard.CloseClipboard()
    _empty_clipboard()
    with pytest.raises(pywintypes.error) as caught:  # emptying the clipboard deleted it
        win32gui.GetObjectType(bitmap)
    assert caught.value.winerror == winerror.ERROR_INVALID_HANDLE


def test_another_process_reads_the_clipboards_bitmap() -> None:
    win32clipboard.OpenClipboard()
    try:
        win32clipboard.EmptyClipboard()
        win32clipboard.SetClipboardData(win32con.CF_BITMAP, _red_bitmap(4, 3))
    finally:
        win32clipboard.CloseClipboard()
    code = (
        "import sys, win32clipboard as c, win32gui as g; c.OpenClipboard(); "
        "b = c.GetClipboardData(2); o = g.GetObject(b); d = g.CreateCompatibleDC(0); "
        "g.SelectObject(d, b); p = g.GetPixel(d, 3, 2); c.CloseClipboard(); "
        f"sys.exit((o.bmWidth, o.bmHeight, p) == (4, 3, {RED}))"
    )
    process, thread, _, _ = win32process.CreateProcess(
        None, f'"{sys.executable}" -c "{code}"', None, None, False, 0, None, None,
        win32process.STARTUPINFO(),
    )  # fmt: skip
    thread.Close()
    try:
        assert win32event.WaitForSingleObject(process, 30_000) == win32event.WAIT_OBJECT_0
        assert win32process.GetExitCodeProcess(process) == 1
    finally:
        process.Close()
        _empty_clipboard()
