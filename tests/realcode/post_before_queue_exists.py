"""Post to a worker thread before and after it has a message queue: the PeekMessage idiom.

Source: the idiom of Microsoft's PostThreadMessage page as pywin32 users reproduce it in
public answers and gists (search "PostThreadMessage fails 1444 PeekMessage PM_NOREMOVE
create message queue win32gui"): the worker calls ``win32gui.PeekMessage(None, 0, 0,
PM_NOREMOVE)`` to make its queue, then sets an event the poster waits on; the poster calls
``win32api.PostThreadMessage(tid, WM_APP + n, wparam, lparam)``; the worker loops on
``win32gui.GetMessage(None, 0, 0)`` until it returns 0 for ``WM_QUIT``. A post made before the
worker touched user32 fails with ERROR_INVALID_THREAD_ID (1444): a thread has no queue until
its first window-manager call.
"""

import threading

import pywintypes
import win32api
import win32con
import win32event
import win32gui

WM_JOB = win32con.WM_APP + 1


def main():
    may_make_queue = win32event.CreateEvent(None, True, False, None)
    queue_ready = win32event.CreateEvent(None, True, False, None)
    box = {}
    seen = []

    def worker():
        box["tid"] = win32api.GetCurrentThreadId()
        win32event.SetEvent(box["started"])
        win32event.WaitForSingleObject(may_make_queue, 30000)
        win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)
        win32event.SetEvent(queue_ready)
        while True:
            rc, msg = win32gui.GetMessage(None, 0, 0)
            if rc == 0:
                seen.append(("quit", msg[2]))
                break
            seen.append((msg[1] - win32con.WM_APP, msg[2], msg[3]))

    box["started"] = win32event.CreateEvent(None, True, False, None)
    t = threading.Thread(target=worker)
    t.start()
    win32event.WaitForSingleObject(box["started"], 30000)
    tid = box["tid"]
    try:
        win32api.PostThreadMessage(tid, WM_JOB, 1, 2)
        print("early post: accepted")
    except pywintypes.error as e:
        print("early post:", e.winerror, e.funcname)
    win32event.SetEvent(may_make_queue)
    win32event.WaitForSingleObject(queue_ready, 30000)
    for n in range(3):
        win32api.PostThreadMessage(tid, WM_JOB, n, n * 10)
    win32api.PostThreadMessage(tid, win32con.WM_QUIT, 9, 0)
    t.join(30)
    print("worker saw:", seen)
    try:
        win32api.PostThreadMessage(tid, WM_JOB, 0, 0)
        print("post after end: accepted")
    except pywintypes.error as e:
        print("post after end: failed", e.funcname)
    print("done")


if __name__ == "__main__":
    main()
