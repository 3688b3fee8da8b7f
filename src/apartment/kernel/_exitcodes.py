"""Exit codes wider than a byte: a Python program here may end with any 32-bit code.

On Windows a process's exit code is 32 bits: ``sys.exit(1000)`` gives 1000 and
``sys.exit(-1)`` gives -1 (0xFFFFFFFF). Linux keeps only the low byte of an exit status, so a
program of this library that ends with such a code writes it down first, in a record named
after its pid in the runtime directory, and the processes that see it end (its parent's
reaper, or a process that opened it by id) read the record back. A record counts only when
its low byte is the status the process ended with, so a stale one (a program that caught its
own ``SystemExit``, or the record of an earlier process with the same pid) is not believed;
each program removes its pid's stale record as it starts.

Which thread runs what: :func:`record_exit_code` runs on the exiting program's main thread;
:func:`recorded_exit_code` on the reaper thread of the process that sees the exit.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from typing import TYPE_CHECKING, NoReturn

from .._runtime import runtime_dir

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "forget_exit_code",
    "record_exit_code",
    "record_sys_exit",
    "recorded_exit_code",
    "signed_exit_code",
]


def _record_path(pid: int) -> Path:
    folder = runtime_dir() / "exits"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder / str(pid)


def signed_exit_code(code: int) -> int:
    """The code as Windows' GetExitCodeProcess gives it through pywin32: a signed 32 bits."""
    value = code & 0xFFFFFFFF
    return value - (1 << 32) if value >= 1 << 31 else value


def record_exit_code(code: object) -> None:
    """Write down this process's exit code if a byte cannot carry it (an int outside 0..255).

    Called as the program ends with ``code`` (``SystemExit``'s code): None and other objects
    end it with 0 or 1, which a byte carries. Never raises: the exit goes on whatever happens.
    """
    if not isinstance(code, int) or isinstance(code, bool) or 0 <= code <= 0xFF:
        return
    with contextlib.suppress(Exception):
        path = _record_path(os.getpid())
        partial = path.with_name(f"{path.name}.partial")
        partial.write_text(str(signed_exit_code(code)))
        os.replace(partial, path)


def forget_exit_code() -> None:
    """Remove a record left by an earlier process that had this process's pid."""
    with contextlib.suppress(Exception):
        _record_path(os.getpid()).unlink(missing_ok=True)


def recorded_exit_code(pid: int, status: int) -> int:
    """The exit code of process ``pid`` that ended with the byte ``status``; the record goes.

    ``status`` itself unless the process wrote down a wider code whose low byte it is.
    """
    try:
        path = _record_path(pid)
        text = path.read_text()
        path.unlink(missing_ok=True)
        code = int(text)
    except (OSError, ValueError):
        return status
    return code if code & 0xFF == status else status


def record_sys_exit() -> None:
    """Make ``sys.exit`` (main thread) and ``os._exit`` write down a code wider than a byte.

    A program started by CreateProcess runs as Python's ``__main__``, where nothing of this
    library surrounds it: ``sys.exit`` and ``os._exit`` are where its code can be seen, and on
    Python 3.12 and later a ``SystemExit`` leaving ``__main__``'s module code (a bare ``raise
    SystemExit(1000)``) too, through ``sys.monitoring`` (:func:`_watch_main_exit`). Before 3.12
    nothing sees that raise without tracing every call, so its parent gets 1000 & 0xFF. Called
    once, at start-up (a child's hook).
    """
    forget_exit_code()
    _watch_main_exit()

    def exit(status: object = None, /) -> NoReturn:
        if threading.current_thread() is threading.main_thread():
            record_exit_code(status)
        raise SystemExit(status)  # what sys.exit does

    exit.__doc__ = sys.exit.__doc__
    sys.exit = exit
    end_now = os._exit

    def _exit(status: int, /) -> NoReturn:  # any thread: the process ends at once
        record_exit_code(status)
        end_now(status)

    _exit.__doc__ = os._exit.__doc__
    os._exit = _exit  # type: ignore[assignment]  # the same call, recorded first


_TOOL_IDS = (4, 3)
"""``sys.monitoring`` tool ids tried, in order (0-2 and 5 are the debugger's, coverage's,
profiler's and optimizer's by convention)."""


def _watch_main_exit() -> None:
    """Write down the code of a ``SystemExit`` that leaves ``__main__``'s module code.

    A ``PY_UNWIND`` callback (Python 3.12+) runs on whichever thread a frame is unwound by an
    exception, as it leaves the frame; it records only a ``SystemExit`` unwinding the module
    frame of ``__main__`` on the main thread, which is what ends the program. Unwinds are rare
    next to calls, and this event does not instrument code, so the cost is one small call per
    frame an exception leaves. Without a free tool id nothing is watched.
    """
    monitoring = getattr(sys, "monitoring", None)
    if monitoring is None:
        return
    for tool in _TOOL_IDS:
        if monitoring.get_tool(tool) is None:
            break
    else:
        return
    main = threading.main_thread().ident

    def unwound(code: object, offset: int, failure: BaseException) -> object:
        del offset
        if (
            isinstance(failure, SystemExit)
            and getattr(code, "co_name", None) == "<module>"
            and threading.get_ident() == main
            and sys._getframe(1).f_globals.get("__name__") == "__main__"
        ):
            record_exit_code(failure.code)
        return None

    monitoring.use_tool_id(tool, "apartment exit codes")
    monitoring.register_callback(tool, monitoring.events.PY_UNWIND, unwound)
    monitoring.set_events(tool, monitoring.get_events(tool) | monitoring.events.PY_UNWIND)
