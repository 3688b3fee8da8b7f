"""Save a settings file atomically: write a temporary file, flush it, MoveFileEx over the old.

Source: public GitHub "atomic write" helpers for Windows (the pattern of the ``atomicwrites``
package and of editors' safe-save code, spelled with pywin32: ``win32file.CreateFile`` a
temporary beside the target, ``WriteFile``, ``FlushFileBuffers``, close, then
``win32file.MoveFileEx(tmp, target, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)``;
search "MoveFileEx MOVEFILE_REPLACE_EXISTING MOVEFILE_WRITE_THROUGH win32file"). Also the errors
such helpers handle: a move without REPLACE_EXISTING onto an existing file
(ERROR_ALREADY_EXISTS), a missing source (ERROR_FILE_NOT_FOUND), and a target held open by a
reader without FILE_SHARE_DELETE (ERROR_ACCESS_DENIED on Windows).
"""

import os

import pywintypes
import win32con
import win32file


def atomic_write(target, data):
    tmp = target + ".tmp"
    handle = win32file.CreateFile(
        tmp,
        win32con.GENERIC_WRITE,
        0,
        None,
        win32con.CREATE_ALWAYS,
        win32con.FILE_ATTRIBUTE_NORMAL,
        None,
    )
    try:
        win32file.WriteFile(handle, data)
        win32file.FlushFileBuffers(handle)
    finally:
        handle.Close()
    win32file.MoveFileEx(
        tmp, target, win32file.MOVEFILE_REPLACE_EXISTING | win32file.MOVEFILE_WRITE_THROUGH
    )


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main():
    target = os.path.abspath("settings.ini")
    atomic_write(target, b"[main]\nvolume=3\n")
    print("first:", read(target))
    atomic_write(target, b"[main]\nvolume=7\n")
    print("second:", read(target), "tmp left:", os.path.exists(target + ".tmp"))
    with open("other.ini", "wb") as f:
        f.write(b"x")
    try:
        win32file.MoveFileEx("other.ini", target, 0)
    except pywintypes.error as e:
        print("no replace:", e.winerror, e.funcname)
    try:
        win32file.MoveFileEx("missing.ini", target, win32file.MOVEFILE_REPLACE_EXISTING)
    except pywintypes.error as e:
        print("missing source:", e.winerror)
    reader = win32file.CreateFile(
        target,
        win32con.GENERIC_READ,
        win32con.FILE_SHARE_READ,
        None,
        win32con.OPEN_EXISTING,
        0,
        None,
    )
    try:
        atomic_write(target, b"[main]\nvolume=9\n")
    except pywintypes.error as e:
        print("target held open:", e.winerror, e.funcname)
    reader.Close()
    atomic_write(target, b"[main]\nvolume=9\n")
    print("after reader closed:", read(target))
    win32file.MoveFileEx(target, "renamed.ini", 0)
    print("renamed:", os.path.exists("renamed.ini"), os.path.exists(target))
    print("done")


if __name__ == "__main__":
    main()
