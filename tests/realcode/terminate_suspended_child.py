"""Start a child suspended, then change your mind: TerminateProcess before it ever ran.

Source: public pywin32 launchers that create a process suspended to set it up first and kill
it when the setup fails (search "CREATE_SUSPENDED TerminateProcess GetExitCodeProcess
GetExitCodeThread win32process"), rewritten with their calls in their order:
``CreateProcess(..., CREATE_SUSPENDED, ...)`` returning ``(hProcess, hThread, pid, tid)``,
``GetExitCodeProcess`` and ``GetExitCodeThread`` at ``STILL_ACTIVE`` (259), a wait on the
process that times out (it is suspended), ``TerminateProcess(hProcess, 5)``, both handles
signaled, the process's and its main thread's exit codes both 5, a second
``TerminateProcess`` of the ended process failing with ERROR_ACCESS_DENIED (5) and leaving
the exit code as it was.
Wine differs: its second ``TerminateProcess`` succeeds; Windows refuses a process that has
ended (STATUS_PROCESS_IS_TERMINATING, ERROR_ACCESS_DENIED), as we do: that line is Windows'.
"""

import subprocess
import sys

import pywintypes
import win32api
import win32con
import win32event
import win32process


def main():
    cmd = subprocess.list2cmdline([sys.executable, "-c", "print('never runs')"])
    hp, ht, pid, tid = win32process.CreateProcess(
        None,
        cmd,
        None,
        None,
        False,
        win32con.CREATE_SUSPENDED,
        None,
        None,
        win32process.STARTUPINFO(),
    )
    print("ids:", pid > 0, tid > 0)
    print(
        "process code:",
        win32process.GetExitCodeProcess(hp),
        "thread code:",
        win32process.GetExitCodeThread(ht),
    )
    print("suspended, wait:", win32event.WaitForSingleObject(hp, 200))
    win32process.TerminateProcess(hp, 5)
    print("process wait:", win32event.WaitForSingleObject(hp, 30000))
    print("thread wait:", win32event.WaitForSingleObject(ht, 30000))
    print(
        "process code:",
        win32process.GetExitCodeProcess(hp),
        "thread code:",
        win32process.GetExitCodeThread(ht),
    )
    try:
        win32process.TerminateProcess(hp, 6)
        print("second terminate: ok")
    except pywintypes.error as e:
        print("second terminate:", e.winerror, e.funcname)
    print("exit code kept:", win32process.GetExitCodeProcess(hp))
    win32api.CloseHandle(ht)
    win32api.CloseHandle(hp)
    print("done")


if __name__ == "__main__":
    main()
