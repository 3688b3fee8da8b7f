"""Wait for every worker at once: WaitForMultipleObjects with bWaitAll.

Source: public GitHub files and answers that start worker threads, give each a manual-reset
"done" event and wait for all of them (``win32event.WaitForMultipleObjects(events, True,
timeout)``, "True" being bWaitAll; search "win32event.WaitForMultipleObjects(" with
"True"), then tell WAIT_TIMEOUT from WAIT_OBJECT_0, and the mixed form that waits for any
with False and reads which one from ``rc - WAIT_OBJECT_0``. The workers run when the driver
lets them, so the order of what is printed is fixed.
"""

import threading

import win32api
import win32event


def main():
    n = 3
    done = [win32event.CreateEvent(None, True, False, None) for _ in range(n)]
    go = [threading.Event() for _ in range(n)]

    def worker(i):
        go[i].wait(10)
        win32event.SetEvent(done[i])

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    rc = win32event.WaitForMultipleObjects(done, True, 0)
    print("none done:", rc == win32event.WAIT_TIMEOUT)
    go[1].set()
    rc = win32event.WaitForMultipleObjects(done, False, 5000)
    print("first done:", rc - win32event.WAIT_OBJECT_0)
    rc = win32event.WaitForMultipleObjects(done, True, 0)
    print("all done?", rc == win32event.WAIT_OBJECT_0, rc == win32event.WAIT_TIMEOUT)
    go[0].set()
    go[2].set()
    rc = win32event.WaitForMultipleObjects(done, True, 5000)
    print("all done:", rc == win32event.WAIT_OBJECT_0, rc)
    for t in threads:
        t.join()
    # manual-reset events stay signaled: wait-any gives the lowest index
    print("any:", win32event.WaitForMultipleObjects(done, False, 0))
    win32event.ResetEvent(done[0])
    print("any after reset:", win32event.WaitForMultipleObjects(done, False, 0))
    # auto-reset events are consumed by a wait-all only when all are signaled
    auto = [win32event.CreateEvent(None, False, False, None) for _ in range(2)]
    win32event.SetEvent(auto[0])
    print("auto all:", win32event.WaitForMultipleObjects(auto, True, 0) == win32event.WAIT_TIMEOUT)
    print(
        "first still set:", win32event.WaitForSingleObject(auto[0], 0) == win32event.WAIT_OBJECT_0
    )
    win32event.SetEvent(auto[0])
    win32event.SetEvent(auto[1])
    print("auto all now:", win32event.WaitForMultipleObjects(auto, True, 0))
    print("consumed:", win32event.WaitForMultipleObjects(auto, False, 0) == win32event.WAIT_TIMEOUT)
    for h in done + auto:
        win32api.CloseHandle(h)
    print("done")


if __name__ == "__main__":
    main()
