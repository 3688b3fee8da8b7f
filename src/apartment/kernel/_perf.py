r"""Performance counters (the PDH of Windows): queries of counters read from ``/proc``.

A counter is named by a path, ``[\\machine]\object[(parent/instance#index)]\counter``.
The objects and counters Linux can answer:

* ``Processor`` (instances ``_Total``, ``0``, ``1``, ...): ``% Processor Time``,
  ``% User Time``, ``% Privileged Time``, from the tick counts of ``/proc/stat``.
* ``Process`` (an instance per process, named by its program; a path names a repeated
  name's second process, by increasing pid, ``name#1``): ``ID Process``, ``% Processor Time``,
  ``Working Set``, ``Private Bytes``, ``Thread Count``, ``Handle Count`` (open descriptors).
* ``Memory``: ``Available Bytes``, ``Committed Bytes``, from ``/proc/meminfo``.
* ``System``: ``Processes``, ``Threads``, ``Processor Queue Length``.

A rate counter (the ``%`` ones) compares two samples, as on Windows: before the second
:func:`collect` it has no valid value (PDH_INVALID_DATA). Queries and counters are named
by handles, small ints, as pywin32 gives them. Every call may run on any thread: a query's
samples are guarded by its lock, the handle tables by the module's.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
from dataclasses import dataclass, field

from ..errors import Win32Error
from ._procstat import read_stat

__all__ = [
    "PDH_CSTATUS_BAD_COUNTERNAME",
    "PDH_CSTATUS_NO_COUNTER",
    "PDH_CSTATUS_NO_INSTANCE",
    "PDH_CSTATUS_NO_OBJECT",
    "PDH_FMT_1000",
    "PDH_FMT_DOUBLE",
    "PDH_FMT_LARGE",
    "PDH_FMT_LONG",
    "PDH_FMT_NOCAP100",
    "PDH_INVALID_ARGUMENT",
    "PDH_INVALID_DATA",
    "PDH_INVALID_HANDLE",
    "PERF_100NSEC_TIMER",
    "PERF_100NSEC_TIMER_INV",
    "PERF_COUNTER_LARGE_RAWCOUNT",
    "PERF_COUNTER_RAWCOUNT",
    "CounterPath",
    "add_counter",
    "close_query",
    "collect",
    "counter_info",
    "counter_value",
    "expand_path",
    "make_path",
    "object_items",
    "objects",
    "open_query",
    "parse_path",
    "process_instances",
    "remove_counter",
    "validate_path",
]

# PDH status codes (pdhmsg.h), as signed ints as pywin32 reports them.
PDH_CSTATUS_NO_INSTANCE = 0x800007D1 - (1 << 32)
PDH_CSTATUS_NO_OBJECT = 0xC0000BB8 - (1 << 32)
PDH_CSTATUS_NO_COUNTER = 0xC0000BB9 - (1 << 32)
PDH_INVALID_HANDLE = 0xC0000BBC - (1 << 32)
PDH_INVALID_ARGUMENT = 0xC0000BBD - (1 << 32)
PDH_CSTATUS_BAD_COUNTERNAME = 0xC0000BC0 - (1 << 32)
PDH_INVALID_DATA = 0xC0000BC6 - (1 << 32)

PDH_FMT_LONG = 0x100
PDH_FMT_DOUBLE = 0x200
PDH_FMT_LARGE = 0x400
PDH_FMT_1000 = 0x2000
PDH_FMT_NOCAP100 = 0x8000

# Counter types (winperf.h): what the first item of a formatted value says.
PERF_COUNTER_RAWCOUNT = 0x00010000
PERF_COUNTER_LARGE_RAWCOUNT = 0x00010100
PERF_100NSEC_TIMER = 0x20510500
PERF_100NSEC_TIMER_INV = 0x25450500

_MESSAGES = {
    PDH_CSTATUS_NO_INSTANCE: "The specified instance is not present.",
    PDH_CSTATUS_NO_OBJECT: "The specified object is not found on the system.",
    PDH_CSTATUS_NO_COUNTER: "The specified counter could not be found.",
    PDH_INVALID_HANDLE: "The handle is not a valid PDH object.",
    PDH_INVALID_ARGUMENT: "A required argument is missing or incorrect.",
    PDH_CSTATUS_BAD_COUNTERNAME: "Unable to parse the counter path.",
    PDH_INVALID_DATA: "The data is not valid.",
}


def _error(code: int, detail: str) -> Win32Error:
    return Win32Error(code, "", _MESSAGES.get(code, ""), detail=detail)


# object -> counter -> type
_COUNTERS: dict[str, dict[str, int]] = {
    "Processor": {
        "% Processor Time": PERF_100NSEC_TIMER_INV,
        "% User Time": PERF_100NSEC_TIMER,
        "% Privileged Time": PERF_100NSEC_TIMER,
    },
    "Process": {
        "% Processor Time": PERF_100NSEC_TIMER,
        "ID Process": PERF_COUNTER_RAWCOUNT,
        "Working Set": PERF_COUNTER_LARGE_RAWCOUNT,
        "Private Bytes": PERF_COUNTER_LARGE_RAWCOUNT,
        "Thread Count": PERF_COUNTER_RAWCOUNT,
        "Handle Count": PERF_COUNTER_RAWCOUNT,
    },
    "Memory": {
        "Available Bytes": PERF_COUNTER_RAWCOUNT,
        "Committed Bytes": PERF_COUNTER_RAWCOUNT,
    },
    "System": {
        "Processes": PERF_COUNTER_RAWCOUNT,
        "Threads": PERF_COUNTER_RAWCOUNT,
        "Processor Queue Length": PERF_COUNTER_RAWCOUNT,
    },
}
_RATES = (PERF_100NSEC_TIMER, PERF_100NSEC_TIMER_INV)


def _lookup(table: dict[str, object], name: str) -> str | None:
    """The key of ``table`` that is ``name`` ignoring case (PDH names are caseless)."""
    folded = name.casefold()
    return next((key for key in table if key.casefold() == folded), None)


# --- paths -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CounterPath:
    """The parts of a counter path (PDH_COUNTER_PATH_ELEMENTS); index -1 when none."""

    machine: str | None
    object: str
    instance: str | None
    parent: str | None
    index: int
    counter: str


_PATH = re.compile(
    r"^(?:\\\\(?P<machine>[^\\]+))?\\(?P<object>[^\\(]+)"
    r"(?:\((?:(?P<parent>[^/)]*)/)?(?P<instance>[^)#]*)(?:#(?P<index>\d+))?\))?"
    r"\\(?P<counter>[^\\]+)$"
)


def parse_path(path: str) -> CounterPath:
    """Split a counter path into its parts (PdhParseCounterPath); PDH_CSTATUS_BAD_COUNTERNAME."""
    match = _PATH.match(path)
    if match is None:
        raise _error(PDH_CSTATUS_BAD_COUNTERNAME, f"{path!r} is not a counter path")
    index = match["index"]
    return CounterPath(
        match["machine"],
        match["object"],
        match["instance"],
        match["parent"],
        int(index) if index is not None else -1,
        match["counter"],
    )


def make_path(parts: CounterPath) -> str:
    """Join the parts of a counter path (PdhMakeCounterPath); an index 0 or -1 is left out."""
    text = f"\\\\{parts.machine}" if parts.machine else ""
    text += "\\" + parts.object
    if parts.instance:
        inner = f"{parts.parent}/{parts.instance}" if parts.parent else parts.instance
        if parts.index not in (0, -1, 0xFFFFFFFF):
            inner += f"#{parts.index}"
        text += f"({inner})"
    return text + "\\" + parts.counter


def _resolve(path: str) -> tuple[CounterPath, str, str, int]:
    """Parse and check ``path``: (parts, object, counter, counter type), names as listed."""
    parts = parse_path(path)
    obj = _lookup(dict(_COUNTERS), parts.object)
    if obj is None:
        raise _error(PDH_CSTATUS_NO_OBJECT, f"no performance object {parts.object!r}")
    counter = _lookup(dict(_COUNTERS[obj]), parts.counter)
    if counter is None:
        raise _error(PDH_CSTATUS_NO_COUNTER, f"object {obj!r} has no counter {parts.counter!r}")
    return parts, obj, counter, _COUNTERS[obj][counter]


def validate_path(path: str) -> int:
    """0 when ``path`` names a counter there is, else its PDH status code (PdhValidatePath)."""
    try:
        _resolve(path)
    except Win32Error as error:
        return error.winerror
    return 0


def objects() -> list[str]:
    """The performance objects there are (PdhEnumObjects)."""
    return list(_COUNTERS)


def object_items(name: str) -> tuple[list[str], list[str]]:
    """The counters and instances of object ``name`` (PdhEnumObjectItems)."""
    obj = _lookup(dict(_COUNTERS), name)
    if obj is None:
        raise _error(PDH_CSTATUS_NO_OBJECT, f"no performance object {name!r}")
    return list(_COUNTERS[obj]), _instances(obj)


def _instances(obj: str) -> list[str]:
    if obj == "Processor":
        return [*(str(cpu) for cpu in sorted(_cpu_ticks()) if cpu != "_Total"), "_Total"]
    if obj == "Process":
        return [name for name, _ in process_instances()]
    return []


def expand_path(path: str) -> list[str]:
    """The paths a wildcard path (``*`` for the instance or counter) stands for."""
    parts = parse_path(path)
    obj = _lookup(dict(_COUNTERS), parts.object)
    if obj is None:
        return []
    counters = list(_COUNTERS[obj]) if parts.counter == "*" else [parts.counter]
    counters = [name for name in counters if _lookup(dict(_COUNTERS[obj]), name)]
    if parts.instance == "*":
        instances: list[str | None] = list(_numbered(_instances(obj)))
    else:
        instances = [None if parts.instance is None else _instance_name(parts)]
    return [
        make_path(CounterPath(parts.machine, obj, instance, None, -1, counter))
        for instance in instances
        for counter in counters
    ]


def _numbered(names: list[str]) -> list[str]:
    """Instance names with repeats told apart: ``name``, ``name#1``, ``name#2``."""
    seen: dict[str, int] = {}
    numbered = []
    for name in names:
        count = seen.get(name.casefold(), 0)
        seen[name.casefold()] = count + 1
        numbered.append(f"{name}#{count}" if count else name)
    return numbered


def _instance_name(parts: CounterPath) -> str:
    name = parts.instance or ""
    return f"{name}#{parts.index}" if parts.index > 0 else name


# --- reading /proc ----------------------------------------------------------------------


def _cpu_ticks() -> dict[str, tuple[int, int, int, int]]:
    """Per processor (and ``_Total``): (user, privileged, idle, total) ticks since boot."""
    found: dict[str, tuple[int, int, int, int]] = {}
    with open("/proc/stat", encoding="ascii") as stat:
        for line in stat:
            if not line.startswith("cpu"):
                continue
            name, *fields = line.split()
            user, nice, system, idle, iowait, irq, softirq, steal = (
                [int(value) for value in fields[:8]] + [0] * 8
            )[:8]
            key = "_Total" if name == "cpu" else name[3:]
            busy_kernel = system + irq + softirq
            total = user + nice + busy_kernel + idle + iowait + steal
            found[key] = (user + nice, busy_kernel, idle + iowait, total)
    return found


_INSTANCE_SAFE = str.maketrans("()/#\\", "[]___")
"""What Windows puts for the characters a counter path gives a meaning to, in an instance."""


def _comm(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as comm:
            return comm.read().rstrip("\n").translate(_INSTANCE_SAFE)
    except OSError:
        return None


def process_instances() -> list[tuple[str, int]]:
    """The Process instances: (instance name, pid) in increasing pid.

    A name is the program's (``/proc/PID/comm``); names repeat as Windows lists them, and a
    path tells the repeats apart by index: ``name#1`` is the second process of a name.
    """
    found: list[tuple[str, int]] = []
    for pid in sorted(int(name) for name in os.listdir("/proc") if name.isdigit()):
        name = _comm(pid)
        if name is not None:
            found.append((name, pid))
    return found


def _find_process(instance: str, index: int) -> int | None:
    """The pid of the ``index``-th process named ``instance`` (caseless), or None."""
    folded = instance.casefold()
    pids = [pid for name, pid in process_instances() if name.casefold() == folded]
    return pids[index] if index < len(pids) else None


def _meminfo() -> dict[str, int]:
    sizes: dict[str, int] = {}
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        for line in meminfo:
            name, _, rest = line.partition(":")
            parts = rest.split()
            if parts:
                sizes[name] = int(parts[0]) * (1024 if parts[-1] == "kB" else 1)
    return sizes


def _process_sample(pid: int, counter: str) -> float | None:
    """One sample of a Process counter: the raw value, or for a rate, CPU seconds spent."""
    if counter == "ID Process":
        return pid if os.path.exists(f"/proc/{pid}") else None
    stat = read_stat(f"/proc/{pid}/stat")
    if stat is None:
        return None
    if counter == "% Processor Time":
        return stat.user + stat.kernel
    if counter == "Thread Count":
        return stat.threads
    if counter == "Handle Count":
        try:
            return len(os.listdir(f"/proc/{pid}/fd"))
        except OSError:
            return 0
    status = _status(pid)
    if counter == "Working Set":
        return status.get("VmRSS", 0)
    return status.get("VmData", 0) + status.get("VmStk", 0)  # Private Bytes


def _status(pid: int) -> dict[str, int]:
    sizes: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8", errors="replace") as status:
            for line in status:
                name, _, rest = line.partition(":")
                parts = rest.split()
                if len(parts) == 2 and parts[1] == "kB":
                    sizes[name] = int(parts[0]) * 1024
    except OSError:
        pass
    return sizes


def _system_sample(counter: str) -> float:
    if counter == "Processor Queue Length":
        with open("/proc/stat", encoding="ascii") as stat:
            for line in stat:
                if line.startswith("procs_running"):
                    return max(int(line.split()[1]) - 1, 0)  # the reader is running
        return 0
    pids = [name for name in os.listdir("/proc") if name.isdigit()]
    if counter == "Processes":
        return len(pids)
    threads = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            threads += len(os.listdir(f"/proc/{pid}/task"))
    return threads


# --- queries -----------------------------------------------------------------------------

_Sample = tuple[float, ...]


@dataclass(slots=True)
class _Counter:
    path: str
    parts: CounterPath
    obj: str
    name: str
    kind: int
    query: int
    samples: list[_Sample | None] = field(default_factory=list)

    def sample(self) -> _Sample | None:
        """Read the counter now: (value,) for a raw count, (part, total) for a rate."""
        if self.obj == "Processor":
            ticks = _cpu_ticks().get(_instance_name(self.parts) or "_Total")
            if ticks is None:
                return None
            user, kernel, idle, total = ticks
            part = {"% User Time": user, "% Privileged Time": kernel}.get(self.name, idle)
            return (float(part), float(total))
        if self.obj == "Process":
            pid = _find_process(self.parts.instance or "", max(self.parts.index, 0))
            if pid is None:
                return None
            value = _process_sample(pid, self.name)
            if value is None:
                return None
            return (value, time.monotonic()) if self.kind in _RATES else (value,)
        if self.obj == "Memory":
            info = _meminfo()
            key = "MemAvailable" if self.name == "Available Bytes" else "Committed_AS"
            return (float(info.get(key, 0)),)
        return (_system_sample(self.name),)

    def value(self, fmt: int) -> float:
        if self.kind not in _RATES:
            last = self.samples[-1] if self.samples else None
            if last is None:
                raise _error(PDH_INVALID_DATA, f"{self.path!r} has no sample yet")
            return last[0]
        if len(self.samples) < 2 or self.samples[-1] is None or self.samples[-2] is None:
            raise _error(PDH_INVALID_DATA, f"{self.path!r} needs two samples to give a rate")
        (part0, total0), (part1, total1) = self.samples[-2], self.samples[-1]
        span = total1 - total0
        if span <= 0:
            return 0.0  # no tick between the samples: nothing was measured
        share = 100.0 * (part1 - part0) / span
        percent = 100.0 - share if self.kind == PERF_100NSEC_TIMER_INV else share
        percent = max(percent, 0.0)
        return percent if fmt & PDH_FMT_NOCAP100 else min(percent, 100.0)


@dataclass(slots=True)
class _Query:
    lock: threading.Lock = field(default_factory=threading.Lock)
    counters: list[int] = field(default_factory=list)


_lock = threading.Lock()
_queries: dict[int, _Query] = {}
_counters: dict[int, _Counter] = {}
_next = [0x10000]


def _new_handle() -> int:
    _next[0] += 8
    return _next[0]


def open_query() -> int:
    """Open a query (PdhOpenQuery): the handle of an empty set of counters."""
    with _lock:
        handle = _new_handle()
        _queries[handle] = _Query()
    return handle


def _query(handle: int) -> _Query:
    with _lock:
        query = _queries.get(handle)
    if query is None:
        raise _error(PDH_INVALID_HANDLE, f"{handle!r} is not an open query")
    return query


def close_query(handle: int) -> None:
    """Close a query and its counters (PdhCloseQuery); PDH_INVALID_HANDLE if not open."""
    with _lock:
        query = _queries.pop(handle, None)
        if query is None:
            raise _error(PDH_INVALID_HANDLE, f"{handle!r} is not an open query")
        for counter in query.counters:
            _counters.pop(counter, None)


def add_counter(query_handle: int, path: str) -> int:
    """Add the counter ``path`` names to a query (PdhAddCounter): the counter's handle.

    PDH_CSTATUS_NO_OBJECT or PDH_CSTATUS_NO_COUNTER for names there are not; an instance
    is looked for at each sample (a process may start later).
    """
    query = _query(query_handle)
    parts, obj, name, kind = _resolve(path)
    counter = _Counter(path, parts, obj, name, kind, query_handle)
    with _lock:
        if query_handle not in _queries:
            raise _error(PDH_INVALID_HANDLE, f"{query_handle!r} is not an open query")
        handle = _new_handle()
        _counters[handle] = counter
        query.counters.append(handle)
    return handle


def _counter(handle: int) -> _Counter:
    with _lock:
        counter = _counters.get(handle)
    if counter is None:
        raise _error(PDH_INVALID_HANDLE, f"{handle!r} is not a counter")
    return counter


def remove_counter(handle: int) -> None:
    """Remove a counter from its query (PdhRemoveCounter); PDH_INVALID_HANDLE if not there."""
    with _lock:
        counter = _counters.pop(handle, None)
        if counter is None:
            raise _error(PDH_INVALID_HANDLE, f"{handle!r} is not a counter")
        query = _queries.get(counter.query)
        if query is not None and handle in query.counters:
            query.counters.remove(handle)


def collect(query_handle: int) -> None:
    """Take a sample of every counter of a query (PdhCollectQueryData)."""
    query = _query(query_handle)
    with _lock:
        counters = [_counters[handle] for handle in query.counters if handle in _counters]
    with query.lock:
        for counter in counters:
            counter.samples = [*counter.samples[-1:], counter.sample()]


def counter_value(handle: int, fmt: int) -> tuple[int, int | float]:
    """A counter's value from its query's last samples (PdhGetFormattedCounterValue).

    Returns (counter type, value): an int for PDH_FMT_LONG or PDH_FMT_LARGE, a float for
    PDH_FMT_DOUBLE; PDH_INVALID_DATA before the first sample (second for a rate), or when
    the instance is not there.
    """
    counter = _counter(handle)
    query = _query(counter.query)
    with query.lock:
        value = counter.value(fmt)
    if fmt & PDH_FMT_1000:
        value *= 1000
    if fmt & PDH_FMT_DOUBLE:
        return counter.kind, float(value)
    if fmt & (PDH_FMT_LONG | PDH_FMT_LARGE):
        return counter.kind, int(value)
    raise _error(PDH_INVALID_ARGUMENT, f"format {fmt:#x} asks for no LONG, LARGE or DOUBLE")


def counter_info(handle: int) -> tuple[int, str]:
    """(counter type, full path) of a counter (part of PdhGetCounterInfo)."""
    counter = _counter(handle)
    return counter.kind, counter.path
