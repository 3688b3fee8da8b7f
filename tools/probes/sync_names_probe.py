"""Differential probe: win32event names, access masks, ownership and waitable timers (session 27).

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/sync_names_probe.py
    .venv/bin/python -m apartment run tools/probes/sync_names_probe.py

Object names ('' and None, lengths, backslashes, prefixes, case), GetLastError after create
and open, OpenEvent/OpenMutex/OpenSemaphore access masks, ReleaseMutex by a thread that does
not own it, semaphore limits, SetWaitableTimer due times and periods, CancelWaitableTimer,
WaitForMultipleObjects on pseudo handles and mixed kinds. Errors as (type, winerror,
funcname), never message texts.
"""

import threading

import pywintypes
import win32api
import win32con
import win32event

PID = str(win32api.GetCurrentProcessId())


def show(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
    except pywintypes.error as e:
        print(label, "!! error", e.winerror, e.funcname)
    except Exception as e:
        print(label, "!!", type(e).__name__)


def made(fn):
    """Call fn, then report (handle type, GetLastError right after)."""

    def run():
        h = fn()
        return type(h).__name__, win32api.GetLastError()

    return run


# names
show("CreateEvent name None", made(lambda: win32event.CreateEvent(None, 0, 0, None)))
show("CreateEvent name ''", made(lambda: win32event.CreateEvent(None, 0, 0, "")))
e_empty1 = win32event.CreateEvent(None, 1, 0, "")
e_empty2 = win32event.CreateEvent(None, 1, 0, "")
win32event.SetEvent(e_empty1)
show("'' names are distinct objects", lambda: win32event.WaitForSingleObject(e_empty2, 0))
show("OpenEvent ''", lambda: win32event.OpenEvent(win32event.EVENT_ALL_ACCESS, 0, ""))
show("OpenEvent None", lambda: win32event.OpenEvent(win32event.EVENT_ALL_ACCESS, 0, None))
show("CreateEvent name 259", made(lambda: win32event.CreateEvent(None, 0, 0, "p" + PID + "x" * (259 - len(PID) - 1))))
show("CreateEvent name 260", made(lambda: win32event.CreateEvent(None, 0, 0, "q" + PID + "x" * (260 - len(PID) - 1))))
show("CreateEvent name 261", made(lambda: win32event.CreateEvent(None, 0, 0, "r" + PID + "x" * (261 - len(PID) - 1))))
show("CreateEvent name 1000", made(lambda: win32event.CreateEvent(None, 0, 0, "s" + PID + "x" * 1000)))
show("CreateEvent name 40000", made(lambda: win32event.CreateEvent(None, 0, 0, "t" + PID + "x" * 40000)))
show("CreateEvent name trailing backslash", made(lambda: win32event.CreateEvent(None, 0, 0, "u" + PID + "\\")))
show("CreateEvent name leading backslash", made(lambda: win32event.CreateEvent(None, 0, 0, "\\v" + PID)))
show("CreateEvent name two backslashes", made(lambda: win32event.CreateEvent(None, 0, 0, "w\\x\\" + PID)))
show("CreateEvent Global\\ empty", made(lambda: win32event.CreateEvent(None, 0, 0, "Global\\")))
show("CreateEvent Local\\ empty", made(lambda: win32event.CreateEvent(None, 0, 0, "Local\\")))
show("CreateEvent Session\\1\\", made(lambda: win32event.CreateEvent(None, 0, 0, "Session\\1\\y" + PID)))
show("CreateEvent slash", made(lambda: win32event.CreateEvent(None, 0, 0, "z/" + PID)))
show("CreateEvent nul char", made(lambda: win32event.CreateEvent(None, 0, 0, "n\0" + PID)))
show("CreateEvent bytes name", made(lambda: win32event.CreateEvent(None, 0, 0, b"b" + PID.encode())))
show("CreateEvent int name", made(lambda: win32event.CreateEvent(None, 0, 0, 5)))
n = "case" + PID
ec = win32event.CreateEvent(None, 1, 0, n)
show("create lower after mixed", made(lambda: win32event.CreateEvent(None, 1, 0, n.upper())))
show("OpenEvent other case", lambda: type(win32event.OpenEvent(win32event.EVENT_ALL_ACCESS, 0, n.upper())).__name__)
gl = "Local\\pref" + PID
el = win32event.CreateEvent(None, 1, 0, gl)
show("plain name after Local\\ same", made(lambda: win32event.CreateEvent(None, 1, 0, "pref" + PID)))
show("OpenEvent plain of Local\\", lambda: type(win32event.OpenEvent(win32event.EVENT_ALL_ACCESS, 0, "pref" + PID)).__name__)
show("OpenEvent Global\\ of Local\\", lambda: type(win32event.OpenEvent(win32event.EVENT_ALL_ACCESS, 0, "Global\\pref" + PID)).__name__)
show("GetLastError after open", lambda: (win32event.OpenEvent(win32event.EVENT_ALL_ACCESS, 0, gl), win32api.GetLastError())[1])
show("existing event, other manual flag", made(lambda: win32event.CreateEvent(None, 0, 1, gl)))
show("existing event kept state", lambda: win32event.WaitForSingleObject(el, 0))

# kinds share one namespace
k = "kind" + PID
km = win32event.CreateMutex(None, 0, k)
show("CreateSemaphore on mutex name", lambda: win32event.CreateSemaphore(None, 0, 1, k))
show("CreateWaitableTimer on mutex name", lambda: win32event.CreateWaitableTimer(None, 0, k))
show("OpenSemaphore on mutex name", lambda: win32event.OpenSemaphore(win32event.SYNCHRONIZE, 0, k))
show("OpenWaitableTimer on mutex name", lambda: win32event.OpenWaitableTimer(win32event.SYNCHRONIZE, 0, k))
show("OpenMutex missing", lambda: win32event.OpenMutex(win32event.SYNCHRONIZE, 0, "nomutex" + PID))
show("OpenWaitableTimer missing", lambda: win32event.OpenWaitableTimer(win32event.SYNCHRONIZE, 0, "notimer" + PID))

# access masks
a = "acc" + PID
ea = win32event.CreateEvent(None, 1, 0, a)
show("OpenEvent 0 access", lambda: type(win32event.OpenEvent(0, 0, a)).__name__)
show("OpenEvent SYNCHRONIZE set", lambda: win32event.SetEvent(win32event.OpenEvent(win32event.SYNCHRONIZE, 0, a)))
show("OpenEvent SYNCHRONIZE wait", lambda: win32event.WaitForSingleObject(win32event.OpenEvent(win32event.SYNCHRONIZE, 0, a), 0))
show("OpenEvent MODIFY_STATE set", lambda: win32event.SetEvent(win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, 0, a)))
show("OpenEvent MODIFY_STATE reset", lambda: win32event.ResetEvent(win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, 0, a)))
show("OpenEvent MODIFY_STATE wait", lambda: win32event.WaitForSingleObject(win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, 0, a), 0))
show("OpenEvent inherit True", lambda: type(win32event.OpenEvent(win32event.EVENT_ALL_ACCESS, True, a)).__name__)
show("OpenEvent 0xFFFFFFFF", lambda: type(win32event.OpenEvent(0xFFFFFFFF, 0, a)).__name__)
show("OpenEvent -1", lambda: type(win32event.OpenEvent(-1, 0, a)).__name__)
m = "macc" + PID
mm = win32event.CreateMutex(None, 0, m)
show("OpenMutex SYNCHRONIZE wait+release", lambda: (lambda h: (win32event.WaitForSingleObject(h, 0), win32event.ReleaseMutex(h)))(win32event.OpenMutex(win32event.SYNCHRONIZE, 0, m)))
show("OpenMutex MODIFY_STATE wait", lambda: win32event.WaitForSingleObject(win32event.OpenMutex(win32con.MUTANT_QUERY_STATE if hasattr(win32con, "MUTANT_QUERY_STATE") else 1, 0, m), 0))
s = "sacc" + PID
ss = win32event.CreateSemaphore(None, 0, 3, s)
show("OpenSemaphore SYNCHRONIZE release", lambda: win32event.ReleaseSemaphore(win32event.OpenSemaphore(win32event.SYNCHRONIZE, 0, s), 1))
show("OpenSemaphore MODIFY release", lambda: win32event.ReleaseSemaphore(win32event.OpenSemaphore(2, 0, s), 1))
show("OpenSemaphore MODIFY wait", lambda: win32event.WaitForSingleObject(win32event.OpenSemaphore(2, 0, s), 0))

# mutex ownership across threads
mx = win32event.CreateMutex(None, 1, None)
res = []
t = threading.Thread(target=lambda: res.append(_try(lambda: win32event.ReleaseMutex(mx))))


def _try(fn):
    try:
        return fn()
    except pywintypes.error as e:
        return ("error", e.winerror, e.funcname)


t.start()
t.join()
show("ReleaseMutex other thread's", lambda: res[0])
show("ReleaseMutex own", lambda: win32event.ReleaseMutex(mx))
show("ReleaseMutex own again", lambda: win32event.ReleaseMutex(mx))
show("CreateMutex owned twice name", made(lambda: win32event.CreateMutex(None, 1, "own" + PID)))
show("CreateMutex owned existing", made(lambda: win32event.CreateMutex(None, 1, "own" + PID)))
show("owned existing: release count", lambda: [_try(lambda: win32event.ReleaseMutex(win32event.OpenMutex(win32event.SYNCHRONIZE, 0, "own" + PID))) for _ in range(3)])
show("ReleaseMutex bad handle", lambda: win32event.ReleaseMutex(123456))
show("ReleaseMutex semaphore", lambda: win32event.ReleaseMutex(ss))

# semaphores
show("CreateSemaphore 0,0", lambda: win32event.CreateSemaphore(None, 0, 0, None))
show("CreateSemaphore max -1", lambda: win32event.CreateSemaphore(None, 0, -1, None))
show("CreateSemaphore max 2**31-1", lambda: type(win32event.CreateSemaphore(None, 0, 2**31 - 1, None)).__name__)
show("CreateSemaphore max 2**31", lambda: win32event.CreateSemaphore(None, 0, 2**31, None))
show("CreateSemaphore init > max name", lambda: win32event.CreateSemaphore(None, 3, 2, "semx" + PID))
sm = win32event.CreateSemaphore(None, 1, 3, None)
show("ReleaseSemaphore 0", lambda: win32event.ReleaseSemaphore(sm, 0))
show("ReleaseSemaphore -1", lambda: win32event.ReleaseSemaphore(sm, -1))
show("ReleaseSemaphore 2 (to max)", lambda: win32event.ReleaseSemaphore(sm, 2))
show("ReleaseSemaphore 1 over", lambda: win32event.ReleaseSemaphore(sm, 1))
show("count after failed release", lambda: [win32event.WaitForSingleObject(sm, 0) for _ in range(4)])
show("ReleaseSemaphore 2**31", lambda: win32event.ReleaseSemaphore(sm, 2**31))
show("ReleaseSemaphore event", lambda: win32event.ReleaseSemaphore(ea, 1))

# waitable timers
tm = win32event.CreateWaitableTimer(None, True, None)
show("timer initial", lambda: win32event.WaitForSingleObject(tm, 0))
show("SetWaitableTimer -1 relative", lambda: win32event.SetWaitableTimer(tm, -1, 0, None, None, False))
show("after -1", lambda: win32event.WaitForSingleObject(tm, 2000))
show("SetWaitableTimer 0", lambda: win32event.SetWaitableTimer(tm, 0, 0, None, None, False))
show("after 0 (absolute past)", lambda: win32event.WaitForSingleObject(tm, 2000))
show("SetWaitableTimer 1 absolute", lambda: win32event.SetWaitableTimer(tm, 1, 0, None, None, False))
show("after 1 absolute", lambda: win32event.WaitForSingleObject(tm, 2000))
show("SetWaitableTimer future", lambda: win32event.SetWaitableTimer(tm, -10**9, 0, None, None, False))
show("future not signaled", lambda: win32event.WaitForSingleObject(tm, 0))
show("CancelWaitableTimer", lambda: win32event.CancelWaitableTimer(tm))
show("after cancel", lambda: win32event.WaitForSingleObject(tm, 0))
show("CancelWaitableTimer twice", lambda: win32event.CancelWaitableTimer(tm))
show("CancelWaitableTimer event", lambda: win32event.CancelWaitableTimer(ea))
show("CancelWaitableTimer bad", lambda: win32event.CancelWaitableTimer(123456))
show("SetWaitableTimer period -1", lambda: win32event.SetWaitableTimer(tm, -1, -1, None, None, False))
show("SetWaitableTimer period 2**31", lambda: win32event.SetWaitableTimer(tm, -1, 2**31, None, None, False))
show("SetWaitableTimer due 2**63", lambda: win32event.SetWaitableTimer(tm, 2**63, 0, None, None, False))
show("SetWaitableTimer due -2**63", lambda: (win32event.SetWaitableTimer(tm, -(2**63), 0, None, None, False), win32event.CancelWaitableTimer(tm)))
show("SetWaitableTimer due float", lambda: win32event.SetWaitableTimer(tm, -1.5, 0, None, None, False))
show("SetWaitableTimer due None", lambda: win32event.SetWaitableTimer(tm, None, 0, None, None, False))
show("SetWaitableTimer resume True", lambda: win32event.SetWaitableTimer(tm, -1, 0, None, None, True))
show("SetWaitableTimer 4 args", lambda: win32event.SetWaitableTimer(tm, -1, 0, None, None))
show("SetWaitableTimer event", lambda: win32event.SetWaitableTimer(ea, -1, 0, None, None, False))
show("SetWaitableTimer bad handle", lambda: win32event.SetWaitableTimer(123456, -1, 0, None, None, False))
st = win32event.CreateWaitableTimer(None, False, None)
show("sync timer set", lambda: win32event.SetWaitableTimer(st, -1, 0, None, None, False))
show("sync timer wait", lambda: win32event.WaitForSingleObject(st, 2000))
show("sync timer reset by wait", lambda: win32event.WaitForSingleObject(st, 0))
pt = win32event.CreateWaitableTimer(None, False, None)
show("periodic set", lambda: win32event.SetWaitableTimer(pt, -1, 10, None, None, False))
show("periodic three waits", lambda: [win32event.WaitForSingleObject(pt, 2000) for _ in range(3)])
show("periodic cancel", lambda: win32event.CancelWaitableTimer(pt))
show("CreateWaitableTimer name twice", made(lambda: win32event.CreateWaitableTimer(None, 0, "tmr" + PID)))
show("CreateWaitableTimer name again", made(lambda: win32event.CreateWaitableTimer(None, 0, "tmr" + PID)))
show("OpenWaitableTimer", lambda: type(win32event.OpenWaitableTimer(win32event.TIMER_ALL_ACCESS, 0, "tmr" + PID)).__name__)
show("CreateWaitableTimer manual str", lambda: win32event.CreateWaitableTimer(None, "x", None))

# multi waits on pseudo handles and mixed kinds
me_t = win32api.GetCurrentThread()
me_p = win32api.GetCurrentProcess()
show("wfmo pseudo thread", lambda: win32event.WaitForMultipleObjects([me_t], 0, 0))
show("wfmo pseudo process", lambda: win32event.WaitForMultipleObjects([me_p], 0, 0))
show("wfmo pseudo + event", lambda: win32event.WaitForMultipleObjects([ea, me_p], 0, 0))
show("wfmo event + signaled", lambda: (win32event.SetEvent(ea), win32event.WaitForMultipleObjects([tm, ea], 0, 0)))
show("wfmo all mixed", lambda: win32event.WaitForMultipleObjects([ea, ss], 1, 0))
show("wfmo all 64", lambda: win32event.WaitForMultipleObjects([win32event.CreateEvent(None, 1, 1, None) for _ in range(64)], 1, 0))
show("wfmo all 65", lambda: win32event.WaitForMultipleObjects([win32event.CreateEvent(None, 1, 1, None) for _ in range(65)], 1, 0))
show("wfmo bad handle in list", lambda: win32event.WaitForMultipleObjects([ea, 123456], 0, 0))
show("wfmo None in list", lambda: win32event.WaitForMultipleObjects([ea, None], 0, 0))
show("wfmo generator", lambda: win32event.WaitForMultipleObjects((h for h in [ea]), 0, 0))
show("wfmo not seq", lambda: win32event.WaitForMultipleObjects(ea, 0, 0))
show("wfmo dup any signaled", lambda: win32event.WaitForMultipleObjects([ea, ea], 0, 0))
show("wfmo dup all via dup handle", lambda: win32event.WaitForMultipleObjects([ea, win32api.DuplicateHandle(me_p, ea, me_p, 0, 0, 2)], 1, 0))
show("wfmoex alertable", lambda: win32event.WaitForMultipleObjectsEx([ea], 0, 0, True))
show("wfsoex alertable", lambda: win32event.WaitForSingleObjectEx(ea, 0, True))
show("SignalObjectAndWait event->event", lambda: win32event.SignalObjectAndWait(ea, ea, 0, False))

# CreateWaitableTimerEx flags and access, SignalObjectAndWait kinds, WaitForInputIdle
TX = win32event.CreateWaitableTimerEx
show("TimerEx manual", lambda: type(TX(None, None, win32event.CREATE_WAITABLE_TIMER_MANUAL_RESET, win32event.TIMER_ALL_ACCESS)).__name__)
show("TimerEx high resolution", lambda: type(TX(None, None, win32event.CREATE_WAITABLE_TIMER_HIGH_RESOLUTION, win32event.TIMER_ALL_ACCESS)).__name__)
show("TimerEx bad flags", lambda: type(TX(None, None, 0x100, win32event.TIMER_ALL_ACCESS)).__name__)
show("TimerEx access SYNCHRONIZE set", lambda: win32event.SetWaitableTimer(TX(None, None, 0, win32event.SYNCHRONIZE), -1, 0, None, None, False))
show("TimerEx access 0 wait", lambda: win32event.WaitForSingleObject(TX(None, None, 0, 0), 0))
show("TimerEx named twice", lambda: (TX(None, "tx" + PID, 0, win32event.TIMER_ALL_ACCESS), win32api.GetLastError(), TX(None, "tx" + PID, 0, win32event.TIMER_ALL_ACCESS), win32api.GetLastError())[1::2])
sig_ev = win32event.CreateEvent(None, 0, 0, None)
on_ev = win32event.CreateEvent(None, 1, 1, None)
show("SOAW signal semaphore", lambda: _try(lambda: win32event.SignalObjectAndWait(win32event.CreateSemaphore(None, 0, 1, None), on_ev, 0, False)))
show("SOAW signal full semaphore", lambda: _try(lambda: win32event.SignalObjectAndWait(win32event.CreateSemaphore(None, 1, 1, None), on_ev, 0, False)))
show("SOAW signal unowned mutex", lambda: _try(lambda: win32event.SignalObjectAndWait(win32event.CreateMutex(None, 0, None), on_ev, 0, False)))
show("SOAW signal owned mutex", lambda: _try(lambda: win32event.SignalObjectAndWait(win32event.CreateMutex(None, 1, None), on_ev, 0, False)))
show("SOAW signal timer", lambda: _try(lambda: win32event.SignalObjectAndWait(win32event.CreateWaitableTimer(None, 0, None), on_ev, 0, False)))
show("SOAW signal bad", lambda: _try(lambda: win32event.SignalObjectAndWait(123456, on_ev, 0, False)))
show("SOAW wait bad", lambda: _try(lambda: win32event.SignalObjectAndWait(sig_ev, 123456, 0, False)))
show("SOAW event was set anyway", lambda: win32event.WaitForSingleObject(sig_ev, 0))
show("SOAW timeout", lambda: _try(lambda: win32event.SignalObjectAndWait(sig_ev, win32event.CreateEvent(None, 0, 0, None), 0, False)))
show("WaitForInputIdle self", lambda: win32event.WaitForInputIdle(win32api.GetCurrentProcess(), 0))
show("WaitForInputIdle event", lambda: win32event.WaitForInputIdle(sig_ev, 0))
show("WaitForInputIdle bad", lambda: win32event.WaitForInputIdle(123456, 0))
