"""Wait for Python threads with Win32 waits: OpenThread on their native ids.

Source: public pywin32 code that mixes ``threading`` with ``WaitForMultipleObjects`` (search
"win32api.OpenThread SYNCHRONIZE native_id threading WaitForMultipleObjects
GetExitCodeThread"), rewritten with their calls in their order: ``threading.Thread`` workers,
``win32api.OpenThread(win32con.SYNCHRONIZE | win32con.THREAD_QUERY_INFORMATION, False,
t.native_id)``, ``WaitForMultipleObjects(handles, False, timeout)`` to learn which ended first
(each worker ends when the main thread lets it, in a chosen order), ``GetExitCodeThread``
(``STILL_ACTIVE``, 259, while it runs) and a wait-all at the end. A thread id that is not
there fails ``OpenThread`` with ERROR_INVALID_PARAMETER (87).
"""

import threading

import pywintypes
import win32api
import win32con
import win32event
import win32process


def main():
    gates = [win32event.CreateEvent(None, False, False, None) for _ in range(3)]
    threads = [
        threading.Thread(target=win32event.WaitForSingleObject, args=(g, 30000)) for g in gates
    ]
    for t in threads:
        t.start()
    access = win32con.SYNCHRONIZE | win32con.THREAD_QUERY_INFORMATION
    handles = [win32api.OpenThread(access, False, t.native_id) for t in threads]
    print("running:", [win32process.GetExitCodeThread(h) == win32con.STILL_ACTIVE for h in handles])
    print(
        "nothing ended:",
        win32event.WaitForMultipleObjects(handles, False, 0) == win32event.WAIT_TIMEOUT,
    )
    order = []
    remaining = list(range(3))
    for index in (2, 0, 1):
        win32event.SetEvent(gates[index])
        rc = win32event.WaitForMultipleObjects([handles[i] for i in remaining], False, 30000)
        ended = remaining.pop(rc - win32event.WAIT_OBJECT_0)
        order.append(ended)
    print("ended in order:", order)
    print("wait all:", win32event.WaitForMultipleObjects(handles, True, 30000))
    print("exit codes:", [win32process.GetExitCodeThread(h) for h in handles])
    for t in threads:
        t.join(30)
    for h in handles:
        win32api.CloseHandle(h)
    try:
        win32api.OpenThread(access, False, 0)
    except pywintypes.error as e:
        print("thread id 0:", e.winerror, e.funcname)
    print("done")


if __name__ == "__main__":
    main()
