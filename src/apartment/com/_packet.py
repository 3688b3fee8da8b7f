"""A call on its way into another apartment, and its outcome.

The calling thread builds a :class:`CallPacket` and the target apartment's hosting delivers it
(see :mod:`._hosting`); the thread that runs the call keeps the outcome in it and releases the
caller, who raises the error or returns the result.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, final

from ..kernel.lowlevel import KERNEL_LOCK, Waiter, release_waiters

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..kernel import Event
    from ._apartment import Apartment

__all__ = ["SPARE", "CallPacket", "PacketControl", "no_call"]

SPARE = threading.local()
"""Per thread: ``SPARE.packet``, the CallPacket of the thread's last in-process call.

An unbounded call into an STA or the MTA (the ``_call_out`` of each) takes it, and gives it
back once the call returned a result: its ``done`` event reset, and nothing of the call left
in it (arguments, result, apartments). So a thread's calls allocate neither a packet nor an
event, and its waits register nothing new. A call that raised, or one into another process
(whose delivery files the packet by its identity), leaves it taken: the next call makes a new
one. Nested calls (an STA serving a call while its own is out) find it taken and make their
own. Only the owning thread reads or writes it; after ``finish()`` nobody else touches the
packet (the thread that ran it does nothing more with it once it set ``done``).
"""


def no_call() -> None:
    """A spare packet's ``fn``: the last call's function (a closure, maybe) is not kept."""


@final
class PacketControl:
    """What a bounded call carries besides the call (see ``_callctl``).

    ``made_at`` is when the call was made (monotonic seconds); ``started`` whether the callee
    began to run it; ``rejected`` the callee's message filter's refusal (0: none);
    ``pending_verdict`` the caller's filter's last answer to message_pending (-1: not asked);
    ``cancel_at`` when a cancelled call is given up (None: not cancelled).
    """

    __slots__ = ("cancel_at", "made_at", "pending_verdict", "rejected", "started")

    def __init__(self, made_at: float) -> None:
        self.made_at = made_at
        self.started = False
        self.rejected = 0
        self.pending_verdict = -1
        self.cancel_at: float | None = None


@final
class CallPacket:
    """One call on its way to another apartment, and its outcome.

    ``done`` belongs to the calling thread, which reuses it for its next call once this one
    has finished; ``finished`` (kernel lock) makes sure only one of ``run`` and ``fail``
    ever releases the caller.
    """

    __slots__ = ("args", "caller", "control", "done", "error", "finished", "fn", "result", "target")

    def __init__(
        self,
        caller: Apartment,
        target: Apartment,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        done: Event,
    ) -> None:
        self.caller = caller
        self.target = target
        self.fn = fn
        self.args = args
        self.done = done
        self.result: Any = None
        self.error: BaseException | None = None
        self.finished = False
        self.control: PacketControl | None = None  # a bounded call's (see _callctl)

    def outcome(self) -> Any:  # noqa: ANN401
        """The call's result, or raise its error (the caller's thread, once it is finished).

        The error is dropped from the packet first: it and its traceback would hold each other.
        """
        error = self.error
        if error is not None:
            self.error = None
            try:
                raise error
            finally:
                del error  # and this frame's: the error's traceback holds the frame
        return self.result

    def execute(self) -> bool:
        """Run the call here, keeping its outcome; False if it had failed already.

        ``finished`` is read without the lock. Besides the thread that runs the call, only a
        bounded call's caller sets it, when it abandons the call (a timeout, a cancel): if
        that races with the start, the call runs and its late result is discarded.
        """
        if self.finished:
            return False  # its apartment ended first, or its caller gave up
        try:
            self.result = self.fn(*self.args)
        except BaseException as error:  # handed back to the caller, as pykka does
            self.error = error
        return True

    def fail(self, error: BaseException) -> None:
        """Release the caller with ``error`` (the target apartment ended before it ran)."""
        self.error = error
        self.finish()

    def abandon(self, error: BaseException) -> None:
        """Give up on a bounded call still out (its caller's side): fail it with ``error``.

        It is then finished without a wake-up: a callee that has not started it skips it,
        and one that has finishes it into the void. A reply that came first wins.
        """
        with KERNEL_LOCK:  # finish()'s first steps, without its wake-up
            if self.finished:
                return
            self.finished = True
            target = self.target
            if target.is_sta:
                target.pending.discard(self)
            self.error = error

    def finish(self) -> bool:
        """Release the caller (once): its outcome is in ``result`` / ``error``.

        Returns False if it had finished already (failed, or its caller gave up on it): the
        outcome set for it then reaches nobody.
        """
        woken: list[Waiter] = []
        lock = KERNEL_LOCK  # with, not acquire()+try: see KERNEL_LOCK
        with lock:
            if self.finished:
                return False
            self.finished = True
            target = self.target
            if target.is_sta:
                target.pending.discard(self)
            # set_event_locked(done, woken), written out, as _call_out writes out the reset
            done = self.done
            if not done._ready:
                done._ready = True
                if done._waiters:
                    release_waiters(done, woken)
        for waiter in woken:  # wake_all(woken), written out: the caller's wake-up
            waiter.wake()
        return True
