"""Contract: win32evtlog's Evt* functions (Windows Vista's event log API).

Queries over a channel (EvtQuery, EvtNext, EvtSeek), rendering (EvtRender: XML, values,
bookmarks), messages, logs (EvtOpenLog, EvtGetLogInfo, EvtClearLog, EvtExportLog), the
channel and publisher enumerations, and subscriptions (EvtSubscribe, pulled and pushed), with
the error codes Windows gives. On the facade the logs are the test's own files; on the oracle
Wine's event log keeps no records (ReportEvent only traces it) and much of Wine's wevtapi is a
stub, so what needs those is marked ``wine_differs``; what calls a function Wine does not
implement at all (EvtRender, EvtCreateRenderContext, EvtGetLogInfo, EvtClearLog,
EvtOpenPublisherMetadata...: Wine aborts the process) is skipped there (``wine_lacks``).
"""

import os
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import pywintypes
import win32event
import win32evtlog
import winerror

from ._wine import ON_THE_ORACLE, wine_differs

SOURCE = f"ApartmentEvt{os.getpid()}"
NO_RECORDS = "Wine's event log is a stub: it keeps no records (ReportEvent only traces it)"
STUB = "Wine's wevtapi stubs this function (it fails, or returns no handle)"
WAIT_MS = 30_000  # a guard only: the wait ends when the subscription is served


def wine_lacks(*functions: str) -> pytest.MarkDecorator:
    """Skip on the oracle a test that calls what Wine's wevtapi leaves unimplemented: its
    stubs abort the whole process, so the test cannot even fail there."""
    names = ", ".join(functions)
    return pytest.mark.skipif(ON_THE_ORACLE, reason=f"Wine's wevtapi lacks {names} (aborts)")


@pytest.fixture(autouse=True)
def _own_log(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the facade: event logs and a user registry of the test's own (Windows ignores them)."""
    monkeypatch.setenv("APARTMENT_EVENTLOG", str(tmp_path / "eventlog.jsonl"))
    monkeypatch.setenv("APARTMENT_USER_REGISTRY", str(tmp_path / "user-registry.sqlite3"))


def _code(call: Any, *args: Any, **kwargs: Any) -> int:
    with pytest.raises(pywintypes.error) as excinfo:
        call(*args, **kwargs)
    code: int = excinfo.value.winerror
    return code


def _report(event_id: int, strings: list[str], kind: int = 4) -> None:
    handle = win32evtlog.RegisterEventSource(None, SOURCE)
    try:
        win32evtlog.ReportEvent(handle, kind, 0, event_id, None, strings, None)
    finally:
        win32evtlog.DeregisterEventSource(handle)


def _mine() -> str:
    return f"*[System[Provider[@Name='{SOURCE}']]]"


def test_the_constants_have_the_sdks_values() -> None:
    assert (win32evtlog.EvtQueryChannelPath, win32evtlog.EvtQueryFilePath) == (1, 2)
    assert (win32evtlog.EvtQueryForwardDirection, win32evtlog.EvtQueryReverseDirection) == (
        0x100, 0x200,
    )  # fmt: skip
    assert win32evtlog.EvtQueryTolerateQueryErrors == 0x1000
    assert (
        win32evtlog.EvtRenderEventValues, win32evtlog.EvtRenderEventXml,
        win32evtlog.EvtRenderBookmark,
    ) == (0, 1, 2)  # fmt: skip
    assert (win32evtlog.EvtRenderContextSystem, win32evtlog.EvtRenderContextUser) == (1, 2)
    assert (
        win32evtlog.EvtSubscribeToFutureEvents, win32evtlog.EvtSubscribeStartAtOldestRecord,
        win32evtlog.EvtSubscribeStartAfterBookmark, win32evtlog.EvtSubscribeStrict,
    ) == (1, 2, 3, 0x10000)  # fmt: skip
    assert (win32evtlog.EvtSubscribeActionError, win32evtlog.EvtSubscribeActionDeliver) == (0, 1)
    assert (win32evtlog.EvtSeekRelativeToFirst, win32evtlog.EvtSeekRelativeToBookmark) == (1, 4)
    assert (win32evtlog.EvtSystemProviderName, win32evtlog.EvtSystemTimeCreated) == (0, 8)
    assert (win32evtlog.EvtSystemComputer, win32evtlog.EvtSystemPropertyIdEND) == (15, 18)
    assert (win32evtlog.EvtVarTypeNull, win32evtlog.EvtVarTypeFileTime) == (0, 17)
    assert (win32evtlog.EvtVarTypeEvtHandle, win32evtlog.EvtVarTypeEvtXml) == (32, 35)
    assert (win32evtlog.EvtFormatMessageEvent, win32evtlog.EvtFormatMessageXml) == (1, 9)
    assert (win32evtlog.EvtLogNumberOfLogRecords, win32evtlog.EvtLogFull) == (5, 7)
    assert win32evtlog.EvtPublisherMetadataPropertyIdEND == 29
    assert win32evtlog.EventMetadataEventTemplate == 8
    assert win32evtlog.EVENTLOG_START_PAIRED_EVENT == 1
    assert win32evtlog.EVENTLOG_PAIRED_EVENT_INACTIVE == 16


def test_bad_arguments_are_type_errors() -> None:
    with pytest.raises(TypeError, match="can not be converted to Unicode"):
        win32evtlog.EvtQuery(5, win32evtlog.EvtQueryChannelPath)
    with pytest.raises(TypeError, match="cannot be interpreted as an integer"):
        win32evtlog.EvtQuery("Application", "flags")
    with pytest.raises(TypeError, match="not a PyHANDLE"):
        win32evtlog.EvtNext("a handle", 1)
    with pytest.raises(TypeError, match="can not be converted to Unicode"):
        win32evtlog.EvtCreateBookmark(5)
    with pytest.raises(TypeError, match="unexpected keyword argument"):
        win32evtlog.EvtQuery("Application", 1, NoSuchArgument=1)
    with pytest.raises(TypeError, match="not a PyHANDLE"):
        win32evtlog.EvtSubscribe("Application", 1, SignalEvent="an event")


@wine_differs("Wine's EvtNext is not implemented (ERROR_CALL_NOT_IMPLEMENTED, 120)")
def test_next_on_no_result_set_is_an_invalid_handle() -> None:
    assert _code(win32evtlog.EvtNext, None, 1) == winerror.ERROR_INVALID_HANDLE


@wine_differs("Wine's EvtOpenChannelConfig gives a dummy handle for any name")
def test_an_unknown_channel_has_no_configuration() -> None:
    code = _code(win32evtlog.EvtOpenChannelConfig, "NoSuchChannelAtAll")
    assert code == winerror.ERROR_EVT_CHANNEL_NOT_FOUND


@wine_differs("Wine's EvtGetChannelConfigProperty knows only the log file's path")
def test_a_classic_channel_is_enabled() -> None:
    config = win32evtlog.EvtOpenChannelConfig("Application")
    get = win32evtlog.EvtGetChannelConfigProperty
    try:
        assert get(config, win32evtlog.EvtChannelConfigEnabled) == (True, 13)
        assert get(config, win32evtlog.EvtChannelConfigClassicEventlog) == (True, 13)
    finally:
        config.Close()


@wine_differs(STUB)
def test_unknown_channels_are_not_found() -> None:
    code = _code(win32evtlog.EvtQuery, "NoSuchChannelAtAll", win32evtlog.EvtQueryChannelPath)
    assert code == winerror.ERROR_EVT_CHANNEL_NOT_FOUND


@wine_lacks("EvtClearLog")
def test_an_unknown_channel_cannot_be_cleared() -> None:
    assert _code(win32evtlog.EvtClearLog, "NoSuchChannelAtAll") == (
        winerror.ERROR_EVT_CHANNEL_NOT_FOUND
    )


@wine_differs(STUB)
def test_a_query_outside_xpath_is_invalid() -> None:
    code = _code(win32evtlog.EvtQuery, "Application", win32evtlog.EvtQueryChannelPath, "*[[[")
    assert code == winerror.ERROR_EVT_INVALID_QUERY


@wine_differs(STUB)
def test_a_query_reads_forwards_or_backwards() -> None:
    both = win32evtlog.EvtQueryForwardDirection | win32evtlog.EvtQueryReverseDirection
    assert _code(win32evtlog.EvtQuery, "Application", both) == winerror.ERROR_INVALID_PARAMETER


@wine_differs(STUB)
def test_an_empty_result_set_gives_an_empty_tuple() -> None:
    query = win32evtlog.EvtQuery(
        "Application", win32evtlog.EvtQueryChannelPath, "*[System[EventID=65000]]"
    )
    assert win32evtlog.EvtNext(query, 5) == ()
    assert repr(query).startswith("<PyEVT_HANDLE:")


@wine_differs(NO_RECORDS)
def test_an_events_xml_is_a_classic_events() -> None:
    _report(0x40001002, ["Spooler", " now"], win32evtlog.EVENTLOG_WARNING_TYPE)
    query = win32evtlog.EvtQuery("Application", win32evtlog.EvtQueryReverseDirection, _mine())
    (event,) = win32evtlog.EvtNext(query, 1)
    xml = win32evtlog.EvtRender(event, win32evtlog.EvtRenderEventXml)
    assert xml.startswith(
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
        f"<Provider Name='{SOURCE}'/><EventID Qualifiers='16384'>4098</EventID>"
    )
    assert "<Level>3</Level>" in xml
    assert "<Channel>Application</Channel>" in xml
    assert xml.endswith("<EventData><Data>Spooler</Data><Data> now</Data></EventData></Event>")
    context = win32evtlog.EvtCreateRenderContext(win32evtlog.EvtRenderContextSystem)
    values = win32evtlog.EvtRender(event, win32evtlog.EvtRenderEventValues, Context=context)
    assert values[win32evtlog.EvtSystemProviderName] == (SOURCE, win32evtlog.EvtVarTypeString)
    assert values[win32evtlog.EvtSystemLevel] == (3, win32evtlog.EvtVarTypeByte)
    when, kind = values[win32evtlog.EvtSystemTimeCreated]
    assert kind == win32evtlog.EvtVarTypeFileTime
    assert when.year >= 2024
    bookmark = win32evtlog.EvtCreateBookmark()
    win32evtlog.EvtUpdateBookmark(bookmark, event)
    marked = win32evtlog.EvtRender(bookmark, win32evtlog.EvtRenderBookmark)
    assert marked.startswith("<BookmarkList>\r\n  <Bookmark Channel='Application' RecordId='")
    assert marked.endswith("' IsCurrent='true'/>\r\n</BookmarkList>")


@wine_lacks("EvtRender")
def test_a_new_bookmark_renders_empty() -> None:
    bookmark = win32evtlog.EvtCreateBookmark()
    assert win32evtlog.EvtRender(bookmark, win32evtlog.EvtRenderBookmark) == (
        "<BookmarkList>\r\n</BookmarkList>"
    )


@wine_lacks("EvtGetLogInfo")
def test_a_log_tells_its_records() -> None:
    log = win32evtlog.EvtOpenLog("Application", win32evtlog.EvtOpenChannelPath)
    count, kind = win32evtlog.EvtGetLogInfo(log, win32evtlog.EvtLogNumberOfLogRecords)
    log.Close()
    assert kind == win32evtlog.EvtVarTypeUInt64
    assert count >= 0
    assert _code(win32evtlog.EvtOpenLog, "Application", 0) == winerror.ERROR_INVALID_PARAMETER


@wine_differs(STUB)
def test_the_channels_include_the_classic_logs() -> None:
    channels = win32evtlog.EvtOpenChannelEnum()
    names = []
    while (name := win32evtlog.EvtNextChannelPath(channels)) is not None:
        names.append(name)
    assert {"Application", "System", "Security"} <= set(names)


@wine_lacks("EvtOpenPublisherMetadata")
def test_an_unknown_publisher_is_not_found() -> None:
    code = _code(win32evtlog.EvtOpenPublisherMetadata, "Apartment-No-Such-Publisher")
    assert code == winerror.ERROR_FILE_NOT_FOUND


@wine_differs(STUB)
def test_a_subscription_is_pulled_or_pushed() -> None:
    signal = win32event.CreateEvent(None, 0, 0, None)
    future = win32evtlog.EvtSubscribeToFutureEvents
    assert _code(win32evtlog.EvtSubscribe, "Application", future) == (
        winerror.ERROR_INVALID_PARAMETER
    )
    after = win32evtlog.EvtSubscribeStartAfterBookmark
    assert _code(win32evtlog.EvtSubscribe, "Application", after, SignalEvent=signal) == (
        winerror.ERROR_INVALID_PARAMETER
    )
    pull = win32evtlog.EvtSubscribe("Application", future, SignalEvent=signal, Query=_mine())
    assert win32evtlog.EvtNext(pull, 5) == ()
    pull.Close()
    signal.Close()


@pytest.fixture
def pushed() -> Iterator[dict[str, Any]]:
    state: dict[str, Any] = {"xml": [], "threads": set(), "lock": threading.Lock()}
    state["arrived"] = win32event.CreateEvent(None, 0, 0, None)
    yield state
    state["arrived"].Close()


@wine_differs(NO_RECORDS)
def test_pushed_events_come_on_another_thread(pushed: dict[str, Any]) -> None:
    def callback(reason: int, context: dict[str, Any], event: Any) -> int:
        assert reason == win32evtlog.EvtSubscribeActionDeliver
        with context["lock"]:
            context["xml"].append(win32evtlog.EvtRender(event, win32evtlog.EvtRenderEventXml))
            context["threads"].add(threading.get_ident())
        win32event.SetEvent(context["arrived"])
        return 0

    subscription = win32evtlog.EvtSubscribe(
        "Application", win32evtlog.EvtSubscribeToFutureEvents, Callback=callback,
        Context=pushed, Query=_mine(),
    )  # fmt: skip
    _report(1, ["pushed"])
    assert win32event.WaitForSingleObject(pushed["arrived"], WAIT_MS) == win32event.WAIT_OBJECT_0
    subscription.Close()
    with pushed["lock"]:
        assert len(pushed["xml"]) == 1
        assert "<Data>pushed</Data>" in pushed["xml"][0]
        assert threading.get_ident() not in pushed["threads"]


@wine_differs(NO_RECORDS)
def test_pulled_events_set_the_signal() -> None:
    signal = win32event.CreateEvent(None, 0, 0, None)
    pull = win32evtlog.EvtSubscribe(
        "Application", win32evtlog.EvtSubscribeToFutureEvents, SignalEvent=signal, Query=_mine()
    )
    _report(2, ["pulled"])
    assert win32event.WaitForSingleObject(signal, WAIT_MS) == win32event.WAIT_OBJECT_0
    (event,) = win32evtlog.EvtNext(pull, 5)
    assert "<Data>pulled</Data>" in win32evtlog.EvtRender(event, win32evtlog.EvtRenderEventXml)
    assert win32evtlog.EvtNext(pull, 5) == ()
    pull.Close()
    signal.Close()
