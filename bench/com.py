"""COM-layer benchmarks: calls through proxies between apartments, in-apartment calls, activation.

A proxy call into an STA is posted to the STA's hidden window and runs when its thread pumps;
a call into the MTA runs on an MTA worker thread of the library. Every sample builds fresh
objects and apartments (the main thread enters its apartment for the sample and leaves it
after), so no state leaks from one sample into the next. Loop bodies are written the way a
user would write them, ours and peers alike.

The library's MTA worker thread idles for 30 s after its last call, so :func:`benchmarks`
starts it once, before the harness takes its list of threads (a service thread the library
keeps); the samples that use it pin it for their placement and restore its affinity after.
pykka (the ``bench`` extra) is imported only when its peer runs.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import queue
import sys
import threading
from typing import TYPE_CHECKING, Any

from apartment import com
from apartment.com import _mta
from apartment.messages import WM_QUIT, post_thread_message, pump_messages

from ._harness import (
    Benchmark,
    Case,
    Peer,
    Server,
    check_answer,
    on_pool,
    one_thread,
    scratch_dir,
    served,
    timed,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import ThreadPoolExecutor

    from ._harness import Loop, Placement, Workload

__all__ = ["benchmarks"]

STA_CALL_TARGET = 1.2
"""The issue's target for a proxy call into an STA against a SimpleQueue request/reply."""

PYKKA_TARGET = 0.5
"""The issue's target against a pykka actor proxy call: ours at least 2x faster."""

IN_APARTMENT_TARGET = 1.1
"""The issue's target for a call on an object of the caller's own apartment."""


# -- the objects called ------------------------------------------------------------------------


class _Calc:
    """The plain class the peers call: one trivial method."""

    _public_methods_ = ("add_one",)

    def add_one(self, value: int) -> int:
        return value + 1


@com.threading_model("Apartment")
class _ApartmentCalc(_Calc):
    """Lives in the STA that creates it."""


@com.threading_model("Both")
class _BothCalc(_Calc):
    """Lives in its creator's apartment; registered for activation by ProgID."""

    _reg_clsid_ = "{B55328F9-8445-42EA-9A74-7EEF359CDF6E}"
    _reg_progid_ = "ApartmentBench.Both"


@com.threading_model("Free")
class _FreeCalc(_Calc):
    """Lives in the MTA; registered for activation by ProgID. ``pin`` pins the MTA worker."""

    _reg_clsid_ = "{2ACC7AF2-1DDF-4BCF-B72E-F9A07D0FCC49}"
    _reg_progid_ = "ApartmentBench.Free"

    def pin(self, cpus: tuple[int, ...] | None) -> None:
        """Pin the thread running this call (an MTA worker) to ``cpus``; None: leave it."""
        if cpus is not None:
            os.sched_setaffinity(0, cpus)


# -- the MTA worker, pinned like a partner thread ----------------------------------------------

_home_cpus: list[tuple[int, ...] | None] = [None]
"""The CPUs the MTA worker may run on when unpinned (the affinity at start), if pinning works."""


def _start_mta_worker() -> None:
    """Start the host MTA and its one worker thread: a call into the MTA from an STA.

    The worker must last the whole run: in a full run the kernel and message suites come
    first and take longer than a worker's idle time, after which a call would start a new
    worker inside a sample (and the harness would report it left running).
    """
    _mta._mta_pool.IDLE_SECONDS = 24 * 3600.0
    if hasattr(os, "sched_getaffinity") and hasattr(os, "sched_setaffinity"):
        _home_cpus[0] = tuple(sorted(os.sched_getaffinity(0)))
    com.initialize()
    try:
        com.create(_FreeCalc).pin(None)
    finally:
        com.uninitialize()


def _partner_cpus(placement: Placement) -> tuple[int, ...] | None:
    """The CPU of the partner role of ``placement`` (None: unpinned)."""
    return None if placement.cpus is None else (placement.cpus[-1],)


def _with_mta_worker(make_loop: Callable[[_FreeCalc], Loop]) -> Workload:
    """The main thread in an STA, calling into the MTA; the MTA worker is the partner.

    ``make_loop(obj)`` gets a proxy to a Free object (created on the worker); a call of its
    ``pin`` pins the worker for the placement before the loop, and restores it after.
    """

    def run(n: int, placement: Placement) -> float:
        com.initialize()
        try:
            obj = com.create(_FreeCalc)
            obj.pin(_partner_cpus(placement))
            try:
                placement.pin(0)
                return timed(make_loop(obj), n)
            finally:
                obj.pin(_home_cpus[0])
        finally:
            com.uninitialize()

    return run


# -- a call through a proxy into an STA that pumps: each main-loop step is one round trip -------


def _in_apartment(multithreaded: bool, setup: Callable[[], Server]) -> Workload:
    """Serve ``setup()`` with the main thread (the caller) in an STA or the MTA for the sample.

    The first STA of the process is the main STA, and it should end last: with an STA caller
    that is the caller (it leaves after the server has ended); with an MTA caller it is the
    server, so the caller leaves the MTA before stopping it.
    """

    def setup_in() -> Server:
        com.initialize(multithreaded)
        server = setup()
        if not multithreaded:
            return server

        def stop() -> None:
            com.uninitialize()
            server.stop()

        return Server(server.serve, server.loop, stop)

    inner = served(setup_in)

    def run(n: int, placement: Placement) -> float:
        try:
            return inner(n, placement)
        finally:
            com.uninitialize()  # ignored if the MTA caller has left already

    return run


def _sta_server() -> Server:
    """An STA thread creates the object, marshals it and pumps; main calls it via a proxy."""
    box: list[Any] = []  # the token, the server's thread id
    proxies: list[_ApartmentCalc] = []  # the caller's proxy, unmarshaled once per sample

    def serve(ready: Callable[[], None]) -> None:
        com.initialize()
        try:
            obj = com.create(_ApartmentCalc)  # the object itself, in this STA
            box.extend((com.marshal(obj), threading.get_native_id()))
            ready()
            pump_messages()
        finally:
            com.uninitialize()

    def loop(n: int) -> None:
        if not proxies:
            proxies.append(box[0].unmarshal())
        proxy = proxies[0]
        check_answer(proxy.add_one(1))
        for _ in range(n - 1):
            proxy.add_one(1)

    def stop() -> None:
        post_thread_message(box[1], WM_QUIT)

    return Server(serve, loop, stop)


def _simple_queue_call() -> Server:
    """A hand-rolled request/reply: the worker does req.get(), the call, then rep.put()."""
    req: queue.SimpleQueue[tuple[str, tuple[int]] | None] = queue.SimpleQueue()
    rep: queue.SimpleQueue[int] = queue.SimpleQueue()

    def serve(ready: Callable[[], None]) -> None:
        obj = _Calc()
        ready()
        while True:
            request = req.get()
            if request is None:
                return
            name, args = request
            rep.put(getattr(obj, name)(*args))

    def loop(n: int) -> None:
        req.put(("add_one", (1,)))
        check_answer(rep.get())
        for _ in range(n - 1):
            req.put(("add_one", (1,)))
            rep.get()

    def stop() -> None:
        req.put(None)

    return Server(serve, loop, stop)


@functools.cache
def _pykka_actor() -> type[Any]:
    """The pykka actor class, made on first use: pykka is imported only here."""
    import pykka

    class CalcActor(pykka.ThreadingActor):
        def __init__(self, placement: Placement, threads: list[threading.Thread]) -> None:
            super().__init__()
            self._placement = placement
            self._threads = threads

        def on_start(self) -> None:
            self._threads.append(threading.current_thread())  # joined after the sample
            self._placement.pin(1)

        def add_one(self, value: int) -> int:
            return value + 1

    return CalcActor


def _pykka_call(n: int, placement: Placement) -> float:
    """``proxy.add_one(1).get()`` on a pykka ThreadingActor; its thread pins itself on start."""
    threads: list[threading.Thread] = []
    ref = _pykka_actor().start(placement, threads)
    try:
        proxy = ref.proxy()
        placement.pin(0)

        def loop(count: int) -> None:
            check_answer(proxy.add_one(1).get())
            for _ in range(count - 1):
                proxy.add_one(1).get()

        return timed(loop, n)
    finally:
        ref.stop()
        for thread in threads:
            thread.join()


# -- an STA caller into the MTA: each main-loop step is one round trip -------------------------


def _call_loop(obj: _Calc) -> Loop:
    """``obj.add_one(1)`` calls: on the object itself, a proxy or an interface pointer."""

    def loop(n: int) -> None:
        check_answer(obj.add_one(1))
        for _ in range(n - 1):
            obj.add_one(1)

    return loop


def _executor_call(pool: ThreadPoolExecutor) -> Loop:
    """submit(obj.add_one, 1).result() on the one-worker pool of :func:`on_pool`."""
    obj = _Calc()

    def loop(count: int) -> None:
        check_answer(pool.submit(obj.add_one, 1).result())
        for _ in range(count - 1):
            pool.submit(obj.add_one, 1).result()

    return loop


# -- single thread: a call on an object of the caller's own apartment --------------------------


def _in_sta(workload: Workload) -> Workload:
    """Run ``workload`` with the main thread in an STA of its own for the sample."""

    def run(n: int, placement: Placement) -> float:
        com.initialize()
        try:
            return workload(n, placement)
        finally:
            com.uninitialize()

    return run


def _created(cls: type[_Calc]) -> Callable[[], Loop]:
    def setup() -> Loop:
        obj = com.create(cls)
        if type(obj) is not cls:
            raise AssertionError(f"com.create({cls.__name__}) gave {obj!r}, not the object")
        return _call_loop(obj)

    return setup


def _plain_calls() -> Loop:
    return _call_loop(_Calc())


# -- activation by ProgID ----------------------------------------------------------------------


@functools.cache
def _register_all() -> None:
    scratch_dir()
    for registered in (_BothCalc, _FreeCalc):
        com.register(com.entry_from_class(registered))


def _registered(cls: type[_BothCalc | _FreeCalc]) -> str:
    """Register the bench classes in the run's registry (once); return ``cls``'s ProgID."""
    _register_all()
    return cls._reg_progid_


def _create_object_both() -> Loop:
    progid = _registered(_BothCalc)

    def loop(n: int) -> None:
        obj = com.unwrap(com.create_object(progid))  # in-apartment: the object, no proxy
        if type(obj) is not _BothCalc:
            raise AssertionError(f"create_object({progid!r}) gave {obj!r}")
        for _ in range(n - 1):
            com.create_object(progid)

    return loop


@functools.cache
def _dispatch() -> Callable[[str], Any]:
    """Return pywin32's ``Dispatch`` from the facade, imported on first use.

    Importing ``pythoncom`` initializes COM on the importing thread, as pywin32's does; the
    main thread imports it here, inside a sample's STA, and takes that initialization back
    so that it leaves its apartment at the end of the sample.
    """
    fresh = "apartment.win32.pythoncom" not in sys.modules
    from apartment.win32 import pythoncom
    from apartment.win32.win32com.client import Dispatch

    if fresh:
        pythoncom.CoUninitialize()
    return Dispatch


def _dispatch_both() -> Loop:
    progid = _registered(_BothCalc)
    Dispatch = _dispatch()  # noqa: N806 - pywin32's name

    def loop(n: int) -> None:
        check_answer(Dispatch(progid).add_one(1))
        for _ in range(n - 1):
            Dispatch(progid)

    return loop


def _create_object_free(obj: _FreeCalc) -> Loop:
    progid = _registered(_FreeCalc)

    def loop(n: int) -> None:
        check_answer(com.DispatchClient(com.create_object(progid)).add_one(1))
        for _ in range(n - 1):
            com.create_object(progid)

    return loop


def _constructions(cls: type[_Calc]) -> Callable[[], Loop]:
    def setup() -> Loop:
        def loop(n: int) -> None:
            for _ in range(n):
                cls()

        return loop

    return setup


def _executor_construction(pool: ThreadPoolExecutor) -> Loop:
    """submit(cls).result() on the one-worker pool of :func:`on_pool`: a construction there."""

    def loop(count: int) -> None:
        for _ in range(count):
            pool.submit(_FreeCalc).result()

    return loop


# -- the suite ---------------------------------------------------------------------------------


def benchmarks() -> list[Benchmark]:
    """Return the COM benchmarks, in the order the tables show them."""
    _start_mta_worker()
    queue_peer = Case("SimpleQueue req/rep", served(_simple_queue_call))
    sta_peers = [Peer(queue_peer, STA_CALL_TARGET)]
    if importlib.util.find_spec("pykka") is not None:
        sta_peers.append(Peer(Case("pykka proxy call", _pykka_call), PYKKA_TARGET))
    else:
        print(
            "note: pykka is not installed (pip install -e '.[bench]'); its peer is left out",
            file=sys.stderr,
        )
    plain_call = Case("plain method call", one_thread(_plain_calls))
    both_construction = Case("plain construction", one_thread(_constructions(_BothCalc)))
    return [
        Benchmark(
            "sta proxy call, STA caller",
            Case("apartment proxy", _in_apartment(False, _sta_server)),
            sta_peers,
        ),
        Benchmark(
            "sta proxy call, MTA caller",
            Case("apartment proxy", _in_apartment(True, _sta_server)),
            sta_peers,
        ),
        Benchmark(
            "sta to mta call",
            Case("apartment proxy", _with_mta_worker(_call_loop)),
            [
                Peer(queue_peer),
                Peer(Case("ThreadPoolExecutor(1)", on_pool(_executor_call))),
            ],
        ),
        Benchmark(
            "activation, Free from STA",
            Case("create_object", _with_mta_worker(_create_object_free)),
            [
                Peer(Case("plain construction", one_thread(_constructions(_FreeCalc)))),
                Peer(Case("ThreadPoolExecutor(1)", on_pool(_executor_construction))),
            ],
        ),
        Benchmark(
            "in-apartment call, Both",
            Case("apartment object", _in_sta(one_thread(_created(_BothCalc)))),
            [Peer(plain_call, IN_APARTMENT_TARGET)],
            threads=1,
        ),
        Benchmark(
            "in-apartment call, Apartment",
            Case("apartment object", _in_sta(one_thread(_created(_ApartmentCalc)))),
            [Peer(plain_call, IN_APARTMENT_TARGET)],
            threads=1,
        ),
        Benchmark(
            "activation, Both from STA",
            Case("create_object", _in_sta(one_thread(_create_object_both))),
            [Peer(both_construction)],
            threads=1,
        ),
        Benchmark(
            "activation, Both, Dispatch",
            Case("win32com Dispatch", _in_sta(one_thread(_dispatch_both))),
            [Peer(both_construction)],
            threads=1,
        ),
    ]
