"""win32gui's drawing: pixels, lines, shapes, blits, paths and text over :mod:`apartment.gdi`.

What rasterizes (into a memory context's bitmap) and what only checks its arguments is in
``apartment.gdi._raster`` and docs/differences-from-windows.md; Arc, ArcTo, AngleArc, Pie,
Chord, RoundRect, PolyBezier(To), GradientFill, AlphaBlend, TransparentBlt, MaskBlt,
PlgBlt, DrawEdge, DrawFocusRect, ExtFloodFill and text output check their arguments and the
context, move the current position as Windows does, and draw nothing.
"""

from __future__ import annotations

import operator
from typing import Any

from .. import gdi
from ..errors import InvalidHandleError, InvalidParameterError, Win32Error
from ._adapt import api, dword
from ._handles import PyHANDLE, handle_value
from .pywintypes import error

__all__ = [
    "PyGdiHANDLE", "SetPixel", "SetPixelV", "GetPixel", "FillRect", "FrameRect", "InvertRect",
    "Rectangle",
    "RoundRect", "Ellipse", "LineTo", "Polyline", "PolylineTo", "Polygon", "PolyBezier",
    "PolyBezierTo", "Arc", "ArcTo", "AngleArc", "Pie", "Chord", "FillRgn", "PaintRgn",
    "FrameRgn", "InvertRgn", "BitBlt", "StretchBlt", "PatBlt", "TransparentBlt", "AlphaBlend",
    "MaskBlt", "PlgBlt", "GradientFill", "DrawFocusRect", "DrawEdge", "ExtFloodFill",
    "DrawIcon", "DrawIconEx",
]  # fmt: skip

_C_INT = range(-(2**31), 2**31)


class PyGdiHANDLE(PyHANDLE):
    """A GDI object's handle that deletes the object when closed or collected (pywin32's)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<PyGdiHANDLE:{self._value}>"

    def Close(self) -> None:
        """Delete the object (DeleteObject) and set the value to 0."""
        value, self._value = self._value, 0
        if value:
            gdi.delete_object(value)

    close = Close

    @classmethod
    def of(cls, obj: gdi.GdiObject) -> PyGdiHANDLE:
        """A handle owning ``obj``."""
        return cls(obj.handle)

    def __del__(self) -> None:
        value = getattr(self, "_value", 0)
        if value:
            gdi.delete_object(value)


def int_arg(value: object) -> int:
    """A C int argument."""
    number = operator.index(value)  # type: ignore[arg-type]
    if number not in _C_INT:
        raise OverflowError("signed integer is greater than maximum")
    return int(number)


def rect_arg(value: object, funcname: str) -> tuple[int, int, int, int]:
    """A RECT: a tuple of four ints."""
    if not isinstance(value, tuple) or len(value) != 4:
        raise TypeError(f"{funcname}: This param must be a tuple of four integers")
    left, top, right, bottom = (int_arg(v) for v in value)
    return left, top, right, bottom


def dc_arg(hdc: object) -> gdi.DeviceContext:
    """The device context of a handle argument (InvalidHandleError if it is not one)."""
    return gdi.dc_of(handle_value(hdc))


def region_arg(hrgn: object) -> gdi.RegionObject:
    obj = gdi.object_of(handle_value(hrgn), gdi.RegionObject)
    assert isinstance(obj, gdi.RegionObject)
    return obj


def brush_arg(hbr: object) -> gdi.Brush:
    """A brush handle, or a system colour index + 1 (FillRect's COLOR_* + 1 convention)."""
    value = handle_value(hbr)
    if 0 < value <= 31:
        brush = gdi.sys_color_brush(value - 1)
        if brush is not None:
            return brush
    obj = gdi.object_of(value, gdi.Brush)
    assert isinstance(obj, gdi.Brush)
    return obj


def _points(value: object) -> list[tuple[int, int]]:
    if not isinstance(value, (list, tuple)):
        raise TypeError("Points must be a sequence of (x, y) tuples")
    points = []
    for point in value:
        if not isinstance(point, (list, tuple)) or len(point) != 2:
            raise TypeError("Points must be a sequence of (x, y) tuples")
        points.append((int_arg(point[0]), int_arg(point[1])))
    return points


def _ints(*values: object) -> list[int]:
    return [int_arg(value) for value in values]


# -- pixels and shapes ---------------------------------------------------------------------------


def SetPixel(hdc: object, X: int, Y: int, Color: int, /) -> int:
    """The colour set; -1 (CLR_INVALID) outside the clip or for a bad context."""
    try:
        result = gdi.set_pixel(dc_arg(hdc), int_arg(X), int_arg(Y), dword(Color))
    except Win32Error:
        return -1
    return -1 if result == gdi.CLR_INVALID else result


@api("SetPixelV")
def SetPixelV(hdc: object, X: int, Y: int, Color: int, /) -> None:
    if gdi.set_pixel(dc_arg(hdc), int_arg(X), int_arg(Y), dword(Color)) == gdi.CLR_INVALID:
        raise InvalidParameterError(f"({X}, {Y}) is outside the context's clipping region")


def GetPixel(hdc: object, XPos: int, YPos: int, /) -> int:
    """A pixel's COLORREF; raises ``error("Could not get pixel value.")`` as pywin32 does."""
    try:
        result = gdi.get_pixel(dc_arg(hdc), int_arg(XPos), int_arg(YPos))
    except Win32Error:
        result = gdi.CLR_INVALID
    if result == gdi.CLR_INVALID:
        raise error("Could not get pixel value.")
    return result


@api("FillRect")
def FillRect(hDC: object, rc: object, hbr: object, /) -> int:
    rect = rect_arg(rc, "FillRect")
    gdi.fill_rect(dc_arg(hDC), rect, brush_arg(hbr))
    return 1


@api("FrameRect")
def FrameRect(hDC: object, rc: object, hbr: object, /) -> None:
    rect = rect_arg(rc, "FrameRect")
    gdi.frame_rect(dc_arg(hDC), rect, brush_arg(hbr))


@api("InvertRect")
def InvertRect(hDC: object, rc: object, /) -> None:
    gdi.invert_rect(dc_arg(hDC), rect_arg(rc, "InvertRect"))


@api("Rectangle")
def Rectangle(hdc: object, LeftRect: int, TopRect: int, RightRect: int, BottomRect: int, /) -> None:
    gdi.rectangle(dc_arg(hdc), *_ints(LeftRect, TopRect, RightRect, BottomRect))


@api("RoundRect")
def RoundRect(
    hdc: object, LeftRect: int, TopRect: int, RightRect: int, BottomRect: int, Width: int,
    Height: int, /,
) -> None:  # fmt: skip
    """Drawn as a rectangle (the corners are not rounded)."""
    dc = dc_arg(hdc)
    _ints(Width, Height)
    gdi.rectangle(dc, *_ints(LeftRect, TopRect, RightRect, BottomRect))


@api("Ellipse")
def Ellipse(hdc: object, LeftRect: int, TopRect: int, RightRect: int, BottomRect: int, /) -> None:
    gdi.ellipse(dc_arg(hdc), *_ints(LeftRect, TopRect, RightRect, BottomRect))


@api("LineTo")
def LineTo(hdc: object, XEnd: int, YEnd: int, /) -> None:
    gdi.line_to(dc_arg(hdc), int_arg(XEnd), int_arg(YEnd))


@api("Polyline")
def Polyline(hdc: object, Points: object, /) -> None:
    dc, points = dc_arg(hdc), _points(Points)
    if len(points) < 2:
        raise InvalidParameterError("a polyline has 2 points or more")
    gdi.polyline(dc, points)


@api("PolylineTo")
def PolylineTo(hdc: object, Points: object, /) -> None:
    dc, points = dc_arg(hdc), _points(Points)
    for x, y in points:
        gdi.line_to(dc, x, y)


@api("PolyGon")  # pywin32's spelling in its errors
def Polygon(hdc: object, Points: object, /) -> None:
    dc, points = dc_arg(hdc), _points(Points)
    if len(points) < 2:
        raise InvalidParameterError("a polygon has 2 points or more")
    gdi.polygon(dc, points)


def _bezier(hdc: object, Points: object, *, to: bool) -> None:
    dc, points = dc_arg(hdc), _points(Points)
    if len(points) % 3 != (0 if to else 1) or (not to and len(points) < 4):
        raise InvalidParameterError("a Bézier curve has 3n (+1 without a start) points")
    if to and points:
        gdi.move_to(dc, *points[-1])


@api("PolyBezier")
def PolyBezier(hdc: object, Points: object, /) -> None:
    _bezier(hdc, Points, to=False)


@api("PolyBezierTo")
def PolyBezierTo(hdc: object, Points: object, /) -> None:
    _bezier(hdc, Points, to=True)


def _arc_args(hdc: object, *values: object) -> gdi.DeviceContext:
    dc = dc_arg(hdc)
    _ints(*values)
    return dc


@api("Arc")
def Arc(hdc: object, *args: int) -> None:
    _arc_args(hdc, *_eight(args))


@api("ArcTo")
def ArcTo(hdc: object, *args: int) -> None:
    """Moves the current position to the arc's end (the end radial's point, as drawn here)."""
    values = _eight(args)
    dc = _arc_args(hdc, *values)
    gdi.move_to(dc, int_arg(values[6]), int_arg(values[7]))


@api("Pie")
def Pie(hdc: object, *args: int) -> None:
    _arc_args(hdc, *_eight(args))


@api("Chord")
def Chord(hdc: object, *args: int) -> None:
    _arc_args(hdc, *_eight(args))


def _eight(args: tuple[Any, ...]) -> tuple[Any, ...]:
    if len(args) != 8:
        raise TypeError(f"function takes exactly 9 arguments ({len(args) + 1} given)")
    return args


@api("AngleArc")
def AngleArc(
    hdc: object, X: int, Y: int, Radius: int, StartAngle: float, SweepAngle: float, /
) -> None:
    dc = dc_arg(hdc)
    _ints(X, Y)
    if dword(Radius) >= 2**31:
        raise InvalidParameterError("the radius is negative")
    float(StartAngle)
    float(SweepAngle)
    gdi.move_to(dc, int_arg(X), int_arg(Y))


@api("FillRgn")
def FillRgn(hdc: object, hrgn: object, hbr: object, /) -> None:
    gdi.fill_region(dc_arg(hdc), region_arg(hrgn).region, brush_arg(hbr))


@api("PaintRgn")
def PaintRgn(hdc: object, hrgn: object, /) -> None:
    gdi.paint_region(dc_arg(hdc), region_arg(hrgn).region)


@api("FrameRgn")
def FrameRgn(hdc: object, hrgn: object, hbr: object, Width: int, Height: int, /) -> None:
    dc, region, brush = dc_arg(hdc), region_arg(hrgn).region, brush_arg(hbr)
    gdi.frame_region(dc, region, brush, max(int_arg(Width), 1), max(int_arg(Height), 1))


@api("InvertRgn")
def InvertRgn(hdc: object, hrgn: object, /) -> None:
    gdi.invert_region(dc_arg(hdc), region_arg(hrgn).region)


@api("DrawFocusRect")
def DrawFocusRect(hDC: object, rc: object, /) -> None:
    dc_arg(hDC)
    rect_arg(rc, "DrawFocusRect")


@api("DrawEdge")
def DrawEdge(hdc: object, rc: object, edge: int, Flags: int, /) -> tuple[int, int, int, int]:
    """The rectangle left inside the edge (BF_ADJUST's answer); nothing is drawn."""
    dc_arg(hdc)
    left, top, right, bottom = rect_arg(rc, "DrawEdge")
    width = bin(dword(edge) & 0x3).count("1") + bin(dword(edge) & 0xC).count("1")
    width = min(width, 2)
    return (left + width, top + width, right - width, bottom - width)


@api("ExtFloodFill")
def ExtFloodFill(arg: object, XStart: int, YStart: int, Color: int, FillType: int, /) -> None:
    dc_arg(arg)
    _ints(XStart, YStart)
    dword(Color)
    if int_arg(FillType) not in (0, 1):
        raise InvalidParameterError("FLOODFILLBORDER or FLOODFILLSURFACE")


@api("DrawIcon")
def DrawIcon(hDC: object, X: int, Y: int, hicon: object, /) -> None:
    """Checks the context; icons are the window layer's handles, drawn as nothing."""
    dc_arg(hDC)
    _ints(X, Y)
    if not handle_value(hicon):
        raise InvalidHandleError("no icon")


@api("DrawIconEx")
def DrawIconEx(
    hDC: object, xLeft: int, yTop: int, hIcon: object, cxWidth: int, cyWidth: int,
    istepIfAniCur: int, hbrFlickerFreeDraw: object, diFlags: int, /,
) -> None:  # fmt: skip
    """Checks the context; with a flicker-free brush, fills the icon's rectangle with it."""
    dc = dc_arg(hDC)
    left, top, width, height = _ints(xLeft, yTop, cxWidth, cyWidth)
    int_arg(istepIfAniCur)
    dword(diFlags)
    if not handle_value(hIcon):
        raise InvalidHandleError("no icon")
    if handle_value(hbrFlickerFreeDraw):
        gdi.fill_rect(dc, (left, top, left + width, top + height), brush_arg(hbrFlickerFreeDraw))


# -- blits ---------------------------------------------------------------------------------------


def _source(hdc: object) -> gdi.DeviceContext:
    try:
        return dc_arg(hdc)
    except InvalidHandleError:
        raise InvalidHandleError("the source is not a device context") from None


@api("BitBlt")
def BitBlt(
    hdcDest: object, x: int, y: int, width: int, height: int, hdcSrc: object, nXSrc: int,
    nYSrc: int, dwRop: int, /,
) -> None:  # fmt: skip
    dest = dc_arg(hdcDest)
    rop = dword(dwRop)
    source = _source(hdcSrc) if _uses_source(rop) else None
    left, top, cx, cy, sx, sy = _ints(x, y, width, height, nXSrc, nYSrc)
    gdi.bit_blt(dest, left, top, cx, cy, source, sx, sy, rop)


def _uses_source(rop: int) -> bool:
    code = rop >> 16 & 0xFF
    return (code >> 2 & 0x33) != (code & 0x33)


@api("StretchBlt")
def StretchBlt(
    hdcDest: object, x: int, y: int, width: int, height: int, hdcSrc: object, nXSrc: int,
    nYSrc: int, nWidthSrc: int, nHeightSrc: int, dwRop: int, /,
) -> None:  # fmt: skip
    dest = dc_arg(hdcDest)
    rop = dword(dwRop)
    source = _source(hdcSrc) if _uses_source(rop) else None
    rect = (int_arg(x), int_arg(y), int_arg(width), int_arg(height))
    src_rect = (int_arg(nXSrc), int_arg(nYSrc), int_arg(nWidthSrc), int_arg(nHeightSrc))
    gdi.stretch_blt(dest, rect, source, src_rect, rop)


@api("PatBlt")
def PatBlt(hdc: object, XLeft: int, YLeft: int, Width: int, Height: int, Rop: int, /) -> None:
    left, top, cx, cy = _ints(XLeft, YLeft, Width, Height)
    gdi.pat_blt(dc_arg(hdc), left, top, cx, cy, dword(Rop))


@api("TransparentBlt")
def TransparentBlt(
    Dest: object, XOriginDest: int, YOriginDest: int, WidthDest: int, HeightDest: int,
    Src: object, XOriginSrc: int, YOriginSrc: int, WidthSrc: int, HeightSrc: int,
    Transparent: int, /,
) -> None:  # fmt: skip
    dc_arg(Dest)
    _source(Src)
    _ints(XOriginDest, YOriginDest, WidthDest, HeightDest, XOriginSrc, YOriginSrc)
    _ints(WidthSrc, HeightSrc)
    dword(Transparent)


@api("AlphaBlend")
def AlphaBlend(
    Dest: object, XOriginDest: int, YOriginDest: int, WidthDest: int, HeightDest: int,
    Src: object, XOriginSrc: int, YOriginSrc: int, WidthSrc: int, HeightSrc: int,
    blendFunction: object, /,
) -> None:  # fmt: skip
    dc_arg(Dest)
    _source(Src)
    _ints(XOriginDest, YOriginDest, WidthDest, HeightDest, XOriginSrc, YOriginSrc)
    _ints(WidthSrc, HeightSrc)
    if not isinstance(blendFunction, tuple) or len(blendFunction) != 4:
        raise TypeError("BLENDFUNCTION must be a tuple of four small ints")


@api("MaskBlt")
def MaskBlt(
    Dest: object, XDest: int, YDest: int, Width: int, Height: int, Src: object, XSrc: int,
    YSrc: int, Mask: object, xMask: int, yMask: int, Rop: int, /,
) -> None:  # fmt: skip
    dc_arg(Dest)
    _source(Src)
    _ints(XDest, YDest, Width, Height, XSrc, YSrc, xMask, yMask)
    dword(Rop)


@api("PlgBlt")
def PlgBlt(
    Dest: object, Point: object, Src: object, XSrc: int, YSrc: int, Width: int, Height: int,
    Mask: object = None, xMask: int = 0, yMask: int = 0, /,
) -> None:  # fmt: skip
    dc_arg(Dest)
    if len(_points(Point)) != 3:
        raise TypeError("Point must be a sequence of 3 (x, y) tuples")
    _source(Src)
    _ints(XSrc, YSrc, Width, Height, xMask, yMask)


_VERTEX_KEYS = ("x", "y", "Red", "Green", "Blue", "Alpha")


@api("GradientFill")
def GradientFill(hdc: object, Vertex: object, Mesh: object, Mode: int, /) -> None:
    """Checks the vertices (dicts of x, y, Red, Green, Blue, Alpha) and the mesh."""
    dc_arg(hdc)
    if not isinstance(Vertex, (tuple, list)) or not isinstance(Mesh, (tuple, list)):
        raise TypeError("Vertex and Mesh must be sequences")
    for vertex in Vertex:
        if not isinstance(vertex, dict):
            raise TypeError("TRIVERTEX must be a dict")
        for key in _VERTEX_KEYS:
            int_arg(vertex.get(key, 0))
    mode = int_arg(Mode)
    size = 3 if mode == 2 else 2
    if mode not in (0, 1, 2):
        raise InvalidParameterError(f"{mode} is not a GRADIENT_FILL_* mode")
    for item in Mesh:
        if not isinstance(item, tuple) or len(item) != size:
            raise TypeError(f"Mesh elements must be tuples of {size} ints")
        for index in item:
            if not 0 <= int_arg(index) < len(Vertex):
                raise InvalidParameterError(f"vertex {index} does not exist")
