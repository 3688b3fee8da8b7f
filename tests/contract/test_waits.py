"""Contract: WaitForSingleObject(Ex), WaitForMultipleObjects(Ex), SignalObjectAndWait.

semantics.md §3.1-§3.4, §10 #3, #5, #21.
"""

import sys
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import winerror

from ._kernel import JOIN_MS, OBJECT_0, TIMEOUT, Worker, wait0

LONG_AGO = 1  # absolute timer due time long past: the timer is signaled at once

KINDS = ["event", "mutex", "semaphore", "timer", "thread"]
ACQUIRABLE = ["event", "mutex", "semaphore", "timer"]  # a satisfied wait changes their state

SOAW_XFAIL = pytest.mark.xfail(
    sys.platform == "win32",
    reason="pywin32 SignalObjectAndWait is declared BOOLAPI (semantics.md §10 #21); "
    "apartment returns the wait code",
    strict=True,
)


class Objects:
    """Makes waitable objects in a known state; closes, releases and joins them at the end."""

    def __init__(self) -> None:
        self._cleanups: list[Callable[[], None]] = []

    def keep(self, handle: Any) -> Any:
        self._cleanups.append(lambda: win32api.CloseHandle(handle))
        return handle

    def event(self, manual: bool = False, initial: bool = False) -> Any:
        return self.keep(win32event.CreateEvent(None, manual, initial, None))

    def thread(self, body: Callable[[], Any]) -> Worker:
        """A Worker whose handle stays open after join(), until the test ends."""
        worker = Worker(body, keep_handle=True)

        def end() -> None:
            if worker.handle:  # a test may have detached and closed it
                win32event.WaitForSingleObject(worker.handle, JOIN_MS)
                worker.handle.Close()

        self._cleanups.append(end)
        return worker

    def in_thread(self, body: Callable[[], Any]) -> Any:
        """Run body() on another thread to its end and return its result."""
        return self.thread(body).join()

    def signaled(self, kind: str) -> Any:
        """An object of that kind that a wait can take now (auto-reset where there is a choice)."""
        if kind == "event":
            return self.event(initial=True)
        if kind == "mutex":
            return self.keep(win32event.CreateMutex(None, False, None))
        if kind == "semaphore":
            return self.keep(win32event.CreateSemaphore(None, 1, 2, None))
        if kind == "timer":
            timer = self.keep(win32event.CreateWaitableTimer(None, False, None))
            win32event.SetWaitableTimer(timer, LONG_AGO, 0, None, None, False)
            return timer
        worker = self.thread(lambda: None)
        worker.join()
        return worker.handle

    def unsignaled(self, kind: str) -> Any:
        """An object of that kind that no wait can take until the test ends."""
        if kind == "event":
            return self.event()
        if kind == "semaphore":
            return self.keep(win32event.CreateSemaphore(None, 0, 1, None))
        if kind == "timer":
            return self.keep(win32event.CreateWaitableTimer(None, False, None))
        finish = self.event(manual=True)
        if kind == "thread":
            worker = self.thread(lambda: win32event.WaitForSingleObject(finish, JOIN_MS))
            self._cleanups.append(lambda: win32event.SetEvent(finish))
            return worker.handle
        mutex = self.keep(win32event.CreateMutex(None, False, None))
        held = self.event(manual=True)

        def hold() -> None:
            assert win32event.WaitForSingleObject(mutex, JOIN_MS) == OBJECT_0
            win32event.SetEvent(held)
            win32event.WaitForSingleObject(finish, JOIN_MS)
            win32event.ReleaseMutex(mutex)

        self.thread(hold)
        self._cleanups.append(lambda: win32event.SetEvent(finish))
        assert win32event.WaitForSingleObject(held, JOIN_MS) == OBJECT_0
        return mutex

    def closed_value(self) -> int:
        value: int = win32event.CreateEvent(None, True, True, None).Detach()
        win32api.CloseHandle(value)
        return value

    def cleanup(self) -> None:
        for step in reversed(self._cleanups):
            step()


@pytest.fixture
def objects() -> Iterator[Objects]:
    made = Objects()
    yield made
    made.cleanup()


def can_take(objects: Objects, kind: str, handle: Any) -> bool:
    """From another thread: can a 0 ms wait take the object? (A mutex so taken is released.)"""

    def body() -> bool:
        taken: bool = wait0(handle) == OBJECT_0
        if taken and kind == "mutex":
            win32event.ReleaseMutex(handle)
        return taken

    result: bool = objects.in_thread(body)
    return result


def error_of(call: Callable[[], Any]) -> tuple[int, str]:
    with pytest.raises(pywintypes.error) as info:
        call()
    return info.value.winerror, info.value.funcname


kinds = pytest.mark.parametrize("kind", KINDS)
acquirable = pytest.mark.parametrize("kind", ACQUIRABLE)


# --- WaitForSingleObject(Ex) -------------------------------------------------------------


@kinds
def test_wait_on_a_signaled_object_returns_wait_object_0(objects: Objects, kind: str) -> None:
    assert wait0(objects.signaled(kind)) == OBJECT_0


@kinds
def test_wait_on_a_nonsignaled_object_times_out(objects: Objects, kind: str) -> None:
    handle = objects.unsignaled(kind)
    assert wait0(handle) == TIMEOUT
    assert win32event.WaitForSingleObject(handle, 20) == TIMEOUT


@kinds
def test_wait_on_a_closed_handle_fails_with_invalid_handle(objects: Objects, kind: str) -> None:
    value = objects.signaled(kind).Detach()
    win32api.CloseHandle(value)
    assert error_of(lambda: wait0(value)) == (winerror.ERROR_INVALID_HANDLE, "WaitForSingleObject")


NO_SYNCHRONIZE = {
    "event": (win32event.CreateEvent, (True, True), win32event.OpenEvent, 2),
    "mutex": (win32event.CreateMutex, (False,), win32event.OpenMutex, 1),
    "semaphore": (win32event.CreateSemaphore, (1, 1), win32event.OpenSemaphore, 2),
    "timer": (win32event.CreateWaitableTimer, (True,), win32event.OpenWaitableTimer, 2),
}


@pytest.mark.parametrize("kind", list(NO_SYNCHRONIZE))
def test_wait_on_a_handle_opened_without_synchronize_fails_with_access_denied(
    objects: Objects, kind: str
) -> None:
    create, args, open_, access = NO_SYNCHRONIZE[kind]
    name = f"apartment-contract-{uuid.uuid4().hex}"
    objects.keep(create(None, *args, name))
    opened = objects.keep(open_(access, False, name))
    assert error_of(lambda: wait0(opened)) == (winerror.ERROR_ACCESS_DENIED, "WaitForSingleObject")


def test_wait_on_a_thread_opened_without_synchronize_fails_with_access_denied(
    objects: Objects,
) -> None:
    tid = win32api.GetCurrentThreadId()
    opened = objects.keep(win32api.OpenThread(win32con.THREAD_QUERY_INFORMATION, False, tid))
    assert error_of(lambda: wait0(opened)) == (winerror.ERROR_ACCESS_DENIED, "WaitForSingleObject")


@pytest.mark.parametrize("infinite", [win32event.INFINITE, 0xFFFFFFFF], ids=["-1", "0xFFFFFFFF"])
def test_infinite_wait_on_a_signaled_object_returns_at_once(
    objects: Objects, infinite: int
) -> None:
    assert win32event.WaitForSingleObject(objects.event(initial=True), infinite) == OBJECT_0


def test_infinite_wait_returns_when_another_thread_signals(objects: Objects) -> None:
    event = objects.event()
    waiter = objects.thread(lambda: win32event.WaitForSingleObject(event, win32event.INFINITE))
    win32event.SetEvent(event)
    assert waiter.join() == OBJECT_0


@pytest.mark.parametrize("pseudo", [-1, -2], ids=["process", "thread"])
def test_wait_on_a_pseudo_handle_is_allowed_and_times_out(pseudo: int) -> None:
    assert wait0(pseudo) == TIMEOUT


def test_alertable_wait_ex_without_apcs_returns_the_usual_codes(objects: Objects) -> None:
    assert win32event.WaitForSingleObjectEx(objects.event(initial=True), 0, True) == OBJECT_0
    assert win32event.WaitForSingleObjectEx(objects.event(), 20, True) == TIMEOUT
    assert win32event.WaitForSingleObjectEx(objects.event(initial=True), 0, False) == OBJECT_0


# --- WaitForMultipleObjects(Ex): wait-any ---------------------------------------------------


@kinds
def test_wait_any_returns_the_lowest_signaled_index(objects: Objects, kind: str) -> None:
    handles = [objects.event(), objects.signaled(kind), objects.event(initial=True)]
    assert win32event.WaitForMultipleObjects(handles, False, 0) == OBJECT_0 + 1


def test_wait_any_acquires_only_the_reported_object(objects: Objects) -> None:
    event = objects.event(initial=True)
    semaphore = objects.signaled("semaphore")
    mutex = objects.signaled("mutex")
    assert win32event.WaitForMultipleObjects([event, semaphore, mutex], False, 0) == OBJECT_0
    assert wait0(event) == TIMEOUT
    assert can_take(objects, "semaphore", semaphore)
    assert can_take(objects, "mutex", mutex)


@pytest.mark.parametrize("ms", [0, 20])
def test_wait_any_with_nothing_signaled_times_out(objects: Objects, ms: int) -> None:
    handles = [objects.unsignaled(kind) for kind in KINDS]
    assert win32event.WaitForMultipleObjects(handles, False, ms) == TIMEOUT


def test_wait_any_accepts_the_same_handle_twice(objects: Objects) -> None:
    event = objects.event(initial=True)
    assert win32event.WaitForMultipleObjects([objects.event(), event, event], False, 0) == 1


def test_wait_any_accepts_two_handles_to_one_object(objects: Objects) -> None:
    event = objects.event(initial=True)
    copy = objects.keep(win32api.DuplicateHandle(-1, event, -1, 0, False, 2))
    assert win32event.WaitForMultipleObjects([copy, event], False, 0) == OBJECT_0
    assert wait0(event) == TIMEOUT


def test_wait_any_is_released_when_a_thread_ends(objects: Objects) -> None:
    finish = objects.event(manual=True)
    worker = objects.thread(lambda: win32event.WaitForSingleObject(finish, JOIN_MS))
    handles = [objects.event(), worker.handle]
    assert win32event.WaitForMultipleObjects(handles, False, 0) == TIMEOUT
    win32event.SetEvent(finish)
    assert win32event.WaitForMultipleObjects(handles, False, JOIN_MS) == OBJECT_0 + 1


# --- WaitForMultipleObjects(Ex): wait-all ---------------------------------------------------


@kinds
def test_wait_all_returns_wait_object_0_when_all_are_signaled(objects: Objects, kind: str) -> None:
    handles = [objects.event(manual=True, initial=True), objects.signaled(kind)]
    assert win32event.WaitForMultipleObjects(handles, True, 0) == OBJECT_0


def test_wait_all_acquires_every_object(objects: Objects) -> None:
    handles = {kind: objects.signaled(kind) for kind in ACQUIRABLE}
    assert win32event.WaitForMultipleObjects(list(handles.values()), True, 0) == OBJECT_0
    assert {kind: can_take(objects, kind, h) for kind, h in handles.items()} == {
        "event": False,
        "mutex": False,  # owned by this thread now
        "semaphore": False,
        "timer": False,
    }
    win32event.ReleaseMutex(handles["mutex"])


@acquirable
def test_timed_out_wait_all_acquires_nothing(objects: Objects, kind: str) -> None:
    ready = objects.signaled(kind)
    handles = [objects.event(manual=True), ready]
    assert win32event.WaitForMultipleObjects(handles, True, 0) == TIMEOUT
    assert win32event.WaitForMultipleObjects(handles, True, 20) == TIMEOUT
    assert can_take(objects, kind, ready)


def test_pending_wait_all_does_not_hold_the_ready_objects(objects: Objects) -> None:
    gate = objects.event(manual=True)
    semaphore = objects.signaled("semaphore")
    waiter = objects.thread(
        lambda: win32event.WaitForMultipleObjects([gate, semaphore], True, JOIN_MS)
    )
    assert wait0(semaphore) == OBJECT_0  # free to take while the other thread waits for all
    win32event.ReleaseSemaphore(semaphore, 1)
    win32event.SetEvent(gate)
    assert waiter.join() == OBJECT_0
    assert wait0(semaphore) == TIMEOUT  # the wait-all took it


def test_wait_all_returns_once_the_last_object_is_signaled(objects: Objects) -> None:
    first, second = objects.event(), objects.event()
    waiter = objects.thread(
        lambda: win32event.WaitForMultipleObjects([first, second], True, JOIN_MS)
    )
    win32event.SetEvent(first)
    win32event.SetEvent(second)
    assert waiter.join() == OBJECT_0
    assert [wait0(first), wait0(second)] == [TIMEOUT, TIMEOUT]


def test_wait_all_of_64_objects_is_allowed(objects: Objects) -> None:
    handles = [objects.event(manual=True, initial=True) for _ in range(64)]
    assert win32event.WaitForMultipleObjects(handles, True, 0) == OBJECT_0


@pytest.mark.xfail(
    sys.platform == "win32",
    reason="Wine differs from Windows here: wait-all with one handle twice is an invalid "
    "parameter (semantics.md §3.3, §10 #3)",
    strict=True,
)
def test_wait_all_with_the_same_handle_twice_fails_with_invalid_parameter(
    objects: Objects,
) -> None:
    event = objects.event(manual=True, initial=True)
    assert error_of(lambda: win32event.WaitForMultipleObjects([event, event], True, 0)) == (
        winerror.ERROR_INVALID_PARAMETER,
        "WaitForMultipleObjects",
    )


@pytest.mark.xfail(
    sys.platform == "win32",
    reason="Wine differs from Windows here: wait-all with two handles to one object is an "
    "invalid parameter (semantics.md §3.3, §10 #3)",
    strict=True,
)
def test_wait_all_with_two_handles_to_one_object_fails_with_invalid_parameter(
    objects: Objects,
) -> None:
    event = objects.event(manual=True, initial=True)
    copy = objects.keep(win32api.DuplicateHandle(-1, event, -1, 0, False, 2))
    assert error_of(lambda: win32event.WaitForMultipleObjects([event, copy], True, 0)) == (
        winerror.ERROR_INVALID_PARAMETER,
        "WaitForMultipleObjects",
    )


# --- WaitForMultipleObjects(Ex): argument errors ----------------------------------------

wait_any_and_all = pytest.mark.parametrize("wait_all", [False, True], ids=["any", "all"])


@wait_any_and_all
def test_wait_with_an_empty_handle_list_fails_with_invalid_parameter(wait_all: bool) -> None:
    assert error_of(lambda: win32event.WaitForMultipleObjects([], wait_all, 0)) == (
        winerror.ERROR_INVALID_PARAMETER,
        "WaitForMultipleObjects",
    )


@wait_any_and_all
def test_wait_with_65_handles_fails_with_invalid_parameter(
    objects: Objects, wait_all: bool
) -> None:
    handles = [objects.event(manual=True, initial=True) for _ in range(65)]
    assert error_of(lambda: win32event.WaitForMultipleObjects(handles, wait_all, 0)) == (
        winerror.ERROR_INVALID_PARAMETER,
        "WaitForMultipleObjects",
    )


@wait_any_and_all
def test_wait_with_a_closed_handle_fails_with_invalid_handle_and_takes_nothing(
    objects: Objects, wait_all: bool
) -> None:
    semaphore = objects.signaled("semaphore")
    handles = [semaphore, objects.closed_value()]
    assert error_of(lambda: win32event.WaitForMultipleObjects(handles, wait_all, 0)) == (
        winerror.ERROR_INVALID_HANDLE,
        "WaitForMultipleObjects",
    )
    assert wait0(semaphore) == OBJECT_0


@pytest.mark.xfail(
    sys.platform == "win32",
    reason="Wine differs from Windows here: pseudo handles are invalid in "
    "WaitForMultipleObjects (semantics.md §3.3, §10 #5)",
    strict=True,
)
@pytest.mark.parametrize("pseudo", [-1, -2], ids=["process", "thread"])
def test_wait_any_with_a_pseudo_handle_fails_with_invalid_handle(
    objects: Objects, pseudo: int
) -> None:
    handles = [objects.event(manual=True, initial=True), pseudo]
    assert error_of(lambda: win32event.WaitForMultipleObjects(handles, False, 0)) == (
        winerror.ERROR_INVALID_HANDLE,
        "WaitForMultipleObjects",
    )


def test_handle_list_may_be_a_tuple_mixing_ints_and_pyhandles(objects: Objects) -> None:
    handles = (int(objects.event()), objects.event(initial=True))
    assert win32event.WaitForMultipleObjects(handles, False, 0) == OBJECT_0 + 1


@pytest.mark.parametrize("handles", [["not a handle"], 5], ids=["str-item", "not-a-sequence"])
def test_handle_list_of_non_handles_raises_type_error(handles: Any) -> None:
    with pytest.raises(TypeError):
        win32event.WaitForMultipleObjects(handles, False, 0)


def test_wait_for_multiple_objects_ex_follows_the_same_rules(objects: Objects) -> None:
    handles = [objects.event(manual=True, initial=initial) for initial in (False, True, True)]
    assert win32event.WaitForMultipleObjectsEx(handles, False, 0, True) == OBJECT_0 + 1
    assert win32event.WaitForMultipleObjectsEx(handles, True, 20, True) == TIMEOUT
    win32event.SetEvent(handles[0])
    assert win32event.WaitForMultipleObjectsEx(handles, True, 0, False) == OBJECT_0
    assert error_of(lambda: win32event.WaitForMultipleObjectsEx([], False, 0, True)) == (
        winerror.ERROR_INVALID_PARAMETER,
        "WaitForMultipleObjectsEx",
    )


# --- SignalObjectAndWait -----------------------------------------------------------------


@SOAW_XFAIL
def test_signal_object_and_wait_returns_wait_object_0_and_takes_the_object(
    objects: Objects,
) -> None:
    event = objects.event()
    mutex = objects.signaled("mutex")
    assert win32event.SignalObjectAndWait(event, mutex, 0, False) == OBJECT_0
    assert wait0(event) == OBJECT_0
    assert not can_take(objects, "mutex", mutex)
    win32event.ReleaseMutex(mutex)


@SOAW_XFAIL
def test_signal_object_and_wait_returns_wait_timeout(objects: Objects) -> None:
    assert win32event.SignalObjectAndWait(objects.event(), objects.event(), 0, False) == TIMEOUT


@SOAW_XFAIL
def test_signal_object_and_wait_on_one_auto_event_signals_then_consumes_it(
    objects: Objects,
) -> None:
    event = objects.event()
    assert win32event.SignalObjectAndWait(event, event, 0, False) == OBJECT_0
    assert wait0(event) == TIMEOUT


@SOAW_XFAIL
def test_signal_object_and_wait_releasing_past_maximum_fails_and_waits_for_nothing(
    objects: Objects,
) -> None:
    semaphore = objects.keep(win32event.CreateSemaphore(None, 1, 1, None))
    event = objects.event(initial=True)
    assert error_of(lambda: win32event.SignalObjectAndWait(semaphore, event, 0, False)) == (
        winerror.ERROR_TOO_MANY_POSTS,
        "SignalObjectAndWait",
    )
    assert [wait0(semaphore), wait0(semaphore), wait0(event)] == [OBJECT_0, TIMEOUT, OBJECT_0]


@SOAW_XFAIL
def test_signal_object_and_wait_releasing_an_unowned_mutex_fails_with_not_owner(
    objects: Objects,
) -> None:
    mutex = objects.keep(win32event.CreateMutex(None, False, None))
    assert error_of(lambda: win32event.SignalObjectAndWait(mutex, objects.event(), 0, False)) == (
        winerror.ERROR_NOT_OWNER,
        "SignalObjectAndWait",
    )


@pytest.mark.parametrize("kind", ["event", "semaphore", "mutex"])
def test_signal_object_and_wait_signals_even_when_the_wait_times_out(
    objects: Objects, kind: str
) -> None:
    if kind == "event":
        signal = objects.event()
    elif kind == "semaphore":
        signal = objects.keep(win32event.CreateSemaphore(None, 0, 1, None))
    else:
        signal = objects.keep(win32event.CreateMutex(None, True, None))
    # The return value is not checked here: pywin32 returns None for a timeout (§10 #21).
    win32event.SignalObjectAndWait(signal, objects.event(), 0, False)
    assert can_take(objects, kind, signal)
