"""Close another program's window by its title and wait for the program to end, as kill scripts do.

Source: public GitHub "close app by window title" scripts (``hwnd = win32gui.FindWindow(None,
title)``, ``win32gui.GetClassName``, ``win32process.GetWindowThreadProcessId(hwnd)`` for the
pid, ``win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)``, then ``OpenProcess(SYNCHRONIZE |
PROCESS_QUERY_INFORMATION, False, pid)`` and ``WaitForSingleObject(handle, timeout)``, the exit
code from ``GetExitCodeProcess``), rewritten with those calls in that order. The other program
is this file started again with ``CreateProcess``: it makes a window and pumps until
WM_DESTROY posts its quit, then exits with the code WM_CLOSE chose.
"""

import sys
import time

import win32api
import win32con
import win32event
import win32gui
import win32process

TITLE = "Untitled - RcNotepad"


def app():
    def proc(hwnd, msg, wparam, lparam):
        if msg == win32con.WM_CLOSE:
            win32gui.DestroyWindow(hwnd)
            return 0
        if msg == win32con.WM_DESTROY:
            win32gui.PostQuitMessage(7)
            return 0
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)

    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "RcNotepad"
    wc.lpfnWndProc = proc
    win32gui.RegisterClass(wc)
    win32gui.CreateWindow(
        "RcNotepad",
        TITLE,
        win32con.WS_OVERLAPPEDWINDOW | win32con.WS_VISIBLE,
        0,
        0,
        300,
        200,
        0,
        0,
        0,
        None,
    )
    win32gui.PumpMessages()
    return 7


def find(title, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        hwnd = win32gui.FindWindow(None, title)
        if hwnd:
            return hwnd
        time.sleep(0.05)
    return 0


def main():
    print("before start:", win32gui.FindWindow(None, TITLE))
    cmd = f'"{sys.executable}" "{__file__}" app'
    h_process, h_thread, pid, _ = win32process.CreateProcess(
        None, cmd, None, None, False, 0, None, None, win32process.STARTUPINFO()
    )
    hwnd = find(TITLE)
    print("found:", hwnd != 0, win32gui.GetClassName(hwnd), win32gui.GetWindowText(hwnd))
    tid, found_pid = win32process.GetWindowThreadProcessId(hwnd)
    print(
        "its pid is the child's:",
        found_pid == pid,
        "thread is not mine:",
        tid != win32api.GetCurrentThreadId(),
    )
    handle = win32api.OpenProcess(
        win32con.SYNCHRONIZE | win32con.PROCESS_QUERY_INFORMATION, False, found_pid
    )
    win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)
    rc = win32event.WaitForSingleObject(handle, 60000)
    print(
        "ended:",
        rc == win32event.WAIT_OBJECT_0,
        "exit code:",
        win32process.GetExitCodeProcess(handle),
    )
    print("window gone:", win32gui.IsWindow(hwnd) == 0, win32gui.FindWindow(None, TITLE))
    try:
        win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)
    except win32gui.error as error:
        print("post to a gone window:", error.winerror, error.funcname)
    for h in (handle, h_thread, h_process):
        win32api.CloseHandle(h)


if __name__ == "__main__":
    if sys.argv[1:] == ["app"]:
        sys.exit(app())
    main()
