"""Sockets named by their descriptors where pywin32 takes a handle, and bare-descriptor selections.

On Windows a socket is a handle, so ``sock.fileno()`` goes where a handle goes (CancelIo,
CreateIoCompletionPort). Here descriptors and handle values are two sets of ints that can
meet: a bare int that is an open socket descriptor is the socket, even when a handle of the
same value is open (a PyHANDLE is always the handle). And a socket Winsock got only as a
descriptor still sees the program's recv (the hooks of ``kernel._bare_sockets``), while the
library's own calls on that descriptor (made under the I/O lock) do not go through them.
"""

from __future__ import annotations

import os
import socket
from typing import TYPE_CHECKING, Any

import pytest

from apartment import kernel
from apartment.kernel import _sockstate, handles
from apartment.win32 import _handles as win32_handles
from apartment.win32 import pywintypes, win32event, win32file, winerror

if TYPE_CHECKING:
    from collections.abc import Iterator

LONG = 5000
EVENT_ALL_ACCESS = 0x1F0003


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    client = socket.create_connection(listener.getsockname())
    server, _ = listener.accept()
    listener.close()
    yield client, server
    client.close()
    server.close()


def _free_descriptor(value: int) -> bool:
    try:
        os.fstat(value)
    except OSError:
        return True
    return False


def _twin_at_a_handle_value(sock: socket.socket) -> tuple[socket.socket, Any]:
    """The same socket again at a descriptor whose number an open event handle has too.

    Handle values only grow, past the descriptor limit in a long run: so the event is opened
    at a value chosen among free descriptors (as an inherited handle keeps its value).
    """
    for value in range(64, 4096, 4):
        if not _free_descriptor(value) or win32_handles.is_open(value):
            continue
        try:
            fd = os.dup2(sock.fileno(), value)
        except OSError:  # EBUSY: another thread is opening that descriptor now
            continue
        handles.insert_at(value, kernel.Event(manual_reset=True), EVENT_ALL_ACCESS)
        return socket.socket(fileno=fd), pywintypes.HANDLE(value)
    raise AssertionError("no free descriptor below 4096")


def test_cancelio_of_a_descriptor_that_is_also_a_handle_value_cancels_the_socket(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    _, server = pair
    twin, other = _twin_at_a_handle_value(server)  # an event handle of the twin's number
    try:
        ol = pywintypes.OVERLAPPED()
        ol.hEvent = win32event.CreateEvent(None, True, False, None)
        buffer = win32file.AllocateReadBuffer(16)
        assert win32file.WSARecv(twin, buffer, ol, 0)[0] == winerror.ERROR_IO_PENDING
        win32file.CancelIo(twin.fileno())
        assert win32event.WaitForSingleObject(ol.hEvent, LONG) == win32event.WAIT_OBJECT_0
        with pytest.raises(pywintypes.error) as caught:
            win32file.GetOverlappedResult(twin.fileno(), ol, True)
        assert caught.value.winerror == winerror.ERROR_OPERATION_ABORTED
        # the event of the same value is untouched, and still an event
        assert win32event.WaitForSingleObject(other, 0) == win32event.WAIT_TIMEOUT
        ol.hEvent.Close()
    finally:
        twin.close()
        other.Close()


def test_a_port_takes_the_socket_a_descriptor_names_over_a_handle_of_that_value(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    client, server = pair
    twin, other = _twin_at_a_handle_value(server)
    try:
        port = win32file.CreateIoCompletionPort(win32file.INVALID_HANDLE_VALUE, None, 0, 0)
        win32file.CreateIoCompletionPort(twin.fileno(), port, 7, 0)
        ol = pywintypes.OVERLAPPED()
        buffer = win32file.AllocateReadBuffer(16)
        win32file.WSARecv(twin, buffer, ol, 0)
        client.sendall(b"hi")
        rc, count, key, done = win32file.GetQueuedCompletionStatus(port, LONG)
        assert (rc, count, key) == (0, 2, 7)
        assert done is ol
        assert bytes(buffer[:2]) == b"hi"
        win32file.CloseHandle(port)
    finally:
        twin.close()
        other.Close()


def test_a_pyhandle_of_that_value_is_still_the_handle(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    _, server = pair
    twin, other = _twin_at_a_handle_value(server)
    try:
        with pytest.raises(pywintypes.error) as caught:
            win32file.CreateIoCompletionPort(other, None, 0, 0)  # an event is no file
        assert caught.value.winerror == winerror.ERROR_INVALID_HANDLE
    finally:
        twin.close()
        other.Close()


def test_the_librarys_own_calls_on_a_bare_selected_socket_do_not_deadlock(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    """Selected by descriptor (hooks on), then overlapped I/O the I/O thread serves."""
    client, server = pair
    event = win32event.CreateEvent(None, False, False, None)
    win32file.WSAEventSelect(server.fileno(), event, win32file.FD_READ | win32file.FD_CLOSE)
    ol = pywintypes.OVERLAPPED()
    ol.hEvent = win32event.CreateEvent(None, True, False, None)
    buffer = win32file.AllocateReadBuffer(5)
    assert win32file.WSARecv(server.fileno(), buffer, ol, 0)[0] == winerror.ERROR_IO_PENDING
    client.sendall(b"hello")
    assert win32event.WaitForSingleObject(ol.hEvent, LONG) == win32event.WAIT_OBJECT_0
    assert win32file.GetOverlappedResult(server.fileno(), ol, False) == 5
    assert bytes(buffer) == b"hello"
    client.close()
    assert win32event.WaitForSingleObject(event, LONG) == win32event.WAIT_OBJECT_0
    assert win32file.FD_CLOSE in win32file.WSAEnumNetworkEvents(server.fileno(), event)


def test_closing_a_bare_selected_socket_forgets_its_selection(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    """The descriptor's record goes with the socket: a later socket there starts clean."""
    _, server = pair
    event = win32event.CreateEvent(None, True, False, None)
    fd = server.fileno()
    win32file.WSAEventSelect(fd, event, win32file.FD_READ)
    assert fd in _sockstate._states
    server.close()
    assert fd not in _sockstate._states
