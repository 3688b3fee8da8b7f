"""Window and thread timers (SetTimer, KillTimer).

A timer does not queue its expirations: it marks itself expired and raises QS_TIMER, and the
queue synthesizes one WM_TIMER when nothing else is waiting (several expirations coalesce).
A queue keeps its timers in ``MessageQueue.timers`` by (hwnd, id); everything there changes
under the kernel lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, final

from .. import _clock
from ..errors import ERROR_NO_SYSTEM_RESOURCES, InvalidParameterError, Win32Error
from ..kernel.lowlevel import KERNEL_LOCK, Waiter, wake_all
from ._constants import QS_TIMER
from ._queue import current_queue
from ._window_table import owned_window

if TYPE_CHECKING:
    from collections.abc import Callable

    from .._clock import Clock, TimerHandle
    from ._queue import MessageQueue

__all__ = ["TIMER_MAXIMUM", "TIMER_MINIMUM", "WindowTimer", "kill_timer", "set_timer"]

TIMER_MINIMUM = 0.010
"""The shortest timer period, in seconds (USER_TIMER_MINIMUM, 10 ms)."""
TIMER_MAXIMUM = 0x7FFFFFFF / 1000.0
"""The longest timer period, in seconds (USER_TIMER_MAXIMUM, 0x7FFFFFFF ms)."""


@final
class WindowTimer:
    """One timer of a queue: its period, its TIMERPROC, and whether it has expired.

    ``expired`` is true from an expiration until WM_TIMER for it is retrieved; ``callback``
    (or None) becomes that WM_TIMER's lparam. ``handle`` is the clock's entry for the next
    expiration. All fields change under the kernel lock.
    """

    __slots__ = ("callback", "clock", "expired", "handle", "key", "period", "queue")

    def __init__(
        self,
        queue: MessageQueue,
        key: tuple[int, int],
        period: float,
        callback: Callable[..., object] | None,
        clock: Clock,
    ) -> None:
        self.queue = queue
        self.key = key
        self.period = period
        self.callback = callback
        self.clock = clock
        self.expired = False
        self.handle: TimerHandle | None = None

    def __repr__(self) -> str:
        hwnd, ident = self.key
        return f"<WindowTimer {ident} of hwnd {hwnd:#x} every {self.period}s>"

    def start(self) -> None:
        """Schedule the next expiration one period from now; kernel lock held."""
        clock = self.clock
        self.handle = clock.call_at(clock.now() + self.period, self.fire)

    def fire(self) -> None:
        """Mark the timer expired, wake its thread and schedule the next expiration.

        Runs on the clock's thread (the real clock's service thread, or the thread that
        advances a FakeClock), never on the timer's own thread.
        """
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            queue = self.queue
            if queue.timers.get(self.key) is not self:
                return  # killed or replaced since
            self.expired = True
            clock = self.clock  # self.start(), inlined
            self.handle = clock.call_at(clock.now() + self.period, self.fire)
            queue.raise_bits(QS_TIMER, woken)
        wake_all(woken)

    def cancel(self) -> None:
        """Stop the clock's entry; kernel lock held (the timer leaves its queue's table)."""
        handle = self.handle
        if handle is not None:
            handle.cancel()


_THREAD_TIMER_FIRST = 0x7FFF
_THREAD_TIMER_LAST = 0x100
_next_thread_timer = [_THREAD_TIMER_FIRST]  # kernel lock held


def _new_thread_timer_id(queue: MessageQueue) -> int:
    """A thread timer's id: counting down from 0x7FFF, as Windows and Wine give them.

    Windows (ReactOS's reimplementation) takes window-less timer ids from a table of 32768
    counting down from 32767; Wine counts down from 0x7FFF to 0x100 and wraps. Programs see
    these numbers (pywin32's ``timer.set_timer`` returns them). An id the queue still uses is
    skipped; with every one in use there is none (ERROR_NO_SYSTEM_RESOURCES, as ReactOS says).
    Kernel lock held.
    """
    for _ in range(_THREAD_TIMER_FIRST - _THREAD_TIMER_LAST):
        timer_id = _next_thread_timer[0]
        _next_thread_timer[0] = (
            timer_id - 1 if timer_id - 1 > _THREAD_TIMER_LAST else _THREAD_TIMER_FIRST
        )
        if (0, timer_id) not in queue.timers:
            return timer_id
    raise Win32Error.from_code(ERROR_NO_SYSTEM_RESOURCES, "every thread timer id is in use")


def set_timer(
    hwnd: int, timer_id: int, elapse: float, callback: Callable[..., object] | None = None
) -> int:
    """Deliver WM_TIMER to a window of the calling thread every ``elapse`` seconds (SetTimer).

    As on Windows, a period under 10 ms is 10 ms (USER_TIMER_MINIMUM) and one over
    0x7FFFFFFF ms is that (USER_TIMER_MAXIMUM, about 24.8 days).
    Expirations are not queued: WM_TIMER is synthesized when the queue has nothing else,
    and several expirations coalesce into one. hwnd 0 makes a thread timer with a fresh id,
    unless ``timer_id`` names a thread timer that exists: that one is replaced and keeps its id.
    Setting an existing (hwnd, id) timer again replaces it. A window timer's result is its id,
    or 1 for id 0 (Windows returns nonzero on success). ``callback`` is called by
    dispatch_message as ``callback(hwnd, WM_TIMER, id, time)`` (a TIMERPROC).

    Raises:
        InvalidWindowHandleError: the window is not the calling thread's.
    """
    if elapse < 0:
        raise InvalidParameterError(f"a timer period must be >= 0 seconds, not {elapse!r}")
    queue = owned_window(hwnd).queue if hwnd else current_queue()
    clock = _clock.get_clock()
    period = min(max(elapse, TIMER_MINIMUM), TIMER_MAXIMUM)
    with KERNEL_LOCK:
        if not hwnd and (0, timer_id) not in queue.timers:
            timer_id = _new_thread_timer_id(queue)
        key = (hwnd, timer_id)
        timer = WindowTimer(queue, key, period, callback, clock)
        old = queue.timers.pop(key, None)
        if old is not None:
            old.cancel()
        queue.timers[key] = timer
        timer.start()
    return timer_id or 1


def kill_timer(hwnd: int, timer_id: int) -> bool:
    """Stop a timer of the calling thread (KillTimer); False if there is no such timer."""
    queue = owned_window(hwnd).queue if hwnd else current_queue()
    with KERNEL_LOCK:
        timer = queue.timers.pop((hwnd, timer_id), None)
        if timer is None:
            return False
        timer.cancel()
        queue.settle()
    return True
