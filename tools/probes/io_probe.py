"""Differential probe: overlapped basics of win32file and anonymous pipes of win32pipe (session 27).

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/io_probe.py
    .venv/bin/python -m apartment run tools/probes/io_probe.py

AllocateReadBuffer, ReadFile/WriteFile sizes and buffer kinds, GetOverlappedResult while
pending, CreatePipe sizes, PeekNamedPipe on anonymous pipes, SetNamedPipeHandleState with
None arguments. Errors as (type, winerror, funcname), never message texts.
"""

import os
import tempfile

import pywintypes
import win32api
import win32event
import win32file
import win32pipe


def shape(r):
    if isinstance(r, (list, tuple)):
        return type(r).__name__ + "(" + ",".join(shape(x) for x in r) + ")"
    return type(r).__name__


def show(label, fn, values=True):
    try:
        r = fn()
        if isinstance(r, memoryview):
            r = ("memoryview", bytes(r))
        print(label, "->", repr(r) if values else shape(r))
    except pywintypes.error as e:
        print(label, "!! error", e.winerror, e.funcname)
    except Exception as e:
        print(label, "!!", type(e).__name__)


# AllocateReadBuffer
show("AllocateReadBuffer type", lambda: type(win32file.AllocateReadBuffer(4)).__name__)
show("AllocateReadBuffer len", lambda: len(win32file.AllocateReadBuffer(4)))
show("AllocateReadBuffer 0", lambda: len(win32file.AllocateReadBuffer(0)))
show("AllocateReadBuffer -1", lambda: win32file.AllocateReadBuffer(-1))
show("AllocateReadBuffer str", lambda: win32file.AllocateReadBuffer("4"))
show("AllocateReadBuffer writable", lambda: not memoryview(win32file.AllocateReadBuffer(2)).readonly)
show("AllocateReadBuffer slice", lambda: type(win32file.AllocateReadBuffer(4)[:2]).__name__)

# a plain file
d = tempfile.mkdtemp()
path = os.path.join(d, "f.bin")
h = win32file.CreateFile(path, win32file.GENERIC_READ | win32file.GENERIC_WRITE, 0, None, win32file.CREATE_ALWAYS, 0, None)
show("WriteFile bytes", lambda: win32file.WriteFile(h, b"hello world"))
show("WriteFile empty", lambda: win32file.WriteFile(h, b""))
show("WriteFile bytearray", lambda: win32file.WriteFile(h, bytearray(b"!")))
show("WriteFile memoryview", lambda: win32file.WriteFile(h, memoryview(b"?")))
show("WriteFile str", lambda: win32file.WriteFile(h, "s"))
show("WriteFile int", lambda: win32file.WriteFile(h, 5))
show("WriteFile None", lambda: win32file.WriteFile(h, None))
win32file.SetFilePointer(h, 0, win32file.FILE_BEGIN)
show("ReadFile 0", lambda: win32file.ReadFile(h, 0))
show("ReadFile 5", lambda: win32file.ReadFile(h, 5))
buf = win32file.AllocateReadBuffer(3)
show("ReadFile buffer", lambda: win32file.ReadFile(h, buf))
show("buffer after", lambda: bytes(buf))
show("ReadFile bytearray", lambda: win32file.ReadFile(h, bytearray(2)))
show("ReadFile bytes (readonly)", lambda: win32file.ReadFile(h, b"xx"))
show("ReadFile -1", lambda: win32file.ReadFile(h, -1))
show("ReadFile big at end", lambda: win32file.ReadFile(h, 100))
show("ReadFile at EOF", lambda: win32file.ReadFile(h, 10))
show("ReadFile zero buffer", lambda: win32file.ReadFile(h, win32file.AllocateReadBuffer(0)))
show("ReadFile None", lambda: win32file.ReadFile(h, None))
h.Close()

# overlapped on a file
ho = win32file.CreateFile(path, win32file.GENERIC_READ | win32file.GENERIC_WRITE, 0, None, win32file.OPEN_EXISTING, win32file.FILE_FLAG_OVERLAPPED, None)
ov = pywintypes.OVERLAPPED()
ov.hEvent = win32event.CreateEvent(None, True, False, None)
ov.Offset = 6
show("ov ReadFile int size", lambda: win32file.ReadFile(ho, 5, ov), values=False)


def read_ov():
    b = win32file.AllocateReadBuffer(5)
    o = pywintypes.OVERLAPPED()
    o.hEvent = win32event.CreateEvent(None, True, False, None)
    rc, data = win32file.ReadFile(ho, b, o)
    n = win32file.GetOverlappedResult(ho, o, True)
    return rc in (0, 997), n, bytes(data[:n]), data is b
show("ov ReadFile buffer", read_ov)


def read_ov_eof():
    o = pywintypes.OVERLAPPED()
    o.hEvent = win32event.CreateEvent(None, True, False, None)
    o.Offset = 1000
    try:
        rc, data = win32file.ReadFile(ho, 5, o)
    except pywintypes.error as e:
        return "ReadFile", e.winerror
    try:
        return rc, win32file.GetOverlappedResult(ho, o, True)
    except pywintypes.error as e:
        return "GetOverlappedResult", e.winerror
show("ov ReadFile past EOF", read_ov_eof)


def write_ov():
    o = pywintypes.OVERLAPPED()
    o.hEvent = win32event.CreateEvent(None, True, False, None)
    o.Offset = 0
    rc, n = win32file.WriteFile(ho, b"HE", o)
    return rc in (0, 997), win32file.GetOverlappedResult(ho, o, True)
show("ov WriteFile", write_ov)
show("ov no OVERLAPPED on overlapped handle", lambda: win32file.ReadFile(ho, 2))
show("ov GetOverlappedResult fresh", lambda: win32file.GetOverlappedResult(ho, pywintypes.OVERLAPPED(), False))
show("OVERLAPPED Internal fresh", lambda: pywintypes.OVERLAPPED().Internal)
show("HasOverlappedIoCompleted", lambda: win32file.HasOverlappedIoCompleted(pywintypes.OVERLAPPED()) if hasattr(win32file, "HasOverlappedIoCompleted") else "n/a")
ho.Close()

# anonymous pipes
show("CreatePipe shape", lambda: win32pipe.CreatePipe(None, 0), values=False)
show("CreatePipe 1", lambda: win32pipe.CreatePipe(None, 1), values=False)
show("CreatePipe 1<<20", lambda: win32pipe.CreatePipe(None, 1 << 20), values=False)
show("CreatePipe -1", lambda: win32pipe.CreatePipe(None, -1), values=False)
show("CreatePipe str", lambda: win32pipe.CreatePipe(None, "x"), values=False)
show("CreatePipe sa", lambda: win32pipe.CreatePipe(pywintypes.SECURITY_ATTRIBUTES(), 0), values=False)
r, w = win32pipe.CreatePipe(None, 0)
show("Peek empty", lambda: win32pipe.PeekNamedPipe(r, 0))
show("Peek empty 10", lambda: win32pipe.PeekNamedPipe(r, 10))
show("write 5", lambda: win32file.WriteFile(w, b"abcde"))
show("Peek 0", lambda: win32pipe.PeekNamedPipe(r, 0))
show("Peek 3", lambda: win32pipe.PeekNamedPipe(r, 3))
show("Peek 100", lambda: win32pipe.PeekNamedPipe(r, 100))
show("Peek -1", lambda: win32pipe.PeekNamedPipe(r, -1))
show("Peek write end", lambda: win32pipe.PeekNamedPipe(w, 10))
show("read 2", lambda: win32file.ReadFile(r, 2))
show("Peek after read", lambda: win32pipe.PeekNamedPipe(r, 10))
show("write 2 more", lambda: win32file.WriteFile(w, b"fg"))
show("Peek two writes", lambda: win32pipe.PeekNamedPipe(r, 10))
show("read 10", lambda: win32file.ReadFile(r, 10))
show("write read end", lambda: win32file.WriteFile(r, b"x"))
show("read write end", lambda: win32file.ReadFile(w, 1))
show("GetNamedPipeInfo anon r", lambda: win32pipe.GetNamedPipeInfo(r))
show("GetNamedPipeHandleState anon", lambda: win32pipe.GetNamedPipeHandleState(r)[:3])
show("SetNamedPipeHandleState None x3", lambda: win32pipe.SetNamedPipeHandleState(r, None, None, None))
show("SetNamedPipeHandleState nowait", lambda: win32pipe.SetNamedPipeHandleState(r, win32pipe.PIPE_NOWAIT, None, None))
show("read empty nowait", lambda: win32file.ReadFile(r, 1))
show("SetNamedPipeHandleState wait", lambda: win32pipe.SetNamedPipeHandleState(r, win32pipe.PIPE_WAIT, None, None))
show("SetNamedPipeHandleState message mode", lambda: win32pipe.SetNamedPipeHandleState(r, win32pipe.PIPE_READMODE_MESSAGE, None, None))
show("SetNamedPipeHandleState count", lambda: win32pipe.SetNamedPipeHandleState(w, None, 10, None))
show("SetNamedPipeHandleState timeout", lambda: win32pipe.SetNamedPipeHandleState(w, None, None, 10))
show("SetNamedPipeHandleState 3 args", lambda: win32pipe.SetNamedPipeHandleState(r, None, None))
show("SetNamedPipeHandleState event", lambda: win32pipe.SetNamedPipeHandleState(win32event.CreateEvent(None, 0, 0, None), None, None, None))
w.Close()
show("Peek writer closed", lambda: win32pipe.PeekNamedPipe(r, 10))
show("read writer closed", lambda: win32file.ReadFile(r, 10))
r.Close()
r2, w2 = win32pipe.CreatePipe(None, 0)
r2.Close()
show("write reader closed", lambda: win32file.WriteFile(w2, b"x"))
show("Peek event", lambda: win32pipe.PeekNamedPipe(win32event.CreateEvent(None, 0, 0, None), 1))
show("Peek bad", lambda: win32pipe.PeekNamedPipe(123456, 1))
show("Peek file", lambda: win32pipe.PeekNamedPipe(win32file.CreateFile(path, win32file.GENERIC_READ, 0, None, win32file.OPEN_EXISTING, 0, None), 1))
show("GetFileType pipe", lambda: win32file.GetFileType(win32pipe.CreatePipe(None, 0)[0]))
show("CloseHandle(PyHANDLE) pipe", lambda: win32api.CloseHandle(win32pipe.CreatePipe(None, 0)[1]))

# a pending overlapped read on a named pipe: GetOverlappedResult without waiting, CancelIo
pname = "\\\\.\\pipe\\s27probe_" + str(win32api.GetCurrentProcessId())
srv = win32pipe.CreateNamedPipe(pname, win32pipe.PIPE_ACCESS_DUPLEX | win32file.FILE_FLAG_OVERLAPPED, win32pipe.PIPE_TYPE_BYTE, 1, 4096, 4096, 0, None)
cli = win32file.CreateFile(pname, win32file.GENERIC_READ | win32file.GENERIC_WRITE, 0, None, win32file.OPEN_EXISTING, 0, None)
show("ConnectNamedPipe after client", lambda: win32pipe.ConnectNamedPipe(srv, None))
po = pywintypes.OVERLAPPED()
po.hEvent = win32event.CreateEvent(None, True, False, None)
show("pending ReadFile rc", lambda: win32file.ReadFile(srv, 4, po)[0])
show("pending event", lambda: win32event.WaitForSingleObject(po.hEvent, 0))
show("GetOverlappedResult no wait", lambda: win32file.GetOverlappedResult(srv, po, False))
show("GetOverlappedResult no wait again", lambda: win32file.GetOverlappedResult(srv, po, 0))
show("Internal while pending", lambda: po.Internal)
show("write 3", lambda: win32file.WriteFile(cli, b"xyz"))
show("GetOverlappedResult wait", lambda: win32file.GetOverlappedResult(srv, po, True))
show("Internal done", lambda: po.Internal)
show("InternalHigh done", lambda: po.InternalHigh)
po2 = pywintypes.OVERLAPPED()
po2.hEvent = win32event.CreateEvent(None, True, False, None)
show("second pending ReadFile rc", lambda: win32file.ReadFile(srv, 4, po2)[0])
show("CancelIo", lambda: win32file.CancelIo(srv))
show("GetOverlappedResult cancelled", lambda: win32file.GetOverlappedResult(srv, po2, True))
show("Internal cancelled", lambda: po2.Internal & 0xFFFFFFFF)
show("GetOverlappedResult other handle", lambda: win32file.GetOverlappedResult(cli, po2, False))
show("CancelIo nothing pending", lambda: win32file.CancelIo(srv))
show("CancelIo event handle", lambda: win32file.CancelIo(po2.hEvent))
show("GetOverlappedResult no event", lambda: win32file.GetOverlappedResult(srv, pywintypes.OVERLAPPED(), False))
cli.Close()
srv.Close()
