"""Threads in waits on shared objects: their records, their identity, their end.

Each thread that uses shared objects has a :class:`ThreadInfo` (its ``ThreadState.shared``):
its owner word (its process slot and native id, what a shared mutex records as its owner),
its own want word for the session lock, and, once it first blocks, a *thread record* in the
segment: the semaphore it parks on and the wait block other processes read and write.

Also here: satisfying a wait that mixes local and shared objects at once (both locks held),
and what a thread's end and a process's death do to shared mutexes and thread records.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, final

from .._fork import SESSION, after_fork_in_child
from ..errors import ERROR_NO_SYSTEM_RESOURCES, Win32Error
from . import _session
from ._core import ABANDONED, SIGNALED, Waitable, Waiter, WaitResult
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
    T_ACKED,
    T_MODE,
    T_OWNER,
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
from ._shared_state import give_back, ready, release_shared, take, unregister
from ._thread import add_exit_hook, current_state

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ._session import Session
    from ._thread import ThreadHandle
    from ._threadstate import ThreadState

__all__ = [
    "ThreadInfo",
    "thread_info",
    "current_info",
    "LOCAL_INFO",
    "alloc_ts",
    "free_ts",
    "ensure_ts",
    "try_acquire",
    "abandon",
    "abandon_owned",
]


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


def alloc_ts(s: Session, owner: int, tid: int) -> int:
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


def free_ts(s: Session, ts: int) -> None:
    """Give a thread record back; session lock held."""
    t = ts_word(ts)
    unregister(s, ts)
    s.put(t + T_STATE, 0)
    s.put(t + T_RESULT, 0)


def ensure_ts(s: Session, info: ThreadInfo, state: ThreadState) -> int:
    if info.ts < 0:
        info.ts = alloc_ts(s, info.owner, state.handle.native_id)
        info.sem = s.seg.ts_sem(info.ts)
    return info.ts


def try_acquire(
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
        if owner and low <= owner < high:  # 0 is a free mutex, in slot 0's range
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
            free_ts(s, info.ts)
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
        free_ts(s, ts)
        s.commit()


def _bury_mutexes(s: Session, slot: int) -> None:
    """Death hook: abandon every mutex a thread of the dead process owns."""
    abandon_owned(s, owner_word(slot, 0), owner_word(slot + 1, 0))


add_exit_hook(_thread_ended)
after_fork_in_child(_forget_local_info, SESSION)
_session.add_death_hook(10, _bury_threads)
_session.add_death_hook(20, _bury_mutexes)
