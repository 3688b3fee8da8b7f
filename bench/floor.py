"""How close a pure-Python facade can get to the core: the floor of a translating call.

Issue 13 asks each facade call to cost at most 1.2x the core call it translates. This runs,
on one thread and by its own CPU clock (steady on a loaded machine), each of the facade's
hot single calls four ways::

    core          the core call itself (event.set(), post_thread_message + get_message)
    facade        the win32 function as shipped
    bare frame    a Python function that only calls the core (no argument checks at all)
    C callable    operator.methodcaller on a bound method of the core object: no Python
                  frame of its own (the shape "a facade function that is a C-level callable"
                  would have); only for the calls on one handle

The bare frame is the floor of any facade written in Python; the C callable is what the
idea of making the facade function a C-level callable would reach. On CPython 3.11 a Python
function called from C (methodcaller) starts a fresh interpreter entry, which costs about
what the Python frame it saves does, so the two come out level. Run::

    PYTHONPATH=src python -m bench.floor            # ns per call and ratios to the core
    PYTHONPATH=src python -m bench.floor --rounds 60
"""

from __future__ import annotations

import argparse
import gc
import operator
import time
from typing import TYPE_CHECKING

from apartment import kernel, messages
from apartment.kernel import Event

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["main", "measure"]

CALLS = 4000
"""Operations per sample; the figure is the fastest of ``rounds`` samples."""
WM_APP = 0x8000


def _event_loops() -> dict[str, Callable[[int], None]]:
    """SetEvent + WaitForSingleObject(0) + ResetEvent on a manual-reset event."""
    from apartment.win32 import win32event

    event = Event(manual_reset=True)
    handle = win32event.CreateEvent(None, True, False, None)
    set_event, wait, reset = (
        win32event.SetEvent,
        win32event.WaitForSingleObject,
        win32event.ResetEvent,
    )
    core_set, core_wait, core_reset = event.set, event.wait, event.reset

    def bare_set(h: object, /) -> None:
        core_set()

    def bare_wait(h: object, ms: int, /) -> object:
        return core_wait(ms / 1000.0)

    def bare_reset(h: object, /) -> None:
        core_reset()

    class _Bound:  # a handle carrying the core object's bound methods
        __slots__ = ("reset", "set", "wait")

        def __init__(self) -> None:
            self.set, self.wait, self.reset = core_set, core_wait, core_reset

    bound = _Bound()
    call_set, call_reset = operator.methodcaller("set"), operator.methodcaller("reset")
    call_wait = operator.methodcaller("wait", 0.0)

    def core(n: int) -> None:
        for _ in range(n):
            event.set()
            event.wait(0)
            event.reset()

    def facade(n: int) -> None:
        for _ in range(n):
            set_event(handle)
            wait(handle, 0)
            reset(handle)

    def bare(n: int) -> None:
        for _ in range(n):
            bare_set(handle)
            bare_wait(handle, 0)
            bare_reset(handle)

    def c_callable(n: int) -> None:
        for _ in range(n):
            call_set(bound)
            call_wait(bound)
            call_reset(bound)

    return {"core": core, "facade": facade, "bare frame": bare, "C callable": c_callable}


def _post_get_loops() -> dict[str, Callable[[int], None]]:
    """PostThreadMessage + GetMessage(None, 0, 0) on the calling thread."""
    from apartment.win32 import win32api, win32gui

    me = kernel.current_thread().native_id
    messages.peek_message()  # the queue exists
    post, get = messages.post_thread_message, messages.get_message
    post_thread_message, get_message = win32api.PostThreadMessage, win32gui.GetMessage

    def bare_post(tid: int, msg: int, wparam: object = None, lparam: object = None, /) -> None:
        post(tid, msg, wparam, lparam)

    def bare_get(hwnd: object, first: int, last: int, /) -> list[object]:
        return [1, get()]

    def core(n: int) -> None:
        for _ in range(n):
            post(me, WM_APP, 1, 2)
            get()

    def facade(n: int) -> None:
        for _ in range(n):
            post_thread_message(me, WM_APP, 1, 2)
            get_message(None, 0, 0)

    def bare(n: int) -> None:
        for _ in range(n):
            bare_post(me, WM_APP, 1, 2)
            bare_get(None, 0, 0)

    return {"core": core, "facade": facade, "bare frame": bare}


CASES: dict[str, Callable[[], dict[str, Callable[[int], None]]]] = {
    "SetEvent+WaitForSingleObject+ResetEvent": _event_loops,
    "PostThreadMessage+GetMessage": _post_get_loops,
}


def measure(rounds: int) -> dict[str, dict[str, float]]:
    """Return ns per operation by case and way: the fastest sample, ways interleaved."""
    results: dict[str, dict[str, float]] = {}
    enabled = gc.isenabled()
    gc.disable()  # a collection in one sample would be noise
    try:
        for case, make in CASES.items():
            loops = make()
            best = dict.fromkeys(loops, float("inf"))
            for _ in range(rounds):
                for way, loop in loops.items():
                    start = time.thread_time()
                    loop(CALLS)
                    best[way] = min(best[way], time.thread_time() - start)
            results[case] = {way: seconds / CALLS * 1e9 for way, seconds in best.items()}
    finally:
        if enabled:
            gc.enable()
    return results


def main(argv: list[str] | None = None) -> None:
    """Print ns per operation of each way and its ratio to the core call."""
    parser = argparse.ArgumentParser(prog="python -m bench.floor", description=__doc__)
    parser.add_argument("--rounds", type=int, default=40, help="samples per way (default 40)")
    options = parser.parse_args(argv)
    for case, ways in measure(options.rounds).items():
        core = ways["core"]
        print(case)
        for way, ns in ways.items():
            print(f"    {way:<12} {ns:8.0f} ns/op   {ns / core:5.2f}x core")


if __name__ == "__main__":
    main()
