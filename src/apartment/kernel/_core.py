"""The kernel lock, the waitable base class, waiters and the hand-off that wakes them.

All kernel-object state and every wait list change under one process-wide lock, ``KERNEL_LOCK``
(as in the Wine server and the ntsync driver). A blocked thread parks on a private parker of its
own. Whoever makes an object signaled satisfies that object's waiters in FIFO order while still
holding the kernel lock (granting mutex ownership, taking semaphore units, resetting auto-reset
events, all-or-nothing for wait-all) and only then, after dropping it, wakes them. A woken waiter
finds its result already decided: no thundering herd, no retry loop, no lost wake-up.

Invariant: a registered wait-any waiter has no object that is ready for it (otherwise it would
have been satisfied when the object became ready), so an object that turns ready is always the
lowest-index ready object of the waiters it satisfies. The one exception, a thread suspended
while waiting, is re-checked in index order when it is resumed.

This module is the bottom of the kernel: it imports no other kernel module at run time. A
waiting thread appears here as its ``ThreadState`` (``_threadstate``, one level up), and
``Waitable.wait`` reaches the wait engine (``_wait``, above both) through :data:`ENGINE`,
which the engine fills once as it is imported.
"""

from __future__ import annotations

import _thread
import itertools
import operator
from abc import abstractmethod
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, final

from .._fork import KERNEL, hold_across_fork

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._threadstate import ThreadState

__all__ = [
    "KERNEL_LOCK",
    "MAXIMUM_WAIT_OBJECTS",
    "CheckedObjects",
    "SHARING",
    "UNARMED",
    "IO_OWNERS",
    "Drive",
    "arm_unarmed",
    "claim_drive",
    "WaitResult",
    "SIGNALED",
    "ABANDONED",
    "ALERTED",
    "Outcome",
    "TIMED_OUT",
    "CANCELLED",
    "POKED",
    "Waitable",
    "Waiter",
    "ENGINE",
    "begin",
    "finish",
    "pending",
    "waiting",
    "try_acquire",
    "release_waiters",
    "release_newest_first",
    "recheck",
    "wake_all",
]

KERNEL_LOCK = _thread.allocate_lock()
"""Guards the state of every kernel object and every wait list.

Taken with ``with`` only, never ``acquire()`` then ``try``: in the main thread a Ctrl-C is
raised at the end of the ``acquire()`` call, before the ``try`` starts, and the lock stays held
for ever (the next call of any thread hangs). A ``with`` takes it in an instruction that runs
no signal handler. It costs about 80 ns more a hold; a hung Ctrl-C costs the program.
"""
hold_across_fork(KERNEL_LOCK, KERNEL)

MAXIMUM_WAIT_OBJECTS = 64


class _Sharing:
    """How many local objects this process has made shared in place (``publish``).

    A set of objects checked to be all local stays so until one of them is published: a
    check remembered with the epoch it was made in is still good while the epoch is the same.
    Advanced only under the kernel lock, before the object changes class; read anywhere.
    """

    __slots__ = ("epoch",)

    def __init__(self) -> None:
        self.epoch = 0


SHARING = _Sharing()


class CheckedObjects(tuple):  # type: ignore[type-arg]
    """A set of objects to wait on that has been checked already (a marker type).

    Holds 1 to 64 objects that were local kernel objects in sharing epoch :attr:`epoch`;
    :attr:`distinct` says whether none repeats (which a wait for all of them needs). The handle
    table hands one out for each set of handles it resolves and keeps it while those handles
    stay open, so a loop that waits on the same handles again checks them once. The waits take
    :attr:`plain`, an ordinary tuple of the same objects, while the epoch has not moved.
    """

    plain: tuple[Waitable, ...]
    distinct: bool
    epoch: int

    @classmethod
    def of(cls, objects: tuple[Waitable, ...], epoch: int) -> CheckedObjects:
        """Mark ``objects``, found to be 1 to 64 local kernel objects in sharing ``epoch``.

        ``epoch`` is :data:`SHARING`'s, read before the check began.
        """
        checked = cls(objects)
        checked.plain = objects
        checked.distinct = len(set(map(id, objects))) == len(objects)
        checked.epoch = epoch
        return checked


@final
class WaitResult(NamedTuple):
    """What satisfied a wait.

    ``index`` is the position of the object (0 for wait_all); ``abandoned`` tells that a mutex
    among them was abandoned by a thread that ended while owning it.
    ``alerted`` is True (and ``index`` is -1) when an alertable wait ended because queued
    APCs ran (Win32's WAIT_IO_COMPLETION). A WaitResult is always truthy; a timeout is ``None``.
    """

    index: int  # type: ignore[assignment]  # shadows tuple.index on purpose: it reads best
    abandoned: bool = False
    alerted: bool = False


# Every possible result exists once, so satisfying a wait allocates nothing.
SIGNALED: tuple[WaitResult, ...] = tuple(WaitResult(i) for i in range(MAXIMUM_WAIT_OBJECTS))
ABANDONED: tuple[WaitResult, ...] = tuple(
    WaitResult(i, abandoned=True) for i in range(MAXIMUM_WAIT_OBJECTS)
)
ALERTED = WaitResult(-1, alerted=True)


class Outcome:
    """A private marker for how a wait ended when no object satisfied it."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<{self.name}>"


TIMED_OUT = Outcome("timed out")
CANCELLED = Outcome("cancelled")
POKED = Outcome("poked")
"""A wait that involves objects shared with other processes must look again (``_shared_wait``)."""


class Waitable:
    """The base of every kernel object a thread can wait on.

    ``_ready`` is true while the object would satisfy a wait by any thread (an event or timer
    is signaled, a semaphore count is positive, a mutex is free, a thread or process has
    ended); a mutex is also ready for the thread that owns it. Subclasses say what a
    satisfied wait does (``_take``) and how to undo it (``_untake``), both given the waiting
    thread's ThreadState. All three are used only under the kernel lock.
    """

    __slots__ = ("__weakref__", "_ready", "_waiters")

    kinds: ClassVar[set[type[Waitable]]] = set()
    """Every concrete kernel-object class, for a fast check of what a wait is given."""
    shared_kinds: ClassVar[set[type[Waitable]]] = set()
    """The classes of objects shared with other processes: a wait on one of them is the
    shared engine's (``_shared_wait``), not this one's."""
    announced_kinds: ClassVar[set[type[Waitable]]] = set()
    """The classes whose objects become ready only where :func:`release_waiters` (or
    :func:`release_newest_first`) then runs for them whenever they have waiters, registered
    or pending: a remembered scan of a set of them (see :func:`try_acquire`) relies on it.
    A class says so with ``announced=True``; a subclass must say it again."""

    def __init_subclass__(
        cls, shared: bool = False, announced: bool = False, **kwargs: object
    ) -> None:
        super().__init_subclass__(**kwargs)
        (Waitable.shared_kinds if shared else Waitable.kinds).add(cls)
        if announced and not shared:
            Waitable.announced_kinds.add(cls)

    def __init__(self, ready: bool = False) -> None:
        self._ready = ready
        # FIFO of waiters: a dict keeps insertion order and removes in O(1).
        self._waiters: dict[Waiter, None] = {}

    @abstractmethod
    def _take(self, thread: ThreadState) -> bool:
        """Apply a satisfied wait's side effect for ``thread``; return True if abandoned."""

    def _untake(self, thread: ThreadState, abandoned: bool) -> None:
        """Undo ``_take`` when the waiter could not be told (it was interrupted)."""
        return

    def wait(self, timeout: float | None = None, *, alertable: bool = False) -> WaitResult | None:
        """Wait until this object is signaled, ``timeout`` seconds pass, or an APC runs.

        Returns the WaitResult (always truthy) or None on timeout. The side effect of the
        wait applies: an auto-reset event is reset, a semaphore count taken, a mutex owned.
        The Win32 counterpart is WaitForSingleObjectEx.
        """
        return ENGINE.wait_single(self, timeout, alertable)


@final
class Waiter:
    """A thread's (or a task's) registration with the objects it waits on.

    A thread keeps one Waiter for all its waits, and it stays registered with the objects of
    its last wait until it waits on a different set (or ends): a loop that waits on the same
    objects again registers nothing. An entry counts only while ``result`` is None; FIFO
    order among live entries is by ``seq``, the time each wait began. ``eager`` waiters
    (nested waits, asyncio) unregister as soon as they finish. A ``shared`` waiter's wait
    also involves objects shared with other processes: it is poked (``POKED``) rather than
    decided here, since only its own thread can look at the shared objects (under the
    session lock), and it must pick the lowest index among all that are ready.

    A thread's own waiter also remembers where its thread's last wait-any found a ready
    object in a large set (``scanned``, see :func:`try_acquire`), so a loop that waits on the
    same objects again reads one or two of them rather than all.

    Fields change only under the kernel lock. ``result`` is set exactly once per wait, by
    whoever satisfies, alerts, times out or cancels it; ``wake()`` is called once after
    that, outside the lock.
    """

    __slots__ = (
        "alertable",
        "drive",
        "eager",
        "objects",
        "result",
        "scan_epoch",
        "scan_kinds",
        "scan_seen",
        "scanned",
        "seq",
        "shared",
        "thread",
        "wait_all",
        "wake",
    )

    def __init__(self, thread: ThreadState, wake: Callable[[], Any], eager: bool = False) -> None:
        self.thread = thread
        self.wake = wake
        self.eager = eager
        self.objects: tuple[Waitable, ...] = ()
        self.seq = 0
        self.wait_all = False
        self.alertable = False
        self.shared = False
        self.result: WaitResult | Outcome | None = CANCELLED
        # The I/O this wait carries out on its own thread instead of parking (claim_drive);
        # set and cleared by the waiting thread only.
        self.drive: Drive | None = None
        # The remembered scan (see _scan_any): while this waiter is registered with
        # ``objects`` and not pending, objects[:scanned] were not ready at the scan, made in
        # sharing epoch ``scan_epoch``, and none has become ready since (release_waiters
        # sets -1); -1 when nothing is known. ``scan_seen`` is the last set scanned in full
        # without being remembered; ``scan_kinds`` the last set whose kinds were checked,
        # with the verdict.
        self.scanned = -1
        self.scan_epoch = 0
        self.scan_seen: tuple[Waitable, ...] | None = None
        self.scan_kinds: tuple[tuple[Waitable, ...], bool] | None = None

    def unregister(self) -> None:
        """Remove every entry of this waiter; kernel lock held, not pending."""
        for obj in self.objects:
            obj._waiters.pop(self, None)
        self.objects = ()


_seq = itertools.count(1)
"""Wait start times for FIFO order; advanced only under the kernel lock."""


UNARMED: dict[Waitable, list[Callable[[], object]]] = {}
"""Objects that complete once I/O is done that has not been handed to the I/O thread yet.

An overlapped read that must wait is left to the thread that started it, which most often
waits for it next and then does the I/O itself (``_iodrive``): no I/O-thread wake-up, no
hand-off. Anyone else who starts waiting on its Overlapped or event, or polls them, first
calls the object's arms here (each hands the operation to the I/O thread without blocking).
Changed only under the kernel lock; an event shared by several operations holds one arm per
operation. A list is never changed once stored, but an event's: an Overlapped's may be
shared by many (a pipe end's, stored for each of its reads).
"""


IO_OWNERS: set[type[Waitable]] = set()
"""The kinds of object whose own I/O may be left unarmed (a pipe end): they have an ``_io_arm``.

A wait on such an object that finds it nonsignaled while ``UNARMED`` is not empty calls its
``_io_arm`` as it would an arm of ``UNARMED`` (:func:`arm_unarmed`, :func:`claim_drive`):
an operation left unarmed on it keeps its file nonsignaled, and the wait must see the
operation through. The object's arm is looked up here rather than noted in ``UNARMED`` by
every operation, which would cost each pipe read a store and a pop for a rare wait (on a
file handle); a needless call (its I/O was armed already) only has the I/O thread look.
"""


def arm_unarmed(objects: tuple[Waitable, ...]) -> None:
    """Hand the I/O that ``objects`` wait for to the I/O thread; kernel lock held."""
    for obj in objects:
        arms = UNARMED.pop(obj, None)
        if arms is not None:
            for arm in arms:
                arm()
        elif type(obj) in IO_OWNERS and not obj._ready:
            obj._io_arm()  # type: ignore[attr-defined]


class Drive:
    """An arm in ``UNARMED`` whose I/O a waiting thread can carry out itself (a pipe end).

    Calling it arms as any arm does. A thread that is about to park on objects whose only
    unarmed I/O is one Drive's (``claim_drive``) waits with the Drive's ``waiter`` instead,
    which is woken without its parker, and calls ``drive`` to serve the I/O until its wait
    is decided: the socket's data lands on the thread that waits for it, with no I/O-thread
    hand-off.
    """

    __slots__ = ()

    @abstractmethod
    def __call__(self) -> object:
        """Hand the I/O to the I/O thread (kernel lock held: must not block)."""

    @abstractmethod
    def waiter(self, thread: ThreadState) -> Waiter | None:
        """The calling thread's waiter for a driven wait, or None if it is in use (kernel lock)."""

    @abstractmethod
    def drive(self, waiter: Waiter, deadline: float | None) -> bool:
        """Serve the I/O on the calling thread until ``waiter``'s result is decided: True.

        Or until ``deadline`` (a ``time.monotonic()`` time; None: none) has passed: False.
        No lock is held.
        """


def claim_drive(objects: tuple[Waitable, ...]) -> Drive | None:
    """Take the I/O left unarmed on ``objects`` for a wait about to park; kernel lock held.

    Returns the Drive when it is the only I/O left unarmed there (its operations all on one
    pipe end); otherwise arms everything, as :func:`arm_unarmed`, and returns None.
    """
    found: list[Callable[[], object]] = []
    for obj in objects:
        arms = UNARMED.pop(obj, None)
        if arms is not None:
            found += arms
        elif type(obj) in IO_OWNERS and not obj._ready:
            found.append(obj._io_arm)  # type: ignore[attr-defined]
    if not found:
        return None
    first = found[0]
    if isinstance(first, Drive):
        for arm in found:
            if arm is not first:
                break
        else:
            return first
    for arm in found:
        arm()
    return None


def begin(waiter: Waiter, objects: tuple[Waitable, ...], wait_all: bool, alertable: bool) -> None:
    """Register ``waiter`` as pending on ``objects``; caller holds the kernel lock.

    A waiter still registered with these very objects (a loop that waits on them again)
    registers nothing new; otherwise its old entries go first. I/O left unarmed on any of
    them is armed (``UNARMED``): this waiter may be the only one.
    """
    if UNARMED:
        arm_unarmed(objects)
    if objects != waiter.objects:
        waiter.unregister()
        for obj in objects:
            obj._waiters[waiter] = None
    waiter.objects = objects  # (the caller's own tuple, equal or not: a scan finds it by identity)
    waiter.scanned = -1  # pending: an object that becomes ready satisfies it instead
    waiter.scan_seen = None
    waiter.seq = next(_seq)
    waiter.wait_all = wait_all
    waiter.alertable = alertable
    waiter.result = None


def finish(waiter: Waiter, result: WaitResult | Outcome, woken: list[Waiter]) -> None:
    """Decide a pending waiter's result and queue its wake-up; caller holds the kernel lock."""
    waiter.result = result
    if waiter.eager:  # keep ``objects``: an interrupted wait still needs them to undo a grant
        for obj in waiter.objects:
            obj._waiters.pop(waiter, None)
    woken.append(waiter)


def pending(obj: Waitable) -> list[Waiter]:
    """Return ``obj``'s pending waiters in FIFO order; caller holds the kernel lock."""
    waiters = [waiter for waiter in obj._waiters if waiter.result is None]
    if len(waiters) > 1:
        waiters.sort(key=_by_seq)
    return waiters


_by_seq = operator.attrgetter("seq")


def waiting(obj: Waitable) -> int:
    """Count the threads (or tasks) waiting on ``obj`` now; caller holds the kernel lock."""
    return sum(1 for waiter in obj._waiters if waiter.result is None)


def try_acquire(
    objects: tuple[Waitable, ...], wait_all: bool, thread: ThreadState
) -> WaitResult | None:
    """Satisfy a wait at once if its objects allow; caller holds the kernel lock."""
    owned = thread.owned  # mutexes this thread owns are ready for it alone
    if wait_all:
        for obj in objects:
            if not obj._ready and obj not in owned:
                return None
        abandoned = False
        for obj in objects:
            if obj._take(thread):
                abandoned = True
        return ABANDONED[0] if abandoned else SIGNALED[0]
    if owned:
        for obj in objects:
            if obj._ready or obj in owned:
                index = objects.index(obj)
                return ABANDONED[index] if obj._take(thread) else SIGNALED[index]
        return None
    if len(objects) > 6:  # _SCAN_FROM, written out: every wait-any passes here
        return _scan_any(objects, thread)
    for obj in objects:  # the common case, no mutex owned: one attribute read per object
        if obj._ready:
            index = objects.index(obj)
            return ABANDONED[index] if obj._take(thread) else SIGNALED[index]
    return None


_SCAN_FROM = 6
"""A wait-any on more objects than this remembers where its scan stopped (_scan_any)."""


def _scan_any(objects: tuple[Waitable, ...], thread: ThreadState) -> WaitResult | None:
    """try_acquire's wait-any on a large set, for a thread that owns no mutex; lock held.

    A loop that waits on the same 64 objects again would read all 64 each time (most often
    the first ready one is far in, or none is). Instead the thread's waiter stays registered
    with them (as it does after a wait that parked) and remembers where the scan stopped:
    ``scanned``. Whoever makes one of them ready then runs ``release_waiters`` for it, which
    forgets that; so while it is remembered, the objects before it are still not ready and
    the scan starts there. That holds only for kinds that always announce readiness that way
    (``Waitable.announced_kinds``), in the sharing epoch of the scan (a published object
    changes its kind), and for a waiter that is not pending (a pending one is satisfied
    instead). A set is registered for this on its second full scan in a row, so a thread
    that alternates between sets does not register each one over and over.
    """
    waiter = thread.waiter
    remember = False
    if waiter.result is not None:  # not pending: its registration can carry a scan
        if waiter.objects is objects:
            index = waiter.scanned
            if index >= 0 and waiter.scan_epoch == SHARING.epoch:
                count = len(objects)
                while index < count:
                    obj = objects[index]
                    if obj._ready:
                        waiter.scanned = index
                        return ABANDONED[index] if obj._take(thread) else SIGNALED[index]
                    index += 1
                waiter.scanned = count
                return None
            remember = _announced(waiter, objects)
        elif waiter.scan_seen is objects:  # its second full scan in a row: register it
            remember = _announced(waiter, objects)
            if remember:
                if objects != waiter.objects:
                    waiter.unregister()
                    for obj in objects:
                        obj._waiters[waiter] = None
                waiter.objects = objects
        else:
            waiter.scan_seen = objects
    found = None
    for obj in objects:
        if obj._ready:
            found = obj
            break
    if remember:
        waiter.scan_seen = None
        waiter.scan_epoch = SHARING.epoch
        waiter.scanned = len(objects) if found is None else objects.index(found)
    if found is None:
        return None
    index = objects.index(found)
    return ABANDONED[index] if found._take(thread) else SIGNALED[index]


def _announced(waiter: Waiter, objects: tuple[Waitable, ...]) -> bool:
    """Whether every object of ``objects`` is of an announced kind (checked once per set)."""
    kinds = waiter.scan_kinds
    if kinds is None or kinds[0] is not objects:
        kinds = waiter.scan_kinds = (
            objects,
            Waitable.announced_kinds.issuperset(map(type, objects)),
        )
    return kinds[1]


def release_waiters(obj: Waitable, woken: list[Waiter]) -> None:
    """Satisfy ``obj``'s waiters in FIFO order while it has something to give.

    Called, with the kernel lock held, whenever ``obj`` may have become ready. A wait-all
    waiter is satisfied only if all its objects are ready at this instant; otherwise it is
    skipped and the object stays available to the waiters behind it.
    """
    waiters = obj._waiters
    if len(waiters) == 1:  # the common case (a reply, a ping-pong): no list, no sort
        (waiter,) = waiters
        waiter.scanned = -1  # a remembered scan of a set with obj is stale (_scan_any)
        if waiter.result is None and obj._ready:
            thread = waiter.thread
            if thread.suspend_count or waiter.wait_all or waiter.shared:
                _satisfy(obj, waiter, woken)
                return
            # _satisfy() and finish() for a plain wait-any, written out: every wake-up's path
            index = waiter.objects.index(obj)
            waiter.result = ABANDONED[index] if obj._take(thread) else SIGNALED[index]
            if waiter.eager:
                for other in waiter.objects:
                    other._waiters.pop(waiter, None)
            woken.append(waiter)
        return
    for waiter in waiters:
        waiter.scanned = -1
    for waiter in pending(obj):
        if not obj._ready:
            return
        _satisfy(obj, waiter, woken)


def release_newest_first(obj: Waitable, woken: list[Waiter]) -> None:
    """Satisfy ``obj``'s waiters newest first (LIFO) while it has something to give.

    A completion port hands its packets to the thread that waited last, whose stack and
    caches are warmest (Windows' rule); every other object is FIFO (:func:`release_waiters`).
    """
    for waiter in obj._waiters:
        waiter.scanned = -1  # as release_waiters does
    waiters = pending(obj)
    waiters.reverse()
    for waiter in waiters:
        if not obj._ready:
            return
        _satisfy(obj, waiter, woken)


def _satisfy(obj: Waitable, waiter: Waiter, woken: list[Waiter]) -> None:
    """Give ready ``obj`` to pending ``waiter`` if its wait can end now; kernel lock held."""
    thread = waiter.thread
    if thread.suspend_count:  # a suspended thread acquires nothing until resumed
        return
    if waiter.wait_all:
        if waiter.shared:  # the shared objects are not visible here: let the thread look
            finish(waiter, POKED, woken)
            return
        result = try_acquire(waiter.objects, True, thread)
        if result is not None:
            finish(waiter, result, woken)
    elif waiter.shared:  # the thread decides, seeing its shared objects too (lowest index)
        finish(waiter, POKED, woken)
    else:
        index = waiter.objects.index(obj)
        finish(waiter, ABANDONED[index] if obj._take(thread) else SIGNALED[index], woken)


def recheck(waiter: Waiter, woken: list[Waiter]) -> None:
    """Try again to satisfy a pending waiter (its thread was just resumed)."""
    if waiter.result is None:
        if waiter.shared:
            finish(waiter, POKED, woken)
            return
        result = try_acquire(waiter.objects, waiter.wait_all, waiter.thread)
        if result is not None:
            finish(waiter, result, woken)


def wake_all(woken: list[Waiter]) -> None:
    """Wake waiters whose results are decided; caller has dropped the kernel lock."""
    for waiter in woken:
        waiter.wake()


@final
class _Engine:
    """The wait engine's entry point, as ``Waitable.wait`` sees it.

    The engine (``_wait``) sits above this module and its classes, so it plugs itself in
    here once, as it is imported (the package imports it before anyone can wait): no
    import cycle, and a call costs what a call into a module does.
    """

    __slots__ = ("wait_single",)

    def __init__(self) -> None:
        self.wait_single: Callable[[Waitable, float | None, bool], WaitResult | None] = _no_engine


def _no_engine(obj: Waitable, timeout: float | None, alertable: bool) -> WaitResult | None:
    raise RuntimeError("the wait engine is not loaded; import apartment.kernel first")


ENGINE = _Engine()
"""Where ``Waitable.wait`` finds the wait engine; ``_wait`` fills it once."""
