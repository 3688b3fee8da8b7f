"""Events: manual-reset and auto-reset, with set, reset and pulse."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from ..errors import Win32Error
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
    from collections.abc import Callable, Mapping, Sized

    from ._core import WaitResult
    from ._threadstate import ThreadState

__all__ = [
    "Event",
    "EventStatistics",
    "WaitCodes",
    "handle_calls",
    "recycle_event",
    "spare_event",
]

_R = TypeVar("_R")


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


@dataclass(frozen=True, slots=True)
class WaitCodes(Generic[_R]):
    """How a caller's single-object wait reads its timeout and answers (see handle_calls).

    ``units`` per second; a timeout from 0 to ``forever`` - 1 is a finite wait (anything
    else is the caller's to read). ``signaled`` is the answer for the object taken at index
    0; ``convert(result)`` gives the others (a timeout's None, an abandoned mutex, ...).
    Errors of the wait are raised as ``stamp(error)``.
    """

    units: int
    forever: int
    signaled: _R
    convert: Callable[[WaitResult | None], _R]
    stamp: Callable[[Win32Error], Win32Error]


def handle_calls(
    handle_type: type,
    settable: Mapping[int, object],
    synchronizable: Mapping[int, object],
    deferred: Sized,
    slow: tuple[Callable[[object], None], Callable[[object], None], Callable[[object, int], _R]],
    codes: WaitCodes[_R],
) -> tuple[Callable[[object], None], Callable[[object], None], Callable[[object, int], _R]]:
    """Build set, reset and wait calls that take a handle object, each one Python frame.

    For the facade's SetEvent, ResetEvent and WaitForSingleObject, which a loop calls on the
    same handle again and again: a function that translated the handle and then called
    ``event.set()`` would cost a frame more than the core call, and a frame is most of the
    difference between the two. So the set, the reset and the wait are done here, as
    ``Event.set``, ``Event.reset`` and ``Event.wait`` do them (keep them in step), on the
    object the handle resolves to; a wait on another kind of object calls its ``wait``.

    An instance of ``handle_type`` carries its handle value in ``_value``. ``settable`` and
    ``synchronizable`` are the handle table's kind views (``kind_view``) of the handles that
    may set and wait, ``deferred`` its queue of deferred closes (``lock_free_view``): a hit
    is trusted only while that is empty. Anything else, a handle of another type, a miss,
    an event shared with other processes (set and reset), a timeout that is not an int or
    (for an object not ready) not a finite one of ``codes``, goes to the caller's ``slow``
    set, reset or wait with the same arguments: those check everything and raise the
    caller's errors. A local event that is set is taken whatever the int timeout. They run
    on the calling thread; the wait blocks it as ``wait()`` does.
    """
    lock = KERNEL_LOCK
    suspended = suspended_threads
    slow_set, slow_reset, slow_wait = slow
    units, forever, signaled = float(codes.units), codes.forever, codes.signaled
    convert, stamp = codes.convert, codes.stamp
    first = SIGNALED[0]

    def set_event(handle: object, /) -> None:
        if type(handle) is handle_type and not deferred:
            try:  # (a subscript, not get(): no method call; a miss is the slow way anyway)
                event = settable[handle._value]  # type: ignore[attr-defined]
            except KeyError:
                event = None
            if type(event) is Event:  # (not a shared one: its own set() does more)
                woken: list[Waiter] = []
                with lock:
                    event._set_locked(woken)
                for waiter in woken:
                    waiter.wake()
                return
        slow_set(handle)

    def reset_event(handle: object, /) -> None:
        if type(handle) is handle_type and not deferred:
            try:
                event = settable[handle._value]  # type: ignore[attr-defined]
            except KeyError:
                event = None
            if type(event) is Event:
                with lock:
                    event._ready = False
                return
        slow_reset(handle)

    def wait_handle(handle: object, timeout: int, /) -> _R:
        if type(handle) is handle_type and type(timeout) is int and not deferred:
            try:
                obj = synchronizable[handle._value]  # type: ignore[attr-defined]
            except KeyError:
                return slow_wait(handle, timeout)
            local_event = type(obj) is Event
            if local_event:
                with lock:
                    if obj._ready and not suspended.count:  # type: ignore[attr-defined]
                        if not obj._manual:  # type: ignore[attr-defined]
                            obj._ready = False  # type: ignore[attr-defined]
                        return signaled
            if 0 <= timeout < forever:
                try:
                    if local_event:  # (Event.wait's next step: it looked already)
                        result = wait_single(obj, timeout / units, False)  # type: ignore[arg-type]
                    else:
                        result = obj.wait(timeout / units)  # type: ignore[attr-defined]
                except Win32Error as error:
                    raise stamp(error) from None
                return signaled if result is first else convert(result)
        return slow_wait(handle, timeout)

    return set_event, reset_event, wait_handle
