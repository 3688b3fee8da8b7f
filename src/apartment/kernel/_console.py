"""Console control events: Ctrl+C, Ctrl+Break and closing the console, as handler calls.

Windows calls a process's control handlers, the last added first, on a new thread when the
console sends an event; the first that returns True ends the search, and when none does the
default runs (for Python, the ``KeyboardInterrupt`` of Ctrl+C). Linux's counterparts are
signals: SIGINT is CTRL_C_EVENT (0), SIGQUIT (Ctrl+backslash) CTRL_BREAK_EVENT (1) and SIGHUP
(the terminal went away) CTRL_CLOSE_EVENT (2). While a handler is registered those signals
are caught; each one starts a thread that calls the handlers, and when none handles it the
signal's previous Python handler runs in the main thread, as it would have without them.

Python lets only the main thread set a signal handler: the first handler must be added
there (later ones, and removals, from any thread).

As pywin32's, a handler that raises is reported and the next one is asked, and one that
raises ``SystemExit`` ends the program with its code (here the exit is raised in the main
thread). What goes to the main thread goes as a real signal, which also ends a system call
the main thread is blocked in, as Ctrl+C would. A SIGINT while the handlers run is a
handler's ``_thread.interrupt_main()``: it goes to the main thread's own handler.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import traceback
from typing import TYPE_CHECKING, Any

from ..errors import ERROR_INVALID_PARAMETER, Win32Error

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import FrameType

__all__ = [
    "CTRL_C_EVENT",
    "CTRL_BREAK_EVENT",
    "CTRL_CLOSE_EVENT",
    "add_ctrl_handler",
    "remove_ctrl_handler",
    "ignore_ctrl_c",
    "raise_ctrl_event",
]

CTRL_C_EVENT = 0
CTRL_BREAK_EVENT = 1
CTRL_CLOSE_EVENT = 2
_SIGNALS: dict[int, int] = {signal.SIGINT: CTRL_C_EVENT, signal.SIGQUIT: CTRL_BREAK_EVENT}
_SIGNALS[signal.SIGHUP] = CTRL_CLOSE_EVENT
_EVENTS = {event: signum for signum, event in _SIGNALS.items()}

_lock = threading.Lock()
_handlers: list[Callable[[int], object]] = []
_previous: dict[int, Any] = {}  # signal -> the Python handler before ours
_unhandled: set[int] = set()  # signals whose handlers all declined: run the previous one
_ignore_ctrl_c = False
_dispatching = 0  # handler threads at work: a SIGINT meanwhile is one of them interrupting
_pending_exit: SystemExit | None = None  # a handler's SystemExit, for the main thread


def _install() -> None:
    """Catch the three signals (in the main thread, the first time; under ``_lock``)."""
    if _previous:
        return
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError(
            "the first console control handler must be added from the main thread "
            "(Python sets signal handlers only there)"
        )
    for signum in _SIGNALS:
        _previous[signum] = signal.signal(signum, _on_signal)


def _on_signal(signum: int, frame: FrameType | None) -> None:
    """Runs in the main thread: start the handlers' thread, or run the previous handler."""
    global _dispatching, _pending_exit
    with _lock:
        pending_exit, _pending_exit = _pending_exit, None
        declined = signum in _unhandled or (signum == signal.SIGINT and _dispatching > 0)
        _unhandled.discard(signum)
        if not declined and pending_exit is None:
            _dispatching += 1
    if pending_exit is not None:
        raise pending_exit
    if declined:
        _run_previous(signum, frame)
        return
    threading.Thread(
        target=_dispatch, args=(signum,), name="console-ctrl-handler", daemon=True
    ).start()


def _run_previous(signum: int, frame: FrameType | None) -> None:
    previous = _previous.get(signum)
    if callable(previous):
        previous(signum, frame)
    elif previous == signal.SIG_DFL:  # what the signal would have done: end the process
        signal.signal(signum, signal.SIG_DFL)
        signal.raise_signal(signum)


def _dispatch(signum: int) -> None:
    """Call the handlers, the last added first, on this new thread (as Windows does)."""
    global _dispatching
    try:
        event = _SIGNALS[signum]
        with _lock:
            handlers = list(reversed(_handlers))
            ignored = event == CTRL_C_EVENT and _ignore_ctrl_c
        if ignored:
            return
        for handler in handlers:
            try:
                if handler(event):
                    return
            except SystemExit as exc:  # as pywin32: the program ends with its code
                _to_main(signal.SIGINT, exc)
                return
            except BaseException:  # as pywin32: reported, and the next handler is asked
                sys.stderr.write("ConsoleCtrlHandler function failed\n")
                traceback.print_exc()
        _to_main(signum, None)  # the main thread runs the previous one
    finally:
        with _lock:
            _dispatching -= 1


def _to_main(signum: int, exit_: SystemExit | None) -> None:
    """Hand ``signum`` to the main thread's previous handler, or end it with ``exit_``.

    A real signal, not ``interrupt_main``'s flag: it also wakes a blocked system call.
    """
    global _pending_exit
    with _lock:
        if exit_ is not None:
            _pending_exit = exit_
        else:
            _unhandled.add(signum)
    main = threading.main_thread()
    if main.is_alive() and main.ident is not None:
        signal.pthread_kill(main.ident, signum)


def add_ctrl_handler(handler: Callable[[int], object]) -> None:
    """Add a control handler: ``handler(event)`` returns True when it handled the event.

    It runs on a new thread for each event, the last added first.

    Raises:
        TypeError: ``handler`` is not callable.
        RuntimeError: the first handler is added from a thread other than the main one.
    """
    if not callable(handler):
        raise TypeError("a console control handler must be callable")
    with _lock:
        _install()
        _handlers.append(handler)


def remove_ctrl_handler(handler: Callable[[int], object]) -> None:
    """Remove the last added instance of ``handler``.

    Raises:
        ValueError: it is not registered.
    """
    with _lock:
        for index in range(len(_handlers) - 1, -1, -1):
            if _handlers[index] is handler or _handlers[index] == handler:
                del _handlers[index]
                return
    raise ValueError("The object has not been registered")


def ignore_ctrl_c(ignore: bool) -> None:
    """Make the process ignore Ctrl+C (True) or heed it again (SetConsoleCtrlHandler(NULL)).

    Raises:
        RuntimeError: the first call is made from a thread other than the main one.
    """
    global _ignore_ctrl_c
    with _lock:
        _install()
        _ignore_ctrl_c = bool(ignore)


def raise_ctrl_event(event: int, group: int = 0) -> None:
    """Send a control event to a process group (GenerateConsoleCtrlEvent).

    Group 0 is the caller's own process group, the caller included, as every process of a
    console gets Windows' event; another group is a Linux process group's id. As on Windows,
    CTRL_C_EVENT is not delivered to a group other than 0 (the call succeeds).

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER for an event other than CTRL_C_EVENT,
            CTRL_BREAK_EVENT and CTRL_CLOSE_EVENT, or a group that does not exist.
    """
    signum = _EVENTS.get(event)
    if signum is None:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"{event!r} is no control event")
    if group and event == CTRL_C_EVENT:
        return
    try:
        os.killpg(group or os.getpgrp(), signum)
    except (ProcessLookupError, PermissionError):
        raise Win32Error.from_code(
            ERROR_INVALID_PARAMETER, f"{group!r} is no process group of this user"
        ) from None
