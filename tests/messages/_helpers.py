"""Second GUI threads for the message tests (one that pumps, one that never does), and
draining the test thread's own queue."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from apartment.kernel import Event, ThreadHandle, start_thread
from apartment.messages import (
    PM_REMOVE,
    WM_QUIT,
    Window,
    create_window,
    peek_message,
    post_thread_message,
    pump_messages,
)

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


class Silent:
    """Start a thread that creates a window of ``class_name`` and never pumps: it waits on
    ``gate`` (a plain wait, so messages sent to the window are not handled), then runs
    ``then(window)`` if given and ends."""

    def __init__(self, class_name: str, then: Callable[[Window], object] | None = None) -> None:
        self.gate = Event()
        made = Event(manual_reset=True)
        box: list[Window] = []

        def owner() -> None:
            box.append(create_window(class_name))
            made.set()
            self.gate.wait()
            if then is not None:
                then(box[0])

        self.thread: ThreadHandle = start_thread(owner)
        assert made.wait(10)
        self.window: Window = box[0]

    def stop(self) -> None:
        """Open the gate and wait for the thread to end."""
        self.gate.set()
        assert self.thread.wait(10)


def drain() -> None:
    """Remove every message from the calling thread's queue."""
    while peek_message(flags=PM_REMOVE) is not None:
        pass
