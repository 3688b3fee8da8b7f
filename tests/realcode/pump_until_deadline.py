"""Pump waiting messages until a flag is set or a deadline passes, as COM event scripts do.

Source: the recipe of many public scripts that wait for COM or window events without
blocking (StackOverflow "pythoncom.PumpWaitingMessages in a loop with a timeout", GitHub
event-sink scripts: ``while not done and time.time() < end: pythoncom.PumpWaitingMessages();
time.sleep(0.01)``), rewritten with its calls in their order. The event source is a thread
that posts to a hidden window of the script's thread (its procedure sets the flag); a second
wait has no source and ends at its deadline; the last loop sees WM_QUIT, for which
PumpWaitingMessages returns 1.
"""

import threading
import time

import pythoncom
import win32api
import win32con
import win32gui

WM_DATA = win32con.WM_USER + 5
state = {"done": False, "got": []}


def wndproc(hwnd, msg, wparam, lparam):
    if msg == WM_DATA:
        state["got"].append(wparam)
        if wparam == 3:
            state["done"] = True
        return 0
    return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)


def wait_for_events(timeout):
    end = time.time() + timeout
    rounds = 0
    while not state["done"] and time.time() < end:
        rc = pythoncom.PumpWaitingMessages()
        if rc:
            return "quit"
        rounds += 1
        time.sleep(0.01)
    return "done" if state["done"] else "timed out"


def main():
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "RcPumpDeadline"
    wc.lpfnWndProc = wndproc
    win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindow(
        "RcPumpDeadline", "", 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, 0, None
    )

    def source():
        for n in (1, 2, 3):
            win32gui.PostMessage(hwnd, WM_DATA, n, 0)

    t = threading.Thread(target=source)
    t.start()
    print("first wait:", wait_for_events(30), state["got"])
    t.join()
    state["done"] = False
    started = time.time()
    print("second wait:", wait_for_events(0.3), round(time.time() - started, 1) >= 0.3)
    print("nothing waiting:", pythoncom.PumpWaitingMessages())
    win32api.PostThreadMessage(win32api.GetCurrentThreadId(), win32con.WM_QUIT, 0, 0)
    print("third wait:", wait_for_events(30))
    print("after quit:", pythoncom.PumpWaitingMessages())
    win32gui.DestroyWindow(hwnd)


if __name__ == "__main__":
    main()
