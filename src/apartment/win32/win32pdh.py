"""pywin32's ``win32pdh``: performance counters, over the kernel's ``perf`` (read from /proc).

Queries and counters are int handles, as pywin32 gives them; a failing call raises
``pywintypes.error`` with the PDH status (PDH_CSTATUS_NO_OBJECT, PDH_INVALID_DATA, ...).
The objects there are: Processor, Process, Memory, System (see ``apartment.kernel._perf``);
their names are English, so AddEnglishCounter is AddCounter. Only this machine is there
(another's name is PDH_CSTATUS_NO_MACHINE), and BrowseCounters' dialog has no user: it is
cancelled (PDH_DIALOG_CANCELLED) and its callback is not called.
"""

from __future__ import annotations

from ..errors import Win32Error
from ..kernel.lowlevel import perf as _perf
from ._adapt import api

__all__ = [
    "AddCounter", "AddEnglishCounter", "BrowseCounters", "CloseQuery", "CollectQueryData",
    "ConnectMachine", "EnumObjectItems", "EnumObjects", "ExpandCounterPath", "GetCounterInfo",
    "GetFormattedCounterArray", "GetFormattedCounterValue", "LookupPerfIndexByName",
    "LookupPerfNameByIndex", "MakeCounterPath", "OpenQuery", "ParseCounterPath",
    "ParseInstanceName", "RemoveCounter", "SetCounterScaleFactor", "ValidatePath",
    "PDH_FMT_1000", "PDH_FMT_ANSI", "PDH_FMT_DOUBLE", "PDH_FMT_LARGE", "PDH_FMT_LONG",
    "PDH_FMT_NOCAP100", "PDH_FMT_NODATA", "PDH_FMT_NOSCALE", "PDH_FMT_RAW", "PDH_FMT_UNICODE",
    "PDH_MAX_SCALE", "PDH_MIN_SCALE", "PDH_PATH_WBEM_INPUT", "PDH_PATH_WBEM_RESULT",
    "PDH_VERSION", "PERF_DETAIL_ADVANCED", "PERF_DETAIL_EXPERT", "PERF_DETAIL_NOVICE",
    "PERF_DETAIL_WIZARD", "counter_status_error", "error",
]  # fmt: skip

error = Win32Error


class counter_status_error(Exception):  # noqa: N801 - pywin32's name
    """pywin32's error for a counter whose status is bad; this facade raises ``error``."""


PDH_FMT_RAW = 0x10
PDH_FMT_ANSI = 0x20
PDH_FMT_UNICODE = 0x40
PDH_FMT_LONG = _perf.PDH_FMT_LONG
PDH_FMT_DOUBLE = _perf.PDH_FMT_DOUBLE
PDH_FMT_LARGE = _perf.PDH_FMT_LARGE
PDH_FMT_NOSCALE = _perf.PDH_FMT_NOSCALE
PDH_FMT_1000 = _perf.PDH_FMT_1000
PDH_FMT_NODATA = 0x4000
PDH_FMT_NOCAP100 = _perf.PDH_FMT_NOCAP100
PDH_MAX_SCALE = _perf.PDH_MAX_SCALE
PDH_MIN_SCALE = _perf.PDH_MIN_SCALE
PDH_PATH_WBEM_RESULT = 1
PDH_PATH_WBEM_INPUT = 2
PDH_VERSION = 0x503
PERF_DETAIL_NOVICE = 100
PERF_DETAIL_ADVANCED = 200
PERF_DETAIL_EXPERT = 300
PERF_DETAIL_WIZARD = 400


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a string, not {type(value).__name__}")
    return value


@api("OpenQuery")
def OpenQuery(DataSource: object = None, userData: int = 0, /) -> int:
    """Open a query: its handle (an int)."""
    return _perf.open_query()


@api("CloseQuery")
def CloseQuery(handle: int, /) -> None:
    """Close a query and its counters."""
    _perf.close_query(handle)


@api("AddCounter")
def AddCounter(hQuery: int, path: str, userData: int = 0, /) -> int:
    """Add the counter ``path`` names to a query: the counter's handle (an int)."""
    return _perf.add_counter(hQuery, _text(path, "path"))


@api("AddEnglishCounter")
def AddEnglishCounter(hQuery: int, path: str, userData: int = 0, /) -> int:
    """Add a counter named in English: AddCounter, the names being English here."""
    return _perf.add_counter(hQuery, _text(path, "path"))


@api("RemoveCounter")
def RemoveCounter(handle: int, /) -> None:
    """Remove a counter from its query."""
    _perf.remove_counter(handle)


@api("CollectQueryData")
def CollectQueryData(hQuery: int, /) -> None:
    """Take a sample of every counter of the query."""
    _perf.collect(hQuery)


@api("GetFormattedCounterValue")
def GetFormattedCounterValue(handle: int, format: int, /) -> tuple[int, int | float]:
    """(counter type, value) of the counter from its query's last samples."""
    return _perf.counter_value(handle, format)


@api("GetFormattedCounterArray")
def GetFormattedCounterArray(hCounter: int, format: int, /) -> dict[str, int | float]:
    """``{instance: value}`` of a (wildcard) counter from its query's last samples.

    A repeated instance name (two processes of one program) is one key, as with pywin32:
    the value of the last of them (in increasing pid).
    """
    return dict(_perf.counter_array(hCounter, format))


@api("SetCounterScaleFactor")
def SetCounterScaleFactor(hCounter: int, factor: int, /) -> None:
    """Scale the counter's values by 10**factor (-7..7); PDH_FMT_NOSCALE reads them unscaled."""
    _perf.set_scale(hCounter, factor)


@api("GetCounterInfo")
def GetCounterInfo(handle: int, bRetrieveExplainText: int = 0, /) -> tuple[object, ...]:
    """What a counter is, in pywin32's tuple.

    (type, version, scale, default scale, user data, query user data, full path,
    (machine, object, instance, parent, index, counter), explain text).
    """
    kind, path, scale = _perf.counter_info(handle)
    parts = _perf.parse_path(path)
    return (kind, PDH_VERSION, scale, 0, 0, 0, path, _elements(parts), None)


def _elements(parts: _perf.CounterPath) -> tuple[object, ...]:
    index = parts.index if parts.index >= 0 else 0
    return (parts.machine, parts.object, parts.instance, parts.parent, index, parts.counter)


@api("MakeCounterPath")
def MakeCounterPath(elements: tuple[object, ...], flags: int = 0, /) -> str:
    """Join (machine, object, instance, parent, index, counter) into a counter path."""
    machine, obj, instance, parent, index, counter = elements
    parts = _perf.CounterPath(
        None if machine is None else _text(machine, "machine"),
        _text(obj, "object"),
        None if instance is None else _text(instance, "instance"),
        None if parent is None else _text(parent, "parent"),
        int(index) & 0xFFFFFFFF if isinstance(index, int) else 0,
        _text(counter, "counter"),
    )
    return _perf.make_path(parts)


@api("ParseCounterPath")
def ParseCounterPath(path: str, flags: int = 0, /) -> tuple[object, ...]:
    """Split a counter path: (machine, object, instance, parent, index, counter)."""
    return _elements(_perf.parse_path(_text(path, "path")))


@api("ValidatePath")
def ValidatePath(path: str, /) -> int:
    """0 when ``path`` names a counter there is, else its PDH status code."""
    return _perf.validate_path(_text(path, "path"))


@api("EnumObjects")
def EnumObjects(
    DataSource: object, machine: object, detail: int = PERF_DETAIL_WIZARD, refresh: int = 0, /
) -> list[str]:
    """The performance objects there are."""
    return _perf.objects()


@api("EnumObjectItems")
def EnumObjectItems(
    DataSource: object, machine: object, object: str, detailLevel: int, flags: int = 0, /
) -> tuple[list[str], list[str]]:
    """(counters, instances) of a performance object."""
    return _perf.object_items(_text(object, "object"))


@api("ExpandCounterPath")
def ExpandCounterPath(wildCardPath: str, /) -> list[str]:
    """The counter paths a wildcard path (``*`` for the instance or counter) stands for."""
    return _perf.expand_path(_text(wildCardPath, "wildCardPath"))


@api("ParseInstanceName")
def ParseInstanceName(instanceName: str, /) -> tuple[str, str, int]:
    """Split an instance string ``[parent/]name[#index]``: (name, parent, index)."""
    return _perf.parse_instance(_text(instanceName, "instanceName"))


@api("LookupPerfNameByIndex")
def LookupPerfNameByIndex(machineName: str | None, index: int, /) -> str:
    """The name of an object or counter from its English index (6: ``% Processor Time``)."""
    return _perf.perf_name(index, _machine(machineName))


@api("LookupPerfIndexByName")
def LookupPerfIndexByName(machineName: str | None, instanceName: str, /) -> int:
    """The English index of an object or counter name (230: ``Process``)."""
    return _perf.perf_index(_text(instanceName, "instanceName"), _machine(machineName))


@api("ConnectMachine")
def ConnectMachine(machineName: str | None, /) -> str | None:
    """Connect to a machine: this one only (another is PDH_CSTATUS_NO_MACHINE); its name."""
    _perf.check_machine(_machine(machineName))
    return machineName


def _machine(value: object) -> str | None:
    return None if value is None else _text(value, "machineName")


@api("BrowseCounters")
def BrowseCounters(
    Flags: object,
    hWndOwner: int,
    CallBackFunction: object,
    DetailLevel: int,
    DialogBoxCaption: str | None = None,
    InitialPath: str | None = None,
    DataSource: object = None,
    ReturnMultiple: bool = False,
    CallBackArg: object = None,
) -> None:
    """Show the dialog that picks counters: no user is there to pick, so it is cancelled.

    Raises PDH_DIALOG_CANCELLED, as Windows when the user closes the dialog; the callback
    (which pywin32 calls on the dialog's thread with the chosen paths) is not called.
    """
    if not callable(CallBackFunction):
        raise TypeError("CallBackFunction must be callable")
    raise Win32Error(
        _perf.PDH_DIALOG_CANCELLED, "", "The dialog box was canceled by the user.",
        detail="no user is there to choose counters",
    )  # fmt: skip
