"""Start children, poll them with GetExitCodeProcess until they leave STILL_ACTIVE, end one.

Source: public GitHub files (process launchers that poll instead of waiting; search
"win32process GetExitCodeProcess STILL_ACTIVE"), rewritten with their calls and their order:
``CreateProcess(None, cmd, None, None, 0, CREATE_NO_WINDOW, None, None, STARTUPINFO())``,
a loop on ``GetExitCodeProcess(h) == STILL_ACTIVE`` with ``WaitForSingleObject(h, 100)``
between checks, ``OpenProcess(PROCESS_QUERY_INFORMATION, False, pid)`` by id,
``TerminateProcess(h, 1)`` of a child that would run on, and the exit code a child chose.
A named event stands for the child's work.

Wine differs: there TerminateProcess of a process that has ended succeeds; Windows fails it
with ERROR_ACCESS_DENIED (5), as we do (CPython's ``subprocess`` relies on it).
"""

import sys

import pywintypes
import win32api
import win32con
import win32event
import win32process

RELEASE = "realcode-exit-code-release"


def child(code):
    gate = win32event.OpenEvent(win32event.SYNCHRONIZE, False, RELEASE)
    win32event.WaitForSingleObject(gate, 60000)
    sys.exit(int(code))


def start(arg):
    cmd = f'"{sys.executable}" "{__file__}" {arg}'
    h_process, h_thread, pid, tid = win32process.CreateProcess(
        None,
        cmd,
        None,
        None,
        0,
        win32process.CREATE_NO_WINDOW,
        None,
        None,
        win32process.STARTUPINFO(),
    )
    win32api.CloseHandle(h_thread)
    return h_process, pid


def main():
    if len(sys.argv) > 1:
        child(sys.argv[1])
        return
    print("STILL_ACTIVE:", win32con.STILL_ACTIVE)
    gate = win32event.CreateEvent(None, True, False, RELEASE)
    h_first, pid_first = start(7)
    h_second, pid_second = start(0)
    print("first running:", win32process.GetExitCodeProcess(h_first) == win32con.STILL_ACTIVE)
    by_id = win32api.OpenProcess(win32con.PROCESS_QUERY_INFORMATION, False, pid_second)
    print("by id running:", win32process.GetExitCodeProcess(by_id) == win32con.STILL_ACTIVE)
    win32api.TerminateProcess(h_second, 1)
    win32event.WaitForSingleObject(h_second, 30000)
    print("terminated, by id:", win32process.GetExitCodeProcess(by_id))
    win32event.SetEvent(gate)
    polls = 0
    while win32process.GetExitCodeProcess(h_first) == win32con.STILL_ACTIVE:
        win32event.WaitForSingleObject(h_first, 100)
        polls += 1
        if polls > 600:
            break
    print("first exit code:", win32process.GetExitCodeProcess(h_first))
    try:
        win32api.TerminateProcess(h_first, 5)
        print("terminate after exit: no error")
    except pywintypes.error as error:
        print("terminate after exit:", error.winerror, error.funcname)
    print("code unchanged:", win32process.GetExitCodeProcess(h_first))
    for h in (h_first, h_second, by_id, gate):
        win32api.CloseHandle(h)
    print("done")


if __name__ == "__main__":
    main()
