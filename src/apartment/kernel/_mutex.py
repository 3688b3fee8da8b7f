"""Mutexes: recursive ownership by a thread, and abandonment when the owner ends."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ..errors import NotOwnerError
from ._core import ABANDONED, KERNEL_LOCK, SIGNALED, Waitable, Waiter, release_waiters, waiting
from ._thread import current_state
from ._wait import wait_single

if TYPE_CHECKING:
    from types import TracebackType

    from ._core import WaitResult
    from ._threadstate import ThreadState

__all__ = ["Mutex", "MutexStatistics"]


@dataclass(frozen=True, slots=True)
class MutexStatistics:
    """A snapshot of a mutex.

    ``owner`` is the owner's native thread id (None if free), ``count`` the recursion count,
    ``abandoned`` whether its last owner ended while holding it.
    """

    threads_waiting: int
    owner: int | None
    count: int
    abandoned: bool


class Mutex(Waitable, announced=True):
    """A Win32 mutex (CreateMutex): owned by one thread at a time, recursively.

    Each successful wait by the owner adds one to the count; the owner must ``release()`` as
    many times. If the owner ends while holding it, the mutex is abandoned: the next waiter
    gets it with ``WaitResult.abandoned`` set and a fresh count of one.
    """

    __slots__ = ("_abandoned", "_count", "_owner", "_shared", "name")
    all_access: ClassVar[int] = 0x1F0001
    """MUTANT_ALL_ACCESS, what Open* may ask of a named one: one specific right, query state."""

    _shared: int  # a shared object's record (``_shared_objects``); unset on a local one

    def __init__(self, initial_owner: bool = False) -> None:
        super().__init__(True)
        self._owner: ThreadState | None = None
        self._count = 0
        self._abandoned = False
        self.name: str | None = None
        if initial_owner:
            thread = current_state()
            with KERNEL_LOCK:
                self._take(thread)

    def __repr__(self) -> str:
        named = f" {self.name!r}" if self.name else ""
        return f"<Mutex{named} at {id(self):#x}>"

    def wait(self, timeout: float | None = None, *, alertable: bool = False) -> WaitResult | None:
        """Acquire the mutex (WaitForSingleObjectEx); see Event.wait for the result.

        ``result.abandoned`` tells that the previous owner ended while holding it.
        """
        thread = current_state()
        with KERNEL_LOCK:
            owner = self._owner
            if (owner is None or owner is thread) and not thread.suspend_count:
                return ABANDONED[0] if self._take(thread) else SIGNALED[0]
        return wait_single(self, timeout, alertable)

    def acquire(self, timeout: float | None = None) -> bool:
        """Acquire the mutex, the ``threading`` way: True, or False on timeout."""
        return self.wait(timeout) is not None

    def release(self) -> None:
        """Release one level of ownership (ReleaseMutex); at zero, the next waiter gets it.

        Raises:
            NotOwnerError: the calling thread does not own the mutex.
        """
        thread = current_state()
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            self._signal_for_wait(thread, woken)
        for waiter in woken:
            waiter.wake()

    def __enter__(self) -> WaitResult | None:
        return self.wait()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def statistics(self) -> MutexStatistics:
        """Return the number of waiters, the owner, the count and the abandoned flag."""
        with KERNEL_LOCK:
            owner = self._owner.handle.native_id if self._owner is not None else None
            return MutexStatistics(waiting(self), owner, self._count, self._abandoned)

    def _not_owner_text(self, thread: ThreadState) -> str:
        if self._owner is None:
            return f"{self!r} is not owned; thread {thread.handle.native_id} cannot release it"
        return (
            f"{self!r} is owned by thread {self._owner.handle.native_id}, not by the calling "
            f"thread {thread.handle.native_id}; only the owner may release it"
        )

    # -- kernel-object protocol (kernel lock held) ------------------------------------------

    def _take(self, thread: ThreadState) -> bool:
        if self._owner is thread:
            self._count += 1
            return False
        self._owner = thread
        self._ready = False
        self._count = 1
        thread.owned.append(self)
        abandoned, self._abandoned = self._abandoned, False
        return abandoned

    def _untake(self, thread: ThreadState, abandoned: bool) -> None:
        self._count -= 1
        if not self._count:
            self._owner = None
            self._ready = True
            thread.owned.remove(self)
            self._abandoned = abandoned

    def _abandon(self, woken: list[Waiter]) -> None:
        """Drop the ending owner's hold and hand the mutex on, marked abandoned."""
        self._owner = None
        self._ready = True
        self._count = 0
        self._abandoned = True
        release_waiters(self, woken)

    def _signal_for_wait(self, thread: ThreadState, woken: list[Waiter]) -> None:
        """Release one level of ``thread``'s ownership (ReleaseMutex's work)."""
        if self._owner is not thread:
            raise NotOwnerError(self._not_owner_text(thread))
        self._count -= 1
        if not self._count:
            self._owner = None
            self._ready = True
            thread.owned.remove(self)
            if self._waiters:
                release_waiters(self, woken)
