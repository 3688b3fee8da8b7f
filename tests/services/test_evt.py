"""The Evt* API's core: queries (the XPath subset), rendering, bookmarks, logs, publishers."""

from __future__ import annotations

import datetime as dt
import os
import time
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apartment import services
from apartment.errors import (
    ERROR_EVT_CHANNEL_NOT_FOUND,
    ERROR_EVT_INVALID_QUERY,
    ERROR_EVT_MESSAGE_ID_NOT_FOUND,
    ERROR_EVT_MESSAGE_NOT_FOUND,
    ERROR_FILE_EXISTS,
    ERROR_FILE_NOT_FOUND,
    ERROR_INVALID_PARAMETER,
    ERROR_NO_MORE_ITEMS,
    ERROR_NOT_FOUND,
    Win32Error,
)
from apartment.registry import HKEY_CURRENT_USER, REG_SZ, create_key, key_of_handle
from apartment.services._eventlog import append_event

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

ERROR, WARNING, INFO = 1, 2, 4


@pytest.fixture(autouse=True)
def _own_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APARTMENT_EVENTLOG", str(tmp_path / "eventlog.jsonl"))
    monkeypatch.setenv("APARTMENT_USER_REGISTRY", str(tmp_path / "user-registry.sqlite3"))


def _write(n: int, log: str = "System") -> None:
    """n events: sources A/B in turn, types error, warning, information in turn, ids 1000+i."""
    for i in range(n):
        append_event(
            "AB"[i % 2], (ERROR, WARNING, INFO)[i % 3], 1000 + i, (f"insert {i}",), log=log,
            category=i % 2,
        )  # fmt: skip


def _numbers(query: services.EventQuery) -> list[int]:
    found: list[int] = []
    while True:
        try:
            found += [event.record.record_number for event in query.next(2)]
        except Win32Error as error:
            if error.winerror != ERROR_NO_MORE_ITEMS:
                raise
            return found


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (None, [1, 2, 3, 4, 5, 6]),
        ("*", [1, 2, 3, 4, 5, 6]),
        ("*[System[(Level=2 or Level=3)]]", [1, 2, 4, 5]),
        ("*[System[(Level=4)]]", [3, 6]),
        ("*[System[Level&lt;=3]]", [1, 2, 4, 5]),  # as Event Viewer's XML escapes it
        ("*[System[EventID=1002]]", [3]),
        ("*[System[(EventID=1000 or EventID=1005) and Level=2]]", [1]),
        ("*[System[Provider[@Name='A']]]", [1, 3, 5]),
        ('*[System[Provider[@Name="b"]]]', [2, 4, 6]),  # provider names ignore case
        ("*[System[Provider[@Name='A' or @Name='B'] and (Level=3)]]", [2, 5]),
        ("*[System[TimeCreated[timediff(@SystemTime) <= 86400000]]]", [1, 2, 3, 4, 5, 6]),
        ("*[System[TimeCreated[timediff(@SystemTime) >= 86400000]]]", []),
        ("*[System[TimeCreated[@SystemTime>='2000-01-01T00:00:00.000Z']]]", [1, 2, 3, 4, 5, 6]),
        ("*[System[Task=1]]", [2, 4, 6]),
        ("*[System[EventRecordID>4]]", [5, 6]),
        ("*[System[band(Keywords,36028797018963968)]]", [1, 2, 3, 4, 5, 6]),
        ("Event[System[Level=2]]", [1, 4]),
        ("*[EventData[Data='insert 2']]", [3]),
        ("*[EventData[Data='insert 2' or Data='insert 5']]", [3, 6]),
        ("*[System[Level=2] and EventData[Data!='insert 0']]", [4]),
        ("*[System[Channel='system' and Computer!='no-such-host']]", [1, 2, 3, 4, 5, 6]),
        ("*[System[Security[@UserID='S-1-5-18']]]", []),
        ("*[System[Level=2]] ", [1, 4]),
    ],
)
def test_event_viewer_queries_select_events(query: str | None, expected: list[int]) -> None:
    _write(6)
    assert _numbers(services.EventQuery("System", query)) == expected


@pytest.mark.parametrize(
    "query",
    [
        "garbage[[[",
        "*[System[Level=]]",
        "*[System[Nonsense=1]]",
        "*[EventData[Data<'x']]",
        "*[System[Channel>'x']]",
        "*[System[Provider[@Name=A]]]",
        "*[System[TimeCreated[@SystemTime>='yesterday']]]",
        "<QueryList><Query><Select Path='System'>*</Select>",
        "<NotAQueryList/>",
        "*[System[Level=2]] and more",
    ],
)
def test_other_queries_are_invalid(query: str) -> None:
    _write(1)
    with pytest.raises(Win32Error) as error:
        services.EventQuery("System", query)
    assert error.value.winerror == ERROR_EVT_INVALID_QUERY


def test_a_structured_query_selects_and_suppresses_across_channels() -> None:
    _write(3, "System")
    _write(3, "Application")
    query = (
        "<QueryList><Query Id='0'>"
        "<Select Path='System'>*[System[Level=2]]</Select>"
        "<Select Path='Application'>*</Select>"
        "<Suppress Path='Application'>*[System[Level=4]]</Suppress>"
        "</Query></QueryList>"
    )
    events = services.EventQuery(None, query).next(10)
    assert [(e.record.log, e.record.record_number) for e in events] == [
        ("System", 1), ("Application", 1), ("Application", 2),
    ]  # fmt: skip


def test_unknown_channels_are_not_found() -> None:
    with pytest.raises(Win32Error) as error:
        services.EventQuery("NoSuchChannel")
    assert error.value.winerror == ERROR_EVT_CHANNEL_NOT_FOUND
    _write(1)
    assert len(services.EventQuery("system").next(1)) == 1  # in any case


def test_reverse_queries_read_newest_first_and_next_checks_its_count() -> None:
    _write(4)
    query = services.EventQuery("System", reverse=True)
    assert _numbers(query) == [4, 3, 2, 1]
    with pytest.raises(ValueError, match="one event or more"):
        query.next(0)


def test_a_result_set_is_the_log_when_queried() -> None:
    _write(2)
    query = services.EventQuery("System")
    _write(1)
    assert _numbers(query) == [1, 2]


def test_seek_moves_from_first_last_current_and_a_bookmark() -> None:
    _write(5)
    query = services.EventQuery("System")
    query.seek(2, services.SEEK_FIRST)
    assert query.next(1)[0].record.record_number == 3
    query.seek(0, services.SEEK_LAST)
    assert query.next(1)[0].record.record_number == 5
    query.seek(-3, services.SEEK_CURRENT)
    assert query.next(1)[0].record.record_number == 3
    bookmark = services.Bookmark()
    bookmark.update(services.EventQuery("System").next(2)[1])  # record 2
    query.seek(1, services.SEEK_BOOKMARK, bookmark)
    assert query.next(1)[0].record.record_number == 3
    for offset, origin in [(-1, services.SEEK_FIRST), (1, services.SEEK_LAST), (0, 9)]:
        with pytest.raises(Win32Error) as error:
            query.seek(offset, origin)
        assert error.value.winerror == ERROR_INVALID_PARAMETER
    gone = services.Bookmark(
        "<BookmarkList><Bookmark Channel='System' RecordId='99'/></BookmarkList>"
    )
    with pytest.raises(Win32Error) as error:
        query.seek(0, services.SEEK_BOOKMARK, gone, strict=True)
    assert error.value.winerror == ERROR_NOT_FOUND


def test_the_xml_is_a_classic_events() -> None:
    append_event(
        "My <Source>", WARNING, 0xC0000007, ("a & b", "c"), log="System", category=3,
        data=b"\x01\xab", sid="S-1-5-21-1-2-3-1000",
    )  # fmt: skip
    (event,) = services.EventQuery("System").next(1)
    xml = services.render_xml(event.record)
    assert xml.startswith(
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
        "<Provider Name='My &lt;Source&gt;'/><EventID Qualifiers='49152'>7</EventID>"
        "<Level>3</Level><Task>3</Task><Keywords>0x80000000000000</Keywords>"
        "<TimeCreated SystemTime='"
    )
    assert xml.endswith(
        "Z'/><EventRecordID>1</EventRecordID><Channel>System</Channel>"
        f"<Computer>{event.record.computer}</Computer>"
        "<Security UserID='S-1-5-21-1-2-3-1000'/></System>"
        "<EventData><Data>a &amp; b</Data><Data>c</Data><Binary>01AB</Binary></EventData></Event>"
    )


def test_audit_events_have_level_0_and_their_keyword() -> None:
    append_event("S", 0x8, 1, (), log="Security")
    (event,) = services.EventQuery("Security").next(1)
    assert "<Level>0</Level><Task>0</Task><Keywords>0xa0000000000000</Keywords>" in (
        services.render_xml(event.record)
    )
    assert services.format_message(event.record, "keyword") == ["Audit Success", "Classic"]


def test_values_render_by_system_property_index() -> None:
    append_event("Src", ERROR, 0x40001002, ("Svc", ""), log="System")
    (event,) = services.EventQuery("System").next(1)
    values = services.RenderContext().render(event.record)
    assert len(values) == 18
    assert values[0] == ("Src", services.EvtVarType.STRING)
    assert values[1] == (None, services.EvtVarType.NULL)  # no provider GUID
    assert values[2:5] == [(0x1002, 6), (0x4000, 6), (2, 4)]
    assert values[8][1] == services.EvtVarType.FILETIME
    assert abs(values[8][0].timestamp() - time.time()) < 60  # type: ignore[attr-defined]
    assert values[8][0].tzinfo == dt.timezone.utc  # type: ignore[attr-defined]
    assert values[9] == (1, services.EvtVarType.UINT64)
    assert values[14] == ("System", services.EvtVarType.STRING)
    assert values[16] == (None, services.EvtVarType.NULL)  # no SID given
    assert services.RenderContext(user=True).render(event.record) == [("Svc", 1), ("", 1)]


def test_messages_come_from_the_message_table() -> None:
    append_event("PythonService", INFO, 0x40001002, ("Svc", " now"), log="System")
    append_event("Unknown", ERROR, 77, ("x",), log="System")
    known, unknown = (event.record for event in services.EventQuery("System").next(2))
    assert services.format_message(known, "event") == "The Svc service has started now."
    assert services.format_message(known, "level") == "Information"
    assert services.format_message(unknown, "level") == "Error"
    assert services.format_message(known, "task") == "None"
    assert services.format_message(known, "channel") == "System"
    assert services.format_message(known, "provider") == "PythonService"
    assert services.format_message(known, "opcode") == "Info"
    assert services.format_message(known, "xml") == services.render_xml(known)[:-8] + (
        "<RenderingInfo Culture='en-US'><Message>The Svc service has started now.</Message>"
        "<Level>Information</Level><Task></Task><Opcode>Info</Opcode><Channel></Channel>"
        "<Provider></Provider><Keywords><Keyword>Classic</Keyword></Keywords>"
        "</RenderingInfo></Event>"
    )
    assert "<Message>" not in str(services.format_message(unknown, "xml"))
    assert services.format_message(known, "id", 0x40001000) == "The %1 service is starting%2."
    for record, what, code in [
        (unknown, "event", ERROR_EVT_MESSAGE_NOT_FOUND),
        (known, "id", ERROR_EVT_MESSAGE_ID_NOT_FOUND),
    ]:
        with pytest.raises(Win32Error) as error:
            services.format_message(record, what)
        assert error.value.winerror == code


def test_bookmarks_round_trip_through_their_xml() -> None:
    _write(3)
    bookmark = services.Bookmark()
    assert bookmark.xml() == "<BookmarkList>\r\n</BookmarkList>"
    bookmark.update(services.EventQuery("System").next(3)[2])
    xml = bookmark.xml()
    assert xml == (
        "<BookmarkList>\r\n  <Bookmark Channel='System' RecordId='3' IsCurrent='true'/>\r\n"
        "</BookmarkList>"
    )
    assert services.Bookmark(xml).position("system") == 3
    for bad in [
        "<BookmarkList",
        "<Other/>",
        "<BookmarkList><Bookmark Channel='S'/></BookmarkList>",
    ]:
        with pytest.raises(Win32Error) as error:
            services.Bookmark(bad)
        assert error.value.winerror == ERROR_INVALID_PARAMETER


def test_log_info_clear_export_and_archive(tmp_path: Path) -> None:
    _write(3)
    info = services.LogInfo("System")
    assert info.property(5) == (3, services.EvtVarType.UINT64)
    assert info.property(6) == (1, services.EvtVarType.UINT64)
    assert info.property(7) == (False, services.EvtVarType.BOOLEAN)
    assert info.property(3)[0] == os.path.getsize(services.log_path("System"))
    assert info.property(2)[1] == services.EvtVarType.FILETIME
    with pytest.raises(Win32Error) as error:
        info.property(8)
    assert error.value.winerror == ERROR_INVALID_PARAMETER
    exported = str(tmp_path / "errors.evtx")
    assert services.export_log("System", exported, "*[System[Level=2]]") == 1
    with pytest.raises(Win32Error) as error:
        services.export_log("System", exported)
    assert error.value.winerror == ERROR_FILE_EXISTS
    services.archive_exported_log(exported)
    assert _numbers(services.EventQuery(exported, file=True)) == [1]
    assert services.LogInfo(exported, file=True).property(5)[0] == 1
    services.clear_channel("System", str(tmp_path / "backup.evtx"))
    assert services.LogInfo("System").property(5)[0] == 0
    assert _numbers(services.EventQuery(str(tmp_path / "backup.evtx"), file=True)) == [1, 2, 3]
    _write(1)
    assert _numbers(services.EventQuery("System")) == [4]  # the numbering goes on
    calls: list[Callable[[], object]] = [
        lambda: services.archive_exported_log(str(tmp_path / "none")),
        lambda: services.EventQuery(str(tmp_path / "none"), file=True),
        lambda: services.LogInfo(str(tmp_path / "none"), file=True),
    ]
    for call in calls:
        with pytest.raises(Win32Error) as error:
            call()
        assert error.value.winerror == ERROR_FILE_NOT_FOUND
    with pytest.raises(Win32Error) as error:
        services.clear_channel("NoSuchChannel")
    assert error.value.winerror == ERROR_EVT_CHANNEL_NOT_FOUND


def _read_all(enumeration: services.Enumeration) -> list[str]:
    found = []
    while True:
        try:
            found.append(enumeration.next())
        except Win32Error as error:
            if error.winerror != ERROR_NO_MORE_ITEMS:
                raise
            return found


def test_channels_and_registered_publishers() -> None:
    assert _read_all(services.channel_enum()) == ["Application", "System", "Security"]
    assert _read_all(services.publisher_enum()) == []
    root = key_of_handle(HKEY_CURRENT_USER)
    key, _ = create_key(root, "SYSTEM\\CurrentControlSet\\Services\\EventLog\\System\\MySource")
    key.set_value("EventMessageFile", REG_SZ, "C:\\my.dll")
    assert _read_all(services.publisher_enum()) == ["MySource"]
    metadata = services.PublisherMetadata.open("mysource")
    assert (metadata.name, metadata.log) == ("MySource", "System")
    assert metadata.property(3) == ("C:\\my.dll", services.EvtVarType.STRING)
    assert metadata.property(0) == (None, services.EvtVarType.NULL)
    with pytest.raises(Win32Error) as error:
        services.PublisherMetadata.open("Microsoft-Windows-Nothing")
    assert error.value.winerror == ERROR_FILE_NOT_FOUND


def test_bad_input_fails_at_the_door() -> None:
    with pytest.raises(TypeError):
        services.EventQuery(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        services.channel_name(None)
    with pytest.raises(TypeError):
        services.PublisherMetadata.open(b"x")  # type: ignore[arg-type]


_OPS = {"=": int.__eq__, "!=": int.__ne__, "<": int.__lt__, "<=": int.__le__, ">": int.__gt__}
_atoms = st.one_of(
    st.tuples(st.just("Level"), st.sampled_from(sorted(_OPS)), st.integers(0, 5)),
    st.tuples(st.just("EventID"), st.sampled_from(sorted(_OPS)), st.integers(999, 1006)),
    st.tuples(st.just("Task"), st.sampled_from(["=", "!="]), st.integers(0, 1)),
    st.tuples(st.just("Provider"), st.just("="), st.sampled_from(["A", "B", "C"])),
)
_trees = st.recursive(
    _atoms,
    lambda inner: st.tuples(st.sampled_from(["and", "or"]), inner, inner),
    max_leaves=6,
)


def _xpath(tree: tuple[Any, ...]) -> str:
    if tree[0] in ("and", "or"):
        return f"({_xpath(tree[1])} {tree[0]} {_xpath(tree[2])})"
    name, op, value = tree
    if name == "Provider":
        return f"Provider[@Name='{value}']"
    return f"{name}{op}{value}"


def _holds(tree: tuple[Any, ...], fields: dict[str, Any]) -> bool:
    if tree[0] == "and":
        return _holds(tree[1], fields) and _holds(tree[2], fields)
    if tree[0] == "or":
        return _holds(tree[1], fields) or _holds(tree[2], fields)
    name, op, value = tree
    if name == "Provider":
        return bool(fields["Provider"] == value)
    return bool(_OPS[op](fields[name], value))


@settings(max_examples=60)
@given(tree=_trees)
def test_combined_filters_select_what_they_say(tree: tuple[Any, ...]) -> None:
    records = services.read_events(log="System")  # the test's own log: written once
    if not records:
        _write(6)
        records = services.read_events(log="System")
    expected = [
        r.record_number
        for r in records
        if _holds(
            tree,
            {
                "Level": {ERROR: 2, WARNING: 3, INFO: 4}[r.event_type],
                "EventID": r.event_id,
                "Task": r.category,
                "Provider": r.source,
            },
        )
    ]
    assert _numbers(services.EventQuery("System", f"*[System[{_xpath(tree)}]]")) == expected
