"""Contract: SendMessage within and across threads, SendMessageTimeout, ReplyMessage.

semantics.md §6.3, §6.2 (sent messages are handled inside GetMessage/PeekMessage), §9.4.
"""

import contextlib
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32gui
import win32process
import winerror

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


SEND = pytest.mark.parametrize(
    "send", [win32gui.SendMessage, win32api.SendMessage], ids=["gui", "api"]
)


# --- within one thread -------------------------------------------------------------------


@SEND
def test_send_message_to_this_threads_window_calls_the_procedure_directly(
    classes: Classes, send: Callable[..., int]
) -> None:
    proc = Recorder({WM_USER: lambda hwnd, message, wparam, lparam: wparam * 10 + lparam})
    hwnd = classes.window(proc)
    assert send(hwnd, WM_USER, 4, 2) == 42
    assert proc.calls == [(me(), WM_USER, 4, 2)]
    assert drain() == []  # nothing went through the queue


def test_send_message_params_default_to_zero(classes: Classes) -> None:
    proc = Recorder()
    hwnd = classes.window(proc)
    win32gui.SendMessage(hwnd, WM_USER)
    win32api.SendMessage(hwnd, WM_USER + 1)
    assert proc.calls == [(me(), WM_USER, 0, 0), (me(), WM_USER + 1, 0, 0)]


@SEND
def test_send_message_to_a_destroyed_window_returns_zero_with_invalid_window_handle(
    classes: Classes, send: Callable[..., int]
) -> None:
    hwnd = classes.window({})
    win32gui.DestroyWindow(hwnd)
    win32api.SetLastError(0)
    assert send(hwnd, WM_USER, 0, 0) == 0
    assert win32api.GetLastError() == winerror.ERROR_INVALID_WINDOW_HANDLE


@pytest.mark.parametrize(
    "flags", [win32con.SMTO_NORMAL, win32con.SMTO_BLOCK], ids=["normal", "block"]
)
def test_send_message_timeout_to_this_threads_window_returns_one_and_the_result(
    classes: Classes, flags: int
) -> None:
    hwnd = classes.window(Recorder({WM_USER: lambda *_: 42}))
    assert win32gui.SendMessageTimeout(hwnd, WM_USER, 0, 0, flags, 0) == (1, 42)


def test_send_message_timeout_to_a_destroyed_window_fails_with_invalid_window_handle(
    classes: Classes,
) -> None:
    hwnd = classes.window({})
    win32gui.DestroyWindow(hwnd)
    with pytest.raises(pywintypes.error) as info:
        win32gui.SendMessageTimeout(hwnd, WM_USER, 0, 0, win32con.SMTO_NORMAL, JOIN_MS)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_INVALID_WINDOW_HANDLE,
        "SendMessageTimeout",
    )


def test_reply_message_in_a_same_thread_send_raises_and_the_result_stands(
    classes: Classes,
) -> None:
    outcome: list[str] = []

    def answer(*_: Any) -> int:
        try:
            win32gui.ReplyMessage(7)
        except pywintypes.error:
            outcome.append("raised")
        return 42

    hwnd = classes.window(Recorder({WM_USER: answer}))
    assert win32gui.SendMessage(hwnd, WM_USER, 0, 0) == 42
    assert outcome == ["raised"]


def test_reply_message_outside_a_sent_message_raises() -> None:
    with pytest.raises(pywintypes.error):
        win32gui.ReplyMessage(7)


# --- across threads ----------------------------------------------------------------------


@SEND
def test_send_message_to_another_threads_window_returns_the_owners_result(
    classes: Classes, threads: Threads, send: Callable[..., int]
) -> None:
    proc = Recorder({WM_USER: lambda hwnd, message, wparam, lparam: wparam * 10 + lparam})
    owner = threads.owner(classes.register(proc))
    assert send(owner.hwnd, WM_USER, 4, 2) == 42
    assert proc.calls == [(owner.tid, WM_USER, 4, 2)]  # ran on the owner thread, already done
    owner.stop()


def test_sent_messages_are_handled_inside_get_message_and_never_returned(
    classes: Classes, threads: Threads
) -> None:
    proc = Recorder({WM_USER: lambda *_: 1})
    owner = threads.owner(classes.register(proc))
    for n in range(3):
        assert win32gui.SendMessage(owner.hwnd, WM_USER, n, 0) == 1
    assert owner.stop() == [(0, WM_QUIT, 0, 0)]
    assert proc.calls == [(owner.tid, WM_USER, n, 0) for n in range(3)]


def test_sent_messages_are_handled_before_posted_ones(classes: Classes, threads: Threads) -> None:
    proc = Recorder({WM_USER + 2: lambda *_: 22})
    posted = threads.gate()

    def loop() -> Any:
        signaled(posted)  # WM_USER+1 is queued and a sender has started
        woke = win32event.MsgWaitForMultipleObjects([], False, JOIN_MS, win32con.QS_SENDMESSAGE)
        before = list(proc.calls)  # MsgWait only reports
        rc, msg = win32gui.GetMessage(None, 0, 0)
        return woke, before, rc, tuple(msg[:4]), list(proc.calls)

    owner = threads.owner(classes.register(proc), loop)
    win32gui.PostMessage(owner.hwnd, WM_USER + 1, 0, 0)
    sender = threads.spawn(lambda: win32gui.SendMessage(owner.hwnd, WM_USER + 2, 0, 0))
    win32event.SetEvent(posted)
    assert sender.join() == 22
    woke, before, rc, msg, after = owner.worker.join()
    assert woke == OBJECT_0
    assert before == []
    assert (rc, msg) == (1, (owner.hwnd, WM_USER + 1, 0, 0))  # the posted one is returned
    assert after == [(owner.tid, WM_USER + 2, 0, 0)]  # the sent one was handled first


def test_peek_message_handles_a_sent_message_and_returns_zero_with_nothing_posted(
    classes: Classes, threads: Threads
) -> None:
    proc = Recorder({WM_USER: lambda *_: 5})
    sending = threads.gate()

    def loop() -> Any:
        signaled(sending)
        woke = win32event.MsgWaitForMultipleObjects([], False, JOIN_MS, win32con.QS_SENDMESSAGE)
        return woke, win32gui.PeekMessage(None, 0, 0, REMOVE)[0], list(proc.calls)

    owner = threads.owner(classes.register(proc), loop)
    sender = threads.spawn(lambda: win32gui.SendMessage(owner.hwnd, WM_USER, 1, 2))
    win32event.SetEvent(sending)
    assert sender.join() == 5
    assert owner.worker.join() == (OBJECT_0, 0, [(owner.tid, WM_USER, 1, 2)])


def test_two_threads_sending_to_each_other_do_not_deadlock(
    classes: Classes, threads: Threads
) -> None:
    mine = Recorder({WM_USER + 7: lambda hwnd, message, wparam, lparam: 1000 + wparam})
    hwnd = classes.window(mine)

    def send_back(_hwnd: int, _message: int, wparam: Any, _lparam: Any) -> int:
        result: int = win32gui.SendMessage(hwnd, WM_USER + 7, wparam, 0)
        return result + 1

    owner = threads.owner(classes.register(Recorder({WM_USER + 6: send_back})))
    assert win32gui.SendMessage(owner.hwnd, WM_USER + 6, 8, 0) == 1009
    assert mine.calls == [(me(), WM_USER + 7, 8, 0)]  # handled here, while this thread waited
    owner.stop()


def test_a_blocked_sender_does_not_handle_its_posted_messages(
    classes: Classes, threads: Threads
) -> None:
    mine = Recorder()
    hwnd = classes.window(mine)
    win32gui.PostMessage(hwnd, WM_USER + 1, 0, 0)

    def send_back(*_: Any) -> int:
        win32gui.SendMessage(hwnd, WM_USER + 2, 0, 0)
        return 3

    owner = threads.owner(classes.register(Recorder({WM_USER + 6: send_back})))
    assert win32gui.SendMessage(owner.hwnd, WM_USER + 6, 0, 0) == 3
    assert mine.messages() == [WM_USER + 2]  # the sent one only
    assert drain() == [(hwnd, WM_USER + 1, 0, 0)]  # the posted one is still queued
    owner.stop()


def test_send_message_timeout_to_another_thread_returns_one_and_the_result(
    classes: Classes, threads: Threads
) -> None:
    proc = Recorder({WM_USER: lambda hwnd, message, wparam, lparam: wparam + 1})
    owner = threads.owner(classes.register(proc))
    result = win32gui.SendMessageTimeout(owner.hwnd, WM_USER, 41, 0, win32con.SMTO_NORMAL, JOIN_MS)
    assert type(result) is tuple
    assert result == (1, 42)
    assert proc.calls == [(owner.tid, WM_USER, 41, 0)]
    owner.stop()


def test_send_message_timeout_fails_with_error_timeout_when_the_owner_does_not_pump(
    classes: Classes, threads: Threads
) -> None:
    blocked, release = threads.gate(), threads.gate()

    def loop() -> Any:
        win32event.SetEvent(blocked)
        signaled(release)  # a plain wait: sent messages are not serviced meanwhile
        return get_loop()

    owner = threads.owner(classes.register(Recorder()), loop)
    signaled(blocked)
    with pytest.raises(pywintypes.error) as info:
        win32gui.SendMessageTimeout(owner.hwnd, WM_USER, 0, 0, win32con.SMTO_NORMAL, 100)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_TIMEOUT,
        "SendMessageTimeout",
    )
    assert win32api.GetLastError() == winerror.ERROR_TIMEOUT
    win32event.SetEvent(release)
    owner.stop()


def test_reply_message_releases_a_cross_thread_sender_with_its_value(
    classes: Classes, threads: Threads
) -> None:
    released = threads.gate()
    seen: list[Any] = []

    def answer(*_: Any) -> int:
        seen.append(win32gui.ReplyMessage(77))
        seen.append(win32event.WaitForSingleObject(released, JOIN_MS))  # the sender has returned
        return 99  # discarded: the sender already has its result

    owner = threads.owner(classes.register(Recorder({WM_USER: answer})))
    assert win32gui.SendMessage(owner.hwnd, WM_USER, 0, 0) == 77
    win32event.SetEvent(released)
    owner.stop()
    assert seen == [None, OBJECT_0]
