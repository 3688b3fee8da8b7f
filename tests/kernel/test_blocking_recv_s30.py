"""The blocked read's fast path after s30: what it now infers instead of testing.

``PipeServing._drive`` takes a lone read's message straight into its buffer when the read's
Request is still the end's only one: a cancel, a close and a disconnect all take it out of
the queue, so its being there also means the same socket. These tests pin that inference
where it could go wrong: a disconnect, then a new client, while the first read's thread is
still in the old socket's recv; and the thread's wake-up descriptor, unset while it is in
recv (nothing can poke a recv) and set once it polls (a cancel is seen at once then).
"""

from __future__ import annotations

import socket
import struct
import threading

import pytest

from apartment import kernel
from apartment.errors import (
    ERROR_IO_PENDING,
    ERROR_OPERATION_ABORTED,
    ERROR_PIPE_NOT_CONNECTED,
)
from apartment.kernel import GENERIC_READ, GENERIC_WRITE, Overlapped, _pipeserve, open_file
from apartment.testing import wait_until_blocked

from .test_blocking_recv import _outcome, _pending, _slice

pytestmark = pytest.mark.usefixtures("overlapped_runtime", "no_sweep")


@pytest.fixture
def long_slice(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pipes made now block in recv for the test's whole wait (60 s) before they poll."""
    _slice(monkeypatch, 60.0)


@pytest.mark.usefixtures("long_slice")
def test_a_disconnect_fails_the_blocked_read_and_the_next_client_s_message_goes_to_the_next(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = overlapped_pair
    overlapped, _ = _pending(server)
    got: list[object] = []
    thread = kernel.start_thread(_outcome(overlapped, got))
    wait_until_blocked(thread, on=overlapped)
    server.disconnect()  # DisconnectNamedPipe: the server's pending read fails
    assert thread.wait(30)
    assert got == [("error", ERROR_PIPE_NOT_CONNECTED)]
    client.close()
    connecting = Overlapped()
    assert server.connect(connecting) == ERROR_IO_PENDING
    second = open_file(server.name, GENERIC_READ | GENERIC_WRITE, 0, kernel.OPEN_EXISTING, 0)
    try:
        assert connecting.result(wait=True) == 0
        overlapped, buffer = _pending(server)
        got.clear()
        thread = kernel.start_thread(_outcome(overlapped, got))
        wait_until_blocked(thread, on=overlapped)
        second.write(b"second client")
        assert thread.wait(30)
        assert got == [13]
        assert bytes(buffer[:13]) == b"second client"
    finally:
        second.close()


def test_the_blocked_thread_cannot_be_poked_until_it_polls_then_a_cancel_is_seen_at_once(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, _ = overlapped_pair
    polling = threading.Event()
    original = _pipeserve.PipeServing._poll

    def poll(end: _pipeserve.PipeServing, *args: object) -> object:
        polling.set()
        return original(end, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(_pipeserve.PipeServing, "_poll", poll)
    overlapped, _ = _pending(server)
    with kernel._ioservice.IO_LOCK:
        server._sock.setsockopt(  # type: ignore[union-attr]
            socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.pack("ll", 0, 300_000)
        )  # blocked in recv 0.3 s, then it polls
    got: list[object] = []
    thread = kernel.start_thread(_outcome(overlapped, got))
    wait_until_blocked(thread, on=overlapped)
    with kernel._ioservice.IO_LOCK:
        if server._blocked:  # still in recv: nobody can poke it
            assert server._wake == -1
    assert polling.wait(30)
    wait_until_blocked(thread, on=overlapped)
    with kernel._ioservice.IO_LOCK:
        assert server._driving and not server._blocked
        assert server._wake >= 0  # its kit's eventfd: whoever finishes work for it pokes it
    server.cancel_io(all_threads=True)  # a thread that polls for ever sees it only if poked
    assert thread.wait(30)
    assert got == [("error", ERROR_OPERATION_ABORTED)]
