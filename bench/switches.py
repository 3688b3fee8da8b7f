"""Context switches per message of the post+get stream, and per call into a resident STA.

``messages.post+get throughput`` misses its target on one CPU (post_thread_message +
get_message against queue.Queue) while it passes unpinned and across CPUs. What differs is
how often the getter parks and is woken: this counts, from /proc, the voluntary and
involuntary context switches of the poster and of the getter per 100 messages, for ours and
for queue.Queue, with both threads pinned to one CPU and unpinned. The same counts are taken
per round trip of a call into a long-lived STA (bench/resident.py's core proxy, MTA and STA
callers) against SimpleQueue request/reply (``--resident``), and ``--calls`` counts the
Python function calls (Python and C) each thread makes per message instead (under a
profiler: its times mean nothing). ``--gil-keeping-wake``
replaces the parker's wake-up (``os.eventfd_write``, which lets the GIL go before the write)
with one that keeps the GIL (libc's eventfd_write through ``ctypes.PyDLL``) to show the
switches come from that hand-off; it is a diagnosis, not a fix (a ctypes call costs 1-1.5 us
against 0.3 us for os.eventfd_write)::

    PYTHONPATH=src python -m bench.switches
    PYTHONPATH=src python -m bench.switches --gil-keeping-wake
    PYTHONPATH=src python -m bench.switches --resident [--calls]

System calls per message: run one stream under ``strace -f -c`` with ``--only NAME``.

Linux only (/proc/self/task/<tid>/status, sched_setaffinity).
"""

from __future__ import annotations

import argparse
import ctypes
import os
import sys
import threading
import time
from typing import TYPE_CHECKING

from . import messages, resident

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._harness import Server

__all__ = ["main", "switches"]

MESSAGES = 20000


def _switches(native_id: int) -> tuple[int, int]:
    """(voluntary, involuntary) context switches of a thread of this process so far."""
    counts = {}
    with open(f"/proc/self/task/{native_id}/status") as status:
        for line in status:
            if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                name, value = line.split(":")
                counts[name] = int(value)
    return counts["voluntary_ctxt_switches"], counts["nonvoluntary_ctxt_switches"]


def switches(
    make: Callable[[], Server],
    pinned: bool,
    count: int = MESSAGES,
    enter: Callable[[], Callable[[], None]] | None = None,
    calls: bool = False,
) -> dict[str, float]:
    """Run ``count`` messages of a stream; us per message and switches per 100 by thread.

    ``enter()`` runs on the poster (main) thread once the server is ready (joining an
    apartment) and returns what undoes it. With ``calls``, the counts are the Python calls
    of each thread per message instead of its context switches.
    """
    server = make()
    ready = threading.Event()
    getter: list[int] = []
    cpus = os.sched_getaffinity(0)
    one = {min(cpus)}

    def serve() -> None:
        if pinned:
            os.sched_setaffinity(0, one)
        getter.append(threading.get_native_id())
        server.serve(ready.set)

    counter = _CallCounter() if calls else None
    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    ready.wait()
    leave = enter() if enter is not None else None
    try:
        if pinned:
            os.sched_setaffinity(0, one)
        poster = threading.get_native_id()
        server.loop(1000)  # warm-up
        if counter is not None:
            counter.start(poster, getter[0])
        before = _switches(poster), _switches(getter[0])
        start = time.perf_counter()
        server.loop(count)
        elapsed = time.perf_counter() - start
        after = _switches(poster), _switches(getter[0])
        if counter is not None:
            before, after = ((0, 0), (0, 0)), counter.stop()
        if leave is not None:
            leave()
        server.stop()
        thread.join()
    finally:
        os.sched_setaffinity(0, cpus)
    per = 100 / count
    return {
        "us/msg": elapsed / count * 1e6,
        "poster voluntary": (after[0][0] - before[0][0]) * per,
        "poster involuntary": (after[0][1] - before[0][1]) * per,
        "getter voluntary": (after[1][0] - before[1][0]) * per,
        "getter involuntary": (after[1][1] - before[1][1]) * per,
    }


class _CallCounter:
    """Counts the calls (Python and C functions) of the poster and the getter thread.

    The profiler is set for the getter before it starts (``threading.setprofile``) and on
    the poster; it counts only between :meth:`start` and :meth:`stop`.
    """

    def __init__(self) -> None:
        self._ids: dict[int, int] = {}
        self._counts = [0, 0, 0]
        self._on = False
        threading.setprofile(self._profile)

    def _profile(self, frame: object, event: str, arg: object) -> None:
        if self._on and (event == "call" or event == "c_call"):
            self._counts[self._ids.get(threading.get_native_id(), 2)] += 1

    def start(self, poster: int, getter: int) -> None:
        """Count from now on, the poster's (the calling thread's) and the getter's calls."""
        self._ids = {poster: 0, getter: 1}
        sys.setprofile(self._profile)
        self._on = True

    def stop(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """Stop counting; (poster's calls, 0), (getter's calls, 0), as _switches pairs."""
        self._on = False
        sys.setprofile(None)
        threading.setprofile(None)
        return (self._counts[0], 0), (self._counts[1], 0)


def _keep_the_gil_in_wakes() -> None:
    """Make the eventfd parker's wake-up keep the GIL (diagnosis only: see the docstring)."""
    from apartment.kernel import _parker

    write = ctypes.PyDLL(None).eventfd_write  # PyDLL: the GIL stays held during the call
    write.argtypes = (ctypes.c_int, ctypes.c_uint64)
    write.restype = ctypes.c_int

    def release(self: _parker._EventFdParker) -> None:
        write(self._fd, 1)

    _parker._EventFdParker.release = release  # type: ignore[method-assign]


def main(argv: list[str] | None = None) -> None:
    """Print us per message and switches per 100 messages, ours and queue.Queue's."""
    parser = argparse.ArgumentParser(prog="python -m bench.switches", description=__doc__)
    parser.add_argument("--gil-keeping-wake", action="store_true", help="diagnosis: see above")
    parser.add_argument("--resident", action="store_true", help="calls into a resident STA")
    parser.add_argument("--calls", action="store_true", help="count Python calls, not switches")
    parser.add_argument("--only", help="run only the stream of this name, unpinned (for strace)")
    parser.add_argument("--count", type=int, default=MESSAGES, help="messages per stream")
    options = parser.parse_args(argv)
    if options.gil_keeping_wake:
        _keep_the_gil_in_wakes()
    streams: dict[str, tuple[Callable[[], Server], Callable[[], Callable[[], None]] | None]]
    if options.resident:
        streams = {
            "STA call, MTA caller": (resident._sta_proxy_server, resident._enter(True)),
            "STA call, STA caller": (resident._sta_proxy_server, resident._enter(False)),
            "SimpleQueue req/rep": (resident._simple_queue_server, None),
        }
    else:
        streams = {
            "apartment post/get_message": (messages._post_get_stream, None),
            "queue.Queue": (messages._queue_queue_stream, None),
        }
    what = "Python calls" if options.calls else "switches"
    print(f"{'stream':<28} {'placement':<9} {'us/msg':>7}  {what} per 100 msgs")
    for pinned in (False,) if options.only else (True, False):
        for name, (make, enter) in streams.items():
            if options.only and name != options.only:
                continue
            figures = switches(make, pinned, options.count, enter, options.calls)
            counts = "  ".join(
                f"{key.replace('voluntary', 'calls' if options.calls else 'vol')} {value:.1f}"
                for key, value in figures.items()
                if key != "us/msg" and not (options.calls and "involuntary" in key)
            )
            placement = "same-CPU" if pinned else "unpinned"
            print(f"{name:<28} {placement:<9} {figures['us/msg']:7.2f}  {counts}")


if __name__ == "__main__":
    main()
