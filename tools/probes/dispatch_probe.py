"""Differential probe: dynamic dispatch and Python COM servers (session 30).

    ORACLE_DIR=... ../shared/tools/pywin32-oracle python tools/probes/dispatch_probe.py
    APARTMENT_REGISTRY=$(mktemp -d)/r.db .venv/bin/python -m apartment run tools/probes/dispatch_probe.py

What a pywin32 user does with win32com.client.Dispatch: a Python server made with
win32com.server.util.wrap (_public_methods_/_public_attrs_/_readonly_attrs_, _value_,
_NewEnum/Item/Count), the same class registered (a private registry on our side, the Wine
prefix on the oracle's) and created by ProgID, and the system objects Scripting.Dictionary,
Scripting.FileSystemObject, WScript.Shell and VBScript.RegExp. Property get/put of unknown
names, argument counts and types, read-only puts, Missing/Empty/ArgNotFound, byref outs
through InvokeTypes, default values, __call__/__len__/__iter__/__getitem__, server errors
(COMException, com_error, plain Python errors: the client's excepinfo), returned values
(objects, lists, tuples, dates, currency, None), Python objects passed in, QueryInterface,
GetIDsOfNames, Invoke flags, pythoncom.new, GetObject and CoCreateInstance errors.
Errors print as (type, hresult, excepinfo without the traceback, argerr); messages only where
pywin32 makes them itself (AttributeError, TypeError).
"""

import datetime
import decimal
import sys

import pythoncom
import pywintypes
import win32com.client
import win32com.server.register
import win32com.server.util
import winerror
from win32com.server.exception import COMException

CLSID = "{5E1C3A90-7B42-4C7E-9D3A-30D15A7C0B30}"
PROGID = "ApartmentProbe.S30Dispatch"


def norm(r, depth=0):
    """A result as text both sides print alike (no addresses, no paths)."""
    if depth > 3:
        return "..."
    name = type(r).__name__
    if isinstance(r, (list, tuple)):
        inner = ", ".join(norm(x, depth + 1) for x in r)
        return ("[" + inner + "]") if isinstance(r, list) else ("(" + inner + ("," if len(r) == 1 else "") + ")")
    if isinstance(r, datetime.datetime):
        return f"{name}({r.year}-{r.month:02}-{r.day:02} {r.hour:02}:{r.minute:02}:{r.second:02} tz={r.tzinfo is not None})"
    if isinstance(r, decimal.Decimal):
        return f"Decimal({r})"
    if isinstance(r, (int, float, str, bytes, bool, type(None), memoryview)):
        return repr(bytes(r)) if isinstance(r, memoryview) else repr(r)
    if name.startswith("PyI"):
        return name
    if name == "CDispatch" or hasattr(r, "_oleobj_"):
        return f"<{name} {getattr(r, '_username_', '?')}>"
    return f"<{name}>"


def err(e):
    if isinstance(e, pythoncom.com_error):
        exc = e.args[2] if len(e.args) > 2 else None
        if exc is not None:
            desc = exc[2]
            if isinstance(desc, str):
                desc = desc.split("\n")[0][:60]
            exc = (exc[0], exc[1], desc, exc[3], exc[4], exc[5])
        arg = e.args[3] if len(e.args) > 3 else None
        return f"!! com_error {e.args[0]} excepinfo={exc!r} argerr={arg!r}"
    if isinstance(e, pywintypes.error):
        return f"!! error {e.winerror} {e.funcname}"
    return f"!! {type(e).__name__} {str(e)[:100]!r}"


def show(label, fn):
    try:
        r = norm(fn())
    except Exception as e:
        r = err(e)
    print(label, "->", r.encode("ascii", "backslashreplace").decode())


# --- the servers --------------------------------------------------------------------------------


class Sub:
    _public_methods_ = ["Who"]
    _public_attrs_ = ["tag"]

    def __init__(self, tag="sub"):
        self.tag = tag

    def Who(self):
        return "Sub:" + self.tag


class Server:
    _public_methods_ = [
        "Add", "Defaults", "VarArgs", "NoArgs", "Fail", "Ret", "Echo", "EchoType", "Out",
        "MakeSub", "Unwrap", "SetName", "Method", "GetName", "Item",
    ]
    _public_attrs_ = ["value", "ro", "Name", "date", "none"]
    _readonly_attrs_ = ["ro"]

    def __init__(self):
        self.value = 5
        self.ro = "fixed"
        self.Name = "srv"
        self.date = None
        self.none = None

    def _value_(self):
        return "default-value"

    def Add(self, a, b):
        return a + b

    def Defaults(self, a, b=10, c="c"):
        return (a, b, c)

    def VarArgs(self, *args):
        return args

    def NoArgs(self):
        return "noargs"

    def Method(self):
        return "method"

    def Fail(self, how):
        if how == 0:
            raise ValueError("plain")
        if how == 1:
            raise COMException(desc="described", scode=winerror.E_UNEXPECTED, source="src", helpfile="h.hlp", helpContext=7)
        if how == 2:
            raise COMException(scode=winerror.DISP_E_TYPEMISMATCH)
        if how == 3:
            raise COMException(scode=5)  # a Win32 code: HRESULT_FROM_WIN32
        if how == 4:
            raise COMException(scode=1)  # S_FALSE
        if how == 5:
            raise pythoncom.com_error(winerror.E_UNEXPECTED, "desc", (0, "s", "t", "hf", 3, winerror.E_FAIL), None)
        if how == 6:
            raise pythoncom.com_error(winerror.E_NOTIMPL, "plain com_error", None, None)
        if how == 7:
            raise KeyError("k")
        if how == 8:
            raise COMException(desc="argerr", scode=winerror.DISP_E_PARAMNOTFOUND)
        if how == 9:
            raise COMException(desc="no scode")
        if how == 10:
            raise MemoryError()
        if how == 11:
            raise COMException(desc="member", scode=winerror.DISP_E_MEMBERNOTFOUND)
        return None

    def Ret(self, what):
        return {
            "list": [1, [2, 3], "x"],
            "tuple": (1, 2),
            "tuple1": (5,),
            "empty": (),
            "none": None,
            "true": True,
            "float": 1.5,
            "big": 2**40,
            "huge": 2**70,
            "neg": -(2**31) - 1,
            "str": "s",
            "bytes": b"ab",
            "date": datetime.datetime(2020, 1, 2, 3, 4, 5),
            "time": pywintypes.Time(datetime.datetime(2021, 6, 7, 8, 9, 10)),
            "dec": decimal.Decimal("1.2345"),
            "dict": {"a": 1},
            "obj": win32com.server.util.wrap(Sub()),
            "objs": [win32com.server.util.wrap(Sub("a")), win32com.server.util.wrap(Sub("b"))],
            "plain": object(),
            "iid": pywintypes.IID(CLSID),
            "unicode": "\u00e9\u4e2d",
            "nested": ((1, (2, (3,))),),
        }[what]

    def Echo(self, v):
        return v

    def EchoType(self, *args):
        return tuple(type(a).__name__ for a in args)

    def Out(self, a, b=None):
        return (a + 1, a * 2)

    def MakeSub(self, tag):
        return win32com.server.util.wrap(Sub(tag))

    def Unwrap(self, ob):
        try:
            inner = win32com.server.util.unwrap(ob)
        except Exception as e:  # what the server sees of a client's object
            return "unwrap failed: " + type(e).__name__
        return type(inner).__name__

    def SetName(self, v):
        self.Name = "set:" + str(v)

    def GetName(self):
        return self.Name

    def Item(self, i):
        return ["zero", "one", "two"][i]


class Coll:
    _public_methods_ = ["Item", "_NewEnum", "Add"]
    _public_attrs_ = ["Count"]
    _readonly_attrs_ = ["Count"]

    def __init__(self):
        self.items = ["a", "b", "c"]
        self.Count = 3

    def Item(self, i):
        return self.items[i]

    def _NewEnum(self):
        return win32com.server.util.NewEnum(self.items)

    def Add(self, v):
        self.items.append(v)
        self.Count = len(self.items)


class CountMethod:
    _public_methods_ = ["Count", "Item"]

    def Count(self):
        return 2

    def Item(self, i):
        return [0, 10][i]


class Registered(Server):
    _reg_clsid_ = CLSID
    _reg_progid_ = PROGID
    _reg_desc_ = "apartment s30 dispatch probe"
    _reg_threading_ = "Apartment"
    _reg_clsctx_ = pythoncom.CLSCTX_INPROC_SERVER


M, G, P, PR = pythoncom.DISPATCH_METHOD, pythoncom.DISPATCH_PROPERTYGET, pythoncom.DISPATCH_PROPERTYPUT, pythoncom.DISPATCH_PROPERTYPUTREF


def probe_server(tag, d):
    raw = d._oleobj_
    show(f"{tag} repr", lambda: repr(d).split(" at ")[0])
    show(f"{tag} str", lambda: str(d))
    show(f"{tag} bool", lambda: bool(d))
    show(f"{tag} eq self", lambda: d == d)
    # property get / put
    show(f"{tag} get value", lambda: d.value)
    show(f"{tag} get VALUE (case)", lambda: d.VALUE)
    show(f"{tag} get ro", lambda: d.ro)
    show(f"{tag} get Name", lambda: d.Name)
    show(f"{tag} get none", lambda: d.none)
    show(f"{tag} get unknown", lambda: d.nope)
    show(f"{tag} get _private_", lambda: d._private_)
    show(f"{tag} get _x", lambda: d._x)
    show(f"{tag} get __len__ attr", lambda: d.__nothing__)
    show(f"{tag} put value", lambda: setattr(d, "value", 42) or d.value)
    show(f"{tag} put value str", lambda: setattr(d, "value", "s") or d.value)
    show(f"{tag} put value None", lambda: setattr(d, "value", None) or d.value)
    show(f"{tag} put Value (case)", lambda: setattr(d, "Value", 7) or d.value)
    show(f"{tag} put ro", lambda: setattr(d, "ro", 1))
    show(f"{tag} ro after", lambda: d.ro)
    show(f"{tag} put unknown", lambda: setattr(d, "nope", 1))
    show(f"{tag} unknown after put", lambda: d.nope)
    show(f"{tag} put method name", lambda: setattr(d, "NoArgs", 1))
    show(f"{tag} put Name (has SetName)", lambda: setattr(d, "Name", "x") or d.GetName())
    show(f"{tag} put _private_", lambda: setattr(d, "_private_", 1) or d._private_)
    # methods
    show(f"{tag} Add", lambda: d.Add(2, 3))
    show(f"{tag} add (case)", lambda: d.add(2, 3))
    show(f"{tag} Add str", lambda: d.Add("a", "b"))
    show(f"{tag} Add floats", lambda: d.Add(1.5, 2))
    show(f"{tag} Add few", lambda: d.Add(1))
    show(f"{tag} Add none", lambda: d.Add())
    show(f"{tag} Add many", lambda: d.Add(1, 2, 3))
    show(f"{tag} Add bad types", lambda: d.Add(1, "x"))
    show(f"{tag} Add kwargs", lambda: d.Add(a=1, b=2))
    show(f"{tag} Defaults 1", lambda: d.Defaults(1))
    show(f"{tag} Defaults 2", lambda: d.Defaults(1, 2))
    show(f"{tag} Defaults 3", lambda: d.Defaults(1, 2, 3))
    show(f"{tag} Defaults 4", lambda: d.Defaults(1, 2, 3, 4))
    show(f"{tag} Defaults Missing", lambda: d.Defaults(1, pythoncom.Missing))
    show(f"{tag} Defaults Empty", lambda: d.Defaults(1, pythoncom.Empty))
    show(f"{tag} Defaults ArgNotFound", lambda: d.Defaults(1, pythoncom.ArgNotFound))
    show(f"{tag} Defaults None", lambda: d.Defaults(1, None))
    show(f"{tag} Defaults Missing last", lambda: d.Defaults(1, 2, pythoncom.Missing))
    show(f"{tag} VarArgs 0", lambda: d.VarArgs())
    show(f"{tag} VarArgs 3", lambda: d.VarArgs(1, "a", None))
    show(f"{tag} NoArgs", lambda: d.NoArgs())
    show(f"{tag} NoArgs 1", lambda: d.NoArgs(1))
    show(f"{tag} NoArgs attr", lambda: d.NoArgs)
    show(f"{tag} Method attr", lambda: d.Method)
    show(f"{tag} unknown call", lambda: d.Nope())
    show(f"{tag} call value", lambda: d.value())
    show(f"{tag} EchoType", lambda: d.EchoType(1, 2**40, 1.5, "s", None, True, b"b", (1,), [1], pythoncom.Empty, pythoncom.Missing, pythoncom.ArgNotFound))
    show(f"{tag} EchoType dec/date/iid", lambda: d.EchoType(decimal.Decimal("1.5"), pywintypes.Time(0), datetime.datetime(2020, 1, 1), pywintypes.IID(CLSID)))
    show(f"{tag} EchoType huge", lambda: d.EchoType(2**70))
    show(f"{tag} EchoType dict", lambda: d.EchoType({"a": 1}))
    show(f"{tag} EchoType object", lambda: d.EchoType(object()))
    show(f"{tag} EchoType float nan", lambda: d.EchoType(float("nan")))
    show(f"{tag} Echo Missing", lambda: d.Echo(pythoncom.Missing))
    show(f"{tag} Echo Empty", lambda: d.Echo(pythoncom.Empty))
    show(f"{tag} Echo ArgNotFound", lambda: d.Echo(pythoncom.ArgNotFound))
    show(f"{tag} Echo Nothing", lambda: d.Echo(pythoncom.Nothing))
    show(f"{tag} Echo bytes", lambda: d.Echo(b"\x00\x01"))
    show(f"{tag} Echo bytearray", lambda: d.Echo(bytearray(b"ab")))
    show(f"{tag} Echo list", lambda: d.Echo([1, "a", [2.5, None]]))
    show(f"{tag} Echo empty list", lambda: d.Echo([]))
    show(f"{tag} Echo big int", lambda: d.Echo(2**63 - 1))
    show(f"{tag} Echo negative", lambda: d.Echo(-(2**63)))
    show(f"{tag} Echo 2**64", lambda: d.Echo(2**64))
    show(f"{tag} Echo bool", lambda: d.Echo(False))
    show(f"{tag} Echo decimal", lambda: d.Echo(decimal.Decimal("12.3456")))
    show(f"{tag} Echo date", lambda: d.Echo(datetime.datetime(2020, 1, 2, 3, 4, 5)))
    show(f"{tag} Echo Time", lambda: d.Echo(pywintypes.Time(datetime.datetime(2020, 1, 2, 3, 4, 5))))
    show(f"{tag} Echo VARIANT I2", lambda: d.Echo(win32com.client.VARIANT(pythoncom.VT_I2, 3)))
    show(f"{tag} Echo VARIANT BSTR", lambda: d.Echo(win32com.client.VARIANT(pythoncom.VT_BSTR, 3)))
    show(f"{tag} Echo VARIANT CY", lambda: d.Echo(win32com.client.VARIANT(pythoncom.VT_CY, 1.5)))
    show(f"{tag} Echo VARIANT BOOL", lambda: d.Echo(win32com.client.VARIANT(pythoncom.VT_BOOL, 1)))
    show(f"{tag} Echo VARIANT ARRAY", lambda: d.Echo(win32com.client.VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_I4, (1, 2))))
    show(f"{tag} Echo VARIANT bad", lambda: d.Echo(win32com.client.VARIANT(pythoncom.VT_I4, "x")))
    # returned values
    for what in ("list", "tuple", "tuple1", "empty", "none", "true", "float", "big", "huge", "neg", "str", "bytes", "date", "time", "dec", "dict", "obj", "objs", "plain", "iid", "unicode", "nested", "nokey"):
        show(f"{tag} Ret {what}", lambda: d.Ret(what))
    show(f"{tag} Ret obj Who", lambda: d.Ret("obj").Who())
    show(f"{tag} Ret objs Who", lambda: [o.Who() for o in d.Ret("objs")])
    show(f"{tag} MakeSub tag", lambda: d.MakeSub("t").tag)
    show(f"{tag} MakeSub unknown", lambda: d.MakeSub("t").nope)
    # passing objects
    show(f"{tag} Unwrap wrapped", lambda: d.Unwrap(win32com.server.util.wrap(Sub())))
    show(f"{tag} Unwrap CDispatch", lambda: d.Unwrap(win32com.client.Dispatch(win32com.server.util.wrap(Sub()))))
    show(f"{tag} Unwrap itself", lambda: d.Unwrap(d))
    show(f"{tag} Unwrap int", lambda: d.Unwrap(1))
    show(f"{tag} Echo object back", lambda: d.Echo(win32com.server.util.wrap(Sub("back"))).Who())
    show(f"{tag} Echo self back", lambda: d.Echo(d))
    show(f"{tag} Echo raw back", lambda: d.Echo(raw))
    # server errors
    for how in range(12):
        show(f"{tag} Fail {how}", lambda: d.Fail(how))
    show(f"{tag} Fail 12 (none)", lambda: d.Fail(12))
    # default member, enumeration
    show(f"{tag} call ()", lambda: d())
    show(f"{tag} call (1)", lambda: d(1))
    show(f"{tag} len", lambda: len(d))
    show(f"{tag} iter", lambda: list(d))
    show(f"{tag} getitem 1", lambda: d[1])
    show(f"{tag} getitem 'a'", lambda: d["a"])
    show(f"{tag} int()", lambda: int(d))
    show(f"{tag} in", lambda: 1 in d)
    show(f"{tag} hash", lambda: type(hash(d)).__name__)
    # raw IDispatch
    show(f"{tag} GetIDsOfNames Add", lambda: raw.GetIDsOfNames("Add"))
    show(f"{tag} GetIDsOfNames ADD", lambda: raw.GetIDsOfNames("ADD") == raw.GetIDsOfNames("add"))
    show(f"{tag} GetIDsOfNames value", lambda: raw.GetIDsOfNames("value"))
    show(f"{tag} GetIDsOfNames _value_", lambda: raw.GetIDsOfNames("_value_"))
    show(f"{tag} GetIDsOfNames unknown", lambda: raw.GetIDsOfNames("nope"))
    show(f"{tag} GetIDsOfNames lcid", lambda: raw.GetIDsOfNames("Add", 0) if False else raw.GetIDsOfNames("Add"))
    add = raw.GetIDsOfNames("Add")
    noargs = raw.GetIDsOfNames("NoArgs")
    value = raw.GetIDsOfNames("value")
    ro = raw.GetIDsOfNames("ro")
    out = raw.GetIDsOfNames("Out")
    show(f"{tag} Invoke GET on method", lambda: raw.Invoke(noargs, 0, G, True))
    show(f"{tag} Invoke GET on method with args", lambda: raw.Invoke(add, 0, G, True, 1, 2))
    show(f"{tag} Invoke METHOD|GET on method", lambda: raw.Invoke(add, 0, M | G, True, 1, 2))
    show(f"{tag} Invoke METHOD on attr", lambda: raw.Invoke(value, 0, M, True))
    show(f"{tag} Invoke METHOD|GET on attr", lambda: raw.Invoke(value, 0, M | G, True))
    show(f"{tag} Invoke GET attr with arg", lambda: raw.Invoke(value, 0, G, True, 1))
    show(f"{tag} Invoke PUT attr", lambda: raw.Invoke(value, 0, P, False, 8))
    show(f"{tag} Invoke PUTREF attr", lambda: raw.Invoke(value, 0, PR, False, 9))
    show(f"{tag} Invoke PUT attr 2 args", lambda: raw.Invoke(value, 0, P, False, 8, 9))
    show(f"{tag} Invoke PUT attr no args", lambda: raw.Invoke(value, 0, P, False))
    show(f"{tag} Invoke PUT ro", lambda: raw.Invoke(ro, 0, P, False, 1))
    show(f"{tag} Invoke PUT method", lambda: raw.Invoke(add, 0, P, False, 1))
    show(f"{tag} Invoke flags 0", lambda: raw.Invoke(add, 0, 0, True, 1, 2))
    show(f"{tag} Invoke flags 0x10", lambda: raw.Invoke(add, 0, 0x10, True, 1, 2))
    show(f"{tag} Invoke DISPID_VALUE GET", lambda: raw.Invoke(pythoncom.DISPID_VALUE, 0, G, True))
    show(f"{tag} Invoke DISPID_VALUE METHOD", lambda: raw.Invoke(pythoncom.DISPID_VALUE, 0, M, True))
    show(f"{tag} Invoke DISPID_VALUE PUT", lambda: raw.Invoke(pythoncom.DISPID_VALUE, 0, P, False, 1))
    show(f"{tag} Invoke DISPID_NEWENUM", lambda: raw.Invoke(pythoncom.DISPID_NEWENUM, 0, M | G, True))
    show(f"{tag} Invoke DISPID_EVALUATE", lambda: raw.Invoke(pythoncom.DISPID_EVALUATE, 0, M, True))
    show(f"{tag} Invoke unknown dispid", lambda: raw.Invoke(4242, 0, M, True))
    show(f"{tag} Invoke dispid -1", lambda: raw.Invoke(-1, 0, M, True))
    show(f"{tag} Invoke no result", lambda: raw.Invoke(add, 0, M, False, 1, 2))
    show(f"{tag} Invoke 1 arg", lambda: raw.Invoke(add, 0, M, True, 1))
    show(f"{tag} Invoke 3 args", lambda: raw.Invoke(add, 0, M, True, 1, 2, 3))
    show(f"{tag} Invoke bad types", lambda: raw.Invoke(add, 0, M, True, 1, "x"))
    show(f"{tag} Invoke lcid 1033", lambda: raw.Invoke(add, 1033, M, True, 1, 2))
    show(f"{tag} Invoke str dispid", lambda: raw.Invoke("Add", 0, M, True, 1, 2))
    show(f"{tag} Invoke too few params", lambda: raw.Invoke(add, 0, M))
    show(f"{tag} InvokeTypes byref", lambda: raw.InvokeTypes(out, 0, M, (pythoncom.VT_VARIANT, 0), ((pythoncom.VT_I4, 1), (pythoncom.VT_I4 | pythoncom.VT_BYREF, 3)), 5, 0))
    show(f"{tag} InvokeTypes byref variant", lambda: raw.InvokeTypes(out, 0, M, (pythoncom.VT_VARIANT, 0), ((pythoncom.VT_VARIANT, 1), (pythoncom.VT_VARIANT | pythoncom.VT_BYREF, 3)), 5, None))
    show(f"{tag} InvokeTypes ret I4", lambda: raw.InvokeTypes(add, 0, M, (pythoncom.VT_I4, 0), ((pythoncom.VT_I4, 1), (pythoncom.VT_I4, 1)), 2, 3))
    show(f"{tag} InvokeTypes ret BSTR", lambda: raw.InvokeTypes(add, 0, M, (pythoncom.VT_BSTR, 0), ((pythoncom.VT_I4, 1), (pythoncom.VT_I4, 1)), 2, 3))
    show(f"{tag} InvokeTypes ret EMPTY", lambda: raw.InvokeTypes(add, 0, M, (pythoncom.VT_EMPTY, 0), ((pythoncom.VT_I4, 1), (pythoncom.VT_I4, 1)), 2, 3))
    show(f"{tag} InvokeTypes arg BSTR from int", lambda: raw.InvokeTypes(add, 0, M, (pythoncom.VT_VARIANT, 0), ((pythoncom.VT_BSTR, 1), (pythoncom.VT_BSTR, 1)), 2, 3))
    show(f"{tag} InvokeTypes Missing optional", lambda: raw.InvokeTypes(add, 0, M, (pythoncom.VT_VARIANT, 0), ((pythoncom.VT_I4, 1), (pythoncom.VT_VARIANT, 17)), 2, pythoncom.Missing))
    show(f"{tag} GetTypeInfoCount", lambda: raw.GetTypeInfoCount())
    show(f"{tag} QI IDispatch", lambda: raw.QueryInterface(pythoncom.IID_IDispatch))
    show(f"{tag} QI IUnknown", lambda: raw.QueryInterface(pythoncom.IID_IUnknown))
    show(f"{tag} QI unknown", lambda: raw.QueryInterface("{00000000-1111-2222-3333-444444444444}"))
    show(f"{tag} QI IDispatchEx", lambda: raw.QueryInterface(pythoncom.IID_IDispatchEx))
    show(f"{tag} QI IStream", lambda: raw.QueryInterface(pythoncom.IID_IStream))
    show(f"{tag} QI IPersist", lambda: raw.QueryInterface(pythoncom.IID_IPersist))
    show(f"{tag} QI IProvideClassInfo", lambda: raw.QueryInterface(pythoncom.IID_IProvideClassInfo))
    show(f"{tag} QI bad str", lambda: raw.QueryInterface("nope"))
    show(f"{tag} QI None", lambda: raw.QueryInterface(None))


def probe_collection():
    c = win32com.client.Dispatch(win32com.server.util.wrap(Coll()))
    show("coll len", lambda: len(c))
    show("coll Count", lambda: c.Count)
    show("coll iter", lambda: list(c))
    show("coll iter twice", lambda: (list(c), list(c)))
    show("coll getitem 0", lambda: c[0])
    show("coll getitem 2", lambda: c[2])
    show("coll getitem 3", lambda: c[3])
    show("coll getitem -1", lambda: c[-1])
    show("coll Item 1", lambda: c.Item(1))
    show("coll Item 9", lambda: c.Item(9))
    show("coll call 1", lambda: c(1))
    show("coll Add then len", lambda: (c.Add("d"), len(c))[1])
    show("coll put Count", lambda: setattr(c, "Count", 1))
    show("coll _NewEnum", lambda: c._NewEnum())
    e = c._oleobj_.Invoke(pythoncom.DISPID_NEWENUM, 0, M | G, True)
    show("coll enum type", lambda: e)
    en = e.QueryInterface(pythoncom.IID_IEnumVARIANT)
    show("coll enum QI", lambda: en)
    show("coll Next 2", lambda: en.Next(2))
    show("coll Next 5", lambda: en.Next(5))
    show("coll Next after end", lambda: en.Next(1))
    show("coll Reset", lambda: en.Reset())
    show("coll Skip 1", lambda: en.Skip(1))
    show("coll Skip 10", lambda: en.Skip(10))
    show("coll Next 0", lambda: en.Next(0))
    show("coll Clone", lambda: en.Clone())
    m = win32com.client.Dispatch(win32com.server.util.wrap(CountMethod()))
    show("countmethod len", lambda: len(m))
    show("countmethod getitem 1", lambda: m[1])
    show("countmethod iter", lambda: list(m))
    s = win32com.client.Dispatch(win32com.server.util.wrap(Sub()))
    show("sub len", lambda: len(s))
    show("sub iter", lambda: list(s))
    show("sub getitem", lambda: s[0])
    show("sub call", lambda: s())
    show("sub str", lambda: str(s).split(" at ")[0])
    show("sub bool", lambda: bool(s))


def probe_wrap():
    show("wrap no public methods", lambda: win32com.server.util.wrap(object()))
    show("wrap None", lambda: win32com.server.util.wrap(None))
    show("wrap iid IUnknown", lambda: win32com.server.util.wrap(Sub(), pythoncom.IID_IUnknown))
    show("wrap iid unknown", lambda: win32com.server.util.wrap(Sub(), "{00000000-1111-2222-3333-444444444444}"))
    show("unwrap wrapped", lambda: type(win32com.server.util.unwrap(win32com.server.util.wrap(Sub()))).__name__)
    show("unwrap Dispatch", lambda: win32com.server.util.unwrap(win32com.client.Dispatch(win32com.server.util.wrap(Sub()))))
    show("unwrap int", lambda: win32com.server.util.unwrap(5))
    show("Dispatch of wrap username", lambda: win32com.client.Dispatch(win32com.server.util.wrap(Sub()), "MyName").nope)
    show("Dispatch of Dispatch", lambda: win32com.client.Dispatch(win32com.client.Dispatch(win32com.server.util.wrap(Sub()))).Who())
    show("Dispatch of IUnknown", lambda: win32com.client.Dispatch(win32com.server.util.wrap(Sub(), pythoncom.IID_IUnknown)).Who())
    show("Dispatch of list", lambda: win32com.client.Dispatch([1]))
    show("Dispatch of ''", lambda: win32com.client.Dispatch(""))
    show("Dispatch of IID", lambda: win32com.client.Dispatch(pywintypes.IID("{00000000-1111-2222-3333-444444444444}")))
    show("WrapObject bare", lambda: pythoncom.WrapObject(Sub()))


def probe_creation():
    N = "{00000000-1111-2222-3333-444444444444}"
    show("CoCreateInstance unknown clsid", lambda: pythoncom.CoCreateInstance(N, None, pythoncom.CLSCTX_ALL, pythoncom.IID_IDispatch))
    show("CoCreateInstance unknown progid", lambda: pythoncom.CoCreateInstance("No.Such.S30", None, pythoncom.CLSCTX_ALL, pythoncom.IID_IDispatch))
    show("CoCreateInstance bad clsid text", lambda: pythoncom.CoCreateInstance("{nope}", None, pythoncom.CLSCTX_ALL, pythoncom.IID_IDispatch))
    show("CoCreateInstance clsctx 0", lambda: pythoncom.CoCreateInstance("Scripting.Dictionary", None, 0, pythoncom.IID_IDispatch))
    show("CoCreateInstance clsctx LOCAL", lambda: pythoncom.CoCreateInstance("Scripting.Dictionary", None, pythoncom.CLSCTX_LOCAL_SERVER, pythoncom.IID_IDispatch))
    show("CoCreateInstance clsctx REMOTE", lambda: pythoncom.CoCreateInstance("Scripting.Dictionary", None, pythoncom.CLSCTX_REMOTE_SERVER, pythoncom.IID_IDispatch))
    show("CoCreateInstance clsctx -1", lambda: pythoncom.CoCreateInstance("Scripting.Dictionary", None, -1, pythoncom.IID_IDispatch))
    show("CoCreateInstance clsctx INPROC_HANDLER", lambda: pythoncom.CoCreateInstance("Scripting.Dictionary", None, pythoncom.CLSCTX_INPROC_HANDLER, pythoncom.IID_IDispatch))
    show("CoCreateInstance iid unknown", lambda: pythoncom.CoCreateInstance("Scripting.Dictionary", None, pythoncom.CLSCTX_ALL, N))
    show("CoCreateInstance iid IUnknown", lambda: pythoncom.CoCreateInstance("Scripting.Dictionary", None, pythoncom.CLSCTX_ALL, pythoncom.IID_IUnknown))
    show("CoCreateInstance outer", lambda: pythoncom.CoCreateInstance("Scripting.Dictionary", win32com.server.util.wrap(Sub(), pythoncom.IID_IUnknown), pythoncom.CLSCTX_ALL, pythoncom.IID_IDispatch))
    show("CoCreateInstance outer IUnknown", lambda: pythoncom.CoCreateInstance("Scripting.Dictionary", win32com.server.util.wrap(Sub(), pythoncom.IID_IUnknown), pythoncom.CLSCTX_ALL, pythoncom.IID_IUnknown))
    show("CoCreateInstance None clsid", lambda: pythoncom.CoCreateInstance(None, None, pythoncom.CLSCTX_ALL, pythoncom.IID_IDispatch))
    show("CoCreateInstance 3 args", lambda: pythoncom.CoCreateInstance("Scripting.Dictionary", None, pythoncom.CLSCTX_ALL))
    show("new Dictionary", lambda: pythoncom.new("Scripting.Dictionary"))
    show("New Dictionary", lambda: pythoncom.New("Scripting.Dictionary"))
    show("new unknown", lambda: pythoncom.new("No.Such.S30"))
    show("new unknown clsid", lambda: pythoncom.new(N))
    show("new None", lambda: pythoncom.new(None))
    show("Dispatch unknown progid", lambda: win32com.client.Dispatch("No.Such.S30"))
    show("Dispatch unknown clsid", lambda: win32com.client.Dispatch(N))
    show("Dispatch clsctx LOCAL", lambda: win32com.client.Dispatch("Scripting.Dictionary", clsctx=pythoncom.CLSCTX_LOCAL_SERVER))
    show("Dispatch clsctx 0", lambda: win32com.client.Dispatch("Scripting.Dictionary", clsctx=0))
    show("DispatchEx unknown", lambda: win32com.client.DispatchEx("No.Such.S30"))
    show("Dispatch of new", lambda: win32com.client.Dispatch(pythoncom.new("Scripting.Dictionary")).Count)
    show("dynamic.Dispatch", lambda: repr(win32com.client.dynamic.Dispatch("Scripting.Dictionary")).split(" at ")[0])
    show("dynamic.DumbDispatch", lambda: repr(win32com.client.dynamic.DumbDispatch("Scripting.Dictionary")).split(" at ")[0])
    show("GetObject no args", lambda: win32com.client.GetObject())
    show("GetObject both", lambda: win32com.client.GetObject("x", "y"))
    show("GetObject ''", lambda: win32com.client.GetObject(""))
    show("GetObject bad moniker", lambda: win32com.client.GetObject("nosuchscheme:abc"))
    show("GetObject garbage", lambda: win32com.client.GetObject("!!!"))
    show("GetObject Class unknown", lambda: win32com.client.GetObject(Class="No.Such.S30"))
    show("GetObject Class not running", lambda: win32com.client.GetObject(Class="Scripting.Dictionary"))
    show("GetObject clsid moniker", lambda: win32com.client.GetObject("clsid:EE09B103-97E0-11CF-978F-00A02463E06F").Count)
    show("GetObject clsid moniker unknown", lambda: win32com.client.GetObject("clsid:" + N[1:-1]))
    show("GetObject missing file", lambda: win32com.client.GetObject("C:\\no\\such\\file.s30"))
    show("GetActiveObject unknown", lambda: win32com.client.GetActiveObject("No.Such.S30"))
    show("GetActiveObject not running", lambda: win32com.client.GetActiveObject("Scripting.Dictionary"))
    show("pythoncom.GetActiveObject not running", lambda: pythoncom.GetActiveObject("Scripting.Dictionary"))
    show("pythoncom.connect not running", lambda: pythoncom.connect("Scripting.Dictionary"))
    show("MkParseDisplayName bad", lambda: pythoncom.MkParseDisplayName("nosuchscheme:abc"))
    show("ProgIDFromCLSID Dictionary", lambda: pythoncom.ProgIDFromCLSID("{EE09B103-97E0-11CF-978F-00A02463E06F}"))
    show("ProgIDFromCLSID unknown", lambda: pythoncom.ProgIDFromCLSID(N))
    show("CLSIDFromProgID unknown", lambda: pywintypes.IID("No.Such.S30"))


def probe_dictionary():
    d = win32com.client.Dispatch("Scripting.Dictionary")
    show("dict repr", lambda: repr(d).split(" at ")[0])
    show("dict Add", lambda: d.Add("a", 1))
    show("dict Add dup", lambda: d.Add("a", 2))
    show("dict Add int key", lambda: d.Add(5, "five"))
    show("dict Add None key", lambda: d.Add(None, "n"))
    show("dict Add few", lambda: d.Add("b"))
    show("dict Add many", lambda: d.Add("b", 1, 2))
    show("dict Count", lambda: d.Count)
    show("dict len", lambda: len(d))
    show("dict Item a", lambda: d.Item("a"))
    show("dict Item missing", lambda: d.Item("zz"))
    show("dict Count after missing Item", lambda: d.Count)
    show("dict call a", lambda: d("a"))
    show("dict getitem a", lambda: d["a"])
    show("dict getitem 5", lambda: d[5])
    show("dict Exists a", lambda: d.Exists("a"))
    show("dict Exists A", lambda: d.Exists("A"))
    show("dict Keys", lambda: d.Keys())
    show("dict Items", lambda: d.Items())
    show("dict iter", lambda: list(d))
    show("dict Remove missing", lambda: d.Remove("nope"))
    show("dict Remove a", lambda: d.Remove("a"))
    show("dict put Item", lambda: d.SetItem("c", 3) if False else setattr(d, "Item", 3))
    show("dict Key put", lambda: setattr(d, "Key", "x"))
    show("dict CompareMode", lambda: d.CompareMode)
    show("dict CompareMode put nonempty", lambda: setattr(d, "CompareMode", 1))
    show("dict unknown", lambda: d.nope)
    show("dict unknown call", lambda: d.Nope())
    show("dict put unknown", lambda: setattr(d, "nope", 1))
    show("dict Exists no arg", lambda: d.Exists())
    show("dict RemoveAll", lambda: d.RemoveAll())
    show("dict Count after RemoveAll", lambda: d.Count)
    show("dict CompareMode put empty", lambda: setattr(d, "CompareMode", 1) or d.CompareMode)
    show("dict Add ci", lambda: (d.Add("Key", 1), d.Exists("KEY"))[1])
    show("dict Add ci dup", lambda: d.Add("KEY", 2))
    show("dict Add object key", lambda: d.Add(win32com.server.util.wrap(Sub()), 1))
    show("dict Add list value", lambda: (d.Add("lst", [1, 2]), d.Item("lst"))[1])
    show("dict Add float key", lambda: (d.Add(1.5, "f"), d.Item(1.5))[1])
    show("dict Item put new", lambda: d._oleobj_.Invoke(0, 0, P, False, "newkey", "v"))
    show("dict Item get via DISPID_VALUE", lambda: d._oleobj_.Invoke(0, 0, G, True, "newkey"))
    show("dict GetIDsOfNames item (case)", lambda: d._oleobj_.GetIDsOfNames("item"))
    show("dict GetIDsOfNames unknown", lambda: d._oleobj_.GetIDsOfNames("nope"))
    show("dict Invoke GET on method Exists", lambda: d._oleobj_.Invoke(d._oleobj_.GetIDsOfNames("Exists"), 0, G, True, "KEY"))
    show("dict Invoke bad dispid", lambda: d._oleobj_.Invoke(4242, 0, M, True))
    show("dict Invoke flags 0", lambda: d._oleobj_.Invoke(d._oleobj_.GetIDsOfNames("Count"), 0, 0, True))
    show("dict GetTypeInfoCount", lambda: d._oleobj_.GetTypeInfoCount())
    show("dict GetTypeInfo", lambda: d._oleobj_.GetTypeInfo())
    show("dict QI unknown", lambda: d._oleobj_.QueryInterface("{00000000-1111-2222-3333-444444444444}"))
    show("dict HashVal", lambda: d.HashVal("a"))
    show("dict Exists bad type", lambda: d.Exists(win32com.client.VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_I4, [1])))
    show("dict Item 2 args", lambda: d.Item("a", "b"))


def probe_regexp():
    r = win32com.client.Dispatch("VBScript.RegExp")
    show("re Pattern default", lambda: r.Pattern)
    show("re Global default", lambda: r.Global)
    show("re IgnoreCase default", lambda: r.IgnoreCase)
    show("re Multiline default", lambda: r.Multiline)
    r.Pattern = r"(\d+)-(\w+)"
    show("re Test", lambda: r.Test("a 12-ab c 34-cd"))
    show("re Test no", lambda: r.Test("none"))
    show("re Execute Count", lambda: r.Execute("a 12-ab c 34-cd").Count)
    r.Global = True
    ms = r.Execute("a 12-ab c 34-cd")
    show("re Execute Global Count", lambda: ms.Count)
    show("re matches len", lambda: len(ms))
    show("re match 0 Value", lambda: ms.Item(0).Value)
    show("re match 0 FirstIndex", lambda: ms.Item(0).FirstIndex)
    show("re match 0 Length", lambda: ms.Item(0).Length)
    show("re match 1 SubMatches", lambda: list(ms.Item(1).SubMatches))
    show("re match getitem", lambda: ms[1].Value)
    show("re matches iter", lambda: [m.Value for m in ms])
    show("re match Item out of range", lambda: ms.Item(5))
    show("re match call", lambda: ms(0).Value)
    show("re match str", lambda: str(ms.Item(0)))
    show("re Replace", lambda: r.Replace("a 12-ab c 34-cd", "$2=$1"))
    show("re Replace no arg", lambda: r.Replace("x"))
    show("re put Global str", lambda: setattr(r, "Global", "yes") or r.Global)
    show("re put Pattern int", lambda: setattr(r, "Pattern", 5) or r.Pattern)
    show("re unknown", lambda: r.nope)
    r.Pattern = "(unclosed"
    show("re bad pattern Test", lambda: r.Test("x"))
    show("re bad pattern Execute", lambda: r.Execute("x"))
    r.Pattern = "a"
    show("re Test None", lambda: r.Test(None))
    show("re Test int", lambda: r.Test(5))
    show("re Test no arg", lambda: r.Test())
    show("re Execute empty", lambda: r.Execute("").Count)


def probe_fso():
    f = win32com.client.Dispatch("Scripting.FileSystemObject")
    show("fso GetExtensionName", lambda: f.GetExtensionName("a.b.txt"))
    show("fso GetBaseName", lambda: f.GetBaseName("a.b.txt"))
    show("fso GetFileName", lambda: f.GetFileName("x\\a.txt"))
    show("fso GetTempName shape", lambda: (len(f.GetTempName()), f.GetTempName()[:3], f.GetTempName()[-4:]))
    show("fso FileExists missing", lambda: f.FileExists("C:\\no\\such\\s30.txt"))
    show("fso FolderExists missing", lambda: f.FolderExists("C:\\no\\such\\s30"))
    show("fso GetFile missing", lambda: f.GetFile("C:\\no\\such\\s30.txt"))
    show("fso GetFolder missing", lambda: f.GetFolder("C:\\no\\such\\s30"))
    show("fso DeleteFile missing", lambda: f.DeleteFile("C:\\no\\such\\s30.txt"))
    show("fso OpenTextFile missing", lambda: f.OpenTextFile("C:\\no\\such\\s30.txt"))
    show("fso OpenTextFile bad mode", lambda: f.OpenTextFile("C:\\no\\such\\s30.txt", 99))
    show("fso GetSpecialFolder 9", lambda: f.GetSpecialFolder(9))
    show("fso GetDriveName", lambda: f.GetDriveName("C:\\x\\y"))
    show("fso GetParentFolderName", lambda: f.GetParentFolderName("C:\\x\\y"))
    show("fso no arg", lambda: f.FileExists())
    show("fso unknown", lambda: f.nope)
    show("fso Drives Count type", lambda: type(f.Drives.Count).__name__)


def probe_shell():
    s = win32com.client.Dispatch("WScript.Shell")
    show("wsh Expand unknown", lambda: s.ExpandEnvironmentStrings("%S30_NO_SUCH_VAR%"))
    show("wsh Expand plain", lambda: s.ExpandEnvironmentStrings("plain"))
    show("wsh Environment missing", lambda: s.Environment("PROCESS").Item("S30_NO_SUCH_VAR"))
    show("wsh Environment set get", lambda: (s.Environment("PROCESS").__setattr__("Item", "v") if False else None))
    show("wsh Environment bad type", lambda: s.Environment("NOPE"))
    show("wsh RegRead missing", lambda: s.RegRead("HKCU\\Software\\S30NoSuchKey\\val"))
    show("wsh RegRead bad root", lambda: s.RegRead("HKXX\\a"))
    show("wsh SpecialFolders unknown", lambda: s.SpecialFolders("S30Nope"))
    show("wsh unknown", lambda: s.nope)
    show("wsh CurrentDirectory type", lambda: type(s.CurrentDirectory).__name__)
    show("wsh Run no arg", lambda: s.Run())


def probe_registered():
    win32com.server.register.RegisterClasses(Registered, quiet=True)
    try:
        d = win32com.client.Dispatch(PROGID)
        show("reg repr", lambda: repr(d).split(" at ")[0])
        show("reg Add", lambda: d.Add(1, 2))
        show("reg get unknown", lambda: d.nope)
        show("reg put ro", lambda: setattr(d, "ro", 1))
        show("reg Fail 1", lambda: d.Fail(1))
        show("reg Fail 0", lambda: d.Fail(0))
        show("reg Add few", lambda: d.Add(1))
        show("reg Ret obj", lambda: d.Ret("obj").Who())
        show("reg Unwrap", lambda: d.Unwrap(win32com.server.util.wrap(Sub())))
        show("reg unwrap client side", lambda: type(win32com.server.util.unwrap(d)).__name__)
        show("reg call", lambda: d())
        show("reg new", lambda: pythoncom.new(PROGID))
        show("reg new Add", lambda: win32com.client.Dispatch(pythoncom.new(PROGID)).Add(3, 4))
        show("reg CoCreateInstance clsid", lambda: pythoncom.CoCreateInstance(CLSID, None, pythoncom.CLSCTX_INPROC_SERVER, pythoncom.IID_IDispatch))
        show("reg CoCreateInstance LOCAL only", lambda: pythoncom.CoCreateInstance(CLSID, None, pythoncom.CLSCTX_LOCAL_SERVER, pythoncom.IID_IDispatch))
        show("reg CoCreateInstance unknown iid", lambda: pythoncom.CoCreateInstance(CLSID, None, pythoncom.CLSCTX_INPROC_SERVER, "{00000000-1111-2222-3333-444444444444}"))
        show("reg ProgIDFromCLSID", lambda: pythoncom.ProgIDFromCLSID(CLSID))
        show("reg IID from progid", lambda: str(pywintypes.IID(PROGID)))
        show("reg GetObject Class not running", lambda: win32com.client.GetObject(Class=PROGID))
        show("reg Dispatch clsid", lambda: win32com.client.Dispatch(CLSID).Add(5, 5))
        show("reg Dispatch IID", lambda: win32com.client.Dispatch(pywintypes.IID(CLSID)).Add(5, 6))
        show("reg GetObject clsid moniker", lambda: win32com.client.GetObject("clsid:" + CLSID[1:-1]).Add(1, 1))
        probe_server("reg", d)
        del d
    finally:
        win32com.server.register.UnregisterClasses(Registered, quiet=True)
    show("reg after unregister", lambda: win32com.client.Dispatch(PROGID))
    show("reg clsid after unregister", lambda: win32com.client.Dispatch(CLSID))


SECTIONS = ("wrap", "server", "collection", "creation", "dictionary", "regexp", "fso", "shell", "registered")


def main(sections):
    pythoncom.CoInitialize()
    for name in sections:
        part = {"server": lambda: probe_server("wrap", win32com.client.Dispatch(win32com.server.util.wrap(Server())))}.get(name) or globals()["probe_" + name]
        try:
            part()
        except Exception as e:
            print(name, "ABORTED ->", err(e))
    sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:] or SECTIONS)
