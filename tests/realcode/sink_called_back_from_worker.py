"""A worker drives a main-thread server that calls back a main-thread sink; the main loop pumps.

Source: the typical pywin32 "callbacks from a COM server to my script" code (search
"PumpWaitingMessages" "while thread.is_alive()" "CoMarshalInterThreadInterfaceInStream"
"callback"): the main thread (an STA) creates a ``Job`` server and a ``Listener`` sink,
both wrapped Python objects, hands the job to the sink with ``SetCallback`` and marshals the
job to a worker thread with ``CoMarshalInterThreadInterfaceInStream``. The worker (its own
STA, ``CoInitialize``) unmarshals it with ``CoGetInterfaceAndReleaseStream`` and calls
``Run``; each step the job calls the sink back. Both objects live on the main thread,
which pumps with ``PumpWaitingMessages`` in a short-sleep loop until the worker is done,
as such scripts do; the names of the threads that ran each call show where they ran.
"""

import threading
import time

import pythoncom
import win32com.client
import win32com.server.util


class Listener:
    _public_methods_ = ["OnStep", "OnFinished"]

    def __init__(self):
        self.log = []

    def OnStep(self, n, text):
        self.log.append(f"step {n} {text} on {threading.current_thread().name}")

    def OnFinished(self, total):
        self.log.append(f"finished {total} on {threading.current_thread().name}")


class Job:
    _public_methods_ = ["SetCallback", "Run"]

    def __init__(self):
        self.callback = None

    def SetCallback(self, callback):
        self.callback = win32com.client.Dispatch(callback)

    def Run(self, steps):
        ran_on = threading.current_thread().name
        for n in range(1, steps + 1):
            self.callback.OnStep(n, "working")
        self.callback.OnFinished(steps)
        return ran_on


def worker(stream, results):
    pythoncom.CoInitialize()
    try:
        job = win32com.client.Dispatch(
            pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IDispatch)
        )
        results.append("Run ran on " + job.Run(3))
        job = None
    finally:
        pythoncom.CoUninitialize()


def main():
    pythoncom.CoInitialize()
    listener = Listener()
    job = win32com.client.Dispatch(win32com.server.util.wrap(Job()))
    job.SetCallback(win32com.server.util.wrap(listener))
    stream = pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, job._oleobj_)
    results = []
    thread = threading.Thread(target=worker, args=(stream, results), name="worker")
    thread.start()
    while thread.is_alive():
        pythoncom.PumpWaitingMessages()
        time.sleep(0.01)
    thread.join()
    for line in listener.log + results:
        print(line)
    job = None
    pythoncom.CoUninitialize()


if __name__ == "__main__":
    main()
