"""An out-of-process Python server that calls back into its client while it works.

Source: the "report progress from a LocalServer to the caller" pattern of pywin32 users
(``_reg_clsctx_ = pythoncom.CLSCTX_LOCAL_SERVER``, ``UseCommandLine(cls)``; the client passes
``win32com.server.util.wrap(listener)`` to a method, and the server calls
``listener.OnProgress(...)`` through ``win32com.client.Dispatch(listener)`` before it returns),
rewritten as one script: register, ``Dispatch`` the local server, a ``Sum`` that reports each
partial sum to the client's listener (the callbacks run on the client's main thread, inside
the outgoing call: COM pumps for them), a listener method that raises (the server sees the
COM error and says so in its result), the server's process id (not ours), ``--unregister``.
"""

import os
import sys

import pythoncom
import win32api
import win32com.client
import win32com.server.register
import win32com.server.util


class Adder:
    _reg_clsid_ = "{95C6423B-29B8-4922-B87F-4E3A05DE5E07}"
    _reg_progid_ = "Realcom.ProgressAdder"
    _reg_desc_ = "Realcom adder with progress callbacks (local server)"
    _reg_clsctx_ = pythoncom.CLSCTX_LOCAL_SERVER
    _public_methods_ = ["Sum", "ProcessId"]

    def Sum(self, values, listener):
        listener = win32com.client.Dispatch(listener)
        total = 0
        for index, value in enumerate(values):
            total += value
            try:
                listener.OnProgress(index + 1, total)
            except pythoncom.com_error as error:
                return f"listener failed at {index + 1}: {error.hresult}"
        return total

    def ProcessId(self):
        return os.getpid()


class Listener:
    _public_methods_ = ["OnProgress"]

    def __init__(self, fail_at=None):
        self.calls = []
        self.fail_at = fail_at

    def OnProgress(self, step, total):
        if step == self.fail_at:
            raise ValueError("the listener gave up")
        self.calls.append((step, total, win32api.GetCurrentThreadId()))


def main():
    win32com.server.register.UseCommandLine(Adder)
    adder = win32com.client.Dispatch("Realcom.ProgressAdder")
    print("server in another process:", adder.ProcessId() != os.getpid())
    listener = Listener()
    print("sum:", adder.Sum([1, 2, 3, 4], win32com.server.util.wrap(listener)))
    print("progress:", [(step, total) for step, total, _ in listener.calls])
    me = win32api.GetCurrentThreadId()
    print("callbacks on the main thread:", all(tid == me for _, _, tid in listener.calls))
    failing = Listener(fail_at=2)
    print("sum:", adder.Sum([5, 6, 7], win32com.server.util.wrap(failing)))
    print("progress before the failure:", [(step, total) for step, total, _ in failing.calls])
    adder = None
    sys.argv.append("--unregister")
    win32com.server.register.UseCommandLine(Adder)
    print("done")


if __name__ == "__main__":
    main()
