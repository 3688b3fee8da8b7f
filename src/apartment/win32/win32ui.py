"""pywin32's ``win32ui`` (Pythonwin's MFC module): its GDI part, over :mod:`apartment.gdi`.

What programs use win32ui for outside Pythonwin: capturing a window or the screen
(``CreateDCFromHandle``, ``CreateCompatibleDC``, ``CreateBitmap``, ``BitBlt``,
``SaveBitmapFile`` / ``GetBitmapBits``), drawing with fonts, brushes and pens, device
capabilities, a message box, and the windows to capture (FindWindow,
CreateWindowFromHandle). PyCDC is in ``_win32ui_dc``, the GDI objects in
``_win32ui_objects``, PyCWnd in ``_win32ui_wnd``. There is no MFC application with a main
frame here, as in a plain ``python`` process with pywin32: GetMainFrame raises
``win32ui.error``.

Every failure raises :class:`error` (``win32ui.error``, its own class as in pywin32) with
pywin32's message; argument shapes and results are pywin32's.
"""

from __future__ import annotations

import operator
from typing import Any, NoReturn

from .. import gdi, messages
from ..errors import Win32Error
from ._adapt import dword, text
from ._handles import handle_value
from ._win32ui_dc import PyCDC, wrap_dc
from ._win32ui_objects import (
    PyCBitmap,
    PyCBrush,
    PyCFont,
    PyCGdiObject,
    PyCPen,
    dc_of,
    error,
    wrap,
)
from ._win32ui_wnd import PyCWnd, wrap_window

__all__ = [
    "CreateBitmap", "CreateBitmapFromHandle", "CreateBrush", "CreateDC", "CreateDCFromHandle",
    "CreateFont", "CreatePen", "CreateWindowFromHandle", "FindWindow", "GetDeviceCaps",
    "GetMainFrame", "MessageBox",
    "PyCBitmap", "PyCBrush", "PyCDC", "PyCFont", "PyCGdiObject", "PyCPen", "PyCWnd", "error",
]  # fmt: skip

# The application's name, the title of a message box given none (MFC's m_pszAppName).
_APP_NAME = "python"

# CreateFont's keys (pywin32's LOGFONT dict) and the core's field of each.
_FONT_KEYS = {
    "height": "height", "width": "width", "escapement": "escapement",
    "orientation": "orientation", "weight": "weight", "italic": "italic",
    "underline": "underline", "strike out": "strike_out", "charset": "char_set",
    "out precision": "out_precision", "clip precision": "clip_precision",
    "quality": "quality", "pitch and family": "pitch_and_family",
}  # fmt: skip
_BYTE_KEYS = frozenset(
    ("italic", "underline", "strike out", "charset", "out precision", "clip precision",
     "quality", "pitch and family")
)  # fmt: skip
_DEFAULT_CHARSET, _PROOF_QUALITY, _FACESIZE = 1, 2, 32


def CreateDCFromHandle(handle: object, /) -> PyCDC:
    """A PyCDC over an existing HDC (GetDC, GetWindowDC, CreateDC); not checked until used."""
    hdc = handle_value(handle)
    if not hdc:
        raise error("Could not create DC.")
    return wrap_dc(hdc)


def CreateDC() -> PyCDC:
    """A PyCDC with no HDC yet (CreateCompatibleDC or CreatePrinterDC give it one)."""
    return PyCDC(0)


def CreateBitmap() -> PyCBitmap:
    """An empty PyCBitmap: CreateCompatibleBitmap or LoadBitmapFile creates the bitmap."""
    return PyCBitmap(0)


def CreateBitmapFromHandle(handle: object, /) -> PyCBitmap:
    """The PyCBitmap of an HBITMAP, which knows its size (GetSize)."""
    value = handle_value(handle)
    try:
        bitmap = gdi.object_of(value, gdi.Bitmap)
    except Win32Error:
        raise error("Attach failed!") from None
    assert isinstance(bitmap, gdi.Bitmap)
    obj = wrap(PyCBitmap, value)
    obj._size = (bitmap.width, bitmap.height)
    return obj


def _font_value(key: str, value: object) -> int:
    number = operator.index(value)  # type: ignore[arg-type]
    if key in _BYTE_KEYS and not 0 <= number <= 255:
        raise OverflowError(f"unsigned byte integer is out of range for {key!r}")
    if key not in _BYTE_KEYS and not -(2**31) <= number < 2**31:
        raise OverflowError("signed integer is greater than maximum")
    return int(number)


def CreateFont(properties: dict[str, Any], pydc: PyCDC | None = None, /) -> PyCFont:
    """A font from a dict of LOGFONT values ('height', 'weight', 'name', ...).

    With ``pydc``, 'height' is in tenths of a point, turned into logical units for that
    context (MFC's CreatePointFontIndirect: 96 dots per inch here). Unset values are 0 but
    the character set (DEFAULT_CHARSET) and quality (PROOF_QUALITY), as pywin32's.
    """
    if not isinstance(properties, dict):
        raise error("Expected dictionary of font properties.")
    fields: dict[str, object] = {"char_set": _DEFAULT_CHARSET, "quality": _PROOF_QUALITY}
    for key, value in properties.items():
        if key == "name":
            if value is None:
                continue
            face = text(value)
            if len(face) > _FACESIZE - 1:
                raise ValueError(f"Font name can be at most {_FACESIZE - 1} characters")
            fields["face_name"] = face
        elif key in _FONT_KEYS:
            fields[_FONT_KEYS[key]] = _font_value(key, value)
        else:
            raise TypeError(f"'{key}' is an invalid keyword argument for LOGFONT()")
    if pydc is not None:
        dc = dc_of(pydc, "CreatePointFontIndirect call failed")
        tenths = int(fields.get("height", 0))  # type: ignore[call-overload]
        pixels = (gdi.device_caps(90) * tenths + 360) // 720  # MulDiv(LOGPIXELSY, h, 720)
        (_, y0), (_, y1) = dc.to_device_int(0, 0), dc.to_device_int(0, pixels)
        fields["height"] = -abs(y1 - y0)
    font = gdi.create_font(gdi.LogFont(**fields))  # type: ignore[arg-type]
    obj = wrap(PyCFont, font.handle)
    obj._own()
    return obj


def CreateBrush(*args: int) -> PyCBrush:
    """A brush: none yet (no arguments; CreateSolidBrush makes it) or (style, color, hatch)."""
    if not args:
        return PyCBrush(0)
    if len(args) != 3:
        raise TypeError(f"CreateBrush takes 0 or 3 arguments ({len(args)} given)")
    style, color, hatch = (operator.index(a) for a in args)
    try:
        brush = gdi.create_brush(style, dword(color), hatch)
    except Win32Error:
        raise error("CreateBrushIndirect call failed") from None
    obj = wrap(PyCBrush, brush.handle)
    obj._own()
    return obj


def CreatePen(style: int, width: int, color: int, /) -> PyCPen:
    """A pen (PS_* style, width, COLORREF)."""
    pen = gdi.create_pen(dword(style), operator.index(width), dword(color))
    obj = wrap(PyCPen, pen.handle)
    obj._own()
    return obj


def GetDeviceCaps(hdc: object, index: int, /) -> int:
    """The API's GetDeviceCaps: a capability of the screen; 0 for a handle that is no DC."""
    try:
        gdi.dc_of(handle_value(hdc))
    except Win32Error:
        return 0
    return gdi.device_caps(operator.index(index))


def CreateWindowFromHandle(hwnd: object, /) -> PyCWnd:
    """The PyCWnd of an HWND (not checked until used); one object per window."""
    value = handle_value(hwnd)
    if not value:
        raise error("The window handle is invalid.")
    return wrap_window(value)


def FindWindow(className: str | None, windowName: str | None, /) -> PyCWnd:
    """The PyCWnd of the first top-level window of that class and title.

    Raises:
        error: "No window can be found."
    """
    hwnd = messages.find_window(
        None if className is None else text(className),
        None if windowName is None else text(windowName),
    )
    if not hwnd:
        raise error("No window can be found.")
    return wrap_window(hwnd)


def GetMainFrame() -> NoReturn:
    """Raises: no MFC application frame exists outside Pythonwin ("The frame does not exist")."""
    raise error("The frame does not exist")


def MessageBox(message: str, title: str | None = None, style: int = 0, /) -> int:
    """Show a message box (as win32api.MessageBox does here); titled 'python' by default."""
    caption = _APP_NAME if title is None else text(title)
    return messages.message_box(0, text(message), caption, dword(style))
