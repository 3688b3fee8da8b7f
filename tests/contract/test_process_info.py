"""Contract: what win32process says a process or thread is and has used.

GetProcessTimes and GetThreadTimes give pywin32's dict (FILETIMEs as aware pywintypes times,
ExitTime 1601-01-01 while it runs, processor times in 100 ns units); EnumProcesses,
EnumProcessModules and GetModuleFileNameEx; GetProcessMemoryInfo's nine counters; affinity
masks with ERROR_INVALID_PARAMETER for a zero or foreign mask; working-set limits;
GetProcessVersion, IsWow64Process, STARTUPINFO and GetStartupInfo. Bad handles give 6, a
handle without the right 5, and wrong types TypeError, as pywin32 raises them.
"""

import datetime as dt
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import pywintypes
import win32api
import win32event
import win32process

WINE = sys.platform == "win32"  # the oracle: Wine, whose answers differ from Windows' here
EXIT_MS = 30_000  # safety net only
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
PROCESS_QUERY_INFORMATION = 0x0400
PROCESS_SET_INFORMATION = 0x0200
SYNCHRONIZE = 0x00100000
THREAD_QUERY_INFORMATION = 0x0040
THREAD_SET_INFORMATION = 0x0020
THREAD_QUERY_LIMITED_INFORMATION = 0x0800
TIMES = ["CreationTime", "ExitTime", "KernelTime", "UserTime"]
BURN = "sum(range(3000000))"
PAUSE = "import time; time.sleep(600)"


def python(code: str) -> str:
    return f'"{sys.executable}" -c "{code}"'


class Children:
    """Starts child processes; at the end terminates those still running and closes handles."""

    def __init__(self) -> None:
        self._made: list[tuple[Any, Any]] = []

    def start(self, code: str) -> tuple[Any, Any, int, int]:
        made: tuple[Any, Any, int, int] = win32process.CreateProcess(
            None, python(code), None, None, False, 0, None, None, win32process.STARTUPINFO()
        )
        self._made.append((made[0], made[1]))
        return made

    def end_all(self) -> None:
        for process, thread in self._made:
            if win32process.GetExitCodeProcess(process) == 259:
                win32process.TerminateProcess(process, 1)
            win32event.WaitForSingleObject(process, EXIT_MS)
            thread.Close()
            process.Close()


@pytest.fixture
def children() -> Iterator[Children]:
    made = Children()
    yield made
    made.end_all()


def closed_handle() -> int:
    event = win32event.CreateEvent(None, False, False, None)
    value = int(event)
    event.Close()
    return value


def assert_error(code: int, name: str, fn: Any, *args: Any) -> None:
    with pytest.raises(pywintypes.error) as info:
        fn(*args)
    assert (info.value.winerror, info.value.funcname) == (code, name)


# -- times -------------------------------------------------------------------------------------


def check_times(times: Any, *, running: bool) -> None:
    assert type(times) is dict
    assert list(times) == TIMES
    for key in ("CreationTime", "ExitTime"):
        assert isinstance(times[key], dt.datetime)
        assert type(times[key]) is type(pywintypes.Time(0))
        assert times[key].utcoffset() == dt.timedelta(0)
        assert times[key].microsecond % 1000 == 0  # through a SYSTEMTIME: milliseconds
    assert (type(times["KernelTime"]), type(times["UserTime"])) == (int, int)
    assert times["KernelTime"] >= 0
    assert times["UserTime"] >= 0
    created = times["CreationTime"]
    assert created <= dt.datetime.now(dt.timezone.utc)
    if running:
        assert times["ExitTime"].year == 1601  # FILETIME 0
    else:
        assert times["ExitTime"] >= created - dt.timedelta(milliseconds=20)


def test_process_times_of_this_process() -> None:
    times = win32process.GetProcessTimes(win32api.GetCurrentProcess())
    check_times(times, running=True)


def test_process_times_of_a_child_that_exited(children: Children) -> None:
    process, thread, _, _ = children.start(BURN)
    check_times(win32process.GetProcessTimes(process), running=True)
    assert win32event.WaitForSingleObject(process, EXIT_MS) == 0
    times = win32process.GetProcessTimes(process)
    check_times(times, running=False)
    assert times["UserTime"] + times["KernelTime"] > 0
    check_times(win32process.GetThreadTimes(thread), running=False)


def test_thread_times_of_this_thread_and_of_an_ended_one() -> None:
    check_times(win32process.GetThreadTimes(win32api.GetCurrentThread()), running=True)
    handle, _ = win32process.beginthreadex(None, 0, lambda: sum(range(100000)), (), 0)
    assert win32event.WaitForSingleObject(handle, EXIT_MS) == 0
    check_times(win32process.GetThreadTimes(handle), running=False)
    handle.Close()


def test_times_need_a_query_right_of_the_right_kind_of_handle() -> None:
    pid, tid = win32api.GetCurrentProcessId(), win32api.GetCurrentThreadId()
    limited = win32api.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    check_times(win32process.GetProcessTimes(limited), running=True)
    synchronize = win32api.OpenProcess(SYNCHRONIZE, False, pid)
    assert_error(5, "GetProcessTimes", win32process.GetProcessTimes, synchronize)
    thread = win32api.OpenThread(THREAD_QUERY_LIMITED_INFORMATION, False, tid)
    check_times(win32process.GetThreadTimes(thread), running=True)
    for bad in (closed_handle(), None, win32api.GetCurrentThread()):
        assert_error(6, "GetProcessTimes", win32process.GetProcessTimes, bad)
    for bad in (closed_handle(), None, win32api.GetCurrentProcess()):
        assert_error(6, "GetThreadTimes", win32process.GetThreadTimes, bad)
    with pytest.raises(TypeError):
        win32process.GetProcessTimes("process")
    with pytest.raises(TypeError):
        win32process.GetProcessTimes()
    for handle in (limited, synchronize, thread):
        handle.Close()


# -- processes, modules, memory ------------------------------------------------------------------


def test_enum_processes_holds_this_process_and_a_child(children: Children) -> None:
    _, _, pid, _ = children.start(PAUSE)
    pids = win32process.EnumProcesses()
    assert type(pids) is tuple
    assert all(type(p) is int for p in pids)
    assert win32api.GetCurrentProcessId() in pids
    assert pid in pids
    with pytest.raises(TypeError):
        win32process.EnumProcesses(1)


def test_the_first_module_is_the_program() -> None:
    me = win32api.GetCurrentProcess()
    modules = win32process.EnumProcessModules(me)
    assert type(modules) is tuple
    assert len(modules) > 1
    assert modules[0] == win32api.GetModuleHandle(None)
    program = win32process.GetModuleFileNameEx(me, modules[0])
    assert program == sys.executable
    assert win32process.GetModuleFileNameEx(me, 0) == program
    assert win32process.GetModuleFileNameEx(me, None) == program
    assert win32api.GetModuleFileName(0) == win32api.GetModuleFileName(None) == program
    assert win32api.GetModuleFileNameW(modules[0]) == program
    other = win32process.GetModuleFileNameEx(me, modules[1])
    assert other != program
    assert win32api.GetModuleFileName(modules[1]) == other


def test_unknown_modules_and_bad_handles(children: Children) -> None:
    me = win32api.GetCurrentProcess()
    assert_error(6, "GetModuleFileNameEx", win32process.GetModuleFileNameEx, me, 12345)
    assert_error(126, "GetModuleFileNameW", win32api.GetModuleFileName, 12345)
    limited = win32api.OpenProcess(
        PROCESS_QUERY_LIMITED_INFORMATION, False, win32api.GetCurrentProcessId()
    )
    assert_error(5, "EnumProcessModules", win32process.EnumProcessModules, limited)
    limited.Close()
    for bad in (closed_handle(), None, win32api.GetCurrentThread()):
        assert_error(6, "EnumProcessModules", win32process.EnumProcessModules, bad)
    with pytest.raises(TypeError):
        win32process.EnumProcessModules("process")
    with pytest.raises(TypeError):
        win32process.GetModuleFileNameEx(me, "module")
    with pytest.raises(TypeError):
        win32api.GetModuleFileName("module")
    process, _, _, _ = children.start("pass")
    assert win32event.WaitForSingleObject(process, EXIT_MS) == 0
    assert_error(5, "EnumProcessModules", win32process.EnumProcessModules, process)
    assert_error(5, "GetModuleFileNameEx", win32process.GetModuleFileNameEx, process, 0)


MEMORY = [
    "PageFaultCount", "PeakWorkingSetSize", "WorkingSetSize", "QuotaPeakPagedPoolUsage",
    "QuotaPagedPoolUsage", "QuotaPeakNonPagedPoolUsage", "QuotaNonPagedPoolUsage",
    "PagefileUsage", "PeakPagefileUsage",
]  # fmt: skip


def test_memory_counters_of_this_process() -> None:
    counters = win32process.GetProcessMemoryInfo(win32api.GetCurrentProcess())
    assert list(counters) == MEMORY
    assert all(type(value) is int for value in counters.values())
    assert 0 < counters["WorkingSetSize"] <= counters["PeakWorkingSetSize"]
    assert 0 < counters["PagefileUsage"] <= counters["PeakPagefileUsage"]
    synchronize = win32api.OpenProcess(SYNCHRONIZE, False, win32api.GetCurrentProcessId())
    assert_error(5, "GetProcessMemoryInfo", win32process.GetProcessMemoryInfo, synchronize)
    synchronize.Close()
    assert_error(6, "GetProcessMemoryInfo", win32process.GetProcessMemoryInfo, closed_handle())
    with pytest.raises(TypeError):
        win32process.GetProcessMemoryInfo("process")


def test_process_version_and_width(children: Children) -> None:
    mine = win32process.GetProcessVersion(0)
    assert mine >= 0x60000
    assert win32process.GetProcessVersion(win32api.GetCurrentProcessId()) == mine
    process, _, pid, _ = children.start("pass")
    assert win32event.WaitForSingleObject(process, EXIT_MS) == 0
    assert win32process.GetProcessVersion(pid) == 0  # gone: 0, nothing raised
    assert win32process.GetProcessVersion(-5) == 0
    with pytest.raises(TypeError):
        win32process.GetProcessVersion("pid")
    assert win32process.IsWow64Process() is False
    assert win32process.IsWow64Process(None) is False
    assert win32process.IsWow64Process(win32api.GetCurrentProcess()) is False
    assert win32process.IsWow64Process(process) is False
    assert_error(6, "IsWow64Process", win32process.IsWow64Process, closed_handle())
    with pytest.raises(TypeError):
        win32process.IsWow64Process("process")


# -- affinity and working sets ---------------------------------------------------------------


def test_affinity_masks_are_checked_as_windows_checks_them() -> None:
    me = win32api.GetCurrentProcess()
    mine, system = win32process.GetProcessAffinityMask(me)
    assert (type(mine), type(system)) == (int, int)
    assert mine and not mine & ~system
    for bad in (0, 1 << 40, -1):
        assert_error(87, "SetProcessAffinityMask", win32process.SetProcessAffinityMask, me, bad)
    win32process.SetProcessAffinityMask(me, mine)
    thread = win32api.GetCurrentThread()
    first = mine & -mine
    assert win32process.SetThreadAffinityMask(thread, first) == mine
    try:
        assert win32process.SetThreadAffinityMask(thread, mine) == first
        for bad in (0, 1 << 40):
            assert_error(
                87, "SetThreadAffinityMask", win32process.SetThreadAffinityMask, thread, bad
            )
    finally:
        win32process.SetThreadAffinityMask(thread, mine)
    with pytest.raises(TypeError):
        win32process.SetThreadAffinityMask(thread, "1")
    with pytest.raises(TypeError):
        win32process.SetProcessAffinityMask(me, "1")


def test_affinity_needs_the_rights_and_a_live_object(children: Children) -> None:
    pid, tid = win32api.GetCurrentProcessId(), win32api.GetCurrentThreadId()
    mine, _ = win32process.GetProcessAffinityMask(win32api.GetCurrentProcess())
    limited = win32api.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    assert win32process.GetProcessAffinityMask(limited)[0] == mine
    assert_error(5, "SetProcessAffinityMask", win32process.SetProcessAffinityMask, limited, mine)
    limited.Close()
    query = win32api.OpenThread(THREAD_QUERY_LIMITED_INFORMATION, False, tid)
    set_only = win32api.OpenThread(THREAD_SET_INFORMATION, False, tid)
    both = win32api.OpenThread(THREAD_SET_INFORMATION | THREAD_QUERY_INFORMATION, False, tid)
    for handle in (query, set_only):
        assert_error(5, "SetThreadAffinityMask", win32process.SetThreadAffinityMask, handle, mine)
    assert win32process.SetThreadAffinityMask(both, mine) == mine
    for handle in (query, set_only, both):
        handle.Close()
    for bad in (closed_handle(), win32api.GetCurrentProcess()):
        assert_error(6, "SetThreadAffinityMask", win32process.SetThreadAffinityMask, bad, mine)
    for bad in (closed_handle(), win32api.GetCurrentThread()):
        assert_error(6, "GetProcessAffinityMask", win32process.GetProcessAffinityMask, bad)
    ended, _ = win32process.beginthreadex(None, 0, lambda: 0, (), 0)
    assert win32event.WaitForSingleObject(ended, EXIT_MS) == 0
    assert_error(5, "SetThreadAffinityMask", win32process.SetThreadAffinityMask, ended, mine)
    ended.Close()
    process, _, _, _ = children.start(PAUSE)
    last = 1 << (mine.bit_length() - 1)
    win32process.SetProcessAffinityMask(process, last)
    assert win32process.GetProcessAffinityMask(process)[0] == last
    win32process.TerminateProcess(process, 1)
    assert win32event.WaitForSingleObject(process, EXIT_MS) == 0
    assert win32process.GetProcessAffinityMask(process)[0] == last  # kept after the exit
    assert_error(5, "SetProcessAffinityMask", win32process.SetProcessAffinityMask, process, last)


def test_working_set_limits_are_a_pair_of_sizes() -> None:
    minimum, maximum = win32process.GetProcessWorkingSetSize(win32api.GetCurrentProcess())
    assert (type(minimum), type(maximum)) == (int, int)
    assert 0 < minimum <= maximum
    with pytest.raises(TypeError):
        win32process.GetProcessWorkingSetSize("process")
    with pytest.raises(TypeError):
        win32process.SetProcessWorkingSetSize(win32api.GetCurrentProcess(), "1", 2)


WINE_STUBS_WORKING_SETS = "Wine's working-set calls are stubs: (32 MB, 32 MB), anything taken"


@pytest.mark.xfail(WINE, strict=True, reason=WINE_STUBS_WORKING_SETS)
def test_working_set_limits_start_at_windows_defaults_and_are_kept(children: Children) -> None:
    process, _, _, _ = children.start(PAUSE)
    assert win32process.GetProcessWorkingSetSize(process) == (50 * 4096, 345 * 4096)
    win32process.SetProcessWorkingSetSize(process, 300_000, 2_000_000)
    assert win32process.GetProcessWorkingSetSize(process) == (300_000, 2_000_000)
    win32process.SetProcessWorkingSetSize(process, -1, -1)  # trims; the limits stay
    assert win32process.GetProcessWorkingSetSize(process) == (300_000, 2_000_000)


@pytest.mark.xfail(WINE, strict=True, reason=WINE_STUBS_WORKING_SETS)
def test_working_set_limits_are_checked_as_windows_checks_them() -> None:
    me = win32api.GetCurrentProcess()
    for minimum, maximum in ((0, 2_000_000), (3_000_000, 2_000_000), (4096, 12 * 4096)):
        assert_error(
            87, "SetProcessWorkingSetSize", win32process.SetProcessWorkingSetSize, me,
            minimum, maximum,
        )  # fmt: skip
    assert_error(6, "GetProcessWorkingSetSize", win32process.GetProcessWorkingSetSize, None)


# -- STARTUPINFO --------------------------------------------------------------------------------


def test_startupinfo_fields_are_checked_as_pywin32_checks_them() -> None:
    si = win32process.STARTUPINFO()
    assert type(si).__name__ == "PySTARTUPINFO"
    for name in ("dwFlags", "wShowWindow", "dwX", "dwY", "dwXSize", "dwYSize",
                 "dwXCountChars", "dwYCountChars", "dwFillAttribute", "hStdInput",
                 "hStdOutput", "hStdError"):  # fmt: skip
        assert getattr(si, name) == 0
    assert (si.lpTitle, si.lpDesktop) == (None, None)
    si.dwFlags = -1
    assert si.dwFlags == -1
    with pytest.raises(TypeError):
        si.dwFlags = "x"
    with pytest.raises(OverflowError):
        si.dwFlags = 1 << 33
    si.hStdInput = 5
    assert si.hStdInput == 5
    si.hStdInput = None
    assert si.hStdInput == 0
    handle = pywintypes.HANDLE(0)
    si.hStdOutput = handle
    assert si.hStdOutput is handle
    with pytest.raises(TypeError):
        si.hStdError = "x"
    si.lpTitle = "title"
    assert si.lpTitle == "title"
    with pytest.raises(TypeError):
        si.lpDesktop = 5
    with pytest.raises(AttributeError):
        si.foo = 1
    with pytest.raises(AttributeError):
        _ = si.cb
    with pytest.raises(TypeError):
        win32process.STARTUPINFO(1)
    for bad in (None, 5):
        with pytest.raises(TypeError):
            win32process.CreateProcess(None, python("pass"), None, None, 0, 0, None, None, bad)


def test_get_startup_info_of_this_process() -> None:
    si = win32process.GetStartupInfo()
    assert type(si).__name__ == "PySTARTUPINFO"
    assert si.dwFlags == 0
    assert isinstance(si.lpTitle, str)
    handles = (si.hStdInput, si.hStdOutput, si.hStdError)
    assert all(type(value) is int for value in handles)
    again = win32process.GetStartupInfo()  # what it started with, whatever SetStdHandle does
    old = win32api.GetStdHandle(win32api.STD_ERROR_HANDLE)
    win32api.SetStdHandle(win32api.STD_ERROR_HANDLE, 0x1234)
    try:
        assert (again.hStdInput, again.hStdOutput, again.hStdError) == handles
        assert win32process.GetStartupInfo().hStdError == si.hStdError
    finally:
        win32api.SetStdHandle(win32api.STD_ERROR_HANDLE, old)


def test_the_constants_have_windows_values() -> None:
    assert (win32process.LIST_MODULES_DEFAULT, win32process.LIST_MODULES_32BIT) == (0, 1)
    assert (win32process.LIST_MODULES_64BIT, win32process.LIST_MODULES_ALL) == (2, 3)
    assert win32process.MAXIMUM_PROCESSORS == 64
    assert win32process.CREATE_SEPARATE_WOW_VDM == 0x800
    assert win32process.CREATE_SHARED_WOW_VDM == 0x1000
    assert win32process.CREATE_PRESERVE_CODE_AUTHZ_LEVEL == 0x02000000
    assert (win32api.STD_INPUT_HANDLE, win32api.STD_OUTPUT_HANDLE) == (-10, -11)
    assert win32api.STD_ERROR_HANDLE == -12
