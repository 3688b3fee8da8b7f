"""Threads as kernel objects: identity, start (suspended too), exit codes, APCs, suspension.

Every thread of the process is a Win32 thread, whoever started it: :func:`start_thread`,
plain ``threading``, or a C library. It gets one :class:`ThreadHandle` on first use, by the
thread itself (:func:`current_thread`) or by its native id from any thread
(:func:`thread_by_id`, which adopts a live thread the library has not seen yet). The handle
is signaled when the thread ends; at that moment the mutexes it still owns become abandoned.

How the end is seen depends on what runs on the thread. A ``threading`` thread that used the
library is seen to end through a thread-local sentinel that CPython drops on the ending
thread before ``join()`` returns. A thread adopted by id before it ever called the library,
and a thread a C library started (whose thread-locals last one callback), are watched from
outside by ``_threadwatch``: their handle is signaled once the OS thread is gone.

Python cannot stop another thread between two bytecodes, so suspension is cooperative: a
suspended thread stops at its next wait (and acquires nothing while it is stopped in one);
a thread started suspended runs nothing until it is resumed, exactly as on Windows.

The thread's part in the wait engine (where it parks, its waiter, APCs, suspend gate, owned
mutexes) is its :class:`~._threadstate.ThreadState`, which the handle holds as ``_state``.
"""

from __future__ import annotations

import _thread
import itertools
import sys
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, final

from .._fork import THREADS, after_fork_in_child, in_forked_child
from ..errors import AccessDeniedError, SuspendCountExceededError, ThreadTerminatedError
from ._core import KERNEL_LOCK, Waitable, Waiter, release_waiters, waiting, wake_all
from ._parker import lock_parker
from ._threadstate import ThreadState
from ._threadwatch import exiting, identity, thread_watch

if TYPE_CHECKING:
    from collections.abc import Callable

    from typing_extensions import TypeVarTuple, Unpack

    Ts = TypeVarTuple("Ts")

__all__ = [
    "STILL_ACTIVE",
    "MAXIMUM_SUSPEND_COUNT",
    "ThreadHandle",
    "current_thread",
    "current_state",
    "start_thread",
    "queue_apc",
    "thread_by_id",
    "ThreadStatistics",
]

STILL_ACTIVE = 259
"""The exit code of a thread that is still running (Win32 STILL_ACTIVE)."""

MAXIMUM_SUSPEND_COUNT = 127

_tls = threading.local()
_by_id: dict[int, ThreadHandle] = {}
# The identity tokens of threads seen to end on themselves, by native id: such a thread
# lingers in /proc for a moment after its handle is signaled, and must not be adopted again.
_ended: dict[int, int | None] = {}
_ENDED_KEPT = 256
_exit_hooks: list[Callable[[ThreadHandle], None]] = []
_names = itertools.count(1)


@dataclass(frozen=True, slots=True)
class ThreadStatistics:
    """A snapshot of a thread object, for debugging and tests."""

    threads_waiting: int
    native_id: int
    exit_code: int
    suspend_count: int


@final
class ThreadHandle(Waitable, announced=True):
    """A thread as a waitable kernel object; signaled when the thread ends.

    Only the runtime creates these: :func:`start_thread`, :func:`current_thread` and
    :func:`thread_by_id` return them. The thread's part in the wait engine is its
    ThreadState, ``_state``.
    """

    # The full query and set rights hold the limited ones (the handle table grants them)
    implied_rights: ClassVar[tuple[tuple[int, int], ...]] = ((0x0040, 0x0800), (0x0020, 0x0400))
    # What GENERIC_READ, _WRITE, _EXECUTE and _ALL stand for on a thread (Windows' thread type)
    generic_rights: ClassVar[tuple[int, int, int, int]] = (0x20048, 0x20437, 0x121800, 0x1FFFFF)

    __slots__ = ("_exit_code", "_state", "_token", "ident", "name", "native_id")

    def __init__(self, ident: int, native_id: int, name: str, token: int | None = None) -> None:
        super().__init__()
        self.ident = ident  # 0 for a thread adopted by id that has not run the library yet
        self.native_id = native_id
        self.name = name
        self._token = token  # identity token (_threadwatch), for threads watched from outside
        self._exit_code = STILL_ACTIVE
        self._state = ThreadState(self)

    def __repr__(self) -> str:
        state = "ended" if self._ready else "running"
        return f"<ThreadHandle {self.name!r} id={self.native_id} {state}>"

    @property
    def exit_code(self) -> int:
        """The thread's exit code, or STILL_ACTIVE (259) while it runs."""
        with KERNEL_LOCK:
            return self._exit_code

    def is_alive(self) -> bool:
        """Tell whether the thread is still running."""
        with KERNEL_LOCK:
            return not self._ready

    def suspend(self) -> int:
        """Add one to the suspend count and return the previous count (SuspendThread).

        The thread stops at its next wait, and acquires nothing while stopped in one.

        Raises:
            SuspendCountExceededError: the count is already 127.
            AccessDeniedError: the thread has ended.
        """
        state = self._state
        with KERNEL_LOCK:
            if self._ready:
                raise AccessDeniedError(f"{self!r} has ended; it cannot be suspended")
            previous = state.suspend_count
            if previous >= MAXIMUM_SUSPEND_COUNT:
                raise SuspendCountExceededError(
                    f"{self!r} is already suspended {previous} times, the most Windows allows; "
                    "resume it before suspending it again"
                )
            state.suspend_locked()
            return previous

    def resume(self) -> int:
        """Take one from the suspend count and return the previous count (ResumeThread).

        At zero the thread runs again: a thread started suspended begins, and a wait the
        thread is stopped in can be satisfied.
        """
        return self._state.resume()

    def statistics(self) -> ThreadStatistics:
        """Return the number of waiters, id, exit code and suspend count."""
        with KERNEL_LOCK:
            return ThreadStatistics(
                waiting(self), self.native_id, self._exit_code, self._state.suspend_count
            )

    # -- kernel-object protocol (kernel lock held) ------------------------------------------

    def _take(self, thread: ThreadState) -> bool:
        return False


class _ExitSentinel:
    """Held only by a thread's locals; CPython drops it on that thread as the thread ends."""

    __slots__ = ("handle",)

    def __init__(self, handle: ThreadHandle) -> None:
        self.handle = handle

    def __del__(self) -> None:
        # Not when the thread told its end already (start_thread's threads do), nor in a
        # forked child still being set up (its locks are held: the child's hook ends this
        # thread), nor at interpreter shutdown (a daemon thread frozen there may hold the
        # kernel lock for ever): nothing is left to tell then. The shutdown may also begin
        # while this waits for the lock: thread_exited then gives up (at_teardown).
        if self.handle._ready or in_forked_child() or _finalizing():
            return
        try:
            thread_exited(self.handle, 0, at_teardown=True)
        except BaseException:
            return


_finalizing = sys.is_finalizing  # a module name, so a test can stand in for the shutdown
_TEARDOWN_POLL = 0.05
"""Seconds between looks at the interpreter's shutdown while a thread's teardown waits."""


def _lock_kernel(at_teardown: bool) -> bool:
    """Take the kernel lock; at a thread's teardown, give up (False) once shutdown has begun.

    A daemon thread that holds the lock when the interpreter shuts down is frozen there for
    ever (CPython never runs it again, so its ``with`` block never ends). A thread whose
    teardown waited for that lock would wait for ever too, and with it the exit of the
    process: so it waits in slices and looks at the shutdown between them.
    """
    if not at_teardown:
        KERNEL_LOCK.acquire()
        return True
    while not KERNEL_LOCK.acquire(timeout=_TEARDOWN_POLL):
        if _finalizing():
            return False
    return True


def current_thread() -> ThreadHandle:
    """Return the calling thread's ThreadHandle, creating it on first use."""
    try:
        handle: ThreadHandle = _tls.handle
    except AttributeError:
        return _adopt(False)
    return handle


def current_state() -> ThreadState:
    """Return the calling thread's ThreadState (the engine's view of it), adopting the thread."""
    try:
        state: ThreadState = _tls.state
    except AttributeError:
        return _adopt(False)._state
    return state


def _adopt(suspended: bool) -> ThreadHandle:
    """Create and register the calling thread's handle (``suspended``: with a count of 1).

    A thread adopted earlier by id, or a C library's thread calling in again (its
    thread-locals last one callback), finds its handle under its id and takes it up.
    """
    ident = threading.get_ident()
    native_id = threading.get_native_id()
    python_thread = threading.current_thread()
    main = python_thread is threading.main_thread()
    foreign = isinstance(python_thread, threading._DummyThread)  # started outside threading
    with KERNEL_LOCK:
        known = _by_id.get(native_id)
    token = identity(native_id) if known is not None or foreign else None
    if known is not None and (known._token is None or known._token != token):
        thread_exited(known, 0)  # a thread that had this id before, seen to end only now
        known = None
    handle = known or ThreadHandle(ident, native_id, python_thread.name, token)
    mine = known is None
    with KERNEL_LOCK:
        if mine:
            raced = _by_id.get(native_id)
            if raced is not None and not raced._ready:
                # Another thread adopted this one by its id meanwhile (thread_by_id): take that
                # handle up, so that there is one handle to wait on and it is signaled.
                handle, mine = raced, False
            else:
                _by_id[native_id] = handle
        if suspended:
            handle._state.suspend_locked()
    handle.ident = ident
    _tls.handle = handle
    _tls.state = handle._state
    if not main and not foreign:  # the main thread ends with the process
        _tls.sentinel = _ExitSentinel(handle)
    if foreign and mine and token is not None:
        _watch(handle, token)
    return handle


def _watch(handle: ThreadHandle, token: int) -> None:
    """Have the thread watch signal ``handle`` once its OS thread is gone."""
    thread_watch.watch(handle.native_id, token, lambda: thread_exited(handle, 0))


def thread_by_id(native_id: int) -> ThreadHandle | None:
    """Return the handle of this process's live thread with that native id, None if none.

    A thread the library has not seen yet is adopted here, from whatever thread asks: it gets
    its handle now, signaled when it ends, and takes it up when it first calls the library.
    One that ``threading`` does not know either is first given a moment to show it is not
    a finished ``threading`` thread on its way out (``_threadwatch.exiting``).
    """
    with KERNEL_LOCK:
        known = _by_id.get(native_id)
    if known is not None or isinstance(native_id, bool) or not isinstance(native_id, int):
        return known
    token = identity(native_id)
    if token is None:
        return None
    python_thread = next((t for t in threading.enumerate() if t.native_id == native_id), None)
    if python_thread is None and exiting(native_id, token):
        return None
    with KERNEL_LOCK:
        known = _by_id.get(native_id)
        if known is not None:
            return known
        if native_id in _ended and _ended[native_id] == token:
            return None  # its end has been seen already; it is just not gone from /proc yet
        if python_thread is None:
            handle = ThreadHandle(0, native_id, f"thread-{native_id}", token)
        else:
            handle = ThreadHandle(python_thread.ident or 0, native_id, python_thread.name, token)
        _by_id[native_id] = handle
    if python_thread is not threading.main_thread():  # the main thread ends with the process
        _watch(handle, token)
    return handle


def add_exit_hook(hook: Callable[[ThreadHandle], None]) -> None:
    """Run ``hook(handle)`` on every ending thread, before its handle is signaled.

    Upper layers use this to drop a thread's message queue and apartment. Hooks run on the
    ending thread, which ``threading`` may already have forgotten.
    """
    _exit_hooks.append(hook)


def thread_exited(handle: ThreadHandle, exit_code: int, *, at_teardown: bool = False) -> None:
    """Record that ``handle``'s thread ended: run exit hooks, abandon its mutexes, signal it.

    ``at_teardown``: called by the ending thread's own teardown (its thread-locals going),
    which must not outlive an interpreter shutdown that begins meanwhile (:func:`_lock_kernel`).
    """
    if handle._ready:  # it never goes back to False: read without the lock
        return
    on_itself = handle.native_id == threading.get_native_id()
    token = handle._token
    if token is None and on_itself:
        token = identity(handle.native_id)
    if at_teardown:  # the hooks take the kernel lock unbounded: see that it is to be had first
        if not _lock_kernel(at_teardown):
            return
        KERNEL_LOCK.release()
    for hook in tuple(_exit_hooks):
        hook(handle)
    state = handle._state
    if state.parks_fast:  # its last wait is behind it, every wake-up taken: close the eventfd
        state.replace_parker(lock_parker())
    woken: list[Waiter] = []
    if not _lock_kernel(at_teardown):
        return
    try:
        if handle._ready:
            return
        handle._ready = True
        handle._exit_code = exit_code
        state.end_locked(woken)
        if _by_id.get(handle.native_id) is handle:
            del _by_id[handle.native_id]
        if on_itself:  # its OS thread lives on a moment: never adopt it again by its id
            _ended[handle.native_id] = token
            if len(_ended) > _ENDED_KEPT:
                del _ended[next(iter(_ended))]
        release_waiters(handle, woken)
    finally:
        KERNEL_LOCK.release()
    wake_all(woken)


FORKED_AWAY_EXIT_CODE = 0
"""The exit code, in a forked child, of the parent's threads that did not come along."""


def _after_fork_in_child() -> None:
    """Only the forking thread lives on in a forked child: make the kernel agree.

    The forking thread keeps its handle under its new native id, and parks on a lock until
    its next wait makes it a new eventfd (the parent's are shared with the child: nothing here
    may wake a thread of the parent). Every other thread has ended: its handle is signaled,
    its mutexes abandoned, and the exit hooks drop its queue and apartment.
    """
    me: ThreadHandle | None = getattr(_tls, "handle", None)
    with KERNEL_LOCK:
        handles = list(_by_id.values())
        _by_id.clear()
        _ended.clear()
        if me is not None:
            me.native_id = threading.get_native_id()
            _by_id[me.native_id] = me
    # Every eventfd first: the child shares them with the parent, and waking a thread of the
    # child's (ending the others wakes their waiters) must never wake one of the parent.
    for handle in handles:
        state = handle._state
        if state.parks_fast:
            state.parks_fast = False  # the forking thread makes a new one at its next wait
            state.replace_parker(lock_parker())
    for handle in handles:
        if handle is not me:
            thread_exited(handle, FORKED_AWAY_EXIT_CODE)


after_fork_in_child(_after_fork_in_child, THREADS)


def exit_code_of(result: object) -> int:
    """Turn a thread function's result into an exit code, as pywin32 does.

    An int that fits a C long on Windows (32-bit signed) is kept; any other int gives -1
    (pywin32 reads it with PyLong_AsLong, which overflows: 0xDEADBEEF exits with -1, as
    the real pywin32 shows) and anything that is not an int gives 0.
    """
    if not isinstance(result, int):
        return 0
    if -(2**31) <= result < 2**31:
        return int(result)
    return -1


def start_thread(
    fn: Callable[[Unpack[Ts]], object],
    *args: Unpack[Ts],
    suspended: bool = False,
    name: str | None = None,
) -> ThreadHandle:
    """Start ``fn(*args)`` on a new thread and return its handle once its id is known.

    The thread's exit code is ``fn``'s int result (see :func:`exit_code_of`); ``SystemExit``
    ends it with its code; any other exception is reported through ``threading.excepthook``
    and gives -1. With ``suspended=True`` nothing runs until :meth:`ThreadHandle.resume`.
    APCs queued to it before it starts (while suspended) run on it first, before ``fn``.
    Like a Win32 thread, it does not keep the process alive when the main thread ends.
    """
    started = _thread.allocate_lock()
    started.acquire()
    box: list[ThreadHandle | BaseException] = []

    def bootstrap() -> None:
        try:
            handle = _adopt(suspended)
        except BaseException as error:  # hand the failure to the starting thread
            box.append(error)
            started.release()
            return
        box.append(handle)
        started.release()
        if suspended:
            handle._state.stop_at_gate()
        code = -1
        try:
            # Like a Win32 thread's start-up (NtTestAlert in LdrInitializeThunk): APCs queued
            # before it began, while it was suspended say, run here, before fn.
            handle._state.run_apcs()
            code = exit_code_of(fn(*args))
        except SystemExit as stop:
            code = exit_code_of(stop.code) if stop.code is not None else 0
        except BaseException:
            threading.excepthook(_hook_args())
        finally:
            thread_exited(handle, code)

    thread = threading.Thread(target=bootstrap, name=name or _thread_name(fn), daemon=True)
    thread.start()
    started.acquire()
    result = box[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _thread_name(fn: Callable[..., object]) -> str:
    return f"apartment-{getattr(fn, '__name__', 'thread')}-{next(_names)}"


def _hook_args() -> threading.ExceptHookArgs:
    """Describe the exception being handled, for ``threading.excepthook``."""
    exc_type, exc, tb = sys.exc_info()
    return threading.ExceptHookArgs((exc_type, exc, tb, threading.current_thread()))


def queue_apc(thread: ThreadHandle, fn: Callable[[Unpack[Ts]], object], *args: Unpack[Ts]) -> None:
    """Queue ``fn(*args)`` to run on ``thread`` at its next alertable wait (QueueUserAPC).

    APCs run on the target thread, in FIFO order, inside an alertable wait, which then
    returns ``ALERTED``; or, for a thread started by :func:`start_thread` that has not begun
    (a suspended one), when it begins. A thread that never waits alertably never runs them.

    Raises:
        ThreadTerminatedError: the thread has ended.
    """
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        if thread._ready:
            raise ThreadTerminatedError(f"{thread!r} has ended; an APC can no longer run there")
        thread._state.queue_apc_locked(fn, args, None, woken)
    wake_all(woken)
