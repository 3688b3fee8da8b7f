"""An old-style polling pipe server: PIPE_NOWAIT, ConnectNamedPipe and ReadFile never block.

Source: public pywin32 code of servers that poll a pipe from a loop that does other work
(search "PIPE_NOWAIT ConnectNamedPipe ERROR_PIPE_LISTENING ERROR_NO_DATA ReadFile
win32pipe"), rewritten with their calls in their order: ``CreateNamedPipe(name,
PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_NOWAIT, 1, ...)``;
``ConnectNamedPipe(pipe, None)`` with no client fails with ERROR_PIPE_LISTENING (536); once the
client's ``CreateFile`` is done it returns ERROR_PIPE_CONNECTED (535) (pywin32 returns that code
rather than raising); ``ReadFile`` with nothing there fails with ERROR_NO_DATA (232); a message
is read whole; after the client closes, ``ReadFile`` fails with ERROR_BROKEN_PIPE (109).
``PeekNamedPipe`` tells how much waits. The client is a thread; each step waits for the
other with events.
"""

import os
import threading

import pywintypes
import win32event
import win32file
import win32pipe

NAME = r"\\.\pipe\realcode_nowait_polling_" + str(os.getpid())


def attempt(label, fn, *args):
    try:
        result = fn(*args)
        print(label, "->", result)
    except pywintypes.error as e:
        print(label, "-> error", e.winerror, e.funcname)


def main():
    pipe = win32pipe.CreateNamedPipe(
        NAME,
        win32pipe.PIPE_ACCESS_DUPLEX,
        win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_NOWAIT,
        1,
        4096,
        4096,
        0,
        None,
    )
    attempt("connect, no client", win32pipe.ConnectNamedPipe, pipe, None)
    connected = win32event.CreateEvent(None, False, False, None)
    go_write = win32event.CreateEvent(None, False, False, None)
    written = win32event.CreateEvent(None, False, False, None)
    go_close = win32event.CreateEvent(None, False, False, None)

    def client():
        h = win32file.CreateFile(
            NAME,
            win32file.GENERIC_READ | win32file.GENERIC_WRITE,
            0,
            None,
            win32file.OPEN_EXISTING,
            0,
            None,
        )
        win32event.SetEvent(connected)
        win32event.WaitForSingleObject(go_write, 30000)
        win32file.WriteFile(h, b"status?")
        win32event.SetEvent(written)
        win32event.WaitForSingleObject(go_close, 30000)
        h.Close()

    t = threading.Thread(target=client)
    t.start()
    win32event.WaitForSingleObject(connected, 30000)
    attempt("connect, client there", win32pipe.ConnectNamedPipe, pipe, None)
    attempt("read, nothing sent", win32file.ReadFile, pipe, 4096)
    win32event.SetEvent(go_write)
    win32event.WaitForSingleObject(written, 30000)
    attempt("peek", win32pipe.PeekNamedPipe, pipe, 0)
    attempt("read", win32file.ReadFile, pipe, 4096)
    win32event.SetEvent(go_close)
    t.join(30)
    attempt("read after client closed", win32file.ReadFile, pipe, 4096)
    win32pipe.DisconnectNamedPipe(pipe)
    attempt("connect after disconnect", win32pipe.ConnectNamedPipe, pipe, None)
    pipe.Close()
    print("done")


if __name__ == "__main__":
    main()
