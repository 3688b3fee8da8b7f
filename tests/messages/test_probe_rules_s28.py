"""Rules the session-28 message probe found (tools/probes/msgqueue_probe.py): classes that
still have windows, and ReplyMessage after a reply."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import pytest

from apartment.errors import ClassDoesNotExistError, ClassHasWindowsError
from apartment.messages import (
    WM_USER,
    create_window,
    def_window_proc,
    register_class,
    reply_message,
    send_message,
    unregister_class,
)

from ._helpers import Pumper

if TYPE_CHECKING:
    from collections.abc import Iterator

CLASS = "s28-probe-rules"


def _proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
    return def_window_proc(hwnd, msg, wparam, lparam)


@pytest.fixture
def wclass() -> Iterator[str]:
    register_class(CLASS, _proc)
    yield CLASS
    with contextlib.suppress(ClassDoesNotExistError):
        unregister_class(CLASS)


def test_a_class_with_a_live_window_cannot_be_unregistered(wclass: str) -> None:
    window = create_window(wclass)
    with pytest.raises(ClassHasWindowsError) as caught:
        unregister_class(wclass.upper())
    assert caught.value.winerror == 1412
    second = create_window(wclass)  # the class is still registered
    second.destroy()
    window.destroy()
    unregister_class(wclass)
    with pytest.raises(ClassDoesNotExistError):
        unregister_class(wclass)


def test_a_window_of_another_thread_keeps_the_class_registered(wclass: str) -> None:
    pumper = Pumper(lambda: create_window(wclass))
    try:
        with pytest.raises(ClassHasWindowsError):
            unregister_class(wclass)
    finally:
        pumper.stop()  # the thread ends, and its window with it
    unregister_class(wclass)


def test_reply_message_after_the_reply_still_succeeds() -> None:
    replies: list[bool] = []

    def proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
        if msg == WM_USER:
            replies.append(reply_message(1))
            replies.append(reply_message(2))
            return 3
        return def_window_proc(hwnd, msg, wparam, lparam)

    register_class(CLASS + "-reply", proc)
    pumper = Pumper(lambda: create_window(CLASS + "-reply"))
    try:
        assert send_message(pumper.result.hwnd, WM_USER) == 1  # the first reply stands
    finally:
        pumper.stop()
    unregister_class(CLASS + "-reply")
    assert replies == [True, True]
