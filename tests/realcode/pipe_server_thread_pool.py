"""A named-pipe server that hands each connection to a new thread, with many clients at once.

Source: the threaded pywin32 pipe server found in many GitHub projects and answers (a loop
that makes an instance with ``CreateNamedPipe(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE |
PIPE_READMODE_MESSAGE | PIPE_WAIT, PIPE_UNLIMITED_INSTANCES, 65536, 65536, 0, None)``, waits
in ``ConnectNamedPipe``, treats ERROR_PIPE_CONNECTED as connected, and starts
``threading.Thread(target=handle_client, args=(pipe,))``; the handler reads requests until
ERROR_BROKEN_PIPE, answers each, then ``DisconnectNamedPipe`` and ``CloseHandle``), and its
clients (``CallNamedPipe``, and ``CreateFile`` + ``SetNamedPipeHandleState`` +
``TransactNamedPipe``), rewritten with those calls in that order. Eight client threads run at
once, each retrying while every instance is busy or none is listening (the server is between
instances: WaitNamedPipe then fails at once with ERROR_FILE_NOT_FOUND, as on Windows); the
server stops when a client sends "quit", whose handler wakes the listening loop with one
last connection.
"""

import threading
import time

import pywintypes
import win32api
import win32file
import win32pipe
import winerror

NAME = r"\\.\pipe\rc-thread-pool-server"
results = {}
lock = threading.Lock()
handled = []


def handle_client(pipe):
    served = 0
    try:
        while True:
            try:
                rc, data = win32file.ReadFile(pipe, 65536)
            except pywintypes.error as e:
                if e.winerror == winerror.ERROR_BROKEN_PIPE:
                    break
                raise
            if data == b"quit":
                win32file.WriteFile(pipe, b"bye")
                with lock:
                    handled.append(("quit", served))
                return "quit"
            win32file.WriteFile(pipe, data.upper())
            served += 1
    finally:
        win32pipe.DisconnectNamedPipe(pipe)
        win32api.CloseHandle(pipe)
    with lock:
        handled.append(("client", served))
    return None


def server(ready):
    workers = []
    stop = threading.Event()
    first = True
    while True:  # stop is looked at once a connection came: a quit wakes the loop with one
        pipe = win32pipe.CreateNamedPipe(
            NAME,
            win32pipe.PIPE_ACCESS_DUPLEX,
            win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_WAIT,
            win32pipe.PIPE_UNLIMITED_INSTANCES,
            65536,
            65536,
            0,
            None,
        )
        if first:
            ready.set()
            first = False
        try:
            win32pipe.ConnectNamedPipe(pipe, None)
        except pywintypes.error as e:
            if e.winerror != winerror.ERROR_PIPE_CONNECTED:
                raise
        if stop.is_set():  # the wake-up connection of a quit
            win32api.CloseHandle(pipe)
            break

        def run(p=pipe):
            if handle_client(p) == "quit":
                stop.set()
                connect().Close()  # wakes the loop's ConnectNamedPipe

        w = threading.Thread(target=run)
        w.start()
        workers.append(w)
    for w in workers:
        w.join(30)


def connect():
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
            if e.winerror not in (winerror.ERROR_PIPE_BUSY, winerror.ERROR_FILE_NOT_FOUND):
                raise
            try:
                win32pipe.WaitNamedPipe(NAME, 2000)
            except pywintypes.error:
                time.sleep(0.01)  # no instance at all just now: the server is making the next
    win32pipe.SetNamedPipeHandleState(handle, win32pipe.PIPE_READMODE_MESSAGE, None, None)
    return handle


def call(message):
    while True:
        try:
            return win32pipe.CallNamedPipe(NAME, message, 1024, 20000)
        except pywintypes.error as e:
            if e.winerror not in (winerror.ERROR_PIPE_BUSY, winerror.ERROR_FILE_NOT_FOUND):
                raise
            time.sleep(0.01)


def client(n):
    if n % 2:
        answers = [call(b"call %d" % n)]
    else:
        handle = connect()
        answers = [
            win32pipe.TransactNamedPipe(handle, b"txn %d.%d" % (n, i), 1024)[1] for i in range(3)
        ]
        handle.Close()
    with lock:
        results[n] = answers


def main():
    ready = threading.Event()
    srv = threading.Thread(target=server, args=(ready,))
    srv.start()
    ready.wait(30)
    clients = [threading.Thread(target=client, args=(n,)) for n in range(8)]
    for c in clients:
        c.start()
    for c in clients:
        c.join(60)
    for n in sorted(results):
        print(n, results[n])
    handle = connect()
    print("quit:", win32pipe.TransactNamedPipe(handle, b"quit", 64)[1])
    handle.Close()
    srv.join(60)
    print("server stopped:", not srv.is_alive())
    print("clients served:", sorted(served for kind, served in handled if kind == "client"))


if __name__ == "__main__":
    main()
