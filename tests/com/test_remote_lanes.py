"""Lanes: calls into a local server's STA read and run by its thread itself (_remote_lanes).

The server's STA reads its clients' lanes in its message loop and runs their calls in place;
while it waits elsewhere (a call out, CoWaitForMultipleHandles) a watcher posts them, so the
COM rules hold: calls serialized on the STA's thread, served while it waits on its own calls.
"""

from __future__ import annotations

import gc
import os
import threading
from typing import TYPE_CHECKING, Any

import pytest

from apartment import com
from apartment.com._remote import connections
from apartment.errors import RPC_E_DISCONNECTED, ComError
from apartment.testing import wait_for_exit

from ._helpers import in_apartment
from ._local_classes import Echo, FreeEcho
from .test_local_servers import _read_pid, _start_client

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

    in_apartment(body)


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
