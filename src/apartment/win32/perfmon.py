"""pywin32's ``perfmon``: a service's own performance counters (the provider side).

On Windows a program lays its counters out in a named file mapping (``PerfMonManager``) that
pywin32's ``perfmondata.dll``, loaded by the performance library, reads for Performance
Monitor once ``lodctr`` has installed the counters' names. No performance library reads
such a mapping here, so the layout stays in the process: the counters keep their values
(``Increment``, ``Decrement``, ``Set``, ``Get``; 32-bit, wrapping as a DWORD does) for the
program, and ``LoadPerfCounterTextStrings`` / ``UnloadPerfCounterTextStrings`` accept their
command line and install nothing. ``Get`` is ValueError("The counter does not exist in a
counter block") for a counter laid out in a block, as pywin32 312 answers (its check is
inverted; for a counter in no block it reads a null pointer and crashes: ValueError here).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

__all__ = [
    "CounterDefinition",
    "LoadPerfCounterTextStrings",
    "ObjectType",
    "PerfMonManager",
    "UnloadPerfCounterTextStrings",
]

_lock = threading.Lock()  # guards every counter's value
_PERF_COUNTER_COUNTER = 272696320  # a rate: counts per second
_PERF_DETAIL_NOVICE = 100


def _command_line(value: object, name: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{name}: commandLine must be a str, not {type(value).__name__}")


def LoadPerfCounterTextStrings(commandLine: str, bQuiet: int = 0, /) -> None:
    """Install counter names from a ``lodctr`` command line: accepted, nothing reads them."""
    _command_line(commandLine, "LoadPerfCounterTextStrings")


def UnloadPerfCounterTextStrings(commandLine: str, bQuiet: int = 0, /) -> None:
    """Remove counter names (an ``unlodctr`` command line): accepted, none were installed."""
    _command_line(commandLine, "UnloadPerfCounterTextStrings")


class PyPERF_COUNTER_DEFINITION:  # noqa: N801 - pywin32's type name
    """One counter: its titles, type, scale and detail level, and its value once laid out."""

    def __init__(self, counterNameTitleIndex: int) -> None:
        self.CounterNameTitleIndex = counterNameTitleIndex
        self.CounterHelpTitleIndex = counterNameTitleIndex  # help follows the name by default
        self.CounterType = _PERF_COUNTER_COUNTER
        self.DefaultScale = 0
        self.DetailLevel = _PERF_DETAIL_NOVICE
        self._value: int | None = None  # None until a PerfMonManager lays the counter out

    def _change(self, update: int, *, to: bool = False) -> None:
        if not isinstance(update, int):
            raise TypeError(f"an integer is required, not {type(update).__name__}")
        with _lock:
            if self._value is not None:  # pywin32 ignores a counter outside a block
                self._value = (update if to else self._value + update) & 0xFFFFFFFF

    def Increment(self, incrBy: int = 1) -> None:
        """Add ``incrBy`` to the counter."""
        self._change(incrBy)

    def Decrement(self, decrBy: int = 1) -> None:
        """Subtract ``decrBy`` from the counter."""
        self._change(-decrBy if isinstance(decrBy, int) else decrBy)

    def Set(self, setTo: int) -> None:
        """Set the counter to ``setTo``."""
        self._change(setTo, to=True)

    def Get(self) -> int:
        """ValueError, as pywin32 312 answers (see the module's docstring)."""
        raise ValueError("The counter does not exist in a counter block")

    def _lay_out(self) -> None:
        with _lock:
            if self._value is None:
                self._value = 0


class PyPERF_OBJECT_TYPE:  # noqa: N801 - pywin32's type name
    """A performance object: its titles and its counters."""

    def __init__(self, counters: Sequence[PyPERF_COUNTER_DEFINITION]) -> None:
        self.ObjectNameTitleIndex = 0
        self.ObjectHelpTitleIndex = 0
        self.DefaultCounterIndex = 0
        self._counters: object = counters

    def Close(self) -> None:
        """Release the counters."""
        self._counters = None

    def _lay_out(self) -> None:
        if self._counters is None:
            raise RuntimeError("The object has not been initialised with any counters!")
        if not isinstance(self._counters, Sequence) or isinstance(self._counters, (str, bytes)):
            raise TypeError("The counters must be a sequence of PyPERF_COUNTER_DEFINITIONs")
        for counter in self._counters:
            if not isinstance(counter, PyPERF_COUNTER_DEFINITION):
                raise TypeError("The object is not a PyPERF_COUNTER_DEFINITION object")
            counter._lay_out()


class PyPerfMonManager:
    """A service's counter block: one object type, its counters laid out."""

    def __init__(self, objects: Sequence[PyPERF_OBJECT_TYPE]) -> None:
        if len(objects) != 1:
            raise ValueError("The sequence of PyPERF_OBJECT_TYPEs must have 1 item!")
        (only,) = objects
        if not isinstance(only, PyPERF_OBJECT_TYPE):
            raise TypeError("The object is not a PyPERF_OBJECT_TYPE object")
        only._lay_out()
        self._objects: tuple[PyPERF_OBJECT_TYPE, ...] | None = (only,)

    def Close(self) -> None:
        """Release the block."""
        self._objects = None


def CounterDefinition(counterNameTitleIndex: int, /) -> PyPERF_COUNTER_DEFINITION:
    """A new counter whose name is title ``counterNameTitleIndex``."""
    if not isinstance(counterNameTitleIndex, int):
        raise TypeError("an integer is required")
    return PyPERF_COUNTER_DEFINITION(counterNameTitleIndex)


def ObjectType(counters: Sequence[PyPERF_COUNTER_DEFINITION], /) -> PyPERF_OBJECT_TYPE:
    """A new performance object holding ``counters``."""
    return PyPERF_OBJECT_TYPE(counters)  # checked when a PerfMonManager lays it out


def PerfMonManager(
    serviceName: str,
    seqPerfObTypes: Sequence[PyPERF_OBJECT_TYPE],
    mappingName: str | None = None,
    eventSourceName: str | None = None,
    /,
) -> PyPerfMonManager:
    """Lay out one object type's counters for ``serviceName`` (in this process)."""
    for value, what in ((serviceName, "serviceName"), (mappingName, "mappingName")):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"PerfMonManager: {what} must be a str, not {type(value).__name__}")
    if serviceName is None:
        raise TypeError("PerfMonManager: serviceName must be a str, not None")
    return PyPerfMonManager(seqPerfObTypes)
