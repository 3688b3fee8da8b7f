"""Waitable timers: relative or absolute due times, periods, and completion APCs."""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from .. import _clock
from ..errors import InvalidParameterError
from ._core import KERNEL_LOCK, Waitable, Waiter, release_waiters, waiting, wake_all
from ._thread import current_state

if TYPE_CHECKING:
    from collections.abc import Callable

    from .._clock import Clock, TimerHandle
    from ._threadstate import ThreadState

__all__ = ["WaitableTimer", "TimerStatistics"]


@dataclass(frozen=True, slots=True)
class TimerStatistics:
    """A snapshot of a waitable timer: ``due`` is the clock time of the next expiry."""

    threads_waiting: int
    signaled: bool
    manual_reset: bool
    active: bool
    due: float | None
    period: float


class WaitableTimer(Waitable, announced=True):
    """A Win32 waitable timer (CreateWaitableTimer), created inactive and nonsignaled.

    A manual-reset (notification) timer stays signaled once due until it is set again; an
    auto-reset (synchronization) timer releases one waiter per expiry and resets as it does.
    """

    __slots__ = (
        "_args",
        "_clock",
        "_due",
        "_fn",
        "_generation",
        "_manual",
        "_period",
        "_scheduled",
        "_setter",
        "_shared",
        "name",
    )
    all_access: ClassVar[int] = 0x1F0003
    """TIMER_ALL_ACCESS: what Open* may ask of a named one."""

    _shared: int  # a shared object's record (``_shared_objects``); unset on a local one

    def __init__(self, manual_reset: bool = False) -> None:
        super().__init__()
        self._manual = bool(manual_reset)
        self._generation = 0
        self._due: float | None = None
        self._period = 0.0
        self._fn: Callable[..., object] | None = None
        self._args: tuple[Any, ...] = ()
        self._setter: ThreadState | None = None
        self._scheduled: TimerHandle | None = None
        self._clock: Clock | None = None
        self.name: str | None = None

    def __repr__(self) -> str:
        kind = "manual" if self._manual else "auto"
        named = f" {self.name!r}" if self.name else ""
        return f"<WaitableTimer{named} {kind}-reset at {id(self):#x}>"

    def set(
        self,
        due: float | _dt.datetime,
        fn: Callable[..., object] | None = None,
        *args: object,
        period: float = 0.0,
    ) -> None:
        """Arm the timer (SetWaitableTimer), cancelling any earlier schedule.

        Args:
            due: seconds from now (a number >= 0), or an aware ``datetime`` for an absolute
                time (a naive one is taken as UTC).
            fn: completion routine, queued as an APC to the calling thread at each expiry; it
                runs as ``fn(*args)`` when that thread next waits alertably.
            *args: arguments for ``fn``.
            period: seconds between later expiries; 0 fires once.

        A due time in the future makes the timer nonsignaled; one already past signals it at
        once.
        """
        if isinstance(period, bool) or not isinstance(period, (int, float)):
            raise TypeError(f"period must be a number of seconds, not {period!r}")
        if period < 0 or math.isnan(period):
            raise InvalidParameterError(f"period must be >= 0 seconds, not {period!r}")
        clock = _clock.get_clock()
        when = _due_time(due, clock)
        setter = current_state()
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            self._unschedule()
            self._generation += 1
            self._ready = False
            self._period = float(period)
            self._fn = fn
            self._args = args
            self._setter = setter
            self._clock = clock
            self._arm(when, woken)
        wake_all(woken)

    def cancel(self) -> None:
        """Stop the schedule and drop queued completion APCs (CancelWaitableTimer).

        The signaled state does not change.
        """
        with KERNEL_LOCK:
            self._unschedule()
            self._generation += 1
            self._due = None

    def is_set(self) -> bool:
        """Tell whether the timer is signaled, without waiting or resetting it."""
        with KERNEL_LOCK:
            return self._ready

    def statistics(self) -> TimerStatistics:
        """Return the waiters, state, kind, whether armed, and the next due time."""
        with KERNEL_LOCK:
            return TimerStatistics(
                waiting(self),
                self._ready,
                self._manual,
                self._due is not None,
                self._due,
                self._period,
            )

    def _unschedule(self) -> None:
        """Cancel the pending expiry and this timer's queued APCs; kernel lock held."""
        if self._scheduled is not None:
            self._scheduled.cancel()
            self._scheduled = None
        if self._setter is not None:
            self._setter.cancel_apcs(self)

    def _arm(self, when: float, woken: list[Waiter]) -> None:
        """Schedule the next expiry at clock time ``when``, or expire now if it has passed."""
        clock = self._clock
        assert clock is not None  # set() stored it before arming
        self._due = when
        if when <= clock.now():
            self._expire(woken)
        else:
            generation = self._generation
            self._scheduled = clock.call_at(when, lambda: self._fire(generation))

    def _fire(self, generation: int) -> None:
        """Run a scheduled expiry, unless the timer was re-armed or cancelled since."""
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            if generation == self._generation:
                self._expire(woken)
        wake_all(woken)

    def _expire(self, woken: list[Waiter]) -> None:
        """Signal, queue the completion APC, and re-arm a periodic timer; kernel lock held."""
        self._scheduled = None
        self._ready = True
        release_waiters(self, woken)
        setter = self._setter
        if self._fn is not None and setter is not None and not setter.handle._ready:
            setter.queue_apc_locked(self._fn, self._args, self, woken)
        clock = self._clock
        if self._period > 0 and self._due is not None and clock is not None:
            # Periods missed while the clock ran late collapse into this expiry, as on Windows.
            period = self._period
            due = self._due + period
            now = clock.now()
            if due <= now:
                due += period * (math.floor((now - due) / period) + 1)
            self._due = due
            generation = self._generation
            self._scheduled = clock.call_at(due, lambda: self._fire(generation))
        else:
            self._due = None

    # -- kernel-object protocol (kernel lock held) ------------------------------------------

    def _take(self, thread: ThreadState) -> bool:
        if not self._manual:
            self._ready = False
        return False

    def _untake(self, thread: ThreadState, abandoned: bool) -> None:
        if not self._manual:
            self._ready = True


def _due_time(due: float | _dt.datetime, clock: Clock) -> float:
    """Turn a relative (seconds) or absolute (datetime) due time into clock time."""
    if isinstance(due, _dt.datetime):
        if due.tzinfo is None:
            due = due.replace(tzinfo=_dt.timezone.utc)
        return clock.now() + (due.timestamp() - clock.wall())
    if isinstance(due, bool) or not isinstance(due, (int, float)):
        raise TypeError(f"due must be seconds from now or a datetime, not {due!r}")
    if due < 0 or math.isnan(due):
        raise ValueError(f"a relative due time must be >= 0 seconds, not {due!r}")
    return clock.now() + due
