"""Rules the session-27 probes found (tools/probes/thread_probe.py, sync_names_probe.py,
io_probe.py, com_init_probe.py): object-name syntax, LONG arguments, pipes, streams, threads.

Each test passes on the facade and on the real pywin32 (``make oracle``), but for the ones
marked ``wine_differs``, where Windows' behaviour is kept.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

import pytest
import pythoncom
import pywintypes
import win32api
import win32event
import win32pipe
import win32process
import win32ts
import winerror

from ._kernel import JOIN_MS, OBJECT_0, Handles, handles
from ._wine import wine_differs

__all__ = ["handles"]

PID = win32api.GetCurrentProcessId()


def _unique(stem: str) -> str:
    return f"s27probe_{stem}_{PID}_{threading.get_ident()}"


def _error_of(call: Any, *args: object) -> tuple[int, str]:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)
    return caught.value.winerror, caught.value.funcname


def test_a_name_that_starts_with_a_backslash_is_a_bad_pathname() -> None:
    # NT refuses a name relative to the namespace's directory that starts with a separator
    name = "\\" + _unique("lead")
    assert _error_of(win32event.CreateEvent, None, 0, 0, name) == (
        winerror.ERROR_BAD_PATHNAME,
        "CreateEvent",
    )
    assert _error_of(win32event.CreateMutex, None, 0, name)[0] == winerror.ERROR_BAD_PATHNAME


@pytest.mark.parametrize("prefix", ["Global\\", "Local\\"])
def test_a_namespace_prefix_with_nothing_after_it_is_an_invalid_name(prefix: str) -> None:
    assert _error_of(win32event.CreateEvent, None, 0, 0, prefix) == (
        winerror.ERROR_INVALID_NAME,
        "CreateEvent",
    )


def test_a_backslash_inside_a_name_is_path_not_found() -> None:
    name = _unique("dir") + "\\x"
    assert _error_of(win32event.CreateEvent, None, 0, 0, name)[0] == winerror.ERROR_PATH_NOT_FOUND


def test_session_prefix_of_this_session_names_the_local_object(handles: Handles) -> None:
    session = win32ts.ProcessIdToSessionId(PID)
    name = _unique("session")
    local = handles(win32event.CreateEvent(None, 1, 0, "Local\\" + name))
    same = handles(win32event.CreateEvent(None, 1, 0, f"Session\\{session}\\{name}"))
    assert win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS
    win32event.SetEvent(same)
    assert win32event.WaitForSingleObject(local, 0) == OBJECT_0


@pytest.mark.parametrize("opener", ["OpenEvent", "OpenMutex", "OpenSemaphore"])
def test_open_with_an_empty_name_is_an_invalid_handle(opener: str) -> None:
    # "" opens the namespace's directory itself, which is no event, mutex or semaphore
    call = getattr(win32event, opener)
    assert _error_of(call, win32event.SYNCHRONIZE, 0, "") == (winerror.ERROR_INVALID_HANDLE, opener)


def test_create_with_an_empty_name_makes_an_unnamed_object(handles: Handles) -> None:
    first = handles(win32event.CreateEvent(None, 1, 0, ""))
    assert win32api.GetLastError() == 0
    second = handles(win32event.CreateEvent(None, 1, 0, ""))
    assert win32api.GetLastError() == 0
    win32event.SetEvent(first)
    assert win32event.WaitForSingleObject(second, 0) == win32event.WAIT_TIMEOUT


@wine_differs("Wine grants ACCESS_SYSTEM_SECURITY without SeSecurityPrivilege")
def test_open_asking_for_every_right_needs_the_security_privilege(handles: Handles) -> None:
    name = _unique("allrights")
    handles(win32event.CreateEvent(None, 1, 0, name))
    assert _error_of(win32event.OpenEvent, 0xFFFFFFFF, 0, name) == (
        winerror.ERROR_PRIVILEGE_NOT_HELD,
        "OpenEvent",
    )


@pytest.mark.parametrize(("initial", "maximum"), [(0, 2**31), (2**31, 2**31), (-(2**31) - 1, 1)])
def test_semaphore_counts_are_longs(initial: int, maximum: int) -> None:
    with pytest.raises(OverflowError):
        win32event.CreateSemaphore(None, initial, maximum, None)


def test_release_semaphore_count_is_a_long(handles: Handles) -> None:
    semaphore = handles(win32event.CreateSemaphore(None, 0, 2**31 - 1, None))
    with pytest.raises(OverflowError):
        win32event.ReleaseSemaphore(semaphore, 2**31)
    assert win32event.ReleaseSemaphore(semaphore, 2**31 - 1) == 0


def test_waitable_timer_period_is_a_long_and_due_time_a_long_long(handles: Handles) -> None:
    timer = handles(win32event.CreateWaitableTimer(None, 1, None))
    with pytest.raises(OverflowError):
        win32event.SetWaitableTimer(timer, -1, 2**31, None, None, False)
    with pytest.raises(OverflowError):
        win32event.SetWaitableTimer(timer, 2**63, 0, None, None, False)
    with pytest.raises(OverflowError):
        win32event.SetWaitableTimer(timer, -(2**63) - 1, 0, None, None, False)
    win32event.SetWaitableTimer(timer, -(2**63), 0, None, None, False)  # far away: fine
    win32event.CancelWaitableTimer(timer)


def test_peek_named_pipe_on_the_write_end_is_access_denied() -> None:
    read, write = win32pipe.CreatePipe(None, 0)
    try:
        assert _error_of(win32pipe.PeekNamedPipe, write, 1) == (
            winerror.ERROR_ACCESS_DENIED,
            "PeekNamedPipe",
        )
        win32pipe.PeekNamedPipe(read, 1)  # the read end may
    finally:
        read.Close()
        write.Close()


def test_set_named_pipe_handle_state_with_nothing_to_set_asks_nothing_of_the_handle(
    handles: Handles,
) -> None:
    event = handles(win32event.CreateEvent(None, 0, 0, None))
    assert win32pipe.SetNamedPipeHandleState(event, None, None, None) is None
    mode = win32pipe.PIPE_WAIT
    assert _error_of(win32pipe.SetNamedPipeHandleState, event, mode, None, None) == (
        winerror.ERROR_INVALID_HANDLE,
        "SetNamedPipeHandleState",
    )


def test_a_stream_argument_of_none_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        pythoncom.CoGetInterfaceAndReleaseStream(None, pythoncom.IID_IUnknown)


def _raises_in_thread() -> int:
    raise LookupError("probe s27")


def test_beginthreadex_prints_the_exception_from_the_thread_function_down(
    capsys: pytest.CaptureFixture[str],
) -> None:
    thread, _ = win32process.beginthreadex(None, 0, _raises_in_thread, (), 0)
    try:
        assert win32event.WaitForSingleObject(thread, JOIN_MS) == OBJECT_0
        assert win32process.GetExitCodeThread(thread) == -1
    finally:
        thread.Close()
    sys.stderr.flush()
    err = capsys.readouterr().err
    # (pywin32 writes its "Unhandled exception in beginthreadex..." line to C's stderr)
    frames = [line for line in err.splitlines() if line.lstrip().startswith("File ")]
    assert frames, err
    assert all("test_probe_rules_s27" in line for line in frames), err
    assert "LookupError: probe s27" in err


def test_create_waitable_timer_ex_gives_the_handle_only_the_access_asked(
    handles: Handles,
) -> None:
    create = win32event.CreateWaitableTimerEx
    waits_only = handles(create(None, None, 0, win32event.SYNCHRONIZE))
    assert _error_of(win32event.SetWaitableTimer, waits_only, -1, 0, None, None, False) == (
        winerror.ERROR_ACCESS_DENIED,
        "SetWaitableTimer",
    )
    assert win32event.WaitForSingleObject(waits_only, 0) == win32event.WAIT_TIMEOUT
    no_rights = handles(create(None, None, 0, 0))
    assert _error_of(win32event.WaitForSingleObject, no_rights, 0) == (
        winerror.ERROR_ACCESS_DENIED,
        "WaitForSingleObject",
    )
    every = handles(create(None, None, win32event.CREATE_WAITABLE_TIMER_MANUAL_RESET, 0x1F0003))
    win32event.SetWaitableTimer(every, -1, 0, None, None, False)
    assert win32event.WaitForSingleObject(every, JOIN_MS) == OBJECT_0
    assert win32event.WaitForSingleObject(every, 0) == OBJECT_0  # manual: stays signaled


@wine_differs("Wine's CancelIo accepts a handle that is no file (success)")
def test_cancel_io_on_an_event_is_an_invalid_handle(handles: Handles) -> None:
    import win32file

    event = handles(win32event.CreateEvent(None, 0, 0, None))
    assert _error_of(win32file.CancelIo, event) == (winerror.ERROR_INVALID_HANDLE, "CancelIo")
