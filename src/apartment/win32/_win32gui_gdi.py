"""win32gui's GDI half: objects, regions, device contexts, painting, colours.

Over :mod:`apartment.gdi`. pywin32's shapes kept: the Create* functions return a
``PyGdiHANDLE`` (it deletes its object when closed or collected), GetStockObject, GetDC and
CreateCompatibleDC return ints; GetObject gives a dict for a pen, a ``PyLOGFONT`` for a font,
a ``PyBITMAP`` for a bitmap and refuses other kinds with ValueError; several functions
answer 0 (or -1) for a bad context instead of raising, as pywin32's do (each says so).
Drawing and blits are in ``_win32gui_draw``, paths and text in ``_win32gui_paths``, the
context state in ``_win32gui_state``.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any

from .. import gdi, messages
from ..errors import InvalidParameterError, Win32Error
from ..messages import Region
from ._adapt import api, dword, last_error, set_last_error
from ._handles import handle_value
from ._win32gui_draw import PyGdiHANDLE, dc_arg, int_arg, rect_arg, region_arg

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "LOGFONT", "PyLOGFONT", "PyBITMAP",
    "GetStockObject", "CreateSolidBrush", "CreateHatchBrush", "CreatePatternBrush",
    "CreateBrushIndirect", "CreatePen", "ExtCreatePen", "CreateFontIndirect", "CreateBitmap",
    "CreateCompatibleBitmap", "DeleteObject", "GetObject", "GetObjectType", "GetCurrentObject",
    "SelectObject",
    "CreateRectRgnIndirect", "CreateEllipticRgnIndirect", "CreateRoundRectRgn",
    "CreatePolygonRgn", "CombineRgn", "EqualRgn", "GetRgnBox", "PtInRegion", "PtInRect",
    "RectInRegion", "SetRectRgn", "OffsetRgn",
    "GetDC", "GetWindowDC", "ReleaseDC", "CreateCompatibleDC", "CreateDC", "DeleteDC",
    "SaveDC", "RestoreDC", "WindowFromDC", "BeginPaint", "EndPaint", "GetUpdateRgn",
    "ValidateRect", "InvalidateRect", "RedrawWindow",
    "GetSysColor", "GetSysColorBrush",
]  # fmt: skip


# -- objects -------------------------------------------------------------------------------------

_LOGFONT_FIELDS = {
    "lfHeight": "height", "lfWidth": "width", "lfEscapement": "escapement",
    "lfOrientation": "orientation", "lfWeight": "weight", "lfItalic": "italic",
    "lfUnderline": "underline", "lfStrikeOut": "strike_out", "lfCharSet": "char_set",
    "lfOutPrecision": "out_precision", "lfClipPrecision": "clip_precision",
    "lfQuality": "quality", "lfPitchAndFamily": "pitch_and_family", "lfFaceName": "face_name",
}  # fmt: skip


class PyLOGFONT:
    """The LOGFONT structure, its ``lf*`` fields (pywin32's PyLOGFONT)."""

    def __init__(self) -> None:
        for name in _LOGFONT_FIELDS:
            setattr(self, name, "" if name == "lfFaceName" else 0)

    def __setattr__(self, name: str, value: object) -> None:
        if name not in _LOGFONT_FIELDS:
            raise AttributeError(f"'PyLOGFONT' object has no attribute '{name}'")
        if name == "lfFaceName":
            if not isinstance(value, str):
                raise TypeError("lfFaceName must be a string")
        else:
            value = operator.index(value)  # type: ignore[arg-type]
        object.__setattr__(self, name, value)

    def _core(self) -> gdi.LogFont:
        return gdi.LogFont(**{core: getattr(self, name) for name, core in _LOGFONT_FIELDS.items()})

    @classmethod
    def _of(cls, logfont: gdi.LogFont) -> PyLOGFONT:
        result = cls()
        for name, core in _LOGFONT_FIELDS.items():
            setattr(result, name, getattr(logfont, core))
        return result


def LOGFONT() -> PyLOGFONT:
    return PyLOGFONT()


class PyBITMAP:
    """The BITMAP structure GetObject gives for a bitmap (``bmBits`` is 0: no address)."""

    def __init__(self, bitmap: gdi.Bitmap) -> None:
        self.bmType = 0
        self.bmWidth = bitmap.width
        self.bmHeight = bitmap.height
        self.bmWidthBytes = bitmap.width_bytes
        self.bmPlanes = bitmap.planes
        self.bmBitsPixel = bitmap.bits_per_pixel
        self.bmBits = 0


def GetStockObject(Object: int, /) -> int:
    """A stock object's handle; 0 for an index that names none (no error)."""
    obj = gdi.stock_object(operator.index(Object))
    return 0 if obj is None else obj.handle


@api("CreateSolidBrush")
def CreateSolidBrush(Color: int, /) -> PyGdiHANDLE:
    return PyGdiHANDLE.of(gdi.create_brush(0, dword(Color)))


@api("CreateHatchBrush")
def CreateHatchBrush(Style: int, clrref: int, /) -> PyGdiHANDLE:
    return PyGdiHANDLE.of(gdi.create_brush(2, dword(clrref), operator.index(Style)))


@api("CreatePatternBrush")
def CreatePatternBrush(hbmp: object, /) -> PyGdiHANDLE:
    bitmap = gdi.object_of(handle_value(hbmp), gdi.Bitmap)
    assert isinstance(bitmap, gdi.Bitmap)
    return PyGdiHANDLE.of(gdi.create_brush(3, 0, 0, bitmap))


def _logbrush(lb: object) -> tuple[int, int, int]:
    if not isinstance(lb, dict):
        raise TypeError("LOGBRUSH must be a dict")
    for position, key in enumerate(("Style", "Color", "Hatch"), start=1):
        if key not in lb:
            raise TypeError(f"function missing required argument '{key}' (pos {position})")
    return operator.index(lb["Style"]), dword(lb["Color"]), operator.index(lb["Hatch"])


@api("CreateBrushIndirect")
def CreateBrushIndirect(lb: object, /) -> PyGdiHANDLE:
    style, color, hatch = _logbrush(lb)
    if style == 3:  # BS_PATTERN: lbHatch holds the bitmap
        bitmap = gdi.object_of(hatch, gdi.Bitmap)
        assert isinstance(bitmap, gdi.Bitmap)
        return PyGdiHANDLE.of(gdi.create_brush(style, color, 0, bitmap))
    return PyGdiHANDLE.of(gdi.create_brush(style, color, hatch))


@api("CreatePen")
def CreatePen(PenStyle: int, Width: int, Color: int, /) -> PyGdiHANDLE:
    return PyGdiHANDLE.of(gdi.create_pen(dword(PenStyle), operator.index(Width), dword(Color)))


@api("ExtCreatePen")
def ExtCreatePen(PenStyle: int, Width: int, lb: object, Style: object = None, /) -> PyGdiHANDLE:
    style, color, hatch = _logbrush(lb)
    return PyGdiHANDLE.of(
        gdi.create_ext_pen(dword(PenStyle), operator.index(Width), style, color, hatch)
    )


@api("CreateFontIndirect")
def CreateFontIndirect(lplf: PyLOGFONT, /) -> PyGdiHANDLE:
    if not isinstance(lplf, PyLOGFONT):
        raise TypeError("The object must be a PyLOGFONT")
    return PyGdiHANDLE.of(gdi.create_font(lplf._core()))


@api("CreateBitmap")
def CreateBitmap(
    width: int, height: int, cPlanes: int, cBitsPerPixel: int, bitmap_bits: None, /
) -> PyGdiHANDLE:
    if bitmap_bits is not None:
        raise TypeError("This param must be None")
    return PyGdiHANDLE.of(
        gdi.create_bitmap(
            operator.index(width),
            operator.index(height),
            operator.index(cPlanes),
            operator.index(cBitsPerPixel),
        )
    )


@api("CreateCompatibleBitmap")
def CreateCompatibleBitmap(hdc: object, width: int, height: int, /) -> PyGdiHANDLE:
    dc = dc_arg(hdc) if handle_value(hdc) else gdi.create_window_dc(0)
    return PyGdiHANDLE.of(
        gdi.create_compatible_bitmap(dc, operator.index(width), operator.index(height))
    )


def DeleteObject(handle: object, /) -> None:
    """Delete a GDI object; a PyGdiHANDLE is closed. Raises with GetLastError when it fails."""
    value = handle.Detach() if isinstance(handle, PyGdiHANDLE) else handle_value(handle)
    if not gdi.delete_object(value):
        raise Win32Error.from_code(last_error()).with_funcname("DeleteObject")


@api("GetObjectType")
def GetObjectType(h: object, /) -> int:
    return gdi.object_type(handle_value(h))


def GetObject(handle: object, /) -> object:
    """A pen's dict, a font's PyLOGFONT or a bitmap's PyBITMAP (pywin32 supports no other)."""
    value = handle_value(handle)
    try:
        obj = gdi.object_of(value)
    except Win32Error as error:
        raise error.with_funcname("GetObjectType") from None
    if isinstance(obj, gdi.Pen) and obj.kind == gdi.OBJ_PEN:
        return {"Style": obj.style, "Width": obj.width, "Color": obj.color}
    if isinstance(obj, gdi.Font):
        return PyLOGFONT._of(obj.logfont)
    if isinstance(obj, gdi.Bitmap):
        return PyBITMAP(obj)
    raise ValueError(f"This GDI object type is not supported: {obj.kind}")


_CURRENT: dict[int, Callable[[gdi.DcState], gdi.GdiObject | None]] = {
    1: lambda state: state.pen,
    2: lambda state: state.brush,
    5: lambda state: state.palette,
    6: lambda state: state.font,
    7: lambda state: state.bitmap,
}


def GetCurrentObject(hdc: object, ObjectType: int, /) -> int:
    """The selected object of an OBJ_* kind; 0 for a bad context or kind (pywin32 gives 0)."""
    try:
        dc = dc_arg(hdc)
    except Win32Error as error:
        set_last_error(error.winerror)
        return 0
    pick = _CURRENT.get(operator.index(ObjectType))
    obj = pick(dc.state) if pick is not None else None
    return 0 if obj is None else obj.handle


def SelectObject(hdc: object, object: object, /) -> int:
    """Select an object; the previous one's handle (a region: its complexity); 0 on failure."""
    try:
        dc = dc_arg(hdc)
        selected = dc.select(gdi.object_of(handle_value(object)))
    except Win32Error as error:
        set_last_error(error.winerror)
        return 0
    return selected if isinstance(selected, int) else selected.handle


# -- regions -------------------------------------------------------------------------------------


def _new_region(region: Region) -> PyGdiHANDLE:
    return PyGdiHANDLE.of(gdi.create_region(region))


@api("CreateRectRgnIndirect")
def CreateRectRgnIndirect(rc: object, /) -> PyGdiHANDLE:
    return _new_region(Region.rect(*rect_arg(rc, "CreateRectRgnIndirect")))


@api("CreateEllipticRgnIndirect")
def CreateEllipticRgnIndirect(rc: object, /) -> PyGdiHANDLE:
    return _new_region(Region.ellipse(*rect_arg(rc, "CreateEllipticRgnIndirect")))


@api("CreateRoundRectRgn")
def CreateRoundRectRgn(
    LeftRect: int, TopRect: int, RightRect: int, BottomRect: int, WidthEllipse: int,
    HeightEllipse: int, /,
) -> PyGdiHANDLE:  # fmt: skip
    left, top, right, bottom = (int_arg(v) for v in (LeftRect, TopRect, RightRect, BottomRect))
    width, height = int_arg(WidthEllipse), int_arg(HeightEllipse)
    return _new_region(Region.round_rect(left, top, right, bottom, width, height))


def points_arg(points: object) -> list[tuple[int, int]]:
    """A sequence of (x, y) pairs."""
    if not isinstance(points, (list, tuple)):
        raise TypeError("Points must be a sequence of (x, y) tuples")
    result = []
    for point in points:
        if not isinstance(point, (list, tuple)) or len(point) != 2:
            raise TypeError("Points must be a sequence of (x, y) tuples")
        result.append((int_arg(point[0]), int_arg(point[1])))
    return result


@api("CreatePolygonRgn")
def CreatePolygonRgn(Points: object, PolyFillMode: int, /) -> PyGdiHANDLE:
    mode = operator.index(PolyFillMode)
    if mode not in (1, 2):
        raise InvalidParameterError(f"{mode} is not ALTERNATE or WINDING")
    return _new_region(Region.polygon(points_arg(Points), winding=mode == 2))


def _region_or_last_error(handle: object, funcname: str) -> gdi.RegionObject:
    try:
        return region_arg(handle)
    except Win32Error:
        raise Win32Error.from_code(last_error()).with_funcname(funcname) from None


def CombineRgn(Dest: object, Src1: object, Src2: object, CombineMode: int, /) -> int:
    """Combine two regions into ``Dest``; its complexity. Raises with GetLastError on failure."""
    dest = _region_or_last_error(Dest, "CombineRgn")
    first = _region_or_last_error(Src1, "CombineRgn")
    mode = operator.index(CombineMode)
    second = None if mode == 5 else _region_or_last_error(Src2, "CombineRgn")  # RGN_COPY
    try:
        return gdi.combine_regions(dest, first, second, mode)
    except Win32Error:
        raise Win32Error.from_code(last_error()).with_funcname("CombineRgn") from None


def EqualRgn(SrcRgn1: object, SrcRgn2: object, /) -> int:
    """1 when both regions hold the same pixels; 0 otherwise or for a bad region."""
    try:
        return int(region_arg(SrcRgn1).region == region_arg(SrcRgn2).region)
    except Win32Error:
        return 0


def GetRgnBox(hrgn: object, /) -> list[Any]:
    """``[complexity, (left, top, right, bottom)]``."""
    region = _region_or_last_error(hrgn, "GetRgnBox").region
    return [region.complexity, region.box]


def PtInRegion(hrgn: object, X: int, Y: int, /) -> int:
    try:
        return int(region_arg(hrgn).region.contains(int_arg(X), int_arg(Y)))
    except Win32Error:
        return 0


def PtInRect(rect: object, point: object, /) -> int:
    left, top, right, bottom = rect_arg(rect, "PtInRect")
    x, y = points_arg([point])[0]
    return int(left <= x < right and top <= y < bottom)


def RectInRegion(hrgn: object, rc: object, /) -> int:
    try:
        return int(region_arg(hrgn).region.overlaps(*rect_arg(rc, "RectInRegion")))
    except Win32Error:
        return 0


@api("SetRectRgn")
def SetRectRgn(
    hrgn: object, LeftRect: int, TopRect: int, RightRect: int, BottomRect: int, /
) -> None:
    left, top, right, bottom = (int_arg(v) for v in (LeftRect, TopRect, RightRect, BottomRect))
    gdi.set_region(region_arg(hrgn), Region.rect(left, top, right, bottom))


def OffsetRgn(hrgn: object, XOffset: int, YOffset: int, /) -> int:
    rgn = _region_or_last_error(hrgn, "OffsetRgn")
    return gdi.offset_region(rgn, int_arg(XOffset), int_arg(YOffset))


# -- device contexts and painting ----------------------------------------------------------------


@api("GetDC")
def GetDC(hwnd: object, /) -> int:
    return gdi.get_dc(handle_value(hwnd)).handle


@api("GetWindowDC")
def GetWindowDC(hWnd: object, /) -> int:
    """A context for the window (the whole window is its client area here: no frame)."""
    return gdi.get_dc(handle_value(hWnd)).handle


def ReleaseDC(hWnd: object, hDC: object, /) -> int:
    """1 when the context from GetDC was released, else 0."""
    return int(gdi.release_dc(handle_value(hWnd), handle_value(hDC)))


def CreateCompatibleDC(dc: object, /) -> int:
    """A memory context; 0 (no error) when ``dc`` is not a context (pywin32's answer)."""
    if handle_value(dc):
        try:
            dc_arg(dc)
        except Win32Error as error:
            set_last_error(error.winerror)
            return 0
    return gdi.create_memory_dc().handle


@api("CreateDC")
def CreateDC(Driver: str, Device: str | None, InitData: object, /) -> int:
    """A context for the screen ("DISPLAY"); any other driver is the screen too (no printers)."""
    if not isinstance(Driver, str):
        raise TypeError("Driver must be a string")
    return gdi.create_window_dc(0).handle


@api("DeleteDC")
def DeleteDC(hdc: object, /) -> None:
    dc = dc_arg(hdc)
    with gdi.GDI_LOCK:
        dc.delete()


def SaveDC(hdc: object, /) -> int:
    """The saved state's depth; 0 for a bad context (pywin32 gives 0)."""
    try:
        return dc_arg(hdc).save()
    except Win32Error as error:
        set_last_error(error.winerror)
        return 0


@api("RestoreDC")
def RestoreDC(hdc: object, SavedDC: int, /) -> None:
    dc_arg(hdc).restore(int_arg(SavedDC))


@api("WindowFromDC")
def WindowFromDC(hDC: object, /) -> int:
    try:
        return gdi.window_from_dc(dc_arg(hDC))
    except Win32Error:
        return 0


_RESERVED = bytes(32)


@api("BeginPaint")
def BeginPaint(hwnd: object, /) -> list[Any]:
    """``[hdc, paintstruct]``, the PAINTSTRUCT as pywin32's tuple.

    That tuple is (hdc, fErase, rcPaint, fRestore, fIncUpdate, rgbReserved).
    """
    dc, info = gdi.begin_paint(handle_value(hwnd))
    return [dc.handle, (dc.handle, int(info.erase), info.rect, 0, 0, _RESERVED)]


@api("EndPaint")
def EndPaint(hwnd: object, ps: object, /) -> None:
    if not isinstance(ps, tuple):
        raise TypeError("EndPaint: a PAINTSTRUCT must be a tuple")
    if not ps:
        raise TypeError("EndPaint: a PAINTSTRUCT must be a tuple")
    gdi.end_paint(handle_value(hwnd), handle_value(ps[0]))


@api("GetUpdateRgn")
def GetUpdateRgn(hWnd: object, hRgn: object, Erase: object, /) -> int:
    """Copy the update region into ``hRgn``; its complexity."""
    try:
        region = gdi.update_region(handle_value(hWnd))
        target = region_arg(hRgn)
    except Win32Error:
        raise InvalidParameterError("GetUpdateRgn needs a window and a region") from None
    return gdi.set_region(target, region)


@api("ValidateRect")
def ValidateRect(hWnd: object, Rect: object, /) -> None:
    hwnd = handle_value(hWnd)
    if hwnd:  # NULL: Windows repaints every window; nothing is painted here
        gdi.validate_rect(hwnd, None if Rect is None else rect_arg(Rect, "ValidateRect"))


@api("InvalidateRect")
def InvalidateRect(hWnd: object, Rect: object, bErase: object, /) -> None:
    hwnd = handle_value(hWnd)
    if hwnd:
        gdi.invalidate_rect(hwnd, None if Rect is None else rect_arg(Rect, "InvalidateRect"))


_RDW_INVALIDATE = 0x1
_RDW_VALIDATE = 0x8
_RDW_UPDATENOW = 0x100


@api("RedrawWindow")
def RedrawWindow(hWnd: object, rcUpdate: object, hrgnUpdate: object, flags: int, /) -> None:
    """Invalidate (RDW_INVALIDATE) or validate (RDW_VALIDATE) a window's area, the region or
    else the rectangle or else all of it, then (RDW_UPDATENOW) send WM_PAINT if it needs it.

    The erase and frame flags change nothing here: nothing is drawn on a screen. A NULL
    window is the desktop's, which repaints nothing. 1400 for a window that is not one.
    """  # noqa: D205
    bits = dword(flags)
    hwnd = handle_value(hWnd)
    if not hwnd:
        return
    region = None if hrgnUpdate is None else region_arg(hrgnUpdate).region
    rect = None if rcUpdate is None else rect_arg(rcUpdate, "RedrawWindow")
    if bits & _RDW_INVALIDATE:
        if region is not None or rect is None:
            gdi.invalidate_region(hwnd, region)
        else:
            gdi.invalidate_rect(hwnd, rect)
    elif bits & _RDW_VALIDATE:
        if region is not None or rect is None:
            gdi.validate_region(hwnd, region)
        else:
            gdi.validate_rect(hwnd, rect)
    if bits & _RDW_UPDATENOW:
        messages.update_window(hwnd)


# -- colours -------------------------------------------------------------------------------------


def GetSysColor(Index: int, /) -> int:
    """A system colour's COLORREF; 0 for an index Windows does not define."""
    return gdi.sys_color(operator.index(Index))


@api("GetSysColorBrush")
def GetSysColorBrush(Index: int, /) -> PyGdiHANDLE:
    """A system colour's brush (a stock object: deleting it does nothing)."""
    brush = gdi.sys_color_brush(operator.index(Index))
    if brush is None:
        raise InvalidParameterError(f"{Index} is not a COLOR_* index")
    return PyGdiHANDLE.of(brush)
