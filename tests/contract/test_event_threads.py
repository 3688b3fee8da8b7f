"""Contract: which thread runs an event, as pywin32's eventsApartmentThreaded and
eventsFreeThreaded demos show it (with an object of this process in place of IE).

The source lives in an STA of its own and fires from that thread's message loop (a
``timer`` callback), after the call that caused the event has returned, as Internet Explorer
does. An STA sink runs the event on its own thread, and only once that thread pumps: while it
waits in a plain kernel wait the event waits for it. An MTA sink runs it on another thread
(an RPC thread), while the client's own thread waits without pumping.

The events interface that crosses is IDispatch (COM has its proxy); a custom events IID
nobody registered cannot reach a sink in another apartment (CONNECT_E_NOCONNECTION).
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
import pythoncom
import timer
import win32com.client
import win32com.client.connect
import win32com.server.connect
import win32event
from win32com.server.util import wrap

from ._com import IID_EVENTS, me
from ._kernel import JOIN_MS

CONNECT_E_NOCONNECTION = -2147220992  # olectl's

OBJECT_0 = win32event.WAIT_OBJECT_0


class Browser(win32com.server.connect.ConnectableServer):  # type: ignore[misc]
    """Navigate() returns at once; DocumentComplete fires later, from the object's thread."""

    _public_methods_ = ["Navigate", *win32com.server.connect.ConnectableServer._public_methods_]

    def __init__(self, events: Any) -> None:
        super().__init__()
        self._connect_interfaces_ = [events]
        self.firing = win32event.CreateEvent(None, True, False, None)

    def Navigate(self, url: Any) -> None:  # noqa: N802
        def loaded(timer_id: int, time: int) -> None:
            timer.kill_timer(timer_id)
            win32event.SetEvent(self.firing)
            self._BroadcastNotify(self._complete, (url, me()))

        timer.set_timer(10, loaded)

    def _complete(self, interface: Any, url: Any, thread: int) -> None:
        interface.Invoke(1000, 0, pythoncom.DISPATCH_METHOD, 0, url, thread)


class Sink:
    _public_methods_ = ["OnDocumentComplete"]
    CLSID = IID_EVENTS

    def __init__(self) -> None:
        self.heard = win32event.CreateEvent(None, True, False, None)
        self.lock = threading.Lock()
        self.threads: list[tuple[int, int]] = []  # (the sink's thread, the source's)

    def _query_interface_(self, iid: Any) -> Any:
        return wrap(self) if iid == IID_EVENTS else None

    def OnDocumentComplete(self, url: Any, source_thread: int) -> None:  # noqa: N802
        with self.lock:
            self.threads.append((me(), source_thread))
        win32event.SetEvent(self.heard)


class BrowserThread:
    """A thread that is an STA, holds a Browser and pumps messages until stopped."""

    def __init__(self, events: Any = pythoncom.IID_IDispatch) -> None:
        self.events = events
        self.ready = win32event.CreateEvent(None, True, False, None)
        self.stop = win32event.CreateEvent(None, True, False, None)
        self.box: list[Any] = []
        self.thread = threading.Thread(target=self._run, daemon=True)  # a failed test ends it
        self.thread.start()
        assert win32event.WaitForSingleObject(self.ready, JOIN_MS) == OBJECT_0

    def _run(self) -> None:
        pythoncom.CoInitializeEx(pythoncom.COINIT_APARTMENTTHREADED)
        try:
            browser = Browser(self.events)
            pointer = wrap(browser)
            stream = pythoncom.CoMarshalInterThreadInterfaceInStream(
                pythoncom.IID_IDispatch, pointer
            )
            self.box[:] = [browser, stream, me()]
            win32event.SetEvent(self.ready)
            while True:
                rc = win32event.MsgWaitForMultipleObjects(
                    [self.stop], 0, JOIN_MS, win32event.QS_ALLINPUT
                )
                if rc == OBJECT_0:
                    break
                pythoncom.PumpWaitingMessages()
            del pointer
        finally:
            pythoncom.CoUninitialize()

    def end(self) -> None:
        """Stop the thread; close the handles (the browser's too)."""
        win32event.SetEvent(self.stop)
        self.thread.join(JOIN_MS / 1000)
        for handle in (self.ready, self.stop, self.box[0].firing):
            handle.Close()


def run_in(apartment: int, body: Any) -> Any:
    """Run ``body()`` on a new thread in an apartment of its own; its result or its error."""
    box: list[tuple[bool, Any]] = []

    def run() -> None:
        pythoncom.CoInitializeEx(apartment)
        try:
            box.append((True, body()))
        except BaseException as error:  # handed to the test's thread
            box.append((False, error))
        finally:
            pythoncom.CoUninitialize()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, box


def finish(thread: threading.Thread, box: list[tuple[bool, Any]]) -> Any:
    thread.join(JOIN_MS / 1000)
    ok, value = box[0]
    if not ok:
        raise value
    return value


def connect(server: BrowserThread, sink: Sink) -> tuple[Any, Any]:
    browser = win32com.client.Dispatch(
        pythoncom.CoGetInterfaceAndReleaseStream(server.box[1], pythoncom.IID_IDispatch)
    )
    return browser, win32com.client.connect.SimpleConnection(browser, sink, server.events)


# The events interface of these tests is IDispatch itself: it crosses apartments (COM has its
# proxy). IID_EVENTS has no marshaler (no type library or proxy/stub registers it), so a sink
# in another apartment cannot be reached through it: the source's QueryInterface through the
# sink's proxy fails, and Advise with it (CONNECT_E_NOCONNECTION).
@pytest.mark.parametrize("apartment", [pythoncom.COINIT_APARTMENTTHREADED, 0], ids=["sta", "mta"])
def test_a_sink_cannot_be_advised_through_an_interface_without_a_marshaler(apartment: int) -> None:
    server, sink = BrowserThread(IID_EVENTS), Sink()

    def client() -> int:
        try:
            connect(server, sink)
        except pythoncom.com_error as error:
            return int(error.hresult)
        return 0

    thread, box = run_in(apartment, client)
    try:
        hresult = finish(thread, box)
    finally:
        server.end()
        sink.heard.Close()
    assert hresult == CONNECT_E_NOCONNECTION


def test_an_sta_sink_gets_events_on_its_thread_only_while_it_pumps() -> None:
    server, sink = BrowserThread(), Sink()
    navigated = win32event.CreateEvent(None, True, False, None)
    gate = win32event.CreateEvent(None, True, False, None)

    def client() -> int:
        browser, connection = connect(server, sink)
        browser.Navigate("about:blank")
        win32event.SetEvent(navigated)
        assert win32event.WaitForSingleObject(gate, JOIN_MS) == OBJECT_0  # not pumping
        while True:  # the demo's WaitWhileProcessingMessages
            rc = win32event.MsgWaitForMultipleObjects(
                [sink.heard], 0, JOIN_MS, win32event.QS_ALLEVENTS
            )
            if rc == OBJECT_0:
                break
            assert rc == OBJECT_0 + 1, "no event came"
            pythoncom.PumpWaitingMessages()
        connection.Disconnect()
        return me()

    thread, box = run_in(pythoncom.COINIT_APARTMENTTHREADED, client)
    try:
        assert win32event.WaitForSingleObject(navigated, JOIN_MS) == OBJECT_0
        browser = server.box[0]
        assert win32event.WaitForSingleObject(browser.firing, JOIN_MS) == OBJECT_0
        assert win32event.WaitForSingleObject(sink.heard, 0) == win32event.WAIT_TIMEOUT
    finally:
        win32event.SetEvent(gate)
        try:
            client_thread = finish(thread, box)
        finally:  # the server's thread ends even when the client failed
            server.end()
            for handle in (navigated, gate, sink.heard):
                handle.Close()
    assert sink.threads == [(client_thread, server.box[2])]


def test_an_mta_sink_gets_events_on_another_thread_while_it_waits() -> None:
    server, sink = BrowserThread(), Sink()

    def client() -> int:
        browser, connection = connect(server, sink)
        browser.Navigate("about:blank")
        assert win32event.WaitForSingleObject(sink.heard, JOIN_MS) == OBJECT_0  # no pumping
        connection.Disconnect()
        return me()

    thread, box = run_in(pythoncom.COINIT_MULTITHREADED, client)
    try:
        client_thread = finish(thread, box)
    finally:
        server.end()
        sink.heard.Close()
    [(sink_thread, source_thread)] = sink.threads
    assert source_thread == server.box[2]
    assert sink_thread not in (client_thread, source_thread)
