"""A hidden console child fed on stdin and read on stdout through anonymous pipes.

Source: public GitHub process runners and the StackOverflow answers to "hide the console
window of a child started with win32process.CreateProcess and read its output" (search
"STARTF_USESHOWWINDOW SW_HIDE STARTF_USESTDHANDLES win32pipe.CreatePipe hStdInput"),
rewritten with their calls and their order: two ``CreatePipe`` pairs with an inheritable
``SECURITY_ATTRIBUTES``, the parent's ends made non-inheritable with
``SetHandleInformation``, a ``STARTUPINFO`` with ``dwFlags = STARTF_USESHOWWINDOW |
STARTF_USESTDHANDLES`` and ``wShowWindow = SW_HIDE``, ``CreateProcess(None, cmdline, None,
None, True, CREATE_NO_WINDOW, None, None, si)``, the child's ends closed, lines written with
``WriteFile``, the write end closed for EOF, ``ReadFile`` until ``ERROR_BROKEN_PIPE``,
``WaitForSingleObject`` and ``GetExitCodeProcess``.
"""

import sys

import pywintypes
import win32api
import win32con
import win32event
import win32file
import win32pipe
import win32process
import winerror

CHILD = (
    "import sys\n"
    "n = 0\n"
    "for line in sys.stdin:\n"
    "    n += 1\n"
    "    sys.stdout.write('echo %d: %s' % (n, line.upper()))\n"
    "sys.stdout.flush()\n"
    "sys.exit(n)\n"
)


def main():
    sa = pywintypes.SECURITY_ATTRIBUTES()
    sa.bInheritHandle = True
    stdin_r, stdin_w = win32pipe.CreatePipe(sa, 0)
    stdout_r, stdout_w = win32pipe.CreatePipe(sa, 0)
    win32api.SetHandleInformation(stdin_w, win32con.HANDLE_FLAG_INHERIT, 0)
    win32api.SetHandleInformation(stdout_r, win32con.HANDLE_FLAG_INHERIT, 0)
    print(
        "inherit flags parent ends:",
        win32api.GetHandleInformation(stdin_w),
        win32api.GetHandleInformation(stdout_r),
    )

    si = win32process.STARTUPINFO()
    si.dwFlags = win32con.STARTF_USESHOWWINDOW | win32con.STARTF_USESTDHANDLES
    si.wShowWindow = win32con.SW_HIDE
    si.hStdInput = stdin_r
    si.hStdOutput = stdout_w
    si.hStdError = stdout_w
    print("startupinfo flags:", si.dwFlags, "show:", si.wShowWindow)
    cmdline = f'"{sys.executable}" -u -c "exec({CHILD!r})"'
    hp, ht, pid, tid = win32process.CreateProcess(
        None, cmdline, None, None, True, win32process.CREATE_NO_WINDOW, None, None, si
    )
    print("pid and tid are ints:", isinstance(pid, int), isinstance(tid, int))
    stdin_r.Close()
    stdout_w.Close()
    for word in ("alpha", "beta", "gamma"):
        rc, written = win32file.WriteFile(stdin_w, (word + "\n").encode())
        print("wrote", word, rc, written)
    stdin_w.Close()
    chunks = []
    while True:
        try:
            rc, data = win32file.ReadFile(stdout_r, 4096)
        except pywintypes.error as exc:
            if exc.winerror == winerror.ERROR_BROKEN_PIPE:
                print("read ends with broken pipe:", exc.funcname)
                break
            raise
        chunks.append(data)
    out = b"".join(chunks).decode().replace("\r\n", "\n")
    for line in out.splitlines():
        print("child:", line)
    print("wait:", win32event.WaitForSingleObject(hp, 20000))
    print("exit code:", win32process.GetExitCodeProcess(hp))
    win32api.CloseHandle(ht)
    hp.Close()


main()
