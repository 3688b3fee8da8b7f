"""win32gui's image lists (ImageList_*), window regions, and constants win32gui carries.

Re-exported by :mod:`.win32gui`. Each function is one call into ``apartment.gdi``'s image
lists; pywin32 raises its error where comctl32 answers -1 or FALSE.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any

from .. import gdi
from ..errors import Win32Error, message_text
from ._adapt import api, last_error
from ._handles import handle_value

if TYPE_CHECKING:
    from ..messages import Region

__all__ = [
    "ImageList_Create", "ImageList_Destroy", "ImageList_GetImageCount", "ImageList_Add",
    "ImageList_ReplaceIcon", "ImageList_Replace", "ImageList_Remove", "ImageList_GetIcon",
    "ImageList_SetBkColor", "ImageList_SetOverlayImage", "ImageList_Draw", "ImageList_DrawEx",
    "CLR_NONE", "ILC_COLOR", "ILC_COLOR16", "ILC_COLOR24", "ILC_COLOR32", "ILC_COLOR4",
    "ILC_COLOR8", "ILC_COLORDDB", "ILC_MASK", "ILD_BLEND", "ILD_BLEND25", "ILD_BLEND50",
    "ILD_FOCUS", "ILD_MASK", "ILD_NORMAL", "ILD_SELECTED", "ILD_TRANSPARENT", "IMAGE_BITMAP",
    "IMAGE_CURSOR", "IMAGE_ICON", "LR_CREATEDIBSECTION", "LR_DEFAULTCOLOR", "LR_DEFAULTSIZE",
    "LR_LOADFROMFILE", "LR_LOADMAP3DCOLORS", "LR_LOADTRANSPARENT", "LR_MONOCHROME", "LR_SHARED",
    "LR_VGACOLOR", "NIIF_ERROR", "NIIF_ICON_MASK", "NIIF_INFO", "NIIF_NONE", "NIIF_NOSOUND",
    "NIIF_WARNING", "TPM_BOTTOMALIGN", "TPM_CENTERALIGN", "TPM_LEFTALIGN", "TPM_LEFTBUTTON",
    "TPM_NONOTIFY", "TPM_RETURNCMD", "TPM_RIGHTALIGN", "TPM_RIGHTBUTTON", "TPM_TOPALIGN",
    "TPM_VCENTERALIGN", "SetWindowRgn", "GetWindowRgn", "GetWindowRgnBox", "InvalidateRgn",
    "ValidateRgn",
]  # fmt: skip

CLR_NONE = -1
ILC_COLOR, ILC_COLOR4, ILC_COLOR8, ILC_COLOR16, ILC_COLOR24, ILC_COLOR32 = 0, 4, 8, 16, 24, 32
ILC_COLORDDB, ILC_MASK = 0xFE, 0x01
ILD_NORMAL, ILD_TRANSPARENT, ILD_MASK, ILD_FOCUS, ILD_BLEND25 = 0x00, 0x01, 0x10, 0x02, 0x02
ILD_SELECTED = ILD_BLEND50 = ILD_BLEND = 0x04
IMAGE_BITMAP, IMAGE_ICON, IMAGE_CURSOR = 0, 1, 2
LR_DEFAULTCOLOR, LR_MONOCHROME, LR_LOADFROMFILE, LR_LOADTRANSPARENT = 0x0000, 0x0001, 0x0010, 0x0020
LR_DEFAULTSIZE, LR_VGACOLOR, LR_LOADMAP3DCOLORS = 0x0040, 0x0080, 0x1000
LR_CREATEDIBSECTION, LR_SHARED = 0x2000, 0x8000
NIIF_NONE, NIIF_INFO, NIIF_WARNING, NIIF_ERROR = 0, 1, 2, 3
NIIF_ICON_MASK, NIIF_NOSOUND = 0x0F, 0x10
TPM_LEFTBUTTON = TPM_LEFTALIGN = TPM_TOPALIGN = 0x0000
TPM_RIGHTBUTTON, TPM_CENTERALIGN, TPM_RIGHTALIGN, TPM_VCENTERALIGN = 0x0002, 0x0004, 0x0008, 0x0010
TPM_BOTTOMALIGN, TPM_NONOTIFY, TPM_RETURNCMD = 0x0020, 0x0080, 0x0100


def _failed(name: str) -> Win32Error:
    return Win32Error(0, name, "No error message is available")


@api("ImageList_Create")
def ImageList_Create(cx: int, cy: int, flags: int, cInitial: int, cGrow: int, /) -> int:
    return gdi.create_image_list(
        operator.index(cx), operator.index(cy), operator.index(flags),
        operator.index(cInitial), operator.index(cGrow),
    )  # fmt: skip


@api("ImageList_Destroy")
def ImageList_Destroy(himl: int, /) -> None:
    if not gdi.destroy_image_list(handle_value(himl)):
        raise _failed("ImageList_Destroy")


def ImageList_GetImageCount(himl: int, /) -> int:
    return gdi.image_count(handle_value(himl))


@api("ImageList_Add")
def ImageList_Add(himl: int, hbmImage: object, hbmMask: object, /) -> int:
    """The index of the first image the bitmap adds."""
    try:
        bitmap = gdi.object_of(handle_value(hbmImage))
    except Win32Error:
        bitmap = None
    width = bitmap.width if isinstance(bitmap, gdi.Bitmap) else 0
    return gdi.add_images(handle_value(himl), width)


@api("ImageList_ReplaceIcon")
def ImageList_ReplaceIcon(himl: int, i: int, hicon: object, /) -> int:
    """The icon's index (-1 appends it)."""
    return gdi.replace_icon(handle_value(himl), operator.index(i), handle_value(hicon))


@api("ImageList_Replace")
def ImageList_Replace(himl: int, i: int, hbmImage: object, hbmMask: object, /) -> None:
    index = operator.index(i)
    if not 0 <= index < gdi.image_count(handle_value(himl)):
        raise _failed("ImageList_Replace")


@api("ImageList_Remove")
def ImageList_Remove(himl: int, i: int, /) -> None:
    gdi.remove_image(handle_value(himl), operator.index(i))


@api("ImageList_GetIcon")
def ImageList_GetIcon(himl: int, i: int, flags: int, /) -> int:
    return gdi.image_icon(handle_value(himl), operator.index(i))


def ImageList_SetBkColor(himl: int, clrbk: int, /) -> int:
    """The previous background color (CLR_NONE -1 for none, or when ``himl`` is no list).

    pywin32 returns what ImageList_SetBkColor does and raises nothing: CLR_NONE on failure.
    """
    try:
        previous = gdi.set_image_background(handle_value(himl), operator.index(clrbk))
    except Win32Error:
        return -1
    return -1 if previous == gdi.CLR_NONE else previous


@api("ImageList_SetOverlayImage")
def ImageList_SetOverlayImage(hImageList: int, iImage: int, iOverlay: int, /) -> None:
    if not 0 <= operator.index(iImage) < gdi.image_count(handle_value(hImageList)):
        raise _failed("ImageList_SetOverlayImage")


@api("ImageList_Draw")
def ImageList_Draw(himl: int, i: int, hdcDst: object, x: int, y: int, fStyle: int, /) -> None:
    """Nothing is drawn: checks the image exists."""
    if not 0 <= operator.index(i) < gdi.image_count(handle_value(himl)):
        raise _failed("ImageList_Draw")


@api("ImageList_DrawEx")
def ImageList_DrawEx(
    himl: int, i: int, hdcDst: object, x: int, y: int, dx: int, dy: int,
    rgbBk: int, rgbFg: int, fStyle: int, /,
) -> None:  # fmt: skip
    """Nothing is drawn: checks the image exists."""
    if not 0 <= operator.index(i) < gdi.image_count(handle_value(himl)):
        raise _failed("ImageList_DrawEx")


# -- window regions ----------------------------------------------------------------------------


@api("SetWindowRgn")
def SetWindowRgn(hWnd: int, hRgn: object, bRedraw: int, /) -> None:
    """Give the window a region (a copy; None or 0 removes it); nothing is redrawn."""
    operator.index(bRedraw)
    region = None
    if handle_value(hRgn):
        found = gdi.object_of(handle_value(hRgn), gdi.RegionObject)
        assert isinstance(found, gdi.RegionObject)
        region = found
    gdi.set_window_region(handle_value(hWnd), region)


def _no_region(name: str) -> Win32Error:
    """ERROR (no region): pywin32 raises it with whatever GetLastError says."""
    code = last_error()
    return Win32Error(code, name, message_text(code))


@api("GetWindowRgn")
def GetWindowRgn(hWnd: int, hRgn: object, /) -> int:
    """Copy the window's region into ``hRgn``; its complexity (raises without one)."""
    found = gdi.object_of(handle_value(hRgn), gdi.RegionObject)
    assert isinstance(found, gdi.RegionObject)
    complexity = gdi.window_region_into(handle_value(hWnd), found)
    if not complexity:
        raise _no_region("GetWindowRgn")
    return complexity


@api("GetWindowRgnBox")
def GetWindowRgnBox(hWnd: object) -> list[Any]:
    """``[complexity, bounding rectangle]`` of the window's region (raises without one)."""
    region = gdi.window_region(handle_value(hWnd))
    if region is None:
        raise _no_region("GetWindowRgnBox")
    return [region.complexity, region.box]


def _region_or_none(hrgn: object) -> Region | None:
    if not handle_value(hrgn):
        return None
    found = gdi.object_of(handle_value(hrgn), gdi.RegionObject)
    assert isinstance(found, gdi.RegionObject)
    return found.region


@api("InvalidateRgn")
def InvalidateRgn(hWnd: int, hRgn: object, bErase: int, /) -> None:
    """Add a region (None: the client area) to the window's update region."""
    operator.index(bErase)
    gdi.invalidate_region(handle_value(hWnd), _region_or_none(hRgn))


@api("ValidateRgn")
def ValidateRgn(hWnd: int, hRgn: object, /) -> None:
    """Take a region (None: everything) out of the window's update region."""
    gdi.validate_region(handle_value(hWnd), _region_or_none(hRgn))
