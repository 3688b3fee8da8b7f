"""This process's place in the session: its slot, the session lock, deaths and recovery.

Every change to the shared segment happens under the *session lock*, a process-shared POSIX
semaphore in the segment (``_segment``), as every change to local kernel state happens under
the kernel lock. The lock is robust although a semaphore has no owner:

* A process sets the *want* word of its slot before it tries the semaphore and clears it
  after it posts it, and its own threads take :attr:`Session.local` first, so the word is
  exact. Whoever holds the lock has its want word set.
* Each live process holds a POSIX record lock on the byte of its slot in the lives file; the
  kernel drops it when the process dies. :meth:`Session.alive` asks with ``F_GETLK``.
* A thread that waited a slice for the lock takes the recovery ``flock``; if the semaphore is
  still taken and every process whose want word is set is dead, one of them held it, so the
  thread takes the lock over: it rolls the undo log back (the dead holder's half-done change)
  and carries on as the holder.

A compound change logs each store first (:meth:`Session.put`) and ends with
:meth:`Session.commit`; :meth:`Session.unlock` rolls back whatever was not committed (an
exception in the middle of a change undoes it). Single stores need no log.

A dead process is buried (:meth:`Session.bury`) by whoever notices it, under the lock: the
death hooks of the modules above (waits, objects, names) each clean up in steps committed on
their own, so a burial that is itself interrupted is simply done again.
"""

from __future__ import annotations

import fcntl
import os
import struct
import threading
import time
from typing import TYPE_CHECKING, Any, Final, final

from .._fork import SESSION, SHARED, after_fork_in_child, hold_across_fork
from ..errors import ERROR_NO_SYSTEM_RESOURCES, Win32Error
from . import _segment as seg
from ._segment import (
    CLEANING,
    FREE,
    G_SEM,
    G_SLEEPERS_SEM,
    G_WAKE_SEM,
    H_LOGLEN,
    LIVE,
    LOG,
    LOG_ENTRIES,
    P_EPOCH,
    P_PID,
    P_RESERVED_AT,
    P_RESERVER,
    P_SLEEPERS,
    P_STATE,
    P_THREAD_WANTS,
    P_WANT,
    PROC_BASE,
    PROC_WORDS,
    PROCS,
    RESERVED,
    THREAD_WANTS,
    Segment,
    proc_word,
)

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
FORK_GRACE: Final = 10
"""Seconds a slot reserved for a forked child stays reserved before the child claims it."""
SWEEP_EVERY: Final = 0.02
"""Seconds between two sweeps for dead processes, unless one is forced."""

_FLOCK = struct.Struct("hhqqi")  # struct flock on Linux: type, whence, start, len, pid

_death_hooks: list[tuple[int, Callable[[Session, int], None]]] = []


def add_death_hook(rank: int, hook: Callable[[Session, int], None]) -> None:
    """Have ``hook(session, slot)`` clean up after each dead process; lower ranks run first.

    It runs with the session lock held, works in steps committed on their own, and skips what
    is already done, so that a burial interrupted by another death can be done again. Ranks:
    10 its waits, 20 its mutexes, 30 its references and names, 40 its timers.
    """
    _death_hooks.append((rank, hook))
    _death_hooks.sort(key=lambda entry: entry[0])


fork_hooks: list[Callable[[Session, int], None]] = []
"""``hook(session, slot)``: give the slot reserved for a forked child what the parent holds."""


@final
class Session:
    """This process attached to the segment of its runtime directory.

    Attributes:
        seg: the segment.
        w: its words.
        slot: this process's slot.
        local: the lock this process's threads take before the session lock.
        posts: thread records to wake once the session lock is released.
        later: calls to make once the session lock is released (timers to schedule).
    """

    __slots__ = (
        "_g",
        "_last_sweep",
        "_sleepers",
        "_wake",
        "counts_lock",
        "free_wants",
        "later",
        "leave",
        "lives",
        "local",
        "lock",
        "posts",
        "pword",
        "recoveries",
        "seg",
        "slot",
        "unlock",
        "w",
        "want",
    )

    def __init__(self, segment: Segment, local: threading.Lock) -> None:
        self.seg = segment
        self.w = segment.w
        self.local = local
        self.lives = seg.open_lives(segment)
        self._g: Any = segment.sem(G_SEM)
        self._wake: Any = segment.sem(G_WAKE_SEM)
        self._sleepers: Any = segment.sem(G_SLEEPERS_SEM)
        self.slot = -1
        self.pword = 0
        self.want = 0
        self._last_sweep = 0.0
        self.recoveries = 0
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
        contended = self._contended
        rollback = self.rollback
        wake_sleeper = self._wake_sleeper
        posts = self.posts
        later = self.later
        ts_sem = self.seg.ts_sem
        sleepers = G_SLEEPERS_SEM // 4  # the semaphore's count (its first word, on Linux)

        def lock() -> None:
            if acquire_local is not None:
                acquire_local()
            w[want] = 1
            if not try_g(False):
                try:
                    contended(want)
                except BaseException:
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

        def leave() -> None:
            post_g()
            w[want] = 0
            if w[sleepers]:
                wake_sleeper()
            if release_local is not None:
                release_local()

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
            try:
                w[want] = 1
                if self._g.acquire(False):
                    return
                w[want] = 0
                if self._wake.acquire(True, slice_):
                    waited = 0.0
                else:
                    waited += slice_
                    if waited >= SLICE and self._recover(want):
                        return
            finally:
                sleepers.acquire(False)
                with self.counts_lock:
                    w[mine] -= 1
            w[want] = 1
            if self._g.acquire(False):
                return

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
            return True
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

    def _clear_wants(self, slot: int) -> None:
        pword = proc_word(slot)
        self.w[pword + P_WANT] = 0
        for i in range(P_THREAD_WANTS, PROC_WORDS):
            self.w[pword + i] = 0

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

    # -- processes ---------------------------------------------------------------------------

    def alive(self, slot: int) -> bool:
        """Tell whether the process of ``slot`` lives.

        A slot reserved for a child lives while the child may still claim it.
        """
        if slot == self.slot:
            return True
        pword = proc_word(slot)
        state = self.w[pword + P_STATE]
        if state == RESERVED:
            return self._reserved_alive(slot)
        query = _FLOCK.pack(fcntl.F_WRLCK, os.SEEK_SET, slot, 1, 0)
        found = _FLOCK.unpack(fcntl.fcntl(self.lives, fcntl.F_GETLK, query))
        return bool(found[0] != fcntl.F_UNLCK)

    def _reserved_alive(self, slot: int) -> bool:
        w = self.w
        pword = proc_word(slot)
        pid = w[pword + P_PID]
        if pid:  # reserved for a child started with CreateProcess: it lives while it runs
            return pid_alive(pid)
        reserver = w[pword + P_RESERVER] - 1
        if reserver < 0 or not self.alive(reserver):
            return False
        return int(time.monotonic()) - w[pword + P_RESERVED_AT] < FORK_GRACE

    def sweep(self, *, force: bool = False) -> None:
        """Bury every process found dead; session lock held. At most every 20 ms unless forced."""
        now = time.monotonic()
        if not force and now - self._last_sweep < SWEEP_EVERY:
            return
        self._last_sweep = now
        w = self.w
        states = w[PROC_BASE + P_STATE : PROC_BASE + PROCS * PROC_WORDS : PROC_WORDS].tolist()
        for slot, state in enumerate(states):
            if state != FREE and slot != self.slot and not self.alive(slot):
                self.bury(slot)

    def bury(self, slot: int) -> None:
        """Clean up after the dead process of ``slot``; session lock held."""
        w = self.w
        pword = proc_word(slot)
        w[pword + P_STATE] = CLEANING
        for _, hook in tuple(_death_hooks):
            hook(self, slot)
        for _ in range(w[pword + P_SLEEPERS]):
            self._sleepers.acquire(False)
        w[pword + P_SLEEPERS] = 0
        self._clear_wants(slot)
        w[pword + P_PID] = 0
        w[pword + P_RESERVER] = 0
        w[pword + P_STATE] = FREE

    def _lock_byte(self, slot: int) -> bool:
        lock = _FLOCK.pack(fcntl.F_WRLCK, os.SEEK_SET, slot, 1, 0)
        try:
            fcntl.fcntl(self.lives, fcntl.F_SETLK, lock)
        except OSError:
            return False
        return True

    def _unlock_byte(self, slot: int) -> None:
        fcntl.fcntl(self.lives, fcntl.F_SETLK, _FLOCK.pack(fcntl.F_UNLCK, os.SEEK_SET, slot, 1, 0))

    def _take_slot(self, slot: int) -> None:
        self.slot = slot
        self.pword = proc_word(slot)
        self.want = self.pword + P_WANT
        self.lock, self.unlock, self.leave = self.gate(self.want, self.local)
        self.free_wants = list(range(THREAD_WANTS - 1, -1, -1))

    def claim_fresh(self) -> None:
        """Claim a free slot for this process (and bury the dead on the way).

        Raises:
            Win32Error: ERROR_NO_SYSTEM_RESOURCES, every slot is taken.
        """
        w = self.w
        start = os.getpid() % PROCS
        for step in range(PROCS):
            slot = (start + step) % PROCS
            if w[proc_word(slot) + P_STATE] != FREE or not self._lock_byte(slot):
                continue
            self._take_slot(slot)
            self.lock()
            try:
                if w[self.pword + P_STATE] == FREE:
                    self._become_live()
                    self.sweep(force=True)
                    return
            finally:
                self.unlock()
            self._unlock_byte(slot)
        self.slot = -1
        raise Win32Error.from_code(
            ERROR_NO_SYSTEM_RESOURCES,
            f"all {PROCS} process slots of the session are taken; end some processes",
        )

    def claim_reserved(self, slot: int, reserver: int) -> bool:
        """Claim the slot a parent reserved for this process; False if it is gone."""
        if not self._lock_byte(slot):
            return False
        self._take_slot(slot)
        w = self.w
        self.lock()
        try:
            pword = self.pword
            if w[pword + P_STATE] == RESERVED and w[pword + P_RESERVER] == reserver + 1:
                self._become_live()
                return True
        finally:
            self.unlock()
        self._unlock_byte(slot)
        self.slot = -1
        return False

    def _become_live(self) -> None:
        w = self.w
        pword = self.pword
        self.put(pword + P_PID, os.getpid())
        self.put(pword + P_EPOCH, (w[pword + P_EPOCH] + 1) & 0xFFFFFFFF)
        self.put(pword + P_RESERVER, 0)
        self.put(pword + P_STATE, LIVE)
        self.commit()

    def reserve(self, pid: int = 0) -> int:
        """Reserve a free slot for a child; session lock held. Returns the slot.

        ``pid`` is the child's, when known (set later with :meth:`set_reserved_pid`
        otherwise); a slot reserved for a child that is not known yet lasts ``FORK_GRACE``
        seconds unless claimed.
        """
        w = self.w
        for slot in range(PROCS):
            pword = proc_word(slot)
            if w[pword + P_STATE] != FREE or self._byte_held(slot):
                continue
            self.put(pword + P_PID, pid)
            self.put(pword + P_RESERVER, self.slot + 1)
            self.put(pword + P_RESERVED_AT, int(time.monotonic()))
            self.put(pword + P_STATE, RESERVED)
            self.commit()
            return slot
        raise Win32Error.from_code(
            ERROR_NO_SYSTEM_RESOURCES, f"all {PROCS} process slots of the session are taken"
        )

    def _byte_held(self, slot: int) -> bool:
        query = _FLOCK.pack(fcntl.F_WRLCK, os.SEEK_SET, slot, 1, 0)
        found = _FLOCK.unpack(fcntl.fcntl(self.lives, fcntl.F_GETLK, query))
        return bool(found[0] != fcntl.F_UNLCK)

    def slot_of_pid(self, pid: int) -> int:
        """Return the live or reserved slot of process ``pid``, or -1; session lock held."""
        w = self.w
        pids = w[PROC_BASE + P_PID : PROC_BASE + PROCS * PROC_WORDS : PROC_WORDS].tolist()
        for slot, found in enumerate(pids):
            if found == pid and w[proc_word(slot) + P_STATE] in (LIVE, RESERVED):
                return slot
        return -1

    def post(self, ts: int) -> None:
        """Wake the thread parked on thread record ``ts`` (any process)."""
        self.seg.ts_sem(ts).release()


def _unclaimed() -> None:
    raise RuntimeError("the session has no slot yet")


def pid_alive(pid: int) -> bool:
    """Tell whether process ``pid`` runs (a zombie does not)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat_file:
            text = stat_file.read()
    except OSError:
        return False
    state = text[text.rfind(b")") + 2 : text.rfind(b")") + 3]
    return state not in (b"Z", b"X", b"x")


S: Session | None = None
"""This process's session once attached (a forked child gets its own); None before."""

_attach_lock = threading.Lock()
_local = threading.Lock()
hold_across_fork(_local, SHARED)
_reservation: list[int] = []  # the slot reserved for the child of a fork in progress
_reserved_by: list[int] = []


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
    """Reserve a slot for the child, with what this process holds (runs before every fork)."""
    found = S
    if found is None:
        return
    found.lock()
    try:
        slot = found.reserve()
        for hook in fork_hooks:
            hook(found, slot)
        found.commit()
    finally:
        found.unlock()
    _reservation.append(slot)
    _reserved_by.append(found.slot)


def _after_fork_in_parent() -> None:
    _reservation.clear()
    _reserved_by.clear()


def _after_fork_in_child() -> None:
    """Claim the slot the parent reserved; this process is another one of the session."""
    global S
    parent = S
    if parent is None:
        return
    os.close(parent.lives)
    S = None
    slot = _reservation.pop() if _reservation else -1
    reserver = _reserved_by.pop() if _reserved_by else -1
    _reservation.clear()
    _reserved_by.clear()
    fresh = Session(parent.seg, _local)
    if slot < 0 or not fresh.claim_reserved(slot, reserver):
        fresh.claim_fresh()
    S = fresh


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork, after_in_parent=_after_fork_in_parent)
after_fork_in_child(_after_fork_in_child, SESSION)
