"""win32gui's device-context state: colours, modes, the world transform, mapping, position.

Over :attr:`apartment.gdi.DeviceContext.state`. pywin32's answers kept: a Get* function gives
0 for a bad context; SetBkColor/SetTextColor give -1 (CLR_INVALID); SetBkMode,
SetStretchBltMode and SetArcDirection give 0 for a bad mode, where SetMapMode,
SetGraphicsMode, SetROP2 and SetPolyFillMode raise ERROR_INVALID_PARAMETER; a transform is a
dict of M11, M12, M21, M22, Dx, Dy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import gdi
from ..errors import InvalidParameterError, Win32Error
from ._adapt import api, dword, set_last_error
from ._win32gui_draw import dc_arg, int_arg

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "GetTextColor", "SetTextColor", "GetBkColor", "SetBkColor", "GetBkMode", "SetBkMode",
    "GetMapMode", "SetMapMode", "GetGraphicsMode", "SetGraphicsMode", "GetWorldTransform",
    "SetWorldTransform", "ModifyWorldTransform", "CombineTransform", "GetROP2", "SetROP2",
    "GetPolyFillMode", "SetPolyFillMode", "GetStretchBltMode", "SetStretchBltMode",
    "GetTextAlign", "SetTextAlign", "GetArcDirection", "SetArcDirection", "GetLayout",
    "SetLayout", "GetTextCharacterExtra", "SetTextCharacterExtra", "GetMiterLimit",
    "SetMiterLimit", "GetWindowOrgEx", "SetWindowOrgEx", "GetViewportOrgEx",
    "SetViewportOrgEx", "GetWindowExtEx", "SetWindowExtEx", "GetViewportExtEx",
    "SetViewportExtEx", "MoveToEx", "GetCurrentPositionEx",
]  # fmt: skip


def _get(hdc: object, read: Callable[[gdi.DcState], Any]) -> Any:  # noqa: ANN401
    """A state value; 0 for a bad context (pywin32's Get* functions give 0)."""
    try:
        dc = dc_arg(hdc)
    except Win32Error as error:
        set_last_error(error.winerror)
        return 0
    with gdi.GDI_LOCK:
        return read(dc.state)


def _swap(dc: gdi.DeviceContext, name: str, value: object) -> Any:  # noqa: ANN401
    with gdi.GDI_LOCK:
        previous = getattr(dc.state, name)
        setattr(dc.state, name, value)
    return previous


def _set_color(hdc: object, name: str, color: object) -> int:
    try:
        dc = dc_arg(hdc)
    except Win32Error as error:
        set_last_error(error.winerror)
        return -1
    return int(_swap(dc, name, dword(color)))


def GetTextColor(hdc: object, /) -> int:
    return int(_get(hdc, lambda state: state.text_color))


def SetTextColor(hdc: object, color: int, /) -> int:
    """The previous colour; -1 (CLR_INVALID) for a bad context."""
    return _set_color(hdc, "text_color", color)


def GetBkColor(hdc: object, /) -> int:
    return int(_get(hdc, lambda state: state.bk_color))


def SetBkColor(hdc: object, color: int, /) -> int:
    """The previous colour; -1 (CLR_INVALID) for a bad context."""
    return _set_color(hdc, "bk_color", color)


def _soft_mode(hdc: object, name: str, value: object, allowed: range) -> int:
    """Set a mode; 0 for a bad mode or context (these pywin32 functions do not raise)."""
    mode = int_arg(value)
    try:
        dc = dc_arg(hdc)
    except Win32Error as error:
        set_last_error(error.winerror)
        return 0
    if mode not in allowed:
        set_last_error(InvalidParameterError.code)
        return 0
    return int(_swap(dc, name, mode))


def _strict_mode(hdc: object, name: str, value: object, allowed: range) -> int:
    mode = int_arg(value)
    dc = dc_arg(hdc)
    if mode not in allowed:
        raise InvalidParameterError(f"{mode} is not a valid {name.replace('_', ' ')}")
    return int(_swap(dc, name, mode))


def GetBkMode(hdc: object, /) -> int:
    return int(_get(hdc, lambda state: state.bk_mode))


def SetBkMode(hdc: object, BkMode: int, /) -> int:
    return _soft_mode(hdc, "bk_mode", BkMode, range(1, 3))


def GetMapMode(hdc: object, /) -> int:
    return int(_get(hdc, lambda state: state.map_mode))


@api("SetMapMode")
def SetMapMode(hdc: object, MapMode: int, /) -> int:
    return dc_arg(hdc).set_map_mode(int_arg(MapMode))


def GetGraphicsMode(hdc: object, /) -> int:
    return int(_get(hdc, lambda state: state.graphics_mode))


@api("SetGraphicsMode")
def SetGraphicsMode(hdc: object, Mode: int, /) -> int:
    return _strict_mode(hdc, "graphics_mode", Mode, range(1, 3))


def GetROP2(hdc: object, /) -> int:
    return int(_get(hdc, lambda state: state.rop2))


@api("SetROP2")
def SetROP2(hdc: object, DrawMode: int, /) -> int:
    return _strict_mode(hdc, "rop2", DrawMode, range(1, 17))


def GetPolyFillMode(hdc: object, /) -> int:
    return int(_get(hdc, lambda state: state.poly_fill_mode))


@api("SetPolyFillMode")
def SetPolyFillMode(hdc: object, PolyFillMode: int, /) -> int:
    return _strict_mode(hdc, "poly_fill_mode", PolyFillMode, range(1, 3))


def GetStretchBltMode(hdc: object, /) -> int:
    return int(_get(hdc, lambda state: state.stretch_mode))


def SetStretchBltMode(hdc: object, StretchMode: int, /) -> int:
    return _soft_mode(hdc, "stretch_mode", StretchMode, range(1, 5))


def GetTextAlign(hdc: object, /) -> int:
    return int(_get(hdc, lambda state: state.text_align))


def SetTextAlign(hdc: object, Mode: int, /) -> int:
    return _soft_mode(hdc, "text_align", Mode, range(0x10000))


def GetArcDirection(hdc: object, /) -> int:
    return int(_get(hdc, lambda state: state.arc_direction))


def SetArcDirection(hdc: object, ArcDirection: int, /) -> int:
    return _soft_mode(hdc, "arc_direction", ArcDirection, range(1, 3))


def GetLayout(hdc: object, /) -> int:
    return int(_get(hdc, lambda state: state.layout))


def SetLayout(hdc: object, Layout: int, /) -> int:
    return _soft_mode(hdc, "layout", dword(Layout), range(2**32))


def GetTextCharacterExtra(hdc: object, /) -> int:
    return int(_get(hdc, lambda state: state.char_extra))


def SetTextCharacterExtra(hdc: object, CharExtra: int, /) -> int:
    return _soft_mode(hdc, "char_extra", CharExtra, range(-(2**31), 2**31))


@api("GetMiterLimit")
def GetMiterLimit(hdc: object, /) -> float:
    return float(dc_arg(hdc).state.miter_limit)


@api("SetMiterLimit")
def SetMiterLimit(hdc: object, NewLimit: float, /) -> float:
    """The previous limit; a limit below 1 is ERROR_INVALID_PARAMETER."""
    limit = float(NewLimit)
    dc = dc_arg(hdc)
    if limit < 1:
        raise InvalidParameterError("a miter limit is at least 1")
    return float(_swap(dc, "miter_limit", limit))


# -- the world transform -------------------------------------------------------------------------

_XFORM_KEYS = ("M11", "M12", "M21", "M22", "Dx", "Dy")


def _xform(value: object) -> gdi.Transform:
    if not isinstance(value, dict):
        raise TypeError("XFORM must be a dict")
    m11, m12, m21, m22, dx, dy = (float(value.get(key, 0.0)) for key in _XFORM_KEYS)
    return (m11, m12, m21, m22, dx, dy)


def _dict(xform: gdi.Transform) -> dict[str, float]:
    return dict(zip(_XFORM_KEYS, xform, strict=False))


@api("GetWorldTransform")
def GetWorldTransform(hdc: object, /) -> dict[str, float]:
    return _dict(dc_arg(hdc).state.transform)


@api("SetWorldTransform")
def SetWorldTransform(hdc: object, Xform: object, /) -> None:
    xform = _xform(Xform)
    dc_arg(hdc).set_transform(xform)


@api("ModifyWorldTransform")
def ModifyWorldTransform(hdc: object, Xform: object, Mode: int, /) -> None:
    """MWT_IDENTITY (1), MWT_LEFTMULTIPLY (2) or MWT_RIGHTMULTIPLY (3); ``Xform`` a dict."""
    xform = _xform(Xform)
    dc_arg(hdc).modify_transform(xform, int_arg(Mode))


def CombineTransform(xform1: object, xform2: object, /) -> dict[str, float]:
    """The transform ``xform1`` followed by ``xform2``."""
    return _dict(gdi.combine_transform(_xform(xform1), _xform(xform2)))


# -- mapping and position ------------------------------------------------------------------------


def _pair(hdc: object, name: str) -> tuple[int, int]:
    value: tuple[int, int] = getattr(dc_arg(hdc).state, name)
    return value


def _set_pair(hdc: object, name: str, x: object, y: object) -> tuple[int, int]:
    previous: tuple[int, int] = _swap(dc_arg(hdc), name, (int_arg(x), int_arg(y)))
    return previous


@api("GetWindowOrgEx")
def GetWindowOrgEx(hdc: object, /) -> tuple[int, int]:
    return _pair(hdc, "window_org")


@api("SetWindowOrgEx")
def SetWindowOrgEx(hdc: object, X: int, Y: int, /) -> tuple[int, int]:
    return _set_pair(hdc, "window_org", X, Y)


@api("GetViewportOrgEx")
def GetViewportOrgEx(hdc: object, /) -> tuple[int, int]:
    return _pair(hdc, "viewport_org")


@api("SetViewportOrgEx")
def SetViewportOrgEx(hdc: object, X: int, Y: int, /) -> tuple[int, int]:
    return _set_pair(hdc, "viewport_org", X, Y)


@api("GetWindowExtEx")
def GetWindowExtEx(hdc: object, /) -> tuple[int, int]:
    return _pair(hdc, "window_ext")


def _set_extent(hdc: object, name: str, x: object, y: object) -> tuple[int, int]:
    """Extents change in MM_ISOTROPIC and MM_ANISOTROPIC only; elsewhere the old ones stay."""
    dc = dc_arg(hdc)
    cx, cy = int_arg(x), int_arg(y)
    previous: tuple[int, int] = getattr(dc.state, name)
    if dc.state.map_mode in (gdi.MM_ISOTROPIC, gdi.MM_ANISOTROPIC):
        if not cx or not cy:
            raise InvalidParameterError("an extent is not 0")
        _swap(dc, name, (cx, cy))
    return previous


@api("SetWindowExtEx")
def SetWindowExtEx(hdc: object, XExtent: int, YExtent: int, /) -> tuple[int, int]:
    return _set_extent(hdc, "window_ext", XExtent, YExtent)


@api("GetViewportExtEx")
def GetViewportExtEx(hdc: object, /) -> tuple[int, int]:
    return _pair(hdc, "viewport_ext")


@api("SetViewportExtEx")
def SetViewportExtEx(hdc: object, XExtent: int, YExtent: int, /) -> tuple[int, int]:
    return _set_extent(hdc, "viewport_ext", XExtent, YExtent)


@api("MoveToEx")
def MoveToEx(hdc: object, X: int, Y: int, /) -> tuple[int, int]:
    """Set the current position; returns the previous one."""
    return gdi.move_to(dc_arg(hdc), int_arg(X), int_arg(Y))


@api("GetCurrentPositionEx")
def GetCurrentPositionEx(hdc: object, /) -> tuple[int, int]:
    return _pair(hdc, "position")
