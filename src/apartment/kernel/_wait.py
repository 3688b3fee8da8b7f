"""The wait engine: wait_any, wait_all, signal_and_wait, alertable waits and sleep.

A wait first tries to be satisfied at once (lowest index first for wait-any, all at the same
instant for wait-all). Otherwise it registers one waiter with every object, parks on the
thread's private lock, and is woken only after someone decided its result under the kernel
lock (see ``_core``). Timeouts go through the current clock; Ctrl-C in the main thread
interrupts the park, and a grant that raced with the interrupt is undone, so an interrupted
wait never leaves an object acquired.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

from .. import _clock
from ..errors import InvalidHandleError, InvalidParameterError
from . import _thread
from ._core import (
    ALERTED,
    CANCELLED,
    KERNEL_LOCK,
    MAXIMUM_WAIT_OBJECTS,
    TIMED_OUT,
    Outcome,
    Waitable,
    Waiter,
    WaitResult,
    begin,
    blocked_watchers,
    finish,
    notify_blocked,
    release_waiters,
    try_acquire,
    wake_all,
)

if TYPE_CHECKING:
    import _thread as _thread_module
    from collections.abc import Callable

    from ._thread import ThreadHandle

__all__ = ["wait_any", "wait_all", "signal_and_wait", "sleep", "MAXIMUM_WAIT_OBJECTS"]

_T = TypeVar("_T")


def check_timeout(timeout: float | None) -> float | None:
    """Validate a timeout in seconds: None (forever) or a number >= 0."""
    if timeout is None:
        return None
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise TypeError(f"timeout must be a number of seconds or None, not {timeout!r}")
    if timeout < 0 or math.isnan(timeout):
        raise ValueError(f"timeout must be >= 0 seconds (or None for no limit), not {timeout!r}")
    return None if math.isinf(timeout) else timeout


def _check_objects(objects: Iterable[Waitable], wait_all: bool) -> tuple[Waitable, ...]:
    kind = type(objects)
    if kind is tuple:
        objs: tuple[Waitable, ...] = objects  # type: ignore[assignment]
    elif kind is list:
        objs = tuple(objects)
    elif isinstance(objects, (str, bytes)) or not isinstance(objects, Iterable):
        raise TypeError(f"objects must be a sequence of waitable objects, not {objects!r}")
    else:
        objs = tuple(objects)
    if not 0 < len(objs) <= MAXIMUM_WAIT_OBJECTS:
        raise InvalidParameterError(
            f"a wait takes 1 to {MAXIMUM_WAIT_OBJECTS} objects, not {len(objs)}; "
            "split larger sets across threads"
        )
    if not Waitable.kinds.issuperset(map(type, objs)):
        bad = next(obj for obj in objs if type(obj) not in Waitable.kinds)
        raise TypeError(f"{bad!r} is not a waitable kernel object")
    if wait_all and len(set(map(id, objs))) != len(objs):
        raise InvalidParameterError(
            "wait_all was given the same object twice; pass each object once"
        )
    return objs


def wait_any(
    objects: Iterable[Waitable], timeout: float | None = None, *, alertable: bool = False
) -> WaitResult | None:
    """Wait until one of ``objects`` is signaled and acquire that one (WaitForMultipleObjects).

    When several are ready the lowest index wins; only that object's side effect applies.
    Returns the WaitResult (``index``, ``abandoned``), ``ALERTED`` when ``alertable`` and APCs
    ran, or None when ``timeout`` seconds passed. Duplicates are allowed.

    Raises:
        InvalidParameterError: no objects, or more than 64.
    """
    objs = _check_objects(objects, False)
    return _wait(objs, False, check_timeout(timeout), alertable)


def wait_all(
    objects: Iterable[Waitable], timeout: float | None = None, *, alertable: bool = False
) -> WaitResult | None:
    """Wait until all ``objects`` are signaled at once and acquire them all atomically.

    Nothing is taken until everything can be: objects stay available to other threads in the
    meantime. Returns ``WaitResult(0)`` (``abandoned`` if any mutex was), ``ALERTED``, or None.

    Raises:
        InvalidParameterError: no objects, more than 64, or one object given twice.
    """
    objs = _check_objects(objects, True)
    return _wait(objs, True, check_timeout(timeout), alertable)


def wait_any_unchecked(
    objects: tuple[Waitable, ...], timeout: float | None = None, alertable: bool = False
) -> WaitResult | None:
    """wait_any for the library's own callers: a tuple it built, so no argument checks."""
    return _wait(objects, False, None if timeout is None else check_timeout(timeout), alertable)


def wait_any_after(
    before: Callable[[ThreadHandle, list[Waiter]], _T],
    objects: tuple[Waitable, ...],
    timeout: float | None = None,
) -> _T | WaitResult | None:
    """wait_any_unchecked that first runs ``before(thread, woken)`` in the same kernel-lock hold.

    ``before`` may change state and queue wake-ups in ``woken`` (posting a call and arming a
    queue's input, say): nobody sees the change before the wait is in place. If it returns
    something other than None, that is returned at once and nothing is waited.
    """
    timeout = None if timeout is None else check_timeout(timeout)
    return _wait(objects, False, timeout, False, before=before)


def wait_single(obj: Waitable, timeout: float | None, alertable: bool) -> WaitResult | None:
    """Wait on a single object; the common path of every ``wait()`` method."""
    return _wait((obj,), False, check_timeout(timeout), alertable)


def sleep(seconds: float | None, *, alertable: bool = False) -> bool:
    """Sleep for ``seconds`` (None: until an APC), running APCs if ``alertable`` (SleepEx).

    Returns True if APCs ran and cut the sleep short, False when the time passed.
    """
    timeout = check_timeout(seconds)
    thread = _thread.current_thread()
    return _wait((), False, timeout, alertable, thread) is ALERTED


def signal_and_wait(
    to_signal: Waitable,
    to_wait: Waitable,
    timeout: float | None = None,
    *,
    alertable: bool = False,
) -> WaitResult | None:
    """Signal one object and start waiting on another in one atomic step.

    ``to_signal`` must be an event (set), a mutex (released) or a semaphore (released by
    one). If signaling fails, nothing is waited. The signal happens even if the wait times out.
    """
    timeout = check_timeout(timeout)
    signal_now = getattr(to_signal, "_signal_for_wait", None)
    if signal_now is None or not isinstance(to_wait, Waitable):
        raise InvalidHandleError(
            f"signal_and_wait signals an Event, Mutex or Semaphore, not {to_signal!r}"
        )
    return _wait((to_wait,), False, timeout, alertable, before=signal_now)


def _wait(
    objects: tuple[Waitable, ...],
    wait_all: bool,
    timeout: float | None,
    alertable: bool,
    thread: ThreadHandle | None = None,
    before: Callable[[ThreadHandle, list[Waiter]], _T | None] | None = None,
) -> _T | WaitResult | None:
    """Run one wait from start to finish on the calling thread (``before``: see wait_any_after)."""
    if thread is None:
        thread = _thread.current_thread()
    if thread._suspend_count:
        _thread.gate(thread)
    if not thread._parks_fast:
        _thread.park_fast(thread)
    clock = _clock.get_clock()
    deadline = None if timeout is None else clock.now() + timeout
    woken: list[Waiter] = []
    found = None
    result: WaitResult | Outcome | None = None
    with KERNEL_LOCK:
        if before is not None:
            found = before(thread, woken)
        if found is None and objects:
            result = try_acquire(objects, wait_all, thread)
        if found is None and result is None:
            if alertable and thread._apcs:
                result = ALERTED
            elif timeout == 0:
                result = TIMED_OUT
            else:
                waiter = thread._waiter
                if waiter.result is None:  # nested wait (in a signal handler): a fresh waiter
                    waiter = Waiter(thread, thread._park.release, eager=True)
                begin(waiter, objects, wait_all, alertable)
                thread._active = waiter
                if blocked_watchers:
                    notify_blocked()
    if woken:
        wake_all(woken)
    if found is not None:
        return found
    if result is None:
        result = _park(waiter, deadline, clock)
        if thread._suspend_count:  # suspended while parked: stop here until resumed
            _thread.gate(thread)
    if result is ALERTED:
        _thread.run_apcs(thread)
        return ALERTED
    if isinstance(result, Outcome):  # timed out
        return None
    return result


def _park(
    waiter: Waiter, deadline: float | None, clock: _clock.Clock
) -> WaitResult | Outcome | None:
    """Block until the waiter's result is decided; return it (TIMED_OUT/ALERTED included)."""
    lock = waiter.thread._park
    try:
        if deadline is None:
            lock.acquire()
        elif not clock.park(lock, deadline, lambda: _expire(waiter)):
            if _withdraw(waiter, TIMED_OUT) is None:
                return TIMED_OUT
            lock.acquire()  # decided meanwhile: its wake-up is on the way; take it
    except BaseException:
        _cancel(waiter)
        raise
    return waiter.result


def _expire(waiter: Waiter) -> None:
    """Time a pending waiter out; called by a clock that cannot time the park itself."""
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        if waiter.result is None:
            finish(waiter, TIMED_OUT, woken)
    wake_all(woken)


def _withdraw(waiter: Waiter, outcome: Outcome) -> WaitResult | Outcome | None:
    """End a wait still pending with ``outcome`` and return None; else return its result.

    Only the waiter's own side calls this: a pending waiter needs no wake-up.
    """
    with KERNEL_LOCK:
        result = waiter.result
        if result is None:
            finish(waiter, outcome, [])
    return result


def _cancel(waiter: Waiter) -> None:
    """Withdraw an interrupted wait; undo a grant that raced with the interrupt."""
    result = _withdraw(waiter, CANCELLED)
    if result is None:
        return
    # Someone decided the result and is about to wake us: take that wake-up first.
    lock = waiter.thread._park
    while True:
        try:
            lock.acquire()
            break
        except BaseException:  # a second Ctrl-C while the wake-up is in flight
            continue
    _undo(waiter, result)


def _undo(waiter: Waiter, result: WaitResult | Outcome | None) -> None:
    """Give back what a grant took, for a waiter that will never use it."""
    if not isinstance(result, WaitResult) or result.alerted:
        return
    thread = waiter.thread
    objects = waiter.objects
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        taken = objects if waiter.wait_all else (objects[result.index],)
        for obj in taken:
            obj._untake(thread, result.abandoned)
        for obj in taken:
            release_waiters(obj, woken)
    wake_all(woken)


def begin_async_wait(
    objects: Iterable[Waitable], wait_all: bool, wake: Callable[[], object]
) -> WaitResult | Waiter:
    """Start a wait that calls ``wake()`` (from any thread) instead of parking the caller.

    Returns the WaitResult at once if the wait is satisfied now; otherwise a pending Waiter
    whose ``result`` is decided before ``wake()`` is called. The calling thread counts as the
    waiting thread (it will own a mutex it gets). Used by the asyncio bridge.
    """
    objs = _check_objects(objects, wait_all)
    thread = _thread.current_thread()
    with KERNEL_LOCK:
        result = try_acquire(objs, wait_all, thread)
        if result is not None:
            return result
        waiter = Waiter(thread, wake, eager=True)
        begin(waiter, objs, wait_all, False)
        return waiter


def cancel_async_wait(waiter: Waiter) -> None:
    """Withdraw an asynchronous wait; if it was satisfied meanwhile, give back what it took."""
    _undo(waiter, _withdraw(waiter, CANCELLED))


def withdraw_async_wait(waiter: Waiter) -> WaitResult | None:
    """End an asynchronous wait at its timeout: None, or the grant that beat the timeout."""
    result = _withdraw(waiter, TIMED_OUT)
    return result if isinstance(result, WaitResult) else None


def is_parked(thread: ThreadHandle, on: Waitable | None = None) -> bool:
    """Tell whether ``thread`` is parked in a wait (on ``on``, if given); kernel lock held.

    A thread stopped at its suspend gate counts as parked when ``on`` is None.
    """
    waiter = thread._active
    if waiter is not None and waiter.result is None:
        return on is None or any(obj is on for obj in waiter.objects)
    return on is None and thread._gate_waiting


def watch_parks(lock: _thread_module.LockType) -> None:
    """Release the held ``lock`` the next time any thread parks; kernel lock held."""
    blocked_watchers.append(lock)


def unwatch_parks(lock: _thread_module.LockType) -> None:
    """Stop watching with ``lock`` if it was not released yet; kernel lock held."""
    if lock in blocked_watchers:
        blocked_watchers.remove(lock)
