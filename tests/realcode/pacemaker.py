"""A heartbeat thread: a periodic waitable timer and a kill event.

Source: a public GitHub file (a logging library's ``pacemaker``, search index id 894517310),
kept with its calls and their order: a manual-reset kill event, an auto-reset waitable timer set
with due time 0 and a period, ``WaitForMultipleObjects([kill, pulse], False, 1000)`` compared
with ``win32con.WAIT_OBJECT_0``. The driver stops it after three pulses.
"""

import threading

import win32con
import win32event


def main():
    kill = win32event.CreateEvent(None, 1, 0, None)
    pulse = win32event.CreateWaitableTimer(None, 0, None)
    beats = []
    three = threading.Event()

    def target(timeout_ms=50):
        win32event.SetWaitableTimer(pulse, 0, timeout_ms, None, None, False)
        while True:
            result = win32event.WaitForMultipleObjects([kill, pulse], False, 1000)
            if result == win32con.WAIT_OBJECT_0:
                break
            elif result == win32con.WAIT_OBJECT_0 + 1:
                beats.append("beat")
                if len(beats) == 3:
                    three.set()
        print("pacemaker stopped")

    thread = threading.Thread(target=target)
    thread.start()
    three.wait(10)
    win32event.SetEvent(kill)
    thread.join(10)
    print("at least three beats:", len(beats) >= 3)
    win32event.CancelWaitableTimer(pulse)
    print("done")


if __name__ == "__main__":
    main()
