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
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from collections.abc import Callable

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


def _receive(fd: int, call: Callable[..., Any], args: tuple[Any, ...]) -> Any:  # noqa: ANN401
    """Run a receiving call of socket ``fd``: Winsock's codes; FD_READ re-enabled after."""
    try:
        return call(*args)
    except OSError as failure:
        raise winsock_exception(failure) from None
    finally:
        after_recv(fd)


def _send(fd: int, call: Callable[..., Any], args: tuple[Any, ...]) -> Any:  # noqa: ANN401
    """Run a sending call of socket ``fd``: Winsock's codes; FD_WRITE re-enabled if it blocked."""
    try:
        return call(*args)
    except BlockingIOError as failure:
        after_send_blocked(fd)
        raise winsock_exception(failure) from None
    except OSError as failure:
        raise winsock_exception(failure) from None


class WindowsSocket(socket.socket):
    """A ``socket.socket`` with Winsock's error codes and WSAEventSelect's re-enabling calls."""

    __slots__ = ()

    def recv(self, *args: Any) -> bytes:  # noqa: ANN401 - socket.socket's own
        return _receive(self.fileno(), super().recv, args)  # type: ignore[no-any-return]

    def recv_into(self, *args: Any) -> int:  # noqa: ANN401 - socket.socket's own
        return _receive(self.fileno(), super().recv_into, args)  # type: ignore[no-any-return]

    def recvfrom(self, *args: Any) -> tuple[bytes, Any]:  # noqa: ANN401 - socket.socket's own
        return _receive(self.fileno(), super().recvfrom, args)  # type: ignore[no-any-return]

    def recvfrom_into(self, *args: Any) -> tuple[int, Any]:  # noqa: ANN401 - socket.socket's own
        return _receive(self.fileno(), super().recvfrom_into, args)  # type: ignore[no-any-return]

    def send(self, *args: Any) -> int:  # noqa: ANN401 - socket.socket's own
        return _send(self.fileno(), super().send, args)  # type: ignore[no-any-return]

    def sendall(self, *args: Any) -> None:  # noqa: ANN401 - socket.socket's own
        _send(self.fileno(), super().sendall, args)

    def sendto(self, *args: Any) -> int:  # noqa: ANN401 - socket.socket's own
        return _send(self.fileno(), super().sendto, args)  # type: ignore[no-any-return]

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
