"""Processes as kernel objects: a child process, signaled when it exits.

Exit is seen without polling: one reaper thread blocks on the pidfds of every child (Linux
5.3 and later); where pidfds are missing, a thread per child blocks in ``waitpid``.
"""

from __future__ import annotations

import errno
import os
import selectors
import shlex
import signal
import subprocess
import sys
import threading
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, final

from .._fork import SERVICES, TABLE, after_fork_in_child, hold_across_fork
from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_BAD_EXE_FORMAT,
    ERROR_FILE_NOT_FOUND,
    AccessDeniedError,
    InvalidParameterError,
    ModuleNotLoadedError,
    NotSupportedError,
    SuspendCountExceededError,
    Win32Error,
)
from ._core import KERNEL_LOCK, Waitable, Waiter, release_waiters, waiting, wake_all
from ._thread import MAXIMUM_SUSPEND_COUNT, STILL_ACTIVE

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ._threadstate import ThreadState

__all__ = [
    "PROGRAM_MODULE",
    "ProcessHandle",
    "ProcessStatistics",
    "current_process",
    "start_process",
    "create_process",
    "module_handle",
]


@dataclass(frozen=True, slots=True)
class ProcessStatistics:
    """A snapshot of a process object, for debugging and tests."""

    threads_waiting: int
    pid: int
    exit_code: int


@final
class ProcessHandle(Waitable):
    """A process as a waitable kernel object; signaled when the process exits.

    Made by :func:`start_process` (a child) or :func:`current_process` (this process, which
    is never signaled while anyone can wait on it).
    """

    __slots__ = ("_exit_code", "_popen", "_terminate_code", "pid", "primary_thread")

    def __init__(self, pid: int, popen: subprocess.Popen[bytes] | None) -> None:
        super().__init__()
        self.pid = pid
        self._popen = popen
        self._exit_code = STILL_ACTIVE
        self._terminate_code: int | None = None
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

        Raises:
            AccessDeniedError: the process has already exited, or it is this process.
        """
        with KERNEL_LOCK:
            if self._ready or self._popen is None:
                raise AccessDeniedError(f"{self!r} cannot be terminated: it is not a live child")
            self._terminate_code = exit_code
        self._popen.kill()

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

    def _reaped(self, returncode: int) -> None:
        """Record the exit seen by the reaper and release the waiters (reaper thread)."""
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            if self._terminate_code is not None:
                code = self._terminate_code
            elif returncode < 0:  # killed by a signal: report 128 + signal, as shells do
                code = 128 - returncode
            else:
                code = returncode
            self._exit_code = code
            self._ready = True
            self.primary_thread._ready = True
            release_waiters(self, woken)
            release_waiters(self.primary_thread, woken)
        wake_all(woken)

    # -- kernel-object protocol (kernel lock held) ------------------------------------------

    def _take(self, thread: ThreadState) -> bool:
        return False


@final
class PrimaryThread(Waitable):
    """The first thread of a child process, as CreateProcess returns it.

    Linux gives a process's first thread the process id as its thread id. It ends with the
    process; suspending it stops the whole child (SIGSTOP), resuming continues it (SIGCONT).
    """

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

    def _check_live(self) -> int:
        if self.process._ready or self.process._popen is None:
            raise AccessDeniedError(f"{self!r} cannot be suspended: it is not a live child")
        return self._suspend_count

    # -- kernel-object protocol (kernel lock held) ------------------------------------------

    def _take(self, thread: ThreadState) -> bool:
        return False


class _Reaper:
    """Sees children exit: one thread over pidfds, or a thread per child without them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._selector: selectors.BaseSelector | None = None
        self._wakeup: tuple[int, int] | None = None
        self._pending: list[tuple[int, ProcessHandle]] = []
        hold_across_fork(self._lock, TABLE)
        after_fork_in_child(self._after_fork_in_child, SERVICES)

    def _after_fork_in_child(self) -> None:
        """Forget the parent's reaper thread: the child's first child starts its own.

        The parent's children are not the child's, so it cannot reap them; their handles in
        the child stay unsignaled.
        """
        selector, wakeup = self._selector, self._wakeup
        self._selector, self._wakeup, self._pending = None, None, []
        if selector is not None:
            for key in list(selector.get_map().values()):
                if key.data is not None:
                    os.close(key.fd)
            selector.close()
        if wakeup is not None:
            os.close(wakeup[0])
            os.close(wakeup[1])

    def watch(self, process: ProcessHandle, popen: subprocess.Popen[bytes]) -> None:
        try:
            pidfd = os.pidfd_open(popen.pid)
        except (AttributeError, OSError):
            threading.Thread(
                target=self._wait_one, args=(process, popen), name="apartment-reaper", daemon=True
            ).start()
            return
        with self._lock:
            self._pending.append((pidfd, process))
            if self._selector is None:
                self._selector = selectors.DefaultSelector()
                self._wakeup = os.pipe()
                self._selector.register(self._wakeup[0], selectors.EVENT_READ, None)
                threading.Thread(target=self._serve, name="apartment-reaper", daemon=True).start()
            wakeup = self._wakeup
        assert wakeup is not None
        os.write(wakeup[1], b"\0")

    @staticmethod
    def _wait_one(process: ProcessHandle, popen: subprocess.Popen[bytes]) -> None:
        process._reaped(popen.wait())

    def _serve(self) -> None:
        """Block on every child's pidfd; reap each as it becomes readable (reaper thread)."""
        selector = self._selector
        wakeup = self._wakeup
        assert selector is not None
        assert wakeup is not None
        while True:
            for key, _ in selector.select():
                if key.data is None:
                    os.read(wakeup[0], 512)
                    with self._lock:
                        pending, self._pending = self._pending, []
                    for pidfd, process in pending:
                        selector.register(pidfd, selectors.EVENT_READ, process)
                    continue
                process = key.data
                selector.unregister(key.fd)
                os.close(key.fd)
                popen = process._popen
                assert popen is not None
                process._reaped(popen.wait())


_reaper = _Reaper()
_self: ProcessHandle | None = None
_children: weakref.WeakValueDictionary[int, ProcessHandle] = weakref.WeakValueDictionary()


def start_process(
    args: Sequence[str],
    *,
    executable: str | None = None,
    cwd: str | None = None,
    env: Mapping[str, str] | None = None,
    suspended: bool = False,
) -> ProcessHandle:
    """Start a child process and return its handle (CreateProcess).

    ``args[0]`` is the program (looked up on PATH) unless ``executable`` names it.

    Raises:
        NotSupportedError: ``suspended`` was asked for; a child cannot be started stopped
            before its first instruction here.
        FileNotFoundError: the program does not exist.
    """
    if suspended:
        raise NotSupportedError(
            "a child process cannot start suspended on this platform; start it normally"
        )
    popen = subprocess.Popen(
        list(args), executable=executable, cwd=cwd, env=dict(env) if env is not None else None
    )
    process = ProcessHandle(popen.pid, popen)
    with KERNEL_LOCK:
        _children[process.pid] = process
    _reaper.watch(process, popen)
    return process


_ERRNO_TO_WIN32 = {
    errno.ENOENT: ERROR_FILE_NOT_FOUND,
    errno.EACCES: ERROR_ACCESS_DENIED,
    errno.ENOEXEC: ERROR_BAD_EXE_FORMAT,
}
"""The Win32 error CreateProcess reports for the errno of a failed start; others read ENOENT."""


def create_process(
    application: str | None,
    command_line: str | None,
    *,
    cwd: str | None = None,
    env: Mapping[str, str] | None = None,
    suspended: bool = False,
) -> ProcessHandle:
    """Start a child process from a program name and a command line (CreateProcess).

    The command line is split into arguments as a POSIX shell would; without one, the
    program is run with no arguments. ``application``, when given, names the program, else
    the command line's first word does (looked up on PATH).

    Raises:
        InvalidParameterError: neither a program nor a command line was given.
        Win32Error: the program could not be started: ERROR_FILE_NOT_FOUND,
            ERROR_ACCESS_DENIED or ERROR_BAD_EXE_FORMAT, as Windows reports them.
        NotSupportedError: ``suspended`` was asked for (see :func:`start_process`).
    """
    if application is None and command_line is None:
        raise InvalidParameterError("name a program: an application or a command line")
    args = shlex.split(command_line) if command_line is not None else [str(application)]
    try:
        return start_process(args, executable=application, cwd=cwd, env=env, suspended=suspended)
    except OSError as failure:
        code = _ERRNO_TO_WIN32.get(failure.errno or 0, ERROR_FILE_NOT_FOUND)
        raise Win32Error.from_code(code, str(failure)) from None


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
