"""A named-pipe server with two overlapped instances, waiting on both with one call.

Source: the pywin32 translations of Microsoft's "Named Pipe Server Using Overlapped I/O"
sample in public gists and answers (search "CreateNamedPipe PIPE_UNLIMITED_INSTANCES
FILE_FLAG_OVERLAPPED ConnectNamedPipe WaitForMultipleObjects instances"), rewritten with their
calls in their order: two instances of one name made with ``CreateNamedPipe(name,
PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE |
PIPE_WAIT, 2, 4096, 4096, 0, None)``, ``ConnectNamedPipe(pipe, ov)`` on each returning
ERROR_IO_PENDING, ``WaitForMultipleObjects`` on the two events, ``GetOverlappedResult``, an
overlapped ``ReadFile`` and ``WriteFile`` per message, ``DisconnectNamedPipe`` and a new
``ConnectNamedPipe`` to serve the next client. Three clients (threads) come one after the
other with ``CallNamedPipe``; a fourth finds no free instance while both are busy elsewhere
(``WaitNamedPipe`` times out: ERROR_SEM_TIMEOUT, 121).
"""

import os
import threading

import pywintypes
import win32event
import win32file
import win32pipe
import winerror

NAME = r"\\.\pipe\realcode_two_instances_chat_" + str(os.getpid())


class Instance:
    def __init__(self):
        self.pipe = win32pipe.CreateNamedPipe(
            NAME,
            win32pipe.PIPE_ACCESS_DUPLEX | win32file.FILE_FLAG_OVERLAPPED,
            win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_WAIT,
            2,
            4096,
            4096,
            0,
            None,
        )
        self.ov = pywintypes.OVERLAPPED()
        self.ov.hEvent = win32event.CreateEvent(None, True, False, None)

    def listen(self):
        win32event.ResetEvent(self.ov.hEvent)
        rc = win32pipe.ConnectNamedPipe(self.pipe, self.ov)
        if rc == winerror.ERROR_PIPE_CONNECTED:
            win32event.SetEvent(self.ov.hEvent)
        return rc

    def serve_one(self):
        win32file.GetOverlappedResult(self.pipe, self.ov, True)
        ov = pywintypes.OVERLAPPED()
        ov.hEvent = win32event.CreateEvent(None, True, False, None)
        buf = win32file.AllocateReadBuffer(4096)
        win32file.ReadFile(self.pipe, buf, ov)
        n = win32file.GetOverlappedResult(self.pipe, ov, True)
        text = bytes(buf[:n])
        win32file.WriteFile(self.pipe, b"echo: " + text.upper(), ov)
        win32file.GetOverlappedResult(self.pipe, ov, True)
        win32file.FlushFileBuffers(self.pipe)
        win32pipe.DisconnectNamedPipe(self.pipe)
        return text


def main():
    instances = [Instance(), Instance()]
    print("connect pending:", [i.listen() == winerror.ERROR_IO_PENDING for i in instances])
    answers = {}

    def client(word):
        answers[word] = win32pipe.CallNamedPipe(NAME, word.encode(), 4096, 10000)

    served = []
    for word in ["red", "green", "blue"]:
        t = threading.Thread(target=client, args=(word,))
        t.start()
        rc = win32event.WaitForMultipleObjects([i.ov.hEvent for i in instances], False, 10000)
        index = rc - win32event.WAIT_OBJECT_0
        served.append(instances[index].serve_one())
        instances[index].listen()
        t.join(30)
    print("served:", served)
    print("answers:", [answers[w] for w in ["red", "green", "blue"]])

    busy = []
    for _ in range(2):
        h = win32file.CreateFile(
            NAME,
            win32file.GENERIC_READ | win32file.GENERIC_WRITE,
            0,
            None,
            win32file.OPEN_EXISTING,
            0,
            None,
        )
        busy.append(h)
    try:
        win32pipe.WaitNamedPipe(NAME, 200)
        print("fourth client: an instance is free")
    except pywintypes.error as e:
        print("fourth client:", e.winerror, e.funcname)
    for h in busy:
        h.Close()
    for i in instances:
        i.pipe.Close()
    print("done")


if __name__ == "__main__":
    main()
