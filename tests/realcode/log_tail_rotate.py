"""Follow a log file as it grows and when it is rotated away, as ``tail -F`` ports do.

Source: public GitHub log shippers and tail tools for Windows that open the log with
``win32file.CreateFile(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE |
FILE_SHARE_DELETE, None, OPEN_EXISTING, 0, None)`` so the writer can still rename it, remember
their offset with ``win32file.SetFilePointer(handle, offset, FILE_BEGIN)``, read what is new with
``ReadFile`` and ``GetFileSize``, and reopen when the file at the path has a new identity
(``GetFileInformationByHandle`` index) after rotation (search "FILE_SHARE_DELETE tail log
rotate win32file"). Here the writer is the same program, and each poll happens after a write.
"""

import os

import win32con
import win32file

SHARE = win32con.FILE_SHARE_READ | win32con.FILE_SHARE_WRITE | win32file.FILE_SHARE_DELETE


def open_log(path):
    return win32file.CreateFile(
        path, win32con.GENERIC_READ, SHARE, None, win32con.OPEN_EXISTING, 0, None
    )


def identity(handle):
    info = win32file.GetFileInformationByHandle(handle)
    return info[4], info[8], info[9]


class Tail:
    def __init__(self, path):
        self.path = path
        self.handle = open_log(path)
        self.offset = 0

    def poll(self):
        lines = []
        size = win32file.GetFileSize(self.handle)
        if size < self.offset:  # truncated in place
            self.offset = 0
        if size > self.offset:
            win32file.SetFilePointer(self.handle, self.offset, win32file.FILE_BEGIN)
            hr, data = win32file.ReadFile(self.handle, size - self.offset)
            self.offset += len(data)
            lines.extend(data.decode().splitlines())
        try:
            fresh = open_log(self.path)
        except win32file.error:
            return lines
        if identity(fresh) != identity(self.handle):  # rotated: finish the old, follow the new
            self.handle.Close()
            self.handle = fresh
            self.offset = 0
            lines.extend(self.poll())
        else:
            fresh.Close()
        return lines


def write(path, text):
    with open(path, "a") as f:
        f.write(text)


def main():
    write("app.log", "start\n")
    tail = Tail("app.log")
    print("first poll:", tail.poll())
    write("app.log", "line 1\nline 2\n")
    print("second poll:", tail.poll())
    print("nothing new:", tail.poll())
    write("app.log", "last before rotation\n")
    os.rename("app.log", "app.log.1")  # allowed: the tail shares delete
    write("app.log", "after rotation\n")
    print("rotated poll:", tail.poll())
    write("app.log", "more\n")
    print("following new:", tail.poll())
    with open("app.log", "w") as f:
        f.write("cut\n")
    print("truncated:", tail.poll())
    tail.handle.Close()
    print("old file kept:", open("app.log.1").read().splitlines())
    print("done")


if __name__ == "__main__":
    main()
