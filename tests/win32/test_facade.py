"""What the facade adds or decides beyond pywin32: the import hook, `apartment run`,
extensions (QueueUserAPC, PyHANDLE as a context manager) and documented deviations."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

import pytest

from apartment import win32
from apartment.kernel import handles
from apartment.win32 import pywintypes, win32api, win32event, win32process

from .._subprocess import run_python

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path


def test_install_maps_pywin32_names_to_the_facade_modules() -> None:
    assert win32.install()
    import win32event as imported  # type: ignore[import-untyped, unused-ignore]

    assert imported is win32event


def test_install_leaves_a_real_pywin32_alone(tmp_path: Path) -> None:
    (tmp_path / "win32api.py").write_text("REAL = True\n")
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(tmp_path)!r})
        from apartment.win32 import install
        print(install(), install(force=True))
        """
    )
    assert run_python("-c", script).split() == ["False", "True"]


def test_apartment_run_runs_a_pywin32_script_as_main(tmp_path: Path) -> None:
    script = tmp_path / "script.py"
    script.write_text(
        textwrap.dedent(
            """
            import sys
            import win32event, win32process
            def work(n):
                return n + 1
            handle, tid = win32process.beginthreadex(None, 0, work, (41,), 0)
            assert win32event.WaitForSingleObject(handle, win32event.INFINITE) == 0
            print(__name__, sys.argv[1:], win32process.GetExitCodeThread(handle))
            """
        )
    )
    output = run_python("-m", "apartment", "run", str(script), "a", "b")
    assert output.strip() == "__main__ ['a', 'b'] 42"


def test_apartment_run_reports_a_missing_script() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "apartment", "run", "/no/such/script.py"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "no such script" in done.stderr


def test_errors_carry_the_win32_function_name_and_set_last_error() -> None:
    handle = win32event.CreateEvent(None, 0, 0, None)
    try:
        with pytest.raises(pywintypes.error) as caught:
            win32event.ReleaseMutex(handle)
    finally:
        handle.Close()
    assert caught.value.args == (6, "ReleaseMutex", "The handle is invalid.")
    assert win32api.GetLastError() == 6


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("SetEvent", lambda h: win32event.SetEvent(h)),
        ("ResetEvent", lambda h: win32event.ResetEvent(h)),
        ("PulseEvent", lambda h: win32event.PulseEvent(h)),
        ("ReleaseSemaphore", lambda h: win32event.ReleaseSemaphore(h, 1)),
        ("WaitForSingleObject", lambda h: win32event.WaitForSingleObject(h, 0)),
        ("WaitForSingleObjectEx", lambda h: win32event.WaitForSingleObjectEx(h, 0, False)),
        ("WaitForMultipleObjects", lambda h: win32event.WaitForMultipleObjects([h], 0, 0)),
        (
            "WaitForMultipleObjectsEx",
            lambda h: win32event.WaitForMultipleObjectsEx([h], 0, 0, False),
        ),
    ],
)
def test_the_hot_calls_stamp_their_own_errors(name: str, call: Callable[[object], object]) -> None:
    # They stamp the name in their own except clause, not through @api's wrapper
    win32api.SetLastError(0)
    with pytest.raises(pywintypes.error) as caught:
        call(0x7FFF0)  # never opened
    assert caught.value.args == (6, name, "The handle is invalid.")
    assert type(caught.value) is pywintypes.error
    assert win32api.GetLastError() == 6


def test_the_hot_calls_check_kind_and_access_as_any_call_does() -> None:
    """SetEvent, ResetEvent and WaitForSingleObject find their handle in a filtered view."""
    me = win32api.GetCurrentProcess()
    event = win32event.CreateEvent(None, True, False, None)
    mutex = win32event.CreateMutex(None, False, None)
    sync_only = win32api.DuplicateHandle(me, event, me, win32event.SYNCHRONIZE, 0, 0)
    modify_only = win32api.DuplicateHandle(me, event, me, win32event.EVENT_MODIFY_STATE, 0, 0)
    for call, handle, code in [
        (win32event.SetEvent, mutex, 6),
        (win32event.ResetEvent, mutex, 6),
        (win32event.SetEvent, sync_only, 5),
        (win32event.ResetEvent, sync_only, 5),
        (lambda h: win32event.WaitForSingleObject(h, 0), modify_only, 5),
    ]:
        with pytest.raises(pywintypes.error) as caught:
            call(handle)
        assert caught.value.winerror == code
    win32event.SetEvent(int(modify_only))
    assert win32event.WaitForSingleObject(int(sync_only), 0) == win32event.WAIT_OBJECT_0
    assert win32event.WaitForSingleObject(mutex, 0) == win32event.WAIT_OBJECT_0
    win32event.ReleaseMutex(mutex)
    win32api.CloseHandle(int(event))  # closed by value: the PyHANDLE still holds it
    for call in (
        win32event.SetEvent,
        win32event.ResetEvent,
        lambda h: win32event.WaitForSingleObject(h, 0),
    ):
        with pytest.raises(pywintypes.error) as caught:
            call(event)
        assert caught.value.winerror == 6
    assert win32event.WaitForSingleObject(sync_only, 0) == win32event.WAIT_OBJECT_0
    for handle in (mutex, sync_only, modify_only):
        handle.Close()


def test_the_one_frame_event_calls_read_as_the_facades_own() -> None:
    # SetEvent, ResetEvent, WaitForSingleObject and GetMessage are callables the core built
    from apartment.win32 import win32gui

    for module, name in [
        (win32event, "SetEvent"),
        (win32event, "ResetEvent"),
        (win32event, "WaitForSingleObject"),
        (win32gui, "GetMessage"),
    ]:
        fn = getattr(module, name)
        assert (fn.__name__, fn.__qualname__, fn.__module__) == (name, name, module.__name__)
        assert fn.__doc__


@pytest.mark.parametrize("timeout", [1.5, None, "0", True])
def test_a_wait_on_a_set_event_checks_its_timeout_before_it_takes_the_event(
    timeout: object,
) -> None:
    # The one-frame wait takes a set event only for an int timeout; anything else is read the
    # checked way (a bool as pywin32 reads it), and a refused one leaves the event set
    auto = win32event.CreateEvent(None, False, True, None)
    try:
        try:
            code = win32event.WaitForSingleObject(auto, timeout)  # type: ignore[arg-type]
        except TypeError:
            assert win32event.WaitForSingleObject(auto, 0) == win32event.WAIT_OBJECT_0
        else:
            assert code == win32event.WAIT_OBJECT_0
        assert win32event.WaitForSingleObject(auto, 0) == win32event.WAIT_TIMEOUT  # taken once
    finally:
        auto.Close()


def test_the_one_frame_event_calls_follow_the_event_kinds() -> None:
    # auto-reset: a wait takes it; manual: it stays set; a wait on one not set times out
    auto = win32event.CreateEvent(None, False, False, None)
    manual = win32event.CreateEvent(None, True, False, None)
    wait, timeout, signaled = (
        win32event.WaitForSingleObject,
        win32event.WAIT_TIMEOUT,
        win32event.WAIT_OBJECT_0,
    )
    for _ in range(2):
        assert (wait(auto, 0), wait(manual, 0)) == (timeout, timeout)
        win32event.SetEvent(auto)
        win32event.SetEvent(manual)
        assert (wait(auto, 0), wait(auto, 0)) == (signaled, timeout)
        assert (wait(manual, 0), wait(manual, 0)) == (signaled, signaled)
        win32event.ResetEvent(manual)
        win32event.SetEvent(auto)
        win32event.ResetEvent(auto)
    auto.Close()
    manual.Close()


def test_the_one_frame_wait_answers_for_every_kind_of_object() -> None:
    # Not only events: a mutex (abandoned, then owned), a semaphore, a wait that blocks until
    # another thread sets the event, and INFINITE (-1 and 0xFFFFFFFF) on one that is set
    from apartment.kernel import start_thread

    wait = win32event.WaitForSingleObject
    mutex = win32event.CreateMutex(None, False, None)
    semaphore = win32event.CreateSemaphore(None, 1, 1, None)
    event = win32event.CreateEvent(None, False, False, None)
    taker = start_thread(wait, mutex, 0)  # ends owning it: abandoned
    assert taker.wait(10)
    assert wait(mutex, 0) == win32event.WAIT_ABANDONED_0
    assert wait(mutex, 0) == win32event.WAIT_OBJECT_0  # recursive: ours now
    win32event.ReleaseMutex(mutex)
    win32event.ReleaseMutex(mutex)
    assert (wait(semaphore, 0), wait(semaphore, 0)) == (0, win32event.WAIT_TIMEOUT)
    setter = start_thread(win32event.SetEvent, event)
    assert wait(event, 10_000) == win32event.WAIT_OBJECT_0  # blocks until the setter ran
    assert setter.wait(10)
    for forever in (win32event.INFINITE, 0xFFFFFFFF):
        win32event.SetEvent(event)
        assert wait(event, forever) == win32event.WAIT_OBJECT_0
    for handle in (mutex, semaphore, event):
        handle.Close()


def test_the_one_frame_event_calls_take_a_named_event_the_checked_way() -> None:
    # A named event is one for every process of the session (a shared kind): not the local
    # event the one-frame calls act on, so they hand it to the general functions
    name = f"facade-one-frame-{id(object())}"
    event = win32event.CreateEvent(None, False, False, name)
    other = win32event.OpenEvent(win32event.EVENT_ALL_ACCESS, False, name)
    try:
        win32event.SetEvent(event)
        assert win32event.WaitForSingleObject(other, 0) == win32event.WAIT_OBJECT_0
        assert win32event.WaitForSingleObject(event, 0) == win32event.WAIT_TIMEOUT
        win32event.SetEvent(other)
        win32event.ResetEvent(event)
        assert win32event.WaitForSingleObject(other, 0) == win32event.WAIT_TIMEOUT
    finally:
        other.Close()
        event.Close()


def test_a_wait_for_multiple_objects_on_one_handle_is_the_one_object_wait() -> None:
    from apartment.kernel import start_thread

    me = win32api.GetCurrentProcess()
    auto = win32event.CreateEvent(None, False, True, None)
    mutex = win32event.CreateMutex(None, False, None)
    modify_only = win32api.DuplicateHandle(me, auto, me, win32event.EVENT_MODIFY_STATE, 0, 0)
    wait = win32event.WaitForMultipleObjects
    for wait_all in (False, 0, True):
        win32event.SetEvent(auto)
        assert wait([auto], wait_all, 0) == win32event.WAIT_OBJECT_0
        assert wait([int(auto)], wait_all, 0) == win32event.WAIT_TIMEOUT  # auto-reset: taken
    taker = start_thread(win32event.WaitForSingleObject, mutex, 0)  # ends owning it: abandoned
    assert taker.wait(10)
    assert win32event.WaitForMultipleObjects([mutex], False, 0) == win32event.WAIT_ABANDONED_0
    assert win32event.WaitForMultipleObjects([mutex], False, 0) == win32event.WAIT_OBJECT_0  # ours
    win32event.ReleaseMutex(mutex)
    win32event.ReleaseMutex(mutex)
    for handlelist, code in (([modify_only], 5), ([win32api.GetCurrentProcess()], 6)):
        with pytest.raises(pywintypes.error) as caught:
            win32event.WaitForMultipleObjects(handlelist, False, 0)
        assert (caught.value.winerror, caught.value.funcname) == (code, "WaitForMultipleObjects")
    for handle in (auto, mutex, modify_only):
        handle.Close()


def test_a_wait_takes_handles_as_pyhandles_ints_or_both() -> None:
    handles_ = [win32event.CreateEvent(None, True, False, None) for _ in range(3)]
    win32event.SetEvent(handles_[2])
    values = [int(h) for h in handles_]
    for handlelist in (handles_, values, [handles_[0], values[1], handles_[2]], tuple(values)):
        assert win32event.WaitForMultipleObjects(handlelist, False, 0) == 2
    for bad in ([values[0], "x"], [2**64], [handles_[0], None, object()]):
        with pytest.raises(TypeError):
            win32event.WaitForMultipleObjects(bad, False, 0)
    with pytest.raises(pywintypes.error) as caught:  # pywin32 reads 1.5 as int() does: 1
        win32event.WaitForMultipleObjects([handles_[0], 1.5], False, 0)
    assert caught.value.winerror == 6
    for handle in handles_:  # the error's traceback holds this frame: close them now
        handle.Close()


def test_a_handle_whose_close_was_deferred_is_closed_for_the_fast_lookup() -> None:
    # A PyHANDLE dropped while the kernel lock is held closes at the next table operation;
    # meanwhile the facade's lock-free lookup must not take the handle for open.
    from apartment.kernel._core import KERNEL_LOCK

    handle = win32event.CreateEvent(None, 0, 0, None)
    value = int(handle)
    with KERNEL_LOCK:
        del handle
        gc.collect()
    with pytest.raises(pywintypes.error) as caught:
        win32event.SetEvent(value)
    assert caught.value.winerror == 6
    assert value not in handles.snapshot()


def _found_again(handlelist: Sequence[object]) -> bool:
    """Whether the facade would find ``handlelist``'s objects by its handles' identities."""
    from apartment.win32 import _handles

    alias = (hash(tuple(handlelist)), win32event.SYNCHRONIZE, _handles._generation)
    return alias in handles.many_view()


def test_a_wait_finds_the_same_pyhandles_again_by_identity() -> None:
    events = [win32event.CreateEvent(None, True, False, None) for _ in range(3)]
    win32event.SetEvent(events[1])
    assert win32event.WaitForMultipleObjects(events, False, 0) == 1
    assert _found_again(events)
    assert win32event.WaitForMultipleObjects(events, False, 0) == 1
    values: list[object] = [int(h) for h in events]
    mixed: list[object] = [events[0], values[1], events[2]]
    for other in (values, mixed):  # only PyHANDLEs are filed: an int may equal a float
        assert win32event.WaitForMultipleObjects(other, False, 0) == 1
        assert not _found_again(other)


def test_ints_that_hash_as_filed_pyhandles_do_not_find_their_set() -> None:
    events = [win32event.CreateEvent(None, True, False, None) for _ in range(2)]
    win32event.SetEvent(events[1])
    assert win32event.WaitForMultipleObjects(events, False, 0) == 1
    assert _found_again(events)
    lookalike = [hash(handle) for handle in events]  # the same tuple hash as the PyHANDLEs'
    assert hash(tuple(lookalike)) == hash(tuple(events))
    with pytest.raises(pywintypes.error) as caught:  # their values, not the filed set
        win32event.WaitForMultipleObjects(lookalike, False, 0)
    assert caught.value.winerror == 6  # ERROR_INVALID_HANDLE: no such handles
    for handle in events:
        handle.Close()


def test_a_detached_pyhandle_is_not_found_again_by_identity() -> None:
    # Detach leaves the handle open in the table: only the facade knows the PyHANDLE is 0 now
    events = [win32event.CreateEvent(None, True, True, None) for _ in range(2)]
    assert win32event.WaitForMultipleObjects(events, False, 0) == 0
    value = events[0].Detach()
    try:
        with pytest.raises(pywintypes.error) as caught:
            win32event.WaitForMultipleObjects(events, False, 0)
        assert caught.value.winerror == 6  # the PyHANDLE's value is 0
    finally:
        win32api.CloseHandle(value)
        events[1].Close()  # the error's traceback holds the list


@pytest.mark.parametrize("close", ["Close", "CloseHandle of its value", "CloseHandle"])
def test_a_closed_handle_is_not_found_again_by_identity(close: str) -> None:
    events = [win32event.CreateEvent(None, True, True, None) for _ in range(2)]
    assert win32event.WaitForMultipleObjects(events, True, 0) == 0
    if close == "Close":
        events[1].Close()
    elif close == "CloseHandle":
        win32api.CloseHandle(events[1])
    else:  # the PyHANDLE keeps its value; the table alone knows
        win32api.CloseHandle(int(events[1]))
        events[1].Detach()
        events[1] = pywintypes.HANDLE(int(events[0]) + 0x7FF0)  # never opened
    with pytest.raises(pywintypes.error) as caught:
        win32event.WaitForMultipleObjects(events, True, 0)
    assert caught.value.winerror == 6
    events[0].Close()  # the error's traceback holds the list


def test_a_handle_closed_by_value_is_not_found_again_through_its_pyhandle() -> None:
    events = [win32event.CreateEvent(None, True, True, None) for _ in range(2)]
    assert win32event.WaitForMultipleObjects(events, False, 0) == 0
    value = int(events[1])
    win32api.CloseHandle(value)  # the PyHANDLE still holds the value, now closed
    try:
        with pytest.raises(pywintypes.error) as caught:
            win32event.WaitForMultipleObjects(events, False, 0)
        assert caught.value.winerror == 6
    finally:
        events[1].Detach()
        events[0].Close()  # the error's traceback holds the list


def test_a_dropped_pyhandle_renews_what_identities_mean() -> None:
    # A new PyHANDLE may take a dropped one's id: sets filed before must not be found again
    from apartment.win32 import _handles

    events = [win32event.CreateEvent(None, True, True, None) for _ in range(2)]
    assert win32event.WaitForMultipleObjects(events, False, 0) == 0
    assert _found_again(events)
    generation = _handles._generation
    del events[1]
    gc.collect()
    assert _handles._generation is not generation
    assert not _found_again(events)


def test_queue_user_apc_is_an_extension_that_alerts_sleep_ex() -> None:
    calls: list[object] = []
    thread = win32api.DuplicateHandle(
        win32api.GetCurrentProcess(),
        win32api.GetCurrentThread(),
        win32api.GetCurrentProcess(),
        0,
        0,
        2,  # DUPLICATE_SAME_ACCESS
    )
    with thread:
        win32api.QueueUserAPC(calls.append, thread, 7)
        assert win32api.SleepEx(10_000, True) == win32event.WAIT_IO_COMPLETION
    assert calls == [7]


def test_signal_object_and_wait_returns_the_wait_code_unlike_pywin32() -> None:
    signal = win32event.CreateEvent(None, 0, 0, None)
    target = win32event.CreateEvent(None, 0, 1, None)
    with signal, target:
        assert win32event.SignalObjectAndWait(signal, target, 0, False) == 0
        assert win32event.SignalObjectAndWait(signal, target, 0, False) == 258


def test_a_pyhandle_is_a_context_manager_that_closes_it() -> None:
    with win32event.CreateEvent(None, 0, 0, None) as handle:
        value = int(handle)
        assert value in handles.snapshot()
    assert int(handle) == 0
    assert value not in handles.snapshot()


def test_a_collected_pyhandle_closes_its_handle() -> None:
    handle = win32event.CreateEvent(None, 0, 0, None)
    value = int(handle)
    del handle
    gc.collect()
    assert value not in handles.snapshot()


def test_a_thread_exception_is_printed_as_pywin32_does(capfd: pytest.CaptureFixture[str]) -> None:
    def fail() -> None:
        raise ValueError("boom")

    handle, _ = win32process.beginthreadex(None, 0, fail, (), 0)
    with handle:
        assert win32event.WaitForSingleObject(handle, 10_000) == 0
        assert win32process.GetExitCodeThread(handle) == -1
    err = capfd.readouterr().err
    assert "Unhandled exception in beginthreadex created thread:" in err
    assert "ValueError: boom" in err
