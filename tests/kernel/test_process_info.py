"""What a process or thread is and has used: times, memory, modules, affinity, working sets."""

from __future__ import annotations

import datetime as dt
import os
import sys

import pytest

from apartment.errors import (
    AccessDeniedError,
    InvalidHandleError,
    InvalidParameterError,
    ModuleNotLoadedError,
)
from apartment.kernel import (
    PROGRAM_MODULE,
    SESSION_ID,
    TRIM_WORKING_SET,
    Event,
    Module,
    current_process,
    current_thread,
    is_wow64,
    memory_counters,
    module_file_name,
    module_path,
    process_affinity,
    process_ids,
    process_modules,
    process_times,
    process_version,
    session_id,
    set_process_affinity,
    set_thread_affinity,
    set_working_set_limits,
    start_process,
    start_thread,
    system_affinity,
    thread_times,
    working_set_limits,
)

BURN = "sum(range(3_000_000))"  # a few tens of milliseconds of user time
WAIT = 30
PAUSE = "import signal; signal.pause()"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _burn() -> int:
    return sum(range(3_000_000))


# -- times ---------------------------------------------------------------------------------


def test_this_process_was_created_before_now_and_has_not_exited() -> None:
    times = process_times(current_process())
    assert times.created.tzinfo is not None
    assert times.created <= _now()
    assert times.exited is None
    before = times.user + times.kernel
    _burn()
    after = process_times(current_process())
    assert abs(after.created - times.created) < dt.timedelta(milliseconds=50)
    assert after.user + after.kernel > before


def test_an_exited_child_keeps_its_times_and_gets_an_exit_time() -> None:
    started = _now()
    child = start_process([sys.executable, "-c", BURN])
    assert child.wait(WAIT)
    times = process_times(child)
    assert times.exited is not None
    slack = dt.timedelta(milliseconds=100)  # ticks of 10 ms, boot time read twice
    assert started - slack <= times.created <= times.exited + slack
    assert times.exited <= _now()
    assert times.user > 0  # kept from /proc before the child was reaped


def test_a_running_thread_and_an_ended_one_report_their_times() -> None:
    gate, done = Event(manual_reset=True), Event(manual_reset=True)

    def body() -> int:
        _burn()
        done.set()
        gate.wait(WAIT)
        return 0

    thread = start_thread(body)
    assert done.wait(WAIT)
    running = thread_times(thread)
    assert running.exited is None
    assert running.user + running.kernel > 0
    assert running.created <= _now()
    gate.set()
    assert thread.wait(WAIT)
    ended = thread_times(thread)  # recorded on the thread as it ended
    assert ended.exited is not None
    assert abs(ended.created - running.created) < dt.timedelta(milliseconds=50)
    assert ended.user + ended.kernel >= running.user + running.kernel
    assert thread_times(current_thread()).exited is None


def test_a_childs_primary_thread_reports_its_main_thread_then_its_process() -> None:
    child = start_process([sys.executable, "-c", BURN])
    assert thread_times(child.primary_thread).created <= _now()
    assert child.wait(WAIT)
    assert thread_times(child.primary_thread) == process_times(child)


# -- memory, ids, modules, versions ----------------------------------------------------------


def test_memory_counters_of_this_process_and_of_an_exited_child() -> None:
    counters = memory_counters(current_process())
    assert 0 < counters.working_set <= counters.peak_working_set
    assert 0 < counters.private <= counters.peak_private
    assert counters.page_faults > 0
    child = start_process([sys.executable, "-c", "pass"])
    assert child.wait(WAIT)
    gone = memory_counters(child)
    assert (gone.working_set, gone.private, gone.page_faults) == (0, 0, 0)


def test_process_ids_hold_this_process_and_a_running_child_not_an_exited_one() -> None:
    gate = start_process([sys.executable, "-c", PAUSE])
    try:
        ids = process_ids()
        assert os.getpid() in ids
        assert gate.pid in ids
        assert ids == sorted(ids)
    finally:
        gate.terminate(1)
    assert gate.wait(WAIT)
    assert gate.pid not in process_ids()


def test_the_program_is_the_first_module_then_the_shared_objects() -> None:
    modules = process_modules(current_process())
    assert modules[0] == Module(PROGRAM_MODULE, sys.executable)
    libraries = [module for module in modules[1:] if ".so" in os.path.basename(module.path)]
    assert libraries == modules[1:]
    assert libraries, "a Python process maps at least the C library"
    assert len({module.handle for module in modules}) == len(modules)
    some = libraries[0]
    assert module_file_name(current_process(), some.handle) == some.path
    assert module_path(some.handle) == some.path
    assert module_file_name(current_process(), 0) == module_path(0) == sys.executable
    assert module_path(PROGRAM_MODULE) == sys.executable


def test_an_unknown_module_handle_is_refused_with_windows_codes() -> None:
    with pytest.raises(InvalidHandleError):  # GetModuleFileNameEx's code
        module_file_name(current_process(), 12345)
    with pytest.raises(ModuleNotLoadedError):  # GetModuleFileName's code
        module_path(12345)


def test_an_exited_process_has_no_modules_to_read() -> None:
    child = start_process([sys.executable, "-c", "pass"])
    assert child.wait(WAIT)
    with pytest.raises(AccessDeniedError):
        process_modules(child)
    with pytest.raises(AccessDeniedError):
        module_file_name(child, 0)


def test_a_child_names_its_program() -> None:
    child = start_process([sys.executable, "-c", PAUSE])
    try:
        path = module_file_name(child, 0)
        assert os.path.samefile(path, sys.executable)
        assert process_modules(child)[0].handle == PROGRAM_MODULE
        assert not is_wow64(child)
        assert process_version(child.pid) == 0x60000
    finally:
        child.terminate(1)
    assert child.wait(WAIT)


def test_versions_sessions_and_width() -> None:
    assert process_version(0) == process_version(os.getpid()) == 0x60000
    with pytest.raises(InvalidParameterError):
        process_version(2**31 - 1)
    assert session_id(os.getpid()) == SESSION_ID == 1
    assert is_wow64(current_process()) is False


# -- affinity ---------------------------------------------------------------------------------


def test_the_process_mask_is_within_the_system_mask() -> None:
    mine, system = process_affinity(current_process())
    assert system == system_affinity()
    assert mine and not mine & ~system


def test_a_zero_mask_or_one_beyond_the_system_is_an_invalid_parameter() -> None:
    system = system_affinity()
    for bad in (0, 1 << system.bit_length(), system | 1 << 63):
        with pytest.raises(InvalidParameterError):
            set_process_affinity(current_process(), bad)
        with pytest.raises(InvalidParameterError):
            set_thread_affinity(current_thread(), bad)
    with pytest.raises(TypeError):
        set_thread_affinity(current_thread(), "1")  # type: ignore[arg-type]


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two processors")
def test_a_thread_is_bound_and_gets_its_previous_mask_back() -> None:
    gate, bound = Event(manual_reset=True), Event(manual_reset=True)
    seen: list[set[int]] = []

    def body() -> int:
        bound.wait(WAIT)
        seen.append(os.sched_getaffinity(0))
        gate.set()
        return 0

    thread = start_thread(body)
    whole = process_affinity(current_process())[0]
    first = whole & -whole  # the lowest processor
    assert set_thread_affinity(thread, first) == whole
    bound.set()
    assert gate.wait(WAIT)
    assert seen == [{first.bit_length() - 1}]
    assert thread.wait(WAIT)
    with pytest.raises(AccessDeniedError):  # it has ended
        set_thread_affinity(thread, first)


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two processors")
def test_a_childs_mask_binds_it_and_outlives_it() -> None:
    child = start_process([sys.executable, "-c", PAUSE])
    whole = process_affinity(current_process())[0]
    last = 1 << (whole.bit_length() - 1)  # the highest processor
    try:
        set_process_affinity(child, last)
        assert process_affinity(child) == (last, system_affinity())
        assert os.sched_getaffinity(child.pid) == {last.bit_length() - 1}
    finally:
        child.terminate(1)
    assert child.wait(WAIT)
    assert process_affinity(child)[0] == last
    with pytest.raises(AccessDeniedError):
        set_process_affinity(child, last)


# -- working sets -------------------------------------------------------------------------------


def test_working_set_limits_start_at_windows_defaults_and_are_kept() -> None:
    page = os.sysconf("SC_PAGE_SIZE")
    child = start_process([sys.executable, "-c", "pass"])
    assert child.wait(WAIT)
    assert working_set_limits(child) == (50 * page, 345 * page)
    set_working_set_limits(child, 300_000, 2_000_000)
    assert working_set_limits(child) == (300_000, 2_000_000)
    set_working_set_limits(child, TRIM_WORKING_SET, TRIM_WORKING_SET)  # trims, keeps them
    assert working_set_limits(child) == (300_000, 2_000_000)


def test_working_set_limits_are_checked_as_windows_checks_them() -> None:
    page = os.sysconf("SC_PAGE_SIZE")
    process = current_process()
    for minimum, maximum in ((0, 2_000_000), (3_000_000, 2_000_000), (page, 12 * page)):
        with pytest.raises(InvalidParameterError):
            set_working_set_limits(process, minimum, maximum)
    with pytest.raises(TypeError):
        set_working_set_limits(process, -1, 2_000_000)
