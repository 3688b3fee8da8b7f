"""Share modes between the handles of one file, in this process and every other of the user.

Windows checks every open of a file against the opens already there: what the new one wants
to do (read, write, delete) must be shared by all of them, and what they do must be shared by
the new one, else ERROR_SHARING_VIOLATION. The opens of a file are recorded in a *share
record*: a small file in the runtime directory, named after the file's device and inode, on
which each open of the file holds open-file-description locks (``F_OFD_SETLK``, Linux):

* byte 0, 1, 2 (read lock): this open reads, writes, deletes;
* byte 3, 4, 5 (read lock): this open denies others reading, writing, deleting;
* byte 16 (write lock, held briefly): the check and the claim of one open, made atomic;
* from :data:`LOCK_BASE` on: the file's byte-range locks (``LockFileEx``), one byte of the
  record per byte of the file, so that they too are seen by every process.

A check asks whether any *other* open description holds a byte (``F_OFD_GETLK``): two opens in
one process are two descriptions, as two handles are two file objects on Windows. The kernel
drops the locks when the record's descriptor closes, also when a process dies, so a crashed
process never leaves a file locked. The last open to go removes the record.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import struct
from typing import Final, final

from .._runtime import runtime_dir
from ..errors import SharingViolationError
from ._filemodes import READ, REMOVE, WRITE

__all__ = ["LOCK_BASE", "LOCK_LIMIT", "ShareRecord", "claim", "ofd_conflict", "ofd_set"]

_HAS = {READ: 0, WRITE: 1, REMOVE: 2}
_DENY = {READ: 3, WRITE: 4, REMOVE: 5}
_MUTEX = 16

LOCK_BASE: Final = 1 << 20
"""Where the mirror of the file's byte-range locks starts in the record."""
LOCK_LIMIT: Final = (1 << 63) - 1 - LOCK_BASE
"""Ranges past this (they exist on Windows, off_t has one bit less) stay in this process."""

_FLOCK = struct.Struct("hhqqi4x")  # struct flock: type, whence, start, len, pid (0 for OFD)
_NAMES = {READ: "read", WRITE: "write", REMOVE: "delete"}


def ofd_set(fd: int, kind: int, start: int, length: int, *, wait: bool = False) -> bool:
    """Take (F_RDLCK/F_WRLCK) or drop (F_UNLCK) an OFD lock; False when another holds it."""
    command = fcntl.F_OFD_SETLKW if wait else fcntl.F_OFD_SETLK
    try:
        fcntl.fcntl(fd, command, _FLOCK.pack(kind, os.SEEK_SET, start, length, 0))
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


def ofd_conflict(fd: int, kind: int, start: int, length: int) -> bool:
    """Tell whether another open description holds a lock that ``kind`` would conflict with."""
    raw = fcntl.fcntl(fd, fcntl.F_OFD_GETLK, _FLOCK.pack(kind, os.SEEK_SET, start, length, 0))
    return bool(_FLOCK.unpack(raw)[0] != fcntl.F_UNLCK)


@final
class ShareRecord:
    """One open's claim on a file's share record; ``fd`` also carries its byte-range locks."""

    __slots__ = ("fd", "path")

    def __init__(self, fd: int, path: str) -> None:
        self.fd = fd
        self.path = path

    def release(self) -> None:
        """Give the claim up; the last open of the file removes the record."""
        fd, self.fd = self.fd, -1
        if fd < 0:
            return
        try:
            if ofd_set(fd, fcntl.F_WRLCK, _MUTEX, 1) and not ofd_conflict(fd, fcntl.F_WRLCK, 0, 0):
                with contextlib.suppress(OSError):
                    if os.stat(self.path).st_ino == os.fstat(fd).st_ino:
                        os.unlink(self.path)
        finally:
            os.close(fd)


def _record_path(device: int, inode: int) -> str:
    folder = runtime_dir() / "files"
    folder.mkdir(mode=0o700, exist_ok=True)
    return str(folder / f"{device:x}-{inode:x}")


def _open_record(path: str) -> int:
    """Open the record and hold its mutex byte; retry if a last closer just removed it."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            ofd_set(fd, fcntl.F_WRLCK, _MUTEX, 1, wait=True)
            if os.fstat(fd).st_nlink:
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def claim(device: int, inode: int, access: int, share: int, name: str) -> ShareRecord:
    """Record an open of the file ``(device, inode)`` that does ``access`` and shares ``share``.

    ``access`` and ``share`` are READ | WRITE | REMOVE masks. An open that does none of the
    three is compatible with everything and needs no record; the caller does not claim one.

    Raises:
        SharingViolationError: another open denies what this one does, or does what this
            one denies.
    """
    path = _record_path(device, inode)
    fd = _open_record(path)
    try:
        for bit in (READ, WRITE, REMOVE):
            if access & bit and ofd_conflict(fd, fcntl.F_WRLCK, _DENY[bit], 1):
                raise SharingViolationError(
                    f"{name!r} is open elsewhere without FILE_SHARE_{_NAMES[bit].upper()}; "
                    f"it cannot be opened for {_NAMES[bit]} until that handle is closed"
                )
            if not share & bit and ofd_conflict(fd, fcntl.F_WRLCK, _HAS[bit], 1):
                raise SharingViolationError(
                    f"{name!r} is open elsewhere for {_NAMES[bit]}; this open must share "
                    f"it (FILE_SHARE_{_NAMES[bit].upper()}) or wait until it is closed"
                )
        for bit in (READ, WRITE, REMOVE):
            if access & bit:
                ofd_set(fd, fcntl.F_RDLCK, _HAS[bit], 1)
            if not share & bit:
                ofd_set(fd, fcntl.F_RDLCK, _DENY[bit], 1)
    except BaseException:
        os.close(fd)
        raise
    ofd_set(fd, fcntl.F_UNLCK, _MUTEX, 1)
    return ShareRecord(fd, path)
