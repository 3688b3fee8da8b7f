"""An incremental backup driven by the archive bit: copy what has it, then clear it.

Source: public GitHub backup scripts and answers on "incremental backup archive attribute
python" that test ``win32api.GetFileAttributes(path) & win32con.FILE_ATTRIBUTE_ARCHIVE``, copy
the file with ``win32api.CopyFile`` and clear the bit with ``win32api.SetFileAttributes(path,
attrs & ~win32con.FILE_ATTRIBUTE_ARCHIVE)`` (what ``xcopy /m`` does), and skip hidden and
system files (``FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM``) found with
``win32file.FindFilesW``.
A second run copies only the file written since the first.

Wine differs: it keeps only HIDDEN and SYSTEM of what SetFileAttributes sets and always
shows ARCHIVE on a file (``0x20`` and ``0x26`` after the first run), so its second and third
runs copy every file again; Windows (and the expected output: ``0x80``, FILE_ATTRIBUTE_NORMAL,
and ``0x6``) copies only what changed.
"""

import os

import win32api
import win32con
import win32file

SKIP = win32con.FILE_ATTRIBUTE_HIDDEN | win32con.FILE_ATTRIBUTE_SYSTEM


def backup(source, target):
    copied = []
    for entry in win32file.FindFilesW(os.path.join(source, "*")):
        attrs, name = entry[0], entry[8]
        if name in (".", "..") or attrs & win32con.FILE_ATTRIBUTE_DIRECTORY:
            continue
        if attrs & SKIP:
            continue
        path = os.path.join(source, name)
        if win32api.GetFileAttributes(path) & win32con.FILE_ATTRIBUTE_ARCHIVE:
            win32api.CopyFile(path, os.path.join(target, name), 0)
            win32api.SetFileAttributes(path, attrs & ~win32con.FILE_ATTRIBUTE_ARCHIVE)
            copied.append(name)
    return sorted(copied)


def main():
    os.makedirs("work", exist_ok=True)
    os.makedirs("backup", exist_ok=True)
    for name in ("a.txt", "b.txt", "c.txt", "thumbs.db"):
        with open(os.path.join("work", name), "w") as f:
            f.write(name)
    win32api.SetFileAttributes(
        os.path.join("work", "thumbs.db"),
        win32con.FILE_ATTRIBUTE_HIDDEN | win32con.FILE_ATTRIBUTE_SYSTEM,
    )
    print("first run:", backup("work", "backup"))
    print(
        "after first:",
        [hex(win32api.GetFileAttributes(os.path.join("work", n))) for n in ("a.txt", "thumbs.db")],
    )
    print("second run:", backup("work", "backup"))
    with open(os.path.join("work", "b.txt"), "a") as f:
        f.write(" changed")
    os.utime(
        os.path.join("work", "b.txt"), (0, os.stat(os.path.join("work", "b.txt")).st_mtime + 5)
    )
    print("third run:", backup("work", "backup"))
    print("in backup:", sorted(os.listdir("backup")))
    print("done")


if __name__ == "__main__":
    main()
