"""One behaviour, every waitable kind: the same wait rules hold for each (semantics.md §3.1)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import pytest

from apartment.kernel import (
    Event,
    Mutex,
    Semaphore,
    Waitable,
    WaitableTimer,
    WaitResult,
    publish,
    start_process,
    start_thread,
    wait_all,
    wait_any,
)
from apartment.testing import wait_until_blocked

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


_W = TypeVar("_W", bound="Waitable")


@dataclass
class Subject:
    """A waitable that is not ready yet, and the action that makes it ready."""

    obj: Waitable
    make_ready: Callable[[], None]
    cleanup: Callable[[], None]


def _event() -> Subject:
    event = _made(Event())
    return Subject(event, event.set, lambda: None)


def _manual_event() -> Subject:
    event = _made(Event(manual_reset=True))
    return Subject(event, event.set, lambda: None)


def _semaphore() -> Subject:
    semaphore = _made(Semaphore(0, 1))

    def release() -> None:
        semaphore.release()

    return Subject(semaphore, release, lambda: None)


def _mutex() -> Subject:
    mutex, gate = _made(Mutex()), Event()

    def hold() -> None:
        mutex.wait()
        gate.wait()
        mutex.release()

    holder = start_thread(hold)
    wait_until_blocked(holder, on=gate)

    def cleanup() -> None:
        gate.set()
        holder.wait(10)

    return Subject(mutex, gate.set, cleanup)


def _timer() -> Subject:
    timer = _made(WaitableTimer())
    return Subject(timer, lambda: timer.set(0), timer.cancel)


def _thread() -> Subject:
    gate = Event()
    thread = start_thread(gate.wait)

    def cleanup() -> None:
        gate.set()
        thread.wait(10)

    return Subject(thread, gate.set, cleanup)


def _process() -> Subject:
    process = start_process([sys.executable, "-c", "import signal; signal.pause()"])

    def cleanup() -> None:
        if process.exit_code == 259:
            process.terminate(0)
        process.wait(30)

    return Subject(process, lambda: process.terminate(0), cleanup)


def _shared(make: Callable[[], Subject]) -> Callable[[], Subject]:
    """The same subject, its object shared with other processes from the start (as a named
    one is); a method bound before would still be the local one's."""

    def shared() -> Subject:
        publish_next[0] = True
        try:
            return make()
        finally:
            publish_next[0] = False

    return shared


publish_next = [False]


def _made(obj: _W) -> _W:
    """``obj``, shared if the subject being made is a shared one."""
    if publish_next[0]:
        publish(obj)
    return obj


KINDS = {
    "auto-event": _event,
    "manual-event": _manual_event,
    "semaphore": _semaphore,
    "mutex": _mutex,
    "timer": _timer,
    "thread": _thread,
    "process": _process,
    "shared-auto-event": _shared(_event),
    "shared-manual-event": _shared(_manual_event),
    "shared-semaphore": _shared(_semaphore),
    "shared-mutex": _shared(_mutex),
    "shared-timer": _shared(_timer),
}


@pytest.fixture(params=sorted(KINDS))
def subject(request: pytest.FixtureRequest) -> Iterator[Subject]:
    made = KINDS[request.param]()
    yield made
    made.cleanup()


def _release_if_mutex(obj: Waitable) -> None:
    if isinstance(obj, Mutex):
        obj.release()


def test_a_wait_with_zero_timeout_on_an_unready_object_returns_none(subject: Subject) -> None:
    assert subject.obj.wait(0) is None


def test_a_blocked_waiter_is_released_when_the_object_becomes_ready(subject: Subject) -> None:
    results: list[WaitResult | None] = []

    def waiter() -> None:
        results.append(subject.obj.wait(30))
        _release_if_mutex(subject.obj)

    thread = start_thread(waiter)
    wait_until_blocked(thread, on=subject.obj)
    subject.make_ready()
    assert thread.wait(30)
    assert results == [WaitResult(0)]


def test_statistics_count_a_blocked_waiter(subject: Subject) -> None:

    def waiter() -> None:
        subject.obj.wait(30)
        _release_if_mutex(subject.obj)

    thread = start_thread(waiter)
    wait_until_blocked(thread, on=subject.obj)
    assert subject.obj.statistics().threads_waiting == 1  # type: ignore[attr-defined]
    subject.make_ready()
    assert thread.wait(30)
    assert subject.obj.statistics().threads_waiting == 0  # type: ignore[attr-defined]


def test_wait_any_reports_the_index_of_the_object(subject: Subject) -> None:
    others = [Event() for _ in range(5)]
    results: list[WaitResult | None] = []

    def waiter() -> None:
        results.append(wait_any([*others, subject.obj], 30))
        _release_if_mutex(subject.obj)

    thread = start_thread(waiter)
    wait_until_blocked(thread, on=subject.obj)
    subject.make_ready()
    assert thread.wait(30)
    assert results == [WaitResult(5)]


def test_wait_all_waits_for_the_object_too(subject: Subject) -> None:
    ready = Event(manual_reset=True, initial_state=True)
    results: list[WaitResult | None] = []

    def waiter() -> None:
        results.append(wait_all([ready, subject.obj], 30))
        _release_if_mutex(subject.obj)

    thread = start_thread(waiter)
    wait_until_blocked(thread, on=subject.obj)
    subject.make_ready()
    assert thread.wait(30)
    assert results == [WaitResult(0)]


def test_a_timed_out_wait_leaves_no_waiter_behind(subject: Subject) -> None:
    assert wait_any([subject.obj], 0.001) is None
    assert subject.obj.statistics().threads_waiting == 0  # type: ignore[attr-defined]
