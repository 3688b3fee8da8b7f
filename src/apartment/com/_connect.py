"""Connection points: a Python server that fires events, and clients that receive them.

The server side is :class:`Connectable` (pywin32's ConnectableServer): a COM object that is
its own IConnectionPointContainer and IConnectionPoint for the events interfaces it lists
in ``_connect_interfaces_``. A sink connects with ``Advise`` and is kept as an IDispatch
pointer; the server fires an event with :meth:`Connectable.broadcast` (any call on each
sink), :meth:`Connectable.notify` (by DISPID) or :meth:`Connectable.fire` (by the name of
one of its ``_public_events_``, which take DISPIDs from 1000 on in list order, or
those a mapping of names to DISPIDs gives them).

An event is a call into the sink's apartment: into an STA, it runs when the sink's thread
pumps messages. A sink whose STA does not pump holds the firing thread: after
:attr:`Connectable.stall_warning_seconds` the firing thread gets a StalledCallWarning that
says what the sink's thread is doing, and goes on waiting.

The client side is :func:`connect_events` (pywin32's SimpleConnection): wrap a Python object
as a sink and advise it. :func:`advise_handler` (what DispatchWithEvents needs) asks a Python
source for its events (:func:`source_events`, standing in for a type library) and connects a
handler whose ``On<Event>`` methods receive them, through an :class:`EventSink`.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, ClassVar, final

from ..errors import (
    CONNECT_E_NOCONNECTION,
    DISP_E_MEMBERNOTFOUND,
    E_NOTIMPL,
    E_UNEXPECTED,
    ComError,
)
from ..kernel.lowlevel import KERNEL_LOCK
from ._callctl import stall_warning
from ._dispatch import DispatchPointer, wrap
from ._gateway import declared_events
from ._iids import (
    IID_ICONNECTIONPOINT,
    IID_ICONNECTIONPOINTCONTAINER,
    IID_IDISPATCH,
    iid_text,
)
from ._policy import DISPATCH_METHOD, Policy
from ._server_errors import COMException
from ._typed import ConnectionPointPointer, interface_arg

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._pointer import InterfacePointer

__all__ = [
    "Connectable",
    "Connection",
    "EventSink",
    "connect_events",
    "advise_handler",
    "source_events",
    "event_names",
    "handler_method_name",
]


def event_names(source: type | object) -> dict[int, str]:
    """The events a connectable class declares: DISPID -> name, from ``_public_events_``."""
    return declared_events(source)


def handler_method_name(event: str) -> str:
    """The handler's method for an event: ``On`` + its name, unless it starts with ``On``.

    pywin32's makepy names them so: IE's ``OnQuit`` is handled by ``OnQuit``, its
    ``DocumentComplete`` by ``OnDocumentComplete``.
    """
    return event if event.startswith("On") else f"On{event}"


class Connectable:
    """A COM server that fires events to the sinks connected to it (ConnectableServer).

    A subclass lists its events interfaces in ``_connect_interfaces_``, its events in
    ``_public_events_`` (to fire them by name), and adds its own methods to
    ``_public_methods_``.
    """

    _public_methods_: ClassVar[list[str]] = [
        "EnumConnectionPoints",
        "FindConnectionPoint",
        "EnumConnections",
        "Unadvise",
        "Advise",
        "GetConnectionPointContainer",
        "GetConnectionInterface",
    ]
    _com_interfaces_: ClassVar[list[object]] = [
        IID_ICONNECTIONPOINT,
        IID_ICONNECTIONPOINTCONTAINER,
    ]
    _connect_interfaces_: ClassVar[list[object]] = []
    stall_warning_seconds: ClassVar[float] = 5.0
    """How long an event may wait for a sink before the firing thread is warned."""

    def __init__(self) -> None:
        self.connections: dict[int, DispatchPointer] = {}
        self._last_cookie = 0

    # -- IConnectionPointContainer and IConnectionPoint ------------------------

    def enum_connection_points(self) -> None:
        """Not implemented (E_NOTIMPL)."""
        raise COMException(scode=E_NOTIMPL)

    def find_connection_point(self, iid: object) -> InterfacePointer | None:
        """This object, as the connection point of ``iid``, if it fires those events."""
        if iid_text(iid) in {iid_text(known) for known in self._connect_interfaces_}:
            return wrap(self)
        return None

    def enum_connections(self) -> None:
        """Not implemented (E_NOTIMPL)."""
        raise COMException(scode=E_NOTIMPL)

    def get_connection_interface(self) -> object:
        """The events interface (the first of ``_connect_interfaces_``)."""
        return self._connect_interfaces_[0]

    def get_connection_point_container(self) -> InterfacePointer:
        """This object, as the container of its connection points."""
        return wrap(self)

    def advise(self, sink: InterfacePointer) -> int:
        """Connect ``sink`` for the events; return its cookie.

        Raises:
            COMException: CONNECT_E_NOCONNECTION when the sink lacks the events interface.
        """
        try:
            interface = sink.query_interface(self._connect_interfaces_[0], IID_IDISPATCH)
        except ComError:
            raise COMException(scode=CONNECT_E_NOCONNECTION) from None
        with KERNEL_LOCK:  # an MTA object may be advised by two threads at once
            self._last_cookie += 1
            cookie = self._last_cookie
            self.connections[cookie] = interface  # type: ignore[assignment]
        return cookie

    def unadvise(self, cookie: int) -> None:
        """Disconnect the sink of ``cookie`` (E_UNEXPECTED for an unknown cookie)."""
        with KERNEL_LOCK:
            found = self.connections.pop(cookie, None)
        if found is None:
            raise COMException(scode=E_UNEXPECTED)

    # the COM names of IConnectionPointContainer's and IConnectionPoint's methods
    EnumConnectionPoints = enum_connection_points
    FindConnectionPoint = find_connection_point
    EnumConnections = enum_connections
    GetConnectionInterface = get_connection_interface
    GetConnectionPointContainer = get_connection_point_container
    Advise = advise
    Unadvise = unadvise

    # -- firing events -----------------------------------------------------------------------

    def broadcast(self, fn: Callable[..., object], *args: Any) -> None:  # noqa: ANN401
        """Call ``fn(sink, *args)`` for each connected sink, on this thread.

        A sink that fails (a ComError) is told to :meth:`on_notify_fail`, and the others still
        get the event. A sink in an STA that does not pump is warned about after
        :attr:`stall_warning_seconds` (StalledCallWarning); the event goes on waiting.
        """
        with KERNEL_LOCK:
            sinks = list(self.connections.values())
        with stall_warning(self.stall_warning_seconds, "an event"):
            for sink in sinks:
                try:
                    fn(sink, *args)
                except ComError as error:
                    self.on_notify_fail(sink, error)

    def notify(self, dispid: int, *args: Any) -> None:  # noqa: ANN401
        """Fire the event ``dispid`` with ``args`` to every sink."""
        self.broadcast(_invoke_event, dispid, *args)

    def fire(self, name: str, *args: Any) -> None:  # noqa: ANN401
        """Fire the event ``name`` (one of ``_public_events_``) with ``args`` to every sink."""
        for dispid, known in event_names(self).items():
            if known.lower() == name.lower():
                self.notify(dispid, *args)
                return
        raise ValueError(f"{type(self).__name__} declares no event {name!r} in _public_events_")

    def on_notify_fail(self, sink: DispatchPointer, error: ComError) -> None:
        """A sink failed an event (on the firing thread); by default, say so on stderr."""
        sys.stderr.write(f"an event sink failed and is ignored: {error!r}\n")


def _invoke_event(sink: DispatchPointer, dispid: int, *args: Any) -> None:  # noqa: ANN401
    sink.invoke(dispid, DISPATCH_METHOD, *args)


class EventSink(Policy):
    """The policy of an events handler: the event ``Name`` calls the handler's ``OnName``.

    ``events`` maps the source's DISPIDs to event names; an event the handler has no
    ``On`` method for is ignored. Arguments that are IDispatch pointers reach the handler
    as ``client_class(pointer)`` when a class is given.
    """

    def __init__(
        self,
        handler: object,
        iid: str,
        events: dict[int, str],
        client_class: Callable[[Any], object] | None = None,
    ) -> None:
        super().__init__(handler)
        self.iid = iid
        self.events = dict(events)
        self.names = {handler_method_name(name).lower(): dispid for dispid, name in events.items()}
        self._client_class = client_class

    def query_interface(self, iid: str) -> Any:  # noqa: ANN401
        """The events interface is this sink's IDispatch (a new gateway, as pywin32 does)."""
        return wrap(self) if iid == self.iid else super().query_interface(iid)

    def invoke(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        """Call the handler's ``On<Event>`` (nothing happens when it has none)."""
        name = self.events.get(dispid) if isinstance(dispid, int) else None
        if name is None:
            raise COMException(scode=DISP_E_MEMBERNOTFOUND)
        method = getattr(self.obj, handler_method_name(name), None)
        if method is None:
            return None
        make = self._client_class
        if make is not None:
            args = tuple(make(arg) if isinstance(arg, DispatchPointer) else arg for arg in args)
        return method(*args)


@final
class Connection:
    """A sink connected to a source's connection point; :meth:`disconnect` ends it."""

    def __init__(self, point: ConnectionPointPointer, cookie: int) -> None:
        self.point: ConnectionPointPointer | None = point
        self.cookie: int | None = cookie

    def disconnect(self) -> None:
        """Unadvise the sink (once; later calls do nothing)."""
        point, cookie = self.point, self.cookie
        self.point = self.cookie = None
        if point is not None and cookie:
            point.unadvise(cookie)


def connect_events(
    source: object, sink: object, iid: object, *, policy: Callable[[Any], Any] | None = None
) -> Connection:
    """Connect ``sink`` (a Python object, wrapped here) to ``source``'s events ``iid``.

    ``source`` is an interface pointer or a client. The sink's methods run in this
    apartment: into an STA, an event waits until this thread pumps messages.

    Raises:
        NoInterfaceError: the source fires no events at all (E_NOINTERFACE).
        ComError: CONNECT_E_NOCONNECTION when it fires no events of ``iid``.
    """
    container = interface_arg(source, IID_ICONNECTIONPOINTCONTAINER)
    assert container is not None
    point = container.find_connection_point(iid)  # type: ignore[attr-defined]
    cookie = point.advise(wrap(sink, policy=policy))
    return Connection(point, cookie)


def source_events(source: object) -> tuple[str, dict[int, str]]:
    """Return the events interface a Python source fires and its events (DISPID -> name).

    The source names them in ``_connect_interfaces_`` (the first is its default events
    interface) and ``_public_events_``: what a type library's coclass would say.

    Raises:
        NoInterfaceError: the source is no Python object that fires events.
    """
    pointer = interface_arg(source, IID_IDISPATCH)
    assert pointer is not None
    found: tuple[str, dict[int, str]] = pointer._gateway().source_events()
    return found


def advise_handler(
    source: object, handler: object, client_class: Callable[[Any], object] | None = None
) -> Connection:
    """Connect ``handler`` to ``source``'s default events: event ``Name`` calls ``OnName``.

    The handler's methods run in this apartment (an STA must pump to receive them).

    Raises:
        NoInterfaceError: the source is no Python object that fires events.
    """
    iid, events = source_events(source)
    return connect_events(source, EventSink(handler, iid, events, client_class), iid)
