"""GDI objects and the process's table of GDI handles.

GDI objects (pens, brushes, fonts, bitmaps, regions, palettes, device contexts) live in one
table per process, apart from the kernel's handles, as on Windows; a handle is never reused.
Every change to the table, to an object or to a device context happens under ``GDI_LOCK``:
GDI objects may be used from any thread (Windows does not lock them; we do, so no state is
torn without the GIL).

Windows' rules kept here:

* Stock objects (GetStockObject) are never deleted: DeleteObject says yes and keeps them.
* An object selected into a device context is not deleted at once: DeleteObject succeeds and
  the object goes when the last context lets it go (Windows and Wine both do this; the SDK's
  page says DeleteObject fails instead).
* A bitmap is selected into at most one device context at a time.
"""

from __future__ import annotations

import itertools
import threading
from array import array
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..errors import InvalidHandleError

if TYPE_CHECKING:
    from ..messages import Region
    from ._dc import DeviceContext

__all__ = [
    "GDI_LOCK",
    "OBJ_PEN", "OBJ_BRUSH", "OBJ_DC", "OBJ_METADC", "OBJ_PAL", "OBJ_FONT", "OBJ_BITMAP",
    "OBJ_REGION", "OBJ_METAFILE", "OBJ_MEMDC", "OBJ_EXTPEN", "OBJ_ENHMETADC", "OBJ_ENHMETAFILE",
    "GdiObject", "Pen", "ExtPen", "Brush", "Font", "LogFont", "Bitmap", "RegionObject", "Palette",
    "insert", "lookup", "object_type", "delete_object", "release_selection", "forget",
]  # fmt: skip

GDI_LOCK = threading.RLock()

OBJ_PEN = 1
OBJ_BRUSH = 2
OBJ_DC = 3
OBJ_METADC = 4
OBJ_PAL = 5
OBJ_FONT = 6
OBJ_BITMAP = 7
OBJ_REGION = 8
OBJ_METAFILE = 9
OBJ_MEMDC = 10
OBJ_EXTPEN = 11
OBJ_ENHMETADC = 12
OBJ_ENHMETAFILE = 13

_TABLE: dict[int, GdiObject] = {}
# Handles look like Windows' GDI handles (large, multiples of 4), apart from kernel handles.
_values = itertools.count(0x00A00010, 4)


class GdiObject:
    """A GDI object: its kind (OBJ_*), handle, and selection state."""

    kind: int = 0
    __slots__ = ("deleted", "handle", "selected", "stock")

    def __init__(self) -> None:
        self.handle = 0
        self.stock = False
        self.selected = 0  # how many device contexts hold it
        self.deleted = False  # DeleteObject came while it was selected

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.handle:#x}>"


class Pen(GdiObject):
    """A pen: PS_* style, width in logical units, COLORREF colour (CreatePen, ExtCreatePen).

    Pens made by ExtCreatePen (:class:`ExtPen`) keep their brush style and hatch.
    """

    kind = OBJ_PEN
    __slots__ = ("brush_style", "color", "hatch", "style", "width")

    def __init__(
        self, style: int, width: int, color: int, *, brush_style: int = 0, hatch: int = 0
    ) -> None:
        super().__init__()
        self.style, self.width, self.color = style, width, color
        self.brush_style, self.hatch = brush_style, hatch


class ExtPen(Pen):
    """A pen made by ExtCreatePen (OBJ_EXTPEN)."""

    kind = OBJ_EXTPEN
    __slots__ = ()


class Brush(GdiObject):
    """A brush: BS_* style, colour, HS_* hatch, and a pattern bitmap for BS_PATTERN.

    ``color`` None marks the DC brush (DC_BRUSH), which paints with its context's colour.
    """

    kind = OBJ_BRUSH
    __slots__ = ("color", "hatch", "pattern", "style")

    def __init__(
        self, style: int, color: int | None, hatch: int = 0, pattern: Bitmap | None = None
    ) -> None:
        super().__init__()
        self.style, self.color, self.hatch, self.pattern = style, color, hatch, pattern


@dataclass(frozen=True)
class LogFont:
    """A font's description, LOGFONT's fields by their Pythonic names."""

    height: int = 0
    width: int = 0
    escapement: int = 0
    orientation: int = 0
    weight: int = 0
    italic: int = 0
    underline: int = 0
    strike_out: int = 0
    char_set: int = 0
    out_precision: int = 0
    clip_precision: int = 0
    quality: int = 0
    pitch_and_family: int = 0
    face_name: str = ""

    def with_(self, **changes: object) -> LogFont:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


class Font(GdiObject):
    """A logical font (CreateFontIndirect); ``_text`` says how it measures text."""

    kind = OBJ_FONT
    __slots__ = ("logfont",)

    def __init__(self, logfont: LogFont) -> None:
        super().__init__()
        self.logfont = logfont


class Bitmap(GdiObject):
    """A bitmap: a pixel buffer of COLORREFs, row by row, top row first.

    ``bits_per_pixel`` is what GetObject reports; pixels keep full colour whatever it is,
    but a monochrome (1 bpp) bitmap only ever holds black or white.
    """

    kind = OBJ_BITMAP
    __slots__ = ("bits_per_pixel", "height", "pixels", "planes", "width")

    def __init__(self, width: int, height: int, planes: int = 1, bits_per_pixel: int = 32) -> None:
        super().__init__()
        self.width, self.height = width, height
        self.planes, self.bits_per_pixel = planes, bits_per_pixel
        self.pixels = array("I", bytes(4 * width * height))

    @property
    def monochrome(self) -> bool:
        """A 1 bpp bitmap: black and white only."""
        return self.bits_per_pixel * self.planes == 1

    @property
    def width_bytes(self) -> int:
        """Bytes in a row, rounded up to a WORD (BITMAP.bmWidthBytes)."""
        return (self.width * self.bits_per_pixel + 15) // 16 * 2


class RegionObject(GdiObject):
    """A region object (HRGN): a mutable holder of an immutable :class:`Region`."""

    kind = OBJ_REGION
    __slots__ = ("region",)

    def __init__(self, region: Region) -> None:
        super().__init__()
        self.region = region


class Palette(GdiObject):
    """A logical palette: its COLORREF entries."""

    kind = OBJ_PAL
    __slots__ = ("entries",)

    def __init__(self, entries: list[int]) -> None:
        super().__init__()
        self.entries = list(entries)


def insert(obj: GdiObject, *, stock: bool = False) -> int:
    """Give ``obj`` a new handle in the table and return it."""
    with GDI_LOCK:
        obj.handle = next(_values)
        obj.stock = stock
        _TABLE[obj.handle] = obj
    return obj.handle


def lookup(handle: int, *kinds: type[GdiObject]) -> GdiObject:
    """The live object of ``handle``, of one of ``kinds`` if given.

    Raises:
        InvalidHandleError: no such GDI object, or not of those kinds.
    """
    obj = _TABLE.get(handle)
    if obj is None or (kinds and not isinstance(obj, kinds)):
        raise InvalidHandleError(f"{handle:#x} is not a GDI object of the kind asked for")
    return obj


def object_type(handle: int) -> int:
    """The OBJ_* kind of a GDI handle (GetObjectType).

    Raises:
        InvalidHandleError: not a GDI handle.
    """
    return lookup(handle).kind


def delete_object(handle: int) -> bool:
    """Delete a GDI object (DeleteObject); False for a handle that is not one.

    A stock object stays (True); a selected one goes when its last context lets it go (True).
    Device contexts are deleted too (DeleteObject accepts them, as Windows does).
    """
    with GDI_LOCK:
        obj = _TABLE.get(handle)
        if obj is None:
            return False
        if obj.stock:
            return True
        if obj.kind in (OBJ_DC, OBJ_MEMDC):
            dc: DeviceContext = obj  # type: ignore[assignment]
            dc.delete()
            return True
        if obj.selected:
            obj.deleted = True
            return True
        del _TABLE[handle]
    return True


def release_selection(obj: GdiObject) -> None:
    """A context lets ``obj`` go; a deletion that waited for it happens now (lock held)."""
    obj.selected -= 1
    if obj.selected <= 0 and obj.deleted:
        _TABLE.pop(obj.handle, None)


def forget(handle: int) -> None:
    """Take a handle out of the table (a deleted device context; lock held)."""
    _TABLE.pop(handle, None)
