"""CF_BITMAP on the clipboard: a bitmap's pixels as the clipboard's bytes, and back.

Registered with the clipboard (``messages.register_clipboard_handle_format``) when
``apartment.gdi`` is imported. SetClipboardData(CF_BITMAP, bitmap) gives the clipboard the
bitmap: the process that put it there gets the same handle back from GetClipboardData, and
another process a bitmap of the same pixels; the clipboard deletes its bitmap when the data
is replaced or the clipboard emptied, as Windows does.
"""

from __future__ import annotations

import struct
from array import array
from typing import Final

from ..messages import CF_BITMAP, register_clipboard_handle_format
from ._objects import GDI_LOCK, Bitmap, delete_object, insert, lookup

__all__ = ["register_bitmap_format"]

_HEADER: Final = struct.Struct("<iiHH")  # width, height, planes, bits per pixel


def _to_bytes(handle: int) -> bytes:
    """The bitmap's size, format and pixels (InvalidHandleError if it is no bitmap)."""
    with GDI_LOCK:
        bitmap = lookup(handle, Bitmap)
        assert isinstance(bitmap, Bitmap)
        header = _HEADER.pack(bitmap.width, bitmap.height, bitmap.planes, bitmap.bits_per_pixel)
        return header + bitmap.pixels.tobytes()


def _from_bytes(data: bytes) -> int:
    """A new bitmap of the clipboard's bytes; its handle."""
    width, height, planes, bits = _HEADER.unpack_from(data)
    bitmap = Bitmap(width, height, planes, bits)
    pixels = array("I")
    pixels.frombytes(data[_HEADER.size : _HEADER.size + 4 * width * height])
    bitmap.pixels = pixels
    return insert(bitmap)


def register_bitmap_format() -> None:
    """Make CF_BITMAP's handles GDI bitmaps on the clipboard (done on import)."""
    register_clipboard_handle_format(CF_BITMAP, _to_bytes, _from_bytes, delete_object)


register_bitmap_format()
