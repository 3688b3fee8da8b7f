"""Context switches per message of the post+get stream (bench/messages.py's throughput case).

``messages.post+get throughput`` misses its target on one CPU (post_thread_message +
get_message against queue.Queue) while it passes unpinned and across CPUs. What differs is
how often the getter parks and is woken: this counts, from /proc, the voluntary and
involuntary context switches of the poster and of the getter per 100 messages, for ours and
for queue.Queue, with both threads pinned to one CPU and unpinned. ``--gil-keeping-wake``
replaces the parker's wake-up (``os.eventfd_write``, which lets the GIL go before the write)
with one that keeps the GIL (libc's eventfd_write through ``ctypes.PyDLL``) to show the
switches come from that hand-off; it is a diagnosis, not a fix (a ctypes call costs 1-1.5 us
against 0.3 us for os.eventfd_write)::

    PYTHONPATH=src python -m bench.switches
    PYTHONPATH=src python -m bench.switches --gil-keeping-wake

Linux only (/proc/self/task/<tid>/status, sched_setaffinity).
"""

from __future__ import annotations

import argparse
import ctypes
import os
import threading
import time
from typing import TYPE_CHECKING

from . import messages

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


def switches(make: Callable[[], Server], pinned: bool, count: int = MESSAGES) -> dict[str, float]:
    """Run ``count`` messages of a stream; us per message and switches per 100 by thread."""
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

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    ready.wait()
    try:
        if pinned:
            os.sched_setaffinity(0, one)
        poster = threading.get_native_id()
        server.loop(1000)  # warm-up
        before = _switches(poster), _switches(getter[0])
        start = time.perf_counter()
        server.loop(count)
        elapsed = time.perf_counter() - start
        after = _switches(poster), _switches(getter[0])
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
    options = parser.parse_args(argv)
    if options.gil_keeping_wake:
        _keep_the_gil_in_wakes()
    streams = {
        "apartment post/get_message": messages._post_get_stream,
        "queue.Queue": messages._queue_queue_stream,
    }
    print(f"{'stream':<28} {'placement':<9} {'us/msg':>7}  switches per 100 msgs")
    for pinned in (True, False):
        for name, make in streams.items():
            figures = switches(make, pinned)
            counts = "  ".join(
                f"{key} {value:.1f}" for key, value in figures.items() if key != "us/msg"
            )
            placement = "same-CPU" if pinned else "unpinned"
            print(f"{name:<28} {placement:<9} {figures['us/msg']:7.2f}  {counts}")


if __name__ == "__main__":
    main()
