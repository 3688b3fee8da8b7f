"""Threads with apartments, for COM tests that must not make the test's own thread an STA."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from apartment import com, messages
from apartment.kernel import Event, ThreadHandle, start_thread

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")


def in_apartment(fn: Callable[[], T], multithreaded: bool = False) -> T:
    """Run ``fn()`` on a new thread in a new STA (or the MTA) and return its result."""
    box: list[Any] = []

    def body() -> None:
        com.initialize(multithreaded)
        try:
            box.append(("ok", fn()))
        except BaseException as error:  # handed to the test thread
            box.append(("error", error))
        finally:
            com.uninitialize()

    thread = start_thread(body)
    assert thread.wait(30)
    kind, value = box[0]
    if kind == "error":
        raise value
    return value  # type: ignore[no-any-return]


class StaThread(Generic[T]):
    """A thread that becomes an STA, runs ``setup()``, then pumps until stopped."""

    def __init__(self, setup: Callable[[], T]) -> None:
        self._ready = Event(manual_reset=True)
        self._setup = setup
        self.result: T
        self.error: BaseException | None = None
        self.apartment: com.Apartment
        self.thread: ThreadHandle = start_thread(self._run)
        assert self._ready.wait(30)
        if self.error is not None:
            raise self.error

    def _run(self) -> None:
        com.initialize(False)
        try:
            self.apartment = com.current_apartment()
            try:
                self.result = self._setup()
            except BaseException as error:
                self.error = error
                return
            finally:
                self._ready.set()
            messages.pump_messages()
        finally:
            com.uninitialize()

    def stop(self) -> None:
        """End the pump (WM_QUIT) and wait for the thread."""
        if self.thread.is_alive():
            messages.post_thread_message(self.thread, messages.WM_QUIT)
        assert self.thread.wait(30)


def run_script(code: str, *, registry: str | None = None) -> str:
    """Run ``code`` in a fresh interpreter (for rules about process-wide COM state)."""
    env = None
    if registry is not None:
        import os

        env = {**os.environ, "APARTMENT_REGISTRY": registry}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


class MtaThread(Generic[T]):
    """A thread that joins the MTA, runs ``setup()``, and keeps the MTA alive until stopped."""

    def __init__(self, setup: Callable[[], T]) -> None:
        self._ready = Event(manual_reset=True)
        self._stop = Event(manual_reset=True)
        self._setup = setup
        self.result: T
        self.thread: ThreadHandle = start_thread(self._run)
        assert self._ready.wait(30)

    def _run(self) -> None:
        com.initialize(True)
        try:
            self.result = self._setup()
            self._ready.set()
            self._stop.wait()
        finally:
            com.uninitialize()

    def stop(self) -> None:
        """Leave the MTA and end the thread."""
        self._stop.set()
        assert self.thread.wait(30)
