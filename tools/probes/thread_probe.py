"""Differential probe: win32api/win32process thread and handle rules (session 27).

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/thread_probe.py
    .venv/bin/python -m apartment run tools/probes/thread_probe.py

GetLastError across calls, Sleep/SleepEx, GetTickCount, DuplicateHandle options, pseudo
handles, OpenThread/OpenProcess, CloseHandle twice, exit codes, beginthreadex shapes,
thread priorities, Suspend/ResumeThread counts, affinity masks. One line per question;
errors as (type, winerror, funcname), never message texts (Wine's differ).
"""

import threading

import pywintypes
import win32api
import win32con
import win32event
import win32process


def shape(r):
    if isinstance(r, (list, tuple)):
        return type(r).__name__ + "(" + ",".join(shape(x) for x in r) + ")"
    return type(r).__name__


def show(label, fn, values=True):
    try:
        r = fn()
        print(label, "->", repr(r) if values else shape(r))
    except pywintypes.error as e:
        print(label, "!! error", e.winerror, e.funcname)
    except Exception as e:
        print(label, "!!", type(e).__name__)


# GetLastError / SetLastError
show("SetLastError ret", lambda: win32api.SetLastError(1234))
show("GetLastError after Set", win32api.GetLastError)
show("GetLastError again", win32api.GetLastError)
show("SetLastError neg", lambda: win32api.SetLastError(-1))
show("GetLastError after neg", win32api.GetLastError)
show("SetLastError 2**32", lambda: win32api.SetLastError(2**32))
show("SetLastError str", lambda: win32api.SetLastError("x"))
show("SetLastError none", lambda: win32api.SetLastError())
win32api.SetLastError(77)
e1 = win32event.CreateEvent(None, 0, 0, None)
show("GetLastError after unnamed CreateEvent", win32api.GetLastError)
win32api.SetLastError(77)
try:
    win32event.SetEvent(123456)
except pywintypes.error:
    pass
show("GetLastError after failed SetEvent", win32api.GetLastError)
other = []
win32api.SetLastError(55)
t = threading.Thread(target=lambda: other.append(win32api.GetLastError()))
t.start()
t.join()
show("GetLastError other thread", lambda: other[0])

# Sleep / SleepEx / GetTickCount
show("Sleep 0", lambda: win32api.Sleep(0))
show("Sleep 0 alertable", lambda: win32api.Sleep(0, 1))
show("SleepEx 0", lambda: win32api.SleepEx(0))
show("SleepEx 0 True", lambda: win32api.SleepEx(0, True))
show("SleepEx 1 False", lambda: win32api.SleepEx(1, False))
show("SleepEx float", lambda: win32api.SleepEx(1.5, 0))
show("SleepEx None", lambda: win32api.SleepEx(None, 0))
show("SleepEx str", lambda: win32api.SleepEx("1", 0))
show("Sleep no args", lambda: win32api.Sleep())
show("GetTickCount type", lambda: type(win32api.GetTickCount()).__name__)
show("GetTickCount range", lambda: 0 <= win32api.GetTickCount() < 2**32)
show("GetTickCount args", lambda: win32api.GetTickCount(1))
show("GetTickCount64 type", lambda: type(win32api.GetTickCount64()).__name__ if hasattr(win32api, "GetTickCount64") else "n/a")

# pseudo handles
show("GetCurrentThread", win32api.GetCurrentThread)
show("GetCurrentProcess", win32api.GetCurrentProcess)
show("GetCurrentThread type", lambda: type(win32api.GetCurrentThread()).__name__)
show("GetCurrentProcess type", lambda: type(win32api.GetCurrentProcess()).__name__)
show("win32process.GetCurrentProcess", lambda: win32process.GetCurrentProcess() if hasattr(win32process, "GetCurrentProcess") else "n/a")
show("CloseHandle pseudo thread", lambda: win32api.CloseHandle(win32api.GetCurrentThread()))
show("CloseHandle pseudo process", lambda: win32api.CloseHandle(win32api.GetCurrentProcess()))
show("wait pseudo process 0", lambda: win32event.WaitForSingleObject(win32api.GetCurrentProcess(), 0))
show("wait pseudo thread 0", lambda: win32event.WaitForSingleObject(win32api.GetCurrentThread(), 0))
show("GetExitCodeThread pseudo", lambda: win32process.GetExitCodeThread(win32api.GetCurrentThread()))
show("GetExitCodeProcess pseudo", lambda: win32process.GetExitCodeProcess(win32api.GetCurrentProcess()))
show("GetThreadId pseudo eq", lambda: win32process.GetThreadId(win32api.GetCurrentThread()) == win32api.GetCurrentThreadId() if hasattr(win32process, "GetThreadId") else "n/a")
show("GetProcessId pseudo eq", lambda: win32process.GetProcessId(win32api.GetCurrentProcess()) == win32api.GetCurrentProcessId())

# DuplicateHandle
me = win32api.GetCurrentProcess()
ev = win32event.CreateEvent(None, 1, 0, None)
show("Dup SAME_ACCESS type", lambda: type(win32api.DuplicateHandle(me, ev, me, 0, 0, win32con.DUPLICATE_SAME_ACCESS)).__name__)
show("Dup SAME_ACCESS distinct", lambda: int(win32api.DuplicateHandle(me, ev, me, 0, 0, win32con.DUPLICATE_SAME_ACCESS)) != int(ev))


def dup_signals():
    d = win32api.DuplicateHandle(me, ev, me, 0, 0, win32con.DUPLICATE_SAME_ACCESS)
    win32event.SetEvent(d)
    r = win32event.WaitForSingleObject(ev, 0)
    win32event.ResetEvent(ev)
    return r


show("Dup same object", dup_signals)


def dup_close_source():
    # Windows reuses handle values (the copy may get the source's value): only the copy is asked
    src = win32event.CreateEvent(None, 1, 1, None)
    d = win32api.DuplicateHandle(me, src, me, 0, 0, win32con.DUPLICATE_SAME_ACCESS | win32con.DUPLICATE_CLOSE_SOURCE)
    src.Detach()
    return win32event.WaitForSingleObject(d, 0)


show("Dup CLOSE_SOURCE", dup_close_source)
show("Dup access 0 no SAME", lambda: type(win32api.DuplicateHandle(me, ev, me, 0, 0, 0)).__name__)
show("Dup pseudo thread", lambda: type(win32api.DuplicateHandle(me, win32api.GetCurrentThread(), me, 0, 0, win32con.DUPLICATE_SAME_ACCESS)).__name__)


def dup_pseudo_thread_real():
    d = win32api.DuplicateHandle(me, win32api.GetCurrentThread(), me, 0, 0, win32con.DUPLICATE_SAME_ACCESS)
    return int(d) != int(win32api.GetCurrentThread()), win32process.GetExitCodeThread(d)


show("Dup pseudo thread real", dup_pseudo_thread_real)
show("Dup pseudo process", lambda: type(win32api.DuplicateHandle(me, me, me, 0, 0, win32con.DUPLICATE_SAME_ACCESS)).__name__)
show("Dup bad source", lambda: win32api.DuplicateHandle(me, 123456, me, 0, 0, win32con.DUPLICATE_SAME_ACCESS))
show("Dup bad target process", lambda: win32api.DuplicateHandle(me, ev, 123456, 0, 0, win32con.DUPLICATE_SAME_ACCESS))
show("Dup None source", lambda: win32api.DuplicateHandle(me, None, me, 0, 0, win32con.DUPLICATE_SAME_ACCESS))
show("Dup 5 args", lambda: win32api.DuplicateHandle(me, ev, me, 0, 0))
show("Dup inherit True", lambda: type(win32api.DuplicateHandle(me, ev, me, 0, True, win32con.DUPLICATE_SAME_ACCESS)).__name__)

# CloseHandle twice
h = win32event.CreateEvent(None, 0, 0, None)
hv = h.Detach()
show("CloseHandle first", lambda: win32api.CloseHandle(hv))
show("CloseHandle second", lambda: win32api.CloseHandle(hv))
show("CloseHandle None", lambda: win32api.CloseHandle(None))
show("CloseHandle str", lambda: win32api.CloseHandle("x"))
h2 = win32event.CreateEvent(None, 0, 0, None)
show("PyHANDLE Close then CloseHandle int", lambda: (h2.Close(), win32api.CloseHandle(int(h2))))
h3 = win32event.CreateEvent(None, 0, 0, None)
show("CloseHandle obj then obj.Close", lambda: (win32api.CloseHandle(h3), h3.Close(), int(h3)))

# OpenThread / OpenProcess
tid = win32api.GetCurrentThreadId()
THREAD_ACCESS = win32con.THREAD_QUERY_INFORMATION | win32con.SYNCHRONIZE  # no THREAD_ALL_ACCESS in pywin32's win32con
pid = win32api.GetCurrentProcessId()
show("OpenThread self", lambda: type(win32api.OpenThread(THREAD_ACCESS, False, tid)).__name__)
show("OpenThread 0 access", lambda: type(win32api.OpenThread(0, False, tid)).__name__)
show("OpenThread bad tid", lambda: win32api.OpenThread(THREAD_ACCESS, False, 0x7FFFFFF0))
show("OpenThread tid 0", lambda: win32api.OpenThread(THREAD_ACCESS, False, 0))
show("OpenThread exit code", lambda: win32process.GetExitCodeThread(win32api.OpenThread(win32con.THREAD_QUERY_INFORMATION, False, tid)))
show("OpenProcess self SYNCHRONIZE", lambda: type(win32api.OpenProcess(win32con.SYNCHRONIZE, False, pid)).__name__)
show("OpenProcess 0 access", lambda: type(win32api.OpenProcess(0, False, pid)).__name__)
show("OpenProcess bad pid", lambda: win32api.OpenProcess(win32con.PROCESS_ALL_ACCESS, False, 0x7FFFFFF0))
show("OpenProcess pid 0", lambda: win32api.OpenProcess(win32con.PROCESS_ALL_ACCESS, False, 0))
show("OpenProcess wait self", lambda: win32event.WaitForSingleObject(win32api.OpenProcess(win32con.SYNCHRONIZE, False, pid), 0))

# beginthreadex shapes, exit codes, priorities, suspend/resume
go = win32event.CreateEvent(None, 1, 0, None)


def worker(arg):
    win32event.WaitForSingleObject(go, 5000)
    return arg


show("beginthreadex shape", lambda: win32process.beginthreadex(None, 0, worker, (3,), win32process.CREATE_SUSPENDED), values=False)
th, thid = win32process.beginthreadex(None, 0, worker, (3,), win32process.CREATE_SUSPENDED)
show("GetExitCodeThread suspended", lambda: win32process.GetExitCodeThread(th))
show("STILL_ACTIVE", lambda: win32con.STILL_ACTIVE)
show("GetThreadPriority new", lambda: win32process.GetThreadPriority(th))
show("SetThreadPriority 2", lambda: win32process.SetThreadPriority(th, 2))
show("GetThreadPriority after", lambda: win32process.GetThreadPriority(th))
show("SetThreadPriority 15", lambda: win32process.SetThreadPriority(th, 15))
show("GetThreadPriority 15", lambda: win32process.GetThreadPriority(th))
show("SetThreadPriority -15", lambda: win32process.SetThreadPriority(th, -15))
show("GetThreadPriority -15", lambda: win32process.GetThreadPriority(th))
show("SetThreadPriority 3", lambda: win32process.SetThreadPriority(th, 3))
show("SetThreadPriority 7", lambda: win32process.SetThreadPriority(th, 7))
show("SetThreadPriority -3", lambda: win32process.SetThreadPriority(th, -3))
show("SetThreadPriority bad handle", lambda: win32process.SetThreadPriority(123456, 0))
show("GetThreadPriority bad handle", lambda: win32process.GetThreadPriority(123456))
show("GetThreadPriority event", lambda: win32process.GetThreadPriority(go))
show("SetThreadPriority pseudo", lambda: win32process.SetThreadPriority(win32api.GetCurrentThread(), 0))
show("ResumeThread 1", lambda: win32process.ResumeThread(th))
show("ResumeThread 2", lambda: win32process.ResumeThread(th))
show("SuspendThread a", lambda: win32process.SuspendThread(th))
show("SuspendThread b", lambda: win32process.SuspendThread(th))
show("ResumeThread c", lambda: win32process.ResumeThread(th))
show("ResumeThread d", lambda: win32process.ResumeThread(th))
show("ResumeThread e", lambda: win32process.ResumeThread(th))
show("SuspendThread event", lambda: win32process.SuspendThread(go))
show("ResumeThread bad", lambda: win32process.ResumeThread(123456))
show("GetExitCodeThread running", lambda: win32process.GetExitCodeThread(th))
win32event.SetEvent(go)
show("wait thread", lambda: win32event.WaitForSingleObject(th, 5000))
show("GetExitCodeThread done", lambda: win32process.GetExitCodeThread(th))
show("SuspendThread done", lambda: win32process.SuspendThread(th))
show("ResumeThread done", lambda: win32process.ResumeThread(th))
show("SetThreadPriority done", lambda: win32process.SetThreadPriority(th, 0))
show("GetThreadPriority done", lambda: win32process.GetThreadPriority(th))
show("GetExitCodeThread event", lambda: win32process.GetExitCodeThread(go))
show("GetExitCodeThread bad", lambda: win32process.GetExitCodeThread(123456))


def ret_none():
    return None


def ret_str():
    return "x"


def ret_big():
    return 2**32 + 5


def ret_neg():
    return -1


def raises():
    raise ValueError("probe")


for label, fn in (("None", ret_none), ("str", ret_str), ("big", ret_big), ("neg", ret_neg), ("raises", raises)):
    def run(fn=fn):
        h, _ = win32process.beginthreadex(None, 0, fn, (), 0)
        win32event.WaitForSingleObject(h, 5000)
        return win32process.GetExitCodeThread(h)

    show("exit code " + label, run)

show("beginthreadex args list", lambda: type(win32process.beginthreadex(None, 0, ret_none, [], 0)).__name__)
show("beginthreadex args None", lambda: win32process.beginthreadex(None, 0, ret_none, None, 0))
show("beginthreadex not callable", lambda: win32process.beginthreadex(None, 0, 5, (), 0))
show("beginthreadex stack 65536", lambda: type(win32process.beginthreadex(None, 65536, ret_none, (), 0)).__name__)
show("beginthreadex sa", lambda: type(win32process.beginthreadex(pywintypes.SECURITY_ATTRIBUTES(), 0, ret_none, (), 0)).__name__)
show("beginthreadex 4 args", lambda: win32process.beginthreadex(None, 0, ret_none, ()))
show("beginthreadex wrong arity", lambda: win32process.beginthreadex(None, 0, ret_none, (1, 2), 0), values=False)

# TerminateThread (pywin32 lacks it; extension only here)
show("win32api has TerminateThread", lambda: hasattr(win32api, "TerminateThread"))
show("win32process has TerminateThread", lambda: hasattr(win32process, "TerminateThread"))

# affinity
show("GetProcessAffinityMask shape", lambda: win32process.GetProcessAffinityMask(me), values=False)
show("GetProcessAffinityMask sys>=proc", lambda: (lambda m: m[1] & m[0] == m[0])(win32process.GetProcessAffinityMask(me)))
show("GetProcessAffinityMask bad", lambda: win32process.GetProcessAffinityMask(123456))
show("SetThreadAffinityMask 0", lambda: win32process.SetThreadAffinityMask(win32api.GetCurrentThread(), 0))
show("SetThreadAffinityMask ret type", lambda: type(win32process.SetThreadAffinityMask(win32api.GetCurrentThread(), win32process.GetProcessAffinityMask(me)[0])).__name__)
show("SetProcessAffinityMask 0", lambda: win32process.SetProcessAffinityMask(me, 0))
show("GetPriorityClass pseudo", lambda: win32process.GetPriorityClass(me))
show("SetPriorityClass 0", lambda: win32process.SetPriorityClass(me, 0))
