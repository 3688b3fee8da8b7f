"""Differential probe: pythoncom initialization, VARIANT, sentinels, a Python server's client.

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/com_behaviour_probe.py
    .venv/bin/python -m apartment run tools/probes/com_behaviour_probe.py
"""

import threading

import pythoncom
import pywintypes
import win32com.client
import win32com.server.register
import win32com.server.util


def show(label, fn, *a):
    try:
        print(label, "->", repr(fn(*a)))
    except pythoncom.com_error as e:
        print(label, "!! com_error", e.args[0], e.args[2] and e.args[2][1:3], e.args[3])
    except Exception as e:
        print(label, "!!", type(e).__name__, str(e)[:90])


def on_thread(fn):
    box = []
    t = threading.Thread(target=lambda: box.append(fn()))
    t.start()
    t.join(30)
    return box[0] if box else "no result"


def init_sequence():
    out = []
    for step in ("CoInitializeEx(0)", "CoInitializeEx(2)", "CoUninitialize", "CoUninitialize",
                 "CoUninitialize", "CoInitializeEx(8)", "CoInitializeEx(6)", "CoInitializeEx(-1)"):
        try:
            if step == "CoUninitialize":
                r = pythoncom.CoUninitialize()
            else:
                r = pythoncom.CoInitializeEx(int(step[15:-1]))
            out.append((step, r))
        except pythoncom.com_error as e:
            out.append((step, "com_error", e.args[0]))
        except Exception as e:
            out.append((step, type(e).__name__))
    return out


for item in on_thread(init_sequence):
    print("init", item)
show("Missing", lambda: (repr(pythoncom.Missing), type(pythoncom.Missing).__name__, bool(pythoncom.Missing)))
show("Empty", lambda: (repr(pythoncom.Empty), type(pythoncom.Empty).__name__, bool(pythoncom.Empty)))
show("ArgNotFound", lambda: (repr(pythoncom.ArgNotFound), type(pythoncom.ArgNotFound).__name__))
show("Nothing", lambda: repr(pythoncom.Nothing))
show("Missing is", lambda: pythoncom.Missing is pythoncom.Missing)
v = win32com.client.VARIANT(pythoncom.VT_I4, 5)
show("VARIANT repr", repr, v)
show("VARIANT value", lambda: (v.varianttype, v.value))
show("VARIANT set", lambda: setattr(v, "value", 7) or v.value)
show("VARIANT bad vt", lambda: repr(win32com.client.VARIANT(12345, 1)))
show("VARIANT array", lambda: repr(win32com.client.VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_I4, [1, 2])))
show("MakeIID", lambda: str(pythoncom.MakeIID("{00020400-0000-0000-C000-000000000046}")))
show("MakeIID bad", pythoncom.MakeIID, "xx")
show("CreateGuid type", lambda: type(pythoncom.CreateGuid()).__name__)
show("IID_NULL", lambda: str(pythoncom.IID_NULL))
show("CLSIDFromString", lambda: str(pywintypes.IID("{00020400-0000-0000-c000-000000000046}")))
show("CoCreateInstance noinit", lambda: on_thread(lambda: repr(
    pythoncom.CoCreateInstance("{00000000-0000-0000-0000-0000000000AA}", None, pythoncom.CLSCTX_ALL, pythoncom.IID_IDispatch))))


class Server:
    _public_methods_ = ["Add", "Fail"]
    _public_attrs_ = ["value"]
    _readonly_attrs_ = ["value"]

    def __init__(self):
        self.value = 3

    def Add(self, a, b):
        return a + b

    def Fail(self):
        raise ValueError("boom")


pythoncom.CoInitialize()
d = win32com.client.Dispatch(win32com.server.util.wrap(Server()))
show("Dispatch repr", lambda: repr(d).split(" at ")[0])
show("Dispatch str", lambda: str(d).split(" at ")[0])
show("Add", d.Add, 2, 3)
show("value", lambda: d.value)
show("set readonly", lambda: setattr(d, "value", 5))
show("missing attr", lambda: d.nope)
show("missing call", lambda: d.Nope())
show("Fail", d.Fail)
show("Add few args", d.Add, 1)
show("Add many args", d.Add, 1, 2, 3)
show("_oleobj_ type", lambda: type(d._oleobj_).__name__)
show("eq self", lambda: d == d)
show("bool", lambda: bool(d))
show("GetIDsOfNames", lambda: d._oleobj_.GetIDsOfNames("Add"))
show("GetIDsOfNames bad", lambda: d._oleobj_.GetIDsOfNames("Nope"))
show("Invoke", lambda: d._oleobj_.Invoke(d._oleobj_.GetIDsOfNames("Add"), 0, pythoncom.DISPATCH_METHOD, True, 4, 5))
show("Dispatch None", win32com.client.Dispatch, None)
show("Dispatch int", win32com.client.Dispatch, 5)
show("Dispatch bad progid", win32com.client.Dispatch, "No.Such.ProgId.S26")
show("Dispatch bad clsid", win32com.client.Dispatch, "{00000000-0000-0000-0000-0000000000AA}")
