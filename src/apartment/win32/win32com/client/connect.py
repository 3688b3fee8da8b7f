"""pywin32's ``win32com.client.connect``: connecting a Python object to a COM object's events."""

from __future__ import annotations

import contextlib
from typing import Any

from apartment import com
from apartment.win32 import pythoncom

__all__ = ["SimpleConnection"]


class SimpleConnection:
    """A single connection: ``eventInstance`` (wrapped here) receives ``coInstance``'s events.

    ``cp`` is the connection point and ``cookie`` the connection's cookie while connected.
    """

    def __init__(
        self,
        coInstance: object = None,
        eventInstance: object = None,
        eventCLSID: object = None,
        debug: int = 0,
    ) -> None:
        self._connection: com.Connection | None = None
        self.debug = debug
        if coInstance is not None:
            self.Connect(coInstance, eventInstance, eventCLSID)

    @property
    def cp(self) -> Any:  # noqa: ANN401
        """The connection point, while connected."""
        return None if self._connection is None else self._connection.point

    @property
    def cookie(self) -> int | None:
        """The connection's cookie, while connected."""
        return None if self._connection is None else self._connection.cookie

    def __del__(self) -> None:
        with contextlib.suppress(pythoncom.error):  # ignored when torn down, as pywin32 does
            self.Disconnect()

    def Connect(self, coInstance: object, eventInstance: object, eventCLSID: object = None) -> None:
        """Connect ``eventInstance`` to ``coInstance``'s events ``eventCLSID``."""
        if eventCLSID is None:
            eventCLSID = eventInstance.CLSID  # type: ignore[attr-defined]  # pywin32's rule
        source = getattr(coInstance, "_oleobj_", coInstance)
        self._connection = com.connect_events(source, eventInstance, eventCLSID)

    def Disconnect(self) -> None:
        """Disconnect (nothing happens when not connected)."""
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.disconnect()
