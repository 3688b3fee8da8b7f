"""Message loops with filters: what GetMessage/PeekMessage take, and WM_QUIT's exceptions.

Source: public pywin32 loops and the answers that explain their surprises (search
"win32gui.GetMessage filter WM_QUIT always retrieved", "PostMessage(0, ...) thread message
hwnd NULL", "PM_QS_POSTMESSAGE PeekMessage pywin32"), rewritten with their calls in their
order: ``win32gui.PostMessage(0, msg, ...)`` puts a thread message on the caller's own
queue (hwnd 0), as ``PostThreadMessage`` does; ``SendMessage(0, ...)`` returns 0 (pywin32
raises nothing for it) and a post to a destroyed window fails with
ERROR_INVALID_WINDOW_HANDLE (1400); ``GetMessage`` with a range that leaves ``WM_QUIT`` out
still returns it (0) for a quit from ``PostQuitMessage`` (a posted ``WM_QUIT`` is an
ordinary message: ``GetMessage`` returns 0 for it too, with its window); ``PeekMessage``
with ``PM_QS_POSTMESSAGE`` takes posted messages only; ``PeekMessage(hwnd, ...)`` leaves
thread messages where they are.
"""

import pywintypes
import win32api
import win32con
import win32gui

WM_A = win32con.WM_APP + 1
WM_B = win32con.WM_APP + 2
PM_QS_POSTMESSAGE = 0x980000  # winuser.h; pywin32's win32con does not name it


def attempt(label, fn, *args):
    try:
        print(label, "ok", fn(*args))
    except pywintypes.error as e:
        print(label, "failed", e.winerror, e.funcname)


def make_window():
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "RealcodeFiltersAndQuit"
    wc.lpfnWndProc = {}
    wc.hInstance = win32api.GetModuleHandle(None)
    atom = win32gui.RegisterClass(wc)
    return atom, win32gui.CreateWindow(
        atom, "", 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, wc.hInstance, None
    )


def main():
    atom, hwnd = make_window()
    win32gui.PostMessage(0, WM_A, 1, 2)
    rc, msg = win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)
    print("PostMessage(0):", rc, msg[0], msg[1] == WM_A, msg[2], msg[3])
    attempt("SendMessage(0):", win32gui.SendMessage, 0, WM_A, 0, 0)

    win32api.PostThreadMessage(win32api.GetCurrentThreadId(), WM_B, 3, 0)
    win32gui.PostMessage(hwnd, WM_A, 4, 0)
    rc, msg = win32gui.PeekMessage(hwnd, 0, 0, win32con.PM_REMOVE)
    print("window filter takes:", rc, msg[0] == hwnd, msg[2])
    rc, msg = win32gui.PeekMessage(hwnd, 0, 0, win32con.PM_REMOVE)
    print("window filter again:", rc)
    rc, msg = win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE | PM_QS_POSTMESSAGE)
    print("posted only:", rc, msg[1] == WM_B, msg[2])

    win32gui.PostQuitMessage(6)
    win32gui.PostMessage(hwnd, WM_B, 5, 0)
    rc, msg = win32gui.GetMessage(None, WM_A, WM_A)
    print("range without the quit or WM_B:", rc, msg[1] == win32con.WM_QUIT, msg[2])
    rc, msg = win32gui.GetMessage(None, 0, 0)
    print("then:", rc, msg[1] == WM_B, msg[2])

    win32gui.PostMessage(hwnd, win32con.WM_QUIT, 8, 0)
    rc, msg = win32gui.GetMessage(None, 0, 0)
    print("posted WM_QUIT:", rc, msg[0] == hwnd, msg[2])

    win32gui.DestroyWindow(hwnd)
    attempt("post to destroyed window:", win32gui.PostMessage, hwnd, WM_A, 0, 0)
    win32gui.UnregisterClass(atom, win32api.GetModuleHandle(None))
    print("done")


if __name__ == "__main__":
    main()
