"""Differential probe: windows and their messages as threaded programs use them (session 30).

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/window_probe.py
    .venv/bin/python -m apartment run tools/probes/window_probe.py

Classes (1410, 1411, 1412, WNDCLASS fields), CreateWindow(Ex) styles, parents and
HWND_MESSAGE, message-only windows, DestroyWindow across threads (5) and twice (1400),
IsWindow, GetWindowThreadProcessId, GetParent/SetParent/GetAncestor, window texts and
WM_GETTEXT buffers, window longs (style, user data, subclassing), positions of hidden
windows, ShowWindow results, the Enum*Windows callbacks, FindWindow(Ex), Send/Post/
SendMessageTimeout (flags, a hung target: 1460), SendNotifyMessage and SetTimer/KillTimer
(pywin32 has neither: on the oracle they go to user32 through ctypes), WM_QUIT posted or
from PostQuitMessage, GetMessage's hwnd filter, PeekMessage's order of sent, posted, paint
and timer messages, the WM_CLOSE/WM_DESTROY/WM_NCDESTROY sequence and windows that die with
their thread. One line per question; hwnds print as labels, errors as (winerror, funcname).
Every blocking step has a timeout. pywin32 has no SetProp/GetProp/RemoveProp (nor ours).

Left out, as they crash or hang pywin32 312 under Wine: names over 255 characters (heap
corruption), a window subclassed with a dict that is destroyed or gets a message the dict
lacks, and calls on another thread's window that send it a message without releasing the
GIL (SetWindowLong GWL_WNDPROC/GWL_STYLE, SetParent, MoveWindow, ShowWindow across threads).
"""

import sys
import threading
import time

import pywintypes
import win32api
import win32con
import win32gui
import win32process

sys.stdout.reconfigure(line_buffering=True, encoding="utf-8")  # a crash under Wine keeps what came before
USER = win32con.WM_USER
TID = win32api.GetCurrentThreadId()
PID = win32api.GetCurrentProcessId()
HWND_MESSAGE = -3
SMTO_NOTIMEOUTIFNOTHUNG = 0x8
SMTO_ERRORONEXIT = 0x20
GA_PARENT, GA_ROOT, GA_ROOTOWNER = 1, 2, 3
LABELS = {}  # hwnd -> label


def label(value):
    if isinstance(value, bool) or not isinstance(value, int):
        return value
    if value in LABELS:
        return LABELS[value]
    if value == 0:
        return 0
    if value == win32gui.GetDesktopWindow():
        return "desktop"
    return "other-hwnd" if value > 0x10000 else value


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


def show(name, fn, values=True):
    print(name, "->", outcome(fn, values))


def showh(name, fn):
    """Show a call whose result is an hwnd, or a tuple/list holding hwnds, as labels."""

    def run():
        r = fn()
        if isinstance(r, (list, tuple)):
            return type(r)(label(x) for x in r)
        return label(r)

    show(name, run)


def drain():
    got = []
    for _ in range(1000):
        ok, msg = win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)
        if not ok:
            break
        if msg[1] == win32con.WM_PAINT:
            win32gui.DispatchMessage(msg)
            continue
        got.append("QUIT" if msg[1] == win32con.WM_QUIT else msg[1] - USER if msg[1] >= USER else msg[1])
    return got


# --- SendNotifyMessage, SetTimer, KillTimer: pywin32 has none; the oracle asks user32 ----------
if hasattr(win32gui, "SetTimer"):
    SetTimer, KillTimer = win32gui.SetTimer, win32gui.KillTimer
    SendNotifyMessage = win32gui.SendNotifyMessage
else:
    import ctypes
    from ctypes import wintypes

    _u32 = ctypes.WinDLL("user32", use_last_error=True)
    _u32.SetTimer.argtypes = [wintypes.HWND, ctypes.c_size_t, wintypes.UINT, ctypes.c_void_p]
    _u32.SetTimer.restype = ctypes.c_size_t
    _u32.KillTimer.argtypes = [wintypes.HWND, ctypes.c_size_t]
    _u32.SendNotifyMessageW.argtypes = [wintypes.HWND, wintypes.UINT, ctypes.c_size_t, ctypes.c_ssize_t]

    def _check(name, r):
        if not r:
            raise pywintypes.error(ctypes.get_last_error(), name, "")
        return r

    def SetTimer(hwnd, ident, ms, fn=None):
        ctypes.set_last_error(0)
        return _check("SetTimer", _u32.SetTimer(hwnd or None, ident, ms, None))

    def KillTimer(hwnd, ident):
        ctypes.set_last_error(0)
        return bool(_check("KillTimer", _u32.KillTimer(hwnd or None, ident)))

    def SendNotifyMessage(hwnd, msg, wp=0, lp=0):
        ctypes.set_last_error(0)
        _check("SendNotifyMessage", _u32.SendNotifyMessageW(hwnd, msg, wp, lp))


# --- classes ---------------------------------------------------------------------------------
events = []  # (label, message) seen by the recording procedure


def record(hwnd, msg, wp, lp):
    if msg in (win32con.WM_DESTROY, win32con.WM_NCDESTROY, win32con.WM_CLOSE, win32con.WM_CREATE,
               win32con.WM_NCCREATE, win32con.WM_TIMER, win32con.WM_PAINT, win32con.WM_SHOWWINDOW,
               win32con.WM_PARENTNOTIFY) or msg >= USER:
        events.append((label(hwnd), msg - USER if msg >= USER else msg))
    if msg == USER + 1:
        return wp + 1
    if msg == USER + 2:
        return "text"
    return win32gui.DefWindowProc(hwnd, msg, wp, lp)


def new_class(name, proc=record, **fields):
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = name
    wc.lpfnWndProc = proc
    for k, v in fields.items():
        setattr(wc, k, v)
    return wc


WC = new_class("S30Win")
atom = win32gui.RegisterClass(WC)
show("RegisterClass atom type", lambda: type(atom).__name__)
show("RegisterClass atom range", lambda: 0xC000 <= atom <= 0xFFFF)
show("RegisterClass again", lambda: win32gui.RegisterClass(WC))
show("RegisterClass same name other case", lambda: win32gui.RegisterClass(new_class("s30win")))
show("RegisterClass empty name", lambda: win32gui.UnregisterClass("", 0) if win32gui.RegisterClass(new_class("")) else 0)
show("RegisterClass no name", lambda: win32gui.RegisterClass(win32gui.WNDCLASS()))
show("RegisterClass 255 chars", lambda: win32gui.UnregisterClass("C" * 255, 0) if win32gui.RegisterClass(new_class("C" * 255)) else 0)
show("RegisterClass proc None", lambda: win32gui.UnregisterClass("S30None", 0) if win32gui.RegisterClass(new_class("S30None", None)) else 0)
show("RegisterClass proc dict", lambda: win32gui.UnregisterClass("S30Dict", 0) if win32gui.RegisterClass(new_class("S30Dict", {})) else 0)
show("RegisterClass proc int", lambda: win32gui.RegisterClass(new_class("S30Int", 5)))
show("RegisterClass proc str", lambda: win32gui.RegisterClass(new_class("S30Str", "x")))
show("RegisterClass not a WNDCLASS", lambda: win32gui.RegisterClass(None))
show("RegisterClass a dict", lambda: win32gui.RegisterClass({"lpszClassName": "x"}))
show("RegisterClass cbWndExtra -1", lambda: win32gui.RegisterClass(new_class("S30Neg", cbWndExtra=-1)))
show("RegisterClass cbWndExtra 41", lambda: win32gui.UnregisterClass("S30Extra41", 0) if win32gui.RegisterClass(new_class("S30Extra41", cbWndExtra=41)) else 0)
show("RegisterClass cbWndExtra 100000", lambda: win32gui.RegisterClass(new_class("S30ExtraBig", cbWndExtra=100000)))
show("RegisterClass cbClsExtra 100000", lambda: win32gui.RegisterClass(new_class("S30ClsBig", cbClsExtra=100000)))
show("RegisterClass style CS_GLOBALCLASS", lambda: win32gui.UnregisterClass("S30Glob", 0) if win32gui.RegisterClass(new_class("S30Glob", style=win32con.CS_GLOBALCLASS)) else 0)
show("RegisterClass style -1", lambda: win32gui.RegisterClass(new_class("S30StyleNeg", style=-1)))
show("RegisterClass hbrBackground 6", lambda: win32gui.UnregisterClass("S30Brush", 0) if win32gui.RegisterClass(new_class("S30Brush", hbrBackground=win32con.COLOR_WINDOW + 1)) else 0)
show("WNDCLASS field str type", lambda: setattr(win32gui.WNDCLASS(), "style", "x"))
show("WNDCLASS unknown field", lambda: setattr(win32gui.WNDCLASS(), "nosuch", 1))
show("WNDCLASS class name int", lambda: setattr(win32gui.WNDCLASS(), "lpszClassName", 5))
show("WNDCLASS read back style", lambda: new_class("x", style=3).style)
show("WNDCLASS read back name", lambda: new_class("abc").lpszClassName)
show("WNDCLASS defaults", lambda: (lambda w: (w.style, w.cbWndExtra, w.cbClsExtra, w.hbrBackground, w.lpszMenuName))(win32gui.WNDCLASS()))
show("UnregisterClass unknown", lambda: win32gui.UnregisterClass("S30NoSuch", 0))
show("UnregisterClass None", lambda: win32gui.UnregisterClass(None, 0))
show("UnregisterClass atom unknown", lambda: win32gui.UnregisterClass(0xBFFF, 0))
show("UnregisterClass atom 0", lambda: win32gui.UnregisterClass(0, 0))
show("UnregisterClass hinst None", lambda: win32gui.UnregisterClass("S30NoSuch", None))
show("UnregisterClass hinst bad", lambda: win32gui.UnregisterClass("S30NoSuch", 0x1234))
show("UnregisterClass system class", lambda: win32gui.UnregisterClass("Button", 0))
show("UnregisterClass float", lambda: win32gui.UnregisterClass(1.5, 0))
a2 = win32gui.RegisterClass(new_class("S30ByAtom"))
show("UnregisterClass by atom", lambda: win32gui.UnregisterClass(a2, 0))
show("UnregisterClass by atom again", lambda: win32gui.UnregisterClass(a2, 0))
show("GetClassName of no window", lambda: win32gui.GetClassName(0))

# --- CreateWindow(Ex) ---------------------------------------------------------------------


def create(name, style=0, parent=0, cls="S30Win", ex=0, x=0, y=0, w=50, h=40, menu=0, title=None):
    hwnd = win32gui.CreateWindowEx(ex, cls, name if title is None else title, style, x, y, w, h, parent, menu, 0, None)
    if hwnd:  # a refused creation gives 0 (pywin32 raises only with an error code)
        LABELS[hwnd] = name
    return hwnd


def LABEL_OF(name):
    for k, v in LABELS.items():
        if v == name:
            return k
    return 0


def create_shown(name, fn):
    def run():
        return label(fn())

    show(name, run)


top = create("top")
show("CreateWindow result type", lambda: type(top).__name__)
show("create events", lambda: events[:])
events.clear()
create_shown("CreateWindow by atom", lambda: create("byatom", cls=atom))
create_shown("CreateWindow unknown class", lambda: create("x", cls="S30NoSuch"))
create_shown("CreateWindow class None", lambda: create("x", cls=None))
create_shown("CreateWindow class int 0", lambda: create("x", cls=0))
create_shown("CreateWindow title None", lambda: create("notitle", title=None) and win32gui.GetWindowText(LABEL_OF("notitle")))
create_shown("CreateWindow title int", lambda: create("x", title=5))
create_shown("CreateWindow child no parent", lambda: create("orphan", style=win32con.WS_CHILD))
create_shown("CreateWindow child of destroyed", lambda: create("x", style=win32con.WS_CHILD, parent=0x7777))
create_shown("CreateWindow popup owner bad", lambda: create("x", style=win32con.WS_POPUP, parent=0x7777))
create_shown("CreateWindow negative size", lambda: create("negsize", w=-5, h=-5))
create_shown("CreateWindow CW_USEDEFAULT", lambda: create("default", x=win32con.CW_USEDEFAULT, y=win32con.CW_USEDEFAULT, w=win32con.CW_USEDEFAULT, h=win32con.CW_USEDEFAULT))
create_shown("CreateWindow style -1", lambda: create("styleneg", style=-1))
create_shown("CreateWindow style 2**32", lambda: create("x", style=2**32))
create_shown("CreateWindow exstyle 2**32", lambda: create("x", ex=2**32))
create_shown("CreateWindow menu id top-level bad", lambda: create("x", menu=0x7777))
create_shown("CreateWindow parent str", lambda: create("x", parent="p"))
create_shown("CreateWindow parent None", lambda: create("parentnone", parent=None))
create_shown("CreateWindow hinstance None", lambda: label(win32gui.CreateWindow("S30Win", "t", 0, 0, 0, 1, 1, 0, 0, None, None)))
create_shown("CreateWindow 10 args", lambda: win32gui.CreateWindow("S30Win", "t", 0, 0, 0, 1, 1, 0, 0, 0))
create_shown("CreateWindow reserved object", lambda: label(win32gui.CreateWindow("S30Win", "t", 0, 0, 0, 1, 1, 0, 0, 0, object())))


child = create("child", style=win32con.WS_CHILD | win32con.WS_VISIBLE, parent=top, menu=7)
grand = create("grand", style=win32con.WS_CHILD, parent=child, menu=8)
popup = create("popup", style=win32con.WS_POPUP, parent=top)
owned = create("owned", style=0, parent=top)  # an overlapped window with an owner
msgonly = create("msgonly", parent=HWND_MESSAGE)
msgchild = create("msgchild", style=win32con.WS_CHILD, parent=msgonly)
show("create child events", lambda: events[:])
events.clear()
create_shown("CreateWindow child of msgonly popup", lambda: create("msgpopup", style=win32con.WS_POPUP, parent=msgonly))
create_shown("CreateWindowEx WS_EX_TOPMOST", lambda: create("topmost", ex=win32con.WS_EX_TOPMOST))
create_shown("CreateWindowEx WS_EX_TOOLWINDOW child", lambda: create("toolchild", style=win32con.WS_CHILD, ex=win32con.WS_EX_TOOLWINDOW, parent=top))
create_shown("CreateWindow child menu 0", lambda: create("child0", style=win32con.WS_CHILD, parent=top))

# WM_CREATE returning -1 and WM_NCCREATE returning 0 fail the creation
def refuse(hwnd, msg, wp, lp):
    if msg == win32con.WM_CREATE:
        return -1
    return win32gui.DefWindowProc(hwnd, msg, wp, lp)


def refuse_nc(hwnd, msg, wp, lp):
    if msg == win32con.WM_NCCREATE:
        return 0
    return win32gui.DefWindowProc(hwnd, msg, wp, lp)


def raise_create(hwnd, msg, wp, lp):
    if msg == win32con.WM_CREATE:
        raise ValueError("no")
    return win32gui.DefWindowProc(hwnd, msg, wp, lp)


win32gui.RegisterClass(new_class("S30Refuse", refuse))
win32gui.RegisterClass(new_class("S30RefuseNc", refuse_nc))
win32gui.RegisterClass(new_class("S30Raise", raise_create))
create_shown("CreateWindow WM_CREATE -1", lambda: create("x", cls="S30Refuse"))
create_shown("CreateWindow WM_NCCREATE 0", lambda: create("x", cls="S30RefuseNc"))
create_shown("CreateWindow WM_CREATE raises", lambda: create("raised", cls="S30Raise"))
showh("FindWindow refused (pywin32 attaches the procedure after creation)", lambda: win32gui.FindWindow("S30Refuse", None))

# --- IsWindow, GetWindowThreadProcessId -----------------------------------------------------
show("IsWindow top", lambda: win32gui.IsWindow(top))
show("IsWindow 0", lambda: win32gui.IsWindow(0))
show("IsWindow None", lambda: win32gui.IsWindow(None))
show("IsWindow -1", lambda: win32gui.IsWindow(-1))
show("IsWindow 0x7777", lambda: win32gui.IsWindow(0x7777))
show("IsWindow 2**64", lambda: win32gui.IsWindow(2**64))
show("IsWindow str", lambda: win32gui.IsWindow("x"))
show("IsWindow float", lambda: win32gui.IsWindow(1.0))
show("IsWindow msgonly", lambda: win32gui.IsWindow(msgonly))
show("IsWindow desktop", lambda: win32gui.IsWindow(win32gui.GetDesktopWindow()))
show("IsWindow HWND_MESSAGE", lambda: win32gui.IsWindow(HWND_MESSAGE))
show("GetWindowThreadProcessId top", lambda: win32process.GetWindowThreadProcessId(top) == (TID, PID))
show("GetWindowThreadProcessId msgonly", lambda: win32process.GetWindowThreadProcessId(msgonly) == (TID, PID))
show("GetWindowThreadProcessId 0", lambda: win32process.GetWindowThreadProcessId(0))
show("GetWindowThreadProcessId None", lambda: win32process.GetWindowThreadProcessId(None))
show("GetWindowThreadProcessId bad", lambda: win32process.GetWindowThreadProcessId(0x7777))
show("GetWindowThreadProcessId str", lambda: win32process.GetWindowThreadProcessId("x"))
show("GetWindowThreadProcessId desktop pid", lambda: win32process.GetWindowThreadProcessId(win32gui.GetDesktopWindow())[1] == PID)

# --- parents, owners, ancestors -------------------------------------------------------------
showh("GetParent top", lambda: win32gui.GetParent(top))
showh("GetParent child", lambda: win32gui.GetParent(child))
showh("GetParent grand", lambda: win32gui.GetParent(grand))
showh("GetParent popup (owner)", lambda: win32gui.GetParent(popup))
showh("GetParent owned overlapped", lambda: win32gui.GetParent(owned))
showh("GetParent msgonly", lambda: win32gui.GetParent(msgonly))
showh("GetParent msgchild", lambda: win32gui.GetParent(msgchild))
showh("GetParent 0", lambda: win32gui.GetParent(0))
showh("GetParent bad", lambda: win32gui.GetParent(0x7777))
showh("GetParent desktop", lambda: win32gui.GetParent(win32gui.GetDesktopWindow()))
for flag in (0, GA_PARENT, GA_ROOT, GA_ROOTOWNER, 4, -1):
    for name, h in (("grand", grand), ("popup", popup), ("owned", owned), ("msgonly", msgonly), ("msgchild", msgchild), ("top", top)):
        showh(f"GetAncestor {name} {flag}", lambda h=h, flag=flag: win32gui.GetAncestor(h, flag))
showh("GetAncestor bad", lambda: win32gui.GetAncestor(0x7777, GA_PARENT))
showh("GetAncestor 0", lambda: win32gui.GetAncestor(0, GA_PARENT))
showh("GetAncestor desktop", lambda: win32gui.GetAncestor(win32gui.GetDesktopWindow(), GA_PARENT))
showh("GetWindow owner of popup", lambda: win32gui.GetWindow(popup, win32con.GW_OWNER))
showh("GetWindow owner of owned", lambda: win32gui.GetWindow(owned, win32con.GW_OWNER))
showh("GetWindow owner of child", lambda: win32gui.GetWindow(child, win32con.GW_OWNER))
showh("GetWindow child of top", lambda: win32gui.GetWindow(top, win32con.GW_CHILD))
showh("GetWindow child of msgonly", lambda: win32gui.GetWindow(msgonly, win32con.GW_CHILD))
showh("GetWindow bad cmd", lambda: win32gui.GetWindow(top, 99))
showh("GetWindow bad hwnd", lambda: win32gui.GetWindow(0x7777, win32con.GW_CHILD))
show("IsChild top child", lambda: win32gui.IsChild(top, child))
show("IsChild top grand", lambda: win32gui.IsChild(top, grand))
show("IsChild top popup", lambda: win32gui.IsChild(top, popup))
show("IsChild self", lambda: win32gui.IsChild(top, top))
show("IsChild msgonly msgchild", lambda: win32gui.IsChild(msgonly, msgchild))
show("IsChild bad", lambda: win32gui.IsChild(0x7777, child))
sp = create("sp", style=win32con.WS_CHILD, parent=top)
other_top = create("other_top")
showh("SetParent child to other_top", lambda: win32gui.SetParent(sp, other_top))
showh("GetParent after SetParent", lambda: win32gui.GetParent(sp))
showh("SetParent to 0", lambda: win32gui.SetParent(sp, 0))
showh("GetParent after SetParent 0", lambda: win32gui.GetParent(sp))
show("style after SetParent 0 has WS_CHILD", lambda: bool(win32gui.GetWindowLong(sp, win32con.GWL_STYLE) & win32con.WS_CHILD))
showh("GetAncestor after SetParent 0", lambda: win32gui.GetAncestor(sp, GA_PARENT))
showh("SetParent None", lambda: win32gui.SetParent(sp, None))
showh("SetParent to HWND_MESSAGE", lambda: win32gui.SetParent(sp, HWND_MESSAGE))
showh("GetParent after HWND_MESSAGE", lambda: win32gui.GetParent(sp))
showh("GetAncestor after HWND_MESSAGE", lambda: win32gui.GetAncestor(sp, GA_PARENT))
showh("SetParent back to top", lambda: win32gui.SetParent(sp, top))
showh("SetParent to self", lambda: win32gui.SetParent(sp, sp))
showh("SetParent top under grand", lambda: win32gui.SetParent(top, grand))
showh("SetParent to bad", lambda: win32gui.SetParent(sp, 0x7777))
showh("SetParent of bad", lambda: win32gui.SetParent(0x7777, top))
showh("SetParent to desktop", lambda: win32gui.SetParent(sp, win32gui.GetDesktopWindow()))
showh("GetParent after desktop", lambda: win32gui.GetParent(sp))
showh("SetParent popup to top", lambda: win32gui.SetParent(popup, other_top))
showh("GetParent popup after", lambda: win32gui.GetParent(popup))
showh("GetWindow owner popup after", lambda: win32gui.GetWindow(popup, win32con.GW_OWNER))

# --- texts ------------------------------------------------------------------------------
show("GetWindowText top", lambda: win32gui.GetWindowText(top))
show("SetWindowText", lambda: win32gui.SetWindowText(top, "hello"))
show("GetWindowText after", lambda: win32gui.GetWindowText(top))
show("GetWindowTextLength", lambda: win32gui.GetWindowTextLength(top))
show("SetWindowText None", lambda: win32gui.SetWindowText(top, None))
show("GetWindowText after None", lambda: win32gui.GetWindowText(top))
show("SetWindowText int", lambda: win32gui.SetWindowText(top, 5))
show("SetWindowText bytes", lambda: win32gui.SetWindowText(top, b"by"))
show("GetWindowText after bytes", lambda: win32gui.GetWindowText(top))
show("SetWindowText NUL", lambda: win32gui.SetWindowText(top, "a\0b"))
show("GetWindowText after NUL", lambda: win32gui.GetWindowText(top))
show("GetWindowTextLength after NUL", lambda: win32gui.GetWindowTextLength(top))
show("SetWindowText non-BMP", lambda: win32gui.SetWindowText(top, "x\U0001F600y"))
show("GetWindowText non-BMP", lambda: win32gui.GetWindowText(top))
show("GetWindowTextLength non-BMP", lambda: win32gui.GetWindowTextLength(top))
show("SetWindowText long", lambda: win32gui.SetWindowText(top, "L" * 70000))
show("GetWindowText long len", lambda: len(win32gui.GetWindowText(top)))
show("GetWindowTextLength long", lambda: win32gui.GetWindowTextLength(top))
show("SetWindowText bad hwnd", lambda: win32gui.SetWindowText(0x7777, "x"))
show("GetWindowText bad hwnd", lambda: win32gui.GetWindowText(0x7777))
show("GetWindowTextLength bad hwnd", lambda: win32gui.GetWindowTextLength(0x7777))
show("GetWindowText 0", lambda: win32gui.GetWindowText(0))
show("SetWindowText msgonly", lambda: win32gui.SetWindowText(msgonly, "m"))
show("GetWindowText msgonly", lambda: win32gui.GetWindowText(msgonly))
show("WM_SETTEXT str", lambda: win32gui.SendMessage(top, win32con.WM_SETTEXT, 0, "abcdef"))
show("WM_GETTEXTLENGTH", lambda: win32gui.SendMessage(top, win32con.WM_GETTEXTLENGTH, 0, 0))
for size in (0, 1, 2, 4, 7, 8, 20):

    def gettext(size=size):
        buf = win32gui.PyMakeBuffer(size * 2 + 2)
        n = win32gui.SendMessage(top, win32con.WM_GETTEXT, size, buf)
        return n, bytes(buf[: n * 2]).decode("utf-16-le")

    show(f"WM_GETTEXT buffer {size}", gettext)
show("WM_GETTEXT lparam 0", lambda: win32gui.SendMessage(top, win32con.WM_GETTEXT, 10, 0))
show("WM_GETTEXT wparam 0 lparam 0", lambda: win32gui.SendMessage(top, win32con.WM_GETTEXT, 0, 0))
show("WM_SETTEXT None", lambda: win32gui.SendMessage(top, win32con.WM_SETTEXT, 0, None))
show("GetWindowText after WM_SETTEXT None", lambda: win32gui.GetWindowText(top))
show("WM_SETTEXT to a proc without DefWindowProc text", lambda: win32gui.SendMessage(top, USER + 2, 0, 0))

# --- window longs -----------------------------------------------------------------------------
for name, h in (("top", top), ("child", child), ("popup", popup), ("owned", owned), ("msgonly", msgonly), ("styleneg", LABEL_OF("styleneg"))):
    show(f"GWL_STYLE {name}", lambda h=h: hex(win32gui.GetWindowLong(h, win32con.GWL_STYLE) & 0xFFFFFFFF))
    show(f"GWL_EXSTYLE {name}", lambda h=h: hex(win32gui.GetWindowLong(h, win32con.GWL_EXSTYLE) & 0xFFFFFFFF))
show("GWL_ID child", lambda: win32gui.GetWindowLong(child, win32con.GWL_ID))
show("GWL_ID top", lambda: win32gui.GetWindowLong(top, win32con.GWL_ID))
showh("GWL_HWNDPARENT popup", lambda: win32gui.GetWindowLong(popup, win32con.GWL_HWNDPARENT))
showh("GWL_HWNDPARENT child", lambda: win32gui.GetWindowLong(child, win32con.GWL_HWNDPARENT))
show("GWL_USERDATA fresh", lambda: win32gui.GetWindowLong(top, win32con.GWL_USERDATA))
show("SetWindowLong USERDATA", lambda: win32gui.SetWindowLong(top, win32con.GWL_USERDATA, 77))
show("SetWindowLong USERDATA -5", lambda: win32gui.SetWindowLong(top, win32con.GWL_USERDATA, -5))
show("GetWindowLong USERDATA", lambda: win32gui.GetWindowLong(top, win32con.GWL_USERDATA))
show("SetWindowLong USERDATA 2**31", lambda: win32gui.SetWindowLong(top, win32con.GWL_USERDATA, 2**31))
show("GetWindowLong USERDATA 2**31", lambda: win32gui.GetWindowLong(top, win32con.GWL_USERDATA))
show("SetWindowLong USERDATA 2**63", lambda: win32gui.SetWindowLong(top, win32con.GWL_USERDATA, 2**63))
show("SetWindowLong USERDATA None", lambda: win32gui.SetWindowLong(top, win32con.GWL_USERDATA, None))
show("SetWindowLong USERDATA str", lambda: win32gui.SetWindowLong(top, win32con.GWL_USERDATA, "x"))
show("SetWindowLong bad index", lambda: win32gui.SetWindowLong(top, 1000, 1))
show("SetWindowLong index 0 no extra", lambda: win32gui.SetWindowLong(top, 0, 1))
show("SetWindowLong bad hwnd", lambda: win32gui.SetWindowLong(0x7777, win32con.GWL_USERDATA, 1))
show("SetWindowLong 0 hwnd", lambda: win32gui.SetWindowLong(0, win32con.GWL_USERDATA, 1))
show("SetWindowLong GWL_ID child", lambda: win32gui.SetWindowLong(child, win32con.GWL_ID, 9))
show("GetDlgCtrlID child", lambda: win32gui.GetDlgCtrlID(child))
show("SetWindowLong style", lambda: hex(win32gui.SetWindowLong(top, win32con.GWL_STYLE, win32con.WS_POPUP) & 0xFFFFFFFF))
show("GetWindowLong style after", lambda: hex(win32gui.GetWindowLong(top, win32con.GWL_STYLE) & 0xFFFFFFFF))
show("SetWindowLong style restore", lambda: hex(win32gui.SetWindowLong(top, win32con.GWL_STYLE, 0) & 0xFFFFFFFF))
show("GetWindowLong style restored", lambda: hex(win32gui.GetWindowLong(top, win32con.GWL_STYLE) & 0xFFFFFFFF))
show("SetWindowLong WS_CHILD on top-level", lambda: hex(win32gui.SetWindowLong(other_top, win32con.GWL_STYLE, win32con.WS_CHILD) & 0xFFFFFFFF))
showh("GetParent after WS_CHILD set", lambda: win32gui.GetParent(other_top))
show("SetWindowLong exstyle", lambda: hex(win32gui.SetWindowLong(top, win32con.GWL_EXSTYLE, win32con.WS_EX_TOOLWINDOW) & 0xFFFFFFFF))
show("GetWindowLong exstyle after", lambda: hex(win32gui.GetWindowLong(top, win32con.GWL_EXSTYLE) & 0xFFFFFFFF))
events.clear()
# message-only and never destroyed: pywin32 312 crashes when a window subclassed with a dict is
# destroyed, or gets a message the dict has no entry for
subw = create("subw", parent=HWND_MESSAGE)
sub_calls = []


def subproc(hwnd, msg, wp, lp):
    if msg == USER + 1:
        sub_calls.append(wp)
        return win32gui.CallWindowProc(old_proc, hwnd, msg, wp * 10, lp)
    return win32gui.CallWindowProc(old_proc, hwnd, msg, wp, lp)


old_proc = win32gui.SetWindowLong(subw, win32con.GWL_WNDPROC, subproc)
show("subclass old type", lambda: type(old_proc).__name__)
show("GetWindowLong WNDPROC type", lambda: type(win32gui.GetWindowLong(subw, win32con.GWL_WNDPROC)).__name__)
show("send through subclass", lambda: win32gui.SendMessage(subw, USER + 1, 3, 0))
show("subclass saw", lambda: sub_calls)
show("subclass again with dict", lambda: type(win32gui.SetWindowLong(subw, win32con.GWL_WNDPROC, {USER + 1: lambda h, m, w, l: 500})).__name__)
show("send through dict", lambda: win32gui.SendMessage(subw, USER + 1, 3, 0))
show("subclass with None", lambda: win32gui.SetWindowLong(subw, win32con.GWL_WNDPROC, None))
show("subclass with 0", lambda: win32gui.SetWindowLong(subw, win32con.GWL_WNDPROC, 0))
show("subclass with str", lambda: win32gui.SetWindowLong(subw, win32con.GWL_WNDPROC, "x"))
show("restore proc", lambda: type(win32gui.SetWindowLong(subw, win32con.GWL_WNDPROC, old_proc)).__name__)
show("send after restore", lambda: win32gui.SendMessage(subw, USER + 1, 3, 0))
show("events after subclassing", lambda: events[:])
events.clear()

# --- positions of hidden windows, ShowWindow ---------------------------------------------------
pos = create("pos", style=win32con.WS_POPUP, x=10, y=20, w=100, h=50)
poschild = create("poschild", style=win32con.WS_CHILD, parent=pos, x=5, y=6, w=30, h=20)
show("GetWindowRect hidden", lambda: win32gui.GetWindowRect(pos))
show("GetClientRect hidden", lambda: win32gui.GetClientRect(pos))
show("GetWindowRect child", lambda: win32gui.GetWindowRect(poschild))
show("GetClientRect child", lambda: win32gui.GetClientRect(poschild))
show("GetWindowRect negsize", lambda: win32gui.GetWindowRect(LABEL_OF("negsize")))
show("GetClientRect negsize", lambda: win32gui.GetClientRect(LABEL_OF("negsize")))
show("GetWindowRect msgonly", lambda: win32gui.GetWindowRect(msgonly))
show("GetWindowRect bad", lambda: win32gui.GetWindowRect(0x7777))
show("GetClientRect bad", lambda: win32gui.GetClientRect(0x7777))
show("GetClientRect 0", lambda: win32gui.GetClientRect(0))
show("MoveWindow", lambda: win32gui.MoveWindow(pos, 30, 40, 60, 70, False))
show("GetWindowRect after MoveWindow", lambda: win32gui.GetWindowRect(pos))
show("GetWindowRect child after parent moved", lambda: win32gui.GetWindowRect(poschild))
show("MoveWindow child", lambda: win32gui.MoveWindow(poschild, 1, 2, 3, 4, True))
show("GetWindowRect child after move", lambda: win32gui.GetWindowRect(poschild))
show("MoveWindow negative", lambda: win32gui.MoveWindow(pos, -10, -20, -5, -5, False))
show("GetWindowRect after negative", lambda: win32gui.GetWindowRect(pos))
show("MoveWindow bad", lambda: win32gui.MoveWindow(0x7777, 0, 0, 1, 1, False))
show("MoveWindow huge", lambda: win32gui.MoveWindow(pos, 0, 0, 2**31, 1, False))
show("SetWindowPos", lambda: win32gui.SetWindowPos(pos, 0, 1, 2, 80, 90, 0))
show("GetWindowRect after SetWindowPos", lambda: win32gui.GetWindowRect(pos))
show("SetWindowPos NOSIZE", lambda: win32gui.SetWindowPos(pos, 0, 5, 6, 1, 1, win32con.SWP_NOSIZE))
show("GetWindowRect after NOSIZE", lambda: win32gui.GetWindowRect(pos))
show("SetWindowPos NOMOVE", lambda: win32gui.SetWindowPos(pos, 0, 99, 99, 11, 12, win32con.SWP_NOMOVE))
show("GetWindowRect after NOMOVE", lambda: win32gui.GetWindowRect(pos))
show("SetWindowPos insert after bad", lambda: win32gui.SetWindowPos(pos, 0x7777, 0, 0, 0, 0, win32con.SWP_NOSIZE | win32con.SWP_NOMOVE))
show("SetWindowPos HWND_TOPMOST", lambda: win32gui.SetWindowPos(pos, win32con.HWND_TOPMOST, 0, 0, 0, 0, win32con.SWP_NOSIZE | win32con.SWP_NOMOVE))
show("exstyle after HWND_TOPMOST", lambda: bool(win32gui.GetWindowLong(pos, win32con.GWL_EXSTYLE) & win32con.WS_EX_TOPMOST))
show("SetWindowPos HWND_NOTOPMOST", lambda: win32gui.SetWindowPos(pos, win32con.HWND_NOTOPMOST, 0, 0, 0, 0, win32con.SWP_NOSIZE | win32con.SWP_NOMOVE))
show("SetWindowPos bad flags", lambda: win32gui.SetWindowPos(pos, 0, 0, 0, 0, 0, 0x80000000))
show("SetWindowPos bad hwnd", lambda: win32gui.SetWindowPos(0x7777, 0, 0, 0, 0, 0, 0))
show("SetWindowPos None insert after", lambda: win32gui.SetWindowPos(pos, None, 0, 0, 10, 10, 0))
show("IsWindowVisible pos", lambda: win32gui.IsWindowVisible(pos))
show("SetWindowPos SHOWWINDOW", lambda: win32gui.SetWindowPos(pos, 0, 0, 0, 0, 0, win32con.SWP_NOSIZE | win32con.SWP_NOMOVE | win32con.SWP_SHOWWINDOW))
show("IsWindowVisible after SHOWWINDOW", lambda: win32gui.IsWindowVisible(pos))
show("SetWindowPos HIDEWINDOW", lambda: win32gui.SetWindowPos(pos, 0, 0, 0, 0, 0, win32con.SWP_NOSIZE | win32con.SWP_NOMOVE | win32con.SWP_HIDEWINDOW))
show("IsWindowVisible after HIDEWINDOW", lambda: win32gui.IsWindowVisible(pos))
sw = create("sw", style=win32con.WS_POPUP)
swc = create("swc", style=win32con.WS_CHILD, parent=sw)
events.clear()
for cmd in ("SW_HIDE", "SW_SHOW", "SW_SHOW", "SW_SHOWNA", "SW_HIDE", "SW_HIDE", "SW_SHOWNOACTIVATE", "SW_MINIMIZE", "SW_RESTORE", "SW_MAXIMIZE", "SW_SHOWNORMAL", "SW_HIDE"):
    show(f"ShowWindow {cmd}", lambda cmd=cmd: win32gui.ShowWindow(sw, getattr(win32con, cmd)))
show("ShowWindow events", lambda: [e for e in events if e[1] == win32con.WM_SHOWWINDOW])
show("ShowWindow 99", lambda: win32gui.ShowWindow(sw, 99))
show("ShowWindow -1", lambda: win32gui.ShowWindow(sw, -1))
show("ShowWindow bad hwnd", lambda: win32gui.ShowWindow(0x7777, win32con.SW_SHOW))
show("ShowWindow child of hidden", lambda: win32gui.ShowWindow(swc, win32con.SW_SHOW))
show("IsWindowVisible child of hidden", lambda: win32gui.IsWindowVisible(swc))
show("style child visible bit", lambda: bool(win32gui.GetWindowLong(swc, win32con.GWL_STYLE) & win32con.WS_VISIBLE))
show("ShowWindow parent", lambda: win32gui.ShowWindow(sw, win32con.SW_SHOW))
show("IsWindowVisible child now", lambda: win32gui.IsWindowVisible(swc))
show("ShowWindow msgonly", lambda: win32gui.ShowWindow(msgonly, win32con.SW_SHOW))
show("IsWindowVisible msgonly", lambda: win32gui.IsWindowVisible(msgonly))
show("ShowWindow msgonly hide", lambda: win32gui.ShowWindow(msgonly, win32con.SW_HIDE))
win32gui.ShowWindow(sw, win32con.SW_HIDE)
drain()
events.clear()

# --- enumeration --------------------------------------------------------------------------
ours = set(LABELS)


def walk(fn, *args, stop_at=None, result=True):
    seen = []

    def cb(hwnd, extra):
        if hwnd in ours:
            seen.append(label(hwnd))
        if stop_at is not None and hwnd == stop_at:
            return result
        return None

    r = fn(*args, cb, "extra")
    return r, sorted(seen)


show("EnumWindows", lambda: walk(win32gui.EnumWindows))
show("EnumChildWindows top", lambda: walk(win32gui.EnumChildWindows, top))
show("EnumChildWindows msgonly", lambda: walk(win32gui.EnumChildWindows, msgonly))
show("EnumChildWindows grand (none)", lambda: walk(win32gui.EnumChildWindows, grand))
show("EnumChildWindows 0", lambda: "msgchild" in walk(win32gui.EnumChildWindows, 0)[1])
show("EnumChildWindows None", lambda: "top" in walk(win32gui.EnumChildWindows, None)[1])
show("EnumChildWindows bad", lambda: walk(win32gui.EnumChildWindows, 0x7777))
show("EnumThreadWindows", lambda: walk(win32gui.EnumThreadWindows, TID))
show("EnumThreadWindows 0", lambda: walk(win32gui.EnumThreadWindows, 0))
show("EnumThreadWindows bad tid", lambda: walk(win32gui.EnumThreadWindows, 0x7FFFFFF0))
show("EnumWindows stop False", lambda: walk(win32gui.EnumWindows, stop_at=top, result=False))
show("EnumWindows stop 0", lambda: walk(win32gui.EnumWindows, stop_at=top, result=0))
show("EnumWindows return True", lambda: walk(win32gui.EnumWindows, stop_at=top, result=True))
show("EnumWindows return str", lambda: walk(win32gui.EnumWindows, stop_at=top, result="x"))
show("EnumWindows return 2**40", lambda: walk(win32gui.EnumWindows, stop_at=top, result=2**40))
show("EnumChildWindows stop False", lambda: walk(win32gui.EnumChildWindows, top, stop_at=child, result=False))
show("EnumThreadWindows stop False", lambda: walk(win32gui.EnumThreadWindows, TID, stop_at=top, result=False))


def stop_with_error(hwnd, extra):
    win32api.SetLastError(1234)
    return False


def boom(hwnd, extra):
    raise KeyError("boom")


show("EnumWindows stop with last error", lambda: win32gui.EnumWindows(stop_with_error, None))
show("EnumChildWindows stop with last error", lambda: win32gui.EnumChildWindows(top, stop_with_error, None))
show("EnumThreadWindows stop with last error", lambda: win32gui.EnumThreadWindows(TID, stop_with_error, None))
show("EnumWindows raises", lambda: win32gui.EnumWindows(boom, None))
show("EnumChildWindows raises", lambda: win32gui.EnumChildWindows(top, boom, None))
show("EnumThreadWindows raises", lambda: win32gui.EnumThreadWindows(TID, boom, None))
show("EnumWindows not callable", lambda: win32gui.EnumWindows(5, None))
show("EnumWindows one arg", lambda: win32gui.EnumWindows(lambda h, e: None))
show("EnumChildWindows arg count", lambda: win32gui.EnumChildWindows(top, lambda h: None, None))
show("EnumThreadWindows callback arity", lambda: win32gui.EnumThreadWindows(TID, lambda h: None, None))
nested = []
show("EnumWindows destroys while enumerating", lambda: (win32gui.EnumWindows(lambda h, e: (nested.append(label(h)), win32gui.DestroyWindow(h) if h == LABEL_OF("byatom") else None)[1] and None, None), "byatom" in nested, win32gui.IsWindow(LABEL_OF("byatom"))))

# --- FindWindow(Ex) -----------------------------------------------------------------------
win32gui.SetWindowText(top, "S30Top")
win32gui.SetWindowText(msgonly, "S30Msg")
showh("FindWindow class", lambda: win32gui.FindWindow("S30Win", "S30Top"))
showh("FindWindow title only", lambda: win32gui.FindWindow(None, "S30Top"))
showh("FindWindow title case", lambda: win32gui.FindWindow(None, "s30top"))
showh("FindWindow class case", lambda: win32gui.FindWindow("s30win", "S30Top"))
showh("FindWindow atom", lambda: win32gui.FindWindow(atom, "S30Top"))
showh("FindWindow no match", lambda: win32gui.FindWindow("S30Win", "nosuch"))
showh("FindWindow unknown class", lambda: win32gui.FindWindow("S30NoSuch", None))
showh("FindWindow msgonly", lambda: win32gui.FindWindow(None, "S30Msg"))
showh("FindWindow empty title", lambda: win32gui.FindWindow("S30Win", ""))
showh("FindWindow int title", lambda: win32gui.FindWindow("S30Win", 5))
showh("FindWindowEx HWND_MESSAGE", lambda: win32gui.FindWindowEx(HWND_MESSAGE, 0, None, "S30Msg"))
showh("FindWindowEx HWND_MESSAGE class", lambda: win32gui.FindWindowEx(HWND_MESSAGE, 0, "S30Win", None))
showh("FindWindowEx child", lambda: win32gui.FindWindowEx(top, 0, "S30Win", None))
showh("FindWindowEx after child", lambda: win32gui.FindWindowEx(top, child, "S30Win", None))
showh("FindWindowEx after grand (not a child)", lambda: win32gui.FindWindowEx(top, grand, "S30Win", None))
showh("FindWindowEx none under grand", lambda: win32gui.FindWindowEx(grand, 0, None, None))
showh("FindWindowEx bad parent", lambda: win32gui.FindWindowEx(0x7777, 0, None, None))
showh("FindWindowEx top-level", lambda: win32gui.FindWindowEx(0, 0, "S30Win", "S30Top"))
showh("FindWindowEx msgchild by title", lambda: win32gui.FindWindowEx(msgonly, 0, None, "msgchild"))

# --- sending and posting --------------------------------------------------------------------
show("SendMessage self", lambda: win32gui.SendMessage(top, USER + 1, 41, 0))
show("SendMessage msgonly", lambda: win32gui.SendMessage(msgonly, USER + 1, 1, 0))
show("SendMessage returns str", lambda: win32gui.SendMessage(top, USER + 2, 0, 0))
show("SendMessage bad hwnd", lambda: win32gui.SendMessage(0x7777, USER, 0, 0))
show("SendMessage 0", lambda: win32gui.SendMessage(0, USER, 0, 0))
show("SendMessage None", lambda: win32gui.SendMessage(None, USER, 0, 0))
show("SendMessage msg -1", lambda: win32gui.SendMessage(top, -1, 0, 0))
show("SendMessage msg 2**32", lambda: win32gui.SendMessage(top, 2**32, 0, 0))
show("SendMessage wparam -1", lambda: win32gui.SendMessage(top, USER + 1, -1, 0))
show("SendMessage wparam 2**64", lambda: win32gui.SendMessage(top, USER + 1, 2**64, 0))
show("SendMessage wparam None", lambda: win32gui.SendMessage(top, USER + 1, None, 0))
show("SendMessage wparam float", lambda: win32gui.SendMessage(top, USER + 1, 1.5, 0))
show("SendMessage 2 args", lambda: win32gui.SendMessage(top, USER + 1))
show("PostMessage 2 args", lambda: win32gui.PostMessage(top, USER + 3))
show("PostMessage msgonly", lambda: win32gui.PostMessage(msgonly, USER + 4, 0, 0))
show("PostMessage WM_SETTEXT", lambda: win32gui.PostMessage(top, win32con.WM_SETTEXT, 0, 0))
show("PostMessage WM_GETTEXT", lambda: win32gui.PostMessage(top, win32con.WM_GETTEXT, 0, 0))
show("PostMessage WM_COPYDATA", lambda: win32gui.PostMessage(top, win32con.WM_COPYDATA, 0, 0))
show("PostMessage WM_USER-1", lambda: win32gui.PostMessage(top, USER - 1, 0, 0))
show("PostMessage bad hwnd", lambda: win32gui.PostMessage(0x7777, USER, 0, 0))
show("PostMessage -1 hwnd", lambda: win32gui.PostMessage(-1, USER + 5, 0, 0))
show("PostMessage None hwnd", lambda: win32gui.PostMessage(None, USER + 6, 0, 0))
show("PostMessage HWND_MESSAGE", lambda: win32gui.PostMessage(HWND_MESSAGE, USER, 0, 0))
show("queued after posts", drain)
show("SendMessageTimeout self", lambda: win32gui.SendMessageTimeout(top, USER + 1, 5, 0, win32con.SMTO_NORMAL, 100))
show("SendMessageTimeout self 0 ms", lambda: win32gui.SendMessageTimeout(top, USER + 1, 5, 0, win32con.SMTO_NORMAL, 0))
for flags in (win32con.SMTO_BLOCK, win32con.SMTO_ABORTIFHUNG, SMTO_NOTIMEOUTIFNOTHUNG, SMTO_ERRORONEXIT, 0x40, 0xFF, -1):
    show(f"SendMessageTimeout self flags {flags:#x}", lambda flags=flags: win32gui.SendMessageTimeout(top, USER + 1, 5, 0, flags, 100))
show("SendMessageTimeout self timeout -1", lambda: win32gui.SendMessageTimeout(top, USER + 1, 5, 0, 0, -1))
show("SendMessageTimeout self timeout None", lambda: win32gui.SendMessageTimeout(top, USER + 1, 5, 0, 0, None))
show("SendMessageTimeout bad hwnd", lambda: win32gui.SendMessageTimeout(0x7777, USER + 1, 5, 0, 0, 100))
show("SendMessageTimeout 0 hwnd", lambda: win32gui.SendMessageTimeout(0, USER + 1, 5, 0, 0, 100))
show("SendMessageTimeout str result", lambda: win32gui.SendMessageTimeout(top, USER + 2, 0, 0, 0, 100))
show("SendMessageTimeout 5 args", lambda: win32gui.SendMessageTimeout(top, USER + 1, 5, 0, 0))
show("SendNotifyMessage self", lambda: SendNotifyMessage(top, USER + 1, 5, 0))
show("SendNotifyMessage bad hwnd", lambda: SendNotifyMessage(0x7777, USER + 1, 5, 0))
show("SendNotifyMessage 0 hwnd", lambda: SendNotifyMessage(0, USER + 1, 5, 0))
show("events of sends", lambda: events[:])
events.clear()


# --- another thread's windows ----------------------------------------------------------------
class Owner:
    """A thread with windows and a GetMessage loop it enters once `go` is set."""

    def __init__(self, name, pump=True):
        self.name = name
        self.ready = threading.Event()
        self.go = threading.Event()
        if pump:
            self.go.set()
        self.release = threading.Event()
        self.notes = {}
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()
        self.ready.wait(10)

    def proc(self, hwnd, msg, wp, lp):
        if msg == USER + 1:
            return wp + 100
        if msg == USER + 9:  # hang until released
            self.release.wait(10)
            return 9
        if msg in (win32con.WM_DESTROY, win32con.WM_NCDESTROY):
            events.append((self.name + "-dies", msg))
        return win32gui.DefWindowProc(hwnd, msg, wp, lp)

    def run(self):
        win32gui.RegisterClass(new_class("S30Owner" + self.name, self.proc))
        self.hwnd = create(self.name, cls="S30Owner" + self.name)
        self.child = create(self.name + "-child", style=win32con.WS_CHILD, parent=self.hwnd, cls="S30Owner" + self.name)
        self.tid = win32api.GetCurrentThreadId()
        self.ready.set()
        self.go.wait(10)
        for _ in range(10000):
            ok, msg = win32gui.GetMessage(None, 0, 0)
            if ok <= 0:
                break
            win32gui.DispatchMessage(msg)

    def stop(self):
        self.release.set()
        self.go.set()
        win32api.PostThreadMessage(self.tid, win32con.WM_QUIT, 0, 0)
        self.thread.join(10)


b = Owner("B")
show("SendMessage other", lambda: win32gui.SendMessage(b.hwnd, USER + 1, 1, 0))
show("SendMessageTimeout other", lambda: win32gui.SendMessageTimeout(b.hwnd, USER + 1, 2, 0, 0, 5000))
show("DestroyWindow other's", lambda: win32gui.DestroyWindow(b.hwnd))
show("DestroyWindow other's child", lambda: win32gui.DestroyWindow(b.child))
show("IsWindow other after", lambda: win32gui.IsWindow(b.hwnd))
show("SetWindowLong other USERDATA", lambda: win32gui.SetWindowLong(b.hwnd, win32con.GWL_USERDATA, 3))
show("SetWindowText other", lambda: win32gui.SetWindowText(b.hwnd, "B text"))
show("GetWindowText other", lambda: win32gui.GetWindowText(b.hwnd))
show("EnumThreadWindows other", lambda: walk(win32gui.EnumThreadWindows, b.tid))
show("SetTimer other's window", lambda: SetTimer(b.hwnd, 3, 100000))
show("KillTimer other's window", lambda: KillTimer(b.hwnd, 3))
show("SendNotifyMessage other", lambda: SendNotifyMessage(b.hwnd, USER + 1, 0, 0))
show("PeekMessage other's hwnd", lambda: win32gui.PeekMessage(b.hwnd, 0, 0, win32con.PM_REMOVE)[0])
b.release.clear()
show("SendMessageTimeout hung", lambda: win32gui.SendMessageTimeout(b.hwnd, USER + 9, 0, 0, win32con.SMTO_NORMAL, 200))
show("SendMessageTimeout hung again", lambda: win32gui.SendMessageTimeout(b.hwnd, USER + 1, 0, 0, win32con.SMTO_NORMAL, 200))
show("SendMessageTimeout hung BLOCK", lambda: win32gui.SendMessageTimeout(b.hwnd, USER + 1, 0, 0, win32con.SMTO_BLOCK, 200))
show("PostMessage to hung", lambda: win32gui.PostMessage(b.hwnd, USER + 1, 0, 0))
b.release.set()
show("SendMessageTimeout after release", lambda: win32gui.SendMessageTimeout(b.hwnd, USER + 1, 4, 0, 0, 5000))
b.stop()
show("IsWindow after owner ended", lambda: (win32gui.IsWindow(b.hwnd), win32gui.IsWindow(b.child)))
show("events when owner ended", lambda: events[:])
events.clear()
show("PostMessage to ended thread's window", lambda: win32gui.PostMessage(b.hwnd, USER, 0, 0))
show("SendMessage to ended thread's window", lambda: win32gui.SendMessage(b.hwnd, USER, 0, 0))
show("DestroyWindow ended thread's window", lambda: win32gui.DestroyWindow(b.hwnd))
show("GetWindowThreadProcessId ended", lambda: win32process.GetWindowThreadProcessId(b.hwnd))
show("RegisterClass of ended thread again", lambda: win32gui.RegisterClass(new_class("S30OwnerB")))
show("UnregisterClass of ended thread", lambda: win32gui.UnregisterClass("S30OwnerB", 0))
showh("FindWindow ended", lambda: win32gui.FindWindow("S30OwnerB", None))

c = Owner("C", pump=False)
show("SendMessageTimeout not pumping", lambda: win32gui.SendMessageTimeout(c.hwnd, USER + 1, 0, 0, win32con.SMTO_NORMAL, 200))
show("SendMessageTimeout not pumping ERRORONEXIT", lambda: win32gui.SendMessageTimeout(c.hwnd, USER + 1, 0, 0, SMTO_ERRORONEXIT, 200))
show("UnregisterClass of a live window of another thread", lambda: win32gui.UnregisterClass("S30OwnerC", 0))
c.stop()
show("UnregisterClass after C ended", lambda: win32gui.UnregisterClass("S30OwnerC", 0))

# a thread's window as the parent of this thread's window: destroyed with the other thread
d = Owner("D")
dkid = create("dkid", style=win32con.WS_CHILD, parent=d.hwnd)
show("child of other thread's window", lambda: label(win32gui.GetParent(dkid)))
show("GetWindowThreadProcessId dkid", lambda: win32process.GetWindowThreadProcessId(dkid)[0] == TID)
d.stop()
show("dkid after D ended", lambda: win32gui.IsWindow(dkid))
show("events after D ended", lambda: events[:])
events.clear()
drain()

# --- timers ---------------------------------------------------------------------------------
tm = create("tm")
show("SetTimer window id 5", lambda: SetTimer(tm, 5, 100000))
show("SetTimer window id 5 again", lambda: SetTimer(tm, 5, 100000))
show("SetTimer window id 0", lambda: SetTimer(tm, 0, 100000))
show("KillTimer window id 0", lambda: KillTimer(tm, 0))
show("KillTimer window id 5", lambda: KillTimer(tm, 5))
show("KillTimer window id 5 again", lambda: KillTimer(tm, 5))
show("KillTimer window unknown", lambda: KillTimer(tm, 0x7777))
show("KillTimer bad hwnd", lambda: KillTimer(0x7777, 5))
show("SetTimer bad hwnd", lambda: SetTimer(0x7777, 5, 100))
show("SetTimer thread id 0", lambda: SetTimer(0, 0, 100000) > 0)
tt = SetTimer(0, 0, 100000)
show("SetTimer thread ids differ", lambda: SetTimer(0, 0, 100000) != tt)
show("SetTimer thread reuse id", lambda: SetTimer(0, tt, 100000) == tt)
show("SetTimer thread made-up id", lambda: SetTimer(0, 0x7777, 100000) == 0x7777)
show("KillTimer thread", lambda: KillTimer(0, tt))
show("KillTimer thread again", lambda: KillTimer(0, tt))
show("KillTimer thread unknown", lambda: KillTimer(0, 0x7FFF))
show("SetTimer 0 ms fires", lambda: SetTimer(tm, 9, 0))
time.sleep(0.05)
show("WM_TIMER 0 ms", lambda: (lambda r: (r[0], label(r[1][0]), r[1][1] == win32con.WM_TIMER, r[1][2]))(win32gui.PeekMessage(tm, win32con.WM_TIMER, win32con.WM_TIMER, win32con.PM_REMOVE)))
show("KillTimer 9", lambda: KillTimer(tm, 9))
show("WM_TIMER after kill", lambda: win32gui.PeekMessage(tm, win32con.WM_TIMER, win32con.WM_TIMER, win32con.PM_REMOVE)[0])
drain()

# --- WM_QUIT: posted vs PostQuitMessage ------------------------------------------------------
win32gui.PostMessage(top, win32con.WM_QUIT, 7, 0)
win32gui.PostMessage(top, USER + 1, 0, 0)
r1 = win32gui.GetMessage(None, 0, 0)
r2 = win32gui.GetMessage(None, 0, 0)
print("posted WM_QUIT first", (r1[0], label(r1[1][0]), r1[1][1], r1[1][2]), (r2[0], label(r2[1][0]), r2[1][1] - USER))
win32gui.PostQuitMessage(8)
win32gui.PostMessage(top, USER + 1, 0, 0)
r1 = win32gui.GetMessage(None, 0, 0)
r2 = win32gui.GetMessage(None, 0, 0)
print("PostQuitMessage after posted", (r1[0], label(r1[1][0]), r1[1][1] - USER), (r2[0], label(r2[1][0]), r2[1][1], r2[1][2]))
win32gui.PostQuitMessage(9)
show("quit with window filter", lambda: (lambda r: (r[0], label(r[1][0]), r[1][1]))(win32gui.PeekMessage(top, 0, 0, win32con.PM_REMOVE)))
win32gui.PostMessage(top, win32con.WM_QUIT, 7, 0)
show("posted quit with other window filter", lambda: win32gui.PeekMessage(child, 0, 0, win32con.PM_REMOVE)[0])
show("posted quit with -1 filter", lambda: win32gui.PeekMessage(-1, 0, 0, win32con.PM_REMOVE)[0])
show("posted quit with own filter", lambda: (lambda r: (r[0], label(r[1][0]), r[1][1]))(win32gui.PeekMessage(top, 0, 0, win32con.PM_REMOVE)))
win32gui.PostQuitMessage(10)
show("quit NOREMOVE then REMOVE", lambda: (win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)[1][1], win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)[1][1], win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)[0]))
win32gui.PostQuitMessage(11)
show("GetMessage quit hwnd filter -1", lambda: win32gui.GetMessage(-1, 0, 0)[0])
drain()

# --- GetMessage's hwnd filter ------------------------------------------------------------------
win32gui.PostMessage(top, USER + 1, 0, 0)
win32api.PostThreadMessage(TID, USER + 2, 0, 0)
win32gui.PostMessage(child, USER + 3, 0, 0)
show("GetMessage -1", lambda: (lambda r: (r[0], label(r[1][0]), r[1][1] - USER))(win32gui.GetMessage(-1, 0, 0)))
show("GetMessage child", lambda: (lambda r: (r[0], label(r[1][0]), r[1][1] - USER))(win32gui.GetMessage(child, 0, 0)))
show("GetMessage top (child not included)", lambda: (lambda r: (r[0], label(r[1][0]), r[1][1] - USER))(win32gui.GetMessage(top, 0, 0)))
show("GetMessage destroyed hwnd", lambda: win32gui.GetMessage(LABEL_OF("byatom"), 0, 0))
show("PeekMessage destroyed hwnd", lambda: win32gui.PeekMessage(LABEL_OF("byatom"), 0, 0, win32con.PM_REMOVE))
show("GetMessage str hwnd", lambda: win32gui.GetMessage("x", 0, 0))
show("PeekMessage 3 args", lambda: win32gui.PeekMessage(None, 0, 0))
show("left after filters", drain)
win32gui.PostMessage(grand, USER + 4, 0, 0)
show("PeekMessage parent filter misses grandchild", lambda: win32gui.PeekMessage(child, 0, 0, win32con.PM_REMOVE)[0])
show("left grandchild", drain)

# --- order: sent, posted, paint, timer -------------------------------------------------------
paint = create("paint", style=win32con.WS_POPUP | win32con.WS_VISIBLE, w=20, h=20)
hidden_paint = create("hiddenpaint", style=win32con.WS_POPUP, w=20, h=20)
for _ in range(50):
    ok, m = win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)
    if not ok:
        break
    win32gui.DispatchMessage(m)
events.clear()
show("InvalidateRect hidden", lambda: win32gui.InvalidateRect(hidden_paint, None, False))
show("paint pending for hidden", lambda: win32gui.PeekMessage(hidden_paint, win32con.WM_PAINT, win32con.WM_PAINT, win32con.PM_NOREMOVE)[0])
show("InvalidateRect bad", lambda: win32gui.InvalidateRect(0x7777, None, False))
SetTimer(paint, 1, 0)
win32gui.InvalidateRect(paint, None, False)
time.sleep(0.05)
win32gui.PostMessage(paint, USER + 1, 0, 0)
e = Owner("E")


e_done = threading.Event()
sender = threading.Thread(target=lambda: (win32gui.SendNotifyMessage(paint, USER + 7, 0, 0) if hasattr(win32gui, "SendNotifyMessage") else SendNotifyMessage(paint, USER + 7, 0, 0), e_done.set()))
sender.start()
e_done.wait(10)
sender.join(10)
peeked = []
for _ in range(6):
    ok, m = win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)
    if not ok:
        break
    peeked.append(m[1] - USER if m[1] >= USER else m[1])
    ok, m = win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)
    if m[1] == win32con.WM_PAINT:
        win32gui.DispatchMessage(m)
    if m[1] == win32con.WM_TIMER:
        KillTimer(paint, 1)
print("order NOREMOVE then REMOVE", peeked, "sent handled", (label(paint), 7) in events)
events.clear()
SetTimer(paint, 1, 0)
win32gui.InvalidateRect(paint, None, False)
time.sleep(0.05)
show("timer and paint: first", lambda: win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)[1][1])
show("PM_QS_PAINT", lambda: win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE | (win32con.QS_PAINT << 16))[1][1])
show("PM_QS_POSTMESSAGE", lambda: win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE | ((win32con.QS_POSTMESSAGE | win32con.QS_TIMER) << 16))[1][1])
show("WM_PAINT comes back if not painted", lambda: [win32gui.PeekMessage(None, win32con.WM_PAINT, win32con.WM_PAINT, win32con.PM_REMOVE)[0] for _ in range(3)])
show("ValidateRect stops it", lambda: (win32gui.ValidateRect(paint, None), win32gui.PeekMessage(None, win32con.WM_PAINT, win32con.WM_PAINT, win32con.PM_REMOVE)[0]))
show("WM_TIMER removed comes back", lambda: [win32gui.PeekMessage(None, win32con.WM_TIMER, win32con.WM_TIMER, win32con.PM_REMOVE)[0] for _ in range(2)])
KillTimer(paint, 1)
e.stop()
drain()

# --- DefWindowProc: WM_CLOSE / WM_DESTROY / WM_NCDESTROY ---------------------------------------
seq = []


def seqproc(hwnd, msg, wp, lp):
    if msg in (win32con.WM_CLOSE, win32con.WM_DESTROY, win32con.WM_NCDESTROY):
        seq.append((label(hwnd), {win32con.WM_CLOSE: "CLOSE", win32con.WM_DESTROY: "DESTROY", win32con.WM_NCDESTROY: "NCDESTROY"}[msg], win32gui.IsWindow(hwnd), label(win32gui.GetParent(hwnd))))
        if msg == win32con.WM_NCDESTROY:
            seq.append(("send inside NCDESTROY", outcome(lambda: win32gui.SendMessage(hwnd, USER + 1, 0, 0))))
            seq.append(("text inside NCDESTROY", outcome(lambda: win32gui.GetWindowText(hwnd))))
    if msg == USER + 1:
        return 5
    return win32gui.DefWindowProc(hwnd, msg, wp, lp)


win32gui.RegisterClass(new_class("S30Seq", seqproc))
sa = create("sa", cls="S30Seq")
sb = create("sb", cls="S30Seq", style=win32con.WS_CHILD, parent=sa)
sc = create("sc", cls="S30Seq", style=win32con.WS_CHILD, parent=sb)
sd = create("sd", cls="S30Seq", style=win32con.WS_POPUP, parent=sa)
show("DefWindowProc WM_DESTROY", lambda: win32gui.DefWindowProc(sa, win32con.WM_DESTROY, 0, 0))
show("alive after DefWindowProc WM_DESTROY", lambda: win32gui.IsWindow(sa))
show("DefWindowProc WM_NCDESTROY", lambda: win32gui.DefWindowProc(sa, win32con.WM_NCDESTROY, 0, 0))
show("alive after DefWindowProc WM_NCDESTROY", lambda: win32gui.IsWindow(sa))
show("SendMessage WM_DESTROY", lambda: win32gui.SendMessage(sa, win32con.WM_DESTROY, 0, 0))
show("alive after sent WM_DESTROY", lambda: win32gui.IsWindow(sa))
show("seq so far", lambda: seq[:])
seq.clear()
show("DefWindowProc WM_CLOSE child", lambda: win32gui.DefWindowProc(sc, win32con.WM_CLOSE, 0, 0))
show("seq child close", lambda: seq[:])
seq.clear()
show("PostMessage WM_CLOSE", lambda: win32gui.PostMessage(sa, win32con.WM_CLOSE, 0, 0))
for _ in range(20):
    ok, m = win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)
    if not ok:
        break
    win32gui.DispatchMessage(m)
show("seq tree close", lambda: seq[:])
show("all gone", lambda: [win32gui.IsWindow(h) for h in (sa, sb, sc, sd)])
seq.clear()
show("DestroyWindow twice", lambda: win32gui.DestroyWindow(sa))
show("DestroyWindow 0", lambda: win32gui.DestroyWindow(0))
show("DestroyWindow None", lambda: win32gui.DestroyWindow(None))
show("DestroyWindow desktop", lambda: win32gui.DestroyWindow(win32gui.GetDesktopWindow()))
show("DefWindowProc destroyed", lambda: win32gui.DefWindowProc(sa, win32con.WM_CLOSE, 0, 0))
show("DefWindowProc 0", lambda: win32gui.DefWindowProc(0, USER, 0, 0))
show("DefWindowProc bad", lambda: win32gui.DefWindowProc(0x7777, win32con.WM_CLOSE, 0, 0))
show("SendMessage destroyed", lambda: win32gui.SendMessage(sa, USER + 1, 0, 0))
show("PostMessage destroyed", lambda: win32gui.PostMessage(sa, USER + 1, 0, 0))
show("SendMessageTimeout destroyed", lambda: win32gui.SendMessageTimeout(sa, USER + 1, 0, 0, 0, 100))
show("SendNotifyMessage destroyed", lambda: SendNotifyMessage(sa, USER + 1, 0, 0))
show("GetWindowLong destroyed", lambda: win32gui.GetWindowLong(sa, win32con.GWL_STYLE))
show("SetWindowLong destroyed", lambda: win32gui.SetWindowLong(sa, win32con.GWL_USERDATA, 1))
show("GetWindowRect destroyed", lambda: win32gui.GetWindowRect(sa))
show("ShowWindow destroyed", lambda: win32gui.ShowWindow(sa, win32con.SW_SHOW))
show("SetWindowText destroyed", lambda: win32gui.SetWindowText(sa, "x"))
show("GetWindowText destroyed", lambda: win32gui.GetWindowText(sa))
showh("GetParent destroyed", lambda: win32gui.GetParent(sa))
showh("SetParent destroyed", lambda: win32gui.SetParent(sa, 0))
show("SetTimer destroyed", lambda: SetTimer(sa, 1, 100))
show("KillTimer destroyed", lambda: KillTimer(sa, 1))
show("GetWindowThreadProcessId destroyed", lambda: win32process.GetWindowThreadProcessId(sa))
show("EnumChildWindows destroyed", lambda: walk(win32gui.EnumChildWindows, sa))
show("GetClassName destroyed", lambda: win32gui.GetClassName(sa))
show("UnregisterClass S30Seq", lambda: win32gui.UnregisterClass("S30Seq", 0))

# destroy from inside WM_DESTROY, and a window destroying its parent
inner = []


def reentrant(hwnd, msg, wp, lp):
    if msg == win32con.WM_DESTROY:
        inner.append(("destroy again inside WM_DESTROY", outcome(lambda: win32gui.DestroyWindow(hwnd))))
    if msg == win32con.WM_NCDESTROY:
        inner.append(("NCDESTROY", label(hwnd)))
    return win32gui.DefWindowProc(hwnd, msg, wp, lp)


win32gui.RegisterClass(new_class("S30Reent", reentrant))
ra = create("ra", cls="S30Reent")
show("DestroyWindow reentrant", lambda: win32gui.DestroyWindow(ra))
show("reentrant saw", lambda: inner)

# --- windows destroyed when their thread ends --------------------------------------------------
ended = {}


def short_life():
    win32gui.RegisterClass(new_class("S30Short", record))
    ended["top"] = create("short-top", cls="S30Short")
    ended["child"] = create("short-child", cls="S30Short", style=win32con.WS_CHILD, parent=ended["top"])
    ended["msg"] = create("short-msg", cls="S30Short", parent=HWND_MESSAGE)
    ended["owned-by-main"] = create("short-owned", cls="S30Short", style=win32con.WS_POPUP, parent=top)
    SetTimer(ended["top"], 1, 100000)
    win32gui.PostMessage(ended["top"], USER + 1, 0, 0)


events.clear()
t = threading.Thread(target=short_life)
t.start()
t.join(10)
show("after thread end IsWindow", lambda: {k: win32gui.IsWindow(v) for k, v in sorted(ended.items())})
show("after thread end events", lambda: sorted(set(events)))
showh("FindWindow short", lambda: win32gui.FindWindow("S30Short", None))
show("class of ended thread registered", lambda: win32gui.RegisterClass(new_class("S30Short")))
show("UnregisterClass short", lambda: win32gui.UnregisterClass("S30Short", 0))
show("EnumWindows after end", lambda: [x for x in walk(win32gui.EnumWindows)[1] if x.startswith("short")])

# --- clean up ---------------------------------------------------------------------------------
for h in list(LABELS):
    if h != subw and win32gui.IsWindow(h) and win32process.GetWindowThreadProcessId(h)[0] == TID:
        try:
            win32gui.DestroyWindow(h)
        except pywintypes.error:
            pass
drain()
for name in ("S30Win", "S30Refuse", "S30RefuseNc", "S30Raise", "S30Reent", "S30OwnerD", "S30OwnerE"):
    show(f"UnregisterClass {name}", lambda name=name: win32gui.UnregisterClass(name, 0))
print("done")
sys.stdout.flush()
