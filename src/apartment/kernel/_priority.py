"""Thread priorities and process priority classes, as Windows keeps and checks them.

SetThreadPriority takes one of seven levels (or the background-mode switches, for the calling
thread only); SetPriorityClass one of six classes; anything else is ERROR_INVALID_PARAMETER.
The values are kept and read back as Windows does (a thread that has ended keeps its last
level), but nothing is handed to the Linux scheduler: raising a thread's priority needs
privileges there that no Windows program asks for (docs/differences-from-windows.md).
"""

from __future__ import annotations

import threading
import weakref

from .._fork import OUTER, hold_across_fork
from ..errors import (
    ERROR_THREAD_MODE_ALREADY_BACKGROUND,
    ERROR_THREAD_MODE_NOT_BACKGROUND,
    InvalidParameterError,
    Win32Error,
)

__all__ = [
    "THREAD_PRIORITY_IDLE",
    "THREAD_PRIORITY_LOWEST",
    "THREAD_PRIORITY_BELOW_NORMAL",
    "THREAD_PRIORITY_NORMAL",
    "THREAD_PRIORITY_ABOVE_NORMAL",
    "THREAD_PRIORITY_HIGHEST",
    "THREAD_PRIORITY_TIME_CRITICAL",
    "THREAD_MODE_BACKGROUND_BEGIN",
    "THREAD_MODE_BACKGROUND_END",
    "IDLE_PRIORITY_CLASS",
    "BELOW_NORMAL_PRIORITY_CLASS",
    "NORMAL_PRIORITY_CLASS",
    "ABOVE_NORMAL_PRIORITY_CLASS",
    "HIGH_PRIORITY_CLASS",
    "REALTIME_PRIORITY_CLASS",
    "thread_priority",
    "set_thread_priority",
    "priority_class",
    "set_priority_class",
]

THREAD_PRIORITY_IDLE = -15
THREAD_PRIORITY_LOWEST = -2
THREAD_PRIORITY_BELOW_NORMAL = -1
THREAD_PRIORITY_NORMAL = 0
THREAD_PRIORITY_ABOVE_NORMAL = 1
THREAD_PRIORITY_HIGHEST = 2
THREAD_PRIORITY_TIME_CRITICAL = 15
THREAD_MODE_BACKGROUND_BEGIN = 0x00010000
THREAD_MODE_BACKGROUND_END = 0x00020000

IDLE_PRIORITY_CLASS = 0x40
BELOW_NORMAL_PRIORITY_CLASS = 0x4000
NORMAL_PRIORITY_CLASS = 0x20
ABOVE_NORMAL_PRIORITY_CLASS = 0x8000
HIGH_PRIORITY_CLASS = 0x80
REALTIME_PRIORITY_CLASS = 0x100

_LEVELS = frozenset({-15, -2, -1, 0, 1, 2, 15})
_CLASSES = frozenset({0x40, 0x4000, 0x20, 0x8000, 0x80, 0x100})


class _Priorities:
    """Levels and classes set so far, by object (weakly: they go with their object)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.levels: weakref.WeakKeyDictionary[object, int] = weakref.WeakKeyDictionary()
        self.classes: dict[int, int] = {}  # by pid: every handle to a process sees one class
        self.background: weakref.WeakSet[object] = weakref.WeakSet()


_state = _Priorities()


def thread_priority(thread: object) -> int:
    """Return ``thread``'s priority level (GetThreadPriority): THREAD_PRIORITY_NORMAL at first."""
    with _state.lock:
        return _state.levels.get(thread, THREAD_PRIORITY_NORMAL)


def set_thread_priority(thread: object, level: int, *, current: bool) -> None:
    """Set ``thread``'s priority level (SetThreadPriority); ``current``: it is the caller.

    THREAD_MODE_BACKGROUND_BEGIN and _END switch the calling thread's background mode and
    leave its level as it is.

    Raises:
        TypeError: ``level`` is not an int.
        InvalidParameterError: not a level, or a background switch for another thread.
        Win32Error: ERROR_THREAD_MODE_ALREADY_BACKGROUND / _NOT_BACKGROUND.
    """
    if isinstance(level, bool) or not isinstance(level, int):
        raise TypeError(f"a priority level is an int, not {type(level).__name__}")
    if level in (THREAD_MODE_BACKGROUND_BEGIN, THREAD_MODE_BACKGROUND_END):
        if not current:
            raise InvalidParameterError("only the calling thread can switch its background mode")
        begin = level == THREAD_MODE_BACKGROUND_BEGIN
        with _state.lock:
            if begin == (thread in _state.background):
                code = (
                    ERROR_THREAD_MODE_ALREADY_BACKGROUND
                    if begin
                    else ERROR_THREAD_MODE_NOT_BACKGROUND
                )
                raise Win32Error.from_code(code, "switch background mode once each way")
            if begin:
                _state.background.add(thread)
            else:
                _state.background.discard(thread)
        return
    if level not in _LEVELS:
        raise InvalidParameterError(
            f"{level} is no thread priority level: use -15, -2, -1, 0, 1, 2 or 15 "
            "(THREAD_PRIORITY_IDLE ... THREAD_PRIORITY_TIME_CRITICAL)"
        )
    with _state.lock:
        _state.levels[thread] = level


def priority_class(pid: int) -> int:
    """Return process ``pid``'s priority class (GetPriorityClass): NORMAL at first."""
    with _state.lock:
        return _state.classes.get(pid, NORMAL_PRIORITY_CLASS)


def set_priority_class(pid: int, value: int) -> None:
    """Set process ``pid``'s priority class (SetPriorityClass), as this process sees it.

    Raises:
        TypeError: ``value`` is not an int.
        InvalidParameterError: not one of the six classes.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"a priority class is an int, not {type(value).__name__}")
    if value not in _CLASSES:
        raise InvalidParameterError(
            f"{value:#x} is no priority class: use IDLE, BELOW_NORMAL, NORMAL, ABOVE_NORMAL, "
            "HIGH or REALTIME_PRIORITY_CLASS"
        )
    with _state.lock:
        _state.classes[pid] = value
