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
