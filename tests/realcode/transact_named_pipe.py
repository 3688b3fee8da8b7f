"""A request/reply pipe client with TransactNamedPipe and CallNamedPipe.

Source: public GitHub files (message-pipe clients of local services; search "win32pipe
TransactNamedPipe CallNamedPipe client"), rewritten with their calls and their order: the
server's ``CreateNamedPipe(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE
| PIPE_WAIT, PIPE_UNLIMITED_INSTANCES, 4096, 4096, 0, None)``, ``ConnectNamedPipe``,
``ReadFile``/``WriteFile`` and ``DisconnectNamedPipe`` on a thread; the client's
``WaitNamedPipe``, ``CreateFile``, ``SetNamedPipeHandleState(h, PIPE_READMODE_MESSAGE, None,
None)``, ``TransactNamedPipe(h, request, 4096)`` returning ``(hr, reply)``, a reply longer than
the buffer giving ERROR_MORE_DATA, and the one-shot ``CallNamedPipe(name, request, 4096,
NMPWAIT_WAIT_FOREVER)``.
"""

import threading

import pywintypes
import win32file
import win32pipe
import winerror

NAME = r"\\.\pipe\realcode-transact"


def serve(ready, clients):
    for _ in range(clients):
        pipe = win32pipe.CreateNamedPipe(
            NAME,
            win32pipe.PIPE_ACCESS_DUPLEX,
            win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_WAIT,
            win32pipe.PIPE_UNLIMITED_INSTANCES,
            4096,
            4096,
            0,
            None,
        )
        ready.release()
        win32pipe.ConnectNamedPipe(pipe, None)
        while True:
            try:
                hr, data = win32file.ReadFile(pipe, 4096)
            except pywintypes.error as error:
                if error.winerror == winerror.ERROR_BROKEN_PIPE:
                    break
                raise
            win32file.WriteFile(pipe, data[::-1] * (4 if data == b"long" else 1))
        win32pipe.DisconnectNamedPipe(pipe)
        pipe.Close()


def main():
    ready = threading.Semaphore(0)
    server = threading.Thread(target=serve, args=(ready, 2))
    server.start()
    ready.acquire(timeout=30)
    win32pipe.WaitNamedPipe(NAME, 5000)
    handle = win32file.CreateFile(
        NAME,
        win32file.GENERIC_READ | win32file.GENERIC_WRITE,
        0,
        None,
        win32file.OPEN_EXISTING,
        0,
        None,
    )
    win32pipe.SetNamedPipeHandleState(handle, win32pipe.PIPE_READMODE_MESSAGE, None, None)
    print("transact:", win32pipe.TransactNamedPipe(handle, b"hello", 4096))
    print("transact:", win32pipe.TransactNamedPipe(handle, b"pipes", 4096))
    hr, part = win32pipe.TransactNamedPipe(handle, b"long", 8)
    print("short buffer:", hr == winerror.ERROR_MORE_DATA, part)
    hr, rest = win32file.ReadFile(handle, 4096)
    print("rest:", hr, rest)
    handle.Close()
    ready.acquire(timeout=30)
    print("call:", win32pipe.CallNamedPipe(NAME, b"one shot", 4096, win32pipe.NMPWAIT_WAIT_FOREVER))
    server.join(30)
    try:
        win32pipe.CallNamedPipe(NAME, b"nobody", 4096, 0)
    except pywintypes.error as error:
        print("no server:", error.winerror, error.funcname)
    print("done")


if __name__ == "__main__":
    main()
