"""pywin32's ``win32pdhutil``: one-call helpers over :mod:`win32pdh` (a pure-Python module).

Written for this facade with pywin32 312's names and behaviour: each helper opens a query,
adds a counter, takes one sample and closes the query, so a rate counter (``% Processor
Time``) has no value from :func:`GetPerformanceAttributes` (PDH_INVALID_DATA), as with
pywin32. Names are looked up through :data:`counter_english_map` (English name, lower
case -> index), filled at the first call of :func:`find_pdh_counter_localized_name`; an
unknown English name is a KeyError there, as in pywin32. :func:`browse` shows the counter
dialog, which no user answers here (``win32pdh.BrowseCounters``).
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from . import win32pdh

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = [
    "BrowseCallBackDemo",
    "FindPerformanceAttributesByName",
    "GetPerformanceAttributes",
    "ShowAllProcesses",
    "browse",
    "counter_english_map",
    "error",
    "find_pdh_counter_localized_name",
]

error = win32pdh.error

counter_english_map: dict[str, int] = {}
"""English object and counter names, lower case, to their indices (Perflib ``009``)."""

_map_lock = threading.Lock()
_ENGLISH_INDICES = (2, 4, 6, 24, 26, 44, 142, 144, 174, 180, 186, 230, 238, 248, 250, 680, 784, 952)


def _fill_map() -> None:
    """Fill :data:`counter_english_map` once (any thread; the first caller fills it)."""
    with _map_lock:
        if counter_english_map:
            return
        for index in _ENGLISH_INDICES:
            counter_english_map[win32pdh.LookupPerfNameByIndex(None, index).lower()] = index


def find_pdh_counter_localized_name(english_name: str, machine_name: str | None = None) -> str:
    """The name of an English object or counter name in the machine's language.

    KeyError for a name not in :data:`counter_english_map`.
    """
    if not counter_english_map:
        _fill_map()
    return win32pdh.LookupPerfNameByIndex(machine_name, counter_english_map[english_name.lower()])


def GetPerformanceAttributes(
    object: str,
    counter: str,
    instance: str | None = None,
    inum: int = -1,
    format: int = win32pdh.PDH_FMT_LONG,
    machine: str | None = None,
) -> int | float:
    """The value of one counter, from one sample (the counter type is dropped)."""
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


def _counted(instances: Iterable[str]) -> dict[str, int]:
    """Each instance name and how many instances have it, in first-seen order."""
    counts: dict[str, int] = {}
    for instance in instances:
        counts[instance] = counts.get(instance, 0) + 1
    return counts


def FindPerformanceAttributesByName(
    instanceName: str,
    object: str | None = None,
    counter: str | None = None,
    format: int = win32pdh.PDH_FMT_LONG,
    machine: str | None = None,
    bRefresh: int = 0,
) -> list[int | float]:
    """The values of a counter for every instance of a name, compared without case.

    ``object`` defaults to ``Process`` and ``counter`` to ``ID Process``: the pids of a
    program's processes. ``bRefresh`` re-reads the objects first, as pywin32 does.
    """
    if object is None:
        object = find_pdh_counter_localized_name("Process", machine)
    if counter is None:
        counter = find_pdh_counter_localized_name("ID Process", machine)
    if bRefresh:
        win32pdh.EnumObjects(None, machine, 0, 1)
    wanted = instanceName.lower()
    _, instances = win32pdh.EnumObjectItems(None, None, object, -1)
    found: list[int | float] = []
    for instance, count in _counted(instances).items():
        if instance.lower() == wanted:
            for inum in range(count):
                found.append(
                    GetPerformanceAttributes(object, counter, instance, inum, format, machine)
                )
    return found


def ShowAllProcesses() -> None:
    """Print each process with its ``ID Process`` and first five Process counters.

    Two samples 10 ms apart, so the rates have values; a process that ends meanwhile
    raises ``error``, as with pywin32.
    """
    object = find_pdh_counter_localized_name("Process")
    items, instances = win32pdh.EnumObjectItems(None, None, object, win32pdh.PERF_DETAIL_WIZARD)
    items = [find_pdh_counter_localized_name("ID Process"), *items[:5]]
    print("Process Name", ",".join(items))
    for instance, count in _counted(instances).items():
        for inum in range(count):
            query = win32pdh.OpenQuery()
            try:
                handles = [
                    win32pdh.AddCounter(
                        query, win32pdh.MakeCounterPath((None, object, instance, None, inum, item))
                    )
                    for item in items
                ]
                win32pdh.CollectQueryData(query)
                time.sleep(0.01)
                win32pdh.CollectQueryData(query)
                print(f"{instance[:15]:<15}\t", end=" ")
                for handle in handles:
                    value = win32pdh.GetFormattedCounterValue(handle, win32pdh.PDH_FMT_LONG)[1]
                    print(f"{int(value):5d}", end=" ")
                print()
            finally:
                win32pdh.CloseQuery(query)


def BrowseCallBackDemo(counters: Iterable[str]) -> int:
    """The demo callback of :func:`browse`: print each chosen counter's value and parts."""
    for counter in counters:
        machine, object, instance, parent, index, name = win32pdh.ParseCounterPath(counter)
        inum = index if isinstance(index, int) else -1
        result = GetPerformanceAttributes(
            str(object),
            str(name),
            None if instance is None else str(instance),
            inum,
            win32pdh.PDH_FMT_DOUBLE,
            None if machine is None else str(machine),
        )
        print(f"Value of '{counter}' is", result)
        print(
            f"Added '{name}' on object '{object}' (machine {machine}), "
            f"instance {instance}({inum})-parent of {parent}"
        )
    return 0


def browse(
    callback: Callable[[list[str]], int] = BrowseCallBackDemo,
    title: str = "Python Browser",
    level: int = win32pdh.PERF_DETAIL_WIZARD,
) -> None:
    """Show the counter browser; its callback gets the chosen paths (no user chooses here)."""
    win32pdh.BrowseCounters(None, 0, callback, level, title, ReturnMultiple=True)
