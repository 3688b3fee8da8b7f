"""The user registry's core: keys, typed values, Windows' codes, change notification."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apartment import kernel, registry
from apartment.errors import Win32Error
from apartment.registry import _notify
from apartment.testing import wait_until_blocked

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(autouse=True)
def user_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "user-registry.sqlite3"
    monkeypatch.setenv("APARTMENT_USER_REGISTRY", str(path))
    return path


def _root() -> registry.Key:
    return registry.key_of_handle(registry.HKEY_CURRENT_USER)


def _code(error: pytest.ExceptionInfo[Win32Error]) -> int:
    return int(error.value.winerror)


def test_values_round_trip_by_type_and_names_ignore_case() -> None:
    key, created = registry.create_key(_root(), "Software\\Apartment\\Test")
    assert created
    key.set_value("Text", registry.REG_SZ, "hello")
    key.set_value("Count", registry.REG_DWORD, 7)
    key.set_value("Big", registry.REG_QWORD, 2**40)
    key.set_value("Blob", registry.REG_BINARY, b"\x00\x01")
    key.set_value("Lines", registry.REG_MULTI_SZ, ["a", "b"])
    key.set_value(None, registry.REG_SZ, "the default")
    assert key.query_value("text") == ("hello", registry.REG_SZ)
    assert key.query_value("COUNT") == (7, registry.REG_DWORD)
    assert key.query_value("Big") == (2**40, registry.REG_QWORD)
    assert key.query_value("Blob") == (b"\x00\x01", registry.REG_BINARY)
    assert key.query_value("Lines") == (["a", "b"], registry.REG_MULTI_SZ)
    assert key.query_value("") == ("the default", registry.REG_SZ)
    again, created = registry.create_key(_root(), "software\\APARTMENT\\test")
    assert not created and again.query_value("Text") == ("hello", registry.REG_SZ)


@settings(max_examples=50, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=8), st.integers(0, 2**32 - 1), max_size=6))
def test_what_is_set_is_what_enumerates(values: dict[str, int]) -> None:
    key, _ = registry.create_key(_root(), "Enum")
    for _ in range(key.info().values):  # a clean key for this example
        key.delete_value(key.value_at(0)[0])
    distinct = {name.lower(): (name, data) for name, data in values.items()}
    for name, data in distinct.values():
        key.set_value(name, registry.REG_DWORD, data)
    seen: dict[str, object] = {}
    for index in range(len(distinct)):
        found, stored, kind = key.value_at(index)
        assert kind == registry.REG_DWORD
        seen[found.lower()] = stored
    with pytest.raises(Win32Error) as past:
        key.value_at(len(distinct))
    assert _code(past) == 259  # ERROR_NO_MORE_ITEMS
    assert seen == {lower: data for lower, (_, data) in distinct.items()}


def test_windows_codes_for_what_is_not_there() -> None:
    key, _ = registry.create_key(_root(), "Codes")
    with pytest.raises(Win32Error) as missing:
        key.query_value("nothing")
    assert _code(missing) == 2  # ERROR_FILE_NOT_FOUND
    with pytest.raises(Win32Error) as no_key:
        registry.open_key(_root(), "Codes\\Nope")
    assert _code(no_key) == 2
    with pytest.raises(Win32Error) as past:
        key.subkey_at(0)
    assert _code(past) == 259  # ERROR_NO_MORE_ITEMS
    registry.create_key(key, "Child")
    with pytest.raises(Win32Error) as busy:
        registry.delete_key(_root(), "Codes")
    assert _code(busy) == 5  # a key with subkeys: ERROR_ACCESS_DENIED
    registry.delete_key(key, "Child")
    registry.delete_key(_root(), "Codes")
    with pytest.raises(Win32Error) as deleted:
        key.query_value("x")
    assert _code(deleted) == 1018  # ERROR_KEY_DELETED


def test_a_change_by_this_process_sets_the_event_before_the_call_returns() -> None:
    key, _ = registry.create_key(_root(), "Watched")
    event = kernel.Event(manual_reset=True)
    key.notify(event, subtree=False, changes=registry.REG_NOTIFY_CHANGE_LAST_SET)
    registry.create_key(key, "Sub")  # a name change: not watched
    assert not event.is_set()
    key.set_value("v", registry.REG_DWORD, 1)
    assert event.is_set()
    event.reset()
    key.set_value("v", registry.REG_DWORD, 2)  # one-shot: the watch is spent
    assert not event.is_set()


def test_a_subtree_watch_sees_changes_below_and_a_plain_one_does_not() -> None:
    key, _ = registry.create_key(_root(), "Tree")
    below, _ = registry.create_key(key, "Below")
    plain = kernel.Event(manual_reset=True)
    deep = kernel.Event(manual_reset=True)
    key.notify(plain, subtree=False, changes=registry.REG_NOTIFY_CHANGE_LAST_SET)
    key.notify(deep, subtree=True, changes=registry.REG_NOTIFY_CHANGE_LAST_SET)
    below.set_value("v", registry.REG_SZ, "x")
    assert deep.is_set()
    assert not plain.is_set()


@pytest.mark.timeout(60)
def test_a_change_by_another_process_sets_the_event(user_registry: Path) -> None:
    key, _ = registry.create_key(_root(), "Shared")
    event = kernel.Event(manual_reset=True)
    key.notify(event, subtree=False, changes=registry.REG_NOTIFY_CHANGE_LAST_SET)
    child = textwrap.dedent(
        """
        from apartment import registry
        root = registry.key_of_handle(registry.HKEY_CURRENT_USER)
        registry.open_key(root, "Shared").set_value("from", registry.REG_DWORD, 1)
        """
    )
    subprocess.run(
        [sys.executable, "-c", child],
        check=True,
        timeout=30,
        env={**os.environ, "APARTMENT_USER_REGISTRY": str(user_registry)},
    )
    assert event.wait(10)  # the poller sees it (about every 50 ms); 10 s is a safety net
    assert key.query_value("from") == (1, registry.REG_DWORD)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork() is POSIX's")
def test_a_forked_child_forgets_the_parents_watches_and_poller() -> None:
    from apartment.registry import _notify

    key, _ = registry.create_key(_root(), "Forked")
    key.notify(kernel.Event(), subtree=False, changes=registry.REG_NOTIFY_CHANGE_LAST_SET)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report, then leave without running the parent's cleanups
        os.close(read)
        os.write(write, b"ok" if _notify._poller is None and not _notify._watches else b"no")
        os._exit(0)
    os.close(write)
    try:
        assert os.read(read, 2) == b"ok"
    finally:
        os.close(read)
        os.waitpid(pid, 0)
    assert _notify._watches  # the parent's watch is still pending


def test_closing_a_key_ends_its_watches_and_only_its_own() -> None:
    key, _ = registry.create_key(_root(), "Closing")
    other = registry.open_key(_root(), "Closing")
    mine, theirs = kernel.Event(manual_reset=True), kernel.Event(manual_reset=True)
    key.notify(mine, subtree=True, changes=registry.REG_NOTIFY_CHANGE_LAST_SET)
    other.notify(theirs, subtree=True, changes=registry.REG_NOTIFY_CHANGE_LAST_SET)
    key.close()
    assert mine.is_set()
    assert not theirs.is_set()
    other.close()
    assert theirs.is_set()


def test_the_last_handle_of_a_key_closing_ends_its_watches() -> None:
    key, _ = registry.create_key(_root(), "Handles")
    first = kernel.handles.insert(key, registry.KEY_ALL_ACCESS)
    second = kernel.handles.duplicate(first)
    event = kernel.Event(manual_reset=True)
    key.notify(event, subtree=False, changes=registry.REG_NOTIFY_CHANGE_LAST_SET)
    kernel.handles.close(first)
    assert not event.is_set()  # another handle still holds the key open
    kernel.handles.close(second)
    assert event.is_set()


def test_the_end_of_the_watching_thread_ends_its_watch_unless_it_is_thread_agnostic() -> None:
    key, _ = registry.create_key(_root(), "Threads")
    tied, agnostic = kernel.Event(manual_reset=True), kernel.Event(manual_reset=True)
    last_set = registry.REG_NOTIFY_CHANGE_LAST_SET

    def watch() -> None:
        key.notify(tied, subtree=False, changes=last_set)
        key.notify(agnostic, subtree=False, changes=last_set | registry.REG_NOTIFY_THREAD_AGNOSTIC)

    thread = kernel.start_thread(watch)
    assert thread.wait(30)
    assert tied.is_set()
    assert not agnostic.is_set()
    key.set_value("v", registry.REG_SZ, "x")
    assert agnostic.is_set()
    key.close()


def test_a_plain_thread_that_watches_ends_its_watch_too() -> None:
    key, _ = registry.create_key(_root(), "Plain")
    event = kernel.Event(manual_reset=True)
    thread = threading.Thread(
        target=key.notify,
        args=(event,),
        kwargs={"subtree": False, "changes": registry.REG_NOTIFY_CHANGE_LAST_SET},
    )
    thread.start()
    thread.join(30)
    assert event.wait(30)
    key.close()


def test_waiting_for_a_change_returns_at_the_change_and_leaves_no_watch() -> None:
    key, _ = registry.create_key(_root(), "Sync")

    def wait() -> None:
        key.wait_for_change(subtree=True, changes=registry.REG_NOTIFY_CHANGE_NAME)

    thread = kernel.start_thread(wait)
    wait_until_blocked(thread)
    registry.create_key(key, "Sub")
    assert thread.wait(30)
    assert not [entry for entry in _notify._watches if entry.owner is key]
    key.close()


@pytest.mark.skipif(
    threading.current_thread() is not threading.main_thread(), reason="needs the main thread"
)
def test_ctrl_c_interrupts_a_wait_for_a_change_and_ends_its_watch() -> None:
    key, _ = registry.create_key(_root(), "Interrupted")
    main = kernel.current_thread()

    def interrupt() -> None:
        wait_until_blocked(main)
        signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)

    helper = kernel.start_thread(interrupt)
    with pytest.raises(KeyboardInterrupt):
        key.wait_for_change(subtree=False, changes=registry.REG_NOTIFY_CHANGE_LAST_SET)
    assert helper.wait(30)
    assert not [entry for entry in _notify._watches if entry.owner is key]
    key.close()
