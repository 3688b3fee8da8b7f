"""Bounding calls into other apartments: call timeouts, the message filter, call cancellation.

A call into another apartment waits for its reply, and a callee that never pumps (or never
returns) would hold its caller for ever. Three ways bound it (DESIGN.md decision 10):

* **A timeout** (the Pythonic way): :func:`call_timeout` bounds every call the thread makes in
  a block, :func:`with_timeout` every call made through one proxy. A call that gets no reply in
  time fails with :class:`~apartment.errors.CallTimeoutError` (RPC_E_TIMEOUT), which says what
  the callee's thread is doing; the call is withdrawn if it has not started, and a late reply
  is discarded.
* **The message filter** (Windows' way for an STA, CoRegisterMessageFilter): the callee's
  ``handle_incoming_call`` may reject a call; the caller's ``retry_rejected_call`` decides to
  give up (RPC_E_CALL_REJECTED) or retry; the caller's ``message_pending`` is asked when
  other messages arrive while it waits, and may cancel the call (RPC_E_CALL_CANCELED).
* **Call cancellation** (CoEnableCallCancellation, CoCancelCall): another thread cancels the
  call a thread is waiting on; the callee may ask :func:`call_cancelled` (CoTestCancel).

Of these pywin32 has call cancellation only, which the facade maps (differences-from-windows).

Calls of a thread that uses none of them take the fast path of their hosting (``_sta``,
``_mta``): one thread-local read tells them apart. Everything below is the slow path.
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import TYPE_CHECKING, Any, final

from ..errors import (
    CallCanceledError,
    CallCompleteError,
    CallRejectedError,
    CallTimeoutError,
    CancelDisabledError,
    ComNotSupportedError,
    NoInterfaceError,
)
from ..kernel import Event, ThreadHandle, current_thread
from ..kernel.lowlevel import KERNEL_LOCK, add_exit_hook
from ._apartment import Apartment, ApartmentKind, current_apartment
from ._diagnose import no_reply, warn_stalled
from ._filters import (
    CALLTYPE_NESTED,
    CALLTYPE_TOPLEVEL,
    CALLTYPE_TOPLEVEL_CALLPENDING,
    PENDINGMSG_CANCELCALL,
    PENDINGTYPE_NESTED,
    PENDINGTYPE_TOPLEVEL,
    SERVERCALL_REJECTED,
    SERVERCALL_RETRYLATER,
    MessageFilter,
)
from ._packet import CallPacket, PacketControl

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = [
    "CallControl",
    "controls",
    "call_timeout",
    "stall_warning",
    "register_message_filter",
    "enable_call_cancellation",
    "disable_call_cancellation",
    "cancel_call",
    "call_cancelled",
    "controlled_call_out",
    "screen_incoming",
    "run_controlled",
    "pending_verdict",
]

_RETRY_AT_ONCE_BELOW_MS = 100
"""``retry_rejected_call`` results below this retry at once; from it on, after that many ms."""


@final
class CallControl:
    """A thread's bounds on its calls out; exists once the thread asks for one.

    ``timeout`` bounds each call (None: no bound); ``cancellable`` counts
    enable_call_cancellation calls not yet balanced; ``stall`` says when to warn about a
    call with no reply yet (see stall_warning); ``filter`` is the thread's message
    filter (an STA's); ``outgoing`` is the packet of the call the thread waits on, and
    ``cancel`` the event that cancel_call sets to wake it. Changed under the kernel lock.
    """

    __slots__ = ("cancel", "cancellable", "filter", "outgoing", "stall", "thread", "timeout")

    def __init__(self, thread: ThreadHandle) -> None:
        self.thread = thread
        self.timeout: float | None = None
        self.stall: tuple[float, str] | None = None  # (seconds, what the calls are)
        self.cancellable = 0
        self.filter: MessageFilter | None = None
        self.outgoing: CallPacket | None = None
        self.cancel = Event(manual_reset=True)

    @property
    def active(self) -> bool:
        """Whether any bound is in force (else the thread's calls take the fast path)."""
        return (
            self.timeout is not None
            or bool(self.cancellable)
            or self.filter is not None
            or self.stall is not None
        )


class _Controls(threading.local):
    """The calling thread's CallControl, or None: the one read on every call's fast path."""

    current: CallControl | None = None


controls = _Controls()
_by_thread: dict[int, CallControl] = {}  # native id -> control, for cancel_call (kernel lock)


def _control() -> CallControl:
    """Return the calling thread's CallControl, made on first use (and installed)."""
    control = controls.current
    if control is None:
        thread = current_thread()
        with KERNEL_LOCK:
            control = _by_thread.get(thread.native_id)
            if control is None or control.thread is not thread:
                control = CallControl(thread)
                _by_thread[thread.native_id] = control
    return control


def _thread_ended(thread: ThreadHandle) -> None:
    """A thread ends: its control goes with it (another thread may get its native id).

    Else cancel_call and cancel_object would find the dead thread's bounds under that id
    (E_NOINTERFACE where CO_E_CANCEL_DISABLED is due), and its cancel event would stay open.
    """
    with KERNEL_LOCK:
        control = _by_thread.get(thread.native_id)
        if control is not None and control.thread is thread:
            del _by_thread[thread.native_id]


add_exit_hook(_thread_ended)


def _install(control: CallControl) -> None:
    """Make the calling thread's calls take the controlled path while a bound is in force."""
    controls.current = control if control.active else None


@contextlib.contextmanager
def call_timeout(seconds: float | None) -> Iterator[None]:
    """Bound every call the calling thread makes into another apartment in the block.

    A call that gets no reply within ``seconds`` fails with CallTimeoutError (RPC_E_TIMEOUT),
    which names the callee's apartment and what its thread is doing. The call is withdrawn
    if it has not started; if it has, its result is discarded when it comes. None lifts the
    bound inside the block. Blocks nest: the innermost bound applies.

    Raises:
        TypeError: ``seconds`` is not a number or None.
        ValueError: ``seconds`` is negative or NaN.
    """
    if seconds is not None:
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
            raise TypeError(f"a call timeout is a number of seconds or None, not {seconds!r}")
        if not seconds >= 0:
            raise ValueError(f"a call timeout must be >= 0 seconds, not {seconds!r}")
    control = _control()
    previous = control.timeout
    control.timeout = None if seconds is None else float(seconds)
    _install(control)
    try:
        yield
    finally:
        control.timeout = previous
        _install(control)


@contextlib.contextmanager
def stall_warning(seconds: float, what: str = "a call") -> Iterator[None]:
    """Warn when a call the thread makes in the block has had no reply for ``seconds``.

    The call goes on waiting: the warning (a :class:`~._diagnose.StalledCallWarning`, on the
    calling thread) says what the callee's thread is doing and how to fix it, which is the
    thing to know when an STA never pumps. ``what`` names the calls in the message ("an
    event"). A warning turned into an error withdraws the call, as a timeout does.
    """
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not seconds >= 0:
        raise ValueError(f"a stall warning comes after a number of seconds >= 0, not {seconds!r}")
    control = _control()
    previous = control.stall
    control.stall = (float(seconds), what)
    _install(control)
    try:
        yield
    finally:
        control.stall = previous
        _install(control)


def register_message_filter(message_filter: MessageFilter | None) -> MessageFilter | None:
    """Install the calling STA's message filter, or remove it with None; return the previous.

    CoRegisterMessageFilter. The filter's methods run on this thread (see MessageFilter).

    Raises:
        ComNotSupportedError: the thread is not an STA (CO_E_NOT_SUPPORTED).
        TypeError: the filter lacks one of MessageFilter's three methods.
    """
    apartment = current_apartment()
    if apartment.kind is not ApartmentKind.STA or apartment.thread is not current_thread():
        raise ComNotSupportedError(
            f"only a single-threaded apartment has a message filter, not {apartment!r}; "
            "initialize the thread as an STA first"
        )
    if message_filter is not None:
        missing = [
            name
            for name in ("handle_incoming_call", "retry_rejected_call", "message_pending")
            if not callable(getattr(message_filter, name, None))
        ]
        if missing:
            raise TypeError(f"{message_filter!r} is no message filter: it lacks {missing}")
    control = _control()
    with KERNEL_LOCK:
        previous, control.filter = control.filter, message_filter
        apartment.message_filter = message_filter
    _install(control)
    return previous


def enable_call_cancellation() -> None:
    """Let other threads cancel the calls this thread makes (CoEnableCallCancellation).

    Counted: each call needs its own :func:`disable_call_cancellation`.
    """
    control = _control()
    with KERNEL_LOCK:
        control.cancellable += 1
    _install(control)


def disable_call_cancellation() -> bool:
    """Take back one :func:`enable_call_cancellation`; True once cancellation is off.

    CoDisableCallCancellation: False (CO_E_CANCEL_DISABLED) while more enables remain.
    """
    control = _control()
    with KERNEL_LOCK:
        if control.cancellable:
            control.cancellable -= 1
        still = control.cancellable > 0
    _install(control)
    return not still


def cancel_call(thread_id: int, timeout: float = 0.0) -> None:
    """Cancel the call the thread ``thread_id`` (0: this one) is waiting on (CoCancelCall).

    The caller then waits at most ``timeout`` seconds more for the reply; if none comes, its
    call fails with CallCanceledError (RPC_E_CALL_CANCELED) and a late reply is discarded.

    Raises:
        CancelDisabledError: that thread has not enabled call cancellation.
        NoInterfaceError: that thread has no call out now (E_NOINTERFACE).
        CallCanceledError: its call was cancelled already.
        CallCompleteError: its call has just completed (RPC_E_CALL_COMPLETE).
    """
    if isinstance(thread_id, bool) or not isinstance(thread_id, int):
        raise TypeError(f"a thread id is an int, not {thread_id!r}")
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout >= 0:
        raise ValueError(f"a cancel timeout is a number of seconds >= 0, not {timeout!r}")
    native_id = thread_id or current_thread().native_id
    with KERNEL_LOCK:
        control = _by_thread.get(native_id)
        if control is None or not control.cancellable:
            raise CancelDisabledError(
                f"thread {native_id} has not enabled call cancellation; it calls "
                "apartment.com.enable_call_cancellation() first"
            )
        packet = control.outgoing
        if packet is None:
            raise NoInterfaceError(f"thread {native_id} is not waiting on a call now")
        if packet.finished:
            raise CallCompleteError(f"the call of thread {native_id} has completed")
        control_of_packet = packet.control
        assert control_of_packet is not None  # outgoing calls are bounded ones
        if control_of_packet.cancel_at is not None:
            raise CallCanceledError(f"the call of thread {native_id} was cancelled already")
        control_of_packet.cancel_at = time.monotonic() + timeout
    if not timeout:  # given up at once, whoever runs first: a reply cannot win the race now
        packet.abandon(CallCanceledError(f"the call of thread {native_id} was cancelled"))
    control.cancel.set()


def call_cancelled() -> bool:
    """Tell whether the call this thread is running was cancelled by its caller (CoTestCancel).

    A callee that checks this now and then can stop early; its result is discarded anyway.
    """
    with KERNEL_LOCK:
        return any(
            packet.control is not None and packet.control.cancel_at is not None
            for packet in _running.get(_ident(), ())
        )


_running: dict[int, list[CallPacket]] = {}  # thread ident -> calls it runs (controlled ones)


def _ident() -> int:
    return threading.get_ident()


def run_controlled(packet: CallPacket, control: PacketControl) -> bool:
    """Run a bounded call, so that :func:`call_cancelled` and a timeout's message see it."""
    ident = _ident()
    with KERNEL_LOCK:
        control.started = True
        _running.setdefault(ident, []).append(packet)
    try:
        return packet.execute()
    finally:
        with KERNEL_LOCK:
            running = _running[ident]
            running.remove(packet)
            if not running:
                del _running[ident]


def screen_incoming(packet: CallPacket, target: Apartment) -> bool:
    """Ask the STA's message filter whether an incoming call may run; False: refused.

    Runs on the STA's thread, in its window procedure. A refusal finishes the packet with the
    filter's verdict, for the caller's ``retry_rejected_call`` to judge.
    """
    message_filter = target.message_filter
    if message_filter is None:
        return True
    control = controls.current
    outgoing = control.outgoing if control is not None else None
    if outgoing is None:
        call_type = CALLTYPE_TOPLEVEL
    elif packet.caller is outgoing.target:  # a call back from the apartment we wait on
        call_type = CALLTYPE_NESTED
    else:
        call_type = CALLTYPE_TOPLEVEL_CALLPENDING
    caller = packet.caller
    caller_id = caller.thread.native_id if caller.thread is not None else 0
    verdict = message_filter.handle_incoming_call(call_type, caller_id, _ticks(packet), None)
    if verdict not in (SERVERCALL_REJECTED, SERVERCALL_RETRYLATER):
        return True
    bound = packet.control
    if bound is None:  # an unbounded caller has no filter to retry with: it gives up
        packet.error = CallRejectedError(
            f"{target!r} refused the call (its message filter answered {verdict})"
        )
    else:
        bound.rejected = verdict
    packet.finish()
    return False


def _ticks(packet: CallPacket) -> int:
    """Milliseconds since a bounded call was made (0 for another), as a filter's tick count."""
    control = packet.control
    return 0 if control is None else int((time.monotonic() - control.made_at) * 1000)


def controlled_call_out(
    control: CallControl,
    caller: Apartment,
    target: Apartment,
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    wait: Callable[[CallPacket, Apartment, tuple[Event, ...], float | None], bool],
) -> Any:  # noqa: ANN401
    """Make a call under the thread's bounds; ``wait`` is the caller's hosting's wait.

    ``wait(packet, caller, extra, timeout)`` waits for the packet's reply (pumping, for an
    STA) or for one of ``extra`` to be set, at most ``timeout`` seconds; it returns whether
    the reply came.
    """
    deadline = None if control.timeout is None else time.monotonic() + control.timeout
    while True:  # once, plus once per retry the message filter asks for
        done = Event(manual_reset=True)  # not a spare: the packet may outlive the call
        packet = CallPacket(caller, target, fn, args, done)
        bound = packet.control = PacketControl(time.monotonic())
        deliver = target.deliver
        assert deliver is not None  # the neutral apartment never gets here
        with KERNEL_LOCK:  # before it is delivered: a cancel may come as soon as it runs
            outer, control.outgoing = control.outgoing, packet
        try:
            deliver(packet)
            _await(control, packet, caller, target, deadline, wait)
        finally:
            with KERNEL_LOCK:
                control.outgoing = outer
        if bound.rejected:
            delay = _retry_after(control, packet, bound.rejected, target)
            if delay:
                _pause(caller, delay, deadline, wait)
            continue
        return packet.outcome()


def _await(
    control: CallControl,
    packet: CallPacket,
    caller: Apartment,
    target: Apartment,
    deadline: float | None,
    wait: Callable[[CallPacket, Apartment, tuple[Event, ...], float | None], bool],
) -> None:
    """Wait for the packet's reply within the bounds; raise if the call is abandoned."""
    bound = packet.control
    assert bound is not None
    extra = (control.cancel,) if control.cancellable else ()
    stall = control.stall
    warn_at = None if stall is None else bound.made_at + stall[0]
    while True:
        limit = deadline
        cancel_at = bound.cancel_at
        if cancel_at is not None:
            limit = cancel_at if limit is None else min(limit, cancel_at)
        if warn_at is not None:
            limit = warn_at if limit is None else min(limit, warn_at)
        remaining = None if limit is None else max(limit - time.monotonic(), 0.0)
        if wait(packet, caller, extra, remaining):
            return
        if warn_at is not None and stall is not None and time.monotonic() >= warn_at:
            warn_at = None
            warn_stalled(packet, target, stall[0], stall[1])
            continue
        if bound.pending_verdict == PENDINGMSG_CANCELCALL:
            packet.abandon(CallCanceledError("the message filter cancelled the call"))
            return
        cancel_at = bound.cancel_at
        if cancel_at is not None:
            control.cancel.reset()
            if time.monotonic() >= cancel_at:
                packet.abandon(CallCanceledError(f"the call into {target!r} was cancelled"))
                return
            continue
        if deadline is not None and time.monotonic() >= deadline:
            packet.abandon(CallTimeoutError(no_reply(packet, target, control.timeout)))
            return


def _retry_after(
    control: CallControl, packet: CallPacket, rejected: int, target: Apartment
) -> float:
    """The caller's filter's verdict on a refused call: seconds to wait, or raise."""
    callee = target.thread.native_id if target.thread is not None else 0
    message_filter = control.filter
    verdict = -1
    if message_filter is not None:
        verdict = message_filter.retry_rejected_call(callee, _ticks(packet), rejected)
    if verdict < 0:
        raise CallRejectedError(
            f"{target!r} refused the call (its message filter answered {rejected}); "
            "retry later, or have the caller's message filter retry it"
        )
    return 0.0 if verdict < _RETRY_AT_ONCE_BELOW_MS else verdict / 1000.0


def _pause(
    caller: Apartment,
    seconds: float,
    deadline: float | None,
    wait: Callable[[CallPacket, Apartment, tuple[Event, ...], float | None], bool],
) -> None:
    """Wait (pumping, in an STA) before a retry; a call timeout still applies."""
    if deadline is not None:
        seconds = min(seconds, max(deadline - time.monotonic(), 0.0))
    idle = CallPacket(caller, caller, _nothing, (), Event(manual_reset=True))  # never delivered
    idle.control = PacketControl(time.monotonic())
    wait(idle, caller, (), seconds)


def _nothing() -> None:
    return None


def pending_verdict(packet: CallPacket, caller: Apartment) -> bool:
    """Ask the caller's message filter about messages that arrived; True: cancel the call.

    Runs on the caller's thread in its modal loop, when it woke for input other than the
    reply while a filter is registered.
    """
    control = controls.current
    message_filter = control.filter if control is not None else None
    if message_filter is None:
        return False
    target = packet.target
    callee = target.thread.native_id if target.thread is not None else 0
    nested = control is not None and control.outgoing is not packet
    kind = PENDINGTYPE_NESTED if nested else PENDINGTYPE_TOPLEVEL
    verdict = message_filter.message_pending(callee, _ticks(packet), kind)
    if packet.control is not None:
        packet.control.pending_verdict = verdict
    return verdict == PENDINGMSG_CANCELCALL
