"""Differential probe: call shapes of win32event, win32process, pywintypes, win32api errors.

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/behaviour_probe.py
    .venv/bin/python -m apartment run tools/probes/behaviour_probe.py

Prints one line per question (a value, a shape, or the error raised); diff the two outputs
with ``diff --strip-trailing-cr``. Machine values (ids, handles) are printed as shapes only.
"""

import sys

import pythoncom
import pywintypes
import win32api
import win32con
import win32event
import win32process
import winerror


def shape(r):
    if isinstance(r, (list, tuple)):
        return type(r).__name__ + "(" + ",".join(shape(x) for x in r) + ")"
    return type(r).__name__


def show(label, fn, *a, values=True):
    try:
        r = fn(*a)
        print(label, "->", repr(r) if values else shape(r))
    except pywintypes.error as e:
        print(label, "!! error", e.args)
    except pythoncom.com_error as e:
        print(label, "!! com_error", e.args[:2])
    except Exception as e:
        print(label, "!!", type(e).__name__, str(e)[:80])


ev = win32event.CreateEvent(None, True, True, None)
show("wait 0", win32event.WaitForSingleObject, ev, 0)
show("wait INFINITE", win32event.WaitForSingleObject, ev, win32event.INFINITE)
show("wait 0xFFFFFFFF", win32event.WaitForSingleObject, ev, 0xFFFFFFFF)
show("wait -2", win32event.WaitForSingleObject, ev, -2)
show("wait float", win32event.WaitForSingleObject, ev, 1.5)
show("wait None", win32event.WaitForSingleObject, ev, None)
show("wait 2**32", win32event.WaitForSingleObject, ev, 2**32)
show("wait str", win32event.WaitForSingleObject, ev, "1")
show("wfmo all int", win32event.WaitForMultipleObjects, [ev], 1, 0)
show("wfmo all 2", win32event.WaitForMultipleObjects, [ev], 2, 0)
show("wfmo all None", win32event.WaitForMultipleObjects, [ev], None, 0)
show("wfmo empty", win32event.WaitForMultipleObjects, [], 0, 0)
show("wfmo tuple", win32event.WaitForMultipleObjects, (ev,), False, 0)
show("wfmo 65", win32event.WaitForMultipleObjects, [ev] * 65, False, 0)
show("wfmo int handle", win32event.WaitForMultipleObjects, [int(ev)], False, 0)
show("wfmo None handle", win32event.WaitForMultipleObjects, [None], False, 0)
dead = win32event.CreateEvent(None, 0, 0, None)
dead_value = int(dead)
dead.Close()
show("closed handle obj repr", repr, dead)
show("closed handle int", int, dead)
show("wait closed", win32event.WaitForSingleObject, dead_value, 0)
show("wait closed obj", win32event.WaitForSingleObject, dead, 0)
show("set closed", win32event.SetEvent, dead_value)
show("close twice", dead.Close)
show("CloseHandle stale", win32api.CloseHandle, dead_value)
show("SetEvent ret", win32event.SetEvent, ev)
show("ResetEvent ret", win32event.ResetEvent, ev)
show("PulseEvent ret", win32event.PulseEvent, ev)
show("CreateMutex shape", win32event.CreateMutex, None, False, None, values=False)
show("ReleaseMutex not owned", lambda: win32event.ReleaseMutex(win32event.CreateMutex(None, False, None)))
show("ReleaseSemaphore over", lambda: win32event.ReleaseSemaphore(win32event.CreateSemaphore(None, 1, 1, None), 1))
show("ReleaseSemaphore ret", lambda: win32event.ReleaseSemaphore(win32event.CreateSemaphore(None, 0, 5, None), 2))
show("CreateSemaphore bad", win32event.CreateSemaphore, None, 5, 1, None)
show("OpenEvent missing", win32event.OpenEvent, win32event.EVENT_ALL_ACCESS, False, "NoSuchEvent_s26")

# pywintypes handles
h = win32event.CreateEvent(None, 0, 0, None)
show("HANDLE type", lambda: type(h).__name__)
show("HANDLE bool", bool, h)
show("HANDLE eq int", lambda: h == int(h))
show("HANDLE hash", lambda: hash(h) == hash(int(h)))
show("HANDLE lt", lambda: h < h)
show("HANDLE handle attr", lambda: h.handle == int(h))
show("HANDLE bad attr", lambda: h.nope)
show("HANDLE Detach", lambda: type(h.Detach()).__name__)
show("HANDLE after detach", int, h)
show("HANDLE(0) repr", repr, pywintypes.HANDLE(0))
show("HANDLE(5) repr", repr, pywintypes.HANDLE(5))
show("HANDLE str", str, pywintypes.HANDLE(5))
show("HANDLE None", pywintypes.HANDLE, None)
show("HANDLE neg", lambda: int(pywintypes.HANDLE(-1)))
show("HANDLE float", pywintypes.HANDLE, 1.5)
show("HANDLE bool 0", bool, pywintypes.HANDLE(0))

# IID
iid = pywintypes.IID("{00020400-0000-0000-C000-000000000046}")
show("IID repr", repr, iid)
show("IID str", str, iid)
show("IID eq", lambda: iid == pywintypes.IID(str(iid)))
show("IID lt", lambda: iid < pythoncom.IID_IUnknown)
show("IID int", int, iid)
show("IID bytes", bytes, iid)
show("IID bad attr", lambda: iid.nope)
show("IID hash type", lambda: type(hash(iid)).__name__)

# Time
t = pywintypes.Time(0)
show("Time type", lambda: type(t).__name__)
show("Time(0) repr", repr, t)
show("Time int", int, pywintypes.Time(86400 * 400))
show("Time year", lambda: pywintypes.Time(86400 * 400).year)
show("Time Format", lambda: pywintypes.Time(86400 * 400).Format("%Y-%m-%d"))
show("Time neg", pywintypes.Time, -1)
show("Time str", pywintypes.Time, "x")
show("Time eq", lambda: pywintypes.Time(1000) == pywintypes.Time(1000))
show("Time msec", lambda: pywintypes.Time(1000.5).msec)
show("TimeType", lambda: pywintypes.TimeType.__name__)

# OVERLAPPED and SECURITY_ATTRIBUTES
o = pywintypes.OVERLAPPED()
show("OVERLAPPED type", lambda: type(o).__name__)
show("OVERLAPPED fields", lambda: (o.Offset, o.OffsetHigh, o.Internal, o.InternalHigh, o.hEvent, o.object))
show("OVERLAPPED set", lambda: setattr(o, "Offset", 10) or o.Offset)
show("OVERLAPPED bad", lambda: setattr(o, "Offset", "x"))
show("OVERLAPPED nope", lambda: o.nope)
show("OVERLAPPED dword", lambda: setattr(o, "Offset", -1) or o.Offset)
show("OVERLAPPED int", int, o, values=False)
sa = pywintypes.SECURITY_ATTRIBUTES()
show("SA type", lambda: type(sa).__name__)
show("SA fields", lambda: (sa.bInheritHandle, sa.SECURITY_DESCRIPTOR is None))
show("SA set inherit", lambda: setattr(sa, "bInheritHandle", 5) or sa.bInheritHandle)
show("SA nope", lambda: sa.nope)

# errors
try:
    win32api.CloseHandle(123456)
except pywintypes.error as e:
    print("error args", e.args, "winerror", e.winerror, "funcname", e.funcname, "strerror", e.strerror)
    print("error str", str(e))
    print("error repr", repr(e))
    print("error class", type(e).__module__, type(e).__name__, type(e).__mro__[1].__name__)
e = pywintypes.error(5, "F", "text")
show("error made", lambda: (e.args, e.winerror, e.funcname, e.strerror, str(e)))
show("error 1 arg", lambda: (lambda x: (x.args, x.winerror, x.funcname, x.strerror))(pywintypes.error(5)))
show("error 0 args", lambda: (lambda x: (x.args, x.winerror, x.funcname, x.strerror))(pywintypes.error()))
show("error str args", lambda: (lambda x: (x.args, x.winerror))(pywintypes.error("a", "b", "c")))
show("error 4 args", lambda: (lambda x: (x.args, x.winerror))(pywintypes.error(1, 2, 3, 4)))
c = pywintypes.com_error(-2147467259, "Unspecified error", None, None)
show("com_error", lambda: (c.args, c.hresult, c.strerror, c.excepinfo, c.argerror, str(c)))
show("com_error 1 arg", lambda: (lambda x: (x.args, x.hresult, x.strerror))(pywintypes.com_error(5)))
show("com_error 0 args", lambda: (lambda x: (x.args, x.hresult))(pywintypes.com_error()))
show("FormatMessage 5", win32api.FormatMessage, 5)
show("FormatMessage E_FAIL", win32api.FormatMessage, winerror.E_FAIL)
show("FormatMessage E_FAIL u", win32api.FormatMessage, winerror.E_FAIL & 0xFFFFFFFF)
show("FormatMessage 2**32", win32api.FormatMessage, 2**32)
show("FormatMessage str", win32api.FormatMessage, "x")
show("FormatMessage sys 2", win32api.FormatMessage, win32con.FORMAT_MESSAGE_FROM_SYSTEM, None, 2, 0, None)

# win32process
show("GetPriorityClass", win32process.GetPriorityClass, win32api.GetCurrentProcess())
show("GetExitCodeProcess self", win32process.GetExitCodeProcess, win32api.GetCurrentProcess())
show("GetExitCodeThread self", win32process.GetExitCodeThread, win32api.GetCurrentThread())
show("EnumProcesses shape", lambda: shape(win32process.EnumProcesses()[:1]))
show("EnumProcesses has me", lambda: win32api.GetCurrentProcessId() in win32process.EnumProcesses())
show("GetThreadPriority", win32process.GetThreadPriority, win32api.GetCurrentThread())
show("SetPriorityClass bad", win32process.SetPriorityClass, win32api.GetCurrentProcess(), 12345)
show("GetProcessId", lambda: win32process.GetProcessId(win32api.GetCurrentProcess()) == win32api.GetCurrentProcessId())
si = win32process.STARTUPINFO()
show("STARTUPINFO type", lambda: type(si).__name__)
show("STARTUPINFO fields", lambda: (si.dwFlags, si.wShowWindow, si.hStdInput, si.lpDesktop, si.lpTitle))
show("STARTUPINFO nope", lambda: si.nope)
cmd = f'"{sys.executable}" -c "import sys; sys.exit(7)"'
try:
    r = win32process.CreateProcess(None, cmd, None, None, False, 0, None, None, si)
    print("CreateProcess shape", shape(r), "ids ints", r[2] > 0, r[3] > 0)
    print("wait child", win32event.WaitForSingleObject(r[0], 60000))
    print("exit code", win32process.GetExitCodeProcess(r[0]))
    print("exit code thread", win32process.GetExitCodeThread(r[1]))
    show("Terminate after exit", win32process.TerminateProcess, r[0], 3)
    print("exit code after", win32process.GetExitCodeProcess(r[0]))
except Exception as e:
    print("CreateProcess !!", type(e).__name__, e)
cmd = f'"{sys.executable}" -c "import time; time.sleep(60)"'
r = win32process.CreateProcess(None, cmd, None, None, False, 0, None, None, si)
show("exit code running", win32process.GetExitCodeProcess, r[0])
show("TerminateProcess 9", win32process.TerminateProcess, r[0], 9)
print("wait killed", win32event.WaitForSingleObject(r[0], 60000))
show("exit code killed", win32process.GetExitCodeProcess, r[0])
show("CreateProcess missing", win32process.CreateProcess, None, "no_such_program_s26.exe", None, None, False, 0, None, None, si)
show("CreateProcess bad si", win32process.CreateProcess, None, cmd, None, None, False, 0, None, None, None)
