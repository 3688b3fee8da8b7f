"""Drawing into a memory context's bitmap, pixel by pixel.

What rasterizes (into the bitmap selected into a memory context): SetPixel, FillRect,
FrameRect, InvertRect, Rectangle, LineTo/Polyline, Polygon, Ellipse, the region fills,
PatBlt, BitBlt and StretchBlt (any ternary raster operation; monochrome and colour converted
as Windows does), with the context's clipping region, ROP2 mode, pen, brush and coordinate
mapping. A window or screen context has no pixels: the same calls check their arguments,
move the current position and draw nowhere.

Pixels are COLORREFs (``0x00BBGGRR``); a monochrome bitmap holds black or white only (a
colour goes to the nearer of the two). Rectangles exclude their right and bottom edges, and a
line its last point, as in GDI.
"""

from __future__ import annotations

import itertools
from array import array
from typing import TYPE_CHECKING

from ..messages import Region
from ._objects import GDI_LOCK, Bitmap, Brush, Pen
from ._paths import closed_path, ellipse_points, figures, path_region, record
from ._stock import (
    BS_HATCHED,
    BS_NULL,
    BS_PATTERN,
    CLR_INVALID,
    PS_NULL,
    PS_STYLE_MASK,
    resolve_color,
    stock_object,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ._dc import DeviceContext

__all__ = [
    "SRCCOPY", "PATCOPY", "BLACKNESS", "WHITENESS", "DSTINVERT",
    "set_pixel", "get_pixel", "fill_rect", "frame_rect", "invert_rect", "rectangle", "line_to",
    "move_to", "polyline", "polygon", "ellipse", "fill_region", "frame_region",
    "invert_region", "paint_region", "pat_blt", "bit_blt", "stretch_blt", "device_rect",
    "fill_path", "path_to_region",
]  # fmt: skip

SRCCOPY = 0x00CC0020
PATCOPY = 0x00F00021
BLACKNESS = 0x00000042
WHITENESS = 0x00FF0062
DSTINVERT = 0x00550009
_R2_COPYPEN = 13
_MASK = 0xFFFFFF

# 8x8 hatch patterns (HS_HORIZONTAL ... HS_DIAGCROSS), as "is this pixel a line" tests.
_HATCHES = (
    lambda x, y: y % 8 == 7,
    lambda x, y: x % 8 == 7,
    lambda x, y: (x - y) % 8 == 0,
    lambda x, y: (x + y) % 8 == 7,
    lambda x, y: x % 8 == 7 or y % 8 == 7,
    lambda x, y: (x - y) % 8 == 0 or (x + y) % 8 == 7,
)


def _mono(color: int) -> int:
    red, green, blue = color & 0xFF, color >> 8 & 0xFF, color >> 16 & 0xFF
    return _MASK if red + green + blue >= 384 else 0


def _rop2(mode: int, pen: int, dest: int) -> int:
    """A binary raster operation (R2_*): bit (pen, dest) of ``mode - 1`` gives each bit."""
    if mode == _R2_COPYPEN:
        return pen
    table = (mode - 1) & 0xF
    out = 0
    for index, mask in ((3, pen & dest), (2, pen & ~dest), (1, ~pen & dest), (0, ~pen & ~dest)):
        if table >> index & 1:
            out |= mask
    return out & _MASK


def _rop3(code: int, pattern: int, source: int, dest: int) -> int:
    """A ternary raster operation: bit (pattern, source, dest) of its code gives each bit."""
    out = 0
    for index in range(8):
        if code >> index & 1:
            out |= (
                (pattern if index & 4 else ~pattern)
                & (source if index & 2 else ~source)
                & (dest if index & 1 else ~dest)
            )
    return out & _MASK


def _visible(dc: DeviceContext, x: int, y: int) -> bool:
    left, top, right, bottom = dc.bounds()
    if not (left <= x < right and top <= y < bottom):
        return False
    clip = dc.state.clip
    return clip is None or clip.contains(x, y)


def _read(bitmap: Bitmap, x: int, y: int) -> int:
    return bitmap.pixels[y * bitmap.width + x]


def _write(bitmap: Bitmap, x: int, y: int, color: int) -> None:
    bitmap.pixels[y * bitmap.width + x] = _mono(color) if bitmap.monochrome else color & _MASK


def _plot(dc: DeviceContext, x: int, y: int, color: int, rop2: bool = True) -> None:
    bitmap = dc.surface
    if bitmap is None or not _visible(dc, x, y):
        return
    if rop2 and dc.state.rop2 != _R2_COPYPEN:
        color = _rop2(dc.state.rop2, color, _read(bitmap, x, y))
    _write(bitmap, x, y, color)


def _pen_color(dc: DeviceContext, pen: Pen) -> int | None:
    if pen.style & PS_STYLE_MASK == PS_NULL:
        return None
    return resolve_color(dc.state.dc_pen_color if pen is stock_object(19) else pen.color)


def _brush_color(dc: DeviceContext, brush: Brush, x: int, y: int) -> int | None:
    """The brush's colour at a device pixel; None where it leaves the pixel alone."""
    if brush.style == BS_NULL:
        return None
    if brush.color is None:  # DC_BRUSH
        return resolve_color(dc.state.dc_brush_color)
    if brush.style == BS_HATCHED and 0 <= brush.hatch < len(_HATCHES):
        if _HATCHES[brush.hatch](x, y):
            return resolve_color(brush.color)
        return resolve_color(dc.state.bk_color) if dc.state.bk_mode == 2 else None
    if brush.style == BS_PATTERN and brush.pattern is not None:
        pattern = brush.pattern
        pixel = _read(pattern, x % pattern.width, y % pattern.height)
        if pattern.monochrome:
            return resolve_color(dc.state.bk_color if pixel else dc.state.text_color)
        return pixel
    return resolve_color(brush.color)


def device_rect(
    dc: DeviceContext, left: int, top: int, right: int, bottom: int
) -> tuple[int, int, int, int]:
    """A logical rectangle in device pixels, corners ordered."""
    x1, y1 = dc.to_device_int(left, top)
    x2, y2 = dc.to_device_int(right, bottom)
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


def _fill(dc: DeviceContext, region: Region, brush: Brush, rop2: bool) -> None:
    if dc.surface is None:
        return
    for left, top, right, bottom in region.rects():
        for y in range(top, bottom):
            for x in range(left, right):
                color = _brush_color(dc, brush, x, y)
                if color is not None:
                    _plot(dc, x, y, color, rop2)


def _pixels_of_line(x1: int, y1: int, x2: int, y2: int) -> list[tuple[int, int]]:
    """Bresenham's line from (x1, y1) to (x2, y2), the last point left out."""
    points = []
    dx, dy = abs(x2 - x1), -abs(y2 - y1)
    sx, sy = (1 if x1 < x2 else -1), (1 if y1 < y2 else -1)
    error = dx + dy
    x, y = x1, y1
    while (x, y) != (x2, y2):
        points.append((x, y))
        double = 2 * error
        if double >= dy:
            error += dy
            x += sx
        if double <= dx:
            error += dx
            y += sy
    return points


def _stroke(dc: DeviceContext, points: Iterable[tuple[int, int]]) -> None:
    color = _pen_color(dc, dc.state.pen)
    if color is None or dc.surface is None:
        return
    width = max(dc.state.pen.width, 1)
    half = width // 2
    for x, y in points:
        for dy in range(-half, width - half):
            for dx in range(-half, width - half):
                _plot(dc, x + dx, y + dy, color)


def set_pixel(dc: DeviceContext, x: int, y: int, color: int) -> int:
    """Set one pixel (SetPixel); returns the colour set, or CLR_INVALID outside the clip."""
    with GDI_LOCK:
        px, py = dc.to_device_int(x, y)
        if not _visible(dc, px, py):
            return CLR_INVALID
        rgb = resolve_color(color)
        bitmap = dc.surface
        if bitmap is None:
            return rgb
        _write(bitmap, px, py, rgb)
        return _read(bitmap, px, py)


def get_pixel(dc: DeviceContext, x: int, y: int) -> int:
    """A pixel's colour (GetPixel); CLR_INVALID outside the clip; a window context gives 0."""
    with GDI_LOCK:
        px, py = dc.to_device_int(x, y)
        if not _visible(dc, px, py):
            return CLR_INVALID
        bitmap = dc.surface
        return 0 if bitmap is None else _read(bitmap, px, py)


def fill_rect(dc: DeviceContext, rect: tuple[int, int, int, int], brush: Brush) -> None:
    """Paint a rectangle with a brush (FillRect); ROP2 does not apply."""
    with GDI_LOCK:
        _fill(dc, Region.rect(*device_rect(dc, *rect)), brush, rop2=False)


def frame_rect(dc: DeviceContext, rect: tuple[int, int, int, int], brush: Brush) -> None:
    """Paint a one-pixel frame inside a rectangle with a brush (FrameRect)."""
    with GDI_LOCK:
        left, top, right, bottom = device_rect(dc, *rect)
        outer = Region.rect(left, top, right, bottom)
        frame = outer.subtract(Region.rect(left + 1, top + 1, right - 1, bottom - 1))
        _fill(dc, frame if right - left > 2 and bottom - top > 2 else outer, brush, rop2=False)


def invert_region(dc: DeviceContext, region: Region) -> None:
    """Invert the pixels of a device region (InvertRgn)."""
    with GDI_LOCK:
        bitmap = dc.surface
        if bitmap is None:
            return
        for left, top, right, bottom in region.rects():
            for y in range(top, bottom):
                for x in range(left, right):
                    if _visible(dc, x, y):
                        _write(bitmap, x, y, ~_read(bitmap, x, y) & _MASK)


def invert_rect(dc: DeviceContext, rect: tuple[int, int, int, int]) -> None:
    """Invert the pixels of a rectangle (InvertRect)."""
    invert_region(dc, Region.rect(*device_rect(dc, *rect)))


def fill_region(dc: DeviceContext, region: Region, brush: Brush) -> None:
    """Paint a device region with a brush (FillRgn)."""
    with GDI_LOCK:
        _fill(dc, region, brush, rop2=True)


def paint_region(dc: DeviceContext, region: Region) -> None:
    """Paint a device region with the selected brush (PaintRgn)."""
    fill_region(dc, region, dc.state.brush)


def frame_region(dc: DeviceContext, region: Region, brush: Brush, width: int, height: int) -> None:
    """Paint a region's border, ``width`` x ``height`` pixels thick, with a brush (FrameRgn)."""
    with GDI_LOCK:
        inner = region
        for dx in range(-width + 1, width):
            for dy in range(-height + 1, height):
                inner = inner.intersect(region.offset(dx, dy))
        _fill(dc, region.subtract(inner), brush, rop2=True)


def _shape(dc: DeviceContext, region: Region, outline: Sequence[tuple[int, int]]) -> None:
    """Fill a device region with the brush and stroke its outline with the pen."""
    _fill(dc, region, dc.state.brush, rop2=True)
    if len(outline) > 1:
        points: list[tuple[int, int]] = []
        for start, end in zip(outline, [*outline[1:], outline[0]], strict=False):
            points += _pixels_of_line(*start, *end)
        _stroke(dc, points)


def rectangle(dc: DeviceContext, left: int, top: int, right: int, bottom: int) -> None:
    """Draw a rectangle: interior with the brush, border with the pen (Rectangle)."""
    with GDI_LOCK:
        if record(dc, [(left, top), (right, top), (right, bottom), (left, bottom)], closed=True):
            return
        x1, y1, x2, y2 = device_rect(dc, left, top, right, bottom)
        if x2 - x1 < 1 or y2 - y1 < 1:
            return
        corners = [(x1, y1), (x2 - 1, y1), (x2 - 1, y2 - 1), (x1, y2 - 1)]
        _shape(dc, Region.rect(x1 + 1, y1 + 1, x2 - 1, y2 - 1), corners)
        if (x2 - x1, y2 - y1) == (1, 1):
            _stroke(dc, corners[:1])


def ellipse(dc: DeviceContext, left: int, top: int, right: int, bottom: int) -> None:
    """Draw an ellipse: interior with the brush, outline with the pen (Ellipse)."""
    with GDI_LOCK:
        if record(dc, ellipse_points(left, top, right, bottom), closed=True):
            return
        region = Region.ellipse(*device_rect(dc, left, top, right, bottom))
        _fill(dc, region, dc.state.brush, rop2=True)
        edge = region.subtract(
            region.intersect(region.offset(1, 0))
            .intersect(region.offset(-1, 0))
            .intersect(region.offset(0, 1))
            .intersect(region.offset(0, -1))
        )
        _stroke(
            dc,
            [
                (x, y)
                for x1, y1, x2, y2 in edge.rects()
                for y in range(y1, y2)
                for x in range(x1, x2)
            ],
        )


def move_to(dc: DeviceContext, x: int, y: int) -> tuple[int, int]:
    """Set the current position (MoveToEx); returns the previous one."""
    with GDI_LOCK:
        previous = dc.state.position
        dc.state.position = (x, y)
        return previous


def line_to(dc: DeviceContext, x: int, y: int) -> None:
    """Draw from the current position to ``(x, y)`` (left out) with the pen, and move there."""
    with GDI_LOCK:
        if record(dc, [(x, y)], closed=False):
            dc.state.position = (x, y)
            return
        start = dc.to_device_int(*dc.state.position)
        dc.state.position = (x, y)
        _stroke(dc, _pixels_of_line(*start, *dc.to_device_int(x, y)))


def polyline(dc: DeviceContext, points: Sequence[tuple[int, int]]) -> None:
    """Draw connected lines (Polyline); the current position is not used or changed."""
    with GDI_LOCK:
        if dc.state.path_open:
            dc.state.position = points[0]
            record(dc, points[1:], closed=False)
            return
        device = [dc.to_device_int(x, y) for x, y in points]
        pixels: list[tuple[int, int]] = []
        for start, end in itertools.pairwise(device):
            pixels += _pixels_of_line(*start, *end)
        _stroke(dc, pixels)


def polygon(dc: DeviceContext, points: Sequence[tuple[int, int]]) -> None:
    """Draw a closed polygon filled with the poly fill mode (Polygon)."""
    with GDI_LOCK:
        if record(dc, points, closed=True):
            return
        device = [dc.to_device_int(x, y) for x, y in points]
        _shape(dc, Region.polygon(device, winding=dc.state.poly_fill_mode == 2), device)


def _source_pixel(dst: DeviceContext, src: DeviceContext | None, x: int, y: int) -> int:
    if src is None:
        return 0
    bitmap = src.surface
    if bitmap is None or not (0 <= x < bitmap.width and 0 <= y < bitmap.height):
        return 0
    pixel = _read(bitmap, x, y)
    target = dst.surface
    if bitmap.monochrome and target is not None and not target.monochrome:
        # monochrome to colour: 0 bits take the text colour, 1 bits the background colour
        return resolve_color(dst.state.bk_color if pixel else dst.state.text_color)
    if target is not None and target.monochrome and not bitmap.monochrome:
        # colour to monochrome: the source's background colour is white, the rest black
        return _MASK if pixel == resolve_color(src.state.bk_color) else 0
    return pixel


def _copy(
    dst: DeviceContext,
    bitmap: Bitmap,
    rect: tuple[int, int, int, int],
    src: DeviceContext | None,
    sleft: int,
    stop: int,
) -> bool:
    """SRCCOPY without stretching or clipping, row by row; False when it does not apply.

    Gives the pixels the general loop gives: the source's where it has them (a bitmap of the
    same colour depth), black elsewhere and from a window or screen context (no pixels).
    """
    source = src.surface if src is not None else None
    if (
        dst.state.clip is not None
        or source is bitmap  # overlapping: the pixel loop's order of reads and writes
        or (source is not None and source.monochrome != bitmap.monochrome)
    ):
        return False
    left, top, right, bottom = rect
    x0, x1 = max(left, 0), min(right, bitmap.width)
    if x0 >= x1:
        return True
    width = bitmap.width
    for py in range(max(top, 0), min(bottom, bitmap.height)):
        row = array("I", bytes(4 * (x1 - x0)))
        sy = stop + py - top
        if source is not None and 0 <= sy < source.height:
            sx0 = sleft + x0 - left  # the source column of x0
            a, b = max(sx0, 0), min(sx0 + x1 - x0, source.width)
            if a < b:
                base = sy * source.width
                row[a - sx0 : b - sx0] = source.pixels[base + a : base + b]
        bitmap.pixels[py * width + x0 : py * width + x1] = row
    return True


def stretch_blt(
    dst: DeviceContext,
    rect: tuple[int, int, int, int],
    src: DeviceContext | None,
    src_rect: tuple[int, int, int, int],
    rop: int,
) -> None:
    """Combine a source rectangle (stretched, nearest pixel) with the destination.

    ``rect`` and ``src_rect`` are ``(x, y, width, height)`` in logical units; a negative
    width or height mirrors. ``src`` None is a raster operation without a source (PatBlt).
    """
    code = rop >> 16 & 0xFF
    with GDI_LOCK:
        bitmap = dst.surface
        if bitmap is None:
            return
        x, y, width, height = rect
        x1, y1 = dst.to_device_int(x, y)
        x2, y2 = dst.to_device_int(x + width, y + height)
        sx, sy, swidth, sheight = src_rect
        if src is not None:
            sx1, sy1 = src.to_device_int(sx, sy)
            sx2, sy2 = src.to_device_int(sx + swidth, sy + sheight)
        else:
            sx1 = sy1 = sx2 = sy2 = 0
        mirror_x, mirror_y = (x2 < x1) != (sx2 < sx1), (y2 < y1) != (sy2 < sy1)
        left, right = sorted((x1, x2))
        top, bottom = sorted((y1, y2))
        sleft, stop = min(sx1, sx2), min(sy1, sy2)
        sw, sh = abs(sx2 - sx1), abs(sy2 - sy1)
        w, h = right - left, bottom - top
        if (
            code == 0xCC
            and (w, h) == (sw, sh)
            and not (mirror_x or mirror_y)
            and _copy(dst, bitmap, (left, top, right, bottom), src, sleft, stop)
        ):
            return
        brush = dst.state.brush
        for py in range(top, bottom):
            for px in range(left, right):
                if not _visible(dst, px, py):
                    continue
                dest = _read(bitmap, px, py)
                pattern = _brush_color(dst, brush, px, py) or 0
                source = 0
                if src is not None and w and h:
                    ox, oy = (px - left) * sw // w, (py - top) * sh // h
                    if mirror_x:
                        ox = sw - 1 - ox
                    if mirror_y:
                        oy = sh - 1 - oy
                    source = _source_pixel(dst, src, sleft + ox, stop + oy)
                result = source if code == 0xCC else _rop3(code, pattern, source, dest)
                _write(bitmap, px, py, result)


def bit_blt(
    dst: DeviceContext,
    x: int,
    y: int,
    width: int,
    height: int,
    src: DeviceContext | None,
    sx: int,
    sy: int,
    rop: int,
) -> None:
    """Combine a same-size source rectangle with the destination (BitBlt)."""
    stretch_blt(dst, (x, y, width, height), src, (sx, sy, width, height), rop)


def pat_blt(dc: DeviceContext, x: int, y: int, width: int, height: int, rop: int) -> None:
    """Combine the brush with a rectangle of the destination (PatBlt)."""
    stretch_blt(dc, (x, y, width, height), None, (0, 0, 0, 0), rop)


def fill_path(dc: DeviceContext, *, stroke: bool = False, fill: bool = True) -> None:
    """Fill and/or stroke the closed path, then discard it (FillPath, StrokePath, ...).

    Raises:
        Win32Error: ERROR_CAN_NOT_COMPLETE, no closed path.
    """
    with GDI_LOCK:
        path = closed_path(dc, "FillPath" if fill else "StrokePath")
        if fill:
            _fill(dc, path_region(dc, path), dc.state.brush, rop2=True)
        if stroke:
            pixels: list[tuple[int, int]] = []
            for figure in figures(path):
                device = [dc.to_device_int(x, y) for x, y in figure]
                for start, end in zip(device, [*device[1:], device[0]], strict=False):
                    pixels += _pixels_of_line(*start, *end)
            _stroke(dc, pixels)


def path_to_region(dc: DeviceContext) -> Region:
    """The closed path as a device region, discarding the path (PathToRegion)."""
    with GDI_LOCK:
        return path_region(dc, closed_path(dc, "PathToRegion"))
