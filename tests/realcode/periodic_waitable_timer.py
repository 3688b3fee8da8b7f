"""A periodic waitable timer drives a worker loop until a stop event, as polling services do.

Source: public GitHub scripts that poll on a schedule with a waitable timer rather than
``time.sleep`` (``CreateWaitableTimer(None, False, None)``, ``SetWaitableTimer(timer, due,
period_ms, None, None, False)`` with a negative (relative) due time in 100 ns units, then
``WaitForMultipleObjects([stop, timer], False, INFINITE)`` in a loop, ``CancelWaitableTimer``
and ``CloseHandle`` at the end), rewritten with those calls in that order. The driver lets it
tick five times at 50 ms and sets the stop event from another thread; afterwards the
cancelled timer stays unsignaled once a tick that came before the cancel is taken
(CancelWaitableTimer leaves the signaled state as it is: a manual-reset timer shows it), and
an absolute due time in the past fires at once.
"""

import threading

import win32api
import win32event


def main():
    stop = win32event.CreateEvent(None, True, False, None)
    timer = win32event.CreateWaitableTimer(None, False, None)
    win32event.SetWaitableTimer(timer, -500000, 50, None, None, False)
    ticks = 0
    stopper = None
    while True:
        rc = win32event.WaitForMultipleObjects([stop, timer], False, win32event.INFINITE)
        if rc == win32event.WAIT_OBJECT_0:
            print("stop requested after", ticks, "ticks")
            break
        if rc == win32event.WAIT_OBJECT_0 + 1:
            ticks += 1
            print("tick", ticks)
            if ticks == 5:
                stopper = threading.Thread(target=win32event.SetEvent, args=(stop,))
                stopper.start()
                stopper.join()
    win32event.CancelWaitableTimer(timer)
    win32event.WaitForSingleObject(timer, 0)  # a tick that came before the cancel stays: take it
    print(
        "cancelled, waits:", win32event.WaitForSingleObject(timer, 200) == win32event.WAIT_TIMEOUT
    )
    manual = win32event.CreateWaitableTimer(None, True, None)
    win32event.SetWaitableTimer(manual, -1, 0, None, None, False)
    print("manual fired:", win32event.WaitForSingleObject(manual, 2000) == win32event.WAIT_OBJECT_0)
    win32event.CancelWaitableTimer(manual)
    print(
        "cancel keeps it signaled:",
        win32event.WaitForSingleObject(manual, 0) == win32event.WAIT_OBJECT_0,
    )
    win32api.CloseHandle(manual)
    past = 126227808000000000  # 2001-01-01 as a FILETIME: positive is absolute
    win32event.SetWaitableTimer(timer, past, 0, None, None, False)
    print(
        "absolute past due:",
        win32event.WaitForSingleObject(timer, 2000) == win32event.WAIT_OBJECT_0,
    )
    print("auto reset:", win32event.WaitForSingleObject(timer, 0) == win32event.WAIT_TIMEOUT)
    win32api.CloseHandle(timer)
    win32api.CloseHandle(stop)


if __name__ == "__main__":
    main()
