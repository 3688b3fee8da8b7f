"""Image lists (comctl32's ImageList_*): handles holding a count of same-sized images.

Nothing is drawn, so an image list is its image size, flags, background color and how many
images it holds: ImageList_Add adds one image per ``width`` pixels of the bitmap (at least
one), ImageList_ReplaceIcon with index -1 appends an icon, ImageList_Remove with -1 empties
it, ImageList_GetIcon makes a new icon of the image size. Bad handles and indexes fail as
comctl32 fails them (-1 or 0/False, which pywin32 turns into its error).
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass

from .._fork import OUTER, hold_across_fork
from ..errors import InvalidHandleError, InvalidParameterError
from ..messages import Icon, create_icon, is_icon

__all__ = [
    "CLR_NONE",
    "ImageList",
    "add_images",
    "create_image_list",
    "destroy_image_list",
    "image_count",
    "image_icon",
    "image_list",
    "remove_image",
    "replace_icon",
    "set_image_background",
]

CLR_NONE = 0xFFFFFFFF


@dataclass
class ImageList:
    """An image list: its images' size, ILC_* flags, how many images, the background."""

    width: int
    height: int
    flags: int
    count: int = 0
    background: int = CLR_NONE


_lock = threading.Lock()
hold_across_fork(_lock, OUTER)
_lists: dict[int, ImageList] = {}
_handles = itertools.count(0x1A0000, 8)


def _list_locked(handle: int) -> ImageList:
    """The image list ``handle`` names; the module's lock held.

    Raises:
        InvalidHandleError: no such image list.
    """
    found = _lists.get(handle)
    if found is None:
        raise InvalidHandleError(f"{handle!r} is no image list")
    return found


def _int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} is an int, not {value!r}")
    return value


def create_image_list(
    width: int, height: int, flags: int = 0, initial: int = 0, grow: int = 0
) -> int:
    """A new, empty image list of images ``width`` x ``height`` (ImageList_Create).

    Raises:
        InvalidParameterError: a size that is not positive.
    """
    for name, value in (("width", width), ("height", height), ("flags", flags)):
        _int(name, value)
    _int("initial", initial)
    _int("grow", grow)
    if width <= 0 or height <= 0:
        raise InvalidParameterError(f"no image list of {width} x {height} images")
    with _lock:
        handle = next(_handles)
        _lists[handle] = ImageList(width, height, flags)
    return handle


def image_list(handle: int) -> ImageList:
    """The image list of a handle (a copy).

    Raises:
        InvalidHandleError: no such image list.
    """
    with _lock:
        found = _list_locked(handle)
        return ImageList(**vars(found))


def destroy_image_list(handle: int) -> bool:
    """Destroy an image list (ImageList_Destroy); False if it was none."""
    with _lock:
        return _lists.pop(handle, None) is not None


def image_count(handle: int) -> int:
    """How many images it holds (ImageList_GetImageCount); 0 for no image list."""
    with _lock:
        found = _lists.get(handle)
        return 0 if found is None else found.count


def add_images(handle: int, bitmap_width: int) -> int:
    """Add the images of a bitmap ``bitmap_width`` wide (ImageList_Add); the first's index.

    Raises:
        InvalidHandleError: no such image list.
    """
    with _lock:
        found = _list_locked(handle)
        first = found.count
        found.count += max(bitmap_width // found.width, 1)
        return first


def replace_icon(handle: int, index: int, icon: int) -> int:
    """Put an icon at ``index``, or append it with -1 (ImageList_ReplaceIcon); its index.

    Raises:
        InvalidHandleError: no such image list, or ``icon`` is no icon.
        InvalidParameterError: an index beyond the images.
    """
    if not is_icon(icon):
        raise InvalidHandleError(f"{icon!r} is no icon")
    with _lock:
        found = _list_locked(handle)
        if index == -1:
            found.count += 1
            return found.count - 1
        if not 0 <= index < found.count:
            raise InvalidParameterError(f"no image {index} in a list of {found.count}")
        return index


def remove_image(handle: int, index: int) -> None:
    """Remove one image, or all with -1 (ImageList_Remove).

    Raises:
        InvalidHandleError: no such image list.
        InvalidParameterError: an index beyond the images.
    """
    with _lock:
        found = _list_locked(handle)
        if index == -1:
            found.count = 0
        elif 0 <= index < found.count:
            found.count -= 1
        else:
            raise InvalidParameterError(f"no image {index} in a list of {found.count}")


def image_icon(handle: int, index: int) -> int:
    """A new icon of an image (ImageList_GetIcon).

    Raises:
        InvalidHandleError: no such image list.
        InvalidParameterError: an index beyond the images.
    """
    found = image_list(handle)
    if not 0 <= index < found.count:
        raise InvalidParameterError(f"no image {index} in a list of {found.count}")
    return create_icon(Icon(width=found.width, height=found.height))


def set_image_background(handle: int, color: int) -> int:
    """Set the background color (CLR_NONE: none) (ImageList_SetBkColor); the previous one.

    Raises:
        InvalidHandleError: no such image list.
    """
    with _lock:
        found = _list_locked(handle)
        previous, found.background = found.background, color & 0xFFFFFFFF
        return previous
