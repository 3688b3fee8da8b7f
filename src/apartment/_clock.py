"""Time for every deadline and timer in the library, behind a replaceable clock.

All waits and timers read time through the current :class:`Clock`. The real one,
:class:`MonotonicClock`, parks a waiting thread with the lock's own timeout and runs timer
callbacks on one service thread. Tests install ``apartment.testing.FakeClock`` instead, whose
``advance()`` fires timers and expires waits at once, so no test has to sleep.

Times are seconds (floats); ``None`` means forever.
"""

from __future__ import annotations

import heapq
import itertools
import sys
import threading
import time
from typing import TYPE_CHECKING, Protocol

from ._fork import CALLBACK, CLOCK, SERVICES, after_fork_in_child, hold_across_fork

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["Clock", "MonotonicClock", "Parker", "TimerHandle", "get_clock", "set_clock"]


class Parker(Protocol):
    """Where a waiting thread blocks: the two methods of a held lock that parking uses.

    A plain held lock is one; on Linux the kernel parks threads on an eventfd instead.
    """

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        """Block until released, or until ``timeout`` seconds pass (then False)."""

    def release(self) -> None:
        """Wake the parked thread (once per park, from any thread)."""


class TimerHandle(Protocol):
    """A scheduled callback that can still be cancelled."""

    def cancel(self) -> None:
        """Stop the callback from running if it has not run yet."""


class Clock(Protocol):
    """The source of time for waits and timers.

    ``call_at`` callbacks run on a thread of the clock's choosing (the real clock's service
    thread, or the thread calling ``FakeClock.advance``); they must be short and must not block.
    """

    def now(self) -> float:
        """Return monotonic seconds; only differences mean anything."""

    def wall(self) -> float:
        """Return seconds since the Unix epoch (UTC), for absolute due times."""

    def call_at(self, when: float, fn: Callable[[], None]) -> TimerHandle:
        """Run ``fn()`` once ``now()`` reaches ``when``."""

    def park(self, lock: Parker, deadline: float, expire: Callable[[], None]) -> bool:
        """Block on the held ``lock`` until it is released or ``deadline`` passes.

        Returns True when the lock was acquired. A clock that cannot time the lock itself calls
        ``expire()`` at the deadline instead; ``expire`` releases the lock exactly once.
        """


class _Entry:
    """One scheduled callback of the real clock's service thread."""

    __slots__ = ("cancelled", "fn", "seq", "when")

    def __init__(self, when: float, seq: int, fn: Callable[[], None]) -> None:
        self.when = when
        self.seq = seq
        self.fn = fn
        self.cancelled = False

    def __lt__(self, other: _Entry) -> bool:
        return (self.when, self.seq) < (other.when, other.seq)

    def cancel(self) -> None:
        # Best effort: a callback already taken off the heap still runs, so callbacks check
        # their own state (under the kernel lock) before acting.
        self.cancelled = True


class MonotonicClock:
    """The real clock: ``time.monotonic`` and one daemon thread for scheduled callbacks."""

    def __init__(self) -> None:
        lock = threading.Lock()
        self._cond = threading.Condition(lock)
        self._heap: list[_Entry] = []
        self._seq = itertools.count()
        self._thread: threading.Thread | None = None
        # Held from taking a due entry off the heap to the end of its callback: a fork waits
        # for a running callback, which would else be lost in the child (off the heap, and its
        # thread gone), and with it a periodic timer's next period. Reentrant: a callback
        # that forks takes it again in the before-fork hook.
        self._running = threading.RLock()
        hold_across_fork(self._running, CALLBACK)
        hold_across_fork(lock, CLOCK)
        after_fork_in_child(self._after_fork_in_child, SERVICES)

    def _after_fork_in_child(self) -> None:
        """Start the service thread afresh in a forked child if callbacks are due.

        The parent's service thread did not come along; the callbacks it had scheduled (a
        waitable timer set before the fork, say) still belong to live objects.
        """
        lock = threading.Lock()  # the old condition knows the parent's waiting thread
        self._cond = threading.Condition(lock)
        hold_across_fork(lock, CLOCK)
        self._thread = None
        if self._heap:
            self._start()

    def _start(self) -> None:
        """Start the service thread; ``_cond`` held or not yet shared."""
        self._thread = threading.Thread(target=self._serve, name="apartment-clock", daemon=True)
        self._thread.start()

    def now(self) -> float:
        return time.monotonic()

    def wall(self) -> float:
        return time.time()

    def park(self, lock: Parker, deadline: float, expire: Callable[[], None]) -> bool:
        return lock.acquire(True, max(deadline - time.monotonic(), 0.0))

    def call_at(self, when: float, fn: Callable[[], None]) -> TimerHandle:
        with self._cond:
            entry = _Entry(when, next(self._seq), fn)
            heapq.heappush(self._heap, entry)
            if self._thread is None:
                self._start()
            elif self._heap[0] is entry:
                self._cond.notify()
        return entry

    def _serve(self) -> None:
        """Run due callbacks forever; the only code that runs on the service thread."""
        while True:
            self._wait_until_due()
            with self._running:  # (taken before the heap's lock, as the before-fork hook does)
                with self._cond:
                    entry = self._take_due()
                if entry is None:  # cancelled, or another came first: wait again
                    continue
                try:
                    entry.fn()
                except BaseException:  # a broken callback must not stop every later timer
                    threading.excepthook(_hook_args())

    def _wait_until_due(self) -> None:
        """Wait until the heap's first live entry is due (without taking it off)."""
        with self._cond:
            while True:
                while self._heap and self._heap[0].cancelled:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._cond.wait()
                    continue
                delay = self._heap[0].when - time.monotonic()
                if delay <= 0:
                    return
                self._cond.wait(delay)

    def _take_due(self) -> _Entry | None:
        """Take the first live entry off the heap if it is due; ``_cond`` held."""
        heap = self._heap
        while heap and heap[0].cancelled:
            heapq.heappop(heap)
        if heap and heap[0].when <= time.monotonic():
            return heapq.heappop(heap)
        return None


def _hook_args() -> threading.ExceptHookArgs:
    """Describe the exception being handled, for ``threading.excepthook``."""
    exc_type, exc, tb = sys.exc_info()
    return threading.ExceptHookArgs((exc_type, exc, tb, threading.current_thread()))


_current: Clock = MonotonicClock()
_current_lock = threading.Lock()
hold_across_fork(_current_lock, CLOCK)


def get_clock() -> Clock:
    """Return the clock every new wait and timer uses."""
    return _current


def set_clock(clock: Clock) -> Clock:
    """Install ``clock`` for new waits and timers and return the previous one.

    Waits and timers already running keep the clock they started with.
    """
    global _current
    with _current_lock:
        previous, _current = _current, clock
    return previous
