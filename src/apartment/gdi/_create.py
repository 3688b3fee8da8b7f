"""Making GDI objects, with Windows' checks on their descriptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import InvalidParameterError
from ._objects import (
    GDI_LOCK,
    Bitmap,
    Brush,
    ExtPen,
    Font,
    LogFont,
    Pen,
    RegionObject,
    insert,
)
from ._stock import BS_HATCHED, BS_NULL, BS_PATTERN, BS_SOLID, default_bitmap

if TYPE_CHECKING:
    from ..messages import Region
    from ._dc import DeviceContext

__all__ = [
    "create_brush", "create_pen", "create_ext_pen", "create_font", "create_bitmap",
    "create_compatible_bitmap", "create_region",
]  # fmt: skip

_PS_TYPE_MASK = 0x000F0000
_PS_GEOMETRIC = 0x00010000
_HS_LAST = 5


def create_brush(
    style: int, color: int = 0, hatch: int = 0, pattern: Bitmap | None = None
) -> Brush:
    """A brush (CreateSolidBrush, CreateHatchBrush, CreatePatternBrush, CreateBrushIndirect).

    Raises:
        InvalidParameterError: an unknown BS_* style, a hatch beyond HS_DIAGCROSS, or
            BS_PATTERN without a bitmap.
    """
    if style == BS_HATCHED and not 0 <= hatch <= _HS_LAST:
        raise InvalidParameterError(f"{hatch} is not an HS_* hatch style")
    if style == BS_PATTERN and pattern is None:
        raise InvalidParameterError("a pattern brush needs a bitmap")
    if style not in (BS_SOLID, BS_NULL, BS_HATCHED, BS_PATTERN):
        raise InvalidParameterError(f"{style} is not a BS_* brush style this model knows")
    brush = Brush(style, color & 0xFFFFFFFF, hatch, pattern)
    insert(brush)
    return brush


def create_pen(style: int, width: int, color: int) -> Pen:
    """A cosmetic pen (CreatePen); an unknown style draws as PS_SOLID, as Windows does."""
    pen = Pen(style & 0xF, max(width, 0), color & 0xFFFFFFFF)
    insert(pen)
    return pen


def create_ext_pen(style: int, width: int, brush_style: int, color: int, hatch: int = 0) -> ExtPen:
    """A pen from a brush description (ExtCreatePen).

    Raises:
        InvalidParameterError: a cosmetic pen wider than 1, or an unknown pen type.
    """
    kind = style & _PS_TYPE_MASK
    if kind not in (0, _PS_GEOMETRIC):
        raise InvalidParameterError(f"{style:#x} is neither PS_COSMETIC nor PS_GEOMETRIC")
    if kind == 0 and width != 1:
        raise InvalidParameterError("a cosmetic pen is 1 pixel wide")
    pen = ExtPen(style & 0xF, width, color & 0xFFFFFFFF, brush_style=brush_style, hatch=hatch)
    insert(pen)
    return pen


def create_font(logfont: LogFont) -> Font:
    """A logical font (CreateFontIndirect); its face is cut at 31 characters."""
    font = Font(logfont.with_(face_name=logfont.face_name[:31]))
    insert(font)
    return font


def create_bitmap(width: int, height: int, planes: int = 1, bits_per_pixel: int = 32) -> Bitmap:
    """A bitmap of black pixels (CreateBitmap); 0 x 0 gives the stock 1x1 bitmap.

    Raises:
        InvalidParameterError: a negative size, or more than 32 bits per pixel.
    """
    if width < 0 or height < 0 or not 1 <= planes * bits_per_pixel <= 32:
        raise InvalidParameterError(f"no bitmap of {width} x {height} x {bits_per_pixel} bpp")
    if width == 0 or height == 0:
        return default_bitmap()
    bitmap = Bitmap(width, height, planes, bits_per_pixel)
    insert(bitmap)
    return bitmap


def create_compatible_bitmap(dc: DeviceContext, width: int, height: int) -> Bitmap:
    """A bitmap of the context's format (CreateCompatibleBitmap).

    A memory context's format is its selected bitmap's (a new one's is monochrome); a
    window or screen context's is 32 bits per pixel.
    """
    with GDI_LOCK:
        surface = dc.surface
        bits = surface.bits_per_pixel * surface.planes if surface is not None else 32
    return create_bitmap(width, height, 1, bits)


def create_region(region: Region) -> RegionObject:
    """A region object holding ``region``."""
    obj = RegionObject(region)
    insert(obj)
    return obj
