"""pywin32's ``win32pdhutil``: one-call helpers over :mod:`win32pdh` (a pure-Python module).

Written for this facade with pywin32's names and behaviour: each helper opens a query, adds
a counter, takes one sample and closes the query, so a rate counter (``% Processor Time``)
has no value here (PDH_INVALID_DATA), as with pywin32.
"""

from __future__ import annotations

from . import win32pdh

__all__ = [
    "FindPerformanceAttributesByName",
    "GetPerformanceAttributes",
    "ShowAllProcesses",
    "find_pdh_counter_localized_name",
]


def find_pdh_counter_localized_name(english_name: str, machine_name: str | None = None) -> str:
    """The counter or object name in the system's language: the English name itself here."""
    return english_name


def GetPerformanceAttributes(
    object: str,
    counter: str,
    instance: str | None = None,
    inum: int = -1,
    format: int = win32pdh.PDH_FMT_LONG,
    machine: str | None = None,
) -> int | float:
    """The value of one counter, from one sample (the type pywin32 drops)."""
    path = win32pdh.MakeCounterPath((machine, object, instance, None, inum, counter))
    query = win32pdh.OpenQuery()
    try:
        handle = win32pdh.AddCounter(query, path)
        try:
            win32pdh.CollectQueryData(query)
            return win32pdh.GetFormattedCounterValue(handle, format)[1]
        finally:
            win32pdh.RemoveCounter(handle)
    finally:
        win32pdh.CloseQuery(query)


def FindPerformanceAttributesByName(
    instanceName: str,
    object: str | None = None,
    counter: str | None = None,
    format: int = win32pdh.PDH_FMT_LONG,
    machine: str | None = None,
    bRefresh: int = 0,
) -> list[int | float]:
    """The values of a counter for every instance of a name: the ids of a program's processes.

    ``counter`` defaults to ``ID Process`` and ``object`` to ``Process``; the name is
    compared without case.
    """
    object = object or find_pdh_counter_localized_name("Process", machine)
    counter = counter or find_pdh_counter_localized_name("ID Process", machine)
    _, instances = win32pdh.EnumObjectItems(None, machine, object, win32pdh.PERF_DETAIL_WIZARD)
    wanted = instanceName.lower()
    count = sum(1 for name in instances if name.lower() == wanted)
    return [
        GetPerformanceAttributes(object, counter, instanceName, inum, format, machine)
        for inum in range(count)
    ]


def ShowAllProcesses() -> None:
    """Print each process's name and its raw Process counters, one line a process."""
    object = find_pdh_counter_localized_name("Process")
    counters, instances = win32pdh.EnumObjectItems(None, None, object, win32pdh.PERF_DETAIL_WIZARD)
    counters = [name for name in counters if not name.startswith("%")]
    print("Process Name", ",".join(counters))
    seen: dict[str, int] = {}
    for instance in instances:
        inum = seen.get(instance, 0)
        seen[instance] = inum + 1
        values = []
        for counter in counters:
            try:
                values.append(str(GetPerformanceAttributes(object, counter, instance, inum)))
            except win32pdh.error:
                values.append("-")
        print(instance, ",".join(values))
