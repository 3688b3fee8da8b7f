r"""Sections (file mapping objects): memory that processes share by name, or a file mapped.

A section is a kernel object of the session's namespace, beside events, mutexes, semaphores
and timers (``_namespace``): a name held by an event is refused to a section and the other
way round (ERROR_INVALID_HANDLE), ``Local\\`` and ``Global\\`` mean what they mean there.
A named section is a record in the segment (kind ``KIND_SECTION``, its size in two words)
and a file in the runtime directory, ``section-INDEX.shm`` (0600, in the 0700 directory):

* backed by the paging file (no file given): that file *is* the memory, page-rounded; every
  process that opens the name maps it (``MAP_SHARED``);
* mapping a file of the user's: it is a symbolic link to that file, which every process maps.

Lifetimes are the namespace's: a process references the record while it has a
:class:`Section` or a :class:`View` of it, and holds the name while it has an open
:class:`Section` (a handle): the name goes when the last section object of the last process
closes, the memory when the last view closes too, as on Windows. The record's file goes with
the record (a free hook of ``_records``), in whichever process drops the last reference,
the burier of a dead one included; a file that a process dying at the wrong instant leaves
behind is replaced when its record index is used again. So a killed process never leaves a
name that wedges the others.

Unnamed sections are the process's own (an anonymous ``memfd``); where objects cannot be
shared (no session), named ones are the process's own too.

This module is the API; ``_sectionstore`` keeps the memory and the counts.

Not modelled: copy-on-write and read-only views (every view is read-write), SEC_IMAGE,
growing a section, and Windows' refusal to truncate or delete a mapped file.
"""

from __future__ import annotations

import contextlib
import os
import weakref
from typing import TYPE_CHECKING, Final, final

from ..errors import (
    ERROR_MAPPED_ALIGNMENT,
    ERROR_NOT_ENOUGH_MEMORY,
    AccessDeniedError,
    InvalidHandleError,
    InvalidParameterError,
    Win32Error,
)
from ._core import KERNEL_LOCK
from ._file import File
from ._filemodes import FILE_READ_DATA, FILE_WRITE_DATA
from ._machine import memory_status
from ._namespace import check_not_local, name_key
from ._records import session_or_none
from ._sectionstore import (
    PAGE_SIZE,
    Backing,
    create_shared,
    create_unshared,
    drop_use,
    guard,
    make_anonymous,
    map_view,
    open_shared,
    open_unshared,
    release,
    released,
    round_up,
)

if TYPE_CHECKING:
    import mmap

__all__ = [
    "Section",
    "View",
    "create_section",
    "open_section",
    "PAGE_SIZE",
    "ALLOCATION_GRANULARITY",
]

ALLOCATION_GRANULARITY: Final = 65536
"""Windows' allocation granularity: a view starts at a multiple of it."""
_MAX_SIZE: Final = 1 << 47
"""Larger than any address space a process has: a section this large cannot be mapped."""


@final
class Section:
    """A file mapping object: memory to map, named or not, backed by a file or not.

    Made by :func:`create_section` or :func:`open_section` (CreateFileMapping,
    OpenFileMapping). Map it with :meth:`map`; close it when done (the name goes when every
    process has closed its sections of it; views keep the memory). Any thread may use it.

    Attributes:
        name: the name it was created or opened by, or None.
        size: its size in bytes.
    """

    __slots__ = ("__weakref__", "_backing", "_closed", "_finalizer", "name", "size")

    def __init__(self, backing: Backing, name: str | None) -> None:
        self._backing = backing
        self._closed = False
        self.name = name
        self.size = backing.size
        self._finalizer = weakref.finalize(self, released.append, (backing, True))

    def __repr__(self) -> str:
        state = "closed " if self._closed else ""
        return f"<{state}Section {self.name!r} of {self.size} bytes>"

    def __enter__(self) -> Section:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._closed

    @property
    def file_backed(self) -> bool:
        """True when the section maps a file rather than the paging file."""
        return self._backing.file_backed

    def fileno(self) -> int:
        """The descriptor of the section's memory (its file), to map it another way.

        The stdlib's ``mmap`` maps it ``MAP_SHARED`` as a view would; the descriptor stays
        the section's (do not close it), valid while the section or a view of it is open.

        Raises:
            InvalidHandleError: the section is closed.
        """
        if self._closed:
            raise InvalidHandleError(f"{self!r} is closed")
        return self._backing.fd

    def map(self, offset: int = 0, length: int = 0) -> View:
        """Map ``length`` bytes of the section from ``offset`` (MapViewOfFile), read-write.

        ``length`` 0 maps the rest of the section, to a page boundary (Windows gives the
        whole last page). ``offset`` is a multiple of :data:`ALLOCATION_GRANULARITY`.

        Raises:
            InvalidHandleError: the section is closed.
            Win32Error: ERROR_MAPPED_ALIGNMENT, ``offset`` is not aligned;
                ERROR_ACCESS_DENIED, the view would end past the section's end;
                ERROR_NOT_ENOUGH_MEMORY, the system refused the mapping.
        """
        if not isinstance(offset, int) or not isinstance(length, int):
            raise TypeError("a view's offset and length are ints")
        if offset < 0 or length < 0:
            raise ValueError("a view's offset and length cannot be negative")
        backing = self._backing
        if offset % ALLOCATION_GRANULARITY:
            raise Win32Error.from_code(
                ERROR_MAPPED_ALIGNMENT,
                f"a view starts at a multiple of {ALLOCATION_GRANULARITY}, not at {offset}",
            )
        if length == 0:
            length = round_up(backing.size - offset) if offset < backing.size else 0
        if length == 0 or offset + length > round_up(backing.size):
            raise AccessDeniedError(
                f"a view of {length or 'the rest'} bytes from {offset} ends past the end of "
                f"the section ({backing.size} bytes)"
            )
        with guard(backing):  # counted first: a close meanwhile leaves the memory to us
            if self._closed:
                raise InvalidHandleError(f"{self!r} is closed; map a section that is open")
            backing.users += 1
        try:
            memory = map_view(backing, offset, length)
        except BaseException:
            release(backing, section=False)
            raise
        return View(backing, memory, offset)

    def close(self) -> None:
        """Close the section (CloseHandle): its views stay; closing twice does nothing."""
        with guard(self._backing) as s:
            if self._closed:
                return
            self._closed = True
            self._finalizer.detach()
            drop_use(s, self._backing, section=True)


@final
class View:
    """A mapped view of a section (MapViewOfFile): :attr:`memory` is its bytes.

    Writes through :attr:`memory` are seen at once by every view of the same section, in
    every process. Unmap it with :meth:`close`.

    Attributes:
        memory: the view's bytes, an ``mmap`` (index it, slice it, ``memoryview`` it).
        offset: where in the section the view starts.
    """

    __slots__ = ("__weakref__", "_backing", "_finalizer", "memory", "offset")

    def __init__(self, backing: Backing, memory: mmap.mmap, offset: int) -> None:
        self._backing = backing
        self.memory = memory
        self.offset = offset
        self._finalizer = weakref.finalize(self, released.append, (backing, False))

    def __repr__(self) -> str:
        if not self._finalizer.alive:
            return "<unmapped View>"
        return f"<View of {len(self.memory)} bytes at {self.offset} of a section>"

    def __enter__(self) -> View:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self.memory)

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return not self._finalizer.alive

    def flush(self, offset: int = 0, length: int = 0) -> None:
        """Write the view's changed pages to its file (FlushViewOfFile); 0 means to the end.

        Raises:
            InvalidHandleError: the view is closed.
            ValueError: the range is not within the view.
        """
        if not self._finalizer.alive:
            raise InvalidHandleError("the view is unmapped")
        size = len(self.memory)
        if offset < 0 or length < 0 or offset + length > size:
            raise ValueError(f"{offset}+{length} is not within the view's {size} bytes")
        start = offset - offset % PAGE_SIZE
        end = size if length == 0 else offset + length
        if end > start:
            self.memory.flush(start, end - start)

    def close(self) -> None:
        """Unmap the view (UnmapViewOfFile); its memory must not be exported then."""
        with guard(self._backing) as s:
            if not self._finalizer.alive:
                return
            self._finalizer.detach()
            with contextlib.suppress(BufferError):  # exported: unmapped when the last goes
                self.memory.close()
            drop_use(s, self._backing, section=False)


# -- making and opening ------------------------------------------------------------------------


def create_section(
    size: int, name: str | None = None, *, file: File | None = None
) -> tuple[Section, bool]:
    r"""Create a section of ``size`` bytes, or open the existing one named ``name``.

    Returns ``(section, existed)``. Without ``file`` the memory is the paging file's (zeros
    at first); with one, it is that file, opened for reading and writing, which grows to
    ``size`` if it is shorter (``size`` 0: the file's size). When ``name`` is taken by a
    section of the session (in any process), that one is opened and ``size`` and ``file``
    are ignored, as CreateFileMapping does.

    Raises:
        TypeError: an argument has the wrong type.
        InvalidParameterError: ``size`` is 0 without a file, or the name is empty or long.
        InvalidHandleError: the name belongs to another kind of object; ``file`` is closed.
        AccessDeniedError: ``file`` was not opened for reading and writing.
        Win32Error: ERROR_FILE_INVALID, the file is empty and ``size`` 0;
            ERROR_NOT_ENOUGH_MEMORY, ``size`` is more than the machine's memory and swap
            (without a file: Windows commits such a section as it makes it) or than any
            address space.
    """
    if not isinstance(size, int) or isinstance(size, bool):
        raise TypeError(f"a section's size is an int, not {size!r}")
    if size < 0:
        raise ValueError(f"a section's size cannot be negative ({size})")
    if file is not None and not isinstance(file, File):
        raise TypeError(f"a section maps a kernel File, not {file!r}")
    if size == 0 and file is None:
        raise InvalidParameterError("a section of the paging file needs a size")
    if file is None and size > (memory_status().total_page_file or _MAX_SIZE):
        raise Win32Error.from_code(  # the paging file's sections are committed as made
            ERROR_NOT_ENOUGH_MEMORY,
            f"a section of {size} bytes is more than the memory and swap of the machine",
        )
    if size > _MAX_SIZE:
        raise Win32Error.from_code(
            ERROR_NOT_ENOUGH_MEMORY, f"a section of {size} bytes is beyond any address space"
        )
    key = None if name is None else name_key(name)
    fd = -1 if file is None else _file_descriptor(file)
    try:
        if key is None:
            backing = make_anonymous(fd, size)
            with KERNEL_LOCK:
                backing.handles = backing.users = 1
            return Section(backing, None), False
        assert name is not None
        check_not_local(Section, key, name)
        s = session_or_none()
        if s is None:
            backing, existed = create_unshared(key, name, fd, size)
        else:
            backing, existed = create_shared(s, key, name, fd, size)
        return Section(backing, name), existed
    finally:
        if fd >= 0:
            os.close(fd)


def open_section(name: str) -> Section:
    """Open the section named ``name`` (OpenFileMapping), made by any process of the session.

    Raises:
        NameNotFoundError: no section has that name.
        InvalidHandleError: the name belongs to another kind of object.
    """
    key = name_key(name)
    check_not_local(Section, key, name)
    s = session_or_none()
    backing = open_unshared(key, name) if s is None else open_shared(s, key, name)
    return Section(backing, name)


def _file_descriptor(file: File) -> int:
    """A descriptor of ``file`` of the section's own (the section keeps the file open)."""
    if file.closed:
        raise InvalidHandleError(f"{file!r} is closed")
    if file.access & (FILE_READ_DATA | FILE_WRITE_DATA) != FILE_READ_DATA | FILE_WRITE_DATA:
        raise AccessDeniedError(
            f"{file.name!r} was not opened for reading and writing; a read-write section "
            "needs both (GENERIC_READ | GENERIC_WRITE)"
        )
    return os.dup(file.descriptor())
