"""Memory streams: COM's IStream over a growable buffer (CreateStreamOnHGlobal).

A :class:`MemoryStream` is a native COM object of this layer, not a Python server: it is
agile (any thread may use it, as Windows' HGLOBAL streams allow), its pointer is valid in
every apartment, and a clone shares its bytes but has a position of its own. Its state
changes under the kernel lock, held only to copy bytes: a lock of its own would have to be
held across every fork.
"""

from __future__ import annotations

import datetime
import operator
from typing import TYPE_CHECKING, Any, final

from ..errors import (
    STG_E_INVALIDFUNCTION,
    STG_E_SEEKERROR,
    ComError,
    NoInterfaceError,
)
from ..kernel.lowlevel import KERNEL_LOCK
from ._apartment import neutral
from ._faces import FACES
from ._iids import IID_ISEQUENTIALSTREAM, IID_ISTREAM, IID_IUNKNOWN, IID_NULL
from ._pointer import make_pointer
from ._proxy import make_agile

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._typed import StreamPointer

__all__ = ["MemoryStream", "memory_stream", "STREAM_SEEK_SET", "STREAM_SEEK_CUR", "STREAM_SEEK_END"]

STREAM_SEEK_SET = 0
STREAM_SEEK_CUR = 1
STREAM_SEEK_END = 2
STGTY_STREAM = 2
_EPOCH = datetime.datetime(1601, 1, 1, tzinfo=datetime.timezone.utc)
_IIDS = frozenset({IID_IUNKNOWN, IID_ISTREAM, IID_ISEQUENTIALSTREAM})


@final
class _Buffer:
    """The bytes the clones of one stream share."""

    __slots__ = ("data",)

    def __init__(self, data: bytes = b"") -> None:
        self.data = bytearray(data)


class MemoryStream:
    """A byte stream in memory with a position (IStream); see :func:`memory_stream`.

    The methods are IStream's, which the gateway protocol calls by their COM names
    (``call("Read", args)``); :class:`~._typed.StreamPointer` is the way to use one.
    """

    __slots__ = ("__weakref__", "_buffer", "_position")

    def __init__(self, data: bytes = b"", *, _buffer: _Buffer | None = None) -> None:
        self._buffer = _buffer if _buffer is not None else _Buffer(data)
        self._position = 0

    def __repr__(self) -> str:
        return f"<MemoryStream of {len(self._buffer.data)} bytes at {self._position}>"

    # -- the target protocol (see _pointer) -------------------------------------------------

    def resolve(self, iid: str) -> None:
        """QueryInterface: a stream is an IStream (and an ISequentialStream)."""
        if iid not in _IIDS:
            raise NoInterfaceError(f"a memory stream does not implement {iid}")

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """Run the IStream method ``method`` (its results follow their rules already)."""
        found = _METHODS.get(method)
        if found is None:
            raise ComError.from_hresult(STG_E_INVALIDFUNCTION, f"a stream has no {method}")
        return found(self, *args)

    # -- IStream -----------------------------------------------------------------------------

    def read(self, size: int) -> bytes:
        """Read up to ``size`` bytes from the position."""
        size = max(operator.index(size), 0)
        with KERNEL_LOCK:
            start = self._position
            data = bytes(self._buffer.data[start : start + size])
            self._position = start + len(data)
        return data

    def write(self, data: bytes) -> int:
        """Write ``data`` at the position (growing the stream); return its length."""
        with KERNEL_LOCK:
            buffer = self._buffer.data
            start = self._position
            if start > len(buffer):
                buffer.extend(bytes(start - len(buffer)))
            buffer[start : start + len(data)] = data
            self._position = start + len(data)
        return len(data)

    def seek(self, offset: int, origin: int) -> int:
        """Move the position; STG_E_SEEKERROR before the start or for an unknown origin."""
        with KERNEL_LOCK:
            if origin == STREAM_SEEK_SET:
                base = 0
            elif origin == STREAM_SEEK_CUR:
                base = self._position
            elif origin == STREAM_SEEK_END:
                base = len(self._buffer.data)
            else:
                base = -1
            position = base + offset
            if base < 0 or position < 0:
                raise ComError.from_hresult(STG_E_SEEKERROR, f"cannot seek to {offset}")
            self._position = position
        return position

    def set_size(self, size: int) -> None:
        """Make the stream ``size`` bytes long (the position stays)."""
        with KERNEL_LOCK:
            buffer = self._buffer.data
            if size < len(buffer):
                del buffer[size:]
            else:
                buffer.extend(bytes(size - len(buffer)))

    def copy_to(self, dest: StreamPointer, size: int) -> tuple[int, int]:
        """Copy up to ``size`` bytes to ``dest``; return (bytes read, bytes written)."""
        data = self.read(size)
        written = dest.write(data)
        return len(data), written

    def commit(self, flags: int = 0) -> None:
        """Nothing to commit: a memory stream is not transacted."""

    def revert(self) -> None:
        """Nothing to revert: a memory stream is not transacted."""

    def lock_region(self, offset: int, size: int, lock_type: int) -> None:
        """Not supported by memory streams (STG_E_INVALIDFUNCTION)."""
        raise ComError.from_hresult(STG_E_INVALIDFUNCTION, "a memory stream has no locks")

    unlock_region = lock_region

    def stat(self, flags: int = 0) -> tuple[Any, ...]:
        """Return the STATSTG: no name, a stream, its size, dates at the FILETIME epoch."""
        with KERNEL_LOCK:
            size = len(self._buffer.data)
        when = FACES.time_type(1601, 1, 1, tzinfo=FACES.utc())
        return (None, STGTY_STREAM, size, when, when, when, 0, 0, FACES.iid(IID_NULL), 0, 0)

    def clone(self) -> StreamPointer:
        """A new stream over the same bytes, at the same position."""
        clone = MemoryStream(_buffer=self._buffer)
        with KERNEL_LOCK:
            clone._position = self._position
        return clone.pointer()

    # -- Python ------------------------------------------------------------------------------

    def pointer(self) -> StreamPointer:
        """Return an IStream pointer to this stream (valid in every apartment)."""
        pointer: StreamPointer = make_pointer(self, neutral(), IID_ISTREAM)  # type: ignore[assignment]
        return pointer

    def getvalue(self) -> bytes:
        """Return all the stream's bytes (whatever its position)."""
        with KERNEL_LOCK:
            return bytes(self._buffer.data)


_METHODS: dict[str, Callable[..., Any]] = {  # IStream's names -> the methods
    "Read": MemoryStream.read,
    "Write": MemoryStream.write,
    "Seek": MemoryStream.seek,
    "SetSize": MemoryStream.set_size,
    "CopyTo": MemoryStream.copy_to,
    "Commit": MemoryStream.commit,
    "Revert": MemoryStream.revert,
    "LockRegion": MemoryStream.lock_region,
    "UnlockRegion": MemoryStream.unlock_region,
    "Stat": MemoryStream.stat,
    "Clone": MemoryStream.clone,
}
make_agile(MemoryStream)


def memory_stream(data: bytes = b"") -> StreamPointer:
    """Return an IStream pointer to a new memory stream holding ``data``, at position 0.

    CreateStreamOnHGlobal. The stream is agile: any thread may use the pointer.
    """
    return MemoryStream(bytes(data)).pointer()
