"""A ping-pong of two threads with SignalObjectAndWait, and its timeout.

Source: public GitHub files (a producer/consumer hand-off ported from C; search
"win32event SignalObjectAndWait"), rewritten with their calls and their order: two auto-reset
events, each side ``SignalObjectAndWait(other, mine, INFINITE, False)``; a last call with a
timeout that times out; a mutex signaled by its owner.

The real pywin32 cannot run it: its SignalObjectAndWait is declared BOOLAPI, so it raises
pywintypes.error (with whatever the last error was) when the wait succeeds and returns None
when it times out. The facade returns the wait code, as the Win32 function does (a
documented deviation, docs/differences-from-windows.md); the expected output is that.
"""

import threading

import win32event


def main():
    ping = win32event.CreateEvent(None, 0, 0, None)
    pong = win32event.CreateEvent(None, 0, 0, None)
    trail = []

    def other():
        win32event.WaitForSingleObject(ping, win32event.INFINITE)
        for i in range(3):
            trail.append(f"pong {i}")
            rc = win32event.SignalObjectAndWait(pong, ping, 5000, False)
            if rc != win32event.WAIT_OBJECT_0:
                trail.append(f"pong side got {rc}")
                return

    thread = threading.Thread(target=other)
    thread.start()
    for i in range(3):
        trail.append(f"ping {i}")
        rc = win32event.SignalObjectAndWait(ping, pong, 5000, False)
        if rc != win32event.WAIT_OBJECT_0:
            trail.append(f"ping side got {rc}")
    win32event.SetEvent(ping)
    thread.join(10)
    print(trail)
    print("timeout:", win32event.SignalObjectAndWait(ping, pong, 20, False))
    mutex = win32event.CreateMutex(None, True, None)
    print("mutex as the signal:", win32event.SignalObjectAndWait(mutex, pong, 0, False))
    print("done")


if __name__ == "__main__":
    main()
