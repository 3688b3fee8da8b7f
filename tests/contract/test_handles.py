"""Contract: handles, pseudo handles, DuplicateHandle, named objects (semantics.md §2, §2.1)."""

import os
import uuid
from collections.abc import Callable
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32process
import winerror

from ._kernel import JOIN_MS, Handles

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._kernel import handles as handles


def run_thread(body: Callable[[], Any]) -> tuple[Any, int]:
    """Run body() on a beginthreadex thread to its end; return (its result, its thread id)."""
    box: dict[str, Any] = {}

    def entry() -> int:
        try:
            box["result"] = body()
        except BaseException as exc:  # re-raised below, in the test's thread
            box["error"] = exc
        return 0

    handle, tid = win32process.beginthreadex(None, 0, entry, (), 0)
    try:
        assert win32event.WaitForSingleObject(handle, JOIN_MS) == win32event.WAIT_OBJECT_0
    finally:
        handle.Close()
    if "error" in box:
        raise box["error"]
    return box["result"], tid


def unique_name() -> str:
    return f"apartment-contract-{uuid.uuid4().hex}"


# --- pseudo handles and identities ---------------------------------------------------


def test_get_current_thread_is_the_int_pseudo_handle_minus_two() -> None:
    value = win32api.GetCurrentThread()
    assert type(value) is int
    assert value == -2


def test_get_current_process_is_the_int_pseudo_handle_minus_one() -> None:
    assert type(win32api.GetCurrentProcess()) is int
    assert win32api.GetCurrentProcess() == -1
    assert win32process.GetCurrentProcess() == -1


def test_pseudo_handles_have_the_same_value_in_every_thread() -> None:
    values, _ = run_thread(lambda: (win32api.GetCurrentThread(), win32api.GetCurrentProcess()))
    assert values == (-2, -1)


def test_get_current_thread_id_is_stable_within_a_thread_and_differs_between_threads() -> None:
    tid = win32api.GetCurrentThreadId()
    assert type(tid) is int
    assert tid > 0
    assert win32api.GetCurrentThreadId() == tid
    seen, other = run_thread(win32api.GetCurrentThreadId)
    assert seen == other
    assert seen != win32api.GetCurrentThreadId()


def test_get_current_process_id_is_the_os_pid() -> None:
    pid = win32api.GetCurrentProcessId()
    assert pid == os.getpid()
    assert win32process.GetCurrentProcessId() == pid
    seen, _ = run_thread(win32api.GetCurrentProcessId)
    assert seen == pid


# --- CloseHandle -------------------------------------------------------------------------


@pytest.mark.parametrize("null", [0, None], ids=["zero", "none"])
def test_closehandle_of_null_succeeds(null: int | None) -> None:
    assert win32api.CloseHandle(null) is None


@pytest.mark.parametrize("pseudo", [-1, -2], ids=["process", "thread"])
def test_closehandle_of_a_pseudo_handle_succeeds_and_has_no_effect(pseudo: int) -> None:
    assert win32api.CloseHandle(pseudo) is None
    assert win32event.WaitForSingleObject(pseudo, 0) == win32event.WAIT_TIMEOUT


def test_closehandle_of_a_closed_handle_fails_with_invalid_handle() -> None:
    value = win32event.CreateEvent(None, False, False, None).Detach()
    win32api.CloseHandle(value)
    with pytest.raises(pywintypes.error) as info:
        win32api.CloseHandle(value)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_INVALID_HANDLE,
        "CloseHandle",
    )


def test_real_handles_are_multiples_of_four(handles: Handles) -> None:
    created = [
        handles(win32event.CreateEvent(None, False, False, None)),
        handles(win32event.CreateMutex(None, False, None)),
        handles(win32event.CreateSemaphore(None, 0, 1, None)),
        handles(win32event.CreateWaitableTimer(None, False, None)),
        handles(win32api.DuplicateHandle(-1, -2, -1, 0, False, win32con.DUPLICATE_SAME_ACCESS)),
    ]
    assert [int(h) % 4 for h in created] == [0] * len(created)


# --- DuplicateHandle ---------------------------------------------------------------------


def dup(handle: Any, options: int = win32con.DUPLICATE_SAME_ACCESS) -> Any:
    current = win32api.GetCurrentProcess()
    return win32api.DuplicateHandle(current, handle, current, 0, False, options)


def test_duplicate_handle_returns_a_new_pyhandle(handles: Handles) -> None:
    event = handles(win32event.CreateEvent(None, False, False, None))
    copy = handles(dup(event))
    assert type(copy) is type(event)
    assert int(copy) != int(event)


def test_duplicated_event_handle_refers_to_the_same_event(handles: Handles) -> None:
    event = handles(win32event.CreateEvent(None, False, False, None))
    copy = handles(dup(event))
    win32event.SetEvent(copy)
    assert win32event.WaitForSingleObject(event, 0) == win32event.WAIT_OBJECT_0
    assert win32event.WaitForSingleObject(copy, 0) == win32event.WAIT_TIMEOUT


def test_duplicated_semaphore_handle_shares_the_count(handles: Handles) -> None:
    semaphore = handles(win32event.CreateSemaphore(None, 0, 5, None))
    copy = handles(dup(semaphore))
    assert win32event.ReleaseSemaphore(copy, 2) == 0
    assert win32event.ReleaseSemaphore(semaphore, 1) == 2


def test_duplicated_mutex_handle_shares_the_ownership(handles: Handles) -> None:
    mutex = handles(win32event.CreateMutex(None, False, None))
    copy = handles(dup(mutex))
    assert win32event.WaitForSingleObject(copy, 0) == win32event.WAIT_OBJECT_0
    win32event.ReleaseMutex(mutex)
    with pytest.raises(pywintypes.error) as info:
        win32event.ReleaseMutex(copy)
    assert info.value.winerror == winerror.ERROR_NOT_OWNER


def test_duplicate_close_source_closes_the_source_handle(handles: Handles) -> None:
    # Judged by the object's lifetime, not by handle values: Wine hands out the just-closed
    # source value for the copy, Windows need not.
    name = unique_name()
    source = win32event.CreateEvent(None, True, False, name).Detach()
    copy = dup(source, win32con.DUPLICATE_CLOSE_SOURCE | win32con.DUPLICATE_SAME_ACCESS)
    win32event.SetEvent(copy)
    assert win32event.WaitForSingleObject(copy, 0) == win32event.WAIT_OBJECT_0
    copy.Close()  # the last handle, if the source was closed
    with pytest.raises(pywintypes.error) as info:
        handles(win32event.OpenEvent(win32con.SYNCHRONIZE, False, name))
    assert info.value.winerror == winerror.ERROR_FILE_NOT_FOUND


def test_duplicate_of_current_thread_is_a_real_handle_usable_from_another_thread(
    handles: Handles,
) -> None:
    def body() -> Any:
        return dup(win32api.GetCurrentThread())

    real, _ = run_thread(body)
    handles(real)
    assert int(real) not in (-2, 0)
    # The other thread has ended: its real handle is signaled, unlike the pseudo handle.
    assert win32event.WaitForSingleObject(real, 0) == win32event.WAIT_OBJECT_0
    assert win32process.GetExitCodeThread(real) == 0


def test_duplicate_of_current_thread_names_the_calling_thread(handles: Handles) -> None:
    real = handles(dup(win32api.GetCurrentThread()))
    assert win32process.GetExitCodeThread(real) == win32con.STILL_ACTIVE
    assert win32event.WaitForSingleObject(real, 0) == win32event.WAIT_TIMEOUT


def test_duplicate_of_current_process_is_a_real_handle(handles: Handles) -> None:
    real = handles(dup(win32api.GetCurrentProcess()))
    assert int(real) not in (-1, 0)
    assert win32process.GetProcessId(real) == win32api.GetCurrentProcessId()
    assert win32event.WaitForSingleObject(real, 0) == win32event.WAIT_TIMEOUT


# --- Sleep / SleepEx ---------------------------------------------------------------------


def test_sleep_and_sleepex_return_zero_on_timeout() -> None:
    assert win32api.Sleep(0) == 0
    assert win32api.Sleep(1) == 0
    assert win32api.SleepEx(0) == 0
    assert win32api.SleepEx(1, False) == 0


def test_alertable_sleepex_returns_zero_when_no_apc_is_queued() -> None:
    assert win32api.SleepEx(10, True) == 0
    assert win32api.Sleep(1, True) == 0


# --- named objects (one namespace for all four types) ------------------------------------

KINDS: dict[str, tuple[Callable[[str | None], Any], Callable[[int, bool, str], Any], str, str]] = {
    "event": (
        lambda name: win32event.CreateEvent(None, True, False, name),
        win32event.OpenEvent,
        "CreateEvent",
        "OpenEvent",
    ),
    "mutex": (
        lambda name: win32event.CreateMutex(None, False, name),
        win32event.OpenMutex,
        "CreateMutex",
        "OpenMutex",
    ),
    "semaphore": (
        lambda name: win32event.CreateSemaphore(None, 0, 1, name),
        win32event.OpenSemaphore,
        "CreateSemaphore",
        "OpenSemaphore",
    ),
    "timer": (
        lambda name: win32event.CreateWaitableTimer(None, True, name),
        win32event.OpenWaitableTimer,
        "CreateWaitableTimer",
        "OpenWaitableTimer",
    ),
}
OTHER_KIND = {"event": "mutex", "mutex": "semaphore", "semaphore": "timer", "timer": "event"}
kinds = pytest.mark.parametrize("kind", list(KINDS))


@kinds
def test_create_of_a_new_name_sets_last_error_to_zero(kind: str, handles: Handles) -> None:
    create = KINDS[kind][0]
    win32api.SetLastError(1234)
    handles(create(unique_name()))
    assert win32api.GetLastError() == 0


@kinds
def test_create_of_an_existing_name_returns_a_handle_and_sets_already_exists(
    kind: str, handles: Handles
) -> None:
    create = KINDS[kind][0]
    name = unique_name()
    first = handles(create(name))
    win32api.SetLastError(0)
    second = handles(create(name))
    assert win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS
    assert int(second) != int(first)


@kinds
def test_create_with_the_name_of_another_type_fails_with_invalid_handle(
    kind: str, handles: Handles
) -> None:
    create, _, create_name, _ = KINDS[kind]
    name = unique_name()
    handles(KINDS[OTHER_KIND[kind]][0](name))
    with pytest.raises(pywintypes.error) as info:
        handles(create(name))
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_INVALID_HANDLE,
        create_name,
    )


@kinds
def test_open_with_the_name_of_another_type_fails_with_invalid_handle(
    kind: str, handles: Handles
) -> None:
    _, open_, _, open_name = KINDS[kind]
    name = unique_name()
    handles(KINDS[OTHER_KIND[kind]][0](name))
    with pytest.raises(pywintypes.error) as info:
        handles(open_(win32con.SYNCHRONIZE, False, name))
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_INVALID_HANDLE,
        open_name,
    )


@kinds
def test_open_of_a_missing_name_fails_with_file_not_found(kind: str, handles: Handles) -> None:
    _, open_, _, open_name = KINDS[kind]
    with pytest.raises(pywintypes.error) as info:
        handles(open_(win32con.SYNCHRONIZE, False, unique_name()))
    assert (info.value.winerror, info.value.funcname) == (winerror.ERROR_FILE_NOT_FOUND, open_name)


@kinds
def test_names_are_case_sensitive(kind: str, handles: Handles) -> None:
    create, open_, _, _ = KINDS[kind]
    name = unique_name()
    handles(create(name))
    with pytest.raises(pywintypes.error) as info:
        handles(open_(win32con.SYNCHRONIZE, False, name.upper()))
    assert info.value.winerror == winerror.ERROR_FILE_NOT_FOUND


@kinds
def test_closing_the_last_handle_removes_the_name(kind: str, handles: Handles) -> None:
    create, open_, _, _ = KINDS[kind]
    name = unique_name()
    create(name).Close()
    with pytest.raises(pywintypes.error) as info:
        handles(open_(win32con.SYNCHRONIZE, False, name))
    assert info.value.winerror == winerror.ERROR_FILE_NOT_FOUND


@kinds
def test_name_lives_while_any_handle_is_open(kind: str, handles: Handles) -> None:
    create, open_, _, _ = KINDS[kind]
    name = unique_name()
    first = create(name)
    handles(open_(win32con.SYNCHRONIZE, False, name))
    first.Close()
    handles(open_(win32con.SYNCHRONIZE, False, name))
