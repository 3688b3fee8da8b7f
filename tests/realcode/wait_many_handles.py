"""Wait for more threads than one wait can take: MAXIMUM_WAIT_OBJECTS and waiting in chunks.

Source: public GitHub files (download and scan tools that start many worker threads and wait
for all; search "WaitForMultipleObjects MAXIMUM_WAIT_OBJECTS 64 chunks win32event"), rewritten
with their calls and their order: one manual-reset event per worker from ``CreateEvent(None,
True, False, None)``, a wait on all of them at once failing with ERROR_INVALID_PARAMETER when
there are more than ``MAXIMUM_WAIT_OBJECTS``, then ``WaitForMultipleObjects(chunk, True,
INFINITE)`` per chunk of 64; the same handle twice in one wait refused too.

Wine differs: there a wait-all on one handle twice succeeds; Windows refuses it with
ERROR_INVALID_PARAMETER (87, STATUS_INVALID_PARAMETER_MIX), as we do (docs/semantics.md).
"""

import threading

import pywintypes
import win32api
import win32event

COUNT = 70


def main():
    print("MAXIMUM_WAIT_OBJECTS:", win32event.MAXIMUM_WAIT_OBJECTS)
    events = [win32event.CreateEvent(None, True, False, None) for _ in range(COUNT)]
    start = threading.Event()

    def worker(ev):
        start.wait(30)
        win32event.SetEvent(ev)

    threads = [threading.Thread(target=worker, args=(ev,)) for ev in events]
    for t in threads:
        t.start()
    try:
        win32event.WaitForMultipleObjects(events, True, 0)
    except pywintypes.error as error:
        print("all at once:", error.winerror, error.funcname)
    print("64, none set:", win32event.WaitForMultipleObjects(events[:64], False, 0))
    start.set()
    results = []
    for i in range(0, COUNT, win32event.MAXIMUM_WAIT_OBJECTS):
        chunk = events[i : i + win32event.MAXIMUM_WAIT_OBJECTS]
        results.append((len(chunk), win32event.WaitForMultipleObjects(chunk, True, 30000)))
    print("chunks:", results)
    for t in threads:
        t.join(30)
    print("last of 64, wait any:", win32event.WaitForMultipleObjects(events[:64], False, 0))
    try:
        print(
            "same handle twice, wait all:",
            win32event.WaitForMultipleObjects([events[0], events[0]], True, 0),
        )
    except pywintypes.error as error:
        print("same handle twice, wait all:", error.winerror)
    print(
        "same handle twice, wait any:",
        win32event.WaitForMultipleObjects([events[1], events[1]], False, 0),
    )
    try:
        win32event.WaitForMultipleObjects([], False, 0)
    except pywintypes.error as error:
        print("no handles:", error.winerror)
    for ev in events:
        win32api.CloseHandle(ev)
    print("done")


if __name__ == "__main__":
    main()
