"""Contract: event objects (semantics.md §3.1, §4.1, §2.1)."""

import uuid
from collections.abc import Callable
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import winerror

from ._kernel import JOIN_MS, OBJECT_0, TIMEOUT, Handles, Spawn, wait0

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._kernel import handles as handles
from ._kernel import spawn as spawn


@pytest.mark.parametrize("manual", [True, False], ids=["manual", "auto"])
@pytest.mark.parametrize("initial", [True, False], ids=["set", "clear"])
def test_create_event_has_the_requested_initial_state(
    handles: Handles, manual: bool, initial: bool
) -> None:
    event = handles(win32event.CreateEvent(None, manual, initial, None))
    assert wait0(event) == (OBJECT_0 if initial else TIMEOUT)


def test_auto_reset_event_is_reset_by_a_satisfied_wait(handles: Handles) -> None:
    event = handles(win32event.CreateEvent(None, False, False, None))
    win32event.SetEvent(event)
    assert wait0(event) == OBJECT_0
    assert wait0(event) == TIMEOUT


def test_manual_reset_event_stays_signaled_after_waits(handles: Handles) -> None:
    event = handles(win32event.CreateEvent(None, True, False, None))
    win32event.SetEvent(event)
    assert [wait0(event) for _ in range(3)] == [OBJECT_0] * 3


@pytest.mark.parametrize("manual", [True, False], ids=["manual", "auto"])
def test_reset_event_makes_a_set_event_nonsignaled(handles: Handles, manual: bool) -> None:
    event = handles(win32event.CreateEvent(None, manual, True, None))
    win32event.ResetEvent(event)
    assert wait0(event) == TIMEOUT


def test_reset_event_of_a_nonsignaled_event_is_a_noop(handles: Handles) -> None:
    event = handles(win32event.CreateEvent(None, True, False, None))
    win32event.ResetEvent(event)
    win32event.ResetEvent(event)
    assert wait0(event) == TIMEOUT
    win32event.SetEvent(event)
    assert wait0(event) == OBJECT_0


def test_set_event_of_a_set_auto_event_is_a_noop(handles: Handles) -> None:
    event = handles(win32event.CreateEvent(None, False, False, None))
    win32event.SetEvent(event)
    win32event.SetEvent(event)
    assert wait0(event) == OBJECT_0
    assert wait0(event) == TIMEOUT


@pytest.mark.parametrize("manual", [True, False], ids=["manual", "auto"])
@pytest.mark.parametrize("initial", [True, False], ids=["set", "clear"])
def test_pulse_event_leaves_the_event_nonsignaled(
    handles: Handles, manual: bool, initial: bool
) -> None:
    event = handles(win32event.CreateEvent(None, manual, initial, None))
    win32event.PulseEvent(event)
    assert wait0(event) == TIMEOUT


def test_set_reset_and_pulse_return_none(handles: Handles) -> None:
    event = handles(win32event.CreateEvent(None, True, False, None))
    assert win32event.SetEvent(event) is None
    assert win32event.ResetEvent(event) is None
    assert win32event.PulseEvent(event) is None


def test_set_event_releases_a_waiting_thread(handles: Handles, spawn: Spawn) -> None:
    event = handles(win32event.CreateEvent(None, False, False, None))
    waiter = spawn(lambda: win32event.WaitForSingleObject(event, JOIN_MS))
    win32event.SetEvent(event)
    assert waiter.join() == OBJECT_0
    assert wait0(event) == TIMEOUT  # the waiter consumed the auto-reset event


def test_set_event_on_an_auto_event_releases_exactly_one_of_two_waiters(
    handles: Handles, spawn: Spawn
) -> None:
    event = handles(win32event.CreateEvent(None, False, False, None))
    waiters = [spawn(lambda: win32event.WaitForSingleObject(event, JOIN_MS)) for _ in range(2)]
    win32event.SetEvent(event)
    first = win32event.WaitForMultipleObjects([w.handle for w in waiters], False, JOIN_MS)
    assert first in (OBJECT_0, OBJECT_0 + 1)
    other = waiters[1 - (first - OBJECT_0)]
    assert wait0(other.handle) == TIMEOUT  # still waiting: one set releases one waiter
    win32event.SetEvent(event)
    assert [w.join() for w in waiters] == [OBJECT_0, OBJECT_0]


def test_set_event_on_a_manual_event_releases_every_waiter(handles: Handles, spawn: Spawn) -> None:
    event = handles(win32event.CreateEvent(None, True, False, None))
    waiters = [spawn(lambda: win32event.WaitForSingleObject(event, JOIN_MS)) for _ in range(3)]
    win32event.SetEvent(event)
    assert [w.join() for w in waiters] == [OBJECT_0] * 3
    assert wait0(event) == OBJECT_0


EVENT_FUNCTIONS = pytest.mark.parametrize(
    "function",
    [win32event.SetEvent, win32event.ResetEvent, win32event.PulseEvent],
    ids=["SetEvent", "ResetEvent", "PulseEvent"],
)


@EVENT_FUNCTIONS
def test_event_function_on_a_mutex_fails_with_invalid_handle(
    handles: Handles, function: Callable[[Any], None]
) -> None:
    mutex = handles(win32event.CreateMutex(None, False, None))
    with pytest.raises(pywintypes.error) as info:
        function(mutex)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_INVALID_HANDLE,
        function.__name__,
    )


@EVENT_FUNCTIONS
def test_event_function_on_a_closed_handle_fails_with_invalid_handle(
    function: Callable[[Any], None],
) -> None:
    value = win32event.CreateEvent(None, True, False, None).Detach()
    win32api.CloseHandle(value)
    with pytest.raises(pywintypes.error) as info:
        function(value)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_INVALID_HANDLE,
        function.__name__,
    )


def test_set_event_needs_event_modify_state_access(handles: Handles) -> None:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    handles(win32event.CreateEvent(None, True, False, name))
    sync_only = handles(win32event.OpenEvent(win32con.SYNCHRONIZE, False, name))
    with pytest.raises(pywintypes.error) as info:
        win32event.SetEvent(sync_only)
    assert (info.value.winerror, info.value.funcname) == (winerror.ERROR_ACCESS_DENIED, "SetEvent")


def test_event_opened_with_modify_state_only_can_be_set(handles: Handles) -> None:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    event = handles(win32event.CreateEvent(None, True, False, name))
    modify_only = handles(win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, False, name))
    win32event.SetEvent(modify_only)
    assert wait0(event) == OBJECT_0


def test_a_wait_needs_synchronize_access(handles: Handles) -> None:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    handles(win32event.CreateEvent(None, True, True, name))
    modify_only = handles(win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, False, name))
    with pytest.raises(pywintypes.error) as info:
        win32event.WaitForSingleObject(modify_only, 0)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_ACCESS_DENIED,
        "WaitForSingleObject",
    )


def test_open_event_gives_a_handle_to_the_same_event(handles: Handles) -> None:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    event = handles(win32event.CreateEvent(None, False, False, name))
    opened = handles(win32event.OpenEvent(win32event.EVENT_ALL_ACCESS, False, name))
    win32event.SetEvent(opened)
    assert wait0(event) == OBJECT_0
    assert wait0(opened) == TIMEOUT


def test_create_event_of_an_existing_name_ignores_reset_mode_and_initial_state(
    handles: Handles,
) -> None:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    first = handles(win32event.CreateEvent(None, False, False, name))
    second = handles(win32event.CreateEvent(None, True, True, name))
    assert win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS
    assert wait0(first) == TIMEOUT  # not set by the second create
    win32event.SetEvent(second)
    assert wait0(first) == OBJECT_0
    assert wait0(second) == TIMEOUT  # still auto-reset
