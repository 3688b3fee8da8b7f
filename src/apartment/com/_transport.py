"""Carrying a call into another apartment and waiting for its result.

Into an STA, a call is *posted* to the apartment's hidden window and runs when that thread
pumps (get_message / pump_waiting_messages / a message wait); an STA that never pumps never
runs it. Into the MTA, a call runs on an MTA worker thread (as RPC threads serve the MTA on
Windows). Into the neutral apartment, a call runs on the caller's thread.

A caller in an STA waits in a *modal loop*: it keeps dispatching the calls posted to its own
window (so an STA is reentrant: A calls B, B calls back into A, and A serves it while it waits),
messages sent from other threads, and paint; every other posted message stays queued. A
WM_QUIT met meanwhile is re-posted after the call. A caller in the MTA just waits.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from typing import TYPE_CHECKING, Any, final

from .. import messages
from ..errors import CantCallOutError, DisconnectedError
from ..kernel import Event, Semaphore, start_thread
from ..kernel.lowlevel import (
    KERNEL_LOCK,
    Waiter,
    recycle_event,
    set_event_locked,
    spare_event,
    wait_any_unchecked,
    wake_all,
)
from ..messages.lowlevel import make_message
from ._apartment import Apartment, ApartmentKind, _state, current_apartment

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "CallPacket",
    "call_from",
    "call_in",
    "open_sta_window",
    "close_sta_window",
    "WM_APARTMENT_CALL",
]

WINDOW_CLASS = "OleMainThreadWndClass"
WM_APARTMENT_CALL = messages.register_window_message("apartment.com.call")
"""The message that carries a call to an STA's hidden window (lparam: the CallPacket)."""

_MODAL_MASK = messages.QS_SENDMESSAGE | messages.QS_POSTMESSAGE | messages.QS_PAINT
_MODAL_OTHERS = messages.PM_REMOVE | messages.PM_QS_SENDMESSAGE | messages.PM_QS_PAINT


@final
class CallPacket:
    """One call on its way to another apartment, and its outcome.

    ``done`` belongs to the calling thread, which reuses it for its next call once this one
    has finished; ``finished`` (kernel lock) makes sure only one of ``run`` and ``fail``
    ever releases the caller.
    """

    __slots__ = ("args", "done", "error", "finished", "fn", "result", "target")

    def __init__(
        self, target: Apartment, fn: Callable[..., Any], args: tuple[Any, ...], done: Event
    ) -> None:
        self.target = target
        self.fn = fn
        self.args = args
        self.done = done
        self.result: Any = None
        self.error: BaseException | None = None
        self.finished = False

    def execute(self) -> bool:
        """Run the call here, keeping its outcome; False if it had failed already.

        ``finished`` is read without the lock: only the thread that runs the call ever sets
        it (a call into an STA fails only when that STA's own thread leaves it; one into the
        MTA never fails before it runs).
        """
        if self.finished:
            return False  # its apartment ended first
        try:
            self.result = self.fn(*self.args)
        except BaseException as error:  # handed back to the caller, as pykka does
            self.error = error
        return True

    def fail(self, error: BaseException) -> None:
        """Release the caller with ``error`` (the target apartment ended before it ran)."""
        self.error = error
        self.finish()

    def finish(self) -> None:
        """Release the caller (once): its outcome is in ``result`` / ``error``."""
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            if self.finished:
                return
            self.finished = True
            target = self.target
            if target.is_sta:
                target.pending.discard(self)
            set_event_locked(self.done, woken)
        if woken:
            wake_all(woken)


def _com_window_proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
    """The hidden STA window's procedure: run calls posted to this apartment."""
    if msg == WM_APARTMENT_CALL and isinstance(lparam, CallPacket):
        if lparam.execute():
            lparam.finish()
        return 0
    return messages.def_window_proc(hwnd, msg, wparam, lparam)


_class_lock = threading.Lock()
_class_registered = [False]


def open_sta_window() -> messages.Window:
    """Create the hidden message-only window of a new STA, on its thread."""
    with _class_lock:
        if not _class_registered[0]:
            messages.register_class(WINDOW_CLASS, _com_window_proc)
            _class_registered[0] = True
    return messages.create_window(
        WINDOW_CLASS, "OleMainThreadWndName", parent=messages.HWND_MESSAGE
    )


def close_sta_window(apartment: Apartment) -> None:
    """Fail the calls still queued to an ended STA and destroy its window."""
    with KERNEL_LOCK:
        window = apartment.window
        apartment.window = None
        pending = list(apartment.pending)
        apartment.pending.clear()
    for packet in pending:
        packet.fail(DisconnectedError(f"{apartment!r} ended before the call ran"))
    if window is not None and not window.destroyed and window.thread is _state().thread:
        window.destroy()


def call_in(target: Apartment, fn: Callable[..., Any], *args: Any) -> Any:  # noqa: ANN401
    """Run ``fn(*args)`` in ``target`` and return its result (or raise its exception).

    Raises:
        DisconnectedError: the target apartment has ended.
        CantCallOutError: the caller is handling a message sent from another thread.
    """
    return call_from(current_apartment(), target, fn, args)


def call_from(
    caller: Apartment, target: Apartment, fn: Callable[..., Any], args: tuple[Any, ...]
) -> Any:  # noqa: ANN401
    """:func:`call_in` for a caller that knows its apartment already (every proxy call)."""
    if target is caller or target.kind is ApartmentKind.NA:
        return fn(*args)
    queue = messages.current_queue() if caller.is_sta else None  # an STA caller's, for its wait
    handling = queue.handling if queue is not None else None
    if handling and handling[-1] is not None:  # messages.in_send_message(), inlined
        raise CantCallOutError(
            "a COM call cannot leave this thread while it handles a message sent from another "
            "thread; post yourself a message and make the call from there"
        )
    done = spare_event()
    packet = CallPacket(target, fn, args, done)
    if target.is_sta:
        _post_to_sta(target, packet)
    else:
        _mta_pool.submit(packet)
    if queue is not None:
        _modal_wait(packet, caller, queue)
    else:
        done.wait()
    recycle_event(done)  # finished: a late set can no longer reach it
    error = packet.error
    if error is not None:
        packet.error = None  # break the traceback cycle
        raise error
    return packet.result


def _post_to_sta(target: Apartment, packet: CallPacket) -> None:
    """Post ``packet`` to the hidden window of ``target`` (PostMessage, one lock taken)."""
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        window = target.window
        if not target.alive or window is None or window.destroyed:
            raise DisconnectedError(f"{target!r} has ended; its objects are gone")
        window.queue.post(make_message(window.hwnd, WM_APARTMENT_CALL, 0, packet), woken)
        target.pending.add(packet)
    if woken:
        wake_all(woken)


def _modal_wait(packet: CallPacket, caller: Apartment, queue: messages.MessageQueue) -> None:
    """Wait for an outgoing call from an STA, serving incoming calls, sends and paint.

    ``queue`` is the calling thread's message queue.
    """
    window = caller.window
    hwnd = window.hwnd if window is not None else -1
    inp = queue.input
    quit_code: int | None = None
    waiting = (packet.done, inp)
    while True:
        with KERNEL_LOCK:
            finished = packet.finished  # often, by the time this thread has the GIL again
            if not finished:
                inp.arm(_MODAL_MASK, False)
        if finished:
            break
        result = wait_any_unchecked(waiting)
        if result is not None and result.index == 0:
            break
        while True:  # calls into this apartment (and WM_QUIT, which ignores the filter)
            message = queue.peek(hwnd, 0, 0, messages.PM_REMOVE)
            if message is None:
                break
            if message.message == messages.WM_QUIT:
                quit_code = messages.quit_code(message)
                continue
            messages.dispatch_message(message)
        message = queue.peek(None, 0, 0, _MODAL_OTHERS)  # sends are handled inside; paint here
        if message is not None:
            messages.dispatch_message(message)
    if quit_code is not None:
        messages.post_quit_message(quit_code)


class _MtaPool:
    """Threads that run calls from other apartments in the MTA, as many as calls need."""

    IDLE_SECONDS = 30.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tasks: deque[CallPacket] = deque()
        self._ready = Semaphore(0, 1 << 30)
        self._idle = 0
        self._names = itertools.count(1)

    def submit(self, packet: CallPacket) -> None:
        with self._lock:
            self._tasks.append(packet)
            start = self._idle == 0
            if not start:
                self._idle -= 1
        if start:
            start_thread(self._work, name=f"apartment-mta-worker-{next(self._names)}")
        self._ready.release()

    def _work(self) -> None:
        state = _state()  # a worker serves the MTA without holding it alive (no initialize)
        while True:
            if not self._ready.wait(self.IDLE_SECONDS):
                with self._lock:
                    if self._idle and not self._tasks:
                        self._idle -= 1
                        return
                continue
            with self._lock:
                packet = self._tasks.popleft()
            if state.apartment is not packet.target:  # the MTA of this call (a later one, maybe)
                with KERNEL_LOCK:
                    state.apartment = packet.target
            executed = packet.execute()
            with self._lock:
                self._idle += 1  # before the caller is released: its next call finds us idle
            if executed:
                packet.finish()


_mta_pool = _MtaPool()


def run_in_mta(fn: Callable[..., Any], *args: Any) -> Any:  # noqa: ANN401
    """Run ``fn(*args)`` on an MTA thread (creating the host MTA if needed) and wait."""
    from ._apartment import ensure_mta

    return call_in(ensure_mta(), fn, *args)
