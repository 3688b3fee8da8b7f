"""Stock objects, system colours and COLORREF arithmetic.

The stock objects (GetStockObject's pens, brushes, fonts and palette, the 1x1 monochrome
bitmap of a new memory context, and the system colour brushes) are made once per process and
never deleted. System colours are Windows 10's defaults.
"""

from __future__ import annotations

import threading

from .. import messages
from .._fork import CLOCK, hold_across_fork
from ..errors import InvalidWindowHandleError
from ._objects import Bitmap, Brush, Font, GdiObject, LogFont, Palette, Pen, insert

__all__ = [
    "BS_SOLID", "BS_NULL", "BS_HATCHED", "BS_PATTERN", "BS_DIBPATTERN", "BS_DIBPATTERNPT",
    "PS_SOLID", "PS_NULL", "PS_INSIDEFRAME", "PS_STYLE_MASK",
    "CLR_INVALID", "DEFAULT_PALETTE_COLORS",
    "stock_object", "default_bitmap", "sys_color", "sys_color_brush", "rgb", "resolve_color",
]  # fmt: skip

BS_SOLID = 0
BS_NULL = 1
BS_HATCHED = 2
BS_PATTERN = 3
BS_DIBPATTERN = 5
BS_DIBPATTERNPT = 6
PS_SOLID = 0
PS_NULL = 5
PS_INSIDEFRAME = 6
PS_STYLE_MASK = 0xF
CLR_INVALID = 0xFFFFFFFF

# The default palette's 20 static colours (its entries 0-9 and 246-255), as COLORREFs.
DEFAULT_PALETTE_COLORS = [
    (r | g << 8 | b << 16)
    for r, g, b in (
        (0, 0, 0), (128, 0, 0), (0, 128, 0), (128, 128, 0), (0, 0, 128), (128, 0, 128),
        (0, 128, 128), (192, 192, 192), (192, 220, 192), (166, 202, 240), (255, 251, 240),
        (160, 160, 164), (128, 128, 128), (255, 0, 0), (0, 255, 0), (255, 255, 0), (0, 0, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    )
]  # fmt: skip

# COLOR_SCROLLBAR (0) to COLOR_MENUBAR (30): Windows 10's defaults.
_SYS_COLORS = [
    (r | g << 8 | b << 16)
    for r, g, b in (
        (200, 200, 200), (0, 0, 0), (153, 180, 209), (191, 205, 219), (240, 240, 240),
        (255, 255, 255), (100, 100, 100), (0, 0, 0), (0, 0, 0), (0, 0, 0), (180, 180, 180),
        (244, 247, 252), (171, 171, 171), (0, 120, 215), (255, 255, 255), (240, 240, 240),
        (160, 160, 160), (109, 109, 109), (0, 0, 0), (0, 0, 0), (255, 255, 255),
        (105, 105, 105), (227, 227, 227), (0, 0, 0), (255, 255, 225), (0, 0, 0), (0, 102, 204),
        (185, 209, 234), (215, 228, 242), (0, 120, 215), (240, 240, 240),
    )
]  # fmt: skip


def rgb(red: int, green: int, blue: int) -> int:
    """The COLORREF of a colour: ``0x00BBGGRR``."""
    return (red & 0xFF) | (green & 0xFF) << 8 | (blue & 0xFF) << 16


def resolve_color(color: int) -> int:
    """The RGB a COLORREF stands for: a PALETTEINDEX reads the default palette.

    A PALETTERGB (0x02 in the high byte) is its RGB; a palette index beyond the default
    palette is black.
    """
    high = color >> 24 & 0xFF
    if high == 1:
        index = color & 0xFFFF
        return DEFAULT_PALETTE_COLORS[index] if index < len(DEFAULT_PALETTE_COLORS) else 0
    return color & 0xFFFFFF


def _font(face: str, height: int, weight: int, pitch_and_family: int) -> Font:
    return Font(
        LogFont(height=height, weight=weight, pitch_and_family=pitch_and_family, face_name=face)
    )


def _make_stock() -> dict[int, GdiObject]:
    objects: dict[int, GdiObject] = {
        0: Brush(BS_SOLID, 0xFFFFFF),  # WHITE_BRUSH
        1: Brush(BS_SOLID, 0xC0C0C0),  # LTGRAY_BRUSH
        2: Brush(BS_SOLID, 0x808080),  # GRAY_BRUSH
        3: Brush(BS_SOLID, 0x404040),  # DKGRAY_BRUSH
        4: Brush(BS_SOLID, 0x000000),  # BLACK_BRUSH
        5: Brush(BS_NULL, 0),  # NULL_BRUSH
        6: Pen(PS_SOLID, 0, 0xFFFFFF),  # WHITE_PEN
        7: Pen(PS_SOLID, 0, 0x000000),  # BLACK_PEN
        8: Pen(PS_NULL, 0, 0),  # NULL_PEN
        10: _font("Terminal", 12, 400, 0x31),  # OEM_FIXED_FONT
        11: _font("Courier", 13, 400, 0x31),  # ANSI_FIXED_FONT
        12: _font("MS Sans Serif", 13, 400, 0x22),  # ANSI_VAR_FONT
        13: _font("System", 16, 700, 0x22),  # SYSTEM_FONT
        14: _font("System", 16, 700, 0x22),  # DEVICE_DEFAULT_FONT
        15: Palette(DEFAULT_PALETTE_COLORS),  # DEFAULT_PALETTE
        16: _font("Fixedsys", 15, 400, 0x31),  # SYSTEM_FIXED_FONT
        17: _font("MS Shell Dlg", -11, 400, 0x22),  # DEFAULT_GUI_FONT
        18: Brush(BS_SOLID, None),  # DC_BRUSH
        19: Pen(PS_SOLID, 0, 0),  # DC_PEN: draws in its context's pen colour
    }
    for obj in objects.values():
        insert(obj, stock=True)
    return objects


_STOCK = _make_stock()
_DEFAULT_BITMAP = Bitmap(1, 1, 1, 1)
insert(_DEFAULT_BITMAP, stock=True)
_SYS_BRUSHES: dict[int, Brush] = {}
for _index, _color in enumerate(_SYS_COLORS):
    _SYS_BRUSHES[_index] = Brush(BS_SOLID, _color)
    insert(_SYS_BRUSHES[_index], stock=True)


def stock_object(index: int) -> GdiObject | None:
    """The stock object of a *_BRUSH, *_PEN, *_FONT or DEFAULT_PALETTE index, else None."""
    return _STOCK.get(index)


def default_bitmap() -> Bitmap:
    """The 1x1 monochrome bitmap a new memory context holds (never deleted)."""
    return _DEFAULT_BITMAP


_colors_lock = threading.Lock()  # a leaf: guards _SYS_COLORS and their brushes' colours
hold_across_fork(_colors_lock, CLOCK)
_WM_SYSCOLORCHANGE = 0x0015


def sys_color(index: int) -> int:
    """The COLORREF of a COLOR_* index; 0 for an index Windows does not define."""
    with _colors_lock:
        return _SYS_COLORS[index] if 0 <= index < len(_SYS_COLORS) else 0


def set_sys_colors(changes: list[tuple[int, int]]) -> None:
    """Give COLOR_* indexes new COLORREFs (SetSysColors), for this process's session.

    Indexes Windows does not define are skipped, as Windows skips them. The system-colour
    brushes (GetSysColorBrush) paint in the new colours too. Then every top-level window gets
    WM_SYSCOLORCHANGE: at once for the caller's own windows, through the queue for other
    threads' (SendNotifyMessage), as Windows broadcasts it. Changes last for this process
    only (Windows keeps them until logoff, for the session).
    """
    with _colors_lock:
        for index, color in changes:
            if 0 <= index < len(_SYS_COLORS):
                _SYS_COLORS[index] = color & 0xFFFFFF
                _SYS_BRUSHES[index].color = color & 0xFFFFFF
    for hwnd in list(messages.top_level_windows()):
        try:
            messages.send_notify_message(hwnd, _WM_SYSCOLORCHANGE)
        except InvalidWindowHandleError:  # destroyed meanwhile
            continue


def sys_color_brush(index: int) -> Brush | None:
    """The stock brush of a system colour (GetSysColorBrush); None for an unknown index."""
    return _SYS_BRUSHES.get(index)
