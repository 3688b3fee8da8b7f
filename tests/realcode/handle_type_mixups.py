"""The wrong kind of handle: what each call says when a script passes the wrong object.

Source: public questions from pywin32 users whose handles got mixed up in a dict or a list
of "things to close" (search "pywintypes.error (6, 'SetEvent', 'The handle is invalid.')
mutex", "ReleaseMutex event handle invalid"), rewritten as the calls they made: ``SetEvent``
and ``ResetEvent`` on a mutex or a semaphore, ``ReleaseMutex`` and ``ReleaseSemaphore`` on an
event, ``SetWaitableTimer`` and ``CancelWaitableTimer`` on an event, ``ResumeThread`` and
``GetExitCodeThread`` on an event, ``SetEvent`` on a thread: each fails with
ERROR_INVALID_HANDLE (6), as the object is not of the kind the call needs. What every kind
has in common still works: waiting on any of them, ``CloseHandle`` of the pseudo handles (a
no-op), and a wait on ``GetCurrentThread()`` or ``GetCurrentProcess()`` times out.
"""

import threading

import pywintypes
import win32api
import win32event
import win32process


def attempt(label, fn, *args):
    try:
        result = fn(*args)
        print(label, "ok", result)
    except pywintypes.error as e:
        print(label, "failed", e.winerror, e.funcname)


def main():
    event = win32event.CreateEvent(None, True, False, None)
    mutex = win32event.CreateMutex(None, False, None)
    sem = win32event.CreateSemaphore(None, 1, 1, None)
    timer = win32event.CreateWaitableTimer(None, True, None)
    attempt("SetEvent(mutex):", win32event.SetEvent, mutex)
    attempt("ResetEvent(semaphore):", win32event.ResetEvent, sem)
    attempt("ReleaseMutex(event):", win32event.ReleaseMutex, event)
    attempt("ReleaseSemaphore(event):", win32event.ReleaseSemaphore, event, 1)
    attempt(
        "SetWaitableTimer(event):", win32event.SetWaitableTimer, event, -10000, 0, None, None, False
    )
    attempt("CancelWaitableTimer(event):", win32event.CancelWaitableTimer, event)
    attempt("SetEvent(timer):", win32event.SetEvent, timer)
    attempt("ResumeThread(event):", win32process.ResumeThread, event)
    attempt("GetExitCodeThread(event):", win32process.GetExitCodeThread, event)
    attempt("GetExitCodeProcess(event):", win32process.GetExitCodeProcess, event)

    t = threading.Thread(target=win32event.WaitForSingleObject, args=(event, 30000))
    t.start()
    thread_handle = win32api.OpenThread(0x1F03FF, False, t.native_id)
    attempt("SetEvent(thread):", win32event.SetEvent, thread_handle)
    attempt("wait on each kind:", win32event.WaitForMultipleObjects, [mutex, sem], True, 0)
    win32event.ReleaseMutex(mutex)
    win32event.ReleaseSemaphore(sem, 1)
    attempt(
        "wait on current thread:", win32event.WaitForSingleObject, win32api.GetCurrentThread(), 0
    )
    attempt(
        "wait on current process:", win32event.WaitForSingleObject, win32api.GetCurrentProcess(), 0
    )
    attempt("CloseHandle(GetCurrentProcess()):", win32api.CloseHandle, win32api.GetCurrentProcess())
    attempt("CloseHandle(GetCurrentThread()):", win32api.CloseHandle, win32api.GetCurrentThread())
    win32event.SetEvent(event)
    t.join(30)
    attempt("wait on the ended thread:", win32event.WaitForSingleObject, thread_handle, 0)
    for h in (thread_handle, timer, sem, mutex, event):
        win32api.CloseHandle(h)
    print("done")


if __name__ == "__main__":
    main()
