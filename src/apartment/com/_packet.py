"""A call on its way into another apartment, and its outcome.

The calling thread builds a :class:`CallPacket` and the target apartment's hosting delivers it
(see :mod:`._hosting`); the thread that runs the call keeps the outcome in it and releases the
caller, who raises the error or returns the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, final

from ..kernel.lowlevel import KERNEL_LOCK, Waiter, set_event_locked, wake_all

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..kernel import Event
    from ._apartment import Apartment

__all__ = ["CallPacket"]


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
