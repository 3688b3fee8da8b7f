"""What changed in a folder, name by name (ReadDirectoryChangesW), on a directory handle.

The first read of changes on a directory handle starts its *journal*: from then on every
change the read's filter looks at (in the folder, and below it with ``subtree``) is recorded,
between reads too, until the handle closes, as Windows' file systems keep them. A read takes
every change recorded so far as FILE_NOTIFY_INFORMATION records, waiting for one if there is
none; the filter and ``subtree`` of the first read stay those of the journal.

Changes are found as :mod:`._dirwatch` finds them (Linux's inotify is not reachable from the
standard library): a watcher thread compares the folder's listing every ``POLL_SECONDS``. A
name that went away while a name with the same file id appeared is a rename (old name, then
new name); other names that went are removed, those that came are added, and those whose
watched attributes changed are modified. A file that came with something written in it is
modified too, after it is added, when the filter looks at sizes or write times: Windows
reports the writes into a new file (a program that makes a file and writes it, or copies one
in, sees FILE_ACTION_ADDED then FILE_ACTION_MODIFIED). Names are relative to the folder,
with ``os.sep``.

A read pending when the handle closes completes with no bytes and no error (Windows'
STATUS_NOTIFY_CLEANUP); one cancelled by CancelIo fails with ERROR_OPERATION_ABORTED. Changes
that do not fit the reader's buffer are dropped, and the read completes with no bytes: the
reader must look at the folder again (Windows' rule).
"""

from __future__ import annotations

import struct
import threading
import weakref
from collections import deque
from typing import TYPE_CHECKING, Final, final

from ..errors import ERROR_INVALID_PARAMETER, ERROR_OPERATION_ABORTED, Win32Error
from ._dirwatch import POLL_SECONDS, walk
from ._overlapped import PENDING, IoResult, begin, complete, spare_overlapped

if TYPE_CHECKING:
    from collections.abc import Callable

    from typing_extensions import Buffer

    from ._overlapped import Overlapped

__all__ = [
    "FILE_ACTION_ADDED",
    "FILE_ACTION_MODIFIED",
    "FILE_ACTION_REMOVED",
    "FILE_ACTION_RENAMED_NEW_NAME",
    "FILE_ACTION_RENAMED_OLD_NAME",
    "ChangeJournal",
    "decode_changes",
    "encode_changes",
]

FILE_ACTION_ADDED: Final = 1
FILE_ACTION_REMOVED: Final = 2
FILE_ACTION_MODIFIED: Final = 3
FILE_ACTION_RENAMED_OLD_NAME: Final = 4
FILE_ACTION_RENAMED_NEW_NAME: Final = 5

_FILE_NAME, _DIR_NAME, _ATTRIBUTES, _SIZE = 0x1, 0x2, 0x4, 0x8
_LAST_WRITE, _LAST_ACCESS, _CREATION, _SECURITY = 0x10, 0x20, 0x40, 0x100
_ALL: Final = 0x17F
_HEAD = struct.Struct("<III")  # NextEntryOffset, Action, FileNameLength (bytes)

Change = tuple[int, str]
# file id, is a folder, watched attributes, a file with something written in it
_Entry = tuple[int, bool, tuple[object, ...], bool]


def encode_changes(changes: list[Change]) -> bytes:
    """The FILE_NOTIFY_INFORMATION records of ``changes``, each DWORD-aligned."""
    parts: list[bytes] = []
    for number, (action, name) in enumerate(changes):
        raw = name.encode("utf-16-le")
        size = (_HEAD.size + len(raw) + 3) & ~3
        following = size if number + 1 < len(changes) else 0
        parts.append(_HEAD.pack(following, action, len(raw)) + raw.ljust(size - _HEAD.size, b"\0"))
    return b"".join(parts)


def decode_changes(buffer: Buffer, size: int) -> list[Change]:
    """Read the ``(action, name)`` pairs from the first ``size`` bytes of FILE_NOTIFY_INFORMATION.

    Raises:
        ValueError: ``size`` is larger than the buffer, or a record runs off its end.
    """
    view = memoryview(buffer).cast("B")
    if size > len(view):
        raise ValueError(f"buffer is only {len(view)} bytes long, but {size} bytes were requested")
    found: list[Change] = []
    at = 0
    if size < _HEAD.size + 2:
        return found
    while True:
        following, action, length = _HEAD.unpack_from(view, at)
        if at + _HEAD.size + length > len(view):
            raise ValueError("a record runs off the end of the buffer")
        name = bytes(view[at + _HEAD.size : at + _HEAD.size + length]).decode("utf-16-le")
        found.append((action, name))
        if not following:
            return found
        at += following
        if at > size:
            raise ValueError("the records run off the end of the buffer")


def _listing(folder: str, subtree: bool, changes: int) -> dict[str, _Entry]:
    """What the filter looks at, for each name under ``folder`` (relative to it)."""
    found: dict[str, _Entry] = {}
    for name, info, is_dir in walk(folder, subtree):
        key: list[object] = []
        if changes & (_ATTRIBUTES | _SECURITY):
            key += [info.st_mode, info.st_uid, info.st_gid]
        if changes & _SIZE and not is_dir:
            key.append(info.st_size)
        if changes & (_LAST_WRITE | _CREATION) and not is_dir:
            key.append(info.st_mtime_ns)
        if changes & _LAST_ACCESS and not is_dir:
            key.append(info.st_atime_ns)
        found[name] = (info.st_ino, is_dir, tuple(key), not is_dir and info.st_size > 0)
    return found


def _differences(before: dict[str, _Entry], now: dict[str, _Entry], changes: int) -> list[Change]:
    """The changes from one listing to the next that the filter reports, renames paired."""

    def named(entry: _Entry) -> bool:  # a name change the filter looks at
        return bool(changes & (_DIR_NAME if entry[1] else _FILE_NAME))

    gone = sorted(name for name in before if name not in now)
    came = sorted(name for name in now if name not in before)
    found: list[Change] = []
    by_id = {now[name][0]: name for name in came}
    for name in gone:
        entry = before[name]
        new_name = by_id.pop(entry[0], None)
        if new_name is not None and named(entry):
            found.append((FILE_ACTION_RENAMED_OLD_NAME, name))
            found.append((FILE_ACTION_RENAMED_NEW_NAME, new_name))
            came.remove(new_name)
        elif named(entry):
            found.append((FILE_ACTION_REMOVED, name))
    for name in came:
        if named(now[name]):
            found.append((FILE_ACTION_ADDED, name))
        if now[name][3] and changes & (_SIZE | _LAST_WRITE):
            # Made and written to between two looks: Windows reports the write too.
            found.append((FILE_ACTION_MODIFIED, name))
    for name, entry in now.items():
        old = before.get(name)
        if old is not None and old[2] != entry[2]:
            found.append((FILE_ACTION_MODIFIED, name))
    return found


@final
class _Read:
    """A read of changes that waits: its Overlapped, buffer and thread."""

    __slots__ = ("overlapped", "thread", "view")

    def __init__(self, overlapped: Overlapped, view: memoryview) -> None:
        self.overlapped = overlapped
        self.view = view
        self.thread = threading.get_ident()


@final
class ChangeJournal:
    """The changes recorded on one directory handle since its first read (see the module)."""

    __slots__ = ("__weakref__", "_changes", "_closed", "_lock", "_reads", "_stop", "subtree")

    def __init__(self, folder: str, subtree: bool, changes: int) -> None:
        if isinstance(changes, bool) or not isinstance(changes, int):
            raise TypeError(f"a change filter is an int, not {type(changes).__name__}")
        if not changes or changes & ~_ALL:
            raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"{changes:#x} is no change filter")
        self.subtree = bool(subtree)
        self._lock = threading.Lock()
        self._changes: list[Change] = []
        self._reads: deque[_Read] = deque()
        self._closed = False
        self._stop = threading.Event()
        before = _listing(folder, self.subtree, changes)
        threading.Thread(
            target=_watch,
            args=(weakref.ref(self), self._stop, folder, changes, before),
            name=f"directory-changes {folder}",
            daemon=True,
        ).start()

    def read(self, buffer: memoryview, overlapped: Overlapped | None) -> IoResult:
        """Take the changes recorded so far into ``buffer``, waiting for one if there is none.

        With an Overlapped the read returns ERROR_IO_PENDING when it must wait, and the
        Overlapped completes with the byte count; without, the calling thread waits.
        """
        waiting = overlapped or spare_overlapped()
        begin(waiting)
        with self._lock:
            if self._changes:
                status, count = self._fill(buffer)
                done = True
            else:
                self._reads.append(_Read(waiting, buffer))
                done = False
        if done:
            complete(waiting, status, count)
            return IoResult(status, count)
        if overlapped is not None:
            return PENDING
        try:
            waiting.wait()
        except BaseException:
            self._withdraw(lambda read: read.overlapped is waiting, ERROR_OPERATION_ABORTED)
            raise
        return IoResult(0, waiting.result())

    def _fill(self, view: memoryview) -> tuple[int, int]:
        """Move every change recorded into ``view``; lock held. (0, bytes) or (0, 0): too big."""
        records = encode_changes(self._changes)
        self._changes.clear()
        if len(records) > len(view):
            return 0, 0
        view[: len(records)] = records
        return 0, len(records)

    def _record(self, found: list[Change]) -> None:
        """The watcher saw changes: record them, and complete the oldest waiting read."""
        with self._lock:
            if self._closed:
                return
            self._changes += found
            if not self._reads:
                return
            read = self._reads.popleft()
            status, count = self._fill(read.view)
        complete(read.overlapped, status, count)

    def _withdraw(self, match: Callable[[_Read], bool], status: int) -> None:
        with self._lock:
            ended = [read for read in self._reads if match(read)]
            for read in ended:
                self._reads.remove(read)
        for read in ended:
            complete(read.overlapped, status, 0)

    def cancel(self, *, all_threads: bool = False) -> None:
        """Abort the waiting reads of the calling thread (or all): ERROR_OPERATION_ABORTED."""
        me = threading.get_ident()
        self._withdraw(lambda read: all_threads or read.thread == me, ERROR_OPERATION_ABORTED)

    def close(self) -> None:
        """The handle closed: the waiting reads complete with no bytes; the watcher stops."""
        with self._lock:
            self._closed = True
        self._stop.set()
        self._withdraw(lambda read: True, 0)


def _watch(
    ref: weakref.ref[ChangeJournal],
    stop: threading.Event,
    folder: str,
    changes: int,
    before: dict[str, _Entry],
) -> None:
    """The watcher thread: compare the folder's listing every POLL_SECONDS."""
    while not stop.wait(POLL_SECONDS):
        journal = ref()
        if journal is None:
            return
        now = _listing(folder, journal.subtree, changes)
        found = _differences(before, now, changes)
        before = now
        if found:
            journal._record(found)
        del journal
