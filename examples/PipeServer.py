"""A named-pipe server that waits for its clients and for a stop event at once.

    python -m apartment run examples/PipeServer.py        (with pywin32 on Windows: python ...)

The server is the classic loop of a pywin32 service: create an instance of the pipe, start
ConnectNamedPipe with an OVERLAPPED, and wait for whichever comes first, the stop event or the
OVERLAPPED's event (a client). Each client gets a thread of its own, which reads the client's
messages (a long one arrives in parts: ERROR_MORE_DATA) and answers each; then the loop makes
the next instance. The main program starts the server, runs clients in other processes
(CallNamedPipe) and in threads of its own (CreateFile, TransactNamedPipe), then sets the
stop event: the server leaves its wait at once, though no client is coming.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pywintypes
import win32con
import win32event
import win32file
import win32pipe
import winerror

PIPE = "\\\\.\\pipe\\apartment-example-" + str(os.getpid())
CLIENT_PROCESSES = 3
CLIENT_THREADS = 2


def serve_client(pipe: object, number: int) -> None:
    """Answer each message of one client until it leaves (on the client's own thread)."""
    try:
        while True:
            message = b""
            rc = winerror.ERROR_MORE_DATA
            while rc == winerror.ERROR_MORE_DATA:  # a message longer than 64 bytes: in parts
                rc, part = win32file.ReadFile(pipe, 64)
                message += part
            reply = b"server got %d bytes from client %d: %s" % (len(message), number, message)
            win32file.WriteFile(pipe, reply)
    except pywintypes.error as exc:
        if exc.winerror != winerror.ERROR_BROKEN_PIPE:  # the client left: the normal end
            raise
    finally:
        win32file.CloseHandle(pipe)


def new_instance() -> object:
    """A new instance of the pipe, listening."""
    return win32pipe.CreateNamedPipe(
        PIPE,
        win32pipe.PIPE_ACCESS_DUPLEX | win32file.FILE_FLAG_OVERLAPPED,
        win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE,
        win32pipe.PIPE_UNLIMITED_INSTANCES,
        0,
        0,
        5000,
        None,
    )


def server(stop: object, started: object) -> int:
    """Serve clients until ``stop`` is set; return how many came."""
    overlapped = pywintypes.OVERLAPPED()
    overlapped.hEvent = win32event.CreateEvent(None, True, False, None)
    clients: list[threading.Thread] = []
    pipe = new_instance()
    win32event.SetEvent(started)
    while True:
        if win32pipe.ConnectNamedPipe(pipe, overlapped) == winerror.ERROR_PIPE_CONNECTED:
            win32event.SetEvent(overlapped.hEvent)  # the client came first: no wait
        which = win32event.WaitForMultipleObjects(
            (stop, overlapped.hEvent), False, win32event.INFINITE
        )
        if which == win32event.WAIT_OBJECT_0:  # stop
            win32file.CancelIo(pipe)
            win32file.CloseHandle(pipe)
            break
        win32event.ResetEvent(overlapped.hEvent)
        connected, pipe = pipe, new_instance()  # the next one first: the pipe never goes
        client = threading.Thread(target=serve_client, args=(connected, len(clients) + 1))
        client.start()
        clients.append(client)
    for client in clients:
        client.join()
    win32file.CloseHandle(overlapped.hEvent)
    return len(clients)


def client_in_a_thread(number: int) -> None:
    """A client that stays connected for two exchanges, the second a long message."""
    while True:  # another client may take the instance between the wait and the open
        win32pipe.WaitNamedPipe(PIPE, win32pipe.NMPWAIT_WAIT_FOREVER)
        try:
            pipe = win32file.CreateFile(
                PIPE,
                win32con.GENERIC_READ | win32con.GENERIC_WRITE,
                0,
                None,
                win32con.OPEN_EXISTING,
                0,
                None,
            )
            break
        except pywintypes.error as exc:
            if exc.winerror != winerror.ERROR_PIPE_BUSY:
                raise
    win32pipe.SetNamedPipeHandleState(pipe, win32pipe.PIPE_READMODE_MESSAGE, None, None)
    for text in (b"hello from thread %d" % number, b"x" * 200):
        _, reply = win32pipe.TransactNamedPipe(pipe, text, 1024, None)
        print("thread client %d: %s" % (number, bytes(reply[:60]).decode()))
    win32file.CloseHandle(pipe)


def client_in_a_process() -> None:
    """The other processes' part: one CallNamedPipe (connect, transact, close)."""
    text = b"hello from process %d" % os.getpid()
    while True:  # CallNamedPipe waits once; another client may still come first
        try:
            reply = win32pipe.CallNamedPipe(sys.argv[2], text, 1024, win32pipe.NMPWAIT_WAIT_FOREVER)
            break
        except pywintypes.error as exc:
            if exc.winerror != winerror.ERROR_PIPE_BUSY:
                raise
    print("process client %d: %s" % (os.getpid(), reply.decode()))


def main() -> None:
    stop = win32event.CreateEvent(None, True, False, None)
    started = win32event.CreateEvent(None, True, False, None)
    count: list[int] = []
    thread = threading.Thread(target=lambda: count.append(server(stop, started)))
    thread.start()
    win32event.WaitForSingleObject(started, win32event.INFINITE)
    if "apartment" in sys.modules:  # the child runs on the facade too
        run = [sys.executable, "-m", "apartment", "run", __file__, "client", PIPE]
    else:
        run = [sys.executable, __file__, "client", PIPE]
    children = [subprocess.Popen(run) for _ in range(CLIENT_PROCESSES)]
    helpers = [
        threading.Thread(target=client_in_a_thread, args=(n,)) for n in range(CLIENT_THREADS)
    ]
    for helper in helpers:
        helper.start()
    for child in children:
        child.wait()
    for helper in helpers:
        helper.join()
    win32event.SetEvent(stop)  # the server is waiting for a client that will not come
    thread.join()
    print("server stopped after %d clients" % count[0])


if __name__ == "__main__":
    if sys.argv[1:2] == ["client"]:
        client_in_a_process()
    else:
        main()
