"""Doing a pending operation's I/O on the thread that waits for it.

A thread that waits for one operation (GetOverlappedResult with bWait, a blocking ReadFile)
has nothing else to do: rather than park and be woken by the I/O thread (two hand-offs per
answer: socket to I/O thread, I/O thread to waiter), it polls the socket itself and serves the
pipe when data comes. Anyone else who finishes the pipe's work meanwhile (a cancel, a close,
a peek that served the read) pokes the thread's own eventfd, which the poll watches too.

Meanwhile the thread counts as parked on the Overlapped, for
``apartment.testing.wait_until_blocked`` and for diagnostics. The main thread polls in 50 ms
slices, as its parks do, so that a Ctrl-C is seen.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
from typing import TYPE_CHECKING, Final

from .._fork import SERVICES, after_fork_in_child
from ._core import CANCELLED, KERNEL_LOCK, Waiter
from ._parkwatch import blocked_watchers, notify_blocked
from ._thread import current_state

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._overlapped import Overlapped

__all__ = ["drive", "poke", "wake_fd"]

_MAIN_SLICE_MS: Final = 50


class _WakeFd:
    """A thread's eventfd for being poked out of a drive; closed with the thread."""

    __slots__ = ("fd",)

    def __init__(self) -> None:
        self.fd = os.eventfd(0, os.EFD_NONBLOCK | os.EFD_CLOEXEC)

    def __del__(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)


_local = threading.local()


def wake_fd() -> int:
    """The calling thread's eventfd for :func:`poke`, made on first use."""
    try:
        holder: _WakeFd = _local.wake
    except AttributeError:
        holder = _local.wake = _WakeFd()
    return holder.fd


def poke(fd: int) -> None:
    """Wake a thread that drives (``fd`` from its :func:`wake_fd`; -1: nobody drives)."""
    if fd >= 0:
        with contextlib.suppress(OSError):
            os.eventfd_write(fd, 1)


def _forget_in_child() -> None:
    """A forked child shares the parent's eventfds: the forking thread gets a new one."""
    _local.__dict__.pop("wake", None)
    _local.__dict__.pop("poller", None)


after_fork_in_child(_forget_in_child, SERVICES)


def drive(
    overlapped: Overlapped,
    fd: int,
    wake: int,
    events: Callable[[], int],
    serve: Callable[[], None],
) -> None:
    """Poll ``fd`` for ``events()``, calling ``serve()``, until ``overlapped`` completes.

    ``serve`` does the pipe's pending work (it completes operations, ``overlapped``'s among
    them, through the kernel). ``wake`` is the thread's :func:`wake_fd`, which whoever else
    finishes the work pokes.
    """
    thread = current_state()
    marker = Waiter(thread, _nothing)  # "parked on the Overlapped", never registered with it
    marker.objects = (overlapped,)
    with KERNEL_LOCK:
        if overlapped._ready:
            return
        marker.result = None
        thread.active = marker
        if blocked_watchers:
            notify_blocked()
    slice_ms = _MAIN_SLICE_MS if threading.get_ident() == threading.main_thread().ident else -1
    poller = _poller(wake)
    poller.register(fd, events())
    try:
        while True:
            for ready, _ in poller.poll(slice_ms):
                if ready == wake:
                    with contextlib.suppress(BlockingIOError):
                        os.eventfd_read(wake)
                else:
                    serve()
                    poller.modify(fd, events())
            with KERNEL_LOCK:
                if overlapped._ready:
                    return
    finally:
        poller.unregister(fd)
        with KERNEL_LOCK:
            marker.result = CANCELLED


def _poller(wake: int) -> select.poll:
    """The calling thread's poll set, its wake eventfd registered (kept for the next drive)."""
    try:
        poller: select.poll = _local.poller
    except AttributeError:
        poller = _local.poller = select.poll()
        poller.register(wake, select.POLLIN)
    return poller


def _nothing() -> None:
    return None
