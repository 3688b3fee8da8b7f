"""Mark a file read-only, find it can't be deleted, clear the flags and delete it.

Source: public GitHub files and answers that hide or protect files with
``win32api.SetFileAttributes(path, win32con.FILE_ATTRIBUTE_HIDDEN)`` and test bits of
``win32api.GetFileAttributes(path)`` (or ``win32file.GetFileAttributes``), and the
``shutil.rmtree`` ``onerror`` handler that clears FILE_ATTRIBUTE_READONLY before retrying
(search "SetFileAttributes FILE_ATTRIBUTE_READONLY"). A missing file is
INVALID_FILE_ATTRIBUTES through pywin32's error (2).

Wine differs: it keeps only HIDDEN and SYSTEM of what SetFileAttributes sets and always adds
ARCHIVE to a file, so it prints ``['READONLY', 'ARCHIVE']``, ``['HIDDEN', 'ARCHIVE']`` and
``['ARCHIVE']`` where Windows (and the expected output) has ``['READONLY']``, ``['HIDDEN']``
and ``['NORMAL']``: SetFileAttributes sets exactly the value given.
"""

import os
import shutil
import stat

import pywintypes
import win32api
import win32con
import win32file


def flags(path):
    attrs = win32api.GetFileAttributes(path)
    names = [
        name
        for name in ("READONLY", "HIDDEN", "ARCHIVE", "DIRECTORY", "NORMAL")
        if attrs & getattr(win32con, "FILE_ATTRIBUTE_" + name)
    ]
    return names


def on_rm_error(func, path, exc_info):
    os.chmod(path, stat.S_IWRITE)
    win32api.SetFileAttributes(path, win32con.FILE_ATTRIBUTE_NORMAL)
    func(path)


def main():
    os.makedirs("tree", exist_ok=True)
    path = os.path.abspath(os.path.join("tree", "secret.txt"))
    with open(path, "w") as f:
        f.write("x")
    print("new:", flags(path))
    win32api.SetFileAttributes(path, win32con.FILE_ATTRIBUTE_READONLY)
    print(
        "set:", flags(path), win32file.GetFileAttributes(path) == win32api.GetFileAttributes(path)
    )
    try:
        win32file.DeleteFile(path)
    except pywintypes.error as e:
        print("delete:", e.winerror, e.funcname)
    try:
        open(path, "w")
    except PermissionError as e:
        print("open for writing:", e.errno, e.winerror)
    print("stat readonly:", not os.stat(path).st_mode & stat.S_IWRITE)
    win32api.SetFileAttributes(path, win32con.FILE_ATTRIBUTE_READONLY)
    print("just readonly:", flags(path))
    win32api.SetFileAttributes(path, win32con.FILE_ATTRIBUTE_NORMAL)
    win32api.SetFileAttributes(path, win32con.FILE_ATTRIBUTE_HIDDEN)
    print("hidden:", flags(path), bool(win32file.GetFileAttributes(path) & 2))
    win32api.SetFileAttributes(path, win32con.FILE_ATTRIBUTE_NORMAL)
    print("shown again:", flags(path))
    win32api.SetFileAttributes(path, win32con.FILE_ATTRIBUTE_READONLY)
    shutil.rmtree("tree", onerror=on_rm_error)
    print("tree removed:", not os.path.exists("tree"))
    try:
        win32api.GetFileAttributes(path)
    except pywintypes.error as e:
        print("missing:", e.winerror, e.funcname)
    print("dir:", flags("."))
    print("done")


if __name__ == "__main__":
    main()
