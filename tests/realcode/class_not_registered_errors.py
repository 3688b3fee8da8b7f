"""Which automation servers are installed? The errors Dispatch gives when a class is missing.

Source: the "is Excel installed?" checks of Office automation scripts and the StackOverflow
questions about ``com_error: (-2147221005, 'Invalid class string')`` and ``(-2147221164, 'Class
not registered')`` (a ProgID that is not there, a CLSID without a server, a 32-bit server asked
for by a 64-bit Python), rewritten with their calls and their order: ``Dispatch(progid)`` in a
``try`` for a list of application ProgIDs, ``pywintypes.IID(progid)`` and
``ProgIDFromCLSID`` on unknown names and ids, ``Dispatch`` of an unregistered CLSID string,
then a Python server registered with ``UseCommandLine`` and asked for with the wrong context
(``clsctx=CLSCTX_LOCAL_SERVER``: ``_reg_clsctx_`` gave it only an in-process server) and, after its
``InprocServer32`` key is deleted by hand (the half-uninstalled application), by ProgID.
"""

import sys

import pythoncom
import pywintypes
import win32api
import win32com.client
import win32com.server.register
import win32con


class Reporter:
    _reg_clsid_ = "{8E173F2E-7955-45F1-806B-9177983525BC}"
    _reg_progid_ = "Realcom.Reporter"
    _reg_desc_ = "Realcom missing-class reporter"
    _reg_clsctx_ = pythoncom.CLSCTX_INPROC_SERVER
    _public_methods_ = ["Ping"]

    def Ping(self):
        return "pong"


def try_dispatch(label, *args, **kwargs):
    try:
        obj = win32com.client.Dispatch(*args, **kwargs)
    except pywintypes.com_error as error:
        hr, msg, exc, arg = error.args
        print(f"{label}: {hr} {hex(hr & 0xFFFFFFFF)} exc={exc} arg={arg}")
        return None
    print(f"{label}: available")
    return obj


def main():
    for progid in ("Excel.Application", "Word.Application", "Outlook.Application"):
        try_dispatch(progid, progid)
    try:
        pywintypes.IID("NoSuch.Application")
    except pythoncom.com_error as error:
        print("IID of an unknown ProgID:", error.hresult)
    unknown = "{725E5E31-3A35-4B82-9318-7E2B9125CE9F}"
    try:
        pythoncom.ProgIDFromCLSID(unknown)
    except pythoncom.com_error as error:
        print("ProgIDFromCLSID:", error.hresult)
    try_dispatch("unregistered clsid", unknown)
    try_dispatch("unregistered IID", pywintypes.IID(unknown))
    try:
        pythoncom.CoCreateInstance(
            unknown, None, pythoncom.CLSCTX_INPROC_SERVER, pythoncom.IID_IDispatch
        )
    except pythoncom.com_error as error:
        print("CoCreateInstance:", error.hresult)

    win32com.server.register.UseCommandLine(Reporter)
    obj = try_dispatch("registered", "Realcom.Reporter")
    print("ping:", obj.Ping())
    obj = None
    try_dispatch("local server only", "Realcom.Reporter", clsctx=pythoncom.CLSCTX_LOCAL_SERVER)
    win32api.RegDeleteKey(
        win32con.HKEY_CLASSES_ROOT, f"CLSID\\{Reporter._reg_clsid_}\\InprocServer32"
    )
    print(
        "ProgID still maps:",
        pywintypes.IID("Realcom.Reporter") == pywintypes.IID(Reporter._reg_clsid_),
    )
    try_dispatch("server key deleted", "Realcom.Reporter")
    sys.argv.append("--unregister")
    win32com.server.register.UseCommandLine(Reporter)
    try_dispatch("unregistered", "Realcom.Reporter")
    print("done")


if __name__ == "__main__":
    main()
