"""win32process's less common names: boosts, shutdown order, memory, remote threads.

Also ideal processors, I/O counts, GUI object counts and the window station. Kept apart
from ``win32process.py`` (which star-imports this module) to keep both small.
"""

from __future__ import annotations

import operator
import os

from .. import kernel, messages
from ..kernel import PrimaryThread, ProcessHandle, ThreadHandle
from ._adapt import api, as_bool, dword
from ._handles import PyHANDLE, lookup, new_handle
from ._winsta import _Kept, station_handle_value

__all__ = [
    "ExitProcess",
    "GetProcessPriorityBoost", "SetProcessPriorityBoost",
    "GetThreadPriorityBoost", "SetThreadPriorityBoost",
    "SetThreadIdealProcessor", "GetProcessIoCounters",
    "GetProcessShutdownParameters", "SetProcessShutdownParameters",
    "GetGuiResources", "GetThreadIOPendingFlag", "GetProcessWindowStation",
    "EnumProcessModulesEx", "ReadProcessMemory", "WriteProcessMemory",
    "VirtualAllocEx", "VirtualFreeEx", "CreateRemoteThread",
]  # fmt: skip

_THREAD_KINDS = (ThreadHandle, PrimaryThread)
# The access rights these calls need (winnt.h).
_PROCESS_CREATE_THREAD = 0x0002
_PROCESS_VM_OPERATION = 0x0008
_PROCESS_VM_READ = 0x0010
_PROCESS_VM_WRITE = 0x0020
_PROCESS_SET_INFORMATION = 0x0200
_PROCESS_QUERY_INFORMATION = 0x0400
_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
_THREAD_SET_INFORMATION = 0x0020
_THREAD_SET_LIMITED_INFORMATION = 0x0400
_THREAD_QUERY_LIMITED_INFORMATION = 0x0800
_TOKEN_ASSIGN_PRIMARY = 0x0001
_TOKEN_DUPLICATE = 0x0002
_TOKEN_QUERY = 0x0008
_CREATE_SUSPENDED = 0x00000004
_UNSIGNED_POINTER = 2**64


def ExitProcess(exitCode: int, /) -> None:
    """End this process at once: no clean-up, no flush of Python's buffered output."""
    kernel.exit_process(dword(exitCode))


def _query_process(handle: object) -> ProcessHandle:
    return lookup(handle, ProcessHandle, _PROCESS_QUERY_LIMITED_INFORMATION)


def _thread_and_pid(handle: object, access: int) -> tuple[ThreadHandle | PrimaryThread, int]:
    thread: ThreadHandle | PrimaryThread = lookup(handle, _THREAD_KINDS, access)  # type: ignore[assignment]
    pid = thread.process.pid if isinstance(thread, PrimaryThread) else os.getpid()
    return thread, pid


@api("GetProcessPriorityBoost")
def GetProcessPriorityBoost(Process: object, /) -> bool:
    """Whether the process's dynamic priority boosts are turned off."""
    return kernel.priority_boost_disabled(_query_process(Process).pid)


@api("SetProcessPriorityBoost")
def SetProcessPriorityBoost(Process: object, DisablePriorityBoost: int, /) -> None:
    disabled = as_bool(DisablePriorityBoost)
    process = lookup(Process, ProcessHandle, _PROCESS_SET_INFORMATION)
    kernel.set_priority_boost_disabled(process.pid, disabled)


@api("GetThreadPriorityBoost")
def GetThreadPriorityBoost(Thread: object, /) -> bool:
    """Whether the thread's dynamic priority boosts are turned off."""
    thread, pid = _thread_and_pid(Thread, _THREAD_QUERY_LIMITED_INFORMATION)
    return kernel.thread_priority_boost_disabled(thread, pid)


@api("SetThreadPriorityBoost")
def SetThreadPriorityBoost(Thread: object, DisablePriorityBoost: int, /) -> None:
    disabled = as_bool(DisablePriorityBoost)
    thread, pid = _thread_and_pid(Thread, _THREAD_SET_LIMITED_INFORMATION)
    kernel.set_thread_priority_boost_disabled(thread, pid, disabled)


@api("SetThreadIdealProcessor")
def SetThreadIdealProcessor(handle: object, dwIdealProcessor: int, /) -> int:
    """Set the processor the thread prefers; return the previous one (MAXIMUM_PROCESSORS: read)."""
    processor = dword(dwIdealProcessor)
    thread, _ = _thread_and_pid(handle, _THREAD_SET_INFORMATION)
    return kernel.set_ideal_processor(thread, processor)


@api("GetProcessIoCounters")
def GetProcessIoCounters(hProcess: object, /) -> dict[str, int]:
    """IO_COUNTERS as pywin32's dict: operations and bytes read, written and otherwise."""
    counters = kernel.io_counters(_query_process(hProcess).pid)
    return {
        "ReadOperationCount": counters.read_operations,
        "WriteOperationCount": counters.write_operations,
        "OtherOperationCount": counters.other_operations,
        "ReadTransferCount": counters.read_bytes,
        "WriteTransferCount": counters.write_bytes,
        "OtherTransferCount": counters.other_bytes,
    }


def GetProcessShutdownParameters() -> tuple[int, int]:
    """``(level, flags)`` of this process's place in the session's shutdown order."""
    return kernel.shutdown_parameters()


@api("SetProcessShutdownParameters")
def SetProcessShutdownParameters(Level: int, Flags: int, /) -> None:
    kernel.set_shutdown_parameters(dword(Level), dword(Flags))


@api("GetGuiResources")
def GetGuiResources(Process: object, Flags: int, /) -> int:
    """How many GDI or USER objects (GR_*) the process has: its windows; GDI objects are 0."""
    kind = dword(Flags)
    process = lookup(Process, ProcessHandle, _PROCESS_QUERY_LIMITED_INFORMATION)
    return messages.gui_object_count(kind) if process.pid == os.getpid() else 0


@api("GetThreadIOPendingFlag")
def GetThreadIOPendingFlag(Thread: object, /) -> bool:
    """Whether the thread has I/O waiting to complete: False, I/O here completes on services."""
    lookup(Thread, _THREAD_KINDS, _THREAD_QUERY_LIMITED_INFORMATION)
    return False


def GetProcessWindowStation() -> PyHANDLE:
    """The process's handle to its window station, ``WinSta0`` (the same every call)."""
    return _Kept(station_handle_value(), in_use=True)


@api("EnumProcessModulesEx")
def EnumProcessModulesEx(hProcess: object, FilterFlag: int, /) -> tuple[int, ...]:
    """The module handles of a process; a 64-bit process's modules are all of one kind."""
    dword(FilterFlag)
    process = lookup(hProcess, ProcessHandle, _PROCESS_QUERY_LIMITED_INFORMATION | _PROCESS_VM_READ)
    return tuple(module.handle for module in kernel.process_modules(process))


def _address(value: object) -> int:
    """A pointer-sized int argument, read unsigned (pywin32 takes an int only)."""
    if not isinstance(value, int):
        raise TypeError(f"Unable to convert {type(value).__name__} to pointer-sized value")
    if not -(2**63) <= value < _UNSIGNED_POINTER:
        raise OverflowError("a pointer is 64 bits")
    return value % _UNSIGNED_POINTER


def _size(value: object) -> int:
    size = operator.index(value)  # type: ignore[arg-type]
    if size < 0:
        raise MemoryError("Can't allocate buffer")  # pywin32's answer to a negative size
    return size


@api("ReadProcessMemory")
def ReadProcessMemory(hProcess: object, address: object, size: object, /) -> bytes:
    """``size`` bytes of the process's memory at ``address``."""
    at, count = _address(address), _size(size)
    process = lookup(hProcess, ProcessHandle, _PROCESS_VM_READ)
    return kernel.read_memory(process, at, count)


def _write_data(buf: object) -> bytes:
    if isinstance(buf, str):
        return buf.encode("cp1252", "replace")  # pywin32 writes str in the ANSI code page
    if isinstance(buf, bytes):
        return buf
    try:
        view = memoryview(buf)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not '{type(buf).__name__}'") from None
    if not view.readonly:
        raise TypeError(
            "WriteProcessMemory() argument 3 must be read-only bytes-like object, "
            f"not {type(buf).__name__}"
        )
    return view.tobytes()


@api("WriteProcessMemory")
def WriteProcessMemory(hProcess: object, address: object, buf: object, /) -> int:
    """Write ``buf`` into the process's memory at ``address``; return the bytes written."""
    at, data = _address(address), _write_data(buf)
    process = lookup(hProcess, ProcessHandle, _PROCESS_VM_WRITE | _PROCESS_VM_OPERATION)
    return kernel.write_memory(process, at, data)


@api("VirtualAllocEx")
def VirtualAllocEx(
    hProcess: object, address: object, size: object, allocationType: int, flProtect: int, /
) -> int:
    """Reserve and/or commit pages (this process only); return the region's address."""
    at, count = _address(address), _address(size)
    process = lookup(hProcess, ProcessHandle, _PROCESS_VM_OPERATION)
    return kernel.allocate_memory(process, at, count, dword(allocationType), dword(flProtect))


@api("VirtualFreeEx")
def VirtualFreeEx(hProcess: object, address: object, size: object, freeType: int, /) -> None:
    at, count = _address(address), _address(size)
    process = lookup(hProcess, ProcessHandle, _PROCESS_VM_OPERATION)
    kernel.free_memory(process, at, count, dword(freeType))


_REMOTE_THREAD_ACCESS = (
    _PROCESS_CREATE_THREAD
    | _PROCESS_QUERY_INFORMATION
    | _PROCESS_VM_OPERATION
    | _PROCESS_VM_WRITE
    | _PROCESS_VM_READ
)


@api("CreateRemoteThread")
def CreateRemoteThread(
    hprocess: object,
    sa: object,
    stackSize: int,
    entryPoint: object,
    Parameter: object,
    flags: int,
    /,
) -> tuple[PyHANDLE, int]:
    """Start a thread at a machine-code address in a process (this one only, on Linux)."""
    address, parameter = _address(entryPoint), _address(Parameter)
    suspended = bool(dword(flags) & _CREATE_SUSPENDED)
    dword(stackSize)
    process = lookup(hprocess, ProcessHandle, _REMOTE_THREAD_ACCESS)
    thread = kernel.start_remote_thread(process, address, parameter, suspended=suspended)
    return new_handle(thread), thread.native_id


def check_user_token(hToken: object) -> None:
    """CreateProcessAsUser's token: a primary token of the user, with the rights it needs."""
    if hToken is not None:  # NULL: the caller's own, as CreateProcess
        access = _TOKEN_QUERY | _TOKEN_DUPLICATE | _TOKEN_ASSIGN_PRIMARY
        kernel.require_primary(lookup(hToken, kernel.Token, access, pseudo=False))
