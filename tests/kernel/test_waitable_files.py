"""File objects as kernel objects: a file or pipe end is signaled while none of its I/O pends.

The contract file (tests/contract/test_waitable_files.py) pins what Windows shows through
win32event; these pin the core's side: every kind of file is a kernel-object kind, the
state a pipe end's operations leave, waits of every shape on it, and the rules only this
implementation needs (a wait on an end hands its unarmed read to the I/O thread).
"""

from __future__ import annotations

import asyncio
import threading
import uuid
from typing import TYPE_CHECKING

import pytest

from apartment import kernel, messages
from apartment.errors import (
    ERROR_IO_PENDING,
    ERROR_OPERATION_ABORTED,
    ERROR_PIPE_LISTENING,
    Win32Error,
)
from apartment.kernel import (
    FILE_FLAG_OVERLAPPED,
    GENERIC_READ,
    GENERIC_WRITE,
    PIPE_ACCESS_DUPLEX,
    Event,
    File,
    Overlapped,
    Waitable,
    open_file,
)
from apartment.kernel._comm import CommPort
from apartment.kernel._core import KERNEL_LOCK, UNARMED
from apartment.kernel._diskfile import DiskFile
from apartment.kernel._hoststream import HostDevice, HostPipe
from apartment.kernel._mailslot import Mailslot, MailslotClient
from apartment.testing import wait_until_blocked

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = pytest.mark.usefixtures("overlapped_runtime")

SAFETY = 10.0  # seconds: a safety net only, nothing waits for it to pass
RW = GENERIC_READ | GENERIC_WRITE


@pytest.fixture
def name() -> str:
    return "\\\\.\\pipe\\waitable-test-" + uuid.uuid4().hex


def _server(name: str) -> kernel.PipeServer:
    return kernel.create_named_pipe(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, 0, 1, 0, 0, 0)


@pytest.fixture
def pair(name: str) -> Iterator[tuple[kernel.PipeServer, kernel.PipeEnd]]:
    """An overlapped byte pipe: (server end, overlapped client end), connected."""
    server = _server(name)
    client = open_file(name, RW, 0, kernel.OPEN_EXISTING, FILE_FLAG_OVERLAPPED)
    assert isinstance(client, kernel.PipeEnd)
    yield server, client
    client.close()
    server.close()


def _pending_read(end: File, event: Event | None = None) -> Overlapped:
    overlapped = Overlapped(event=event)
    assert end.read_into(bytearray(16), overlapped).status == ERROR_IO_PENDING
    return overlapped


@pytest.mark.parametrize(
    "kind",
    [
        File,
        DiskFile,
        kernel.PipeEnd,
        kernel.PipeServer,
        Mailslot,
        MailslotClient,
        CommPort,
        HostPipe,
        HostDevice,
    ],
)
def test_every_kind_of_file_is_a_kernel_object_kind(kind: type[File]) -> None:
    assert issubclass(kind, Waitable)
    assert kind in Waitable.kinds
    assert kind not in Waitable.shared_kinds


def test_new_files_and_pipe_ends_are_signaled(tmp_path: Path, name: str) -> None:
    disk = open_file(str(tmp_path / "f"), RW, 0, kernel.CREATE_ALWAYS, 0)
    server = _server(name)
    read, write = kernel.create_pipe()
    try:
        for file in (disk, server, read, write):
            assert file.wait(0), file
        assert kernel.wait_all([disk, server, read, write], 0)
        assert kernel.wait_any([server, disk], 0) == (0, False, False)
    finally:
        for file in (disk, server, read, write):
            file.close()


def test_a_wait_on_a_file_has_no_side_effect(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, _ = pair
    assert server.wait(0)
    assert server.wait(0)  # still signaled: a wait takes nothing


def test_a_pending_read_unsignals_its_end_until_it_completes(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = pair
    overlapped = _pending_read(server)
    assert server.wait(0) is None
    assert client.wait(0)  # its own I/O only
    client.write(b"hello")
    assert server.wait(SAFETY)
    assert overlapped.result() == 5


@pytest.mark.usefixtures("no_sweep")
def test_a_wait_on_the_end_gets_its_unarmed_read_done(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    """An overlapped read is left to its thread; a wait on the end must see it through too.

    No sweep of the I/O thread: only the wait on the end can get the read served.
    """
    server, client = pair
    overlapped = _pending_read(server)
    client.write(b"x")
    assert server.wait(SAFETY)
    assert not overlapped.pending


@pytest.mark.usefixtures("no_sweep")
def test_a_wait_on_the_end_from_another_thread_gets_its_unarmed_read_done(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = pair
    overlapped = _pending_read(server)
    results: list[object] = []
    waiter = threading.Thread(target=lambda: results.append(kernel.wait_any([server], SAFETY)))
    waiter.start()
    client.write(b"x")
    waiter.join(SAFETY)
    assert results == [(0, False, False)]
    assert overlapped.result() == 1


@pytest.mark.usefixtures("no_sweep")
def test_a_wait_on_the_end_gets_its_unarmed_read_done_after_another_read_ended(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    """Two reads pend on the end; one ends first, with an event, so the end stays nonsignaled.

    A wait on the end must still see the other, unarmed, through: the end's arm is its
    own (``_core.IO_OWNERS``), not one the first read's end could take away with it. No
    sweep: only the wait can get the read served.
    """
    server, client = pair
    mine = _pending_read(server)
    theirs: list[Overlapped] = []

    def read_and_cancel() -> None:
        theirs.append(_pending_read(server, Event(manual_reset=True)))
        server.cancel_io()  # its own thread's read only

    helper = kernel.start_thread(read_and_cancel)
    assert helper.wait(SAFETY)
    assert theirs[0].event is not None
    assert theirs[0].event.wait(0)  # ended: its event is set, not the end
    assert server.wait(0) is None
    client.write(b"x")
    assert server.wait(SAFETY)
    assert mine.result() == 1


def test_a_read_with_an_event_sets_it_and_leaves_its_end_nonsignaled(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = pair
    event = Event(manual_reset=True)
    overlapped = _pending_read(server, event)
    client.write(b"x")
    assert event.wait(SAFETY)
    assert overlapped.result() == 1
    assert server.wait(0) is None
    assert client.write(b"y", Overlapped()).status == 0  # done at once, no event: no change
    assert server.read_into(bytearray(4), Overlapped()).status == 0  # done at once, no event
    assert server.wait(0)


def test_a_read_done_at_once_with_an_event_leaves_its_end_nonsignaled(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = pair
    client.write(b"x")
    event = Event(manual_reset=True)
    assert server.read_into(bytearray(4), Overlapped(event=event)).status == 0
    assert event.wait(0)
    assert server.wait(0) is None


def test_a_refused_read_leaves_its_end_signaled(name: str) -> None:
    """Wine refuses it before the request is queued (``queue_async`` clears the state)."""
    server = _server(name)
    try:
        with pytest.raises(Win32Error) as raised:
            server.read_into(bytearray(4), Overlapped())
        assert raised.value.winerror == ERROR_PIPE_LISTENING
        assert server.wait(0)
    finally:
        server.close()


def test_a_cancelled_read_signals_its_end(pair: tuple[kernel.PipeServer, kernel.PipeEnd]) -> None:
    server, _ = pair
    overlapped = _pending_read(server)
    server.cancel_io()
    assert server.wait(0)
    assert overlapped.status == ERROR_OPERATION_ABORTED


def test_a_read_that_fails_as_the_other_end_closes_signals_its_end(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = pair
    overlapped = _pending_read(server)
    client.close()
    assert server.wait(SAFETY)
    assert overlapped.status != 0


def test_an_overlapped_connect_unsignals_the_end_until_a_client_comes(name: str) -> None:
    server = _server(name)
    try:
        overlapped = Overlapped()
        assert server.connect(overlapped) == ERROR_IO_PENDING
        assert server.wait(0) is None
        client = open_file(name, RW, 0, kernel.OPEN_EXISTING, 0)
        assert server.wait(SAFETY)
        assert overlapped.result() == 0
        client.close()
    finally:
        server.close()


def test_a_synchronous_connect_unsignals_the_end_while_it_waits(name: str) -> None:
    server = kernel.create_named_pipe(name, PIPE_ACCESS_DUPLEX, 0, 1, 0, 0, 0)
    try:
        listener = threading.Thread(target=server.connect)
        listener.start()
        wait_until_blocked(listener)
        assert server.wait(0) is None
        client = open_file(name, RW, 0, kernel.OPEN_EXISTING, 0)
        listener.join(SAFETY)
        assert server.wait(0)
        client.close()
    finally:
        server.close()


def test_a_wait_for_any_mixes_files_with_other_objects(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = pair
    event = Event(manual_reset=True)
    overlapped = _pending_read(server)
    assert kernel.wait_any([server, event], 0) is None
    assert kernel.wait_all([client, server], 0) is None
    event.set()
    assert kernel.wait_any([server, event, client], 0) == (1, False, False)
    client.write(b"x")
    assert kernel.wait_all([server, client, event], SAFETY) == (0, False, False)
    assert overlapped.result() == 1


def test_a_message_wait_takes_files(pair: tuple[kernel.PipeServer, kernel.PipeEnd]) -> None:
    server, client = pair
    _pending_read(server)
    assert messages.msg_wait_any([server, client], 0, 0) == (1, False, False)
    server.cancel_io()


def test_the_asyncio_bridge_waits_on_files(pair: tuple[kernel.PipeServer, kernel.PipeEnd]) -> None:
    server, client = pair
    overlapped = _pending_read(server)

    async def main() -> object:
        waiting = asyncio.ensure_future(messages.wait_async(server, SAFETY))
        await asyncio.sleep(0)  # the wait is registered before the data is sent
        client.write(b"x")
        return await waiting

    assert asyncio.run(main())
    assert overlapped.result() == 1


def test_a_signal_and_wait_may_wait_on_a_file_but_not_signal_one(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, _ = pair
    event = Event()
    assert kernel.signal_and_wait(event, server, 0)
    assert event.wait(0)
    with pytest.raises(Win32Error):
        kernel.signal_and_wait(server, event, 0)


@pytest.mark.parametrize("how", ["wait", "poll"])
def test_a_completed_read_leaves_no_arm_behind_for_its_end(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd], how: str
) -> None:
    """However its Overlapped's arm was taken (a wait on it, a poll), its end's goes too.

    A stale arm would keep the end alive and every wait on the slower path that arms.
    """
    server, client = pair
    overlapped = _pending_read(server)
    if how == "poll":
        assert overlapped.pending  # a poll hands the read to the I/O thread
    client.write(b"x")
    assert overlapped.wait(SAFETY)
    with KERNEL_LOCK:
        assert server not in UNARMED
        assert overlapped not in UNARMED
