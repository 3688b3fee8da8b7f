"""Descriptors the library did not open, as files: standard streams, terminals, host pipes.

A process's standard input, output and error, and any descriptor a program hands over
(``msvcrt.get_osfhandle``), are files too: a regular file becomes a
:class:`~._diskfile.DiskFile`, anything else a :class:`HostStream` here, read and written
with plain blocking ``read``/``write`` calls, as a synchronous Windows handle is. A pipe or
socket that the other end closed reads ERROR_BROKEN_PIPE, as an anonymous pipe does; a
terminal's end of input reads 0 bytes.

Such a file usually does not own its descriptor (whoever opened it closes it), so closing
its handle leaves the descriptor open.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import select
import socket
import stat
import struct
import termios
from typing import TYPE_CHECKING, ClassVar

from ..errors import ERROR_BROKEN_PIPE, ERROR_NO_DATA, Win32Error
from ._diskfile import DiskFile
from ._file import File, os_error
from ._filemodes import (
    FILE_APPEND_DATA,
    FILE_GENERIC_READ,
    FILE_GENERIC_WRITE,
    FILE_READ_DATA,
    FILE_WRITE_DATA,
)
from ._overlapped import IoResult, complete

if TYPE_CHECKING:
    from typing_extensions import Buffer

    from ._overlapped import Overlapped

__all__ = ["HostStream", "HostPipe", "HostDevice", "file_of_descriptor", "access_of_descriptor"]


class HostStream(File):
    """A descriptor read and written as it is: a pipe, a socket, a terminal, a device."""

    __slots__ = ("_fd", "_owns_fd")

    def __init__(self, name: str, fd: int, access: int, *, owns_fd: bool = False) -> None:
        super().__init__(name, access, False)
        self._fd = fd
        self._owns_fd = owns_fd

    def descriptor(self) -> int:
        """The host descriptor behind this file."""
        self._check_open()
        return self._fd

    def release_descriptor(self) -> None:
        """Leave the descriptor open when this file closes: its new owner closes it."""
        self._owns_fd = False

    def read_into(self, buffer: Buffer, overlapped: Overlapped | None = None) -> IoResult:
        """Read what is there, waiting for something if nothing is (ReadFile, synchronous)."""
        self._check_open()
        self._need(FILE_READ_DATA, "read it")
        view = memoryview(buffer).cast("B")
        if view.readonly:
            raise TypeError("a read needs a writable buffer")
        try:
            count = os.readv(self._fd, [view]) if len(view) else 0
        except OSError as failure:
            raise os_error(failure, f"reading {self.name!r}") from None
        if not count and len(view) and self.kind == "pipe":
            raise Win32Error.from_code(ERROR_BROKEN_PIPE, f"the other end of {self.name!r} closed")
        if overlapped is not None:  # a synchronous handle completes it before returning
            overlapped.completion = self.completion
            complete(overlapped, 0, count)
        return IoResult(0, count)

    def write(self, data: Buffer, overlapped: Overlapped | None = None) -> IoResult:
        """Write all of ``data``, waiting for room as it must (WriteFile, synchronous)."""
        self._check_open()
        self._need(FILE_WRITE_DATA | FILE_APPEND_DATA, "write to it")
        view = memoryview(data).cast("B")
        written = 0
        try:
            while written < len(view):
                written += os.write(self._fd, view[written:])
        except BrokenPipeError:
            raise Win32Error.from_code(
                ERROR_NO_DATA, f"the other end of {self.name!r} is closed"
            ) from None
        except OSError as failure:
            raise os_error(failure, f"writing {self.name!r}") from None
        if overlapped is not None:
            overlapped.completion = self.completion
            complete(overlapped, 0, written)
        return IoResult(0, written)

    def flush(self) -> None:
        """Nothing is buffered here: the data went out with each write."""
        self._check_open()

    def close(self) -> None:
        """Close the file, and the descriptor if this file owns it."""
        if self._closed:
            return
        self._closed = True
        if self._owns_fd:
            with contextlib.suppress(OSError):
                os.close(self._fd)


class HostPipe(HostStream):
    """A host pipe or socket: GetFileType says FILE_TYPE_PIPE."""

    __slots__ = ()
    kind: ClassVar[str] = "pipe"

    def peek(self, size: int) -> tuple[bytes, int, int]:
        """``(data, bytes available, 0 minus len(data))``, reading nothing (PeekNamedPipe).

        What an anonymous pipe's peek answers on Windows: programs poll a child's output so
        (``PeekNamedPipe(msvcrt.get_osfhandle(p.stdout.fileno()), 0)``, then a ReadFile of
        just that much). The count is the descriptor's FIONREAD; the bytes are copied out with
        ``tee(2)`` (a socket's with ``MSG_PEEK``). Nothing left and the writer gone is
        ERROR_BROKEN_PIPE; a handle without read access, ERROR_ACCESS_DENIED.
        """
        self._check_open()
        self._need(FILE_READ_DATA, "peek at it")
        if size < 0:
            raise ValueError(f"a peek takes a byte count, 0 or more, not {size!r}")
        try:
            avail = struct.unpack("i", fcntl.ioctl(self._fd, termios.FIONREAD, b"\0" * 4))[0]
        except OSError as failure:
            raise os_error(failure, f"peeking at {self.name!r}") from None
        if not avail:
            poller = select.poll()
            poller.register(self._fd, select.POLLIN)
            if any(events & (select.POLLHUP | select.POLLERR) for _, events in poller.poll(0)):
                raise Win32Error.from_code(
                    ERROR_BROKEN_PIPE, f"the other end of {self.name!r} closed"
                )
            return b"", 0, 0
        data = _copy_out(self._fd, min(size, avail)) if size else b""
        return data, avail, -len(data)


class HostDevice(HostStream):
    """A terminal or another character device: GetFileType says FILE_TYPE_CHAR."""

    __slots__ = ()
    kind: ClassVar[str] = "char"


_SPLICE_F_NONBLOCK = 2
_libc = ctypes.CDLL(None, use_errno=True)


def _copy_out(fd: int, size: int) -> bytes:
    """Up to ``size`` bytes waiting in pipe or socket ``fd``, left there for its reader."""
    tee = getattr(_libc, "tee", None)
    if tee is not None:
        tee.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_size_t, ctypes.c_uint]
        tee.restype = ctypes.c_ssize_t
        into, out = os.pipe()
        try:
            copied = tee(fd, out, size, _SPLICE_F_NONBLOCK)
            if copied >= 0:
                return os.read(into, copied) if copied else b""
            if ctypes.get_errno() != errno.EINVAL:  # EINVAL: not a pipe (a socket)
                raise os_error(OSError(ctypes.get_errno(), "tee"), "peeking at a pipe")
        finally:
            os.close(into)
            os.close(out)
    with socket.socket(fileno=os.dup(fd)) as sock:
        return sock.recv(size, socket.MSG_PEEK | socket.MSG_DONTWAIT)


def access_of_descriptor(fd: int) -> int:
    """The file rights a descriptor's open mode gives (read, write or both).

    Raises:
        OSError: EBADF, ``fd`` is not open.
    """
    mode = fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE
    if mode == os.O_RDONLY:
        return FILE_GENERIC_READ
    if mode == os.O_WRONLY:
        return FILE_GENERIC_WRITE
    return FILE_GENERIC_READ | FILE_GENERIC_WRITE


def file_of_descriptor(fd: int) -> File:
    """Make the file object for a descriptor the library did not open; it does not own it.

    Raises:
        OSError: EBADF, ``fd`` is not open.
    """
    info = os.fstat(fd)
    access = access_of_descriptor(fd)
    name = _name_of(fd)
    if stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode):
        file = DiskFile(name, fd, access, 0)
        file.release_descriptor()
        file.take_locks()
        return file
    if stat.S_ISFIFO(info.st_mode) or stat.S_ISSOCK(info.st_mode):
        return HostPipe(name, fd, access)
    return HostDevice(name, fd, access)


def _name_of(fd: int) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return f"<descriptor {fd}>"
