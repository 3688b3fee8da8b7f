"""The cancel object of a call out (com.cancel_object: CoGetCancelObject, ICancelMethodCalls)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import pytest

from apartment import com
from apartment.errors import CallCanceledError, CallCompleteError, CancelDisabledError, ComError
from apartment.kernel import Event, start_thread
from apartment.testing import StaThread

if TYPE_CHECKING:
    from collections.abc import Iterator

RPC_E_CALL_CANCELED = -2147418110
RPC_E_CALL_COMPLETE = -2147417833
RPC_S_CALLPENDING = -2147417835
E_NOINTERFACE = -2147467262


class Server:
    def __init__(self) -> None:
        self.gate = Event(manual_reset=True)

    def block(self, started: Event) -> str:
        started.set()
        self.gate.wait()
        return "late"


@pytest.fixture
def server() -> Iterator[StaThread[Any]]:
    sta = StaThread(Server)
    yield sta
    sta.result.gate.set()
    sta.stop()


@pytest.mark.parametrize("kind", ["sta", "mta"])
def test_the_cancel_object_cancels_the_call_it_stands_for(
    kind: str, server: StaThread[Any]
) -> None:
    token = server.call(com.marshal, server.result)
    started, got_id = Event(manual_reset=True), Event(manual_reset=True)
    ids: list[int] = []
    outcome: list[object] = []

    def body() -> None:
        with com.sta() if kind == "sta" else com.mta():
            com.enable_call_cancellation()
            ids.append(threading.get_native_id())
            got_id.set()
            try:
                token.unmarshal().block(started)
            except CallCanceledError as error:
                outcome.append(error.hresult)
            finally:
                assert com.disable_call_cancellation()

    caller = start_thread(body)
    assert started.wait(10)
    assert got_id.wait(10)
    cancel = com.cancel_object(ids[0])
    assert cancel.test() == RPC_S_CALLPENDING
    cancel.cancel(0)
    assert caller.wait(10)
    assert outcome == [RPC_E_CALL_CANCELED]
    assert cancel.test() in (RPC_E_CALL_CANCELED, RPC_E_CALL_COMPLETE)
    with pytest.raises(CallCompleteError):
        cancel.cancel(0)  # the call it stood for is over
    server.result.gate.set()


def test_cancel_object_errors() -> None:
    me = threading.get_native_id()
    with pytest.raises(CancelDisabledError):
        com.cancel_object(me)
    com.enable_call_cancellation()
    try:
        with pytest.raises(ComError) as caught:
            com.cancel_object()  # no call out now
        assert caught.value.hresult == E_NOINTERFACE
    finally:
        assert com.disable_call_cancellation()
    with pytest.raises(TypeError):
        com.cancel_object("1")  # type: ignore[arg-type]
