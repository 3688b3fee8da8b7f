"""A makepy-style event class advised with EventHandlerPolicy on a Python connection point.

Source: the events classes makepy writes (and that people copy into their own modules, on
GitHub as ``class ..._Events:`` with ``CLSID_Sink``, ``_public_methods_ = []``,
``_dispid_to_func_``, ``__init__(self, oobj)`` doing
``QueryInterface(pythoncom.IID_IConnectionPointContainer)``, ``FindConnectionPoint`` and
``cp.Advise(win32com.server.util.wrap(self, usePolicy=EventHandlerPolicy))``, ``close()``
doing ``Unadvise``, ``_query_interface_`` answering ``CLSID_Sink``), with a Python server
deriving from ``win32com.server.connect.ConnectableServer`` as the event source (its
``_BroadcastNotify``), rewritten with their calls and their order. EventHandlerPolicy
calls the handler by the name ``_dispid_to_func_`` gives; a handler that returns a value
gives it back to the source's Invoke; an event with no handler is DISP_E_MEMBERNOTFOUND,
which ``_BroadcastNotify`` prints and ignores.

Where Wine is not Windows: Wine's FormatMessage has no text for DISP_E_MEMBERNOTFOUND, so
pywin32 there prints the code's name; Windows' text is "Member not found.", as here.
"""

import pythoncom
import pywintypes
import win32com.client
import win32com.server.connect
import win32com.server.util
from win32com.server.policy import EventHandlerPolicy

IID_IJobEvents = pywintypes.IID("{9A3C1F77-4E2B-4D8A-A1C5-0F6E2D7B8C91}")


class JobRunner(win32com.server.connect.ConnectableServer):  # type: ignore[misc]
    _public_methods_ = ["Start", *win32com.server.connect.ConnectableServer._public_methods_]
    _connect_interfaces_ = [IID_IJobEvents]

    def Start(self, name, steps):
        self.answers = []
        self._BroadcastNotify(self._fire, (1, (name,)))
        for step in range(steps):
            self._BroadcastNotify(self._fire, (2, (name, step)))
        self._BroadcastNotify(self._fire, (3, (name, steps, True)))
        self._BroadcastNotify(self._fire, (4, ()))
        return self.answers

    def _fire(self, interface, dispid, args):
        result = interface.Invoke(dispid, 0, pythoncom.DISPATCH_METHOD, 1, *args)
        self.answers.append(result)


class JobEvents:
    CLSID_Sink = IID_IJobEvents
    coclass_clsid = pywintypes.IID("{9A3C1F77-4E2B-4D8A-A1C5-0F6E2D7B8C92}")
    _public_methods_ = []  # For COM Server support
    _dispid_to_func_ = {
        1: "OnStarted",
        2: "OnProgress",
        3: "OnFinished",
        4: "OnUnhandled",
    }

    def __init__(self, oobj=None):
        if oobj is None:
            self._olecp = None
        else:
            cpc = oobj._oleobj_.QueryInterface(pythoncom.IID_IConnectionPointContainer)
            cp = cpc.FindConnectionPoint(self.CLSID_Sink)
            cookie = cp.Advise(win32com.server.util.wrap(self, usePolicy=EventHandlerPolicy))
            self._olecp, self._olecp_cookie = cp, cookie

    def __del__(self):
        try:
            self.close()
        except pythoncom.com_error:
            pass

    def close(self):
        if self._olecp is not None:
            cp, cookie, self._olecp, self._olecp_cookie = (
                self._olecp,
                self._olecp_cookie,
                None,
                None,
            )
            cp.Unadvise(cookie)

    def _query_interface_(self, iid):
        if iid == self.CLSID_Sink:
            return win32com.server.util.wrap(self)


class Handler(JobEvents):
    def __init__(self, oobj):
        self.seen = []
        JobEvents.__init__(self, oobj)

    def OnStarted(self, name):
        self.seen.append(f"started {name}")

    def OnProgress(self, name, step):
        self.seen.append(f"{name} step {step}")
        return step * 10

    def OnFinished(self, name, steps, ok):
        self.seen.append(f"finished {name} {steps} {ok}")
        return "thanks"


def main():
    pythoncom.CoInitialize()
    runner = win32com.client.Dispatch(win32com.server.util.wrap(JobRunner()))
    handler = Handler(runner)
    answers = runner.Start("backup", 3)
    print("answers:", list(answers))
    print("seen:", handler.seen)
    handler.close()
    print("after close:", list(runner.Start("again", 1)), len(handler.seen))
    handler = runner = None  # type: ignore[assignment]
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
