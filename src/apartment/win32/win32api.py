"""pywin32's ``win32api``: thread and process identity, handles, sleeping, last error.

``QueueUserAPC`` is an extension: pywin32 has none, but the Win32 function exists and the
kernel layer supports APCs.
"""

from __future__ import annotations

import operator
import os
import tempfile
import threading
from typing import TYPE_CHECKING, Any

from .. import kernel, messages
from ..errors import (
    ERROR_INVALID_PARAMETER,
    ERROR_MR_MID_NOT_FOUND,
    ERROR_NONE_MAPPED,
    ERROR_RESOURCE_LANG_NOT_FOUND,
    ERROR_RESOURCE_TYPE_NOT_FOUND,
    Win32Error,
    format_message,
    message_text,
)
from ..kernel import ThreadHandle
from ..messages.lowlevel import thread_poster
from . import (
    _api_display,
    _api_files,
    _api_input,
    _api_more,
    _api_power,
    _api_registry,
    _api_resources,
    _api_shell,
    _api_system,
    _api_windows,
    win32gui,
    win32process,
)
from ._adapt import (
    api,
    as_bool,
    c_long,
    dword,
    last_error,
    long_bool,
    long_param,
    ms_to_timeout,
    named,
    pointer_param,
    set_last_error,
    soft,
    stamped,
    wait_code,
)
from ._api_display import *  # noqa: F403  (display devices and modes)
from ._api_files import *  # noqa: F403  (win32api's file names, kept in their own module)
from ._api_input import *  # noqa: F403  (synthesized input, keyboard layouts, the cursor)
from ._api_more import *  # noqa: F403  (libraries, message boxes, monitors, the clock)
from ._api_power import *  # noqa: F403  (power, the file cache, colours, window words, help)
from ._api_registry import *  # noqa: F403  (win32api's registry names, in their own module)
from ._api_resources import *  # noqa: F403  (resources of Windows programs)
from ._api_shell import *  # noqa: F403  (the shell, programs, profiles, shutting down)
from ._api_system import *  # noqa: F403  (win32api's system names, kept in their own module)
from ._handles import PyHANDLE, handle_value, lookup
from ._win32gui_gdi import GetSysColor as GetSysColor
from ._win32gui_shell import DragFinish as DragFinish
from ._win32gui_shell import DragQueryFile as DragQueryFile
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
    "FormatMessage", "GetUserName", "GetUserNameEx", "GetDomainName", "GetComputerName",
    "NameSamCompatible", "GetTimeZoneInformation", "GetSystemPowerStatus", "VkKeyScan",
    "VkKeyScanEx", "GetShortPathName", "GetLongPathName", "GetLongPathNameW",
    "GetStdHandle", "SetStdHandle", "STD_INPUT_HANDLE", "STD_OUTPUT_HANDLE", "STD_ERROR_HANDLE",
    "GetModuleFileName", "GetModuleFileNameW", "GetCommandLine", "CommandLineToArgv",
    "TerminateProcess",
    "FormatMessageW", *_api_files.__all__, *_api_system.__all__, *_api_registry.__all__,
    *_api_more.__all__, *_api_input.__all__,
    *_api_shell.__all__, "DragQueryFile", "DragFinish", *_api_display.__all__,
    *_api_resources.__all__,
]  # fmt: skip

STD_INPUT_HANDLE = -10
STD_OUTPUT_HANDLE = -11
STD_ERROR_HANDLE = -12
_STREAMS = {STD_INPUT_HANDLE: 0, STD_OUTPUT_HANDLE: 1, STD_ERROR_HANDLE: 2}
_FORMAT_MESSAGE_IGNORE_INSERTS = 0x200
_FORMAT_MESSAGE_FROM_STRING = 0x400
_FORMAT_MESSAGE_FROM_SYSTEM = 0x1000
_FORMAT_MESSAGE_FROM_HMODULE = 0x800
_FORMAT_MESSAGE_MAX_WIDTH_MASK = 0xFF


def GetCurrentThreadId() -> int:
    return threading.get_native_id()


def GetCurrentProcessId() -> int:
    return os.getpid()


def GetCurrentThread() -> int:
    return kernel.CURRENT_THREAD


def GetCurrentProcess() -> int:
    return kernel.CURRENT_PROCESS


def GetLastError() -> int:
    code = last_error()  # pywin32 gives the DWORD as a signed C long
    return code - 2**32 if code >= 2**31 else code


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
    # pywin32 reads both as C LONGs: OverflowError outside 32 bits, -1 is INFINITE
    alerted = kernel.sleep(ms_to_timeout(long_param(time)), alertable=long_bool(bAlertable))
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


_post_thread_message = messages.post_thread_message


def _post_thread_message_checked(
    tid: object, idMessage: object, wParam: object = None, lParam: object = None, /
) -> None:
    """PostThreadMessage for what the one-frame call below does not take: any arguments."""
    tid = c_long(tid) & 0xFFFFFFFF  # a C long to pywin32 (win32gui's masks a DWORD)
    idMessage = dword(idMessage)  # (read in pywin32's order: the first bad one raises)
    wParam, lParam = pointer_param(wParam), pointer_param(lParam)
    try:
        _post_thread_message(tid, idMessage, wParam, lParam)
    except Win32Error as error:
        raise _stamp_post(error) from None


def _stamp_post(error: Win32Error) -> Win32Error:
    return stamped(error, "PostThreadMessage")


# PostThreadMessage with ints in range (every cross-thread message's call) is the message
# layer's post in one Python frame, as post_thread_message() is; anything else is converted
# above (pointer_param, dword) and posted the core's way.
PostThreadMessage = named(
    thread_poster(_post_thread_message_checked, _stamp_post),
    "PostThreadMessage",
    "Post a message to a thread's queue (PostThreadMessage(tid, idMessage, wParam, lParam)).",
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


@soft(lambda: -1)  # INVALID_HANDLE_VALUE, with the last error set: pywin32 raises nothing
def GetStdHandle(handle: int, /) -> int:
    """The standard handle STD_INPUT_HANDLE, STD_OUTPUT_HANDLE or STD_ERROR_HANDLE names."""
    return kernel.std_handle(_STREAMS.get(_c_int(handle), -1))


@api("SetStdHandle")
def SetStdHandle(handle: int, handle1: object, /) -> None:
    """Make ``handle1`` the standard handle ``handle`` names (the descriptors stay as they are)."""
    kernel.set_std_handle(_STREAMS.get(_c_int(handle), -1), handle_value(handle1))


@api("GetModuleFileNameW")
def GetModuleFileName(hModule: object, /) -> str:
    """The file of a module of this process; None or 0 is the program (python)."""
    return kernel.module_path(handle_value(hModule))


GetModuleFileNameW = GetModuleFileName


def GetCommandLine() -> str:
    """This process's command line, its arguments quoted by Windows' rules."""
    return kernel.command_line()


@api("CommandLineToArgv")
def CommandLineToArgv(cmdLine: str, /) -> list[str]:
    """Split a command line into its arguments by Windows' rules (CommandLineToArgvW)."""
    if not isinstance(cmdLine, str):
        kind = "None" if cmdLine is None else type(cmdLine).__name__
        raise TypeError(f"argument 1 must be str, not {kind}")
    return kernel.split_command_line(cmdLine)


TerminateProcess = win32process.TerminateProcess


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
    replaced by ``inserts`` (a sequence of str) unless FORMAT_MESSAGE_IGNORE_INSERTS. A code
    with no message fails with ERROR_MR_MID_NOT_FOUND; a text with inserts but None given
    fails with ERROR_INVALID_PARAMETER; the low byte of ``flags`` is the line width
    (FORMAT_MESSAGE_MAX_WIDTH_MASK: no line breaks but %n).
    """
    if len(args) <= 1 and all(isinstance(arg, int) for arg in args):
        code = dword(args[0]) if args else 0
        text = message_text(code or last_error())
        if text is None:
            raise Win32Error.from_code(
                ERROR_MR_MID_NOT_FOUND, "Windows has no message for that code"
            )
        return text + "\r\n"
    if len(args) != 5:
        raise TypeError(f"FormatMessageW() takes exactly 5 arguments ({len(args)} given)")
    flags, source, message_id, language, inserts = args
    flags = dword(flags)
    if inserts is not None and (
        isinstance(inserts, (str, bytes)) or not all(isinstance(value, str) for value in inserts)  # type: ignore[attr-defined]
    ):
        raise TypeError("Objects of type 'int' can not be converted to Unicode.")
    if flags & _FORMAT_MESSAGE_FROM_STRING:
        if not isinstance(source, str):
            raise TypeError(
                f"Objects of type '{type(source).__name__}' can not be converted to Unicode."
            )
        template = source
    else:
        template = _system_template(flags, source, dword(message_id), dword(language))
    try:
        return format_message(
            template,
            None if inserts is None else list(inserts),  # type: ignore[call-overload]
            ignore_inserts=bool(flags & _FORMAT_MESSAGE_IGNORE_INSERTS),
            width=flags & _FORMAT_MESSAGE_MAX_WIDTH_MASK,
        )
    except ValueError as bad:  # Windows reads the missing array (pywin32 passes NULL)
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, str(bad)) from None


def _system_template(flags: int, source: object, message_id: int, language: int) -> str:
    """The message table's text for FORMAT_MESSAGE_FROM_SYSTEM (or FROM_HMODULE with it).

    The texts here are en-US's: a language id of another primary language than neutral or
    English has none. FROM_HMODULE alone names a module's table; the program's own (None)
    has none, and other modules' tables are read as the system's.
    """
    if not flags & _FORMAT_MESSAGE_FROM_SYSTEM:
        if not flags & _FORMAT_MESSAGE_FROM_HMODULE:
            raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "say where the message is from")
        if not source:
            raise Win32Error.from_code(
                ERROR_RESOURCE_TYPE_NOT_FOUND, "the program's module has no message table"
            )
    text = message_text(message_id)
    if text is None:
        raise Win32Error.from_code(ERROR_MR_MID_NOT_FOUND, "Windows has no message for that code")
    if language & 0x3FF not in (0, 9):  # PRIMARYLANGID: LANG_NEUTRAL, LANG_ENGLISH
        raise Win32Error.from_code(
            ERROR_RESOURCE_LANG_NOT_FOUND, f"no message text in language {language:#x}"
        )
    return text + "\r\n"


FormatMessageW = FormatMessage


def GetUserName() -> str:
    """The user the calling thread acts as (an impersonated one: ANONYMOUS LOGON...)."""
    return kernel.thread_user_name(kernel.current_thread())


def GetDomainName() -> str:
    """A local account's domain: the computer's name."""
    return kernel.computer_name()


def GetComputerName() -> str:
    return kernel.computer_name()


NameSamCompatible = 2


@api("GetUserNameExW")
def GetUserNameEx(fmt: int, /) -> str:
    r"""Only NameSamCompatible (``DOMAIN\\user``): a local account has no other name."""
    if dword(fmt) != NameSamCompatible:
        raise Win32Error.from_code(ERROR_NONE_MAPPED, "a local account has only its SAM name")
    return f"{kernel.computer_name()}\\{kernel.user_name()}"


def _signed(value: int, bits: int) -> int:
    return value - 2**bits if value >= 2 ** (bits - 1) else value


def GetTimeZoneInformation(times_as_tuples: bool = False, /) -> tuple[int, tuple[object, ...]]:
    """(TIME_ZONE_ID_*, the 7 fields of TIME_ZONE_INFORMATION); dates are SYSTEMTIME tuples."""
    zone = kernel.time_zone()
    rc = 0 if zone.in_daylight is None else 2 if zone.in_daylight else 1
    return rc, (
        zone.bias, zone.standard_name, tuple(zone.standard_date), zone.standard_bias,
        zone.daylight_name, tuple(zone.daylight_date), zone.daylight_bias,
    )  # fmt: skip


def GetSystemPowerStatus() -> dict[str, int]:
    status = kernel.power_status()
    return {
        "ACLineStatus": status.ac_line_status,
        "BatteryFlag": status.battery_flag,
        "BatteryLifePercent": _signed(status.battery_life_percent, 8),  # pywin32: a signed char
        "SystemStatusFlag": status.system_status_flag,
        "BatteryLifeTime": status.battery_life_time,
        "BatteryFullLifeTime": status.battery_full_life_time,
    }


def _char(char: object) -> str:
    if isinstance(char, bytes) and len(char) == 1:
        return char.decode("latin-1")
    if not isinstance(char, str) or len(char) != 1:
        raise TypeError("must be a unicode or byte string of length 1")
    return char


def VkKeyScan(char: str | bytes, /) -> int:
    return messages.key_scan(_char(char))


def VkKeyScanEx(char: str | bytes, hkl: object, /) -> int:
    """The layout ``hkl`` is ignored: the one layout is US English."""
    return messages.key_scan(_char(char))


def _path(path: object) -> str:
    if not isinstance(path, str):
        raise TypeError(f"Objects of type '{type(path).__name__}' can not be converted to Unicode.")
    return path


@api("GetShortPathNameW")
def GetShortPathName(path: str, /) -> str:
    return kernel.short_path_name(_path(path))


@api("GetLongPathNameW")
def GetLongPathName(path: str, /) -> str:
    return kernel.long_path_name(_path(path))


GetLongPathNameW = GetLongPathName


# -- window longs, the focus, the cursor (s19-gui): in a module of their own ---------------------
from ._api_windows import *  # noqa: E402,F403

__all__ += _api_windows.__all__
__all__ += ["GetSysColor"]  # win32gui's, which win32api has too
__all__ += _api_power.__all__
