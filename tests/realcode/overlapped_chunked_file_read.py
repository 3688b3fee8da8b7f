"""Read a file in chunks with one OVERLAPPED, moving Offset/OffsetHigh between calls.

Source: public GitHub code of pywin32 file copiers and log readers that open with
``FILE_FLAG_OVERLAPPED`` and reuse one ``pywintypes.OVERLAPPED()`` (search "overlapped.Offset
= pos win32file.ReadFile GetOverlappedResult ERROR_HANDLE_EOF"), rewritten with their calls in
their order: ``CreateFile(..., FILE_FLAG_OVERLAPPED, None)``, ``AllocateReadBuffer(chunk)``,
``ov.Offset = pos & 0xFFFFFFFF``, ``ov.OffsetHigh = pos >> 32``, ``ReadFile(h, buf, ov)``,
``GetOverlappedResult(h, ov, True)`` for the byte count (also in ``ov.InternalHigh``), until a
read at the end fails with ERROR_HANDLE_EOF (38). An overlapped handle has no file position:
``WriteFile`` at ``Offset`` 40 past the end extends the file with zeros, and the chunk list
read back shows it.
"""

import os
import tempfile

import pywintypes
import win32con
import win32event
import win32file
import winerror

CHUNK = 16


def read_all(h):
    ov = pywintypes.OVERLAPPED()
    ov.hEvent = win32event.CreateEvent(None, True, False, None)
    buf = win32file.AllocateReadBuffer(CHUNK)
    pos = 0
    chunks = []
    while True:
        ov.Offset = pos & 0xFFFFFFFF
        ov.OffsetHigh = pos >> 32
        try:
            win32file.ReadFile(h, buf, ov)
            n = win32file.GetOverlappedResult(h, ov, True)
        except pywintypes.error as e:
            if e.winerror == winerror.ERROR_HANDLE_EOF:
                print("end at", pos)  # from ReadFile or GetOverlappedResult: either may say it
                break
            raise
        chunks.append(bytes(buf[:n]))
        print("chunk at", pos, "bytes", n, "InternalHigh", ov.InternalHigh)
        pos += n
    return b"".join(chunks)


def main():
    path = os.path.join(tempfile.mkdtemp(), "chunks.bin")
    with open(path, "wb") as f:
        f.write(b"The quick brown fox jumps over the lazy dog")
    h = win32file.CreateFile(
        path,
        win32con.GENERIC_READ | win32con.GENERIC_WRITE,
        0,
        None,
        win32con.OPEN_EXISTING,
        win32con.FILE_ATTRIBUTE_NORMAL | win32con.FILE_FLAG_OVERLAPPED,
        None,
    )
    print("read:", read_all(h))
    ov = pywintypes.OVERLAPPED()
    ov.hEvent = win32event.CreateEvent(None, True, False, None)
    ov.Offset = 48
    win32file.WriteFile(h, b"!!", ov)
    print("written:", win32file.GetOverlappedResult(h, ov, True))
    print("size now:", win32file.GetFileSize(h))
    print("again:", read_all(h))
    h.Close()
    os.remove(path)
    print("done")


if __name__ == "__main__":
    main()
