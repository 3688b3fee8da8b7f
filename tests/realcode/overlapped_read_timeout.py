"""Read a pipe with a timeout: an overlapped ReadFile, a wait, CancelIo when it runs out.

Source: public GitHub files (serial-port and pipe readers that must not block forever; search
"win32file ReadFile overlapped WaitForSingleObject CancelIo GetOverlappedResult timeout"),
rewritten with their calls and their order: ``CreateNamedPipe`` with ``FILE_FLAG_OVERLAPPED``,
the client end from ``CreateFile(..., FILE_FLAG_OVERLAPPED, None)``,
``AllocateReadBuffer(64)``, ``OVERLAPPED()`` with ``hEvent = CreateEvent(None, True, False,
None)``, ``ReadFile(handle, buffer, overlapped)`` returning ERROR_IO_PENDING,
``WaitForSingleObject(overlapped.hEvent, timeout)``, ``GetOverlappedResult(handle, overlapped,
False)`` for the byte count and ``bytes(buffer[:n])``; on timeout ``CancelIo`` and the result
failing with ERROR_OPERATION_ABORTED.
"""

import pywintypes
import win32event
import win32file
import win32pipe
import winerror

NAME = r"\\.\pipe\realcode-overlapped-timeout"


def read_with_timeout(handle, timeout):
    buffer = win32file.AllocateReadBuffer(64)
    overlapped = pywintypes.OVERLAPPED()
    overlapped.hEvent = win32event.CreateEvent(None, True, False, None)
    rc, _ = win32file.ReadFile(handle, buffer, overlapped)
    pending = rc == winerror.ERROR_IO_PENDING
    if win32event.WaitForSingleObject(overlapped.hEvent, timeout) == win32event.WAIT_TIMEOUT:
        win32file.CancelIo(handle)
        try:
            win32file.GetOverlappedResult(handle, overlapped, True)
        except pywintypes.error as error:
            return pending, "cancelled", error.winerror
    n = win32file.GetOverlappedResult(handle, overlapped, False)
    return pending, "read", bytes(buffer[:n])


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
    connect = pywintypes.OVERLAPPED()
    connect.hEvent = win32event.CreateEvent(None, True, False, None)
    try:
        print("connect:", win32pipe.ConnectNamedPipe(server, connect))
    except pywintypes.error as error:
        print("connect:", error.winerror)
    print("nothing to read:", read_with_timeout(client, 50))
    write = pywintypes.OVERLAPPED()
    write.hEvent = win32event.CreateEvent(None, True, False, None)
    print("write:", win32file.WriteFile(server, b"sensor 42", write))
    print("written:", win32file.GetOverlappedResult(server, write, True))
    print("data:", read_with_timeout(client, 5000))
    print("nothing again:", read_with_timeout(client, 50))
    server.Close()
    try:
        print(read_with_timeout(client, 50))
    except pywintypes.error as error:
        print("server gone:", error.winerror, error.funcname)
    client.Close()
    print("done")


if __name__ == "__main__":
    main()
