"""The kernel's performance counters (``perf``, what win32pdh stands on), read from /proc."""

from __future__ import annotations

import os
import threading
import time
from typing import TYPE_CHECKING, TypeVar

import pytest

from apartment.errors import Win32Error
from apartment.kernel.lowlevel import perf

if TYPE_CHECKING:
    from collections.abc import Callable

_T = TypeVar("_T")


def _my_instance() -> tuple[str, int]:
    """This process's Process instance: (name, index among the processes of that name)."""
    instances = perf.process_instances()
    name = next(name for name, pid in instances if pid == os.getpid())
    same = [pid for other, pid in instances if other.casefold() == name.casefold()]
    return name, same.index(os.getpid())


def _path(counter: str) -> str:
    name, index = _my_instance()
    return perf.make_path(perf.CounterPath(None, "Process", name, None, index, counter))


STILL_SECONDS = 20.0
"""How long to retry a reading that the process list changed around."""


def _at_a_still_moment(read: Callable[[], _T], holds: Callable[[_T], bool]) -> _T:
    """``read()``'s answer once it ``holds``, or once it was read at a still moment.

    A Process instance is a name and a number among the processes of that name in pid
    order: this process's number moves when an earlier process of its name ends (other
    programs' come and go), so a path made from a listing names this process only until
    then. An answer that fails the rule proves it broken only if no process started or
    ended around the reading (else it is read again, for :data:`STILL_SECONDS` at most:
    then the last answer is returned and the test's assertion fails on it). An error is
    handled so too.
    """
    deadline = time.monotonic() + STILL_SECONDS
    while True:
        before = perf.process_instances()
        try:
            answer = read()
        except Win32Error:
            if perf.process_instances() == before or time.monotonic() > deadline:
                raise
            continue
        if holds(answer) or perf.process_instances() == before or time.monotonic() > deadline:
            return answer


def test_id_process_is_this_process() -> None:
    def read() -> tuple[int, int | float]:
        query = perf.open_query()
        try:
            counter = perf.add_counter(query, _path("ID Process"))
            perf.collect(query)
            return perf.counter_value(counter, perf.PDH_FMT_LONG)
        finally:
            perf.close_query(query)

    expected = (perf.PERF_COUNTER_RAWCOUNT, os.getpid())
    assert _at_a_still_moment(read, lambda answer: answer == expected) == expected


def test_thread_count_sees_a_new_thread() -> None:
    """One more thread counts one more. The library's own service threads (the clock's,
    a reaper's) may start or end at the same moment, so a few tries may be needed."""
    query = perf.open_query()
    counts: list[tuple[float, float]] = []
    try:
        counter = perf.add_counter(query, _path("Thread Count"))
        for _ in range(5):
            release = threading.Event()
            worker = threading.Thread(target=release.wait, args=(10,))
            perf.collect(query)
            before = perf.counter_value(counter, perf.PDH_FMT_LONG)[1]
            worker.start()
            try:
                perf.collect(query)
                counts.append((before, perf.counter_value(counter, perf.PDH_FMT_LONG)[1]))
            finally:
                release.set()
                worker.join(10)
            if counts[-1][1] == before + 1:
                break
        assert counts[-1][1] == counts[-1][0] + 1, counts
    finally:
        perf.close_query(query)


def test_busy_thread_has_processor_time() -> None:
    query = perf.open_query()
    stop = threading.Event()
    started = threading.Event()

    def spin() -> None:
        started.set()
        while not stop.is_set():
            pass

    worker = threading.Thread(target=spin)
    try:
        counter = perf.add_counter(query, _path("% Processor Time"))
        perf.collect(query)
        with pytest.raises(Win32Error) as first:
            perf.counter_value(counter, perf.PDH_FMT_DOUBLE)
        assert first.value.winerror == perf.PDH_INVALID_DATA
        worker.start()
        assert started.wait(10)
        total = 0.0
        for _ in range(100_000):  # until the kernel's clock ticks while the thread spins
            perf.collect(query)
            total += float(perf.counter_value(counter, perf.PDH_FMT_DOUBLE)[1])
            if total > 0:
                break
        assert total > 0
    finally:
        stop.set()
        if worker.is_alive():
            worker.join(10)
        perf.close_query(query)


def test_no_sample_yet_is_invalid_data() -> None:
    query = perf.open_query()
    try:
        counter = perf.add_counter(query, r"\Memory\Available Bytes")
        with pytest.raises(Win32Error) as raised:
            perf.counter_value(counter, perf.PDH_FMT_LARGE)
        assert raised.value.winerror == perf.PDH_INVALID_DATA
        perf.collect(query)
        assert perf.counter_value(counter, perf.PDH_FMT_LARGE)[1] > 0
    finally:
        perf.close_query(query)


@pytest.mark.parametrize(
    ("path", "code"),
    [
        (r"\NoSuchObject\X", perf.PDH_CSTATUS_NO_OBJECT),
        (r"\Processor(_Total)\No Such Counter", perf.PDH_CSTATUS_NO_COUNTER),
        ("garbage", perf.PDH_CSTATUS_BAD_COUNTERNAME),
    ],
)
def test_bad_path_gives_its_pdh_code(path: str, code: int) -> None:
    query = perf.open_query()
    try:
        with pytest.raises(Win32Error) as raised:
            perf.add_counter(query, path)
        assert raised.value.winerror == code
        assert perf.validate_path(path) == code
    finally:
        perf.close_query(query)


def test_gone_instance_is_invalid_data() -> None:
    query = perf.open_query()
    try:
        counter = perf.add_counter(query, r"\Process(no-such-program-here)\ID Process")
        perf.collect(query)
        with pytest.raises(Win32Error) as raised:
            perf.counter_value(counter, perf.PDH_FMT_LONG)
        assert raised.value.winerror == perf.PDH_INVALID_DATA
    finally:
        perf.close_query(query)


def test_repeated_names_are_numbered_in_paths() -> None:
    def read() -> tuple[str, list[str], list[tuple[str, int]]]:
        listed = perf.process_instances()
        return _my_instance()[0], perf.expand_path(r"\Process(*)\ID Process"), listed

    def holds(answer: tuple[str, list[str], list[tuple[str, int]]]) -> bool:
        name, expanded, listed = answer
        return rf"\Process({name})\ID Process" in expanded and len(expanded) == len(listed)

    name, expanded, listed = _at_a_still_moment(read, holds)
    assert rf"\Process({name})\ID Process" in expanded
    assert len(expanded) == len(listed)
    assert len(set(expanded)) == len(expanded)


def test_parse_and_make_are_inverse() -> None:
    text = r"\\box\Process(parent/python#2)\ID Process"
    parts = perf.parse_path(text)
    assert parts == perf.CounterPath("box", "Process", "python", "parent", 2, "ID Process")
    assert perf.make_path(parts) == text


def test_processors_listed_with_total() -> None:
    counters, instances = perf.object_items("processor")
    assert "% User Time" in counters
    assert instances[-1] == "_Total"
    assert len(instances) == os.cpu_count() + 1  # type: ignore[operator]


def test_concurrent_collects_keep_two_samples() -> None:
    query = perf.open_query()
    counter = perf.add_counter(query, r"\Processor(_Total)\% Processor Time")
    barrier = threading.Barrier(4)
    values: list[float] = []

    def collect() -> None:
        barrier.wait(10)
        for _ in range(50):
            perf.collect(query)
            values.append(float(perf.counter_value(counter, perf.PDH_FMT_DOUBLE)[1]))

    perf.collect(query)
    threads = [threading.Thread(target=collect) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    perf.close_query(query)
    assert len(values) == 200
    assert all(0.0 <= value <= 100.0 for value in values)
    with pytest.raises(Win32Error) as raised:
        perf.counter_value(counter, perf.PDH_FMT_LONG)
    assert raised.value.winerror == perf.PDH_INVALID_HANDLE


def test_no_tick_between_samples_is_zero_percent(monkeypatch: pytest.MonkeyPatch) -> None:
    from apartment.kernel import _perf

    monkeypatch.setattr(_perf, "_cpu_ticks", lambda: {"_Total": (5, 5, 90, 100)})
    query = perf.open_query()
    try:
        counters = [
            perf.add_counter(query, rf"\Processor(_Total)\{name}")
            for name in ("% Processor Time", "% User Time", "% Privileged Time")
        ]
        perf.collect(query)
        perf.collect(query)
        assert [perf.counter_value(c, perf.PDH_FMT_DOUBLE)[1] for c in counters] == [0.0] * 3
    finally:
        perf.close_query(query)
