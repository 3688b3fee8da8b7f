"""Start a child suspended, put it in a job with limits, resume it, read the job's accounting.

Source: public GitHub sandboxes and test runners that ``CreateProcess`` with
``CREATE_SUSPENDED`` (so the child cannot escape before it is in the job), call
``win32job.CreateJobObject(None, "")``, set ``JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE |
JOB_OBJECT_LIMIT_ACTIVE_PROCESS`` through
``QueryInformationJobObject``/``SetInformationJobObject(job,
JobObjectExtendedLimitInformation, info)``, ``AssignProcessToJobObject``, then
``win32process.ResumeThread(hThread)``, wait, and read
``JobObjectBasicAccountingInformation`` (``TotalProcesses``, ``ActiveProcesses``) and
``IsProcessInJob`` (search "CREATE_SUSPENDED AssignProcessToJobObject ResumeThread win32job").

Wine differs: its QueryInformationJobObject gives the extended limits as zeros (``limit
flags: 0x0 0``); Windows gives back what was set, as the expected output does.
"""

import subprocess
import sys

import win32api
import win32con
import win32event
import win32job
import win32process


def main():
    job = win32job.CreateJobObject(None, "")
    info = win32job.QueryInformationJobObject(job, win32job.JobObjectExtendedLimitInformation)
    info["BasicLimitInformation"]["LimitFlags"] = (
        win32job.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE | win32job.JOB_OBJECT_LIMIT_ACTIVE_PROCESS
    )
    info["BasicLimitInformation"]["ActiveProcessLimit"] = 2
    win32job.SetInformationJobObject(job, win32job.JobObjectExtendedLimitInformation, info)
    back = win32job.QueryInformationJobObject(job, win32job.JobObjectExtendedLimitInformation)
    print(
        "limit flags:",
        hex(back["BasicLimitInformation"]["LimitFlags"]),
        back["BasicLimitInformation"]["ActiveProcessLimit"],
    )

    cmd = subprocess.list2cmdline([sys.executable, "-c", "import sys; sys.exit(3)"])
    hProcess, hThread, pid, tid = win32process.CreateProcess(
        None,
        cmd,
        None,
        None,
        False,
        win32con.CREATE_SUSPENDED | win32process.CREATE_NO_WINDOW,
        None,
        None,
        win32process.STARTUPINFO(),
    )
    print("in job before:", win32job.IsProcessInJob(hProcess, job))
    win32job.AssignProcessToJobObject(job, hProcess)
    print("in job after:", win32job.IsProcessInJob(hProcess, job))
    print(
        "still suspended:", win32event.WaitForSingleObject(hProcess, 200) == win32event.WAIT_TIMEOUT
    )
    acct = win32job.QueryInformationJobObject(job, win32job.JobObjectBasicAccountingInformation)
    print("accounting while suspended:", acct["TotalProcesses"], acct["ActiveProcesses"])
    print("previous suspend count:", win32process.ResumeThread(hThread))
    win32event.WaitForSingleObject(hProcess, 60000)
    print("exit code:", win32process.GetExitCodeProcess(hProcess))
    for _ in range(100):  # a launcher's own child (a venv's python.exe) may end just after it
        acct = win32job.QueryInformationJobObject(job, win32job.JobObjectBasicAccountingInformation)
        if not acct["ActiveProcesses"]:
            break
        win32api.Sleep(50)
    print("accounting after:", acct["TotalProcesses"] >= 1, acct["ActiveProcesses"])
    pids = win32job.QueryInformationJobObject(job, win32job.JobObjectBasicProcessIdList)
    print("pids left:", list(pids))
    win32api.CloseHandle(hThread)
    win32api.CloseHandle(hProcess)
    win32api.CloseHandle(job)
    print("done")


if __name__ == "__main__":
    main()
