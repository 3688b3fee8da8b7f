"""A trace buffer: text that any process of the session appends to and a collector reads.

pywin32's ``win32trace`` (and ``win32traceutil``, which points a program's ``print`` at it) is
built on this, with the same objects its C module uses, so that writers and readers meet in
whatever processes they run:

* a section ``PythonTraceOutputMapping`` of 0x20000 bytes: a 32-bit little-endian count of
  the bytes waiting, then the bytes;
* a mutex ``PythonTraceOutputMutex`` guarding it;
* an auto-reset event ``PythonTraceOutputEvent``, set after each write (a reader waits on it);
* an auto-reset event ``PythonTraceOutputEmptyEvent``, set after each read (a writer that
  finds the buffer nearly full waits on it for a moment).

A write goes in chunks of at most half the buffer. When a chunk does not fit even after a
writer waited 0.1 s for a reader, the waiting text is dropped and the chunk starts the
buffer again: a trace never blocks its writer for long. A read takes everything waiting.
"""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING, Final, final

from ._event import Event
from ._mutex import Mutex
from ._namespace import create_named
from ._section import Section, View, create_section

if TYPE_CHECKING:
    import mmap

__all__ = ["TraceBuffer", "TRACE_BUFFER_SIZE"]

TRACE_BUFFER_SIZE: Final = 0x20000
"""The whole section, its count included."""
_PREFIX: Final = "PythonTraceOutput"
_COUNT = struct.Struct("<I")
_ROOM: Final = TRACE_BUFFER_SIZE - _COUNT.size
_MUTEX_TIMEOUT: Final = 10.0  # pywin32 gives up waiting for the mutex after 10 s, and goes on
_FULL_WAIT: Final = 0.1


@final
class TraceBuffer:
    """One process's opening of the session's trace buffer (made by the first to open it).

    Open one to write, one to read, or one for both; close each when done. The memory lives
    while some process has it open, so text written while nobody reads is kept only as long
    as a writer stays open. Any thread may call any method.

    Attributes:
        written: the auto-reset event set after each write (what a reader waits on).
    """

    __slots__ = ("_emptied", "_mutex", "_section", "_view", "written")

    def __init__(self) -> None:
        self._section: Section | None = None
        self._view: View | None = None
        self._mutex, _ = create_named(Mutex, _PREFIX + "Mutex", False)
        self.written = self.written_event()
        self._emptied, _ = create_named(Event, _PREFIX + "EmptyEvent", False, False)
        self._section, _ = create_section(TRACE_BUFFER_SIZE, _PREFIX + "Mapping")
        self._view = self._section.map()

    def __repr__(self) -> str:
        return f"<{'closed ' if self._view is None else ''}TraceBuffer>"

    @staticmethod
    def written_event() -> Event:
        """The session's event set after each write (auto-reset), whether or not one is open."""
        event, _ = create_named(Event, _PREFIX + "Event", False, False)
        return event

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._view is None

    def close(self) -> None:
        """Unmap the buffer (a second close does nothing)."""
        view, section = self._view, self._section
        self._view = self._section = None
        if view is not None:
            view.close()
        if section is not None:
            section.close()

    def _memory(self) -> mmap.mmap:
        view = self._view
        if view is None:
            raise ValueError("the trace buffer is closed")
        return view.memory

    def _lock(self) -> bool:
        return self._mutex.wait(_MUTEX_TIMEOUT) is not None

    def _unlock(self, held: bool) -> None:
        if held:
            self._mutex.release()

    def write(self, data: bytes) -> None:
        """Append ``data``, in chunks of at most half the buffer, waking a reader after each.

        Raises:
            ValueError: the buffer is closed.
        """
        memory = self._memory()
        chunk_size = TRACE_BUFFER_SIZE // 2
        for start in range(0, len(data), chunk_size):
            chunk = data[start : start + chunk_size]
            held = self._lock()
            try:
                (count,) = _COUNT.unpack_from(memory)
                if _ROOM - count < 2 * len(chunk):  # nearly full: give a reader a moment
                    self._unlock(held)
                    held = False
                    self.written.set()
                    self._emptied.wait(_FULL_WAIT)
                    held = self._lock()
                    (count,) = _COUNT.unpack_from(memory)
                if _ROOM - count < len(chunk):
                    count = 0  # what nobody read is dropped
                at = _COUNT.size + count
                memory[at : at + len(chunk)] = chunk
                _COUNT.pack_into(memory, 0, count + len(chunk))
            finally:
                self._unlock(held)
            self.written.set()

    def read(self, timeout: float | None = 0.0) -> bytes:
        """Take everything written so far (b"" if nothing).

        With a ``timeout`` other than 0, first wait that long (None: for ever) for a write
        since the last read; then take what there is, even if the wait timed out.

        Raises:
            ValueError: the buffer is closed.
        """
        memory = self._memory()
        if timeout != 0:
            self.written.wait(timeout)
        held = self._lock()
        try:
            (count,) = _COUNT.unpack_from(memory)
            data: bytes = memory[_COUNT.size : _COUNT.size + min(count, _ROOM)]
            _COUNT.pack_into(memory, 0, 0)
        finally:
            self._unlock(held)
        self._emptied.set()
        return data
