"""The benchmark harness: comparisons of ours against peers, interleaved, in thread placements.

A :class:`Benchmark` names one operation of ours (a :class:`Case`) and the peers a user would
pick instead, each with an optional target for the ratio ours/peer. The harness measures the
cases of one benchmark interleaved (A B, B A, A B, ...) for several rounds, in every
:class:`Placement` that fits the benchmark, and reports medians: the time per operation of
each case and the median of the per-round ratios (each ratio taken between two neighbouring
samples, so slow drifts of a noisy machine cancel out).

A workload is ``run(n, placement) -> seconds``: it performs ``n`` operations (plus any warm-up
of its own, untimed) and returns the time the ``n`` took. :func:`one_thread`,
:func:`two_threads`, :func:`served` and :func:`on_pool` build workloads from plain loops; a
layer module only writes the loops. A workload that can also time single operations (a
resident server, :class:`Sessions`) gets their median and 99th percentile reported too, and
a TAIL mark when the p99 is over 3x that median.
"""

from __future__ import annotations

import argparse
import faulthandler
import functools
import json
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict, dataclass, field

__all__ = [
    "Benchmark",
    "Case",
    "Loop",
    "Peer",
    "Placement",
    "Server",
    "Session",
    "Sessions",
    "Settings",
    "Suite",
    "Workload",
    "check_answer",
    "main",
    "on_pool",
    "one_thread",
    "resident",
    "served",
    "timed",
    "two_threads",
    "warmup",
]

Loop = Callable[[int], None]
"""A loop body: ``loop(n)`` performs ``n`` operations (or ``n`` partner steps)."""

Workload = Callable[[int, "Placement"], float]
"""``run(n, placement)``: perform ``n`` operations and return the seconds they took."""


# -- placements --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    """Where the threads of a workload run: ``cpus[role]`` per thread, or None (unpinned)."""

    name: str
    description: str
    cpus: tuple[int, ...] | None = None

    def pin(self, role: int) -> None:
        """Pin the calling thread to the CPU of ``role`` (0: main thread, 1: partner).

        On Linux ``os.sched_setaffinity(0, ...)`` applies to the calling thread only. The
        harness restores the main thread's affinity after every sample; partner threads end.
        """
        if self.cpus is not None:
            os.sched_setaffinity(0, {self.cpus[role]})


def _usable_cpus() -> tuple[list[int], str | None]:
    """Return the CPUs this thread may be pinned to, or [] and why pinning is unavailable."""
    if not hasattr(os, "sched_setaffinity") or not hasattr(os, "sched_getaffinity"):
        return [], "os.sched_setaffinity is not available on this platform"
    try:
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, set(cpus))
    except OSError as error:
        return [], f"cannot set the CPU affinity ({error})"
    return cpus, None


def placements(threads: int) -> tuple[list[Placement], list[str]]:
    """Return the placements a benchmark of ``threads`` threads runs in, and notes on skips."""
    cpus, why = _usable_cpus()
    notes: list[str] = []
    if threads == 1:
        if cpus:
            return [
                Placement(
                    "single thread",
                    f"main thread pinned to CPU {cpus[0]} (threads it starts inherit the pin)",
                    (cpus[0],),
                )
            ], []
        return [Placement("single thread", f"main thread unpinned ({why})")], []
    found = [Placement("unpinned", "two threads, scheduled freely by the OS")]
    if not cpus:
        notes.append(f"pinned placements skipped: {why}")
        return found, notes
    first = cpus[0]
    found.append(
        Placement("same-CPU", f"both threads pinned to CPU {first}", (first, first)),
    )
    if len(cpus) < 2:
        notes.append("cross-CPU placement skipped: only one CPU is available")
    else:
        second = cpus[1]
        found.append(
            Placement(
                "cross-CPU",
                f"main thread on CPU {first}, partner on CPU {second}",
                (first, second),
            )
        )
    return found, notes


# -- workload builders -------------------------------------------------------------------------


def warmup(n: int) -> int:
    """The untimed warm-up steps before ``n`` timed ones (a partner's loop runs both)."""
    return max(20, n // 10)


def timed(loop: Loop, n: int) -> float:
    """Run ``loop`` for a warm-up of about n/10 steps, then return the seconds ``loop(n)`` takes."""
    loop(warmup(n))
    start = time.perf_counter()
    loop(n)
    return time.perf_counter() - start


def _single_ops(loop: Loop, count: int) -> list[float]:
    """Run ``loop`` for a warm-up of about count/10 steps, then time ``count`` single steps.

    Returns each step's seconds. Only for the p99: a step's clock reads are in its time,
    which is why the medians of the tables come from whole timed loops instead.
    """
    loop(warmup(count))
    clock = time.perf_counter
    found = []
    for _ in range(count):
        start = clock()
        loop(1)
        found.append(clock() - start)
    return found


Session = Callable[[int, "Placement"], AbstractContextManager[Loop]]
"""``session(steps, placement)``: set up one sample, pin the main thread, yield its loop.

The context makes the sample's objects and starts its partner (a process, say) ready for
``steps`` main-loop steps past a warm-up of ``warmup(steps)``; leaving it tears them down.
Nothing of it is timed.
"""


class Sessions:
    """A workload whose every sample runs in a fresh session (a partner process per sample).

    A sample times ``loop(n)`` after its warm-up, as any workload does (so its median means
    what the others' do); :meth:`latencies` times single operations in one more session, for
    the p99.
    """

    def __init__(self, session: Session) -> None:
        self._session = session

    def __call__(self, n: int, placement: Placement) -> float:
        with self._session(n, placement) as loop:
            return timed(loop, n)

    def latencies(self, count: int, placement: Placement) -> list[float]:
        """Time ``count`` single operations (seconds each), after a short warm-up."""
        with self._session(count, placement) as loop:
            return _single_ops(loop, count)


def one_thread(setup: Callable[[], Loop], *, latencies: bool = False) -> Workload:
    """Build a single-thread workload; ``setup()`` makes fresh objects and the loop over them.

    With ``latencies`` the p99 of single operations is reported too (see :class:`Sessions`).
    """

    @contextmanager
    def session(steps: int, placement: Placement) -> Iterator[Loop]:
        loop = setup()
        placement.pin(0)
        yield loop

    if latencies:
        return Sessions(session)

    def run(n: int, placement: Placement) -> float:
        loop = setup()
        placement.pin(0)
        return timed(loop, n)

    return run


def two_threads(setup: Callable[[], tuple[Loop, Loop]]) -> Workload:
    """Build a cross-thread workload from ``setup() -> (main_loop, partner_loop)``.

    The partner runs ``partner_loop(warmup + n)`` on a new thread; the main thread runs
    ``main_loop(warmup)`` untimed, then ``main_loop(n)`` timed. Each loop step of the main
    thread must be matched by exactly one partner step (one round trip, say). The partner
    thread is joined and its exception, if any, raised here. If one side fails, the other is
    usually left blocked: a blocked partner is reported as a leftover thread, a blocked main
    thread trips the watchdog (stacks dumped, exit).
    """

    def run(n: int, placement: Placement) -> float:
        main_loop, partner_loop = setup()
        before = warmup(n)
        failure: list[BaseException] = []

        def partner() -> None:
            try:
                placement.pin(1)
                partner_loop(before + n)
            except BaseException as error:  # raised by the main thread after join
                failure.append(error)
                # Shown now too: the main thread may be blocked for good, awaiting a step.
                print("bench: partner thread failed:", file=sys.stderr)
                traceback.print_exc()

        placement.pin(0)
        thread = threading.Thread(target=partner, name="bench-partner", daemon=True)
        thread.start()
        try:
            elapsed = timed(main_loop, n)
        except BaseException:
            thread.join(1.0)  # a partner left waiting stays behind; the harness reports it
            raise
        thread.join()
        if failure:
            raise failure[0]
        return elapsed

    return run


@dataclass(frozen=True)
class Server:
    """What one sample of a client/server workload runs.

    ``serve(ready)`` runs on the partner thread: it makes its queue or window, calls
    ``ready()``, then serves until ``stop()`` (called on the main thread) makes it return.
    ``loop(n)`` is the timed main-thread loop of ``n`` operations.
    """

    serve: Callable[[Callable[[], None]], None]
    loop: Loop
    stop: Callable[[], None]


def served(setup: Callable[[], Server]) -> Workload:
    """Build a workload from ``setup() -> Server``: start, pin, time the loop, stop, join.

    The partner pins itself and serves; the main thread waits until it is ready, then times
    ``loop`` (after an untimed warm-up), stops the partner and joins it. A partner that fails
    has its exception raised here.
    """

    def run(n: int, placement: Placement) -> float:
        server = setup()
        ready = threading.Event()  # the harness's own hand-shake, never timed
        failure: list[BaseException] = []

        def partner() -> None:
            try:
                placement.pin(1)
                server.serve(ready.set)
            except BaseException as error:  # raised by the main thread after join
                failure.append(error)
                print("bench: server thread failed:", file=sys.stderr)
                traceback.print_exc()
            finally:
                ready.set()  # a server that failed early must not leave the main thread waiting

        placement.pin(0)
        thread = threading.Thread(target=partner, name="bench-server", daemon=True)
        thread.start()
        ready.wait()
        try:
            if failure:
                raise failure[0]
            elapsed = timed(server.loop, n)
        except BaseException:
            if thread.is_alive():
                server.stop()
            thread.join(1.0)  # a server left blocked stays behind; the harness reports it
            raise
        server.stop()
        thread.join()
        if failure:
            raise failure[0]
        return elapsed

    return run


class _Resident:
    """A served workload whose server lives across samples, as a user's threads do.

    The server thread of a placement starts at its first sample and is stopped when a sample
    of another placement comes, or when the harness calls :meth:`close` at the end of the
    placement; each sample only times the loop. :meth:`latencies` times single operations,
    for the p99.
    """

    def __init__(
        self, setup: Callable[[], Server], enter: Callable[[], Callable[[], None]]
    ) -> None:
        self._setup = setup
        self._enter = enter  # prepares the main thread (an apartment), returns how to leave
        self._placement: Placement | None = None
        self._server: Server | None = None
        self._thread: threading.Thread | None = None
        self._leave: Callable[[], None] | None = None
        self._failure: list[BaseException] = []

    def _start(self, placement: Placement) -> Server:
        self.close()
        ready = threading.Event()
        server = self._setup()
        failure = self._failure = []

        def partner() -> None:
            try:
                placement.pin(1)
                server.serve(ready.set)
            except BaseException as error:
                failure.append(error)
                print("bench: resident server failed:", file=sys.stderr)
                traceback.print_exc()
            finally:
                ready.set()

        self._thread = threading.Thread(target=partner, name="bench-resident", daemon=True)
        self._thread.start()
        ready.wait()
        if failure:
            raise failure[0]
        self._leave = self._enter()
        self._placement, self._server = placement, server
        return server

    def _current(self, placement: Placement) -> Server:
        if self._server is None or self._placement != placement:
            return self._start(placement)
        return self._server

    def __call__(self, n: int, placement: Placement) -> float:
        server = self._current(placement)
        placement.pin(0)
        elapsed = timed(server.loop, n)
        if self._failure:
            raise self._failure[0]
        return elapsed

    def latencies(self, count: int, placement: Placement) -> list[float]:
        """Time ``count`` single operations (seconds each), after a short warm-up."""
        loop = self._current(placement).loop
        placement.pin(0)
        return _single_ops(loop, count)

    def close(self) -> None:
        """Stop the server, if one runs, and join its thread."""
        server, thread, leave = self._server, self._thread, self._leave
        self._server = self._thread = self._leave = self._placement = None
        if server is not None:  # first: stop() may drop what the main thread's apartment holds
            server.stop()
        if leave is not None:
            leave()
        if thread is not None:
            thread.join()


_PROCESS_THREADS = ("apartment-windows",)
"""Threads the library starts once and keeps for the process's life, never a sample's leak:
the window server that lets other processes reach this process's windows."""


@functools.cache
def scratch_dir() -> str:
    """The run's class registry and runtime directory, in a temporary directory (made once).

    Every suite that registers classes uses this one registry, so a suite never hides the
    classes another registered (``APARTMENT_REGISTRY`` is the process's, for all suites).
    """
    base = tempfile.mkdtemp(prefix="apartment-bench-")
    os.environ["APARTMENT_REGISTRY"] = os.path.join(base, "registry.sqlite3")
    os.environ["APARTMENT_RUNTIME_DIR"] = os.path.join(base, "rt")
    return base


def _nothing_to_enter() -> Callable[[], None]:
    return lambda: None


def resident(
    setup: Callable[[], Server], enter: Callable[[], Callable[[], None]] = _nothing_to_enter
) -> Workload:
    """Build a client/server workload whose server thread lives across samples.

    ``enter()`` runs on the main thread once the server is ready (to join an apartment, say)
    and returns the function that undoes it, called before the server is stopped.
    """
    return _Resident(setup, enter)


def on_pool(make_loop: Callable[[ThreadPoolExecutor], Loop]) -> Workload:
    """Build a workload on a fresh one-worker ThreadPoolExecutor: ``make_loop(pool)``.

    The worker pins itself with a first, untimed task; shutting the pool down joins it.
    """

    def run(n: int, placement: Placement) -> float:
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(placement.pin, 1).result()
            placement.pin(0)
            return timed(make_loop(pool), n)

    return run


def check_answer(result: object) -> None:
    """Check the answer of a loop's first operation, which every loop computes as 2."""
    if result != 2:
        raise AssertionError(f"the first operation answered {result!r}, expected 2")


# -- benchmarks --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One measured thing: a label for the tables and its workload."""

    label: str
    run: Workload


@dataclass(frozen=True)
class Peer:
    """A peer to compare ours against; ``target`` is the ratio ours/peer not to exceed.

    ``targets`` overrides it per placement name (the issue asks 0.5x pykka on one CPU but
    1.0x across CPUs, say).
    """

    case: Case
    target: float | None = None
    targets: Mapping[str, float] | None = None

    def target_in(self, placement: str) -> float | None:
        """The target that applies in ``placement``."""
        if self.targets is not None and placement in self.targets:
            return self.targets[placement]
        return self.target


@dataclass(frozen=True)
class Benchmark:
    """Ours against peers, measured interleaved in one run; ``threads`` is 1 or 2."""

    name: str
    ours: Case
    peers: Sequence[Peer]
    threads: int = 2


Suite = Callable[[], Sequence[Benchmark]]
"""A layer's list of benchmarks (``bench.kernel.benchmarks``, say)."""


@dataclass(frozen=True)
class Settings:
    """How long to measure: rounds per benchmark and the wanted duration of one sample."""

    rounds: int
    sample_seconds: float
    watchdog_seconds: float = 120.0


FULL = Settings(rounds=21, sample_seconds=0.05)
SMOKE = Settings(rounds=3, sample_seconds=0.002, watchdog_seconds=20.0)


# -- measuring ---------------------------------------------------------------------------------


def _sample(case: Case, n: int, placement: Placement, settings: Settings, home: set[int]) -> float:
    """Run one sample; return seconds per operation. A hung sample dumps stacks and exits."""
    faulthandler.dump_traceback_later(settings.watchdog_seconds, exit=True)
    try:
        return case.run(n, placement) / n
    finally:
        faulthandler.cancel_dump_traceback_later()
        if home:
            os.sched_setaffinity(0, home)


def _calibrate(case: Case, placement: Placement, settings: Settings, home: set[int]) -> int:
    """Find the ``n`` whose sample lasts about ``sample_seconds``; also warms the case up."""
    n = 8
    while True:
        per_op = _sample(case, n, placement, settings, home)
        if per_op * n >= settings.sample_seconds / 8 or n >= 1 << 24:
            return max(1, round(settings.sample_seconds / per_op))
        n *= 4


@dataclass
class CaseResult:
    """A case's samples in one placement, in microseconds per operation."""

    label: str
    n: int
    us_per_op: list[float] = field(default_factory=list)
    p50_us: float | None = None  # of single operations, for a resident workload
    p99_us: float | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.us_per_op)


@dataclass
class RowResult:
    """One line of a table: ours against one peer in one placement."""

    layer: str
    benchmark: str
    placement: str
    ours: str
    peer: str
    ours_us: float
    peer_us: float
    ratio: float
    ratio_p25: float
    ratio_p75: float
    target: float | None
    mark: str
    ours_samples_us: list[float]
    peer_samples_us: list[float]
    ours_n: int
    peer_n: int
    ours_p50_us: float | None = None
    ours_p99_us: float | None = None
    peer_p50_us: float | None = None
    peer_p99_us: float | None = None


def _latency(
    run: _Resident | Sessions,
    result: CaseResult,
    placement: Placement,
    settings: Settings,
    home: set[int],
) -> None:
    """Time single operations of a workload that can: their median and 99th percentile."""
    count = max(50, min(2000, round(settings.sample_seconds * 20 / (result.median / 1e6))))
    faulthandler.dump_traceback_later(settings.watchdog_seconds, exit=True)
    try:
        found = sorted(t * 1e6 for t in run.latencies(count, placement))
    finally:
        faulthandler.cancel_dump_traceback_later()
        if home:
            os.sched_setaffinity(0, home)
    result.p50_us = statistics.median(found)
    result.p99_us = found[min(len(found) - 1, round(0.99 * (len(found) - 1)))]


def _quartiles(values: list[float]) -> tuple[float, float]:
    if len(values) < 2:
        return values[0], values[0]
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q3


def measure(
    layer: str, bench: Benchmark, placement: Placement, settings: Settings, home: set[int]
) -> list[RowResult]:
    """Measure a benchmark in one placement: calibrate, then interleave rounds of samples."""
    cases = [bench.ours, *(peer.case for peer in bench.peers)]
    results = [
        CaseResult(case.label, _calibrate(case, placement, settings, home)) for case in cases
    ]
    try:
        for round_ in range(settings.rounds):
            shift = round_ % len(cases)  # rotate the order so no case always goes first
            for index in [*range(shift, len(cases)), *range(shift)]:
                result = results[index]
                per_op = _sample(cases[index], result.n, placement, settings, home)
                result.us_per_op.append(per_op * 1e6)
        for case, result in zip(cases, results, strict=True):
            if isinstance(case.run, (_Resident, Sessions)):
                _latency(case.run, result, placement, settings, home)
    finally:
        for case in cases:
            if isinstance(case.run, _Resident):
                case.run.close()
    ours = results[0]
    rows = []
    for peer, peer_result in zip(bench.peers, results[1:], strict=True):
        ratios = [a / b for a, b in zip(ours.us_per_op, peer_result.us_per_op, strict=True)]
        ratio = statistics.median(ratios)
        low, high = _quartiles(ratios)
        target = peer.target_in(placement.name)
        mark = "-" if target is None else "PASS" if ratio <= target else "MISS"
        rows.append(
            RowResult(
                layer=layer,
                benchmark=bench.name,
                placement=placement.name,
                ours=ours.label,
                peer=peer_result.label,
                ours_us=ours.median,
                peer_us=peer_result.median,
                ratio=ratio,
                ratio_p25=low,
                ratio_p75=high,
                target=target,
                mark=mark,
                ours_samples_us=ours.us_per_op,
                peer_samples_us=peer_result.us_per_op,
                ours_n=ours.n,
                peer_n=peer_result.n,
                ours_p50_us=ours.p50_us,
                ours_p99_us=ours.p99_us,
                peer_p50_us=peer_result.p50_us,
                peer_p99_us=peer_result.p99_us,
            )
        )
    return rows


# -- reporting ---------------------------------------------------------------------------------

_HEADERS = (
    "benchmark", "ours us/op", "peer", "peer us/op", "ratio", "ratio IQR", "target", "mark",
    "p99 ours/peer",
)  # fmt: skip
_RIGHT = {1, 3, 4, 5, 6, 8}  # numbers are right-aligned


def _us(value: float) -> str:
    return f"{value:.3f}" if value < 10 else f"{value:.2f}" if value < 1000 else f"{value:.0f}"


def format_table(placement: Placement, rows: Sequence[RowResult], settings: Settings) -> str:
    """Render one placement's rows as a plain-text table."""
    table: list[list[str]] = []
    previous = ""
    for row in rows:
        name = f"{row.layer}.{row.benchmark}"
        ours_cells = [name, _us(row.ours_us)] if name != previous else ["", ""]
        previous = name
        target = "report" if row.target is None else f"<= {row.target:g}"
        iqr = f"{row.ratio_p25:.2f}-{row.ratio_p75:.2f}"
        ours_p99 = "-" if row.ours_p99_us is None else _us(row.ours_p99_us)
        peer_p99 = "-" if row.peer_p99_us is None else _us(row.peer_p99_us)
        cells = [*ours_cells, row.peer, _us(row.peer_us), f"{row.ratio:.2f}", iqr, target]
        table.append([*cells, row.mark, f"{ours_p99}/{peer_p99}"])
    widths = [max(len(cells[i]) for cells in [list(_HEADERS), *table]) for i in range(9)]

    def line(cells: Sequence[str]) -> str:
        padded = (
            cell.rjust(width) if i in _RIGHT else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        )
        return "  ".join(padded).rstrip()

    title = f"== {placement.name}: {placement.description}; median of {settings.rounds} rounds"
    lines = [title, line(_HEADERS), line(["-" * width for width in widths])]
    lines.extend(line(cells) for cells in table)
    return "\n".join(lines)


def format_summary(rows: Sequence[RowResult], errors: Sequence[str], smoke: bool) -> str:
    """Render the misses (and errors) of the whole run."""
    targeted = [row for row in rows if row.target is not None]
    misses = [row for row in targeted if row.mark == "MISS"]
    lines = [f"== summary: {len(targeted) - len(misses)} of {len(targeted)} targets met"]
    if smoke:
        lines[0] += " (smoke run: figures are too short to mean anything)"
    for row in misses:
        lines.append(
            f"MISS  [{row.placement}] {row.layer}.{row.benchmark} vs {row.peer}: "
            f"ratio {row.ratio:.2f} > {row.target:g} "
            f"({_us(row.ours_us)} vs {_us(row.peer_us)} us/op)"
        )
    seen: set[tuple[str, str, str]] = set()
    for row in rows:  # the bound on tails: p99 at most 3x the median of single ops
        key = (row.placement, f"{row.layer}.{row.benchmark}", row.ours)
        if key in seen or row.ours_p99_us is None or row.ours_p50_us is None:
            continue
        seen.add(key)
        if row.ours_p99_us > 3 * row.ours_p50_us:
            lines.append(
                f"TAIL  [{row.placement}] {key[1]}: p99 {_us(row.ours_p99_us)} us is over 3x "
                f"the median {_us(row.ours_p50_us)} us"
            )
    lines.extend(f"ERROR {error}" for error in errors)
    return "\n".join(lines)


# -- the command line --------------------------------------------------------------------------


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Benchmark apartment against the peers a user would pick instead.",
    )
    parser.add_argument(
        "--smoke", action="store_true", help="run each benchmark for a moment (CI check)"
    )
    parser.add_argument(
        "--filter",
        metavar="SUBSTRING",
        default="",
        help="run only benchmarks whose layer.name contains SUBSTRING (case-insensitive)",
    )
    parser.add_argument("--json", metavar="PATH", help="write every figure to PATH as JSON")
    return parser.parse_args(argv)


def main(suites: Mapping[str, Suite], argv: Sequence[str] | None = None) -> int:
    """Run the suites; return 0, or 1 if a benchmark failed or left a thread running.

    Missed targets never fail the run: on a noisy machine they are figures to read, not
    errors to stop CI.
    """
    args = _parse(argv)
    settings = SMOKE if args.smoke else FULL
    wanted = args.filter.lower()
    selected = [
        (layer, bench)
        for layer, suite in suites.items()
        for bench in suite()
        if wanted in f"{layer}.{bench.name}".lower()
    ]
    if not selected:
        print(f"no benchmark matches {args.filter!r}", file=sys.stderr)
        return 1
    home = set(_usable_cpus()[0])  # the affinity to restore after every sample; empty: none
    baseline = set(threading.enumerate())
    started = time.perf_counter()
    rows: list[RowResult] = []
    errors: list[str] = []
    notes: list[str] = []
    order: list[Placement] = []
    for threads in (2, 1):
        kind = [(layer, bench) for layer, bench in selected if bench.threads == threads]
        if not kind:
            continue
        found, skipped = placements(threads)
        for note in skipped:
            print(f"note: {note}", flush=True)
        notes.extend(skipped)
        for placement in found:
            order.append(placement)
            table: list[RowResult] = []
            for layer, bench in kind:
                label = f"[{placement.name}] {layer}.{bench.name}"
                print(f"running {label}", file=sys.stderr, flush=True)
                try:
                    table.extend(measure(layer, bench, placement, settings, home))
                except Exception as error:  # report it and carry on with the others
                    errors.append(f"{label}: {type(error).__name__}: {error}")
                    traceback.print_exc()
                leftover = [
                    t
                    for t in threading.enumerate()
                    if t not in baseline and not t.name.startswith(_PROCESS_THREADS)
                ]
                if leftover:
                    names = ", ".join(sorted(t.name for t in leftover))
                    errors.append(f"{label} left threads running: {names}")
                    baseline.update(leftover)
            rows.extend(table)
            print(format_table(placement, table, settings), end="\n\n", flush=True)
    print(format_summary(rows, errors, args.smoke))
    wall = time.perf_counter() - started
    print(f"wall time {wall:.1f} s")
    if args.json:
        report = {
            "smoke": args.smoke,
            "filter": args.filter,
            "settings": asdict(settings),
            "python": sys.version,
            "platform": platform.platform(),
            "cpus": sorted(home),
            "wall_seconds": wall,
            "placements": [asdict(placement) for placement in order],
            "notes": notes,
            "errors": errors,
            "rows": [asdict(row) for row in rows],
        }
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(report, out, indent=2)
            out.write("\n")
    return 1 if errors else 0
