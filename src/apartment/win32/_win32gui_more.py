"""win32gui's names for arranging and scrolling windows, fonts, menu bitmaps, image lists
loaded from files, list-view sorting, layered windows, and pywin32's own helpers.

Re-exported by :mod:`.win32gui`. Each converts pywin32's arguments and calls one core
function of :mod:`apartment.messages` or :mod:`apartment.gdi`; pywin32's result shapes
are kept (GetMenuItemRect's ``[BOOL, rect]``, ScrollWindowEx's ``(region type, rect)``).
"""  # noqa: D205

from __future__ import annotations

import ctypes
import operator
from typing import TYPE_CHECKING, Any

from .. import gdi, messages
from ..errors import InvalidWindowHandleError, Win32Error
from ._adapt import api, dword, last_error
from ._handles import handle_value
from ._win32gui_gdi import PyLOGFONT

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "CascadeWindows", "DrawAnimatedRects", "EnumFontFamilies", "GetMenuItemRect",
    "ImageList_LoadBitmap", "ImageList_LoadImage", "ListView_SortItems", "ListView_SortItemsEx",
    "PaintDesktop", "ResetDC", "ScrollWindowEx", "SetMenuItemBitmaps", "UpdateLayeredWindow",
    "lpstr", "set_logger",
]  # fmt: skip

ERROR_RESOURCE_NAME_NOT_FOUND = 1814
_MF_BYPOSITION = 0x400
_LVM_SORTITEMS, _LVM_SORTITEMSEX = 0x1030, 0x1051
_IMAGE_BITMAP, _LR_LOADFROMFILE = 0, 0x10
_SW_INVALIDATE = 0x2
_logger: list[object] = [None]  # set_logger's logger (a list: assigned without `global`)


def _int(value: object) -> int:
    return operator.index(value)  # type: ignore[arg-type]


def _rect(value: object, what: str) -> tuple[int, int, int, int] | None:
    if value is None:
        return None
    if not isinstance(value, tuple) or len(value) != 4:
        raise TypeError(f"{what} must be a tuple of four ints (a RECT)")
    return tuple(_int(item) for item in value)  # type: ignore[return-value]


def _window(hwnd: object) -> int:
    value = handle_value(hwnd)
    if value and not messages.is_window(value):
        raise InvalidWindowHandleError(f"{value:#x} is no window")
    return value


@api("CascadeWindows")
def CascadeWindows(hwndParent: int, wHow: int, rect: object = None, kids: object = None, /) -> int:
    """Cascade the windows (``kids``, or the parent's visible children); how many moved."""
    dword(wHow)
    if kids is not None and not isinstance(kids, tuple):
        raise TypeError("The child windows object is neither a tuple nor None")
    children = None if kids is None else [handle_value(item) for item in kids]
    return messages.cascade_windows(handle_value(hwndParent), _rect(rect, "rect"), children)


@api("DrawAnimatedRects")
def DrawAnimatedRects(hwnd: int, idAni: int, minCoords: object, restoreCoords: object, /) -> None:
    """Animate a window opening or closing: nothing is drawn here, so only the checks."""
    _window(hwnd)
    dword(idAni)
    _rect(minCoords, "minCoords")
    _rect(restoreCoords, "restoreCoords")


@api("EnumFontFamilies")
def EnumFontFamilies(
    hdc: object,
    Family: str | None,
    EnumFontFamProc: Callable[..., object],
    Param: object = None,
    /,
) -> int:
    """Call ``EnumFontFamProc(logfont, None, font type, Param)`` per font family (one family
    for ``Family``) until it returns 0; the last value it returned (1 for no call).

    The callback runs on the calling thread. pywin32 passes None for the text metrics.
    """  # noqa: D205
    gdi.dc_of(handle_value(hdc))
    return gdi.enum_font_families(
        None if Family is None else str(Family),
        lambda font, kind: _int(EnumFontFamProc(PyLOGFONT._of(font), None, kind, Param)),
    )


def GetMenuItemRect(hWnd: int, hMenu: int, uItem: int, /) -> list[object]:
    """``[BOOL, (left, top, right, bottom)]`` as pywin32 gives it: no menu is drawn on a
    screen here, so no item has a place on it and the BOOL is 0 (the rect all zeros)."""  # noqa: D205, D209
    handle_value(hWnd), handle_value(hMenu), dword(uItem)
    return [0, (0, 0, 0, 0)]


@api("ImageList_LoadBitmap")
def ImageList_LoadBitmap(hInstance: int, bmp: str, cx: int, cGrow: int, crMask: int, /) -> int:
    """An image list from a module's bitmap resource: no module here carries bitmaps."""
    if not isinstance(bmp, str):
        raise TypeError(f"Objects of type '{type(bmp).__name__}' can not be converted to Unicode.")
    handle_value(hInstance), _int(cx), _int(cGrow), _int(crMask)
    raise Win32Error.from_code(ERROR_RESOURCE_NAME_NOT_FOUND, f"no bitmap resource {bmp!r}")


@api("ImageList_LoadImage")
def ImageList_LoadImage(
    hInst: int, bmp: object, cx: int, cGrow: int, crMask: int, uType: int, uFlags: int, /
) -> int:
    """An image list of ``cx``-wide images cut from a bitmap: a .bmp file with
    LR_LOADFROMFILE (module resources: ERROR_RESOURCE_NAME_NOT_FOUND)."""  # noqa: D205, D209
    width, flags = _int(cx), dword(uFlags)
    handle_value(hInst), _int(cGrow), _int(crMask)
    if dword(uType) != _IMAGE_BITMAP or not flags & _LR_LOADFROMFILE or not isinstance(bmp, str):
        raise Win32Error.from_code(ERROR_RESOURCE_NAME_NOT_FOUND, f"no image resource {bmp!r}")
    bitmap = gdi.load_bitmap_file(bmp, 0, 0, flags)
    images = gdi.create_image_list(width, bitmap.height, 0, 0, _int(cGrow))
    gdi.add_images(images, bitmap.width)
    return images


def _sort(name: str, message: int, hwnd: int, SortFunc: Any, data: object) -> None:  # noqa: ANN401
    if not callable(SortFunc):
        raise TypeError("SortFunc must be callable")
    if not messages.send_message(_window(hwnd) or 0, message, data, SortFunc):
        raise Win32Error(last_error(), name, "the list view did not sort")


@api("ListView_SortItems")
def ListView_SortItems(hwnd: int, SortFunc: Any, data: object = None, /) -> None:  # noqa: ANN401
    """Send LVM_SORTITEMS: the list view calls ``SortFunc(item1, item2, data)`` (lParams)."""
    _sort("ListView_SortItems", _LVM_SORTITEMS, hwnd, SortFunc, data)


@api("ListView_SortItemsEx")
def ListView_SortItemsEx(hwnd: int, SortFunc: Any, data: object = None, /) -> None:  # noqa: ANN401
    """Send LVM_SORTITEMSEX: as ListView_SortItems, with the items' indexes."""
    _sort("ListView_SortItemsEx", _LVM_SORTITEMSEX, hwnd, SortFunc, data)


@api("PaintDesktop")
def PaintDesktop(hdc: object, /) -> None:
    """Paint the desktop's background into a context: the screen is not drawn here."""
    gdi.dc_of(handle_value(hdc))


@api("ResetDC")
def ResetDC(hdc: object, InitData: object, /) -> int:
    """Change a printer context's settings: the context itself, after the checks."""
    if InitData is None:
        raise ValueError("PyDEVMODE cannot be None in this context")
    value = handle_value(hdc)
    gdi.dc_of(value)
    return value


@api("ScrollWindowEx")
def ScrollWindowEx(
    hWnd: int,
    dx: int,
    dy: int,
    rcScroll: object,
    rcClip: object,
    hrgnUpdate: object,
    flags: int,
    /,
) -> tuple[int, tuple[int, int, int, int]]:
    """Scroll a window's area: ``(region type, the uncovered rect)``; SW_INVALIDATE
    invalidates that rect (see messages._arrange)."""  # noqa: D205, D209
    hwnd = handle_value(hWnd)
    _rect(rcClip, "rcClip")
    kind, uncovered = messages.scroll_window_area(
        hwnd, _int(dx), _int(dy), _rect(rcScroll, "rcScroll")
    )
    if dword(flags) & _SW_INVALIDATE and uncovered != (0, 0, 0, 0):
        gdi.invalidate_rect(hwnd, uncovered)
    return kind, uncovered


@api("SetMenuItemBitmaps")
def SetMenuItemBitmaps(
    hMenu: int, uPosition: int, uFlags: int, hBitmapUnchecked: object, hBitmapChecked: object, /
) -> None:
    """Give a menu item the bitmaps it shows beside its text when unchecked and checked."""
    messages.set_menu_item(
        handle_value(hMenu),
        _int(uPosition),
        bool(dword(uFlags) & _MF_BYPOSITION),
        unchecked_bitmap=handle_value(hBitmapUnchecked),
        checked_bitmap=handle_value(hBitmapChecked),
    )


@api("UpdateLayeredWindow")
def UpdateLayeredWindow(
    hwnd: int,
    hdcDst: object = None,
    ptDst: object = None,
    size: object = None,
    hdcSrc: object = None,
    ptSrc: object = None,
    Key: int = 0,
    blend: object = (0, 0, 255, 0),
    Flags: int = 0,
) -> None:
    """Move, size and recompose a layered window (see messages._arrange for the rules)."""
    position = None if ptDst is None else tuple(_int(item) for item in ptDst)  # type: ignore[attr-defined]
    extent = None if size is None else tuple(_int(item) for item in size)  # type: ignore[attr-defined]
    dword(Key), dword(Flags)
    messages.update_layered_window(handle_value(hwnd), position, extent)  # type: ignore[arg-type]


def lpstr(address: int, /) -> bytes:
    """The NUL-terminated bytes at ``address`` (pywin32's helper for LPSTR fields)."""
    value = _int(address)
    if not value:
        raise ValueError("lpstr needs an address, not NULL")
    return ctypes.string_at(value)


def set_logger(logger: object, /) -> None:
    """Set the logger pywin32 reports callback errors to (kept; None: the default)."""
    _logger[0] = logger
