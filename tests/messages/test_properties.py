"""Property tests of the message layer across real threads.

* messages posted from many threads arrive exactly once, each sender's in its order;
* random send graphs among several pumping threads (sends that send on, back and around)
  all complete with the right results: a blocked sender serves sends addressed to it;
* a thread that ends with senders waiting releases every one of them.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apartment.errors import AccessDeniedError
from apartment.kernel import Event, start_thread, wait_all
from apartment.messages import (
    WM_USER,
    Window,
    create_window,
    def_window_proc,
    get_message,
    peek_message,
    post_thread_message,
    register_class,
    send_message,
    unregister_class,
)
from apartment.testing import wait_until_blocked

from ._helpers import Pumper, Silent

if TYPE_CHECKING:
    from collections.abc import Iterator


@contextlib.contextmanager
def _switching(fast: bool) -> Iterator[None]:
    previous = sys.getswitchinterval()
    if fast:
        sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


_NO_GIL = not getattr(sys, "_is_gil_enabled", lambda: True)()
"""3.13t with PYTHON_GIL=0: the switch interval switches nothing there."""


@pytest.mark.parametrize(
    "fast",
    [
        False,
        pytest.param(
            True,
            marks=pytest.mark.skipif(_NO_GIL, reason="no GIL: the same as default-switching"),
        ),
    ],
    ids=["default-switching", "fast-switching"],
)
@given(counts=st.lists(st.integers(0, 60), min_size=1, max_size=6))
def test_posted_messages_arrive_exactly_once_in_each_senders_order(
    fast: bool, counts: list[int]
) -> None:
    with _switching(fast):
        _check_posted_messages(counts)


def _check_posted_messages(counts: list[int]) -> None:
    ready = Event(manual_reset=True)
    received: list[tuple[int, int]] = []
    total = sum(counts)

    def consumer() -> None:
        peek_message()
        ready.set()
        for _ in range(total):
            message = get_message()
            received.append((message.wparam, message.lparam))  # type: ignore[arg-type]

    reader = start_thread(consumer)
    assert ready.wait(10)

    def producer(sender: int, count: int) -> None:
        for seq in range(count):
            post_thread_message(reader, WM_USER, sender, seq)

    writers = [start_thread(producer, sender, count) for sender, count in enumerate(counts)]
    assert wait_all([reader, *writers], 30)
    assert len(received) == total
    for sender, count in enumerate(counts):
        assert [seq for who, seq in received if who == sender] == list(range(count))


_lock = threading.Lock()
_windows: list[Window] = []


def _relay(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
    """WM_USER with lparam = the rest of a path of window indexes: send on, add one."""
    if msg != WM_USER:
        return def_window_proc(hwnd, msg, wparam, lparam)
    path = lparam
    assert isinstance(path, tuple)
    if not path:
        return 1
    with _lock:
        target = _windows[path[0]]
    return 1 + send_message(target.hwnd, WM_USER, 0, path[1:])


@pytest.fixture(scope="module")
def relay_class() -> Iterator[None]:
    register_class("properties-relay", _relay)
    yield
    unregister_class("properties-relay")


@given(paths=st.lists(st.lists(st.integers(0, 2), min_size=1, max_size=6), min_size=1, max_size=4))
def test_random_send_graphs_among_three_threads_complete(
    paths: list[list[int]], relay_class: None
) -> None:
    pumpers = [Pumper(lambda: create_window("properties-relay")) for _ in range(3)]
    with _lock:
        _windows[:] = [pumper.result for pumper in pumpers]
    results: list[int] = []

    def caller(path: list[int]) -> None:
        first = _windows[path[0]]
        results.append(send_message(first.hwnd, WM_USER, 0, tuple(path[1:]), timeout=30))

    callers = [start_thread(caller, path) for path in paths]
    assert wait_all(callers, 60)
    for pumper in pumpers:
        pumper.stop()
    assert sorted(results) == sorted(len(path) for path in paths)


@given(senders=st.integers(1, 5))
def test_a_thread_that_ends_releases_all_its_waiting_senders(senders: int) -> None:
    register_class("properties-silent", def_window_proc)
    try:
        owner = Silent("properties-silent")
        outcomes: list[int] = []
        lock = threading.Lock()

        def sender() -> None:
            try:
                send_message(owner.window.hwnd, WM_USER)
            except AccessDeniedError as error:
                with lock:
                    outcomes.append(error.winerror)

        blocked = [start_thread(sender) for _ in range(senders)]
        for waiting in blocked:
            wait_until_blocked(waiting)
        owner.stop()
        assert wait_all(blocked, 30)
        assert outcomes == [5] * senders
    finally:
        unregister_class("properties-silent")
