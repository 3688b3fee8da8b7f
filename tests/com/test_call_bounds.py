"""Every call into another apartment can be bounded (DESIGN.md decision 10).

A timeout (per block of calls, per proxy), the message filter (CoRegisterMessageFilter: the
callee refuses, the caller retries or gives up, the caller cancels while messages arrive) and
call cancellation (CoCancelCall, CoTestCancel). Each rule is checked from an STA caller and
an MTA caller, and a late reply is shown to be discarded without harm.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import pytest

from apartment import com, messages
from apartment.errors import (
    CallCanceledError,
    CallRejectedError,
    CallTimeoutError,
    CancelDisabledError,
    ComNotSupportedError,
    NoInterfaceError,
    describe,
)
from apartment.kernel import Event, start_thread
from apartment.testing import MtaMember, StaThread, wait_until_blocked

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

RPC_E_TIMEOUT = -2147417825
RPC_E_CALL_REJECTED = -2147418111
RPC_E_CALL_CANCELED = -2147418110


class Server:
    """Lives in an STA; ``block`` parks its thread on a gate without pumping."""

    def __init__(self) -> None:
        self.gate = Event(manual_reset=True)
        self.calls = 0

    def add(self, value: int) -> int:
        self.calls += 1
        return value + 1

    def block(self) -> str:
        self.gate.wait()
        return "late"

    def cancellable(self, started: Event, stop: Event) -> bool:
        started.set()
        while not stop.wait(0.001):  # a callee that checks now and then, as CoTestCancel asks
            if com.call_cancelled():
                return True
        return False


@pytest.fixture
def server() -> Iterator[StaThread[Any]]:
    sta = StaThread(Server)
    yield sta
    sta.result.gate.set()
    sta.stop()


def _in_caller(kind: str, fn: Callable[[], object]) -> object:
    """Run ``fn`` on a fresh thread in an STA or the MTA; return its result or raise."""
    box: list[tuple[bool, object]] = []

    def body() -> None:
        with com.sta() if kind == "sta" else com.mta():
            try:
                box.append((True, fn()))
            except BaseException as error:
                box.append((False, error))

    thread = start_thread(body)
    assert thread.wait(30)
    ok, value = box[0]
    if not ok:
        raise value  # type: ignore[misc]
    return value


CALLERS = pytest.mark.parametrize("kind", ["sta", "mta"])


@CALLERS
def test_a_call_that_gets_no_reply_in_time_fails_with_rpc_e_timeout(
    kind: str, server: StaThread[Any]
) -> None:
    token = server.call(com.marshal, server.result)

    def call_blocked_then_timed() -> object:
        proxy = token.unmarshal()
        waiter = start_thread(_call_block, token)  # parks the server on its gate, not pumping
        wait_until_blocked(server.thread, on=server.result.gate)
        with com.call_timeout(0.05), pytest.raises(CallTimeoutError) as caught:
            proxy.add(1)
        server.result.gate.set()
        assert waiter.wait(10)
        return caught.value

    error = _in_caller(kind, call_blocked_then_timed)
    assert isinstance(error, CallTimeoutError)
    assert error.hresult == RPC_E_TIMEOUT
    assert isinstance(error, TimeoutError)
    text = describe(error)
    assert f"thread {server.thread.native_id}" in text
    assert "without pumping messages" in text  # what the callee is doing
    assert repr(server.result.gate) in text


def _call_block(token: com.Token) -> None:
    with com.mta():
        token.unmarshal().block()


@CALLERS
def test_a_withdrawn_call_never_runs_and_the_next_call_is_fine(
    kind: str, server: StaThread[Any]
) -> None:
    token = server.call(com.marshal, server.result)

    def body() -> object:
        proxy = token.unmarshal()
        stuck = start_thread(_call_block, token)
        wait_until_blocked(server.thread, on=server.result.gate)
        with com.call_timeout(0.01), pytest.raises(CallTimeoutError):
            proxy.add(1)  # queued behind block(), withdrawn at its timeout
        server.result.gate.set()
        assert stuck.wait(10)
        assert proxy.add(41) == 42  # the fast path again, unbounded
        return server.result.calls

    assert _in_caller(kind, body) == 1  # only the second add ran


@CALLERS
def test_a_late_reply_is_discarded(kind: str, server: StaThread[Any]) -> None:
    token = server.call(com.marshal, server.result)

    def body() -> object:
        proxy = token.unmarshal()
        # Long enough for block() to start under any load: the message must say it runs.
        with com.call_timeout(0.5), pytest.raises(CallTimeoutError) as caught:
            proxy.block()  # runs, and answers after the caller gave up
        assert "still running the call" in describe(caught.value)
        server.result.gate.set()
        assert server.call(lambda: "pumped") == "pumped"  # block() has returned by now
        return proxy.add(1)

    assert _in_caller(kind, body) == 2


@CALLERS
def test_a_late_reply_to_a_cancelled_call_is_discarded(kind: str, server: StaThread[Any]) -> None:
    token = server.call(com.marshal, server.result)
    ids: list[int] = []
    outcome: list[object] = []

    def body() -> object:
        com.enable_call_cancellation()
        ids.append(threading.get_native_id())
        proxy = token.unmarshal()
        try:
            proxy.block()
        except CallCanceledError as error:
            outcome.append(error.hresult)
        finally:
            com.disable_call_cancellation()
        server.result.gate.set()  # block() answers now, to nobody
        assert server.call(lambda: "pumped") == "pumped"
        return proxy.add(1)  # the next call gets its own answer

    caller = start_thread(_in_caller, kind, body)
    wait_until_blocked(server.thread, on=server.result.gate)  # block() is running the call
    com.cancel_call(ids[0], 0)
    assert caller.wait(10)
    assert outcome == [RPC_E_CALL_CANCELED]
    assert server.result.calls == 1


def test_with_timeout_bounds_one_proxy_and_crosses_apartments(server: StaThread[Any]) -> None:
    token = server.call(com.marshal, server.result)

    def body() -> object:
        proxy = token.unmarshal()
        bounded = com.with_timeout(proxy, 0.02)
        assert bounded.add(1) == 2
        stuck = start_thread(_call_block, token)
        wait_until_blocked(server.thread, on=server.result.gate)
        with pytest.raises(CallTimeoutError):
            bounded.add(1)
        server.result.gate.set()
        assert stuck.wait(10)
        return proxy.add(2)  # the proxy itself stays unbounded

    assert _in_caller("mta", body) == 3


def test_bad_timeouts_are_refused_at_the_door() -> None:
    with pytest.raises(TypeError), com.call_timeout("1"):  # type: ignore[arg-type]
        pass
    with pytest.raises(ValueError, match=">= 0"), com.call_timeout(-1):
        pass
    with pytest.raises(TypeError):
        com.with_timeout(object(), "x")  # type: ignore[arg-type]


def test_a_call_timeout_scope_nests_and_restores() -> None:
    with com.call_timeout(5):
        with com.call_timeout(None):
            pass
        with com.call_timeout(1):
            pass
    # nothing leaks: a thread with no bound takes the fast path again
    from apartment.com._callctl import controls

    assert controls.current is None


class RefuseFirst:
    """A message filter that refuses the first ``refusals`` incoming calls."""

    def __init__(self, refusals: int, verdict: int = com.SERVERCALL_RETRYLATER) -> None:
        self.refusals = refusals
        self.verdict = verdict
        self.seen: list[int] = []

    def handle_incoming_call(self, call_type: int, caller: int, ticks: int, info: object) -> int:
        self.seen.append(call_type)
        if self.refusals:
            self.refusals -= 1
            return self.verdict
        return com.SERVERCALL_ISHANDLED

    def retry_rejected_call(self, callee: int, ticks: int, reject_type: int) -> int:
        return 0  # retry at once

    def message_pending(self, callee: int, ticks: int, pending_type: int) -> int:
        return com.PENDINGMSG_WAITDEFPROCESS


def test_a_refused_call_is_retried_when_the_callers_filter_says_so(
    server: StaThread[Any],
) -> None:
    callee_filter = RefuseFirst(2)
    server.call(com.register_message_filter, callee_filter)
    token = server.call(com.marshal, server.result)

    def body() -> object:
        com.register_message_filter(RefuseFirst(0))  # the caller's: retry_rejected_call -> 0
        try:
            return token.unmarshal().add(1)
        finally:
            com.register_message_filter(None)

    assert _in_caller("sta", body) == 2
    assert callee_filter.seen == [com.CALLTYPE_TOPLEVEL] * 3
    assert server.result.calls == 1


@CALLERS
def test_a_refused_call_without_a_retrying_filter_is_rpc_e_call_rejected(
    kind: str, server: StaThread[Any]
) -> None:
    server.call(com.register_message_filter, RefuseFirst(1, com.SERVERCALL_REJECTED))
    token = server.call(com.marshal, server.result)

    def body() -> object:
        with pytest.raises(CallRejectedError) as caught:
            token.unmarshal().add(1)
        return caught.value.hresult

    assert _in_caller(kind, body) == RPC_E_CALL_REJECTED
    assert server.result.calls == 0


def test_message_pending_can_cancel_a_call(server: StaThread[Any]) -> None:
    token = server.call(com.marshal, server.result)

    class CancelOnMessages(RefuseFirst):
        def message_pending(self, callee: int, ticks: int, pending_type: int) -> int:
            assert pending_type == com.PENDINGTYPE_TOPLEVEL
            return com.PENDINGMSG_CANCELCALL

    def body() -> object:
        com.register_message_filter(CancelOnMessages(0))
        me = threading.get_native_id()
        poster = start_thread(_post_when_blocked, me, server)
        try:
            with pytest.raises(CallCanceledError) as caught:
                token.unmarshal().block()
        finally:
            com.register_message_filter(None)
            assert poster.wait(10)
        server.result.gate.set()
        assert messages.peek_message(flags=messages.PM_REMOVE) is not None  # still queued
        return caught.value.hresult

    assert _in_caller("sta", body) == RPC_E_CALL_CANCELED


def _post_when_blocked(thread_id: int, server: StaThread[Any]) -> None:
    """Post a message to ``thread_id`` once the server sits in block()."""
    wait_until_blocked(server.thread, on=server.result.gate)
    messages.post_thread_message(thread_id, messages.WM_USER, 0, 0)


def test_a_message_filter_needs_an_sta() -> None:
    def body() -> object:
        with pytest.raises(ComNotSupportedError):
            com.register_message_filter(RefuseFirst(0))
        return True

    assert _in_caller("mta", body)


def test_a_filter_must_have_the_three_methods() -> None:
    def body() -> object:
        with pytest.raises(TypeError, match="message_pending"):
            com.register_message_filter(object())  # type: ignore[arg-type]
        return True

    assert _in_caller("sta", body)


@CALLERS
def test_cancel_call_ends_a_call_and_the_callee_can_tell(kind: str, server: StaThread[Any]) -> None:
    token = server.call(com.marshal, server.result)
    started, stop = Event(manual_reset=True), Event(manual_reset=True)
    ids: list[int] = []
    outcome: list[object] = []

    def body() -> object:
        com.enable_call_cancellation()
        ids.append(threading.get_native_id())
        try:
            token.unmarshal().cancellable(started, stop)
        except CallCanceledError as error:
            outcome.append(error.hresult)
        finally:
            assert com.disable_call_cancellation()
        return True

    caller = start_thread(_in_caller, kind, body)
    assert started.wait(10)
    com.cancel_call(ids[0], 0)
    assert caller.wait(10)
    assert outcome == [RPC_E_CALL_CANCELED]
    assert server.call(lambda: "pumped") == "pumped"  # the callee saw call_cancelled()
    stop.set()


def test_cancel_call_errors() -> None:
    me = threading.get_native_id()
    with pytest.raises(CancelDisabledError):
        com.cancel_call(me)
    com.enable_call_cancellation()
    try:
        with pytest.raises(NoInterfaceError):
            com.cancel_call(me)  # no call out now
    finally:
        assert com.disable_call_cancellation()
    with pytest.raises(TypeError):
        com.cancel_call("1")  # type: ignore[arg-type]


def test_call_cancelled_is_false_outside_a_cancelled_call() -> None:
    assert com.call_cancelled() is False


def test_an_mta_member_can_bound_calls_into_an_sta(server: StaThread[Any]) -> None:
    token = server.call(com.marshal, server.result)

    def setup() -> object:
        with com.call_timeout(5):
            return token.unmarshal().add(10)

    member = MtaMember(setup)
    try:
        assert member.result == 11
    finally:
        member.stop()
