"""Contract: MsgWaitForMultipleObjects(Ex) (semantics.md §3.6, §1.5)."""

import uuid
from collections.abc import Callable
from typing import Any

import pytest
import pywintypes
import win32con
import win32event
import win32gui
import winerror

from . import _messages
from ._kernel import JOIN_MS, OBJECT_0, TIMEOUT, Handles, Spawn
from ._messages import NOREMOVE, REMOVE, WM_USER, me

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._kernel import handles as handles
from ._kernel import spawn as spawn
from ._messages import empty_queue as empty_queue

ALL_INPUT = win32event.QS_ALLINPUT
INPUT_AVAILABLE = win32con.MWMO_INPUTAVAILABLE


def msg_wait(handles: list[Any], ms: int = 0, mask: int = ALL_INPUT, wait_all: bool = False) -> int:
    result: int = win32event.MsgWaitForMultipleObjects(handles, wait_all, ms, mask)
    return result


def msg_wait_ex(handles: list[Any], ms: int = 0, mask: int = ALL_INPUT, flags: int = 0) -> int:
    result: int = win32event.MsgWaitForMultipleObjectsEx(handles, ms, mask, flags)
    return result


WAIT = pytest.mark.parametrize(
    "wait",
    [
        lambda handles, mask=ALL_INPUT: msg_wait(handles, 0, mask),
        lambda handles, mask=ALL_INPUT: msg_wait_ex(handles, 0, mask),
    ],
    ids=["MsgWait", "MsgWaitEx"],
)
Wait = Callable[..., int]


def post(message: int = WM_USER) -> None:
    win32gui.PostThreadMessage(me(), message, 0, 0)


def drain() -> int:
    """Remove every posted message (and a pending WM_QUIT) of this thread's queue; count them."""
    return len(_messages.drain())


# --- results -----------------------------------------------------------------------------


@WAIT
def test_no_input_and_no_handles_times_out(wait: Wait) -> None:
    assert wait([]) == TIMEOUT


@WAIT
@pytest.mark.parametrize("count", [0, 1, 3])
def test_new_input_returns_wait_object_0_plus_the_handle_count(
    handles: Handles, wait: Wait, count: int
) -> None:
    post()
    assert wait(handles.events(count)) == OBJECT_0 + count


@pytest.mark.parametrize(
    "mask", [win32event.QS_ALLINPUT, win32con.QS_ALLINPUT], ids=["win32event", "win32con"]
)
def test_both_all_input_masks_see_a_posted_message(mask: int) -> None:
    assert msg_wait([], 0, mask) == TIMEOUT
    post()
    assert msg_wait([], 0, mask) == OBJECT_0


@WAIT
def test_a_signaled_handle_without_input_returns_its_index(handles: Handles, wait: Wait) -> None:
    events = handles.events(3)
    win32event.SetEvent(events[1])
    assert wait(events) == OBJECT_0 + 1


@WAIT
def test_a_signaled_handle_wins_over_input(handles: Handles, wait: Wait) -> None:
    events = handles.events(2)
    win32event.SetEvent(events[1])
    post()
    assert wait(events) == OBJECT_0 + 1


@WAIT
def test_unsignaled_handles_and_no_input_time_out(handles: Handles, wait: Wait) -> None:
    assert wait(handles.events(2)) == TIMEOUT


# --- only input that is new since the thread last looked wakes it ------------------------


@WAIT
def test_input_seen_by_peek_message_noremove_does_not_wake_it(wait: Wait) -> None:
    post()
    assert win32gui.PeekMessage(None, 0, 0, NOREMOVE)[0] == 1
    assert wait([]) == TIMEOUT
    assert win32gui.PeekMessage(None, 0, 0, NOREMOVE)[0] == 1  # still queued
    post(WM_USER + 1)
    assert wait([]) == OBJECT_0  # new input wakes it again


def test_input_seen_by_get_message_does_not_wake_it_though_more_is_queued() -> None:
    post(WM_USER + 1)
    post(WM_USER + 2)
    assert win32gui.GetMessage(None, 0, 0)[1][1] == WM_USER + 1
    assert msg_wait([]) == TIMEOUT
    assert drain() == 1


def test_a_filtered_peek_that_finds_nothing_still_counts_as_a_look() -> None:
    post(WM_USER + 1)
    assert win32gui.PeekMessage(None, WM_USER + 5, WM_USER + 5, NOREMOVE)[0] == 0
    assert msg_wait([], 0, win32con.QS_POSTMESSAGE) == TIMEOUT
    assert drain() == 1


def test_msg_wait_itself_does_not_count_as_a_look() -> None:
    post()
    assert [msg_wait([]), msg_wait([]), msg_wait_ex([])] == [OBJECT_0] * 3


@pytest.mark.parametrize("count", [0, 2])
def test_mwmo_inputavailable_also_wakes_for_input_already_seen(
    handles: Handles, count: int
) -> None:
    post()
    win32gui.PeekMessage(None, 0, 0, NOREMOVE)
    events = handles.events(count)
    assert msg_wait_ex(events) == TIMEOUT
    assert msg_wait_ex(events, 0, ALL_INPUT, INPUT_AVAILABLE) == OBJECT_0 + count


def test_mwmo_inputavailable_with_an_empty_queue_times_out() -> None:
    assert msg_wait_ex([], 0, ALL_INPUT, INPUT_AVAILABLE) == TIMEOUT


# --- the wake mask -----------------------------------------------------------------------


@WAIT
def test_a_posted_message_is_qs_postmessage_input(wait: Wait) -> None:
    post()
    assert wait([], win32con.QS_SENDMESSAGE) == TIMEOUT
    assert wait([], win32con.QS_POSTMESSAGE) == OBJECT_0


@WAIT
def test_post_quit_message_is_qs_postmessage_input(wait: Wait) -> None:
    win32gui.PostQuitMessage(3)
    assert wait([], win32con.QS_POSTMESSAGE) == OBJECT_0


@WAIT
def test_wake_mask_zero_with_no_handles_only_times_out(wait: Wait) -> None:
    post()
    assert wait([], 0) == TIMEOUT


# --- wait-all ----------------------------------------------------------------------------


WAIT_ALL = pytest.mark.parametrize(
    "wait_all",
    [
        lambda handles: msg_wait(handles, 0, ALL_INPUT, True),
        lambda handles: msg_wait_ex(handles, 0, ALL_INPUT, win32con.MWMO_WAITALL),
    ],
    ids=["bWaitAll", "MWMO_WAITALL"],
)


@WAIT_ALL
def test_wait_all_with_signaled_handles_but_no_input_times_out(
    handles: Handles, wait_all: Wait
) -> None:
    assert wait_all(handles.events(2, signaled=True)) == TIMEOUT


@WAIT_ALL
def test_wait_all_with_input_but_an_unsignaled_handle_times_out(
    handles: Handles, wait_all: Wait
) -> None:
    events = handles.events(2)
    win32event.SetEvent(events[0])
    post()
    assert wait_all(events) == TIMEOUT


@WAIT_ALL
def test_wait_all_with_every_handle_signaled_and_input_returns_wait_object_0(
    handles: Handles, wait_all: Wait
) -> None:
    events = handles.events(2, signaled=True)
    post()
    assert wait_all(events) == OBJECT_0


# --- limits ------------------------------------------------------------------------------


def test_63_handles_are_accepted(handles: Handles) -> None:
    assert msg_wait(handles.events(63)) == TIMEOUT
    assert msg_wait_ex(handles.events(63)) == TIMEOUT


@pytest.mark.parametrize(
    ("wait", "name"),
    [
        (lambda handles: msg_wait(handles), "MsgWaitForMultipleObjects"),
        (lambda handles: msg_wait_ex(handles), "MsgWaitForMultipleObjectsEx"),
    ],
    ids=["MsgWait", "MsgWaitEx"],
)
def test_64_handles_fail_with_invalid_parameter(handles: Handles, wait: Wait, name: str) -> None:
    with pytest.raises(pywintypes.error) as info:
        wait(handles.events(64))
    assert (info.value.winerror, info.value.funcname) == (winerror.ERROR_INVALID_PARAMETER, name)


# --- blocking waits ----------------------------------------------------------------------


def test_a_message_posted_by_another_thread_ends_the_wait(handles: Handles, spawn: Spawn) -> None:
    tid = me()
    events = handles.events(1)
    poster = spawn(lambda: win32gui.PostThreadMessage(tid, WM_USER, 0, 0))
    assert msg_wait(events, JOIN_MS) == OBJECT_0 + 1
    poster.join()
    assert drain() == 1


def test_a_handle_signaled_by_another_thread_ends_the_wait(handles: Handles, spawn: Spawn) -> None:
    events = handles.events(2)
    setter = spawn(lambda: win32event.SetEvent(events[1]))
    assert msg_wait_ex(events, JOIN_MS) == OBJECT_0 + 1
    setter.join()


def test_a_sent_message_wakes_qs_sendmessage_but_is_handled_only_by_the_pump(
    spawn: Spawn,
) -> None:
    calls: list[tuple[int, int]] = []

    def proc(hwnd: int, message: int, wparam: Any, lparam: Any) -> Any:
        if message != WM_USER:
            return win32gui.DefWindowProc(hwnd, message, wparam, lparam)
        calls.append((me(), wparam))
        return 42

    name = f"apartment-contract-{uuid.uuid4().hex}"
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = name
    wc.lpfnWndProc = proc
    win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindow(name, "", 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, 0, None)
    try:
        sender = spawn(lambda: win32gui.SendMessage(hwnd, WM_USER, 7, 0))
        assert msg_wait([], JOIN_MS, win32con.QS_SENDMESSAGE) == OBJECT_0
        assert calls == []  # the wait only reports
        assert win32gui.PeekMessage(None, 0, 0, REMOVE)[0] == 0  # handled here, not returned
        assert calls == [(me(), 7)]
        assert sender.join() == 42
    finally:
        win32gui.DestroyWindow(hwnd)
        win32gui.UnregisterClass(name, 0)
