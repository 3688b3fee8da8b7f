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

import threading
from typing import TYPE_CHECKING, Any, TypeVar, cast, final

from .. import _clock
from .._fork import SESSION, after_fork_in_child
from ..errors import ERROR_NO_SYSTEM_RESOURCES, Win32Error
from . import _session
from ._core import (
    ABANDONED,
    ALERTED,
    CANCELLED,
    KERNEL_LOCK,
    POKED,
    SIGNALED,
    TIMED_OUT,
    Outcome,
    Waitable,
    Waiter,
    WaitResult,
    begin,
    finish,
    release_waiters,
    wake_all,
)
from ._parkwatch import blocked_watchers, notify_blocked
from ._segment import (
    H_TS_HINT,
    KIND_MUTEX,
    O_AUX,
    O_AUX2,
    O_KIND,
    O_STATE,
    OBJ_BASE,
    OBJ_WORDS,
    OBJECTS,
    P_THREAD_WANTS,
    RESULT_ABANDONED,
    T_ACKED,
    T_MODE,
    T_OWNER,
    T_POKED,
    T_PROC,
    T_RESULT,
    T_STATE,
    T_TID,
    THREADS,
    TS_BASE,
    TS_WORDS,
    obj_word,
    owner_word,
    ts_word,
)
from ._shared_state import (
    HANDOFF,
    POKE,
    give_back,
    ready,
    register,
    release_shared,
    take,
    unregister,
)
from ._thread import add_exit_hook, current_state
from ._wait import SHARED

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ._session import Session
    from ._thread import ThreadHandle
    from ._threadstate import ThreadState

__all__ = [
    "ThreadInfo",
    "thread_info",
    "current_info",
    "LOCAL_INFO",
    "wait",
    "begin_async",
    "abandon_owned",
]

_T = TypeVar("_T")


@final
class ThreadInfo:
    """One thread's part in shared waits (``ThreadState.shared``).

    Attributes:
        session: the session it belongs to (a forked child makes new ones).
        state: the thread's ThreadState.
        owner: the thread's owner word (its process slot and native id).
        ts: its thread record, or -1 until its first shared wait that blocks.
        sem: the record's semaphore, where the thread parks.
        owns: whether it ever took a shared mutex (its end then abandons what it holds).
        w: the segment's words.
        want: the thread's own want word in its process's record, or -1: it then takes the
            session lock through its process's (and the process's local lock).
        lock, unlock, leave: the session lock, as the thread takes it (``Session.gate``).
        slice: how long the thread parks at a time in a shared wait (shorter in the main
            thread, for Ctrl-C; see ``_session``).
        waiter: the in-process waiter its hand-off waits reuse (a nested one makes its own).
    """

    __slots__ = (
        "leave",
        "lock",
        "owner",
        "owns",
        "sem",
        "session",
        "slice",
        "state",
        "ts",
        "unlock",
        "w",
        "waiter",
        "want",
    )

    def __init__(self, session: Session, state: ThreadState) -> None:
        self.session = session
        self.state = state
        self.owner = owner_word(session.slot, state.handle.native_id)
        self.ts = -1
        self.sem: Any = None
        self.owns = False
        self.w = session.w
        self.want = -1
        self.lock = session.lock
        self.unlock = session.unlock
        self.leave = session.leave
        self.slice = _session.SLICE
        self.waiter: Waiter | None = None


def thread_info(state: ThreadState) -> ThreadInfo:
    """Return the shared-wait state of the thread of ``state`` (made on first use)."""
    info: ThreadInfo | None = state.shared
    current = _session.S or _session.session()
    if info is None or info.session is not current:
        info = ThreadInfo(current, state)
        state.shared = info
    return info


LOCAL_INFO = threading.local()
"""``LOCAL_INFO.info``: the calling thread's ThreadInfo, for the fast paths (see current_info)."""


def current_info() -> ThreadInfo:
    """Return the calling thread's ThreadInfo; the fast paths read ``LOCAL_INFO.info`` first.

    The thread gets a want word of its own if one is free, so that it takes the session lock
    without its process's local lock.
    """
    try:
        info: ThreadInfo = LOCAL_INFO.info
    except AttributeError:
        info = thread_info(current_state())
        s = info.session
        if threading.current_thread() is threading.main_thread():
            info.slice = _session.MAIN_SLICE
        if info.want < 0:
            with s.counts_lock:
                index = s.free_wants.pop() if s.free_wants else -1
            if index >= 0:
                info.want = s.pword + P_THREAD_WANTS + index
                info.lock, info.unlock, info.leave = s.gate(info.want, None)
        LOCAL_INFO.info = info
    return info


def _forget_local_info() -> None:
    """In a forked child: the forking thread's ThreadInfo was the parent's."""
    LOCAL_INFO.__dict__.pop("info", None)


def _alloc_ts(s: Session, owner: int, tid: int) -> int:
    """Take a free thread record for ``owner``; session lock held, committed at once."""
    w = s.w
    states = w[TS_BASE + T_STATE : TS_BASE + THREADS * TS_WORDS : TS_WORDS].tolist()
    hint = w[H_TS_HINT] % THREADS
    try:
        ts = states.index(0, hint)
    except ValueError:
        try:
            ts = states.index(0)
        except ValueError:
            raise Win32Error.from_code(
                ERROR_NO_SYSTEM_RESOURCES,
                f"all {THREADS} thread records of the session are in use; fewer threads "
                "may wait on shared objects at once",
            ) from None
    t = ts_word(ts)
    s.put(t + T_STATE, 1)
    s.put(t + T_PROC, s.slot)
    s.put(t + T_TID, tid)
    s.put(t + T_OWNER, owner)
    s.put(t + T_MODE, 0)
    s.put(t + T_RESULT, 0)
    s.put(H_TS_HINT, (ts + 1) % THREADS)
    s.commit()
    sem = s.seg.ts_sem(ts)
    while sem.acquire(False):
        pass  # posts left by the record's last thread
    return ts


def _free_ts(s: Session, ts: int) -> None:
    """Give a thread record back; session lock held."""
    t = ts_word(ts)
    unregister(s, ts)
    s.put(t + T_STATE, 0)
    s.put(t + T_RESULT, 0)


def _ensure_ts(s: Session, info: ThreadInfo, state: ThreadState) -> int:
    if info.ts < 0:
        info.ts = _alloc_ts(s, info.owner, state.handle.native_id)
        info.sem = s.seg.ts_sem(info.ts)
    return info.ts


def _try_acquire(
    s: Session,
    objects: Sequence[Waitable],
    wait_all: bool,
    state: ThreadState,
    info: ThreadInfo,
) -> WaitResult | None:
    """Satisfy a mixed wait at once if its objects allow; both locks held."""
    w = s.w
    shared = Waitable.shared_kinds
    owner = info.owner
    owned = state.owned
    if wait_all:
        for obj in objects:
            if type(obj) in shared:
                if not ready(w, obj._shared, owner):  # type: ignore[attr-defined]
                    return None
            elif not obj._ready and obj not in owned:
                return None
        abandoned = False
        for obj in objects:
            if _take(s, obj, state, info):
                abandoned = True
        return ABANDONED[0] if abandoned else SIGNALED[0]
    for index, obj in enumerate(objects):
        if type(obj) in shared:
            if ready(w, obj._shared, owner):  # type: ignore[attr-defined]
                return ABANDONED[index] if _take(s, obj, state, info) else SIGNALED[index]
        elif obj._ready or (owned and obj in owned):
            return ABANDONED[index] if obj._take(state) else SIGNALED[index]
    return None


def _take(s: Session, obj: Waitable, state: ThreadState, info: ThreadInfo) -> bool:
    if type(obj) not in Waitable.shared_kinds:
        return obj._take(state)
    o: int = obj._shared  # type: ignore[attr-defined]
    if s.w[o + O_KIND] & 0xFF == KIND_MUTEX:
        info.owns = True
    return take(s, o, info.owner)


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
    result = _try_acquire(s, objects, wait_all, state, info)
    if result is not None:
        return result
    if alertable and state.apcs:
        return ALERTED
    if timeout == 0:
        return TIMED_OUT
    _ensure_ts(s, info, state)
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
            acquired = _try_acquire(s, objects, waiter.wait_all, state, info)
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


# -- asyncio waits ---------------------------------------------------------------------------


@final
class _AsyncWait:
    """An awaited wait on shared objects: a helper thread looks when posted."""

    __slots__ = ("objects", "session", "state", "ts", "waiter", "wake")

    def __init__(
        self,
        session: Session,
        state: ThreadState,
        waiter: Waiter,
        objects: tuple[Waitable, ...],
        wake: Callable[[], object],
    ) -> None:
        self.session = session
        self.state = state
        self.waiter = waiter
        self.objects = objects
        self.wake = wake
        self.ts = -1


_asyncs: dict[Waiter, _AsyncWait] = {}
_asyncs_lock = threading.Lock()


def begin_async(
    objects: Sequence[Waitable], wait_all: bool, wake: Callable[[], object]
) -> WaitResult | Waiter:
    """Start an awaited wait on shared objects: a result now, or a pending waiter.

    A helper thread decides the wait each time it is poked (by a local signaler, or by
    another process posting the wait's thread record), then calls ``wake()``: the waiter's
    result is decided before. The calling thread is the waiting thread: a mutex it gets is
    owned by it.
    """
    state = current_state()
    info = thread_info(state)
    s = info.session
    shared = Waitable.shared_kinds
    words = [obj._shared for obj in objects if type(obj) in shared]  # type: ignore[attr-defined]
    objs = tuple(objects)
    with KERNEL_LOCK:
        s.lock()
        try:
            result = _try_acquire(s, objs, wait_all, state, info)
            if result is not None:
                s.commit()
                return result
            ts = _alloc_ts(s, info.owner, state.handle.native_id)
            waiter = Waiter(state, s.seg.ts_sem(ts).release, eager=True)
            waiter.shared = True
            begin(waiter, objs, wait_all, False)
            register(s, ts, words, wait_all, POKE)
            s.commit()
        finally:
            s.unlock()
    job = _AsyncWait(s, state, waiter, objs, wake)
    job.ts = ts
    with _asyncs_lock:
        _asyncs[waiter] = job
    threading.Thread(
        target=_serve_async, args=(job,), name="apartment-async-wait", daemon=True
    ).start()
    return waiter


def _serve_async(job: _AsyncWait) -> None:
    """Decide an awaited wait each time its record is posted, until it ends (helper thread)."""
    s = job.session
    waiter = job.waiter
    sem = s.seg.ts_sem(job.ts)
    info = thread_info(job.state)
    t = ts_word(job.ts)
    decided = False
    try:
        while not decided:
            posted = sem.acquire(True, _session.SLICE)
            with KERNEL_LOCK:
                s.lock()
                try:
                    if not posted:
                        s.sweep()
                    if waiter.result is not None and waiter.result is not POKED:
                        _free_ts(s, job.ts)  # withdrawn (timed out) or cancelled
                        s.commit()
                        return
                    result = _try_acquire(s, job.objects, waiter.wait_all, job.state, info)
                    if result is not None:
                        _free_ts(s, job.ts)
                        waiter.unregister()
                        waiter.result = result
                        decided = True
                    else:
                        if waiter.result is POKED:  # a local object poked it: register again
                            waiter.unregister()
                            begin(waiter, job.objects, waiter.wait_all, False)
                        if s.w[t + T_POKED]:
                            s.put(t + T_POKED, 0)
                    s.commit()
                finally:
                    s.unlock()
        job.wake()
    finally:
        with _asyncs_lock:
            _asyncs.pop(waiter, None)


def stop_async(waiter: Waiter) -> None:
    """Take an awaited wait that was withdrawn off its shared objects; its helper then ends."""
    with _asyncs_lock:
        job = _asyncs.get(waiter)
    if job is None:
        return
    s = job.session
    s.lock()
    try:
        unregister(s, job.ts)
        s.commit()
    finally:
        s.unlock()
    s.seg.ts_sem(job.ts).release()


# -- the end of a thread, the death of a process ---------------------------------------------


def abandon(s: Session, o: int) -> None:
    """Abandon the mutex at ``o`` (its owner ended) and hand it on; session lock held."""
    s.put(o + O_STATE, 0)
    s.put(o + O_AUX, 0)
    s.put(o + O_AUX2, 1)
    release_shared(s, o)


def abandon_owned(s: Session, low: int, high: int) -> None:
    """Abandon every mutex whose owner word is in ``[low, high)``; each step committed."""
    w = s.w
    owners = w[OBJ_BASE + O_STATE : OBJ_BASE + OBJECTS * OBJ_WORDS : OBJ_WORDS].tolist()
    for index, owner in enumerate(owners):
        if low <= owner < high:
            o = obj_word(index)
            if w[o + O_KIND] & 0xFF == KIND_MUTEX:
                abandon(s, o)
                s.commit()


def _thread_ended(handle: ThreadHandle) -> None:
    """A thread ends: abandon the shared mutexes it owns and give its records back."""
    info: ThreadInfo | None = handle._state.shared
    if info is None or info.session is not _session.S:
        return
    s = info.session
    if info.want >= 0:
        with s.counts_lock:
            s.free_wants.append(info.want - s.pword - P_THREAD_WANTS)
        info.want = -1
        info.lock, info.unlock, info.leave = s.lock, s.unlock, s.leave
    if not info.owns and info.ts < 0:
        return
    s.lock()
    try:
        if info.owns:
            abandon_owned(s, info.owner, info.owner + 1)
        if info.ts >= 0:
            _free_ts(s, info.ts)
            info.ts = -1
        s.commit()
    finally:
        s.unlock()


def _bury_threads(s: Session, slot: int) -> None:
    """Death hook: withdraw a dead process's waits, give back grants it never saw."""
    w = s.w
    procs = w[TS_BASE + T_PROC : TS_BASE + THREADS * TS_WORDS : TS_WORDS].tolist()
    states = w[TS_BASE + T_STATE : TS_BASE + THREADS * TS_WORDS : TS_WORDS].tolist()
    for ts, (proc, used) in enumerate(zip(procs, states, strict=True)):
        if not used or proc != slot:
            continue
        t = ts_word(ts)
        if not w[t + T_MODE] and w[t + T_RESULT] and not w[t + T_ACKED]:
            give_back(s, ts)
        _free_ts(s, ts)
        s.commit()


def _bury_mutexes(s: Session, slot: int) -> None:
    """Death hook: abandon every mutex a thread of the dead process owns."""
    abandon_owned(s, owner_word(slot, 0), owner_word(slot + 1, 0))


add_exit_hook(_thread_ended)
after_fork_in_child(_forget_local_info, SESSION)
_session.add_death_hook(10, _bury_threads)
_session.add_death_hook(20, _bury_mutexes)
SHARED.wait = wait
SHARED.begin_async = begin_async
SHARED.stop_async = stop_async
