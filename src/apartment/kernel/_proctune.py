"""Scheduler hints and shutdown order that Windows keeps per process and thread.

Priority boosts (Get/SetProcessPriorityBoost, Get/SetThreadPriorityBoost), a thread's ideal
processor (SetThreadIdealProcessor) and the process's shutdown level and flags
(Get/SetProcessShutdownParameters) are kept, checked and read back as Windows does; Linux's
scheduler has no counterpart to hand them to, so they change nothing in how threads run
(docs/differences-from-windows.md). A process's I/O counters (GetProcessIoCounters) come from
``/proc/PID/io``.
"""

from __future__ import annotations

import os
import threading
import weakref
from dataclasses import dataclass
from typing import NoReturn

from .._fork import OUTER, hold_across_fork
from ..errors import InvalidParameterError

__all__ = [
    "MAXIMUM_PROCESSORS",
    "SHUTDOWN_NORETRY",
    "DEFAULT_SHUTDOWN_LEVEL",
    "IoCounters",
    "priority_boost_disabled",
    "set_priority_boost_disabled",
    "thread_priority_boost_disabled",
    "set_thread_priority_boost_disabled",
    "set_ideal_processor",
    "shutdown_parameters",
    "set_shutdown_parameters",
    "io_counters",
    "exit_process",
]

MAXIMUM_PROCESSORS = 64
"""A 64-bit process's processors per group; as an ideal processor, "only tell me the current"."""
SHUTDOWN_NORETRY = 0x1
"""The one shutdown flag: end the process without asking the user to retry."""
DEFAULT_SHUTDOWN_LEVEL = 0x280
"""Every process's shutdown level until it sets one: the middle of the applications' range."""
_MAX_SHUTDOWN_LEVEL = 0x4FF  # the top of the system's reserved "first" range


class _State:
    """What this module keeps, under one lock: by process id, and by thread object (weakly)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.process_boost: dict[int, bool] = {}
        self.thread_boost: weakref.WeakKeyDictionary[object, bool] = weakref.WeakKeyDictionary()
        self.thread_process: weakref.WeakKeyDictionary[object, int] = weakref.WeakKeyDictionary()
        self.ideal: weakref.WeakKeyDictionary[object, int] = weakref.WeakKeyDictionary()
        self.shutdown = (DEFAULT_SHUTDOWN_LEVEL, 0)


_state = _State()


def _flag(value: object) -> bool:
    if not isinstance(value, int):
        raise TypeError(f"a boost switch is a bool or an int, not {type(value).__name__}")
    return bool(value)


def priority_boost_disabled(pid: int) -> bool:
    """Whether process ``pid``'s threads have dynamic boosts turned off (GetProcessPriorityBoost).

    False at first: Windows boosts a thread that wakes from a wait or gets input.
    """
    with _state.lock:
        return _state.process_boost.get(pid, False)


def set_priority_boost_disabled(pid: int, disabled: bool) -> None:
    """Turn boosts off (or on) for process ``pid`` and its threads (SetProcessPriorityBoost).

    As Windows does, it sets every thread the process has: those that set their own switch
    take the process's again.
    """
    value = _flag(disabled)
    with _state.lock:
        _state.process_boost[pid] = value
        for thread, owner in list(_state.thread_process.items()):
            if owner == pid:
                _state.thread_boost[thread] = value


def thread_priority_boost_disabled(thread: object, pid: int) -> bool:
    """Whether ``thread`` (of process ``pid``) has boosts turned off (GetThreadPriorityBoost).

    A thread that never set its switch has its process's.
    """
    with _state.lock:
        known = _state.thread_boost.get(thread)
        return _state.process_boost.get(pid, False) if known is None else known


def set_thread_priority_boost_disabled(thread: object, pid: int, disabled: bool) -> None:
    """Turn boosts off (or on) for ``thread`` of process ``pid`` (SetThreadPriorityBoost)."""
    value = _flag(disabled)
    with _state.lock:
        _state.thread_boost[thread] = value
        _state.thread_process[thread] = pid


def set_ideal_processor(thread: object, processor: int) -> int:
    """Set the processor ``thread`` prefers; return the one it preferred before.

    ``MAXIMUM_PROCESSORS`` only reads the current one (SetThreadIdealProcessor's rule). A
    thread prefers processor 0 until it sets one.

    Raises:
        TypeError: ``processor`` is not an int.
        InvalidParameterError: above MAXIMUM_PROCESSORS, or a processor the system lacks.
    """
    if isinstance(processor, bool) or not isinstance(processor, int):
        raise TypeError(f"a processor number is an int, not {type(processor).__name__}")
    if processor != MAXIMUM_PROCESSORS and not 0 <= processor < (os.cpu_count() or 1):
        raise InvalidParameterError(
            f"{processor} is no processor of this system: use 0 to {(os.cpu_count() or 1) - 1}, "
            f"or {MAXIMUM_PROCESSORS} (MAXIMUM_PROCESSORS) to read the current one"
        )
    with _state.lock:
        previous = _state.ideal.get(thread, 0)
        if processor != MAXIMUM_PROCESSORS:
            _state.ideal[thread] = processor
    return previous


def shutdown_parameters() -> tuple[int, int]:
    """Return this process's ``(level, flags)`` (GetProcessShutdownParameters): 0x280, 0 first."""
    with _state.lock:
        return _state.shutdown


def set_shutdown_parameters(level: int, flags: int) -> None:
    """Set this process's shutdown order and flags (SetProcessShutdownParameters).

    Levels run from 0 to 0x4FF (the system's and the applications' ranges); the one flag
    Windows defines is :data:`SHUTDOWN_NORETRY`, but others are kept as given, as Windows
    keeps them. Nothing shuts a Linux session down in this order: the values are kept for
    the process to read back.

    Raises:
        TypeError: not ints.
        InvalidParameterError: a level above 0x4FF.
    """
    for value in (level, flags):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"a shutdown level or flag is an int, not {type(value).__name__}")
    if not 0 <= level <= _MAX_SHUTDOWN_LEVEL:
        raise InvalidParameterError(
            f"shutdown level {level:#x} is refused: levels run from 0 to "
            f"{_MAX_SHUTDOWN_LEVEL:#x} (0x100 to 0x3FF for applications)"
        )
    with _state.lock:
        _state.shutdown = (level, flags)


@dataclass(frozen=True)
class IoCounters:
    """IO_COUNTERS: operations and bytes a process has read, written and done otherwise."""

    read_operations: int
    write_operations: int
    other_operations: int
    read_bytes: int
    write_bytes: int
    other_bytes: int


def io_counters(pid: int) -> IoCounters:
    """Return what process ``pid`` has read and written (GetProcessIoCounters).

    From ``/proc/PID/io``: its read and write system calls and the bytes they moved. Linux
    counts no "other" operations; those are 0. A process whose counters cannot be read
    (another user's, or gone) reports zeros, as a process that did no I/O.
    """
    fields: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/io") as io:
            for line in io:
                name, _, value = line.partition(":")
                fields[name.strip()] = int(value)
    except (OSError, ValueError):
        pass
    return IoCounters(
        read_operations=fields.get("syscr", 0),
        write_operations=fields.get("syscw", 0),
        other_operations=0,
        read_bytes=fields.get("rchar", 0),
        write_bytes=fields.get("wchar", 0),
        other_bytes=0,
    )


def exit_process(exit_code: int) -> NoReturn:
    """End this process at once with ``exit_code`` (ExitProcess).

    As ExitProcess, it runs none of the interpreter's clean-up: no ``finally`` blocks, no
    ``atexit`` handlers, no flush of Python's buffered output. Linux keeps the low 8 bits of
    the code for the processes that wait for this one.

    Raises:
        TypeError: ``exit_code`` is not an int.
    """
    if isinstance(exit_code, bool) or not isinstance(exit_code, int):
        raise TypeError(f"an exit code is an int, not {type(exit_code).__name__}")
    os._exit(exit_code & 0xFF)
