"""Pause and resume a worker thread, check it is still running, and read its exit code.

Source: public GitHub files (game bots and download managers with a "pause" button; search
"win32process SuspendThread ResumeThread beginthreadex GetExitCodeThread STILL_ACTIVE"),
rewritten with their calls and their order: ``beginthreadex(None, 0, fn, (), 0)`` returning
``(handle, tid)``, ``SuspendThread(handle)`` and ``ResumeThread(handle)`` returning the previous
suspend count, ``GetExitCodeThread(handle) == STILL_ACTIVE`` while it runs, the worker's own
``GetCurrentThreadId``, a worker that returns its result as the exit code, and a thread made
``CREATE_SUSPENDED`` that runs nothing until resumed.
"""

import threading

import win32api
import win32con
import win32event
import win32process


def main():
    progress = []
    lock = threading.Lock()
    stop = win32event.CreateEvent(None, True, False, None)
    step_done = win32event.CreateEvent(None, False, False, None)
    ids = []

    def worker():
        ids.append(win32api.GetCurrentThreadId())
        n = 0
        while win32event.WaitForSingleObject(stop, 0) == win32event.WAIT_TIMEOUT:
            n += 1
            with lock:
                progress.append(n)
            win32event.SetEvent(step_done)
            win32event.WaitForSingleObject(stop, 1)
        return 7

    handle, tid = win32process.beginthreadex(None, 0, worker, (), 0)
    print("handle and id:", type(handle).__name__, isinstance(tid, int))
    win32event.WaitForSingleObject(step_done, 30000)
    print("running:", win32process.GetExitCodeThread(handle) == win32con.STILL_ACTIVE)
    print("suspend, previous count:", win32process.SuspendThread(handle))
    print("suspend again, previous count:", win32process.SuspendThread(handle))
    with lock:
        frozen = len(progress)
    win32event.ResetEvent(step_done)
    print("no step while suspended:", win32event.WaitForSingleObject(step_done, 200))
    with lock:
        print("progress unchanged:", len(progress) == frozen)
    print("resume, previous count:", win32process.ResumeThread(handle))
    print("resume, previous count:", win32process.ResumeThread(handle))
    print("resume of a running thread:", win32process.ResumeThread(handle))
    print("steps again:", win32event.WaitForSingleObject(step_done, 30000))
    win32event.SetEvent(stop)
    print("ended:", win32event.WaitForSingleObject(handle, 30000))
    print("exit code:", win32process.GetExitCodeThread(handle))
    print("its id was the one returned:", ids == [tid])
    ran = []

    def later_work():
        ran.append(1)
        return 3

    later, later_tid = win32process.beginthreadex(
        None, 0, later_work, (), win32process.CREATE_SUSPENDED
    )
    print("suspended start:", win32event.WaitForSingleObject(later, 100), ran)
    print("resume:", win32process.ResumeThread(later))
    print(
        "ran:",
        win32event.WaitForSingleObject(later, 30000),
        ran,
        win32process.GetExitCodeThread(later),
    )
    for h in (handle, later, stop, step_done):
        win32api.CloseHandle(h)
    print("done")


if __name__ == "__main__":
    main()
