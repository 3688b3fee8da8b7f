"""The I/O thread's timers: each runs once it is due, however late the thread gets to it."""

from __future__ import annotations

import threading
import time

from apartment.kernel._ioservice import service


def test_a_timer_overdue_when_the_thread_looks_again_still_runs() -> None:
    """A timer that fell due while an earlier handler ran is run next, not forgotten.

    The second timer is queued behind the first, so queuing it does not wake the thread;
    the first handler runs past the second's due time. The thread then finds it overdue: it
    must run it at once, not wait for a descriptor forever (a lost completion once).
    """
    for _ in range(3):  # the thread may find both due at once: try again
        ran = threading.Event()
        gap = 0.05
        due = time.monotonic() + gap

        def first(due: float = due) -> None:  # time must pass (no thread ordering here)
            time.sleep(max(due - time.monotonic(), 0.0) + 0.005)

        service.call_later(0.0, first)
        service.call_later(gap, ran.set)
        assert ran.wait(10.0)
