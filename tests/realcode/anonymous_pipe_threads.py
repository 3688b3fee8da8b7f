"""An anonymous pipe between two threads: CreatePipe, WriteFile, PeekNamedPipe, ReadFile.

Source: public GitHub files and answers that read a pipe without blocking by peeking first
(``win32pipe.CreatePipe(None, 0)``; ``_, avail, _ = win32pipe.PeekNamedPipe(r, 0)`` and
``win32file.ReadFile(r, avail)`` only when something is there; the broken pipe,
ERROR_BROKEN_PIPE (109), once the writer closed; search "win32pipe.PeekNamedPipe("). A
writer thread writes what the driver tells it to.
"""

import queue
import threading

import pywintypes
import win32api
import win32file
import win32pipe
import winerror


def main():
    r, w = win32pipe.CreatePipe(None, 0)
    todo = queue.Queue()
    wrote = threading.Event()

    def writer():
        while True:
            item = todo.get()
            if item is None:
                win32api.CloseHandle(w)
                wrote.set()
                return
            win32file.WriteFile(w, item)
            wrote.set()

    t = threading.Thread(target=writer)
    t.start()
    print("empty peek:", win32pipe.PeekNamedPipe(r, 0))
    for chunk in (b"hello ", b"pipe"):
        wrote.clear()
        todo.put(chunk)
        wrote.wait(10)
    data, avail, left = win32pipe.PeekNamedPipe(r, 4)
    print("peek 4:", data, avail, left)
    hr, data = win32file.ReadFile(r, avail)
    print("read:", hr, data)
    print("after read:", win32pipe.PeekNamedPipe(r, 0)[1])
    wrote.clear()
    todo.put(b"last")
    wrote.wait(10)
    wrote.clear()
    todo.put(None)
    wrote.wait(10)
    t.join()
    print("still there:", win32file.ReadFile(r, 100))
    try:
        win32pipe.PeekNamedPipe(r, 0)
    except pywintypes.error as e:
        print("peek broken:", e.winerror == winerror.ERROR_BROKEN_PIPE, e.funcname)
    try:
        win32file.ReadFile(r, 100)
    except pywintypes.error as e:
        print("read broken:", e.winerror == winerror.ERROR_BROKEN_PIPE, e.funcname)
    win32api.CloseHandle(r)
    print("done")


if __name__ == "__main__":
    main()
