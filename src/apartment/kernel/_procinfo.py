"""What a process or thread is and has used: times, memory, modules, the processes there are.

Everything comes from Linux's ``/proc`` (``_procstat``), read when asked:

* **Times** (GetProcessTimes, GetThreadTimes): when the process or thread was created and
  ended, and the processor time it spent in the kernel and in user mode, to the kernel's
  clock tick (10 ms; Windows counts in 15.6 ms ticks). What an exited child used is kept
  from its last look in ``/proc`` before it was reaped; what an ended thread used is
  recorded on the thread as it ends (an exit hook).
* **Memory** (GetProcessMemoryInfo): the working set is the resident set (``VmRSS``, its
  peak ``VmHWM``); the private committed memory is the data and stack mappings.
* **Modules** (EnumProcessModules, GetModuleFileNameEx): the program first, with the handle
  GetModuleHandle(None) gives, then each shared object mapped, by the address it is mapped
  at (a Windows module handle is its load address too).
* **Processes** (EnumProcesses): the running processes of the user.
"""

from __future__ import annotations

import datetime as _dt
import os
import platform
import struct
import sys
import threading
import time
import weakref
from dataclasses import dataclass

from .._fork import OUTER, hold_across_fork
from ..errors import (
    AccessDeniedError,
    InvalidHandleError,
    InvalidParameterError,
    ModuleNotLoadedError,
    Win32Error,
)
from ._cmdline import ARGV0_ENV, join_command_line
from ._core import KERNEL_LOCK
from ._libraries import library_path
from ._process import PROGRAM_MODULE, PrimaryThread, ProcessHandle, current_process
from ._procstat import ProcStat, read_stat, read_status, wall_time
from ._reaper import process_exists
from ._thread import ThreadHandle, add_exit_hook

__all__ = [
    "CpuTimes",
    "MemoryCounters",
    "Module",
    "process_times",
    "thread_times",
    "memory_counters",
    "process_ids",
    "process_modules",
    "module_file_name",
    "module_path",
    "command_line",
    "session_id",
    "SESSION_ID",
    "process_version",
    "is_wow64",
    "WINDOWS_6_0",
]

SESSION_ID = 1
"""The session every process of the user is in: Windows' first interactive session."""
WINDOWS_6_0 = 0x0006_0000
"""The Windows version a program declares in its header as python.exe does (6.0): what
GetProcessVersion reports here, where programs have no such header."""


@dataclass(frozen=True, slots=True)
class CpuTimes:
    """When a process or thread began and ended, and the processor time it used.

    ``created`` and ``exited`` are aware datetimes in UTC (``exited`` None while it runs);
    ``kernel`` and ``user`` are seconds.
    """

    created: _dt.datetime
    exited: _dt.datetime | None
    kernel: float
    user: float


@dataclass(frozen=True, slots=True)
class MemoryCounters:
    """A process's memory, in bytes and page faults (GetProcessMemoryInfo's counters)."""

    page_faults: int
    working_set: int
    peak_working_set: int
    private: int  # committed private memory (Windows' PagefileUsage)
    peak_private: int


@dataclass(frozen=True, slots=True)
class Module:
    """A module loaded in a process: its handle (load address) and its file."""

    handle: int
    path: str


def _utc(seconds: float) -> _dt.datetime:
    return _dt.datetime.fromtimestamp(seconds, tz=_dt.timezone.utc)


def _times(usage: ProcStat, exited: float | None) -> CpuTimes:
    return CpuTimes(
        _utc(wall_time(usage.started)),
        None if exited is None else _utc(exited),
        usage.kernel,
        usage.user,
    )


def _unknown(exited: float) -> CpuTimes:
    """An end seen with nothing left to read: it began and ended then, using nothing."""
    return CpuTimes(_utc(exited), _utc(exited), 0.0, 0.0)


def process_times(process: ProcessHandle) -> CpuTimes:
    """Return when ``process`` was created and exited and the processor time it used.

    An exited child reports what it had used when it exited; a process opened by id that
    exited reports what ``/proc`` still showed when its exit was seen (nothing if its
    parent had reaped it by then).
    """
    usage = None
    with KERNEL_LOCK:
        ready = process._ready
    if not ready:
        usage = read_stat(f"/proc/{process.pid}/stat")
    with KERNEL_LOCK:
        ready, exited, kept = process._ready, process._exited_at, process._exit_usage
    if not ready and usage is not None:
        return _times(usage, None)
    if kept is not None:
        return _times(kept, exited)
    return _unknown(exited if exited is not None else time.time())


class _Ends:
    """What ended threads used, recorded as they end (weakly: it goes with their handle)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.times: weakref.WeakKeyDictionary[ThreadHandle, CpuTimes] = weakref.WeakKeyDictionary()


_ends = _Ends()


def _thread_stat(native_id: int) -> ProcStat | None:
    if native_id == threading.get_native_id():
        return read_stat("/proc/thread-self/stat")
    return read_stat(f"/proc/self/task/{native_id}/stat")


def _record_end(handle: ThreadHandle) -> None:
    """Exit hook: keep what the ending thread used (it runs on that thread, as a rule)."""
    usage = _thread_stat(handle.native_id)
    ended = time.time()
    times = _unknown(ended) if usage is None else _times(usage, ended)
    with _ends.lock:
        _ends.times[handle] = times


add_exit_hook(_record_end)


def thread_times(thread: ThreadHandle | PrimaryThread) -> CpuTimes:
    """Return when ``thread`` was created and ended and the processor time it used.

    A child's primary thread reports its process's main thread (and, once the child has
    exited, the whole process's use).
    """
    if isinstance(thread, PrimaryThread):
        process = thread.process
        with KERNEL_LOCK:
            ready = process._ready
        usage = None if ready else read_stat(f"/proc/{process.pid}/task/{process.pid}/stat")
        return _times(usage, None) if usage is not None else process_times(process)
    with KERNEL_LOCK:
        ended = thread._ready
    if not ended:
        usage = _thread_stat(thread.native_id)
        if usage is not None:
            return _times(usage, None)
    with _ends.lock:
        times = _ends.times.get(thread)
    return times if times is not None else _unknown(time.time())


def memory_counters(process: ProcessHandle) -> MemoryCounters:
    """Return the memory ``process`` uses; all zero once it has exited.

    The working set is the resident set (``VmRSS``; its peak ``VmHWM``). The private
    memory is the data and stack mappings (``VmData`` + ``VmStk``), committed as Windows
    commits private memory; Linux keeps no peak of it, so its peak is taken as the private
    memory plus what the whole address space has shrunk since its peak (``VmPeak`` -
    ``VmSize``).
    """
    with KERNEL_LOCK:
        ready = process._ready
    sizes = {} if ready else read_status(process.pid)
    usage = None if ready else read_stat(f"/proc/{process.pid}/stat")
    private = sizes.get("VmData", 0) + sizes.get("VmStk", 0)
    shrunk = max(0, sizes.get("VmPeak", 0) - sizes.get("VmSize", 0))
    return MemoryCounters(
        page_faults=usage.faults if usage is not None and sizes else 0,
        working_set=sizes.get("VmRSS", 0),
        peak_working_set=sizes.get("VmHWM", 0),
        private=private,
        peak_private=private + shrunk if private else 0,
    )


def process_ids() -> list[int]:
    """Return the ids of the user's running processes (EnumProcesses), in increasing order.

    Processes of other users are left out: nothing here may open them (OpenProcess refuses
    them), and Linux may hide them.
    """
    uid = os.getuid()
    found: list[int] = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            if os.stat(f"/proc/{name}").st_uid != uid:
                continue
        except OSError:
            continue
        usage = read_stat(f"/proc/{name}/stat")
        if usage is not None and not usage.zombie:
            found.append(int(name))
    found.sort()
    return found


def _program_path(pid: int) -> str:
    """The file of a process's program: how it was started, if that is the same file."""
    if pid == os.getpid() and sys.executable:
        return sys.executable
    try:
        exe = os.readlink(f"/proc/{pid}/exe")
    except OSError as failure:
        raise AccessDeniedError(f"the program of process {pid} cannot be read: {failure}") from None
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            first = cmdline.read().split(b"\0", 1)[0].decode()
        if os.path.isabs(first) and os.path.samefile(first, exe):
            return first
    except (OSError, UnicodeDecodeError):
        pass
    return exe


def _check_live(process: ProcessHandle) -> None:
    with KERNEL_LOCK:
        ended = process._ready
    if ended:
        raise AccessDeniedError(f"{process!r} has exited: its modules cannot be read")


def process_modules(process: ProcessHandle) -> list[Module]:
    """Return the modules loaded in ``process`` (EnumProcessModules): the program first.

    The program's handle is :data:`PROGRAM_MODULE` (GetModuleHandle(None)); a shared
    object's is the address its first mapping starts at.

    Raises:
        AccessDeniedError: the process has exited, or its memory map cannot be read
            (another user's).
    """
    _check_live(process)
    found = [Module(PROGRAM_MODULE, _program_path(process.pid))]
    try:
        with open(f"/proc/{process.pid}/maps", "rb") as maps:
            lines = maps.read().splitlines()
    except OSError as failure:
        raise AccessDeniedError(f"{process!r}'s memory map cannot be read: {failure}") from None
    seen: set[str] = set()
    for line in lines:
        parts = line.split(maxsplit=5)
        if len(parts) < 6 or not parts[5].startswith(b"/"):
            continue
        path = os.fsdecode(parts[5].rstrip())
        if path in seen or ".so" not in os.path.basename(path):
            continue
        seen.add(path)
        found.append(Module(int(parts[0].split(b"-")[0], 16), path))
    return found


def module_file_name(process: ProcessHandle, module: int) -> str:
    """Return the file of a module of ``process`` (GetModuleFileNameEx); 0 is the program.

    Raises:
        InvalidHandleError: no module of ``process`` has that handle (Windows' code).
        AccessDeniedError: the process has exited.
    """
    if module in (0, PROGRAM_MODULE):
        _check_live(process)
        return _program_path(process.pid)
    for found in process_modules(process):
        if found.handle == module:
            return found.path
    raise InvalidHandleError(f"{process!r} has no module with the handle {module:#x}")


def module_path(module: int = 0) -> str:
    """Return the file of a module of this process (GetModuleFileName); 0 is the program.

    Raises:
        ModuleNotLoadedError: no module of this process has that handle.
    """
    if module in (0, PROGRAM_MODULE):
        return _program_path(os.getpid())
    for found in process_modules(current_process()):
        if found.handle == module:
            return found.path
    try:  # a module LoadLibrary counted: Python's own in a static interpreter (python_module)
        return library_path(module)
    except Win32Error:
        pass
    raise ModuleNotLoadedError(f"no module of this process has the handle {module:#x}")


def _given_argv0() -> str | None:
    """The program name our parent's CreateProcess gave this process (see ARGV0_ENV)."""
    parent, _, name = os.environ.pop(ARGV0_ENV, "").partition(":")
    return name if parent == str(os.getppid()) and name else None


_GIVEN_ARGV0 = _given_argv0()


def command_line() -> str:
    """Return this process's command line (GetCommandLine).

    Its arguments are quoted as Windows' rules read them back (``_cmdline``): CreateProcess
    and CommandLineToArgv split a command line that way.
    """
    try:
        with open("/proc/self/cmdline", "rb") as cmdline:
            raw = cmdline.read()
        args = [os.fsdecode(arg) for arg in raw.split(b"\0")[:-1]]
    except OSError:
        args = [sys.executable, *sys.argv]
    if _GIVEN_ARGV0 is not None and args:
        args[0] = _GIVEN_ARGV0
    return join_command_line(args)


def session_id(pid: int) -> int:
    """Return the session of process ``pid`` (ProcessIdToSessionId).

    Every process of the user shares one, :data:`SESSION_ID`, as its runtime directory is one.
    """
    return SESSION_ID


def process_version(pid: int) -> int:
    """Return the Windows version process ``pid`` expects (GetProcessVersion); 0 is this one.

    Linux programs declare none: every running process reports :data:`WINDOWS_6_0`, what
    python.exe declares.

    Raises:
        InvalidParameterError: no such running process.
    """
    if pid == 0 or pid == os.getpid() or (pid > 0 and process_exists(pid)):
        return WINDOWS_6_0
    raise InvalidParameterError(f"no process with id {pid} is running")


_ELF_CLASS_32 = 1
_64_BIT_MACHINES = frozenset({"x86_64", "amd64", "aarch64", "arm64", "ppc64le", "s390x"})


def is_wow64(process: ProcessHandle) -> bool:
    """Tell whether ``process`` is a 32-bit program on a 64-bit system (IsWow64Process)."""
    if platform.machine().lower() not in _64_BIT_MACHINES:
        return False
    if process is current_process() or process.pid == os.getpid():
        return struct.calcsize("P") == 4
    try:
        with open(f"/proc/{process.pid}/exe", "rb") as program:
            header = program.read(5)
    except OSError:
        return False
    return header[:4] == b"\x7fELF" and header[4] == _ELF_CLASS_32
