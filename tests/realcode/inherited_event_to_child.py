"""Hand an event to a child process by inheritance: its handle value on the command line.

Source: public pywin32 code that signals a parent from a child without a name (search
"SECURITY_ATTRIBUTES bInheritHandle CreateEvent CreateProcess bInheritHandles int(handle)
command line"), rewritten with their calls in their order: ``sa =
pywintypes.SECURITY_ATTRIBUTES()``, ``sa.bInheritHandle = 1``, ``CreateEvent(sa, True, False,
None)``, ``CreateProcess(None, cmd, None, None, True, 0, None, None, STARTUPINFO())`` with
``int(event)`` in ``cmd``; the child calls ``SetEvent`` on that number and the parent's
``WaitForSingleObject`` returns. ``GetHandleInformation`` shows ``HANDLE_FLAG_INHERIT``; an
event made without it, or one whose flag ``SetHandleInformation`` cleared, is not in the child:
there the same number fails with ERROR_INVALID_HANDLE (6).
"""

import subprocess
import sys

import pywintypes
import win32api
import win32con
import win32event
import win32process


def child(values):
    for value in values:
        try:
            win32event.SetEvent(int(value))
            print("child set", "ok")
        except pywintypes.error as e:
            print("child set", "failed", e.winerror, e.funcname)


def run_child(events, inherit):
    cmd = subprocess.list2cmdline(
        [sys.executable, __file__, "child"] + [str(int(e)) for e in events]
    )
    hp, ht, pid, tid = win32process.CreateProcess(
        None, cmd, None, None, inherit, 0, None, None, win32process.STARTUPINFO()
    )
    win32event.WaitForSingleObject(hp, 60000)
    code = win32process.GetExitCodeProcess(hp)
    win32api.CloseHandle(ht)
    win32api.CloseHandle(hp)
    return code


def main():
    sa = pywintypes.SECURITY_ATTRIBUTES()
    sa.bInheritHandle = 1
    inherited = win32event.CreateEvent(sa, True, False, None)
    print("inherit flag:", win32api.GetHandleInformation(inherited) & win32con.HANDLE_FLAG_INHERIT)
    print("child exit:", run_child([inherited], True))
    print("parent sees:", win32event.WaitForSingleObject(inherited, 10000))

    private = win32event.CreateEvent(None, True, False, None)
    print("private flag:", win32api.GetHandleInformation(private) & win32con.HANDLE_FLAG_INHERIT)
    cleared = win32event.CreateEvent(sa, True, False, None)
    win32api.SetHandleInformation(cleared, win32con.HANDLE_FLAG_INHERIT, 0)
    print("cleared flag:", win32api.GetHandleInformation(cleared) & win32con.HANDLE_FLAG_INHERIT)
    sys.stdout.flush()
    print("child exit:", run_child([private, cleared], True))
    print(
        "parent sees:",
        win32event.WaitForSingleObject(private, 0),
        win32event.WaitForSingleObject(cleared, 0),
    )
    print("done")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        child(sys.argv[2:])
    else:
        main()
