"""A manual-reset "go" event shared by worker threads: set, reset, and PulseEvent.

Source: public GitHub files (thread start gates and broadcast signals, search "win32event
PulseEvent ResetEvent manual reset"), rewritten with their calls and their order: a
manual-reset event made unsignaled, workers that ``WaitForSingleObject(go, INFINITE)``,
``SetEvent`` which frees them all and leaves it signaled for late comers, ``ResetEvent`` to
close the gate again, ``PulseEvent`` with no one waiting, which leaves it unsignaled.
"""

import threading

import win32event


def main():
    go = win32event.CreateEvent(None, True, False, None)
    ready = win32event.CreateSemaphore(None, 0, 3, None)
    passed = []
    lock = threading.Lock()

    def worker(n):
        win32event.ReleaseSemaphore(ready, 1)
        win32event.WaitForSingleObject(go, win32event.INFINITE)
        with lock:
            passed.append(n)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for _ in range(3):
        win32event.WaitForSingleObject(ready, 10000)
    win32event.SetEvent(go)
    for t in threads:
        t.join(10)
    print("set frees all:", sorted(passed))
    print("set stays signaled:", win32event.WaitForSingleObject(go, 0))
    win32event.ResetEvent(go)
    print("reset closes it:", win32event.WaitForSingleObject(go, 0))
    print("pulse with no waiter:", win32event.PulseEvent(go))
    print("and it stays unsignaled:", win32event.WaitForSingleObject(go, 0))
    go.Close()
    print("done")


if __name__ == "__main__":
    main()
