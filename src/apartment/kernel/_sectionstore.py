"""Where a section's memory lives, and who in this process uses it (``_section``'s store).

A named section of the session is a record of the segment and a file of the runtime
directory, ``section-INDEX.shm`` (see ``_section``); this process's hold on one is its
:class:`Backing`: the file's descriptor, and counts of the section objects (handles) and
views that use it. The counts change under the session lock (the kernel lock for what is
this process's own), and when the last user goes the process's reference to the record goes
too; the record's free hook removes the file, in whichever process frees it.
"""

from __future__ import annotations

import contextlib
import ctypes
import mmap
import os
import weakref
import zlib
from collections import deque
from typing import TYPE_CHECKING, Final, final

from ..errors import (
    ERROR_FILE_INVALID,
    ERROR_NOT_ENOUGH_MEMORY,
    AccessDeniedError,
    NameNotFoundError,
    Win32Error,
)
from ._core import KERNEL_LOCK
from ._file import os_error
from ._namespace import find_alive
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
    "PAGE_SIZE",
    "Backing",
    "attach",
    "create_shared",
    "create_unshared",
    "drop_use",
    "guard",
    "make_anonymous",
    "map_view",
    "open_shared",
    "open_unshared",
    "release",
    "released",
    "round_up",
]

PAGE_SIZE: Final = mmap.PAGESIZE


def round_up(size: int) -> int:
    return -(-size // PAGE_SIZE) * PAGE_SIZE


@final
class Backing:
    """This process's hold on one section's memory: its descriptor, and who uses it here.

    ``handles`` counts the open :class:`Section` objects (the name is held while it is not
    0), ``users`` those and the open views (the record is referenced while it is not 0).
    Changed under the session lock (shared sections) or the kernel lock (the others).
    """

    __slots__ = (
        "__weakref__", "fd", "file_backed", "file_size", "handles", "name", "record", "shared",
        "size", "users",
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


_backings: dict[int, Backing] = {}
"""This process's backing of each shared section it references, by record word."""
_unshared: weakref.WeakValueDictionary[str, Backing] = weakref.WeakValueDictionary()
"""Named sections of a process that cannot share objects, by key."""
released: deque[tuple[Backing, bool]] = deque()
"""(backing, was a section) for sections and views that died unclosed: released at the next
operation (a finalizer may run anywhere, the session lock held)."""


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


def make_anonymous(fd: int, size: int) -> Backing:
    """The backing of an unnamed section: the file's, or new anonymous memory."""
    if fd >= 0:
        size = _sized(fd, size)
        return Backing(os.dup(fd), size, None, 0, False, True)
    return Backing(_memory_fd(size), size, None, 0, False, False)


def _memory_fd(size: int) -> int:
    """A descriptor of ``size`` (page-rounded) bytes of anonymous zeroed memory."""
    try:
        if hasattr(os, "memfd_create"):
            fd = os.memfd_create("apartment-section", os.MFD_CLOEXEC)
        else:  # pragma: no cover - Linux has memfd_create
            import tempfile  # only here (a process starts faster)

            with tempfile.TemporaryFile() as spare:
                fd = os.dup(spare.fileno())
        os.ftruncate(fd, round_up(size))
    except OSError as exc:
        raise Win32Error.from_code(ERROR_NOT_ENOUGH_MEMORY, f"section memory: {exc}") from None
    return fd


# -- sections of the session -------------------------------------------------------------------


def _path(s: Session, o: int) -> Path:
    """The file of record ``o`` in the runtime directory."""
    return s.seg.directory / f"section-{obj_index(o)}.shm"


def create_shared(s: Session, key: str, name: str, fd: int, size: int) -> tuple[Backing, bool]:
    """Create the section ``name`` of the session, or open it; its backing and ``existed``."""
    data = key.encode("utf-8", "surrogatepass")
    digest = zlib.crc32(data)
    s.lock()
    try:
        release_dropped(s)
        o = find_alive(s, KIND_SECTION, data, digest, name)
        if o:
            backing = attach(s, o, name)
            s.commit()
            return backing, True
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
        backing = Backing(own, size, name, o, True, fd >= 0)
        backing.handles = backing.users = 1
        _backings[o] = backing
        s.commit()
        return backing, False
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
            os.ftruncate(own, round_up(size))
        except OSError:
            os.close(own)
            path.unlink()
            raise
        return own
    except OSError as exc:
        raise Win32Error.from_code(
            ERROR_NOT_ENOUGH_MEMORY, f"cannot make the section's memory {path}: {exc}"
        ) from None


def attach(s: Session, o: int, name: str) -> Backing:
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
        backing = Backing(fd, size, name, o, True, file_backed)
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


def create_unshared(key: str, name: str, fd: int, size: int) -> tuple[Backing, bool]:
    """Create the section ``name`` of this process, or open it; its backing and ``existed``."""
    with KERNEL_LOCK:
        release_dropped(None)
        try:
            backing = _find_unshared(key, name)
        except NameNotFoundError:
            pass
        else:
            backing.handles += 1
            backing.users += 1
            return backing, True
        backing = make_anonymous(fd, size)
        backing.name = name
        backing.handles = backing.users = 1
        _unshared[key] = backing
        return backing, False


def open_unshared(key: str, name: str) -> Backing:
    """This process's section ``name``, one section more."""
    with KERNEL_LOCK:
        release_dropped(None)
        backing = _find_unshared(key, name)
        backing.handles += 1
        backing.users += 1
    return backing


def open_shared(s: Session, key: str, name: str) -> Backing:
    """The session's section ``name``, one section more of this process."""
    data = key.encode("utf-8", "surrogatepass")
    s.lock()
    try:
        release_dropped(s)
        o = find_alive(s, KIND_SECTION, data, zlib.crc32(data), name)
        if not o:
            raise NameNotFoundError(f"no section is named {name!r}; create it first")
        backing = attach(s, o, name)
        s.commit()
        return backing
    finally:
        s.unlock()


def _find_unshared(key: str, name: str) -> Backing:
    backing = _unshared.get(key)
    if backing is None or not backing.handles:
        raise NameNotFoundError(f"no section is named {name!r}; create it first")
    return backing


# -- views and releases ------------------------------------------------------------------------

_MAP_FIXED = 0x10
_libc_mmap: list[object] = []


def map_view(backing: Backing, offset: int, length: int) -> mmap.mmap:
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
def guard(backing: Backing) -> Iterator[Session | None]:
    """Hold the lock of ``backing``'s counts: the session lock (given), or the kernel lock."""
    s = session_or_none() if backing.shared else None
    if s is not None:
        s.lock()
        try:
            release_dropped(s)
            yield s
        finally:
            s.unlock()
    else:
        with KERNEL_LOCK:
            release_dropped(None)
            yield None


def release(backing: Backing, *, section: bool) -> None:
    with guard(backing) as s:
        drop_use(s, backing, section)


def drop_use(s: Session | None, backing: Backing, section: bool) -> None:
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


def release_dropped(s: Session | None) -> None:
    """Release what sections and views died unclosed; the guarding lock held."""
    if s is not None:
        drop_dead_faces(s)
    for _ in range(len(released)):
        try:
            backing, section = released.popleft()
        except IndexError:
            return
        if backing.shared == (s is not None):
            drop_use(s, backing, section)
        else:
            released.append((backing, section))
