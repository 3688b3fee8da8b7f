"""Helpers that make concurrency tests deterministic: no sleeps, no flakiness.

* :class:`FakeClock` replaces time for every wait and timer.
* :func:`wait_until_blocked` returns once a thread is parked in a wait.
* :class:`Sequencer` orders steps across threads.
* :class:`LeakCheck` finds threads, handles and thread exceptions a test left behind.
* :class:`StaThread` and :class:`MtaMember` are apartment threads for COM tests; the pytest
  plugin (``apartment.testing.pytest_plugin``, loaded automatically) turns them into fixtures.
* :class:`LocalServers` keeps a test's local COM servers to themselves and kills them after;
  :func:`wait_for_exit` waits for a process to end.
"""

from ._blocked import is_blocked as is_blocked
from ._blocked import wait_until_blocked as wait_until_blocked
from ._com import MtaMember as MtaMember
from ._com import StaThread as StaThread
from ._fake_clock import FakeClock as FakeClock
from ._leaks import SERVICE_THREADS as SERVICE_THREADS
from ._leaks import LeakCheck as LeakCheck
from ._sequencer import Sequencer as Sequencer
from ._servers import LocalServers as LocalServers
from ._servers import wait_for_exit as wait_for_exit

__all__ = [
    "SERVICE_THREADS",
    "FakeClock",
    "LeakCheck",
    "LocalServers",
    "Sequencer",
    "is_blocked",
    "wait_for_exit",
    "wait_until_blocked",
]
