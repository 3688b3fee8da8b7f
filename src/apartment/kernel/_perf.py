r"""Performance counters (the PDH of Windows): queries of counters read from ``/proc``.

A counter is named by a path, ``[\\machine]\object[(parent/instance#index)]\counter``.
The objects and counters Linux can answer:

* ``Processor`` (instances ``_Total``, ``0``, ``1``, ...): ``% Processor Time``,
  ``% User Time``, ``% Privileged Time``, from the tick counts of ``/proc/stat``.
* ``Process`` (an instance per process, named by its program; a path names a repeated
  name's second process, by increasing pid, ``name#1``): ``ID Process``, ``% Processor Time``,
  ``Working Set``, ``Private Bytes``, ``Virtual Bytes``, ``Thread Count``, ``Handle Count``
  (open descriptors).
* ``Memory``: ``Available Bytes``, ``Committed Bytes``, from ``/proc/meminfo``.
* ``System``: ``Processes``, ``Threads``, ``Processor Queue Length``.

A rate counter (the ``%`` ones) compares two samples, as on Windows: before the second
:func:`collect` it has no valid value (PDH_INVALID_DATA). Queries and counters are named
by handles, small ints, as pywin32 gives them. Every call may run on any thread: a query's
samples are guarded by its lock, the handle tables by the module's.

A counter whose instance is a wildcard (``\Process(*)\ID Process``) reads every instance
there is at each sample: :func:`counter_array` gives (instance, value) items, a repeated
name as many times as it has processes, as PdhGetFormattedCounterArray does. The names
of objects and counters have the indices of Windows' English list (Perflib ``009``):
:func:`perf_name` and :func:`perf_index`. Only this machine is there: another machine's
name is PDH_CSTATUS_NO_MACHINE (:func:`check_machine`).
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import threading
import time
from dataclasses import dataclass, field

from ..errors import Win32Error
from ._procstat import read_stat
from ._sysinfo import computer_name

__all__ = [
    "PDH_CSTATUS_BAD_COUNTERNAME",
    "PDH_CSTATUS_NO_COUNTER",
    "PDH_CSTATUS_NO_INSTANCE",
    "PDH_CSTATUS_NO_MACHINE",
    "PDH_CSTATUS_NO_OBJECT",
    "PDH_DIALOG_CANCELLED",
    "PDH_FMT_1000",
    "PDH_FMT_DOUBLE",
    "PDH_FMT_LARGE",
    "PDH_FMT_LONG",
    "PDH_FMT_NOCAP100",
    "PDH_FMT_NOSCALE",
    "PDH_INVALID_ARGUMENT",
    "PDH_INVALID_DATA",
    "PDH_INVALID_HANDLE",
    "PDH_MAX_SCALE",
    "PDH_MIN_SCALE",
    "PDH_STRING_NOT_FOUND",
    "PERF_100NSEC_TIMER",
    "PERF_100NSEC_TIMER_INV",
    "PERF_COUNTER_LARGE_RAWCOUNT",
    "PERF_COUNTER_RAWCOUNT",
    "CounterPath",
    "add_counter",
    "check_machine",
    "close_query",
    "collect",
    "counter_array",
    "counter_info",
    "counter_value",
    "expand_path",
    "make_path",
    "object_items",
    "objects",
    "open_query",
    "parse_instance",
    "parse_path",
    "perf_index",
    "perf_name",
    "process_instances",
    "remove_counter",
    "set_scale",
    "validate_path",
]

# PDH status codes (pdhmsg.h), as signed ints as pywin32 reports them.
PDH_CSTATUS_NO_MACHINE = 0x800007D0 - (1 << 32)
PDH_CSTATUS_NO_INSTANCE = 0x800007D1 - (1 << 32)
PDH_DIALOG_CANCELLED = 0x800007D9 - (1 << 32)
PDH_CSTATUS_NO_OBJECT = 0xC0000BB8 - (1 << 32)
PDH_CSTATUS_NO_COUNTER = 0xC0000BB9 - (1 << 32)
PDH_INVALID_HANDLE = 0xC0000BBC - (1 << 32)
PDH_INVALID_ARGUMENT = 0xC0000BBD - (1 << 32)
PDH_CSTATUS_BAD_COUNTERNAME = 0xC0000BC0 - (1 << 32)
PDH_INVALID_DATA = 0xC0000BC6 - (1 << 32)
PDH_STRING_NOT_FOUND = 0xC0000BD4 - (1 << 32)

PDH_FMT_LONG = 0x100
PDH_FMT_DOUBLE = 0x200
PDH_FMT_LARGE = 0x400
PDH_FMT_NOSCALE = 0x1000
PDH_FMT_1000 = 0x2000
PDH_FMT_NOCAP100 = 0x8000
PDH_MAX_SCALE = 7
PDH_MIN_SCALE = -7

# Counter types (winperf.h): what the first item of a formatted value says.
PERF_COUNTER_RAWCOUNT = 0x00010000
PERF_COUNTER_LARGE_RAWCOUNT = 0x00010100
PERF_100NSEC_TIMER = 0x20510500
PERF_100NSEC_TIMER_INV = 0x25450500

_MESSAGES = {
    PDH_CSTATUS_NO_MACHINE: "Unable to connect to the specified computer.",
    PDH_DIALOG_CANCELLED: "The dialog box was canceled by the user.",
    PDH_STRING_NOT_FOUND: "The specified string is not found.",
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
        "Virtual Bytes": PERF_COUNTER_LARGE_RAWCOUNT,
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

# The indices of Windows' English names (HKLM\...\Perflib\009, "Counter"): the ones of the
# objects and counters above, with Windows' numbers (a name has one index however many
# objects have a counter of that name).
_ENGLISH: tuple[tuple[int, str], ...] = (
    (2, "System"),
    (4, "Memory"),
    (6, "% Processor Time"),
    (24, "Available Bytes"),
    (26, "Committed Bytes"),
    (44, "Processor Queue Length"),
    (142, "% User Time"),
    (144, "% Privileged Time"),
    (174, "Virtual Bytes"),
    (180, "Working Set"),
    (186, "Private Bytes"),
    (230, "Process"),
    (238, "Processor"),
    (248, "Processes"),
    (250, "Threads"),
    (680, "Thread Count"),
    (784, "ID Process"),
    (952, "Handle Count"),
)


def perf_name(index: int, machine: str | None = None) -> str:
    """The name of English index ``index`` (PdhLookupPerfNameByIndex); PDH_INVALID_ARGUMENT."""
    check_machine(machine)
    found = next((name for number, name in _ENGLISH if number == index), None)
    if found is None:
        raise _error(PDH_INVALID_ARGUMENT, f"no object or counter has index {index}")
    return found


def perf_index(name: str, machine: str | None = None) -> int:
    """The English index of a name, without case (PdhLookupPerfIndexByName).

    PDH_STRING_NOT_FOUND for a name there is not.
    """
    check_machine(machine)
    folded = name.casefold()
    found = next((number for number, known in _ENGLISH if known.casefold() == folded), None)
    if found is None:
        raise _error(PDH_STRING_NOT_FOUND, f"no object or counter is named {name!r}")
    return found


def _local_names() -> set[str]:
    host = socket.gethostname()
    names = {computer_name(), host, host.split(".")[0], "localhost", "127.0.0.1", "."}
    return {name.casefold() for name in names}


def check_machine(machine: str | None) -> None:
    r"""Check that ``machine`` (``None``, ``""``, a name, ``\\name``) is this one.

    PDH_CSTATUS_NO_MACHINE for another: the counters are this machine's /proc only.
    """
    if not machine:
        return
    bare = machine[2:] if machine.startswith("\\\\") else machine
    if bare.casefold() not in _local_names():
        raise _error(PDH_CSTATUS_NO_MACHINE, f"{machine!r} is not this machine")


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


_INSTANCE = re.compile(r"^(?:(?P<parent>[^/]*)/)?(?P<name>[^#]*)(?:#(?P<index>\d+))?$")


def parse_instance(text: str) -> tuple[str, str, int]:
    """Split an instance string, ``[parent/]name[#index]`` (PdhParseInstanceName).

    Returns (name, parent, index): ``""`` for no parent, 0 for no index.
    """
    match = _INSTANCE.match(text)
    if match is None:
        raise _error(PDH_INVALID_ARGUMENT, f"{text!r} is not an instance name")
    return match["name"], match["parent"] or "", int(match["index"] or 0)


def _resolve(path: str) -> tuple[CounterPath, str, str, int]:
    """Parse and check ``path``: (parts, object, counter, counter type), names as listed."""
    parts = parse_path(path)
    check_machine(parts.machine)
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
    if counter == "Virtual Bytes":
        return status.get("VmSize", 0)
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
_Items = list[tuple[str, _Sample | None]]
"""A wildcard counter's sample: (instance name, sample) in the order Windows lists them."""


def _is_wild(instance: str | None) -> bool:
    return instance is not None and "*" in instance


def _matcher(pattern: str) -> re.Pattern[str]:
    """The instance names ``pattern`` stands for: ``*`` is any text, without case."""
    return re.compile(".*".join(re.escape(part) for part in pattern.split("*")), re.I)


def _rate(kind: int, before: _Sample, after: _Sample, fmt: int) -> float:
    """The percent a rate counter had between two samples, capped at 100 unless NOCAP100."""
    (part0, total0), (part1, total1) = before, after
    span = total1 - total0
    if span <= 0:
        return 0.0  # no tick between the samples: nothing was measured
    share = 100.0 * (part1 - part0) / span
    percent = 100.0 - share if kind == PERF_100NSEC_TIMER_INV else share
    percent = max(percent, 0.0)
    return percent if fmt & PDH_FMT_NOCAP100 else min(percent, 100.0)


@dataclass(slots=True)
class _Counter:
    path: str
    parts: CounterPath
    obj: str
    name: str
    kind: int
    query: int
    samples: list[_Sample | None] = field(default_factory=list)
    arrays: list[_Items] = field(default_factory=list)
    scale: int = 0

    @property
    def wild(self) -> bool:
        return _is_wild(self.parts.instance)

    def take(self) -> None:
        """Read the counter now and keep the last two samples (its query's lock held)."""
        if self.wild:
            self.arrays = [*self.arrays[-1:], self.sample_all()]
        else:
            self.samples = [*self.samples[-1:], self.sample()]

    def sample(self) -> _Sample | None:
        """Read the counter now: (value,) for a raw count, (part, total) for a rate."""
        if self.obj == "Processor":
            return self._cpu_sample(_instance_name(self.parts) or "_Total")
        if self.obj == "Process":
            pid = _find_process(self.parts.instance or "", max(self.parts.index, 0))
            return None if pid is None else self._process(pid)
        if self.obj == "Memory":
            info = _meminfo()
            key = "MemAvailable" if self.name == "Available Bytes" else "Committed_AS"
            return (float(info.get(key, 0)),)
        return (_system_sample(self.name),)

    def sample_all(self) -> _Items:
        """Read every instance the wildcard matches: a Process item per pid, repeats kept."""
        matches = _matcher(self.parts.instance or "*").fullmatch
        if self.obj == "Processor":
            names = _instances("Processor")
            return [(name, self._cpu_sample(name)) for name in names if matches(name)]
        if self.obj == "Process":
            return [
                (name, self._process(pid)) for name, pid in process_instances() if matches(name)
            ]
        return []  # an object without instances has nothing a wildcard matches

    def _cpu_sample(self, cpu: str) -> _Sample | None:
        ticks = _cpu_ticks().get(cpu)
        if ticks is None:
            return None
        user, kernel, idle, total = ticks
        part = {"% User Time": user, "% Privileged Time": kernel}.get(self.name, idle)
        return (float(part), float(total))

    def _process(self, pid: int) -> _Sample | None:
        value = _process_sample(pid, self.name)
        if value is None:
            return None
        return (value, time.monotonic()) if self.kind in _RATES else (value,)

    def value(self, fmt: int) -> float:
        if self.wild:
            raise _error(PDH_INVALID_ARGUMENT, f"{self.path!r} has many values: ask for its array")
        last = self.samples[-1] if self.samples else None
        before = self.samples[-2] if len(self.samples) > 1 else None
        found = self._formatted(before, last, fmt)
        if found is None:
            raise _error(PDH_INVALID_DATA, f"{self.path!r} has no valid value yet")
        return found

    def items(self, fmt: int) -> list[tuple[str, float]]:
        """(instance, value) of each instance with a valid value (PdhGetFormattedCounterArray).

        A rate needs the instance in both of the last two samples (a process that started
        since has no value yet and is left out). PDH_INVALID_DATA before the first sample.
        """
        if not self.wild:
            name = _instance_name(self.parts) if self.parts.instance else ""
            return [(name, self.value(fmt))]
        if not self.arrays:
            raise _error(PDH_INVALID_DATA, f"{self.path!r} has no sample yet")
        last = self.arrays[-1]
        before: _Items = self.arrays[-2] if len(self.arrays) > 1 else []
        # The n-th process of a name is paired with the n-th of the sample before: an
        # instance is its name and index, as a path names it.
        earlier: dict[tuple[str, int], _Sample | None] = {}
        for key, sample in _keyed(before):
            earlier[key] = sample
        found = []
        for (name, _), (key, sample) in zip(last, _keyed(last), strict=True):
            value = self._formatted(earlier.get(key), sample, fmt)
            if value is not None:
                found.append((name, value))
        return found

    def _formatted(self, before: _Sample | None, last: _Sample | None, fmt: int) -> float | None:
        """The value from the last two samples, scaled; None when there is none."""
        if last is None:
            return None
        if self.kind in _RATES:
            if before is None:
                return None
            value = _rate(self.kind, before, last, fmt)
        else:
            value = last[0]
        if self.scale and not fmt & PDH_FMT_NOSCALE:
            value *= 10.0**self.scale
        return value


def _keyed(items: _Items) -> list[tuple[tuple[str, int], _Sample | None]]:
    """Items keyed by (folded name, index among the items of that name)."""
    seen: dict[str, int] = {}
    keyed = []
    for name, sample in items:
        folded = name.casefold()
        index = seen.get(folded, 0)
        seen[folded] = index + 1
        keyed.append(((folded, index), sample))
    return keyed


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
            counter.take()


def counter_value(handle: int, fmt: int) -> tuple[int, int | float]:
    """A counter's value from its query's last samples (PdhGetFormattedCounterValue).

    Returns (counter type, value): an int for PDH_FMT_LONG or PDH_FMT_LARGE, a float for
    PDH_FMT_DOUBLE; PDH_INVALID_DATA before the first sample (second for a rate), or when
    the instance is not there.
    """
    _check_format(fmt)
    counter = _counter(handle)
    query = _query(counter.query)
    with query.lock:
        value = counter.value(fmt)
    return counter.kind, _as_format(value, fmt)


def counter_array(handle: int, fmt: int) -> list[tuple[str, int | float]]:
    """The (instance, value) items of a counter (PdhGetFormattedCounterArray).

    A wildcard counter gives an item per instance its last sample found, in the order
    Windows lists them; a repeated name (two processes of one program) is given as many
    times, without an index, as Windows gives it. A counter of one instance gives one item
    (its instance, ``""`` for an object without instances). PDH_INVALID_DATA before the
    first sample, or for a one-instance counter without a valid value.
    """
    _check_format(fmt)
    counter = _counter(handle)
    query = _query(counter.query)
    with query.lock:
        items = counter.items(fmt)
    return [(name, _as_format(value, fmt)) for name, value in items]


def _check_format(fmt: int) -> None:
    if not fmt & (PDH_FMT_LONG | PDH_FMT_LARGE | PDH_FMT_DOUBLE):
        raise _error(PDH_INVALID_ARGUMENT, f"format {fmt:#x} asks for no LONG, LARGE or DOUBLE")


def _as_format(value: float, fmt: int) -> int | float:
    if fmt & PDH_FMT_1000:
        value *= 1000
    return float(value) if fmt & PDH_FMT_DOUBLE else int(value)


def set_scale(handle: int, factor: int) -> None:
    """Scale a counter's values by 10**factor (PdhSetCounterScaleFactor).

    ``factor`` is PDH_MIN_SCALE..PDH_MAX_SCALE, else PDH_INVALID_ARGUMENT; a value asked for
    with PDH_FMT_NOSCALE is not scaled. A rate is capped at 100 before it is scaled.
    """
    if not PDH_MIN_SCALE <= factor <= PDH_MAX_SCALE:
        raise _error(PDH_INVALID_ARGUMENT, f"scale {factor} is outside -7..7")
    counter = _counter(handle)
    query = _query(counter.query)
    with query.lock:
        counter.scale = factor


def counter_info(handle: int) -> tuple[int, str, int]:
    """(counter type, full path, scale) of a counter (part of PdhGetCounterInfo)."""
    counter = _counter(handle)
    query = _query(counter.query)
    with query.lock:
        scale = counter.scale
    return counter.kind, counter.path, scale
