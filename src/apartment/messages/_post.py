"""Posting: to a window's thread, to a thread, and WM_QUIT.

A post is a window-manager call: it makes the caller's own queue first, as on Windows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..kernel.lowlevel import KERNEL_LOCK, Waiter, wake_all
from ._constants import HWND_BROADCAST
from ._foreign import foreign_windows, post_elsewhere, post_thread_elsewhere, post_to_window_of
from ._message import posted_message
from ._queue import ELSEWHERE, THREAD_QUEUE, current_queue
from ._queue import post_thread_message as post_thread_message
from ._window_table import WINDOWS, window_of

if TYPE_CHECKING:
    from ._queue import MessageQueue

__all__ = ["post_message", "post_quit_message", "post_thread_message"]


def post_message(hwnd: int, msg: int, wparam: object = 0, lparam: object = 0) -> None:
    """Post a message to the queue of the thread that owns ``hwnd`` (PostMessage).

    hwnd 0 posts a thread message to the calling thread; HWND_BROADCAST posts to every
    top-level window of every process of the session. A window of another process gets the
    message in its owner thread's queue too: its parameters cross as numbers (:mod:`._crossing`).

    Raises:
        InvalidWindowHandleError: no such window.
        NotEnoughQuotaError: the target queue already holds 10,000 posted messages.
    """
    if not hwnd:
        _post(current_queue(), 0, msg, wparam, lparam)
        return
    try:
        THREAD_QUEUE.queue  # noqa: B018 - only whether the caller has a queue yet
    except AttributeError:
        current_queue()
    if hwnd == HWND_BROADCAST:
        posted_message(0, msg, wparam, lparam)  # what may not be posted fails for all
        with KERNEL_LOCK:
            targets = [w for w in WINDOWS.values() if not w.parent]
        for window in targets:
            _post(window.queue, window.hwnd, msg, wparam, lparam)
        for other in foreign_windows():  # and every other process's top-level windows
            if other.top_level:
                post_to_window_of(other, msg, wparam, lparam)
        return
    message = posted_message(hwnd, msg, wparam, lparam)
    woken: list[Waiter] = []
    with KERNEL_LOCK:  # find the window and post in one hold, as post_to_thread does
        found = WINDOWS.get(hwnd)
        if found is not None:
            found.queue.post(message, woken)
    if found is None:
        if type(hwnd) is int and post_elsewhere(hwnd, msg, wparam, lparam):
            return  # a window of another process of the session
        window_of(hwnd)  # raises the precise error
    if woken:
        wake_all(woken)


ELSEWHERE.post_thread = post_thread_elsewhere  # post_thread_message's way to other processes


def _post(queue: MessageQueue, hwnd: int, msg: int, wparam: object, lparam: object) -> None:
    message = posted_message(hwnd, msg, wparam, lparam)
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        queue.post(message, woken)
    if woken:
        wake_all(woken)


def post_quit_message(exit_code: int = 0) -> None:
    """Ask the calling thread's message loop to end (PostQuitMessage).

    WM_QUIT is not queued: it is flagged, and retrieved once no matching posted message
    remains.
    """
    current_queue().post_quit(exit_code)
