"""Create a file hidden from the start, hide and unhide a folder, list what a listing skips.

Source: public GitHub tools that write state files hidden from the user:
``win32file.CreateFile(path, GENERIC_WRITE, 0, None, CREATE_ALWAYS,
FILE_ATTRIBUTE_HIDDEN, None)`` (the attributes of a new file come from that argument), a
``hide_folder`` helper on ``win32api.SetFileAttributes(path, win32con.FILE_ATTRIBUTE_HIDDEN)``
and its ``unhide`` with ``FILE_ATTRIBUTE_NORMAL``, and a directory lister that leaves out
what ``win32file.FindFilesW`` marks hidden (search "CreateFile FILE_ATTRIBUTE_HIDDEN
CREATE_ALWAYS" and "SetFileAttributes FILE_ATTRIBUTE_HIDDEN folder").
"""

import os

import win32api
import win32con
import win32file

HIDDEN = win32con.FILE_ATTRIBUTE_HIDDEN


def visible_names(folder):
    return sorted(
        entry[8]
        for entry in win32file.FindFilesW(os.path.join(folder, "*"))
        if entry[8] not in (".", "..") and not entry[0] & HIDDEN
    )


def main():
    os.mkdir("app")
    handle = win32file.CreateFile(
        os.path.join("app", "state.db"),
        win32con.GENERIC_WRITE,
        0,
        None,
        win32con.CREATE_ALWAYS,
        HIDDEN,
        None,
    )
    win32file.WriteFile(handle, b"state")
    handle.Close()
    with open(os.path.join("app", "readme.txt"), "w") as f:
        f.write("hello")
    os.mkdir(os.path.join("app", "cache"))
    print(
        "state hidden:", bool(win32api.GetFileAttributes(os.path.join("app", "state.db")) & HIDDEN)
    )
    win32api.SetFileAttributes(os.path.join("app", "cache"), HIDDEN)
    print("cache:", hex(win32api.GetFileAttributes(os.path.join("app", "cache"))))
    print("visible:", visible_names("app"))
    win32api.SetFileAttributes(os.path.join("app", "cache"), win32con.FILE_ATTRIBUTE_NORMAL)
    print("cache unhidden:", hex(win32api.GetFileAttributes(os.path.join("app", "cache"))))
    print("visible again:", visible_names("app"))
    handle = win32file.CreateFile(
        os.path.join("app", "state.db"),
        win32con.GENERIC_WRITE,
        0,
        None,
        win32con.OPEN_EXISTING,
        0,
        None,
    )
    handle.Close()
    print(
        "still hidden after reopen:",
        bool(win32api.GetFileAttributes(os.path.join("app", "state.db")) & HIDDEN),
    )
    print("done")


if __name__ == "__main__":
    main()
