"""A Python COM object made by the program, handed to a worker thread, called back from there.

Source: public GitHub files (progress reporters and callbacks passed into COM worker threads:
``win32com.server.util.wrap`` of a class with ``_public_methods_``, search "win32com server
util wrap CoMarshalInterThreadInterfaceInStream thread"), rewritten with their calls and their
order: ``wrap(Progress())`` to an IDispatch, ``CoMarshalInterThreadInterfaceInStream``, a
worker with ``CoInitializeEx(COINIT_MULTITHREADED)`` that unmarshals it with
``CoGetInterfaceAndReleaseStream`` and ``Dispatch``, calls ``Report`` and reads a property,
while the main STA pumps with ``PumpWaitingMessages``; ``unwrap`` gives the object back.
"""

import threading

import pythoncom
import win32api
import win32event
from win32com.client import Dispatch
from win32com.server.util import unwrap, wrap


class Progress:
    _public_methods_ = ["Report"]
    _public_attrs_ = ["Total"]

    def __init__(self):
        self.Total = 0
        self.threads = set()

    def Report(self, step):
        self.Total += step
        self.threads.add(win32api.GetCurrentThreadId())
        return self.Total


def worker(stream, done, out):
    pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)
    try:
        progress = Dispatch(
            pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IDispatch)
        )
        out.append([progress.Report(n) for n in (1, 2, 3)])
        out.append(progress.Total)
        del progress
    except pythoncom.com_error as error:
        out.append(("com_error", error.hresult))
    finally:
        pythoncom.CoUninitialize()
        win32event.SetEvent(done)


def main():
    pythoncom.CoInitialize()
    progress = wrap(Progress())
    stream = pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, progress)
    done = win32event.CreateEvent(None, 0, 0, None)
    out = []
    thread = threading.Thread(target=worker, args=(stream, done, out))
    thread.start()
    while True:
        rc = win32event.MsgWaitForMultipleObjects([done], 0, 10000, win32event.QS_ALLINPUT)
        if rc == win32event.WAIT_OBJECT_0 + 1:
            pythoncom.PumpWaitingMessages()
        else:
            break
    thread.join(10)
    print("worker saw:", out)
    obj = unwrap(progress)
    print("ran on the main thread only:", obj.threads == {win32api.GetCurrentThreadId()})
    print("total:", obj.Total)
    del progress
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
