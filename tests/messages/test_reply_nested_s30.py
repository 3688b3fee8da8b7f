"""The sent message a thread is handling stays current through the messages it sends itself
or dispatches meanwhile: InSendMessage(Ex) and ReplyMessage see it there (semantics.md §6.4).

A same-thread send and a posted message are no receipt; win32k keeps the message being
received per thread and changes it only for messages sent from other threads (ReactOS'
``pusmCurrent``), as Wine's receive info does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from apartment.messages import (
    ISMEX_NOSEND,
    ISMEX_REPLIED,
    ISMEX_SEND,
    PM_REMOVE,
    WM_USER,
    create_window,
    def_window_proc,
    dispatch_message,
    in_send_message,
    in_send_message_ex,
    peek_message,
    post_message,
    register_class,
    reply_message,
    send_message,
    unregister_class,
)

from ._helpers import Pumper

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

CLASS = "reply-nested-s30"
WM_INNER = WM_USER + 1

Proc = dict[int, "Callable[[int], int]"]


@pytest.fixture
def procs() -> Iterator[Proc]:
    table: Proc = {}

    def proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
        handler = table.get(msg)
        return handler(hwnd) if handler is not None else def_window_proc(hwnd, msg, wparam, lparam)

    register_class(CLASS, proc)
    yield table
    unregister_class(CLASS)


def test_a_same_thread_send_inside_a_cross_thread_one_is_still_in_it(procs: Proc) -> None:
    observed: list[object] = []

    def inner(hwnd: int) -> int:
        observed.append((in_send_message(), in_send_message_ex()))
        observed.append(reply_message(5))  # answers the other thread's sender
        observed.append(in_send_message_ex())
        return 6

    def outer(hwnd: int) -> int:
        observed.append(send_message(hwnd, WM_INNER))
        observed.append(reply_message(8))  # succeeds again; the first reply stands
        return 9

    procs.update({WM_USER: outer, WM_INNER: inner})
    pumper = Pumper(lambda: create_window(CLASS))
    assert send_message(pumper.result.hwnd, WM_USER) == 5
    pumper.stop()
    assert observed == [(True, ISMEX_SEND), True, ISMEX_SEND | ISMEX_REPLIED, 6, True]


def test_a_posted_message_dispatched_inside_a_cross_thread_send_is_still_in_it(
    procs: Proc,
) -> None:
    observed: list[object] = []

    def inner(hwnd: int) -> int:
        observed.append((in_send_message(), reply_message(7)))
        return 0

    def outer(hwnd: int) -> int:
        post_message(hwnd, WM_INNER)
        message = peek_message(hwnd, WM_INNER, WM_INNER, PM_REMOVE)
        assert message is not None
        dispatch_message(message)
        return 8

    procs.update({WM_USER: outer, WM_INNER: inner})
    pumper = Pumper(lambda: create_window(CLASS))
    assert send_message(pumper.result.hwnd, WM_USER) == 7
    pumper.stop()
    assert observed == [(True, True)]


def test_outside_any_cross_thread_send_nested_messages_are_not_in_one(procs: Proc) -> None:
    observed: list[object] = []

    def inner(hwnd: int) -> int:
        observed.append((in_send_message(), in_send_message_ex(), reply_message(1)))
        return 0

    def outer(hwnd: int) -> int:
        return send_message(hwnd, WM_INNER)

    procs.update({WM_USER: outer, WM_INNER: inner})
    window = create_window(CLASS)
    send_message(window.hwnd, WM_USER)  # same thread, twice nested
    window.destroy()
    assert observed == [(False, ISMEX_NOSEND, False)]
