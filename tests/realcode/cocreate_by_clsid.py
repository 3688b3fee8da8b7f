"""Create a class by CLSID with pythoncom.CoCreateInstance and look at its type information.

Source: public GitHub files and answers that create a COM object without a ProgID lookup
(``pythoncom.CoCreateInstance(clsid, None, pythoncom.CLSCTX_INPROC_SERVER,
pythoncom.IID_IDispatch)``, then ``win32com.client.Dispatch(obj)``; an unknown CLSID is
REGDB_E_CLASSNOTREG); search "pythoncom.CoCreateInstance(". The class is
Scripting.Dictionary (scrrun.dll). (Such programs go on to list members from
``obj.GetTypeInfo()``: left out, the facade's system classes have no type information yet.)
"""

import pythoncom
import pywintypes
import win32com.client


def main():
    pythoncom.CoInitialize()
    clsid = pywintypes.IID("{EE09B103-97E0-11CF-978F-00A02463E06F}")
    print("progid:", pythoncom.ProgIDFromCLSID(clsid))
    obj = pythoncom.CoCreateInstance(
        clsid, None, pythoncom.CLSCTX_INPROC_SERVER, pythoncom.IID_IDispatch
    )
    print("type:", type(obj).__name__)
    unk = obj.QueryInterface(pythoncom.IID_IUnknown)
    print("same object:", unk == obj.QueryInterface(pythoncom.IID_IUnknown))
    d = win32com.client.Dispatch(obj)
    d.Add("a", 1)
    print("count:", d.Count, d.Item("a"))
    try:
        pythoncom.CoCreateInstance(
            pywintypes.IID("{00000000-0000-0000-0000-00000000ABCD}"),
            None,
            pythoncom.CLSCTX_INPROC_SERVER,
            pythoncom.IID_IDispatch,
        )
    except pythoncom.com_error as e:
        print("unknown class:", e.hresult)
    obj = unk = d = None
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
