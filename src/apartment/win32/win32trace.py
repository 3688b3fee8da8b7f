"""pywin32's ``win32trace``: a trace collector that every process of the session writes to.

Writers (``InitWrite``, then ``write``; ``setprint`` points ``sys.stdout`` and ``sys.stderr``
at the tracer) and a reader (``InitRead``, then ``read`` or ``blockingread``) meet in the
session's trace buffer (:class:`apartment.kernel.TraceBuffer`: pywin32's named section,
mutex and events), whatever processes they run in. ``python -m win32traceutil`` (``python
-m apartment run -m win32traceutil`` here) is the reader loop; ``import win32traceutil``
makes a program a writer.

pywin32's own rules, kept as its ``win32trace.cpp`` has them: one tracer per process, kept
in ``sys.__win32traceObject__`` and made by ``GetTracer``, ``InitRead`` and ``InitWrite``;
it opens the buffer once for reading and once for writing (a second ``InitRead`` or
``InitWrite`` fails, "DoOpenMap, already open"; ``TermRead`` and ``TermWrite`` close it and
may be called again); the module's ``write``, ``read`` and ``blockingread`` call the
tracer's; text crosses as latin-1 (a character beyond it cannot be written); the errors of
its own checks are ``error(0, None, message)``.
"""

from __future__ import annotations

import sys
import threading
from typing import Any, final

from .. import kernel
from ._adapt import ms_to_timeout
from .pywintypes import error

__all__ = [
    "GetHandle",
    "GetTracer",
    "InitRead",
    "InitWrite",
    "TermRead",
    "TermWrite",
    "blockingread",
    "error",
    "flush",
    "read",
    "setprint",
    "write",
]

_TRACER = "__win32traceObject__"
_NOT_READING = "The module has not been setup for reading"
_NOT_WRITING = "The module has not been setup for writing"
_lock = threading.Lock()  # the tracer's state: its reading and writing buffers


def _fail(message: str) -> error:
    return error(0, None, message)


@final
class _Tracer:
    """PyTraceObject: this process's openings of the trace buffer, and a file-like face."""

    __slots__ = ("_reader", "_writer", "softspace")

    def __init__(self) -> None:
        self._reader: kernel.TraceBuffer | None = None
        self._writer: kernel.TraceBuffer | None = None
        self.softspace = 0

    def __repr__(self) -> str:
        return f"<PyTraceObject object at {id(self):#018X}>"

    def _open(self, reading: bool) -> None:
        with _lock:
            if (self._reader if reading else self._writer) is not None:
                raise _fail("DoOpenMap, already open")
            if reading:
                self._reader = kernel.TraceBuffer()
            else:
                self._writer = kernel.TraceBuffer()

    def _close(self, reading: bool) -> None:
        with _lock:
            buffer = self._reader if reading else self._writer
            if reading:
                self._reader = None
            else:
                self._writer = None
        if buffer is not None:
            buffer.close()

    def write(self, data: object, /) -> None:
        """Append ``data`` (a str, encoded latin-1, or bytes) to the trace."""
        if isinstance(data, str):
            raw = data.encode("latin-1")
        elif isinstance(data, (bytes, bytearray)):
            raw = bytes(data)
        else:
            raise TypeError(f"write() argument 1 must be str or bytes, not {type(data).__name__}")
        writer = self._writer
        if writer is None:
            raise _fail(_NOT_WRITING)
        writer.write(raw)

    def read(self) -> str:
        """Take everything written so far ("" if nothing)."""
        return self._take(0.0)

    def blockingread(self, milliSeconds: int = -1, /) -> str:
        """Wait up to ``milliSeconds`` (INFINITE: -1) for a write, then take what there is."""
        if not isinstance(milliSeconds, int):
            raise TypeError(
                f"'{type(milliSeconds).__name__}' object cannot be interpreted as an integer"
            )
        return self._take(ms_to_timeout(milliSeconds))

    def _take(self, timeout: float | None) -> str:
        reader = self._reader
        if reader is None:
            raise _fail(_NOT_READING)
        return reader.read(timeout).decode("latin-1")

    def flush(self) -> None:
        """Do nothing (file-like)."""

    def isatty(self) -> int:
        """0: the trace is not a terminal."""
        return 0


_Tracer.__name__ = _Tracer.__qualname__ = "PyTraceObject"


def _existing() -> _Tracer | None:
    found = getattr(sys, _TRACER, None)
    return found if isinstance(found, _Tracer) else None


def GetTracer() -> Any:  # noqa: ANN401 - pywin32's PyTraceObject
    """This process's tracer (made on first use)."""
    with _lock:
        found = _existing()
        if found is None:
            found = _Tracer()
            setattr(sys, _TRACER, found)
        return found


def InitRead() -> None:
    """Open the trace buffer for reading."""
    GetTracer()._open(reading=True)


def InitWrite() -> None:
    """Open the trace buffer for writing."""
    GetTracer()._open(reading=False)


def TermRead() -> None:
    """Close the reading side (nothing if it is not open)."""
    tracer = _existing()
    if tracer is None:
        raise _fail(_NOT_READING)
    tracer._close(reading=True)


def TermWrite() -> None:
    """Close the writing side (nothing if it is not open)."""
    tracer = _existing()
    if tracer is None:
        raise _fail(_NOT_WRITING)
    tracer._close(reading=False)


def write(*args: object) -> None:
    """The tracer's ``write``."""
    tracer = _existing()
    if tracer is None:
        raise _fail(_NOT_WRITING)
    tracer.write(*args)


def read(*args: object) -> str:
    """The tracer's ``read``."""
    tracer = _existing()
    if tracer is None:
        raise _fail(_NOT_READING)
    return tracer.read(*args)


def blockingread(*args: object) -> str:
    """The tracer's ``blockingread``."""
    tracer = _existing()
    if tracer is None:
        raise _fail(_NOT_READING)
    return tracer.blockingread(*args)  # type: ignore[arg-type]


def setprint() -> None:
    """Point ``sys.stdout`` and ``sys.stderr`` at the tracer."""
    tracer = _existing()
    if tracer is None:
        raise _fail(_NOT_WRITING)
    sys.stdout = sys.stderr = tracer


def flush(*args: object) -> None:
    """Do nothing (file-like)."""


# The event's handle is the module's, made at import as pywin32's module makes it.
_HANDLE = kernel.handles.insert(kernel.TraceBuffer.written_event())


def GetHandle() -> int:
    """The value of a handle to the event set after each write (the module's: not to close)."""
    return _HANDLE
