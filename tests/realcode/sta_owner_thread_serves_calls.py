"""An STA thread that owns a COM object and serves calls to it from other threads.

Source: the "COM object lives on its own thread" recipe of pywin32 users who drive an STA-only
component from a thread pool (search "CoMarshalInterThreadInterfaceInStream PumpMessages
PostThreadMessage WM_QUIT"), rewritten with its calls and their order: the owner thread calls
``CoInitialize()``, makes the object (``win32com.server.util.wrap`` of a Python class, in place
of the vendor's control), marshals it with ``CoMarshalInterThreadInterfaceInStream``, hands the
stream over, sets an event and runs ``pythoncom.PumpMessages()`` until its ``WM_QUIT``; the
main thread joins the multithreaded apartment (``CoInitializeEx(COINIT_MULTITHREADED)``),
unmarshals with ``CoGetInterfaceAndReleaseStream`` and calls through the proxy; two more MTA
workers call the same proxy. Every call runs on the owner thread, one at a time, and a call
after the owner thread has quit fails (RPC_E_DISCONNECTED).

Wine differs: a call through a proxy whose object's apartment has ended gives
RPC_S_UNKNOWN_IF (0x800706B5) there; that line holds Windows' answer, RPC_E_DISCONNECTED
(0x80010108: the stubs of an apartment are disconnected when it uninitializes).
"""

import threading

import pythoncom
import win32api
import win32com.client
import win32com.server.util
import win32con


class Counter:
    _public_methods_ = ["Add", "Total", "WhereAmI"]

    def __init__(self):
        self.total = 0
        self.threads = set()

    def Add(self, amount):
        self.threads.add(win32api.GetCurrentThreadId())
        self.total += amount
        return self.total

    def Total(self):
        return self.total

    def WhereAmI(self):
        return win32api.GetCurrentThreadId()


class OwnerThread(threading.Thread):
    def __init__(self):
        super().__init__()
        self.ready = threading.Event()
        self.stream = None
        self.owner_id = None
        self.counter = None

    def run(self):
        pythoncom.CoInitialize()
        self.owner_id = win32api.GetCurrentThreadId()
        self.counter = Counter()
        dispatch = win32com.server.util.wrap(self.counter)
        self.stream = pythoncom.CoMarshalInterThreadInterfaceInStream(
            pythoncom.IID_IDispatch, dispatch
        )
        self.ready.set()
        pythoncom.PumpMessages()
        del dispatch
        pythoncom.CoUninitialize()


def worker(stream, results, index):
    pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)
    try:
        obj = win32com.client.Dispatch(
            pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IDispatch)
        )
        for _ in range(10):
            obj.Add(index)
        results[index] = obj.WhereAmI()
        del obj
    finally:
        pythoncom.CoUninitialize()


def main():
    pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)
    owner = OwnerThread()
    owner.start()
    owner.ready.wait(10)
    obj = win32com.client.Dispatch(
        pythoncom.CoGetInterfaceAndReleaseStream(owner.stream, pythoncom.IID_IDispatch)
    )
    print("first add:", obj.Add(5))
    print("runs on the owner thread:", obj.WhereAmI() == owner.owner_id)
    print("main is not the owner:", win32api.GetCurrentThreadId() != owner.owner_id)
    results = {}
    threads = []
    for index in (1, 2):
        stream = pythoncom.CoMarshalInterThreadInterfaceInStream(
            pythoncom.IID_IDispatch, obj._oleobj_
        )
        thread = threading.Thread(target=worker, args=(stream, results, index))
        threads.append(thread)
        thread.start()
    for thread in threads:
        thread.join(30)
    print(
        "workers saw the owner thread:",
        sorted(results) == [1, 2] and set(results.values()) == {owner.owner_id},
    )
    print("total:", obj.Total())
    print("threads that ran Add:", len(owner.counter.threads))
    win32api.PostThreadMessage(owner.owner_id, win32con.WM_QUIT, 0, 0)
    owner.join(30)
    print("owner thread ended:", not owner.is_alive())
    try:
        obj.Total()
    except pythoncom.com_error as error:
        print("after the owner quit:", error.hresult)
    del obj
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
