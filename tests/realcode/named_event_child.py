"""A parent waits for a child process to say it is ready through a named event.

Source: public GitHub files (a launcher and its worker, search "win32event OpenEvent
EVENT_ALL_ACCESS child ready"), rewritten with their calls and their order: the parent makes a
manual-reset named event, starts the worker with ``CreateProcess``, waits with
``WaitForMultipleObjects([ready, process], False, timeout)`` so a worker that dies early does
not hang it; the worker ``OpenEvent(EVENT_ALL_ACCESS, False, name)``, ``SetEvent``,
``CloseHandle``. A second worker exits before setting it.
"""

import sys

import win32api
import win32event
import win32process

NAME = "Local\\realcode-worker-ready"


def worker(behaviour):
    if behaviour == "dies":
        sys.exit(9)
    handle = win32event.OpenEvent(win32event.EVENT_ALL_ACCESS, False, NAME)
    win32event.SetEvent(handle)
    win32api.CloseHandle(handle)


def launch(behaviour):
    ready = win32event.CreateEvent(None, True, False, NAME)
    cmd = f'"{sys.executable}" "{__file__}" {behaviour}'
    h_process, h_thread, _, _ = win32process.CreateProcess(
        None, cmd, None, None, False, 0, None, None, win32process.STARTUPINFO()
    )
    rc = win32event.WaitForMultipleObjects([ready, h_process], False, 20000)
    if rc == win32event.WAIT_OBJECT_0:
        print(behaviour, "-> worker is ready")
        win32event.WaitForSingleObject(h_process, 20000)
    elif rc == win32event.WAIT_OBJECT_0 + 1:
        print(behaviour, "-> worker died first, code", win32process.GetExitCodeProcess(h_process))
    else:
        print(behaviour, "-> wait returned", rc)
    print("event state now:", win32event.WaitForSingleObject(ready, 0))
    win32event.ResetEvent(ready)
    for h in (h_process, h_thread, ready):
        win32api.CloseHandle(h)


def main():
    if len(sys.argv) > 1:
        worker(sys.argv[1])
        return
    launch("sets")
    launch("dies")
    print("done")


if __name__ == "__main__":
    main()
