"""Contract: named objects and handles across processes (DESIGN.md decision 11, semantics.md §2).

A name is one object for every process of the session; handles reach a child by inheritance
(with the same value) or by DuplicateHandle into it; CREATE_SUSPENDED children run nothing
until resumed; OpenProcess opens any process of the user. The other processes are Python
children started with CreateProcess, which report through their exit codes (a Python child
gets pywin32, or the facade's pywin32 names, as a Windows child gets pywin32 if installed).
"""

import os
import sys
import tempfile
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
ABANDONED_0 = win32event.WAIT_ABANDONED_0
TIMEOUT = win32event.WAIT_TIMEOUT


def _name(what: str) -> str:
    return f"apartment-contract-{what}-{os.getpid()}"


def _python(code: str) -> str:
    """A command line running ``code`` (no double quotes in it) in a Python child."""
    return f'"{sys.executable}" -c "{code}"'


class Children:
    """Starts Python children; at the end terminates those still running, closes handles."""

    def __init__(self) -> None:
        self._started: list[tuple[Any, Any]] = []

    def start(self, code: str, *, inherit: bool = False, flags: int = 0) -> tuple[Any, Any]:
        process, thread, _, _ = win32process.CreateProcess(
            None, _python(code), None, None, inherit, flags, None, None,
            win32process.STARTUPINFO(),
        )  # fmt: skip
        self._started.append((process, thread))
        return process, thread

    def exit_code(self, code: str, **options: Any) -> int:
        """Run ``code`` in a child to its end and return its exit code."""
        process, _ = self.start(code, **options)
        assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0
        result: int = win32process.GetExitCodeProcess(process)
        return result

    def end_all(self) -> None:
        for process, thread in self._started:
            if win32process.GetExitCodeProcess(process) == win32con.STILL_ACTIVE:
                win32process.TerminateProcess(process, 1)
            win32event.WaitForSingleObject(process, EXIT_MS)
            thread.Close()
            process.Close()


@pytest.fixture
def children() -> Iterator[Children]:
    made = Children()
    yield made
    made.end_all()


def test_a_child_sets_the_parents_named_event(children: Children) -> None:
    name = _name("event")
    event = win32event.CreateEvent(None, True, False, name)
    try:
        code = children.exit_code(
            "import win32event; "
            f"h = win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, 0, '{name}'); "
            "win32event.SetEvent(h)"
        )
        assert code == 0
        assert win32event.WaitForSingleObject(event, 0) == OBJECT_0
    finally:
        event.Close()


def test_a_second_process_creating_the_name_gets_already_exists(children: Children) -> None:
    name = _name("single")
    mutex = win32event.CreateMutex(None, False, name)
    try:
        code = children.exit_code(
            "import sys, win32api, win32event; "
            f"m = win32event.CreateMutex(None, True, '{name}'); "
            "sys.exit(win32api.GetLastError())"
        )
        assert code == winerror.ERROR_ALREADY_EXISTS
        assert win32event.WaitForSingleObject(mutex, 0) == OBJECT_0  # not taken by the child
        win32event.ReleaseMutex(mutex)
    finally:
        mutex.Close()


def test_a_name_of_another_kind_in_another_process_fails_with_invalid_handle(
    children: Children,
) -> None:
    name = _name("kind")
    event = win32event.CreateEvent(None, True, False, name)
    try:
        code = children.exit_code(
            "import sys, win32event, pywintypes\n"
            "try:\n"
            f"    win32event.CreateMutex(None, False, '{name}')\n"
            "except pywintypes.error as e:\n"
            "    sys.exit(e.winerror)"
        )
        assert code == winerror.ERROR_INVALID_HANDLE
    finally:
        event.Close()


def test_a_name_whose_last_handle_closed_in_another_process_is_gone(children: Children) -> None:
    name = _name("gone")
    assert (
        children.exit_code(f"import win32event; win32event.CreateEvent(None, 0, 0, '{name}')") == 0
    )
    with pytest.raises(pywintypes.error) as caught:
        win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, False, name)
    assert caught.value.winerror == winerror.ERROR_FILE_NOT_FOUND


def test_a_child_releases_units_of_the_parents_named_semaphore(children: Children) -> None:
    name = _name("semaphore")
    semaphore = win32event.CreateSemaphore(None, 0, 10, name)
    try:
        code = children.exit_code(
            "import sys, win32con, win32event; "
            f"h = win32event.OpenSemaphore(win32con.SEMAPHORE_MODIFY_STATE, 0, '{name}'); "
            "sys.exit(10 + win32event.ReleaseSemaphore(h, 3))"
        )
        assert code == 10  # the previous count
        for _ in range(3):
            assert win32event.WaitForSingleObject(semaphore, 0) == OBJECT_0
        assert win32event.WaitForSingleObject(semaphore, 0) == TIMEOUT
    finally:
        semaphore.Close()


def test_a_mutex_owned_by_a_terminated_process_is_abandoned(children: Children) -> None:
    name = _name("abandoned")
    ready = win32event.CreateEvent(None, True, False, name + "-ready")
    mutex = win32event.CreateMutex(None, False, name)
    try:
        process, _ = children.start(
            "import win32event; "
            f"m = win32event.CreateMutex(None, False, '{name}'); "
            "win32event.WaitForSingleObject(m, -1); "
            f"r = win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, 0, '{name}-ready'); "
            "win32event.SetEvent(r); "
            "win32event.WaitForSingleObject(win32event.CreateEvent(None, 0, 0, None), 60000)"
        )
        assert win32event.WaitForSingleObject(ready, EXIT_MS) == OBJECT_0
        assert win32event.WaitForSingleObject(mutex, 0) == TIMEOUT
        win32process.TerminateProcess(process, 1)
        assert win32event.WaitForSingleObject(mutex, EXIT_MS) == ABANDONED_0
        assert win32event.WaitForSingleObject(mutex, 0) == OBJECT_0  # the flag went once
        win32event.ReleaseMutex(mutex)
        win32event.ReleaseMutex(mutex)
    finally:
        mutex.Close()
        ready.Close()


def test_wait_any_mixes_a_named_event_of_a_child_with_a_local_one(children: Children) -> None:
    name = _name("mixed")
    named = win32event.CreateEvent(None, True, False, name)
    local = win32event.CreateEvent(None, True, False, None)
    try:
        children.start(
            "import win32event; "
            f"h = win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, 0, '{name}'); "
            "win32event.SetEvent(h)"
        )
        assert win32event.WaitForMultipleObjects([local, named], False, EXIT_MS) == OBJECT_0 + 1
    finally:
        named.Close()
        local.Close()


def test_an_inheritable_handle_reaches_the_child_with_the_same_value(children: Children) -> None:
    attributes = pywintypes.SECURITY_ATTRIBUTES()
    attributes.bInheritHandle = 1
    event = win32event.CreateEvent(attributes, True, False, None)
    try:
        code = children.exit_code(
            f"import win32event; win32event.SetEvent({int(event)})", inherit=True
        )
        assert code == 0
        assert win32event.WaitForSingleObject(event, 0) == OBJECT_0
    finally:
        event.Close()


def test_a_handle_that_is_not_inheritable_does_not_reach_the_child(children: Children) -> None:
    event = win32event.CreateEvent(None, True, False, None)
    try:
        code = children.exit_code(
            "import sys, win32event, pywintypes\n"
            "try:\n"
            f"    win32event.SetEvent({int(event)})\n"
            "except pywintypes.error as e:\n"
            "    sys.exit(e.winerror)",
            inherit=True,
        )
        assert code == winerror.ERROR_INVALID_HANDLE
        assert win32event.WaitForSingleObject(event, 0) == TIMEOUT
    finally:
        event.Close()


def test_duplicate_handle_with_inherit_makes_an_inheritable_copy(children: Children) -> None:
    event = win32event.CreateEvent(None, True, False, None)
    me = win32api.GetCurrentProcess()
    copy = win32api.DuplicateHandle(me, event, me, 0, True, win32con.DUPLICATE_SAME_ACCESS)
    try:
        assert win32api.GetHandleInformation(copy) & win32con.HANDLE_FLAG_INHERIT
        assert not win32api.GetHandleInformation(event) & win32con.HANDLE_FLAG_INHERIT
        code = children.exit_code(
            f"import win32event; win32event.SetEvent({int(copy)})", inherit=True
        )
        assert code == 0
        assert win32event.WaitForSingleObject(event, 0) == OBJECT_0
    finally:
        copy.Close()
        event.Close()


def test_set_handle_information_makes_a_handle_inheritable(children: Children) -> None:
    event = win32event.CreateEvent(None, True, False, None)
    try:
        win32api.SetHandleInformation(
            event, win32con.HANDLE_FLAG_INHERIT, win32con.HANDLE_FLAG_INHERIT
        )
        assert win32api.GetHandleInformation(event) & win32con.HANDLE_FLAG_INHERIT
        code = children.exit_code(
            f"import win32event; win32event.SetEvent({int(event)})", inherit=True
        )
        assert code == 0
        assert win32event.WaitForSingleObject(event, 0) == OBJECT_0
    finally:
        event.Close()


def test_a_suspended_child_runs_nothing_until_resumed(children: Children) -> None:
    marker = os.path.join(tempfile.mkdtemp(), "ran")
    process, thread = children.start(
        f"open({marker!r}, 'w').close()", flags=win32con.CREATE_SUSPENDED
    )
    assert win32event.WaitForSingleObject(process, 200) == TIMEOUT
    assert not os.path.exists(marker)
    assert win32process.ResumeThread(thread) == 1
    assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0
    assert os.path.exists(marker)


def test_duplicate_handle_into_a_child_gives_it_a_handle_of_its_own(children: Children) -> None:
    folder = tempfile.mkdtemp()
    value_file = os.path.join(folder, "value")
    event = win32event.CreateEvent(None, True, False, None)
    try:
        process, thread = children.start(
            f"import win32event; h = int(open({value_file!r}).read()); win32event.SetEvent(h)",
            flags=win32con.CREATE_SUSPENDED,
        )
        duplicate = win32api.DuplicateHandle(
            win32api.GetCurrentProcess(), event, process, 0, False, win32con.DUPLICATE_SAME_ACCESS
        )
        with open(value_file, "w") as out:
            out.write(str(duplicate.Detach()))  # a value in the child, not here
        win32process.ResumeThread(thread)
        assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0
        assert win32process.GetExitCodeProcess(process) == 0
        assert win32event.WaitForSingleObject(event, 0) == OBJECT_0
    finally:
        event.Close()


def test_open_process_of_a_process_that_is_not_a_child(children: Children) -> None:
    folder = tempfile.mkdtemp()
    pid_file = os.path.join(folder, "pid")
    # The child starts a grandchild that outlives it a little, and writes its pid.
    children.exit_code(
        "import subprocess, sys; "
        "p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(1)']); "
        f"open({pid_file!r}, 'w').write(str(p.pid))"
    )
    with open(pid_file) as found:
        pid = int(found.read())
    process = win32api.OpenProcess(
        win32con.SYNCHRONIZE | win32con.PROCESS_QUERY_INFORMATION, False, pid
    )
    try:
        assert win32process.GetProcessId(process) == pid
        assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0
        assert win32process.GetExitCodeProcess(process) != win32con.STILL_ACTIVE
    finally:
        process.Close()


def test_open_process_of_no_process_fails_with_invalid_parameter() -> None:
    with pytest.raises(pywintypes.error) as caught:
        win32api.OpenProcess(win32con.SYNCHRONIZE, False, 0)
    assert (caught.value.winerror, caught.value.funcname) == (
        winerror.ERROR_INVALID_PARAMETER,
        "OpenProcess",
    )


def test_handle_information_of_a_closed_handle_fails_with_invalid_handle() -> None:
    event = win32event.CreateEvent(None, True, False, None)
    value = int(event)
    event.Close()
    with pytest.raises(pywintypes.error) as caught:
        win32api.GetHandleInformation(value)
    assert (caught.value.winerror, caught.value.funcname) == (
        winerror.ERROR_INVALID_HANDLE,
        "GetHandleInformation",
    )
    with pytest.raises(pywintypes.error) as caught:
        win32api.SetHandleInformation(value, win32con.HANDLE_FLAG_INHERIT, 0)
    assert caught.value.winerror == winerror.ERROR_INVALID_HANDLE


def test_duplicate_handle_into_something_that_is_not_a_process_fails() -> None:
    event = win32event.CreateEvent(None, True, False, None)
    other = win32event.CreateEvent(None, True, False, None)
    try:
        with pytest.raises(pywintypes.error) as caught:
            win32api.DuplicateHandle(
                win32api.GetCurrentProcess(), event, other, 0, False,
                win32con.DUPLICATE_SAME_ACCESS,
            )  # fmt: skip
        assert caught.value.winerror == winerror.ERROR_INVALID_HANDLE
    finally:
        event.Close()
        other.Close()


@pytest.mark.parametrize("attributes", [5, "x", object()])
def test_create_event_refuses_what_is_not_security_attributes(attributes: object) -> None:
    with pytest.raises(TypeError):
        win32event.CreateEvent(attributes, True, False, None)
