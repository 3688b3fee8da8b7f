"""Contract: CoGetObjectContext (PyIContext), call cancellation (CoEnableCallCancellation,
CoDisableCallCancellation, CoGetCancelObject) and CoGetObject, as pywin32 gives them."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import pythoncom
import pywintypes
import win32api
import winerror

from ._wine import ON_THE_ORACLE, wine_differs


def _error_of(fn: Any, *args: Any) -> int:
    with pytest.raises(pythoncom.com_error) as caught:
        fn(*args)
    hresult: int = caught.value.hresult
    return hresult


def _in_thread(fn: Any) -> Any:
    box: list[Any] = []

    def body() -> None:
        try:
            box.append(fn())
        except BaseException as error:
            box.append(error)

    thread = threading.Thread(target=body)
    thread.start()
    thread.join()
    return box[0]


@wine_differs("Wine's object context has no IContext (E_NOINTERFACE)")
def test_the_object_context_is_a_pyicontext() -> None:
    context = pythoncom.CoGetObjectContext(pythoncom.IID_IContext)
    assert type(context).__name__ == "PyIContext"
    assert context == pythoncom.CoGetObjectContext(pythoncom.IID_IContext)
    assert isinstance(context.QueryInterface(pythoncom.IID_IUnknown), pythoncom.PyIUnknown)


@wine_differs("Wine's object context has no IContext (E_NOINTERFACE)")
def test_context_properties_are_set_got_and_removed() -> None:
    context = pythoncom.CoGetObjectContext(pythoncom.IID_IContext)
    policy = pywintypes.IID("{6C1B3F0A-5C1E-4E55-9B8F-19A19C0C0E10}")
    stream = pythoncom.CreateStreamOnHGlobal()
    context.SetProperty(policy, 0, stream)
    try:
        flags, value = context.GetProperty(policy)
        assert flags == 0
        assert value == stream
        found = [item for item in context.EnumContextProps() if item[0] == policy]
        assert len(found) == 1
    finally:
        context.RemoveProperty(policy)


@wine_differs("Wine's object context has no IContext (E_NOINTERFACE)")
def test_each_apartment_has_its_context() -> None:
    def in_mta() -> Any:
        pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)
        try:
            return pythoncom.CoGetObjectContext(pythoncom.IID_IContext)
        finally:
            pythoncom.CoUninitialize()

    other = _in_thread(in_mta)
    assert type(other).__name__ == "PyIContext"
    assert other != pythoncom.CoGetObjectContext(pythoncom.IID_IContext)


@pytest.mark.skipif(
    ON_THE_ORACLE,
    reason="Wine's CoGetCancelObject is an unimplemented stub: calling it aborts the process",
)
def test_a_cancel_object_needs_a_call_out() -> None:
    pythoncom.CoEnableCallCancellation()
    try:
        assert _error_of(pythoncom.CoGetCancelObject, pythoncom.IID_ICancelMethodCalls) == (
            winerror.E_NOINTERFACE
        )
        me = win32api.GetCurrentThreadId()
        assert _error_of(pythoncom.CoGetCancelObject, pythoncom.IID_ICancelMethodCalls, me) == (
            winerror.E_NOINTERFACE
        )
    finally:
        pythoncom.CoDisableCallCancellation()


def test_co_get_object_parses_and_binds() -> None:
    unknown = pythoncom.IID_IUnknown
    assert _error_of(pythoncom.CoGetObject, "", None, unknown) == winerror.E_INVALIDARG
    with pytest.raises(ValueError, match="BindOptions must be None"):
        pythoncom.CoGetObject("nosuch:thing", unknown)  # pywin32's order: name, bindOpts, iid
    with pytest.raises(TypeError):
        pythoncom.CoGetObject(1, None, unknown)
