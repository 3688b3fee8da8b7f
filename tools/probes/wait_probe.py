"""Differential probe: waits, APCs and pumping waits (session 29).

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/wait_probe.py
    .venv/bin/python -m apartment run tools/probes/wait_probe.py

WaitForMultipleObjects over every pair of object kinds (any and all), duplicates, 0/64/65
handles, abandoned mutexes, the index that wins, timeouts of every type, non-handle items;
alertable waits with APCs (pywin32 has no QueueUserAPC: on the oracle the probe queues them
through kernel32 with ctypes, ours is the facade's extension); MsgWaitForMultipleObjects(Ex)
masks on fresh queues; SignalObjectAndWait, ReleaseSemaphore/ReleaseMutex counts, PulseEvent,
closed handles; pythoncom.CoWaitForMultipleHandles flags and PumpMessages. One line per
question: a value or the error (type, winerror/hresult, funcname), never message texts.
"""

import faulthandler
import itertools
import os
import sys
import tempfile
import threading

import pythoncom
import pywintypes
import win32api
import win32con
import win32event
import win32file
import win32gui
import win32process

sys.stdout.reconfigure(line_buffering=True)
faulthandler.dump_traceback_later(600, exit=True)  # a probe that hangs says where
E = win32event
INF = E.INFINITE
STOP = E.CreateEvent(None, True, False, None)


def show(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
    except pywintypes.com_error as e:
        print(label, "!! com_error", e.hresult)
    except pywintypes.error as e:
        print(label, "!! error", e.winerror, e.funcname)
    except Exception as e:
        print(label, "!!", type(e).__name__)


def after(fn):
    """Call fn, then return (its result or error, GetLastError right after)."""

    def run():
        win32api.SetLastError(0)
        try:
            r = fn()
        except pywintypes.error as e:
            r = ("error", e.winerror)
        return r, win32api.GetLastError()

    return run


def begin(fn):
    """Start fn on a new thread; return its thread handle."""
    return win32process.beginthreadex(None, 0, fn, (), 0)[0]


# --- object kinds -------------------------------------------------------------------------

def mutex_abandoned():
    m = E.CreateMutex(None, False, None)
    th = begin(lambda: E.WaitForSingleObject(m, INF) and 0)
    E.WaitForSingleObject(th, 10000)
    return m


def owned_mutex():
    m = E.CreateMutex(None, True, None)
    return m


HELD = E.CreateMutex(None, False, None)
HELD_READY = E.CreateEvent(None, True, False, None)


def _holder():
    E.WaitForSingleObject(HELD, INF)
    E.SetEvent(HELD_READY)
    E.WaitForSingleObject(STOP, INF)
    E.ReleaseMutex(HELD)
    return 0


LIVE_THREAD = begin(_holder)
E.WaitForSingleObject(HELD_READY, 10000)
ENDED_THREAD = begin(lambda: 7)
E.WaitForSingleObject(ENDED_THREAD, 10000)
si = win32process.STARTUPINFO()
_child = win32process.CreateProcess(None, '"%s" -c pass' % sys.executable, None, None, 0, 0, None, None, si)
ENDED_PROCESS = _child[0]
E.WaitForSingleObject(ENDED_PROCESS, 30000)
LIVE_PROCESS = win32api.OpenProcess(win32con.SYNCHRONIZE | win32con.PROCESS_QUERY_INFORMATION, 0, os.getpid())
TMPDIR = tempfile.mkdtemp()
CHG0_DIR = tempfile.mkdtemp()
CHG1 = win32file.FindFirstChangeNotification(TMPDIR, False, win32con.FILE_NOTIFY_CHANGE_FILE_NAME)
CHG0 = win32file.FindFirstChangeNotification(CHG0_DIR, False, win32con.FILE_NOTIFY_CHANGE_FILE_NAME)
open(os.path.join(TMPDIR, "f"), "w").close()
print("change notification fires", E.WaitForSingleObject(CHG1, 5000))
TM1 = E.CreateWaitableTimer(None, True, None)
E.SetWaitableTimer(TM1, -1, 0, None, None, False)
print("manual timer fires", E.WaitForSingleObject(TM1, 5000))
TM0 = E.CreateWaitableTimer(None, True, None)
EV_M1 = E.CreateEvent(None, True, True, None)
EV_M0 = E.CreateEvent(None, True, False, None)

KINDS = {
    "ev_m1": lambda: EV_M1,
    "ev_m0": lambda: EV_M0,
    "ev_a1": lambda: E.CreateEvent(None, False, True, None),
    "ev_a0": lambda: E.CreateEvent(None, False, False, None),
    "mx_free": lambda: E.CreateMutex(None, False, None),
    "mx_own": owned_mutex,
    "mx_other": lambda: HELD,
    "mx_aband": mutex_abandoned,
    "sem1": lambda: E.CreateSemaphore(None, 1, 5, None),
    "sem0": lambda: E.CreateSemaphore(None, 0, 5, None),
    "tm_m1": lambda: TM1,
    "tm_0": lambda: TM0,
    "thr_end": lambda: ENDED_THREAD,
    "thr_live": lambda: LIVE_THREAD,
    "proc_end": lambda: ENDED_PROCESS,
    "proc_live": lambda: LIVE_PROCESS,
    "chg1": lambda: CHG1,
    "chg0": lambda: CHG0,
}

# each kind alone, single waits
for k, make in KINDS.items():
    show("wfso " + k, lambda: E.WaitForSingleObject(make(), 0))
    show("wfmo any1 " + k, lambda: E.WaitForMultipleObjects([make()], 0, 0))
    show("wfmo all1 " + k, lambda: E.WaitForMultipleObjects([make()], 1, 0))
    show("msgwait1 " + k, lambda: E.MsgWaitForMultipleObjects([make()], 0, 0, 0))

# every ordered pair, any and all
for (a, ma), (b, mb) in itertools.product(KINDS.items(), repeat=2):
    show("wfmo any %s,%s" % (a, b), lambda: E.WaitForMultipleObjects([ma(), mb()], 0, 0))
    show("wfmo all %s,%s" % (a, b), lambda: E.WaitForMultipleObjects([ma(), mb()], 1, 0))

# the same handle twice
for k, make in KINDS.items():
    def dup(all_, ex=False):
        h = make()
        if ex:
            return E.WaitForMultipleObjectsEx([h, h], all_, 0, False)
        return E.WaitForMultipleObjects([h, h], all_, 0)

    show("dup any " + k, lambda: dup(0))
    if k == "sem1":  # Wine's wineserver spins forever on this one (even with a 0 ms timeout)
        print("dup all/allEx sem1: skipped")
        continue
    show("dup all " + k, lambda: dup(1))
    show("dup allEx " + k, lambda: dup(1, True))
    show("dup msgwait all " + k, lambda: (lambda h: E.MsgWaitForMultipleObjects([h, h], 1, 0, 0))(make()))

# the index that wins; what wait-any leaves of the others; wait-all takes nothing partially
def three(kinds):
    hs = [KINDS[k]() for k in kinds]
    return E.WaitForMultipleObjects(hs, 0, 0)


for combo in [("ev_m0", "sem1", "ev_a1"), ("sem0", "ev_a0", "mx_aband"), ("mx_aband", "mx_aband", "ev_m1"),
              ("ev_m0", "mx_aband", "mx_aband"), ("thr_live", "proc_live", "chg1"), ("tm_0", "tm_m1", "thr_end")]:
    show("wfmo any3 " + ",".join(combo), lambda: three(combo))


def left_after_any():
    ea, s = E.CreateEvent(None, False, True, None), E.CreateSemaphore(None, 1, 5, None)
    r = E.WaitForMultipleObjects([ea, s], 0, 0)
    return r, E.WaitForSingleObject(ea, 0), E.WaitForSingleObject(s, 0)


def left_after_all_fail():
    ea, s, m = E.CreateEvent(None, False, True, None), E.CreateSemaphore(None, 1, 5, None), E.CreateMutex(None, False, None)
    r = E.WaitForMultipleObjects([ea, s, m, EV_M0], 1, 0)
    return r, E.WaitForSingleObject(ea, 0), E.WaitForSingleObject(s, 0), after(lambda: E.ReleaseMutex(m))()


def all_abandoned_mixed():
    m1, m2, s = mutex_abandoned(), mutex_abandoned(), E.CreateSemaphore(None, 2, 5, None)
    r = E.WaitForMultipleObjects([s, m1, m2], 1, 0)
    return r, E.ReleaseSemaphore(s, 1), after(lambda: E.ReleaseMutex(m1))(), after(lambda: E.ReleaseMutex(m2))()


def abandoned_then_again():
    m = mutex_abandoned()
    return (E.WaitForMultipleObjects([EV_M0, m], 0, 0), E.WaitForMultipleObjects([EV_M0, m], 0, 0),
            after(lambda: E.ReleaseMutex(m))(), after(lambda: E.ReleaseMutex(m))(), after(lambda: E.ReleaseMutex(m))())


show("any leaves the others", left_after_any)
show("all takes nothing on failure", left_after_all_fail)
show("all with abandoned at 1 and 2", all_abandoned_mixed)
show("abandoned once, owned twice", abandoned_then_again)
show("two handles to one object any", lambda: E.WaitForMultipleObjects([EV_M1, win32api.DuplicateHandle(-1, EV_M1, -1, 0, 0, 2)], 0, 0))
show("two handles to one object all", lambda: E.WaitForMultipleObjects([EV_M1, win32api.DuplicateHandle(-1, EV_M1, -1, 0, 0, 2)], 1, 0))
show("dup handle of unsignaled all", lambda: E.WaitForMultipleObjects([EV_M0, win32api.DuplicateHandle(-1, EV_M0, -1, 0, 0, 2)], 1, 0))
show("dup among three all", lambda: E.WaitForMultipleObjects([EV_M1, EV_M0, EV_M1], 1, 0))
show("dup sem any takes one", lambda: (lambda s: (E.WaitForMultipleObjects([s, s], 0, 0), E.ReleaseSemaphore(s, 1)))(E.CreateSemaphore(None, 2, 5, None)))

# counts
for n in (0, 1, 2, 63, 64, 65, 128):
    show("wfmo any n=%d" % n, lambda: E.WaitForMultipleObjects([EV_M1] * n, 0, 0))
    show("wfmo all n=%d distinct" % n, lambda: E.WaitForMultipleObjects([E.CreateEvent(None, 1, 1, None) for _ in range(n)], 1, 0))
    show("wfmoex any n=%d" % n, lambda: E.WaitForMultipleObjectsEx([EV_M1] * n, 0, 0, True))
    show("msgwait n=%d" % n, lambda: E.MsgWaitForMultipleObjects([EV_M1] * n, 0, 0, 0))
    show("msgwaitex n=%d" % n, lambda: E.MsgWaitForMultipleObjectsEx([EV_M1] * n, 0, 0, 0))
show("wfmo 64 last signaled", lambda: E.WaitForMultipleObjects([EV_M0] * 63 + [EV_M1], 0, 0))
show("wfmo 64 last abandoned", lambda: E.WaitForMultipleObjects([EV_M0] * 63 + [mutex_abandoned()], 0, 0))
show("wfmo empty all", lambda: E.WaitForMultipleObjects([], 1, 0))
show("wfmo empty INFINITE", lambda: E.WaitForMultipleObjects([], 0, INF))

# timeouts of every type, on a signaled and an unsignaled object
TIMEOUTS = [("0", 0), ("INFINITE", INF), ("0xFFFFFFFF", 0xFFFFFFFF), ("-2", -2), ("1.5", 1.5), ("0.5", 0.5),
            ("2**31", 2**31), ("-2**31", -(2**31)), ("-2**31-1", -(2**31) - 1), ("2**32", 2**32), ("2**32+1", 2**32 + 1),
            ("2**63", 2**63), ("2**64", 2**64), ("None", None), ("'1'", "1"), ("True", True), ("b''", b"")]
for name, t in TIMEOUTS:
    show("timeout %s wfso" % name, lambda: E.WaitForSingleObject(EV_M1, t))
    show("timeout %s wfsoex" % name, lambda: E.WaitForSingleObjectEx(EV_M1, t, False))
    show("timeout %s wfmo" % name, lambda: E.WaitForMultipleObjects([EV_M1], 0, t))
    show("timeout %s wfmoex" % name, lambda: E.WaitForMultipleObjectsEx([EV_M1], 0, t, False))
    show("timeout %s msgwait" % name, lambda: E.MsgWaitForMultipleObjects([EV_M1], 0, t, 0))
    show("timeout %s msgwaitex" % name, lambda: E.MsgWaitForMultipleObjectsEx([EV_M1], t, 0, 0))
    show("timeout %s soaw" % name, lambda: after(lambda: E.SignalObjectAndWait(EV_M1, EV_M1, t, False))())
for name, t in [("0", 0), ("1.5", 1.5), ("0.5", 0.5), ("True", True), ("None", None), ("'1'", "1"), ("2**64", 2**64)]:
    show("timeout %s unsignaled wfso" % name, lambda: E.WaitForSingleObject(EV_M0, t))
    show("timeout %s unsignaled wfmo" % name, lambda: E.WaitForMultipleObjects([EV_M0], 1, t))
    show("timeout %s SleepEx" % name, lambda: win32api.SleepEx(t, 0))
    show("timeout %s Sleep" % name, lambda: win32api.Sleep(t))

# wait-all / alertable flags of other types
for name, v in [("2", 2), ("-1", -1), ("None", None), ("'x'", "x"), ("1.0", 1.0), ("2**32", 2**32), ("[]", [])]:
    show("bWaitAll %s" % name, lambda: E.WaitForMultipleObjects([EV_M1, EV_M0], v, 0))
    show("bAlertable %s" % name, lambda: E.WaitForSingleObjectEx(EV_M1, 0, v))

# items that are not handles; pseudo handles
for name, item in [("None", None), ("0", 0), ("-1", -1), ("-2", -2), ("-3", -3), ("'x'", "x"), ("1.5", 1.5),
                   ("b'x'", b"x"), ("object", object()), ("2**64", 2**64), ("bad 0x1234", 0x1234),
                   ("GetCurrentThread", win32api.GetCurrentThread()), ("GetCurrentProcess", win32api.GetCurrentProcess())]:
    show("item %s wfso" % name, lambda: E.WaitForSingleObject(item, 0))
    show("item %s wfmo any" % name, lambda: E.WaitForMultipleObjects([EV_M1, item], 0, 0))
    show("item %s wfmo any first" % name, lambda: E.WaitForMultipleObjects([item, EV_M1], 0, 0))
    show("item %s wfmo all" % name, lambda: E.WaitForMultipleObjects([EV_M1, item], 1, 0))
    show("item %s msgwait" % name, lambda: E.MsgWaitForMultipleObjects([item], 0, 0, 0))
show("handles a dict", lambda: E.WaitForMultipleObjects({EV_M1: 1}, 0, 0))
show("handles a str", lambda: E.WaitForMultipleObjects("ab", 0, 0))
show("handles None", lambda: E.WaitForMultipleObjects(None, 0, 0))
show("handles PyHANDLE in tuple", lambda: E.WaitForMultipleObjects((EV_M0, int(EV_M1)), 0, 0))
show("closed handle in list", lambda: (lambda h: (h.Close(), E.WaitForMultipleObjects([EV_M1, h], 0, 0)))(E.CreateEvent(None, 1, 1, None)))
show("non-waitable handle (file)", lambda: E.WaitForSingleObject(win32file.CreateFile(os.path.join(TMPDIR, "f"), win32con.GENERIC_READ, 0, None, win32con.OPEN_EXISTING, 0, None), 0))
show("thread handle of self (real)", lambda: E.WaitForSingleObject(win32api.DuplicateHandle(-1, -2, -1, 0, 0, 2), 0))

# --- objects: semaphores, mutexes, events -------------------------------------------------

def sem_series():
    s = E.CreateSemaphore(None, 0, 3, None)
    out = [E.ReleaseSemaphore(s, 1), E.ReleaseSemaphore(s, 2)]
    out.append(after(lambda: E.ReleaseSemaphore(s, 1))())
    out.append([E.WaitForSingleObject(s, 0) for _ in range(4)])
    out.append(E.ReleaseSemaphore(s, 3))
    out.append(after(lambda: E.ReleaseSemaphore(s, 2**31 - 1))())
    return out


show("semaphore series", sem_series)
show("ReleaseSemaphore 2**31", lambda: E.ReleaseSemaphore(E.CreateSemaphore(None, 0, 3, None), 2**31))
show("ReleaseSemaphore max LONG", lambda: (lambda s: (E.ReleaseSemaphore(s, 2**31 - 2), E.ReleaseSemaphore(s, 1)))(E.CreateSemaphore(None, 0, 2**31 - 1, None)))
show("ReleaseSemaphore on event", lambda: E.ReleaseSemaphore(EV_M0, 1))
show("ReleaseSemaphore on mutex", lambda: E.ReleaseSemaphore(E.CreateMutex(None, 0, None), 1))
show("CreateSemaphore 0,0", lambda: E.CreateSemaphore(None, 0, 0, None))
show("CreateSemaphore -1,1", lambda: E.CreateSemaphore(None, -1, 1, None))


def mutex_recursion():
    m = E.CreateMutex(None, True, None)
    waits = [E.WaitForSingleObject(m, 0) for _ in range(3)]
    rel = [after(lambda: E.ReleaseMutex(m))() for _ in range(5)]
    return waits, rel


def mutex_recursion_multi():
    m = E.CreateMutex(None, False, None)
    return (E.WaitForMultipleObjects([m, m], 0, 0), E.WaitForMultipleObjects([EV_M0, m], 0, 0),
            E.WaitForMultipleObjects([m, EV_M1], 1, 0), [after(lambda: E.ReleaseMutex(m))() for _ in range(4)])


show("mutex recursion", mutex_recursion)
show("mutex recursion via multi waits", mutex_recursion_multi)
show("ReleaseMutex held by another thread", after(lambda: E.ReleaseMutex(HELD)))
show("ReleaseMutex on event", after(lambda: E.ReleaseMutex(EV_M0)))
show("ReleaseMutex on semaphore", after(lambda: E.ReleaseMutex(E.CreateSemaphore(None, 0, 1, None))))
show("ReleaseMutex abandoned unowned", after(lambda: E.ReleaseMutex(mutex_abandoned())))
show("CreateMutex initial owner recursion", lambda: (lambda m: (E.WaitForSingleObject(m, 0), after(lambda: E.ReleaseMutex(m))(), after(lambda: E.ReleaseMutex(m))(), after(lambda: E.ReleaseMutex(m))()))(E.CreateMutex(None, 1, None)))


def pulse(manual, initial):
    e = E.CreateEvent(None, manual, initial, None)
    return E.PulseEvent(e), E.WaitForSingleObject(e, 0)


for manual, initial in itertools.product((0, 1), (0, 1)):
    show("PulseEvent manual=%d initial=%d" % (manual, initial), lambda: pulse(manual, initial))


def pulse_waiter(manual):
    e = E.CreateEvent(None, manual, False, None)
    got = []
    entered = E.CreateEvent(None, True, False, None)

    def waiter():
        E.SetEvent(entered)
        got.append(E.WaitForSingleObject(e, 10000))
        return 0

    th = begin(waiter)
    E.WaitForSingleObject(entered, 10000)
    win32api.Sleep(200)  # the probe (not a test) gives the waiter time to block
    E.PulseEvent(e)
    E.WaitForSingleObject(th, 12000)
    return got, E.WaitForSingleObject(e, 0)


show("PulseEvent releases a waiter (auto)", lambda: pulse_waiter(0))
show("PulseEvent releases a waiter (manual)", lambda: pulse_waiter(1))
for op in ("SetEvent", "ResetEvent", "PulseEvent"):
    fn = getattr(E, op)
    show(op + " closed", lambda: (lambda h: (lambda v: (h.Close(), fn(v)))(int(h)))(E.CreateEvent(None, 0, 0, None)))
    show(op + " on mutex", lambda: fn(E.CreateMutex(None, 0, None)))
    show(op + " on semaphore", lambda: fn(E.CreateSemaphore(None, 0, 1, None)))
    show(op + " on timer", lambda: fn(E.CreateWaitableTimer(None, 0, None)))
    show(op + " None", lambda: fn(None))
    show(op + " 0", lambda: fn(0))
    show(op + " pseudo", lambda: fn(win32api.GetCurrentProcess()))
    show(op + " GetLastError", after(lambda: fn(E.CreateEvent(None, 0, 0, None))))

# SignalObjectAndWait
SOAW = E.SignalObjectAndWait


def soaw(signal, wait, ms=0, alertable=False):
    return after(lambda: SOAW(signal, wait, ms, alertable))


show("SOAW mutex not owned", soaw(E.CreateMutex(None, 0, None), EV_M1))
show("SOAW mutex owned", lambda: (lambda m: (soaw(m, EV_M1)(), after(lambda: E.ReleaseMutex(m))()))(E.CreateMutex(None, 1, None)))
show("SOAW mutex of another thread", soaw(HELD, EV_M1))
show("SOAW semaphore overflow", lambda: (lambda s: (soaw(s, EV_M1)(), E.ReleaseSemaphore(s, 0 + 1) if False else E.WaitForSingleObject(s, 0)))(E.CreateSemaphore(None, 1, 1, None)))
show("SOAW semaphore ok", lambda: (lambda s: (soaw(s, EV_M1)(), E.WaitForSingleObject(s, 0)))(E.CreateSemaphore(None, 0, 1, None)))
show("SOAW event to unsignaled", soaw(E.CreateEvent(None, 0, 0, None), EV_M0))
show("SOAW auto event to itself", lambda: (lambda e: (soaw(e, e)(), E.WaitForSingleObject(e, 0)))(E.CreateEvent(None, 0, 0, None)))
show("SOAW timer signal", soaw(TM0, EV_M1))
show("SOAW thread signal", soaw(ENDED_THREAD, EV_M1))
show("SOAW pseudo signal", soaw(win32api.GetCurrentProcess(), EV_M1))
show("SOAW wait on pseudo", soaw(E.CreateEvent(None, 0, 0, None), win32api.GetCurrentThread()))
show("SOAW closed wait", lambda: (lambda h: (h.Close(), soaw(E.CreateEvent(None, 0, 0, None), int(h))()))(E.CreateEvent(None, 0, 0, None)))
show("SOAW None wait", soaw(E.CreateEvent(None, 0, 0, None), None))
show("SOAW wait abandoned", soaw(E.CreateEvent(None, 0, 0, None), mutex_abandoned()))
show("SOAW wait sem taken", lambda: (lambda s: (soaw(EV_M1, s)(), E.WaitForSingleObject(s, 0)))(E.CreateSemaphore(None, 1, 1, None)))
show("SOAW alertable, nothing queued", soaw(E.CreateEvent(None, 0, 0, None), EV_M0, 0, True))
show("SOAW 3 args", lambda: SOAW(EV_M1, EV_M1, 0))

# --- APCs -----------------------------------------------------------------------------------

if hasattr(win32api, "QueueUserAPC"):
    def queue_apc(fn, thread, data):
        win32api.QueueUserAPC(fn, thread, data)
else:  # the oracle: kernel32 through ctypes, the callbacks kept alive
    import ctypes
    from ctypes import wintypes

    _k32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _APCPROC = ctypes.WINFUNCTYPE(None, ctypes.c_size_t)
    _k32.QueueUserAPC.argtypes = [_APCPROC, wintypes.HANDLE, ctypes.c_size_t]
    _k32.QueueUserAPC.restype = wintypes.DWORD
    _keep = []
    _data = {}

    def queue_apc(fn, thread, data):
        key = len(_keep)
        _data[key] = data
        cb = _APCPROC(lambda k: fn(_data[k]))
        _keep.append(cb)
        if not _k32.QueueUserAPC(cb, int(thread), key):
            raise pywintypes.error(ctypes.get_last_error(), "QueueUserAPC", "")


RAN = []


def rec(x):
    RAN.append(x)


def with_apcs(n, wait, thread=None):
    """Queue n APCs to the current thread, then run wait(); (result, what ran)."""

    def run():
        del RAN[:]
        me = win32api.GetCurrentThread() if thread is None else thread
        for i in range(n):
            queue_apc(rec, me, i)
        r = wait()
        ran = list(RAN)
        win32api.SleepEx(0, True)  # drain what is left
        return r, ran

    return run


ALERTABLE_WAITS = {
    "SleepEx 0": lambda: win32api.SleepEx(0, True),
    "SleepEx 1000": lambda: win32api.SleepEx(1000, True),
    "Sleep alertable": lambda: win32api.Sleep(0, 1),
    "SleepEx not alertable": lambda: win32api.SleepEx(0, False),
    "wfsoex unsignaled": lambda: E.WaitForSingleObjectEx(EV_M0, 1000, True),
    "wfsoex signaled": lambda: E.WaitForSingleObjectEx(EV_M1, 0, True),
    "wfsoex not alertable": lambda: E.WaitForSingleObjectEx(EV_M0, 0, False),
    "wfso": lambda: E.WaitForSingleObject(EV_M0, 0),
    "wfmoex any": lambda: E.WaitForMultipleObjectsEx([EV_M0], 0, 1000, True),
    "wfmoex any signaled": lambda: E.WaitForMultipleObjectsEx([EV_M0, EV_M1], 0, 0, True),
    "wfmoex all": lambda: E.WaitForMultipleObjectsEx([EV_M0, EV_M1], 1, 1000, True),
    "msgwaitex ALERTABLE": lambda: E.MsgWaitForMultipleObjectsEx([EV_M0], 1000, 0, 2),
    "msgwaitex ALERTABLE no handles": lambda: E.MsgWaitForMultipleObjectsEx([], 1000, 0, 2),
    "msgwaitex not alertable": lambda: E.MsgWaitForMultipleObjectsEx([EV_M0], 0, 0, 0),
    "msgwait": lambda: E.MsgWaitForMultipleObjects([EV_M0], 0, 0, 0),
    "soaw alertable": lambda: after(lambda: SOAW(E.CreateEvent(None, 0, 0, None), EV_M0, 1000, True))(),
    "soaw not alertable": lambda: after(lambda: SOAW(E.CreateEvent(None, 0, 0, None), EV_M0, 0, False))(),
}
for name, wait in ALERTABLE_WAITS.items():
    for n in (0, 1, 3):
        show("apc x%d %s" % (n, name), with_apcs(n, wait))


def apc_in_apc():
    del RAN[:]

    def outer(x):
        RAN.append(("outer", x))
        queue_apc(rec, win32api.GetCurrentThread(), "inner")
        RAN.append(("nested sleep", win32api.SleepEx(0, True)))

    queue_apc(outer, win32api.GetCurrentThread(), 1)
    r = win32api.SleepEx(0, True)
    return r, list(RAN), win32api.SleepEx(0, True), list(RAN)


def apc_signals_waited():
    e = E.CreateEvent(None, False, False, None)
    queue_apc(lambda x: E.SetEvent(e), win32api.GetCurrentThread(), 0)
    return E.WaitForSingleObjectEx(e, 1000, True), E.WaitForSingleObject(e, 0)


def apc_other_thread():
    got, ran_on = [], []
    ready = E.CreateEvent(None, True, False, None)

    def sleeper():
        E.SetEvent(ready)
        got.append(win32api.SleepEx(20000, True))
        return 0

    th, tid = win32process.beginthreadex(None, 0, sleeper, (), 0)
    E.WaitForSingleObject(ready, 10000)
    queue_apc(lambda x: ran_on.append(win32api.GetCurrentThreadId() == tid), th, 0)
    return E.WaitForSingleObject(th, 20000), got, ran_on


def apc_other_not_alertable():
    got, ran = [], []
    go = E.CreateEvent(None, True, False, None)
    ready = E.CreateEvent(None, True, False, None)

    def waiter():
        E.SetEvent(ready)
        got.append(E.WaitForSingleObject(go, 20000))
        got.append(list(ran))
        got.append(win32api.SleepEx(0, True))
        return 0

    th = begin(waiter)
    E.WaitForSingleObject(ready, 10000)
    queue_apc(lambda x: ran.append(x), th, "late")
    E.SetEvent(go)
    E.WaitForSingleObject(th, 20000)
    return got, ran


def apc_suspended_thread():
    ran = []
    th = win32process.beginthreadex(None, 0, lambda: 0, (), win32process.CREATE_SUSPENDED)[0]
    queue_apc(lambda x: ran.append(x), th, 5)
    win32process.ResumeThread(th)
    return E.WaitForSingleObject(th, 10000), ran


show("apc queued from an apc", apc_in_apc)
show("apc sets the awaited event", apc_signals_waited)
show("apc to a thread in SleepEx", apc_other_thread)
show("apc to a thread in a non-alertable wait", apc_other_not_alertable)
show("apc to a suspended new thread", apc_suspended_thread)
show("apc to an ended thread", lambda: queue_apc(rec, ENDED_THREAD, 0))
show("apc to an event", lambda: queue_apc(rec, EV_M0, 0))
show("apc to a closed handle", lambda: (lambda h: (h.Close(), queue_apc(rec, int(h), 0)))(E.CreateEvent(None, 0, 0, None)))
show("apc to a process", lambda: queue_apc(rec, LIVE_PROCESS, 0))
show("apc to 0", lambda: queue_apc(rec, 0, 0))
show("apc queue returns", lambda: (queue_apc(rec, win32api.GetCurrentThread(), 0), win32api.SleepEx(0, True))[0])
show("SetWaitableTimer with routine", lambda: E.SetWaitableTimer(E.CreateWaitableTimer(None, 0, None), -1, 0, rec, None, False))
show("SetWaitableTimer routine None arg", lambda: E.SetWaitableTimer(E.CreateWaitableTimer(None, 0, None), -1, 0, None, 5, False))

# --- MsgWait on fresh queues ---------------------------------------------------------------

MW, MWX = E.MsgWaitForMultipleObjects, E.MsgWaitForMultipleObjectsEx
QS = [("POSTMESSAGE", 0x8), ("ALLPOSTMESSAGE", 0x100), ("SENDMESSAGE", 0x40), ("TIMER", 0x10),
      ("ALLINPUT", 0x4FF), ("INPUT", 0x407), ("KEY", 1), ("PAINT", 0x20), ("HOTKEY", 0x80), ("0", 0)]


def on_thread(label, body):
    out = []

    def run():
        try:
            out.append(body())
        except pywintypes.error as e:
            out.append(("error", e.winerror, e.funcname))
        except Exception as e:
            out.append(type(e).__name__)
        return 0

    th = begin(run)
    E.WaitForSingleObject(th, 30000)
    print(label, "->", repr(out[0] if out else "no result"))


def has(name):
    return getattr(win32gui, name, None) or getattr(win32api, name, None)


def qstatus(flags):
    fn = has("GetQueueStatus")
    return "n/a" if fn is None else fn(flags)


def input_state():
    fn = has("GetInputState")
    return "n/a" if fn is None else fn()


def masks_on_new_post(kind):
    def body():
        tid = win32api.GetCurrentThreadId()
        win32gui.PeekMessage(None, 0, 0, 0)  # make the queue
        if kind == "post":
            win32api.PostThreadMessage(tid, win32con.WM_USER + 1, 0, 0)
        elif kind == "quit":
            win32gui.PostQuitMessage(3)
        out = [(n, MW([], 0, 0, m)) for n, m in QS]
        out.append(("INPUTAVAILABLE", MWX([], 0, 0x4FF, 4)))
        out.append(("with handle", MW([EV_M0], 0, 0, 0x4FF)))
        out.append(("with 3 handles", MW([EV_M0, EV_M0, EV_M0], 0, 0, 0x4FF)))
        out.append(("signaled handle first", MW([EV_M0, EV_M1], 0, 0, 0x4FF)))
        out.append(("waitall signaled", MW([EV_M1], 1, 0, 0x4FF)))
        out.append(("waitall unsignaled", MW([EV_M0, EV_M1], 1, 0, 0x4FF)))
        out.append(("MWMO_WAITALL", MWX([EV_M1], 0, 0x4FF, 1)))
        out.append(("MWMO_WAITALL none", MWX([], 0, 0x4FF, 1)))
        out.append(("input state", input_state()))
        out.append(("status", qstatus(0x4FF)))
        out.append(("status again", qstatus(0x4FF)))
        out.append(("after status", MW([], 0, 0, 0x4FF)))
        out.append(("after status INPUTAVAILABLE", MWX([], 0, 0x4FF, 4)))
        return out

    return body


on_thread("masks: nothing queued", masks_on_new_post("none"))
on_thread("masks: thread message posted", masks_on_new_post("post"))
on_thread("masks: quit posted", masks_on_new_post("quit"))


def seen_by(look):
    def body():
        tid = win32api.GetCurrentThreadId()
        win32gui.PeekMessage(None, 0, 0, 0)
        win32api.PostThreadMessage(tid, win32con.WM_USER + 1, 0, 0)
        look()
        out = [(n, MW([], 0, 0, m)) for n, m in QS[:2]]
        out.append(("INPUTAVAILABLE", MWX([], 0, 0x4FF, 4)))
        out.append(("INPUTAVAILABLE POSTMESSAGE", MWX([], 0, 0x8, 4)))
        out.append(("INPUTAVAILABLE SENDMESSAGE", MWX([], 0, 0x40, 4)))
        out.append(("input state", input_state()))
        out.append(("still there", win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)[0]))
        out.append(("after removal INPUTAVAILABLE", MWX([], 0, 0x4FF, 4)))
        return out

    return body


on_thread("seen: PeekMessage NOREMOVE", seen_by(lambda: win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)))
on_thread("seen: PeekMessage other range", seen_by(lambda: win32gui.PeekMessage(None, 1, 2, win32con.PM_NOREMOVE)))
on_thread("seen: PeekMessage its range", seen_by(lambda: win32gui.PeekMessage(None, win32con.WM_USER, win32con.WM_USER + 5, win32con.PM_NOREMOVE)))
on_thread("seen: MsgWait itself", seen_by(lambda: MW([], 0, 0, 0x4FF)))
on_thread("seen: GetQueueStatus", seen_by(lambda: qstatus(0x4FF)))
on_thread("seen: GetQueueStatus SENDMESSAGE only", seen_by(lambda: qstatus(0x40)))
on_thread("seen: GetInputState", seen_by(input_state))
on_thread("seen: PumpWaitingMessages range", seen_by(lambda: pythoncom.PumpWaitingMessages(1, 2)))


def two_posts_one_seen():
    tid = win32api.GetCurrentThreadId()
    win32gui.PeekMessage(None, 0, 0, 0)
    win32api.PostThreadMessage(tid, win32con.WM_USER + 1, 0, 0)
    win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)
    first = MW([], 0, 0, 0x4FF)
    win32api.PostThreadMessage(tid, win32con.WM_USER + 2, 0, 0)
    return first, MW([], 0, 0, 0x4FF), MW([], 0, 0, 0x4FF)


on_thread("a second post after a peek wakes", two_posts_one_seen)


def sent_message():
    hwnd_box, ready = [], E.CreateEvent(None, True, False, None)
    results = []

    def proc(hwnd, msg, wp, lp):
        if msg == win32con.WM_USER + 9:
            results.append("handled")
            return 42
        return win32gui.DefWindowProc(hwnd, msg, wp, lp)

    def owner():
        wc = win32gui.WNDCLASS()
        wc.lpszClassName = "s29probe%d" % os.getpid()
        wc.lpfnWndProc = proc
        win32gui.RegisterClass(wc)
        hwnd = win32gui.CreateWindow(wc.lpszClassName, "", 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, 0, None)
        hwnd_box.append(hwnd)
        E.SetEvent(ready)
        r = [("POSTMESSAGE first", MW([], 0, 0, 0x8))]
        r.append(("SENDMESSAGE", MW([], 0, 10000, 0x40)))
        r.append(("POSTMESSAGE with send pending", MW([], 0, 0, 0x8)))
        r.append(("ALLINPUT with send pending", MW([], 0, 0, 0x4FF)))
        r.append(("INPUTAVAILABLE SEND", MWX([], 0, 0x40, 4)))
        r.append(("status", qstatus(0x40)))
        r.append(("handled before pump", list(results)))
        r.append(("PeekMessage REMOVE gives", win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)[0]))
        r.append(("handled after peek", list(results)))
        r.append(("SEND after delivery", MWX([], 0, 0x40, 4)))
        win32gui.DestroyWindow(hwnd)
        win32gui.UnregisterClass(wc.lpszClassName, 0)
        results.append(r)
        return 0

    th = begin(owner)
    E.WaitForSingleObject(ready, 10000)
    sent = win32gui.SendMessageTimeout(hwnd_box[0], win32con.WM_USER + 9, 0, 0, win32con.SMTO_NORMAL, 10000)
    E.WaitForSingleObject(th, 20000)
    return sent, results[-1]


show("sent message and MsgWait", sent_message)


def timer_mask():
    import timer

    fired = []
    tid = timer.set_timer(1, lambda *a: fired.append(1))
    r = [MW([], 0, 5000, 0x10)]
    r.append(MW([], 0, 0, 0x8))
    r.append(qstatus(0x10))
    win32gui.PumpWaitingMessages()
    timer.kill_timer(tid)
    r.append(bool(fired))
    return r


on_thread("QS_TIMER with pywin32's timer", timer_mask)

# --- CoWaitForMultipleHandles, PumpMessages --------------------------------------------------

CW = pythoncom.CoWaitForMultipleHandles
show("COWAIT names", lambda: [n for n in dir(pythoncom) if n.startswith("COWAIT")])


def cowait(init):
    def body():
        if init is not None:
            pythoncom.CoInitializeEx(init)
        out = []
        for label, fn in [
            ("signaled", lambda: CW(0, 0, [EV_M1])),
            ("second signaled", lambda: CW(0, 0, [EV_M0, EV_M1])),
            ("timeout 0", lambda: CW(0, 0, [EV_M0])),
            ("timeout 10", lambda: CW(0, 10, [EV_M0])),
            ("WAITALL", lambda: CW(1, 0, [EV_M1, EV_M1])),
            ("WAITALL distinct", lambda: CW(1, 0, [EV_M1, E.CreateEvent(None, 1, 1, None)])),
            ("WAITALL one unsignaled", lambda: CW(1, 0, [EV_M1, EV_M0])),
            ("abandoned", lambda: CW(0, 0, [EV_M0, mutex_abandoned()])),
            ("empty", lambda: CW(0, 0, [])),
            ("65", lambda: CW(0, 0, [EV_M1] * 65)),
            ("64", lambda: CW(0, 0, [EV_M1] * 64)),
            ("bad handle", lambda: CW(0, 0, [0x1234])),
            ("None item", lambda: CW(0, 0, [None])),
            ("pseudo", lambda: CW(0, 0, [win32api.GetCurrentProcess()])),
            ("not a list", lambda: CW(0, 0, EV_M1)),
            ("flags 8", lambda: CW(8, 0, [EV_M1])),
            ("flags 0x100", lambda: CW(0x100, 0, [EV_M1])),
            ("timeout -1 signaled", lambda: CW(0, -1, [EV_M1])),
            ("timeout 1.5", lambda: CW(0, 1.5, [EV_M1])),
            ("timeout None", lambda: CW(0, None, [EV_M1])),
            ("ALERTABLE nothing queued", lambda: CW(2, 0, [EV_M0])),
            ("ALERTABLE apc queued", lambda: with_apcs(2, lambda: CW(2, 1000, [EV_M0]))()),
            ("not ALERTABLE apc queued", lambda: with_apcs(1, lambda: CW(0, 0, [EV_M0]))()),
        ]:
            try:
                out.append((label, fn()))
            except pythoncom.com_error as e:
                out.append((label, "com_error", e.hresult))
            except pywintypes.error as e:
                out.append((label, "error", e.winerror))
            except Exception as e:
                out.append((label, type(e).__name__))
        tid = win32api.GetCurrentThreadId()
        win32api.PostThreadMessage(tid, win32con.WM_USER + 1, 0, 0)
        for label, flags in [("posted, flags 0", 0), ("posted, INPUTAVAILABLE", 4), ("posted, INPUTAVAILABLE|WAITALL", 5)]:
            try:
                out.append((label, CW(flags, 0, [EV_M0])))
            except pythoncom.com_error as e:
                out.append((label, "com_error", e.hresult))
        out.append(("still queued", win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)[0]))
        if init is not None:
            pythoncom.CoUninitialize()
        return out

    return body


on_thread("CoWait uninitialized", cowait(None))
on_thread("CoWait STA", cowait(pythoncom.COINIT_APARTMENTTHREADED))
on_thread("CoWait MTA", cowait(pythoncom.COINIT_MULTITHREADED))


def pump_messages(mod, code):
    def body():
        tid = win32api.GetCurrentThreadId()
        win32gui.PeekMessage(None, 0, 0, 0)
        win32api.PostThreadMessage(tid, win32con.WM_USER + 1, 0, 0)
        win32gui.PostQuitMessage(code)
        win32api.PostThreadMessage(tid, win32con.WM_USER + 2, 0, 0)
        r = mod.PumpMessages()
        left = win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)
        return r, left[0], left[1][1] if left[0] else None, win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)[0]

    return body


for mod in (pythoncom, win32gui):
    for code in (0, 5, -1):
        on_thread("%s.PumpMessages quit %d" % (mod.__name__.rsplit(".", 1)[-1], code), pump_messages(mod, code))


def pump_waiting(mod):
    def body():
        tid = win32api.GetCurrentThreadId()
        win32gui.PeekMessage(None, 0, 0, 0)
        r = [mod.PumpWaitingMessages()]
        for _ in range(3):
            win32api.PostThreadMessage(tid, win32con.WM_USER + 1, 0, 0)
        r.append(mod.PumpWaitingMessages())
        win32gui.PostQuitMessage(9)
        win32api.PostThreadMessage(tid, win32con.WM_USER + 2, 0, 0)
        r.append(mod.PumpWaitingMessages())
        r.append(mod.PumpWaitingMessages())
        r.append(win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)[0])
        return r

    return body


for mod in (pythoncom, win32gui):
    on_thread("%s.PumpWaitingMessages series" % mod.__name__.rsplit(".", 1)[-1], pump_waiting(mod))

E.SetEvent(STOP)
print("holder ends", E.WaitForSingleObject(LIVE_THREAD, 10000))
