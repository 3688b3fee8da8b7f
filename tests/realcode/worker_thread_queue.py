"""Post work to a thread's message queue, which exists only once the thread asks for it.

Source: public GitHub files (worker threads driven by ``PostThreadMessage``; search
"win32api PostThreadMessage PeekMessage PM_NOREMOVE create message queue GetMessage"),
rewritten with their calls and their order: the worker first calls ``PeekMessage(None, 0, 0,
PM_NOREMOVE)`` so it has a queue, signals it is ready, then loops on ``GetMessage(None, 0,
0)`` until it returns 0; the main thread posts ``WM_USER`` messages with ``wParam``/``lParam``
and ends it with ``PostQuitMessage`` sent as a custom message the worker answers with
``PostQuitMessage(code)`` (a message it posts itself after that still comes before WM_QUIT).
A post before the queue exists fails with ERROR_INVALID_THREAD_ID.

Wine differs: a post to an ended thread fails with 87 there; Windows says
ERROR_INVALID_THREAD_ID (1444), as we do.
"""

import threading

import pywintypes
import win32api
import win32con
import win32event
import win32gui

WM_JOB = win32con.WM_USER + 1
WM_STOP = win32con.WM_USER + 2


def main():
    ready = win32event.CreateEvent(None, True, False, None)
    may_start = threading.Event()
    tid_box = []
    results = []

    def worker():
        tid_box.append(win32api.GetCurrentThreadId())
        may_start.wait(30)
        win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)
        win32event.SetEvent(ready)
        while True:
            rc, msg = win32gui.GetMessage(None, 0, 0)
            if rc == 0:
                results.append(("quit", msg[1] == win32con.WM_QUIT, msg[2]))
                break
            if msg[1] == WM_JOB:
                results.append(("job", msg[2], msg[3]))
            elif msg[1] == WM_STOP:
                win32gui.PostQuitMessage(msg[2])
                win32api.PostThreadMessage(win32api.GetCurrentThreadId(), WM_JOB, 99, 0)

    t = threading.Thread(target=worker)
    t.start()
    while not tid_box:
        pass
    tid = tid_box[0]
    try:
        win32api.PostThreadMessage(tid, WM_JOB, 0, 0)
        print("early post: accepted")
    except pywintypes.error as error:
        print("early post:", error.winerror, error.funcname)
    may_start.set()
    print("ready:", win32event.WaitForSingleObject(ready, 30000))
    for n in range(1, 4):
        win32api.PostThreadMessage(tid, WM_JOB, n, n * 10)
    win32api.PostThreadMessage(tid, WM_STOP, 42, 0)
    t.join(30)
    print("results:", results)
    try:
        win32api.PostThreadMessage(tid, WM_JOB, 0, 0)
    except pywintypes.error as error:
        print("after the thread ended:", error.winerror)
    win32api.CloseHandle(ready)
    print("done")


if __name__ == "__main__":
    main()
