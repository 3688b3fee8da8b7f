"""Pump messages until another thread posts WM_QUIT to the main thread.

Source: public GitHub files (search index ids 2027961903, a ten-line script, and 47813869129, a
device monitor): ``main_thread_id = GetCurrentThreadId()``, a ``threading.Timer`` that calls
``PostThreadMessage(main_thread_id, WM_QUIT, 0, 0)``, ``pythoncom.PumpMessages()``; and a
listener thread whose loop is ``GetMessage(None, 0, 0)`` until a quit posted by its id. The
timer is a tenth of a second here, not five.

Wine differs: a post to an ended thread fails with 87 there; Windows says
ERROR_INVALID_THREAD_ID (1444), as we do.
"""

import threading

import pythoncom
import win32api
import win32con
import win32gui

main_thread_id = win32api.GetCurrentThreadId()


def on_timer():
    win32api.PostThreadMessage(main_thread_id, win32con.WM_QUIT, 0, 0)


def listener(ids, got):
    ids.append(win32api.GetCurrentThreadId())
    win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)
    ready.set()
    while True:
        result, msg = win32gui.GetMessage(None, 0, 0)
        if not result:
            got.append(("quit", msg[2]))
            return
        got.append((msg[1], msg[2], msg[3]))


ready = threading.Event()


def main():
    t = threading.Timer(0.1, on_timer)
    t.start()
    pythoncom.PumpMessages()
    print("pump returned")
    ids, got = [], []
    thread = threading.Thread(target=listener, args=(ids, got))
    thread.start()
    ready.wait(10)
    win32api.PostThreadMessage(ids[0], win32con.WM_USER + 1, 2, 3)
    win32api.PostThreadMessage(ids[0], win32con.WM_QUIT, 7, 0)
    thread.join(10)
    print(got)
    try:
        win32api.PostThreadMessage(ids[0], win32con.WM_QUIT, 0, 0)
    except win32api.error as error:
        print("post to an ended thread:", error.winerror, error.funcname)
    print("done")


if __name__ == "__main__":
    main()
