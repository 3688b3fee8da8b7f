"""A periodic send timer: a high-resolution waitable timer, with a fallback, by its .handle.

Source: public GitHub files (python-can's ``broadcastmanager``, search index ids 115157658 and
33908485160), rewritten with their calls and their order: ``CreateWaitableTimerEx(None, None,
CREATE_WAITABLE_TIMER_HIGH_RESOLUTION, TIMER_ALL_ACCESS)`` with ``CreateWaitableTimer(None,
False, None)`` as the fallback on ``AttributeError``/``OSError``/``pywintypes.error``,
``SetWaitableTimer(event.handle, 0, period_ms, None, None, False)``,
``WaitForSingleObject(event.handle, INFINITE)`` each period and
``WaitForSingleObject(event.handle, 0)``, ``CancelWaitableTimer(event.handle)`` to stop.
"""

import threading

import pywintypes
import win32event


def create_timer():
    try:
        event = win32event.CreateWaitableTimerEx(
            None,
            None,
            win32event.CREATE_WAITABLE_TIMER_HIGH_RESOLUTION,
            win32event.TIMER_ALL_ACCESS,
        )
        kind = "high resolution"
    except (AttributeError, OSError, pywintypes.error):
        event = win32event.CreateWaitableTimer(None, False, None)
        kind = "fallback"
    return event, kind


def main():
    event, kind = create_timer()
    print("timer:", kind, type(event.handle).__name__)
    print("not yet set:", win32event.WaitForSingleObject(event.handle, 0))
    win32event.SetWaitableTimer(event.handle, 0, 20, None, None, False)
    sent = []
    stopped = threading.Event()

    def send_loop():
        while not stopped.is_set():
            win32event.WaitForSingleObject(event.handle, win32event.INFINITE)
            sent.append(1)
            if len(sent) == 5:
                stopped.set()

    thread = threading.Thread(target=send_loop)
    thread.start()
    thread.join(10)
    print("sent five periods:", len(sent))
    win32event.CancelWaitableTimer(event.handle)
    print("after cancel:", win32event.WaitForSingleObject(event.handle, 60))
    event.Close()
    try:
        win32event.SetWaitableTimer(event, 0, 20, None, None, False)
    except pywintypes.error as error:
        print("closed timer:", error.winerror, error.funcname)
    print("done")


if __name__ == "__main__":
    main()
