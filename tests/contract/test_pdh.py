"""Contract: pywin32's win32pdh and win32pdhutil, on the facade and on the real pywin32.

A query and its counters are int handles; a counter path names an object, an instance and a
counter; a rate counter (``% Processor Time``) has a value from the second sample on; an
unknown object or counter is a PDH status in ``pywintypes.error``. Wine's pdh knows few
counters (not Process, Memory, System) and lacks PdhEnumObjects and PdhParseCounterPath,
whose calls abort the process: those tests are skipped on the oracle.
"""

import os
import threading

import pytest
import pywintypes
import win32pdh

from ._processes import at_a_still_moment
from ._wine import ON_THE_ORACLE, wine_differs

PDH_CSTATUS_NO_OBJECT = 0xC0000BB8 - (1 << 32)
PDH_CSTATUS_NO_COUNTER = 0xC0000BB9 - (1 << 32)
PDH_INVALID_HANDLE = 0xC0000BBC - (1 << 32)
PDH_CSTATUS_BAD_COUNTERNAME = 0xC0000BC0 - (1 << 32)
CPU = r"\Processor(_Total)\% Processor Time"

aborts_on_wine = pytest.mark.skipif(ON_THE_ORACLE, reason="Wine's pdh aborts: unimplemented")


def test_constants() -> None:
    assert (win32pdh.PDH_FMT_LONG, win32pdh.PDH_FMT_DOUBLE, win32pdh.PDH_FMT_LARGE) == (
        256,
        512,
        1024,
    )
    assert (win32pdh.PDH_FMT_NOSCALE, win32pdh.PDH_FMT_1000, win32pdh.PDH_FMT_NOCAP100) == (
        4096,
        8192,
        32768,
    )
    assert win32pdh.PERF_DETAIL_WIZARD == 400
    assert win32pdh.error is pywintypes.error


def test_processor_time_after_two_samples() -> None:
    query = win32pdh.OpenQuery()
    assert isinstance(query, int)
    try:
        counter = win32pdh.AddCounter(query, CPU)
        assert isinstance(counter, int)
        win32pdh.CollectQueryData(query)
        win32pdh.CollectQueryData(query)
        kind, value = win32pdh.GetFormattedCounterValue(counter, win32pdh.PDH_FMT_LONG)
        assert isinstance(kind, int)
        assert isinstance(value, int)
        assert 0 <= value <= 100
        win32pdh.RemoveCounter(counter)
    finally:
        win32pdh.CloseQuery(query)


@wine_differs("Wine gives the bits of its LONG as a DOUBLE")
def test_processor_time_as_double() -> None:
    query = win32pdh.OpenQuery()
    try:
        counter = win32pdh.AddCounter(query, CPU)
        win32pdh.CollectQueryData(query)
        win32pdh.CollectQueryData(query)
        _, value = win32pdh.GetFormattedCounterValue(counter, win32pdh.PDH_FMT_DOUBLE)
        assert isinstance(value, float)
        assert 0.0 <= value <= 100.0
        assert value == 0.0 or value > 1e-300
    finally:
        win32pdh.CloseQuery(query)


def test_closed_handles() -> None:
    query = win32pdh.OpenQuery()
    counter = win32pdh.AddCounter(query, CPU)
    win32pdh.RemoveCounter(counter)
    with pytest.raises(pywintypes.error) as removed:
        win32pdh.RemoveCounter(counter)
    assert (removed.value.winerror, removed.value.funcname) == (
        PDH_INVALID_HANDLE,
        "RemoveCounter",
    )
    win32pdh.CloseQuery(query)
    for call, args in (
        (win32pdh.CloseQuery, (query,)),
        (win32pdh.CollectQueryData, (query,)),
        (win32pdh.AddCounter, (query, CPU)),
    ):
        with pytest.raises(pywintypes.error) as closed:
            call(*args)
        assert (closed.value.winerror, closed.value.funcname) == (
            PDH_INVALID_HANDLE,
            call.__name__,
        )


@wine_differs("Wine answers PDH_CSTATUS_NO_COUNTER for an unknown object")
def test_unknown_object() -> None:
    query = win32pdh.OpenQuery()
    try:
        with pytest.raises(pywintypes.error) as raised:
            win32pdh.AddCounter(query, r"\NoSuchObject\X")
        assert (raised.value.winerror, raised.value.funcname) == (
            PDH_CSTATUS_NO_OBJECT,
            "AddCounter",
        )
    finally:
        win32pdh.CloseQuery(query)
    assert win32pdh.ValidatePath(r"\NoSuchObject\X") == PDH_CSTATUS_NO_OBJECT


def test_unknown_counter() -> None:
    query = win32pdh.OpenQuery()
    try:
        with pytest.raises(pywintypes.error) as raised:
            win32pdh.AddCounter(query, r"\Processor(_Total)\No Such Counter")
        assert (raised.value.winerror, raised.value.funcname) == (
            PDH_CSTATUS_NO_COUNTER,
            "AddCounter",
        )
    finally:
        win32pdh.CloseQuery(query)


def test_validate_path() -> None:
    assert win32pdh.ValidatePath(CPU) == 0
    assert win32pdh.ValidatePath(r"\Processor(_Total)\No Such Counter") == (PDH_CSTATUS_NO_COUNTER)
    assert win32pdh.ValidatePath("garbage") == PDH_CSTATUS_BAD_COUNTERNAME


def test_make_counter_path() -> None:
    make = win32pdh.MakeCounterPath
    assert make((None, "Process", "python", None, 2, "ID Process")) == (
        r"\Process(python#2)\ID Process"
    )
    assert make((None, "Memory", None, None, -1, "Available Bytes")) == (r"\Memory\Available Bytes")


@aborts_on_wine
def test_parse_counter_path() -> None:
    assert win32pdh.ParseCounterPath(r"\\box\Process(python#2)\ID Process") == (
        "box",
        "Process",
        "python",
        None,
        2,
        "ID Process",
    )


@aborts_on_wine
def test_objects_and_items() -> None:
    objects = win32pdh.EnumObjects(None, None, win32pdh.PERF_DETAIL_WIZARD, 0)
    assert {"Processor", "Process", "Memory", "System"} <= set(objects)
    counters, instances = win32pdh.EnumObjectItems(
        None, None, "Processor", win32pdh.PERF_DETAIL_WIZARD
    )
    assert "% Processor Time" in counters
    assert "_Total" in instances
    with pytest.raises(pywintypes.error) as raised:
        win32pdh.EnumObjectItems(None, None, "NoSuchObject", win32pdh.PERF_DETAIL_WIZARD)
    assert raised.value.winerror == PDH_CSTATUS_NO_OBJECT


def _pids_named(name: str) -> list[int]:
    """FindPerformanceAttributesByName: the pids of the processes of ``name``."""
    import win32pdhutil

    return list(win32pdhutil.FindPerformanceAttributesByName(name))


def _instance_names_of_this_process() -> set[str]:
    """The names whose processes include this one; a name whose process ended between its
    listing and its reading (an error) counts as not this one's: the caller reads again."""
    _, instances = win32pdh.EnumObjectItems(None, None, "Process", win32pdh.PERF_DETAIL_WIZARD)
    found = set()
    for name in set(instances):
        try:
            if os.getpid() in _pids_named(name):
                found.add(name)
        except pywintypes.error:
            continue
    return found


def _own_instance_name() -> str:
    found = at_a_still_moment(_instance_names_of_this_process, lambda found: len(found) == 1)
    assert len(found) == 1
    return str(found.pop())


@aborts_on_wine
def test_find_this_process_by_name() -> None:
    _own_instance_name()


@aborts_on_wine
def test_memory_and_system() -> None:
    query = win32pdh.OpenQuery()
    try:
        paths = (r"\Memory\Available Bytes", r"\System\Processes", r"\System\Threads")
        counters = [win32pdh.AddCounter(query, path) for path in paths]
        win32pdh.CollectQueryData(query)
        values = [win32pdh.GetFormattedCounterValue(c, win32pdh.PDH_FMT_LARGE)[1] for c in counters]
        assert values[0] > 0
        assert 1 <= values[1] <= values[2]
    finally:
        win32pdh.CloseQuery(query)


@aborts_on_wine
def test_busy_thread_counts_in_the_process_time() -> None:
    name = _own_instance_name()
    pids = at_a_still_moment(lambda: _pids_named(name), lambda pids: os.getpid() in pids)
    inum = pids.index(os.getpid())
    path = win32pdh.MakeCounterPath((None, "Process", name, None, inum, "% Processor Time"))
    query = win32pdh.OpenQuery()
    stop = threading.Event()
    started = threading.Event()

    def spin() -> None:
        started.set()
        while not stop.is_set():
            pass

    worker = threading.Thread(target=spin)
    try:
        counter = win32pdh.AddCounter(query, path)
        win32pdh.CollectQueryData(query)
        with pytest.raises(pywintypes.error):
            win32pdh.GetFormattedCounterValue(counter, win32pdh.PDH_FMT_DOUBLE)
        worker.start()
        started.wait(10)
        total = 0.0
        for _ in range(1000):  # until the kernel's clock ticks while the thread spins
            win32pdh.CollectQueryData(query)
            total += win32pdh.GetFormattedCounterValue(counter, win32pdh.PDH_FMT_DOUBLE)[1]
            if total > 0:
                break
        assert total > 0
    finally:
        stop.set()
        if worker.is_alive():
            worker.join(10)
        win32pdh.CloseQuery(query)
