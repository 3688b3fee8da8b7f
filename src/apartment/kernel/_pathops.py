"""Whole-file operations by path: copy, move, make and remove folders, disks and their space.

Paths are the file system's, used as given (as CreateFile uses them). The share modes of
open handles are honoured as Windows honours them: a move or a copy fails with
ERROR_SHARING_VIOLATION while a handle denies what it needs (delete to move, read to copy).
Linux has one tree, not drives: every existing folder is on a fixed drive, and the root
``/`` is the only drive root (GetLogicalDriveStrings).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import time
from typing import TYPE_CHECKING, NamedTuple

from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_ALREADY_EXISTS,
    ERROR_DIR_NOT_EMPTY,
    ERROR_DIR_NOT_ROOT,
    ERROR_DIRECTORY,
    ERROR_FILE_EXISTS,
    ERROR_FILE_NOT_FOUND,
    ERROR_INVALID_PARAMETER,
    ERROR_NOT_SAME_DEVICE,
    ERROR_PATH_NOT_FOUND,
    ERROR_REQUEST_ABORTED,
    ERROR_SHARING_VIOLATION,
    SharingViolationError,
    Win32Error,
)
from ._file import File, os_error
from ._filemodes import READ, REMOVE, SHARE_ALL, WRITE
from ._handles import handles
from ._share import ShareRecord, claim
from ._verbatim import local_path

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._event import Event

__all__ = [
    "full_path_name",
    "CALLBACK_CHUNK_FINISHED",
    "CALLBACK_STREAM_SWITCH",
    "PROGRESS_CANCEL",
    "PROGRESS_CONTINUE",
    "PROGRESS_QUIET",
    "PROGRESS_STOP",
    "copy_file",
    "move_file",
    "create_directory",
    "remove_directory",
    "temp_file_name",
    "DRIVE_UNKNOWN",
    "DRIVE_NO_ROOT_DIR",
    "DRIVE_FIXED",
    "drive_type",
    "drive_roots",
    "DiskSpace",
    "disk_space",
    "hard_link",
    "final_path",
    "search_path",
    "mount_point",
    "symbolic_link",
    "set_current_directory",
    "VolumeInfo",
    "volume_info",
]

DRIVE_UNKNOWN = 0
DRIVE_NO_ROOT_DIR = 1
DRIVE_FIXED = 3

_NUL_OR_EMPTY = "not a path"


def _path(path: str, what: str = "path") -> str:
    if not isinstance(path, str):
        raise TypeError(f"a {what} is a str, not {type(path).__name__}")
    if not path or "\0" in path:
        raise Win32Error.from_code(ERROR_PATH_NOT_FOUND, f"{path!r} is {_NUL_OR_EMPTY}")
    return local_path(path)


def full_path_name(path: str) -> str:
    """The absolute, normalized form of ``path`` (GetFullPathName); it need not exist.

    As Windows normalizes: a trailing separator stays, and the last component loses its
    trailing dots and spaces (``x.`` and ``x `` are ``x``) unless it is only dots and spaces.
    """
    full = os.path.abspath(_path(path))
    head, last = os.path.split(full)
    trimmed = last.rstrip(". ")
    if trimmed and trimmed != last:
        full = os.path.join(head, trimmed)
    if path.endswith(("/", os.sep)) and not full.endswith(os.sep):
        full += os.sep
    return full


def _stat(path: str, doing: str) -> os.stat_result:
    try:
        return os.stat(path)
    except OSError as exc:
        raise os_error(exc, f"{doing} {path!r}") from None


def _claim_existing(path: str, access: int, share: int = SHARE_ALL) -> ShareRecord | None:
    """Claim ``access`` to an existing file by path (None when nothing is there)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return claim(info.st_dev, info.st_ino, access, share, path)


def _release(record: ShareRecord | None) -> None:
    if record is not None:
        record.release()


CALLBACK_CHUNK_FINISHED = 0
"""A copy's progress routine is told that another chunk of the file was copied."""
CALLBACK_STREAM_SWITCH = 1
"""A copy's progress routine is told that the file's data is about to be copied (its first call)."""
PROGRESS_CONTINUE = 0
"""A progress routine's answer: go on."""
PROGRESS_CANCEL = 1
"""A progress routine's answer: stop and delete the new file (ERROR_REQUEST_ABORTED)."""
PROGRESS_STOP = 2
"""A progress routine's answer: stop and keep what was copied (ERROR_REQUEST_ABORTED)."""
PROGRESS_QUIET = 3
"""A progress routine's answer: go on without calling it again."""
_CHUNK = 1 << 20  # bytes between two CALLBACK_CHUNK_FINISHED calls


def copy_file(
    source: str,
    target: str,
    *,
    fail_if_exists: bool = False,
    progress: Callable[[int, int, int], int] | None = None,
    cancel: Event | None = None,
) -> None:
    """Copy a file's data, permissions and times to ``target`` (CopyFile, CopyFileEx).

    ``progress(total, copied, reason)``, if given, is called on the calling thread: first
    with CALLBACK_STREAM_SWITCH before any data moves, then with CALLBACK_CHUNK_FINISHED
    after each chunk (the last one has ``copied == total``). It answers with a PROGRESS_*
    value; an exception it raises cancels the copy (the new file is deleted) and propagates.
    ``cancel``, an event set by any thread, cancels the copy before its next chunk.

    Raises:
        SharingViolationError: a handle to ``source`` does not share read, or one to an
            existing ``target`` does not share write.
        Win32Error: ERROR_FILE_NOT_FOUND or ERROR_PATH_NOT_FOUND (``source`` or ``target``'s
            folder), ERROR_FILE_EXISTS (``fail_if_exists``), ERROR_ACCESS_DENIED (either is a
            folder, or ``target`` is read-only), ERROR_REQUEST_ABORTED (cancelled, or
            ``progress`` answered PROGRESS_CANCEL or PROGRESS_STOP).
        TypeError: ``progress`` is not callable.
    """
    if progress is not None and not callable(progress):
        raise TypeError("a copy's progress routine must be callable")
    _path(source, "source")
    _path(target, "target")
    handles.collect()  # a dropped handle still holds its file: let it go first
    info = _stat(source, "copying")
    if stat.S_ISDIR(info.st_mode):
        raise Win32Error.from_code(ERROR_ACCESS_DENIED, f"{source!r} is a folder, not a file")
    if os.path.isdir(target):
        raise Win32Error.from_code(ERROR_ACCESS_DENIED, f"{target!r} is a folder")
    if os.path.exists(target) and os.path.samefile(source, target):
        code = ERROR_FILE_EXISTS if fail_if_exists else ERROR_SHARING_VIOLATION
        raise Win32Error.from_code(code, f"{target!r} is {source!r} itself")
    if cancel is not None and cancel.is_set():
        raise Win32Error.from_code(ERROR_REQUEST_ABORTED, "the copy was cancelled")
    record = claim(info.st_dev, info.st_ino, READ, SHARE_ALL, source)
    try:
        replaced = _claim_existing(target, WRITE)  # a handle to it may forbid writing
    except BaseException:
        record.release()
        raise
    try:
        mode = os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC | (os.O_EXCL if fail_if_exists else 0)
        try:
            out = os.open(target, mode, 0o666)
        except OSError as exc:
            raise os_error(exc, f"copying to {target!r}") from None
        answer = PROGRESS_CANCEL  # until the data is copied: any failure deletes the copy
        try:
            with open(source, "rb") as stream:
                os.ftruncate(out, 0)
                answer = _copy_data(stream.fileno(), out, info.st_size, progress, cancel)
            os.chmod(out, stat.S_IMODE(info.st_mode))
            os.utime(out, ns=(info.st_atime_ns, info.st_mtime_ns))
        except OSError as exc:
            raise os_error(exc, f"copying {source!r} to {target!r}") from None
        finally:
            os.close(out)
            if answer == PROGRESS_CANCEL:
                with contextlib.suppress(OSError):
                    os.unlink(target)
        if answer in (PROGRESS_CANCEL, PROGRESS_STOP):
            raise Win32Error.from_code(ERROR_REQUEST_ABORTED, "the copy was cancelled")
    finally:
        _release(replaced)
        record.release()


def _copy_data(
    source: int,
    target: int,
    total: int,
    progress: Callable[[int, int, int], int] | None,
    cancel: Event | None,
) -> int:
    """Copy ``source``'s data to ``target``, telling ``progress``; return the last answer.

    PROGRESS_CANCEL or PROGRESS_STOP when the copy was cut short (``cancel`` set counts as
    PROGRESS_CANCEL), else PROGRESS_CONTINUE or PROGRESS_QUIET.
    """
    answer = PROGRESS_CONTINUE
    if progress is not None:
        answer = _answer(progress(total, 0, CALLBACK_STREAM_SWITCH))
    copied = 0
    while answer in (PROGRESS_CONTINUE, PROGRESS_QUIET) and copied < total:
        if cancel is not None and cancel.is_set():
            return PROGRESS_CANCEL
        data = os.read(source, _CHUNK)
        if not data:  # the file shrank meanwhile
            break
        view = memoryview(data)
        while view:
            view = view[os.write(target, view) :]
        copied += len(data)
        if progress is not None and answer == PROGRESS_CONTINUE:
            answer = _answer(progress(total, copied, CALLBACK_CHUNK_FINISHED))
    return answer


def _answer(answer: object) -> int:
    """A progress routine's answer; another number goes on, as PROGRESS_CONTINUE.

    Raises:
        TypeError: not an int.
    """
    if not isinstance(answer, int):
        raise TypeError(f"a progress routine must return a PROGRESS_* int, not {answer!r}")
    return answer if answer in (PROGRESS_CANCEL, PROGRESS_STOP, PROGRESS_QUIET) else 0


def move_file(
    source: str,
    target: str,
    *,
    replace: bool = False,
    copy_allowed: bool = True,
    progress: Callable[[int, int, int], int] | None = None,
) -> None:
    """Rename ``source`` (a file or a folder) to ``target`` (MoveFile, MoveFileEx).

    ``replace`` lets a file take the place of an existing file (MOVEFILE_REPLACE_EXISTING);
    ``copy_allowed`` lets a file move to another file system by a copy and a delete
    (MOVEFILE_COPY_ALLOWED, which MoveFile implies). ``progress`` is told of such a copy
    as :func:`copy_file` tells it (MoveFileWithProgress); a rename moves no data and tells
    it nothing.

    Raises:
        SharingViolationError: a handle to ``source`` does not share delete.
        Win32Error: ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND, ERROR_ALREADY_EXISTS
            (``target`` exists and no ``replace``), ERROR_ACCESS_DENIED (``target`` is a
            folder, or the ``target`` it replaces is open: Windows' rename cannot
            supersede a file in use, even one opened with FILE_SHARE_DELETE),
            ERROR_NOT_SAME_DEVICE (another file system without ``copy_allowed``).
    """
    _path(source, "source")
    _path(target, "target")
    handles.collect()
    try:
        info = os.stat(source, follow_symlinks=False)
    except OSError as exc:
        raise os_error(exc, f"moving {source!r}") from None
    replaces = os.path.lexists(target) and not _same(source, target)
    if replaces:
        if not replace:
            raise Win32Error.from_code(ERROR_ALREADY_EXISTS, f"{target!r} exists")
        if os.path.isdir(target) or stat.S_ISDIR(info.st_mode):
            raise Win32Error.from_code(ERROR_ACCESS_DENIED, f"{target!r} cannot be replaced")
    record = claim(info.st_dev, info.st_ino, REMOVE, SHARE_ALL, source)
    try:
        # sharing nothing: any open of the target refuses (Windows cannot supersede a file
        # in use, FILE_SHARE_DELETE or not)
        replaced = _claim_existing(target, REMOVE, 0) if replaces else None
    except SharingViolationError:
        record.release()
        raise Win32Error.from_code(
            ERROR_ACCESS_DENIED, f"{target!r} is open: close it before it is replaced"
        ) from None
    except BaseException:
        record.release()
        raise
    try:
        os.rename(source, target)
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.lexists(source):  # the target's folder
            raise Win32Error.from_code(
                ERROR_PATH_NOT_FOUND, f"{target!r}'s folder is missing"
            ) from None
        if exc.errno != errno.EXDEV:
            raise os_error(exc, f"moving {source!r} to {target!r}") from None
    else:
        return
    finally:
        _release(replaced)
        record.release()
    if not copy_allowed or stat.S_ISDIR(info.st_mode):  # another file system
        raise Win32Error.from_code(ERROR_NOT_SAME_DEVICE, f"{target!r} is on another file system")
    copy_file(source, target, progress=progress)
    _unlink(source)


def _same(one: str, other: str) -> bool:
    """Whether two names are one file (a dangling link is nobody's)."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError as exc:
        raise os_error(exc, f"deleting {path!r}") from None


def create_directory(path: str) -> None:
    """Make a folder (CreateDirectory); its parent must exist.

    Raises:
        Win32Error: ERROR_ALREADY_EXISTS (anything has the name), ERROR_PATH_NOT_FOUND.
    """
    path = _path(path)
    try:
        os.mkdir(path)
    except FileExistsError:
        raise Win32Error.from_code(ERROR_ALREADY_EXISTS, f"{path!r} exists") from None
    except FileNotFoundError:
        raise Win32Error.from_code(ERROR_PATH_NOT_FOUND, f"{path!r}'s folder is missing") from None
    except OSError as exc:
        raise os_error(exc, f"making the folder {path!r}") from None


def remove_directory(path: str) -> None:
    """Remove an empty folder (RemoveDirectory).

    Raises:
        Win32Error: ERROR_DIR_NOT_EMPTY, ERROR_DIRECTORY (a file), ERROR_FILE_NOT_FOUND,
            ERROR_PATH_NOT_FOUND.
    """
    path = _path(path)
    try:
        os.rmdir(path)
    except OSError as exc:
        if exc.errno == errno.ENOTEMPTY:
            raise Win32Error.from_code(ERROR_DIR_NOT_EMPTY, f"{path!r} is not empty") from None
        if exc.errno == errno.ENOTDIR and os.path.lexists(path):
            raise Win32Error.from_code(ERROR_DIRECTORY, f"{path!r} is not a folder") from None
        raise os_error(exc, f"removing the folder {path!r}") from None


def temp_file_name(folder: str, prefix: str, unique: int = 0) -> tuple[str, int]:
    """A name ``folder/PPPXXXX.tmp`` for a temporary file, and the number XXXX in it.

    The number is in upper-case hex and the extension in lower case, as Windows writes
    them (its ``tmpA1B2.tmp`` files; the documentation's ``.TMP`` is not what it does).

    ``prefix``'s first three characters begin the name; ``unique`` (its low 16 bits) is the
    number when not 0, and then nothing is created. With 0 the number comes from the clock
    and the file is created, empty, so that the name is the caller's (GetTempFileName).

    Raises:
        Win32Error: ERROR_DIRECTORY when ``folder`` is not an existing folder (with 0).
    """
    _path(folder, "folder")
    if not isinstance(prefix, str):
        raise TypeError(f"a prefix is a str, not {type(prefix).__name__}")
    number = unique & 0xFFFF
    if number:
        return os.path.join(folder, f"{prefix[:3]}{number:X}.tmp"), number
    if not os.path.isdir(folder):
        raise Win32Error.from_code(ERROR_DIRECTORY, f"{folder!r} is not a folder")
    start = (time.monotonic_ns() // 1000) & 0xFFFF or 1
    number = start
    while True:
        name = os.path.join(folder, f"{prefix[:3]}{number:X}.tmp")
        try:
            os.close(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666))
        except FileExistsError:
            number = number % 0xFFFF + 1
            if number == start:
                raise Win32Error.from_code(ERROR_FILE_EXISTS, f"{folder!r} is full") from None
            continue
        except OSError as exc:
            raise os_error(exc, f"creating a file in {folder!r}") from None
        return name, number


def drive_type(root: str | None) -> int:
    """DRIVE_FIXED for an existing folder (the root included), DRIVE_NO_ROOT_DIR otherwise.

    None is the current folder's drive, as GetDriveType's NULL.
    """
    path = os.getcwd() if root is None else root
    if not isinstance(path, str):
        raise TypeError(f"a root is a str, not {type(path).__name__}")
    return DRIVE_FIXED if path and os.path.isdir(path) else DRIVE_NO_ROOT_DIR


def drive_roots() -> list[str]:
    """The roots of the drives (GetLogicalDriveStrings): Linux's one tree, ``/``."""
    return ["/"]


class DiskSpace(NamedTuple):
    """The space of the file system holding a folder, in bytes and in clusters.

    ``free_to_caller`` is what an unprivileged user may still use; ``cluster`` the
    file system's block size (sectors of 512 bytes: ``cluster // 512`` a cluster).
    """

    free_to_caller: int
    total: int
    free: int
    cluster: int
    free_clusters: int
    total_clusters: int


def disk_space(folder: str | None) -> DiskSpace:
    """The space of the file system where ``folder`` (None: the current folder) lives.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND or ERROR_PATH_NOT_FOUND (no such folder),
            ERROR_DIRECTORY (a file).
    """
    path = os.getcwd() if folder is None else _path(folder, "folder")
    if not os.path.isdir(path):
        if os.path.exists(path):
            raise Win32Error.from_code(ERROR_DIRECTORY, f"{path!r} is not a folder")
        _stat(path, "reading the space of")
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"{path!r} is not a folder")
    try:
        info = os.statvfs(path)
    except OSError as exc:
        raise os_error(exc, f"reading the space of {path!r}") from None
    size = info.f_frsize or info.f_bsize
    return DiskSpace(
        info.f_bavail * size,
        info.f_blocks * size,
        info.f_bfree * size,
        size,
        info.f_bavail,
        info.f_blocks,
    )


def hard_link(link: str, existing: str) -> None:
    """Give the file ``existing`` a second name ``link`` (CreateHardLink).

    Raises:
        Win32Error: ERROR_ALREADY_EXISTS (``link`` exists), ERROR_FILE_NOT_FOUND,
            ERROR_PATH_NOT_FOUND, ERROR_ACCESS_DENIED (a folder).
    """
    _path(link, "link")
    _path(existing, "target")
    try:
        os.link(existing, link)
    except FileExistsError:
        raise Win32Error.from_code(ERROR_ALREADY_EXISTS, f"{link!r} exists") from None
    except OSError as exc:
        raise os_error(exc, f"linking {link!r} to {existing!r}") from None


def final_path(file: File) -> str:
    """The path an open file has now, renames included (GetFinalPathNameByHandle).

    Read from ``/proc/self/fd``: the kernel's own answer, with links resolved.

    Raises:
        InvalidHandleError: the file is closed.
    """
    try:
        return os.readlink(f"/proc/self/fd/{file.descriptor()}")
    except OSError as exc:
        raise os_error(exc, "reading an open file's path") from None


def search_path(folder: str | None, name: str, extension: str | None = None) -> tuple[str, int]:
    """Find a file as SearchPath does: (its full path, where its last component starts).

    ``folder`` None searches the program's folder, the current folder, then ``PATH``; a
    ``folder`` may list several, separated by ``;``. Folders are found as files are;
    ``extension`` (with its dot) is added when ``name`` has none.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND.
    """
    _path(name, "name")
    if extension and not os.path.splitext(name)[1]:
        name += extension
    if folder is not None:  # a list of folders is separated by ';', as Windows reads it
        places = [place for place in _path(folder, "folder").split(";") if place]
    else:
        places = [os.path.dirname(sys.executable), os.getcwd()]
        places += [place for place in os.environ.get("PATH", "").split(os.pathsep) if place]
    for place in places:
        candidate = os.path.abspath(os.path.join(place, name))
        if os.path.exists(candidate):  # a folder is found too, as Windows finds one
            return candidate, len(candidate) - len(os.path.basename(candidate))
    raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"{name!r} is in none of {places!r}")


def mount_point(path: str) -> str:
    """The folder where the file system holding ``path`` is mounted, ending in ``/``.

    What GetVolumePathName answers (a drive root on Windows); ``path`` need not exist (its
    nearest existing parent decides).
    """
    current = os.path.realpath(full_path_name(path))
    while not os.path.exists(current):
        current = os.path.dirname(current)
    while not os.path.ismount(current):
        current = os.path.dirname(current)
    return os.path.join(current, "")


class VolumeInfo(NamedTuple):
    """What GetVolumeInformation tells of a file system: Linux's answers.

    ``name`` is '' (Linux file systems' labels are not read); ``serial`` the device number's
    low 32 bits (as a file's volume in GetFileInformationByHandle); ``flags`` FILE_* bits
    (case-sensitive, case-preserving, Unicode names, permissions, hard links, read-only);
    ``file_system`` the kernel's type name (``ext4``, ``tmpfs``, ``overlay``, ...).
    """

    name: str
    serial: int
    max_component: int
    flags: int
    file_system: str


_CASE_SENSITIVE, _CASE_PRESERVED, _UNICODE, _ACLS = 0x1, 0x2, 0x4, 0x8
_HARD_LINKS, _READ_ONLY = 0x400000, 0x80000


def _file_system_type(mount: str) -> str:
    mount = mount.rstrip("/") or "/"
    found = "unknown"
    try:
        with open("/proc/self/mounts", encoding="utf-8", errors="replace") as stream:
            for line in stream:
                fields = line.split()
                if len(fields) > 2 and fields[1].replace("\\040", " ") == mount:
                    found = fields[2]  # the last mount on a folder is the one seen
    except OSError:
        pass
    return found


def volume_info(folder: str | None, *, root: bool = False) -> VolumeInfo:
    """The file system holding ``folder`` (None: the current folder's).

    With ``root``, ``folder`` must be where that file system is mounted, as
    GetVolumeInformation wants a volume's root (GetVolumePathName finds it).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND; ERROR_DIRECTORY for a file;
            ERROR_DIR_NOT_ROOT for a folder below a mount point (with ``root``).
    """
    path = os.getcwd() if folder is None else _path(folder, "folder")
    info = _stat(path, "reading the volume of")
    if not stat.S_ISDIR(info.st_mode):
        raise Win32Error.from_code(ERROR_DIRECTORY, f"{path!r} is not a folder")
    if root and folder is not None and not os.path.ismount(path):
        raise Win32Error.from_code(
            ERROR_DIR_NOT_ROOT,
            f"{path!r} is not a volume's root: give {mount_point(path)!r} (GetVolumePathName)",
        )
    space = os.statvfs(path)
    flags = _CASE_SENSITIVE | _CASE_PRESERVED | _UNICODE | _ACLS | _HARD_LINKS
    if space.f_flag & os.ST_RDONLY:
        flags |= _READ_ONLY
    fs_type = _file_system_type(mount_point(path))
    return VolumeInfo("", info.st_dev & 0xFFFFFFFF, space.f_namemax, flags, fs_type)


def symbolic_link(link: str, target: str) -> None:
    """Make ``link`` a symbolic link to ``target`` (CreateSymbolicLink).

    Linux needs no privilege for it, as Windows does in developer mode; ``target`` need not
    exist, and a link to a folder needs no flag.

    Raises:
        Win32Error: ERROR_ALREADY_EXISTS, ERROR_PATH_NOT_FOUND (``link``'s folder).
    """
    _path(link, "link")
    _path(target, "target")
    try:
        os.symlink(target, link)
    except FileExistsError:
        raise Win32Error.from_code(ERROR_ALREADY_EXISTS, f"{link!r} exists") from None
    except FileNotFoundError:
        raise Win32Error.from_code(ERROR_PATH_NOT_FOUND, f"{link!r}'s folder is missing") from None
    except OSError as exc:
        raise os_error(exc, f"linking {link!r} to {target!r}") from None


def set_current_directory(path: str) -> None:
    """Make ``path`` the process's current folder (SetCurrentDirectory).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND, ERROR_DIRECTORY (a file).
    """
    _path(path)
    try:
        os.chdir(path)
    except NotADirectoryError:
        if os.path.lexists(path):
            raise Win32Error.from_code(ERROR_DIRECTORY, f"{path!r} is not a folder") from None
        raise Win32Error.from_code(ERROR_PATH_NOT_FOUND, f"{path!r} is not a path") from None
    except OSError as exc:
        raise os_error(exc, f"entering {path!r}") from None
