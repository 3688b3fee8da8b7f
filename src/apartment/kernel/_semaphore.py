"""Semaphores: a count between zero and a maximum, taken one unit per wait."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ..errors import InvalidParameterError, TooManyPostsError
from ._core import (
    KERNEL_LOCK,
    SIGNALED,
    Waitable,
    Waiter,
    release_waiters,
    waiting,
)
from ._threadstate import suspended_threads
from ._wait import wait_single

if TYPE_CHECKING:
    from types import TracebackType

    from ._core import WaitResult
    from ._threadstate import ThreadState

__all__ = ["Semaphore", "SemaphoreStatistics"]


@dataclass(frozen=True, slots=True)
class SemaphoreStatistics:
    """A snapshot of a semaphore, for debugging and tests."""

    threads_waiting: int
    count: int
    maximum: int


def _check_count(name: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {value!r}")
    return value


class Semaphore(Waitable, announced=True):
    """A Win32 semaphore (CreateSemaphore): each wait takes one unit of the count.

    Requires ``0 <= initial_count <= maximum_count`` and ``maximum_count > 0``.
    """

    __slots__ = ("_count", "_maximum", "_shared", "name")
    all_access: ClassVar[int] = 0x1F0003
    """SEMAPHORE_ALL_ACCESS: what Open* may ask of a named one."""

    _shared: int  # a shared object's record (``_shared_objects``); unset on a local one

    def __init__(self, initial_count: int, maximum_count: int) -> None:
        super().__init__()
        initial = _check_count("initial_count", initial_count)
        maximum = _check_count("maximum_count", maximum_count)
        if maximum <= 0 or not 0 <= initial <= maximum:
            raise InvalidParameterError(
                f"a semaphore needs 0 <= initial_count <= maximum_count and maximum_count > 0, "
                f"not initial_count={initial}, maximum_count={maximum}"
            )
        self._count = initial
        self._ready = initial > 0
        self._maximum = maximum
        self.name: str | None = None

    def __repr__(self) -> str:
        named = f" {self.name!r}" if self.name else ""
        return f"<Semaphore{named} max={self._maximum} at {id(self):#x}>"

    def wait(self, timeout: float | None = None, *, alertable: bool = False) -> WaitResult | None:
        """Take one unit (WaitForSingleObjectEx); see Event.wait for the result."""
        with KERNEL_LOCK:
            if self._count and not suspended_threads.count:
                self._count -= 1
                self._ready = self._count > 0
                return SIGNALED[0]
        return wait_single(self, timeout, alertable)

    def acquire(self, timeout: float | None = None) -> bool:
        """Take one unit, the ``threading`` way: True, or False on timeout."""
        return self.wait(timeout) is not None

    def release(self, count: int = 1) -> int:
        """Add ``count`` units and return the previous count (ReleaseSemaphore).

        Up to ``count`` waiters are released, each taking one unit, in FIFO order.

        Raises:
            InvalidParameterError: ``count`` is not positive.
            TooManyPostsError: the count would pass the maximum; nothing changes.
        """
        count = _check_count("count", count)
        if count <= 0:
            raise InvalidParameterError(f"release count must be positive, not {count}")
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            previous = self._release(count, woken)
        for waiter in woken:
            waiter.wake()
        return previous

    def __enter__(self) -> WaitResult | None:
        return self.wait()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def statistics(self) -> SemaphoreStatistics:
        """Return the number of waiters, the count and the maximum."""
        with KERNEL_LOCK:
            return SemaphoreStatistics(waiting(self), self._count, self._maximum)

    def _release(self, count: int, woken: list[Waiter]) -> int:
        previous = self._count
        if previous + count > self._maximum:
            raise TooManyPostsError(
                f"{self!r} holds {previous} of at most {self._maximum}; releasing {count} more "
                "would pass the maximum. Release only units that were taken"
            )
        self._count = previous + count
        self._ready = True
        if self._waiters:
            release_waiters(self, woken)
        return previous

    # -- kernel-object protocol (kernel lock held) ------------------------------------------

    def _take(self, thread: ThreadState) -> bool:
        self._count -= 1
        self._ready = self._count > 0
        return False

    def _untake(self, thread: ThreadState, abandoned: bool) -> None:
        self._count += 1
        self._ready = True

    def _signal_for_wait(self, thread: ThreadState, woken: list[Waiter]) -> None:
        self._release(1, woken)
