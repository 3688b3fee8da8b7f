"""Contract: the pump helpers of win32gui and pythoncom (semantics.md §6.5, §6.2)."""

import contextlib
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import pythoncom
import pywintypes
import win32api
import win32con
import win32event
import win32gui
import win32process

JOIN_MS = 5000  # safety net only: nothing below depends on it elapsing
OBJECT_0 = win32event.WAIT_OBJECT_0
WM_USER = win32con.WM_USER
WM_QUIT = win32con.WM_QUIT
REMOVE = win32con.PM_REMOVE

Call = tuple[int, int, Any, Any]  # (thread id, message, wParam, lParam)
Answer = Callable[[int, int, Any, Any], Any]


def me() -> int:
    tid: int = win32api.GetCurrentThreadId()
    return tid


def drain() -> list[tuple[Any, ...]]:
    """Remove every posted message (and a pending WM_QUIT) of this thread's queue."""
    removed: list[tuple[Any, ...]] = []
    while True:
        rc, msg = win32gui.PeekMessage(None, 0, 0, REMOVE)
        if rc == 0:
            return removed
        removed.append(tuple(msg[:4]))


@pytest.fixture(autouse=True)
def empty_queue() -> Iterator[None]:
    """Each test starts and ends with this thread's queue empty."""
    drain()
    yield
    drain()


def signaled(event: Any) -> None:
    assert win32event.WaitForSingleObject(event, JOIN_MS) == OBJECT_0


class Recorder:
    """A window procedure that records what it watches and leaves the rest to DefWindowProc.

    It watches every message from WM_USER up plus those in ``watch``: each call is recorded as
    (thread id, message, wParam, lParam) and answered by ``answers[message]`` (0 without one).
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


class Classes:
    """Registers window classes; at the end destroys this thread's windows and unregisters them."""

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


def create(name: str) -> int:
    """A message-only window of class name, owned by the calling thread."""
    hwnd: int = win32gui.CreateWindow(name, "", 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, 0, None)
    return hwnd


class Worker:
    """A beginthreadex thread running body(); join() waits for it and re-raises its exception."""

    def __init__(self, body: Callable[[], Any]) -> None:
        self.result: Any = None
        self.error: BaseException | None = None
        self.handle, self.tid = win32process.beginthreadex(None, 0, self._entry, (body,), 0)

    def _entry(self, body: Callable[[], Any]) -> int:
        try:
            self.result = body()
        except BaseException as exc:  # re-raised by join(), in the test's thread
            self.error = exc
        return 0

    def join(self) -> Any:
        ended = win32event.WaitForSingleObject(self.handle, JOIN_MS)
        self.handle.Close()
        assert ended == OBJECT_0, "thread did not end"
        if self.error is not None:
            raise self.error
        return self.result


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
        win32gui.PeekMessage(None, WM_USER, WM_USER, win32con.PM_NOREMOVE)  # makes the queue
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
def classes() -> Iterator[Classes]:
    made = Classes()
    yield made
    made.close_all()


@pytest.fixture
def threads(classes: Classes) -> Iterator[Threads]:
    """Threads end (destroying their windows) before the classes are unregistered."""
    made = Threads()
    yield made
    made.end_all()


Pump = Callable[..., Any]
WAITING_PUMPS = pytest.mark.parametrize(
    "pump",
    [win32gui.PumpWaitingMessages, pythoncom.PumpWaitingMessages],
    ids=["win32gui", "pythoncom"],
)


def post_numbered(hwnd: int, *wparams: int) -> None:
    for wparam in wparams:
        win32gui.PostMessage(hwnd, WM_USER, wparam, 0)


def numbers(proc: Recorder) -> list[int]:
    return [wparam for _, _, wparam, _ in proc.calls]


# --- PumpWaitingMessages (both modules) --------------------------------------------------


@WAITING_PUMPS
def test_pump_waiting_messages_with_nothing_queued_returns_zero(pump: Pump) -> None:
    assert pump() == 0


@WAITING_PUMPS
def test_pump_waiting_messages_dispatches_every_posted_message_in_order(
    classes: Classes, pump: Pump
) -> None:
    proc = Recorder()
    hwnd = classes.window(proc)
    post_numbered(hwnd, 1, 2)
    win32gui.PostThreadMessage(me(), WM_USER, 99, 0)  # a thread message: no procedure
    post_numbered(hwnd, 3)
    assert pump() == 0
    assert proc.calls == [(me(), WM_USER, n, 0) for n in (1, 2, 3)]
    assert drain() == []


@WAITING_PUMPS
def test_pump_waiting_messages_dispatches_only_the_given_range(
    classes: Classes, pump: Pump
) -> None:
    proc = Recorder()
    hwnd = classes.window(proc)
    for message in (WM_USER, WM_USER + 5, WM_USER + 9):
        win32gui.PostMessage(hwnd, message, 0, 0)
    assert pump(WM_USER + 1, WM_USER + 8) == 0
    assert proc.messages() == [WM_USER + 5]
    assert drain() == [(hwnd, WM_USER, 0, 0), (hwnd, WM_USER + 9, 0, 0)]


@pytest.mark.parametrize(
    ("pump", "code", "result"),
    [
        (win32gui.PumpWaitingMessages, 9, 9),
        (win32gui.PumpWaitingMessages, 0, 1),
        (pythoncom.PumpWaitingMessages, 9, 1),
        (pythoncom.PumpWaitingMessages, 0, 1),
    ],
    ids=["win32gui-9", "win32gui-0", "pythoncom-9", "pythoncom-0"],
)
def test_pump_waiting_messages_after_post_quit_message(
    classes: Classes, pump: Pump, code: int, result: int
) -> None:
    proc = Recorder()
    hwnd = classes.window(proc)
    post_numbered(hwnd, 1)
    win32gui.PostQuitMessage(code)
    post_numbered(hwnd, 2)
    assert pump() == result
    assert numbers(proc) == [1, 2]  # WM_QUIT comes after every posted message
    assert drain() == []  # and was consumed


@pytest.mark.parametrize(
    ("pump", "code", "result"),
    [
        (win32gui.PumpWaitingMessages, 4, 4),
        (win32gui.PumpWaitingMessages, 0, 1),
        (pythoncom.PumpWaitingMessages, 4, 1),
    ],
    ids=["win32gui-4", "win32gui-0", "pythoncom-4"],
)
def test_pump_waiting_messages_stops_at_a_posted_wm_quit(
    classes: Classes, pump: Pump, code: int, result: int
) -> None:
    proc = Recorder()
    hwnd = classes.window(proc)
    post_numbered(hwnd, 1)
    win32gui.PostThreadMessage(me(), WM_QUIT, code, 0)
    post_numbered(hwnd, 2)
    assert pump() == result
    assert numbers(proc) == [1]
    assert drain() == [(hwnd, WM_USER, 2, 0)]  # left for the next pump


def test_win32gui_pump_waiting_messages_sees_post_quit_message_outside_its_range(
    classes: Classes,
) -> None:
    hwnd = classes.window(Recorder())
    win32gui.PostMessage(hwnd, WM_USER + 9, 0, 0)
    win32gui.PostQuitMessage(6)
    assert win32gui.PumpWaitingMessages(WM_USER, WM_USER) == 6
    assert drain() == [(hwnd, WM_USER + 9, 0, 0)]


@WAITING_PUMPS
def test_pump_waiting_messages_leaves_a_posted_wm_quit_outside_its_range(pump: Pump) -> None:
    win32gui.PostThreadMessage(me(), WM_QUIT, 4, 0)
    assert pump(WM_USER, WM_USER) == 0
    assert drain() == [(0, WM_QUIT, 4, 0)]


@WAITING_PUMPS
def test_pump_waiting_messages_handles_messages_sent_from_another_thread(
    classes: Classes, threads: Threads, pump: Pump
) -> None:
    proc = Recorder({WM_USER: lambda *_: 42})
    hwnd = classes.window(proc)
    sender = threads.spawn(lambda: win32gui.SendMessage(hwnd, WM_USER, 5, 0))
    woke = win32event.MsgWaitForMultipleObjects([], False, JOIN_MS, win32con.QS_SENDMESSAGE)
    assert woke == OBJECT_0
    assert pump() == 0
    assert proc.calls == [(me(), WM_USER, 5, 0)]
    assert sender.join() == 42


# --- PumpMessages ------------------------------------------------------------------------


def test_win32gui_pump_messages_dispatches_until_wm_quit_and_returns_its_code(
    classes: Classes,
) -> None:
    proc = Recorder()
    hwnd = classes.window(proc)
    post_numbered(hwnd, 1)
    win32gui.PostQuitMessage(6)
    post_numbered(hwnd, 2)
    assert win32gui.PumpMessages() == 6
    assert numbers(proc) == [1, 2]
    assert drain() == []


def test_pythoncom_pump_messages_dispatches_until_wm_quit_and_returns_none(
    classes: Classes,
) -> None:
    proc = Recorder()
    hwnd = classes.window(proc)
    post_numbered(hwnd, 1)
    win32gui.PostQuitMessage(6)
    post_numbered(hwnd, 2)
    assert pythoncom.PumpMessages() is None
    assert numbers(proc) == [1, 2]
    assert drain() == []


@pytest.mark.parametrize(
    ("pump", "result"),
    [(win32gui.PumpMessages, 4), (pythoncom.PumpMessages, None)],
    ids=["win32gui", "pythoncom"],
)
def test_pump_messages_stops_at_a_posted_wm_quit(classes: Classes, pump: Pump, result: Any) -> None:
    proc = Recorder()
    hwnd = classes.window(proc)
    post_numbered(hwnd, 1)
    win32gui.PostThreadMessage(me(), WM_QUIT, 4, 0)
    post_numbered(hwnd, 2)
    assert pump() == result
    assert numbers(proc) == [1]
    assert drain() == [(hwnd, WM_USER, 2, 0)]


@pytest.mark.parametrize(
    ("pump", "result"),
    [(win32gui.PumpMessages, 3), (pythoncom.PumpMessages, None)],
    ids=["win32gui", "pythoncom"],
)
def test_pump_messages_on_an_owner_thread_serves_posts_and_sends_until_wm_quit(
    classes: Classes, threads: Threads, pump: Pump, result: Any
) -> None:
    proc = Recorder({WM_USER + 1: lambda hwnd, message, wparam, lparam: wparam * 2})
    owner = threads.owner(classes.register(proc), pump)
    win32gui.PostMessage(owner.hwnd, WM_USER, 1, 0)
    assert win32gui.SendMessage(owner.hwnd, WM_USER + 1, 21, 0) == 42
    assert owner.stop(3) == result
    # the two may be handled in either order: a sent message overtakes a posted one
    assert sorted(proc.calls) == [(owner.tid, WM_USER, 1, 0), (owner.tid, WM_USER + 1, 21, 0)]
