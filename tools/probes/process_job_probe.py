"""Differential probe: processes and job objects (session 28).

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/process_job_probe.py
    .venv/bin/python -m apartment run tools/probes/process_job_probe.py

CreateProcess variants (application name and command line, STARTUPINFO fields, creation
flags, environment blocks, current directory, bad programs), exit codes while running and
after TerminateProcess, WaitForInputIdle, OpenProcess rights and bad ids, and win32job
(names, assignment, IsProcessInJob, the information classes and their dict keys, limits,
kill on job close, TerminateJobObject). One line per question; errors as (type, winerror,
funcname), never message texts (Wine's differ). Every child ends within a minute.
"""

import os
import sys
import tempfile

import pywintypes
import win32api
import win32con
import win32event
import win32job
import win32process

PY = sys.executable
WAIT = 60000


def shape(r):
    if isinstance(r, (list, tuple)):
        return type(r).__name__ + "(" + ",".join(shape(x) for x in r) + ")"
    if isinstance(r, dict):
        return "dict(" + ",".join(f"{k}:{shape(v)}" for k, v in sorted(r.items())) + ")"
    return type(r).__name__


def outcome(fn, values=True):
    try:
        r = fn()
        return repr(r) if values else shape(r)
    except pywintypes.error as e:
        return f"!! error {e.winerror} {e.funcname}"
    except Exception as e:
        return f"!! {type(e).__name__}"


def show(label, fn, values=True):
    print(label, "->", outcome(fn, values))


def cmd(code):
    return f'"{PY}" -c "{code}"'


SLEEP = cmd("import time; time.sleep(60)")
si = win32process.STARTUPINFO()
children = []


def start(command=SLEEP, flags=0, env=None, cwd=None, app=None, startup=None, inherit=False):
    r = win32process.CreateProcess(app, command, None, None, inherit, flags, env, cwd, startup or si)
    children.append(r[0])
    return r


def finish(r, code=1):
    try:
        win32process.TerminateProcess(r[0], code)
    except pywintypes.error:
        pass
    return win32event.WaitForSingleObject(r[0], WAIT)


def exit_of(r):
    win32event.WaitForSingleObject(r[0], WAIT)
    return win32process.GetExitCodeProcess(r[0])


# --- CreateProcess ---------------------------------------------------------------------
show("exit 7", lambda: exit_of(start(cmd("import sys; sys.exit(7)"))))
show("exit -1", lambda: exit_of(start(cmd("import sys; sys.exit(-1)"))))
show("exit 2**31", lambda: exit_of(start(cmd("import sys; sys.exit(2**31)"))))
show("exit 259", lambda: exit_of(start(cmd("import sys; sys.exit(259)"))))
show("exception exit", lambda: exit_of(start(cmd("raise SystemExit('x')"))))
show("app name and args", lambda: exit_of(start("python -c \"import sys; sys.exit(4)\"", app=PY)))
show("missing exe", lambda: start("no_such_program_s28.exe"))
show("missing exe with path", lambda: start(os.path.join(tempfile.gettempdir(), "nodir_s28", "x.exe")))
show("missing app name", lambda: start(None, app=os.path.join(tempfile.gettempdir(), "nope_s28.exe")))
show("empty command", lambda: start(""))
show("None and None", lambda: start(None))
show("cwd missing", lambda: start(cmd("pass"), cwd=os.path.join(tempfile.gettempdir(), "no_such_dir_s28")))
show("cwd a file", lambda: start(cmd("pass"), cwd=PY))
show("cwd exists", lambda: exit_of(start(cmd("import os, sys; sys.exit(5 if os.getcwd() else 6)"), cwd=tempfile.gettempdir())))
env_code = "import os, sys; sys.exit(int(os.environ.get('S28PROBE', '0')))"
show("env dict", lambda: exit_of(start(cmd(env_code), env={"S28PROBE": "3", "SYSTEMROOT": os.environ.get("SYSTEMROOT", "")})))
show("env None inherits", lambda: (os.environ.__setitem__("S28PROBE", "9"), exit_of(start(cmd(env_code))))[1])
show("env empty dict", lambda: exit_of(start(cmd("import sys; sys.exit(0)"), env={})) is not None)
show("env non-str value", lambda: start(cmd("pass"), env={"A": 1}))
show("env list", lambda: start(cmd("pass"), env=["A=1"]))
show("env UNICODE flag", lambda: exit_of(start(cmd(env_code), flags=win32con.CREATE_UNICODE_ENVIRONMENT, env={"S28PROBE": "2", "SYSTEMROOT": os.environ.get("SYSTEMROOT", "")})))
show("flags DETACHED|NEW_CONSOLE", lambda: start(cmd("pass"), flags=win32con.DETACHED_PROCESS | win32con.CREATE_NEW_CONSOLE))
show("flags NEW_CONSOLE", lambda: exit_of(start(cmd("import sys; sys.exit(11)"), flags=win32con.CREATE_NEW_CONSOLE)))
show("flags NO_WINDOW", lambda: exit_of(start(cmd("import sys; sys.exit(12)"), flags=win32con.CREATE_NO_WINDOW)))
show("flags DETACHED", lambda: exit_of(start(cmd("import sys; sys.exit(13)"), flags=win32con.DETACHED_PROCESS)))
show("flags NEW_PROCESS_GROUP", lambda: exit_of(start(cmd("import sys; sys.exit(14)"), flags=win32con.CREATE_NEW_PROCESS_GROUP)))
show("flags priority IDLE", lambda: (lambda r: (win32process.GetPriorityClass(r[0]), finish(r)))(start(flags=win32con.IDLE_PRIORITY_CLASS)))
show("flags two priorities", lambda: (lambda r: (win32process.GetPriorityClass(r[0]), finish(r)))(start(flags=win32con.IDLE_PRIORITY_CLASS | win32con.HIGH_PRIORITY_CLASS)))
show("flags bogus bit", lambda: exit_of(start(cmd("import sys; sys.exit(15)"), flags=0x80000000)))
show("inherit handles True", lambda: exit_of(start(cmd("import sys; sys.exit(16)"), inherit=True)))
show("startup None", lambda: start(cmd("pass"), startup=None) and "ok")
show("startup int", lambda: win32process.CreateProcess(None, cmd("pass"), None, None, 0, 0, None, None, 5))


# STARTUPINFO fields
s = win32process.STARTUPINFO()
show("SI defaults", lambda: (s.dwFlags, s.wShowWindow, s.dwX, s.dwY, s.dwXSize, s.dwYSize, s.dwXCountChars, s.dwYCountChars, s.dwFillAttribute, s.lpDesktop, s.lpTitle, s.hStdInput, s.hStdOutput, s.hStdError))
show("SI set title", lambda: (setattr(s, "lpTitle", "t"), s.lpTitle)[1])
show("SI set title None", lambda: (setattr(s, "lpTitle", None), s.lpTitle)[1])
show("SI set show", lambda: (setattr(s, "wShowWindow", win32con.SW_HIDE), s.wShowWindow)[1])
show("SI show too big", lambda: setattr(s, "wShowWindow", 70000))
show("SI flags neg", lambda: (setattr(s, "dwFlags", -1), s.dwFlags)[1])
show("SI stdin int", lambda: (setattr(s, "hStdInput", 5), type(s.hStdInput).__name__)[1])
show("SI stdin None", lambda: (setattr(s, "hStdInput", None), s.hStdInput)[1])
show("SI stdin str", lambda: setattr(s, "hStdInput", "x"))
show("SI nope", lambda: setattr(s, "nope", 1))
show("SI desktop", lambda: (setattr(s, "lpDesktop", "winsta0\\default"), s.lpDesktop)[1])
s = win32process.STARTUPINFO()
s.dwFlags = win32con.STARTF_USESHOWWINDOW
s.wShowWindow = win32con.SW_HIDE
s.lpTitle = "s28 child"
show("SI with show and title", lambda: exit_of(start(cmd("import sys; sys.exit(17)"), startup=s)))
import win32file
import win32pipe

sa = pywintypes.SECURITY_ATTRIBUTES()
sa.bInheritHandle = 1
rd, wr = win32pipe.CreatePipe(sa, 0)
s = win32process.STARTUPINFO()
s.dwFlags = win32con.STARTF_USESTDHANDLES
s.hStdOutput = wr
s.hStdError = wr
s.hStdInput = None
r = start(cmd("print(42)"), startup=s, inherit=True)
wr.Close()
show("stdout through pipe exit", lambda: exit_of(r))
show("stdout through pipe text", lambda: win32file.ReadFile(rd, 100)[1].strip())
rd.Close()

# --- running, exit codes, termination ------------------------------------------------------
r = start()
show("CreateProcess shape", lambda: r, values=False)
show("pid matches", lambda: win32process.GetProcessId(r[0]) == r[2])
show("running exit code", lambda: win32process.GetExitCodeProcess(r[0]))
show("running thread exit code", lambda: win32process.GetExitCodeThread(r[1]))
show("wait 0 running", lambda: win32event.WaitForSingleObject(r[0], 0))
show("WaitForInputIdle console", lambda: win32event.WaitForInputIdle(r[0], 0))
show("WaitForInputIdle bad handle", lambda: win32event.WaitForInputIdle(0x1234, 0))
show("WaitForInputIdle self", lambda: win32event.WaitForInputIdle(win32api.GetCurrentProcess(), 0))
show("Terminate 0xFFFFFFFF", lambda: win32process.TerminateProcess(r[0], 0xFFFFFFFF))
show("wait after terminate", lambda: win32event.WaitForSingleObject(r[0], WAIT))
show("exit code after terminate", lambda: win32process.GetExitCodeProcess(r[0]))
show("thread exit code after", lambda: win32process.GetExitCodeThread(r[1]))
show("Terminate again", lambda: win32process.TerminateProcess(r[0], 3))
show("exit code after second terminate", lambda: win32process.GetExitCodeProcess(r[0]))
r = start()
show("Terminate -1", lambda: win32process.TerminateProcess(r[0], -1))
show("exit code -1", lambda: (win32event.WaitForSingleObject(r[0], WAIT), win32process.GetExitCodeProcess(r[0]))[1])
r = start()
show("Terminate 259", lambda: win32process.TerminateProcess(r[0], 259))
show("exit code 259 after", lambda: (win32event.WaitForSingleObject(r[0], WAIT), win32process.GetExitCodeProcess(r[0]))[1])
show("Terminate 2**32", lambda: win32process.TerminateProcess(r[0], 2**32))
show("Terminate closed handle", lambda: win32process.TerminateProcess(0x1234, 1))
r = start(flags=win32con.CREATE_SUSPENDED)
show("suspended running", lambda: win32process.GetExitCodeProcess(r[0]))
show("ResumeThread count", lambda: win32process.ResumeThread(r[1]))
show("ResumeThread again", lambda: win32process.ResumeThread(r[1]))
show("SuspendThread child", lambda: win32process.SuspendThread(r[1]))
show("ResumeThread child", lambda: win32process.ResumeThread(r[1]))
finish(r)

# --- OpenProcess ------------------------------------------------------------------------
r = start()
pid = r[2]
show("OpenProcess pid 0", lambda: win32api.OpenProcess(win32con.PROCESS_QUERY_INFORMATION, 0, 0))
show("OpenProcess bad pid", lambda: win32api.OpenProcess(win32con.PROCESS_QUERY_INFORMATION, 0, 0x7FFFFFF0))
show("OpenProcess neg pid", lambda: win32api.OpenProcess(win32con.PROCESS_QUERY_INFORMATION, 0, -1))
show("OpenProcess access 0", lambda: type(win32api.OpenProcess(0, 0, pid)).__name__)
show("OpenProcess SYNCHRONIZE wait", lambda: win32event.WaitForSingleObject(win32api.OpenProcess(win32con.SYNCHRONIZE, 0, pid), 0))
show("OpenProcess TERMINATE query", lambda: win32process.GetExitCodeProcess(win32api.OpenProcess(win32con.PROCESS_TERMINATE, 0, pid)))
show("OpenProcess QUERY terminate", lambda: win32process.TerminateProcess(win32api.OpenProcess(win32con.PROCESS_QUERY_INFORMATION, 0, pid), 1))
show("OpenProcess QUERY wait", lambda: win32event.WaitForSingleObject(win32api.OpenProcess(win32con.PROCESS_QUERY_INFORMATION, 0, pid), 0))
show("OpenProcess LIMITED exit code", lambda: win32process.GetExitCodeProcess(win32api.OpenProcess(0x1000, 0, pid)))
show("OpenProcess ALL terminate", lambda: win32process.TerminateProcess(win32api.OpenProcess(win32con.PROCESS_ALL_ACCESS, 0, pid), 21))
show("exit code via open", lambda: (win32event.WaitForSingleObject(r[0], WAIT), win32process.GetExitCodeProcess(r[0]))[1])
show("OpenProcess ended child", lambda: type(win32api.OpenProcess(win32con.PROCESS_QUERY_INFORMATION, 0, pid)).__name__)
show("OpenProcess self", lambda: type(win32api.OpenProcess(win32con.PROCESS_ALL_ACCESS, 0, os.getpid())).__name__)
show("OpenProcess inherit 2", lambda: type(win32api.OpenProcess(win32con.PROCESS_QUERY_INFORMATION, 2, os.getpid())).__name__)

# --- jobs --------------------------------------------------------------------------------
stem = f"s28probe_job_{os.getpid()}"
job = win32job.CreateJobObject(None, "")
show("CreateJobObject '' type", lambda: type(job).__name__)
show("CreateJobObject None", lambda: type(win32job.CreateJobObject(None, None)).__name__)
named = win32job.CreateJobObject(None, stem)
show("CreateJobObject named LastError", win32api.GetLastError)
again = win32job.CreateJobObject(None, stem)
show("CreateJobObject same name LastError", win32api.GetLastError)
show("OpenJobObject named", lambda: type(win32job.OpenJobObject(win32job.JOB_OBJECT_ALL_ACCESS, 0, stem)).__name__)
show("OpenJobObject missing", lambda: win32job.OpenJobObject(win32job.JOB_OBJECT_ALL_ACCESS, 0, stem + "_missing"))
show("OpenJobObject empty", lambda: win32job.OpenJobObject(win32job.JOB_OBJECT_ALL_ACCESS, 0, ""))
show("CreateJobObject event name clash", lambda: (win32event.CreateEvent(None, 0, 0, stem + "_ev"), win32job.CreateJobObject(None, stem + "_ev"))[1])
show("CreateJobObject backslash", lambda: win32job.CreateJobObject(None, stem + "\\x"))
show("CreateJobObject Local prefix", lambda: type(win32job.CreateJobObject(None, "Local\\" + stem + "_l")).__name__)
show("IsProcessInJob self None", lambda: win32job.IsProcessInJob(win32api.GetCurrentProcess(), None))
show("IsProcessInJob self job", lambda: win32job.IsProcessInJob(win32api.GetCurrentProcess(), job))
r = start(flags=win32con.CREATE_SUSPENDED)
show("IsProcessInJob child before", lambda: win32job.IsProcessInJob(r[0], job))
show("Assign", lambda: win32job.AssignProcessToJobObject(job, r[0]))
show("IsProcessInJob child after", lambda: win32job.IsProcessInJob(r[0], job))
show("IsProcessInJob child None", lambda: win32job.IsProcessInJob(r[0], None))
show("IsProcessInJob child other job", lambda: win32job.IsProcessInJob(r[0], named))
show("Assign same job again", lambda: win32job.AssignProcessToJobObject(job, r[0]))
show("Assign other job (nesting)", lambda: win32job.AssignProcessToJobObject(named, r[0]))
show("Assign bad process", lambda: win32job.AssignProcessToJobObject(job, 0x1234))
show("Assign bad job", lambda: win32job.AssignProcessToJobObject(0x1234, r[0]))
show("Assign event as job", lambda: win32job.AssignProcessToJobObject(win32event.CreateEvent(None, 0, 0, None), r[0]))
win32process.ResumeThread(r[1])
Q = win32job.QueryInformationJobObject
for cls_name in (
    "JobObjectBasicAccountingInformation",
    "JobObjectBasicLimitInformation",
    "JobObjectBasicProcessIdList",
    "JobObjectBasicUIRestrictions",
    "JobObjectSecurityLimitInformation",
    "JobObjectEndOfJobTimeInformation",
    "JobObjectAssociateCompletionPortInformation",
    "JobObjectBasicAndIoAccountingInformation",
    "JobObjectExtendedLimitInformation",
    "JobObjectJobSetInformation",
    "JobObjectGroupInformation",
):
    cls = getattr(win32job, cls_name, None)
    show(f"Query {cls_name}", lambda: Q(job, cls), values=False)
show("Query pid list has child", lambda: r[2] in Q(job, win32job.JobObjectBasicProcessIdList))
show("Query accounting active", lambda: Q(job, win32job.JobObjectBasicAccountingInformation)["ActiveProcesses"])
show("Query class 0", lambda: Q(job, 0))
show("Query class 99", lambda: Q(job, 99))
show("Query None job", lambda: Q(None, win32job.JobObjectBasicLimitInformation), values=False)
show("Query bad job", lambda: Q(0x1234, win32job.JobObjectBasicLimitInformation))
ext = Q(job, win32job.JobObjectExtendedLimitInformation)
show("ext BasicLimitInformation keys", lambda: sorted(ext["BasicLimitInformation"]))
show("ext IoInfo keys", lambda: sorted(ext["IoInfo"]))
show("ext LimitFlags", lambda: ext["BasicLimitInformation"]["LimitFlags"])
ext["BasicLimitInformation"]["LimitFlags"] = win32job.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
show("Set KILL_ON_JOB_CLOSE", lambda: win32job.SetInformationJobObject(job, win32job.JobObjectExtendedLimitInformation, ext))
show("LimitFlags after", lambda: Q(job, win32job.JobObjectExtendedLimitInformation)["BasicLimitInformation"]["LimitFlags"])
show("Set basic missing key", lambda: win32job.SetInformationJobObject(job, win32job.JobObjectBasicLimitInformation, {"LimitFlags": 0}))
show("Set basic empty dict", lambda: win32job.SetInformationJobObject(job, win32job.JobObjectBasicLimitInformation, {}))
show("Set basic extra key", lambda: win32job.SetInformationJobObject(job, win32job.JobObjectBasicLimitInformation, dict(ext["BasicLimitInformation"], Nope=1)))
show("Set bad class", lambda: win32job.SetInformationJobObject(job, 99, {}))
show("Set not a dict", lambda: win32job.SetInformationJobObject(job, win32job.JobObjectBasicLimitInformation, 5))
show("Set UI restrictions", lambda: win32job.SetInformationJobObject(job, win32job.JobObjectBasicUIRestrictions, {"UIRestrictionsClass": win32job.JOB_OBJECT_UILIMIT_HANDLES}))
show("Query UI restrictions", lambda: Q(job, win32job.JobObjectBasicUIRestrictions))
show("Set end of job time", lambda: win32job.SetInformationJobObject(job, win32job.JobObjectEndOfJobTimeInformation, {"EndOfJobTimeAction": win32job.JOB_OBJECT_POST_AT_END_OF_JOB}))
show("Query end of job time", lambda: Q(job, win32job.JobObjectEndOfJobTimeInformation))
show("child running", lambda: win32event.WaitForSingleObject(r[0], 0))
job.Close()
show("child after job closed (kill on close)", lambda: win32event.WaitForSingleObject(r[0], WAIT))
show("exit code killed by job close", lambda: win32process.GetExitCodeProcess(r[0]))
job2 = win32job.CreateJobObject(None, "")
r1 = start(flags=win32con.CREATE_SUSPENDED)
r2 = start(flags=win32con.CREATE_SUSPENDED)
win32job.AssignProcessToJobObject(job2, r1[0])
win32job.AssignProcessToJobObject(job2, r2[0])
show("job2 active", lambda: Q(job2, win32job.JobObjectBasicAccountingInformation)["ActiveProcesses"])
show("TerminateJobObject 7", lambda: win32job.TerminateJobObject(job2, 7))
show("exit codes after TerminateJobObject", lambda: [exit_of(x) for x in (r1, r2)])
show("job2 active after", lambda: Q(job2, win32job.JobObjectBasicAccountingInformation)["ActiveProcesses"])
show("job2 total", lambda: Q(job2, win32job.JobObjectBasicAccountingInformation)["TotalProcesses"])
show("job2 terminated count", lambda: Q(job2, win32job.JobObjectBasicAccountingInformation)["TotalTerminatedProcesses"])
show("TerminateJobObject empty", lambda: win32job.TerminateJobObject(job2, 8))
show("TerminateJobObject bad", lambda: win32job.TerminateJobObject(0x1234, 8))
show("wait on job", lambda: win32event.WaitForSingleObject(job2, 0))
r3 = start(flags=win32process.CREATE_BREAKAWAY_FROM_JOB)
show("breakaway from no job", lambda: finish(r3))
for h in children:
    try:
        win32process.TerminateProcess(h, 1)
    except pywintypes.error:
        pass
print("done")
