"""Opening files as the shell does (ShellExecute, FindExecutable, WinExec) and shutting down.

ShellExecute answers with a number, not an error: greater than 32 when it started something,
else one of Windows' codes: 2 (SE_ERR_FNF) no such file, 31 (SE_ERR_NOASSOC) nothing opens
it. What opens what:

* a program (an executable file, or a name found as CreateProcess finds it) is run with the
  parameters as its command line, for the verbs ``None`` and "open"; another verb has no
  association (31). A directory that does not exist is ignored (the program starts in the
  caller's), as Wine does;
* a Python script (``.py``) is run by this interpreter, as Windows runs it when Python is
  installed;
* any other file or a directory is given to the desktop's opener (``xdg-open``) when there is
  a graphical session; else nothing opens it (31).

Shutting down (ExitWindowsEx, InitiateSystemShutdown) needs SeShutdownPrivilege enabled in
the caller's token, and is refused without it (ERROR_PRIVILEGE_NOT_HELD), as Windows refuses;
with it, it is refused too (ERROR_ACCESS_DENIED): nothing here ever shuts the machine down.
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import TYPE_CHECKING

from ..errors import ERROR_ACCESS_DENIED, ERROR_PRIVILEGE_NOT_HELD, Win32Error
from ._cmdline import split_command_line
from ._spawn import create_process, start_process
from ._thread import current_thread
from ._token import effective_token

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "ERROR_NO_SHUTDOWN_IN_PROGRESS",
    "SE_ERR_FNF",
    "SE_ERR_NOASSOC",
    "abort_shutdown",
    "find_executable",
    "run_command_line",
    "set_desktop_opener",
    "shell_execute",
    "shut_down",
]

SE_ERR_FNF = 2
SE_ERR_NOASSOC = 31
ERROR_NO_SHUTDOWN_IN_PROGRESS = 1116
_STARTED = 42  # ShellExecute's "instance" for a start: any number above 32
_OPEN_VERBS = (None, "", "open")


def _graphical_opener() -> list[str] | None:
    """``xdg-open`` when the session has a display, else None."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return None
    found = shutil.which("xdg-open")
    return [found] if found else None


_opener: list[Callable[[], list[str] | None]] = [_graphical_opener]


def set_desktop_opener(opener: Callable[[], list[str] | None] | None) -> None:
    """Replace what finds the desktop's opener (a command line to run before the file's path).

    For tests and hosts; None restores ``xdg-open`` with a graphical session.
    """
    _opener[0] = opener or _graphical_opener


def _program(file: str, directory: str | None) -> str | None:
    """The program ``file`` names (a path, or a name on PATH), or None if it is no program."""
    if os.sep in file or os.path.isabs(file):
        path = file if os.path.isabs(file) else os.path.join(directory or ".", file)
        return path if os.path.isfile(path) and os.access(path, os.X_OK) else None
    found = shutil.which(file) or (
        shutil.which(file[:-4]) if file.lower().endswith(".exe") else None
    )
    if found is not None:
        return found
    local = os.path.join(directory or ".", file)
    return local if os.path.isfile(local) and os.access(local, os.X_OK) else None


def _target(file: str, directory: str | None) -> str | None:
    """The path of an existing file or directory ``file`` names, or None."""
    path = file if os.path.isabs(file) else os.path.join(directory or ".", file)
    return path if os.path.exists(path) else None


def _association(file: str, directory: str | None) -> tuple[int, list[str]]:
    """(code, the command that opens ``file`` without its arguments): code 0 when found."""
    program = _program(file, directory)
    if program is not None:
        return 0, [program]
    path = _target(file, directory)
    if path is None:
        return SE_ERR_FNF, []
    if path.lower().endswith(".py") and os.path.isfile(path):
        return 0, [sys.executable, path]
    opener = _opener[0]()
    return (0, [*opener, path]) if opener else (SE_ERR_NOASSOC, [])


def shell_execute(
    file: str,
    *,
    verb: str | None = None,
    parameters: str | None = None,
    directory: str | None = None,
    python_path: Sequence[str] | None = None,
) -> int:
    """Open, or run, a file as the shell does (ShellExecute); > 32 started, else the reason.

    ``parameters`` is the program's command line (Windows' quoting rules); ``python_path``
    is given to Python programs started (the facade's hook). See the module's docstring.
    """
    for value in (file, verb, parameters, directory):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"ShellExecute takes strings, not {value!r}")
    code, command = _association(file, directory)
    if code:
        return code
    if verb not in _OPEN_VERBS:
        return SE_ERR_NOASSOC
    cwd = directory if directory and os.path.isdir(directory) else None
    args = [*command, *split_command_line(parameters or "")] if parameters else command
    try:
        start_process(args, cwd=cwd, python_path=python_path)
    except FileNotFoundError:
        return SE_ERR_FNF
    except OSError:
        return SE_ERR_NOASSOC
    return _STARTED


def find_executable(file: str, directory: str | None = None) -> tuple[int, str]:
    """The program that opens a file (FindExecutable): (> 32, its path) or (the reason, "").

    The reasons are ShellExecute's: 2 no such file, 31 nothing opens it.
    """
    if not isinstance(file, str) or (directory is not None and not isinstance(directory, str)):
        raise TypeError("FindExecutable takes strings")
    code, command = _association(file, directory or None)
    if code:
        return code, ""
    return _STARTED, os.path.abspath(command[0])


def run_command_line(command_line: str, *, python_path: Sequence[str] | None = None) -> None:
    """Run a command line as WinExec does: CreateProcess with the line alone.

    Raises:
        Win32Error: the program could not be started (ERROR_FILE_NOT_FOUND, ...).
    """
    if not isinstance(command_line, str):
        raise TypeError(f"a command line is a str, not {type(command_line).__name__}")
    create_process(None, command_line, python_path=python_path)


def _check_shutdown_privilege(action: str) -> None:
    if not effective_token(current_thread()).privilege_enabled("SeShutdownPrivilege"):
        raise Win32Error.from_code(
            ERROR_PRIVILEGE_NOT_HELD,
            f"{action} needs SeShutdownPrivilege enabled (AdjustTokenPrivileges)",
        )


def shut_down(action: str = "shutting down") -> None:
    """Refuse to log off, shut down or restart (ExitWindowsEx, InitiateSystemShutdown).

    Raises:
        Win32Error: ERROR_PRIVILEGE_NOT_HELD without SeShutdownPrivilege enabled, as Windows
            refuses; ERROR_ACCESS_DENIED with it: this library never shuts the machine down.
    """
    _check_shutdown_privilege(action)
    raise Win32Error.from_code(
        ERROR_ACCESS_DENIED, f"{action} is not modelled: the machine is not shut down"
    )


def abort_shutdown() -> None:
    """Cancel a shutdown in progress (AbortSystemShutdown): there never is one.

    Raises:
        Win32Error: ERROR_PRIVILEGE_NOT_HELD without SeShutdownPrivilege enabled, else
            ERROR_NO_SHUTDOWN_IN_PROGRESS.
    """
    _check_shutdown_privilege("aborting a shutdown")
    raise Win32Error.from_code(ERROR_NO_SHUTDOWN_IN_PROGRESS, "no shutdown is in progress")
