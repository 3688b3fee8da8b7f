"""A named mutex as a cross-process lock, and the owner that dies holding it.

Source: public GitHub files (lock helpers around ``win32event.CreateMutex`` and
``WaitForSingleObject`` that treat ``WAIT_ABANDONED`` as acquired; search "win32event
CreateMutex WAIT_ABANDONED"), rewritten with their calls and their order: ``CreateMutex(None,
False, name)``, ``WaitForSingleObject(mutex, timeout)`` with ``WAIT_OBJECT_0``,
``WAIT_ABANDONED`` and ``WAIT_TIMEOUT`` branches, ``ReleaseMutex``; the releasing of a mutex not
owned fails with ERROR_NOT_OWNER. The driver makes a thread the owner that dies holding it, and
a child process that asks to own the existing mutex: Windows ignores ``bInitialOwner`` then, so
its end abandons nothing.
"""

import os
import subprocess
import sys
import threading

import pywintypes
import win32api
import win32event
import winerror

NAME = f"realcode-abandoned-mutex-{sys.argv[2] if len(sys.argv) > 2 else os.getpid()}"


def acquire(mutex, timeout):
    rc = win32event.WaitForSingleObject(mutex, timeout)
    if rc == win32event.WAIT_OBJECT_0:
        return "acquired"
    if rc == win32event.WAIT_ABANDONED:
        return "acquired, abandoned by its owner"
    if rc == win32event.WAIT_TIMEOUT:
        return "timed out"
    return f"wait returned {rc}"


def main():
    if len(sys.argv) > 1:
        mutex = win32event.CreateMutex(None, True, NAME)
        print(
            "child asked to own it, existed:",
            win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS,
        )
        sys.stdout.flush()
        return
    mutex = win32event.CreateMutex(None, False, NAME)
    print("created:", win32api.GetLastError())
    print(acquire(mutex, 0))
    print(acquire(mutex, 0), "(recursive)")
    win32event.ReleaseMutex(mutex)
    win32event.ReleaseMutex(mutex)
    try:
        win32event.ReleaseMutex(mutex)
    except pywintypes.error as error:
        print("release once more:", error.winerror == winerror.ERROR_NOT_OWNER, error.funcname)

    def die_holding():
        other = win32event.OpenMutex(win32event.SYNCHRONIZE, False, NAME)
        print("thread:", acquire(other, 0))

    thread = threading.Thread(target=die_holding)
    thread.start()
    thread.join()
    print(acquire(mutex, 1000))
    win32event.ReleaseMutex(mutex)
    child = subprocess.run(
        [sys.executable, __file__, "child", str(os.getpid())], capture_output=True, text=True
    )
    print(child.stdout.strip())
    print(acquire(mutex, 5000))
    print(acquire(mutex, 0), "(again, no longer abandoned)")
    win32event.ReleaseMutex(mutex)
    win32event.ReleaseMutex(mutex)
    win32api.CloseHandle(mutex)
    print("done")


if __name__ == "__main__":
    main()
