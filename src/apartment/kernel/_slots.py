"""Process slots: who is alive, claiming a slot, reserving one for a child, burying the dead.

Each process of the session has a slot in the segment's process table. A live process holds
a POSIX record lock on the byte of its slot in the lives file (``kernel-v1.lives``); the
kernel drops it when the process dies, before it is a zombie and whatever the signal, so
:meth:`Slots.alive` tells a dead process from a live one with ``F_GETLK`` and no pid-reuse
race. A slot reserved for a child lives while the child may still claim it.

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
    proc_word,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._session import Session

__all__ = ["Slots", "add_death_hook", "pid_alive", "FORK_GRACE", "SWEEP_EVERY"]

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
    w: memoryview
    _sleepers: Any
    lock: Callable[[], None]
    unlock: Callable[[], None]

    if TYPE_CHECKING:  # Session defines these; declared here for the type checker only

        def put(self, index: int, value: int) -> None: ...

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
            hook(self, slot)  # type: ignore[arg-type]  # a Session
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


def pid_alive(pid: int) -> bool:
    """Tell whether process ``pid`` runs (a zombie does not)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat_file:
            text = stat_file.read()
    except OSError:
        return False
    state = text[text.rfind(b")") + 2 : text.rfind(b")") + 3]
    return state not in (b"Z", b"X", b"x")
