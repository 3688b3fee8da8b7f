"""The I/O thread: carries out the operations that cannot finish when they are started.

A read on an empty pipe, a write to a full one, a pipe waiting for its client and a byte-range
lock held by another handle all wait on something outside the process. Each arms a file
descriptor here (or a timer, for what only polling can see); one service thread per process
waits for all of them with epoll and calls the armed handler when its descriptor is ready.
Handlers are short and never block: they try the operation without blocking again, complete
what they can (setting Overlapped events through the kernel) and re-arm for the rest.

Descriptors are armed one-shot: a handler runs once per arming, so a handler that finds
nothing to do simply returns, and a stale event for a descriptor number that was closed and
reused only costs the new owner one harmless try.

The thread starts on first use and again in a child made by ``fork()``, where every armed
handler is called once so that it re-arms in the child's own epoll set. It ends at the
interpreter's exit, after the ``atexit`` hooks registered after this module's (a program's):
a daemon thread still running when the shutdown begins is frozen by CPython wherever it is,
and one frozen in (or waiting for) a lock here would hold it for ever, so the finalizers that
close the program's last pipes would wait for ever too.

:data:`IO_LOCK` guards the state of every file and pipe of the process. It is taken before the
kernel lock when both are needed (an operation completing under it sets its event), never
after it; the service's own lock is taken last of the three.
"""

from __future__ import annotations

import atexit
import contextlib
import heapq
import itertools
import os
import select
import sys
import threading
import time
import traceback
from typing import TYPE_CHECKING

from .._fork import SERVICES, TABLE, after_fork_in_child, hold_across_fork

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["IO_LOCK", "READABLE", "SWEEP_BACKOFF", "SWEEP_DELAY", "WRITABLE", "service"]

IO_LOCK = threading.Lock()
"""Guards the state of every file and pipe of the process (taken before the kernel lock)."""
hold_across_fork(IO_LOCK, TABLE)

READABLE = select.EPOLLIN | select.EPOLLRDHUP if hasattr(select, "EPOLLIN") else 1
WRITABLE = select.EPOLLOUT if hasattr(select, "EPOLLOUT") else 4
_ONESHOT = select.EPOLLONESHOT if hasattr(select, "EPOLLONESHOT") else 0
SWEEP_DELAY = 0.05
"""How long an operation left to its own thread may go without the I/O thread (seconds)."""
SWEEP_BACKOFF = 16
"""How many times :data:`SWEEP_DELAY` the sweep may wait while every sweep found nothing to do.

A program whose threads wait for their own reads (the common case) leaves the sweep nothing
to arm: it finds each read taken (or none pending). Each such sweep doubles the wait before
the next one, up to this factor (0.8 s); a sweep that arms a read left to nobody brings it
back to :data:`SWEEP_DELAY`. A steady stream of reads so costs the process a wake-up of the
I/O thread (and a turn of the GIL) a second or so, rather than twenty.
"""
_END_WAIT = 1.0
"""How long the exit waits for the I/O thread to leave a handler (seconds)."""


class _Service:
    """One epoll set, one thread, one-shot descriptors and timers."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        hold_across_fork(self._lock, TABLE)
        self._epoll: select.epoll | None = None
        self._wake_fd = -1
        self._thread: threading.Thread | None = None
        self._handlers: dict[int, Callable[[], None]] = {}
        self._registered: set[int] = set()
        self._timers: list[tuple[float, int, Callable[[], object]]] = []
        self._seq = itertools.count()
        self._sweeps: dict[Callable[[], object], None] = {}  # see sweep_soon
        self._sweep_at = 0.0  # when the next sweep is due (0.0: none pending)
        self._sweep_factor = 1  # the next sweep waits this many SWEEP_DELAYs (SWEEP_BACKOFF)
        self._ended = False  # at exit: the thread is not started again
        after_fork_in_child(self._after_fork_in_child, SERVICES)

    # -- the API ----------------------------------------------------------------------------

    def arm(self, fd: int, events: int, handler: Callable[[], None]) -> None:
        """Call ``handler()`` once, on the I/O thread, when ``fd`` is ready for ``events``.

        Arming an armed descriptor replaces its events and handler. A hang-up or an error
        on the descriptor counts as ready: the handler finds out what happened.
        """
        with self._lock:
            epoll = self._epoll
            if epoll is None or self._thread is None:
                epoll = self._start_locked()
            self._handlers[fd] = handler
            mask = events | _ONESHOT
            try:  # a descriptor closed without forget() left the set on its own
                if fd in self._registered:
                    epoll.modify(fd, mask)
                else:
                    epoll.register(fd, mask)
            except FileNotFoundError:
                epoll.register(fd, mask)
            except FileExistsError:
                epoll.modify(fd, mask)
            self._registered.add(fd)

    def disarm(self, fd: int) -> None:
        """Cancel an arming of ``fd`` that has not fired; it stays in the epoll set.

        The caller holds IO_LOCK, under which every arming is made: a descriptor not armed
        now cannot become armed meanwhile, so that case needs no lock.
        """
        if fd not in self._handlers:
            return
        with self._lock:
            if self._handlers.pop(fd, None) is not None and self._epoll is not None:
                with contextlib.suppress(OSError):
                    self._epoll.modify(fd, 0)

    def forget(self, fd: int, handler: Callable[[], None] | None = None) -> None:
        """Stop watching ``fd``; call before closing it.

        With ``handler``, only if that is what watches it: a descriptor someone else closed
        may have been reused, and watched, by another file since.
        """
        with self._lock:
            if handler is not None and self._handlers.get(fd, handler) != handler:
                return
            self._handlers.pop(fd, None)
            if fd in self._registered:
                self._registered.discard(fd)
                if self._epoll is not None:
                    with contextlib.suppress(OSError, ValueError):
                        self._epoll.unregister(fd)

    def call_later(self, delay: float, fn: Callable[[], object]) -> None:
        """Call ``fn()`` on the I/O thread after ``delay`` seconds (for what must be polled)."""
        with self._lock:
            if self._thread is None:
                self._start_locked()
            entry = (time.monotonic() + delay, next(self._seq), fn)
            heapq.heappush(self._timers, entry)
            if self._timers[0] is not entry:  # an earlier one wakes the thread, to look again
                return
            wake_fd = self._wake_fd
        os.eventfd_write(wake_fd, 1)

    def sweep_soon(self, fn: Callable[[], object]) -> None:
        """Call ``fn()`` on the I/O thread within ``SWEEP_DELAY`` seconds (see below), once.

        For operations left to the thread that started them (a pending read its thread will
        most likely wait for and carry out itself): if nobody has, they are armed then,
        so they go on as Windows' would without anybody waiting. One timer serves all.
        ``fn`` returns whether it armed anything left to nobody: while no sweep does, each
        waits twice as long as the last, up to ``SWEEP_BACKOFF`` times ``SWEEP_DELAY``.
        """
        if fn in self._sweeps:  # due already: a sweep that took it calls it after us (IO_LOCK)
            return
        now = time.monotonic()
        due = now + SWEEP_DELAY * self._sweep_factor
        with self._lock:
            self._sweeps[fn] = None
            schedule = not now < self._sweep_at <= due  # no sweep pending in time
            if schedule:
                self._sweep_at = due
        if schedule:
            self.call_later(due - now, self._sweep)

    def _sweep(self) -> None:
        with self._lock:
            due, self._sweeps = list(self._sweeps), {}
            self._sweep_at = 0.0
        armed = False
        for fn in due:
            armed = bool(self._call(fn)) or armed
        with self._lock:  # (read without it by sweep_soon: a stale factor only moves one due)
            self._sweep_factor = 1 if armed else min(self._sweep_factor * 2, SWEEP_BACKOFF)

    # -- the thread -------------------------------------------------------------------------

    def _start_locked(self) -> select.epoll:
        if self._ended and self._epoll is not None:
            return self._epoll
        epoll = select.epoll()
        self._wake_fd = os.eventfd(0, os.EFD_NONBLOCK | os.EFD_CLOEXEC)
        epoll.register(self._wake_fd, select.EPOLLIN)
        self._epoll = epoll
        if self._ended:  # the interpreter is exiting: what is armed now waits for nobody
            return epoll
        self._thread = threading.Thread(
            target=self._run, args=(epoll, self._wake_fd), name="apartment-io", daemon=True
        )
        self._thread.start()
        return epoll

    def _run(self, epoll: select.epoll, wake_fd: int) -> None:
        while True:
            with self._lock:
                if self._epoll is not epoll:  # a forked child started its own; never here
                    return
                # None: no timer, wait for a descriptor. A timer overdue already (its
                # handler ran late behind others) gives 0, never "forever".
                timeout = max(self._timers[0][0] - time.monotonic(), 0.0) if self._timers else None
            try:
                ready = epoll.poll(timeout)
            except OSError:
                return
            due: list[Callable[[], object]] = []  # (handlers and timers)
            with self._lock:
                for fd, _ in ready:
                    if fd == wake_fd:
                        with contextlib.suppress(BlockingIOError):
                            os.eventfd_read(wake_fd)
                        continue
                    handler = self._handlers.pop(fd, None)
                    if handler is not None:
                        due.append(handler)
                now = time.monotonic()
                while self._timers and self._timers[0][0] <= now:
                    due.append(heapq.heappop(self._timers)[2])
            for fn in due:
                self._call(fn)

    def end(self) -> None:
        """End the thread and wait for it (briefly); it does not start again (at exit).

        Runs on the exiting thread, from ``atexit``: while the other threads still run.
        """
        with self._lock:
            self._ended = True
            thread, wake_fd = self._thread, self._wake_fd
            self._epoll, self._thread = None, None  # _run sees another epoll: it returns
        if thread is None:
            return
        with contextlib.suppress(OSError):
            os.eventfd_write(wake_fd, 1)
        thread.join(_END_WAIT)

    @staticmethod
    def _call(handler: Callable[[], object]) -> object:
        try:
            return handler()
        except BaseException:  # a broken handler must not stop the I/O of the others
            if not sys.is_finalizing():
                traceback.print_exc()
            return None

    def _after_fork_in_child(self) -> None:
        """Forget the parent's epoll set and thread; re-arm every handler in the child."""
        handlers = list(self._handlers.values())
        timers = [entry[2] for entry in self._timers]
        self._handlers.clear()
        self._registered.clear()
        self._timers.clear()
        if self._epoll is not None:
            with contextlib.suppress(OSError):
                self._epoll.close()  # the child's copy only; the parent's set is untouched
            with contextlib.suppress(OSError):
                os.close(self._wake_fd)
        self._epoll, self._thread, self._wake_fd = None, None, -1
        for fn in handlers + timers:
            self.call_later(0.0, fn)


service = _Service()
"""The process's I/O service."""
atexit.register(service.end)
