"""Global memory blocks (HGLOBAL): the process's handles to the bytes on the clipboard.

On Windows a program hands the clipboard a block it made with ``GlobalAlloc`` and gets blocks
back from ``GetClipboardData``; the handle is the program's way to name that data. Here a block
is an immutable ``bytes`` object kept under a handle of this process: the clipboard makes one
when data is put on it from bytes, and one per format it hands out, and frees them as Windows
frees the clipboard's blocks (when the format is replaced or the clipboard emptied).

Handles are never reused while the process lives, so a freed handle stays invalid
(ERROR_INVALID_HANDLE). The table is guarded by its own leaf lock: nothing else is taken
while it is held.
"""

from __future__ import annotations

import itertools
import threading

from .._fork import CLOCK, hold_across_fork
from ..errors import InvalidHandleError

__all__ = ["alloc_global", "free_global", "global_data", "is_global"]

_lock = threading.Lock()
hold_across_fork(_lock, CLOCK)  # a leaf: taken last, while holding nothing else
_blocks: dict[int, bytes] = {}
_handles = itertools.count(0x0091_0010, 0x10)  # aligned, pointer-like values, as Windows'


def alloc_global(data: bytes | bytearray | memoryview) -> int:
    """Copy ``data`` into a new block and return its handle (GlobalAlloc)."""
    block = bytes(data)
    with _lock:
        handle = next(_handles)
        _blocks[handle] = block
    return handle


def global_data(handle: int) -> bytes:
    """Return the bytes of the block ``handle`` names (GlobalLock and GlobalSize).

    Raises:
        InvalidHandleError: no block has that handle (never made, or freed).
    """
    with _lock:
        block = _blocks.get(handle)
    if block is None:
        if isinstance(handle, bool) or not isinstance(handle, int):
            raise TypeError(f"a memory handle is an int, not {handle!r}")
        raise InvalidHandleError(f"{handle:#x} is not a global memory block of this process")
    return block


def is_global(handle: int) -> bool:
    """Tell whether ``handle`` names a live block."""
    with _lock:
        return handle in _blocks


def free_global(handle: int) -> None:
    """Free a block (GlobalFree); an unknown handle is ignored."""
    with _lock:
        _blocks.pop(handle, None)
