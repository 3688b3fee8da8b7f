"""Watch a folder with ReadDirectoryChangesW into a ctypes buffer, with a timeout and CancelIo.

Source: two public GitHub watchers. An ``FSMonitor``-style class that opens the folder with
``FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OVERLAPPED``, keeps a ``pywintypes.OVERLAPPED()`` and
a ``ctypes.create_string_buffer(1024)``, starts ``ReadDirectoryChangesW(hDir, buf, True,
FILE_NOTIFY_CHANGE_FILE_NAME | FILE_NOTIFY_CHANGE_LAST_WRITE, overlapped, None)`` and decodes
``win32file.FILE_NOTIFY_INFORMATION(buf.raw, num)``; and a ``read_changes_with_timeout`` that
waits on ``overlapped.hEvent`` with ``WaitForSingleObject`` and, on WAIT_TIMEOUT, calls
``CancelIo`` (search "ReadDirectoryChangesW create_string_buffer FILE_NOTIFY_INFORMATION" and
"ReadDirectoryChangesW WaitForSingleObject overlapped.hEvent CancelIo"). The changes are made by
the program itself between the reads; it reads until the change it made is reported (Windows
may report a file's creation and its first write in one read or in two).
"""

import ctypes
import os

import pywintypes
import win32con
import win32event
import win32file
import winerror

ACTIONS = {1: "Created", 2: "Deleted", 3: "Updated", 4: "Renamed from", 5: "Renamed to"}


class Watch:
    def __init__(self, path):
        self.path = path
        self._hDir = win32file.CreateFile(
            path,
            0x0001,  # FILE_LIST_DIRECTORY
            win32con.FILE_SHARE_READ | win32con.FILE_SHARE_WRITE | win32con.FILE_SHARE_DELETE,
            None,
            win32con.OPEN_EXISTING,
            win32con.FILE_FLAG_BACKUP_SEMANTICS | win32con.FILE_FLAG_OVERLAPPED,
            None,
        )
        self._overlapped = pywintypes.OVERLAPPED()
        self._overlapped.hEvent = win32event.CreateEvent(None, True, False, None)
        self._buf = ctypes.create_string_buffer(1024)

    def read_changes(self):
        win32file.ReadDirectoryChangesW(
            self._hDir,
            self._buf,
            True,
            win32con.FILE_NOTIFY_CHANGE_FILE_NAME | win32con.FILE_NOTIFY_CHANGE_LAST_WRITE,
            self._overlapped,
            None,
        )

    def wait(self, timeout_ms):
        rc = win32event.WaitForSingleObject(self._overlapped.hEvent, timeout_ms)
        if rc == win32event.WAIT_TIMEOUT:
            return None
        num = win32file.GetOverlappedResult(self._hDir, self._overlapped, True)
        win32event.ResetEvent(self._overlapped.hEvent)
        return [
            (ACTIONS.get(a, a), n) for a, n in win32file.FILE_NOTIFY_INFORMATION(self._buf.raw, num)
        ]

    def close(self):
        win32file.CancelIo(self._hDir)
        try:
            win32file.GetOverlappedResult(self._hDir, self._overlapped, True)
        except pywintypes.error as e:
            print("cancelled read:", e.winerror == winerror.ERROR_OPERATION_ABORTED)
        win32file.CloseHandle(self._hDir)


def changes_until(watch, wanted):
    seen = []
    for _ in range(10):
        watch.read_changes()
        got = watch.wait(10000)
        seen.extend(got)
        if any(action == wanted for action, name in got):
            break
    return seen


def main():
    os.mkdir("watched")
    watch = Watch(os.path.abspath("watched"))
    watch.read_changes()
    print("quiet folder:", watch.wait(100))
    with open(os.path.join("watched", "new.txt"), "w") as f:
        f.write("x")
    changes = watch.wait(10000)
    print("first change:", changes[0])
    with open(os.path.join("watched", "new.txt"), "a") as f:
        f.write("y")
    print("written:", ("Updated", "new.txt") in changes + changes_until(watch, "Updated"))
    os.rename(os.path.join("watched", "new.txt"), os.path.join("watched", "renamed.txt"))
    changes = changes_until(watch, "Renamed to")
    print("rename:", [c for c in changes if c[0].startswith("Renamed")])
    watch.read_changes()
    print("timed out:", watch.wait(50))
    watch.close()
    print("done")


if __name__ == "__main__":
    main()
