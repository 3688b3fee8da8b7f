"""The string and buffer arguments of win32file and win32pipe, read as pywin32 reads them."""

from __future__ import annotations

from .. import kernel
from ._adapt import text

__all__ = ["data_arg", "read_buffer", "text_arg"]


text_arg = text
"""Read a file or pipe name (pywin32 takes a str only)."""


def data_arg(data: object) -> memoryview:
    """Read the data of a write: any bytes-like object (a str is refused, as pywin32 does)."""
    try:
        return memoryview(data)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'") from None


def read_buffer(buffer: object) -> tuple[object, memoryview]:
    """Read ReadFile's second argument: a size (a new buffer is made) or a writable buffer.

    Returns the object a read with an OVERLAPPED hands back (the buffer itself) and a view
    the core fills.
    """
    if isinstance(buffer, int):
        if buffer < 0:
            raise ValueError("a read's size is 0 or more")
        made = kernel.read_buffer(buffer)
        return made, made
    try:
        view = memoryview(buffer)  # type: ignore[arg-type]
    except TypeError:
        view = None
    if view is None or view.readonly:
        raise TypeError("Second param must be an integer or writeable buffer object")
    return buffer, view
