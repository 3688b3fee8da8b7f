"""Keeping the library usable in a child made by ``fork()`` (DESIGN.md decision 14).

A fork copies the whole process but only the thread that forks. A lock another thread held at
that instant stays held for ever in the child, and every per-thread structure of the other
threads describes a thread that no longer exists. So, through ``os.register_at_fork``:

* **before** the fork, the forking thread takes every process-wide lock of the library in the
  library's lock order (:data:`CALLBACK` before :data:`OUTER` before :data:`POOL` before
  :data:`TABLE` before :data:`KERNEL` before :data:`SHARED` before :data:`CLOCK`: a lock that
  code takes while holding another ranks after it), so that no other thread is inside a locked
  section at the instant of the fork, nor in a clock callback;
* **after** it, the parent releases them; the child releases them too and then runs the
  child hooks in rank order: shared objects claim the child's process slot; the kernel ends
  the parent's other threads (abandoning their mutexes; their queues and apartments end
  through the exit hooks) and gives the forking thread its new id; the message layer re-keys
  its queues; service threads (the clock's, the MTA's workers, the process reaper) are
  forgotten and start again on demand.

Finalizers that would take a lock (a thread's exit sentinel) ask :func:`in_forked_child`
first: CPython drops the other threads' thread-locals in the child *before* the child hooks
run, while the locks are still held.
"""

from __future__ import annotations

import itertools
import os
import threading
import traceback
import weakref
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "CALLBACK",
    "OUTER",
    "POOL",
    "TABLE",
    "KERNEL",
    "SHARED",
    "CLOCK",
    "SESSION",
    "THREADS",
    "QUEUES",
    "APARTMENTS",
    "SERVICES",
    "hold_across_fork",
    "after_fork_in_child",
    "in_forked_child",
    "a_lock_is_held",
]

# Lock ranks: the order the before-fork hook takes them in.
CALLBACK = 5
"""The clock's lock held while a scheduled callback runs (it takes any lock after it): a fork
waits for the callback to end."""
OUTER = 10
"""Locks held around whole operations (starting the host STA, the registry path)."""
POOL = 20
"""The MTA worker pool's lock."""
TABLE = 30
"""The handle table's and the process reaper's locks."""
KERNEL = 40
"""The kernel lock."""
SHARED = 45
"""The lock a process's threads take before the session lock of shared objects."""
CLOCK = 50
"""The clock's locks, taken under the kernel lock when a timer is set."""

# Child-hook ranks: the order the child hooks run in.
SESSION = 5
"""Shared objects: the child claims the process slot its parent reserved, before all else."""
THREADS = 10
"""The kernel: end the parent's other threads, give the forking thread its new id."""
QUEUES = 20
"""The message layer: queues by the new thread ids."""
APARTMENTS = 30
"""The COM layer: the MTA's worker pool starts afresh."""
SERVICES = 40
"""Service threads (the clock's, the reaper's) start again on demand."""


class _Lock(Protocol):
    def acquire(self, blocking: bool = ..., timeout: float = ...) -> bool: ...

    def release(self) -> None: ...


_order = itertools.count()
_table_lock = threading.Lock()  # guards the two lists; taken first by the before-fork hook
_locks: list[tuple[int, int, weakref.ref[_Lock]]] = []
_hooks: list[tuple[int, int, Callable[[], Callable[[], None] | None]]] = []
_held: list[_Lock] = []
_forking_pid: int | None = None


def hold_across_fork(lock: _Lock, rank: int) -> None:
    """Have the forking thread hold ``lock`` across every fork (kept weakly)."""
    with _table_lock:
        _locks.append((rank, next(_order), weakref.ref(lock)))
        _locks.sort(key=lambda entry: entry[:2])


def after_fork_in_child(hook: Callable[[], None], rank: int) -> None:
    """Run ``hook()`` in every forked child, on its only thread, once the locks are free.

    A bound method is kept weakly (its object may go away); a function strongly.
    """
    getter: Callable[[], Callable[[], None] | None]
    if hasattr(hook, "__self__") and hasattr(hook, "__func__"):
        getter = weakref.WeakMethod(hook)
    else:

        def getter() -> Callable[[], None]:
            return hook

    with _table_lock:
        _hooks.append((rank, next(_order), getter))
        _hooks.sort(key=lambda entry: entry[:2])


def in_forked_child() -> bool:
    """Tell whether this is a child whose fork is not finished yet (the locks are held)."""
    pid = _forking_pid
    return pid is not None and pid != os.getpid()


def a_lock_is_held() -> bool:
    """Tell whether any lock held across forks is held now (by any thread).

    At interpreter shutdown that answers whether a finalizer could wait for ever: CPython
    freezes a daemon thread that wants to run again once the shutdown has begun, so a lock
    it held then is never released.
    """
    for _, _, ref in list(_locks):
        lock = ref()
        locked = getattr(lock, "locked", None)
        if locked is not None and locked():
            return True
    return False


def _before() -> None:
    global _forking_pid
    _table_lock.acquire()
    for _, _, ref in _locks:
        lock = ref()
        if lock is not None:
            lock.acquire()
            _held.append(lock)
    _forking_pid = os.getpid()


def _release_all() -> None:
    while _held:
        _held.pop().release()


def _after_in_parent() -> None:
    global _forking_pid
    _forking_pid = None
    _release_all()
    _table_lock.release()


def _after_in_child() -> None:
    global _forking_pid
    _release_all()
    _locks[:] = [entry for entry in _locks if entry[2]() is not None]
    hooks = [getter() for _, _, getter in _hooks]
    _table_lock.release()
    _forking_pid = None
    for hook in hooks:
        if hook is None:
            continue
        try:
            hook()
        except BaseException:  # one broken hook must not stop the others
            traceback.print_exc()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(
        before=_before, after_in_parent=_after_in_parent, after_in_child=_after_in_child
    )
