"""Contract: mutex objects, ownership, recursion and abandonment (semantics.md §3.1, §4.2)."""

import sys
import uuid
from collections.abc import Callable
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import winerror

from ._kernel import JOIN_MS, OBJECT_0, TIMEOUT, Handles, Spawn

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._kernel import handles as handles
from ._kernel import spawn as spawn

ABANDONED_0 = win32event.WAIT_ABANDONED_0


def in_thread(spawn: Spawn, body: Callable[[], Any]) -> Any:
    """Run body() on another thread to its end and return its result."""
    return spawn(body).join()


def try_take(mutex: Any) -> int:
    """From the calling thread: a 0 ms wait; a mutex so taken is released again."""
    result: int = win32event.WaitForSingleObject(mutex, 0)
    if result in (OBJECT_0, ABANDONED_0):
        win32event.ReleaseMutex(mutex)
    return result


def abandon(spawn: Spawn, mutex: Any, times: int = 1) -> None:
    """Let another thread take the mutex `times` times and end without releasing it."""

    def body() -> None:
        for _ in range(times):
            assert win32event.WaitForSingleObject(mutex, JOIN_MS) in (OBJECT_0, ABANDONED_0)

    in_thread(spawn, body)


def release_error(mutex: Any) -> tuple[int, str]:
    with pytest.raises(pywintypes.error) as info:
        win32event.ReleaseMutex(mutex)
    return info.value.winerror, info.value.funcname


NOT_OWNER = (winerror.ERROR_NOT_OWNER, "ReleaseMutex")


def test_unowned_mutex_is_signaled_and_can_be_taken(handles: Handles) -> None:
    mutex = handles(win32event.CreateMutex(None, False, None))
    assert win32event.WaitForSingleObject(mutex, 0) == OBJECT_0
    assert win32event.ReleaseMutex(mutex) is None


def test_release_of_an_unowned_mutex_fails_with_not_owner(handles: Handles) -> None:
    mutex = handles(win32event.CreateMutex(None, False, None))
    assert release_error(mutex) == NOT_OWNER


def test_initial_owner_owns_the_new_mutex_once(handles: Handles) -> None:
    mutex = handles(win32event.CreateMutex(None, True, None))
    win32event.ReleaseMutex(mutex)
    assert release_error(mutex) == NOT_OWNER


def test_mutex_owned_by_another_thread_is_not_signaled(handles: Handles, spawn: Spawn) -> None:
    mutex = handles(win32event.CreateMutex(None, True, None))
    assert in_thread(spawn, lambda: try_take(mutex)) == TIMEOUT
    win32event.ReleaseMutex(mutex)
    assert in_thread(spawn, lambda: try_take(mutex)) == OBJECT_0


@pytest.mark.parametrize("depth", [2, 5, 32])
def test_recursive_acquisition_needs_as_many_releases(handles: Handles, depth: int) -> None:
    mutex = handles(win32event.CreateMutex(None, False, None))
    assert [win32event.WaitForSingleObject(mutex, 0) for _ in range(depth)] == [OBJECT_0] * depth
    for _ in range(depth):
        win32event.ReleaseMutex(mutex)
    assert release_error(mutex) == NOT_OWNER


def test_recursively_owned_mutex_stays_owned_until_the_last_release(
    handles: Handles, spawn: Spawn
) -> None:
    mutex = handles(win32event.CreateMutex(None, True, None))
    assert win32event.WaitForSingleObject(mutex, 0) == OBJECT_0
    win32event.ReleaseMutex(mutex)
    assert in_thread(spawn, lambda: try_take(mutex)) == TIMEOUT
    win32event.ReleaseMutex(mutex)
    assert in_thread(spawn, lambda: try_take(mutex)) == OBJECT_0


def test_release_mutex_by_non_owner_fails_with_not_owner(handles: Handles, spawn: Spawn) -> None:
    mutex = handles(win32event.CreateMutex(None, True, None))
    assert in_thread(spawn, lambda: release_error(mutex)) == NOT_OWNER
    win32event.ReleaseMutex(mutex)  # the owner still owns it


def test_mutex_released_by_its_owner_can_be_taken_by_a_waiting_thread(
    handles: Handles, spawn: Spawn
) -> None:
    mutex = handles(win32event.CreateMutex(None, True, None))

    def body() -> int:
        result: int = win32event.WaitForSingleObject(mutex, JOIN_MS)
        win32event.ReleaseMutex(mutex)
        return result

    waiter = spawn(body)
    win32event.ReleaseMutex(mutex)
    assert waiter.join() == OBJECT_0


def test_wait_on_abandoned_mutex_returns_wait_abandoned_then_wait_object_0(
    handles: Handles, spawn: Spawn
) -> None:
    mutex = handles(win32event.CreateMutex(None, False, None))
    abandon(spawn, mutex)
    assert win32event.WaitForSingleObject(mutex, JOIN_MS) == win32event.WAIT_ABANDONED
    win32event.ReleaseMutex(mutex)
    assert win32event.WaitForSingleObject(mutex, 0) == OBJECT_0
    win32event.ReleaseMutex(mutex)


def test_abandoned_mutex_is_owned_by_the_new_waiter_with_a_fresh_count(
    handles: Handles, spawn: Spawn
) -> None:
    mutex = handles(win32event.CreateMutex(None, False, None))
    abandon(spawn, mutex, times=3)
    assert win32event.WaitForSingleObject(mutex, JOIN_MS) == win32event.WAIT_ABANDONED
    assert in_thread(spawn, lambda: try_take(mutex)) == TIMEOUT  # owned by us now
    win32event.ReleaseMutex(mutex)
    assert release_error(mutex) == NOT_OWNER


def test_mutex_created_owned_is_abandoned_when_its_creator_thread_ends(
    handles: Handles, spawn: Spawn
) -> None:
    mutex = handles(in_thread(spawn, lambda: win32event.CreateMutex(None, True, None)))
    assert win32event.WaitForSingleObject(mutex, JOIN_MS) == win32event.WAIT_ABANDONED
    win32event.ReleaseMutex(mutex)


def test_waiter_blocked_when_the_owner_ends_gets_wait_abandoned(
    handles: Handles, spawn: Spawn
) -> None:
    mutex = handles(win32event.CreateMutex(None, False, None))
    held = handles(win32event.CreateEvent(None, True, False, None))
    finish = handles(win32event.CreateEvent(None, True, False, None))

    def owner() -> None:
        assert win32event.WaitForSingleObject(mutex, JOIN_MS) == OBJECT_0
        win32event.SetEvent(held)
        win32event.WaitForSingleObject(finish, JOIN_MS)

    worker = spawn(owner)
    assert win32event.WaitForSingleObject(held, JOIN_MS) == OBJECT_0
    win32event.SetEvent(finish)
    assert win32event.WaitForSingleObject(mutex, JOIN_MS) == win32event.WAIT_ABANDONED
    win32event.ReleaseMutex(mutex)
    worker.join()


def test_wait_any_reports_an_abandoned_mutex_as_wait_abandoned_0_plus_index(
    handles: Handles, spawn: Spawn
) -> None:
    event = handles(win32event.CreateEvent(None, True, False, None))
    mutex = handles(win32event.CreateMutex(None, False, None))
    abandon(spawn, mutex)
    assert win32event.WaitForMultipleObjects([event, mutex], False, JOIN_MS) == ABANDONED_0 + 1
    assert win32event.WaitForMultipleObjects([event, mutex], False, 0) == OBJECT_0 + 1
    win32event.ReleaseMutex(mutex)
    win32event.ReleaseMutex(mutex)


def test_wait_all_with_an_abandoned_mutex_returns_wait_abandoned_0(
    handles: Handles, spawn: Spawn
) -> None:
    event = handles(win32event.CreateEvent(None, True, True, None))
    mutex = handles(win32event.CreateMutex(None, False, None))
    abandon(spawn, mutex)
    assert win32event.WaitForMultipleObjects([event, mutex], True, JOIN_MS) == ABANDONED_0
    win32event.ReleaseMutex(mutex)


def test_create_mutex_of_an_existing_name_does_not_take_ownership(
    handles: Handles, spawn: Spawn
) -> None:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    handles(win32event.CreateMutex(None, False, name))

    def body() -> tuple[int, tuple[int, str]]:
        second = win32event.CreateMutex(None, True, name)
        try:
            last_error = win32api.GetLastError()
            return last_error, release_error(second)
        finally:
            second.Close()

    assert in_thread(spawn, body) == (winerror.ERROR_ALREADY_EXISTS, NOT_OWNER)


def test_open_mutex_gives_a_handle_to_the_same_mutex(handles: Handles, spawn: Spawn) -> None:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    mutex = handles(win32event.CreateMutex(None, True, name))
    opened = handles(win32event.OpenMutex(win32con.SYNCHRONIZE, False, name))
    assert in_thread(spawn, lambda: try_take(opened)) == TIMEOUT
    win32event.ReleaseMutex(mutex)
    assert in_thread(spawn, lambda: try_take(opened)) == OBJECT_0


@pytest.mark.xfail(
    sys.platform == "win32",
    reason="Wine differs from Windows here: OpenMutex with access 0 is denied "
    "(semantics.md §2.1, Wine sync.c test_mutex todo_wine)",
    strict=True,
)
def test_open_mutex_with_no_access_fails_with_access_denied(handles: Handles) -> None:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    handles(win32event.CreateMutex(None, False, name))
    with pytest.raises(pywintypes.error) as info:
        handles(win32event.OpenMutex(0, False, name))
    assert (info.value.winerror, info.value.funcname) == (winerror.ERROR_ACCESS_DENIED, "OpenMutex")


def test_release_mutex_on_an_event_fails_with_invalid_handle(handles: Handles) -> None:
    event = handles(win32event.CreateEvent(None, True, True, None))
    assert release_error(event) == (winerror.ERROR_INVALID_HANDLE, "ReleaseMutex")


def test_release_mutex_on_a_closed_handle_fails_with_invalid_handle() -> None:
    value = win32event.CreateMutex(None, True, None).Detach()
    win32api.CloseHandle(value)
    assert release_error(value) == (winerror.ERROR_INVALID_HANDLE, "ReleaseMutex")
