"""Objects shared with other processes keep every rule of the local ones, in one process too.

A named object (or one published for another process) is decided in the session's segment;
these tests hold it to the rules the in-process engine keeps: FIFO hand-off, abandonment,
alertable waits and APCs, SignalObjectAndWait, message waits, the asyncio bridge, suspension,
fake clocks, and a local object made shared while threads wait on it.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from apartment import messages
from apartment.errors import InvalidHandleError, NotOwnerError
from apartment.kernel import (
    ALERTED,
    Event,
    Mutex,
    Semaphore,
    WaitableTimer,
    WaitResult,
    create_named,
    current_thread,
    open_named,
    publish,
    queue_apc,
    signal_and_wait,
    start_thread,
    wait_all,
    wait_any,
)
from apartment.testing import FakeClock, wait_until_blocked

if TYPE_CHECKING:
    from pathlib import Path

_names = itertools.count()


def _name(what: str) -> str:
    return f"shared-{os.getpid()}-{what}-{next(_names)}"


def test_a_named_object_is_shared() -> None:
    event, _ = create_named(Event, _name("event"))
    assert type(event).__name__ == "SharedEvent"
    assert isinstance(event, Event)


def test_waiters_get_a_shared_mutex_in_fifo_order() -> None:
    mutex, _ = create_named(Mutex, _name("fifo"))
    order: list[int] = []

    def take(n: int) -> None:
        assert mutex.wait(30) is not None
        order.append(n)
        mutex.release()

    assert mutex.wait(0) is not None
    threads = []
    for n in range(4):
        thread = start_thread(take, n)
        wait_until_blocked(thread, on=mutex)
        threads.append(thread)
    mutex.release()
    for thread in threads:
        assert thread.wait(30)
    assert order == [0, 1, 2, 3]


def test_a_thread_that_ends_owning_a_shared_mutex_abandons_it() -> None:
    mutex, _ = create_named(Mutex, _name("abandon"))
    owner = start_thread(mutex.wait)
    assert owner.wait(30)
    result = mutex.wait(0)
    assert result == WaitResult(0, abandoned=True)
    assert mutex.wait(0) == WaitResult(0)  # the flag is gone, the count is 2
    mutex.release()
    mutex.release()


def test_releasing_a_shared_mutex_owned_by_another_thread_is_not_owner() -> None:
    mutex, _ = create_named(Mutex, _name("owner"))
    with pytest.raises(NotOwnerError) as caught:
        mutex.release()
    assert caught.value.winerror == 288


def test_an_apc_alerts_an_alertable_wait_on_a_shared_object() -> None:
    event, _ = create_named(Event, _name("alertable"))
    ran: list[int] = []

    def waiter() -> WaitResult | None:
        return event.wait(30, alertable=True)

    thread = start_thread(waiter)
    wait_until_blocked(thread, on=event)
    queue_apc(thread, ran.append, 1)
    assert thread.wait(30)
    assert ran == [1]


def test_signal_and_wait_signals_a_shared_object_and_waits_on_a_local_one() -> None:
    shared, _ = create_named(Event, _name("signal"))
    local = Event()
    thread = start_thread(shared.wait, 30.0)
    wait_until_blocked(thread, on=shared)
    assert signal_and_wait(shared, local, 0) is None  # set, then the wait times out
    assert thread.wait(30)
    assert not shared.is_set()  # the waiter took it (auto-reset)


def test_signal_and_wait_releases_a_shared_mutex_and_waits_on_a_shared_event() -> None:
    mutex, _ = create_named(Mutex, _name("sow-mutex"))
    event, _ = create_named(Event, _name("sow-event"), True, True)
    assert mutex.wait(0) is not None
    assert signal_and_wait(mutex, event, 10) == WaitResult(0)
    assert mutex.statistics().owner is None


def test_wait_any_mixes_shared_and_local_objects_and_keeps_the_lowest_index() -> None:
    shared, _ = create_named(Event, _name("mixed"), True, True)
    local = Event(manual_reset=True, initial_state=True)
    assert wait_any([local, shared], 0) == WaitResult(0)
    assert wait_any([shared, local], 0) == WaitResult(0)
    assert wait_all([shared, local], 0) == WaitResult(0)


def test_wait_all_takes_nothing_until_the_shared_object_is_ready() -> None:
    shared, _ = create_named(Semaphore, _name("wait-all"), 0, 1)
    local = Event()  # auto-reset: it would be taken
    local.set()
    thread = start_thread(wait_all, [local, shared], 30.0)
    wait_until_blocked(thread, on=shared)
    assert local.is_set()  # not taken while the semaphore had nothing
    shared.release()
    assert thread.wait(30)
    assert not local.is_set()
    assert shared.statistics().count == 0


def test_a_message_wait_wakes_for_a_shared_event_and_for_a_message() -> None:
    event, _ = create_named(Event, _name("msgwait"))
    results: list[WaitResult | None] = []

    def waiter() -> None:
        results.append(messages.msg_wait_any([event], 30))
        results.append(messages.msg_wait_any([event], 30))

    thread = start_thread(waiter)
    wait_until_blocked(thread, on=event)
    event.set()
    wait_until_blocked(thread, on=event)
    messages.post_thread_message(thread.native_id, messages.WM_USER, 0, 0)
    assert thread.wait(30)
    assert results == [WaitResult(0), WaitResult(1)]


def test_asyncio_awaits_a_shared_event() -> None:
    event, _ = create_named(Event, _name("async"))

    async def main() -> WaitResult | None:
        waiting = asyncio.ensure_future(messages.wait_async(event, 30))
        await asyncio.sleep(0)
        setter = start_thread(event.set)
        result = await waiting
        setter.wait(30)
        return result

    assert asyncio.run(main()) == WaitResult(0)


def test_a_cancelled_asyncio_wait_on_a_shared_semaphore_takes_nothing() -> None:
    semaphore, _ = create_named(Semaphore, _name("async-cancel"), 0, 1)

    async def main() -> None:
        waiting = asyncio.ensure_future(messages.wait_async(semaphore))
        await asyncio.sleep(0.01)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting

    asyncio.run(main())
    semaphore.release()
    assert semaphore.statistics().count == 1
    assert semaphore.statistics().threads_waiting == 0


def test_an_asyncio_wait_on_a_shared_object_times_out() -> None:
    event, _ = create_named(Event, _name("async-timeout"))
    assert asyncio.run(messages.wait_async(event, 0.01)) is None
    assert event.statistics().threads_waiting == 0


def test_a_fake_clock_times_out_a_shared_wait() -> None:
    event, _ = create_named(Event, _name("fake"))
    with FakeClock() as clock:
        thread = start_thread(event.wait, 5.0)
        wait_until_blocked(thread, on=event)
        clock.advance(5)
        assert thread.wait(30)
    assert event.statistics().threads_waiting == 0


def test_a_shared_timer_fires_on_the_fake_clock() -> None:
    timer, _ = create_named(WaitableTimer, _name("timer"), True)
    with FakeClock() as clock:
        timer.set(2.0)
        assert timer.wait(0) is None
        clock.advance(2)
        assert timer.wait(0) == WaitResult(0)


def test_a_thread_suspended_in_a_shared_wait_acquires_after_its_resume() -> None:
    event, _ = create_named(Event, _name("suspend"), True, False)
    thread = start_thread(event.wait, 30.0)
    wait_until_blocked(thread, on=event)
    assert thread.suspend() == 0
    event.set()
    assert thread.resume() == 1
    assert thread.wait(30)


def test_a_local_event_made_shared_still_wakes_the_thread_waiting_on_it() -> None:
    event = Event()
    thread = start_thread(event.wait, 30.0)
    wait_until_blocked(thread, on=event)
    publish(event)
    assert type(event).__name__ == "SharedEvent"
    wait_until_blocked(thread, on=event)
    event.set()
    assert thread.wait(30)
    assert thread.exit_code == 0


def test_a_local_mutex_made_shared_keeps_its_owner_and_count() -> None:
    mutex = Mutex()
    assert mutex.wait(0) is not None
    assert mutex.wait(0) is not None
    publish(mutex)
    statistics = mutex.statistics()
    assert (statistics.owner, statistics.count) == (current_thread().native_id, 2)
    mutex.release()
    mutex.release()
    assert mutex.statistics().owner is None


def test_a_set_waited_on_before_stays_right_when_one_of_it_is_made_shared() -> None:
    # A wait remembers that it checked a tuple of local objects; publishing one of them
    # makes that stale, and the next wait goes to the shared engine.
    first, second = Event(manual_reset=True), Event(manual_reset=True)
    objects = (first, second)
    assert wait_any(objects, 0) is None
    assert wait_all(objects, 0) is None
    publish(first)
    first.set()
    assert wait_any(objects, 0) == WaitResult(0)
    second.set()
    assert wait_all(objects, 0) == WaitResult(0)


def test_a_set_of_handles_waited_on_before_stays_right_when_one_is_made_shared() -> None:
    # The handle table remembers the objects behind a set of handles, for the facade's waits
    from apartment.kernel import handles

    first, second = Event(manual_reset=True), Event(manual_reset=True)
    values = [handles.insert(first), handles.insert(second)]
    try:
        assert wait_any(handles.get_many(values), 0) is None
        publish(first)
        first.set()
        assert wait_any(handles.get_many(values), 0) == WaitResult(0)
        assert wait_any(handles.get_many(values), 0.5) == WaitResult(0)
    finally:
        for value in values:
            handles.close(value)


def test_a_wait_started_on_an_object_published_after_its_check_goes_to_the_shared_engine() -> None:
    # The window between a caller's check and the wait's lock hold: the library's unchecked
    # wait stands for a check made just before the object was published.
    from apartment.kernel._wait import wait_any_unchecked

    event = Event(manual_reset=True)
    publish(event)
    assert wait_any_unchecked((event,), 0) is None
    event.set()
    assert wait_any_unchecked((event,), 0) == WaitResult(0)
    assert wait_any_unchecked((event,), 0.5) == WaitResult(0)


def test_a_waiter_parked_on_a_set_then_made_shared_is_woken_by_the_shared_set() -> None:
    first, second = Event(), Event()
    objects = (first, second)
    assert wait_any(objects, 0) is None  # the tuple is checked and remembered

    def waiter() -> object:
        return wait_any(objects, 30.0)

    thread = start_thread(waiter)
    wait_until_blocked(thread, on=first)
    publish(first)
    wait_until_blocked(thread, on=first)
    first.set()
    assert thread.wait(30)
    assert thread.exit_code == 0


def test_an_armed_local_timer_made_shared_stays_armed() -> None:
    timer = WaitableTimer(manual_reset=True)
    with FakeClock() as clock:
        timer.set(3.0)
        publish(timer)
        assert timer.statistics().active
        assert timer.wait(0) is None
        clock.advance(3)
        assert timer.wait(0) == WaitResult(0)


def test_a_local_semaphore_made_shared_keeps_its_count() -> None:
    semaphore = Semaphore(2, 5)
    publish(semaphore)
    assert semaphore.statistics().count == 2
    assert semaphore.release(3) == 2
    assert semaphore.statistics().count == 5


@pytest.mark.parametrize("thing", [None, 5, "event", object()])
def test_publish_refuses_what_is_not_a_kernel_object(thing: object) -> None:
    with pytest.raises(TypeError):
        publish(thing)  # type: ignore[arg-type]


def test_publish_refuses_a_thread() -> None:
    with pytest.raises(InvalidHandleError) as caught:
        publish(current_thread())
    assert caught.value.winerror == 6


def test_open_named_gives_this_processs_object_for_the_name() -> None:
    name = _name("same")
    event, _ = create_named(Event, name)
    assert open_named(Event, name) is event


def test_a_forked_child_shares_named_objects_and_keeps_a_name_alive(tmp_path: Path) -> None:
    script = tmp_path / "fork.py"
    name = _name("fork")
    script.write_text(
        "import os, sys\n"
        "from apartment.kernel import Event, create_named, open_named\n"
        f"done, _ = create_named(Event, {name!r}, True, False)\n"
        f"go, _ = create_named(Event, {name + '-go'!r}, True, False)\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    go.wait(30)\n"
        "    done.set()\n"
        "    os._exit(0)\n"
        f"again = open_named(Event, {name!r})\n"
        "go.set()\n"
        "assert done.wait(30) is not None\n"
        "os.waitpid(pid, 0)\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "ok", done.stderr


@pytest.mark.parametrize("mode", [0o755, 0o711])
def test_a_runtime_directory_others_may_enter_is_refused(tmp_path: Path, mode: int) -> None:
    shared = tmp_path / "rt"
    shared.mkdir()
    shared.chmod(mode)
    code = (
        "from apartment.kernel import Event, create_named\n"
        "from apartment.errors import AccessDeniedError\n"
        "try:\n"
        "    create_named(Event, 'x')\n"
        "except AccessDeniedError as e:\n"
        "    print(e.winerror, e, e.detail)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "APARTMENT_RUNTIME_DIR": str(shared)},
    )
    assert done.stdout.startswith("5 "), done.stdout + done.stderr
    assert "chmod 700" in done.stdout


def test_a_segment_file_others_may_read_is_refused(tmp_path: Path) -> None:
    runtime = tmp_path / "rt"
    runtime.mkdir(mode=0o700)
    (runtime / "kernel-v1.shm").touch(mode=0o644)
    code = (
        "from apartment.kernel import Event, create_named\n"
        "from apartment.errors import AccessDeniedError\n"
        "try:\n"
        "    create_named(Event, 'x')\n"
        "except AccessDeniedError as e:\n"
        "    print(e.winerror, e, e.detail)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "APARTMENT_RUNTIME_DIR": str(runtime)},
    )
    assert done.stdout.startswith("5 "), done.stdout + done.stderr
    assert "not a private file of yours" in done.stdout


def test_alerted_is_returned_for_an_alertable_shared_wait() -> None:
    event, _ = create_named(Event, _name("alerted"))
    ran: list[int] = []
    results: list[WaitResult | None] = []

    def waiter() -> None:
        results.append(event.wait(30, alertable=True))

    thread = start_thread(waiter)
    wait_until_blocked(thread, on=event)
    queue_apc(thread, ran.append, 7)
    assert thread.wait(30)
    assert results == [ALERTED]
    assert ran == [7]


def test_a_process_in_slot_0_that_ends_abandons_only_the_mutexes_it_owns() -> None:
    # A free mutex's owner word is 0, which lies in slot 0's range of owner words: the death
    # of the process in slot 0 (a single-instance check's second copy) left it abandoned.
    from apartment.kernel import _session, _shared_threads

    free, _ = create_named(Mutex, _name("free"))
    s = _session.session()
    s.lock()
    try:
        _shared_threads.abandon_owned(s, 0, 1 << 22)  # what slot 0's death hook does
        s.commit()
    finally:
        s.unlock()
    assert free.wait(0) == WaitResult(0)
    free.release()
