"""Helpers that make concurrency tests deterministic: no sleeps, no flakiness.

* :class:`FakeClock` replaces time for every wait and timer.
* :func:`wait_until_blocked` returns once a thread is parked in a wait.
* :class:`Sequencer` orders steps across threads.
* :class:`LeakCheck` finds threads, handles and thread exceptions a test left behind.
* :class:`StaThread` and :class:`MtaMember` are apartment threads for COM tests; the pytest
  plugin (``apartment.testing.pytest_plugin``, loaded automatically) turns them into fixtures.
"""

from ._blocked import is_blocked as is_blocked
from ._blocked import wait_until_blocked as wait_until_blocked
from ._com import MtaMember as MtaMember
from ._com import StaThread as StaThread
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
