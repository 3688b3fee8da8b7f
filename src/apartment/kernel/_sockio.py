"""Overlapped socket operations: recv, send, accept, connect and transmit-file, as Winsock's.

Each call tries its operation at once, without blocking; what cannot finish is queued on the
socket (:mod:`._sockstate`) and carried out by the I/O thread as the socket allows. Either way
the :class:`~._overlapped.Overlapped` completes as Windows completes it: its event set, the
completion port of the socket's handle (if it was associated) given a packet, its status a
Win32 code (``ERROR_NETNAME_DELETED`` for a reset connection, ``ERROR_CONNECTION_REFUSED``...).
A call without an Overlapped is the blocking call, whose failure is a WSA code.

:func:`accept_into` (AcceptEx) makes the accepting socket the accepted connection (the new
descriptor is moved onto the accepting one, ``dup2``), then, when its buffer has room for
data, waits for the first bytes. The buffer's tail holds the two endpoints, which
:func:`accept_addresses` (GetAcceptExSockaddrs) reads back. Their layout is this library's
own (Windows' is undocumented): each slot is ``endpoint_size(fd) // 2`` bytes holding a
``sockaddr_in``/``sockaddr_in6`` as Linux lays it out (family, port in network order,
address).
"""

from __future__ import annotations

import errno
import fcntl
import os
import select
import socket
import struct
from typing import TYPE_CHECKING

from ..errors import WSAEINVAL, WSAEISCONN, Win32Error
from ._ioservice import IO_LOCK, service
from ._overlapped import IoResult, Overlapped, begin, complete
from ._sockstate import _IN, _OUT, SocketOp, SocketState, after_recv, forget_socket, run_locked
from ._sockstate import after_send_blocked as _after_send_blocked
from ._sockstate import state_of as _state_of
from ._stdio import known_file_of_descriptor
from ._winsock import (
    CONNECTED_STATES,
    FD_ACCEPT,
    FD_READ,
    TCP_LISTEN,
    TCP_SYN_SENT,
    borrowed,
    check_socket,
    io_status,
    pending_error,
    ready_now,
    socket_error,
    tcp_state,
)

if TYPE_CHECKING:
    from typing_extensions import Buffer

    from ._file import File

__all__ = [
    "socket_recv",
    "socket_send",
    "accept_into",
    "accept_addresses",
    "connect_overlapped",
    "transmit_file",
    "endpoint_size",
]

_DONTWAIT = socket.MSG_DONTWAIT
_SEND_FLAGS = socket.MSG_DONTWAIT | getattr(socket, "MSG_NOSIGNAL", 0)
_ADDRESS_SIZES = {socket.AF_INET: 16, socket.AF_INET6: 28}  # sockaddr_in, sockaddr_in6
_SLOT_EXTRA = 16  # Winsock's rule: each endpoint slot is the largest address plus 16 bytes


def _writable(buffer: Buffer) -> memoryview:
    view = memoryview(buffer).cast("B")
    if view.readonly:
        raise TypeError("the buffer must be writable (AllocateReadBuffer makes one)")
    return view


def _start(fd: int, op: SocketOp, writes: bool, *, now: bool = True) -> IoResult:
    """Queue ``op`` on socket ``fd`` and try it ``now``; ERROR_IO_PENDING unless it finished.

    Without ``now`` the I/O thread starts it: the call always pends (ConnectEx does).
    """
    overlapped = op.overlapped
    file = known_file_of_descriptor(fd)
    overlapped.completion = None if file is None else file.completion
    begin(overlapped)
    with IO_LOCK:
        state = _state_of(fd)
        queue = state.writes if writes else state.reads
        queue.append(op)
        if len(queue) == 1:
            if now:
                run_locked(state)
            else:
                state.armed |= op.wants
                service.arm(fd, state.armed, state.fire)
    if overlapped.pending or not now:
        return IoResult(997, 0)  # ERROR_IO_PENDING
    return IoResult(0, overlapped.transferred)


# -- recv and send ----------------------------------------------------------------------------


class _Recv(SocketOp):
    __slots__ = ("flags", "view")
    wants = _IN

    def __init__(self, overlapped: Overlapped, view: memoryview, flags: int) -> None:
        super().__init__(overlapped)
        self.view = view
        self.flags = flags

    def step(self, state: SocketState, sock: socket.socket) -> bool:
        try:
            count = sock.recv_into(self.view, len(self.view), self.flags | _DONTWAIT)
        except (BlockingIOError, InterruptedError):
            return False
        except OSError as failure:
            complete(self.overlapped, io_status(failure.errno or 0), 0)
            return True
        state.enabled |= FD_READ & state.mask  # a recv re-enables FD_READ
        state.recorded &= ~FD_READ
        complete(self.overlapped, 0, count)
        return True


class _Send(SocketOp):
    __slots__ = ("data", "sent")
    wants = _OUT

    def __init__(self, overlapped: Overlapped, data: bytes) -> None:
        super().__init__(overlapped)
        self.data = memoryview(data)
        self.sent = 0

    def step(self, state: SocketState, sock: socket.socket) -> bool:
        while self.sent < len(self.data):
            try:
                self.sent += sock.send(self.data[self.sent :], _SEND_FLAGS)
            except (BlockingIOError, InterruptedError):
                return False
            except OSError as failure:
                complete(self.overlapped, io_status(failure.errno or 0), self.sent)
                return True
        complete(self.overlapped, 0, self.sent)
        return True


def socket_recv(
    fd: int, buffer: Buffer, overlapped: Overlapped | None = None, flags: int = 0
) -> IoResult:
    """Receive into ``buffer`` (WSARecv): what is there, or wait for the first bytes.

    Raises:
        TypeError: ``buffer`` is read-only.
        Win32Error: WSAENOTSOCK and the other WSA codes of a failed call.
    """
    check_socket(fd)
    view = _writable(buffer)
    if overlapped is not None:
        return _start(fd, _Recv(overlapped, view, flags), writes=False)
    try:
        with borrowed(fd) as sock:
            count = sock.recv_into(view, len(view), flags)
    except OSError as failure:
        raise socket_error(failure) from None
    finally:
        after_recv(fd)
    return IoResult(0, count)


def socket_send(
    fd: int, data: Buffer, overlapped: Overlapped | None = None, flags: int = 0
) -> IoResult:
    """Send all of ``data`` (WSASend); an overlapped send completes once all is sent.

    Raises:
        Win32Error: WSAENOTSOCK and the other WSA codes of a failed call.
    """
    check_socket(fd)
    payload = bytes(data)  # Windows reads the caller's buffer as it goes; a copy is safer
    if overlapped is not None:
        return _start(fd, _Send(overlapped, payload), writes=True)
    try:
        with borrowed(fd) as sock:
            sock.sendall(payload, flags | getattr(socket, "MSG_NOSIGNAL", 0))
    except BlockingIOError as failure:
        _after_send_blocked(fd)
        raise socket_error(failure) from None
    except OSError as failure:
        raise socket_error(failure) from None
    return IoResult(0, len(payload))


# -- accept -----------------------------------------------------------------------------------


def endpoint_size(fd: int) -> int:
    """The bytes AcceptEx needs for the two endpoints of socket ``fd`` (its buffer's minimum).

    Raises:
        Win32Error: WSAENOTSOCK; WSAEINVAL for a family without IP addresses.
    """
    check_socket(fd)
    with borrowed(fd) as sock:
        size = _ADDRESS_SIZES.get(sock.family)
    if size is None:
        raise Win32Error.from_code(WSAEINVAL, "only IPv4 and IPv6 sockets have endpoints here")
    return (size + _SLOT_EXTRA) * 2


def _pack_address(family: int, address: tuple[object, ...]) -> bytes:
    host, port = str(address[0]), int(address[1])  # type: ignore[call-overload]
    packed = socket.inet_pton(family, host)
    head = struct.pack("=H", family) + struct.pack("!H", port)
    if family == socket.AF_INET:
        return head + packed + bytes(8)
    flow = int(address[2]) if len(address) > 2 else 0  # type: ignore[call-overload]
    scope = int(address[3]) if len(address) > 3 else 0  # type: ignore[call-overload]
    return head + struct.pack("!I", flow) + packed + struct.pack("=I", scope)


class _FirstData(SocketOp):
    """AcceptEx's second half: the first bytes on the accepted connection."""

    __slots__ = ("view",)
    wants = _IN

    def __init__(self, overlapped: Overlapped, thread: int, view: memoryview) -> None:
        super().__init__(overlapped)
        self.thread = thread
        self.view = view

    def step(self, state: SocketState, sock: socket.socket) -> bool:
        try:
            count = sock.recv_into(self.view, len(self.view), _DONTWAIT)
        except (BlockingIOError, InterruptedError):
            return False
        except OSError as failure:
            complete(self.overlapped, io_status(failure.errno or 0), 0)
            return True
        complete(self.overlapped, 0, count)
        return True


class _Accept(SocketOp):
    __slots__ = ("accepting", "data", "view")
    wants = _IN

    def __init__(self, overlapped: Overlapped, accepting: int, view: memoryview, data: int) -> None:
        super().__init__(overlapped)
        self.accepting = accepting
        self.view = view
        self.data = data

    def step(self, state: SocketState, sock: socket.socket) -> bool:
        if not ready_now(state.fd) & select.POLLIN:  #: a connection waits (accept would not block)
            return False
        try:
            conn, remote = sock._accept()  # type: ignore[attr-defined]
        except (BlockingIOError, InterruptedError):
            return False
        except OSError as failure:
            complete(self.overlapped, io_status(failure.errno or 0), 0)
            return True
        state.enabled |= FD_ACCEPT & state.mask  # AcceptEx re-enables FD_ACCEPT
        state.recorded &= ~FD_ACCEPT
        target = self.accepting
        nonblocking = fcntl.fcntl(target, fcntl.F_GETFL) & os.O_NONBLOCK
        os.dup2(conn, target, inheritable=False)
        os.close(conn)
        if nonblocking:
            fcntl.fcntl(target, fcntl.F_SETFL, fcntl.fcntl(target, fcntl.F_GETFL) | nonblocking)
        with borrowed(target) as accepted:
            local = accepted.getsockname()
            family = accepted.family
        slot = (len(self.view) - self.data) // 2
        start = self.data
        for address in (local, remote):
            packed = _pack_address(family, address)
            self.view[start : start + len(packed)] = packed
            start += slot
        if not self.data:
            complete(self.overlapped, 0, 0)
            return True
        other = _state_of(target)
        other.reads.append(_FirstData(self.overlapped, self.thread, self.view[: self.data]))
        if len(other.reads) == 1:
            run_locked(other)
        return True


def accept_into(listening: int, accepting: int, buffer: Buffer, overlapped: Overlapped) -> IoResult:
    """Accept a connection on ``listening`` into socket ``accepting`` (AcceptEx).

    The buffer holds the first bytes received, then the endpoints (see the module); with no
    room for data (``len(buffer) == endpoint_size``) the accept completes on the connection.

    Raises:
        TypeError: the buffer is read-only.
        ValueError: the buffer is smaller than :func:`endpoint_size`.
        Win32Error: WSAENOTSOCK; WSAEINVAL, ``listening`` does not listen or ``accepting`` is
            bound or connected already.
    """
    check_socket(listening)
    size = endpoint_size(listening)
    check_socket(accepting)
    view = _writable(buffer)
    if len(view) < size:
        raise ValueError(f"Second param must be at least {size} bytes long")
    with borrowed(listening) as sock:
        listens = tcp_state(sock) == TCP_LISTEN
    with borrowed(accepting) as sock:
        fresh = tcp_state(sock) not in CONNECTED_STATES and not _bound(sock)
    if not listens or not fresh:
        raise Win32Error.from_code(WSAEINVAL, "AcceptEx needs a listening and a fresh socket")
    forget_socket(accepting)
    return _start(listening, _Accept(overlapped, accepting, view, len(view) - size), writes=False)


def _bound(sock: socket.socket) -> bool:
    try:
        address = sock.getsockname()
    except OSError:
        return False
    return isinstance(address, tuple) and address[1] != 0


def _unpack_address(raw: bytes) -> tuple[int, object]:
    (family,) = struct.unpack_from("=H", raw)
    if family == socket.AF_INET:
        (port,) = struct.unpack_from("!H", raw, 2)
        return family, (socket.inet_ntop(family, raw[4:8]).encode(), port)
    return family, (family, bytes(raw[2:16]))  # pywin32's raw sa_data for other families


def accept_addresses(fd: int, buffer: Buffer) -> tuple[int, object, object]:
    """Read the endpoints AcceptEx wrote into ``buffer``: ``(family, local, remote)``.

    An IPv4 endpoint is ``(b"host", port)``, as pywin32 gives it; another family's is
    ``(family, sa_data)``, its 14 raw bytes.

    Raises:
        ValueError: the buffer is smaller than :func:`endpoint_size`.
    """
    size = endpoint_size(fd)
    view = memoryview(buffer).cast("B")
    if len(view) < size:
        raise ValueError(f"Second param must be at least {size} bytes long")
    slot = size // 2
    start = len(view) - size
    family, local = _unpack_address(bytes(view[start : start + slot]))
    _, remote = _unpack_address(bytes(view[start + slot : start + size]))
    return family, local, remote


# -- connect and transmit ---------------------------------------------------------------------


class _Connect(_Send):
    __slots__ = ("connected",)

    def __init__(self, overlapped: Overlapped, data: bytes) -> None:
        super().__init__(overlapped, data)
        self.connected = False

    def step(self, state: SocketState, sock: socket.socket) -> bool:
        if not self.connected:
            tcp = tcp_state(sock)
            if tcp == TCP_SYN_SENT:
                return False
            failed = pending_error(sock) if tcp not in CONNECTED_STATES else 0
            if failed or tcp not in CONNECTED_STATES:
                complete(self.overlapped, io_status(failed or errno.ECONNREFUSED), 0)
                return True
            self.connected = True
        return super().step(state, sock)


_DEFERRED_FAILURES = frozenset(
    {errno.ECONNREFUSED, errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ETIMEDOUT}
)


def connect_overlapped(
    fd: int, address: tuple[object, object], overlapped: Overlapped, data: Buffer = b""
) -> IoResult:
    """Connect bound socket ``fd`` to ``address``, then send ``data`` (ConnectEx).

    ``address`` is ``(host, port)``, resolved for the socket's family. The Overlapped
    completes with the bytes of ``data`` sent, or ERROR_CONNECTION_REFUSED and the like.

    Raises:
        Win32Error: WSAENOTSOCK; WSAEINVAL, the socket is not bound; WSAEISCONN, connected.
    """
    check_socket(fd)
    payload = bytes(data)
    with borrowed(fd) as sock:
        if tcp_state(sock) in CONNECTED_STATES:
            raise Win32Error.from_code(WSAEISCONN, "the socket is connected already")
        if not _bound(sock):
            raise Win32Error.from_code(WSAEINVAL, "ConnectEx needs a bound socket (bind first)")
        try:
            host, port = address
            found = socket.getaddrinfo(host, port, sock.family, sock.type, sock.proto)  # type: ignore[arg-type]
        except (socket.gaierror, UnicodeError):
            raise Win32Error.from_code(11001, f"cannot resolve {address!r}") from None
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags | os.O_NONBLOCK)
        try:
            failed = sock.connect_ex(found[0][4])
        finally:
            fcntl.fcntl(fd, fcntl.F_SETFL, flags)
    if failed not in (0, errno.EINPROGRESS) and failed not in _DEFERRED_FAILURES:
        raise socket_error(failed)
    with IO_LOCK:  # an event selection sees the connect
        _state_of(fd).connecting = True
    return _start(fd, _Connect(overlapped, payload), writes=True, now=False)


def transmit_file(
    fd: int,
    file: File,
    count: int,
    overlapped: Overlapped | None = None,
    head: Buffer = b"",
    tail: Buffer = b"",
) -> IoResult:
    """Send ``head``, ``count`` bytes of ``file`` (0: up to its end), then ``tail`` (TransmitFile).

    The file is read from the Overlapped's offset when the file was opened for overlapped
    I/O, else from its file pointer (shared with the descriptor's owner, as Windows'
    C runtime shares it).

    Raises:
        Win32Error: WSAENOTSOCK, and the errors of reading the file.
    """
    check_socket(fd)
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise ValueError(f"a byte count is 0 or more, not {count!r}")
    source = file.descriptor()
    if overlapped is not None and file.overlapped_io:
        position = overlapped.offset
    else:
        position = os.lseek(source, 0, os.SEEK_CUR)
    if not count:
        count = max(os.fstat(source).st_size - position, 0)
    body = os.pread(source, count, position)
    payload = bytes(head) + body + bytes(tail)
    if overlapped is None:
        return socket_send(fd, payload)
    return _start(fd, _Send(overlapped, payload), writes=True)
