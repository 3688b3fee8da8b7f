"""win32ui's device context, PyCDC (MFC's CDC), over win32gui's calls on its HDC.

A PyCDC holds an HDC: one got elsewhere (CreateDCFromHandle: a window's, the screen's),
one it made (CreateCompatibleDC), or none yet (win32ui.CreateDC). Each method is the
win32gui call on that HDC with pywin32's argument shapes; a failure raises ``win32ui.error``
with pywin32's message ("BitBlt failed"). DeleteDC deletes the HDC whatever made it, as
MFC's does: after ``CreateDCFromHandle(GetWindowDC(hwnd)).DeleteDC()`` the usual
``win32gui.ReleaseDC(hwnd, hdc)`` answers 0, as on Windows and Wine.

What draws: what win32gui draws into a memory context's bitmap (``apartment.gdi._raster``).
Text is measured and placed, not rasterized. A window's or the screen's context shows
nothing, so a capture (BitBlt from it) gives black pixels, the same every run.

Printing: no printer is installed (see win32print), so CreatePrinterDC fails as pywin32 does
on such a machine ("No default printer found", "Unable to open printer"); StartDoc and
StartPage on a context that is no printer's fail, EndPage and EndDoc with error code -1.
"""

from __future__ import annotations

import operator
import threading
import weakref
from typing import TYPE_CHECKING, Any, TypeVar

from .. import gdi
from ..errors import Win32Error
from ..messages import Region
from . import _win32gui_draw as _draw
from . import _win32gui_gdi as _objects
from . import _win32gui_paths as _text
from . import _win32gui_state as _state
from ._adapt import text
from ._win32ui_objects import (
    DcBase,
    PyCBitmap,
    PyCBrush,
    PyCFont,
    PyCGdiObject,
    PyCPen,
    dc_of,
    error,
    wrap,
)

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["PyCDC", "wrap_dc"]

_R = TypeVar("_R")
_LOCK = threading.Lock()
_LIVE: weakref.WeakValueDictionary[int, PyCDC] = weakref.WeakValueDictionary()
_KINDS: dict[type[gdi.GdiObject], type[PyCGdiObject]] = {
    gdi.Bitmap: PyCBitmap,
    gdi.Font: PyCFont,
    gdi.Brush: PyCBrush,
    gdi.Pen: PyCPen,
    gdi.ExtPen: PyCPen,
}


def _pair(value: object) -> tuple[int, int]:
    if not isinstance(value, tuple) or len(value) != 2:
        raise TypeError("a tuple of two integers is required")
    return _draw.int_arg(value[0]), _draw.int_arg(value[1])


def _point(args: tuple[Any, ...]) -> tuple[int, int]:
    """A point given as ``(x, y)`` or as ``x, y`` (MoveTo, LineTo)."""
    if len(args) == 1:
        return _pair(args[0])
    if len(args) == 2:
        return _draw.int_arg(args[0]), _draw.int_arg(args[1])
    raise TypeError(f"expected a point or two integers, got {len(args)} arguments")


class PyCDC(DcBase):
    """A device context of win32ui; made by CreateDCFromHandle, CreateDC, CreateCompatibleDC."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"object 'PyCDC' - hdc {self._hdc:#x}"

    def _call(self, failure: str, fn: Callable[..., _R], *args: object) -> _R:
        """``fn(hdc, *args)`` with a Win32Error turned into ``error(failure)``."""
        try:
            return fn(self._hdc, *args)
        except Win32Error:
            raise error(failure) from None

    # -- the handle and its life -----------------------------------------------------------

    def GetSafeHdc(self) -> int:
        """The HDC (0 for a context not created yet)."""
        return self._hdc

    def GetHandleOutput(self) -> int:
        """The output HDC: the same one here."""
        return self._hdc

    def GetHandleAttrib(self) -> int:
        """The attribute HDC: the same one here."""
        return self._hdc

    def CreateCompatibleDC(self, dcFrom: PyCDC | None = None, /) -> PyCDC:
        """A new memory context (a new PyCDC), compatible with ``dcFrom`` or the screen."""
        if dcFrom is not None:
            dc_of(dcFrom, "CreateCompatibleDC failed")
        hdc = _objects.CreateCompatibleDC(0 if dcFrom is None else dcFrom.GetSafeHdc())
        if not hdc:
            raise error("CreateCompatibleDC failed")
        return wrap_dc(hdc)

    def CreatePrinterDC(self, printerName: str | None = None, /) -> None:
        """Fails: no printer is installed here (pywin32's messages on such a machine)."""
        if printerName is None:
            raise error("No default printer found")
        text(printerName)
        raise error("Unable to open printer")

    def DeleteDC(self) -> None:
        """Delete the HDC, whatever made it (MFC's CDC::DeleteDC); a second call fails."""
        hdc, self._hdc = self._hdc, 0
        if not hdc:
            raise error("DeleteDC failed")
        with _LOCK:  # MFC detaches it: the handle's next PyCDC is a new object
            if _LIVE.get(hdc) is self:
                del _LIVE[hdc]
        try:
            _objects.DeleteDC(hdc)
        except Win32Error:
            raise error("DeleteDC failed") from None

    # -- objects ---------------------------------------------------------------------------

    def SelectObject(self, ob: PyCGdiObject, /) -> PyCGdiObject:
        """Select a PyCBitmap, PyCFont, PyCBrush or PyCPen; returns the previous one."""
        kind = type(ob).__name__.removeprefix("PyC").lower()
        if not isinstance(ob, (PyCBitmap, PyCFont, PyCBrush, PyCPen)):
            raise error("Attempt to select unsupported object type.")
        failure = f"Select {kind} object failed"
        dc = dc_of(self, failure)
        try:
            previous = dc.select(gdi.object_of(ob.GetSafeHandle()))
        except Win32Error:
            raise error(failure) from None
        assert isinstance(previous, gdi.GdiObject)
        return wrap(_KINDS[type(previous)], previous.handle)

    # -- blits and pixels ------------------------------------------------------------------

    def BitBlt(
        self, destPos: tuple[int, int], size: tuple[int, int], dc: PyCDC, srcPos: tuple[int, int],
        rop: int, /,
    ) -> None:  # fmt: skip
        """Copy ``size`` from ``dc`` at ``srcPos`` to ``destPos`` with raster operation ``rop``."""
        (x, y), (cx, cy), (sx, sy) = _pair(destPos), _pair(size), _pair(srcPos)
        if not isinstance(dc, PyCDC):
            raise TypeError("The 'O' param must be a PyCDC object")
        dc_of(dc, "The source DC is invalid")
        self._call("BitBlt failed", _draw.BitBlt, x, y, cx, cy, dc._hdc, sx, sy, rop)

    def StretchBlt(
        self, destPos: tuple[int, int], size: tuple[int, int], dc: PyCDC, srcPos: tuple[int, int],
        size1: tuple[int, int], rop: int, /,
    ) -> None:  # fmt: skip
        """Copy and stretch a source rectangle (COLORONCOLOR, as pywin32 sets for the call)."""
        (x, y), (cx, cy) = _pair(destPos), _pair(size)
        (sx, sy), (scx, scy) = _pair(srcPos), _pair(size1)
        if not isinstance(dc, PyCDC):
            raise TypeError("The 'O' param must be a PyCDC object")
        dc_of(dc, "The source DC is invalid")
        self._call(
            "StretchBlt failed", _draw.StretchBlt, x, y, cx, cy, dc._hdc, sx, sy, scx, scy, rop
        )

    def PatBlt(self, destPos: tuple[int, int], size: tuple[int, int], rop: int, /) -> None:
        """Combine the brush with a rectangle."""
        (x, y), (cx, cy) = _pair(destPos), _pair(size)
        self._call("PatBlt failed", _draw.PatBlt, x, y, cx, cy, rop)

    def SetPixel(self, x: int, y: int, color: int, /) -> int:
        """Set a pixel; the colour set."""
        result = self._call("SetPixel failed", _draw.SetPixel, x, y, color)
        if result < 0:
            raise error("SetPixel failed")
        return result

    def GetPixel(self, x: int, y: int, /) -> int:
        """A pixel's colour."""
        result = self._call("GetPixel failed", _draw.GetPixel, x, y)
        if result < 0:
            raise error("GetPixel failed")
        return result

    # -- shapes ----------------------------------------------------------------------------

    def FillRect(self, rect: tuple[int, int, int, int], brush: PyCBrush, /) -> None:
        """Fill a rectangle with a PyCBrush."""
        if not isinstance(brush, PyCBrush):
            raise TypeError("The 'O' param must be a PyCBrush object")
        self._call("FillRect failed", _draw.FillRect, rect, brush.GetSafeHandle())

    def FrameRect(self, rect: tuple[int, int, int, int], brush: PyCBrush, /) -> None:
        """Draw a one-unit border with a PyCBrush."""
        if not isinstance(brush, PyCBrush):
            raise TypeError("The 'O' param must be a PyCBrush object")
        self._call("The PyCBrush parameter is invalid.", _draw.FrameRect, rect, brush._handle)

    def FillSolidRect(self, rect: tuple[int, int, int, int], color: int, /) -> None:
        """Fill a rectangle with a colour (MFC: through the background colour, kept after)."""
        dc = dc_of(self, "FillSolidRect failed")
        left, top, right, bottom = _draw.rect_arg(rect, "FillSolidRect")
        _state.SetBkColor(self._hdc, color)
        brush = gdi.create_brush(0, gdi.resolve_color(operator.index(color) & 0xFFFFFFFF))
        try:
            gdi.fill_rect(dc, (left, top, right, bottom), brush)
        finally:
            gdi.delete_object(brush.handle)

    def Rectangle(self, rect: tuple[int, int, int, int], /) -> None:
        """Draw a rectangle: the pen's border, the brush's interior."""
        left, top, right, bottom = _draw.rect_arg(rect, "Rectangle")
        self._call("CDC::Rectangle", _draw.Rectangle, left, top, right, bottom)

    def Ellipse(self, rect: tuple[int, int, int, int], /) -> None:
        """Draw the ellipse in a bounding rectangle."""
        left, top, right, bottom = _draw.rect_arg(rect, "Ellipse")
        self._call("CDC::Ellipse", _draw.Ellipse, left, top, right, bottom)

    def MoveTo(self, *point: Any) -> tuple[int, int]:  # noqa: ANN401
        """Move the current position to ``(x, y)`` or ``x, y``; the previous position."""
        x, y = _point(point)
        return self._call("MoveTo failed", _state.MoveToEx, x, y)

    def LineTo(self, *point: Any) -> None:  # noqa: ANN401
        """Draw a line from the current position to ``(x, y)`` or ``x, y``."""
        x, y = _point(point)
        self._call("LineTo failed", _draw.LineTo, x, y)

    def Polyline(self, points: list[tuple[int, int]], /) -> None:
        """Draw connected lines through the points."""
        self._call("CDC::Polyline", _draw.Polyline, tuple(_pair(p) for p in points))

    def Polygon(self, points: list[tuple[int, int]], /) -> None:
        """Draw a closed, filled polygon."""
        self._call("CDC::Polygon", _draw.Polygon, tuple(_pair(p) for p in points))

    # -- text ------------------------------------------------------------------------------

    def TextOut(self, x: int, y: int, string: str, /) -> None:
        """Write text at ``(x, y)``: placed and measured, not rasterized."""
        self._call("CDC::TextOut", _text.ExtTextOut, x, y, 0, None, text(string), None)

    def DrawText(self, s: str, rect: tuple[int, int, int, int], format: int = 0x25, /) -> int:
        """The text's height (0 when it fails, without an exception: pywin32's).

        The default format is DT_SINGLELINE | DT_CENTER | DT_VCENTER.
        """
        if not isinstance(s, str):
            raise TypeError("argument 1 must be str")
        try:
            height, _ = _text.DrawText(self._hdc, s, -1, rect, format)
        except Win32Error:
            return 0
        return int(height)

    def GetTextExtent(self, text: str, /) -> tuple[int, int]:
        """(cx, cy) of a line of text in the selected font."""
        return self._call("GetTextExtent failed", _text.GetTextExtentPoint32, text)

    GetTextExtentPoint = GetTextExtent

    def GetTextMetrics(self) -> dict[str, int]:
        """The selected font's TEXTMETRIC as a dict keyed tmHeight, tmAscent, ..."""
        metrics = self._call("GetTextMetrics failed", _text.GetTextMetrics)
        return {f"tm{key}": value for key, value in metrics.items()}

    def GetTextFace(self) -> str:
        """The selected font's face name ('' for a bad context)."""
        try:
            return _text.GetTextFace(self._hdc)
        except Win32Error:
            return ""

    # -- state -----------------------------------------------------------------------------

    def SetTextColor(self, color: int, /) -> int:
        """Set the text colour; the previous one."""
        return _state.SetTextColor(self._hdc, color)

    def SetBkColor(self, color: int, /) -> int:
        """Set the background colour; the previous one."""
        return _state.SetBkColor(self._hdc, color)

    def SetBkMode(self, mode: int, /) -> int:
        """Set OPAQUE or TRANSPARENT; the previous mode."""
        return _state.SetBkMode(self._hdc, mode)

    def SetTextAlign(self, newFlags: int, /) -> int:
        """Set the TA_* flags; the previous ones."""
        return _state.SetTextAlign(self._hdc, newFlags)

    def SetROP2(self, mode: int, /) -> int:
        """Set the R2_* drawing mode; the previous one."""
        return self._call("SetROP2 failed", _state.SetROP2, mode)

    def SetMapMode(self, newMode: int, /) -> int:
        """Set the MM_* mapping mode; the previous one."""
        return self._call("SetMapMode failed", _state.SetMapMode, newMode)

    def GetMapMode(self) -> int:
        """The MM_* mapping mode."""
        mode = _state.GetMapMode(self._hdc)
        if not mode:
            raise error("GetMapMode failed")
        return mode

    def SetWindowOrg(self, arg: tuple[int, int], /) -> tuple[int, int]:
        """Set the window origin; the previous one."""
        return self._call("SetWindowOrg failed", _state.SetWindowOrgEx, *_pair(arg))

    def GetWindowOrg(self) -> tuple[int, int]:
        """The window origin."""
        return self._call("GetWindowOrg failed", _state.GetWindowOrgEx)

    def SetViewportOrg(self, arg: tuple[int, int], /) -> tuple[int, int]:
        """Set the viewport origin; the previous one."""
        return self._call("SetViewportOrg failed", _state.SetViewportOrgEx, *_pair(arg))

    def GetViewportOrg(self) -> tuple[int, int]:
        """The viewport origin."""
        return self._call("GetViewportOrg failed", _state.GetViewportOrgEx)

    def SetWindowExt(self, size: tuple[int, int], /) -> tuple[int, int]:
        """Set the window extents; the previous ones."""
        return self._call("SetWindowExt failed", _state.SetWindowExtEx, *_pair(size))

    def GetWindowExt(self) -> tuple[int, int]:
        """The window extents."""
        return self._call("GetWindowExt failed", _state.GetWindowExtEx)

    def SetViewportExt(self, size: tuple[int, int], /) -> tuple[int, int]:
        """Set the viewport extents; the previous ones."""
        return self._call("SetViewportExt failed", _state.SetViewportExtEx, *_pair(size))

    def GetViewportExt(self) -> tuple[int, int]:
        """The viewport extents."""
        return self._call("GetViewportExt failed", _state.GetViewportExtEx)

    def GetCurrentPosition(self) -> tuple[int, int]:
        """The current position."""
        return self._call("GetCurrentPosition failed", _state.GetCurrentPositionEx)

    def GetClipBox(self) -> tuple[int, int, int, int]:
        """The clipping region's bounding rectangle (the whole surface without one)."""
        dc = dc_of(self, "GetClipBox failed")
        with gdi.GDI_LOCK:
            bounds = dc.bounds()
            clip = dc.state.clip
        if clip is None:
            return bounds
        return clip.intersect(Region.rect(*bounds)).box

    def SaveDC(self) -> int:
        """Push the state; the saved depth."""
        depth = _objects.SaveDC(self._hdc)
        if not depth:
            raise error("SaveDC failed")
        return depth

    def RestoreDC(self, saved: int, /) -> None:
        """Pop back to a saved state."""
        self._call("RestoreDC failed", _objects.RestoreDC, saved)

    def GetDeviceCaps(self, index: int, /) -> int:
        """One capability of the device (the screen's: every context here is compatible)."""
        return gdi.device_caps(_draw.int_arg(index)) if self._hdc else 0

    # -- printing (no printer here) --------------------------------------------------------

    def IsPrinting(self) -> bool:
        """False: no context here is a printer's."""
        return False

    def StartDoc(self, docName: str, outputFile: str | None = None, /) -> None:
        """Fails: the context is no printer's."""
        text(docName)
        if outputFile is not None:
            text(outputFile)
        raise error("StartDoc failed")

    def StartPage(self) -> None:
        """Fails: the context is no printer's."""
        raise error("StartPage failed")

    def EndPage(self) -> None:
        """Fails: the context is no printer's (SP_ERROR)."""
        raise error("EndPage failed (error code -1)")

    def EndDoc(self) -> None:
        """Fails: the context is no printer's (SP_ERROR)."""
        raise error("EndDoc failed (error code -1)")

    def AbortDoc(self) -> None:
        """Nothing to abort."""


def wrap_dc(hdc: int) -> PyCDC:
    """The one live PyCDC of ``hdc`` (MFC's handle map), made if there is none."""
    with _LOCK:
        obj = _LIVE.get(hdc)
        if obj is None:
            obj = PyCDC(hdc)
            _LIVE[hdc] = obj
        return obj
