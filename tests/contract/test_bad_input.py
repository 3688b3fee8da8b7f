"""Bad arguments are refused at the call, as pywin32 refuses them, and never reach a queue.

Each case was asked of the real pywin32 (build 312) first; the same file runs there with
``make oracle``. The rules: message numbers, thread ids and timeouts are C integers (an int,
a bool; never a str, None or float, which raise TypeError), masked to 32 bits; wParam and
lParam are pointer-sized (None is 0, a float is truncated, a str or bytes is passed by
address, an int outside 64 bits or any other object raises TypeError); a handle or window
handle is a PyHANDLE, an int or None (a str or an int outside 64 bits raises TypeError).
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
import pythoncom
import pywintypes
import win32api
import win32con
import win32event
import win32gui

WM_APP = 0x8000
NOT_INTEGERS = ["x", None, 1.5, object()]


@pytest.fixture
def my_queue() -> int:
    """The calling thread's id, after its message queue exists, empty (an earlier test of the
    session may have left a message in it)."""
    win32gui.PeekMessage(0, 0, 0, 0)
    _drain()
    return int(win32api.GetCurrentThreadId())


def _drain() -> list[tuple[Any, ...]]:
    got: list[tuple[Any, ...]] = []
    while True:
        ok, msg = win32gui.PeekMessage(0, 0, 0, win32con.PM_REMOVE)
        if not ok:
            return got
        got.append(tuple(msg[:4]))


@pytest.mark.parametrize("msg", NOT_INTEGERS, ids=repr)
def test_a_message_number_that_is_not_an_int_raises_type_error(my_queue: int, msg: Any) -> None:
    with pytest.raises(TypeError):
        win32api.PostThreadMessage(my_queue, msg, 0, 0)
    with pytest.raises(TypeError):
        win32gui.PostMessage(0, msg, 0, 0)
    with pytest.raises(TypeError):
        win32gui.PostThreadMessage(my_queue, msg, 0, 0)
    assert _drain() == []  # nothing was queued


@pytest.mark.parametrize("bad", [object(), 2**70, -(2**70), [1]], ids=repr)
def test_a_wparam_or_lparam_that_is_no_pointer_sized_value_raises_type_error(
    my_queue: int, bad: Any
) -> None:
    with pytest.raises(TypeError):
        win32api.PostThreadMessage(my_queue, WM_APP, bad, 0)
    with pytest.raises(TypeError):
        win32api.PostThreadMessage(my_queue, WM_APP, 0, bad)
    assert _drain() == []


@pytest.mark.parametrize(
    ("value", "received"),
    [
        (None, 0),
        (1.5, 1),
        (2.7, 2),
        (True, 1),
        (-1, -1),
        (2**32, 2**32),
        (2**63, -(2**63)),
        (2**64 - 1, -1),
    ],
    ids=repr,
)
def test_wparam_and_lparam_arrive_as_pointer_sized_ints(
    my_queue: int, value: Any, received: int
) -> None:
    win32api.PostThreadMessage(my_queue, WM_APP, value, value)
    assert _drain() == [(0, WM_APP, received, received)]


def test_a_message_number_is_masked_to_32_bits(my_queue: int) -> None:
    win32api.PostThreadMessage(my_queue, 2**32 + WM_APP, 0, 0)
    assert _drain() == [(0, WM_APP, 0, 0)]


@pytest.mark.parametrize("offset", [2**32, -(2**32)], ids=["+2**32", "-2**32"])
def test_win32api_reads_a_thread_id_as_a_c_long_and_win32gui_masks_it(
    my_queue: int, offset: int
) -> None:
    # win32api.PostThreadMessage parses its thread id as a C long: past 32 signed bits it
    # raises OverflowError before anything is posted; win32gui's masks it to a DWORD
    with pytest.raises(OverflowError):
        win32api.PostThreadMessage(my_queue + offset, WM_APP, 1, 2)
    for tid in (2**31, 2**32 - 1, -(2**31) - 1):
        with pytest.raises(OverflowError):
            win32api.PostThreadMessage(tid, WM_APP, 1, 2)
    assert _drain() == []
    win32gui.PostThreadMessage(my_queue + offset, WM_APP, 3, 4)
    assert _drain() == [(0, WM_APP, 3, 4)]


@pytest.mark.parametrize("tid", NOT_INTEGERS, ids=repr)
def test_a_thread_id_that_is_not_an_int_raises_type_error(tid: Any) -> None:
    with pytest.raises(TypeError):
        win32api.PostThreadMessage(tid, WM_APP, 0, 0)
    with pytest.raises(TypeError):
        win32api.OpenThread(win32con.SYNCHRONIZE, False, tid)


@pytest.mark.parametrize("hwnd", ["x", object(), 2**70], ids=repr)
def test_a_window_handle_that_is_not_a_handle_raises_type_error(my_queue: int, hwnd: Any) -> None:
    with pytest.raises(TypeError):
        win32gui.PostMessage(hwnd, WM_APP, 0, 0)
    with pytest.raises(TypeError):
        win32gui.SendMessage(hwnd, WM_APP, 0, 0)
    with pytest.raises(TypeError):
        win32gui.PeekMessage(hwnd, 0, 0, 0)
    assert _drain() == []


def test_a_window_handle_of_no_window_is_error_invalid_window_handle() -> None:
    for hwnd in (12345, -5):
        with pytest.raises(pywintypes.error) as caught:
            win32gui.PostMessage(hwnd, WM_APP, 0, 0)
        assert caught.value.winerror == 1400  # ERROR_INVALID_WINDOW_HANDLE


@pytest.mark.parametrize("first", NOT_INTEGERS, ids=repr)
def test_a_filter_bound_that_is_not_an_int_raises_type_error(my_queue: int, first: Any) -> None:
    win32api.PostThreadMessage(my_queue, WM_APP, 0, 0)
    with pytest.raises(TypeError):
        win32gui.PeekMessage(0, first, 0, 0)
    assert _drain() == [(0, WM_APP, 0, 0)]  # the queue is as it was


@pytest.mark.parametrize("handle", ["x", object(), 2**70], ids=repr)
def test_a_handle_that_is_not_a_handle_raises_type_error(handle: Any) -> None:
    with pytest.raises(TypeError):
        win32event.WaitForSingleObject(handle, 0)
    with pytest.raises(TypeError):
        win32event.SetEvent(handle)
    with pytest.raises(TypeError):
        win32api.CloseHandle(handle)


@pytest.mark.parametrize("handle", [None, -7, 0x7FFF0], ids=repr)
def test_a_handle_that_is_not_open_is_error_invalid_handle(handle: Any) -> None:
    with pytest.raises(pywintypes.error) as caught:
        win32event.WaitForSingleObject(handle, 0)
    assert caught.value.winerror == 6  # ERROR_INVALID_HANDLE
    with pytest.raises(pywintypes.error) as caught:
        win32event.SetEvent(handle)
    assert caught.value.winerror == 6


@pytest.mark.parametrize("timeout", [1.5, "x", None], ids=repr)
def test_a_timeout_that_is_not_an_int_raises_type_error(timeout: Any) -> None:
    event = win32event.CreateEvent(None, True, True, None)
    with pytest.raises(TypeError):
        win32event.WaitForSingleObject(event, timeout)
    with pytest.raises(TypeError):
        win32event.WaitForMultipleObjects([event], False, timeout)
    with pytest.raises(TypeError):
        win32event.MsgWaitForMultipleObjects([event], False, timeout, 0)


@pytest.mark.parametrize("timeout", [-2, 0x80000000, 0xFFFFFFFE, 2**32, -(2**31) - 1, True])
def test_any_int_timeout_is_a_dword(timeout: int) -> None:
    event = win32event.CreateEvent(None, True, True, None)
    assert win32event.WaitForSingleObject(event, timeout) == win32event.WAIT_OBJECT_0
    assert win32event.WaitForMultipleObjects([event], False, timeout) == win32event.WAIT_OBJECT_0


@pytest.mark.parametrize("timeout", [-2, 0x80000000, 0xFFFFFFFE])
def test_a_long_timeout_in_another_thread_waits_rather_than_failing(timeout: int) -> None:
    """Only -1 is INFINITE; -2 is a wait of about 49.7 days, which the set event ends."""
    event = win32event.CreateEvent(None, False, False, None)
    results: list[object] = []

    def waiter() -> None:
        try:
            results.append(win32event.WaitForSingleObject(event, timeout))
        except BaseException as error:  # handed to the test thread
            results.append(error)

    thread = threading.Thread(target=waiter)
    thread.start()
    win32event.SetEvent(event)  # whether it is parked yet or not, the auto-reset event is kept
    thread.join(10)
    assert results == [win32event.WAIT_OBJECT_0]


@pytest.mark.parametrize("clsid", [None, 5, 1.5, object(), b"x"], ids=repr)
def test_a_clsid_that_is_not_a_string_or_iid_raises_type_error(clsid: Any) -> None:
    with pytest.raises(TypeError):
        pythoncom.CoCreateInstance(clsid, None, pythoncom.CLSCTX_ALL, pythoncom.IID_IDispatch)


@pytest.mark.parametrize("value", [None, 5, 1.5, object(), b"x"], ids=repr)
def test_an_iid_from_anything_but_a_string_raises_type_error(value: Any) -> None:
    with pytest.raises(TypeError):
        pywintypes.IID(value)


def test_a_malformed_clsid_string_is_co_e_classstring() -> None:
    with pytest.raises(pythoncom.com_error) as caught:
        pywintypes.IID("not a clsid")
    assert caught.value.hresult == -2147221005  # CO_E_CLASSSTRING


@pytest.mark.parametrize("context", [None, 1.5, "x"], ids=repr)
def test_a_class_context_that_is_not_an_int_raises_type_error(context: Any) -> None:
    with pytest.raises(TypeError):
        pythoncom.CoCreateInstance(
            "{00000000-1111-2222-3333-444444444444}", None, context, pythoncom.IID_IDispatch
        )


@pytest.mark.parametrize(
    "msg",
    [
        win32con.WM_CREATE,
        win32con.WM_NCCREATE,
        0x000C,  # WM_SETTEXT
        0x000D,  # WM_GETTEXT
        0x004A,  # WM_COPYDATA
        0x002B,  # WM_DRAWITEM
    ],
)
def test_a_message_that_carries_pointers_cannot_be_posted(my_queue: int, msg: int) -> None:
    with pytest.raises(pywintypes.error) as caught:
        win32api.PostThreadMessage(my_queue, msg, 0, 0)
    assert caught.value.winerror == 1159  # ERROR_MESSAGE_SYNC_ONLY
    assert _drain() == []
