"""Contract: win32file's I/O completion ports (CreateIoCompletionPort and the queued status).

Runs on the facade and on the real pywin32 (the oracle).
"""

from __future__ import annotations

import os
import threading
from typing import Any

import pytest
import pywintypes
import win32event
import win32file
import win32pipe
import winerror

from ._files import RW, folder, open_file
from ._wine import wine_differs

__all__ = ["folder"]

WAIT_TIMEOUT = 258


def _port(concurrency: int = 0) -> Any:
    return win32file.CreateIoCompletionPort(win32file.INVALID_HANDLE_VALUE, None, 0, concurrency)


def _code(call: Any, *args: Any) -> int:
    try:
        call(*args)
    except win32file.error as exc:
        return int(exc.winerror)
    return 0


def _overlapped_file(folder: str) -> Any:
    path = os.path.join(folder, "data.bin")
    return open_file(path, RW, 0, win32file.CREATE_ALWAYS, win32file.FILE_FLAG_OVERLAPPED)


def test_a_new_port_is_a_handle_and_an_empty_one_times_out() -> None:
    port = _port()
    assert isinstance(port, pywintypes.HANDLEType)
    assert win32file.GetQueuedCompletionStatus(port, 0) == (WAIT_TIMEOUT, 0, 0, None)
    assert win32file.GetQueuedCompletionStatus(port, 20) == (WAIT_TIMEOUT, 0, 0, None)


def test_a_posted_packet_comes_back_with_its_very_overlapped() -> None:
    port = _port()
    win32file.PostQueuedCompletionStatus(port, 5, 7, None)
    assert win32file.GetQueuedCompletionStatus(port, 0) == (0, 5, 7, None)
    overlapped = pywintypes.OVERLAPPED()
    overlapped.object = payload = object()
    win32file.PostQueuedCompletionStatus(port, 3, 4, overlapped)
    del overlapped  # the queue keeps it alive
    rc, count, key, back = win32file.GetQueuedCompletionStatus(port, 0)
    assert (rc, count, key) == (0, 3, 4)
    assert back.object is payload


def test_keys_and_counts_come_back_as_signed_c_values() -> None:
    port = _port()
    win32file.PostQueuedCompletionStatus(port, 1, None, None)
    assert win32file.GetQueuedCompletionStatus(port, 0) == (0, 1, 0, None)
    win32file.PostQueuedCompletionStatus(port, 1, 2**64 - 1, None)
    assert win32file.GetQueuedCompletionStatus(port, 0) == (0, 1, -1, None)
    win32file.PostQueuedCompletionStatus(port, -1, -1, None)
    assert win32file.GetQueuedCompletionStatus(port, 0) == (0, -1, -1, None)


def test_packets_come_out_oldest_first() -> None:
    port = _port()
    for key in range(4):
        win32file.PostQueuedCompletionStatus(port, 0, key, None)
    assert [win32file.GetQueuedCompletionStatus(port, 0)[2] for _ in range(4)] == [0, 1, 2, 3]


def test_a_port_is_signaled_while_packets_wait_and_a_wait_takes_none() -> None:
    port = _port()
    assert win32event.WaitForSingleObject(port, 0) == WAIT_TIMEOUT
    win32file.PostQueuedCompletionStatus(port, 0, 1, None)
    assert win32event.WaitForSingleObject(port, 0) == win32event.WAIT_OBJECT_0
    assert win32event.WaitForSingleObject(port, 0) == win32event.WAIT_OBJECT_0
    assert win32file.GetQueuedCompletionStatus(port, 0) == (0, 0, 1, None)
    assert win32event.WaitForSingleObject(port, 0) == WAIT_TIMEOUT


def test_an_associated_files_operations_are_queued_with_its_key(folder: str) -> None:
    handle = _overlapped_file(folder)
    port = win32file.CreateIoCompletionPort(handle, None, 11, 0)
    overlapped = pywintypes.OVERLAPPED()
    assert win32file.WriteFile(handle, b"hello", overlapped)[0] in (0, winerror.ERROR_IO_PENDING)
    rc, count, key, back = win32file.GetQueuedCompletionStatus(port, 5000)
    assert (rc, count, key) == (0, 5, 11)
    assert back is overlapped
    past_the_end = pywintypes.OVERLAPPED()
    past_the_end.Offset = 100
    win32file.ReadFile(handle, win32file.AllocateReadBuffer(10), past_the_end)
    rc, count, key, back = win32file.GetQueuedCompletionStatus(port, 5000)
    assert (rc, count, key) == (winerror.ERROR_HANDLE_EOF, 0, 11)
    assert back is past_the_end
    handle.Close()


def test_an_event_with_its_low_bit_set_keeps_the_completion_off_the_port(folder: str) -> None:
    handle = _overlapped_file(folder)
    port = win32file.CreateIoCompletionPort(handle, None, 1, 0)
    event = win32event.CreateEvent(None, 1, 0, None)
    overlapped = pywintypes.OVERLAPPED()
    overlapped.hEvent = int(event) | 1
    win32file.WriteFile(handle, b"abc", overlapped)
    assert win32event.WaitForSingleObject(event, 5000) == win32event.WAIT_OBJECT_0
    assert win32file.GetQueuedCompletionStatus(port, 50) == (WAIT_TIMEOUT, 0, 0, None)
    assert win32file.GetOverlappedResult(handle, overlapped, False) == 3
    overlapped = pywintypes.OVERLAPPED()
    overlapped.hEvent = event
    win32event.ResetEvent(event)
    win32file.WriteFile(handle, b"abc", overlapped)
    assert win32event.WaitForSingleObject(event, 5000) == win32event.WAIT_OBJECT_0
    assert win32file.GetQueuedCompletionStatus(port, 5000)[:3] == (0, 3, 1)
    handle.Close()


def test_associating_with_an_existing_port_returns_that_very_object(folder: str) -> None:
    port = _port()
    handle = _overlapped_file(folder)
    assert win32file.CreateIoCompletionPort(handle, port, 5, 0) is port
    handle.Close()


def test_a_file_joins_one_port_and_must_be_overlapped(folder: str) -> None:
    port = _port()
    handle = _overlapped_file(folder)
    win32file.CreateIoCompletionPort(handle, port, 1, 0)
    assert _code(win32file.CreateIoCompletionPort, handle, port, 2, 0) == 87
    assert _code(win32file.CreateIoCompletionPort, handle, _port(), 2, 0) == 87
    plain = open_file(os.path.join(folder, "plain.bin"), RW, 0, win32file.CREATE_ALWAYS)
    assert _code(win32file.CreateIoCompletionPort, plain, port, 3, 0) == 87
    handle.Close()
    plain.Close()


def test_bad_handles_and_arguments() -> None:
    port = _port()
    event = win32event.CreateEvent(None, 1, 0, None)
    # GetQueuedCompletionStatus never raises a Win32 error: it returns the code.
    assert win32file.GetQueuedCompletionStatus(event, 0) == (6, 0, 0, None)
    assert win32file.GetQueuedCompletionStatus(None, 0) == (6, 0, 0, None)
    with pytest.raises(TypeError):
        win32file.GetQueuedCompletionStatus("port", 0)
    assert _code(win32file.PostQueuedCompletionStatus, event, 0, 0, None) == 6
    assert _code(win32file.PostQueuedCompletionStatus, 0, 0, 0, None) == 6
    with pytest.raises(TypeError):
        win32file.PostQueuedCompletionStatus(port, "x", 0, None)
    with pytest.raises(TypeError):
        win32file.PostQueuedCompletionStatus(port, 1, 0, 5)
    with pytest.raises(TypeError):
        win32file.PostQueuedCompletionStatus(port, 1, "key", None)
    assert _code(win32file.CreateIoCompletionPort, -1, port, 0, 0) == 87
    assert _code(win32file.CreateIoCompletionPort, event, port, 0, 0) == 6
    with pytest.raises(TypeError):
        win32file.CreateIoCompletionPort(-1, None, "key", 0)
    with pytest.raises(TypeError):
        win32file.CreateIoCompletionPort(-1, None, 0)
    port.Close()
    assert win32file.GetQueuedCompletionStatus(port, 0) == (6, 0, 0, None)


def test_a_pipe_connection_completes_on_the_port(pipe_name: str) -> None:
    handle = win32pipe.CreateNamedPipe(
        pipe_name,
        win32pipe.PIPE_ACCESS_DUPLEX | win32file.FILE_FLAG_OVERLAPPED,
        win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_WAIT,
        1, 512, 512, 0, None,
    )  # fmt: skip
    port = win32file.CreateIoCompletionPort(handle, None, 9, 0)
    overlapped = pywintypes.OVERLAPPED()
    assert win32pipe.ConnectNamedPipe(handle, overlapped) == winerror.ERROR_IO_PENDING
    client = win32file.CreateFile(pipe_name, win32file.GENERIC_READ, 0, None, 3, 0, None)
    rc, _count, key, back = win32file.GetQueuedCompletionStatus(port, 5000)
    assert (rc, key, back) == (0, 9, overlapped)
    assert back is overlapped
    client.Close()
    handle.Close()


@pytest.fixture
def pipe_name() -> str:
    import uuid

    return "\\\\.\\pipe\\apartment-iocp-" + uuid.uuid4().hex


@wine_differs("Wine releases the threads waiting on a port FIFO, Windows LIFO")
def test_the_thread_that_waited_last_is_served_first() -> None:
    port = _port()
    got: dict[int, int] = {}
    lock = threading.Lock()

    def taker(n: int) -> None:
        key = win32file.GetQueuedCompletionStatus(port, 10000)[2]
        with lock:
            got[n] = key

    threads = []
    for n in range(3):
        thread = threading.Thread(target=taker, args=(n,), daemon=True)
        thread.start()
        _until_waiting(thread)
        threads.append(thread)
    for key, newest in zip(range(3), (2, 1, 0), strict=True):
        win32file.PostQueuedCompletionStatus(port, 0, key, None)
        threads[newest].join(10)
        assert got.get(newest) == key


def _until_waiting(thread: threading.Thread) -> None:
    """Return once ``thread`` waits in GetQueuedCompletionStatus.

    The facade's kernel can tell; the real pywin32 cannot be asked, so there the thread is
    given time (these tests are expected to fail under Wine anyway).
    """
    try:
        from apartment.testing import wait_until_blocked
    except ImportError:
        import time

        time.sleep(0.3)
        return
    wait_until_blocked(thread)


@wine_differs("Wine does not release GetQueuedCompletionStatus when the port's handle closes")
def test_closing_the_port_releases_its_waiters_with_abandoned_wait() -> None:
    port = _port()
    results: list[Any] = []

    def waiter() -> None:
        results.append(win32file.GetQueuedCompletionStatus(port, 5000))

    thread = threading.Thread(target=waiter, daemon=True)
    thread.start()
    _until_waiting(thread)
    port.Close()
    thread.join(10)
    assert results == [(winerror.ERROR_ABANDONED_WAIT_0, 0, 0, None)]
