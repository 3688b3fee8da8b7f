"""Threads started suspended, their priorities set before they run, suspend counts.

Source: public pywin32 code that tunes worker priorities (search "win32process.beginthreadex
CREATE_SUSPENDED SetThreadPriority THREAD_PRIORITY_BELOW_NORMAL ResumeThread"), rewritten with
their calls in their order: ``beginthreadex(None, 0, fn, args, CREATE_SUSPENDED)``,
``GetThreadPriority`` (``THREAD_PRIORITY_NORMAL``), ``SetThreadPriority(h,
THREAD_PRIORITY_BELOW_NORMAL)``, ``SuspendThread`` and ``ResumeThread`` that return the previous
suspend count, a thread that raises its own priority through ``GetCurrentThread()`` (the
pseudo handle), a priority out of range failing with ERROR_INVALID_PARAMETER (87), and
``ResumeThread`` of a running thread returning 0.
"""

import pywintypes
import win32api
import win32event
import win32process


def work(args):
    report, gate = args
    me = win32api.GetCurrentThread()
    report.append(("own priority at start", win32process.GetThreadPriority(me)))
    win32process.SetThreadPriority(me, win32process.THREAD_PRIORITY_ABOVE_NORMAL)
    report.append(("own priority raised", win32process.GetThreadPriority(me)))
    win32event.WaitForSingleObject(gate, 30000)
    return 12


def main():
    report = []
    gate = win32event.CreateEvent(None, True, False, None)
    h, tid = win32process.beginthreadex(
        None, 0, work, ((report, gate),), win32process.CREATE_SUSPENDED
    )
    print("priority:", win32process.GetThreadPriority(h) == win32process.THREAD_PRIORITY_NORMAL)
    win32process.SetThreadPriority(h, win32process.THREAD_PRIORITY_BELOW_NORMAL)
    print("after set:", win32process.GetThreadPriority(h))
    print("suspend:", win32process.SuspendThread(h))
    print("resume:", win32process.ResumeThread(h))
    print(
        "not started yet:",
        report,
        win32event.WaitForSingleObject(h, 100) == win32event.WAIT_TIMEOUT,
    )
    try:
        win32process.SetThreadPriority(h, 7)
    except pywintypes.error as e:
        print("priority 7:", e.winerror, e.funcname)
    win32process.SetThreadPriority(h, win32process.THREAD_PRIORITY_TIME_CRITICAL)
    print("time critical:", win32process.GetThreadPriority(h))
    win32process.SetThreadPriority(h, win32process.THREAD_PRIORITY_LOWEST)
    print("resume to run:", win32process.ResumeThread(h))
    print("resume running:", win32process.ResumeThread(h))
    win32event.SetEvent(gate)
    win32event.WaitForSingleObject(h, 30000)
    print("thread reported:", report)
    print("exit code:", win32process.GetExitCodeThread(h))
    print("priority of ended thread:", win32process.GetThreadPriority(h))
    win32api.CloseHandle(h)
    print("done")


if __name__ == "__main__":
    main()
