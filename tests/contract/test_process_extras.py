"""Contract: win32process's less common names.

Priority boosts (per process and thread, read back), SetThreadIdealProcessor (the previous
processor; MAXIMUM_PROCESSORS reads; above it ERROR_INVALID_PARAMETER), GetProcessIoCounters,
Get/SetProcessShutdownParameters (0x280 at first), GetThreadIOPendingFlag,
GetProcessWindowStation, EnumProcessModulesEx, this process's memory through
Read/WriteProcessMemory and VirtualAllocEx/VirtualFreeEx (ERROR_PARTIAL_COPY, ERROR_NOACCESS,
ERROR_INVALID_ADDRESS, ERROR_INVALID_PARAMETER as Windows gives them), CreateRemoteThread into
this process, CreateProcessAsUser with this process's token, and ExitProcess. Handles
without the right give 5, wrong handles 6, wrong types TypeError.

Wine stubs several of these (boosts and ideal processors are not kept, access rights are not
checked, memory protections are not enforced on writes): those tests are marked.
"""

from __future__ import annotations

import ctypes
import os
import sys
from typing import Any

import pytest
import pywintypes
import win32api
import win32event
import win32process
import win32security

from ._wine import wine_differs

EXIT_MS = 30_000  # safety net only
PROCESS_VM_OPERATION = 0x0008
PROCESS_VM_READ = 0x0010
PROCESS_VM_WRITE = 0x0020
PROCESS_SET_INFORMATION = 0x0200
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
SYNCHRONIZE = 0x00100000
THREAD_SET_INFORMATION = 0x0020
THREAD_QUERY_INFORMATION = 0x0040
THREAD_QUERY_LIMITED_INFORMATION = 0x0800
TOKEN_ASSIGN_PRIMARY, TOKEN_DUPLICATE, TOKEN_QUERY = 0x1, 0x2, 0x8
MEM_COMMIT, MEM_RESERVE, MEM_DECOMMIT, MEM_RELEASE = 0x1000, 0x2000, 0x4000, 0x8000
PAGE_NOACCESS, PAGE_READONLY, PAGE_READWRITE, PAGE_EXECUTE_READ = 0x01, 0x02, 0x04, 0x20
IO_KEYS = [
    "ReadOperationCount",
    "WriteOperationCount",
    "OtherOperationCount",
    "ReadTransferCount",
    "WriteTransferCount",
    "OtherTransferCount",
]
ROUTINE = ctypes.CFUNCTYPE(ctypes.c_uint32, ctypes.c_void_p)  # LPTHREAD_START_ROUTINE


def assert_error(code: int, name: str, fn: Any, *args: Any) -> None:
    with pytest.raises(pywintypes.error) as info:
        fn(*args)
    assert (info.value.winerror, info.value.funcname) == (code, name)


def this_process(access: int) -> Any:
    return win32api.OpenProcess(access, False, win32api.GetCurrentProcessId())


def this_thread(access: int) -> Any:
    return win32api.OpenThread(access, False, win32api.GetCurrentThreadId())


def python(code: str) -> str:
    return f'"{sys.executable}" -c "{code}"'


# -- priority boosts ---------------------------------------------------------------------------


def test_boosts_are_on_at_first_and_read_as_bools() -> None:
    assert win32process.GetProcessPriorityBoost(win32api.GetCurrentProcess()) is False
    assert win32process.GetThreadPriorityBoost(win32api.GetCurrentThread()) is False


@wine_differs("Wine's Set*PriorityBoost are stubs: Get* always answers False")
def test_a_thread_boost_switch_is_kept() -> None:
    thread = win32api.GetCurrentThread()
    win32process.SetThreadPriorityBoost(thread, True)
    try:
        assert win32process.GetThreadPriorityBoost(thread) is True
    finally:
        win32process.SetThreadPriorityBoost(thread, False)
    assert win32process.GetThreadPriorityBoost(thread) is False


@wine_differs("Wine's Set*PriorityBoost are stubs: Get* always answers False")
def test_a_process_boost_switch_is_kept_and_reaches_its_threads() -> None:
    process, thread = win32api.GetCurrentProcess(), win32api.GetCurrentThread()
    win32process.SetProcessPriorityBoost(process, 1)
    try:
        assert win32process.GetProcessPriorityBoost(process) is True
        assert win32process.GetThreadPriorityBoost(thread) is True
    finally:
        win32process.SetProcessPriorityBoost(process, 0)
    assert win32process.GetThreadPriorityBoost(thread) is False


def test_boosts_with_the_limited_rights() -> None:
    process = this_process(PROCESS_QUERY_LIMITED_INFORMATION | PROCESS_SET_INFORMATION)
    thread = this_thread(THREAD_QUERY_LIMITED_INFORMATION | THREAD_SET_INFORMATION)
    try:
        assert win32process.GetProcessPriorityBoost(process) is False
        assert win32process.GetThreadPriorityBoost(thread) is False
        win32process.SetProcessPriorityBoost(process, False)
        win32process.SetThreadPriorityBoost(thread, False)
    finally:
        process.Close()
        thread.Close()


@wine_differs("Wine's priority boost calls check no handle")
def test_boosts_need_the_rights_and_the_right_kind_of_handle() -> None:
    process, thread = this_process(SYNCHRONIZE), this_thread(SYNCHRONIZE)
    try:
        assert_error(5, "GetProcessPriorityBoost", win32process.GetProcessPriorityBoost, process)
        assert_error(5, "GetThreadPriorityBoost", win32process.GetThreadPriorityBoost, thread)
        assert_error(5, "SetProcessPriorityBoost", win32process.SetProcessPriorityBoost, process, 1)
    finally:
        process.Close()
        thread.Close()
    current_thread = win32api.GetCurrentThread()
    assert_error(6, "GetProcessPriorityBoost", win32process.GetProcessPriorityBoost, current_thread)
    event = win32event.CreateEvent(None, False, False, None)
    try:
        assert_error(6, "GetThreadPriorityBoost", win32process.GetThreadPriorityBoost, event)
    finally:
        event.Close()


def test_boost_arguments_of_the_wrong_type() -> None:
    with pytest.raises(TypeError):
        win32process.GetThreadPriorityBoost("thread")
    with pytest.raises(TypeError):
        win32process.SetProcessPriorityBoost(win32api.GetCurrentProcess(), "yes")


# -- ideal processor ---------------------------------------------------------------------------


def test_maximum_processors_reads_the_ideal_processor() -> None:
    thread = win32api.GetCurrentThread()
    win32process.SetThreadIdealProcessor(thread, 0)
    assert win32process.SetThreadIdealProcessor(thread, win32process.MAXIMUM_PROCESSORS) == 0
    assert win32process.SetThreadIdealProcessor(thread, 0) == 0


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs two processors")
@wine_differs("Wine's SetThreadIdealProcessor keeps nothing: it always returns 0")
def test_the_ideal_processor_is_kept() -> None:
    thread = win32api.GetCurrentThread()
    win32process.SetThreadIdealProcessor(thread, 1)
    try:
        assert win32process.SetThreadIdealProcessor(thread, win32process.MAXIMUM_PROCESSORS) == 1
    finally:
        assert win32process.SetThreadIdealProcessor(thread, 0) == 1


@pytest.mark.parametrize("processor", [65, 0xFFFFFFFE, 0xFFFFFFFF, -1])
def test_an_ideal_processor_above_maximum_processors_is_refused(processor: int) -> None:
    thread = win32api.GetCurrentThread()
    assert_error(
        87, "SetThreadIdealProcessor", win32process.SetThreadIdealProcessor, thread, processor
    )


def test_the_ideal_processor_is_a_dword() -> None:
    thread = win32api.GetCurrentThread()
    assert win32process.SetThreadIdealProcessor(thread, 2**32) >= 0  # 2**32 is 0
    assert win32process.SetThreadIdealProcessor(thread, win32process.MAXIMUM_PROCESSORS) == 0


@wine_differs("Wine's SetThreadIdealProcessor checks no handle")
def test_the_ideal_processor_needs_thread_set_information() -> None:
    thread = this_thread(THREAD_QUERY_INFORMATION)
    try:
        assert_error(5, "SetThreadIdealProcessor", win32process.SetThreadIdealProcessor, thread, 0)
    finally:
        thread.Close()
    process = win32api.GetCurrentProcess()
    assert_error(6, "SetThreadIdealProcessor", win32process.SetThreadIdealProcessor, process, 0)


# -- I/O counters, shutdown parameters, pending I/O, window station, modules ----------------


def test_io_counters_are_six_counts() -> None:
    counters = win32process.GetProcessIoCounters(win32api.GetCurrentProcess())
    assert list(counters) == IO_KEYS
    assert all(type(value) is int and value >= 0 for value in counters.values())
    limited = this_process(PROCESS_QUERY_LIMITED_INFORMATION)
    try:
        assert list(win32process.GetProcessIoCounters(limited)) == IO_KEYS
    finally:
        limited.Close()


@wine_differs("Wine's GetProcessIoCounters checks no handle")
def test_io_counters_need_a_process_handle_with_a_query_right() -> None:
    thread = win32api.GetCurrentThread()
    assert_error(6, "GetProcessIoCounters", win32process.GetProcessIoCounters, thread)
    process = this_process(SYNCHRONIZE)
    try:
        assert_error(5, "GetProcessIoCounters", win32process.GetProcessIoCounters, process)
    finally:
        process.Close()


def test_shutdown_parameters_start_at_0x280_and_are_kept() -> None:
    assert win32process.GetProcessShutdownParameters() == (0x280, 0)
    try:
        for level, flags in ((0x100, 0), (0x3FF, 1), (0x4FF, 0), (0, 0)):
            win32process.SetProcessShutdownParameters(level, flags)
            assert win32process.GetProcessShutdownParameters() == (level, flags)
    finally:
        win32process.SetProcessShutdownParameters(0x280, 0)


@wine_differs("Wine's SetProcessShutdownParameters keeps any level")
def test_a_shutdown_level_above_0x4ff_is_refused() -> None:
    try:
        assert_error(
            87,
            "SetProcessShutdownParameters",
            win32process.SetProcessShutdownParameters,
            0x500,
            0,
        )
        assert win32process.GetProcessShutdownParameters() == (0x280, 0)
    finally:
        win32process.SetProcessShutdownParameters(0x280, 0)


def test_no_io_is_pending_on_this_thread() -> None:
    assert win32process.GetThreadIOPendingFlag(win32api.GetCurrentThread()) is False
    thread = this_thread(THREAD_QUERY_LIMITED_INFORMATION)
    try:
        assert win32process.GetThreadIOPendingFlag(thread) is False
    finally:
        thread.Close()


def test_the_window_station_is_a_handle() -> None:
    station = win32process.GetProcessWindowStation()
    assert isinstance(station, pywintypes.HANDLEType)
    assert int(station) != 0


def test_enum_process_modules_ex_lists_what_enum_process_modules_does() -> None:
    process = win32api.GetCurrentProcess()
    modules = win32process.EnumProcessModules(process)
    assert win32process.EnumProcessModulesEx(process, win32process.LIST_MODULES_ALL) == modules
    assert (
        win32process.EnumProcessModulesEx(process, win32process.LIST_MODULES_DEFAULT)[0]
        == (modules[0])
    )
    limited = this_process(PROCESS_QUERY_LIMITED_INFORMATION)
    try:
        assert_error(5, "EnumProcessModulesEx", win32process.EnumProcessModulesEx, limited, 3)
    finally:
        limited.Close()


# -- this process's memory ---------------------------------------------------------------------


def test_read_and_write_this_process_memory() -> None:
    process = win32api.GetCurrentProcess()
    buffer = ctypes.create_string_buffer(b"hello world", 32)
    address = ctypes.addressof(buffer)
    assert win32process.ReadProcessMemory(process, address, 11) == b"hello world"
    assert win32process.ReadProcessMemory(process, address, 0) == b""
    assert win32process.WriteProcessMemory(process, address, b"HELLO") == 5
    assert buffer.raw[:11] == b"HELLO world"
    assert win32process.WriteProcessMemory(process, address + 6, "WORLD") == 5
    assert buffer.raw[:11] == b"HELLO WORLD"


def test_memory_arguments_as_pywin32_reads_them() -> None:
    process = win32api.GetCurrentProcess()
    buffer = ctypes.create_string_buffer(8)
    address = ctypes.addressof(buffer)
    with pytest.raises(TypeError):
        win32process.ReadProcessMemory(process, "address", 4)
    with pytest.raises(TypeError):
        win32process.ReadProcessMemory(process, None, 4)
    with pytest.raises(MemoryError):
        win32process.ReadProcessMemory(process, address, -1)
    with pytest.raises(TypeError):
        win32process.WriteProcessMemory(process, address, bytearray(b"ab"))
    with pytest.raises(TypeError):
        win32process.WriteProcessMemory(process, address, 5)
    assert_error(87, "WriteProcessMemory", win32process.WriteProcessMemory, process, address, b"")


def test_memory_calls_check_the_handle() -> None:
    buffer = ctypes.create_string_buffer(8)
    address = ctypes.addressof(buffer)
    limited = this_process(PROCESS_QUERY_LIMITED_INFORMATION)
    reader = this_process(PROCESS_VM_READ)
    writer = this_process(PROCESS_VM_WRITE | PROCESS_VM_OPERATION)
    event = win32event.CreateEvent(None, False, False, None)
    try:
        assert_error(5, "ReadProcessMemory", win32process.ReadProcessMemory, limited, address, 4)
        assert win32process.ReadProcessMemory(reader, address, 4) == b"\0\0\0\0"
        assert_error(
            5, "WriteProcessMemory", win32process.WriteProcessMemory, reader, address, b"a"
        )
        assert win32process.WriteProcessMemory(writer, address, b"a") == 1
        assert_error(
            5, "VirtualAllocEx", win32process.VirtualAllocEx, reader, 0, 4096, MEM_COMMIT, 4
        )
        assert_error(6, "ReadProcessMemory", win32process.ReadProcessMemory, event, address, 4)
        assert_error(6, "ReadProcessMemory", win32process.ReadProcessMemory, 0x1234, address, 4)
    finally:
        for handle in (limited, reader, writer, event):
            handle.Close()


@wine_differs("Wine's WriteProcessMemory asks for PROCESS_VM_WRITE only")
def test_writing_needs_vm_operation_too() -> None:
    buffer = ctypes.create_string_buffer(8)
    writer = this_process(PROCESS_VM_WRITE)
    try:
        assert_error(
            5,
            "WriteProcessMemory",
            win32process.WriteProcessMemory,
            writer,
            ctypes.addressof(buffer),
            b"a",
        )
    finally:
        writer.Close()


def test_reading_outside_user_space_is_no_access() -> None:
    process = win32api.GetCurrentProcess()
    assert_error(
        998, "ReadProcessMemory", win32process.ReadProcessMemory, process, 0xFFFF800000000000, 4
    )


@wine_differs("Wine answers ERROR_NOACCESS for an unmapped address, Windows ERROR_PARTIAL_COPY")
def test_reading_unmapped_memory_is_a_partial_copy() -> None:
    process = win32api.GetCurrentProcess()
    assert_error(299, "ReadProcessMemory", win32process.ReadProcessMemory, process, 0, 16)


class Region:
    """A VirtualAllocEx region of this process, released at the end."""

    def __init__(self, size: int, kind: int, protect: int, address: int = 0) -> None:
        self.process = win32api.GetCurrentProcess()
        self.address = win32process.VirtualAllocEx(self.process, address, size, kind, protect)

    def release(self) -> None:
        win32process.VirtualFreeEx(self.process, self.address, 0, MEM_RELEASE)


def test_allocated_memory_reads_zeros_and_keeps_what_is_written() -> None:
    region = Region(4096, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE)
    try:
        assert region.address % 0x10000 == 0
        assert win32process.ReadProcessMemory(region.process, region.address, 8) == bytes(8)
        assert win32process.WriteProcessMemory(region.process, region.address, b"abc") == 3
        assert win32process.ReadProcessMemory(region.process, region.address, 4) == b"abc\0"
    finally:
        region.release()


def test_committing_within_a_reservation_gives_the_page() -> None:
    region = Region(0x20000, MEM_RESERVE, PAGE_READWRITE)
    try:
        page = win32process.VirtualAllocEx(
            region.process, region.address + 4096 + 5, 10, MEM_COMMIT, PAGE_READWRITE
        )
        assert page == region.address + 4096
        assert win32process.WriteProcessMemory(region.process, page, b"xy") == 2
        assert win32process.ReadProcessMemory(region.process, page, 2) == b"xy"
        assert_error(
            487,
            "VirtualAllocEx",
            win32process.VirtualAllocEx,
            region.process,
            region.address,
            4096,
            MEM_RESERVE,
            PAGE_READWRITE,
        )
    finally:
        region.release()


@wine_differs("Wine reads reserved and decommitted pages as zeros")
def test_reserved_and_decommitted_pages_cannot_be_read() -> None:
    region = Region(0x20000, MEM_RESERVE, PAGE_READWRITE)
    try:
        process = region.process
        assert_error(
            299, "ReadProcessMemory", win32process.ReadProcessMemory, process, region.address, 4
        )
        page = win32process.VirtualAllocEx(
            process, region.address, 4096, MEM_COMMIT, PAGE_READWRITE
        )
        assert_error(
            299, "ReadProcessMemory", win32process.ReadProcessMemory, process, page + 4092, 8
        )
        win32process.VirtualFreeEx(process, page, 4096, MEM_DECOMMIT)
        assert_error(299, "ReadProcessMemory", win32process.ReadProcessMemory, process, page, 4)
    finally:
        region.release()


def test_decommitted_pages_come_back_as_zeros() -> None:
    region = Region(4096, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE)
    try:
        process = region.process
        win32process.WriteProcessMemory(process, region.address, b"abc")
        win32process.VirtualFreeEx(process, region.address, 4096, MEM_DECOMMIT)
        win32process.VirtualAllocEx(process, region.address, 4096, MEM_COMMIT, PAGE_READWRITE)
        assert win32process.ReadProcessMemory(process, region.address, 3) == bytes(3)
    finally:
        region.release()


@wine_differs("Wine writes read-only and inaccessible pages")
@pytest.mark.parametrize("protect", [PAGE_READONLY, PAGE_NOACCESS])
def test_writing_a_protected_page_is_no_access(protect: int) -> None:
    region = Region(4096, MEM_COMMIT | MEM_RESERVE, protect)
    try:
        assert_error(
            998,
            "WriteProcessMemory",
            win32process.WriteProcessMemory,
            region.process,
            region.address,
            b"a",
        )
    finally:
        region.release()


def test_writing_a_code_page_makes_it_writable_for_the_write() -> None:
    region = Region(4096, MEM_COMMIT | MEM_RESERVE, PAGE_EXECUTE_READ)
    try:
        assert win32process.WriteProcessMemory(region.process, region.address, b"\xc3") == 1
        assert win32process.ReadProcessMemory(region.process, region.address, 1) == b"\xc3"
    finally:
        region.release()


@wine_differs("Wine writes reserved pages and answers ERROR_ACCESS_DENIED for unmapped ones")
def test_writing_unmapped_or_reserved_memory_is_an_invalid_address() -> None:
    process = win32api.GetCurrentProcess()
    assert_error(487, "WriteProcessMemory", win32process.WriteProcessMemory, process, 0, b"a")
    region = Region(0x10000, MEM_RESERVE, PAGE_READWRITE)
    try:
        assert_error(
            487,
            "WriteProcessMemory",
            win32process.WriteProcessMemory,
            process,
            region.address,
            b"a",
        )
    finally:
        region.release()


@pytest.mark.parametrize(
    ("size", "kind", "protect"),
    [
        (0, MEM_COMMIT | MEM_RESERVE, 4),
        (4096, MEM_DECOMMIT, 4),
        (4096, MEM_COMMIT, 0),
        (4096, MEM_COMMIT | MEM_RESERVE, 3),
    ],
)
def test_bad_allocations_are_invalid_parameters(size: int, kind: int, protect: int) -> None:
    process = win32api.GetCurrentProcess()
    assert_error(87, "VirtualAllocEx", win32process.VirtualAllocEx, process, 0, size, kind, protect)


def test_release_frees_a_whole_region_once() -> None:
    region = Region(0x20000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE)
    process, address = region.process, region.address
    free = win32process.VirtualFreeEx
    assert_error(87, "VirtualFreeEx", free, process, address, 4096, MEM_RELEASE)
    assert_error(487, "VirtualFreeEx", free, process, address + 4096, 0, MEM_RELEASE)
    assert_error(87, "VirtualFreeEx", free, process, address, 0, 1)
    free(process, address, 0, MEM_RELEASE)
    assert_error(87, "VirtualFreeEx", free, process, address, 0, MEM_RELEASE)


# -- threads and processes ---------------------------------------------------------------------


def test_a_remote_thread_into_this_process_runs_the_routine() -> None:
    seen: list[int] = []

    def routine(parameter: int | None) -> int:
        seen.append(parameter or 0)
        return (parameter or 0) * 2

    entry = ROUTINE(routine)
    address = ctypes.cast(entry, ctypes.c_void_p).value
    thread, thread_id = win32process.CreateRemoteThread(
        win32api.GetCurrentProcess(), None, 0, address, 21, 0
    )
    try:
        assert thread_id > 0
        assert win32event.WaitForSingleObject(thread, EXIT_MS) == 0
        assert win32process.GetExitCodeThread(thread) == 42
        assert seen == [21]
    finally:
        thread.Close()


def test_a_remote_thread_needs_the_rights() -> None:
    limited = this_process(PROCESS_QUERY_LIMITED_INFORMATION)
    try:
        assert_error(
            5, "CreateRemoteThread", win32process.CreateRemoteThread, limited, None, 0, 1, 0, 0
        )
    finally:
        limited.Close()


def run_as_user(token: Any, code: str = "pass") -> tuple[Any, Any, int, int]:
    return win32process.CreateProcessAsUser(  # type: ignore[no-any-return]
        token, None, python(code), None, None, False, 0, None, None, win32process.STARTUPINFO()
    )


def test_create_process_as_user_with_this_process_token() -> None:
    access = TOKEN_QUERY | TOKEN_DUPLICATE | TOKEN_ASSIGN_PRIMARY
    token = win32security.OpenProcessToken(win32api.GetCurrentProcess(), access)
    try:
        for given in (token, None):
            process, thread, pid, tid = run_as_user(given, "raise SystemExit(3)")
            assert pid > 0 and tid > 0
            assert win32event.WaitForSingleObject(process, EXIT_MS) == 0
            assert win32process.GetExitCodeProcess(process) == 3
            thread.Close()
            process.Close()
    finally:
        token.Close()


def test_create_process_as_user_refusals() -> None:
    token = win32security.OpenProcessToken(win32api.GetCurrentProcess(), TOKEN_QUERY)
    event = win32event.CreateEvent(None, False, False, None)
    try:
        assert_error(5, "CreateProcessAsUser", run_as_user, token)
        assert_error(6, "CreateProcessAsUser", run_as_user, event)
        with pytest.raises(TypeError):
            win32process.CreateProcessAsUser(
                token, None, python("pass"), None, None, False, 0, None, None, None
            )
    finally:
        token.Close()
        event.Close()


def test_create_process_as_user_missing_program() -> None:
    token = win32security.OpenProcessToken(
        win32api.GetCurrentProcess(), TOKEN_QUERY | TOKEN_DUPLICATE | TOKEN_ASSIGN_PRIMARY
    )
    try:
        with pytest.raises(pywintypes.error) as info:
            win32process.CreateProcessAsUser(
                token, None, "no-such-program-s19.exe", None, None, False, 0, None, None,
                win32process.STARTUPINFO(),
            )  # fmt: skip
        assert (info.value.winerror, info.value.funcname) == (2, "CreateProcessAsUser")
    finally:
        token.Close()


def test_exit_process_ends_the_process_with_its_code() -> None:
    code = "import win32process; win32process.ExitProcess(7); print(1)"
    process, thread, _, _ = win32process.CreateProcess(
        None, python(code), None, None, False, 0, None, None, win32process.STARTUPINFO()
    )
    try:
        assert win32event.WaitForSingleObject(process, EXIT_MS) == 0
        assert win32process.GetExitCodeProcess(process) == 7
    finally:
        thread.Close()
        process.Close()
    with pytest.raises(TypeError):
        win32process.ExitProcess("seven")


@wine_differs("Wine's CreateProcessAsUser starts a process with an impersonation token")
def test_create_process_as_user_needs_a_primary_token() -> None:
    access = TOKEN_QUERY | TOKEN_DUPLICATE | TOKEN_ASSIGN_PRIMARY
    token = win32security.OpenProcessToken(win32api.GetCurrentProcess(), access)
    try:
        impersonation = win32security.DuplicateTokenEx(
            token, win32security.SecurityImpersonation, access, win32security.TokenImpersonation
        )
    finally:
        token.Close()
    try:
        assert_error(1349, "CreateProcessAsUser", run_as_user, impersonation)
    finally:
        impersonation.Close()
