"""At most two worker processes at a time in the critical part: a named semaphore across processes.

Source: public GitHub scripts and answers that limit concurrent processes
(``multiprocessing.Process`` workers) with a Win32 named semaphore:
``win32event.CreateSemaphore(None, 2, 2, "Global-ish name")`` in the parent,
``win32event.OpenSemaphore(win32con.SYNCHRONIZE | win32con.SEMAPHORE_MODIFY_STATE, False,
name)`` in each child, ``WaitForSingleObject(sem, INFINITE)`` around the work and
``ReleaseSemaphore(sem, 1)`` after it, which returns the previous count (search
"win32event.CreateSemaphore multiprocessing OpenSemaphore ReleaseSemaphore"). The children
record how many are inside at once in a shared value under a named mutex; the parent waits for
them with a named manual-reset "go" event so that all start together.
"""

import multiprocessing

import win32api
import win32con
import win32event

SEM = "realcode_semaphore_processes_demo_sem"
MUTEX = "realcode_semaphore_processes_demo_mutex"
GO = "realcode_semaphore_processes_demo_go"


def worker(index, inside, peak, done):
    sem = win32event.OpenSemaphore(
        win32con.SYNCHRONIZE | win32con.SEMAPHORE_MODIFY_STATE, False, SEM
    )
    mutex = win32event.OpenMutex(win32con.SYNCHRONIZE, False, MUTEX)
    go = win32event.OpenEvent(win32con.SYNCHRONIZE, False, GO)
    win32event.WaitForSingleObject(go, 30000)
    win32event.WaitForSingleObject(sem, win32event.INFINITE)
    try:
        win32event.WaitForSingleObject(mutex, win32event.INFINITE)
        inside.value += 1
        peak.value = max(peak.value, inside.value)
        win32event.ReleaseMutex(mutex)
        win32api.Sleep(100)  # the work
        win32event.WaitForSingleObject(mutex, win32event.INFINITE)
        inside.value -= 1
        done.value += 1
        win32event.ReleaseMutex(mutex)
    finally:
        win32event.ReleaseSemaphore(sem, 1)


def main():
    sem = win32event.CreateSemaphore(None, 2, 2, SEM)
    mutex = win32event.CreateMutex(None, False, MUTEX)
    go = win32event.CreateEvent(None, True, False, GO)
    inside = multiprocessing.Value("i", 0, lock=False)
    peak = multiprocessing.Value("i", 0, lock=False)
    done = multiprocessing.Value("i", 0, lock=False)
    procs = [multiprocessing.Process(target=worker, args=(i, inside, peak, done)) for i in range(5)]
    for p in procs:
        p.start()
    win32event.SetEvent(go)
    for p in procs:
        p.join(60)
    print("exit codes:", [p.exitcode for p in procs])
    print(
        "done:", done.value, "peak within limit:", 1 <= peak.value <= 2, "inside now:", inside.value
    )
    print(
        "count back to 2:",
        win32event.WaitForSingleObject(sem, 0) == 0 and win32event.ReleaseSemaphore(sem, 1),
    )
    try:
        win32event.ReleaseSemaphore(sem, 1)
    except win32event.error as e:
        print("over the maximum:", e.winerror, e.funcname)
    for handle in (go, mutex, sem):
        win32api.CloseHandle(handle)
    print("done")


if __name__ == "__main__":
    main()
