"""Rules the session-29 wait probe found (tools/probes/wait_probe.py): how pywin32 reads the
flags of its waits, what CoWaitForMultipleHandles raises, and when an APC queued to a thread
that has not started runs.

Each test passes on the facade and on the real pywin32 (``make oracle``), but for the ones
marked ``wine_differs``, where Windows' behaviour is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
import pythoncom
import pywintypes
import win32api
import win32event
import win32process
import winerror

from ._kernel import JOIN_MS, OBJECT_0, Handles
from ._wine import wine_differs

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._kernel import handles as handles

if TYPE_CHECKING:
    from collections.abc import Callable

_TOO_BIG = [2**31, 2**32, 2**63, -(2**31) - 1]


def _queue_apc(function: Callable[[int], object], thread: Any, data: int) -> None:
    """QueueUserAPC: the facade's extension, or kernel32's through ctypes on the oracle."""
    queue = getattr(win32api, "QueueUserAPC", None)
    if queue is not None:
        queue(function, thread, data)
        return
    import ctypes  # the oracle only: pywin32 has no QueueUserAPC

    proc_type = ctypes.WINFUNCTYPE(None, ctypes.c_size_t)  # type: ignore[attr-defined]
    callback = proc_type(function)
    _keep_alive.append(callback)
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.QueueUserAPC.argtypes = [proc_type, ctypes.c_void_p, ctypes.c_size_t]
    if not kernel32.QueueUserAPC(callback, int(thread), data):
        code = ctypes.get_last_error()  # type: ignore[attr-defined]
        raise pywintypes.error(code, "QueueUserAPC", "")


_keep_alive: list[object] = []


# --- the flags of waits are C LONGs ----------------------------------------------------------


def _flag_calls(event: Any) -> dict[str, Callable[[int], object]]:
    return {
        "WaitForMultipleObjects bWaitAll": lambda v: win32event.WaitForMultipleObjects(
            [event], v, 0
        ),
        "WaitForMultipleObjectsEx bWaitAll": lambda v: win32event.WaitForMultipleObjectsEx(
            [event], v, 0, False
        ),
        "WaitForMultipleObjectsEx bAlertable": lambda v: win32event.WaitForMultipleObjectsEx(
            [event], False, 0, v
        ),
        "WaitForSingleObjectEx bAlertable": lambda v: win32event.WaitForSingleObjectEx(event, 0, v),
        "MsgWaitForMultipleObjects bWaitAll": lambda v: win32event.MsgWaitForMultipleObjects(
            [event], v, 0, 0
        ),
        "SignalObjectAndWait bAlertable": lambda v: win32event.SignalObjectAndWait(
            event, event, 0, v
        ),
        "SleepEx bAlertable": lambda v: win32api.SleepEx(0, v),
        "Sleep bAlertable": lambda v: win32api.Sleep(0, v),
        "CoWaitForMultipleHandles Flags": lambda v: pythoncom.CoWaitForMultipleHandles(
            v, 0, [event]
        ),
        "CoWaitForMultipleHandles Timeout": lambda v: pythoncom.CoWaitForMultipleHandles(
            0, v, [event]
        ),
    }


@pytest.mark.parametrize("value", _TOO_BIG)
@pytest.mark.parametrize("call", list(_flag_calls(None)))
def test_wait_flags_outside_32_bits_overflow(handles: Handles, call: str, value: int) -> None:
    # pywin32 parses these BOOLs (and COM's flags and timeout) as C LONGs: no masking to TRUE
    event = handles(win32event.CreateEvent(None, True, True, None))
    with pytest.raises(OverflowError):
        _flag_calls(event)[call](value)


@pytest.mark.parametrize("value", [2**31 - 1, -(2**31), -1])
def test_wait_flags_inside_32_bits_are_true(handles: Handles, value: int) -> None:
    event = handles(win32event.CreateEvent(None, True, True, None))
    assert win32event.WaitForMultipleObjects([event], value, 0) == OBJECT_0
    assert win32event.WaitForSingleObjectEx(event, 0, value) == OBJECT_0
    assert win32api.SleepEx(0, value) == 0


@pytest.mark.parametrize("milliseconds", [2**31, 2**32, -(2**31) - 1, 2**63, 2**64])
def test_sleep_time_outside_32_bits_overflows(milliseconds: int) -> None:
    with pytest.raises(OverflowError):
        win32api.SleepEx(milliseconds)
    with pytest.raises(OverflowError):
        win32api.Sleep(milliseconds)


# --- CoWaitForMultipleHandles reports every failure as an HRESULT ----------------------------


def _hresult_of(call: Callable[[], object]) -> int:
    with pytest.raises(pythoncom.com_error) as caught:
        call()
    return int(caught.value.hresult)


def test_co_wait_for_65_handles_is_e_invalidarg(handles: Handles) -> None:
    event = handles(win32event.CreateEvent(None, True, True, None))
    assert (
        _hresult_of(lambda: pythoncom.CoWaitForMultipleHandles(0, 0, [event] * 65))
        == winerror.E_INVALIDARG
    )


def test_co_wait_on_no_handles_is_rpc_e_no_sync() -> None:
    assert _hresult_of(lambda: pythoncom.CoWaitForMultipleHandles(0, 0, [])) == (
        winerror.RPC_E_NO_SYNC
    )


def test_co_wait_timing_out_is_rpc_s_callpending(handles: Handles) -> None:
    event = handles(win32event.CreateEvent(None, True, False, None))
    assert (
        _hresult_of(lambda: pythoncom.CoWaitForMultipleHandles(0, 0, [event]))
        == winerror.RPC_S_CALLPENDING
    )


@wine_differs("Wine waits for all of a handle listed twice; Windows refuses the list (87)")
def test_co_wait_all_on_one_handle_twice_is_e_invalidarg(handles: Handles) -> None:
    event = handles(win32event.CreateEvent(None, True, True, None))
    waitall = pythoncom.COWAIT_WAITALL
    assert (
        _hresult_of(lambda: pythoncom.CoWaitForMultipleHandles(waitall, 0, [event, event]))
        == winerror.E_INVALIDARG
    )


# --- APCs --------------------------------------------------------------------------------------


def test_an_apc_queued_to_a_suspended_thread_runs_first_when_it_starts(handles: Handles) -> None:
    # Windows runs a new thread's pending APCs in its start-up, before the thread function
    ran: list[object] = []

    def body() -> int:
        ran.append("body")
        return 0

    handle = handles(
        win32process.beginthreadex(None, 0, body, (), win32process.CREATE_SUSPENDED)[0]
    )
    _queue_apc(lambda data: ran.append(data), handle, 5)
    _queue_apc(lambda data: ran.append(data), handle, 6)
    assert ran == []
    win32process.ResumeThread(handle)
    assert win32event.WaitForSingleObject(handle, JOIN_MS) == OBJECT_0
    assert ran == [5, 6, "body"]


@pytest.mark.parametrize("flags", [0x20, 0x40, -(2**31), -1])
@wine_differs("Wine ignores flags outside COWAIT_FLAGS; Windows refuses them (E_INVALIDARG)")
def test_co_wait_flags_outside_cowait_flags_are_e_invalidarg(handles: Handles, flags: int) -> None:
    event = handles(win32event.CreateEvent(None, True, True, None))
    assert (
        _hresult_of(lambda: pythoncom.CoWaitForMultipleHandles(flags, 0, [event]))
        == winerror.E_INVALIDARG
    )


@pytest.mark.parametrize("flags", [0, 8, 0x10, 0x18])
def test_co_wait_flags_of_cowait_flags_are_taken(handles: Handles, flags: int) -> None:
    event = handles(win32event.CreateEvent(None, True, True, None))
    assert pythoncom.CoWaitForMultipleHandles(flags, 0, [event]) == 0


def test_an_apc_queued_from_an_apc_runs_in_the_apcs_own_alertable_wait() -> None:
    ran: list[object] = []
    me = win32api.GetCurrentThread()

    def outer(data: int) -> None:
        ran.append(data)
        _queue_apc(ran.append, me, 2)
        ran.append(("nested", win32api.SleepEx(0, True)))

    _queue_apc(outer, me, 1)
    assert win32api.SleepEx(0, True) == win32event.WAIT_IO_COMPLETION
    assert ran == [1, 2, ("nested", win32event.WAIT_IO_COMPLETION)]
    assert win32api.SleepEx(0, True) == 0  # nothing left


def test_an_apc_waits_through_a_non_alertable_wait_for_the_next_alertable_one(
    handles: Handles,
) -> None:
    go = handles(win32event.CreateEvent(None, True, False, None))
    ready = handles(win32event.CreateEvent(None, True, False, None))
    ran: list[int] = []
    seen: list[object] = []

    def body() -> int:
        win32event.SetEvent(ready)
        seen.append(win32event.WaitForSingleObject(go, JOIN_MS))  # not alertable: no APC
        seen.append(list(ran))
        seen.append(win32api.SleepEx(0, True))
        return 0

    thread = handles(win32process.beginthreadex(None, 0, body, (), 0)[0])
    assert win32event.WaitForSingleObject(ready, JOIN_MS) == OBJECT_0
    _queue_apc(ran.append, thread, 7)
    win32event.SetEvent(go)
    assert win32event.WaitForSingleObject(thread, JOIN_MS) == OBJECT_0
    assert seen == [OBJECT_0, [], win32event.WAIT_IO_COMPLETION]
    assert ran == [7]


def test_queue_apc_to_an_ended_thread_is_gen_failure(handles: Handles) -> None:
    thread = handles(win32process.beginthreadex(None, 0, lambda: 0, (), 0)[0])
    assert win32event.WaitForSingleObject(thread, JOIN_MS) == OBJECT_0
    with pytest.raises(pywintypes.error) as caught:
        _queue_apc(print, thread, 0)
    assert caught.value.winerror == winerror.ERROR_GEN_FAILURE


def test_queue_apc_to_what_is_not_a_thread_is_invalid_handle(handles: Handles) -> None:
    event = handles(win32event.CreateEvent(None, True, False, None))
    for target in (event, win32api.GetCurrentProcess(), 0):
        with pytest.raises(pywintypes.error) as caught:
            _queue_apc(print, target, 0)
        assert caught.value.winerror == winerror.ERROR_INVALID_HANDLE
