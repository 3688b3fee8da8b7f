"""The control channel's messages: one JSON object per line, over a Unix stream socket.

The manager's client sends ``{"control": n, "event_type": 0, "data": null}``; the dispatcher
replies ``{"status": [7 numbers]}`` or ``{"error": code}``. One request per connection.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import socket

__all__ = ["send", "receive"]

_LIMIT = 1 << 16


def send(sock: socket.socket, message: dict[str, object]) -> None:
    """Send one message."""
    sock.sendall(json.dumps(message).encode() + b"\n")


def receive(sock: socket.socket) -> dict[str, object]:
    """Receive one message ({} if the peer closed or sent something else)."""
    data = b""
    while not data.endswith(b"\n") and len(data) < _LIMIT:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    try:
        message = json.loads(data)
    except ValueError:
        return {}
    return message if isinstance(message, dict) else {}
