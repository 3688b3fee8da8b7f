"""A Python COM object handed out with wrap, queried for interfaces, and unwrapped again.

Source: public GitHub files (callbacks and event sinks built with
``win32com.server.util.wrap``; search "win32com.server.util wrap QueryInterface unwrap
IID_IDispatch"), rewritten with their calls and their order: ``wrap(obj)`` returning a
PyIDispatch, ``QueryInterface(pythoncom.IID_IUnknown)`` and back to ``IID_IDispatch``,
``GetIDsOfNames``, ``Invoke(dispid, 0, DISPATCH_METHOD, True, args)``, an unknown interface
failing with E_NOINTERFACE, an unknown name with DISP_E_UNKNOWNNAME, an exception in the method
arriving as DISP_E_EXCEPTION with its text, and ``unwrap`` giving the Python object back.
"""

import pythoncom
import win32com.server.exception
import win32com.server.util
import winerror

IID_IStream = pythoncom.IID_IStream


class Greeter:
    _public_methods_ = ["Greet", "Fail"]
    _public_attrs_ = ["name"]

    def __init__(self):
        self.name = "world"

    def Greet(self, greeting):
        return f"{greeting}, {self.name}"

    def Fail(self):
        raise win32com.server.exception.COMException(desc="cannot do that", scode=winerror.E_FAIL)


def main():
    pythoncom.CoInitialize()
    ob = Greeter()
    disp = win32com.server.util.wrap(ob)
    print("wrapped:", type(disp).__name__)
    unk = disp.QueryInterface(pythoncom.IID_IUnknown)
    print("unknown:", type(unk).__name__)
    again = unk.QueryInterface(pythoncom.IID_IDispatch)
    print("dispatch again:", type(again).__name__)
    try:
        disp.QueryInterface(IID_IStream)
    except pythoncom.com_error as error:
        print("stream:", error.hresult == winerror.E_NOINTERFACE)
    dispid = disp.GetIDsOfNames("Greet")
    print("dispid is an int:", isinstance(dispid, int))
    print("invoke:", disp.Invoke(dispid, 0, pythoncom.DISPATCH_METHOD, True, "hello"))
    name_id = disp.GetIDsOfNames("name")
    disp.Invoke(name_id, 0, pythoncom.DISPATCH_PROPERTYPUT, False, "COM")
    print("property:", disp.Invoke(name_id, 0, pythoncom.DISPATCH_PROPERTYGET, True))
    try:
        disp.GetIDsOfNames("Missing")
    except pythoncom.com_error as error:
        print("missing:", error.hresult == winerror.DISP_E_UNKNOWNNAME)
    try:
        disp.Invoke(disp.GetIDsOfNames("Fail"), 0, pythoncom.DISPATCH_METHOD, True)
    except pythoncom.com_error as error:
        print(
            "fail:",
            error.hresult == winerror.DISP_E_EXCEPTION,
            error.excepinfo[2],
            error.excepinfo[5] == winerror.E_FAIL,
        )
    back = win32com.server.util.unwrap(again)
    print("unwrapped is the object:", back is ob)
    try:
        win32com.server.util.unwrap(unk)
        print("unwrap of IUnknown: ok")
    except Exception as error:
        print("unwrap of IUnknown:", type(error).__name__)
    del disp, unk, again
    print("objects left:", pythoncom._GetInterfaceCount())
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
