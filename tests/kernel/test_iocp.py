"""I/O completion ports: packets in, threads out newest first, the concurrency bound, the end."""

from __future__ import annotations

import os
import signal
import sys
import threading
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apartment.errors import (
    ERROR_ABANDONED_WAIT_0,
    ERROR_HANDLE_EOF,
    ERROR_INVALID_PARAMETER,
    Win32Error,
)
from apartment.kernel import (
    CREATE_ALWAYS,
    FILE_FLAG_OVERLAPPED,
    GENERIC_READ,
    GENERIC_WRITE,
    Completion,
    CompletionPort,
    Event,
    Overlapped,
    current_thread,
    open_file,
    queue_apc,
    start_thread,
    wait_any,
)
from apartment.kernel._iocp import WAIT_IO_COMPLETION
from apartment.testing import wait_until_blocked

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


def _taker(port: CompletionPort, into: list[object]) -> threading.Thread:
    thread = threading.Thread(target=lambda: into.append(port.get(10)), daemon=True)
    thread.start()
    wait_until_blocked(thread)
    return thread


def test_a_posted_packet_comes_back_as_posted() -> None:
    port = CompletionPort()
    marker = object()
    port.post(5, 7, marker)
    assert port.get(0) == Completion(0, 5, 7, marker)
    assert port.get(0) is None
    assert port.get(0.01) is None


def test_packets_come_out_oldest_first() -> None:
    port = CompletionPort()
    for key in range(5):
        port.post(0, key)
    assert [port.get(0).key for _ in range(5)] == list(range(5))  # type: ignore[union-attr]


def test_the_thread_that_waited_last_is_served_first() -> None:
    port = CompletionPort()
    got: list[list[object]] = [[], [], []]
    threads = [_taker(port, got[n]) for n in range(3)]
    for key, newest in zip(range(3), (2, 1, 0), strict=True):
        port.post(0, key)
        threads[newest].join(10)
        assert not threads[newest].is_alive()
        assert got[newest] == [Completion(0, 0, key, None)]


def test_a_port_runs_no_more_threads_than_its_concurrency() -> None:
    port = CompletionPort(concurrency=1)
    port.post(0, 1)
    first_got = threading.Event()
    first_may_end = threading.Event()

    def first() -> None:
        assert port.get(10) is not None
        first_got.set()
        first_may_end.wait(10)

    a = threading.Thread(target=first, daemon=True)
    a.start()
    assert first_got.wait(10)
    port.post(0, 2)
    got: list[object] = []
    b = _taker(port, got)  # the bound is reached: the packet stays queued
    assert port.statistics()[:3] == (1, 1, 1)
    first_may_end.set()
    a.join(10)  # an ending thread stops counting: b may run now
    b.join(10)
    assert got == [Completion(0, 0, 2, None)]


def test_a_thread_that_comes_back_takes_the_next_packet_itself() -> None:
    port = CompletionPort(concurrency=1)
    port.post(0, 1)
    assert port.get(0) is not None
    assert port.statistics().running == 1
    port.post(0, 2)
    assert port.get(0) == Completion(0, 0, 2, None)  # it stopped running as it called


def test_a_port_is_signaled_while_packets_are_queued_and_a_wait_takes_none() -> None:
    port = CompletionPort()
    assert wait_any([port], timeout=0) is None
    port.post(0, 1)
    assert wait_any([port], timeout=0) is not None
    assert wait_any([port], timeout=0) is not None
    assert port.get(0) is not None
    assert wait_any([port], timeout=0) is None


def test_closing_the_port_releases_its_waiters_with_abandoned_wait() -> None:
    port = CompletionPort()
    errors: list[int] = []

    def waiter() -> None:
        try:
            port.get(10)
        except Win32Error as error:
            errors.append(error.winerror)

    thread = threading.Thread(target=waiter, daemon=True)
    thread.start()
    wait_until_blocked(thread)
    port.close()
    thread.join(10)
    assert errors == [ERROR_ABANDONED_WAIT_0]
    with pytest.raises(Win32Error) as caught:
        port.get(0)
    assert caught.value.winerror == ERROR_ABANDONED_WAIT_0
    port.post(0, 1)  # dropped: nobody can take it
    assert port.statistics().queued == 0


def test_an_alertable_get_returns_when_apcs_ran() -> None:
    port = CompletionPort()
    ran: list[int] = []
    results: list[object] = []
    thread = threading.Thread(
        target=lambda: results.append(port.get(10, alertable=True)), daemon=True
    )
    thread.start()
    wait_until_blocked(thread)
    from apartment.kernel import thread_by_id

    handle = thread_by_id(thread.native_id)  # type: ignore[arg-type]
    assert handle is not None
    queue_apc(handle, ran.append, 1)
    thread.join(10)
    assert ran == [1]
    assert results == [Completion(WAIT_IO_COMPLETION, 0, 0, None)]


def test_bad_arguments_fail_at_the_door() -> None:
    with pytest.raises(ValueError, match="concurrency"):
        CompletionPort(-1)
    with pytest.raises(TypeError):
        CompletionPort("2")  # type: ignore[arg-type]
    port = CompletionPort()
    with pytest.raises(TypeError):
        port.post("1")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="key"):
        port.post(0, -1)
    with pytest.raises(ValueError, match="DWORD"):
        port.post(1 << 32)


# -- files -------------------------------------------------------------------------------------


@pytest.fixture
def overlapped_file(tmp_path: Path) -> Iterator[object]:
    file = open_file(
        str(tmp_path / "data.bin"), GENERIC_READ | GENERIC_WRITE, 0, CREATE_ALWAYS,
        FILE_FLAG_OVERLAPPED,
    )  # fmt: skip
    yield file
    file.close()


def test_an_associated_files_completions_are_queued_with_its_key(overlapped_file: object) -> None:
    file = overlapped_file
    port = CompletionPort()
    port.associate(file, 42)  # type: ignore[arg-type]
    event = Event(manual_reset=True)
    overlapped = Overlapped(event=event)
    file.write(b"hello", overlapped)  # type: ignore[attr-defined]
    assert port.get(10) == Completion(0, 5, 42, overlapped)
    assert event.wait(0)  # the event is set too
    past_the_end = Overlapped(offset=100)
    file.read_into(bytearray(10), past_the_end)  # type: ignore[attr-defined]
    assert port.get(10) == Completion(ERROR_HANDLE_EOF, 0, 42, past_the_end)


def test_a_completion_asked_off_the_port_only_signals(overlapped_file: object) -> None:
    port = CompletionPort()
    port.associate(overlapped_file, 1)  # type: ignore[arg-type]
    event = Event(manual_reset=True)
    overlapped = Overlapped(event=event)
    overlapped.queue_completion = False  # Win32: an hEvent with its low bit set
    overlapped_file.write(b"abc", overlapped)  # type: ignore[attr-defined]
    assert event.wait(0)
    assert port.get(0) is None


def test_a_file_joins_one_port_and_must_be_overlapped(
    overlapped_file: object, tmp_path: Path
) -> None:
    port = CompletionPort()
    port.associate(overlapped_file, 1)  # type: ignore[arg-type]
    for other in (port, CompletionPort()):
        with pytest.raises(Win32Error) as caught:
            other.associate(overlapped_file, 2)  # type: ignore[arg-type]
        assert caught.value.winerror == ERROR_INVALID_PARAMETER
    plain = open_file(str(tmp_path / "plain.bin"), GENERIC_WRITE, 0, CREATE_ALWAYS, 0)
    with plain, pytest.raises(Win32Error) as caught:
        port.associate(plain, 3)
    assert caught.value.winerror == ERROR_INVALID_PARAMETER


# -- stress ------------------------------------------------------------------------------------


@pytest.fixture
def fast_switching() -> Iterator[None]:
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


def _run_pool(workers: int, packets: int, concurrency: int) -> None:
    """Every packet is taken exactly once, and never more than ``concurrency`` run at once."""
    port = CompletionPort(concurrency)
    lock = threading.Lock()
    taken: list[int] = []
    inside = [0, 0]  # now, most

    def worker() -> None:
        while True:
            packet = port.get(30)
            assert packet is not None
            with lock:
                inside[0] += 1
                inside[1] = max(inside)
            if packet.overlapped == "stop":
                with lock:
                    inside[0] -= 1
                return
            with lock:
                taken.append(packet.key)
                inside[0] -= 1

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for key in range(packets):
        port.post(0, key)
    for _ in range(workers):
        port.post(0, 0, "stop")
    for thread in threads:
        thread.join(30)
        assert not thread.is_alive()
    assert sorted(taken) == list(range(packets))
    assert inside[1] <= concurrency


@settings(max_examples=15, deadline=None)
@given(workers=st.integers(1, 6), packets=st.integers(0, 200), concurrency=st.integers(1, 4))
def test_a_pool_takes_every_packet_once(workers: int, packets: int, concurrency: int) -> None:
    _run_pool(workers, packets, concurrency)


@pytest.mark.usefixtures("fast_switching")
def test_a_pool_takes_every_packet_once_under_fast_switching() -> None:
    _run_pool(8, 2000, 3)


def test_the_default_concurrency_is_the_cpus() -> None:
    assert CompletionPort().concurrency == (os.cpu_count() or 1)
    assert current_thread() is not None


@pytest.mark.skipif(
    threading.current_thread() is not threading.main_thread(), reason="needs the main thread"
)
def test_ctrl_c_interrupts_a_get_in_the_main_thread_and_takes_nothing() -> None:
    port = CompletionPort()
    main = current_thread()

    def interrupt() -> None:
        wait_until_blocked(main)
        signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)

    helper = start_thread(interrupt)
    with pytest.raises(KeyboardInterrupt):
        port.get()
    assert helper.wait(10)
    assert port.statistics() == (0, 0, 0, port.concurrency)
    port.post(0, 1)
    assert port.get(0) == Completion(0, 0, 1, None)
