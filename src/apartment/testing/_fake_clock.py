"""A clock that moves only when a test says so."""

from __future__ import annotations

import heapq
import itertools
import threading
from typing import TYPE_CHECKING

from .. import _clock

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import TracebackType

    from typing_extensions import Self

    from .._clock import Clock, Parker, TimerHandle

__all__ = ["FakeClock"]


class _Entry:
    __slots__ = ("cancelled", "fn", "seq", "when")

    def __init__(self, when: float, seq: int, fn: Callable[[], None]) -> None:
        self.when = when
        self.seq = seq
        self.fn = fn
        self.cancelled = False

    def __lt__(self, other: _Entry) -> bool:
        return (self.when, self.seq) < (other.when, other.seq)

    def cancel(self) -> None:
        self.cancelled = True


class FakeClock:
    """A clock for tests: time stands still until :meth:`advance`.

    ``advance(5)`` fires every timer due within the next five seconds, in order, and expires
    every wait whose timeout falls in them, before it returns; the callbacks run on the
    thread that calls ``advance``. Use it as a context manager to install it::

        with FakeClock() as clock:
            t = start_thread(event.wait, 5.0)
            wait_until_blocked(t, on=event)
            clock.advance(5)
            assert t.wait(10)
    """

    def __init__(self, start: float = 0.0, wall: float = 1_700_000_000.0) -> None:
        self._lock = threading.Lock()
        self._now = float(start)
        self._wall_offset = float(wall) - float(start)
        self._heap: list[_Entry] = []
        self._seq = itertools.count()
        self._previous: Clock | None = None

    def now(self) -> float:
        with self._lock:
            return self._now

    def wall(self) -> float:
        with self._lock:
            return self._wall_offset + self._now

    def call_at(self, when: float, fn: Callable[[], None]) -> TimerHandle:
        with self._lock:
            entry = _Entry(when, next(self._seq), fn)
            heapq.heappush(self._heap, entry)
            return entry

    def park(self, lock: Parker, deadline: float, expire: Callable[[], None]) -> bool:
        # A wait shows as blocked (wait_until_blocked returns) before it gets here, so the
        # test may have advanced past its deadline already: then it has timed out.
        with self._lock:
            if deadline <= self._now:
                return False
            entry = _Entry(deadline, next(self._seq), expire)
            heapq.heappush(self._heap, entry)
        try:
            lock.acquire()
        finally:
            entry.cancel()
        return True

    def advance(self, seconds: float) -> None:
        """Move time forward, running every callback that falls due on the way, in order."""
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        with self._lock:
            target = self._now + seconds
        while True:
            with self._lock:
                while self._heap and self._heap[0].cancelled:
                    heapq.heappop(self._heap)
                if not self._heap or self._heap[0].when > target:
                    self._now = max(self._now, target)
                    return
                entry = heapq.heappop(self._heap)
                self._now = max(self._now, entry.when)
            entry.fn()

    def pending(self) -> int:
        """Return the number of timers and timed waits still scheduled."""
        with self._lock:
            return sum(1 for entry in self._heap if not entry.cancelled)

    def __enter__(self) -> Self:
        self._previous = _clock.set_clock(self)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._previous is not None:
            _clock.set_clock(self._previous)
            self._previous = None
