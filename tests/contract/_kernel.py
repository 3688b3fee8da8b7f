"""Helpers of the contract tests on kernel objects: handles that close, and worker threads.

The contract tests run on the facade and on the real pywin32 under Wine (``make oracle``). The
oracle copies every ``*.py`` of this folder but replaces ``conftest.py``, so the fixtures shared
by several files live here, and each test module imports the ones it uses (pytest finds a
fixture in the namespace of the module that uses it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
import win32api
import win32event
import win32process

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "JOIN_MS",
    "OBJECT_0",
    "TIMEOUT",
    "Handles",
    "handles",
    "Worker",
    "Spawn",
    "spawn",
    "wait0",
]

JOIN_MS = 5000  # safety net only: nothing depends on it elapsing
OBJECT_0 = win32event.WAIT_OBJECT_0
TIMEOUT = win32event.WAIT_TIMEOUT


class Handles:
    """Closes every handle given to it when the test ends."""

    def __init__(self) -> None:
        self._open: list[Any] = []

    def __call__(self, handle: Any) -> Any:
        self._open.append(handle)
        return handle

    def events(self, count: int, signaled: bool = False) -> list[Any]:
        """That many new manual-reset events, all signaled or all not."""
        return [self(win32event.CreateEvent(None, True, signaled, None)) for _ in range(count)]

    def close_all(self) -> None:
        for handle in reversed(self._open):
            win32api.CloseHandle(handle)


@pytest.fixture
def handles() -> Iterator[Handles]:
    tracker = Handles()
    yield tracker
    tracker.close_all()


class Worker:
    """A beginthreadex thread running body(); join() waits for it and re-raises its exception.

    body() runs on the new thread; its result or exception is handed to the thread that calls
    join(). join() closes the thread handle, unless ``keep_handle`` leaves that to whoever made
    the worker (a test may still wait on the handle of an ended thread).
    """

    def __init__(self, body: Callable[[], Any], *, keep_handle: bool = False) -> None:
        self.result: Any = None
        self.error: BaseException | None = None
        self._keep_handle = keep_handle
        self.handle, self.tid = win32process.beginthreadex(None, 0, self._entry, (body,), 0)

    def _entry(self, body: Callable[[], Any]) -> int:
        try:
            self.result = body()
        except BaseException as exc:  # re-raised by join(), in the test's thread
            self.error = exc
        return 0

    def join(self) -> Any:
        ended = win32event.WaitForSingleObject(self.handle, JOIN_MS)
        if not self._keep_handle:
            self.handle.Close()
        assert ended == OBJECT_0, "thread did not end"
        if self.error is not None:
            raise self.error
        return self.result


Spawn = Callable[[Callable[[], Any]], Worker]


@pytest.fixture
def spawn() -> Iterator[Spawn]:
    """Start a Worker; at the end wait for and close those the test did not join."""
    started: list[Worker] = []

    def start(body: Callable[[], Any]) -> Worker:
        worker = Worker(body)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.handle:  # not joined because the test failed early
            win32event.WaitForSingleObject(worker.handle, JOIN_MS)
            worker.handle.Close()


def wait0(handle: Any) -> int:
    """WaitForSingleObject with a 0 ms timeout."""
    result: int = win32event.WaitForSingleObject(handle, 0)
    return result
