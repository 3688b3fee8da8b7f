"""Children bound to a job that kills them when its last handle closes.

Source: public GitHub files (a tool adapter and a process helper, search index ids 70492682102,
4113395807 and 70901272067), rewritten with their calls and their order: ``CreateJobObject(None,
"")``, ``QueryInformationJobObject(job, JobObjectExtendedLimitInformation)``, the
``LimitFlags`` of ``BasicLimitInformation`` or'ed with ``JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE``,
``SetInformationJobObject``, ``OpenProcess(PROCESS_TERMINATE | PROCESS_SET_QUOTA, False,
pid)`` and ``AssignProcessToJobObject``, the process handle closed; the job closed at the end.

Wine differs: its QueryInformationJobObject answers LimitFlags 0 after the set; Windows
answers the flags set (8192), as we do.
"""

import subprocess
import sys

import win32api
import win32con
import win32event
import win32job
import win32process


def make_job():
    job = win32job.CreateJobObject(None, "")
    info = win32job.QueryInformationJobObject(job, win32job.JobObjectExtendedLimitInformation)
    print("limit flags before:", info["BasicLimitInformation"]["LimitFlags"])
    info["BasicLimitInformation"]["LimitFlags"] |= win32job.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    win32job.SetInformationJobObject(job, win32job.JobObjectExtendedLimitInformation, info)
    info = win32job.QueryInformationJobObject(job, win32job.JobObjectExtendedLimitInformation)
    print("limit flags after:", info["BasicLimitInformation"]["LimitFlags"])
    return job


def assign(job, process_id):
    desired_access = win32con.PROCESS_TERMINATE | win32con.PROCESS_SET_QUOTA
    h_process = win32api.OpenProcess(desired_access, False, process_id)
    try:
        return win32job.AssignProcessToJobObject(job, h_process)
    finally:
        win32api.CloseHandle(h_process)


def main():
    job = make_job()
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    print("assign returns:", assign(job, child.pid))
    handle = win32api.OpenProcess(
        win32con.SYNCHRONIZE | win32con.PROCESS_QUERY_INFORMATION, False, child.pid
    )
    print("in the job:", win32job.IsProcessInJob(handle, job))
    accounting = win32job.QueryInformationJobObject(
        job, win32job.JobObjectBasicAccountingInformation
    )
    print("active processes:", accounting["ActiveProcesses"])
    print("still running:", win32event.WaitForSingleObject(handle, 0) == win32event.WAIT_TIMEOUT)
    win32api.CloseHandle(job)
    print(
        "killed by the close:",
        win32event.WaitForSingleObject(handle, 10000) == win32event.WAIT_OBJECT_0,
    )
    print("exit code:", win32process.GetExitCodeProcess(handle))
    child.wait(10)
    win32api.CloseHandle(handle)
    print("done")


if __name__ == "__main__":
    main()
