"""Disk files: files and directories of the file system, with Windows' rules on top of POSIX.

* share modes between handles, in this process and every other (:mod:`._share`);
* byte-range locks, mandatory for reads and writes (:mod:`._filelock`);
* a file pointer per open (SetFilePointer), and reads and writes at an OVERLAPPED's offset;
* FILE_FLAG_OVERLAPPED: a read or write with an Overlapped returns ERROR_IO_PENDING and has
  completed by then (a disk answers at once, as Wine's files do), so a caller that waits for
  the event or calls GetOverlappedResult sees the same thing Windows would show it.
"""

from __future__ import annotations

import os
import stat
import threading
from typing import TYPE_CHECKING, ClassVar

from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_FILE_EXISTS,
    ERROR_HANDLE_EOF,
    ERROR_INVALID_FUNCTION,
    ERROR_NEGATIVE_SEEK,
    AccessDeniedError,
    InvalidHandleError,
    InvalidParameterError,
    LockViolationError,
    Win32Error,
)
from ._dirchanges import ChangeJournal
from ._dosattrib import KEPT_ATTRIBUTES, check_overwrite, created_attributes
from ._file import File, os_error
from ._fileinfo import FileInfo, info_of, to_ns
from ._filelock import FileLocks, LockRequest, finish, retry, wait_for_lock, withdraw
from ._filemodes import (
    CREATE_ALWAYS,
    CREATE_NEW,
    DELETE,
    FILE_APPEND_DATA,
    FILE_ATTRIBUTE_ARCHIVE,
    FILE_BEGIN,
    FILE_CURRENT,
    FILE_END,
    FILE_EXECUTE,
    FILE_FLAG_BACKUP_SEMANTICS,
    FILE_FLAG_DELETE_ON_CLOSE,
    FILE_FLAG_OPEN_REPARSE_POINT,
    FILE_FLAG_OVERLAPPED,
    FILE_READ_DATA,
    FILE_WRITE_ATTRIBUTES,
    FILE_WRITE_DATA,
    OPEN_ALWAYS,
    OPEN_EXISTING,
    READ,
    REMOVE,
    TRUNCATE_EXISTING,
    WRITE,
    data_access,
    map_file_access,
)
from ._ioservice import IO_LOCK
from ._overlapped import DONE, PENDING, IoResult, begin, complete, spare_overlapped
from ._share import ShareRecord, claim

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from typing_extensions import Buffer

    from ._overlapped import Overlapped

__all__ = ["DiskFile", "open_disk_file"]


class DiskFile(File):
    """A file (or, with FILE_FLAG_BACKUP_SEMANTICS, a directory) of the file system."""

    __slots__ = (
        "_delete_on_close", "_directory", "_fd", "_journal", "_locks", "_owns_fd", "_path",
        "_record",
    )  # fmt: skip

    kind: ClassVar[str] = "disk"

    def __init__(self, path: str, fd: int, access: int, flags: int) -> None:
        super().__init__(path, access, bool(flags & FILE_FLAG_OVERLAPPED))
        self._path = path
        self._fd = fd
        self._owns_fd = True
        self._directory = False
        self._delete_on_close = bool(flags & FILE_FLAG_DELETE_ON_CLOSE)
        self._record: ShareRecord | None = None
        self._locks: FileLocks | None = None
        self._journal: ChangeJournal | None = None  # a directory's, from its first read_changes

    def descriptor(self) -> int:
        """The host descriptor of the open file."""
        self._check_open()
        return self._fd

    def release_descriptor(self) -> None:
        """Leave the descriptor open when this file closes: its new owner closes it."""
        self._check_open()
        self._owns_fd = False

    def take_locks(self) -> None:
        """Let a file made for a descriptor the library did not open take byte-range locks.

        Windows' C runtime opens a file with a handle that can LockFileEx; its handle here
        (``_get_osfhandle``) claims no share mode (the runtime's open shared everything), only
        the record that carries its locks, if the descriptor reads or writes.
        """
        self._check_open()
        if self._directory or self._locks is not None:
            return
        if not self.access & (FILE_READ_DATA | FILE_WRITE_DATA | FILE_APPEND_DATA):
            return
        info = os.fstat(self._fd)
        if not stat.S_ISREG(info.st_mode):
            return
        self._record = claim(info.st_dev, info.st_ino, 0, READ | WRITE | REMOVE, self.name)
        self._locks = FileLocks(self._record.fd, (info.st_dev, info.st_ino), self.name)

    # -- reading and writing ----------------------------------------------------------------

    def read_into(self, buffer: Buffer, overlapped: Overlapped | None = None) -> IoResult:
        """Read into ``buffer`` at the file pointer, or at ``overlapped.offset``.

        At the end of the file a plain read returns 0 bytes; a read with an Overlapped fails
        with ERROR_HANDLE_EOF, as Windows reports it.
        """
        self._check_open()
        self._need(FILE_READ_DATA | FILE_EXECUTE, "read it")
        view = memoryview(buffer).cast("B")
        if view.readonly:
            raise TypeError("a read needs a writable buffer")
        offset = self._start(overlapped)
        try:
            if self._locks is not None:
                position = offset if offset >= 0 else os.lseek(self._fd, 0, os.SEEK_CUR)
                self._locks.check_io(position, len(view), write=False)
            if offset >= 0:
                count = os.preadv(self._fd, [view], offset)
            else:
                count = os.readv(self._fd, [view])
        except LockViolationError as exc:
            return self._fail(overlapped, exc)
        except OSError as exc:
            return self._fail(overlapped, os_error(exc, f"reading {self.name!r}"))
        if overlapped is None:
            return IoResult(0, count)
        if not count and len(view):
            return self._fail(overlapped, Win32Error.from_code(ERROR_HANDLE_EOF, "end of file"))
        return self._done(overlapped, offset, count)

    def write(self, data: Buffer, overlapped: Overlapped | None = None) -> IoResult:
        """Write ``data`` at the file pointer, or at ``overlapped.offset``."""
        self._check_open()
        self._need(FILE_WRITE_DATA | FILE_APPEND_DATA, "write it")
        view = memoryview(data).cast("B")
        offset = self._start(overlapped)
        try:
            if self._locks is not None:
                position = offset if offset >= 0 else os.lseek(self._fd, 0, os.SEEK_CUR)
                self._locks.check_io(position, len(view), write=True)
            count = 0
            while count < len(view):  # a regular file writes everything, or fails
                chunk = view[count:]
                if offset >= 0:
                    count += os.pwritev(self._fd, [chunk], offset + count)
                else:
                    count += os.writev(self._fd, [chunk])
        except LockViolationError as exc:
            return self._fail(overlapped, exc)
        except OSError as exc:
            return self._fail(overlapped, os_error(exc, f"writing {self.name!r}"))
        if overlapped is None:
            return IoResult(0, count)
        return self._done(overlapped, offset, count)

    def _start(self, overlapped: Overlapped | None) -> int:
        """Check the Overlapped rules and start the operation; the offset, or -1 for none."""
        if self._directory:
            raise Win32Error.from_code(ERROR_INVALID_FUNCTION, f"{self.name!r} is a directory")
        if overlapped is None:
            if self.overlapped_io:
                raise InvalidParameterError(
                    f"{self.name!r} was opened with FILE_FLAG_OVERLAPPED: pass an OVERLAPPED "
                    "with the offset to read or write at"
                )
            return -1
        begin(overlapped)
        overlapped.completion = self.completion
        return overlapped.offset

    def _done(self, overlapped: Overlapped, offset: int, count: int) -> IoResult:
        if not self.overlapped_io:  # a synchronous handle moves its pointer past the transfer
            os.lseek(self._fd, offset + count, os.SEEK_SET)
        complete(overlapped, 0, count)
        return PENDING if self.overlapped_io else IoResult(0, count)

    def _fail(self, overlapped: Overlapped | None, error: Win32Error) -> IoResult:
        if overlapped is not None:
            complete(overlapped, error.winerror, 0)
            if self.overlapped_io:
                return PENDING  # GetOverlappedResult reports it, as for a pending read
        raise error

    # -- the file pointer, the size, the buffers ---------------------------------------------

    def seek(self, distance: int, method: int = FILE_BEGIN) -> int:
        """Move the file pointer (SetFilePointer) and return its new position.

        Raises:
            InvalidParameterError: ``method`` is not FILE_BEGIN, FILE_CURRENT or FILE_END.
            Win32Error: the position would be before the start (ERROR_NEGATIVE_SEEK).
        """
        self._check_open()
        if method not in (FILE_BEGIN, FILE_CURRENT, FILE_END):
            raise InvalidParameterError(f"{method!r} is not FILE_BEGIN, FILE_CURRENT or FILE_END")
        base = 0
        if method == FILE_CURRENT:
            base = os.lseek(self._fd, 0, os.SEEK_CUR)
        elif method == FILE_END:
            base = os.fstat(self._fd).st_size
        target = base + distance
        if target < 0:
            raise Win32Error.from_code(
                ERROR_NEGATIVE_SEEK, f"position {target} is before the start of {self.name!r}"
            )
        return os.lseek(self._fd, target, os.SEEK_SET)

    def size(self) -> int:
        """Return the file's size in bytes (GetFileSize)."""
        self._check_open()
        return os.fstat(self._fd).st_size

    def truncate(self) -> None:
        """Make the file end at the file pointer (SetEndOfFile)."""
        self._check_open()
        self._need(FILE_WRITE_DATA | FILE_APPEND_DATA, "change its size")
        try:
            os.ftruncate(self._fd, os.lseek(self._fd, 0, os.SEEK_CUR))
        except OSError as exc:
            raise os_error(exc, f"setting the end of {self.name!r}") from None

    def flush(self) -> None:
        """Write the file's buffered data to the disk (FlushFileBuffers)."""
        self._check_open()
        self._need(FILE_WRITE_DATA | FILE_APPEND_DATA, "flush it")
        try:
            os.fsync(self._fd)
        except OSError as exc:
            raise os_error(exc, f"flushing {self.name!r}") from None

    # -- attributes and times -----------------------------------------------------------------

    def file_info(self) -> FileInfo:
        """The file's attributes, times and size, as GetFileTime and FileBasicInfo give them."""
        self._check_open()
        fd = self._fd
        return info_of(os.fstat(fd), os.path.basename(self._path.rstrip("/")), fd)

    def set_times(
        self,
        created: datetime | None = None,
        accessed: datetime | None = None,
        written: datetime | None = None,
    ) -> None:
        """Set the file's times (SetFileTime); None keeps one.

        ``created`` is accepted and not kept: Linux has no creation time to set (the
        creation time read back is the last write time, as on Wine).

        Raises:
            AccessDeniedError: the open lacks FILE_WRITE_ATTRIBUTES (GENERIC_WRITE has it).
        """
        self._check_open()
        if not self.access & FILE_WRITE_ATTRIBUTES:
            raise AccessDeniedError(
                f"{self.name!r} was opened without FILE_WRITE_ATTRIBUTES; open it with "
                "GENERIC_WRITE to set its times"
            )
        if accessed is None and written is None:
            return
        current = os.fstat(self._fd)
        times = (
            current.st_atime_ns if accessed is None else to_ns(accessed),
            current.st_mtime_ns if written is None else to_ns(written),
        )
        try:
            try:
                os.utime(self._fd, ns=times)
            except OSError:  # a descriptor opened for no data (O_PATH): through its name
                os.utime(f"/proc/self/fd/{self._fd}", ns=times)
        except OSError as exc:
            raise os_error(exc, f"setting the times of {self.name!r}") from None

    # -- byte-range locks ---------------------------------------------------------------------

    def lock(
        self,
        offset: int,
        length: int,
        *,
        exclusive: bool = True,
        fail_immediately: bool = False,
        overlapped: Overlapped | None = None,
    ) -> IoResult:
        """Lock ``length`` bytes at ``offset`` (LockFileEx); see :mod:`._filelock` for the rules.

        A lock that must wait blocks a synchronous handle until granted; on an overlapped
        handle it returns ERROR_IO_PENDING and ``overlapped`` completes when it is granted.

        Raises:
            LockViolationError: the range is taken and ``fail_immediately`` is set.
            AccessDeniedError: the file was opened for neither reading nor writing.
        """
        self._check_open()
        if offset < 0 or length < 0 or offset + length > 1 << 64:
            raise InvalidParameterError(f"no such byte range: {length} bytes at {offset}")
        locks = self._locks
        if locks is None:
            raise AccessDeniedError(
                f"{self.name!r} was opened with neither read nor write access; a lock needs one"
            )
        if overlapped is not None:
            begin(overlapped)
            overlapped.completion = self.completion
        with IO_LOCK:
            if locks.try_lock(offset, length, exclusive):
                granted = True
            elif fail_immediately:
                granted = False
            else:
                waiting = overlapped or spare_overlapped()
                if waiting is not overlapped:
                    begin(waiting)
                request = LockRequest(
                    locks, offset, length, exclusive, waiting, threading.get_ident()
                )
                wait_for_lock(request)
                if overlapped is not None and self.overlapped_io:
                    return PENDING
                granted = None  # wait below, out of the lock
        if granted is None:
            self._wait(waiting)
            return DONE
        if not granted:
            error = LockViolationError(
                f"bytes {offset}..{offset + length} of {self.name!r} are locked by a handle; "
                "wait for them (no LOCKFILE_FAIL_IMMEDIATELY) or try again later"
            )
            if overlapped is not None:
                complete(overlapped, error.winerror)
            raise error
        if overlapped is not None:
            complete(overlapped, 0)
        return DONE

    def _wait(self, overlapped: Overlapped) -> None:
        """Wait for a lock request; cancel it if the wait is interrupted (Ctrl-C)."""
        try:
            overlapped.wait()
        except BaseException:
            with IO_LOCK:
                cancelled = withdraw(lambda r: r.overlapped is overlapped)
            finish([], cancelled)
            raise
        overlapped.result()

    def unlock(self, offset: int, length: int) -> None:
        """Unlock exactly a range this handle locked (UnlockFileEx).

        Raises:
            Win32Error: this handle has no lock on exactly that range (ERROR_NOT_LOCKED).
        """
        self._check_open()
        locks = self._locks
        if locks is None:
            raise AccessDeniedError(f"{self.name!r} holds no locks")
        with IO_LOCK:
            locks.unlock(offset, length)
            granted = retry(locks.key)
        finish(granted)

    def read_changes(
        self,
        buffer: Buffer,
        subtree: bool,
        changes: int,
        overlapped: Overlapped | None = None,
    ) -> IoResult:
        """Read what changed in this directory (ReadDirectoryChangesW); see :mod:`._dirchanges`.

        Raises:
            Win32Error: ERROR_INVALID_HANDLE, not a directory; ERROR_INVALID_PARAMETER, no
                change filter; ERROR_ACCESS_DENIED, opened without FILE_LIST_DIRECTORY.
        """
        self._check_open()
        if not self._directory:  # (Wine's code; Windows' is not documented)
            raise InvalidHandleError(f"{self.name!r} is not a directory")
        self._need(FILE_READ_DATA, "list it")
        view = memoryview(buffer).cast("B")
        if view.readonly:
            raise TypeError("a read needs a writable buffer")
        with IO_LOCK:
            journal = self._journal
            if journal is None:
                journal = self._journal = ChangeJournal(self._path, subtree, changes)
        if overlapped is not None:
            overlapped.completion = self.completion
            overlapped.file = self  # the watch drives the directory's signaled state
        return journal.read(view, overlapped)

    # -- cancel and close ---------------------------------------------------------------------

    def cancel_io(self, *, all_threads: bool = False) -> None:
        """Cancel this handle's waiting locks (the calling thread's, or every thread's)."""
        self._check_open()
        locks, me = self._locks, threading.get_ident()
        with IO_LOCK:
            cancelled = withdraw(lambda r: r.locks is locks and (all_threads or r.thread == me))
            journal = self._journal
        finish([], cancelled)
        if journal is not None:
            journal.cancel(all_threads=all_threads)

    def close(self) -> None:
        """Close the file: its locks go, its waiting locks are aborted, the descriptor closes.

        With FILE_FLAG_DELETE_ON_CLOSE the file's delete is pending from now on (no new open),
        and the file goes when its last handle, in any process, closes: maybe this one.
        """
        with IO_LOCK:
            if self._closed:
                return
            self._closed = True
            locks, record = self._locks, self._record
            cancelled = withdraw(lambda r: r.locks is locks) if locks is not None else []
            if locks is not None:
                locks.release_all()
            if record is not None:
                if self._delete_on_close:  # the last open of the file removes it
                    record.delete_on_last_close()
                record.release()  # the OFD locks, shares and byte ranges, go with it
            granted = retry(locks.key) if locks is not None else []
            if self._owns_fd:
                os.close(self._fd)
            journal = self._journal
        if journal is not None:
            journal.close()
        finish(granted, cancelled)

    def __del__(self, _close: Callable[[int], None] = os.close) -> None:
        # Never closed (the Pythonic API's caller forgot): let the descriptors go, which
        # drops its share mode and locks. No lock may be taken in a finalizer. ``_close`` is
        # bound now: at interpreter exit (a C runtime descriptor's file, say) modules are gone.
        if not getattr(self, "_closed", True):
            record = self._record
            if record is not None and record.fd >= 0:
                try:  # noqa: SIM105 - contextlib may be gone at interpreter exit
                    _close(record.fd)
                except OSError:
                    pass
            if getattr(self, "_owns_fd", False):
                try:  # noqa: SIM105
                    _close(self._fd)
                except OSError:
                    pass


def _flags_for(rights: int) -> int:
    reads = bool(rights & (FILE_READ_DATA | FILE_EXECUTE))
    writes = bool(rights & (FILE_WRITE_DATA | FILE_APPEND_DATA))
    if reads and writes:
        mode = os.O_RDWR
    elif writes:
        mode = os.O_WRONLY
    elif reads:
        mode = os.O_RDONLY
    else:
        return os.O_PATH | os.O_CLOEXEC  # no data access: attributes only
    if writes and not rights & FILE_WRITE_DATA:
        mode |= os.O_APPEND
    return mode | os.O_CLOEXEC


def open_disk_file(path: str, access: int, share: int, disposition: int, flags: int) -> DiskFile:
    """Open or create a file as CreateFile does, share modes and all.

    ``already_existed`` on the result tells whether CREATE_ALWAYS or OPEN_ALWAYS found the
    file there (reported through GetLastError as ERROR_ALREADY_EXISTS).

    Raises:
        InvalidParameterError: an unknown disposition.
        SharingViolationError: another open's share mode forbids this one, or the other way.
        Win32Error: ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND, ERROR_FILE_EXISTS,
            ERROR_ACCESS_DENIED (a directory without FILE_FLAG_BACKUP_SEMANTICS), ...
    """
    if disposition not in (
        CREATE_NEW,
        CREATE_ALWAYS,
        OPEN_EXISTING,
        OPEN_ALWAYS,
        TRUNCATE_EXISTING,
    ):
        raise InvalidParameterError(f"{disposition!r} is not a creation disposition")
    rights = map_file_access(access)
    if flags & FILE_FLAG_DELETE_ON_CLOSE:
        rights |= DELETE
    creates = disposition in (CREATE_NEW, CREATE_ALWAYS, OPEN_ALWAYS)
    mode = _flags_for(rights)
    if creates:
        mode |= os.O_CREAT
        if disposition == CREATE_NEW:
            mode |= os.O_EXCL
        if mode & os.O_PATH:  # O_PATH cannot create: make the file, then open it bare
            mode = os.O_RDONLY | os.O_CREAT | (mode & os.O_EXCL) | os.O_CLOEXEC
    existed = os.path.lexists(path) if creates else True
    if existed and disposition == CREATE_ALWAYS:
        _check_overwrite(path, flags)
    if flags & FILE_FLAG_OPEN_REPARSE_POINT and not creates and os.path.islink(path):
        mode = os.O_PATH | os.O_NOFOLLOW | os.O_CLOEXEC  # the link itself, as Windows opens it
    try:
        fd = os.open(path, mode, 0o666)
    except IsADirectoryError:
        fd = _open_directory(path, flags, disposition)
    except OSError as exc:
        raise os_error(exc, f"opening {path!r}") from None
    file: DiskFile | None = None
    try:
        info = os.fstat(fd)
        directory = stat.S_ISDIR(info.st_mode)
        if directory and not flags & FILE_FLAG_BACKUP_SEMANTICS:
            raise Win32Error.from_code(
                ERROR_ACCESS_DENIED,
                f"{path!r} is a directory; open it with FILE_FLAG_BACKUP_SEMANTICS",
            )
        file = DiskFile(path, fd, rights, flags)
        file._directory = directory
        file.already_existed = existed and disposition in (CREATE_ALWAYS, OPEN_ALWAYS)
        wanted = data_access(rights)
        if wanted:
            file._record = claim(info.st_dev, info.st_ino, wanted, share, path)
            if flags & FILE_FLAG_DELETE_ON_CLOSE:
                file._record.delete_on_close(path)
            if rights & (FILE_READ_DATA | FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_EXECUTE):
                file._locks = FileLocks(file._record.fd, (info.st_dev, info.st_ino), path)
    except BaseException:
        if file is not None:  # refused after it was made: its finalizer must close nothing
            file._closed = True  # (by then another file may have the descriptor's number)
            if file._record is not None:
                file._record.release()
        os.close(fd)
        raise
    if existed and disposition in (CREATE_ALWAYS, TRUNCATE_EXISTING) and not directory:
        _truncate(file, fd, path)
    if creates and not directory and (disposition == CREATE_ALWAYS or not existed):
        _give_attributes(file, fd, info, flags, existed)
    return file


def _check_overwrite(path: str, flags: int) -> None:
    try:
        info = os.stat(path)
    except OSError:
        return  # a dangling link: the open says what is wrong
    if stat.S_ISREG(info.st_mode) and not check_overwrite(path, info, flags):
        raise Win32Error.from_code(
            ERROR_ACCESS_DENIED,
            f"{path!r} is hidden or system: CREATE_ALWAYS must give those attributes too",
        )


def _give_attributes(
    file: DiskFile, fd: int, info: os.stat_result, flags: int, existed: bool
) -> None:
    """A made or overwritten file takes ``flags``' attributes, as CreateFile gives them."""
    if not existed and not flags & KEPT_ATTRIBUTES & ~FILE_ATTRIBUTE_ARCHIVE:
        return  # ARCHIVE alone, what a new file shows anyway: nothing to keep
    try:
        created_attributes(fd, info, flags)
    except OSError as exc:
        file.close()
        raise os_error(exc, f"setting the attributes of {file.name!r}") from None


def _open_directory(path: str, flags: int, disposition: int) -> int:
    if not flags & FILE_FLAG_BACKUP_SEMANTICS:
        raise Win32Error.from_code(
            ERROR_ACCESS_DENIED, f"{path!r} is a directory; open it with FILE_FLAG_BACKUP_SEMANTICS"
        )
    if disposition == CREATE_NEW:
        raise Win32Error.from_code(ERROR_FILE_EXISTS, f"{path!r} exists (a directory)")
    if disposition in (CREATE_ALWAYS, TRUNCATE_EXISTING):
        raise Win32Error.from_code(ERROR_ACCESS_DENIED, f"{path!r} is a directory")
    return os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)


def _truncate(file: DiskFile, fd: int, path: str) -> None:
    """Empty a file CREATE_ALWAYS or TRUNCATE_EXISTING opened, once its share check passed."""
    try:
        if file.access & (FILE_WRITE_DATA | FILE_APPEND_DATA):
            os.ftruncate(fd, 0)
        else:
            os.truncate(path, 0)
    except OSError as exc:
        file.close()
        raise os_error(exc, f"truncating {path!r}") from None
