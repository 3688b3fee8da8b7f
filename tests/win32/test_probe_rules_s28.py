"""Facade rules the session-28 probes found, checked without the oracle (the contract
tests in tests/contract/test_probe_rules_s28.py check them against real pywin32 too)."""

from __future__ import annotations

import sys

import pytest

from apartment.win32 import (
    pywintypes,
    win32api,
    win32con,
    win32event,
    win32gui,
    win32job,
    win32process,
)


def test_get_window_thread_process_id_of_a_stale_handle_gives_zeros() -> None:
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "s28-facade-stale"
    wc.lpfnWndProc = lambda hwnd, msg, wp, lp: win32gui.DefWindowProc(hwnd, msg, wp, lp)
    win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindow(wc.lpszClassName, "", 0, 0, 0, 0, 0, 0, 0, 0, None)
    assert win32process.GetWindowThreadProcessId(hwnd) == [
        win32api.GetCurrentThreadId(),
        win32api.GetCurrentProcessId(),
    ]
    with pytest.raises(pywintypes.error) as info:
        win32gui.UnregisterClass(wc.lpszClassName, 0)
    assert (info.value.winerror, info.value.funcname) == (1412, "UnregisterClass")
    win32gui.DestroyWindow(hwnd)
    win32gui.UnregisterClass(wc.lpszClassName, 0)
    win32api.SetLastError(0)
    assert win32process.GetWindowThreadProcessId(hwnd) == [0, 0]
    assert win32api.GetLastError() == 1400
    assert win32process.GetWindowThreadProcessId(None) == [0, 0]


def _start(flags: int) -> tuple[object, object, int, int]:
    command = f'"{sys.executable}" -c "import time; time.sleep(30)"'
    result: tuple[object, object, int, int] = win32process.CreateProcess(
        None, command, None, None, False, flags, None, None, win32process.STARTUPINFO()
    )
    return result


def _end(child: tuple[object, object, int, int]) -> None:
    win32process.TerminateProcess(child[0], 1)
    assert win32event.WaitForSingleObject(child[0], 30_000) == 0
    win32api.CloseHandle(child[1])
    win32api.CloseHandle(child[0])


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (0, win32process.NORMAL_PRIORITY_CLASS),
        (win32process.IDLE_PRIORITY_CLASS, win32process.IDLE_PRIORITY_CLASS),
        (win32process.BELOW_NORMAL_PRIORITY_CLASS, win32process.BELOW_NORMAL_PRIORITY_CLASS),
        (
            win32process.HIGH_PRIORITY_CLASS | win32process.IDLE_PRIORITY_CLASS,
            win32process.IDLE_PRIORITY_CLASS,
        ),
    ],
)
def test_create_process_priority_flags_give_the_child_its_class(flags: int, expected: int) -> None:
    child = _start(flags)
    try:
        assert win32process.GetPriorityClass(child[0]) == expected
    finally:
        _end(child)


def test_detached_and_new_console_together_are_an_invalid_parameter() -> None:
    with pytest.raises(pywintypes.error) as info:
        _start(win32con.DETACHED_PROCESS | win32con.CREATE_NEW_CONSOLE)
    assert (info.value.winerror, info.value.funcname) == (87, "CreateProcess")


def test_a_job_in_no_job_set_has_member_level_zero() -> None:
    job = win32job.CreateJobObject(None, "")
    try:
        info = win32job.QueryInformationJobObject(job, win32job.JobObjectJobSetInformation)
        assert info == {"MemberLevel": 0}
    finally:
        win32api.CloseHandle(job)
