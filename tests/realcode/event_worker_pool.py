"""A worker pool driven by Win32 events: per-worker "ready" and "done" events and one stop event.

Source: public GitHub files (thread pools written against win32event, search
"win32event.CreateEvent(None, 0, 0, None) threading.Thread WaitForMultipleObjects
bWaitAll"), rewritten with their calls and their order: a manual-reset stop event, an
auto-reset "work" event and a manual-reset "done" event per worker, workers that wait with
``WaitForMultipleObjects([stop, work], False, INFINITE)`` and tell the index apart, the
producer that sets a worker's work event and waits for all done events with
``WaitForMultipleObjects(done, True, timeout)``, ``ResetEvent``, then the stop event set and
the threads joined.
"""

import threading

import win32event

N = 4


def worker(index, stop, work, done, results, lock):
    rounds = 0
    while True:
        rc = win32event.WaitForMultipleObjects([stop, work], False, win32event.INFINITE)
        if rc == win32event.WAIT_OBJECT_0:
            break
        if rc == win32event.WAIT_OBJECT_0 + 1:
            rounds += 1
            with lock:
                results.append((index, rounds, index * 10 + rounds))
            win32event.SetEvent(done)
    with lock:
        results.append((index, "stopped", rounds))


def main():
    stop = win32event.CreateEvent(None, True, False, None)
    works = [win32event.CreateEvent(None, False, False, None) for _ in range(N)]
    dones = [win32event.CreateEvent(None, True, False, None) for _ in range(N)]
    results = []
    lock = threading.Lock()
    threads = [
        threading.Thread(target=worker, args=(i, stop, works[i], dones[i], results, lock))
        for i in range(N)
    ]
    for t in threads:
        t.start()
    for round_no in range(1, 4):
        for w in works:
            win32event.SetEvent(w)
        rc = win32event.WaitForMultipleObjects(dones, True, 10000)
        print("round", round_no, "all done:", rc == win32event.WAIT_OBJECT_0, rc)
        with lock:
            print("  results:", sorted(r for r in results if r[1] == round_no))
        for d in dones:
            win32event.ResetEvent(d)
    print(
        "nothing done now:",
        win32event.WaitForMultipleObjects(dones, False, 0) == win32event.WAIT_TIMEOUT,
    )
    win32event.SetEvent(works[2])
    rc = win32event.WaitForMultipleObjects(dones, False, 10000)
    print("only worker 2 answered:", rc - win32event.WAIT_OBJECT_0)
    win32event.SetEvent(stop)
    for t in threads:
        t.join(10)
    print("alive after stop:", [t.is_alive() for t in threads])
    print("stopped:", sorted(r for r in results if r[1] == "stopped"))
    print("stop stays set:", win32event.WaitForSingleObject(stop, 0))


main()
