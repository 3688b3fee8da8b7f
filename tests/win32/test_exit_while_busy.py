"""A program exits while the library's threads are busy, and never hangs there.

At the interpreter's exit CPython freezes every daemon thread that wants to run again; one
frozen inside (or waiting for) a lock of the library holds it for ever, and a finalizer of
the shutdown that waits for that lock (a handle's close, a thread's exit record) would hang
the exit. Each program here keeps a kind of the library's threads busy (the clock firing a
periodic timer, APCs, handles made and dropped, INFINITE waits, a named mutex passed around,
children reaped, a window pumping, calls into the MTA and into an STA, pipes), waits until
the busy threads have done some rounds (an event they set: no sleeps), then exits. All run
side by side in fresh interpreters; a program that has not ended some seconds after its
last line hangs (its threads' stacks are in the failure).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

SRC = Path(__file__).resolve().parents[2] / "src"

START_SECONDS = 120.0
"""How long a program may take to reach its last line (imports are slow on a loaded 3.13t)."""

EXIT_SECONDS = 30.0
"""How long a program may take to exit after its last line; one still running then hangs."""

_PRELUDE = """\
import faulthandler, os, signal, sys, threading
faulthandler.register(signal.SIGUSR1, all_threads=True)
import apartment.win32
apartment.win32.install()
import pywintypes, win32api, win32event, win32file, win32pipe, win32process
import win32con, win32gui, pythoncom
started = threading.Event()
def daemon(fn, n=1):
    for _ in range(n):
        threading.Thread(target=fn, daemon=True).start()
def churn_handles():
    # a daemon thread making and dropping kernel objects: it is often inside a library lock
    i = 0
    while True:
        e = win32event.CreateEvent(None, 0, 0, None)
        win32event.SetEvent(e)
        win32event.WaitForSingleObject(e, 0)
        del e
        i += 1
        if i == 200:
            started.set()
"""

PROGRAMS = {
    "timer": """
def tick():
    t = win32event.CreateWaitableTimer(None, 0, None)
    win32event.SetWaitableTimer(t, -10000, 1, None, None, 0)
    n = 0
    while True:
        win32event.WaitForSingleObject(t, 1000)
        n += 1
        if n == 20: started.set()
daemon(tick, 3)
started.wait(30)
""",
    "timer_apc": """
handles = []
ready = threading.Event()
def victim():
    cur = win32api.GetCurrentProcess()
    handles.append(win32api.DuplicateHandle(cur, win32api.GetCurrentThread(), cur, 0, 0, 2))
    ready.set()
    while True:
        win32api.SleepEx(1000, True)
hits = []
def cb(arg):
    hits.append(1)
    if len(hits) == 200: started.set()
def poster():
    ready.wait()
    while True:
        win32api.QueueUserAPC(cb, handles[0], 0)
        win32api.Sleep(0)
daemon(victim); daemon(poster)
started.wait(30)
""",
    "handles": """
daemon(churn_handles, 3)
started.wait(30)
""",
    "infinite_wait": """
ev = win32event.CreateEvent(None, 0, 0, None)
def w():
    win32event.WaitForSingleObject(ev, win32event.INFINITE)
daemon(w, 3)
daemon(churn_handles, 1)
started.wait(30)
""",
    "mutex_named": """
name = "probe-mx-%d" % os.getpid()
def w():
    m = win32event.CreateMutex(None, 0, name)
    n = 0
    while True:
        win32event.WaitForSingleObject(m, win32event.INFINITE)
        win32event.ReleaseMutex(m)
        n += 1
        if n == 200: started.set()
daemon(w, 3)
started.wait(30)
""",
    "reaper": """
def spawn():
    n = 0
    while True:
        si = win32process.STARTUPINFO()
        hp, ht, pid, tid = win32process.CreateProcess(
            None, "true", None, None, 0, 0, None, None, si
        )
        win32event.WaitForSingleObject(hp, 5000)
        n += 1
        if n == 5: started.set()
daemon(spawn, 2)
started.wait(30)
""",
    "window": """
def pump():
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "probe%d" % threading.get_ident()
    n = [0]
    def proc(h, m, w, l):
        if m == win32con.WM_USER:
            n[0] += 1
            if n[0] == 200: started.set()
            win32gui.PostMessage(h, win32con.WM_USER, 0, 0)
            return 0
        return win32gui.DefWindowProc(h, m, w, l)
    wc.lpfnWndProc = proc
    atom = win32gui.RegisterClass(wc)
    h = win32gui.CreateWindow(atom, "p", 0, 0, 0, 0, 0, 0, 0, 0, None)
    win32gui.PostMessage(h, win32con.WM_USER, 0, 0)
    win32gui.PumpMessages()
daemon(pump, 2)
started.wait(30)
""",
    "mta_calls": """
import win32com.server.util, win32com.client
class Obj:
    _public_methods_ = ["f"]
    def f(self, x): return x + 1
box = []
made = threading.Event()
forever = threading.Event()
def owner():
    pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)
    obj = win32com.server.util.wrap(Obj())
    box.extend(
        pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, obj)
        for _ in range(3)
    )
    made.set()
    forever.wait()
def caller(s):
    pythoncom.CoInitialize()
    o = pythoncom.CoGetInterfaceAndReleaseStream(s, pythoncom.IID_IDispatch)
    d = win32com.client.Dispatch(o)
    n = 0
    while True:
        d.f(1)
        n += 1
        if n == 100: started.set()
daemon(owner)
made.wait(30)
for s in box: daemon(lambda s=s: caller(s))
started.wait(30)
""",
    "sta_calls": """
import win32com.server.util, win32com.client
class Obj:
    _public_methods_ = ["f"]
    def f(self, x): return x + 1
pythoncom.CoInitialize()
obj = win32com.server.util.wrap(Obj())
streams = [
    pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, obj)
    for _ in range(2)
]
def caller(s):
    pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)
    o = pythoncom.CoGetInterfaceAndReleaseStream(s, pythoncom.IID_IDispatch)
    d = win32com.client.Dispatch(o)
    n = 0
    while True:
        d.f(1)
        n += 1
        if n == 100: started.set()
for s in streams: daemon(lambda s=s: caller(s))
while not started.is_set():
    pythoncom.PumpWaitingMessages()
    win32event.MsgWaitForMultipleObjects([], 0, 10, win32event.QS_ALLINPUT)
""",
    "sysexit_thread_apc": """
handles = []
ready = threading.Event()
def victim():
    cur = win32api.GetCurrentProcess()
    handles.append(win32api.DuplicateHandle(cur, win32api.GetCurrentThread(), cur, 0, 0, 2))
    ready.set()
    win32api.SleepEx(win32event.INFINITE, True)
t = threading.Thread(target=victim, daemon=True); t.start()
daemon(churn_handles, 2)
started.wait(30)
ready.wait(30)
def apc(arg):
    sys.exit(3)
win32api.QueueUserAPC(apc, handles[0], 0)
t.join(10)
assert not t.is_alive()
""",
    "sysexit_from_main_busy": """
daemon(churn_handles, 2)
started.wait(30)
sys.exit(0)
""",
    "pipes": """
name = r"\\\\.\\pipe\\probe-%d" % os.getpid()
def server():
    while True:
        p = win32pipe.CreateNamedPipe(
            name, win32pipe.PIPE_ACCESS_DUPLEX, 0, 255, 4096, 4096, 0, None
        )
        win32pipe.ConnectNamedPipe(p, None)
        try:
            while True:
                hr, data = win32file.ReadFile(p, 4096)
                win32file.WriteFile(p, data)
        except pywintypes.error:
            pass
        p.Close()
def client():
    import time
    n = 0
    while True:
        try:
            h = win32file.CreateFile(
                name, win32con.GENERIC_READ | win32con.GENERIC_WRITE, 0, None,
                win32con.OPEN_EXISTING, 0, None,
            )
        except pywintypes.error:
            win32api.Sleep(1); continue
        for _ in range(20):
            win32file.WriteFile(h, b"x" * 100)
            win32file.ReadFile(h, 4096)
        h.Close()
        n += 1
        if n == 3: started.set()
daemon(server); daemon(client)
started.wait(30)
""",
}
"""What each program does after the prelude; it ends by falling off its end (or sys.exit)."""


def _start(name: str) -> subprocess.Popen[str]:
    code = _PRELUDE + PROGRAMS[name] + "\nprint('end', flush=True)\n"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), *sys.path])}
    return subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _outcome(name: str, child: subprocess.Popen[str]) -> str:
    """'' when the program ended well; else what went wrong (with its threads' stacks)."""
    try:
        out, err = child.communicate(timeout=START_SECONDS + EXIT_SECONDS)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGUSR1)  # faulthandler: every thread's stack on stderr
        time.sleep(1)  # time to write them (the program is wedged: nothing else to wait for)
        child.kill()
        out, err = child.communicate()
        return f"{name} hung (printed {out!r}):\n{err}"
    if child.returncode not in (0, 3) or "Traceback" in err:
        return f"{name} exited with {child.returncode}:\n{err}"
    if "end" not in out and "sysexit" not in name:
        return f"{name} never reached its end:\n{err}"
    return ""


@pytest.fixture(scope="module")
def outcomes() -> Iterator[dict[str, str]]:
    children = {name: _start(name) for name in PROGRAMS}
    try:
        yield {name: _outcome(name, child) for name, child in children.items()}
    finally:
        for child in children.values():
            if child.poll() is None:
                child.kill()
                child.wait()


@pytest.mark.timeout(START_SECONDS + EXIT_SECONDS * len(PROGRAMS) + 60)
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_exit_while_busy_never_hangs(name: str, outcomes: dict[str, str]) -> None:
    assert outcomes[name] == ""
