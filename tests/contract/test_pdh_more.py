"""Contract: the rest of win32pdh and win32pdhutil, on the facade and on the real pywin32.

English indices (Windows' Perflib ``009`` list: 6 is ``% Processor Time``), wildcard counter
arrays (``{instance: value}``), instance names, the scale factor, the machine, the counter
dialog. Wine's pdh knows only ``\\Processor(_Total)\\% Processor Time`` and ``System Up
Time`` and lacks PdhGetFormattedCounterArray, PdhParseInstanceName and PdhConnectMachine,
whose calls abort the process: those tests are skipped on the oracle; the dialog waits for
a user there, so it is skipped too.
"""

import os

import pytest
import pywintypes
import win32pdh
import win32pdhutil

from ._processes import at_a_still_moment
from ._wine import ON_THE_ORACLE, wine_differs

PDH_CSTATUS_NO_MACHINE = 0x800007D0 - (1 << 32)
PDH_DIALOG_CANCELLED = 0x800007D9 - (1 << 32)
PDH_INVALID_ARGUMENT = 0xC0000BBD - (1 << 32)
PDH_INVALID_DATA = 0xC0000BC6 - (1 << 32)
PDH_STRING_NOT_FOUND = 0xC0000BD4 - (1 << 32)
CPU = r"\Processor(_Total)\% Processor Time"

aborts_on_wine = pytest.mark.skipif(ON_THE_ORACLE, reason="Wine's pdh aborts: unimplemented")


def _code(call: object, *args: object) -> tuple[int, str]:
    with pytest.raises(pywintypes.error) as raised:
        call(*args)  # type: ignore[operator]
    return raised.value.winerror, raised.value.funcname


def test_the_names_are_there() -> None:
    for name in (
        "AddEnglishCounter", "BrowseCounters", "ConnectMachine", "GetFormattedCounterArray",
        "LookupPerfIndexByName", "LookupPerfNameByIndex", "ParseInstanceName",
        "SetCounterScaleFactor",
    ):  # fmt: skip
        assert callable(getattr(win32pdh, name))
    for name in ("browse", "BrowseCallBackDemo", "ShowAllProcesses", "GetPerformanceAttributes"):
        assert callable(getattr(win32pdhutil, name))
    assert isinstance(win32pdhutil.counter_english_map, dict)
    assert win32pdhutil.error is win32pdh.error


def test_processor_time_index() -> None:
    assert win32pdh.LookupPerfNameByIndex(None, 6) == "% Processor Time"
    assert win32pdh.LookupPerfIndexByName(None, "% Processor Time") == 6


@wine_differs("Wine's list has only 6 and 674")
def test_object_and_counter_indices() -> None:
    names = {2: "System", 4: "Memory", 230: "Process", 238: "Processor", 784: "ID Process"}
    for index, name in names.items():
        assert win32pdh.LookupPerfNameByIndex(None, index) == name
        assert win32pdh.LookupPerfIndexByName(None, name) == index


def test_unknown_index_and_name() -> None:
    assert _code(win32pdh.LookupPerfNameByIndex, None, 99999) == (
        PDH_INVALID_ARGUMENT,
        "LookupPerfNameByIndex",
    )
    assert _code(win32pdh.LookupPerfIndexByName, None, "No Such Counter") == (
        PDH_STRING_NOT_FOUND,
        "LookupPerfIndexByName",
    )


def test_another_machine() -> None:
    assert _code(win32pdh.LookupPerfNameByIndex, "no-such-box", 6) == (
        PDH_CSTATUS_NO_MACHINE,
        "LookupPerfNameByIndex",
    )


@aborts_on_wine
def test_connect_machine() -> None:
    import win32api

    win32pdh.ConnectMachine(None)
    win32pdh.ConnectMachine(win32api.GetComputerName())
    assert _code(win32pdh.ConnectMachine, "no-such-box") == (
        PDH_CSTATUS_NO_MACHINE,
        "ConnectMachine",
    )


@aborts_on_wine
def test_parse_instance_name() -> None:
    assert win32pdh.ParseInstanceName("python") == ("python", "", 0)
    assert win32pdh.ParseInstanceName("python#2") == ("python", "", 2)
    assert win32pdh.ParseInstanceName("explorer/tab#3") == ("tab", "explorer", 3)


def test_english_counter_and_its_info() -> None:
    query = win32pdh.OpenQuery()
    try:
        counter = win32pdh.AddEnglishCounter(query, CPU)
        assert isinstance(counter, int)
        info = win32pdh.GetCounterInfo(counter, 0)
        assert len(info) == 9
        assert info[2] == 0
        assert win32pdh.SetCounterScaleFactor(counter, 2) is None
        assert win32pdh.GetCounterInfo(counter, 0)[2] == 2
        assert win32pdh.SetCounterScaleFactor(counter, win32pdh.PDH_MIN_SCALE) is None
        assert _code(win32pdh.SetCounterScaleFactor, counter, 8) == (
            PDH_INVALID_ARGUMENT,
            "SetCounterScaleFactor",
        )
        win32pdh.CollectQueryData(query)
        win32pdh.CollectQueryData(query)
        win32pdh.SetCounterScaleFactor(counter, 0)
        _, value = win32pdh.GetFormattedCounterValue(counter, win32pdh.PDH_FMT_LONG)
        assert 0 <= value <= 100
    finally:
        win32pdh.CloseQuery(query)


@aborts_on_wine
def test_processor_array() -> None:
    query = win32pdh.OpenQuery()
    try:
        counter = win32pdh.AddCounter(query, r"\Processor(*)\% Processor Time")
        win32pdh.CollectQueryData(query)
        win32pdh.CollectQueryData(query)
        values = win32pdh.GetFormattedCounterArray(counter, win32pdh.PDH_FMT_LONG)
        assert isinstance(values, dict)
        assert "_Total" in values
        assert "0" in values
        assert all(isinstance(v, int) and 0 <= v <= 100 for v in values.values())
    finally:
        win32pdh.CloseQuery(query)


@aborts_on_wine
def test_process_array_has_this_process() -> None:
    def names_of_this_process() -> list[str]:
        query = win32pdh.OpenQuery()
        try:
            counter = win32pdh.AddEnglishCounter(query, r"\Process(*)\ID Process")
            win32pdh.CollectQueryData(query)
            pids = win32pdh.GetFormattedCounterArray(counter, win32pdh.PDH_FMT_LONG)
            # A repeated name is one key (the last process of it): look for this one's name.
            return [name for name in pids if name and os.getpid() in _pids_named(name)]
        finally:
            win32pdh.CloseQuery(query)

    assert len(at_a_still_moment(names_of_this_process, lambda names: len(names) == 1)) == 1


def _pids_named(name: str) -> list[int]:
    return list(win32pdhutil.FindPerformanceAttributesByName(name))


def test_localized_name_of_an_unknown_name() -> None:
    with pytest.raises(KeyError):
        win32pdhutil.find_pdh_counter_localized_name("No Such Counter")


@wine_differs("Wine's English list has no Process")
def test_localized_names() -> None:
    assert win32pdhutil.find_pdh_counter_localized_name("Process") == "Process"
    assert win32pdhutil.find_pdh_counter_localized_name("id process") == "ID Process"
    assert win32pdhutil.counter_english_map["process"] == 230


@pytest.mark.skipif(ON_THE_ORACLE, reason="the dialog waits for a user under Wine")
def test_browse_without_a_user_is_cancelled() -> None:
    called: list[object] = []
    with pytest.raises(pywintypes.error) as raised:
        win32pdh.BrowseCounters(None, 0, called.append, win32pdh.PERF_DETAIL_WIZARD, "Pick")
    assert (raised.value.winerror, raised.value.funcname) == (
        PDH_DIALOG_CANCELLED,
        "BrowseCounters",
    )
    assert called == []


@aborts_on_wine
def test_browse_callback_demo_prints_the_value(capsys: pytest.CaptureFixture[str]) -> None:
    path = r"\Memory\Available Bytes"
    assert win32pdhutil.BrowseCallBackDemo([path]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"Value of '{path}' is ")
    assert float(lines[0].rsplit(" ", 1)[1]) > 0
    assert lines[1] == (
        "Added 'Available Bytes' on object 'Memory' (machine None), instance None(0)-parent of None"
    )


@aborts_on_wine
def test_show_all_processes_prints_a_header_and_a_line_per_process(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The header, then a line per process: name, tab, six numbers. A process that ends
    while it reads stops the listing with PDH_INVALID_DATA, as with pywin32 (the machine's
    other programs come and go): the lines printed until then are checked."""
    code = 0
    try:
        win32pdhutil.ShowAllProcesses()
    except pywintypes.error as error:
        code = error.winerror
    assert code in (0, PDH_INVALID_DATA)
    finished = code == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[0].split(" ", 2)
    assert header[:2] == ["Process", "Name"]
    assert header[2].split(",")[0] == "ID Process"
    assert len(header[2].split(",")) == 6
    complete = lines[1:] if finished else lines[1:-1]
    for line in complete:
        name, numbers = line.split("\t")
        assert len(name) == 15
        assert len(numbers.split()) == 6
        assert all(int(number) >= 0 for number in numbers.split())
    if finished:
        pids = [int(line.split("\t")[1].split()[0]) for line in complete]
        assert os.getpid() in pids
