"""Contract: pywintypes.error and PyHANDLE (semantics.md §8.1, §8.4)."""

import gc
import operator
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import pywintypes
import win32api
import win32event
import win32process
import winerror


@pytest.fixture
def event() -> Iterator[Any]:
    """An unnamed auto-reset event, nonsignaled, closed after the test."""
    handle = win32event.CreateEvent(None, False, False, None)
    try:
        yield handle
    finally:
        win32api.CloseHandle(handle)


def closed_handle_value() -> int:
    """The value of an event handle that has been closed again."""
    handle = win32event.CreateEvent(None, False, False, None)
    value: int = handle.Detach()
    win32api.CloseHandle(value)
    return value


# --- pywintypes.error -------------------------------------------------------------------


def test_error_is_an_exception_subclass() -> None:
    assert issubclass(pywintypes.error, Exception)


def test_error_is_the_same_class_in_every_module() -> None:
    assert win32api.error is pywintypes.error
    assert win32event.error is pywintypes.error
    assert win32process.error is pywintypes.error


def test_error_attributes_come_from_the_constructor_arguments() -> None:
    err = pywintypes.error(5, "OpenMutex", "Access is denied.")
    assert err.args == (5, "OpenMutex", "Access is denied.")
    assert (err.winerror, err.funcname, err.strerror) == (5, "OpenMutex", "Access is denied.")


def test_error_attributes_missing_from_the_arguments_are_none() -> None:
    err = pywintypes.error(5)
    assert (err.winerror, err.funcname, err.strerror) == (5, None, None)
    bare = pywintypes.error()
    assert (bare.winerror, bare.funcname, bare.strerror) == (None, None, None)


def test_raised_error_carries_code_c_api_name_and_message() -> None:
    with pytest.raises(pywintypes.error) as info:
        win32event.SetEvent(closed_handle_value())
    err = info.value
    assert err.winerror == winerror.ERROR_INVALID_HANDLE
    assert err.funcname == "SetEvent"
    assert isinstance(err.strerror, str)
    assert err.strerror
    assert err.args == (err.winerror, err.funcname, err.strerror)


# --- PyHANDLE ---------------------------------------------------------------------------


def test_handle_constructor_defaults_to_zero() -> None:
    handle = pywintypes.HANDLE()
    assert int(handle) == 0
    assert handle.handle == 0
    assert not handle
    assert int(pywintypes.HANDLE(None)) == 0


def test_created_objects_are_pyhandles(event: Any) -> None:
    assert type(event) is type(pywintypes.HANDLE())


def test_handle_int_and_handle_property_give_the_value(event: Any) -> None:
    value = int(event)
    assert value != 0
    assert event.handle == value
    assert bool(event)


def test_handle_repr_and_str(event: Any) -> None:
    assert repr(event) == f"<PyHANDLE:{int(event)}>"
    assert str(event) == repr(event)
    pseudo = pywintypes.HANDLE(-1)
    try:
        assert repr(pseudo) == "<PyHANDLE:-1>"
    finally:
        pseudo.Detach()


def test_handle_compares_by_value_with_ints_and_other_handles(event: Any) -> None:
    value = int(event)
    assert event == value
    assert value == event
    assert (event != value) is False
    assert event != value + 4
    other = pywintypes.HANDLE(value)
    try:
        assert event == other
        assert (event != other) is False
    finally:
        other.Detach()  # do not let it close the event


def test_handle_does_not_equal_unrelated_types(event: Any) -> None:
    assert event != "x"
    assert event is not None
    assert (event == None) is False  # noqa: E711


def test_handle_ordering_raises_type_error(event: Any) -> None:
    for compare in (operator.lt, operator.le, operator.gt, operator.ge):
        with pytest.raises(TypeError):
            compare(event, 1)


def test_handle_arithmetic_raises_type_error(event: Any) -> None:
    operations: list[Callable[[Any], object]] = [
        lambda h: h + 1,
        lambda h: h - 1,
        lambda h: h | 1,
        lambda h: h & 1,
        lambda h: -h,
        float,
        operator.index,
    ]
    for operation in operations:
        with pytest.raises(TypeError):
            operation(event)


def test_handle_hash_is_by_identity_not_value(event: Any) -> None:
    other = pywintypes.HANDLE(int(event))
    try:
        assert event == other
        assert len({event, other}) == 2
    finally:
        other.Detach()


def test_close_zeroes_the_handle_and_a_second_close_is_a_noop() -> None:
    handle = win32event.CreateEvent(None, False, False, None)
    value = int(handle)
    handle.Close()
    assert int(handle) == 0
    assert repr(handle) == "<PyHANDLE:0>"
    handle.Close()
    handle.close()
    with pytest.raises(pywintypes.error) as info:
        win32event.WaitForSingleObject(value, 0)
    assert info.value.winerror == winerror.ERROR_INVALID_HANDLE


def test_lowercase_close_closes_too() -> None:
    handle = win32event.CreateEvent(None, False, False, None)
    handle.close()
    assert int(handle) == 0


def test_close_of_an_invalid_handle_raises_from_closehandle() -> None:
    handle = pywintypes.HANDLE(closed_handle_value())
    with pytest.raises(pywintypes.error) as info:
        handle.Close()
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_INVALID_HANDLE,
        "CloseHandle",
    )


def test_detach_returns_the_int_and_zeroes_without_closing() -> None:
    handle = win32event.CreateEvent(None, True, False, None)
    expected = int(handle)
    value = handle.Detach()
    try:
        assert type(value) is int
        assert value == expected
        assert int(handle) == 0
        win32event.SetEvent(value)  # still open
        assert win32event.WaitForSingleObject(value, 0) == win32event.WAIT_OBJECT_0
    finally:
        win32api.CloseHandle(value)


def test_closehandle_of_a_pyhandle_zeroes_it() -> None:
    handle = win32event.CreateEvent(None, False, False, None)
    win32api.CloseHandle(handle)
    assert int(handle) == 0
    win32api.CloseHandle(handle)  # now 0: nothing to do


def test_garbage_collected_handle_is_closed() -> None:
    handle = win32event.CreateEvent(None, False, False, None)
    value = int(handle)
    del handle
    gc.collect()
    with pytest.raises(pywintypes.error) as info:
        win32event.WaitForSingleObject(value, 0)
    assert info.value.winerror == winerror.ERROR_INVALID_HANDLE


def test_functions_accept_plain_int_handles(event: Any) -> None:
    win32event.SetEvent(int(event))
    assert win32event.WaitForSingleObject(int(event), 0) == win32event.WAIT_OBJECT_0


def test_none_as_a_handle_means_null() -> None:
    with pytest.raises(pywintypes.error) as info:
        win32event.WaitForSingleObject(None, 0)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_INVALID_HANDLE,
        "WaitForSingleObject",
    )


# -- IID -------------------------------------------------------------------------------------


def test_iid_reads_a_braced_guid_in_any_case() -> None:
    iid = pywintypes.IID("{0000000c-0000-0000-c000-000000000046}")
    assert str(iid) == "{0000000C-0000-0000-C000-000000000046}"


@pytest.mark.parametrize(
    "text",
    [
        "{0000000C00000000C000000000000046}",  # no hyphens: CLSIDFromString refuses it
        "{{0000000C-0000-0000-C000-000000000046}}",
        "{0000000C-0000-0000-C000-00000000004}",
    ],
)
def test_iid_of_a_malformed_guid_is_co_e_classstring(text: str) -> None:
    import pythoncom

    with pytest.raises(pythoncom.com_error) as caught:
        pywintypes.IID(text)
    assert caught.value.hresult == winerror.CO_E_CLASSSTRING
