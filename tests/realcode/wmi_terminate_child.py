"""Kill a program by its process id through WMI's Win32_Process.Terminate.

Source: the "kill a process with WMI" idiom (``for p in wmi.ExecQuery("select * from
Win32_Process where ProcessId = ...")``: ``p.Terminate()``), as scripts that stop a hung
child use it, rewritten around a child of its own that waits on its standard input. It also
asks who owns the child (``ExecMethod_("GetOwner")``: ``ReturnValue`` 0 and a user name)
and terminates a process that is already gone. Wine's wbemdisp calls no method by its name
(``p.Terminate()``: E_NOTIMPL): those lines hold Windows' answer (ReturnValue 0, and
WBEM_E_NOT_FOUND for a process that has ended).
"""

import subprocess
import sys

import pywintypes
import win32com.client

child = subprocess.Popen(
    [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
)
wmi = win32com.client.GetObject("winmgmts:")
for process in wmi.ExecQuery(f"select * from Win32_Process where ProcessId = {child.pid}"):
    owner = process.ExecMethod_("GetOwner")
    print("owner:", owner.Properties_("ReturnValue").Value, bool(owner.Properties_("User").Value))
    print("terminate:", process.Terminate())
child.wait()
print("child ended:", child.poll() is not None)
try:
    print("again:", process.Terminate())
except pywintypes.com_error as error:
    print("again:", hex(error.excepinfo[5] & 0xFFFFFFFF))
child.stdin.close()
