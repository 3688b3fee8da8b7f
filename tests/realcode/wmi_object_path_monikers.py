"""Reach WMI objects straight from a moniker: GetObject with namespaces and object paths.

Source: the one-liners of WMI scripts ported from VBScript (``GetObject("winmgmts:{impersonation
Level=impersonate}!\\\\.\\root\\cimv2")``, ``GetObject("winmgmts:Win32_Process.Handle='...'")``,
``GetObject("winmgmts:root\\cimv2:Win32_Process")`` for the class), rewritten with their calls
and their order around the script's own process: the service by the long and the short
moniker, one process by its object path (``Handle`` is the key, a string) and its
``Path_.RelPath``/``Path_.Class``, the class object and its ``Path_.IsClass``, a path to a process
that does not exist and a class that does not exist (both WBEM_E_NOT_FOUND: a path's class is
looked up as an object is).

Wine differs: its SWbemObject reads no property by name (``process.ProcessId``: E_NOTIMPL);
these lines hold Windows' answers.
"""

import os

import pywintypes
import win32com.client


def main():
    long_form = win32com.client.GetObject(
        "winmgmts:{impersonationLevel=impersonate}!\\\\.\\root\\cimv2"
    )
    short_form = win32com.client.GetObject("winmgmts:")
    for label, service in (("long", long_form), ("short", short_form)):
        me = list(service.ExecQuery(f"SELECT * FROM Win32_Process WHERE ProcessId = {os.getpid()}"))
        print(label, "moniker finds this process:", len(me), me[0].ProcessId == os.getpid())
    process = win32com.client.GetObject(f"winmgmts:Win32_Process.Handle='{os.getpid()}'")
    print("by object path:", process.ProcessId == os.getpid(), process.Handle == str(os.getpid()))
    print("relpath:", process.Path_.RelPath == f'Win32_Process.Handle="{os.getpid()}"')
    print("class:", process.Path_.Class, process.Path_.IsClass)
    cls = win32com.client.GetObject("winmgmts:root\\cimv2:Win32_Process")
    print("class object:", cls.Path_.Class, cls.Path_.IsClass, cls.Path_.RelPath)
    for path in ("winmgmts:Win32_Process.Handle='999999999'", "winmgmts:Win32_NoSuchClass"):
        try:
            win32com.client.GetObject(path)
        except pywintypes.com_error as error:
            print("missing:", path.split(":")[1], error.hresult)
    print("done")


if __name__ == "__main__":
    main()
