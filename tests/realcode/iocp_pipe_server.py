"""A named-pipe server on an I/O completion port: overlapped connects and reads, one worker.

Source: public GitHub servers in the shape of pywin32's own completion-port test and of
iocp reactors (search "CreateIoCompletionPort ConnectNamedPipe GetQueuedCompletionStatus
win32pipe"): several pipe instances made with ``FILE_FLAG_OVERLAPPED``, each tied to the port
with ``win32file.CreateIoCompletionPort(pipe, port, key, 0)``, an overlapped
``ConnectNamedPipe`` on each (``ERROR_IO_PENDING`` or ``ERROR_PIPE_CONNECTED``), and a loop on
``GetQueuedCompletionStatus(port, timeout)`` that reads a request with an overlapped
``ReadFile`` into ``AllocateReadBuffer``, answers it and disconnects; a
``PostQueuedCompletionStatus`` with key 0 stops the loop. Clients are threads using
``CallNamedPipe``, tried again while it says ERROR_PIPE_BUSY (six clients, three instances).
"""

import threading

import pywintypes
import win32event
import win32file
import win32pipe
import winerror

NAME = r"\\.\pipe\realcode_iocp_server_demo"
INSTANCES = 3


class Instance:
    def __init__(self, port, key):
        self.key = key
        self.pipe = win32pipe.CreateNamedPipe(
            NAME,
            win32pipe.PIPE_ACCESS_DUPLEX | win32file.FILE_FLAG_OVERLAPPED,
            win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE,
            INSTANCES,
            4096,
            4096,
            0,
            None,
        )
        win32file.CreateIoCompletionPort(self.pipe, port, key, 0)
        self.ov = pywintypes.OVERLAPPED()
        self.buf = win32file.AllocateReadBuffer(4096)
        self.state = "connecting"

    def connect(self, port):
        self.state = "connecting"
        rc = win32pipe.ConnectNamedPipe(self.pipe, self.ov)
        if rc == winerror.ERROR_PIPE_CONNECTED:  # no completion comes: post one ourselves
            win32file.PostQueuedCompletionStatus(port, 0, self.key, self.ov)
        return rc

    def read(self):
        self.state = "reading"
        rc, _ = win32file.ReadFile(self.pipe, self.buf, self.ov)
        return rc


def serve(port, instances, served, ready, ready_event):
    codes = set()
    for inst in instances.values():
        codes.add(inst.connect(port))
    ready.append(sorted(codes))
    win32event.SetEvent(ready_event)
    while True:
        rc, nbytes, key, ov = win32file.GetQueuedCompletionStatus(port, 10000)
        if key == 0:
            break
        inst = instances[key]
        if inst.state == "connecting":
            inst.read()
        elif inst.state == "reading":
            request = bytes(inst.buf[:nbytes])
            win32file.WriteFile(inst.pipe, b"ok:" + request)
            served.append(request)
            win32pipe.DisconnectNamedPipe(inst.pipe)
            inst.connect(port)


def main():
    port = win32file.CreateIoCompletionPort(win32file.INVALID_HANDLE_VALUE, None, 0, 1)
    instances = {k: Instance(port, k) for k in range(1, INSTANCES + 1)}
    served, ready = [], []
    ready_event = win32event.CreateEvent(None, True, False, None)
    worker = threading.Thread(target=serve, args=(port, instances, served, ready, ready_event))
    worker.start()
    win32event.WaitForSingleObject(ready_event, 10000)
    print("connect codes:", ready[0] == [winerror.ERROR_IO_PENDING] or ready[0])
    replies = []
    lock = threading.Lock()

    def client(i):
        for _ in range(50):  # every instance busy: CallNamedPipe waits once, then try again
            try:
                reply = win32pipe.CallNamedPipe(NAME, b"req%d" % i, 4096, 5000)
                break
            except pywintypes.error as e:
                if e.winerror != winerror.ERROR_PIPE_BUSY:
                    raise
        with lock:
            replies.append(reply)

    clients = [threading.Thread(target=client, args=(i,)) for i in range(6)]
    for c in clients:
        c.start()
    for c in clients:
        c.join(30)
    win32file.PostQueuedCompletionStatus(port, 0, 0, None)
    worker.join(30)
    print("replies:", sorted(replies))
    print("served:", len(served))
    rc, nbytes, key, ov = win32file.GetQueuedCompletionStatus(port, 0)
    print("empty port:", rc, key, ov)
    for inst in instances.values():
        inst.pipe.Close()
    port.Close()
    print("done")


if __name__ == "__main__":
    main()
