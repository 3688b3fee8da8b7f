"""Hosting a single-threaded apartment: its hidden window, and the calls its thread makes.

Into an STA, a call is *posted* to the apartment's hidden window and runs when that thread
pumps (get_message / pump_waiting_messages / a message wait); an STA that never pumps never
runs it. The window is opened on the STA's thread when it enters the apartment, and closed
when it leaves: the calls still queued then fail with RPC_E_DISCONNECTED.

A caller in an STA waits in a *modal loop*: it keeps dispatching the calls posted to its own
window (so an STA is reentrant: A calls B, B calls back into A, and A serves it while it waits),
messages sent from other threads, and paint; every other posted message stays queued. A
WM_QUIT met meanwhile is re-posted after the call.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, final

from .. import messages
from .._fork import OUTER, hold_across_fork
from ..errors import CantCallOutError, DisconnectedError
from ..kernel.lowlevel import (
    KERNEL_LOCK,
    Waiter,
    recycle_event,
    spare_event,
    wait_any_unchecked,
    wake_all,
)
from ..messages import current_queue
from ..messages.lowlevel import make_message
from ._apartment import thread_state
from ._hosting import Hosting
from ._packet import CallPacket

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._apartment import Apartment

__all__ = ["STA", "WM_APARTMENT_CALL"]

WINDOW_CLASS = "OleMainThreadWndClass"
WM_APARTMENT_CALL = messages.register_window_message("apartment.com.call")
"""The message that carries a call to an STA's hidden window (lparam: the CallPacket)."""

_MODAL_MASK = messages.QS_SENDMESSAGE | messages.QS_POSTMESSAGE | messages.QS_PAINT
_MODAL_OTHERS = messages.PM_REMOVE | messages.PM_QS_SENDMESSAGE | messages.PM_QS_PAINT


def _com_window_proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
    """The hidden STA window's procedure: run calls posted to this apartment (on its thread)."""
    if msg == WM_APARTMENT_CALL and isinstance(lparam, CallPacket):
        if lparam.execute():
            lparam.finish()
        return 0
    return messages.def_window_proc(hwnd, msg, wparam, lparam)


@final
class _WindowClass:
    """The hidden windows' class, registered by the first STA (under ``lock``)."""

    __slots__ = ("lock", "registered")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.registered = False


_window_class = _WindowClass()


def _open(apartment: Apartment) -> None:
    """Create the hidden message-only window of a new STA, on its thread."""
    with _window_class.lock:
        if not _window_class.registered:
            messages.register_class(WINDOW_CLASS, _com_window_proc)
            _window_class.registered = True
    apartment.window = messages.create_window(
        WINDOW_CLASS, "OleMainThreadWndName", parent=messages.HWND_MESSAGE
    )


def _close(apartment: Apartment) -> None:
    """Fail the calls still queued to an ended STA and destroy its window."""
    with KERNEL_LOCK:
        window = apartment.window
        apartment.window = None
        pending = list(apartment.pending)
        apartment.pending.clear()
    for packet in pending:
        packet.fail(DisconnectedError(f"{apartment!r} ended before the call ran"))
    if window is not None and not window.destroyed and window.thread is thread_state().thread:
        window.destroy()


def _post(packet: CallPacket) -> None:
    """Post ``packet`` to the hidden window of its target STA (PostMessage, one lock taken)."""
    target = packet.target
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        window = target.window
        if not target.alive or window is None or window.destroyed:
            raise DisconnectedError(f"{target!r} has ended; its objects are gone")
        window.queue.post(make_message(window.hwnd, WM_APARTMENT_CALL, 0, packet), woken)
        target.pending.add(packet)
    if woken:
        wake_all(woken)


def _call_out(
    caller: Apartment, target: Apartment, fn: Callable[..., Any], args: tuple[Any, ...]
) -> Any:  # noqa: ANN401
    """Run ``fn(*args)`` in ``target`` for the STA ``caller``, serving it while waiting.

    While the call is out, the thread serves the calls into its own apartment, messages
    sent from other threads, and paint. The steps around the wait are those of the MTA's
    ``_call_out``, written out in each: this is the hottest path of the library.
    """
    if target is caller:
        return fn(*args)
    deliver = target.deliver
    if deliver is None:  # the neutral apartment: the call runs on the caller's thread
        return fn(*args)
    queue = current_queue()  # the calling thread's, for its wait
    handling = queue.handling
    if handling and handling[-1] is not None:  # messages.in_send_message(), inlined
        raise CantCallOutError(
            "a COM call cannot leave this thread while it handles a message sent from another "
            "thread; post yourself a message and make the call from there"
        )
    done = spare_event()
    packet = CallPacket(target, fn, args, done)
    deliver(packet)
    window = caller.window
    hwnd = window.hwnd if window is not None else -1
    inp = queue.input
    quit_code: int | None = None
    waiting = (done, inp)
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
    recycle_event(done)  # finished: a late set can no longer reach it
    error = packet.error
    if error is not None:
        packet.error = None  # break the traceback cycle
        raise error
    return packet.result


STA = Hosting(open=_open, close=_close, deliver=_post, call_out=_call_out)
"""The STA's hosting: a hidden window receives its calls; its calls out wait in a modal loop."""
