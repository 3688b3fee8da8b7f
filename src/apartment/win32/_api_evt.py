"""win32evtlog's Evt* functions (Windows Vista's event log API) over :mod:`apartment.services`.

Every handle is a :class:`PyEVT_HANDLE` (closing it, or dropping it, is EvtClose) owning an
entry of the kernel's handle table: a result set, an event, a subscription, a bookmark, a
render context, a log, an enumeration or a publisher's metadata. Remote sessions are not
modelled: a Session argument must be None.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, cast

from .. import services
from ..errors import (
    ERROR_INVALID_PARAMETER,
    ERROR_NO_MORE_ITEMS,
    RPC_S_SERVER_UNAVAILABLE,
    Win32Error,
)
from ..kernel import Event as KernelEvent
from ..kernel import handles
from ..services import Bookmark as _Bookmark
from ..services import ChannelConfig as _ChannelConfig
from ..services import (
    Enumeration,
    EventQuery,
    EvtVarType,
    LogInfo,
    RenderContext,
    Subscription,
    archive_exported_log,
    channel_enum,
    clear_channel,
    event_metadata_enum,
    export_log,
    format_message,
    publisher_enum,
    render_xml,
)
from ..services import Event as _Event
from ..services import PublisherMetadata as _Metadata
from ._adapt import api, dword
from ._handles import PyHANDLE, lookup
from ._security import sid_from_string
from ._timeconv import pywin32_utc
from .pywintypes import TimeType

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "PyEVT_HANDLE", "EvtQuery", "EvtNext", "EvtSeek", "EvtRender", "EvtCreateRenderContext",
    "EvtFormatMessage", "EvtSubscribe", "EvtCreateBookmark", "EvtUpdateBookmark", "EvtOpenLog",
    "EvtGetLogInfo", "EvtClearLog", "EvtExportLog", "EvtArchiveExportedLog",
    "EvtOpenChannelEnum", "EvtNextChannelPath", "EvtOpenPublisherEnum", "EvtNextPublisherId",
    "EvtOpenPublisherMetadata", "EvtGetPublisherMetadataProperty", "EvtGetEventInfo",
    "EvtGetExtendedStatus", "EvtOpenChannelConfig", "EvtGetChannelConfigProperty",
    "EvtOpenEventMetadataEnum", "EvtNextEventMetadata", "EvtOpenSession",
    "EvtGetObjectArraySize", "EvtGetObjectArrayProperty", "EvtGetEventMetadataProperty",
]  # fmt: skip

_CHANNEL_PATH, _FILE_PATH = 0x1, 0x2
_FORWARD, _REVERSE, _TOLERATE = 0x100, 0x200, 0x1000
_STRICT = 0x10000
_RENDER_VALUES, _RENDER_XML, _RENDER_BOOKMARK = 0, 1, 2
_MESSAGE_KINDS = {
    1: "event", 2: "level", 3: "task", 4: "opcode", 5: "keyword", 6: "channel", 7: "provider",
    8: "id", 9: "xml",
}  # fmt: skip


class PyEVT_HANDLE(PyHANDLE):  # noqa: N801 - pywin32's type name
    """An Evt* handle: closing it (or dropping it) is EvtClose."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<PyEVT_HANDLE:{self.handle}>"


def _new(obj: object) -> PyEVT_HANDLE:
    return PyEVT_HANDLE(handles.insert(obj))


def _invalid(what: str) -> Win32Error:
    return Win32Error.from_code(ERROR_INVALID_PARAMETER, what)


def _text(value: object, what: str = "str") -> str:
    if not isinstance(value, str):
        kind = type(value).__name__
        raise TypeError(f"Objects of type '{kind}' can not be converted to Unicode.")
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _local(session: object) -> None:
    """Only this computer's logs: a remote session is not modelled (EvtOpenSession's own
    sessions are local: it refuses the others)."""  # noqa: D205, D209
    if session is not None:
        if isinstance(lookup(session, object), services.EvtSession):
            return
        raise Win32Error.from_code(RPC_S_SERVER_UNAVAILABLE, "remote event log sessions")


def _reserved(flags: object) -> None:
    if dword(flags):
        raise _invalid("reserved flags must be 0")


def _value(value: object, kind: int) -> tuple[object, int]:
    """A rendered value as pywin32 gives it: times as pywintypes times, SIDs as PySIDs."""
    if isinstance(value, _dt.datetime):
        value = TimeType.fromtimestamp(value.timestamp(), pywin32_utc())
    elif kind == EvtVarType.SID and isinstance(value, str):
        value = sid_from_string(value)
    return value, kind


@api("EvtQuery")
def EvtQuery(
    Path: str, Flags: int, Query: str | None = None, Session: object = None
) -> PyEVT_HANDLE:
    """A result set over a channel (EvtQueryChannelPath) or an exported log file."""
    flags = dword(Flags)
    path, query = _text(Path), _optional_text(Query)
    _local(Session)
    kind, direction = flags & 0xFF, flags & (_FORWARD | _REVERSE)
    if flags & ~(0xFF | _FORWARD | _REVERSE | _TOLERATE) or kind & ~0x3 or kind == 0x3:
        raise _invalid("EvtQuery's flags")
    if direction == _FORWARD | _REVERSE:
        raise _invalid("EvtQuery reads forwards or backwards")
    return _new(EventQuery(path, query, file=kind == _FILE_PATH, reverse=direction == _REVERSE))


@api("EvtNext")
def EvtNext(
    ResultSet: object, Count: int, Timeout: int = -1, Flags: int = 0
) -> tuple[PyEVT_HANDLE, ...]:
    """The next events of a result set or a pull subscription; () when none is left."""
    source = cast("EventQuery | Subscription", lookup(ResultSet, (EventQuery, Subscription)))
    count = dword(Count)
    dword(Timeout)  # the events are there at once: no wait
    _reserved(Flags)
    if count == 0:
        raise _invalid("EvtNext reads one event or more")
    try:
        events = source.next(count)
    except Win32Error as failure:
        if failure.winerror == ERROR_NO_MORE_ITEMS:  # pywin32 answers an empty tuple
            return ()
        raise
    return tuple(_new(event) for event in events)


@api("EvtSeek")
def EvtSeek(
    ResultSet: object, Position: int, Flags: int, Bookmark: object = None, Timeout: int = 0
) -> None:
    """Move a result set's position (EvtSeekRelativeTo* with EvtSeekStrict)."""
    query = lookup(ResultSet, EventQuery)
    flags = dword(Flags)
    if not isinstance(Position, int):
        raise TypeError("an integer is required")
    bookmark = None if Bookmark is None else lookup(Bookmark, _Bookmark)
    _reserved(Timeout)
    if flags & ~(0x7 | _STRICT):
        raise _invalid("EvtSeek's flags")
    query.seek(Position, flags & 0x7, bookmark, strict=bool(flags & _STRICT))


@api("EvtCreateRenderContext")
def EvtCreateRenderContext(Flags: int) -> PyEVT_HANDLE:
    """A context rendering the System values (EvtRenderContextSystem) or the EventData ones."""
    flags = dword(Flags)
    if flags not in (1, 2):  # pywin32 takes no value paths: EvtRenderContextValues fails
        raise _invalid("EvtCreateRenderContext: EvtRenderContextSystem or EvtRenderContextUser")
    return _new(RenderContext(user=flags == 2))


@api("EvtRender")
def EvtRender(Event: object, Flags: int, Context: object = None) -> Any:  # noqa: ANN401 - str or list
    """An event's XML, a bookmark's, or its values: a list of ``(value, EvtVarType*)``.

    EvtRenderEventXml and EvtRenderBookmark give text; EvtRenderEventValues needs a Context.
    """
    flags = dword(Flags)
    if flags == _RENDER_BOOKMARK:
        return lookup(Event, _Bookmark).xml()
    event = lookup(Event, _Event)
    if flags == _RENDER_XML:
        return render_xml(event.record)
    if flags != _RENDER_VALUES or Context is None:
        raise _invalid("EvtRender's flags (values need a render context)")
    context = lookup(Context, RenderContext)
    return [_value(value, kind) for value, kind in context.render(event.record)]


@api("EvtFormatMessage")
def EvtFormatMessage(
    Metadata: object, Event: object, Flags: int, ResourceId: int = 0
) -> str | list[str]:
    """An event's message (EvtFormatMessageEvent), or another of its texts.

    The name of its level, task, opcode, keywords (a list), channel or provider, or its XML,
    as the Event Viewer shows them.
    """
    if Metadata is not None:
        lookup(Metadata, _Metadata)
    event = lookup(Event, _Event)
    kind = _MESSAGE_KINDS.get(dword(Flags))
    if kind is None:
        raise _invalid("EvtFormatMessage's flags")
    return format_message(event.record, kind, dword(ResourceId))


@api("EvtSubscribe")
def EvtSubscribe(
    ChannelPath: str,
    Flags: int,
    SignalEvent: object = None,
    Callback: Callable[[int, object, PyEVT_HANDLE], object] | None = None,
    Context: object = None,
    Query: str | None = None,
    Session: object = None,
    Bookmark: object = None,
) -> PyEVT_HANDLE:
    """A subscription to a channel's events, by any process: pulled or pushed.

    Pulled: SignalEvent is set as events arrive; EvtNext takes them. Pushed:
    ``Callback(reason, Context, event)`` runs on the process's event log service thread
    (``apartment-evt-service``), never the caller's; the event handle is valid during the call.
    """
    path, query, flags = _text(ChannelPath), _optional_text(Query), dword(Flags)
    _local(Session)
    # pywin32 takes any object as the Callback: one that cannot be called fails when an event
    # comes (its TypeError printed by the service thread), not here
    signal = None if SignalEvent is None else lookup(SignalEvent, KernelEvent)
    bookmark = None if Bookmark is None else lookup(Bookmark, _Bookmark)
    start = flags & 0x3
    if flags & ~(0x3 | _TOLERATE | _STRICT) or start == 0:
        raise _invalid("EvtSubscribe's flags")
    if (signal is None) == (Callback is None) or (start == 3 and bookmark is None):
        raise _invalid("a subscription takes a SignalEvent or a Callback (and a Bookmark)")
    deliver = None if Callback is None else _deliverer(Callback, Context)
    return _new(
        Subscription(
            path, query, start=start, bookmark=bookmark, signal=signal, callback=deliver,
            strict=bool(flags & _STRICT),
        )
    )  # fmt: skip


def _deliverer(
    callback: Callable[[int, object, PyEVT_HANDLE], object], context: object
) -> Callable[[int, _Event], object]:
    """The core's callback: pywin32's arguments, an event handle owned for the call."""

    def deliver(action: int, event: _Event) -> object:
        handle = _new(event)
        try:
            return callback(action, context, handle)
        finally:
            handle.Close()

    return deliver


@api("EvtCreateBookmark")
def EvtCreateBookmark(BookmarkXML: str | None = None) -> PyEVT_HANDLE:
    """A new bookmark, or one from the XML EvtRender(EvtRenderBookmark) gave."""
    return _new(_Bookmark(_optional_text(BookmarkXML)))


@api("EvtUpdateBookmark")
def EvtUpdateBookmark(Bookmark: object, Event: object) -> object:
    """Move the bookmark to the event; returns the bookmark."""
    lookup(Bookmark, _Bookmark).update(lookup(Event, _Event))
    return Bookmark


@api("EvtOpenLog")
def EvtOpenLog(Path: str, Flags: int, Session: object = None) -> PyEVT_HANDLE:
    """A channel's log (EvtOpenChannelPath) or an exported log file (EvtOpenFilePath)."""
    path, flags = _text(Path), dword(Flags)
    _local(Session)
    if flags not in (_CHANNEL_PATH, _FILE_PATH):
        raise _invalid("EvtOpenLog's flags")
    return _new(LogInfo(path, file=flags == _FILE_PATH))


@api("EvtGetLogInfo")
def EvtGetLogInfo(Log: object, PropertyId: int) -> tuple[object, int]:
    """A log's property (EvtLog*): ``(value, EvtVarType*)``."""
    return _value(*lookup(Log, LogInfo).property(dword(PropertyId)))


@api("EvtClearLog")
def EvtClearLog(
    ChannelPath: str, TargetFilePath: str | None = None, Session: object = None, Flags: int = 0
) -> None:
    path, target = _text(ChannelPath), _optional_text(TargetFilePath)
    _local(Session)
    _reserved(Flags)
    clear_channel(path, target)


@api("EvtExportLog")
def EvtExportLog(
    Path: str, TargetFilePath: str, Flags: int, Query: str | None = None, Session: object = None
) -> None:
    path, target, query = _text(Path), _text(TargetFilePath), _optional_text(Query)
    flags = dword(Flags)
    _local(Session)
    kind = flags & ~_TOLERATE
    if kind not in (_CHANNEL_PATH, _FILE_PATH):
        raise _invalid("EvtExportLog's flags")
    export_log(path, target, query, file=kind == _FILE_PATH)


@api("EvtArchiveExportedLog")
def EvtArchiveExportedLog(
    LogFilePath: str, Locale: int, Session: object = None, Flags: int = 0
) -> None:
    path = _text(LogFilePath)
    dword(Locale)
    _local(Session)
    _reserved(Flags)
    archive_exported_log(path)


@api("EvtOpenChannelEnum")
def EvtOpenChannelEnum(Session: object = None, Flags: int = 0) -> PyEVT_HANDLE:
    _local(Session)
    _reserved(Flags)
    return _new(channel_enum())


def _next_name(enumeration: object) -> str | None:
    try:
        return lookup(enumeration, Enumeration).next()
    except Win32Error as failure:
        if failure.winerror == ERROR_NO_MORE_ITEMS:  # pywin32 answers None at the end
            return None
        raise


@api("EvtNextChannelPath")
def EvtNextChannelPath(ChannelEnum: object) -> str | None:
    """The next channel's name; None at the end."""
    return _next_name(ChannelEnum)


@api("EvtOpenPublisherEnum")
def EvtOpenPublisherEnum(Session: object = None, Flags: int = 0) -> PyEVT_HANDLE:
    _local(Session)
    _reserved(Flags)
    return _new(publisher_enum())


@api("EvtNextPublisherId")
def EvtNextPublisherId(PublisherEnum: object) -> str | None:
    """The next publisher's name; None at the end."""
    return _next_name(PublisherEnum)


@api("EvtOpenPublisherMetadata")
def EvtOpenPublisherMetadata(
    PublisherIdentity: str,
    Session: object = None,
    LogFilePath: str | None = None,
    Locale: int = 0,
    Flags: int = 0,
) -> PyEVT_HANDLE:
    """A registered source's metadata; ERROR_FILE_NOT_FOUND for one no log registers."""
    name = _text(PublisherIdentity)
    _optional_text(LogFilePath)
    dword(Locale)
    _local(Session)
    _reserved(Flags)
    return _new(_Metadata.open(name))


@api("EvtGetPublisherMetadataProperty")
def EvtGetPublisherMetadataProperty(
    PublisherMetadata: object, PropertyId: int, Flags: int = 0
) -> tuple[object, int]:
    _reserved(Flags)
    return lookup(PublisherMetadata, _Metadata).property(dword(PropertyId))


@api("EvtGetEventInfo")
def EvtGetEventInfo(Event: object, PropertyId: int) -> tuple[object, int]:
    """Where an event came from: its channel or file (EvtEventPath)."""
    event = lookup(Event, _Event)
    if dword(PropertyId) != 1:
        raise _invalid("EvtGetEventInfo: EvtEventPath is the property known here")
    return event.path, EvtVarType.STRING


@api("EvtGetExtendedStatus")
def EvtGetExtendedStatus() -> str:
    """No Evt* call here leaves extended status: the empty string."""
    return ""


@api("EvtOpenChannelConfig")
def EvtOpenChannelConfig(ChannelPath: str, Session: object = None, Flags: int = 0) -> PyEVT_HANDLE:
    """A channel's configuration; ERROR_EVT_CHANNEL_NOT_FOUND for one that is not a log."""
    path = _text(ChannelPath)
    _local(Session)
    _reserved(Flags)
    return _new(_ChannelConfig(path))


@api("EvtGetChannelConfigProperty")
def EvtGetChannelConfigProperty(
    ChannelConfig: object, PropertyId: int, Flags: int = 0
) -> tuple[object, int]:
    """A channel's property (EvtChannel*): ``(value, EvtVarType*)``."""
    _reserved(Flags)
    return lookup(ChannelConfig, _ChannelConfig).property(dword(PropertyId))


@api("EvtOpenEventMetadataEnum")
def EvtOpenEventMetadataEnum(PublisherMetadata: object, Flags: int = 0) -> PyEVT_HANDLE:
    """The events a publisher declares: none, for a classic source."""
    publisher = lookup(PublisherMetadata, _Metadata)
    _reserved(Flags)
    return _new(event_metadata_enum(publisher))


@api("EvtNextEventMetadata")
def EvtNextEventMetadata(EventMetadataEnum: object, Flags: int = 0) -> PyEVT_HANDLE | None:
    """The next event's metadata; None at the end (at once: classic sources declare none)."""
    _reserved(Flags)
    name = _next_name(EventMetadataEnum)
    return None if name is None else _new(name)


_EVT_RPC_LOGIN = 1  # EvtRpcLogin: the one login class


@api("EvtOpenSession")
def EvtOpenSession(
    Login: object, LoginClass: int, Timeout: int = 0, Flags: int = 0
) -> PyEVT_HANDLE:
    """A session to a computer's logs: this computer's (see services._evt_session).

    ``Login`` is EVT_RPC_LOGIN as a tuple: (Server, User, Domain, Password, Flags).
    """
    if dword(LoginClass) != _EVT_RPC_LOGIN:
        raise _invalid("EvtOpenSession: EvtRpcLogin is the login class")
    if not isinstance(Login, tuple) or not Login:
        raise TypeError("Login must be a tuple (Server, User, Domain, Password, Flags)")
    dword(Timeout)
    _reserved(Flags)
    server = Login[0]
    return _new(services.open_session(None if server is None else _text(server)))


@api("EvtGetObjectArraySize")
def EvtGetObjectArraySize(ObjectArray: object) -> int:
    """The number of items of an object array (a manifest property's value)."""
    return len(lookup(ObjectArray, services.ObjectArray))


@api("EvtGetObjectArrayProperty")
def EvtGetObjectArrayProperty(
    ObjectArray: object, PropertyId: int, ArrayIndex: int, Flags: int = 0
) -> tuple[object, int]:
    """One property of one item of an object array: ``(value, EvtVarType*)``."""
    _reserved(Flags)
    array = lookup(ObjectArray, services.ObjectArray)
    return array.property(dword(PropertyId), dword(ArrayIndex))


@api("EvtGetEventMetadataProperty")
def EvtGetEventMetadataProperty(
    EventMetadata: object, PropertyId: int, Flags: int = 0
) -> tuple[object, int]:
    """One property of an event's metadata: ``(value, EvtVarType*)``."""
    _reserved(Flags)
    return lookup(EventMetadata, services.EventMetadata).property(dword(PropertyId))
