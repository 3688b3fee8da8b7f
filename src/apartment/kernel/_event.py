"""Events: manual-reset and auto-reset, with set, reset and pulse."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ._core import (
    KERNEL_LOCK,
    SIGNALED,
    UNARMED,
    Waitable,
    Waiter,
    arm_unarmed,
    release_waiters,
    waiting,
)
from ._threadstate import suspended_threads
from ._wait import wait_single

if TYPE_CHECKING:
    from ._core import WaitResult
    from ._threadstate import ThreadState

__all__ = ["Event", "EventStatistics", "recycle_event", "spare_event"]


@dataclass(frozen=True, slots=True)
class EventStatistics:
    """A snapshot of an event, for debugging and tests."""

    threads_waiting: int
    signaled: bool
    manual_reset: bool


class Event(Waitable, announced=True):
    """A Win32 event (CreateEvent).

    An auto-reset event (the default) releases one waiter per ``set()`` and resets itself as it
    does; a manual-reset event releases every waiter and stays set until ``reset()``.
    """

    __slots__ = ("_manual", "_shared", "name")
    all_access: ClassVar[int] = 0x1F0003
    """EVENT_ALL_ACCESS: what Open* may ask of a named one."""

    _shared: int  # a shared object's record (``_shared_objects``); unset on a local one

    def __init__(self, manual_reset: bool = False, initial_state: bool = False) -> None:
        super().__init__(bool(initial_state))
        self._manual = bool(manual_reset)
        self.name: str | None = None

    def __repr__(self) -> str:
        kind = "manual" if self._manual else "auto"
        named = f" {self.name!r}" if self.name else ""
        return f"<Event{named} {kind}-reset at {id(self):#x}>"

    @property
    def manual_reset(self) -> bool:
        """True for a manual-reset event, False for auto-reset."""
        return self._manual

    def set(self) -> None:
        """Signal the event (SetEvent); a no-op if it is already set.

        Auto-reset: the first waiter (FIFO) is released and the event stays reset; with no
        waiter it stays set until one wait consumes it. Manual-reset: all waiters are released.
        """
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            self._set_locked(woken)
        for waiter in woken:
            waiter.wake()

    def _set_locked(self, woken: list[Waiter]) -> None:
        """``set()`` with the kernel lock held; the caller wakes ``woken`` after dropping it."""
        if not self._ready:
            self._ready = True
            if self._waiters:
                release_waiters(self, woken)

    def reset(self) -> None:
        """Make the event nonsignaled (ResetEvent); a no-op if it already is."""
        with KERNEL_LOCK:
            self._ready = False

    def pulse(self) -> None:
        """Set and reset in one atomic step (PulseEvent).

        Releases the threads waiting at this instant (one for auto-reset, all for manual) and
        leaves the event nonsignaled even if nobody was waiting. Unlike Windows, a parked
        waiter never misses a pulse here.
        """
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            self._ready = True
            release_waiters(self, woken)
            self._ready = False
        for waiter in woken:
            waiter.wake()

    def is_set(self) -> bool:
        """Tell whether the event is signaled, without waiting or resetting it."""
        with KERNEL_LOCK:
            if UNARMED and not self._ready:  # polled: I/O that sets it must go on without us
                arm_unarmed((self,))
            return self._ready

    def wait(self, timeout: float | None = None, *, alertable: bool = False) -> WaitResult | None:
        """Wait for the event (WaitForSingleObjectEx); an auto-reset event resets as it returns.

        Returns ``WaitResult(0)`` (truthy), ``ALERTED`` if ``alertable`` and APCs ran, or None
        when ``timeout`` seconds passed.
        """
        with KERNEL_LOCK:
            if self._ready and not suspended_threads.count:
                if not self._manual:
                    self._ready = False
                return SIGNALED[0]
        return wait_single(self, timeout, alertable)

    def statistics(self) -> EventStatistics:
        """Return the number of waiters, the state and the kind."""
        with KERNEL_LOCK:
            return EventStatistics(waiting(self), self._ready, self._manual)

    # -- kernel-object protocol (kernel lock held) ------------------------------------------

    def _take(self, thread: ThreadState) -> bool:
        if not self._manual:
            self._ready = False
        return False

    def _untake(self, thread: ThreadState, abandoned: bool) -> None:
        if not self._manual:
            self._ready = True

    def _signal_for_wait(self, thread: ThreadState, woken: list[Waiter]) -> None:
        self._set_locked(woken)


_spares = threading.local()
"""Per thread: manual-reset events that finished a round trip, for the next one."""


def spare_event() -> Event:
    """Return a manual-reset event from the calling thread's spares (or a new one).

    A thread that waits for one reply after another (a send, a COM call) reuses the same
    event, so its waits register nothing new. Only the calling thread touches its spares,
    and they come back reset.
    """
    try:
        spares: list[Event] = _spares.events
    except AttributeError:
        spares = _spares.events = []
    if spares:
        return spares.pop()
    return Event(manual_reset=True)


def recycle_event(event: Event) -> None:
    """Give back an event from :func:`spare_event` once nothing can set it any more.

    It is reset here: only this thread can reach it now, and the kernel lock it takes to
    hand the event out again orders the reset before any use by another thread.
    """
    event._ready = False
    _spares.events.append(event)
