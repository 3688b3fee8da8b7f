"""apartment.testing's own promises: wait_until_blocked and is_blocked take every thread form."""

from __future__ import annotations

import threading

import pytest

from apartment.kernel import Event, current_thread, start_thread
from apartment.testing import is_blocked, wait_until_blocked


@pytest.mark.parametrize("form", ["handle", "native id", "threading.Thread"])
def test_wait_until_blocked_takes_a_handle_a_native_id_or_a_thread(form: str) -> None:
    gate, ready = Event(manual_reset=True), threading.Event()
    handles = []

    def body() -> None:
        handles.append(current_thread())
        ready.set()
        gate.wait()

    thread = threading.Thread(target=body)
    thread.start()
    ready.wait(10)
    target = {"handle": handles[0], "native id": thread.native_id, "threading.Thread": thread}
    wait_until_blocked(target[form], on=gate, timeout=10)  # type: ignore[arg-type]
    assert is_blocked(target[form], on=gate)  # type: ignore[arg-type]
    gate.set()
    thread.join(10)
    assert not thread.is_alive()


def test_a_thread_that_never_used_the_kernel_is_not_blocked() -> None:
    done = threading.Event()
    thread = threading.Thread(target=done.wait)
    thread.start()
    assert not is_blocked(thread)
    with pytest.raises(TimeoutError):
        wait_until_blocked(thread, timeout=0.01)
    done.set()
    thread.join(10)


def test_wait_until_blocked_on_a_started_thread() -> None:
    gate = Event()
    thread = start_thread(gate.wait)
    wait_until_blocked(thread.native_id, on=gate)
    gate.set()
    assert thread.wait(10)


def test_a_fake_clock_that_passed_a_deadline_before_the_park_times_it_out_at_once() -> None:
    """A wait shows as blocked before it parks: the test may advance past it in between."""
    from apartment.kernel._parker import lock_parker
    from apartment.testing import FakeClock

    clock = FakeClock()
    clock.advance(10)
    expired: list[bool] = []
    parker = lock_parker()  # held: acquiring it again would block for ever
    assert clock.park(parker, 5.0, lambda: expired.append(True)) is False
    assert clock.pending() == 0


def test_a_thread_stopping_at_its_suspend_gate_wakes_park_watchers() -> None:
    """Without it, wait_until_blocked could miss a thread that stops at its gate."""
    import _thread

    from apartment.kernel.lowlevel import KERNEL_LOCK, unwatch_parks, watch_parks

    watcher = _thread.allocate_lock()
    watcher.acquire()
    with KERNEL_LOCK:
        watch_parks(watcher)  # before the thread exists: only its stop can release it

    def body() -> None:
        current_thread().suspend()
        Event(initial_state=True).wait()  # stops at the gate first

    thread = start_thread(body)
    try:
        assert watcher.acquire(True, 10)
    finally:
        with KERNEL_LOCK:
            unwatch_parks(watcher)
        thread.resume()
        assert thread.wait(10)
