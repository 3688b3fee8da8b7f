"""A Scripting.Dictionary filled by worker threads through marshaled pointers.

Source: public GitHub files and answers on using a COM object from threads (create it in the
main thread; ``pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch,
obj)`` per worker; in the worker ``pythoncom.CoInitialize()``,
``pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IDispatch)``,
``win32com.client.Dispatch(...)``; search "CoGetInterfaceAndReleaseStream"), with a
Scripting.Dictionary as the object. The main thread pumps messages while it waits, as an
STA that owns the object must (``pythoncom.PumpWaitingMessages`` in a loop with
``MsgWaitForMultipleObjects``).
"""

import threading

import pythoncom
import win32com.client
import win32event


def worker(stream, n, done):
    pythoncom.CoInitialize()
    try:
        d = win32com.client.Dispatch(
            pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IDispatch)
        )
        for i in range(3):
            d.Add(f"w{n}-{i}", n * 10 + i)
        d = None
    finally:
        pythoncom.CoUninitialize()
        win32event.SetEvent(done)


def main():
    pythoncom.CoInitialize()
    d = win32com.client.Dispatch("Scripting.Dictionary")
    events = []
    threads = []
    for n in range(3):
        stream = pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, d)
        done = win32event.CreateEvent(None, True, False, None)
        events.append(done)
        t = threading.Thread(target=worker, args=(stream, n, done))
        threads.append(t)
        t.start()
    pending = list(events)
    while pending:
        rc = win32event.MsgWaitForMultipleObjects(pending, False, 10000, win32event.QS_ALLINPUT)
        if rc == win32event.WAIT_OBJECT_0 + len(pending):
            pythoncom.PumpWaitingMessages()
        elif win32event.WAIT_OBJECT_0 <= rc < win32event.WAIT_OBJECT_0 + len(pending):
            pending.pop(rc - win32event.WAIT_OBJECT_0)
        else:
            print("timed out")
            break
    for t in threads:
        t.join()
    print("count:", d.Count)
    print(sorted((k, d.Item(k)) for k in d.Keys()))
    d = None
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
