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
from typing import TYPE_CHECKING

import pytest

from apartment.kernel import Event, Semaphore, WaitResult, current_thread, start_thread
from apartment.kernel.lowlevel import can_watch_files, wait_any_or_readable
from apartment.testing import wait_until_blocked

if TYPE_CHECKING:
    from collections.abc import Iterator


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
