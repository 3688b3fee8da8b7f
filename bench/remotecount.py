"""Count what one out-of-process call costs each side: switches, CPU, system calls, threads.

``remote.local server call`` (bench/remote.py) compares wall-clock round trips with a
``multiprocessing.Pipe`` echo; on this shared 2-CPU VM those drift with the other load, and
unpinned they are bimodal for every peer (the scheduler keeps both processes on one CPU, or
not). What one call costs each process does not drift: this runs ``CALLS`` calls of each
case after a warm-up and prints, per call and per side (client, server), the context
switches (voluntary + involuntary, from ``/proc/<pid>/task/<tid>/status``), the CPU time
(``/proc/<pid>/task/<tid>/schedstat``), how many threads ran, and with ``--syscalls`` the
system calls by name (``perf stat`` on the syscall tracepoints of both processes, if perf may
read them). Cases: the Pipe echo, an MTA caller of a Free object, an STA caller of an object
in the server's STA (the benchmark's three)::

    PYTHONPATH=src python -m bench.remotecount                   # one CPU, 20 000 calls
    PYTHONPATH=src python -m bench.remotecount --place cross     # client and server apart
    PYTHONPATH=src python -m bench.remotecount --syscalls        # and the system calls

``--place same`` pins both processes (every thread) to one CPU, ``cross`` the client to one
and the server to another, ``free`` pins nothing. Linux only.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from typing import TYPE_CHECKING, Any

from apartment import com
from apartment.testing import wait_for_exit

from .remote import _SPAWN, _echo, _pid_of, _place

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = ["main"]

CALLS = 20000
WARMUP = 2000
_SYSCALLS = ("recvmsg", "sendto", "poll", "read", "write", "futex", "epoll_wait", "ppoll")


def _threads(pid: int) -> dict[int, tuple[int, int]]:
    """Each thread of ``pid``: (context switches so far, CPU nanoseconds so far)."""
    found: dict[int, tuple[int, int]] = {}
    with contextlib.suppress(FileNotFoundError):
        for name in os.listdir(f"/proc/{pid}/task"):
            switches = 0
            try:
                with open(f"/proc/{pid}/task/{name}/status") as status:
                    for line in status:
                        if line.startswith(("voluntary_ctxt", "nonvoluntary_ctxt")):
                            switches += int(line.split(":")[1])
                with open(f"/proc/{pid}/task/{name}/schedstat") as schedstat:
                    cpu = int(schedstat.read().split()[0])
            except FileNotFoundError:  # the thread ended meanwhile
                continue
            found[int(name)] = (switches, cpu)
    return found


def _pin(pid: int, cpu: int) -> None:
    """Pin every thread of ``pid`` to ``cpu`` (sched_setaffinity takes a thread id)."""
    for tid in _threads(pid):
        with contextlib.suppress(ProcessLookupError):
            os.sched_setaffinity(tid, {cpu})


def _side(before: dict[int, tuple[int, int]], after: dict[int, tuple[int, int]], n: int) -> str:
    switches = cpu = ran = 0
    for tid, (s1, c1) in after.items():
        s0, c0 = before.get(tid, (0, 0))
        if s1 != s0 or c1 != c0:
            ran += 1
        switches += s1 - s0
        cpu += c1 - c0
    return f"{switches / n:5.2f} switches {cpu / n / 1000:6.1f} us CPU {ran} thread(s)"


@contextlib.contextmanager
def _perf(pids: dict[int, str], counts: dict[str, dict[str, int]]) -> Iterator[None]:
    """Count the system calls of ``pids`` (name by pid) meanwhile into ``counts``."""
    events = ",".join(f"syscalls:sys_enter_{name}" for name in _SYSCALLS)
    command = ["perf", "stat", "-x,", "--per-thread", "-e", events]
    command += ["-p", ",".join(map(str, pids))]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)  # perf attaches
    try:
        yield
    finally:
        process.send_signal(signal.SIGINT)
        _, output = process.communicate()
        tids = {tid: side for pid, side in pids.items() for tid in _threads(pid)}
        for line in output.splitlines():
            fields = line.split(",")
            if len(fields) > 3 and fields[1].isdigit():
                tid = int(fields[0].rsplit("-", 1)[-1])
                name = fields[3].removeprefix("syscalls:sys_enter_")
                side = counts.setdefault(tids.get(tid, "?"), {})
                side[name] = side.get(name, 0) + int(fields[1])


def _measure(
    label: str, call: Callable[[], object], client: int, server: int, n: int, syscalls: bool
) -> None:
    for _ in range(WARMUP):
        call()
    counts: dict[str, dict[str, int]] = {}
    with _perf({client: "client", server: "server"}, counts) if syscalls else _nothing():
        c0, s0 = _threads(client), _threads(server)
        start = time.perf_counter()
        for _ in range(n):
            call()
        elapsed = time.perf_counter() - start
        c1, s1 = _threads(client), _threads(server)
    print(f"{label}: {elapsed / n * 1e6:.1f} us/call (wall, context only)")
    print(f"  client  {_side(c0, c1, n)}")
    print(f"  server  {_side(s0, s1, n)}")
    for side in ("client", "server"):
        named = counts.get(side, {})
        if named:
            text = "  ".join(f"{k} {v / n:.2f}" for k, v in sorted(named.items()) if v)
            print(f"  {side} system calls per call: {text}")


@contextlib.contextmanager
def _nothing() -> Iterator[None]:
    yield


def _placement(place: str) -> tuple[int | None, int | None]:
    """(the client's CPU, the server's CPU) for ``place``; None: unpinned."""
    cpus = sorted(os.sched_getaffinity(0))
    if place == "same":
        return cpus[0], cpus[0]
    if place == "cross":
        if len(cpus) < 2:
            sys.exit("remotecount: --place cross needs two CPUs")
        return cpus[0], cpus[1]
    return None, None


def _pipe(n: int, server_cpu: int | None, syscalls: bool) -> None:
    mine, theirs = _SPAWN.Pipe()
    process = _SPAWN.Process(target=_echo, args=(theirs,), daemon=True)
    process.start()
    assert process.pid is not None
    if server_cpu is not None:
        _pin(process.pid, server_cpu)

    def call() -> object:
        mine.send(1)
        return mine.recv()

    try:
        _measure("multiprocessing.Pipe echo", call, os.getpid(), process.pid, n, syscalls)
    finally:
        mine.send(None)
        process.join()
        mine.close()


def _adder(client: Any) -> Callable[[], object]:  # noqa: ANN401 - a late-bound client
    add_one = client.add_one
    return lambda: add_one(1)


def _local_server(
    progid: str, multithreaded: bool, n: int, server_cpu: int | None, syscalls: bool
) -> None:
    _place()
    com.initialize(multithreaded)
    try:
        pointer: Any = com.create_object(progid, com.CLSCTX_LOCAL_SERVER)
        pid = _pid_of(pointer)
        if server_cpu is not None:
            _pin(pid, server_cpu)
        client = com.DispatchClient(pointer)
        kind = "MTA caller, Free object" if multithreaded else "STA caller, server's STA"
        _measure(f"local server, {kind}", _adder(client), os.getpid(), pid, n, syscalls)
        del client, pointer
    finally:
        com.uninitialize()
    wait_for_exit(pid)  # linger 0: it quits once its object is released
    for thread in threading.enumerate():
        if thread.name.startswith(f"apartment-remote-{pid}"):
            thread.join(10)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.remotecount", description=__doc__)
    parser.add_argument("--calls", type=int, default=CALLS, help="calls counted per case")
    parser.add_argument("--place", choices=("same", "cross", "free"), default="same")
    parser.add_argument("--syscalls", action="store_true", help="count system calls (perf)")
    options = parser.parse_args(argv)
    syscalls = options.syscalls
    if syscalls and shutil.which("perf") is None:
        print("note: perf is not installed: no system call counts", file=sys.stderr)
        syscalls = False
    mine, theirs = _placement(options.place)
    if mine is not None:  # first: the servers started from here inherit it, then move
        os.sched_setaffinity(0, {mine})
    n = options.calls
    print(f"{n} calls per case, placement {options.place}")
    _pipe(n, theirs, syscalls)
    _local_server("ApartmentBench.FreeRemoteCalc", True, n, theirs, syscalls)
    _local_server("ApartmentBench.RemoteCalc", False, n, theirs, syscalls)


if __name__ == "__main__":
    main()
