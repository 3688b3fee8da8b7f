"""Typed VARIANT arrays handed to a COM method, as AutoCAD/Excel automation scripts build them.

Source: public GitHub AutoCAD and Office automation scripts (search
"win32com.client.VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_R8" "APoint" "VT_ARRAY |
pythoncom.VT_DISPATCH" "VT_ARRAY | pythoncom.VT_I2" "VT_ARRAY | pythoncom.VT_VARIANT"),
rewritten with their calls and their order: ``POINT = VARIANT(VT_ARRAY | VT_R8, (x, y,
z))``, a selection filter pair ``VARIANT(VT_ARRAY | VT_I2, [0])`` / ``VARIANT(VT_ARRAY |
VT_VARIANT, ["LINE"])``, an array of objects ``VARIANT(VT_ARRAY | VT_DISPATCH, objs)``,
a ``VT_DATE`` and a ``VT_BOOL``, a nested tuple for a 2-D range; the receiving method is a
Python server that reports the Python type and value it got, and a variant's ``varianttype``
and ``value`` as the client sees them.
"""

import datetime

import pythoncom
import win32com.client
import win32com.server.util
from win32com.client import VARIANT


class Modelspace:
    _public_methods_ = ["Describe", "AddLine", "Select", "Tag"]

    def Describe(self, value):
        if isinstance(value, memoryview):
            value = bytes(value)
            return f"memoryview: {value!r}"
        return f"{type(value).__name__}: {value!r}"

    def AddLine(self, start, end):
        return f"line {tuple(start)} -> {tuple(end)} ({type(start).__name__})"

    def Select(self, codes, values):
        return f"filter {list(codes)} {list(values)}"

    def Tag(self, objs):
        return [win32com.client.Dispatch(o).Name for o in objs]


class Named:
    _public_methods_ = []
    _public_attrs_ = ["Name"]

    def __init__(self, name):
        self.Name = name


def APoint(x, y, z=0):
    return VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_R8, (x, y, z))


def main():
    pythoncom.CoInitialize()
    ms = win32com.client.Dispatch(win32com.server.util.wrap(Modelspace()))
    p1, p2 = APoint(0, 0), APoint(10.5, 20)
    print("point:", p1.varianttype == pythoncom.VT_ARRAY | pythoncom.VT_R8, p1.value)
    print(ms.AddLine(p1, p2))
    codes = VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_I2, [0])
    values = VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_VARIANT, ["LINE"])
    print(ms.Select(codes, values))
    objs = [win32com.server.util.wrap(Named(n)) for n in ("a", "b")]
    print("tags:", list(ms.Tag(VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_DISPATCH, objs))))
    print(ms.Describe(VARIANT(pythoncom.VT_I4, 7)))
    print(ms.Describe(VARIANT(pythoncom.VT_R4, 1.5)))
    print(ms.Describe(VARIANT(pythoncom.VT_BOOL, 1)))
    print(ms.Describe(VARIANT(pythoncom.VT_BSTR, 12)))
    print(ms.Describe(VARIANT(pythoncom.VT_I2, 3.0)))
    print(ms.Describe(VARIANT(pythoncom.VT_DATE, datetime.datetime(2024, 1, 2, 3, 4, 5))))
    print(ms.Describe(((1, 2), (3, 4))))
    print(ms.Describe(VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_I4, ((1, 2), (3, 4)))))
    print(ms.Describe(VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_UI1, b"\x01\x02")))
    print(ms.Describe(b"raw"))
    print(ms.Describe(VARIANT(pythoncom.VT_EMPTY, None)))
    print(ms.Describe(VARIANT(pythoncom.VT_NULL, None)))
    print(ms.Describe(2**40))
    v = VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_R8, [1, 2])
    print("repr:", repr(v))
    ms = None
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
