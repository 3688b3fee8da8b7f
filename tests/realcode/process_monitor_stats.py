"""A process monitor: open a child by its id and read its times, memory and I/O counters.

Source: public GitHub files (resource monitors and test harnesses that watch a child; search
"win32process GetProcessTimes GetProcessMemoryInfo GetProcessIoCounters OpenProcess
PROCESS_QUERY_INFORMATION PROCESS_VM_READ"), rewritten with their calls and their order:
``OpenProcess(PROCESS_QUERY_INFORMATION | PROCESS_VM_READ | SYNCHRONIZE, False, pid)``,
``GetProcessTimes(handle)`` (a dict of CreationTime, ExitTime, KernelTime, UserTime),
``GetProcessMemoryInfo(handle)`` (a dict of the PROCESS_MEMORY_COUNTERS fields),
``GetProcessIoCounters(handle)``, ``GetModuleFileNameEx(handle, None)``, ``GetExitCodeProcess``,
``GetProcessId(handle)``; the keys, the types and the signs, not the values, are printed.
"""

import sys

import win32api
import win32con
import win32event
import win32process

GATE = "realcode-monitor-gate"


def main():
    if sys.argv[1:] == ["child"]:
        gate = win32event.OpenEvent(win32event.SYNCHRONIZE, False, GATE)
        data = [bytes(1000) for _ in range(1000)]
        win32event.WaitForSingleObject(gate, 60000)
        return len(data)
    gate = win32event.CreateEvent(None, True, False, GATE)
    cmd = f'"{sys.executable}" "{__file__}" child'
    h_process, h_thread, pid, tid = win32process.CreateProcess(
        None, cmd, None, None, False, 0, None, None, win32process.STARTUPINFO()
    )
    handle = win32api.OpenProcess(
        win32con.PROCESS_QUERY_INFORMATION | win32con.PROCESS_VM_READ | win32con.SYNCHRONIZE,
        False,
        pid,
    )
    print("same process:", win32process.GetProcessId(handle) == pid)
    times = win32process.GetProcessTimes(handle)
    print("times:", sorted(times), {k: type(v).__name__ for k, v in sorted(times.items())})
    print("user time not negative:", times["UserTime"] >= 0)
    memory = win32process.GetProcessMemoryInfo(handle)
    print("memory:", sorted(memory))
    print(
        "working set positive:",
        memory["WorkingSetSize"] > 0,
        memory["PeakWorkingSetSize"] >= memory["WorkingSetSize"],
    )
    io = win32process.GetProcessIoCounters(handle)
    print("io:", sorted(io))
    print("exe is a python:", "python" in win32process.GetModuleFileNameEx(handle, None).lower())
    print("still active:", win32process.GetExitCodeProcess(handle) == win32con.STILL_ACTIVE)
    win32event.SetEvent(gate)
    print("ended:", win32event.WaitForSingleObject(handle, 30000))
    ended = win32process.GetProcessTimes(handle)
    print("exit time after creation:", ended["ExitTime"] >= ended["CreationTime"])
    for h in (handle, h_process, h_thread, gate):
        win32api.CloseHandle(h)
    print("done")


if __name__ == "__main__":
    main()
