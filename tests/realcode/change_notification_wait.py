"""Sleep until a file in any of some folders changes: change notifications and a wait.

Source: a public GitHub file (search index id 37824249877, ``sleep_change_directories``),
kept with its calls and their order: a ``FindFirstChangeNotification`` per folder with
``FILE_NOTIFY_CHANGE_FILE_NAME | ATTRIBUTES | LAST_WRITE``, ``WaitForMultipleObjects(chs, 0,
1000)`` compared with ``win32con.WAIT_TIMEOUT`` in a loop, ``FindCloseChangeNotification``.
The driver writes a file from a thread once the program waits.
"""

import os
import shutil
import tempfile
import threading

import win32con
import win32event
import win32file


def watch(dirs, changed_by):
    watches = (
        win32con.FILE_NOTIFY_CHANGE_FILE_NAME
        | win32con.FILE_NOTIFY_CHANGE_ATTRIBUTES
        | win32con.FILE_NOTIFY_CHANGE_LAST_WRITE
    )
    chs = [win32file.FindFirstChangeNotification(d, 0, watches) for d in dirs]
    try:
        rounds = 0
        rc = win32event.WaitForMultipleObjects(chs, 0, 100)
        print("nothing changed yet:", rc == win32con.WAIT_TIMEOUT)
        changed_by.start()
        while True:
            rc = win32event.WaitForMultipleObjects(chs, 0, 1000)
            if rc != win32con.WAIT_TIMEOUT:
                break
            rounds += 1
        print("woken by folder", rc - win32event.WAIT_OBJECT_0)
        win32file.FindNextChangeNotification(chs[rc - win32event.WAIT_OBJECT_0])
        rc = win32event.WaitForMultipleObjects(chs, 0, 0)
        print("re-armed and quiet:", rc == win32con.WAIT_TIMEOUT)
    finally:
        for ch in chs:
            win32file.FindCloseChangeNotification(ch)


def main():
    root = tempfile.mkdtemp()
    try:
        dirs = [os.path.join(root, name) for name in ("a", "b")]
        for d in dirs:
            os.mkdir(d)

        def touch():
            with open(os.path.join(dirs[1], "new.txt"), "w") as f:
                f.write("x")

        watch(dirs, threading.Thread(target=touch))
        print(sorted(os.listdir(dirs[1])))
    finally:
        shutil.rmtree(root)
    print("done")


if __name__ == "__main__":
    main()
