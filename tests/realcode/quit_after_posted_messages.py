"""What a message loop sees first: sent, posted, then WM_QUIT, and PeekMessage's filters.

Source: public answers explaining why messages posted after ``PostQuitMessage`` still arrive
(Raymond Chen's "WM_QUIT is generated, not posted" retold for pywin32; search "win32gui
PostQuitMessage PeekMessage PM_REMOVE loop order") and pywin32 loops of the form ``while
True: rc, msg = win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)``, rewritten with those
calls in their order: ``PostQuitMessage(5)`` first, then ``PostMessage`` to the thread's own
window and ``PostThreadMessage`` to the thread; the loop takes the posted ones first and the
quit last, with its exit code in ``wParam``; a ``PeekMessage`` with a filter range takes a
later message before earlier ones; a ``WM_QUIT`` sent by ``PostThreadMessage`` is an ordinary
posted message and comes in its turn.
"""

import win32api
import win32con
import win32gui

WM_A = win32con.WM_APP + 1
WM_B = win32con.WM_APP + 2
WM_C = win32con.WM_APP + 3


def name(msg):
    if msg == win32con.WM_QUIT:
        return "WM_QUIT"
    return f"WM_APP+{msg - win32con.WM_APP}"


def drain(label):
    got = []
    while True:
        rc, msg = win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)
        if not rc:
            break
        got.append((name(msg[1]), msg[2]))
        if msg[1] != win32con.WM_QUIT:
            win32gui.DispatchMessage(msg)
    print(label, got)


def main():
    calls = []

    def wndproc(hwnd, msg, wparam, lparam):
        if msg >= win32con.WM_APP:
            calls.append((name(msg), wparam))
            return 0
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)

    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "RealcodeQuitOrder"
    wc.lpfnWndProc = wndproc
    wc.hInstance = win32api.GetModuleHandle(None)
    atom = win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindow(
        atom, "", 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, wc.hInstance, None
    )
    tid = win32api.GetCurrentThreadId()

    win32gui.PostQuitMessage(5)
    win32gui.PostMessage(hwnd, WM_A, 1, 0)
    win32api.PostThreadMessage(tid, WM_B, 2, 0)
    print("sent while quit pending:", win32gui.SendMessage(hwnd, WM_C, 3, 0), calls)
    drain("first loop:")

    win32gui.PostMessage(hwnd, WM_A, 10, 0)
    win32gui.PostMessage(hwnd, WM_B, 20, 0)
    win32gui.PostMessage(hwnd, WM_C, 30, 0)
    rc, msg = win32gui.PeekMessage(hwnd, WM_C, WM_C, win32con.PM_REMOVE)
    print("filtered first:", rc, name(msg[1]), msg[2])
    rc, msg = win32gui.PeekMessage(hwnd, WM_B, WM_C, win32con.PM_NOREMOVE)
    print("peeked, not removed:", rc, name(msg[1]), msg[2])
    drain("rest:")

    win32api.PostThreadMessage(tid, WM_A, 100, 0)
    win32api.PostThreadMessage(tid, win32con.WM_QUIT, 7, 0)
    win32api.PostThreadMessage(tid, WM_B, 200, 0)
    drain("posted quit keeps its place:")
    print("calls:", calls)
    win32gui.DestroyWindow(hwnd)
    print("done")


if __name__ == "__main__":
    main()
