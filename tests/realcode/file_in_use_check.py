"""Wait until another program is done with a file: open it exclusively until that works.

Source: public GitHub watchers and Stack Overflow answers ("check if a file is open in another
process python windows", "wait until file is completely written") that try
``win32file.CreateFile(path, GENERIC_READ, 0, None, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL,
None)`` and read ``ERROR_SHARING_VIOLATION`` (32) as "still in use", retrying until the
writer closes it. Here a writer thread holds the file open while it writes in chunks, and
tells the checker (an event) after each chunk so the run needs no sleeps.
"""

import threading

import pywintypes
import win32con
import win32event
import win32file
import winerror


def is_in_use(path):
    try:
        handle = win32file.CreateFile(
            path,
            win32con.GENERIC_READ,
            0,
            None,
            win32con.OPEN_EXISTING,
            win32con.FILE_ATTRIBUTE_NORMAL,
            None,
        )
    except pywintypes.error as e:
        if e.winerror == winerror.ERROR_SHARING_VIOLATION:
            return True
        raise
    handle.Close()
    return False


def main():
    path = "incoming.dat"
    chunk_written = win32event.CreateEvent(None, 0, 0, None)
    go_on = win32event.CreateEvent(None, 0, 0, None)

    def writer():
        handle = win32file.CreateFile(
            path,
            win32con.GENERIC_WRITE,
            win32con.FILE_SHARE_READ,
            None,
            win32con.CREATE_ALWAYS,
            0,
            None,
        )
        for _ in range(3):
            win32file.WriteFile(handle, b"x" * 1000)
            win32event.SetEvent(chunk_written)
            win32event.WaitForSingleObject(go_on, 10000)
        handle.Close()
        win32event.SetEvent(chunk_written)

    t = threading.Thread(target=writer)
    t.start()
    checks = []
    for _ in range(3):
        win32event.WaitForSingleObject(chunk_written, 10000)
        checks.append(is_in_use(path))
        reader = win32file.CreateFile(
            path,
            win32con.GENERIC_READ,
            win32con.FILE_SHARE_READ | win32con.FILE_SHARE_WRITE,
            None,
            win32con.OPEN_EXISTING,
            0,
            None,
        )
        size = win32file.GetFileSize(reader)
        reader.Close()
        checks.append(size)
        win32event.SetEvent(go_on)
    win32event.WaitForSingleObject(chunk_written, 10000)
    t.join()
    print("while writing:", checks)
    print("after close:", is_in_use(path))
    try:
        is_in_use("missing.dat")
    except pywintypes.error as e:
        print("missing:", e.winerror, e.funcname)
    reader = win32file.CreateFile(
        path, win32con.GENERIC_READ, win32con.FILE_SHARE_READ, None, win32con.OPEN_EXISTING, 0, None
    )
    try:
        win32file.CreateFile(
            path,
            win32con.GENERIC_WRITE,
            win32con.FILE_SHARE_READ,
            None,
            win32con.OPEN_EXISTING,
            0,
            None,
        )
    except pywintypes.error as e:
        print("writer after a reader that shares only read:", e.winerror)
    reader.Close()
    print("done")


if __name__ == "__main__":
    main()
