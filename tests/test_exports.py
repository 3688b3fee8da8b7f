"""Every public name exists, is documented, and the facade mirrors pywin32's surface."""

from __future__ import annotations

import importlib
import inspect

import pytest

PUBLIC = [
    "apartment",
    "apartment.errors",
    "apartment.kernel",
    "apartment.testing",
    "apartment.win32",
    "apartment.win32.pywintypes",
    "apartment.win32.win32api",
    "apartment.win32.win32event",
    "apartment.win32.win32process",
]


@pytest.mark.parametrize("name", PUBLIC)
def test_every_name_in_all_exists_and_is_documented(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__doc__
    for public in module.__all__:
        obj = getattr(module, public)
        if inspect.isclass(obj) or (inspect.isfunction(obj) and not public[:1].isupper()):
            assert obj.__doc__, f"{name}.{public} has no docstring"


@pytest.mark.parametrize("name", ["apartment", "apartment.kernel", "apartment.testing"])
def test_package_all_is_sorted(name: str) -> None:
    exported = importlib.import_module(name).__all__
    kind = {True: 0, False: 1}
    assert list(exported) == sorted(
        exported, key=lambda n: (kind[n.isupper()] if n[0].isupper() else 2, n)
    )


@pytest.mark.parametrize(
    ("module", "names"),
    [
        (
            "win32event",
            "CreateEvent OpenEvent SetEvent ResetEvent PulseEvent CreateMutex OpenMutex "
            "ReleaseMutex CreateSemaphore OpenSemaphore ReleaseSemaphore CreateWaitableTimer "
            "CreateWaitableTimerEx OpenWaitableTimer SetWaitableTimer CancelWaitableTimer "
            "WaitForSingleObject WaitForSingleObjectEx WaitForMultipleObjects "
            "WaitForMultipleObjectsEx SignalObjectAndWait INFINITE WAIT_OBJECT_0 WAIT_ABANDONED "
            "WAIT_ABANDONED_0 WAIT_TIMEOUT WAIT_IO_COMPLETION WAIT_FAILED MAXIMUM_WAIT_OBJECTS",
        ),
        (
            "win32api",
            "GetCurrentThreadId GetCurrentProcessId GetCurrentThread GetCurrentProcess "
            "CloseHandle DuplicateHandle Sleep SleepEx GetLastError SetLastError QueueUserAPC",
        ),
        (
            "win32process",
            "beginthreadex CreateProcess STARTUPINFO ResumeThread SuspendThread "
            "GetExitCodeThread GetExitCodeProcess TerminateProcess CREATE_SUSPENDED",
        ),
        ("pywintypes", "error com_error HANDLE TRUE FALSE"),
    ],
)
def test_the_facade_has_the_names_pywin32_code_uses(module: str, names: str) -> None:
    facade = importlib.import_module(f"apartment.win32.{module}")
    missing = [name for name in names.split() if not hasattr(facade, name)]
    assert not missing
