"""WSAAsyncSelect: a socket's network events posted as messages to a window.

The kernel records a socket's FD_* events by Windows' rules (:mod:`apartment.kernel`'s
``select_events``: an event is recorded once, then not again until a re-enabling call such as
a recv re-enables it). Here each recorded event becomes one message posted to the window:
``wparam`` the socket, ``lparam`` ``WSAMAKESELECTREPLY(event, error)`` (the event in the low
word, a Winsock error code in the high word). The message is posted by whichever thread
recorded the event (the library's I/O thread, or a thread whose recv re-enabled FD_READ while
data was left) and is handled by the window's thread when it pumps.

A window destroyed meanwhile makes the posts vanish, as PostMessage to a gone window does;
the selection stays until cancelled or the socket closes. Only windows of this process are
served.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import kernel
from ..kernel.lowlevel import KERNEL_LOCK, wake_all
from ._message import posted_message
from ._window_table import WINDOWS

if TYPE_CHECKING:
    from ..kernel.lowlevel import Waiter

__all__ = ["select_socket_messages"]


def select_socket_messages(fd: int, hwnd: int, msg: int, events: int) -> None:
    """Post ``msg`` to ``hwnd`` for each of the FD_* ``events`` that happens on socket ``fd``.

    The socket becomes non-blocking. ``events`` 0 cancels (then ``hwnd`` and ``msg`` are not
    looked at), as does a later WSAEventSelect; a later call replaces this one.

    Raises:
        Win32Error: WSAENOTSOCK, ``fd`` is not a socket. A ``hwnd`` that is no window is
            accepted, as Windows accepts it: the posts vanish.
    """
    if not events:
        kernel.select_events(fd, None, 0)
        return

    posted_message(hwnd, msg, fd, 0)  # what may not be posted fails here, not in the I/O thread

    def post(bit: int, error: int) -> None:
        # Runs under the kernel's IO_LOCK: queue and wake only, never block.
        message = posted_message(hwnd, msg, fd, bit | (error & 0xFFFF) << 16)
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            window = WINDOWS.get(hwnd)
            if window is not None:
                window.queue.post(message, woken)
        if woken:
            wake_all(woken)

    kernel.select_events(fd, None, events, post=post)
