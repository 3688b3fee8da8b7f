"""Subscriptions to the event logs (EvtSubscribe): events as they are written, by any process.

A :class:`Subscription` selects the events of one or more channels with a query
(:mod:`._evt_xpath`) from a start: the events written from now on, the oldest the log holds,
or those after a bookmark. It is served in one of two ways, as on Windows:

* *pull*: a kernel event (``signal``) is set whenever matching events arrive; the reader takes
  them with :meth:`Subscription.next` until ERROR_NO_MORE_ITEMS, then waits again;
* *push*: ``callback(action, event)`` is called for each, in the log's order, on the process's
  event log service thread (``apartment-evt-service``), never the subscriber's, as Windows
  calls it on a thread of its own.

The service thread watches the logs' files, which every process appends to under a lock
(:mod:`._eventlog`), so a record any process writes reaches every subscriber of every process
within :data:`~apartment.services.POLL_SECONDS` (the standard library cannot reach inotify).
Closing a subscription stops its callbacks: once :meth:`Subscription.close` returns, none is
running or will run (a callback in progress on another thread is waited for; one that closes
its own subscription returns first).
"""

from __future__ import annotations

import atexit
import collections
import os
import sys
import threading
import traceback
from typing import TYPE_CHECKING, Protocol

from .._fork import OUTER, SERVICES, after_fork_in_child, hold_across_fork
from ..errors import ERROR_INVALID_HANDLE, ERROR_NO_MORE_ITEMS, ERROR_NOT_FOUND, Win32Error
from ._eventlog import log_path
from ._eventlog_read import POLL_SECONDS
from ._evt import query_selects, selected_records
from ._evt_events import Bookmark, Event, channel_records

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._eventlog import EventRecord
    from ._evt_xpath import Select

__all__ = [
    "Subscription", "START_FUTURE", "START_OLDEST", "START_AFTER_BOOKMARK",
    "ACTION_ERROR", "ACTION_DELIVER",
]  # fmt: skip

START_FUTURE, START_OLDEST, START_AFTER_BOOKMARK = 1, 2, 3
"""Where a subscription starts (EvtSubscribeToFutureEvents, ...StartAtOldestRecord, ...)."""
ACTION_ERROR, ACTION_DELIVER = 0, 1
"""What a push callback is told (EvtSubscribeActionError, EvtSubscribeActionDeliver)."""


class _Settable(Protocol):
    def set(self) -> None: ...


class Subscription:
    """The events of channels a query selects, from a start on, pulled or pushed.

    Args:
        path: the channel (Application, System, Security); a structured query names its own.
        query: the XPath subset of :mod:`._evt_xpath`, or a ``<QueryList>``; None takes all.
        start: START_FUTURE, START_OLDEST or START_AFTER_BOOKMARK (with ``bookmark``).
        signal: pull mode: the event set when matching events arrive.
        callback: push mode: ``callback(ACTION_DELIVER, event)`` on the service thread.
        strict: with a bookmark, ERROR_NOT_FOUND if its event is no longer in the log.

    Raises:
        ValueError: neither or both of ``signal`` and ``callback``; a bookmark start without
            a bookmark; an unknown start.
        Win32Error: the query's errors (ERROR_EVT_INVALID_QUERY, ERROR_EVT_CHANNEL_NOT_FOUND);
            ERROR_NOT_FOUND (``strict``).
    """

    def __init__(
        self,
        path: str | None,
        query: str | None = None,
        *,
        start: int = START_FUTURE,
        bookmark: Bookmark | None = None,
        signal: _Settable | None = None,
        callback: Callable[[int, Event], object] | None = None,
        strict: bool = False,
    ) -> None:
        if (signal is None) == (callback is None):
            raise ValueError("a subscription is pulled (a signal) or pushed (a callback)")
        if start not in (START_FUTURE, START_OLDEST, START_AFTER_BOOKMARK):
            raise ValueError(f"unknown start {start}")
        if start == START_AFTER_BOOKMARK and bookmark is None:
            raise ValueError("a subscription after a bookmark needs the bookmark")
        self._selects: list[Select] = query_selects(path, query)
        self._after = {s.path: self._start(s.path, start, bookmark, strict) for s in self._selects}
        self._signal = signal
        self._callback = callback
        self._lock = threading.Lock()  # the positions and the pending events
        self._gate = threading.RLock()  # held while a callback runs; close waits for it
        self._pending: collections.deque[tuple[EventRecord, str]] = collections.deque()
        self._seen: dict[str, tuple[int, int, int] | None] = {}
        self._closed = False
        if signal is not None and self._scan():
            signal.set()
        _service.add(self)

    @staticmethod
    def _start(channel: str, start: int, bookmark: Bookmark | None, strict: bool) -> int:
        """The record number after which the subscription's events begin in ``channel``."""
        if start == START_OLDEST:
            return 0
        records = channel_records(channel)
        if start == START_FUTURE:
            return records[-1].record_number if records else 0
        assert bookmark is not None
        position = bookmark.position(channel)
        if position is None or not any(r.record_number == position for r in records):
            if strict:
                raise Win32Error.from_code(ERROR_NOT_FOUND, "the bookmarked event is gone")
            return position or 0
        return position

    @property
    def pushed(self) -> bool:
        """Whether a callback takes the events (push mode)."""
        return self._callback is not None

    def _changed(self) -> bool:
        """Whether a watched log file changed since the last scan."""
        changed = False
        for select in self._selects:
            state = _state(os.fspath(log_path(select.path)))
            if self._seen.get(select.path, ()) != state:
                self._seen[select.path] = state
                changed = True
        return changed

    def _scan(self) -> bool:
        """Queue the matching events written since the last scan; True if there were any."""
        with self._lock:
            if self._closed or not self._changed():
                return False
            found = selected_records(self._selects, after=self._after)
            for record, path in found:
                self._after[path] = max(self._after[path], record.record_number)
            self._pending.extend(found)
            return bool(found)

    def next(self, count: int) -> list[Event]:
        """Up to ``count`` of the events that arrived (pull mode; EvtNext).

        Raises:
            ValueError: ``count`` is not positive.
            Win32Error: ERROR_NO_MORE_ITEMS when none is waiting; ERROR_INVALID_HANDLE once
                closed, or on a push subscription.
        """
        if count <= 0:
            raise ValueError("EvtNext reads one event or more")
        if self._closed or self.pushed:
            raise Win32Error.from_code(ERROR_INVALID_HANDLE, "not a pull subscription")
        self._scan()
        with self._lock:
            batch = [self._pending.popleft() for _ in range(min(count, len(self._pending)))]
        if not batch:
            raise Win32Error.from_code(ERROR_NO_MORE_ITEMS, "no event has arrived")
        return [Event(record, path) for record, path in batch]

    def _serve(self) -> None:
        """On the service thread: signal or deliver what arrived since the last look."""
        if not self._scan():
            return
        if self._signal is not None:
            self._signal.set()
            return
        while True:
            with self._gate:
                if self._closed:
                    return
                with self._lock:
                    if not self._pending:
                        return
                    record, path = self._pending.popleft()
                assert self._callback is not None
                try:
                    self._callback(ACTION_DELIVER, Event(record, path))
                except BaseException:
                    print("Exception in an event log subscription's callback:", file=sys.stderr)
                    traceback.print_exc()

    def close(self) -> None:
        """End the subscription: no callback runs once this returns. A second close is a no-op.

        A callback running on the service thread is waited for, unless it is the caller.
        """
        with self._gate:
            self._closed = True
        _service.remove(self)
        with self._lock:
            self._pending.clear()

    close_on_last_handle = close  # the kernel's handle table closes it with its last handle


def _state(path: str) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


class _Service:
    """The process's event log service thread, serving the open subscriptions."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscriptions: list[Subscription] = []
        self._thread: threading.Thread | None = None
        self._wake = threading.Event()
        self._stopped = False

    def add(self, subscription: Subscription) -> None:
        with self._lock:
            self._subscriptions.append(subscription)
            if self._thread is None and not self._stopped:
                self._thread = threading.Thread(
                    target=self._run, name="apartment-evt-service", daemon=True
                )
                self._thread.start()
        self._wake.set()

    def remove(self, subscription: Subscription) -> None:
        with self._lock:
            if subscription in self._subscriptions:
                self._subscriptions.remove(subscription)

    def _run(self) -> None:
        while True:
            self._wake.clear()
            with self._lock:
                if not self._subscriptions or self._stopped:
                    self._thread = None
                    return
                serving = list(self._subscriptions)
            for subscription in serving:
                subscription._serve()
            self._wake.wait(POLL_SECONDS)

    def forget(self) -> None:
        """In a forked child: the parent's subscriptions and thread are not this process's."""
        self._subscriptions = []
        self._thread = None

    def stop(self) -> None:
        """At exit: close every subscription, so none calls back into a finalizing process."""
        with self._lock:
            self._stopped = True
            serving = list(self._subscriptions)
        for subscription in serving:
            subscription.close()


_service = _Service()
atexit.register(_service.stop)
hold_across_fork(_service._lock, OUTER)
after_fork_in_child(_service.forget, SERVICES)
