"""pywin32's ``win32process``: threads and processes."""

from __future__ import annotations

import operator
import os
import sys
import traceback
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from .. import kernel, messages
from ..errors import InvalidParameterError, InvalidWindowHandleError
from ..kernel import ABOVE_NORMAL_PRIORITY_CLASS as ABOVE_NORMAL_PRIORITY_CLASS
from ..kernel import BELOW_NORMAL_PRIORITY_CLASS as BELOW_NORMAL_PRIORITY_CLASS
from ..kernel import HIGH_PRIORITY_CLASS as HIGH_PRIORITY_CLASS
from ..kernel import IDLE_PRIORITY_CLASS as IDLE_PRIORITY_CLASS
from ..kernel import NORMAL_PRIORITY_CLASS as NORMAL_PRIORITY_CLASS
from ..kernel import REALTIME_PRIORITY_CLASS as REALTIME_PRIORITY_CLASS
from ..kernel import STILL_ACTIVE as STILL_ACTIVE
from ..kernel import THREAD_MODE_BACKGROUND_BEGIN as THREAD_MODE_BACKGROUND_BEGIN
from ..kernel import THREAD_MODE_BACKGROUND_END as THREAD_MODE_BACKGROUND_END
from ..kernel import THREAD_PRIORITY_ABOVE_NORMAL as THREAD_PRIORITY_ABOVE_NORMAL
from ..kernel import THREAD_PRIORITY_BELOW_NORMAL as THREAD_PRIORITY_BELOW_NORMAL
from ..kernel import THREAD_PRIORITY_HIGHEST as THREAD_PRIORITY_HIGHEST
from ..kernel import THREAD_PRIORITY_IDLE as THREAD_PRIORITY_IDLE
from ..kernel import THREAD_PRIORITY_LOWEST as THREAD_PRIORITY_LOWEST
from ..kernel import THREAD_PRIORITY_NORMAL as THREAD_PRIORITY_NORMAL
from ..kernel import THREAD_PRIORITY_TIME_CRITICAL as THREAD_PRIORITY_TIME_CRITICAL
from ..kernel import PrimaryThread, ProcessHandle, ThreadHandle
from . import _process_more
from ._adapt import api, as_bool, dword, set_last_error, soft
from ._handles import PyHANDLE, handle_value, lookup, new_handle
from ._process_more import *  # noqa: F403  (the less common names, in their own module)
from ._process_more import check_user_token
from ._security import inherits
from ._startupinfo import PySTARTUPINFO, from_startup_info, startup_info_of, std_handles_of
from ._timeconv import file_time
from .pywintypes import TimeType, error
from .win32con import CREATE_NEW_CONSOLE as CREATE_NEW_CONSOLE
from .win32con import CREATE_NEW_PROCESS_GROUP as CREATE_NEW_PROCESS_GROUP
from .win32con import CREATE_NO_WINDOW as CREATE_NO_WINDOW
from .win32con import CREATE_SUSPENDED as CREATE_SUSPENDED
from .win32con import DETACHED_PROCESS as DETACHED_PROCESS
from .win32con import STARTF_USESHOWWINDOW as STARTF_USESHOWWINDOW
from .win32con import STARTF_USESTDHANDLES as STARTF_USESTDHANDLES

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..kernel import CpuTimes

__all__ = [
    "error",
    "beginthreadex", "CreateProcess", "STARTUPINFO", "ResumeThread", "SuspendThread",
    "GetExitCodeThread", "GetExitCodeProcess", "TerminateProcess", "GetCurrentProcess",
    "GetCurrentProcessId", "GetProcessId", "GetWindowThreadProcessId", "GetThreadPriority",
    "SetThreadPriority", "GetPriorityClass", "SetPriorityClass", "THREAD_PRIORITY_ERROR_RETURN",
    "CREATE_SUSPENDED", "CREATE_UNICODE_ENVIRONMENT", "DEBUG_PROCESS", "DEBUG_ONLY_THIS_PROCESS",
    "CREATE_BREAKAWAY_FROM_JOB", "CREATE_DEFAULT_ERROR_MODE", "STARTF_USESIZE",
    "STARTF_USEPOSITION", "STARTF_USECOUNTCHARS", "STARTF_USEFILLATTRIBUTE",
    "STARTF_FORCEONFEEDBACK", "STARTF_FORCEOFFFEEDBACK", "STARTF_RUNFULLSCREEN",
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
    "STARTF_USESHOWWINDOW",
    "STARTF_USESTDHANDLES",
    "CREATE_NEW_CONSOLE",
    "DETACHED_PROCESS",
    "CREATE_NO_WINDOW",
    "CREATE_NEW_PROCESS_GROUP",
    "GetStartupInfo", "GetProcessTimes", "GetThreadTimes", "EnumProcesses",
    "EnumProcessModules", "GetModuleFileNameEx",
    "GetProcessMemoryInfo", "GetProcessAffinityMask", "SetProcessAffinityMask",
    "SetThreadAffinityMask", "GetProcessWorkingSetSize", "SetProcessWorkingSetSize",
    "GetProcessVersion", "IsWow64Process", "MAXIMUM_PROCESSORS", "LIST_MODULES_DEFAULT",
    "LIST_MODULES_32BIT", "LIST_MODULES_64BIT", "LIST_MODULES_ALL",
    "CREATE_PRESERVE_CODE_AUTHZ_LEVEL", "CREATE_SEPARATE_WOW_VDM", "CREATE_SHARED_WOW_VDM",
    "UNICODE", "CreateProcessAsUser", *_process_more.__all__,
]  # fmt: skip

_THREAD_KINDS = (ThreadHandle, PrimaryThread)

THREAD_PRIORITY_ERROR_RETURN = 0x7FFFFFFF
"""What GetThreadPriority returns when it fails (it sets GetLastError; pywin32 raises nothing)."""
# The access rights the priority calls need (winnt.h).
_THREAD_SUSPEND_RESUME = 0x0002
_THREAD_SET_INFORMATION = 0x0020
_THREAD_QUERY_INFORMATION = 0x0040
_THREAD_QUERY_LIMITED_INFORMATION = 0x0800
_THREAD_SET_LIMITED_INFORMATION = 0x0400

_NO_CONSOLE_AND_NEW_CONSOLE = DETACHED_PROCESS | CREATE_NEW_CONSOLE
_CREATION_PRIORITIES = (
    IDLE_PRIORITY_CLASS,
    BELOW_NORMAL_PRIORITY_CLASS,
    NORMAL_PRIORITY_CLASS,
    ABOVE_NORMAL_PRIORITY_CLASS,
    HIGH_PRIORITY_CLASS,
    REALTIME_PRIORITY_CLASS,
)
"""CreateProcess's priority-class flags, in the order Windows reads them: the first set wins."""

_PROCESS_TERMINATE = 0x0001
_PROCESS_VM_READ = 0x0010
_PROCESS_SET_QUOTA = 0x0100
_PROCESS_SET_INFORMATION = 0x0200
_PROCESS_QUERY_INFORMATION = 0x0400
_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
# CreateProcess's other creation flags and STARTUPINFO's flags (winbase.h).
CREATE_UNICODE_ENVIRONMENT = 0x00000400
DEBUG_PROCESS = 0x00000001
DEBUG_ONLY_THIS_PROCESS = 0x00000002
CREATE_BREAKAWAY_FROM_JOB = 0x01000000
CREATE_DEFAULT_ERROR_MODE = 0x04000000
STARTF_USESIZE = 0x00000002
STARTF_USEPOSITION = 0x00000004
STARTF_USECOUNTCHARS = 0x00000008
STARTF_USEFILLATTRIBUTE = 0x00000010
STARTF_RUNFULLSCREEN = 0x00000020
STARTF_FORCEONFEEDBACK = 0x00000040
STARTF_FORCEOFFFEEDBACK = 0x00000080
CREATE_SEPARATE_WOW_VDM = 0x00000800
CREATE_SHARED_WOW_VDM = 0x00001000
CREATE_PRESERVE_CODE_AUTHZ_LEVEL = 0x02000000
MAXIMUM_PROCESSORS = 64  # a 64-bit process's affinity mask
LIST_MODULES_DEFAULT = 0x0
LIST_MODULES_32BIT = 0x01
LIST_MODULES_64BIT = 0x02
LIST_MODULES_ALL = 0x03
UNICODE = 1

FACADE_HOOK = str(Path(__file__).with_name("_boot"))
"""The facade's start-up hook for Python children: pywin32's names, and inherited handles."""


def STARTUPINFO() -> PySTARTUPINFO:
    """A new STARTUPINFO structure for CreateProcess, every field 0 or None."""
    return PySTARTUPINFO()


def GetStartupInfo() -> PySTARTUPINFO:
    """How this process was asked to start, with the standard handles it started with."""
    return from_startup_info(kernel.startup_info(), kernel.startup_std_handles())


def _run_thread(entry_point: Callable[..., object], args: tuple[object, ...]) -> object:
    """Run a beginthreadex thread body as pywin32 does: report an exception, exit with -1.

    pywin32's quirk, not Windows': its thread entry point prints the traceback itself.
    """
    try:
        return entry_point(*args)
    except Exception as exc:
        print("Unhandled exception in beginthreadex created thread:", file=sys.stderr)
        # from the thread's function down, as pywin32 prints it (this frame is not the user's)
        traceback.print_exception(
            type(exc), exc, exc.__traceback__.tb_next if exc.__traceback__ else None
        )
        return -1


@api("beginthreadex")
def beginthreadex(
    sa: object, stackSize: int, entryPoint: Callable[..., object], args: object, flags: int, /
) -> tuple[PyHANDLE, int]:
    """Start ``entryPoint(*args)`` on a new thread; return ``(handle, thread_id)``."""
    if not isinstance(args, tuple):
        raise TypeError("args must be a tuple")
    if not callable(entryPoint):
        raise TypeError("entryPoint must be callable")
    suspended = bool(dword(flags) & CREATE_SUSPENDED)
    thread = kernel.start_thread(_run_thread, entryPoint, args, suspended=suspended)
    return new_handle(thread), thread.native_id


def _thread(handle: object, access: int = 0) -> ThreadHandle | PrimaryThread:
    """The thread a handle names; the handle must hold ``access`` (else ERROR_ACCESS_DENIED)."""
    thread: ThreadHandle | PrimaryThread = lookup(handle, _THREAD_KINDS, access)  # type: ignore[assignment]
    return thread


@api("ResumeThread")
def ResumeThread(handle: object, /) -> int:
    return _thread(handle, _THREAD_SUSPEND_RESUME).resume()


@api("SuspendThread")
def SuspendThread(handle: object, /) -> int:
    return _thread(handle, _THREAD_SUSPEND_RESUME).suspend()


def GetThreadPriority(handle: object, /) -> int:
    """The thread's level; THREAD_PRIORITY_ERROR_RETURN with GetLastError set on failure."""
    try:  # the full query right holds the limited one (the kernel's handle table)
        thread = lookup(handle, _THREAD_KINDS, _THREAD_QUERY_LIMITED_INFORMATION)
    except error as failed:
        set_last_error(failed.winerror)
        return THREAD_PRIORITY_ERROR_RETURN
    return kernel.thread_priority(thread)


@api("SetThreadPriority")
def SetThreadPriority(handle: object, nPriority: int, /) -> None:
    thread = lookup(handle, _THREAD_KINDS, _THREAD_SET_INFORMATION)
    current = thread is kernel.current_thread()
    kernel.set_thread_priority(thread, operator.index(nPriority), current=current)


@api("GetPriorityClass")
def GetPriorityClass(handle: object, /) -> int:
    return kernel.priority_class(_process(handle).pid)


@api("SetPriorityClass")
def SetPriorityClass(handle: object, dwPriorityClass: int, /) -> None:
    process = lookup(handle, ProcessHandle, _PROCESS_SET_INFORMATION)
    kernel.set_priority_class(process.pid, dword(dwPriorityClass))


@api("GetExitCodeThread")
def GetExitCodeThread(handle: object, /) -> int:
    # the full query right holds the limited one (the kernel's handle table)
    return _thread(handle, _THREAD_QUERY_LIMITED_INFORMATION).exit_code


@api("GetExitCodeProcess")
def GetExitCodeProcess(handle: object, /) -> int:
    # the full query right holds the limited one (the kernel's handle table)
    return lookup(handle, ProcessHandle, _PROCESS_QUERY_LIMITED_INFORMATION).exit_code


@api("TerminateProcess")
def TerminateProcess(handle: object, exitCode: int, /) -> None:
    lookup(handle, ProcessHandle, _PROCESS_TERMINATE).terminate(exitCode)


def GetCurrentProcess() -> int:
    return kernel.CURRENT_PROCESS


def GetCurrentProcessId() -> int:
    return os.getpid()


@api("GetProcessId")
def GetProcessId(Process: object, /) -> int:
    return lookup(Process, ProcessHandle).pid


@api("CreateProcess")
def CreateProcess(
    appName: str | None,
    commandLine: str | None,
    processAttributes: object,
    threadAttributes: object,
    bInheritHandles: int,
    dwCreationFlags: int,
    newEnvironment: dict[str, str] | None,
    currentDirectory: str | None,
    startupinfo: object,
    /,
) -> tuple[PyHANDLE, PyHANDLE, int, int]:
    if appName is None and commandLine is None:  # pywin32 refuses this before calling Windows
        raise TypeError("appName and commandLine cannot both be None")
    if not isinstance(startupinfo, PySTARTUPINFO):
        raise TypeError("The object is not a PySTARTUPINFO object")
    flags = dword(dwCreationFlags)
    if flags & _NO_CONSOLE_AND_NEW_CONSOLE == _NO_CONSOLE_AND_NEW_CONSOLE:
        raise InvalidParameterError("DETACHED_PROCESS and CREATE_NEW_CONSOLE exclude each other")
    process_inherits, thread_inherits = inherits(processAttributes), inherits(threadAttributes)
    startup = startup_info_of(startupinfo)
    process = kernel.create_process(
        appName,
        commandLine,
        cwd=currentDirectory,
        env=newEnvironment,
        suspended=bool(dword(dwCreationFlags) & CREATE_SUSPENDED),
        inherit_handles=as_bool(bInheritHandles),
        python_path=[FACADE_HOOK],
        std=std_handles_of(startupinfo) if startup.flags & STARTF_USESTDHANDLES else None,
        startup=startup,
        breakaway=bool(dword(dwCreationFlags) & CREATE_BREAKAWAY_FROM_JOB),
    )
    priority = next((value for value in _CREATION_PRIORITIES if flags & value), 0)
    if priority:
        kernel.set_priority_class(process.pid, priority)
    thread = process.primary_thread
    return (
        new_handle(process, inherit=process_inherits),
        new_handle(thread, inherit=thread_inherits),
        process.pid,
        thread.native_id,
    )


@api("CreateProcessAsUser")
def CreateProcessAsUser(
    hToken: object,
    appName: str | None,
    commandLine: str | None,
    processAttributes: object,
    threadAttributes: object,
    bInheritHandles: int,
    dwCreationFlags: int,
    newEnvironment: dict[str, str] | None,
    currentDirectory: str | None,
    startupinfo: object,
    /,
) -> tuple[PyHANDLE, PyHANDLE, int, int]:
    """CreateProcess as the token's user: the caller's (no other user's token exists here)."""
    if not isinstance(startupinfo, PySTARTUPINFO):  # pywin32 converts it before the call
        raise TypeError("The object is not a PySTARTUPINFO object")
    check_user_token(hToken)
    return CreateProcess(
        appName,
        commandLine,
        processAttributes,
        threadAttributes,
        bInheritHandles,
        dwCreationFlags,
        newEnvironment,
        currentDirectory,
        startupinfo,
    )


@api("GetWindowThreadProcessId")
def GetWindowThreadProcessId(hwnd: int | None, /) -> list[int]:
    """Return ``[thread_id, process_id]`` of the window's owner (a list, as pywin32 gives).

    pywin32 does not check the result: a handle that is no window gives thread id 0 (and
    ERROR_INVALID_WINDOW_HANDLE as the last error) rather than an exception; the process id
    Windows leaves unwritten then is 0 here.
    """
    try:
        return list(messages.window_thread_process_id(hwnd or 0))
    except InvalidWindowHandleError as error:
        set_last_error(error.winerror)
        return [0, 0]


# -- what a process or thread is and has used --------------------------------------------------

_EPOCH_1601 = datetime(1601, 1, 1, tzinfo=timezone.utc)


def _process(handle: object) -> ProcessHandle:
    """The process behind a handle with either query right (the full one holds the limited)."""
    return lookup(handle, ProcessHandle, _PROCESS_QUERY_LIMITED_INFORMATION)


def _times(times: CpuTimes) -> dict[str, object]:
    """pywin32's dict: FILETIMEs as pywintypes times, processor times in 100 ns units."""
    exited = file_time(_EPOCH_1601 if times.exited is None else times.exited, TimeType)
    return {
        "CreationTime": file_time(times.created, TimeType),
        "ExitTime": exited,  # FILETIME 0 while it runs
        "KernelTime": round(times.kernel * 10_000_000),
        "UserTime": round(times.user * 10_000_000),
    }


@api("GetProcessTimes")
def GetProcessTimes(hProcess: object, /) -> dict[str, object]:
    return _times(kernel.process_times(_process(hProcess)))


@api("GetThreadTimes")
def GetThreadTimes(Thread: object, /) -> dict[str, object]:
    thread = lookup(Thread, _THREAD_KINDS, _THREAD_QUERY_LIMITED_INFORMATION)
    return _times(kernel.thread_times(thread))  # type: ignore[arg-type]


def EnumProcesses() -> tuple[int, ...]:
    """The ids of the user's running processes."""
    return tuple(kernel.process_ids())


@api("EnumProcessModules")
def EnumProcessModules(hProcess: object, /) -> tuple[int, ...]:
    """The module handles of a process: its program first (GetModuleHandle(None))."""
    process = lookup(hProcess, ProcessHandle, _PROCESS_QUERY_LIMITED_INFORMATION | _PROCESS_VM_READ)
    return tuple(module.handle for module in kernel.process_modules(process))


@api("GetModuleFileNameEx")
def GetModuleFileNameEx(hProcess: object, hModule: object, /) -> str:
    process = lookup(hProcess, ProcessHandle, _PROCESS_QUERY_LIMITED_INFORMATION | _PROCESS_VM_READ)
    return kernel.module_file_name(process, handle_value(hModule))


@api("GetProcessMemoryInfo")
def GetProcessMemoryInfo(hProcess: object, /) -> dict[str, int]:
    """PROCESS_MEMORY_COUNTERS as pywin32's dict; Linux has no pools: their quotas are 0."""
    counters = kernel.memory_counters(_process(hProcess))
    return {
        "PageFaultCount": counters.page_faults,
        "PeakWorkingSetSize": counters.peak_working_set,
        "WorkingSetSize": counters.working_set,
        "QuotaPeakPagedPoolUsage": 0,
        "QuotaPagedPoolUsage": 0,
        "QuotaPeakNonPagedPoolUsage": 0,
        "QuotaNonPagedPoolUsage": 0,
        "PagefileUsage": counters.private,
        "PeakPagefileUsage": counters.peak_private,
    }


def _mask(value: object, position: int, name: str) -> int:
    """A DWORD_PTR mask: an int (pywin32 refuses anything else), read as 64 unsigned bits."""
    if not isinstance(value, int):
        raise TypeError(f"{name}() argument {position} must be int, not {type(value).__name__}")
    return value & 0xFFFFFFFFFFFFFFFF


@api("GetProcessAffinityMask")
def GetProcessAffinityMask(hProcess: object, /) -> tuple[int, int]:
    """``(process mask, system mask)``."""
    return kernel.process_affinity(_process(hProcess))


@api("SetProcessAffinityMask")
def SetProcessAffinityMask(hProcess: object, mask: object, /) -> None:
    process = lookup(hProcess, ProcessHandle, _PROCESS_SET_INFORMATION)
    kernel.set_process_affinity(process, _mask(mask, 2, "SetProcessAffinityMask"))


@api("SetThreadAffinityMask")
def SetThreadAffinityMask(hThread: object, ThreadAffinityMask: object, /) -> int:
    """Bind the thread to the processors of the mask; return its previous mask."""
    mask = _mask(ThreadAffinityMask, 2, "SetThreadAffinityMask")
    thread = lookup(
        hThread, _THREAD_KINDS, _THREAD_QUERY_LIMITED_INFORMATION | _THREAD_SET_LIMITED_INFORMATION
    )
    return kernel.set_thread_affinity(thread, mask)  # type: ignore[arg-type]


@api("GetProcessWorkingSetSize")
def GetProcessWorkingSetSize(hProcess: object, /) -> tuple[int, int]:
    """``(minimum, maximum)`` in bytes: Windows' defaults until set."""
    return kernel.working_set_limits(_process(hProcess))


@api("SetProcessWorkingSetSize")
def SetProcessWorkingSetSize(
    hProcess: object, MinimumWorkingSetSize: int, MaximumWorkingSetSize: int, /
) -> None:
    """Checked and kept as Windows does (-1, -1 trims); Linux has no limit to apply."""
    process = lookup(hProcess, ProcessHandle, _PROCESS_SET_QUOTA)
    kernel.set_working_set_limits(
        process,
        operator.index(MinimumWorkingSetSize) & 0xFFFFFFFFFFFFFFFF,
        operator.index(MaximumWorkingSetSize) & 0xFFFFFFFFFFFFFFFF,
    )


@soft(lambda: 0)  # pywin32 returns GetProcessVersion's 0 and raises nothing
def GetProcessVersion(processId: int, /) -> int:
    """The Windows version the process expects, as ``major << 16 | minor``; 0 if none."""
    return kernel.process_version(dword(processId))


@api("IsWow64Process")
def IsWow64Process(Process: object = None, /) -> bool:
    """Whether the process (None: this one) is a 32-bit program on a 64-bit system."""
    if Process is None:
        return kernel.is_wow64(kernel.current_process())
    return kernel.is_wow64(_process(Process))


# -- input state (s19-gui) ------------------------------------------------------------------------


@api("AttachThreadInput")
def AttachThreadInput(idAttach: int, idAttachTo: int, Attach: int, /) -> None:
    """Share (or stop sharing) the focus, active window and capture of two threads."""
    messages.attach_thread_input(dword(idAttach), dword(idAttachTo), as_bool(Attach))


__all__ += ["AttachThreadInput"]
