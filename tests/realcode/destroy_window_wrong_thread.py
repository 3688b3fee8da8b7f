"""Close a window that another thread owns: DestroyWindow refuses, WM_CLOSE works.

Source: public answers to "DestroyWindow access denied from another thread" for pywin32
(search "win32gui.DestroyWindow error 5 access denied thread PostMessage WM_CLOSE"), rewritten
with their calls in their order: a worker thread creates and pumps a window; the main thread
reads its owner with ``GetWindowThreadProcessId``, tries ``win32gui.DestroyWindow(hwnd)``,
which fails with ERROR_ACCESS_DENIED (5) as only the owner may destroy a window, changes its
text with ``SetWindowText`` (a message sent to the owner), then ``PostMessage(hwnd,
WM_CLOSE)``; the owner's ``DefWindowProc`` destroys it, ``WM_DESTROY`` posts the quit, the
thread ends and ``IsWindow`` says 0.
"""

import os
import threading

import pywintypes
import win32api
import win32con
import win32event
import win32gui
import win32process


def main():
    ready = win32event.CreateEvent(None, True, False, None)
    box = {}
    seen = []

    def wndproc(hwnd, msg, wparam, lparam):
        if msg == win32con.WM_SETTEXT:
            seen.append(f"WM_SETTEXT on owner: {win32api.GetCurrentThreadId() == box['tid']}")
        elif msg == win32con.WM_CLOSE:
            seen.append("WM_CLOSE")
        elif msg == win32con.WM_DESTROY:
            seen.append("WM_DESTROY")
            win32gui.PostQuitMessage(0)
            return 0
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)

    def owner():
        box["tid"] = win32api.GetCurrentThreadId()
        wc = win32gui.WNDCLASS()
        wc.lpszClassName = "RealcodeWrongThreadDestroy"
        wc.lpfnWndProc = wndproc
        wc.hInstance = win32api.GetModuleHandle(None)
        atom = win32gui.RegisterClass(wc)
        box["hwnd"] = win32gui.CreateWindow(
            atom, "before", win32con.WS_OVERLAPPEDWINDOW, 0, 0, 100, 100, 0, 0, wc.hInstance, None
        )
        win32event.SetEvent(ready)
        win32gui.PumpMessages()

    t = threading.Thread(target=owner)
    t.start()
    win32event.WaitForSingleObject(ready, 30000)
    hwnd = box["hwnd"]
    tid, pid = win32process.GetWindowThreadProcessId(hwnd)
    print("owner is the worker:", tid == box["tid"], pid == os.getpid())
    try:
        win32gui.DestroyWindow(hwnd)
        print("destroyed from main")
    except pywintypes.error as e:
        print("DestroyWindow:", e.winerror, e.funcname)
    print("still a window:", win32gui.IsWindow(hwnd))
    win32gui.SetWindowText(hwnd, "after")
    print("text:", win32gui.GetWindowText(hwnd))
    win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)
    t.join(30)
    print("thread ended:", not t.is_alive())
    print("seen:", seen)
    print("window gone:", win32gui.IsWindow(hwnd))
    print("done")


if __name__ == "__main__":
    main()
