"""Only one copy runs: a named mutex and ERROR_ALREADY_EXISTS, checked by a second process.

Source: public GitHub files (an app's ``src/utils/mutex.py`` and many "single instance"
helpers; search "win32event CreateMutex ERROR_ALREADY_EXISTS single instance GetLastError"),
rewritten with their calls and their order: ``CreateMutex(None, False, name)`` then
``win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS`` to see another copy, the handle
kept in a module global, ``CloseHandle`` at exit; a second copy started with ``CreateProcess``
reports what it saw through its exit code, and a third starts after the first let go.
"""

import sys

import win32api
import win32event
import win32process
import winerror

NAME = "Global\\realcode-single-instance-app"
_mutex_handle = None


def create_mutex():
    global _mutex_handle
    _mutex_handle = win32event.CreateMutex(None, False, NAME)
    last_error = win32api.GetLastError()
    return last_error == winerror.ERROR_ALREADY_EXISTS


def run_copy():
    cmd = f'"{sys.executable}" "{__file__}" copy'
    h_process, h_thread, pid, tid = win32process.CreateProcess(
        None, cmd, None, None, False, 0, None, None, win32process.STARTUPINFO()
    )
    win32event.WaitForSingleObject(h_process, 30000)
    code = win32process.GetExitCodeProcess(h_process)
    win32api.CloseHandle(h_thread)
    win32api.CloseHandle(h_process)
    return code


def main():
    if sys.argv[1:] == ["copy"]:
        sys.exit(3 if create_mutex() else 0)
    print("first copy sees another:", create_mutex())
    print("after a success GetLastError is:", win32api.GetLastError())
    print("second copy exit code:", run_copy())
    again = win32event.CreateMutex(None, True, NAME)
    print("same process again:", win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS)
    print("initial owner ignored, wait:", win32event.WaitForSingleObject(again, 0))
    win32event.ReleaseMutex(again)
    win32api.CloseHandle(again)
    opened = win32event.OpenMutex(win32event.SYNCHRONIZE, False, NAME)
    print("open by name works:", bool(opened))
    win32api.CloseHandle(opened)
    win32api.CloseHandle(_mutex_handle)
    print("third copy, after the first closed it:", run_copy())
    try:
        win32event.OpenMutex(win32event.SYNCHRONIZE, False, NAME)
    except win32api.error as error:
        print("gone:", error.winerror)
    print("done")


if __name__ == "__main__":
    main()
