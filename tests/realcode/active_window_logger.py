"""Log which window is in the foreground, and its process, when it changes, as activity trackers do.

Source: public GitHub "active window" trackers (a loop over ``GetForegroundWindow()``,
``GetWindowText(hwnd)`` and ``win32process.GetWindowThreadProcessId(hwnd)`` for the pid, a
line printed when the window changes, ``time.sleep`` between polls), rewritten with those calls
in that order. The driver is the user: a thread that owns two top-level windows and brings one
then the other to the front with ``SetForegroundWindow`` when the logger asks, instead of
clicks; the logger polls until it sees each change, from whatever was in front when it began
(Windows activates the last window shown at creation; here showing does not activate, see
docs/differences-from-windows.md, "Activation, focus and input").
"""

import os
import threading
import time

import win32api
import win32con
import win32gui
import win32process

WM_ACTIVATE_NEXT = win32con.WM_USER + 20
made = {}
ready = threading.Event()


def user_thread():
    def proc(hwnd, msg, wparam, lparam):
        if msg == WM_ACTIVATE_NEXT:
            win32gui.SetForegroundWindow(made[wparam])
            return 0
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)

    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "RcTrackedWindow"
    wc.lpfnWndProc = proc
    win32gui.RegisterClass(wc)
    style = win32con.WS_OVERLAPPEDWINDOW | win32con.WS_VISIBLE
    for n, title in enumerate(("Report.docx - Editor", "Inbox - Mail")):
        made[n] = win32gui.CreateWindow(
            "RcTrackedWindow", title, style, 10 * n, 10 * n, 200, 200, 0, 0, 0, None
        )
    ready.set()
    win32gui.PumpMessages()


def poll_until_changed(last, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        hwnd = win32gui.GetForegroundWindow()
        if hwnd != last and hwnd in made.values():
            return hwnd
        time.sleep(0.02)
    return None


def main():
    t = threading.Thread(target=user_thread)
    t.start()
    ready.wait(30)
    last = win32gui.GetForegroundWindow()
    log = []
    for n in (0, 1, 0):
        win32gui.PostMessage(made[0], WM_ACTIVATE_NEXT, n, 0)
        hwnd = poll_until_changed(last)
        if hwnd is None:
            log.append("no change seen")
            continue
        title = win32gui.GetWindowText(hwnd)
        tid, pid = win32process.GetWindowThreadProcessId(hwnd)
        log.append((title, pid == os.getpid(), tid == t.native_id))
        last = hwnd
    for row in log:
        print("active:", row)
    print("foreground is a window:", win32gui.IsWindow(win32gui.GetForegroundWindow()))
    win32api.PostThreadMessage(t.native_id, win32con.WM_QUIT, 0, 0)
    t.join(30)
    for hwnd in made.values():
        print("left behind:", win32gui.IsWindow(hwnd))


if __name__ == "__main__":
    main()
