"""Device contexts: their state, the objects selected into them, SaveDC and RestoreDC.

A device context is a GDI object (OBJ_DC for a window's or the screen's, OBJ_MEMDC for a
memory context) holding the drawing state: the selected pen, brush, font, palette and (for a
memory context) bitmap, the clipping region, colours, modes, the world transform, the
window/viewport mapping and the current position. A memory context draws into its bitmap; a
window or screen context draws nowhere (nothing is displayed) but keeps its state.

Coordinates: logical points go through the world transform (GM_ADVANCED only), then the
window-to-viewport mapping, to device pixels (``to_device``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..errors import InvalidHandleError, InvalidParameterError, Win32Error
from ..messages import Region, client_rect
from ._objects import (
    GDI_LOCK,
    OBJ_DC,
    OBJ_MEMDC,
    Bitmap,
    Brush,
    Font,
    GdiObject,
    Palette,
    Pen,
    RegionObject,
    forget,
    insert,
    lookup,
    release_selection,
)
from ._stock import default_bitmap, stock_object

__all__ = [
    "DeviceContext", "DcState", "Transform", "combine_transform", "create_memory_dc",
    "create_window_dc", "dc_of",
    "HORZRES", "VERTRES", "HORZSIZE", "VERTSIZE", "LOGPIXELS",
    "MM_TEXT", "MM_LOMETRIC", "MM_HIMETRIC", "MM_LOENGLISH", "MM_HIENGLISH", "MM_TWIPS",
    "MM_ISOTROPIC", "MM_ANISOTROPIC", "GM_COMPATIBLE", "GM_ADVANCED",
]  # fmt: skip

# The screen: the message layer's 1024 x 768 desktop at 96 dots per inch.
HORZRES, VERTRES = 1024, 768
HORZSIZE, VERTSIZE = 271, 203  # millimetres
LOGPIXELS = 96

MM_TEXT, MM_LOMETRIC, MM_HIMETRIC, MM_LOENGLISH, MM_HIENGLISH, MM_TWIPS = 1, 2, 3, 4, 5, 6
MM_ISOTROPIC, MM_ANISOTROPIC = 7, 8
GM_COMPATIBLE, GM_ADVANCED = 1, 2
Transform = tuple[float, float, float, float, float, float]
_IDENTITY: Transform = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def combine_transform(first: Transform, second: Transform) -> Transform:
    """The transform ``first`` then ``second`` (CombineTransform): M11, M12, M21, M22, Dx, Dy."""
    a, b = first, second
    return (
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    )


# Window extents per fixed map mode: device millimetres times units per millimetre.
_UNITS_PER_MM = {
    MM_LOMETRIC: 10.0,
    MM_HIMETRIC: 100.0,
    MM_LOENGLISH: 1000 / 254,
    MM_HIENGLISH: 10000 / 254,
    MM_TWIPS: 14400 / 254,
}


@dataclass
class DcState:
    """What SaveDC saves: every attribute a context has (fields named after GDI's)."""

    pen: Pen
    brush: Brush
    font: Font
    palette: Palette
    bitmap: Bitmap | None
    clip: Region | None = None
    text_color: int = 0x000000
    bk_color: int = 0xFFFFFF
    bk_mode: int = 2  # OPAQUE
    map_mode: int = MM_TEXT
    graphics_mode: int = GM_COMPATIBLE
    transform: Transform = _IDENTITY
    rop2: int = 13  # R2_COPYPEN
    poly_fill_mode: int = 1  # ALTERNATE
    stretch_mode: int = 1  # BLACKONWHITE
    text_align: int = 0
    arc_direction: int = 1  # AD_COUNTERCLOCKWISE
    layout: int = 0
    char_extra: int = 0
    miter_limit: float = 10.0
    window_org: tuple[int, int] = (0, 0)
    window_ext: tuple[int, int] = (1, 1)
    viewport_org: tuple[int, int] = (0, 0)
    viewport_ext: tuple[int, int] = (1, 1)
    position: tuple[int, int] = (0, 0)
    dc_brush_color: int = 0xFFFFFF
    dc_pen_color: int = 0x000000
    path: list[tuple[int, int, int]] | None = field(default=None)
    path_open: bool = False


class DeviceContext(GdiObject):
    """A device context; only the runtime makes these (``create_*_dc``).

    ``window`` is the window handle it was got for (0: the screen, or a memory context);
    ``state`` the current attributes, ``saved`` SaveDC's stack. Read and change them under
    ``GDI_LOCK``.
    """

    __slots__ = ("_kind", "memory", "released", "saved", "state", "window")

    def __init__(self, window: int, *, memory: bool) -> None:
        super().__init__()
        self.window = window
        self.memory = memory
        self._kind = OBJ_MEMDC if memory else OBJ_DC
        self.released = False
        pen, brush, font, palette = (stock_object(i) for i in (7, 0, 13, 15))
        assert isinstance(pen, Pen)
        assert isinstance(brush, Brush)
        assert isinstance(font, Font)
        assert isinstance(palette, Palette)
        self.state = DcState(pen, brush, font, palette, default_bitmap() if memory else None)
        self.saved: list[DcState] = []
        for obj in self._held(self.state):
            obj.selected += 1

    @property
    def kind(self) -> int:  # type: ignore[override]
        return self._kind

    @staticmethod
    def _held(state: DcState) -> list[GdiObject]:
        held: list[GdiObject] = [state.pen, state.brush, state.font, state.palette]
        return [*held, state.bitmap] if state.bitmap is not None else held

    @property
    def surface(self) -> Bitmap | None:
        """The bitmap it draws into: a memory context's selected bitmap, else None."""
        return self.state.bitmap

    def select(self, obj: GdiObject) -> GdiObject | int:
        """Select a pen, brush, font or bitmap (returns the previous one) or a region.

        A region becomes a copy as the clipping region; the result is then its complexity.

        Raises:
            InvalidHandleError: a bitmap into a window context, a bitmap already selected
                into another context, or an object that cannot be selected.
        """
        with GDI_LOCK:
            state = self.state
            if isinstance(obj, RegionObject):
                state.clip = obj.region
                return self._clip_complexity()
            if isinstance(obj, Pen):
                previous: GdiObject = state.pen
                state.pen = obj
            elif isinstance(obj, Brush):
                previous, state.brush = state.brush, obj
            elif isinstance(obj, Font):
                previous, state.font = state.font, obj
            elif isinstance(obj, Bitmap):
                if not self.memory or state.bitmap is None:
                    raise InvalidHandleError("a bitmap can be selected into a memory context only")
                if obj is not state.bitmap and obj.selected and not obj.stock:
                    raise InvalidHandleError(f"{obj!r} is selected into another context")
                previous, state.bitmap = state.bitmap, obj
            else:
                raise InvalidHandleError(f"{obj!r} cannot be selected into a context")
            if previous is not obj:
                obj.selected += 1
                release_selection(previous)
            return previous

    def _clip_complexity(self) -> int:
        clip = self.state.clip
        bounds = self.bounds()
        if clip is None:
            return Region.rect(*bounds).complexity
        return clip.intersect(Region.rect(*bounds)).complexity

    def bounds(self) -> tuple[int, int, int, int]:
        """The device rectangle: the bitmap's, the window's client area, or the screen's."""
        if self.state.bitmap is not None:
            return (0, 0, self.state.bitmap.width, self.state.bitmap.height)
        if self.window:
            try:
                return client_rect(self.window)
            except Win32Error:  # a destroyed window: nothing to draw on
                return (0, 0, 0, 0)
        return (0, 0, HORZRES, VERTRES)

    def save(self) -> int:
        """Push the state (SaveDC); returns the new depth."""
        with GDI_LOCK:
            self.saved.append(replace(self.state))
            return len(self.saved)

    def restore(self, level: int) -> None:
        """Pop back to a saved state (RestoreDC): a depth, or -n for n levels back.

        Raises:
            InvalidParameterError: no such saved state.
        """
        with GDI_LOCK:
            depth = len(self.saved)
            target = depth + 1 + level if level < 0 else level
            if not 1 <= target <= depth:
                raise InvalidParameterError(f"no state saved at level {level} (depth {depth})")
            state = self.saved[target - 1]
            del self.saved[target - 1 :]
            for obj in self._held(state):
                obj.selected += 1
            for obj in self._held(self.state):
                release_selection(obj)
            self.state = state

    def set_map_mode(self, mode: int) -> int:
        """Change the mapping mode; returns the previous one (SetMapMode).

        A fixed mode sets both extents (millimetres of the screen in its units; y grows
        upward). MM_ISOTROPIC starts from MM_LOMETRIC's extents; MM_ANISOTROPIC keeps them.

        Raises:
            InvalidParameterError: not an MM_* mode.
        """
        if not MM_TEXT <= mode <= MM_ANISOTROPIC:
            raise InvalidParameterError(f"{mode} is not a mapping mode")
        with GDI_LOCK:
            state = self.state
            previous = state.map_mode
            state.map_mode = mode
            if mode == MM_TEXT:
                state.window_ext = state.viewport_ext = (1, 1)
            elif mode in _UNITS_PER_MM or mode == MM_ISOTROPIC:
                units = _UNITS_PER_MM.get(mode, 10.0)
                state.window_ext = (round(HORZSIZE * units), round(VERTSIZE * units))
                state.viewport_ext = (HORZRES, -VERTRES)
            return previous

    def set_transform(self, xform: Transform) -> None:
        """Set the world transform (SetWorldTransform).

        Raises:
            InvalidParameterError: the context is not in GM_ADVANCED, or the matrix is not
                invertible.
        """
        if self.state.graphics_mode != GM_ADVANCED:
            raise InvalidParameterError("set GM_ADVANCED (SetGraphicsMode) first")
        if xform[0] * xform[3] - xform[1] * xform[2] == 0:
            raise InvalidParameterError("the transform's matrix is not invertible")
        with GDI_LOCK:
            self.state.transform = xform

    def modify_transform(self, xform: Transform, mode: int) -> None:
        """ModifyWorldTransform: MWT_IDENTITY (1), MWT_LEFTMULTIPLY (2), MWT_RIGHTMULTIPLY (3).

        Raises:
            InvalidParameterError: another mode, or as ``set_transform``.
        """
        current = self.state.transform
        if mode == 1:
            xform = _IDENTITY
        elif mode == 2:
            xform = combine_transform(xform, current)
        elif mode == 3:
            xform = combine_transform(current, xform)
        else:
            raise InvalidParameterError(f"{mode} is not an MWT_* mode")
        self.set_transform(xform)

    def to_device(self, x: float, y: float) -> tuple[float, float]:
        """A logical point in device pixels (world transform, then the page mapping)."""
        state = self.state
        if state.graphics_mode == GM_ADVANCED and state.transform != _IDENTITY:
            m11, m12, m21, m22, dx, dy = state.transform
            x, y = x * m11 + y * m21 + dx, x * m12 + y * m22 + dy
        (wox, woy), (wex, wey) = state.window_org, state.window_ext
        (vox, voy), (vex, vey) = state.viewport_org, state.viewport_ext
        return (x - wox) * vex / wex + vox, (y - woy) * vey / wey + voy

    def to_device_int(self, x: float, y: float) -> tuple[int, int]:
        """``to_device`` rounded to whole pixels."""
        dx, dy = self.to_device(x, y)
        return round(dx), round(dy)

    def delete(self) -> None:
        """Let go of the selected objects and leave the table (DeleteDC; lock held)."""
        self.released = True
        for obj in self._held(self.state):
            release_selection(obj)
        self.saved.clear()
        forget(self.handle)


def create_memory_dc() -> DeviceContext:
    """A memory context (CreateCompatibleDC): it holds the 1x1 monochrome stock bitmap."""
    dc = DeviceContext(0, memory=True)
    insert(dc)
    return dc


def create_window_dc(hwnd: int) -> DeviceContext:
    """A context for a window's client area, or the screen (0) (GetDC, CreateDC)."""
    dc = DeviceContext(hwnd, memory=False)
    insert(dc)
    return dc


def dc_of(handle: int) -> DeviceContext:
    """The live device context of a handle.

    Raises:
        InvalidHandleError: not a device context.
    """
    obj = lookup(handle, DeviceContext)
    assert isinstance(obj, DeviceContext)
    return obj
