"""A path in its different forms: full, long, short, final, as path-normalising helpers ask.

Source: public GitHub helpers that normalise user-given paths on Windows:
``win32api.GetFullPathName(p)`` for a relative path, ``win32api.GetLongPathName`` (also to
fix a name's case), ``win32api.GetShortPathName`` for old tools, and
``win32file.GetFinalPathNameByHandle(handle, win32con.FILE_NAME_NORMALIZED)`` on a handle
opened with ``FILE_FLAG_BACKUP_SEMANTICS`` to resolve links (search "GetFinalPathNameByHandle
FILE_NAME_NORMALIZED win32file" and "GetLongPathName GetShortPathName win32api"). The
program prints how the forms relate, as the answers differ by machine.
"""

import os

import pywintypes
import win32api
import win32con
import win32file


def final_path(path):
    handle = win32file.CreateFile(
        path,
        0,
        win32con.FILE_SHARE_READ | win32con.FILE_SHARE_WRITE | win32file.FILE_SHARE_DELETE,
        None,
        win32con.OPEN_EXISTING,
        win32con.FILE_FLAG_BACKUP_SEMANTICS,
        None,
    )
    try:
        return win32file.GetFinalPathNameByHandle(handle, win32con.FILE_NAME_NORMALIZED)
    finally:
        handle.Close()


def main():
    os.makedirs(os.path.join("Some Folder", "inner"))
    with open(os.path.join("Some Folder", "inner", "Data File.txt"), "w") as f:
        f.write("x")
    rel = os.path.join("Some Folder", "inner", "..", "inner", "Data File.txt")
    full = win32api.GetFullPathName(rel)
    print(
        "full is absolute:", os.path.isabs(full), ".." not in full, full.endswith("Data File.txt")
    )
    print(
        "full of a missing name works:",
        win32api.GetFullPathName("nothing-here.txt").endswith("nothing-here.txt"),
    )
    long_name = win32api.GetLongPathName(full)
    print("long exists:", os.path.exists(long_name), long_name.endswith("Data File.txt"))
    short = win32api.GetShortPathName(full)
    print("short names the same file:", os.path.samefile(short, full))
    final = final_path(full)
    print("final has the name:", final.endswith("Data File.txt"))
    print(
        "final of the folder:", final_path(os.path.join("Some Folder", "inner")).endswith("inner")
    )
    try:
        win32api.GetLongPathName(os.path.abspath("nothing-here.txt"))
    except pywintypes.error as e:
        print("long of a missing name:", e.winerror, e.funcname)
    print("done")


if __name__ == "__main__":
    main()
