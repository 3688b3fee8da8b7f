"""Progress events from a Python server to several sinks through its connection point.

Source: public GitHub files that raise COM events from a pywin32 server (search
"win32com.server.connect.ConnectableServer _connect_interfaces_ _BroadcastNotify
FindConnectionPoint Advise"), rewritten with their calls and their order: a server class
deriving from ``ConnectableServer`` whose ``Run(steps)`` broadcasts ``OnProgress(step)`` and
``OnDone(total)`` to every sink by DISPID; two sink objects that answer ``_query_interface_``
for the events IID; the client side with ``QueryInterface(IID_IConnectionPointContainer)``,
``FindConnectionPoint``, ``GetConnectionInterface`` and ``EnumConnections`` (which
pywin32's base class does not implement), ``Advise`` for each sink, ``Unadvise`` of one, a
second run, the error of a bad cookie and what an unknown IID gives, then
``win32com.client.connect.SimpleConnection`` for the same wiring.

Wine differs: its FormatMessage has no text for E_UNEXPECTED, so pywin32 there puts
"E_UNEXPECTED" in the excepinfo; Windows' text is "Catastrophic failure", as here.
"""

import pythoncom
import pywintypes
import win32com.client
import win32com.client.connect
import win32com.server.connect
import win32com.server.util

IID_IProgressEvents = pywintypes.IID("{6C1C5E3A-2B7F-4C47-9D0E-5A1B2C3D4E5F}")
DISPID_PROGRESS = 1000
DISPID_DONE = 1001


class Worker(win32com.server.connect.ConnectableServer):  # type: ignore[misc]
    _public_methods_ = ["Run", *win32com.server.connect.ConnectableServer._public_methods_]
    _connect_interfaces_ = [IID_IProgressEvents]

    def Run(self, steps):
        for step in range(1, steps + 1):
            self._BroadcastNotify(self.notify_progress, (step,))
        self._BroadcastNotify(self.notify_done, (steps,))
        return steps

    def notify_progress(self, interface, step):
        interface.Invoke(DISPID_PROGRESS, 0, pythoncom.DISPATCH_METHOD, 1, step)

    def notify_done(self, interface, total):
        interface.Invoke(DISPID_DONE, 0, pythoncom.DISPATCH_METHOD, 1, total)


class Sink:
    _public_methods_ = ["OnProgress", "OnDone"]

    def __init__(self, name):
        self.name = name
        self.seen = []

    def _query_interface_(self, iid):
        if iid == IID_IProgressEvents:
            return win32com.server.util.wrap(self)

    def OnProgress(self, step):
        self.seen.append(step)

    def OnDone(self, total):
        self.seen.append(f"done {total}")


def main():
    server = win32com.client.Dispatch(win32com.server.util.wrap(Worker()))
    container = server._oleobj_.QueryInterface(pythoncom.IID_IConnectionPointContainer)
    point = container.FindConnectionPoint(IID_IProgressEvents)
    try:
        print("point iid:", point.GetConnectionInterface() == IID_IProgressEvents)
    except pythoncom.com_error as exc:
        print("GetConnectionInterface:", exc.hresult, exc.excepinfo)
    try:
        print("connections:", point.EnumConnections())
    except pythoncom.com_error as exc:
        print("EnumConnections:", exc.hresult, exc.excepinfo)
    a, b = Sink("a"), Sink("b")
    cookie_a = point.Advise(win32com.server.util.wrap(a))
    cookie_b = point.Advise(win32com.server.util.wrap(b))
    print("cookies differ:", cookie_a != cookie_b, "are ints:", isinstance(cookie_a, int))
    print("run returns:", server.Run(3))
    print("a saw:", a.seen)
    print("b saw:", b.seen)
    point.Unadvise(cookie_a)
    server.Run(1)
    print("after unadvise a:", a.seen[-1], "b:", b.seen[-2:])
    try:
        point.Unadvise(cookie_a)
    except pythoncom.com_error as exc:
        print("unadvise twice:", exc.hresult, exc.excepinfo)
    try:
        print("unknown iid:", container.FindConnectionPoint(pythoncom.IID_IDispatch))
    except pythoncom.com_error as exc:
        print("unknown iid:", exc.hresult, exc.excepinfo)
    point.Unadvise(cookie_b)
    c = Sink("c")
    conn = win32com.client.connect.SimpleConnection(server, c, IID_IProgressEvents)
    server.Run(2)
    print("simple connection saw:", c.seen)
    conn.Disconnect()
    server.Run(1)
    print("after disconnect:", c.seen)


main()
