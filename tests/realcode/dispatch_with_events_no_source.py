"""DispatchWithEvents on objects that fire no events: the errors users meet, and the fix.

Source: the StackOverflow questions behind "This COM object can not automate the makepy
process - please run makepy manually for this object" and "This COM object does not support
events." (``win32com.client.DispatchWithEvents(progid, Handler)`` on a server without type
information, or whose class has no source interface), rewritten with their calls and their
order: ``DispatchWithEvents`` on a Python server made with ``wrap`` (no type information, no
connection points),
on ``Scripting.Dictionary`` (a class with no events), ``WithEvents`` on the same dictionary,
``getevents`` of its ProgID (None); then what the answers suggest instead: a connection point
of one's own (``win32com.server.connect``) and ``win32com.client.connect.SimpleConnection``,
which wraps the sink itself.
"""

import pythoncom
import pywintypes
import win32com.client
import win32com.client.connect
import win32com.server.connect
import win32com.server.util

IID_ITickEvents = pywintypes.IID("{DE831DAC-F9E6-49C8-9E53-5CBF0FC4A232}")


class Handler:
    def OnTick(self, count):
        print("tick", count)


class Ticker(win32com.server.connect.ConnectableServer):  # type: ignore[misc]
    _public_methods_ = ["Tick", *win32com.server.connect.ConnectableServer._public_methods_]
    _connect_interfaces_ = [IID_ITickEvents]

    def Tick(self, count):
        self._BroadcastNotify(
            lambda interface, n: interface.Invoke(1000, 0, pythoncom.DISPATCH_METHOD, 1, n),
            (count,),
        )
        return count


class Plain:
    _public_methods_ = ["Tick"]

    def Tick(self, count):
        return count


class Sink:
    _public_methods_ = ["OnTick"]
    _dispid_to_func_ = {1000: "OnTick"}

    def __init__(self):
        self.seen = []

    def _query_interface_(self, iid):
        if iid == IID_ITickEvents:
            return win32com.server.util.wrap(self)
        return None

    def OnTick(self, count):
        self.seen.append(count)


def try_events(label, fn):
    try:
        fn()
        print(label + ": connected")
    except Exception as error:
        print(f"{label}: {type(error).__name__}: {error}")


def main():
    plain = win32com.server.util.wrap(Plain())
    try_events("python server", lambda: win32com.client.DispatchWithEvents(plain, Handler))
    try_events(
        "Scripting.Dictionary",
        lambda: win32com.client.DispatchWithEvents("Scripting.Dictionary", Handler),
    )
    dictionary = win32com.client.Dispatch("Scripting.Dictionary")
    try_events("WithEvents", lambda: win32com.client.WithEvents(dictionary, Handler))
    print("getevents:", win32com.client.getevents("Scripting.Dictionary"))

    sink = Sink()
    client = win32com.client.Dispatch(win32com.server.util.wrap(Ticker()))
    connection = win32com.client.connect.SimpleConnection(client, sink, IID_ITickEvents)
    client.Tick(1)
    client.Tick(2)
    connection.Disconnect()
    client.Tick(3)
    print("sink saw:", sink.seen)
    print("done")


if __name__ == "__main__":
    main()
