"""Environment variables through win32api, and what os.environ and a child see.

Source: public GitHub files that set a variable for the tools they start with
``win32api.SetEnvironmentVariable(name, value)``, read it with
``win32api.GetEnvironmentVariable`` (None when unset), expand ``%NAME%`` with
``win32api.ExpandEnvironmentStrings`` and delete it with ``SetEnvironmentVariable(name,
None)``; search "win32api.SetEnvironmentVariable(". Children started with no environment
of their own (``subprocess`` without ``env``, ``CreateProcess`` with None) inherit the value.
(``os.environ`` is left out: on Windows it is CPython's copy taken at start, which these
calls do not change; the facade's is the one environment Linux has.)
"""

import os
import subprocess
import sys

import win32api
import win32con
import win32event
import win32file
import win32process
import win32security

NAME = "REALCODE_ENV_VAR"


def main():
    if len(sys.argv) > 1:
        print("child sees:", os.environ.get(NAME))
        return
    print("unset:", win32api.GetEnvironmentVariable(NAME))
    win32api.SetEnvironmentVariable(NAME, "one two")
    print("set:", win32api.GetEnvironmentVariable(NAME))
    print("expand:", win32api.ExpandEnvironmentStrings(f"[%{NAME}%] [%REALCODE_NO_SUCH%]"))
    print("case:", win32api.GetEnvironmentVariable(NAME.lower()))
    child = subprocess.run([sys.executable, __file__, "child"], capture_output=True, text=True)
    print("subprocess:", child.stdout.strip())
    out = os.path.abspath("child.txt")
    cmd = f'"{sys.executable}" "{os.path.abspath(__file__)}" child'
    with open(out, "w"):
        pass

    sa = win32security.SECURITY_ATTRIBUTES()
    sa.bInheritHandle = True
    handle = win32file.CreateFile(
        out, win32file.GENERIC_WRITE, win32file.FILE_SHARE_READ, sa, win32con.CREATE_ALWAYS, 0, None
    )
    si = win32process.STARTUPINFO()
    si.dwFlags = win32process.STARTF_USESTDHANDLES
    si.hStdOutput = handle
    si.hStdError = handle
    hp, ht, pid, tid = win32process.CreateProcess(None, cmd, None, None, True, 0, None, None, si)
    win32event.WaitForSingleObject(hp, 60000)
    handle.Close()
    with open(out) as f:
        print("CreateProcess:", f.read().strip())
    win32api.SetEnvironmentVariable(NAME, None)
    print("deleted:", win32api.GetEnvironmentVariable(NAME))
    print("done")


if __name__ == "__main__":
    main()
