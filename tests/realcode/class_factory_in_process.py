"""Serve a registered class from the running script: RegisterClassFactories, then revoke.

Source: ``win32com.server.localserver``'s way of serving classes (``factory.
RegisterClassFactories(clsids)``, ``pythoncom.CoResumeClassObjects()``, a message loop,
``factory.RevokeClassFactories(infos)``), as scripts use it to offer one object to clients
without a separate server process, rewritten as one program: the class is registered with
``UseCommandLine`` for a local server only (``_reg_clsctx_ = CLSCTX_LOCAL_SERVER``), its
class factory registered in this process with ``REGCLS_MULTIPLEUSE``; ``CoCreateInstance``
and ``Dispatch(progid, clsctx=CLSCTX_LOCAL_SERVER)`` then find the factory of this process, so
the objects are made here (the same module state); after ``RevokeClassFactories``, a second
revoke of the same cookie fails, and the registration is removed.
"""

import sys

import pythoncom
import win32com.client
import win32com.server.register
from win32com.server import factory

made = []


class Greeter:
    _reg_clsid_ = "{3F556695-F525-4C48-BDB1-891114D285F4}"
    _reg_progid_ = "Realcom.InProcessFactory"
    _reg_desc_ = "Realcom greeter served by its script"
    _reg_clsctx_ = pythoncom.CLSCTX_LOCAL_SERVER
    _public_methods_ = ["Greet", "Serial"]

    def __init__(self):
        made.append(self)
        self.serial = len(made)

    def Greet(self, who):
        return "Hello, " + who

    def Serial(self):
        return self.serial


def main():
    win32com.server.register.UseCommandLine(Greeter)
    infos = factory.RegisterClassFactories(
        [Greeter._reg_clsid_], flags=pythoncom.REGCLS_MULTIPLEUSE
    )
    print("factories registered:", len(infos))
    made_by_factory = win32com.client.Dispatch(
        pythoncom.CoCreateInstance(
            Greeter._reg_clsid_, None, pythoncom.CLSCTX_LOCAL_SERVER, pythoncom.IID_IDispatch
        )
    )
    print("CoCreateInstance:", made_by_factory.Greet("factory"), made_by_factory.Serial())
    first = win32com.client.Dispatch(
        "Realcom.InProcessFactory", clsctx=pythoncom.CLSCTX_LOCAL_SERVER
    )
    second = win32com.client.Dispatch(
        "Realcom.InProcessFactory", clsctx=pythoncom.CLSCTX_LOCAL_SERVER
    )
    print("first:", first.Greet("Mark"), first.Serial())
    print("second:", second.Serial())
    print("made in this process:", len(made))
    made_by_factory = first = second = None
    factory.RevokeClassFactories(infos)
    try:
        pythoncom.CoRevokeClassObject(infos[0][1])
    except pythoncom.com_error as error:
        print("second revoke:", error.hresult)
    sys.argv.append("--unregister")
    win32com.server.register.UseCommandLine(Greeter)
    try:
        win32com.client.Dispatch("Realcom.InProcessFactory", clsctx=pythoncom.CLSCTX_LOCAL_SERVER)
    except pythoncom.com_error as error:
        print("after unregister:", error.hresult)
    print("done")


if __name__ == "__main__":
    main()
