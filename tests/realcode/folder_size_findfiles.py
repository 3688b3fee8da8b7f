"""Sum a folder tree's sizes with FindFilesIterator, skipping links and hidden files, as du does.

Source: public GitHub disk-usage scripts for Windows that walk with
``win32file.FindFilesIterator(os.path.join(path, "*"))`` (faster than ``os.walk`` + ``stat``
there), read each WIN32_FIND_DATA tuple (attributes at 0, size high/low at 4 and 5, name at
8), recurse into entries with ``FILE_ATTRIBUTE_DIRECTORY`` other than ``.``/``..``, skip
``FILE_ATTRIBUTE_REPARSE_POINT`` (junctions) and, when asked, hidden files; and the
``GetFileAttributesEx`` check of the top folder (search "FindFilesIterator nFileSizeHigh
FILE_ATTRIBUTE_DIRECTORY recursive size").
"""

import os

import win32api
import win32con
import win32file


def folder_size(path, include_hidden=False):
    total = 0
    files = 0
    for entry in win32file.FindFilesIterator(os.path.join(path, "*")):
        attrs, name = entry[0], entry[8]
        if name in (".", ".."):
            continue
        if attrs & win32con.FILE_ATTRIBUTE_REPARSE_POINT:
            continue
        if attrs & win32con.FILE_ATTRIBUTE_HIDDEN and not include_hidden:
            continue
        if attrs & win32con.FILE_ATTRIBUTE_DIRECTORY:
            sub_total, sub_files = folder_size(os.path.join(path, name), include_hidden)
            total += sub_total
            files += sub_files
        else:
            total += (entry[4] << 32) + entry[5]
            files += 1
    return total, files


def main():
    os.makedirs(os.path.join("tree", "a", "b"))
    os.makedirs(os.path.join("tree", "c"))
    sizes = {
        ("tree", "one.bin"): 100,
        ("tree", "a", "two.bin"): 2000,
        ("tree", "a", "b", "three.bin"): 30000,
        ("tree", "c", "four.bin"): 4,
    }
    for parts, size in sizes.items():
        with open(os.path.join(*parts), "wb") as f:
            f.write(b"\0" * size)
    win32api.SetFileAttributes(os.path.join("tree", "a", "b"), win32con.FILE_ATTRIBUTE_HIDDEN)
    attrs = win32file.GetFileAttributesEx("tree")
    print(
        "top is a folder:",
        bool(attrs[0] & win32con.FILE_ATTRIBUTE_DIRECTORY),
        "size field:",
        attrs[4],
    )
    print("visible:", folder_size("tree"))
    print("with hidden:", folder_size("tree", include_hidden=True))
    print("empty match:", list(win32file.FindFilesIterator(os.path.join("tree", "*.none"))))
    try:
        list(win32file.FindFilesIterator(os.path.join("missing", "*")))
    except win32file.error as e:
        print("missing folder:", e.winerror, e.funcname)
    print("done")


if __name__ == "__main__":
    main()
