"""A thread that pumps its message queue, for tests that need a second GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from apartment.kernel import Event, ThreadHandle, start_thread
from apartment.messages import WM_QUIT, peek_message, post_thread_message, pump_messages

if TYPE_CHECKING:
    from collections.abc import Callable


class Pumper:
    """Start a thread that runs ``setup()``, then pumps messages until stopped."""

    def __init__(self, setup: Callable[[], Any] | None = None) -> None:
        self._ready = Event(manual_reset=True)
        self._setup = setup
        self.result: Any = None
        self.thread: ThreadHandle = start_thread(self._run)
        assert self._ready.wait(10)

    def _run(self) -> int:
        peek_message()  # a message call creates the thread's queue
        if self._setup is not None:
            self.result = self._setup()
        self._ready.set()
        return pump_messages()

    def stop(self, code: int = 0) -> int:
        """Post WM_QUIT and wait for the loop to end; return the thread's exit code."""
        post_thread_message(self.thread, WM_QUIT, code, 0)
        assert self.thread.wait(10)
        return self.thread.exit_code
