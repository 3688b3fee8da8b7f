r"""Is the other instance there? Named events, ERROR_ALREADY_EXISTS and OpenEvent's failure.

Source: public GitHub files that guard a tool or signal a running instance with a named
event (``win32event.CreateEvent(None, 0, 0, name)`` then ``win32api.GetLastError() ==
winerror.ERROR_ALREADY_EXISTS``; ``win32event.OpenEvent(EVENT_MODIFY_STATE, False, name)``
in a ``try``/``except pywintypes.error`` for "not running"; search "win32event.OpenEvent(").
The "other instance" is a thread here; what it sees is printed in order. A name with a
backslash past ``Global\``/``Local\`` names a directory of the object namespace that is not
there: ERROR_PATH_NOT_FOUND (3) on Windows, where Wine's OpenEvent answers 2; that line is
Windows'.
"""

import os
import threading

import pywintypes
import win32api
import win32con
import win32event
import winerror

NAME = f"realcode-instance-{os.getpid()}"


def signal_running_instance():
    try:
        h = win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, False, NAME)
    except pywintypes.error as e:
        print("not running:", e.winerror, e.funcname)
        return False
    win32event.SetEvent(h)
    win32api.CloseHandle(h)
    return True


def main():
    print("signal before:", signal_running_instance())
    ev = win32event.CreateEvent(None, 0, 0, NAME)
    print("first:", win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS)
    again = win32event.CreateEvent(None, 0, 0, NAME)
    print("second:", win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS)
    seen = []
    t = threading.Thread(target=lambda: seen.append(signal_running_instance()))
    t.start()
    t.join()
    print("thread signaled:", seen)
    rc = win32event.WaitForSingleObject(again, 0)
    print("the same event:", rc == win32event.WAIT_OBJECT_0)
    print("auto-reset:", win32event.WaitForSingleObject(ev, 0) == win32event.WAIT_TIMEOUT)
    try:
        win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, False, NAME + "\\x")
    except pywintypes.error as e:
        print("bad path:", e.winerror)
    mutex = win32event.CreateMutex(None, False, NAME + "-m")
    try:
        win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, False, NAME + "-m")
    except pywintypes.error as e:
        print("a mutex by that name:", e.winerror == winerror.ERROR_INVALID_HANDLE, e.winerror)
    try:
        win32event.CreateEvent(None, 0, 0, NAME + "-m")
    except pywintypes.error as e:
        print("create over a mutex:", e.winerror == winerror.ERROR_INVALID_HANDLE)
    for h in (ev, again, mutex):
        win32api.CloseHandle(h)
    print("signal after close:", signal_running_instance())
    print(win32con.SYNCHRONIZE == win32event.SYNCHRONIZE)
    print("done")


if __name__ == "__main__":
    main()
