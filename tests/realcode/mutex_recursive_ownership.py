"""A mutex taken several times by its owner must be released as many times.

Source: public answers explaining why another process "never gets the mutex" (search
"win32event CreateMutex WaitForSingleObject called twice ReleaseMutex count recursion"),
rewritten with their calls in their order: ``CreateMutex(None, True, None)`` (the creator owns
it once), two more ``WaitForSingleObject(mutex, 0)`` by the owner that succeed at once, a
second thread whose ``WaitForSingleObject(mutex, 0)`` times out after each of the first
releases, and that gets it only after the third; a ``ReleaseMutex`` by a thread that does not
own it fails with ERROR_NOT_OWNER (288). A thread blocked in ``WaitForSingleObject(mutex,
INFINITE)`` gets the mutex at the owner's last release.
"""

import threading

import pywintypes
import win32api
import win32event


def main():
    mutex = win32event.CreateMutex(None, True, None)
    print(
        "owner again:",
        win32event.WaitForSingleObject(mutex, 0),
        win32event.WaitForSingleObject(mutex, 0),
    )
    probe_go = win32event.CreateEvent(None, False, False, None)
    probe_done = win32event.CreateEvent(None, False, False, None)
    results = []
    stop = []

    def prober():
        while True:
            win32event.WaitForSingleObject(probe_go, 30000)
            if stop:
                break
            rc = win32event.WaitForSingleObject(mutex, 0)
            if rc == win32event.WAIT_OBJECT_0:
                results.append("acquired")
                win32event.ReleaseMutex(mutex)
            else:
                results.append("timeout" if rc == win32event.WAIT_TIMEOUT else rc)
                try:
                    win32event.ReleaseMutex(mutex)
                except pywintypes.error as e:
                    results.append(("release", e.winerror))
            win32event.SetEvent(probe_done)

    t = threading.Thread(target=prober)
    t.start()

    def probe():
        win32event.SetEvent(probe_go)
        win32event.WaitForSingleObject(probe_done, 30000)

    probe()
    for _ in range(3):
        win32event.ReleaseMutex(mutex)
        probe()
    stop.append(1)
    win32event.SetEvent(probe_go)
    t.join(30)
    print("prober saw:", results)
    try:
        win32event.ReleaseMutex(mutex)
    except pywintypes.error as e:
        print("extra release:", e.winerror, e.funcname)

    win32event.WaitForSingleObject(mutex, 0)
    win32event.WaitForSingleObject(mutex, 0)
    waiting = win32event.CreateEvent(None, False, False, None)
    got = []

    def blocker():
        win32event.SetEvent(waiting)
        got.append(win32event.WaitForSingleObject(mutex, win32event.INFINITE))
        win32event.ReleaseMutex(mutex)

    b = threading.Thread(target=blocker)
    b.start()
    win32event.WaitForSingleObject(waiting, 30000)
    win32event.ReleaseMutex(mutex)
    print("blocked thread after first release:", got)
    win32event.ReleaseMutex(mutex)
    b.join(30)
    print("blocked thread after last release:", got)
    win32api.CloseHandle(mutex)
    print("done")


if __name__ == "__main__":
    main()
