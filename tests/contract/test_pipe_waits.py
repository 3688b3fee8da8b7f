r"""Contract: waiting without a timeout on a pending pipe read's event (the common pattern).

``ReadFile(pipe, buffer, overlapped)`` -> ERROR_IO_PENDING -> ``WaitForSingleObject(
overlapped.hEvent, INFINITE)`` (or WaitForMultipleObjects with other objects) ->
GetOverlappedResult. The facade does such a read on the waiting thread; these rules are the
real pywin32's (build 312 under Wine): the wait takes an auto-reset event, another object
signaled first ends the wait and leaves the read pending, a wait for all needs both, a
completion port still gets the packet, and the other end's close from another thread ends
the wait.
"""

from __future__ import annotations

from typing import Any

import pywintypes
import win32con
import win32event
import win32file
import win32pipe
import winerror

from ._files import RW, code_of, open_file
from ._kernel import OBJECT_0, TIMEOUT, Handles, wait0

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._files import folder as folder
from ._files import pipe_path as pipe_path
from ._kernel import handles as handles
from ._kernel import spawn as spawn

MESSAGE = win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE
INFINITE = win32event.INFINITE


def _pair(path: str, handles: Handles) -> tuple[Any, Any]:
    """An overlapped message-pipe server and its (synchronous) client."""
    open_mode = win32pipe.PIPE_ACCESS_DUPLEX | win32file.FILE_FLAG_OVERLAPPED
    pipe = handles(win32pipe.CreateNamedPipe(path, open_mode, MESSAGE, 1, 512, 512, 0, None))
    return pipe, handles(open_file(path, RW, 0, win32con.OPEN_EXISTING, 0))


def _pending(pipe: Any, handles: Handles, manual: bool = False) -> tuple[Any, Any]:
    overlapped = pywintypes.OVERLAPPED()
    overlapped.hEvent = handles(win32event.CreateEvent(None, manual, False, None))
    buffer = win32file.AllocateReadBuffer(16)
    assert win32file.ReadFile(pipe, buffer, overlapped)[0] == winerror.ERROR_IO_PENDING
    return overlapped, buffer


def test_an_endless_wait_on_the_event_takes_it_and_the_read_is_done(
    pipe_path: str, handles: Handles, spawn: Any
) -> None:
    pipe, end = _pair(pipe_path, handles)
    overlapped, buffer = _pending(pipe, handles)
    go = handles(win32event.CreateEvent(None, True, False, None))

    def write() -> None:
        win32event.WaitForSingleObject(go, INFINITE)
        win32file.WriteFile(end, b"hello")

    worker = spawn(write)
    win32event.SetEvent(go)  # the wait below may start before or after the data comes
    assert win32event.WaitForSingleObject(overlapped.hEvent, INFINITE) == OBJECT_0
    worker.join()
    assert wait0(overlapped.hEvent) == TIMEOUT  # auto-reset: the wait took it
    assert win32file.GetOverlappedResult(pipe, overlapped, False) == 5
    assert bytes(buffer[:5]) == b"hello"


def test_an_endless_wait_on_the_event_and_another_object_ends_on_the_first_signaled(
    pipe_path: str, handles: Handles
) -> None:
    pipe, end = _pair(pipe_path, handles)
    overlapped, _ = _pending(pipe, handles, manual=True)
    stop = handles(win32event.CreateEvent(None, True, True, None))
    waits = (stop, overlapped.hEvent)
    assert win32event.WaitForMultipleObjects(waits, False, INFINITE) == OBJECT_0
    assert code_of(win32file.GetOverlappedResult, pipe, overlapped, False) == (
        winerror.ERROR_IO_INCOMPLETE
    )
    win32event.ResetEvent(stop)
    win32file.WriteFile(end, b"later")
    assert win32event.WaitForMultipleObjects(waits, False, INFINITE) == OBJECT_0 + 1
    assert win32file.GetOverlappedResult(pipe, overlapped, False) == 5
    assert wait0(overlapped.hEvent) == OBJECT_0  # manual-reset: still set


def test_an_endless_wait_for_all_needs_the_read_and_the_other_object(
    pipe_path: str, handles: Handles
) -> None:
    pipe, end = _pair(pipe_path, handles)
    overlapped, _ = _pending(pipe, handles)
    other = handles(win32event.CreateEvent(None, False, True, None))
    win32file.WriteFile(end, b"both")
    assert win32event.WaitForMultipleObjects((other, overlapped.hEvent), True, INFINITE) == (
        OBJECT_0
    )
    assert (wait0(other), wait0(overlapped.hEvent)) == (TIMEOUT, TIMEOUT)  # both taken
    assert win32file.GetOverlappedResult(pipe, overlapped, False) == 4


def test_a_completion_port_gets_the_packet_of_a_read_waited_for_on_its_event(
    pipe_path: str, handles: Handles
) -> None:
    pipe, end = _pair(pipe_path, handles)
    port = handles(win32file.CreateIoCompletionPort(pipe, None, 7, 0))
    overlapped, _ = _pending(pipe, handles)
    win32file.WriteFile(end, b"packet")
    assert win32event.WaitForSingleObject(overlapped.hEvent, INFINITE) == OBJECT_0
    rc, count, key, packet = win32file.GetQueuedCompletionStatus(port, 0)
    assert (rc, count, key, packet is not None) == (0, 6, 7, True)


def test_closing_the_other_end_ends_an_endless_wait_on_the_event(
    pipe_path: str, handles: Handles, spawn: Any
) -> None:
    open_mode = win32pipe.PIPE_ACCESS_DUPLEX | win32file.FILE_FLAG_OVERLAPPED
    pipe = handles(win32pipe.CreateNamedPipe(pipe_path, open_mode, MESSAGE, 1, 512, 512, 0, None))
    end = open_file(pipe_path, RW, 0, win32con.OPEN_EXISTING, 0)
    overlapped, _ = _pending(pipe, handles)
    worker = spawn(end.Close)  # before or after the wait starts: either way it ends
    assert win32event.WaitForSingleObject(overlapped.hEvent, INFINITE) == OBJECT_0
    worker.join()
    assert code_of(win32file.GetOverlappedResult, pipe, overlapped, False) == (
        winerror.ERROR_BROKEN_PIPE
    )
