"""Subscriptions to the event logs: pulled and pushed, from any process, stopped by close."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apartment import services
from apartment.errors import (
    ERROR_EVT_CHANNEL_NOT_FOUND,
    ERROR_EVT_INVALID_QUERY,
    ERROR_INVALID_HANDLE,
    ERROR_NO_MORE_ITEMS,
    ERROR_NOT_FOUND,
    Win32Error,
)
from apartment.kernel import Event
from apartment.services._eventlog import append_event
from apartment.testing import wait_until_blocked

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

WAIT = 30.0  # a guard only: each wait ends when the service thread serves the subscription


@pytest.fixture(autouse=True)
def _own_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APARTMENT_EVENTLOG", str(tmp_path / "eventlog.jsonl"))
    monkeypatch.setenv("APARTMENT_USER_REGISTRY", str(tmp_path / "user-registry.sqlite3"))


def _write(*ids: int, source: str = "S", log: str = "System") -> None:
    for event_id in ids:
        append_event(source, 4, event_id, (), log=log)


def _drain(subscription: services.Subscription) -> list[int]:
    found: list[int] = []
    while True:
        try:
            found += [e.record.event_id for e in subscription.next(3)]
        except Win32Error as error:
            if error.winerror != ERROR_NO_MORE_ITEMS:
                raise
            return found


class _Pushed:
    """A push subscriber: what it was given, by which thread, and an event per arrival."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ids: list[int] = []
        self.threads: set[str] = set()
        self.arrived = Event(manual_reset=False)

    def __call__(self, action: int, event: services.Event) -> None:
        assert action == services.ACTION_DELIVER
        with self.lock:
            self.ids.append(event.record.event_id)
            self.threads.add(threading.current_thread().name)
        self.arrived.set()

    def wait_for(self, count: int) -> list[int]:
        while True:
            with self.lock:
                if len(self.ids) >= count:
                    return list(self.ids)
            assert self.arrived.wait(WAIT) is not None, f"only {self.ids} arrived"


@pytest.fixture
def closing() -> Iterator[list[services.Subscription]]:
    """Subscriptions the test opens, closed at its end."""
    opened: list[services.Subscription] = []
    yield opened
    for subscription in opened:
        subscription.close()


def test_pull_from_the_oldest_record_then_as_events_arrive(
    closing: list[services.Subscription],
) -> None:
    _write(1, 2)
    signal = Event(manual_reset=False)
    pull = services.Subscription("System", start=services.START_OLDEST, signal=signal)
    closing.append(pull)
    assert signal.wait(0) is not None  # set at once: events are waiting
    assert _drain(pull) == [1, 2]
    _write(3)
    assert signal.wait(WAIT) is not None  # the service thread saw it
    assert _drain(pull) == [3]
    with pytest.raises(ValueError, match="one event or more"):
        pull.next(0)


def test_future_events_only_and_the_query_filters(closing: list[services.Subscription]) -> None:
    _write(1)
    signal = Event()
    pull = services.Subscription("system", "*[System[EventID=2]]", signal=signal)
    closing.append(pull)
    assert signal.wait(0) is None
    assert _drain(pull) == []
    _write(3, 2, 4, 2)
    assert signal.wait(WAIT) is not None
    assert _drain(pull) == [2, 2]


def test_start_after_a_bookmark(closing: list[services.Subscription]) -> None:
    _write(1, 2, 3)
    bookmark = services.Bookmark()
    bookmark.update(services.EventQuery("System").next(2)[1])
    pull = services.Subscription(
        "System", start=services.START_AFTER_BOOKMARK, bookmark=bookmark, signal=Event()
    )
    closing.append(pull)
    assert _drain(pull) == [3]
    gone = services.Bookmark(
        "<BookmarkList><Bookmark Channel='System' RecordId='9'/></BookmarkList>"
    )
    with pytest.raises(Win32Error) as error:
        services.Subscription(
            "System", start=services.START_AFTER_BOOKMARK, bookmark=gone, signal=Event(),
            strict=True,
        )  # fmt: skip
    assert error.value.winerror == ERROR_NOT_FOUND


def test_bad_subscriptions_fail_at_the_door() -> None:
    pushed = _Pushed()
    for kwargs in [{}, {"signal": Event(), "callback": pushed}]:
        with pytest.raises(ValueError, match="pulled"):
            services.Subscription("System", **kwargs)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="bookmark"):
        services.Subscription("System", start=services.START_AFTER_BOOKMARK, signal=Event())
    with pytest.raises(ValueError, match="start"):
        services.Subscription("System", start=7, signal=Event())
    for path, query, code in [
        ("Nope", None, ERROR_EVT_CHANNEL_NOT_FOUND),
        ("System", "*[", ERROR_EVT_INVALID_QUERY),
    ]:
        with pytest.raises(Win32Error) as error:
            services.Subscription(path, query, signal=Event())
        assert error.value.winerror == code


def test_push_calls_back_on_the_service_thread_in_order(
    closing: list[services.Subscription],
) -> None:
    _write(1, 2)
    pushed = _Pushed()
    push = services.Subscription("System", start=services.START_OLDEST, callback=pushed)
    closing.append(push)
    _write(3)
    assert pushed.wait_for(3) == [1, 2, 3]
    assert pushed.threads == {"apartment-evt-service"}
    with pytest.raises(Win32Error) as error:
        push.next(1)  # a push subscription has nothing to pull
    assert error.value.winerror == ERROR_INVALID_HANDLE


def test_no_callback_runs_once_close_returns(closing: list[services.Subscription]) -> None:
    entered, release = Event(manual_reset=True), Event(manual_reset=True)
    state: dict[str, int] = {"running": 0, "after_close": 0}
    closed = threading.Event()

    def slow(action: int, event: services.Event) -> None:
        if closed.is_set():
            state["after_close"] += 1
        state["running"] = 1
        entered.set()
        release.wait(WAIT)
        state["running"] = 0

    push = services.Subscription("System", callback=slow)
    _write(1, 2, 3)
    assert entered.wait(WAIT) is not None
    seen_running: list[int] = []

    def close() -> None:
        push.close()
        closed.set()
        seen_running.append(state["running"])

    closer = threading.Thread(target=close)
    closer.start()
    service = next(t for t in threading.enumerate() if t.name == "apartment-evt-service")
    wait_until_blocked(service, release)
    release.set()
    closer.join(WAIT)
    assert seen_running == [0]  # close waited for the callback to return
    _write(4)
    probe = _Pushed()  # served after the closed one would have been
    closing.append(services.Subscription("System", callback=probe))
    _write(5)
    assert probe.wait_for(1) == [5]
    assert state["after_close"] == 0


def test_a_callback_may_close_its_own_subscription(closing: list[services.Subscription]) -> None:
    calls: list[int] = []
    done = Event(manual_reset=True)
    holder: list[services.Subscription] = []

    def once(action: int, event: services.Event) -> None:
        calls.append(event.record.event_id)
        holder[0].close()  # on the service thread: returns at once
        done.set()

    holder.append(services.Subscription("System", callback=once))
    _write(1, 2)
    assert done.wait(WAIT) is not None
    probe = _Pushed()
    closing.append(services.Subscription("System", callback=probe))
    _write(3)
    assert probe.wait_for(1) == [3]
    assert calls == [1]


_WRITER = """
import sys
from apartment.services._eventlog import append_event
writer, count = int(sys.argv[1]), int(sys.argv[2])
for i in range(count):
    append_event(f"writer{writer}", 4, writer * 1000 + i, (), log="System")
"""


def _writers(writers: int, events: int) -> None:
    children = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(w), str(events)])
        for w in range(writers)
    ]
    for child in children:
        assert child.wait(60) == 0


def _check_each_once_in_order(ids: list[int], writers: int, events: int) -> None:
    assert sorted(ids) == sorted(w * 1000 + i for w in range(writers) for i in range(events))
    for w in range(writers):  # each writer's events in the order it wrote them
        assert [i for i in ids if i // 1000 == w] == [w * 1000 + i for i in range(events)]


@settings(max_examples=4)
@given(writers=st.integers(1, 3), events=st.integers(1, 15))
def test_events_of_writer_processes_reach_every_subscriber_once_in_order(
    writers: int, events: int
) -> None:
    append_event("start", 4, 99999, (), log="System")  # pull and push start after it
    pushed = _Pushed()
    push = services.Subscription("System", callback=pushed)
    signal = Event()
    pull = services.Subscription("System", "*[System[Provider[@Name='writer0']]]", signal=signal)
    try:
        _writers(writers, events)
        pushed_ids = pushed.wait_for(writers * events)
        pulled = _drain(pull)
    finally:
        push.close()
        pull.close()
    _check_each_once_in_order(pushed_ids, writers, events)
    _check_each_once_in_order(pulled, 1, events)


_SUBSCRIBER = """
import sys
from apartment import services
from apartment.kernel import Event
signal = Event()
pull = services.Subscription("System", signal=signal)
print("ready", flush=True)
ids = []
while len(ids) < int(sys.argv[1]):
    signal.wait(30)
    try:
        ids += [e.record.event_id for e in pull.next(100)]
    except OSError:
        pass
print(ids, flush=True)
"""


def test_a_subscriber_in_another_process_sees_events_written_here() -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", _SUBSCRIBER, "3"], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    _write(7, 8, 9)
    out, _ = child.communicate(timeout=60)
    assert out == "[7, 8, 9]\n"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork() is POSIX's")
def test_a_forked_child_subscribes_afresh(closing: list[services.Subscription]) -> None:
    closing.append(services.Subscription("System", callback=_Pushed()))  # the parent's
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its own subscription is served by a service thread of its own
        try:
            pushed = _Pushed()
            child = services.Subscription("System", callback=pushed)
            _write(42)
            ids = pushed.wait_for(1)
            child.close()
            os.write(write, bytes(str(ids), "ascii"))
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as answer:
        assert answer.read() == "[42]"
    assert os.waitpid(pid, 0)[1] == 0
