"""Where threads park: an eventfd on Linux, made at the first wait, closed at the thread's end.

The eventfd is a speed choice (a wake-up through it releases the GIL first); what these tests
pin is that it changes nothing else: every wake-up arrives once, timed parks time out, no
descriptor outlives its thread, and a forked child cannot wake its parent's threads.
"""

from __future__ import annotations

import functools
import os
import textwrap
import types

import pytest

from apartment.kernel import Event, _parker, current_thread, start_thread
from apartment.kernel._parker import eventfd_parker, lock_parker
from apartment.testing import wait_until_blocked
from tests._subprocess import run_python

needs_eventfd = pytest.mark.skipif(not hasattr(os, "eventfd"), reason="os.eventfd is Linux-only")


def _eventfds() -> int:
    """Count this process's open eventfd descriptors."""
    count = 0
    for name in os.listdir("/proc/self/fd"):
        try:
            count += os.readlink(f"/proc/self/fd/{name}") == "anon_inode:[eventfd]"
        except OSError:  # the descriptor listdir itself used, closed by now
            continue
    return count


@needs_eventfd
def test_a_thread_parks_on_an_eventfd_from_its_first_wait() -> None:
    kinds: list[tuple[str, str]] = []

    def body() -> None:
        before = type(current_thread()._state.park).__name__
        Event().wait(0)  # any wait that reaches the engine
        kinds.append((before, type(current_thread()._state.park).__name__))

    assert start_thread(body).wait(10)
    assert kinds == [("lock", "_EventFdParker")]


@needs_eventfd
def test_a_thread_that_never_waits_makes_no_eventfd() -> None:
    before = _eventfds()
    seen: list[int] = []
    assert start_thread(lambda: seen.append(_eventfds())).wait(10)
    assert seen == [before]


@needs_eventfd
def test_the_eventfd_is_closed_when_its_thread_ends() -> None:
    Event().wait(0)  # this thread's own parker exists before counting
    before = _eventfds()
    go = Event(manual_reset=True)
    threads = [start_thread(go.wait, 10) for _ in range(8)]
    go.set()
    for thread in threads:
        assert thread.wait(10)
    assert _eventfds() == before


@needs_eventfd
def test_an_eventfd_parker_counts_each_wake_up_once_and_times_out() -> None:
    parker = eventfd_parker()
    assert parker is not None
    assert not parker.acquire(True, 0.0)  # nothing yet
    assert not parker.acquire(False)
    parker.release()
    parker.release()
    assert parker.acquire(True, 0.0)
    assert parker.acquire()  # the second wake-up is kept, not merged into the first
    assert not parker.acquire(True, 0.001)


def test_a_lock_parker_starts_armed() -> None:
    parker = lock_parker()
    assert not parker.acquire(False)
    parker.release()
    assert parker.acquire(False)


@needs_eventfd
def test_a_forked_child_parks_on_its_own_and_cannot_wake_the_parent() -> None:
    script = textwrap.dedent(
        """
        import os, sys
        from apartment.kernel import Event, current_thread

        Event().wait(0)
        parent_parker = current_thread()._state.park
        pid = os.fork()
        if pid == 0:
            me = current_thread()
            code = 0 if me._state.park is not parent_parker and not me._state.parks_fast else 1
            me._state.park.release()  # would wake the parent if the parker were shared
            event = Event()
            code |= 0 if event.wait(0.01) is None else 2  # a timed wait still works
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        woken = parent_parker.acquire(True, 0.05)
        print(os.waitstatus_to_exitcode(status), woken)
        """
    )
    assert run_python("-W", "ignore::DeprecationWarning", "-c", script).split() == ["0", "False"]


@pytest.mark.parametrize("seconds", [0xFFFFFFFE / 1000, 0x80000000 / 1000, 2**31 / 1000])
def test_a_wait_longer_than_poll_can_time_waits_in_any_thread(seconds: float) -> None:
    """A DWORD timeout of up to 49.7 days is a wait, not an OverflowError (any thread)."""
    event = Event()
    results: list[object] = []

    def body() -> None:
        results.append(event.wait(seconds))

    thread = start_thread(body)
    wait_until_blocked(thread, on=event)
    event.set()
    assert thread.wait(10)
    assert results and results[0]


@needs_eventfd
def test_a_long_timed_park_polls_in_slices_and_still_times_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_parker, "MAX_POLL_SECONDS", 0.005)  # so "long" is 5 ms here
    parker = eventfd_parker()
    assert parker is not None
    try:
        assert not parker.acquire(True, 0.02)  # four slices, nobody wakes it
        parker.release()
        assert parker.acquire(True, 0.02)  # a wake-up ends it in the first slice
    finally:
        _parker.close_parker(parker)


# -- the main thread: a pipe that is the signal wakeup fd ---------------------------------------


@needs_eventfd
def test_the_main_thread_parks_on_a_pipe_that_is_the_signal_wakeup_fd() -> None:
    script = textwrap.dedent(
        """
        import signal
        from apartment.kernel import Event, current_thread

        Event().wait(0)
        parker = current_thread()._state.park
        print(type(parker).__name__, signal.set_wakeup_fd(-1) == parker._w)
        """
    )
    assert run_python("-c", script).split() == ["_WakeupPipeParker", "True"]


@needs_eventfd
def test_a_foreign_wakeup_fd_is_kept_and_ctrl_c_still_interrupts_the_main_thread() -> None:
    """Another owner's wakeup fd stays; the main thread then parks in slices (Ctrl-C seen)."""
    script = textwrap.dedent(
        """
        import _thread, signal, socket
        from apartment.kernel import Event, current_thread, start_thread
        from apartment.testing import wait_until_blocked

        mine, theirs = socket.socketpair()
        mine.setblocking(False)
        signal.set_wakeup_fd(mine.fileno())
        Event().wait(0)
        main = current_thread()
        print(type(main._state.park).__name__)
        event = Event()

        def interrupt():
            wait_until_blocked(main, on=event)
            _thread.interrupt_main()  # no EINTR: only a slice's end lets the handler run

        helper = start_thread(interrupt)
        try:
            event.wait()
        except KeyboardInterrupt:
            print("interrupted")
        print(bool(helper.wait(10)), signal.set_wakeup_fd(-1) == mine.fileno())
        """
    )
    assert run_python("-c", script).split() == ["_EventFdParker", "interrupted", "True", "True"]


@needs_eventfd
def test_a_signal_is_no_wake_up_for_the_main_thread() -> None:
    """A handled signal's byte in the pipe, while parked or before, wakes no wait."""
    script = textwrap.dedent(
        """
        import signal, threading
        from apartment.kernel import Event, current_thread, start_thread
        from apartment.testing import wait_until_blocked

        handled = threading.Event()
        signal.signal(signal.SIGUSR1, lambda signum, frame: handled.set())
        Event().wait(0)
        signal.raise_signal(signal.SIGUSR1)  # its byte waits in the pipe for the next park
        event = Event()
        print(event.wait(0.05))  # times out: the byte is no wake-up
        main = current_thread()

        def signal_then_set():
            wait_until_blocked(main, on=event)
            handled.clear()
            signal.pthread_kill(threading.main_thread().ident, signal.SIGUSR1)
            handled.wait(10)  # the handler ran, in the middle of the park
            wait_until_blocked(main, on=event)  # and the park goes on
            event.set()

        helper = start_thread(signal_then_set)
        result = event.wait()
        print(result is not None and result.index, bool(helper.wait(10)), handled.is_set())
        """
    )
    assert run_python("-c", script).split() == ["None", "0", "True", "True"]


@needs_eventfd
def test_a_forked_child_takes_the_wakeup_fd_for_its_own_pipe() -> None:
    script = textwrap.dedent(
        """
        import os, signal, _thread
        from apartment.kernel import Event, current_thread, start_thread
        from apartment.testing import wait_until_blocked

        Event().wait(0)
        parent = current_thread()._state.park
        pid = os.fork()
        if pid == 0:
            Event().wait(0)
            main = current_thread()
            park = main._state.park
            code = 0 if type(park) is type(parent) and park is not parent else 1
            event = Event()

            def interrupt():
                wait_until_blocked(main, on=event)
                _thread.interrupt_main()

            helper = start_thread(interrupt)
            try:
                event.wait()
                code |= 2
            except KeyboardInterrupt:
                pass
            code |= 0 if helper.wait(10) else 4
            code |= 0 if signal.set_wakeup_fd(-1) == park._w else 8
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status), signal.set_wakeup_fd(-1) == parent._w)
        """
    )
    assert run_python("-W", "ignore::DeprecationWarning", "-c", script).split() == ["0", "True"]


def test_a_wakeup_pipe_parker_counts_wake_ups_not_signal_bytes() -> None:
    r, w = os.pipe()
    os.set_blocking(w, False)
    parker = _parker._WakeupPipeParker(r, w)  # not the wakeup fd: this tests its counting
    try:
        assert not parker.acquire(True, 0.0)
        assert not parker.acquire(False)
        os.write(w, bytes((2, 10)))  # two signals' bytes
        assert not parker.acquire(True, 0.01)
        parker.release()
        parker.release()
        assert parker.acquire(True, 0.0)
        assert parker.acquire()  # the second wake-up is kept, not merged into the first
        assert not parker.acquire(True, 0.001)
        os.write(w, bytes((2,)))
        parker.release()
        assert parker.acquire()  # past the signal's byte to the wake-up
    finally:
        _parker.close_parker(parker)


def test_a_long_timed_park_on_the_wakeup_pipe_polls_in_slices_and_still_times_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_parker, "MAX_POLL_SECONDS", 0.005)  # so "long" is 5 ms here
    r, w = os.pipe()
    os.set_blocking(w, False)
    parker = _parker._WakeupPipeParker(r, w)
    try:
        assert not parker.acquire(True, 0.02)  # four slices, nobody wakes it
        os.write(w, bytes((2,)))  # a signal's byte in the middle: the park goes on
        assert not parker.acquire(True, 0.02)
        parker.release()
        assert parker.acquire(True, 0.02)  # a wake-up ends it in the first slice
    finally:
        _parker.close_parker(parker)


def _is_c_call(fn: object) -> bool:
    """Whether calling ``fn`` runs no Python frame (a builtin, or a partial of one)."""
    if isinstance(fn, functools.partial):
        fn = fn.func
    return isinstance(fn, types.BuiltinFunctionType)


@needs_eventfd
def test_a_wake_up_through_an_eventfd_or_the_main_pipe_runs_no_python_frame() -> None:
    parker = eventfd_parker()
    assert parker is not None
    r, w = os.pipe()
    os.set_blocking(w, False)
    pipe = _parker._WakeupPipeParker(r, w)
    try:
        for one in (parker, pipe):
            wake = _parker.waker(one)
            assert _is_c_call(wake)
            wake()
            wake()
            assert one.acquire(True, 0.0)
            assert one.acquire(True, 0.0)  # each wake-up counted once
            assert not one.acquire(True, 0.0)
        lock = lock_parker()
        assert _parker.waker(lock) == lock.release
    finally:
        _parker.close_parker(parker)
        _parker.close_parker(pipe)


def test_the_main_pipes_wake_up_waits_while_the_pipe_is_full_of_signal_bytes() -> None:
    r, w = os.pipe()
    os.set_blocking(w, False)
    pipe = _parker._WakeupPipeParker(r, w)
    wake = _parker.waker(pipe)
    filled = 0
    try:
        while True:  # as a flood of signals would, while the main thread runs elsewhere
            try:
                filled += os.write(w, bytes((2,)) * 4096)
            except BlockingIOError:
                break
        started = Event(manual_reset=True)

        def waker_thread() -> None:
            started.set()
            wake()  # blocks (GIL released) until the park below has read some bytes

        thread = start_thread(waker_thread)
        assert started.wait(10)
        assert pipe.acquire(True, 10)  # reads past every signal byte to the wake-up
        assert thread.wait(10)
        assert filled > 0
    finally:
        _parker.close_parker(pipe)


def test_the_main_pipes_second_write_end_is_closed_with_it() -> None:
    before = len(os.listdir("/proc/self/fd"))
    r, w = os.pipe()
    os.set_blocking(w, False)
    _parker.close_parker(_parker._WakeupPipeParker(r, w))
    assert len(os.listdir("/proc/self/fd")) == before
