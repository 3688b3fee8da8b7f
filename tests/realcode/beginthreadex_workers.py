"""Worker threads made with win32process.beginthreadex, waited on all at once.

Source: public GitHub files (ports of the "wait for all worker threads" C examples to pywin32;
search "win32process beginthreadex WaitForMultipleObjects GetExitCodeThread"), rewritten with
their calls and their order: ``beginthreadex(None, 0, fn, args, 0)`` returning ``(handle,
tid)``, one suspended with ``CREATE_SUSPENDED`` then ``ResumeThread``, ``WaitForMultipleObjects
(handles, True, INFINITE)``, ``GetExitCodeThread`` for each (a thread function's return value
is its exit code), ``STILL_ACTIVE`` before it ends.
"""

import win32event
import win32process


def work(n, gate):
    win32event.WaitForSingleObject(gate, win32event.INFINITE)
    return n * 10


def main():
    gate = win32event.CreateEvent(None, True, False, None)
    handles = []
    for n in range(3):
        handle, tid = win32process.beginthreadex(None, 0, work, (n, gate), 0)
        handles.append(handle)
    suspended, _ = win32process.beginthreadex(
        None, 0, work, (7, gate), win32process.CREATE_SUSPENDED
    )
    handles.append(suspended)
    print("still active:", win32process.GetExitCodeThread(handles[0]) == 259)
    win32event.SetEvent(gate)
    rc = win32event.WaitForMultipleObjects(handles[:3], True, 5000)
    print("first three done:", rc == win32event.WAIT_OBJECT_0)
    print("suspended one waits:", win32event.WaitForSingleObject(suspended, 50))
    print("resume, previous count:", win32process.ResumeThread(suspended))
    print("all done:", win32event.WaitForMultipleObjects(handles, True, 5000))
    print("exit codes:", [win32process.GetExitCodeThread(h) for h in handles])
    print("done")


if __name__ == "__main__":
    main()
