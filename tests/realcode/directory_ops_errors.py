"""Folders made, moved and removed with win32file, and the errors scripts check for.

Source: public GitHub deployment helpers (``win32file.CreateDirectory(path, None)`` catching
183 ERROR_ALREADY_EXISTS, ``win32file.RemoveDirectory`` failing with 145
ERROR_DIR_NOT_EMPTY, ``win32file.DeleteFile`` with 2 ERROR_FILE_NOT_FOUND,
``win32api.MoveFileEx(src, dst, MOVEFILE_REPLACE_EXISTING)``, ``win32file.CopyFile(src, dst,
True)`` failing with 80 ERROR_FILE_EXISTS), rewritten with those calls and their order.
"""

import os
import tempfile

import pywintypes
import win32api
import win32con
import win32file


def attempt(label, fn, *args):
    try:
        result = fn(*args)
        print(label, "ok", result)
    except pywintypes.error as error:
        print(label, "error", error.winerror, error.funcname)


def main():
    root = tempfile.mkdtemp()
    data = os.path.join(root, "data")
    attempt("create:", win32file.CreateDirectory, data, None)
    attempt("create again:", win32file.CreateDirectory, data, None)
    attempt("create nested:", win32file.CreateDirectory, os.path.join(root, "a", "b"), None)
    first = os.path.join(data, "one.txt")
    with open(first, "w") as f:
        f.write("one")
    attempt("remove non-empty:", win32file.RemoveDirectory, data)
    attempt("copy:", win32file.CopyFile, first, os.path.join(data, "two.txt"), True)
    attempt("copy fail if exists:", win32file.CopyFile, first, os.path.join(data, "two.txt"), True)
    attempt(
        "move over:",
        win32api.MoveFileEx,
        first,
        os.path.join(data, "two.txt"),
        win32con.MOVEFILE_REPLACE_EXISTING,
    )
    attempt("move missing:", win32api.MoveFile, first, os.path.join(data, "three.txt"))
    print("left:", sorted(os.listdir(data)))
    attempt("delete:", win32file.DeleteFile, os.path.join(data, "two.txt"))
    attempt("delete again:", win32file.DeleteFile, os.path.join(data, "two.txt"))
    attempt("remove:", win32file.RemoveDirectory, data)
    attempt("remove missing:", win32file.RemoveDirectory, data)
    os.rmdir(root)


main()
