"""The asyncio bridge: awaiting kernel objects and queues, pumping from an event loop."""

from __future__ import annotations

import asyncio
import contextlib
import threading

from apartment.kernel import Event, Mutex, Semaphore, WaitResult, current_thread, start_thread
from apartment.messages import (
    WM_QUIT,
    WM_USER,
    create_window,
    current_queue,
    def_window_proc,
    get_message_async,
    post_message,
    post_thread_message,
    pump_messages_async,
    register_class,
    send_message,
    unregister_class,
    wait_all_async,
    wait_any_async,
    wait_async,
)


def test_awaiting_an_event_set_by_another_thread() -> None:
    event = Event()

    async def main() -> WaitResult | None:
        start = start_thread(event.set)
        result = await wait_async(event, 10)
        assert start.wait(10)
        return result

    assert asyncio.run(main()) == WaitResult(0)
    assert not event.is_set()


def test_the_loop_keeps_running_while_it_awaits() -> None:
    event = Event()
    ticks: list[int] = []

    async def ticker() -> None:
        for n in range(3):
            ticks.append(n)
            await asyncio.sleep(0)
        event.set()

    async def main() -> WaitResult | None:
        task = asyncio.create_task(ticker())
        result = await wait_async(event, 10)
        await task
        return result

    assert asyncio.run(main()) == WaitResult(0)
    assert ticks == [0, 1, 2]


def test_an_awaited_wait_times_out_with_none_and_leaves_no_waiter() -> None:
    event = Event()
    assert asyncio.run(wait_async(event, 0.01)) is None
    assert event.statistics().threads_waiting == 0


def test_wait_any_and_wait_all_async() -> None:
    events = [Event(), Event(initial_state=True)]
    assert asyncio.run(wait_any_async(events, 1)) == WaitResult(1)
    semaphore = Semaphore(1, 1)
    assert asyncio.run(wait_all_async([semaphore, Event(initial_state=True)], 1)) == WaitResult(0)
    assert semaphore.statistics().count == 0


def test_a_cancelled_wait_gives_back_what_it_got() -> None:
    semaphore = Semaphore(0, 1)

    async def main() -> None:
        task = asyncio.create_task(wait_async(semaphore, 10))
        await asyncio.sleep(0)  # let it register
        semaphore.release()  # granted to the task...
        task.cancel()  # ...which is cancelled before it resumes
        with contextlib.suppress(asyncio.CancelledError):
            await task

    asyncio.run(main())
    assert semaphore.statistics().count == 1
    assert semaphore.statistics().threads_waiting == 0


def test_a_mutex_awaited_is_owned_by_the_loop_thread() -> None:
    mutex = Mutex()

    async def main() -> int | None:
        await wait_async(mutex, 1)
        owner = mutex.statistics().owner
        mutex.release()
        return owner

    assert asyncio.run(main()) == threading.get_native_id()


def test_get_message_async_awaits_a_posted_message() -> None:
    async def main() -> int:
        me = current_queue().thread
        start = start_thread(post_thread_message, me, WM_USER + 7)
        message = await get_message_async()
        assert start.wait(10)
        return message.message

    assert asyncio.run(main()) == WM_USER + 7


def test_a_loop_pumps_window_messages_and_sent_messages() -> None:
    seen: list[int] = []

    def proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
        if msg >= WM_USER:
            seen.append(msg)
            return 5
        return def_window_proc(hwnd, msg, wparam, lparam)

    register_class("aio-test", proc)
    try:

        async def main() -> int:
            window = create_window("aio-test")
            pump = asyncio.create_task(pump_messages_async())
            post_message(window.hwnd, WM_USER + 1)
            results: list[int] = []
            sender = start_thread(lambda: results.append(send_message(window.hwnd, WM_USER + 2)))
            # the pump task serves the send while the loop awaits the sender
            assert await wait_async(sender, 10) == WaitResult(0)
            post_thread_message(current_thread(), WM_QUIT, 9)
            code = await pump
            window.destroy()
            assert results == [5]
            return code

        assert asyncio.run(main()) == 9
    finally:
        unregister_class("aio-test")
    assert sorted(seen) == [WM_USER + 1, WM_USER + 2]  # the send may well come first


def test_get_message_async_with_hwnd_0_takes_window_messages_too() -> None:
    """hwnd 0 means any window and thread messages, as for get_message."""
    register_class("aio-test-any", def_window_proc)
    try:

        async def main() -> tuple[int, object]:
            window = create_window("aio-test-any")
            post_message(window.hwnd, WM_USER, 7)
            message = await asyncio.wait_for(get_message_async(0), 10)
            window.destroy()
            return message.hwnd - window.hwnd, message.wparam

        assert asyncio.run(main()) == (0, 7)
    finally:
        unregister_class("aio-test-any")
