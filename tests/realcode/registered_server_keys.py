"""Check what registering a Python COM server wrote under HKEY_CLASSES_ROOT.

Source: public GitHub Python COM server projects whose installers and tests verify the
registration after ``win32com.server.register.RegisterClasses`` (search
"RegQueryValue(win32con.HKEY_CLASSES_ROOT" "InprocServer32" "ThreadingModel" "_reg_clsid_"
"LocalServer32"), rewritten with their calls and their order: a class with
``_reg_clsid_``, ``_reg_progid_``, ``_reg_verprogid_``, ``_reg_desc_``,
``_reg_threading_``, ``_reg_clsctx_`` registered with ``RegisterClasses(cls, quiet=1)``;
``win32api.RegQueryValue`` of ``ProgID\\CLSID``, ``CLSID\\{...}`` (the description),
``CLSID\\{...}\\ProgID`` and ``VersionIndependentProgID``; ``RegOpenKey`` +
``RegQueryValueEx(key, "ThreadingModel")`` of ``InprocServer32``; the ``PythonCOM`` subkey
naming the class; after ``UnregisterClasses`` the ProgID key is gone (ERROR_FILE_NOT_FOUND).
"""

import pythoncom
import pywintypes
import win32api
import win32com.server.register
import win32con


class Reporter:
    _reg_clsid_ = "{3F2A7C1E-5B8D-4E6F-9A0B-1C2D3E4F5A71}"
    _reg_progid_ = "RealcomKeys.Reporter"
    _reg_verprogid_ = "RealcomKeys.Reporter.1"
    _reg_desc_ = "Realcom registry keys reporter"
    _reg_threading_ = "Both"
    _reg_clsctx_ = pythoncom.CLSCTX_INPROC_SERVER
    _public_methods_ = ["Ping"]

    def Ping(self):
        return "pong"


def query(subkey):
    try:
        return win32api.RegQueryValue(win32con.HKEY_CLASSES_ROOT, subkey)
    except pywintypes.error as error:
        return f"error {error.winerror}"


def main():
    win32com.server.register.RegisterClasses(Reporter, quiet=1)
    clsid = Reporter._reg_clsid_
    print("progid -> clsid:", query("RealcomKeys.Reporter\\CLSID"))
    print("verprogid -> clsid:", query("RealcomKeys.Reporter.1\\CLSID"))
    print("description:", query(f"CLSID\\{clsid}"))
    print("clsid -> progid:", query(f"CLSID\\{clsid}\\ProgID"))
    print("version independent:", query(f"CLSID\\{clsid}\\VersionIndependentProgID"))
    print("progid description:", query("RealcomKeys.Reporter"))
    key = win32api.RegOpenKey(win32con.HKEY_CLASSES_ROOT, f"CLSID\\{clsid}\\InprocServer32")
    try:
        print("threading model:", win32api.RegQueryValueEx(key, "ThreadingModel"))
    finally:
        win32api.RegCloseKey(key)
    print("PythonCOM:", query(f"CLSID\\{clsid}\\PythonCOM").endswith("Reporter"))
    print("local server key:", query(f"CLSID\\{clsid}\\LocalServer32"))
    win32com.server.register.UnregisterClasses(Reporter, quiet=1)
    print("after unregister:", query("RealcomKeys.Reporter\\CLSID"), query(f"CLSID\\{clsid}"))
    print("done")


if __name__ == "__main__":
    main()
