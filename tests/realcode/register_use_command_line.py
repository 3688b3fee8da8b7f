"""Register a Python COM server with UseCommandLine, use it by ProgID, then unregister it.

Source: the pywin32 "hello world" server every tutorial starts from (``_reg_clsid_``,
``_reg_progid_``, ``_reg_desc_``, ``_public_methods_``, ``_public_attrs_``,
``_readonly_attrs_``, ``if __name__ == '__main__': win32com.server.register.UseCommandLine(
HelloWorld)``) and its client (``win32com.client.Dispatch("Python.TestServer")``), run as one
script: ``UseCommandLine(cls)`` with no arguments registers, and with ``--unregister`` in
``sys.argv`` (where UseCommandLine reads its options) unregisters;
between them ``Dispatch``, ``DispatchEx``, ``GetObject(Class=progid)`` (not running:
MK_E_UNAVAILABLE), ``pywintypes.IID(progid)``/``ProgIDFromCLSID``, reading and writing
the attributes, the read-only one refusing a write; after unregistering, the ProgID is
unknown (CO_E_CLASSSTRING).
"""

import sys

import pythoncom
import pywintypes
import win32com.client
import win32com.server.register


class HelloWorld:
    _reg_clsid_ = "{7CC9F362-486D-11D1-BB48-0000E838A65F}"
    _reg_desc_ = "Python Test COM Server"
    _reg_progid_ = "Python.RealcomHello"
    _public_methods_ = ["Hello"]
    _public_attrs_ = ["softspace", "noCalls"]
    _readonly_attrs_ = ["noCalls"]

    def __init__(self):
        self.softspace = 1
        self.noCalls = 0

    def Hello(self, who):
        self.noCalls = self.noCalls + 1
        # insert "softspace" number of spaces
        return "Hello" + " " * self.softspace + str(who)


def main():
    win32com.server.register.UseCommandLine(HelloWorld)
    clsid = pywintypes.IID("Python.RealcomHello")
    print("clsid:", clsid)
    print("progid:", pythoncom.ProgIDFromCLSID(clsid))
    ob = win32com.client.Dispatch("Python.RealcomHello")
    print(ob.Hello("Mark"))
    ob.softspace = 3
    print(ob.Hello("again"))
    print("calls:", ob.noCalls)
    try:
        ob.noCalls = 10
    except Exception as error:
        print("read-only:", type(error).__name__)
    other = win32com.client.DispatchEx("Python.RealcomHello")
    print("separate instance:", other.noCalls, other.Hello("x"))
    try:
        win32com.client.GetObject(Class="Python.RealcomHello")
    except pythoncom.com_error as error:
        print("not running:", error.hresult)
    ob = other = None
    sys.argv.append("--unregister")
    win32com.server.register.UseCommandLine(HelloWorld)
    try:
        win32com.client.Dispatch("Python.RealcomHello")
    except pythoncom.com_error as error:
        print("after unregister:", error.hresult)
    print("done")


if __name__ == "__main__":
    main()
