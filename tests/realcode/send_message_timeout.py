"""Ask a window on another thread for an answer without hanging when that thread is busy.

Source: public GitHub files (tools that poke other windows, e.g. broadcasting a settings
change, and watchdogs that check a GUI still answers; search "win32gui SendMessageTimeout
SMTO_ABORTIFHUNG"), rewritten with their calls and their order: a window class whose
``lpfnWndProc`` answers ``WM_USER`` with ``wparam * 2``, ``CreateWindow`` with the
message-only parent ``HWND_MESSAGE`` on a thread that pumps with ``PumpMessages``,
``SendMessageTimeout(hwnd, WM_USER, 21, 0, SMTO_ABORTIFHUNG | SMTO_BLOCK, 1000)`` returning
``(rc, result)``, the same call while the window's thread is busy failing with ERROR_TIMEOUT,
and a window that is gone failing with ERROR_INVALID_WINDOW_HANDLE.
"""

import threading

import pywintypes
import win32api
import win32con
import win32event
import win32gui

WM_BUSY = win32con.WM_USER + 1


def main():
    busy_release = win32event.CreateEvent(None, True, False, None)
    busy_entered = win32event.CreateEvent(None, True, False, None)
    created = threading.Event()
    box = []

    def wndproc(hwnd, msg, wparam, lparam):
        if msg == win32con.WM_USER:
            return wparam * 2
        if msg == WM_BUSY:
            win32event.SetEvent(busy_entered)
            win32event.WaitForSingleObject(busy_release, 30000)
            return 0
        if msg == win32con.WM_CLOSE:
            win32gui.DestroyWindow(hwnd)
            return 0
        if msg == win32con.WM_DESTROY:
            win32gui.PostQuitMessage(0)
            return 0
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)

    def ui():
        wc = win32gui.WNDCLASS()
        wc.lpszClassName = "RealcodeSendTimeout"
        wc.lpfnWndProc = wndproc
        wc.hInstance = win32api.GetModuleHandle(None)
        atom = win32gui.RegisterClass(wc)
        hwnd = win32gui.CreateWindow(
            atom, "target", 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, wc.hInstance, None
        )
        box.append(hwnd)
        created.set()
        win32gui.PumpMessages()

    t = threading.Thread(target=ui)
    t.start()
    created.wait(30)
    hwnd = box[0]
    flags = win32con.SMTO_ABORTIFHUNG | win32con.SMTO_BLOCK
    print("answer:", win32gui.SendMessageTimeout(hwnd, win32con.WM_USER, 21, 0, flags, 1000))
    win32gui.PostMessage(hwnd, WM_BUSY, 0, 0)
    win32event.WaitForSingleObject(busy_entered, 30000)
    try:
        win32gui.SendMessageTimeout(hwnd, win32con.WM_USER, 1, 0, win32con.SMTO_NORMAL, 100)
        print("busy: answered")
    except pywintypes.error as error:
        print("busy:", error.winerror, error.funcname)
    win32event.SetEvent(busy_release)
    print("answer again:", win32gui.SendMessageTimeout(hwnd, win32con.WM_USER, 50, 0, flags, 5000))
    win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)
    t.join(30)
    print("window gone:", win32gui.IsWindow(hwnd))
    try:
        win32gui.SendMessageTimeout(hwnd, win32con.WM_USER, 1, 0, flags, 100)
    except pywintypes.error as error:
        print("gone:", error.winerror, error.funcname)
    print("done")


if __name__ == "__main__":
    main()
