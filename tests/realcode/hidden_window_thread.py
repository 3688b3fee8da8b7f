"""A hidden window on a thread of its own, fed by other threads, ended by WM_CLOSE.

Source: public GitHub files (device and power notification listeners, a desktop painter;
search index ids 47813869129 and 41260855638), rewritten with their calls and their order:
``WNDCLASS`` with ``lpfnWndProc`` a dict of message handlers, ``hInstance`` from
``GetModuleHandle(None)``, ``RegisterClass``, ``CreateWindow(atom, title, 0, 0, 0, 0, 0, 0,
0, hinst, None)``, ``UpdateWindow``; the thread runs ``PumpMessages``; others ``PostMessage``
and ``SendMessage``; WM_CLOSE destroys it and WM_DESTROY posts the quit.

The oracle cannot answer: Wine there has no display, and CreateWindow of a top-level window
returns 0 (then UpdateWindow fails with 1400). Windows makes the window; the expected output
is what the same program does with the window made: with a message-only parent
(HWND_MESSAGE) Wine prints the same lines, but for FindWindow, which finds it there.
"""

import threading

import win32api
import win32con
import win32gui

WM_APP_PING = win32con.WM_APP + 5
log = []


def on_ping(hwnd, msg, wparam, lparam):
    log.append(("ping", wparam, lparam, threading.current_thread().name))
    return wparam + lparam


def on_close(hwnd, msg, wparam, lparam):
    log.append(("close",))
    win32gui.DestroyWindow(hwnd)
    return 0


def on_destroy(hwnd, msg, wparam, lparam):
    log.append(("destroy",))
    win32gui.PostQuitMessage(0)
    return 0


def window_thread(created):
    wc = win32gui.WNDCLASS()
    hinst = wc.hInstance = win32api.GetModuleHandle(None)
    wc.lpszClassName = "RealcodeHiddenWindow"
    wc.lpfnWndProc = {
        WM_APP_PING: on_ping,
        win32con.WM_CLOSE: on_close,
        win32con.WM_DESTROY: on_destroy,
    }
    atom = win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindow(atom, "hidden", 0, 0, 0, 0, 0, 0, 0, hinst, None)
    win32gui.UpdateWindow(hwnd)
    created.append(hwnd)
    ready.set()
    win32gui.PumpMessages()
    log.append(("pump ended",))
    win32gui.UnregisterClass(atom, hinst)


ready = threading.Event()


def main():
    created = []
    thread = threading.Thread(target=window_thread, args=(created,), name="window")
    thread.start()
    ready.wait(10)
    hwnd = created[0]
    print("found by class:", win32gui.FindWindow("RealcodeHiddenWindow", None) == hwnd)
    print("visible:", win32gui.IsWindowVisible(hwnd))
    print("sent:", win32gui.SendMessage(hwnd, WM_APP_PING, 2, 3))
    win32gui.PostMessage(hwnd, WM_APP_PING, 4, 5)
    win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)
    thread.join(10)
    for entry in log:
        print(*entry)
    print("window gone:", win32gui.IsWindow(hwnd))
    print("done")


if __name__ == "__main__":
    main()
