"""wait_any_forever, the library's blocking wait, gives what the general wait engine gives.

``wait_any_forever(objects, before)`` is ``wait_any_unchecked(objects)`` (no timeout, not
alertable) written out for a few objects, with an optional hook run in the hold that starts
the wait (``wait_any_after``'s). Each test runs the same case both ways, or checks a case
the plain path hands to the general one (owned mutexes, many objects, a nested wait, a
published object, a suspended thread, Ctrl-C).
"""

from __future__ import annotations

import _thread
import dataclasses
import functools
import os
import signal
import threading
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apartment.kernel import (
    Event,
    Mutex,
    Semaphore,
    WaitResult,
    current_thread,
    publish,
    start_thread,
    wait_any,
)
from apartment.kernel import _wait as engine
from apartment.kernel._core import TIMED_OUT, UNARMED
from apartment.kernel._parker import forever, watchable_fd
from apartment.kernel._thread import current_state
from apartment.kernel.lowlevel import KERNEL_LOCK, wait_any_after, wait_any_forever
from apartment.testing import wait_until_blocked

if TYPE_CHECKING:
    from collections.abc import Callable

    from apartment.kernel import Waitable
    from apartment.kernel.lowlevel import ThreadState

WAYS: dict[str, Callable[[tuple[Waitable, ...]], WaitResult | None]] = {
    "forever": wait_any_forever,
    "general": lambda objects: wait_any(objects, None),
}

# An object's kind and whether it is ready for the waiting thread: a mutex not ready is
# owned by a live thread (the holder), an "abandoned" one was left by a thread that ended.
KINDS = ["auto", "manual", "semaphore", "mutex", "abandoned"]


class _Holder:
    """A thread that owns the mutexes it is given until ``close()``."""

    def __init__(self) -> None:
        self.gate = Event(manual_reset=True)
        self.mutexes: list[Mutex] = []
        self.thread = None

    def hold(self, mutexes: list[Mutex]) -> None:
        holding = Event(manual_reset=True)

        def run() -> None:
            for mutex in mutexes:
                mutex.wait()
            holding.set()
            self.gate.wait()
            for mutex in mutexes:
                mutex.release()

        self.thread = start_thread(run)  # type: ignore[assignment]
        assert holding.wait(10)

    def close(self) -> None:
        self.gate.set()
        if self.thread is not None:
            assert self.thread.wait(10)


def _make(kind: str, ready: bool, held: list[Mutex]) -> Waitable:
    if kind == "auto":
        return Event(manual_reset=False, initial_state=ready)
    if kind == "manual":
        return Event(manual_reset=True, initial_state=ready)
    if kind == "semaphore":
        return Semaphore(2 if ready else 0, 2)
    mutex = Mutex()
    if not ready:
        held.append(mutex)
    elif kind == "abandoned":
        start_thread(mutex.wait).wait(10)  # the thread ends owning it
    return mutex


def _state(obj: Waitable) -> object:
    """What a wait may change: an event's state, a semaphore's count, a mutex's owner."""
    stats = dataclasses.asdict(obj.statistics())  # type: ignore[attr-defined]
    stats.pop("threads_waiting")
    if stats.get("owner") not in (None, threading.get_native_id()):
        stats["owner"] = "another thread"
    return stats


def _release_owned(objects: tuple[Waitable, ...]) -> None:
    me = threading.get_native_id()
    for obj in objects:
        if type(obj) is Mutex:
            while obj.statistics().owner == me:
                obj.release()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(KINDS), st.booleans()), min_size=1, max_size=8).filter(
        lambda spec: any(ready for _, ready in spec)
    )
)
def test_a_ready_set_gives_what_the_general_wait_gives(spec: list[tuple[str, bool]]) -> None:
    outcomes = []
    for way in WAYS.values():
        held: list[Mutex] = []
        objects = tuple(_make(kind, ready, held) for kind, ready in spec)
        holder = _Holder()
        try:
            if held:
                holder.hold(held)
            result = way(objects)
            outcomes.append((result, [_state(obj) for obj in objects]))
            _release_owned(objects)
        finally:
            holder.close()
    assert outcomes[0] == outcomes[1]  # the same result, every object left the same way
    first = next(i for i, (_, ready) in enumerate(spec) if ready)
    assert outcomes[0][0] == WaitResult(first, abandoned=spec[first][0] == "abandoned")


@pytest.mark.parametrize("way", list(WAYS))
@pytest.mark.parametrize("count", [1, 2, 6, 7, 64])
def test_a_parked_wait_is_woken_by_the_object_made_ready(way: str, count: int) -> None:
    events = tuple(Event() for _ in range(count))
    results: list[WaitResult | None] = []
    waiter = start_thread(lambda: results.append(WAYS[way](events)))
    wait_until_blocked(waiter, on=events[-1])
    events[-1].set()
    assert waiter.wait(10)
    assert results == [WaitResult(count - 1)]
    assert not events[-1].statistics().signaled  # the auto-reset event was taken
    assert events[-1].statistics().threads_waiting == 0


def test_one_thread_waits_on_the_same_tuple_again_and_on_others() -> None:
    a, b = Event(), Event()
    first, second = (a, b), (b,)
    steps = [(first, a), (first, b), (second, b), (first, a), ((b, a), a)]
    results: list[WaitResult | None] = []

    def run() -> None:
        for objects, _ in steps:
            results.append(wait_any_forever(objects))

    t = start_thread(run)
    for _, setter in steps:  # (a decided wait is not parked: this waits for the next one)
        wait_until_blocked(t, on=setter)
        setter.set()
    assert t.wait(10)
    assert results == [WaitResult(objects.index(setter)) for objects, setter in steps]
    for event in (a, b):  # nothing is left registered: a set stays set
        event.set()
        assert event.statistics().signaled
        assert event.statistics().threads_waiting == 0


def test_fifo_among_waiters_of_both_ways() -> None:
    semaphore = Semaphore(0, 3)
    order: list[str] = []
    threads = []

    def waiter(name: str) -> None:
        WAYS["general" if name == "general" else "forever"]((semaphore,))
        order.append(name)

    for name in ["forever", "general", "forever-2"]:
        t = start_thread(waiter, name)
        wait_until_blocked(t, on=semaphore)
        threads.append(t)
    for t in threads:
        semaphore.release()
        assert t.wait(10)
    assert order == ["forever", "general", "forever-2"]


def test_before_runs_in_the_lock_hold_and_its_result_ends_the_wait() -> None:
    event = Event()
    seen: list[tuple[bool, object]] = []

    def before(thread: ThreadState, woken: None) -> str:
        seen.append((KERNEL_LOCK.locked(), woken))
        return "found"

    assert wait_any_forever((event,), before) == "found"
    assert seen == [(True, None)]
    assert event.statistics().threads_waiting == 0


@pytest.mark.parametrize("way", ["forever", "after"])
def test_before_finding_nothing_waits_as_wait_any_after_does(way: str) -> None:
    event = Event()
    calls: list[object] = []

    def before(thread: ThreadState, woken: object) -> None:
        calls.append(thread)

    def run() -> None:
        if way == "forever":
            results.append(wait_any_forever((event,), before))
        else:
            results.append(wait_any_after(before, (event,)))

    results: list[object] = []
    t = start_thread(run)
    wait_until_blocked(t, on=event)
    event.set()
    assert t.wait(10)
    assert results == [WaitResult(0)]
    assert calls == [t._state]  # once, with the waiting thread's state


def test_a_ready_object_is_taken_after_before_found_nothing() -> None:
    event = Event(initial_state=True)
    assert wait_any_forever((event,), lambda thread, woken: None) == WaitResult(0)
    assert not event.statistics().signaled


def test_an_owned_mutex_is_ready_for_its_owner() -> None:
    mutex, other = Mutex(), Event()
    assert mutex.wait(0)
    try:
        assert wait_any_forever((other, mutex)) == WaitResult(1)
        assert mutex.statistics().count == 2
    finally:
        mutex.release()
        mutex.release()


def test_an_abandoned_mutex_is_reported_as_the_general_way_does() -> None:
    results = []
    for way in WAYS.values():
        mutex = Mutex()
        start_thread(mutex.wait).wait(10)  # the thread ends owning it: abandoned
        results.append(way((Event(), mutex)))
        mutex.release()
    assert results == [WaitResult(1, abandoned=True)] * 2


def test_an_object_published_while_parked_is_waited_on_as_shared() -> None:
    event = Event()
    results: list[WaitResult | None] = []
    t = start_thread(lambda: results.append(wait_any_forever((event,))))
    wait_until_blocked(t, on=event)
    publish(event)  # the parked wait is poked and waits again on the shared object
    event.set()
    assert t.wait(10)
    assert results == [WaitResult(0)]


def test_a_suspended_thread_takes_nothing_until_resumed() -> None:
    event = Event()
    results: list[WaitResult | None] = []
    t = start_thread(lambda: results.append(wait_any_forever((event,))))
    wait_until_blocked(t, on=event)
    t.suspend()
    event.set()
    assert event.statistics().signaled  # a suspended waiter acquires nothing
    t.resume()
    assert t.wait(10)
    assert results == [WaitResult(0)]
    assert not event.statistics().signaled


def test_the_plain_path_runs_no_general_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    general = engine._wait
    inside = threading.local()  # set on the waiting thread for its wait_any_forever only
    ran_general: list[object] = []

    def record(*args: object, **kwargs: object) -> object:
        if getattr(inside, "on", False):
            ran_general.append(args)
        return general(*args, **kwargs)  # type: ignore[arg-type]

    event = Event()
    started = Event(manual_reset=True)
    results: list[WaitResult | None] = []

    def run() -> None:
        started.wait()  # a first wait (the general one): the thread parks fast from now on
        inside.on = True
        try:
            results.append(wait_any_forever((event,)))
        finally:
            inside.on = False

    t = start_thread(run)
    wait_until_blocked(t, on=started)
    monkeypatch.setattr(engine, "_wait", record)
    started.set()
    wait_until_blocked(t, on=event)
    event.set()
    assert t.wait(10)
    assert results == [WaitResult(0)]
    assert ran_general == []  # (I/O left unarmed on other objects does not matter)


def test_io_left_unarmed_on_its_object_is_armed_as_the_general_wait_arms_it() -> None:
    event = Event()
    armed: list[str] = []

    def arm() -> None:  # what an I/O arm does (kernel lock held): hand the I/O on
        armed.append("armed")
        threading.Thread(target=event.set).start()  # which completes it, later

    with KERNEL_LOCK:
        UNARMED[event] = [arm]
    try:
        assert wait_any_forever((event,)) == WaitResult(0)
    finally:
        with KERNEL_LOCK:
            UNARMED.pop(event, None)
    assert armed == ["armed"]


@pytest.mark.skipif(
    threading.current_thread() is not threading.main_thread(), reason="needs the main thread"
)
def test_a_wait_in_a_signal_handler_during_a_park_waits_on_its_own() -> None:
    # the handler runs while the thread's own waiter is pending: its wait must not reuse it
    outer, inner = Event(), Event()
    main = current_thread()
    inner_results: list[WaitResult | None] = []

    def handler(signum: int, frame: object) -> None:
        inner_results.append(wait_any_forever((inner,)))

    def helper() -> None:
        wait_until_blocked(main, on=outer)
        signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGUSR1)
        wait_until_blocked(main, on=inner)
        inner.set()
        outer.set()

    previous = signal.signal(signal.SIGUSR1, handler)
    try:
        t = start_thread(helper)
        assert wait_any_forever((outer,)) == WaitResult(0)
        assert t.wait(10)
    finally:
        signal.signal(signal.SIGUSR1, previous)
    assert inner_results == [WaitResult(0)]
    assert outer.statistics().threads_waiting == inner.statistics().threads_waiting == 0


def _sigint() -> None:
    signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)


@pytest.mark.skipif(
    threading.current_thread() is not threading.main_thread(), reason="needs the main thread"
)
@pytest.mark.parametrize(
    "interrupt", [_sigint, _thread.interrupt_main], ids=["sigint", "just-before"]
)
def test_ctrl_c_interrupts_it_in_the_main_thread_and_takes_nothing(
    interrupt: Callable[[], object],
) -> None:
    event = Event()
    main = current_thread()

    def fire() -> None:
        wait_until_blocked(main, on=event)
        interrupt()

    helper = start_thread(fire)
    with pytest.raises(KeyboardInterrupt):
        wait_any_forever((event,))
    assert helper.wait(10)
    assert event.statistics().threads_waiting == 0
    event.set()
    assert event.statistics().signaled  # nobody took it


def test_before_gets_none_the_general_way_too() -> None:
    # An owned mutex sends the wait the general way, whose hook gets a list of wake-ups.
    owned, event = Mutex(), Event()
    assert owned.wait(0) is not None
    seen: list[tuple[bool, object]] = []

    def before(thread: ThreadState, woken: None) -> str:
        seen.append((KERNEL_LOCK.locked(), woken))
        return "found"

    try:
        assert wait_any_forever((event,), before) == "found"
    finally:
        owned.release()
    assert seen == [(True, None)]


def test_a_threads_plain_park_runs_no_python_frame() -> None:
    seen: list[object] = []

    def run() -> None:
        Event().wait(0)  # a first wait: the thread parks fast from now on
        state = current_state()
        forever = state.park_forever
        seen.append(type(forever) is functools.partial)
        seen.append(getattr(forever, "func", None) is os.eventfd_read)
        seen.append(getattr(forever, "args", None) == (watchable_fd(state.park),))

    t = start_thread(run)
    assert t.wait(10)
    if not hasattr(os, "eventfd"):
        pytest.skip("no eventfd here: the thread parks on a lock")
    assert seen == [True, True, True]


def test_a_replaced_parker_brings_its_own_untimed_park() -> None:
    state = current_state()
    if not state.parks_fast:
        state.park_fast()
    old = state.park_forever
    lock = _thread.allocate_lock()
    lock.acquire()
    previous = state.park
    try:
        state.park = lock  # (replace_parker() would close the thread's parker: put it back)
        state.park_forever = forever(lock)
        assert state.park_forever == lock.acquire
    finally:
        state.park, state.park_forever = previous, old


def test_a_remembered_scan_of_a_large_set_is_not_trusted_after_a_plain_wait() -> None:
    many = tuple(Event() for _ in range(64))
    results: list[WaitResult | None] = []
    step = Event()

    def run() -> None:
        assert wait_any(many, 0) is None  # twice in a row: the set is remembered (scanned)
        assert wait_any(many, 0) is None
        results.append(wait_any_forever((many[5],)))  # a plain park on one of them
        step.wait()
        results.append(wait_any(many, 0))  # many[2] is ready now, before the old scan's end

    t = start_thread(run)
    wait_until_blocked(t, on=many[5])
    many[5].set()  # taken by the plain wait
    many[2].set()  # its waiters: not the thread, which now waits on (many[5],) only
    step.set()
    assert t.wait(10)
    assert results == [WaitResult(0), WaitResult(2)]


@pytest.mark.parametrize("any_unarmed", [False, True])
def test_io_left_unarmed_elsewhere_refuses_only_the_wait_that_cannot_drive(
    any_unarmed: bool,
) -> None:
    elsewhere, event = Event(), Event()
    answers: list[object] = []

    def run() -> None:
        Event().wait(0)  # a first wait: the thread parks fast from now on
        thread = current_state()
        waiter = thread.waiter
        started = engine.take_or_register((event,), None, thread, waiter, any_unarmed, False)
        answers.append(started)
        if started is None:  # registered: withdraw it (the thread's own waiter, pending)
            answers.append(engine._withdraw(waiter, TIMED_OUT))

    with KERNEL_LOCK:
        UNARMED[elsewhere] = [lambda: None]
    try:
        t = start_thread(run)
        assert t.wait(10)
    finally:
        with KERNEL_LOCK:
            UNARMED.pop(elsewhere, None)
    assert answers == ([engine.UNSTARTED] if any_unarmed else [None, None])


@pytest.mark.parametrize("refuse_watched", [False, True])
def test_a_park_watch_is_refused_or_notified(
    monkeypatch: pytest.MonkeyPatch, refuse_watched: bool
) -> None:
    told: list[str] = []  # the engine's own list of watchers, for this test alone
    monkeypatch.setattr(engine, "blocked_watchers", ["a watcher"])
    monkeypatch.setattr(engine, "notify_blocked", lambda: told.append("told"))
    thread = current_state()
    waiter = thread.waiter
    started = engine.take_or_register((Event(),), None, thread, waiter, False, refuse_watched)
    if refuse_watched:
        assert started is engine.UNSTARTED
        assert told == []
    else:
        assert started is None  # registered, and the watcher told so
        assert told == ["told"]
        assert engine._withdraw(waiter, TIMED_OUT) is None  # withdrawn, pending till now
