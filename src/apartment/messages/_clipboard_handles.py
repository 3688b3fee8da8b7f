"""Clipboard formats whose handle is no memory block: GDI's (CF_BITMAP, ...).

The clipboard keeps every format as bytes, so that any process can read it. A format whose
handle is an object of a layer above this one (a GDI bitmap) is put there and taken out by
that layer's functions, which it registers here: ``to_bytes`` reads the object the program
gives SetClipboardData (the clipboard owns it from then on, as on Windows), ``from_bytes``
makes one for GetClipboardData in a process that reads the data, and ``free`` deletes the
clipboard's object when its data is replaced or the clipboard emptied (Windows deletes it
with DeleteObject then).

The table is filled at import time (``apartment.gdi`` registers CF_BITMAP) and read after.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["HandleFormat", "handle_format", "register_clipboard_handle_format"]


@dataclass(frozen=True)
class HandleFormat:
    """How a format's handles become the clipboard's bytes and back (see the module)."""

    to_bytes: Callable[[int], bytes]
    from_bytes: Callable[[bytes], int]
    free: Callable[[int], object]


_lock = threading.Lock()
_formats: dict[int, HandleFormat] = {}


def register_clipboard_handle_format(
    fmt: int,
    to_bytes: Callable[[int], bytes],
    from_bytes: Callable[[bytes], int],
    free: Callable[[int], object],
) -> None:
    """Make ``fmt``'s handles objects that these functions convert (see the module).

    ``to_bytes`` raises for a handle that is no such object (InvalidHandleError); the
    functions run on the thread that calls SetClipboardData, GetClipboardData or empties
    the clipboard.
    """
    if not isinstance(fmt, int) or isinstance(fmt, bool) or not 0 < fmt <= 0xFFFF:
        raise ValueError(f"{fmt!r} is no clipboard format")
    if not (callable(to_bytes) and callable(from_bytes) and callable(free)):
        raise TypeError("to_bytes, from_bytes and free are functions")
    with _lock:
        _formats[fmt] = HandleFormat(to_bytes, from_bytes, free)


def handle_format(fmt: int) -> HandleFormat | None:
    """The registered conversions of ``fmt``, or None for a format of memory blocks."""
    return _formats.get(fmt)
