"""Run a command and capture what it prints with WScript.Shell's Run and Exec.

Source: the ``cmdshell`` helper of scripts that drive the command line through WScript.Shell
(``set oexec = shell.exec(cmd)``; ``if not oexec.stdout.atendofstream then readall``, else
the same on stderr), the JScript ``PerformNimCmd`` loop (``while (!oStdOut.AtEndOfStream)
WScript.Echo(oStdOut.ReadLine())``), and ``shell.Run(cmd, 0, True)`` to get an exit code;
rewritten in Python with pywin32, the commands being this Python (``cmd /c`` is Windows').
Where Wine is not Windows: Wine's WshExec has no StdOut nor StdErr (E_NOTIMPL); the lines
after the first (Run's exit code, which Wine gives) are Windows'.
"""

import sys
import time

import win32com.client

shell = win32com.client.Dispatch("WScript.Shell")
python = f'"{sys.executable}"'

code = shell.Run(python + ' -c "raise SystemExit(7)"', 0, True)
print("exit code from Run:", code)


def cmdshell(cmd):
    oexec = shell.Exec(cmd)
    if not oexec.StdOut.AtEndOfStream:
        result = oexec.StdOut.ReadAll()
    elif not oexec.StdErr.AtEndOfStream:
        result = oexec.StdErr.ReadAll()
    else:
        result = ""
    while oexec.Status == 0:
        time.sleep(0.05)
    return result, oexec.ExitCode


out, status = cmdshell(python + ' -c "print(6 * 7)"')
print("stdout:", out.strip(), "exit:", status)
out, status = cmdshell(python + " -c \"import sys; sys.exit('only an error')\"")
print("stderr:", out.strip(), "exit:", status)

lines = shell.Exec(python + ' -c "print(1); print(2); print(3)"').StdOut
seen = []
while not lines.AtEndOfStream:
    seen.append(lines.ReadLine())
print("lines:", seen)
