"""Contract: more rules small pywin32 programs written by others found missing (tests/realcode).

Found by running such programs on the facade and on the real pywin32 (build 312, under Wine):
a file lock helper that locks through ``_get_osfhandle`` of a Python file, with the length
``0xFFFF0000`` in the high DWORD (tests/realcode/lock_file_ex.py); and a single-instance
check whose second copy, a process that only opened the named mutex and ended, left the free
mutex abandoned (tests/realcode/single_instance_mutex.py); and writers whose exit code,
``sys.exit(288)``, came back as its low byte (tests/realcode/named_mutex_log_writers.py);
and a process monitor that prints the type of GetProcessTimes' values
(tests/realcode/process_monitor_stats.py).
"""

import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Iterator

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32file
import win32process
import winerror

EXIT_MS = 30_000  # safety net only: a child Python may take a while to start
HIGH = 0xFFFF0000  # the high DWORD of a length: the whole file, as lock helpers write it


@pytest.fixture
def path() -> Iterator[str]:
    folder = tempfile.mkdtemp(prefix="apartment-contract-")
    yield os.path.join(folder, "locked.lck")
    shutil.rmtree(folder, ignore_errors=True)


def _lock(file: object, flags: int) -> None:
    handle = win32file._get_osfhandle(file.fileno())  # type: ignore[attr-defined]
    win32file.LockFileEx(handle, flags, 0, HIGH, pywintypes.OVERLAPPED())


def _unlock(file: object) -> None:
    handle = win32file._get_osfhandle(file.fileno())  # type: ignore[attr-defined]
    win32file.UnlockFileEx(handle, 0, HIGH, pywintypes.OVERLAPPED())


def test_a_python_file_handle_locks_and_another_open_is_refused(path: str) -> None:
    exclusive_now = win32con.LOCKFILE_EXCLUSIVE_LOCK | win32con.LOCKFILE_FAIL_IMMEDIATELY
    with open(path, "w") as first, open(path) as second:
        _lock(first, exclusive_now)
        with pytest.raises(pywintypes.error) as refused:
            _lock(second, win32con.LOCKFILE_FAIL_IMMEDIATELY)
        assert refused.value.winerror == winerror.ERROR_LOCK_VIOLATION
        _unlock(first)
        _lock(second, win32con.LOCKFILE_FAIL_IMMEDIATELY)  # shared, now that it is free
        _lock(first, win32con.LOCKFILE_FAIL_IMMEDIATELY)  # shared locks share
        _unlock(second)
        _unlock(first)


def test_a_lock_whose_length_fills_the_high_dword_covers_the_file(path: str) -> None:
    with open(path, "w") as first, open(path) as second:
        _lock(first, win32con.LOCKFILE_EXCLUSIVE_LOCK)
        with pytest.raises(pywintypes.error) as refused:
            win32file.LockFileEx(
                win32file._get_osfhandle(second.fileno()),
                win32con.LOCKFILE_FAIL_IMMEDIATELY,
                0,
                1,
                pywintypes.OVERLAPPED(),
            )
        assert refused.value.winerror == winerror.ERROR_LOCK_VIOLATION
        _unlock(first)


def test_a_process_that_only_opened_a_free_mutex_does_not_abandon_it() -> None:
    name = f"apartment-contract-free-mutex-{uuid.uuid4().hex}"
    mutex = win32event.CreateMutex(None, False, name)
    code = f"import win32event; win32event.CreateMutex(None, False, '{name}')"
    process, thread, _, _ = win32process.CreateProcess(
        None, f'"{sys.executable}" -c "{code}"', None, None, False, 0, None, None,
        win32process.STARTUPINFO(),
    )  # fmt: skip
    try:
        assert win32event.WaitForSingleObject(process, EXIT_MS) == win32event.WAIT_OBJECT_0
        assert win32process.GetExitCodeProcess(process) == 0
        assert win32event.WaitForSingleObject(mutex, 0) == win32event.WAIT_OBJECT_0
        win32event.ReleaseMutex(mutex)
    finally:
        for handle in (thread, process, mutex):
            win32api.CloseHandle(handle)


@pytest.mark.parametrize("code", [288, 1000, -1, 0x7FFFFFFF])
def test_a_python_child_exit_code_keeps_its_32_bits(code: int) -> None:
    process, thread, _, _ = win32process.CreateProcess(
        None, f'"{sys.executable}" -c "import sys; sys.exit({code})"', None, None, False, 0,
        None, None, win32process.STARTUPINFO(),
    )  # fmt: skip
    try:
        assert win32event.WaitForSingleObject(process, EXIT_MS) == win32event.WAIT_OBJECT_0
        assert win32process.GetExitCodeProcess(process) == code
    finally:
        win32api.CloseHandle(thread)
        win32api.CloseHandle(process)


def test_a_time_is_a_pywintypes_datetime_by_name_and_repr() -> None:
    times = win32process.GetProcessTimes(win32api.GetCurrentProcess())
    for value in (pywintypes.Time(0), times["CreationTime"]):
        assert type(value).__name__ == "datetime"
        assert type(value).__module__ == "pywintypes"
        assert repr(value).startswith("pywintypes.datetime(")
