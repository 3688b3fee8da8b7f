"""Two server classes registered together with RegisterClasses, a versioned ProgID, then removed.

Source: pywin32's win32com/server/register.py as public GitHub projects call it from their
own installers instead of UseCommandLine (search "register.RegisterClasses(" "quiet=1"
"_reg_verprogid_" "UnregisterClasses("): two classes, one with a version-dependent ProgID
(``_reg_verprogid_``), registered with ``RegisterClasses(A, B, quiet=1)``; each created by
its ProgID, the versioned one also by ``Name.1`` and by its CLSID, ``pythoncom.new`` for a
raw IDispatch, ``pywintypes.IID(progid)``/``ProgIDFromCLSID``, then ``UnregisterClasses(A, B,
quiet=1)`` and a ProgID no longer known (CO_E_CLASSSTRING).
"""

import pythoncom
import pywintypes
import win32com.client
import win32com.server.register


class Greeter:
    _reg_clsid_ = "{0B8F0E5C-2D71-4E0E-9B1A-6C2F3D4E5A61}"
    _reg_progid_ = "RealcomDemo.Greeter"
    _reg_verprogid_ = "RealcomDemo.Greeter.1"
    _reg_desc_ = "Realcom greeter"
    _public_methods_ = ["Greet"]

    def Greet(self, name):
        return f"Good morning, {name}"


class Farewell:
    _reg_clsid_ = "{0B8F0E5C-2D71-4E0E-9B1A-6C2F3D4E5A62}"
    _reg_progid_ = "RealcomDemo.Farewell"
    _public_methods_ = ["Bye"]
    _public_attrs_ = ["politeness"]

    def __init__(self):
        self.politeness = 1

    def Bye(self, name):
        return "Goodbye" + "!" * self.politeness + " " + name


def main():
    win32com.server.register.RegisterClasses(Greeter, Farewell, quiet=1)
    greeter = win32com.client.Dispatch("RealcomDemo.Greeter")
    print(greeter.Greet("Ada"))
    print(win32com.client.Dispatch("RealcomDemo.Greeter.1").Greet("Brian"))
    print(win32com.client.Dispatch(Greeter._reg_clsid_).Greet("Carol"))
    raw = pythoncom.new("RealcomDemo.Farewell")
    print("raw:", type(raw).__name__)
    farewell = win32com.client.Dispatch(raw)
    farewell.politeness = 3
    print(farewell.Bye("Dan"))
    clsid = pywintypes.IID("RealcomDemo.Greeter.1")
    print("clsid:", clsid, clsid == pywintypes.IID(Greeter._reg_clsid_))
    print("progid:", pythoncom.ProgIDFromCLSID(Farewell._reg_clsid_))
    greeter = farewell = raw = None
    win32com.server.register.UnregisterClasses(Greeter, Farewell, quiet=1)
    for progid in ("RealcomDemo.Greeter", "RealcomDemo.Farewell"):
        try:
            win32com.client.Dispatch(progid)
        except pythoncom.com_error as error:
            print(progid, "gone:", error.hresult)


if __name__ == "__main__":
    main()
