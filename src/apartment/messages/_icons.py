"""Icons and cursors as handles: loaded from files, copied, made from bitmaps, destroyed.

Nothing is drawn, so an icon is what it was made from: its size, hot spot and bitmaps (GDI
handles, kept as numbers). The system's stock icons and cursors and the program's icon
(``_resources``) are shared: destroying one does nothing. An icon file (``.ico``/``.cur``) is
read for its header only: how many images it has and the first one's size.

Icons are the process's; the table changes under the kernel lock.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import struct
from typing import Final

from ..errors import (
    ERROR_FILE_NOT_FOUND,
    ERROR_INVALID_CURSOR_HANDLE,
    ERROR_INVALID_PARAMETER,
    Win32Error,
)
from ..kernel.lowlevel import KERNEL_LOCK
from ._resources import load_cursor, load_icon

__all__ = [
    "IMAGE_BITMAP",
    "IMAGE_CURSOR",
    "IMAGE_ICON",
    "LR_DEFAULTSIZE",
    "LR_LOADFROMFILE",
    "LR_SHARED",
    "Icon",
    "copy_icon",
    "create_icon",
    "destroy_icon",
    "extract_icons",
    "icon_from_resource",
    "icon_of",
    "is_icon",
    "load_image",
]

IMAGE_BITMAP: Final = 0
IMAGE_ICON: Final = 1
IMAGE_CURSOR: Final = 2
LR_LOADFROMFILE: Final = 0x0010
LR_DEFAULTSIZE: Final = 0x0040
LR_SHARED: Final = 0x8000

_ICON_SIZE: Final = 32  # SM_CXICON, SM_CYICON
_STOCK_BASES: Final = (0x0001_0000_0000, 0x0002_0000_0000)  # _resources' cursors and icons


@dataclasses.dataclass
class Icon:
    """An icon or cursor (ICONINFO's fields, and its size)."""

    is_icon: bool = True
    x_hotspot: int = 16
    y_hotspot: int = 16
    mask: int = 0
    color: int = 0
    width: int = _ICON_SIZE
    height: int = _ICON_SIZE
    shared: bool = False
    source: str | None = None


_icons: dict[int, Icon] = {}
_handles = itertools.count(0x0003_0000_0011, 4)


def _stock(handle: int) -> Icon | None:
    """The Icon of a stock icon or cursor handle (``_resources``), else None."""
    for base, is_icon in zip(_STOCK_BASES, (False, True), strict=True):
        if base < handle <= base + 0x1FFFF:  # the system's, then the program's
            return Icon(is_icon=is_icon, shared=True)
    return None


def _add(icon: Icon) -> int:
    with KERNEL_LOCK:
        handle = next(_handles)
        _icons[handle] = icon
        return handle


def is_icon(handle: object) -> bool:
    """Whether ``handle`` is a live icon or cursor."""
    if isinstance(handle, bool) or not isinstance(handle, int):
        return False
    with KERNEL_LOCK:
        return handle in _icons or _stock(handle) is not None


def icon_of(handle: int) -> Icon:
    """A copy of an icon's description (GetIconInfo's fields).

    Raises:
        Win32Error: ERROR_INVALID_CURSOR_HANDLE for a handle that is no icon or cursor.
    """
    with KERNEL_LOCK:
        icon = _icons.get(handle) or _stock(handle)
    if icon is None:
        raise Win32Error.from_code(ERROR_INVALID_CURSOR_HANDLE, f"{handle!r} is no icon")
    return dataclasses.replace(icon)


def _icon_file(path: str) -> tuple[int, int, int, int]:
    """``(type, count, width, height)`` from an .ico/.cur file's header (0s if it is none)."""
    try:
        with open(path, "rb") as file:
            header = file.read(6 + 16)
    except FileNotFoundError:
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no icon file {path!r}") from None
    except OSError as error:
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"{path!r}: {error}") from None
    if len(header) < 22:
        return 0, 0, 0, 0
    reserved, kind, count = struct.unpack_from("<HHH", header)
    if reserved != 0 or kind not in (1, 2) or count == 0:
        return 0, 0, 0, 0
    width, height = header[6] or 256, header[7] or 256
    return kind, count, width, height


def load_image(
    instance: int, name: int | str, image_type: int, width: int, height: int, flags: int
) -> int:
    """Load an icon or cursor (LoadImage with IMAGE_ICON or IMAGE_CURSOR); its handle.

    With LR_LOADFROMFILE ``name`` is the path of an .ico or .cur file; else ``instance`` 0
    and a stock IDI_*/IDC_* (OIC_*/OCR_*) number give the shared stock one. ``width`` and
    ``height`` 0 mean the file's first image's size, or the system's icon size with
    LR_DEFAULTSIZE. Bitmaps (IMAGE_BITMAP) are GDI's and not loaded here.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND for a missing file; ERROR_RESOURCE_TYPE_NOT_FOUND
            for a resource that is no stock one; ERROR_INVALID_PARAMETER for a file that is
            not an icon or cursor, or an image type that is not one.
    """
    if image_type not in (IMAGE_ICON, IMAGE_CURSOR):
        raise Win32Error.from_code(
            ERROR_INVALID_PARAMETER, f"image type {image_type} is not IMAGE_ICON or IMAGE_CURSOR"
        )
    if not flags & LR_LOADFROMFILE:
        if image_type == IMAGE_ICON:
            return load_icon(instance, name)
        return load_cursor(instance, name)
    if not isinstance(name, str):
        raise TypeError(f"with LR_LOADFROMFILE the name is a path (str), not {name!r}")
    kind, _, file_width, file_height = _icon_file(name)
    if not kind:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"{name!r} is no icon file")
    if not width:
        width = _ICON_SIZE if flags & LR_DEFAULTSIZE else file_width
    if not height:
        height = _ICON_SIZE if flags & LR_DEFAULTSIZE else file_height
    icon = Icon(
        is_icon=image_type == IMAGE_ICON,
        width=width,
        height=height,
        x_hotspot=width // 2,
        y_hotspot=height // 2,
        shared=bool(flags & LR_SHARED),
        source=os.path.abspath(name),
    )
    return _add(icon)


def extract_icons(path: str, index: int, count: int) -> tuple[list[int], list[int]] | int:
    """Icons of a file, large and small (ExtractIconEx); with ``index`` -1, how many it has.

    An .ico file holds one icon; a program or library holds none here (its resources are not
    read).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND for a missing file.
    """
    kind = _icon_file(path)[0]
    available = 1 if kind == 1 else 0
    if index == -1:
        return available
    wanted = range(index, min(index + count, available)) if index >= 0 else range(0)
    large = [_add(Icon(source=os.path.abspath(path))) for _ in wanted]
    small = [_add(Icon(width=16, height=16, source=os.path.abspath(path))) for _ in wanted]
    return large, small


def copy_icon(handle: int) -> int:
    """A new icon like ``handle`` (CopyIcon), not shared.

    Raises:
        Win32Error: ERROR_INVALID_CURSOR_HANDLE.
    """
    icon = icon_of(handle)
    icon.shared = False
    return _add(icon)


def create_icon(icon: Icon) -> int:
    """An icon or cursor made from a description (CreateIconIndirect); its handle."""
    return _add(dataclasses.replace(icon, shared=False))


def icon_from_resource(data: bytes, is_icon: bool = True) -> int:
    """An icon (or cursor) from its resource bits (CreateIconFromResource); its handle.

    The bits are a DIB (BITMAPINFOHEADER, the height counting the mask's rows too) or a PNG,
    after a cursor's hot spot (two WORDs).

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER for bits that are neither.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"resource bits are bytes, not {type(data).__name__}")
    bits = bytes(data)
    hot_x, hot_y = (16, 16) if is_icon else struct.unpack_from("<HH", bits.ljust(4, b"\0"))
    if not is_icon:
        bits = bits[4:]
    if bits[:8] == b"\x89PNG\r\n\x1a\n" and len(bits) >= 24:
        width, height = struct.unpack_from(">II", bits, 16)
    elif len(bits) >= 40 and struct.unpack_from("<I", bits)[0] in (40, 108, 124):
        width, double = struct.unpack_from("<ii", bits, 4)
        height = abs(double) // 2
    else:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "the bits are no icon resource")
    if width <= 0 or height <= 0:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "an icon of no size")
    if is_icon:
        hot_x, hot_y = width // 2, height // 2
    return _add(Icon(is_icon, hot_x, hot_y, width=width, height=height))


def destroy_icon(handle: int) -> None:
    """Destroy an icon or cursor (DestroyIcon); a shared one is left alone.

    Raises:
        Win32Error: ERROR_INVALID_CURSOR_HANDLE for a handle that is no icon.
    """
    with KERNEL_LOCK:
        icon = _icons.get(handle)
        if icon is not None:
            if not icon.shared:
                del _icons[handle]
            return
        if _stock(handle) is not None:
            return
    raise Win32Error.from_code(ERROR_INVALID_CURSOR_HANDLE, f"{handle!r} is no icon")
