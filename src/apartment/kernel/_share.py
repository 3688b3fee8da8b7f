"""Share modes between the handles of one file, in this process and every other of the user.

Windows checks every open of a file against the opens already there: what the new one wants
to do (read, write, delete) must be shared by all of them, and what they do must be shared by
the new one, else ERROR_SHARING_VIOLATION. The opens of a file are recorded in a *share
record*: a small file in the runtime directory, named after the file's device and inode, on
which each open of the file holds open-file-description locks (``F_OFD_SETLK``, Linux):

* byte 0, 1, 2 (read lock): this open reads, writes, deletes;
* byte 3, 4, 5 (read lock): this open denies others reading, writing, deleting;
* byte 16 (write lock, held briefly): the check and the claim of one open, made atomic;
* the record's content from byte :data:`_PENDING` on: the file's delete is pending, and the
  name to remove (FILE_FLAG_DELETE_ON_CLOSE: the file goes when its last open closes, and
  no new open is allowed meanwhile: ERROR_ACCESS_DENIED, Windows' STATUS_DELETE_PENDING);
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
from ..errors import ERROR_ACCESS_DENIED, ERROR_FILE_NOT_FOUND, SharingViolationError, Win32Error
from ._filemodes import READ, REMOVE, WRITE

__all__ = ["LOCK_BASE", "LOCK_LIMIT", "ShareRecord", "claim", "ofd_conflict", "ofd_set"]

_HAS = {READ: 0, WRITE: 1, REMOVE: 2}
_DENY = {READ: 3, WRITE: 4, REMOVE: 5}
_MUTEX = 16
_PENDING = 32  # where a delete's mark (one of these, then the file's name) starts
_DELETING = b"\1"  # the flagged open closed: the delete is pending
_FLAGGED = b"\2"  # a flagged open is there (if it is gone, its process died holding it)
_NAME_MAX = 1 << 16

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

    def delete_on_close(self, name: str) -> None:
        """This open deletes the file ``name`` when it closes (FILE_FLAG_DELETE_ON_CLOSE).

        Written at the open, so that the file still goes if this process dies holding it.
        """
        os.pwrite(self.fd, _FLAGGED + _mark_name(name), _PENDING)

    def delete_on_last_close(self) -> None:
        """The flagged open closes: the file it named goes when its last open closes.

        This one may be the last. Until then the file's delete is pending: no new open.
        """
        os.pwrite(self.fd, _DELETING, _PENDING)  # the name stays as the open wrote it

    def release(self) -> None:
        """Give the claim up; the last open of the file removes the record.

        And the file too, when its delete is pending.
        """
        fd, self.fd = self.fd, -1
        if fd < 0:
            return
        try:
            # Wait out a claim in progress (held briefly): it may be the last open but us.
            ofd_set(fd, fcntl.F_WRLCK, _MUTEX, 1, wait=True)
            _remove_if_last(fd, self.path)
        finally:
            os.close(fd)


def _mark_name(name: str) -> bytes:
    """The name a delete mark holds: absolute and NUL-ended.

    Absolute: the process that acts on the mark may have another working directory.
    """
    return os.fsencode(os.path.abspath(name)) + b"\0"


def _remove_if_last(fd: int, path: str) -> bool:
    """Remove the record, and the file its delete mark names, if no other open holds it.

    The record's mutex is held. Returns whether the file was removed.
    """
    if ofd_conflict(fd, fcntl.F_WRLCK, 0, 0):
        return False  # another open of the file is there still
    mark = os.pread(fd, _NAME_MAX, _PENDING)
    with contextlib.suppress(OSError):
        if os.stat(path).st_ino == os.fstat(fd).st_ino:
            os.unlink(path)
    if mark[:1] not in (_DELETING, _FLAGGED):
        return False
    target = os.fsdecode(mark[1:].partition(b"\0")[0])
    try:
        if os.path.isdir(target) and not os.path.islink(target):
            os.rmdir(target)
        else:
            os.unlink(target)
    except OSError:
        return False
    return True


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
        mark = os.pread(fd, 1, _PENDING)
        if mark in (_DELETING, _FLAGGED) and _remove_if_last(fd, path):
            # its last open went without removing it (a process that died holding it)
            raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"{name!r} was deleted on close")
        if mark == _DELETING:
            raise Win32Error.from_code(
                ERROR_ACCESS_DENIED,
                f"{name!r} is being deleted (FILE_FLAG_DELETE_ON_CLOSE): it goes when its "
                "last handle closes, and no handle can open it meanwhile",
            )
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
