"""Local servers: classes activated in server processes, as CLSCTX_LOCAL_SERVER does.

Each test gets a class registry and a runtime directory of its own (``class_registry``,
``local_servers``); the servers it starts are killed after it.
"""

from __future__ import annotations

import datetime
import decimal
import gc
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from typing import TYPE_CHECKING, Any

import pytest

from apartment import com
from apartment.errors import (
    DISP_E_EXCEPTION,
    DISP_E_TYPEMISMATCH,
    E_FAIL,
    E_NOINTERFACE,
    E_NOTIMPL,
    CallFailedError,
    ClassNotRegisteredError,
    ComError,
    ServerExecError,
    ServerUnavailableError,
    describe,
)
from apartment.kernel import Event, start_thread
from apartment.testing import wait_for_exit

from ._helpers import in_apartment
from ._local_classes import Both, Echo, FreeEcho, Ticker

if TYPE_CHECKING:
    from pathlib import Path

    from apartment.testing import LocalServers

LOCAL = com.CLSCTX_LOCAL_SERVER


class Callback:
    """A client's object that a server calls back."""

    _public_methods_ = ["Twice", "Started", "Down"]

    def __init__(self, server: com.DispatchClient | None = None) -> None:
        self.threads: list[int] = []
        self.started = Event(manual_reset=True)
        self.server = server

    def Twice(self, x: Any) -> Any:  # noqa: N802
        self.threads.append(threading.get_native_id())
        return x * 2

    def Started(self) -> None:  # noqa: N802
        self.started.set()

    def Down(self, depth: int) -> Any:  # noqa: N802
        self.threads.append(threading.get_native_id())
        if depth == 0 or self.server is None:
            return "bottom"
        return list(self.server.Nest(com.wrap(self), depth - 1))  # an array, not out values


@pytest.fixture
def servers(class_registry: Path, local_servers: LocalServers) -> LocalServers:
    for cls in (Echo, FreeEcho, Both, Ticker):
        com.register_class(cls)
    return local_servers


def _client(progid: str) -> com.DispatchClient:
    return com.DispatchClient(com.create_object(progid, LOCAL), progid)


@pytest.mark.usefixtures("servers")
def test_an_object_lives_in_a_server_process_and_calls_go_there() -> None:
    def body() -> None:
        echo = _client("ApartmentTest.Echo")
        assert echo.Pid() != os.getpid()
        assert echo.value == 5
        echo.value = 9
        assert echo.value == 9

    in_apartment(body)


@pytest.mark.usefixtures("servers")
@pytest.mark.parametrize(
    ("sent", "received"),
    [
        (None, None),
        (True, True),
        (7, 7),
        (-(2**63), -(2**63)),
        (2**64 - 1, 2**64 - 1),
        (2**64, float(2**64)),  # beyond 64 bits: a double, as pywin32 sends it
        (1.5, 1.5),
        ("text", "text"),
        (b"\x00\xff", memoryview(b"\x00\xff")),  # a byte array: a memoryview, as in process
        (bytearray(b"ab"), memoryview(b"ab")),
        ([1, (2, "x")], (1, (2, "x"))),  # an array comes back as a tuple, nested too
        ((1, (2, "x")), (1, (2, "x"))),
        ([1, [2, 3]], (1, (2, 3))),  # arrays come back as tuples
        (  # a date: in UTC with milliseconds, as in process (a naive one is read as UTC)
            datetime.datetime(2020, 1, 2, 3, 4, 5, 678901),
            datetime.datetime(2020, 1, 2, 3, 4, 5, 678000, tzinfo=datetime.timezone.utc),
        ),
        (decimal.Decimal("1.2345"), decimal.Decimal("1.2345")),
    ],
)
def test_values_cross_as_pywin32_converts_variants(sent: object, received: object) -> None:
    def body() -> None:
        echo = _client("ApartmentTest.Echo")
        result = echo.Echo(sent)
        assert result == received
        assert isinstance(result, type(received))  # a face may subclass (pywintypes.TimeType)

    in_apartment(body, multithreaded=True)


@pytest.mark.usefixtures("servers")
def test_a_returned_tuple_is_the_result_then_out_values_as_in_process() -> None:
    def body() -> None:
        assert _client("ApartmentTest.Echo").WithOutValues(7) == 7

    in_apartment(body, multithreaded=True)


@pytest.mark.usefixtures("servers")
@pytest.mark.parametrize("value", [object(), {"a": 1}, {1, 2}])
def test_a_value_no_variant_holds_is_refused_before_it_is_sent(value: object) -> None:
    def body() -> None:
        echo = _client("ApartmentTest.Echo")
        with pytest.raises(com.VariantTypeError):
            echo.Echo(value)
        assert echo.Echo(1) == 1  # the connection is fine

    in_apartment(body, multithreaded=True)


@pytest.mark.usefixtures("servers")
def test_server_errors_come_back_as_com_errors_with_their_excepinfo() -> None:
    def body() -> None:
        echo = _client("ApartmentTest.Echo")
        with pytest.raises(ComError) as caught:
            echo.Fail()
        assert caught.value.hresult == DISP_E_EXCEPTION
        assert caught.value.excepinfo == (0, "Echo", "not today", None, 0, E_NOTIMPL)
        with pytest.raises(ComError) as caught:
            echo.FailPlain()
        assert caught.value.hresult == DISP_E_EXCEPTION
        info = caught.value.excepinfo
        assert info is not None
        assert info[1] == "Python COM Server Internal Error"
        assert "ValueError: plain" in str(info[2])
        assert info[5] == E_FAIL
        with pytest.raises(ComError) as caught:
            echo.FailDispatch()
        assert caught.value.hresult == DISP_E_TYPEMISMATCH  # a DISP_E_ code comes as it is
        with pytest.raises(AttributeError):
            echo.NoSuchMember  # noqa: B018

    in_apartment(body, multithreaded=True)


@pytest.mark.usefixtures("servers")
def test_objects_come_back_by_reference_and_go_home_as_themselves() -> None:
    def body() -> None:
        echo = _client("ApartmentTest.Echo")
        child = echo.MakeChild()
        assert child.Twice(21) == 42
        assert child.Pid() == echo.Pid()
        assert echo.IsChild(child) is True  # the server gets its own object, not a proxy
        assert echo.Echo(echo) == echo  # one object, one reference here

    in_apartment(body)


@pytest.mark.usefixtures("servers")
def test_a_callback_runs_in_the_callers_sta_while_it_waits() -> None:
    def body() -> None:
        echo = _client("ApartmentTest.Echo")
        callback = Callback()
        assert echo.CallBack(com.wrap(callback), 4) == 8
        assert callback.threads == [threading.get_native_id()]

    in_apartment(body)


@pytest.mark.usefixtures("servers")
@pytest.mark.parametrize("progid", ["ApartmentTest.Echo", "ApartmentTest.FreeEcho"])
def test_calls_nest_both_ways_reentrantly(progid: str) -> None:
    def body() -> None:
        echo = _client(progid)
        callback = Callback(echo)
        server_thread, inner = echo.Nest(com.wrap(callback), 3)
        assert callback.threads == [threading.get_native_id()] * 4
        depth = 0
        while inner != "bottom":
            _, inner = inner
            depth += 1
        assert depth == 3
        assert isinstance(server_thread, int)

    in_apartment(body)


@pytest.mark.usefixtures("servers")
def test_a_callback_of_an_mta_client_runs_on_an_mta_thread() -> None:
    def body() -> None:
        echo = _client("ApartmentTest.FreeEcho")
        callback = Callback()
        assert echo.CallBack(com.wrap(callback), 5) == 10
        assert callback.threads[0] != threading.get_native_id()

    in_apartment(body, multithreaded=True)


@pytest.mark.usefixtures("servers")
def test_a_free_class_lives_in_the_servers_mta() -> None:
    def body() -> None:
        echo = _client("ApartmentTest.Echo")
        free = _client("ApartmentTest.FreeEcho")
        assert echo.Tid() == echo.Pid()  # the server's main thread: its STA
        assert free.Tid() != free.Pid()  # an MTA thread of its server
        assert free.Pid() != echo.Pid()  # each class's LocalServer32 serves that class

    in_apartment(body)


@pytest.mark.usefixtures("servers")
def test_in_process_is_preferred_for_a_class_registered_for_both() -> None:
    def body() -> None:
        both = com.DispatchClient(com.create_object("ApartmentTest.Both", com.CLSCTX_SERVER))
        assert both.Pid() == os.getpid()
        assert _client("ApartmentTest.Both").Pid() != os.getpid()

    in_apartment(body)


@pytest.mark.usefixtures("servers")
def test_a_class_not_registered_for_the_context_is_refused() -> None:
    def body() -> None:
        with pytest.raises(ClassNotRegisteredError):
            com.create_object("ApartmentTest.Echo", com.CLSCTX_INPROC_SERVER)
        pointer = com.create_interface("ApartmentTest.Echo", com.CLSCTX_SERVER)
        assert isinstance(pointer, com.DispatchPointer)
        assert com.DispatchClient(pointer).Pid() != os.getpid()

    in_apartment(body)


def test_activations_share_one_multipleuse_server(servers: LocalServers) -> None:
    def body() -> None:
        first = _client("ApartmentTest.Echo")
        second = _client("ApartmentTest.Echo")
        assert first.Pid() == second.Pid()
        assert first != second
        assert servers.pids() == [first.Pid()]

    in_apartment(body, multithreaded=True)


def _hold_script(progid: str) -> str:
    """A client process: activate, print the server's pid, hold the object until stdin ends."""
    return textwrap.dedent(
        f"""
        import sys
        from apartment import com
        with com.mta():
            echo = com.DispatchClient(com.create_object({progid!r}, com.CLSCTX_LOCAL_SERVER))
            print(echo.Pid(), flush=True)
            sys.stdin.read()
        """
    )


def _start_client(progid: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _hold_script(progid)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _read_pid(client: subprocess.Popen[str]) -> int:
    """The server's pid a client printed; on failure, the client's error output."""
    assert client.stdout is not None
    line = client.stdout.readline()
    if not line.strip():
        _, err = client.communicate("", timeout=30)
        pytest.fail(f"the client printed no pid (exit {client.returncode}):\n{err}")
    return int(line)


def test_two_clients_that_activate_at_once_share_one_server(servers: LocalServers) -> None:
    clients = [_start_client("ApartmentTest.Echo") for _ in range(2)]
    try:
        pids = [_read_pid(client) for client in clients]
        assert pids[0] == pids[1]
        assert servers.pids() == [pids[0]]
        (info,) = servers.running()
        assert sorted(pid for pid, _ in info.clients) == sorted(c.pid for c in clients)
    finally:
        for client in clients:
            if client.returncode is None:
                client.communicate("", timeout=30)


def test_a_single_use_server_serves_one_client(servers: LocalServers, tmp_path: Path) -> None:
    manual = subprocess.Popen(
        [sys.executable, "-m", "apartment", "serve", "--single-use", Echo._reg_clsid_],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while not any(  # clients can find it (a guard while it starts, not an order)
            info.pid == manual.pid and info.classes for info in servers.running()
        ):
            assert time.monotonic() < deadline, manual.stdout.read()  # type: ignore[union-attr]
            assert manual.poll() is None, manual.stdout.read()  # type: ignore[union-attr]
            time.sleep(0.01)

        def body() -> None:
            first = _client("ApartmentTest.Echo")
            second = _client("ApartmentTest.Echo")
            assert first.Pid() == manual.pid
            assert second.Pid() != manual.pid  # the single-use class object was taken
            del first, second
            gc.collect()

        in_apartment(body, multithreaded=True)
        assert wait_for_exit(manual.pid)
    finally:
        if manual.poll() is None:
            manual.kill()
        manual.wait(30)
        assert manual.stdout is not None
        manual.stdout.close()


def test_a_server_quits_after_its_last_object_is_released(servers: LocalServers) -> None:
    def body() -> None:
        echo = _client("ApartmentTest.Echo")
        child = echo.MakeChild()
        pid = echo.Pid()
        del echo
        gc.collect()
        assert not wait_for_exit(pid, 0.5)  # the child still holds it
        assert child.Twice(2) == 4
        del child
        gc.collect()
        assert wait_for_exit(pid)
        assert servers.pids() == []
        assert _client("ApartmentTest.Echo").Pid() != pid  # a fresh server

    in_apartment(body, multithreaded=True)


@pytest.mark.parametrize("multithreaded", [True, False], ids=["mta", "sta"])
def test_a_killed_server_fails_the_call_in_flight_and_the_next_calls(
    servers: LocalServers, multithreaded: bool
) -> None:
    """From the MTA, and from an STA that reads its reply while it pumps (and serves the
    server's call back into it meanwhile)."""
    outcome: list[BaseException] = []
    ready = Event(manual_reset=True)
    box: list[Any] = []

    def blocked_caller() -> None:
        def body() -> None:
            echo = _client("ApartmentTest.Echo")
            callback = Callback()
            box.append((echo.Pid(), callback))
            ready.set()
            try:
                echo.Block(com.wrap(callback))
            except BaseException as error:  # kept for the test thread
                outcome.append(error)
            box.append(time.monotonic())
            try:
                echo.Pid()
            except BaseException as error:
                outcome.append(error)

        in_apartment(body, multithreaded=multithreaded)

    thread = start_thread(blocked_caller)
    assert ready.wait(30)
    pid, callback = box[0]
    assert callback.started.wait(30)  # the server is inside Block
    killed_at = time.monotonic()
    os.kill(pid, signal.SIGKILL)
    assert thread.wait(30)
    assert box[1] - killed_at < 1.0
    in_flight, later = outcome
    assert isinstance(in_flight, CallFailedError)
    assert in_flight.hresult == -2147023170  # 0x800706BE
    assert isinstance(later, ServerUnavailableError)
    assert later.hresult == -2147023174  # 0x800706BA
    assert wait_for_exit(pid)

    def body() -> None:
        assert _client("ApartmentTest.Echo").Pid() != pid  # the next activation starts afresh

    in_apartment(body, multithreaded=True)


def test_a_killed_client_lets_go_of_its_objects(servers: LocalServers) -> None:
    client = _start_client("ApartmentTest.Echo")
    pid = _read_pid(client)
    client.kill()
    client.communicate(timeout=30)  # closes its pipes
    assert wait_for_exit(pid)
    assert servers.pids() == []


@pytest.mark.usefixtures("local_servers", "class_registry")
def test_a_server_that_fails_to_start_gives_exec_failure_with_its_stderr(tmp_path: Path) -> None:
    (tmp_path / "broken_server.py").write_text("raise RuntimeError('broken at import')\n")
    com.register(
        com.ClassEntry(
            clsid="{5B0E6D54-6C35-4C8B-9E0B-3E1A4A5E7010}",
            progid="ApartmentTest.Broken",
            class_spec="broken_server.Broken",
            python_path=str(tmp_path),
            clsctx=LOCAL,
        )
    )

    def body() -> None:
        with pytest.raises(ServerExecError) as caught:
            com.create_object("ApartmentTest.Broken", LOCAL)
        assert caught.value.hresult == -2146959355  # CO_E_SERVER_EXEC_FAILURE
        assert "broken at import" in describe(caught.value)

    in_apartment(body, multithreaded=True)


@pytest.mark.usefixtures("local_servers", "class_registry")
def test_a_server_that_does_not_register_in_time_gives_exec_failure(tmp_path: Path) -> None:
    (tmp_path / "stuck_server.py").write_text("import threading\nthreading.Event().wait()\n")
    com.register(
        com.ClassEntry(
            clsid="{5B0E6D54-6C35-4C8B-9E0B-3E1A4A5E7011}",
            class_spec="stuck_server.Stuck",
            python_path=str(tmp_path),
            clsctx=LOCAL,
        )
    )
    previous = com.set_server_start_timeout(1.0)
    try:
        started = time.monotonic()

        def body() -> None:
            with pytest.raises(ServerExecError, match="did not register"):
                com.create_object("{5B0E6D54-6C35-4C8B-9E0B-3E1A4A5E7011}", LOCAL)

        in_apartment(body, multithreaded=True)
        assert time.monotonic() - started < 10
    finally:
        com.set_server_start_timeout(previous)


def test_servers_lists_the_servers_their_classes_and_clients(servers: LocalServers) -> None:
    def body() -> None:
        echo = _client("ApartmentTest.Echo")
        child = echo.MakeChild()
        (info,) = servers.running()
        assert info.pid == echo.Pid()
        assert (Echo._reg_clsid_, "ApartmentTest.Echo") in info.classes
        assert info.clients == ((os.getpid(), 2),)
        assert info.held == 2
        listing = subprocess.run(
            [sys.executable, "-m", "apartment", "servers"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
        assert f"Server {info.pid}" in listing
        assert "ApartmentTest.Echo" in listing
        assert f"client  process {os.getpid()}: 2 objects" in listing
        del echo, child
        gc.collect()
        assert wait_for_exit(info.pid)

    in_apartment(body, multithreaded=True)
    done = subprocess.run(
        [sys.executable, "-m", "apartment", "servers"], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "No local servers are running."


@pytest.mark.usefixtures("local_servers", "class_registry")
def test_serve_refuses_a_class_nobody_registered() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "apartment", "serve", "No.Such.Class", "-Embedding"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "No.Such.Class" in done.stderr


@pytest.mark.usefixtures("servers")
def test_concurrent_callers_of_both_kinds_each_get_their_own_replies() -> None:
    """MTA callers take turns reading replies (and hand the turn on); STA callers rely on the
    connection's helper; all on one connection at once."""

    def caller(token: com.Token, base: int, multithreaded: bool) -> None:
        def body() -> None:
            echo = com.DispatchClient(token.unmarshal())
            for i in range(200):
                assert echo.Echo((base, i)) == (base, i)

        in_apartment(body, multithreaded)

    def run() -> None:
        token = com.marshal(com.create_object("ApartmentTest.FreeEcho", LOCAL))
        try:
            threads = [start_thread(caller, token, n, n % 3 != 0) for n in range(6)]
            for thread in threads:
                assert thread.wait(60)
                assert thread.exit_code == 0
        finally:
            token.release()

    in_apartment(run, multithreaded=True)


class _TickHandler:
    def __init__(self) -> None:
        self.heard: list[tuple[Any, int, int]] = []

    def OnTicked(self, value: Any, server_pid: int) -> None:  # noqa: N802
        self.heard.append((value, server_pid, threading.get_native_id()))


@pytest.mark.usefixtures("servers")
def test_events_of_a_server_reach_the_clients_sink_in_its_apartment() -> None:
    """The sink is the client's object passed to the server (Advise): each event is a call
    back into the client's STA, made while the client waits for its own call."""

    def body() -> None:
        source = com.create_object("ApartmentTest.Ticker", LOCAL)
        handler = _TickHandler()
        connection = com.advise_handler(source, handler)
        server_pid = com.DispatchClient(source).Tick("one")
        assert server_pid != os.getpid()
        assert handler.heard == [("one", server_pid, threading.get_native_id())]
        connection.disconnect()
        com.DispatchClient(source).Tick("after")
        assert len(handler.heard) == 1

    in_apartment(body)


@pytest.mark.usefixtures("servers")
def test_other_interfaces_of_a_server_object_work_across_processes() -> None:
    def body() -> None:
        source = com.create_object("ApartmentTest.Ticker", LOCAL)
        stream = source.query_interface(com.IID_ISTREAM)
        assert isinstance(stream, com.StreamPointer)
        assert stream.read(3) == b"sto"
        assert stream.write(b"fresh") == 5
        assert stream.read(10) == b"fresh"
        with pytest.raises(ComError) as caught:
            source.query_interface(com.IID_IPERSIST)
        assert caught.value.hresult == E_NOINTERFACE

    in_apartment(body)


@pytest.mark.usefixtures("servers")
def test_objects_in_a_reply_are_made_on_the_callers_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """The connection's helper reads an STA caller's reply; the caller decodes it. (On the
    free-threaded build an object is freed only when the thread that made it runs again: a
    reader parked on its socket would keep the server's objects alive for ever.)"""
    from apartment.com import _remote

    decoded_on: list[int] = []
    decode = _remote.Connection._decode

    def spy(self: _remote.Connection, value: Any, apartment: Any) -> Any:
        if isinstance(value, dict):  # an object's tag
            decoded_on.append(threading.get_ident())
        return decode(self, value, apartment)

    monkeypatch.setattr(_remote.Connection, "_decode", spy)

    def body() -> int:
        echo = _client("ApartmentTest.Echo")
        child = echo.MakeChild()  # a late-bound client of the server's object
        assert child.Pid() != os.getpid()
        return threading.get_ident()

    for multithreaded in (False, True):
        decoded_on.clear()
        caller = in_apartment(body, multithreaded)
        assert decoded_on and set(decoded_on) == {caller}


class Taker:
    """A client's object that keeps what the server hands it (on a thread of the connection)."""

    _public_methods_ = ["Take"]

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.kept: list[Any] = []

    def Take(self, pointer: Any) -> None:  # noqa: N802
        with self.lock:
            self.kept.append(pointer)


@pytest.mark.usefixtures("servers")
def test_an_object_a_connection_thread_received_is_let_go_when_another_thread_drops_it() -> None:
    """The server's object reaches the client's MTA as an argument, on the connection's thread.

    On free-threaded CPython an object that a thread other than its maker drops is freed by
    its maker, when that one next runs Python code: the connection's reader, parked on its
    socket, must still let it go, or the server never ends.
    """

    def body() -> None:
        echo = _client("ApartmentTest.Echo")
        pid = echo.Pid()
        taker = Taker()
        echo.Hand(com.wrap(taker))
        del echo
        with taker.lock:
            assert len(taker.kept) == 1
            taker.kept.clear()  # the last reference to the server's child goes here
        assert wait_for_exit(pid)  # no gc.collect(): the server ends once the release is sent

    in_apartment(body, multithreaded=True)
