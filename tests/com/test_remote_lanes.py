"""Lanes: calls into a local server's STA read and run by its thread itself (_remote_lanes).

The server's STA reads its clients' lanes in its message loop and runs their calls in place;
while it waits elsewhere (a call out, CoWaitForMultipleHandles) a watcher posts them, so the
COM rules hold: calls serialized on the STA's thread, served while it waits on its own calls.
"""

from __future__ import annotations

import gc
import os
import socket
import threading
import time
from typing import TYPE_CHECKING, Any

import pytest

from apartment import _wire, com, messages
from apartment.com import _remote, _remote_lanes
from apartment.com._remote import connections
from apartment.com._remote_proto import LANE
from apartment.errors import RPC_E_CALL_REJECTED, RPC_E_DISCONNECTED, ComError
from apartment.kernel import Event
from apartment.testing import wait_for_exit

from ._helpers import in_apartment
from ._local_classes import Echo, FreeEcho
from .test_local_servers import _read_pid, _start_client
from .test_remote import Counter, _Pair

if TYPE_CHECKING:
    from pathlib import Path

    from apartment.testing import LocalServers

LOCAL = com.CLSCTX_LOCAL_SERVER


@pytest.fixture
def servers(class_registry: Path, local_servers: LocalServers) -> LocalServers:
    for cls in (Echo, FreeEcho):
        com.register_class(cls)
    return local_servers


def _client(progid: str) -> com.DispatchClient:
    return com.DispatchClient(com.create_object(progid, LOCAL), progid)


def _connection_to(pid: int) -> Any:
    (conn,) = [conn for conn in connections() if conn.peer_pid == pid and not conn.closed]
    return conn


@pytest.mark.usefixtures("servers")
@pytest.mark.parametrize("multithreaded", [True, False], ids=["mta", "sta"])
def test_calls_into_the_servers_sta_go_on_a_lane_and_run_on_its_thread(
    multithreaded: bool,
) -> None:
    def body() -> None:
        echo = _client("ApartmentTest.Echo")
        pid = echo.Pid()
        assert echo.Tid() == pid  # the server's main thread: its STA
        conn = _connection_to(pid)
        assert conn._lane is not None
        child = echo.MakeChild()  # an object of the same STA: on the lane too
        assert child.Twice(3) == 6
        assert len(conn._lane_oids) == 2
        assert echo.IsChild(child)  # it goes home as itself
        free = _client("ApartmentTest.FreeEcho")
        assert free.Tid() != free.Pid()
        assert _connection_to(free.Pid())._lane is None  # an MTA object: no lane

    in_apartment(body, multithreaded=multithreaded)


class _Callback:
    _public_methods_ = ["Twice", "Down"]

    def __init__(self, server: com.DispatchClient | None = None) -> None:
        self.server = server
        self.during: Any = None

    def Twice(self, x: Any) -> Any:  # noqa: N802
        """While the server's STA waits on this call, another client calls into it."""
        other = _start_client("ApartmentTest.Echo")
        try:
            self.during = _read_pid(other)
        finally:
            other.communicate("", timeout=30)
        return x * 2

    def Down(self, depth: int) -> Any:  # noqa: N802
        if depth == 0 or self.server is None:
            return "bottom"
        return list(self.server.Nest(com.wrap(self), depth - 1))


@pytest.mark.usefixtures("servers")
@pytest.mark.parametrize("multithreaded", [True, False], ids=["mta", "sta"])
def test_a_reentrant_call_is_served_while_the_sta_waits_on_its_own_call(
    multithreaded: bool,
) -> None:
    """Each Nest calls the client back, whose Down calls Nest again: the inner calls come on
    the lane while the STA's thread waits in its modal loop, and run on that thread."""

    def body() -> None:
        echo = _client("ApartmentTest.Echo")
        pid = echo.Pid()
        result = echo.Nest(com.wrap(_Callback(echo)), 3)
        threads = []
        while result != "bottom":
            thread, result = result
            threads.append(thread)
        assert threads == [pid] * 4
        assert echo.Tid() == pid  # back in its loop: the lane is read there again

    in_apartment(body, multithreaded=multithreaded)


@pytest.mark.usefixtures("servers")
def test_a_second_client_is_served_while_the_sta_waits_on_a_call_to_the_first() -> None:
    """Two clients, one STA: the second's activation and call run in the modal loop of the
    STA's call back into the first (its message filter would see CALLPENDING)."""

    def body() -> None:
        echo = _client("ApartmentTest.Echo")
        callback = _Callback()
        assert echo.CallBack(com.wrap(callback), 21) == 42
        assert callback.during == echo.Pid()  # the second client got the same server
        assert echo.Tid() == echo.Pid()

    _in_sta_slowly(body)  # the callback starts an interpreter: slow on a loaded machine


def _in_sta_slowly(fn: Any) -> None:
    """``in_apartment(fn)`` with 120 s to finish instead of 30."""
    box: list[BaseException] = []

    def body() -> None:
        com.initialize(False)
        try:
            fn()
        except BaseException as error:  # handed to the test thread
            box.append(error)
        finally:
            com.uninitialize()

    thread = threading.Thread(target=body, daemon=True)
    thread.start()
    thread.join(120)
    assert not thread.is_alive()
    if box:
        raise box[0]


@pytest.mark.usefixtures("servers")
def test_two_clients_call_one_sta_at_once() -> None:
    """Calls from two processes to one STA, at once: each gets its replies, all run there."""
    others = [_start_client("ApartmentTest.Echo") for _ in range(2)]
    try:
        pids = {_read_pid(other) for other in others}
        start = threading.Barrier(2)
        seen: list[list[int]] = [[], []]

        def caller(slot: int) -> None:
            def body() -> None:
                echo = _client("ApartmentTest.Echo")
                start.wait(30)
                for value in range(200):
                    assert echo.Echo(value) == value
                seen[slot].append(echo.Tid())
                seen[slot].append(echo.Pid())

            in_apartment(body, multithreaded=slot == 0)

        threads = [threading.Thread(target=caller, args=(slot,)) for slot in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert seen[0] == seen[1]
        assert seen[0] == [seen[0][1]] * 2
        assert pids == {seen[0][1]}
    finally:
        for other in others:
            if other.returncode is None:
                other.communicate("", timeout=30)


@pytest.mark.usefixtures("servers")
def test_a_call_on_a_lane_to_an_object_the_server_never_lent_fails_disconnected() -> None:
    def body() -> None:
        echo = _client("ApartmentTest.Echo")
        conn = _connection_to(echo.Pid())
        conn._lane_oids.add(10**6)  # an oid it never lent, as if one of the STA's
        with pytest.raises(ComError) as caught:
            conn.request("invoke", 10**6, 0, 2, [])
        assert caught.value.hresult == RPC_E_DISCONNECTED
        assert echo.Tid() == echo.Pid()  # the lane goes on

    in_apartment(body, multithreaded=True)


@pytest.mark.usefixtures("servers")
def test_the_server_quits_when_the_last_lane_object_is_released() -> None:
    def body() -> int:
        echo = _client("ApartmentTest.Echo")
        pid = int(echo.Pid())
        assert echo.Echo("x") == "x"
        del echo
        gc.collect()
        return pid

    pid = in_apartment(body, multithreaded=True)
    assert wait_for_exit(pid)
    assert pid != os.getpid()


# -- in process: a lane host thread, a pair of connections ------------------------------------


class _Host:
    """A thread that is the process's lane host: an STA pumping with ``pump``, as ``serve``.

    ``setup`` runs in it first (a message filter, say); ``pointer`` is a Counter of its STA.
    """

    def __init__(self, setup: Any = None, make: Any = None) -> None:
        self.ready = Event(manual_reset=True)
        self.box: list[Any] = []
        self.make = make or Counter
        self.thread = threading.Thread(target=self._run, args=(setup,), daemon=True)
        self.thread.start()
        assert self.ready.wait(30)
        self.host, self.pointer, self.native_id = self.box

    def _run(self, setup: Any) -> None:
        com.initialize(False)
        try:
            host = _remote_lanes.open_host(com.current_apartment())
            assert host is not None
            if setup is not None:
                setup()
            self.box.extend([host, com.wrap(self.make()), threading.get_native_id()])
            self.ready.set()
            _remote_lanes.pump(host)
            host.retire()
            self.pointer = None
        finally:
            com.uninitialize()

    def stop(self) -> None:
        if self.thread.is_alive():
            messages.post_thread_message(self.native_id, messages.WM_QUIT, 0, 0)
        self.thread.join(30)
        _remote_lanes._hosts.current = None


@pytest.fixture
def lane_pair() -> Any:
    made = _Pair()
    yield made
    made.close()


class _Where(Counter):
    _public_methods_ = [*Counter._public_methods_, "Where"]

    def Where(self) -> int:  # noqa: N802
        return threading.get_native_id()


def test_a_lane_call_runs_on_the_host_thread_in_place(lane_pair: _Pair) -> None:
    host = _Host()
    try:

        def client() -> None:
            remote = lane_pair.lend(host.pointer, com.current_apartment())
            assert remote.invoke(1000, com.DISPATCH_METHOD, 2) == 2  # Add
            assert remote.invoke(1000, com.DISPATCH_METHOD, 3) == 5
            assert lane_pair.client._lane is not None
            assert lane_pair.server._lanes_in  # the server end reads it

        in_apartment(client, multithreaded=True)
        in_apartment(client_sta_adds(lane_pair, host), multithreaded=False)
    finally:
        host.stop()


def client_sta_adds(pair: _Pair, host: _Host) -> Any:
    def client() -> None:
        remote = pair.lend(host.pointer, com.current_apartment())
        assert remote.invoke(1000, com.DISPATCH_METHOD, 1) == 6  # the same Counter

    return client


def test_a_call_on_a_lane_that_the_sta_message_filter_refuses_is_rejected(
    lane_pair: _Pair,
) -> None:
    class Refuse:
        def handle_incoming_call(self, *args: object) -> int:
            return com.SERVERCALL_REJECTED

        def retry_rejected_call(self, *args: object) -> int:
            return -1

        def message_pending(self, *args: object) -> int:
            return com.PENDINGMSG_WAITDEFPROCESS

    host = _Host(lambda: com.register_message_filter(Refuse()))
    try:

        def client() -> None:
            remote = lane_pair.lend(host.pointer, com.current_apartment())
            with pytest.raises(ComError) as caught:
                remote.invoke(1000, com.DISPATCH_METHOD, 1)
            assert caught.value.hresult == RPC_E_CALL_REJECTED
            assert lane_pair.client._lane is not None  # it went on the lane

        in_apartment(client, multithreaded=True)
    finally:
        host.stop()


def test_a_malformed_frame_on_a_lane_closes_only_its_connection(lane_pair: _Pair) -> None:
    host = _Host()
    other = _Pair()
    try:

        def client() -> None:
            first = lane_pair.lend(host.pointer, com.current_apartment())
            second = other.lend(host.pointer, com.current_apartment())
            assert first.invoke(1000, com.DISPATCH_METHOD, 1) == 1
            assert second.invoke(1000, com.DISPATCH_METHOD, 1) == 2
            lane = lane_pair.client._lane
            assert lane is not None
            lane.send(_wire.encode_body([_remote.RELEASE, []]))  # no request: not on a lane
            assert lane_pair.server.wait_closed(30)
            assert second.invoke(1000, com.DISPATCH_METHOD, 1) == 3  # the other lane goes on

        in_apartment(client, multithreaded=True)
    finally:
        other.close()
        host.stop()


def test_a_lane_passed_to_a_process_that_hosts_none_closes_the_connection() -> None:
    pair = _Pair()
    try:
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        with mine, theirs:
            _wire.send_socket(pair.client._out, _wire.encode_body([LANE]), theirs)
        assert pair.server.wait_closed(30)
        assert "lane" in pair.server.reason
    finally:
        pair.close()


def test_a_lane_call_after_the_host_loop_ended_is_disconnected(lane_pair: _Pair) -> None:
    """After the loop (the server retiring), the watcher posts: into an ended STA, refused."""
    host = _Host()
    pointer = host.pointer
    try:

        def client() -> None:
            remote = lane_pair.lend(pointer, com.current_apartment())
            assert remote.invoke(1000, com.DISPATCH_METHOD, 1) == 1
            messages.post_thread_message(host.native_id, messages.WM_QUIT, 0, 0)
            host.thread.join(30)
            with pytest.raises(ComError) as caught:
                remote.invoke(1000, com.DISPATCH_METHOD, 1)
            assert caught.value.hresult == RPC_E_DISCONNECTED

        in_apartment(client, multithreaded=True)
    finally:
        host.stop()


class _Waits(Counter):
    _public_methods_ = [*Counter._public_methods_, "WaitForSet", "Set"]

    def __init__(self, started: Event) -> None:
        super().__init__()
        self.flag = False
        self.started = started

    def WaitForSet(self) -> bool:  # noqa: N802
        """Pump a message loop of its own until another call sets the flag (30 s at most)."""
        self.started.set()
        deadline = time.monotonic() + 30
        while not self.flag and time.monotonic() < deadline:
            messages.msg_wait_any((), 1.0)
            messages.pump_waiting_messages()
        return self.flag

    def Set(self) -> None:  # noqa: N802
        self.flag = True


def test_a_call_that_pumps_a_loop_of_its_own_is_served_calls_meanwhile(lane_pair: _Pair) -> None:
    """A call run in place pumps a nested message loop: the calls that come on the lane
    meanwhile are posted to it (after a tick of the watcher), as Windows dispatches them."""
    started = Event(manual_reset=True)
    host = _Host(make=lambda: _Waits(started))
    try:
        outcome: list[Any] = []

        def waiter() -> None:
            remote = lane_pair.lend(host.pointer, com.current_apartment())
            outcome.append(com.DispatchClient(remote).WaitForSet())

        thread = threading.Thread(target=in_apartment, args=(waiter, True))
        thread.start()

        def setter() -> None:
            remote = com.DispatchClient(lane_pair.lend(host.pointer, com.current_apartment()))
            assert started.wait(30)  # the STA's thread is inside WaitForSet, in place
            remote.Set()  # served by WaitForSet's loop (else only after its 30 s)

        in_apartment(setter, multithreaded=True)
        thread.join(60)
        assert outcome == [True]
    finally:
        host.stop()


def test_a_call_that_pumps_a_loop_of_its_own_is_served_calls_without_waiting_a_tick(
    lane_pair: _Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The watcher takes over as soon as the call in place parks in its loop: with a tick of
    an hour, the call that sets the flag is still served by that loop at once."""
    monkeypatch.setattr(_remote_lanes, "TICK", 3600.0)
    started = Event(manual_reset=True)
    host = _Host(make=lambda: _Waits(started))
    try:
        outcome: list[Any] = []

        def waiter() -> None:
            remote = lane_pair.lend(host.pointer, com.current_apartment())
            outcome.append(com.DispatchClient(remote).WaitForSet())

        thread = threading.Thread(target=in_apartment, args=(waiter, True))
        thread.start()

        def setter() -> None:
            remote = com.DispatchClient(lane_pair.lend(host.pointer, com.current_apartment()))
            assert started.wait(30)  # the STA's thread is inside WaitForSet, in place
            remote.Set()  # served by WaitForSet's loop (else only after its 30 s)

        in_apartment(setter, multithreaded=True)
        thread.join(60)
        assert outcome == [True]
    finally:
        host.stop()
