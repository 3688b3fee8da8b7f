"""What a Python COM server receives for each VARIANT type a client sends, and what it returns.

Source: pywin32's win32com.client.VARIANT docs and the StackOverflow answers that pass typed
values to automation servers (search "win32com.client.VARIANT(pythoncom.VT_R4",
"VARIANT(pythoncom.VT_CY", "VARIANT(pythoncom.VT_DATE", "VT_ARRAY | pythoncom.VT_UI1"),
with a server of the kind their answers debug against: a wrapped ``_public_methods_`` object
whose ``Describe(v)`` returns the Python type and value it got, and ``Echo(v)`` that returns
it, so the client sees the round trip: floats, currency (a ``Decimal``), dates, booleans,
byte arrays, integer arrays, a 64-bit integer, NULL. A tuple or list returned is taken by
pywin32's gateway as the return value followed by out-parameters: with no by-reference
parameter, only its first item comes back, and pythoncom warns on ``sys.stderr``.
"""

import datetime
import decimal
import sys

import pythoncom
import pywintypes
import win32com.client
import win32com.server.util
from win32com.client import VARIANT


class Inspector:
    _public_methods_ = ["Describe", "Echo"]

    def Describe(self, value):
        if isinstance(value, datetime.datetime):
            return "datetime " + value.strftime("%Y-%m-%d %H:%M:%S")
        if isinstance(value, memoryview):
            return "memoryview " + repr(bytes(value))
        return type(value).__name__ + " " + repr(value)

    def Echo(self, value):
        return value


def main():
    sys.stderr = sys.stdout  # pythoncom's warnings go to sys.stderr: keep them in order in the log
    ob = win32com.client.Dispatch(win32com.server.util.wrap(Inspector()))
    values = [
        ("plain int", 42),
        ("big int", 2**40),
        ("float", 2.5),
        ("VT_R4", VARIANT(pythoncom.VT_R4, 1.25)),
        ("VT_I2", VARIANT(pythoncom.VT_I2, -7)),
        ("VT_UI1", VARIANT(pythoncom.VT_UI1, 200)),
        ("VT_BOOL", VARIANT(pythoncom.VT_BOOL, 1)),
        ("bool", True),
        ("VT_CY", VARIANT(pythoncom.VT_CY, decimal.Decimal("12.3456"))),
        ("Decimal", decimal.Decimal("99.95")),
        (
            "VT_DATE",
            VARIANT(pythoncom.VT_DATE, pywintypes.Time(datetime.datetime(2020, 2, 29, 13, 45, 30))),
        ),
        ("VT_BSTR", VARIANT(pythoncom.VT_BSTR, "text")),
        ("VT_NULL", VARIANT(pythoncom.VT_NULL, None)),
        ("None", None),
        ("VT_ARRAY|VT_I4", VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_I4, [1, 2, 3])),
        ("VT_ARRAY|VT_UI1", VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_UI1, b"\x01\x02\xff")),
        ("bytes", b"abc"),
        ("list", [1, "two", 3.0]),
    ]
    for label, value in values:
        print(label, "->", ob.Describe(value))
    print()
    for label, value in values:
        back = ob.Echo(value)
        if isinstance(back, datetime.datetime):
            back = back.strftime("%Y-%m-%d %H:%M:%S")
        if isinstance(back, memoryview):
            back = bytes(back)
            label += " (memoryview)"
        print(label, "<-", type(back).__name__, repr(back))


if __name__ == "__main__":
    main()
