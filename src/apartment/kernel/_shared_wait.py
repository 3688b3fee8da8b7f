"""The wait engine for waits that involve objects shared with other processes.

``_wait`` hands a wait here when one of its objects is shared (``SharedObjects``). The wait
runs as the in-process one does, in two steps: :func:`_start`, one hold of the kernel lock
and the session lock (in that order, always) that ends the wait at once or registers it, then
:func:`_park`, which blocks on the thread's *thread record* semaphore in the segment, since
other processes must be able to wake it.

A wait on shared objects only, not alertable and with nothing run first, is decided in the
segment (*hand-off*): whoever makes an object ready writes the result into the thread record
and posts it (``_shared_state.release_shared``); the thread reads it with no lock. Any other
wait (mixed with local objects, alertable, a message wait, an asyncio wait) is decided by its
own process only (*poke* mode): other processes post it, and the thread looks again under
both locks. Its in-process waiter is registered with the local objects as usual, so local
signalers decide it (or poke it, for a wait-all, see ``_core._satisfy``).

A parked thread wakes at least every slice (``_session.SLICE``) to bury dead processes and
to look again for itself, so a lost wake-up or a dead owner costs at most a slice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from .. import _clock
from ._core import (
    ABANDONED,
    ALERTED,
    CANCELLED,
    KERNEL_LOCK,
    POKED,
    SIGNALED,
    TIMED_OUT,
    UNARMED,
    Outcome,
    Waitable,
    Waiter,
    WaitResult,
    arm_unarmed,
    begin,
    finish,
    release_waiters,
    wake_all,
)
from ._parkwatch import blocked_watchers, notify_blocked
from ._segment import RESULT_ABANDONED, T_ACKED, T_MODE, T_POKED, T_RESULT, ts_word
from ._shared_state import HANDOFF, POKE, give_back, register, unregister
from ._shared_threads import LOCAL_INFO, ThreadInfo, current_info, ensure_ts, try_acquire
from ._wait import SHARED

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ._session import Session
    from ._threadstate import ThreadState

__all__ = ["wait"]

_T = TypeVar("_T")


def wait(
    objects: Sequence[Waitable],
    wait_all: bool,
    timeout: float | None,
    alertable: bool,
    before: Callable[[ThreadState, list[Waiter]], _T | None] | None = None,
) -> _T | WaitResult | None:
    """Run a wait that involves shared objects on the calling thread (see the module doc)."""
    try:
        info: ThreadInfo = LOCAL_INFO.info
    except AttributeError:
        info = current_info()
    state = info.state
    if state.suspend_count:
        state.stop_at_gate()
    s = info.session
    shared = Waitable.shared_kinds
    if len(objects) == 1 and type(objects[0]) in shared:
        words = [objects[0]._shared]  # type: ignore[attr-defined]
    else:
        words = [obj._shared for obj in objects if type(obj) in shared]  # type: ignore[attr-defined]
    handoff = before is None and not alertable and len(words) == len(objects)
    clock = None
    deadline = 0.0
    if timeout:
        clock = _clock.get_clock()
        deadline = clock.now() + timeout
    woken: list[Waiter] = []
    started: object
    with KERNEL_LOCK:
        info.lock()
        try:
            started = _start(
                s, info, state, objects, wait_all, timeout, alertable, before, woken, handoff
            )
            if type(started) is Waiter:
                register(s, info.ts, words, wait_all, HANDOFF if handoff else POKE)
                if handoff:
                    started.objects = tuple(objects)
                    started.wait_all = wait_all
                    started.result = None
                else:
                    begin(started, tuple(objects), wait_all, alertable)
                state.active = started
                if blocked_watchers:
                    notify_blocked()
            s.commit()
        finally:
            info.unlock()
    if woken:
        wake_all(woken)
    if type(started) is Waiter:
        started = _park(s, info, started, objects, handoff, clock, deadline)
    if started is ALERTED:
        state.run_apcs()
        return ALERTED
    if isinstance(started, Outcome):
        return None
    return cast("_T | WaitResult", started)  # a WaitResult, or what ``before`` found


def _start(
    s: Session,
    info: ThreadInfo,
    state: ThreadState,
    objects: Sequence[Waitable],
    wait_all: bool,
    timeout: float | None,
    alertable: bool,
    before: Callable[[ThreadState, list[Waiter]], object] | None,
    woken: list[Waiter],
    handoff: bool,
) -> object:
    """End the wait at once, or make its waiter (not registered yet); both locks held.

    ``before`` runs first (signal_and_wait's signal): a local object queues the waiters it
    satisfies in ``woken``, a shared one the thread records it satisfies in the session's
    posts.
    """
    if before is not None:
        found = before(state, woken)
        if found is not None:
            return found
    result = try_acquire(s, objects, wait_all, state, info)
    if result is not None:
        return result
    if alertable and state.apcs:
        return ALERTED
    if timeout == 0:
        if UNARMED:  # a poll: what it polls must make progress without the poller
            arm_unarmed(tuple(objects))
        return TIMED_OUT
    ensure_ts(s, info, state)
    waiter = info.waiter
    if not handoff or waiter is None or waiter.result is None:
        # A poke-mode waiter is registered with local objects: each wait has its own. A
        # hand-off waiter is not, so the thread reuses one (unless an outer wait, which this
        # one nests in, still uses it).
        waiter = Waiter(state, info.sem.release, eager=True)
        waiter.shared = True
        if handoff and info.waiter is None:
            info.waiter = waiter
    return waiter


def _park(
    s: Session,
    info: ThreadInfo,
    waiter: Waiter,
    objects: Sequence[Waitable],
    handoff: bool,
    clock: _clock.Clock | None,
    deadline: float,
) -> WaitResult | Outcome:
    """Block until the wait's result is decided, the deadline passes or Ctrl-C."""
    state = waiter.thread
    sem = info.sem
    slice_ = info.slice
    real = clock is None or isinstance(clock, _clock.MonotonicClock)
    expiry = None
    if clock is not None and not real:  # a fake clock posts us at the deadline
        expiry = clock.call_at(deadline, sem.release)
    try:
        while True:
            park_for = slice_
            if clock is not None:
                left = deadline - clock.now()
                if left <= 0:
                    return _withdraw(s, info, waiter, handoff, TIMED_OUT)
                if real:
                    park_for = min(slice_, left)
            try:
                posted = sem.acquire(True, park_for)
            except BaseException:
                _cancel(s, info, waiter, handoff)
                raise
            result = _look(s, info, waiter, objects, handoff, posted)
            if result is not None:
                if state.suspend_count:
                    state.stop_at_gate()
                return result
    finally:
        if expiry is not None:
            expiry.cancel()


def _look(
    s: Session,
    info: ThreadInfo,
    waiter: Waiter,
    objects: Sequence[Waitable],
    handoff: bool,
    posted: bool,
) -> WaitResult | Outcome | None:
    """After a wake-up (or a slice): the wait's result if it has one now, else None."""
    w = s.w
    t = ts_word(info.ts)
    if handoff and posted and waiter.result is None:
        decided = w[t + T_RESULT]
        if not decided:
            return None  # a stale post
        w[t + T_ACKED] = 1
        result = _result_of(decided)
        with KERNEL_LOCK:
            waiter.result = result
        return result
    state = waiter.thread
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        s.lock()
        try:
            if not posted:
                s.sweep()
            found = _settled(s, info, waiter, handoff)
            if found is not None:
                s.commit()
                return found
            acquired = try_acquire(s, objects, waiter.wait_all, state, info)
            if acquired is not None:
                unregister(s, info.ts)
                waiter.unregister()
                waiter.result = acquired
                s.commit()
                return acquired
            if waiter.result is not None:  # poked by a local object or a resume: re-arm
                if handoff:
                    waiter.result = None
                else:  # the poke took it off its objects (an eager waiter): register again
                    waiter.unregister()
                    begin(waiter, tuple(objects), waiter.wait_all, waiter.alertable)
            if w[t + T_POKED]:
                s.put(t + T_POKED, 0)
            s.commit()
        finally:
            s.unlock()
    wake_all(woken)
    return None


def _settled(
    s: Session, info: ThreadInfo, waiter: Waiter, handoff: bool
) -> WaitResult | Outcome | None:
    """The result decided for the wait, by the segment or locally; both locks held."""
    w = s.w
    t = ts_word(info.ts)
    if handoff:
        decided = w[t + T_RESULT]
        if decided and not w[t + T_MODE]:
            w[t + T_ACKED] = 1
            waiter.result = _result_of(decided)
            return waiter.result
        return None
    result = waiter.result
    if result is not None and result is not POKED:  # decided here: a local object, an APC
        unregister(s, info.ts)
        return result
    return None


def _result_of(decided: int) -> WaitResult:
    index = (decided & 0xFFFF) - 1
    return ABANDONED[index] if decided & RESULT_ABANDONED else SIGNALED[index]


def _withdraw(
    s: Session, info: ThreadInfo, waiter: Waiter, handoff: bool, outcome: Outcome
) -> WaitResult | Outcome:
    """End a wait at its deadline: the result that beat it, or ``outcome``."""
    with KERNEL_LOCK:
        s.lock()
        try:
            found = _settled(s, info, waiter, handoff)
            if found is not None:
                s.commit()
                return found
            unregister(s, info.ts)
            if handoff:
                waiter.result = outcome
            else:
                finish(waiter, outcome, [])
            s.commit()
        finally:
            s.unlock()
    return outcome


def _cancel(s: Session, info: ThreadInfo, waiter: Waiter, handoff: bool) -> None:
    """Withdraw an interrupted wait; give back a grant that raced with the interrupt."""
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        s.lock()
        try:
            t = ts_word(info.ts)
            if handoff:
                if s.w[t + T_RESULT] and not s.w[t + T_MODE]:
                    give_back(s, info.ts)
                unregister(s, info.ts)
                waiter.result = CANCELLED
            else:
                result = waiter.result
                unregister(s, info.ts)
                if isinstance(result, WaitResult) and not result.alerted:
                    obj = waiter.objects[0 if waiter.wait_all else result.index]
                    taken = waiter.objects if waiter.wait_all else (obj,)
                    for each in taken:
                        each._untake(waiter.thread, result.abandoned)
                    for each in taken:
                        release_waiters(each, woken)
                elif result is None:
                    finish(waiter, CANCELLED, [])
            s.commit()
        finally:
            s.unlock()
    wake_all(woken)


SHARED.wait = wait
