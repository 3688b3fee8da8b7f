"""A worker thread reports progress to the GUI thread's window with WM_APP messages.

Source: the pattern of public pywin32 GUI scripts and answers that keep a window responsive
during long work (search "win32gui PostMessage WM_APP worker thread progress wndproc
GetMessage TranslateMessage DispatchMessage"), rewritten with their calls in their order:
``RegisterClass`` with a ``lpfnWndProc`` dict of message handlers, ``CreateWindow``, a worker
``threading.Thread`` that calls ``win32gui.PostMessage(hwnd, WM_APP + 1, percent, item)`` and
``WM_APP + 2`` when it is done, the GUI thread's classic loop ``while True: rc, msg =
win32gui.GetMessage(None, 0, 0); if rc == 0: break; TranslateMessage(msg);
DispatchMessage(msg)``, and ``PostQuitMessage(exit_code)`` whose code comes back in the
``WM_QUIT`` message's ``wParam``. The worker waits for each progress message to be handled
(an event the procedure sets) before it goes on, so the log is in one order.
"""

import threading

import win32api
import win32con
import win32event
import win32gui

WM_PROGRESS = win32con.WM_APP + 1
WM_FINISHED = win32con.WM_APP + 2


class ProgressWindow:
    def __init__(self):
        self.log = []
        self.handled = win32event.CreateEvent(None, False, False, None)
        message_map = {
            WM_PROGRESS: self.on_progress,
            WM_FINISHED: self.on_finished,
            win32con.WM_DESTROY: self.on_destroy,
        }
        wc = win32gui.WNDCLASS()
        wc.hInstance = win32api.GetModuleHandle(None)
        wc.lpszClassName = "RealcodeProgressWindow"
        wc.lpfnWndProc = message_map
        self.atom = win32gui.RegisterClass(wc)
        self.hwnd = win32gui.CreateWindow(
            self.atom,
            "Progress",
            win32con.WS_OVERLAPPEDWINDOW,
            0,
            0,
            300,
            80,
            0,
            0,
            wc.hInstance,
            None,
        )

    def on_progress(self, hwnd, msg, wparam, lparam):
        self.log.append(f"{wparam}% item {lparam}")
        win32gui.SetWindowText(hwnd, f"Progress {wparam}%")
        win32event.SetEvent(self.handled)
        return 0

    def on_finished(self, hwnd, msg, wparam, lparam):
        self.log.append(f"finished with {wparam} items, title {win32gui.GetWindowText(hwnd)!r}")
        win32gui.DestroyWindow(hwnd)
        return 0

    def on_destroy(self, hwnd, msg, wparam, lparam):
        win32gui.PostQuitMessage(4)
        return 0


def worker(window, items):
    for index, item in enumerate(items, 1):
        win32gui.PostMessage(window.hwnd, WM_PROGRESS, index * 100 // len(items), item)
        win32event.WaitForSingleObject(window.handled, 30000)
    win32gui.PostMessage(window.hwnd, WM_FINISHED, len(items), 0)


def main():
    window = ProgressWindow()
    t = threading.Thread(target=worker, args=(window, [11, 22, 33, 44]))
    t.start()
    dispatched = 0
    while True:
        rc, msg = win32gui.GetMessage(None, 0, 0)
        if rc == 0:
            print("WM_QUIT:", msg[1] == win32con.WM_QUIT, "exit code", msg[2])
            break
        win32gui.TranslateMessage(msg)
        win32gui.DispatchMessage(msg)
        dispatched += msg[1] in (WM_PROGRESS, WM_FINISHED)
    t.join(30)
    for line in window.log:
        print(line)
    print("dispatched:", dispatched, "window gone:", win32gui.IsWindow(window.hwnd))
    win32gui.UnregisterClass(window.atom, win32api.GetModuleHandle(None))
    print("done")


if __name__ == "__main__":
    main()
