"""A server process's life: it quits a short while after its last outside reference goes.

pywin32's local server keeps a lock count (objects alive, plus ``LockServer`` locks) and,
when it drops to 0, posts WM_QUIT to the thread ``pythoncom.EnableQuitMessage`` named; that
thread's ``PumpMessages`` then returns and the server revokes its classes and exits
(semantics.md §7.8). Here the count is what other processes hold: every object exported to
a connection (however many references the connection holds to it counts once), plus the
locks. When it reaches 0 and stays there for the *linger* (default 2 s,
``$APARTMENT_SERVER_LINGER`` or :func:`set_server_linger`), the server stops being reachable
(the retire hook of :mod:`._localserver`: no new client can find it) and then posts WM_QUIT.
A client that activates during the linger keeps the server, and one that is activating at
the moment it ends makes the retirement wait (the hook says "not now").

A server that no client ever uses quits after the linger too: the count starts at 0 when its
first class object becomes reachable. A process that never called :func:`enable_quit_message`
never quits on its own.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

from .. import messages
from .._clock import get_clock
from .._fork import OUTER, hold_across_fork

if TYPE_CHECKING:
    from collections.abc import Callable

    from .._clock import TimerHandle

__all__ = [
    "DEFAULT_LINGER",
    "enable_quit_message",
    "lock_server",
    "add_references",
    "drop_references",
    "arm",
    "set_retire_hook",
    "set_server_linger",
    "server_linger",
    "outside_references",
]

DEFAULT_LINGER = 2.0
"""Seconds a server waits, once nothing outside holds it, before it quits."""


class _Life:
    """The count and the pending quit, under ``lock``."""

    __slots__ = ("linger", "lock", "locks", "quit_thread", "references", "retire", "timer")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.references = 0
        self.locks = 0
        self.quit_thread: int | None = None
        self.timer: TimerHandle | None = None
        self.retire: Callable[[], bool] | None = None
        self.linger: float | None = None  # None: the environment's, else DEFAULT_LINGER


_life = _Life()


def server_linger() -> float:
    """Seconds the server lingers after its last outside reference goes."""
    linger = _life.linger
    if linger is not None:
        return linger
    try:
        return max(float(os.environ.get("APARTMENT_SERVER_LINGER", DEFAULT_LINGER)), 0.0)
    except ValueError:
        return DEFAULT_LINGER


def set_server_linger(seconds: float | None) -> float | None:
    """Set how long this server lingers (None: ``$APARTMENT_SERVER_LINGER`` or 2 s).

    Returns the previous setting.
    """
    if seconds is not None and (isinstance(seconds, bool) or not seconds >= 0):
        raise ValueError(f"a linger is a number of seconds >= 0, not {seconds!r}")
    with _life.lock:
        previous, _life.linger = _life.linger, seconds
    return previous


def enable_quit_message(thread_id: int) -> None:
    """Post WM_QUIT to ``thread_id`` when the server's last outside reference is gone.

    pythoncom.EnableQuitMessage: the thread pumping the server's messages then returns from
    its loop, revokes the classes and ends the process. 0 (no thread has that id) asks for
    no WM_QUIT any more.
    """
    if isinstance(thread_id, bool) or not isinstance(thread_id, int):
        raise TypeError(f"a thread id is an int, not {thread_id!r}")
    with _life.lock:
        _life.quit_thread = thread_id or None


def set_retire_hook(retire: Callable[[], bool]) -> None:
    """Set what makes the server unreachable before it quits (:mod:`._localserver`'s).

    ``retire()`` runs on the clock's thread and must not block. It must check
    :func:`outside_references` once nothing can add to them (no client is activating), as
    an activation that ended meanwhile may have taken one; False means "not now", and the
    quit is tried again a little later.
    """
    _life.retire = retire


def outside_references() -> int:
    """How many objects other processes hold here, plus the LockServer locks."""
    with _life.lock:
        return _life.references + _life.locks


def lock_server(lock: bool) -> None:
    """Keep the server running without objects (IClassFactory::LockServer), or stop keeping it."""
    with _life.lock:
        _life.locks = _life.locks + 1 if lock else max(_life.locks - 1, 0)
        _changed_locked()


def add_references(count: int = 1) -> None:
    """Objects were exported to another process (a connection holds them now)."""
    with _life.lock:
        _life.references += count
        _changed_locked()


def drop_references(count: int = 1) -> None:
    """Another process let go of exported objects (released them, or went away)."""
    if count:
        with _life.lock:
            _life.references -= count
            _changed_locked()


def arm() -> None:
    """Start the linger now if nothing holds the server (its first class became reachable)."""
    with _life.lock:
        _changed_locked()


_RETRY = 0.05
"""Seconds before a server that could not retire (a client was activating) looks again."""


def _changed_locked(delay: float | None = None) -> None:
    """The count changed: cancel a pending quit, or start one (after ``delay``) at 0."""
    timer = _life.timer
    if timer is not None:
        timer.cancel()
        _life.timer = None
    if _life.references + _life.locks == 0 and _life.quit_thread is not None:
        clock = get_clock()
        when = clock.now() + (server_linger() if delay is None else delay)
        token: list[TimerHandle] = []  # filled before _expire can take the lock we hold
        token.append(clock.call_at(when, lambda: _expire(token)))
        _life.timer = token[0]


def _expire(token: list[TimerHandle]) -> None:
    """The linger passed with nothing held (on the clock's thread): retire, then quit."""
    with _life.lock:
        if _life.timer is not token[0] or _life.references + _life.locks:
            return  # a later change cancelled this quit (the cancel may race with the run)
        _life.timer = None
        thread, retire = _life.quit_thread, _life.retire
    if thread is None:
        return
    if retire is not None and not retire():
        with _life.lock:  # an activation was on its way: look again soon
            _changed_locked(max(server_linger(), _RETRY))
        return
    try:
        messages.post_thread_message(thread, messages.WM_QUIT, 0, 0)
    except Exception:
        return
