"""Lower a process's priority, pin it to one CPU, and read both back; the same for a child.

Source: public GitHub files (background workers and benchmark runners; search "win32process
SetPriorityClass GetProcessAffinityMask"), rewritten with their calls and their order:
``GetPriorityClass(GetCurrentProcess())``, ``SetPriorityClass(handle,
BELOW_NORMAL_PRIORITY_CLASS)``, ``GetProcessAffinityMask(handle)`` returning ``(process,
system)``, ``SetProcessAffinityMask(handle, 1)``, ``SetThreadPriority(GetCurrentThread(),
THREAD_PRIORITY_LOWEST)`` and ``GetThreadPriority``; a child started with
``IDLE_PRIORITY_CLASS`` in its creation flags, opened again by pid with
``PROCESS_QUERY_INFORMATION | PROCESS_SET_INFORMATION`` and raised.

Where Wine is not Windows: "child idle" is True, as on Windows (the child gets the class its
creation flags name); Wine ignores the flag and prints False.
"""

import sys

import pywintypes
import win32api
import win32con
import win32event
import win32process

GATE = "realcode-priority-gate"


def main():
    if sys.argv[1:] == ["child"]:
        gate = win32event.OpenEvent(win32event.SYNCHRONIZE, False, GATE)
        win32event.WaitForSingleObject(gate, 60000)
        return
    me = win32api.GetCurrentProcess()
    print("start:", win32process.GetPriorityClass(me) == win32process.NORMAL_PRIORITY_CLASS)
    win32process.SetPriorityClass(me, win32process.BELOW_NORMAL_PRIORITY_CLASS)
    print(
        "now below normal:",
        win32process.GetPriorityClass(me) == win32process.BELOW_NORMAL_PRIORITY_CLASS,
    )
    process_mask, system_mask = win32process.GetProcessAffinityMask(me)
    print("masks:", process_mask == system_mask, process_mask & 1)
    win32process.SetProcessAffinityMask(me, 1)
    print("pinned:", win32process.GetProcessAffinityMask(me) == (1, system_mask))
    try:
        win32process.SetProcessAffinityMask(me, 0)
    except pywintypes.error as error:
        print("empty mask:", error.winerror, error.funcname)
    win32process.SetProcessAffinityMask(me, system_mask)
    thread = win32api.GetCurrentThread()
    print("thread priority:", win32process.GetThreadPriority(thread))
    win32process.SetThreadPriority(thread, win32process.THREAD_PRIORITY_LOWEST)
    print("thread priority now:", win32process.GetThreadPriority(thread))
    win32process.SetThreadPriority(thread, win32process.THREAD_PRIORITY_NORMAL)
    gate = win32event.CreateEvent(None, True, False, GATE)
    cmd = f'"{sys.executable}" "{__file__}" child'
    h_process, h_thread, pid, tid = win32process.CreateProcess(
        None,
        cmd,
        None,
        None,
        False,
        win32process.IDLE_PRIORITY_CLASS,
        None,
        None,
        win32process.STARTUPINFO(),
    )
    print(
        "child idle:", win32process.GetPriorityClass(h_process) == win32process.IDLE_PRIORITY_CLASS
    )
    other = win32api.OpenProcess(
        win32con.PROCESS_QUERY_INFORMATION | win32con.PROCESS_SET_INFORMATION, False, pid
    )
    win32process.SetPriorityClass(other, win32process.ABOVE_NORMAL_PRIORITY_CLASS)
    print(
        "child raised:",
        win32process.GetPriorityClass(h_process) == win32process.ABOVE_NORMAL_PRIORITY_CLASS,
    )
    try:
        win32process.SetPriorityClass(other, 0x12345)
    except pywintypes.error as error:
        print("bad class:", error.winerror)
    win32event.SetEvent(gate)
    print("child ended:", win32event.WaitForSingleObject(h_process, 30000))
    win32process.SetPriorityClass(me, win32process.NORMAL_PRIORITY_CLASS)
    for h in (h_process, h_thread, other, gate):
        win32api.CloseHandle(h)
    print("done")


if __name__ == "__main__":
    main()
