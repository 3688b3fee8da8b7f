"""Differential probe: message queues and windows across threads (session 28).

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/msgqueue_probe.py
    .venv/bin/python -m apartment run tools/probes/msgqueue_probe.py

PostThreadMessage to threads without a queue or gone, message numbers, Get/PeekMessage
filters (ranges, hwnd -1/0/None, PM_* flags), WM_QUIT ordering, GetQueueStatus bits, sends
to another thread's window (InSendMessage, ReplyMessage, the sender serviced meanwhile),
SendMessageTimeout, broadcasts, DestroyWindow across threads, timers, class registration,
window longs and CallWindowProc. One line per question; errors as (type, winerror,
funcname), never message texts (Wine's differ). Every blocking step has a timeout.
"""

import threading
import time

import pywintypes
import win32api
import win32con
import win32event
import win32gui
import win32process

PM_QS_INPUT = win32con.QS_INPUT << 16
PM_QS_POSTMESSAGE = (win32con.QS_POSTMESSAGE | win32con.QS_HOTKEY | win32con.QS_TIMER) << 16
PM_QS_PAINT = win32con.QS_PAINT << 16
PM_QS_SENDMESSAGE = win32con.QS_SENDMESSAGE << 16
TID = win32api.GetCurrentThreadId()
USER = win32con.WM_USER


def shape(r):
    if isinstance(r, (list, tuple)):
        return type(r).__name__ + "(" + ",".join(shape(x) for x in r) + ")"
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


def drain(hwnd=None):
    """Remove every queued message; return their numbers (WM_QUIT as 'QUIT')."""
    got = []
    while True:
        ok, msg = win32gui.PeekMessage(hwnd, 0, 0, win32con.PM_REMOVE)
        if not ok:
            return got
        got.append("QUIT" if msg[1] == win32con.WM_QUIT else msg[1] - USER if msg[1] >= USER else msg[1])


# --- PostThreadMessage targets -------------------------------------------------------
gate = threading.Event()
ids = []
plain = threading.Thread(target=lambda: (ids.append(win32api.GetCurrentThreadId()), gate.wait(10)))
plain.start()
while not ids:
    time.sleep(0.01)
show("PostThreadMessage no queue", lambda: win32api.PostThreadMessage(ids[0], USER, 0, 0))
show("win32gui.PostThreadMessage no queue", lambda: win32gui.PostThreadMessage(ids[0], USER, 0, 0))
gate.set()
plain.join()
show("PostThreadMessage dead thread", lambda: win32api.PostThreadMessage(ids[0], USER, 0, 0))
show("PostThreadMessage tid 0", lambda: win32api.PostThreadMessage(0, USER, 0, 0))
show("PostThreadMessage self", lambda: win32api.PostThreadMessage(TID, USER, 1, 2))
show("PostThreadMessage 0xFFFF", lambda: win32api.PostThreadMessage(TID, 0xFFFF, 0, 0))
show("PostThreadMessage 0x10000", lambda: win32api.PostThreadMessage(TID, 0x10000, 0, 0))
show("PostThreadMessage 0xC000", lambda: win32api.PostThreadMessage(TID, 0xC000, 0, 0))
show("PostThreadMessage WM_SETTEXT", lambda: win32api.PostThreadMessage(TID, win32con.WM_SETTEXT, 0, 0))
show("PostThreadMessage WM_QUIT", lambda: win32api.PostThreadMessage(TID, win32con.WM_QUIT, 9, 0))
show("PostThreadMessage neg msg", lambda: win32api.PostThreadMessage(TID, -1, 0, 0))
show("PostThreadMessage 2**32 msg", lambda: win32api.PostThreadMessage(TID, 2**32, 0, 0))
show("PostThreadMessage neg wparam", lambda: win32api.PostThreadMessage(TID, USER + 2, -1, -1))
show("PostThreadMessage big wparam", lambda: win32api.PostThreadMessage(TID, USER + 3, 2**64 - 1, 0))
show("PostThreadMessage str wparam", lambda: win32api.PostThreadMessage(TID, USER + 4, "x", 0))
show("PostThreadMessage None lparam", lambda: win32api.PostThreadMessage(TID, USER + 5, 0, None))
show("PostThreadMessage 3 args", lambda: win32api.PostThreadMessage(TID, USER + 6))
msgs = []
while True:
    ok, m = win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)
    if not ok:
        break
    msgs.append((m[1], m[2], m[3]))
print("queued messages", msgs)

# --- filters --------------------------------------------------------------------------
for n in (1, 2, 3):
    win32api.PostThreadMessage(TID, USER + n, n, 0)
show("Peek range 2..2", lambda: win32gui.PeekMessage(None, USER + 2, USER + 2, win32con.PM_REMOVE)[1][1] - USER)
show("Peek inverted range 3..1", lambda: win32gui.PeekMessage(None, USER + 3, USER + 1, win32con.PM_REMOVE)[1][1] - USER)
show("Peek after inverted", lambda: drain())
for n in (1, 2, 3):
    win32api.PostThreadMessage(TID, USER + n, n, 0)
show("Peek min only", lambda: win32gui.PeekMessage(None, USER + 2, 0, win32con.PM_REMOVE)[1][1] - USER)
show("Peek max only", lambda: win32gui.PeekMessage(None, 0, USER + 1, win32con.PM_REMOVE)[1][1] - USER)
show("Peek left", lambda: drain())
win32api.PostThreadMessage(TID, USER + 1, 0, 0)
show("Peek NOREMOVE", lambda: win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)[0])
show("Peek NOYIELD", lambda: win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE | win32con.PM_NOYIELD)[0])
show("Peek QS_SENDMESSAGE", lambda: win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE | PM_QS_SENDMESSAGE)[0])
show("Peek QS_INPUT", lambda: win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE | PM_QS_INPUT)[0])
show("Peek QS_PAINT", lambda: win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE | PM_QS_PAINT)[0])
show("Peek QS_POSTMESSAGE", lambda: win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE | PM_QS_POSTMESSAGE)[0])
show("Peek empty", lambda: win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)[0])
show("Peek empty shape", lambda: win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE), values=False)
show("Peek bad flag", lambda: win32gui.PeekMessage(None, 0, 0, 0x8)[0])
show("Peek flags None", lambda: win32gui.PeekMessage(None, 0, 0, None)[0])


# a window on this thread
def wndproc(hwnd, msg, wp, lp):
    if msg == USER + 50:
        return wp * 2
    return win32gui.DefWindowProc(hwnd, msg, wp, lp)


wc = win32gui.WNDCLASS()
wc.lpszClassName = "S28ProbeMain"
wc.lpfnWndProc = wndproc
atom = win32gui.RegisterClass(wc)
main_hwnd = win32gui.CreateWindow("S28ProbeMain", "m", 0, 0, 0, 10, 10, 0, 0, 0, None)
win32gui.PostMessage(main_hwnd, USER + 1, 0, 0)
win32api.PostThreadMessage(TID, USER + 2, 0, 0)
show("Peek hwnd -1 (thread only)", lambda: win32gui.PeekMessage(-1, 0, 0, win32con.PM_REMOVE)[1][1] - USER)
show("Peek hwnd -1 again", lambda: win32gui.PeekMessage(-1, 0, 0, win32con.PM_REMOVE)[0])
win32api.PostThreadMessage(TID, USER + 2, 0, 0)
show("Peek hwnd window only", lambda: (lambda r: (r[1][0] == main_hwnd, r[1][1] - USER))(win32gui.PeekMessage(main_hwnd, 0, 0, win32con.PM_REMOVE)))
show("Peek hwnd window again", lambda: win32gui.PeekMessage(main_hwnd, 0, 0, win32con.PM_REMOVE)[0])
show("Peek hwnd 0 gets thread msg", lambda: win32gui.PeekMessage(0, 0, 0, win32con.PM_REMOVE)[1][1] - USER)
show("Peek bad hwnd", lambda: win32gui.PeekMessage(0x7777, 0, 0, win32con.PM_REMOVE)[0])
show("PostMessage WM_SETTEXT", lambda: win32gui.PostMessage(main_hwnd, win32con.WM_SETTEXT, 0, 0))
show("PostMessage hwnd 0", lambda: win32gui.PostMessage(0, USER + 7, 0, 0))
show("Peek after PostMessage 0", lambda: drain())
show("GetMessage bad hwnd", lambda: win32gui.GetMessage(0x7777, 0, 0))

# --- WM_QUIT ordering and queue status ----------------------------------------------------
drain()
show("GetQueueStatus (extra) empty", lambda: win32gui.GetQueueStatus(win32con.QS_ALLINPUT))
win32api.PostThreadMessage(TID, USER + 1, 0, 0)
show("GetQueueStatus (extra) after post", lambda: win32gui.GetQueueStatus(win32con.QS_ALLINPUT))
show("GetQueueStatus (extra) again", lambda: win32gui.GetQueueStatus(win32con.QS_ALLINPUT))
show("GetQueueStatus (extra) POSTMESSAGE only", lambda: win32gui.GetQueueStatus(win32con.QS_POSTMESSAGE))
show("GetQueueStatus (extra) TIMER only", lambda: win32gui.GetQueueStatus(win32con.QS_TIMER))
show("GetInputState", lambda: win32gui.GetInputState() if hasattr(win32gui, "GetInputState") else "n/a")
win32gui.PostQuitMessage(5)
show("GetQueueStatus (extra) after quit", lambda: win32gui.GetQueueStatus(win32con.QS_ALLINPUT))
win32api.PostThreadMessage(TID, USER + 2, 0, 0)
order = []
for _ in range(4):
    r = win32gui.GetMessage(None, 0, 0)
    order.append((r[0], r[1][1] if r[1][1] < USER else r[1][1] - USER, r[1][2]))
    if r[1][1] == win32con.WM_QUIT:
        break
print("order with quit", order)
show("after quit", lambda: drain())
win32gui.PostQuitMessage(6)
win32gui.PostQuitMessage(8)
show("two PostQuitMessage", lambda: win32gui.GetMessage(None, 0, 0)[1][1:3])
show("after two quits", lambda: drain())
win32gui.PostQuitMessage(-1)
show("PostQuitMessage -1", lambda: win32gui.GetMessage(None, 0, 0)[1][1:3])
win32gui.PostQuitMessage(3)
show("quit filtered out", lambda: win32gui.PeekMessage(None, USER, USER + 10, win32con.PM_REMOVE)[0])
show("quit through -1", lambda: win32gui.PeekMessage(-1, 0, 0, win32con.PM_REMOVE)[1][1:3])
win32gui.PostQuitMessage(4)
show("quit to window hwnd", lambda: win32gui.PeekMessage(main_hwnd, 0, 0, win32con.PM_REMOVE)[1][1:3])
win32api.PostThreadMessage(TID, win32con.WM_QUIT, 11, 0)
win32api.PostThreadMessage(TID, USER + 1, 0, 0)
show("posted WM_QUIT in order", lambda: [win32gui.GetMessage(None, 0, 0)[0] for _ in range(2)])
drain()


# --- a window on another thread -------------------------------------------------------
class WindowThread:
    """A thread with one window and a GetMessage loop; records what its window saw."""

    def __init__(self, name, gate_first=False):
        self.name = name
        self.seen = []
        self.ready = threading.Event()
        self.go = threading.Event()
        if not gate_first:
            self.go.set()
        self.hwnd = None
        self.tid = None
        self.notes = {}
        self.thread = threading.Thread(target=self.run)
        self.thread.start()
        self.ready.wait(10)

    def proc(self, hwnd, msg, wp, lp):
        if USER <= msg < USER + 100:
            self.seen.append(msg - USER)
        if msg == USER + 10:
            self.notes["InSendMessage (extra)"] = outcome(lambda: win32gui.InSendMessage())
            return 77
        if msg == USER + 11:
            self.notes["InSendMessage posted (extra)"] = outcome(lambda: win32gui.InSendMessage())
            return 0
        if msg == USER + 12:
            self.notes["ReplyMessage"] = outcome(lambda: win32gui.ReplyMessage(55))
            self.notes["ReplyMessage twice"] = outcome(lambda: win32gui.ReplyMessage(56))
            return 99
        if msg == USER + 13:
            # call back into the sender's window while the sender waits
            self.notes["nested"] = outcome(lambda: win32gui.SendMessage(lp, USER + 50, 21, 0))
            return 1
        if msg == USER + 14:
            self.notes["destroy main from here"] = outcome(lambda: win32gui.DestroyWindow(lp))
            return 0
        if msg == USER + 15:
            self.notes["tid ok"] = win32api.GetCurrentThreadId() == self.tid
            return 0
        return win32gui.DefWindowProc(hwnd, msg, wp, lp)

    def run(self):
        wc = win32gui.WNDCLASS()
        wc.lpszClassName = "S28Probe" + self.name
        wc.lpfnWndProc = self.proc
        win32gui.RegisterClass(wc)
        self.hwnd = win32gui.CreateWindow(wc.lpszClassName, self.name, 0, 0, 0, 10, 10, 0, 0, 0, None)
        self.tid = win32api.GetCurrentThreadId()
        self.ready.set()
        self.go.wait(10)
        while True:
            ok, msg = win32gui.GetMessage(None, 0, 0)
            if ok <= 0:
                break
            win32gui.TranslateMessage(msg)
            win32gui.DispatchMessage(msg)
        if win32gui.IsWindow(self.hwnd):
            win32gui.DestroyWindow(self.hwnd)
        win32gui.UnregisterClass(wc.lpszClassName, 0)

    def stop(self):
        self.go.set()
        win32api.PostThreadMessage(self.tid, win32con.WM_QUIT, 0, 0)
        self.thread.join(10)


w = WindowThread("B")
show("SendMessage other thread", lambda: win32gui.SendMessage(w.hwnd, USER + 10, 0, 0))
show("PostMessage other thread", lambda: win32gui.PostMessage(w.hwnd, USER + 11, 0, 0))
show("SendMessage with reply", lambda: win32gui.SendMessage(w.hwnd, USER + 12, 0, 0))
show("SendMessage nested back", lambda: win32gui.SendMessage(w.hwnd, USER + 13, 0, main_hwnd))
show("SendMessage B destroys main", lambda: win32gui.SendMessage(w.hwnd, USER + 14, 0, main_hwnd))
show("main still a window", lambda: win32gui.IsWindow(main_hwnd))
show("DestroyWindow other thread's", lambda: win32gui.DestroyWindow(w.hwnd))
show("B still a window", lambda: win32gui.IsWindow(w.hwnd))
show("GetWindowThreadProcessId other", lambda: (lambda r: (r[0] == w.tid, r[1] == win32api.GetCurrentProcessId()))(win32process.GetWindowThreadProcessId(w.hwnd)))
show("GetWindowThreadProcessId bad", lambda: win32process.GetWindowThreadProcessId(0x7777))
show("GetWindowThreadProcessId 0", lambda: win32process.GetWindowThreadProcessId(0))
show("SendNotifyMessage other (extra)", lambda: win32gui.SendNotifyMessage(w.hwnd, USER + 15, 0, 0))
show("SendMessageTimeout other", lambda: win32gui.SendMessageTimeout(w.hwnd, USER + 10, 0, 0, win32con.SMTO_NORMAL, 5000))
show("SendMessageTimeout BLOCK", lambda: win32gui.SendMessageTimeout(w.hwnd, USER + 10, 0, 0, win32con.SMTO_BLOCK, 5000))
show("SendMessageTimeout ABORTIFHUNG", lambda: win32gui.SendMessageTimeout(w.hwnd, USER + 10, 0, 0, win32con.SMTO_ABORTIFHUNG, 5000))
show("SendMessageTimeout self", lambda: win32gui.SendMessageTimeout(main_hwnd, USER + 50, 4, 0, 0, 0) if win32gui.IsWindow(main_hwnd) else "gone")
show("SendMessageTimeout bad hwnd", lambda: win32gui.SendMessageTimeout(0x7777, USER, 0, 0, 0, 100))
show("PostMessage BROADCAST", lambda: win32gui.PostMessage(win32con.HWND_BROADCAST, win32api.RegisterWindowMessage("S28ProbeBcast"), 0, 0))
show("SendNotifyMessage BROADCAST (extra)", lambda: win32gui.SendNotifyMessage(win32con.HWND_BROADCAST, win32api.RegisterWindowMessage("S28ProbeBcast"), 0, 0))
show("PeekMessage other thread's hwnd", lambda: win32gui.PeekMessage(w.hwnd, 0, 0, win32con.PM_REMOVE)[0])
# (GetMessage with another thread's window blocks for ever under Wine: not asked)
show("SetWindowLong other thread's USERDATA", lambda: win32gui.SetWindowLong(w.hwnd, win32con.GWL_USERDATA, 5))
show("GetWindowLong other thread's USERDATA", lambda: win32gui.GetWindowLong(w.hwnd, win32con.GWL_USERDATA))
show("SetWindowText other thread", lambda: win32gui.SetWindowText(w.hwnd, "via other"))
show("GetWindowText other thread", lambda: win32gui.GetWindowText(w.hwnd))
show("SendMessage WM_GETTEXTLENGTH other", lambda: win32gui.SendMessage(w.hwnd, win32con.WM_GETTEXTLENGTH, 0, 0))
show("PostThreadMessage to B", lambda: win32api.PostThreadMessage(w.tid, USER + 21, 0, 0))
show("SendMessage sync-only via Post", lambda: win32gui.PostMessage(w.hwnd, win32con.WM_GETTEXT, 0, 0))
show("sync point", lambda: win32gui.SendMessage(w.hwnd, USER + 20, 0, 0))
print("B saw", w.seen)
print("B notes", sorted(w.notes.items()))
w.stop()

# a thread that does not pump: sends time out (1460), the message still arrives later
w2 = WindowThread("C", gate_first=True)
t0 = time.monotonic()
show("SendMessageTimeout not pumping", lambda: win32gui.SendMessageTimeout(w2.hwnd, USER + 30, 0, 0, win32con.SMTO_NORMAL, 200))
print("timed out within 3s", time.monotonic() - t0 < 3)
show("SendMessageTimeout not pumping 0 ms", lambda: win32gui.SendMessageTimeout(w2.hwnd, USER + 31, 0, 0, 0, 0))
show("SendMessageTimeout ABORTIFHUNG not pumping", lambda: win32gui.SendMessageTimeout(w2.hwnd, USER + 32, 0, 0, win32con.SMTO_ABORTIFHUNG, 200))
w2.go.set()
show("sync point C", lambda: win32gui.SendMessage(w2.hwnd, USER + 20, 0, 0))
print("C saw", w2.seen)
w2.stop()
show("IsWindow after thread ended", lambda: win32gui.IsWindow(w2.hwnd))
show("PostMessage to ended thread's window", lambda: win32gui.PostMessage(w2.hwnd, USER, 0, 0))
show("SendMessage to ended thread's window", lambda: win32gui.SendMessage(w2.hwnd, USER, 0, 0))

# --- timers (pywin32's timer module: thread timers with a callback) ------------------
import timer

if not win32gui.IsWindow(main_hwnd):
    main_hwnd = win32gui.CreateWindow("S28ProbeMain", "m", 0, 0, 0, 10, 10, 0, 0, 0, None)
drain()
fired = []
tid1 = timer.set_timer(1, lambda i, t: fired.append((i == tid1, type(t).__name__)))
show("set_timer id type", lambda: type(tid1).__name__)
tid2 = timer.set_timer(100000, lambda i, t: None)
show("set_timer ids differ", lambda: tid1 != tid2)
show("set_timer bad fn", lambda: timer.set_timer(10, None))
show("set_timer neg", lambda: timer.set_timer(-1, lambda i, t: None) != 0)
time.sleep(0.2)
win32api.PostThreadMessage(TID, USER + 1, 0, 0)
first = win32gui.GetMessage(None, 0, 0)[1]
second = win32gui.GetMessage(None, 0, 0)[1]
print("posted before timer", first[1] - USER, second[1] == win32con.WM_TIMER, second[0], second[2] == tid1)
show("DispatchMessage timer", lambda: win32gui.DispatchMessage(second))
show("timer callback saw", lambda: fired)
show("timer after read again", lambda: win32gui.PeekMessage(None, win32con.WM_TIMER, win32con.WM_TIMER, win32con.PM_NOREMOVE)[0])
show("kill_timer 1", lambda: timer.kill_timer(tid1))
show("kill_timer 1 again", lambda: timer.kill_timer(tid1))
show("kill_timer 2", lambda: timer.kill_timer(tid2))
show("kill_timer unknown", lambda: timer.kill_timer(0x7777))
show("kill_timer 0", lambda: timer.kill_timer(0))
drain()
show("SetTimer (extra)", lambda: win32gui.SetTimer(main_hwnd, 5, 100000))
show("KillTimer (extra)", lambda: win32gui.KillTimer(main_hwnd, 5))

# --- classes and window longs -----------------------------------------------------------
show("RegisterClass twice", lambda: win32gui.RegisterClass(wc))
show("UnregisterClass with a window", lambda: win32gui.UnregisterClass("S28ProbeMain", 0))
show("UnregisterClass unknown", lambda: win32gui.UnregisterClass("S28ProbeNoSuch", 0))
show("UnregisterClass by atom", lambda: win32gui.UnregisterClass(0x7777, 0))
show("CreateWindow unknown class", lambda: win32gui.CreateWindow("S28ProbeNoSuch", "x", 0, 0, 0, 1, 1, 0, 0, 0, None))
show("CreateWindow by atom", lambda: win32gui.IsWindow(win32gui.CreateWindow(atom, "x", 0, 0, 0, 1, 1, 0, 0, 0, None)))
show("GetWindowLong USERDATA", lambda: win32gui.GetWindowLong(main_hwnd, win32con.GWL_USERDATA))
show("SetWindowLong USERDATA", lambda: win32gui.SetWindowLong(main_hwnd, win32con.GWL_USERDATA, 1234))
show("SetWindowLong USERDATA again", lambda: win32gui.SetWindowLong(main_hwnd, win32con.GWL_USERDATA, -1))
show("GetWindowLong USERDATA after", lambda: win32gui.GetWindowLong(main_hwnd, win32con.GWL_USERDATA))
show("GetWindowLong ID", lambda: win32gui.GetWindowLong(main_hwnd, win32con.GWL_ID))
show("GetWindowLong bad index", lambda: win32gui.GetWindowLong(main_hwnd, 1000))
show("GetWindowLong bad hwnd", lambda: win32gui.GetWindowLong(0x7777, win32con.GWL_USERDATA))
show("GetWindowLong extra 0 (no extra bytes)", lambda: win32gui.GetWindowLong(main_hwnd, 0))
show("GetWindowLong WNDPROC type", lambda: type(win32gui.GetWindowLong(main_hwnd, win32con.GWL_WNDPROC)).__name__)
calls = []


def sub(hwnd, msg, wp, lp):
    if msg == USER + 50:
        calls.append(wp)
        return win32gui.CallWindowProc(old, hwnd, msg, wp + 1, lp)
    return win32gui.CallWindowProc(old, hwnd, msg, wp, lp)


old = win32gui.SetWindowLong(main_hwnd, win32con.GWL_WNDPROC, sub)
show("subclassed old type", lambda: type(old).__name__)
show("SendMessage through subclass", lambda: win32gui.SendMessage(main_hwnd, USER + 50, 10, 0))
show("subclass saw", lambda: calls)
show("CallWindowProc old direct", lambda: win32gui.CallWindowProc(old, main_hwnd, USER + 50, 3, 0))
show("CallWindowProc python fn", lambda: win32gui.CallWindowProc(wndproc, main_hwnd, USER + 50, 3, 0))
show("CallWindowProc 0", lambda: win32gui.CallWindowProc(0, main_hwnd, USER + 50, 3, 0))
show("restore proc", lambda: win32gui.SetWindowLong(main_hwnd, win32con.GWL_WNDPROC, old) == old or "other")
show("SendMessage after restore", lambda: win32gui.SendMessage(main_hwnd, USER + 50, 10, 0))
show("DestroyWindow main", lambda: win32gui.DestroyWindow(main_hwnd))
show("IsWindow main after", lambda: win32gui.IsWindow(main_hwnd))
show("GetWindowLong destroyed", lambda: win32gui.GetWindowLong(main_hwnd, win32con.GWL_USERDATA))
show("SendMessage destroyed", lambda: win32gui.SendMessage(main_hwnd, USER, 0, 0))
show("PostMessage destroyed", lambda: win32gui.PostMessage(main_hwnd, USER, 0, 0))
while win32gui.FindWindow("S28ProbeMain", None):
    win32gui.DestroyWindow(win32gui.FindWindow("S28ProbeMain", None))
drain()
show("UnregisterClass after destroy", lambda: win32gui.UnregisterClass("S28ProbeMain", 0))
print("done")
