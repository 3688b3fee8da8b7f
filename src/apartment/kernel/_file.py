"""Files as kernel objects: what a file handle refers to.

:class:`File` is the common face of everything CreateFile opens (a disk file, a directory,
an end of a pipe): read, write, flush, cancel, close, with the access the open was granted.
Its subclasses are :class:`~._diskfile.DiskFile` and :class:`~._pipe.PipeEnd`. The calls one
kind has and another lacks fail with ERROR_INVALID_FUNCTION here, as Windows fails them.

Errors are Win32Errors with Windows' codes; the OS's errno is translated once, here.

A File is also a kernel object a thread can wait on, as a file object is on Windows: it is
signaled while none of its own I/O is pending. An operation that pends makes it nonsignaled;
one that completes signals it again unless it reported to an event of its own (an OVERLAPPED
with an hEvent), and then the file stays nonsignaled (Wine: ``server/async.c``; MS:
"Synchronization and Overlapped Input and Output"). ``_overlapped`` keeps that state, in the
kernel-lock holds that start and complete an operation; a wait has no side effect on it.
"""

from __future__ import annotations

import errno
import mmap
import os
from typing import TYPE_CHECKING, ClassVar, Final

from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_DISK_FULL,
    ERROR_FILE_EXISTS,
    ERROR_FILE_NOT_FOUND,
    ERROR_FILENAME_EXCED_RANGE,
    ERROR_GEN_FAILURE,
    ERROR_INVALID_FUNCTION,
    ERROR_INVALID_HANDLE,
    ERROR_INVALID_PARAMETER,
    ERROR_PATH_NOT_FOUND,
    ERROR_TOO_MANY_OPEN_FILES,
    ERROR_WRITE_PROTECT,
    AccessDeniedError,
    InvalidHandleError,
    NotSupportedError,
    Win32Error,
)
from ._core import Waitable
from ._filemodes import FILE_BEGIN, FILE_READ_DATA

if TYPE_CHECKING:
    from datetime import datetime

    from typing_extensions import Buffer, Self

    from ._fileinfo import FileInfo
    from ._iocp import CompletionPort
    from ._overlapped import IoResult, Overlapped
    from ._threadstate import ThreadState

__all__ = ["File", "os_error", "read_buffer"]

# Past this size a read buffer is an anonymous mapping rather than a bytearray.
_LAZY_BUFFER: Final = 1 << 20


def read_buffer(size: int) -> memoryview:
    """Return a writable buffer for a read of up to ``size`` bytes.

    Programs often pass a generous upper bound (``ReadFile(h, 100_000_000)``). A bytearray
    would zero, and so commit, every page of it; past 1 MiB the buffer is an anonymous
    mapping instead, whose pages the system provides as a read writes them, so a read costs
    what it reads, as on Windows, where such a buffer is allocated and not touched.

    Raises:
        ValueError: ``size`` is negative.
    """
    if size < 0:
        raise ValueError(f"a read buffer's size is 0 or more, not {size}")
    if size <= _LAZY_BUFFER:
        return memoryview(bytearray(size))
    return memoryview(mmap.mmap(-1, size))


_ERRNO: Final = {
    errno.ENOENT: ERROR_FILE_NOT_FOUND,
    errno.ENOTDIR: ERROR_PATH_NOT_FOUND,
    errno.ELOOP: ERROR_PATH_NOT_FOUND,
    errno.EACCES: ERROR_ACCESS_DENIED,
    errno.EPERM: ERROR_ACCESS_DENIED,
    errno.EISDIR: ERROR_ACCESS_DENIED,
    errno.ETXTBSY: ERROR_ACCESS_DENIED,
    errno.EEXIST: ERROR_FILE_EXISTS,
    errno.ENAMETOOLONG: ERROR_FILENAME_EXCED_RANGE,
    errno.EMFILE: ERROR_TOO_MANY_OPEN_FILES,
    errno.ENFILE: ERROR_TOO_MANY_OPEN_FILES,
    errno.EROFS: ERROR_WRITE_PROTECT,
    errno.ENOSPC: ERROR_DISK_FULL,
    errno.EDQUOT: ERROR_DISK_FULL,
    errno.EFBIG: ERROR_DISK_FULL,
    errno.EINVAL: ERROR_INVALID_PARAMETER,
    errno.EBADF: ERROR_INVALID_HANDLE,  # the descriptor went while we used it
}


def os_error(exc: OSError, what: str) -> Win32Error:
    """Translate an OSError into the Win32Error Windows would report; ``what`` names the call."""
    code = _ERRNO.get(exc.errno or 0, ERROR_GEN_FAILURE)
    if code == ERROR_FILE_NOT_FOUND and exc.filename:
        parent = os.path.dirname(os.path.abspath(os.fsdecode(exc.filename)))
        if not os.path.isdir(parent):
            code = ERROR_PATH_NOT_FOUND
    return Win32Error.from_code(code, f"{what}: {exc.strerror}")


class File(Waitable):
    """An open file, directory or pipe end: the kernel object behind a file handle.

    ``access`` is the rights the open was granted (GENERIC_* mapped to file rights);
    ``overlapped_io`` tells whether it was opened with FILE_FLAG_OVERLAPPED;
    ``already_existed`` is True when CREATE_ALWAYS or OPEN_ALWAYS found the file there
    (Windows reports it as ERROR_ALREADY_EXISTS through GetLastError). Reads, writes and the
    other calls check ``access`` themselves, so the Pythonic API is as strict as the facade.
    Methods are safe to call from any thread. A wait on it (``wait``, ``wait_any``...) returns
    while none of its I/O is pending (see the module's docstring).
    """

    __slots__ = (
        "_closed",
        "access",
        "already_existed",
        "completion",
        "name",
        "overlapped_io",
    )

    kind: ClassVar[str] = "file"

    def __init__(self, name: str, access: int, overlapped_io: bool) -> None:
        super().__init__(True)  # a new file object is signaled: no I/O of its own is pending
        self.name = name
        self.access = access
        self.overlapped_io = overlapped_io
        self.already_existed = False
        self._closed = False
        # The completion port and key its overlapped operations report to, once associated
        # (``CompletionPort.associate``); each operation notes it on its Overlapped as it starts.
        self.completion: tuple[CompletionPort, int] | None = None

    def __repr__(self) -> str:
        state = "closed " if self._closed else ""
        return f"<{state}{type(self).__name__} {self.name!r} at {id(self):#x}>"

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._closed

    # -- what every kind of file does ---------------------------------------------------------

    def read_into(self, buffer: Buffer, overlapped: Overlapped | None = None) -> IoResult:
        """Read into ``buffer`` (ReadFile): IoResult(0 or ERROR_MORE_DATA or PENDING, bytes)."""
        raise Win32Error.from_code(ERROR_INVALID_FUNCTION, f"{self.name!r} cannot be read")

    def write(self, data: Buffer, overlapped: Overlapped | None = None) -> IoResult:
        """Write ``data`` (WriteFile): IoResult(0 or ERROR_IO_PENDING, bytes written)."""
        raise Win32Error.from_code(ERROR_INVALID_FUNCTION, f"{self.name!r} cannot be written")

    def read(self, size: int) -> bytes:
        """Read up to ``size`` bytes and return them (a synchronous ReadFile).

        For a message pipe read in message mode, a message longer than ``size`` gives its
        first ``size`` bytes; the rest is the next read (use read_into to see ERROR_MORE_DATA).
        """
        if not isinstance(size, int) or size < 0:
            raise ValueError(f"a read takes a byte count, 0 or more, not {size!r}")
        buffer = read_buffer(size)
        result = self.read_into(buffer)
        return bytes(buffer[: result.transferred])

    def flush(self) -> None:
        """Write the buffered data out (FlushFileBuffers)."""
        raise Win32Error.from_code(ERROR_INVALID_FUNCTION, f"{self.name!r} cannot be flushed")

    def seek(self, distance: int, method: int = FILE_BEGIN) -> int:
        """Move the file pointer (SetFilePointer); only a disk file has one."""
        raise Win32Error.from_code(ERROR_INVALID_FUNCTION, f"{self.name!r} has no file pointer")

    def size(self) -> int:
        """Return the size in bytes (GetFileSize); only a disk file has one."""
        raise Win32Error.from_code(ERROR_INVALID_FUNCTION, f"{self.name!r} has no size")

    def truncate(self) -> None:
        """Make the file end at the file pointer (SetEndOfFile); only a disk file can."""
        raise Win32Error.from_code(ERROR_INVALID_FUNCTION, f"{self.name!r} has no end")

    def file_info(self) -> FileInfo:
        """The file's attributes, times and size (GetFileTime, FileBasicInfo); disk files only."""
        raise Win32Error.from_code(ERROR_INVALID_FUNCTION, f"{self.name!r} has no attributes")

    def set_times(
        self,
        created: datetime | None = None,
        accessed: datetime | None = None,
        written: datetime | None = None,
    ) -> None:
        """Set the file's times (SetFileTime); None keeps one. Disk files only."""
        raise Win32Error.from_code(ERROR_INVALID_FUNCTION, f"{self.name!r} has no times")

    def lock(
        self,
        offset: int,
        length: int,
        *,
        exclusive: bool = True,
        fail_immediately: bool = False,
        overlapped: Overlapped | None = None,
    ) -> IoResult:
        """Lock a byte range (LockFileEx); only a disk file has byte ranges."""
        raise Win32Error.from_code(ERROR_INVALID_FUNCTION, f"{self.name!r} cannot be locked")

    def unlock(self, offset: int, length: int) -> None:
        """Unlock a byte range (UnlockFileEx); only a disk file has byte ranges."""
        raise Win32Error.from_code(ERROR_INVALID_FUNCTION, f"{self.name!r} cannot be locked")

    def cancel_io(self, *, all_threads: bool = False) -> None:
        """Cancel the calling thread's pending operations on this file (CancelIo).

        With ``all_threads`` every thread's are cancelled (CancelIoEx with no OVERLAPPED).
        Each completes with ERROR_OPERATION_ABORTED and its event is set.
        """
        return

    def descriptor(self) -> int:
        """The host descriptor behind this file, for a child's standard stream or ``msvcrt``.

        Raises:
            NotSupportedError: this kind of file has none a program could use.
            InvalidHandleError: the file is closed.
        """
        self._check_open()
        raise NotSupportedError(f"{self.name!r} has no descriptor a program could use")

    def release_descriptor(self) -> None:
        """Leave the descriptor open when this file closes: its new owner closes it.

        ``msvcrt.open_osfhandle`` hands a handle's descriptor to the C runtime this way;
        the handle still works until the descriptor is closed.
        """
        self.descriptor()

    def close(self) -> None:
        """Close the file; its pending operations end (ERROR_OPERATION_ABORTED)."""
        self._closed = True

    def close_on_last_handle(self) -> None:
        """Called by the handle table when the last handle to this file is closed."""
        self.close()

    # -- kernel-object protocol (kernel lock held) ------------------------------------------

    def _take(self, thread: ThreadState) -> bool:
        """A satisfied wait changes nothing: the file stays signaled for the next waiter."""
        return False

    def _check_open(self) -> None:
        if self._closed:
            raise InvalidHandleError(f"{self.name!r} is closed")

    def _need(self, rights: int, doing: str) -> None:
        if not self.access & rights:
            raise AccessDeniedError(
                f"{self.name!r} was opened without the access to {doing}; open it with "
                f"{'GENERIC_READ' if rights & FILE_READ_DATA else 'GENERIC_WRITE'}"
            )
