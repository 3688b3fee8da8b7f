"""Byte arrays in memory: COM's ILockBytes over a growable buffer (CreateILockBytesOnHGlobal).

ILockBytes is what a compound file is written on: random access by offset, no position.
A :class:`MemoryLockBytes` is agile as a memory stream is; its bytes change under the kernel
lock, held only to copy. Like Windows' HGLOBAL implementation it has no region locks
(STG_E_INVALIDFUNCTION). Compound files on one (StgCreateDocfileOnILockBytes) are not
supported (``_storage``).
"""

from __future__ import annotations

import operator
from typing import Any

from ..errors import STG_E_INVALIDFUNCTION, STG_E_READFAULT, ComError, NoInterfaceError
from ..kernel.lowlevel import KERNEL_LOCK
from ._apartment import neutral
from ._faces import FACES, set_interface_class
from ._iids import IID_IUNKNOWN, IID_NULL
from ._pointer import InterfacePointer, make_pointer
from ._proxy import make_agile

__all__ = ["IID_ILOCKBYTES", "LockBytesPointer", "memory_lock_bytes"]

IID_ILOCKBYTES = "{0000000A-0000-0000-C000-000000000046}"
STGTY_LOCKBYTES = 3


class MemoryLockBytes:
    """A byte array in memory (ILockBytes); see :func:`memory_lock_bytes`."""

    __slots__ = ("__weakref__", "_data")

    def __init__(self) -> None:
        self._data = bytearray()

    def resolve(self, iid: str) -> None:
        """QueryInterface: ILockBytes and IUnknown."""
        if iid not in (IID_IUNKNOWN, IID_ILOCKBYTES):
            raise NoInterfaceError(f"a memory ILockBytes does not implement {iid}")

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """Run ILockBytes' ``method``."""
        if method == "ReadAt":
            offset, size = args
            with KERNEL_LOCK:
                data = bytes(self._data[offset : offset + size])
            if len(data) < size:  # ILockBytes::ReadAt: fewer bytes than asked is a fault
                raise ComError.from_hresult(
                    STG_E_READFAULT, f"only {len(data)} of {size} bytes at offset {offset}"
                )
            return data
        if method == "WriteAt":
            offset, data = args
            with KERNEL_LOCK:
                if offset > len(self._data):
                    self._data.extend(bytes(offset - len(self._data)))
                self._data[offset : offset + len(data)] = data
            return len(data)
        if method == "SetSize":
            (size,) = args
            with KERNEL_LOCK:
                if size < len(self._data):
                    del self._data[size:]
                else:
                    self._data.extend(bytes(size - len(self._data)))
            return None
        if method == "Flush":
            return None  # memory: nothing to write back
        if method == "Stat":
            with KERNEL_LOCK:
                size = len(self._data)
            when = FACES.time_type(1601, 1, 1)
            return (None, STGTY_LOCKBYTES, size, when, when, when, 0, 0, FACES.iid(IID_NULL), 0, 0)
        raise ComError.from_hresult(
            STG_E_INVALIDFUNCTION, f"a memory ILockBytes has no {method} (no region locks)"
        )


make_agile(MemoryLockBytes)


def _offset(value: int) -> int:
    found = operator.index(value)
    if not 0 <= found < 2**64:
        raise OverflowError(f"an offset is an unsigned 64-bit int, not {found}")
    return found


class LockBytesPointer(InterfacePointer):
    """An ILockBytes pointer: bytes read and written at offsets."""

    __slots__ = ()

    def read_at(self, offset: int, size: int) -> bytes:
        """``size`` bytes from ``offset``; STG_E_READFAULT if the array ends first."""
        data: bytes = self._call("ReadAt", _offset(offset), _offset(size))
        return data

    def write_at(self, offset: int, data: bytes | bytearray | memoryview) -> int:
        """Write ``data`` at ``offset`` (growing the array); the count written."""
        if isinstance(data, str) or not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
        written: int = self._call("WriteAt", _offset(offset), bytes(data))
        return written

    def flush(self) -> None:
        """Write back what is buffered (nothing, in memory)."""
        self._call("Flush")

    def set_size(self, size: int) -> None:
        """Make the array ``size`` bytes long."""
        self._call("SetSize", _offset(size))

    def lock_region(self, offset: int, size: int, lock_type: int) -> None:
        """Lock a region (STG_E_INVALIDFUNCTION in memory)."""
        self._call("LockRegion", _offset(offset), _offset(size), operator.index(lock_type))

    def unlock_region(self, offset: int, size: int, lock_type: int) -> None:
        """Unlock a region (STG_E_INVALIDFUNCTION in memory)."""
        self._call("UnlockRegion", _offset(offset), _offset(size), operator.index(lock_type))

    def stat(self, flags: int = 0) -> tuple[Any, ...]:
        """The STATSTG: no name, STGTY_LOCKBYTES, the size, dates at the FILETIME epoch."""
        return tuple(self._call("Stat", operator.index(flags)))


def memory_lock_bytes() -> LockBytesPointer:
    """A new, empty ILockBytes in memory (CreateILockBytesOnHGlobal), usable from any thread."""
    pointer: LockBytesPointer = make_pointer(MemoryLockBytes(), neutral(), IID_ILOCKBYTES)  # type: ignore[assignment]
    return pointer


set_interface_class(IID_ILOCKBYTES, LockBytesPointer)
