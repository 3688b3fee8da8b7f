"""Contract: queues, posting, retrieval order, filters and WM_QUIT (semantics.md §6.1, §6.2)."""

import sys
import uuid
from collections.abc import Callable
from typing import Any

import pytest
import pywintypes
import win32api
import win32event
import win32gui
import winerror

from ._messages import (
    NOREMOVE,
    REMOVE,
    WM_QUIT,
    WM_USER,
    Classes,
    Threads,
    create,
    drain,
    me,
    signaled,
)

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._messages import classes as classes
from ._messages import empty_queue as empty_queue
from ._messages import threads as threads

NO_MESSAGE = (0, 0, 0, 0, 0, (0, 0))


def peek(hwnd: Any = None, first: int = 0, last: int = 0, flags: int = REMOVE) -> tuple[int, int]:
    """PeekMessage; returns (rc, message number)."""
    rc, msg = win32gui.PeekMessage(hwnd, first, last, flags)
    return rc, msg[1]


def take(hwnd: Any = None, first: int = 0, last: int = 0) -> tuple[Any, ...]:
    """PeekMessage with PM_REMOVE that must find a message; returns (hwnd, msg, wParam, lParam)."""
    rc, msg = win32gui.PeekMessage(hwnd, first, last, REMOVE)
    assert rc != 0, "no message"
    return tuple(msg[:4])


@pytest.fixture
def window(classes: Classes) -> int:
    """A message-only window of this thread whose procedure leaves everything to DefWindowProc."""
    return classes.window({})


def dead_window(classes: Classes) -> int:
    """The handle of a window that existed and was destroyed."""
    hwnd = create(classes.register({}))
    win32gui.DestroyWindow(hwnd)
    return hwnd


# --- the queue is created lazily ---------------------------------------------------------


POST_THREAD = pytest.mark.parametrize(
    "post",
    [win32gui.PostThreadMessage, win32api.PostThreadMessage],
    ids=["win32gui", "win32api"],
)


@POST_THREAD
def test_posting_to_a_thread_before_its_first_message_call_fails_with_invalid_thread_id(
    threads: Threads, post: Callable[..., None]
) -> None:
    started, go = threads.gate(), threads.gate()

    def body() -> Any:
        win32event.SetEvent(started)
        signaled(go)
        return win32gui.PeekMessage(None, 0, 0, REMOVE)

    worker = threads.spawn(body)
    signaled(started)
    with pytest.raises(pywintypes.error) as info:
        post(worker.tid, WM_USER, 1, 2)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_INVALID_THREAD_ID,
        "PostThreadMessage",
    )
    win32event.SetEvent(go)
    assert worker.join() == [0, NO_MESSAGE]  # the failed post left nothing behind


@pytest.mark.parametrize(
    "first_call",
    [
        lambda: win32gui.PeekMessage(None, WM_USER, WM_USER, NOREMOVE),
        lambda: win32event.MsgWaitForMultipleObjects([], False, 0, win32event.QS_ALLINPUT),
    ],
    ids=["PeekMessage", "MsgWaitForMultipleObjects"],
)
def test_the_first_message_call_creates_the_queue(
    threads: Threads, first_call: Callable[[], Any]
) -> None:
    has_queue, posted = threads.gate(), threads.gate()

    def body() -> Any:
        first_call()
        win32event.SetEvent(has_queue)
        signaled(posted)
        rc, msg = win32gui.GetMessage(None, 0, 0)
        return rc, msg[:4]

    worker = threads.spawn(body)
    signaled(has_queue)
    win32gui.PostThreadMessage(worker.tid, WM_USER + 1, 5, 6)
    win32event.SetEvent(posted)
    assert worker.join() == (1, (0, WM_USER + 1, 5, 6))


@pytest.mark.xfail(
    sys.platform == "win32",
    reason="Wine differs from Windows here: a thread id that does not exist gives "
    "ERROR_INVALID_THREAD_ID (Wine: ERROR_INVALID_PARAMETER), semantics.md §6.1",
    strict=True,
)
@POST_THREAD
def test_posting_to_an_ended_thread_fails_with_invalid_thread_id(
    threads: Threads, post: Callable[..., None]
) -> None:
    worker = threads.spawn(lambda: win32gui.PeekMessage(None, 0, 0, NOREMOVE))
    tid = worker.tid
    worker.join()
    with pytest.raises(pywintypes.error) as info:
        post(tid, WM_USER, 1, 2)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_INVALID_THREAD_ID,
        "PostThreadMessage",
    )


def test_post_message_to_a_destroyed_window_fails_with_invalid_window_handle(
    classes: Classes,
) -> None:
    hwnd = dead_window(classes)
    for post in (win32gui.PostMessage, win32api.PostMessage):
        with pytest.raises(pywintypes.error) as info:
            post(hwnd, WM_USER, 0, 0)
        assert (info.value.winerror, info.value.funcname) == (
            winerror.ERROR_INVALID_WINDOW_HANDLE,
            "PostMessage",
        )


# --- shapes and posting ------------------------------------------------------------------


def test_peek_message_with_nothing_queued_returns_zero_and_an_empty_msg() -> None:
    result = win32gui.PeekMessage(None, 0, 0, REMOVE)
    assert type(result) is list
    assert result == [0, NO_MESSAGE]


def test_get_message_returns_a_list_of_rc_and_a_msg_tuple() -> None:
    win32gui.PostThreadMessage(me(), WM_USER, 7, 8)
    result = win32gui.GetMessage(None, 0, 0)
    assert type(result) is list
    assert len(result) == 2
    rc, msg = result
    assert rc == 1
    assert isinstance(msg, tuple)
    assert len(msg) == 6
    assert msg[:4] == (0, WM_USER, 7, 8)
    assert type(msg[4]) is int
    assert type(msg[5]) is tuple
    assert len(msg[5]) == 2


def test_post_message_queues_for_the_window_with_its_params(window: int) -> None:
    win32gui.PostMessage(window, WM_USER + 3, 11, 12)
    assert take() == (window, WM_USER + 3, 11, 12)


def test_post_message_with_hwnd_zero_posts_a_thread_message() -> None:
    win32gui.PostMessage(0, WM_USER, 3, 4)
    assert take() == (0, WM_USER, 3, 4)


def test_win32api_post_functions_default_the_params_to_zero(window: int) -> None:
    win32api.PostMessage(window, WM_USER)
    win32api.PostThreadMessage(me(), WM_USER + 1)
    assert [take(), take()] == [(window, WM_USER, 0, 0), (0, WM_USER + 1, 0, 0)]


def test_posted_messages_are_retrieved_in_fifo_order(window: int) -> None:
    win32gui.PostMessage(window, WM_USER + 5, 1, 0)
    win32gui.PostThreadMessage(me(), WM_USER + 1, 2, 0)
    win32api.PostMessage(window, WM_USER + 3, 3, 0)
    win32gui.PostThreadMessage(me(), WM_USER + 2, 4, 0)
    got = [tuple(win32gui.GetMessage(None, 0, 0)[1][:3]) for _ in range(4)]
    assert got == [
        (window, WM_USER + 5, 1),
        (0, WM_USER + 1, 2),
        (window, WM_USER + 3, 3),
        (0, WM_USER + 2, 4),
    ]


def test_pm_noremove_leaves_the_message_and_pm_remove_removes_it() -> None:
    win32gui.PostThreadMessage(me(), WM_USER, 1, 0)
    assert peek(flags=NOREMOVE) == (1, WM_USER)
    assert peek(flags=NOREMOVE) == (1, WM_USER)
    assert peek(flags=REMOVE) == (1, WM_USER)
    assert peek(flags=REMOVE) == (0, 0)


def test_get_message_waits_for_a_message_posted_by_another_thread(threads: Threads) -> None:
    tid = me()
    poster = threads.spawn(lambda: win32gui.PostThreadMessage(tid, WM_USER + 9, 1, 2))
    assert win32gui.GetMessage(None, 0, 0)[1][:4] == (0, WM_USER + 9, 1, 2)
    poster.join()


@pytest.mark.xfail(
    sys.platform == "win32",
    reason="Wine differs from Windows here: a queue holds at most 10,000 posted messages "
    "(Wine has no limit), semantics.md §6.1, §10 #17",
    strict=True,
)
def test_the_10001st_posted_message_fails_with_not_enough_quota() -> None:
    tid = me()
    for n in range(10_000):
        win32gui.PostThreadMessage(tid, WM_USER, n, 0)
    with pytest.raises(pywintypes.error) as info:
        win32gui.PostThreadMessage(tid, WM_USER, 10_000, 0)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_NOT_ENOUGH_QUOTA,
        "PostThreadMessage",
    )
    assert take() == (0, WM_USER, 0, 0)  # the queued ones are intact
    win32gui.PostThreadMessage(tid, WM_USER, 10_000, 0)  # there is room again


# --- filters -----------------------------------------------------------------------------


def test_min_max_filter_returns_the_first_message_in_range_and_leaves_the_others() -> None:
    tid = me()
    for message in (WM_USER + 1, WM_USER + 5, WM_USER + 6, WM_USER + 9):
        win32gui.PostThreadMessage(tid, message, 0, 0)
    assert peek(None, WM_USER + 4, WM_USER + 8) == (1, WM_USER + 5)
    assert peek(None, WM_USER + 4, WM_USER + 8) == (1, WM_USER + 6)
    assert peek(None, WM_USER + 4, WM_USER + 8) == (0, 0)
    assert [peek(), peek(), peek()] == [(1, WM_USER + 1), (1, WM_USER + 9), (0, 0)]


def test_min_max_filter_bounds_are_inclusive() -> None:
    tid = me()
    for message in (WM_USER + 1, WM_USER + 2, WM_USER + 3):
        win32gui.PostThreadMessage(tid, message, 0, 0)
    assert peek(None, WM_USER + 3, WM_USER + 3) == (1, WM_USER + 3)
    assert peek(None, WM_USER + 1, WM_USER + 2) == (1, WM_USER + 1)
    assert peek(None, WM_USER + 1, WM_USER + 2) == (1, WM_USER + 2)


def test_get_message_filter_waits_past_messages_out_of_range(threads: Threads) -> None:
    tid = me()
    win32gui.PostThreadMessage(tid, WM_USER + 1, 0, 0)
    poster = threads.spawn(lambda: win32gui.PostThreadMessage(tid, WM_USER + 2, 0, 0))
    assert win32gui.GetMessage(None, WM_USER + 2, WM_USER + 2)[1][1] == WM_USER + 2
    poster.join()
    assert peek() == (1, WM_USER + 1)


def test_hwnd_filter_returns_only_that_windows_messages(window: int) -> None:
    win32gui.PostThreadMessage(me(), WM_USER + 1, 0, 0)
    win32gui.PostMessage(window, WM_USER + 2, 0, 0)
    assert take(window) == (window, WM_USER + 2, 0, 0)
    assert peek(window) == (0, 0)
    assert take() == (0, WM_USER + 1, 0, 0)


@pytest.mark.parametrize("hwnd", [None, 0], ids=["none", "zero"])
def test_null_hwnd_filter_returns_window_and_thread_messages(window: int, hwnd: Any) -> None:
    win32gui.PostMessage(window, WM_USER + 1, 0, 0)
    win32gui.PostThreadMessage(me(), WM_USER + 2, 0, 0)
    assert [peek(hwnd), peek(hwnd), peek(hwnd)] == [(1, WM_USER + 1), (1, WM_USER + 2), (0, 0)]


def test_hwnd_minus_one_filter_returns_only_thread_messages(window: int) -> None:
    win32gui.PostMessage(window, WM_USER + 1, 0, 0)
    win32gui.PostThreadMessage(me(), WM_USER + 2, 0, 0)
    assert take(-1) == (0, WM_USER + 2, 0, 0)
    assert peek(-1) == (0, 0)
    assert take() == (window, WM_USER + 1, 0, 0)


def test_get_message_for_a_destroyed_window_returns_minus_one(classes: Classes) -> None:
    hwnd = dead_window(classes)
    win32gui.PostThreadMessage(me(), WM_USER, 0, 0)
    assert win32gui.GetMessage(hwnd, 0, 0) == [-1, NO_MESSAGE]
    assert win32api.GetLastError() == winerror.ERROR_INVALID_WINDOW_HANDLE
    assert peek() == (1, WM_USER)  # untouched


def test_peek_message_for_a_destroyed_window_returns_zero(classes: Classes) -> None:
    hwnd = dead_window(classes)
    win32gui.PostThreadMessage(me(), WM_USER, 0, 0)
    assert win32gui.PeekMessage(hwnd, 0, 0, REMOVE) == [0, NO_MESSAGE]
    assert win32api.GetLastError() == winerror.ERROR_INVALID_WINDOW_HANDLE
    assert peek() == (1, WM_USER)


def test_peek_message_for_another_threads_window_returns_nothing(
    classes: Classes, threads: Threads
) -> None:
    name = classes.register({})
    made, done = threads.gate(), threads.gate()
    box: dict[str, int] = {}

    def body() -> Any:
        box["hwnd"] = hwnd = create(name)
        try:
            win32gui.PostMessage(hwnd, WM_USER + 4, 0, 0)
            win32event.SetEvent(made)
            signaled(done)
            return take(hwnd)
        finally:
            win32gui.DestroyWindow(hwnd)

    worker = threads.spawn(body)
    signaled(made)
    assert win32gui.PeekMessage(box["hwnd"], 0, 0, REMOVE) == [0, NO_MESSAGE]
    win32event.SetEvent(done)
    assert worker.join() == (box["hwnd"], WM_USER + 4, 0, 0)  # still there for its owner


# --- WM_QUIT -----------------------------------------------------------------------------


def test_post_quit_message_is_retrieved_after_every_posted_message() -> None:
    tid = me()
    win32gui.PostQuitMessage(3)
    win32gui.PostThreadMessage(tid, WM_USER + 1, 0, 0)
    win32gui.PostThreadMessage(tid, WM_USER + 2, 0, 0)
    got = [win32gui.GetMessage(None, 0, 0) for _ in range(3)]
    assert [(rc, msg[:4]) for rc, msg in got] == [
        (1, (0, WM_USER + 1, 0, 0)),
        (1, (0, WM_USER + 2, 0, 0)),
        (0, (0, WM_QUIT, 3, 0)),
    ]
    assert peek() == (0, 0)


def test_wm_quit_is_returned_regardless_of_the_filter_once_no_match_remains() -> None:
    tid = me()
    win32gui.PostThreadMessage(tid, WM_USER + 100, 0, 0)
    win32gui.PostQuitMessage(4)
    win32gui.PostThreadMessage(tid, WM_USER, 0, 0)
    assert peek(None, WM_USER, WM_USER) == (1, WM_USER)
    rc, msg = win32gui.GetMessage(None, WM_USER, WM_USER)
    assert (rc, msg[:4]) == (0, (0, WM_QUIT, 4, 0))
    assert [peek(), peek()] == [(1, WM_USER + 100), (0, 0)]


def test_peek_with_pm_noremove_leaves_wm_quit_pending() -> None:
    win32gui.PostQuitMessage(5)
    for _ in range(2):
        rc, msg = win32gui.PeekMessage(None, 0, 0, NOREMOVE)
        assert (rc, msg[:4]) == (1, (0, WM_QUIT, 5, 0))
    rc, msg = win32gui.PeekMessage(None, 0, 0, REMOVE)
    assert (rc, msg[:4]) == (1, (0, WM_QUIT, 5, 0))
    assert peek() == (0, 0)


def test_win32api_post_quit_message_defaults_the_exit_code_to_zero() -> None:
    win32api.PostQuitMessage()
    rc, msg = win32gui.GetMessage(None, 0, 0)
    assert (rc, msg[:4]) == (0, (0, WM_QUIT, 0, 0))


def test_post_quit_message_twice_gives_one_wm_quit_with_the_last_code() -> None:
    win32gui.PostQuitMessage(5)
    win32gui.PostQuitMessage(6)
    assert drain() == [(0, WM_QUIT, 6, 0)]


def test_wm_quit_posted_with_post_thread_message_is_an_ordinary_fifo_message() -> None:
    tid = me()
    win32gui.PostThreadMessage(tid, WM_USER + 1, 0, 0)
    win32gui.PostThreadMessage(tid, WM_QUIT, 11, 0)
    win32gui.PostThreadMessage(tid, WM_USER + 2, 0, 0)
    got = [win32gui.GetMessage(None, 0, 0) for _ in range(3)]
    assert [(rc, msg[:4]) for rc, msg in got] == [
        (1, (0, WM_USER + 1, 0, 0)),
        (0, (0, WM_QUIT, 11, 0)),
        (1, (0, WM_USER + 2, 0, 0)),
    ]


def test_wm_quit_posted_with_post_thread_message_obeys_the_filter() -> None:
    tid = me()
    win32gui.PostThreadMessage(tid, WM_QUIT, 11, 0)
    win32gui.PostThreadMessage(tid, WM_USER, 0, 0)
    assert peek(None, WM_USER, WM_USER) == (1, WM_USER)
    assert peek(None, WM_USER, WM_USER) == (0, 0)
    assert drain() == [(0, WM_QUIT, 11, 0)]


# --- RegisterWindowMessage ---------------------------------------------------------------


def test_register_window_message_gives_one_id_per_name_in_the_string_message_range() -> None:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    first = win32gui.RegisterWindowMessage(name)
    assert type(first) is int
    assert 0xC000 <= first <= 0xFFFF
    assert win32gui.RegisterWindowMessage(name) == first
    assert win32api.RegisterWindowMessage(name) == first


def test_register_window_message_compares_names_case_insensitively() -> None:
    name = f"Apartment.Contract.{uuid.uuid4().hex}"
    first = win32gui.RegisterWindowMessage(name)
    assert win32gui.RegisterWindowMessage(name.upper()) == first
    assert win32gui.RegisterWindowMessage(name.lower()) == first


def test_register_window_message_gives_different_names_different_ids() -> None:
    base = f"apartment-contract-{uuid.uuid4().hex}"
    ids = {win32gui.RegisterWindowMessage(f"{base}-{n}") for n in range(3)}
    assert len(ids) == 3


def test_a_retrieved_msg_prints_as_a_plain_tuple(empty_queue: None) -> None:
    """pywin32's MSG is a tuple: programs that print what GetMessage/PeekMessage give see one."""
    win32api.PostThreadMessage(me(), WM_USER, 5, 6)
    win32api.PostThreadMessage(me(), WM_USER, 7, 8)
    _, peeked = win32gui.PeekMessage(None, 0, 0, REMOVE)
    _, got = win32gui.GetMessage(None, 0, 0)
    for msg, params in ((peeked, (5, 6)), (got, (7, 8))):
        assert repr(msg) == repr(tuple(msg)) and str(msg) == str(tuple(msg))
        assert msg[:4] == (0, WM_USER, *params)
