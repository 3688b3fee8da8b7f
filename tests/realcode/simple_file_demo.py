"""A file written and read back through win32file, as pywin32's file demo does it.

Source: the ``SimpleFileDemo`` function many public repositories carry (a test_pywin32.py
among them): ``win32file.CreateFile(testName, GENERIC_WRITE, 0, None, CREATE_NEW, 0, None)``,
``WriteFile``, ``handle.Close()``, then ``OPEN_EXISTING`` with ``GENERIC_READ`` and
``ReadFile(handle, 1024)``; extended as such code goes on: a second CREATE_NEW fails with
ERROR_FILE_EXISTS, ``SetFilePointer`` and ``GetFileSize``, ``SetEndOfFile``, and
``GetTempFileName``'s names. Those end in ``.tmp`` on Windows (its ``tmpA1B2.tmp`` files,
whatever today's documentation's ``<uuuu>.TMP`` says) and under Wine alike.
"""

import os

import pywintypes
import win32api
import win32con
import win32file
import winerror


def SimpleFileDemo(testName):
    if os.path.exists(testName):
        os.unlink(testName)
    handle = win32file.CreateFile(
        testName, win32file.GENERIC_WRITE, 0, None, win32con.CREATE_NEW, 0, None
    )
    test_data = b"Hello\0there"
    rc, written = win32file.WriteFile(handle, test_data)
    print("wrote", rc, written)
    handle.Close()
    handle = win32file.CreateFile(
        testName, win32file.GENERIC_READ, 0, None, win32con.OPEN_EXISTING, 0, None
    )
    rc, data = win32file.ReadFile(handle, 1024)
    handle.Close()
    if data == test_data:
        print("Successfully wrote and read a file")
    else:
        raise Exception("Got different data back???")
    try:
        win32file.CreateFile(
            testName, win32file.GENERIC_WRITE, 0, None, win32con.CREATE_NEW, 0, None
        )
    except pywintypes.error as error:
        print("create again:", error.winerror == winerror.ERROR_FILE_EXISTS, error.funcname)
    handle = win32file.CreateFile(
        testName,
        win32file.GENERIC_READ | win32file.GENERIC_WRITE,
        0,
        None,
        win32con.OPEN_EXISTING,
        0,
        None,
    )
    print("size:", win32file.GetFileSize(handle))
    pos = win32file.SetFilePointer(handle, 6, win32file.FILE_BEGIN)
    print("at", pos, win32file.ReadFile(handle, 5))
    pos = win32file.SetFilePointer(handle, -5, win32file.FILE_END)
    print("from end", pos, win32file.ReadFile(handle, 100)[1])
    win32file.SetFilePointer(handle, 5, win32file.FILE_BEGIN)
    win32file.SetEndOfFile(handle)
    print("truncated:", win32file.GetFileSize(handle))
    print("at the end:", win32file.ReadFile(handle, 10))
    handle.Close()
    os.unlink(testName)
    print("exists after unlink:", os.path.exists(testName))


def main():
    here = os.path.abspath(".")
    testName = os.path.join(here, "win32file_demo_test_file")
    SimpleFileDemo(testName)
    name, unique = win32api.GetTempFileName(here, "bkr")
    print(
        "temp name:",
        os.path.dirname(name) == here,
        os.path.basename(name)[:3],
        os.path.basename(name)[-4:],
        unique != 0,
        os.path.getsize(name),
    )
    os.unlink(name)
    name, unique = win32api.GetTempFileName(here, "cfe", 0x1234)
    print("given unique:", os.path.basename(name), unique, os.path.exists(name))
    print("done")


if __name__ == "__main__":
    main()
