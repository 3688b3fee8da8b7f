"""Contract: rules that session 28's COM and GUI programs by others showed (tests/realcode).

Found by running them on the facade and on the real pywin32 (build 312, under Wine): a window
class cannot be unregistered while a window of it lives (ERROR_CLASS_HAS_WINDOWS); pywin32
sends WM_NCCREATE and WM_CREATE to no Python procedure registered with ``RegisterClass`` (its
procedure is attached once CreateWindow returns), so a WM_CREATE answer of -1 refuses nothing
(tests/realcode/window_lifecycle_messages.py); SetWindowPos(HWND_TOPMOST/HWND_NOTOPMOST) sets
and clears WS_EX_TOPMOST, which SetWindowLong cannot change, and a framed window has
WS_EX_WINDOWEDGE whatever its extended style asks (tests/realcode/topmost_window_styles.py).
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
    return int(win32gui.RegisterClass(wc))


def test_a_class_with_a_live_window_cannot_be_unregistered() -> None:
    def proc(hwnd: int, msg: int, wparam: int, lparam: int) -> int:
        return int(win32gui.DefWindowProc(hwnd, msg, wparam, lparam))

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
        return int(win32gui.DefWindowProc(hwnd, msg, wparam, lparam))

    atom = _register("ContractS28RefusingCreate", refuse)
    hwnd = win32gui.CreateWindow(atom, "w", 0, 0, 0, 0, 0, 0, 0, 0, None)
    assert win32gui.IsWindow(hwnd)
    assert win32con.WM_NCCREATE not in seen
    assert win32con.WM_CREATE not in seen
    win32gui.DestroyWindow(hwnd)
    assert win32con.WM_DESTROY in seen
    win32gui.UnregisterClass(atom, None)


def _plain_proc(hwnd: int, msg: int, wparam: int, lparam: int) -> int:
    return int(win32gui.DefWindowProc(hwnd, msg, wparam, lparam))


def _ex_style(hwnd: int) -> int:
    return int(win32gui.GetWindowLong(hwnd, win32con.GWL_EXSTYLE))


def test_set_window_pos_topmost_sets_and_clears_ws_ex_topmost() -> None:
    atom = _register("ContractS28Topmost", _plain_proc)
    hwnd = win32gui.CreateWindowEx(0, atom, "t", win32con.WS_POPUP, 0, 0, 10, 10, 0, 0, 0, None)
    keep = win32con.SWP_NOMOVE | win32con.SWP_NOSIZE
    try:
        assert not _ex_style(hwnd) & win32con.WS_EX_TOPMOST
        win32gui.SetWindowPos(hwnd, win32con.HWND_TOPMOST, 0, 0, 0, 0, keep)
        assert _ex_style(hwnd) & win32con.WS_EX_TOPMOST
        win32gui.SetWindowLong(hwnd, win32con.GWL_EXSTYLE, 0)  # cannot clear it
        assert _ex_style(hwnd) & win32con.WS_EX_TOPMOST
        win32gui.SetWindowPos(hwnd, win32con.HWND_NOTOPMOST, 0, 0, 0, 0, keep)
        assert not _ex_style(hwnd) & win32con.WS_EX_TOPMOST
        win32gui.SetWindowLong(hwnd, win32con.GWL_EXSTYLE, win32con.WS_EX_TOPMOST)  # nor set it
        assert not _ex_style(hwnd) & win32con.WS_EX_TOPMOST
    finally:
        win32gui.DestroyWindow(hwnd)
        win32gui.UnregisterClass(atom, None)


@pytest.mark.parametrize(
    ("style", "ex_style", "edge"),
    [
        (win32con.WS_OVERLAPPEDWINDOW, 0, True),
        (win32con.WS_POPUP, 0, False),
        (win32con.WS_POPUP | win32con.WS_THICKFRAME, 0, True),
        (win32con.WS_POPUP | win32con.WS_THICKFRAME, win32con.WS_EX_STATICEDGE, False),
        (win32con.WS_POPUP, win32con.WS_EX_DLGMODALFRAME, True),
        (win32con.WS_POPUP, win32con.WS_EX_WINDOWEDGE, False),
    ],
)
def test_the_window_edge_follows_the_frame(style: int, ex_style: int, edge: bool) -> None:
    atom = _register("ContractS28Edge", _plain_proc)
    hwnd = win32gui.CreateWindowEx(ex_style, atom, "e", style, 0, 0, 10, 10, 0, 0, 0, None)
    try:
        assert bool(_ex_style(hwnd) & win32con.WS_EX_WINDOWEDGE) is edge
        win32gui.SetWindowLong(hwnd, win32con.GWL_EXSTYLE, ex_style | win32con.WS_EX_TOOLWINDOW)
        assert bool(_ex_style(hwnd) & win32con.WS_EX_WINDOWEDGE) is edge
    finally:
        win32gui.DestroyWindow(hwnd)
        win32gui.UnregisterClass(atom, None)


def test_a_broadcast_send_answers_1() -> None:
    number = win32gui.RegisterWindowMessage("ContractS28BroadcastAnswer")
    atom = _register("ContractS28Broadcast", lambda hwnd, msg, wp, lp: 42 if msg == number else 0)
    hwnd = win32gui.CreateWindowEx(0, atom, "b", win32con.WS_POPUP, 0, 0, 1, 1, 0, 0, 0, None)
    try:
        sent = win32gui.SendMessageTimeout(
            win32con.HWND_BROADCAST, number, 0, 0, win32con.SMTO_ABORTIFHUNG, 5000
        )
        assert sent == (1, 1)
    finally:
        win32gui.DestroyWindow(hwnd)
        win32gui.UnregisterClass(atom, None)
