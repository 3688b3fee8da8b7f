"""Which thread runs an event: IE's two threading demos, as core tests.

The source is the stand-in browser (``_browser.Browser``): it lives in an STA (a thread of
this process, or a local server's) and fires its events from that thread's message loop,
after the call that caused them has returned, as Internet Explorer does. The rule pinned:
an STA sink runs its events only on its own thread, and only while that thread pumps
messages (or waits in a COM call); an MTA sink runs them on another thread (an MTA worker
here, an RPC thread from another process), while the client's own thread waits in a plain
kernel wait.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any

import pytest

from apartment import com, messages
from apartment.kernel import Event
from apartment.testing import StaThread, wait_until_blocked

from ._browser import Browser
from ._helpers import in_apartment

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from apartment.testing import LocalServers

LOCAL = com.CLSCTX_LOCAL_SERVER


class Recorder:
    """The demos' ExplorerEvents: each event sets ``heard``; the threads they ran on."""

    def __init__(self) -> None:
        self.heard = Event()  # auto-reset, as the demos' CreateEvent(None, 0, 0, None)
        self._lock = threading.Lock()
        self._events: list[tuple[str, int]] = []

    def events(self) -> list[tuple[str, int]]:
        with self._lock:
            return list(self._events)

    def _record(self, name: str) -> None:
        with self._lock:
            self._events.append((name, threading.get_native_id()))
        self.heard.set()

    def OnDocumentComplete(self, pDisp: Any = None, URL: Any = None) -> None:  # noqa: N802, N803
        assert isinstance(pDisp, com.DispatchPointer)  # the browser, as IE passes it
        assert URL == "about:blank"
        self._record("DocumentComplete")

    def OnQuit(self) -> None:  # noqa: N802
        self._record("OnQuit")


def _pump_until(event: Event) -> None:
    """The apartment-threaded demo's WaitWhileProcessingMessages (no timeout to give up)."""
    while True:
        result = messages.msg_wait_any([event], 30, messages.QS_ALLEVENTS)
        assert result is not None, "no event came"
        if result.index == 0:
            return
        messages.pump_waiting_messages()


def _sta_client(source: Callable[[], com.DispatchPointer], recorder: Recorder,
                navigated: Event | None = None, gate: Event | None = None) -> int:  # fmt: skip
    """The apartment-threaded demo, in this thread's STA; returns this thread's id.

    With ``gate``: after Navigate, the thread first waits for it without pumping (and says
    so by setting ``navigated``), then pumps.
    """
    browser = source()
    connection = com.advise_handler(browser, recorder)
    client = com.DispatchClient(browser)
    client.Navigate("about:blank")
    if gate is not None and navigated is not None:
        navigated.set()
        assert gate.wait(30)  # a kernel wait: the events wait for this thread to pump
    _pump_until(recorder.heard)
    client.Quit()
    _pump_until(recorder.heard)
    connection.disconnect()
    return threading.get_native_id()


def _mta_client(source: Callable[[], com.DispatchPointer], recorder: Recorder) -> int:
    """The free-threaded demo, in the MTA: it never pumps; returns this thread's id."""
    browser = source()
    connection = com.advise_handler(browser, recorder)
    client = com.DispatchClient(browser)
    client.Navigate("about:blank")
    assert recorder.heard.wait(30)  # WaitForSingleObject: no message is pumped here
    client.Quit()
    assert recorder.heard.wait(30)
    connection.disconnect()
    return threading.get_native_id()


@pytest.fixture
def browser_thread() -> Any:
    """The browser in an STA of this process that pumps: (thread, browser, token)."""

    def setup() -> tuple[Browser, com.Token]:
        browser = Browser()
        return browser, com.marshal(com.wrap(browser))

    server = StaThread(setup)
    browser, token = server.result
    yield server, browser, token
    server.call(token.release)
    server.stop()


def test_an_sta_sink_runs_events_on_its_thread_only_while_it_pumps(browser_thread: Any) -> None:
    server, browser, token = browser_thread
    recorder = Recorder()
    navigated, gate = Event(manual_reset=True), Event(manual_reset=True)
    client = threading.Thread(target=lambda: box.append(in_apartment(body)))
    box: list[int] = []

    def body() -> int:
        return _sta_client(token.unmarshal, recorder, navigated, gate)

    client.start()
    try:
        assert navigated.wait(30)
        assert browser.firing.wait(30)  # the browser's thread fires its first event...
        wait_until_blocked(server.thread)  # ...and waits for the sink's thread to take it
        assert recorder.events() == []  # which is in a kernel wait: nothing ran anywhere
    finally:
        gate.set()
        client.join(30)
    me = box[0]
    assert recorder.events() == [("DocumentComplete", me), ("OnQuit", me)]
    assert set(browser.fired_on()) == {server.thread.native_id}  # fired from its own thread


def test_an_mta_sink_runs_events_on_another_thread(browser_thread: Any) -> None:
    server, _, token = browser_thread
    recorder = Recorder()
    me = in_apartment(lambda: _mta_client(token.unmarshal, recorder), multithreaded=True)
    events = recorder.events()
    assert [name for name, _ in events] == ["DocumentComplete", "OnQuit"]
    assert not {thread for _, thread in events} & {me, server.thread.native_id}


@pytest.fixture
def browser_server(class_registry: Path, local_servers: LocalServers) -> LocalServers:
    com.register_class(Browser)
    return local_servers


def _local_browser() -> com.DispatchPointer:
    pointer = com.create_object("InternetExplorer.Application", LOCAL)
    assert com.DispatchClient(pointer).ThreadId() != threading.get_native_id()
    return pointer


@pytest.mark.usefixtures("browser_server")
def test_events_from_another_process_reach_an_sta_sink_while_it_pumps() -> None:
    recorder = Recorder()
    me = in_apartment(lambda: _sta_client(_local_browser, recorder))
    assert recorder.events() == [("DocumentComplete", me), ("OnQuit", me)]


@pytest.mark.usefixtures("browser_server")
def test_events_from_another_process_reach_an_mta_sink_on_an_rpc_thread() -> None:
    recorder = Recorder()
    me = in_apartment(lambda: _mta_client(_local_browser, recorder), multithreaded=True)
    events = recorder.events()
    assert [name for name, _ in events] == ["DocumentComplete", "OnQuit"]
    assert me not in {thread for _, thread in events}
    assert os.getpid() != com.running_servers()[0].pid
