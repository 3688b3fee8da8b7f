"""Count the Python work of the overlapped pipe round trip: calls and bytecodes per side.

The pipe benchmark's wall-clock ratio (issue 12) drifts with the machine's load; the Python
work each side does per round trip does not. Each side runs what ``bench.pipes`` times: the
client writes 64 bytes, reads with an OVERLAPPED and waits for it (GetOverlappedResult); the
echo process reads the same way and writes the message back. Run it before and after a cut::

    PYTHONPATH=src python -m bench.pipecount         # per side: calls and bytecodes
    PYTHONPATH=src python -m bench.pipecount -v      # and the functions that ran, by count

The mean mixes the paths a round trip can take (a read that finds its data there is ~220
bytecodes shorter than one that pends), and how often each is taken drifts with the timing.
The ``path`` column is the most common count of one round trip and the share of round trips
that made it: the count of the usual path (a read that pends, then GetOverlappedResult),
which does not drift.
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import sys
import threading
import uuid
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

from .callcount import Counter

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

__all__ = ["main"]

MESSAGE = b"m" * 64
WARMUP = 300
CALLS = 2000
_CONTEXT = multiprocessing.get_context("spawn")


def _echo(name: str, ready: Connection, report: Connection) -> None:
    """The echo process: count its work for round trips WARMUP to WARMUP + CALLS."""
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
    gate = threading.Event()
    counter = Counter(gate)
    overlapped, buffer = Overlapped(), bytearray(len(MESSAGE))
    done = 0
    paths: collections.Counter[int] = collections.Counter()
    try:
        while True:
            if done == WARMUP:
                counter.install()
                gate.set()
            elif done == WARMUP + CALLS:
                gate.clear()
                sys.settrace(None)
            before = counter.opcodes  # (this frame is not traced: it began before install())
            status, count = server.read_into(buffer, overlapped)
            if status == ERROR_IO_PENDING:
                count = overlapped.result(wait=True)
            server.write(memoryview(buffer)[:count])
            paths[counter.opcodes - before] += 1
            done += 1
    except Win32Error:  # the client closed its end
        server.close()
    del paths[0]  # (the round trips before and after the counted ones)
    path = paths.most_common(1)[0]
    report.send((counter.calls, counter.opcodes, path, counter.bytecodes.most_common(20)))


def main() -> None:
    """Print calls and bytecodes per round trip for the client and the echo process."""
    parser = argparse.ArgumentParser(prog="python -m bench.pipecount", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="list functions by count")
    verbose = parser.parse_args().verbose
    name = f"\\\\.\\pipe\\apartment-count-{uuid.uuid4().hex}"
    ready, told = _CONTEXT.Pipe(duplex=False)
    report, reporter = _CONTEXT.Pipe(duplex=False)
    child = _CONTEXT.Process(target=_echo, args=(name, told, reporter))
    child.start()
    ready.recv()
    client = open_file(name, GENERIC_READ | GENERIC_WRITE, 0, OPEN_EXISTING, FILE_FLAG_OVERLAPPED)
    overlapped, buffer = Overlapped(), bytearray(len(MESSAGE))

    paths: collections.Counter[int] = collections.Counter()

    def round_trip() -> None:
        client.write(MESSAGE)
        status, _ = client.read_into(buffer, overlapped)
        if status == ERROR_IO_PENDING:
            overlapped.result(wait=True)

    for _ in range(WARMUP):
        round_trip()
    gate = threading.Event()
    counter = Counter(gate)
    counter.install()
    gate.set()
    for _ in range(CALLS):  # (this frame is not traced: it began before install())
        before = counter.opcodes
        round_trip()
        paths[counter.opcodes - before] += 1
    gate.clear()
    sys.settrace(None)
    for _ in range(10):  # past the echo's counted ones
        round_trip()
    client.close()
    calls, opcodes, (echo_path, echo_share), functions = report.recv()
    child.join(10)
    path, share = paths.most_common(1)[0]
    print(f"{'side':<8} {'calls':>7} {'bytecodes':>9}  path (share)")
    print(
        f"{'client':<8} {counter.calls / CALLS:>7.1f} {counter.opcodes / CALLS:>9.1f}"
        f"  {path} ({share / CALLS:.0%})"
    )
    print(
        f"{'echo':<8} {calls / CALLS:>7.1f} {opcodes / CALLS:>9.1f}"
        f"  {echo_path} ({echo_share / CALLS:.0%})"
    )
    if verbose:
        for side, top in (("client", counter.bytecodes.most_common(20)), ("echo", functions)):
            for function, count in top:
                print(f"    {side} {count / CALLS:6.1f} ops  {function}")


if __name__ == "__main__":
    main()
