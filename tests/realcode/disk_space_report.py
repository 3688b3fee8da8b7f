"""A disk space report over every drive, and a free-space check that walks up a path.

Source: public GitHub monitoring scripts (a partition lister: ``GetLogicalDriveStrings``,
``win32file.GetDriveType(drive)`` in ``DRIVE_REMOVABLE``/``DRIVE_FIXED``,
``win32api.GetVolumeInformation(drive)`` for the label and file system,
``win32file.GetDiskFreeSpaceEx(drive)`` for free/total/total-free; a health report's "C:
drive free space %" with a low-space warning; a BitTorrent client's ``getfreespace(path)``
that tries ``GetDiskFreeSpaceEx`` on the path and then on each parent until one works; a
cluster-size helper from ``win32file.GetDiskFreeSpace``) (search
"win32file.GetDiskFreeSpaceEx"). Sizes differ by machine: the program prints how they relate.
"""

import os

import win32api
import win32file


def getfreespace(path):
    while True:
        try:
            return win32file.GetDiskFreeSpaceEx(path)[0]
        except Exception:
            path = os.path.split(path)[0]
            if not path:
                raise


def main():
    drives = [d for d in win32api.GetLogicalDriveStrings().split("\x00") if d]
    print("has drives:", bool(drives))
    fixed = []
    for drive in drives:
        drive_type = win32file.GetDriveType(drive)
        if drive_type in (win32file.DRIVE_REMOVABLE, win32file.DRIVE_FIXED):
            label, serial, maxlen, flags, fs = win32api.GetVolumeInformation(drive)
            free_bytes, total_bytes, total_free = win32file.GetDiskFreeSpaceEx(drive)
            fixed.append((drive, fs, maxlen, free_bytes <= total_free <= total_bytes))
    print(
        "a fixed drive:",
        bool(fixed),
        all(row[3] for row in fixed),
        all(row[2] == 255 for row in fixed),
    )
    cwd = os.getcwd()
    free, total, _ = win32file.GetDiskFreeSpaceEx(cwd)
    percent_free = free / total * 100
    print("percent in range:", 0 <= percent_free <= 100)
    deep = os.path.join(cwd, "no", "such", "folder")
    print("walk up:", getfreespace(deep) > 0)
    spc, bps, free_clusters, total_clusters = win32file.GetDiskFreeSpace(cwd)
    print("cluster size power of two:", (spc * bps) & (spc * bps - 1) == 0)
    try:
        win32file.GetDiskFreeSpaceEx(deep)
    except win32file.error as e:
        print("missing folder:", e.winerror, e.funcname)
    print(
        "type of missing root:",
        win32file.GetDriveType("Q:\\nowhere\\") == win32file.DRIVE_NO_ROOT_DIR,
    )
    print("done")


if __name__ == "__main__":
    main()
