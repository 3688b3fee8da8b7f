"""Fixes the session-27 probes found: name syntax, LONG arguments, pipes, streams, threads.

The same rules run on the real pywin32 in tests/contract/test_probe_rules_s27.py; these pin
the pieces underneath (the kernel's name keys, the argument readers).
"""

from __future__ import annotations

import pytest

from apartment.errors import (
    ERROR_BAD_PATHNAME,
    ERROR_INVALID_HANDLE,
    ERROR_INVALID_NAME,
    ERROR_PATH_NOT_FOUND,
    Win32Error,
)
from apartment.kernel import SESSION_ID, Event
from apartment.kernel._namespace import name_key, open_named
from apartment.win32 import pythoncom, win32event, win32pipe
from apartment.win32._adapt import long_param
from apartment.win32._timeconv import large_integer


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("a", "a"),
        ("Local\\a", "a"),
        ("Global\\a", "Global\\a"),
        (f"Session\\{SESSION_ID}\\a", "a"),
        (f"Session\\{SESSION_ID}\\Local\\a", "a"),
        ("Session\\0\\a", "Global\\a"),  # session 0's namespace is the global one
    ],
)
def test_name_keys(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("\\a", ERROR_BAD_PATHNAME),
        ("\\", ERROR_BAD_PATHNAME),
        ("Global\\", ERROR_INVALID_NAME),
        ("Local\\", ERROR_INVALID_NAME),
        (f"Session\\{SESSION_ID}\\", ERROR_INVALID_NAME),
        ("a\\b", ERROR_PATH_NOT_FOUND),
        ("Session\\7\\a", ERROR_PATH_NOT_FOUND),  # another user's session: not reachable
        ("Session\\x\\a", ERROR_PATH_NOT_FOUND),
        ("Session\\1", ERROR_PATH_NOT_FOUND),
    ],
)
def test_bad_names(name: str, code: int) -> None:
    with pytest.raises(Win32Error) as caught:
        name_key(name)
    assert caught.value.winerror == code


def test_open_with_an_empty_name_is_an_invalid_handle() -> None:
    with pytest.raises(Win32Error) as caught:
        open_named(Event, "")
    assert caught.value.winerror == ERROR_INVALID_HANDLE


@pytest.mark.parametrize("value", [0, 1, -1, 2**31 - 1, -(2**31), True])
def test_long_param_reads_32_bit_signed_ints(value: int) -> None:
    assert long_param(value) == value


@pytest.mark.parametrize("value", [2**31, -(2**31) - 1, 2**32, 2**64])
def test_long_param_overflows_past_32_bits(value: int) -> None:
    with pytest.raises(OverflowError):
        long_param(value)


@pytest.mark.parametrize("value", [1.5, "1", None])
def test_long_param_refuses_what_is_no_int(value: object) -> None:
    with pytest.raises(TypeError):
        long_param(value)


def test_large_integer_is_a_long_long() -> None:
    assert large_integer(2**63 - 1) == 2**63 - 1
    assert large_integer(-(2**63)) == -(2**63)
    for value in (2**63, -(2**63) - 1):
        with pytest.raises(OverflowError):
            large_integer(value)


def test_release_semaphore_fast_path_keeps_small_counts() -> None:
    semaphore = win32event.CreateSemaphore(None, 0, 5, None)
    try:
        assert win32event.ReleaseSemaphore(semaphore, 2) == 0
        with pytest.raises(OverflowError):
            win32event.ReleaseSemaphore(semaphore, 2**40)
        with pytest.raises(TypeError):
            win32event.ReleaseSemaphore(semaphore, 1.0)  # type: ignore[arg-type]
        assert win32event.ReleaseSemaphore(semaphore, 1) == 2
    finally:
        semaphore.Close()


def test_set_waitable_timer_warns_at_its_caller() -> None:
    timer = win32event.CreateWaitableTimer(None, 1, None)
    try:
        warns = pytest.warns(DeprecationWarning, match="deprecated")
        with warns as record, pytest.raises(TypeError):
            win32event.SetWaitableTimer(timer, 1.5, 0, None, None, False)  # type: ignore[arg-type]
        assert record[0].filename == __file__
    finally:
        timer.Close()


def test_peek_needs_read_access_but_set_state_of_nothing_needs_no_pipe() -> None:
    read, write = win32pipe.CreatePipe(None, 0)
    event = win32event.CreateEvent(None, 0, 0, None)
    try:
        with pytest.raises(Win32Error) as caught:
            win32pipe.PeekNamedPipe(write, 1)
        assert (caught.value.winerror, caught.value.funcname) == (5, "PeekNamedPipe")
        assert win32pipe.PeekNamedPipe(read, 1) == (b"", 0, 0)
        assert win32pipe.SetNamedPipeHandleState(event, None, None, None) is None
        assert win32pipe.SetNamedPipeHandleState(123456, None, None, None) is None
        with pytest.raises(TypeError):  # the arguments are still read
            win32pipe.SetNamedPipeHandleState(event, "x", None, None)
    finally:
        for handle in (read, write, event):
            handle.Close()


def test_stream_arguments_of_none_are_type_errors() -> None:
    for call in (
        lambda: pythoncom.CoGetInterfaceAndReleaseStream(None, pythoncom.IID_IUnknown),
        lambda: pythoncom.CoUnmarshalInterface(None, pythoncom.IID_IUnknown),
        lambda: pythoncom.CoReleaseMarshalData(None),
    ):
        with pytest.raises(TypeError, match="None is not a valid interface object"):
            call()


def test_create_opens_its_handle_with_the_access_asked() -> None:
    from apartment import kernel
    from apartment.errors import AccessDeniedError
    from apartment.kernel import WaitableTimer

    synchronize, modify = 0x100000, 0x0002
    value, existed = kernel.handles.create(WaitableTimer, None, False, access=synchronize)
    try:
        assert not existed
        assert isinstance(
            kernel.handles.get_typed(value, WaitableTimer, synchronize), WaitableTimer
        )
        with pytest.raises(AccessDeniedError):
            kernel.handles.get_typed(value, WaitableTimer, modify)
    finally:
        kernel.handles.close(value)
    value, _ = kernel.handles.create(WaitableTimer, None, False)  # all rights by default
    try:
        kernel.handles.get_typed(value, WaitableTimer, modify | synchronize)
    finally:
        kernel.handles.close(value)
