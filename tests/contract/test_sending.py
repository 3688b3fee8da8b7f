"""Contract: SendMessage within and across threads, SendMessageTimeout, ReplyMessage.

semantics.md §6.3, §6.2 (sent messages are handled inside GetMessage/PeekMessage), §9.4.
"""

from collections.abc import Callable
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32gui
import winerror

from ._kernel import JOIN_MS, OBJECT_0
from ._messages import (
    REMOVE,
    WM_QUIT,
    WM_USER,
    Classes,
    Recorder,
    Threads,
    drain,
    get_loop,
    me,
    signaled,
)

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._messages import classes as classes
from ._messages import empty_queue as empty_queue
from ._messages import threads as threads

SEND = pytest.mark.parametrize(
    "send", [win32gui.SendMessage, win32api.SendMessage], ids=["gui", "api"]
)


# --- within one thread -------------------------------------------------------------------


@SEND
def test_send_message_to_this_threads_window_calls_the_procedure_directly(
    classes: Classes, send: Callable[..., int]
) -> None:
    proc = Recorder({WM_USER: lambda hwnd, message, wparam, lparam: wparam * 10 + lparam})
    hwnd = classes.window(proc)
    assert send(hwnd, WM_USER, 4, 2) == 42
    assert proc.calls == [(me(), WM_USER, 4, 2)]
    assert drain() == []  # nothing went through the queue


def test_send_message_params_default_to_zero(classes: Classes) -> None:
    proc = Recorder()
    hwnd = classes.window(proc)
    win32gui.SendMessage(hwnd, WM_USER)
    win32api.SendMessage(hwnd, WM_USER + 1)
    assert proc.calls == [(me(), WM_USER, 0, 0), (me(), WM_USER + 1, 0, 0)]


@SEND
def test_send_message_to_a_destroyed_window_returns_zero_with_invalid_window_handle(
    classes: Classes, send: Callable[..., int]
) -> None:
    hwnd = classes.window({})
    win32gui.DestroyWindow(hwnd)
    win32api.SetLastError(0)
    assert send(hwnd, WM_USER, 0, 0) == 0
    assert win32api.GetLastError() == winerror.ERROR_INVALID_WINDOW_HANDLE


@pytest.mark.parametrize(
    "flags", [win32con.SMTO_NORMAL, win32con.SMTO_BLOCK], ids=["normal", "block"]
)
def test_send_message_timeout_to_this_threads_window_returns_one_and_the_result(
    classes: Classes, flags: int
) -> None:
    hwnd = classes.window(Recorder({WM_USER: lambda *_: 42}))
    assert win32gui.SendMessageTimeout(hwnd, WM_USER, 0, 0, flags, 0) == (1, 42)


def test_send_message_timeout_to_a_destroyed_window_fails_with_invalid_window_handle(
    classes: Classes,
) -> None:
    hwnd = classes.window({})
    win32gui.DestroyWindow(hwnd)
    with pytest.raises(pywintypes.error) as info:
        win32gui.SendMessageTimeout(hwnd, WM_USER, 0, 0, win32con.SMTO_NORMAL, JOIN_MS)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_INVALID_WINDOW_HANDLE,
        "SendMessageTimeout",
    )


def test_reply_message_in_a_same_thread_send_raises_and_the_result_stands(
    classes: Classes,
) -> None:
    outcome: list[str] = []

    def answer(*_: Any) -> int:
        try:
            win32gui.ReplyMessage(7)
        except pywintypes.error:
            outcome.append("raised")
        return 42

    hwnd = classes.window(Recorder({WM_USER: answer}))
    assert win32gui.SendMessage(hwnd, WM_USER, 0, 0) == 42
    assert outcome == ["raised"]


def test_reply_message_outside_a_sent_message_raises() -> None:
    with pytest.raises(pywintypes.error):
        win32gui.ReplyMessage(7)


# --- across threads ----------------------------------------------------------------------


@SEND
def test_send_message_to_another_threads_window_returns_the_owners_result(
    classes: Classes, threads: Threads, send: Callable[..., int]
) -> None:
    proc = Recorder({WM_USER: lambda hwnd, message, wparam, lparam: wparam * 10 + lparam})
    owner = threads.owner(classes.register(proc))
    assert send(owner.hwnd, WM_USER, 4, 2) == 42
    assert proc.calls == [(owner.tid, WM_USER, 4, 2)]  # ran on the owner thread, already done
    owner.stop()


def test_sent_messages_are_handled_inside_get_message_and_never_returned(
    classes: Classes, threads: Threads
) -> None:
    proc = Recorder({WM_USER: lambda *_: 1})
    owner = threads.owner(classes.register(proc))
    for n in range(3):
        assert win32gui.SendMessage(owner.hwnd, WM_USER, n, 0) == 1
    assert owner.stop() == [(0, WM_QUIT, 0, 0)]
    assert proc.calls == [(owner.tid, WM_USER, n, 0) for n in range(3)]


def test_sent_messages_are_handled_before_posted_ones(classes: Classes, threads: Threads) -> None:
    proc = Recorder({WM_USER + 2: lambda *_: 22})
    posted = threads.gate()

    def loop() -> Any:
        signaled(posted)  # WM_USER+1 is queued and a sender has started
        woke = win32event.MsgWaitForMultipleObjects([], False, JOIN_MS, win32con.QS_SENDMESSAGE)
        before = list(proc.calls)  # MsgWait only reports
        rc, msg = win32gui.GetMessage(None, 0, 0)
        return woke, before, rc, tuple(msg[:4]), list(proc.calls)

    owner = threads.owner(classes.register(proc), loop)
    win32gui.PostMessage(owner.hwnd, WM_USER + 1, 0, 0)
    sender = threads.spawn(lambda: win32gui.SendMessage(owner.hwnd, WM_USER + 2, 0, 0))
    win32event.SetEvent(posted)
    assert sender.join() == 22
    woke, before, rc, msg, after = owner.worker.join()
    assert woke == OBJECT_0
    assert before == []
    assert (rc, msg) == (1, (owner.hwnd, WM_USER + 1, 0, 0))  # the posted one is returned
    assert after == [(owner.tid, WM_USER + 2, 0, 0)]  # the sent one was handled first


def test_peek_message_handles_a_sent_message_and_returns_zero_with_nothing_posted(
    classes: Classes, threads: Threads
) -> None:
    proc = Recorder({WM_USER: lambda *_: 5})
    sending = threads.gate()

    def loop() -> Any:
        signaled(sending)
        woke = win32event.MsgWaitForMultipleObjects([], False, JOIN_MS, win32con.QS_SENDMESSAGE)
        return woke, win32gui.PeekMessage(None, 0, 0, REMOVE)[0], list(proc.calls)

    owner = threads.owner(classes.register(proc), loop)
    sender = threads.spawn(lambda: win32gui.SendMessage(owner.hwnd, WM_USER, 1, 2))
    win32event.SetEvent(sending)
    assert sender.join() == 5
    assert owner.worker.join() == (OBJECT_0, 0, [(owner.tid, WM_USER, 1, 2)])


def test_two_threads_sending_to_each_other_do_not_deadlock(
    classes: Classes, threads: Threads
) -> None:
    mine = Recorder({WM_USER + 7: lambda hwnd, message, wparam, lparam: 1000 + wparam})
    hwnd = classes.window(mine)

    def send_back(_hwnd: int, _message: int, wparam: Any, _lparam: Any) -> int:
        result: int = win32gui.SendMessage(hwnd, WM_USER + 7, wparam, 0)
        return result + 1

    owner = threads.owner(classes.register(Recorder({WM_USER + 6: send_back})))
    assert win32gui.SendMessage(owner.hwnd, WM_USER + 6, 8, 0) == 1009
    assert mine.calls == [(me(), WM_USER + 7, 8, 0)]  # handled here, while this thread waited
    owner.stop()


def test_a_blocked_sender_does_not_handle_its_posted_messages(
    classes: Classes, threads: Threads
) -> None:
    mine = Recorder()
    hwnd = classes.window(mine)
    win32gui.PostMessage(hwnd, WM_USER + 1, 0, 0)

    def send_back(*_: Any) -> int:
        win32gui.SendMessage(hwnd, WM_USER + 2, 0, 0)
        return 3

    owner = threads.owner(classes.register(Recorder({WM_USER + 6: send_back})))
    assert win32gui.SendMessage(owner.hwnd, WM_USER + 6, 0, 0) == 3
    assert mine.messages() == [WM_USER + 2]  # the sent one only
    assert drain() == [(hwnd, WM_USER + 1, 0, 0)]  # the posted one is still queued
    owner.stop()


def test_send_message_timeout_to_another_thread_returns_one_and_the_result(
    classes: Classes, threads: Threads
) -> None:
    proc = Recorder({WM_USER: lambda hwnd, message, wparam, lparam: wparam + 1})
    owner = threads.owner(classes.register(proc))
    result = win32gui.SendMessageTimeout(owner.hwnd, WM_USER, 41, 0, win32con.SMTO_NORMAL, JOIN_MS)
    assert type(result) is tuple
    assert result == (1, 42)
    assert proc.calls == [(owner.tid, WM_USER, 41, 0)]
    owner.stop()


def test_send_message_timeout_fails_with_error_timeout_when_the_owner_does_not_pump(
    classes: Classes, threads: Threads
) -> None:
    blocked, release = threads.gate(), threads.gate()

    def loop() -> Any:
        win32event.SetEvent(blocked)
        signaled(release)  # a plain wait: sent messages are not serviced meanwhile
        return get_loop()

    owner = threads.owner(classes.register(Recorder()), loop)
    signaled(blocked)
    with pytest.raises(pywintypes.error) as info:
        win32gui.SendMessageTimeout(owner.hwnd, WM_USER, 0, 0, win32con.SMTO_NORMAL, 100)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_TIMEOUT,
        "SendMessageTimeout",
    )
    assert win32api.GetLastError() == winerror.ERROR_TIMEOUT
    win32event.SetEvent(release)
    owner.stop()


def test_reply_message_releases_a_cross_thread_sender_with_its_value(
    classes: Classes, threads: Threads
) -> None:
    released = threads.gate()
    seen: list[Any] = []

    def answer(*_: Any) -> int:
        seen.append(win32gui.ReplyMessage(77))
        seen.append(win32event.WaitForSingleObject(released, JOIN_MS))  # the sender has returned
        return 99  # discarded: the sender already has its result

    owner = threads.owner(classes.register(Recorder({WM_USER: answer})))
    assert win32gui.SendMessage(owner.hwnd, WM_USER, 0, 0) == 77
    win32event.SetEvent(released)
    owner.stop()
    assert seen == [None, OBJECT_0]
