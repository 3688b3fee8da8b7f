"""win32ui's GDI part: the capture recipe, PyCDC and the GDI objects, errors as pywin32's.

pywin32's win32ui cannot be imported under Wine (no mfc140u.dll), so these rules come from
pywin32's sources and documentation (messages, argument shapes, results) and from win32gui
on the oracle where the same call exists (tests/contract/test_capture.py): a win32ui
capture gives the pixels win32gui's BitBlt and GetPixel give.
"""

from __future__ import annotations

import gc
import struct
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from apartment import gdi, messages
from apartment.win32 import pywintypes, win32gui, win32print, win32ui

if TYPE_CHECKING:
    from collections.abc import Iterator

SRCCOPY = 0x00CC0020
HORZRES, LOGPIXELSX, BITSPIXEL = 8, 88, 12
DT_CALCRECT, BS_SOLID, PS_SOLID, TRANSPARENT, OPAQUE, MM_TEXT = 0x400, 0, 0, 1, 2, 1
MB_YESNO, IDNO, IMAGE_BITMAP, LR_LOADFROMFILE = 4, 7, 0, 0x10


@pytest.fixture
def source() -> Iterator[int]:
    """A memory context of 6 x 4 colour pixels, each its own colour (drawn with win32gui)."""
    screen = win32gui.GetDC(0)
    dc = win32gui.CreateCompatibleDC(screen)
    bitmap = win32gui.CreateCompatibleBitmap(screen, 6, 4)
    win32gui.ReleaseDC(0, screen)
    old = win32gui.SelectObject(dc, bitmap)
    for y in range(4):
        for x in range(6):
            win32gui.SetPixel(dc, x, y, 0x10 * x | 0x40 * y << 8 | 0x80 << 16)
    yield dc
    win32gui.SelectObject(dc, old)
    win32gui.DeleteDC(dc)
    win32gui.DeleteObject(bitmap)


def _capture(hdc: int, width: int, height: int, x: int = 0, y: int = 0) -> win32ui.PyCBitmap:
    """The recipe real programs use, on ``hdc``; the memory context is deleted after."""
    src = win32ui.CreateDCFromHandle(hdc)
    mem = src.CreateCompatibleDC()
    bmp = win32ui.CreateBitmap()
    bmp.CreateCompatibleBitmap(src, width, height)
    mem.SelectObject(bmp)
    mem.BitBlt((0, 0), (width, height), src, (x, y), SRCCOPY)
    mem.DeleteDC()
    return bmp


def test_a_capture_gives_the_pixels_win32gui_reads(source: int) -> None:
    bmp = _capture(source, 4, 3, 1, 1)
    bits = bmp.GetBitmapBits(True)
    expected = b"".join(
        bytes((c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF, 0))
        for c in (win32gui.GetPixel(source, x, y) for y in range(1, 4) for x in range(1, 5))
    )
    assert bits == expected
    assert bmp.GetInfo() == {
        "bmType": 0, "bmWidth": 4, "bmHeight": 3, "bmWidthBytes": 16, "bmPlanes": 1,
        "bmBitsPixel": 32,
    }  # fmt: skip
    win32gui.DeleteObject(bmp.GetHandle())


def test_getbitmapbits_without_asstring_gives_signed_bytes(source: int) -> None:
    """pywin32 builds the tuple from C chars: 0x80 and above come out negative."""
    bmp = _capture(source, 1, 1)
    assert bmp.GetBitmapBits() == (-128, 0, 0, 0)
    assert bmp.GetBitmapBits(False) == tuple(
        b - 256 if b > 127 else b for b in bmp.GetBitmapBits(1)
    )
    win32gui.DeleteObject(bmp.GetHandle())


def test_savebitmapfile_writes_a_bmp_that_loads_with_the_same_pixels(
    source: int, tmp_path: Path
) -> None:
    bmp = _capture(source, 6, 4)
    mem = win32ui.CreateDCFromHandle(source)
    path = str(tmp_path / "shot.bmp")
    bmp.SaveBitmapFile(mem, path)
    data = Path(path).read_bytes()
    assert data[:2] == b"BM" and struct.unpack_from("<I", data, 2)[0] == len(data) == 54 + 96
    assert struct.unpack_from("<iiHH", data, 18) == (6, 4, 1, 32)
    loaded = win32gui.LoadImage(0, path, IMAGE_BITMAP, 0, 0, LR_LOADFROMFILE)
    dc = win32gui.CreateCompatibleDC(None)
    old = win32gui.SelectObject(dc, loaded)
    assert [win32gui.GetPixel(dc, x, y) for y in range(4) for x in range(6)] == [
        win32gui.GetPixel(source, x, y) for y in range(4) for x in range(6)
    ]
    win32gui.SelectObject(dc, old)
    win32gui.DeleteDC(dc)
    win32gui.DeleteObject(loaded)
    win32gui.DeleteObject(bmp.GetHandle())


def test_savebitmapfile_to_a_path_that_cannot_be_made_raises_createfile(
    source: int, tmp_path: Path
) -> None:
    bmp = _capture(source, 2, 2)
    with pytest.raises(win32ui.error, match=r"^CreateFile$"):
        bmp.SaveBitmapFile(win32ui.CreateDCFromHandle(source), str(tmp_path / "no" / "x.bmp"))
    win32gui.DeleteObject(bmp.GetHandle())


def test_the_desktop_capture_recipe_runs_and_is_black_every_time() -> None:
    """The screen shows nothing here: every capture of it is black, whatever was painted."""
    hwnd = win32gui.GetDesktopWindow()
    left, top, right, bottom = win32gui.GetWindowRect(hwnd)
    shots = []
    for _ in range(2):
        wdc = win32gui.GetWindowDC(hwnd)
        dc_obj = win32ui.CreateDCFromHandle(wdc)
        cdc = dc_obj.CreateCompatibleDC()
        bmp = win32ui.CreateBitmap()
        bmp.CreateCompatibleBitmap(dc_obj, right - left, bottom - top)
        cdc.SelectObject(bmp)
        cdc.FillSolidRect((0, 0, 50, 50), 0x00FF00)  # overwritten by the capture
        cdc.BitBlt((0, 0), (right - left, bottom - top), dc_obj, (left, top), SRCCOPY)
        shots.append(bmp.GetBitmapBits(True))
        dc_obj.DeleteDC()
        cdc.DeleteDC()
        assert win32gui.ReleaseDC(hwnd, wdc) == 0  # DeleteDC took it already (as Wine)
        win32gui.DeleteObject(bmp.GetHandle())
    assert shots[0] == shots[1] == bytes(1024 * 768 * 4)


def test_selectobject_gives_back_the_object_selected_before(source: int) -> None:
    mem = win32ui.CreateDCFromHandle(source).CreateCompatibleDC()
    first, second = win32ui.CreateBitmap(), win32ui.CreateBitmap()
    first.CreateCompatibleBitmap(mem, 2, 2)
    second.CreateCompatibleBitmap(mem, 2, 2)
    stock = mem.SelectObject(first)
    assert isinstance(stock, win32ui.PyCBitmap) and stock.GetInfo()["bmWidth"] == 1
    assert mem.SelectObject(second) is first
    assert mem.SelectObject(stock) is second
    mem.DeleteDC()
    for bmp in (first, second):
        win32gui.DeleteObject(bmp.GetHandle())


def test_a_bitmap_from_a_handle_knows_its_size_one_created_does_not() -> None:
    """pywin32 keeps the size only for bitmaps made from a handle or loaded (GetSize)."""
    bmp = win32ui.CreateBitmap()
    assert bmp.GetHandle() == 0
    bmp.CreateCompatibleBitmap(win32ui.CreateDCFromHandle(win32gui.GetDC(0)), 5, 3)
    assert bmp.GetSize() == (0, 0)
    same = win32ui.CreateBitmapFromHandle(bmp.GetHandle())
    assert same.GetSize() == (5, 3)
    win32gui.DeleteObject(bmp.GetHandle())
    with pytest.raises(win32ui.error, match="Attach failed!"):
        win32ui.CreateBitmapFromHandle(12345)


def test_deletedc_twice_fails_and_a_released_context_cannot_blit(source: int) -> None:
    mem = win32ui.CreateDCFromHandle(source).CreateCompatibleDC()
    hdc = mem.GetSafeHdc()
    mem.DeleteDC()
    with pytest.raises(win32ui.error, match=r"^DeleteDC failed$"):
        mem.DeleteDC()
    assert gdi.object_type(source) == gdi.OBJ_MEMDC
    with pytest.raises(pywintypes.error):
        win32gui.GetObjectType(hdc)
    other = win32ui.CreateDCFromHandle(source)
    with pytest.raises(win32ui.error, match=r"^BitBlt failed$"):
        mem.BitBlt((0, 0), (1, 1), other, (0, 0), SRCCOPY)
    with pytest.raises(TypeError):
        other.BitBlt((0, 0), (1, 1), None, (0, 0), SRCCOPY)  # type: ignore[arg-type]


def test_createdcfromhandle_gives_one_object_per_handle_across_threads(source: int) -> None:
    barrier = threading.Barrier(4)
    seen: list[win32ui.PyCDC] = []
    lock = threading.Lock()

    def wrap() -> None:
        barrier.wait(timeout=10)
        obj = win32ui.CreateDCFromHandle(source)
        with lock:
            seen.append(obj)

    threads = [threading.Thread(target=wrap) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(seen) == 4 and all(obj is seen[0] for obj in seen)
    with pytest.raises(win32ui.error, match=r"^Could not create DC\.$"):
        win32ui.CreateDCFromHandle(0)


def test_createfont_takes_pywin32_s_keys_and_defaults(source: int) -> None:
    font = win32ui.CreateFont({"name": "Arial", "height": -20, "weight": 700, "italic": 1})
    logfont: Any = win32gui.GetObject(font.GetSafeHandle())
    assert (logfont.lfFaceName, logfont.lfHeight, logfont.lfWeight) == ("Arial", -20, 700)
    assert (logfont.lfItalic, logfont.lfCharSet, logfont.lfQuality) == (1, 1, 2)
    with pytest.raises(TypeError, match="'size' is an invalid keyword argument"):
        win32ui.CreateFont({"size": 3})
    with pytest.raises(ValueError, match="at most 31 characters"):
        win32ui.CreateFont({"name": "x" * 32})
    with pytest.raises(win32ui.error, match=r"^Expected dictionary of font properties\.$"):
        win32ui.CreateFont([("name", "Arial")])  # type: ignore[arg-type]


def test_createfont_with_a_context_reads_the_height_in_tenths_of_a_point(source: int) -> None:
    """MFC's CreatePointFontIndirect: 12 points at 96 dots per inch are 16 pixels."""
    dc = win32ui.CreateDCFromHandle(source)
    font = win32ui.CreateFont({"name": "Arial", "height": 120}, dc)
    logfont: Any = win32gui.GetObject(font.GetSafeHandle())
    assert logfont.lfHeight == -16


def test_a_font_made_by_createfont_goes_with_its_object() -> None:
    font = win32ui.CreateFont({"name": "Arial"})
    handle = font.GetSafeHandle()
    assert gdi.object_type(handle) == gdi.OBJ_FONT
    del font
    gc.collect()
    with pytest.raises(pywintypes.error):
        win32gui.GetObjectType(handle)


def test_text_and_shapes_on_a_pycdc(source: int) -> None:
    mem = win32ui.CreateDCFromHandle(source)
    old_font = mem.SelectObject(win32ui.CreateFont({"name": "Courier New", "height": 16}))
    assert isinstance(old_font, win32ui.PyCFont)
    assert mem.GetTextFace() == "Courier New"
    assert mem.GetTextExtent("abc") == mem.GetTextExtentPoint("abc")
    assert mem.GetTextMetrics()["tmHeight"] == 16
    mem.TextOut(0, 0, "drawn nowhere: text is measured, not rasterized")
    assert mem.DrawText("hi", (0, 0, 60, 40), DT_CALCRECT) == 16
    brush = win32ui.CreateBrush(BS_SOLID, 0x0000FF, 0)
    mem.FillRect((0, 0, 2, 2), brush)
    assert mem.GetPixel(1, 1) == 0x0000FF
    empty = win32ui.CreateBrush()
    empty.CreateSolidBrush(0x00FF00)
    mem.FrameRect((2, 0, 6, 4), empty)
    assert mem.GetPixel(2, 0) == 0x00FF00
    mem.SelectObject(old_font)
    old_pen = mem.SelectObject(win32ui.CreatePen(PS_SOLID, 1, 0xFFFFFF))
    assert isinstance(old_pen, win32ui.PyCPen)
    assert mem.MoveTo(0, 3) == (0, 0)
    mem.LineTo((6, 3))
    assert mem.GetCurrentPosition() == (6, 3)
    assert mem.GetPixel(5, 3) == 0xFFFFFF
    mem.SelectObject(old_pen)
    assert mem.SetTextColor(0x123456) == 0
    assert mem.SetBkMode(TRANSPARENT) == OPAQUE
    assert mem.SetMapMode(MM_TEXT) == MM_TEXT
    assert mem.GetClipBox() == (0, 0, 6, 4)
    with pytest.raises(win32ui.error, match=r"^Attempt to select unsupported object type\.$"):
        mem.SelectObject(object())  # type: ignore[arg-type]


def test_device_caps_are_the_screen_s_and_zero_for_a_bad_handle(source: int) -> None:
    dc = win32ui.CreateDCFromHandle(source)
    assert dc.GetDeviceCaps(HORZRES) == 1024
    assert dc.GetDeviceCaps(BITSPIXEL) == 32
    assert win32ui.GetDeviceCaps(source, LOGPIXELSX) == 96
    assert win32ui.GetDeviceCaps(0x1234, HORZRES) == 0
    assert win32ui.CreateDC().GetDeviceCaps(HORZRES) == 0


def test_win32print_getdevicecaps_answers_for_a_screen_context() -> None:
    """Failed before: every win32print call on a handle raised ERROR_INVALID_HANDLE."""
    screen = win32gui.CreateDC("DISPLAY", None, None)
    assert win32print.GetDeviceCaps(screen, HORZRES) == 1024
    assert win32print.GetDeviceCaps(screen, LOGPIXELSX) == 96
    assert win32print.GetDeviceCaps(0x1234, HORZRES) == 0
    win32gui.DeleteDC(screen)


def test_printing_fails_as_pywin32_without_a_printer() -> None:
    dc = win32ui.CreateDC()
    assert dc.GetSafeHdc() == 0
    with pytest.raises(win32ui.error, match=r"^No default printer found$"):
        dc.CreatePrinterDC()
    with pytest.raises(win32ui.error, match=r"^Unable to open printer$"):
        dc.CreatePrinterDC("Microsoft Print to PDF")
    with pytest.raises(win32ui.error, match=r"^StartDoc failed$"):
        dc.StartDoc("report", None)
    with pytest.raises(win32ui.error, match=r"^StartPage failed$"):
        dc.StartPage()
    with pytest.raises(win32ui.error, match=r"^EndDoc failed \(error code -1\)$"):
        dc.EndDoc()
    assert dc.IsPrinting() is False


def test_getmainframe_raises_win32ui_error_which_is_its_own_class() -> None:
    with pytest.raises(win32ui.error, match=r"^The frame does not exist$"):
        win32ui.GetMainFrame()
    assert not issubclass(win32ui.error, pywintypes.error)


def test_messagebox_is_titled_with_the_application_s_name() -> None:
    seen: list[messages.MessageBoxRequest] = []

    def choose(request: messages.MessageBoxRequest) -> int:
        seen.append(request)
        return IDNO

    previous = messages.set_message_box_chooser(choose)
    try:
        assert win32ui.MessageBox("Save?", None, MB_YESNO) == IDNO
        assert win32ui.MessageBox("Done") == IDNO
    finally:
        messages.set_message_box_chooser(previous)
    assert [(r.text, r.caption, r.style) for r in seen] == [
        ("Save?", "python", MB_YESNO),
        ("Done", "python", 0),
    ]


def test_a_window_found_by_title_gives_contexts_to_capture_from() -> None:
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "Win32uiCaptureTarget"
    wc.lpfnWndProc = win32gui.DefWindowProc
    atom = win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindow(
        "Win32uiCaptureTarget", "capture me", 0x80000000, 10, 20, 64, 32, 0, 0, 0, None
    )
    try:
        wnd = win32ui.FindWindow(None, "capture me")
        assert wnd is win32ui.CreateWindowFromHandle(hwnd)
        assert wnd.GetSafeHwnd() == hwnd
        assert wnd.GetWindowRect() == (10, 20, 74, 52)
        assert wnd.GetClientRect() == (0, 0, 64, 32)
        assert wnd.GetWindowText() == "capture me"
        dc = wnd.GetWindowDC()
        bmp = _capture(dc.GetSafeHdc(), 64, 32)
        assert bmp.GetBitmapBits(True) == bytes(64 * 32 * 4)
        wnd.ReleaseDC(dc)
        again = wnd.GetDC()
        again.DeleteDC()  # then MFC's ReleaseDC hands ::ReleaseDC a NULL HDC
        with pytest.raises(win32ui.error, match=r"^ReleaseDC failed$"):
            wnd.ReleaseDC(again)
        win32gui.DeleteObject(bmp.GetHandle())
    finally:
        win32gui.DestroyWindow(hwnd)
        win32gui.UnregisterClass(atom, 0)
    with pytest.raises(win32ui.error, match=r"^No window can be found\.$"):
        win32ui.FindWindow(None, "capture me")
    with pytest.raises(win32ui.error, match=r"^The window handle does not specify a valid window$"):
        wnd.GetWindowRect()
    with pytest.raises(win32ui.error, match=r"^The window handle is invalid\.$"):
        win32ui.CreateWindowFromHandle(0)


def test_loadbitmapfile_reads_a_saved_bitmap_from_a_file_object(
    source: int, tmp_path: Path
) -> None:
    bmp = _capture(source, 6, 4)
    path = tmp_path / "shot.bmp"
    bmp.SaveBitmapFile(win32ui.CreateDCFromHandle(source), str(path))
    loaded = win32ui.CreateBitmap()
    with path.open("rb") as file:
        loaded.LoadBitmapFile(file)
    assert loaded.GetSize() == (6, 4)
    assert loaded.GetBitmapBits(True) == bmp.GetBitmapBits(True)
    (tmp_path / "not.bmp").write_bytes(b"PK" + bytes(20))
    with (tmp_path / "not.bmp").open("rb") as file, pytest.raises(TypeError, match="not a DIB"):
        win32ui.CreateBitmap().LoadBitmapFile(file)
    for handle in (bmp.GetHandle(), loaded.GetHandle()):
        win32gui.DeleteObject(handle)
