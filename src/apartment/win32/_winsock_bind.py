"""Bind TCP sockets as Winsock binds them, for the programs run on the facade.

On Windows a TCP port whose old connections wait in TIME_WAIT can be bound again at once;
Linux refuses that (EADDRINUSE) unless the socket sets SO_REUSEADDR first, which on Linux
means just that (unlike Windows' SO_REUSEADDR, it never lets two sockets listen on one
port). So a program written for Windows that binds a fixed port on every run (pywin32's
``testAcceptEx``) fails its second run within a minute on Linux. :func:`bind_as_windows`
makes ``socket.socket.bind`` set SO_REUSEADDR on TCP sockets first; UDP is left alone (there
Linux's SO_REUSEADDR would let two sockets share a port, which Windows refuses).
``install(runtime=True)`` turns it on; ``uninstall()`` puts Python's ``bind`` back.
"""

from __future__ import annotations

import socket
import threading

__all__ = ["bind_as_linux", "bind_as_windows"]

_lock = threading.Lock()
_linux_bind = socket.socket.bind


def _windows_bind(self: socket.socket, address: object, /) -> None:
    """``bind``, with SO_REUSEADDR set first on a TCP socket (see the module)."""
    if self.type == socket.SOCK_STREAM and self.family in (socket.AF_INET, socket.AF_INET6):
        self.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    _linux_bind(self, address)  # type: ignore[arg-type]


def bind_as_windows() -> None:
    """Make ``socket.socket.bind`` bind TCP sockets as Winsock does (any thread, idempotent)."""
    with _lock:
        socket.socket.bind = _windows_bind  # type: ignore[method-assign,assignment]


def bind_as_linux() -> None:
    """Put Python's own ``socket.socket.bind`` back."""
    with _lock:
        socket.socket.bind = _linux_bind  # type: ignore[method-assign]
