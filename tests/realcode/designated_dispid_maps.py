"""A server that fixes its own dispatch ids: _dispid_to_func_, _dispid_to_get_, _dispid_to_put_.

Source: pywin32's win32com/server/policy.py (DesignatedWrapPolicy reads ``_dispid_to_func_``,
``_dispid_to_get_``, ``_dispid_to_put_`` beside ``_public_methods_``/``_public_attrs_``) as
public GitHub servers use it to keep the ids a VB client compiled against (search
"_dispid_to_func_ =" "_dispid_to_get_ ="): a counter whose ``Reset`` is id 100 and whose
``value`` is id 200 for get and put; the client asks ``GetIDsOfNames`` (names of all three
maps and of ``_public_methods_``, in any case), calls by id with ``Invoke``, uses the names
through ``Dispatch``, asks for the default member (DISPID_VALUE: a ``_value_`` method that is not in
``_public_methods_`` is none, DISP_E_MEMBERNOTFOUND), and an unknown id
(DISP_E_MEMBERNOTFOUND) and unknown name (DISP_E_UNKNOWNNAME).
"""

import pythoncom
import win32com.client
import win32com.server.util


class Counter:
    _public_methods_ = ["Increment"]
    _public_attrs_ = ["step"]
    _dispid_to_func_ = {100: "reset"}
    _dispid_to_get_ = {200: "value"}
    _dispid_to_put_ = {200: "value"}

    def __init__(self):
        self.value = 0
        self.step = 1

    def Increment(self):
        self.value += self.step
        return self.value

    def reset(self):
        self.value = 0

    def _value_(self):
        return f"Counter at {self.value}"


def main():
    ob = win32com.server.util.wrap(Counter())
    for name in ("reset", "RESET", "value", "Increment", "increment", "step"):
        print("id of", name, "=", ob.GetIDsOfNames(name))
    counter = win32com.client.Dispatch(ob)
    counter.Increment()
    counter.step = 5
    print("after increments:", counter.Increment())
    print("value by id:", ob.Invoke(200, 0, pythoncom.DISPATCH_PROPERTYGET, True))
    ob.Invoke(200, 0, pythoncom.DISPATCH_PROPERTYPUT, False, 41)
    print("value by name:", counter.value)
    print("increment:", counter.Increment())
    ob.Invoke(100, 0, pythoncom.DISPATCH_METHOD, False)
    print("after reset:", counter.value)
    try:
        print("default:", ob.Invoke(pythoncom.DISPID_VALUE, 0, pythoncom.DISPATCH_METHOD, True))
    except pythoncom.com_error as error:
        print("no default:", error.hresult)
    try:
        ob.Invoke(999, 0, pythoncom.DISPATCH_METHOD, True)
    except pythoncom.com_error as error:
        print("unknown id:", error.hresult)
    try:
        ob.GetIDsOfNames("nothing")
    except pythoncom.com_error as error:
        print("unknown name:", error.hresult)


if __name__ == "__main__":
    main()
