"""Differential probe: pythoncom initialization, streams, pumping and MsgWait flags (session 27).

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/com_init_probe.py
    .venv/bin/python -m apartment run tools/probes/com_init_probe.py

Each question about initialization runs on a fresh thread (pywin32 swallows repeat inits on
the thread that imported pythoncom: semantics.md §10 #24). Return values of CoInitialize(Ex)
and CoUninitialize, mode changes, marshaling streams used twice or given non-COM objects,
PumpWaitingMessages' results, MsgWaitForMultipleObjects(Ex) with QS_/MWMO_ combinations.
Errors as (type, winerror or hresult, funcname), never message texts.
"""

import threading

import pythoncom
import pywintypes
import win32api
import win32con
import win32event
import win32gui


def outcome(fn):
    try:
        r = fn()
        if isinstance(r, tuple):
            return r
        return repr(r) if not hasattr(r, "_oleobj_") and "PyI" not in type(r).__name__ else type(r).__name__
    except pythoncom.com_error as e:
        return ("com_error", e.hresult)
    except pywintypes.error as e:
        return ("error", e.winerror, e.funcname)
    except Exception as e:
        return (type(e).__name__,)


def on_thread(label, *steps):
    """Run the steps in order on a new thread; print each outcome."""
    out = []

    def body():
        for step in steps:
            out.append(outcome(step))

    t = threading.Thread(target=body)
    t.start()
    t.join()
    print(label, "->", out)


CI = pythoncom.CoInitialize
CIE = pythoncom.CoInitializeEx
CU = pythoncom.CoUninitialize
STA = pythoncom.COINIT_APARTMENTTHREADED
MTA = pythoncom.COINIT_MULTITHREADED

on_thread("CoInitialize twice", CI, CI, CU, CU)
on_thread("CoInitializeEx STA twice", lambda: CIE(STA), lambda: CIE(STA), CU, CU)
on_thread("CoInitializeEx MTA twice", lambda: CIE(MTA), lambda: CIE(MTA), CU, CU)
on_thread("STA then MTA", lambda: CIE(STA), lambda: CIE(MTA), CU)
on_thread("MTA then STA", lambda: CIE(MTA), lambda: CIE(STA), CU)
on_thread("MTA then CoInitialize", lambda: CIE(MTA), CI, CU)
on_thread("STA, changed mode, CoUninitialize count", lambda: CIE(STA), lambda: CIE(MTA), CU, CU)
on_thread("CoUninitialize without init", CU)
on_thread("CoUninitialize extra", CI, CU, CU, CU)
on_thread("reinit after uninit in other mode", lambda: CIE(STA), CU, lambda: CIE(MTA), CU)
on_thread("CoInitializeEx STA|DISABLE_OLE1DDE", lambda: CIE(STA | pythoncom.COINIT_DISABLE_OLE1DDE), CU)
on_thread("CoInitializeEx SPEED_OVER_MEMORY", lambda: CIE(pythoncom.COINIT_SPEED_OVER_MEMORY), CU)
on_thread("CoInitializeEx 8", lambda: CIE(8), CU)
on_thread("CoInitializeEx -1", lambda: CIE(-1), CU)
on_thread("CoInitializeEx None", lambda: CIE(None))
on_thread("CoInitializeEx no args", lambda: CIE())
on_thread("CoInitialize arg", lambda: CI(0))
on_thread("OleInitialize then CoInitializeEx MTA", pythoncom.OleInitialize, lambda: CIE(MTA), CU)
on_thread("MTA then OleInitialize", lambda: CIE(MTA), pythoncom.OleInitialize, CU)
on_thread("OleUninitialize without init", lambda: pythoncom.OleUninitialize() if hasattr(pythoncom, "OleUninitialize") else "n/a")
on_thread("CoGetApartmentType", lambda: CIE(STA), lambda: pythoncom.CoGetApartmentType() if hasattr(pythoncom, "CoGetApartmentType") else "n/a", CU)

# marshaling streams (a Python object wrapped as a COM object: both sides have one)
import win32com.server.util


class _Thing:
    _public_methods_ = ["Ping"]

    def Ping(self):
        return 1


pythoncom.CoInitialize()
obj = win32com.server.util.wrap(_Thing())
print("wrapped object", type(obj).__name__)
print("QueryInterface IUnknown", outcome(lambda: type(obj.QueryInterface(pythoncom.IID_IUnknown)).__name__))
streams = {}


def marshal_obj(key, iid=pythoncom.IID_IDispatch):
    s = pythoncom.CoMarshalInterThreadInterfaceInStream(iid, obj)
    streams[key] = s
    return type(s).__name__


print("marshal", outcome(lambda: marshal_obj("a")))
print("unmarshal same thread", outcome(lambda: type(pythoncom.CoGetInterfaceAndReleaseStream(streams["a"], pythoncom.IID_IDispatch)).__name__))
print("unmarshal again", outcome(lambda: pythoncom.CoGetInterfaceAndReleaseStream(streams["a"], pythoncom.IID_IDispatch)))
print("marshal IUnknown", outcome(lambda: marshal_obj("b", pythoncom.IID_IUnknown)))
print("unmarshal IUnknown as IDispatch", outcome(lambda: type(pythoncom.CoGetInterfaceAndReleaseStream(streams["b"], pythoncom.IID_IDispatch)).__name__))
# (unmarshaling in an MTA thread while this STA blocks in join would hang on Windows: not asked)
print("marshal str iid", outcome(lambda: type(pythoncom.CoMarshalInterThreadInterfaceInStream(str(pythoncom.IID_IDispatch), obj)).__name__))
print("marshal bad iid", outcome(lambda: pythoncom.CoMarshalInterThreadInterfaceInStream("nonsense", obj)))
print("marshal None", outcome(lambda: pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IUnknown, None)))
print("marshal int", outcome(lambda: pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IUnknown, 5)))
print("marshal object()", outcome(lambda: pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IUnknown, object())))
print("marshal str iid", outcome(lambda: type(pythoncom.CoMarshalInterThreadInterfaceInStream(str(pythoncom.IID_IUnknown), obj)).__name__))
print("marshal bad iid", outcome(lambda: pythoncom.CoMarshalInterThreadInterfaceInStream("nonsense", obj)))
print("marshal IID_IDispatch of non-dispatch", outcome(lambda: pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, obj)))
print("unmarshal None", outcome(lambda: pythoncom.CoGetInterfaceAndReleaseStream(None, pythoncom.IID_IUnknown)))
print("unmarshal int", outcome(lambda: pythoncom.CoGetInterfaceAndReleaseStream(5, pythoncom.IID_IUnknown)))

# PumpWaitingMessages
tid = win32api.GetCurrentThreadId()
print("Pump empty", outcome(pythoncom.PumpWaitingMessages))
win32api.PostThreadMessage(tid, win32con.WM_USER, 0, 0)
print("Pump one thread message", outcome(pythoncom.PumpWaitingMessages))
win32api.PostThreadMessage(tid, win32con.WM_USER, 0, 0)
win32gui.PostQuitMessage(3)
win32api.PostThreadMessage(tid, win32con.WM_USER + 1, 0, 0)
print("Pump with quit", outcome(pythoncom.PumpWaitingMessages))
print("Pump after quit", outcome(pythoncom.PumpWaitingMessages))
print("Peek after quit", outcome(lambda: win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)[0]))
win32api.PostThreadMessage(tid, win32con.WM_USER + 5, 0, 0)
print("Pump range excludes", outcome(lambda: pythoncom.PumpWaitingMessages(win32con.WM_USER + 6, win32con.WM_USER + 7)))
print("message left", outcome(lambda: win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)[1][1] - win32con.WM_USER))
win32gui.PostQuitMessage(0)
print("Pump range with quit outside", outcome(lambda: pythoncom.PumpWaitingMessages(win32con.WM_USER, win32con.WM_USER)))
print("Pump bad args", outcome(lambda: pythoncom.PumpWaitingMessages("a")))
print("Pump 3 args", outcome(lambda: pythoncom.PumpWaitingMessages(0, 0, 0)))
print("win32gui.PumpWaitingMessages empty", outcome(win32gui.PumpWaitingMessages))
win32gui.PostQuitMessage(4)
print("win32gui.PumpWaitingMessages quit", outcome(win32gui.PumpWaitingMessages))
print("win32gui after quit", outcome(lambda: win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)[0]))
win32gui.PumpWaitingMessages()

# MsgWaitForMultipleObjects
ev = win32event.CreateEvent(None, 1, 0, None)
MW = win32event.MsgWaitForMultipleObjects
MWX = win32event.MsgWaitForMultipleObjectsEx
print("MsgWait nothing", outcome(lambda: MW([ev], 0, 0, win32event.QS_ALLINPUT)))
print("MsgWait empty list", outcome(lambda: MW([], 0, 0, win32event.QS_ALLINPUT)))
win32api.PostThreadMessage(tid, win32con.WM_USER, 0, 0)
print("MsgWait posted ALLINPUT", outcome(lambda: MW([ev], 0, 0, win32event.QS_ALLINPUT)))
print("MsgWait posted QS_POSTMESSAGE", outcome(lambda: MW([ev], 0, 0, win32event.QS_POSTMESSAGE)))
print("MsgWait posted QS_ALLPOSTMESSAGE", outcome(lambda: MW([ev], 0, 0, 0x100)))
print("MsgWait posted QS_SENDMESSAGE", outcome(lambda: MW([ev], 0, 0, win32event.QS_SENDMESSAGE)))
print("MsgWait posted QS_TIMER", outcome(lambda: MW([ev], 0, 0, win32event.QS_TIMER)))
print("MsgWait posted QS_INPUT", outcome(lambda: MW([ev], 0, 0, win32event.QS_INPUT)))
print("MsgWait posted 0 mask", outcome(lambda: MW([ev], 0, 0, 0)))
print("MsgWait posted win32con ALLINPUT", outcome(lambda: MW([ev], 0, 0, win32con.QS_ALLINPUT)))
print("MsgWaitEx posted", outcome(lambda: MWX([ev], 0, win32event.QS_ALLINPUT, 0)))
print("MsgWaitEx INPUTAVAILABLE", outcome(lambda: MWX([ev], 0, win32event.QS_ALLINPUT, win32con.MWMO_INPUTAVAILABLE)))
print("MsgWait bad mask bits", outcome(lambda: MW([ev], 0, 0, 0x10000000)))
print("MsgWaitEx bad flags", outcome(lambda: MWX([ev], 0, win32event.QS_ALLINPUT, 0x100)))
print("GetQueueStatus before peek", outcome(lambda: win32gui.GetQueueStatus(win32con.QS_ALLINPUT) if hasattr(win32gui, "GetQueueStatus") else "n/a"))
win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)
print("MsgWait seen, still queued", outcome(lambda: MW([ev], 0, 0, win32event.QS_ALLINPUT)))
print("MsgWaitEx seen INPUTAVAILABLE", outcome(lambda: MWX([ev], 0, win32event.QS_ALLINPUT, win32con.MWMO_INPUTAVAILABLE)))
win32event.SetEvent(ev)
print("MsgWait event and message", outcome(lambda: MW([ev], 0, 0, win32event.QS_ALLINPUT)))
print("MsgWait all event+msg", outcome(lambda: MWX([ev], 0, win32event.QS_ALLINPUT, win32con.MWMO_WAITALL | win32con.MWMO_INPUTAVAILABLE)))
win32gui.PumpWaitingMessages()
print("MsgWait all event only", outcome(lambda: MW([ev], 1, 0, win32event.QS_ALLINPUT)))
print("MsgWait 64 handles", outcome(lambda: MW([ev] * 64, 0, 0, 0)))
print("MsgWait 63 handles", outcome(lambda: MW([ev] * 63, 0, 0, 0)))
print("MsgWait pseudo", outcome(lambda: MW([win32api.GetCurrentProcess()], 0, 0, 0)))
print("MsgWait ALERTABLE", outcome(lambda: MWX([], 0, 0, win32con.MWMO_ALERTABLE)))
pythoncom.CoUninitialize()
