"""Contract: win32process.beginthreadex and thread handles (semantics.md §5.1, §5.2, §12)."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32process
import winerror

JOIN_MS = 5000  # safety net only: nothing below depends on it elapsing
OBJECT_0 = win32event.WAIT_OBJECT_0
TIMEOUT = win32event.WAIT_TIMEOUT
STILL_ACTIVE = win32con.STILL_ACTIVE
SUSPENDED = win32con.CREATE_SUSPENDED


class Threads:
    """Starts beginthreadex threads; at the end resumes, waits for and closes every one."""

    def __init__(self) -> None:
        self._handles: list[Any] = []
        self._events: list[Any] = []

    def track(self, handle: Any) -> Any:
        self._handles.append(handle)
        return handle

    def start(self, entry: Callable[..., Any], args: tuple[Any, ...] = (), flags: int = 0) -> Any:
        handle, _ = self.start_with_id(entry, args, flags)
        return handle

    def start_with_id(
        self, entry: Callable[..., Any], args: tuple[Any, ...] = (), flags: int = 0
    ) -> tuple[Any, int]:
        handle, tid = win32process.beginthreadex(None, 0, entry, args, flags)
        return self.track(handle), tid

    def gate(self) -> Any:
        """A manual-reset event, set (releasing whoever waits on it) when the test ends."""
        event = win32event.CreateEvent(None, True, False, None)
        self._events.append(event)
        return event

    def end_all(self) -> None:
        for event in self._events:
            win32event.SetEvent(event)
        for handle in self._handles:
            if handle:
                while win32process.ResumeThread(handle) > 1:
                    pass
                win32event.WaitForSingleObject(handle, JOIN_MS)
                handle.Close()
        for event in self._events:
            event.Close()


@pytest.fixture
def threads() -> Iterator[Threads]:
    made = Threads()
    yield made
    made.end_all()


def finish(handle: Any) -> int:
    """Wait for the thread to end; return its exit code."""
    assert win32event.WaitForSingleObject(handle, JOIN_MS) == OBJECT_0
    code: int = win32process.GetExitCodeThread(handle)
    return code


def guarded(body: Callable[[], Any], box: dict[str, Any]) -> Callable[[], int]:
    """Wrap body for a thread: its result or exception lands in box instead of escaping."""

    def entry() -> int:
        try:
            box["result"] = body()
        except BaseException as exc:  # re-raised by the test via outcome()
            box["error"] = exc
        return 0

    return entry


def outcome(box: dict[str, Any]) -> Any:
    if "error" in box:
        raise box["error"]
    return box.get("result")


# --- beginthreadex -----------------------------------------------------------------------


def test_beginthreadex_returns_a_pyhandle_and_a_thread_id(threads: Threads) -> None:
    result = win32process.beginthreadex(None, 0, lambda: 0, (), 0)
    handle, tid = result
    threads.track(handle)
    assert type(result) is tuple
    assert type(handle) is type(pywintypes.HANDLE())
    assert type(tid) is int
    assert tid > 0
    assert finish(handle) == 0


def test_beginthreadex_thread_id_is_the_threads_own_id(threads: Threads) -> None:
    box: dict[str, Any] = {}
    handle, tid = threads.start_with_id(guarded(win32api.GetCurrentThreadId, box))
    finish(handle)
    assert outcome(box) == tid
    assert tid != win32api.GetCurrentThreadId()


def test_beginthreadex_passes_args_positionally(threads: Threads) -> None:
    seen: list[Any] = []
    handle = threads.start(lambda *args: seen.append(args), (1, "two", None))
    finish(handle)
    assert seen == [(1, "two", None)]


@pytest.mark.parametrize("args", [[1], None, 1], ids=["list", "none", "int"])
def test_beginthreadex_args_must_be_a_tuple(args: Any) -> None:
    with pytest.raises(TypeError):
        win32process.beginthreadex(None, 0, lambda *a: 0, args, 0)


def test_beginthreadex_entry_point_must_be_callable() -> None:
    with pytest.raises(TypeError):
        win32process.beginthreadex(None, 0, 5, (), 0)


def test_beginthreadex_takes_no_keyword_arguments() -> None:
    with pytest.raises(TypeError):
        win32process.beginthreadex(None, 0, lambda: 0, (), flags=0)


# --- exit codes and the thread handle ---------------------------------------------------


@pytest.mark.parametrize("code", [0, 5, -5, 259])
def test_thread_exit_code_is_the_int_return_value(threads: Threads, code: int) -> None:
    assert finish(threads.start(lambda: code)) == code


@pytest.mark.parametrize("value", [None, "text", 2.5, (1,)], ids=["none", "str", "float", "tuple"])
def test_thread_exit_code_of_a_non_int_return_value_is_zero(threads: Threads, value: Any) -> None:
    assert finish(threads.start(lambda: value)) == 0


def test_thread_exit_code_after_an_uncaught_exception_is_minus_one(
    threads: Threads, capfd: pytest.CaptureFixture[str]
) -> None:
    def body() -> int:
        raise ValueError("deliberately uncaught")

    assert finish(threads.start(body)) == -1
    err = capfd.readouterr().err
    assert "Unhandled exception in beginthreadex created thread:" in err
    assert "ValueError: deliberately uncaught" in err


def test_get_exit_code_thread_is_still_active_while_running(threads: Threads) -> None:
    gate = threads.gate()
    handle = threads.start(lambda: win32event.WaitForSingleObject(gate, JOIN_MS) + 7)
    assert win32process.GetExitCodeThread(handle) == STILL_ACTIVE
    win32event.SetEvent(gate)
    assert finish(handle) == 7


def test_thread_handle_is_signaled_when_the_thread_ends_and_stays_signaled(
    threads: Threads,
) -> None:
    gate = threads.gate()
    handle = threads.start(lambda: win32event.WaitForSingleObject(gate, JOIN_MS))
    assert win32event.WaitForSingleObject(handle, 0) == TIMEOUT
    win32event.SetEvent(gate)
    assert win32event.WaitForSingleObject(handle, JOIN_MS) == OBJECT_0
    assert win32event.WaitForSingleObject(handle, 0) == OBJECT_0
    assert win32event.WaitForMultipleObjects([handle, handle], False, 0) == OBJECT_0


def test_get_exit_code_thread_of_the_current_thread_pseudo_handle_is_still_active() -> None:
    assert win32process.GetExitCodeThread(win32api.GetCurrentThread()) == STILL_ACTIVE


# --- CREATE_SUSPENDED, SuspendThread, ResumeThread ---------------------------------------


def test_create_suspended_thread_does_not_run_until_resumed(threads: Threads) -> None:
    ran: list[int] = []
    handle = threads.start(lambda: ran.append(1), (), SUSPENDED)
    assert win32process.GetExitCodeThread(handle) == STILL_ACTIVE
    assert win32event.WaitForSingleObject(handle, 0) == TIMEOUT
    assert ran == []
    assert win32process.ResumeThread(handle) == 1
    assert finish(handle) == 0
    assert ran == [1]


def test_suspend_and_resume_return_the_previous_count(threads: Threads) -> None:
    handle = threads.start(lambda: 3, (), SUSPENDED)
    assert [win32process.SuspendThread(handle) for _ in range(3)] == [1, 2, 3]
    assert [win32process.ResumeThread(handle) for _ in range(4)] == [4, 3, 2, 1]
    assert finish(handle) == 3


def test_resume_thread_of_a_running_thread_returns_zero(threads: Threads) -> None:
    gate = threads.gate()
    handle = threads.start(lambda: win32event.WaitForSingleObject(gate, JOIN_MS))
    assert win32process.ResumeThread(handle) == 0
    win32event.SetEvent(gate)
    assert finish(handle) == OBJECT_0


def test_the_128th_suspend_fails_with_signal_refused(threads: Threads) -> None:
    handle = threads.start(lambda: 0, (), SUSPENDED)
    counts = [win32process.SuspendThread(handle) for _ in range(126)]
    assert counts == list(range(1, 127))  # the count is now 127, the maximum
    with pytest.raises(pywintypes.error) as info:
        win32process.SuspendThread(handle)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_SIGNAL_REFUSED,
        "SuspendThread",
    )
    assert win32process.ResumeThread(handle) == 127  # unchanged by the failed call


def test_resume_thread_of_an_ended_thread_returns_zero(threads: Threads) -> None:
    handle = threads.start(lambda: 0)
    finish(handle)
    assert win32process.ResumeThread(handle) == 0


def test_suspend_thread_of_an_ended_thread_fails_with_access_denied(threads: Threads) -> None:
    handle = threads.start(lambda: 0)
    finish(handle)
    with pytest.raises(pywintypes.error) as info:
        win32process.SuspendThread(handle)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_ACCESS_DENIED,
        "SuspendThread",
    )


@pytest.mark.parametrize(
    "function",
    [win32process.GetExitCodeThread, win32process.ResumeThread, win32process.SuspendThread],
    ids=["GetExitCodeThread", "ResumeThread", "SuspendThread"],
)
def test_thread_function_on_a_closed_handle_fails_with_invalid_handle(
    threads: Threads, function: Callable[[Any], int]
) -> None:
    handle = threads.start(lambda: 0)
    finish(handle)
    value = handle.Detach()
    win32api.CloseHandle(value)
    with pytest.raises(pywintypes.error) as info:
        function(value)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_INVALID_HANDLE,
        function.__name__,
    )


def test_get_exit_code_thread_of_an_event_fails_with_invalid_handle() -> None:
    event = win32event.CreateEvent(None, True, False, None)
    try:
        with pytest.raises(pywintypes.error) as info:
            win32process.GetExitCodeThread(event)
    finally:
        event.Close()
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_INVALID_HANDLE,
        "GetExitCodeThread",
    )
