"""Run helpers inside a job that allows two at a time, list them, and end them together.

Source: public GitHub files (sandboxing launchers and test runners; search "win32job
JOB_OBJECT_LIMIT_ACTIVE_PROCESS ActiveProcessLimit TerminateJobObject"), rewritten with their
calls and their order: ``CreateJobObject(None, name)``, ``QueryInformationJobObject(job,
JobObjectBasicLimitInformation)`` edited to set ``LimitFlags |=
JOB_OBJECT_LIMIT_ACTIVE_PROCESS`` and ``ActiveProcessLimit = 2`` and written back with
``SetInformationJobObject``; children made ``CREATE_SUSPENDED | CREATE_BREAKAWAY_FROM_JOB``
and put in with ``AssignProcessToJobObject``, a third refused (and killed by the system);
``QueryInformationJobObject(job, JobObjectBasicProcessIdList)`` for the ids,
``JobObjectBasicAccountingInformation`` for the counts, ``TerminateJobObject(job, 3)``.

Wine differs: it keeps neither JOB_OBJECT_LIMIT_ACTIVE_PROCESS nor the limit, and lets the third
child in. Windows refuses it: the process is ended with STATUS_QUOTA_EXCEEDED (0xC0000044),
AssignProcessToJobObject fails with ERROR_NOT_ENOUGH_QUOTA (1816) and the job counts one
process terminated by a limit, as we do.
"""

import sys

import pywintypes
import win32api
import win32event
import win32job
import win32process

GATE = "realcode-job-limit-gate"


def start():
    cmd = f'"{sys.executable}" "{__file__}" child'
    return win32process.CreateProcess(
        None,
        cmd,
        None,
        None,
        False,
        win32process.CREATE_SUSPENDED | win32process.CREATE_BREAKAWAY_FROM_JOB,
        None,
        None,
        win32process.STARTUPINFO(),
    )


def main():
    if sys.argv[1:] == ["child"]:
        gate = win32event.OpenEvent(win32event.SYNCHRONIZE, False, GATE)
        win32event.WaitForSingleObject(gate, 60000)
        return
    gate = win32event.CreateEvent(None, True, False, GATE)
    job = win32job.CreateJobObject(None, "realcode-job-limit")
    limits = win32job.QueryInformationJobObject(job, win32job.JobObjectBasicLimitInformation)
    print("limit keys:", sorted(limits))
    limits["LimitFlags"] |= win32job.JOB_OBJECT_LIMIT_ACTIVE_PROCESS
    limits["ActiveProcessLimit"] = 2
    win32job.SetInformationJobObject(job, win32job.JobObjectBasicLimitInformation, limits)
    back = win32job.QueryInformationJobObject(job, win32job.JobObjectBasicLimitInformation)
    print(
        "limit set:",
        back["ActiveProcessLimit"],
        back["LimitFlags"] == win32job.JOB_OBJECT_LIMIT_ACTIVE_PROCESS,
    )
    children = []
    for n in range(3):
        h_process, h_thread, pid, tid = start()
        try:
            win32job.AssignProcessToJobObject(job, h_process)
            print("child", n, "assigned")
            win32process.ResumeThread(h_thread)
        except pywintypes.error as error:
            print("child", n, "refused:", error.winerror, error.funcname)
            print("child", n, "ended:", win32event.WaitForSingleObject(h_process, 30000))
            print(
                "child",
                n,
                "exit code:",
                hex(win32process.GetExitCodeProcess(h_process) & 0xFFFFFFFF),
            )
        children.append((h_process, h_thread, pid))
    ids = win32job.QueryInformationJobObject(job, win32job.JobObjectBasicProcessIdList)
    print("ids are the first two:", sorted(ids) == sorted(c[2] for c in children[:2]))
    info = win32job.QueryInformationJobObject(job, win32job.JobObjectBasicAccountingInformation)
    print("active, killed by limit:", info["ActiveProcesses"], info["TotalTerminatedProcesses"])
    win32job.TerminateJobObject(job, 3)
    for h_process, _, _ in children[:2]:
        win32event.WaitForSingleObject(h_process, 30000)
        print("exit code:", win32process.GetExitCodeProcess(h_process))
    info = win32job.QueryInformationJobObject(job, win32job.JobObjectBasicAccountingInformation)
    print("active after terminate:", info["ActiveProcesses"])
    print("ids now:", win32job.QueryInformationJobObject(job, win32job.JobObjectBasicProcessIdList))
    for h_process, h_thread, _ in children:
        win32api.CloseHandle(h_process)
        win32api.CloseHandle(h_thread)
    win32api.CloseHandle(job)
    win32api.CloseHandle(gate)
    print("done")


if __name__ == "__main__":
    main()
