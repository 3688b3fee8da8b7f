r"""Differential probe: named pipes of win32pipe/win32file, and mailslots (session 30).

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/pipe_probe.py
    .venv/bin/python -m apartment run tools/probes/pipe_probe.py

CreateNamedPipe's arguments (open and pipe modes, instance counts, sizes, names), instances
that differ, FILE_FLAG_FIRST_PIPE_INSTANCE, ConnectNamedPipe and DisconnectNamedPipe in every
state, CreateFile clients (access, dispositions, busy), WaitNamedPipe, message reads
(ERROR_MORE_DATA, zero-length messages), PeekNamedPipe, Get/SetNamedPipeHandleState,
GetNamedPipeInfo, TransactNamedPipe, CallNamedPipe, broken pipes both ways, overlapped reads
(bWait False, CancelIo), FlushFileBuffers, the client/server process ids (a child process as
the client), and mailslots. Errors print as (winerror, funcname), never message texts; a
blocking call runs in a thread joined with a safety timeout.
"""

import itertools
import subprocess
import sys
import threading

import pywintypes
import win32api
import win32event
import win32file
import win32pipe

PID = win32api.GetCurrentProcessId()
_count = itertools.count()
RW = win32file.GENERIC_READ | win32file.GENERIC_WRITE
DUPLEX = win32pipe.PIPE_ACCESS_DUPLEX
INBOUND = win32pipe.PIPE_ACCESS_INBOUND
OUTBOUND = win32pipe.PIPE_ACCESS_OUTBOUND
OVL = win32file.FILE_FLAG_OVERLAPPED
FIRST = 0x00080000  # FILE_FLAG_FIRST_PIPE_INSTANCE
MSG = win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE
OPEN = win32file.OPEN_EXISTING


def fresh():
    return "\\\\.\\pipe\\s30probe_%d_%d" % (PID, next(_count))


def shape(r):
    if isinstance(r, (list, tuple)):
        return type(r).__name__ + "(" + ",".join(shape(x) for x in r) + ")"
    return type(r).__name__


def norm(r):
    if isinstance(r, memoryview):
        return ("memoryview", bytes(r))
    if isinstance(r, (list, tuple)):
        return type(r)(norm(x) for x in r)
    if type(r).__name__ == "PyHANDLE":
        return "<handle>"
    return r


def show(label, fn, values=True):
    try:
        r = fn()
        print(label, "->", repr(norm(r)) if values else shape(r))
        return r
    except pywintypes.error as e:
        print(label, "!! error", e.winerror, e.funcname)
    except Exception as e:
        print(label, "!!", type(e).__name__)
    return None


def code(fn):
    """Run fn: 'ok' or the winerror (or the exception's type)."""
    try:
        fn()
        return "ok"
    except pywintypes.error as e:
        return e.winerror
    except Exception as e:
        return type(e).__name__


def close(*hs):
    for h in hs:
        if h is not None:
            try:
                h.Close()
            except Exception:
                pass


def server(name, om=DUPLEX, pm=0, n=1, out=512, inn=512, timeout=0):
    return win32pipe.CreateNamedPipe(name, om, pm, n, out, inn, timeout, None)


def client(name, access=RW, flags=0, disp=OPEN, share=0):
    return win32file.CreateFile(name, access, share, None, disp, flags, None)


def event():
    return win32event.CreateEvent(None, True, False, None)


def ovl():
    o = pywintypes.OVERLAPPED()
    o.hEvent = event()
    return o


class Background:
    """Run fn in a thread; join() gives its result or its error code."""

    def __init__(self, fn):
        self.result = None
        self.thread = threading.Thread(target=self._run, args=(fn,), daemon=True)
        self.thread.start()

    def _run(self, fn):
        try:
            self.result = ("ok", norm(fn()))
        except pywintypes.error as e:
            self.result = ("error", e.winerror, e.funcname)
        except Exception as e:
            self.result = ("exc", type(e).__name__)

    def join(self, timeout=10):
        self.thread.join(timeout)
        return "hung" if self.thread.is_alive() else self.result


# --- 1. CreateNamedPipe argument matrix -----------------------------------------------------
OPEN_MODES = {
    "0": 0,
    "IN": INBOUND,
    "OUT": OUTBOUND,
    "DUPLEX": DUPLEX,
    "DUPLEX|OVL": DUPLEX | OVL,
    "DUPLEX|FIRST": DUPLEX | FIRST,
    "4": 4,
    "DUPLEX|WRITE_THROUGH": DUPLEX | 0x80000000,
    "DUPLEX|WRITE_DAC": DUPLEX | 0x00040000,
    "DUPLEX|0x100": DUPLEX | 0x100,
}
PIPE_MODES = {
    "BYTE": 0,
    "TYPE_MSG": win32pipe.PIPE_TYPE_MESSAGE,
    "MSG|READ_MSG": MSG,
    "READ_MSG only": win32pipe.PIPE_READMODE_MESSAGE,
    "NOWAIT": win32pipe.PIPE_NOWAIT,
    "MSG|NOWAIT": MSG | win32pipe.PIPE_NOWAIT,
    "REJECT_REMOTE": 8,
    "0x10": 0x10,
    "0x80000000": 0x80000000,
}
for (olabel, om), (plabel, pm) in itertools.product(OPEN_MODES.items(), PIPE_MODES.items()):
    print("CreateNamedPipe", olabel, plabel, "->", code(lambda: close(server(fresh(), om, pm))))

for n in (0, 1, 2, 254, 255, 256, -1, 1000):
    print("CreateNamedPipe maxInstances", n, "->", code(lambda: close(server(fresh(), n=n))))
for size in (0, 1, 65536, 1 << 31, -1, 1 << 32):
    print("CreateNamedPipe outSize", size, "->", code(lambda: close(server(fresh(), out=size))))
    print("CreateNamedPipe inSize", size, "->", code(lambda: close(server(fresh(), inn=size))))
for t in (0, 1, 50, -1, 0xFFFFFFFF, 1 << 32):
    print("CreateNamedPipe timeout", t, "->", code(lambda: close(server(fresh(), timeout=t))))
show(
    "CreateNamedPipe sa",
    lambda: close(
        win32pipe.CreateNamedPipe(fresh(), DUPLEX, 0, 1, 0, 0, 0, pywintypes.SECURITY_ATTRIBUTES())
    ),
)
show(
    "CreateNamedPipe 7 args",
    lambda: close(win32pipe.CreateNamedPipe(fresh(), DUPLEX, 0, 1, 0, 0, 0)),
)
show(
    "CreateNamedPipe str mode",
    lambda: close(win32pipe.CreateNamedPipe(fresh(), "x", 0, 1, 0, 0, 0, None)),
)
show("CreateNamedPipe returns", lambda: shape(server(fresh())))

# --- 2. names -------------------------------------------------------------------------------
tag = "s30n_%d" % PID
NAMES = {
    "plain": "\\\\.\\pipe\\" + tag + "a",
    "upper PIPE": "\\\\.\\PIPE\\" + tag + "b",
    "prefix only": "\\\\.\\pipe\\",
    "no backslash": "\\\\.\\pipe",
    "?? form": "\\\\?\\pipe\\" + tag + "c",
    "slashes": "//./pipe/" + tag + "d",
    "mixed slash": "\\\\.\\pipe/" + tag + "e",
    "inner backslash": "\\\\.\\pipe\\" + tag + "\\f",
    "inner slash": "\\\\.\\pipe\\" + tag + "/g",
    "colon star": "\\\\.\\pipe\\" + tag + ":*?<>|",
    "space": "\\\\.\\pipe\\ " + tag,
    "trailing backslash": "\\\\.\\pipe\\" + tag + "h\\",
    "long 200": "\\\\.\\pipe\\" + "x" * 200 + tag,
    "long 256": "\\\\.\\pipe\\" + "y" * (256 - 9),
    "long 300": "\\\\.\\pipe\\" + "z" * 300,
    "no prefix": tag,
    "file path": "C:\\" + tag,
    "empty": "",
    "dot pipe lower host": "\\\\.\\Pipe\\" + tag + "i",
    "unicode": "\\\\.\\pipe\\" + tag + "\u00e9\u4e2d",
    "nul": "\\\\.\\pipe\\" + tag + "\0x",
}
for label, name in NAMES.items():
    got = show("name " + label, lambda: server(name), values=False)
    if got is not None:
        print("  client same ->", code(lambda: close(client(name))))
        print("  client upper ->", code(lambda: close(client(name.upper()))))
        print("  WaitNamedPipe ->", code(lambda: win32pipe.WaitNamedPipe(name, 0)))
        close(got)
show("name None", lambda: server(None))
show("name int", lambda: server(5))
show("name bytes", lambda: close(server(("\\\\.\\pipe\\" + tag + "bytes").encode())))

# --- 3. instances ---------------------------------------------------------------------------
name = fresh()
a = server(name, n=2)
show("2nd instance same", lambda: close(server(name, n=2)))
show("2nd instance other count", lambda: close(server(name, n=3)))
show("2nd instance count 1", lambda: close(server(name, n=1)))
show("2nd instance message type", lambda: close(server(name, pm=MSG, n=2)))
show("2nd instance nowait", lambda: close(server(name, pm=win32pipe.PIPE_NOWAIT, n=2)))
show("2nd instance inbound", lambda: close(server(name, om=INBOUND, n=2)))
show("2nd instance outbound", lambda: close(server(name, om=OUTBOUND, n=2)))
show("2nd instance overlapped", lambda: close(server(name, om=DUPLEX | OVL, n=2)))
show("2nd instance FIRST", lambda: close(server(name, om=DUPLEX | FIRST, n=2)))
show("2nd instance sizes", lambda: close(server(name, n=2, out=0, inn=99999)))
b = show("2nd instance kept", lambda: server(name, n=2), values=False)
show("3rd instance of 2", lambda: server(name, n=2), values=False)
show("3rd instance max 3", lambda: server(name, n=3), values=False)
show("3rd instance unlimited", lambda: server(name, n=255), values=False)
show("GetNamedPipeInfo 1st", lambda: win32pipe.GetNamedPipeInfo(a))
show("GetNamedPipeHandleState instances", lambda: win32pipe.GetNamedPipeHandleState(a)[:2])
close(b)
show("after closing 2nd: new", lambda: close(server(name, n=2)))
close(a)
show("all closed: FIRST", lambda: close(server(name, om=DUPLEX | FIRST)))
name = fresh()
first = show("FIRST on a new name", lambda: server(name, om=DUPLEX | FIRST, n=3), values=False)
show("FIRST on it again", lambda: server(name, om=DUPLEX | FIRST, n=3), values=False)
show("plain after FIRST", lambda: close(server(name, n=3)))
close(first)
name = fresh()
a = server(name, om=INBOUND, n=3)
show("inbound then duplex", lambda: close(server(name, om=DUPLEX, n=3)))
show("inbound then inbound|OVL", lambda: close(server(name, om=INBOUND | OVL, n=3)))
close(a)
name = fresh()
many = []
for i in range(256):
    try:
        many.append(server(name, n=255))
    except pywintypes.error as e:
        print("unlimited: instance", i, "!! error", e.winerror)
        break
print("unlimited: made", len(many))
show("GetNamedPipeInfo unlimited", lambda: win32pipe.GetNamedPipeInfo(many[0]))
show("GetNamedPipeHandleState count", lambda: win32pipe.GetNamedPipeHandleState(many[0])[1])
close(*many)
del many

# --- 4. ConnectNamedPipe in every state -------------------------------------------------------
name = fresh()
s = server(name, pm=win32pipe.PIPE_NOWAIT)
show("connect nowait no client", lambda: win32pipe.ConnectNamedPipe(s, None))
show("connect nowait no client again", lambda: win32pipe.ConnectNamedPipe(s))
c = client(name)
show("connect nowait with client", lambda: win32pipe.ConnectNamedPipe(s))
close(c)
show("connect nowait client gone", lambda: win32pipe.ConnectNamedPipe(s))
close(s)

name = fresh()
s = server(name)
c = client(name)
show("connect after client", lambda: win32pipe.ConnectNamedPipe(s, None))
show("connect again", lambda: win32pipe.ConnectNamedPipe(s, None))
o = ovl()
show("connect overlapped on sync handle, connected", lambda: win32pipe.ConnectNamedPipe(s, o))
show("connect on client end", lambda: win32pipe.ConnectNamedPipe(c, None))
close(c)
show("connect after client left", lambda: win32pipe.ConnectNamedPipe(s, None))
show("connect after client left again", lambda: win32pipe.ConnectNamedPipe(s, None))
show("disconnect after client left", lambda: win32pipe.DisconnectNamedPipe(s))
bg = Background(lambda: win32pipe.ConnectNamedPipe(s, None))
c = None
for _ in range(200):  # until the instance listens again: WaitNamedPipe says so
    if code(lambda: win32pipe.WaitNamedPipe(name, 50)) == "ok":
        c = show("client of a blocking connect", lambda: client(name), values=False)
        break
print("blocking connect ->", bg.join())
close(c, s)
show("connect closed handle", lambda: win32pipe.ConnectNamedPipe(s, None))
show("connect event handle", lambda: win32pipe.ConnectNamedPipe(event(), None))
show("connect int 0", lambda: win32pipe.ConnectNamedPipe(0, None))

name = fresh()
s = server(name, om=DUPLEX | OVL)
o = ovl()
show("ov connect listening", lambda: win32pipe.ConnectNamedPipe(s, o))
show("ov connect event", lambda: win32event.WaitForSingleObject(o.hEvent, 0))
show("ov connect GetOverlappedResult nowait", lambda: win32file.GetOverlappedResult(s, o, False))
show("ov connect Internal", lambda: o.Internal)
o2 = ovl()
show("ov connect second while pending", lambda: win32pipe.ConnectNamedPipe(s, o2))
show("ov connect handle state pending", lambda: win32event.WaitForSingleObject(s, 0))
c = client(name)
show("ov connect event after client", lambda: win32event.WaitForSingleObject(o.hEvent, 1000))
show("ov connect result", lambda: win32file.GetOverlappedResult(s, o, True))
show("ov connect second result", lambda: win32file.GetOverlappedResult(s, o2, False))
show("ov connect again connected", lambda: win32pipe.ConnectNamedPipe(s, ovl()))
show("ov connect None on ov handle, connected", lambda: win32pipe.ConnectNamedPipe(s, None))
close(c)
show("ov connect client left", lambda: win32pipe.ConnectNamedPipe(s, ovl()))
show("disconnect", lambda: win32pipe.DisconnectNamedPipe(s))
o = ovl()
show("ov connect after disconnect", lambda: win32pipe.ConnectNamedPipe(s, o))
show("CancelIo pending connect", lambda: win32file.CancelIo(s))
show("cancelled connect result", lambda: win32file.GetOverlappedResult(s, o, True))
show("cancelled connect Internal", lambda: o.Internal & 0xFFFFFFFF)
show("client after cancelled connect", lambda: close(client(name)))
show("connect after that client left", lambda: win32pipe.ConnectNamedPipe(s, ovl()))
close(s)

name = fresh()
s = server(name, om=DUPLEX | OVL)
c = client(name)
win32file.WriteFile(c, b"before")
close(c)
show("connect: client wrote then left", lambda: win32pipe.ConnectNamedPipe(s, ovl()))
show("read data of a client that left", lambda: win32file.ReadFile(s, 10))
show("read again", lambda: win32file.ReadFile(s, 10))
close(s)

# --- 5. DisconnectNamedPipe ------------------------------------------------------------------
name = fresh()
s = server(name)
show("disconnect listening", lambda: win32pipe.DisconnectNamedPipe(s))
show("disconnect listening twice", lambda: win32pipe.DisconnectNamedPipe(s))
c = show("client after disconnect of listening", lambda: client(name), values=False)
if c is None:
    show(
        "connect after disconnect of listening",
        lambda: Background(lambda: win32pipe.ConnectNamedPipe(s)),
    )
    win32pipe.WaitNamedPipe(name, 5000)
    c = client(name)
show("server write unread", lambda: win32file.WriteFile(s, b"unread"))
show("client write unread", lambda: win32file.WriteFile(c, b"unread2"))
show("disconnect with unread data", lambda: win32pipe.DisconnectNamedPipe(s))
show("client read after disconnect", lambda: win32file.ReadFile(c, 10))
show("client write after disconnect", lambda: win32file.WriteFile(c, b"x"))
show("client peek after disconnect", lambda: win32pipe.PeekNamedPipe(c, 10))
show("client flush after disconnect", lambda: win32file.FlushFileBuffers(c))
show("client GetNamedPipeInfo after disconnect", lambda: win32pipe.GetNamedPipeInfo(c))
show("client state after disconnect", lambda: win32pipe.GetNamedPipeHandleState(c)[:2])
show("server read after disconnect", lambda: win32file.ReadFile(s, 10))
show("server write after disconnect", lambda: win32file.WriteFile(s, b"x"))
show("server peek after disconnect", lambda: win32pipe.PeekNamedPipe(s, 10))
show("disconnect twice", lambda: win32pipe.DisconnectNamedPipe(s))
show("disconnect client end", lambda: win32pipe.DisconnectNamedPipe(c))
show("new client while old open", lambda: close(client(name)))
close(c)
show("disconnect event", lambda: win32pipe.DisconnectNamedPipe(event()))
close(s)

# --- 6. CreateFile clients --------------------------------------------------------------------
show("client no pipe", lambda: client(fresh()))
show("client no pipe, not a pipe path", lambda: client("\\\\.\\pipe\\"))
name = fresh()
s = server(name)
c = client(name)
show("client busy", lambda: client(name))
close(c, s)
ACCESS = {
    "0": 0,
    "R": win32file.GENERIC_READ,
    "W": win32file.GENERIC_WRITE,
    "RW": RW,
    "ALL": 0x10000000,
    "READ_ATTR": 0x80,
    "WRITE_ATTR": 0x100,
    "FILE_READ_DATA": 1,
    "FILE_WRITE_DATA": 2,
    "APPEND": 4,
    "SYNCHRONIZE": 0x100000,
    "READ_CONTROL": 0x20000,
    "DELETE": 0x10000,
    "MAXIMUM_ALLOWED": 0x02000000,
}
for olabel, om in (("IN", INBOUND), ("OUT", OUTBOUND), ("DUPLEX", DUPLEX)):
    for alabel, access in ACCESS.items():
        name = fresh()
        s = server(name, om=om)
        print("client", olabel, alabel, "->", code(lambda: close(client(name, access))))
        close(s)
DISPS = {
    "CREATE_NEW": 1,
    "CREATE_ALWAYS": 2,
    "OPEN_EXISTING": 3,
    "OPEN_ALWAYS": 4,
    "TRUNCATE_EXISTING": 5,
    "0": 0,
    "6": 6,
}
for dlabel, disp in DISPS.items():
    name = fresh()
    s = server(name)
    print("client disposition", dlabel, "->", code(lambda: close(client(name, disp=disp))))
    close(s)
for share in (0, 1, 2, 3, 7):
    name = fresh()
    s = server(name)
    print("client share", share, "->", code(lambda: close(client(name, share=share))))
    close(s)
name = fresh()
s = server(name, om=INBOUND)
c = client(name, win32file.GENERIC_WRITE)
show("IN: client read", lambda: win32file.ReadFile(c, 1))
show("IN: server write", lambda: win32file.WriteFile(s, b"x"))
show("IN: client write", lambda: win32file.WriteFile(c, b"x"))
show("IN: server read", lambda: win32file.ReadFile(s, 1))
show("IN: server info", lambda: win32pipe.GetNamedPipeInfo(s))
show("IN: client info", lambda: win32pipe.GetNamedPipeInfo(c))
close(c, s)
name = fresh()
s = server(name, om=OUTBOUND)
c = client(name, win32file.GENERIC_READ)
show("OUT: client write", lambda: win32file.WriteFile(c, b"x"))
show("OUT: server read", lambda: win32file.ReadFile(s, 1))
show("OUT: server write", lambda: win32file.WriteFile(s, b"x"))
show("OUT: client read", lambda: win32file.ReadFile(c, 1))
show(
    "OUT: client set message mode",
    lambda: win32pipe.SetNamedPipeHandleState(c, win32pipe.PIPE_READMODE_BYTE, None, None),
)
close(c, s)
name = fresh()
s = server(name)
c = client(name, 0)
show("0-access client: read", lambda: win32file.ReadFile(c, 1))
show("0-access client: write", lambda: win32file.WriteFile(c, b"x"))
show("0-access client: info", lambda: win32pipe.GetNamedPipeInfo(c))
show("0-access client: state", lambda: win32pipe.GetNamedPipeHandleState(c)[:2])
show(
    "0-access client: set state",
    lambda: win32pipe.SetNamedPipeHandleState(c, win32pipe.PIPE_READMODE_BYTE, None, None),
)
show("0-access client: peek", lambda: win32pipe.PeekNamedPipe(c, 1))
show("0-access: server connect", lambda: win32pipe.ConnectNamedPipe(s))
show("0-access: GetFileType", lambda: win32file.GetFileType(c))
close(c, s)

# --- 7. WaitNamedPipe -----------------------------------------------------------------------
show("WaitNamedPipe no pipe", lambda: win32pipe.WaitNamedPipe(fresh(), 0))
show("WaitNamedPipe no pipe 10", lambda: win32pipe.WaitNamedPipe(fresh(), 10))
show("WaitNamedPipe bad name", lambda: win32pipe.WaitNamedPipe("nopipe", 0))
show("WaitNamedPipe empty", lambda: win32pipe.WaitNamedPipe("", 0))
show("WaitNamedPipe prefix only", lambda: win32pipe.WaitNamedPipe("\\\\.\\pipe\\", 0))
show("WaitNamedPipe None", lambda: win32pipe.WaitNamedPipe(None, 0))
name = fresh()
s = server(name, n=2, timeout=30)
for t in (
    0,
    1,
    100,
    win32pipe.NMPWAIT_NOWAIT,
    win32pipe.NMPWAIT_USE_DEFAULT_WAIT,
    win32pipe.NMPWAIT_WAIT_FOREVER,
):
    print("WaitNamedPipe listening", t, "->", code(lambda: win32pipe.WaitNamedPipe(name, t)))
print("WaitNamedPipe upper case ->", code(lambda: win32pipe.WaitNamedPipe(name.upper(), 0)))
c = client(name)
print("WaitNamedPipe one busy of 2 ->", code(lambda: win32pipe.WaitNamedPipe(name, 0)))
for t in (0, 1, 30, win32pipe.NMPWAIT_NOWAIT, win32pipe.NMPWAIT_USE_DEFAULT_WAIT):
    print("WaitNamedPipe busy", t, "->", code(lambda: win32pipe.WaitNamedPipe(name, t)))
print(
    "WaitNamedPipe -2 (about 49 days) ->",
    Background(lambda: win32pipe.WaitNamedPipe(name, -2)).join(0.5),
)
show("WaitNamedPipe str", lambda: win32pipe.WaitNamedPipe(name, "1"))
bg = Background(lambda: win32pipe.WaitNamedPipe(name, win32pipe.NMPWAIT_WAIT_FOREVER))
s2 = server(name, n=2)  # a second instance listens: the waiter is released
print("WaitNamedPipe forever, released ->", bg.join())
close(c)
win32pipe.DisconnectNamedPipe(s)
show("WaitNamedPipe: disconnected instance, 2nd busy?", lambda: win32pipe.WaitNamedPipe(name, 0))
close(s, s2)
name = fresh()
s = server(name, timeout=0)
c = client(name)
show(
    "WaitNamedPipe default of 0 ms (50 ms)",
    lambda: win32pipe.WaitNamedPipe(name, win32pipe.NMPWAIT_USE_DEFAULT_WAIT),
)
close(c)
show("WaitNamedPipe busy after client closed", lambda: win32pipe.WaitNamedPipe(name, 0))
close(s)
show("WaitNamedPipe after server closed", lambda: win32pipe.WaitNamedPipe(name, 0))

# --- 8. message mode: partial reads, zero-length messages, peek -------------------------------
name = fresh()
s = server(name, pm=MSG)
c = client(name)
show("client state before", lambda: win32pipe.GetNamedPipeHandleState(c)[0])
show(
    "client to message mode",
    lambda: win32pipe.SetNamedPipeHandleState(c, win32pipe.PIPE_READMODE_MESSAGE, None, None),
)
show("client state after", lambda: win32pipe.GetNamedPipeHandleState(c)[0])
show("server state", lambda: win32pipe.GetNamedPipeHandleState(s)[0])
show("write hello world", lambda: win32file.WriteFile(s, b"hello world"))
show("write second", lambda: win32file.WriteFile(s, b"second"))
show("peek 0", lambda: win32pipe.PeekNamedPipe(c, 0))
show("peek 3", lambda: win32pipe.PeekNamedPipe(c, 3))
show("peek 100", lambda: win32pipe.PeekNamedPipe(c, 100))
show("read 5 of message", lambda: win32file.ReadFile(c, 5))
show("peek after partial", lambda: win32pipe.PeekNamedPipe(c, 100))
show("read 3 more", lambda: win32file.ReadFile(c, 3))
show("read rest", lambda: win32file.ReadFile(c, 100))
buf = win32file.AllocateReadBuffer(2)
show("read into 2-byte buffer", lambda: win32file.ReadFile(c, buf))
show("buffer", lambda: bytes(buf))
show("read rest of second", lambda: win32file.ReadFile(c, 100))
show("write empty message", lambda: win32file.WriteFile(s, b""))
show("peek empty message", lambda: win32pipe.PeekNamedPipe(c, 10))
show("write after empty", lambda: win32file.WriteFile(s, b"z"))
show("peek empty then z", lambda: win32pipe.PeekNamedPipe(c, 10))
show("read empty message", lambda: win32file.ReadFile(c, 10))
show("read z", lambda: win32file.ReadFile(c, 10))
show("write abc", lambda: win32file.WriteFile(s, b"abc"))
show("read 0 of abc", lambda: win32file.ReadFile(c, 0))
show("peek after read 0", lambda: win32pipe.PeekNamedPipe(c, 10))
show("read abc", lambda: win32file.ReadFile(c, 10))
show("write 3 msgs", lambda: [win32file.WriteFile(s, m) for m in (b"1", b"22", b"333")])
show("peek 3 msgs", lambda: win32pipe.PeekNamedPipe(c, 10))
show(
    "client to byte mode",
    lambda: win32pipe.SetNamedPipeHandleState(c, win32pipe.PIPE_READMODE_BYTE, None, None),
)
show("byte read across messages", lambda: win32file.ReadFile(c, 10))
show("client write", lambda: win32file.WriteFile(c, b"from client"))
show("server peek", lambda: win32pipe.PeekNamedPipe(s, 100))
show("server read 4", lambda: win32file.ReadFile(s, 4))
show(
    "server byte mode",
    lambda: win32pipe.SetNamedPipeHandleState(s, win32pipe.PIPE_READMODE_BYTE, None, None),
)
show("server byte read", lambda: win32file.ReadFile(s, 100))
show(
    "server message mode again",
    lambda: win32pipe.SetNamedPipeHandleState(s, win32pipe.PIPE_READMODE_MESSAGE, None, None),
)
show("server state 2", lambda: win32pipe.GetNamedPipeHandleState(s)[0])
close(c, s)

name = fresh()
s = server(name)  # byte pipe
c = client(name)
show("byte: write empty", lambda: win32file.WriteFile(s, b""))
show("byte: peek after empty", lambda: win32pipe.PeekNamedPipe(c, 10))
show("byte: write 2", lambda: [win32file.WriteFile(s, m) for m in (b"ab", b"cd")])
show("byte: peek", lambda: win32pipe.PeekNamedPipe(c, 3))
show("byte: read 3", lambda: win32file.ReadFile(c, 3))
show("byte: read 3 more", lambda: win32file.ReadFile(c, 3))
show(
    "byte: client message mode",
    lambda: win32pipe.SetNamedPipeHandleState(c, win32pipe.PIPE_READMODE_MESSAGE, None, None),
)
show(
    "byte: server message mode",
    lambda: win32pipe.SetNamedPipeHandleState(s, win32pipe.PIPE_READMODE_MESSAGE, None, None),
)
close(c, s)

name = fresh()
s = server(name, pm=win32pipe.PIPE_TYPE_MESSAGE)  # message type, byte read mode
c = client(name)
show("msg type byte read: server state", lambda: win32pipe.GetNamedPipeHandleState(s)[0])
win32file.WriteFile(c, b"one")
win32file.WriteFile(c, b"two")
show("msg type byte read: peek", lambda: win32pipe.PeekNamedPipe(s, 10))
show("msg type byte read: read 4", lambda: win32file.ReadFile(s, 4))
show("msg type byte read: read rest", lambda: win32file.ReadFile(s, 10))
close(c, s)

# --- 9. handle state and info ------------------------------------------------------------------
name = fresh()
s = server(name, pm=MSG, n=4, out=1000, inn=2000, timeout=77)
c = client(name)
show("info server", lambda: win32pipe.GetNamedPipeInfo(s))
show("info client", lambda: win32pipe.GetNamedPipeInfo(c))
show("state server", lambda: win32pipe.GetNamedPipeHandleState(s))
show("state client", lambda: win32pipe.GetNamedPipeHandleState(c))
show("state server collect", lambda: win32pipe.GetNamedPipeHandleState(s, 1))
show("state client collect", lambda: win32pipe.GetNamedPipeHandleState(c, True))
for label, args in (
    ("server count", (s, None, 10, None)),
    ("server timeout", (s, None, None, 10)),
    ("client count", (c, None, 10, None)),
    ("client timeout", (c, None, None, 10)),
    ("client both", (c, None, 10, 10)),
    ("client nowait", (c, win32pipe.PIPE_NOWAIT, None, None)),
    ("client wait", (c, win32pipe.PIPE_WAIT, None, None)),
    ("client 0", (c, 0, None, None)),
    ("client bad mode 4", (c, 4, None, None)),
    ("client bad mode 8", (c, 8, None, None)),
    ("client type bit", (c, win32pipe.PIPE_TYPE_MESSAGE, None, None)),
    ("client -1", (c, -1, None, None)),
    ("server msg|nowait", (s, win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_NOWAIT, None, None)),
    ("server msg|wait", (s, win32pipe.PIPE_READMODE_MESSAGE, None, None)),
):
    show("SetNamedPipeHandleState " + label, lambda: win32pipe.SetNamedPipeHandleState(*args))
show("state client after", lambda: win32pipe.GetNamedPipeHandleState(c)[:2])
show("state server after", lambda: win32pipe.GetNamedPipeHandleState(s)[:2])
show("info event", lambda: win32pipe.GetNamedPipeInfo(event()))
show("state event", lambda: win32pipe.GetNamedPipeHandleState(event()))
show("info bad handle", lambda: win32pipe.GetNamedPipeInfo(123456))
close(c, s)
show("info closed", lambda: win32pipe.GetNamedPipeInfo(s))
for pm in (0, win32pipe.PIPE_TYPE_MESSAGE, MSG, win32pipe.PIPE_NOWAIT):
    for om in (INBOUND, OUTBOUND, DUPLEX):
        name = fresh()
        s = server(name, om=om, pm=pm, n=255, out=10, inn=20)
        show("info om %d pm %d" % (om, pm), lambda: win32pipe.GetNamedPipeInfo(s))
        show("   state", lambda: win32pipe.GetNamedPipeHandleState(s)[:2])
        close(s)


# --- 10. TransactNamedPipe and CallNamedPipe --------------------------------------------------
def echo_server(s, count=1, reply=lambda m: b"re:" + m, size=100):
    def run():
        out = []
        win32pipe.ConnectNamedPipe(s, None)
        for _ in range(count):
            rc, data = win32file.ReadFile(s, size)
            out.append((rc, bytes(data)))
            win32file.WriteFile(s, reply(bytes(data)))
        return out

    return Background(run)


name = fresh()
s = server(name)
c = client(name)
show("transact byte pipe", lambda: win32pipe.TransactNamedPipe(c, b"x", 10))
show("transact byte pipe server", lambda: win32pipe.TransactNamedPipe(s, b"x", 10))
close(c, s)
name = fresh()
s = server(name, pm=MSG)
c = client(name)
show("transact msg type, client byte read mode", lambda: win32pipe.TransactNamedPipe(c, b"x", 10))
win32pipe.SetNamedPipeHandleState(c, win32pipe.PIPE_READMODE_MESSAGE, None, None)
win32file.WriteFile(s, b"pending")
show("transact with unread data", lambda: win32pipe.TransactNamedPipe(c, b"x", 10))
show("read unread", lambda: win32file.ReadFile(c, 10))
show("server got the failed transact's write?", lambda: win32pipe.PeekNamedPipe(s, 10))
close(c, s)
for label, size, reply in (
    ("fits", 100, None),
    ("long reply", 3, None),
    ("empty reply", 10, b""),
    ("size 0", 0, None),
):
    name = fresh()
    s = server(name, pm=MSG)
    bg = echo_server(s, reply=(lambda m, r=reply: r if r is not None else b"re:" + m))
    win32pipe.WaitNamedPipe(name, 5000)
    c = client(name)
    win32pipe.SetNamedPipeHandleState(c, win32pipe.PIPE_READMODE_MESSAGE, None, None)
    show("transact " + label, lambda: win32pipe.TransactNamedPipe(c, b"hello", size))
    show("  peek after", lambda: win32pipe.PeekNamedPipe(c, 100))
    print("  server ->", bg.join())
    close(c, s)
name = fresh()
s = server(name, pm=MSG)
bg = echo_server(s)
win32pipe.WaitNamedPipe(name, 5000)
c = client(name, flags=OVL)
win32pipe.SetNamedPipeHandleState(c, win32pipe.PIPE_READMODE_MESSAGE, None, None)
o = ovl()
buf = win32file.AllocateReadBuffer(50)
r = show(
    "transact overlapped", lambda: win32pipe.TransactNamedPipe(c, b"ovl", buf, o), values=False
)
show("transact overlapped rc", lambda: r[0] in (0, 997))
show("transact overlapped result", lambda: win32file.GetOverlappedResult(c, o, True))
show("transact overlapped data", lambda: bytes(buf[: o.InternalHigh]))
print("  server ->", bg.join())
close(c, s)
name = fresh()
s = server(name, pm=MSG)
c = client(name, flags=OVL)
win32pipe.SetNamedPipeHandleState(c, win32pipe.PIPE_READMODE_MESSAGE, None, None)
show("transact overlapped int size", lambda: shape(win32pipe.TransactNamedPipe(c, b"q", 10, ovl())))
show(
    "transact no ov on ov handle",
    lambda: win32pipe.TransactNamedPipe(c, b"q", 10) if False else "skipped",
)
close(c, s)
show("transact event", lambda: win32pipe.TransactNamedPipe(event(), b"x", 10))

show("CallNamedPipe no pipe", lambda: win32pipe.CallNamedPipe(fresh(), b"x", 10, 0))
show("CallNamedPipe bad name", lambda: win32pipe.CallNamedPipe("xx", b"x", 10, 0))
for label, pm, size, reply in (
    ("msg fits", MSG, 100, None),
    ("msg long reply", MSG, 3, None),
    ("msg empty reply", MSG, 10, b""),
    ("byte pipe", 0, 100, None),
    ("msg type, byte read", win32pipe.PIPE_TYPE_MESSAGE, 100, None),
):
    name = fresh()
    s = server(name, pm=pm)
    bg = echo_server(s, reply=(lambda m, r=reply: r if r is not None else b"re:" + m))
    win32pipe.WaitNamedPipe(name, 5000)
    show("CallNamedPipe " + label, lambda: win32pipe.CallNamedPipe(name, b"call", size, 1000))
    print("  server ->", bg.join())
    close(s)
name = fresh()
s = server(name, pm=MSG)
c = client(name)
show("CallNamedPipe busy 0", lambda: win32pipe.CallNamedPipe(name, b"x", 10, 0))
show("CallNamedPipe busy 20", lambda: win32pipe.CallNamedPipe(name, b"x", 10, 20))
show("CallNamedPipe str data", lambda: win32pipe.CallNamedPipe(name, "x", 10, 0))
close(c, s)

# --- 11. broken pipes ----------------------------------------------------------------------
for kind, pm in (("byte", 0), ("msg", MSG)):
    name = fresh()
    s = server(name, pm=pm)
    c = client(name)
    win32file.WriteFile(c, b"last words")
    close(c)
    show(kind + ": server peek, client gone", lambda: win32pipe.PeekNamedPipe(s, 100))
    show(kind + ": server read, client gone", lambda: win32file.ReadFile(s, 100))
    show(kind + ": server read again", lambda: win32file.ReadFile(s, 100))
    show(kind + ": server write, client gone", lambda: win32file.WriteFile(s, b"x"))
    show(kind + ": server peek drained", lambda: win32pipe.PeekNamedPipe(s, 100))
    show(kind + ": server flush", lambda: win32file.FlushFileBuffers(s))
    show(kind + ": server info", lambda: win32pipe.GetNamedPipeInfo(s))
    show(kind + ": server state", lambda: win32pipe.GetNamedPipeHandleState(s)[:2])
    show(kind + ": server transact", lambda: win32pipe.TransactNamedPipe(s, b"x", 10))
    show(
        kind + ": client pid after client gone",
        lambda: win32pipe.GetNamedPipeClientProcessId(s) == PID,
    )
    show(kind + ": new client while broken", lambda: client(name))
    close(s)

    name = fresh()
    s = server(name, pm=pm)
    c = client(name)
    win32file.WriteFile(s, b"bye")
    close(s)
    show(kind + ": client peek, server gone", lambda: win32pipe.PeekNamedPipe(c, 100))
    show(kind + ": client read, server gone", lambda: win32file.ReadFile(c, 100))
    show(kind + ": client read again", lambda: win32file.ReadFile(c, 100))
    show(kind + ": client write, server gone", lambda: win32file.WriteFile(c, b"x"))
    show(kind + ": client flush, server gone", lambda: win32file.FlushFileBuffers(c))
    show(kind + ": client info, server gone", lambda: win32pipe.GetNamedPipeInfo(c))
    show(kind + ": client state, server gone", lambda: win32pipe.GetNamedPipeHandleState(c)[:2])
    show(
        kind + ": client set state, server gone",
        lambda: win32pipe.SetNamedPipeHandleState(c, win32pipe.PIPE_READMODE_BYTE, None, None),
    )
    show(kind + ": client WaitNamedPipe, server gone", lambda: win32pipe.WaitNamedPipe(name, 0))
    close(c)

name = fresh()
s = server(name)
c = client(name)
show("write empty to closed-reader?", lambda: 1)
close(c)
show("server write empty, client gone", lambda: win32file.WriteFile(s, b""))
close(s)

# --- 12. overlapped reads, CancelIo, FlushFileBuffers ---------------------------------------
name = fresh()
s = server(name, om=DUPLEX | OVL, pm=MSG)
c = client(name, flags=OVL)
o = ovl()
show("ov read pending rc", lambda: win32file.ReadFile(s, 5, o)[0])
show("ov read nowait", lambda: win32file.GetOverlappedResult(s, o, False))
show("ov read nowait Internal", lambda: o.Internal)
show("ov handle signaled?", lambda: win32event.WaitForSingleObject(s, 0))
o2 = ovl()
show("ov second read pending rc", lambda: win32file.ReadFile(s, 5, o2)[0])
wo = ovl()
show("ov client write long message", lambda: win32file.WriteFile(c, b"0123456789", wo)[0])
show("ov client write result", lambda: win32file.GetOverlappedResult(c, wo, True))
show("ov read result (234?)", lambda: win32file.GetOverlappedResult(s, o, True))
show("ov read Internal", lambda: o.Internal & 0xFFFFFFFF)
show("ov read InternalHigh", lambda: o.InternalHigh)
show("ov second read result", lambda: win32file.GetOverlappedResult(s, o2, True))
show("ov second read InternalHigh", lambda: o2.InternalHigh)
o3 = ovl()
show("ov third read pending", lambda: win32file.ReadFile(s, 5, o3)[0])
show("CancelIo", lambda: win32file.CancelIo(s))
show("cancelled result", lambda: win32file.GetOverlappedResult(s, o3, True))
show("cancelled Internal", lambda: o3.Internal & 0xFFFFFFFF)
show("CancelIo again", lambda: win32file.CancelIo(s))
show("CancelIo client", lambda: win32file.CancelIo(c))
show(
    "CancelIoEx",
    lambda: win32file.CancelIoEx(s, None) if hasattr(win32file, "CancelIoEx") else "n/a",
)
o4 = ovl()
show(
    "read data ready rc",
    lambda: (win32file.WriteFile(c, b"ab", ovl()), win32file.ReadFile(s, 5, o4)[0])[1],
)
show("read data ready result", lambda: win32file.GetOverlappedResult(s, o4, True))
show("Flush server nothing pending", lambda: win32file.FlushFileBuffers(s))
close(c)
# (an overlapped ReadFile here, after the client closed, crashes pywin32 under Wine)
show("read after client closed", lambda: win32file.ReadFile(s, 5))
close(s)

name = fresh()
s = server(name, pm=MSG)
c = client(name)
win32file.WriteFile(s, b"to read")
bg = Background(lambda: win32file.FlushFileBuffers(s))
show("client reads so flush returns", lambda: win32file.ReadFile(c, 100))
print("flush ->", bg.join())
show("flush with nothing unread", lambda: win32file.FlushFileBuffers(s))
show("flush client", lambda: win32file.FlushFileBuffers(c))
close(c, s)

# --- 13. process and session ids, a client in a child process ------------------------------
names = [
    n
    for n in (
        "GetNamedPipeClientProcessId",
        "GetNamedPipeServerProcessId",
        "GetNamedPipeClientSessionId",
        "GetNamedPipeServerSessionId",
    )
    if hasattr(win32pipe, n)
]
print("win32pipe id functions:", names)
name = fresh()
s = server(name)
for fn in names:
    show(fn + " listening", lambda: getattr(win32pipe, fn)(s) == PID)
c = client(name)
for fn in names:
    show(fn + " server end", lambda: getattr(win32pipe, fn)(s) == PID)
    show(fn + " client end", lambda: getattr(win32pipe, fn)(c) == PID)
    show(fn + " event", lambda: getattr(win32pipe, fn)(event()))
win32pipe.DisconnectNamedPipe(s)
for fn in names:
    show(fn + " after disconnect", lambda: getattr(win32pipe, fn)(s) == PID)
close(c, s)

CHILD = r"""
import sys
try:
    import win32file
except ImportError:
    import apartment.win32
    apartment.win32.install()
    import win32file
import win32api, win32pipe
name = sys.argv[1]
win32pipe.WaitNamedPipe(name, 5000)
h = win32file.CreateFile(name, 0xC0000000, 0, None, 3, 0, None)
win32file.WriteFile(h, b"pid=%d" % win32api.GetCurrentProcessId())
print(win32pipe.GetNamedPipeServerProcessId(h) if hasattr(win32pipe, "GetNamedPipeServerProcessId") else -1)
sys.stdout.flush()
rc, data = win32file.ReadFile(h, 100)
win32file.WriteFile(h, b"got:" + bytes(data))
"""
name = fresh()
s = server(name, pm=MSG)
child = subprocess.Popen([sys.executable, "-c", CHILD, name], stdout=subprocess.PIPE)
print("child: connect ->", Background(lambda: win32pipe.ConnectNamedPipe(s, None)).join(60))
rc, data = win32file.ReadFile(s, 100)
cpid = int(bytes(data).split(b"=")[1])
print("child: its pid is Popen's ->", cpid == child.pid)
for fn in names:
    if "ProcessId" in fn:
        show(
            "child: " + fn,
            lambda: {PID: "me", cpid: "child"}.get(getattr(win32pipe, fn)(s), "other"),
        )
show("child: write", lambda: win32file.WriteFile(s, b"ping"))
show("child: reply", lambda: win32file.ReadFile(s, 100))
out = child.communicate(timeout=30)[0]
print("child: server pid it saw is mine ->", int(out.split()[0]) in (PID, -1))
show("child: read after it exited", lambda: win32file.ReadFile(s, 100))
show("child: write after it exited", lambda: win32file.WriteFile(s, b"x"))
show("child: connect after it exited", lambda: win32pipe.ConnectNamedPipe(s, None))
close(s)

# --- 14. mailslots ----------------------------------------------------------------------------
if hasattr(win32file, "CreateMailslot"):
    mtag = "\\\\.\\mailslot\\s30probe_%d_" % PID
    for label, nm in (
        ("plain", mtag + "a"),
        ("upper", mtag.upper() + "B"),
        ("inner backslash", mtag + "c\\d"),
        ("prefix only", "\\\\.\\mailslot\\"),
        ("no prefix", "s30mailslot"),
        ("pipe prefix", "\\\\.\\pipe\\s30ms"),
        ("empty", ""),
    ):
        h = show(
            "CreateMailslot " + label,
            lambda: win32file.CreateMailslot(nm, 0, 0, None),
            values=False,
        )
        if h is not None:
            show("  again", lambda: win32file.CreateMailslot(nm, 0, 0, None), values=False)
            show("  info", lambda: win32file.GetMailslotInfo(h))
            close(h)
    show("CreateMailslot None", lambda: win32file.CreateMailslot(None, 0, 0, None))
    show(
        "CreateMailslot -1 timeout",
        lambda: close(win32file.CreateMailslot(mtag + "e", 0, -1, None)),
    )
    show("CreateMailslot 3 args", lambda: close(win32file.CreateMailslot(mtag + "f", 0, 0)))
    nm = mtag + "g"
    m = win32file.CreateMailslot(nm, 5, 0, None)
    show("mailslot info empty", lambda: win32file.GetMailslotInfo(m))
    show("mailslot read timeout 0", lambda: win32file.ReadFile(m, 10))
    show("SetMailslotInfo 30", lambda: win32file.SetMailslotInfo(m, 30))
    show("mailslot info timeout 30", lambda: win32file.GetMailslotInfo(m))
    show("mailslot read timeout 30", lambda: win32file.ReadFile(m, 10))
    show(
        "mailslot client none",
        lambda: win32file.CreateFile(
            mtag + "none", win32file.GENERIC_WRITE, 1, None, OPEN, 0, None
        ),
    )
    mc = show(
        "mailslot client",
        lambda: win32file.CreateFile(
            nm, win32file.GENERIC_WRITE, win32file.FILE_SHARE_READ, None, OPEN, 0, None
        ),
        values=False,
    )
    show(
        "mailslot client share 0",
        lambda: close(win32file.CreateFile(nm, win32file.GENERIC_WRITE, 0, None, OPEN, 0, None)),
    )
    show(
        "mailslot client read access",
        lambda: close(win32file.CreateFile(nm, win32file.GENERIC_READ, 1, None, OPEN, 0, None)),
    )
    show(
        "mailslot client upper",
        lambda: close(
            win32file.CreateFile(nm.upper(), win32file.GENERIC_WRITE, 1, None, OPEN, 0, None)
        ),
    )
    show("mailslot write", lambda: win32file.WriteFile(mc, b"hello"))
    show("mailslot write longer than max", lambda: win32file.WriteFile(mc, b"0123456789"))
    show("mailslot write empty", lambda: win32file.WriteFile(mc, b""))
    show("mailslot info 3", lambda: win32file.GetMailslotInfo(m))
    show("mailslot read 2 (short)", lambda: win32file.ReadFile(m, 2))
    show("mailslot read", lambda: win32file.ReadFile(m, 100))
    show("mailslot read long", lambda: win32file.ReadFile(m, 100))
    show("mailslot info 1", lambda: win32file.GetMailslotInfo(m))
    show("mailslot read empty message", lambda: win32file.ReadFile(m, 100))
    show("mailslot info drained", lambda: win32file.GetMailslotInfo(m))
    show("mailslot client read", lambda: win32file.ReadFile(mc, 10))
    show("mailslot server write", lambda: win32file.WriteFile(m, b"x"))
    show("GetMailslotInfo client", lambda: win32file.GetMailslotInfo(mc))
    show("SetMailslotInfo client", lambda: win32file.SetMailslotInfo(mc, 0))
    show("GetMailslotInfo event", lambda: win32file.GetMailslotInfo(event()))
    show("SetMailslotInfo -1", lambda: win32file.SetMailslotInfo(m, -1))
    show("mailslot info forever", lambda: win32file.GetMailslotInfo(m)[3])
    show("SetMailslotInfo 0", lambda: win32file.SetMailslotInfo(m, 0))
    show("GetFileType mailslot", lambda: win32file.GetFileType(m))
    show("GetFileType mailslot client", lambda: win32file.GetFileType(mc))
    show("PeekNamedPipe mailslot", lambda: win32pipe.PeekNamedPipe(m, 10))
    show("GetNamedPipeInfo mailslot", lambda: win32pipe.GetNamedPipeInfo(m))
    close(m)
    show("mailslot write, server gone", lambda: win32file.WriteFile(mc, b"x"))
    close(mc)
else:
    print("no CreateMailslot")
print("done")
