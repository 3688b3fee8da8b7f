"""List the windows a process's threads own, with their rectangles, as window-locating helpers do.

Source: public GitHub helpers that find "the main window of a pid" (``EnumWindows`` with a
callback that compares ``win32process.GetWindowThreadProcessId(hwnd)[1]`` with the pid and
keeps the ``IsWindowVisible`` ones) and that list a thread's windows
(``EnumThreadWindows(tid, callback, extra)``), then ``GetWindowRect``, ``GetClientRect``,
``MoveWindow`` and ``GetWindowText``; rewritten with those calls in that order. The driver
makes two threads with windows of their own (one visible and one hidden each) that pump until
told to quit. The client area's size is printed only as no bigger than the window: here a window
has no frame (docs/differences-from-windows.md, "The frame"). Windows and Wine give each thread
with windows a hidden "Default IME" window (class ``IME``), which this library does not make:
the program leaves windows of that class out.
"""

import os
import threading

import win32api
import win32con
import win32gui
import win32process

threads = {}
ready = threading.Barrier(3)


def window_thread(name):
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "RcThreadWin" + name
    wc.lpfnWndProc = {}
    win32gui.RegisterClass(wc)
    win32gui.CreateWindow(
        wc.lpszClassName,
        name + " main",
        win32con.WS_OVERLAPPEDWINDOW | win32con.WS_VISIBLE,
        100,
        50,
        400,
        300,
        0,
        0,
        0,
        None,
    )
    win32gui.CreateWindow(
        wc.lpszClassName,
        name + " helper",
        win32con.WS_OVERLAPPEDWINDOW,
        0,
        0,
        10,
        10,
        0,
        0,
        0,
        None,
    )
    threads[name] = win32api.GetCurrentThreadId()
    ready.wait(30)
    win32gui.PumpMessages()


def get_hwnds_for_pid(pid):
    def callback(hwnd, hwnds):
        if win32gui.IsWindowVisible(hwnd) and win32gui.IsWindowEnabled(hwnd):
            _, found_pid = win32process.GetWindowThreadProcessId(hwnd)
            if found_pid == pid and win32gui.GetClassName(hwnd).startswith("RcThreadWin"):
                hwnds.append(hwnd)
        return True

    hwnds = []
    win32gui.EnumWindows(callback, hwnds)
    return hwnds


def list_thread_window(hwnd, found):
    if win32gui.GetClassName(hwnd) != "IME":  # the thread's default IME window
        found.append(win32gui.GetWindowText(hwnd))
    return True


def main():
    workers = [threading.Thread(target=window_thread, args=(n,)) for n in ("A", "B")]
    for w in workers:
        w.start()
    ready.wait(30)
    hwnds = get_hwnds_for_pid(os.getpid())
    print("visible windows of my pid:", sorted(win32gui.GetWindowText(h) for h in hwnds))
    for name in ("A", "B"):
        found = []
        win32gui.EnumThreadWindows(threads[name], list_thread_window, found)
        print("thread", name, "owns:", sorted(found))
    main_a = win32gui.FindWindow(None, "A main")
    print("window rect:", win32gui.GetWindowRect(main_a))
    left, top, right, bottom = win32gui.GetClientRect(main_a)
    print(
        "client starts at 0,0:",
        (left, top) == (0, 0),
        "no bigger than the window:",
        right <= 400 and bottom <= 300,
    )
    win32gui.MoveWindow(main_a, 10, 20, 300, 200, True)
    print("moved:", win32gui.GetWindowRect(main_a))
    for name in ("A", "B"):
        win32api.PostThreadMessage(threads[name], win32con.WM_QUIT, 0, 0)
    for w in workers:
        w.join(30)
    print("gone with their threads:", win32gui.IsWindow(main_a) == 0)


if __name__ == "__main__":
    main()
