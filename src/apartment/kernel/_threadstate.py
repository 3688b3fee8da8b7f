"""One thread's part in the wait engine: its parker, waiter, APCs, suspend gate and mutexes.

Every thread that touches the kernel has one :class:`ThreadState`, made with its
``ThreadHandle`` (``_thread``) and reachable from it. The wait engine, the hand-off in
``_core`` and the mutexes work on this object rather than on the handle: it is what a waiter
belongs to, what a mutex records as its owner and what ``Waitable._take`` is given, so the
hot paths read its fields directly, with no hop through the handle.

The module sits between ``_core`` (which it imports) and the wait engine (which imports it):
``_core`` names :class:`ThreadState` only in annotations.

Suspension is cooperative (Python cannot stop another thread between two bytecodes): a
suspended thread stops at its *gate*, a held lock, at its next wait, and acquires nothing
while it is parked in one. :data:`suspended_threads` counts the threads that are suspended,
so the fast paths of the waits need not look at the calling thread while it is zero.
"""

from __future__ import annotations

import _thread
import threading
from collections import deque
from typing import TYPE_CHECKING, Any, final

from ._core import ALERTED, KERNEL_LOCK, Waitable, Waiter, finish, recheck, wake_all
from ._parker import Parker, close_parker, eventfd_parker, forever, lock_parker, waker
from ._parkwatch import blocked_watchers, notify_blocked

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._mutex import Mutex
    from ._thread import ThreadHandle

__all__ = ["SuspendedThreads", "ThreadState", "suspended_threads"]


@final
class SuspendedThreads:
    """How many threads have a nonzero suspend count; read and changed under the kernel lock."""

    __slots__ = ("count",)

    def __init__(self) -> None:
        self.count = 0


suspended_threads = SuspendedThreads()
"""The process's count of suspended threads; while it is 0 no wait needs a suspend check."""


@final
class ThreadState:
    """The kernel's per-thread wait state; fields change under the kernel lock unless noted.

    Attributes:
        handle: the thread's ThreadHandle.
        park: where the thread blocks in a wait (see ``_parker``); armed except while being
            woken. A lock until the thread first waits (a thread that never blocks needs no
            eventfd); only the thread itself replaces it.
        parks_fast: whether the thread has been given its fast parker (set by the thread).
        park_forever: the park's untimed acquire (``_parker.forever``), replaced with it.
        waiter: the waiter reused by all the thread's waits but nested ones.
        active: the waiter of the thread's latest wait, or None before its first.
        apcs: queued APCs, ``(fn, args, source)``; ``source`` is the waitable timer that
            queued the APC, else None.
        suspend_count: the thread's suspend count (Win32 SuspendThread/ResumeThread).
        gate: a held lock the thread blocks on while suspended; released by a resume.
        gate_waiting: whether the thread is stopped at its gate, or about to be.
        owned: the mutexes the thread owns, in the order it took them.
        shared: the thread's part in waits on objects shared with other processes (a
            ``_shared_wait.ThreadInfo``), made on first use; None before.
        checked: the last tuple of local objects the thread's own wait_any/wait_all checked,
            the sharing epoch of that check and whether no object repeats; None before.
            Only the thread itself reads and writes it.
    """

    __slots__ = (
        "active",
        "apcs",
        "checked",
        "gate",
        "gate_waiting",
        "handle",
        "owned",
        "park",
        "park_forever",
        "parks_fast",
        "shared",
        "suspend_count",
        "waiter",
    )

    def __init__(self, handle: ThreadHandle) -> None:
        self.handle = handle
        self.park: Parker = lock_parker()
        self.park_forever = forever(self.park)
        self.parks_fast = False
        self.waiter = Waiter(self, waker(self.park))
        self.active: Waiter | None = None
        self.apcs: deque[tuple[Callable[..., object], tuple[Any, ...], object]] = deque()
        self.suspend_count = 0
        self.gate = _thread.allocate_lock()
        self.gate.acquire()
        self.gate_waiting = False
        self.owned: list[Mutex] = []
        self.shared: Any = None
        self.checked: tuple[tuple[Waitable, ...], int, bool] | None = None

    def __repr__(self) -> str:
        return f"<ThreadState of {self.handle!r}>"

    # -- parking (on the thread itself) ------------------------------------------------------

    def park_fast(self) -> None:
        """Give the calling thread (this one) its fast parker before its first wait."""
        self.parks_fast = True
        parker = eventfd_parker(main=self.handle.ident == threading.main_thread().ident)
        if parker is not None:  # else no eventfd here: keep the lock it has
            self.replace_parker(parker)

    def replace_parker(self, parker: Parker) -> None:
        """Park on ``parker`` from now on and close the old one; no wait may be pending."""
        old = self.park
        self.park = parker
        self.park_forever = forever(parker)
        self.waiter.wake = waker(parker)
        close_parker(old)

    # -- suspension --------------------------------------------------------------------------

    def suspend_locked(self) -> None:
        """Add one to the suspend count; kernel lock held, the caller checked the maximum."""
        if not self.suspend_count:
            suspended_threads.count += 1
        self.suspend_count += 1

    def resume(self) -> int:
        """Take one from the suspend count and return the previous count (any thread).

        At zero the thread runs on: its gate opens, and the wait it is parked in (if any) is
        checked again, in index order, since it acquired nothing while suspended.
        """
        woken: list[Waiter] = []
        open_gate = False
        with KERNEL_LOCK:
            previous = self.suspend_count
            if previous:
                self.suspend_count = previous - 1
                if previous == 1:
                    suspended_threads.count -= 1
                    open_gate, self.gate_waiting = self.gate_waiting, False
                    if self.active is not None:
                        recheck(self.active, woken)
        if open_gate:
            self.gate.release()
        wake_all(woken)
        return previous

    def stop_at_gate(self) -> None:
        """Stop the calling thread (this one) while it is suspended; return once resumed."""
        with KERNEL_LOCK:
            if not self.suspend_count:
                return
            self.gate_waiting = True
            if blocked_watchers:  # stopped at the gate counts as blocked for the test kit
                notify_blocked()
        try:
            self.gate.acquire()
        except BaseException:
            with KERNEL_LOCK:
                pending = not self.gate_waiting
                self.gate_waiting = False
            if pending:  # resume() released the gate meanwhile: re-arm it
                self.gate.acquire()
            raise

    # -- APCs --------------------------------------------------------------------------------

    def queue_apc_locked(
        self,
        fn: Callable[..., object],
        args: tuple[Any, ...],
        source: object,
        woken: list[Waiter],
    ) -> None:
        """Queue an APC and alert the thread's alertable wait; kernel lock held."""
        self.apcs.append((fn, args, source))
        active = self.active
        if active is not None and active.result is None and active.alertable:
            finish(active, ALERTED, woken)

    def cancel_apcs(self, source: object) -> None:
        """Drop the queued APCs that ``source`` (a waitable timer) queued; kernel lock held."""
        if any(entry[2] is source for entry in self.apcs):
            self.apcs = deque(entry for entry in self.apcs if entry[2] is not source)

    def run_apcs(self) -> None:
        """Run the calling thread's (this one's) queued APCs in FIFO order, new ones too."""
        apcs = self.apcs
        while True:
            with KERNEL_LOCK:
                if not apcs:
                    return
                fn, args, _ = apcs.popleft()
            fn(*args)

    # -- the end -----------------------------------------------------------------------------

    def end_locked(self, woken: list[Waiter]) -> None:
        """Clear the state of a thread that ended and abandon its mutexes; kernel lock held."""
        if self.suspend_count:
            suspended_threads.count -= 1
            self.suspend_count = 0
        self.apcs.clear()
        self.waiter.unregister()
        for mutex in tuple(self.owned):
            mutex._abandon(woken)
        self.owned.clear()
