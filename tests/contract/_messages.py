"""Helpers of the contract tests on message queues and windows.

Window classes that unregister themselves, a recording window procedure, threads that own a
window and pump, and a queue emptied around every test. As in ``_kernel``, the fixtures live
here because the oracle replaces ``conftest.py``: each test module imports those it uses, and
a module that imports ``empty_queue`` gets it for every test (it is autouse).
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32gui

from ._kernel import JOIN_MS, OBJECT_0, Worker

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "WM_USER",
    "WM_QUIT",
    "NOREMOVE",
    "REMOVE",
    "me",
    "signaled",
    "drain",
    "empty_queue",
    "Call",
    "Answer",
    "Recorder",
    "create",
    "Classes",
    "classes",
    "get_loop",
    "Owner",
    "Threads",
    "threads",
]

WM_USER = win32con.WM_USER
WM_QUIT = win32con.WM_QUIT
NOREMOVE = win32con.PM_NOREMOVE
REMOVE = win32con.PM_REMOVE

Call = tuple[int, int, Any, Any]  # (thread id, message, wParam, lParam)
Answer = Callable[[int, int, Any, Any], Any]


def me() -> int:
    """The calling thread's id."""
    tid: int = win32api.GetCurrentThreadId()
    return tid


def signaled(event: Any) -> None:
    """Wait for the event, which must be signaled within JOIN_MS."""
    assert win32event.WaitForSingleObject(event, JOIN_MS) == OBJECT_0


def drain() -> list[tuple[Any, ...]]:
    """Remove every posted message (and a pending WM_QUIT) of this thread's queue.

    WM_PAINT is not removed by retrieving it (it comes back until the window is painted), so
    it is dispatched instead (DefWindowProc paints) and not counted.
    """
    removed: list[tuple[Any, ...]] = []
    for _ in range(100_000):
        rc, msg = win32gui.PeekMessage(None, 0, 0, REMOVE)
        if rc == 0:
            return removed
        if msg[1] == win32con.WM_PAINT:
            win32gui.DispatchMessage(msg)
            continue
        removed.append(tuple(msg[:4]))
    raise AssertionError("the queue never empties: a window keeps asking to be painted")


@pytest.fixture(autouse=True)
def empty_queue() -> Iterator[None]:
    """Each test starts with this thread's queue empty and just looked at, and ends it empty."""
    drain()
    yield
    drain()


class Recorder:
    """A window procedure that records what it watches and leaves the rest to DefWindowProc.

    It watches every message from WM_USER up plus those in ``watch``: each call is recorded as
    (thread id, message, wParam, lParam) and answered by ``answers[message]`` (0 without one).
    It runs on the thread that owns the window.
    """

    def __init__(
        self, answers: dict[int, Answer] | None = None, watch: tuple[int, ...] = ()
    ) -> None:
        self.calls: list[Call] = []
        self.answers = answers or {}
        self.watch = watch

    def __call__(self, hwnd: int, message: int, wparam: Any, lparam: Any) -> Any:
        if message < WM_USER and message not in self.watch:
            return win32gui.DefWindowProc(hwnd, message, wparam, lparam)
        self.calls.append((me(), message, wparam, lparam))
        answer = self.answers.get(message)
        return 0 if answer is None else answer(hwnd, message, wparam, lparam)

    def messages(self) -> list[int]:
        return [call[1] for call in self.calls]


def create(name: str) -> int:
    """A message-only window of class name, owned by the calling thread."""
    hwnd: int = win32gui.CreateWindow(name, "", 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, 0, None)
    return hwnd


class Classes:
    """Registers window classes; at the end destroys this thread's windows and unregisters them.

    A procedure ``{}`` leaves every message to DefWindowProc.
    """

    def __init__(self) -> None:
        self._names: list[str] = []
        self._windows: list[int] = []

    def register(self, proc: Any) -> str:
        name = f"apartment-contract-{uuid.uuid4().hex}"
        wc = win32gui.WNDCLASS()
        wc.lpszClassName = name
        wc.lpfnWndProc = proc
        win32gui.RegisterClass(wc)
        self._names.append(name)
        return name

    def window(self, proc: Any) -> int:
        """A message-only window of a new class, owned by this thread."""
        hwnd = create(self.register(proc))
        self._windows.append(hwnd)
        return hwnd

    def close_all(self) -> None:
        for hwnd in reversed(self._windows):
            if win32gui.IsWindow(hwnd):
                win32gui.DestroyWindow(hwnd)
        for name in self._names:
            win32gui.UnregisterClass(name, 0)


@pytest.fixture
def classes() -> Iterator[Classes]:
    made = Classes()
    yield made
    made.close_all()


def get_loop() -> list[tuple[Any, ...]]:
    """GetMessage and DispatchMessage until WM_QUIT; returns what GetMessage returned."""
    returned: list[tuple[Any, ...]] = []
    while True:
        rc, msg = win32gui.GetMessage(None, 0, 0)
        returned.append(tuple(msg[:4]))
        if rc <= 0:
            return returned
        win32gui.DispatchMessage(msg)


class Owner:
    """A worker thread that owns a message-only window of class ``name``.

    The thread makes its first message call and creates the window before the constructor
    returns, then runs ``loop()`` (default: get_loop) and destroys the window before it ends.
    """

    def __init__(self, name: str, loop: Callable[[], Any] = get_loop) -> None:
        self.hwnd = 0
        self._name = name
        self._loop = loop
        ready = win32event.CreateEvent(None, True, False, None)
        self._ready = ready
        self.worker = Worker(self._body)
        self.tid: int = self.worker.tid
        started = win32event.WaitForMultipleObjects([ready, self.worker.handle], False, JOIN_MS)
        ready.Close()
        if started != OBJECT_0:
            self.worker.join()
            raise AssertionError("the owner thread did not start")

    def _body(self) -> Any:
        win32gui.PeekMessage(None, WM_USER, WM_USER, NOREMOVE)  # makes the queue
        self.hwnd = create(self._name)
        try:
            win32event.SetEvent(self._ready)
            return self._loop()
        finally:
            win32gui.DestroyWindow(self.hwnd)

    def stop(self, code: int = 0) -> Any:
        """Post WM_QUIT to the thread and join it; returns what loop() returned."""
        win32gui.PostThreadMessage(self.tid, WM_QUIT, code, 0)
        return self.worker.join()


class Threads:
    """Starts workers, owners and gates; at the end sets the gates, quits and joins every thread."""

    def __init__(self) -> None:
        self._workers: list[Worker] = []
        self._gates: list[Any] = []

    def spawn(self, body: Callable[[], Any]) -> Worker:
        worker = Worker(body)
        self._workers.append(worker)
        return worker

    def owner(self, name: str, loop: Callable[[], Any] = get_loop) -> Owner:
        owner = Owner(name, loop)
        self._workers.append(owner.worker)
        return owner

    def gate(self) -> Any:
        """A manual-reset event, set (releasing whoever waits on it) when the test ends."""
        event = win32event.CreateEvent(None, True, False, None)
        self._gates.append(event)
        return event

    def end_all(self) -> None:
        for event in self._gates:
            win32event.SetEvent(event)
        for worker in self._workers:
            if worker.handle:  # not joined because the test failed early
                with contextlib.suppress(pywintypes.error):
                    win32gui.PostThreadMessage(worker.tid, WM_QUIT, 0, 0)
                win32event.WaitForSingleObject(worker.handle, JOIN_MS)
                worker.handle.Close()
        for event in self._gates:
            event.Close()


@pytest.fixture
def threads(classes: Classes) -> Iterator[Threads]:
    """Threads end (destroying their windows) before the classes are unregistered."""
    made = Threads()
    yield made
    made.end_all()
