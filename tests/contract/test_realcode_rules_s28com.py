"""Contract: rules that session 28's COM and GUI programs by others showed (tests/realcode).

Found by running them on the facade and on the real pywin32 (build 312, under Wine): a window
class cannot be unregistered while a window of it lives (ERROR_CLASS_HAS_WINDOWS); pywin32
sends WM_NCCREATE and WM_CREATE to no Python procedure registered with ``RegisterClass`` (its
procedure is attached once CreateWindow returns), so a WM_CREATE answer of -1 refuses nothing
(tests/realcode/window_lifecycle_messages.py).
"""

import pytest
import pywintypes
import win32api
import win32con
import win32gui
import winerror


def _register(name: str, proc: object) -> int:
    wc = win32gui.WNDCLASS()
    wc.hInstance = win32api.GetModuleHandle(None)
    wc.lpszClassName = name
    wc.lpfnWndProc = proc
    return win32gui.RegisterClass(wc)


def test_a_class_with_a_live_window_cannot_be_unregistered() -> None:
    def proc(hwnd: int, msg: int, wparam: int, lparam: int) -> int:
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)

    atom = _register("ContractS28ClassWithWindow", proc)
    hwnd = win32gui.CreateWindow(atom, "w", 0, 0, 0, 0, 0, 0, 0, 0, None)
    try:
        with pytest.raises(pywintypes.error) as caught:
            win32gui.UnregisterClass(atom, None)
        assert caught.value.winerror == winerror.ERROR_CLASS_HAS_WINDOWS
        assert caught.value.funcname == "UnregisterClass"
    finally:
        win32gui.DestroyWindow(hwnd)
    win32gui.UnregisterClass(atom, None)  # no window left: it goes


def test_create_messages_do_not_reach_a_python_class_procedure() -> None:
    seen: list[int] = []

    def refuse(hwnd: int, msg: int, wparam: int, lparam: int) -> int:
        seen.append(msg)
        if msg == win32con.WM_CREATE:
            return -1
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)

    atom = _register("ContractS28RefusingCreate", refuse)
    hwnd = win32gui.CreateWindow(atom, "w", 0, 0, 0, 0, 0, 0, 0, 0, None)
    assert win32gui.IsWindow(hwnd)
    assert win32con.WM_NCCREATE not in seen
    assert win32con.WM_CREATE not in seen
    win32gui.DestroyWindow(hwnd)
    assert win32con.WM_DESTROY in seen
    win32gui.UnregisterClass(atom, None)
