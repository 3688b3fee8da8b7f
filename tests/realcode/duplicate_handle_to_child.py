"""Give a child process an event by duplicating the handle into it, and pass its value along.

Source: public GitHub files (multiprocessing-style launchers that share a stop event without a
name; search "win32api DuplicateHandle GetCurrentProcess child process handle value argv"),
rewritten with their calls and their order: the child started suspended with
``CreateProcess(..., CREATE_SUSPENDED, ...)``; ``DuplicateHandle(GetCurrentProcess(), event,
h_process, 0, False, DUPLICATE_SAME_ACCESS)`` returning the handle's value in the child as an
handle; the value passed in a file the child reads (the originals used a pipe);
``ResumeThread``; the child ``SetEvent(int(value))``; a duplicate with
``DUPLICATE_CLOSE_SOURCE`` into the same process, whose source handle is then detached.
"""

import os
import sys

import win32api
import win32con
import win32event
import win32process

VALUE_FILE = "handle-value.txt"


def child():
    with open(VALUE_FILE) as f:
        value = int(f.read())
    win32event.SetEvent(value)
    win32event.WaitForSingleObject(value, 0)


def main():
    if sys.argv[1:] == ["child"]:
        child()
        return
    me = win32api.GetCurrentProcess()
    event = win32event.CreateEvent(None, True, False, None)
    cmd = f'"{sys.executable}" "{__file__}" child'
    h_process, h_thread, pid, tid = win32process.CreateProcess(
        None,
        cmd,
        None,
        None,
        False,
        win32process.CREATE_SUSPENDED,
        None,
        os.getcwd(),
        win32process.STARTUPINFO(),
    )
    in_child = win32api.DuplicateHandle(
        me, event, h_process, 0, False, win32con.DUPLICATE_SAME_ACCESS
    )
    print("value in the child is a:", type(in_child).__name__)
    in_child_too = win32api.DuplicateHandle(me, event, me, 0, False, win32con.DUPLICATE_SAME_ACCESS)
    with open(VALUE_FILE, "w") as f:
        f.write(str(int(in_child)))
    print("event before:", win32event.WaitForSingleObject(event, 0))
    print("resume:", win32process.ResumeThread(h_thread))
    print("child ended:", win32event.WaitForSingleObject(h_process, 30000))
    print("child exit code:", win32process.GetExitCodeProcess(h_process))
    print("event after:", win32event.WaitForSingleObject(event, 0))
    copy = win32api.DuplicateHandle(
        me,
        in_child_too,
        me,
        0,
        False,
        win32con.DUPLICATE_SAME_ACCESS | win32con.DUPLICATE_CLOSE_SOURCE,
    )
    print("copy:", win32event.WaitForSingleObject(copy, 0))
    in_child_too.Detach()  # closed by DUPLICATE_CLOSE_SOURCE: the PyHANDLE must not close it again
    for h in (copy, event, h_thread, h_process):
        win32api.CloseHandle(h)
    print("done")


if __name__ == "__main__":
    main()
