"""Is a program running? List the processes and find one by name and by id through WMI.

Source: the "check if a process is running" idiom of many Windows scripts and Stack Overflow
answers (``GetObject("winmgmts:")``, ``InstancesOf("Win32_Process")`` over each process's
``Properties_("Name").Value``; ``ExecQuery("select * from Win32_Process where Name = '...'")``
and ``len()`` of the answer), and Microsoft's "WMI Tasks: Processes" samples, rewritten. It
looks itself up by ``ProcessId`` (its ``Handle`` is the id as a string, ``WorkingSetSize`` a
uint64, so a string), asks for a program that is not running, and reads a class that does not
exist (the error comes when the answer is read). Wine's wbemdisp reads no property by its name
(``p.Name``: E_NOTIMPL) and answers the unknown class with an empty set: those two lines
hold Windows' answer.
"""

import os

import pywintypes
import win32com.client

wmi = win32com.client.GetObject("winmgmts:")
names = [p.Properties_("Name").Value for p in wmi.InstancesOf("Win32_Process")]
print("processes listed:", len(names) > 3, all(isinstance(n, str) for n in names))

for p in wmi.ExecQuery(f"Select * from Win32_Process where ProcessId = {os.getpid()}"):
    print("me:", p.Properties_("Handle").Value == str(os.getpid()))
    print("working set:", type(p.Properties_("WorkingSetSize").Value).__name__)
    print("name by attribute:", p.Name == p.Properties_("Name").Value)


def is_running(name):
    return len(wmi.ExecQuery(f"select * from Win32_Process where Name = '{name}'")) > 0


print("no-such-program.exe running:", is_running("no-such-program.exe"))

try:
    print(len(wmi.ExecQuery("select * from Win32_NoSuchClass")))
except pywintypes.com_error as error:
    print("unknown class:", hex(error.excepinfo[5] & 0xFFFFFFFF))
