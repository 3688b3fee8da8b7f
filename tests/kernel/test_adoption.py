"""Every thread is a Win32 thread: threads the library did not start are adopted by id.

DESIGN.md decision 13. A thread gets its handle on first use, by itself or by its id from
another thread; the handle is signaled when the thread ends, however it was started: plain
``threading``, or a C library (here ``pthread_create`` through ctypes).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import threading
from typing import TYPE_CHECKING, Any

import pytest

from apartment.kernel import STILL_ACTIVE, ThreadHandle, current_thread, handles, thread_by_id

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

JOIN = 10.0

needs_pthreads = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="starts threads with glibc's pthread_create"
)


class Gate:
    """A plain lock a thread blocks on without calling the library (it stays unadopted)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._lock.acquire()
        self._opened = False

    def pass_(self) -> None:
        self._lock.acquire()
        self._lock.release()

    def open(self) -> None:
        if not self._opened:
            self._opened = True
            self._lock.release()


@pytest.fixture
def plain_thread() -> Iterator[tuple[threading.Thread, Gate]]:
    """A threading thread that has never called the library, held until its gate opens."""
    started, gate = threading.Event(), Gate()

    def body() -> None:
        started.set()
        gate.pass_()

    thread = threading.Thread(target=body)
    thread.start()
    started.wait()
    yield thread, gate
    gate.open()
    thread.join()


def test_a_plain_thread_is_adopted_by_id_from_another_thread(
    plain_thread: tuple[threading.Thread, Gate],
) -> None:
    thread, gate = plain_thread
    assert thread.native_id is not None
    handle = thread_by_id(thread.native_id)
    assert isinstance(handle, ThreadHandle)
    assert handle.native_id == thread.native_id
    assert handle.name == thread.name
    assert handle.is_alive()
    assert handle.exit_code == STILL_ACTIVE
    assert thread_by_id(thread.native_id) is handle  # adopted once
    assert not handle.wait(0)
    gate.open()
    assert handle.wait(JOIN)  # signaled when the thread ends: seen from outside
    assert handle.exit_code == 0
    assert thread_by_id(thread.native_id) is None


def test_a_thread_adopted_by_id_takes_up_its_handle_when_it_calls_the_library() -> None:
    adopted = threading.Event()
    seen: list[ThreadHandle] = []

    def body() -> None:
        adopted.wait()
        seen.append(current_thread())

    thread = threading.Thread(target=body)
    thread.start()
    assert thread.native_id is not None
    handle = thread_by_id(thread.native_id)
    adopted.set()
    thread.join()
    assert seen == [handle]
    assert handle is not None
    assert handle.wait(JOIN)


def test_the_main_thread_is_adopted_by_id_from_a_worker() -> None:
    found: list[ThreadHandle | None] = []
    main_id = threading.main_thread().native_id
    assert main_id is not None
    worker = threading.Thread(target=lambda: found.append(thread_by_id(main_id)))
    worker.start()
    worker.join()
    assert found == [current_thread()]


@pytest.mark.parametrize("native_id", [0, -1, 2**22 + 12345, 2**40])
def test_an_id_no_thread_of_this_process_has_gives_none(native_id: int) -> None:
    assert thread_by_id(native_id) is None


def test_an_id_of_another_process_gives_none() -> None:
    assert os.getppid() != os.getpid()
    assert thread_by_id(os.getppid()) is None


def test_a_thread_seen_to_end_is_not_adopted_again_while_its_os_thread_lingers() -> None:
    ended = threading.Event()
    gate = Gate()

    def body() -> None:
        handle = current_thread()
        # end it as its sentinel would, while the OS thread still runs
        from apartment.kernel._thread import thread_exited

        thread_exited(handle, 0)
        ended.set()
        gate.pass_()

    thread = threading.Thread(target=body)
    thread.start()
    ended.wait()
    assert thread.native_id is not None
    assert thread_by_id(thread.native_id) is None  # alive in /proc, but its end was seen
    gate.open()
    thread.join()


def test_open_thread_gives_a_waitable_handle_to_a_plain_thread(
    plain_thread: tuple[threading.Thread, Gate],
) -> None:
    thread, gate = plain_thread
    assert thread.native_id is not None
    value = handles.open_thread(thread.native_id, 0x100000)
    try:
        handle = handles.get(value)
        assert isinstance(handle, ThreadHandle)
        gate.open()
        assert handle.wait(JOIN)
    finally:
        handles.close(value)


def test_the_end_is_seen_by_polling_without_thread_pidfds(
    monkeypatch: pytest.MonkeyPatch, plain_thread: tuple[threading.Thread, Gate]
) -> None:
    def no_pidfd(pid: int, flags: int = 0) -> int:
        raise OSError(22, "Invalid argument")  # what Linux before 6.9 answers PIDFD_THREAD

    monkeypatch.setattr(os, "pidfd_open", no_pidfd)  # as _threadwatch calls it
    thread, gate = plain_thread
    assert thread.native_id is not None
    handle = thread_by_id(thread.native_id)
    assert handle is not None
    gate.open()
    assert handle.wait(JOIN)


# -- threads a C library started ---------------------------------------------------------------

_libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
_START = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p)
_DESTRUCTOR = ctypes.CFUNCTYPE(None, ctypes.c_void_p)


class CThread:
    """A thread started by libc's pthread_create, running ``first`` and later ``second``.

    ``first`` is the start routine (a ctypes callback); ``second``, if given, runs on the
    same OS thread after the start routine has returned, as a thread-specific data
    destructor. CPython gives each callback a new thread state, so the two callbacks share
    no thread-locals, as two callbacks of a C library's worker thread would not.
    """

    def __init__(self, first: Callable[[], None], second: Callable[[], None] | None = None) -> None:
        self.native_id = 0
        self._key = ctypes.c_uint()
        self._callbacks: list[Any] = []
        self.done = threading.Event()
        if second is not None:

            def destructor(_: int | None) -> None:
                second()

            self._callbacks.append(_DESTRUCTOR(destructor))
            assert _libc.pthread_key_create(ctypes.byref(self._key), self._callbacks[-1]) == 0

        def start(_: int | None) -> None:
            self.native_id = threading.get_native_id()
            if second is not None:
                _libc.pthread_setspecific(self._key, ctypes.c_void_p(1))
            first()

        self._callbacks.append(_START(start))
        self._thread = ctypes.c_ulong()
        assert (
            _libc.pthread_create(ctypes.byref(self._thread), None, self._callbacks[-1], None) == 0
        )

    def join(self) -> None:
        assert _libc.pthread_join(self._thread, None) == 0
        if self._callbacks and len(self._callbacks) == 2:
            _libc.pthread_key_delete(self._key)


@needs_pthreads
def test_a_c_thread_is_adopted_by_id_and_seen_to_end() -> None:
    started, gate = threading.Event(), Gate()

    def first() -> None:
        started.set()
        gate.pass_()

    thread = CThread(first)
    started.wait()
    handle = thread_by_id(thread.native_id)
    assert handle is not None
    assert handle.is_alive()
    gate.open()
    thread.join()
    assert handle.wait(JOIN)
    assert handle.exit_code == 0


@needs_pthreads
def test_a_c_thread_keeps_its_handle_across_callbacks_until_it_ends() -> None:
    seen: list[tuple[ThreadHandle, bool]] = []

    def call_in() -> None:
        handle = current_thread()
        seen.append((handle, handle.is_alive()))

    thread = CThread(call_in, call_in)
    thread.join()
    assert len(seen) == 2
    (first, alive_first), (second, alive_second) = seen
    assert second is first  # one thread, one handle, though its thread-locals were new
    assert alive_first
    assert alive_second  # not reported ended when its first callback returned
    assert first.native_id == thread.native_id
    assert first.wait(JOIN)  # ended with its OS thread


def test_a_thread_whose_end_was_told_leaves_the_kernel_lock_alone_at_teardown() -> None:
    """start_thread's threads tell their end themselves: their teardown takes no lock.

    A daemon thread frozen by the interpreter's shutdown may hold the kernel lock for ever;
    a teardown that took it then would never end, and neither would the process.
    """
    from apartment.kernel._core import KERNEL_LOCK
    from apartment.kernel._thread import thread_exited

    told = threading.Event()
    gate = Gate()
    gone: list[ThreadHandle] = []

    def body() -> None:
        handle = current_thread()
        thread_exited(handle, 0)
        gone.append(handle)
        told.set()
        gate.pass_()

    thread = threading.Thread(target=body, daemon=True)
    thread.start()
    assert told.wait(JOIN)
    KERNEL_LOCK.acquire()  # a frozen daemon's hold, from before the thread's teardown
    try:
        gate.open()
        thread.join(JOIN)  # its teardown (the sentinel going) needs no lock
        ended = not thread.is_alive()
    finally:
        KERNEL_LOCK.release()
    assert ended, "the teardown of a thread that told its end took the kernel lock"
    assert gone[0].wait(0)


def test_a_teardown_waiting_for_the_kernel_lock_gives_up_once_shutdown_begins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The lock's holder may be frozen by the shutdown: the teardown must not wait for ever."""
    from apartment.kernel import _thread as thread_module

    shutting_down = threading.Event()
    gate = Gate()
    monkeypatch.setattr(thread_module, "_finalizing", shutting_down.is_set)
    ended = _adopted_thread_ends_under_held_kernel_lock(gate, after_open=shutting_down.set)
    assert ended, "the thread's teardown waited for the kernel lock after shutdown began"


def _adopted_thread_ends_under_held_kernel_lock(
    gate: Gate, after_open: Callable[[], object] = lambda: None
) -> bool:
    """Whether an adopted thread, let go through ``gate`` while the kernel lock is held "for
    ever" (by a daemon frozen at shutdown), ends: its sentinel tells its end at its teardown."""
    from apartment.kernel._core import KERNEL_LOCK

    adopted = threading.Event()

    def body() -> None:
        current_thread()  # adopted: its sentinel tells its end at its teardown
        adopted.set()
        gate.pass_()

    thread = threading.Thread(target=body, daemon=True)
    thread.start()
    assert adopted.wait(JOIN)
    KERNEL_LOCK.acquire()
    try:
        gate.open()  # its teardown now waits for the lock
        after_open()
        thread.join(JOIN)
        return not thread.is_alive()
    finally:
        KERNEL_LOCK.release()


def test_a_teardown_whose_exit_hooks_need_the_kernel_lock_gives_up_once_shutdown_begins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The exit hooks (queues, apartments, ports) take the kernel lock without a bound: the
    teardown sees that the lock is to be had before it runs them."""
    from apartment.kernel import _thread as thread_module
    from apartment.kernel._core import KERNEL_LOCK

    gate = Gate()
    hooked: list[ThreadHandle] = []
    answers = iter([False])  # the teardown's first look: not yet; shutdown begins after it

    def finalizing() -> bool:
        return gate._opened and next(answers, True)

    def hook(handle: ThreadHandle) -> None:
        with KERNEL_LOCK:
            hooked.append(handle)

    monkeypatch.setattr(thread_module, "_finalizing", finalizing)
    monkeypatch.setattr(thread_module, "_exit_hooks", [*thread_module._exit_hooks, hook])
    ended = _adopted_thread_ends_under_held_kernel_lock(gate)
    assert ended, "an exit hook of the thread's teardown waited for the kernel lock"
    assert hooked == []


def test_a_thread_adopted_by_id_while_it_adopts_itself_has_one_handle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Adoption by id from another thread may land between a thread's look-up and its
    registration: the thread takes that handle up, so that the one handle others wait on is
    the one its end signals (two handles left the first unsignaled for ever)."""
    from apartment.kernel import _thread as thread_module

    real = thread_module.ThreadHandle
    building = threading.Event()
    adopted = threading.Event()
    own: list[ThreadHandle] = []

    class Pausing(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if threading.current_thread() is worker:  # the worker's own adoption: pause it
                building.set()
                assert adopted.wait(JOIN)

    monkeypatch.setattr(thread_module, "ThreadHandle", Pausing)
    worker = threading.Thread(target=lambda: own.append(current_thread()), daemon=True)
    worker.start()
    assert building.wait(JOIN)
    assert worker.native_id is not None
    by_id = thread_by_id(worker.native_id)  # adopted by id, between look-up and registration
    adopted.set()
    worker.join(JOIN)
    assert own == [by_id]
    assert by_id is not None and by_id.wait(JOIN)  # its end signals the handle others hold
