"""Winsock's vocabulary over Linux sockets: FD_* events, error codes, and a socket's state.

A socket here is a host descriptor (what ``sock.fileno()`` gives). Two error tables turn the
OS's errno into what Windows reports: :func:`wsa_code` gives the WSA code a Winsock call
fails with (WSAGetLastError: ``WSAECONNRESET``), :func:`io_status` the Win32 code an
overlapped operation completes with (GetOverlappedResult: ``ERROR_NETNAME_DELETED``), as
Windows maps the driver's NTSTATUS. The probes (:func:`tcp_state`, :func:`bytes_ready`,
:func:`ready_now`) never block and never take the socket from its owner.
"""

from __future__ import annotations

import _socket
import contextlib
import errno
import fcntl
import os
import select
import socket
import stat
import struct
import termios
from typing import TYPE_CHECKING, Final

from ..errors import (
    ERROR_CONNECTION_ABORTED,
    ERROR_CONNECTION_REFUSED,
    ERROR_GEN_FAILURE,
    ERROR_HOST_UNREACHABLE,
    ERROR_INVALID_PARAMETER,
    ERROR_NETNAME_DELETED,
    ERROR_NETWORK_UNREACHABLE,
    ERROR_NOT_ENOUGH_MEMORY,
    ERROR_SEM_TIMEOUT,
    WSAEACCES,
    WSAEADDRINUSE,
    WSAEADDRNOTAVAIL,
    WSAEAFNOSUPPORT,
    WSAEALREADY,
    WSAECONNABORTED,
    WSAECONNREFUSED,
    WSAECONNRESET,
    WSAEFAULT,
    WSAEHOSTDOWN,
    WSAEHOSTUNREACH,
    WSAEINTR,
    WSAEINVAL,
    WSAEISCONN,
    WSAEMFILE,
    WSAEMSGSIZE,
    WSAENETDOWN,
    WSAENETRESET,
    WSAENETUNREACH,
    WSAENOBUFS,
    WSAENOPROTOOPT,
    WSAENOTCONN,
    WSAENOTSOCK,
    WSAEOPNOTSUPP,
    WSAEPROTONOSUPPORT,
    WSAESHUTDOWN,
    WSAETIMEDOUT,
    WSAEWOULDBLOCK,
    Win32Error,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "FD_READ", "FD_WRITE", "FD_OOB", "FD_ACCEPT", "FD_CONNECT", "FD_CLOSE", "FD_QOS",
    "FD_GROUP_QOS", "FD_ROUTING_INTERFACE_CHANGE", "FD_ADDRESS_LIST_CHANGE", "FD_ALL_EVENTS",
    "wsa_code", "io_status", "is_socket", "socket_error", "check_socket", "borrowed", "tcp_state",
    "bytes_ready", "ready_now", "TCP_LISTEN", "TCP_SYN_SENT", "TCP_CLOSE", "CONNECTED_STATES",
]  # fmt: skip

FD_READ: Final = 0x01
FD_WRITE: Final = 0x02
FD_OOB: Final = 0x04
FD_ACCEPT: Final = 0x08
FD_CONNECT: Final = 0x10
FD_CLOSE: Final = 0x20
FD_QOS: Final = 0x40
FD_GROUP_QOS: Final = 0x80
FD_ROUTING_INTERFACE_CHANGE: Final = 0x100
FD_ADDRESS_LIST_CHANGE: Final = 0x200
FD_ALL_EVENTS: Final = 0x3FF

# Linux's TCP states (tcp_states.h), the first byte of TCP_INFO.
TCP_ESTABLISHED: Final = 1
TCP_SYN_SENT: Final = 2
TCP_CLOSE: Final = 7
TCP_LISTEN: Final = 10
CONNECTED_STATES: Final = frozenset({1, 3, 4, 5, 6, 8, 9, 11})
"""Established, or closing after having been: the socket has (had) a peer."""

_TCP_INFO: Final = getattr(socket, "TCP_INFO", 11)

_WSA: Final[dict[int, int]] = {
    errno.EINTR: WSAEINTR,
    errno.EBADF: WSAENOTSOCK,
    errno.ENOTSOCK: WSAENOTSOCK,
    errno.EACCES: WSAEACCES,
    errno.EPERM: WSAEACCES,
    errno.EFAULT: WSAEFAULT,
    errno.EINVAL: WSAEINVAL,
    errno.EMFILE: WSAEMFILE,
    errno.ENFILE: WSAEMFILE,
    errno.EAGAIN: WSAEWOULDBLOCK,
    errno.EINPROGRESS: WSAEWOULDBLOCK,  # a non-blocking connect: Winsock says WOULDBLOCK
    errno.EALREADY: WSAEALREADY,
    errno.EMSGSIZE: WSAEMSGSIZE,
    errno.ENOPROTOOPT: WSAENOPROTOOPT,
    errno.EPROTONOSUPPORT: WSAEPROTONOSUPPORT,
    errno.EOPNOTSUPP: WSAEOPNOTSUPP,
    errno.EAFNOSUPPORT: WSAEAFNOSUPPORT,
    errno.EADDRINUSE: WSAEADDRINUSE,
    errno.EADDRNOTAVAIL: WSAEADDRNOTAVAIL,
    errno.ENETDOWN: WSAENETDOWN,
    errno.ENETUNREACH: WSAENETUNREACH,
    errno.ENETRESET: WSAENETRESET,
    errno.ECONNABORTED: WSAECONNABORTED,
    errno.ECONNRESET: WSAECONNRESET,
    errno.ENOBUFS: WSAENOBUFS,
    errno.ENOMEM: WSAENOBUFS,
    errno.EISCONN: WSAEISCONN,
    errno.ENOTCONN: WSAENOTCONN,
    errno.EPIPE: WSAESHUTDOWN,
    errno.ESHUTDOWN: WSAESHUTDOWN,
    errno.ETIMEDOUT: WSAETIMEDOUT,
    errno.ECONNREFUSED: WSAECONNREFUSED,
    errno.EHOSTDOWN: WSAEHOSTDOWN,
    errno.EHOSTUNREACH: WSAEHOSTUNREACH,
}

_IO: Final[dict[int, int]] = {
    errno.ECONNRESET: ERROR_NETNAME_DELETED,
    errno.EPIPE: ERROR_NETNAME_DELETED,
    errno.ECONNREFUSED: ERROR_CONNECTION_REFUSED,
    errno.ECONNABORTED: ERROR_CONNECTION_ABORTED,
    errno.ETIMEDOUT: ERROR_SEM_TIMEOUT,
    errno.ENETUNREACH: ERROR_NETWORK_UNREACHABLE,
    errno.EHOSTUNREACH: ERROR_HOST_UNREACHABLE,
    errno.EINVAL: ERROR_INVALID_PARAMETER,
    errno.ENOMEM: ERROR_NOT_ENOUGH_MEMORY,
    errno.ENOBUFS: ERROR_NOT_ENOUGH_MEMORY,
}


def wsa_code(err: int) -> int:
    """The WSA code a Winsock call fails with for the OS error ``err`` (WSAGetLastError)."""
    return _WSA.get(err, WSAEINVAL if err else 0)


def io_status(err: int) -> int:
    """The Win32 code an overlapped socket operation completes with for the OS error ``err``."""
    if not err:
        return 0
    return _IO.get(err, ERROR_GEN_FAILURE)


def socket_error(failure: OSError | int, detail: str = "") -> Win32Error:
    """A Win32Error with the WSA code of an OS failure (a synchronous Winsock call's error)."""
    err = failure if isinstance(failure, int) else failure.errno or 0
    return Win32Error.from_code(wsa_code(err), detail or os.strerror(err))


def check_socket(fd: int) -> None:
    """Refuse a descriptor that is not an open socket: WSAENOTSOCK, as Winsock does.

    Raises:
        TypeError: ``fd`` is not an int.
        Win32Error: WSAENOTSOCK.
    """
    if isinstance(fd, bool) or not isinstance(fd, int):
        raise TypeError(f"a socket is a descriptor (an int), not {type(fd).__name__}")
    try:
        is_socket = 0 <= fd < 1 << 31 and stat.S_ISSOCK(os.fstat(fd).st_mode)
    except OSError:
        is_socket = False
    if not is_socket:
        raise Win32Error.from_code(WSAENOTSOCK, f"{fd} is not an open socket")


def is_socket(fd: object) -> bool:
    """Tell whether ``fd`` is an open socket descriptor."""
    try:
        check_socket(fd)  # type: ignore[arg-type]
    except (TypeError, Win32Error):
        return False
    return True


@contextlib.contextmanager
def borrowed(fd: int) -> Iterator[socket.socket]:
    """A socket object over ``fd`` for a few calls; the descriptor stays its owner's.

    It is ``_socket.socket``, the C base: the hooks :mod:`._bare_sockets` may put on
    ``socket.socket`` report a program's calls, and must not see the library's own (made
    under IO_LOCK, which they take).
    """
    sock: socket.socket = _socket.socket(fileno=fd)  # type: ignore[assignment]
    try:
        yield sock
    finally:
        sock.detach()


def tcp_state(sock: socket.socket) -> int | None:
    """The socket's TCP state (``TCP_LISTEN``...), None for a socket that is not TCP."""
    if sock.type != socket.SOCK_STREAM or sock.family not in (socket.AF_INET, socket.AF_INET6):
        return None
    try:
        return sock.getsockopt(socket.IPPROTO_TCP, _TCP_INFO, 1)[0]
    except OSError:
        return None


_INT: Final = struct.Struct("i")


def bytes_ready(fd: int) -> int:
    """How many bytes a recv would get now (0 for a listening socket, or none)."""
    try:
        raw = fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0")
    except OSError:
        return 0
    return int(_INT.unpack(raw)[0])


_RDHUP: Final = getattr(select, "POLLRDHUP", 0x2000)


def ready_now(fd: int) -> int:
    """The socket's poll bits now (POLLIN, POLLOUT, POLLRDHUP, POLLHUP, POLLERR), not waiting."""
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLOUT | _RDHUP)
    found = poller.poll(0)
    return found[0][1] if found else 0


def pending_error(sock: socket.socket) -> int:
    """Take the socket's pending error (SO_ERROR), 0 if none."""
    try:
        return sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    except OSError as failure:
        return failure.errno or 0


POLL_RDHUP: Final = _RDHUP
