"""Threads: start, ids, exit codes, suspension, APCs and alertable waits (§3.5, §5)."""

from __future__ import annotations

import _thread
import signal
import threading
from typing import TYPE_CHECKING

import pytest

from apartment.errors import SuspendCountExceededError, ThreadTerminatedError
from apartment.kernel import (
    ALERTED,
    STILL_ACTIVE,
    Event,
    Mutex,
    WaitResult,
    current_thread,
    queue_apc,
    sleep,
    start_thread,
    thread_by_id,
    wait_any,
)
from apartment.testing import is_blocked, wait_until_blocked

if TYPE_CHECKING:
    from collections.abc import Callable


def test_start_thread_returns_the_native_id_before_the_thread_runs_far() -> None:
    ids: list[int] = []
    thread = start_thread(lambda: ids.append(threading.get_native_id()))
    assert thread.wait(10)
    assert ids == [thread.native_id]


def test_exit_code_is_still_active_while_running_then_the_result() -> None:
    gate = Event()

    def body() -> int:
        gate.wait()
        return 42

    thread = start_thread(body)
    assert thread.exit_code == STILL_ACTIVE
    assert thread.is_alive()
    gate.set()
    assert thread.wait(10)
    assert thread.exit_code == 42
    assert not thread.is_alive()


@pytest.mark.parametrize(
    ("result", "code"),
    [(7, 7), (-1, -1), (2**32 - 1, -1), (2**31, -1), (2**40, -1), ("x", 0), (None, 0)],
)
def test_exit_code_follows_pywin32_conversion(result: object, code: int) -> None:
    thread = start_thread(lambda: result)
    assert thread.wait(10)
    assert thread.exit_code == code


def test_system_exit_ends_the_thread_with_its_code() -> None:
    def body() -> None:
        raise SystemExit(3)

    thread = start_thread(body)
    assert thread.wait(10)
    assert thread.exit_code == 3


def test_an_exception_is_reported_and_the_exit_code_is_minus_one() -> None:
    reported: list[BaseException | None] = []
    previous = threading.excepthook
    threading.excepthook = lambda args: reported.append(args.exc_value)
    try:

        def body() -> None:
            raise ValueError("boom")

        thread = start_thread(body)
        assert thread.wait(10)
    finally:
        threading.excepthook = previous
    assert thread.exit_code == -1
    assert [type(error) for error in reported] == [ValueError]


def test_a_thread_handle_stays_signaled_after_the_thread_ends() -> None:
    thread = start_thread(lambda: None)
    assert thread.wait(10)
    assert thread.wait(0)
    assert wait_any([Event(), thread], 0) == WaitResult(1)


def test_a_suspended_thread_runs_nothing_until_resumed() -> None:
    ran = Event(manual_reset=True)
    thread = start_thread(ran.set, suspended=True)
    wait_until_blocked(thread)
    assert thread.statistics().suspend_count == 1
    assert not ran.is_set()
    assert thread.resume() == 1
    assert thread.wait(10)
    assert ran.is_set()


def test_apcs_queued_to_a_suspended_thread_run_when_it_starts_before_its_function() -> None:
    # Windows: a new thread's start-up runs its pending APCs (NtTestAlert) before its function
    order: list[object] = []
    thread = start_thread(order.append, "function", suspended=True)
    queue_apc(thread, order.append, 1)
    queue_apc(thread, order.append, 2)
    assert order == []
    thread.resume()
    assert thread.wait(10)
    assert order == [1, 2, "function"]


def test_suspend_and_resume_return_previous_counts() -> None:
    thread = start_thread(lambda: None, suspended=True)
    assert thread.suspend() == 1
    assert thread.suspend() == 2
    assert thread.resume() == 3
    assert thread.resume() == 2
    assert thread.statistics().suspend_count == 1
    assert thread.resume() == 1
    assert thread.resume() == 0  # a running thread: nothing to take away
    assert thread.wait(10)


def test_suspend_count_stops_at_127_with_signal_refused() -> None:
    thread = start_thread(lambda: None, suspended=True)
    for expected in range(1, 127):
        assert thread.suspend() == expected
    with pytest.raises(SuspendCountExceededError) as caught:
        thread.suspend()
    assert caught.value.winerror == 156
    for _ in range(127):
        thread.resume()
    assert thread.wait(10)


def test_a_running_thread_stops_at_its_next_wait_while_suspended() -> None:
    signaled = Event(initial_state=True)
    reached: list[str] = []

    def body() -> None:
        current_thread().suspend()  # takes effect at the next wait, signaled or not
        reached.append("suspended")
        signaled.wait()
        reached.append("waited")

    thread = start_thread(body)
    wait_until_blocked(thread)  # stopped at the suspension gate
    assert reached == ["suspended"]
    assert signaled.is_set()
    assert thread.resume() == 1
    assert thread.wait(10)
    assert reached == ["suspended", "waited"]


def test_a_thread_suspended_in_a_wait_is_not_released_until_resumed() -> None:
    event = Event()
    thread = start_thread(event.wait, 10.0)
    wait_until_blocked(thread, on=event)
    thread.suspend()
    event.set()
    assert event.is_set()  # kept for someone who can take it
    assert thread.is_alive()
    thread.resume()
    assert thread.wait(10)
    assert not event.is_set()


def test_a_suspended_waiter_acquires_nothing_until_resumed() -> None:
    mutex = Mutex(initial_owner=True)
    thread = start_thread(mutex.wait, 10.0)
    wait_until_blocked(thread, on=mutex)
    thread.suspend()
    mutex.release()
    assert mutex.statistics().owner is None  # not granted to the suspended thread
    assert thread.is_alive()
    thread.resume()
    assert thread.wait(10)


def test_current_thread_is_one_handle_per_thread() -> None:
    assert current_thread() is current_thread()
    assert current_thread().native_id == threading.get_native_id()
    assert thread_by_id(threading.get_native_id()) is current_thread()


def test_thread_by_id_forgets_threads_that_ended() -> None:
    thread = start_thread(lambda: None)
    assert thread.wait(10)
    assert thread_by_id(thread.native_id) is None


# -- APCs and alertable waits -----------------------------------------------------------------


def test_an_apc_runs_in_the_target_thread_at_its_alertable_wait() -> None:
    ran_on: list[int] = []
    results: list[WaitResult | None] = []
    event = Event()
    thread = start_thread(lambda: results.append(event.wait(10.0, alertable=True)))
    wait_until_blocked(thread, on=event)
    queue_apc(thread, lambda: ran_on.append(threading.get_native_id()))
    assert thread.wait(10)
    assert ran_on == [thread.native_id]
    assert results == [ALERTED]
    assert ALERTED.alerted and ALERTED.index == -1


def test_queued_apcs_all_run_in_fifo_order() -> None:
    order: list[int] = []
    gate = Event()
    thread = start_thread(lambda: (gate.wait(), sleep(10.0, alertable=True)))
    wait_until_blocked(thread, on=gate)
    for number in range(3):
        queue_apc(thread, order.append, number)
    gate.set()
    assert thread.wait(10)
    assert order == [0, 1, 2]


def test_an_apc_queued_before_an_alertable_wait_makes_it_return_at_once() -> None:
    current = current_thread()
    ran: list[bool] = []
    queue_apc(current, ran.append, True)
    assert sleep(10.0, alertable=True) is True
    assert ran == [True]


def test_an_alertable_wait_prefers_a_signaled_object_over_a_queued_apc() -> None:
    current = current_thread()
    ran: list[bool] = []
    queue_apc(current, ran.append, True)
    assert Event(initial_state=True).wait(0, alertable=True) == WaitResult(0)
    assert ran == []
    assert sleep(0, alertable=True) is True
    assert ran == [True]


def test_the_wait_reports_alerted_even_if_the_apc_signaled_the_object() -> None:
    current = current_thread()
    event = Event()
    queue_apc(current, event.set)
    assert event.wait(10.0, alertable=True) is ALERTED
    assert event.is_set()  # still signaled for the next wait
    assert event.wait(0)


def test_a_non_alertable_wait_never_runs_apcs() -> None:
    current = current_thread()
    ran: list[bool] = []
    queue_apc(current, ran.append, True)
    assert Event().wait(0) is None
    assert sleep(0) is False
    assert ran == []
    sleep(0, alertable=True)
    assert ran == [True]


def test_queue_apc_to_an_ended_thread_fails_with_gen_failure() -> None:
    thread = start_thread(lambda: None)
    assert thread.wait(10)
    with pytest.raises(ThreadTerminatedError) as caught:
        queue_apc(thread, print)
    assert caught.value.winerror == 31


def test_sleep_without_alertable_returns_false_when_time_passes() -> None:
    assert sleep(0.001) is False


# -- Ctrl-C -----------------------------------------------------------------------------------


def _sigint() -> None:
    signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)


@pytest.mark.skipif(
    threading.current_thread() is not threading.main_thread(), reason="needs the main thread"
)
@pytest.mark.parametrize("timeout", [30.0, None], ids=["timed", "infinite"])
@pytest.mark.parametrize(
    "interrupt_main",
    # interrupt_main() trips the SIGINT handler without a signal, so the blocked park gets
    # no EINTR: the same as a SIGINT landing between the last check and the blocking call.
    [_sigint, _thread.interrupt_main],
    ids=["sigint", "sigint-just-before-the-park"],
)
def test_ctrl_c_interrupts_a_wait_in_the_main_thread_and_takes_nothing(
    timeout: float | None, interrupt_main: Callable[[], object]
) -> None:
    event = Event()
    main = current_thread()

    def interrupt() -> None:
        wait_until_blocked(main, on=event)
        interrupt_main()

    helper = start_thread(interrupt)
    with pytest.raises(KeyboardInterrupt):
        event.wait(timeout)
    assert helper.wait(10)
    assert event.statistics().threads_waiting == 0
    assert not is_blocked(main)
    event.set()
    assert event.wait(0)  # the interrupted wait took nothing
