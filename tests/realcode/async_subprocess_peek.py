"""Non-blocking reads of a child's output on Windows: PeekNamedPipe, then ReadFile.

Source: the well-known recipe "asynchronous subprocess use on Windows and Posix" (ActiveState
recipe 440554, and the many copies of it on GitHub), rewritten with its calls and their order:
``msvcrt.get_osfhandle(pipe.fileno())``, ``PeekNamedPipe(handle, 0)`` for the bytes waiting,
``ReadFile(handle, n, None)`` of just those, ``WriteFile(handle, data)`` to the child's stdin;
``pywintypes.error`` 109 (ERROR_BROKEN_PIPE) when the child has gone. The driver is a child
that echoes lines upper-cased. PeekNamedPipe refused such a handle here (ERROR_INVALID_HANDLE: it
was not a pipe the library made); it looks into it now, as into an anonymous pipe.
"""

import msvcrt
import subprocess
import sys

import pywintypes
import win32api
import win32file
import win32pipe
import winerror

CHILD = (
    "import sys\nfor line in sys.stdin:\n    sys.stdout.write(line.upper()); sys.stdout.flush()\n"
)


def send(proc, data):
    x = msvcrt.get_osfhandle(proc.stdin.fileno())
    err, written = win32file.WriteFile(x, data)
    return err, written


def recv_some(proc):
    x = msvcrt.get_osfhandle(proc.stdout.fileno())
    try:
        _, avail, _ = win32pipe.PeekNamedPipe(x, 0)
        if avail > 0:
            err, read = win32file.ReadFile(x, avail, None)
            return read
        return b""
    except pywintypes.error as why:
        if why.winerror in (winerror.ERROR_BROKEN_PIPE, 109):
            return None
        raise


def recv_until(proc, expected, tries=500):
    got = b""
    for _ in range(tries):
        chunk = recv_some(proc)
        if chunk is None:
            break
        got += chunk
        if got.endswith(expected):
            break
        win32api.Sleep(10)
    return got


def main():
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    print("nothing yet:", recv_some(proc))
    print("sent:", send(proc, b"hello\n"))
    print("got:", recv_until(proc, b"\n").replace(b"\r\n", b"\n"))
    send(proc, b"two\nlines\n")
    print("got:", recv_until(proc, b"LINES\n").replace(b"\r\n", b"\n"))
    proc.stdin.close()
    proc.wait(30)
    print("after exit:", recv_some(proc))
    print("done")


if __name__ == "__main__":
    main()
