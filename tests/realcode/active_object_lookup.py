"""Attach to a running application if there is one, else say so, as Office scripts do.

Source: the common recipe (StackOverflow "win32com.client.GetActiveObject ... if Excel is not
running", GitHub scripts with ``try: GetActiveObject("Excel.Application") except
pywintypes.com_error: Dispatch(...)``), rewritten with its calls in their order:
``win32com.client.GetActiveObject(progid)``, ``win32com.client.GetObject(Class=progid)``,
``pythoncom.GetActiveObject(clsid)``, each in ``try``/``except pywintypes.com_error`` with the
hresult printed; then an object made active with ``pythoncom.RegisterActiveObject`` is found
by both, and gone after ``RevokeActiveObject``. Excel is not installed: its ProgID is not
registered. Scripting.Dictionary stands in for a registered application that is not running.
Where Wine is not Windows: the strerror of CO_E_CLASSSTRING and MK_E_UNAVAILABLE is Windows'
text ("Invalid class string", "Operation unavailable"); Wine has none and pywin32 there prints
"COM Error 0x800401f3" and the code's name.
"""

import pythoncom
import pywintypes
import win32com.client


def try_attach(progid):
    try:
        app = win32com.client.GetActiveObject(progid)
        return f"attached: {type(app).__name__}"
    except pywintypes.com_error as error:
        return f"not running: {error.hresult} {error.strerror}"


def try_getobject(progid):
    try:
        win32com.client.GetObject(Class=progid)
        return "attached"
    except pywintypes.com_error as error:
        return f"GetObject failed: {error.hresult}"


def main():
    print("Excel:", try_attach("Excel.Application"))
    print("Excel by GetObject:", try_getobject("Excel.Application"))
    print("Dictionary:", try_attach("Scripting.Dictionary"))
    print("Dictionary by GetObject:", try_getobject("Scripting.Dictionary"))
    clsid = pywintypes.IID("{EE09B103-97E0-11CF-978F-00A02463E06F}")  # Scripting.Dictionary
    try:
        pythoncom.GetActiveObject(clsid)
    except pythoncom.com_error as error:
        print("pythoncom.GetActiveObject:", error.hresult)
    mine = win32com.client.Dispatch("Scripting.Dictionary")
    mine.Add("who", "the running one")
    cookie = pythoncom.RegisterActiveObject(mine._oleobj_, clsid, pythoncom.ACTIVEOBJECT_STRONG)
    print("cookie is an int:", isinstance(cookie, int))
    found = win32com.client.GetActiveObject("Scripting.Dictionary")
    print("found:", found.Item("who"))
    print("by GetObject:", win32com.client.GetObject(Class="Scripting.Dictionary").Item("who"))
    raw = pythoncom.GetActiveObject(clsid)
    print("raw is IUnknown:", type(raw).__name__)
    pythoncom.RevokeActiveObject(cookie)
    print("after revoke:", try_attach("Scripting.Dictionary"))
    try:
        pythoncom.RevokeActiveObject(cookie)
    except pythoncom.com_error as error:
        print("revoke twice:", error.hresult)


if __name__ == "__main__":
    main()
