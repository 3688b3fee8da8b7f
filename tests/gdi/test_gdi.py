"""The drawing layer's rules: regions, the object table, contexts, rasterizing, painting."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apartment import gdi
from apartment.errors import (
    ERROR_CAN_NOT_COMPLETE,
    InvalidHandleError,
    InvalidParameterError,
    InvalidWindowHandleError,
    Win32Error,
)
from apartment.messages import (
    COMPLEXREGION,
    NULLREGION,
    SIMPLEREGION,
    WM_PAINT,
    WS_VISIBLE,
    Region,
    create_window,
    def_window_proc,
    peek_message,
    pump_waiting_messages,
    register_class,
    unregister_class,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from apartment.messages import Window

WHITE, RED = 0xFFFFFF, 0x0000FF


# -- regions -------------------------------------------------------------------------------------


def test_a_region_is_its_pixels_whatever_built_it() -> None:
    halves = Region.rect(0, 0, 5, 10).union(Region.rect(5, 0, 10, 10))
    assert halves == Region.rect(0, 0, 10, 10)
    assert halves.complexity == SIMPLEREGION
    assert Region.rect(3, 3, 3, 9).complexity == NULLREGION
    assert Region.rect(0, 0, 4, 4).union(Region.rect(2, 2, 6, 6)).complexity == COMPLEXREGION


def test_region_operations() -> None:
    a, b = Region.rect(0, 0, 10, 10), Region.rect(5, 0, 15, 10)
    assert a.intersect(b) == Region.rect(5, 0, 10, 10)
    assert a.subtract(b) == Region.rect(0, 0, 5, 10)
    assert a.xor(b) == Region.rect(0, 0, 5, 10).union(Region.rect(10, 0, 15, 10))
    assert a.offset(1, 2).box == (1, 2, 11, 12)
    assert a.contains(9, 9) and not a.contains(10, 9)
    assert a.overlaps(9, 9, 20, 20) and not a.overlaps(10, 0, 20, 20)


@given(
    st.lists(st.tuples(*[st.integers(-5, 5)] * 4), max_size=4),
    st.integers(-5, 5),
    st.integers(-5, 5),
)
def test_region_membership_matches_the_rectangles(
    rects: list[tuple[int, int, int, int]], x: int, y: int
) -> None:
    region = Region()
    for rect in rects:
        region = region.union(Region.rect(*rect))
    inside = any(
        min(x1, x2) <= x < max(x1, x2) and min(y1, y2) <= y < max(y1, y2)
        for x1, y1, x2, y2 in rects
    )
    assert region.contains(x, y) == inside


def test_ellipse_and_polygon_regions_fit_their_boxes() -> None:
    assert Region.ellipse(0, 0, 10, 10).box == (0, 0, 9, 9)
    assert Region.polygon([(0, 0), (10, 0), (5, 8)]).box == (0, 0, 10, 8)
    assert not Region.polygon([(0, 0), (1, 1)])


# -- the object table ----------------------------------------------------------------------------


def test_stock_objects_are_never_deleted() -> None:
    white = gdi.stock_object(0)
    assert white is not None
    assert gdi.delete_object(white.handle)
    assert gdi.object_of(white.handle) is white


def test_a_selected_object_goes_when_let_go() -> None:
    dc = gdi.create_memory_dc()
    brush = gdi.create_brush(0, RED)
    white = dc.select(brush)
    assert gdi.delete_object(brush.handle)  # deferred, not refused
    assert gdi.object_of(brush.handle) is brush
    assert isinstance(white, gdi.GdiObject)
    dc.select(white)
    with pytest.raises(InvalidHandleError):
        gdi.object_of(brush.handle)
    assert not gdi.delete_object(brush.handle)
    gdi.delete_object(dc.handle)


def test_deleting_a_context_lets_its_objects_go() -> None:
    dc = gdi.create_memory_dc()
    bitmap = gdi.create_bitmap(2, 2)
    dc.select(bitmap)
    gdi.delete_object(bitmap.handle)
    assert gdi.object_type(bitmap.handle) == gdi.OBJ_BITMAP
    gdi.delete_object(dc.handle)
    with pytest.raises(InvalidHandleError):
        gdi.object_type(bitmap.handle)


def test_a_bitmap_is_in_one_memory_context_only() -> None:
    first, second = gdi.create_memory_dc(), gdi.create_memory_dc()
    window = gdi.create_window_dc(0)
    bitmap = gdi.create_bitmap(2, 2)
    first.select(bitmap)
    with pytest.raises(InvalidHandleError):
        second.select(bitmap)
    with pytest.raises(InvalidHandleError):
        window.select(bitmap)
    for dc in (first, second, window):
        gdi.delete_object(dc.handle)
    gdi.delete_object(bitmap.handle)


def test_object_descriptions_are_checked() -> None:
    with pytest.raises(InvalidParameterError):
        gdi.create_brush(2, 0, hatch=9)
    with pytest.raises(InvalidParameterError):
        gdi.create_ext_pen(0, 2, 0, 0)  # a cosmetic pen is 1 wide
    with pytest.raises(InvalidParameterError):
        gdi.create_bitmap(-1, 2)
    assert gdi.create_bitmap(0, 0) is gdi.default_bitmap()


# -- contexts ------------------------------------------------------------------------------------


@pytest.fixture
def memdc() -> Iterator[gdi.DeviceContext]:
    dc = gdi.create_memory_dc()
    bitmap = gdi.create_bitmap(8, 8)
    dc.select(bitmap)
    yield dc
    gdi.delete_object(dc.handle)
    gdi.delete_object(bitmap.handle)


def test_save_and_restore(memdc: gdi.DeviceContext) -> None:
    memdc.state.bk_color = 1
    assert memdc.save() == 1
    memdc.state.bk_color = 2
    assert memdc.save() == 2
    memdc.restore(-2)
    assert memdc.state.bk_color == 1
    assert memdc.saved == []
    with pytest.raises(InvalidParameterError):
        memdc.restore(-1)


def test_mapping_modes(memdc: gdi.DeviceContext) -> None:
    assert memdc.set_map_mode(6) == gdi.MM_TEXT  # MM_TWIPS
    assert memdc.state.window_ext == (15364, 11509)  # the screen's millimetres in twips
    assert memdc.state.viewport_ext == (gdi.HORZRES, -gdi.VERTRES)
    with pytest.raises(InvalidParameterError):
        memdc.set_map_mode(99)
    memdc.set_map_mode(gdi.MM_TEXT)
    memdc.state.window_org = (2, 0)
    assert memdc.to_device_int(5, 5) == (3, 5)


# -- rasterizing ---------------------------------------------------------------------------------


def test_rop2_applies_to_pens(memdc: gdi.DeviceContext) -> None:
    gdi.pat_blt(memdc, 0, 0, 8, 8, 0x00FF0062)  # WHITENESS
    white_pen = gdi.stock_object(6)
    assert isinstance(white_pen, gdi.Pen)
    memdc.select(white_pen)
    memdc.state.rop2 = 7  # R2_XORPEN: white on white is black
    gdi.move_to(memdc, 0, 0)
    gdi.line_to(memdc, 3, 0)
    assert [gdi.get_pixel(memdc, x, 0) for x in range(4)] == [0, 0, 0, WHITE]


def test_the_clipping_region_keeps_pixels(memdc: gdi.DeviceContext) -> None:
    memdc.select(gdi.create_region(Region.rect(0, 0, 2, 2)))
    white = gdi.stock_object(0)
    assert isinstance(white, gdi.Brush)
    gdi.fill_rect(memdc, (0, 0, 4, 4), white)
    assert [gdi.get_pixel(memdc, x, 0) for x in range(2)] == [WHITE, WHITE]
    assert gdi.get_pixel(memdc, 3, 0) == gdi.CLR_INVALID  # outside the clip
    assert gdi.set_pixel(memdc, 3, 0, RED) == gdi.CLR_INVALID


def test_monochrome_blits_use_the_text_and_background_colours(memdc: gdi.DeviceContext) -> None:
    mono_dc = gdi.create_memory_dc()
    mono = gdi.create_bitmap(2, 1, 1, 1)
    mono_dc.select(mono)
    gdi.set_pixel(mono_dc, 1, 0, WHITE)
    memdc.state.text_color, memdc.state.bk_color = RED, 0x00FF00
    gdi.bit_blt(memdc, 0, 0, 2, 1, mono_dc, 0, 0, 0x00CC0020)
    assert [gdi.get_pixel(memdc, x, 0) for x in range(2)] == [RED, 0x00FF00]
    # colour to monochrome: the source's background colour is white, the rest black
    memdc.state.bk_color = RED
    gdi.bit_blt(mono_dc, 0, 0, 2, 1, memdc, 0, 0, 0x00CC0020)
    assert [gdi.get_pixel(mono_dc, x, 0) for x in range(2)] == [WHITE, 0]
    gdi.delete_object(mono_dc.handle)
    gdi.delete_object(mono.handle)


def test_a_monochrome_bitmap_holds_black_or_white() -> None:
    dc = gdi.create_memory_dc()
    bitmap = gdi.create_compatible_bitmap(dc, 2, 2)
    assert bitmap.monochrome
    dc.select(bitmap)
    assert gdi.set_pixel(dc, 0, 0, 0xC0C0C0) == WHITE
    assert gdi.set_pixel(dc, 1, 0, 0x404040) == 0
    gdi.delete_object(dc.handle)
    gdi.delete_object(bitmap.handle)


def test_window_contexts_draw_nowhere_but_keep_state() -> None:
    dc = gdi.create_window_dc(0)
    white = gdi.stock_object(0)
    assert isinstance(white, gdi.Brush)
    gdi.fill_rect(dc, (0, 0, 10, 10), white)
    assert gdi.get_pixel(dc, 1, 1) == 0
    gdi.move_to(dc, 1, 2)
    gdi.line_to(dc, 5, 5)
    assert dc.state.position == (5, 5)
    gdi.delete_object(dc.handle)


def test_paths_record_and_fill(memdc: gdi.DeviceContext) -> None:
    gdi.begin_path(memdc)
    gdi.rectangle(memdc, 0, 0, 4, 4)
    assert gdi.get_pixel(memdc, 1, 1) == 0  # recorded, not drawn
    gdi.end_path(memdc)
    points, kinds = gdi.path_points(memdc)
    assert points == [(0, 0), (4, 0), (4, 4), (0, 4)]
    assert kinds == [6, 2, 2, 3]  # PT_MOVETO, PT_LINETO, PT_LINETO, PT_LINETO|PT_CLOSEFIGURE
    white = gdi.stock_object(0)
    assert isinstance(white, gdi.Brush)
    memdc.select(white)
    gdi.fill_path(memdc)
    assert gdi.get_pixel(memdc, 1, 1) == WHITE
    with pytest.raises(Win32Error) as info:
        gdi.fill_path(memdc)
    assert info.value.winerror == ERROR_CAN_NOT_COMPLETE


def test_the_font_model(memdc: gdi.DeviceContext) -> None:
    metrics = gdi.text_metrics(memdc)
    assert (metrics.height, metrics.ascent, metrics.descent) == (16, 13, 3)
    assert gdi.text_extent(memdc, "Hello") == (35, 16)
    assert gdi.face_name(memdc) == "System"
    memdc.select(gdi.create_font(gdi.LogFont(height=-12, face_name="Arial")))
    assert gdi.text_extent(memdc, "ab") == (14, 15)
    assert gdi.draw_text_extent(memdc, "a\nbcd", (1, 1, 9, 9), 0x400) == (30, (1, 1, 22, 31))


# -- painting ------------------------------------------------------------------------------------


@pytest.fixture
def window() -> Iterator[Window]:
    register_class("gdi-test", def_window_proc)
    window = create_window("gdi-test", style=WS_VISIBLE, width=100, height=50)
    pump_waiting_messages()
    yield window
    window.destroy()
    unregister_class("gdi-test")


def test_beginpaint_validates_the_update_region(window: Window) -> None:
    gdi.invalidate_rect(window.hwnd, (10, 10, 20, 20))
    gdi.invalidate_rect(window.hwnd, (30, 10, 40, 20))
    assert gdi.update_region(window.hwnd).box == (10, 10, 40, 20)
    message = peek_message(flags=0)
    assert message is not None and message.message == WM_PAINT
    dc, info = gdi.begin_paint(window.hwnd)
    assert info.rect == (10, 10, 40, 20) and info.hdc == dc.handle
    assert dc.state.clip == Region.rect(10, 10, 20, 20).union(Region.rect(30, 10, 40, 20))
    assert not gdi.update_region(window.hwnd)
    assert peek_message(flags=0) is None  # nothing to paint: the loop does not spin
    gdi.end_paint(window.hwnd, dc.handle)
    with pytest.raises(InvalidHandleError):
        gdi.dc_of(dc.handle)


def test_invalidation_is_clipped_to_the_client_area(window: Window) -> None:
    gdi.invalidate_rect(window.hwnd, (500, 500, 600, 600))
    assert peek_message(flags=0) is None
    gdi.invalidate_rect(window.hwnd, (90, 40, 200, 200))
    assert gdi.update_region(window.hwnd) == Region.rect(90, 40, 100, 50)
    gdi.validate_rect(window.hwnd, (0, 0, 95, 50))
    assert gdi.update_region(window.hwnd) == Region.rect(95, 40, 100, 50)
    gdi.validate_rect(window.hwnd, None)
    assert peek_message(flags=0) is None


def test_a_hidden_window_is_not_invalidated() -> None:
    register_class("gdi-hidden", def_window_proc)
    try:
        window = create_window("gdi-hidden", width=10, height=10)
        gdi.invalidate_rect(window.hwnd, None)
        assert not gdi.update_region(window.hwnd)
        assert peek_message(flags=0) is None
        window.destroy()
    finally:
        unregister_class("gdi-hidden")


def test_bad_windows_are_refused() -> None:
    for call in (gdi.get_dc, gdi.begin_paint, gdi.update_region):
        with pytest.raises(InvalidWindowHandleError):
            call(0x7FFFFFF0)
    assert not gdi.release_dc(0, 0x7FFFFFF0)
