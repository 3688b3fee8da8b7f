"""pywin32's ``mmapfile``: a view of a file mapping, with a file-like cursor over it.

``mmapfile(File, Name, MaximumSize=0, FileOffset=0, NumberOfBytesToMap=0)`` creates or opens
a section (:func:`apartment.kernel.create_section`) and maps one view of it. ``File`` None or
``''`` means the paging file; a named section is one memory for every process of the session
that opens the name, until the last process closes its last one. The object reads and writes
at a position, as pywin32's does.

pywin32's own rules, kept as its ``mmapfilemodule.cpp`` has them: a size taken from the file
(``MaximumSize`` 0) is rounded up to a page, and the file grows to it; a view of the rest of
the section (``NumberOfBytesToMap`` 0) reaches the end of its last page; positions and counts
are C ``size_t``, so a negative ``read`` size reads the rest when it goes below the start of
the view and fails (SystemError) otherwise, and ``seek(-1, 1)`` steps back; ``find`` searches
from the current position whatever ``start`` says and answers relative to ``start``, with the
needle cut at its first NUL byte; errors of the object's own checks are ValueErrors.

Differences (docs/differences-from-windows.md): ``readline`` with no newline before the end
of the view reads to the end (pywin32 reads one byte past the view, and may crash); ``move``
and ``flush`` refuse ranges that wrap around below 0 (pywin32 would copy through them).
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any, final

from .. import kernel
from ..errors import ERROR_ALREADY_EXISTS, Win32Error
from ._adapt import set_last_error, stamped
from .pywintypes import error

if TYPE_CHECKING:
    from ..kernel import File, Section, View

__all__ = ["error", "mmapfile"]

_M = (1 << 64) - 1  # size_t arithmetic
_RW = kernel.GENERIC_READ | kernel.GENERIC_WRITE
_SHARE = kernel.FILE_SHARE_READ | kernel.FILE_SHARE_WRITE


def _size_t(value: object) -> int:
    """Read an argument pywin32 reads with PyLong_AsSsize_t, as a size_t."""
    if not isinstance(value, int):
        raise TypeError("an integer is required")
    if not -(1 << 63) <= value < 1 << 63:
        raise OverflowError("Python int too large to convert to C ssize_t")
    return value & _M


def _ulonglong(value: object, position: int) -> int:
    """Read an argument of the "K" format: an int, masked to 64 bits."""
    if not isinstance(value, int):
        raise TypeError(f"argument {position} must be int, not {type(value).__name__}")
    return value & _M


def _text(value: object) -> str | None:
    """Read File or Name: None or a str; an empty one is none (as Win32 reads a name)."""
    if value is None or isinstance(value, str):
        return value or None
    raise TypeError(f"Objects of type '{type(value).__name__}' can not be converted to Unicode.")


def _called(fn: Any, funcname: str, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
    """Call the core, stamping ``funcname`` into what it raises (pywin32's API name)."""
    try:
        return fn(*args, **kwargs)
    except Win32Error as exc:
        raise stamped(exc, funcname) from None


@final
class _MmapFile:
    """Pymmapfile: one view of a section, a position in it, and the file it maps (if any)."""

    __slots__ = ("_file", "_name", "_pos", "_section", "_size", "_view")

    def __init__(
        self, section: Section, view: View, file: File | None, name: str | None, size: int
    ) -> None:
        self._section: Section | None = section
        self._view: View | None = view
        self._file = file
        self._name = name
        self._pos = 0
        self._size = size

    def __repr__(self) -> str:
        return f"<mmapfile object at {id(self):#018X}>"

    def _memory(self) -> Any:  # noqa: ANN401 - an mmap
        if self._section is None or self._view is None:
            raise ValueError("mmapfile closed or invalid")
        return self._view.memory

    def close(self) -> None:
        """Unmap the view, close the mapping and the file (a second close does nothing)."""
        view, section, file = self._view, self._section, self._file
        self._view = self._section = self._file = None
        if view is not None:
            view.close()
        if section is not None:
            section.close()
        if file is not None:
            file.close()

    def read(self, num_bytes: object, /) -> bytes:
        """Read up to ``num_bytes`` from the position, and move past them."""
        memory = self._memory()
        count = _size_t(num_bytes)
        pos, size = self._pos, self._size
        end = (pos + count) & _M
        if end > size:  # silently cut to the end, in size_t arithmetic
            count = (count - (end - size)) & _M
        if count >= 1 << 63:
            raise SystemError("Negative size passed to PyBytes_FromStringAndSize")
        data: bytes = memory[pos : pos + count]
        self._pos = pos + count
        return data

    def read_byte(self) -> bytes:
        """Read the byte at the position, and move past it."""
        memory = self._memory()
        if self._pos >= self._size:
            raise ValueError("read byte out of range")
        data: bytes = memory[self._pos : self._pos + 1]
        self._pos += 1
        return data

    def readline(self) -> bytes:
        """Read from the position through the next newline (or to the end of the view)."""
        memory = self._memory()
        end = memory.find(b"\n", self._pos, self._size)
        stop = self._size if end < 0 else end + 1
        data: bytes = memory[self._pos : stop]
        self._pos = stop
        return data

    def find(self, needle: object, start: object = None, /) -> int:
        """Find ``needle`` from the position; its offset from ``start``, or -1."""
        memory = self._memory()
        base = self._pos if start is None else _size_t(start)
        if not isinstance(needle, bytes):
            raise TypeError(f"expected bytes, {type(needle).__name__} found")
        found = -1
        if self._pos < self._size:
            found = memory.find(needle.split(b"\0", 1)[0], self._pos, self._size)
        if found < 0:
            return -1
        return found - (base if base < 1 << 63 else base - (1 << 64))

    def write(self, data: object, /) -> None:
        """Write ``data`` (bytes) at the position, and move past it."""
        memory = self._memory()
        if not isinstance(data, bytes):
            raise TypeError(f"expected bytes, {type(data).__name__} found")
        end = self._pos + len(data)
        if end > self._size:
            raise ValueError("data out of range")
        memory[self._pos : end] = data
        self._pos = end

    def write_byte(self, char: object, /) -> None:
        """Write one byte (bytes or bytearray of length 1) at the position."""
        memory = self._memory()
        if not isinstance(char, (bytes, bytearray)) or len(char) != 1:
            raise TypeError(
                "write_byte() argument 1 must be a byte string of length 1, not "
                f"{type(char).__name__}"
            )
        if self._pos >= self._size:
            raise ValueError("write_byte past end of buffer")
        memory[self._pos] = char[0]
        self._pos += 1

    def seek(self, dist: object, how: object = 0, /) -> None:
        """Move the position: from the start (0), the position (1) or back from the end (2)."""
        self._memory()
        distance = _size_t(dist)
        whence = operator.index(how)  # type: ignore[arg-type]
        if whence == 0:
            where = distance
        elif whence == 1:
            where = (self._pos + distance) & _M
        elif whence == 2:
            where = (self._size - distance) & _M
        else:
            raise ValueError("unknown seek type")
        if where >= self._size:
            raise ValueError("seek out of range")
        self._pos = where

    def tell(self) -> int:
        """The position."""
        self._memory()
        return self._pos

    def size(self) -> int:
        """The size of the view."""
        self._memory()
        return self._size

    def move(self, dest: object, src: object, count: object, /) -> None:
        """Copy ``count`` bytes from ``src`` to ``dest`` within the view (they may overlap)."""
        memory = self._memory()
        to, start, n = _size_t(dest), _size_t(src), _size_t(count)
        if start + n > self._size or to + n > self._size:
            raise ValueError("source or destination out of range")
        memory.move(to, start, n)

    def flush(self, offset: object = None, size: object = None, /) -> int:
        """Write the view's changed pages to the file (0 bytes: to the end); returns 1."""
        self._memory()
        start = 0 if offset is None else _size_t(offset)
        length = 0 if size is None else _size_t(size)
        if start + length > self._size:
            raise ValueError("flush values out of range")
        assert self._view is not None
        _called(self._view.flush, "FlushViewOfFile", start, length)
        return 1

    def resize(
        self, MaximumSize: object, FileOffset: object = 0, NumberOfBytesToMap: object = None
    ) -> None:
        """Map a new view; with a MaximumSize, of a new mapping of the same file and name."""
        self._memory()
        maximum = _ulonglong(MaximumSize, 1)
        offset = _ulonglong(FileOffset, 2)
        length = 0 if NumberOfBytesToMap is None else _size_t(NumberOfBytesToMap)
        assert self._view is not None
        assert self._section is not None
        self._view.close()
        self._view = None
        if maximum:
            self._section.close()
            self._section, _ = _called(
                kernel.create_section, "CreateFileMapping", maximum, self._name, file=self._file
            )
        self._view = _called(self._section.map, "MapViewOfFile", offset, length)
        self._size = len(self._view)
        if self._pos >= self._size:
            self._pos = self._size - 1


_MmapFile.__name__ = _MmapFile.__qualname__ = "mmapfile"  # pywin32's type name


def mmapfile(
    File: object,
    Name: object,
    MaximumSize: object = 0,
    FileOffset: object = 0,
    NumberOfBytesToMap: object = None,
) -> _MmapFile:
    """Create or open a file mapping (CreateFileMapping) and map a view of it (MapViewOfFile).

    ``File`` None or ``''`` maps the paging file (a ``MaximumSize`` is then needed, even to
    open an existing name); ``Name`` None makes the mapping the process's own.
    """
    maximum = _ulonglong(MaximumSize, 3)
    offset = _ulonglong(FileOffset, 4)
    name = _text(Name)
    path = _text(File)
    length = 0 if NumberOfBytesToMap is None else _size_t(NumberOfBytesToMap)
    file = None
    if path:
        file = _called(kernel.open_file, "CreateFile", path, _RW, _SHARE, kernel.OPEN_ALWAYS)
    try:
        if file is not None and not maximum:
            maximum = file.size()
            if not maximum:
                raise ValueError("Specified file is empty, and no mapping size given")
            maximum = -(-maximum // kernel.PAGE_SIZE) * kernel.PAGE_SIZE
        section, existed = _called(
            kernel.create_section, "CreateFileMapping", maximum, name, file=file
        )
    except BaseException:
        if file is not None:
            file.close()
        raise
    if existed and file is not None:  # the existing mapping is used; the file is not needed
        file.close()
        file = None
    try:
        view = _called(section.map, "MapViewOfFile", offset, length & _M)
    except BaseException:
        section.close()
        if file is not None:
            file.close()
        raise
    set_last_error(ERROR_ALREADY_EXISTS if existed else 0)
    return _MmapFile(section, view, file, name, len(view))
