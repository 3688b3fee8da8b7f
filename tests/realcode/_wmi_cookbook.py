"""The ``wmi`` package's cookbook recipes, run as its users run them.

Source: Tim Golden's WMI cookbook (the ``wmi`` package's documentation): connect with
``wmi.WMI()``, list the running processes, find one by property (``Win32_Process(
ProcessId=...)``), read the operating system's ``Caption``, the fixed disks' free space
(``Win32_LogicalDisk(DriveType=3)``), run a raw WQL ``query``, start a process with
``Win32_Process.Create`` and stop it with ``Terminate``; the constants the package reads from
WbemScripting's type library at import. Values that differ between machines are printed as
facts about them (a count is positive, a size is a number). Run by test_wmi_package.py with
the package (``wmi`` 1.5.1, pure Python over win32com) on the path: Wine's wbemdisp cannot run
it (E_NOTIMPL for the first class the package reads), so what it prints is Windows' answer as
the cookbook documents it.
"""

import os
import sys

import wmi

c = wmi.WMI()
print("flags from the type library:", wmi.wbemFlagReturnImmediately, wmi.wbemFlagForwardOnly)

processes = c.Win32_Process()
print("running processes listed:", len(processes) > 1)
me = c.Win32_Process(ProcessId=os.getpid())
print("this process found by ProcessId:", len(me), me[0].ProcessId == os.getpid())
print("its name is a str:", isinstance(me[0].Name, str))

system = c.Win32_OperatingSystem()[0]
print("operating system caption is text:", bool(system.Caption))

for disk in c.Win32_LogicalDisk(DriveType=3)[:1]:
    free = int(disk.FreeSpace) if disk.FreeSpace is not None else None
    print("a fixed disk's free space is a number:", isinstance(free, int))

rows = c.query(f"SELECT ProcessId, Name FROM Win32_Process WHERE ProcessId = {os.getpid()}")
print("query answered:", len(rows), rows[0].ProcessId == os.getpid())

command = f'"{sys.executable}" -c "import time; time.sleep(60)"'
pid, result = c.Win32_Process.Create(CommandLine=command)
print("Create returned:", result, pid > 0)
child = c.Win32_Process(ProcessId=pid)
print("the new process is listed:", len(child))
child[0].Terminate()
print("Terminate done")
