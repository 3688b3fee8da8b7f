"""A work queue on an I/O completion port: posted items taken by a pool of worker threads.

Source: public GitHub files (thread pools on ``win32file.CreateIoCompletionPort``; search
"win32file CreateIoCompletionPort GetQueuedCompletionStatus PostQueuedCompletionStatus worker
threads"), rewritten with their calls and their order: ``CreateIoCompletionPort(
INVALID_HANDLE_VALUE, None, 0, n)``, workers looping on ``GetQueuedCompletionStatus(port,
INFINITE)`` which returns ``(rc, bytes, key, overlapped)``, items sent with
``PostQueuedCompletionStatus(port, nbytes, key, None)`` and an ``OVERLAPPED`` whose ``object``
carries the payload, a key of 0 telling each worker to stop, and an empty port's timeout.
"""

import threading

import pywintypes
import win32api
import win32event
import win32file

STOP = 0
WORK = 1


def worker(port, results, lock):
    while True:
        rc, nbytes, key, overlapped = win32file.GetQueuedCompletionStatus(port, win32event.INFINITE)
        if key == STOP:
            break
        with lock:
            results.append((nbytes, overlapped.object * 2))


def main():
    port = win32file.CreateIoCompletionPort(win32file.INVALID_HANDLE_VALUE, None, 0, 2)
    print("port is a handle:", isinstance(port, pywintypes.HANDLEType))
    rc, nbytes, key, overlapped = win32file.GetQueuedCompletionStatus(port, 10)
    print("empty port:", rc, nbytes, key, overlapped)
    results = []
    lock = threading.Lock()
    threads = [threading.Thread(target=worker, args=(port, results, lock)) for _ in range(3)]
    for t in threads:
        t.start()
    for n in range(10):
        overlapped = pywintypes.OVERLAPPED()
        overlapped.object = n
        win32file.PostQueuedCompletionStatus(port, n + 100, WORK, overlapped)
    for _ in threads:
        win32file.PostQueuedCompletionStatus(port, 0, STOP, None)
    for t in threads:
        t.join(30)
    print("all stopped:", not any(t.is_alive() for t in threads))
    print("results:", sorted(results))
    win32file.PostQueuedCompletionStatus(port, 7, 42, None)
    print("one more:", win32file.GetQueuedCompletionStatus(port, 0))
    win32api.CloseHandle(port)
    try:
        win32file.PostQueuedCompletionStatus(port, 0, 0, None)
    except pywintypes.error as error:
        print("closed port:", error.winerror, error.funcname)
    print("done")


if __name__ == "__main__":
    main()
