"""pywin32's ``win32com.server.connect``: a Python server that fires events.

``ConnectableServer`` is the core's :class:`apartment.com.Connectable` under pywin32's names:
``_BroadcastNotify(broadcaster, extraArgs)`` fires, ``_OnNotifyFail`` hears of a sink that
failed, ``cookieNo`` is the last cookie handed out. As pywin32's class, it does not answer
``GetConnectionInterface`` (its ``COMException(E_NOTIMPL)`` passes the code as the description,
so callers see E_FAIL), though the core's class does.
"""

from __future__ import annotations

from typing import Any, ClassVar

from apartment import com
from apartment.win32 import pythoncom, winerror
from apartment.win32.win32com.server.exception import COMException

__all__ = [
    "ConnectableServer",
    "IConnectionPointContainer_methods",
    "IConnectionPoint_methods",
]

IConnectionPointContainer_methods = ["EnumConnectionPoints", "FindConnectionPoint"]
IConnectionPoint_methods = [
    "EnumConnections",
    "Unadvise",
    "Advise",
    "GetConnectionPointContainer",
    "GetConnectionInterface",
]


class ConnectableServer(com.Connectable):
    """A COM server that fires events; subclasses set ``_connect_interfaces_``."""

    _public_methods_: ClassVar[list[str]] = (
        IConnectionPointContainer_methods + IConnectionPoint_methods
    )
    _com_interfaces_: ClassVar[list[object]] = [
        pythoncom.IID_IConnectionPoint,
        pythoncom.IID_IConnectionPointContainer,
    ]

    def GetConnectionInterface(self) -> object:
        """Not implemented, as in pywin32, whose call gives the caller E_FAIL."""
        raise COMException(winerror.E_NOTIMPL)  # type: ignore[arg-type]  # pywin32 passes the code as the description

    @property
    def cookieNo(self) -> int:
        """The last cookie handed out."""
        return self._last_cookie

    def _BroadcastNotify(self, broadcaster: Any, extraArgs: tuple[Any, ...]) -> None:  # noqa: ANN401
        self.broadcast(broadcaster, *extraArgs)

    def on_notify_fail(self, sink: Any, error: Exception) -> None:  # noqa: ANN401
        """Tell ``_OnNotifyFail``, which a subclass may override, as under pywin32."""
        self._OnNotifyFail(sink, error)

    def _OnNotifyFail(self, interface: Any, details: Exception) -> None:  # noqa: ANN401
        print(f"Ignoring COM error to connection - {details!r}")
