"""Re-enabling calls for sockets Winsock was handed as bare descriptors.

WSAEventSelect's record (:mod:`._sockstate`) needs to see the program's *re-enabling calls*:
a recv re-enables FD_READ (and records it anew when data is left), an accept FD_ACCEPT, a
send that would block FD_WRITE. A ``socket.socket`` handed to Winsock is adopted
(:mod:`._winsocket`) and reports them itself. A program may instead hand a descriptor: an int,
or an object of its own whose ``fileno()`` gives one (Twisted's win32eventreactor passes its
connection objects, and recvs on the ``socket.socket`` inside). On Windows the recv re-enables
FD_READ whichever object made it; without it a message longer than one recv stalls, as no
second FD_READ comes.

So the first such selection hooks ``socket.socket``'s receiving, sending, accepting,
connecting and closing methods, process-wide, once: each runs as before (Linux's own error
codes: the socket is not adopted) and then reports to the record when its descriptor is
selected; a descriptor nobody selected costs one dict lookup. A hooked accept hands the new
socket the listening socket's selection, as Windows does. Adopted sockets report through
their own methods and skip the hooks.
"""

from __future__ import annotations

import socket
import threading
from typing import TYPE_CHECKING, Any

from ._sockstate import (
    after_accept,
    after_connect,
    after_recv,
    after_send_blocked,
    forget_socket,
    inherited_selection,
    select_events,
)
from ._winsocket import WindowsSocket, adopt_socket

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["hook_bare_sockets", "watch_socket"]

_RECEIVING = ("recv", "recv_into", "recvfrom", "recvfrom_into", "recvmsg", "recvmsg_into")
_SENDING = ("send", "sendall", "sendto", "sendmsg")

_lock = threading.Lock()
_hooked = False


def watch_socket(value: object) -> None:
    """Make the re-enabling calls on the socket behind ``value`` (a Winsock argument) visible.

    A plain ``socket.socket`` is adopted; an int or an object of the program's own with a
    ``fileno`` hooks ``socket.socket`` (see the module); a subclass (``ssl.SSLSocket``...)
    keeps its own methods.
    """
    if type(value) is socket.socket:
        adopt_socket(value)
    elif not isinstance(value, socket.socket):
        hook_bare_sockets()


def hook_bare_sockets() -> None:
    """Have every ``socket.socket`` report its re-enabling calls (see the module); idempotent."""
    global _hooked
    if _hooked:
        return
    with _lock:
        if _hooked:
            return
        cls = socket.socket
        for name in _RECEIVING:
            if hasattr(cls, name):  # recvmsg and sendmsg are POSIX-only
                setattr(cls, name, _reporting(getattr(cls, name), after_recv))
        for name in _SENDING:
            if hasattr(cls, name):
                setattr(cls, name, _sending(getattr(cls, name)))
        cls.accept = _accepting(cls.accept)  # type: ignore[method-assign]
        cls.connect = _reporting(cls.connect, after_connect)  # type: ignore[method-assign]
        cls.connect_ex = _reporting(cls.connect_ex, after_connect)  # type: ignore[method-assign]
        cls.listen = _reporting(cls.listen, _after_listen)  # type: ignore[method-assign]
        cls.close = _closing(cls.close)  # type: ignore[method-assign]
        cls.detach = _closing(cls.detach)  # type: ignore[method-assign]
        _hooked = True


def _reporting(original: Callable[..., Any], report: Callable[[int], None]) -> Callable[..., Any]:
    """``original``, then ``report(descriptor)`` however it ended (unless the socket closed)."""

    def method(self: socket.socket, *args: Any) -> Any:  # noqa: ANN401 - socket.socket's own
        if type(self) is WindowsSocket:
            return original(self, *args)
        try:
            return original(self, *args)
        finally:
            fd = self.fileno()
            if fd >= 0:
                report(fd)

    return _named(method, original)


def _sending(original: Callable[..., Any]) -> Callable[..., Any]:
    def method(self: socket.socket, *args: Any) -> Any:  # noqa: ANN401 - socket.socket's own
        if type(self) is WindowsSocket:
            return original(self, *args)
        try:
            return original(self, *args)
        except BlockingIOError:
            after_send_blocked(self.fileno())
            raise

    return _named(method, original)


def _accepting(original: Callable[..., Any]) -> Callable[..., Any]:
    def method(self: socket.socket) -> Any:  # noqa: ANN401 - socket.socket's own
        if type(self) is WindowsSocket:
            return original(self)
        fd = self.fileno()
        try:
            sock, address = original(self)
        finally:
            after_accept(fd)
        selection = inherited_selection(fd)
        if selection is not None:
            select_events(sock.fileno(), *selection)
        return sock, address

    return _named(method, original)


def _closing(original: Callable[..., Any]) -> Callable[..., Any]:
    def method(self: socket.socket) -> Any:  # noqa: ANN401 - socket.socket's own
        fd = self.fileno()
        if fd >= 0 and type(self) is not WindowsSocket:
            forget_socket(fd)
        return original(self)

    return _named(method, original)


def _after_listen(fd: int) -> None:
    after_connect(fd, connecting=False)


def _named(method: Callable[..., Any], original: Callable[..., Any]) -> Callable[..., Any]:
    method.__name__ = original.__name__
    method.__qualname__ = getattr(original, "__qualname__", original.__name__)
    method.__doc__ = original.__doc__
    return method
