"""Count the Python work on a call's critical path: calls and bytecodes per operation, per side.

Wall-clock ratios on a shared machine are noisy; the number of Python frames and bytecodes an
operation runs is not, and it is what separates a proxy call from a SimpleQueue round trip
(s25 found ~550 bytecodes per side against ~50). Run it before and after a cut::

    PYTHONPATH=src python -m bench.callcount            # every case
    PYTHONPATH=src python -m bench.callcount facade     # cases whose name contains "facade"
    PYTHONPATH=src python -m bench.callcount -v sta     # and the functions that ran, by count

Each case runs its operation ``WARMUP`` times untraced, then ``CALLS`` times with a tracer on
each thread of the case (the caller, and the server thread for two-thread cases) that counts
Python function calls and bytecodes; the table shows both per operation and side. The
server's counts include its idle loop's work per message (the wait it returns from and the
next wait it enters).

``--cpu`` runs each operation ``CPU_CALLS`` times untraced instead and shows the CPU time
each thread spent per operation (its own CPU clock): on a loaded machine, where wall-clock
ratios drift with the other load, a single-thread case's figure is still its Python work.
A two-thread case's includes the kernel's time to block and wake each side (on a VM that
is most of it: a SimpleQueue round trip shows ~7 us per side).
"""

from __future__ import annotations

import argparse
import collections
import queue
import sys
import threading
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import FrameType

__all__ = ["Counter", "main"]

WARMUP = 200
CALLS = 1000
CPU_CALLS = 20000
"""Operations timed untraced in ``--cpu`` mode (each thread's CPU clock, not the wall's)."""
_cpu_mode = False


class CpuClock:
    """A thread's CPU clock, readable from any thread (``time.pthread_getcpuclockid``)."""

    def __init__(self) -> None:
        self.clock = -1

    def install(self) -> None:
        """Remember the calling thread's clock."""
        self.clock = time.pthread_getcpuclockid(threading.get_ident())

    def read(self) -> float:
        """Seconds of CPU the thread has used."""
        return time.clock_gettime(self.clock)


class Counter:
    """A per-thread tracer that counts calls and bytecodes while ``on`` is set.

    ``install()`` runs on the thread to count (sys.settrace is per thread); the tracer runs
    on that thread only.
    """

    def __init__(self, gate: threading.Event) -> None:
        self.gate = gate
        self.calls = 0
        self.opcodes = 0
        self.cpu = 0.0  # --cpu: CPU seconds per operation
        self.functions: collections.Counter[str] = collections.Counter()
        self.bytecodes: collections.Counter[str] = collections.Counter()

    def install(self) -> None:
        """Trace the calling thread from now on."""
        sys.settrace(self._global)

    def _global(self, frame: FrameType, event: str, arg: object) -> Any:  # noqa: ANN401
        # Every frame is traced, counted only while the gate is open: a loop that began
        # before (the server's message loop) has its bytecodes counted too.
        if event != "call":
            return None
        if self.gate.is_set():
            self.calls += 1
            self.functions[_name(frame)] += 1
        frame.f_trace_opcodes = True
        return self._local

    def _local(self, frame: FrameType, event: str, arg: object) -> Any:  # noqa: ANN401
        if event == "opcode" and self.gate.is_set():
            self.opcodes += 1
            self.bytecodes[_name(frame)] += 1
        return self._local


def _name(frame: FrameType) -> str:
    code = frame.f_code
    return f"{code.co_filename.rsplit('/', 1)[-1]}:{code.co_firstlineno}:{code.co_name}"


def _two_threads(
    serve: Callable[[Callable[[], None]], None],
    stop: Callable[[], None],
    make_op: Callable[[], Callable[[], object]],
    enter: Callable[[], Callable[[], None]] | None,
) -> tuple[Counter, Counter]:
    gate = threading.Event()
    caller, server = Counter(gate), Counter(gate)
    ready = threading.Event()
    server_clock = CpuClock()

    def partner() -> None:
        server_clock.install()
        if not _cpu_mode:
            server.install()
        serve(ready.set)

    thread = threading.Thread(target=partner, daemon=True)
    thread.start()
    ready.wait()
    leave = enter() if enter is not None else None
    try:
        op = make_op()
        for _ in range(WARMUP):
            op()
        if _cpu_mode:
            _time_cpu(op, caller, server, server_clock)
        else:
            caller.install()
            gate.set()
            for _ in range(CALLS):
                op()
            gate.clear()
            sys.settrace(None)
    finally:
        if leave is not None:
            leave()
        stop()
        thread.join()
    return caller, server


def _time_cpu(
    op: Callable[[], object], caller: Counter, server: Counter, server_clock: CpuClock | None
) -> None:
    """Run ``op`` CPU_CALLS times; keep each thread's CPU seconds per op in ``cpu``."""
    mine = CpuClock()
    mine.install()
    server_start = server_clock.read() if server_clock is not None else 0.0
    start = mine.read()
    for _ in range(CPU_CALLS):
        op()
    caller.cpu = (mine.read() - start) / CPU_CALLS
    if server_clock is not None:
        server.cpu = (server_clock.read() - server_start) / CPU_CALLS


def _one_thread(make_op: Callable[[], Callable[[], object]]) -> tuple[Counter, Counter]:
    gate = threading.Event()
    caller = Counter(gate)
    op = make_op()
    for _ in range(WARMUP):
        op()
    if _cpu_mode:
        _time_cpu(op, caller, Counter(gate), None)
        return caller, Counter(gate)
    caller.install()
    gate.set()
    for _ in range(CALLS):
        op()
    gate.clear()
    sys.settrace(None)
    return caller, Counter(gate)


# -- cases -------------------------------------------------------------------------------------


def _enter(multithreaded: bool) -> Callable[[], Callable[[], None]]:
    def enter() -> Callable[[], None]:
        from apartment import com

        com.initialize(multithreaded)
        return com.uninitialize

    return enter


def _simple_queue() -> tuple[Counter, Counter]:
    req: queue.SimpleQueue[tuple[str, tuple[int]] | None] = queue.SimpleQueue()
    rep: queue.SimpleQueue[int] = queue.SimpleQueue()

    class Calc:
        def add_one(self, value: int) -> int:
            return value + 1

    def serve(ready: Callable[[], None]) -> None:
        obj = Calc()
        ready()
        while (request := req.get()) is not None:
            name, args = request
            rep.put(getattr(obj, name)(*args))

    def make_op() -> Callable[[], object]:
        def op() -> object:
            req.put(("add_one", (1,)))
            return rep.get()

        return op

    return _two_threads(serve, lambda: req.put(None), make_op, None)


def _core_proxy(multithreaded: bool) -> Callable[[], tuple[Counter, Counter]]:
    def run() -> tuple[Counter, Counter]:
        from apartment import com
        from apartment.messages import WM_QUIT, post_thread_message, pump_messages

        @com.threading_model("Apartment")
        class Calc:
            _public_methods_ = ("add_one",)

            def add_one(self, value: int) -> int:
                return value + 1

        box: list[Any] = []

        def serve(ready: Callable[[], None]) -> None:
            com.initialize()
            try:
                box.extend((com.marshal(com.create(Calc)), threading.get_native_id()))
                ready()
                pump_messages()
            finally:
                com.uninitialize()

        def make_op() -> Callable[[], object]:
            proxy = box[0].unmarshal()
            return lambda: proxy.add_one(1)

        return _two_threads(
            serve, lambda: post_thread_message(box[1], WM_QUIT), make_op, _enter(multithreaded)
        )

    return run


def _facade_dispatch(multithreaded: bool) -> Callable[[], tuple[Counter, Counter]]:
    def run() -> tuple[Counter, Counter]:
        from apartment.messages import WM_QUIT, post_thread_message

        class Calc:
            _public_methods_ = ("add_one",)

            def add_one(self, value: int) -> int:
                return value + 1

        box: list[Any] = []

        def serve(ready: Callable[[], None]) -> None:
            # pythoncom is first imported here, as the bench does: its import initializes COM
            from apartment.win32 import pythoncom
            from apartment.win32.win32com.server.util import wrap

            pythoncom.CoInitializeEx(pythoncom.COINIT_APARTMENTTHREADED)
            try:
                stream = pythoncom.CoMarshalInterThreadInterfaceInStream(
                    pythoncom.IID_IDispatch, wrap(Calc())
                )
                box.extend((stream, threading.get_native_id()))
                ready()
                pythoncom.PumpMessages()
            finally:
                pythoncom.CoUninitialize()

        def make_op() -> Callable[[], object]:
            from apartment.win32 import pythoncom
            from apartment.win32.win32com.client import Dispatch

            client = Dispatch(
                pythoncom.CoGetInterfaceAndReleaseStream(box[0], pythoncom.IID_IDispatch)
            )
            return lambda: client.add_one(1)

        return _two_threads(
            serve, lambda: post_thread_message(box[1], WM_QUIT), make_op, _enter(multithreaded)
        )

    return run


def _facade_single(name: str) -> Callable[[], tuple[Counter, Counter]]:
    def run() -> tuple[Counter, Counter]:
        from apartment import kernel, messages
        from apartment.kernel import Event, wait_any

        def make_op() -> Callable[[], object]:
            if name == "core wait_any N=64":
                events = tuple(Event(manual_reset=True) for _ in range(64))
                events[-1].set()
                return lambda: wait_any(events, 0)
            if name == "facade WaitForMultipleObjects N=64":
                from apartment.win32 import win32event

                handles = [win32event.CreateEvent(None, True, False, None) for _ in range(64)]
                win32event.SetEvent(handles[-1])
                box.append(handles)
                return lambda: win32event.WaitForMultipleObjects(handles, False, 0)
            if name == "core set+wait+reset":
                event = Event(manual_reset=True)

                def op() -> None:
                    event.set()
                    event.wait(0)
                    event.reset()

                return op
            if name == "facade SetEvent+WaitForSingleObject+ResetEvent":
                from apartment.win32 import win32event

                handle = win32event.CreateEvent(None, True, False, None)
                box.append(handle)

                def fop() -> None:
                    win32event.SetEvent(handle)
                    win32event.WaitForSingleObject(handle, 0)
                    win32event.ResetEvent(handle)

                return fop
            if name == "core post+get":
                me = kernel.current_thread()
                messages.peek_message()

                def pop() -> None:
                    messages.post_thread_message(me, 0x8000, 1, 2)
                    messages.get_message()

                return pop
            from apartment.win32 import win32api, win32gui

            tid = win32api.GetCurrentThreadId()
            win32gui.PeekMessage(None, 0, 0, 0)

            def fpop() -> None:
                win32api.PostThreadMessage(tid, 0x8000, 1, 2)
                win32gui.GetMessage(None, 0, 0)

            return fpop

        box: list[Any] = []
        return _one_thread(make_op)

    return run


CASES: dict[str, Callable[[], tuple[Counter, Counter]]] = {
    "SimpleQueue req/rep": _simple_queue,
    "sta core proxy, MTA caller": _core_proxy(True),
    "sta core proxy, STA caller": _core_proxy(False),
    "sta facade Dispatch, MTA caller": _facade_dispatch(True),
    "sta facade Dispatch, STA caller": _facade_dispatch(False),
    **{
        name: _facade_single(name)
        for name in (
            "core wait_any N=64",
            "facade WaitForMultipleObjects N=64",
            "core set+wait+reset",
            "facade SetEvent+WaitForSingleObject+ResetEvent",
            "core post+get",
            "facade PostThreadMessage+GetMessage",
        )
    },
}


def main(argv: list[str] | None = None) -> None:
    """Print calls and bytecodes per operation for each case (or those matching the filter)."""
    parser = argparse.ArgumentParser(prog="python -m bench.callcount", description=__doc__)
    parser.add_argument("filter", nargs="?", default="", help="run cases whose name has this")
    parser.add_argument("-v", "--verbose", action="store_true", help="list functions by count")
    parser.add_argument("--cpu", action="store_true", help="CPU us per operation and side")
    options = parser.parse_args(argv)
    global _cpu_mode  # one switch for the whole run, set before any case
    _cpu_mode = options.cpu
    if options.cpu:
        print(f"{'case':<48} {'caller CPU us':>13} {'server CPU us':>13}")
        for name, case in CASES.items():
            if options.filter.lower() in name.lower():
                caller, server = case()
                print(f"{name:<48} {caller.cpu * 1e6:>13.2f} {server.cpu * 1e6:>13.2f}")
        return
    print(
        f"{'case':<48} {'caller calls':>12} {'bytecodes':>9} {'server calls':>12} {'bytecodes':>9}"
    )
    for name, case in CASES.items():
        if options.filter.lower() not in name.lower():
            continue
        caller, server = case()
        print(
            f"{name:<48} {caller.calls / CALLS:>12.1f} {caller.opcodes / CALLS:>9.1f}"
            f" {server.calls / CALLS:>12.1f} {server.opcodes / CALLS:>9.1f}"
        )
        if options.verbose:
            for side, counter in (("caller", caller), ("server", server)):
                for function, count in counter.bytecodes.most_common():
                    if count >= CALLS:
                        calls = counter.functions[function] / CALLS
                        print(f"    {side} {calls:5.2f} calls {count / CALLS:6.1f} ops  {function}")


if __name__ == "__main__":
    main()
