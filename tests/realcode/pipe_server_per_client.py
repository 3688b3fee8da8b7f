"""A named pipe server with a thread per client, and clients that are other processes.

Source: public GitHub files (IPC servers ported from the "multithreaded pipe server" C
sample; search "win32pipe CreateNamedPipe PIPE_UNLIMITED_INSTANCES ConnectNamedPipe thread per
client GetNamedPipeClientProcessId"), rewritten with their calls and their order: a loop that
makes an instance with ``CreateNamedPipe(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE |
PIPE_READMODE_MESSAGE | PIPE_WAIT, PIPE_UNLIMITED_INSTANCES, 512, 512, 0, None)``, waits in
``ConnectNamedPipe`` and hands the instance to a thread that reads the request, asks
``GetNamedPipeClientProcessId`` who sent it, answers and disconnects; clients loop on
``CreateFile`` (``WaitNamedPipe`` when it fails with ERROR_PIPE_BUSY, a short ``Sleep`` when no
instance exists between two, which WaitNamedPipe reports too: ERROR_FILE_NOT_FOUND when the busy
instance was closed before the listener made the next, a race a loaded machine loses), then
``SetNamedPipeHandleState``, ``WriteFile`` and ``ReadFile``.
"""

import sys
import threading

import pywintypes
import win32api
import win32event
import win32file
import win32pipe
import win32process
import winerror

NAME = r"\\.\pipe\realcode-per-client"
CLIENTS = 3


def wait_for_instance():
    """Every instance is taken: wait for one (gone meanwhile: the caller tries again)."""
    try:
        win32pipe.WaitNamedPipe(NAME, 20000)
    except pywintypes.error as error:
        # the instance this client saw busy was closed before the server made the next one
        if error.winerror != winerror.ERROR_FILE_NOT_FOUND:
            raise


def connect():
    while True:
        try:
            return win32file.CreateFile(
                NAME,
                win32file.GENERIC_READ | win32file.GENERIC_WRITE,
                0,
                None,
                win32file.OPEN_EXISTING,
                0,
                None,
            )
        except pywintypes.error as error:
            if error.winerror == winerror.ERROR_PIPE_BUSY:
                wait_for_instance()
            elif error.winerror == winerror.ERROR_FILE_NOT_FOUND:
                win32api.Sleep(10)  # between two instances of the server: none listens
            else:
                raise


def client(n):
    handle = connect()
    win32pipe.SetNamedPipeHandleState(handle, win32pipe.PIPE_READMODE_MESSAGE, None, None)
    win32file.WriteFile(handle, f"hello from {n}".encode())
    hr, reply = win32file.ReadFile(handle, 512)
    handle.Close()
    sys.exit(0 if reply == f"pid {win32api.GetCurrentProcessId()}".encode() else 1)


def serve_one(pipe, log, lock):
    hr, request = win32file.ReadFile(pipe, 512)
    pid = win32pipe.GetNamedPipeClientProcessId(pipe)
    win32file.WriteFile(pipe, f"pid {pid}".encode())
    win32file.FlushFileBuffers(pipe)
    win32pipe.DisconnectNamedPipe(pipe)
    pipe.Close()
    with lock:
        log.append((request, pid))


def main():
    if len(sys.argv) > 1:
        client(sys.argv[1])
        return
    print(
        "server pid is ours:", win32api.GetCurrentProcessId() == win32process.GetCurrentProcessId()
    )
    log = []
    lock = threading.Lock()
    threads = []
    children = {}

    def listen():
        for _ in range(CLIENTS):
            pipe = win32pipe.CreateNamedPipe(
                NAME,
                win32pipe.PIPE_ACCESS_DUPLEX,
                win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_WAIT,
                win32pipe.PIPE_UNLIMITED_INSTANCES,
                512,
                512,
                0,
                None,
            )
            win32pipe.ConnectNamedPipe(pipe, None)
            t = threading.Thread(target=serve_one, args=(pipe, log, lock))
            t.start()
            threads.append(t)

    listener = threading.Thread(target=listen)
    listener.start()
    for n in range(CLIENTS):
        cmd = f'"{sys.executable}" "{__file__}" {n}'
        h_process, h_thread, pid, _ = win32process.CreateProcess(
            None, cmd, None, None, False, 0, None, None, win32process.STARTUPINFO()
        )
        children[pid] = (n, h_process, h_thread)
    for n, h_process, h_thread in children.values():
        win32event.WaitForSingleObject(h_process, 30000)
        print("client", n, "exit code:", win32process.GetExitCodeProcess(h_process))
        win32api.CloseHandle(h_process)
        win32api.CloseHandle(h_thread)
    listener.join(30)
    for t in threads:
        t.join(30)
    print("requests:", sorted(request for request, _ in log))
    print("every pid a client's:", sorted(children[pid][0] for _, pid in log))
    print("done")


if __name__ == "__main__":
    main()
