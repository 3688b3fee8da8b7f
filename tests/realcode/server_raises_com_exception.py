"""A Python COM object that reports failures as COM errors, and the client that reads them.

Source: public GitHub files of Python COM servers (``from win32com.server.exception import
COMException``; ``raise COMException(desc="...", scode=winerror.E_INVALIDARG)`` in a
public method; clients that unpack ``com_error.args`` into ``hr, msg, exc, arg`` and print
``exc[2]``, the description; search "raise COMException(desc="). The object is wrapped
with ``win32com.server.util.wrap`` and called through ``win32com.client.Dispatch``, in the
same process, as their tests do. A DISP_E_* scode (DISP_E_DIVBYZERO here) comes back as the
call's own HRESULT with no EXCEPINFO, as pywin32's gateway returns it; another scode comes
as DISP_E_EXCEPTION carrying it.
"""

import pythoncom
import win32com.client
import win32com.server.util
import winerror
from win32com.server.exception import COMException


class Calculator:
    _public_methods_ = ["Divide", "Root"]
    _public_attrs_ = ["Name"]
    _readonly_attrs_ = ["Name"]

    def __init__(self):
        self.Name = "calc"

    def Divide(self, a, b):
        if b == 0:
            raise COMException(desc="Division by zero", scode=winerror.DISP_E_DIVBYZERO)
        return a / b

    def Root(self, x):
        if x < 0:
            raise COMException(
                desc="Negative input", scode=winerror.E_INVALIDARG, source="Calculator"
            )
        return x**0.5


def show(call, *args):
    try:
        print("ok:", call(*args))
    except pythoncom.com_error as error:
        hr, msg, exc, arg = error.args
        print("hr:", hr, "scode:", exc[5] if exc else None)
        if exc:
            print("  source:", exc[1], "description:", exc[2])


def main():
    pythoncom.CoInitialize()
    calc = win32com.client.Dispatch(win32com.server.util.wrap(Calculator()))
    show(calc.Divide, 10, 4)
    show(calc.Divide, 1, 0)
    show(calc.Root, 9)
    show(calc.Root, -1)
    print("name:", calc.Name)
    try:
        calc.Name = "other"
    except AttributeError as error:
        print("set read-only:", error)
    try:
        calc.Missing()
    except AttributeError as error:
        print("missing:", type(error).__name__)
    calc = None
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
