"""A select-free echo server: one wait over a stop event and every socket's event.

    python -m apartment run examples/EchoServer.py        (with pywin32 on Windows: python ...)

The server thread gives each socket an event of its own with WSAEventSelect (the listening
socket FD_ACCEPT, each client FD_READ | FD_CLOSE) and waits on all of them and a stop event at
once with WaitForMultipleObjects: no select(), no thread per client. WSAEnumNetworkEvents says
what happened (and resets the event); a recv re-enables FD_READ, so data left after one recv
signals again. The main program connects a few clients, checks their echoes, then sets the
stop event: the server leaves its wait at once.
"""

from __future__ import annotations

import socket
import threading

import win32event
import win32file


def serve(listener: socket.socket, stop: object) -> None:
    """Accept clients and echo what they send until ``stop`` is set (on the server thread)."""
    accept_event = win32event.CreateEvent(None, False, False, None)
    win32file.WSAEventSelect(listener, accept_event, win32file.FD_ACCEPT)
    clients: list[tuple[socket.socket, object]] = []
    while True:
        handles = [stop, accept_event] + [event for _, event in clients]
        which = win32event.WaitForMultipleObjects(handles, False, win32event.INFINITE)
        if which == win32event.WAIT_OBJECT_0:  # the stop event
            break
        if which == win32event.WAIT_OBJECT_0 + 1:
            win32file.WSAEnumNetworkEvents(listener, accept_event)
            client, _ = listener.accept()
            event = win32event.CreateEvent(None, False, False, None)
            win32file.WSAEventSelect(client, event, win32file.FD_READ | win32file.FD_CLOSE)
            clients.append((client, event))
            continue
        client, event = clients[which - win32event.WAIT_OBJECT_0 - 2]
        happened = win32file.WSAEnumNetworkEvents(client, event)
        if win32file.FD_READ in happened:
            try:
                client.sendall(client.recv(4096))
            except BlockingIOError:
                pass  # read by the previous FD_READ already
        if win32file.FD_CLOSE in happened:
            clients.remove((client, event))
            client.close()
    for client, _ in clients:
        client.close()


def main() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    stop = win32event.CreateEvent(None, True, False, None)
    server = threading.Thread(target=serve, args=(listener, stop))
    server.start()
    for number in range(3):
        with socket.create_connection(listener.getsockname()) as client:
            message = b"hello %d" % number
            client.sendall(message)
            echo = b""
            while len(echo) < len(message):
                echo += client.recv(100)
            print("echoed:", echo.decode())
            assert echo == message
    win32event.SetEvent(stop)
    server.join()
    listener.close()
    print("server stopped")


if __name__ == "__main__":
    main()
