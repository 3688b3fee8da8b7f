"""pywin32's ``win32api``: thread and process identity, handles, sleeping, last error.

``QueueUserAPC`` is an extension: pywin32 has none, but the Win32 function exists and the
kernel layer supports APCs.
"""

from __future__ import annotations

import operator
import os
import re
import tempfile
import threading
from typing import TYPE_CHECKING, Any

from .. import kernel, messages
from ..errors import ERROR_MR_MID_NOT_FOUND, Win32Error, message_text
from ..kernel import ThreadHandle
from . import win32gui
from ._adapt import (
    api,
    as_bool,
    dword,
    last_error,
    ms_to_timeout,
    pointer_param,
    set_last_error,
    wait_code,
)
from ._handles import PyHANDLE, handle_value, lookup
from .pywintypes import error
from .win32con import DUPLICATE_CLOSE_SOURCE, DUPLICATE_SAME_ACCESS, HANDLE_FLAG_INHERIT

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "error",
    "GetCurrentThreadId", "GetCurrentProcessId", "GetCurrentThread", "GetCurrentProcess",
    "CloseHandle", "DuplicateHandle", "Sleep", "SleepEx", "GetLastError", "SetLastError",
    "QueueUserAPC", "PostMessage", "PostThreadMessage", "SendMessage", "PostQuitMessage",
    "RegisterWindowMessage", "OpenThread", "OpenProcess", "GetModuleHandle", "GetTickCount",
    "LOWORD", "HIWORD", "GetHandleInformation", "SetHandleInformation", "GetTempPath",
    "FormatMessage",
]  # fmt: skip

_FORMAT_MESSAGE_IGNORE_INSERTS = 0x200
_FORMAT_MESSAGE_FROM_STRING = 0x400
_FORMAT_MESSAGE_FROM_SYSTEM = 0x1000
_INSERT = re.compile(r"%([1-9][0-9]?)")


def GetCurrentThreadId() -> int:
    return threading.get_native_id()


def GetCurrentProcessId() -> int:
    return os.getpid()


def GetCurrentThread() -> int:
    return kernel.CURRENT_THREAD


def GetCurrentProcess() -> int:
    return kernel.CURRENT_PROCESS


def GetLastError() -> int:
    return last_error()


def SetLastError(errVal: int, /) -> None:
    set_last_error(dword(errVal))


@api("CloseHandle")
def CloseHandle(handle: object, /) -> None:
    if isinstance(handle, PyHANDLE):
        handle.Close()
        return
    value = handle_value(handle)
    if value:  # pywin32 skips the call for 0
        kernel.handles.close(value)


@api("DuplicateHandle")
def DuplicateHandle(
    hSourceProcess: object,
    hSource: object,
    hTargetProcess: object,
    desiredAccess: int,
    bInheritHandle: int,
    options: int,
    /,
) -> PyHANDLE:
    flags = dword(options)
    source_process, target_process = handle_value(hSourceProcess), handle_value(hTargetProcess)
    access = None if flags & DUPLICATE_SAME_ACCESS else dword(desiredAccess)
    close_source = bool(flags & DUPLICATE_CLOSE_SOURCE)
    if close_source and isinstance(hSource, PyHANDLE):
        source = hSource.Detach()  # the core closes it: the PyHANDLE gives it up, as Close() does
    else:
        source = handle_value(hSource)
    value = kernel.handles.duplicate_handle(
        source_process,
        source,
        target_process,
        access,
        close_source=close_source,
        inherit=as_bool(bInheritHandle),
    )
    return PyHANDLE(value)


@api("SleepEx")
def SleepEx(time: int, bAlertable: int = 0, /) -> int:
    alerted = kernel.sleep(ms_to_timeout(time), alertable=as_bool(bAlertable))
    return wait_code(kernel.ALERTED) if alerted else 0


@api("Sleep")
def Sleep(time: int, bAlertable: int = 0, /) -> int:
    return SleepEx(time, bAlertable)


@api("QueueUserAPC")
def QueueUserAPC(function: Callable[[Any], object], hThread: object, data: object, /) -> None:
    """Queue ``function(data)`` to run on the thread at its next alertable wait (extension)."""
    if not callable(function):
        raise TypeError("function must be callable")
    kernel.queue_apc(lookup(hThread, ThreadHandle), function, data)


def PostMessage(hwnd: int, idMessage: int, wParam: object = None, lParam: object = None, /) -> None:
    win32gui.PostMessage(hwnd, idMessage, wParam, lParam)


@api("PostThreadMessage")
def PostThreadMessage(
    tid: int, idMessage: int, wParam: object = None, lParam: object = None, /
) -> None:
    messages.post_thread_message(
        dword(tid), dword(idMessage), pointer_param(wParam), pointer_param(lParam)
    )


def SendMessage(hwnd: int, idMessage: int, wParam: object = None, lParam: object = None, /) -> int:
    return win32gui.SendMessage(hwnd, idMessage, wParam, lParam)


def PostQuitMessage(exitCode: int = 0, /) -> None:
    win32gui.PostQuitMessage(exitCode)


def RegisterWindowMessage(name: str, /) -> int:
    return win32gui.RegisterWindowMessage(name)


@api("OpenThread")
def OpenThread(reqdAccess: int, bInherit: int, threadId: int, /) -> PyHANDLE:
    """Open a handle with ``reqdAccess`` to a live thread known to the kernel layer."""
    value = kernel.handles.open_thread(
        dword(threadId), dword(reqdAccess), inherit=as_bool(bInherit)
    )
    return PyHANDLE(value)


@api("OpenProcess")
def OpenProcess(reqdAccess: int, bInherit: int, pid: int, /) -> PyHANDLE:
    """Open a handle with ``reqdAccess`` to any running process of the user."""
    value = kernel.handles.open_process(dword(pid), dword(reqdAccess), inherit=as_bool(bInherit))
    return PyHANDLE(value)


def GetTempPath() -> str:
    """The directory for temporary files, with a trailing separator, as Windows returns it."""
    return os.path.join(tempfile.gettempdir(), "")


@api("GetModuleHandle")
def GetModuleHandle(fileName: str | None = None, /) -> int:
    """The handle of a loaded module: None gives the program's (``hInstance``)."""
    return kernel.module_handle(fileName)


def GetTickCount() -> int:
    """Milliseconds of a monotonic clock, wrapping at 32 bits: the time base of MSG.time."""
    return messages.tick_count()


def _c_int(value: object) -> int:
    """Read an argument as a C int, as pywin32 does: signed 32 bits, else OverflowError."""
    number = operator.index(value)  # type: ignore[arg-type]
    if not -(2**31) <= number < 2**31:
        raise OverflowError("signed integer is greater than maximum")
    return number


def LOWORD(val: int, /) -> int:
    """The low 16 bits of a C int (the SDK's macro; no core call)."""
    return _c_int(val) & 0xFFFF


def HIWORD(val: int, /) -> int:
    """Bits 16 to 31 of a C int (the SDK's macro; no core call)."""
    return (_c_int(val) >> 16) & 0xFFFF


@api("GetHandleInformation")
def GetHandleInformation(Object: object, /) -> int:
    """Return the handle's flags: HANDLE_FLAG_INHERIT or 0."""
    inheritable = kernel.handles.is_inheritable(handle_value(Object))
    return HANDLE_FLAG_INHERIT if inheritable else 0


@api("SetHandleInformation")
def SetHandleInformation(Object: object, Mask: int, Flags: int, /) -> None:
    """Change the flags in ``Mask`` to those in ``Flags``.

    HANDLE_FLAG_INHERIT is kept; HANDLE_FLAG_PROTECT_FROM_CLOSE is accepted and does nothing.
    """
    value = handle_value(Object)
    if dword(Mask) & HANDLE_FLAG_INHERIT:
        kernel.handles.set_inheritable(value, bool(dword(Flags) & HANDLE_FLAG_INHERIT))
    else:
        kernel.handles.get(value)


@api("FormatMessageW")
def FormatMessage(*args: object) -> str:
    """Windows' message for an error code, with its closing CR LF, as pywin32 gives it.

    ``FormatMessage(errCode=0)``: the message for ``errCode`` (0: GetLastError()'s).
    ``FormatMessage(flags, source, messageId, languageID, inserts)``: FORMAT_MESSAGE_FROM_SYSTEM
    (a code's message) or FORMAT_MESSAGE_FROM_STRING (``source`` is the text), its ``%1``...
    replaced by ``inserts`` unless FORMAT_MESSAGE_IGNORE_INSERTS. A code with no message fails
    with ERROR_MR_MID_NOT_FOUND.
    """
    if len(args) <= 1 and all(isinstance(arg, int) for arg in args):
        code = dword(args[0]) if args else 0
        text = message_text(code or last_error())
        inserts: object = None
    elif len(args) == 5:
        flags, source, message_id, _language, inserts = args
        flags = dword(flags)
        if flags & _FORMAT_MESSAGE_FROM_STRING:
            if not isinstance(source, str):
                raise TypeError("The source must be a string for FORMAT_MESSAGE_FROM_STRING")
            text = source
        else:  # FORMAT_MESSAGE_FROM_SYSTEM, the only message table here
            text = message_text(dword(message_id))
            if text is not None:
                text += "\r\n"
        if flags & _FORMAT_MESSAGE_IGNORE_INSERTS:
            inserts = None
    else:
        raise TypeError(f"FormatMessageW() takes exactly 5 arguments ({len(args)} given)")
    if text is None:
        raise Win32Error.from_code(ERROR_MR_MID_NOT_FOUND, "Windows has no message for that code")
    if inserts is not None:
        values = [str(value) for value in inserts]  # type: ignore[attr-defined]
        text = _INSERT.sub(
            lambda m: values[int(m[1]) - 1] if int(m[1]) <= len(values) else m[0], text
        )
    return text if len(args) == 5 else text + "\r\n"
