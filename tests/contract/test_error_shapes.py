"""Contract: the shape of pywintypes.error and com_error, FormatMessage, StgOpenStorage.

What pywin32's own test_exceptions.py pins, and the edges around it: the class names and
bases, ``args`` and the attributes for any arguments, ``str``/``repr``, pickling, the exact
class a failing function raises, and the refusals of StgOpenStorage.
"""

import os
import pickle
import tempfile
import traceback
from typing import Any

import pytest
import pythoncom
import pywintypes
import win32api
import winerror


def _error_of(call: Any, *args: Any) -> Any:
    with pytest.raises((pywintypes.error, pywintypes.com_error)) as caught:
        call(*args)
    return caught.value


# --- the classes -------------------------------------------------------------------------


def test_the_classes_have_pywin32s_names_and_derive_from_exception_alone() -> None:
    assert pywintypes.error.__name__ == "error"
    assert pywintypes.com_error.__name__ == "com_error"
    assert pywintypes.error.__bases__ == (Exception,)
    assert pywintypes.com_error.__bases__ == (Exception,)
    assert pythoncom.com_error is pywintypes.com_error
    assert win32api.error is pywintypes.error


@pytest.mark.parametrize(
    ("args", "text", "attributes"),
    [
        ((), "", (None, None, None)),
        (("foo",), "foo", ("foo", None, None)),
        ((6, "CloseHandle", "x"), "(6, 'CloseHandle', 'x')", (6, "CloseHandle", "x")),
        (("a", "b", "c", "d"), "('a', 'b', 'c', 'd')", ("a", "b", "c")),
    ],
)
def test_error_reads_any_arguments_as_pywin32s_does(
    args: tuple[Any, ...], text: str, attributes: tuple[Any, ...]
) -> None:
    error = pywintypes.error(*args)
    assert error.args == args
    assert str(error) == text
    assert repr(error) == "error" + (repr(args) if len(args) != 1 else f"({args[0]!r})")
    assert (error.winerror, error.funcname, error.strerror) == attributes
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is pywintypes.error
    assert copy.args == args
    assert (copy.winerror, copy.funcname, copy.strerror) == attributes


@pytest.mark.parametrize(
    ("args", "text", "attributes"),
    [
        ((), "", (None, None, None, None)),
        (("foo",), "foo", ("foo", None, None, None)),
        (
            (-2147286785, "m", None, None),
            "(-2147286785, 'm', None, None)",
            (-2147286785, "m", None, None),
        ),
        ((1, 2, 3, 4, 5), "(1, 2, 3, 4, 5)", (1, 2, 3, 4)),
    ],
)
def test_com_error_reads_any_arguments_as_pywin32s_does(
    args: tuple[Any, ...], text: str, attributes: tuple[Any, ...]
) -> None:
    error = pywintypes.com_error(*args)
    assert error.args == args
    assert str(error) == text
    assert repr(error) == "com_error" + (repr(args) if len(args) != 1 else f"({args[0]!r})")
    assert (error.hresult, error.strerror, error.excepinfo, error.argerror) == attributes
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is pywintypes.com_error
    assert copy.args == args
    assert copy.hresult == attributes[0]


def test_the_errors_take_no_keyword_arguments() -> None:
    with pytest.raises(TypeError):
        pywintypes.error(winerror=5)
    with pytest.raises(TypeError):
        pywintypes.com_error(hresult=5)


def test_the_attributes_are_read_once_from_the_arguments() -> None:
    error = pywintypes.error(6, "f", "s")
    error.args = (8, "g", "t")
    assert (error.winerror, error.funcname) == (6, "f")
    error.winerror = 7
    assert error.args == (8, "g", "t")


def test_the_classes_print_as_pywintypes_names() -> None:
    # programs print type(e), and tracebacks end with the class's module and name
    assert repr(pywintypes.error) == "<class 'pywintypes.error'>"
    assert repr(pywintypes.com_error) == "<class 'pywintypes.com_error'>"
    error = _error_of(win32api.CloseHandle, 1)
    last = traceback.format_exception_only(type(error), error)[0]
    assert last == f"pywintypes.error: {error.args}\n"


def test_a_subclass_keeps_the_shape() -> None:
    class Mine(pywintypes.error):  # type: ignore[misc]
        pass

    error = Mine(1, "x", "y")
    assert (error.winerror, str(error), repr(error)) == (1, "(1, 'x', 'y')", "Mine(1, 'x', 'y')")


# --- raised by a function ----------------------------------------------------------------


def test_a_failing_function_raises_error_itself_with_its_name_and_message() -> None:
    error = _error_of(win32api.CloseHandle, 1)
    assert error.__class__ is pywintypes.error
    message = win32api.FormatMessage(winerror.ERROR_INVALID_HANDLE).rstrip()
    assert error.args == (winerror.ERROR_INVALID_HANDLE, "CloseHandle", message)
    assert (error.winerror, error.funcname, error.strerror) == error.args
    assert str(error) == str(error.args)
    assert repr(error) == "error" + repr(error.args)


def test_a_failing_com_function_raises_com_error_itself() -> None:
    error = _error_of(pythoncom.StgOpenStorage, "foo", None, 0)
    assert error.__class__ is pywintypes.com_error
    assert error.args[0] == winerror.STG_E_INVALIDFLAG == -2147286785
    assert isinstance(error.args[1], str)
    assert error.args[2:] == (None, None)
    assert (error.hresult, error.strerror, error.excepinfo, error.argerror) == error.args
    assert str(error) == str(error.args)


# --- FormatMessage -----------------------------------------------------------------------


def test_format_message_ends_with_crlf_and_zero_means_the_last_error() -> None:
    text = win32api.FormatMessage(winerror.ERROR_INVALID_HANDLE)
    assert text.endswith("\r\n")
    assert win32api.FormatMessage(0x1000, None, 6, 0, None) == text  # FROM_SYSTEM
    assert win32api.FormatMessage(6 + 2**32) == text  # read as a DWORD
    win32api.SetLastError(winerror.ERROR_INVALID_HANDLE)
    assert win32api.FormatMessage() == text
    assert win32api.FormatMessage(0) == text


def test_format_message_of_a_code_without_text_fails_with_mr_mid_not_found() -> None:
    error = _error_of(win32api.FormatMessage, 123456)
    assert error.__class__ is pywintypes.error
    assert error.args[:2] == (317, "FormatMessageW")  # ERROR_MR_MID_NOT_FOUND


@pytest.mark.parametrize("args", [("x",), (6.0,), (0x1000, None, 6), (0x1000, None, 6, 0)])
def test_format_message_needs_a_code_or_five_arguments(args: tuple[Any, ...]) -> None:
    with pytest.raises(TypeError, match="takes exactly 5 arguments"):
        win32api.FormatMessage(*args)


# --- StgOpenStorage: the refusals --------------------------------------------------------


@pytest.mark.parametrize("mode", [0x10, 0x20, 0x12, 0x10000])
def test_a_valid_mode_on_a_missing_file_is_file_not_found(mode: int) -> None:
    error = _error_of(pythoncom.StgOpenStorage, "no-such-file.stg", None, mode)
    assert error.hresult == winerror.STG_E_FILENOTFOUND


@pytest.mark.parametrize("mode", [0, 0x30, 0x40, 0x3, 0x1000, 0x1010, -1])
def test_a_direct_open_needs_exclusive_or_deny_write_and_no_create(mode: int) -> None:
    error = _error_of(pythoncom.StgOpenStorage, "no-such-file.stg", None, mode)
    assert error.hresult == winerror.STG_E_INVALIDFLAG


def test_stg_open_storage_checks_its_other_arguments() -> None:
    assert _error_of(pythoncom.StgOpenStorage, None, None, 0x10).hresult == (
        winerror.STG_E_INVALIDNAME
    )
    assert _error_of(pythoncom.StgOpenStorage, "x", None, 0x10, None, 1).hresult == (
        winerror.STG_E_INVALIDPARAMETER
    )
    with pytest.raises(TypeError):
        pythoncom.StgOpenStorage(1, None, 0x10)
    with pytest.raises(TypeError):
        pythoncom.StgOpenStorage(b"foo", None, 0x10)
    with pytest.raises(ValueError, match="not a COM object"):
        pythoncom.StgOpenStorage("foo", 5, 0x10)
    with pytest.raises(TypeError):
        pythoncom.StgOpenStorage("foo", None)


def test_a_file_that_is_no_compound_file_or_a_directory_is_refused() -> None:
    fd, path = tempfile.mkstemp()
    try:
        os.write(fd, b"hello")
        os.close(fd)
        error = _error_of(pythoncom.StgOpenStorage, path, None, 0x10)
        assert error.hresult == winerror.STG_E_FILEALREADYEXISTS
        error = _error_of(pythoncom.StgOpenStorage, path, None, 0)
        assert error.hresult == winerror.STG_E_INVALIDFLAG  # the mode is checked first
    finally:
        os.unlink(path)
    error = _error_of(pythoncom.StgOpenStorage, tempfile.gettempdir(), None, 0x10)
    assert error.hresult == winerror.STG_E_ACCESSDENIED
    error = _error_of(pythoncom.StgOpenStorage, "", None, 0x10)
    assert error.hresult == winerror.STG_E_PATHNOTFOUND
