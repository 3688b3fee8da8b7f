"""win32evtlog's Evt* functions on the facade: pywin32's shapes over the core."""

from __future__ import annotations

import gc
import threading
from typing import TYPE_CHECKING, Any

import pytest

from apartment.errors import (
    ERROR_EVT_CHANNEL_NOT_FOUND,
    ERROR_EVT_MESSAGE_NOT_FOUND,
    ERROR_FILE_EXISTS,
    ERROR_INVALID_HANDLE,
    ERROR_INVALID_PARAMETER,
    RPC_S_SERVER_UNAVAILABLE,
)
from apartment.win32 import pywintypes, win32event, win32evtlog, win32evtlogutil

if TYPE_CHECKING:
    from pathlib import Path

WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def _own_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APARTMENT_EVENTLOG", str(tmp_path / "eventlog.jsonl"))
    monkeypatch.setenv("APARTMENT_USER_REGISTRY", str(tmp_path / "user-registry.sqlite3"))


def _code(call: Any, *args: Any, **kwargs: Any) -> int:
    with pytest.raises(pywintypes.error) as excinfo:
        call(*args, **kwargs)
    code: int = excinfo.value.winerror
    return code


def _report(*ids: int, source: str = "Src") -> None:
    win32evtlogutil.AddSourceToRegistry(source, None, "System")
    for event_id in ids:
        win32evtlogutil.ReportEvent(source, event_id, strings=["a", "b"])


def test_query_next_render_and_format() -> None:
    _report(0x40001002, 7)
    query = win32evtlog.EvtQuery("System", win32evtlog.EvtQueryReverseDirection)
    newest, oldest = win32evtlog.EvtNext(query, 5)
    assert win32evtlog.EvtNext(query, 5) == ()
    assert isinstance(newest, win32evtlog.PyEVT_HANDLE)
    assert "<EventID Qualifiers='0'>7</EventID>" in win32evtlog.EvtRender(
        newest, win32evtlog.EvtRenderEventXml
    )
    context = win32evtlog.EvtCreateRenderContext(win32evtlog.EvtRenderContextSystem)
    values = win32evtlog.EvtRender(oldest, win32evtlog.EvtRenderEventValues, Context=context)
    assert isinstance(values, list)
    when, kind = values[win32evtlog.EvtSystemTimeCreated]
    assert isinstance(when, pywintypes.TimeType)
    assert kind == win32evtlog.EvtVarTypeFileTime
    user = win32evtlog.EvtCreateRenderContext(win32evtlog.EvtRenderContextUser)
    assert win32evtlog.EvtRender(oldest, 0, user) == [("a", 1), ("b", 1)]
    metadata = win32evtlog.EvtOpenPublisherMetadata("Src")
    flags = win32evtlog.EvtFormatMessageEvent
    assert win32evtlog.EvtFormatMessage(metadata, oldest, flags) == "The a service has startedb."
    assert _code(win32evtlog.EvtFormatMessage, None, newest, flags) == ERROR_EVT_MESSAGE_NOT_FOUND
    keywords = win32evtlog.EvtFormatMessage(None, newest, win32evtlog.EvtFormatMessageKeyword)
    assert keywords == ["Classic"]
    assert win32evtlog.EvtGetEventInfo(newest, win32evtlog.EvtEventPath) == ("System", 1)
    assert _code(win32evtlog.EvtRender, newest, win32evtlog.EvtRenderEventValues) == (
        ERROR_INVALID_PARAMETER
    )  # values need a context
    assert _code(win32evtlog.EvtCreateRenderContext, win32evtlog.EvtRenderContextValues) == (
        ERROR_INVALID_PARAMETER
    )
    assert _code(win32evtlog.EvtNext, query, 0) == ERROR_INVALID_PARAMETER
    query.Close()
    assert _code(win32evtlog.EvtNext, query, 1) == ERROR_INVALID_HANDLE
    for handle in (newest, oldest, context, user, metadata):
        handle.Close()


def test_seek_and_bookmarks() -> None:
    _report(1, 2, 3)
    query = win32evtlog.EvtQuery("System", win32evtlog.EvtQueryChannelPath)
    win32evtlog.EvtSeek(query, 1, win32evtlog.EvtSeekRelativeToFirst)
    (second,) = win32evtlog.EvtNext(query, 1)
    bookmark = win32evtlog.EvtCreateBookmark()
    assert win32evtlog.EvtUpdateBookmark(bookmark, second) is bookmark
    xml = win32evtlog.EvtRender(bookmark, win32evtlog.EvtRenderBookmark)
    again = win32evtlog.EvtCreateBookmark(xml)
    win32evtlog.EvtSeek(query, 0, win32evtlog.EvtSeekRelativeToBookmark, again)
    (event,) = win32evtlog.EvtNext(query, 1)
    assert "<EventRecordID>2</EventRecordID>" in win32evtlog.EvtRender(event, 1)
    assert _code(win32evtlog.EvtSeek, query, 0, 0x100) == ERROR_INVALID_PARAMETER
    for handle in (query, second, bookmark, again, event):
        handle.Close()


def test_logs_export_clear_and_enumerations(tmp_path: Path) -> None:
    _report(1, 2)
    target = str(tmp_path / "exported.evtx")
    win32evtlog.EvtExportLog("System", target, win32evtlog.EvtExportLogChannelPath)
    assert (
        _code(win32evtlog.EvtExportLog, "System", target, win32evtlog.EvtExportLogChannelPath)
        == ERROR_FILE_EXISTS
    )
    win32evtlog.EvtArchiveExportedLog(target, 0)
    log = win32evtlog.EvtOpenLog(target, win32evtlog.EvtOpenFilePath)
    assert win32evtlog.EvtGetLogInfo(log, win32evtlog.EvtLogNumberOfLogRecords) == (2, 10)
    win32evtlog.EvtClearLog("System")
    live = win32evtlog.EvtOpenLog("System", win32evtlog.EvtOpenChannelPath)
    assert win32evtlog.EvtGetLogInfo(live, win32evtlog.EvtLogNumberOfLogRecords) == (0, 10)
    created, kind = win32evtlog.EvtGetLogInfo(live, win32evtlog.EvtLogCreationTime)
    assert (type(created), kind) == (pywintypes.TimeType, win32evtlog.EvtVarTypeFileTime)
    publishers = win32evtlog.EvtOpenPublisherEnum()
    assert win32evtlog.EvtNextPublisherId(publishers) == "Src"
    assert win32evtlog.EvtNextPublisherId(publishers) is None
    assert _code(win32evtlog.EvtOpenChannelEnum, Session=publishers) == (RPC_S_SERVER_UNAVAILABLE)
    assert win32evtlog.EvtGetExtendedStatus() == ""
    for handle in (log, live, publishers):
        handle.Close()


class _Calls:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.handles: list[Any] = []
        self.threads: set[int] = set()
        self.arrived = win32event.CreateEvent(None, 0, 0, None)

    def __call__(self, reason: int, context: Any, event: Any) -> int:
        assert context == "ctx"
        assert reason == win32evtlog.EvtSubscribeActionDeliver
        assert "<Data>a</Data>" in win32evtlog.EvtRender(event, 1)  # valid during the call
        with self.lock:
            self.handles.append(event)
            self.threads.add(threading.get_ident())
        win32event.SetEvent(self.arrived)
        return 0

    def wait_for(self, count: int) -> None:
        while True:
            with self.lock:
                if len(self.handles) >= count:
                    return
            assert win32event.WaitForSingleObject(self.arrived, WAIT_MS) == 0


def test_push_callbacks_get_pywin32s_arguments_and_stop_when_the_handle_is_dropped() -> None:
    calls, probe = _Calls(), _Calls()
    subscription = win32evtlog.EvtSubscribe(
        "System", win32evtlog.EvtSubscribeToFutureEvents, Callback=calls, Context="ctx"
    )
    _report(1)
    calls.wait_for(1)
    assert threading.get_ident() not in calls.threads
    assert calls.handles[0].handle == 0 or _code(win32evtlog.EvtRender, calls.handles[0], 1) == (
        ERROR_INVALID_HANDLE
    )  # closed once the callback returned
    del subscription  # dropping the handle is EvtClose
    gc.collect()
    following = win32evtlog.EvtSubscribe(
        "System", win32evtlog.EvtSubscribeToFutureEvents, Callback=probe, Context="ctx"
    )
    _report(2)
    probe.wait_for(1)
    assert len(calls.handles) == 1
    following.Close()
    calls.arrived.Close()
    probe.arrived.Close()


def test_subscription_arguments() -> None:
    signal = win32event.CreateEvent(None, 0, 0, None)
    oldest = win32evtlog.EvtSubscribeStartAtOldestRecord
    not_callable = win32evtlog.EvtSubscribe("System", oldest, Callback=5)  # type: ignore[arg-type]
    not_callable.Close()  # pywin32 takes it: it would fail when an event comes
    assert _code(win32evtlog.EvtSubscribe, "System", 0, SignalEvent=signal) == (
        ERROR_INVALID_PARAMETER
    )
    assert _code(win32evtlog.EvtSubscribe, "System", oldest, SignalEvent=12345) == (
        ERROR_INVALID_HANDLE
    )
    _report(5)
    pull = win32evtlog.EvtSubscribe("System", oldest, SignalEvent=signal)
    assert win32event.WaitForSingleObject(signal, 0) == 0
    (event,) = win32evtlog.EvtNext(pull, 10, 1000)
    assert win32evtlog.EvtNext(pull, 10) == ()
    for handle in (signal, pull, event):
        handle.Close()


def test_channel_configuration_and_event_metadata() -> None:
    win32evtlogutil.AddSourceToRegistry("Src", None, "System")
    config = win32evtlog.EvtOpenChannelConfig("System")
    get = win32evtlog.EvtGetChannelConfigProperty
    assert get(config, win32evtlog.EvtChannelConfigEnabled) == (True, 13)
    assert get(config, win32evtlog.EvtChannelConfigClassicEventlog) == (True, 13)
    path, kind = get(config, win32evtlog.EvtChannelLoggingConfigLogFilePath)
    assert (str(path).endswith("eventlog-system.jsonl"), kind) == (True, 1)
    assert get(config, win32evtlog.EvtChannelPublisherList) == (["Src"], 0x81)
    assert get(config, win32evtlog.EvtChannelPublishingConfigLevel) == (None, 0)
    assert _code(get, config, win32evtlog.EvtChannelConfigPropertyIdEND) == (
        ERROR_INVALID_PARAMETER
    )
    assert _code(win32evtlog.EvtOpenChannelConfig, "Nope") == ERROR_EVT_CHANNEL_NOT_FOUND
    metadata = win32evtlog.EvtOpenPublisherMetadata("src")
    events = win32evtlog.EvtOpenEventMetadataEnum(metadata)
    assert win32evtlog.EvtNextEventMetadata(events) is None
    for handle in (config, metadata, events):
        handle.Close()
