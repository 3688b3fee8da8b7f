r"""A message pipe read in a loop until the writer goes: ``print 'ended'``.

Source: a public GitHub file (search index id 25387942955, a ten-line script), kept with its
calls and their order: ``CreateNamedPipe(r'\\.\pipe\test_pipe', PIPE_ACCESS_DUPLEX,
PIPE_TYPE_MESSAGE | PIPE_WAIT, 1, 65536, 65536, 300, None)``, ``ConnectNamedPipe(p, None)``,
``ReadFile(p, 4096)`` forever, any exception ends it. The driver is the writer: a thread that
opens the pipe, sets message read mode, writes messages and closes; the reader starts once
all are written, so its byte-mode reads join them (message boundaries are not kept), and the
writer closes once the server's ConnectNamedPipe has returned.
"""

import threading

import pywintypes
import win32file
import win32pipe

NAME = r"\\.\pipe\realcode_test_pipe"


def writer(count, written, connected):
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
    for i in range(count):
        win32file.WriteFile(handle, f"message {i}".encode())
    print("pipe state:", win32pipe.GetNamedPipeHandleState(handle)[0])
    written.set()
    # not before the server's ConnectNamedPipe returned: a client that wrote and left before
    # it would make it fail with ERROR_NO_DATA, as on Windows
    connected.wait(10)
    win32file.CloseHandle(handle)


def main():
    p = win32pipe.CreateNamedPipe(
        NAME,
        win32pipe.PIPE_ACCESS_DUPLEX,
        win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_WAIT,
        1,
        65536,
        65536,
        300,
        None,
    )
    written = threading.Event()
    connected = threading.Event()
    thread = threading.Thread(target=writer, args=(25, written, connected))
    thread.start()
    win32pipe.ConnectNamedPipe(p, None)
    connected.set()
    written.wait(10)
    count = 0
    try:
        while True:
            data = win32file.ReadFile(p, 4096)
            print(data[0], len(data[1]), data[1][:20])
            count = count + 1
    except pywintypes.error as error:
        print("ended", count, error.winerror, error.funcname)
    thread.join(10)
    print("info:", win32pipe.GetNamedPipeInfo(p))
    win32file.CloseHandle(p)


if __name__ == "__main__":
    main()
