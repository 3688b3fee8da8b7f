"""The core's process knobs and memory access: Windows' rules, with their error codes."""

from __future__ import annotations

import ctypes
import os

import pytest

from apartment import kernel
from apartment.errors import (
    ERROR_ACCESS_DENIED,
    ERROR_BAD_TOKEN_TYPE,
    ERROR_INVALID_ADDRESS,
    ERROR_INVALID_PARAMETER,
    ERROR_MOD_NOT_FOUND,
    ERROR_NOACCESS,
    ERROR_PARTIAL_COPY,
    ERROR_PRIVILEGE_NOT_HELD,
    ERROR_PROC_NOT_FOUND,
    Win32Error,
)
from apartment.kernel._elfexports import exported_names


class _Thread:
    """A stand-in thread object (the knobs are kept by object, weakly)."""


def code_of(fn: object, *args: object) -> int:
    with pytest.raises(Win32Error) as info:
        fn(*args)  # type: ignore[operator]
    return int(info.value.winerror)


def test_boosts_follow_the_process_until_a_thread_sets_its_own() -> None:
    me, thread = os.getpid() + 10_000_000, _Thread()  # a pid no other test uses
    assert kernel.priority_boost_disabled(me) is False
    kernel.set_thread_priority_boost_disabled(thread, me, True)
    assert kernel.thread_priority_boost_disabled(thread, me) is True
    kernel.set_priority_boost_disabled(me, False)  # sets every thread of the process
    assert kernel.thread_priority_boost_disabled(thread, me) is False
    kernel.set_priority_boost_disabled(me, True)
    assert kernel.thread_priority_boost_disabled(_Thread(), me) is True


def test_ideal_processor_rules() -> None:
    thread = _Thread()
    assert kernel.set_ideal_processor(thread, kernel.MAXIMUM_PROCESSORS) == 0
    assert kernel.set_ideal_processor(thread, 0) == 0
    assert code_of(kernel.set_ideal_processor, thread, kernel.MAXIMUM_PROCESSORS + 1) == (
        ERROR_INVALID_PARAMETER
    )
    assert code_of(kernel.set_ideal_processor, thread, os.cpu_count() or 1) == (
        ERROR_INVALID_PARAMETER
    )
    with pytest.raises(TypeError):
        kernel.set_ideal_processor(thread, "0")  # type: ignore[arg-type]


def test_shutdown_levels_run_to_0x4ff() -> None:
    before = kernel.shutdown_parameters()
    try:
        kernel.set_shutdown_parameters(0x4FF, kernel.SHUTDOWN_NORETRY)
        assert kernel.shutdown_parameters() == (0x4FF, 1)
        assert code_of(kernel.set_shutdown_parameters, 0x500, 0) == ERROR_INVALID_PARAMETER
        assert kernel.shutdown_parameters() == (0x4FF, 1)
    finally:
        kernel.set_shutdown_parameters(*before)


def test_io_counters_count_this_process_reads() -> None:
    counters = kernel.io_counters(os.getpid())
    assert counters.read_operations > 0 and counters.other_operations == 0
    assert kernel.io_counters(2**22 + 12345).read_bytes == 0  # no such process: zeros


def test_reading_and_writing_memory_by_the_maps_rules() -> None:
    me = kernel.current_process()
    buffer = ctypes.create_string_buffer(b"abcdef", 8)
    address = ctypes.addressof(buffer)
    assert kernel.read_memory(me, address, 6) == b"abcdef"
    assert kernel.write_memory(me, address, b"XY") == 2
    assert buffer.raw[:6] == b"XYcdef"
    assert code_of(kernel.read_memory, me, 0, 4) == ERROR_PARTIAL_COPY
    assert code_of(kernel.read_memory, me, 1 << 48, 4) == ERROR_NOACCESS
    assert code_of(kernel.write_memory, me, 0, b"a") == ERROR_INVALID_ADDRESS
    assert code_of(kernel.write_memory, me, address, b"") == ERROR_INVALID_PARAMETER


def test_allocations_reserve_commit_decommit_release() -> None:
    me = kernel.current_process()
    base = kernel.allocate_memory(me, 0, 0x20000, kernel.MEM_RESERVE, kernel.PAGE_READWRITE)
    assert base % 0x10000 == 0
    try:
        assert code_of(kernel.read_memory, me, base, 1) == ERROR_PARTIAL_COPY
        assert code_of(kernel.write_memory, me, base, b"a") == ERROR_INVALID_ADDRESS
        page = kernel.allocate_memory(me, base + 10, 1, kernel.MEM_COMMIT, kernel.PAGE_READONLY)
        assert page == base
        assert kernel.read_memory(me, page, 2) == b"\0\0"
        assert code_of(kernel.write_memory, me, page, b"a") == ERROR_NOACCESS
        assert code_of(kernel.free_memory, me, base + 4096, 0, kernel.MEM_RELEASE) == (
            ERROR_INVALID_ADDRESS
        )
        assert code_of(kernel.free_memory, me, base, 4096, kernel.MEM_RELEASE) == (
            ERROR_INVALID_PARAMETER
        )
        kernel.free_memory(me, page, 4096, kernel.MEM_DECOMMIT)
        assert code_of(kernel.read_memory, me, page, 1) == ERROR_PARTIAL_COPY
        assert (
            code_of(
                kernel.allocate_memory, me, base, 4096, kernel.MEM_RESERVE, kernel.PAGE_READWRITE
            )
            == ERROR_INVALID_ADDRESS
        )
    finally:
        kernel.free_memory(me, base, 0, kernel.MEM_RELEASE)
    assert code_of(kernel.free_memory, me, base, 0, kernel.MEM_RELEASE) == ERROR_INVALID_PARAMETER
    assert code_of(kernel.allocate_memory, me, 0, 0, kernel.MEM_COMMIT, 4) == (
        ERROR_INVALID_PARAMETER
    )
    assert code_of(kernel.allocate_memory, me, 0, 4096, kernel.MEM_COMMIT, 8) == (
        ERROR_INVALID_PARAMETER  # PAGE_WRITECOPY: VirtualAlloc does not take it
    )


def test_memory_of_another_process_cannot_be_allocated(tmp_path: object) -> None:
    child = kernel.create_process(None, "sleep 30")
    try:
        assert (
            code_of(
                kernel.allocate_memory, child, 0, 4096, kernel.MEM_COMMIT, kernel.PAGE_READWRITE
            )
            == ERROR_ACCESS_DENIED
        )
        assert code_of(kernel.start_remote_thread, child, 1, 0) == ERROR_ACCESS_DENIED
    finally:
        child.terminate(1)
        child.wait(30)
    assert code_of(kernel.read_memory, child, 4096, 1) == ERROR_ACCESS_DENIED  # it exited


def test_a_remote_thread_in_this_process_returns_the_routine_result() -> None:
    routine = ctypes.CFUNCTYPE(ctypes.c_uint32, ctypes.c_void_p)(lambda p: (p or 0) + 1)
    address = ctypes.cast(routine, ctypes.c_void_p).value or 0
    thread = kernel.start_remote_thread(kernel.current_process(), address, 41)
    assert thread.wait(30)
    assert thread.exit_code == 42
    assert code_of(kernel.start_remote_thread, kernel.current_process(), 0, 0) == (
        ERROR_INVALID_PARAMETER
    )


def test_libraries_are_counted_and_number_their_exports_by_name() -> None:
    handle = kernel.load_library("m")
    assert kernel.load_library("libm.so.6") == handle
    assert kernel.proc_address(handle, "cos")
    # ordinal n: the n-th exported name in order, as a DLL's linker numbers them
    names = exported_names(kernel.library_path(handle))
    assert list(names) == sorted(names)
    assert "cos" in names
    ordinal = names.index("cos") + 1
    assert kernel.proc_address(handle, ordinal) == kernel.proc_address(handle, "cos")
    assert code_of(kernel.proc_address, handle, len(names) + 1) == ERROR_PROC_NOT_FOUND
    assert code_of(kernel.proc_address, handle, 0) == ERROR_PROC_NOT_FOUND
    assert code_of(kernel.proc_address, handle, "no_such_symbol_s19") == ERROR_PROC_NOT_FOUND
    assert kernel.library_path(handle).endswith(".so.6")
    kernel.free_library(handle)
    kernel.free_library(handle)
    assert code_of(kernel.free_library, handle) == ERROR_MOD_NOT_FOUND
    assert code_of(kernel.proc_address, handle, "cos") == ERROR_MOD_NOT_FOUND
    assert code_of(kernel.load_library, "kernel32.dll") == ERROR_MOD_NOT_FOUND


def test_the_clock_and_zone_need_their_privileges() -> None:
    import datetime as dt

    when = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    assert code_of(kernel.set_system_time, when) == ERROR_PRIVILEGE_NOT_HELD
    assert code_of(kernel.set_time_zone_information, ()) == ERROR_PRIVILEGE_NOT_HELD


def test_only_a_primary_token_starts_a_process() -> None:
    token = kernel.open_token_of(kernel.current_process())
    kernel.require_primary(token)
    assert code_of(kernel.require_primary, token.duplicate(2)) == ERROR_BAD_TOKEN_TYPE
