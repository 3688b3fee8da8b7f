"""A classic Win32 window program, written against pywin32 and run unchanged by apartment.

    python -m apartment run examples/window_program.py

It registers a window class, creates a main window, shows it and runs a message loop. A
thread timer (pywin32's ``timer`` module) ticks from that loop: each WM_TIMER the loop
dispatches calls ``tick`` on this thread, which renames the window; after three ticks it
posts WM_CLOSE. The window procedure answers WM_CLOSE by destroying the window and
WM_DESTROY by posting WM_QUIT, which ends the loop with the exit code.

Nothing is drawn: the window is its class, style, text, place and size, and it gets the
messages Windows sends it (WM_SIZE at its first showing, WM_CLOSE, WM_DESTROY, ...), which
it prints as they come.
"""

from __future__ import annotations

import sys
from typing import Any

import timer
import win32api
import win32con
import win32gui

TICKS = 3
PERIOD_MS = 50


class MainWindow:
    """The main window: its procedure answers the messages it handles by their number."""

    def __init__(self) -> None:
        self.hwnd = 0
        self.ticks = 0
        self.timer_id = 0

    def procedure(self) -> dict[int, Any]:
        # No WM_CREATE here: pywin32 gives a class's Python procedure the messages of its
        # first window only once CreateWindow has returned it.
        return {
            win32con.WM_SIZE: self.on_size,
            win32con.WM_CLOSE: self.on_close,
            win32con.WM_DESTROY: self.on_destroy,
        }

    def on_size(self, hwnd: int, msg: int, wparam: int, lparam: int) -> int:
        width, height = win32api.LOWORD(lparam), win32api.HIWORD(lparam)
        print(f"WM_SIZE: the client area is {width} x {height}")
        return 0

    def on_close(self, hwnd: int, msg: int, wparam: int, lparam: int) -> int:
        print(f"WM_CLOSE after {self.ticks} ticks: destroying the window")
        timer.kill_timer(self.timer_id)
        win32gui.DestroyWindow(hwnd)
        return 0

    def on_destroy(self, hwnd: int, msg: int, wparam: int, lparam: int) -> int:
        print("WM_DESTROY: posting WM_QUIT")
        win32gui.PostQuitMessage(0)
        return 0

    def tick(self, timer_id: int, time: int) -> None:
        """The timer's callback, run by DispatchMessage(WM_TIMER) on this thread."""
        self.ticks += 1
        win32gui.SetWindowText(self.hwnd, f"Window program: tick {self.ticks}")
        print(f"tick {self.ticks}: the title is {win32gui.GetWindowText(self.hwnd)!r}")
        if self.ticks == TICKS:
            win32gui.PostMessage(self.hwnd, win32con.WM_CLOSE, 0, 0)


def main() -> int:
    win32gui.InitCommonControls()
    instance = win32api.GetModuleHandle(None)
    program = MainWindow()

    wc = win32gui.WNDCLASS()
    wc.hInstance = instance
    wc.lpszClassName = "ApartmentWindowProgram"
    wc.style = win32con.CS_HREDRAW | win32con.CS_VREDRAW
    wc.lpfnWndProc = program.procedure()
    win32gui.RegisterClass(wc)

    program.hwnd = win32gui.CreateWindow(
        wc.lpszClassName,
        "Window program",
        win32con.WS_OVERLAPPEDWINDOW,
        win32con.CW_USEDEFAULT,
        win32con.CW_USEDEFAULT,
        400,
        300,
        0,
        0,
        instance,
        None,
    )
    print(
        f"created {win32gui.GetClassName(program.hwnd)!r}: {win32gui.GetWindowText(program.hwnd)!r}"
    )
    win32gui.ShowWindow(program.hwnd, win32con.SW_SHOWNORMAL)
    win32gui.UpdateWindow(program.hwnd)
    print(f"visible: {bool(win32gui.IsWindowVisible(program.hwnd))}")

    program.timer_id = timer.set_timer(PERIOD_MS, program.tick)
    while True:
        rc, msg = win32gui.GetMessage(None, 0, 0)
        if rc == 0:  # WM_QUIT
            break
        win32gui.TranslateMessage(msg)
        win32gui.DispatchMessage(msg)
    code: int = msg[2]
    print(f"the message loop ended: WM_QUIT with exit code {code}")
    print(f"the window is gone: {not win32gui.IsWindow(program.hwnd)}")
    win32gui.UnregisterClass(wc.lpszClassName, instance)
    return code


if __name__ == "__main__":
    sys.exit(main())
