"""Ids minted and compared with pythoncom: CreateGuid, IID round trips, GUIDs as dict keys.

Source: public GitHub scripts that mint CLSIDs for their servers (search
"print(pythoncom.CreateGuid()) _reg_clsid_",
"pywintypes.IID(str)") and plugin registries keyed by IID, rewritten with their
calls and their order: ``pythoncom.CreateGuid()`` printed in the registry form, ``str`` and
``repr``, ``pywintypes.IID`` of that string in upper and lower case, equality and hashing as
dict keys, comparison with the string, ``IID`` of a bad string, the bytes form
``IID(bytes, True)``, the names pythoncom knows (``IID_IDispatch``) and a sort that falls
back to ``key=str`` as ids have no order.
"""

import pythoncom
import pywintypes


def main():
    g = pythoncom.CreateGuid()
    text = str(g)
    print("type:", type(g).__name__, "length:", len(text), "braces:", text[0] + text[-1])
    print("repr form:", repr(g) == f"IID('{text}')")
    same = pywintypes.IID(text.lower())
    print("lower case equal:", same == g, "hash equal:", hash(same) == hash(g))
    registry = {g: "first"}
    print("dict lookup by copy:", registry[pywintypes.IID(text)])
    print("equals its string:", g == text)
    print("two guids differ:", pythoncom.CreateGuid() != pythoncom.CreateGuid())
    try:
        pywintypes.IID("not-a-guid")
    except pywintypes.com_error as exc:
        print("bad string:", exc.hresult)
    raw = bytes(range(16))
    from_bytes = pywintypes.IID(raw, True)
    print("from bytes:", from_bytes)
    print("IID_IDispatch:", pythoncom.IID_IDispatch)
    print("IID_IUnknown:", pythoncom.IID_IUnknown)
    try:
        ordered = sorted([pythoncom.IID_IDispatch, pythoncom.IID_IUnknown])
    except TypeError as exc:
        print("sorting ids:", exc)
        ordered = sorted([pythoncom.IID_IDispatch, pythoncom.IID_IUnknown], key=str)
    print("sorted by text:", ordered)
    print("bool:", bool(g))


main()
