"""A queue's "input arrived" condition: what makes a message queue waitable.

A :class:`QueueInput` is a kernel :class:`~apartment.kernel.Waitable`, so a thread can wait on
its own queue beside kernel objects (``msg_wait_any``, ``get_message``, a sender waiting for
its reply). Its readiness is computed from the queue's wake bits under the kernel lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, final

from ..kernel import Waitable

if TYPE_CHECKING:
    from ..kernel.lowlevel import ThreadState
    from ._queue import MessageQueue

__all__ = ["QueueInput"]


@final
class QueueInput(Waitable):
    """A queue's "input arrived" condition, waitable beside kernel objects.

    Only the owning thread waits on it. Before each wait it says which QS_* classes count
    (``mask``) and whether input already seen counts too (``available``, MWMO_INPUTAVAILABLE);
    otherwise only input that arrived since the thread last looked wakes it.
    """

    __slots__ = ("available", "mask", "queue")

    def __init__(self, queue: MessageQueue) -> None:
        super().__init__()
        self.queue = queue
        self.mask = 0
        self.available = False

    def __repr__(self) -> str:
        return f"<QueueInput of {self.queue.thread!r}>"

    def arm(self, mask: int, available: bool) -> None:
        """Set what the next wait counts as input; kernel lock held, owner thread."""
        self.mask = mask
        self.available = available
        self.refresh()

    def refresh(self) -> None:
        """Recompute readiness from the queue's bits; kernel lock held."""
        queue = self.queue
        bits = queue.wake_bits if self.available else queue.changed_bits
        self._ready = bool(bits & self.mask)

    def _take(self, thread: ThreadState) -> bool:
        return False
