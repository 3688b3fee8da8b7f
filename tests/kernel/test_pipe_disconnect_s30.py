"""DisconnectNamedPipe discards what the client has not read, but for a read already pending.

On Windows a read pending at the client takes a message the moment it is written, and a
TransactNamedPipe's read is pending from the moment its message goes out; only what is left in
the pipe is discarded. Here a client sees the data and the disconnect notice when it next looks,
so the read that starts then decides: a plain ReadFile finds nothing (ERROR_PIPE_NOT_CONNECTED),
a transaction's read takes its reply.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import ERROR_PIPE_NOT_CONNECTED, Win32Error
from apartment.kernel import (
    GENERIC_READ,
    GENERIC_WRITE,
    PIPE_ACCESS_DUPLEX,
    PIPE_READMODE_MESSAGE,
    PIPE_TYPE_MESSAGE,
    open_file,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

MESSAGE = PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE


@pytest.fixture(autouse=True)
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("APARTMENT_RUNTIME_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture
def pair() -> Iterator[tuple[kernel.PipeServer, kernel.PipeEnd]]:
    name = "\\\\.\\pipe\\kernel-s30-" + uuid.uuid4().hex
    server = kernel.create_named_pipe(name, PIPE_ACCESS_DUPLEX, MESSAGE, 1, 0, 0, 0)
    client = open_file(name, GENERIC_READ | GENERIC_WRITE)
    assert isinstance(client, kernel.PipeEnd)
    client.set_mode(PIPE_READMODE_MESSAGE)
    yield server, client
    client.close()
    server.close()


def test_a_read_that_starts_after_the_disconnect_finds_nothing(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = pair
    server.write(b"unread")
    server.disconnect()
    with pytest.raises(Win32Error) as caught:
        client.read_into(bytearray(10))
    assert caught.value.winerror == ERROR_PIPE_NOT_CONNECTED


def test_a_transactions_read_keeps_a_reply_that_came_before_the_disconnect(
    pair: tuple[kernel.PipeServer, kernel.PipeEnd],
) -> None:
    server, client = pair
    server.write(b"reply")  # as if the server answered and disconnected before the client
    server.disconnect()  # got to the read of its TransactNamedPipe
    buffer = bytearray(10)
    assert tuple(client.read_into(buffer, transacting=True)) == (0, 5)
    assert bytes(buffer[:5]) == b"reply"
    with pytest.raises(Win32Error) as caught:
        client.read_into(buffer)
    assert caught.value.winerror == ERROR_PIPE_NOT_CONNECTED
