"""WMI's pure parts: the WQL subset, object paths, and values as scripting shows them."""

from __future__ import annotations

import datetime as dt
import os
import sys

import pytest

from apartment import services
from apartment.services._wmi_classes import (
    PropDef,
    cim_datetime,
    find_class,
    read_path,
    rel_path,
    scripting_value,
)
from apartment.services._wmi_query import QueryError, matches, parse

ROW = {"name": "Python.EXE", "processid": 42, "size": "1234567890123", "comment": None,
       "enabled": True, "ratio": 2.5}  # fmt: skip


def _where(text: str) -> bool:
    return matches(parse(f"SELECT * FROM X WHERE {text}").where, ROW)


def test_select_lists_the_class_and_properties_in_any_case() -> None:
    query = parse("select Name , ProcessId from Win32_Process")
    assert (query.properties, query.class_name, query.where) == (
        ("Name", "ProcessId"), "Win32_Process", None,
    )  # fmt: skip
    assert parse("SELECT * FROM Win32_Process").properties is None


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("Name = 'python.exe'", True),  # strings compare without regard to case
        ('Name = "PYTHON.EXE"', True),
        ("Name <> 'python.exe'", False),
        ("Name != 'other'", True),
        ("ProcessId = 42", True),
        ("ProcessId > 41 AND ProcessId < 43", True),
        ("ProcessId >= 43", False),
        ("ProcessId <= 42", True),
        ("ProcessId = '42'", True),
        ("Size > 999999999999", True),  # a uint64 is a string: compared as a number
        ("Name LIKE 'py%'", True),
        ("Name LIKE 'p_thon.exe'", True),
        ("Name LIKE '%.ex'", False),
        ("Name LIKE '[pq]ython%'", True),
        ("Name LIKE '[^p]ython%'", False),
        ("Comment IS NULL", True),
        ("Comment IS NOT NULL", False),
        ("Name IS NOT NULL", True),
        ("Comment = 'x'", False),  # NULL compares false
        ("NOT Comment = 'x'", True),
        ("Enabled = TRUE", True),
        ("Enabled = FALSE", False),
        ("Ratio > 2.4", True),
        ("ProcessId = 1 OR ProcessId = 42 AND Name = 'nope'", False),  # AND binds first
        ("(ProcessId = 1 OR ProcessId = 42) AND Name = 'python.exe'", True),
        ("NOT (ProcessId = 1 OR Name = 'nope')", True),
        ("Name = 'it\\'s'", False),
    ],
)
def test_where_conditions(condition: str, expected: bool) -> None:
    assert _where(condition) is expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "SELECT",
        "SELECT FROM X",
        "SELECT * X",
        "SELECT * FROM",
        "SELECT * FROM X WHERE",
        "SELECT * FROM X WHERE Name",
        "SELECT * FROM X WHERE Name = ",
        "SELECT * FROM X WHERE (Name = 'a'",
        "SELECT * FROM X WHERE Name LIKE 3",
        "SELECT * FROM X WHERE Name IS 3",
        "SELECT * FROM X extra",
        "SELECT * FROM X WHERE Name = 'unterminated",
        "DELETE FROM X",
    ],
)
def test_malformed_queries_are_refused(text: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse(text)
    assert not caught.value.unsupported


@pytest.mark.parametrize(
    "text",
    [
        "ASSOCIATORS OF {Win32_Process.Handle='1'}",
        "REFERENCES OF {Win32_Process.Handle='1'}",
        "SELECT * FROM __InstanceCreationEvent WITHIN 1 WHERE TargetInstance ISA 'Win32_Process'",
        "SELECT * FROM Win32_Process WITHIN 5",
    ],
)
def test_associations_and_events_are_not_supported(text: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse(text)
    assert caught.value.unsupported


def test_a_condition_on_a_missing_property_is_refused() -> None:
    with pytest.raises(QueryError):
        matches(parse("SELECT * FROM X WHERE Bogus = 1").where, ROW)


def test_object_paths_read_and_write() -> None:
    assert read_path("Win32_Process") == ("Win32_Process", None)
    assert read_path("Win32_Process.Handle='12'") == ("Win32_Process", {"handle": "12"})
    assert read_path('Win32_Process.Handle="1\\"2"') == ("Win32_Process", {"handle": '1"2'})
    assert read_path("Win32_Process.Handle=12") == ("Win32_Process", {"handle": "12"})
    assert read_path('Win32_LogicalDisk="C:"') == ("Win32_LogicalDisk", {"": "C:"})
    assert read_path("Win32_Environment.Name='a', UserName=\"b\\\\c\"") == (
        "Win32_Environment", {"name": "a", "username": "b\\c"},
    )  # fmt: skip
    assert read_path("Win32_Singleton=@") == ("Win32_Singleton", {})
    for bad in ("", "3x", "Win32_Process:Handle=1", "Win32_Process.Handle"):
        with pytest.raises(ValueError, match=r"\S"):
            read_path(bad)
    environment, adapter = (
        find_class("win32_environment"),
        find_class("WIN32_NETWORKADAPTERCONFIGURATION"),
    )
    assert environment is not None and adapter is not None
    assert rel_path(environment, {"name": "a\\b", "username": "<SYSTEM>"}) == (
        'Win32_Environment.Name="a\\\\b",UserName="<SYSTEM>"'
    )
    assert rel_path(adapter, {"index": 4}) == "Win32_NetworkAdapterConfiguration.Index=4"


def test_scripting_values_have_wmis_types() -> None:
    assert scripting_value(PropDef("x", "uint64"), 12345678901234) == "12345678901234"
    assert scripting_value(PropDef("x", "sint64"), -3) == "-3"
    assert scripting_value(PropDef("x", "uint32"), 7) == 7
    assert scripting_value(PropDef("x", "boolean"), 1) is True
    assert scripting_value(PropDef("x", "string[]"), ("a", "b")) == ["a", "b"]
    assert scripting_value(PropDef("x", "uint64"), None) is None
    when = dt.datetime(2024, 2, 3, 4, 5, 6, 7, tzinfo=dt.timezone(dt.timedelta(minutes=-330)))
    assert cim_datetime(when) == "20240203040506.000007-330"
    utc = dt.datetime(2024, 2, 3, tzinfo=dt.timezone.utc)
    assert scripting_value(PropDef("x", "datetime"), utc) == "20240203000000.000000+000"


def test_win32_service_lists_the_managers_services() -> None:
    from apartment.services._wmi_sources import services as wmi_services

    manager = services.open_manager()
    name = f"WmiTestService{os.getpid()}"
    service = services.create_service(
        manager, name, "WMI test service", services.SERVICE_ALL_ACCESS,
        services.SERVICE_WIN32_OWN_PROCESS, services.SERVICE_DEMAND_START,
        services.SERVICE_ERROR_NORMAL, f'"{sys.executable}" -c pass',
    )  # fmt: skip
    try:
        found = [row for row in wmi_services() if row["Name"] == name]
        shown = [(r["DisplayName"], r["State"], r["StartMode"], r["Started"], r["ProcessId"])
                 for r in found]  # fmt: skip
        assert shown == [("WMI test service", "Stopped", "Manual", False, 0)]
    finally:
        services.delete_service(service)
        services.close_handle(service)
        services.close_handle(manager)
    assert [row for row in wmi_services() if row["Name"] == name] == []
