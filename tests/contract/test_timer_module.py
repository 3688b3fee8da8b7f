"""Contract: pywin32's ``timer`` module (set_timer, kill_timer), as timer_demo.py uses it.

A timer is a thread timer of the thread that sets it: its callback ``fn(timer_id, time)``
runs there, when that thread's pump dispatches the timer's WM_TIMER. The callback table is
pywin32's (``timermodule.cpp``): kill_timer raises KeyError for an id it does not hold.
"""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import pywintypes
import timer
import win32api
import win32con
import win32event
import win32gui

from ._kernel import JOIN_MS, OBJECT_0
from ._messages import Threads, me

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
import contextlib

from ._messages import classes as classes
from ._messages import empty_queue as empty_queue
from ._messages import threads as threads

PERIOD_MS = 20


class Calls:
    """A timer callback that records (timer id, time, thread id)."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, int, int]] = []

    def __call__(self, timer_id: int, time: int) -> None:
        self.seen.append((timer_id, time, me()))


@pytest.fixture
def timers() -> Iterator[list[int]]:
    """Timer ids the test set; those it did not kill are killed at the end."""
    made: list[int] = []
    yield made
    for timer_id in made:
        with contextlib.suppress(KeyError):
            timer.kill_timer(timer_id)


def pump_until(done: Callable[[], bool]) -> None:
    """Pump this thread's messages until ``done()``; JOIN_MS is only a guard."""
    deadline = win32api.GetTickCount() + JOIN_MS
    while not done():
        assert win32api.GetTickCount() < deadline, "the timer did not fire"
        win32event.MsgWaitForMultipleObjects([], False, 50, win32event.QS_ALLINPUT)
        win32gui.PumpWaitingMessages()


def test_the_module_has_pywin32s_names() -> None:
    assert timer.error is pywintypes.error
    assert timer.__version__ == b"0.2"
    assert callable(timer.set_timer)
    assert callable(timer.kill_timer)


def test_a_timer_calls_back_on_this_thread_from_its_pump(timers: list[int]) -> None:
    calls = Calls()
    timer_id = timer.set_timer(PERIOD_MS, calls)
    timers.append(timer_id)
    assert type(timer_id) is int
    assert timer_id != 0
    assert calls.seen == []  # nothing runs before the thread pumps
    pump_until(lambda: len(calls.seen) >= 2)
    (first_id, time, thread), (second_id, _, _) = calls.seen[:2]
    assert (first_id, second_id, thread) == (timer_id, timer_id, me())
    assert type(time) is int


def test_the_pump_sees_wm_timer_for_a_thread_timer(timers: list[int]) -> None:
    timer_id = timer.set_timer(PERIOD_MS, Calls())
    timers.append(timer_id)
    win32event.MsgWaitForMultipleObjects([], False, JOIN_MS, win32event.QS_TIMER)
    rc, msg = win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)
    assert rc != 0
    assert msg[:3] == (0, win32con.WM_TIMER, timer_id)
    assert msg[3]  # the TIMERPROC pywin32 installed


def test_msg_wait_for_all_events_wakes_for_a_timer(timers: list[int]) -> None:
    calls = Calls()
    timers.append(timer.set_timer(PERIOD_MS, calls))
    event = win32event.CreateEvent(None, False, False, None)
    try:  # the loop of timer_demo.py: wait for the event or input, pump on input
        rc = win32event.MsgWaitForMultipleObjects([event], False, JOIN_MS, win32event.QS_ALLEVENTS)
        assert rc == OBJECT_0 + 1
        assert win32gui.PumpWaitingMessages() == 0
        assert len(calls.seen) == 1
    finally:
        event.Close()


def test_kill_timer_returns_true_and_stops_the_callbacks() -> None:
    calls = Calls()
    timer_id = timer.set_timer(PERIOD_MS, calls)
    assert timer.kill_timer(timer_id) is True
    win32event.MsgWaitForMultipleObjects([], False, 4 * PERIOD_MS, win32event.QS_TIMER)
    win32gui.PumpWaitingMessages()
    assert calls.seen == []


def test_a_timer_killed_from_its_callback_runs_no_more(timers: list[int]) -> None:
    seen: list[int] = []

    def once(timer_id: int, time: int) -> int:
        seen.append(timer_id)
        assert timer.kill_timer(timer_id) is True
        return 5  # the result is ignored

    timer_id = timer.set_timer(PERIOD_MS, once)
    pump_until(lambda: bool(seen))
    win32event.MsgWaitForMultipleObjects([], False, 4 * PERIOD_MS, win32event.QS_TIMER)
    win32gui.PumpWaitingMessages()
    assert seen == [timer_id]


def test_killing_a_timer_twice_raises_key_error() -> None:
    timer_id = timer.set_timer(PERIOD_MS, Calls())
    timer.kill_timer(timer_id)
    with pytest.raises(KeyError) as info:
        timer.kill_timer(timer_id)
    assert info.value.args == (timer_id,)


@pytest.mark.parametrize("timer_id", [123456789, 1.5], ids=["unknown", "float"])
def test_killing_an_unknown_timer_raises_key_error(timer_id: Any) -> None:
    with pytest.raises(KeyError):
        timer.kill_timer(timer_id)


@pytest.mark.parametrize("timer_id", ["x", None], ids=repr)
def test_kill_timer_of_what_is_not_a_number_raises_type_error(timer_id: Any) -> None:
    with pytest.raises(TypeError):
        timer.kill_timer(timer_id)


@pytest.mark.parametrize("callback", [None, 5], ids=repr)
def test_set_timer_needs_a_callable(callback: Any) -> None:
    with pytest.raises(TypeError):
        timer.set_timer(PERIOD_MS, callback)


@pytest.mark.parametrize("elapse", ["x", 50.5], ids=repr)
def test_set_timer_needs_an_int_period(elapse: Any) -> None:
    with pytest.raises(TypeError):
        timer.set_timer(elapse, Calls())


@pytest.mark.parametrize("args", [(), (PERIOD_MS,), (PERIOD_MS, Calls(), 1)], ids=len)
def test_set_timer_takes_exactly_two_arguments(args: tuple[Any, ...]) -> None:
    with pytest.raises(TypeError):
        timer.set_timer(*args)


@pytest.mark.parametrize("elapse", [0, -1, 2**32], ids=["zero", "minus-one", "2**32"])
def test_set_timer_takes_any_period_a_dword_holds(elapse: int) -> None:
    assert timer.kill_timer(timer.set_timer(elapse, Calls())) is True


def test_an_exception_in_a_callback_is_printed_and_the_timer_goes_on(
    timers: list[int], capfd: pytest.CaptureFixture[str]
) -> None:
    seen: list[int] = []

    def fail(timer_id: int, time: int) -> None:
        seen.append(timer_id)
        raise ValueError("deliberate failure in a timer callback")

    timers.append(timer.set_timer(PERIOD_MS, fail))
    pump_until(lambda: len(seen) >= 2)
    assert "ValueError: deliberate failure in a timer callback" in capfd.readouterr().err


def test_a_timer_killed_from_another_thread_is_forgotten_and_ends_itself(
    threads: Threads,
) -> None:
    calls = Calls()
    timer_id = timer.set_timer(PERIOD_MS, calls)
    killer = threads.spawn(lambda: timer.kill_timer(timer_id))
    assert killer.join() is False  # not that thread's timer: KillTimer fails there
    with pytest.warns(RuntimeWarning, match="Unrecognized timer id"):  # noqa: PT031
        win32event.MsgWaitForMultipleObjects([], False, JOIN_MS, win32event.QS_TIMER)
        win32gui.PumpWaitingMessages()
    assert calls.seen == []
    with pytest.raises(KeyError):
        timer.kill_timer(timer_id)


def test_a_timer_set_on_another_thread_calls_back_there(threads: Threads) -> None:
    def body() -> Any:
        calls = Calls()
        timer_id = timer.set_timer(PERIOD_MS, calls)
        pump_until(lambda: bool(calls.seen))
        timer.kill_timer(timer_id)
        return calls.seen[0][2]

    worker = threads.spawn(body)
    assert worker.join() == worker.tid
