"""Helpers that make concurrency tests deterministic: no sleeps, no flakiness.

* :class:`FakeClock` replaces time for every wait and timer.
* :func:`wait_until_blocked` returns once a thread is parked in a wait.
* :class:`Sequencer` orders steps across threads.
* :class:`LeakCheck` finds threads, handles and thread exceptions a test left behind.
"""

from ._blocked import is_blocked as is_blocked
from ._blocked import wait_until_blocked as wait_until_blocked
from ._fake_clock import FakeClock as FakeClock
from ._leaks import SERVICE_THREADS as SERVICE_THREADS
from ._leaks import LeakCheck as LeakCheck
from ._sequencer import Sequencer as Sequencer

__all__ = [
    "SERVICE_THREADS",
    "FakeClock",
    "LeakCheck",
    "Sequencer",
    "is_blocked",
    "wait_until_blocked",
]
