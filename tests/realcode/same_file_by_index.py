"""Are two paths the same file? Compare volume serial and file index, as dedupe tools do.

Source: public GitHub duplicate finders and ``samefile`` back-ports for Windows that open each
path with ``win32file.CreateFile(path, 0, FILE_SHARE_READ | FILE_SHARE_WRITE |
FILE_SHARE_DELETE, None, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, None)`` and compare the
``dwVolumeSerialNumber`` and ``nFileIndexHigh``/``nFileIndexLow`` of
``win32file.GetFileInformationByHandle`` (the way CPython's ``os.path.samefile`` works on
Windows), and count hard links with ``nNumberOfLinks`` after ``win32file.CreateHardLink``
(search "GetFileInformationByHandle nFileIndexHigh nFileIndexLow samefile").
"""

import os

import win32con
import win32file


def file_id(path):
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
        info = win32file.GetFileInformationByHandle(handle)
    finally:
        handle.Close()
    # (attributes, created, accessed, written, volume serial, size high, size low,
    #  links, index high, index low)
    return info[4], info[8], info[9], info[7]


def samefile(a, b):
    ia, ib = file_id(a), file_id(b)
    return ia[:3] == ib[:3]


def main():
    with open("original.txt", "w") as f:
        f.write("payload")
    with open("copy.txt", "w") as f:
        f.write("payload")
    print("links before:", file_id("original.txt")[3])
    win32file.CreateHardLink(os.path.abspath("hardlink.txt"), os.path.abspath("original.txt"), None)
    print("links after:", file_id("original.txt")[3], file_id("hardlink.txt")[3])
    print("original vs hardlink:", samefile("original.txt", "hardlink.txt"))
    print("original vs copy:", samefile("original.txt", "copy.txt"))
    print("relative vs absolute:", samefile("original.txt", os.path.abspath("original.txt")))
    os.mkdir("folder")
    print("folder opens with backup semantics:", samefile("folder", os.path.join("folder", ".")))
    info = win32file.GetFileInformationByHandle(
        win32file.CreateFile(
            "copy.txt", win32con.GENERIC_READ, 0, None, win32con.OPEN_EXISTING, 0, None
        )
    )
    print("size low/high:", info[6], info[5], "attributes:", hex(info[0]))
    os.remove("original.txt")
    print("links after delete:", file_id("hardlink.txt")[3])
    print("done")


if __name__ == "__main__":
    main()
