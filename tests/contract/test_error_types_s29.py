"""Contract: the facade raises pywin32's exception classes themselves, never the core's.

Programs written for pywin32 test ``type(e) is TypeError``, print ``type(e).__name__`` or
``repr(e)``, and read a traceback's last line; pywin32 raises ``com_error`` (no subclass) from
a failed COM call, a plain TypeError for a value that is no VARIANT, ``error`` itself from a
failed Win32 call. Each test pins a place where a named subclass of the core's leaked.
"""

from __future__ import annotations

import datetime
import traceback
import uuid
from typing import Any

import pytest
import pythoncom
import pywintypes
import win32api
import win32com.client
import win32event
import win32file
import win32gui
import winerror
from win32com.server.util import wrap

from ._com import Echo

_NO_VARIANT = "Objects of type '{}' can not be converted to a COM VARIANT"


def _raised(call: Any, *args: Any) -> BaseException:
    """What ``call(*args)`` raises, whatever its class: the class is what the tests check."""
    try:
        call(*args)
    except Exception as error:  # any class: the tests compare it exactly
        return error
    pytest.fail(f"{call!r} raised nothing")


def _last_line(error: BaseException) -> str:
    return traceback.format_exception_only(type(error), error)[0].rstrip("\n")


@pytest.fixture
def echo() -> Any:
    return win32com.client.Dispatch(wrap(Echo()))


# --- a value that is no VARIANT: a plain TypeError, with pywin32's message ----------------


class _Plain:
    pass


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (object(), _NO_VARIANT.format("object")),
        ([1, object()], _NO_VARIANT.format("object")),
        (len, _NO_VARIANT.format("builtin_function_or_method")),
        (datetime.time(), _NO_VARIANT.format("datetime.time")),
        (ValueError(), _NO_VARIANT.format("ValueError")),
        # a type with number methods is read as a double, as C's PyFloat_AsDouble fails
        ({1}, "must be real number, not set"),
        ({}, "must be real number, not dict"),
        (_Plain(), "must be real number, not _Plain"),
        (datetime.timedelta(1), "must be real number, not datetime.timedelta"),
        (datetime.date(2020, 1, 2), "must be a pywintypes time object (got datetime.date)"),
    ],
)
def test_a_dispatch_call_with_no_variant_raises_a_plain_type_error(
    echo: Any,
    value: object,
    message: str,
) -> None:
    error = _raised(echo.Echo, value)
    assert type(error) is TypeError
    assert error.args == (message,)
    assert _last_line(error) == f"TypeError: {message}"


def test_a_property_put_and_invoke_with_no_variant_raise_a_plain_type_error(echo: Any) -> None:
    message = _NO_VARIANT.format("object")
    error = _raised(setattr, echo, "value", object())
    assert (type(error), error.args) == (TypeError, (message,))
    dispid = echo._oleobj_.GetIDsOfNames("Echo")
    for call in (
        lambda: echo._oleobj_.Invoke(dispid, 0, pythoncom.DISPATCH_METHOD, 1, object()),
        lambda: echo._oleobj_.Invoke(dispid, 0, pythoncom.DISPATCH_METHOD, 0, object()),
        lambda: echo._oleobj_.InvokeTypes(
            dispid, 0, pythoncom.DISPATCH_METHOD, (12, 0), ((12, 1),), object()
        ),
    ):
        error = _raised(call)
        assert (type(error), error.args) == (TypeError, (message,))


# --- a failed COM call: com_error itself -----------------------------------------------------


def _assert_com_error(error: BaseException, hresult: int) -> None:
    assert type(error) is pywintypes.com_error
    assert type(error).__name__ == "com_error"
    assert error.args[0] == hresult
    assert isinstance(error.args[1], str)
    assert error.args[2:] == (None, None)
    assert (error.hresult, error.strerror, error.excepinfo, error.argerror) == error.args  # type: ignore[attr-defined]
    assert repr(error) == "com_error" + repr(error.args)
    assert str(error) == str(error.args)
    assert _last_line(error) == f"pywintypes.com_error: {error.args}"


def test_query_interface_for_an_interface_not_implemented_raises_com_error(echo: Any) -> None:
    error = _raised(echo._oleobj_.QueryInterface, pythoncom.IID_IStream)
    _assert_com_error(error, winerror.E_NOINTERFACE)
    error = _raised(echo._oleobj_.QueryInterface, "junk")
    _assert_com_error(error, winerror.CO_E_CLASSSTRING)


def test_an_unknown_class_raises_com_error() -> None:
    clsid = "{" + str(uuid.uuid4()).upper() + "}"
    _assert_com_error(_raised(win32com.client.Dispatch, clsid), winerror.REGDB_E_CLASSNOTREG)
    _assert_com_error(
        _raised(
            pythoncom.CoCreateInstance, clsid, None, pythoncom.CLSCTX_ALL, pythoncom.IID_IDispatch
        ),
        winerror.REGDB_E_CLASSNOTREG,
    )
    progid = "No.Such.ProgId.S29"
    _assert_com_error(_raised(win32com.client.Dispatch, progid), winerror.CO_E_CLASSSTRING)
    _assert_com_error(_raised(pywintypes.IID, progid), winerror.CO_E_CLASSSTRING)


# --- a failed Win32 call: error itself, (winerror, funcname, strerror) ---------------------


@pytest.mark.parametrize(
    ("call", "args", "code", "funcname"),
    [
        (win32api.CloseHandle, (12345,), winerror.ERROR_INVALID_HANDLE, "CloseHandle"),
        (win32event.SetEvent, (12345,), winerror.ERROR_INVALID_HANDLE, "SetEvent"),
        (
            win32api.RegOpenKey,
            (0x80000001, "No\\Such\\Key\\S29"),
            winerror.ERROR_FILE_NOT_FOUND,
            "RegOpenKeyEx",
        ),
        (
            win32file.CreateFile,
            ("/no/such/dir/s29", 0x80000000, 0, None, 3, 0, None),
            winerror.ERROR_PATH_NOT_FOUND,
            "CreateFile",
        ),
        (win32gui.UnregisterClass, ("NoSuchClassS29", 0), 1411, "UnregisterClass"),
    ],
)
def test_a_failed_win32_call_raises_error_itself(
    call: Any,
    args: tuple[Any, ...],
    code: int,
    funcname: str,
) -> None:
    error = _raised(call, *args)
    assert type(error) is pywintypes.error
    assert error.args == (code, funcname, win32api.FormatMessage(code).rstrip())
    assert (error.winerror, error.funcname, error.strerror) == error.args  # type: ignore[attr-defined]
    assert repr(error) == "error" + repr(error.args)
    assert _last_line(error) == f"pywintypes.error: {error.args}"


# --- calls that raise nothing in pywin32 --------------------------------------------------


def test_image_list_set_bk_color_on_no_list_answers_clr_none() -> None:
    # (a made-up nonzero handle works too, but comctl32 probes it with a caught fault)
    assert win32gui.ImageList_SetBkColor(0, 0) == -1  # CLR_NONE, no exception


# --- win32ui's own class -------------------------------------------------------------------


def test_win32ui_error_prints_as_win32ui_error() -> None:
    try:
        import win32ui
    except ImportError:  # it needs MFC's DLL, which the oracle has not
        pytest.skip("win32ui does not load here")
    assert win32ui.error.__bases__ == (Exception,)
    assert f"{win32ui.error.__module__}.{win32ui.error.__name__}" == "win32ui.error"
