"""Byte-range locks (LockFileEx / UnlockFileEx) with Windows' rules, across processes.

Windows' rules, from its documentation and Wine's conformance tests (which pass on Windows):

* A lock belongs to the handle's file object. An exclusive lock may not overlap any lock,
  the same handle's included; a shared lock may overlap shared locks, and the same handle's
  exclusive lock too.
* A zero-length lock at X conflicts with the locks that contain X (and takes none of them).
* UnlockFileEx must name a locked range exactly, else ERROR_NOT_LOCKED; an exclusive lock is
  removed before a shared one of the same range.
* The locks are mandatory: another handle cannot read a range under an exclusive lock, nor
  write a range under any lock, and a shared lock denies writing to its own handle too
  (ERROR_LOCK_VIOLATION).
* A lock that must wait (no LOCKFILE_FAIL_IMMEDIATELY) blocks a synchronous handle and is
  pending on an overlapped one; closing the handle releases its locks.

Each open file keeps the list of its own locks; the other handles' locks, in this process and
in others, are seen through the OFD locks mirrored on the file's share record
(:mod:`._share`), one byte of the record per byte of the file. A lock that must wait is
retried whenever a handle of this process unlocks the same file, and on a timer for those
held by other processes (the kernel tells nobody when an OFD lock goes).
"""

from __future__ import annotations

import fcntl
import itertools
from typing import TYPE_CHECKING, final

from ..errors import ERROR_NOT_LOCKED as _NOT_LOCKED
from ..errors import ERROR_OPERATION_ABORTED, LockViolationError, Win32Error
from ._ioservice import IO_LOCK, service
from ._overlapped import complete
from ._share import LOCK_BASE, LOCK_LIMIT, ofd_conflict, ofd_set

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ._overlapped import Overlapped

__all__ = ["FileLocks", "LockRequest", "finish", "retry", "wait_for_lock", "withdraw"]

_POLL_FIRST = 0.002
_POLL_LAST = 0.05


@final
class LockRequest:
    """A lock waiting for its range: retried until granted, cancelled or its file closed."""

    __slots__ = ("exclusive", "length", "locks", "overlapped", "start", "thread")

    def __init__(
        self,
        locks: FileLocks,
        start: int,
        length: int,
        exclusive: bool,
        overlapped: Overlapped,
        thread: int,
    ) -> None:
        self.locks = locks
        self.start = start
        self.length = length
        self.exclusive = exclusive
        self.overlapped = overlapped
        self.thread = thread


_waiting: dict[tuple[int, int], list[LockRequest]] = {}
"""Pending lock requests by file (device, inode), oldest first; under IO_LOCK."""


def _span(start: int, length: int) -> tuple[int, int]:
    """The bytes a lock covers for overlap tests: a zero-length lock covers its one offset."""
    return start, start + (length or 1)


def _overlaps(a: tuple[int, int, bool], start: int, end: int) -> bool:
    a_start, a_end = _span(a[0], a[1])
    return a_start < end and start < a_end


@final
class FileLocks:
    """The byte-range locks one open file holds, mirrored on its share record's descriptor."""

    __slots__ = ("_fd", "_held", "_key", "name")

    def __init__(self, fd: int, key: tuple[int, int], name: str) -> None:
        self._fd = fd
        self._key = key
        self.name = name
        self._held: list[tuple[int, int, bool]] = []  # (start, length, exclusive), in order

    # -- LockFileEx / UnlockFileEx ------------------------------------------------------------

    def try_lock(self, start: int, length: int, exclusive: bool) -> bool:
        """Take the lock if nothing conflicts; False if something does. IO_LOCK held."""
        begin, end = _span(start, length)
        if exclusive and any(_overlaps(held, begin, end) for held in self._held):
            return False
        if begin <= LOCK_LIMIT and ofd_conflict(
            self._fd,
            fcntl.F_WRLCK if exclusive else fcntl.F_RDLCK,
            LOCK_BASE + begin,
            min(end, LOCK_LIMIT) - begin,
        ):
            return False
        self._held.append((start, length, exclusive))
        if not self._mirror(begin, end):  # another process got there between check and take
            self._held.pop()
            self._mirror(begin, end)
            return False
        return True

    def unlock(self, start: int, length: int) -> None:
        """Remove the lock of exactly this range (an exclusive one first). IO_LOCK held.

        Raises:
            Win32Error: no lock of this handle has exactly this range (ERROR_NOT_LOCKED).
        """
        matches = [i for i, held in enumerate(self._held) if held[:2] == (start, length)]
        if not matches:
            raise Win32Error.from_code(
                _NOT_LOCKED,
                f"this handle holds no lock on exactly {length} bytes at {start} of "
                f"{self.name!r}; unlock the range that was locked",
            )
        exclusive = [i for i in matches if self._held[i][2]]
        del self._held[(exclusive or matches)[0]]
        self._mirror(*_span(start, length))

    def release_all(self) -> None:
        """Forget every lock (the descriptor that mirrors them is about to close). IO_LOCK held."""
        self._held.clear()

    def _mirror(self, begin: int, end: int) -> bool:
        """Make the OFD locks over [begin, end) match this handle's locks; False on a conflict."""
        if begin > LOCK_LIMIT:
            return True
        end = min(end, LOCK_LIMIT)
        cuts = {begin, end}
        for held in self._held:
            h_begin, h_end = _span(held[0], held[1])
            cuts.update(point for point in (h_begin, h_end) if begin < point < end)
        points = sorted(cuts)
        ok = True
        for low, high in itertools.pairwise(points):
            covering = [held for held in self._held if _overlaps(held, low, high)]
            if any(held[2] for held in covering):
                kind = fcntl.F_WRLCK
            elif covering:
                kind = fcntl.F_RDLCK
            else:
                kind = fcntl.F_UNLCK
            if not ofd_set(self._fd, kind, LOCK_BASE + low, high - low):
                ok = False
        return ok

    # -- mandatory locking --------------------------------------------------------------------

    def check_io(self, offset: int, length: int, write: bool) -> None:
        """Refuse a read or write of a range that locks deny to this handle. IO_LOCK not needed.

        Raises:
            LockViolationError: another handle holds a lock that denies it, or (for a write)
                this handle holds a shared lock on part of it.
        """
        if not length:
            return
        end = offset + length
        if write and any(not held[2] and _overlaps(held, offset, end) for held in self._held):
            raise LockViolationError(
                f"this handle holds a shared lock on part of bytes {offset}..{end} of "
                f"{self.name!r}; a shared lock denies writing to every handle"
            )
        if offset <= LOCK_LIMIT and ofd_conflict(
            self._fd,
            fcntl.F_WRLCK if write else fcntl.F_RDLCK,
            LOCK_BASE + offset,
            min(end, LOCK_LIMIT) - offset,
        ):
            raise LockViolationError(
                f"another handle has locked part of bytes {offset}..{end} of {self.name!r}; "
                "wait until it unlocks them"
            )

    @property
    def key(self) -> tuple[int, int]:
        """The file's (device, inode)."""
        return self._key


# -- waiting locks ---------------------------------------------------------------------------


def wait_for_lock(request: LockRequest) -> None:
    """Queue a lock that could not be taken yet; it is retried until granted. IO_LOCK held."""
    queue = _waiting.setdefault(request.locks.key, [])
    queue.append(request)
    if len(queue) == 1:
        service.call_later(_POLL_FIRST, lambda: _poll(request.locks.key, _POLL_FIRST))


def retry(key: tuple[int, int]) -> list[LockRequest]:
    """Try the waiting locks of a file again, oldest first; return those granted. IO_LOCK held."""
    queue = _waiting.get(key)
    if not queue:
        return []
    granted = [r for r in queue if r.locks.try_lock(r.start, r.length, r.exclusive)]
    if granted:
        queue[:] = [r for r in queue if r not in granted]
        if not queue:
            del _waiting[key]
    return granted


def withdraw(match: Callable[[LockRequest], bool]) -> list[LockRequest]:
    """Take out the waiting locks that ``match(request)`` selects. IO_LOCK held."""
    selected: list[LockRequest] = []
    for key in list(_waiting):
        queue = _waiting[key]
        found = [r for r in queue if match(r)]
        if found:
            selected += found
            queue[:] = [r for r in queue if r not in found]
            if not queue:
                del _waiting[key]
    return selected


def finish(granted: Sequence[LockRequest], cancelled: Sequence[LockRequest] = ()) -> None:
    """Complete granted and cancelled requests; IO_LOCK not held (completion sets events)."""
    for request in granted:
        complete(request.overlapped, 0, 0)
    for request in cancelled:
        complete(request.overlapped, ERROR_OPERATION_ABORTED, 0)


def _poll(key: tuple[int, int], delay: float) -> None:
    """Retry on the I/O thread: another process's lock may have gone, and nobody tells us."""
    with IO_LOCK:
        granted = retry(key)
        again = key in _waiting
    finish(granted)
    if again:
        delay = min(delay * 2, _POLL_LAST)
        service.call_later(delay, lambda: _poll(key, delay))
