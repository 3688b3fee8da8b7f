"""Contract: Wine's kernel32 sync tests (dlls/kernel32/tests/sync.c), the checks pywin32 can make.

Facts only; the tests are ours. Each test names the Wine check it pins. What tests elsewhere
already pin (lowest-index rule, wait-all with one object twice, SignalObjectAndWait's codes,
case-sensitive names, temporary names) is not repeated here.
"""

import uuid
from collections.abc import Callable
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import winerror

from ._kernel import OBJECT_0, TIMEOUT, Handles, Spawn
from ._wine import ON_THE_ORACLE, wine_differs

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._kernel import handles as handles
from ._kernel import spawn as spawn

GENERIC_READ = 0x80000000
GENERIC_WRITE = 0x40000000
GENERIC_EXECUTE = 0x20000000
READ_CONTROL = 0x00020000
SYNCHRONIZE = 0x00100000
MAXIMUM_ALLOWED = 0x02000000
ACCESS_SYSTEM_SECURITY = 0x01000000
ERROR_PRIVILEGE_NOT_HELD = 1314


def unique_name() -> str:
    return f"apartment-wine-sync-{uuid.uuid4().hex}"


def raw(handle: Any) -> int:
    """The handle's value as a plain int."""
    return int(handle)


# --- handle values: the two low bits are tag bits the kernel ignores --------------------------


@pytest.mark.parametrize("tag", [1, 2, 3])
def test_a_handle_with_tag_bits_set_waits_on_the_same_object(tag: int, handles: Handles) -> None:
    """sync.c test_WaitForSingleObject: handle|1, |2, |3 name the same object."""
    signaled = handles(win32event.CreateEvent(None, True, True, None))
    nonsignaled = handles(win32event.CreateEvent(None, True, False, None))
    assert win32event.WaitForSingleObject(raw(signaled) | tag, 0) == OBJECT_0
    assert win32event.WaitForSingleObject(raw(nonsignaled) | tag, 0) == TIMEOUT


@pytest.mark.parametrize("tag", [1, 2, 3])
def test_a_handle_with_tag_bits_set_is_the_same_handle_for_set_event(
    tag: int, handles: Handles
) -> None:
    event = handles(win32event.CreateEvent(None, True, False, None))
    win32event.SetEvent(raw(event) | tag)
    assert win32event.WaitForSingleObject(event, 0) == OBJECT_0


@pytest.mark.parametrize("tag", [0, 1, 2, 3])
def test_an_invalid_handle_with_tag_bits_is_still_invalid(tag: int) -> None:
    """sync.c: 0xdeadbee0 with any low bits: WAIT_FAILED, ERROR_INVALID_HANDLE."""
    with pytest.raises(pywintypes.error) as info:
        win32event.WaitForSingleObject(0xDEADBEE0 | tag, 0)
    assert info.value.winerror == winerror.ERROR_INVALID_HANDLE


# --- generic rights map to each type's own rights ----------------------------------------------

CREATE_OPEN: dict[str, tuple[Callable[[str], Any], Callable[..., Any]]] = {
    "mutex": (
        lambda name: win32event.CreateMutex(None, False, name),
        win32event.OpenMutex,
    ),
    "event": (
        lambda name: win32event.CreateEvent(None, True, True, name),
        win32event.OpenEvent,
    ),
    "semaphore": (
        lambda name: win32event.CreateSemaphore(None, 1, 2, name),
        win32event.OpenSemaphore,
    ),
    "timer": (
        lambda name: win32event.CreateWaitableTimer(None, True, name),
        win32event.OpenWaitableTimer,
    ),
}
kinds = pytest.mark.parametrize("kind", sorted(CREATE_OPEN))


def opened(kind: str, access: int, handles: Handles) -> Any:
    """A named object of that kind, opened again with `access`."""
    create, open_ = CREATE_OPEN[kind]
    name = unique_name()
    handles(create(name))
    return handles(open_(access, False, name))


@kinds
def test_generic_execute_includes_synchronize(kind: str, handles: Handles) -> None:
    """sync.c test_mutex: OpenMutex(GENERIC_EXECUTE) can wait."""
    handle = opened(kind, GENERIC_EXECUTE, handles)
    assert win32event.WaitForSingleObject(handle, 0) in (OBJECT_0, TIMEOUT)


@kinds
def test_generic_read_and_write_do_not_include_synchronize(kind: str, handles: Handles) -> None:
    """sync.c test_mutex: a handle opened GENERIC_READ | GENERIC_WRITE cannot wait."""
    handle = opened(kind, GENERIC_READ | GENERIC_WRITE, handles)
    with pytest.raises(pywintypes.error) as info:
        win32event.WaitForSingleObject(handle, 0)
    assert info.value.winerror == winerror.ERROR_ACCESS_DENIED


def test_generic_write_may_set_an_event_and_generic_read_may_not(handles: Handles) -> None:
    name = unique_name()
    handles(win32event.CreateEvent(None, True, False, name))
    writer = handles(win32event.OpenEvent(GENERIC_WRITE, False, name))
    win32event.SetEvent(writer)
    win32event.ResetEvent(writer)
    reader = handles(win32event.OpenEvent(GENERIC_READ, False, name))
    with pytest.raises(pywintypes.error) as info:
        win32event.SetEvent(reader)
    assert info.value.winerror == winerror.ERROR_ACCESS_DENIED


def test_generic_write_may_release_a_semaphore(handles: Handles) -> None:
    name = unique_name()
    handles(win32event.CreateSemaphore(None, 0, 2, name))
    writer = handles(win32event.OpenSemaphore(GENERIC_WRITE, False, name))
    assert win32event.ReleaseSemaphore(writer, 1) == 0


def test_generic_write_may_set_a_timer_and_generic_read_may_not(handles: Handles) -> None:
    name = unique_name()
    handles(win32event.CreateWaitableTimer(None, True, name))
    writer = handles(win32event.OpenWaitableTimer(GENERIC_WRITE, False, name))
    win32event.SetWaitableTimer(writer, 1, 0, None, None, False)
    win32event.CancelWaitableTimer(writer)
    reader = handles(win32event.OpenWaitableTimer(GENERIC_READ, False, name))
    with pytest.raises(pywintypes.error) as info:
        win32event.CancelWaitableTimer(reader)
    assert info.value.winerror == winerror.ERROR_ACCESS_DENIED


def test_maximum_allowed_opens_with_every_right(handles: Handles) -> None:
    handle = opened("event", MAXIMUM_ALLOWED, handles)
    win32event.ResetEvent(handle)
    assert win32event.WaitForSingleObject(handle, 0) == TIMEOUT


# --- ReleaseMutex needs no access right ---------------------------------------------------------


def test_release_mutex_through_a_read_control_handle_releases_it(
    handles: Handles, spawn: Spawn
) -> None:
    """sync.c test_mutex: a handle opened with READ_CONTROL only may release the mutex."""
    name = unique_name()
    mutex = handles(win32event.CreateMutex(None, True, name))
    weak = handles(win32event.OpenMutex(READ_CONTROL, False, name))
    win32event.ReleaseMutex(weak)
    assert spawn(lambda: win32event.WaitForSingleObject(mutex, 0)).join() == OBJECT_0


def test_each_acquisition_through_a_generic_execute_handle_counts(handles: Handles) -> None:
    """sync.c test_mutex: waits through another handle add to the same recursion count."""
    name = unique_name()
    mutex = handles(win32event.CreateMutex(None, False, name))
    other = handles(win32event.OpenMutex(GENERIC_EXECUTE, False, name))
    for _ in range(3):
        assert win32event.WaitForSingleObject(other, 0) == OBJECT_0
    for _ in range(3):
        win32event.ReleaseMutex(mutex)
    with pytest.raises(pywintypes.error) as info:
        win32event.ReleaseMutex(mutex)
    assert info.value.winerror == winerror.ERROR_NOT_OWNER


# --- which rights a new mutex grants --------------------------------------------------------------

# MUTANT_QUERY_STATE, DELETE, READ_CONTROL, WRITE_DAC, WRITE_OWNER, SYNCHRONIZE, MAXIMUM_ALLOWED and
# the four generic rights open; any other bit is a right a mutex does not have.
GRANTED_BITS = [0, 16, 17, 18, 19, 20, 25, 28, 29, 30, 31]
REFUSED_BITS = [*range(1, 16), 21, 22, 23, 26, 27]


@pytest.mark.parametrize("bit", GRANTED_BITS)
def test_open_mutex_with_a_right_it_has_succeeds(bit: int, handles: Handles) -> None:
    opened("mutex", 1 << bit, handles)


@wine_differs("sync.c test_mutex: todo_wine, Wine opens with rights a mutex does not have")
@pytest.mark.parametrize("bit", [1, 2, 15, 21, 27])
def test_open_mutex_with_a_right_it_does_not_have_is_access_denied(
    bit: int, handles: Handles
) -> None:
    with pytest.raises(pywintypes.error) as info:
        opened("mutex", 1 << bit, handles)
    assert info.value.winerror == winerror.ERROR_ACCESS_DENIED


@wine_differs("sync.c test_mutex: todo_wine, Wine grants ACCESS_SYSTEM_SECURITY")
def test_open_mutex_with_access_system_security_needs_the_privilege(handles: Handles) -> None:
    with pytest.raises(pywintypes.error) as info:
        opened("mutex", ACCESS_SYSTEM_SECURITY, handles)
    assert info.value.winerror == ERROR_PRIVILEGE_NOT_HELD


# --- names ----------------------------------------------------------------------------------------


@kinds
def test_create_with_the_name_in_another_case_makes_a_new_object(
    kind: str, handles: Handles
) -> None:
    """sync.c test_event/test_semaphore/...: CreateX("TEST X") after "Test X": error 0."""
    create, _ = CREATE_OPEN[kind]
    name = unique_name()
    handles(create(name))
    assert win32api.GetLastError() == 0
    handles(create(name))
    assert win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS
    handles(create(name.upper()))
    assert win32api.GetLastError() == 0


def test_an_event_and_a_mutex_may_have_names_that_differ_in_case(
    handles: Handles,
) -> None:
    """Names differing in case are different names: an event and a mutex may both have one."""
    name = unique_name()
    handles(win32event.CreateEvent(None, False, False, name))
    handles(win32event.CreateMutex(None, False, name.upper()))
    assert win32api.GetLastError() == 0


# --- SignalObjectAndWait ------------------------------------------------------------------------


SOAW_XFAIL = pytest.mark.xfail(
    ON_THE_ORACLE,
    reason="pywin32 SignalObjectAndWait is declared BOOLAPI (semantics.md §10 #21): it raises "
    "on WAIT_OBJECT_0 and returns None on WAIT_FAILED; apartment returns the wait code or raises",
    strict=True,
)


@SOAW_XFAIL
def test_signal_object_and_wait_on_one_auto_event_many_times(handles: Handles) -> None:
    """sync.c test_signalandwait: 10000 rounds; each signals then takes the same event."""
    event = handles(win32event.CreateEvent(None, False, False, None))
    for _ in range(200):
        win32event.SignalObjectAndWait(event, event, 0, False)
    assert win32event.WaitForSingleObject(event, 0) == TIMEOUT


@SOAW_XFAIL
def test_signal_object_and_wait_with_a_file_is_invalid_handle(tmp_path: Any) -> None:
    """sync.c test_signalandwait: a file cannot be signaled."""
    import win32file

    path = str(tmp_path / "x")
    file = win32file.CreateFile(
        path, GENERIC_READ | GENERIC_WRITE, 0, None, win32con.CREATE_ALWAYS, 0, None
    )
    try:
        with pytest.raises(pywintypes.error) as info:
            win32event.SignalObjectAndWait(file, file, 0, False)
        assert info.value.winerror == winerror.ERROR_INVALID_HANDLE
    finally:
        file.Close()


@pytest.mark.parametrize("tag", [1, 2, 3])
def test_a_handle_with_tag_bits_in_a_multiple_wait(tag: int, handles: Handles) -> None:
    events = [handles(win32event.CreateEvent(None, True, False, None)) for _ in range(2)]
    win32event.SetEvent(events[1])
    waited = [raw(events[0]) | tag, raw(events[1]) | tag]
    assert win32event.WaitForMultipleObjects(waited, False, 0) == OBJECT_0 + 1


def test_close_handle_ignores_the_tag_bits() -> None:
    value = win32event.CreateEvent(None, True, False, None).Detach()
    win32api.CloseHandle(value | 3)
    with pytest.raises(pywintypes.error) as info:
        win32event.WaitForSingleObject(value, 0)
    assert info.value.winerror == winerror.ERROR_INVALID_HANDLE


@pytest.mark.parametrize("kind", ["event", "semaphore", "timer"])
def test_the_modify_state_right_opens_an_event_semaphore_or_timer(
    kind: str, handles: Handles
) -> None:
    opened(kind, 0x0002, handles)


@wine_differs("sync.c test_mutex's todo_wine, for the other kinds: Wine grants any right")
@pytest.mark.parametrize("kind", ["event", "semaphore", "timer"])
@pytest.mark.parametrize("bit", [2, 15, 21])
def test_a_right_the_kind_does_not_have_is_access_denied(
    kind: str, bit: int, handles: Handles
) -> None:
    with pytest.raises(pywintypes.error) as info:
        opened(kind, 1 << bit, handles)
    assert info.value.winerror == winerror.ERROR_ACCESS_DENIED
