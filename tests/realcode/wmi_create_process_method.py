"""Start a program through WMI's Win32_Process.Create and wait for it by its process id.

Source: the "run a process with WMI and get its PID" answers (``wmi =
win32com.client.GetObject("winmgmts:")``, ``process = wmi.Get("Win32_Process")``,
``params = process.Methods_("Create").InParameters.SpawnInstance_()``,
``params.Properties_.Item("CommandLine").Value = ...``, ``result = process.ExecMethod_("Create",
params)``, ``result.ReturnValue``, ``result.ProcessId``), rewritten with their calls and their
order around a child of its own that exits with code 7: the method's parameters listed, the
call, the process waited for through ``win32api.OpenProcess`` and
``win32event.WaitForSingleObject``, its exit code from ``win32process.GetExitCodeProcess``; then
a call with a missing program (ReturnValue 9, "path not found") and the error of an unknown
method name (WBEM_E_NOT_FOUND from ``Methods_``).

Wine differs: its wbemdisp cannot enumerate a method's parameters (``InParameters.Properties_``
fails) nor call a method by name; these lines hold Windows' answers (the
parameters Win32_Process.Create documents, ReturnValue 0, then 9 for a path not found).
"""

import sys

import pywintypes
import win32api
import win32com.client
import win32con
import win32event
import win32process


def main():
    wmi = win32com.client.GetObject("winmgmts:")
    process = wmi.Get("Win32_Process")
    method = process.Methods_("Create")
    print("in parameters:", sorted(p.Name for p in method.InParameters.Properties_))
    print("out parameters:", sorted(p.Name for p in method.OutParameters.Properties_))
    params = method.InParameters.SpawnInstance_()
    params.Properties_.Item("CommandLine").Value = f'"{sys.executable}" -c "raise SystemExit(7)"'
    result = process.ExecMethod_("Create", params)
    print("ReturnValue:", result.ReturnValue)
    pid = result.ProcessId
    print("got a pid:", isinstance(pid, int) and pid > 0)
    handle = win32api.OpenProcess(
        win32con.PROCESS_QUERY_INFORMATION | win32con.SYNCHRONIZE, False, pid
    )
    print("wait:", win32event.WaitForSingleObject(handle, 60000) == win32event.WAIT_OBJECT_0)
    print("exit code:", win32process.GetExitCodeProcess(handle))
    win32api.CloseHandle(handle)
    params = method.InParameters.SpawnInstance_()
    params.Properties_.Item("CommandLine").Value = "no_such_program_here.exe"
    result = process.ExecMethod_("Create", params)
    print("missing program ReturnValue:", result.ReturnValue)
    try:
        process.Methods_("Launch")
    except pywintypes.com_error as error:
        print("unknown method:", error.hresult, error.excepinfo[5] if error.excepinfo else None)
    print("done")


if __name__ == "__main__":
    main()
