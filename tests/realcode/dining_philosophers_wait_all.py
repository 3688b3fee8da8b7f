"""Dining philosophers with Win32 mutexes: WaitForMultipleObjects(forks, bWaitAll=True).

Source: the classic Win32 threading exercise as written for pywin32 in course notes and
gists ("win32event.WaitForMultipleObjects([left, right], True, INFINITE)" picks up both forks
at once, so no philosopher holds one fork while waiting for the other; ``ReleaseMutex`` on
both after eating), rewritten with those calls: five threads, five unnamed mutexes, a shared
counter guarded by a sixth, each philosopher eating a fixed number of times; a fork still
owned is told by ``ReleaseMutex`` failing with 288 (ERROR_NOT_OWNER) on another thread.
"""

import threading

import pywintypes
import win32event

SEATS = 5
MEALS = 20


def philosopher(seat, forks, table, meals, errors):
    left, right = forks[seat], forks[(seat + 1) % SEATS]
    for _ in range(MEALS):
        rc = win32event.WaitForMultipleObjects([left, right], True, 10000)
        if rc != win32event.WAIT_OBJECT_0:
            errors.append((seat, rc))
            return
        win32event.WaitForSingleObject(table, win32event.INFINITE)
        meals[seat] += 1
        win32event.ReleaseMutex(table)
        win32event.ReleaseMutex(right)
        win32event.ReleaseMutex(left)


def main():
    forks = [win32event.CreateMutex(None, False, None) for _ in range(SEATS)]
    table = win32event.CreateMutex(None, False, None)
    meals = [0] * SEATS
    errors = []
    threads = [
        threading.Thread(target=philosopher, args=(seat, forks, table, meals, errors))
        for seat in range(SEATS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    print("meals:", meals)
    print("errors:", errors)
    print(
        "all forks free:",
        win32event.WaitForMultipleObjects(forks, True, 0) == win32event.WAIT_OBJECT_0,
    )
    held = []

    def release_from_elsewhere():
        try:
            win32event.ReleaseMutex(forks[0])
            held.append("released")
        except pywintypes.error as error:
            held.append((error.winerror, error.funcname))

    other = threading.Thread(target=release_from_elsewhere)
    other.start()
    other.join(10)
    print("release by a thread that does not own it:", held[0])
    for fork in forks:
        win32event.ReleaseMutex(fork)


main()
