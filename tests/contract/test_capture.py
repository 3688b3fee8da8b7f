"""Contract: what a screen capture rests on, through win32gui (the oracle has no win32ui).

pywin32's win32ui needs MFC (mfc140u.dll), which Wine lacks, so win32ui's capture recipe is
pinned here through the calls it makes: CreateCompatibleDC, CreateCompatibleBitmap, BitBlt,
GetDeviceCaps, DeleteDC and ReleaseDC on a window's context, and the bytes of the bitmap
(GetBitmapBits, GetDIBits: ctypes on the oracle, ``apartment.gdi`` on the facade, where
win32ui's GetBitmapBits and SaveBitmapFile take them from).
"""

import ctypes
from collections.abc import Iterator

import pytest
import win32con
import win32gui
import win32print

from ._wine import ON_THE_ORACLE, wine_differs

SCREEN_CAPS = {
    win32con.HORZRES: 1024, win32con.VERTRES: 768, win32con.BITSPIXEL: 32,
    win32con.PLANES: 1, win32con.LOGPIXELSX: 96, win32con.LOGPIXELSY: 96,
    win32con.HORZSIZE: 271, win32con.VERTSIZE: 203, win32con.NUMCOLORS: -1,
    win32con.TECHNOLOGY: win32con.DT_RASDISPLAY, 117: 768, 118: 1024,  # DESKTOPVERTRES/HORZRES
    win32con.SIZEPALETTE: 0, 200: 0,
}  # fmt: skip


def _bitmap_bits(bitmap: int, size: int) -> bytes:
    """GetBitmapBits of a bitmap handle."""
    if ON_THE_ORACLE:
        buffer = ctypes.create_string_buffer(size)
        gdi32 = ctypes.windll.gdi32  # type: ignore[attr-defined]
        assert gdi32.GetBitmapBits(ctypes.c_void_p(bitmap), size, buffer) == size
        return buffer.raw
    from apartment import gdi

    obj = gdi.object_of(bitmap, gdi.Bitmap)
    assert isinstance(obj, gdi.Bitmap)
    return gdi.bitmap_bits(obj)


def _dib_bits(hdc: int, bitmap: int, width: int, height: int) -> bytes:
    """GetDIBits of a bitmap handle as a bottom-up 32 bpp DIB."""
    if ON_THE_ORACLE:
        header = (ctypes.c_uint8 * 40)()
        ctypes.memmove(header, bytes([40, 0, 0, 0]), 4)
        ctypes.memmove(ctypes.byref(header, 4), width.to_bytes(4, "little"), 4)
        ctypes.memmove(ctypes.byref(header, 8), height.to_bytes(4, "little"), 4)
        ctypes.memmove(ctypes.byref(header, 12), bytes([1, 0, 32, 0]), 4)
        buffer = ctypes.create_string_buffer(4 * width * height)
        gdi32 = ctypes.windll.gdi32  # type: ignore[attr-defined]
        got = gdi32.GetDIBits(
            ctypes.c_void_p(hdc), ctypes.c_void_p(bitmap), 0, height, buffer, header, 0
        )
        assert got == height
        return buffer.raw
    from apartment import gdi

    obj = gdi.object_of(bitmap, gdi.Bitmap)
    assert isinstance(obj, gdi.Bitmap)
    return gdi.dib_bits(obj)


@pytest.fixture
def capture() -> Iterator[tuple[int, int]]:
    """A memory context and a 4 x 2 bitmap compatible with the screen, selected into it."""
    screen = win32gui.GetDC(0)
    dc = win32gui.CreateCompatibleDC(screen)
    bitmap = win32gui.CreateCompatibleBitmap(screen, 4, 2)
    win32gui.ReleaseDC(0, screen)
    old = win32gui.SelectObject(dc, bitmap)
    yield dc, int(bitmap)
    win32gui.SelectObject(dc, old)
    win32gui.DeleteDC(dc)
    win32gui.DeleteObject(bitmap)


@pytest.mark.parametrize("kind", ["CreateDC", "GetDC", "CreateCompatibleDC"])
def test_every_context_has_the_screen_s_capabilities(kind: str) -> None:
    if kind == "CreateDC":
        dc = win32gui.CreateDC("DISPLAY", None, None)
    elif kind == "GetDC":
        dc = win32gui.GetDC(0)
    else:
        dc = win32gui.CreateCompatibleDC(None)
    caps = {index: win32print.GetDeviceCaps(dc, index) for index in SCREEN_CAPS}
    if kind == "GetDC":
        win32gui.ReleaseDC(0, dc)
    else:
        win32gui.DeleteDC(dc)
    assert caps == SCREEN_CAPS


def test_getdevicecaps_of_a_handle_that_is_no_context_is_zero() -> None:
    assert win32print.GetDeviceCaps(0x1234, win32con.HORZRES) == 0


def test_a_screen_compatible_bitmap_is_32_bits_blue_green_red_zero(
    capture: tuple[int, int],
) -> None:
    dc, bitmap = capture
    win32gui.SetPixel(dc, 0, 0, 0x112233)
    win32gui.SetPixel(dc, 1, 0, 0xFFFFFF)
    win32gui.SetPixel(dc, 3, 1, 0x0000FF)
    info = win32gui.GetObject(bitmap)
    assert (info.bmBitsPixel, info.bmWidthBytes, info.bmPlanes) == (32, 16, 1)
    assert _bitmap_bits(bitmap, 32) == bytes.fromhex(
        "11223300 ffffff00 00000000 00000000 00000000 00000000 00000000 0000ff00"
    )


def test_a_blit_between_memory_contexts_copies_the_pixels(capture: tuple[int, int]) -> None:
    dc, bitmap = capture
    source = win32gui.CreateCompatibleDC(dc)
    other = win32gui.CreateCompatibleBitmap(dc, 3, 3)
    old = win32gui.SelectObject(source, other)
    brush = win32gui.CreateSolidBrush(0x00FF00)
    win32gui.FillRect(source, (0, 0, 3, 3), brush)
    win32gui.SetPixel(source, 1, 1, 0x123456)
    win32gui.BitBlt(dc, 1, 0, 3, 2, source, 0, 1, win32con.SRCCOPY)
    got = [[win32gui.GetPixel(dc, x, y) for x in range(4)] for y in range(2)]
    win32gui.SelectObject(source, old)
    win32gui.DeleteDC(source)
    win32gui.DeleteObject(other)
    assert got == [[0, 0x00FF00, 0x123456, 0x00FF00], [0, 0x00FF00, 0x00FF00, 0x00FF00]]
    assert _dib_bits(dc, bitmap, 4, 2)[:16] == bytes.fromhex(
        "00000000 00ff0000 00ff0000 00ff0000"  # the bottom row first
    )


def test_deletedc_takes_a_window_context_and_releasedc_then_answers_0() -> None:
    """win32ui's recipe: CreateDCFromHandle(GetWindowDC(hwnd)).DeleteDC(), then ReleaseDC."""
    hwnd = win32gui.GetDesktopWindow()
    hdc = win32gui.GetWindowDC(hwnd)
    win32gui.DeleteDC(hdc)
    assert win32gui.ReleaseDC(hwnd, hdc) == 0


@wine_differs("Wine's display driver cannot read the screen back: BitBlt fails with error 0")
def test_a_blit_from_the_screen_succeeds(capture: tuple[int, int]) -> None:
    dc, _ = capture
    hwnd = win32gui.GetDesktopWindow()
    screen = win32gui.GetWindowDC(hwnd)
    try:
        win32gui.BitBlt(dc, 0, 0, 4, 2, screen, 0, 0, win32con.SRCCOPY)
    finally:
        win32gui.ReleaseDC(hwnd, screen)
