"""win32ui's GDI objects: PyCBitmap, PyCFont, PyCBrush, PyCPen over :mod:`apartment.gdi`.

pywin32 wraps MFC's CGdiObject classes; here each wraps a GDI handle of our core. One handle
has one Python object of a class while that object lives (MFC's handle map: SelectObject
gives back the very object selected before). Fonts, brushes and pens made by win32ui's
Create* functions delete their GDI object when the Python object goes, as pywin32's do
(an object still selected goes when its context lets it go); bitmaps are not deleted, as in
pywin32: programs delete them with ``win32gui.DeleteObject(bmp.GetHandle())``.

Failures raise ``win32ui.error`` (:class:`error`, not ``pywintypes.error``) with pywin32's
message.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any, TypeVar

from .. import gdi
from ..errors import Win32Error
from ._adapt import dword

__all__ = [
    "DcBase", "PyCBitmap", "PyCBrush", "PyCFont", "PyCGdiObject", "PyCPen", "dc_of", "error",
    "wrap",
]  # fmt: skip


class error(Exception):  # noqa: N801 (pywin32's name)
    """win32ui.error: what every failing win32ui call raises, with pywin32's message."""


error.__module__ = "win32ui"  # tracebacks print "win32ui.error: ...", as pywin32's


class DcBase:
    """What a PyCDC is to the objects drawn with it: its HDC (0 for none); see ``_win32ui_dc``."""

    __slots__ = ("__weakref__", "_hdc")

    def __init__(self, hdc: int = 0) -> None:
        self._hdc = hdc


def dc_of(dc: object, failure: str) -> gdi.DeviceContext:
    """The core context of a PyCDC argument.

    Raises:
        TypeError: not a PyCDC.
        error: ``failure``, the PyCDC holds no live context.
    """
    if not isinstance(dc, DcBase):
        raise TypeError("The object must be a PyCDC object")
    try:
        return gdi.dc_of(dc._hdc)
    except Win32Error:
        raise error(failure) from None


_T = TypeVar("_T", bound="PyCGdiObject")
_LOCK = threading.Lock()
_LIVE: weakref.WeakValueDictionary[tuple[type, int], PyCGdiObject] = weakref.WeakValueDictionary()


class PyCGdiObject:
    """A GDI object of win32ui: the handle it wraps (0 before one is made)."""

    __slots__ = ("__weakref__", "_handle")

    def __init__(self, handle: int = 0) -> None:
        self._handle = handle

    def __repr__(self) -> str:
        return f"object '{type(self).__name__}' - handle {self._handle:#x}"

    def _core(self, failure: str) -> gdi.GdiObject:
        """The core object; ``error(failure)`` when there is none (not made, or deleted)."""
        try:
            return gdi.object_of(self._handle)
        except Win32Error:
            raise error(failure) from None

    def _own(self) -> None:
        """Delete the GDI object when this Python object goes (pywin32's bManualDelete)."""
        weakref.finalize(self, gdi.delete_object, self._handle)

    def GetSafeHandle(self) -> int:
        """The handle as an int (0 when there is none)."""
        return self._handle


def wrap(cls: type[_T], handle: int) -> _T:
    """The one live object of ``cls`` for ``handle``, made if there is none."""
    with _LOCK:
        obj = _LIVE.get((cls, handle))
        if obj is None:
            obj = cls(handle)
            if handle:
                _LIVE[cls, handle] = obj
        assert isinstance(obj, cls)
        return obj


def _register(obj: PyCGdiObject) -> None:
    with _LOCK:
        _LIVE[type(obj), obj._handle] = obj


class PyCBitmap(PyCGdiObject):
    """A bitmap (MFC's CBitmap): made empty by win32ui.CreateBitmap, then created."""

    __slots__ = ("_size",)

    def __init__(self, handle: int = 0) -> None:
        super().__init__(handle)
        self._size = (0, 0)

    def _bitmap(self, failure: str) -> gdi.Bitmap:
        obj = self._core(failure)
        if not isinstance(obj, gdi.Bitmap):
            raise error(failure)
        return obj

    def CreateCompatibleBitmap(self, dc: DcBase, width: int, height: int, /) -> None:
        """Create the bitmap in ``dc``'s format (a window's or the screen's: 32 bpp).

        As pywin32, GetSize still says (0, 0) afterwards: only the bitmaps made from a handle
        or loaded know their size there.
        """
        core = dc_of(dc, "CreateCompatibleDC failed")
        bitmap = gdi.create_compatible_bitmap(core, int(width), int(height))
        self._handle = bitmap.handle
        _register(self)

    def GetHandle(self) -> int:
        """The HBITMAP as an int."""
        return self._handle

    def GetSize(self) -> tuple[int, int]:
        """(cx, cy) as pywin32 keeps it: set by CreateBitmapFromHandle and LoadBitmapFile."""
        return self._size

    def GetInfo(self) -> dict[str, int]:
        """The BITMAP structure: bmType, bmWidth, bmHeight, bmWidthBytes, bmPlanes, bmBitsPixel."""
        bitmap = self._bitmap("GetObject failed on bitmap")
        return {
            "bmType": 0, "bmWidth": bitmap.width, "bmHeight": bitmap.height,
            "bmWidthBytes": bitmap.width_bytes, "bmPlanes": bitmap.planes,
            "bmBitsPixel": bitmap.bits_per_pixel,
        }  # fmt: skip

    def GetBitmapBits(self, asString: int = 0, /) -> Any:  # noqa: ANN401
        """The bits (GetBitmapBits): bytes, or a tuple of signed bytes as pywin32's C chars.

        Rows top first, ``bmWidthBytes`` each; 32 bpp pixels are blue, green, red, 0.
        """
        bits = gdi.bitmap_bits(self._bitmap("GetObject failed on bitmap"))
        if asString:
            return bits
        return tuple(b - 256 if b > 127 else b for b in bits)

    def SaveBitmapFile(self, dcObject: DcBase, Filename: str, /) -> None:
        """Write the bitmap as a .bmp file (a DIB of its own format, bottom row first)."""
        dc_of(dcObject, "GetDIBits failed")
        bitmap = self._bitmap("GetObject failed")
        if not isinstance(Filename, str):
            raise TypeError(f"Objects of type '{type(Filename).__name__}' can not be converted")
        try:
            gdi.save_bitmap_file(bitmap, Filename)
        except OSError:
            raise error("CreateFile") from None

    def LoadBitmapFile(self, fileObject: Any, /) -> None:  # noqa: ANN401
        """Load a .bmp file from a file object opened for reading bytes."""
        header = fileObject.read(14)
        if len(header) != 14:
            raise EOFError("EOF when reading DIB header")
        if header[:2] != b"BM":
            raise TypeError("File is not a DIB format file")
        data = header + fileObject.read()
        try:
            bitmap = gdi.load_bitmap_bytes(bytes(data))
        except Win32Error:
            raise error("CreateDIBitmap") from None
        self._handle = bitmap.handle
        self._size = (bitmap.width, bitmap.height)
        _register(self)


class PyCFont(PyCGdiObject):
    """A font (MFC's CFont), made by win32ui.CreateFont."""

    __slots__ = ()


class PyCBrush(PyCGdiObject):
    """A brush (MFC's CBrush), made by win32ui.CreateBrush."""

    __slots__ = ()

    def CreateSolidBrush(self, i: int, /) -> None:
        """Make the brush a solid one of colour ``i``."""
        self._handle = gdi.create_brush(0, dword(i)).handle
        _register(self)
        self._own()


class PyCPen(PyCGdiObject):
    """A pen (MFC's CPen), made by win32ui.CreatePen."""

    __slots__ = ()
