"""WaitForMultipleObjects keeps Win32's rules on its fast path (the set found again by identity).

A loop that waits on the same list of PyHANDLEs finds the kernel's checked set again and hands
it to ``kernel.lowlevel.wait_resolved`` with the milliseconds converted: these tests call it
more than once on the same list, so that the later calls take that path.
"""

from __future__ import annotations

import os

import pytest

from apartment.win32 import pywintypes, win32event

WAIT_OBJECT_0 = 0
WAIT_TIMEOUT = 258


def test_the_lowest_signaled_index_wins_call_after_call() -> None:
    handles = [win32event.CreateEvent(None, True, False, None) for _ in range(64)]
    win32event.SetEvent(handles[-1])
    for _ in range(3):
        assert win32event.WaitForMultipleObjects(handles, False, 0) == 63
    win32event.SetEvent(handles[5])
    assert win32event.WaitForMultipleObjects(handles, False, 0) == 5
    win32event.ResetEvent(handles[5])
    assert win32event.WaitForMultipleObjects(handles, False, -1) == 63
    win32event.ResetEvent(handles[63])
    assert win32event.WaitForMultipleObjects(handles, False, 0) == WAIT_TIMEOUT


@pytest.mark.parametrize("wait_all", [True, 1])
def test_wait_all_refuses_a_handle_given_twice_every_time(wait_all: int) -> None:
    event = win32event.CreateEvent(None, True, True, None)
    handles = [event, event]
    assert win32event.WaitForMultipleObjects(handles, False, 0) == WAIT_OBJECT_0
    for _ in range(2):
        with pytest.raises(pywintypes.error) as caught:
            win32event.WaitForMultipleObjects(handles, wait_all, 0)
        assert (caught.value.winerror, caught.value.funcname) == (87, "WaitForMultipleObjects")
    event.Close()  # the error's traceback holds the list


def test_a_named_event_in_the_list_is_waited_on_the_shared_way() -> None:
    named = win32event.CreateEvent(None, True, False, f"wfmo-facade-{os.getpid()}")
    local = win32event.CreateEvent(None, True, True, None)
    handles = [named, local]
    for _ in range(2):
        assert win32event.WaitForMultipleObjects(handles, False, 0) == 1
    win32event.SetEvent(named)
    for _ in range(2):
        assert win32event.WaitForMultipleObjects(handles, False, 0) == 0
        assert win32event.WaitForMultipleObjects(handles, True, 0) == WAIT_OBJECT_0


@pytest.mark.parametrize("milliseconds", [0, 1, 0xFFFFFFFE, -1, 0xFFFFFFFF])
def test_every_timeout_value_reaches_a_signaled_set(milliseconds: int) -> None:
    handles = [win32event.CreateEvent(None, False, True, None) for _ in range(2)]
    assert win32event.WaitForMultipleObjects(handles, False, milliseconds) == 0
    assert win32event.WaitForMultipleObjects(handles, False, milliseconds) == 1
    assert win32event.WaitForMultipleObjects(handles, False, 0) == WAIT_TIMEOUT


# -- what the fast paths leave to the checked way (s25): each must give the same answer ---------


def test_an_int_handle_is_the_same_event_as_its_pyhandle() -> None:
    event = win32event.CreateEvent(None, True, False, None)
    value = int(event)
    win32event.SetEvent(value)
    assert win32event.WaitForSingleObject(event, 0) == WAIT_OBJECT_0
    assert win32event.WaitForSingleObject(value, 0) == WAIT_OBJECT_0
    assert win32event.WaitForMultipleObjects([value], False, 0) == WAIT_OBJECT_0
    assert win32event.WaitForMultipleObjects([value, event], False, 0) == WAIT_OBJECT_0
    win32event.ResetEvent(value)
    assert win32event.WaitForSingleObject(event, 0) == WAIT_TIMEOUT
    assert win32event.WaitForMultipleObjects([value], False, 0) == WAIT_TIMEOUT


@pytest.mark.parametrize(
    "call",
    [
        lambda h: win32event.SetEvent(h),
        lambda h: win32event.ResetEvent(h),
        lambda h: win32event.WaitForSingleObject(h, 0),
        lambda h: win32event.WaitForMultipleObjects([h], False, 0),
        lambda h: win32event.WaitForMultipleObjects([h, h], False, 0),
    ],
)
def test_a_closed_handle_is_error_6_named_for_the_call(call: object) -> None:
    event = win32event.CreateEvent(None, True, True, None)
    value = int(event)
    for _ in range(2):  # found once, so that a second call could find it again
        call(event)  # type: ignore[operator]
    event.Close()
    for handle in (event, value):
        with pytest.raises(pywintypes.error) as caught:
            call(handle)  # type: ignore[operator]
        assert caught.value.winerror == 6


def test_an_event_opened_without_modify_state_cannot_be_set_but_can_be_waited() -> None:
    name = f"wait-facade-access-{os.getpid()}"
    event = win32event.CreateEvent(None, True, True, name)
    waiter = win32event.OpenEvent(win32event.SYNCHRONIZE, False, name)
    assert win32event.WaitForSingleObject(waiter, 0) == WAIT_OBJECT_0
    with pytest.raises(pywintypes.error) as caught:
        win32event.SetEvent(waiter)
    assert (caught.value.winerror, caught.value.funcname) == (5, "SetEvent")
    event.Close()
    waiter.Close()


def test_a_list_changed_in_place_waits_on_its_new_handles() -> None:
    signaled = win32event.CreateEvent(None, True, True, None)
    others = [win32event.CreateEvent(None, True, False, None) for _ in range(3)]
    handles = [*others, signaled]
    for _ in range(2):
        assert win32event.WaitForMultipleObjects(handles, False, 0) == 3
    handles[3] = win32event.CreateEvent(None, True, False, None)
    assert win32event.WaitForMultipleObjects(handles, False, 0) == WAIT_TIMEOUT
    handles[1] = signaled
    assert win32event.WaitForMultipleObjects(handles, False, 0) == 1


@pytest.mark.parametrize("wait_all", [True, 1, 2])
def test_one_handle_waited_for_all_is_the_one_object_wait(wait_all: int) -> None:
    event = win32event.CreateEvent(None, False, True, None)
    assert win32event.WaitForMultipleObjects([event], wait_all, 0) == WAIT_OBJECT_0
    assert win32event.WaitForMultipleObjects([event], wait_all, 0) == WAIT_TIMEOUT


@pytest.mark.parametrize("milliseconds", [0.0, "0", None])
def test_milliseconds_that_are_not_ints_are_refused_as_before(milliseconds: object) -> None:
    event = win32event.CreateEvent(None, True, True, None)
    with pytest.raises(TypeError):
        win32event.WaitForSingleObject(event, milliseconds)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        win32event.WaitForMultipleObjects([event, event], False, milliseconds)  # type: ignore[arg-type]
