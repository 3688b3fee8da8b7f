"""Awaited waits on shared objects: the asyncio bridge's ``begin_async_wait`` for them.

An awaited wait cannot park the loop's thread, so it gets a thread record of its own (its
owner word the loop thread's: a mutex it gets is owned by the loop thread) and a helper
thread that parks on that record's semaphore. Local signalers and other processes poke it;
the helper decides the wait under both locks, as the waiting thread itself would, and then
calls the bridge's ``wake()``. Withdrawing the wait takes it off its shared objects at once
and lets the helper end.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, final

from . import _session
from ._core import KERNEL_LOCK, POKED, Waitable, Waiter, WaitResult, begin
from ._segment import T_POKED, ts_word
from ._shared_state import POKE, register, unregister
from ._shared_threads import alloc_ts, free_ts, thread_info, try_acquire
from ._thread import current_state
from ._wait import SHARED

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ._session import Session
    from ._threadstate import ThreadState

__all__ = ["begin_async", "stop_async"]


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
            result = try_acquire(s, objs, wait_all, state, info)
            if result is not None:
                s.commit()
                return result
            ts = alloc_ts(s, info.owner, state.handle.native_id)
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
                        free_ts(s, job.ts)  # withdrawn (timed out) or cancelled
                        s.commit()
                        return
                    result = try_acquire(s, job.objects, waiter.wait_all, job.state, info)
                    if result is not None:
                        free_ts(s, job.ts)
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


SHARED.begin_async = begin_async
SHARED.stop_async = stop_async
