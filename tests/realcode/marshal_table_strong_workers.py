"""One marshaled interface, unmarshaled by several worker threads in turn (MSHLFLAGS_TABLESTRONG).

Source: pywin32 threading answers that go past CoMarshalInterThreadInterfaceInStream (search
"CoMarshalInterface" "MSHLFLAGS_TABLESTRONG" "CreateStreamOnHGlobal" "CoReleaseMarshalData"):
the main STA owns a Python COM object (``win32com.server.util.wrap``), marshals it once into
an HGLOBAL stream with ``pythoncom.CoMarshalInterface(..., MSHLFLAGS_TABLESTRONG)``; each
worker thread (MTA) seeks the stream back to 0 and ``CoUnmarshalInterface``s its own proxy,
calls the object (which runs on the main thread, so the main thread pumps with
``MsgWaitForMultipleObjects`` + ``PumpWaitingMessages`` until the worker signals);
then ``CoReleaseMarshalData`` and the last worker's unmarshal fails.
"""

import threading

import pythoncom
import win32com.client
import win32com.server.util
import win32event


class Tally:
    _public_methods_ = ["Record", "Total"]

    def __init__(self):
        self.entries = []

    def Record(self, who, amount):
        self.entries.append((who, amount, threading.current_thread().name))
        return len(self.entries)

    def Total(self):
        return sum(amount for _, amount, _ in self.entries)


def worker(stream, name, done, results):
    pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)
    try:
        stream.Seek(0, 0)
        unk = pythoncom.CoUnmarshalInterface(stream, pythoncom.IID_IDispatch)
        tally = win32com.client.Dispatch(unk)
        for amount in (1, 2, 3):
            results.append((name, tally.Record(name, amount)))
        tally = unk = None
    except pythoncom.com_error as error:
        results.append((name, f"error {error.hresult}"))
    finally:
        pythoncom.CoUninitialize()
        win32event.SetEvent(done)


def run_worker(stream, name):
    done = win32event.CreateEvent(None, 0, 0, None)
    results = []
    thread = threading.Thread(target=worker, args=(stream, name, done, results), name=name)
    thread.start()
    while True:
        rc = win32event.MsgWaitForMultipleObjects([done], 0, 10000, win32event.QS_ALLINPUT)
        if rc == win32event.WAIT_OBJECT_0:
            break
        if rc == win32event.WAIT_OBJECT_0 + 1:
            pythoncom.PumpWaitingMessages()
        else:
            print("timed out")
            break
    thread.join()
    return results


def main():
    pythoncom.CoInitialize()
    tally = Tally()
    ob = win32com.server.util.wrap(tally)
    stream = pythoncom.CreateStreamOnHGlobal()
    pythoncom.CoMarshalInterface(
        stream,
        pythoncom.IID_IDispatch,
        ob,
        pythoncom.MSHCTX_INPROC,
        pythoncom.MSHLFLAGS_TABLESTRONG,
    )
    for name in ("worker-1", "worker-2"):
        print(name, run_worker(stream, name))
    print("entries:", len(tally.entries), "total:", win32com.client.Dispatch(ob).Total())
    print("ran on:", sorted(set(thread for _, _, thread in tally.entries)))
    stream.Seek(0, 0)
    pythoncom.CoReleaseMarshalData(stream)
    print("worker-3", run_worker(stream, "worker-3"))
    ob = stream = None
    pythoncom.CoUninitialize()


if __name__ == "__main__":
    main()
