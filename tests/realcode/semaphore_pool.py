"""A pool of N connections guarded by a Win32 semaphore, used by worker threads.

Source: public GitHub files (connection and license pools built on ``CreateSemaphore``; search
"win32event CreateSemaphore ReleaseSemaphore pool"), rewritten with their calls and their
order: ``CreateSemaphore(None, n, n, name)``, ``WaitForSingleObject(sem, timeout)`` to take a
slot, ``ReleaseSemaphore(sem, 1)`` which returns the previous count, an over-release failing
with ERROR_TOO_MANY_POSTS, ``OpenSemaphore`` by name from another thread.

Wine differs: there ReleaseSemaphore(sem, 0) of a full semaphore succeeds; Windows refuses a
count of 0 with ERROR_INVALID_PARAMETER (87), as we do (Wine's own tests say so).
"""

import threading

import pywintypes
import win32api
import win32event
import winerror

NAME = "realcode-pool-semaphore"
SEMAPHORE_MODIFY_STATE = 0x0002  # winnt.h; pywin32's win32event does not name it


def main():
    sem = win32event.CreateSemaphore(None, 2, 2, NAME)
    print("created, existed:", win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS)
    print("take:", win32event.WaitForSingleObject(sem, 0))
    print("take:", win32event.WaitForSingleObject(sem, 0))
    print("pool empty:", win32event.WaitForSingleObject(sem, 10) == win32event.WAIT_TIMEOUT)
    print("release, previous count:", win32event.ReleaseSemaphore(sem, 1))
    print("release, previous count:", win32event.ReleaseSemaphore(sem, 1))
    try:
        win32event.ReleaseSemaphore(sem, 1)
    except pywintypes.error as error:
        print("over-release:", error.winerror == winerror.ERROR_TOO_MANY_POSTS, error.funcname)
    in_use = []
    most = [0]
    lock = threading.Lock()
    start = threading.Barrier(6)

    def worker(n):
        own = win32event.OpenSemaphore(win32event.SYNCHRONIZE | SEMAPHORE_MODIFY_STATE, False, NAME)
        start.wait()
        for _ in range(20):
            win32event.WaitForSingleObject(own, win32event.INFINITE)
            with lock:
                in_use.append(n)
                most[0] = max(most[0], len(in_use))
            with lock:
                in_use.remove(n)
            win32event.ReleaseSemaphore(own, 1)
        win32api.CloseHandle(own)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    print("never more than two at once:", most[0] <= 2)
    print("take:", win32event.WaitForSingleObject(sem, 0), win32event.WaitForSingleObject(sem, 0))
    try:
        win32event.ReleaseSemaphore(sem, 3)
    except pywintypes.error as error:
        print("release three of two:", error.winerror)
    print("release two, previous:", win32event.ReleaseSemaphore(sem, 2))
    try:
        win32event.ReleaseSemaphore(sem, 0)
    except pywintypes.error as error:
        print("release zero:", error.winerror)
    print("done")


if __name__ == "__main__":
    main()
