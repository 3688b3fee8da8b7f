"""The GDI facade's own rules: PyGdiHANDLE's life, and the drawing demo's calls."""

from __future__ import annotations

import gc
import math

import pytest

from apartment import gdi
from apartment.errors import InvalidHandleError
from apartment.win32 import win32gui

COLOR_WINDOW, GM_ADVANCED, MWT_IDENTITY = 5, 2, 1


def test_a_collected_gdi_handle_deletes_its_object() -> None:
    brush = win32gui.CreateSolidBrush(0x123456)
    value = int(brush)
    del brush
    gc.collect()
    with pytest.raises(InvalidHandleError):
        gdi.object_of(value)


def test_a_gdi_handle_of_a_stock_object_leaves_it() -> None:
    brush = win32gui.GetSysColorBrush(COLOR_WINDOW)
    value = int(brush)
    brush.Close()
    assert gdi.object_type(value) == gdi.OBJ_BRUSH


def test_a_rotated_path_paints_through_the_world_transform() -> None:
    """win32gui_demo's WM_PAINT, into a memory context: paths under a rotation."""
    screen = win32gui.GetDC(0)
    dc = win32gui.CreateCompatibleDC(screen)
    bitmap = win32gui.CreateCompatibleBitmap(screen, 40, 40)
    win32gui.ReleaseDC(0, screen)
    win32gui.SelectObject(dc, bitmap)
    win32gui.SetGraphicsMode(dc, GM_ADVANCED)
    win32gui.SelectObject(dc, win32gui.CreateSolidBrush(0x0000FF))
    angle = math.pi / 2
    win32gui.SetWorldTransform(
        dc,
        {
            "M11": math.cos(angle),
            "M12": math.sin(angle),
            "M21": -math.sin(angle),
            "M22": math.cos(angle),
            "Dx": 20,
            "Dy": 0,
        },
    )
    win32gui.BeginPath(dc)
    win32gui.Pie(dc, 0, 0, 10, 10, 5, 5, 0, 0)
    win32gui.Rectangle(dc, 0, 0, 10, 10)
    win32gui.EndPath(dc)
    win32gui.StrokeAndFillPath(dc)
    win32gui.ModifyWorldTransform(dc, {}, MWT_IDENTITY)  # read device pixels
    assert win32gui.GetPixel(dc, 15, 5) == 0x0000FF  # (5, 5) turned a quarter about (20, 0)
    assert win32gui.GetPixel(dc, 25, 5) == 0
    win32gui.DeleteDC(dc)
