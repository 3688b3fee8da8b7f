"""Contract: every thread is a Win32 thread, and its queue comes with its first USER call.

A thread started by ``threading`` or by a C library (kernel32's CreateThread on Windows,
pthread_create elsewhere), never having called pywin32, can be opened by id, waited on and
asked its exit code. A thread has a message queue from its first window-manager call on,
whatever that call is (semantics.md §6.1; MS: About Messages and Message Queues: "the
system creates a thread-specific message queue only when the thread makes its first call to
one of the User or GDI functions"); before it, posts to it fail with ERROR_INVALID_THREAD_ID.
"""

import ctypes
import ctypes.util
import subprocess
import sys
import textwrap
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import pythoncom
import pywintypes
import timer
import win32api
import win32con
import win32event
import win32gui
import win32process
import winerror

from ._kernel import JOIN_MS, OBJECT_0, TIMEOUT
from ._messages import WM_USER, Classes, Threads, create, me

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._messages import classes as classes
from ._messages import empty_queue as empty_queue
from ._messages import threads as threads

STILL_ACTIVE = win32con.STILL_ACTIVE
QUERY = win32con.SYNCHRONIZE | win32con.THREAD_QUERY_INFORMATION


class Held:
    """A thread started by ``start`` that calls nothing of pywin32 until let go.

    It runs ``first()`` (if given) before it signals that it has started, then blocks on a
    plain Python lock (no pywin32 wait) until :meth:`release`, then runs ``then()``.
    """

    def __init__(
        self,
        start: Callable[[Callable[[], None]], tuple[int, Callable[[], None]]],
        first: Callable[[], Any] | None = None,
        then: Callable[[], Any] | None = None,
    ) -> None:
        self._started = threading.Event()
        self._gate = threading.Lock()
        self._gate.acquire()
        self._released = False
        self.error: BaseException | None = None

        def body() -> None:
            try:
                if first is not None:
                    first()
            except BaseException as exc:  # re-raised by join(), in the test's thread
                self.error = exc
            self._started.set()
            self._gate.acquire()
            try:
                if then is not None:
                    then()
            except BaseException as exc:
                self.error = exc

        self.tid, self._join = start(body)
        assert self._started.wait(JOIN_MS / 1000)

    def release(self) -> None:
        if not self._released:
            self._released = True
            self._gate.release()

    def join(self) -> None:
        """Let the thread go and wait for it (once); re-raise what it raised."""
        self.release()
        join, self._join = self._join, lambda: None
        join()
        error, self.error = self.error, None
        if error is not None:
            raise error


def python_thread(body: Callable[[], None]) -> tuple[int, Callable[[], None]]:
    """Start ``body`` on a ``threading.Thread``; return its id and a join."""
    thread = threading.Thread(target=body)
    thread.start()
    assert thread.native_id is not None
    return thread.native_id, thread.join


def c_thread(body: Callable[[], None]) -> tuple[int, Callable[[], None]]:
    """Start ``body`` on a thread the C library makes; return its id and a join.

    kernel32's CreateThread on Windows, libc's pthread_create elsewhere; ``body`` runs in a
    ctypes callback, as a C library calls into Python.
    """
    box: dict[str, int] = {}
    known = threading.Event()

    def entry(_: object) -> int:
        box["tid"] = threading.get_native_id()
        known.set()
        body()
        return 0

    keep: list[object] = []  # the callback must outlive the thread
    if sys.platform == "win32":
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        kernel32.CreateThread.restype = ctypes.c_void_p
        keep.append(ctypes.WINFUNCTYPE(ctypes.c_uint32, ctypes.c_void_p)(entry))  # type: ignore[attr-defined]
        handle = kernel32.CreateThread(None, 0, keep[0], None, 0, None)
        assert handle

        def join() -> None:
            assert kernel32.WaitForSingleObject(ctypes.c_void_p(handle), JOIN_MS) == 0
            kernel32.CloseHandle(ctypes.c_void_p(handle))
            keep.clear()

    else:
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        keep.append(ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p)(entry))
        pthread = ctypes.c_ulong()
        assert libc.pthread_create(ctypes.byref(pthread), None, keep[0], None) == 0

        def join() -> None:
            assert libc.pthread_join(pthread, None) == 0
            keep.clear()

    assert known.wait(JOIN_MS / 1000)
    return box["tid"], join


STARTS = pytest.mark.parametrize("start", [python_thread, c_thread], ids=["threading", "C"])


@pytest.fixture
def held() -> Iterator[list[Held]]:
    """Held threads, let go and joined when the test ends."""
    made: list[Held] = []
    yield made
    for thread in made:
        thread.join()


def hold(
    made: list[Held],
    start: Callable[[Callable[[], None]], tuple[int, Callable[[], None]]],
    first: Callable[[], Any] | None = None,
    then: Callable[[], Any] | None = None,
) -> Held:
    thread = Held(start, first, then)
    made.append(thread)
    return thread


def error_of(call: Callable[[], Any]) -> tuple[int, str]:
    with pytest.raises(pywintypes.error) as info:
        call()
    return info.value.winerror, info.value.funcname


# --- any thread can be opened, waited on and asked its exit code ------------------------


@STARTS
def test_open_thread_of_a_thread_that_never_called_pywin32(held: list[Held], start: Any) -> None:
    thread = hold(held, start)
    handle = win32api.OpenThread(QUERY, False, thread.tid)
    try:
        assert isinstance(handle, pywintypes.HANDLEType)
        assert win32process.GetExitCodeThread(handle) == STILL_ACTIVE
        assert win32event.WaitForSingleObject(handle, 0) == TIMEOUT
        thread.join()
        assert win32event.WaitForSingleObject(handle, JOIN_MS) == OBJECT_0
        assert win32process.GetExitCodeThread(handle) == 0
    finally:
        handle.Close()


def test_open_thread_of_the_main_thread_from_a_worker(held: list[Held]) -> None:
    main = threading.main_thread().native_id
    results: list[Any] = []

    def body() -> None:
        handle = win32api.OpenThread(QUERY, False, main)
        results.append(win32process.GetExitCodeThread(handle))
        results.append(win32event.WaitForSingleObject(handle, 0))
        handle.Close()

    thread = hold(held, python_thread, then=body)
    thread.join()
    assert results == [STILL_ACTIVE, TIMEOUT]


def test_a_thread_started_by_threading_has_its_own_id_as_its_win32_id(held: list[Held]) -> None:
    seen: list[int] = []
    thread = hold(held, python_thread, first=lambda: seen.append(win32api.GetCurrentThreadId()))
    assert seen == [thread.tid]


def test_open_thread_of_a_thread_that_has_ended_fails_with_invalid_parameter() -> None:
    tid, join = python_thread(lambda: None)
    join()
    assert error_of(lambda: win32api.OpenThread(QUERY, False, tid)) == (
        winerror.ERROR_INVALID_PARAMETER,
        "OpenThread",
    )


@pytest.mark.parametrize("tid", [0, -1], ids=["zero", "minus-one"])
def test_open_thread_of_an_id_no_thread_has_fails_with_invalid_parameter(tid: int) -> None:
    assert error_of(lambda: win32api.OpenThread(QUERY, False, tid)) == (
        winerror.ERROR_INVALID_PARAMETER,
        "OpenThread",
    )


@pytest.mark.parametrize("tid", ["1", None, 1.5], ids=repr)
def test_open_thread_of_a_thread_id_that_is_not_an_int_raises_type_error(tid: Any) -> None:
    with pytest.raises(TypeError):
        win32api.OpenThread(QUERY, False, tid)


def test_open_thread_reads_the_thread_id_as_a_dword() -> None:
    handle = win32api.OpenThread(QUERY, False, 2**32 + me())
    try:
        assert win32process.GetExitCodeThread(handle) == STILL_ACTIVE
    finally:
        handle.Close()


# --- posting to a thread with no queue ---------------------------------------------------


@STARTS
def test_posting_to_a_thread_that_never_called_pywin32_fails_with_invalid_thread_id(
    held: list[Held], start: Any
) -> None:
    thread = hold(held, start)
    assert error_of(lambda: win32api.PostThreadMessage(thread.tid, WM_USER, 0, 0)) == (
        winerror.ERROR_INVALID_THREAD_ID,
        "PostThreadMessage",
    )


@STARTS
def test_a_thread_that_never_called_pywin32_gets_a_queue_with_its_first_peek(
    held: list[Held], start: Any
) -> None:
    got: list[Any] = []

    def first() -> None:
        win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)

    def then() -> None:
        rc, msg = win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)
        got.append((rc, msg[:4]))

    thread = hold(held, start, first, then)
    win32api.PostThreadMessage(thread.tid, WM_USER + 1, 2, 3)
    thread.join()
    assert got == [(1, (0, WM_USER + 1, 2, 3))]


# --- whatever window-manager call comes first makes the queue ----------------------------


@pytest.fixture
def other_window(classes: Classes, threads: Threads) -> int:
    """A message-only window owned by another thread, which pumps."""
    return threads.owner(classes.register({})).hwnd


def _post_to_self() -> None:
    win32api.PostThreadMessage(me(), WM_USER + 9, 0, 0)


def _post_to_main() -> None:
    main = threading.main_thread().native_id
    win32api.PostThreadMessage(main, WM_USER + 9, 0, 0)


def _create_window() -> None:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = name
    wc.lpfnWndProc = {}
    win32gui.RegisterClass(wc)
    win32gui.DestroyWindow(create(name))
    win32gui.UnregisterClass(name, 0)


FIRST_CALLS: dict[str, Callable[[int], Any]] = {
    "PostThreadMessage to itself": lambda hwnd: _post_to_self(),
    "PostThreadMessage to another thread": lambda hwnd: _post_to_main(),
    "PostMessage to another thread's window": lambda hwnd: win32gui.PostMessage(
        hwnd, WM_USER + 9, 0, 0
    ),
    "SendMessage to another thread's window": lambda hwnd: win32gui.SendMessage(
        hwnd, WM_USER + 9, 0, 0
    ),
    "PeekMessage": lambda hwnd: win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE),
    "MsgWaitForMultipleObjects": lambda hwnd: win32event.MsgWaitForMultipleObjects(
        [], False, 0, win32event.QS_ALLINPUT
    ),
    "CreateWindow": lambda hwnd: _create_window(),
    "timer.set_timer": lambda hwnd: timer.kill_timer(timer.set_timer(60_000, lambda *args: None)),
    "win32gui.PumpWaitingMessages": lambda hwnd: win32gui.PumpWaitingMessages(),
    "pythoncom.PumpWaitingMessages": lambda hwnd: pythoncom.PumpWaitingMessages(),
    "PostQuitMessage": lambda hwnd: win32gui.PostQuitMessage(0),
}


@pytest.mark.parametrize("first_call", FIRST_CALLS.values(), ids=FIRST_CALLS.keys())
def test_the_first_window_manager_call_makes_the_queue(
    held: list[Held], other_window: int, first_call: Callable[[int], Any]
) -> None:
    thread = hold(held, python_thread, first=lambda: first_call(other_window))
    win32api.PostThreadMessage(thread.tid, WM_USER, 0, 0)  # does not raise


def test_get_message_makes_the_queue_it_then_waits_on() -> None:
    got: list[Any] = []
    waiting = threading.Event()

    def body() -> None:
        waiting.set()
        rc, msg = win32gui.GetMessage(None, 0, 0)
        got.append((rc, msg[:4]))

    tid, join = python_thread(body)
    waiting.wait()
    # GetMessage is entered just after the event, and nothing outside the thread can see it
    # block: post until the queue it makes is there (the post fails only before that).
    for _ in range(JOIN_MS):
        try:
            win32api.PostThreadMessage(tid, WM_USER + 2, 5, 6)
            break
        except pywintypes.error as exc:
            if exc.winerror != winerror.ERROR_INVALID_THREAD_ID:
                raise
            win32api.Sleep(1)
    join()
    assert got == [(1, (0, WM_USER + 2, 5, 6))]


NO_QUEUE_CALLS: dict[str, Callable[[], Any]] = {
    "GetCurrentThreadId": win32api.GetCurrentThreadId,
    "CreateEvent": lambda: win32event.CreateEvent(None, False, False, None).Close(),
    "WaitForSingleObject": lambda: win32event.WaitForSingleObject(win32api.GetCurrentThread(), 0),
}


@pytest.mark.parametrize("call", NO_QUEUE_CALLS.values(), ids=NO_QUEUE_CALLS.keys())
def test_kernel_calls_make_no_queue(held: list[Held], call: Callable[[], Any]) -> None:
    thread = hold(held, python_thread, first=call)
    assert error_of(lambda: win32api.PostThreadMessage(thread.tid, WM_USER, 0, 0)) == (
        winerror.ERROR_INVALID_THREAD_ID,
        "PostThreadMessage",
    )


_IMPORTING_WIN32GUI = textwrap.dedent(
    """
    import sys, threading
    ready, gate, box = threading.Event(), threading.Event(), {}

    def worker():
        if sys.platform != "win32":
            from apartment.win32 import install
            install(force=True)
        import win32api
        box["tid"] = win32api.GetCurrentThreadId()
        import win32gui  # its first import makes a USER call on this thread
        ready.set()
        gate.wait()

    thread = threading.Thread(target=worker)
    thread.start()
    ready.wait()
    import win32api
    try:
        win32api.PostThreadMessage(box["tid"], 0x400, 0, 0)
        print("posted")
    finally:
        gate.set()
        thread.join()
    """
)


def test_the_thread_that_first_imports_win32gui_has_a_queue() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTING_WIN32GUI],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "posted"), done.stderr
