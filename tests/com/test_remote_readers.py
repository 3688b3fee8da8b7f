"""Who reads a connection's replies: callers themselves, in turn, and a helper for the rest.

An MTA caller reads its own reply; an STA caller that finds nobody reading reads while it
pumps (its wait watches the socket); the others wait for the reader to hand a reply to them.
Whatever the mix of callers, and wherever the connection closes (its peer dying, or closed
here), no call is lost, answered twice, answered with another call's reply, or left hanging.
"""

from __future__ import annotations

import collections
import os
import socket
import threading
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apartment import com, messages
from apartment.com import _remote
from apartment.errors import CallFailedError, CantCallOutError, ComError, ServerUnavailableError
from apartment.kernel import start_thread

from ._helpers import MtaThread, StaThread


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

    def lend(self, pointer: com.DispatchPointer) -> com.DispatchPointer:
        """What the client's current apartment gets when the server sends it ``pointer``."""
        received: com.DispatchPointer = self.client._decode(
            self.server.export_tag(pointer), com.current_apartment()
        )
        return received

    def close(self) -> None:
        self.client.close()
        self.server.close()


_ECHO = 1000


class _Echo:
    """Answers each call with its argument; counts the runs; may close a side on the n-th."""

    _public_methods_ = ["Echo"]
    _dispid_to_func_ = {_ECHO: "Echo"}

    def __init__(self, close_at: int, close: Any) -> None:
        self.lock = threading.Lock()
        self.runs: collections.Counter[int] = collections.Counter()
        self.started = 0
        self.close_at = close_at
        self.close = close

    def Echo(self, n: int, sink: Any = None) -> int:  # noqa: N802
        with self.lock:
            self.runs[n] += 1
            self.started += 1
            closing = self.started == self.close_at
        if closing:
            self.close()
        if sink is not None:  # a call back into the caller's STA, while it waits
            com.DispatchClient(sink).Back(n)
        return n


class _Back:
    _public_methods_ = ["Back"]

    def __init__(self) -> None:
        self.seen: list[int] = []

    def Back(self, n: int) -> None:  # noqa: N802
        self.seen.append(n)  # on the STA's thread only


_GONE = (CallFailedError, ServerUnavailableError)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)  # fmt: skip
@given(
    callers=st.lists(
        st.tuples(st.sampled_from(["mta", "sta", "sta-back"]), st.integers(1, 4)),
        min_size=1,
        max_size=4,
    ),
    object_in_sta=st.booleans(),
    close_at=st.integers(0, 20),
    close_side=st.sampled_from(["server", "client"]),
)
def test_no_call_is_lost_answered_twice_or_left_hanging(
    callers: list[tuple[str, int]], object_in_sta: bool, close_at: int, close_side: str
) -> None:
    pair = _Pair()
    side = pair.server if close_side == "server" else pair.client
    echo = _Echo(close_at, lambda: side.close("closed by the test"))
    home: StaThread[None] | MtaThread[None] = StaThread() if object_in_sta else MtaThread()
    outcomes: list[tuple[int, object]] = []
    outcomes_lock = threading.Lock()
    backs: list[_Back] = []
    try:
        pointer = home.call(com.wrap, echo) if isinstance(home, StaThread) else None
        if pointer is None:
            box: list[com.DispatchPointer] = []
            thread = start_thread(lambda: _in_mta(lambda: box.append(com.wrap(echo))))
            assert thread.wait(30)
            pointer = box[0]

        def caller(index: int, kind: str, count: int) -> None:
            remote = pair.lend(pointer)
            sink = None
            if kind == "sta-back":
                back = _Back()
                backs.append(back)
                sink = com.wrap(back)
            for k in range(count):
                n = index * 100 + k
                try:
                    value: object = remote.invoke(_ECHO, com.DISPATCH_METHOD, n, sink)
                except (ComError, *_GONE) as error:
                    value = error
                with outcomes_lock:
                    outcomes.append((n, value))

        threads = []
        for index, (kind, count) in enumerate(callers):
            multithreaded = kind == "mta"
            threads.append(
                start_thread(
                    lambda i=index, k=kind, c=count, m=multithreaded: _in_apartment(  # type: ignore[misc]
                        lambda: caller(i, k, c), m
                    )
                )
            )
        for thread in threads:
            assert thread.wait(30), "a call hung"
        total = sum(count for _, count in callers)
        assert len(outcomes) == total, "a call was lost"
        for n, value in outcomes:
            assert echo.runs[n] <= 1, f"call {n} ran twice"
            if isinstance(value, BaseException):
                assert close_at and close_at <= total, f"call {n} failed with no close: {value}"
            else:
                assert value == n, f"call {n} got the answer to call {value}"
                assert echo.runs[n] == 1
        if not close_at or close_at > total:
            assert all(not isinstance(value, BaseException) for _, value in outcomes)
    finally:
        pair.close()
        home.stop()


def _in_mta(fn: Any) -> None:
    com.initialize(True)
    try:
        fn()
    finally:
        com.uninitialize()


def _in_apartment(fn: Any, multithreaded: bool) -> None:
    com.initialize(multithreaded)
    try:
        fn()
    finally:
        com.uninitialize()


@pytest.mark.parametrize("multithreaded", [False, True])
def test_callers_read_their_own_replies_without_a_helper(multithreaded: bool) -> None:
    """An unbounded caller, MTA or STA, alone on a connection: no reader thread is started."""
    pair = _Pair()
    home: MtaThread[com.DispatchPointer] = MtaThread(lambda: com.wrap(_Echo(0, None)))
    try:
        pointer = home.result

        def calls() -> None:
            remote = com.DispatchClient(pair.lend(pointer))
            assert [remote.Echo(n, None) for n in range(20)] == list(range(20))

        thread = start_thread(lambda: _in_apartment(calls, multithreaded))
        assert thread.wait(30)
        assert pair.client._helper is None
        assert pair.client._reader is None
    finally:
        pair.close()
        home.stop()


class _Blocker:
    _public_methods_ = ["Block"]

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()

    def Block(self) -> None:  # noqa: N802
        self.entered.set()
        self.release.wait(30)


class _GateLock:
    """The registry's lock, stopping the first thread in ``close()`` until the test opens it."""

    def __init__(self, lock: Any) -> None:
        self.lock = lock
        self.closer: int | None = None
        self.arrived = threading.Event()
        self.gate = threading.Event()

    def __enter__(self) -> None:
        if threading.get_ident() == self.closer:
            self.arrived.set()
            assert self.gate.wait(30)
        self.lock.__enter__()

    def __exit__(self, *exc: object) -> None:
        self.lock.__exit__(*exc)


@pytest.mark.parametrize("multithreaded", [False, True])
def test_a_reader_whose_connection_another_thread_closes_fails_its_call(
    monkeypatch: pytest.MonkeyPatch, multithreaded: bool
) -> None:
    """The caller reading its own reply sees the end while another thread is inside close(),
    not yet at failing the calls out: its call fails (RPC_S_CALL_FAILED) without waiting for
    that thread, never returns. An STA caller as an MTA caller."""
    pair = _Pair()
    blocker = _Blocker()
    home: MtaThread[com.DispatchPointer] = MtaThread(lambda: com.wrap(blocker))
    gate = _GateLock(_remote._registry.lock)
    monkeypatch.setattr(_remote._registry, "lock", gate)
    outcome: list[object] = []
    try:
        pointer = home.result

        def call() -> None:
            remote = com.DispatchClient(pair.lend(pointer))
            try:
                outcome.append(remote.Block())
            except BaseException as error:  # kept for the test thread
                outcome.append(error)

        caller = start_thread(lambda: _in_apartment(call, multithreaded))
        assert blocker.entered.wait(30)  # the caller reads its socket now

        def close() -> None:
            gate.closer = threading.get_ident()
            pair.client.close("closed by the test")

        closer = threading.Thread(target=close)
        closer.start()
        assert gate.arrived.wait(30)  # closed, its calls out not failed yet
        pair.client._out.shutdown(socket.SHUT_RDWR)  # the reader sees the end
        assert caller.wait(30)
        gate.gate.set()
        closer.join(30)
        assert len(outcome) == 1
        assert isinstance(outcome[0], CallFailedError), outcome
        assert outcome[0].hresult == -2147023170  # 0x800706BE
    finally:
        gate.gate.set()
        blocker.release.set()
        pair.close()
        home.stop()


def test_an_sta_call_out_while_handling_a_cross_thread_send_is_refused_unsent() -> None:
    """RPC_E_CANTCALLOUT_ININPUTSYNCCALL for a call to another process too; nothing goes out."""
    pair = _Pair()
    echo = _Echo(0, None)
    home: MtaThread[com.DispatchPointer] = MtaThread(lambda: com.wrap(echo))
    seen: list[BaseException] = []

    def proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
        if msg == messages.WM_USER:
            remote = pair.lend(home.result)
            try:
                remote.invoke(_ECHO, com.DISPATCH_METHOD, 1, None)  # by DISPID: no names asked
            except CantCallOutError as error:
                seen.append(error)
            return 0
        return messages.def_window_proc(hwnd, msg, wparam, lparam)

    messages.register_class("remote-readers-cantcallout", proc)
    try:
        target = StaThread(lambda: messages.create_window("remote-readers-cantcallout"))
        try:
            sender = start_thread(  # a thread of its own: this one may be an STA already
                lambda: messages.send_message(target.result.hwnd, messages.WM_USER)
            )
            assert sender.wait(30)
            assert target.call(lambda: pair.client._reader) is None  # nobody left reading
        finally:
            target.stop()
    finally:
        messages.unregister_class("remote-readers-cantcallout")
        pair.close()
        home.stop()
    assert [getattr(error, "hresult", None) for error in seen] == [-2147417843]
    assert echo.started == 0


def test_an_sta_caller_of_another_process_keeps_posted_messages_and_reposts_wm_quit() -> None:
    """Input that came before the reply wakes the caller's wait: the modal loop dispatches
    neither a posted message nor WM_QUIT; the first stays queued, the second is re-posted."""
    pair = _Pair()
    home: MtaThread[com.DispatchPointer] = MtaThread(lambda: com.wrap(_Echo(0, None)))
    out: list[object] = []
    try:

        def body() -> None:
            remote = com.DispatchClient(pair.lend(home.result))
            me = messages.current_queue().thread
            messages.post_thread_message(me, messages.WM_USER + 5)
            messages.post_quit_message(3)
            out.append(remote.Echo(7, None))  # its wait wakes for the input, and keeps it
            first = messages.peek_message(flags=messages.PM_REMOVE)
            second = messages.peek_message(flags=messages.PM_REMOVE)
            out.append(first.message if first else None)
            out.append(second.wparam if second else None)

        thread = start_thread(lambda: _in_apartment(body, False))
        assert thread.wait(30)
    finally:
        pair.close()
        home.stop()
    assert out == [7, messages.WM_USER + 5, 3]
