"""Find a process by pid among all, ask whether it runs, and kill it.

Source: public GitHub files (process helpers: ``kill(pid)`` and ``is_running(pid)``, search
"win32api OpenProcess PROCESS_TERMINATE TerminateProcess"), rewritten with their calls and
their order: ``win32process.EnumProcesses()``, ``OpenProcess(PROCESS_QUERY_INFORMATION,
False, pid)`` and ``GetExitCodeProcess`` compared with ``STILL_ACTIVE``,
``OpenProcess(PROCESS_TERMINATE, False, pid)``, ``TerminateProcess(handle, -1)``,
``CloseHandle``. A process that ended is still there to open while a handle to it is open
(here the watcher's: Python's Popen holds one on Windows, not here, so no later look).
"""

import subprocess
import sys

import pywintypes
import win32api
import win32con
import win32event
import win32process

STILL_ACTIVE = 259


def is_running(pid):
    try:
        handle = win32api.OpenProcess(win32con.PROCESS_QUERY_INFORMATION, False, pid)
    except pywintypes.error as error:
        return f"cannot open: {error.winerror}"
    try:
        return win32process.GetExitCodeProcess(handle) == STILL_ACTIVE
    finally:
        win32api.CloseHandle(handle)


def kill(pid):
    handle = win32api.OpenProcess(win32con.PROCESS_TERMINATE, False, pid)
    win32api.TerminateProcess(handle, -1)
    win32api.CloseHandle(handle)


def main():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    print("listed:", child.pid in win32process.EnumProcesses())
    print("we are listed:", win32api.GetCurrentProcessId() in win32process.EnumProcesses())
    print("running:", is_running(child.pid))
    watcher = win32api.OpenProcess(win32con.SYNCHRONIZE, False, child.pid)
    kill(child.pid)
    print("ended:", win32event.WaitForSingleObject(watcher, 10000) == win32event.WAIT_OBJECT_0)
    print("returncode:", child.wait(10) in (-9, 1, 4294967295, -1))
    print("after the end, while a handle is open:", is_running(child.pid))
    win32api.CloseHandle(watcher)
    print("done")


if __name__ == "__main__":
    main()
