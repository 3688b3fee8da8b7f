"""The wait engine: wait_any, wait_all, signal_and_wait, alertable waits and sleep.

A wait first tries to be satisfied at once (lowest index first for wait-any, all at the same
instant for wait-all). Otherwise it registers one waiter with every object, parks on the
thread's private parker, and is woken only after someone decided its result under the kernel
lock (see ``_core``). Timeouts go through the current clock; Ctrl-C in the main thread
interrupts the park, and a grant that raced with the interrupt is undone, so an interrupted
wait never leaves an object acquired.

One wait runs in two steps, each a function: :func:`_start`, one kernel-lock hold that ends
the wait at once or registers its waiter, and :func:`_park`, which blocks until the result is
decided. The engine sits above ``_core``, ``_threadstate`` and ``_thread``; it plugs
:func:`wait_single` into ``_core.ENGINE`` as it is imported, for ``Waitable.wait``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, NoReturn, TypeVar

from .. import _clock
from ..errors import InvalidHandleError, InvalidParameterError
from ._core import (
    ABANDONED,
    ALERTED,
    CANCELLED,
    ENGINE,
    KERNEL_LOCK,
    MAXIMUM_WAIT_OBJECTS,
    POKED,
    SHARING,
    SIGNALED,
    TIMED_OUT,
    UNARMED,
    CheckedObjects,
    Outcome,
    Waitable,
    Waiter,
    WaitResult,
    _seq,
    arm_unarmed,
    begin,
    claim_drive,
    finish,
    release_waiters,
    try_acquire,
    wake_all,
)
from ._parker import waker
from ._parkwatch import blocked_watchers, notify_blocked
from ._thread import _tls as _thread_locals
from ._thread import current_state

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._threadstate import ThreadState

__all__ = [
    "wait_any",
    "wait_all",
    "signal_and_wait",
    "sleep",
    "MAXIMUM_WAIT_OBJECTS",
    "check_timeout",
    "wait_any_unchecked",
    "wait_resolved",
    "wait_any_after",
    "wait_single",
    "wait_any_forever",
    "take_or_register",
    "UNSTARTED",
    "begin_async_wait",
    "cancel_async_wait",
    "withdraw_async_wait",
    "SHARED",
    "SharedObjects",
]

_T = TypeVar("_T")


def check_timeout(timeout: float | None) -> float | None:
    """Validate a timeout in seconds: None (forever) or a number >= 0."""
    kind = type(timeout)
    if (kind is float or kind is int) and 0 <= timeout < math.inf:  # type: ignore[operator]
        return timeout  # the common case: NaN and infinity fail the comparison
    if timeout is None:
        return None
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise TypeError(f"timeout must be a number of seconds or None, not {timeout!r}")
    if timeout < 0 or math.isnan(timeout):
        raise ValueError(f"timeout must be >= 0 seconds (or None for no limit), not {timeout!r}")
    return None if math.isinf(timeout) else timeout


class SharedObjects(tuple):  # type: ignore[type-arg]
    """The objects of a wait of which some are shared with other processes (a marker type).

    :func:`_check_objects` returns one instead of a plain tuple, so a wait on local objects
    pays one ``type(...) is tuple`` check for the shared engine to exist.
    """

    __slots__ = ()


class _SharedEngine:
    """Where waits that involve shared objects go; ``_shared_wait`` fills it as it is imported."""

    __slots__ = ("begin_async", "stop_async", "wait")

    def __init__(self) -> None:
        self.wait: Callable[..., WaitResult | None] = _no_shared
        self.begin_async: Callable[..., WaitResult | Waiter] = _no_shared
        self.stop_async: Callable[[Waiter], None] = _no_shared


def _no_shared(*args: object, **kwargs: object) -> NoReturn:
    raise RuntimeError("the shared wait engine is not loaded; import apartment.kernel first")


SHARED = _SharedEngine()
"""The shared wait engine's entry points: ``wait(objects, wait_all, timeout, alertable,
before=None)``, ``begin_async(objects, wait_all, wake)``, ``stop_async(waiter)``."""


def _check_objects(
    objects: Iterable[Waitable], wait_all: bool, thread: ThreadState
) -> tuple[Waitable, ...]:
    """Check what a wait was given; return a tuple of local objects or SharedObjects.

    A set the handle table checked, or the tuple this thread checked last, is taken as it is
    while no object has been published since (``SHARING``): a loop that waits on the same
    objects again checks them once.
    """
    epoch = SHARING.epoch  # read first: an object published after it makes the check stale
    kind = type(objects)
    if kind is CheckedObjects:  # the handle table checked them as it resolved them
        if objects.epoch == epoch:  # type: ignore[attr-defined]
            if wait_all and not objects.distinct:  # type: ignore[attr-defined]
                raise _repeated()
            return objects.plain  # type: ignore[attr-defined, no-any-return]
        objects = objects.plain  # type: ignore[attr-defined]
        kind = tuple
    if kind is tuple:
        objs: tuple[Waitable, ...] = objects  # type: ignore[assignment]
        last = thread.checked
        if last is not None and last[0] is objs and last[1] == epoch:
            if wait_all and not last[2]:
                raise _repeated()
            return objs
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
    local = Waitable.kinds.issuperset(map(type, objs))
    if not local:
        known = Waitable.kinds | Waitable.shared_kinds
        for obj in objs:
            if type(obj) not in known:
                raise TypeError(f"{obj!r} is not a waitable kernel object")
    distinct = len(set(map(id, objs))) == len(objs)
    if wait_all and not distinct:
        raise _repeated()
    if not local:
        return SharedObjects(objs)  # checked again each time: shared objects are not cached
    if kind is tuple:  # the caller's own tuple, which it may pass again
        thread.checked = (objs, epoch, distinct)
    return objs


def _repeated() -> InvalidParameterError:
    return InvalidParameterError("wait_all was given the same object twice; pass each object once")


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
    thread = current_state()
    objs = _check_objects(objects, False, thread)
    if type(objs) is not tuple:
        return SHARED.wait(objs, False, check_timeout(timeout), alertable)
    return _wait(objs, False, check_timeout(timeout), alertable, thread=thread)


def wait_all(
    objects: Iterable[Waitable], timeout: float | None = None, *, alertable: bool = False
) -> WaitResult | None:
    """Wait until all ``objects`` are signaled at once and acquire them all atomically.

    Nothing is taken until everything can be: objects stay available to other threads in the
    meantime. Returns ``WaitResult(0)`` (``abandoned`` if any mutex was), ``ALERTED``, or None.

    Raises:
        InvalidParameterError: no objects, more than 64, or one object given twice.
    """
    thread = current_state()
    objs = _check_objects(objects, True, thread)
    if type(objs) is not tuple:
        return SHARED.wait(objs, True, check_timeout(timeout), alertable)
    return _wait(objs, True, check_timeout(timeout), alertable, thread=thread)


def wait_any_unchecked(
    objects: tuple[Waitable, ...], timeout: float | None = None, alertable: bool = False
) -> WaitResult | None:
    """wait_any for the library's own callers: a tuple it built, so no argument checks."""
    return _wait(objects, False, None if timeout is None else check_timeout(timeout), alertable)


def wait_resolved(
    objects: tuple[Waitable, ...], wait_all: bool, timeout: float | None
) -> WaitResult | None:
    """wait_any or wait_all on a set the handle table resolved, with a timeout checked already.

    ``objects`` is what ``HandleTable.get_many`` returned (most often a CheckedObjects: no
    object is looked at again while the sharing epoch stands); ``timeout`` is None or a
    finite number of seconds >= 0. For the facade's WaitForMultipleObjects, whose own checks
    of its arguments stand for wait_any's: a loop's wait costs what the wait itself does.
    """
    if type(objects) is CheckedObjects and objects.epoch == SHARING.epoch:
        if wait_all and not objects.distinct:
            raise _repeated()
        return _wait(objects.plain, wait_all, timeout, False)
    return (_wait_all if wait_all else wait_any)(objects, timeout)


def wait_any_after(
    before: Callable[[ThreadState, list[Waiter]], _T],
    objects: tuple[Waitable, ...],
    timeout: float | None = None,
    *,
    alertable: bool = False,
) -> _T | WaitResult | None:
    """wait_any_unchecked that first runs ``before(thread, woken)`` in the same kernel-lock hold.

    ``before`` may change state and queue wake-ups in ``woken`` (posting a call and arming a
    queue's input, say): nobody sees the change before the wait is in place. If it returns
    something other than None, that is returned at once and nothing is waited.
    """
    timeout = None if timeout is None else check_timeout(timeout)
    return _wait(objects, False, timeout, alertable, before=before)


def wait_any_forever(
    objects: tuple[Waitable, ...],
    before: Callable[[ThreadState, None], _T | None] | None = None,
) -> _T | WaitResult | None:
    """wait_any_unchecked with no timeout, not alertable: block until one object is ready.

    The library's own blocking waits (a call's reply, an idle message loop) take this path:
    one kernel-lock hold that takes a ready object or registers the thread's waiter
    (:func:`take_or_register`), then the park, without the general engine's steps for
    timeouts, alerts, I/O and shared objects. ``before(thread, None)``, when given, runs
    first in that hold (a message loop's take of its next message, say): a result other
    than None is returned at once and nothing is waited; it queues no wake-ups. What the
    plain case does not cover (a suspended thread, owned mutexes, more than six objects, a
    nested wait, I/O left unarmed on them, shared objects) goes the general way, which gives
    the same result.
    """
    try:  # current_state(), written out: the call is one the park need not pay
        thread: ThreadState = _thread_locals.state
    except AttributeError:
        thread = current_state()
    if thread.suspend_count or not thread.parks_fast or thread.owned or len(objects) > 6:
        return _forever_slowly(objects, before, thread)
    waiter = thread.waiter
    started = take_or_register(objects, before, thread, waiter, False, False)
    if started is not None:
        if started is UNSTARTED:  # (before, if any, found nothing: the general way runs without it)
            return _wait(objects, False, None, False, thread=thread)
        return started  # type: ignore[return-value]
    try:
        thread.park_forever()  # (thread.park.acquire(), without a Python frame where it can)
    except BaseException:
        _cancel(waiter)
        raise
    if thread.suspend_count:  # suspended while parked: stop here until resumed
        thread.stop_at_gate()
    result = waiter.result
    if result is POKED:  # an object became shared meanwhile: look again there
        return SHARED.wait(SharedObjects(objects), False, None, False)
    return result  # type: ignore[return-value]  # (not timed, not alertable: a grant)


UNSTARTED = Outcome("not started")
""":func:`take_or_register`'s answer when the wait must go the general way instead."""


def take_or_register(
    objects: tuple[Waitable, ...],
    before: Callable[[ThreadState, None], _T | None] | None,
    thread: ThreadState,
    waiter: Waiter,
    any_unarmed: bool,
    refuse_watched: bool,
) -> _T | WaitResult | Outcome | None:
    """Take a ready object or register the thread's waiter, in one kernel-lock hold.

    The first step of the library's plain blocking waits (:func:`wait_any_forever`,
    ``_fdwait.wait_any_or_readable``): a wait-any without timeout or alerts, on a few (at
    most six) local objects, by a thread that is not suspended and owns no mutex (the
    caller checked that). ``before(thread, None)``, if given, runs first: a result other
    than None is returned as it is. Then the lowest-index ready object is taken and its
    WaitResult returned. Otherwise the thread's waiter is made pending on ``objects`` and
    None is returned: park now. UNSTARTED means the plain case does not hold (a nested
    wait, I/O left unarmed, an object published as shared since the caller checked it;
    ``before`` has run then): wait the general way, without ``before``. ``waiter`` is the
    thread's own (``thread.waiter``), which the caller parks with.

    The two callers differ in two tests, the parameters: ``any_unarmed`` refuses when any
    I/O is left unarmed (a wait that polls a descriptor cannot drive I/O), else only I/O on
    ``objects``; ``refuse_watched`` refuses while someone waits for a thread to park
    (``_parkwatch``), else the registered waiter notifies them.
    """
    with KERNEL_LOCK:
        if before is not None:
            found = before(thread, None)
            if found is not None:
                return found
        for obj in objects:  # try_acquire, for a few objects and no owned mutex
            if obj._ready:
                index = objects.index(obj)
                return ABANDONED[index] if obj._take(thread) else SIGNALED[index]
        if (
            waiter.result is None  # a nested wait (in a signal handler): a waiter of its own
            or (UNARMED and (any_unarmed or not UNARMED.keys().isdisjoint(objects)))
            or (blocked_watchers and refuse_watched)
            or (SHARING.epoch and not Waitable.kinds.issuperset(map(type, objects)))
        ):  # (the last test: one was published since the caller checked them)
            return UNSTARTED
        # begin(), for this case: ``scanned`` is left as it is (it speaks of the set a scan
        # of more than six objects registered, never of this one; see _core._scan_any)
        if waiter.objects is not objects:
            if waiter.objects != objects:
                waiter.unregister()
                for obj in objects:
                    obj._waiters[waiter] = None
            waiter.objects = objects
        waiter.scan_seen = None
        waiter.seq = next(_seq)
        waiter.wait_all = False
        waiter.alertable = False
        waiter.result = None
        thread.active = waiter
        if blocked_watchers:
            notify_blocked()
    return None


def _forever_slowly(
    objects: tuple[Waitable, ...],
    before: Callable[[ThreadState, None], _T | None] | None,
    thread: ThreadState,
) -> _T | WaitResult | None:
    """wait_any_forever the general way (wait_any_after's, when ``before`` is given).

    ``before`` gets None for the general way's list of wake-ups too, as on the fast way: it
    queues none.
    """
    if before is None:
        return _wait(objects, False, None, False, thread=thread)

    def first(thread: ThreadState, woken: list[Waiter]) -> _T | None:
        return before(thread, None)

    return _wait(objects, False, None, False, before=first, thread=thread)


def wait_single(obj: Waitable, timeout: float | None, alertable: bool) -> WaitResult | None:
    """Wait on a single object; the common path of every ``wait()`` method."""
    return _wait((obj,), False, check_timeout(timeout), alertable)


def sleep(seconds: float | None, *, alertable: bool = False) -> bool:
    """Sleep for ``seconds`` (None: until an APC), running APCs if ``alertable`` (SleepEx).

    Returns True if APCs ran and cut the sleep short, False when the time passed.
    """
    return _wait((), False, check_timeout(seconds), alertable) is ALERTED


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
    shared = Waitable.shared_kinds
    if type(to_signal) in shared or type(to_wait) in shared:
        return SHARED.wait(SharedObjects((to_wait,)), False, timeout, alertable, before=signal_now)
    return _wait((to_wait,), False, timeout, alertable, before=signal_now)


def _wait(
    objects: tuple[Waitable, ...],
    wait_all: bool,
    timeout: float | None,
    alertable: bool,
    before: Callable[[ThreadState, list[Waiter]], _T | None] | None = None,
    thread: ThreadState | None = None,
) -> _T | WaitResult | None:
    """Run one wait on the calling thread: start it, park if it must, and end it.

    ``before`` runs in the lock hold that starts the wait (see wait_any_after). ALERTED runs
    the thread's APCs before it is returned; a timeout returns None. ``thread`` is the
    caller's ThreadState when it has it already.
    """
    if thread is None:
        thread = current_state()
    if thread.suspend_count:
        thread.stop_at_gate()
    if not thread.parks_fast:
        thread.park_fast()
    clock = None  # None waits forever and 0 never parks: neither reads the clock
    deadline = 0.0
    if timeout:
        clock = _clock.get_clock()
        deadline = clock.now() + timeout
    started: _T | WaitResult | Outcome | Waiter | None
    with KERNEL_LOCK:
        if before is None and objects:  # the common case, ready at once, ends here
            result = try_acquire(objects, wait_all, thread)
            if result is not None:
                return result
        woken: list[Waiter] = []
        started = _start(thread, objects, wait_all, timeout, alertable, before, woken)
    if woken:
        wake_all(woken)
    if type(started) is Waiter:
        if started.drive is None:
            started = _park(started, clock, deadline)
        else:
            started = _drive(started, None if clock is None else deadline)
    if started is ALERTED:
        thread.run_apcs()
        return ALERTED
    if isinstance(started, Outcome):  # timed out, or poked: an object became shared meanwhile
        if started is POKED:
            left = None if clock is None else max(deadline - clock.now(), 0.0)
            return SHARED.wait(
                SharedObjects(objects), wait_all, 0.0 if timeout == 0 else left, alertable
            )
        return None
    return started


def _start(
    thread: ThreadState,
    objects: tuple[Waitable, ...],
    wait_all: bool,
    timeout: float | None,
    alertable: bool,
    before: Callable[[ThreadState, list[Waiter]], _T | None] | None,
    woken: list[Waiter],
) -> _T | WaitResult | Outcome | Waiter:
    """Start a wait with the kernel lock held: end it at once, or register its waiter.

    The wait ends at once with what ``before`` returns if that is not None (and ``woken``
    gets the wake-ups ``before`` queued), with the objects acquired if they are ready, with
    ALERTED if it is alertable and APCs are queued, or with TIMED_OUT when ``timeout`` is 0.
    Otherwise the thread's waiter becomes pending on ``objects`` and is returned, to park on.
    """
    if before is not None:  # (without it, _wait tried the objects in this hold already)
        found = before(thread, woken)
        if found is not None:
            return found
        if objects:
            result = try_acquire(objects, wait_all, thread)
            if result is not None:
                return result
    if SHARING.epoch and not Waitable.kinds.issuperset(map(type, objects)):
        return POKED  # one was published since the caller checked them: look again there
    if alertable and thread.apcs:
        return ALERTED
    if timeout == 0:
        if UNARMED:  # a poll: what it polls must make progress without the poller
            arm_unarmed(objects)
        return TIMED_OUT
    waiter = thread.waiter
    if waiter.result is None:  # a nested wait (in a signal handler): a waiter of its own
        waiter = Waiter(thread, waker(thread.park), eager=True)
    if UNARMED and (timeout is None or type(_clock.get_clock()) is _clock.MonotonicClock):
        # I/O left to this thread: carry it out while waiting (timed on the real clock only)
        drive = claim_drive(objects)
        if drive is not None:
            driven = drive.waiter(thread)
            if driven is None:
                drive()
            else:
                waiter = driven
                waiter.drive = drive
    begin(waiter, objects, wait_all, alertable)
    thread.active = waiter
    if blocked_watchers:
        notify_blocked()
    return waiter


def _park(
    waiter: Waiter, clock: _clock.Clock | None, deadline: float
) -> WaitResult | Outcome | None:
    """Block until the pending waiter's result is decided and return it (TIMED_OUT included).

    ``clock`` is None to park without a limit, else the clock that ends the park at
    ``deadline``. A thread suspended while it was parked stops at its gate before returning.
    """
    thread = waiter.thread
    lock = thread.park
    try:
        if clock is None:
            thread.park_forever()
        elif not clock.park(lock, deadline, lambda: _expire(waiter)):
            decided = _withdraw(waiter, TIMED_OUT)
            if decided is not None:  # decided meanwhile: its wake-up is on the way; take it
                lock.acquire()
    except BaseException:
        _cancel(waiter)
        raise
    if thread.suspend_count:  # suspended while parked: stop here until resumed
        thread.stop_at_gate()
    return waiter.result


def _drive(waiter: Waiter, deadline: float | None) -> WaitResult | Outcome | None:
    """Carry out the I/O the pending waiter waits for, until its result is decided.

    ``deadline`` is None (no timeout) or a ``time.monotonic()`` time (the real clock's), at
    which the wait times out. The waiter is its Drive's, woken without the thread's parker:
    an interrupted wait has no wake-up to take, only a grant to undo.
    """
    drive = waiter.drive
    assert drive is not None
    try:
        decided = drive.drive(waiter, deadline)
    except BaseException:
        _undo(waiter, _withdraw(waiter, CANCELLED))
        raise
    finally:
        waiter.drive = None
    result = waiter.result
    if not decided:  # the deadline passed; it may have been decided since
        result = _withdraw(waiter, TIMED_OUT)
        if result is None:
            result = TIMED_OUT
    thread = waiter.thread
    if thread.suspend_count:  # suspended while it drove: stop here until resumed
        thread.stop_at_gate()
    return result


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
    lock = waiter.thread.park
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
    thread = current_state()
    objs = _check_objects(objects, wait_all, thread)
    if type(objs) is not tuple:
        return SHARED.begin_async(objs, wait_all, wake)
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
    if waiter.shared:
        SHARED.stop_async(waiter)


def withdraw_async_wait(waiter: Waiter) -> WaitResult | None:
    """End an asynchronous wait at its timeout: None, or the grant that beat the timeout."""
    result = _withdraw(waiter, TIMED_OUT)
    if waiter.shared:
        SHARED.stop_async(waiter)
    return result if isinstance(result, WaitResult) else None


_wait_all = wait_all  # wait_resolved's parameter of that name shadows the function

# Waitable.wait (in _core, below this module) reaches the engine through ENGINE; the package
# imports this module before anything can wait.
ENGINE.wait_single = wait_single
