"""Hosting the multithreaded apartment: the worker threads that run calls into it.

Into the MTA, a call runs on an MTA worker thread of the library (as RPC threads serve the MTA
on Windows); the workers serve the MTA without holding it alive. A caller in the MTA just
waits for its call's reply. The MTA is created by the first thread that joins it, or, as a
*host* MTA that lasts as long as the process, by the first activation that needs it.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from typing import TYPE_CHECKING, Any

from .._fork import APARTMENTS, POOL, after_fork_in_child, hold_across_fork
from ..kernel import Event, Semaphore, start_thread
from ..kernel.lowlevel import KERNEL_LOCK, wait_any_forever, wait_any_unchecked
from ._apartment import Apartment, ApartmentKind, call_in, process_com, thread_state
from ._callctl import controlled_call_out, controls, run_controlled
from ._hosting import Hosting, nothing_to_do
from ._packet import SPARE, no_call
from ._packet import CallPacket as CallPacket  # explicit: the pool's tests reach it here

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["MTA", "new_mta_locked", "ensure_mta", "run_in_mta"]

_REMOTE = ApartmentKind.REMOTE


class _MtaPool:
    """Threads that run calls from other apartments in the MTA, as many as calls need."""

    IDLE_SECONDS = 30.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tasks: deque[CallPacket] = deque()
        self._ready = Semaphore(0, 1 << 30)
        self._idle = 0
        self._names = itertools.count(1)

    def after_fork_in_child(self) -> None:
        """Start afresh in a forked child: the parent's workers did not come along."""
        self._tasks.clear()  # their callers did not come along either
        self._ready = Semaphore(0, 1 << 30)
        self._idle = 0

    def submit(self, packet: CallPacket) -> None:
        """Queue a call for a worker, starting one if none is idle (on the calling thread)."""
        with self._lock:
            self._tasks.append(packet)
            start = self._idle == 0
            if not start:
                self._idle -= 1
        if start:
            start_thread(self._work, name=f"apartment-mta-worker-{next(self._names)}")
        self._ready.release()

    def _work(self) -> None:
        state = thread_state()  # a worker serves the MTA without holding it alive (no initialize)
        while True:
            if not self._ready.wait(self.IDLE_SECONDS):
                with self._lock:
                    if self._idle and not self._tasks:
                        self._idle -= 1
                        return
                continue
            with self._lock:
                packet = self._tasks.popleft()
            if state.apartment is not packet.target:  # the MTA of this call (a later one, maybe)
                with KERNEL_LOCK:
                    state.apartment = packet.target
            bound = packet.control
            executed = packet.execute() if bound is None else run_controlled(packet, bound)
            with self._lock:
                self._idle += 1  # before the caller is released: its next call finds us idle
            if executed:
                packet.finish()


_mta_pool = _MtaPool()
hold_across_fork(_mta_pool._lock, POOL)
after_fork_in_child(_mta_pool.after_fork_in_child, APARTMENTS)


def _submit(packet: CallPacket) -> None:
    """Hand a call into the MTA to a worker (the pool is looked up here: tests replace it)."""
    _mta_pool.submit(packet)


def _call_out(
    caller: Apartment, target: Apartment, fn: Callable[..., Any], args: tuple[Any, ...]
) -> Any:  # noqa: ANN401
    """Run ``fn(*args)`` in ``target`` for the MTA ``caller``: deliver it, then just wait.

    The steps around the wait are those of the STA's ``_call_out``, written out in each:
    this is the hottest path of the library.
    """
    if target is caller:
        return fn(*args)
    deliver = target.deliver
    if deliver is None:  # the neutral apartment: the call runs on the caller's thread
        return fn(*args)
    control = controls.current
    if control is not None:  # the thread bounds its calls: the slow path
        return controlled_call_out(control, caller, target, fn, args, _plain_wait)
    try:  # the thread's spare packet (see SPARE), its fields set here: no allocation
        packet: CallPacket | None = SPARE.packet
    except AttributeError:
        packet = None
    if packet is None:
        packet = CallPacket(caller, target, fn, args, Event(manual_reset=True))
    else:
        SPARE.packet = None  # taken
        packet.caller = caller
        packet.target = target
        packet.fn = fn
        packet.args = args
        packet.finished = False
    deliver(packet)
    with KERNEL_LOCK:
        finished = packet.finished  # often, by the time this thread has the GIL again
    if not finished:
        wait_any_forever((packet.done,))
    if packet.error is not None or target.kind is _REMOTE:
        return packet.outcome()
    result = packet.result  # finished: nothing but this thread reaches the packet now
    packet.fn = no_call  # the spare keeps nothing of the call alive: not its function,
    packet.args = ()  # its arguments,
    packet.result = None  # its result,
    packet.target = caller  # nor the other apartment
    packet.done._ready = False  # recycle_event(), inlined
    SPARE.packet = packet
    return result


def _plain_wait(
    packet: CallPacket, caller: Apartment, extra: tuple[Event, ...], timeout: float | None
) -> bool:
    """Wait for a bounded call's reply, at most ``timeout`` seconds; True when it came."""
    result = wait_any_unchecked((packet.done, *extra), timeout)
    return result is not None and result.index == 0


MTA = Hosting(open=nothing_to_do, close=nothing_to_do, deliver=_submit, call_out=_call_out)
"""The MTA's hosting: worker threads receive its calls; its calls out plainly wait."""


def new_mta_locked(*, host: bool) -> Apartment:
    """Create the process's MTA, when it has none; the caller holds the kernel lock.

    ``host``: the MTA is made by activation (a host MTA) rather than by a thread joining it.
    """
    mta_apartment = process_com.mta = Apartment(ApartmentKind.MTA, MTA, host=host)
    mta_apartment.open()
    return mta_apartment


def ensure_mta() -> Apartment:
    """Return the MTA, creating a host MTA if none exists (it then lasts as long as the process).

    A host MTA is what COM creates when an STA activates a Free-threaded class and no thread
    is in the MTA yet.
    """
    with KERNEL_LOCK:
        mta_apartment = process_com.mta
        if mta_apartment is None:
            mta_apartment = new_mta_locked(host=True)
            mta_apartment.members += 1  # held by the host until the process ends
        return mta_apartment


def run_in_mta(fn: Callable[..., Any], *args: Any) -> Any:  # noqa: ANN401
    """Run ``fn(*args)`` on an MTA thread (creating the host MTA if needed) and wait."""
    return call_in(ensure_mta(), fn, *args)
