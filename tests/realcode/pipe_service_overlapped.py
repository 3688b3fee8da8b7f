"""A pipe server in the shape of a service: overlapped connect, a stop event, a reply.

Source: public GitHub files built on pywin32's pipe test service (search index ids 11190390487,
23242510133), rewritten with their calls and their order: an overlapped duplex message pipe,
``ConnectNamedPipe(handle, overlapped)`` whose ``ERROR_PIPE_CONNECTED`` sets the event by hand,
``WaitForMultipleObjects((stop, overlapped.hEvent), 0, INFINITE)``, ``ReadFile`` of the request,
``WriteFile`` of the answer, ``DisconnectNamedPipe``; an empty request ends it. The driver is the
client (``CallNamedPipe``) and the service control manager (the stop event).
"""

import threading

import pywintypes
import win32event
import win32file
import win32pipe
import winerror

PIPE_NAME = r"\\.\pipe\RealcodePipeService"
PIPEBUFSIZE = 512


def serve(stop_event, ready, log):
    overlapped = pywintypes.OVERLAPPED()
    overlapped.hEvent = win32event.CreateEvent(None, 0, 0, None)
    while True:
        pipe_handle = win32pipe.CreateNamedPipe(
            PIPE_NAME,
            win32pipe.PIPE_ACCESS_DUPLEX | win32file.FILE_FLAG_OVERLAPPED,
            win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE,
            win32pipe.PIPE_UNLIMITED_INSTANCES,
            0,
            0,
            6000,
            None,
        )
        try:
            hr = win32pipe.ConnectNamedPipe(pipe_handle, overlapped)
        except pywintypes.error as inst:
            log.append(f"error connecting pipe: {inst.winerror}")
            pipe_handle.Close()
            break
        log.append(f"connect returned {hr}")
        ready.set()
        if hr == winerror.ERROR_PIPE_CONNECTED:
            win32event.SetEvent(overlapped.hEvent)
        rc = win32event.WaitForMultipleObjects(
            (stop_event, overlapped.hEvent), 0, win32event.INFINITE
        )
        if rc == win32event.WAIT_OBJECT_0:
            log.append("stop requested")
            pipe_handle.Close()
            break
        try:
            hr, data = win32file.ReadFile(pipe_handle, PIPEBUFSIZE)
            log.append(f"processed {len(data)} bytes: {data!r} (hr {hr})")
            if not data:
                win32pipe.DisconnectNamedPipe(pipe_handle)
                pipe_handle.Close()
                break
            win32file.WriteFile(pipe_handle, b"Hello, " + data)
            win32pipe.DisconnectNamedPipe(pipe_handle)
        except win32file.error as error:
            log.append(f"client went away: {error.winerror}")
        pipe_handle.Close()


def main():
    stop_event = win32event.CreateEvent(None, 0, 0, None)
    log = []
    ready = threading.Event()
    server = threading.Thread(target=serve, args=(stop_event, ready, log))
    server.start()
    for name in (b"world", b"again"):
        ready.wait(10)
        ready.clear()
        win32pipe.WaitNamedPipe(PIPE_NAME, 5000)
        print("answer:", win32pipe.CallNamedPipe(PIPE_NAME, name, 256, 5000))
    ready.wait(10)
    win32event.SetEvent(stop_event)
    server.join(10)
    print("\n".join(log))
    try:
        win32pipe.CallNamedPipe(PIPE_NAME, b"late", 256, 0)
    except pywintypes.error as error:
        print("after the stop:", error.winerror, error.funcname)
    print("done")


if __name__ == "__main__":
    main()
