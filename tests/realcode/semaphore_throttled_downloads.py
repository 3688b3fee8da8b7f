"""At most two "downloads" at once: a semaphore, a stop event and WAIT_TIMEOUT handling.

Source: public pywin32 scripts that throttle worker threads with a Win32 semaphore and stop
them with an event (search "win32event.CreateSemaphore WaitForMultipleObjects stop_event
WAIT_TIMEOUT worker threads throttle"), rewritten with their calls in their order: each worker
loops on ``WaitForMultipleObjects([stop, sem], False, 50)``: index 0 means stop, index 1 a slot,
``WAIT_TIMEOUT`` means try again; a worker holds its slot until the driver lets it finish and
gives it back with ``ReleaseSemaphore(sem, 1)``, whose previous count it records. The driver
lets two in, sees a third time out waiting, lets one finish so the third gets in, starts a
fourth, sees it time out, then sets the stop event: the fourth leaves through index 0 (the
stop comes first in the list) while the others still hold their slots.
"""

import threading

import win32api
import win32event


def main():
    sem = win32event.CreateSemaphore(None, 2, 2, None)
    stop = win32event.CreateEvent(None, True, False, None)
    lock = threading.Lock()
    log = []
    counts = {}
    entered = win32event.CreateSemaphore(None, 0, 10, None)
    timed_out = {name: win32event.CreateEvent(None, True, False, None) for name in "ABCD"}
    finish = {name: win32event.CreateEvent(None, False, False, None) for name in "ABCD"}

    def worker(name):
        while True:
            rc = win32event.WaitForMultipleObjects([stop, sem], False, 50)
            if rc == win32event.WAIT_TIMEOUT:
                win32event.SetEvent(timed_out[name])
                continue
            break
        waited = win32event.WaitForSingleObject(timed_out[name], 0) == win32event.WAIT_OBJECT_0
        if rc == win32event.WAIT_OBJECT_0:
            with lock:
                log.append(f"{name} stopped, waited first: {waited}")
            return
        with lock:
            log.append(f"{name} downloading, waited first: {waited}")
        win32event.ReleaseSemaphore(entered, 1)
        win32event.WaitForSingleObject(finish[name], 30000)
        with lock:
            log.append(f"{name} done")
        counts[name] = win32event.ReleaseSemaphore(sem, 1)

    threads = {}

    def start(name):
        threads[name] = threading.Thread(target=worker, args=(name,))
        threads[name].start()

    for name in "AB":
        start(name)
        win32event.WaitForSingleObject(entered, 30000)
    start("C")
    print(
        "C timed out while both slots were taken:",
        win32event.WaitForSingleObject(timed_out["C"], 30000),
    )
    win32event.SetEvent(finish["A"])
    win32event.WaitForSingleObject(entered, 30000)  # C is in
    threads["A"].join(30)
    start("D")
    print(
        "D timed out while B and C downloaded:",
        win32event.WaitForSingleObject(timed_out["D"], 30000),
    )
    win32event.SetEvent(stop)
    threads["D"].join(30)
    win32event.SetEvent(finish["B"])
    threads["B"].join(30)
    win32event.SetEvent(finish["C"])
    threads["C"].join(30)
    for line in log:
        print(line)
    print("previous counts:", sorted(counts.items()))
    print("a slot is free:", win32event.WaitForSingleObject(sem, 0))
    win32api.CloseHandle(sem)
    print("done")


if __name__ == "__main__":
    main()
