"""Contract: Wine's thread and process tests (dlls/kernel32/tests/thread.c, process.c).

Facts only; the tests are ours. Only checks not pinned by test_threads.py, test_processes.py
and test_thread_priority.py: suspend counts of a thread created suspended, the rights each
thread call needs, exit codes that look like STILL_ACTIVE, and calls on an ended process.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32process
import winerror

from ._kernel import JOIN_MS, OBJECT_0, TIMEOUT, Handles
from ._wine import wine_differs

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._kernel import handles as handles

STILL_ACTIVE = 259
THREAD_TERMINATE = 0x0001
THREAD_SUSPEND_RESUME = 0x0002
THREAD_QUERY_INFORMATION = 0x0040
THREAD_QUERY_LIMITED_INFORMATION = 0x0800
PROCESS_TERMINATE = 0x0001
PROCESS_QUERY_INFORMATION = 0x0400
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000


def suspended(handles: Handles, body: Any = lambda: 0) -> tuple[Any, int]:
    """A thread created suspended (CREATE_SUSPENDED) that runs body() once resumed."""
    handle, tid = win32process.beginthreadex(None, 0, body, (), win32con.CREATE_SUSPENDED)
    return handles(handle), tid


def finish(handle: Any) -> None:
    """Resume a suspended thread until it runs, and wait for its end."""
    while win32process.ResumeThread(handle) > 1:
        pass
    assert win32event.WaitForSingleObject(handle, JOIN_MS) == OBJECT_0


def error_of(call: Any, *args: Any) -> int:
    try:
        call(*args)
    except pywintypes.error as exc:
        return int(exc.winerror)
    return 0


# --- a thread created suspended -------------------------------------------------------------


def test_a_thread_created_suspended_has_a_suspend_count_of_one(handles: Handles) -> None:
    """thread.c test_CreateThread_suspended: Suspend returns 1, Resume 2 then 1."""
    thread, _ = suspended(handles)
    assert win32process.SuspendThread(thread) == 1
    assert win32process.ResumeThread(thread) == 2
    assert win32process.ResumeThread(thread) == 1
    assert win32event.WaitForSingleObject(thread, JOIN_MS) == OBJECT_0
    assert win32process.GetExitCodeThread(thread) == 0


def test_a_suspended_thread_is_still_active_and_not_signaled(handles: Handles) -> None:
    thread, _ = suspended(handles)
    assert win32process.GetExitCodeThread(thread) == STILL_ACTIVE
    assert win32event.WaitForSingleObject(thread, 0) == TIMEOUT
    finish(thread)


def test_a_suspended_thread_can_be_opened_by_its_id(handles: Handles) -> None:
    thread, tid = suspended(handles)
    other = handles(win32api.OpenThread(THREAD_SUSPEND_RESUME, False, tid))
    assert win32process.ResumeThread(other) == 1
    assert win32event.WaitForSingleObject(thread, JOIN_MS) == OBJECT_0


# --- rights ------------------------------------------------------------------------------------


def test_suspend_and_resume_need_thread_suspend_resume(handles: Handles) -> None:
    """thread.c: a handle without THREAD_SUSPEND_RESUME cannot suspend or resume."""
    thread, tid = suspended(handles)
    query = handles(win32api.OpenThread(THREAD_QUERY_INFORMATION, False, tid))
    assert error_of(win32process.ResumeThread, query) == winerror.ERROR_ACCESS_DENIED
    assert error_of(win32process.SuspendThread, query) == winerror.ERROR_ACCESS_DENIED
    finish(thread)


def test_get_exit_code_thread_takes_the_limited_query_right(handles: Handles) -> None:
    thread, tid = suspended(handles)
    limited = handles(win32api.OpenThread(THREAD_QUERY_LIMITED_INFORMATION, False, tid))
    assert win32process.GetExitCodeThread(limited) == STILL_ACTIVE
    finish(thread)
    assert win32process.GetExitCodeThread(limited) == 0


def test_get_exit_code_thread_needs_a_query_right(handles: Handles) -> None:
    thread, tid = suspended(handles)
    resume_only = handles(win32api.OpenThread(THREAD_SUSPEND_RESUME, False, tid))
    assert error_of(win32process.GetExitCodeThread, resume_only) == winerror.ERROR_ACCESS_DENIED
    finish(thread)


def test_a_thread_handle_without_synchronize_cannot_be_waited_on(handles: Handles) -> None:
    thread, tid = suspended(handles)
    query = handles(win32api.OpenThread(THREAD_QUERY_INFORMATION, False, tid))
    assert error_of(win32event.WaitForSingleObject, query, 0) == winerror.ERROR_ACCESS_DENIED
    finish(thread)


# --- exit codes -------------------------------------------------------------------------------


def test_a_thread_that_returns_259_reads_as_still_active_though_it_ended(
    handles: Handles,
) -> None:
    """thread.c/MS: an exit code of STILL_ACTIVE is indistinguishable from a running thread."""
    handle, _ = win32process.beginthreadex(None, 0, lambda: STILL_ACTIVE, (), 0)
    handles(handle)
    assert win32event.WaitForSingleObject(handle, JOIN_MS) == OBJECT_0
    assert win32process.GetExitCodeThread(handle) == STILL_ACTIVE


@pytest.mark.parametrize(
    ("result", "code"),
    [
        (0x7FFFFFFF, 0x7FFFFFFF),
        (-5, -5),
        (-(2**31), -(2**31)),
        (True, 1),
        (2**31, -1),  # pywin32 reads the result as a C long: what overflows it exits with -1
        (0xDEADBEEF, -1),
        (2**32, -1),
        (-(2**31) - 1, -1),
    ],
)
def test_a_thread_exit_code_is_the_result_read_as_a_c_long(
    result: int, code: int, handles: Handles
) -> None:
    handle, _ = win32process.beginthreadex(None, 0, lambda: result, (), 0)
    handles(handle)
    assert win32event.WaitForSingleObject(handle, JOIN_MS) == OBJECT_0
    assert win32process.GetExitCodeThread(handle) == code


def test_get_exit_code_thread_of_a_null_handle_is_invalid_handle() -> None:
    """thread.c test_GetThreadExitCode: GetExitCodeThread(NULL)."""
    assert error_of(win32process.GetExitCodeThread, 0) == winerror.ERROR_INVALID_HANDLE


def test_resume_and_suspend_of_a_null_handle_are_invalid_handle() -> None:
    assert error_of(win32process.ResumeThread, 0) == winerror.ERROR_INVALID_HANDLE
    assert error_of(win32process.SuspendThread, 0) == winerror.ERROR_INVALID_HANDLE


def test_a_duplicate_of_the_current_thread_reads_as_still_active(handles: Handles) -> None:
    me = handles(
        win32api.DuplicateHandle(
            win32api.GetCurrentProcess(),
            win32api.GetCurrentThread(),
            win32api.GetCurrentProcess(),
            0,
            False,
            win32con.DUPLICATE_SAME_ACCESS,
        )
    )
    assert win32process.GetExitCodeThread(me) == STILL_ACTIVE
    assert win32event.WaitForSingleObject(me, 0) == TIMEOUT


# --- processes ----------------------------------------------------------------------------------


def child(code: int) -> tuple[Any, Any]:
    """Start a Python child that exits with ``code``; its (process, thread) handles."""
    command = subprocess.list2cmdline([sys.executable, "-c", f"raise SystemExit({code})"])
    startup = win32process.STARTUPINFO()
    process, thread, _, _ = win32process.CreateProcess(
        None, command, None, None, False, 0, None, None, startup
    )
    return process, thread


@wine_differs(
    "Wine lets TerminateProcess succeed on an ended process; Windows refuses with "
    "ERROR_ACCESS_DENIED (CPython's subprocess.Popen.terminate catches exactly that)"
)
def test_terminate_process_of_an_ended_process_is_access_denied(handles: Handles) -> None:
    """Once the process is gone, TerminateProcess fails and the exit code stays."""
    process, thread = child(7)
    handles(process)
    handles(thread)
    assert win32event.WaitForSingleObject(process, 60_000) == OBJECT_0
    assert error_of(win32process.TerminateProcess, process, 1) == winerror.ERROR_ACCESS_DENIED
    assert win32process.GetExitCodeProcess(process) == 7


def test_an_ended_process_keeps_its_id_for_the_handle(handles: Handles) -> None:
    process, thread = child(0)
    handles(process)
    handles(thread)
    pid = win32process.GetProcessId(process)
    assert win32event.WaitForSingleObject(process, 60_000) == OBJECT_0
    assert win32process.GetProcessId(process) == pid
    assert win32event.WaitForSingleObject(thread, JOIN_MS) == OBJECT_0
    assert win32process.GetExitCodeThread(thread) == 0


def test_get_process_id_of_the_pseudo_handle_is_the_current_pid() -> None:
    assert win32process.GetProcessId(win32api.GetCurrentProcess()) == (
        win32api.GetCurrentProcessId()
    )


def test_open_process_of_the_current_process_with_the_limited_right(handles: Handles) -> None:
    process = handles(
        win32api.OpenProcess(
            PROCESS_QUERY_LIMITED_INFORMATION, False, win32api.GetCurrentProcessId()
        )
    )
    assert win32process.GetExitCodeProcess(process) == STILL_ACTIVE
    assert win32process.GetProcessId(process) == win32api.GetCurrentProcessId()


def sleeper() -> tuple[Any, Any]:
    """A Python child that sleeps a minute unless terminated; its (process, thread) handles."""
    command = subprocess.list2cmdline([sys.executable, "-c", "import time; time.sleep(60)"])
    process, thread, _, _ = win32process.CreateProcess(
        None, command, None, None, False, 0, None, None, win32process.STARTUPINFO()
    )
    return process, thread


def test_terminate_process_needs_process_terminate(handles: Handles) -> None:
    process, thread = sleeper()
    handles(thread)
    try:
        pid = win32process.GetProcessId(process)
        query = handles(win32api.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid))
        assert error_of(win32process.TerminateProcess, query, 3) == winerror.ERROR_ACCESS_DENIED
        assert win32process.GetExitCodeProcess(query) == STILL_ACTIVE
        terminate = handles(win32api.OpenProcess(PROCESS_TERMINATE, False, pid))
        assert error_of(win32process.GetExitCodeProcess, terminate) == (
            winerror.ERROR_ACCESS_DENIED
        )
        win32process.TerminateProcess(terminate, 3)
    finally:
        if win32event.WaitForSingleObject(process, 0) == TIMEOUT:
            win32process.TerminateProcess(process, 3)
        assert win32event.WaitForSingleObject(process, 60_000) == OBJECT_0
        process.Close()
    assert win32process.GetExitCodeProcess(query) == 3


# --- generic rights on threads and processes ------------------------------------------------------

GENERIC_READ = 0x80000000
GENERIC_WRITE = 0x40000000
GENERIC_EXECUTE = 0x20000000


def test_generic_rights_on_a_thread_map_to_thread_rights(handles: Handles) -> None:
    """Windows' thread type: read = query, write = suspend/resume/set, execute = synchronize."""
    thread, tid = suspended(handles)
    read = handles(win32api.OpenThread(GENERIC_READ, False, tid))
    write = handles(win32api.OpenThread(GENERIC_WRITE, False, tid))
    execute = handles(win32api.OpenThread(GENERIC_EXECUTE, False, tid))
    try:
        assert win32process.GetExitCodeThread(read) == STILL_ACTIVE
        assert error_of(win32process.SuspendThread, read) == winerror.ERROR_ACCESS_DENIED
        assert error_of(win32event.WaitForSingleObject, read, 0) == winerror.ERROR_ACCESS_DENIED
        assert win32process.SuspendThread(write) == 1
        assert win32process.ResumeThread(write) == 2
        assert error_of(win32process.GetExitCodeThread, write) == winerror.ERROR_ACCESS_DENIED
        assert win32event.WaitForSingleObject(execute, 0) == TIMEOUT
    finally:
        finish(thread)
    assert win32event.WaitForSingleObject(execute, 0) == OBJECT_0


def test_generic_rights_on_a_process_map_to_process_rights(handles: Handles) -> None:
    """Windows' process type: read = query, write lacks terminate, execute = sync + terminate."""
    process, thread = sleeper()
    handles(thread)
    try:
        pid = win32process.GetProcessId(process)
        read = handles(win32api.OpenProcess(GENERIC_READ, False, pid))
        write = handles(win32api.OpenProcess(GENERIC_WRITE, False, pid))
        execute = handles(win32api.OpenProcess(GENERIC_EXECUTE, False, pid))
        assert win32process.GetExitCodeProcess(read) == STILL_ACTIVE
        assert error_of(win32process.TerminateProcess, read, 4) == winerror.ERROR_ACCESS_DENIED
        assert error_of(win32process.TerminateProcess, write, 4) == winerror.ERROR_ACCESS_DENIED
        assert win32event.WaitForSingleObject(execute, 0) == TIMEOUT
        win32process.TerminateProcess(execute, 4)
        assert win32event.WaitForSingleObject(execute, 60_000) == OBJECT_0
    finally:
        if win32event.WaitForSingleObject(process, 0) == TIMEOUT:
            win32process.TerminateProcess(process, 4)
        assert win32event.WaitForSingleObject(process, 60_000) == OBJECT_0
        process.Close()
    assert win32process.GetExitCodeProcess(read) == 4


MAXIMUM_ALLOWED = 0x02000000


def test_maximum_allowed_opens_a_thread_with_every_right(handles: Handles) -> None:
    thread, tid = suspended(handles)
    best = handles(win32api.OpenThread(MAXIMUM_ALLOWED, False, tid))
    try:
        assert win32process.GetExitCodeThread(best) == STILL_ACTIVE
        assert win32process.SuspendThread(best) == 1
        assert win32process.ResumeThread(best) == 2
        assert win32event.WaitForSingleObject(best, 0) == TIMEOUT
    finally:
        finish(thread)


def test_maximum_allowed_opens_the_current_process_with_every_right(handles: Handles) -> None:
    best = handles(win32api.OpenProcess(MAXIMUM_ALLOWED, False, win32api.GetCurrentProcessId()))
    assert win32process.GetExitCodeProcess(best) == STILL_ACTIVE
    assert win32event.WaitForSingleObject(best, 0) == TIMEOUT
