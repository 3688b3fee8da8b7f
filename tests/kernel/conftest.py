"""Fixtures shared by the kernel's tests of reads on overlapped pipes (lazy reads, driven
waits): a module that uses them marks itself with ``usefixtures("overlapped_runtime")``."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.kernel import (
    FILE_FLAG_OVERLAPPED,
    GENERIC_READ,
    GENERIC_WRITE,
    PIPE_ACCESS_DUPLEX,
    PIPE_READMODE_MESSAGE,
    PIPE_TYPE_MESSAGE,
    _ioservice,
    open_file,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

__all__ = ["BIG", "MESSAGE", "no_sweep", "overlapped_pair", "overlapped_runtime"]

MESSAGE = PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE
BIG = 8 << 20  # more than a socket buffer holds: the writer waits for the reader


@pytest.fixture
def overlapped_runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A runtime directory of the test's own (its pipes' names live there)."""
    monkeypatch.setenv("APARTMENT_RUNTIME_DIR", str(tmp_path / "runtime"))
    return tmp_path


@pytest.fixture
def no_sweep(monkeypatch: pytest.MonkeyPatch) -> None:
    """Take the I/O thread's sweep out: only the rule under test can get the read done."""
    monkeypatch.setattr(_ioservice, "SWEEP_DELAY", 3600.0)


@pytest.fixture
def overlapped_pair(overlapped_runtime: Path) -> Iterator[tuple[kernel.PipeServer, kernel.PipeEnd]]:
    """An overlapped message-mode pipe's server end and a client end, connected."""
    name = "\\\\.\\pipe\\overlapped-test-" + uuid.uuid4().hex
    server = kernel.create_named_pipe(
        name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, MESSAGE, 1, 0, 0, 0
    )
    client = open_file(name, GENERIC_READ | GENERIC_WRITE, 0, kernel.OPEN_EXISTING, 0)
    assert isinstance(client, kernel.PipeEnd)
    yield server, client
    client.close()
    server.close()
