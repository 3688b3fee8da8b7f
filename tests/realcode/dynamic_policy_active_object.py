"""A permissive Python object behind DynamicPolicy, made active in the ROT and reached by IID.

Source: pywin32's own test of the dynamic policy (com/win32com/test/testDynamic.py) and the
Rosetta Code / AutoHotkey bridge built on it (search "usePolicy=win32com.server.policy.
DynamicPolicy" "RegisterActiveObject(ob, iid, 0)"), rewritten with their calls and their order:
a class whose ``_dynamic_(name, lcid, wFlags, args)`` serves every name (methods by
``getattr``, property gets from its attributes, DISP_E_MEMBERNOTFOUND for an unknown one,
property puts by ``setattr``), wrapped with ``win32com.server.util.wrap(ob,
usePolicy=DynamicPolicy)``, registered with ``pythoncom.RegisterActiveObject(ob, iid, 0)``,
then found by ``win32com.client.dynamic.Dispatch(iid)`` (which looks the IID up in the ROT
first): a new attribute set and read back, a sequence round trip, a method with varargs, an
unknown name, a call with no arguments raising DISP_E_BADPARAMCOUNT; then
``RevokeActiveObject``.
"""

import pythoncom
import win32com.client.dynamic
import win32com.server.policy
import win32com.server.util
import winerror
from win32com.server.exception import COMException

iid = pythoncom.MakeIID("{b48969a0-784b-11d0-ae71-d23f56000042}")


class VeryPermissive:
    def _dynamic_(self, name, lcid, wFlags, args):
        if wFlags & pythoncom.DISPATCH_METHOD:
            return getattr(self, name)(*args)

        if wFlags & pythoncom.DISPATCH_PROPERTYGET:
            try:
                # to avoid problems with byref param handling, tuple results are converted to lists.
                ret = self.__dict__[name]
                if isinstance(ret, tuple):
                    ret = list(ret)
                return ret
            except KeyError:  # Probably a method request.
                raise COMException(scode=winerror.DISP_E_MEMBERNOTFOUND) from None

        if wFlags & (pythoncom.DISPATCH_PROPERTYPUT | pythoncom.DISPATCH_PROPERTYPUTREF):
            setattr(self, name, args[0])
            return

        raise COMException(scode=winerror.E_INVALIDARG, desc="invalid wFlags")

    def write(self, *args):
        if len(args) == 0:
            raise COMException(scode=winerror.DISP_E_BADPARAMCOUNT)  # Probably call as PROPGET.

        for arg in args[:-1]:
            print(str(arg), end=" ")
        print(str(args[-1]))


def main():
    pythoncom.CoInitialize()
    ob = win32com.server.util.wrap(VeryPermissive(), usePolicy=win32com.server.policy.DynamicPolicy)
    try:
        handle = pythoncom.RegisterActiveObject(ob, iid, 0)
    except pythoncom.com_error as details:
        print("Warning - could not register the object in the ROT:", details)
        handle = None
    print("registered:", handle is not None)
    try:
        client = win32com.client.dynamic.Dispatch(iid)
        client.ANewAttr = "Hello"
        print("new attr:", client.ANewAttr)
        v = ["Hello", "From", "Python", 1.4]
        client.TestSequence = v
        print("sequence:", list(client.TestSequence))
        client.write("This", "output", "has", "come", "via", "COM")
        print("unknown name:", repr(client.Missing))
        try:
            client.write()
        except pythoncom.com_error as error:
            print("no args:", error.hresult, error.excepinfo[5] if error.excepinfo else None)
        active = pythoncom.GetActiveObject(iid)
        print("active is dispatch:", active.QueryInterface(pythoncom.IID_IDispatch) is not None)
        client = active = None
    finally:
        if handle is not None:
            pythoncom.RevokeActiveObject(handle)
    try:
        pythoncom.GetActiveObject(iid)
    except pythoncom.com_error as error:
        print("after revoke:", error.hresult)
    ob = None
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
