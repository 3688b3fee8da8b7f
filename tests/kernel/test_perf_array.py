"""The kernel's perf counters: wildcard arrays, scale, English indices, instance names, machines."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from typing import TYPE_CHECKING

import pytest

from apartment.errors import Win32Error
from apartment.kernel.lowlevel import perf

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


def _code(call: object, *args: object) -> int:
    with pytest.raises(Win32Error) as raised:
        call(*args)  # type: ignore[operator]
    return raised.value.winerror


@pytest.fixture
def query() -> Iterator[int]:
    handle = perf.open_query()
    yield handle
    perf.close_query(handle)


def test_process_array_lists_a_repeated_name_once_per_process(query: int, tmp_path: Path) -> None:
    """Two processes of one program are two items of one name, in increasing pid."""
    twin = tmp_path / "pdhtwin"
    twin.symlink_to(sys.executable)
    # Each child says it runs before it is looked for: exec closes the pipe Popen waits on
    # a moment before the kernel renames the process.
    code = "import sys; print(flush=True); sys.stdin.read()"
    children = [
        subprocess.Popen(
            [str(twin), "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    for child in children:
        assert child.stdout is not None
        child.stdout.readline()
    try:
        counter = perf.add_counter(query, r"\Process(*)\ID Process")
        perf.collect(query)
        items = perf.counter_array(counter, perf.PDH_FMT_LONG)
        mine = sorted(c.pid for c in children)
        assert [pid for name, pid in items if name == "pdhtwin"] == mine, [
            item for item in items if item[1] in mine
        ]
        assert (perf.process_instances()[0][0], os.getpid()) != ("", 0)
        assert os.getpid() in [pid for _, pid in items]
        with pytest.raises(Win32Error) as one:
            perf.counter_value(counter, perf.PDH_FMT_LONG)
        assert one.value.winerror == perf.PDH_INVALID_ARGUMENT
    finally:
        for child in children:
            assert child.stdin is not None
            child.stdin.close()  # the child reads to the end and exits
            child.wait(10)
            assert child.stdout is not None
            child.stdout.close()


def test_a_pattern_instance_matches_names_without_case(query: int) -> None:
    me = next(name for name, pid in perf.process_instances() if pid == os.getpid())
    counter = perf.add_counter(query, rf"\Process({me[:2].upper()}*)\ID Process")
    perf.collect(query)
    items = perf.counter_array(counter, perf.PDH_FMT_LONG)
    assert (me, os.getpid()) in items
    assert all(name.casefold().startswith(me[:2].casefold()) for name, _ in items)


def test_rate_array_needs_two_samples(query: int) -> None:
    counter = perf.add_counter(query, r"\Processor(*)\% Processor Time")
    assert _code(perf.counter_array, counter, perf.PDH_FMT_DOUBLE) == perf.PDH_INVALID_DATA
    perf.collect(query)
    assert perf.counter_array(counter, perf.PDH_FMT_DOUBLE) == []
    perf.collect(query)
    items = dict(perf.counter_array(counter, perf.PDH_FMT_DOUBLE))
    assert set(items) == {*(str(n) for n in range(len(items) - 1)), "_Total"}
    assert all(isinstance(v, float) and 0.0 <= v <= 100.0 for v in items.values())


def test_array_of_a_one_instance_counter(query: int) -> None:
    total = perf.add_counter(query, r"\Processor(_Total)\% User Time")
    memory = perf.add_counter(query, r"\Memory\Available Bytes")
    perf.collect(query)
    assert _code(perf.counter_array, total, perf.PDH_FMT_LONG) == perf.PDH_INVALID_DATA
    perf.collect(query)
    assert [name for name, _ in perf.counter_array(total, perf.PDH_FMT_LONG)] == ["_Total"]
    ((name, value),) = perf.counter_array(memory, perf.PDH_FMT_LARGE)
    assert name == ""
    assert isinstance(value, int)
    assert value > 0


def test_scale_factor_and_noscale(query: int) -> None:
    path = r"\Process(*)\ID Process"
    counter = perf.add_counter(query, path)
    perf.collect(query)
    me = os.getpid()
    perf.set_scale(counter, 2)
    assert perf.counter_info(counter) == (perf.PERF_COUNTER_RAWCOUNT, path, 2)
    assert me * 100 in [v for _, v in perf.counter_array(counter, perf.PDH_FMT_LARGE)]
    noscale = perf.PDH_FMT_LARGE | perf.PDH_FMT_NOSCALE
    assert me in [v for _, v in perf.counter_array(counter, noscale)]
    perf.set_scale(counter, -7)
    perf.set_scale(counter, 7)
    for bad in (8, -8):
        assert _code(perf.set_scale, counter, bad) == perf.PDH_INVALID_ARGUMENT
    assert perf.counter_info(counter)[2] == 7
    perf.remove_counter(counter)
    assert _code(perf.set_scale, counter, 1) == perf.PDH_INVALID_HANDLE


def test_scale_of_a_rate_applies_after_the_cap(query: int) -> None:
    counter = perf.add_counter(query, r"\Processor(_Total)\% Processor Time")
    perf.collect(query)
    perf.collect(query)
    plain = perf.counter_value(counter, perf.PDH_FMT_DOUBLE)[1]
    perf.set_scale(counter, 1)
    assert perf.counter_value(counter, perf.PDH_FMT_DOUBLE)[1] == pytest.approx(plain * 10)
    noscale = perf.PDH_FMT_DOUBLE | perf.PDH_FMT_NOSCALE
    assert perf.counter_value(counter, noscale)[1] == pytest.approx(plain)


@pytest.mark.parametrize(
    ("index", "name"),
    [(2, "System"), (4, "Memory"), (6, "% Processor Time"), (230, "Process"),
     (238, "Processor"), (784, "ID Process"), (180, "Working Set"), (952, "Handle Count")],
)  # fmt: skip
def test_english_indices(index: int, name: str) -> None:
    assert perf.perf_name(index) == name
    assert perf.perf_index(name) == index
    assert perf.perf_index(name.upper()) == index


def test_every_counter_and_object_has_an_index() -> None:
    for obj in perf.objects():
        assert perf.perf_name(perf.perf_index(obj)) == obj
        for counter in perf.object_items(obj)[0]:
            assert perf.perf_name(perf.perf_index(counter)) == counter


def test_unknown_index_and_name() -> None:
    assert _code(perf.perf_name, 0) == perf.PDH_INVALID_ARGUMENT
    assert _code(perf.perf_name, 99999) == perf.PDH_INVALID_ARGUMENT
    assert _code(perf.perf_index, "No Such Counter") == perf.PDH_STRING_NOT_FOUND


@pytest.mark.parametrize(
    ("text", "parts"),
    [("python", ("python", "", 0)), ("python#2", ("python", "", 2)),
     ("parent/python", ("python", "parent", 0)), ("explorer/tab#3", ("tab", "explorer", 3)),
     ("", ("", "", 0))],
)  # fmt: skip
def test_parse_instance(text: str, parts: tuple[str, str, int]) -> None:
    assert perf.parse_instance(text) == parts


def test_only_this_machine() -> None:
    from apartment.kernel._sysinfo import computer_name

    for name in (None, "", computer_name(), computer_name().lower(), "\\\\" + computer_name()):
        perf.check_machine(name)
    assert _code(perf.check_machine, "no-such-box") == perf.PDH_CSTATUS_NO_MACHINE
    assert _code(perf.perf_name, 6, "no-such-box") == perf.PDH_CSTATUS_NO_MACHINE
    query = perf.open_query()
    try:
        assert (
            _code(perf.add_counter, query, r"\\no-such-box\Memory\Available Bytes")
            == perf.PDH_CSTATUS_NO_MACHINE
        )
        assert perf.validate_path(r"\\no-such-box\Memory\Available Bytes") == (
            perf.PDH_CSTATUS_NO_MACHINE
        )
        perf.add_counter(query, rf"\\{computer_name()}\Memory\Available Bytes")
    finally:
        perf.close_query(query)


def test_threads_collect_read_and_scale_one_query(query: int) -> None:
    """Samples, arrays and scale changes from three threads at once stay whole."""
    counters = [
        perf.add_counter(query, r"\Processor(*)\% Processor Time"),
        perf.add_counter(query, r"\Process(*)\Thread Count"),
    ]
    start = threading.Barrier(3)
    failures: list[BaseException] = []
    codes: set[int] = set()

    def run(work: object) -> None:
        try:
            start.wait(10)
            for round_ in range(30):
                work(round_)  # type: ignore[operator]
        except BaseException as error:
            failures.append(error)

    def read(_: int) -> None:
        for counter in counters:
            try:
                items = perf.counter_array(counter, perf.PDH_FMT_DOUBLE)
            except Win32Error as error:
                codes.add(error.winerror)
                continue
            assert all(isinstance(v, float) for _, v in items)

    def scale(round_: int) -> None:
        perf.set_scale(counters[1], round_ % 3)

    threads = [
        threading.Thread(target=run, args=(w,))
        for w in (lambda _: perf.collect(query), read, scale)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    assert codes <= {perf.PDH_INVALID_DATA}  # before the second sample
