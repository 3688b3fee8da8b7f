"""RegNotifyChangeKeyValue: set an event at the next change under a key, from any process.

Every write records a row in the file's ``changes`` table. :func:`poll` reads the rows added
since it last looked and sets the events of the watches they match, each once (a watch is
one-shot, as on Windows). A write by this process polls before it returns; a poller thread,
alive only while watches are pending, polls every 50 ms for the writes of other processes.

As on Windows, a watch also ends, setting its event, when the key handle it was made through
closes, or when the thread that made it ends (unless REG_NOTIFY_THREAD_AGNOSTIC was asked for).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import kernel
from .._fork import OUTER, SERVICES, after_fork_in_child, hold_across_fork
from ..kernel.lowlevel import add_exit_hook
from ._store import connect

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "REG_NOTIFY_CHANGE_NAME", "REG_NOTIFY_CHANGE_ATTRIBUTES", "REG_NOTIFY_CHANGE_LAST_SET",
    "REG_NOTIFY_CHANGE_SECURITY", "REG_NOTIFY_THREAD_AGNOSTIC", "end_watch_setting",
    "end_watches_of", "watch", "poll",
]  # fmt: skip

REG_NOTIFY_CHANGE_NAME = 0x1
REG_NOTIFY_CHANGE_ATTRIBUTES = 0x2
REG_NOTIFY_CHANGE_LAST_SET = 0x4
REG_NOTIFY_CHANGE_SECURITY = 0x8
REG_NOTIFY_THREAD_AGNOSTIC = 0x10000000
"""A flag of ``changes``: the watch outlives the thread that made it (Windows 8 and later)."""
_POLL_SECONDS = 0.05


@dataclass
class _Watch:
    key: int
    event: kernel.Event
    subtree: bool
    changes: int
    after: int  # the last change row already seen when the watch began
    owner: object  # the open key it was made through: its close ends the watch
    thread: int | None  # the thread that made it (its end ends the watch), None: agnostic


_lock = threading.Lock()
hold_across_fork(_lock, OUTER)
_watches: list[_Watch] = []
_poller: threading.Thread | None = None
_wake = threading.Event()


def _forget_after_fork() -> None:
    """In a forked child: the parent's watches are not its own, and its poller is gone."""
    global _poller
    _watches.clear()
    _poller = None


after_fork_in_child(_forget_after_fork, SERVICES)


def _last_change() -> int:
    with connect() as connection:
        (last,) = connection.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()
    return int(last)


def watch(key: int, event: kernel.Event, *, subtree: bool, changes: int, owner: object) -> None:
    """Set ``event`` once, at the next change of kind ``changes`` to ``key`` (or below it).

    ``owner`` is the open key the watch is made through (see :func:`end_watches_of`). Unless
    ``changes`` holds REG_NOTIFY_THREAD_AGNOSTIC, the calling thread's end ends the watch too.
    """
    global _poller
    thread = None if changes & REG_NOTIFY_THREAD_AGNOSTIC else kernel.current_thread().ident
    entry = _Watch(key, event, subtree, changes, _last_change(), owner, thread)
    with _lock:
        _watches.append(entry)
        if _poller is None:
            _poller = threading.Thread(target=_run, name="apartment-registry-notify", daemon=True)
            _poller.start()


def end_watches_of(owner: object) -> None:
    """The open key ``owner`` closed: its pending watches end, setting their events."""
    _end(lambda entry: entry.owner is owner)


def end_watch_setting(event: kernel.Event) -> None:
    """End the pending watches that would set ``event`` (a wait for a change given up)."""
    _end(lambda entry: entry.event is event)


def _thread_ended(handle: kernel.ThreadHandle) -> None:
    """An exit hook (on the ending thread): the watches it made end, setting their events."""
    if _watches:  # (read without the lock: this thread's own watches are visible to it)
        _end(lambda entry: entry.thread == handle.ident)


add_exit_hook(_thread_ended)


def _end(ends: Callable[[_Watch], bool]) -> None:
    ended: list[_Watch] = []
    kept: list[_Watch] = []
    with _lock:
        for entry in _watches:
            (ended if ends(entry) else kept).append(entry)
        _watches[:] = kept
    for entry in ended:
        entry.event.set()


def poll() -> None:
    """Set the events of the watches the changes since their start match, and drop those."""
    with _lock:
        if not _watches:
            return
        first = min(entry.after for entry in _watches)
    with connect() as connection:
        rows = connection.execute(
            "SELECT seq, key, kind, chain FROM changes WHERE seq > ? ORDER BY seq", (first,)
        ).fetchall()
    fired: list[_Watch] = []
    with _lock:
        for entry in list(_watches):
            for seq, key, kind, chain in rows:
                if seq <= entry.after or not kind & entry.changes:
                    continue
                if key == entry.key or (entry.subtree and f"/{entry.key}/" in chain):
                    fired.append(entry)
                    _watches.remove(entry)
                    break
    for entry in fired:
        entry.event.set()


def _run() -> None:
    """The poller thread: polls while watches are pending, then ends."""
    global _poller
    while True:
        _wake.wait(_POLL_SECONDS)
        poll()
        with _lock:
            if not _watches:
                _poller = None
                return
