"""Calls into another process: local COM servers against the peers a user would pick.

Ours: a class registered for CLSCTX_LOCAL_SERVER, activated in a server process started on
demand (``python -m apartment serve``), called through a late-bound client. The server lives
across the samples of a placement (``resident``); it is started from the partner thread, so
it inherits that thread's CPU (the partner's role). The peers are servers in a process of
their own, started the same way:

* ``multiprocessing.Pipe`` echo: the floor of a Python round trip between two processes
  (target: ours at most 1.0x);
* a Pyro5 proxy call and an RPyC call over Unix sockets (bench extra; target: ours at most
  0.25x each).

Two activations are reported too (no peer sets a target): a new server process each time,
against starting a bare interpreter; and a new object in a running server, against opening
a Pyro5 proxy.

Every server gets its own class registry and runtime directory under a temporary directory
of this run, and a linger of 0: a server quits as soon as its last object is released.

The package is compiled first (its ``.pyc`` files, as pip writes them at install): where
``PYTHONDONTWRITEBYTECODE`` is set and the source tree has none (this VM), every server process
compiled the ~360 modules it imports again, 0.45 s of CPU against 0.12 s from ``.pyc`` files,
and a new server's activation timed the compiler.
"""

from __future__ import annotations

import compileall
import contextlib
import functools
import importlib.util
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from typing import TYPE_CHECKING, Any

import apartment
from apartment import com
from apartment.testing import wait_for_exit

from ._harness import Benchmark, Case, Peer, Server, check_answer, resident, scratch_dir, timed
from ._remote_server import FreeRemoteCalc, RemoteCalc

if TYPE_CHECKING:
    from collections.abc import Callable
    from multiprocessing.connection import Connection

    from ._harness import Placement

__all__ = ["benchmarks"]

PIPE_TARGET = 1.0
RPC_TARGET = 0.25
_SPAWN = multiprocessing.get_context("spawn")


@functools.cache
def _place() -> str:
    """Point this run's class registry and runtime directory at a temporary directory (once)."""
    base = scratch_dir()
    compileall.compile_dir(os.path.dirname(apartment.__file__), quiet=2)  # see the module doc
    os.environ["APARTMENT_SERVER_LINGER"] = "0"
    for cls in (RemoteCalc, FreeRemoteCalc):
        com.register_class(cls)
    return base


def _enter(multithreaded: bool) -> Callable[[], Callable[[], None]]:
    def enter() -> Callable[[], None]:
        com.initialize(multithreaded)
        return com.uninitialize

    return enter


def _join_connection_threads(pid: int) -> None:
    """Wait for the threads of our connection to server ``pid`` to end (it has exited)."""
    for thread in threading.enumerate():
        if thread.name.startswith(f"apartment-remote-{pid}") or thread.name.startswith(
            "apartment-reaper-server"
        ):
            thread.join(10)


# -- ours -------------------------------------------------------------------------------------


def _local_server(progid: str) -> Callable[[], Server]:
    """A local server the partner thread activates (in the MTA); the main thread calls it."""

    def setup() -> Server:
        _place()
        box: list[Any] = []
        stop = threading.Event()
        clients: list[Any] = []

        def serve(ready: Callable[[], None]) -> None:
            com.initialize(True)
            try:
                pointer = com.create_object(progid, com.CLSCTX_LOCAL_SERVER)
                pid = _pid_of(pointer)
                box.append(com.marshal(pointer))
                del pointer
                ready()
                stop.wait()
                box.pop().release()
                clients.clear()
            finally:
                com.uninitialize()
            wait_for_exit(pid)  # linger 0: it quits once its object is released
            _join_connection_threads(pid)

        def loop(n: int) -> None:
            if not clients:
                clients.append(com.DispatchClient(box[0].unmarshal()).add_one)
            add_one = clients[0]
            check_answer(add_one(1))
            for _ in range(n - 1):
                add_one(1)

        def finish() -> None:
            # The client goes on the main thread, which made it: on free-threaded CPython an
            # object another thread drops is freed by the thread that made it, at its next
            # bytecode, and this one is about to block in join() until the server has exited,
            # which waits for this release.
            clients.clear()
            stop.set()

        return Server(serve, loop, finish)

    return setup


def _pid_of(pointer: com.InterfacePointer) -> int:
    """The process of the server an interface pointer leads to."""
    remote = pointer._target
    assert isinstance(remote, com.RemoteObject)
    return int(remote._conn.peer_pid)


# -- peers ------------------------------------------------------------------------------------


def _echo(conn: Connection) -> None:
    while (value := conn.recv()) is not None:
        conn.send(value + 1)


def _pipe_server() -> Server:
    stop = threading.Event()
    box: list[Any] = []

    def serve(ready: Callable[[], None]) -> None:
        mine, theirs = _SPAWN.Pipe()
        process = _SPAWN.Process(target=_echo, args=(theirs,), daemon=True)
        process.start()
        mine.send(0)
        mine.recv()
        box.append(mine)
        ready()
        stop.wait()
        mine.send(None)
        process.join()
        mine.close()

    def loop(n: int) -> None:
        conn = box[0]
        conn.send(1)
        check_answer(conn.recv())
        for _ in range(n - 1):
            conn.send(1)
            conn.recv()

    return Server(serve, loop, stop.set)


def _pyro_daemon(path: str, started: Connection) -> None:
    import Pyro5.api

    @Pyro5.api.expose
    class Calc:
        def add_one(self, value: int) -> int:
            return value + 1

    with Pyro5.api.Daemon(unixsocket=path) as daemon:
        daemon.register(Calc(), "calc")
        started.send(True)
        daemon.requestLoop()


def _rpyc_server_main(path: str, started: Connection) -> None:
    import rpyc
    from rpyc.utils.server import ThreadedServer

    class CalcService(rpyc.Service):  # type: ignore[misc]
        def exposed_add_one(self, value: int) -> int:
            return value + 1

    server = ThreadedServer(CalcService, socket_path=path)
    server._listen()  # listening before the client is told to connect
    started.send(True)
    server.start()


def _spawned(target: Callable[[str, Connection], None], connect: Callable[[str], Any]) -> Server:
    """A peer server process listening on a Unix socket; ``connect(path)`` makes the client."""
    stop = threading.Event()
    box: list[Any] = []
    base = tempfile.mkdtemp(prefix="apr-")
    path = os.path.join(base, "s.sock")

    def serve(ready: Callable[[], None]) -> None:
        mine, theirs = _SPAWN.Pipe()
        process = _SPAWN.Process(target=target, args=(path, theirs), daemon=True)
        process.start()
        mine.recv()
        box.append(process)
        ready()
        stop.wait()
        for closing in box[1:]:
            with contextlib.suppress(Exception):
                closing()
        process.kill()
        process.join()
        with contextlib.suppress(OSError):
            os.unlink(path)
            os.rmdir(base)

    def loop(n: int) -> None:
        if len(box) == 1:
            client, close = connect(path)
            box.extend((close, client))
        call = box[2]
        check_answer(call(1))
        for _ in range(n - 1):
            call(1)

    return Server(serve, loop, stop.set)


def _pyro_server() -> Server:
    def connect(path: str) -> tuple[Callable[[int], int], Callable[[], None]]:
        import Pyro5.api

        proxy = Pyro5.api.Proxy(f"PYRO:calc@./u:{path}")
        return proxy.add_one, proxy._pyroRelease

    return _spawned(_pyro_daemon, connect)


def _rpyc_server() -> Server:
    def connect(path: str) -> tuple[Callable[[int], int], Callable[[], None]]:
        from rpyc.utils.factory import unix_connect

        conn = unix_connect(path)
        return conn.root.add_one, conn.close

    return _spawned(_rpyc_server_main, connect)


# -- activations ------------------------------------------------------------------------------


def _activate_new_server(n: int, placement: Placement) -> float:
    """Activate in a new server process each time (the previous one killed, untimed).

    Timed without the harness's warm-up: each warm-up step would start a process too.
    """
    _place()
    placement.pin(0)
    com.initialize(True)
    try:
        total = 0.0
        for _ in range(n):
            start = time.perf_counter()
            pointer = com.create_object("ApartmentBench.RemoteCalc", com.CLSCTX_LOCAL_SERVER)
            check_answer(com.DispatchClient(pointer).add_one(1))
            total += time.perf_counter() - start
            pid = _pid_of(pointer)
            del pointer
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            wait_for_exit(pid)
            _join_connection_threads(pid)
        return total
    finally:
        com.uninitialize()


def _start_interpreter(n: int, placement: Placement) -> float:
    """The floor of starting a server process: ``python -c pass`` (no warm-up either)."""
    placement.pin(0)
    start = time.perf_counter()
    for _ in range(n):
        subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - start


def _activate_in_running(n: int, placement: Placement) -> float:
    """Activate a new object in a server that runs (one object held keeps it running)."""
    _place()
    placement.pin(0)
    com.initialize(True)
    try:
        keep = com.create_object("ApartmentBench.RemoteCalc", com.CLSCTX_LOCAL_SERVER)

        def activate(count: int) -> None:
            for _ in range(count):
                com.create_object("ApartmentBench.RemoteCalc", com.CLSCTX_LOCAL_SERVER)

        elapsed = timed(activate, n)
        pid = _pid_of(keep)
        del keep
        wait_for_exit(pid)
        _join_connection_threads(pid)
        return elapsed
    finally:
        com.uninitialize()


def _pyro_proxy_open(n: int, placement: Placement) -> float:
    """A new Pyro5 proxy to a running daemon, and its first call (it connects then)."""
    import Pyro5.api

    base = tempfile.mkdtemp(prefix="apr-")
    path = os.path.join(base, "s.sock")
    mine, theirs = _SPAWN.Pipe()
    placement.pin(0)  # the daemon inherits the pin, as our server does
    process = _SPAWN.Process(target=_pyro_daemon, args=(path, theirs), daemon=True)
    process.start()
    mine.recv()
    try:

        def open_one(count: int) -> None:
            for _ in range(count):
                with Pyro5.api.Proxy(f"PYRO:calc@./u:{path}") as proxy:
                    proxy.add_one(1)

        return timed(open_one, n)
    finally:
        process.kill()
        process.join()
        with contextlib.suppress(OSError):
            os.unlink(path)
            os.rmdir(base)


# -- the suite --------------------------------------------------------------------------------


def benchmarks() -> list[Benchmark]:
    """Return the out-of-process benchmarks, in the order the tables show them."""
    peers = [Peer(Case("multiprocessing.Pipe echo", resident(_pipe_server)), PIPE_TARGET)]
    for module, label, make in (
        ("Pyro5", "Pyro5 proxy call", _pyro_server),
        ("rpyc", "RPyC call", _rpyc_server),
    ):
        if importlib.util.find_spec(module) is not None:
            peers.append(Peer(Case(label, resident(make)), RPC_TARGET))
        else:
            print(f"note: {module} is not installed (bench extra); its peer is left out",
                  file=sys.stderr)  # fmt: skip
    free = resident(_local_server("ApartmentBench.FreeRemoteCalc"), _enter(True))
    sta = resident(_local_server("ApartmentBench.RemoteCalc"), _enter(False))
    rows = [
        Benchmark("local server call, MTA caller, Free object", Case("Dispatch", free), peers),
        Benchmark(
            "local server call, STA caller, object in the server's STA",
            Case("Dispatch", sta),
            peers,
        ),
        Benchmark(
            "activation, a new server process",
            Case("create_object", _activate_new_server),
            [Peer(Case("python -c pass", _start_interpreter))],
            threads=1,
        ),
    ]
    running = (
        [Peer(Case("Pyro5 proxy open+call", _pyro_proxy_open))]
        if importlib.util.find_spec("Pyro5")
        else []
    )
    rows.append(
        Benchmark(
            "activation, an object in a running server",
            Case("create_object", _activate_in_running),
            running or [Peer(Case("python -c pass", _start_interpreter))],
            threads=1,
        )
    )
    return rows
