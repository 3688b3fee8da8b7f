"""Worker threads that join the multithreaded apartment and share one COM object.

Source: public GitHub files (thread pools that call COM from workers; search "pythoncom
CoInitializeEx COINIT_MULTITHREADED worker thread CoUninitialize"), rewritten with their calls
and their order: ``sys.coinit_flags = 0`` before ``import pythoncom`` (so the import puts the
main thread in the MTA, not an STA), ``CoInitializeEx(COINIT_MULTITHREADED)``, a Python object made
COM with ``win32com.server.util.wrap`` and used through ``win32com.client.Dispatch``; each worker
``CoInitializeEx(COINIT_MULTITHREADED)``, calls the object directly (in the MTA no marshaling is
needed), ``CoUninitialize()`` in ``finally``; a worker that first joined an STA cannot switch
(RPC_E_CHANGED_MODE), and a second ``CoInitializeEx`` of the same kind is fine.

Without ``sys.coinit_flags`` the main thread is an STA and the workers would call its object's
raw pointer from the MTA: Windows lets that run on the worker (COM cannot see it), and so do we.
"""

import sys
import threading

sys.coinit_flags = 0  # COINIT_MULTITHREADED, read by pythoncom when it is imported

import pythoncom  # noqa: E402
import win32api  # noqa: E402
import win32com.client  # noqa: E402
import win32com.server.util  # noqa: E402


class Counter:
    _public_methods_ = ["Add", "Total"]

    def __init__(self):
        self._lock = threading.Lock()
        self._total = 0
        self.threads = set()

    def Add(self, n):
        with self._lock:
            self._total += n
            self.threads.add(win32api.GetCurrentThreadId())
        return self._total

    def Total(self):
        return self._total


def main():
    pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)
    counter = Counter()
    obj = win32com.client.Dispatch(win32com.server.util.wrap(counter))
    errors = []
    callers = set()

    def worker(n):
        pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)
        try:
            for _ in range(10):
                obj.Add(n)
            callers.add(win32api.GetCurrentThreadId())
        except pythoncom.com_error as error:
            errors.append(error.hresult)
        finally:
            pythoncom.CoUninitialize()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(1, 5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    print("errors:", errors)
    print("total:", obj.Total())
    print("called on the workers' own threads:", counter.threads == callers)
    result = []

    def sta_then_mta():
        pythoncom.CoInitializeEx(pythoncom.COINIT_APARTMENTTHREADED)
        try:
            pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)
            result.append("switched")
        except pythoncom.com_error as error:
            result.append(error.hresult == -2147417850)
        pythoncom.CoInitializeEx(pythoncom.COINIT_APARTMENTTHREADED)
        result.append("again ok")
        pythoncom.CoUninitialize()
        pythoncom.CoUninitialize()

    t = threading.Thread(target=sta_then_mta)
    t.start()
    t.join(30)
    print("sta then mta:", result)
    obj = None
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
