"""Contract: a thread handling a message sent from another thread stays "in" it through the
messages it sends itself or dispatches meanwhile (ReplyMessage, build 312).

What counts for ReplyMessage (and InSendMessage) is the innermost message sent from another
thread that the thread is handling; a message the thread sends to its own window, or a posted
one it dispatches inside, is no receipt and does not hide it. So a ReplyMessage made there
answers the other thread's sender. Asked of the real pywin32 first (under Wine); ReactOS'
win32k, which keeps the message being received per thread, reads the same way.
"""

from __future__ import annotations

from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32gui

from ._messages import WM_USER, Classes, Recorder, Threads

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._messages import classes as classes
from ._messages import threads as threads

WM_INNER = WM_USER + 1


def test_reply_inside_a_same_thread_send_answers_the_other_threads_sender(
    classes: Classes, threads: Threads
) -> None:
    seen: list[Any] = []

    def inner(*_: Any) -> int:
        seen.append(win32gui.ReplyMessage(5))  # TRUE: the outer send is still being handled
        return 6

    def outer(hwnd: int, *_: Any) -> int:
        seen.append(win32gui.SendMessage(hwnd, WM_INNER, 0, 0))
        return 9  # discarded: the sender already has 5

    owner = threads.owner(classes.register(Recorder({WM_USER: outer, WM_INNER: inner})))
    assert win32gui.SendMessage(owner.hwnd, WM_USER, 0, 0) == 5
    owner.stop()
    assert seen == [None, 6]


def test_reply_inside_a_dispatched_posted_message_answers_the_other_threads_sender(
    classes: Classes, threads: Threads
) -> None:
    seen: list[Any] = []

    def inner(*_: Any) -> int:
        seen.append(win32gui.ReplyMessage(7))
        return 0

    def outer(hwnd: int, *_: Any) -> int:
        win32gui.PostMessage(hwnd, WM_INNER, 0, 0)
        found, message = win32gui.PeekMessage(hwnd, WM_INNER, WM_INNER, win32con.PM_REMOVE)
        seen.append(found)
        win32gui.DispatchMessage(message)
        return 8

    owner = threads.owner(classes.register(Recorder({WM_USER: outer, WM_INNER: inner})))
    assert win32gui.SendMessage(owner.hwnd, WM_USER, 0, 0) == 7
    owner.stop()
    assert seen == [1, None]


def test_reply_outside_a_sent_message_raises_with_the_threads_last_error() -> None:
    # FALSE sets no error: pywin32's BOOLAPI raises with whatever GetLastError holds.
    for code in (0, 5):
        win32api.SetLastError(code)
        with pytest.raises(pywintypes.error) as caught:
            win32gui.ReplyMessage(1)
        assert (caught.value.winerror, caught.value.funcname) == (code, "ReplyMessage")
