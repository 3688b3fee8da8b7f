"""A wait that also ends when a file descriptor becomes readable (for a caller that reads).

A thread that waits for a reply which it could read itself (an STA caller of another
process, which must pump while it waits) parks on its eventfd *and* the connection's socket
at once, so the reply wakes the caller directly instead of a reader thread that wakes it
(one thread hand-off per call instead of two). Only a thread whose parker is an eventfd can
do this (:func:`can_watch_files`); the others keep a reader thread.
"""

from __future__ import annotations

import select
import threading
from typing import TYPE_CHECKING, TypeVar, overload

from ._core import (
    KERNEL_LOCK,
    TIMED_OUT,
    Waitable,
    Waiter,
    WaitResult,
    try_acquire,
    wake_all,
)
from ._parker import is_main_parker, takes_signals, watchable_fd
from ._thread import _tls as _thread_locals
from ._thread import current_state
from ._wait import UNSTARTED, _cancel, _start, _withdraw, take_or_register

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._parker import Parker
    from ._threadstate import ThreadState

_T = TypeVar("_T")

__all__ = ["can_watch_files", "wait_any_or_readable"]

_SLICE_MS = 50.0
"""Milliseconds the main thread polls at a time, so a pending Ctrl-C is seen (as it parks)."""
_IN = select.POLLIN | select.POLLHUP | select.POLLERR
_polls = threading.local()  # .fast: the thread's _Polling


class _Polling:
    """A thread's last poll set, with what its parker's waits need to know (one per thread).

    Most threads that call :func:`wait_any_or_readable` call it again and again with the
    same descriptor (an STA caller of a local server, a lane host's loop): this keeps what
    the general way asks each time (the parker's descriptor, whether it polls in slices,
    whether signals wake it) in one place, read with one attribute lookup.
    """

    __slots__ = ("fd", "own", "parker", "poll", "signals", "timeout")

    def __init__(self, parker: Parker, fd: int) -> None:
        own = watchable_fd(parker)
        assert own is not None
        self.parker = parker
        self.fd = fd
        self.own = own
        self.poll = poll = select.poll()
        poll.register(own, select.POLLIN)
        poll.register(fd, _IN)
        self.timeout = _SLICE_MS if is_main_parker(parker) else None
        self.signals = takes_signals(parker)


def can_watch_files() -> bool:
    """Whether the calling thread can wait for objects and a readable descriptor at once."""
    thread = current_state()
    if not thread.parks_fast:
        thread.park_fast()
    return watchable_fd(thread.park) is not None


@overload
def wait_any_or_readable(objects: tuple[Waitable, ...], fd: int) -> WaitResult | None: ...


@overload
def wait_any_or_readable(
    objects: tuple[Waitable, ...], fd: int, before: Callable[[ThreadState, None], _T | None]
) -> _T | WaitResult | None: ...


def wait_any_or_readable(
    objects: tuple[Waitable, ...],
    fd: int,
    before: Callable[[ThreadState, None], _T | None] | None = None,
) -> _T | WaitResult | None:
    """Wait for one of ``objects`` (wait_any, no timeout) or for ``fd`` to be readable.

    Returns the wait's result, or None when ``fd`` became readable first (the wait is then
    withdrawn: no object was acquired). A thread that cannot watch files
    (:func:`can_watch_files` is False) must not call it. Not alertable.

    ``before(thread, None)``, when given, runs first, in the kernel-lock hold that starts the
    wait: a result other than None is returned at once and nothing is waited (a message
    loop's take of its next message, which arms its queue's input when there is none; so
    the loop's take and its wait cost one lock hold). It may queue no wake-ups.

    The common case (the thread waited for the same descriptor last time, owns no mutex, is
    not suspended, no I/O or park watch or shared object in play, a few objects) takes one
    kernel-lock hold to take a ready object or register the thread's waiter
    (:func:`._wait.take_or_register`, wait_any_forever's too) and polls the thread's kept
    poll set; anything else goes the general way (:func:`_wait_or_readable`), which gives
    the same result.
    """
    try:  # current_state(), written out: the call is one the park need not pay
        thread: ThreadState = _thread_locals.state
    except AttributeError:
        thread = current_state()
    polling: _Polling | None = getattr(_polls, "fast", None)
    if (
        polling is None
        or polling.fd != fd
        or polling.parker is not thread.park
        or thread.suspend_count
        or thread.owned
        or len(objects) > 6
    ):
        return _wait_or_readable(objects, fd, thread, before)
    # any I/O left unarmed, or a park watch, refuses: this wait polls a descriptor instead
    waiter = thread.waiter
    started = take_or_register(objects, before, thread, waiter, True, True)
    if started is not None:
        if started is UNSTARTED:  # (before, if any, found nothing: the general way runs without it)
            return _wait_or_readable(objects, fd, thread)
        return started  # type: ignore[return-value]
    lock = KERNEL_LOCK
    parker = polling.parker
    own = polling.own
    poll = polling.poll.poll
    timeout = polling.timeout
    try:
        while True:
            ready = poll(timeout)
            if not ready:
                continue  # the main thread's slice: a Ctrl-C handler has run by now
            for item, _ in ready:
                if item == own:
                    break
            else:  # only fd: withdraw the wait (_withdraw, for the thread's own waiter)
                with lock:
                    decided = waiter.result
                    if decided is None:
                        waiter.result = TIMED_OUT  # (not eager: it stays registered)
                if decided is None:
                    return None  # withdrawn: the descriptor is readable
                parker.acquire()  # decided meanwhile: its wake-up is on the way; take it
                break
            if not polling.signals:
                parker.acquire()  # our wake-up: readable, so it does not block
                break
            if parker.acquire(False):
                break
            # a signal's byte only: its handler has run (or raised) by now
    except BaseException:
        _cancel(waiter)
        raise
    if thread.suspend_count:
        thread.stop_at_gate()
    granted = waiter.result
    assert isinstance(granted, WaitResult)  # not timed, not alertable: a grant
    return granted


def _wait_or_readable(
    objects: tuple[Waitable, ...],
    fd: int,
    thread: ThreadState,
    before: Callable[[ThreadState, None], _T | None] | None = None,
) -> _T | WaitResult | None:
    """:func:`wait_any_or_readable` the general way (and the thread's poll set kept)."""
    if not thread.parks_fast:
        thread.park_fast()
    polling: _Polling | None = getattr(_polls, "fast", None)
    if polling is None or polling.fd != fd or polling.parker is not thread.park:
        polling = _polls.fast = _Polling(thread.park, fd)  # the next wait's, most often the same
    while True:
        if thread.suspend_count:
            thread.stop_at_gate()
        with KERNEL_LOCK:
            if before is not None:
                found = before(thread, None)
                if found is not None:
                    return found
                before = None  # once: it armed what the wait needs
            result = try_acquire(objects, False, thread)
            if result is not None:
                return result
            woken: list[Waiter] = []
            started = _start(thread, objects, False, None, False, None, woken)
        if woken:
            wake_all(woken)
        if type(started) is Waiter:
            break
        if isinstance(started, WaitResult):
            return started
        # POKED: an object was published as shared meanwhile; look again
    waiter = started
    parker = thread.park
    own = polling.own
    poll = polling.poll
    timeout = polling.timeout
    signals = polling.signals  # the main thread's pipe: a signal's byte makes it readable
    try:
        while True:
            ready = poll.poll(timeout)
            if not ready:
                continue  # the main thread's slice: a Ctrl-C handler has run by now
            if any(item == own for item, _ in ready):
                if not signals:
                    parker.acquire()  # our wake-up: readable, so it does not block
                    break
                if parker.acquire(False):
                    break
                continue  # a signal's byte only: its handler has run (or raised) by now
            decided = _withdraw(waiter, TIMED_OUT)
            if decided is None:
                return None  # withdrawn: the descriptor is readable
            parker.acquire()  # decided meanwhile: its wake-up is on the way; take it
            break
    except BaseException:
        _cancel(waiter)
        raise
    if thread.suspend_count:
        thread.stop_at_gate()
    granted = waiter.result
    assert isinstance(granted, WaitResult)  # not timed, not alertable: a grant
    return granted
