"""The protocol of a connection between processes: frame kinds and first bytes (``_remote``)."""

from __future__ import annotations

from typing import Any

from .._wire import FrameError

__all__ = [
    "REQUEST",
    "REPLY",
    "FAULT",
    "RELEASE",
    "LANE",
    "HELLO",
    "QUERY",
    "BROKEN",
    "broken_reason",
    "sent_remotely",
]

REQUEST, REPLY, FAULT, RELEASE, LANE = 0, 1, 2, 3, 4
"""The kinds of frame: ``[kind, ...]`` (see ``_remote``'s docstring). ``[LANE]`` passes a
socket beside it: the sender's requests to the objects of the receiver's serving STA come
on it (:mod:`._remote_lanes`)."""
HELLO = b"\x01"
"""The first byte of a connection: it carries the connecting side's second socket."""
QUERY = b"\x02"
"""The first byte of a one-off query: the server answers one plain frame and hangs up."""


def sent_remotely(*args: Any) -> Any:  # noqa: ANN401
    """The ``fn`` of a call into another process: sent as a frame, never run here."""
    raise AssertionError("a call into another process is sent as a frame, never run here")


BROKEN = (FrameError, OSError, ValueError, TypeError, KeyError, IndexError)
"""What reading a connection's frames raises when the connection is done for."""


def broken_reason(exc: BaseException) -> str:
    """Why a connection closes, for one of :data:`BROKEN` raised while reading its frames."""
    if isinstance(exc, FrameError):
        return f"a malformed frame: {exc}"
    if isinstance(exc, OSError):
        return f"the connection failed: {exc}"
    return f"a malformed frame: {type(exc).__name__}: {exc}"
