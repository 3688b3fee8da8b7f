"""Event log sessions (EvtOpenSession) and the object arrays and event metadata of Evt*.

A session names the computer whose logs later Evt* calls read. This computer's own names
(None, "", ``localhost``, its host name, a loopback address) give a local session, which
reads as no session does. Any other computer is refused with RPC_S_SERVER_UNAVAILABLE, as
Windows answers for a host it cannot reach: no remote event log protocol (MS-EVEN6) is spoken
here, and a name that does not resolve is unreachable on Windows too.

Object arrays (EvtGetObjectArraySize, EvtGetObjectArrayProperty) are the values of manifest
properties (a publisher's channels, levels, tasks...); event metadata
(EvtGetEventMetadataProperty) describes an event a manifest declares. Classic sources declare
neither, so none is ever handed out; the types exist so that the calls check their handles
as Windows does (ERROR_INVALID_HANDLE for anything else).
"""

from __future__ import annotations

import socket
from typing import NamedTuple

from ..errors import ERROR_INVALID_PARAMETER, RPC_S_SERVER_UNAVAILABLE, Win32Error

__all__ = ["EventMetadata", "EvtSession", "ObjectArray", "open_session"]

_LOOPBACK = frozenset({"", "localhost", "127.0.0.1", "::1", "."})


class EvtSession(NamedTuple):
    """A session to this computer's event logs (EvtOpenSession)."""

    server: str

    def close_on_last_handle(self) -> None:
        """Nothing to release."""


def open_session(server: str | None) -> EvtSession:
    """A session for the logs of ``server`` (None: this computer).

    Raises:
        TypeError: ``server`` is not a str or None.
        Win32Error: RPC_S_SERVER_UNAVAILABLE for another computer (see the module).
    """
    if server is None:
        return EvtSession("")
    if not isinstance(server, str):
        raise TypeError(f"a server's name is a str, not {type(server).__name__}")
    name = server.strip().lstrip("\\").lower()
    own = {socket.gethostname().lower(), socket.gethostname().split(".")[0].lower()}
    if name in _LOOPBACK or name in own:
        return EvtSession(name)
    raise Win32Error.from_code(
        RPC_S_SERVER_UNAVAILABLE, f"{server!r}: no event log service is reachable there"
    )


class ObjectArray:
    """An array of property sets: ``items[index][property id] = (value, EvtVarType)``."""

    def __init__(self, items: list[dict[int, tuple[object, int]]]) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    def property(self, property_id: int, index: int) -> tuple[object, int]:
        """One property of one item.

        Raises:
            Win32Error: ERROR_INVALID_PARAMETER for no such item or property.
        """
        if not 0 <= index < len(self.items) or property_id not in self.items[index]:
            raise Win32Error.from_code(
                ERROR_INVALID_PARAMETER, f"no property {property_id} of item {index}"
            )
        return self.items[index][property_id]

    def close_on_last_handle(self) -> None:
        """Nothing to release."""


class EventMetadata:
    """The metadata of one event a manifest declares: ``(value, EvtVarType)`` by id."""

    def __init__(self, properties: dict[int, tuple[object, int]]) -> None:
        self.properties = properties

    def property(self, property_id: int) -> tuple[object, int]:
        """One property (EvtEventMetadata*).

        Raises:
            Win32Error: ERROR_INVALID_PARAMETER for no such property.
        """
        if property_id not in self.properties:
            raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"no property {property_id}")
        return self.properties[property_id]

    def close_on_last_handle(self) -> None:
        """Nothing to release."""
