"""Connections between processes, tried inside one process: two ends over socket pairs.

What crosses (values as VARIANTs, objects by reference with counted releases), what a
malformed frame does (it closes that connection only), who may connect (only the same
user), and when a server quits (its last outside reference gone, plus a linger).
"""

from __future__ import annotations

import contextlib
import datetime
import decimal
import gc
import os
import socket
import threading
import uuid
from typing import TYPE_CHECKING, Any

import msgpack
import pytest
from hypothesis import given
from hypothesis import strategies as st

from apartment import _runtime, _wire, com, messages
from apartment.com import _localserver, _remote, _remote_values, _serverlife
from apartment.errors import (
    RPC_E_CALL_REJECTED,
    CallFailedError,
    ComError,
    DisconnectedError,
    ServerUnavailableError,
)
from apartment.kernel import Event, start_thread
from apartment.testing import FakeClock

from ._helpers import MtaThread, StaThread, in_apartment

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


class Counter:
    _public_methods_ = ["Add", "Get", "Me"]

    def __init__(self) -> None:
        self.total = 0
        self.me: com.DispatchPointer | None = None

    def Add(self, n: int) -> int:  # noqa: N802
        self.total += n
        return self.total

    def Get(self) -> int:  # noqa: N802
        return self.total

    def Me(self) -> com.DispatchPointer:  # noqa: N802
        if self.me is None:
            self.me = com.wrap(self)
        return self.me


class _Pair:
    """Two connection ends in this process: ``client`` calls objects ``server`` exports."""

    def __init__(self) -> None:
        client_out, server_inn = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        server_out, client_inn = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        pid = os.getpid()
        self.client = _remote.Connection(out=client_out, inn=client_inn, peer_pid=pid)
        self.server = _remote.Connection(out=server_out, inn=server_inn, peer_pid=pid)
        self.client.start()
        self.server.start()

    def lend(self, pointer: com.DispatchPointer, caller: com.Apartment) -> com.DispatchPointer:
        """What the client gets when the server sends it ``pointer``."""
        tag = self.server.export_tag(pointer)
        received: com.DispatchPointer = self.client._decode(tag, caller)
        return received

    def close(self) -> None:
        self.client.close()
        self.server.close()


@pytest.fixture
def pair() -> Iterator[_Pair]:
    made = _Pair()
    yield made
    made.close()


# -- values ---------------------------------------------------------------------------------


def _no_objects(pointer: com.InterfacePointer) -> dict[str, int]:
    raise AssertionError("no object expected")


def _no_refs(tag: str, oid: int) -> object:
    raise AssertionError("no object expected")


@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers(min_value=-(2**63), max_value=2**64 - 1)
        | st.floats(allow_nan=False)
        | st.text()
        | st.binary(),
        lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner),
        max_leaves=12,
    )
)
def test_plain_values_cross_as_themselves_and_arrays_as_tuples(value: object) -> None:
    def as_tuples(item: object) -> object:
        return tuple(map(as_tuples, item)) if isinstance(item, (list, tuple)) else item

    wire = _wire.decode(_wire.encode(_remote_values.to_wire(value, _no_objects))[4:])
    assert _remote_values.from_wire(wire, _no_refs) == as_tuples(value)


def test_dates_currency_and_big_ints_cross_as_pywin32_sends_them() -> None:
    moment = datetime.datetime(2021, 5, 6, 7, 8, 9, 123456, tzinfo=datetime.timezone.utc)
    money = decimal.Decimal("12.3456")
    sent = _remote_values.to_wire((moment, money, 2**70, b"\x00\xff"), _no_objects)
    back = _remote_values.from_wire(sent, _no_refs)
    assert back == (moment.replace(microsecond=123000), money, float(2**70), b"\x00\xff")
    assert back[0].tzinfo is not None  # a date arrives in UTC, with milliseconds, as in process
    assert type(back[3]) is memoryview  # a byte array arrives as a memoryview, as in process


def test_an_iid_crosses_as_an_iid_of_the_receiving_face() -> None:
    iid = uuid.UUID(com.IID_ISTREAM[1:-1])
    # str(): with the facade installed the face's IID is a PyIID, which (as pywin32's) never
    # equals its string
    assert str(_remote_values.from_wire(_remote_values.to_wire(iid, _no_objects), _no_refs)) == (
        com.IID_ISTREAM
    )
    with pytest.raises(_wire.FrameError):
        _remote_values.from_wire({"i": "not an iid"}, _no_refs)


@pytest.mark.parametrize("value", [object(), {"k": 1}, {1}, frozenset(), 1j, Counter()])
def test_what_no_variant_holds_is_a_type_error(value: object) -> None:
    with pytest.raises(com.VariantTypeError):
        _remote_values.to_wire(value, _no_objects)


@pytest.mark.parametrize(
    "wire",
    [{"a": 1, "b": 2}, {"x": 1}, {"t": "not a date"}, {"m": "not a number"}, {"o": "1"}],
)
def test_a_malformed_value_map_is_a_frame_error(wire: object) -> None:
    with pytest.raises(_wire.FrameError):
        _remote_values.from_wire(wire, _no_refs)


# -- calls and references -------------------------------------------------------------------


def test_calls_cross_and_objects_come_back_by_reference(pair: _Pair) -> None:
    counter = Counter()
    home: MtaThread[com.DispatchPointer] = MtaThread(counter.Me)
    try:
        pointer = home.result

        def client() -> tuple[Any, ...]:
            remote = com.DispatchClient(pair.lend(pointer, com.current_apartment()))
            me = remote.Me()
            return remote.Add(2), remote.Add(3), me.Get(), me == remote

        assert in_apartment(client) == (2, 5, 5, True)
        assert counter.total == 5
    finally:
        home.stop()


def test_released_references_drop_the_export(pair: _Pair) -> None:
    home: MtaThread[com.DispatchPointer] = MtaThread(lambda: com.wrap(Counter()))
    try:
        pointer = home.result

        def client() -> None:
            first = pair.lend(pointer, com.current_apartment())
            second = pair.lend(pointer, com.current_apartment())
            assert first == second
            assert pair.server.statistics() == (1, 2)
            del first, second
            gc.collect()

        in_apartment(client)
        pair.client._flush_controls()
        ready = Event(manual_reset=True)

        def probe() -> None:  # the release frame is read before the next request
            with contextlib.suppress(Exception):
                pair.client.request("names", 999, [])
            ready.set()

        in_apartment(probe, multithreaded=True)
        assert ready.wait(10)
        assert pair.server.statistics() == (0, 0)
    finally:
        home.stop()


def test_a_call_into_an_object_the_peer_dropped_is_disconnected(pair: _Pair) -> None:
    def client() -> None:
        with pytest.raises(DisconnectedError):
            pair.client.request("invoke", 12345, 0, 1, [])

    in_apartment(client, multithreaded=True)


def test_calls_after_the_peer_went_away_find_the_server_unavailable(pair: _Pair) -> None:
    home: MtaThread[com.DispatchPointer] = MtaThread(lambda: com.wrap(Counter()))
    try:
        pointer = home.result

        def client() -> None:
            remote = com.DispatchClient(pair.lend(pointer, com.current_apartment()))
            assert remote.Add(1) == 1
            pair.server.close()
            assert pair.client.wait_closed(10)  # the close reaches this side through the socket
            with pytest.raises(ServerUnavailableError):
                remote.Add(1)

        in_apartment(client, multithreaded=True)
    finally:
        home.stop()


def test_an_sta_caller_serves_a_call_back_into_it_while_it_waits(pair: _Pair) -> None:
    """The server calls an object of the client's STA during the client's call: it runs."""
    server_sta: StaThread[None] = StaThread()
    try:
        calls: list[int] = []

        class Relay:
            _public_methods_ = ["Relay"]

            def Relay(self, target: com.DispatchPointer) -> Any:  # noqa: N802
                return com.DispatchClient(target).Back()

        class Back:
            _public_methods_ = ["Back"]

            def Back(self) -> str:  # noqa: N802
                calls.append(threading.get_native_id())
                return "back"

        relay = server_sta.call(com.wrap, Relay())

        def client() -> str:
            remote = com.DispatchClient(pair.lend(relay, com.current_apartment()))
            return str(remote.Relay(com.wrap(Back())))

        caller: StaThread[None] = StaThread()
        try:
            assert caller.call(client) == "back"
            assert calls == [caller.thread.native_id]
        finally:
            caller.stop()
    finally:
        server_sta.stop()


def test_a_call_posted_to_an_sta_that_ends_first_is_disconnected(pair: _Pair) -> None:
    """The STA never pumps and then ends: the caller gets RPC_E_DISCONNECTED, not a hang."""
    ready, release = Event(manual_reset=True), Event(manual_reset=True)
    box: list[com.DispatchPointer] = []

    def sta_that_never_pumps() -> None:
        com.initialize(False)
        box.append(com.wrap(Counter()))
        ready.set()
        release.wait()  # a kernel wait: calls posted to it stay queued
        box.clear()
        com.uninitialize()  # its queued calls fail

    home = start_thread(sta_that_never_pumps)
    assert ready.wait(10)
    outcome: list[BaseException] = []

    def client() -> None:
        remote = pair.lend(box[0], com.current_apartment())
        try:
            remote.invoke(1000, com.DISPATCH_METHOD, 1)  # Add, by its DISPID
        except BaseException as error:
            outcome.append(error)

    caller = start_thread(in_apartment, client, True)
    deadline_guard = 10
    assert not caller.wait(0.2)  # it waits for the STA...
    release.set()  # ...which ends without running it
    assert caller.wait(deadline_guard)
    assert home.wait(deadline_guard)
    (error,) = outcome
    assert isinstance(error, DisconnectedError)


def test_a_call_an_sta_message_filter_refuses_is_rejected(pair: _Pair) -> None:
    class Refuse:
        def handle_incoming_call(self, *args: object) -> int:
            return com.SERVERCALL_REJECTED

        def retry_rejected_call(self, *args: object) -> int:
            return -1

        def message_pending(self, *args: object) -> int:
            return com.PENDINGMSG_WAITDEFPROCESS

    def setup() -> com.DispatchPointer:
        com.register_message_filter(Refuse())
        return com.wrap(Counter())

    home: StaThread[com.DispatchPointer] = StaThread(setup)
    try:

        def client() -> None:
            remote = pair.lend(home.result, com.current_apartment())
            with pytest.raises(ComError) as caught:
                remote.invoke(1000, com.DISPATCH_METHOD, 1)  # Add, by its DISPID
            assert caught.value.hresult == RPC_E_CALL_REJECTED

        in_apartment(client, multithreaded=True)
    finally:
        home.call(com.register_message_filter, None)
        home.stop()


# -- malformed frames -----------------------------------------------------------------------

_frames = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 2**40)
    | st.text(max_size=8)
    | st.binary(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=3), inner, max_size=2)
    ),
    max_leaves=16,
)


@contextlib.contextmanager
def _raw_connection() -> Iterator[tuple[_remote.Connection, socket.socket, socket.socket]]:
    """A started connection whose peer is two bare sockets: (conn, peer's out, peer's inn)."""
    peer_out, inn = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    out, peer_inn = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    conn = _remote.Connection(out=out, inn=inn, peer_pid=os.getpid())
    conn.start()
    try:
        yield conn, peer_out, peer_inn
    finally:
        conn.close()
        for sock in (peer_out, peer_inn):
            sock.close()


@given(st.lists(_frames, min_size=1, max_size=4))
def test_frames_of_any_shape_never_break_more_than_their_connection(frames: list[Any]) -> None:
    """Well-formed msgpack of any shape into a connection: it answers, or closes, quietly."""
    with _raw_connection() as (conn, peer_out, peer_inn):
        for frame in frames:
            try:
                _wire.send_packet(peer_out, _wire.encode_body(frame))
            except (_wire.FrameError, OSError):
                break
        peer_out.shutdown(socket.SHUT_WR)  # the end: the connection closes after these
        peer_inn.settimeout(10)
        with contextlib.suppress(OSError):
            while peer_inn.recv(65536):  # its answers, until it closes
                pass
        assert conn.closed


@given(st.binary(min_size=1, max_size=64))
def test_bytes_that_are_no_frame_close_only_their_connection(data: bytes) -> None:
    with _raw_connection() as (conn, peer_out, peer_inn):
        peer_out.send(data)
        peer_out.shutdown(socket.SHUT_WR)
        peer_inn.settimeout(10)
        with contextlib.suppress(OSError):
            while peer_inn.recv(65536):
                pass
        assert conn.closed


def test_a_message_over_the_packet_limit_closes_its_connection() -> None:
    with _raw_connection() as (conn, peer_out, peer_inn):
        peer_out.send(_wire.encode_body(b"x" * (_wire.PACKET_MAX + 10)))  # no memfd: cut short
        peer_inn.settimeout(10)
        assert peer_inn.recv(1) == b""
        assert "longer than" in conn.reason


def test_a_message_that_passes_a_file_of_another_kind_closes_its_connection() -> None:
    with _raw_connection() as (conn, peer_out, peer_inn):
        with open(os.devnull, "rb") as devnull:
            socket.send_fds(peer_out, [b"\xc1"], [devnull.fileno()])
        peer_inn.settimeout(10)
        assert peer_inn.recv(1) == b""
        assert "memfd" in conn.reason


def test_long_frames_go_in_a_memfd_and_come_back_whole() -> None:
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    with left, right:
        for value in (b"s" * 10, b"L" * (3 * _wire.PACKET_MAX), ["mixed", b"m" * 200_000]):
            _wire.send_packet(left, _wire.encode_body(value))
            assert _wire.PacketReader(right).read() == (True, value)
        left.shutdown(socket.SHUT_WR)
        assert _wire.PacketReader(right).read() == (False, None)


def test_a_request_in_a_valid_frame_of_the_wrong_shape_closes_only_it() -> None:
    healthy = _Pair()
    broken_out, inn = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    out, broken_inn = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    conn = _remote.Connection(out=out, inn=inn, peer_pid=os.getpid())
    conn.start()
    home: MtaThread[com.DispatchPointer] = MtaThread(lambda: com.wrap(Counter()))
    try:
        pointer = home.result
        broken_out.send(_wire.encode_body([0, "not an int", "invoke"]))
        broken_inn.settimeout(10)
        assert broken_inn.recv(1) == b""
        assert conn.closed

        def client() -> int:
            remote = com.DispatchClient(healthy.lend(pointer, com.current_apartment()))
            return int(remote.Add(4))

        assert in_apartment(client, multithreaded=True) == 4  # the other one goes on
    finally:
        home.stop()
        conn.close()
        healthy.close()
        for sock in (broken_out, broken_inn):
            sock.close()


class _Kinds:
    _public_methods_ = ["KindOf", "Big", "Twice"]

    def KindOf(self, value: object) -> str:  # noqa: N802
        return type(value).__name__

    def Big(self) -> int:  # noqa: N802
        return 2**70

    def Twice(self, text: str) -> str:  # noqa: N802
        return text + text


@pytest.mark.parametrize("multithreaded", [True, False], ids=["MTA caller", "STA caller"])
def test_ints_beyond_64_bits_cross_as_doubles_both_ways(pair: _Pair, multithreaded: bool) -> None:
    """An argument and a result past 64 bits cross as doubles (plain values skip to_wire)."""
    home: MtaThread[com.DispatchPointer] = MtaThread(lambda: com.wrap(_Kinds()))
    try:
        pointer = home.result

        def client() -> tuple[object, ...]:
            target = pair.lend(pointer, com.current_apartment())._target  # no to_variant first
            kinds = tuple(
                target.invoke("KindOf", com.DISPATCH_METHOD, (value,))
                for value in (2**64 - 1, 2**64, -(2**63) - 1, 7, "x", None)
            )
            return (*kinds, target.invoke("Big", com.DISPATCH_METHOD, ()))

        assert in_apartment(client, multithreaded=multithreaded) == (
            "int", "float", "float", "int", "str", "NoneType", float(2**70)
        )  # fmt: skip
    finally:
        home.stop()


@pytest.mark.parametrize("multithreaded", [True, False], ids=["MTA caller", "STA caller"])
def test_plain_values_longer_than_a_packet_cross_both_ways(
    pair: _Pair, multithreaded: bool
) -> None:
    """A plain argument and result too long for one message go in a memfd (the plain
    values' fast paths send short frames themselves); a short one with more than a few bytes
    goes as it is."""
    home: MtaThread[com.DispatchPointer] = MtaThread(lambda: com.wrap(_Kinds()))
    try:
        pointer = home.result
        long = "L" * (_wire.PACKET_MAX // 2 + 1)  # the argument fits a message, its result not
        longer = "M" * (_wire.PACKET_MAX + 1)

        def client() -> tuple[object, ...]:
            target = pair.lend(pointer, com.current_apartment())._target
            return tuple(
                target.invoke("Twice", com.DISPATCH_METHOD, (text,))
                for text in ("a string of more than 32 bytes, x" * 2, long, longer)
            )

        assert in_apartment(client, multithreaded=multithreaded) == (
            "a string of more than 32 bytes, x" * 4,
            long * 2,
            longer * 2,
        )
        assert not pair.client.closed
    finally:
        home.stop()


def test_an_invoke_whose_arguments_are_no_list_closes_only_its_connection() -> None:
    """A malformed invoke frame for an object that is there: the connection closes."""
    home: MtaThread[com.DispatchPointer] = MtaThread(lambda: com.wrap(_Kinds()))
    try:
        pointer = home.result
        with _raw_connection() as (conn, peer_out, _):
            oid = conn.export_tag(pointer)["o"]
            peer_out.send(_wire.encode_body([0, 1, "invoke", oid, "KindOf", 1, [5]]))
            peer_out.settimeout(10)  # (the replies to its requests come back on it)
            assert _wire.PacketReader(peer_out).read() == (True, [1, 1, "int"])
            peer_out.send(_wire.encode_body([0, 2, "invoke", oid, "KindOf", 1, 5]))
            assert peer_out.recv(1) == b""
            assert "malformed invoke" in conn.reason
    finally:
        home.stop()


@pytest.mark.parametrize("multithreaded", [True, False], ids=["MTA reads", "helper reads"])
def test_a_reply_with_a_malformed_value_fails_its_call_and_closes_the_connection(
    multithreaded: bool,
) -> None:
    """The caller decodes its reply (on its own thread): a malformed one is RPC_S_CALL_FAILED
    for it, and the connection closes, as for any malformed frame."""

    with _raw_connection() as (conn, _, peer_inn):

        def answer() -> None:
            request = _wire.decode(peer_inn.recv(65536))
            peer_inn.send(_wire.encode_body([_remote.REPLY, request[1], {"no such tag": 1}]))

        def client() -> None:
            with pytest.raises(CallFailedError) as caught:
                conn.request("names", 1, ["x"])
            assert caught.value.hresult == -2147023170  # 0x800706BE

        answerer = threading.Thread(target=answer)
        answerer.start()
        in_apartment(client, multithreaded)
        answerer.join(10)
        assert conn.closed
        assert "malformed" in conn.reason


# -- who may connect ------------------------------------------------------------------------


def _other_user(sock: socket.socket) -> int:
    raise PermissionError("refused a connection from process 4242 of user 4243")


def test_a_server_refuses_a_peer_of_another_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(_localserver, "check_peer", _other_user)
    path = tmp_path / "s.sock"
    listener = _runtime.listen(path)
    assert os.stat(path).st_mode & 0o777 == 0o600
    accepting = start_thread(_localserver._accept, listener)
    try:
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.settimeout(10)
        client.connect(str(path))
        assert client.recv(1) == b""  # hung up on at once
        client.close()
    finally:
        listener.shutdown(socket.SHUT_RDWR)
        listener.close()
        assert accepting.wait(10)
    assert "refused a connection from process 4242" in capsys.readouterr().err


def test_a_second_socket_of_another_user_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_remote, "check_peer", _other_user)
    mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    extra_a, extra_b = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    try:
        with pytest.raises(PermissionError):
            _remote.accept_connection(mine, os.getpid(), {}, [os.dup(extra_a.fileno())])
    finally:
        for sock in (mine, theirs, extra_a, extra_b):
            sock.close()


def test_a_hello_without_a_socket_is_refused() -> None:
    mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    try:
        with pytest.raises(ConnectionError):
            _remote.accept_connection(mine, os.getpid(), {}, [])
        regular = os.open(os.devnull, os.O_RDONLY)
        with pytest.raises((ConnectionError, OSError)):
            _remote.accept_connection(mine, os.getpid(), {}, [regular])
    finally:
        mine.close()
        theirs.close()


# -- a server's life ------------------------------------------------------------------------


@pytest.fixture
def life(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeClock]:
    """A fresh server life under a fake clock; the test's thread gets the WM_QUIT."""
    monkeypatch.setattr(_serverlife, "_life", _serverlife._Life())
    while _quit_posted() is not None:  # the test's thread gets a queue, an empty one
        pass
    with FakeClock() as clock:
        yield clock


def _quit_posted() -> bool | None:
    """Whether the next message was WM_QUIT (None: there was none)."""
    message = messages.peek_message(None, 0, 0, messages.PM_REMOVE)
    return None if message is None else message.message == messages.WM_QUIT


def test_the_server_quits_a_linger_after_its_last_reference(life: FakeClock) -> None:
    _serverlife.set_server_linger(2.0)
    _serverlife.enable_quit_message(threading.get_native_id())
    _serverlife.add_references(2)
    _serverlife.drop_references(1)
    life.advance(10)
    assert _quit_posted() is None
    _serverlife.drop_references(1)
    life.advance(1.9)
    assert _quit_posted() is None
    life.advance(0.1)
    assert _quit_posted()


def test_a_reference_taken_during_the_linger_keeps_the_server(life: FakeClock) -> None:
    _serverlife.set_server_linger(1.0)
    _serverlife.enable_quit_message(threading.get_native_id())
    _serverlife.arm()
    life.advance(0.5)
    _serverlife.add_references()
    life.advance(5)
    assert _quit_posted() is None
    _serverlife.lock_server(True)
    _serverlife.drop_references()
    life.advance(5)
    assert _quit_posted() is None  # LockServer holds it
    _serverlife.lock_server(False)
    life.advance(1)
    assert _quit_posted()


def test_a_server_that_cannot_retire_yet_looks_again(life: FakeClock) -> None:
    answers = [False, True]
    _serverlife.set_server_linger(1.0)
    _serverlife.set_retire_hook(lambda: answers.pop(0))
    _serverlife.enable_quit_message(threading.get_native_id())
    _serverlife.arm()
    life.advance(1)
    assert _quit_posted() is None  # a client was activating
    life.advance(1)
    assert _quit_posted()
    assert answers == []


def test_a_process_that_asked_for_no_quit_message_never_quits(life: FakeClock) -> None:
    _serverlife.set_server_linger(0.0)
    _serverlife.arm()
    life.advance(10)
    assert _quit_posted() is None


def test_a_linger_is_seconds_at_least_zero() -> None:
    with pytest.raises(ValueError, match="linger"):
        _serverlife.set_server_linger(-1)
    with pytest.raises(ValueError, match="start timeout"):
        com.set_server_start_timeout(0)


def test_msgpack_is_what_carries_frames() -> None:
    assert _wire.decode(msgpack.packb([1, "a"])) == [1, "a"]
