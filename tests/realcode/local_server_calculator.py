"""A calculator COM server registered to run in its own process (``_reg_clsctx_``), then used.

Source: the pywin32 local-server recipe of StackOverflow answers and blog posts ("How to make
a COM server out of process with pywin32": ``_reg_clsctx_ =
pythoncom.CLSCTX_LOCAL_SERVER``, ``win32com.server.register.UseCommandLine(cls)``, then
``win32com.client.Dispatch(progid)`` from another script), run as one script: register,
``Dispatch`` (which asks for CLSCTX_SERVER and so gets the local server), methods that add,
keep a running total and report the server's process id (not ours), a second client that
gets a separate instance, an in-process request (``clsctx=CLSCTX_INPROC_SERVER``) refused
with REGDB_E_CLASSNOTREG since only a LocalServer32 key was written, then
``--unregister``.
"""

import os
import sys

import pythoncom
import win32com.client
import win32com.server.register


class Calculator:
    _reg_clsid_ = "{5F3C1A22-7B8E-4C1D-9E55-3A0D2B6C4E91}"
    _reg_progid_ = "RealcomDemo.Calculator"
    _reg_desc_ = "Python Calculator (local server)"
    _reg_clsctx_ = pythoncom.CLSCTX_LOCAL_SERVER
    _public_methods_ = ["Add", "Accumulate", "ProcessId"]
    _public_attrs_ = ["total"]

    def __init__(self):
        self.total = 0

    def Add(self, a, b):
        return a + b

    def Accumulate(self, value):
        self.total = self.total + value
        return self.total

    def ProcessId(self):
        return os.getpid()


def main():
    win32com.server.register.UseCommandLine(Calculator)
    calc = win32com.client.Dispatch("RealcomDemo.Calculator")
    print("2 + 3 =", calc.Add(2, 3))
    print("1.5 + 2 =", calc.Add(1.5, 2))
    print("strings:", calc.Add("ab", "cd"))
    for value in (10, 20, 12):
        calc.Accumulate(value)
    print("total:", calc.total)
    print("other process:", calc.ProcessId() != os.getpid())
    second = win32com.client.Dispatch("RealcomDemo.Calculator")
    print("second total:", second.total, "same process:", second.ProcessId() == calc.ProcessId())
    try:
        win32com.client.Dispatch("RealcomDemo.Calculator", clsctx=pythoncom.CLSCTX_INPROC_SERVER)
    except pythoncom.com_error as error:
        print("in-process:", error.hresult)
    calc = second = None
    sys.argv.append("--unregister")
    win32com.server.register.UseCommandLine(Calculator)
    print("done")


if __name__ == "__main__":
    main()
