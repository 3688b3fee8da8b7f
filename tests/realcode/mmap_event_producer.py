"""A producer and a consumer process share a page through mmapfile and hand off with two events.

Source: public GitHub producer/consumer pairs over pywin32's ``mmapfile`` (``mmapfile.mmapfile(
None, name, size)`` on both sides, ``CreateEvent(None, False, False, "...DataReady")`` and
``"...SpaceFree"``, the producer ``seek(0)``, ``write``, ``SetEvent(ready)`` then
``WaitForSingleObject(free, timeout)``; the consumer ``WaitForSingleObject(ready, ...)``,
``seek(0)``, ``read(n)``, ``SetEvent(free)``; a zero-length message ends it), rewritten with
those calls in that order. The consumer is this file started again with ``CreateProcess``.
"""

import struct
import sys

import mmapfile
import win32api
import win32event
import win32process

NAME = "Local\\rc-mmap-producer"
SIZE = 4096
TIMEOUT = 30000


def events():
    ready = win32event.CreateEvent(None, False, False, NAME + "-DataReady")
    free = win32event.CreateEvent(None, False, False, NAME + "-SpaceFree")
    return ready, free


def consumer():
    shared = mmapfile.mmapfile(None, NAME, SIZE)
    ready, free = events()
    total = 0
    while True:
        if win32event.WaitForSingleObject(ready, TIMEOUT) != win32event.WAIT_OBJECT_0:
            return 3
        shared.seek(0)
        (length,) = struct.unpack("<I", shared.read(4))
        data = shared.read(length)
        win32event.SetEvent(free)
        if not length:
            break
        total += sum(data)
    return total % 256


def producer():
    shared = mmapfile.mmapfile(None, NAME, SIZE)
    ready, free = events()
    cmd = f'"{sys.executable}" "{__file__}" consumer'
    h_process, h_thread, _, _ = win32process.CreateProcess(
        None, cmd, None, None, False, 0, None, None, win32process.STARTUPINFO()
    )
    messages = [b"alpha", b"beta" * 100, bytes(range(200)), b""]
    for message in messages:
        shared.seek(0)
        shared.write(struct.pack("<I", len(message)) + message)
        win32event.SetEvent(ready)
        rc = win32event.WaitForSingleObject(free, TIMEOUT)
        print("handed over", len(message), "bytes:", rc == win32event.WAIT_OBJECT_0)
    win32event.WaitForSingleObject(h_process, TIMEOUT)
    expected = sum(sum(m) for m in messages) % 256
    print("consumer's checksum matches:", win32process.GetExitCodeProcess(h_process) == expected)
    print("size:", shared.size(), "tell after last write:", shared.tell())
    shared.close()
    win32api.CloseHandle(h_thread)
    win32api.CloseHandle(h_process)


if __name__ == "__main__":
    if sys.argv[1:] == ["consumer"]:
        sys.exit(consumer())
    producer()
