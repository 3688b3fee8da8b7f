"""Wait on more than MAXIMUM_WAIT_OBJECTS handles: split the list in batches of 64.

Source: the StackOverflow question "WaitForMultipleObjects with more than 64 handles" and the
pywin32 code in its answers and in public GitHub scripts that watch many child processes or
events (search "win32event.MAXIMUM_WAIT_OBJECTS WaitForMultipleObjects chunks"), rewritten
with their calls in their order: 100 manual-reset events, one ``WaitForMultipleObjects`` on all
of them failing with ERROR_INVALID_PARAMETER (87), then the list cut in slices of
``MAXIMUM_WAIT_OBJECTS``; a wait-any returns ``WAIT_OBJECT_0`` plus the lowest signaled index
of its slice; a wait-all of a slice times out until every event in it is set. An empty list
and a handle given twice to a wait-all fail with 87 too, and a closed handle with
ERROR_INVALID_HANDLE (6).
Wine differs: its wait-all accepts a handle given twice (``0``); Windows refuses the list
(STATUS_INVALID_PARAMETER_MIX, ERROR_INVALID_PARAMETER, as Microsoft documents "may not
contain multiple copies"), as we do: that line is Windows'.
"""

import threading

import pywintypes
import win32api
import win32event

COUNT = 100


def chunks(items, size):
    for start in range(0, len(items), size):
        yield start, items[start : start + size]


def try_wait(label, handles, wait_all):
    try:
        print(label, win32event.WaitForMultipleObjects(handles, wait_all, 0))
    except pywintypes.error as e:
        print(label, "error", e.winerror, e.funcname)


def main():
    events = [win32event.CreateEvent(None, True, False, None) for _ in range(COUNT)]
    print("MAXIMUM_WAIT_OBJECTS:", win32event.MAXIMUM_WAIT_OBJECTS)
    try_wait("all at once:", events, False)

    def setter(indexes):
        for i in indexes:
            win32event.SetEvent(events[i])

    t = threading.Thread(target=setter, args=([70, 99, 3, 65],))
    t.start()
    t.join(30)
    for start, part in chunks(events, win32event.MAXIMUM_WAIT_OBJECTS):
        rc = win32event.WaitForMultipleObjects(part, False, 0)
        if rc == win32event.WAIT_TIMEOUT:
            print("slice from", start, "nothing yet")
        else:
            print("slice from", start, "first signaled:", start + rc - win32event.WAIT_OBJECT_0)

    done = []
    for _start, part in chunks(events, win32event.MAXIMUM_WAIT_OBJECTS):
        rc = win32event.WaitForMultipleObjects(part, True, 0)
        done.append(rc == win32event.WAIT_TIMEOUT)
    print("wait-all slices timed out:", done)
    setter(range(COUNT))
    results = []
    for _start, part in chunks(events, win32event.MAXIMUM_WAIT_OBJECTS):
        results.append(win32event.WaitForMultipleObjects(part, True, 1000))
    print("wait-all slices after all set:", results)

    try_wait("empty list:", [], False)
    try_wait("same handle twice, wait all:", [events[0], events[0]], True)
    try_wait("same handle twice, wait any:", [events[1], events[1]], False)
    closed = win32event.CreateEvent(None, True, True, None)
    raw = closed.Detach()
    win32api.CloseHandle(raw)
    try_wait("closed handle:", [events[2], raw], True)
    for h in events:
        win32api.CloseHandle(h)
    print("done")


if __name__ == "__main__":
    main()
