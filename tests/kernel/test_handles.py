"""The handle table and named objects (semantics.md §2)."""

from __future__ import annotations

import gc

import pytest

from apartment.errors import (
    AccessDeniedError,
    InvalidHandleError,
    InvalidParameterError,
    NameNotFoundError,
    Win32Error,
)
from apartment.kernel import (
    CURRENT_PROCESS,
    CURRENT_THREAD,
    Event,
    HandleTable,
    Mutex,
    Semaphore,
    WaitableTimer,
    WaitResult,
    create_named,
    current_process,
    current_thread,
    handles,
    open_named,
    wait_all,
    wait_any,
)
from apartment.kernel._core import KERNEL_LOCK
from apartment.kernel._handles import SYNCHRONIZE
from tests._subprocess import run_python


def test_handles_are_multiples_of_four_and_never_reused() -> None:
    first = handles.insert(Event())
    handles.close(first)
    second = handles.insert(Event())
    try:
        assert first % 4 == 0 and second % 4 == 0
        assert second != first
    finally:
        handles.close(second)


def test_the_low_two_bits_of_a_handle_are_ignored() -> None:
    event = Event()
    value = handles.insert(event)
    try:
        assert handles.get(value | 3) is event
    finally:
        handles.close(value)


def test_a_closed_handle_is_invalid() -> None:
    value = handles.insert(Event())
    handles.close(value)
    with pytest.raises(InvalidHandleError) as caught:
        handles.get(value)
    assert caught.value.winerror == 6
    with pytest.raises(InvalidHandleError):
        handles.close(value)


def test_pseudo_handles_name_the_calling_thread_and_process() -> None:
    assert handles.get(CURRENT_THREAD, pseudo=True) is current_thread()
    assert handles.get(CURRENT_PROCESS, pseudo=True) is current_process()
    assert handles.get(0xFFFF_FFFF_FFFF_FFFE, pseudo=True) is current_thread()
    with pytest.raises(InvalidHandleError):
        handles.get(CURRENT_THREAD)  # where pseudo handles are not allowed
    handles.close(CURRENT_THREAD)  # closing one succeeds and does nothing


def test_duplicate_opens_another_handle_to_the_same_object() -> None:
    event = Event()
    value = handles.insert(event)
    copy = handles.duplicate(value)
    handles.close(value)
    try:
        assert handles.get(copy) is event
    finally:
        handles.close(copy)


def test_duplicating_the_current_thread_pseudo_handle_gives_a_real_handle() -> None:
    value = handles.duplicate(CURRENT_THREAD)
    try:
        assert value > 0
        assert handles.get(value) is current_thread()
    finally:
        handles.close(value)


def test_a_handle_without_the_right_is_access_denied() -> None:
    value = handles.insert(Event(), access=0x2)
    try:
        with pytest.raises(AccessDeniedError) as caught:
            handles.get(value, SYNCHRONIZE)
        assert caught.value.winerror == 5
    finally:
        handles.close(value)


def test_get_many_checks_the_count_first() -> None:
    with pytest.raises(InvalidParameterError):
        handles.get_many([12345] * 65)
    with pytest.raises(InvalidParameterError):
        handles.get_many([])
    with pytest.raises(InvalidHandleError):
        handles.get_many([CURRENT_THREAD])


# -- named objects ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "args"),
    [(Event, (False, False)), (Mutex, (False,)), (Semaphore, (0, 1)), (WaitableTimer, (False,))],
)
def test_create_named_returns_the_existing_object_of_the_same_kind(
    kind: type, args: tuple[object, ...]
) -> None:
    first, existed = create_named(kind, "apartment-test-same", *args)
    second, existed_again = create_named(kind, "apartment-test-same", *args)
    assert (existed, existed_again) == (False, True)
    assert second is first
    assert open_named(kind, "apartment-test-same") is first


def test_a_name_held_by_another_kind_is_an_invalid_handle() -> None:
    event, _ = create_named(Event, "apartment-test-kind")
    with pytest.raises(InvalidHandleError) as caught:
        create_named(Mutex, "apartment-test-kind")
    assert caught.value.winerror == 6
    with pytest.raises(InvalidHandleError):
        open_named(Semaphore, "apartment-test-kind")
    del event


def test_opening_a_missing_name_is_file_not_found() -> None:
    with pytest.raises(NameNotFoundError) as caught:
        open_named(Event, "apartment-test-missing")
    assert caught.value.winerror == 2


def test_names_are_case_sensitive() -> None:
    event, _ = create_named(Event, "apartment-Test-Case")
    with pytest.raises(NameNotFoundError):
        open_named(Event, "apartment-test-case")
    del event


def test_local_prefix_names_the_same_object() -> None:
    event, _ = create_named(Event, "apartment-test-local")
    assert open_named(Event, "Local\\apartment-test-local") is event


def test_a_backslash_in_a_name_is_path_not_found() -> None:
    with pytest.raises(Win32Error) as caught:
        create_named(Event, "a\\b")
    assert caught.value.winerror == 3


def test_an_existing_mutex_is_not_acquired_by_initial_owner() -> None:
    mutex, _ = create_named(Mutex, "apartment-test-owner", False)
    again, existed = create_named(Mutex, "apartment-test-owner", True)
    assert existed and again is mutex
    assert mutex.statistics().owner is None


def test_a_new_named_mutex_with_initial_owner_is_owned() -> None:
    mutex, existed = create_named(Mutex, "apartment-test-owned", True)
    assert not existed
    assert mutex.statistics().owner == current_thread().native_id
    mutex.release()


def test_closing_the_last_handle_removes_the_name() -> None:
    event, _ = create_named(Event, "apartment-test-close")
    value = handles.insert(event)
    copy = handles.duplicate(value)
    handles.close(value)
    assert open_named(Event, "apartment-test-close") is event
    handles.close(copy)
    with pytest.raises(NameNotFoundError):
        open_named(Event, "apartment-test-close")


def test_a_name_lives_while_python_holds_the_object() -> None:
    event, _ = create_named(Event, "apartment-test-gc")
    assert open_named(Event, "apartment-test-gc") is event
    del event
    gc.collect()
    with pytest.raises(NameNotFoundError):
        open_named(Event, "apartment-test-gc")


def test_open_named_with_no_access_is_access_denied() -> None:
    event, _ = create_named(Event, "apartment-test-noaccess")
    with pytest.raises(AccessDeniedError):
        handles.open_named(Event, "apartment-test-noaccess", 0)
    del event


def test_a_set_of_handles_resolved_before_fails_once_one_of_them_closes() -> None:
    table = HandleTable()
    first, second = Event(), Event()
    values = [table.insert(first), table.insert(second)]
    assert table.get_many(values) == (first, second)
    assert table.get_many(values) == (first, second)  # remembered
    table.close(values[1])
    with pytest.raises(InvalidHandleError):
        table.get_many(values)
    with pytest.raises(AccessDeniedError):  # what was remembered is per access asked
        table.get_many(values[:1], access=0x1_0000_0000)


def test_a_remembered_set_still_refuses_one_object_twice_in_a_wait_for_all() -> None:
    table = HandleTable()
    event = Event(manual_reset=True, initial_state=True)
    twice = [table.insert(event)] * 2
    for _ in range(2):  # the second time the set comes from what the table remembers
        assert wait_any(table.get_many(twice), 0) == WaitResult(0)
        with pytest.raises(InvalidParameterError):
            wait_all(table.get_many(twice), 0)
    distinct = [table.insert(Event(manual_reset=True, initial_state=True)) for _ in range(12)]
    for _ in range(2):
        assert wait_all(table.get_many(distinct), 0) == WaitResult(0)


def test_a_remembered_set_does_not_keep_a_name_alive_once_its_handles_close() -> None:
    table = HandleTable()
    values = [table.create(Event, f"apartment-test-remembered-{i}")[0] for i in range(12)]
    for _ in range(2):
        assert wait_any(table.get_many(values), 0) is None
    for value in values:
        table.close(value)
    gc.collect()
    value, existed = table.create(Event, "apartment-test-remembered-0")
    assert not existed  # the last handle closed, so the name went with it
    table.close(value)


def test_the_lock_free_view_holds_open_handles_only_and_get_typed_says_the_rest() -> None:
    table = HandleTable()
    entries, deferred = table.lock_free_view()
    event = Event()
    value = table.insert(event, access=SYNCHRONIZE)
    assert entries[value] == (event, SYNCHRONIZE)
    assert not deferred
    assert value | 1 not in entries  # not normalized: get_typed reads it
    assert table.get_typed(value | 1, Event) is event
    with pytest.raises(InvalidHandleError):
        table.get_typed(value, Mutex)
    with pytest.raises(AccessDeniedError):
        table.get_typed(value, Event, 0x2)
    assert CURRENT_THREAD not in entries  # pseudo handles: the slow path
    with KERNEL_LOCK:  # a finalizer run under the kernel lock defers its close
        table.close_dropped(value)
    assert value in entries and deferred  # the queue says not to trust the entry
    with pytest.raises(InvalidHandleError):
        table.get_typed(value, Event)
    assert value not in entries and not deferred  # the slow path closed it
    assert table.lock_free_view() == (entries, deferred)  # the same objects for good


def test_a_kind_view_holds_the_open_handles_of_its_kind_that_grant_its_access() -> None:
    from apartment.kernel import Waitable

    modify = 0x2  # EVENT_MODIFY_STATE
    table = HandleTable()
    event, mutex = Event(), Mutex()
    before = table.insert(event, access=modify | SYNCHRONIZE)
    view = table.kind_view(Event, modify)
    assert view == {before: event}  # what is open already is in it
    table.insert(event, access=SYNCHRONIZE)  # lacks the access
    table.insert(mutex)  # another kind
    after = table.insert(event)  # all access
    at = after + 800
    table.insert_at(at, event, modify)
    assert view == {before: event, after: event, at: event}
    table.close(before)
    table.close(at)
    assert view == {after: event}
    assert table.kind_view(Event, modify) is view  # one per (kind, access), for good
    waitables = table.kind_view(Waitable, SYNCHRONIZE)  # type: ignore[type-abstract]
    assert set(waitables.values()) == {event, mutex}  # subclasses of the kind too
    assert all(
        table.get_typed(value, Waitable, SYNCHRONIZE) is obj for value, obj in waitables.items()
    )


def test_a_full_query_or_set_right_holds_the_limited_one_for_processes_and_threads() -> None:
    from apartment.kernel import current_process, current_thread

    table = HandleTable()
    entries, _ = table.lock_free_view()
    process = table.insert(current_process(), access=0x0400 | 0x0200)
    assert entries[process][1] == 0x0400 | 0x0200 | 0x1000 | 0x2000
    thread = table.insert(current_thread(), access=0x0040)
    assert entries[thread][1] == 0x0040 | 0x0800
    event = table.insert(Event(), access=0x0400 | 0x0040)  # other kinds: no such rule
    assert entries[event][1] == 0x0400 | 0x0040
    for value in (process, thread, event):
        table.close(value)


def test_ctrl_c_that_lands_during_a_collection_is_not_lost() -> None:
    # The table learns that the collector runs through a callback in gc.callbacks. A Python
    # callback would run the SIGINT handler as it starts, and the KeyboardInterrupt raised
    # there is reported as ignored: a wait whose allocation collected went on forever. Here
    # the signal is tripped and the collection run with no Python code in between (map and a
    # methodcaller are C), so the first Python code to run is whatever the collector calls.
    # (In a fresh interpreter: a test library may add Python callbacks of its own.)
    code = """if True:
        import _thread, gc, operator
        import apartment.com, apartment.messages, apartment.win32
        assert gc.callbacks and not any(hasattr(c, "__code__") for c in gc.callbacks)
        try:
            list(map(operator.methodcaller("__call__"), [_thread.interrupt_main, gc.collect]))
        except KeyboardInterrupt:
            print("interrupted")
    """
    assert run_python("-c", code) == "interrupted\n"


def test_a_finalizer_run_by_the_collector_defers_its_close() -> None:
    from apartment.kernel import _handles

    table = HandleTable()
    value = table.insert(Event(), access=SYNCHRONIZE)
    entries, deferred = table.lock_free_view()
    seen: list[bool] = []

    class Dropped:
        def __del__(self) -> None:
            seen.append(_handles._collecting())
            table.close_dropped(value)

    cycle = Dropped()
    cycle.self = cycle  # type: ignore[attr-defined]
    del cycle
    gc.collect()
    assert seen == [True]
    assert value in entries and deferred  # closed at the next table operation
    assert not _handles._collecting()


def test_a_handle_dropped_at_shutdown_never_waits_for_a_lock_a_daemon_thread_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # CPython freezes a daemon thread that wants to run once the shutdown has begun: a lock
    # it held then is held for ever. A handle dropped by the shutdown's teardown (a pipe's:
    # its close takes the I/O service's lock) must not wait for it, or the process never
    # ends (seen after Ctrl-C ended a ReadFile: the I/O thread had frozen in its lock).
    import sys
    import threading

    from apartment.kernel import _ioservice
    from apartment.kernel._handles import handles
    from apartment.win32 import win32file, win32pipe

    r, w = win32pipe.CreatePipe(None, 0)
    win32file.WriteFile(w, b"x")
    assert win32file.ReadFile(r, 1) == (0, b"x")
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with _ioservice.service._lock:
            held.set()
            release.wait(30)

    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    held.wait(10)
    monkeypatch.setattr(sys, "is_finalizing", lambda: True)
    dropper = threading.Thread(target=handles.close_dropped, args=(int(r),), daemon=True)
    dropper.start()
    dropper.join(5)
    returned = not dropper.is_alive()
    monkeypatch.undo()
    release.set()
    holder.join(10)
    dropper.join(10)
    assert returned, "close_dropped waited for a lock held at shutdown"
    r.Close()
    w.Close()


def test_the_io_thread_has_ended_when_the_interpreter_shuts_down() -> None:
    # A daemon thread still running at the shutdown is frozen wherever it is: the I/O
    # thread, frozen in (or waiting for) its lock, would hold it for ever, and the close of
    # the program's last pipes by the shutdown's finalizers would wait for it. The program's
    # own atexit hook, registered before the library's, runs after it (last in, first out).
    code = """if True:
        import atexit, threading
        def check():
            alive = [t.name for t in threading.enumerate() if t.name == "apartment-io"]
            print("io thread", "alive" if alive else "ended")
        atexit.register(check)
        import apartment.win32
        apartment.win32.install()
        import win32file, win32pipe
        r, w = win32pipe.CreatePipe(None, 0)
        win32file.WriteFile(w, b"x")
        assert win32file.ReadFile(r, 1) == (0, b"x")
        from apartment.kernel._ioservice import service
        service.call_later(3600, print)  # the thread runs, with a timer due in an hour
        print("exiting")
    """
    assert run_python("-c", code) == "exiting\nio thread ended\n"
