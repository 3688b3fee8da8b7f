"""Contract: Wine's ole32 tests (dlls/ole32/tests/marshal.c, compobj.c), checks not pinned yet.

Facts only; the tests are ours. test_com_apartment_rules.py, test_com_streams.py and
test_com_tables.py hold initialization, marshal data and the GIT; these are what happens to a
proxy when either apartment ends (marshal.c test_marshal_proxy_apartment_shutdown,
test_marshal_stub_apartment_shutdown) and OleInitialize's place among the models.
"""

from __future__ import annotations

import threading
from typing import Any

import pythoncom
import winerror
from win32com.server.util import wrap

from ._com import Echo, me, run_pumping
from ._kernel import JOIN_MS

RPC_E_CHANGED_MODE = -2147417850
RPC_E_DISCONNECTED = -2147417848
CO_E_OBJNOTCONNECTED = winerror.CO_E_OBJNOTCONNECTED
RPC_S_UNKNOWN_IF = -2147023179  # HRESULT_FROM_WIN32(RPC_S_UNKNOWN_IF)


def call_echo(pointer: Any, value: Any) -> Any:
    """Echo(value) through a PyIDispatch."""
    dispid = pointer.GetIDsOfNames("Echo")
    return pointer.Invoke(dispid, 0, pythoncom.DISPATCH_METHOD, 1, value)


def outcome(fn: Any) -> Any:
    try:
        return fn()
    except pythoncom.com_error as error:
        return ("error", error.hresult)


def on_thread(body: Any) -> Any:
    """Run body() on a new thread to its end while this thread pumps; its result or exception.

    This thread pumps meanwhile, so calls into its STA (an unmarshal's, a proxy's) are served;
    ``body`` enters (or not) an apartment itself.
    """
    return run_pumping(body, apartment=False)


def test_a_proxy_of_an_ended_apartment_is_disconnected() -> None:
    """marshal.c test_marshal_stub_apartment_shutdown: the server STA ends, its stubs go."""
    marshaled = threading.Event()
    proceed = threading.Event()
    box: list[Any] = []

    def server() -> None:
        pythoncom.CoInitializeEx(pythoncom.COINIT_APARTMENTTHREADED)
        try:
            box.append(
                pythoncom.CoMarshalInterThreadInterfaceInStream(
                    pythoncom.IID_IDispatch, wrap(Echo())
                )
            )
            marshaled.set()
            proceed.wait(JOIN_MS / 1000)
        finally:
            pythoncom.CoUninitialize()

    thread = threading.Thread(target=server)
    thread.start()
    assert marshaled.wait(JOIN_MS / 1000)
    pointer = pythoncom.CoGetInterfaceAndReleaseStream(box.pop(), pythoncom.IID_IDispatch)
    proceed.set()
    thread.join(JOIN_MS / 1000)
    # Windows and Wine agree the call fails; the code is not pinned (Wine: RPC_S_UNKNOWN_IF as
    # an HRESULT, apartment: RPC_E_DISCONNECTED, the code of a disconnected object)
    result = outcome(lambda: call_echo(pointer, 1))
    assert result[0] == "error"
    assert result[1] in (RPC_E_DISCONNECTED, RPC_S_UNKNOWN_IF)


def test_a_proxy_is_gone_once_its_own_apartment_uninitializes() -> None:
    """marshal.c test_marshal_proxy_apartment_shutdown: CO_E_OBJNOTCONNECTED afterwards."""
    stream = pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, wrap(Echo()))

    def client() -> Any:  # an STA: it ends with its CoUninitialize, whatever other threads do
        pythoncom.CoInitializeEx(pythoncom.COINIT_APARTMENTTHREADED)
        pointer = pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IDispatch)
        pythoncom.CoUninitialize()
        return outcome(lambda: pointer.GetIDsOfNames("Echo"))

    assert on_thread(client) == ("error", CO_E_OBJNOTCONNECTED)


def test_ole_initialize_in_the_mta_is_rpc_e_changed_mode() -> None:
    """compobj.c test_OleInitialize_InitCounting: OleInitialize wants an STA."""

    def body() -> Any:
        pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)
        try:
            return outcome(pythoncom.OleInitialize)
        finally:
            pythoncom.CoUninitialize()

    assert on_thread(body) == ("error", RPC_E_CHANGED_MODE)


def test_ole_initialize_makes_an_sta_that_co_initialize_ex_mta_cannot_change() -> None:
    def body() -> Any:
        pythoncom.OleInitialize()
        try:
            return outcome(lambda: pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED))
        finally:
            pythoncom.CoUninitialize()

    assert on_thread(body) == ("error", RPC_E_CHANGED_MODE)


def test_ole_initialize_twice_is_fine() -> None:
    def body() -> Any:
        pythoncom.OleInitialize()
        try:
            return outcome(pythoncom.OleInitialize)
        finally:
            pythoncom.CoUninitialize()
            pythoncom.CoUninitialize()

    assert on_thread(body) is None


def test_co_uninitialize_without_an_apartment_does_nothing() -> None:
    assert on_thread(pythoncom.CoUninitialize) is None


def test_a_proxy_in_the_same_mta_thread_after_reinit_is_not_the_object() -> None:
    """The object stays reachable from its own STA, through the pointer it owns."""
    pointer = wrap(Echo())
    assert call_echo(pointer, "x") == "x"
    assert on_thread(lambda: me()) != me()
