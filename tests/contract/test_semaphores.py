"""Contract: semaphore objects (semantics.md §3.1, §4.3)."""

import sys
import uuid
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


def count(semaphore: Any) -> int:
    """The current count, measured by draining the semaphore with 0 ms waits (it ends at 0)."""
    taken = 0
    while win32event.WaitForSingleObject(semaphore, 0) == OBJECT_0:
        taken += 1
    return taken


def release_error(semaphore: Any, n: int) -> tuple[int, str]:
    with pytest.raises(pywintypes.error) as info:
        win32event.ReleaseSemaphore(semaphore, n)
    return info.value.winerror, info.value.funcname


@pytest.mark.parametrize(("initial", "maximum"), [(0, 1), (1, 1), (3, 5)])
def test_create_semaphore_starts_with_the_initial_count(
    handles: Handles, initial: int, maximum: int
) -> None:
    semaphore = handles(win32event.CreateSemaphore(None, initial, maximum, None))
    assert count(semaphore) == initial


def test_semaphore_with_count_zero_is_not_signaled(handles: Handles) -> None:
    semaphore = handles(win32event.CreateSemaphore(None, 0, 1, None))
    assert win32event.WaitForSingleObject(semaphore, 0) == TIMEOUT


def test_each_satisfied_wait_takes_one_unit(handles: Handles) -> None:
    semaphore = handles(win32event.CreateSemaphore(None, 2, 2, None))
    assert win32event.WaitForSingleObject(semaphore, 0) == OBJECT_0
    assert win32event.WaitForSingleObject(semaphore, 0) == OBJECT_0
    assert win32event.WaitForSingleObject(semaphore, 0) == TIMEOUT


def test_release_semaphore_returns_the_previous_count(handles: Handles) -> None:
    semaphore = handles(win32event.CreateSemaphore(None, 1, 10, None))
    assert win32event.ReleaseSemaphore(semaphore, 1) == 1
    assert win32event.ReleaseSemaphore(semaphore, 3) == 2
    assert win32event.ReleaseSemaphore(semaphore, 5) == 5
    assert count(semaphore) == 10


def test_release_semaphore_up_to_the_maximum_succeeds(handles: Handles) -> None:
    semaphore = handles(win32event.CreateSemaphore(None, 0, 3, None))
    assert win32event.ReleaseSemaphore(semaphore, 3) == 0
    assert count(semaphore) == 3


@pytest.mark.parametrize(
    ("initial", "n"), [(3, 1), (2, 2), (0, 4)], ids=["at-maximum", "partly", "from-zero"]
)
def test_release_semaphore_past_the_maximum_fails_with_too_many_posts_and_keeps_the_count(
    handles: Handles, initial: int, n: int
) -> None:
    semaphore = handles(win32event.CreateSemaphore(None, initial, 3, None))
    assert release_error(semaphore, n) == (winerror.ERROR_TOO_MANY_POSTS, "ReleaseSemaphore")
    assert count(semaphore) == initial


@pytest.mark.xfail(
    sys.platform == "win32",
    reason="Wine differs from Windows here: ReleaseSemaphore with count 0 is an invalid "
    "parameter (semantics.md §4.3)",
    strict=True,
)
def test_release_semaphore_of_zero_fails_with_invalid_parameter(handles: Handles) -> None:
    semaphore = handles(win32event.CreateSemaphore(None, 1, 3, None))
    assert release_error(semaphore, 0) == (winerror.ERROR_INVALID_PARAMETER, "ReleaseSemaphore")
    assert count(semaphore) == 1


@pytest.mark.parametrize(
    ("initial", "maximum"),
    [(2, 1), (0, 0), (-1, 1), (0, -1)],
    ids=["initial-above-maximum", "maximum-zero", "negative-initial", "negative-maximum"],
)
def test_create_semaphore_with_bad_counts_fails_with_invalid_parameter(
    initial: int, maximum: int
) -> None:
    with pytest.raises(pywintypes.error) as info:
        win32event.CreateSemaphore(None, initial, maximum, None)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_INVALID_PARAMETER,
        "CreateSemaphore",
    )


def test_release_semaphore_wakes_as_many_waiters_as_units(handles: Handles, spawn: Spawn) -> None:
    semaphore = handles(win32event.CreateSemaphore(None, 0, 5, None))
    waiters = [spawn(lambda: win32event.WaitForSingleObject(semaphore, JOIN_MS)) for _ in range(3)]
    assert win32event.ReleaseSemaphore(semaphore, 3) == 0
    assert [w.join() for w in waiters] == [OBJECT_0] * 3
    assert count(semaphore) == 0


def test_create_semaphore_of_an_existing_name_ignores_the_counts(handles: Handles) -> None:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    first = handles(win32event.CreateSemaphore(None, 1, 2, name))
    second = handles(win32event.CreateSemaphore(None, 5, 10, name))
    assert win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS
    assert release_error(second, 2) == (winerror.ERROR_TOO_MANY_POSTS, "ReleaseSemaphore")
    assert win32event.ReleaseSemaphore(second, 1) == 1
    assert count(first) == 2


def test_open_semaphore_gives_a_handle_to_the_same_semaphore(handles: Handles) -> None:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    semaphore = handles(win32event.CreateSemaphore(None, 0, 2, name))
    opened = handles(
        win32event.OpenSemaphore(
            win32con.SYNCHRONIZE | win32con.SEMAPHORE_MODIFY_STATE, False, name
        )
    )
    assert win32event.ReleaseSemaphore(opened, 1) == 0
    assert count(semaphore) == 1


def test_release_semaphore_needs_modify_state_access(handles: Handles) -> None:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    handles(win32event.CreateSemaphore(None, 0, 2, name))
    sync_only = handles(win32event.OpenSemaphore(win32con.SYNCHRONIZE, False, name))
    assert release_error(sync_only, 1) == (winerror.ERROR_ACCESS_DENIED, "ReleaseSemaphore")


def test_release_semaphore_on_a_mutex_fails_with_invalid_handle(handles: Handles) -> None:
    mutex = handles(win32event.CreateMutex(None, False, None))
    assert release_error(mutex, 1) == (winerror.ERROR_INVALID_HANDLE, "ReleaseSemaphore")


def test_release_semaphore_on_a_closed_handle_fails_with_invalid_handle() -> None:
    value = win32event.CreateSemaphore(None, 0, 1, None).Detach()
    win32api.CloseHandle(value)
    assert release_error(value, 1) == (winerror.ERROR_INVALID_HANDLE, "ReleaseSemaphore")
