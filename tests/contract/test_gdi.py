"""Contract: GDI objects, device contexts, drawing into memory bitmaps, painting windows."""

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32gui
import winerror

WHITE = 0xFFFFFF
RED = 0x0000FF


@pytest.fixture
def memdc() -> Iterator[int]:
    """A memory context holding an 8 x 8 colour bitmap, all black."""
    screen = win32gui.GetDC(0)
    dc = win32gui.CreateCompatibleDC(None)
    bitmap = win32gui.CreateCompatibleBitmap(screen, 8, 8)
    win32gui.ReleaseDC(0, screen)
    old = win32gui.SelectObject(dc, bitmap)
    yield dc
    win32gui.SelectObject(dc, old)
    win32gui.DeleteDC(dc)
    win32gui.DeleteObject(bitmap)


def pixels(dc: int, width: int, height: int) -> list[list[int]]:
    return [[win32gui.GetPixel(dc, x, y) for x in range(width)] for y in range(height)]


# -- objects -------------------------------------------------------------------------------------


def test_stock_objects_are_ints_of_their_kind() -> None:
    kinds = {
        win32con.WHITE_BRUSH: win32con.OBJ_BRUSH,
        win32con.NULL_BRUSH: win32con.OBJ_BRUSH,
        win32con.BLACK_PEN: win32con.OBJ_PEN,
        win32con.SYSTEM_FONT: win32con.OBJ_FONT,
        win32con.DEFAULT_PALETTE: win32con.OBJ_PAL,
    }
    for index, kind in kinds.items():
        handle = win32gui.GetStockObject(index)
        assert type(handle) is int and handle
        assert win32gui.GetObjectType(handle) == kind
    assert win32gui.GetStockObject(9) == 0  # no stock object has that index


def test_stock_objects_survive_deleteobject() -> None:
    brush = win32gui.GetStockObject(win32con.WHITE_BRUSH)
    win32gui.DeleteObject(brush)  # "not necessary, but not harmful"
    assert win32gui.GetObjectType(brush) == win32con.OBJ_BRUSH


def test_created_objects_are_gdi_handles_that_delete_on_close() -> None:
    brush = win32gui.CreateSolidBrush(RED)
    assert isinstance(brush, pywintypes.HANDLEType)
    assert repr(brush).startswith("<PyGdiHANDLE:")
    value = int(brush)
    assert win32gui.GetObjectType(value) == win32con.OBJ_BRUSH
    brush.Close()
    assert int(brush) == 0
    with pytest.raises(pywintypes.error) as info:
        win32gui.GetObjectType(value)
    assert info.value.args[:2] == (winerror.ERROR_INVALID_HANDLE, "GetObjectType")


def test_deleteobject_closes_a_gdi_handle_and_fails_a_second_time() -> None:
    brush = win32gui.CreateSolidBrush(RED)
    value = brush.Detach()
    win32gui.DeleteObject(value)
    with pytest.raises(pywintypes.error) as info:
        win32gui.DeleteObject(value)
    assert info.value.funcname == "DeleteObject"
    pen = win32gui.CreatePen(win32con.PS_SOLID, 1, 0)
    win32gui.DeleteObject(pen)
    assert int(pen) == 0


def test_getobject_shapes() -> None:
    pen = win32gui.CreatePen(win32con.PS_DASH, 3, 0x00FF00)
    assert win32gui.GetObject(pen) == {"Style": win32con.PS_DASH, "Width": 3, "Color": 0x00FF00}
    bitmap = win32gui.CreateBitmap(10, 5, 1, 32, None)
    info = win32gui.GetObject(bitmap)
    assert (info.bmType, info.bmWidth, info.bmHeight, info.bmWidthBytes) == (0, 10, 5, 40)
    assert (info.bmPlanes, info.bmBitsPixel) == (1, 32)
    logfont = win32gui.LOGFONT()
    logfont.lfHeight = 20
    logfont.lfFaceName = "Arial"
    font = win32gui.GetObject(win32gui.CreateFontIndirect(logfont))
    assert (font.lfHeight, font.lfFaceName) == (20, "Arial")
    for unsupported in (
        win32gui.CreateSolidBrush(0),
        win32gui.CreateRectRgnIndirect((0, 0, 1, 1)),
        win32gui.GetStockObject(win32con.DEFAULT_PALETTE),
    ):
        with pytest.raises(ValueError, match="This GDI object type is not supported"):
            win32gui.GetObject(unsupported)


def test_logfont_starts_empty() -> None:
    logfont = win32gui.LOGFONT()
    assert (logfont.lfHeight, logfont.lfWeight, logfont.lfFaceName) == (0, 0, "")


def test_brush_and_pen_arguments_are_checked() -> None:
    with pytest.raises(TypeError):
        win32gui.CreateSolidBrush("red")
    with pytest.raises(TypeError, match="LOGBRUSH must be a dict"):
        win32gui.CreateBrushIndirect(5)
    with pytest.raises(TypeError):
        win32gui.CreateBrushIndirect({"Style": 0})
    with pytest.raises(TypeError, match="This param must be None"):
        win32gui.CreateBitmap(2, 2, 1, 32, b"\x00" * 16)
    with pytest.raises(pywintypes.error) as info:
        win32gui.ExtCreatePen(win32con.PS_COSMETIC, 2, {"Style": 0, "Color": 0, "Hatch": 0})
    assert info.value.winerror == winerror.ERROR_INVALID_PARAMETER
    pen = win32gui.ExtCreatePen(
        win32con.PS_GEOMETRIC, 2, {"Style": win32con.BS_SOLID, "Color": 0, "Hatch": 0}
    )
    assert win32gui.GetObjectType(pen) == win32con.OBJ_EXTPEN


def test_an_empty_compatible_bitmap_is_the_stock_one() -> None:
    dc = win32gui.CreateCompatibleDC(None)
    try:
        stock = win32gui.GetCurrentObject(dc, win32con.OBJ_BITMAP)
        bitmap = win32gui.CreateCompatibleBitmap(dc, 0, 0)
        assert int(bitmap) == stock
        info = win32gui.GetObject(stock)
        assert (info.bmWidth, info.bmHeight, info.bmBitsPixel) == (1, 1, 1)
    finally:
        win32gui.DeleteDC(dc)


def test_a_memory_context_makes_monochrome_bitmaps() -> None:
    dc = win32gui.CreateCompatibleDC(None)
    screen = win32gui.GetDC(0)
    try:
        assert win32gui.GetObject(win32gui.CreateCompatibleBitmap(dc, 8, 8)).bmBitsPixel == 1
        assert win32gui.GetObject(win32gui.CreateCompatibleBitmap(screen, 8, 8)).bmBitsPixel == 32
    finally:
        win32gui.DeleteDC(dc)
        win32gui.ReleaseDC(0, screen)


# -- selection -----------------------------------------------------------------------------------


def test_selectobject_returns_the_previous_object() -> None:
    dc = win32gui.CreateCompatibleDC(None)
    try:
        white = win32gui.GetStockObject(win32con.WHITE_BRUSH)
        assert win32gui.GetCurrentObject(dc, win32con.OBJ_BRUSH) == white
        brush = win32gui.CreateSolidBrush(RED)
        assert win32gui.SelectObject(dc, brush) == white
        assert win32gui.SelectObject(dc, white) == int(brush)
        assert win32gui.GetCurrentObject(dc, win32con.OBJ_PEN) == win32gui.GetStockObject(
            win32con.BLACK_PEN
        )
        assert win32gui.GetCurrentObject(dc, 99) == 0
    finally:
        win32gui.DeleteDC(dc)


def test_a_selected_object_is_deleted_once_let_go() -> None:
    dc = win32gui.CreateCompatibleDC(None)
    try:
        brush = win32gui.CreateSolidBrush(9).Detach()
        win32gui.SelectObject(dc, brush)
        win32gui.DeleteObject(brush)  # succeeds (the SDK page says it fails; Windows does not)
        assert win32gui.GetObjectType(brush) == win32con.OBJ_BRUSH  # still selected
        win32gui.SelectObject(dc, win32gui.GetStockObject(win32con.WHITE_BRUSH))
        with pytest.raises(pywintypes.error):
            win32gui.GetObjectType(brush)
    finally:
        win32gui.DeleteDC(dc)


def test_a_bitmap_is_selected_into_one_context_at_a_time() -> None:
    first, second = win32gui.CreateCompatibleDC(None), win32gui.CreateCompatibleDC(None)
    try:
        bitmap = win32gui.CreateCompatibleBitmap(first, 2, 2)
        assert win32gui.SelectObject(first, bitmap)
        assert win32gui.SelectObject(second, bitmap) == 0
    finally:
        win32gui.DeleteDC(first)
        win32gui.DeleteDC(second)


def test_selectobject_gives_0_for_bad_handles() -> None:
    dc = win32gui.CreateCompatibleDC(None)
    try:
        assert win32gui.SelectObject(dc, 12345) == 0
        assert win32gui.SelectObject(12345, win32gui.GetStockObject(win32con.BLACK_PEN)) == 0
    finally:
        win32gui.DeleteDC(dc)


# -- regions -------------------------------------------------------------------------------------


def test_region_boxes_and_complexity() -> None:
    rect = win32gui.CreateRectRgnIndirect((0, 0, 10, 10))
    assert win32gui.GetRgnBox(rect) == [win32con.SIMPLEREGION, (0, 0, 10, 10)]
    assert win32gui.GetRgnBox(win32gui.CreateRectRgnIndirect((10, 10, 0, 0)))[1] == (0, 0, 10, 10)
    assert win32gui.GetRgnBox(win32gui.CreateRectRgnIndirect((5, 5, 5, 5))) == [
        win32con.NULLREGION,
        (0, 0, 0, 0),
    ]
    ellipse = win32gui.CreateEllipticRgnIndirect((0, 0, 10, 10))
    assert win32gui.GetRgnBox(ellipse) == [win32con.COMPLEXREGION, (0, 0, 9, 9)]
    triangle = win32gui.CreatePolygonRgn([(0, 0), (10, 0), (5, 8)], win32con.ALTERNATE)
    assert win32gui.GetRgnBox(triangle)[1] == (0, 0, 10, 8)


def test_combining_regions() -> None:
    def combine(mode: int) -> int:
        dest = win32gui.CreateRectRgnIndirect((0, 0, 0, 0))
        first = win32gui.CreateRectRgnIndirect((0, 0, 10, 10))
        second = win32gui.CreateRectRgnIndirect((5, 0, 15, 10))
        return int(win32gui.CombineRgn(dest, first, second, mode))

    results = [combine(mode) for mode in (1, 2, 3, 4, 5)]
    assert results == [2, 2, 3, 2, 2]  # AND, OR, XOR, DIFF, COPY
    with pytest.raises(pywintypes.error):
        combine(9)
    with pytest.raises(pywintypes.error):
        win32gui.CombineRgn(win32gui.CreateRectRgnIndirect((0, 0, 0, 0)), 12345, 12345, 2)


def test_region_points_and_equality() -> None:
    region = win32gui.CreateRectRgnIndirect((0, 0, 10, 10))
    assert [win32gui.PtInRegion(region, x, 0) for x in (0, 9, 10, -1)] == [1, 1, 0, 0]
    assert win32gui.PtInRegion(12345, 0, 0) == 0
    assert win32gui.EqualRgn(region, win32gui.CreateRectRgnIndirect((0, 0, 10, 10))) == 1
    assert win32gui.EqualRgn(region, win32gui.CreateRectRgnIndirect((0, 0, 10, 9))) == 0
    assert win32gui.EqualRgn(region, 12345) == 0
    assert win32gui.RectInRegion(region, (5, 5, 20, 20)) == 1
    assert win32gui.PtInRect((0, 0, 10, 10), (0, 0)) == 1
    assert win32gui.PtInRect((0, 0, 10, 10), (10, 0)) == 0
    assert win32gui.SetRectRgn(region, 1, 2, 3, 4) is None
    assert win32gui.GetRgnBox(region) == [2, (1, 2, 3, 4)]
    assert win32gui.OffsetRgn(region, 1, 1) == 2
    assert win32gui.GetRgnBox(region)[1] == (2, 3, 4, 5)
    with pytest.raises(pywintypes.error):
        win32gui.GetRgnBox(12345)


# -- contexts and their state --------------------------------------------------------------------


def test_context_kinds_and_bad_contexts() -> None:
    screen = win32gui.GetDC(0)
    memory = win32gui.CreateCompatibleDC(None)
    try:
        assert win32gui.GetObjectType(screen) == win32con.OBJ_DC
        assert win32gui.GetObjectType(memory) == win32con.OBJ_MEMDC
        assert win32gui.CreateCompatibleDC(12345) == 0
        assert win32gui.SaveDC(12345) == 0
        assert win32gui.GetBkMode(12345) == 0
        assert win32gui.SetBkColor(12345, 0) == -1
        calls: tuple[Callable[[], object], ...] = (
            lambda: win32gui.SetMapMode(12345, 1),
            lambda: win32gui.MoveToEx(12345, 1, 1),
            lambda: win32gui.LineTo(12345, 1, 1),
            lambda: win32gui.Rectangle(12345, 1, 1, 2, 2),
            lambda: win32gui.GetTextExtentPoint32(12345, "x"),
            lambda: win32gui.DeleteDC(win32gui.GetStockObject(0)),
        )
        for call in calls:
            with pytest.raises(pywintypes.error) as info:
                call()
            assert info.value.winerror == winerror.ERROR_INVALID_HANDLE
        with pytest.raises(pywintypes.error, match="Could not get pixel value"):
            win32gui.GetPixel(12345, 0, 0)
    finally:
        win32gui.ReleaseDC(0, screen)
        win32gui.DeleteDC(memory)
    with pytest.raises(pywintypes.error) as info:
        win32gui.DeleteDC(memory)
    assert info.value.args[:2] == (winerror.ERROR_INVALID_HANDLE, "DeleteDC")


def test_context_defaults_and_setters_return_the_previous_value(memdc: int) -> None:
    dc = memdc
    assert (win32gui.GetBkColor(dc), win32gui.GetTextColor(dc)) == (WHITE, 0)
    assert win32gui.SetBkColor(dc, 0x112233) == WHITE
    assert win32gui.SetTextColor(dc, 0x445566) == 0
    assert win32gui.GetBkMode(dc) == win32con.OPAQUE
    assert win32gui.SetBkMode(dc, win32con.TRANSPARENT) == win32con.OPAQUE
    assert win32gui.SetBkMode(dc, 7) == 0
    assert win32gui.GetMapMode(dc) == win32con.MM_TEXT
    assert win32gui.GetGraphicsMode(dc) == win32con.GM_COMPATIBLE
    assert win32gui.GetROP2(dc) == win32con.R2_COPYPEN
    assert win32gui.SetROP2(dc, win32con.R2_XORPEN) == win32con.R2_COPYPEN
    assert win32gui.GetPolyFillMode(dc) == win32con.ALTERNATE
    assert win32gui.GetStretchBltMode(dc) == win32con.BLACKONWHITE
    assert win32gui.SetStretchBltMode(dc, 9) == 0
    assert win32gui.GetTextAlign(dc) == 0
    assert win32gui.GetArcDirection(dc) == win32con.AD_COUNTERCLOCKWISE
    assert win32gui.SetArcDirection(dc, 5) == 0
    assert win32gui.GetLayout(dc) == 0
    assert win32gui.GetTextCharacterExtra(dc) == 0
    assert win32gui.GetMiterLimit(dc) == 10.0
    assert win32gui.SetMiterLimit(dc, 5.0) == 10.0
    assert win32gui.SetWindowOrgEx(dc, 3, 4) == (0, 0)
    assert win32gui.GetWindowOrgEx(dc) == (3, 4)
    assert win32gui.SetViewportOrgEx(dc, 5, 6) == (0, 0)
    assert win32gui.GetViewportOrgEx(dc) == (5, 6)
    assert win32gui.SetWindowExtEx(dc, 3, 4) == (1, 1)  # MM_TEXT keeps its extents
    assert win32gui.GetWindowExtEx(dc) == (1, 1)
    assert win32gui.MoveToEx(dc, 7, 8) == (0, 0)
    assert win32gui.GetCurrentPositionEx(dc) == (7, 8)


@pytest.mark.parametrize(
    ("setter", "bad"),
    [
        ("SetMapMode", 99),
        ("SetGraphicsMode", 5),
        ("SetROP2", 0),
        ("SetPolyFillMode", 9),
    ],
)
def test_bad_modes_raise_invalid_parameter(memdc: int, setter: str, bad: int) -> None:
    with pytest.raises(pywintypes.error) as info:
        getattr(win32gui, setter)(memdc, bad)
    assert info.value.funcname == setter  # the code is the thread's last error: GDI sets none


def test_fixed_map_modes_set_extents(memdc: int) -> None:
    assert win32gui.SetMapMode(memdc, win32con.MM_TWIPS) == win32con.MM_TEXT
    window, viewport = win32gui.GetWindowExtEx(memdc), win32gui.GetViewportExtEx(memdc)
    assert viewport[1] < 0 < viewport[0] and window[0] > 0 and window[1] > 0
    assert win32gui.SetMapMode(memdc, win32con.MM_TEXT) == win32con.MM_TWIPS
    assert win32gui.GetViewportExtEx(memdc) == (1, 1)


def test_world_transforms(memdc: int) -> None:
    identity = {"M11": 1.0, "M12": 0.0, "M21": 0.0, "M22": 1.0, "Dx": 0.0, "Dy": 0.0}
    assert win32gui.GetWorldTransform(memdc) == identity
    assert win32gui.SetGraphicsMode(memdc, win32con.GM_ADVANCED) == win32con.GM_COMPATIBLE
    scale = {"M11": 2.0, "M12": 0.0, "M21": 0.0, "M22": 1.0, "Dx": 3.0, "Dy": 4.0}
    win32gui.SetWorldTransform(memdc, scale)
    assert win32gui.GetWorldTransform(memdc) == scale
    with pytest.raises(pywintypes.error) as info:
        win32gui.SetWorldTransform(memdc, {"M11": 2.0})  # not invertible
    assert info.value.funcname == "SetWorldTransform"
    with pytest.raises(TypeError, match="XFORM must be a dict"):
        win32gui.SetWorldTransform(memdc, (1, 0, 0, 1, 0, 0))
    combined = win32gui.CombineTransform(
        scale, {"M11": 1.0, "M12": 0.0, "M21": 0.0, "M22": 3.0, "Dx": 1.0, "Dy": 1.0}
    )
    assert combined == {"M11": 2.0, "M12": 0.0, "M21": 0.0, "M22": 3.0, "Dx": 4.0, "Dy": 13.0}


def test_savedc_and_restoredc(memdc: int) -> None:
    win32gui.SetBkColor(memdc, 0x112233)
    assert win32gui.SaveDC(memdc) == 1
    win32gui.SetBkColor(memdc, 1)
    assert win32gui.SaveDC(memdc) == 2
    win32gui.SetBkColor(memdc, 2)
    win32gui.RestoreDC(memdc, -1)
    assert win32gui.GetBkColor(memdc) == 1
    win32gui.RestoreDC(memdc, 1)
    assert win32gui.GetBkColor(memdc) == 0x112233
    for level in (5, -1):
        with pytest.raises(pywintypes.error) as info:
            win32gui.RestoreDC(memdc, level)
        assert info.value.funcname == "RestoreDC"


# -- drawing into a bitmap -----------------------------------------------------------------------


def test_set_and_get_pixels(memdc: int) -> None:
    assert win32gui.SetPixel(memdc, 1, 1, 0x123456) == 0x123456
    assert win32gui.GetPixel(memdc, 1, 1) == 0x123456
    assert win32gui.GetPixel(memdc, 0, 0) == 0  # a new bitmap is black
    assert win32gui.SetPixelV(memdc, 2, 2, 0xABCDEF) is None
    assert win32gui.GetPixel(memdc, 2, 2) == 0xABCDEF
    assert win32gui.SetPixel(memdc, 3, 3, win32con.PALETTEINDEX(5)) == 0x800080
    with pytest.raises(pywintypes.error, match="Could not get pixel value"):
        win32gui.GetPixel(memdc, 100, 1)


def test_fillrect_and_framerect(memdc: int) -> None:
    white = win32gui.GetStockObject(win32con.WHITE_BRUSH)
    assert win32gui.FillRect(memdc, (0, 0, 4, 4), white) == 1
    assert pixels(memdc, 6, 1) == [[WHITE] * 4 + [0, 0]]
    red = win32gui.CreateSolidBrush(RED)
    assert win32gui.FrameRect(memdc, (0, 0, 5, 5), red) is None
    grid = pixels(memdc, 6, 6)
    assert grid[0] == [RED] * 5 + [0]
    assert grid[1] == [RED, WHITE, WHITE, WHITE, RED, 0]
    assert grid[4] == [RED] * 5 + [0]
    assert grid[5] == [0] * 6
    with pytest.raises(TypeError, match="FillRect: This param must be a tuple of four integers"):
        win32gui.FillRect(memdc, (0, 0, 4), white)


def test_rectangle_uses_pen_and_brush(memdc: int) -> None:
    win32gui.SelectObject(memdc, win32gui.GetStockObject(win32con.WHITE_BRUSH))
    win32gui.SelectObject(memdc, win32gui.CreatePen(win32con.PS_SOLID, 1, RED))
    win32gui.Rectangle(memdc, 0, 0, 3, 3)
    assert pixels(memdc, 4, 4) == [
        [RED, RED, RED, 0],
        [RED, WHITE, RED, 0],
        [RED, RED, RED, 0],
        [0, 0, 0, 0],
    ]
    win32gui.SelectObject(memdc, win32gui.GetStockObject(win32con.BLACK_PEN))


def test_lineto_leaves_out_its_last_point_and_moves(memdc: int) -> None:
    win32gui.SelectObject(memdc, win32gui.GetStockObject(win32con.WHITE_PEN))
    win32gui.MoveToEx(memdc, 0, 2)
    win32gui.LineTo(memdc, 4, 2)
    assert pixels(memdc, 6, 3)[2] == [WHITE] * 4 + [0, 0]
    assert win32gui.GetCurrentPositionEx(memdc) == (4, 2)
    win32gui.SelectObject(memdc, win32gui.GetStockObject(win32con.BLACK_PEN))


def test_patblt_and_bitblt(memdc: int) -> None:
    win32gui.PatBlt(memdc, 0, 0, 8, 8, win32con.WHITENESS)
    win32gui.PatBlt(memdc, 0, 0, 2, 2, win32con.BLACKNESS)
    assert pixels(memdc, 3, 1) == [[0, 0, WHITE]]
    win32gui.SetPixel(memdc, 4, 4, RED)
    win32gui.BitBlt(memdc, 0, 0, 2, 2, memdc, 4, 4, win32con.SRCCOPY)
    assert pixels(memdc, 2, 2) == [[RED, WHITE], [WHITE, WHITE]]
    win32gui.StretchBlt(memdc, 0, 4, 4, 4, memdc, 0, 0, 2, 2, win32con.SRCCOPY)
    assert pixels(memdc, 4, 8)[4:] == [[RED, RED, WHITE, WHITE]] * 2 + [[WHITE] * 4] * 2
    win32gui.PatBlt(memdc, 0, 0, 1, 1, win32con.DSTINVERT)
    assert win32gui.GetPixel(memdc, 0, 0) == RED ^ WHITE
    with pytest.raises(pywintypes.error):
        win32gui.BitBlt(memdc, 0, 0, 2, 2, 12345, 2, 2, win32con.SRCCOPY)


def test_shapes_and_polygons_check_their_points(memdc: int) -> None:
    assert win32gui.Ellipse(memdc, 0, 0, 3, 3) is None
    assert win32gui.Polygon(memdc, [(0, 0), (1, 1), (2, 0)]) is None
    with pytest.raises(pywintypes.error) as info:
        win32gui.Polygon(memdc, [(0, 0)])
    assert info.value.funcname == "PolyGon"  # pywin32's spelling
    with pytest.raises(pywintypes.error) as info:
        win32gui.PolyBezier(memdc, [(0, 0), (1, 1)])
    assert info.value.funcname == "PolyBezier"


def test_paths(memdc: int) -> None:
    win32gui.BeginPath(memdc)
    win32gui.EndPath(memdc)
    assert win32gui.GetPath(memdc) == ((), ())
    win32gui.FillPath(memdc)
    with pytest.raises(pywintypes.error) as info:
        win32gui.FillPath(memdc)  # the path went with the fill
    assert info.value.funcname == "FillPath"


# -- text ----------------------------------------------------------------------------------------


def test_text_measures(memdc: int) -> None:
    width, height = win32gui.GetTextExtentPoint32(memdc, "Hello")
    assert width > 0 and height > 0
    assert win32gui.GetTextExtentPoint32(memdc, "") == (0, 0)
    assert win32gui.GetTextExtentPoint32(memdc, "HelloHello")[0] > width
    metrics = win32gui.GetTextMetrics(memdc)
    assert metrics["Height"] == metrics["Ascent"] + metrics["Descent"] == height
    assert {"AveCharWidth", "MaxCharWidth", "Weight", "PitchAndFamily", "CharSet"} <= set(metrics)
    assert isinstance(win32gui.GetTextFace(memdc), str)
    assert win32gui.DrawText(memdc, "Hello", -1, (0, 0, 100, 100), win32con.DT_CALCRECT) == [
        height,
        (0, 0, width, height),
    ]
    assert win32gui.ExtTextOut(memdc, 0, 0, 0, None, "Hi", None) is None


# -- windows -------------------------------------------------------------------------------------


@pytest.fixture
def window() -> Iterator[tuple[int, list[Any]]]:
    """A visible window whose WM_PAINT handler records BeginPaint's results."""
    painted: list[Any] = []

    def on_paint(hwnd: int, msg: int, wparam: int, lparam: int) -> int:
        dc, ps = win32gui.BeginPaint(hwnd)
        painted.append((dc, ps, win32gui.GetObjectType(dc), win32gui.WindowFromDC(dc)))
        win32gui.EndPaint(hwnd, ps)
        return 0

    wc = win32gui.WNDCLASS()
    wc.lpszClassName = f"gdi-{uuid.uuid4().hex}"
    wc.lpfnWndProc = {win32con.WM_PAINT: on_paint}
    win32gui.RegisterClass(wc)
    style = win32con.WS_OVERLAPPEDWINDOW | win32con.WS_VISIBLE
    hwnd = win32gui.CreateWindow(wc.lpszClassName, "gdi", style, 0, 0, 200, 100, 0, 0, 0, None)
    win32gui.PumpWaitingMessages()
    painted.clear()
    yield hwnd, painted
    win32gui.DestroyWindow(hwnd)
    win32gui.UnregisterClass(wc.lpszClassName, None)


def test_beginpaint_validates_so_the_loop_does_not_spin(window: tuple[int, list[Any]]) -> None:
    hwnd, painted = window
    win32gui.InvalidateRect(hwnd, (1, 2, 3, 4), True)
    win32gui.PumpWaitingMessages()
    assert len(painted) == 1
    dc, ps, kind, owner = painted[0]
    assert kind == win32con.OBJ_DC and owner == hwnd
    assert isinstance(ps, tuple) and ps[0] == dc and ps[2] == (1, 2, 3, 4)
    win32gui.PumpWaitingMessages()
    assert len(painted) == 1


def test_the_update_region_accumulates_and_is_validated(window: tuple[int, list[Any]]) -> None:
    hwnd, _ = window
    region = win32gui.CreateRectRgnIndirect((0, 0, 0, 0))
    assert win32gui.GetUpdateRgn(hwnd, region, False) == win32con.NULLREGION
    win32gui.InvalidateRect(hwnd, (10, 10, 20, 20), False)
    assert win32gui.GetUpdateRgn(hwnd, region, False) == win32con.SIMPLEREGION
    assert win32gui.GetRgnBox(region)[1] == (10, 10, 20, 20)
    win32gui.InvalidateRect(hwnd, (30, 5, 40, 15), False)
    assert win32gui.GetUpdateRgn(hwnd, region, False) == win32con.COMPLEXREGION
    assert win32gui.GetRgnBox(region)[1] == (10, 5, 40, 20)
    win32gui.ValidateRect(hwnd, (10, 10, 20, 20))
    win32gui.GetUpdateRgn(hwnd, region, False)
    assert win32gui.GetRgnBox(region)[1] == (30, 5, 40, 15)
    win32gui.ValidateRect(hwnd, None)
    assert win32gui.GetUpdateRgn(hwnd, region, False) == win32con.NULLREGION


def test_window_contexts(window: tuple[int, list[Any]]) -> None:
    hwnd, _ = window
    dc = win32gui.GetDC(hwnd)
    assert win32gui.GetObjectType(dc) == win32con.OBJ_DC
    assert win32gui.WindowFromDC(dc) == hwnd
    assert win32gui.SetBkColor(dc, 0x10) == WHITE
    assert win32gui.ReleaseDC(hwnd, dc) == 1
    assert win32gui.ReleaseDC(hwnd, dc) == 0
    dc = win32gui.GetDC(hwnd)
    assert win32gui.GetBkColor(dc) == WHITE  # a new context's state
    win32gui.ReleaseDC(hwnd, dc)


def test_bad_windows(window: tuple[int, list[Any]]) -> None:
    hwnd, _ = window
    calls: tuple[tuple[str, Callable[[], object]], ...] = (
        ("GetDC", lambda: win32gui.GetDC(12345)),
        ("GetWindowDC", lambda: win32gui.GetWindowDC(12345)),
        ("BeginPaint", lambda: win32gui.BeginPaint(12345)),
        ("ValidateRect", lambda: win32gui.ValidateRect(12345, None)),
        ("InvalidateRect", lambda: win32gui.InvalidateRect(12345, None, False)),
    )
    for name, call in calls:
        with pytest.raises(pywintypes.error) as info:
            call()
        assert info.value.args[:2] == (winerror.ERROR_INVALID_WINDOW_HANDLE, name)
    with pytest.raises(TypeError, match="a PAINTSTRUCT must be a tuple"):
        win32gui.EndPaint(hwnd, "xx")
    with pytest.raises(pywintypes.error):
        win32gui.GetUpdateRgn(hwnd, 12345, False)


# -- colours -------------------------------------------------------------------------------------


def test_colours() -> None:
    assert win32gui.GetSysColor(win32con.COLOR_WINDOW) == WHITE
    assert win32gui.GetSysColor(win32con.COLOR_WINDOWTEXT) == 0
    assert win32api.GetSysColor(win32con.COLOR_WINDOW) == WHITE
    brush = win32gui.GetSysColorBrush(win32con.COLOR_WINDOW)
    assert win32gui.GetObjectType(brush) == win32con.OBJ_BRUSH
    win32gui.DeleteObject(brush)
    assert win32gui.GetObjectType(win32gui.GetSysColorBrush(win32con.COLOR_WINDOW)) == 2
    assert win32api.RGB(1, 2, 3) == 0x030201
    assert win32api.RGB(256, 0, 0) == 0
    assert (
        win32con.GetRValue(0x123456),
        win32con.GetGValue(0x123456),
        win32con.GetBValue(0x123456),
        win32con.PALETTEINDEX(5),
    ) == (0x56, 0x34, 0x12, 0x01000005)


def test_redraw_window_invalidates_and_paints_now(window: tuple[int, list[Any]]) -> None:
    hwnd, painted = window
    region = win32gui.CreateRectRgnIndirect((0, 0, 0, 0))
    win32gui.RedrawWindow(hwnd, (5, 5, 15, 25), None, win32con.RDW_INVALIDATE)
    assert painted == []  # invalidated only
    assert win32gui.GetUpdateRgn(hwnd, region, False) == win32con.SIMPLEREGION
    assert win32gui.GetRgnBox(region)[1] == (5, 5, 15, 25)
    win32gui.RedrawWindow(hwnd, None, None, win32con.RDW_UPDATENOW)
    assert len(painted) == 1  # sent by the call, not posted: no pumping
    assert painted[0][1][2] == (5, 5, 15, 25)
    flags = win32con.RDW_INVALIDATE | win32con.RDW_UPDATENOW
    part = win32gui.CreateRectRgnIndirect((2, 3, 4, 5))
    win32gui.RedrawWindow(hwnd, (0, 0, 50, 50), part, flags)  # the region, not the rectangle
    assert len(painted) == 2
    assert painted[1][1][2] == (2, 3, 4, 5)
    win32gui.DeleteObject(part)
    win32gui.DeleteObject(region)


def test_redraw_window_validates(window: tuple[int, list[Any]]) -> None:
    hwnd, painted = window
    region = win32gui.CreateRectRgnIndirect((0, 0, 0, 0))
    win32gui.InvalidateRect(hwnd, None, False)
    win32gui.RedrawWindow(hwnd, None, None, win32con.RDW_VALIDATE | win32con.RDW_UPDATENOW)
    assert win32gui.GetUpdateRgn(hwnd, region, False) == win32con.NULLREGION
    assert painted == []
    win32gui.DeleteObject(region)


def test_redraw_window_of_no_window_fails() -> None:
    with pytest.raises(win32gui.error) as caught:
        win32gui.RedrawWindow(0x7FFF0, None, None, win32con.RDW_INVALIDATE)
    assert (caught.value.winerror, caught.value.funcname) == (1400, "RedrawWindow")
