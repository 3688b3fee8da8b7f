"""Several overlapped writes to one file, their completions taken from a completion port.

Source: public pywin32 code and answers on I/O completion ports with files (search
"CreateIoCompletionPort file GetQueuedCompletionStatus overlapped.object WriteFile Offset"),
rewritten with their calls in their order: ``CreateFile`` with ``FILE_FLAG_OVERLAPPED``,
``CreateIoCompletionPort(handle, None, key, 0)``, one ``pywintypes.OVERLAPPED()`` per write with
its ``Offset`` and an ``object`` the code tags it with, ``WriteFile(h, data, ov)``, then
``GetQueuedCompletionStatus(port, timeout)`` returning ``(rc, bytes, key, overlapped)`` with the
same OVERLAPPED (its ``object`` still there); ``PostQueuedCompletionStatus`` for a stop packet;
an empty port times out with ``rc`` WAIT_TIMEOUT (258) and no overlapped.
"""

import os
import tempfile

import pywintypes
import win32con
import win32file

KEY = 77
STOP_KEY = 99


def main():
    path = os.path.join(tempfile.mkdtemp(), "iocp.bin")
    h = win32file.CreateFile(
        path,
        win32con.GENERIC_READ | win32con.GENERIC_WRITE,
        0,
        None,
        win32con.CREATE_ALWAYS,
        win32con.FILE_FLAG_OVERLAPPED,
        None,
    )
    port = win32file.CreateIoCompletionPort(h, None, KEY, 0)
    keep = []
    for i, word in enumerate([b"alpha", b"bravo", b"charlie", b"delta"]):
        ov = pywintypes.OVERLAPPED()
        ov.Offset = i * 8
        ov.object = ("write", i, word)
        keep.append(ov)
        win32file.WriteFile(h, word, ov)
    seen = []
    for _ in range(4):
        rc, nbytes, key, ov = win32file.GetQueuedCompletionStatus(port, 10000)
        seen.append((rc, nbytes, key, ov.Offset, ov.object, ov is keep[ov.object[1]]))
    for item in sorted(seen, key=lambda s: s[3]):
        print("completed:", item)
    win32file.PostQueuedCompletionStatus(port, 0, STOP_KEY, None)
    print("stop packet:", win32file.GetQueuedCompletionStatus(port, 10000))
    print("empty port:", win32file.GetQueuedCompletionStatus(port, 0))
    h.Close()
    with open(path, "rb") as f:
        print("file:", f.read())
    port.Close()
    os.remove(path)
    print("done")


if __name__ == "__main__":
    main()
