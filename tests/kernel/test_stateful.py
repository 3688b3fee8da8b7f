"""Stateful property tests of the wait engine across real threads.

Worker threads block in random wait_any / wait_all calls over a small set of objects while
the test sets, resets and pulses events, releases the semaphore and lets workers go. After
every step the test waits until every worker is parked again (in its wait, or holding what
it got) and checks the invariants:

* semaphore units are conserved: count + units held by workers == initial + released;
* at most one thread owns the mutex, and it is a worker that was granted it;
* no lost wake-up: no worker is parked in a wait that its objects could satisfy now;
* a worker still waiting in wait_all holds none of its objects.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from apartment.kernel import (
    ALERTED,
    Event,
    Mutex,
    Semaphore,
    ThreadHandle,
    Waitable,
    WaitResult,
    queue_apc,
    start_thread,
    wait_all,
    wait_any,
)
from apartment.testing import is_blocked, wait_until_blocked

SEMAPHORE_MAX = 3


@dataclass
class Worker:
    """A thread that waits once, reports what it got, then holds it until told to go."""

    objects: tuple[Waitable, ...]
    wait_all: bool
    gate: Event = field(default_factory=Event)
    result: list[WaitResult | None] = field(default_factory=list)
    thread: ThreadHandle | None = None

    def run(self) -> None:
        wait = wait_all if self.wait_all else wait_any
        result = wait(self.objects, None, alertable=True)
        self.result.append(result)
        if result is ALERTED:
            return  # told to give up
        self.gate.wait()
        for obj in self.acquired():
            if isinstance(obj, Mutex):
                obj.release()

    def acquired(self) -> tuple[Waitable, ...]:
        if not self.result or self.result[0] is None or self.result[0] is ALERTED:
            return ()
        if self.wait_all:
            return self.objects
        return (self.objects[self.result[0].index],)


class WaitEngine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.auto = Event()
        self.manual = Event(manual_reset=True)
        self.semaphore = Semaphore(1, SEMAPHORE_MAX)
        self.mutex = Mutex()
        self.objects: tuple[Waitable, ...] = (self.auto, self.manual, self.semaphore, self.mutex)
        self.released = 0
        self.workers: list[Worker] = []

    # -- quiescence -------------------------------------------------------------------------

    def settle(self) -> None:
        """Wait until every live worker is parked (in its wait, or at its gate)."""
        for worker in self.workers:
            assert worker.thread is not None
            if worker.thread.is_alive():
                wait_until_blocked(worker.thread)

    def live(self) -> list[Worker]:
        return [w for w in self.workers if w.thread is not None and w.thread.is_alive()]

    def waiting(self) -> list[Worker]:
        return [w for w in self.live() if not w.result]

    def holding(self) -> list[Worker]:
        return [w for w in self.live() if w.result and w.result[0] is not ALERTED]

    # -- rules ------------------------------------------------------------------------------

    @precondition(lambda self: len(self.live()) < 6)
    @rule(
        picks=st.lists(st.integers(0, 3), min_size=1, max_size=4),
        all_of_them=st.booleans(),
    )
    def spawn(self, picks: list[int], all_of_them: bool) -> None:
        chosen = tuple(self.objects[i] for i in picks)
        if all_of_them:
            chosen = tuple(dict.fromkeys(chosen))  # wait_all takes each object once
        worker = Worker(chosen, all_of_them)
        worker.thread = start_thread(worker.run)
        self.workers.append(worker)
        self.settle()

    @rule()
    def set_auto(self) -> None:
        self.auto.set()
        self.settle()

    @rule()
    def set_manual(self) -> None:
        self.manual.set()
        self.settle()

    @rule()
    def reset_manual(self) -> None:
        self.manual.reset()

    @rule(manual=st.booleans())
    def pulse(self, manual: bool) -> None:
        (self.manual if manual else self.auto).pulse()
        self.settle()

    @rule(count=st.integers(1, SEMAPHORE_MAX))
    def release_semaphore(self, count: int) -> None:
        before = self.semaphore.statistics().count
        if before + count > SEMAPHORE_MAX:
            return
        assert self.semaphore.release(count) == before
        self.released += count
        self.settle()

    @precondition(lambda self: bool(self.holding()))
    @rule(data=st.data())
    def let_go(self, data: st.DataObject) -> None:
        worker = data.draw(st.sampled_from(self.holding()))
        worker.gate.set()
        assert worker.thread is not None
        assert worker.thread.wait(10)
        self.settle()

    # -- invariants -------------------------------------------------------------------------

    @invariant()
    def semaphore_units_are_conserved(self) -> None:
        held = sum(
            1 for w in self.holding() + self.gone() for o in w.acquired() if o is self.semaphore
        )
        assert self.semaphore.statistics().count + held == 1 + self.released

    def gone(self) -> list[Worker]:
        return [w for w in self.workers if w.thread is not None and not w.thread.is_alive()]

    @invariant()
    def the_mutex_has_at_most_one_owner_and_it_was_granted_it(self) -> None:
        owner = self.mutex.statistics().owner
        owners = [w for w in self.holding() if self.mutex in w.acquired()]
        assert len(owners) <= 1
        if owner is None:
            assert owners == []
        else:
            assert [w.thread.native_id for w in owners if w.thread] == [owner]

    @invariant()
    def no_waiter_could_be_satisfied_now(self) -> None:
        for worker in self.waiting():
            assert worker.thread is not None
            assert is_blocked(worker.thread), "a worker should be parked in its wait"
            ready = [self._ready(obj) for obj in worker.objects]
            if worker.wait_all:
                assert not all(ready), f"lost wake-up: wait_all over {worker.objects}"
            else:
                assert not any(ready), f"lost wake-up: wait_any over {worker.objects}"

    @invariant()
    def a_pending_wait_all_holds_nothing(self) -> None:
        for worker in self.waiting():
            if worker.wait_all and worker.thread is not None:
                assert self.mutex.statistics().owner != worker.thread.native_id

    def _ready(self, obj: Waitable) -> bool:
        if obj is self.mutex:
            return self.mutex.statistics().owner is None
        if obj is self.semaphore:
            return self.semaphore.statistics().count > 0
        return obj.is_set()  # type: ignore[attr-defined, no-any-return]

    def teardown(self) -> None:
        for worker in self.workers:
            assert worker.thread is not None
            if not worker.result and worker.thread.is_alive():
                queue_apc(worker.thread, lambda: None)  # ends its alertable wait
            worker.gate.set()
        for worker in self.workers:
            assert worker.thread is not None
            assert worker.thread.wait(10)


TestWaitEngine = WaitEngine.TestCase


class SwitchingWaitEngine(WaitEngine):
    """The same machine with the interpreter switching threads as often as it can."""

    def __init__(self) -> None:
        super().__init__()
        self._interval = sys.getswitchinterval()
        sys.setswitchinterval(1e-6)

    def teardown(self) -> None:
        try:
            super().teardown()
        finally:
            sys.setswitchinterval(self._interval)


# Without a GIL (3.13t, PYTHON_GIL=0) the switch interval switches nothing: the machine would be
# TestWaitEngine's again, run twice as long as the lane's timeout allows under load.
TestWaitEngineWithFastSwitching = pytest.mark.skipif(
    not getattr(sys, "_is_gil_enabled", lambda: True)(),
    reason="no GIL: the switch interval does nothing, TestWaitEngine covers it",
)(SwitchingWaitEngine.TestCase)
