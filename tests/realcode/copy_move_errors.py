"""Copy, move and delete with win32file/win32api, and the errors a backup script handles.

Source: public GitHub files: backup and deploy scripts that copy with
``win32file.CopyFile(src, dst, 1)`` (bFailIfExists) and catch ERROR_FILE_EXISTS (80), move
with ``win32file.MoveFileEx(src, dst, MOVEFILE_REPLACE_EXISTING)``, ``win32api.MoveFile``
onto an existing file (ERROR_ALREADY_EXISTS, 183), and ``win32file.DeleteFile`` of a missing
file (2); search "win32file.CopyFile(" and "MOVEFILE_REPLACE_EXISTING".
"""

import os

import pywintypes
import win32api
import win32file
import winerror


def write(name, text):
    with open(name, "w") as f:
        f.write(text)


def read(name):
    with open(name) as f:
        return f.read()


def main():
    write("a.txt", "alpha")
    write("b.txt", "beta")
    win32file.CopyFile("a.txt", "c.txt", 1)
    print("copied:", read("c.txt"))
    try:
        win32file.CopyFile("b.txt", "c.txt", 1)
    except pywintypes.error as e:
        print("copy over:", e.winerror == winerror.ERROR_FILE_EXISTS, e.funcname)
    win32file.CopyFile("b.txt", "c.txt", 0)
    print("overwritten:", read("c.txt"))
    try:
        win32api.MoveFile("a.txt", "c.txt")
    except pywintypes.error as e:
        print("move over:", e.winerror == winerror.ERROR_ALREADY_EXISTS, e.funcname)
    win32file.MoveFileEx("a.txt", "c.txt", win32file.MOVEFILE_REPLACE_EXISTING)
    print("replaced:", read("c.txt"), os.path.exists("a.txt"))
    try:
        win32file.DeleteFile("a.txt")
    except pywintypes.error as e:
        print("delete missing:", e.winerror, e.funcname)
    try:
        win32file.CopyFile("nothing.txt", "d.txt", 0)
    except pywintypes.error as e:
        print("copy missing:", e.winerror, e.funcname)
    os.mkdir("sub")
    win32api.CopyFile("b.txt", os.path.join("sub", "b.txt"))
    try:
        win32file.RemoveDirectory("sub")
    except pywintypes.error as e:
        print("remove non-empty dir:", e.winerror == winerror.ERROR_DIR_NOT_EMPTY, e.funcname)
    win32file.DeleteFile(os.path.join("sub", "b.txt"))
    win32file.RemoveDirectory("sub")
    print("left:", sorted(name for name in os.listdir(".") if name.endswith(".txt")))
    print("done")


if __name__ == "__main__":
    main()
