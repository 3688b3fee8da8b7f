"""Where a blocked thread parks: its own lock, or on Linux an eventfd.

A thread that waits parks on a private "parker" and is woken exactly once per wait by
whoever decided the wait's result. The parker has the two methods of a held lock that the
wait engine uses, ``acquire(blocking, timeout)`` and ``release()``.

On Linux the parker is an eventfd in semaphore mode. Its whole point is the GIL: writing to
an eventfd releases the GIL *before* the woken thread becomes runnable, while releasing a
lock does not. With a lock, a thread woken on the waker's own CPU runs only to find the GIL
taken and sleeps again, and each hand-off costs two extra context switches; with an eventfd
it takes the GIL at once. Round trips between two threads on one CPU become two to three
times faster; across CPUs nothing changes. Without eventfd (other systems, or no file
descriptor left) the parker is a plain lock.
"""

from __future__ import annotations

import _thread
import os
import select
import time
from typing import TYPE_CHECKING, final

from .._clock import Parker

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "Parker",
    "close_parker",
    "eventfd_parker",
    "lock_parker",
    "watchable_fd",
    "is_main_parker",
]

MAIN_SLICE = 0.05
"""Seconds the main thread parks at a time on an eventfd, so a pending Ctrl-C is seen."""

MAX_POLL_SECONDS = (2**31 - 1) / 1000.0
"""The longest ``poll()`` takes at once (its timeout is a C int of milliseconds, 24.8 days)."""

_eventfd: Callable[[int, int], int] | None = getattr(os, "eventfd", None)
_FLAGS = getattr(os, "EFD_SEMAPHORE", 0) | getattr(os, "EFD_CLOEXEC", 0)


@final
class _EventFdParker:
    """A parker on an eventfd in semaphore mode: one write wakes one read.

    Only the owning thread reads (parks); any thread writes (wakes). The wait engine wakes a
    thread only for a wait it is in, and a thread takes every wake-up meant for it before
    its wait returns, so the count is 0 between waits and the descriptor can be closed once
    the thread has ended.
    """

    __slots__ = ("_fd", "_main", "_poll")

    def __init__(self, fd: int, main: bool) -> None:
        self._fd = fd
        self._main = main  # the main thread's: parks in slices, so Ctrl-C is never lost
        self._poll: select.poll | None = None  # made on the first timed park

    def __repr__(self) -> str:
        return f"<eventfd parker {self._fd}>"

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        """Park until woken; with ``timeout`` >= 0, at most that many seconds (ms rounded up).

        Ctrl-C interrupts it in the main thread as it does a lock's acquire. A SIGINT that
        lands just before the read starts cannot interrupt it, so the main thread parks in
        slices of :data:`MAIN_SLICE` seconds and its handler runs between two of them.
        """
        if not blocking:
            timeout = 0.0
        elif timeout < 0 and not self._main:
            os.eventfd_read(self._fd)
            return True
        poll = self._poll
        if poll is None:
            poll = self._poll = select.poll()
            poll.register(self._fd, select.POLLIN)
        if self._main:
            deadline = None if timeout < 0 else time.monotonic() + timeout
            while True:
                left = MAIN_SLICE if deadline is None else deadline - time.monotonic()
                if poll.poll(max(min(left, MAIN_SLICE), 0.0) * 1000.0):
                    break
                if deadline is not None and left <= MAIN_SLICE:
                    return False
        elif timeout <= MAX_POLL_SECONDS:
            if not poll.poll(timeout * 1000.0):
                return False
        elif not self._poll_long(poll, timeout):
            return False
        os.eventfd_read(self._fd)  # readable, and only this thread reads: it cannot block
        return True

    @staticmethod
    def _poll_long(poll: select.poll, timeout: float) -> bool:
        """Poll for longer than ``poll()`` can at once (a DWORD timeout of up to 49.7 days)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if poll.poll(max(min(left, MAX_POLL_SECONDS), 0.0) * 1000.0):
                return True
            if left <= MAX_POLL_SECONDS:
                return False

    def release(self) -> None:
        """Wake the parked thread; the GIL is released before the write."""
        os.eventfd_write(self._fd, 1)

    def close(self) -> None:
        """Give the descriptor back (the thread has ended)."""
        os.close(self._fd)


def lock_parker() -> _thread.LockType:
    """A parker that is a plain lock, held (armed) from the start."""
    lock = _thread.allocate_lock()
    lock.acquire()
    return lock


def eventfd_parker(*, main: bool = False) -> Parker | None:
    """Return an eventfd parker (``main``: the main thread's, which gets Ctrl-C), if any.

    None where there is no eventfd, or no descriptor left: a lock then still works.
    """
    if _eventfd is None:
        return None
    try:
        return _EventFdParker(_eventfd(0, _FLAGS), main)
    except OSError:
        return None


def watchable_fd(parker: Parker) -> int | None:
    """The eventfd a parker parks on, for a wait that polls it beside other descriptors.

    None for a lock parker. Whoever polls it reads it (``acquire()``) once it is readable.
    """
    return parker._fd if isinstance(parker, _EventFdParker) else None


def is_main_parker(parker: Parker) -> bool:
    """Whether the parker is the main thread's (its polls go in slices, for Ctrl-C)."""
    return isinstance(parker, _EventFdParker) and parker._main


def close_parker(parker: Parker) -> None:
    """Release what a parker holds once its thread has ended and woken for the last time."""
    if isinstance(parker, _EventFdParker):
        parker.close()
