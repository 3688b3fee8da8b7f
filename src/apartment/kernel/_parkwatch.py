"""Who is parked in a wait, and a signal each time a thread parks.

This is what ``apartment.testing.wait_until_blocked`` stands on: a test waits for a thread to
block, without sleeping, by asking :func:`is_parked` and, while the answer is no, handing a
held lock to :func:`watch_parks`; the wait engine releases every such lock as a thread parks
(:func:`notify_blocked`). Everything here runs with the kernel lock held.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import _thread

    from ._core import Waitable
    from ._thread import ThreadHandle

__all__ = [
    "blocked_watchers",
    "is_parked",
    "parked_on",
    "notify_blocked",
    "unwatch_parks",
    "watch_parks",
]

blocked_watchers: list[_thread.LockType] = []
"""Locks of threads in ``apartment.testing.wait_until_blocked``; released when a thread parks."""


def notify_blocked() -> None:
    """Tell every watcher that some thread just parked; caller holds the kernel lock."""
    for lock in blocked_watchers:
        lock.release()
    blocked_watchers.clear()


def is_parked(thread: ThreadHandle, on: Waitable | None = None) -> bool:
    """Tell whether ``thread`` is parked in a wait (on ``on``, if given); kernel lock held.

    A thread stopped at its suspend gate counts as parked when ``on`` is None.
    """
    state = thread._state
    waiter = state.active
    if waiter is not None and waiter.result is None:
        return on is None or any(obj is on for obj in waiter.objects)
    return on is None and state.gate_waiting


def parked_on(thread: ThreadHandle) -> tuple[Waitable, ...] | None:
    """Return what ``thread`` is parked on now (``()`` for a sleep), or None; kernel lock held.

    For diagnostics: a call that got no answer says what the callee's thread is waiting for.
    """
    waiter = thread._state.active
    if waiter is not None and waiter.result is None:
        return waiter.objects
    return None


def watch_parks(lock: _thread.LockType) -> None:
    """Release the held ``lock`` the next time any thread parks; kernel lock held."""
    blocked_watchers.append(lock)


def unwatch_parks(lock: _thread.LockType) -> None:
    """Stop watching with ``lock`` if it was not released yet; kernel lock held."""
    if lock in blocked_watchers:
        blocked_watchers.remove(lock)
