"""Doing a pending operation's I/O on the thread that waits for it.

A thread that waits for one operation (GetOverlappedResult with bWait, a blocking ReadFile)
has nothing else to do: rather than park and be woken by the I/O thread (two hand-offs per
answer: socket to I/O thread, I/O thread to waiter), it polls the socket itself and serves the
pipe when data comes. Anyone else who finishes the pipe's work meanwhile (a cancel, a close,
a peek that served the read) pokes the thread's own eventfd, which the poll watches too.

Meanwhile the thread counts as parked on the Overlapped, for
``apartment.testing.wait_until_blocked`` and for diagnostics. The main thread polls in 50 ms
slices, as its parks do, so that a Ctrl-C is seen.

A wait on the operation's event or Overlapped (WaitForSingleObject, WaitForMultipleObjects
with other objects) drives the same way (:func:`drive_until`): the wait engine registers the
thread's kit waiter (:func:`kit_waiter`) with the objects as any waiter, but its wake-up
pokes the kit's eventfd instead of the thread's parker, so one poll sees both the socket and
the wait being decided.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
from typing import TYPE_CHECKING, Final

from .._fork import SERVICES, after_fork_in_child
from ._core import CANCELLED, KERNEL_LOCK, UNARMED, Waiter
from ._overlapped import complete_locked, forget_event_arm
from ._parkwatch import blocked_watchers, notify_blocked
from ._thread import current_state

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._overlapped import Overlapped
    from ._threadstate import ThreadState

__all__ = [
    "drive",
    "drive_kit",
    "drive_until",
    "kit_waiter",
    "kits",
    "marker_of",
    "park_on",
    "poke",
    "unpark",
    "wake_fd",
]

_MAIN_SLICE_MS: Final = 50
_LONGEST_POLL_MS: Final = 2**31 - 1  # poll()'s timeout is a C int of milliseconds


_spare_fds: list[int] = []
"""The eventfds of kits whose threads have ended, for the next kits to reuse.

A poke or a driven wait's wake-up is written after the lock hold that decided it: it may
land once its thread has stopped driving, even ended. An eventfd is therefore never closed
(its number could meanwhile name another file): a late write into a spare one costs its next
thread one needless look, as any poke that finds nothing to do.
"""


class _Kit:
    """A thread's drive kit, made on its first drive; its eventfd is kept when the thread ends.

    Its eventfd for being poked out of a drive (``fd``), its poll set with that eventfd in it,
    how long it polls at a time (the main thread in slices, so that Ctrl-C is seen), and the
    waiter that marks it parked while it drives (reused: a thread drives one at a time).
    """

    __slots__ = ("fd", "marker", "owner", "polled", "poller", "slice_ms", "waiter")

    def __init__(self) -> None:
        try:
            self.fd = _spare_fds.pop()
        except IndexError:
            self.fd = os.eventfd(0, os.EFD_NONBLOCK | os.EFD_CLOEXEC)
        self.marker: Waiter | None = None  # the thread's "parked on the Overlapped" marker
        self.waiter: Waiter | None = None  # its waiter for driven waits (kit_waiter)
        self.owner = threading.get_ident()
        self.poller = select.poll()
        self.poller.register(self.fd, select.POLLIN)
        # The descriptor the poll set watches besides ``fd``, and for what: kept from one
        # drive to the next (a thread drives the same pipe again and again), replaced when
        # another is driven. Between drives nobody polls, so a stale entry is harmless.
        self.polled = (-1, 0)
        main = threading.get_ident() == threading.main_thread().ident
        self.slice_ms = _MAIN_SLICE_MS if main else -1

    def __del__(self, spares: list[int] = _spare_fds) -> None:  # (bound now: kept at exit)
        fd = getattr(self, "fd", -1)
        if fd >= 0:
            spares.append(fd)

    def watch(self, fd: int, events: int) -> None:
        """Have the poll set watch ``fd`` (-1: none) for ``events`` (0: not at all)."""
        polled = self.polled
        if polled == (fd, events):
            return
        poller = self.poller
        if polled[0] != fd:
            if polled[0] >= 0:
                poller.unregister(polled[0])
            if fd >= 0 and events:
                poller.register(fd, events)
        elif events:
            poller.modify(fd, events)
        else:
            poller.unregister(fd)
        self.polled = (fd, events) if fd >= 0 and events else (-1, 0)

    def wake(self) -> None:
        """Wake the kit's thread from a driven wait (its waiter's wake-up), on any thread.

        The thread itself decides its own wait while it serves (it completed the read):
        it looks at the result next, and a poke would only cost its next drive a round.
        """
        if threading.get_ident() != self.owner:
            with contextlib.suppress(OSError):
                os.eventfd_write(self.fd, 1)


_local = threading.local()


def _kit() -> _Kit:
    try:
        kit: _Kit = _local.kit
    except AttributeError:
        kit = _local.kit = _Kit()
    return kit


drive_kit = _kit
"""The calling thread's drive kit (for :func:`drive`), made on first use."""

kits = _local
"""Where a thread's kit is (``kits.kit``, an AttributeError before its first drive_kit()).

For a hot path that reads it without drive_kit()'s call, and calls that only when it fails.
"""


def marker_of(kit: _Kit) -> Waiter:
    """The kit's "parked on the Overlapped" marker (:func:`park_on`'s), made on first use."""
    marker = kit.marker
    if marker is None:
        marker = kit.marker = Waiter(current_state(), _nothing)
    return marker


def wake_fd() -> int:
    """The calling thread's eventfd for :func:`poke`, made on first use."""
    return _kit().fd


def kit_waiter(thread: ThreadState) -> Waiter | None:
    """The calling thread's waiter for a driven wait; None while one is in use (kernel lock).

    ``thread`` is the calling thread's state. The waiter unregisters as soon as its wait is
    decided (``eager``), as a nested wait's does.
    """
    kit = _kit()
    waiter = kit.waiter
    if waiter is None:
        waiter = kit.waiter = Waiter(thread, kit.wake, eager=True)
    elif waiter.result is None:
        return None
    waiter.objects = ()  # its last wait left its objects as it ended: register it afresh
    return waiter


def poke(fd: int) -> None:
    """Wake a thread that drives (``fd`` from its :func:`wake_fd`; -1: nobody drives)."""
    if fd >= 0:
        with contextlib.suppress(OSError):
            os.eventfd_write(fd, 1)


def _forget_in_child() -> None:
    """A forked child shares the parent's eventfds: the forking thread gets a new kit."""
    kit = _local.__dict__.pop("kit", None)
    if kit is not None:
        kit.fd = -1  # shared with the parent: not one to reuse here
    for fd in _spare_fds:  # nobody here writes to these: the child's copies can go
        with contextlib.suppress(OSError):
            os.close(fd)
    _spare_fds.clear()


after_fork_in_child(_forget_in_child, SERVICES)


def drive(
    kit: _Kit,
    overlapped: Overlapped,
    fd: int,
    events: Callable[[], int],
    serve: Callable[[Overlapped], tuple[int, int] | None],
) -> tuple[int, int] | None:
    """Poll ``fd`` for ``events()``, calling ``serve()``, until ``overlapped`` completes.

    ``kit`` is the calling thread's (:func:`drive_kit`). ``serve(overlapped)`` does the
    pipe's pending work (it completes operations through the kernel); once ``overlapped``'s
    is done it stops driving the pipe itself, in the same lock hold, and returns the
    operation's (status, count). It may leave completing ``overlapped`` to this function
    (which does it in the hold that ends the thread's park: one hold less), if nobody else
    can complete it then. Whoever else finishes the work pokes the calling thread's
    :func:`wake_fd`. The operation is the thread's to carry out now: nobody need arm it.

    Returns what ``serve`` returned, else None (the caller stops driving the pipe then).
    """
    if not park_on(kit, overlapped):  # "parked on the Overlapped", never registered with it
        return None
    marker = kit.marker
    assert marker is not None  # park_on made it
    poller, wake, slice_ms = kit.poller, kit.fd, kit.slice_ms
    done = False
    outcome = None
    try:
        while True:
            kit.watch(fd, events())  # again after a poke too: a request may have been queued
            for ready, _ in poller.poll(slice_ms):
                if ready == wake:
                    with contextlib.suppress(BlockingIOError):
                        os.eventfd_read(wake)
                else:
                    outcome = serve(overlapped)
            if outcome is not None:
                woken: list[Waiter] = []
                with KERNEL_LOCK:
                    if not overlapped._ready:  # left to us to complete
                        complete_locked(overlapped, *outcome, woken)
                    marker.result = CANCELLED
                    done = True
                for waiter in woken:
                    waiter.wake()
                return outcome
            with KERNEL_LOCK:  # completed by another thread (a cancel, a close)?
                if overlapped._ready:
                    marker.result = CANCELLED
                    done = True
                    return None
    finally:
        if not done:
            with KERNEL_LOCK:
                marker.result = CANCELLED


def park_on(kit: _Kit, overlapped: Overlapped) -> bool:
    """Count the calling thread parked on ``overlapped`` while it blocks in a receive for it.

    As :func:`drive` does, for ``apartment.testing.wait_until_blocked`` and diagnostics; the
    operation is the thread's to carry out now (nobody need arm it). False, and no mark, if
    the operation is done already. End the mark with :func:`unpark`.
    """
    marker = kit.marker
    if marker is None:
        marker = marker_of(kit)
    marker.objects = (overlapped,)
    with KERNEL_LOCK:
        if UNARMED:  # its thread carries it out now: nobody need arm it (once per read)
            arms = UNARMED.pop(overlapped, None)
            if arms is not None and overlapped.event is not None:
                forget_event_arm(overlapped, arms)
        if overlapped._ready:
            return False
        marker.result = None
        marker.thread.active = marker
        if blocked_watchers:
            notify_blocked()
    return True


def unpark(
    kit: _Kit,
    overlapped: Overlapped,
    outcome: tuple[int, int] | None,
    woken: list[Waiter] | None = None,
) -> None:
    """End :func:`park_on`'s mark; complete ``overlapped`` with ``outcome`` if nobody has.

    One kernel-lock hold for both (the common case: the thread received its read's message
    itself, and nobody else can complete it). With ``woken`` the waiters to wake are left
    there for the caller to wake once it has let go of its own lock (it unparks in a hold
    of IO_LOCK); without, they are woken here.
    """
    wake: list[Waiter] = [] if woken is None else woken
    marker = kit.marker
    with KERNEL_LOCK:
        if outcome is not None and not overlapped._ready:
            complete_locked(overlapped, outcome[0], outcome[1], wake)
        if marker is not None:
            marker.result = CANCELLED
    if woken is None:
        for waiter in wake:
            waiter.wake()


def drive_until(
    waiter: Waiter,
    fd: int,
    events: Callable[[], int],
    serve: Callable[[], None],
    deadline: float | None = None,
) -> bool:
    """Poll ``fd`` for ``events()``, calling ``serve()``, until ``waiter``'s result is decided.

    ``waiter`` is the calling thread's :func:`kit_waiter`, pending. ``fd`` is -1 when another
    thread serves the I/O: the thread then only waits for its wake-up. While ``events()`` is
    0 (nothing queued) the socket is not polled; whoever queues a request pokes the thread.
    With a ``deadline`` (``time.monotonic()``) it returns False once that has passed
    undecided; True when decided.
    """
    kit = _kit()
    poller, wake, slice_ms = kit.poller, kit.fd, kit.slice_ms
    timeout_ms: float = slice_ms
    while True:
        with KERNEL_LOCK:
            if waiter.result is not None:
                return True
        if deadline is not None:
            left_ms = (deadline - time.monotonic()) * 1000.0
            if left_ms <= 0.0:
                return False
            timeout_ms = min(left_ms, _LONGEST_POLL_MS if slice_ms < 0 else slice_ms)
        kit.watch(fd, events() if fd >= 0 else 0)
        for ready, _ in poller.poll(timeout_ms):
            if ready == wake:
                with contextlib.suppress(BlockingIOError):
                    os.eventfd_read(wake)
            else:
                serve()


def _nothing() -> None:
    return None
