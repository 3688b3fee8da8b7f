"""A program that runs once per session: a second copy finds the first and steps aside.

The classic Windows idiom: create a named mutex and ask GetLastError() whether the name
existed. The mutex is one object for every process of the user's session, so the second
copy sees ERROR_ALREADY_EXISTS; when the first copy ends (or is killed), the name goes with
it and the next copy runs.

    python -m apartment run examples/single_instance.py [SECONDS]   # run (default 30 s)
    python -m apartment run examples/single_instance.py --stop      # end the running copy
"""

from __future__ import annotations

import sys

import win32api
import win32event
import winerror

NAME = "apartment-example-single-instance"


def run(seconds: float) -> int:
    mutex = win32event.CreateMutex(None, False, NAME)
    if win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS:
        print("Another copy is running; this one exits.")
        return 1
    stop = win32event.CreateEvent(None, True, False, NAME + "-stop")
    print(f"The only copy: running for {seconds} s, or until --stop.", flush=True)
    win32event.WaitForSingleObject(stop, int(seconds * 1000))
    print("Done.")
    mutex.Close()
    return 0


def stop() -> int:
    try:
        event = win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, False, NAME + "-stop")
    except win32api.error as failure:
        print(f"No copy is running ({failure.strerror})")
        return 1
    win32event.SetEvent(event)
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--stop"]:
        sys.exit(stop())
    sys.exit(run(float(sys.argv[1]) if len(sys.argv) > 1 else 30.0))
