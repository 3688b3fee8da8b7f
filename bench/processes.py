"""Benchmarks of objects shared by processes (issue 12): named objects against local ones.

* An uncontended named mutex against the same unnamed one (target 1.5): its operations stay
  in the calling process (the session lock, a few words of shared memory).
* A named-event ping-pong between two processes against ``multiprocessing.Event`` (target
  1.5): a wake-up crosses processes.
* Both again with 10,000 named objects alive and 64 processes attached to the session: the
  crowd must not slow an operation down.
* Beside the named mutex, two bare ioctls: the floor of the same operation through
  /dev/ntsync, which this library does not use (docs/design.md, "/dev/ntsync").

A partner process is forked for each sample (the ``fork`` start method for ours and the
peer alike), pinned where the placement puts the partner thread, and told by a pipe when to
start; only the main process's loop is timed. One more partner per case times single round
trips, for the p99 (a TAIL mark when it is over 3x their median).
"""

from __future__ import annotations

import atexit
import fcntl
import itertools
import multiprocessing
import multiprocessing.synchronize
import os
import signal
import termios
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from apartment.kernel import Event, Mutex, create_named

from ._harness import Benchmark, Case, Peer, Sessions, one_thread, warmup

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from ._harness import Loop, Placement, Workload

__all__ = ["benchmarks"]

TARGET = 1.5
"""The issue's target: a named object against the unnamed one, a cross-process wake-up
against multiprocessing.Event."""

CROWD_OBJECTS = 10_000
CROWD_PROCESSES = 64

_S = TypeVar("_S")
_names = itertools.count()
_context = multiprocessing.get_context("fork")


def _name(what: str) -> str:
    return f"bench-{os.getpid()}-{what}-{next(_names)}"


# -- the uncontended mutex ---------------------------------------------------------------------


def _mutex_loop(mutex: Mutex) -> Loop:
    def loop(n: int) -> None:
        wait, release = mutex.wait, mutex.release
        for _ in range(n):
            wait()
            release()

    return loop


def _named_mutex() -> Loop:
    mutex, _ = create_named(Mutex, _name("mutex"))
    return _mutex_loop(mutex)


def _unnamed_mutex() -> Loop:
    return _mutex_loop(Mutex())


def _two_ioctls() -> Loop:
    """The floor of a mutex's wait + release through /dev/ntsync: two ioctls from Python.

    ``FIONREAD`` on a pipe is about the cheapest ioctl there is; an ntsync wait and unlock
    would each be one ioctl with an argument block (docs/design.md, "/dev/ntsync").
    """
    read_end, write_end = os.pipe()
    buffer = bytearray(4)
    _pipes.extend((read_end, write_end))

    def loop(n: int) -> None:
        ioctl = fcntl.ioctl
        for _ in range(n):
            ioctl(read_end, termios.FIONREAD, buffer)
            ioctl(read_end, termios.FIONREAD, buffer)

    return loop


_pipes: list[int] = []


@atexit.register
def _close_pipes() -> None:
    for fd in _pipes:
        os.close(fd)
    _pipes.clear()


# -- ping-pong between two processes -----------------------------------------------------------


def two_processes(
    setup: Callable[[], tuple[Callable[[int], None], Callable[[int], None]]],
) -> Workload:
    """Build a cross-process workload from ``setup() -> (main_loop, partner_loop)``.

    The partner loop runs ``warmup + n`` steps in a forked process pinned to the partner's
    CPU; the main loop runs ``warmup`` untimed, then ``n`` timed. The p99 of single steps is
    reported too (``Sessions``).
    """

    @contextmanager
    def session(steps: int, placement: Placement) -> Iterator[Loop]:
        main_loop, partner_loop = setup()
        go_read, go_write = _context.Pipe(duplex=False)

        def partner() -> None:
            placement.pin(1)
            go_read.recv()
            partner_loop(warmup(steps) + steps)

        process = _context.Process(target=partner, daemon=True)
        process.start()
        placement.pin(0)
        go_write.send(True)
        try:
            yield main_loop
        finally:
            process.join(30)
            if process.is_alive():
                process.kill()
                process.join()
        if process.exitcode != 0:
            raise RuntimeError(f"the partner process failed ({process.exitcode})")

    return Sessions(session)


def _named_event_ping_pong() -> tuple[Callable[[int], None], Callable[[int], None]]:
    ping, _ = create_named(Event, _name("ping"))
    pong, _ = create_named(Event, _name("pong"))

    def main(n: int) -> None:
        for _ in range(n):
            ping.set()
            pong.wait()

    def partner(n: int) -> None:
        for _ in range(n):
            ping.wait()
            pong.set()

    return main, partner


def _multiprocessing_ping_pong() -> tuple[Callable[[int], None], Callable[[int], None]]:
    ping, pong = _context.Event(), _context.Event()

    def main(n: int) -> None:
        for _ in range(n):
            ping.set()
            pong.wait()
            pong.clear()

    def partner(n: int) -> None:
        for _ in range(n):
            ping.wait()
            ping.clear()
            pong.set()

    return main, partner


# -- the crowd ---------------------------------------------------------------------------------


_crowd: list[Any] = []


def _attach_and_sleep(names: list[str], ready: multiprocessing.synchronize.Semaphore) -> None:
    held = [create_named(Event, name)[0] for name in names]
    ready.release()
    signal.pause()
    del held


def _gather_crowd() -> None:
    """Make 10,000 named objects alive and 64 other processes attached (once per run)."""
    if _crowd:
        return
    names = [_name(f"crowd{index}") for index in range(CROWD_OBJECTS)]
    _crowd.append([create_named(Event, name)[0] for name in names])
    ready = _context.Semaphore(0)
    share = CROWD_OBJECTS // CROWD_PROCESSES
    for index in range(CROWD_PROCESSES):
        mine = names[index * share : (index + 1) * share]
        process = _context.Process(target=_attach_and_sleep, args=(mine, ready), daemon=True)
        process.start()
        _crowd.append(process)
    for _ in range(CROWD_PROCESSES):
        ready.acquire()


@atexit.register
def _dismiss_crowd() -> None:
    for process in _crowd[1:]:
        process.kill()
        process.join()
    _crowd.clear()


def _crowded(setup: Callable[[], _S]) -> Callable[[], _S]:
    def crowded_setup() -> _S:
        _gather_crowd()
        return setup()

    return crowded_setup


# -- the suite ---------------------------------------------------------------------------------


def benchmarks() -> list[Benchmark]:
    """Return the benchmarks of objects shared by processes."""
    unnamed = Case("apartment Mutex", one_thread(_unnamed_mutex, latencies=True))
    multiprocessing_event = Case("multiprocessing.Event", two_processes(_multiprocessing_ping_pong))
    return [
        Benchmark(
            "named Mutex wait+release",
            Case("named Mutex", one_thread(_named_mutex, latencies=True)),
            [
                Peer(unnamed, TARGET),
                Peer(Case("two ioctls (ntsync's floor)", one_thread(_two_ioctls))),
            ],
            threads=1,
        ),
        Benchmark(
            "named event ping-pong between processes",
            Case("named Event", two_processes(_named_event_ping_pong)),
            [Peer(multiprocessing_event, TARGET)],
        ),
        Benchmark(
            "named Mutex wait+release, 10,000 names, 64 processes",
            Case("named Mutex", one_thread(_crowded(_named_mutex), latencies=True)),
            [Peer(unnamed, TARGET)],
            threads=1,
        ),
        Benchmark(
            "named event ping-pong, 10,000 names, 64 processes",
            Case("named Event", two_processes(_crowded(_named_event_ping_pong))),
            [Peer(multiprocessing_event, TARGET)],
        ),
    ]
