"""Facade rules the session-28 probes found, checked without the oracle (the contract
tests in tests/contract/test_probe_rules_s28.py check them against real pywin32 too)."""

from __future__ import annotations

import pytest

from apartment.win32 import pywintypes, win32api, win32gui, win32process


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
