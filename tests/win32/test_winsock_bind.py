"""TCP ports bind as Winsock binds them under ``install(runtime=True)``: a port whose old
connection waits in TIME_WAIT binds again at once (Linux alone refuses it, EADDRINUSE)."""

from __future__ import annotations

import errno
import socket
from typing import TYPE_CHECKING

import pytest

from apartment.win32._winsock_bind import bind_as_linux, bind_as_windows

if TYPE_CHECKING:
    from collections.abc import Iterator


def _port_in_time_wait() -> int:
    """A port whose last connection was closed by its server first (TIME_WAIT there)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = int(listener.getsockname()[1])
    client = socket.create_connection(("127.0.0.1", port), timeout=10)
    served, _ = listener.accept()
    served.close()  # the server closes first: its end of the connection waits in TIME_WAIT
    client.recv(1)  # the server's FIN
    client.close()
    listener.close()
    return port


@pytest.fixture
def windows_bind() -> Iterator[None]:
    before = socket.socket.bind  # a contract conftest may have turned it on for the session
    bind_as_windows()
    try:
        yield
    finally:
        socket.socket.bind = before  # type: ignore[method-assign]


@pytest.fixture
def linux_bind() -> Iterator[None]:
    before = socket.socket.bind
    bind_as_linux()
    try:
        yield
    finally:
        socket.socket.bind = before  # type: ignore[method-assign]


def test_a_port_in_time_wait_binds_again(windows_bind: None) -> None:
    port = _port_in_time_wait()
    again = socket.socket()
    try:
        again.bind(("127.0.0.1", port))
        again.listen()
    finally:
        again.close()


def test_linux_alone_refuses_it(linux_bind: None) -> None:
    port = _port_in_time_wait()
    again = socket.socket()
    try:
        with pytest.raises(OSError, match="in use") as caught:
            again.bind(("127.0.0.1", port))
        assert caught.value.errno == errno.EADDRINUSE
    finally:
        again.close()


def test_two_listeners_still_cannot_share_a_port(windows_bind: None) -> None:
    first, second = socket.socket(), socket.socket()
    try:
        first.bind(("127.0.0.1", 0))
        first.listen()
        with pytest.raises(OSError, match="in use") as caught:
            second.bind(first.getsockname())
        assert caught.value.errno == errno.EADDRINUSE
    finally:
        first.close()
        second.close()


def test_udp_is_left_alone(windows_bind: None) -> None:
    first, second = socket.socket(type=socket.SOCK_DGRAM), socket.socket(type=socket.SOCK_DGRAM)
    try:
        first.bind(("127.0.0.1", 0))
        with pytest.raises(OSError, match="in use"):
            second.bind(first.getsockname())
    finally:
        first.close()
        second.close()
