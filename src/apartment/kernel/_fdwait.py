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
from typing import TYPE_CHECKING

from ._core import KERNEL_LOCK, TIMED_OUT, Waiter, WaitResult, try_acquire, wake_all
from ._parker import is_main_parker, takes_signals, watchable_fd
from ._thread import current_state
from ._wait import _cancel, _start, _withdraw

if TYPE_CHECKING:
    from ._core import Waitable

__all__ = ["can_watch_files", "wait_any_or_readable"]

_SLICE_MS = 50.0
"""Milliseconds the main thread polls at a time, so a pending Ctrl-C is seen (as it parks)."""
_IN = select.POLLIN | select.POLLHUP | select.POLLERR
_polls = threading.local()  # .poll, .key: the thread's poll set and its (eventfd, fd)


def can_watch_files() -> bool:
    """Whether the calling thread can wait for objects and a readable descriptor at once."""
    thread = current_state()
    if not thread.parks_fast:
        thread.park_fast()
    return watchable_fd(thread.park) is not None


def wait_any_or_readable(objects: tuple[Waitable, ...], fd: int) -> WaitResult | None:
    """Wait for one of ``objects`` (wait_any, no timeout) or for ``fd`` to be readable.

    Returns the wait's result, or None when ``fd`` became readable first (the wait is then
    withdrawn: no object was acquired). A thread that cannot watch files
    (:func:`can_watch_files` is False) must not call it. Not alertable.
    """
    thread = current_state()
    if not thread.parks_fast:
        thread.park_fast()
    while True:
        if thread.suspend_count:
            thread.stop_at_gate()
        with KERNEL_LOCK:
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
    own = watchable_fd(parker)
    assert own is not None
    cache = _polls.__dict__
    if cache.get("key") != (own, fd):  # the thread's last poll set, most often the same
        poll = select.poll()
        poll.register(own, select.POLLIN)
        poll.register(fd, _IN)
        cache["poll"], cache["key"] = poll, (own, fd)
    else:
        poll = cache["poll"]
    timeout = _SLICE_MS if is_main_parker(parker) else None
    signals = takes_signals(parker)  # the main thread's pipe: a signal's byte makes it readable
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
