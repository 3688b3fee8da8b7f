"""A message-only window (parent HWND_MESSAGE): found by FindWindowEx, hidden from EnumWindows.

Source: public GitHub IPC helpers and clipboard listeners that make a window with
``win32gui.CreateWindowEx(0, cls, name, 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, hinst,
None)`` so it only receives messages, and a second process or thread finding it with
``win32gui.FindWindowEx(win32con.HWND_MESSAGE, 0, cls, None)`` and posting to it; rewritten
with those calls: the finder runs on another thread, ``FindWindow`` (top-level windows only)
does not see it, and a ``WM_CLOSE`` posted by the finder ends the owner's ``PumpMessages``.
"""

import threading

import win32api
import win32con
import win32gui

CLASS = "RealcodeMessageOnly"
WM_PING = win32con.WM_APP + 5
log = []


def wndproc(hwnd, msg, wparam, lparam):
    if msg == WM_PING:
        log.append(("ping", wparam, lparam))
        return 0
    if msg == win32con.WM_CLOSE:
        win32gui.DestroyWindow(hwnd)
        return 0
    if msg == win32con.WM_DESTROY:
        win32gui.PostQuitMessage(0)
        return 0
    return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)


def finder(results):
    hwnd = win32gui.FindWindowEx(win32con.HWND_MESSAGE, 0, CLASS, None)
    results.append(("found", hwnd != 0))
    results.append(("FindWindow sees it", win32gui.FindWindow(CLASS, None) != 0))
    listed = []

    def collect(h, extra):
        listed.append(h)
        return True

    win32gui.EnumWindows(collect, None)
    results.append(("listed by EnumWindows", hwnd in listed))
    win32gui.PostMessage(hwnd, WM_PING, 7, 8)
    win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)


def main():
    wc = win32gui.WNDCLASS()
    wc.hInstance = win32api.GetModuleHandle(None)
    wc.lpszClassName = CLASS
    wc.lpfnWndProc = wndproc
    atom = win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindowEx(
        0, atom, "listener", 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, wc.hInstance, None
    )
    print("parent is none:", win32gui.GetParent(hwnd) == 0)
    print("visible:", bool(win32gui.IsWindowVisible(hwnd)))
    results = []
    thread = threading.Thread(target=finder, args=(results,))
    thread.start()
    thread.join(10)
    for name, value in results:
        print(name + ":", value)
    win32gui.PumpMessages()
    print("log:", log)
    print("gone:", not win32gui.IsWindow(hwnd))
    win32gui.UnregisterClass(atom, wc.hInstance)


main()
