"""Differential probe: pythoncom marshaling, the GIT and IDispatch errors (session 29).

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/com_marshal_probe.py
    .venv/bin/python -m apartment run tools/probes/com_marshal_probe.py

Objects are Python servers made with win32com.server.util.wrap (no registration), living
in the main thread's STA. CoMarshalInterThreadInterfaceInStream and
CoGetInterfaceAndReleaseStream (twice, wrong arguments), CoMarshalInterface/
CoUnmarshalInterface with MSHCTX_/MSHLFLAGS_ values and stream positions,
CreateStreamOnHGlobal, CoReleaseMarshalData, a proxy called from a thread of another
apartment (RPC_E_WRONG_THREAD) or after CoUninitialize, CoInitializeEx twice with
different models, the global interface table, IDispatch Invoke/GetIDsOfNames errors (member
not found, parameter counts, argerr) and the com_error tuple shapes. Errors as (type,
hresult or winerror, argerror where there is one), never message texts.
"""

import threading

import pythoncom
import pywintypes
import win32con
import win32event
from win32com.server.exception import COMException
from win32com.server.util import wrap


class Server:
    _public_methods_ = ["Add", "Fail", "Echo", "NoArgs", "Thread"]
    _public_attrs_ = ["value"]
    _readonly_attrs_ = []

    def __init__(self):
        self.value = 5

    def Add(self, a, b):
        return a + b

    def Fail(self, code):
        raise COMException(desc="failed", scode=code)

    def Echo(self, *args):
        return args

    def NoArgs(self):
        return 1

    def Thread(self):
        return threading.get_ident() == MAIN


MAIN = threading.get_ident()


def kind(r):
    name = type(r).__name__
    if name.startswith("PyI"):
        return name
    return repr(r)


def outcome(fn):
    try:
        r = fn()
        if isinstance(r, tuple):
            return "(" + ", ".join(kind(x) for x in r) + ")"
        return kind(r)
    except pythoncom.com_error as e:
        arg = e.args[3] if len(e.args) > 3 else None
        exc = e.args[2] if len(e.args) > 2 else None
        shape = None if exc is None else (len(exc), exc[5] if len(exc) > 5 else None)
        return f"!! com_error {e.hresult} len={len(e.args)} excepinfo={shape} argerr={arg}"
    except pywintypes.error as e:
        return f"!! error {e.winerror} {e.funcname}"
    except Exception as e:
        return f"!! {type(e).__name__}"


def show(label, fn):
    print(label, "->", outcome(fn))


def on_thread(label, *steps):
    out = []
    done = win32event.CreateEvent(None, True, False, None)

    def body():
        try:
            for step in steps:
                out.append(outcome(step))
        finally:
            win32event.SetEvent(done)

    t = threading.Thread(target=body)
    t.start()
    while True:  # the objects live here: pump while the thread calls in
        rc = win32event.MsgWaitForMultipleObjects([done], 0, 20000, win32event.QS_ALLINPUT)
        if rc != win32event.WAIT_OBJECT_0 + 1:
            break
        pythoncom.PumpWaitingMessages()
    t.join(20)
    print(label, "->", out if rc == win32event.WAIT_OBJECT_0 else out + ["TIMEOUT"])


pythoncom.CoInitialize()
obj = wrap(Server(), useDispatcher=False)
IID = pythoncom.IID_IDispatch
show("wrap type", lambda: obj)
show("QueryInterface IUnknown", lambda: obj.QueryInterface(pythoncom.IID_IUnknown))
show("QueryInterface IStream", lambda: obj.QueryInterface(pythoncom.IID_IStream))
show("QueryInterface bad iid", lambda: obj.QueryInterface("{00000000-0000-0000-0000-000000000077}"))

# --- inter-thread streams ------------------------------------------------------------------------
stream = pythoncom.CoMarshalInterThreadInterfaceInStream(IID, obj)
show("stream type", lambda: stream)
show("stream Stat size>0", lambda: stream.Stat()[2] > 0)
show("stream position", lambda: stream.Seek(0, pythoncom.STREAM_SEEK_CUR))
show("GetInterfaceAndReleaseStream same thread", lambda: pythoncom.CoGetInterfaceAndReleaseStream(stream, IID))
show("  again", lambda: pythoncom.CoGetInterfaceAndReleaseStream(stream, IID))
s2 = pythoncom.CoMarshalInterThreadInterfaceInStream(IID, obj)
on_thread("other STA unmarshals and calls", pythoncom.CoInitialize, lambda: pythoncom.CoGetInterfaceAndReleaseStream(s2, IID), pythoncom.CoUninitialize)
s3 = pythoncom.CoMarshalInterThreadInterfaceInStream(IID, obj)
seen = {}


def unmarshal_and_call():
    d = pythoncom.CoGetInterfaceAndReleaseStream(s3, IID)
    seen["proxy"] = d
    return d.Invoke(d.GetIDsOfNames("Add"), 0, pythoncom.DISPATCH_METHOD, True, 2, 3)




def nested(*steps):
    """Run steps on a further thread while this one blocks (no pumping) and return outcomes."""
    out = []
    t = threading.Thread(target=lambda: out.extend(outcome(step) for step in steps))
    t.start()
    t.join(20)
    return out


def use_proxy():
    d = seen["proxy"]
    add = d.GetIDsOfNames("Add")
    return (
        nested(lambda: pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED), lambda: d.GetIDsOfNames("Add"), lambda: d.Invoke(add, 0, pythoncom.DISPATCH_METHOD, True, 1, 2), pythoncom.CoUninitialize),
        nested(pythoncom.CoInitialize, lambda: d.GetIDsOfNames("Add"), pythoncom.CoUninitialize),
        nested(lambda: d.GetIDsOfNames("Add")),
    )


def release_proxy():
    seen.clear()


on_thread(
    "STA thread calls through proxy",
    pythoncom.CoInitialize,
    unmarshal_and_call,
    lambda: seen["proxy"].Invoke(seen["proxy"].GetIDsOfNames("Thread"), 0, pythoncom.DISPATCH_METHOD, True),
    lambda: print("  proxy used from MTA, other STA, no apartment ->", use_proxy()),
    release_proxy,
    pythoncom.CoUninitialize,
)
on_thread("main object used from another STA", pythoncom.CoInitialize, lambda: obj.GetIDsOfNames("Add"), pythoncom.CoUninitialize)
s4 = pythoncom.CoMarshalInterThreadInterfaceInStream(IID, obj)
kept = {}
on_thread(
    "proxy after CoUninitialize",
    pythoncom.CoInitialize,
    lambda: kept.setdefault("p", pythoncom.CoGetInterfaceAndReleaseStream(s4, IID)),
    pythoncom.CoUninitialize,
    lambda: kept["p"].GetIDsOfNames("Add"),
    lambda: kept.clear(),
)
kept.clear()
on_thread("marshal in uninitialized thread", lambda: pythoncom.CoMarshalInterThreadInterfaceInStream(IID, obj))
s5 = pythoncom.CoMarshalInterThreadInterfaceInStream(IID, obj)
on_thread("unmarshal in uninitialized thread", lambda: pythoncom.CoGetInterfaceAndReleaseStream(s5, IID))
show("CoMarshalInterThreadInterfaceInStream None", lambda: pythoncom.CoMarshalInterThreadInterfaceInStream(IID, None))
show("CoMarshalInterThreadInterfaceInStream int", lambda: pythoncom.CoMarshalInterThreadInterfaceInStream(IID, 5))
show("CoMarshalInterThreadInterfaceInStream bad iid", lambda: pythoncom.CoMarshalInterThreadInterfaceInStream("x", obj))
show("CoMarshalInterThreadInterfaceInStream IStream of dispatch", lambda: pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IStream, obj))
show("CoGetInterfaceAndReleaseStream None", lambda: pythoncom.CoGetInterfaceAndReleaseStream(None, IID))
show("CoGetInterfaceAndReleaseStream empty stream", lambda: pythoncom.CoGetInterfaceAndReleaseStream(pythoncom.CreateStreamOnHGlobal(), IID))
s6 = pythoncom.CoMarshalInterThreadInterfaceInStream(IID, obj)
show("CoGetInterfaceAndReleaseStream other iid", lambda: pythoncom.CoGetInterfaceAndReleaseStream(s6, pythoncom.IID_IUnknown))
s7 = pythoncom.CoMarshalInterThreadInterfaceInStream(IID, obj)
show("CoGetInterfaceAndReleaseStream missing iid", lambda: pythoncom.CoGetInterfaceAndReleaseStream(s7, pythoncom.IID_IStream))

# --- CreateStreamOnHGlobal ------------------------------------------------------------------------
show("CreateStreamOnHGlobal ()", lambda: pythoncom.CreateStreamOnHGlobal())
show("CreateStreamOnHGlobal (None, True)", lambda: pythoncom.CreateStreamOnHGlobal(None, True))
show("CreateStreamOnHGlobal (0, False)", lambda: pythoncom.CreateStreamOnHGlobal(0, False))
show("CreateStreamOnHGlobal str", lambda: pythoncom.CreateStreamOnHGlobal("x"))
hs = pythoncom.CreateStreamOnHGlobal()
show("Write", lambda: hs.Write(b"abcdef"))
show("Write str", lambda: hs.Write("abc"))
show("Seek 0 SET", lambda: hs.Seek(0, pythoncom.STREAM_SEEK_SET))
show("Read 3", lambda: hs.Read(3))
show("Read 100", lambda: hs.Read(100))
show("Read 0", lambda: hs.Read(0))
show("Seek -1 SET", lambda: hs.Seek(-1, pythoncom.STREAM_SEEK_SET))
show("Seek 0 END", lambda: hs.Seek(0, pythoncom.STREAM_SEEK_END))
show("Seek 100 END", lambda: hs.Seek(100, pythoncom.STREAM_SEEK_END))
show("Seek bad origin", lambda: hs.Seek(0, 7))
show("Stat", lambda: hs.Stat()[:3])
show("SetSize 2", lambda: hs.SetSize(2))
show("Stat after SetSize", lambda: hs.Stat()[2])
show("Clone", lambda: hs.Clone())
show("Commit", lambda: hs.Commit(0))
show("Revert", lambda: hs.Revert())
show("LockRegion", lambda: hs.LockRegion(0, 1, 0))

# --- CoMarshalInterface / CoUnmarshalInterface -----------------------------------------------------
for ctx in (pythoncom.MSHCTX_INPROC, pythoncom.MSHCTX_LOCAL, pythoncom.MSHCTX_NOSHAREDMEM, pythoncom.MSHCTX_DIFFERENTMACHINE, 99):
    for flags in (pythoncom.MSHLFLAGS_NORMAL, pythoncom.MSHLFLAGS_TABLESTRONG, pythoncom.MSHLFLAGS_TABLEWEAK, pythoncom.MSHLFLAGS_NOPING, 99):
        ms = pythoncom.CreateStreamOnHGlobal()
        label = f"CoMarshalInterface ctx={ctx} flags={flags}"
        r = outcome(lambda: pythoncom.CoMarshalInterface(ms, IID, obj, ctx, flags))
        print(label, "->", r)
        if r.startswith("!!"):
            continue
        show("  position > 0", lambda: ms.Seek(0, pythoncom.STREAM_SEEK_CUR) > 0)
        ms.Seek(0, pythoncom.STREAM_SEEK_SET)
        show("  unmarshal", lambda: pythoncom.CoUnmarshalInterface(ms, IID))
        ms.Seek(0, pythoncom.STREAM_SEEK_SET)
        show("  unmarshal again", lambda: pythoncom.CoUnmarshalInterface(ms, IID))
        ms.Seek(0, pythoncom.STREAM_SEEK_SET)
        show("  release marshal data", lambda: pythoncom.CoReleaseMarshalData(ms))
        ms.Seek(0, pythoncom.STREAM_SEEK_SET)
        show("  release marshal data again", lambda: pythoncom.CoReleaseMarshalData(ms))
        ms.Seek(0, pythoncom.STREAM_SEEK_SET)
        show("  unmarshal after release", lambda: pythoncom.CoUnmarshalInterface(ms, IID))
ms = pythoncom.CreateStreamOnHGlobal()
show("CoMarshalInterface 3 args", lambda: pythoncom.CoMarshalInterface(ms, IID, obj))
show("CoMarshalInterface 4 args", lambda: pythoncom.CoMarshalInterface(ms, IID, obj, 0))
show("CoMarshalInterface None object", lambda: pythoncom.CoMarshalInterface(ms, IID, None, 0, 0))
show("CoMarshalInterface None stream", lambda: pythoncom.CoMarshalInterface(None, IID, obj, 0, 0))
show("CoMarshalInterface unsupported iid", lambda: pythoncom.CoMarshalInterface(pythoncom.CreateStreamOnHGlobal(), pythoncom.IID_IStream, obj, 0, 0))
show("CoUnmarshalInterface empty", lambda: pythoncom.CoUnmarshalInterface(pythoncom.CreateStreamOnHGlobal(), IID))
show("CoUnmarshalInterface garbage", lambda: (lambda s: (s.Write(b"\x00" * 64), s.Seek(0, 0), pythoncom.CoUnmarshalInterface(s, IID))[2])(pythoncom.CreateStreamOnHGlobal()))
show("CoUnmarshalInterface at end", lambda: (lambda s: (pythoncom.CoMarshalInterface(s, IID, obj, 0, 0), pythoncom.CoUnmarshalInterface(s, IID))[1])(pythoncom.CreateStreamOnHGlobal()))
show("CoReleaseMarshalData empty", lambda: pythoncom.CoReleaseMarshalData(pythoncom.CreateStreamOnHGlobal()))
ts = pythoncom.CreateStreamOnHGlobal()
pythoncom.CoMarshalInterface(ts, IID, obj, pythoncom.MSHCTX_INPROC, pythoncom.MSHLFLAGS_TABLESTRONG)


def from_table():
    ts.Seek(0, pythoncom.STREAM_SEEK_SET)
    d = pythoncom.CoUnmarshalInterface(ts, IID)
    return d.Invoke(d.GetIDsOfNames("Add"), 0, pythoncom.DISPATCH_METHOD, True, 1, 1)


on_thread("tablestrong unmarshal twice on STA", pythoncom.CoInitialize, from_table, from_table, pythoncom.CoUninitialize)
ts.Seek(0, pythoncom.STREAM_SEEK_SET)
show("tablestrong release", lambda: pythoncom.CoReleaseMarshalData(ts))

# --- initialization models ------------------------------------------------------------------------
STA, MTA = pythoncom.COINIT_APARTMENTTHREADED, pythoncom.COINIT_MULTITHREADED
CU = pythoncom.CoUninitialize
on_thread("STA STA", lambda: pythoncom.CoInitializeEx(STA), lambda: pythoncom.CoInitializeEx(STA), CU, CU)
on_thread("STA MTA", lambda: pythoncom.CoInitializeEx(STA), lambda: pythoncom.CoInitializeEx(MTA), CU)
on_thread("MTA STA", lambda: pythoncom.CoInitializeEx(MTA), lambda: pythoncom.CoInitializeEx(STA), CU)
on_thread("MTA MTA", lambda: pythoncom.CoInitializeEx(MTA), lambda: pythoncom.CoInitializeEx(MTA), CU, CU)
on_thread("MTA then CoInitialize", lambda: pythoncom.CoInitializeEx(MTA), pythoncom.CoInitialize, CU)
on_thread("CoInitializeEx bad flag", lambda: pythoncom.CoInitializeEx(0x100))
on_thread("CoInitializeEx STA|DISABLE_OLE1DDE", lambda: pythoncom.CoInitializeEx(STA | pythoncom.COINIT_DISABLE_OLE1DDE), CU)
on_thread("CoInitializeEx STA|SPEED_OVER_MEMORY", lambda: pythoncom.CoInitializeEx(STA | pythoncom.COINIT_SPEED_OVER_MEMORY), CU)
on_thread("CoInitializeEx None", lambda: pythoncom.CoInitializeEx(None))
on_thread("CoInitializeEx str", lambda: pythoncom.CoInitializeEx("x"))
on_thread("CoUninitialize uninitialized", CU)
on_thread("uninit, re-init other model", lambda: pythoncom.CoInitializeEx(STA), CU, lambda: pythoncom.CoInitializeEx(MTA), CU)
on_thread("CreateStreamOnHGlobal uninitialized", pythoncom.CreateStreamOnHGlobal)
on_thread("GIT uninitialized", lambda: pythoncom.CoCreateInstance(pythoncom.CLSID_StdGlobalInterfaceTable, None, pythoncom.CLSCTX_INPROC_SERVER, pythoncom.IID_IGlobalInterfaceTable))

# --- the global interface table ---------------------------------------------------------------------
git = pythoncom.CoCreateInstance(pythoncom.CLSID_StdGlobalInterfaceTable, None, pythoncom.CLSCTX_INPROC_SERVER, pythoncom.IID_IGlobalInterfaceTable)
show("GIT type", lambda: git)
cookie = git.RegisterInterfaceInGlobal(obj, IID)
show("cookie type", lambda: type(cookie).__name__)
show("cookie nonzero", lambda: cookie != 0)
show("GetInterfaceFromGlobal", lambda: git.GetInterfaceFromGlobal(cookie, IID))
show("GetInterfaceFromGlobal IUnknown", lambda: git.GetInterfaceFromGlobal(cookie, pythoncom.IID_IUnknown))
show("GetInterfaceFromGlobal IStream", lambda: git.GetInterfaceFromGlobal(cookie, pythoncom.IID_IStream))
show("GetInterfaceFromGlobal 0", lambda: git.GetInterfaceFromGlobal(0, IID))
show("GetInterfaceFromGlobal bad cookie", lambda: git.GetInterfaceFromGlobal(cookie + 0x1000, IID))
cookie2 = git.RegisterInterfaceInGlobal(obj, IID)
show("second cookie differs", lambda: cookie2 != cookie)
on_thread("GIT from STA thread", pythoncom.CoInitialize, lambda: git.GetInterfaceFromGlobal(cookie, IID), lambda: git.GetInterfaceFromGlobal(cookie, IID).Invoke(1000, 0, pythoncom.DISPATCH_PROPERTYGET, True), CU)
on_thread("GIT from MTA thread", lambda: pythoncom.CoInitializeEx(MTA), lambda: git.GetInterfaceFromGlobal(cookie, IID), CU)
on_thread("GIT from uninitialized thread", lambda: git.GetInterfaceFromGlobal(cookie, IID))
show("RevokeInterfaceFromGlobal", lambda: git.RevokeInterfaceFromGlobal(cookie))
show("  again", lambda: git.RevokeInterfaceFromGlobal(cookie))
show("  get after revoke", lambda: git.GetInterfaceFromGlobal(cookie, IID))
show("Revoke 0", lambda: git.RevokeInterfaceFromGlobal(0))
show("Register None", lambda: git.RegisterInterfaceInGlobal(None, IID))
show("Register unsupported iid", lambda: git.RegisterInterfaceInGlobal(obj, pythoncom.IID_IStream))
show("Register a stream", lambda: git.RevokeInterfaceFromGlobal(git.RegisterInterfaceInGlobal(pythoncom.CreateStreamOnHGlobal(), pythoncom.IID_IStream)))
show("Revoke second", lambda: git.RevokeInterfaceFromGlobal(cookie2))
git2 = pythoncom.CoCreateInstance(pythoncom.CLSID_StdGlobalInterfaceTable, None, pythoncom.CLSCTX_INPROC_SERVER, pythoncom.IID_IGlobalInterfaceTable)
c3 = git.RegisterInterfaceInGlobal(obj, IID)
show("GIT is a singleton (cookie seen by second)", lambda: git2.GetInterfaceFromGlobal(c3, IID))
git2.RevokeInterfaceFromGlobal(c3)

# --- IDispatch errors -----------------------------------------------------------------------------
M, G, P = pythoncom.DISPATCH_METHOD, pythoncom.DISPATCH_PROPERTYGET, pythoncom.DISPATCH_PROPERTYPUT
show("GetIDsOfNames Add", lambda: obj.GetIDsOfNames("Add"))
show("GetIDsOfNames add (case)", lambda: obj.GetIDsOfNames("add"))
show("GetIDsOfNames missing", lambda: obj.GetIDsOfNames("Missing"))
show("GetIDsOfNames with args", lambda: obj.GetIDsOfNames("Add", "a", "b"))
show("GetIDsOfNames tuple", lambda: obj.GetIDsOfNames(("Add",)))
show("GetIDsOfNames ''", lambda: obj.GetIDsOfNames(""))
show("GetIDsOfNames None", lambda: obj.GetIDsOfNames(None))
show("GetIDsOfNames int", lambda: obj.GetIDsOfNames(5))
ADD = obj.GetIDsOfNames("Add")
VALUE = obj.GetIDsOfNames("value")
FAIL = obj.GetIDsOfNames("Fail")
ECHO = obj.GetIDsOfNames("Echo")
NOARGS = obj.GetIDsOfNames("NoArgs")
show("Invoke Add", lambda: obj.Invoke(ADD, 0, M, True, 2, 3))
show("Invoke Add no result", lambda: obj.Invoke(ADD, 0, M, False, 2, 3))
show("Invoke Add one arg", lambda: obj.Invoke(ADD, 0, M, True, 2))
show("Invoke Add three args", lambda: obj.Invoke(ADD, 0, M, True, 1, 2, 3))
show("Invoke Add bad types", lambda: obj.Invoke(ADD, 0, M, True, 1, "x"))
show("Invoke NoArgs with arg", lambda: obj.Invoke(NOARGS, 0, M, True, 1))
show("Invoke NoArgs", lambda: obj.Invoke(NOARGS, 0, M, True))
show("Invoke NoArgs as get", lambda: obj.Invoke(NOARGS, 0, G, True))
show("Invoke Echo", lambda: obj.Invoke(ECHO, 0, M, True, 1, "a", None))
show("Invoke missing dispid", lambda: obj.Invoke(12345, 0, M, True))
show("Invoke dispid -1", lambda: obj.Invoke(-1, 0, M, True))
show("Invoke dispid 0", lambda: obj.Invoke(0, 0, G, True))
show("Invoke value get", lambda: obj.Invoke(VALUE, 0, G, True))
show("Invoke value put", lambda: obj.Invoke(VALUE, 0, P, False, 9))
show("Invoke value get after put", lambda: obj.Invoke(VALUE, 0, G, True))
show("Invoke value put no arg", lambda: obj.Invoke(VALUE, 0, P, False))
show("Invoke value as method", lambda: obj.Invoke(VALUE, 0, M, True))
show("Invoke Add as put", lambda: obj.Invoke(ADD, 0, P, False, 1))
show("Invoke flags 0", lambda: obj.Invoke(ADD, 0, 0, True, 1, 2))
show("Invoke Fail E_FAIL", lambda: obj.Invoke(FAIL, 0, M, True, -2147467259))
show("Invoke Fail 0x80040201", lambda: obj.Invoke(FAIL, 0, M, True, -2147220991))
show("Invoke Fail S_FALSE", lambda: obj.Invoke(FAIL, 0, M, True, 1))
show("InvokeTypes Add", lambda: obj.InvokeTypes(ADD, 0, M, (pythoncom.VT_I4, 0), ((pythoncom.VT_I4, 1), (pythoncom.VT_I4, 1)), 4, 5))
show("InvokeTypes Add missing arg", lambda: obj.InvokeTypes(ADD, 0, M, (pythoncom.VT_I4, 0), ((pythoncom.VT_I4, 1), (pythoncom.VT_I4, 1)), 4))
show("InvokeTypes bad vt", lambda: obj.InvokeTypes(ADD, 0, M, (pythoncom.VT_I4, 0), ((pythoncom.VT_I4, 1), (pythoncom.VT_I4, 1)), 4, "x"))
show("GetTypeInfoCount", lambda: obj.GetTypeInfoCount())
show("GetTypeInfo", lambda: obj.GetTypeInfo())

# --- com_error shapes -------------------------------------------------------------------------------
e = pythoncom.com_error(-2147352573, "Member not found.", None, None)
show("com_error args", lambda: (e.hresult, e.excepinfo, e.argerror, len(e.args)))
show("com_error(1 arg)", lambda: (pythoncom.com_error(5).args, pythoncom.com_error(5).hresult))
show("com_error()", lambda: (pythoncom.com_error().args, pythoncom.com_error().hresult))
show("com_error 5 args", lambda: pythoncom.com_error(1, "a", None, None, 9).args)
show("com_error is pywintypes.com_error", lambda: pythoncom.com_error is pywintypes.com_error)
show("com_error subclass of Exception", lambda: issubclass(pythoncom.com_error, Exception))
show("com_error str", lambda: str(pythoncom.com_error(-2147352573, "Member not found.", None, None)))
show("com_error repr", lambda: repr(pythoncom.com_error(-2147352573, "x", None, None)))
show("com_error strerror", lambda: pythoncom.com_error(-2147352573, "x", None, None).strerror)


def caught(fn):
    try:
        fn()
    except pythoncom.com_error as err:
        return (err.hresult, type(err.strerror).__name__, err.excepinfo if err.excepinfo is None else tuple(type(x).__name__ for x in err.excepinfo), err.argerror)
    return "no error"


show("caught missing member", lambda: caught(lambda: obj.Invoke(12345, 0, M, True)))
show("caught bad param count", lambda: caught(lambda: obj.Invoke(ADD, 0, M, True, 1)))
show("caught server exception", lambda: caught(lambda: obj.Invoke(FAIL, 0, M, True, -2147467259)))
show("caught server exception excepinfo", lambda: (lambda r: r)(caught(lambda: obj.Invoke(FAIL, 0, M, True, -2147220991))))
show("caught unknown name", lambda: caught(lambda: obj.GetIDsOfNames("Missing")))

try:
    obj.Invoke(FAIL, 0, M, True, -2147220991)
except pythoncom.com_error as err:
    show("excepinfo of Fail", lambda: (err.excepinfo[0], err.excepinfo[2], err.excepinfo[3], err.excepinfo[4], err.excepinfo[5]))
    show("excepinfo source", lambda: err.excepinfo[1])
pythoncom.CoUninitialize()
show("after CoUninitialize: CreateStreamOnHGlobal", pythoncom.CreateStreamOnHGlobal)
show("after CoUninitialize: marshal", lambda: pythoncom.CoMarshalInterThreadInterfaceInStream(IID, obj))
