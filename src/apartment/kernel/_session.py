"""This process in the session: the session lock, the undo log, attaching, and fork().

Every change to the shared segment happens under the *session lock*, a process-shared POSIX
semaphore in the segment (``_segment``), as every change to local kernel state happens under
the kernel lock. The lock is robust although a semaphore has no owner:

* A thread sets a *want* word before it tries the semaphore and clears it after it posts it:
  a word of its own in its process's record, or else its process's word, under
  :attr:`Session.local` (so the word is exact). Whoever holds the lock has a want word set.
* Each live process holds a record lock on the byte of its slot in the lives file, which the
  kernel drops when it dies (``_slots``).
* A thread that waited a slice for the lock takes the recovery ``flock``; if the semaphore is
  still taken and every process with a want word set is dead, one of them held it, so the
  thread takes the lock over: it rolls the undo log back (the dead holder's half-done change)
  and carries on as the holder.

A compound change logs each store first (:meth:`Session.put`, :meth:`Session.put_many`) and
ends with :meth:`Session.commit`; ``unlock()`` rolls back whatever was not committed (an
exception in the middle of a change undoes it). Single stores need no log.

The process-table half of a session (liveness, claiming and reserving slots, burying the
dead) is :class:`~._slots.Slots`, its base class.
"""

from __future__ import annotations

import fcntl
import os
import struct
import threading
import warnings
from typing import TYPE_CHECKING, Any, Final, final

from .._fork import SESSION, SHARED, after_fork_in_child, hold_across_fork
from ..errors import ERROR_NO_SYSTEM_RESOURCES, Win32Error
from . import _segment as seg
from ._segment import (
    G_SEM,
    G_SLEEPERS_SEM,
    G_WAKE_SEM,
    H_LOGLEN,
    LOG,
    LOG_ENTRIES,
    P_SLEEPERS,
    P_THREAD_WANTS,
    P_WANT,
    PROC_BASE,
    PROC_WORDS,
    PROCS,
    THREAD_WANTS,
    Segment,
    proc_word,
)
from ._sigdefer import PENDING, guard_session_lock, raise_pending
from ._slots import Slots, add_death_hook

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "Session",
    "S",
    "attach",
    "session",
    "add_death_hook",
    "fork_hooks",
    "SLICE",
    "MAIN_SLICE",
]

SLICE: Final = 0.25
"""Seconds a thread sleeps at a time for the session lock or in a shared wait, so that a
dead process is noticed (and its mutexes abandoned) within about that long."""
MAIN_SLICE: Final = 0.05
"""The main thread's slice: a Ctrl-C that lands just before a sleep begins is seen this soon."""

_FLOCK = struct.Struct("hhqqi")  # struct flock on Linux: type, whence, start, len, pid

fork_hooks: list[Callable[[Session, int], None]] = []
"""``hook(session, slot)``: give the slot reserved for a forked child what the parent holds."""


@final
class Session(Slots):
    """This process attached to the segment of its runtime directory.

    Attributes:
        seg: the segment.
        w: its words.
        slot: this process's slot.
        local: the lock this process's threads take before the session lock.
        posts: thread records to wake once the session lock is released.
        later: calls to make once the session lock is released (timers to schedule).
        recoveries: how many times a thread of this process took the lock over from a dead
            holder.
        miscounts: how many times this process's sleepers word was 0 when a thread that slept
            took itself off it (a bug: the process was buried alive; reported, not fatal).
    """

    __slots__ = (
        "_g",
        "_g_other",
        "_sleepers",
        "_wake",
        "counts_lock",
        "free_wants",
        "later",
        "leave",
        "local",
        "lock",
        "miscounts",
        "posts",
        "recoveries",
        "seg",
        "unlock",
        "w",
    )

    def __init__(self, segment: Segment, local: threading.Lock) -> None:
        self.seg = segment
        self.w = segment.w
        self.local = local
        self.lives = seg.open_lives(segment)
        self._g: Any = segment.sem(G_SEM)
        # The same semaphore through a SemLock of its own: a takeover posts the dead holder's
        # unit through it, so that ``_g``'s count of this process's holds stays right.
        self._g_other: Any = segment.other_sem(G_SEM)
        self._wake: Any = segment.sem(G_WAKE_SEM)
        self._sleepers: Any = segment.sem(G_SLEEPERS_SEM)
        self.slot = -1
        self.pword = 0
        self.want = 0
        self._last_sweep = 0.0
        self.recoveries = 0
        self.miscounts = 0
        self.posts: list[int] = []
        self.later: list[Callable[[], object]] = []
        self.lock: Callable[[], None] = _unclaimed
        self.unlock: Callable[[], None] = _unclaimed
        self.leave: Callable[[], None] = _unclaimed
        self.free_wants: list[int] = []
        self.counts_lock = threading.Lock()  # free_wants, and this process's sleepers count

    def __repr__(self) -> str:
        return f"<Session slot {self.slot} of {self.seg.directory}>"

    # -- the session lock --------------------------------------------------------------------

    def gate(
        self, want: int, local: threading.Lock | None
    ) -> tuple[Callable[[], None], Callable[[], None], Callable[[], None]]:
        """Make ``(lock, unlock, leave)`` for one want word (and, if given, the local lock).

        They are closures over what they touch, as they run on every operation. ``lock()``
        takes the session lock (after ``local``, if any). ``unlock()`` rolls back a change not
        committed, releases the locks, then wakes the thread records queued in :attr:`posts`
        and makes the calls queued in :attr:`later`, outside the locks (the two lists are the
        session lock's: only its holder touches them). ``leave()`` is ``unlock()`` for a hold
        that logged and queued nothing (the fast paths).
        """
        w = self.w
        acquire_local = local.acquire if local is not None else None
        release_local = local.release if local is not None else None
        try_g = self._g.acquire
        post_g = self._g.release
        is_mine = self._g._is_mine
        contended = self._contended
        rollback = self.rollback
        wake_sleeper = self._wake_sleeper
        posts = self.posts
        later = self.later
        ts_sem = self.seg.ts_sem
        sleepers = G_SLEEPERS_SEM // 4  # the semaphore's count (its first word, on Linux)
        pending = PENDING  # a Ctrl-C kept while the main thread held the lock (_sigdefer)

        def lock() -> None:
            if acquire_local is not None:
                acquire_local()
            w[want] = 1
            try:
                if not try_g(False):
                    contended(want)
            except BaseException:
                # A Ctrl-C is raised in the main thread when a call returns, the acquire's too:
                # whether that took the semaphore, only the SemLock knows (its count and last
                # thread). Left held, every process of the session would wait for it for ever.
                if is_mine():
                    post_g()
                w[want] = 0
                if release_local is not None:
                    release_local()
                raise

        def unlock() -> None:
            if w[H_LOGLEN]:
                rollback()
            woken: list[int] | None = None
            calls: list[Callable[[], object]] | None = None
            if posts or later:
                woken = posts[:]
                calls = later[:]
                posts.clear()
                later.clear()
            post_g()
            w[want] = 0
            if w[sleepers]:
                wake_sleeper()
            if release_local is not None:
                release_local()
            if woken:
                for ts in woken:
                    ts_sem(ts).release()
            if calls:
                for call in calls:
                    call()
            if pending[0]:
                raise_pending()

        def leave() -> None:
            post_g()
            w[want] = 0
            if w[sleepers]:
                wake_sleeper()
            if release_local is not None:
                release_local()
            if pending[0]:
                raise_pending()

        guard_session_lock(is_mine, (unlock.__code__, leave.__code__))
        return lock, unlock, leave

    def _wake_sleeper(self) -> None:
        """Wake a process asleep for the session lock, unless a wake-up is pending already."""
        if self._sleepers._get_value() and not self._wake._get_value():
            self._wake.release()

    def _contended(self, want: int) -> None:
        """Sleep until the session lock is ours, taking it over from a dead holder.

        ``want`` is the word the caller set (its process's, or its thread's own).
        """
        w = self.w
        sleepers = self._sleepers
        mine = self.pword + P_SLEEPERS
        slice_ = MAIN_SLICE if threading.current_thread() is threading.main_thread() else SLICE
        waited = 0.0
        while True:
            w[want] = 0
            sleepers.release()
            with self.counts_lock:
                w[mine] += 1
            got = False
            try:
                w[want] = 1
                if self._g.acquire(False):
                    got = True
                else:
                    w[want] = 0
                    if self._wake.acquire(True, slice_):
                        waited = 0.0
                    else:
                        waited += slice_
                        got = waited >= SLICE and self._recover(want)
            finally:
                sleepers.acquire(False)
                counted = self._count_down(mine)
            if not counted:
                try:
                    _warn_miscount(self.slot)
                except BaseException:  # warnings made errors: raise without the lock
                    if got:
                        self._g.release()
                    raise
            if got:
                return
            w[want] = 1
            if self._g.acquire(False):
                return

    def _count_down(self, index: int) -> bool:
        """Take one off this process's sleepers word ``index``; False if it was 0 already.

        It never goes below 0: a word at 0 means a death hook buried this process while one of
        its threads slept for the lock, a bug counted in :attr:`miscounts` (and reported by
        the caller), which must not crash the process.
        """
        w = self.w
        with self.counts_lock:
            count = w[index]
            if count:
                w[index] = count - 1
                return True
            self.miscounts += 1
            return False

    def _recover(self, want: int) -> bool:
        """Take the session lock over if its holder is dead; True if it is now ours.

        ``want`` is the caller's want word, set once the lock is ours.
        """
        fcntl.flock(self.lives, fcntl.LOCK_EX)
        try:
            if self._g._get_value() != 0:
                return False
            w = self.w
            holders = self._wanting()
            if not holders or any(self.alive(slot) for slot in holders):
                return False
            w[want] = 1
            self.rollback()
            for slot in holders:
                self._clear_wants(slot)
            self.recoveries += 1
            # The dead holder's unit, given back and taken again through ``_g``: its SemLock
            # counts the hold as this thread's (``_is_mine()``: a Ctrl-C kept pending while the
            # main thread holds the lock, _sigdefer), and ``unlock()``'s release balances it.
            # A process that takes the lock in between holds it rightly: the change is undone.
            self._g_other.release()
            return bool(self._g.acquire(False))
        finally:
            fcntl.flock(self.lives, fcntl.LOCK_UN)

    def _wanting(self) -> list[int]:
        """The slots of other processes with a want word set (a process word or a thread's)."""
        w = self.w
        words = w[PROC_BASE : PROC_BASE + PROCS * PROC_WORDS].tolist()
        found = []
        for slot in range(PROCS):
            base = slot * PROC_WORDS
            if slot != self.slot and (
                words[base + P_WANT] or any(words[base + P_THREAD_WANTS : base + PROC_WORDS])
            ):
                found.append(slot)
        return found

    # -- changes -----------------------------------------------------------------------------

    def put(self, index: int, value: int) -> None:
        """Store ``value`` at word ``index`` as part of a compound change (logged first)."""
        w = self.w
        n = w[H_LOGLEN]
        if n >= LOG_ENTRIES:
            raise Win32Error.from_code(
                ERROR_NO_SYSTEM_RESOURCES, "a change to shared objects is too large to log"
            )
        w[LOG + 2 * n] = index
        w[LOG + 2 * n + 1] = w[index]
        w[H_LOGLEN] = n + 1
        w[index] = value

    def put_many(self, pairs: list[tuple[int, int]]) -> None:
        """Store ``value`` at word ``index`` for each ``(index, value)``, logged first.

        All the old values are logged before the count of entries grows, and the stores come
        after: a death anywhere leaves either nothing stored or everything undoable. An index
        may appear once only.
        """
        w = self.w
        n = w[H_LOGLEN]
        end = n + len(pairs)
        if end > LOG_ENTRIES:
            raise Win32Error.from_code(
                ERROR_NO_SYSTEM_RESOURCES, "a change to shared objects is too large to log"
            )
        entry = LOG + 2 * n
        for index, _ in pairs:
            w[entry] = index
            w[entry + 1] = w[index]
            entry += 2
        w[H_LOGLEN] = end
        for index, value in pairs:
            w[index] = value

    def commit(self) -> None:
        """End a compound change: what was logged stays."""
        self.w[H_LOGLEN] = 0

    def rollback(self) -> None:
        """Undo the logged stores of the change in progress, newest first (idempotent)."""
        w = self.w
        n = w[H_LOGLEN]
        for i in range(n - 1, -1, -1):
            w[w[LOG + 2 * i]] = w[LOG + 2 * i + 1]
        w[H_LOGLEN] = 0

    def _take_slot(self, slot: int) -> None:
        self.slot = slot
        self.pword = proc_word(slot)
        self.want = self.pword + P_WANT
        self.lock, self.unlock, self.leave = self.gate(self.want, self.local)
        self.free_wants = list(range(THREAD_WANTS - 1, -1, -1))

    def post(self, ts: int) -> None:
        """Wake the thread parked on thread record ``ts`` (any process)."""
        self.seg.ts_sem(ts).release()


def _unclaimed() -> None:
    raise RuntimeError("the session has no slot yet")


def _warn_miscount(slot: int) -> None:
    warnings.warn(
        f"the session's count of threads asleep for its lock in slot {slot} was already 0: "
        "this process was taken for dead (a bug of apartment; please report it)",
        RuntimeWarning,
        stacklevel=3,
    )


S: Session | None = None
"""This process's session once attached (a forked child gets its own); None before."""

_attach_lock = threading.Lock()
_local = threading.Lock()
hold_across_fork(_local, SHARED)
_forks: dict[int, tuple[int, int, int]] = {}
"""Forks in progress, by the forking thread's id: ``(slot, reserver, fork lock descriptor)``;
changed with the session lock held, which no fork happens under (``_local`` is held across
it), so a child sees every descriptor any thread of its parent had open for a fork."""


def session() -> Session:
    """Return this process's session, attaching on first use.

    Raises:
        RuntimeDirError: the runtime directory or the segment is unsafe or unusable.
        SharedUnavailableError: the platform cannot share objects between processes.
    """
    found = S
    if found is not None:
        return found
    return attach()


def attach(claim: Callable[[Session], bool] | None = None) -> Session:
    """Attach this process to its session (once); ``claim`` may claim a reserved slot."""
    global S
    with _attach_lock:
        if S is not None:
            return S
        created = Session(seg.open_segment(), _local)
        if claim is None or not claim(created):
            created.claim_fresh()
        S = created
        return created


def _before_fork() -> None:
    """Reserve a slot for the child, with what this process holds (runs before every fork).

    The slot gets a fork lock (``_slots``): it lives while the child may claim it, however
    long that takes, and is given back at once if the fork fails or the child dies first.
    """
    found = S
    if found is None:
        return
    found.lock()
    try:
        slot = found.reserve()
        try:
            for hook in fork_hooks:
                hook(found, slot)
            found.commit()
            fd = found.stand_fork_lock(slot)
        except BaseException:
            found.rollback()
            found.bury(slot)
            raise
        _forks[threading.get_ident()] = (slot, found.slot, fd)
    finally:
        found.unlock()


def _after_fork_in_parent() -> None:
    """Let go of the fork lock: the child holds it now (if the fork failed, it falls)."""
    with _local:  # no other thread forks meanwhile: a child would inherit it unlisted
        entry = _forks.pop(threading.get_ident(), None)
        if entry is not None and entry[2] >= 0:
            os.close(entry[2])


def _after_fork_in_child() -> None:
    """Claim the slot the parent reserved; this process is another one of the session.

    Then let go of every fork lock inherited (this fork's, and any other thread's of the
    parent): the slot's own byte of the lives file marks this process as live from the claim.
    """
    global S
    parent = S
    if parent is None:
        return
    os.close(parent.lives)
    S = None
    slot, reserver, fd = _forks.get(threading.get_ident(), (-1, -1, -1))
    inherited = [held for _, _, held in _forks.values() if held >= 0]
    _forks.clear()
    try:
        fresh = Session(parent.seg, _local)
        if slot < 0 or not fresh.claim_reserved(slot, reserver, fork_lock=fd >= 0):
            fresh.claim_fresh()
        S = fresh
    finally:
        for held in inherited:
            os.close(held)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork, after_in_parent=_after_fork_in_parent)
after_fork_in_child(_after_fork_in_child, SESSION)
