"""Contract: waitable timers (semantics.md §3.1, §4.4, §10 #8)."""

import sys
import time
import uuid
from collections.abc import Callable
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import winerror

from ._kernel import JOIN_MS, OBJECT_0, TIMEOUT, Handles

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._kernel import handles as handles

ONE_MS = -10_000  # relative due time: 1 ms from now (negative = relative, in 100 ns units)
FAR = -2_000_000_000  # relative due time: 200 s from now
LONG_AGO = 1  # absolute due time: 100 ns after 1601-01-01, long past


def filetime_in(seconds: float) -> int:
    """Absolute due time (FILETIME, 100 ns units since 1601-01-01 UTC) `seconds` from now."""
    return int((time.time() + 11_644_473_600 + seconds) * 10_000_000)


def arm(timer: Any, due: int, period: int = 0) -> None:
    assert win32event.SetWaitableTimer(timer, due, period, None, None, False) is None


def wait(timer: Any, ms: int = 0) -> int:
    result: int = win32event.WaitForSingleObject(timer, ms)
    return result


manual_and_auto = pytest.mark.parametrize("manual", [True, False], ids=["manual", "auto"])


@manual_and_auto
def test_timer_is_created_nonsignaled(handles: Handles, manual: bool) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, manual, None))
    assert wait(timer) == TIMEOUT


@manual_and_auto
def test_relative_due_time_fires(handles: Handles, manual: bool) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, manual, None))
    arm(timer, ONE_MS)
    assert wait(timer, JOIN_MS) == OBJECT_0


@manual_and_auto
def test_absolute_due_time_in_the_past_signals_at_once(handles: Handles, manual: bool) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, manual, None))
    arm(timer, LONG_AGO)
    assert wait(timer) == OBJECT_0


@manual_and_auto
def test_relative_due_time_in_the_future_does_not_fire_early(
    handles: Handles, manual: bool
) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, manual, None))
    arm(timer, FAR)
    assert wait(timer, 10) == TIMEOUT


@manual_and_auto
def test_absolute_due_time_in_the_future_does_not_fire_early(
    handles: Handles, manual: bool
) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, manual, None))
    arm(timer, filetime_in(200))
    assert wait(timer, 10) == TIMEOUT


def test_manual_reset_timer_stays_signaled(handles: Handles) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, True, None))
    arm(timer, ONE_MS)
    assert [wait(timer, JOIN_MS), wait(timer), wait(timer)] == [OBJECT_0] * 3


def test_synchronization_timer_is_reset_by_a_satisfied_wait(handles: Handles) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, False, None))
    arm(timer, ONE_MS)
    assert wait(timer, JOIN_MS) == OBJECT_0
    assert wait(timer) == TIMEOUT


def test_periodic_timer_fires_again_every_period(handles: Handles) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, False, None))
    arm(timer, ONE_MS, period=1)
    try:
        assert [wait(timer, JOIN_MS) for _ in range(3)] == [OBJECT_0] * 3
    finally:
        win32event.CancelWaitableTimer(timer)


@manual_and_auto
def test_cancel_waitable_timer_keeps_the_signaled_state(handles: Handles, manual: bool) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, manual, None))
    arm(timer, LONG_AGO)
    assert win32event.CancelWaitableTimer(timer) is None
    assert wait(timer) == OBJECT_0


@manual_and_auto
def test_cancel_waitable_timer_keeps_a_pending_timer_nonsignaled(
    handles: Handles, manual: bool
) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, manual, None))
    arm(timer, FAR)
    win32event.CancelWaitableTimer(timer)
    assert wait(timer) == TIMEOUT


def test_cancel_waitable_timer_stops_a_periodic_timer(handles: Handles) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, False, None))
    arm(timer, LONG_AGO, period=1)
    win32event.CancelWaitableTimer(timer)
    assert wait(timer) == OBJECT_0  # signaled before the cancel, and kept
    assert wait(timer, 50) == TIMEOUT  # no period after the cancel


def test_rearming_a_signaled_manual_timer_makes_it_nonsignaled(handles: Handles) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, True, None))
    arm(timer, LONG_AGO)
    assert wait(timer) == OBJECT_0
    arm(timer, FAR)
    assert wait(timer) == TIMEOUT


@pytest.mark.xfail(
    sys.platform == "win32",
    reason="Wine differs from Windows here: re-arming a signaled synchronization timer with a "
    "future due time clears it (semantics.md §4.4, §10 #8)",
    strict=True,
)
def test_rearming_a_signaled_synchronization_timer_makes_it_nonsignaled(
    handles: Handles,
) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, False, None))
    arm(timer, LONG_AGO)  # signaled at once, not consumed
    arm(timer, FAR)
    assert wait(timer) == TIMEOUT


def test_rearming_a_timer_replaces_its_schedule(handles: Handles) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, True, None))
    arm(timer, ONE_MS)
    arm(timer, FAR)
    assert wait(timer, 50) == TIMEOUT


def test_create_waitable_timer_ex_with_manual_reset_flag_makes_a_manual_timer(
    handles: Handles,
) -> None:
    timer = handles(
        win32event.CreateWaitableTimerEx(
            None, None, win32event.CREATE_WAITABLE_TIMER_MANUAL_RESET, win32event.TIMER_ALL_ACCESS
        )
    )
    assert wait(timer) == TIMEOUT
    arm(timer, LONG_AGO)
    assert [wait(timer), wait(timer)] == [OBJECT_0, OBJECT_0]


def test_create_waitable_timer_ex_without_flags_makes_a_synchronization_timer(
    handles: Handles,
) -> None:
    timer = handles(win32event.CreateWaitableTimerEx(None, None, 0, win32event.TIMER_ALL_ACCESS))
    arm(timer, LONG_AGO)
    assert [wait(timer), wait(timer)] == [OBJECT_0, TIMEOUT]


@pytest.mark.parametrize(
    "args",
    [(lambda *a: None, None), (None, 1)],
    ids=["func", "param"],
)
def test_set_waitable_timer_completion_routine_arguments_must_be_none(
    handles: Handles, args: tuple[Callable[..., None] | None, int | None]
) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, False, None))
    with pytest.raises(TypeError):
        win32event.SetWaitableTimer(timer, FAR, 0, *args, False)


def test_set_waitable_timer_accepts_a_true_resume_flag(handles: Handles) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, False, None))
    assert win32event.SetWaitableTimer(timer, ONE_MS, 0, None, None, True) is None
    assert wait(timer, JOIN_MS) == OBJECT_0


@pytest.mark.xfail(
    sys.platform == "win32",
    reason="Wine differs from Windows here: a negative period is an invalid parameter "
    "(semantics.md §4.4)",
    strict=True,
)
def test_set_waitable_timer_with_a_negative_period_fails_with_invalid_parameter(
    handles: Handles,
) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, False, None))
    try:
        with pytest.raises(pywintypes.error) as info:
            arm(timer, FAR, period=-1)
    finally:
        win32event.CancelWaitableTimer(timer)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_INVALID_PARAMETER,
        "SetWaitableTimer",
    )


def test_open_waitable_timer_gives_a_handle_to_the_same_timer(handles: Handles) -> None:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    timer = handles(win32event.CreateWaitableTimer(None, True, name))
    opened = handles(win32event.OpenWaitableTimer(win32event.TIMER_ALL_ACCESS, False, name))
    arm(opened, LONG_AGO)
    assert wait(timer) == OBJECT_0


def test_set_waitable_timer_needs_modify_state_access(handles: Handles) -> None:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    handles(win32event.CreateWaitableTimer(None, True, name))
    sync_only = handles(win32event.OpenWaitableTimer(win32con.SYNCHRONIZE, False, name))
    with pytest.raises(pywintypes.error) as info:
        arm(sync_only, FAR)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_ACCESS_DENIED,
        "SetWaitableTimer",
    )


@pytest.mark.parametrize(
    ("function", "args"),
    [
        (win32event.SetWaitableTimer, (FAR, 0, None, None, False)),
        (win32event.CancelWaitableTimer, ()),
    ],
    ids=["SetWaitableTimer", "CancelWaitableTimer"],
)
def test_timer_function_on_an_event_fails_with_invalid_handle(
    handles: Handles, function: Callable[..., None], args: tuple[Any, ...]
) -> None:
    event = handles(win32event.CreateEvent(None, True, False, None))
    with pytest.raises(pywintypes.error) as info:
        function(event, *args)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_INVALID_HANDLE,
        function.__name__,
    )


def test_cancel_waitable_timer_on_a_closed_handle_fails_with_invalid_handle() -> None:
    value = win32event.CreateWaitableTimer(None, False, None).Detach()
    win32api.CloseHandle(value)
    with pytest.raises(pywintypes.error) as info:
        win32event.CancelWaitableTimer(value)
    assert info.value.winerror == winerror.ERROR_INVALID_HANDLE
