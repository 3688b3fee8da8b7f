"""Why CancelIo from a shutdown thread does nothing: it cancels the caller's own I/O only.

Source: public answers to "CancelIo does not cancel ReadFile started in another thread"
for pywin32 pipe and serial readers (search "win32file.CancelIo other thread pending
ReadFile overlapped GetOverlappedResult 995"), rewritten with their calls in their order: a
reader thread issues an overlapped ``ReadFile`` on a pipe (ERROR_IO_PENDING) and waits on
``[overlapped.hEvent, stop]``; the main thread's ``CancelIo(handle)`` succeeds but the read
stays pending (``GetOverlappedResult(h, ov, False)`` in the reader still fails with
ERROR_IO_INCOMPLETE, 996); when the reader sees the stop event it calls ``CancelIo`` itself and
``GetOverlappedResult(h, ov, True)`` fails with ERROR_OPERATION_ABORTED (995).
"""

import os
import threading

import pywintypes
import win32event
import win32file
import win32pipe
import winerror

NAME = r"\\.\pipe\realcode_cancel_io_per_thread_" + str(os.getpid())


def main():
    server = win32pipe.CreateNamedPipe(
        NAME,
        win32pipe.PIPE_ACCESS_DUPLEX | win32file.FILE_FLAG_OVERLAPPED,
        win32pipe.PIPE_TYPE_BYTE | win32pipe.PIPE_WAIT,
        1,
        4096,
        4096,
        0,
        None,
    )
    client = win32file.CreateFile(
        NAME,
        win32file.GENERIC_READ | win32file.GENERIC_WRITE,
        0,
        None,
        win32file.OPEN_EXISTING,
        win32file.FILE_FLAG_OVERLAPPED,
        None,
    )
    pending = win32event.CreateEvent(None, True, False, None)
    check = win32event.CreateEvent(None, False, False, None)
    checked = win32event.CreateEvent(None, False, False, None)
    stop = win32event.CreateEvent(None, True, False, None)
    log = []

    def reader():
        ov = pywintypes.OVERLAPPED()
        ov.hEvent = win32event.CreateEvent(None, True, False, None)
        buf = win32file.AllocateReadBuffer(16)
        rc, _ = win32file.ReadFile(server, buf, ov)
        log.append(("read issued", rc == winerror.ERROR_IO_PENDING))
        win32event.SetEvent(pending)
        while True:
            rc = win32event.WaitForMultipleObjects([ov.hEvent, check, stop], False, 30000)
            if rc == win32event.WAIT_OBJECT_0:
                log.append(("read finished", win32file.GetOverlappedResult(server, ov, False)))
                return
            if rc == win32event.WAIT_OBJECT_0 + 1:
                try:
                    win32file.GetOverlappedResult(server, ov, False)
                    log.append(("still pending", False))
                except pywintypes.error as e:
                    log.append(("still pending", e.winerror))
                win32event.SetEvent(checked)
                continue
            win32file.CancelIo(server)
            try:
                win32file.GetOverlappedResult(server, ov, True)
                log.append(("after own CancelIo", "completed"))
            except pywintypes.error as e:
                log.append(("after own CancelIo", e.winerror, e.funcname))
            return

    t = threading.Thread(target=reader)
    t.start()
    win32event.WaitForSingleObject(pending, 30000)
    print("CancelIo from main:", win32file.CancelIo(server))
    win32event.SetEvent(check)
    win32event.WaitForSingleObject(checked, 30000)
    win32event.SetEvent(stop)
    t.join(30)
    for item in log:
        print(*item)
    client.Close()
    server.Close()
    print("done")


if __name__ == "__main__":
    main()
