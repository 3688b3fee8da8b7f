"""Contract: when a RegNotifyChangeKeyValue watch ends besides a change, and its synchronous form.

Windows' documentation: closing the key sets the event; so does the end of the thread that
made the watch, unless REG_NOTIFY_THREAD_AGNOSTIC was asked for; the key needs KEY_NOTIFY;
with fAsynchronous false the call returns at the next change.
"""

from __future__ import annotations

import threading
import uuid
from typing import TYPE_CHECKING, Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import winerror

from ._wine import wine_differs

if TYPE_CHECKING:
    from collections.abc import Iterator

HKCU = win32con.HKEY_CURRENT_USER
LAST_SET = 4  # REG_NOTIFY_CHANGE_LAST_SET (win32con has no REG_NOTIFY_* names)
THREAD_AGNOSTIC = 0x10000000  # REG_NOTIFY_THREAD_AGNOSTIC


@pytest.fixture
def path() -> Iterator[str]:
    name = f"Software\\apartment-watch-{uuid.uuid4().hex}"
    win32api.RegCloseKey(win32api.RegCreateKey(HKCU, name))
    yield name
    win32api.RegDeleteTree(HKCU, name)


@pytest.fixture
def event() -> Iterator[Any]:
    made = win32event.CreateEvent(None, 1, 0, None)
    yield made
    made.Close()


def _open(path: str, access: int = win32con.KEY_ALL_ACCESS) -> Any:
    return win32api.RegOpenKeyEx(HKCU, path, 0, access)


def _change(path: str) -> None:
    key = _open(path)
    win32api.RegSetValueEx(key, "v", 0, win32con.REG_SZ, uuid.uuid4().hex)
    win32api.RegCloseKey(key)


def _is_set(event: Any, ms: int = 0) -> bool:
    return bool(win32event.WaitForSingleObject(event, ms) == win32event.WAIT_OBJECT_0)


def _watch_on_a_thread_that_ends(key: Any, flags: int, event: Any) -> None:
    thread = threading.Thread(
        target=win32api.RegNotifyChangeKeyValue, args=(key, True, flags, event, True)
    )
    thread.start()
    thread.join(30)
    assert not thread.is_alive()


def test_closing_the_watched_key_sets_the_event(path: str, event: Any) -> None:
    key = _open(path)
    win32api.RegNotifyChangeKeyValue(key, True, LAST_SET, event, True)
    assert not _is_set(event)
    win32api.RegCloseKey(key)
    assert _is_set(event)


def test_closing_another_handle_to_the_key_does_not(path: str, event: Any) -> None:
    key, other = _open(path), _open(path)
    win32api.RegNotifyChangeKeyValue(key, True, LAST_SET, event, True)
    win32api.RegCloseKey(other)
    assert not _is_set(event)
    _change(path)
    assert _is_set(event)
    win32api.RegCloseKey(key)


def test_a_watch_needs_key_notify_access(path: str, event: Any) -> None:
    key = _open(path, win32con.KEY_QUERY_VALUE)
    with pytest.raises(pywintypes.error) as caught:
        win32api.RegNotifyChangeKeyValue(key, True, LAST_SET, event, True)
    assert caught.value.winerror == winerror.ERROR_ACCESS_DENIED
    win32api.RegCloseKey(key)


def test_a_synchronous_watch_returns_at_the_next_change(path: str) -> None:
    key = _open(path)
    calling = threading.Event()
    returned: list[object] = []

    def watch() -> None:
        calling.set()
        returned.append(win32api.RegNotifyChangeKeyValue(key, True, LAST_SET, None, False))

    thread = threading.Thread(target=watch)
    thread.start()
    assert calling.wait(30)
    thread.join(0.3)
    assert thread.is_alive()  # nothing has changed yet
    _change(path)
    thread.join(30)
    assert not thread.is_alive()
    assert returned == [None]
    win32api.RegCloseKey(key)


def test_a_thread_agnostic_watch_outlives_its_thread(path: str, event: Any) -> None:
    key = _open(path)
    _watch_on_a_thread_that_ends(key, LAST_SET | THREAD_AGNOSTIC, event)
    assert not _is_set(event)
    _change(path)
    assert _is_set(event)
    win32api.RegCloseKey(key)


@wine_differs(
    "Wine keeps the watch; Windows' documentation of RegNotifyChangeKeyValue: if the thread "
    "that called it exits, the event is signaled"
)
def test_a_watch_ends_with_the_thread_that_made_it(path: str, event: Any) -> None:
    key = _open(path)
    try:
        _watch_on_a_thread_that_ends(key, LAST_SET, event)
        assert _is_set(event, 5000)
    finally:
        win32api.RegCloseKey(key)
