"""A VPN client's keep-alive: a timer thread posts to an I/O completion port.

Source: a public GitHub file (a wintun VPN client, search index id 65715468369), rewritten with
its calls and their order: a ``threading.Thread`` subclass whose handle is
``CreateWaitableTimer(None, 0, None)``, ``SetWaitableTimer(handle, -10000000 * interval,
1000 * interval, None, None, 0)``, a loop of ``PostQueuedCompletionStatus(port, 0, 0, None)``
and ``WaitForSingleObject(handle, INFINITE)``; the main loop takes the posts with
``GetQueuedCompletionStatus``. Intervals are fractions of a second here.
"""

import threading

import win32event
import win32file

completion_port = None
running = True


class TimerThread(threading.Thread):
    def __init__(self, interval=None):
        self.handle = win32event.CreateWaitableTimer(None, 0, None)
        if interval:
            self.set_timer(interval)
        threading.Thread.__init__(self)

    def run(self):
        while running:
            win32file.PostQueuedCompletionStatus(completion_port, 0, 0, None)
            win32event.WaitForSingleObject(self.handle, win32event.INFINITE)

    def set_timer(self, interval):
        win32event.SetWaitableTimer(
            self.handle, int(-10000000 * interval), int(1000 * interval), None, None, 0
        )


def main():
    global completion_port, running
    completion_port = win32file.CreateIoCompletionPort(win32file.INVALID_HANDLE_VALUE, None, 0, 0)
    timer = TimerThread(0.02)
    timer.start()
    ticks = 0
    while ticks < 4:
        rc, transferred, key, overlapped = win32file.GetQueuedCompletionStatus(
            completion_port, 5000
        )
        print("tick:", rc, transferred, key, overlapped)
        ticks += 1
    running = False
    timer.join(10)
    rc, transferred, key, overlapped = win32file.GetQueuedCompletionStatus(completion_port, 0)
    while overlapped is None and rc == 0:
        rc, transferred, key, overlapped = win32file.GetQueuedCompletionStatus(completion_port, 0)
    print("empty port:", rc, transferred, key, overlapped)
    win32file.PostQueuedCompletionStatus(completion_port, 12, 34, None)
    print("own post:", win32file.GetQueuedCompletionStatus(completion_port, 0))
    completion_port.Close()
    print("done")


if __name__ == "__main__":
    main()
