"""Which processors a process or thread may run on, and its working-set limits.

Affinity masks are Windows' bit masks over the processors (bit *n* is CPU *n*), applied to
Linux's scheduler (``sched_setaffinity``). Linux keeps a mask per thread, Windows per
process and thread: a process's mask is kept here (at first its main thread's), and setting
it sets every thread's, as Windows does. A thread started later takes its starter's mask
(Windows gives it the process's).

Working-set limits (SetProcessWorkingSetSize) are checked as Windows checks them and kept,
per process, but Linux has no working-set limit to apply them to.
"""

from __future__ import annotations

import os
import threading
import weakref
from typing import TYPE_CHECKING

from .._fork import OUTER, hold_across_fork
from ..errors import AccessDeniedError, InvalidParameterError
from ._core import KERNEL_LOCK
from ._process import PrimaryThread, ProcessHandle, current_process

if TYPE_CHECKING:
    from ._thread import ThreadHandle

__all__ = [
    "system_affinity",
    "process_affinity",
    "set_process_affinity",
    "set_thread_affinity",
    "working_set_limits",
    "set_working_set_limits",
    "DEFAULT_WORKING_SET",
    "TRIM_WORKING_SET",
]

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
DEFAULT_WORKING_SET = (50 * PAGE_SIZE, 345 * PAGE_SIZE)
"""Windows' default working-set limits: 50 pages minimum, 345 maximum."""
TRIM_WORKING_SET = 2**64 - 1
"""(SIZE_T)-1 as both limits: empty the working set, keeping the limits."""
_MIN_MAXIMUM = 13 * PAGE_SIZE  # the smallest maximum Windows takes


def _cpus_online() -> list[int]:
    try:
        with open("/sys/devices/system/cpu/online") as online:
            text = online.read().strip()
    except OSError:
        return list(range(os.cpu_count() or 1))
    cpus: list[int] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        cpus.extend(range(int(first), int(last or first) + 1))
    return cpus


def _mask(cpus: object) -> int:
    return sum(1 << cpu for cpu in cpus)  # type: ignore[attr-defined]


def _cpus(mask: int) -> set[int]:
    return {bit for bit in range(mask.bit_length()) if mask >> bit & 1}


def system_affinity() -> int:
    """The mask of every processor the system has online."""
    return _mask(_cpus_online())


def _ended(obj: ProcessHandle | ThreadHandle) -> bool:
    with KERNEL_LOCK:
        return obj._ready


class _Masks:
    """The masks set through this module, by process (weakly), for after it exits."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.last: weakref.WeakKeyDictionary[ProcessHandle, int] = weakref.WeakKeyDictionary()


_masks = _Masks()


def _process_mask(process: ProcessHandle) -> int | None:
    """The process's own mask, as Windows keeps one: the last set here, else None.

    This process's is what its main thread had when first asked, so that binding the main
    thread (SetThreadAffinityMask) does not narrow the process.
    """
    me = current_process()
    with _masks.lock:
        known = _masks.last.get(process)
        if known is None and process is me:
            known = _masks.last[me] = _mask(os.sched_getaffinity(me.pid))
        return known


def process_affinity(process: ProcessHandle) -> tuple[int, int]:
    """Return ``(process mask, system mask)`` (GetProcessAffinityMask).

    A process's mask is the last one set here, else its main thread's; an exited process
    keeps its last (else it reports the system's).
    """
    system = system_affinity()
    known = _process_mask(process)
    if known is not None:
        return known, system
    if not _ended(process):
        try:
            return _mask(os.sched_getaffinity(process.pid)), system
        except ProcessLookupError:
            pass
    return system, system


def _check(mask: int, allowed: int, what: str) -> None:
    if not isinstance(mask, int) or isinstance(mask, bool):
        raise TypeError(f"an affinity mask is an int, not {mask!r}")
    if mask <= 0 or mask & ~allowed:
        raise InvalidParameterError(
            f"{mask:#x} is not a mask of processors {what} ({allowed:#x}): at least one, "
            "and no other"
        )


def _apply(tid: int, mask: int) -> None:
    try:
        os.sched_setaffinity(tid, _cpus(mask))
    except ProcessLookupError:
        return  # it ended meanwhile: there is nothing left to bind
    except PermissionError:
        raise AccessDeniedError(f"thread {tid} belongs to another user") from None


def set_process_affinity(process: ProcessHandle, mask: int) -> None:
    """Bind every thread of ``process`` to the processors of ``mask`` (SetProcessAffinityMask).

    Raises:
        InvalidParameterError: ``mask`` is 0 or names a processor the system lacks.
        AccessDeniedError: the process has exited.
    """
    _check(mask, system_affinity(), "the system has")
    try:
        if _ended(process):
            raise FileNotFoundError
        tids = [int(tid) for tid in os.listdir(f"/proc/{process.pid}/task")]
    except FileNotFoundError:
        raise AccessDeniedError(f"{process!r} has exited: it runs on no processor") from None
    for tid in tids:
        _apply(tid, mask)
    with _masks.lock:
        _masks.last[process] = mask


def set_thread_affinity(thread: ThreadHandle | PrimaryThread, mask: int) -> int:
    """Bind ``thread`` to the processors of ``mask``; return its previous mask.

    The mask must be within the process's (SetThreadAffinityMask).

    Raises:
        InvalidParameterError: ``mask`` is 0 or names a processor outside the process's mask.
        AccessDeniedError: the thread has ended.
    """
    if isinstance(thread, PrimaryThread):
        tid, process_mask = thread.process.pid, process_affinity(thread.process)[0]
        ended = _ended(thread.process)
    else:
        tid, process_mask = thread.native_id, process_affinity(current_process())[0]
        ended = _ended(thread)
    _check(mask, process_mask, "of the process")
    try:
        if ended:
            raise ProcessLookupError
        previous = _mask(os.sched_getaffinity(tid))
    except ProcessLookupError:
        raise AccessDeniedError(f"{thread!r} has ended: it runs on no processor") from None
    _apply(tid, mask)
    return previous


class _Limits:
    """Working-set limits set so far, by process id."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.limits: dict[int, tuple[int, int]] = {}


_limits = _Limits()


def working_set_limits(process: ProcessHandle) -> tuple[int, int]:
    """Return ``(minimum, maximum)`` working-set size in bytes (GetProcessWorkingSetSize)."""
    with _limits.lock:
        return _limits.limits.get(process.pid, DEFAULT_WORKING_SET)


def set_working_set_limits(process: ProcessHandle, minimum: int, maximum: int) -> None:
    """Set the working-set limits, checked as Windows checks them (SetProcessWorkingSetSize).

    Both :data:`TRIM_WORKING_SET` asks to empty the working set and keeps the limits. They
    are kept and reported, not applied: Linux has no working-set limit.

    Raises:
        InvalidParameterError: a minimum of 0, a maximum under 13 pages, or a minimum above
            the maximum.
    """
    for limit in (minimum, maximum):
        if not isinstance(limit, int) or isinstance(limit, bool) or not 0 <= limit < 2**64:
            raise TypeError(f"a working-set limit is a size in bytes, not {limit!r}")
    if minimum == maximum == TRIM_WORKING_SET:
        return
    if minimum == 0 or maximum < _MIN_MAXIMUM or minimum > maximum:
        raise InvalidParameterError(
            f"working-set limits ({minimum}, {maximum}) are refused: the minimum must be over "
            f"0 and at most the maximum, the maximum at least {_MIN_MAXIMUM} bytes (13 pages)"
        )
    with _limits.lock:
        _limits.limits[process.pid] = (minimum, maximum)
