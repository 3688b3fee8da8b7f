"""Python sockets that behave as Python's sockets on Windows do, once a program uses Winsock.

A socket handed to a Winsock call (WSAEventSelect, AcceptEx, WSARecv...) is *adopted*: its
class becomes :class:`WindowsSocket` (the same object and layout, ``socket.socket``'s
subclass), whose methods differ from Linux's in two ways only:

* their failures carry Winsock's codes, as CPython on Windows raises them: a non-blocking
  ``connect_ex`` returns ``WSAEWOULDBLOCK`` (10035), a full send raises
  ``BlockingIOError(10035, ...)``, a reset ``ConnectionResetError(10054, ...)``; the same
  exception classes, with ``winerror`` set too;
* they are the *re-enabling functions* of WSAEventSelect's record (:mod:`._sockstate`):
  ``recv`` re-enables FD_READ, ``accept`` FD_ACCEPT, a send that would block FD_WRITE, and
  ``close`` stops the watching. A socket ``accept`` returns is adopted too, and takes the
  listening socket's event selection, as on Windows.

Sockets the program never hands to Winsock keep Linux's behaviour.
"""

from __future__ import annotations

import socket
from typing import Any

from ..errors import system_message
from ._sockstate import (
    after_accept,
    after_connect,
    after_recv,
    after_send_blocked,
    forget_socket,
    inherited_selection,
    select_events,
)
from ._winsock import wsa_code

__all__ = ["WindowsSocket", "adopt_socket", "winsock_exception"]


def winsock_exception(failure: OSError) -> OSError:
    """``failure`` with Winsock's code for its errno, as CPython on Windows raises it."""
    err = failure.errno
    if err is None or err >= 10000:
        return failure
    code = wsa_code(err)
    converted = type(failure)(code, system_message(code))
    converted.winerror = code  # type: ignore[attr-defined]
    return converted


class WindowsSocket(socket.socket):
    """A ``socket.socket`` with Winsock's error codes and WSAEventSelect's re-enabling calls."""

    __slots__ = ()

    def recv(self, *args: Any) -> bytes:  # noqa: ANN401 - socket.socket's own
        fd = self.fileno()
        try:
            return super().recv(*args)
        except OSError as failure:
            raise winsock_exception(failure) from None
        finally:
            after_recv(fd)

    def recv_into(self, *args: Any) -> int:  # noqa: ANN401 - socket.socket's own
        fd = self.fileno()
        try:
            return super().recv_into(*args)
        except OSError as failure:
            raise winsock_exception(failure) from None
        finally:
            after_recv(fd)

    def recvfrom(self, *args: Any) -> tuple[bytes, Any]:  # noqa: ANN401 - socket.socket's own
        fd = self.fileno()
        try:
            return super().recvfrom(*args)
        except OSError as failure:
            raise winsock_exception(failure) from None
        finally:
            after_recv(fd)

    def recvfrom_into(self, *args: Any) -> tuple[int, Any]:  # noqa: ANN401 - socket.socket's own
        fd = self.fileno()
        try:
            return super().recvfrom_into(*args)
        except OSError as failure:
            raise winsock_exception(failure) from None
        finally:
            after_recv(fd)

    def send(self, *args: Any) -> int:  # noqa: ANN401 - socket.socket's own
        try:
            return super().send(*args)
        except BlockingIOError as failure:
            after_send_blocked(self.fileno())
            raise winsock_exception(failure) from None
        except OSError as failure:
            raise winsock_exception(failure) from None

    def sendall(self, *args: Any) -> None:  # noqa: ANN401 - socket.socket's own
        try:
            super().sendall(*args)
        except BlockingIOError as failure:
            after_send_blocked(self.fileno())
            raise winsock_exception(failure) from None
        except OSError as failure:
            raise winsock_exception(failure) from None

    def sendto(self, *args: Any) -> int:  # noqa: ANN401 - socket.socket's own
        try:
            return super().sendto(*args)
        except BlockingIOError as failure:
            after_send_blocked(self.fileno())
            raise winsock_exception(failure) from None
        except OSError as failure:
            raise winsock_exception(failure) from None

    def connect(self, address: Any, /) -> None:  # noqa: ANN401 - socket.socket's own
        try:
            super().connect(address)
        except OSError as failure:
            raise winsock_exception(failure) from None
        finally:
            after_connect(self.fileno())

    def connect_ex(self, address: Any, /) -> int:  # noqa: ANN401 - socket.socket's own
        try:
            failed = super().connect_ex(address)
        except OSError as failure:
            raise winsock_exception(failure) from None
        after_connect(self.fileno())
        return wsa_code(failed) if failed else 0

    def bind(self, address: Any, /) -> None:  # noqa: ANN401 - socket.socket's own
        try:
            super().bind(address)
        except OSError as failure:
            raise winsock_exception(failure) from None

    def listen(self, *args: Any) -> None:  # noqa: ANN401 - socket.socket's own
        try:
            super().listen(*args)
        except OSError as failure:
            raise winsock_exception(failure) from None
        after_connect(self.fileno(), connecting=False)

    def accept(self) -> tuple[socket.socket, Any]:
        fd = self.fileno()
        try:
            sock, address = super().accept()
        except OSError as failure:
            raise winsock_exception(failure) from None
        finally:
            after_accept(fd)
        adopt_socket(sock)
        selection = inherited_selection(fd)
        if selection is not None:
            select_events(sock.fileno(), *selection)
        return sock, address

    def shutdown(self, how: int, /) -> None:
        try:
            super().shutdown(how)
        except OSError as failure:
            raise winsock_exception(failure) from None

    def close(self) -> None:
        fd = self.fileno()
        if fd >= 0:
            forget_socket(fd)
        super().close()

    def detach(self) -> int:
        fd = self.fileno()
        if fd >= 0:
            forget_socket(fd)
        return super().detach()


def adopt_socket(sock: object) -> None:
    """Make a plain ``socket.socket`` a :class:`WindowsSocket` (the same object); else nothing.

    Subclasses (``ssl.SSLSocket``...) are left as they are: their layout is their own.
    """
    if type(sock) is socket.socket:
        sock.__class__ = WindowsSocket
