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
the main thread is blocked in, as Ctrl+C would.

On Windows ``_thread.interrupt_main()`` from a handler is KeyboardInterrupt in the main thread,
never another Ctrl+C; here it trips the flag a SIGINT trips. So while handlers are installed
``_thread.interrupt_main`` is wrapped: it counts its calls and sends SIGINT to the main thread,
whose handler takes a counted one for the interrupt and runs the previous handler. Any other
SIGINT is another Ctrl+C, handled on a thread of its own, even while handlers run (as
Windows starts a thread per event): one sent by ``os.kill``, or by an ``interrupt_main``
bound by name before the wrap, is taken so.

The signal handler itself never waits: the handlers' thread is started by a bare thread, since
``Thread.start`` waits on a condition, and a second signal run inside that wait would raise in
the middle of ``threading``'s own locking.
"""

from __future__ import annotations

import _thread
import os
import signal
import sys
import threading
import time
import traceback
from typing import TYPE_CHECKING, Any

from .._fork import OUTER, hold_across_fork
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

_lock = threading.RLock()  # re-entrant: a signal handler may run while the main thread holds it
hold_across_fork(_lock, OUTER)  # a child never inherits it taken
_taken = threading.Condition(_lock)  # notified when the main thread runs a signal sent to it
_handlers: list[Callable[[int], object]] = []
_previous: dict[int, Any] = {}  # signal -> the Python handler before ours
_unhandled: set[int] = set()  # signals whose handlers all declined: run the previous one
_ignore_ctrl_c = False
_pending_exit: SystemExit | None = None  # a handler's SystemExit, for the main thread
_interrupts = 0  # SIGINTs tripped by _thread.interrupt_main, not yet run by the main thread
_sent: dict[int, int] = {}  # signal -> how many this module sent to the main thread
_ran: dict[int, int] = {}  # signal -> _sent's count when the main thread last ran its handler
_interrupt_main = _thread.interrupt_main  # the one the wrap calls
# A signal with a handler that does nothing: sent to the main thread only to end a wait it
# went into with a signal pending (see _send_to_main).
_NUDGE: int = getattr(signal, "SIGRTMAX", 0)  # 0: none (macOS has no real-time signals)
_NUDGE_EVERY = 0.02  # seconds between nudges
_NUDGE_FOR = 2.0  # seconds of nudging before the signal is left to the main thread
_nudging = False  # the nudge's handler is ours (a program's own is never sent it)


def _counted_interrupt_main(signum: int = signal.SIGINT, /) -> None:
    """``_thread.interrupt_main`` while handlers are installed: count, then interrupt.

    The interrupt goes as a real signal to the main thread, so that a system call it is
    blocked in ends (Python's flag alone wakes nothing on Linux).
    """
    global _interrupts
    main = threading.main_thread()
    if signum != signal.SIGINT or main.ident is None or not main.is_alive():
        _interrupt_main(signal.Signals(signum))
        return
    with _lock:
        _interrupts += 1
    _send_to_main(signum)


def _send_to_main(signum: int) -> None:
    """Send ``signum`` to the main thread, and see that it runs the handler.

    A signal that lands while the main thread is about to block (free-threaded CPython
    leaves it unseen till the wait ends: measured on 3.13t) is run at once when a second
    signal ends that wait; the caller nudges it so until the handler has run, within bounds.
    Called on the main thread itself, the handler runs before this returns.
    """
    main = threading.main_thread()
    if main.ident is None or not main.is_alive():
        return
    with _lock:
        sent = _sent[signum] = _sent.get(signum, 0) + 1
    signal.pthread_kill(main.ident, signum)
    if not _nudging or threading.get_ident() == main.ident:
        return
    deadline = time.monotonic() + _NUDGE_FOR
    with _taken:
        while not _taken.wait_for(lambda: _ran.get(signum, 0) >= sent, _NUDGE_EVERY):
            if time.monotonic() >= deadline or not main.is_alive():
                return
            signal.pthread_kill(main.ident, _NUDGE)


def _nudged(signum: int, frame: FrameType | None) -> None:
    """The nudge's handler: nothing; the wait it ended runs the pending handlers."""


def _install() -> None:
    """Catch the three signals (in the main thread, the first time; under ``_lock``)."""
    global _nudging
    if _previous:
        return
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError(
            "the first console control handler must be added from the main thread "
            "(Python sets signal handlers only there)"
        )
    for signum in _SIGNALS:
        _previous[signum] = signal.signal(signum, _on_signal)
    if _NUDGE and signal.getsignal(_NUDGE) in (signal.SIG_DFL, None):
        signal.signal(_NUDGE, _nudged)
        _nudging = True
    _thread.interrupt_main = _counted_interrupt_main


def _on_signal(signum: int, frame: FrameType | None) -> None:
    """Runs in the main thread: start the handlers' thread, or run the previous handler."""
    global _pending_exit, _interrupts
    with _lock:
        _ran[signum] = _sent.get(signum, 0)  # every signal sent so far ran this handler
        _taken.notify_all()
        pending_exit, _pending_exit = _pending_exit, None
        interrupted = signum == signal.SIGINT and _interrupts > 0
        if interrupted:
            _interrupts = 0  # however many were asked for, the flag ran this handler once
        declined = signum in _unhandled or interrupted
        _unhandled.discard(signum)
    if pending_exit is not None:
        raise pending_exit
    if declined:
        _run_previous(signum, frame)
        return
    _thread.start_new_thread(_start_dispatch, (signum,))


def _start_dispatch(signum: int) -> None:
    """On a bare thread: start the handlers' thread (``Thread.start`` waits; no handler may)."""
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
    _send_to_main(signum)


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
