"""A scratch file only this program may open, removed when its last handle closes.

Source: public GitHub files (temp-file helpers and single-writer logs; search "win32file
CreateFile FILE_FLAG_DELETE_ON_CLOSE FILE_SHARE_READ ERROR_SHARING_VIOLATION"), rewritten with
their calls and their order: ``CreateFile(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ |
FILE_SHARE_DELETE, None, CREATE_ALWAYS, FILE_ATTRIBUTE_TEMPORARY | FILE_FLAG_DELETE_ON_CLOSE,
None)``, ``WriteFile``, a second open for reading that shares what the first does, a writer
refused with ERROR_SHARING_VIOLATION, ``SetFilePointer``, ``ReadFile`` and ``GetFileSize``; the
reader still reads once the first handle is closed, and the file is gone once both are.

Between the two closes the file is still there (Windows, Wine and here). Left out: a new open
then (Windows: delete pending, it fails with 5, as here; Wine opens it), and
FILE_ATTRIBUTE_TEMPORARY, which neither Wine nor we keep.
"""

import os

import pywintypes
import win32con
import win32file
import winerror


def main():
    path = os.path.abspath("scratch.tmp")
    first = win32file.CreateFile(
        path,
        win32con.GENERIC_READ | win32con.GENERIC_WRITE,
        win32file.FILE_SHARE_READ | win32file.FILE_SHARE_DELETE,
        None,
        win32file.CREATE_ALWAYS,
        win32file.FILE_ATTRIBUTE_TEMPORARY | win32file.FILE_FLAG_DELETE_ON_CLOSE,
        None,
    )
    print("write:", win32file.WriteFile(first, b"scratch data\n"))
    print("size:", win32file.GetFileSize(first))
    reader = win32file.CreateFile(
        path,
        win32con.GENERIC_READ,
        win32file.FILE_SHARE_READ | win32file.FILE_SHARE_WRITE | win32file.FILE_SHARE_DELETE,
        None,
        win32file.OPEN_EXISTING,
        0,
        None,
    )
    print("reader:", win32file.ReadFile(reader, 100))
    try:
        win32file.CreateFile(
            path,
            win32con.GENERIC_WRITE,
            win32file.FILE_SHARE_READ | win32file.FILE_SHARE_WRITE | win32file.FILE_SHARE_DELETE,
            None,
            win32file.OPEN_EXISTING,
            0,
            None,
        )
    except pywintypes.error as error:
        print("writer:", error.winerror == winerror.ERROR_SHARING_VIOLATION, error.funcname)
    try:
        win32file.CreateFile(
            path,
            win32con.GENERIC_READ,
            win32file.FILE_SHARE_READ,
            None,
            win32file.OPEN_EXISTING,
            0,
            None,
        )
    except pywintypes.error as error:
        print("reader that denies writing:", error.winerror)
    print("seek:", win32file.SetFilePointer(first, 8, win32file.FILE_BEGIN))
    print("read:", win32file.ReadFile(first, 100))
    first.Close()
    print("exists between the closes:", os.path.exists(path))
    print(
        "reader after the first handle closed:",
        win32file.SetFilePointer(reader, 0, win32file.FILE_BEGIN),
        win32file.ReadFile(reader, 7),
    )
    reader.Close()
    print("exists after the last close:", os.path.exists(path))
    print("done")


if __name__ == "__main__":
    main()
