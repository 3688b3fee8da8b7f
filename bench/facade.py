"""The facade's own cost: each pywin32-named call against the core call it translates.

A facade function converts its arguments (handles to objects, milliseconds to seconds,
WPARAMs), makes one core call and converts the result; the issue's bound is 1.2x the core
call. Also here: how a wait's single-thread cost grows from 1 to 64 objects (at most 2x), and
post+get on one thread against ``queue.Queue`` (core at most 1.0x, facade at most 1.2x).
"""

from __future__ import annotations

import queue
from typing import TYPE_CHECKING

from apartment import kernel, messages
from apartment.kernel import Event, wait_any

from ._harness import Benchmark, Case, Peer, one_thread

if TYPE_CHECKING:
    from ._harness import Loop

__all__ = ["benchmarks"]

FACADE_TARGET = 1.2
GROWTH_TARGET = 2.0
QUEUE_TARGET = 1.0
WM_APP = 0x8000


def _events(count: int) -> tuple[Event, ...]:
    events = tuple(Event(manual_reset=True) for _ in range(count))
    events[-1].set()  # the last one is signaled: a wait looks at every one first
    return events


def _core_wait_any(count: int) -> Loop:
    events = _events(count)

    def loop(n: int) -> None:
        for _ in range(n):
            wait_any(events, 0)

    return loop


def _facade_wait_multiple(count: int) -> Loop:
    from apartment.win32 import win32event

    handles = [win32event.CreateEvent(None, True, False, None) for _ in range(count)]
    win32event.SetEvent(handles[-1])
    wait = win32event.WaitForMultipleObjects

    def loop(n: int) -> None:
        for _ in range(n):
            wait(handles, False, 0)

    return loop


def _core_event_set_reset_wait() -> Loop:
    event = Event(manual_reset=True)

    def loop(n: int) -> None:
        for _ in range(n):
            event.set()
            event.wait(0)
            event.reset()

    return loop


def _facade_event_set_reset_wait() -> Loop:
    from apartment.win32 import win32event

    handle = win32event.CreateEvent(None, True, False, None)
    set_event, wait, reset = (
        win32event.SetEvent,
        win32event.WaitForSingleObject,
        win32event.ResetEvent,
    )

    def loop(n: int) -> None:
        for _ in range(n):
            set_event(handle)
            wait(handle, 0)
            reset(handle)

    return loop


def _core_post_get() -> Loop:
    me = kernel.current_thread()
    messages.peek_message()  # the queue exists
    post, get = messages.post_thread_message, messages.get_message

    def loop(n: int) -> None:
        for _ in range(n):
            post(me, WM_APP, 1, 2)
            get()

    return loop


def _facade_post_get() -> Loop:
    from apartment.win32 import win32api, win32gui

    me = win32api.GetCurrentThreadId()
    win32gui.PeekMessage(None, 0, 0, 0)
    post, get = win32api.PostThreadMessage, win32gui.GetMessage

    def loop(n: int) -> None:
        for _ in range(n):
            post(me, WM_APP, 1, 2)
            get(None, 0, 0)

    return loop


def _queue_put_get() -> Loop:
    q: queue.Queue[tuple[int, int, int]] = queue.Queue()

    def loop(n: int) -> None:
        for _ in range(n):
            q.put((WM_APP, 1, 2))
            q.get()

    return loop


def benchmarks() -> list[Benchmark]:
    """Return the facade benchmarks, in the order the tables show them."""
    core_64 = Case("core wait_any N=64", one_thread(lambda: _core_wait_any(64)))
    core_post_get = Case("core post+get", one_thread(_core_post_get))
    queue_peer = Case("queue.Queue put+get", one_thread(_queue_put_get))
    return [
        Benchmark(
            "WaitForMultipleObjects N=64, last signaled",
            Case("win32event", one_thread(lambda: _facade_wait_multiple(64))),
            [Peer(core_64, FACADE_TARGET)],
            threads=1,
        ),
        Benchmark(
            "WaitForMultipleObjects N=1, signaled",
            Case("win32event", one_thread(lambda: _facade_wait_multiple(1))),
            [Peer(Case("core wait_any N=1", one_thread(lambda: _core_wait_any(1))), FACADE_TARGET)],
            threads=1,
        ),
        Benchmark(
            "wait_any N=64 against N=1 (growth)",
            core_64,
            [Peer(Case("core wait_any N=1", one_thread(lambda: _core_wait_any(1))), GROWTH_TARGET)],
            threads=1,
        ),
        Benchmark(
            "SetEvent+WaitForSingleObject+ResetEvent",
            Case("win32event", one_thread(_facade_event_set_reset_wait)),
            [
                Peer(
                    Case("core set+wait+reset", one_thread(_core_event_set_reset_wait)),
                    FACADE_TARGET,
                )
            ],
            threads=1,
        ),
        Benchmark(
            "post+get, one thread",
            core_post_get,
            [Peer(queue_peer, QUEUE_TARGET)],
            threads=1,
        ),
        Benchmark(
            "PostThreadMessage+GetMessage, one thread",
            Case("win32api/win32gui", one_thread(_facade_post_get)),
            [Peer(core_post_get, FACADE_TARGET), Peer(queue_peer, FACADE_TARGET)],
            threads=1,
        ),
    ]
