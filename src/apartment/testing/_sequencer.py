"""Run steps of several threads in a fixed order."""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

from ..kernel import Event

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["Sequencer"]


class Sequencer:
    """Order the steps of several threads: ``with seq(n):`` runs after step ``n - 1`` ended.

    Example::

        seq = Sequencer()
        # thread A                 # thread B
        with seq(0): a_first()     with seq(1): b_second()
        with seq(2): a_third()
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: dict[int, Event] = {0: Event(manual_reset=True, initial_state=True)}

    def _event(self, position: int) -> Event:
        with self._lock:
            event = self._events.get(position)
            if event is None:
                event = self._events[position] = Event(manual_reset=True)
            return event

    @contextlib.contextmanager
    def __call__(self, position: int, timeout: float = 10.0) -> Iterator[None]:
        """Wait for step ``position`` to be next, run the block, then let the next one go."""
        if not self._event(position).wait(timeout):
            raise TimeoutError(f"step {position} of the sequence never came up")
        try:
            yield
        finally:
            self._event(position + 1).set()
