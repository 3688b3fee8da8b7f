"""A named-pipe client that waits while every instance is busy, the MSDN client in Python.

Source: public GitHub ports of Microsoft's "Named Pipe Client" sample and answers built on it
(search "ERROR_PIPE_BUSY WaitNamedPipe win32pipe"): loop on ``win32file.CreateFile(name,
GENERIC_READ | GENERIC_WRITE, 0, None, OPEN_EXISTING, 0, None)``; on ``ERROR_PIPE_BUSY``
call ``win32pipe.WaitNamedPipe(name, 2000)`` and try again; then
``win32pipe.SetNamedPipeHandleState(handle, PIPE_READMODE_MESSAGE, None, None)``, write a
request, read the reply. The server allows one instance at a time, so the second client finds
it busy until the first is served; ``GetNamedPipeInfo`` and ``GetNamedPipeHandleState``
are read as such tools print them. Without a server, CreateFile gives ERROR_FILE_NOT_FOUND
and WaitNamedPipe fails too. The server keeps its one instance and connects it again after
each ``DisconnectNamedPipe``.
"""

import threading

import pywintypes
import win32event
import win32file
import win32pipe
import winerror

NAME = r"\\.\pipe\realcode_busy_wait_demo"


def server(ready, rounds):
    pipe = win32pipe.CreateNamedPipe(
        NAME,
        win32pipe.PIPE_ACCESS_DUPLEX,
        win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_WAIT,
        1,
        4096,
        4096,
        0,
        None,
    )
    win32event.SetEvent(ready)
    for _ in range(rounds):
        win32pipe.ConnectNamedPipe(pipe, None)
        hr, data = win32file.ReadFile(pipe, 4096)
        win32file.WriteFile(pipe, b"served " + data)
        win32file.FlushFileBuffers(pipe)
        win32pipe.DisconnectNamedPipe(pipe)
    pipe.Close()


def client(request, log):
    busy = 0
    while True:
        try:
            handle = win32file.CreateFile(
                NAME,
                win32file.GENERIC_READ | win32file.GENERIC_WRITE,
                0,
                None,
                win32file.OPEN_EXISTING,
                0,
                None,
            )
            break
        except pywintypes.error as e:
            if e.winerror != winerror.ERROR_PIPE_BUSY:
                raise
            busy += 1
            try:
                win32pipe.WaitNamedPipe(NAME, 2000)
            except pywintypes.error as e:
                if e.winerror not in (winerror.ERROR_SEM_TIMEOUT, winerror.ERROR_FILE_NOT_FOUND):
                    raise
    win32pipe.SetNamedPipeHandleState(handle, win32pipe.PIPE_READMODE_MESSAGE, None, None)
    win32file.WriteFile(handle, request)
    hr, reply = win32file.ReadFile(handle, 4096)
    handle.Close()
    log.append((request, reply))


def main():
    try:
        win32file.CreateFile(
            NAME, win32file.GENERIC_READ, 0, None, win32file.OPEN_EXISTING, 0, None
        )
    except pywintypes.error as e:
        print("no server:", e.winerror, e.funcname)
    try:
        win32pipe.WaitNamedPipe(NAME, 100)
    except pywintypes.error as e:
        print("wait with no server:", e.winerror, e.funcname)
    ready = win32event.CreateEvent(None, 0, 0, None)
    t = threading.Thread(target=server, args=(ready, 2))
    t.start()
    win32event.WaitForSingleObject(ready, 10000)
    first = win32file.CreateFile(
        NAME,
        win32file.GENERIC_READ | win32file.GENERIC_WRITE,
        0,
        None,
        win32file.OPEN_EXISTING,
        0,
        None,
    )
    print("pipe info:", win32pipe.GetNamedPipeInfo(first))
    state = win32pipe.GetNamedPipeHandleState(first)
    print("state:", state[0], state[1])
    try:
        win32file.CreateFile(
            NAME,
            win32file.GENERIC_READ | win32file.GENERIC_WRITE,
            0,
            None,
            win32file.OPEN_EXISTING,
            0,
            None,
        )
    except pywintypes.error as e:
        print("second while first connected:", e.winerror)
    log = []
    second = threading.Thread(target=client, args=(b"two", log))
    second.start()
    win32pipe.SetNamedPipeHandleState(first, win32pipe.PIPE_READMODE_MESSAGE, None, None)
    win32file.WriteFile(first, b"one")
    hr, reply = win32file.ReadFile(first, 4096)
    first.Close()
    print("first:", reply)
    second.join(30)
    t.join(30)
    print("second:", log)
    print("done")


if __name__ == "__main__":
    main()
