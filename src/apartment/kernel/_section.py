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

Not modelled: copy-on-write and read-only views (every view is read-write), SEC_IMAGE,
growing a section, and Windows' refusal to truncate or delete a mapped file.
"""

from __future__ import annotations

import contextlib
import ctypes
import mmap
import os
import tempfile
import weakref
import zlib
from collections import deque
from typing import TYPE_CHECKING, Final, final

from ..errors import (
    ERROR_FILE_INVALID,
    ERROR_MAPPED_ALIGNMENT,
    ERROR_NOT_ENOUGH_MEMORY,
    AccessDeniedError,
    InvalidHandleError,
    InvalidParameterError,
    NameNotFoundError,
    Win32Error,
)
from ._core import KERNEL_LOCK
from ._file import File, os_error
from ._filemodes import FILE_READ_DATA, FILE_WRITE_DATA
from ._machine import memory_status
from ._namespace import find_alive, name_key
from ._records import (
    FREE_HOOKS,
    alloc,
    drop_dead_faces,
    drop_name,
    drop_reference,
    hold,
    link_name,
    session_or_none,
)
from ._segment import (
    FLAG_FILE,
    FLAG_NAMED,
    KIND_SECTION,
    O_AUX,
    O_AUX2,
    O_GEN,
    O_KIND,
    O_NAMES,
    O_NEXT,
    O_NWAITERS,
    O_REFS,
    O_STATE,
    obj_index,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from ._session import Session

__all__ = [
    "Section",
    "View",
    "create_section",
    "open_section",
    "PAGE_SIZE",
    "ALLOCATION_GRANULARITY",
]

PAGE_SIZE: Final = mmap.PAGESIZE
ALLOCATION_GRANULARITY: Final = 65536
"""Windows' allocation granularity: a view starts at a multiple of it."""
_MAX_SIZE: Final = 1 << 47
"""Larger than any address space a process has: a section this large cannot be mapped."""


def _round_up(size: int) -> int:
    return -(-size // PAGE_SIZE) * PAGE_SIZE


class _Backing:
    """This process's hold on one section's memory: its descriptor, and who uses it here.

    ``handles`` counts the open :class:`Section` objects (the name is held while it is not
    0), ``users`` those and the open views (the record is referenced while it is not 0).
    Changed under the session lock (shared sections) or the kernel lock (the others).
    """

    __slots__ = (
        "fd", "file_backed", "file_size", "handles", "name", "record", "shared", "size", "users",
    )  # fmt: skip

    def __init__(
        self, fd: int, size: int, name: str | None, record: int, shared: bool, file_backed: bool
    ) -> None:
        self.fd = fd
        self.size = size
        self.file_size = os.fstat(fd).st_size
        self.file_backed = file_backed
        self.name = name
        self.record = record  # the record's word index (0: no record)
        self.shared = shared
        self.handles = 0
        self.users = 0


_backings: dict[int, _Backing] = {}
"""This process's backing of each shared section it references, by record word."""
_unshared: weakref.WeakValueDictionary[str, _Backing] = weakref.WeakValueDictionary()
"""Named sections of a process that cannot share objects, by key."""
_released: deque[tuple[_Backing, bool]] = deque()
"""(backing, was a section) for sections and views that died unclosed: released at the next
operation (a finalizer may run anywhere, the session lock held)."""


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

    def __init__(self, backing: _Backing, name: str | None) -> None:
        self._backing = backing
        self._closed = False
        self.name = name
        self.size = backing.size
        self._finalizer = weakref.finalize(self, _released.append, (backing, True))

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
            length = _round_up(backing.size - offset) if offset < backing.size else 0
        if length == 0 or offset + length > _round_up(backing.size):
            raise AccessDeniedError(
                f"a view of {length or 'the rest'} bytes from {offset} ends past the end of "
                f"the section ({backing.size} bytes)"
            )
        with _guard(backing):  # counted first: a close meanwhile leaves the memory to us
            if self._closed:
                raise InvalidHandleError(f"{self!r} is closed; map a section that is open")
            backing.users += 1
        try:
            memory = _map(backing, offset, length)
        except BaseException:
            _release(backing, section=False)
            raise
        return View(backing, memory, offset)

    def close(self) -> None:
        """Close the section (CloseHandle): its views stay; closing twice does nothing."""
        with _guard(self._backing) as s:
            if self._closed:
                return
            self._closed = True
            self._finalizer.detach()
            _drop_use(s, self._backing, section=True)


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

    def __init__(self, backing: _Backing, memory: mmap.mmap, offset: int) -> None:
        self._backing = backing
        self.memory = memory
        self.offset = offset
        self._finalizer = weakref.finalize(self, _released.append, (backing, False))

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
        with _guard(self._backing) as s:
            if not self._finalizer.alive:
                return
            self._finalizer.detach()
            with contextlib.suppress(BufferError):  # exported: unmapped when the last goes
                self.memory.close()
            _drop_use(s, self._backing, section=False)


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
            backing = _anonymous(fd, size)
            with KERNEL_LOCK:
                backing.handles = backing.users = 1
            return Section(backing, None), False
        assert name is not None
        s = session_or_none()
        if s is None:
            return _create_unshared(key, name, fd, size)
        return _create_shared(s, key, name, fd, size)
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
    s = session_or_none()
    if s is None:
        with KERNEL_LOCK:
            _release_dropped(None)
            backing = _find_unshared(key, name)
            backing.handles += 1
            backing.users += 1
        return Section(backing, name)
    data = key.encode("utf-8", "surrogatepass")
    s.lock()
    try:
        _release_dropped(s)
        o = find_alive(s, KIND_SECTION, data, zlib.crc32(data), name)
        if not o:
            raise NameNotFoundError(f"no section is named {name!r}; create it first")
        backing = _attach(s, o, name)
        s.commit()
        return Section(backing, name)
    finally:
        s.unlock()


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


def _sized(fd: int, size: int) -> int:
    """Grow the file of ``fd`` to ``size`` (0: take its size); return the section's size."""
    try:
        length = os.fstat(fd).st_size
        if size == 0:
            if length == 0:
                raise Win32Error.from_code(
                    ERROR_FILE_INVALID, "the file is empty: give the section a size"
                )
            return length
        if length < size:
            os.ftruncate(fd, size)
    except OSError as exc:
        raise os_error(exc, "growing the mapped file") from None
    return size


def _anonymous(fd: int, size: int) -> _Backing:
    """The backing of an unnamed section: the file's, or new anonymous memory."""
    if fd >= 0:
        size = _sized(fd, size)
        return _Backing(os.dup(fd), size, None, 0, False, True)
    return _Backing(_memory_fd(size), size, None, 0, False, False)


def _memory_fd(size: int) -> int:
    """A descriptor of ``size`` (page-rounded) bytes of anonymous zeroed memory."""
    try:
        if hasattr(os, "memfd_create"):
            fd = os.memfd_create("apartment-section", os.MFD_CLOEXEC)
        else:  # pragma: no cover - Linux has memfd_create
            with tempfile.TemporaryFile() as spare:
                fd = os.dup(spare.fileno())
        os.ftruncate(fd, _round_up(size))
    except OSError as exc:
        raise Win32Error.from_code(ERROR_NOT_ENOUGH_MEMORY, f"section memory: {exc}") from None
    return fd


# -- sections of the session -------------------------------------------------------------------


def _path(s: Session, o: int) -> Path:
    """The file of record ``o`` in the runtime directory."""
    return s.seg.directory / f"section-{obj_index(o)}.shm"


def _create_shared(s: Session, key: str, name: str, fd: int, size: int) -> tuple[Section, bool]:
    data = key.encode("utf-8", "surrogatepass")
    digest = zlib.crc32(data)
    s.lock()
    try:
        _release_dropped(s)
        o = find_alive(s, KIND_SECTION, data, digest, name)
        if o:
            backing = _attach(s, o, name)
            s.commit()
            return Section(backing, name), True
        if fd >= 0:
            size = _sized(fd, size)
        o = alloc(s)
        path = _path(s, o)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # left by a process that died making or freeing the record
        own = _make_file(path, fd, size)
        w = s.w
        s.put(o + O_GEN, (w[o + O_GEN] + 1) & 0xFFFFFFFF)
        for word, value in (
            (O_REFS, 0), (O_NAMES, 0), (O_NWAITERS, 0), (O_NEXT, 0),
            (O_STATE, size & 0xFFFFFFFF), (O_AUX, size >> 32), (O_AUX2, 0),
        ):  # fmt: skip
            s.put(o + word, value)
        link_name(s, o, data, digest)
        s.put(o + O_KIND, KIND_SECTION | FLAG_NAMED | (FLAG_FILE if fd >= 0 else 0))
        hold(s, s.slot, o, name=True)
        backing = _Backing(own, size, name, o, True, fd >= 0)
        backing.handles = backing.users = 1
        _backings[o] = backing
        s.commit()
        return Section(backing, name), False
    finally:
        s.unlock()


def _make_file(path: Path, fd: int, size: int) -> int:
    """Make the record's file: the memory itself, or a link to the mapped file; a new fd."""
    flags = os.O_RDWR | os.O_CLOEXEC | os.O_NOFOLLOW
    try:
        if fd >= 0:
            os.symlink(os.readlink(f"/proc/self/fd/{fd}"), path)
            return os.dup(fd)
        own = os.open(path, flags | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.ftruncate(own, _round_up(size))
        except OSError:
            os.close(own)
            path.unlink()
            raise
        return own
    except OSError as exc:
        raise Win32Error.from_code(
            ERROR_NOT_ENOUGH_MEMORY, f"cannot make the section's memory {path}: {exc}"
        ) from None


def _attach(s: Session, o: int, name: str) -> _Backing:
    """This process's backing of record ``o``, one section more; lock held, logged."""
    backing = _backings.get(o)
    if backing is None:
        w = s.w
        size = w[o + O_STATE] | w[o + O_AUX] << 32
        path = _path(s, o)
        file_backed = bool(w[o + O_KIND] & FLAG_FILE)
        follow = 0 if file_backed else os.O_NOFOLLOW
        try:
            fd = os.open(path, os.O_RDWR | os.O_CLOEXEC | follow)
        except OSError as exc:
            raise AccessDeniedError(f"cannot open the memory of section {name!r}: {exc}") from None
        backing = _Backing(fd, size, name, o, True, file_backed)
        _backings[o] = backing
    hold(s, s.slot, o, name=True)
    backing.handles += 1
    backing.users += 1
    return backing


def _unlink_file(s: Session, o: int) -> None:
    """Free hook: the record is gone, so is its file (after the lock is released)."""
    path = _path(s, o)

    def unlink() -> None:
        with contextlib.suppress(OSError):
            path.unlink()

    s.later.append(unlink)


FREE_HOOKS[KIND_SECTION] = _unlink_file


# -- sections of one process -------------------------------------------------------------------


def _create_unshared(key: str, name: str, fd: int, size: int) -> tuple[Section, bool]:
    with KERNEL_LOCK:
        _release_dropped(None)
        try:
            backing = _find_unshared(key, name)
        except NameNotFoundError:
            pass
        else:
            backing.handles += 1
            backing.users += 1
            return Section(backing, name), True
        backing = _anonymous(fd, size)
        backing.name = name
        backing.handles = backing.users = 1
        _unshared[key] = backing
        return Section(backing, name), False


def _find_unshared(key: str, name: str) -> _Backing:
    backing = _unshared.get(key)
    if backing is None or not backing.handles:
        raise NameNotFoundError(f"no section is named {name!r}; create it first")
    return backing


# -- views and releases ------------------------------------------------------------------------

_MAP_FIXED = 0x10
_libc_mmap: list[object] = []


def _map(backing: _Backing, offset: int, length: int) -> mmap.mmap:
    """Map ``length`` bytes of the backing's file from ``offset``, read-write, shared.

    A view may end past the end of a mapped file, within its last page (Windows maps whole
    pages): the stdlib refuses that, so such a view is an anonymous mapping with the file
    mapped over it.
    """
    try:
        if offset + length <= backing.file_size:
            return mmap.mmap(backing.fd, length, offset=offset)
        area = mmap.mmap(-1, length)
        anchor = ctypes.c_char.from_buffer(area)
        address = ctypes.addressof(anchor)
        del anchor  # the mapping must not stay exported
        if not _libc_mmap:
            fn = ctypes.CDLL(None, use_errno=True).mmap
            fn.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,
                           ctypes.c_int, ctypes.c_long]  # fmt: skip
            fn.restype = ctypes.c_void_p
            _libc_mmap.append(fn)
        flags = mmap.MAP_SHARED | _MAP_FIXED
        prot = mmap.PROT_READ | mmap.PROT_WRITE
        got = _libc_mmap[0](address, length, prot, flags, backing.fd, offset)  # type: ignore[operator]
        if got != address:
            area.close()
            raise OSError(ctypes.get_errno(), "mmap over a view failed")
        return area
    except (OSError, ValueError) as exc:
        raise Win32Error.from_code(ERROR_NOT_ENOUGH_MEMORY, f"mapping a view: {exc}") from None


@contextlib.contextmanager
def _guard(backing: _Backing) -> Iterator[Session | None]:
    """Hold the lock of ``backing``'s counts: the session lock (given), or the kernel lock."""
    s = session_or_none() if backing.shared else None
    if s is not None:
        s.lock()
        try:
            _release_dropped(s)
            yield s
        finally:
            s.unlock()
    else:
        with KERNEL_LOCK:
            _release_dropped(None)
            yield None


def _release(backing: _Backing, *, section: bool) -> None:
    with _guard(backing) as s:
        _drop_use(s, backing, section)


def _drop_use(s: Session | None, backing: _Backing, section: bool) -> None:
    """One section (``section``) or view of ``backing`` less; its lock held."""
    if section:
        backing.handles -= 1
        if not backing.handles and s is not None:
            drop_name(s, s.slot, backing.record)
            s.commit()
    backing.users -= 1
    if backing.users:
        return
    if s is not None:
        _backings.pop(backing.record, None)
        drop_reference(s, s.slot, backing.record)
        s.commit()
    os.close(backing.fd)
    backing.fd = -1


def _release_dropped(s: Session | None) -> None:
    """Release what sections and views died unclosed; the guarding lock held."""
    if s is not None:
        drop_dead_faces(s)
    for _ in range(len(_released)):
        try:
            backing, section = _released.popleft()
        except IndexError:
            return
        if backing.shared == (s is not None):
            _drop_use(s, backing, section)
        else:
            _released.append((backing, section))
