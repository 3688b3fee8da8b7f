"""The console's window: a top-level window that stands for the process's console.

On Windows the console host owns a window for each console (class ``ConsoleWindowClass``),
and programs find it with GetConsoleWindow, most often to hide it (ShowWindow with
SW_HIDE) or to read or set its title. The model makes such a window the first time it is
asked for while the process has a console, on a thread named ``apartment-console`` that
pumps messages for it for the rest of the process; its text is the console's title. A
process without a console has no console window (0). A later console (AllocConsole after
FreeConsole, which hides it) gets the same window back, shown, with the new console's title.
"""

from __future__ import annotations

import threading

from .._fork import SERVICES, after_fork_in_child
from ..kernel import Event, console_title, current_console, free_console, start_thread
from ..kernel import set_console_title as _set_title
from ..kernel.lowlevel import KERNEL_LOCK
from ._constants import WM_CLOSE
from ._defproc import def_window_proc
from ._destroy import forget
from ._pump import pump_messages
from ._styles import WS_OVERLAPPEDWINDOW, WS_VISIBLE
from ._window import Window, create_window
from ._windowpos import set_window_text, show_window
from ._wndclass import lookup_class, register_class

__all__ = ["CONSOLE_CLASS", "close_console", "console_window", "set_console_window_title"]

CONSOLE_CLASS = "ConsoleWindowClass"
"""The console window's class name, Windows' own."""

_SW_HIDE, _SW_SHOW = 0, 5
_START_TIMEOUT = 30.0
_lock = threading.Lock()
_window: Window | None = None
_shown_for: object = None  # the console the window stands for now


def console_window() -> int:
    """Return the console's window (GetConsoleWindow), 0 when the process has no console.

    Raises:
        RuntimeError: the console thread could not make the window.
    """
    global _shown_for
    console = current_console()
    if console is None:
        return 0
    with _lock:
        window = _window or _start()
        if _shown_for is not console:  # a new console: its title, shown
            _shown_for = console
            set_window_text(window.hwnd, console.title)
            show_window(window.hwnd, _SW_SHOW)
    return window.hwnd


def set_console_window_title(title: str) -> None:
    """Set the console's title (SetConsoleTitle), which is its window's text too.

    Raises:
        InvalidHandleError: the process has no console.
    """
    _set_title(title)
    with _lock:
        window = _window
    if window is not None and _shown_for is current_console():
        set_window_text(window.hwnd, console_title())


def close_console() -> None:
    """Free the process's console (FreeConsole) and hide its window, which stands for none.

    Without a console, nothing happens.
    """
    global _shown_for
    free_console()
    with _lock:
        window, _shown_for = _window, None
    if window is not None and not window.destroyed:
        show_window(window.hwnd, _SW_HIDE)


def _start() -> Window:
    """Start the console thread and wait for its window (under ``_lock``)."""
    made: list[Window] = []
    ready = Event(manual_reset=True)
    start_thread(_serve, ready, made, name="apartment-console")
    if not ready.wait(_START_TIMEOUT) or not made:
        raise RuntimeError("the console thread did not make the console window")
    return made[0]


def _console_proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
    """The console window's procedure (the console thread): closing it closes nothing."""
    if msg == WM_CLOSE:
        return 0
    return def_window_proc(hwnd, msg, wparam, lparam)


def _serve(ready: Event, made: list[Window]) -> None:
    """The console thread: make the window, then pump for it."""
    global _window
    try:
        with KERNEL_LOCK:
            registered = lookup_class(CONSOLE_CLASS) is not None
        if not registered:
            register_class(CONSOLE_CLASS, _console_proc)
        window = create_window(
            CONSOLE_CLASS, "", style=WS_OVERLAPPEDWINDOW | WS_VISIBLE, width=640, height=400
        )
        _window = window
        made.append(window)
    finally:
        ready.set()
    while True:
        pump_messages()  # a WM_QUIT posted to this thread ends nothing


def _after_fork_in_child() -> None:
    """The console thread is gone in a forked child: its window goes, a new one on use."""
    global _lock, _window, _shown_for
    _lock = threading.Lock()
    if _window is not None and not _window.destroyed:
        forget(_window)
    _window = None
    _shown_for = None


after_fork_in_child(_after_fork_in_child, SERVICES)
