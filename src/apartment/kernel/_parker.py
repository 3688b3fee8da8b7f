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
descriptor left) the parker is a plain lock. The wake-up is one C call, with no Python frame
(:func:`waker`).

The trade-off is measured both ways (``python -m bench.switches``): a waker that goes on
running (a thread posting a stream of messages) does better with a lock, since the woken
thread then waits for the GIL and takes a batch, while a waker that parks next (a call and
its reply, an event ping-pong: a hand-off) pays an extra switch per wake-up with a lock.
Hand-offs are what the library's calls are made of, so threads park on eventfds.

The main thread must also see Ctrl-C while it parks, and a SIGINT that lands just before a
blocking read starts (or ``_thread.interrupt_main()``, which trips the handler without any
signal) does not interrupt the read. So the main thread parks on a pipe that is also the
process's signal wakeup fd (``signal.set_wakeup_fd``): CPython writes the signal's number
into it for every signal it handles, which ends the read, and the park is still one blocking
``read()``. Only if another owner holds the wakeup fd when the main thread first waits (an
asyncio loop with signal handlers, say) does it park on an eventfd in slices of
:data:`MAIN_SLICE` seconds, polling, so that its handler runs between two of them. An owner
that takes the wakeup fd *later* (``loop.add_signal_handler`` after the main thread's first
wait) cannot be seen without a system call per park: a real SIGINT then still ends the read
(EINTR), but one landing in the instant before it, or ``interrupt_main()``, is seen at the
next wake-up, as with CPython's own blocking calls.
"""

from __future__ import annotations

import _thread
import functools
import os
import select
import signal
import time
from typing import TYPE_CHECKING, final

from .._clock import Parker

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "Parker",
    "close_parker",
    "eventfd_parker",
    "forever",
    "lock_parker",
    "watchable_fd",
    "waker",
    "is_main_parker",
    "takes_signals",
]

MAIN_SLICE = 0.05
"""Seconds the main thread parks at a time on an eventfd, so a pending Ctrl-C is seen.

Only when it cannot park on the signal wakeup fd (see the module's docstring)."""

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

    __slots__ = ("_fd", "_main", "_poll", "wake")

    def __init__(self, fd: int, main: bool) -> None:
        self._fd = fd
        self._main = main  # the main thread's: parks in slices, so Ctrl-C is never lost
        self._poll: select.poll | None = None  # made on the first timed park
        self.wake = functools.partial(os.eventfd_write, fd, 1)  # release(), with no frame

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


_WAKE = 0
"""The byte a wake-up writes into the main thread's pipe; CPython writes signal numbers (>= 1)."""
_WAKE_BYTE = bytes((_WAKE,))
_CHUNK = 64
"""Bytes the main thread's park reads at once: a wake-up and the signal bytes before it."""

_wakeup_fd = [-1]
"""The write end of the pipe this module made the signal wakeup fd, or -1 (main thread only)."""


@final
class _WakeupPipeParker:
    """The main thread's parker: a pipe whose write end is the process's signal wakeup fd.

    A wake-up writes one 0 byte; CPython writes the number of each signal it handles. A park
    reads until it gets a 0: a signal byte ends the blocking read, the handler runs (the
    eval loop sees it trip before the next read) and raises KeyboardInterrupt out of the park
    or returns, and the park reads on. So an infinite park is one ``read()``. Only the main
    thread reads; any thread writes (the GIL is released before the write, as for an eventfd).
    """

    __slots__ = ("_blocking_w", "_poll", "_r", "_w", "wake")

    def __init__(self, r: int, w: int) -> None:
        self._r = r
        self._w = w  # non-blocking, as the wakeup fd must be
        self._poll: select.poll | None = None  # made on the first timed park
        self._blocking_w = _blocking_writer(w)
        self.wake: Callable[[], object] = (
            self.release
            if self._blocking_w < 0
            else functools.partial(os.write, self._blocking_w, _WAKE_BYTE)
        )

    def __repr__(self) -> str:
        return f"<wakeup-pipe parker {self._r}/{self._w}>"

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        """Park until woken; with ``timeout`` >= 0, at most that many seconds (ms rounded up).

        A signal's byte does not count as a wake-up; its handler's KeyboardInterrupt ends the
        park as it would end a lock's acquire.
        """
        if blocking and timeout < 0:
            while True:
                data = os.read(self._r, _CHUNK)
                if data == _WAKE_BYTE:
                    return True
                if self._took(data):
                    return True
                # signal bytes only: the handler runs before the next read, or raises
        return self._acquire_timed(timeout if blocking else 0.0)

    def _acquire_timed(self, timeout: float) -> bool:
        poll = self._poll
        if poll is None:
            poll = self._poll = select.poll()
            poll.register(self._r, select.POLLIN)
        deadline = time.monotonic() + timeout
        left = timeout
        while True:
            if poll.poll(min(left, MAX_POLL_SECONDS) * 1000.0):
                data = os.read(self._r, _CHUNK)  # readable, and only this thread reads
                if data == _WAKE_BYTE or self._took(data):
                    return True
            elif left <= MAX_POLL_SECONDS:
                return False
            left = max(deadline - time.monotonic(), 0.0)
            if not left and not poll.poll(0):
                return False

    def _took(self, data: bytes) -> bool:
        """Tell if ``data`` holds a wake-up; write any beyond the first back into the pipe.

        More than one comes together only when a park nested in a signal handler (a wait
        made by the handler, which runs inside the outer park's read) reads the outer
        park's wake-up with its own. Written back, it ends the outer read, which CPython
        restarts by itself after the handler: a count kept here would never be looked at.
        """
        count = data.count(_WAKE)
        for _ in range(count - 1):
            self.release()
        return count > 0

    def release(self) -> None:
        """Wake the parked thread; the GIL is released before the write."""
        while True:
            try:
                os.write(self._w, _WAKE_BYTE)
                return
            except BlockingIOError:  # full of signal bytes: the main thread drains as it parks
                select.select((), (self._w,), ())

    def close(self) -> None:
        """Give the wakeup fd back and close the pipe (in the main thread; else keep both)."""
        if _wakeup_fd[0] == self._w:
            try:
                signal.set_wakeup_fd(-1)
            except ValueError:  # not the main thread: a signal would write into a closed fd
                return
            _wakeup_fd[0] = -1
        os.close(self._r)
        os.close(self._w)
        if self._blocking_w >= 0:
            os.close(self._blocking_w)


def _blocking_writer(w: int) -> int:
    """A second, blocking, write end of the pipe whose write end ``w`` is non-blocking; or -1.

    Blocking is a flag of an open file description, which ``os.dup`` shares: opening the
    pipe again through /proc makes a description of its own. A wake-up written there is one
    C call (``os.write``) that waits, GIL released, while the pipe is full of signal bytes,
    as :meth:`_WakeupPipeParker.release` does in Python. -1 where /proc cannot do that.
    """
    try:
        fd = os.open(f"/proc/self/fd/{w}", os.O_WRONLY | os.O_CLOEXEC)
    except OSError:
        return -1
    if not os.get_blocking(fd):  # (not a description of its own here: keep the slow way)
        os.close(fd)
        return -1
    return fd


def _wakeup_pipe_parker() -> Parker | None:
    """Make the main thread's pipe and make it the signal wakeup fd; None if taken or failed.

    A wakeup fd that this module set before (a forked child's, whose parent made it) counts as
    free. Another owner's is given back as it was found (the flag CPython keeps beside it,
    ``warn_on_full_buffer``, cannot be read: it returns to its default, True).
    """
    try:
        r, w = os.pipe()
    except OSError:
        return None
    try:
        os.set_blocking(w, False)
        old = signal.set_wakeup_fd(w, warn_on_full_buffer=False)
    except (OSError, ValueError):  # not the main thread of the main interpreter, say
        os.close(r)
        os.close(w)
        return None
    if old not in (-1, _wakeup_fd[0]):
        signal.set_wakeup_fd(old)
        os.close(r)
        os.close(w)
        return None
    _wakeup_fd[0] = w
    return _WakeupPipeParker(r, w)


def lock_parker() -> _thread.LockType:
    """A parker that is a plain lock, held (armed) from the start."""
    lock = _thread.allocate_lock()
    lock.acquire()
    return lock


def eventfd_parker(*, main: bool = False) -> Parker | None:
    """Return an eventfd parker (``main``: the main thread's, which gets Ctrl-C), if any.

    The main thread's is a pipe that is the signal wakeup fd where it can be (see the
    module's docstring), else an eventfd polled in slices. None where there is no eventfd,
    or no descriptor left: a lock then still works.
    """
    if _eventfd is None:
        return None
    if main:
        parker = _wakeup_pipe_parker()
        if parker is not None:
            return parker
    try:
        return _EventFdParker(_eventfd(0, _FLAGS), main)
    except OSError:
        return None


def forever(parker: Parker) -> Callable[[], object]:
    """The parker's untimed park, as a C-level callable where it can be one.

    A blocking read of a thread's own eventfd is its whole untimed park (not the main
    thread's, which parks in slices for Ctrl-C), and a lock's is its acquire: the wait
    engine's plain park (``_wait.wait_any_forever``) then runs no Python frame.
    """
    if isinstance(parker, _EventFdParker) and not parker._main:
        return functools.partial(os.eventfd_read, parker._fd)
    return parker.acquire


def waker(parker: Parker) -> Callable[[], object]:
    """The parker's wake-up (``release``), as a C-level callable where it can be one.

    Every wake-up of a thread goes through its waiter's ``wake``: for an eventfd it is one
    ``os.eventfd_write``, for the main thread's pipe one ``os.write``, with no Python frame.
    """
    wake: Callable[[], object] | None = getattr(parker, "wake", None)
    return parker.release if wake is None else wake


def watchable_fd(parker: Parker) -> int | None:
    """The eventfd a parker parks on, for a wait that polls it beside other descriptors.

    None for a lock parker. Whoever polls it reads it (``acquire()``) once it is readable;
    for a parker that :func:`takes_signals`, readable may mean a signal's byte only, so it
    reads with ``acquire(False)`` and polls on when that is False.
    """
    if isinstance(parker, _EventFdParker):
        return parker._fd
    return parker._r if isinstance(parker, _WakeupPipeParker) else None


def is_main_parker(parker: Parker) -> bool:
    """Whether the parker is the main thread's eventfd (its polls go in slices, for Ctrl-C)."""
    return isinstance(parker, _EventFdParker) and parker._main


def takes_signals(parker: Parker) -> bool:
    """Whether signal bytes make the parker's descriptor readable (the main thread's pipe)."""
    return isinstance(parker, _WakeupPipeParker)


def close_parker(parker: Parker) -> None:
    """Release what a parker holds once its thread has ended and woken for the last time."""
    if isinstance(parker, (_EventFdParker, _WakeupPipeParker)):
        parker.close()
