"""Contract: win32file's Winsock extensions (WSAEventSelect, AcceptEx, ConnectEx, WSARecv...).

Runs on the facade and on the real pywin32 (the oracle). Each test orders its two ends with
waits on the socket's event (no sleeps); a short wait that must time out checks that nothing
was signaled.
"""

from __future__ import annotations

import os
import socket
import tempfile
from typing import TYPE_CHECKING, Any

import pytest
import pywintypes
import win32event
import win32file
import winerror

from ._wine import wine_differs

if TYPE_CHECKING:
    from collections.abc import Iterator

WAIT_OBJECT_0 = 0
WAIT_TIMEOUT = 258
LONG = 5000  # ms: what must come comes well before
SHORT = 100  # ms: what must not come


def _code(call: Any, *args: Any) -> int:
    try:
        call(*args)
    except win32file.error as exc:
        return int(exc.winerror)
    return 0


def _event(manual: bool = False) -> Any:
    return win32event.CreateEvent(None, manual, 0, None)


def _signaled(event: Any, timeout: int = LONG) -> bool:
    return bool(win32event.WaitForSingleObject(event, timeout) == WAIT_OBJECT_0)


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(5)
    yield sock
    sock.close()


def _pair(listener: socket.socket) -> tuple[socket.socket, socket.socket]:
    client = socket.create_connection(listener.getsockname())
    server, _ = listener.accept()
    return client, server


# -- constants ---------------------------------------------------------------------------------


def test_the_constants_have_winsocks_values() -> None:
    assert (win32file.FD_READ, win32file.FD_WRITE, win32file.FD_OOB) == (1, 2, 4)
    assert (win32file.FD_ACCEPT, win32file.FD_CONNECT, win32file.FD_CLOSE) == (8, 16, 32)
    assert (win32file.WSAEWOULDBLOCK, win32file.WSAENOTSOCK, win32file.WSAEINVAL) == (
        10035,
        10038,
        10022,
    )
    assert (win32file.WSAECONNRESET, win32file.WSAEINTR, win32file.WSAENOBUFS) == (
        10054,
        10004,
        10055,
    )
    assert win32file.SO_UPDATE_ACCEPT_CONTEXT == 0x700B
    assert winerror.WSAECONNREFUSED == 10061
    assert winerror.ERROR_CONNECTION_REFUSED == 1225


# -- WSAEventSelect and WSAEnumNetworkEvents --------------------------------------------------


def test_fd_accept_is_recorded_once_until_accept(listener: socket.socket) -> None:
    event = _event()
    win32file.WSAEventSelect(listener, event, win32file.FD_ACCEPT)
    first = socket.create_connection(listener.getsockname())
    assert _signaled(event)
    assert win32file.WSAEnumNetworkEvents(listener, event) == {win32file.FD_ACCEPT: 0}
    second = socket.create_connection(listener.getsockname())
    assert not _signaled(event, SHORT)  # recorded already: no accept has re-enabled it
    server, _ = listener.accept()
    assert _signaled(event)  # the second connection still waits
    assert win32file.WSAEnumNetworkEvents(listener) == {win32file.FD_ACCEPT: 0}
    for sock in (first, second, server):
        sock.close()


def test_connect_records_fd_connect_and_fd_write_together(listener: socket.socket) -> None:
    client = socket.socket()
    event = _event()
    mask = win32file.FD_CONNECT | win32file.FD_WRITE | win32file.FD_READ | win32file.FD_CLOSE
    win32file.WSAEventSelect(client, event, mask)
    assert client.connect_ex(listener.getsockname()) == win32file.WSAEWOULDBLOCK
    assert _signaled(event)
    assert win32file.WSAEnumNetworkEvents(client, event) == {
        win32file.FD_CONNECT: 0,
        win32file.FD_WRITE: 0,
    }
    assert not _signaled(event, SHORT)  # FD_WRITE comes once, until a send would block
    client.close()


def test_the_socket_becomes_non_blocking(listener: socket.socket) -> None:
    client, server = _pair(listener)
    win32file.WSAEventSelect(server, _event(), win32file.FD_READ)
    with pytest.raises(BlockingIOError) as caught:
        server.recv(10)
    assert caught.value.args[0] == win32file.WSAEWOULDBLOCK
    client.close()
    server.close()


def test_fd_read_waits_for_a_recv_and_comes_back_while_data_is_left(
    listener: socket.socket,
) -> None:
    client, server = _pair(listener)
    event = _event()
    win32file.WSAEventSelect(server, event, win32file.FD_READ)
    client.send(b"0123456789")
    assert _signaled(event)
    assert win32file.WSAEnumNetworkEvents(server, event) == {win32file.FD_READ: 0}
    client.send(b"more")
    assert not _signaled(event, SHORT)  # no recv yet: FD_READ is not recorded again
    assert server.recv(4) == b"0123"
    assert _signaled(event)  # data is left: recorded again at once
    assert win32file.WSAEnumNetworkEvents(server, event) == {win32file.FD_READ: 0}
    data = b""
    while len(data) < 10:
        data += server.recv(100)
    assert data == b"456789more"
    assert win32file.WSAEnumNetworkEvents(server) == {}  # drained: nothing recorded
    client.close()
    server.close()


class _Connection:
    """A program's own object over a socket, as Twisted's win32eventreactor hands Winsock."""

    def __init__(self, sock: socket.socket) -> None:
        self.socket = sock

    def fileno(self) -> int:
        return self.socket.fileno()


@pytest.mark.parametrize("given", ["fileno object", "int"])
def test_a_recv_re_enables_fd_read_whatever_named_the_socket(
    listener: socket.socket, given: str
) -> None:
    """The re-enabling recv is the socket's, whether Winsock got it or only its descriptor."""
    client, server = _pair(listener)
    event = _event()
    named = _Connection(server)
    win32file.WSAEventSelect(named.fileno() if given == "int" else named, event, win32file.FD_READ)
    client.sendall(b"x" * 1000)
    assert _signaled(event)
    assert win32file.WSAEnumNetworkEvents(named.fileno(), event) == {win32file.FD_READ: 0}
    assert len(server.recv(100)) == 100  # 900 bytes are left: FD_READ again, at once
    assert _signaled(event)
    assert win32file.WSAEnumNetworkEvents(named.fileno(), event) == {win32file.FD_READ: 0}
    data = b""
    while len(data) < 900:
        data += server.recv(1000)
    assert not _signaled(event, SHORT)  # drained: nothing more
    client.close()
    server.close()


def test_an_accept_re_enables_fd_accept_of_a_listener_named_by_descriptor(
    listener: socket.socket,
) -> None:
    event = _event()
    win32file.WSAEventSelect(_Connection(listener), event, win32file.FD_ACCEPT)
    first = socket.create_connection(listener.getsockname())
    second = socket.create_connection(listener.getsockname())
    assert _signaled(event)
    assert win32file.WSAEnumNetworkEvents(listener.fileno(), event) == {win32file.FD_ACCEPT: 0}
    accepted, _ = listener.accept()  # the second is still pending: FD_ACCEPT again
    assert _signaled(event)
    assert win32file.WSAEnumNetworkEvents(listener.fileno(), event) == {win32file.FD_ACCEPT: 0}
    win32file.WSAEventSelect(listener.fileno(), None, 0)
    for sock in (first, second, accepted):
        sock.close()


def test_fd_close_is_recorded_once_when_the_peer_closes(listener: socket.socket) -> None:
    client, server = _pair(listener)
    event = _event()
    win32file.WSAEventSelect(server, event, win32file.FD_READ | win32file.FD_CLOSE)
    client.close()
    assert _signaled(event)
    assert win32file.WSAEnumNetworkEvents(server, event) == {win32file.FD_CLOSE: 0}
    assert not _signaled(event, SHORT)
    assert server.recv(10) == b""
    assert win32file.WSAEnumNetworkEvents(server) == {}
    server.close()


def test_select_on_a_connected_socket_records_fd_write(listener: socket.socket) -> None:
    client, server = _pair(listener)
    event = _event()
    win32file.WSAEventSelect(server, event, win32file.FD_WRITE)
    assert _signaled(event)
    assert win32file.WSAEnumNetworkEvents(server, event) == {win32file.FD_WRITE: 0}
    client.close()
    server.close()


def test_a_zero_mask_cancels_the_selection(listener: socket.socket) -> None:
    client, server = _pair(listener)
    event = _event()
    win32file.WSAEventSelect(server, event, win32file.FD_READ)
    win32file.WSAEventSelect(server, event, 0)
    client.send(b"x")
    assert not _signaled(event, SHORT)
    assert win32file.WSAEnumNetworkEvents(server) == {}
    client.close()
    server.close()


def test_enum_resets_the_event_it_is_given(listener: socket.socket) -> None:
    client, server = _pair(listener)
    event = _event(manual=True)
    win32file.WSAEventSelect(server, event, win32file.FD_READ)
    client.send(b"x")
    assert _signaled(event)
    win32file.WSAEnumNetworkEvents(server)
    assert _signaled(event, 0)  # without the event, it stays set
    win32file.WSAEnumNetworkEvents(server, event)
    assert not _signaled(event, 0)
    client.close()
    server.close()


@wine_differs("Wine asks the file's driver, which answers WSAEOPNOTSUPP (pywin32's test pins it)")
def test_a_file_is_not_a_socket(listener: socket.socket) -> None:
    path = tempfile.mktemp()
    with open(path, "w") as f:
        handle = win32file._get_osfhandle(f.fileno())
        assert _code(win32file.WSAEventSelect, handle, _event(), 1) == win32file.WSAENOTSOCK
        assert _code(win32file.WSAEnumNetworkEvents, handle) == win32file.WSAENOTSOCK
        assert _code(win32file.WSAEnumNetworkEvents, listener, handle) == win32file.WSAENOTSOCK
    os.unlink(path)


def test_bad_selections_fail_with_winsocks_codes(listener: socket.socket) -> None:
    event = _event()
    path = tempfile.mktemp()
    with open(path, "w") as f:
        handle = win32file._get_osfhandle(f.fileno())
        assert _code(win32file.WSAEventSelect, listener, handle, 1) == win32file.WSAEINVAL
    os.unlink(path)
    assert _code(win32file.WSAEventSelect, listener, None, 1) == win32file.WSAEINVAL
    with pytest.raises(TypeError):
        win32file.WSAEventSelect("spam", event, 1)
    with pytest.raises(TypeError):
        win32file.WSAEventSelect(listener, event, "spam")
    closed = socket.socket()
    number = closed.fileno()
    closed.close()
    assert _code(win32file.WSAEnumNetworkEvents, number) == win32file.WSAENOTSOCK


def test_unknown_event_bits_are_ignored(listener: socket.socket) -> None:
    event = _event()
    assert _code(win32file.WSAEventSelect, listener, event, 1 << 12) == 0
    socket.create_connection(listener.getsockname()).close()
    assert not _signaled(event, SHORT)
    assert win32file.WSAEnumNetworkEvents(listener) == {}


# -- overlapped I/O --------------------------------------------------------------------------


def _overlapped() -> Any:
    ol = pywintypes.OVERLAPPED()
    ol.hEvent = _event(manual=True)
    return ol


def test_wsarecv_pends_until_data_comes(listener: socket.socket) -> None:
    client, server = _pair(listener)
    ol = _overlapped()
    buffer = win32file.AllocateReadBuffer(16)
    rc, _ = win32file.WSARecv(server, buffer, ol, 0)
    assert rc == winerror.ERROR_IO_PENDING
    assert _code(win32file.GetOverlappedResult, server.fileno(), ol, False) == (
        winerror.ERROR_IO_INCOMPLETE
    )
    assert win32file.WSASend(client, b"hello", None) == (0, 5)
    assert _signaled(ol.hEvent)
    count = win32file.GetOverlappedResult(server.fileno(), ol, False)
    assert bytes(buffer[:count]) == b"hello"
    client.close()
    server.close()


def test_wsarecv_refuses_a_read_only_buffer(listener: socket.socket) -> None:
    client, server = _pair(listener)
    with pytest.raises(BufferError):
        win32file.WSARecv(server, b"1234", _overlapped())
    with pytest.raises(TypeError):
        win32file.WSARecv(server, " " * 10, _overlapped())
    client.close()
    server.close()


def test_a_cancelled_wsarecv_is_operation_aborted(listener: socket.socket) -> None:
    client, server = _pair(listener)
    ol = _overlapped()
    buffer = win32file.AllocateReadBuffer(16)
    assert win32file.WSARecv(server, buffer, ol, 0)[0] == winerror.ERROR_IO_PENDING
    win32file.CancelIo(server.fileno())
    assert _signaled(ol.hEvent)
    code = _code(win32file.GetOverlappedResult, server.fileno(), ol, True)
    assert code == winerror.ERROR_OPERATION_ABORTED
    client.close()
    server.close()


def test_a_completion_port_gets_the_sockets_packets(listener: socket.socket) -> None:
    client, server = _pair(listener)
    port = win32file.CreateIoCompletionPort(win32file.INVALID_HANDLE_VALUE, None, 0, 0)
    win32file.CreateIoCompletionPort(server.fileno(), port, 77, 0)
    ol = pywintypes.OVERLAPPED()
    buffer = win32file.AllocateReadBuffer(16)
    assert win32file.WSARecv(server, buffer, ol, 0)[0] == winerror.ERROR_IO_PENDING
    client.send(b"abc")
    rc, count, key, got = win32file.GetQueuedCompletionStatus(port, LONG)
    assert (rc, count, key) == (0, 3, 77)
    assert got is ol
    client.close()
    server.close()


def test_endpoint_sizes_follow_the_family() -> None:
    v4 = socket.socket(socket.AF_INET)
    assert win32file.CalculateSocketEndPointSize(v4) == 64
    v4.close()
    v6 = socket.socket(socket.AF_INET6)
    assert win32file.CalculateSocketEndPointSize(v6) == 88
    v6.close()


def test_acceptex_without_room_for_data_completes_on_the_connection(
    listener: socket.socket,
) -> None:
    accepter = socket.socket()
    ol = _overlapped()
    size = win32file.CalculateSocketEndPointSize(listener)
    buffer = win32file.AllocateReadBuffer(size)
    assert win32file.AcceptEx(listener, accepter, buffer, ol) == winerror.ERROR_IO_PENDING
    client = socket.create_connection(listener.getsockname())
    assert _signaled(ol.hEvent)
    assert win32file.GetOverlappedResult(listener.fileno(), ol, False) == 0
    family, local, remote = win32file.GetAcceptExSockaddrs(accepter, buffer)
    assert family == socket.AF_INET
    assert local == (b"127.0.0.1", listener.getsockname()[1])
    assert remote == (b"127.0.0.1", client.getsockname()[1])
    accepter.send(b"hi")
    assert client.recv(2) == b"hi"
    client.close()
    accepter.close()


def test_acceptex_with_room_waits_for_the_first_bytes(listener: socket.socket) -> None:
    accepter = socket.socket()
    ol = _overlapped()
    buffer = win32file.AllocateReadBuffer(1024)
    assert win32file.AcceptEx(listener, accepter, buffer, ol) == winerror.ERROR_IO_PENDING
    client = socket.create_connection(listener.getsockname())
    assert not _signaled(ol.hEvent, SHORT)  # connected, but no data yet
    client.send(b"first")
    assert _signaled(ol.hEvent)
    count = win32file.GetOverlappedResult(listener.fileno(), ol, False)
    assert bytes(buffer[:count]) == b"first"
    client.close()
    accepter.close()


def test_acceptex_and_connectex_need_an_overlapped(listener: socket.socket) -> None:
    accepter = socket.socket()
    buffer = win32file.AllocateReadBuffer(64)
    code = _code(win32file.AcceptEx, listener, accepter, buffer, None)
    assert code == winerror.ERROR_INVALID_PARAMETER
    client = socket.socket()
    client.bind(("127.0.0.1", 0))
    code = _code(win32file.ConnectEx, client, listener.getsockname(), None)
    assert code == winerror.ERROR_INVALID_PARAMETER
    accepter.close()
    client.close()


def test_acceptex_checks_its_buffer(listener: socket.socket) -> None:
    accepter = socket.socket()
    with pytest.raises(TypeError):
        win32file.AcceptEx(listener, accepter, " " * 1024, _overlapped())
    with pytest.raises(ValueError, match="at least"):
        win32file.AcceptEx(listener, accepter, win32file.AllocateReadBuffer(63), _overlapped())
    accepter.close()


def test_connectex_needs_a_bound_socket(listener: socket.socket) -> None:
    client = socket.socket()
    code = _code(win32file.ConnectEx, client, listener.getsockname(), _overlapped())
    assert code == win32file.WSAEINVAL
    client.close()


def test_connectex_connects_and_sends_its_payload(listener: socket.socket) -> None:
    client = socket.socket()
    client.bind(("127.0.0.1", 0))
    ol = _overlapped()
    rc, _ = win32file.ConnectEx(client, listener.getsockname(), ol, b"payload")
    assert rc == winerror.ERROR_IO_PENDING
    assert win32file.GetOverlappedResult(client.fileno(), ol, True) == 7
    server, _ = listener.accept()
    assert server.recv(7) == b"payload"
    client.close()
    server.close()


def test_connectex_to_nobody_is_connection_refused() -> None:
    nobody = socket.socket()
    nobody.bind(("127.0.0.1", 0))
    address = nobody.getsockname()
    nobody.close()
    client = socket.socket()
    client.bind(("127.0.0.1", 0))
    ol = _overlapped()
    assert win32file.ConnectEx(client, address, ol)[0] == winerror.ERROR_IO_PENDING
    code = _code(win32file.GetOverlappedResult, client.fileno(), ol, True)
    assert code == winerror.ERROR_CONNECTION_REFUSED
    client.close()


def test_transmitfile_sends_head_file_and_tail(listener: socket.socket) -> None:
    client, server = _pair(listener)
    with tempfile.TemporaryFile() as f:
        f.write(b"0123456789")
        f.seek(0)
        ol = _overlapped()
        handle = win32file._get_osfhandle(f.fileno())
        rc = win32file.TransmitFile(client, handle, 0, 0, ol, 0, b"<", b">")
        assert rc in (0, winerror.ERROR_IO_PENDING)
        assert win32file.GetOverlappedResult(client.fileno(), ol, True) == 12
    data = b""
    while len(data) < 12:
        data += server.recv(100)
    assert data == b"<0123456789>"
    client.close()
    server.close()


def test_wsasend_on_something_else_is_wsaenotsock() -> None:
    path = tempfile.mktemp()
    with open(path, "w") as f:
        handle = win32file._get_osfhandle(f.fileno())
        assert _code(win32file.WSASend, handle, b"x", None) == win32file.WSAENOTSOCK
    os.unlink(path)
