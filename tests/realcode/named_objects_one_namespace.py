"""Events, mutexes and semaphores share one namespace, and what an Open*'s access allows.

Source: public answers on "CreateMutex fails with ERROR_INVALID_HANDLE" (a name already used by
an event) and "OpenEvent access denied WaitForSingleObject EVENT_MODIFY_STATE" for pywin32
(search "win32event.OpenEvent EVENT_MODIFY_STATE SYNCHRONIZE WaitForSingleObject access
denied"), rewritten with their calls in their order: ``CreateEvent(None, True, False, name)``;
``CreateMutex`` and ``CreateSemaphore`` of that name fail with ERROR_INVALID_HANDLE (6);
``OpenMutex`` of it fails with 6 too; ``CreateEvent`` of it again succeeds, reports
ERROR_ALREADY_EXISTS through ``GetLastError`` and keeps the first one's manual reset; an event
opened with only ``EVENT_MODIFY_STATE`` may be set but not waited on (ERROR_ACCESS_DENIED,
5), one opened with ``SYNCHRONIZE`` only may be waited on but not set.
"""

import os

import pywintypes
import win32api
import win32con
import win32event
import winerror

NAME = "realcode_one_namespace_demo_" + str(os.getpid())


def attempt(label, fn, *args):
    try:
        result = fn(*args)
        print(label, "ok", "last error", win32api.GetLastError())
        return result
    except pywintypes.error as e:
        print(label, "failed", e.winerror, e.funcname)
        return None


def main():
    event = win32event.CreateEvent(None, True, False, NAME)
    attempt("CreateMutex same name:", win32event.CreateMutex, None, False, NAME)
    attempt("CreateSemaphore same name:", win32event.CreateSemaphore, None, 1, 1, NAME)
    attempt("OpenMutex same name:", win32event.OpenMutex, win32con.SYNCHRONIZE, False, NAME)
    again = attempt(
        "CreateEvent auto-reset same name:", win32event.CreateEvent, None, False, False, NAME
    )
    print(
        "already exists:", win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS or "see above"
    )
    win32event.SetEvent(again)
    print(
        "still manual reset:",
        win32event.WaitForSingleObject(event, 0),
        win32event.WaitForSingleObject(event, 0),
    )
    win32event.ResetEvent(event)

    setter = win32event.OpenEvent(win32con.EVENT_MODIFY_STATE, False, NAME)
    attempt("SetEvent with modify only:", win32event.SetEvent, setter)
    attempt("wait with modify only:", win32event.WaitForSingleObject, setter, 0)
    waiter = win32event.OpenEvent(win32con.SYNCHRONIZE, False, NAME)
    print("wait with synchronize only:", win32event.WaitForSingleObject(waiter, 0))
    attempt("ResetEvent with synchronize only:", win32event.ResetEvent, waiter)
    for h in (waiter, setter, again, event):
        win32api.CloseHandle(h)
    attempt("OpenEvent after all closed:", win32event.OpenEvent, win32con.SYNCHRONIZE, False, NAME)
    print("done")


if __name__ == "__main__":
    main()
