"""A waitable timer set again each round, waited with a longer timeout.

Source: a public GitHub file (search index id 11386496659, "uses the Windows API to set a
timer"), kept with its calls and their order: ``CreateWaitableTimer(None, True, None)``, then in
a loop ``SetWaitableTimer(handle, -10000000, 0, None, None, True)`` (relative, in 100 ns) and
``WaitForSingleObject(handle, 20000)`` compared with ``WAIT_OBJECT_0``/``WAIT_TIMEOUT``. The
driver makes it three rounds of a tenth of a second, then a manual-reset timer stays signaled,
and a cancelled one times out.
"""

import win32event


def main():
    timer_handle = win32event.CreateWaitableTimer(None, True, None)
    for _ in range(3):
        win32event.SetWaitableTimer(timer_handle, -1000000, 0, None, None, True)
        wait_for_timer = win32event.WaitForSingleObject(timer_handle, 20000)
        if wait_for_timer == win32event.WAIT_OBJECT_0:
            print("Timer worked!")
        elif wait_for_timer == win32event.WAIT_TIMEOUT:
            print("Timer did not trigger before the timeout!")
    print(
        "manual reset stays signaled:",
        win32event.WaitForSingleObject(timer_handle, 0) == win32event.WAIT_OBJECT_0,
    )
    win32event.SetWaitableTimer(timer_handle, -100000000, 0, None, None, False)
    win32event.CancelWaitableTimer(timer_handle)
    print("cancelled:", win32event.WaitForSingleObject(timer_handle, 50) == win32event.WAIT_TIMEOUT)
    timer_handle.Close()
    print("done")


if __name__ == "__main__":
    main()
