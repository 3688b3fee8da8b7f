"""A segmented downloader's output file: preallocate, mark sparse, write parts at their offsets.

Source: public GitHub download managers and torrent clients for Windows that preallocate the
target with ``win32file.SetFilePointer(handle, size, FILE_BEGIN)`` and ``SetEndOfFile``, mark
it sparse first with ``win32file.DeviceIoControl(handle, winioctlcon.FSCTL_SET_SPARSE, None,
None)`` (errors ignored where the file system cannot), and write each finished segment at its
own offset with ``WriteFile(handle, data, overlapped)`` where ``overlapped.Offset`` /
``OffsetHigh`` give the position (search "FSCTL_SET_SPARSE DeviceIoControl win32file" and
"SetEndOfFile preallocate win32file"). Segments come from worker threads in any order.
"""

import threading

import pywintypes
import win32con
import win32file
import winioctlcon

SIZE = 64 * 1024
SEGMENT = 16 * 1024


def main():
    handle = win32file.CreateFile(
        "download.part",
        win32con.GENERIC_READ | win32con.GENERIC_WRITE,
        0,
        None,
        win32con.CREATE_ALWAYS,
        win32con.FILE_ATTRIBUTE_NORMAL,
        None,
    )
    try:
        win32file.DeviceIoControl(handle, winioctlcon.FSCTL_SET_SPARSE, None, None)
        sparse = True
    except pywintypes.error as e:
        sparse = e.winerror
    print("sparse:", sparse)
    win32file.SetFilePointer(handle, SIZE, win32file.FILE_BEGIN)
    win32file.SetEndOfFile(handle)
    print("preallocated:", win32file.GetFileSize(handle))
    lock = threading.Lock()
    written = []

    def segment(index):
        data = bytes([65 + index]) * SEGMENT
        ov = pywintypes.OVERLAPPED()
        ov.Offset = index * SEGMENT
        ov.OffsetHigh = 0
        with lock:
            rc, n = win32file.WriteFile(handle, data, ov)
            written.append((index, rc, n))

    threads = [threading.Thread(target=segment, args=(i,)) for i in (3, 1, 0, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("segments:", sorted(written))
    print("size after:", win32file.GetFileSize(handle))
    win32file.SetFilePointer(handle, 0, win32file.FILE_BEGIN)
    hr, data = win32file.ReadFile(handle, SIZE)
    print("layout:", [chr(data[i * SEGMENT]) for i in range(4)], len(data))
    ov = pywintypes.OVERLAPPED()
    ov.Offset = SEGMENT - 2
    hr, tail = win32file.ReadFile(handle, 4, ov)
    print("across a boundary:", bytes(tail))
    handle.Close()
    print("done")


if __name__ == "__main__":
    main()
