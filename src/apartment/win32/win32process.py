"""pywin32's ``win32process``: threads and processes."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import kernel, messages
from ..kernel import STILL_ACTIVE as STILL_ACTIVE
from ..kernel import PrimaryThread, ProcessHandle, ThreadHandle
from ._adapt import api, as_bool, dword
from ._handles import PyHANDLE, lookup, new_handle
from ._security import inherits
from .pywintypes import error
from .win32con import CREATE_SUSPENDED as CREATE_SUSPENDED

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "error",
    "beginthreadex", "CreateProcess", "STARTUPINFO", "ResumeThread", "SuspendThread",
    "GetExitCodeThread", "GetExitCodeProcess", "TerminateProcess", "GetCurrentProcess",
    "GetCurrentProcessId", "GetProcessId", "GetWindowThreadProcessId",
]  # fmt: skip

_THREAD_KINDS = (ThreadHandle, PrimaryThread)

FACADE_HOOK = str(Path(__file__).with_name("_boot"))
"""The facade's start-up hook for Python children: pywin32's names, and inherited handles."""


class STARTUPINFO:
    """The STARTUPINFO structure; accepted for compatibility, its fields are not used here."""

    def __init__(self) -> None:
        self.dwFlags = 0
        self.wShowWindow = 0
        self.hStdInput: Any = None
        self.hStdOutput: Any = None
        self.hStdError: Any = None
        self.lpDesktop: str | None = None
        self.lpTitle: str | None = None
        self.dwX = self.dwY = self.dwXSize = self.dwYSize = 0


def _run_thread(entry_point: Callable[..., object], args: tuple[object, ...]) -> object:
    """Run a beginthreadex thread body as pywin32 does: report an exception, exit with -1.

    pywin32's quirk, not Windows': its thread entry point prints the traceback itself.
    """
    try:
        return entry_point(*args)
    except Exception:
        print("Unhandled exception in beginthreadex created thread:", file=sys.stderr)
        traceback.print_exc()
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


def _thread(handle: object) -> ThreadHandle | PrimaryThread:
    thread: ThreadHandle | PrimaryThread = lookup(handle, _THREAD_KINDS)  # type: ignore[assignment]
    return thread


@api("ResumeThread")
def ResumeThread(handle: object, /) -> int:
    return _thread(handle).resume()


@api("SuspendThread")
def SuspendThread(handle: object, /) -> int:
    return _thread(handle).suspend()


@api("GetExitCodeThread")
def GetExitCodeThread(handle: object, /) -> int:
    return _thread(handle).exit_code


@api("GetExitCodeProcess")
def GetExitCodeProcess(handle: object, /) -> int:
    return lookup(handle, ProcessHandle).exit_code


@api("TerminateProcess")
def TerminateProcess(handle: object, exitCode: int, /) -> None:
    lookup(handle, ProcessHandle).terminate(exitCode)


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
    process_inherits, thread_inherits = inherits(processAttributes), inherits(threadAttributes)
    process = kernel.create_process(
        appName,
        commandLine,
        cwd=currentDirectory,
        env=newEnvironment,
        suspended=bool(dword(dwCreationFlags) & CREATE_SUSPENDED),
        inherit_handles=as_bool(bInheritHandles),
        python_path=[FACADE_HOOK],
    )
    thread = process.primary_thread
    return (
        new_handle(process, inherit=process_inherits),
        new_handle(thread, inherit=thread_inherits),
        process.pid,
        thread.native_id,
    )


@api("GetWindowThreadProcessId")
def GetWindowThreadProcessId(hwnd: int | None, /) -> list[int]:
    """Return ``[thread_id, process_id]`` of the window's owner (a list, as pywin32 gives)."""
    return [messages.window_of(hwnd or 0).thread.native_id, os.getpid()]
