"""Process slots: who is alive, claiming a slot, reserving one for a child, burying the dead.

Each process of the session has a slot in the segment's process table. A live process holds
a POSIX record lock on the byte of its slot in the lives file (``kernel-v1.lives``); the
kernel drops it when the process dies, before it is a zombie and whatever the signal, so
:meth:`Slots.alive` tells a dead process from a live one with ``F_GETLK`` and no pid-reuse
race. A slot reserved for a child lives while the child may still claim it:

* a child claiming its slot locks the slot's byte first, so it lives from then on however long
  it then waits for the session lock;
* a forked child is unknown to the others until it claims (its parent does not learn its pid in
  time), so the parent stands a *fork lock* for it before the fork: an open-file-description
  lock on the slot's byte of the segment file, taken through a descriptor of its own that the
  child inherits and the parent closes after the fork. It stands while the child holds that
  descriptor (until it has claimed, or dies) and falls at once if the fork failed or the child
  died, pid reuse, pid namespaces and zombies aside;
* a child started by CreateProcess lives while its pid runs with the start time recorded;
  before its parent records the pid, while its parent lives.

Time decides only where nothing else can: a reservation whose parent died before it recorded the
child's pid, or a fork where the kernel refused the fork lock, lasts ``FORK_GRACE`` seconds.

A dead process is buried (:meth:`Slots.bury`) by whoever notices it, under the session lock:
the death hooks of the modules above (waits, mutexes, references, timers) each clean up in
steps committed on their own, so a burial that is itself interrupted is simply done again.

:class:`Slots` is the session's half that deals with processes; ``_session.Session`` adds the
lock and the undo log.
"""

from __future__ import annotations

import fcntl
import os
import struct
import time
from typing import TYPE_CHECKING, Any, Final

from ..errors import ERROR_NO_SYSTEM_RESOURCES, Win32Error
from ._segment import (
    CLEANING,
    FREE,
    LIVE,
    P_EPOCH,
    P_FORK_LOCK,
    P_PID,
    P_RESERVED_AT,
    P_RESERVER,
    P_RESERVER_EPOCH,
    P_SLEEPERS,
    P_START,
    P_STATE,
    P_THREAD_WANTS,
    P_WANT,
    PROC_BASE,
    PROC_WORDS,
    PROCS,
    RESERVED,
    proc_word,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._segment import Segment
    from ._session import Session

__all__ = ["Slots", "add_death_hook", "pid_alive", "FORK_GRACE", "SWEEP_EVERY"]

FORK_GRACE: Final = 10
"""Seconds a reserved slot lasts unclaimed when nothing tells whether its child lives (see the
module doc: its parent died before it knew the child, or the fork lock was refused)."""
SWEEP_EVERY: Final = 0.02
"""Seconds between two sweeps for dead processes, unless one is forced."""

_FLOCK = struct.Struct("hhqqi")  # struct flock on Linux: type, whence, start, len, pid
_FORK_LOCKED: Final = 1  # P_FORK_LOCK: the fork lock stands for the child
_FORK_UNLOCKED: Final = 2  # P_FORK_LOCK: a fork, but the kernel refused the lock

_death_hooks: list[tuple[int, Callable[[Session, int], None]]] = []


def add_death_hook(rank: int, hook: Callable[[Session, int], None]) -> None:
    """Have ``hook(session, slot)`` clean up after each dead process; lower ranks run first.

    It runs with the session lock held, works in steps committed on their own, and skips what
    is already done, so that a burial interrupted by another death can be done again. Ranks:
    10 its waits, 20 its mutexes, 30 its references and names, 40 its timers.
    """
    _death_hooks.append((rank, hook))
    _death_hooks.sort(key=lambda entry: entry[0])


class Slots:
    """The process-table half of a session (see the module doc); ``Session`` is the other."""

    __slots__ = ("_last_sweep", "lives", "pword", "slot", "want")

    lives: int
    """This process's descriptor of the lives file."""
    pword: int
    """The word index of this process's record."""
    slot: int
    """This process's slot (-1 before it has one)."""
    want: int
    """The word index of the process's want word."""
    _last_sweep: float

    # Provided by Session:
    seg: Segment
    w: memoryview
    _sleepers: Any
    lock: Callable[[], None]
    unlock: Callable[[], None]

    if TYPE_CHECKING:  # Session defines these; declared here for the type checker only

        def put(self, index: int, value: int) -> None: ...

        def put_many(self, pairs: list[tuple[int, int]]) -> None: ...

        def commit(self) -> None: ...

        def _take_slot(self, slot: int) -> None: ...

    def _clear_wants(self, slot: int) -> None:
        pword = proc_word(slot)
        self.w[pword + P_WANT] = 0
        for i in range(P_THREAD_WANTS, PROC_WORDS):
            self.w[pword + i] = 0

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
        """Tell whether the child of reserved ``slot`` may still claim it (the module doc)."""
        if self._byte_held(slot):  # the child claims it: it waits for the session lock
            return True
        w = self.w
        pword = proc_word(slot)
        fork = w[pword + P_FORK_LOCK]
        if fork == _FORK_LOCKED:
            return self._fork_lock_held(slot)
        pid = w[pword + P_PID]
        if pid:  # reserved for a child started with CreateProcess: it lives while it runs
            return pid_alive(pid, w[pword + P_START])
        reserver = w[pword + P_RESERVER] - 1
        parent_lives = (
            0 <= reserver < PROCS
            and reserver != slot
            and w[proc_word(reserver) + P_STATE] == LIVE
            and w[proc_word(reserver) + P_EPOCH] == w[pword + P_RESERVER_EPOCH]
            and self.alive(reserver)
        )
        if parent_lives and fork != _FORK_UNLOCKED:
            return True  # its parent records the child's pid, or gives the slot back
        if fork == _FORK_UNLOCKED and not parent_lives:
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
            hook(self, slot)  # type: ignore[arg-type]  # a Session
        for _ in range(w[pword + P_SLEEPERS]):
            self._sleepers.acquire(False)
        w[pword + P_SLEEPERS] = 0
        self._clear_wants(slot)
        w[pword + P_PID] = 0
        w[pword + P_RESERVER] = 0
        w[pword + P_FORK_LOCK] = 0
        w[pword + P_STATE] = FREE

    def _lock_byte(self, slot: int, *, wait: bool = False) -> bool:
        lock = _FLOCK.pack(fcntl.F_WRLCK, os.SEEK_SET, slot, 1, 0)
        try:
            fcntl.fcntl(self.lives, fcntl.F_SETLKW if wait else fcntl.F_SETLK, lock)
        except OSError:
            return False
        return True

    def _unlock_byte(self, slot: int) -> None:
        fcntl.fcntl(self.lives, fcntl.F_SETLK, _FLOCK.pack(fcntl.F_UNLCK, os.SEEK_SET, slot, 1, 0))

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

    def claim_reserved(self, slot: int, reserver: int, *, fork_lock: bool = False) -> bool:
        """Claim the slot a parent reserved for this process; False if it is gone.

        ``fork_lock``: this process holds the slot's fork lock, so the slot stays reserved for
        it and nobody else keeps its byte for long (a process claiming a fresh slot that read
        the slot free just before it was reserved, until it sees it is not): wait for the byte
        rather than lose the reservation.
        """
        if not self._lock_byte(slot, wait=fork_lock):
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
        self.put(pword + P_FORK_LOCK, 0)
        self.put(pword + P_STATE, LIVE)
        self.commit()

    def reserve(self, pid: int = 0) -> int:
        """Reserve a free slot for a child; session lock held. Returns the slot.

        ``pid`` is the child's, when known (its parent records it later otherwise, or stands
        a fork lock for it: :meth:`stand_fork_lock`).
        """
        w = self.w
        for slot in range(PROCS):
            pword = proc_word(slot)
            if w[pword + P_STATE] != FREE or self._byte_held(slot):
                continue
            self.put_many(
                [
                    (pword + P_PID, pid),
                    (pword + P_START, 0),
                    (pword + P_FORK_LOCK, 0),
                    (pword + P_RESERVER, self.slot + 1),
                    (pword + P_RESERVER_EPOCH, w[self.pword + P_EPOCH]),
                    (pword + P_RESERVED_AT, int(time.monotonic())),
                    (pword + P_STATE, RESERVED),
                ]
            )
            self.commit()
            return slot
        raise Win32Error.from_code(
            ERROR_NO_SYSTEM_RESOURCES, f"all {PROCS} process slots of the session are taken"
        )

    def _byte_held(self, slot: int) -> bool:
        query = _FLOCK.pack(fcntl.F_WRLCK, os.SEEK_SET, slot, 1, 0)
        found = _FLOCK.unpack(fcntl.fcntl(self.lives, fcntl.F_GETLK, query))
        return bool(found[0] != fcntl.F_UNLCK)

    def stand_fork_lock(self, slot: int) -> int:
        """Stand the fork lock of ``slot``, reserved for the child of a fork about to happen.

        Session lock held. Returns the descriptor that holds it, for the child to inherit: the
        parent closes it once the fork is done, the child once it has claimed the slot. -1 if
        the kernel has no open-file-description locks (the reservation then lasts
        ``FORK_GRACE`` seconds once its parent is gone, as nothing else tells about the child).
        """
        fd = _open_fork_lock(self.seg.fd, slot)
        self.put(proc_word(slot) + P_FORK_LOCK, _FORK_LOCKED if fd >= 0 else _FORK_UNLOCKED)
        self.commit()
        return fd

    def _fork_lock_held(self, slot: int) -> bool:
        query = _FLOCK.pack(fcntl.F_WRLCK, os.SEEK_SET, slot, 1, 0)
        found = _FLOCK.unpack(fcntl.fcntl(self.seg.fd, fcntl.F_OFD_GETLK, query))
        return bool(found[0] != fcntl.F_UNLCK)

    def slot_of_pid(self, pid: int) -> int:
        """Return the live or reserved slot of process ``pid``, or -1; session lock held."""
        w = self.w
        pids = w[PROC_BASE + P_PID : PROC_BASE + PROCS * PROC_WORDS : PROC_WORDS].tolist()
        for slot, found in enumerate(pids):
            if found == pid and w[proc_word(slot) + P_STATE] in (LIVE, RESERVED):
                return slot
        return -1


def _open_fork_lock(segment_fd: int, slot: int) -> int:
    """Lock byte ``slot`` of the segment file through a new open file description; its fd.

    -1 if the platform has no open-file-description locks (or refuses this one).
    """
    if not hasattr(fcntl, "F_OFD_SETLK"):
        return -1
    try:
        fd = os.open(f"/proc/self/fd/{segment_fd}", os.O_RDWR | os.O_CLOEXEC)
    except OSError:
        return -1
    try:
        fcntl.fcntl(fd, fcntl.F_OFD_SETLK, _FLOCK.pack(fcntl.F_WRLCK, os.SEEK_SET, slot, 1, 0))
    except OSError:
        os.close(fd)
        return -1
    return fd


def pid_alive(pid: int, start: int = 0) -> bool:
    """Tell whether process ``pid`` runs (a zombie does not).

    ``start``, if not 0, is the process's start time as ``_inherit`` records it (the low 32
    bits of the clock ticks since boot): another process that reused the pid does not count.
    """
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat_file:
            text = stat_file.read()
    except OSError:
        return False
    fields = text[text.rfind(b")") + 2 :].split()
    if fields[0] in (b"Z", b"X", b"x"):
        return False
    return not start or int(fields[19]) & 0xFFFFFFFF == start
