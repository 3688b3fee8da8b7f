"""Pipe benchmarks: a round trip between two processes over an overlapped named pipe.

The peer is what a Python program would use instead: a ``multiprocessing.Pipe``. Each sample
starts a fresh echo process (spawned, so it holds no thread of ours), pinned as the placement
says; only the loop of round trips is timed. A round trip is one 64-byte message each way:
ours writes, then reads with an OVERLAPPED and waits for it (GetOverlappedResult), as pywin32
programs serving pipes do. One more echo process per case times single round trips, for the
p99 (a TAIL mark when it is over 3x their median).
"""

from __future__ import annotations

import multiprocessing
import os
import uuid
from contextlib import contextmanager
from typing import TYPE_CHECKING

from apartment.errors import ERROR_IO_PENDING, Win32Error
from apartment.kernel import (
    FILE_FLAG_OVERLAPPED,
    GENERIC_READ,
    GENERIC_WRITE,
    OPEN_EXISTING,
    PIPE_ACCESS_DUPLEX,
    PIPE_READMODE_MESSAGE,
    PIPE_TYPE_MESSAGE,
    Overlapped,
    create_named_pipe,
    open_file,
)

from ._harness import Benchmark, Case, Peer, Sessions

if TYPE_CHECKING:
    from collections.abc import Iterator
    from multiprocessing.connection import Connection

    from ._harness import Loop, Placement, Workload

__all__ = ["benchmarks"]

TARGET = 1.5
"""The issue's target: an overlapped pipe round trip costs at most 1.5x multiprocessing.Pipe's."""

MESSAGE = b"m" * 64
_CONTEXT = multiprocessing.get_context("spawn")


def _pin(cpu: int | None) -> None:
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})


def _pipe_echo(name: str, cpu: int | None, ready: Connection) -> None:
    """The partner process: serve one client, echoing each message, until it leaves."""
    _pin(cpu)
    server = create_named_pipe(
        name,
        PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED,
        PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE,
        1,
        0,
        0,
        0,
    )
    ready.send(True)
    server.connect()
    overlapped, buffer = Overlapped(), bytearray(len(MESSAGE))
    try:
        while True:
            status, count = server.read_into(buffer, overlapped)
            if status == ERROR_IO_PENDING:
                count = overlapped.result(wait=True)
            server.write(memoryview(buffer)[:count])
    except Win32Error:  # the client closed its end: the sample is over
        server.close()


def _mp_echo(conn: Connection, cpu: int | None) -> None:
    """The peer's partner process: echo until the other end closes."""
    _pin(cpu)
    try:
        while True:
            conn.send_bytes(conn.recv_bytes())
    except EOFError:
        conn.close()


def _partner_cpu(placement: Placement) -> int | None:
    return placement.cpus[1] if placement.cpus is not None else None


@contextmanager
def _overlapped_pipe(steps: int, placement: Placement) -> Iterator[Loop]:
    name = f"\\\\.\\pipe\\apartment-bench-{uuid.uuid4().hex}"
    ready, told = _CONTEXT.Pipe(duplex=False)
    child = _CONTEXT.Process(target=_pipe_echo, args=(name, _partner_cpu(placement), told))
    child.start()
    try:
        ready.recv()
        placement.pin(0)
        client = open_file(
            name, GENERIC_READ | GENERIC_WRITE, 0, OPEN_EXISTING, FILE_FLAG_OVERLAPPED
        )
        overlapped, buffer = Overlapped(), bytearray(len(MESSAGE))

        def loop(count: int) -> None:
            for _ in range(count):
                client.write(MESSAGE)
                status, _ = client.read_into(buffer, overlapped)
                if status == ERROR_IO_PENDING:
                    overlapped.result(wait=True)

        with client:
            yield loop
    finally:
        child.join(10)
        if child.is_alive():
            child.kill()


@contextmanager
def _multiprocessing_pipe(steps: int, placement: Placement) -> Iterator[Loop]:
    ours, theirs = _CONTEXT.Pipe()
    child = _CONTEXT.Process(target=_mp_echo, args=(theirs, _partner_cpu(placement)))
    child.start()
    theirs.close()
    try:
        placement.pin(0)

        def loop(count: int) -> None:
            for _ in range(count):
                ours.send_bytes(MESSAGE)
                ours.recv_bytes()

        yield loop
    finally:
        ours.close()
        child.join(10)
        if child.is_alive():
            child.kill()


def _start_the_io_thread() -> None:
    """Start this process's I/O thread now, before the harness counts the threads.

    It is a service thread that lives as long as the process (as the clock's does); a
    named pipe's listening socket is armed with it as the pipe is created.
    """
    create_named_pipe(
        f"\\\\.\\pipe\\apartment-bench-{uuid.uuid4().hex}", PIPE_ACCESS_DUPLEX, 0, 1, 0, 0, 0
    ).close()


def benchmarks() -> list[Benchmark]:
    """The pipe benchmarks: ours against multiprocessing.Pipe, in each placement."""
    _start_the_io_thread()
    workload: Workload = Sessions(_overlapped_pipe)
    peer: Workload = Sessions(_multiprocessing_pipe)
    return [
        Benchmark(
            "overlapped pipe round trip (2 processes)",
            Case("apartment named pipe", workload),
            [Peer(Case("multiprocessing.Pipe", peer), TARGET)],
        )
    ]
