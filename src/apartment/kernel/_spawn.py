"""Starting child processes (CreateProcess): suspended, with inherited handles, Python or not.

* **Suspended.** The child starts as ``/bin/sh`` stopped by SIGSTOP before it runs anything
  of its program; its primary thread's suspend count is 1, and resuming it (SIGCONT) lets
  the shell ``exec`` the program, which keeps the pid.
* **Python children** (the program is a Python interpreter) get, on their ``PYTHONPATH``, a
  start-up hook (a ``sitecustomize`` that runs the next one on the path too) and the library
  itself, and the session's runtime directory: with ``python_path`` the caller names the
  hook's directory (the facade's installs the pywin32 names); by default the kernel's own
  hook only takes inherited handles.
* **Inherited handles** (``inherit``) reach a Python child with the same values
  (``_inherit``).
* **Standard handles** (``std``, STARTUPINFO's with STARTF_USESTDHANDLES) become the
  child's descriptors 0, 1 and 2. As on Windows 8 and later, a handle reaches the child
  only if it is inheritable and the child inherits handles; else the child's stream is
  NULL on Windows, ``/dev/null`` here. A Python child also finds them at the same handle
  values, and gets the start-up information (``startup``) for GetStartupInfo.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import importlib.machinery
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .._runtime import RuntimeDirError, runtime_dir
from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_BAD_EXE_FORMAT,
    ERROR_DIRECTORY,
    ERROR_FILE_NOT_FOUND,
    InvalidHandleError,
    InvalidParameterError,
    NotSupportedError,
    Win32Error,
)
from ._cmdline import ARGV0_ENV, split_command_line
from ._core import KERNEL_LOCK
from ._file import File
from ._handles import handles
from ._inherit import CHILD_ENV, child_failed, child_started, reserve_child
from ._job import jobs_for_child, join_jobs
from ._jobwatch import JOBS_ENV
from ._process import ProcessHandle, adopt_child
from ._stdio import StartupInfo, startup_payload

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = ["start_process", "create_process", "KERNEL_HOOK", "is_python", "run_next_sitecustomize"]

KERNEL_HOOK = str(Path(__file__).with_name("_boot"))
"""The directory of the kernel's start-up hook for Python children (inherited handles)."""
_PACKAGE = Path(__file__).resolve().parents[1]
"""The ``apartment`` package's directory."""


def _library_path() -> str:
    """A directory holding this ``apartment`` package and nothing else, for a child's path.

    The package's own parent may be a whole ``site-packages`` of this interpreter, which must
    not reach a child running another one: a link to the package, in a directory named after
    its path, in the runtime directory, stands for it. Where that cannot be made, the parent.
    """
    digest = hashlib.sha256(str(_PACKAGE).encode()).hexdigest()[:16]
    try:
        folder = runtime_dir() / "python" / digest
        link = folder / "apartment"
        if not link.is_symlink() or link.resolve() != _PACKAGE:
            folder.parent.mkdir(mode=0o700, exist_ok=True)
            folder.mkdir(mode=0o700, exist_ok=True)
            temporary = folder / f".apartment-{os.getpid()}"
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
            temporary.symlink_to(_PACKAGE, target_is_directory=True)
            os.replace(temporary, link)
        return str(folder)
    except (OSError, RuntimeDirError):
        return str(_PACKAGE.parent)


_PYTHON = re.compile(r"python(\d+(\.\d+)*)?t?(\.exe)?")
_STOPPED_START = 'kill -STOP "$$"; exec "$0" "$@"'


def share_python_hooks(hooks: Sequence[str]) -> None:
    """Put start-up hook directories first on this process's ``PYTHONPATH``, for its children.

    :func:`create_process` hands its hooks to the Python children it starts; a program's own
    children (``subprocess``, ``multiprocessing``, ``os.system``) only inherit the
    environment, so a program that wants them to have what its hooks give (pywin32's names:
    on Windows any Python child can import pywin32) shares them here. This package's own
    directory comes with them (:func:`_library_path`); what the path held stays after them.
    Call it on the main thread before the program starts: the environment is process-wide.
    """
    existing = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [*hooks, _library_path(), *([existing] if existing else [])]
    )


def is_python(program: str) -> bool:
    """Tell whether ``program`` is a Python interpreter (by name, or ours)."""
    if _PYTHON.fullmatch(os.path.basename(program)):
        return True
    try:
        return os.path.realpath(program) == os.path.realpath(sys.executable)
    except OSError:
        return False


def _resolve(program: str, cwd: str | None) -> str:
    """The program's path: relative to ``cwd``, or in our program's directory or on PATH."""
    if os.sep in program:
        path = program if os.path.isabs(program) else os.path.join(cwd or ".", program)
        if not os.path.exists(path):
            raise FileNotFoundError(errno.ENOENT, "no such program", program)
        if not os.access(path, os.X_OK):
            raise PermissionError(errno.EACCES, "the program is not executable", program)
        return path
    # Windows looks in the directory of the running program first, then on PATH; a Windows
    # name (python.exe) is looked for without its .exe too, as Linux programs have none.
    names = [program]
    if program.lower().endswith(".exe") and len(program) > 4:
        names.append(program[:-4])
    search = os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")])
    for name in names:
        found = shutil.which(name, path=search)
        if found is not None:
            return found
    raise FileNotFoundError(errno.ENOENT, "no such program on PATH", program)


def start_process(
    args: Sequence[str],
    *,
    executable: str | None = None,
    cwd: str | None = None,
    env: Mapping[str, str] | None = None,
    suspended: bool = False,
    inherit_handles: bool = False,
    python_path: Sequence[str] | None = None,
    std: Sequence[int] | None = None,
    startup: StartupInfo | None = None,
    breakaway: bool = False,
) -> ProcessHandle:
    """Start a child process and return its handle (CreateProcess).

    ``args[0]`` is the program (looked up on PATH) unless ``executable`` names it. With
    ``suspended`` the child runs nothing of its program until its primary thread is resumed.
    With ``inherit_handles`` a Python child gets this process's inheritable handles at the
    same values; ``python_path`` names start-up hook directories for a Python child (see the
    module doc). ``std`` gives the child's standard input, output and error as three handle
    values (else it shares this process's); ``startup`` is what a Python child's
    GetStartupInfo answers. The child is in the jobs of this process, unless a job lets it
    go: always (JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK), or if asked with ``breakaway``
    (CREATE_BREAKAWAY_FROM_JOB) and allowed (JOB_OBJECT_LIMIT_BREAKAWAY_OK).

    Raises:
        FileNotFoundError, PermissionError, OSError: the program could not be started.
        AccessDeniedError: ``breakaway`` from a job that does not allow it.
        NotEnoughQuotaError: a job of this process has its active process limit reached.
    """
    argv = list(args)
    if not argv and executable is None:
        raise InvalidParameterError("name a program to start")
    program = executable if executable is not None else argv[0]
    if executable is None and os.sep not in program:
        path = _resolve(program, cwd)
        if shutil.which(program) != path:  # found as Windows finds it, not as exec would
            argv[0] = path
    if suspended:  # resolved before a slot is reserved: a missing program leaves none held
        path = _resolve(program, cwd)
        argv = ["/bin/sh", "-c", _STOPPED_START, path, *argv[1:]]
        executable = None
    jobs = jobs_for_child(breakaway)
    child_env = dict(os.environ if env is None else env)
    if executable is not None and argv and argv[0] != executable and is_python(executable):
        child_env[ARGV0_ENV] = f"{os.getpid()}:{argv[0]}"  # see ARGV0_ENV
        argv[0] = os.path.abspath(executable)
    if jobs is not None:
        child_env[JOBS_ENV] = " ".join(jobs)
    slot = -1
    inherit = handles.inheritable() if inherit_handles else []
    streams, given = _std_streams(std, inherit_handles)
    if is_python(program) and (inherit or python_path):
        hooks = list(python_path) if python_path else [KERNEL_HOOK]
        existing = child_env.get("PYTHONPATH")
        child_env["PYTHONPATH"] = os.pathsep.join(
            [*hooks, _library_path(), *([existing] if existing else [])]
        )
        with contextlib.suppress(RuntimeDirError):  # else the child meets it too, using a name
            child_env["APARTMENT_RUNTIME_DIR"] = str(runtime_dir())
        extra = startup_payload(startup or StartupInfo(title=program), given)
        slot, payload = reserve_child(inherit, extra, max(given))
        child_env[CHILD_ENV] = payload
    try:
        popen = subprocess.Popen(
            argv,
            executable=executable,
            cwd=cwd,
            env=child_env,
            stdin=streams[0],
            stdout=streams[1],
            stderr=streams[2],
        )
    except BaseException:
        if slot >= 0:
            child_failed(slot)
        raise
    if slot >= 0:
        child_started(slot, popen.pid)
    if suspended:  # return once it is stopped: a resume must not come before the stop
        os.waitid(os.P_PID, popen.pid, os.WSTOPPED | os.WEXITED | os.WNOWAIT)
    process = adopt_child(popen)
    join_jobs(process, jobs)
    if suspended:
        with KERNEL_LOCK:
            process.primary_thread._suspend_count = 1
    return process


def _std_streams(std: Sequence[int] | None, inherit: bool) -> tuple[list[int | None], list[int]]:
    """The child's descriptors 0 to 2 for Popen, and the handle values it gets for them.

    None for all three when ``std`` is None: the child shares this process's. A handle the
    child would not inherit, or a file with no plain descriptor, gives it ``/dev/null``
    (Windows gives it a NULL handle) and the value 0.
    """
    if std is None:
        return [None, None, None], [0, 0, 0]
    streams: list[int | None] = []
    given: list[int] = []
    for value in std:
        fd = None
        if value and inherit:
            try:
                if handles.is_inheritable(value):
                    obj = handles.get(value)
                    fd = obj.descriptor() if isinstance(obj, File) else None
            except (InvalidHandleError, NotSupportedError):
                fd = None
        streams.append(subprocess.DEVNULL if fd is None else fd)
        given.append(0 if fd is None else value)
    return streams, given


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
    inherit_handles: bool = False,
    python_path: Sequence[str] | None = None,
    std: Sequence[int] | None = None,
    startup: StartupInfo | None = None,
    breakaway: bool = False,
) -> ProcessHandle:
    """Start a child process from a program name and a command line (CreateProcess).

    The command line is split into arguments by Windows' rules (``_cmdline``); without one,
    the program is run with no arguments. ``application``, when given, names the program, else
    the command line's first word does (looked up on PATH). See :func:`start_process` for
    the options.

    Raises:
        InvalidParameterError: neither a program nor a command line was given.
        Win32Error: the program could not be started: ERROR_FILE_NOT_FOUND (also for a
            command line naming no program), ERROR_ACCESS_DENIED or ERROR_BAD_EXE_FORMAT,
            as Windows reports them; ERROR_DIRECTORY: ``cwd`` is no directory.
    """
    if application is None and command_line is None:
        raise InvalidParameterError("name a program: an application or a command line")
    if application is None and not (command_line or "").strip():  # no "this program" default
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, "the command line names no program")
    args = split_command_line(command_line) if command_line is not None else [str(application)]
    if cwd and not os.path.isdir(cwd):
        raise Win32Error.from_code(
            ERROR_DIRECTORY, f"the current directory {cwd!r} is no directory"
        )
    try:
        return start_process(
            args,
            executable=application,
            cwd=cwd,
            env=env,
            suspended=suspended,
            inherit_handles=inherit_handles,
            python_path=python_path,
            std=std,
            startup=startup,
            breakaway=breakaway,
        )
    except OSError as failure:
        code = _ERRNO_TO_WIN32.get(failure.errno or 0, ERROR_FILE_NOT_FOUND)
        raise Win32Error.from_code(code, str(failure)) from None


def run_next_sitecustomize(hook_file: str) -> None:
    """Run the ``sitecustomize`` a start-up hook of ours hides (the next one on the path).

    A hook is a ``sitecustomize`` put first on a child's ``PYTHONPATH``, so Python imports it
    and not the one the child would have imported (a distribution's, a virtual
    environment's); it calls this last, with its own ``__file__``, to run that one too.
    """
    here = os.path.dirname(os.path.abspath(hook_file))
    ours = {here} | {
        os.path.dirname(os.path.abspath(module.__file__))
        for name, module in list(sys.modules.items())
        if name.startswith("apartment") and name.endswith("sitecustomize") and module.__file__
    }
    rest = [entry for entry in sys.path if os.path.abspath(entry or os.curdir) not in ours]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", rest)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
