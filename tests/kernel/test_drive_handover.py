"""A thread that stops driving a pipe end hands its completions to whoever drives it next.

A thread that waits for its pipe read (GetOverlappedResult with bWait) serves the end
itself, and its serve may complete other threads' reads too. It lets go of the end (under
IO_LOCK) before it makes those completions (after IO_LOCK): meanwhile another thread can
start driving the end for its own read, already served but not yet completed. That thread
polls the socket and its eventfd only: whoever completes its read must poke it, as
``_finish`` does, or it waits forever (seen as a rare hang of the "reads and cancels take
every message once" stress tests). These tests stop the first thread right there, in
both of its ways to serve (polling, and blocked in the socket's recv).
"""

from __future__ import annotations

import socket
import threading
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import ERROR_IO_PENDING
from apartment.kernel import Overlapped, _piperequest, _pipeserve
from apartment.testing import wait_until_blocked

if TYPE_CHECKING:
    from apartment.kernel._piperequest import Done

pytestmark = pytest.mark.usefixtures("overlapped_runtime", "no_sweep")

_SAFETY = 10.0  # only a safety net: the steps are ordered by events


def _pending(server: kernel.PipeEnd) -> tuple[Overlapped, bytearray]:
    overlapped, buffer = Overlapped(), bytearray(16)
    assert server.read_into(buffer, overlapped).status == ERROR_IO_PENDING
    return overlapped, buffer


def _result_into(overlapped: Overlapped, into: list[int]) -> kernel.ThreadHandle:
    return kernel.start_thread(lambda: into.append(overlapped.result(wait=True)))


class _HeldFinish:
    """Stops the thread that makes a completion of ``other`` until ``go`` is set.

    It patches ``_pipeserve.finish``, which makes the completions a serve decided under
    IO_LOCK once the lock is let go of.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch, other: Overlapped) -> None:
        self.held = threading.Event()
        self.go = threading.Event()
        original = _piperequest.finish

        def finish(done: Done) -> None:
            if any(entry[0] is other for entry in done) and not self.held.is_set():
                self.held.set()
                assert self.go.wait(_SAFETY)
            original(done)

        monkeypatch.setattr(_pipeserve, "finish", finish)


def _second_reader_drives_then_let_go(
    server: kernel.PipeEnd, held: _HeldFinish, other: Overlapped
) -> tuple[kernel.ThreadHandle, list[int]]:
    """Once the first thread holds ``other``'s completion, a second thread waits for it."""
    assert held.held.wait(_SAFETY)
    got: list[int] = []
    second = _result_into(other, got)
    wait_until_blocked(second, on=other)  # it drives the end now (nobody else does)
    with kernel._ioservice.IO_LOCK:
        assert server._driving
    held.go.set()
    return second, got


def test_a_read_completed_after_its_server_let_go_wakes_the_thread_that_drives_now(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, client = overlapped_pair
    mine, my_buffer = _pending(server)
    other, other_buffer = _pending(server)  # queued after mine
    client.write(b"first")  # both in the socket: the first drive serves both reads at once
    client.write(b"second")
    held = _HeldFinish(monkeypatch, other)
    got: list[int] = []
    first = _result_into(mine, got)  # two reads queued: it polls (not blocked in recv)
    second, other_got = _second_reader_drives_then_let_go(server, held, other)
    assert first.wait(_SAFETY)
    assert second.wait(_SAFETY)  # (it hung: nobody poked it)
    assert (got, other_got) == ([5], [6])
    assert (bytes(my_buffer[:5]), bytes(other_buffer[:6])) == (b"first", b"second")


def test_a_read_completed_after_a_blocked_receive_let_go_wakes_the_thread_that_drives_now(
    overlapped_pair: tuple[kernel.PipeServer, kernel.PipeEnd], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, client = overlapped_pair
    mine, my_buffer = _pending(server)  # alone: its thread blocks in the socket's recv
    in_recv, go_on = threading.Event(), threading.Event()
    receive = socket.socket.recv_into
    blocked_thread: list[int] = []

    def recv_into(sock: socket.socket, *args: object, **kwargs: object) -> int:
        if len(args) == 1 and not kwargs and threading.get_ident() in blocked_thread:
            blocked_thread.clear()  # once: its first blocking receive waits for the writes
            in_recv.set()
            assert go_on.wait(_SAFETY)
        return receive(sock, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "recv_into", recv_into)
    got: list[int] = []

    def wait_for_mine() -> None:
        blocked_thread.append(threading.get_ident())
        got.append(mine.result(wait=True))

    first = kernel.start_thread(wait_for_mine)
    assert in_recv.wait(_SAFETY)
    other, other_buffer = _pending(server)  # queued behind the blocked read
    held = _HeldFinish(monkeypatch, other)
    client.write(b"first")  # both come in the blocked thread's one receive
    client.write(b"second")
    go_on.set()
    second, other_got = _second_reader_drives_then_let_go(server, held, other)
    assert first.wait(_SAFETY)
    assert second.wait(_SAFETY)  # (it hung: nobody poked it)
    assert (got, other_got) == ([5], [6])
    assert (bytes(my_buffer[:5]), bytes(other_buffer[:6])) == (b"first", b"second")
