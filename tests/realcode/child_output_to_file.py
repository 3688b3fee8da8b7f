"""Run a child with its output going straight into a log file, through an inheritable handle.

Source: public GitHub process launchers (build runners, SCons' ``my_spawn``, service wrappers)
that make a log with ``win32file.CreateFile(log, GENERIC_WRITE, FILE_SHARE_READ, sa,
CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, None)`` where ``sa = win32security.SECURITY_ATTRIBUTES()``
has ``bInheritHandle = True``, put it in a ``win32process.STARTUPINFO()`` with
``STARTF_USESTDHANDLES`` as ``hStdOutput`` and ``hStdError``, start the child with
``CreateProcess(None, cmdline, None, None, True, CREATE_NO_WINDOW, None, cwd, si)``, close
the thread handle, wait with ``WaitForSingleObject(hProcess, INFINITE)`` and read
``GetExitCodeProcess`` (search "STARTF_USESTDHANDLES hStdOutput CreateFile bInheritHandle
CreateProcess"). A second child without inheritance shows the handle is not passed then.

Wine differs: it gives a child its standard handles even when ``bInheritHandles`` is False,
so its ``child2.log`` holds the child's lines; on Windows the handles are not inherited, the
child's writes go nowhere and the log stays empty, as the expected output has it.
"""

import os
import subprocess
import sys

import pywintypes
import win32api
import win32con
import win32event
import win32file
import win32process
import win32security

CHILD = "import sys; print('to stdout'); print('to stderr', file=sys.stderr); sys.exit(7)"


def run_logged(log, inherit):
    sa = win32security.SECURITY_ATTRIBUTES()
    sa.bInheritHandle = True
    handle = win32file.CreateFile(
        log,
        win32con.GENERIC_WRITE,
        win32con.FILE_SHARE_READ,
        sa,
        win32con.CREATE_ALWAYS,
        win32con.FILE_ATTRIBUTE_NORMAL,
        None,
    )
    si = win32process.STARTUPINFO()
    si.dwFlags = win32process.STARTF_USESTDHANDLES
    si.hStdInput = win32api.GetStdHandle(win32api.STD_INPUT_HANDLE)
    si.hStdOutput = handle
    si.hStdError = handle
    cmdline = subprocess.list2cmdline([sys.executable, "-c", CHILD])
    hProcess, hThread, pid, tid = win32process.CreateProcess(
        None, cmdline, None, None, inherit, win32process.CREATE_NO_WINDOW, None, os.getcwd(), si
    )
    win32api.CloseHandle(hThread)
    handle.Close()  # the child has its own copy now
    rc = win32event.WaitForSingleObject(hProcess, win32event.INFINITE)
    code = win32process.GetExitCodeProcess(hProcess)
    win32api.CloseHandle(hProcess)
    return rc, code, pid > 0


def main():
    print("inherited:", run_logged("child.log", True))
    with open("child.log") as f:
        print("log:", sorted(f.read().split("\n")))
    print("not inherited:", run_logged("child2.log", False))
    with open("child2.log") as f:
        print("log2:", repr(f.read()))
    try:
        win32process.CreateProcess(
            None,
            "no-such-program-here.exe",
            None,
            None,
            False,
            0,
            None,
            None,
            win32process.STARTUPINFO(),
        )
    except pywintypes.error as e:
        print("missing program:", e.winerror, e.funcname)
    print("done")


if __name__ == "__main__":
    main()
