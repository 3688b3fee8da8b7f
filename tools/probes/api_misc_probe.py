"""Differential probe: win32api odds threaded programs use (session 28).

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/api_misc_probe.py
    .venv/bin/python -m apartment run tools/probes/api_misc_probe.py

Thread ids (win32api against threading), GetSystemInfo/GetNativeSystemInfo shapes and the
values a program computes with, GetTickCount's type and pace, and FormatMessage's flag
combinations (from a string: inserts, widths, escapes, line widths; from the system:
IGNORE_INSERTS, language ids, unknown ids). One line per question; errors as (type,
winerror, funcname), never message texts (Wine's differ).
"""

import os
import threading
import time

import pywintypes
import win32api
import win32con
import win32process


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


# --- thread ids ------------------------------------------------------------------------
show("GetCurrentThreadId type", lambda: type(win32api.GetCurrentThreadId()).__name__)
show("== threading.get_native_id", lambda: win32api.GetCurrentThreadId() == threading.get_native_id())
show("== current_thread().native_id", lambda: win32api.GetCurrentThreadId() == threading.current_thread().native_id)
show("== main_thread().native_id", lambda: win32api.GetCurrentThreadId() == threading.main_thread().native_id)
seen = {}


def body():
    seen["api"] = win32api.GetCurrentThreadId()
    seen["native"] = threading.get_native_id()
    seen["pseudo"] = win32api.GetCurrentThread()
    seen["id of pseudo"] = outcome(lambda: win32api.GetThreadId(win32api.GetCurrentThread()) == seen["api"]) if hasattr(win32api, "GetThreadId") else "n/a"


t = threading.Thread(target=body)
t.start()
t.join()
show("thread: api == native", lambda: seen["api"] == seen["native"])
show("thread: == Thread.native_id", lambda: seen["api"] == t.native_id)
show("thread: differs from main", lambda: seen["api"] != win32api.GetCurrentThreadId())
show("thread: pseudo handle", lambda: seen["pseudo"])
show("thread: GetThreadId(pseudo)", lambda: seen["id of pseudo"])
show("GetCurrentProcessId == os.getpid", lambda: win32api.GetCurrentProcessId() == os.getpid())
show("win32process.GetCurrentProcessId", lambda: win32process.GetCurrentProcessId() == os.getpid() if hasattr(win32process, "GetCurrentProcessId") else "n/a")

# --- system information ----------------------------------------------------------------
for name in ("GetSystemInfo", "GetNativeSystemInfo"):
    info = getattr(win32api, name)()
    show(f"{name} shape", lambda: info, values=False)
    show(f"{name} len", lambda: len(info))
    show(f"{name} arch", lambda: info[0])
    show(f"{name} page size", lambda: info[1])
    show(f"{name} min address", lambda: info[2])
    show(f"{name} max address", lambda: hex(info[3]))
    show(f"{name} mask has processors", lambda: bin(info[4]).count("1") == info[5])
    show(f"{name} processors == os.cpu_count", lambda: info[5] == os.cpu_count())
    show(f"{name} processor type", lambda: info[6])
    show(f"{name} granularity", lambda: info[7])
    show(f"{name} level/revision shape", lambda: info[8], values=False)
show("GetSystemInfo arg", lambda: win32api.GetSystemInfo(1))

# --- ticks -----------------------------------------------------------------------------
show("GetTickCount type", lambda: type(win32api.GetTickCount()).__name__)
show("GetTickCount non-negative", lambda: win32api.GetTickCount() >= 0)
show("GetTickCount arg", lambda: win32api.GetTickCount(1))
a = win32api.GetTickCount()
time.sleep(0.2)
b = win32api.GetTickCount()
show("GetTickCount pace (150..2000 ms over 0.2 s sleep)", lambda: 150 <= (b - a) % 2**32 <= 2000)
for extra in ("GetTickCount64", "QueryPerformanceCounter", "QueryPerformanceFrequency"):
    show(f"{extra} present", lambda: hasattr(win32api, extra))

# --- FormatMessage from a string ---------------------------------------------------------
FS = win32con.FORMAT_MESSAGE_FROM_STRING
FM = win32api.FormatMessage


def fs(text, inserts=None, flags=0):
    return lambda: FM(FS | flags, text, 0, 0, inserts)


show("str plain", fs("hello"))
show("str %1", fs("a %1 b", ["x"]))
show("str %1 %2", fs("%2-%1", ["x", "y"]))
show("str %1!d!", fs("n=%1!d!", [7]))
show("str %1!s!", fs("s=%1!s!", ["q"]))
show("str %1!x!", fs("h=%1!x!", [255]))
show("str %1!5d!", fs("[%1!5d!]", [42]))
show("str %1!-5s!", fs("[%1!-5s!]", ["ab"]))
show("str %%", fs("100%%"))
show("str %n", fs("a%nb"))
show("str %r", fs("a%rb"))
show("str %t", fs("a%tb"))
show("str %0", fs("cut%0here"))
show("str %.", fs("a%.b"))
show("str %!", fs("a%!b"))
show("str % ", fs("a% b"))
show("str trailing %", fs("a%"))
show("str crlf kept", fs("a\r\nb"))
show("str lf", fs("a\nb"))
show("str int insert no format", fs("%1", [5]))
show("str too few inserts", fs("%1 %2", ["x"]))
show("str no inserts given", fs("%1"))
show("str None inserts", fs("x%1", None))
show("str IGNORE_INSERTS", fs("%1 %2!d!", ["x"], win32con.FORMAT_MESSAGE_IGNORE_INSERTS))
show("str tuple inserts", fs("%1", ("t",)))
show("str dict inserts", fs("%1", {"a": 1}))
show("str %99", fs("%99", ["x"] * 99))
show("str %100", fs("%100", ["x"] * 100))
show("str MAX_WIDTH_MASK", fs("a\r\nb  c%nd", None, win32con.FORMAT_MESSAGE_MAX_WIDTH_MASK))
show("str width 5", fs("abcdef ghijkl mn", None, 5))
show("str ALLOCATE_BUFFER", fs("x", None, win32con.FORMAT_MESSAGE_ALLOCATE_BUFFER))
show("str ARGUMENT_ARRAY", fs("%1", ["y"], win32con.FORMAT_MESSAGE_ARGUMENT_ARRAY))
show("str source None", lambda: FM(FS, None, 0, 0, None))
show("str source int", lambda: FM(FS, 5, 0, 0, None))
show("str empty", fs(""))
show("str bytes", lambda: FM(FS, b"x", 0, 0, None))

# --- FormatMessage from the system ----------------------------------------------------------
SYS = win32con.FORMAT_MESSAGE_FROM_SYSTEM
IGN = win32con.FORMAT_MESSAGE_IGNORE_INSERTS


def sys_text(flags, msgid, lang=0, inserts=None):
    def call():
        text = FM(flags, None, msgid, lang, inserts)
        return (type(text).__name__, text.endswith("\r\n"), "%1" in text)

    return call


show("sys 2", sys_text(SYS, 2))
show("sys 2 ignore inserts", sys_text(SYS | IGN, 2))
show("sys 0", sys_text(SYS, 0))
show("sys 87", sys_text(SYS, 87))
show("sys 193 ignore (has %1)", sys_text(SYS | IGN, 193))
show("sys 193 with insert", sys_text(SYS, 193, 0, ["prog.exe"]))
show("sys 193 no inserts", sys_text(SYS, 193))
show("sys unknown id", sys_text(SYS, 0x2FFFFFFF))
show("sys unknown id 123456", sys_text(SYS, 123456))
show("sys lang en-US", sys_text(SYS, 2, 0x409))
show("sys lang neutral", sys_text(SYS, 2, 0))
show("sys lang bogus", sys_text(SYS, 2, 0x0BAD))
show("sys hresult E_FAIL", sys_text(SYS, 0x80004005))
show("sys negative hresult", sys_text(SYS, -2147467259))
show("sys 2**32", sys_text(SYS, 2**32))
show("sys MAX_WIDTH_MASK", sys_text(SYS | win32con.FORMAT_MESSAGE_MAX_WIDTH_MASK, 2))
show("sys FROM_HMODULE None", sys_text(win32con.FORMAT_MESSAGE_FROM_HMODULE, 2))
show("sys HMODULE|SYSTEM None", sys_text(win32con.FORMAT_MESSAGE_FROM_HMODULE | SYS, 2))
show("no source flag", lambda: FM(0, None, 2, 0, None))
show("short form 2", lambda: type(FM(2)).__name__)
show("short form 2 ends crlf", lambda: FM(2).endswith("\r\n"))
show("short form unknown", lambda: FM(0x2FFFFFFF))
show("short form negative", lambda: type(FM(-1)).__name__)
show("two args", lambda: FM(SYS, None))
show("three args", lambda: type(FM(SYS, None, 2)).__name__)
show("four args", lambda: type(FM(SYS, None, 2, 0)).__name__)
show("FormatMessageW", lambda: type(win32api.FormatMessageW(SYS, None, 2, 0, None)).__name__ if hasattr(win32api, "FormatMessageW") else "n/a")
show("FormatMessageW string", lambda: win32api.FormatMessageW(FS, "w%1", 0, 0, ["z"]) if hasattr(win32api, "FormatMessageW") else "n/a")
print("done")
