"""A wait that also ends when a descriptor becomes readable (``lowlevel.wait_any_or_readable``).

What an STA caller of another process waits in: its objects, or its connection's socket. A
wait the socket ends acquires nothing; an object already signaled wins over a readable
socket; a grant that races with the socket is kept, never lost.
"""

from __future__ import annotations

import _thread
import os
import signal
import threading
from typing import TYPE_CHECKING, Any

import pytest

from apartment.kernel import (
    Event,
    Mutex,
    Semaphore,
    WaitResult,
    _fdwait,
    current_thread,
    start_thread,
)
from apartment.kernel.lowlevel import KERNEL_LOCK, can_watch_files, wait_any_or_readable
from apartment.testing import wait_until_blocked

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from apartment.kernel._threadstate import ThreadState


@pytest.fixture
def pipe() -> Iterator[tuple[int, int]]:
    read, write = os.pipe()
    yield read, write
    os.close(read)
    os.close(write)


def test_threads_with_an_eventfd_parker_can_watch_files() -> None:
    assert can_watch_files()


def test_a_readable_descriptor_ends_the_wait_and_acquires_nothing(pipe: tuple[int, int]) -> None:
    read, write = pipe
    sem = Semaphore(0, 1)
    os.write(write, b"x")
    assert wait_any_or_readable((sem,), read) is None
    sem.release()
    assert wait_any_or_readable((sem,), read) == WaitResult(0)  # signaled wins over readable
    assert sem.wait(0) is None  # taken by the wait


def test_an_object_signaled_while_waiting_ends_the_wait(pipe: tuple[int, int]) -> None:
    read, _ = pipe
    event = Event()
    box: list[object] = []
    waiter = start_thread(lambda: box.append(wait_any_or_readable((Event(), event), read)))
    wait_until_blocked(waiter)
    event.set()
    assert waiter.wait(10)
    assert box == [WaitResult(1)]
    assert event.wait(0) is None  # an auto-reset event: taken by the wait


def test_a_descriptor_made_readable_while_waiting_ends_the_wait(pipe: tuple[int, int]) -> None:
    read, write = pipe
    event = Event()
    box: list[object] = []
    waiter = start_thread(lambda: box.append(wait_any_or_readable((event,), read)))
    wait_until_blocked(waiter)
    os.write(write, b"x")
    assert waiter.wait(10)
    assert box == [None]
    event.set()
    assert event.wait(0) == WaitResult(0)  # the wait took nothing


def test_a_grant_racing_with_the_descriptor_is_never_lost(pipe: tuple[int, int]) -> None:
    """Each round, an event set and a byte written at once: the wait takes one or the other."""
    read, write = pipe
    for _ in range(200):
        sem = Semaphore(0, 1)
        go = threading.Barrier(2)
        box: list[object] = []

        def wait(sem: Semaphore = sem, box: list[object] = box, go: threading.Barrier = go) -> None:
            go.wait()
            box.append(wait_any_or_readable((sem,), read))

        waiter = start_thread(wait)
        go.wait()
        sem.release()
        os.write(write, b"x")
        assert waiter.wait(10)
        os.read(read, 1)
        if box == [None]:
            assert sem.wait(0) == WaitResult(0), "the wait ended on the socket but took the grant"
        else:
            assert box == [WaitResult(0)]
            assert sem.wait(0) is None, "the grant was taken twice"


needs_main = pytest.mark.skipif(
    threading.current_thread() is not threading.main_thread(), reason="needs the main thread"
)


@needs_main
def test_a_signal_in_the_main_thread_is_no_wake_up_of_the_readable_wait(
    pipe: tuple[int, int],
) -> None:
    """The main thread's parker is the signal wakeup pipe: a signal's byte is read past."""
    read, _ = pipe
    event = Event()
    handled = threading.Event()
    main = current_thread()
    old = signal.signal(signal.SIGUSR1, lambda signum, frame: handled.set())

    def signal_then_set() -> None:
        wait_until_blocked(main, on=event)
        signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGUSR1)
        handled.wait(10)  # the handler ran, in the middle of the wait
        wait_until_blocked(main, on=event)  # and the wait goes on
        event.set()

    helper = start_thread(signal_then_set)
    try:
        assert wait_any_or_readable((event,), read) == WaitResult(0)
    finally:
        signal.signal(signal.SIGUSR1, old)
    assert helper.wait(10)
    assert handled.is_set()


@needs_main
def test_ctrl_c_interrupts_the_readable_wait_in_the_main_thread(pipe: tuple[int, int]) -> None:
    read, _ = pipe
    event = Event()
    main = current_thread()

    def interrupt() -> None:
        wait_until_blocked(main, on=event)
        _thread.interrupt_main()  # no EINTR: only the wakeup fd's byte ends the poll

    helper = start_thread(interrupt)
    with pytest.raises(KeyboardInterrupt):
        wait_any_or_readable((event,), read)
    assert helper.wait(10)
    event.set()
    assert event.wait(0) == WaitResult(0)  # the interrupted wait took nothing


# -- a thread that waits on the same descriptor again: its kept poll set (the fast path) ------


@pytest.fixture
def no_general_way(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail a wait that goes the general way after the first (which keeps the poll set)."""
    general = _fdwait._wait_or_readable
    calls: list[str] = []

    def counted(*args: Any) -> object:
        calls.append("general")
        return general(*args)

    monkeypatch.setattr(_fdwait, "_wait_or_readable", counted)
    return calls


def _on_a_thread(fn: Callable[[], object]) -> object:
    box: list[object] = []
    thread = start_thread(lambda: box.append(fn()))
    assert thread.wait(10)
    return box[0]


def test_a_second_wait_on_the_descriptor_answers_as_the_first(
    pipe: tuple[int, int], no_general_way: list[str]
) -> None:
    read, write = pipe
    sem = Semaphore(0, 1)
    other = Event()

    def steps() -> list[object]:
        os.write(write, b"x")
        seen: list[object] = [wait_any_or_readable((sem,), read)]  # the general way: kept
        seen.append(wait_any_or_readable((sem,), read))  # readable: nothing taken
        sem.release()
        seen.append(wait_any_or_readable((other, sem), read))  # signaled wins over readable
        seen.append(sem.wait(0))
        os.read(read, 1)
        sem.release()
        seen.append(wait_any_or_readable((sem, other), read))  # not readable: the object
        return seen

    assert _on_a_thread(steps) == [None, None, WaitResult(1), None, WaitResult(0)]
    assert no_general_way == ["general"]  # the first wait only


def test_a_second_wait_parks_and_is_woken_by_an_object_or_the_descriptor(
    pipe: tuple[int, int], no_general_way: list[str]
) -> None:
    read, write = pipe
    event = Event()
    box: list[object] = []
    gate = Event()

    def waits() -> None:
        os.write(write, b"x")
        # primes the kept poll set (not on ``event``: the test would see it parked there)
        box.append(wait_any_or_readable((Event(),), read))
        os.read(read, 1)
        box.append(wait_any_or_readable((Event(), event), read))  # woken by the event
        gate.wait()
        box.append(wait_any_or_readable((event,), read))  # woken by the descriptor

    waiter = start_thread(waits)
    wait_until_blocked(waiter, on=event)
    event.set()
    wait_until_blocked(waiter, on=gate)
    gate.set()
    wait_until_blocked(waiter, on=event)
    os.write(write, b"x")
    assert waiter.wait(10)
    assert box == [None, WaitResult(1), None]
    assert event.wait(0) is None  # the set was taken by the second wait, the third took none
    assert no_general_way[0] == "general"  # (a wait that starts while a test watches: too)


def test_a_grant_racing_with_the_descriptor_is_never_lost_on_a_second_wait(
    pipe: tuple[int, int], no_general_way: list[str]
) -> None:
    """One thread waits 200 times (all but the first the fast way); each round races."""
    read, write = pipe
    rounds = 200
    sems = [Semaphore(0, 1) for _ in range(rounds)]
    results: list[object] = []
    go = threading.Barrier(2)
    done = threading.Barrier(2)

    def waits() -> None:
        for sem in sems:
            go.wait()
            results.append(wait_any_or_readable((sem,), read))
            done.wait()

    waiter = start_thread(waits)
    for index, sem in enumerate(sems):
        go.wait()
        sem.release()
        os.write(write, b"x")
        done.wait()
        os.read(read, 1)
        if results[index] is None:
            assert sem.wait(0) == WaitResult(0), "the wait ended on the socket but took the grant"
        else:
            assert results[index] == WaitResult(0)
            assert sem.wait(0) is None, "the grant was taken twice"
    assert waiter.wait(10)
    assert no_general_way == ["general"]


@pytest.mark.parametrize("case", ["owned mutex", "seven objects", "another descriptor"])
def test_waits_the_fast_way_does_not_cover_go_the_general_way(
    pipe: tuple[int, int], no_general_way: list[str], case: str
) -> None:
    read, write = pipe
    mutex = Mutex()
    events = [Event() for _ in range(7)]

    def steps() -> list[object]:
        os.write(write, b"x")
        seen: list[object] = [wait_any_or_readable((mutex,), read)]  # primes; takes the mutex
        if case == "owned mutex":  # a mutex its owner waits on is ready for it
            seen.append(wait_any_or_readable((events[0], mutex), read))
            mutex.release()
        elif case == "seven objects":
            events[6].set()
            seen.append(wait_any_or_readable(tuple(events), read))
        else:
            other, other_write = os.pipe()
            try:
                os.write(other_write, b"x")
                seen.append(wait_any_or_readable((events[0],), other))
            finally:
                os.close(other_write)
                os.close(other)
        mutex.release()
        return seen

    assert _on_a_thread(steps) == [WaitResult(0), {
        "owned mutex": WaitResult(1), "seven objects": WaitResult(6), "another descriptor": None,
    }[case]]  # fmt: skip
    assert no_general_way == ["general", "general"]


@pytest.mark.parametrize("way", ["general", "fast"])
def test_before_runs_in_the_lock_hold_that_starts_the_wait(
    pipe: tuple[int, int], no_general_way: list[str], way: str
) -> None:
    """What it finds is returned unwaited; when it finds nothing, the wait goes on as ever."""
    read, write = pipe
    event = Event()
    held: list[bool] = []
    found: list[object | None] = ["a message", None, None]

    def before(thread: ThreadState, unused: None) -> object | None:
        held.append(KERNEL_LOCK.locked())
        return found.pop(0)

    def steps() -> list[object]:
        if way == "fast":  # the thread's poll set kept by a first wait
            os.write(write, b"x")
            assert wait_any_or_readable((event,), read) is None
            os.read(read, 1)
        seen: list[object] = [wait_any_or_readable((event,), read, before)]
        os.write(write, b"x")
        seen.append(wait_any_or_readable((event,), read, before))  # nothing: the descriptor
        os.read(read, 1)
        event.set()
        seen.append(wait_any_or_readable((event,), read, before))  # nothing: the event
        return seen

    assert _on_a_thread(steps) == ["a message", None, WaitResult(0)]
    assert held == [True, True, True]
    assert no_general_way == ["general"]  # the first wait only: then the kept poll set
