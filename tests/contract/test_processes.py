"""Contract: win32process.CreateProcess and process handles (semantics.md §5.3, §3.1)."""

import sys
from collections.abc import Iterator
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32process
import winerror

EXIT_MS = 30_000  # safety net only: a child Python may take a while to start
OBJECT_0 = win32event.WAIT_OBJECT_0
TIMEOUT = win32event.WAIT_TIMEOUT
STILL_ACTIVE = win32con.STILL_ACTIVE


def python_command(code: str) -> str:
    """A Windows command line running `code` (which must not contain double quotes)."""
    return f'"{sys.executable}" -c "{code}"'


EXITS_WITH_7 = python_command("import sys; sys.exit(7)")
RUNS_UNTIL_KILLED = python_command("import threading; threading.Event().wait()")


class Children:
    """Starts child processes; at the end terminates those still running and closes handles."""

    def __init__(self) -> None:
        self._handles: list[tuple[Any, Any]] = []

    def start(self, command: str, app_name: str | None = None) -> tuple[Any, Any, int, int]:
        result: tuple[Any, Any, int, int] = win32process.CreateProcess(
            app_name, command, None, None, False, 0, None, None, win32process.STARTUPINFO()
        )
        self._handles.append((result[0], result[1]))
        return result

    def end_all(self) -> None:
        for process, thread in self._handles:
            if win32process.GetExitCodeProcess(process) == STILL_ACTIVE:
                win32process.TerminateProcess(process, 1)
            win32event.WaitForSingleObject(process, EXIT_MS)
            thread.Close()
            process.Close()


@pytest.fixture
def children() -> Iterator[Children]:
    made = Children()
    yield made
    made.end_all()


def test_create_process_returns_two_pyhandles_and_two_ids(children: Children) -> None:
    result = children.start(EXITS_WITH_7)
    process, thread, pid, tid = result
    assert type(result) is tuple
    handle_type = type(pywintypes.HANDLE())
    assert (type(process), type(thread)) == (handle_type, handle_type)
    assert (type(pid), type(tid)) == (int, int)
    assert pid > 0
    assert tid > 0
    assert pid != win32api.GetCurrentProcessId()


def test_process_exit_code_is_the_childs_exit_status(children: Children) -> None:
    process, _, _, _ = children.start(EXITS_WITH_7)
    assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0
    assert win32process.GetExitCodeProcess(process) == 7


_UNWIND_SEEN = pytest.mark.skipif(
    sys.platform != "win32" and sys.version_info < (3, 12),
    reason="before 3.12 nothing sees a SystemExit leave __main__ without tracing every call",
)
"""A bare ``raise SystemExit(code)`` keeps its 32 bits where sys.monitoring sees it leave."""


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("import sys; sys.exit(1000)", 1000),
        ("import sys; sys.exit(-1)", -1),  # 0xFFFFFFFF, signed as pywin32 gives it
        ("import os; os._exit(515)", 515),
        pytest.param("raise SystemExit(1000)", 1000, marks=_UNWIND_SEEN),
        pytest.param(
            "def main():\n    raise SystemExit(-2)\nmain()", -2, marks=_UNWIND_SEEN
        ),  # through a function: the code of what leaves the program
        (
            "import os, threading; t = threading.Thread(target=os._exit, args=(70000,)); "
            "t.start(); t.join()",
            70000,
        ),  # from any thread: the process ends with it
    ],
)
def test_an_exit_code_keeps_its_32_bits(children: Children, code: str, expected: int) -> None:
    process, _, _, _ = children.start(python_command(code))
    assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0
    assert win32process.GetExitCodeProcess(process) == expected


def test_process_handle_is_signaled_when_the_process_ends_and_stays_signaled(
    children: Children,
) -> None:
    process, _, _, _ = children.start(EXITS_WITH_7)
    assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0
    assert win32event.WaitForSingleObject(process, 0) == OBJECT_0


def test_primary_thread_handle_is_signaled_when_the_process_ends(children: Children) -> None:
    process, thread, _, _ = children.start(EXITS_WITH_7)
    assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0
    assert win32event.WaitForSingleObject(thread, EXIT_MS) == OBJECT_0


def test_get_exit_code_process_is_still_active_while_running(children: Children) -> None:
    process, _, _, _ = children.start(RUNS_UNTIL_KILLED)
    assert win32process.GetExitCodeProcess(process) == STILL_ACTIVE
    assert win32event.WaitForSingleObject(process, 0) == TIMEOUT


def test_terminate_process_ends_it_with_the_given_exit_code(children: Children) -> None:
    process, _, _, _ = children.start(RUNS_UNTIL_KILLED)
    assert win32process.TerminateProcess(process, 3) is None
    assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0
    assert win32process.GetExitCodeProcess(process) == 3


def test_wait_any_reports_the_process_handle_when_the_process_ends(children: Children) -> None:
    process, _, _, _ = children.start(RUNS_UNTIL_KILLED)
    event = win32event.CreateEvent(None, True, False, None)
    try:
        assert win32event.WaitForMultipleObjects([event, process], False, 0) == TIMEOUT
        win32process.TerminateProcess(process, 4)
        assert win32event.WaitForMultipleObjects([event, process], False, EXIT_MS) == 1
    finally:
        event.Close()


def test_get_process_id_of_the_process_handle_is_the_returned_pid(children: Children) -> None:
    process, _, pid, _ = children.start(EXITS_WITH_7)
    assert win32process.GetProcessId(process) == pid


def test_create_process_with_an_application_name(children: Children) -> None:
    process, _, _, _ = children.start(EXITS_WITH_7, app_name=sys.executable)
    assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0
    assert win32process.GetExitCodeProcess(process) == 7


def test_create_process_needs_an_application_name_or_a_command_line() -> None:
    with pytest.raises(TypeError):
        win32process.CreateProcess(
            None, None, None, None, False, 0, None, None, win32process.STARTUPINFO()
        )


def test_create_process_of_a_missing_program_fails_with_file_not_found() -> None:
    with pytest.raises(pywintypes.error) as info:
        win32process.CreateProcess(
            None,
            "apartment_contract_no_such_program.exe",
            None,
            None,
            False,
            0,
            None,
            None,
            win32process.STARTUPINFO(),
        )
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_FILE_NOT_FOUND,
        "CreateProcess",
    )


def test_get_exit_code_process_of_the_current_process_is_still_active() -> None:
    assert win32process.GetExitCodeProcess(win32api.GetCurrentProcess()) == STILL_ACTIVE
