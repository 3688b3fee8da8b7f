"""A pipe end's states, and the requests that wait in its queues."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, final

from ._overlapped import complete

if TYPE_CHECKING:
    from ._overlapped import Overlapped

__all__ = ["CLOSED", "CONNECTED", "DISCONNECTED", "LISTENING", "Done", "Request", "finish"]

LISTENING: Final = "listening"
"""A server end waiting for a client (from CreateNamedPipe, or ConnectNamedPipe again)."""
CONNECTED: Final = "connected"
"""An end with a connection (which may have ended: its inbox tells)."""
DISCONNECTED: Final = "disconnected"
"""A server end after DisconnectNamedPipe: no client, not listening."""
CLOSED: Final = "closed"
"""An end whose handle was closed."""

Done = list["tuple[Overlapped, int, int]"]
"""Completions decided under IO_LOCK, made after it is released: (overlapped, status, n)."""


@final
class Request:
    """A read, write or connect waiting for the socket (or for a client)."""

    __slots__ = ("cancelled", "data", "length", "message", "overlapped", "sent", "thread", "view")

    def __init__(self, overlapped: Overlapped | None, thread: int) -> None:
        self.overlapped = overlapped
        self.thread = thread
        self.view: memoryview | None = None  # a read's destination
        self.message = False  # a read in message mode
        self.data = b""  # a write's frames
        self.sent = 0  # bytes of ``data`` already sent
        self.length = 0  # a write's payload size (what it reports)
        self.cancelled = False  # a write cancelled part way: sent to its end, then dropped


def finish(done: Done) -> None:
    """Complete the operations decided under IO_LOCK (the kernel lock is taken here)."""
    for overlapped, status, count in done:
        complete(overlapped, status, count)
