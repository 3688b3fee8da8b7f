"""The protocol of a connection between processes: frame kinds and first bytes (``_remote``)."""

from __future__ import annotations

from typing import Any

__all__ = ["REQUEST", "REPLY", "FAULT", "RELEASE", "HELLO", "QUERY", "sent_remotely"]

REQUEST, REPLY, FAULT, RELEASE = 0, 1, 2, 3
"""The kinds of frame: ``[kind, ...]`` (see ``_remote``'s docstring)."""
HELLO = b"\x01"
"""The first byte of a connection: it carries the connecting side's second socket."""
QUERY = b"\x02"
"""The first byte of a one-off query: the server answers one plain frame and hangs up."""


def sent_remotely(*args: Any) -> Any:  # noqa: ANN401
    """The ``fn`` of a call into another process: sent as a frame, never run here."""
    raise AssertionError("a call into another process is sent as a frame, never run here")
