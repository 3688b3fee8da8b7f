"""Threads watched through their handles: STILL_ACTIVE, exit codes, OpenThread by id.

Source: public GitHub files that monitor worker threads by handle
(``win32process.GetExitCodeThread(handle) == win32con.STILL_ACTIVE`` in a poll loop;
``win32api.OpenThread(THREAD_QUERY_INFORMATION, False, tid)`` for a thread id another part
of the program logged; ``win32api.GetCurrentThreadId()`` against ``threading.get_ident``'s
native id; search "GetExitCodeThread(" "STILL_ACTIVE"). The threads are
``win32process.beginthreadex`` ones, so their function's return value is their exit code.
"""

import threading

import pywintypes
import win32api
import win32con
import win32event
import win32process


def main():
    release = threading.Event()
    ids = []

    def work(code):
        ids.append(win32api.GetCurrentThreadId())
        release.wait(10)
        return code

    handle, tid = win32process.beginthreadex(None, 0, work, (7,), 0)
    code = win32process.GetExitCodeThread(handle)
    print("running:", code == win32con.STILL_ACTIVE, code)
    opened = win32api.OpenThread(
        win32con.THREAD_QUERY_INFORMATION | win32con.SYNCHRONIZE, False, tid
    )
    print("wait:", win32event.WaitForSingleObject(opened, 0) == win32event.WAIT_TIMEOUT)
    release.set()
    print("ended:", win32event.WaitForSingleObject(opened, 10000) == win32event.WAIT_OBJECT_0)
    print(
        "exit code:", win32process.GetExitCodeThread(handle), win32process.GetExitCodeThread(opened)
    )
    print("its id:", ids == [tid])
    print("main id:", win32api.GetCurrentThreadId() == threading.get_native_id())
    print("priority:", win32process.GetThreadPriority(win32api.GetCurrentThread()))
    win32api.CloseHandle(opened)
    win32api.CloseHandle(handle)
    h2, tid2 = win32process.beginthreadex(None, 0, lambda: None, (), win32process.CREATE_SUSPENDED)
    print("suspended:", win32process.GetExitCodeThread(h2) == win32con.STILL_ACTIVE)
    print("resume:", win32process.ResumeThread(h2))
    win32event.WaitForSingleObject(h2, 10000)
    print("None returns:", win32process.GetExitCodeThread(h2))
    try:
        win32api.OpenThread(win32con.THREAD_QUERY_INFORMATION, False, 0)
    except pywintypes.error as e:
        print("thread 0:", e.winerror, e.funcname)
    print("done")


if __name__ == "__main__":
    main()
