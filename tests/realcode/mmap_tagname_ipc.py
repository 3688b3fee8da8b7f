"""Two processes share memory through mmap's tagname and hand off with a named event and mutex.

Source: public Q&A answers on sharing memory between Python processes on Windows ("mmap with
tagname", "Local\\" names): both sides call ``mmap.mmap(0, SIZE, "Local\\NAME")`` (descriptor
0: the paging file), the writer packs a counter and a text with ``struct`` under a named mutex
(``win32event.CreateMutex``) and sets a named auto-reset event; the reader waits on the event,
takes the mutex, reads and answers through the same memory. The reader is this file started
again with ``subprocess``, as the answers run their second script; a bounded number of rounds
in place of ``while True``.
"""

import mmap
import struct
import subprocess
import sys

import win32api
import win32event
import winerror

NAME = "Local\\rc-mmap-tagname-ipc"
SIZE = 256
ROUNDS = 5


def objects():
    shm = mmap.mmap(0, SIZE, NAME)
    existed = win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS
    mutex = win32event.CreateMutex(None, False, NAME + "-mutex")
    ready = win32event.CreateEvent(None, False, False, NAME + "-ready")
    answered = win32event.CreateEvent(None, False, False, NAME + "-answered")
    return shm, existed, mutex, ready, answered


def reader():
    shm, existed, mutex, ready, answered = objects()
    print("reader: the memory existed:", existed, flush=True)
    for _ in range(ROUNDS):
        if win32event.WaitForSingleObject(ready, 10000) != win32event.WAIT_OBJECT_0:
            print("reader: timed out")
            return
        win32event.WaitForSingleObject(mutex, win32event.INFINITE)
        try:
            shm.seek(0)
            count, length = struct.unpack("ii", shm.read(8))
            text = shm.read(length).decode()
            reply = f"{text.upper()} #{count}".encode()
            shm.seek(128)
            shm.write(struct.pack("i", len(reply)) + reply)
        finally:
            win32event.ReleaseMutex(mutex)
        win32event.SetEvent(answered)
    shm.close()


def writer():
    shm, existed, mutex, ready, answered = objects()
    print("writer: the memory existed:", existed)
    child = subprocess.Popen([sys.executable, __file__, "reader"])
    for count in range(1, ROUNDS + 1):
        text = f"message {count}".encode()
        win32event.WaitForSingleObject(mutex, win32event.INFINITE)
        try:
            shm.seek(0)
            shm.write(struct.pack("ii", count, len(text)) + text)
        finally:
            win32event.ReleaseMutex(mutex)
        win32event.SetEvent(ready)
        if win32event.WaitForSingleObject(answered, 10000) != win32event.WAIT_OBJECT_0:
            print("writer: no answer")
            break
        (length,) = struct.unpack("i", shm[128:132])
        print("writer got:", shm[132 : 132 + length].decode())
    print("reader exit code:", child.wait(30))
    shm.close()


if __name__ == "__main__":
    reader() if sys.argv[1:] == ["reader"] else writer()
