"""What a client sees when a Python COM server fails: COMException forms and plain exceptions.

Source: public GitHub Python COM servers and their tests (search "raise COMException(",
"win32com.server.exception", "except pythoncom.com_error as" "excepinfo"), rewritten with
their calls and their order: a wrapped server whose methods raise ``COMException`` with a
positional description, with ``hresult=``, with ``scode=`` plus ``helpfile``/``helpcontext``,
a bare ``COMException()``, and plain Python exceptions (``ValueError``, ``KeyError``,
``ZeroDivisionError``), and the client printing each ``com_error``'s hresult, its EXCEPINFO
code, source, description and scode. pywin32's policy turns an unhandled Python exception
into DISP_E_EXCEPTION whose scode is E_FAIL (or the exception's own scode where it has one)
with "Python COM Server Internal Error" as the source and "Unexpected Python Error: " and the
exception as the description (the traceback goes to stderr, as pywin32's logger writes it).

Where Wine is not Windows: Wine's text for E_ACCESSDENIED is "Access denied."; Windows'
(which COMException takes from FormatMessage when given no description) is "Access is
denied.", as here.
"""

import pythoncom
import win32com.client
import win32com.server.util
import winerror
from win32com.server.exception import COMException


class Failing:
    _public_methods_ = [
        "Positional",
        "WithHresult",
        "WithHelp",
        "Bare",
        "BadValue",
        "Lookup",
        "Divide",
    ]

    def Positional(self):
        raise COMException("positional description")

    def WithHresult(self):
        raise COMException(hresult=winerror.E_ACCESSDENIED)

    def WithHelp(self):
        raise COMException(
            desc="see the help",
            scode=winerror.E_NOTIMPL,
            helpfile="help.chm",
            helpContext=42,
        )

    def Bare(self):
        raise COMException()

    def BadValue(self, x):
        raise ValueError(f"bad value {x}")

    def Lookup(self, key):
        return {"a": 1}[key]

    def Divide(self, a, b):
        return a / b


def report(label, call, *args):
    try:
        print(label, "ok:", call(*args))
    except pythoncom.com_error as error:
        exc = error.excepinfo
        print(label, "hr:", error.hresult)
        if exc:
            print("   code:", exc[0], "source:", exc[1], "scode:", exc[5])
            print("   desc:", exc[2].splitlines()[0] if exc[2] else exc[2])
            print("   help:", exc[3], exc[4])


def main():
    pythoncom.CoInitialize()
    ob = win32com.client.Dispatch(win32com.server.util.wrap(Failing()))
    report("positional", ob.Positional)
    report("hresult", ob.WithHresult)
    report("help", ob.WithHelp)
    report("bare", ob.Bare)
    report("value", ob.BadValue, 3)
    report("key", ob.Lookup, "b")
    report("divide", ob.Divide, 1, 0)
    report("args", ob.Divide, 1)
    ob = None
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
