"""The messages a window procedure sees from creation to WM_QUIT, and the errors around it.

Source: public GitHub win32gui programs with a hand-written message loop (search
"win32gui.GetMessage(None, 0, 0)" "TranslateMessage" "DispatchMessage" "WM_CREATE" "return
-1" "PostQuitMessage(") rewritten with their calls and their order: a procedure that logs
WM_NCCREATE, WM_CREATE, WM_CLOSE, WM_DESTROY and WM_NCDESTROY (and lets DefWindowProc do the
rest); ``CreateWindow``; ``PostMessage(hwnd, WM_CLOSE)``; the ``while True: rc, msg =
GetMessage(None, 0, 0)`` loop ending on rc 0 with WM_QUIT's exit code in ``msg[2]``; then
what fails: ``PostMessage`` to the destroyed window (ERROR_INVALID_WINDOW_HANDLE), a class
whose WM_CREATE returns -1, ``PostThreadMessage`` to a thread that has ended
(ERROR_INVALID_THREAD_ID), ``UnregisterClass`` of a class whose window lives
(ERROR_CLASS_HAS_WINDOWS). pywin32 attaches a class's Python procedure once CreateWindow
returns, so it sees neither WM_NCCREATE nor WM_CREATE: the -1 refuses nothing and that
window is made.

Where Wine is not Windows: Wine answers a thread id that names no thread with
ERROR_INVALID_PARAMETER (87), Windows with ERROR_INVALID_THREAD_ID (1444, PostThreadMessage's
documented error), as here; Wine's text for 1412 is "Class has open windows.", Windows'
"Class still has open windows.".
"""

import threading

import pywintypes
import win32api
import win32con
import win32gui

NAMES = {
    win32con.WM_NCCREATE: "WM_NCCREATE",
    win32con.WM_CREATE: "WM_CREATE",
    win32con.WM_CLOSE: "WM_CLOSE",
    win32con.WM_DESTROY: "WM_DESTROY",
    win32con.WM_NCDESTROY: "WM_NCDESTROY",
    win32con.WM_USER: "WM_USER",
}
log = []


def wnd_proc(hwnd, msg, wparam, lparam):
    if msg in NAMES:
        log.append(NAMES[msg])
    if msg == win32con.WM_USER:
        return wparam + 1
    if msg == win32con.WM_DESTROY:
        win32gui.PostQuitMessage(7)
        return 0
    return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)


def refusing_proc(hwnd, msg, wparam, lparam):
    if msg == win32con.WM_CREATE:
        return -1
    return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)


def register(name, proc):
    wc = win32gui.WNDCLASS()
    wc.hInstance = win32api.GetModuleHandle(None)
    wc.lpszClassName = name
    wc.lpfnWndProc = proc
    return win32gui.RegisterClass(wc)


def main():
    atom = register("RealcomLifecycle", wnd_proc)
    hwnd = win32gui.CreateWindow(
        atom,
        "life",
        win32con.WS_OVERLAPPEDWINDOW,
        0,
        0,
        100,
        100,
        0,
        0,
        win32api.GetModuleHandle(None),
        None,
    )
    print("after create:", log)
    print("send WM_USER:", win32gui.SendMessage(hwnd, win32con.WM_USER, 41, 0))
    win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)
    while True:
        rc, msg = win32gui.GetMessage(None, 0, 0)
        if rc == 0:
            print("quit: rc", rc, "message", msg[1] == win32con.WM_QUIT, "code", msg[2])
            break
        win32gui.TranslateMessage(msg)
        win32gui.DispatchMessage(msg)
    print("log:", log)
    print("is window:", win32gui.IsWindow(hwnd))
    try:
        win32gui.PostMessage(hwnd, win32con.WM_USER, 0, 0)
    except pywintypes.error as error:
        print("post to destroyed:", error.winerror, error.funcname)
    refusing = register("RealcomRefusing", refusing_proc)
    try:
        kept = win32gui.CreateWindow(refusing, "no", 0, 0, 0, 0, 0, 0, 0, 0, None)
        print("refused window: created, is window", win32gui.IsWindow(kept))
    except pywintypes.error as error:
        print("refused window:", error.winerror, error.funcname)
    ended = threading.Thread(target=lambda: None)
    ended.start()
    ended.join()
    try:
        win32api.PostThreadMessage(ended.native_id, win32con.WM_USER, 0, 0)
    except pywintypes.error as error:
        print("post to ended thread:", error.winerror, error.funcname)
    win32gui.UnregisterClass(atom, win32api.GetModuleHandle(None))
    try:
        win32gui.UnregisterClass(refusing, win32api.GetModuleHandle(None))
    except pywintypes.error as error:
        print("unregister with a live window:", error.winerror, error.funcname, error.strerror)
    win32gui.DestroyWindow(kept)
    win32gui.UnregisterClass(refusing, win32api.GetModuleHandle(None))
    print("unregistered once destroyed")
    print("done")


if __name__ == "__main__":
    main()
