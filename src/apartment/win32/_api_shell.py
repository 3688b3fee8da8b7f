"""win32api's shell and program names: ShellExecute, WinExec, FindExecutable, and more.

Also shutting down, profile files, the DLL directory, the thread's locale.

Re-exported by :mod:`.win32api`. Each is one call into :mod:`apartment.kernel` (``_shell``,
``_profile``, ``_libraries``, ``_threadlocale``); pywin32's quirks are kept here and named:
ShellExecute raises its number as the error when it is 32 or less, FindExecutable raises a
one-argument error for "no association", GetDllDirectory raises the last error when none is set.
"""

from __future__ import annotations

import operator

from .. import kernel
from ..errors import Win32Error, message_text
from ._adapt import api, last_error, stamped
from ._buffers import text_arg
from .pywintypes import error
from .win32process import FACADE_HOOK

__all__ = [
    "ShellExecute", "WinExec", "FindExecutable", "ExitWindows", "ExitWindowsEx",
    "InitiateSystemShutdown", "AbortSystemShutdown", "GetDllDirectory", "SetDllDirectory",
    "SetThreadLocale", "GetProfileVal", "WriteProfileVal", "GetProfileSection",
    "WriteProfileSection", "SetSystemPowerState", "NameUnknown", "NameFullyQualifiedDN",
    "NameDisplay", "NameUniqueId", "NameCanonical", "NameUserPrincipal", "NameCanonicalEx",
    "NameServicePrincipal",
]  # fmt: skip

_HOOK = [FACADE_HOOK]


def _optional_text(value: object) -> str | None:
    return None if value is None else text_arg(value)


@api("ShellExecute")
def ShellExecute(
    hwnd: int, op: str | None, file: str, params: str | None, _dir: str | None, bShow: int, /
) -> int:
    """Open or run a file; its "instance" (> 32), or pywin32's error with Windows' number."""
    operator.index(hwnd)
    operator.index(bShow)
    code = kernel.shell_execute(
        text_arg(file),
        verb=_optional_text(op),
        parameters=_optional_text(params),
        directory=_optional_text(_dir),
        python_path=_HOOK,
    )
    if code <= 32:  # pywin32 raises for ShellExecute's "errors", which are numbers
        raise Win32Error.from_code(code, f"ShellExecute answered {code} for {file!r}")
    return code


@api("WinExec")
def WinExec(cmdLine: str, arg: int = 1, /) -> None:
    """Run a command line (CreateProcess with it alone); ``arg`` is the show command."""
    operator.index(arg)
    kernel.run_command_line(text_arg(cmdLine), python_path=_HOOK)


def FindExecutable(filename: str, _dir: str | None = None, /) -> tuple[int, str]:
    """(> 32, the program that opens ``filename``)."""
    code, path = kernel.find_executable(text_arg(filename), _optional_text(_dir) or None)
    if code == kernel.SE_ERR_NOASSOC:  # pywin32's own error, with its message alone
        raise error("FindExecutable: There is no association for the file")
    if code <= 32:
        raise stamped(
            Win32Error.from_code(code, f"FindExecutable answered {code} for {filename!r}"),
            "FindExecutable",
        )
    return code, path


@api("ExitWindows")
def ExitWindows(reserved1: int = 0, reserved2: int = 0, /) -> None:
    """Refused: ERROR_PRIVILEGE_NOT_HELD, or ERROR_ACCESS_DENIED with the privilege."""
    kernel.shut_down("logging off")


@api("ExitWindowsEx")
def ExitWindowsEx(flags: int, reserved: int = 0, /) -> None:
    """Refused: ERROR_PRIVILEGE_NOT_HELD, or ERROR_ACCESS_DENIED with the privilege."""
    operator.index(flags)
    kernel.shut_down("logging off or shutting down")


@api("InitiateSystemShutdown")
def InitiateSystemShutdown(
    computerName: str | None,
    message: str | None,
    timeOut: int,
    bForceClose: int,
    bRebootAfterShutdown: int,
    /,
) -> None:
    """Refused: ERROR_PRIVILEGE_NOT_HELD, or ERROR_ACCESS_DENIED with the privilege."""
    _optional_text(computerName)
    _optional_text(message)
    kernel.shut_down("shutting down")


@api("AbortSystemShutdown")
def AbortSystemShutdown(computerName: str | None, /) -> None:
    """No shutdown is ever in progress: ERROR_NO_SHUTDOWN_IN_PROGRESS (with the privilege)."""
    _optional_text(computerName)
    kernel.abort_shutdown()


@api("GetDllDirectory")
def GetDllDirectory() -> str:
    """The directory SetDllDirectory added; pywin32 raises error 0 when there is none."""
    directory = kernel.dll_directory()
    if not directory:  # length 0, no error set: pywin32 raises whatever GetLastError says
        code = last_error()
        raise Win32Error(code, "GetDllDirectory", message_text(code))
    return directory


@api("SetDllDirectory")
def SetDllDirectory(PathName: str | None, /) -> None:
    kernel.set_dll_directory(_optional_text(PathName))


@api("SetThreadLocale")
def SetThreadLocale(lcid: int, /) -> None:
    kernel.set_thread_locale(operator.index(lcid))


def GetProfileVal(section: str, entry: str, defValue: str, iniName: str | None = None, /) -> str:
    """A value of a profile file (win.ini by default), or ``defValue``."""
    return kernel.profile_value(
        text_arg(section), text_arg(entry), text_arg(defValue), _optional_text(iniName)
    )


def WriteProfileVal(
    section: str, entry: str, value: str | int | None, iniName: str | None = None, /
) -> None:
    """Set (or with None delete) a value; pywin32 writes an int as its digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    kernel.write_profile_value(
        text_arg(section), text_arg(entry), _optional_text(value), _optional_text(iniName)
    )


def GetProfileSection(section: str, iniName: str | None = None, /) -> list[str]:
    """The ``key=value`` lines of a section."""
    return kernel.profile_section(text_arg(section), _optional_text(iniName))


def WriteProfileSection(section: str, data: str, iniName: str | None = None, /) -> None:
    r"""Replace a section's lines: ``data`` is "k=v\\0...\\0\\0", as Windows takes it."""
    text = text_arg(data)
    if not text.endswith("\0\0"):
        raise ValueError("Section data must be terminated by double null")
    entries = [entry for entry in text[:-2].split("\0") if entry]
    kernel.write_profile_section(text_arg(section), entries, _optional_text(iniName))


# EXTENDED_NAME_FORMAT (GetUserNameEx, TranslateName); NameSamCompatible (2) is in win32api.
NameUnknown, NameFullyQualifiedDN, NameDisplay = 0, 1, 3
NameUniqueId, NameCanonical, NameUserPrincipal = 6, 7, 8
NameCanonicalEx, NameServicePrincipal = 9, 10


@api("SetSystemPowerState")
def SetSystemPowerState(Suspend: int, Force: int, /) -> None:
    """Refused as shutting down is: 1314 without SeShutdownPrivilege enabled, else 5."""
    operator.index(Suspend)
    operator.index(Force)
    kernel.shut_down("suspending the machine")
