"""The asyncio bridge: await kernel objects and message queues, pump from an event loop.

An awaited wait registers like any other, but its wake-up schedules the future's completion
on the loop (``call_soon_threadsafe``) instead of unparking a thread, so the loop never
blocks. Cancelling the awaiting task withdraws the wait; if it was satisfied meanwhile, what it
took is given back. The loop's thread is the waiting thread: a mutex it gets is owned by it.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from ..kernel import Waitable, WaitResult
from ..kernel.lowlevel import (
    KERNEL_LOCK,
    begin_async_wait,
    cancel_async_wait,
    withdraw_async_wait,
)
from ._constants import PM_REMOVE, QS_ALLINPUT, WM_QUIT
from ._message import Message, quit_code
from ._queue import current_queue
from ._window import dispatch_message
from ._window_table import window_filter

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "wait_async",
    "wait_any_async",
    "wait_all_async",
    "get_message_async",
    "pump_messages_async",
]


async def _wait(
    objects: Iterable[Waitable], wait_all: bool, timeout: float | None
) -> WaitResult | None:
    loop = asyncio.get_running_loop()
    future: asyncio.Future[bool] = loop.create_future()

    def wake() -> None:  # runs on whichever thread satisfied the wait
        loop.call_soon_threadsafe(_resolve, future, True)

    started = begin_async_wait(objects, wait_all, wake)
    if isinstance(started, WaitResult):
        return started
    expiry = None if timeout is None else loop.call_later(timeout, _resolve, future, False)
    try:
        satisfied = await future
    except BaseException:  # cancelled: withdraw, and give back a grant that raced with it
        cancel_async_wait(started)
        raise
    finally:
        if expiry is not None:
            expiry.cancel()
    if not satisfied:
        return withdraw_async_wait(started)
    result = started.result
    assert isinstance(result, WaitResult)  # wake() is only called after a grant
    return result


def _resolve(future: asyncio.Future[bool], satisfied: bool) -> None:
    if not future.done():
        future.set_result(satisfied)


async def wait_async(obj: Waitable, timeout: float | None = None) -> WaitResult | None:
    """Await one kernel object; None on timeout. The loop keeps running meanwhile."""
    return await _wait((obj,), False, timeout)


async def wait_any_async(
    objects: Iterable[Waitable], timeout: float | None = None
) -> WaitResult | None:
    """Await the first of several kernel objects (lowest index wins), as wait_any does."""
    return await _wait(objects, False, timeout)


async def wait_all_async(
    objects: Iterable[Waitable], timeout: float | None = None
) -> WaitResult | None:
    """Await all of several kernel objects at once, as wait_all does."""
    return await _wait(objects, True, timeout)


async def get_message_async(hwnd: int | None = None, first: int = 0, last: int = 0) -> Message:
    """Await the next message of the loop thread's queue (an asynchronous GetMessage).

    ``hwnd``, ``first`` and ``last`` filter as in :func:`get_message`.

    Raises:
        InvalidWindowHandleError: ``hwnd`` is not a window of the calling thread.
    """
    queue = current_queue()
    window = window_filter(hwnd)
    while True:
        message = queue.peek(window, first, last, PM_REMOVE)
        if message is not None:
            return message
        with KERNEL_LOCK:
            queue.input.arm(QS_ALLINPUT, False)
        await wait_async(queue.input)


async def pump_messages_async() -> int:
    """Dispatch the loop thread's messages as they come, until WM_QUIT; return its code.

    Run it as a task beside other coroutines: window procedures and messages sent from other
    threads are then handled on the loop's thread, between its other callbacks.
    """
    while True:
        message = await get_message_async()
        if message[1] == WM_QUIT:
            return quit_code(message)
        dispatch_message(message)
