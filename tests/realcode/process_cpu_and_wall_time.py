"""Run a command for at most a second, stop it, then report its CPU time and wall time.

Source: the GitHub repository Dr-Bluemond/GetProcessCPUTimeOnWindows
(GetProcessCPUTimeOnWindows.py), rewritten with its calls and their order: a STARTUPINFO with
``STARTF_USESHOWWINDOW``/``SW_NORMAL`` and the three standard handles, ``CreateProcess`` of a
command, ``WaitForSingleObject`` for the timeout, ``TerminateProcess``, a second wait, then
``GetProcessTimes``: ``(KernelTime + UserTime) / 10**7`` seconds of CPU and ``ExitTime -
CreationTime`` of wall time. The command was ``ping -n 4 127.0.0.1``; here it is a Python child
that outlives the timeout, so the terminate path runs; the times vary, so their kinds and
bounds are printed.
"""

import subprocess
import sys

import win32api
import win32con
import win32event
import win32process

StartupInfo = win32process.STARTUPINFO()
StartupInfo.dwFlags = win32process.STARTF_USESHOWWINDOW
StartupInfo.wShowWindow = win32con.SW_NORMAL
StartupInfo.hStdInput = win32api.GetStdHandle(win32api.STD_INPUT_HANDLE)
StartupInfo.hStdOutput = win32api.GetStdHandle(win32api.STD_OUTPUT_HANDLE)
StartupInfo.hStdError = win32api.GetStdHandle(win32api.STD_ERROR_HANDLE)

command = subprocess.list2cmdline([sys.executable, "-c", "import time; time.sleep(60)"])
TIMEOUT = 1

hProcess, hThread, dwProcessId, dwThreadId = win32process.CreateProcess(
    None, command, None, None, 0, win32process.NORMAL_PRIORITY_CLASS, None, None, StartupInfo
)

first = win32event.WaitForSingleObject(hProcess, int(TIMEOUT * 1000))
print("first wait timed out:", first == win32event.WAIT_TIMEOUT)
win32api.TerminateProcess(hProcess, 0)
print("second wait:", win32event.WaitForSingleObject(hProcess, win32event.INFINITE))
print("exit code:", win32process.GetExitCodeProcess(hProcess))

sTime = win32process.GetProcessTimes(hProcess)
print("keys:", sorted(sTime))
cputime = (sTime["KernelTime"] + sTime["UserTime"]) / 10000000
realtime = (sTime["ExitTime"] - sTime["CreationTime"]).total_seconds()
print("cputime is seconds:", isinstance(cputime, float), cputime >= 0)
print("realtime past the timeout:", TIMEOUT <= realtime < 60)
print("creation before exit:", sTime["CreationTime"] < sTime["ExitTime"])
print("zone:", sTime["ExitTime"].tzinfo, "|", repr(sTime["CreationTime"].tzinfo))
print("iso ends:", sTime["ExitTime"].isoformat()[-6:])
hThread.Close()
hProcess.Close()
