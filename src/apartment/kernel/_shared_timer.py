"""Waitable timers shared with other processes.

The process that sets a shared timer times it, on its own clock, and its completion routine
is queued to the setting thread there, as on Windows; the record holds the due time and the
period (CLOCK_MONOTONIC seconds, when set on the real clock), so that when that process dies
the next one to bury it takes the timing over. Each arming has a generation: an expiry of an
arming since replaced or cancelled does nothing.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, final

from .. import _clock
from ..errors import InvalidParameterError
from . import _session
from ._core import KERNEL_LOCK, Waiter, WaitResult, wake_all
from ._segment import (
    FLAG_REAL_CLOCK,
    KIND_TIMER,
    O_AUX2,
    O_DUE_F64,
    O_KIND,
    O_NWAITERS,
    O_PERIOD_F64,
    O_REFS,
    O_STATE,
    O_TIMER_GEN,
)
from ._shared_objects import f64, give_back_shared, put_f64
from ._shared_state import objects_of_kind, release_shared
from ._shared_wait import wait as shared_wait
from ._thread import current_state
from ._timer import TimerStatistics, WaitableTimer, _due_time
from ._wait import check_timeout

if TYPE_CHECKING:
    import datetime as _dt
    from collections.abc import Callable

    from ._session import Session
    from ._threadstate import ThreadState

__all__ = ["SharedTimer", "expire"]


@final
class SharedTimer(WaitableTimer, shared=True):
    """A waitable timer shared with other processes.

    The process that sets it times it, on its own clock; if that process dies, the next
    process that buries it takes the timing over (when it was set on the real clock). A
    completion routine is queued to the setting thread, in the setting process only.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        kind = "manual" if self._manual else "auto"
        named = f" {self.name!r}" if self.name else ""
        return f"<WaitableTimer{named} {kind}-reset, shared, at {id(self):#x}>"

    def set(
        self,
        due: float | _dt.datetime,
        fn: Callable[..., object] | None = None,
        *args: object,
        period: float = 0.0,
    ) -> None:
        """Arm the timer for every process (SetWaitableTimer); see WaitableTimer.set."""
        if isinstance(period, bool) or not isinstance(period, (int, float)):
            raise TypeError(f"period must be a number of seconds, not {period!r}")
        if period < 0 or math.isnan(period):
            raise InvalidParameterError(f"period must be >= 0 seconds, not {period!r}")
        clock = _clock.get_clock()
        when = _due_time(due, clock)
        setter = current_state()
        s = _session.S
        assert s is not None
        w = s.w
        o = self._shared
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            self._unschedule()
            self._fn = fn
            self._args = args
            self._setter = setter
            self._clock = clock
            self._period = float(period)
            s.lock()
            try:
                generation = (w[o + O_TIMER_GEN] + 1) & 0xFFFFFFFF
                s.put(o + O_TIMER_GEN, generation)
                kind = w[o + O_KIND] & ~FLAG_REAL_CLOCK
                if isinstance(clock, _clock.MonotonicClock):
                    kind |= FLAG_REAL_CLOCK
                s.put(o + O_KIND, kind)
                s.put(o + O_AUX2, s.slot + 1)
                put_f64(s, o + O_DUE_F64, when)
                put_f64(s, o + O_PERIOD_F64, float(period))
                s.put(o + O_STATE, 0)
                s.commit()
            finally:
                s.unlock()
            self._generation = generation
            self._due = when
            if when <= clock.now():
                self._fire_locked(generation, woken)
            else:
                self._scheduled = clock.call_at(when, lambda: self._fire(generation))
        wake_all(woken)

    def cancel(self) -> None:
        """Stop the schedule, in every process, and drop queued completion APCs."""
        s = _session.S
        assert s is not None
        o = self._shared
        with KERNEL_LOCK:
            self._unschedule()
            self._due = None
            s.lock()
            try:
                s.put(o + O_TIMER_GEN, (s.w[o + O_TIMER_GEN] + 1) & 0xFFFFFFFF)
                s.put(o + O_AUX2, 0)
                s.commit()
            finally:
                s.unlock()

    def _fire(self, generation: int) -> None:
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            self._fire_locked(generation, woken)
        wake_all(woken)

    def _fire_locked(self, generation: int, woken: list[Waiter]) -> None:
        """Expire, if this process still times this arming; kernel lock held."""
        s = _session.S
        assert s is not None
        self._scheduled = None
        following = expire(s, self._shared, generation)
        if following is None:
            self._due = None
            return
        setter = self._setter
        if self._fn is not None and setter is not None and not setter.handle._ready:
            setter.queue_apc_locked(self._fn, self._args, self, woken)
        if following > 0:
            clock = self._clock
            assert clock is not None
            self._due = following
            self._scheduled = clock.call_at(following, lambda: self._fire(generation))
        else:
            self._due = None

    def is_set(self) -> bool:
        """Tell whether the timer is signaled, without waiting or resetting it."""
        s = _session.S
        assert s is not None
        return bool(s.w[self._shared + O_STATE])

    def wait(self, timeout: float | None = None, *, alertable: bool = False) -> WaitResult | None:
        """Wait for the timer (WaitForSingleObjectEx); see Event.wait for the result."""
        return shared_wait((self,), False, check_timeout(timeout), alertable)

    def statistics(self) -> TimerStatistics:
        """Return the waiters (every process), state, kind, whether armed, due and period."""
        s = _session.S
        assert s is not None
        w = s.w
        o = self._shared
        armed = bool(w[o + O_AUX2])
        return TimerStatistics(
            w[o + O_NWAITERS],
            bool(w[o + O_STATE]),
            self._manual,
            armed,
            self._due if armed else None,
            f64(w, o + O_PERIOD_F64),
        )

    def _take(self, thread: ThreadState) -> bool:
        raise AssertionError("a shared timer is taken under the session lock only")

    def _untake(self, thread: ThreadState, abandoned: bool) -> None:
        give_back_shared(self, abandoned)


def expire(s: Session, o: int, generation: int) -> float | None:
    """Expire the timer at ``o`` if this process times this arming of it.

    Returns None when it does not (re-armed, cancelled or freed since), else the clock time
    of the next expiry of a periodic timer, or 0.
    """
    w = s.w
    s.lock()
    try:
        if (
            w[o + O_KIND] & 0xFF != KIND_TIMER
            or w[o + O_TIMER_GEN] != generation
            or w[o + O_AUX2] != s.slot + 1
        ):
            return None
        s.put(o + O_STATE, 1)
        release_shared(s, o)
        period = f64(w, o + O_PERIOD_F64)
        following = 0.0
        if period > 0:
            due = f64(w, o + O_DUE_F64) + period
            now = _clock.get_clock().now()
            if due <= now:  # periods missed while the clock ran late collapse into this one
                due += period * (math.floor((now - due) / period) + 1)
            put_f64(s, o + O_DUE_F64, due)
            following = due
        else:
            s.put(o + O_AUX2, 0)
        s.commit()
        return following
    finally:
        s.unlock()


def _fire_record(o: int, generation: int) -> None:
    """Expire a timer taken over from a dead process, and keep timing it if periodic."""
    s = _session.S
    if s is None:
        return
    following = expire(s, o, generation)
    if following:
        _clock.get_clock().call_at(following, lambda: _fire_record(o, generation))


def _schedule_record(o: int, generation: int, due: float) -> Callable[[], object]:
    """A call that times the record's expiry on this process's clock."""

    def schedule() -> object:
        return _clock.get_clock().call_at(due, lambda: _fire_record(o, generation))

    return schedule


def _take_timers_over(s: Session, slot: int) -> None:
    """Death hook: time the real-clock timers that the dead process was timing."""
    w = s.w
    for o in objects_of_kind(w, KIND_TIMER):
        if w[o + O_AUX2] != slot + 1:
            continue
        if not w[o + O_REFS] or not w[o + O_KIND] & FLAG_REAL_CLOCK:
            s.put(o + O_AUX2, 0)
            s.commit()
            continue
        s.put(o + O_AUX2, s.slot + 1)
        s.commit()
        generation = w[o + O_TIMER_GEN]
        due = f64(w, o + O_DUE_F64)
        s.later.append(_schedule_record(o, generation, due))


_session.add_death_hook(40, _take_timers_over)
