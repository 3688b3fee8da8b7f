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
import time
from typing import TYPE_CHECKING, Any, Protocol, final

from .. import kernel, messages
from .._fork import OUTER, hold_across_fork
from ..errors import CantCallOutError, DisconnectedError
from ..kernel.lowlevel import (
    KERNEL_LOCK,
    Waiter,
    wait_any_forever,
    wait_any_or_readable,
    wait_any_unchecked,
)
from ..messages import current_queue
from ._apartment import ApartmentKind, thread_state
from ._callctl import (
    controlled_call_out,
    controls,
    pending_verdict,
    run_controlled,
    screen_incoming,
)
from ._hosting import Hosting
from ._packet import SPARE, CallPacket, no_call
from ._remote_lanes import step_away

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..kernel import Event, Waitable, WaitResult
    from ._apartment import Apartment

__all__ = [
    "STA",
    "WM_APARTMENT_CALL",
    "wait_serving",
    "ReplyReader",
    "wait_reading",
    "run_posted_call",
]

_REMOTE = ApartmentKind.REMOTE

WINDOW_CLASS = "OleMainThreadWndClass"
WM_APARTMENT_CALL = messages.register_window_message("apartment.com.call")
"""The message that carries a call to an STA's hidden window (lparam: the CallPacket)."""

_MODAL_MASK = messages.QS_SENDMESSAGE | messages.QS_POSTMESSAGE | messages.QS_PAINT
_MODAL_OTHERS = messages.PM_REMOVE | messages.PM_QS_SENDMESSAGE | messages.PM_QS_PAINT


def _com_window_proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
    """The hidden STA window's procedure: run calls posted to this apartment (on its thread)."""
    if msg == WM_APARTMENT_CALL and isinstance(lparam, CallPacket):
        if lparam.target.message_filter is not None and not screen_incoming(lparam, lparam.target):
            return 0  # refused by the STA's message filter
        bound = lparam.control
        if bound is not None:
            if run_controlled(lparam, bound):
                lparam.finish()
        elif not lparam.finished:  # CallPacket.execute(), written out: every call's path
            try:
                lparam.result = lparam.fn(*lparam.args)
            except BaseException as error:  # handed back to the caller
                lparam.error = error
            lparam.finish()
        return 0
    return messages.def_window_proc(hwnd, msg, wparam, lparam)


def run_posted_call(packet: CallPacket) -> None:
    """Run a call into this STA as its window runs a posted one, without the post.

    On the STA's thread: a call from another process that the thread read itself (a lane,
    :mod:`._remote_lanes`); its message filter is asked first, as for a posted call.
    """
    _com_window_proc(0, WM_APARTMENT_CALL, 0, packet)


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
            raise DisconnectedError(_undeliverable(target, window))
        window.queue.post_new(window.hwnd, WM_APARTMENT_CALL, 0, packet, woken)
        target.pending.add(packet)
    for waiter in woken:  # wake_all(woken), written out: the STA's wake-up, on every call
        waiter.wake()


def _undeliverable(target: Apartment, window: messages.Window | None) -> str:
    """Why a call cannot be posted to ``target``: it ended, or its hidden window is gone.

    The window goes with the apartment, but a DestroyWindow (or WM_CLOSE) of the thread's
    own code may destroy it while the apartment lives: as on Windows, calls into that STA
    then fail for the rest of its life; the message names the window, not an ending.
    """
    if not target.alive or window is None:
        return f"{target!r} has ended; its objects are gone"
    return (
        f"the hidden window {window.hwnd:#x} of {target!r} was destroyed (DestroyWindow or "
        "WM_CLOSE by its thread's code) while the apartment lives: no call can reach it"
    )


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
    control = controls.current
    if control is not None:  # the thread bounds its calls: the slow path
        return controlled_call_out(control, caller, target, fn, args, _modal_wait)
    try:  # the thread's spare packet (see SPARE), its fields set here: no allocation
        packet: CallPacket | None = SPARE.packet
    except AttributeError:
        packet = None
    if packet is None:
        packet = CallPacket(caller, target, fn, args, kernel.Event(manual_reset=True))
    else:
        SPARE.packet = None  # taken: a call made while serving (below) makes its own
        packet.caller = caller
        packet.target = target
        packet.fn = fn
        packet.args = args
        packet.finished = False
    done = packet.done
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
        result = wait_any_forever(waiting)
        if result is not None and result.index == 0:
            break
        quit_code = _serve(queue, hwnd, quit_code)
    if quit_code is not None:
        messages.post_quit_message(quit_code)
    if packet.error is not None or target.kind is _REMOTE:
        return packet.outcome()
    result = packet.result  # finished: nothing but this thread reaches the packet now
    packet.fn = no_call  # the spare keeps nothing of the call alive: not its function,
    packet.args = ()  # its arguments,
    packet.result = None  # its result,
    packet.target = caller  # nor the other apartment
    done._ready = False  # recycle_event(), inlined
    SPARE.packet = packet
    return result


def _serve(queue: messages.MessageQueue, hwnd: int, quit_code: int | None) -> int | None:
    """Serve what a modal loop serves once: calls into this apartment, sends and paint.

    Returns the exit code of a WM_QUIT met on the way (to re-post after the call), else
    ``quit_code`` as it was.
    """
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
    return quit_code


def _modal_wait(
    packet: CallPacket, caller: Apartment, extra: tuple[Event, ...], timeout: float | None
) -> bool:
    """Wait for a bounded call's reply in the modal loop, at most ``timeout`` seconds.

    Returns True when the reply came; False when ``timeout`` passed, one of ``extra`` was
    set, or the message filter's ``message_pending`` cancelled the call (it is asked when
    posted messages other than calls arrive meanwhile).
    """
    queue = current_queue()
    window = caller.window
    hwnd = window.hwnd if window is not None else -1
    inp = queue.input
    waiting = (packet.done, inp, *extra)
    deadline = None if timeout is None else time.monotonic() + timeout
    quit_code: int | None = None
    try:
        while True:
            with KERNEL_LOCK:
                finished = packet.finished
                if not finished:
                    inp.arm(_MODAL_MASK, False)
            if finished:
                return True
            remaining = None if deadline is None else max(deadline - time.monotonic(), 0.0)
            result = wait_any_unchecked(waiting, remaining)
            if result is None:
                return False
            if result.index == 0:
                return True
            if result.index > 1:
                return False
            quit_code = _serve(queue, hwnd, quit_code)
            others = queue.peek(None, 0, 0, messages.PM_NOREMOVE | messages.PM_QS_POSTMESSAGE)
            if others is not None and pending_verdict(packet, caller):
                return False
    finally:
        if quit_code is not None:
            messages.post_quit_message(quit_code)


class ReplyReader(Protocol):
    """What :func:`wait_reading` asks of the connection whose replies an STA caller reads."""

    def read_reply(self, packet: CallPacket) -> bool:
        """Read one reply (the socket is readable); False if the connection has closed."""

    def step_aside(self, packet: CallPacket) -> None:
        """Stop reading for now (the thread serves a message, which may call out again)."""

    def take_turn(self, packet: CallPacket) -> bool:
        """Read again if nobody reads now; True if this thread is the reader again."""

    def hand_over(self, packet: CallPacket) -> None:
        """Stop reading: the reply has come; the next waiting caller (or a helper) reads."""


def wait_reading(packet: CallPacket, fd: int, reader: ReplyReader) -> None:
    """The modal loop of an STA caller that reads its reply from ``fd`` itself (see _call_out).

    The caller is the reader of the connection its call went out on (another process):
    its wait watches the socket beside the call's done event and its queue, so the reply
    wakes this thread and nobody else (one thread hand-off per call). It serves what the
    modal loop serves; before that it steps aside, since a call it serves may call out on
    the same connection (and some other thread's reply must not wait for it meanwhile).
    Returns once ``packet`` has finished, the reading handed on.
    """
    queue = current_queue()
    window = packet.caller.window
    hwnd = window.hwnd if window is not None else -1
    inp = queue.input
    waiting = (packet.done, inp)
    quit_code: int | None = None
    reading = True
    try:
        while True:
            with KERNEL_LOCK:
                finished = packet.finished
                if not finished:
                    inp.arm(_MODAL_MASK, False)
            if finished:
                return
            if reading:
                result = wait_any_or_readable(waiting, fd)
                if result is None:  # the socket: a reply (or the end) is there
                    reading = reader.read_reply(packet)
                    continue
            else:
                result = wait_any_unchecked(waiting)
            if result is not None and result.index == 0:
                return
            if reading:
                reading = False
                reader.step_aside(packet)
            quit_code = _serve(queue, hwnd, quit_code)
            reading = reader.take_turn(packet)
    finally:  # a Ctrl-C too: the reading passes on
        if reading:
            reader.hand_over(packet)
        if quit_code is not None:
            messages.post_quit_message(quit_code)


def wait_serving(
    objects: tuple[Waitable, ...], timeout: float | None, wait_all: bool, alertable: bool
) -> WaitResult | None:
    """Wait for ``objects`` on an STA's thread, serving what a modal loop serves meanwhile.

    CoWaitForMultipleHandles in an STA: calls into the apartment, sent messages and paint
    are dispatched while waiting; other posted messages stay queued. ``wait_all`` waits
    for every object *and* new input at once, as Windows' MWMO_WAITALL does. Returns the
    result of the objects' wait, ALERTED, or None on timeout.
    """
    queue = current_queue()
    apartment = thread_state().apartment
    window = apartment.window if apartment is not None else None
    hwnd = window.hwnd if window is not None else -1
    host = step_away(apartment)  # a lane host's calls in are posted meanwhile
    try:
        return _wait_serving(queue, hwnd, objects, timeout, wait_all, alertable)
    finally:
        if host is not None:
            host.come_back()


def _wait_serving(
    queue: messages.MessageQueue,
    hwnd: int,
    objects: tuple[Waitable, ...],
    timeout: float | None,
    wait_all: bool,
    alertable: bool,
) -> WaitResult | None:
    """:func:`wait_serving`'s loop."""
    inp = queue.input
    count = len(objects)
    waiting = (*objects, inp)
    deadline = None if timeout is None else time.monotonic() + timeout
    quit_code: int | None = None
    try:
        while True:
            with KERNEL_LOCK:
                inp.arm(_MODAL_MASK, False)
            remaining = None if deadline is None else max(deadline - time.monotonic(), 0.0)
            if wait_all:
                result = kernel.wait_all(waiting, remaining, alertable=alertable)
                if result is not None and result is not kernel.ALERTED:
                    quit_code = _serve(queue, hwnd, quit_code)
                    return kernel.WaitResult(0, result.abandoned)
                return result
            result = wait_any_unchecked(waiting, remaining, alertable)
            if result is None or result is kernel.ALERTED or result.index < count:
                return result
            quit_code = _serve(queue, hwnd, quit_code)
    finally:
        if quit_code is not None:
            messages.post_quit_message(quit_code)


STA = Hosting(open=_open, close=_close, deliver=_post, call_out=_call_out)
"""The STA's hosting: a hidden window receives its calls; its calls out wait in a modal loop."""
