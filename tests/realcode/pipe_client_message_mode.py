"""A named-pipe client in message mode that reads replies bigger than its buffer.

Source: the pywin32 named-pipe client recipe found in many answers and gists (StackOverflow
"Python named pipes client with pywin32", GitHub ``pipe_client.py`` files): ``CreateFile(
r"\\\\.\\pipe\\Foo", GENERIC_READ | GENERIC_WRITE, 0, None, OPEN_EXISTING, 0, None)`` retried
while it fails with ERROR_PIPE_BUSY after ``WaitNamedPipe``, ``SetNamedPipeHandleState(handle,
PIPE_READMODE_MESSAGE, None, None)``, ``WriteFile`` then ``ReadFile(handle, 64*1024)`` and,
for a reply larger than the read, ERROR_MORE_DATA (234) returned as the result code and the
rest read after it; the server's pipe closing ends the loop with ERROR_BROKEN_PIPE (109).
The server is the matching recipe (``CreateNamedPipe`` in message mode, ``ConnectNamedPipe``,
a read and an echo of each request) on a thread; the client reads with a small buffer so that
the long reply arrives in parts.
"""

import threading

import pywintypes
import win32file
import win32pipe
import winerror

PIPE = r"\\.\pipe\rc-message-mode-client"
ready = threading.Event()


def server():
    pipe = win32pipe.CreateNamedPipe(
        PIPE,
        win32pipe.PIPE_ACCESS_DUPLEX,
        win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_WAIT,
        1,
        65536,
        65536,
        0,
        None,
    )
    ready.set()
    win32pipe.ConnectNamedPipe(pipe, None)
    for _ in range(2):
        rc, request = win32file.ReadFile(pipe, 64 * 1024)
        reply = b"echo:" + request * (10 if request == b"long" else 1)
        win32file.WriteFile(pipe, reply)
    win32file.FlushFileBuffers(pipe)
    win32pipe.DisconnectNamedPipe(pipe)
    pipe.Close()


def open_pipe():
    while True:
        try:
            return win32file.CreateFile(
                PIPE,
                win32file.GENERIC_READ | win32file.GENERIC_WRITE,
                0,
                None,
                win32file.OPEN_EXISTING,
                0,
                None,
            )
        except pywintypes.error as e:
            if e.winerror == winerror.ERROR_PIPE_BUSY:
                win32pipe.WaitNamedPipe(PIPE, 2000)
                continue
            raise


def read_message(handle, size):
    parts = []
    while True:
        rc, data = win32file.ReadFile(handle, size)
        parts.append((rc, data))
        if rc != winerror.ERROR_MORE_DATA:
            return parts


def main():
    t = threading.Thread(target=server)
    t.start()
    ready.wait(30)
    handle = open_pipe()
    res = win32pipe.SetNamedPipeHandleState(handle, win32pipe.PIPE_READMODE_MESSAGE, None, None)
    print("SetNamedPipeHandleState:", res)
    print(
        "state:",
        win32pipe.GetNamedPipeHandleState(handle)[0] & win32pipe.PIPE_READMODE_MESSAGE != 0,
    )
    win32file.WriteFile(handle, b"short")
    print("short:", read_message(handle, 64))
    win32file.WriteFile(handle, b"long")
    parts = read_message(handle, 16)
    print("long parts:", [rc for rc, _ in parts], b"".join(d for _, d in parts))
    t.join(30)
    try:
        win32file.ReadFile(handle, 64)
    except pywintypes.error as e:
        print("server gone:", e.winerror, e.funcname)
    handle.Close()


if __name__ == "__main__":
    main()
