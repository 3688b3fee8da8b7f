"""A cross-process file lock built on LockFileEx, as file-lock helpers write it.

Source: public GitHub files (a spider's ``file_lock.py`` and a portfolio's
``file_lock_util.py``; search "win32file LockFileEx LOCKFILE_EXCLUSIVE_LOCK UnlockFileEx
_get_osfhandle"), rewritten with their calls and their order: ``hfile =
win32file._get_osfhandle(file.fileno())``, ``LockFileEx(hfile, flags, 0, 0xffff0000,
overlapped)`` with a module-level ``pywintypes.OVERLAPPED()``, ``LOCKFILE_EXCLUSIVE_LOCK |
LOCKFILE_FAIL_IMMEDIATELY`` from ``win32con``, ``UnlockFileEx(hfile, 0, 0xffff0000,
overlapped)``; and a second ``CreateFile`` handle that finds the range locked. Here two opens of
one file stand for two processes, and a thread waits for the lock its owner then gives up.

Wine differs: there the unlock of a range this handle no longer locks fails with
ERROR_LOCK_VIOLATION (33); Windows says ERROR_NOT_LOCKED (158), as we do.
"""

import os
import threading

import pywintypes
import win32con
import win32file
import winerror

LOCK_EX = win32con.LOCKFILE_EXCLUSIVE_LOCK
LOCK_SH = 0
LOCK_NB = win32con.LOCKFILE_FAIL_IMMEDIATELY
_overlapped = pywintypes.OVERLAPPED()


def lock(file, flags):
    hfile = win32file._get_osfhandle(file.fileno())
    win32file.LockFileEx(hfile, flags, 0, 0xFFFF0000, _overlapped)


def unlock(file):
    hfile = win32file._get_osfhandle(file.fileno())
    win32file.UnlockFileEx(hfile, 0, 0xFFFF0000, _overlapped)


def try_lock(file, flags):
    try:
        lock(file, flags | LOCK_NB)
        return "locked"
    except pywintypes.error as error:
        return f"refused {error.winerror} {error.winerror == winerror.ERROR_LOCK_VIOLATION}"


def main():
    path = os.path.abspath("lockfile.lck")
    first = open(path, "w")
    second = open(path)
    print("first exclusive:", try_lock(first, LOCK_EX))
    print("second exclusive:", try_lock(second, LOCK_EX))
    print("second shared:", try_lock(second, LOCK_SH))
    unlock(first)
    print("second shared after unlock:", try_lock(second, LOCK_SH))
    print("first shared too:", try_lock(first, LOCK_SH))
    print("first exclusive over shared:", try_lock(first, LOCK_EX))
    unlock(second)
    unlock(first)
    try:
        unlock(first)
    except pywintypes.error as error:
        print("unlock of nothing:", error.winerror, error.funcname)
    handle = win32file.CreateFile(
        path,
        win32file.GENERIC_READ | win32file.GENERIC_WRITE,
        win32file.FILE_SHARE_READ | win32file.FILE_SHARE_WRITE,
        None,
        win32file.OPEN_EXISTING,
        win32file.FILE_ATTRIBUTE_NORMAL,
        None,
    )
    win32file.LockFileEx(handle, LOCK_EX, 0, 0xFFFF0000, pywintypes.OVERLAPPED())
    got = threading.Event()

    def waiter():
        lock(first, LOCK_EX)
        got.set()

    t = threading.Thread(target=waiter)
    t.start()
    print("waiter has it while the handle holds it:", got.wait(0.2))
    win32file.UnlockFileEx(handle, 0, 0xFFFF0000, pywintypes.OVERLAPPED())
    t.join(30)
    print("waiter has it after unlock:", got.is_set())
    unlock(first)
    handle.Close()
    first.close()
    second.close()
    print("done")


if __name__ == "__main__":
    main()
