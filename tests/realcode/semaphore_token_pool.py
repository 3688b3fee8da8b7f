"""A semaphore as a pool of job tokens: count the tokens back with ReleaseSemaphore.

Source: public GitHub files: a build tool's jobserver check (``read_count =
win32event.ReleaseSemaphore(handle, 1)``: the count before the release tells how many tokens
are in the pool; search "win32event.ReleaseSemaphore("), and a named-semaphore wrapper that
turns ERROR_TOO_MANY_POSTS (298) into "Over-release of NamedSemaphore". Workers are threads
that take a token each and hand it back; the driver orders them with events. A release of
0 tokens is ERROR_INVALID_PARAMETER on Windows (``n`` must be positive: NtReleaseSemaphore's
check), where Wine's server takes it: that line is Windows'.
"""

import os
import threading

import pywintypes
import win32api
import win32con
import win32event
import winerror

TOKENS = 4


class NamedSemaphore:
    def __init__(self, name, count):
        self._h = win32event.CreateSemaphore(None, count, count, name)

    def acquire(self, timeout=None):
        rc = win32event.WaitForSingleObject(
            self._h, win32event.INFINITE if timeout is None else int(timeout * 1000)
        )
        return rc == win32event.WAIT_OBJECT_0

    def release(self, n=1):
        try:
            return win32event.ReleaseSemaphore(self._h, int(n))
        except pywintypes.error as e:
            if getattr(e, "winerror", None) == 298:  # ERROR_TOO_MANY_POSTS
                raise RuntimeError("Over-release of NamedSemaphore") from e
            raise


def check_sem_count(handle, token_count):
    expected_count = token_count - 1
    read_count = win32event.ReleaseSemaphore(handle, 1)
    if read_count < expected_count:
        print(f"ERROR: {expected_count - read_count} were missing from the token pool")
        return 1
    if read_count > expected_count:
        print(f"ERROR: {read_count - expected_count} extra tokens")
        return 1
    return 0


def main():
    name = f"realcode-tokens-{os.getpid()}"
    sem = NamedSemaphore(name, TOKENS)
    took = [threading.Event() for _ in range(TOKENS)]
    go = threading.Event()
    results = []

    def worker(i):
        results.append((i, sem.acquire(5)))
        took[i].set()
        go.wait(10)
        sem.release()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(TOKENS)]
    for t in threads:
        t.start()
    for e in took:
        e.wait(10)
    print("all took a token:", sorted(results) == [(i, True) for i in range(TOKENS)])
    print("one more waits:", sem.acquire(0.05))
    go.set()
    for t in threads:
        t.join()
    # take one token ourselves, as the jobserver check does, and count the rest back
    print("take:", sem.acquire(0))
    print("check:", check_sem_count(sem._h, TOKENS))
    try:
        sem.release()
    except RuntimeError as error:
        print(error, error.__cause__.winerror == winerror.ERROR_TOO_MANY_POSTS)
    other = win32event.OpenSemaphore(
        win32event.SYNCHRONIZE | win32con.SEMAPHORE_MODIFY_STATE, False, name
    )
    print(
        "opened by name, release gives previous:",
        sem.acquire(0),
        win32event.ReleaseSemaphore(other, 1),
    )
    try:
        win32event.ReleaseSemaphore(other, 0)
    except pywintypes.error as error:
        print("release 0:", error.winerror, error.funcname)
    win32api.CloseHandle(other)
    print("done")


if __name__ == "__main__":
    main()
