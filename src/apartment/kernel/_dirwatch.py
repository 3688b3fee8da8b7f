"""Change notifications on a folder (FindFirstChangeNotification): an event the file system sets.

A :class:`ChangeNotification` is a manual-reset event that a watcher thread sets when what its
filter looks at changes in the folder (and, with ``subtree``, below it): names of files or
folders, attributes, sizes, write or access times, permissions. Linux's inotify is not
reachable from the standard library, so the watcher compares the folder's listing every
:data:`POLL_SECONDS`; a change is seen within that time. :meth:`~ChangeNotification.rearm`
(FindNextChangeNotification) resets the event, or leaves it set when another change came
since it was set. The watcher ends with the last handle or when the object is collected.
"""

from __future__ import annotations

import os
import stat
import threading
import weakref
from typing import TYPE_CHECKING

from ..errors import ERROR_DIRECTORY, ERROR_INVALID_PARAMETER, Win32Error
from ._event import Event
from ._file import os_error

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["ChangeNotification", "POLL_SECONDS", "walk", "watch_folder"]

POLL_SECONDS = 0.05
_FILE_NAME, _DIR_NAME, _ATTRIBUTES, _SIZE = 0x1, 0x2, 0x4, 0x8
_LAST_WRITE, _LAST_ACCESS, _CREATION, _SECURITY = 0x10, 0x20, 0x40, 0x100
_ALL = 0x17F

Snapshot = dict[str, tuple[object, ...]]


def walk(folder: str, subtree: bool) -> Iterator[tuple[str, os.stat_result, bool]]:
    """Each name under ``folder`` (relative to it), its ``lstat``, and whether it is a folder.

    With ``subtree`` the walk goes into the subfolders. Names that go away meanwhile, and
    folders that cannot be read, are passed over: a watch sees them at its next look.
    """
    pending = [""]
    while pending:
        relative = pending.pop()
        try:
            entries = list(os.scandir(os.path.join(folder, relative)))
        except OSError:
            continue
        for entry in entries:
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            name = os.path.join(relative, entry.name)
            is_dir = stat.S_ISDIR(info.st_mode)
            if is_dir and subtree:
                pending.append(name)
            yield name, info, is_dir


def _snapshot(folder: str, subtree: bool, changes: int) -> Snapshot:
    """What the filter looks at, for each name under ``folder``."""
    found: Snapshot = {}
    for name, info, is_dir in walk(folder, subtree):
        key: list[object] = [is_dir] if changes & (_DIR_NAME if is_dir else _FILE_NAME) else []
        if changes & (_ATTRIBUTES | _SECURITY):
            key += [info.st_mode, info.st_uid, info.st_gid]
        if changes & _SIZE and not is_dir:
            key.append(info.st_size)
        if changes & (_LAST_WRITE | _CREATION):
            key.append(info.st_mtime_ns)
        if changes & _LAST_ACCESS:
            key.append(info.st_atime_ns)
        if key:
            found[name] = tuple(key)
    return found


class ChangeNotification(Event):
    """A folder watch: a manual-reset event set when the folder changes (see the module)."""

    __slots__ = ("_guard", "_more", "_stop", "changes", "folder", "subtree")

    def __init__(self, folder: str, subtree: bool, changes: int) -> None:
        super().__init__(manual_reset=True)
        self.folder, self.subtree, self.changes = folder, subtree, changes
        self._guard = threading.Lock()
        self._more = False  # a change came while the event was set
        self._stop = threading.Event()

    def __repr__(self) -> str:
        return f"<ChangeNotification {self.folder!r} at {id(self):#x}>"

    def _changed(self) -> None:
        with self._guard:
            if self.is_set():
                self._more = True
            else:
                self.set()

    def rearm(self) -> None:
        """Wait for the next change: reset, unless one came since the event was set."""
        with self._guard:
            if self._more:
                self._more = False
            else:
                self.reset()

    def is_set(self) -> bool:
        """Whether the event is set (a change came and :meth:`rearm` has not been called)."""
        return self.statistics().signaled

    def close_on_last_handle(self) -> None:
        """Stop the watcher: its last handle is closed."""
        self._stop.set()


def _watch(ref: weakref.ref[ChangeNotification], stop: threading.Event, before: Snapshot) -> None:
    """The watcher thread: compare the folder's snapshot every POLL_SECONDS."""
    while not stop.wait(POLL_SECONDS):
        notification = ref()
        if notification is None:
            return
        now = _snapshot(notification.folder, notification.subtree, notification.changes)
        if now != before:
            before = now
            notification._changed()
        del notification


def watch_folder(folder: str, subtree: bool, changes: int) -> ChangeNotification:
    """Start watching ``folder`` for the FILE_NOTIFY_CHANGE_* ``changes``.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND; ERROR_DIRECTORY for a file;
            ERROR_INVALID_PARAMETER for no or unknown change bits.
    """
    if not isinstance(folder, str):
        raise TypeError(f"a folder is a str, not {type(folder).__name__}")
    if not changes or changes & ~_ALL:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"{changes:#x} is no change filter")
    try:
        info = os.stat(folder)
    except OSError as exc:
        raise os_error(exc, f"watching {folder!r}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise Win32Error.from_code(ERROR_DIRECTORY, f"{folder!r} is not a folder")
    notification = ChangeNotification(folder, bool(subtree), changes)
    before = _snapshot(folder, bool(subtree), changes)
    threading.Thread(
        target=_watch,
        args=(weakref.ref(notification), notification._stop, before),
        name=f"change-notification {folder}",
        daemon=True,
    ).start()
    return notification
