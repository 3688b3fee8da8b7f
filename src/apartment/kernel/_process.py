"""Processes as kernel objects: this process, its children and any process of the user.

A process's handle is signaled when it exits, seen without polling by the reaper
(``_reaper``). Children are started by ``_spawn``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, final

from ..errors import (
    AccessDeniedError,
    InvalidParameterError,
    ModuleNotLoadedError,
    SuspendCountExceededError,
)
from ._core import KERNEL_LOCK, Waitable, Waiter, release_waiters, waiting, wake_all
from ._exitcodes import recorded_exit_code, signed_exit_code
from ._procstat import ProcStat, read_stat
from ._reaper import process_exists, reaper
from ._thread import MAXIMUM_SUSPEND_COUNT, STILL_ACTIVE, ThreadStatistics

if TYPE_CHECKING:
    import subprocess

    from ._threadstate import ThreadState

__all__ = [
    "ProcessHandle",
    "ProcessStatistics",
    "PrimaryThread",
    "current_process",
    "process_by_id",
    "open_process",
    "adopt_child",
    "module_handle",
    "PROGRAM_MODULE",
]


@dataclass(frozen=True, slots=True)
class ProcessStatistics:
    """A snapshot of a process object, for debugging and tests."""

    threads_waiting: int
    pid: int
    exit_code: int


@final
class ProcessHandle(Waitable, announced=True):
    """A process as a waitable kernel object; signaled when the process exits.

    Made by :func:`start_process` (a child) or :func:`current_process` (this process, which
    is never signaled while anyone can wait on it).
    """

    # The full query and set rights hold the limited ones (the handle table grants them)
    implied_rights: ClassVar[tuple[tuple[int, int], ...]] = ((0x0400, 0x1000), (0x0200, 0x2000))
    # What GENERIC_READ, _WRITE, _EXECUTE and _ALL stand for on a process (Windows' process type)
    generic_rights: ClassVar[tuple[int, int, int, int]] = (0x20410, 0x20BEA, 0x121001, 0x1FFFFF)

    __slots__ = (
        "_exit_code", "_exit_usage", "_exited_at", "_foreign", "_popen", "_terminate_code", "pid",
        "primary_thread",
    )  # fmt: skip

    def __init__(self, pid: int, popen: subprocess.Popen[bytes] | None) -> None:
        super().__init__()
        self.pid = pid
        self._popen = popen
        self._foreign = False  # opened by id (OpenProcess), neither this process nor a child
        self._exit_code = STILL_ACTIVE
        self._terminate_code: int | None = None
        self._exit_usage: ProcStat | None = None  # what /proc said just before it went
        self._exited_at: float | None = None  # wall clock, when its exit was seen
        self.primary_thread = PrimaryThread(self)

    def __repr__(self) -> str:
        state = "exited" if self._ready else "running"
        return f"<ProcessHandle pid={self.pid} {state}>"

    @property
    def exit_code(self) -> int:
        """The exit code, or STILL_ACTIVE (259) while the process runs."""
        with KERNEL_LOCK:
            return self._exit_code

    def terminate(self, exit_code: int) -> None:
        """End the process at once with ``exit_code`` (TerminateProcess).

        Any process of the user can be terminated. Its handles here report ``exit_code``
        (a DWORD, reported signed as pywin32 gives it: 0xFFFFFFFF reads -1); elsewhere a
        process that is not its parent sees it killed by SIGKILL (137).

        Raises:
            AccessDeniedError: the process has already exited, or it is this process.
        """
        with KERNEL_LOCK:
            if self._ready or (self._popen is None and not self._foreign):
                raise AccessDeniedError(f"{self!r} cannot be terminated: it has exited")
            self._terminate_code = signed_exit_code(exit_code)
        if self._popen is not None:
            self._popen.kill()
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)

    def wait_input_idle(self, timeout: float | None = None) -> bool:
        """Wait until the process waits for input with nothing pending (WaitForInputIdle).

        Returns True at once: a process here has no GUI input queue to become idle, and
        Windows returns at once for such a process too.
        """
        return True

    def statistics(self) -> ProcessStatistics:
        """Return the number of waiters, the pid and the exit code."""
        with KERNEL_LOCK:
            return ProcessStatistics(waiting(self), self.pid, self._exit_code)

    def _before_reap(self) -> None:
        """Keep what the exited process used while /proc still shows it (reaper thread)."""
        usage = read_stat(f"/proc/{self.pid}/stat")
        with KERNEL_LOCK:
            self._exited_at = time.time()
            if usage is not None and usage.zombie:
                self._exit_usage = usage

    def _reaped(self, returncode: int) -> None:
        """Record the exit seen by the reaper and release the waiters (reaper thread)."""
        woken: list[Waiter] = []
        wide = recorded_exit_code(self.pid, returncode) if 0 <= returncode <= 0xFF else returncode
        with KERNEL_LOCK:
            if self._exited_at is None:
                self._exited_at = time.time()
            if self._terminate_code is not None:
                code = self._terminate_code
            elif returncode < 0:  # killed by a signal: report 128 + signal, as shells do
                code = 128 - returncode
            else:
                code = wide  # a Python program's code wider than a byte (see _exitcodes)
            self._exit_code = code
            self._ready = True
            self.primary_thread._ready = True
            release_waiters(self, woken)
            release_waiters(self.primary_thread, woken)
        wake_all(woken)

    def _exited(self, code: int | None) -> None:
        """Record the exit of a process opened by id (reaper thread); None: code unknown."""
        self._before_reap()
        self._reaped(0 if code is None else code)

    # -- kernel-object protocol (kernel lock held) ------------------------------------------

    def _take(self, thread: ThreadState) -> bool:
        return False


@final
class PrimaryThread(Waitable):
    """The first thread of a child process, as CreateProcess returns it.

    Linux gives a process's first thread the process id as its thread id. It ends with the
    process; suspending it stops the whole child (SIGSTOP), resuming continues it (SIGCONT).
    """

    # The full query and set rights hold the limited ones (the handle table grants them)
    implied_rights: ClassVar[tuple[tuple[int, int], ...]] = ((0x0040, 0x0800), (0x0020, 0x0400))
    # What GENERIC_READ, _WRITE, _EXECUTE and _ALL stand for on a thread (Windows' thread type)
    generic_rights: ClassVar[tuple[int, int, int, int]] = (0x20048, 0x20437, 0x121800, 0x1FFFFF)

    __slots__ = ("_suspend_count", "process")

    def __init__(self, process: ProcessHandle) -> None:
        super().__init__()
        self.process = process
        self._suspend_count = 0

    def __repr__(self) -> str:
        return f"<PrimaryThread of pid {self.process.pid}>"

    @property
    def native_id(self) -> int:
        """The thread id, which Linux makes equal to the process id."""
        return self.process.pid

    @property
    def exit_code(self) -> int:
        """The process's exit code, or STILL_ACTIVE (259) while it runs."""
        return self.process.exit_code

    def suspend(self) -> int:
        """Stop the child (SIGSTOP) and return the previous suspend count."""
        with KERNEL_LOCK:
            previous = self._check_live()
            if previous >= MAXIMUM_SUSPEND_COUNT:
                raise SuspendCountExceededError(f"{self!r} is already suspended {previous} times")
            self._suspend_count = previous + 1
        if not previous:
            os.kill(self.process.pid, signal.SIGSTOP)
        return previous

    def resume(self) -> int:
        """Take one from the suspend count; at zero the child continues (SIGCONT)."""
        with KERNEL_LOCK:
            previous = self._suspend_count
            if previous:
                self._suspend_count = previous - 1
        if previous == 1 and not self.process._ready:
            os.kill(self.process.pid, signal.SIGCONT)
        return previous

    def statistics(self) -> ThreadStatistics:
        """Return the number of waiters, the id, the exit code and the suspend count."""
        with KERNEL_LOCK:
            return ThreadStatistics(
                waiting(self), self.process.pid, self.process._exit_code, self._suspend_count
            )

    def _check_live(self) -> int:
        if self.process._ready or self.process._popen is None:
            raise AccessDeniedError(f"{self!r} cannot be suspended: it is not a live child")
        return self._suspend_count

    # -- kernel-object protocol (kernel lock held) ------------------------------------------

    def _take(self, thread: ThreadState) -> bool:
        return False


_self: ProcessHandle | None = None
_children: weakref.WeakValueDictionary[int, ProcessHandle] = weakref.WeakValueDictionary()
_others: weakref.WeakValueDictionary[int, ProcessHandle] = weakref.WeakValueDictionary()


def adopt_child(popen: subprocess.Popen[bytes]) -> ProcessHandle:
    """Make the handle of a child just started, signaled when it exits."""
    process = ProcessHandle(popen.pid, popen)
    with KERNEL_LOCK:
        _children[process.pid] = process
    reaper.watch_child(popen, process._reaped, process._before_reap)
    return process


def current_process() -> ProcessHandle:
    """Return this process's handle (the target of the pseudo handle -1)."""
    global _self
    with KERNEL_LOCK:
        if _self is None or _self.pid != os.getpid():
            _self = ProcessHandle(os.getpid(), None)
        return _self


def process_by_id(pid: int) -> ProcessHandle | None:
    """Return this process's handle, or that of a child started here that is still known."""
    if pid == os.getpid():
        return current_process()
    with KERNEL_LOCK:
        return _children.get(pid)


def open_process(pid: int) -> ProcessHandle:
    """Return a handle to any running process of the user (OpenProcess), signaled at its exit.

    This process and its children have theirs already; any other process is watched through
    a pidfd, and its exit code is what the kernel still has of it when it exits. One that
    ended is found while a handle to it is open, as on Windows.

    Raises:
        InvalidParameterError: no such process (or 0, the idle process's id).
        AccessDeniedError: it belongs to another user.
    """
    if isinstance(pid, bool) or not isinstance(pid, int):
        raise TypeError(f"a process id must be an int, not {pid!r}")
    known = process_by_id(pid)
    if known is not None:
        return known
    with KERNEL_LOCK:
        other = _others.get(pid)
        ended = other is not None and other._ready
    # A process that ended is still there while something holds it (a handle): Windows keeps
    # its object and id until the last one closes, so OpenProcess of its id still opens it.
    # Here the id may run another process by now (Linux reuses it once the end is reaped).
    if other is not None and (not ended or not process_exists(pid)):
        return other
    if pid <= 0 or not process_exists(pid):
        raise InvalidParameterError(f"no process with id {pid} is running")
    owner = _owner_of(pid)
    if owner is not None and owner != os.getuid():
        raise AccessDeniedError(
            f"process {pid} belongs to user {owner}, not to you ({os.getuid()}); only your own "
            "processes can be opened"
        )
    try:
        pidfd: int | None = os.pidfd_open(pid)
    except ProcessLookupError:
        raise InvalidParameterError(f"no process with id {pid} is running") from None
    except (AttributeError, OSError):
        pidfd = None
    process = ProcessHandle(pid, None)
    process._foreign = True
    with KERNEL_LOCK:
        _others[pid] = process
    reaper.watch_pidfd(pid, pidfd, process._exited)
    return process


def _owner_of(pid: int) -> int | None:
    try:
        return os.stat(f"/proc/{pid}").st_uid
    except OSError:
        return None


PROGRAM_MODULE = 0x140000000
"""The module handle of the program (GetModuleHandle(NULL)): the address a 64-bit Windows
program is loaded at by default. Nothing is mapped there; it names the program."""


def module_handle(name: str | None = None) -> int:
    """Return the handle of a module loaded in this process (GetModuleHandle).

    The program is the one module here: None, or the program's file name (any case, with
    or without ``.exe``), gives :data:`PROGRAM_MODULE`, the ``hInstance`` a program passes
    to RegisterClass and CreateWindow.

    Raises:
        ModuleNotLoadedError: no module of that name is loaded (ERROR_MOD_NOT_FOUND).
    """
    if name is None:
        return PROGRAM_MODULE
    if not isinstance(name, str):
        raise TypeError(f"a module name is a str or None, not {name!r}")
    program = os.path.basename(sys.executable).lower()
    wanted = name.lower()
    if wanted in (program, program + ".exe") or wanted.removesuffix(".exe") == program:
        return PROGRAM_MODULE
    raise ModuleNotLoadedError(
        f"no module {name!r} is loaded here: only the program ({program}) is; pass None for it"
    )
