"""A scratch file that deletes itself: FILE_FLAG_DELETE_ON_CLOSE shared with a child process.

Source: public pywin32 code and answers on temporary files that must vanish even when the
program dies (search "win32file.CreateFile FILE_FLAG_DELETE_ON_CLOSE FILE_SHARE_DELETE another
process open"), rewritten with their calls in their order: the parent creates the file with
``FILE_FLAG_DELETE_ON_CLOSE`` and ``FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE``,
writes to it, and starts a child that opens it by name; the child's open without
``FILE_SHARE_DELETE`` fails with ERROR_SHARING_VIOLATION (32) (the parent's handle has DELETE
access), with it succeeds and reads what the parent wrote. The parent closes first; the child
still reads through its handle; once the child's handle is closed too the file is gone.
"""

import os
import subprocess
import sys
import tempfile

import pywintypes
import win32con
import win32event
import win32file

CLOSED = "realcode_delete_on_close_parent_closed_"


def child(path, closed_name):
    for share in (
        win32con.FILE_SHARE_READ | win32con.FILE_SHARE_WRITE,
        win32con.FILE_SHARE_READ | win32con.FILE_SHARE_WRITE | win32con.FILE_SHARE_DELETE,
    ):
        try:
            h = win32file.CreateFile(
                path, win32con.GENERIC_READ, share, None, win32con.OPEN_EXISTING, 0, None
            )
            print("child opened with share", share)
        except pywintypes.error as e:
            print("child open with share", share, "failed:", e.winerror, e.funcname)
    rc, data = win32file.ReadFile(h, 100)
    print("child read:", rc, data)
    sys.stdout.flush()
    closed = win32event.OpenEvent(win32con.SYNCHRONIZE, False, closed_name)
    print("sync:", win32event.WaitForSingleObject(closed, 30000))
    win32file.SetFilePointer(h, 0, win32file.FILE_BEGIN)
    rc, data = win32file.ReadFile(h, 100)
    print("child read after parent closed:", rc, data)
    h.Close()


def main():
    path = os.path.join(tempfile.mkdtemp(), "scratch.tmp")
    h = win32file.CreateFile(
        path,
        win32con.GENERIC_READ | win32con.GENERIC_WRITE,
        win32con.FILE_SHARE_READ | win32con.FILE_SHARE_WRITE | win32con.FILE_SHARE_DELETE,
        None,
        win32con.CREATE_ALWAYS,
        win32con.FILE_ATTRIBUTE_TEMPORARY | win32con.FILE_FLAG_DELETE_ON_CLOSE,
        None,
    )
    win32file.WriteFile(h, b"scratch data")
    win32file.FlushFileBuffers(h)
    closed_name = f"{CLOSED}{os.getpid()}"
    closed = win32event.CreateEvent(None, True, False, closed_name)
    proc = subprocess.Popen(
        [sys.executable, __file__, "child", path, closed_name], stdout=subprocess.PIPE, text=True
    )
    lines = []
    while len(lines) < 3:
        lines.append(proc.stdout.readline())
    print("exists while open:", os.path.exists(path))
    h.Close()
    win32event.SetEvent(closed)
    out, _ = proc.communicate(timeout=60)
    print("".join(lines) + out, end="")
    print("child exit:", proc.returncode)
    print("exists after both closed:", os.path.exists(path))
    print("done")


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "child":
        child(sys.argv[2], sys.argv[3])
    else:
        main()
