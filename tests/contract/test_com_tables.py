"""Contract: the running object table, the global interface table, CoWaitForMultipleHandles.

semantics.md §7.4 (GetActiveObject), §7.5 (the GIT), §7.6 (CoWaitForMultipleHandles).
"""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest
import pythoncom
import pywintypes
import win32api
import win32com.client
import win32com.client.dynamic
import win32event
import winerror
from win32com.server.util import wrap

from ._com import Echo, com_error_of, me, run_pumping
from ._kernel import JOIN_MS

RPC_S_CALLPENDING = -2147417835
RPC_E_NO_SYNC = -2147417824
MK_S_MONIKERALREADYREGISTERED = 262631


def new_clsid() -> Any:
    return pywintypes.IID("{" + str(uuid.uuid4()).upper() + "}")


def git() -> Any:
    return pythoncom.CoCreateInstance(
        pythoncom.CLSID_StdGlobalInterfaceTable,
        None,
        pythoncom.CLSCTX_INPROC,
        pythoncom.IID_IGlobalInterfaceTable,
    )


# --- the running object table ------------------------------------------------------------


def test_an_active_object_is_found_by_its_clsid_until_revoked() -> None:
    clsid, pointer = new_clsid(), wrap(Echo())
    handle = pythoncom.RegisterActiveObject(pointer, clsid, pythoncom.ACTIVEOBJECT_STRONG)
    try:
        found = pythoncom.GetActiveObject(clsid)
        assert type(found).__name__ == "PyIUnknown"
        assert found == pointer
        assert pythoncom.GetActiveObject(str(clsid)) == pointer
        assert type(pythoncom.connect(clsid)).__name__ == "PyIDispatch"
        assert win32com.client.dynamic.Dispatch(clsid).Echo(3) == 3  # the running one wins
    finally:
        pythoncom.RevokeActiveObject(handle)
    error = com_error_of(pythoncom.GetActiveObject, clsid)
    assert error.hresult == winerror.MK_E_UNAVAILABLE
    assert com_error_of(pythoncom.connect, clsid).hresult == winerror.MK_E_UNAVAILABLE


def test_a_second_registration_works_and_says_so() -> None:
    clsid = new_clsid()
    first, second = Echo(), Echo()
    first.value, second.value = 1, 2
    handle = pythoncom.RegisterActiveObject(wrap(first), clsid, 0)
    error = com_error_of(pythoncom.RegisterActiveObject, wrap(second), clsid, 0)
    assert error.hresult == MK_S_MONIKERALREADYREGISTERED
    assert win32com.client.Dispatch(pythoncom.connect(clsid)).value == 1  # the first wins
    pythoncom.RevokeActiveObject(handle)
    assert win32com.client.Dispatch(pythoncom.connect(clsid)).value == 2  # then the second


def test_a_revoked_or_unknown_handle_is_e_invalidarg() -> None:
    handle = pythoncom.RegisterActiveObject(wrap(Echo()), new_clsid(), 0)
    pythoncom.RevokeActiveObject(handle)
    for bad in (handle, 0):
        assert com_error_of(pythoncom.RevokeActiveObject, bad).hresult == winerror.E_INVALIDARG
    with pytest.raises(TypeError):
        pythoncom.RevokeActiveObject("x")


def test_an_object_without_idispatch_is_no_dispatch_object() -> None:
    clsid = new_clsid()
    handle = pythoncom.RegisterActiveObject(pythoncom.CreateStreamOnHGlobal(), clsid, 0)
    try:
        assert type(pythoncom.GetActiveObject(clsid)).__name__ == "PyIUnknown"
        assert com_error_of(pythoncom.connect, clsid).hresult == winerror.E_NOINTERFACE
    finally:
        pythoncom.RevokeActiveObject(handle)


def test_active_object_lookups_check_the_clsid() -> None:
    assert com_error_of(pythoncom.GetActiveObject, "No.Such.ProgId").hresult == (
        winerror.CO_E_CLASSSTRING
    )
    assert com_error_of(pythoncom.RegisterActiveObject, wrap(Echo()), "nope", 0).hresult == (
        winerror.CO_E_CLASSSTRING
    )
    with pytest.raises(TypeError):
        pythoncom.GetActiveObject(5)


# --- the global interface table ----------------------------------------------------------


def test_the_git_hands_an_object_to_any_thread_any_number_of_times() -> None:
    table = git()
    assert type(table).__name__ == "PyIGlobalInterfaceTable"
    pointer = wrap(Echo())
    cookie = table.RegisterInterfaceInGlobal(pointer, pythoncom.IID_IDispatch)
    assert isinstance(cookie, int)
    try:
        assert table.GetInterfaceFromGlobal(cookie, pythoncom.IID_IDispatch) == pointer
        found = table.GetInterfaceFromGlobal(cookie, pythoncom.IID_IUnknown)
        assert type(found).__name__ == "PyIUnknown"

        def elsewhere() -> list[int]:
            return [
                win32com.client.Dispatch(
                    git().GetInterfaceFromGlobal(cookie, pythoncom.IID_IDispatch)
                ).Thread()
                for _ in range(2)
            ]

        assert run_pumping(elsewhere) == [me(), me()]
    finally:
        table.RevokeInterfaceFromGlobal(cookie)


def test_git_errors() -> None:
    table = git()
    cookie = table.RegisterInterfaceInGlobal(wrap(Echo()), pythoncom.IID_IDispatch)
    error = com_error_of(table.GetInterfaceFromGlobal, cookie, pythoncom.IID_IStream)
    assert error.hresult == winerror.E_NOINTERFACE
    table.RevokeInterfaceFromGlobal(cookie)
    for call in (table.RevokeInterfaceFromGlobal, table.GetInterfaceFromGlobal):
        args = (
            (cookie,)
            if call == table.RevokeInterfaceFromGlobal
            else (cookie, pythoncom.IID_IDispatch)
        )
        assert com_error_of(call, *args).hresult == winerror.E_INVALIDARG  # a revoked cookie
    assert com_error_of(table.GetInterfaceFromGlobal, 0, pythoncom.IID_IDispatch).hresult == (
        winerror.E_INVALIDARG
    )
    with pytest.raises(TypeError):
        table.GetInterfaceFromGlobal("x", pythoncom.IID_IDispatch)
    with pytest.raises(TypeError):
        table.RegisterInterfaceInGlobal(Echo(), pythoncom.IID_IDispatch)


# --- CoWaitForMultipleHandles --------------------------------------------------------------


@pytest.fixture
def events() -> Any:
    made: list[Any] = []

    def make(signaled: bool, manual: bool = True) -> Any:
        made.append(win32event.CreateEvent(None, manual, signaled, None))
        return made[-1]

    yield make
    for handle in made:
        win32api.CloseHandle(handle)


def test_co_wait_returns_the_index_of_a_signaled_handle(events: Any) -> None:
    assert pythoncom.CoWaitForMultipleHandles(0, 10, [events(False), events(True)]) == 1
    assert pythoncom.CoWaitForMultipleHandles(0, 0, (events(True),)) == 0


def test_co_wait_times_out_with_rpc_s_callpending(events: Any) -> None:
    error = com_error_of(pythoncom.CoWaitForMultipleHandles, 0, 10, [events(False)])
    assert error.hresult == RPC_S_CALLPENDING


def test_co_wait_all_in_an_sta_waits_for_input_too(events: Any) -> None:
    both = [events(True), events(True)]
    error = com_error_of(pythoncom.CoWaitForMultipleHandles, pythoncom.COWAIT_WAITALL, 10, both)
    assert error.hresult == RPC_S_CALLPENDING


def test_co_wait_bad_handles(events: Any) -> None:
    assert com_error_of(pythoncom.CoWaitForMultipleHandles, 0, 10, []).hresult == RPC_E_NO_SYNC
    error = com_error_of(pythoncom.CoWaitForMultipleHandles, 0, 10, [12345])
    assert error.hresult == winerror.E_HANDLE
    for bad in (events(True), None):
        with pytest.raises(TypeError):
            pythoncom.CoWaitForMultipleHandles(0, 10, bad)


def test_co_wait_serves_calls_into_the_sta_and_leaves_other_messages(events: Any) -> None:
    stream = pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, wrap(Echo()))
    done = events(False)
    box: list[int] = []

    def caller() -> None:
        pythoncom.CoInitialize()
        try:
            pointer = pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IDispatch)
            box.append(win32com.client.Dispatch(pointer).Thread())
            pointer = None
        finally:
            pythoncom.CoUninitialize()
            win32event.SetEvent(done)

    win32api.PostThreadMessage(me(), 0x0400 + 7, 0, 0)  # a posted message: it stays queued
    thread = threading.Thread(target=caller)
    thread.start()
    try:
        assert pythoncom.CoWaitForMultipleHandles(0, JOIN_MS, [done]) == 0
    finally:
        thread.join(JOIN_MS / 1000)
    assert box == [me()]  # the call ran here, inside the wait
    import win32gui

    ok, message = win32gui.PeekMessage(0, 0x0400 + 7, 0x0400 + 7, 1)
    assert ok
    assert message[1] == 0x0400 + 7
